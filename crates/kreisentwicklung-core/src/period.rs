//! Fuzzy time: the periods people write in German planning documents.
//!
//! Planning documents rarely give exact dates. A participation table says
//! "Ende 2018 / Anfang 2019", a chronology says "Mai bis August 2017" or
//! "24.04./18.05.2018", a resolution sets a horizon "bis 2026". [`Period`]
//! keeps such a statement with its meaning: it parses from the German text
//! ([`Period::parse_german`], [`FromStr`]), prints back the way people write
//! it ([`Display`](fmt::Display)), knows the first and last day it can mean
//! ([`Period::earliest`], [`Period::latest`]) and sorts chronologically
//! ([`Ord`]).
//!
//! ```
//! use kreisentwicklung_core::{Date, Period, YearPart};
//!
//! let p: Period = "2. und 3. Quartal 2019".parse()?;
//! assert_eq!(p, Period::quarters(2019, 2, 3));
//! assert_eq!(p.to_string(), "2. und 3. Quartal 2019");
//! assert_eq!(p.earliest(), Some(Date::from_ymd(2019, 4, 1)?));
//! assert_eq!(p.latest(), Some(Date::from_ymd(2019, 9, 30)?));
//!
//! // Different spellings of the same period print the same canonical way.
//! let q = Period::parse_german("bis zum Ende des Jahres 2018")?;
//! assert_eq!(q, Period::until(Period::part_of_year(2018, YearPart::Late)));
//! assert_eq!(q.to_string(), "bis Ende 2018");
//!
//! // Chronological order.
//! let mut table: Vec<Period> = ["Anfang 2020", "12.02.2019", "Ende 2018 / Anfang 2019"]
//!     .iter()
//!     .map(|t| t.parse())
//!     .collect::<Result<_, _>>()?;
//! table.sort();
//! assert_eq!(table[0].to_string(), "Ende 2018 / Anfang 2019");
//!
//! // Errors quote the text and say what was expected.
//! let err = Period::parse_german("Sommer 2019").unwrap_err();
//! assert!(err.to_string().starts_with("cannot read period \"Sommer 2019\": expected"));
//! assert!(Period::parse_german("30.02.2019").is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Accepted German forms
//!
//! The left column is what [`Display`](fmt::Display) prints (the canonical
//! form); the middle column lists further spellings the parser accepts.
//! Month names are case-insensitive; whitespace around and between the parts
//! is free (any amount, including none and non-breaking spaces).
//!
//! | canonical | also accepted | variant |
//! | --- | --- | --- |
//! | `12.02.2019` | `2.2.2019`, `12. Februar 2019` | [`Period::Day`] |
//! | `07. und 10.03.2016`, `07., 08. und 10.03.2016` | `7. und 10. März 2016`, `07./10.03.2016` | [`Period::Days`] (one month) |
//! | `24.04./18.05.2018` | `24.04. und 18.05.2018`, `24. April und 18. Mai 2018` | [`Period::Days`] (one year) |
//! | `30.12.2018/02.01.2019` | `30.12.2018 und 02.01.2019` | [`Period::Days`] (across years) |
//! | `18.04.2016 bis 15.06.2016` | `18.04.2016 - 15.06.2016`, `18.04.–15.06.2016`, `18.–20.04.2016`, `18. bis 20. April 2016` | [`Period::DateRange`] |
//! | `November 2017` | `november 2017`, `Nov. 2017`, `Nov 2017` | [`Period::Month`] |
//! | `April/Mai/Juni 2016` | `April, Mai und Juni 2016` | [`Period::Months`] |
//! | `Mai bis August 2017` | `Mai - August 2017`, `Mai 2017 bis August 2017` | [`Period::MonthRange`] (one year) |
//! | `November 2015 bis März 2016` | `Nov. 2015 – Maerz 2016` | [`Period::MonthRange`] (across years) |
//! | `3. Quartal 2019` | `Q3 2019`, `Q3/2019` | [`Period::Quarter`] |
//! | `2. und 3. Quartal 2019` | `Q2 und Q3 2019` | [`Period::Quarters`] (two) |
//! | `1. bis 3. Quartal 2019` | `1.–3. Quartal 2019`, `1., 2. und 3. Quartal 2019`, `Q1–Q3 2019` | [`Period::Quarters`] (three or four) |
//! | `2. Halbjahr 2019` | `2. Hj. 2019`, `2. Jahreshälfte 2019`, `H2 2019` | [`Period::HalfYear`] |
//! | `2019` | | [`Period::Year`] |
//! | `2018–2021` | `2018 - 2021`, `2018-2021`, `2018 bis 2021` | [`Period::YearRange`] |
//! | `Anfang 2020`, `Mitte 2020`, `Ende 2018` | `Ende des Jahres 2018` | [`Period::PartOfYear`] |
//! | `Ende 2018 / Anfang 2019` | `Ende 2018/Anfang 2019`, `Jahreswechsel 2018/2019`, `Jahreswechsel 2018/19` | [`Period::TurnOfYear`] |
//! | `ab Juni 2019`, `ab 2020` | `seit 2019`, `ab dem 12.02.2019`, `ab dem Jahr 2020`, `2035+` | [`Period::Since`] |
//! | `bis 2026`, `bis Ende 2018` | `bis zum 15.06.2018`, `bis zum Jahr 2030`, `bis zum Ende des Jahres 2018` | [`Period::Until`] |
//!
//! Dashes may be hyphens or en or em dashes. Month names may be written in
//! full (`März`, `Maerz`, `Jänner`) or abbreviated with or without a dot
//! (`Jan.`, `Feb`, `Mrz.`, `Sept.`, `Okt.`, `Dez.`). Years are always four
//! digits, 0001 to 9999. In lists and ranges of days, a day without month or
//! year takes them from the next day that has them (`07. und 10.03.2016`).
//!
//! Anything else is a [`PeriodParseError`], as are dates that do not exist
//! (`30.02.2019`), impossible values (month 13, quarter 5, half-year 3),
//! lists that are not ascending and ranges that end before they start. The
//! parser never panics.
//!
//! # Canonical printing
//!
//! [`Display`](fmt::Display) prints every *valid* period (one whose
//! [`Period::problems`] is empty) so that parsing the output gives the same
//! period back. Days are always two digits (`07.03.2016`), years four. A
//! range of years prints with an en dash and no spaces (`2018–2021`, as German
//! typography writes "bis"); two consecutive quarters print with "und", longer
//! runs with "bis". [`Period::Since`] prints as "ab …" and [`Period::Until`]
//! as "bis …" whatever spelling was parsed ("seit 2019" prints "ab 2019",
//! "bis zum Ende des Jahres 2018" prints "bis Ende 2018").
//!
//! # Bounds
//!
//! [`Period::earliest`] and [`Period::latest`] give the first and last day
//! (both inclusive) a period can mean:
//!
//! - months, quarters (Q1 = January–March, …), half-years (January–June,
//!   July–December) and years are calendar-based;
//! - "Anfang" is 1 January – 30 April, "Mitte" 1 May – 31 August, "Ende"
//!   1 September – 31 December ([`YearPart`]);
//! - a turn of the year "Ende 2018 / Anfang 2019" is 1 September 2018 –
//!   30 April 2019;
//! - "ab …" has the earliest day of its start and no latest day, "bis …" the
//!   latest day of its end and no earliest day.
//!
//! # Order
//!
//! Periods sort chronologically: by earliest day (a period without one, "bis
//! …", first), then by latest day (a period without one, "ab …", last), then by
//! kind in the order of the [`Period`] variants, then by their fields. So
//! "1. Halbjahr 2019" sorts before "2019" (same start, earlier end), which
//! sorts before "2. Halbjahr 2019" (earlier start). The order is total and
//! agrees with `==`.

use std::cell::Cell;
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Date;

/// A month of a year.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub struct YearMonth {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u8,
}

/// Which part of a year "Anfang", "Mitte" or "Ende" means.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub enum YearPart {
    /// "Anfang 2020": January to April.
    Early,
    /// "Mitte 2020": May to August.
    Middle,
    /// "Ende 2018": September to December.
    Late,
}

/// A period of time as people write it in planning documents, from an exact
/// day to an open-ended "ab 2020".
// (No more doc text here: it is the description in the JSON Schema.)
// `Deserialize` is written by hand (below, "Deserialization"): it reads the
// same object form `{"kind": "halfYear", "year": 2019, "half": 2}`, but
// `kind` first and then the fields straight into the variant, where the
// derived form of an internally tagged enum buffers every period.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Period {
    /// One day: "12.02.2019".
    Day {
        /// The day.
        date: Date,
    },
    /// Several single days: "07. und 10.03.2016", "24.04./18.05.2018".
    Days {
        /// The days, in ascending order, at least two.
        dates: Vec<Date>,
    },
    /// A range of days: "18.04.2016 bis 15.06.2016".
    DateRange {
        /// First day.
        from: Date,
        /// Last day (inclusive).
        to: Date,
    },
    /// One month: "November 2017".
    Month {
        /// The year.
        year: i32,
        /// The month, 1–12.
        month: u8,
    },
    /// Several listed months of one year: "April/Mai/Juni 2016".
    Months {
        /// The year.
        year: i32,
        /// The months, 1–12, ascending, at least two.
        months: Vec<u8>,
    },
    /// A range of months: "Mai bis August 2017".
    MonthRange {
        /// First month.
        from: YearMonth,
        /// Last month (inclusive).
        to: YearMonth,
    },
    /// One quarter: "3. Quartal 2019".
    Quarter {
        /// The year.
        year: i32,
        /// The quarter, 1–4.
        quarter: u8,
    },
    /// Consecutive quarters of one year: "2. und 3. Quartal 2019".
    Quarters {
        /// The year.
        year: i32,
        /// First quarter, 1–4.
        from: u8,
        /// Last quarter (inclusive), after `from`.
        to: u8,
    },
    /// A half-year: "2. Halbjahr 2019".
    HalfYear {
        /// The year.
        year: i32,
        /// The half, 1 or 2.
        half: u8,
    },
    /// A whole year: "2019".
    Year {
        /// The year.
        year: i32,
    },
    /// A range of years: "2018 - 2021".
    YearRange {
        /// First year.
        from: i32,
        /// Last year (inclusive).
        to: i32,
    },
    /// "Anfang 2020", "Mitte 2020", "Ende 2018".
    PartOfYear {
        /// The year.
        year: i32,
        /// Which part.
        part: YearPart,
    },
    /// The turn of a year: "Ende 2018 / Anfang 2019".
    TurnOfYear {
        /// The year that ends (2018 in the example).
        year: i32,
    },
    /// Open-ended from a start: "ab Juni 2019", "seit 2019".
    Since {
        /// When it starts.
        start: Box<Period>,
    },
    /// Up to an end: "bis 2026", "bis Ende 2018".
    Until {
        /// When it ends at the latest.
        end: Box<Period>,
    },
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// Longest excerpt of the input that a [`PeriodParseError`] keeps.
const QUOTE_CHARS: usize = 80;

