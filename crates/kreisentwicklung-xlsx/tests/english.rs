//! English workbooks read back (issue 20): periods and dates that users of
//! an English workbook type in English, edited through openpyxl, come back
//! as changes; German ones are read too; errors name English examples. (The
//! unedited English workbooks of the five examples read back identically:
//! `read.rs`, `examples_round_trip_byte_for_byte`.)

mod common;

use kreisentwicklung_core::export::ExportOptions;
use kreisentwicklung_core::{Concept, Date, Language, Period, YearMonth};
use kreisentwicklung_xlsx::read::{self, ReadError};
use serde_json::json;

fn helmstedt() -> Concept {
    let json = kreisentwicklung_core::examples::json("helmstedt").unwrap();
    kreisentwicklung_json::from_slice(json.as_bytes()).unwrap()
}

/// Helmstedt's workbook in `language`, edited by `scripts/edit_cells.py`
/// (see `common::edited`).
fn edited(language: Language, edits: serde_json::Value) -> Option<(Vec<u8>, Vec<String>)> {
    common::edited(&helmstedt(), language, edits)
}

fn day(y: i32, m: u8, d: u8) -> Date {
    Date::from_ymd(y, m, d).unwrap()
}

#[test]
fn english_periods_and_dates_typed_into_an_english_workbook_come_back_as_changes() {
    let c = helmstedt();
    let edits = json!([
        // A month where a day was: the step gets a period, no day.
        {"sheet": "Resolutions", "column": "Date", "row": 2, "value": "May 2024"},
        // An English day goes to the day.
        {"sheet": "Resolutions", "column": "Planned for", "row": 3, "value": "3 March 2025"},
        {"sheet": "Resolutions", "column": "Date", "row": 4, "value": " June 22, 2018 "},
        {"sheet": "Documents", "column": "Date", "row": 2, "value": "2nd half of 2016"},
        // German in an English workbook is read too, and listed in English.
        {"sheet": "Documents", "column": "Date", "row": 3, "value": "Mai bis August 2017"},
        {"sheet": "Documents", "column": "Date", "row": 4, "value": "q1 2023"},
    ]);
    let Some((bytes, cells)) = edited(Language::En, edits) else {
        return;
    };
    let imported = read::read(&bytes).unwrap_or_else(|e| panic!("{e}"));
    let steps = |i: usize| format!("resolutions[{}].consultations", c.resolutions[i].id);
    let doc = |i: usize| format!("documents[{}]", c.documents[i].id);
    let first = &c.resolutions[0].consultations[0];
    let shown = |d: Option<Date>| d.map_or("—".to_owned(), |d| d.to_string());
    let lines: Vec<String> = imported.changes.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            format!(
                "{}[0].period: — → May 2024 (Resolutions!{})",
                steps(0),
                cells[0]
            ),
            format!(
                "{}[0].date: {} → — (Resolutions!{})",
                steps(0),
                shown(first.date),
                cells[0]
            ),
            format!(
                "{}[0].plannedDate: — → 2025-03-03 (Resolutions!{})",
                steps(1),
                cells[1]
            ),
            format!(
                "{}[0].date: {} → 2018-06-22 (Resolutions!{})",
                steps(2),
                shown(c.resolutions[2].consultations[0].date),
                cells[2]
            ),
            format!(
                "{}.date: — → 2nd half of 2016 (Documents!{})",
                doc(0),
                cells[3]
            ),
            format!(
                "{}.date: — → May to August 2017 (Documents!{})",
                doc(1),
                cells[4]
            ),
            format!(
                "{}.date: {} → Q1 2023 (Documents!{})",
                doc(2),
                c.documents[2].date.as_ref().unwrap().english(),
                cells[5]
            ),
        ]
    );
    let got = &imported.concept;
    let step = &got.resolutions[0].consultations[0];
    assert_eq!(
        (step.date, step.period.clone()),
        (None, Some(Period::month(2024, 5)))
    );
    assert_eq!(
        got.resolutions[1].consultations[0].planned_date,
        Some(day(2025, 3, 3))
    );
    assert_eq!(
        got.resolutions[2].consultations[0].date,
        Some(day(2018, 6, 22))
    );
    let dates: Vec<Option<Period>> = got.documents.iter().map(|d| d.date.clone()).collect();
    assert_eq!(
        dates,
        [
            Some(Period::half_year(2016, 2)),
            Some(Period::month_range(
                YearMonth::new(2017, 5),
                YearMonth::new(2017, 8)
            )),
            Some(Period::quarter(2023, 1)),
        ]
    );
}

