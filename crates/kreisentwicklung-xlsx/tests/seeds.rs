//! The five seed counties (`examples/data/*.json`) as workbooks, read back:
//! which sheets, their headers, one row per item, cell types, order.

mod common;

use std::path::PathBuf;

use calamine::{Data, Range, Reader};
use common::*;
use kreisentwicklung_core::export::ExportOptions;
use kreisentwicklung_core::*;

fn seeds() -> Vec<(String, Concept)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/data");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no seed examples in {}", dir.display());
    files
        .into_iter()
        .map(|p| {
            let json = std::fs::read_to_string(&p).unwrap();
            let doc: ConceptDocument =
                serde_json::from_str(&json).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                doc.concept,
            )
        })
        .collect()
}

#[test]
fn there_are_five_seeds() {
    let names: Vec<String> = seeds().into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "bernkastel-wittlich",
            "helmstedt",
            "hildesheim",
            "ludwigslust-parchim",
            "nordsachsen"
        ]
    );
}

/// The sheets a concept should get, in order.
fn expected_sheets(c: &Concept, has_findings: bool) -> Vec<&'static str> {
    let mut s = vec!["Übersicht"];
    for (present, name) in [
        (!c.fields.is_empty(), "Handlungsfelder"),
        (!c.swot.is_empty(), "SWOT"),
        (!c.goals.is_empty(), "Zielsystem"),
        (!c.measures.is_empty(), "Maßnahmen"),
        (!c.measures.is_empty(), "Projektsteckbriefe"),
        (!c.indicators.is_empty(), "Indikatoren"),
        (!c.events.is_empty(), "Beteiligung"),
        (!c.challenges.is_empty(), "Herausforderungen"),
        (!c.actors.is_empty(), "Akteure"),
        (!c.resolutions.is_empty(), "Beschlüsse"),
        (!c.documents.is_empty(), "Dokumente"),
        (has_findings, "Prüfbericht"),
    ] {
        if present {
            s.push(name);
        }
    }
    // Last and very hidden: the metadata the reader needs.
    s.push("_kreisentwicklung");
    s
}

/// Every non-empty cell of a column is a date (or, for years before 1900,
/// text).
fn dates_are_dates(r: &Range<Data>, header: &str) {
    let col = column(r, header);
    for row in 1..r.height() {
        match cell(r, row, col) {
            Data::Empty => {}
            Data::DateTime(d) => assert!(d.is_datetime()),
            other => panic!("{header} row {row}: not a date: {other:?}"),
        }
    }
}

fn numbers_are_numbers(r: &Range<Data>, header: &str) {
    let col = column(r, header);
    for row in 1..r.height() {
        match cell(r, row, col) {
            Data::Empty | Data::Float(_) | Data::Int(_) => {}
            other => panic!("{header} row {row}: not a number: {other:?}"),
        }
    }
}