/// Examples named whenever the text has no recognisable shape at all.
const EXPECTED: &str = "expected a German date or period such as \"12.02.2019\", \
                        \"2. Halbjahr 2019\" or \"Mai bis August 2017\"";

/// A text that is not a German period [`Period::parse_german`] can read.
///
/// Its `Display` quotes the text and says what is wrong, for example
/// `cannot read period "Sommer 2019": expected a German date or period such
/// as "12.02.2019", "2. Halbjahr 2019" or "Mai bis August 2017"` or
/// `cannot read period "30.02.2019": 30.02.2019 does not exist (month 02/2019
/// has 28 days)`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[error("cannot read period {text:?}: {reason}")]
pub struct PeriodParseError {
    /// The text that could not be read, without surrounding whitespace, and
    /// shortened to its first 80 characters followed by "…" if it was longer.
    pub text: String,
    /// What is wrong with the text or what was expected instead: a short
    /// English sentence without a final full stop.
    pub reason: String,
}

impl PeriodParseError {
    fn new(text: &str, reason: impl Into<String>) -> Self {
        let text = text.trim();
        let text = match text.char_indices().nth(QUOTE_CHARS) {
            Some((cut, _)) => format!("{}…", &text[..cut]),
            None => text.to_owned(),
        };
        PeriodParseError {
            text,
            reason: reason.into(),
        }
    }
}

// ---------------------------------------------------------------------------
// Names and calendar helpers
// ---------------------------------------------------------------------------

const MONTH_NAMES: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// Lower-case spellings of month names: full names (no dot allowed) and
/// abbreviations (an optional dot follows).
const MONTH_SPELLINGS: &[(&str, u8, bool)] = &[
    ("januar", 1, false),
    ("jänner", 1, false),
    ("jaenner", 1, false),
    ("jan", 1, true),
    ("jän", 1, true),
    ("februar", 2, false),
    ("feber", 2, false),
    ("feb", 2, true),
    ("märz", 3, false),
    ("maerz", 3, false),
    ("mär", 3, true),
    ("mrz", 3, true),
    ("april", 4, false),
    ("apr", 4, true),
    ("mai", 5, false),
    ("juni", 6, false),
    ("jun", 6, true),
    ("juli", 7, false),
    ("jul", 7, true),
    ("august", 8, false),
    ("aug", 8, true),
    ("september", 9, false),
    ("sep", 9, true),
    ("sept", 9, true),
    ("oktober", 10, false),
    ("okt", 10, true),
    ("november", 11, false),
    ("nov", 11, true),
    ("dezember", 12, false),
    ("dez", 12, true),
];

fn month_name(month: u8) -> Option<&'static str> {
    MONTH_NAMES.get(usize::from(month).checked_sub(1)?).copied()
}

// `first_of` and `last_of` give what `Date::from_ymd(year, month, 1).ok()`
// and `Date::last_of_month(year, month).ok()` give, built directly: they
// are most of the cost of `earliest`, `latest` and so of the order.

fn first_of(year: i32, month: u8) -> Option<Date> {
    let month = calendar_month(year, month)?;
    time::Date::from_calendar_date(year, month, 1)
        .ok()
        .map(Date::from)
}

fn last_of(year: i32, month: u8) -> Option<Date> {
    let month = calendar_month(year, month)?;
    time::Date::from_calendar_date(year, month, month.length(year))
        .ok()
        .map(Date::from)
}

/// The month, when year (1–9999, as `Date` supports) and month are valid.
fn calendar_month(year: i32, month: u8) -> Option<time::Month> {
    if !valid_year(year) {
        return None;
    }
    time::Month::try_from(month).ok()
}

/// First and last month of a quarter 1–4.
fn quarter_months(quarter: u8) -> Option<(u8, u8)> {
    (1..=4)
        .contains(&quarter)
        .then(|| (quarter * 3 - 2, quarter * 3))
}

/// First and last month of a half-year 1–2.
fn half_months(half: u8) -> Option<(u8, u8)> {
    (1..=2).contains(&half).then(|| (half * 6 - 5, half * 6))
}

fn valid_year(year: i32) -> bool {
    (1..=9999).contains(&year)
}

impl YearMonth {
    /// The given month (1–12) of the given year. Not checked; see
    /// [`Period::problems`].
    pub fn new(year: i32, month: u8) -> Self {
        YearMonth { year, month }
    }
}

/// Prints the month the German way: "November 2017".
impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_month(f, self.month)?;
        write!(f, " {:04}", self.year)
    }
}

impl YearPart {
    /// First and last month of the part.
    fn months(self) -> (u8, u8) {
        match self {
            YearPart::Early => (1, 4),
            YearPart::Middle => (5, 8),
            YearPart::Late => (9, 12),
        }
    }

    /// The German word: "Anfang", "Mitte" or "Ende".
    pub fn german(self) -> &'static str {
        match self {
            YearPart::Early => "Anfang",
            YearPart::Middle => "Mitte",
            YearPart::Late => "Ende",
        }
    }
}

/// Prints the German word: "Anfang", "Mitte" or "Ende".
impl fmt::Display for YearPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.german())
    }
}

// ---------------------------------------------------------------------------
// Constructors, bounds, problems
// ---------------------------------------------------------------------------

impl Period {
    /// One day: "12.02.2019".
    pub fn day(date: Date) -> Self {
        Period::Day { date }
    }

    /// Several single days: "07. und 10.03.2016". The dates are sorted and
    /// duplicates removed; fewer than two remaining dates make an invalid
    /// period (see [`Period::problems`]).
    pub fn days(dates: impl IntoIterator<Item = Date>) -> Self {
        let mut dates: Vec<Date> = dates.into_iter().collect();
        dates.sort();
        dates.dedup();
        Period::Days { dates }
    }

    /// A range of days, both inclusive: "18.04.2016 bis 15.06.2016".
    pub fn date_range(from: Date, to: Date) -> Self {
        Period::DateRange { from, to }
    }

    /// One month (1–12): "November 2017". Not checked; see
    /// [`Period::problems`].
    pub fn month(year: i32, month: u8) -> Self {
        Period::Month { year, month }
    }

    /// Several listed months (1–12) of one year: "April/Mai/Juni 2016". The
    /// months are sorted and duplicates removed; otherwise not checked.
    pub fn months(year: i32, months: impl IntoIterator<Item = u8>) -> Self {
        let mut months: Vec<u8> = months.into_iter().collect();
        months.sort_unstable();
        months.dedup();
        Period::Months { year, months }
    }

    /// A range of months, both inclusive: "Mai bis August 2017". Not
    /// checked; see [`Period::problems`].
    pub fn month_range(from: YearMonth, to: YearMonth) -> Self {
        Period::MonthRange { from, to }
    }

    /// One quarter (1–4): "3. Quartal 2019". Not checked; see
    /// [`Period::problems`].
    pub fn quarter(year: i32, quarter: u8) -> Self {
        Period::Quarter { year, quarter }
    }

    /// Consecutive quarters `from` to `to` (1–4, `from < to`) of one year:
    /// "2. und 3. Quartal 2019". Not checked; see [`Period::problems`].
    pub fn quarters(year: i32, from: u8, to: u8) -> Self {
        Period::Quarters { year, from, to }
    }

    /// A half-year (1 or 2): "2. Halbjahr 2019". Not checked; see
    /// [`Period::problems`].
    pub fn half_year(year: i32, half: u8) -> Self {
        Period::HalfYear { year, half }
    }

    /// A whole year: "2019". Not checked; see [`Period::problems`].
    pub fn year(year: i32) -> Self {
        Period::Year { year }
    }

    /// A range of years, both inclusive: "2018–2021". Not checked; see
    /// [`Period::problems`].
    pub fn year_range(from: i32, to: i32) -> Self {
        Period::YearRange { from, to }
    }

    /// "Anfang 2020", "Mitte 2020", "Ende 2018".
    pub fn part_of_year(year: i32, part: YearPart) -> Self {
        Period::PartOfYear { year, part }
    }

    /// The turn from `year` to the next: "Ende 2018 / Anfang 2019" is
    /// `turn_of_year(2018)`.
    pub fn turn_of_year(year: i32) -> Self {
        Period::TurnOfYear { year }
    }

    /// Open-ended from `start` on: "ab Juni 2019". `start` should not itself
    /// be [`Period::Since`] or [`Period::Until`] (see [`Period::problems`]).
    pub fn since(start: Period) -> Self {
        Period::Since {
            start: Box::new(start),
        }
    }

    /// Up to `end`: "bis 2026". `end` should not itself be
    /// [`Period::Since`] or [`Period::Until`] (see [`Period::problems`]).
    pub fn until(end: Period) -> Self {
        Period::Until { end: Box::new(end) }
    }

    /// The first day the period can mean (inclusive); `None` for
    /// [`Period::Until`], which has no start.
    ///
    /// Months, quarters, half-years and years are calendar-based; "Anfang"
    /// starts on 1 January, "Mitte" on 1 May, "Ende" and a turn of the year
    /// ("Ende 2018 / Anfang 2019") on 1 September. For an invalid period
    /// (such as month 13 read from JSON) this is `None` when the day cannot be
    /// computed; it never panics. For a list of days it is the smallest day
    /// even if the list is not sorted.
    pub fn earliest(&self) -> Option<Date> {
        match self {
            Period::Day { date } => Some(*date),
            Period::Days { dates } => dates.iter().min().copied(),
            Period::DateRange { from, .. } => Some(*from),
            Period::Month { year, month } => first_of(*year, *month),
            Period::Months { year, months } => first_of(*year, months.iter().copied().min()?),
            Period::MonthRange { from, .. } => first_of(from.year, from.month),
            Period::Quarter { year, quarter } => first_of(*year, quarter_months(*quarter)?.0),
            Period::Quarters { year, from, .. } => first_of(*year, quarter_months(*from)?.0),
            Period::HalfYear { year, half } => first_of(*year, half_months(*half)?.0),
            Period::Year { year } => first_of(*year, 1),
            Period::YearRange { from, .. } => first_of(*from, 1),
            Period::PartOfYear { year, part } => first_of(*year, part.months().0),
            Period::TurnOfYear { year } => first_of(*year, 9),
            Period::Since { start } => start.earliest(),
            Period::Until { .. } => None,
        }
    }

