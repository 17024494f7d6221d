//! Indikatoren read back: names, units, sources, the final target and new
//! observations.

use std::collections::HashMap;
use std::io::{Read, Seek};

use calamine::Xlsx;
use kreisentwicklung_core::{Concept, Id, Indicator, Observation, Period, Target};

use super::cells::{self, tr};
use super::edit::{self, At};
use super::table::{self, Row, Spec};
use super::{Limits, Problem, Report};
use crate::ctx::Ctx;

static SPEC: Spec = Spec {
    read: &[
        ("number", "Nr.", "No."),
        ("name", "Indikator", "Indicator"),
        ("unit", "Einheit", "Unit"),
        ("target", "Zielwert", "Target"),
        ("targetDue", "Zieltermin", "Target due"),
        ("latest", "Letzter Wert", "Latest value"),
        ("latestPeriod", "Stand", "Latest period"),
        ("source", "Quelle", "Source"),
        ("description", "Beschreibung", "Description"),
    ],
    shown: &[
        ("Richtung", "Direction"),
        ("Ausgangswert", "Baseline"),
        ("Stand Ausgangswert", "Baseline period"),
        ("Zielart", "Kind of target"),
        ("Datum", "Latest date"),
        ("Fortschritt", "Progress"),
        ("Soll-Fortschritt", "Expected progress"),
        ("Ampel", "Traffic light"),
        ("Hinweis zur Ampel", "Note on the light"),
        ("Ziele und Maßnahmen", "Goals and measures"),
    ],
};

/// Reads the Indikatoren table into `target` (the values over time below
/// it are a chart's data and are not read).
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
        .indicators
        .iter()
        .enumerate()
        .filter_map(|(i, x)| x.number.as_deref().map(|n| (n.trim(), i)))
        .collect();
    let target_index: HashMap<Id, usize> = target
        .indicators
        .iter()
        .enumerate()
        .map(|(i, x)| (x.id.clone(), i))
        .collect();
    table::read(book, sheet, &SPEC, limits, report, |r, report| {
        let number = r.text("number").map(|(t, _)| t).unwrap_or_default();
        let by_position = written
            .indicators
            .get(r.position)
            .filter(|x| x.number.as_deref().unwrap_or("").trim() == number)
            .map(|_| r.position);
        let Some(i) = by_position.or_else(|| by_number.get(number.as_str()).copied()) else {
            report.warnings.push(Problem::cell(
                sheet,
                r.index,
                r.column("number").unwrap_or(0),
                tr(
                    report.lang,
                    "neue Zeile bei den Indikatoren: neue Indikatoren bitte in der JSON-Datei anlegen; Zeile nicht gelesen",
                    "new row in the indicators: add new indicators in the JSON file; row ignored",
                ),
            ));
            return;
        };
        let w = &written.indicators[i];
        if let Some(&ti) = target_index.get(&w.id) {
            edit(report, sheet, r, ctx, w, &mut target.indicators[ti]);
        }
    })?;
    Ok(())
}