#[test]
fn every_seed_reads_back() {
    for (name, c) in seeds() {
        assert!(c.validate().is_ok(), "{name} is valid");
        let bytes = export(&c, &ExportOptions::default());
        let mut book = open(&bytes);
        let today = kreisentwicklung_core::HealthOptions::new(
            c.resolutions
                .iter()
                .flat_map(|r| r.consultations.iter().filter_map(|s| s.date))
                .chain(
                    c.measures
                        .iter()
                        .flat_map(|m| m.status_history.iter().map(|u| u.date)),
                )
                .max()
                .unwrap_or(Date::from_ymd(2000, 1, 1).unwrap()),
        );
        let findings = !c.health_report(&today).is_empty();
        assert_eq!(
            book.sheet_names(),
            expected_sheets(&c, findings),
            "{name}: sheets"
        );

        let r = sheet(&mut book, "Übersicht");
        assert_eq!(text(&cell(&r, 0, 0)), c.title.text, "{name}");
        let county = (0..r.height())
            .find(|&i| cell(&r, i, 0) == Data::String("Landkreis".into()))
            .map(|i| cell(&r, i, 1));
        assert_eq!(
            county,
            Some(Data::String(c.territory.display_name())),
            "{name}"
        );

        if !c.fields.is_empty() {
            let r = sheet(&mut book, "Handlungsfelder");
            assert_eq!(r.height(), 1 + c.fields.len(), "{name}");
            for (i, f) in c.fields.iter().enumerate() {
                assert_eq!(
                    text(&cell(&r, 1 + i, column(&r, "Handlungsfeld"))),
                    f.name.text
                );
                if let Some(v) = &f.vision {
                    assert_eq!(text(&cell(&r, 1 + i, column(&r, "Leitbild"))), v.text.text);
                }
            }
        }
        if !c.goals.is_empty() {
            let r = sheet(&mut book, "Zielsystem");
            assert_eq!(r.height(), 1 + c.goals.len(), "{name}");
            // Tree order: every goal appears after its parent.
            let titles: Vec<String> = (1..r.height())
                .map(|i| text(&cell(&r, i, column(&r, "Ziel"))).to_owned())
                .collect();
            for g in &c.goals {
                let at = titles.iter().position(|t| *t == g.title.text).unwrap();
                if let Some(parent) = g.parent.as_ref().and_then(|p| c.goal(p.as_str())) {
                    let p = titles.iter().position(|t| *t == parent.title.text).unwrap();
                    assert!(p < at, "{name}: {} after its parent", g.id);
                }
            }
            numbers_are_numbers(&r, "Anzahl Maßnahmen");
        }
        if !c.events.is_empty() {
            let r = sheet(&mut book, "Beteiligung");
            assert_eq!(r.height(), 1 + c.events.len(), "{name}");
            dates_are_dates(&r, "Beginn");
            dates_are_dates(&r, "Ende");
            numbers_are_numbers(&r, "Anzahl");
            // Chronological: the start dates never go back.
            let starts: Vec<f64> = (1..r.height())
                .filter_map(|i| match cell(&r, i, column(&r, "Beginn")) {
                    Data::DateTime(d) => Some(d.as_f64()),
                    _ => None,
                })
                .collect();
            assert!(
                starts.windows(2).all(|w| w[0] <= w[1]),
                "{name}: {starts:?}"
            );
            // Every period is written as in the data.
            let mut periods: Vec<String> = c
                .events
                .iter()
                .filter_map(|e| e.period.as_ref())
                .map(|p| p.to_string())
                .collect();
            let mut written: Vec<String> = (1..r.height())
                .filter_map(|i| match cell(&r, i, column(&r, "Zeitraum")) {
                    Data::String(s) => Some(s.trim_end_matches(" und nach Bedarf").to_owned()),
                    _ => None,
                })
                .collect();
            periods.sort();
            written.sort();
            assert_eq!(periods, written, "{name}");
        }
        if !c.actors.is_empty() {
            let r = sheet(&mut book, "Akteure");
            assert_eq!(r.height(), 1 + c.actors.len(), "{name}");
            numbers_are_numbers(&r, "Anzahl");
        }
        if !c.resolutions.is_empty() {
            let r = sheet(&mut book, "Beschlüsse");
            let rows: usize = c
                .resolutions
                .iter()
                .map(|r| r.consultations.len().max(1))
                .sum();
            assert_eq!(r.height(), 1 + rows, "{name}");
            dates_are_dates(&r, "Datum");
            dates_are_dates(&r, "Geplant für");
            for h in ["Ja", "Nein", "Enthaltungen", "Befangen"] {
                numbers_are_numbers(&r, h);
            }
        }
        if !c.documents.is_empty() {
            let r = sheet(&mut book, "Dokumente");
            assert_eq!(r.height(), 1 + c.documents.len(), "{name}");
            dates_are_dates(&r, "Sortierdatum");
            let n = sheet_number(&book, "Dokumente");
            let links = sheet_xml(&bytes, n).matches("<hyperlink ref=").count();
            let urls = c
                .documents
                .iter()
                .filter(|d| d.url.as_deref().is_some_and(|u| u.starts_with("http")))
                .count();
            assert_eq!(links, urls, "{name}: one hyperlink per web address");
        }

        // The same bytes again, and the other modes work too.
        assert_eq!(bytes, export(&c, &ExportOptions::default()), "{name}");
        let cm = export(&c, &ExportOptions::default().option("constant-memory", ""));
        assert_eq!(open(&cm).sheet_names(), book.sheet_names());
        let en = export(&c, &ExportOptions::default().language(Language::En));
        assert_eq!(open(&en).sheet_names()[0], "Overview");
    }
}

