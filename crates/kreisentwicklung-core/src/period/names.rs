//! The names periods are written with, one table per language: months,
//! the parts of a year, quarters, half-years and the words between the
//! items of lists and ranges. The printer of a language writes the first
//! spelling of each; its parser reads every spelling, in any case.

use super::{Period, YearPart};
use crate::{Date, Language};

/// The names of one language.
pub(crate) struct Names {
    /// Whose names these are.
    pub language: Language,
    /// The month names, January first, as printed ("März", "March").
    pub months: [&'static str; 12],
    /// Further spellings of months read, lower case: the spelling, the
    /// month, and whether it is an abbreviation (a dot may follow).
    pub month_spellings: &'static [(&'static str, u8, bool)],
    /// Early, middle and late, as printed ("Anfang", "early").
    pub parts: [&'static str; 3],
    /// Every spelling of the parts read, lower case; words of a phrase are
    /// separated by one space ("end of").
    pub part_spellings: &'static [(&'static str, YearPart)],
    /// The quarter of a year.
    pub quarter: Noun,
    /// The half of a year.
    pub half: Noun,
    /// The word before the last item of a list ("und", "and").
    pub and: &'static str,
    /// The words between the two ends of a closed range, lower case; the
    /// first is printed ("bis", "to").
    pub to: &'static [&'static str],
    /// How ordinals are written ("3.", "3rd").
    pub ordinal: Ordinal,
    /// The word between a noun and its year ("of" in "2nd half of 2019").
    pub of: Option<&'static str>,
}

/// How a language writes ordinals.
#[derive(Clone, Copy)]
pub(crate) enum Ordinal {
    /// The number and a dot: "3." (German).
    Dot,
    /// The number and its suffix, "3rd", or (1 to 4) the word: "third"
    /// (English).
    Suffix([&'static str; 4]),
}

/// The English suffix of an ordinal number: "st" for 1, 21, 31, "nd", "rd",
/// "th" for 4 to 20.
pub(crate) fn ordinal_suffix(n: u8) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// A noun of a period kind ("Quartal", "quarter").
pub(crate) struct Noun {
    /// As printed after an ordinal ("3. Quartal").
    pub printed: &'static str,
    /// As printed after "des" in German ("Ende des 1. Quartals"); English
    /// has no such form and repeats `printed`.
    pub of: &'static str,
    /// Every spelling read, lower case, and whether it is an abbreviation
    /// (a dot may follow).
    pub spellings: &'static [(&'static str, bool)],
}

impl Names {
    /// The printed name of a month 1–12.
    pub(crate) fn month(&self, month: u8) -> Option<&'static str> {
        self.months.get(usize::from(month).checked_sub(1)?).copied()
    }

    /// The printed word of a part of a year.
    pub(crate) fn part(&self, part: YearPart) -> &'static str {
        self.parts[match part {
            YearPart::Early => 0,
            YearPart::Middle => 1,
            YearPart::Late => 2,
        }]
    }

    /// A day as the language writes it, for messages: "07.03.2016", "7
    /// March 2016".
    pub(crate) fn date(&self, date: Date) -> String {
        self.print(&Period::day(date))
    }

    /// A period as the language writes it.
    pub(crate) fn print(&self, period: &Period) -> String {
        match self.language {
            Language::De => period.to_string(),
            Language::En => period.english().to_string(),
        }
    }

    /// The month a lower-case word names, and whether a dot may follow.
    pub(crate) fn month_of(&self, word: &str) -> Option<(u8, bool)> {
        let full = self
            .months
            .iter()
            .zip(1..)
            .find(|(name, _)| name.chars().flat_map(char::to_lowercase).eq(word.chars()))
            .map(|(_, m)| (m, false));
        full.or_else(|| {
            self.month_spellings
                .iter()
                .find(|(s, ..)| *s == word)
                .map(|&(_, m, abbreviated)| (m, abbreviated))
        })
    }
}

