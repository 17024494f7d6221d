//! The English layer: [`Period::english`] for English output and
//! [`Period::parse_english`] reading it back.

use std::fmt;

use super::names::{ordinal_suffix, ENGLISH};
use super::parse::*;
use super::*;

impl Period {
    /// The period in English, for English output (workbooks, reports):
    /// "2nd half of 2019", "Q2 and Q3 2019", "May to August 2017",
    /// "late 2018 / early 2019", "from 2020". Dates are written "7 March
    /// 2016", without leading zeros and with the month's name, so that they
    /// read the same in British and American English.
    /// [`Period::parse_english`] reads every valid period back from it.
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

    /// Reads a period from English text such as "7 March 2016", "Q2 and
    /// Q3 2019", "late 2018 / early 2019" or "from June 2019": every form
    /// [`Period::english`] prints, and the usual other ways to write it.
    /// Case and spaces do not matter; dashes may be hyphens or en or em
    /// dashes; years have four digits.
    ///
    /// | printed | also accepted | variant |
    /// | --- | --- | --- |
    /// | `7 March 2016` | `7th March 2016`, `7th of March 2016`, `March 7, 2016`, `7 Mar. 2016`, `2016-03-07` | [`Period::Day`] |
    /// | `7, 8 and 10 March 2016`, `24 April and 18 May 2018` | `7, 8, and 10 March 2016` | [`Period::Days`] |
    /// | `18 April 2016 to 15 June 2016` | `18 April to 15 June 2016`, `18–20 April 2016`, `2016-04-18 - 2016-06-15` | [`Period::DateRange`] |
    /// | `November 2017` | `Nov 2017`, `11/2017`, `2017-11` | [`Period::Month`] |
    /// | `April, May and June 2016` | `April/May/June 2016` | [`Period::Months`] |
    /// | `May to August 2017` | `May–August 2017`, `May through August 2017` | [`Period::MonthRange`] |
    /// | `Q3 2019` | `Q3/2019`, `3rd quarter of 2019`, `third quarter 2019` | [`Period::Quarter`] |
    /// | `Q2 and Q3 2019`, `Q1 to Q3 2019` | `Q1–Q3 2019`, `2nd and 3rd quarters of 2019` | [`Period::Quarters`] |
    /// | `2nd half of 2019` | `H2 2019`, `second half of 2019`, `2nd half-year 2019` | [`Period::HalfYear`] |
    /// | `2019`, `2018–2021` | `2018 to 2021`, `2018-2021` | [`Period::Year`], [`Period::YearRange`] |
    /// | `early 2020`, `mid 2020`, `late 2018` | `beginning of 2020`, `mid-2020`, `the end of 2018` | [`Period::PartOfYear`] |
    /// | `late 2018 / early 2019` | `turn of the year 2018/19` | [`Period::TurnOfYear`] |
    /// | `early May 2024`, `late Q1 2025`, `mid 2nd half of 2019` | `end of May 2024`, `mid-May 2024` | [`Period::PartOf`] |
    /// | `from 2020` | `since 2020`, `as of 2020`, `from 2020 onwards`, `2035+` | [`Period::Since`] |
    /// | `until 2026` | `till 2026`, `up to 2026`, `by 2026`, `by the end of 2018` | [`Period::Until`] |
    /// | `by October 2018 at the latest` | `no later than October 2018`, `at the latest by October 2018` | [`Period::Deadline`] |
    /// | `from June 2019 until early 2020` | `from June 2019 to early 2020` | [`Period::Between`] |
    ///
    /// Days written with slashes (`03/07/2016`) are refused: British and
    /// American readers take them for different days. A month written
    /// with a slash (`03/2025`) is accepted, since a four-digit year leaves
    /// no doubt. The German forms are [`Period::parse_german`]'s; a reader
    /// of both languages tries one after the other ([`Period::parse_in`]).
    ///
    /// # Errors
    ///
    /// A [`PeriodParseError`] quoting the text, as for
    /// [`Period::parse_german`]: the text is no English period, names a day
    /// that does not exist, an impossible value, or a range that ends
    /// before it starts.
    ///
    /// ```
    /// use kreisentwicklung_core::{Date, Period, YearPart};
    ///
    /// let p = Period::parse_english("2nd half of 2019")?;
    /// assert_eq!(p, Period::half_year(2019, 2));
    /// assert_eq!(Period::parse_english("H2 2019")?, p);
    /// assert_eq!(
    ///     Period::parse_english("the end of 2018")?,
    ///     Period::part_of_year(2018, YearPart::Late)
    /// );
    /// assert_eq!(
    ///     Period::parse_english("2025-03-01")?,
    ///     Period::day(Date::from_ymd(2025, 3, 1)?)
    /// );
    /// let err = Period::parse_english("summer 2019").unwrap_err();
    /// assert!(err.reason.starts_with("expected an English date or period"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_english(text: &str) -> Result<Period, PeriodParseError> {
        finish(text, &ENGLISH, EXPECTED, parse_tokens)
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
        ENGLISH.part(self)
    }
}

