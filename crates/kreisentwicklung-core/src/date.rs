//! Calendar dates, always serialized as ISO `yyyy-mm-dd`.
//!
//! [`time::Date`] with the plain `serde` feature serializes as `[2019,43]`
//! (year and ordinal day), which no schema consumer expects. This newtype pins
//! the wire format explicitly and carries its own JSON Schema, because
//! `schemars` has no support for the `time` crate.

use std::fmt;
use std::str::FromStr;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date (proleptic Gregorian), written `yyyy-mm-dd` in every
/// serialized form and `dd.mm.yyyy` when shown to German readers.
///
/// ```
/// use kreisentwicklung_core::Date;
///
/// let d = Date::from_ymd(2018, 9, 12)?;
/// assert_eq!(d.to_string(), "2018-09-12");
/// assert_eq!(d.german(), "12.09.2018");
/// assert_eq!("2018-09-12".parse::<Date>()?, d);
/// assert!("2019-02-30".parse::<Date>().is_err());
/// # Ok::<(), kreisentwicklung_core::DateError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

/// A date that does not exist or is not written `yyyy-mm-dd`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid date {text:?}: {reason}")]
pub struct DateError {
    /// The text that was given.
    pub text: String,
    /// Why it is not a date.
    pub reason: &'static str,
}

impl Date {
    /// The date of the given year, month (1–12) and day (1–31), if it exists.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        let err = |reason| DateError {
            text: format!("{year:04}-{month:02}-{day:02}"),
            reason,
        };
        if !(1..=9999).contains(&year) {
            return Err(err("year out of range 1..=9999"));
        }
        let m = time::Month::try_from(month).map_err(|_| err("month out of range 1..=12"))?;
        time::Date::from_calendar_date(year, m, day)
            .map(Date)
            .map_err(|_| err("day does not exist in that month"))
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.0.month() as u8
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.0.day()
    }

    /// The last day of the given month.
    pub fn last_of_month(year: i32, month: u8) -> Result<Self, DateError> {
        let first = Self::from_ymd(year, month, 1)?;
        Ok(Date(
            first
                .0
                .replace_day(first.0.month().length(year))
                .unwrap_or(first.0),
        ))
    }

    /// The number of days from `self` to `other` (negative if `other` is earlier).
    pub fn days_until(self, other: Date) -> i64 {
        (other.0 - self.0).whole_days()
    }

    /// The date `days` days later (or earlier, if negative); saturates at the
    /// ends of the supported range.
    pub fn add_days(self, days: i64) -> Date {
        self.0
            .checked_add(time::Duration::days(days))
            .map(Date)
            .unwrap_or(self)
    }

    /// The date written the German way, `dd.mm.yyyy`.
    pub fn german(self) -> String {
        format!("{:02}.{:02}.{:04}", self.day(), self.month(), self.year())
    }

    /// The underlying [`time::Date`].
    pub fn as_time(self) -> time::Date {
        self.0
    }
}

impl From<time::Date> for Date {
    fn from(d: time::Date) -> Self {
        Date(d)
    }
}

impl From<Date> for time::Date {
    fn from(d: Date) -> Self {
        d.0
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Date({self})")
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = |reason| DateError {
            text: s.chars().take(40).collect(),
            reason,
        };
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(err("expected yyyy-mm-dd"));
        }
        let num = |r: std::ops::Range<usize>| -> Result<u32, DateError> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().map_err(|_| err("expected yyyy-mm-dd"))
            } else {
                Err(err("expected yyyy-mm-dd"))
            }
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::from_ymd(y as i32, m as u8, d as u8).map_err(|e| DateError {
            text: s.to_owned(),
            reason: e.reason,
        })
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date written yyyy-mm-dd")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Date, E> {
                v.parse().map_err(E::custom)
            }
        }
        d.deserialize_str(V)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CalendarDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date, ISO 8601 `yyyy-mm-dd`."
        })
    }
}
