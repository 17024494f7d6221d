//! Indikatoren read back: names, units, sources, the final target and new
//! observations.

use kreisentwicklung_core::{Direction, Id, Indicator, Observation, Period, Target};

use super::cells::{self, tr};
use super::edit::{self, At};
use super::items::{collection, numbered_rows, text, Edit, Sheet, Written};
use super::table::{Row, Spec};
use super::Report;
use crate::ctx::Ctx;

const SPEC: Spec = Spec {
    read: &[
        "number",
        "name",
        "unit",
        "direction",
        "target",
        "targetDue",
        "latest",
        "latestPeriod",
        "source",
        "description",
    ],
    columns: crate::sheets::indicators::COLUMNS,
    path: "indicators",
    key: "number",
    title: "name",
    numbered: true,
    what: ("Indikator", "indicator"),
};

/// The Indikatoren table (the values over time below it are a chart's data
/// and are not read), one row per indicator, matched by number.
pub(crate) struct Indicators;

impl Sheet for Indicators {
    collection!(Indicator, indicators);
    const SPEC: Spec = SPEC;

    fn rows(ctx: &Ctx<'_>) -> Vec<Written> {
        numbered_rows(ctx.c.indicators.iter().map(|x| x.number.as_deref()))
    }
    fn blank(id: Id, key: &str) -> Indicator {
        let mut x = Indicator::new(id, "", "", Direction::HigherIsBetter);
        x.number = Some(key.to_owned());
        x
    }
    fn edit(e: Edit<'_, '_, Indicator>) {
        edit(e.report, e.at, e.r, e.ctx, e.w, &mut e.items[e.i]);
    }
}

fn edit(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    ctx: &Ctx<'_>,
    w: &Indicator,
    t: &mut Indicator,
) {
    let (sheet, path) = (at.sheet, at.path);
    edit::title(report, at, r, "name", &w.name.text, &mut t.name);
    edit::string(report, at, r, "unit", &w.unit, &mut t.unit);
    edit::required_code::<Direction>(report, at, r, "direction", w.direction, &mut t.direction);
    text!(report, at, r, w, t, source);
    text!(report, at, r, w, t, description);

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
                        path.clone().field("targets").index(s),
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
                        path.clone().field("targets").index(t.targets.len()),
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
                        path.clone().field("observations").index(k).field("value"),
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
                    path.clone()
                        .field("observations")
                        .index(t.observations.len()),
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
    match edit::parse_period(report.lang, &text) {
        Ok(p) => Some((p, col)),
        Err(e) => {
            let msg = edit::period_error(report.lang, &text, &e);
            report.error(sheet, r.index, col, msg);
            None
        }
    }
}
