//! Akteure: everyone taking part.

use kreisentwicklung_core::export::ExportError;
use kreisentwicklung_core::CodeList;
use rust_xlsxwriter::Workbook;

use crate::ctx::{lines, Ctx};
use crate::formats::Style;
use crate::names::SheetId;
use crate::print::Page;
use crate::sheet::{col, Column, Item};

const NAME: u16 = 0;
const KIND: u16 = 1;
const FUNCTION: u16 = 2;
const ORGANIZATION: u16 = 3;
const MEMBERS: u16 = 4;
const DESCRIPTION: u16 = 5;
const COUNT: u16 = 6;
const URL: u16 = 7;

/// The columns, also the reader's list of known headers.
pub(crate) fn columns(ctx: &Ctx) -> Vec<Column> {
    let t = |de, en| ctx.tr(de, en);
    vec![
        col(t("Name", "Name"), Style::Wrap, 40.0),
        col(t("Art", "Kind"), Style::Text, 28.0),
        col(t("Funktion", "Function"), Style::Wrap, 35.0),
        col(t("Organisation", "Organisation"), Style::Wrap, 35.0),
        col(t("Mitglieder", "Members"), Style::Wrap, 50.0),
        col(t("Beschreibung", "Description"), Style::Wrap, 50.0),
        col(t("Anzahl", "Count"), Style::Integer, 10.0),
        col(t("Internetadresse", "Web address"), Style::Link, 45.0),
    ]
}

/// Writes the sheet; nothing when there are no actors.
pub(crate) fn write(ctx: &Ctx, workbook: &mut Workbook, name: &str) -> Result<(), ExportError> {
    let c = ctx.c;
    if c.actors.is_empty() {
        return Ok(());
    }
    let mut w = ctx.sheet(workbook, name, 1 + c.actors.len())?;
    w.begin_table(
        SheetId::Actors.table_name(),
        columns(ctx),
        c.actors.len(),
        "actors",
        ctx.tr("Akteure", "actors"),
    )?;
    w.freeze_columns(1);
    for (i, a) in c.actors.iter().enumerate() {
        let item = Item::new("actors", &a.id, i);
        w.text(NAME, &a.name.text, || item.field("name"))?;
        w.label(KIND, ctx.label(a.kind))?;
        if let Some(f) = &a.function {
            w.text(FUNCTION, &f.text, || item.field("function"))?;
        }
        if let Some(o) = &a.organization {
            w.text(ORGANIZATION, &ctx.actor_name(o), || {
                item.field("organization")
            })?;
        }
        let members = a.members.iter().map(|m| {
            let name = ctx.actor_name(&m.actor);
            match (&m.role_label, m.role) {
                (Some(l), _) if !l.is_blank() => format!("{name} ({l})"),
                (_, Some(r)) => format!("{name} ({})", r.label(ctx.lang)),
                _ => name,
            }
        });
        w.text(MEMBERS, &lines(members), || item.field("members"))?;
        if let Some(d) = &a.description {
            w.text(DESCRIPTION, &d.text, || item.field("description"))?;
        }
        if let Some(n) = a.count {
            w.integer(COUNT, u64::from(n))?;
        }
        if let Some(u) = &a.url {
            w.url(URL, u, u, || item.field("url"))?;
        }
        w.next_row();
    }
    w.end_table()?;
    w.page(Page::new(ctx, true).repeat_columns(0, 0));
    w.finish(workbook)
}