    /// The last day the period can mean (inclusive); `None` for
    /// [`Period::Since`], which has no end.
    ///
    /// Months, quarters, half-years and years are calendar-based; "Anfang"
    /// ends on 30 April, "Mitte" on 31 August, "Ende" on 31 December, and a
    /// turn of the year ("Ende 2018 / Anfang 2019") on 30 April of the
    /// following year. For an invalid period this is `None` when the day cannot be computed; it
    /// never panics. For a list of days it is the largest day even if the
    /// list is not sorted.
    pub fn latest(&self) -> Option<Date> {
        match self {
            Period::Day { date } => Some(*date),
            Period::Days { dates } => dates.iter().max().copied(),
            Period::DateRange { to, .. } => Some(*to),
            Period::Month { year, month } => last_of(*year, *month),
            Period::Months { year, months } => last_of(*year, months.iter().copied().max()?),
            Period::MonthRange { to, .. } => last_of(to.year, to.month),
            Period::Quarter { year, quarter } => last_of(*year, quarter_months(*quarter)?.1),
            Period::Quarters { year, to, .. } => last_of(*year, quarter_months(*to)?.1),
            Period::HalfYear { year, half } => last_of(*year, half_months(*half)?.1),
            Period::Year { year } => last_of(*year, 12),
            Period::YearRange { to, .. } => last_of(*to, 12),
            Period::PartOfYear { year, part } => last_of(*year, part.months().1),
            Period::TurnOfYear { year } => last_of(year.checked_add(1)?, 4),
            Period::Since { .. } => None,
            Period::Until { end } => end.latest(),
        }
    }

    /// Whether [`Period::problems`] finds nothing wrong.
    pub fn is_valid(&self) -> bool {
        self.problems().is_empty()
    }

    /// Everything that is wrong with the period, as short English sentences
    /// without a final full stop; empty if the period is valid.
    ///
    /// Values built by [`Period::parse_german`] are always valid. Values
    /// built by the constructors or deserialized (from JSON, say) may not be:
    /// this reports years outside 1–9999 (for a turn of the year, the
    /// following year too), months outside 1–12, quarters outside 1–4,
    /// half-years other than 1 and 2, lists of days or months with fewer than
    /// two entries or not strictly ascending, ranges that end before they
    /// start (a range of quarters must end after it starts), and
    /// [`Period::Since`] or [`Period::Until`] nested in one another. Problems
    /// of the period inside "ab …" and "bis …" are included.
    ///
    /// ```
    /// use kreisentwicklung_core::Period;
    ///
    /// assert!(Period::half_year(2019, 2).problems().is_empty());
    /// assert_eq!(
    ///     Period::year_range(2019, 2018).problems(),
    ///     ["period ends (2018) before it starts (2019)"]
    /// );
    /// assert_eq!(Period::month(2019, 13).problems(), ["month 13 is outside 1 to 12"]);
    /// ```
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.collect_problems(false, &mut out);
        out
    }

    fn collect_problems(&self, in_open: bool, out: &mut Vec<String>) {
        let year = |y: i32, out: &mut Vec<String>| {
            if !valid_year(y) {
                out.push(format!("year {y} is outside 1 to 9999"));
            }
        };
        let month = |m: u8, out: &mut Vec<String>| {
            if !(1..=12).contains(&m) {
                out.push(format!("month {m} is outside 1 to 12"));
            }
        };
        let quarter = |q: u8, out: &mut Vec<String>| {
            if quarter_months(q).is_none() {
                out.push(format!("quarter {q} is outside 1 to 4"));
            }
        };
        match self {
            Period::Day { .. } => {}
            Period::Days { dates } => {
                if dates.len() < 2 {
                    out.push(format!(
                        "a list of days needs at least two days, not {}",
                        dates.len()
                    ));
                }
                if let Some(w) = dates.windows(2).find(|w| w[0] >= w[1]) {
                    out.push(format!(
                        "days are not strictly ascending ({} is followed by {})",
                        w[0], w[1]
                    ));
                }
            }
            Period::DateRange { from, to } => {
                if to < from {
                    out.push(format!("period ends ({to}) before it starts ({from})"));
                }
            }
            Period::Month { year: y, month: m } => {
                year(*y, out);
                month(*m, out);
            }
            Period::Months { year: y, months } => {
                year(*y, out);
                if months.len() < 2 {
                    out.push(format!(
                        "a list of months needs at least two months, not {}",
                        months.len()
                    ));
                }
                for m in months {
                    month(*m, out);
                }
                if let Some(w) = months.windows(2).find(|w| w[0] >= w[1]) {
                    out.push(format!(
                        "months are not strictly ascending ({} is followed by {})",
                        w[0], w[1]
                    ));
                }
            }
            Period::MonthRange { from, to } => {
                year(from.year, out);
                month(from.month, out);
                year(to.year, out);
                month(to.month, out);
                if to < from {
                    out.push(format!(
                        "period ends ({:04}-{:02}) before it starts ({:04}-{:02})",
                        to.year, to.month, from.year, from.month
                    ));
                }
            }
            Period::Quarter {
                year: y,
                quarter: q,
            } => {
                year(*y, out);
                quarter(*q, out);
            }
            Period::Quarters { year: y, from, to } => {
                year(*y, out);
                quarter(*from, out);
                quarter(*to, out);
                if to < from {
                    out.push(format!(
                        "period ends (quarter {to}) before it starts (quarter {from})"
                    ));
                } else if to == from {
                    out.push(format!(
                        "a range of quarters must end after it starts, \
                         but both are quarter {from}"
                    ));
                }
            }
            Period::HalfYear { year: y, half } => {
                year(*y, out);
                if half_months(*half).is_none() {
                    out.push(format!("half-year {half} is neither 1 nor 2"));
                }
            }
            Period::Year { year: y } => year(*y, out),
            Period::YearRange { from, to } => {
                year(*from, out);
                year(*to, out);
                if to < from {
                    out.push(format!("period ends ({to}) before it starts ({from})"));
                }
            }
            Period::PartOfYear { year: y, .. } => year(*y, out),
            Period::TurnOfYear { year: y } => {
                if !(1..=9998).contains(y) {
                    out.push(format!(
                        "turn of the year {y} is outside 1 to 9998 (the next year must exist)"
                    ));
                }
            }
            Period::Since { start: inner } | Period::Until { end: inner } => {
                if in_open {
                    out.push(
                        "an open-ended period (\"ab …\" or \"bis …\") \
                         cannot contain another one"
                            .to_owned(),
                    );
                }
                inner.collect_problems(true, out);
            }
        }
    }

    /// Position of the variant in the declaration, for the order.
    fn rank(&self) -> u8 {
        match self {
            Period::Day { .. } => 0,
            Period::Days { .. } => 1,
            Period::DateRange { .. } => 2,
            Period::Month { .. } => 3,
            Period::Months { .. } => 4,
            Period::MonthRange { .. } => 5,
            Period::Quarter { .. } => 6,
            Period::Quarters { .. } => 7,
            Period::HalfYear { .. } => 8,
            Period::Year { .. } => 9,
            Period::YearRange { .. } => 10,
            Period::PartOfYear { .. } => 11,
            Period::TurnOfYear { .. } => 12,
            Period::Since { .. } => 13,
            Period::Until { .. } => 14,
        }
    }

    /// Compares the fields of two periods of the same variant.
    fn cmp_fields(&self, other: &Period) -> Ordering {
        use Period::*;
        match (self, other) {
            (Day { date: a }, Day { date: b }) => a.cmp(b),
            (Days { dates: a }, Days { dates: b }) => a.cmp(b),
            (DateRange { from: a, to: c }, DateRange { from: b, to: d }) => (a, c).cmp(&(b, d)),
            (Month { year: a, month: c }, Month { year: b, month: d }) => (a, c).cmp(&(b, d)),
            (Months { year: a, months: c }, Months { year: b, months: d }) => (a, c).cmp(&(b, d)),
            (MonthRange { from: a, to: c }, MonthRange { from: b, to: d }) => (a, c).cmp(&(b, d)),
            (
                Quarter {
                    year: a,
                    quarter: c,
                },
                Quarter {
                    year: b,
                    quarter: d,
                },
            ) => (a, c).cmp(&(b, d)),
            (
                Quarters {
                    year: a,
                    from: c,
                    to: e,
                },
                Quarters {
                    year: b,
                    from: d,
                    to: f,
                },
            ) => (a, c, e).cmp(&(b, d, f)),
            (HalfYear { year: a, half: c }, HalfYear { year: b, half: d }) => (a, c).cmp(&(b, d)),
            (Year { year: a }, Year { year: b }) => a.cmp(b),
            (YearRange { from: a, to: c }, YearRange { from: b, to: d }) => (a, c).cmp(&(b, d)),
            (PartOfYear { year: a, part: c }, PartOfYear { year: b, part: d }) => {
                (a, c).cmp(&(b, d))
            }
            (TurnOfYear { year: a }, TurnOfYear { year: b }) => a.cmp(b),
            (Since { start: a }, Since { start: b }) => a.cmp(b),
            (Until { end: a }, Until { end: b }) => a.cmp(b),
            // Different variants never get here: their ranks differ.
            _ => self.rank().cmp(&other.rank()),
        }
    }
}

/// Chronological order: by [`Period::earliest`] (`None`, i.e. "bis …",
/// first), then by [`Period::latest`] (`None`, i.e. "ab …", last), then by
/// the position of the variant in the declaration of [`Period`], then by the
/// fields (years, then months, quarters, days, …; the period inside "ab …"
/// and "bis …" by this same order). Total and consistent with `==`.
impl Ord for Period {
    fn cmp(&self, other: &Self) -> Ordering {
        // The same stages as `Ranked::cmp`.
        self.earliest()
            .cmp(&other.earliest())
            .then_with(|| End::of(self.latest()).cmp(&End::of(other.latest())))
            .then_with(|| self.rank().cmp(&other.rank()))
            .then_with(|| self.cmp_fields(other))
    }
}

