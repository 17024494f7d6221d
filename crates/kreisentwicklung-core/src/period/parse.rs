//! What the German and the English parser share: the error, the tokens,
//! a cursor over them, the checks of values and the shapes both languages
//! write alike (years, lists of days, "ab … bis …").

use super::names::{ordinal_suffix, Names, Noun, Ordinal};
use super::*;
use crate::Language;

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// Longest excerpt of the input that a [`PeriodParseError`] keeps.
const QUOTE_CHARS: usize = 80;

/// A text that is not a period [`Period::parse_german`],
/// [`Period::parse_english`] or [`Period::parse_in`] can read.
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
    pub(super) fn new(text: &str, reason: impl Into<String>) -> Self {
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
// Tokens
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Tok<'a> {
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
pub(super) struct Token<'a> {
    pub(super) tok: Tok<'a>,
    /// Whether whitespace precedes the token.
    pub(super) spaced: bool,
}

pub(super) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
    )
}

/// Splits the text into tokens; `None` if it contains a character that no
/// period uses.
pub(super) fn tokenize(text: &str) -> Option<Vec<Token<'_>>> {
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

/// A cursor over tokens, reading the names of one language. Every `eat_*`
/// method consumes only on success.
#[derive(Clone, Copy)]
pub(super) struct Cur<'t, 'a> {
    pub(super) toks: &'t [Token<'a>],
    pub(super) pos: usize,
    pub(super) names: &'static Names,
}

impl<'t, 'a> Cur<'t, 'a> {
    fn new(toks: &'t [Token<'a>], names: &'static Names) -> Self {
        Cur {
            toks,
            pos: 0,
            names,
        }
    }

    pub(super) fn peek(&self) -> Option<&'t Token<'a>> {
        self.toks.get(self.pos)
    }

    pub(super) fn at_end(&self) -> bool {
        self.pos >= self.toks.len()
    }

    pub(super) fn eat(&mut self, tok: &Tok<'_>) -> bool {
        let hit = self.peek().is_some_and(|t| t.tok == *tok);
        if hit {
            self.pos += 1;
        }
        hit
    }

    pub(super) fn eat_word(&mut self, word: &str) -> bool {
        let hit = matches!(self.peek(), Some(Token { tok: Tok::Word(w), .. }) if w == word);
        if hit {
            self.pos += 1;
        }
        hit
    }

    /// Any number.
    pub(super) fn num(&mut self) -> Option<&'a str> {
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

    /// "2018/2019" or "2018/19" and nothing after: the two numbers of a
    /// turn of the year.
    pub(super) fn year_slash_year(&mut self) -> Option<(&'a str, &'a str)> {
        let year = self.num()?;
        if !self.eat(&Tok::Slash) {
            return None;
        }
        let next = self.num()?;
        self.at_end().then_some((year, next))
    }

    /// A number of at most two digits (a day, month, quarter or half-year).
    pub(super) fn small(&mut self) -> Option<u8> {
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
    pub(super) fn small_unspaced(&mut self) -> Option<u8> {
        if self.peek()?.spaced {
            return None;
        }
        self.small()
    }

    /// A month name, full or abbreviated (then with an optional dot).
    pub(super) fn month_name(&mut self) -> Option<u8> {
        let word = match self.peek() {
            Some(Token {
                tok: Tok::Word(w), ..
            }) => w,
            _ => return None,
        };
        let (month, abbreviated) = self.names.month_of(word)?;
        self.pos += 1;
        if abbreviated {
            self.eat(&Tok::Dot);
        }
        Some(month)
    }

    /// A dash or a word of the language ("bis", "to") between the two ends
    /// of a range.
    pub(super) fn eat_range_sep(&mut self) -> bool {
        self.eat(&Tok::Dash) || self.names.to.iter().any(|w| self.eat_word(w))
    }

    /// "und"/"and" or a comma (followed by "and" or not) between list items.
    pub(super) fn eat_list_sep(&mut self) -> bool {
        if self.eat(&Tok::Comma) {
            self.eat_word(self.names.and);
            return true;
        }
        self.eat_word(self.names.and)
    }

    /// The words of a phrase ("end of", "half year", also written
    /// "half-year"), all or none.
    pub(super) fn eat_phrase(&mut self, phrase: &str) -> bool {
        let start = *self;
        let mut words = phrase.split(' ');
        let first = words.next().is_some_and(|w| self.eat_word(w));
        if first
            && words.all(|w| {
                self.eat(&Tok::Dash);
                self.eat_word(w)
            })
        {
            return true;
        }
        *self = start;
        false
    }

    /// A spelling of a noun ("Quartal", "Hj.", "quarter").
    pub(super) fn eat_noun(&mut self, noun: &Noun) -> bool {
        for &(word, abbreviated) in noun.spellings {
            if self.eat_phrase(word) {
                if abbreviated {
                    self.eat(&Tok::Dot);
                }
                return true;
            }
        }
        false
    }

    /// An ordinal 1–99 as the language writes it: "3." in German, "3rd" or
    /// (1–4) "third" in English.
    pub(super) fn ordinal(&mut self) -> Option<u8> {
        let start = *self;
        match self.names.ordinal {
            Ordinal::Dot => {
                let n = self.small()?;
                if self.eat(&Tok::Dot) {
                    return Some(n);
                }
            }
            Ordinal::Suffix(words) => {
                if let Some(n) = self.small() {
                    let suffix = ordinal_suffix(n);
                    if matches!(self.peek(), Some(Token { tok: Tok::Word(w), spaced: false }) if w == suffix)
                    {
                        self.pos += 1;
                        return Some(n);
                    }
                } else if let Some(n) = (1..).zip(words).find(|(_, w)| self.eat_word(w)) {
                    return Some(n.0);
                }
            }
        }
        *self = start;
        None
    }

    /// The word before a year that follows a noun ("of" in "2nd half of
    /// 2019"), if the language has one and it is there.
    pub(super) fn eat_of(&mut self) -> bool {
        self.names.of.is_some_and(|of| self.eat_word(of))
    }

    /// A part of a year ("Anfang", "end of").
    pub(super) fn part(&mut self) -> Option<YearPart> {
        let names = self.names;
        names
            .part_spellings
            .iter()
            .find(|(phrase, _)| self.eat_phrase(phrase))
            .map(|&(_, part)| part)
    }
}

