//! The German layer: the parser of [`Period::parse_german`] and the
//! printer behind `Display`.

use std::fmt;
use std::str::FromStr;

use super::names::GERMAN;
use super::parse::*;
use super::*;

/// Examples named whenever the text has no recognisable shape at all.
const EXPECTED: &str = "expected a German date or period such as \"12.02.2019\", \
                        \"2. Halbjahr 2019\" or \"Mai bis August 2017\"";

/// Prints the month the German way: "November 2017".
impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_month(f, self.month)?;
        write!(f, " {:04}", self.year)
    }
}

impl YearPart {
    /// The German word: "Anfang", "Mitte" or "Ende".
    pub fn german(self) -> &'static str {
        GERMAN.part(self)
    }
}

/// Prints the German word: "Anfang", "Mitte" or "Ende".
impl fmt::Display for YearPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.german())
    }
}

// ---------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------

fn write_month(f: &mut fmt::Formatter<'_>, month: u8) -> fmt::Result {
    match GERMAN.month(month) {
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

/// A period after "ab": a range whose both ends are whole periods
/// ("18.04.2016 bis 15.06.2016", "November 2015 bis März 2016") is written
/// with a dash, as "ab 18.04.2016 bis 15.06.2016" reads as from one day to
/// the other ([`Period::Between`]). Any other period as `Display` prints it.
struct Dashed<'a>(&'a Period);

impl fmt::Display for Dashed<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Period::DateRange { from, to } => write!(f, "{}–{}", from.german(), to.german()),
            Period::MonthRange { from, to } if from.year != to.year => write!(f, "{from} – {to}"),
            other => write!(f, "{other}"),
        }
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
/// are always written so, whichever synonym ("seit", "bis zum") was parsed;
/// after "ab", a range of days or of months across years has a dash
/// ("ab 18.04.2016–15.06.2016"), as "ab X bis Y" is a start and an end.
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
                write!(f, " {} {to}", GERMAN.to[0])
            }
            Period::Quarter { year, quarter } => {
                write!(f, "{quarter}. {} {year:04}", GERMAN.quarter.printed)
            }
            Period::Quarters { year, from, to } => {
                let sep = if from.checked_add(1) == Some(*to) {
                    GERMAN.and
                } else {
                    GERMAN.to[0]
                };
                let quarter = GERMAN.quarter.printed;
                write!(f, "{from}. {sep} {to}. {quarter} {year:04}")
            }
            Period::HalfYear { year, half } => {
                write!(f, "{half}. {} {year:04}", GERMAN.half.printed)
            }
            Period::Year { year } => write!(f, "{year:04}"),
            Period::YearRange { from, to } => write!(f, "{from:04}–{to:04}"),
            Period::PartOfYear { year, part } => write!(f, "{part} {year:04}"),
            Period::TurnOfYear { year } => {
                let (late, early) = (YearPart::Late, YearPart::Early);
                write!(f, "{late} {year:04} / {early} {:04}", i64::from(*year) + 1)
            }
            Period::Since { start } => write!(f, "ab {}", Dashed(start)),
            Period::Until { end } => write!(f, "bis {end}"),
            Period::PartOf { part, of } => match &**of {
                Period::Month { year, month } => {
                    write!(f, "{part} ")?;
                    write_month(f, *month)?;
                    write!(f, " {year:04}")
                }
                Period::Quarter { year, quarter } => {
                    let of = GERMAN.quarter.of;
                    write!(f, "{part} des {quarter}. {of} {year:04}")
                }
                Period::HalfYear { year, half } => {
                    let of = GERMAN.half.of;
                    write!(f, "{part} des {half}. {of} {year:04}")
                }
                // Not valid (see `problems`), printed all the same.
                other => write!(f, "{part} {other}"),
            },
            Period::Deadline { end } => write!(f, "bis spätestens {end}"),
            Period::Between { start, end } => {
                write!(f, "ab {} bis {}", Dashed(start), Dashed(end))
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

/// One day as written in a list or range: "07.", "24.04.", "10.03.2016",
/// "7.", "10. März 2016". Month and year may be missing.
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
    Some(named_month(cur, day))
}