/// A period with its days computed at most once, for comparing it with many
/// others in the order of `Period::cmp` (finding the latest of a list):
/// the earliest day up front, the latest only when the earliest days tie.
#[derive(Clone, Debug)]
pub(crate) struct Ranked<'a> {
    period: &'a Period,
    /// [`Period::earliest`].
    pub(crate) earliest: Option<Date>,
    end: Cell<Option<End>>,
}

impl<'a> Ranked<'a> {
    pub(crate) fn new(period: &'a Period) -> Self {
        Ranked {
            period,
            earliest: period.earliest(),
            end: Cell::new(None),
        }
    }

    fn end(&self) -> End {
        match self.end.get() {
            Some(end) => end,
            None => {
                let end = End::of(self.period.latest());
                self.end.set(Some(end));
                end
            }
        }
    }

    /// The same as `Period::cmp` of the two periods.
    pub(crate) fn cmp(&self, other: &Ranked<'_>) -> Ordering {
        self.earliest
            .cmp(&other.earliest)
            .then_with(|| self.end().cmp(&other.end()))
            .then_with(|| self.period.rank().cmp(&other.period.rank()))
            .then_with(|| self.period.cmp_fields(other.period))
    }
}

/// The latest day of a period, open ("ab …") after every day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum End {
    At(Date),
    Open,
}

impl End {
    fn of(latest: Option<Date>) -> End {
        latest.map_or(End::Open, End::At)
    }
}

/// Chronological order, see [`Ord`](#impl-Ord-for-Period).
impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

// ---------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------

fn write_month(f: &mut fmt::Formatter<'_>, month: u8) -> fmt::Result {
    match month_name(month) {
        Some(name) => f.write_str(name),
        // Only invalid periods get here; print something recognisable.
        None => write!(f, "Monat {month}"),
    }
}

fn write_days(f: &mut fmt::Formatter<'_>, dates: &[Date]) -> fmt::Result {
    let (first, last) = match (dates.first(), dates.last()) {
        (Some(first), Some(last)) => (*first, *last),
        _ => return Ok(()),
    };
    let same_year = dates.iter().all(|d| d.year() == first.year());
    let same_month = same_year && dates.iter().all(|d| d.month() == first.month());
    let init = &dates[..dates.len() - 1];
    if same_month && !init.is_empty() {
        // "07. und 10.03.2016", "07., 08. und 10.03.2016"
        for (i, d) in init.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{:02}.", d.day())?;
        }
        write!(f, " und {}", last.german())
    } else if same_year {
        // "24.04./18.05.2018"
        for d in init {
            write!(f, "{:02}.{:02}./", d.day(), d.month())?;
        }
        f.write_str(&last.german())
    } else {
        // "30.12.2018/02.01.2019"
        for d in init {
            write!(f, "{}/", d.german())?;
        }
        f.write_str(&last.german())
    }
}

/// Prints the period in German the way people write it. For every valid
/// period, [`Period::parse_german`] reads the output back to the same value.
///
/// Days have two digits and years four ("07. und 10.03.2016"); days of
/// one month share month and year, days of one year share the year
/// ("24.04./18.05.2018"); a range of days is "18.04.2016 bis 15.06.2016"; a
/// range of months in one year "Mai bis August 2017"; two consecutive
/// quarters "2. und 3. Quartal 2019", more "1. bis 3. Quartal 2019"; a range
/// of years has an en dash without spaces ("2018–2021"); "ab …" and "bis …"
/// are always written so, whichever synonym ("seit", "bis zum") was parsed.
///
/// ```
/// use kreisentwicklung_core::Period;
///
/// assert_eq!(Period::half_year(2019, 2).to_string(), "2. Halbjahr 2019");
/// assert_eq!(Period::turn_of_year(2018).to_string(), "Ende 2018 / Anfang 2019");
/// assert_eq!(Period::year_range(2018, 2021).to_string(), "2018–2021");
/// assert_eq!(Period::until(Period::year(2026)).to_string(), "bis 2026");
/// ```
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Day { date } => f.write_str(&date.german()),
            Period::Days { dates } => write_days(f, dates),
            Period::DateRange { from, to } => {
                write!(f, "{} bis {}", from.german(), to.german())
            }
            Period::Month { year, month } => {
                write_month(f, *month)?;
                write!(f, " {year:04}")
            }
            Period::Months { year, months } => {
                for (i, m) in months.iter().enumerate() {
                    if i > 0 {
                        f.write_str("/")?;
                    }
                    write_month(f, *m)?;
                }
                write!(f, " {year:04}")
            }
            Period::MonthRange { from, to } => {
                if from.year == to.year {
                    write_month(f, from.month)?;
                } else {
                    write!(f, "{from}")?;
                }
                write!(f, " bis {to}")
            }
            Period::Quarter { year, quarter } => write!(f, "{quarter}. Quartal {year:04}"),
            Period::Quarters { year, from, to } => {
                let sep = if from.checked_add(1) == Some(*to) {
                    "und"
                } else {
                    "bis"
                };
                write!(f, "{from}. {sep} {to}. Quartal {year:04}")
            }
            Period::HalfYear { year, half } => write!(f, "{half}. Halbjahr {year:04}"),
            Period::Year { year } => write!(f, "{year:04}"),
            Period::YearRange { from, to } => write!(f, "{from:04}–{to:04}"),
            Period::PartOfYear { year, part } => write!(f, "{part} {year:04}"),
            Period::TurnOfYear { year } => {
                write!(f, "Ende {year:04} / Anfang {:04}", i64::from(*year) + 1)
            }
            Period::Since { start } => write!(f, "ab {start}"),
            Period::Until { end } => write!(f, "bis {end}"),
        }
    }
}

impl Period {
    /// The period in English, for English output (workbooks, reports):
    /// "2nd half of 2019", "Q2 and Q3 2019", "May to August 2017",
    /// "late 2018 / early 2019", "from 2020". Dates are written "7 March
    /// 2016", without leading zeros and with the month's name, so that they
    /// read the same in British and American English.
    ///
    /// There is no English parser: the German form ([`Display`](fmt::Display))
    /// is the one that round-trips.
    ///
    /// ```
    /// use kreisentwicklung_core::{Date, Period, YearPart};
    ///
    /// assert_eq!(Period::half_year(2019, 2).english().to_string(), "2nd half of 2019");
    /// assert_eq!(Period::quarters(2019, 2, 3).english().to_string(), "Q2 and Q3 2019");
    /// assert_eq!(Period::part_of_year(2020, YearPart::Early).english().to_string(), "early 2020");
    /// let day = Date::from_ymd(2016, 3, 7)?;
    /// assert_eq!(Period::day(day).english().to_string(), "7 March 2016");
    /// assert_eq!(Period::since(Period::year(2020)).english().to_string(), "from 2020");
    /// # Ok::<(), kreisentwicklung_core::DateError>(())
    /// ```
    pub fn english(&self) -> EnglishPeriod<'_> {
        EnglishPeriod(self)
    }
}

/// A [`Period`] printed in English; made by [`Period::english`].
#[derive(Debug, Clone, Copy)]
pub struct EnglishPeriod<'a>(&'a Period);

const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn write_month_en(f: &mut fmt::Formatter<'_>, month: u8) -> fmt::Result {
    match ENGLISH_MONTHS.get(usize::from(month).wrapping_sub(1)) {
        Some(name) => f.write_str(name),
        // Only invalid periods get here; print something recognisable.
        None => write!(f, "month {month}"),
    }
}

fn write_date_en(f: &mut fmt::Formatter<'_>, d: Date) -> fmt::Result {
    write!(f, "{} ", d.day())?;
    write_month_en(f, d.month())?;
    write!(f, " {:04}", d.year())
}

/// ", " between items and " and " before the last.
fn write_list_en<T: Copy>(
    f: &mut fmt::Formatter<'_>,
    items: &[T],
    mut item: impl FnMut(&mut fmt::Formatter<'_>, T) -> fmt::Result,
) -> fmt::Result {
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(if i + 1 == items.len() { " and " } else { ", " })?;
        }
        item(f, *x)?;
    }
    Ok(())
}

fn ordinal_en(n: u8) -> &'static str {
    match n {
        1 => "1st",
        2 => "2nd",
        3 => "3rd",
        4 => "4th",
        _ => "?th",
    }
}

impl fmt::Display for EnglishPeriod<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Period::Day { date } => write_date_en(f, *date),
            Period::Days { dates } => {
                let Some(first) = dates.first() else {
                    return Ok(());
                };
                let same_year = dates.iter().all(|d| d.year() == first.year());
                let same_month = same_year && dates.iter().all(|d| d.month() == first.month());
                if same_month {
                    // "7, 8 and 10 March 2016"
                    write_list_en(f, dates, |f, d| write!(f, "{}", d.day()))?;
                    f.write_str(" ")?;
                    write_month_en(f, first.month())?;
                    write!(f, " {:04}", first.year())
                } else if same_year {
                    // "24 April and 18 May 2018"
                    write_list_en(f, dates, |f, d| {
                        write!(f, "{} ", d.day())?;
                        write_month_en(f, d.month())
                    })?;
                    write!(f, " {:04}", first.year())
                } else {
                    write_list_en(f, dates, write_date_en)
                }
            }
            Period::DateRange { from, to } => {
                write_date_en(f, *from)?;
                f.write_str(" to ")?;
                write_date_en(f, *to)
            }
            Period::Month { year, month } => {
                write_month_en(f, *month)?;
                write!(f, " {year:04}")
            }
            Period::Months { year, months } => {
                write_list_en(f, months, write_month_en)?;
                write!(f, " {year:04}")
            }
            Period::MonthRange { from, to } => {
                write_month_en(f, from.month)?;
                if from.year != to.year {
                    write!(f, " {:04}", from.year)?;
                }
                f.write_str(" to ")?;
                write_month_en(f, to.month)?;
                write!(f, " {:04}", to.year)
            }
            Period::Quarter { year, quarter } => write!(f, "Q{quarter} {year:04}"),
            Period::Quarters { year, from, to } => {
                let sep = if from.checked_add(1) == Some(*to) {
                    "and"
                } else {
                    "to"
                };
                write!(f, "Q{from} {sep} Q{to} {year:04}")
            }
            Period::HalfYear { year, half } => {
                write!(f, "{} half of {year:04}", ordinal_en(*half))
            }
            Period::Year { year } => write!(f, "{year:04}"),
            Period::YearRange { from, to } => write!(f, "{from:04}–{to:04}"),
            Period::PartOfYear { year, part } => {
                let part = match part {
                    YearPart::Early => "early",
                    YearPart::Middle => "mid",
                    YearPart::Late => "late",
                };
                write!(f, "{part} {year:04}")
            }
            Period::TurnOfYear { year } => {
                write!(f, "late {year:04} / early {:04}", i64::from(*year) + 1)
            }
            Period::Since { start } => write!(f, "from {}", start.english()),
            Period::Until { end } => write!(f, "until {}", end.english()),
        }
    }
}

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok<'a> {
    /// ASCII digits.
    Num(&'a str),
    /// Letters, lower-cased.
    Word(String),
    Dot,
    Comma,
    Slash,
    /// Hyphen, en dash, em dash and friends.
    Dash,
    Plus,
}

