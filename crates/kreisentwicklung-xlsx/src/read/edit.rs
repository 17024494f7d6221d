//! Edits of single cells, shared by the tables: text, coded values,
//! numbers, and references by what the sheet shows of their target.

use kreisentwicklung_core::{
    Concept, Date, Id, ItemPath, Language, Period, PeriodParseError, Text,
};

use super::cells::{self, Named, Value};
use super::table::Row;
use super::Report;
use crate::ctx::Ctx;

/// Where edits of one item go: the sheet and the item's path.
pub(crate) struct At<'a> {
    pub sheet: &'a str,
    pub row: u32,
    pub path: &'a ItemPath,
}

impl At<'_> {
    /// The path of one field of the item.
    pub(crate) fn path(&self, field: &str) -> ItemPath {
        self.path.clone().field(field)
    }
}

/// A required text (a title): an edit to empty is an error.
pub(crate) fn title(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    key: &str,
    field: &str,
    written: &str,
    target: &mut Text,
) {
    let Some((new, col)) = column_text(r, key) else {
        return;
    };
    if new == written.trim() {
        return;
    }
    if new.is_empty() {
        let msg = cells::tr(report.lang, "darf nicht leer sein", "must not be empty");
        report.error(at.sheet, at.row, col, msg);
        return;
    }
    let mut t = target.text.clone();
    report.set(
        at.sheet,
        at.row,
        col,
        at.path(field),
        &t.clone(),
        new,
        &mut t,
    );
    target.text = t;
}

/// An optional text (a description, a note).
pub(crate) fn opt_text(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    key: &str,
    field: &str,
    written: Option<&str>,
    target: &mut Option<Text>,
) {
    let Some((new, col)) = column_text(r, key) else {
        return;
    };
    if new == written.unwrap_or("").trim() {
        return;
    }
    let old = target.as_ref().map(|t| t.text.clone());
    let new_opt = (!new.is_empty()).then(|| new.clone());
    if old == new_opt {
        return;
    }
    report.note(
        at.sheet,
        at.row,
        col,
        at.path(field),
        super::show(&old),
        super::show(&new_opt),
    );
    match (target.as_mut(), new_opt) {
        (Some(t), Some(n)) => t.text = n,
        (_, None) => *target = None,
        (None, Some(n)) => *target = Some(Text::new(n)),
    }
}

/// A plain string field (a unit).
pub(crate) fn string(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    key: &str,
    field: &str,
    written: &str,
    target: &mut String,
) {
    let Some((new, col)) = column_text(r, key) else {
        return;
    };
    report.set(
        at.sheet,
        at.row,
        col,
        at.path(field),
        &written.trim().to_owned(),
        new,
        target,
    );
}

/// A coded value by label or code.
pub(crate) fn code<T: Named + serde::Serialize>(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    key: &str,
    field: &str,
    written: Option<T>,
    target: &mut Option<T>,
) {
    let Some((value, col)) = cell_or_empty(r, key) else {
        return;
    };
    match cells::code::<T>(&value, report.lang) {
        Ok(new) => report.set(at.sheet, at.row, col, at.path(field), &written, new, target),
        Err(msg) => report.error(at.sheet, at.row, col, msg),
    }
}

/// The cell of a column the table has, empty when the row leaves it empty;
/// `None` when the table has no such column.
pub(crate) fn cell_or_empty(r: &Row, key: &str) -> Option<(Value, u32)> {
    match r.get(key) {
        Some((v, c)) => Some((v.clone(), c)),
        None => r.column(key).map(|c| (Value::Empty, c)),
    }
}

/// The trimmed text of a column the table has ("" when the cell is empty).
pub(crate) fn column_text(r: &Row, key: &str) -> Option<(String, u32)> {
    cell_or_empty(r, key).map(|(v, c)| (cells::text(&v), c))
}

