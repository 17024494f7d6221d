//! The English layer: [`Period::english`] for English output.

use std::fmt;

use super::*;

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

impl YearPart {
    /// The English word, as in "early 2020", "mid 2020", "late 2018".
    ///
    /// ```
    /// use kreisentwicklung_core::YearPart;
    ///
    /// assert_eq!(YearPart::Middle.english(), "mid");
    /// assert_eq!(YearPart::Middle.german(), "Mitte");
    /// ```
    pub fn english(self) -> &'static str {
        match self {
            YearPart::Early => "early",
            YearPart::Middle => "mid",
            YearPart::Late => "late",
        }
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
                write!(f, "{} {year:04}", part.english())
            }
            Period::TurnOfYear { year } => {
                write!(f, "late {year:04} / early {:04}", i64::from(*year) + 1)
            }
            Period::Since { start } => write!(f, "from {}", start.english()),
            Period::Until { end } => write!(f, "until {}", end.english()),
            Period::PartOf { part, of } => {
                let part = match part {
                    YearPart::Early => "early",
                    YearPart::Middle => "mid",
                    YearPart::Late => "late",
                };
                match &**of {
                    Period::Quarter { year, quarter } => write!(f, "{part} Q{quarter} {year:04}"),
                    Period::HalfYear { year, half } => {
                        write!(f, "{part} {} half of {year:04}", ordinal_en(*half))
                    }
                    other => write!(f, "{part} {}", other.english()),
                }
            }
            Period::Deadline { end } => write!(f, "by {} at the latest", end.english()),
            Period::Between { start, end } => {
                write!(f, "from {} until {}", start.english(), end.english())
            }
        }
    }
}