#[derive(Debug)]
struct Token<'a> {
    tok: Tok<'a>,
    /// Whether whitespace precedes the token.
    spaced: bool,
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
    )
}

/// Splits the text into tokens; `None` if it contains a character that no
/// period uses.
fn tokenize(text: &str) -> Option<Vec<Token<'_>>> {
    let mut out = Vec::new();
    let mut spaced = false;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let (tok, len) = if c.is_whitespace() {
            spaced = true;
            rest = &rest[c.len_utf8()..];
            continue;
        } else if c.is_ascii_digit() {
            let len = rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
            (Tok::Num(&rest[..len]), len)
        } else if c.is_alphabetic() {
            let len = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            (Tok::Word(rest[..len].to_lowercase()), len)
        } else {
            let tok = match c {
                '.' => Tok::Dot,
                ',' => Tok::Comma,
                '/' => Tok::Slash,
                '+' => Tok::Plus,
                c if is_dash(c) => Tok::Dash,
                _ => return None,
            };
            (tok, c.len_utf8())
        };
        out.push(Token { tok, spaced });
        spaced = false;
        rest = &rest[len..];
    }
    Some(out)
}

/// A cursor over tokens. Every `eat_*` method consumes only on success.
#[derive(Clone, Copy)]
struct Cur<'t, 'a> {
    toks: &'t [Token<'a>],
    pos: usize,
}

impl<'t, 'a> Cur<'t, 'a> {
    fn peek(&self) -> Option<&'t Token<'a>> {
        self.toks.get(self.pos)
    }

    fn at_end(&self) -> bool {
        self.pos >= self.toks.len()
    }

    fn eat(&mut self, tok: &Tok<'_>) -> bool {
        let hit = self.peek().is_some_and(|t| t.tok == *tok);
        if hit {
            self.pos += 1;
        }
        hit
    }

    fn eat_word(&mut self, word: &str) -> bool {
        let hit = matches!(self.peek(), Some(Token { tok: Tok::Word(w), .. }) if w == word);
        if hit {
            self.pos += 1;
        }
        hit
    }

    /// Any number.
    fn num(&mut self) -> Option<&'a str> {
        match self.peek() {
            Some(Token {
                tok: Tok::Num(n), ..
            }) => {
                self.pos += 1;
                Some(n)
            }
            _ => None,
        }
    }

    /// A number of at most two digits (a day, month, quarter or half-year).
    fn small(&mut self) -> Option<u8> {
        match self.peek() {
            Some(Token {
                tok: Tok::Num(n), ..
            }) if n.len() <= 2 => {
                let v = n.parse().ok()?;
                self.pos += 1;
                Some(v)
            }
            _ => None,
        }
    }

    /// A small number written directly after the previous token ("Q3").
    fn small_unspaced(&mut self) -> Option<u8> {
        if self.peek()?.spaced {
            return None;
        }
        self.small()
    }

    /// A month name, full or abbreviated (then with an optional dot).
    fn month_name(&mut self) -> Option<u8> {
        let word = match self.peek() {
            Some(Token {
                tok: Tok::Word(w), ..
            }) => w,
            _ => return None,
        };
        let &(_, month, abbreviated) = MONTH_SPELLINGS.iter().find(|(s, ..)| s == word)?;
        self.pos += 1;
        if abbreviated {
            self.eat(&Tok::Dot);
        }
        Some(month)
    }

    /// "bis" or a dash between the two ends of a range.
    fn eat_range_sep(&mut self) -> bool {
        self.eat(&Tok::Dash) || self.eat_word("bis")
    }

    /// "und" or a comma between list items.
    fn eat_list_sep(&mut self) -> bool {
        self.eat(&Tok::Comma) || self.eat_word("und")
    }
}

/// The outcome of trying one shape of text: `None` if the text does not have
/// that shape, `Some(Err(reason))` if it has the shape but impossible values.
type Shape = Option<Result<Period, String>>;

/// A number as the user wrote it, shortened for messages.
fn shown(num: &str) -> String {
    if num.len() > 12 {
        format!("{}…", &num[..12])
    } else {
        num.to_owned()
    }
}

fn year_value(num: &str) -> Result<i32, String> {
    let year = if num.len() == 4 {
        num.parse::<i32>().ok()
    } else {
        None
    };
    match year {
        Some(y) if valid_year(y) => Ok(y),
        _ => Err(format!(
            "\"{}\" is not a year: years are written with four digits from 0001 to 9999",
            shown(num)
        )),
    }
}

fn check_month(month: u8) -> Result<u8, String> {
    if (1..=12).contains(&month) {
        Ok(month)
    } else {
        Err(format!("month {month} does not exist (months are 1 to 12)"))
    }
}

fn check_quarter(quarter: u8) -> Result<u8, String> {
    if quarter_months(quarter).is_some() {
        Ok(quarter)
    } else {
        Err(format!(
            "quarter {quarter} does not exist (quarters are 1 to 4)"
        ))
    }
}

fn make_date(year: i32, month: u8, day: u8) -> Result<Date, String> {
    check_month(month)?;
    Date::from_ymd(year, month, day).map_err(|_| {
        let days = last_of(year, month).map_or(31, |d| d.day());
        format!("{day:02}.{month:02}.{year:04} does not exist (month {month:02}/{year:04} has {days} days)")
    })
}

/// One day as written in a list or range: "07.", "24.04.", "10.03.2016",
/// "7.", "10. März 2016". Month and year may be missing.
struct DayItem<'a> {
    day: u8,
    month: Option<u8>,
    year: Option<&'a str>,
}

fn day_item<'a>(cur: &mut Cur<'_, 'a>) -> Option<DayItem<'a>> {
    let start = *cur;
    let day = cur.small()?;
    if !cur.eat(&Tok::Dot) {
        *cur = start;
        return None;
    }
    let after_day = *cur;
    if let Some(month) = cur.small() {
        if cur.eat(&Tok::Dot) {
            let year = cur.num();
            return Some(DayItem {
                day,
                month: Some(month),
                year,
            });
        }
        *cur = after_day;
    }
    if let Some(month) = cur.month_name() {
        let year = cur.num();
        return Some(DayItem {
            day,
            month: Some(month),
            year,
        });
    }
    Some(DayItem {
        day,
        month: None,
        year: None,
    })
}

