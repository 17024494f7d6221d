//! import(export(c)) == c, and JSON → model → XML → model → JSON gives the
//! same bytes, for every seed example, generated concepts and a concept that
//! uses every element with hostile text.

mod common;

use kreisentwicklung_core::export::{ExportError, ExportOptions, Exporter};
use kreisentwicklung_core::generate::{generate, GeneratorOptions};
use kreisentwicklung_core::*;
use kreisentwicklung_xml::{from_reader, from_slice, from_str, to_string, to_writer, XmlExporter};

fn pretty() -> ExportOptions {
    ExportOptions::default()
}

fn compact() -> ExportOptions {
    ExportOptions::default().pretty(false)
}

fn round_trip(c: &Concept, what: &str) -> String {
    for options in [pretty(), compact()] {
        let xml = to_string(c, &options).unwrap_or_else(|e| panic!("{what}: export: {e}"));
        let back = from_str(&xml).unwrap_or_else(|e| panic!("{what}: import: {e}\n{xml}"));
        assert!(
            back == *c,
            "{what}: the concept changed on the way through XML"
        );
        // The same bytes again.
        assert_eq!(
            xml,
            to_string(&back, &options).unwrap(),
            "{what}: not deterministic"
        );
    }
    to_string(c, &pretty()).unwrap()
}

#[test]
fn seed_examples_round_trip_byte_identical_through_json() {
    let seeds = common::seeds();
    for (name, _, doc) in &seeds {
        let json = serde_json::to_string_pretty(doc).unwrap();
        let xml = round_trip(&doc.concept, name);
        let back = from_str(&xml).unwrap();
        let json_again = serde_json::to_string_pretty(&ConceptDocument::new(back)).unwrap();
        assert_eq!(
            json,
            serde_json::to_string_pretty(&ConceptDocument {
                schema: doc.schema.clone(),
                schema_version: doc.schema_version.clone(),
                concept: doc.concept.clone()
            })
            .unwrap()
        );
        assert_eq!(
            serde_json::to_string_pretty(&ConceptDocument::new(doc.concept.clone())).unwrap(),
            json_again,
            "{name}: JSON → XML → JSON differs"
        );
    }
    eprintln!("{} seed example(s) round-tripped", seeds.len());
}

#[test]
fn full_concept_round_trips_with_hostile_text() {
    let c = common::full_concept();
    let xml = round_trip(&c, "full concept");
    let json = serde_json::to_string_pretty(&ConceptDocument::new(c.clone())).unwrap();
    let again =
        serde_json::to_string_pretty(&ConceptDocument::new(from_str(&xml).unwrap())).unwrap();
    assert_eq!(json, again);
    // Hostile text is escaped, not dropped: a CR is a character reference.
    assert!(xml.contains("CR&#13;LF\nCRLF&#13;\n"));
    assert!(xml.contains("]]&gt;"));
}

#[test]
fn generated_concepts_round_trip() {
    for (n, seed) in [(0, 1), (1, 2), (37, 3), (400, 4)] {
        let c = generate(&GeneratorOptions::new(n).seed(seed));
        let xml = round_trip(&c, &format!("generated {n}/{seed}"));
        let json = serde_json::to_string_pretty(&ConceptDocument::new(c)).unwrap();
        let again =
            serde_json::to_string_pretty(&ConceptDocument::new(from_str(&xml).unwrap())).unwrap();
        assert_eq!(json, again, "generated {n}/{seed}: JSON differs");
    }
}

#[test]
fn exporter_trait_writer_and_string_agree() {
    let c = common::full_concept();
    let e = XmlExporter;
    assert_eq!(e.id(), "xml");
    assert_eq!(e.extension(), "xml");
    assert_eq!(e.media_type(), "application/xml");
    assert!(!e.is_binary());
    for options in [pretty(), compact()] {
        let mut via_trait = Vec::new();
        e.export(&c, &mut via_trait, &options).unwrap();
        let mut via_writer = Vec::new();
        to_writer(&c, &mut via_writer, &options).unwrap();
        assert_eq!(via_trait, via_writer);
        assert_eq!(via_trait, to_string(&c, &options).unwrap().into_bytes());
        assert_eq!(from_slice(&via_trait).unwrap(), c);
        assert_eq!(from_reader(&via_trait[..]).unwrap(), c);
    }
}

#[test]
fn compact_output_is_one_line_and_pretty_is_indented() {
    let c = common::full_concept();
    let compact = to_string(&c, &compact()).unwrap();
    let pretty = to_string(&c, &pretty()).unwrap();
    // Newlines in compact output come only from the text itself.
    assert!(compact.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?><concept "));
    assert!(!compact.contains(">\n  <"));
    assert!(pretty.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<concept "));
    assert!(pretty.contains("\n  <title>"));
    assert!(pretty.ends_with("</concept>\n"));
}

#[test]
fn exporter_refuses_invalid_concepts_and_illegal_characters() {
    let c = Concept::new(
        "c",
        "Titel mit \u{1} Steuerzeichen",
        ConceptKind::Kek,
        Territory::landkreis("Beispiel"),
    )
    .with_measure(Measure::new("m1", "Maßnahme").with_goal("nirgends"));
    let err = to_string(&c, &pretty()).unwrap_err();
    let ExportError::Invalid(problems) = &err else {
        panic!("expected Invalid, got {err:?}");
    };
    let text = err.to_string();
    assert!(
        text.contains("title: contains the control character U+0001 at character 11"),
        "{text}"
    );
    assert!(
        text.contains("measures[m1].goals[0]: refers to goal \"nirgends\""),
        "{text}"
    );
    assert_eq!(problems.problems.len(), 2);

    // Nothing is written for a refused concept.
    let mut out = Vec::new();
    assert!(to_writer(&c, &mut out, &pretty()).is_err());
    assert!(out.is_empty());

    // U+FFFE in a translation.
    let c = Concept::new(
        "c",
        Text::new("ok").with_translation("en", "bad \u{FFFE}"),
        ConceptKind::Kek,
        Territory::landkreis("Beispiel"),
    );
    let err = to_string(&c, &pretty()).unwrap_err().to_string();
    assert!(
        err.contains("title.translations[\"en\"]: contains the control character U+FFFE"),
        "{err}"
    );
}

#[test]
fn empty_and_whitespace_text_survive() {
    let mut c = Concept::new(
        "c",
        "KEK",
        ConceptKind::Kek,
        Territory::landkreis("Beispiel"),
    );
    c.description = Some(Text::new(""));
    c.short_title = Some(Text::new("   "));
    c.kind_label = Some(Text::new("").with_translation("en", ""));
    round_trip(&c, "empty text");
    let xml = to_string(&c, &ExportOptions::default().pretty(false)).unwrap();
    assert_eq!(from_str(&xml).unwrap(), c);
    assert!(
        xml.contains("<description><narrative/></description>"),
        "{xml}"
    );
    assert!(
        xml.contains("<shortTitle><narrative>   </narrative></shortTitle>"),
        "{xml}"
    );
    assert!(
        xml.contains("<kindLabel><narrative/><narrative xml:lang=\"en\"/></kindLabel>"),
        "{xml}"
    );
}
