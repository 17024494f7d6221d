//! Hostile text and the limits of the format.

mod common;

use calamine::Data;
use common::*;
use kreisentwicklung_core::export::{ExportError, ExportOptions, Exporter};
use kreisentwicklung_core::*;
use kreisentwicklung_xlsx::{sheet_name, XlsxExporter, MAX_CELL_CHARS};

fn with_measure(m: Measure) -> Concept {
    Concept::new(
        "c",
        "KEK",
        ConceptKind::Kek,
        Territory::landkreis("Beispiel"),
    )
    .with_measure(m)
}

fn limit(result: Result<Vec<u8>, ExportError>) -> (ItemPath, String) {
    match result {
        Err(ExportError::Limit { path, message }) => (path, message),
        Err(other) => panic!("expected a limit error, got {other}"),
        Ok(_) => panic!("expected a limit error, got a workbook"),
    }
}

const FORMULAS: [&str; 6] = [
    "=HYPERLINK(\"http://example.com\",\"klick\")",
    "+49 5351 1210",
    "-5",
    "@SUM(A1:A2)",
    "=1+1",
    "\t=1+1",
];

fn formula_concept() -> Concept {
    let mut c = Concept::new(
        "c",
        FORMULAS[4],
        ConceptKind::Kek,
        Territory::landkreis("X"),
    );
    for (i, f) in FORMULAS.iter().enumerate() {
        c = c.with_measure(Measure::new(format!("m{i}"), *f).with_number(format!("{i}")));
    }
    c.with_measure(Measure::new("plain", "Radwegenetz"))
        .with_document(
            Document::new("d", DocumentKind::Other, "Link").with_url("=cmd|' /C calc'!A0"),
        )
}

#[test]
fn formula_like_text_stays_text_with_quote_prefix() {
    let c = formula_concept();
    for constant_memory in [false, true] {
        let options =
            ExportOptions::default().option("constant-memory", constant_memory.to_string());
        let bytes = export(&c, &options);
        let mut book = open(&bytes);
        let r = sheet(&mut book, "Maßnahmen");
        let n = sheet_number(&book, "Maßnahmen");
        for (i, f) in FORMULAS.iter().enumerate() {
            assert_eq!(cell(&r, 1 + i, 1), Data::String((*f).to_owned()));
            let xf = cell_xf(&bytes, style_of_text_cell(&bytes, n, f));
            assert!(xf.contains("quotePrefix=\"1\""), "{f:?}: {xf}");
        }
        let xf = cell_xf(&bytes, style_of_text_cell(&bytes, n, "Radwegenetz"));
        assert!(!xf.contains("quotePrefix"), "{xf}");
        // The URL that is no web address is plain, quoted text.
        let r = sheet(&mut book, "Dokumente");
        assert_eq!(
            cell(&r, 1, column(&r, "Internetadresse")),
            Data::String("=cmd|' /C calc'!A0".into())
        );
        // Nothing anywhere is a formula.
        for i in 1..=4 {
            if let Some(xml) = zip_text(&bytes, &format!("xl/worksheets/sheet{i}.xml")) {
                assert!(!xml.contains("<f>") && !xml.contains("<f "), "sheet {i}");
            }
        }
        // Not even in the overview, where the title is.
        let r = sheet(&mut book, "Übersicht");
        assert_eq!(cell(&r, 0, 0), Data::String("=1+1".into()));
    }
}

#[test]
fn markup_and_emoji_survive() {
    // `_x0041_` is how Excel escapes characters; it must not turn into "A".
    let title = "Rad & Fuß <Netz> \"Zitat\" 'x' 🚲🇩🇪 — Ü ß _x0041_ _x005F_\nzweite Zeile";
    let c = with_measure(Measure::new("W3", title).with_number("W3"));
    let bytes = export(&c, &ExportOptions::default());
    let mut book = open(&bytes);
    let r = sheet(&mut book, "Maßnahmen");
    assert_eq!(cell(&r, 1, 1), Data::String(title.to_owned()));
    // Also in constant-memory mode (inline strings).
    let mut c = c;
    c.measures = (0..2_000)
        .map(|i| Measure::new(format!("m{i}"), title))
        .collect();
    let bytes = export(
        &c,
        &ExportOptions::default().option("constant-memory", "true"),
    );
    let mut book = open(&bytes);
    let r = sheet(&mut book, "Maßnahmen");
    assert!(sheet_xml(&bytes, sheet_number(&book, "Maßnahmen")).contains("inlineStr"));
    assert_eq!(cell(&r, 2_000, 1), Data::String(title.to_owned()));
}