/// Completes the items from right to left (a day without month or year takes
/// them from the next item) and builds the dates. `None` if the last item
/// lacks month or year.
fn resolve_days(items: &[DayItem<'_>]) -> Option<Result<Vec<Date>, String>> {
    let last = items.last()?;
    let (mut month, mut year) = (last.month?, last.year?);
    let mut dates = Vec::with_capacity(items.len());
    for item in items.iter().rev() {
        if let Some(y) = item.year {
            year = y;
        }
        if let Some(m) = item.month {
            month = m;
        }
        let built = year_value(year).and_then(|y| make_date(y, month, item.day));
        match built {
            Ok(d) => dates.push(d),
            Err(e) => return Some(Err(e)),
        }
    }
    dates.reverse();
    Some(Ok(dates))
}

/// "12.02.2019", "07. und 10.03.2016", "24.04./18.05.2018", …
fn shape_days(mut cur: Cur<'_, '_>) -> Shape {
    let mut items = vec![day_item(&mut cur)?];
    while !cur.at_end() {
        if !(cur.eat_list_sep() || cur.eat(&Tok::Slash)) {
            return None;
        }
        items.push(day_item(&mut cur)?);
    }
    let dates = match resolve_days(&items)? {
        Ok(dates) => dates,
        Err(e) => return Some(Err(e)),
    };
    if let [date] = dates[..] {
        return Some(Ok(Period::Day { date }));
    }
    if let Some(w) = dates.windows(2).find(|w| w[0] >= w[1]) {
        return Some(Err(format!(
            "the days must be listed in ascending order without repetition, \
             but {} is followed by {}",
            w[0].german(),
            w[1].german()
        )));
    }
    Some(Ok(Period::Days { dates }))
}

/// "18.04.2016 bis 15.06.2016", "18.–20.04.2016", …
fn shape_date_range(mut cur: Cur<'_, '_>) -> Shape {
    let from = day_item(&mut cur)?;
    if !cur.eat_range_sep() {
        return None;
    }
    let to = day_item(&mut cur)?;
    if !cur.at_end() {
        return None;
    }
    let dates = match resolve_days(&[from, to])? {
        Ok(dates) => dates,
        Err(e) => return Some(Err(e)),
    };
    let (from, to) = (dates[0], dates[1]);
    if to < from {
        return Some(Err(ends_before(&to.german(), &from.german())));
    }
    Some(Ok(Period::DateRange { from, to }))
}

fn ends_before(to: &str, from: &str) -> String {
    format!("the period ends ({to}) before it starts ({from})")
}

/// "November 2017", "April/Mai/Juni 2016", "Mai bis August 2017",
/// "November 2015 bis März 2016".
fn shape_months(mut cur: Cur<'_, '_>) -> Shape {
    let first = cur.month_name()?;
    let first_year = cur.num();
    if cur.at_end() {
        return Some(year_value(first_year?).map(|year| Period::Month { year, month: first }));
    }
    if cur.eat_range_sep() {
        let last = cur.month_name()?;
        let last_year = cur.num()?;
        if !cur.at_end() {
            return None;
        }
        let range = (|| {
            let to = YearMonth::new(year_value(last_year)?, last);
            let from = YearMonth::new(first_year.map_or(Ok(to.year), year_value)?, first);
            if to < from {
                return Err(ends_before(&to.to_string(), &from.to_string()));
            }
            Ok(Period::MonthRange { from, to })
        })();
        return Some(range);
    }
    if first_year.is_some() {
        return None;
    }
    let mut months = vec![first];
    let year = loop {
        if !(cur.eat(&Tok::Slash) || cur.eat_list_sep()) {
            return None;
        }
        months.push(cur.month_name()?);
        if let Some(year) = cur.num() {
            break year;
        }
    };
    if !cur.at_end() {
        return None;
    }
    let year = match year_value(year) {
        Ok(y) => y,
        Err(e) => return Some(Err(e)),
    };
    if let Some(w) = months.windows(2).find(|w| w[0] >= w[1]) {
        return Some(Err(format!(
            "the months must be listed in ascending order without repetition, \
             but {} is followed by {}",
            month_name(w[0]).unwrap_or_default(),
            month_name(w[1]).unwrap_or_default()
        )));
    }
    Some(Ok(Period::Months { year, months }))
}

/// "3." (`true`) or "Q3" (`false`).
fn numbered_item(cur: &mut Cur<'_, '_>, letter: &str) -> Option<(u8, bool)> {
    let start = *cur;
    if let Some(n) = cur.small() {
        if cur.eat(&Tok::Dot) {
            return Some((n, true));
        }
    } else if cur.eat_word(letter) {
        if let Some(n) = cur.small_unspaced() {
            return Some((n, false));
        }
    }
    *cur = start;
    None
}

/// "3. Quartal 2019", "Q3 2019", "2. und 3. Quartal 2019",
/// "1. bis 3. Quartal 2019".
fn shape_quarters(mut cur: Cur<'_, '_>) -> Shape {
    let (first, dotted) = numbered_item(&mut cur, "q")?;
    let mut items = vec![first];
    let mut ranged = false;
    if cur.eat_range_sep() {
        ranged = true;
        items.push(numbered_item(&mut cur, "q").filter(|i| i.1 == dotted)?.0);
    } else {
        while cur.eat_list_sep() {
            items.push(numbered_item(&mut cur, "q").filter(|i| i.1 == dotted)?.0);
        }
    }
    if dotted {
        if !cur.eat_word("quartal") {
            return None;
        }
    } else {
        cur.eat(&Tok::Slash);
    }
    let year = cur.num()?;
    if !cur.at_end() {
        return None;
    }
    Some((|| {
        let year = year_value(year)?;
        for q in &items {
            check_quarter(*q)?;
        }
        match items[..] {
            [quarter] => Ok(Period::Quarter { year, quarter }),
            [from, to] if ranged => {
                if to < from {
                    Err(ends_before(
                        &format!("{to}. Quartal"),
                        &format!("{from}. Quartal"),
                    ))
                } else if to == from {
                    Err(format!(
                        "a range of quarters must end after it starts, \
                         but both are quarter {from}"
                    ))
                } else {
                    Ok(Period::Quarters { year, from, to })
                }
            }
            _ => {
                if items.windows(2).all(|w| w[0].checked_add(1) == Some(w[1])) {
                    Ok(Period::Quarters {
                        year,
                        from: items[0],
                        to: items[items.len() - 1],
                    })
                } else {
                    Err("listed quarters must be consecutive and ascending, \
                         such as \"2. und 3. Quartal 2019\""
                        .to_owned())
                }
            }
        }
    })())
}

/// "2. Halbjahr 2019", "2. Hj. 2019", "H2 2019".
fn shape_half_year(mut cur: Cur<'_, '_>) -> Shape {
    let (half, dotted) = numbered_item(&mut cur, "h")?;
    if dotted {
        if cur.eat_word("hj") || cur.eat_word("halbj") {
            cur.eat(&Tok::Dot);
        } else if !(cur.eat_word("halbjahr") || cur.eat_word("jahreshälfte")) {
            return None;
        }
    } else {
        cur.eat(&Tok::Slash);
    }
    let year = cur.num()?;
    if !cur.at_end() {
        return None;
    }
    Some(year_value(year).and_then(|year| {
        if half_months(half).is_some() {
            Ok(Period::HalfYear { year, half })
        } else {
            Err(format!(
                "half-year {half} does not exist (half-years are 1 and 2)"
            ))
        }
    }))
}

/// "Anfang 2020", "Mitte 2020", "Ende 2018", "Ende des Jahres 2018",
/// "Ende 2018 / Anfang 2019".
fn shape_part_of_year(mut cur: Cur<'_, '_>) -> Shape {
    fn part(cur: &mut Cur<'_, '_>) -> Option<YearPart> {
        let part = if cur.eat_word("anfang") {
            YearPart::Early
        } else if cur.eat_word("mitte") {
            YearPart::Middle
        } else if cur.eat_word("ende") {
            YearPart::Late
        } else {
            return None;
        };
        if cur.eat_word("des") && !cur.eat_word("jahres") {
            return None;
        }
        Some(part)
    }
    let first = part(&mut cur)?;
    let year = cur.num()?;
    if cur.at_end() {
        return Some(year_value(year).map(|year| Period::PartOfYear { year, part: first }));
    }
    if first != YearPart::Late || !cur.eat(&Tok::Slash) || part(&mut cur)? != YearPart::Early {
        return None;
    }
    let next = cur.num()?;
    if !cur.at_end() {
        return None;
    }
    Some(turn_of_year(year, next, false))
}

/// "Jahreswechsel 2018/2019", "Jahreswechsel 2018/19".
fn shape_turn_of_year(mut cur: Cur<'_, '_>) -> Shape {
    if !(cur.eat_word("jahreswechsel") || cur.eat_word("jahreswende")) {
        return None;
    }
    let year = cur.num()?;
    if !cur.eat(&Tok::Slash) {
        return None;
    }
    let next = cur.num()?;
    if !cur.at_end() {
        return None;
    }
    Some(turn_of_year(year, next, true))
}

fn turn_of_year(year: &str, next: &str, short_ok: bool) -> Result<Period, String> {
    let year = year_value(year)?;
    let follows = if short_ok && next.len() == 2 {
        next.parse::<i32>().ok() == Some((year + 1) % 100)
    } else {
        year_value(next)? == year + 1
    };
    if follows && year < 9999 {
        Ok(Period::TurnOfYear { year })
    } else {
        Err(format!(
            "a turn of the year must name two consecutive years, such as \
             \"Ende {year:04} / Anfang {:04}\"",
            year + 1
        ))
    }
}

/// "2019", "2018–2021", "2018 bis 2021"; with `plus`, also "2035+".
fn shape_years(mut cur: Cur<'_, '_>, plus: bool) -> Shape {
    let first = cur.num()?;
    if cur.at_end() {
        return Some(year_value(first).map(|year| Period::Year { year }));
    }
    if plus && cur.eat(&Tok::Plus) {
        if !cur.at_end() {
            return None;
        }
        return Some(year_value(first).map(|year| Period::since(Period::Year { year })));
    }
    if !cur.eat_range_sep() {
        return None;
    }
    let last = cur.num()?;
    if !cur.at_end() {
        return None;
    }
    Some((|| {
        let (from, to) = (year_value(first)?, year_value(last)?);
        if to < from {
            return Err(ends_before(&format!("{to:04}"), &format!("{from:04}")));
        }
        Ok(Period::YearRange { from, to })
    })())
}

/// Any period that is not "ab …" or "bis …" (except "2035+" with `top`).
fn parse_closed(cur: Cur<'_, '_>, top: bool) -> Result<Period, String> {
    let shapes: [&dyn Fn() -> Shape; 8] = [
        &|| shape_days(cur),
        &|| shape_date_range(cur),
        &|| shape_months(cur),
        &|| shape_quarters(cur),
        &|| shape_half_year(cur),
        &|| shape_part_of_year(cur),
        &|| shape_turn_of_year(cur),
        &|| shape_years(cur, top),
    ];
    for shape in shapes {
        if let Some(result) = shape() {
            return result;
        }
    }
    let mut probe = cur;
    if !top && (probe.eat_word("ab") || probe.eat_word("seit") || probe.eat_word("bis")) {
        return Err(
            "\"ab …\", \"seit …\" and \"bis …\" cannot be nested in one another".to_owned(),
        );
    }
    Err(if cur.at_end() && cur.pos == 0 {
        format!("the text is empty; {EXPECTED}")
    } else {
        EXPECTED.to_owned()
    })
}

fn parse_tokens(toks: &[Token<'_>]) -> Result<Period, String> {
    let mut cur = Cur { toks, pos: 0 };
    if cur.eat_word("ab") || cur.eat_word("seit") {
        let year_only = cur.eat_word("dem") && cur.eat_word("jahr");
        let start = parse_open_inner(cur, year_only)?;
        Ok(Period::since(start))
    } else if cur.eat_word("bis") {
        let year_only = cur.eat_word("zum") && cur.eat_word("jahr");
        let end = parse_open_inner(cur, year_only)?;
        Ok(Period::until(end))
    } else {
        parse_closed(cur, true)
    }
}

fn parse_open_inner(cur: Cur<'_, '_>, year_only: bool) -> Result<Period, String> {
    if year_only {
        shape_years(cur, false)
            .filter(|r| !matches!(r, Ok(Period::YearRange { .. })))
            .unwrap_or_else(|| {
                Err("expected a year after \"Jahr\", such as \"bis zum Jahr 2030\"".to_owned())
            })
    } else {
        parse_closed(cur, false)
    }
}

impl Period {
    /// Reads a period from German text such as "12.02.2019",
    /// "2. und 3. Quartal 2019", "Ende 2018 / Anfang 2019" or "ab Juni 2019".
    ///
    /// Accepted are: days ("12.02.2019", "2.2.2019", "12. Februar 2019"),
    /// lists of days ("07. und 10.03.2016", "24.04./18.05.2018"), ranges of
    /// days ("18.04.2016 bis 15.06.2016", "18.–20.04.2016"), months
    /// ("November 2017", "Nov. 2017"), lists and ranges of months
    /// ("April/Mai/Juni 2016", "Mai bis August 2017"), quarters
    /// ("3. Quartal 2019", "Q3 2019", "2. und 3. Quartal 2019"), half-years
    /// ("2. Halbjahr 2019", "2. Hj. 2019"), years and ranges of years ("2019",
    /// "2018 - 2021"), parts of years ("Anfang 2020", "Ende des Jahres 2018"),
    /// turns of the year ("Ende 2018 / Anfang 2019"), and any of these after
    /// "ab", "seit" or "bis" ("ab Juni 2019", "bis zum Ende des Jahres 2018",
    /// "2035+"). The module documentation has the full table. The result is always valid ([`Period::problems`] is
    /// empty). Never panics, whatever the input.
    ///
    /// # Errors
    ///
    /// A [`PeriodParseError`] quoting the text if it is not one of the
    /// accepted forms, names a day that does not exist ("30.02.2019") or an
    /// impossible value (month 13, quarter 5, half-year 3, year 0000), lists
    /// days or months out of order, or is a range that ends before it starts.
    ///
    /// ```
    /// use kreisentwicklung_core::{Date, Period};
    ///
    /// let p = Period::parse_german("07. und 10.03.2016")?;
    /// assert_eq!(p, Period::days([Date::from_ymd(2016, 3, 7)?, Date::from_ymd(2016, 3, 10)?]));
    /// assert_eq!(Period::parse_german(" 7. und 10. März 2016 ")?, p);
    ///
    /// let err = Period::parse_german("3. Quartal 2019 bis 2. Quartal 2019").unwrap_err();
    /// assert_eq!(err.text, "3. Quartal 2019 bis 2. Quartal 2019");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_german(text: &str) -> Result<Period, PeriodParseError> {
        let period = tokenize(text)
            .ok_or_else(|| EXPECTED.to_owned())
            .and_then(|toks| parse_tokens(&toks))
            .map_err(|reason| PeriodParseError::new(text, reason))?;
        // Every shape checks its values; this guards against any gap.
        match period.problems().into_iter().next() {
            None => Ok(period),
            Some(problem) => Err(PeriodParseError::new(text, problem)),
        }
    }
}

// ---------------------------------------------------------------------------
// Deserialization
// ---------------------------------------------------------------------------

/// The `kind` names, in the order of the variants.
const KINDS: &[&str] = &[
    "day",
    "days",
    "dateRange",
    "month",
    "months",
    "monthRange",
    "quarter",
    "quarters",
    "halfYear",
    "year",
    "yearRange",
    "partOfYear",
    "turnOfYear",
    "since",
    "until",
];

/// The variant a `kind` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Day,
    Days,
    DateRange,
    Month,
    Months,
    MonthRange,
    Quarter,
    Quarters,
    HalfYear,
    Year,
    YearRange,
    PartOfYear,
    TurnOfYear,
    Since,
    Until,
}