// ---------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------

/// A [`Period`] printed in English; made by [`Period::english`].
#[derive(Debug, Clone, Copy)]
pub struct EnglishPeriod<'a>(&'a Period);

fn write_month(f: &mut fmt::Formatter<'_>, month: u8) -> fmt::Result {
    match ENGLISH.month(month) {
        Some(name) => f.write_str(name),
        // Only invalid periods get here; print something recognisable.
        None => write!(f, "month {month}"),
    }
}

fn write_date(f: &mut fmt::Formatter<'_>, d: Date) -> fmt::Result {
    write!(f, "{} ", d.day())?;
    write_month(f, d.month())?;
    write!(f, " {:04}", d.year())
}

/// ", " between items and " and " before the last.
fn write_list<T: Copy>(
    f: &mut fmt::Formatter<'_>,
    items: &[T],
    mut item: impl FnMut(&mut fmt::Formatter<'_>, T) -> fmt::Result,
) -> fmt::Result {
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            if i + 1 == items.len() {
                write!(f, " {} ", ENGLISH.and)?;
            } else {
                f.write_str(", ")?;
            }
        }
        item(f, *x)?;
    }
    Ok(())
}

/// "2nd half of 2019".
fn write_half(f: &mut fmt::Formatter<'_>, year: i32, half: u8) -> fmt::Result {
    let (noun, of) = (ENGLISH.half.printed, ENGLISH.of.unwrap_or_default());
    write!(f, "{half}{} {noun} {of} {year:04}", ordinal_suffix(half))
}

