//! Zielsystem read back: goal titles and priorities.

use std::collections::HashMap;
use std::io::{Read, Seek};

use calamine::Xlsx;
use kreisentwicklung_core::{Concept, Id, Priority};

use super::cells::tr;
use super::edit::{self, At};
use super::table::{self, Spec};
use super::{Limits, Problem, Report};
use crate::ctx::Ctx;

static SPEC: Spec = Spec {
    read: &[
        ("number", "Nr.", "No."),
        ("title", "Ziel", "Goal"),
        ("priority", "Priorität", "Priority"),
    ],
    shown: &[
        ("Ebene", "Level"),
        ("Handlungsfeld", "Field of action"),
        ("Schwerpunkte", "Focus areas"),
        ("Beschreibung", "Description"),
        ("Indikatoren", "Indicators"),
        ("Anzahl Maßnahmen", "Number of measures"),
        ("Ampel", "Traffic light"),
    ],
};

/// Reads the Zielsystem sheet into `target`. The sheet lists the goals in
/// tree order, so rows are matched by their number (or, without one, by
/// their position in that order).
pub(crate) fn apply<RS: Read + Seek>(
    book: &mut Xlsx<RS>,
    sheet: &str,
    ctx: &Ctx<'_>,
    target: &mut Concept,
    limits: &Limits,
    report: &mut Report,
) -> Result<(), Problem> {
    let written = ctx.c;
    let order: Vec<usize> = crate::sheets::goals::tree_order(written)
        .into_iter()
        .map(|(i, _)| i)
        .collect();
    let by_number: HashMap<&str, usize> = written
        .goals
        .iter()
        .enumerate()
        .filter_map(|(i, g)| g.number.as_deref().map(|n| (n.trim(), i)))
        .collect();
    let target_index: HashMap<Id, usize> = target
        .goals
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id.clone(), i))
        .collect();
    table::read(book, sheet, &SPEC, limits, report, |r, report| {
        let number = r.text("number").map(|(t, _)| t).unwrap_or_default();
        let by_position = order
            .get(r.position)
            .copied()
            .filter(|&i| written.goals[i].number.as_deref().unwrap_or("").trim() == number);
        let Some(i) = by_position.or_else(|| by_number.get(number.as_str()).copied()) else {
            report.warnings.push(Problem::cell(
                sheet,
                r.index,
                r.column("number").unwrap_or(0),
                tr(
                    report.lang,
                    "neue Zeile im Zielsystem: neue Ziele bitte in der JSON-Datei anlegen; Zeile nicht gelesen",
                    "new row in the goal system: add new goals in the JSON file; row ignored",
                ),
            ));
            return;
        };
        let w = &written.goals[i];
        let Some(&ti) = target_index.get(&w.id) else {
            return;
        };
        let t = &mut target.goals[ti];
        let path = format!("goals[{}]", t.id);
        let at = At {
            sheet,
            row: r.index,
            path: &path,
        };
        edit::title(
            report,
            &at,
            r,
            "title",
            "title",
            &w.title.text,
            &mut t.title,
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
    })?;
    Ok(())
}
