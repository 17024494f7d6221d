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

/// Which column an edit reads (`key`, as in the table's spec) and the field
/// of the item's path it changes: `"priority"` for both, or a pair
/// `("agenda", "agendaItem")` where they differ.
#[derive(Clone, Copy)]
pub(crate) struct Col<'k> {
    key: &'k str,
    field: &'k str,
}

impl<'k> From<&'k str> for Col<'k> {
    fn from(key: &'k str) -> Self {
        Col { key, field: key }
    }
}

impl<'k> From<(&'k str, &'k str)> for Col<'k> {
    fn from((key, field): (&'k str, &'k str)) -> Self {
        Col { key, field }
    }
}

/// One cell of a column the table has (nothing when the table has no such
/// column), read by `read` (`Err` says what is wrong) and applied like
/// [`Report::set`]: the shape of every single-cell edit below.
#[allow(clippy::too_many_arguments)]
fn edit_cell<T: PartialEq + serde::Serialize>(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    key: &str,
    field: &str,
    written: T,
    target: &mut T,
    read: impl FnOnce(&Value, Language) -> Result<T, String>,
) {
    let Some((value, col)) = cell_or_empty(r, key) else {
        return;
    };
    match read(&value, report.lang) {
        Ok(new) => report.set(at.sheet, at.row, col, at.path(field), &written, new, target),
        Err(msg) => report.error(at.sheet, at.row, col, msg),
    }
}

/// The trimmed text of a cell, `None` when empty.
fn opt(value: &Value) -> Option<String> {
    Some(cells::text(value)).filter(|t| !t.is_empty())
}

/// A required text (a title): an edit to empty is an error.
pub(crate) fn title<'k>(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    col: impl Into<Col<'k>>,
    written: &str,
    target: &mut Text,
) {
    let Col { key, field } = col.into();
    let written = written.trim().to_owned();
    let read = |v: &Value, lang| match cells::text(v) {
        t if t.is_empty() && t != written => {
            Err(cells::tr(lang, "darf nicht leer sein", "must not be empty"))
        }
        t => Ok(t),
    };
    edit_cell(
        report,
        at,
        r,
        key,
        field,
        written.clone(),
        &mut target.text,
        read,
    );
}

/// An optional text (a description, a note).
pub(crate) fn opt_text<'k>(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    col: impl Into<Col<'k>>,
    written: Option<&str>,
    target: &mut Option<Text>,
) {
    let Col { key, field } = col.into();
    let mut text = target.as_ref().map(|t| t.text.clone());
    opt_string(report, at, r, (key, field), written, &mut text);
    match (target.as_mut(), text) {
        (Some(t), Some(n)) => t.text = n,
        (_, None) => *target = None,
        (None, Some(n)) => *target = Some(Text::new(n)),
    }
}

/// A plain string field (a unit).
pub(crate) fn string<'k>(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    col: impl Into<Col<'k>>,
    written: &str,
    target: &mut String,
) {
    let Col { key, field } = col.into();
    let written = written.trim().to_owned();
    edit_cell(report, at, r, key, field, written, target, |v, _| {
        Ok(cells::text(v))
    });
}

/// An optional plain string (an agenda item, a web address).
pub(crate) fn opt_string<'k>(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    col: impl Into<Col<'k>>,
    written: Option<&str>,
    target: &mut Option<String>,
) {
    let Col { key, field } = col.into();
    let written = written.map(str::trim).filter(|w| !w.is_empty());
    let written = written.map(str::to_owned);
    edit_cell(report, at, r, key, field, written, target, |v, _| {
        Ok(opt(v))
    });
}

/// A coded value by label or code.
pub(crate) fn code<'k, T: Named + serde::Serialize>(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    col: impl Into<Col<'k>>,
    written: Option<T>,
    target: &mut Option<T>,
) {
    let Col { key, field } = col.into();
    edit_cell(report, at, r, key, field, written, target, cells::code::<T>);
}

