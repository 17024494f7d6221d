//! Fuzzy time: the periods people write in German planning documents.
//!
//! Planning documents rarely give exact dates. A participation table says
//! "Ende 2018 / Anfang 2019", a chronology says "Mai bis August 2017" or
//! "24.04./18.05.2018", a resolution sets a horizon "bis 2026". [`Period`]
//! keeps such a statement with its meaning: it parses from the German text
//! ([`Period::parse_german`], [`FromStr`](std::str::FromStr)), prints back the way people write
//! it ([`Display`](std::fmt::Display)), knows the first and last day it can mean
//! ([`Period::earliest`], [`Period::latest`]) and sorts chronologically
//! ([`Ord`]).
//!
//! English workbooks and reports write periods in English
//! ([`Period::english`]: "2nd half of 2019") and read them back
//! ([`Period::parse_english`], with its own table of accepted forms);
//! [`Period::parse_in`] reads the text of either language by
//! [`Language`](crate::Language). Each language keeps the names it writes
//! and reads (months, early/mid/late, quarters, half-years) in one table,
//! shared by its printer and its parser.
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
//! The left column is what [`Display`](std::fmt::Display) prints (the canonical
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
//! | `Anfang Mai 2024`, `Ende des 1. Quartals 2025`, `Mitte des 2. Halbjahres 2019` | `Ende des 2. Halbjahrs 2019` | [`Period::PartOf`] |
//! | `bis spätestens Oktober 2018` | `spätestens Oktober 2018` | [`Period::Deadline`] |
//! | `ab Juni 2019 bis Anfang 2020` | `seit Juni 2019 bis Anfang 2020`, `ab dem 18.04.2016 bis zum 15.06.2016` | [`Period::Between`] |
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
//! [`Display`](std::fmt::Display) prints every *valid* period (one whose
//! [`Period::problems`] is empty) so that parsing the output gives the same
//! period back. Days are always two digits (`07.03.2016`), years four. A
//! range of years prints with an en dash and no spaces (`2018–2021`, as German
//! typography writes "bis"); two consecutive quarters print with "und", longer
//! runs with "bis". [`Period::Since`] prints as "ab …" and [`Period::Until`]
//! as "bis …" whatever spelling was parsed ("seit 2019" prints "ab 2019",
//! "bis zum Ende des Jahres 2018" prints "bis Ende 2018"). "ab X bis Y"
//! reads as [`Period::Between`] whenever X and Y are periods, so after "ab" a
//! range of days or a range of months across years prints with a dash:
//! "ab 18.04.2016–15.06.2016", "ab November 2015 – März 2016".
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

use ::serde::{Deserialize, Serialize};
use schemars::JsonSchema;

use crate::Date;

// One module per layer: the model, its bounds and order here; the German
// and the English parser and printer, the names they write and read, the
// parsing machinery both share, and the serde form beside it.
mod english;
mod german;
mod names;
mod parse;
mod serde;

pub use english::EnglishPeriod;
pub use parse::PeriodParseError;

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
    /// The beginning, middle or end of a month, a quarter or a half-year:
    /// "Anfang Mai 2024", "Ende des 1. Quartals 2025" (since 1.1). Each part
    /// is a third: of a month days 1–10, 11–20 and 21 to the end; of a
    /// quarter one month; of a half-year two months.
    PartOf {
        /// Which part.
        part: YearPart,
        /// The month, quarter or half-year.
        of: Box<Period>,
    },
    /// A deadline: "bis spätestens Oktober 2018" (since 1.1). Its bounds are
    /// those of "bis …"; it says that the end is a commitment.
    Deadline {
        /// The latest time.
        end: Box<Period>,
    },
    /// An open start and an open end: "ab Juni 2019 bis Anfang 2020"
    /// (since 1.1).
    Between {
        /// When it starts.
        start: Box<Period>,
        /// When it ends at the latest.
        end: Box<Period>,
    },
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

impl YearPart {
    /// First and last month of the part.
    fn months(self) -> (u8, u8) {
        match self {
            YearPart::Early => (1, 4),
            YearPart::Middle => (5, 8),
            YearPart::Late => (9, 12),
        }
    }
}

// ---------------------------------------------------------------------------
// Constructors, bounds, problems
// ---------------------------------------------------------------------------