impl Kind {
    fn from_name(name: &str) -> Option<Kind> {
        Some(match name {
            "day" => Kind::Day,
            "days" => Kind::Days,
            "dateRange" => Kind::DateRange,
            "month" => Kind::Month,
            "months" => Kind::Months,
            "monthRange" => Kind::MonthRange,
            "quarter" => Kind::Quarter,
            "quarters" => Kind::Quarters,
            "halfYear" => Kind::HalfYear,
            "year" => Kind::Year,
            "yearRange" => Kind::YearRange,
            "partOfYear" => Kind::PartOfYear,
            "turnOfYear" => Kind::TurnOfYear,
            "since" => Kind::Since,
            "until" => Kind::Until,
            _ => return None,
        })
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Kind;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a period kind such as \"year\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Kind, E> {
                Kind::from_name(v).ok_or_else(|| E::unknown_variant(v, KINDS))
            }
        }
        d.deserialize_str(V)
    }
}

/// A member of a period object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Kind,
    Date,
    Dates,
    From,
    To,
    Year,
    Month,
    Months,
    Quarter,
    Half,
    Part,
    Start,
    End,
    /// None of a period's.
    Other,
}

impl Field {
    fn name(self) -> &'static str {
        match self {
            Field::Kind => "kind",
            Field::Date => "date",
            Field::Dates => "dates",
            Field::From => "from",
            Field::To => "to",
            Field::Year => "year",
            Field::Month => "month",
            Field::Months => "months",
            Field::Quarter => "quarter",
            Field::Half => "half",
            Field::Part => "part",
            Field::Start => "start",
            Field::End => "end",
            Field::Other => "",
        }
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Field;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Field, E> {
                Ok(match v {
                    "kind" => Field::Kind,
                    "date" => Field::Date,
                    "dates" => Field::Dates,
                    "from" => Field::From,
                    "to" => Field::To,
                    "year" => Field::Year,
                    "month" => Field::Month,
                    "months" => Field::Months,
                    "quarter" => Field::Quarter,
                    "half" => Field::Half,
                    "part" => Field::Part,
                    "start" => Field::Start,
                    "end" => Field::End,
                    _ => Field::Other,
                })
            }
        }
        d.deserialize_identifier(V)
    }
}

/// The fields read so far; `from` and `to` in the type of the kind.
#[derive(Default)]
struct Parts {
    date: Option<Date>,
    dates: Option<Vec<Date>>,
    year: Option<i32>,
    month: Option<u8>,
    months: Option<Vec<u8>>,
    quarter: Option<u8>,
    half: Option<u8>,
    part: Option<YearPart>,
    start: Option<Box<Period>>,
    end: Option<Box<Period>>,
    from_date: Option<Date>,
    to_date: Option<Date>,
    from_month: Option<YearMonth>,
    to_month: Option<YearMonth>,
    from_small: Option<u8>,
    to_small: Option<u8>,
    from_year: Option<i32>,
    to_year: Option<i32>,
}

/// Where the value of a field comes from: the map being read, or a value
/// buffered because it came before `kind`.
trait Source<'de> {
    type Error: serde::de::Error;
    fn take<T: serde::de::DeserializeOwned>(self) -> Result<Option<T>, Self::Error>;
    fn skip(self) -> Result<(), Self::Error>;
}

impl<'de, A: serde::de::MapAccess<'de>> Source<'de> for &mut A {
    type Error = A::Error;

    fn take<T: serde::de::DeserializeOwned>(self) -> Result<Option<T>, A::Error> {
        self.next_value().map(Some)
    }

    fn skip(self) -> Result<(), A::Error> {
        self.next_value::<serde::de::IgnoredAny>().map(|_| ())
    }
}

/// A buffered value; its errors become custom errors of the map.
struct Buffered<E>(serde_json::Value, std::marker::PhantomData<E>);

impl<E: serde::de::Error> Source<'_> for Buffered<E> {
    type Error = E;

    fn take<T: serde::de::DeserializeOwned>(self) -> Result<Option<T>, E> {
        T::deserialize(self.0).map(Some).map_err(E::custom)
    }

    fn skip(self) -> Result<(), E> {
        Ok(())
    }
}

impl Parts {
    /// Reads the value of `field` into its slot if `kind` has the field,
    /// else skips it (as an unknown field).
    fn put<'de, S: Source<'de>>(
        &mut self,
        kind: Kind,
        field: Field,
        src: S,
    ) -> Result<(), S::Error> {
        use Kind as K;
        match (kind, field) {
            (K::Day, Field::Date) => self.date = src.take()?,
            (K::Days, Field::Dates) => self.dates = src.take()?,
            (K::DateRange, Field::From) => self.from_date = src.take()?,
            (K::DateRange, Field::To) => self.to_date = src.take()?,
            (
                K::Month
                | K::Months
                | K::Quarter
                | K::Quarters
                | K::HalfYear
                | K::Year
                | K::PartOfYear
                | K::TurnOfYear,
                Field::Year,
            ) => self.year = src.take()?,
            (K::Month, Field::Month) => self.month = src.take()?,
            (K::Months, Field::Months) => self.months = src.take()?,
            (K::MonthRange, Field::From) => self.from_month = src.take()?,
            (K::MonthRange, Field::To) => self.to_month = src.take()?,
            (K::Quarter, Field::Quarter) => self.quarter = src.take()?,
            (K::Quarters, Field::From) => self.from_small = src.take()?,
            (K::Quarters, Field::To) => self.to_small = src.take()?,
            (K::HalfYear, Field::Half) => self.half = src.take()?,
            (K::YearRange, Field::From) => self.from_year = src.take()?,
            (K::YearRange, Field::To) => self.to_year = src.take()?,
            (K::PartOfYear, Field::Part) => self.part = src.take()?,
            (K::Since, Field::Start) => self.start = src.take()?,
            (K::Until, Field::End) => self.end = src.take()?,
            _ => src.skip()?,
        }
        Ok(())
    }

    /// The period of `kind`; a missing field is an error naming the first
    /// missing one in the order of the variant's fields.
    fn finish<E: serde::de::Error>(self, kind: Kind) -> Result<Period, E> {
        fn need<T, E: serde::de::Error>(v: Option<T>, name: &'static str) -> Result<T, E> {
            v.ok_or_else(|| E::missing_field(name))
        }
        Ok(match kind {
            Kind::Day => Period::Day {
                date: need(self.date, "date")?,
            },
            Kind::Days => Period::Days {
                dates: need(self.dates, "dates")?,
            },
            Kind::DateRange => Period::DateRange {
                from: need(self.from_date, "from")?,
                to: need(self.to_date, "to")?,
            },
            Kind::Month => Period::Month {
                year: need(self.year, "year")?,
                month: need(self.month, "month")?,
            },
            Kind::Months => Period::Months {
                year: need(self.year, "year")?,
                months: need(self.months, "months")?,
            },
            Kind::MonthRange => Period::MonthRange {
                from: need(self.from_month, "from")?,
                to: need(self.to_month, "to")?,
            },
            Kind::Quarter => Period::Quarter {
                year: need(self.year, "year")?,
                quarter: need(self.quarter, "quarter")?,
            },
            Kind::Quarters => Period::Quarters {
                year: need(self.year, "year")?,
                from: need(self.from_small, "from")?,
                to: need(self.to_small, "to")?,
            },
            Kind::HalfYear => Period::HalfYear {
                year: need(self.year, "year")?,
                half: need(self.half, "half")?,
            },
            Kind::Year => Period::Year {
                year: need(self.year, "year")?,
            },
            Kind::YearRange => Period::YearRange {
                from: need(self.from_year, "from")?,
                to: need(self.to_year, "to")?,
            },
            Kind::PartOfYear => Period::PartOfYear {
                year: need(self.year, "year")?,
                part: need(self.part, "part")?,
            },
            Kind::TurnOfYear => Period::TurnOfYear {
                year: need(self.year, "year")?,
            },
            Kind::Since => Period::Since {
                start: need(self.start, "start")?,
            },
            Kind::Until => Period::Until {
                end: need(self.end, "end")?,
            },
        })
    }
}