/// A coded value that must be there: an empty cell is an error.
pub(crate) fn required_code<'k, T: Named + serde::Serialize>(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    col: impl Into<Col<'k>>,
    written: T,
    target: &mut T,
) {
    let Col { key, field } = col.into();
    let read = |v: &Value, lang| {
        cells::code::<T>(v, lang)?.ok_or_else(|| {
            let allowed: Vec<&str> = T::ALL.iter().map(|c| c.label(lang)).collect();
            let allowed = allowed.join(", ");
            cells::tr(
                lang,
                &format!("darf nicht leer sein; erlaubt: {allowed}"),
                &format!("must not be empty; allowed: {allowed}"),
            )
        })
    };
    edit_cell(report, at, r, key, field, written, target, read);
}

/// An optional count (a whole number, not negative).
pub(crate) fn count<'k>(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    col: impl Into<Col<'k>>,
    written: Option<u32>,
    target: &mut Option<u32>,
) {
    let Col { key, field } = col.into();
    let read = |v: &Value, lang| match cells::number(v, lang)? {
        None => Ok(None),
        Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX) => Ok(Some(n as u32)),
        Some(_) => {
            let t = cells::text(v);
            Err(cells::tr(
                lang,
                &format!("„{t}“ ist keine Anzahl; erlaubt: eine ganze Zahl ab 0"),
                &format!("\"{t}\" is not a count; allowed: a whole number from 0"),
            ))
        }
    };
    edit_cell(report, at, r, key, field, written, target, read);
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
pub(crate) fn refs<'k>(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    col: impl Into<Col<'k>>,
    sep: char,
    written_text: &str,
    what: (&str, &str),
    resolve: impl Fn(&str) -> Option<Id>,
    target: &mut Vec<Id>,
) {
    let Col { key, field } = col.into();
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

/// An optional day (a date cell, `01.02.2024`, `2024-02-01`, or a day as
/// periods are written: `1. Februar 2024`, `1 February 2024`).
pub(crate) fn date<'k>(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    col: impl Into<Col<'k>>,
    written: Option<Date>,
    target: &mut Option<Date>,
) {
    let Col { key, field } = col.into();
    edit_cell(report, at, r, key, field, written, target, day);
}

/// A day: what [`cells::date`] reads, or a day written like a period in
/// either language ("1. Februar 2024", "1 February 2024").
fn day(value: &Value, lang: Language) -> Result<Option<Date>, String> {
    let msg = match cells::date(value, lang) {
        Ok(day) => return Ok(day),
        Err(msg) => msg,
    };
    let text = cells::text(value);
    match parse_period(lang, &text) {
        Ok(Some(Period::Day { date })) => Ok(Some(date)),
        _ => Err(match lang {
            Language::De => msg,
            Language::En => {
                format!("\"{text}\" is not a date; allowed: e.g. {DAY_EN} or 2024-02-01")
            }
        }),
    }
}

/// The day the English error names (the German one is [`cells::date`]'s).
const DAY_EN: &str = "1 February 2024";

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
    let Some((value, col)) = cell_or_empty(r, key) else {
        return;
    };
    // A day, or text that is no period either: read (and refused) as a date.
    // The period as written (in the workbook's language) is unchanged.
    let text = cells::text(&value);
    let unchanged = written_period.is_some_and(|p| ctx.period(p).trim() == text);
    let lang = report.lang;
    if !unchanged && (day(&value, lang).is_ok() || parse_period(lang, &text).is_err()) {
        date(report, at, r, (key, date_field), written_date, date_target);
        if date_target.is_some() && written_period.is_some() && written_date.is_none() {
            let old = period_target.take().map(|p| ctx.period(&p));
            cleared(report, at, col, period_field, old);
        }
        return;
    }
    period(
        report,
        at,
        r,
        ctx,
        (key, period_field),
        written_period,
        period_target,
    );
    if period_target.is_some() && written_date.is_some() && written_period.is_none() {
        let old = date_target.take().map(|d| super::show(&d));
        cleared(report, at, col, date_field, old);
    }
}

/// Lists that a date column cleared the field it did not fill (`old`, when
/// it had a value).
fn cleared(report: &mut Report, at: &At<'_>, col: u32, field: &str, old: Option<String>) {
    if let Some(old) = old {
        report.note(at.sheet, at.row, col, at.path(field), old, "—".to_owned());
    }
}

