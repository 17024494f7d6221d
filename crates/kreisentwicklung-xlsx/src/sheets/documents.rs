//! Dokumente: reports, presentations, minutes, press articles, with links.

use kreisentwicklung_core::export::ExportError;
use rust_xlsxwriter::Workbook;

use crate::ctx::{join, Ctx};
use crate::formats::Style;
use crate::names::SheetId;
use crate::print::Page;
use crate::sheet::{col, Column, Item};

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

/// The columns, also the reader's list of known headers.
pub(crate) fn columns(ctx: &Ctx) -> Vec<Column> {
    let t = |de, en| ctx.tr(de, en);
    vec![
        col(t("Titel", "Title"), Style::Wrap, 50.0),
        col(t("Art", "Kind"), Style::Text, 30.0),
        col(t("Datum", "Date"), Style::Text, 24.0),
        col(t("Sortierdatum", "Sort date"), Style::Date, 13.0),
        col(t("Herausgeber", "Publisher"), Style::Wrap, 30.0),
        col(t("Ausgabe", "Issue"), Style::Text, 20.0),
        col(t("Seiten", "Pages"), Style::Text, 10.0),
        col(t("Autoren", "Authors"), Style::Wrap, 30.0),
        col(t("Beschreibung", "Description"), Style::Wrap, 45.0),
        col(t("Internetadresse", "Web address"), Style::Link, 50.0),
        col(t("Dateityp", "Media type"), Style::Text, 20.0),
    ]
}

/// Writes the sheet; nothing when there are no documents.
pub(crate) fn write(ctx: &Ctx, workbook: &mut Workbook, name: &str) -> Result<(), ExportError> {
    let c = ctx.c;
    if c.documents.is_empty() {
        return Ok(());
    }
    let mut w = ctx.sheet(workbook, name, 1 + c.documents.len())?;
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
    w.finish(workbook)
}
