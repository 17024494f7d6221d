//! The five seed counties (`examples/data/*.json`) as workbooks, read back:
//! which sheets, their headers, one row per item, cell types, order.

mod common;

use calamine::{Data, Range, Reader};
use common::*;
use kreisentwicklung_core::export::ExportOptions;
use kreisentwicklung_core::*;

fn seeds() -> Vec<(String, Concept)> {
    // The examples embedded in core (the repository's examples/data), sorted
    // by name.
    let mut names = kreisentwicklung_core::examples::NAMES.to_vec();
    names.sort_unstable();
    names
        .into_iter()
        .map(|name| {
            let concept = kreisentwicklung_core::examples::load(name)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            (name.to_owned(), concept)
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

/// Every non-empty cell of a column is a date, or the text of a period
/// that is not a single day ("2017", "Mai 2024"): a council step known only
/// to the month or year.
fn dates_or_periods(r: &Range<Data>, header: &str) {
    let col = column(r, header);
    for row in 1..r.height() {
        match cell(r, row, col) {
            Data::Empty => {}
            Data::DateTime(d) => assert!(d.is_datetime()),
            Data::String(s) => {
                let p: Period = s
                    .parse()
                    .unwrap_or_else(|e| panic!("{header} row {row}: {s:?}: {e}"));
                assert!(!matches!(p, Period::Day { .. }), "{header} row {row}: {s}");
            }
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
            dates_or_periods(&r, "Datum");
            dates_or_periods(&r, "Geplant für");
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

/// A cell's text, empty for an empty cell.
fn as_text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        _ => String::new(),
    }
}

/// The facts of the seed texts that format 1.0 could not hold, each with
/// the seed's wording, where a council reader looks for them.
#[test]
fn seed_facts_of_format_1_1_are_in_the_workbook() {
    let seeds: Vec<(String, Concept)> = seeds();
    let seed = |name: &str| seeds.iter().find(|(n, _)| n == name).unwrap().1.clone();
    let book_of = |c: &Concept| open(&export(c, &ExportOptions::default()));
    let overview = |book: &mut common::Book, label: &str| -> String {
        let r = sheet(book, "Übersicht");
        let row = (0..r.height())
            .find(|&i| cell(&r, i, 0) == Data::String(label.into()))
            .unwrap_or_else(|| panic!("no row {label:?}"));
        text(&cell(&r, row, 1)).to_owned()
    };
    let event_row = |r: &Range<Data>, c: &Concept, id: &str| -> usize {
        let e = c.event(id).unwrap();
        let title = e.title.as_ref().or(e.kind_label.as_ref()).unwrap();
        let period = e.period.as_ref().unwrap().to_string();
        (1..r.height())
            .find(|&i| {
                as_text(&cell(r, i, column(r, "Titel"))).contains(&title.text)
                    && cell(r, i, column(r, "Zeitraum")) == Data::String(period.clone())
            })
            .unwrap_or_else(|| panic!("no row for {id}"))
    };

    // Nordsachsen: "Ab Juni 2019 wurden die Ergebnisse der SWOT-Analyse in
    // mehreren Workshops und AG-Sitzungen mit nordsächsischen Akteuren aus
    // Verwaltung, Wirtschaft und Gesellschaft gespiegelt" … "bis Anfang 2020".
    let c = seed("nordsachsen");
    let mut book = book_of(&c);
    let r = sheet(&mut book, "Beteiligung");
    for id in ["workshops-2019", "ag-sitzungen-2019"] {
        let row = event_row(&r, &c, id);
        assert_eq!(
            text(&cell(&r, row, column(&r, "Zeitraum"))),
            "ab Juni 2019 bis Anfang 2020"
        );
        assert!(text(&cell(&r, row, column(&r, "Zielgruppe")))
            .starts_with("Verwaltung; Unternehmen; Zivilgesellschaft"));
    }
    // "Umgesetzt werden die Zielsetzungen über konkrete Projekte, die in
    // einem gesonderten Projektkatalog zum KEK gelistet wurden. Darüber
    // hinaus bieten diese Projekte mittels definierter Zielindikatoren …",
    // and "Presseserie und Diskussionsforen und weitere
    // Beteiligungsformate sowie Gremien": the events are a selection.
    assert_eq!(
        overview(&mut book, "Vollständigkeit der Listen"),
        "Maßnahmen / Projekte: nicht einzeln aufgeführt; enthalten in: gesonderter \
         Projektkatalog zum KEK (KEK-Projektkatalog)\n\
         Indikatoren: nicht einzeln aufgeführt; enthalten in: definierte Zielindikatoren der \
         Projekte im KEK-Projektkatalog (KEK-Projektkatalog)\n\
         Beteiligungsformate: nur eine Auswahl aufgeführt (6)"
    );
    // "Das Kreisentwicklungskonzept des Landkreises Nordsachsen wurde am
    // 24. März 2021 im Kreistag beschlossen."
    assert_eq!(
        overview(&mut book, "Beschlossen"),
        "Kreistag, 24.03.2021: beschlossen"
    );

    // Bernkastel-Wittlich: "2023 wurde das Handlungskonzept mit
    // themenspezifischen Maßnahmen … fertiggestellt."
    let c = seed("bernkastel-wittlich");
    let mut book = book_of(&c);
    assert_eq!(
        overview(&mut book, "Vollständigkeit der Listen"),
        "Maßnahmen / Projekte: nicht einzeln aufgeführt; enthalten in: Handlungskonzept mit \
         themenspezifischen Maßnahmen (Kreisentwicklungskonzept - Handlungskonzept 2030)"
    );

    // Ludwigslust-Parchim: "Man war sich darüber einig, dass dem Kreistag im
    // Jahr 2017 ein KEK zur Beschlussfassung vorgelegt werden sollte".
    let c = seed("ludwigslust-parchim");
    let mut book = book_of(&c);
    assert_eq!(
        overview(&mut book, "Beschluss über das Konzept"),
        "Kreistag, geplant für 2017"
    );
    let r = sheet(&mut book, "Beschlüsse");
    assert_eq!(text(&cell(&r, 1, column(&r, "Geplant für"))), "2017");
    assert_eq!(cell(&r, 1, column(&r, "Datum")), Data::Empty);
    // "19.04.2016 Ausschuss für Wirtschaft / Bau / Tourismus und Auschuss für
    // Ländlicher / Landwirtschaft (Gemeinsame Sitzung)".
    let r = sheet(&mut book, "Beteiligung");
    let row = (1..r.height())
        .find(|&i| cell(&r, i, column(&r, "Zeitraum")) == Data::String("19.04.2016".into()))
        .unwrap();
    assert_eq!(
        text(&cell(&r, row, column(&r, "Anlass"))),
        "Gemeinsame Sitzung"
    );

    // Helmstedt: "im Rahmen eines Workshops und zweier Besprechungen", and
    // "Die beschlossenen Ober- und Unterziele sollen bereits bei der
    // Aufstellung des Haushaltes 2019 Berücksichtigung finden."
    let c = seed("helmstedt");
    let mut book = book_of(&c);
    let r = sheet(&mut book, "Beteiligung");
    let row = event_row(&r, &c, "kg-besprechungen-2017");
    assert_eq!(number(&cell(&r, row, column(&r, "Anzahl Termine"))), 2.0);
    let r = sheet(&mut book, "Beschlüsse");
    let budget: Vec<String> = (1..r.height())
        .map(|i| as_text(&cell(&r, i, column(&r, "Haushalt"))))
        .filter(|t| !t.is_empty())
        .collect();
    // One row per step of the 2018 resolution: Fachausschuss, Kreisausschuss, Kreistag.
    assert_eq!(budget.len(), 3, "{budget:?}");
    assert!(budget.iter().all(|t| t
        == "Haushalt 2019: Die beschlossenen Ober- und Unterziele sollen bereits bei der \
            Aufstellung des Haushaltes 2019 Berücksichtigung finden."));
}
