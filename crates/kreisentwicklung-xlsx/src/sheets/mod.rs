//! One module per sheet. Each `write` function leaves out its sheet when it
//! would be empty, writes its rows top to bottom (so that constant-memory
//! mode works) and adds the sheet to the workbook.
//!
//! Adding a sheet (the planned "Prüfbericht" of the health report) means a
//! module with a `write` function and a line in [`write_all`]; adding a
//! column (a traffic light) means an entry in the sheet's `columns()` and a
//! cell in its row loop.

pub(crate) mod actors;
pub(crate) mod documents;
pub(crate) mod fields;
pub(crate) mod goals;
pub(crate) mod indicators;
pub(crate) mod measures;
pub(crate) mod overview;
pub(crate) mod participation;
pub(crate) mod resolutions;

use kreisentwicklung_core::export::ExportError;
use rust_xlsxwriter::Workbook;

use crate::ctx::Ctx;
use crate::names::{SheetId, SheetNames};

/// Writes every sheet, in order.
pub(crate) fn write_all(ctx: &Ctx, workbook: &mut Workbook) -> Result<(), ExportError> {
    type Writer = fn(&Ctx, &mut Workbook, &str) -> Result<(), ExportError>;
    let sheets: [(SheetId, Writer); 9] = [
        (SheetId::Overview, overview::write),
        (SheetId::Fields, fields::write),
        (SheetId::Goals, goals::write),
        (SheetId::Measures, measures::write),
        (SheetId::Indicators, indicators::write),
        (SheetId::Participation, participation::write),
        (SheetId::Actors, actors::write),
        (SheetId::Resolutions, resolutions::write),
        (SheetId::Documents, documents::write),
    ];
    let mut names = SheetNames::default();
    for (id, write) in sheets {
        let name = names.claim(id.title(ctx.lang));
        write(ctx, workbook, &name)?;
    }
    Ok(())
}
