//! Maßnahmen read back: edits of measures, and new measures in rows added
//! below the table.

use kreisentwicklung_core::{
    BudgetLine, CodeList, Costs, CountyRole, Funding, FundingProgramme, Id, Measure, MeasureStatus,
    Priority, StatusUpdate, TimeHorizon,
};

use super::cells::{self, tr};
use super::edit::{self, At};
use super::items::{collection, numbered_rows, text, Edit, Sheet, Written};
use super::table::{Row, Spec};
use super::{Problem, Report};
use crate::ctx::{join, Ctx};

const SPEC: Spec = Spec {
    read: &[
        "number",
        "title",
        "description",
        "goals",
        "lead",
        "partners",
        "role",
        "period",
        "horizon",
        "priority",
        "status",
        "updated",
        "costs",
        "costNote",
        "funding",
        "budget",
        "indicators",
    ],
    columns: crate::sheets::measures::COLUMNS,
    path: "measures",
    key: "number",
    title: "title",
    numbered: true,
    what: ("Maßnahme", "measure"),
};

/// The Maßnahmen sheet: one row per measure, in list order.
pub(crate) struct Measures;

impl Sheet for Measures {
    collection!(Measure, measures);
    const SPEC: Spec = SPEC;

    fn rows(ctx: &Ctx<'_>) -> Vec<Written> {
        numbered_rows(ctx.c.measures.iter().map(|m| m.number.as_deref()))
    }
    fn blank(id: Id, key: &str) -> Measure {
        Measure::new(id, "").with_number(key)
    }
    fn edit(e: Edit<'_, '_, Measure>) {
        edit(e.report, e.at, e.r, e.ctx, e.w, &mut e.items[e.i]);
    }
}

/// Applies the edited cells of one row to a measure.
fn edit(report: &mut Report, at: &At<'_>, r: &Row, ctx: &Ctx<'_>, w: &Measure, t: &mut Measure) {
    let c = ctx.c;
    edit::title(report, at, r, "title", &w.title.text, &mut t.title);
    text!(report, at, r, w, t, description);
    let goals_text = w
        .goals
        .iter()
        .map(|g| ctx.goal_ref(g))
        .collect::<Vec<_>>()
        .join(", ");
    edit::refs(
        report,
        at,
        r,
        "goals",
        ',',
        &goals_text,
        ("Ziel", "goal"),
        |s| {
            c.goals
                .iter()
                .find(|g| g.number.as_deref().map(str::trim) == Some(s) || g.id.as_str() == s)
                .or_else(|| c.goals.iter().find(|g| g.title.text.trim() == s))
                .map(|g| g.id.clone())
        },
        &mut t.goals,
    );
    let actor = |s: &str| edit::actor(c, s);
    let lead_text = w
        .lead
        .as_ref()
        .map(|l| ctx.actor_name(l))
        .unwrap_or_default();
    let mut lead: Vec<Id> = t.lead.iter().cloned().collect();
    edit::refs(
        report,
        at,
        r,
        "lead",
        '\u{0}',
        &lead_text,
        ("Akteur", "actor"),
        actor,
        &mut lead,
    );
    if lead.len() <= 1 {
        t.lead = lead.into_iter().next();
    }
    let partners_text = join(w.partners.iter().map(|p| ctx.actor_name(p)));
    edit::refs(
        report,
        at,
        r,
        "partners",
        ';',
        &partners_text,
        ("Akteur", "actor"),
        actor,
        &mut t.partners,
    );
    edit::code::<CountyRole>(
        report,
        at,
        r,
        ("role", "countyRole"),
        w.county_role,
        &mut t.county_role,
    );
    edit::code::<TimeHorizon>(
        report,
        at,
        r,
        ("horizon", "timeHorizon"),
        w.time_horizon,
        &mut t.time_horizon,
    );
    edit::code::<Priority>(report, at, r, "priority", w.priority, &mut t.priority);
    let period = w.period.as_ref();
    edit::period(report, at, r, ctx, "period", period, &mut t.period);
    status(report, at, r, w, t);
    costs(report, at, r, ctx, w, t);
    funding(report, at, r, ctx, w, t);
    let ind_text = join(w.indicators.iter().map(|x| ctx.indicator_ref(x)));
    edit::refs(
        report,
        at,
        r,
        "indicators",
        ';',
        &ind_text,
        ("Indikator", "indicator"),
        |s| {
            c.indicators
                .iter()
                .find(|i| ctx.indicator_ref(&i.id) == s || i.id.as_str() == s)
                .map(|i| i.id.clone())
        },
        &mut t.indicators,
    );
}