/// The outcome of trying one shape of text: `None` if the text does not have
/// that shape, `Some(Err(reason))` if it has the shape but impossible values.
pub(super) type Shape = Option<Result<Period, String>>;

/// A number as the user wrote it, shortened for messages.
pub(super) fn shown(num: &str) -> String {
    if num.len() > 12 {
        format!("{}…", &num[..12])
    } else {
        num.to_owned()
    }
}

pub(super) fn year_value(num: &str) -> Result<i32, String> {
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

pub(super) fn check_month(month: u8) -> Result<u8, String> {
    if (1..=12).contains(&month) {
        Ok(month)
    } else {
        Err(format!("month {month} does not exist (months are 1 to 12)"))
    }
}

pub(super) fn check_quarter(quarter: u8) -> Result<u8, String> {
    if quarter_months(quarter).is_some() {
        Ok(quarter)
    } else {
        Err(format!(
            "quarter {quarter} does not exist (quarters are 1 to 4)"
        ))
    }
}

pub(super) fn make_date(year: i32, month: u8, day: u8) -> Result<Date, String> {
    check_month(month)?;
    Date::from_ymd(year, month, day).map_err(|_| {
        let days = last_of(year, month).map_or(31, |d| d.day());
        format!("{day:02}.{month:02}.{year:04} does not exist (month {month:02}/{year:04} has {days} days)")
    })
}

/// One day as written in a list or range ("07.", "24.04.", "10.03.2016";
/// "7", "24 April", "7 March 2016"): month and year may be missing.
pub(super) struct DayItem<'a> {
    pub(super) day: u8,
    pub(super) month: Option<u8>,
    pub(super) year: Option<&'a str>,
}

/// The rest of a day item after its day: a month name and maybe a year
/// ("7. März 2016", "7 March 2016"), or nothing (the day takes month and
/// year from the next item).
pub(super) fn named_month<'a>(cur: &mut Cur<'_, 'a>, day: u8) -> DayItem<'a> {
    match cur.month_name() {
        Some(month) => DayItem {
            day,
            month: Some(month),
            year: cur.num(),
        },
        None => DayItem {
            day,
            month: None,
            year: None,
        },
    }
}

/// Completes the items from right to left (a day without month or year takes
/// them from the next item) and builds the dates. `None` if the last item
/// lacks month or year.
pub(super) fn resolve_days(items: &[DayItem<'_>]) -> Option<Result<Vec<Date>, String>> {
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

/// The shapes both languages write alike, in the order they are tried:
/// days (each read by `day_item`), ranges of days, months, quarters and
/// half-years.
pub(super) fn shared_shapes<'t, 'a>(
    cur: Cur<'t, 'a>,
    day_item: impl Fn(&mut Cur<'t, 'a>) -> Option<DayItem<'a>> + Copy,
) -> Shape {
    shape_days(cur, day_item)
        .or_else(|| shape_date_range(cur, day_item))
        .or_else(|| shape_months(cur))
        .or_else(|| shape_quarters(cur))
        .or_else(|| shape_half_year(cur))
}

/// One day or a list of days, each read by `day_item`: "12.02.2019",
/// "07. und 10.03.2016", "24.04./18.05.2018", "7, 8 and 10 March 2016".
fn shape_days<'t, 'a>(
    mut cur: Cur<'t, 'a>,
    day_item: impl Fn(&mut Cur<'t, 'a>) -> Option<DayItem<'a>>,
) -> Shape {
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
            cur.names.date(w[0]),
            cur.names.date(w[1])
        )));
    }
    Some(Ok(Period::Days { dates }))
}

