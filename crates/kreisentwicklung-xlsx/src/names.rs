//! Sheet names: Excel's rules, the fixed names of the workbook's sheets and
//! unique names for sheets added by name; and [`tr`], the choice between
//! German and English every label and name makes.

use kreisentwicklung_core::Language;

/// German or English, chosen at the call site.
pub(crate) fn tr(lang: Language, de: &'static str, en: &'static str) -> &'static str {
    match lang {
        Language::De => de,
        Language::En => en,
    }
}

/// The most UTF-16 code units a sheet name may have.
pub const MAX_SHEET_NAME_LEN: usize = 31;

/// Turns any text into a valid Excel sheet name.
///
/// Excel's rules: 1 to 31 characters (UTF-16 code units), none of
/// `[ ] : * ? / \`, not starting or ending with an apostrophe, and not the
/// reserved name `History`. This function
///
/// - replaces each forbidden character and each control character by `_`,
/// - collapses runs of whitespace (including line breaks) to one space and
///   trims the ends,
/// - removes apostrophes at the start and the end,
/// - shortens the name to 31 UTF-16 code units without splitting a
///   character,
/// - appends `_` to `History` (in any case), and
/// - gives `_` for a name that ends up empty.
///
/// Names that already follow the rules come back unchanged. The workbook's
/// own sheet names are fixed, but every name goes through this function, and
/// so must any name a caller derives from data (a field of action, a year).
/// Excel also requires names to be unique within a workbook, ignoring case;
/// that is the caller's business (the exporter appends ` (2)`, ` (3)` …).
///
/// ```
/// use kreisentwicklung_xlsx::sheet_name;
///
/// assert_eq!(sheet_name("Maßnahmen"), "Maßnahmen");
/// assert_eq!(sheet_name("Wirtschaft/Innovation [HF 1]"), "Wirtschaft_Innovation _HF 1_");
/// assert_eq!(sheet_name("'Rückblick'"), "Rückblick");
/// assert_eq!(sheet_name("Handlungsfeld Tourismus, Freizeit und Kultur"), "Handlungsfeld Tourismus, Freize");
/// assert_eq!(sheet_name("history"), "history_");
/// assert_eq!(sheet_name("  "), "_");
/// ```
pub fn sheet_name(name: &str) -> String {
    let mut cleaned = String::with_capacity(name.len().min(128));
    let mut pending_space = false;
    for ch in name.chars() {
        if ch.is_whitespace() {
            pending_space = !cleaned.is_empty();
            continue;
        }
        if pending_space {
            cleaned.push(' ');
            pending_space = false;
        }
        let ch = match ch {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '_',
            c if c.is_control() => '_',
            c => c,
        };
        cleaned.push(ch);
        if cleaned.len() > 4 * MAX_SHEET_NAME_LEN + 8 {
            // Long enough for any outcome; stop reading megabytes of text.
            break;
        }
    }
    let trimmed = cleaned.trim_matches('\'').trim();
    let mut out = String::new();
    let mut units = 0;
    for ch in trimmed.chars() {
        if units + ch.len_utf16() > MAX_SHEET_NAME_LEN {
            break;
        }
        units += ch.len_utf16();
        out.push(ch);
    }
    // Shortening may have exposed an apostrophe or a space at the end.
    let mut out = out.trim_end_matches(['\'', ' ']).to_owned();
    if out.is_empty() {
        out.push('_');
    }
    if out.eq_ignore_ascii_case("history") {
        out.push('_');
    }
    out
}

/// Hands out sheet names, unique within a workbook regardless of case.
#[derive(Debug, Default)]
pub(crate) struct SheetNames {
    taken: Vec<String>,
}

impl SheetNames {
    /// A valid name not yet taken: the sanitised name, or with ` (2)`,
    /// ` (3)` … appended (shortening the name to make room).
    pub(crate) fn claim(&mut self, wanted: &str) -> String {
        let base = sheet_name(wanted);
        let mut candidate = base.clone();
        let mut n = 2;
        while self.is_taken(&candidate) {
            let suffix = format!(" ({n})");
            let room = MAX_SHEET_NAME_LEN - suffix.len();
            let mut stem = String::new();
            let mut units = 0;
            for ch in base.chars() {
                if units + ch.len_utf16() > room {
                    break;
                }
                units += ch.len_utf16();
                stem.push(ch);
            }
            candidate = sheet_name(&format!("{}{suffix}", stem.trim_end()));
            n += 1;
        }
        self.taken.push(candidate.to_lowercase());
        candidate
    }

    fn is_taken(&self, name: &str) -> bool {
        let lower = name.to_lowercase();
        self.taken.contains(&lower)
    }
}

/// The workbook's sheets, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SheetId {
    Overview,
    Fields,
    Swot,
    Goals,
    Measures,
    Profiles,
    Indicators,
    Participation,
    Challenges,
    Actors,
    Resolutions,
    Documents,
    Health,
}