/// Status and Letzte Aktualisierung: a new status with a newer date is a
/// dated status update; a new status alone sets the status (a warning asks
/// for the date).
fn status(report: &mut Report, at: &At<'_>, r: &Row, w: &Measure, t: &mut Measure) {
    let lang = report.lang;
    let status = edit::cell_or_empty(r, "status")
        .map(|(v, col)| (cells::code::<MeasureStatus>(&v, lang), col));
    let date = edit::cell_or_empty(r, "updated").map(|(v, col)| (cells::date(&v, lang), col));
    let (new_status, status_col) = match status {
        None => (w.status, None),
        Some((Ok(s), col)) => (s, Some(col)),
        Some((Err(msg), col)) => {
            report.error(at.sheet, r.index, col, msg);
            return;
        }
    };
    let (new_date, date_col) = match date {
        None => (w.last_status_update(), None),
        Some((Ok(d), col)) => (d, Some(col)),
        Some((Err(msg), col)) => {
            report.error(at.sheet, r.index, col, msg);
            return;
        }
    };
    let status_edited = new_status != w.status;
    let date_edited = new_date != w.last_status_update();
    if let (true, Some(day), Some(s), Some(col)) = (date_edited, new_date, new_status, date_col) {
        if t.last_status_update().is_none_or(|last| last < day) {
            let update = StatusUpdate {
                date: day,
                status: s,
                note: None,
            };
            report.note(
                at.sheet,
                r.index,
                col,
                at.path("statusHistory"),
                "—".to_owned(),
                format!("{day} {}", s.code()),
            );
            t.status_history.push(update);
        }
    }
    if let (true, Some(col)) = (status_edited, status_col) {
        report.set(
            at.sheet,
            r.index,
            col,
            at.path("status"),
            &w.status,
            new_status,
            &mut t.status,
        );
        if !date_edited && !t.status_history.is_empty() {
            // The dated history would contradict the new status.
            report.error(
                at.sheet,
                r.index,
                col,
                tr(
                    lang,
                    "neuer Status ohne neues Datum in „Letzte Aktualisierung“: die Maßnahme hat datierte Fortschreibungen, bitte das Datum der Änderung eintragen",
                    "new status without a new date in \"Last status update\": the measure has dated status updates, enter the date of the change",
                ),
            );
        } else if !date_edited {
            report.warnings.push(Problem::cell(
                at.sheet,
                r.index,
                col,
                tr(
                    lang,
                    "neuer Status ohne neues Datum in „Letzte Aktualisierung“: als Status übernommen, ohne datierte Fortschreibung",
                    "new status without a new date in \"Last status update\": taken as the status, without a dated update",
                ),
            ));
        }
    }
}

/// Kosten, Hinweis zu den Kosten and Haushalt.
fn costs(report: &mut Report, at: &At<'_>, r: &Row, ctx: &Ctx<'_>, w: &Measure, t: &mut Measure) {
    let lang = report.lang;
    if let Some((v, col)) = edit::cell_or_empty(r, "costs") {
        match cells::euro(&v, lang) {
            Ok(amount) => {
                let written = w.costs.as_ref().and_then(|c| c.amount);
                if amount != written {
                    let mut current = t.costs.as_ref().and_then(|c| c.amount);
                    report.set(
                        at.sheet,
                        r.index,
                        col,
                        at.path("costs.amount"),
                        &written,
                        amount,
                        &mut current,
                    );
                    t.costs.get_or_insert_with(empty_costs).amount = current;
                }
            }
            Err(msg) => report.error(at.sheet, r.index, col, msg),
        }
    }
    if let Some((text, col)) = edit::column_text(r, "costNote") {
        let estimate = ctx.tr("geschätzt", "estimate");
        let shown = w.costs.as_ref().map(|c| {
            let mut note = Vec::new();
            if c.estimated {
                note.push(estimate.to_owned());
            }
            if let Some(n) = &c.note {
                note.push(n.text.clone());
            }
            join(note)
        });
        if text != shown.unwrap_or_default().trim() {
            let (estimated, rest) = match text.strip_prefix(estimate) {
                Some(rest) => (true, rest.trim_start_matches([';', ' ']).trim()),
                None => (false, text.as_str()),
            };
            let costs = t.costs.get_or_insert_with(empty_costs);
            let old = (costs.estimated, costs.note.as_ref().map(|n| n.text.clone()));
            costs.estimated = estimated;
            costs.note = (!rest.is_empty()).then(|| rest.into());
            report.note(
                at.sheet,
                r.index,
                col,
                at.path("costs.note"),
                super::show(&old.1),
                super::show(&costs.note.as_ref().map(|n| n.text.clone())),
            );
        }
    }
    if let Some((text, col)) = edit::column_text(r, "budget") {
        let shown = join(w.budget.iter().map(|b| {
            let mut s = format!("{}: {}", b.year, ctx.euro_text(b.amount));
            if let Some(account) = &b.account {
                s.push_str(&format!(" ({account})"));
            }
            s
        }));
        if text != shown.trim() {
            match parse_budget(&text, lang) {
                Ok(lines) => {
                    let old: Vec<String> = t
                        .budget
                        .iter()
                        .map(|b| format!("{}: {}", b.year, b.amount))
                        .collect();
                    let new: Vec<String> = lines
                        .iter()
                        .map(|b| format!("{}: {}", b.year, b.amount))
                        .collect();
                    report.note(
                        at.sheet,
                        r.index,
                        col,
                        at.path("budget"),
                        old.join("; "),
                        new.join("; "),
                    );
                    t.budget = lines;
                }
                Err(msg) => report.error(at.sheet, r.index, col, msg),
            }
        }
    }
}