#[test]
fn text_longer_than_a_cell_is_an_error_naming_the_item() {
    let mut m = Measure::new("W3", "Breitband").with_number("W3");
    m.description = Some(Text::new("x".repeat(MAX_CELL_CHARS + 1)));
    let mut out = Vec::new();
    let err = XlsxExporter
        .export(&with_measure(m), &mut out, &ExportOptions::default())
        .unwrap_err();
    assert!(out.is_empty(), "nothing written on error");
    let ExportError::Limit { path, message } = &err else {
        panic!("{err}")
    };
    assert_eq!(path, "measures[W3].description");
    assert!(message.contains("32768 characters"), "{message}");
    assert_eq!(
        err.to_string(),
        "measures[W3].description: text has 32768 characters, more than the 32767 a spreadsheet cell holds"
    );

    // Exactly the limit is fine and comes back whole.
    let mut m = Measure::new("W3", "Breitband");
    m.description = Some(Text::new("x".repeat(MAX_CELL_CHARS)));
    let bytes = export(&with_measure(m), &ExportOptions::default());
    let mut book = open(&bytes);
    let r = sheet(&mut book, "Maßnahmen");
    assert_eq!(text(&cell(&r, 1, 2)).len(), MAX_CELL_CHARS);
}

#[test]
fn excel_counts_utf16_units() {
    // 16,384 emoji are 16,384 characters (fine for the core's validation)
    // but 32,768 UTF-16 code units, one more than a cell holds.
    let mut m = Measure::new("W3", "Emoji");
    m.description = Some(Text::new("🚲".repeat(16_384)));
    let c = with_measure(m);
    assert!(c.validate().is_ok());
    let (path, message) = limit(try_export(&c, &ExportOptions::default()));
    assert_eq!(path, "measures[W3].description");
    assert!(message.contains("32768 UTF-16 code units"), "{message}");
}

#[test]
fn joined_cells_are_checked_too() {
    let mut c = with_measure(
        Measure::new("W3", "Viele Partner")
            .with_partner("a1")
            .with_partner("a2")
            .with_partner("a3"),
    );
    for i in 1..=3 {
        c = c.with_actor(Actor::new(
            format!("a{i}"),
            ActorKind::Municipality,
            "G".repeat(15_000),
        ));
    }
    let (path, _) = limit(try_export(&c, &ExportOptions::default()));
    assert_eq!(path, "measures[W3].partners");
}

#[test]
fn control_characters_are_refused() {
    let mut m = Measure::new("W3", "Breitband");
    m.description = Some(Text::new("Glocke \u{7} im Text"));
    let (path, message) = limit(try_export(&with_measure(m), &ExportOptions::default()));
    assert_eq!(path, "measures[W3].description");
    assert!(message.contains("U+0007 at character 8"), "{message}");

    // Tabs and line breaks are fine.
    let mut m = Measure::new("W3", "Breitband");
    m.description = Some(Text::new("Zeile\r\nZeile\tTab"));
    export(&with_measure(m), &ExportOptions::default());

    // Also in items without a well-formed id, and in other collections.
    let c = with_measure(Measure::new("W3", "ok")).with_actor(Actor::new(
        "bad id",
        ActorKind::Person,
        "Nam\u{1b}e",
    ));
    let (path, _) = limit(try_export(&c, &ExportOptions::default()));
    assert_eq!(path, "actors[0].name");
}

#[test]
fn web_addresses_become_links_only_when_safe() {
    let long = format!("https://example.org/{}", "a".repeat(2_100));
    let urls = [
        "https://example.org/bericht.pdf",
        "javascript:alert(1)",
        "file:///etc/passwd",
        long.as_str(),
        "https://example.org/mit leerzeichen",
        "mailto:kreisentwicklung@example.org",
    ];
    let mut c = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("X"));
    for (i, u) in urls.iter().enumerate() {
        c = c.with_document(Document::new(format!("d{i}"), DocumentKind::Other, "D").with_url(*u));
    }
    let bytes = export(&c, &ExportOptions::default());
    let mut book = open(&bytes);
    let r = sheet(&mut book, "Dokumente");
    let col = column(&r, "Internetadresse");
    for (i, u) in urls.iter().enumerate() {
        assert_eq!(cell(&r, 1 + i, col), Data::String((*u).to_owned()));
    }
    let n = sheet_number(&book, "Dokumente");
    let xml = sheet_xml(&bytes, n);
    let links: Vec<&str> = xml
        .split("<hyperlink ref=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .collect();
    assert_eq!(links, ["J2", "J7"]);
}