impl SheetId {
    /// The sheet's name in a language.
    pub(crate) fn title(self, lang: Language) -> &'static str {
        let (de, en) = match self {
            SheetId::Overview => ("Übersicht", "Overview"),
            SheetId::Fields => ("Handlungsfelder", "Fields of action"),
            SheetId::Swot => ("SWOT", "SWOT"),
            SheetId::Goals => ("Zielsystem", "Goal system"),
            SheetId::Measures => ("Maßnahmen", "Measures"),
            SheetId::Profiles => ("Projektsteckbriefe", "Project profiles"),
            SheetId::Indicators => ("Indikatoren", "Indicators"),
            SheetId::Participation => ("Beteiligung", "Participation"),
            SheetId::Challenges => ("Herausforderungen", "Challenges"),
            SheetId::Actors => ("Akteure", "Actors"),
            SheetId::Resolutions => ("Beschlüsse", "Resolutions"),
            SheetId::Documents => ("Dokumente", "Documents"),
            SheetId::Health => ("Prüfbericht", "Health report"),
        };
        tr(lang, de, en)
    }

    /// What the sheet's rows stand for: the item path of their list and
    /// their name in error messages ("measures need 1048577 rows on sheet …").
    pub(crate) fn items(self, lang: Language) -> (&'static str, &'static str) {
        let (path, de, en) = match self {
            // The overview grows with the key dates of the resolutions.
            SheetId::Overview => ("resolutions", "Termine", "key dates"),
            SheetId::Fields => ("fields", "Handlungsfelder", "fields of action"),
            SheetId::Swot => ("swot", "SWOT-Analysen", "SWOT analyses"),
            SheetId::Goals => ("goals", "Ziele", "goals"),
            SheetId::Measures => ("measures", "Maßnahmen", "measures"),
            SheetId::Profiles => ("measures", "Maßnahmen", "measures"),
            SheetId::Indicators => ("indicators", "Indikatoren", "indicators"),
            SheetId::Participation => ("events", "Veranstaltungen", "events"),
            SheetId::Challenges => ("challenges", "Herausforderungen", "challenges"),
            SheetId::Actors => ("actors", "Akteure", "actors"),
            SheetId::Resolutions => ("resolutions", "Beschlüsse", "resolutions"),
            SheetId::Documents => ("documents", "Dokumente", "documents"),
            SheetId::Health => ("health", "Befunde", "findings"),
        };
        (path, tr(lang, de, en))
    }

    /// The name of the sheet's Excel table (ASCII, unique in the workbook).
    pub(crate) fn table_name(self) -> &'static str {
        match self {
            SheetId::Overview => "Uebersicht",
            SheetId::Fields => "Handlungsfelder",
            SheetId::Swot => "SWOT",
            SheetId::Goals => "Zielsystem",
            SheetId::Measures => "Massnahmen",
            SheetId::Profiles => "Projektsteckbriefe",
            SheetId::Indicators => "Indikatoren",
            SheetId::Participation => "Beteiligung",
            SheetId::Challenges => "Herausforderungen",
            SheetId::Actors => "Akteure",
            SheetId::Resolutions => "Beschluesse",
            SheetId::Documents => "Dokumente",
            SheetId::Health => "Pruefbericht",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_excel_rules() {
        for raw in [
            "Maßnahmen",
            "a[b]c:d*e?f/g\\h",
            "'quoted'",
            "''",
            "",
            "History",
            "HISTORY",
            "Zeile\nzwei\tdrei",
            "\u{7}Glocke",
            "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀",
            "abcdefghijklmnopqrstuvwxyz abcde'fgh",
            &"x".repeat(100_000),
        ] {
            let name = sheet_name(raw);
            rust_xlsxwriter::utility::check_sheet_name(&name)
                .unwrap_or_else(|e| panic!("{raw:?} → {name:?}: {e}"));
            assert!(!name.eq_ignore_ascii_case("history"));
        }
        assert_eq!(sheet_name("Zeile\nzwei\tdrei"), "Zeile zwei drei");
        assert_eq!(
            sheet_name("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀")
                .chars()
                .count(),
            15
        );
        assert_eq!(
            sheet_name("abcdefghijklmnopqrstuvwxyz abcde'fgh"),
            "abcdefghijklmnopqrstuvwxyz abcd"
        );
    }

    #[test]
    fn claimed_names_are_unique_ignoring_case() {
        let mut names = SheetNames::default();
        assert_eq!(names.claim("Maßnahmen"), "Maßnahmen");
        assert_eq!(names.claim("MASSNAHMEN"), "MASSNAHMEN");
        assert_eq!(names.claim("maßnahmen"), "maßnahmen (2)");
        let long = "Handlungsfeld Tourismus, Freizeit und Kultur";
        assert_eq!(names.claim(long), "Handlungsfeld Tourismus, Freize");
        assert_eq!(names.claim(long), "Handlungsfeld Tourismus, Fr (2)");
        for _ in 0..12 {
            let n = names.claim(long);
            rust_xlsxwriter::utility::check_sheet_name(&n).unwrap();
        }
    }
}
