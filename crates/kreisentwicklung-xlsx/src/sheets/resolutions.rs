//! Beschlüsse: council resolutions, one row per step of a paper through a
//! body (committee recommends, Kreistag decides).

use kreisentwicklung_core::export::ExportError;
use kreisentwicklung_core::{Consultation, Date, Period, Resolution};
use rust_xlsxwriter::Workbook;

use crate::ctx::{join, lines, Ctx};
use crate::formats::Style;
use crate::names::SheetId;
use crate::print::Page;
use crate::sheet::{col, Column, Item, SheetWriter};

const TITLE: u16 = 0;
const KIND: u16 = 1;
const NUMBER: u16 = 2;
const PAPER: u16 = 3;
const BODY: u16 = 4;
const ROLE: u16 = 5;
const DATE: u16 = 6;
const PLANNED: u16 = 7;
const SESSION: u16 = 8;
const AGENDA: u16 = 9;
const OUTCOME: u16 = 10;
const YES: u16 = 11;
const NO: u16 = 12;
const ABSTAIN: u16 = 13;
const BIASED: u16 = 14;
const ADOPTS: u16 = 15;
const TEXT: u16 = 16;
const MANDATES: u16 = 17;
const BUDGET: u16 = 18;
const NOTE: u16 = 19;

/// The columns, also the reader's list of known headers.
pub(crate) fn columns(ctx: &Ctx) -> Vec<Column> {
    let t = |de, en| ctx.tr(de, en);
    vec![
        col(t("Beschluss", "Resolution"), Style::Wrap, 45.0),
        col(t("Art", "Kind"), Style::Text, 24.0),
        col(t("Beschluss-Nr.", "Resolution no."), Style::Text, 16.0),
        col(t("Drucksache", "Paper"), Style::Text, 20.0),
        col(t("Gremium", "Body"), Style::Wrap, 35.0),
        col(t("Rolle", "Role"), Style::Text, 16.0),
        // A step known only to the month or year ("Mai 2024") shows its
        // period as text in the date column.
        col(t("Datum", "Date"), Style::Date, 14.0),
        col(t("Geplant für", "Planned for"), Style::Date, 14.0),
        col(t("Sitzung", "Session"), Style::Text, 16.0),
        col(t("TOP", "Agenda item"), Style::Text, 12.0),
        col(t("Ergebnis", "Outcome"), Style::Text, 28.0),
        col(t("Ja", "Yes"), Style::Integer, 8.0),
        col(t("Nein", "No"), Style::Integer, 8.0),
        col(t("Enthaltungen", "Abstentions"), Style::Integer, 10.0),
        col(t("Befangen", "Excluded (bias)"), Style::Integer, 10.0),
        col(t("Gegenstand", "Adopts"), Style::Wrap, 35.0),
        col(
            t("Beschlusstext", "Text of the resolution"),
            Style::Wrap,
            60.0,
        ),
        col(t("Aufträge", "Mandates"), Style::Wrap, 45.0),
        col(t("Haushalt", "Budget"), Style::Wrap, 40.0),
        col(t("Anmerkung", "Note"), Style::Wrap, 40.0),
    ]
}

/// Writes the sheet; nothing when there are no resolutions.
pub(crate) fn write(ctx: &Ctx, workbook: &mut Workbook, name: &str) -> Result<(), ExportError> {
    let c = ctx.c;
    if c.resolutions.is_empty() {
        return Ok(());
    }
    let rows: usize = c
        .resolutions
        .iter()
        .map(|r| r.consultations.len().max(1))
        .sum();
    let mut w = ctx.sheet(workbook, name, 1 + rows)?;
    w.begin_table(
        SheetId::Resolutions.table_name(),
        columns(ctx),
        rows,
        "resolutions",
        ctx.tr("Beschlüsse", "resolutions"),
    )?;
    w.freeze_columns(1);
    for (i, r) in c.resolutions.iter().enumerate() {
        let item = Item::new("resolutions", &r.id, i);
        if r.consultations.is_empty() {
            resolution_cells(ctx, &mut w, r, &item)?;
            w.next_row();
        }
        for (k, step) in r.consultations.iter().enumerate() {
            resolution_cells(ctx, &mut w, r, &item)?;
            step_cells(ctx, &mut w, step, &item, k)?;
            w.next_row();
        }
    }
    w.end_table()?;
    w.page(Page::new(ctx, true).repeat_columns(0, 0));
    w.finish(workbook)
}

