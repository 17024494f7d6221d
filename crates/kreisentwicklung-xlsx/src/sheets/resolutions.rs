//! Beschlüsse: council resolutions, one row per step of a paper through a
//! body (committee recommends, Kreistag decides).
//!
//! Gegenstand (`Ziele (1, 1.2): remark`, `; `-separated, [`adoption_text`])
//! and Aufträge (one a line, `actor: task (Frist: period)`, [`mandate_text`])
//! are read back with the same functions (rules in `crate::read`).

use kreisentwicklung_core::export::ExportError;
use kreisentwicklung_core::{Adoption, Consultation, Date, Id, Mandate, Period, Resolution};

use crate::book::Slot;
use crate::ctx::{join, lines, Ctx};
use crate::formats::Style;
use crate::names::SheetId;
use crate::sheet::{def, Item, SheetWriter};

// The order puts on the first printed page what a council reads a
// resolution by (title, kind, number, date, body, outcome, Gegenstand,
// Beschlusstext, Aufträge); the procedure follows on the page after.

column_table! {
    /// The columns, defined once for the writer and the reader (`crate::read`).
    ///
    /// The first nine at their widest fill one landscape page at 55 %
    /// (1,748 of 1,831 pixels, see `crate::print`): a row's Beschlusstext,
    /// its tallest cell, prints beside its title and date, not a page to the
    /// right of a row standing empty. Beschlusstext is wide enough for
    /// Helmstedt's 1,339 characters in 14 paragraphs to fit the highest row
    /// Excel allows (409 pt); Gremium and Gegenstand hold a word like
    /// „Kreisentwicklungskonzeptes“ on one line.
    TITLE: def("title", "Beschluss", "Resolution", Style::Wrap, 26.0),
    KIND: def("kind", "Art", "Kind", Style::Text, 21.0),
    NUMBER: def("number", "Beschluss-Nr.", "Resolution no.", Style::Text, 14.0),
    // A step known only to the month or year ("Mai 2024") shows its
    // period as text in the date column.
    DATE: def("date", "Datum", "Date", Style::Date, 12.0),
    BODY: def("body", "Gremium", "Body", Style::Wrap, 24.0),
    OUTCOME: def("outcome", "Ergebnis", "Outcome", Style::Text, 16.0),
    ADOPTS: def("adopts", "Gegenstand", "Adopts", Style::Wrap, 26.0),
    TEXT: def("text", "Beschlusstext", "Text of the resolution", Style::Wrap, 58.0),
    MANDATES: def("mandates", "Aufträge", "Mandates", Style::Wrap, 30.0),
    PAPER: def("paper", "Drucksache", "Paper", Style::Text, 18.0),
    ROLE: def("role", "Rolle", "Role", Style::Text, 15.0),
    PLANNED: def("planned", "Geplant für", "Planned for", Style::Date, 12.0),
    SESSION: def("session", "Sitzung", "Session", Style::Text, 16.0),
    AGENDA: def("agenda", "TOP", "Agenda item", Style::Text, 10.0),
    YES: def("yes", "Ja", "Yes", Style::Integer, 8.0),
    NO: def("no", "Nein", "No", Style::Integer, 8.0),
    ABSTAIN: def("abstain", "Enthaltungen", "Abstentions", Style::Integer, 10.0),
    BIASED: def("biased", "Befangen", "Excluded (bias)", Style::Integer, 10.0),
    BUDGET: def("budget", "Haushalt", "Budget", Style::Wrap, 36.0),
    NOTE: def("note", "Anmerkung", "Note", Style::Wrap, 40.0),
}

/// Writes the sheet; nothing when there are no resolutions.
pub(crate) fn write(ctx: &Ctx, slot: &Slot, name: &str) -> Result<(), ExportError> {
    let c = ctx.c;
    if c.resolutions.is_empty() {
        return Ok(());
    }
    let rows: usize = c
        .resolutions
        .iter()
        .map(|r| r.consultations.len().max(1))
        .sum();
    let mut w = ctx.sheet(slot, name, 1 + rows)?;
    w.begin_table(SheetId::Resolutions, COLUMNS, rows)?;
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
    w.page(ctx.page(true).repeat_columns(0, 0));
    w.finish(slot)
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
    let adopts = r.adopts.iter().map(|a| adoption_text(ctx, a));
    w.text(ADOPTS, &join(adopts), || item.field("adopts"))?;
    if let Some(t) = &r.text {
        w.text(TEXT, &t.text, || item.field("text"))?;
    }
    let mandates = r.mandates.iter().map(|m| mandate_text(ctx, m));
    w.text(MANDATES, &lines(mandates), || item.field("mandates"))?;
    let budget = r.budget.iter().map(|b| ctx.budget_link_text(b));
    w.text(BUDGET, &lines(budget), || item.field("budget"))?;
    Ok(())
}

/// One entry of Gegenstand (joined by [`SEPARATOR`](crate::ctx::SEPARATOR)):
/// "subject", with the items when not all of that kind ("Ziele (1, 1.2)")
/// and a remark ("…: remark").
pub(crate) fn adoption_text(ctx: &Ctx, a: &Adoption) -> String {
    let mut s = ctx.label(a.subject).to_owned();
    if !a.items.is_empty() {
        let items: Vec<String> = a.items.iter().map(|id| adopted_item(ctx, id)).collect();
        s.push_str(&format!(" ({})", items.join(ITEM_SEPARATOR)));
    }
    if let Some(n) = &a.note {
        s.push_str(&format!(": {n}"));
    }
    s
}

/// What separates the items adopted in one entry of Gegenstand.
pub(crate) const ITEM_SEPARATOR: &str = ", ";

/// An item adopted, as the sheets show it: a goal's number or title, a
/// field's name, a document's title, else its id.
pub(crate) fn adopted_item(ctx: &Ctx, id: &Id) -> String {
    if ctx.idx().goal(id.as_str()).is_some() {
        ctx.goal_ref(id)
    } else if ctx.idx().field(id.as_str()).is_some() {
        ctx.field_name(id)
    } else if ctx.idx().document(id.as_str()).is_some() {
        ctx.document_title(id)
    } else {
        id.to_string()
    }
}

/// What stands before the due period of a mandate ("… (Frist: Ende 2018)").
/// A label with a colon rather than "bis": the period itself may be "bis
/// Ende 2018" (`Period::Until`), which "bis" before it would double and
/// make unreadable as a different period.
pub(crate) fn due_word(ctx: &Ctx) -> &'static str {
    ctx.tr("Frist:", "due:")
}

/// One mandate as shown in Aufträge (one a line): "actor: task", with
/// " (Frist: period)" when it is due, the period in the workbook's language.
pub(crate) fn mandate_text(ctx: &Ctx, m: &Mandate) -> String {
    let mut s = format!("{}: {}", ctx.actor_name(&m.actor), m.task);
    if let Some(due) = &m.due {
        s.push_str(&format!(" ({} {})", due_word(ctx), ctx.period(due)));
    }
    s
}

fn step_cells(
    ctx: &Ctx,
    w: &mut SheetWriter,
    step: &Consultation,
    item: &Item,
    k: usize,
) -> Result<(), ExportError> {
    let path = |f: &str| item.at("consultations", k).field(f).into();
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