/// An optional period shown as text in the workbook's language.
#[allow(clippy::too_many_arguments)]
pub(crate) fn period<'k>(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    ctx: &Ctx<'_>,
    col: impl Into<Col<'k>>,
    written: Option<&Period>,
    target: &mut Option<Period>,
) {
    let Col { key, field } = col.into();
    let Some((text, col)) = column_text(r, key) else {
        return;
    };
    let shown = written.map(|p| ctx.period(p)).unwrap_or_default();
    if text == shown.trim() {
        return;
    }
    match parse_period(report.lang, &text) {
        Ok(new) if new.as_ref() == written || new == *target => {}
        Ok(new) => {
            // Periods as written in the workbook ("Mai bis August 2017",
            // "May to August 2017"), not as JSON.
            let show =
                |p: &Option<Period>| p.as_ref().map_or_else(|| "—".to_owned(), |p| ctx.period(p));
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

/// A period as typed; empty for none. Read in the workbook's language,
/// else in the other one (a German workbook may say "May 2024"); the error
/// is that of the workbook's language.
pub(crate) fn parse_period(lang: Language, text: &str) -> Result<Option<Period>, PeriodParseError> {
    if text.is_empty() {
        return Ok(None);
    }
    let other = match lang {
        Language::De => Language::En,
        Language::En => Language::De,
    };
    Period::parse_in(text, lang)
        .or_else(|e| Period::parse_in(text, other).map_err(|_| e))
        .map(Some)
}

/// What is wrong with a period and what is allowed, with examples in the
/// workbook's language.
pub(crate) fn period_error(lang: Language, text: &str, e: &PeriodParseError) -> String {
    match lang {
        Language::De => format!(
            "„{text}“ ist kein Zeitraum; erlaubt: z. B. 2025, 2. Halbjahr 2025, Mai bis August 2017, 2025–2027, 01.03.2025–30.06.2026"
        ),
        Language::En => format!(
            "\"{text}\" is not a period ({}); allowed: e.g. {}",
            e.reason,
            PERIODS_EN.join(", ")
        ),
    }
}

/// The periods the English error names, as the English printer writes them.
const PERIODS_EN: [&str; 5] = [
    "2025",
    "2nd half of 2025",
    "May to August 2017",
    "2025–2027",
    "1 March 2025 to 30 June 2026",
];

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
pub(crate) fn one_ref<'k>(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    col: impl Into<Col<'k>>,
    written_text: &str,
    what: (&str, &str),
    resolve: impl Fn(&str) -> Option<Id>,
    target: &mut Option<Id>,
) {
    let Col { key, field } = col.into();
    let mut list: Vec<Id> = target.iter().cloned().collect();
    refs(
        report,
        at,
        r,
        (key, field),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_examples_are_what_the_printer_writes() {
        for text in PERIODS_EN.iter().chain([&DAY_EN]) {
            let period = Period::parse_english(text).unwrap();
            assert_eq!(period.english().to_string(), *text);
        }
    }

    #[test]
    fn periods_are_read_in_the_workbooks_language_then_the_other() {
        let may = Some(Period::month(2024, 5));
        for lang in [Language::De, Language::En] {
            assert_eq!(parse_period(lang, "Mai 2024").unwrap(), may);
            assert_eq!(parse_period(lang, "May 2024").unwrap(), may);
            assert_eq!(parse_period(lang, "").unwrap(), None);
        }
        // The error is the workbook's language's.
        let de = parse_period(Language::De, "Sommer 2024").unwrap_err();
        assert!(de.reason.contains("German"), "{de}");
        let en = parse_period(Language::En, "Sommer 2024").unwrap_err();
        assert!(en.reason.contains("English"), "{en}");
    }

    #[test]
    fn days_in_either_language() {
        let d = |t: &str| day(&Value::Text(t.to_owned()), Language::En);
        let first = Some(Date::from_ymd(2024, 2, 1).unwrap());
        for text in [
            "01.02.2024",
            "2024-02-01",
            "1 February 2024",
            "1. Februar 2024",
            "February 1, 2024",
        ] {
            assert_eq!(d(text), Ok(first), "{text}");
        }
        assert_eq!(
            d("May 2024").unwrap_err(),
            "\"May 2024\" is not a date; allowed: e.g. 1 February 2024 or 2024-02-01"
        );
    }
}
