//! Periods of the newer kinds in a German workbook ("ab … bis …", a range
//! after "ab", "Ende des 1. Quartals 2025", "bis spätestens …"): the text
//! the writer prints into a cell, and the same text typed in through
//! openpyxl, read back (through `Period::parse_in`) as the same period.

mod common;

use kreisentwicklung_core::export::ExportOptions;
use kreisentwicklung_core::{Concept, Date, Language, Period, YearPart};
use kreisentwicklung_xlsx::read;
use serde_json::json;

fn helmstedt() -> Concept {
    let json = kreisentwicklung_core::examples::json("helmstedt").unwrap();
    kreisentwicklung_json::from_slice(json.as_bytes()).unwrap()
}

fn day(y: i32, m: u8, d: u8) -> Date {
    Date::from_ymd(y, m, d).unwrap()
}

/// Document dates of the newer kinds and the German text printed for them:
/// the Helmstedt phase "Mai bis August 2017" with an open start and end,
/// a range of days after "ab", the end of a quarter.
fn document_dates() -> Vec<(Period, &'static str)> {
    vec![
        (
            Period::between(Period::month(2017, 5), Period::month(2017, 8)),
            "ab Mai 2017 bis August 2017",
        ),
        (
            Period::since(Period::date_range(day(2016, 4, 18), day(2016, 6, 15))),
            "ab 18.04.2016–15.06.2016",
        ),
        (
            Period::part_of(YearPart::Late, Period::quarter(2025, 1)),
            "Ende des 1. Quartals 2025",
        ),
    ]
}

/// Nordsachsen: "Ab Juni 2019 wurden …", "bis Anfang 2020".
fn step_period() -> (Period, &'static str) {
    (
        Period::between(
            Period::month(2019, 6),
            Period::part_of_year(2020, YearPart::Early),
        ),
        "ab Juni 2019 bis Anfang 2020",
    )
}

#[test]
fn newer_periods_written_to_a_german_workbook_read_back() {
    let mut c = helmstedt();
    let dates = document_dates();
    assert!(c.documents.len() >= dates.len());
    for (doc, (period, _)) in c.documents.iter_mut().zip(&dates) {
        doc.date = Some(period.clone());
    }
    let step = &mut c.resolutions[0].consultations[0];
    step.date = None;
    step.period = Some(step_period().0);
    let xlsx = common::export(&c, &ExportOptions::default());

    let mut book = common::open(&xlsx);
    let docs = common::sheet(&mut book, "Dokumente");
    let col = common::column(&docs, "Datum");
    let texts: Vec<String> = (1..docs.height())
        .map(|row| match common::cell(&docs, row, col) {
            calamine::Data::String(s) => s,
            _ => String::new(),
        })
        .collect();
    for (period, text) in &dates {
        assert_eq!(period.to_string(), *text);
        assert!(texts.iter().any(|t| t == text), "{text:?} not in {texts:?}");
    }

    let imported = read::read(&xlsx).unwrap_or_else(|e| panic!("{e}"));
    assert!(imported.changes.is_empty(), "{:?}", imported.changes);
    assert_eq!(imported.concept.documents, c.documents);
    assert_eq!(
        imported.concept.resolutions[0].consultations[0].period,
        Some(step_period().0)
    );
}

#[test]
fn newer_periods_typed_into_a_german_workbook_are_read() {
    let c = helmstedt();
    let dates = document_dates();
    let (step, step_text) = step_period();
    let mut edits = vec![json!({
        "sheet": "Beschlüsse", "column": "Datum", "row": 2, "value": step_text
    })];
    for (row, (_, text)) in (2..).zip(&dates) {
        edits.push(json!({"sheet": "Dokumente", "column": "Datum", "row": row, "value": text}));
    }
    let Some((bytes, _)) = common::edited(&c, Language::De, json!(edits)) else {
        return;
    };
    let got = read::read(&bytes).unwrap_or_else(|e| panic!("{e}")).concept;
    let first = &got.resolutions[0].consultations[0];
    assert_eq!((first.date, first.period.clone()), (None, Some(step)));
    let read_dates: Vec<Option<Period>> = got.documents[..dates.len()]
        .iter()
        .map(|d| d.date.clone())
        .collect();
    let expected: Vec<Option<Period>> = dates.into_iter().map(|(p, _)| Some(p)).collect();
    assert_eq!(read_dates, expected);
    assert_eq!(
        got.documents[expected.len()..],
        c.documents[expected.len()..]
    );
}
