//! Maßnahmen read back: edits of measures, and new measures in rows added
//! below the table.

use std::collections::{HashMap, HashSet};
use std::io::{Read, Seek};

use calamine::Xlsx;
use kreisentwicklung_core::{
    BudgetLine, CodeList, Concept, Costs, CountyRole, Id, Measure, MeasureStatus, Priority,
    StatusUpdate, TimeHorizon,
};

use super::cells::{self, tr};
use super::edit::{self, At};
use super::table::{self, Row, Spec};
use super::{Limits, Problem, Report};
use crate::ctx::{join, Ctx};

static SPEC: Spec = Spec {
    read: &[
        ("number", "Nr.", "No."),
        ("title", "Maßnahme", "Measure"),
        ("description", "Beschreibung", "Description"),
        ("goals", "Ziele", "Goals"),
        ("lead", "Federführung", "Lead"),
        ("partners", "Partner", "Partners"),
        ("role", "Rolle des Kreises", "County's role"),
        ("period", "Zeitraum", "Period"),
        ("horizon", "Zeithorizont", "Time horizon"),
        ("priority", "Priorität", "Priority"),
        ("status", "Status", "Status"),
        ("updated", "Letzte Aktualisierung", "Last status update"),
        ("costs", "Kosten (EUR)", "Costs (EUR)"),
        ("costNote", "Hinweis zu den Kosten", "Note on costs"),
        ("budget", "Haushalt", "Budget"),
        ("indicators", "Indikatoren", "Indicators"),
    ],
    shown: &[
        ("Handlungsfeld", "Field of action"),
        ("Beginn", "Start"),
        ("Ende", "End"),
        ("Ampel", "Traffic light"),
        ("Förderung", "Funding"),
        ("Meilensteine", "Milestones"),
    ],
};

/// Reads the Maßnahmen sheet into `target`.
pub(crate) fn apply<RS: Read + Seek>(
    book: &mut Xlsx<RS>,
    sheet: &str,
    ctx: &Ctx<'_>,
    target: &mut Concept,
    limits: &Limits,
    report: &mut Report,
) -> Result<(), Problem> {
    let written = ctx.c;
    let by_number: HashMap<&str, usize> = written
        .measures
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.number.as_deref().map(|n| (n.trim(), i)))
        .collect();
    let mut target_index: HashMap<Id, usize> = target
        .measures
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.clone(), i))
        .collect();
    let mut seen: HashSet<usize> = HashSet::new();
    let mut added: Vec<Measure> = Vec::new();
    table::read(book, sheet, &SPEC, limits, report, |r, report| {
        let number = r.text("number").map(|(t, _)| t).unwrap_or_default();
        let by_position = written
            .measures
            .get(r.position)
            .filter(|m| m.number.as_deref().unwrap_or("").trim() == number)
            .map(|_| r.position);
        let found = by_position.or_else(|| by_number.get(number.as_str()).copied());
        match found {
            Some(i) if !seen.insert(i) => {
                let col = r.column("number").unwrap_or(0);
                let msg = tr(
                    report.lang,
                    &format!("die Nr. „{number}“ steht schon in einer Zeile darüber"),
                    &format!("the number \"{number}\" is already in a row above"),
                );
                report.error(sheet, r.index, col, msg);
            }
            Some(i) => {
                let w = &written.measures[i];
                match target_index.get(&w.id) {
                    Some(&t) => edit(report, sheet, r, ctx, w, &mut target.measures[t]),
                    None => report.warnings.push(Problem::cell(
                        sheet,
                        r.index,
                        0,
                        tr(
                            report.lang,
                            &format!("die Maßnahme „{}“ gibt es im Konzept nicht mehr; Zeile nicht gelesen", w.id),
                            &format!("the measure \"{}\" is no longer in the concept; row ignored", w.id),
                        ),
                    )),
                }
            }
            None => {
                if let Some(m) = new_measure(report, sheet, r, ctx, &number, &target_index, &added)
                {
                    target_index.insert(m.id.clone(), usize::MAX);
                    added.push(m);
                }
            }
        }
    })?;
    target.measures.extend(added);
    Ok(())
}