/// A list of references shown joined by `sep`: when the text differs from
/// what was written, each part is resolved with `resolve` (by what the sheet
/// shows, or an id); parts that resolve to nothing are errors.
#[allow(clippy::too_many_arguments)]
pub(crate) fn refs(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    key: &str,
    field: &str,
    sep: char,
    written_text: &str,
    what: (&str, &str),
    resolve: impl Fn(&str) -> Option<Id>,
    target: &mut Vec<Id>,
) {
    let Some((new, col)) = column_text(r, key) else {
        return;
    };
    if new == written_text.trim() {
        return;
    }
    let mut ids = Vec::new();
    for part in new.split(sep).map(str::trim).filter(|p| !p.is_empty()) {
        match resolve(part) {
            Some(id) => ids.push(id),
            None => {
                let msg = cells::tr(
                    report.lang,
                    &format!("„{part}“ ist kein {} dieses Konzepts", what.0),
                    &format!("\"{part}\" is not a {} of this concept", what.1),
                );
                report.error(at.sheet, at.row, col, msg);
                return;
            }
        }
    }
    let old = target.clone();
    report.set(
        at.sheet,
        at.row,
        col,
        at.path(field),
        &old.clone(),
        ids,
        target,
    );
}

/// A coded value that must be there: an empty cell is an error.
pub(crate) fn required_code<T: Named + serde::Serialize>(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    key: &str,
    field: &str,
    written: T,
    target: &mut T,
) {
    let Some((value, col)) = cell_or_empty(r, key) else {
        return;
    };
    match cells::code::<T>(&value, report.lang) {
        Ok(Some(new)) => report.set(at.sheet, at.row, col, at.path(field), &written, new, target),
        Ok(None) => {
            let allowed: Vec<&str> = T::ALL.iter().map(|c| c.label(report.lang)).collect();
            let msg = cells::tr(
                report.lang,
                &format!("darf nicht leer sein; erlaubt: {}", allowed.join(", ")),
                &format!("must not be empty; allowed: {}", allowed.join(", ")),
            );
            report.error(at.sheet, at.row, col, msg);
        }
        Err(msg) => report.error(at.sheet, at.row, col, msg),
    }
}

/// An optional plain string (an agenda item, a web address).
pub(crate) fn opt_string(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    key: &str,
    field: &str,
    written: Option<&str>,
    target: &mut Option<String>,
) {
    let Some((new, col)) = column_text(r, key) else {
        return;
    };
    let written = written
        .map(|w| w.trim().to_owned())
        .filter(|w| !w.is_empty());
    let new = (!new.is_empty()).then_some(new);
    report.set(at.sheet, at.row, col, at.path(field), &written, new, target);
}

/// An optional count (a whole number, not negative).
pub(crate) fn count(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    key: &str,
    field: &str,
    written: Option<u32>,
    target: &mut Option<u32>,
) {
    let Some((value, col)) = cell_or_empty(r, key) else {
        return;
    };
    match cells::number(&value, report.lang) {
        Ok(None) => report.set(
            at.sheet,
            at.row,
            col,
            at.path(field),
            &written,
            None,
            target,
        ),
        Ok(Some(n)) if n >= 0.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX) => report.set(
            at.sheet,
            at.row,
            col,
            at.path(field),
            &written,
            Some(n as u32),
            target,
        ),
        Ok(Some(_)) => {
            let msg = cells::tr(
                report.lang,
                &format!(
                    "„{}“ ist keine Anzahl; erlaubt: eine ganze Zahl ab 0",
                    cells::text(&value)
                ),
                &format!(
                    "\"{}\" is not a count; allowed: a whole number from 0",
                    cells::text(&value)
                ),
            );
            report.error(at.sheet, at.row, col, msg);
        }
        Err(msg) => report.error(at.sheet, at.row, col, msg),
    }
}

/// An optional day (a date cell or `01.02.2024`).
pub(crate) fn date(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    key: &str,
    field: &str,
    written: Option<Date>,
    target: &mut Option<Date>,
) {
    let Some((value, col)) = cell_or_empty(r, key) else {
        return;
    };
    match cells::date(&value, report.lang) {
        Ok(new) => report.set(at.sheet, at.row, col, at.path(field), &written, new, target),
        Err(msg) => report.error(at.sheet, at.row, col, msg),
    }
}