/// Förderung as shown: `name (programme, funder, 80 %, 10.000,00 €,
/// period)`, several separated by `;`.
fn funding(report: &mut Report, at: &At<'_>, r: &Row, ctx: &Ctx<'_>, w: &Measure, t: &mut Measure) {
    let Some((text, col)) = edit::column_text(r, "funding") else {
        return;
    };
    let shown = |list: &[Funding]| join(list.iter().map(|f| ctx.funding_text(f)));
    if text == shown(&w.funding).trim() {
        return;
    }
    match parse_funding(&text, ctx) {
        Ok(list) if list == t.funding => {}
        Ok(list) => {
            let old = shown(&t.funding);
            let new = shown(&list);
            let show = |s: String| if s.is_empty() { "—".to_owned() } else { s };
            report.note(
                at.sheet,
                r.index,
                col,
                at.path("funding"),
                show(old),
                show(new),
            );
            t.funding = list;
        }
        Err(msg) => report.error(at.sheet, r.index, col, msg),
    }
}

fn parse_funding(text: &str, ctx: &Ctx<'_>) -> Result<Vec<Funding>, String> {
    let lang = ctx.lang;
    let programme = |s: &str| {
        cells::code::<FundingProgramme>(&cells::Value::Text(s.to_owned()), lang)
            .ok()
            .flatten()
    };
    let mut list = Vec::new();
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (name, details) = match part.strip_suffix(')').and_then(|p| p.split_once(" (")) {
            Some((n, d)) => (n.trim(), d),
            None => (part, ""),
        };
        let mut f = Funding::default();
        match programme(name) {
            Some(p) => f.programme = Some(p),
            None if name == ctx.tr("Förderung", "funding") => {}
            None => f.programme_name = Some(name.into()),
        }
        for d in details.split(", ").map(str::trim).filter(|d| !d.is_empty()) {
            let value = cells::Value::Text(d.to_owned());
            if d.ends_with('%') {
                match cells::number(&value, lang) {
                    Ok(Some(n)) if (0.0..=100.0).contains(&n) => f.share_percent = Some(n),
                    _ => return Err(bad_funding(lang, d, part)),
                }
            } else if d.contains('€') || d.contains("EUR") {
                f.amount = cells::euro(&value, lang).map_err(|_| bad_funding(lang, d, part))?;
            } else if let Some(p) = programme(d) {
                f.programme = Some(p);
            } else if let Some(a) = edit::actor(ctx.c, d) {
                f.funder = Some(a);
            } else if let Ok(p) = d.parse() {
                f.period = Some(p);
            } else {
                return Err(bad_funding(lang, d, part));
            }
        }
        list.push(f);
    }
    Ok(list)
}

fn bad_funding(lang: kreisentwicklung_core::Language, detail: &str, part: &str) -> String {
    tr(
        lang,
        &format!("„{detail}“ in „{part}“ ist weder Förderprogramm noch Akteur, Anteil (80 %), Betrag (10.000,00 €) oder Zeitraum; erlaubt: Name (Programm, Fördergeber, Anteil, Betrag, Zeitraum), mehrere mit „;“ getrennt"),
        &format!("\"{detail}\" in \"{part}\" is neither a funding programme nor an actor, share (80%), amount (€10,000.00) or period; allowed: name (programme, funder, share, amount, period), several separated by \";\""),
    )
}

fn empty_costs() -> Costs {
    Costs {
        amount: None,
        estimated: false,
        note: None,
    }
}

/// Budget lines as shown: `2025: 1.234,00 € (account); 2026: …`.
fn parse_budget(
    text: &str,
    lang: kreisentwicklung_core::Language,
) -> Result<Vec<BudgetLine>, String> {
    let mut lines = Vec::new();
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let bad = || {
            tr(
                lang,
                &format!("„{part}“ ist keine Haushaltszeile; erlaubt: Jahr: Betrag (Konto), z. B. 2025: 120.000,00 € (5.1.2); mehrere mit „;“ getrennt"),
                &format!("\"{part}\" is not a budget line; allowed: year: amount (account), e.g. 2025: €120,000.00 (5.1.2); several separated by \";\""),
            )
        };
        let (year, rest) = part.split_once(':').ok_or_else(bad)?;
        let year: i32 = year.trim().parse().map_err(|_| bad())?;
        let (amount, account) = match rest.split_once('(') {
            Some((a, acc)) => (a, Some(acc.trim().trim_end_matches(')').trim().to_owned())),
            None => (rest, None),
        };
        let amount = cells::euro(&cells::Value::Text(amount.to_owned()), lang)
            .map_err(|_| bad())?
            .ok_or_else(bad)?;
        lines.push(BudgetLine {
            year,
            amount,
            account,
            note: None,
        });
    }
    Ok(lines)
}