/// German: "März 2017", "Anfang 2020", "3. Quartal 2019", "2. Halbjahr
/// 2019", "Mai bis August 2017".
pub(crate) const GERMAN: Names = Names {
    language: Language::De,
    months: [
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
    ],
    month_spellings: &[
        ("jänner", 1, false),
        ("jaenner", 1, false),
        ("jan", 1, true),
        ("jän", 1, true),
        ("feber", 2, false),
        ("feb", 2, true),
        ("maerz", 3, false),
        ("mär", 3, true),
        ("mrz", 3, true),
        ("apr", 4, true),
        ("jun", 6, true),
        ("jul", 7, true),
        ("aug", 8, true),
        ("sep", 9, true),
        ("sept", 9, true),
        ("okt", 10, true),
        ("nov", 11, true),
        ("dez", 12, true),
    ],
    parts: ["Anfang", "Mitte", "Ende"],
    part_spellings: &[
        ("anfang", YearPart::Early),
        ("mitte", YearPart::Middle),
        ("ende", YearPart::Late),
    ],
    quarter: Noun {
        printed: "Quartal",
        of: "Quartals",
        spellings: &[("quartal", false)],
    },
    half: Noun {
        printed: "Halbjahr",
        of: "Halbjahres",
        spellings: &[
            ("halbjahr", false),
            ("jahreshälfte", false),
            ("hj", true),
            ("halbj", true),
        ],
    },
    and: "und",
    to: &["bis"],
    ordinal: Ordinal::Dot,
    of: None,
};

/// English: "March 2017", "early 2020", "Q3 2019", "2nd half of 2019", "May
/// to August 2017".
pub(crate) const ENGLISH: Names = Names {
    language: Language::En,
    months: [
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
    ],
    month_spellings: &[
        ("jan", 1, true),
        ("feb", 2, true),
        ("mar", 3, true),
        ("apr", 4, true),
        ("jun", 6, true),
        ("jul", 7, true),
        ("aug", 8, true),
        ("sep", 9, true),
        ("sept", 9, true),
        ("oct", 10, true),
        ("nov", 11, true),
        ("dec", 12, true),
    ],
    parts: ["early", "mid", "late"],
    part_spellings: &[
        ("early", YearPart::Early),
        ("beginning of", YearPart::Early),
        ("start of", YearPart::Early),
        ("mid", YearPart::Middle),
        ("middle of", YearPart::Middle),
        ("late", YearPart::Late),
        ("end of", YearPart::Late),
    ],
    quarter: Noun {
        printed: "quarter",
        of: "quarter",
        spellings: &[("quarter", false), ("quarters", false), ("qtr", true)],
    },
    half: Noun {
        printed: "half",
        of: "half",
        spellings: &[("half year", false), ("half", false), ("halves", false)],
    },
    and: "and",
    to: &["to", "through"],
    ordinal: Ordinal::Suffix(["first", "second", "third", "fourth"]),
    of: Some("of"),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_ordinal_suffixes() {
        let suffixed: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31]
            .iter()
            .map(|&n| format!("{n}{}", ordinal_suffix(n)))
            .collect();
        assert_eq!(
            suffixed,
            ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "31st"]
        );
    }

    #[test]
    fn every_printed_name_is_read_back() {
        for names in [&GERMAN, &ENGLISH] {
            for month in 1..=12 {
                let name = names.month(month).unwrap().to_lowercase();
                assert_eq!(names.month_of(&name), Some((month, false)));
            }
            for part in [YearPart::Early, YearPart::Middle, YearPart::Late] {
                let word = names.part(part).to_lowercase();
                assert!(names.part_spellings.contains(&(word.as_str(), part)));
            }
            for noun in [&names.quarter, &names.half] {
                let word = noun.printed.to_lowercase();
                assert!(noun.spellings.contains(&(word.as_str(), false)));
            }
            assert_eq!(names.month(0), None);
            assert_eq!(names.month(13), None);
        }
    }
}