impl Period {
    /// The names of the kinds of periods, in the order of the variants: the
    /// `kind` of the JSON form and the element names of the XML form. The
    /// one list of them; readers and writers take the names from here.
    ///
    /// ```
    /// use kreisentwicklung_core::Period;
    ///
    /// assert_eq!(Period::KINDS.len(), 18);
    /// assert_eq!(Period::half_year(2019, 2).kind(), "halfYear");
    /// assert!(Period::KINDS.contains(&"turnOfYear"));
    /// ```
    pub const KINDS: &'static [&'static str] = &[
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
        "partOf",
        "deadline",
        "between",
    ];

    /// The name of the kind of this period, one of [`Period::KINDS`]:
    /// `"halfYear"` for "2. Halbjahr 2019".
    pub fn kind(&self) -> &'static str {
        Period::KINDS[usize::from(self.rank())]
    }

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

    /// The beginning, middle or end of a month, quarter or half-year:
    /// "Ende des 1. Quartals 2025" is
    /// `part_of(YearPart::Late, Period::quarter(2025, 1))`. Any other `of`
    /// makes an invalid period (see [`Period::problems`]).
    pub fn part_of(part: YearPart, of: Period) -> Self {
        Period::PartOf {
            part,
            of: Box::new(of),
        }
    }

    /// A deadline: "bis spätestens Oktober 2018".
    pub fn deadline(end: Period) -> Self {
        Period::Deadline { end: Box::new(end) }
    }

    /// From `start` to `end`: "ab Juni 2019 bis Anfang 2020".
    pub fn between(start: Period, end: Period) -> Self {
        Period::Between {
            start: Box::new(start),
            end: Box::new(end),
        }
    }

    /// First and last day of the third of a month, quarter or half-year
    /// that a [`Period::PartOf`] names.
    fn part_bounds(part: YearPart, of: &Period) -> Option<(Date, Date)> {
        let third = match part {
            YearPart::Early => 0,
            YearPart::Middle => 1,
            YearPart::Late => 2,
        };
        match of {
            Period::Month { year, month } => {
                let first = first_of(*year, *month)?;
                let last = last_of(*year, *month)?;
                let day = |d: u8| Date::from_ymd(*year, *month, d).ok();
                match third {
                    0 => Some((first, day(10)?)),
                    1 => Some((day(11)?, day(20)?)),
                    _ => Some((day(21)?, last)),
                }
            }
            Period::Quarter { year, quarter } => {
                let m = quarter_months(*quarter)?.0 + third;
                Some((first_of(*year, m)?, last_of(*year, m)?))
            }
            Period::HalfYear { year, half } => {
                let m = half_months(*half)?.0 + 2 * third;
                Some((first_of(*year, m)?, last_of(*year, m + 1)?))
            }
            _ => None,
        }
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
            Period::Until { .. } | Period::Deadline { .. } => None,
            Period::PartOf { part, of } => Some(Period::part_bounds(*part, of)?.0),
            Period::Between { start, .. } => start.earliest(),
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
            Period::Until { end } | Period::Deadline { end } => end.latest(),
            Period::PartOf { part, of } => Some(Period::part_bounds(*part, of)?.1),
            Period::Between { end, .. } => end.latest(),
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
            Period::Since { start: inner }
            | Period::Until { end: inner }
            | Period::Deadline { end: inner } => {
                if in_open {
                    out.push(
                        "an open-ended period (\"ab …\" or \"bis …\") \
                         cannot contain another one"
                            .to_owned(),
                    );
                }
                inner.collect_problems(true, out);
            }
            Period::Between { start, end } => {
                if in_open {
                    out.push(
                        "an open-ended period (\"ab … bis …\") cannot contain another one"
                            .to_owned(),
                    );
                }
                start.collect_problems(true, out);
                end.collect_problems(true, out);
                if let (Some(a), Some(b)) = (start.earliest(), end.latest()) {
                    if b < a {
                        out.push(format!("period ends ({b}) before it starts ({a})"));
                    }
                }
            }
            Period::PartOf { of, .. } => {
                if matches!(
                    **of,
                    Period::Month { .. } | Period::Quarter { .. } | Period::HalfYear { .. }
                ) {
                    of.collect_problems(in_open, out);
                } else {
                    out.push(format!(
                        "\"Anfang\", \"Mitte\" and \"Ende\" take a month, a quarter or a \
                         half-year, not a period of kind {}",
                        of.kind()
                    ));
                }
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
            Period::PartOf { .. } => 15,
            Period::Deadline { .. } => 16,
            Period::Between { .. } => 17,
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
            (PartOf { part: a, of: c }, PartOf { part: b, of: d }) => (c, a).cmp(&(d, b)),
            (Deadline { end: a }, Deadline { end: b }) => a.cmp(b),
            (Between { start: a, end: c }, Between { start: b, end: d }) => (a, c).cmp(&(b, d)),
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
            Period::part_of(YearPart::Late, Period::quarter(2019, 1)),
            Period::part_of(YearPart::Early, Period::month(2019, 5)),
            Period::part_of(YearPart::Middle, Period::half_year(2019, 2)),
            Period::part_of(YearPart::Middle, Period::year(2019)),
            Period::deadline(Period::month(2019, 10)),
            Period::between(
                Period::month(2019, 6),
                Period::part_of_year(2020, YearPart::Early),
            ),
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
    fn calendar_helpers() {
        assert_eq!(quarter_months(1), Some((1, 3)));
        assert_eq!(quarter_months(4), Some((10, 12)));
        assert_eq!(quarter_months(0), None);
        assert_eq!(quarter_months(255), None);
        assert_eq!(half_months(2), Some((7, 12)));
        assert_eq!(half_months(3), None);
    }

    #[test]
    fn kind_names_are_those_of_the_json_form() {
        let d = |y, m, day| Date::from_ymd(y, m, day).unwrap();
        let periods = [
            Period::day(d(2019, 2, 12)),
            Period::days([d(2016, 3, 7), d(2016, 3, 10)]),
            Period::date_range(d(2016, 4, 18), d(2016, 6, 15)),
            Period::month(2017, 11),
            Period::months(2016, [4, 5, 6]),
            Period::month_range(YearMonth::new(2017, 5), YearMonth::new(2017, 8)),
            Period::quarter(2019, 3),
            Period::quarters(2019, 2, 3),
            Period::half_year(2019, 2),
            Period::year(2019),
            Period::year_range(2018, 2021),
            Period::part_of_year(2020, YearPart::Early),
            Period::turn_of_year(2018),
            Period::since(Period::year(2020)),
            Period::until(Period::year(2026)),
            Period::part_of(YearPart::Late, Period::quarter(2025, 1)),
            Period::deadline(Period::month(2018, 10)),
            Period::between(
                Period::month(2019, 6),
                Period::part_of_year(2020, YearPart::Early),
            ),
        ];
        assert_eq!(periods.len(), Period::KINDS.len());
        for (i, p) in periods.iter().enumerate() {
            let json = serde_json::to_value(p).unwrap();
            assert_eq!(json["kind"], p.kind());
            assert_eq!(p.kind(), Period::KINDS[i]);
            let back: Period = serde_json::from_value(json).unwrap();
            assert_eq!(&back, p);
        }
    }
}
