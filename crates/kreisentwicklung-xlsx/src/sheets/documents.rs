//! Dokumente: reports, presentations, minutes, press articles, with links.

use kreisentwicklung_core::export::ExportError;

use crate::book::Slot;
use crate::ctx::{join, Ctx};
use crate::formats::Style;
use crate::names::SheetId;
use crate::sheet::{def, Item};

column_table! {
    /// The columns, defined once for the writer and the reader (`crate::read`).
    TITLE: def("title", "Titel", "Title", Style::Wrap, 50.0),
    KIND: def("kind", "Art", "Kind", Style::Text, 30.0),
    DATE_TEXT: def("date", "Datum", "Date", Style::Text, 24.0),
    DATE: def("sortDate", "Sortierdatum", "Sort date", Style::Date, 13.0),
    PUBLISHER: def("publisher", "Herausgeber", "Publisher", Style::Wrap, 30.0),
    ISSUE: def("issue", "Ausgabe", "Issue", Style::Text, 20.0),
    PAGES: def("pages", "Seiten", "Pages", Style::Text, 10.0),
    AUTHORS: def("authors", "Autoren", "Authors", Style::Wrap, 30.0),
    DESCRIPTION: def("description", "Beschreibung", "Description", Style::Wrap, 45.0),
    URL: def("url", "Internetadresse", "Web address", Style::Link, 50.0),
    MEDIA_TYPE: def("mediaType", "Dateityp", "Media type", Style::Text, 20.0),
}

/// Writes the sheet; nothing when there are no documents.
pub(crate) fn write(ctx: &Ctx, slot: &Slot, name: &str) -> Result<(), ExportError> {
    let c = ctx.c;
    if c.documents.is_empty() {
        return Ok(());
    }
    let mut w = ctx.sheet(slot, name, 1 + c.documents.len())?;
    w.begin_table(SheetId::Documents, COLUMNS, c.documents.len())?;
    w.freeze_columns(1);
    for (i, d) in c.documents.iter().enumerate() {
        let item = Item::new("documents", &d.id, i);
        w.text(TITLE, &d.title.text, || item.field("title"))?;
        w.label(KIND, ctx.label(d.kind))?;
        if let Some(p) = &d.date {
            w.text(DATE_TEXT, &ctx.period(p), || item.field("date"))?;
            w.opt_date(DATE, p.earliest().or_else(|| p.latest()))?;
        }
        if let Some(p) = &d.publisher {
            w.text(PUBLISHER, &p.text, || item.field("publisher"))?;
        }
        if let Some(s) = &d.issue {
            w.text(ISSUE, s, || item.field("issue"))?;
        }
        if let Some(s) = &d.pages {
            w.text(PAGES, s, || item.field("pages"))?;
        }
        w.text(
            AUTHORS,
            &join(d.authors.iter().map(|a| ctx.actor_name(a))),
            || item.field("authors"),
        )?;
        if let Some(s) = &d.description {
            w.text(DESCRIPTION, &s.text, || item.field("description"))?;
        }
        if let Some(u) = &d.url {
            w.url(URL, u, u, || item.field("url"))?;
        }
        if let Some(s) = &d.media_type {
            w.text(MEDIA_TYPE, s, || item.field("mediaType"))?;
        }
        w.next_row();
    }
    w.end_table()?;
    w.page(ctx.page(true).repeat_columns(0, 0));
    w.finish(slot)
}