/// A measure from a row added below the table: its id is its number (made
/// unique), its values are the row's cells.
fn new_measure(
    report: &mut Report,
    sheet: &str,
    r: &Row,
    ctx: &Ctx<'_>,
    number: &str,
    taken: &HashMap<Id, usize>,
    added: &[Measure],
) -> Option<Measure> {
    let col = r.column("number").unwrap_or(0);
    if number.is_empty() {
        let msg = tr(
            report.lang,
            "neue Zeile ohne Nr.: eine neue Maßnahme braucht eine Nummer (aus ihr wird ihre Kennung)",
            "new row without a number: a new measure needs one (its id is made from it)",
        );
        report.error(sheet, r.index, col, msg);
        return None;
    }
    let id = Id::new(number);
    if !id.is_well_formed() {
        let msg = tr(
            report.lang,
            &format!("aus der Nr. „{number}“ wird keine Kennung: erlaubt sind Buchstaben, Ziffern, „.“, „-“ und „_“"),
            &format!("the number \"{number}\" does not make an id: letters, digits, \".\", \"-\" and \"_\" are allowed"),
        );
        report.error(sheet, r.index, col, msg);
        return None;
    }
    if taken.contains_key(&id) || added.iter().any(|m| m.id == id) {
        let msg = tr(
            report.lang,
            &format!("die Nr. „{number}“ ist schon vergeben"),
            &format!("the number \"{number}\" is already taken"),
        );
        report.error(sheet, r.index, col, msg);
        return None;
    }
    let blank = Measure::new(id.clone(), "");
    let mut m = blank.clone();
    m.number = Some(number.to_owned());
    let changes = report.changes.len();
    edit(report, sheet, r, ctx, &blank, &mut m);
    // One line for the new measure instead of one per cell.
    report.changes.truncate(changes);
    if m.title.text.is_empty() {
        let msg = tr(
            report.lang,
            "eine neue Maßnahme braucht einen Titel",
            "a new measure needs a title",
        );
        report.error(sheet, r.index, r.column("title").unwrap_or(1), msg);
        return None;
    }
    report.note(
        sheet,
        r.index,
        col,
        format!("measures[{id}]"),
        "—".to_owned(),
        tr(
            report.lang,
            &format!("neu: {}", m.title.text),
            &format!("new: {}", m.title.text),
        ),
    );
    Some(m)
}

/// Applies the edited cells of one row to a measure.
fn edit(report: &mut Report, sheet: &str, r: &Row, ctx: &Ctx<'_>, w: &Measure, t: &mut Measure) {
    let path = format!("measures[{}]", t.id);
    let at = At {
        sheet,
        row: r.index,
        path: &path,
    };
    let c = ctx.c;
    edit::title(
        report,
        &at,
        r,
        "title",
        "title",
        &w.title.text,
        &mut t.title,
    );
    edit::opt_text(
        report,
        &at,
        r,
        "description",
        "description",
        w.description.as_ref().map(|d| d.text.as_str()),
        &mut t.description,
    );
    let goals_text = w
        .goals
        .iter()
        .map(|g| ctx.goal_ref(g))
        .collect::<Vec<_>>()
        .join(", ");
    edit::refs(
        report,
        &at,
        r,
        "goals",
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
    let actor = |s: &str| {
        c.actors
            .iter()
            .find(|a| a.name.text.trim() == s)
            .or_else(|| c.actors.iter().find(|a| a.id.as_str() == s))
            .map(|a| a.id.clone())
    };
    let lead_text = w
        .lead
        .as_ref()
        .map(|l| ctx.actor_name(l))
        .unwrap_or_default();
    let mut lead: Vec<Id> = t.lead.iter().cloned().collect();
    edit::refs(
        report,
        &at,
        r,
        "lead",
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
        &at,
        r,
        "partners",
        "partners",
        ';',
        &partners_text,
        ("Akteur", "actor"),
        actor,
        &mut t.partners,
    );
    edit::code::<CountyRole>(
        report,
        &at,
        r,
        "role",
        "countyRole",
        w.county_role,
        &mut t.county_role,
    );
    edit::code::<TimeHorizon>(
        report,
        &at,
        r,
        "horizon",
        "timeHorizon",
        w.time_horizon,
        &mut t.time_horizon,
    );
    edit::code::<Priority>(
        report,
        &at,
        r,
        "priority",
        "priority",
        w.priority,
        &mut t.priority,
    );
    if let Some((text, col)) = edit::column_text(r, "period") {
        let shown = w.period.as_ref().map(|p| ctx.period(p)).unwrap_or_default();
        if text != shown.trim() {
            match parse_period(&text) {
                Ok(p) => report.set(
                    sheet,
                    r.index,
                    col,
                    at_path(&path, "period"),
                    &w.period,
                    p,
                    &mut t.period,
                ),
                Err(msg) => report.error(sheet, r.index, col, msg(report.lang)),
            }
        }
    }
    status(report, &at, r, w, t);
    costs(report, &at, r, ctx, w, t);
    let ind_text = join(w.indicators.iter().map(|x| ctx.indicator_ref(x)));
    edit::refs(
        report,
        &at,
        r,
        "indicators",
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

fn at_path(path: &str, field: &str) -> String {
    format!("{path}.{field}")
}

/// A period as written ("2. Halbjahr 2025", "2025–2027"); empty for none.
fn parse_period(
    text: &str,
) -> Result<
    Option<kreisentwicklung_core::Period>,
    impl Fn(kreisentwicklung_core::Language) -> String + '_,
> {
    if text.is_empty() {
        return Ok(None);
    }
    text.parse().map(Some).map_err(move |e: kreisentwicklung_core::PeriodParseError| {
        move |lang| {
            tr(
                lang,
                &format!("„{text}“ ist kein Zeitraum ({e}); erlaubt: z. B. 2025, 2. Halbjahr 2025, 2025–2027, 01.03.2025–30.06.2026"),
                &format!("\"{text}\" is not a period ({e}); allowed: e.g. 2025, 2. Halbjahr 2025, 2025–2027"),
            )
        }
    })
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
                at_path(at.path, "statusHistory"),
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
            at_path(at.path, "status"),
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
                        at_path(at.path, "costs.amount"),
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
                at_path(at.path, "costs.note"),
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
                        at_path(at.path, "budget"),
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