/// A range of days, each end read by `day_item`: "18.04.2016 bis
/// 15.06.2016", "18.–20.04.2016", "18 April to 15 June 2016".
fn shape_date_range<'t, 'a>(
    mut cur: Cur<'t, 'a>,
    day_item: impl Fn(&mut Cur<'t, 'a>) -> Option<DayItem<'a>>,
) -> Shape {
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
        let (to, from) = (cur.names.date(to), cur.names.date(from));
        return Some(Err(ends_before(&to, &from)));
    }
    Some(Ok(Period::DateRange { from, to }))
}

/// "November 2017", "April/Mai/Juni 2016", "Mai bis August 2017",
/// "November 2015 bis März 2016", "April, May and June 2016".
fn shape_months(mut cur: Cur<'_, '_>) -> Shape {
    let names = cur.names;
    let month = |m: u8| names.month(m).unwrap_or_default();
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
                let show = |m: YearMonth| format!("{} {:04}", month(m.month), m.year);
                return Err(ends_before(&show(to), &show(from)));
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
            month(w[0]),
            month(w[1])
        )));
    }
    Some(Ok(Period::Months { year, months }))
}

/// An ordinal, "3." or "3rd" (`true`), or "Q3" (`false`).
fn numbered_item(cur: &mut Cur<'_, '_>, letter: &str) -> Option<(u8, bool)> {
    let start = *cur;
    if let Some(n) = cur.ordinal() {
        return Some((n, true));
    }
    if cur.eat_word(letter) {
        if let Some(n) = cur.small_unspaced() {
            return Some((n, false));
        }
    }
    *cur = start;
    None
}

/// "3. Quartal 2019", "Q3 2019", "2. und 3. Quartal 2019",
/// "1. bis 3. Quartal 2019", "Q2 and Q3 2019", "3rd quarter of 2019".
fn shape_quarters(mut cur: Cur<'_, '_>) -> Shape {
    let names = cur.names;
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
    let year = noun_and_year(&mut cur, dotted, &names.quarter)?;
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
                        &format!("quarter {to}"),
                        &format!("quarter {from}"),
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
                    Err(format!(
                        "listed quarters must be consecutive and ascending, such as \"{}\"",
                        names.print(&Period::quarters(2019, 2, 3))
                    ))
                }
            }
        }
    })())
}

/// "2. Halbjahr 2019", "2. Hj. 2019", "H2 2019", "2nd half of 2019".
fn shape_half_year(mut cur: Cur<'_, '_>) -> Shape {
    let names = cur.names;
    let (half, dotted) = numbered_item(&mut cur, "h")?;
    let year = noun_and_year(&mut cur, dotted, &names.half)?;
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

/// The end of a quarter or half-year: after ordinals the noun ("Quartal",
/// "half of"), after "Q3" or "H2" an optional slash; then the year, last.
fn noun_and_year<'a>(cur: &mut Cur<'_, 'a>, ordinal: bool, noun: &Noun) -> Option<&'a str> {
    if ordinal {
        if !cur.eat_noun(noun) {
            return None;
        }
        cur.eat_of();
    } else {
        cur.eat(&Tok::Slash);
    }
    let year = cur.num()?;
    cur.at_end().then_some(year)
}

pub(super) fn ends_before(to: &str, from: &str) -> String {
    format!("the period ends ({to}) before it starts ({from})")
}

/// The turn of the year `year`/`next`; `short_ok` allows "2018/19".
pub(super) fn turn_of_year(
    names: &Names,
    year: &str,
    next: &str,
    short_ok: bool,
) -> Result<Period, String> {
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
             \"{} {year:04} / {} {:04}\"",
            names.part(YearPart::Late),
            names.part(YearPart::Early),
            year + 1
        ))
    }
}