impl fmt::Display for EnglishPeriod<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let to = ENGLISH.to[0];
        match self.0 {
            Period::Day { date } => write_date(f, *date),
            Period::Days { dates } => {
                let Some(first) = dates.first() else {
                    return Ok(());
                };
                let same_year = dates.iter().all(|d| d.year() == first.year());
                let same_month = same_year && dates.iter().all(|d| d.month() == first.month());
                if same_month {
                    // "7, 8 and 10 March 2016"
                    write_list(f, dates, |f, d| write!(f, "{}", d.day()))?;
                    f.write_str(" ")?;
                    write_month(f, first.month())?;
                    write!(f, " {:04}", first.year())
                } else if same_year {
                    // "24 April and 18 May 2018"
                    write_list(f, dates, |f, d| {
                        write!(f, "{} ", d.day())?;
                        write_month(f, d.month())
                    })?;
                    write!(f, " {:04}", first.year())
                } else {
                    write_list(f, dates, write_date)
                }
            }
            Period::DateRange { from, to: end } => {
                write_date(f, *from)?;
                write!(f, " {to} ")?;
                write_date(f, *end)
            }
            Period::Month { year, month } => {
                write_month(f, *month)?;
                write!(f, " {year:04}")
            }
            Period::Months { year, months } => {
                write_list(f, months, write_month)?;
                write!(f, " {year:04}")
            }
            Period::MonthRange { from, to: end } => {
                write_month(f, from.month)?;
                if from.year != end.year {
                    write!(f, " {:04}", from.year)?;
                }
                write!(f, " {to} ")?;
                write_month(f, end.month)?;
                write!(f, " {:04}", end.year)
            }
            Period::Quarter { year, quarter } => write!(f, "Q{quarter} {year:04}"),
            Period::Quarters {
                year,
                from,
                to: last,
            } => {
                let sep = if from.checked_add(1) == Some(*last) {
                    ENGLISH.and
                } else {
                    to
                };
                write!(f, "Q{from} {sep} Q{last} {year:04}")
            }
            Period::HalfYear { year, half } => write_half(f, *year, *half),
            Period::Year { year } => write!(f, "{year:04}"),
            Period::YearRange { from, to } => write!(f, "{from:04}–{to:04}"),
            Period::PartOfYear { year, part } => {
                write!(f, "{} {year:04}", part.english())
            }
            Period::TurnOfYear { year } => {
                let (late, early) = (YearPart::Late.english(), YearPart::Early.english());
                write!(f, "{late} {year:04} / {early} {:04}", i64::from(*year) + 1)
            }
            Period::Since { start } => write!(f, "{SINCE} {}", start.english()),
            Period::Until { end } => write!(f, "{UNTIL} {}", end.english()),
            Period::PartOf { part, of } => {
                write!(f, "{} ", part.english())?;
                match &**of {
                    Period::HalfYear { year, half } => write_half(f, *year, *half),
                    other => write!(f, "{}", other.english()),
                }
            }
            Period::Deadline { end } => write!(f, "by {} {LATEST}", end.english()),
            Period::Between { start, end } => {
                write!(f, "{SINCE} {} {UNTIL} {}", start.english(), end.english())
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

/// Examples named whenever the text has no recognisable shape at all.
const EXPECTED: &str = "expected an English date or period such as \"7 March 2016\", \
                        \"2nd half of 2019\" or \"May to August 2017\"";

/// Before the start of an open period; the first is printed.
const SINCE_WORDS: &[&str] = &["from", "since", "as of", "starting from", "starting"];
const SINCE: &str = SINCE_WORDS[0];
/// Before the end of an open period; the first is printed.
const UNTIL_WORDS: &[&str] = &["until", "till", "up to", "by"];
const UNTIL: &str = UNTIL_WORDS[0];
/// After the end of a deadline ("by October 2018 at the latest").
const LATEST: &str = "at the latest";
/// Before the end of a deadline ("no later than October 2018").
const DEADLINE_WORDS: &[&str] = &["no later than", "not later than", "at the latest by"];

/// A day number, with its ordinal suffix or not ("7", "7th").
fn day_number(cur: &mut Cur<'_, '_>) -> Option<u8> {
    let start = *cur;
    if let Some(n) = cur.ordinal() {
        // "third" names a quarter or a half, not a day.
        if matches!(
            start.peek(),
            Some(Token {
                tok: Tok::Num(_),
                ..
            })
        ) {
            return Some(n);
        }
        *cur = start;
        return None;
    }
    cur.small()
}

/// `2016-03-07`.
fn iso_date<'a>(cur: &mut Cur<'_, 'a>) -> Option<DayItem<'a>> {
    let start = *cur;
    let item = (|| {
        let year = cur.num().filter(|y| y.len() == 4)?;
        let unspaced_dash =
            |cur: &mut Cur<'_, '_>| !cur.peek().is_some_and(|t| t.spaced) && cur.eat(&Tok::Dash);
        if !unspaced_dash(cur) {
            return None;
        }
        let month = cur.small()?;
        if !unspaced_dash(cur) {
            return None;
        }
        let day = cur.peek().filter(|t| !t.spaced).and(cur.small())?;
        Some(DayItem {
            day,
            month: Some(month),
            year: Some(year),
        })
    })();
    if item.is_none() {
        *cur = start;
    }
    item
}

/// One day as written in a list or range: "7", "7th", "24 April", "7 March
/// 2016", "7th of March 2016", "March 7, 2016", "2016-03-07". Month and year
/// may be missing.
fn day_item<'a>(cur: &mut Cur<'_, 'a>) -> Option<DayItem<'a>> {
    if let Some(item) = iso_date(cur) {
        return Some(item);
    }
    let start = *cur;
    if let Some(month) = cur.month_name() {
        // "March 7, 2016"
        let Some(day) = day_number(cur) else {
            *cur = start;
            return None;
        };
        let mut after = *cur;
        after.eat(&Tok::Comma);
        let year = after.num();
        if year.is_some() {
            *cur = after;
        }
        return Some(DayItem {
            day,
            month: Some(month),
            year,
        });
    }
    let day = day_number(cur)?;
    let after_day = *cur;
    cur.eat_word("of");
    let item = named_month(cur, day);
    if item.month.is_none() {
        *cur = after_day;
    }
    Some(item)
}

/// `03/2025`, `2025-03`: a month by its number.
fn shape_numbered_month(mut cur: Cur<'_, '_>) -> Shape {
    let (year, month) = if let Some(month) = cur.small() {
        if !cur.eat(&Tok::Slash) {
            return None;
        }
        (cur.num()?, month)
    } else {
        let year = cur.num()?;
        if !cur.eat(&Tok::Dash) {
            return None;
        }
        let month = cur.num().filter(|m| m.len() == 2)?;
        (year, month.parse().ok()?)
    };
    if !cur.at_end() {
        return None;
    }
    Some((|| {
        let year = year_value(year)?;
        Ok(Period::Month {
            year,
            month: check_month(month)?,
        })
    })())
}

/// "late 2018 / early 2019", "turn of the year 2018/19".
fn shape_turn_of_year(mut cur: Cur<'_, '_>) -> Shape {
    if cur.eat_phrase("turn of") {
        cur.eat_phrase("the year");
        let (year, next) = cur.year_slash_year()?;
        return Some(turn_of_year(&ENGLISH, year, next, true));
    }
    cur.eat_word("the");
    if part(&mut cur)? != YearPart::Late {
        return None;
    }
    let year = cur.num()?;
    if !cur.eat(&Tok::Slash) {
        return None;
    }
    cur.eat_word("the");
    if part(&mut cur)? != YearPart::Early {
        return None;
    }
    let next = cur.num()?;
    if !cur.at_end() {
        return None;
    }
    Some(turn_of_year(&ENGLISH, year, next, false))
}

/// "early", "mid-", "end of": a part, then an optional dash.
fn part(cur: &mut Cur<'_, '_>) -> Option<YearPart> {
    let part = cur.part()?;
    cur.eat(&Tok::Dash);
    Some(part)
}

/// "early 2020", "the end of 2018", "early May 2024", "late Q1 2025",
/// "mid 2nd half of 2019": a part of a year, month, quarter or half-year.
fn shape_part(mut cur: Cur<'_, '_>) -> Shape {
    cur.eat_word("the");
    let part = part(&mut cur)?;
    cur.eat_word("the");
    Some(match closed_shape(cur, false)? {
        Ok(Period::Year { year }) => Ok(Period::PartOfYear { year, part }),
        Ok(of @ (Period::Month { .. } | Period::Quarter { .. } | Period::HalfYear { .. })) => {
            Ok(Period::part_of(part, of))
        }
        Ok(other) => Err(format!(
            "\"early\", \"mid\" and \"late\" take a year, a month, a quarter or a \
             half-year, not \"{}\"",
            other.english()
        )),
        Err(e) => Err(e),
    })
}

/// The first shape the text has, if any.
fn closed_shape(cur: Cur<'_, '_>, top: bool) -> Shape {
    let shapes: [&dyn Fn() -> Shape; 6] = [
        &|| shape_numbered_month(cur),
        &|| shared_shapes(cur, day_item),
        &|| shape_turn_of_year(cur),
        &|| shape_part(cur),
        &|| shape_years(cur, top),
        &|| top.then(|| onwards(cur)).flatten(),
    ];
    shapes.iter().find_map(|shape| shape())
}

/// "2020 onwards": open from the start.
fn onwards(cur: Cur<'_, '_>) -> Shape {
    let last = cur.toks.len().checked_sub(1)?;
    if !matches!(&cur.toks[last].tok, Tok::Word(w) if w == "onwards" || w == "onward") {
        return None;
    }
    let head = Cur {
        toks: &cur.toks[..last],
        ..cur
    };
    Some(parse_closed(head, false).map(Period::since))
}

/// The start or end of an open period.
fn open_inner(cur: Cur<'_, '_>) -> Result<Period, String> {
    parse_closed(cur, false)
}

/// Any period that is not open-ended (except "2035+" with `top`).
fn parse_closed(cur: Cur<'_, '_>, top: bool) -> Result<Period, String> {
    if let Some(result) = closed_shape(cur, top) {
        return result;
    }
    Err(no_shape(
        cur,
        top,
        &[SINCE_WORDS, UNTIL_WORDS].concat(),
        EXPECTED,
    ))
}

/// The tokens without a last word "onwards".
fn without_onwards<'t, 'a>(cur: Cur<'t, 'a>) -> Cur<'t, 'a> {
    match cur.toks.last() {
        Some(Token {
            tok: Tok::Word(w), ..
        }) if w == "onwards" || w == "onward" => Cur {
            toks: &cur.toks[..cur.toks.len() - 1],
            ..cur
        },
        _ => cur,
    }
}

/// The tokens before a final "at the latest", if the text ends so.
fn before_latest<'t, 'a>(cur: Cur<'t, 'a>) -> Option<Cur<'t, 'a>> {
    let n = LATEST.split(' ').count();
    let cut = cur.toks.len().checked_sub(n).filter(|&c| c > cur.pos)?;
    let mut tail = Cur { pos: cut, ..cur };
    (tail.eat_phrase(LATEST) && tail.at_end()).then_some(Cur {
        toks: &cur.toks[..cut],
        ..cur
    })
}

fn parse_tokens(mut cur: Cur<'_, '_>) -> Result<Period, String> {
    if SINCE_WORDS.iter().any(|w| cur.eat_phrase(w)) {
        let open = without_onwards(cur);
        return match open_inner(open) {
            Ok(start) => Ok(Period::since(start)),
            // "from June 2019 until early 2020": an open start and end.
            Err(e) => {
                let example = "from June 2019 until early 2020";
                let splits = ["until", "till", "to"];
                between(cur, &splits, open_inner, open_inner, example).unwrap_or(Err(e))
            }
        };
    }
    if DEADLINE_WORDS.iter().any(|w| cur.eat_phrase(w)) {
        return open_inner(cur).map(Period::deadline);
    }
    let mut by = cur;
    if by.eat_word("by") {
        if let Some(end) = before_latest(by) {
            return open_inner(end).map(Period::deadline);
        }
    }
    if UNTIL_WORDS.iter().any(|w| cur.eat_phrase(w)) {
        return open_inner(cur).map(Period::until);
    }
    parse_closed(cur, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_values_print_without_panicking() {
        assert_eq!(
            Period::month(2019, 13).english().to_string(),
            "month 13 2019"
        );
        assert_eq!(Period::days([]).english().to_string(), "");
        assert_eq!(
            Period::half_year(2019, 3).english().to_string(),
            "3rd half of 2019"
        );
    }

    #[test]
    fn ordinal_words_name_quarters_not_days() {
        assert_eq!(
            Period::parse_english("third quarter of 2019"),
            Ok(Period::quarter(2019, 3))
        );
        assert!(Period::parse_english("third March 2019").is_err());
    }
}