/// The periods "as written" are in the workbook's language: German as the
/// planners wrote them, English in an English workbook.
#[test]
fn periods_are_written_in_the_workbooks_language() {
    let mut checked = 0;
    for (name, c) in seeds() {
        for (lang, sheet_name, header) in [
            (Language::De, "Beteiligung", "Zeitraum"),
            (Language::En, "Participation", "Period"),
        ] {
            let (print, as_needed) = match lang {
                Language::De => (
                    Period::to_string as fn(&Period) -> String,
                    " und nach Bedarf",
                ),
                Language::En => (
                    (|p: &Period| p.english().to_string()) as fn(&Period) -> String,
                    " and as needed",
                ),
            };
            let mut expected: Vec<String> = c
                .events
                .iter()
                .filter_map(|e| {
                    let p = e.period.as_ref()?;
                    Some(print(p) + if e.as_needed { as_needed } else { "" })
                })
                .collect();
            if expected.is_empty() {
                continue;
            }
            let bytes = export(&c, &ExportOptions::default().language(lang));
            let mut book = open(&bytes);
            let r = sheet(&mut book, sheet_name);
            let col = column(&r, header);
            // Every row's period text, without the events that only take
            // place "as needed" (no period).
            let mut written: Vec<String> = (1..r.height())
                .filter_map(|row| match cell(&r, row, col) {
                    Data::String(t) if !["nach Bedarf", "as needed"].contains(&t.as_str()) => {
                        Some(t)
                    }
                    _ => None,
                })
                .collect();
            expected.sort();
            written.sort();
            assert_eq!(written, expected, "{name} {lang:?}");
            checked += 1;
        }
    }
    // Both languages for at least one seed with dated events.
    assert!(checked >= 2, "no seed has dated events");
}

/// SWOT analyses, challenges and the funding of the process, which only some
/// seeds have, are in the workbook: every entry of every list in its cell,
/// one line each.
#[test]
fn swot_challenges_and_process_funding_are_written() {
    let (mut swots, mut challenges, mut funded) = (0, 0, 0);
    for (name, c) in seeds() {
        let bytes = export(&c, &ExportOptions::default());
        let mut book = open(&bytes);
        let lines = |texts: &[Text]| -> String {
            texts
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        };
        if !c.swot.is_empty() {
            let r = sheet(&mut book, "SWOT");
            assert_eq!(r.height(), 1 + c.swot.len(), "{name}");
            for (i, s) in c.swot.iter().enumerate() {
                let at = |h: &str| cell(&r, i + 1, column(&r, h));
                let title = s.title.as_ref().map_or("", |t| t.text.as_str());
                assert_eq!(text(&at("Titel")), title, "{name}");
                for (header, list) in [
                    ("Themen", &s.topics),
                    ("Stärken", &s.strengths),
                    ("Schwächen", &s.weaknesses),
                    ("Chancen", &s.opportunities),
                    ("Risiken", &s.threats),
                ] {
                    let written = match at(header) {
                        Data::String(t) => t,
                        _ => String::new(),
                    };
                    assert_eq!(written, lines(list), "{name} {header}");
                }
                swots += 1;
            }
        }
        if !c.challenges.is_empty() {
            let r = sheet(&mut book, "Herausforderungen");
            assert_eq!(r.height(), 1 + c.challenges.len(), "{name}");
            for (i, ch) in c.challenges.iter().enumerate() {
                let at = |h: &str| cell(&r, i + 1, column(&r, h));
                assert_eq!(number(&at("Nr.")), (i + 1) as f64);
                assert_eq!(text(&at("Herausforderung")), ch.text.text, "{name}");
                let details = match at("Einzelheiten") {
                    Data::String(t) => t,
                    _ => String::new(),
                };
                assert_eq!(details, lines(&ch.details), "{name}");
                challenges += 1;
            }
        }
        if !c.process_funding.is_empty() {
            let r = sheet(&mut book, "Übersicht");
            let row = (0..r.height())
                .find(|&i| cell(&r, i, 0) == Data::String("Förderung des Prozesses".into()))
                .unwrap_or_else(|| panic!("{name}: no process funding in the overview"));
            let written = text(&cell(&r, row, 1)).to_owned();
            for f in &c.process_funding {
                if let Some(funder) = &f.funder {
                    let actor = c.actors.iter().find(|a| a.id == *funder).expect("funder");
                    assert!(written.contains(&actor.name.text), "{name}: {written}");
                }
                if let Some(p) = &f.period {
                    assert!(written.contains(&p.to_string()), "{name}: {written}");
                }
            }
            funded += 1;
        }
    }
    // Nordsachsen has a SWOT analysis, Helmstedt four challenges,
    // Bernkastel-Wittlich a funded process.
    assert!(
        swots >= 1 && challenges >= 4 && funded >= 1,
        "{swots} {challenges} {funded}"
    );
}