/// "2019", "2018–2021", "2018 bis 2021", "2018 to 2021"; with `plus`, also
/// "2035+".
pub(super) fn shape_years(mut cur: Cur<'_, '_>, plus: bool) -> Shape {
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

/// Why a text of no known shape is refused: an open period inside another
/// (the text starts with one of `open_words`, and is not `top`), no text,
/// or `expected`.
pub(super) fn no_shape(cur: Cur<'_, '_>, top: bool, open_words: &[&str], expected: &str) -> String {
    let mut probe = cur;
    if !top && open_words.iter().any(|w| probe.eat_phrase(w)) {
        let quoted: Vec<String> = open_words.iter().map(|w| format!("\"{w} …\"")).collect();
        let (last, init) = quoted
            .split_last()
            .map_or(("", &[][..]), |(l, i)| (l.as_str(), i));
        return format!(
            "{} and {last} cannot be nested in one another",
            init.join(", ")
        );
    }
    if cur.at_end() && cur.pos == 0 {
        format!("the text is empty; {expected}")
    } else {
        expected.to_owned()
    }
}

/// An open start and end ("ab … bis …", "from … until …"): the one split
/// at a word of `splits` at which the head reads with `start` and the tail
/// with `end`; `None` when no such word follows. Two splits that both read
/// are refused, naming `example`.
pub(super) fn between(
    cur: Cur<'_, '_>,
    splits: &[&str],
    start: impl Fn(Cur<'_, '_>) -> Result<Period, String>,
    end: impl Fn(Cur<'_, '_>) -> Result<Period, String>,
    example: &str,
) -> Option<Result<Period, String>> {
    let mut first_error = None;
    let mut found = None;
    for split in cur.pos..cur.toks.len() {
        let Tok::Word(word) = &cur.toks[split].tok else {
            continue;
        };
        if !splits.contains(&word.as_str()) {
            continue;
        }
        let head = Cur {
            toks: &cur.toks[..split],
            ..cur
        };
        let tail = Cur {
            pos: split + 1,
            ..cur
        };
        let result = start(head).and_then(|start| {
            let p = Period::between(start, end(tail)?);
            match p.problems().into_iter().next() {
                None => Ok(p),
                Some(problem) => Err(problem),
            }
        });
        match (result, &found) {
            (Ok(p), None) => found = Some(p),
            // "ab 2019 bis 2020 bis 2021" reads two ways: refused.
            (Ok(_), Some(_)) => {
                return Some(Err(format!(
                    "\"{word}\" appears more than once; the start and end cannot be told \
                     apart; expected one \"{word}\", such as \"{example}\""
                )))
            }
            (Err(e), _) => {
                first_error.get_or_insert(e);
            }
        }
    }
    found.map(Ok).or(first_error.map(Err))
}

impl Period {
    /// Reads a period written in `language`: [`Period::parse_german`] for
    /// German, [`Period::parse_english`] for English. A reader that takes
    /// both (a workbook typed in by people) tries its own language first
    /// and then the other, and reports the error of its own language.
    ///
    /// ```
    /// use kreisentwicklung_core::{Language, Period};
    ///
    /// let half = Period::half_year(2019, 2);
    /// assert_eq!(Period::parse_in("2. Halbjahr 2019", Language::De)?, half);
    /// assert_eq!(Period::parse_in("2nd half of 2019", Language::En)?, half);
    /// // What each language prints, it reads back.
    /// for language in [Language::De, Language::En] {
    ///     let text = match language {
    ///         Language::De => half.to_string(),
    ///         Language::En => half.english().to_string(),
    ///     };
    ///     assert_eq!(Period::parse_in(&text, language)?, half);
    /// }
    /// assert!(Period::parse_in("2nd half of 2019", Language::De).is_err());
    /// # Ok::<(), kreisentwicklung_core::PeriodParseError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// A [`PeriodParseError`] as the parser of the language gives it.
    pub fn parse_in(text: &str, language: Language) -> Result<Period, PeriodParseError> {
        match language {
            Language::De => Period::parse_german(text),
            Language::En => Period::parse_english(text),
        }
    }
}

/// The period read from `text` by `parse`, or the error quoting the text.
/// Every shape checks its values; the check of the result guards against
/// any gap.
pub(super) fn finish(
    text: &str,
    names: &'static Names,
    expected: &str,
    parse: impl Fn(Cur<'_, '_>) -> Result<Period, String>,
) -> Result<Period, PeriodParseError> {
    let period = tokenize(text)
        .ok_or_else(|| expected.to_owned())
        .and_then(|toks| parse(Cur::new(&toks, names)))
        .map_err(|reason| PeriodParseError::new(text, reason))?;
    match period.problems().into_iter().next() {
        None => Ok(period),
        Some(problem) => Err(PeriodParseError::new(text, problem)),
    }
}