fn edit(
    report: &mut Report,
    sheet: &str,
    r: &Row,
    ctx: &Ctx<'_>,
    w: &Indicator,
    t: &mut Indicator,
) {
    let path = format!("indicators[{}]", t.id);
    let at = At {
        sheet,
        row: r.index,
        path: &path,
    };
    edit::title(report, &at, r, "name", "name", &w.name.text, &mut t.name);
    edit::string(report, &at, r, "unit", "unit", &w.unit, &mut t.unit);
    let source = w.source.as_ref().map(|s| s.text.as_str());
    edit::opt_text(report, &at, r, "source", "source", source, &mut t.source);
    let description = w.description.as_ref().map(|s| s.text.as_str());
    edit::opt_text(
        report,
        &at,
        r,
        "description",
        "description",
        description,
        &mut t.description,
    );

    // The final target: value and due period.
    let wt = w.final_target();
    let value = number(report, r, sheet, "target");
    let due = period(
        report,
        r,
        sheet,
        ctx,
        "targetDue",
        wt.and_then(|x| x.due.as_ref()),
    );
    if let (Some((value, vcol)), Some(due)) = (value, due) {
        let old_value = wt.map(|x| x.value);
        let old_due = wt.and_then(|x| x.due.clone());
        if value != old_value || due.0 != old_due {
            let slot = wt.and_then(|x| t.targets.iter().position(|y| y == x));
            match (value, slot) {
                (Some(v), Some(s)) => {
                    let before = t.targets[s].clone();
                    t.targets[s].value = v;
                    t.targets[s].due = due.0.clone();
                    report.note(
                        sheet,
                        r.index,
                        vcol,
                        format!("{path}.targets[{s}]"),
                        target_text(&before),
                        target_text(&t.targets[s]),
                    );
                }
                (Some(v), None) => {
                    let new = Target {
                        value: v,
                        due: due.0.clone(),
                        aspirational: false,
                    };
                    report.note(
                        sheet,
                        r.index,
                        vcol,
                        format!("{path}.targets[{}]", t.targets.len()),
                        "—".to_owned(),
                        target_text(&new),
                    );
                    t.targets.push(new);
                }
                (None, _) => {
                    let msg = tr(
                        report.lang,
                        "der Zielwert fehlt",
                        "the target value is missing",
                    );
                    report.error(sheet, r.index, vcol, msg);
                }
            }
        }
    }

    // The latest value: a new period adds an observation, the same period
    // with a new value corrects it.
    let wl = w.latest();
    let value = number(report, r, sheet, "latest");
    let when = period(report, r, sheet, ctx, "latestPeriod", wl.map(|o| &o.period));
    if let (Some((value, vcol)), Some((when, pcol))) = (value, when) {
        let old_value = wl.map(|o| o.value);
        let old_period = wl.map(|o| o.period.clone());
        if value == old_value && when == old_period {
            return;
        }
        let (Some(v), Some(p)) = (value, when) else {
            let msg = tr(
                report.lang,
                "ein neuer Wert braucht Wert und Stand (Zeitraum)",
                "a new value needs both the value and its period",
            );
            report.error(
                sheet,
                r.index,
                if value.is_none() { vcol } else { pcol },
                msg,
            );
            return;
        };
        match t.observations.iter().position(|o| o.period == p) {
            Some(k) => {
                let old = t.observations[k].value;
                if old != v {
                    t.observations[k].value = v;
                    report.note(
                        sheet,
                        r.index,
                        vcol,
                        format!("{path}.observations[{k}].value"),
                        super::show(&old),
                        super::show(&v),
                    );
                }
            }
            None => {
                report.note(
                    sheet,
                    r.index,
                    vcol,
                    format!("{path}.observations[{}]", t.observations.len()),
                    "—".to_owned(),
                    format!("{} ({p})", super::show(&v)),
                );
                t.observations.push(Observation {
                    value: v,
                    period: p,
                    note: None,
                });
            }
        }
    }
}

fn target_text(t: &Target) -> String {
    match &t.due {
        Some(d) => format!("{} ({d})", super::show(&t.value)),
        None => super::show(&t.value),
    }
}

/// A number cell of a column the table has.
fn number(report: &mut Report, r: &Row, sheet: &str, key: &str) -> Option<(Option<f64>, u32)> {
    let (v, col) = edit::cell_or_empty(r, key)?;
    match cells::number(&v, report.lang) {
        Ok(n) => Some((n, col)),
        Err(msg) => {
            report.error(sheet, r.index, col, msg);
            None
        }
    }
}

/// A period column: the written period when the text is unchanged, else
/// the parsed text.
fn period(
    report: &mut Report,
    r: &Row,
    sheet: &str,
    ctx: &Ctx<'_>,
    key: &str,
    written: Option<&Period>,
) -> Option<(Option<Period>, u32)> {
    let (text, col) = edit::column_text(r, key)?;
    let shown = written.map(|p| ctx.period(p)).unwrap_or_default();
    if text == shown.trim() {
        return Some((written.cloned(), col));
    }
    if text.is_empty() {
        return Some((None, col));
    }
    match text.parse::<Period>() {
        Ok(p) => Some((Some(p), col)),
        Err(e) => {
            let msg = tr(
                report.lang,
                &format!("„{text}“ ist kein Zeitraum ({e}); erlaubt: z. B. 2025, 2. Halbjahr 2025, 31.12.2025"),
                &format!("\"{text}\" is not a period ({e}); allowed: e.g. 2025, 2. Halbjahr 2025, 31.12.2025"),
            );
            report.error(sheet, r.index, col, msg);
            None
        }
    }
}
