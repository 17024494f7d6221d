//! Dokumente: reports, presentations, minutes, press articles, with links.

use kreisentwicklung_core::export::ExportError;

use super::{def, ColumnDef};
use crate::book::Slot;
use crate::ctx::{join, Ctx};
use crate::formats::Style;
use crate::names::SheetId;
use crate::print::Page;
use crate::sheet::{Column, Item};

const TITLE: u16 = 0;
const KIND: u16 = 1;
const DATE_TEXT: u16 = 2;
const DATE: u16 = 3;
const PUBLISHER: u16 = 4;
const ISSUE: u16 = 5;
const PAGES: u16 = 6;
const AUTHORS: u16 = 7;
const DESCRIPTION: u16 = 8;
const URL: u16 = 9;
const MEDIA_TYPE: u16 = 10;

/// The columns, defined once for the writer and the reader (`crate::read`).
pub(crate) const COLUMNS: &[ColumnDef] = &[
    def("title", "Titel", "Title", Style::Wrap, 50.0),
    def("kind", "Art", "Kind", Style::Text, 30.0),
    def("date", "Datum", "Date", Style::Text, 24.0),
    def("sortDate", "Sortierdatum", "Sort date", Style::Date, 13.0),
    def("publisher", "Herausgeber", "Publisher", Style::Wrap, 30.0),
    def("issue", "Ausgabe", "Issue", Style::Text, 20.0),
    def("pages", "Seiten", "Pages", Style::Text, 10.0),
    def("authors", "Autoren", "Authors", Style::Wrap, 30.0),
    def(
        "description",
        "Beschreibung",
        "Description",
        Style::Wrap,
        45.0,
    ),
    def("url", "Internetadresse", "Web address", Style::Link, 50.0),
    def("mediaType", "Dateityp", "Media type", Style::Text, 20.0),
];

/// The columns in the workbook's language.
pub(crate) fn columns(ctx: &Ctx) -> Vec<Column> {
    super::columns(ctx, COLUMNS)
}

/// Writes the sheet; nothing when there are no documents.
pub(crate) fn write(ctx: &Ctx, slot: &Slot, name: &str) -> Result<(), ExportError> {
    let c = ctx.c;
    if c.documents.is_empty() {
        return Ok(());
    }
    let mut w = ctx.sheet(slot, name, 1 + c.documents.len())?;
    w.begin_table(
        SheetId::Documents.table_name(),
        columns(ctx),
        c.documents.len(),
        "documents",
        ctx.tr("Dokumente", "documents"),
    )?;
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
    w.page(Page::new(ctx, true).repeat_columns(0, 0));
    w.finish(slot)
}
