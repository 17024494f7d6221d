//! One module per sheet. Each `write` function leaves out its sheet when it
//! would be empty, writes its rows top to bottom (so that constant-memory
//! mode works) and adds the sheet to the workbook.
//!
//! Adding a sheet means a module with a `write` function, a [`SheetId`]
//! with its names, a line in [`write_all`] and a print layout
//! ([`crate::print::Page`], set with `SheetWriter::page` before `finish`); adding a column means an entry in the sheet's `columns()`
//! and a cell in its row loop.

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
use rust_xlsxwriter::Workbook;

use crate::ctx::Ctx;
use crate::formats::Style;
use crate::names::{SheetId, SheetNames};
use crate::sheet::{col, Column, SheetWriter};

/// A column of a table that is read back, defined once for the writer and
/// the reader: the key the reader knows it by, its German and English
/// header, how its cells look and how wide it may grow.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ColumnDef {
    pub key: &'static str,
    pub de: &'static str,
    pub en: &'static str,
    pub style: Style,
    pub max_width: f64,
}

/// A [`ColumnDef`]; `max_width` in Excel's character units.
pub(crate) const fn def(
    key: &'static str,
    de: &'static str,
    en: &'static str,
    style: Style,
    max_width: f64,
) -> ColumnDef {
    ColumnDef {
        key,
        de,
        en,
        style,
        max_width,
    }
}

/// The columns of a table, headed in the workbook's language.
pub(crate) fn columns(ctx: &Ctx, defs: &[ColumnDef]) -> Vec<Column> {
    defs.iter()
        .map(|d| col(ctx.tr(d.de, d.en), d.style, d.max_width))
        .collect()
}

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

/// Writes every sheet, in order.
pub(crate) fn write_all(ctx: &Ctx, workbook: &mut Workbook) -> Result<(), ExportError> {
    type Writer = fn(&Ctx, &mut Workbook, &str) -> Result<(), ExportError>;
    let sheets: [(SheetId, Writer); 13] = [
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
    let mut names = SheetNames::default();
    for (id, write) in sheets {
        let name = names.claim(id.title(ctx.lang));
        write(ctx, workbook, &name)?;
    }
    // Last and very hidden: what the sheets do not show, for the reader.
    metadata::write(ctx, workbook)
}
