//! SWOT: the concept's SWOT analyses (Stärken, Schwächen, Chancen, Risiken),
//! one row each, every list as one line per entry.

use kreisentwicklung_core::export::ExportError;
use kreisentwicklung_core::Text;

use crate::book::Slot;
use crate::ctx::Ctx;
use crate::formats::Style;
use crate::names::SheetId;
use crate::sheet::{def, Item};

column_table! {
    TITLE: def("title", "Titel", "Title", Style::Wrap, 40.0),
    FIELD: def("field", "Handlungsfeld", "Field of action", Style::Wrap, 30.0),
    TOPICS: def("topics", "Themen", "Topics", Style::Wrap, 40.0),
    STRENGTHS: def("strengths", "Stärken", "Strengths", Style::Wrap, 50.0),
    WEAKNESSES: def("weaknesses", "Schwächen", "Weaknesses", Style::Wrap, 50.0),
    OPPORTUNITIES: def("opportunities", "Chancen", "Opportunities", Style::Wrap, 50.0),
    THREATS: def("threats", "Risiken", "Threats", Style::Wrap, 50.0),
    DOCUMENT: def("document", "Dokument", "Document", Style::Wrap, 35.0),
}

/// One line per entry, so that a wrapped cell reads like the list it is.
pub(crate) fn lines(texts: &[Text]) -> String {
    let mut out = String::new();
    for t in texts.iter().filter(|t| !t.is_blank()) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&t.text);
    }
    out
}

/// Writes the sheet; nothing when the concept has no SWOT analysis.
pub(crate) fn write(ctx: &Ctx, slot: &Slot, name: &str) -> Result<(), ExportError> {
    let c = ctx.c;
    if c.swot.is_empty() {
        return Ok(());
    }
    let mut w = ctx.sheet(slot, name, 1 + c.swot.len())?;
    w.begin_table(SheetId::Swot, COLUMNS, c.swot.len())?;
    w.freeze_columns(1);
    for (i, s) in c.swot.iter().enumerate() {
        let item = Item::new("swot", &s.id, i);
        let title = s.title.as_ref().map_or("", |t| t.text.as_str());
        w.text(TITLE, title, || item.field("title"))?;
        match &s.field {
            Some(f) => w.text(FIELD, &ctx.field_name(f), || item.field("field"))?,
            // A Kreis is a Kreis, never a Landkreis.
            None => w.label(FIELD, ctx.whole_territory())?,
        }
        for (column, list, field) in [
            (TOPICS, &s.topics, "topics"),
            (STRENGTHS, &s.strengths, "strengths"),
            (WEAKNESSES, &s.weaknesses, "weaknesses"),
            (OPPORTUNITIES, &s.opportunities, "opportunities"),
            (THREATS, &s.threats, "threats"),
        ] {
            w.text(column, &lines(list), || item.field(field))?;
        }
        if let Some(d) = &s.document {
            w.text(DOCUMENT, &ctx.document_title(d), || item.field("document"))?;
        }
        w.next_row();
    }
    w.end_table()?;
    w.page(ctx.page(true).repeat_columns(0, 0));
    w.finish(slot)
}
