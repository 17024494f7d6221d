//! Herausforderungen: problems met while writing or implementing the
//! concept, each with its details as one line per point.

use kreisentwicklung_core::export::ExportError;
use kreisentwicklung_core::ItemPath;

use crate::book::Slot;
use crate::ctx::Ctx;
use crate::formats::Style;
use crate::names::SheetId;
use crate::sheet::def;
use crate::sheets::swot::lines;

column_table! {
    NUMBER: def("number", "Nr.", "No.", Style::Integer, 6.0),
    CHALLENGE: def("challenge", "Herausforderung", "Challenge", Style::Wrap, 60.0),
    DETAILS: def("details", "Einzelheiten", "Details", Style::Wrap, 80.0),
}

/// Writes the sheet; nothing when the concept names no challenges.
pub(crate) fn write(ctx: &Ctx, slot: &Slot, name: &str) -> Result<(), ExportError> {
    let c = ctx.c;
    if c.challenges.is_empty() {
        return Ok(());
    }
    let mut w = ctx.sheet(slot, name, 1 + c.challenges.len())?;
    w.begin_table(SheetId::Challenges, COLUMNS, c.challenges.len())?;
    for (i, ch) in c.challenges.iter().enumerate() {
        // Challenges have no id: the path names the position.
        let path = |field: &str| {
            ItemPath::field_of_concept("challenges")
                .index(i)
                .field(field)
                .into()
        };
        w.integer(NUMBER, i as u64 + 1)?;
        w.text(CHALLENGE, &ch.text.text, || path("text"))?;
        w.text(DETAILS, &lines(&ch.details), || path("details"))?;
        w.next_row();
    }
    w.end_table()?;
    w.page(ctx.page(true));
    w.finish(slot)
}
