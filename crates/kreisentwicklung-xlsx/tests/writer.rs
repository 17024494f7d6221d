//! The typed writer and its adapter: the same bytes, options parsed in one
//! place, labels in the concept's own language unless told otherwise.

mod common;

use calamine::Reader;
use common::*;
use kreisentwicklung_core::export::{ExportError, ExportOptions, Exporter, Requirement};
use kreisentwicklung_core::*;
use kreisentwicklung_xlsx::{Writer, XlsxExporter};

fn concept() -> Concept {
    Concept::new(
        "kek-helmstedt",
        "Kreisentwicklungskonzept Landkreis Helmstedt",
        ConceptKind::Kek,
        Territory::landkreis("Helmstedt").with_key("03154"),
    )
    .with_goal(Goal::new("oz1", 1, "Attraktiver Wohnraum").with_number("1"))
    .with_indicator(
        Indicator::new("i1", "Breitbandversorgung", "%", Direction::HigherIsBetter)
            .with_baseline(61.5, Period::year(2019))
            .with_observation(74.0, Period::year(2022))
            .with_target(95.0, Period::year(2030)),
    )
    .with_measure(
        Measure::new("W1", "Leerstandskataster")
            .with_number("W1")
            .with_goal("oz1")
            .with_indicator("i1")
            .with_status_update(
                Date::from_ymd(2024, 3, 1).unwrap(),
                MeasureStatus::InProgress,
            ),
    )
}

#[test]
fn the_typed_writer_and_the_exporter_give_the_same_bytes() {
    let c = concept();
    let day = Date::from_ymd(2025, 6, 30).unwrap();
    let typed = Writer::new()
        .constant_memory(true)
        .charts(0)
        .today(day)
        .language(Language::En)
        .to_vec(&c)
        .unwrap();
    let options = ExportOptions::default()
        .language(Language::En)
        .option("constant-memory", "yes")
        .option("charts", "0")
        .option("today", "2025-06-30");
    let adapted = export(&c, &options);
    assert_eq!(typed, adapted);
    assert_eq!(
        Writer::from_options(&options).unwrap(),
        Writer::new()
            .constant_memory(true)
            .charts(0)
            .today(day)
            .language(Language::En)
    );
    // And the defaults agree.
    assert_eq!(
        Writer::new().to_vec(&c).unwrap(),
        export(&c, &ExportOptions::default())
    );
    assert_eq!(XlsxExporter.requires(), Requirement::Nothing);
}

#[test]
fn an_english_concept_gets_english_labels_by_default() {
    let mut c = concept();
    c.languages = vec!["en".into()];
    let mut book = open(&export(&c, &ExportOptions::default()));
    let names = book.sheet_names();
    assert_eq!(
        names.first().map(String::as_str),
        Some("Overview"),
        "{names:?}"
    );
    assert!(names.iter().any(|n| n == "Measures"), "{names:?}");
    let measures = sheet(&mut book, "Measures");
    assert_eq!(headers(&measures)[1], "Measure");

    // Asked for German, German it is.
    let mut book = open(&export(
        &c,
        &ExportOptions::default().language(Language::De),
    ));
    assert!(book.sheet_names().iter().any(|n| n == "Maßnahmen"));
    let _ = sheet(&mut book, "Maßnahmen");
}

#[test]
fn unknown_and_malformed_options_name_the_option_and_what_it_takes() {
    let cases = [
        (
            "colour",
            "red",
            "option \"colour\" for format xlsx: not an option of this format; known: \
             constant-memory, mode, today, charts, threads",
        ),
        (
            "constant-memory",
            "maybe",
            "option \"constant-memory\" for format xlsx: \"maybe\" is not a switch value: use \
             true or false",
        ),
        (
            "charts",
            "many",
            "option \"charts\" for format xlsx: \"many\" is not a number of charts (0, 1, 2, …)",
        ),
    ];
    for (name, value, message) in cases {
        let options = ExportOptions::default().option(name, value);
        let err = Writer::from_options(&options).unwrap_err();
        assert!(matches!(err, ExportError::Option { .. }), "{err:?}");
        assert_eq!(err.to_string(), message);
        // The exporter refuses it before anything is written.
        let mut out = Vec::new();
        let err = XlsxExporter
            .export(&concept(), &mut out, &options)
            .unwrap_err();
        assert_eq!(err.to_string(), message);
        assert!(out.is_empty());
    }
    let err = Writer::from_options(&ExportOptions::default().option("today", "30.06.2025"))
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("option \"today\" for format xlsx: ")
            && err.ends_with("; expected a date written yyyy-mm-dd"),
        "{err}"
    );
}

#[test]
fn the_writer_takes_any_send_writer() {
    // A `&mut (dyn Write + Send)`, as the registry hands it over, on
    // another thread.
    let c = concept();
    let mut out = Vec::new();
    std::thread::scope(|s| {
        s.spawn(|| {
            let dynamic: &mut (dyn std::io::Write + Send) = &mut out;
            Writer::new().write(&c, dynamic).unwrap();
        });
    });
    assert_eq!(out, Writer::new().to_vec(&c).unwrap());
}