#[test]
fn english_periods_typed_into_a_german_workbook_are_read() {
    let c = helmstedt();
    let edits = json!([
        {"sheet": "Beschlüsse", "column": "Datum", "row": 2, "value": "May 2024"},
        {"sheet": "Dokumente", "column": "Datum", "row": 2, "value": "late 2016"},
    ]);
    let Some((bytes, _)) = edited(Language::De, edits) else {
        return;
    };
    let got = read::read(&bytes).unwrap_or_else(|e| panic!("{e}")).concept;
    let step = &got.resolutions[0].consultations[0];
    assert_eq!(
        (step.date, step.period.clone()),
        (None, Some(Period::month(2024, 5)))
    );
    assert_eq!(
        got.documents[0].date,
        Some(Period::part_of_year(
            2016,
            kreisentwicklung_core::YearPart::Late
        ))
    );
    assert_eq!(got.documents[1..], c.documents[1..]);
}

#[test]
fn errors_in_an_english_workbook_name_english_examples() {
    let edits = json!([
        {"sheet": "Resolutions", "column": "Date", "row": 2, "value": "sometime"},
        {"sheet": "Documents", "column": "Date", "row": 2, "value": "summer 2016"},
    ]);
    let Some((bytes, cells)) = edited(Language::En, edits) else {
        return;
    };
    let e = read::read(&bytes).unwrap_err();
    let ReadError::Cells(problems) = &e else {
        panic!("{e}")
    };
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            format!(
                "Resolutions!{}: \"sometime\" is not a date; allowed: e.g. 1 February 2024 or 2024-02-01",
                cells[0]
            ),
            format!(
                "Documents!{}: \"summer 2016\" is not a period (expected an English date or period such as \"7 March 2016\", \"2nd half of 2019\" or \"May to August 2017\"); allowed: e.g. 2025, 2nd half of 2025, May to August 2017, 2025–2027, 1 March 2025 to 30 June 2026",
                cells[1]
            ),
        ]
    );
}

/// Helmstedt's Kreistag resolution gives the Landrat a mandate due "bis Ende
/// 2018" (a `Period::Until`). Aufträge prints it after a label, in the
/// workbook's language, so the "bis" is neither doubled nor left German in
/// an English workbook, and an edit of the line reads the same period back.
#[test]
fn a_mandate_due_until_a_period_prints_in_the_workbook_language() {
    let c = helmstedt();
    let due = c
        .resolutions
        .iter()
        .flat_map(|r| &r.mandates)
        .find_map(|m| m.due.clone())
        .expect("Helmstedt has a mandate with a due period");
    assert!(matches!(due, Period::Until { .. }), "{due:?}");
    for (language, sheet, header, label, period) in [
        (
            Language::De,
            "Beschlüsse",
            "Aufträge",
            "Frist:",
            due.to_string(),
        ),
        (
            Language::En,
            "Resolutions",
            "Mandates",
            "due:",
            due.english().to_string(),
        ),
    ] {
        let bytes = common::export(&c, &ExportOptions::default().language(language));
        let mut book = common::open(&bytes);
        let range = common::sheet(&mut book, sheet);
        let col = common::column(&range, header);
        let texts: Vec<String> = (1..range.height())
            .filter_map(|row| match common::cell(&range, row, col) {
                calamine::Data::String(s) => Some(s),
                _ => None,
            })
            .collect();
        let want = format!("({label} {period})");
        assert!(
            texts.iter().any(|t| t.contains(&want)),
            "{language:?}: no cell with {want:?} in {texts:?}"
        );
        assert!(
            !texts
                .iter()
                .any(|t| t.contains("bis bis") || t.contains("due bis")),
            "{texts:?}"
        );
    }
}