/// A date column that shows a period as text where only a period is known
/// (a council step "Mai 2024" or "im Jahr 2017"): a day goes to the date, a
/// period that is not a day goes to the period, clearing the other.
#[allow(clippy::too_many_arguments)]
pub(crate) fn when(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    ctx: &Ctx<'_>,
    key: &str,
    (date_field, period_field): (&str, &str),
    (written_date, written_period): (Option<Date>, Option<&Period>),
    (date_target, period_target): (&mut Option<Date>, &mut Option<Period>),
) {
    let Some((value, _)) = cell_or_empty(r, key) else {
        return;
    };
    // A day, or text that is no period either: read (and refused) as a date.
    // The period as written (in the workbook's language) is unchanged.
    let text = cells::text(&value);
    let unchanged = written_period.is_some_and(|p| ctx.period(p).trim() == text);
    if !unchanged && (cells::date(&value, report.lang).is_ok() || parse_period(&text).is_err()) {
        date(report, at, r, key, date_field, written_date, date_target);
        if date_target.is_some() && written_period.is_some() && written_date.is_none() {
            *period_target = None;
        }
        return;
    }
    period(
        report,
        at,
        r,
        ctx,
        key,
        period_field,
        written_period,
        period_target,
    );
    if period_target.is_some() && written_date.is_some() && written_period.is_none() {
        *date_target = None;
    }
}

/// An optional period shown as text in the workbook's language.
#[allow(clippy::too_many_arguments)]
pub(crate) fn period(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    ctx: &Ctx<'_>,
    key: &str,
    field: &str,
    written: Option<&Period>,
    target: &mut Option<Period>,
) {
    let Some((text, col)) = column_text(r, key) else {
        return;
    };
    let shown = written.map(|p| ctx.period(p)).unwrap_or_default();
    if text == shown.trim() {
        return;
    }
    match parse_period(&text) {
        Ok(new) if new.as_ref() == written || new == *target => {}
        Ok(new) => {
            // Periods as written ("Mai bis August 2017"), not as JSON.
            let show =
                |p: &Option<Period>| p.as_ref().map_or_else(|| "—".to_owned(), Period::to_string);
            report.note(
                at.sheet,
                at.row,
                col,
                at.path(field),
                show(target),
                show(&new),
            );
            *target = new;
        }
        Err(e) => report.error(at.sheet, at.row, col, period_error(report.lang, &text, &e)),
    }
}

/// A period as typed; empty for none.
pub(crate) fn parse_period(text: &str) -> Result<Option<Period>, PeriodParseError> {
    if text.is_empty() {
        return Ok(None);
    }
    text.parse().map(Some)
}

/// What is wrong with a period and what is allowed.
pub(crate) fn period_error(lang: Language, text: &str, e: &PeriodParseError) -> String {
    cells::tr(
        lang,
        &format!("„{text}“ ist kein Zeitraum; erlaubt: z. B. 2025, 2. Halbjahr 2025, Mai bis August 2017, 2025–2027, 01.03.2025–30.06.2026"),
        &format!("\"{text}\" is not a period ({e}); allowed: e.g. 2025, 2. Halbjahr 2025, 2025–2027"),
    )
}

/// An actor by the name the sheets show, or its id.
pub(crate) fn actor(c: &Concept, name: &str) -> Option<Id> {
    c.actors
        .iter()
        .find(|a| a.name.text.trim() == name)
        .or_else(|| c.actors.iter().find(|a| a.id.as_str() == name))
        .map(|a| a.id.clone())
}

/// One reference (a lead, an organisation): like [`refs`] with one part.
#[allow(clippy::too_many_arguments)]
pub(crate) fn one_ref(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    key: &str,
    field: &str,
    written_text: &str,
    what: (&str, &str),
    resolve: impl Fn(&str) -> Option<Id>,
    target: &mut Option<Id>,
) {
    let mut list: Vec<Id> = target.iter().cloned().collect();
    refs(
        report,
        at,
        r,
        key,
        field,
        '\u{0}',
        written_text,
        what,
        resolve,
        &mut list,
    );
    if list.len() <= 1 {
        *target = list.into_iter().next();
    }
}