#[test]
fn numbers_must_be_finite() {
    let c = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("X")).with_indicator(
        Indicator::new("bb", "Breitband", "%", Direction::HigherIsBetter)
            .with_baseline(f64::NAN, Period::year(2020)),
    );
    let (path, message) = limit(try_export(&c, &ExportOptions::default()));
    assert_eq!(path, "indicators[bb].baseline.value");
    assert!(message.contains("NaN is not a finite number"), "{message}");
}

#[test]
fn dates_before_1900_are_text() {
    let c = with_measure(Measure::new("W3", "Chronik").with_period(Period::year(1850)));
    let bytes = export(&c, &ExportOptions::default());
    let mut book = open(&bytes);
    let r = sheet(&mut book, "Maßnahmen");
    assert_eq!(
        cell(&r, 1, column(&r, "Beginn")),
        Data::String("01.01.1850".into())
    );
    assert_eq!(
        cell(&r, 1, column(&r, "Ende")),
        Data::String("31.12.1850".into())
    );
}

#[test]
fn more_values_than_columns_is_an_error() {
    let mut ind = Indicator::new("lang", "Tageswerte", "Personen", Direction::HigherIsBetter);
    let start = Date::from_ymd(1990, 1, 1).unwrap();
    for k in 0..16_382 {
        ind = ind.with_observation(k as f64, Period::day(start.add_days(k)));
    }
    let c =
        Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("X")).with_indicator(ind);
    let (path, message) = limit(try_export(&c, &ExportOptions::default()));
    assert_eq!(path, "indicators[lang].observations");
    assert!(message.contains("16382 values"), "{message}");
}

#[test]
fn sheet_names_are_sanitised() {
    for raw in [
        "Handlungsfeld: Wirtschaft/Innovation [1]",
        "Was? Wer* Wo\\",
        "'Anführung'",
        "Ein sehr langer Name eines Handlungsfeldes über 31 Zeichen",
        "",
        "History",
        "Zeile\u{0}Null",
    ] {
        let name = sheet_name(raw);
        rust_xlsxwriter::utility::check_sheet_name(&name)
            .unwrap_or_else(|e| panic!("{raw:?} → {name:?}: {e}"));
    }
    assert_eq!(
        sheet_name("Handlungsfeld: Wirtschaft/Innovation [1]"),
        "Handlungsfeld_ Wirtschaft_Innov"
    );
    assert_eq!(sheet_name("Maßnahmen"), "Maßnahmen");
}

#[test]
fn the_document_properties_are_checked_like_cells() {
    // Title and county go into the document properties (docProps/core.xml
    // and app.xml) as well as into the overview.
    let mut c = with_measure(Measure::new("W3", "Breitband"));
    c.title = Text::new("KEK\u{b} 2035");
    let (path, message) = limit(try_export(&c, &ExportOptions::default()));
    assert_eq!(path, "title");
    assert!(message.contains("U+000B at character 4"), "{message}");

    let mut c = with_measure(Measure::new("W3", "Breitband"));
    c.title = Text::new("K".repeat(MAX_CELL_CHARS + 1));
    let (path, message) = limit(try_export(&c, &ExportOptions::default()));
    assert_eq!(path, "title");
    assert!(message.contains("32768 characters"), "{message}");
}

/// A consultation step is named by its resolution's id and its position
/// (`ItemPath`), as everywhere: `resolutions[b1].consultations[1].session`.
#[test]
fn text_too_long_in_a_consultation_step_names_the_step() {
    let mut late = Consultation::new("kt", ConsultationRole::Decide);
    late.session = Some("x".repeat(MAX_CELL_CHARS + 1));
    let r = Resolution::new("b1", ResolutionKind::Resolution, "Beschluss über das KEK")
        .with_consultation(Consultation::new("ka", ConsultationRole::Prepare))
        .with_consultation(late);
    let c = Concept::new(
        "c",
        "KEK",
        ConceptKind::Kek,
        Territory::landkreis("Beispiel"),
    )
    .with_resolution(r);
    let mut out = Vec::new();
    let (path, message) = limit(
        XlsxExporter
            .export(&c, &mut out, &ExportOptions::default())
            .map(|()| out.clone()),
    );
    assert_eq!(path, "resolutions[b1].consultations[1].session");
    assert!(message.contains("32768 characters"), "{message}");
}
