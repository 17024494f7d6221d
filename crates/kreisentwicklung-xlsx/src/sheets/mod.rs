//! One module per sheet. Each `write` function leaves out its sheet when it
//! would be empty, writes its rows top to bottom (so that constant-memory
//! mode works) and adds the sheet to the workbook.
//!
//! Adding a sheet means a module with a `write` function, a [`SheetId`]
//! with its names, a line in [`write_all`] and a print layout
//! ([`crate::print::Page`], set with `SheetWriter::page` before `finish`);
//! adding a column means an entry in the sheet's [`column_table!`] and a
//! cell in its row loop.

/// A sheet's columns, in order: `NAME: def(key, de, en, style, max_width)`
/// per column gives the column's number as `const NAME: u16` and its
/// [`ColumnDef`](crate::sheet::ColumnDef) in `COLUMNS` (which the reader,
/// `crate::read`, knows the columns by). The numbers follow from the order,
/// so a column added or moved cannot leave a number behind.
macro_rules! column_table {
    ($(#[$attr:meta])* $($name:ident: $def:expr),+ $(,)?) => {
        $(#[$attr])*
        pub(crate) const COLUMNS: &[$crate::sheet::ColumnDef] = &[$($def),+];
        column_table!(@number 0; $($name)+);
    };
    (@number $n:expr; $name:ident $($rest:ident)*) => {
        const $name: u16 = $n;
        column_table!(@number $n + 1; $($rest)*);
    };
    (@number $n:expr;) => {};
}

pub(crate) mod actors;
pub(crate) mod challenges;
pub(crate) mod documents;
pub(crate) mod fields;
pub(crate) mod goals;
pub(crate) mod health;
pub(crate) mod indicators;
pub(crate) mod measures;
pub(crate) mod metadata;
pub(crate) mod overview;
pub(crate) mod participation;
pub(crate) mod profiles;
pub(crate) mod resolutions;
pub(crate) mod swot;

use kreisentwicklung_core::export::ExportError;
use kreisentwicklung_core::monitoring::TrafficLight;

use crate::book::{Book, Slot};
use crate::ctx::Ctx;
use crate::names::{SheetId, SheetNames};
use crate::sheet::SheetWriter;

/// Colours a traffic-light column: grün, gelb, rot, grau.
pub(crate) fn light_colors(ctx: &Ctx, w: &mut SheetWriter, col: u16) -> Result<(), ExportError> {
    for (light, format) in [
        (TrafficLight::Green, &ctx.fmt.green),
        (TrafficLight::Yellow, &ctx.fmt.yellow),
        (TrafficLight::Red, &ctx.fmt.red),
        (TrafficLight::Grey, &ctx.fmt.grey),
    ] {
        w.highlight(col, light.label(ctx.lang), format)?;
    }
    Ok(())
}

/// The number of sheets [`write_all`] writes (Übersicht to Prüfbericht and
/// the metadata sheet), left-out ones included.
pub(crate) const COUNT: usize = SHEETS.len() + 1;

/// A sheet writer: the export, the sheet's place and its name.
type Writer = fn(&Ctx, &Slot, &str) -> Result<(), ExportError>;

/// The sheets in order, before the metadata sheet.
const SHEETS: [(SheetId, Writer); 13] = [
    (SheetId::Overview, overview::write),
    (SheetId::Fields, fields::write),
    (SheetId::Swot, swot::write),
    (SheetId::Goals, goals::write),
    (SheetId::Measures, measures::write),
    (SheetId::Profiles, profiles::write),
    (SheetId::Indicators, indicators::write),
    (SheetId::Participation, participation::write),
    (SheetId::Challenges, challenges::write),
    (SheetId::Actors, actors::write),
    (SheetId::Resolutions, resolutions::write),
    (SheetId::Documents, documents::write),
    (SheetId::Health, health::write),
];

/// Writes every sheet into `book` (of [`COUNT`] places), in order, on up
/// to `threads` threads (see `book.rs`).
pub(crate) fn write_all(ctx: &Ctx, book: Book, threads: usize) -> Result<(), ExportError> {
    let mut names = SheetNames::default();
    let sheets: Vec<(String, Writer)> = SHEETS
        .into_iter()
        .map(|(id, write)| (names.claim(id.title(ctx.lang)), write))
        .collect();
    book.write_all(threads, |slot| match sheets.get(slot.position()) {
        Some((name, write)) => write(ctx, slot, name),
        // Last and very hidden: what the sheets do not show, for the reader.
        None => metadata::write(ctx, slot),
    })
}
