//! The workbook mode: which sheets are streamed by default, and that the
//! bytes differ between the modes exactly where the crate documentation
//! says (a sheet of at least `AUTO_STREAMED_FROM_ROWS` rows in the default
//! mode, of at least `STREAMED_FROM_ROWS` rows in the streaming mode).

mod common;

use calamine::Reader;
use common::*;
use kreisentwicklung_core::export::ExportOptions;
use kreisentwicklung_core::generate::{generate, GeneratorOptions};
use kreisentwicklung_core::{Concept, ConceptKind, Goal, Territory};
use kreisentwicklung_xlsx::{Mode, Writer, AUTO_STREAMED_FROM_ROWS, STREAMED_FROM_ROWS};

fn mode(name: &str) -> ExportOptions {
    ExportOptions::default().option("mode", name)
}

/// A generated concept of `n` measures without indicators: its largest
/// list is the Maßnahmen sheet (`n` + 1 rows), and the Projektsteckbriefe have 16
/// rows a measure.
fn measures_only(n: usize) -> Concept {
    let mut c = generate(&GeneratorOptions::new(n).seed(11));
    c.indicators.clear();
    for m in &mut c.measures {
        m.indicators.clear();
    }
    c
}

#[test]
fn the_default_is_auto_and_the_shorthand_picks_a_mode() {
    assert_eq!(Writer::new(), Writer::new().mode(Mode::Auto));
    assert_eq!(
        Writer::new().constant_memory(true),
        Writer::new().mode(Mode::Streaming)
    );
    assert_eq!(
        Writer::new().constant_memory(false),
        Writer::new().mode(Mode::InMemory)
    );
    for m in [Mode::Auto, Mode::Streaming, Mode::InMemory] {
        assert_eq!(m.as_str().parse::<Mode>(), Ok(m));
        assert_eq!(
            Writer::from_options(&mode(m.as_str())).unwrap(),
            Writer::new().mode(m)
        );
    }
    assert_eq!(
        Writer::from_options(&ExportOptions::default().option("constant-memory", "false")).unwrap(),
        Writer::new().mode(Mode::InMemory)
    );
    let err = Writer::from_options(&mode("constant")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "option \"mode\" for format xlsx: \"constant\" is not a workbook mode: use auto, \
         streaming or in-memory"
    );
    assert_eq!(
        Mode::Auto.streamed_from_rows(),
        Some(AUTO_STREAMED_FROM_ROWS)
    );
    assert_eq!(
        Mode::Streaming.streamed_from_rows(),
        Some(STREAMED_FROM_ROWS)
    );
    assert_eq!(Mode::InMemory.streamed_from_rows(), None);
}

#[test]
fn small_workbooks_are_the_same_in_every_mode() {
    let c = sample();
    let default = export(&c, &ExportOptions::default());
    assert_eq!(default, export(&c, &mode("in-memory")));
    assert_eq!(default, export(&c, &mode("streaming")));
    assert_eq!(default, export(&c, &mode("auto")));
}

#[test]
fn below_the_auto_threshold_the_default_is_in_memory() {
    // 200 measures: 3,200 rows of Projektsteckbriefe, streamed only when asked.
    let c = measures_only(200);
    let default = export(&c, &ExportOptions::default());
    assert_eq!(default, export(&c, &mode("in-memory")));
    let streamed = export(&c, &mode("streaming"));
    assert_ne!(default, streamed);
    assert_eq!(
        streamed,
        export(&c, &ExportOptions::default().option("constant-memory", ""))
    );
    // The Maßnahmen list (201 rows) keeps its table in both (its XML
    // differs: the shared strings and styles are numbered differently).
    let book = open(&default);
    let n = sheet_number(&book, "Maßnahmen");
    for bytes in [&default, &streamed] {
        assert!(sheet_xml(bytes, n).contains("<tableParts count=\"1\">"));
    }
    let n = sheet_number(&book, "Projektsteckbriefe");
    assert!(!sheet_xml(&default, n).contains("t=\"inlineStr\""));
    assert!(sheet_xml(&streamed, n).contains("t=\"inlineStr\""));
}

#[test]
fn above_the_auto_threshold_the_large_sheet_is_streamed() {
    // A goal system of 20,000 goals: 20,001 rows on the Zielsystem sheet.
    let mut c = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("X"));
    c.goals = (0..AUTO_STREAMED_FROM_ROWS)
        .map(|i| Goal::new(format!("z{i}"), 1, format!("Ziel {i}")).with_number(format!("{i}")))
        .collect();
    let default = export(&c, &ExportOptions::default());
    assert_eq!(default, export(&c, &mode("streaming")));
    let in_memory = export(&c, &mode("in-memory"));
    assert_ne!(default, in_memory);
    let book = open(&default);
    let n = sheet_number(&book, "Zielsystem");
    assert!(sheet_xml(&default, n).contains("t=\"inlineStr\""));
    assert!(!sheet_xml(&in_memory, n).contains("t=\"inlineStr\""));
    // A smaller goal system, every sheet (the Prüfbericht included) below
    // the threshold: the default keeps it in memory.
    c.goals.truncate(9_000);
    let default = export(&c, &ExportOptions::default());
    let mut book = open(&default);
    for name in book.sheet_names() {
        let rows = common::sheet(&mut book, &name).height();
        assert!(rows < AUTO_STREAMED_FROM_ROWS, "{name}: {rows} rows");
    }
    assert_eq!(default, export(&c, &mode("in-memory")));
}

#[test]
fn large_lists_keep_filter_buttons_and_a_frozen_header_in_either_mode() {
    let n = STREAMED_FROM_ROWS; // n + 1 rows on the Maßnahmen sheet
    let c = measures_only(n);
    let streamed = export(&c, &mode("streaming"));
    let in_memory = export(&c, &mode("in-memory"));
    assert_well_formed_rows(&streamed);

    let book = open(&streamed);
    let sheet = sheet_number(&book, "Maßnahmen");
    let (streamed_xml, kept) = (sheet_xml(&streamed, sheet), sheet_xml(&in_memory, sheet));
    // Streamed: an autofilter over the whole list; in memory: an Excel
    // table, whose filter buttons are in the table part.
    let filter = streamed_xml
        .split("<autoFilter ref=\"A1:")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("an autofilter from A1");
    let last_row = filter.trim_start_matches(|ch: char| ch.is_ascii_uppercase());
    assert_eq!(last_row, (n + 1).to_string(), "{filter}");
    assert!(!streamed_xml.contains("<tableParts"));
    assert!(kept.contains("<tableParts count=\"1\">"));
    for xml in [&streamed_xml, &kept] {
        assert!(xml.contains("ySplit=\"1\"") && xml.contains("state=\"frozen\""));
    }
    let table = zip_names(&in_memory)
        .into_iter()
        .filter(|p| p.starts_with("xl/tables/"))
        .find_map(|p| {
            zip_text(&in_memory, &p).filter(|t| t.contains(&format!("ref=\"A1:{filter}\"")))
        })
        .expect("the in-memory Maßnahmen list is an Excel table");
    assert!(table.contains("<autoFilter"));

    // The same cells either way.
    let (mut a, mut b) = (open(&streamed), open(&in_memory));
    for name in a.sheet_names() {
        assert_eq!(
            common::sheet(&mut a, &name),
            common::sheet(&mut b, &name),
            "{name}"
        );
    }
}
