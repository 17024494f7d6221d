//! The German layer: the parser of [`Period::parse_german`] and the
//! printer behind `Display`.

use std::fmt;
use std::str::FromStr;

use super::*;

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
            Period::PartOf { part, of } => match &**of {
                Period::Month { year, month } => {
                    write!(f, "{part} ")?;
                    write_month(f, *month)?;
                    write!(f, " {year:04}")
                }
                Period::Quarter { year, quarter } => {
                    write!(f, "{part} des {quarter}. Quartals {year:04}")
                }
                Period::HalfYear { year, half } => {
                    write!(f, "{part} des {half}. Halbjahres {year:04}")
                }
                // Not valid (see `problems`), printed all the same.
                other => write!(f, "{part} {other}"),
            },
            Period::Deadline { end } => write!(f, "bis spätestens {end}"),
            Period::Between { start, end } => write!(f, "ab {start} bis {end}"),
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

/// "Anfang Mai 2024", "Ende des 1. Quartals 2025", "Mitte des 2. Halbjahres
/// 2019": the beginning, middle or end of a month, quarter or half-year.
fn shape_part_of(mut cur: Cur<'_, '_>) -> Shape {
    let part = if cur.eat_word("anfang") {
        YearPart::Early
    } else if cur.eat_word("mitte") {
        YearPart::Middle
    } else if cur.eat_word("ende") {
        YearPart::Late
    } else {
        return None;
    };
    if cur.eat_word("des") {
        let n = cur.small()?;
        if !cur.eat(&Tok::Dot) {
            return None;
        }
        let quarter = if cur.eat_word("quartals") {
            true
        } else if cur.eat_word("halbjahres") || cur.eat_word("halbjahrs") {
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
    let shapes: [&dyn Fn() -> Shape; 9] = [
        &|| shape_days(cur),
        &|| shape_date_range(cur),
        &|| shape_months(cur),
        &|| shape_quarters(cur),
        &|| shape_half_year(cur),
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
        let start = match parse_open_inner(cur, year_only) {
            Ok(start) => start,
            // "ab Juni 2019 bis Anfang 2020": an open start and end.
            Err(e) => return between(cur, year_only).unwrap_or(Err(e)),
        };
        Ok(Period::since(start))
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

/// "ab … bis …": the one split at a "bis" at which both halves read;
/// `None` when there is no "bis".
fn between(cur: Cur<'_, '_>, year_only: bool) -> Option<Result<Period, String>> {
    let mut first_error = None;
    let mut found = None;
    for split in cur.pos..cur.toks.len() {
        if !matches!(&cur.toks[split].tok, Tok::Word(w) if *w == "bis") {
            continue;
        }
        let head = Cur {
            toks: &cur.toks[..split],
            pos: cur.pos,
        };
        let mut tail = Cur {
            toks: cur.toks,
            pos: split + 1,
        };
        let end_year_only = tail.eat_word("zum") && tail.eat_word("jahr");
        let result = parse_open_inner(head, year_only).and_then(|start| {
            let end = parse_open_inner(tail, end_year_only)?;
            let p = Period::between(start, end);
            match p.problems().into_iter().next() {
                None => Ok(p),
                Some(problem) => Err(problem),
            }
        });
        match (result, &found) {
            (Ok(p), None) => found = Some(p),
            // "ab 2019 bis 2020 bis 2021" reads two ways: refused.
            (Ok(_), Some(_)) => {
                return Some(Err(
                    "\"bis\" appears more than once; the start and end of \"ab … bis …\" \
                     cannot be told apart; expected one \"bis\", such as \"ab Juni 2019 bis Anfang 2020\""
                        .to_owned(),
                ))
            }
            (Err(e), _) => {
                first_error.get_or_insert(e);
            }
        }
    }
    found.map(Ok).or(first_error.map(Err))
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