/// Reads the object form the derived `Serialize` writes
/// (`{"kind": "halfYear", "year": 2019, "half": 2}`), with the errors of
/// the derived form: ``unknown variant `halbjahr`, expected one of …``,
/// ``missing field `half` ``, ``duplicate field `year` ``; the type error
/// of a field is reported at the field (`….period.year`). Members the kind
/// does not have are skipped like unknown fields. `kind` may come anywhere;
/// members before it are buffered until it is known.
impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Period;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a period (an object with \"kind\" and its fields)")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Period, A::Error> {
                let mut kind = None;
                let mut parts = Parts::default();
                // Fields before `kind`, rare: the library writes it first.
                let mut early: Vec<(Field, serde_json::Value)> = Vec::new();
                let mut seen = 0u16;
                while let Some(field) = map.next_key::<Field>()? {
                    if field != Field::Other {
                        let bit = 1u16 << field as u16;
                        if seen & bit != 0 {
                            return Err(serde::de::Error::duplicate_field(field.name()));
                        }
                        seen |= bit;
                    }
                    match (field, kind) {
                        (Field::Kind, _) => {
                            let k: Kind = map.next_value()?;
                            kind = Some(k);
                            for (field, value) in early.drain(..) {
                                parts.put(k, field, Buffered(value, std::marker::PhantomData))?;
                            }
                        }
                        (Field::Other, _) => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                        }
                        (_, Some(k)) => parts.put(k, field, &mut map)?,
                        (_, None) => early.push((field, map.next_value()?)),
                    }
                }
                let kind = kind.ok_or_else(|| serde::de::Error::missing_field("kind"))?;
                parts.finish(kind)
            }
        }
        d.deserialize_map(V)
    }
}

/// Same as [`Period::parse_german`].
impl FromStr for Period {
    type Err = PeriodParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Period::parse_german(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranked_compares_like_ord() {
        let d = |y, m, day| Date::from_ymd(y, m, day).unwrap();
        let mut periods = vec![
            Period::day(d(2019, 1, 1)),
            Period::day(d(2019, 12, 31)),
            Period::days([d(2019, 3, 10), d(2019, 3, 7)]),
            Period::days([d(2019, 1, 1), d(2019, 12, 31)]),
            Period::date_range(d(2019, 1, 1), d(2019, 12, 31)),
            Period::date_range(d(2019, 9, 1), d(2020, 4, 30)),
            Period::month(2019, 1),
            Period::month(2019, 13),
            Period::months(2019, [1, 2, 3]),
            Period::month_range(YearMonth::new(2019, 1), YearMonth::new(2019, 3)),
            Period::quarter(2019, 1),
            Period::quarter(2019, 4),
            Period::quarter(2019, 5),
            Period::quarters(2019, 1, 2),
            Period::half_year(2019, 2),
            Period::year(2019),
            Period::year(0),
            Period::year(10_000),
            Period::year_range(2019, 2020),
            Period::part_of_year(2019, YearPart::Late),
            Period::turn_of_year(2019),
            Period::turn_of_year(9999),
            Period::since(Period::year(2019)),
            Period::since(Period::month(2019, 13)),
            Period::until(Period::year(2019)),
            Period::until(Period::quarter(2019, 1)),
        ];
        periods.push(Period::since(Period::until(Period::year(2019))));
        for a in &periods {
            for b in &periods {
                let (ra, rb) = (Ranked::new(a), Ranked::new(b));
                assert_eq!(ra.cmp(&rb), a.cmp(b), "{a:?} vs {b:?}");
                // Again, with the latest days cached.
                assert_eq!(ra.cmp(&rb), a.cmp(b), "{a:?} vs {b:?}");
            }
        }
    }

    #[test]
    fn json_reads_back_every_kind_and_any_member_order() {
        let texts = [
            "12.02.2019",
            "07. und 10.03.2016",
            "18.04.2016 bis 15.06.2016",
            "November 2017",
            "April/Mai/Juni 2016",
            "November 2015 bis März 2016",
            "3. Quartal 2019",
            "1. bis 3. Quartal 2019",
            "2. Halbjahr 2019",
            "2019",
            "2018–2021",
            "Ende 2018",
            "Ende 2018 / Anfang 2019",
            "ab Juni 2019",
            "bis Ende 2018",
        ];
        let mut kinds = std::collections::BTreeSet::new();
        for text in texts {
            let p: Period = text.parse().unwrap();
            let json = serde_json::to_value(&p).unwrap();
            kinds.insert(json["kind"].as_str().unwrap().to_owned());
            assert_eq!(serde_json::from_value::<Period>(json.clone()).unwrap(), p);
            let s = serde_json::to_string(&p).unwrap();
            assert_eq!(serde_json::from_str::<Period>(&s).unwrap(), p, "{s}");
            // `kind` last, and an unknown member in between.
            let mut members: Vec<_> = json.as_object().unwrap().clone().into_iter().collect();
            members.rotate_left(1);
            members.insert(1, ("colour".to_owned(), serde_json::json!({"r": [1]})));
            let reordered = format!(
                "{{{}}}",
                members
                    .iter()
                    .map(|(k, v)| format!("{k:?}: {v}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            assert_eq!(
                serde_json::from_str::<Period>(&reordered).unwrap(),
                p,
                "{reordered}"
            );
        }
        assert_eq!(kinds.len(), KINDS.len());
        assert!(kinds.iter().all(|k| KINDS.contains(&k.as_str())));
    }

    #[test]
    fn json_errors_say_what_is_wrong() {
        let e = |s: &str| serde_json::from_str::<Period>(s).unwrap_err().to_string();
        assert!(e(r#"{"kind": "halbjahr", "year": 2019}"#)
            .starts_with("unknown variant `halbjahr`, expected one of `day`, `days`, `dateRange`"));
        assert!(e(r#"{"kind": "halfYear", "year": 2019}"#).starts_with("missing field `half`"));
        assert!(e(r#"{"year": 2019}"#).starts_with("missing field `kind`"));
        assert!(e(r#"{"kind": "year", "year": 2019, "year": 2020}"#)
            .starts_with("duplicate field `year`"));
        assert!(e(r#"{"kind": "year", "kind": "year", "year": 2019}"#)
            .starts_with("duplicate field `kind`"));
        assert!(e(r#"{"kind": "year", "year": "2019"}"#)
            .starts_with("invalid type: string \"2019\", expected i32"));
        assert!(e(r#"{"year": "2019", "kind": "year"}"#)
            .starts_with("invalid type: string \"2019\", expected i32"));
        assert!(e(r#"{"kind": "day", "date": "2019-02-30"}"#)
            .starts_with("invalid date \"2019-02-30\": day does not exist"));
        assert!(
            e(r#"{"kind": 3}"#).starts_with("invalid type: integer `3`, expected a period kind")
        );
        assert!(e(r#"["year", 2019]"#).starts_with("invalid type: sequence, expected a period"));
        assert!(e(r#""2019""#).starts_with("invalid type: string \"2019\", expected a period"));
        // A member of another kind is skipped, whatever its type.
        assert_eq!(
            serde_json::from_str::<Period>(r#"{"kind": "year", "year": 2019, "month": "x"}"#)
                .unwrap(),
            Period::Year { year: 2019 }
        );
    }

    fn toks(text: &str) -> Vec<Tok<'_>> {
        tokenize(text)
            .expect("tokenizes")
            .into_iter()
            .map(|t| t.tok)
            .collect()
    }

    #[test]
    fn tokenizer_splits_numbers_words_and_punctuation() {
        assert_eq!(
            toks("18.–20.04.2016"),
            [
                Tok::Num("18"),
                Tok::Dot,
                Tok::Dash,
                Tok::Num("20"),
                Tok::Dot,
                Tok::Num("04"),
                Tok::Dot,
                Tok::Num("2016"),
            ]
        );
        assert_eq!(
            toks("Q3 MÄRZ,+/"),
            [
                Tok::Word("q".into()),
                Tok::Num("3"),
                Tok::Word("märz".into()),
                Tok::Comma,
                Tok::Plus,
                Tok::Slash,
            ]
        );
        assert!(tokenize("2019!").is_none());
        assert!(tokenize("").expect("empty is fine").is_empty());
    }

    #[test]
    fn tokenizer_records_spacing() {
        let t = tokenize("Q3 2019").expect("tokenizes");
        assert_eq!(
            t.iter().map(|t| t.spaced).collect::<Vec<_>>(),
            [false, false, true]
        );
    }

    #[test]
    fn calendar_helpers() {
        assert_eq!(quarter_months(1), Some((1, 3)));
        assert_eq!(quarter_months(4), Some((10, 12)));
        assert_eq!(quarter_months(0), None);
        assert_eq!(quarter_months(255), None);
        assert_eq!(half_months(2), Some((7, 12)));
        assert_eq!(half_months(3), None);
        assert_eq!(month_name(3), Some("März"));
        assert_eq!(month_name(0), None);
        assert_eq!(month_name(13), None);
    }

    #[test]
    fn years_need_four_digits_in_range() {
        assert_eq!(year_value("2019"), Ok(2019));
        assert_eq!(year_value("0001"), Ok(1));
        assert!(year_value("0000").is_err());
        assert!(year_value("19").is_err());
        assert!(year_value("20190").is_err());
        let huge = "9".repeat(1000);
        assert!(year_value(&huge).is_err_and(|e| e.len() < 120));
    }

    #[test]
    fn error_text_is_trimmed_and_shortened() {
        let e = PeriodParseError::new("  Sommer 2019\n", "r");
        assert_eq!(e.text, "Sommer 2019");
        let long = "ö".repeat(200);
        let e = PeriodParseError::new(&long, "r");
        assert_eq!(e.text, format!("{}…", "ö".repeat(80)));
    }

    #[test]
    fn parsed_periods_are_valid_and_print_back() {
        for text in [
            "12.02.2019",
            "07. und 10.03.2016",
            "24.04./18.05.2018",
            "Mai bis August 2017",
            "2. und 3. Quartal 2019",
            "2. Halbjahr 2019",
            "Ende 2018 / Anfang 2019",
            "Anfang 2020",
        ] {
            let period = Period::parse_german(text).expect("parses");
            assert!(period.is_valid());
            assert_eq!(period.to_string(), text);
        }
    }

    #[test]
    fn invalid_values_print_without_panicking() {
        assert_eq!(Period::month(2019, 13).to_string(), "Monat 13 2019");
        assert_eq!(Period::days([]).to_string(), "");
        assert_eq!(
            Period::turn_of_year(i32::MAX).to_string(),
            "Ende 2147483647 / Anfang 2147483648"
        );
    }
}