/// "Anfang 2020", "Mitte 2020", "Ende 2018", "Ende des Jahres 2018",
/// "Ende 2018 / Anfang 2019".
fn shape_part_of_year(mut cur: Cur<'_, '_>) -> Shape {
    fn part(cur: &mut Cur<'_, '_>) -> Option<YearPart> {
        let part = cur.part()?;
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
    Some(turn_of_year(&GERMAN, year, next, false))
}

/// "Anfang Mai 2024", "Ende des 1. Quartals 2025", "Mitte des 2. Halbjahres
/// 2019": the beginning, middle or end of a month, quarter or half-year.
fn shape_part_of(mut cur: Cur<'_, '_>) -> Shape {
    let part = cur.part()?;
    if cur.eat_word("des") {
        let n = cur.small()?;
        if !cur.eat(&Tok::Dot) {
            return None;
        }
        let quarter = if cur.eat_word(&GERMAN.quarter.of.to_lowercase()) {
            true
        } else if cur.eat_word(&GERMAN.half.of.to_lowercase()) || cur.eat_word("halbjahrs") {
            false
        } else {
            return None;
        };
        let year = cur.num()?;
        if !cur.at_end() {
            return None;
        }
        return Some((|| {
            let year = year_value(year)?;
            let of = if quarter {
                Period::Quarter {
                    year,
                    quarter: check_quarter(n)?,
                }
            } else if half_months(n).is_some() {
                Period::HalfYear { year, half: n }
            } else {
                return Err(format!(
                    "half-year {n} does not exist (half-years are 1 and 2)"
                ));
            };
            Ok(Period::part_of(part, of))
        })());
    }
    let month = cur.month_name()?;
    let year = cur.num()?;
    if !cur.at_end() {
        return None;
    }
    Some(year_value(year).map(|year| Period::part_of(part, Period::Month { year, month })))
}

/// "Jahreswechsel 2018/2019", "Jahreswechsel 2018/19".
fn shape_turn_of_year(mut cur: Cur<'_, '_>) -> Shape {
    if !(cur.eat_word("jahreswechsel") || cur.eat_word("jahreswende")) {
        return None;
    }
    let (year, next) = cur.year_slash_year()?;
    Some(turn_of_year(&GERMAN, year, next, true))
}

/// Any period that is not "ab …" or "bis …" (except "2035+" with `top`).
fn parse_closed(cur: Cur<'_, '_>, top: bool) -> Result<Period, String> {
    let shapes: [&dyn Fn() -> Shape; 5] = [
        &|| shared_shapes(cur, day_item),
        &|| shape_part_of_year(cur),
        &|| shape_part_of(cur),
        &|| shape_turn_of_year(cur),
        &|| shape_years(cur, top),
    ];
    for shape in shapes {
        if let Some(result) = shape() {
            return result;
        }
    }
    Err(no_shape(cur, top, &["ab", "seit", "bis"], EXPECTED))
}

fn parse_tokens(mut cur: Cur<'_, '_>) -> Result<Period, String> {
    if cur.eat_word("ab") || cur.eat_word("seit") {
        let year_only = cur.eat_word("dem") && cur.eat_word("jahr");
        // "ab Juni 2019 bis Anfang 2020": an open start and end. Tried
        // first: "ab 18.04.2016 bis 15.06.2016" is from one day to the
        // other, not from some day of a range (printed with a dash).
        let end = |mut tail: Cur<'_, '_>| {
            let year_only = tail.eat_word("zum") && tail.eat_word("jahr");
            parse_open_inner(tail, year_only)
        };
        let start = |head: Cur<'_, '_>| parse_open_inner(head, year_only);
        let example = "ab Juni 2019 bis Anfang 2020";
        let both = between(cur, &["bis"], start, end, example);
        if let Some(Ok(period)) = both {
            return Ok(period);
        }
        match parse_open_inner(cur, year_only) {
            Ok(start) => Ok(Period::since(start)),
            Err(e) => both.unwrap_or(Err(e)),
        }
    } else if let Some(after) = deadline_start(cur) {
        let end = parse_open_inner(after, false)?;
        Ok(Period::deadline(end))
    } else if cur.eat_word("bis") {
        let year_only = cur.eat_word("zum") && cur.eat_word("jahr");
        let end = parse_open_inner(cur, year_only)?;
        Ok(Period::until(end))
    } else {
        parse_closed(cur, true)
    }
}

/// The cursor after "spätestens" or "bis spätestens", if the text starts so.
fn deadline_start<'t, 'a>(mut cur: Cur<'t, 'a>) -> Option<Cur<'t, 'a>> {
    if cur.eat_word("spätestens") || (cur.eat_word("bis") && cur.eat_word("spätestens")) {
        Some(cur)
    } else {
        None
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
        finish(text, &GERMAN, EXPECTED, parse_tokens)
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
    fn month_names() {
        assert_eq!(GERMAN.month(3), Some("März"));
        assert_eq!(GERMAN.month(0), None);
        assert_eq!(GERMAN.month(13), None);
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
