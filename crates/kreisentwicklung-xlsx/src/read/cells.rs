//! Cells as people type them in a German spreadsheet: text, numbers and
//! dates as cells or as text (`1.234,56 €`, `45 %`, `01.02.2024`), coded
//! values by label or code.

use calamine::DataRef;
use kreisentwicklung_core::{CodeList, Date, Euro, Language};

/// A cell's value, owned.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Empty,
    Text(String),
    Number(f64),
    /// A date cell: Excel's serial day number.
    Date(f64),
    Bool(bool),
    Error(String),
}

impl Value {
    pub(crate) fn from_ref(value: &DataRef<'_>) -> Value {
        match value {
            DataRef::Empty => Value::Empty,
            DataRef::String(s) => Value::Text(s.clone()),
            DataRef::SharedString(s) => Value::Text((*s).to_owned()),
            DataRef::Int(i) => Value::Number(*i as f64),
            DataRef::Float(f) => Value::Number(*f),
            DataRef::Bool(b) => Value::Bool(*b),
            DataRef::DateTime(d) => Value::Date(d.as_f64()),
            DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Value::Text(s.clone()),
            DataRef::Error(e) => Value::Error(e.to_string()),
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// German or English, for messages.
pub(crate) fn tr(lang: Language, de: &str, en: &str) -> String {
    match lang {
        Language::De => de.to_owned(),
        Language::En => en.to_owned(),
    }
}

/// The cell as text, trimmed: numbers as written without a trailing `.0`.
pub(crate) fn text(value: &Value) -> String {
    match value {
        Value::Empty | Value::Error(_) => String::new(),
        Value::Text(s) => s.trim().to_owned(),
        Value::Number(n) => number_text(*n),
        Value::Date(d) => serial_to_date(*d).map_or_else(|| number_text(*d), Date::german),
        Value::Bool(b) => b.to_string(),
    }
}

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// A number: a number cell, or text in German (`1.234,56`) or English
/// (`1,234.56`) notation with an optional `€`, `EUR` or `%` (the number as
/// written: `45 %` is 45).
pub(crate) fn number(value: &Value, lang: Language) -> Result<Option<f64>, String> {
    match value {
        Value::Empty => Ok(None),
        Value::Number(n) | Value::Date(n) => Ok(Some(*n)),
        Value::Text(s) => {
            let t = s.trim();
            if t.is_empty() {
                return Ok(None);
            }
            parse_number(t).map(Some).ok_or_else(|| {
                tr(
                    lang,
                    &format!(
                        "„{t}“ ist keine Zahl; erlaubt: z. B. 1.234,56 oder 1.234,56 € oder 45 %"
                    ),
                    &format!(
                        "\"{t}\" is not a number; allowed: e.g. 1,234.56 or €1,234.56 or 45 %"
                    ),
                )
            })
        }
        Value::Bool(_) | Value::Error(_) => Err(tr(
            lang,
            &format!("„{}“ ist keine Zahl", display(value)),
            &format!("\"{}\" is not a number", display(value)),
        )),
    }
}

/// An amount in euros (cent precision).
pub(crate) fn euro(value: &Value, lang: Language) -> Result<Option<Euro>, String> {
    match number(value, lang)? {
        None => Ok(None),
        Some(n) => Euro::try_from_f64(n).map(Some).map_err(|e| e.to_string()),
    }
}

fn parse_number(t: &str) -> Option<f64> {
    let mut s: String = t
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\'')
        .collect();
    for unit in ["EUR", "€", "%"] {
        if let Some(rest) = s.strip_suffix(unit) {
            s = rest.to_owned();
        }
        if let Some(rest) = s.strip_prefix(unit) {
            s = rest.to_owned();
        }
    }
    let negative = s.starts_with('-') || s.starts_with('−');
    let digits = s.trim_start_matches(['-', '−', '+']);
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let normal = match (digits.rfind(','), digits.rfind('.')) {
        // Both: the later one is the decimal separator.
        (Some(c), Some(d)) if c > d => digits.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => digits.replace(',', ""),
        // Only commas: German decimal comma (one), else thousands.
        (Some(_), None) if digits.matches(',').count() == 1 => digits.replace(',', "."),
        (Some(_), None) => digits.replace(',', ""),
        // Only points: German thousands separators when grouped by three.
        (None, Some(_)) if is_grouped(digits, '.') => digits.replace('.', ""),
        _ => digits.to_owned(),
    };
    let v: f64 = normal.parse().ok()?;
    v.is_finite().then_some(if negative { -v } else { v })
}

/// `1.234.567`: groups of three after the first group.
fn is_grouped(s: &str, sep: char) -> bool {
    let mut parts = s.split(sep);
    let first = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    (rest.len() > 1 || (rest.len() == 1 && first != "0"))
        && !first.is_empty()
        && first.len() <= 3
        && rest.iter().all(|p| p.len() == 3)
}

/// A date: a date cell, or text `01.02.2024` or `2024-02-01`.
pub(crate) fn date(value: &Value, lang: Language) -> Result<Option<Date>, String> {
    let bad = |t: &str| {
        tr(
            lang,
            &format!("„{t}“ ist kein Datum; erlaubt: TT.MM.JJJJ, z. B. 01.02.2024"),
            &format!("\"{t}\" is not a date; allowed: DD.MM.YYYY or YYYY-MM-DD, e.g. 2024-02-01"),
        )
    };
    match value {
        Value::Empty => Ok(None),
        Value::Date(serial) | Value::Number(serial) => serial_to_date(*serial)
            .map(Some)
            .ok_or_else(|| bad(&number_text(*serial))),
        Value::Text(s) => {
            let t = s.trim();
            if t.is_empty() {
                return Ok(None);
            }
            parse_date(t).map(Some).ok_or_else(|| bad(t))
        }
        other => Err(bad(&display(other))),
    }
}

fn parse_date(t: &str) -> Option<Date> {
    let (y, m, d) = if let Some((d, rest)) = t.split_once('.') {
        let (m, y) = rest.split_once('.')?;
        (y, m, d)
    } else {
        let mut it = t.splitn(3, '-');
        let y = it.next()?;
        let m = it.next()?;
        let d = it.next()?;
        (y, m, d)
    };
    let y: i32 = y.trim().parse().ok()?;
    let m: u8 = m.trim().parse().ok()?;
    let d: u8 = d.trim().parse().ok()?;
    if !(1000..=9999).contains(&y) {
        return None;
    }
    Date::from_ymd(y, m, d).ok()
}

/// Excel's serial day (1900 date system) as a date.
pub(crate) fn serial_to_date(serial: f64) -> Option<Date> {
    if !serial.is_finite() || !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let mut days = serial.floor() as i64;
    // Excel counts the non-existent 1900-02-29 (serial 60).
    if days >= 60 {
        days -= 1;
    }
    // Serial 1 is 1900-01-01.
    let (y, m, d) = civil_from_days(days_from_civil(1899, 12, 31) + days);
    Date::from_ymd(y as i32, m as u8, d as u8).ok()
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// What a code list is called in messages: German with its negative
/// article ("keine Priorität"), English without.
pub(crate) trait Named: CodeList {
    const DE: &'static str;
    const EN: &'static str;
}

macro_rules! named {
    ($($t:ty, $de:literal, $en:literal;)+) => {
        $(impl Named for $t {
            const DE: &'static str = $de;
            const EN: &'static str = $en;
        })+
    };
}

named! {
    kreisentwicklung_core::MeasureStatus, "kein Umsetzungsstand", "status";
    kreisentwicklung_core::Priority, "keine Priorität", "priority";
    kreisentwicklung_core::TimeHorizon, "kein Zeithorizont", "time horizon";
    kreisentwicklung_core::CountyRole, "keine Rolle des Kreises", "county role";
    kreisentwicklung_core::Direction, "keine Richtung", "direction";
    kreisentwicklung_core::ActorKind, "keine Art von Akteur", "kind of actor";
    kreisentwicklung_core::DocumentKind, "keine Dokumentart", "kind of document";
    kreisentwicklung_core::EventKind, "kein Beteiligungsformat", "kind of event";
    kreisentwicklung_core::ResolutionKind, "keine Beschlussart", "kind of resolution";
    kreisentwicklung_core::ConsultationRole, "keine Rolle im Verfahren", "role in the procedure";
    kreisentwicklung_core::Outcome, "kein Ergebnis", "outcome";
    kreisentwicklung_core::FundingProgramme, "kein Förderprogramm", "funding programme";
    kreisentwicklung_core::Audience, "keine Zielgruppe", "audience";
    kreisentwicklung_core::ParticipantRole, "keine Rolle bei einer Veranstaltung", "role at an event";
    kreisentwicklung_core::MemberRole, "keine Rolle eines Mitglieds", "member's role";
    kreisentwicklung_core::AdoptionSubject, "kein Gegenstand eines Beschlusses", "subject of a resolution";
}

/// A coded value by its German or English label or its code, ignoring
/// case and surrounding spaces.
pub(crate) fn code<T: Named>(value: &Value, lang: Language) -> Result<Option<T>, String> {
    let t = text(value);
    if t.is_empty() {
        return Ok(None);
    }
    let wanted = t.to_lowercase();
    for c in T::ALL {
        if c.code().to_lowercase() == wanted
            || c.label(Language::De).to_lowercase() == wanted
            || c.label(Language::En).to_lowercase() == wanted
        {
            return Ok(Some(*c));
        }
    }
    let allowed: Vec<&str> = T::ALL.iter().map(|c| c.label(lang)).collect();
    Err(tr(
        lang,
        &format!("„{t}“ ist {}; erlaubt: {}", T::DE, allowed.join(", ")),
        &format!(
            "\"{t}\" is not a {}; allowed: {}",
            T::EN,
            allowed.join(", ")
        ),
    ))
}

fn display(value: &Value) -> String {
    match value {
        Value::Error(e) => e.clone(),
        other => text(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_numbers() {
        assert_eq!(parse_number("1.234,56 €"), Some(1234.56));
        assert_eq!(parse_number("45 %"), Some(45.0));
        assert_eq!(parse_number("1.234.567"), Some(1_234_567.0));
        assert_eq!(parse_number("2,5"), Some(2.5));
        assert_eq!(parse_number("1,234.5"), Some(1234.5));
        assert_eq!(parse_number("0.5"), Some(0.5));
        assert_eq!(parse_number("-12,5"), Some(-12.5));
        assert_eq!(parse_number("EUR 250.000"), Some(250_000.0));
        assert_eq!(parse_number("viel"), None);
    }

    #[test]
    fn dates() {
        let d = |y, m, dd| Date::from_ymd(y, m, dd).unwrap();
        assert_eq!(parse_date("01.02.2024"), Some(d(2024, 2, 1)));
        assert_eq!(parse_date("2024-02-01"), Some(d(2024, 2, 1)));
        assert_eq!(parse_date("31.02.2024"), None);
        assert_eq!(serial_to_date(45_323.0), Some(d(2024, 2, 1)));
        assert_eq!(serial_to_date(1.0), Some(d(1900, 1, 1)));
        assert_eq!(serial_to_date(61.0), Some(d(1900, 3, 1)));
    }
}