/// The columns that belong to the resolution, repeated on each of its rows
/// so that filtering by body or date keeps the whole picture.
fn resolution_cells(
    ctx: &Ctx,
    w: &mut SheetWriter,
    r: &Resolution,
    item: &Item,
) -> Result<(), ExportError> {
    w.text(TITLE, &r.title.text, || item.field("title"))?;
    w.label(KIND, ctx.label(r.kind))?;
    if let Some(n) = &r.number {
        w.text(NUMBER, n, || item.field("number"))?;
    }
    if let Some(p) = &r.paper {
        w.text(PAPER, &p.display(), || item.field("paper"))?;
    }
    let adopts = r.adopts.iter().map(|a| {
        let mut s = ctx.label(a.subject).to_owned();
        if !a.items.is_empty() {
            let items: Vec<String> = a
                .items
                .iter()
                .map(|id| {
                    if ctx.idx().goal(id.as_str()).is_some() {
                        ctx.goal_ref(id)
                    } else if ctx.idx().field(id.as_str()).is_some() {
                        ctx.field_name(id)
                    } else if ctx.idx().document(id.as_str()).is_some() {
                        ctx.document_title(id)
                    } else {
                        id.to_string()
                    }
                })
                .collect();
            s.push_str(&format!(" ({})", items.join(", ")));
        }
        if let Some(n) = &a.note {
            s.push_str(&format!(": {n}"));
        }
        s
    });
    w.text(ADOPTS, &join(adopts), || item.field("adopts"))?;
    if let Some(t) = &r.text {
        w.text(TEXT, &t.text, || item.field("text"))?;
    }
    let mandates = r.mandates.iter().map(|m| {
        let mut s = format!("{}: {}", ctx.actor_name(&m.actor), m.task);
        if let Some(due) = &m.due {
            s.push_str(&format!(" ({} {due})", ctx.tr("bis", "due")));
        }
        s
    });
    w.text(MANDATES, &lines(mandates), || item.field("mandates"))?;
    let budget = r.budget.iter().map(|b| ctx.budget_link_text(b));
    w.text(BUDGET, &lines(budget), || item.field("budget"))?;
    Ok(())
}

fn step_cells(
    ctx: &Ctx,
    w: &mut SheetWriter,
    step: &Consultation,
    item: &Item,
    k: usize,
) -> Result<(), ExportError> {
    let path = |f: &str| format!("{}.consultations[{k}].{f}", item.path());
    w.text(BODY, &ctx.actor_name(&step.body), || path("body"))?;
    w.label(ROLE, ctx.label(step.role))?;
    when_cell(ctx, w, DATE, step.date, step.period.as_ref(), || {
        path("period")
    })?;
    when_cell(
        ctx,
        w,
        PLANNED,
        step.planned_date,
        step.planned_period.as_ref(),
        || path("plannedPeriod"),
    )?;
    if let Some(s) = &step.session {
        w.text(SESSION, s, || path("session"))?;
    }
    if let Some(a) = &step.agenda_item {
        w.text(AGENDA, a, || path("agendaItem"))?;
    }
    if let Some(o) = step.outcome {
        w.label(OUTCOME, ctx.label(o))?;
    }
    if let Some(v) = step.votes {
        // A count the minutes do not record stays an empty cell, not 0.
        for (col, n) in [
            (YES, v.yes),
            (NO, v.no),
            (ABSTAIN, v.abstain),
            (BIASED, v.biased),
        ] {
            if let Some(n) = n {
                w.integer(col, u64::from(n))?;
            }
        }
    }
    if let Some(n) = &step.note {
        w.text(NOTE, &n.text, || path("note"))?;
    }
    Ok(())
}

/// A day as a date cell; else a period ("Mai 2024", "im Jahr 2017") as
/// text in the same column, so that a reader finds it where the day would be.
fn when_cell(
    ctx: &Ctx,
    w: &mut SheetWriter,
    col: u16,
    date: Option<Date>,
    period: Option<&Period>,
    path: impl FnOnce() -> String,
) -> Result<(), ExportError> {
    match (date, period) {
        (Some(d), _) => w.date(col, d),
        (None, Some(Period::Day { date })) => w.date(col, *date),
        (None, Some(p)) => w.text(col, &ctx.period(p), path),
        (None, None) => Ok(()),
    }
}
