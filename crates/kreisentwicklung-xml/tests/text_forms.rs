//! Texts as `<narrative>` elements (namespace 1.1), and documents of the
//! 1.0 form (namespace `urn:kreisentwicklung:xml:1`, texts as mixed
//! content) written by earlier versions of this library, which still read.

mod common;

use kreisentwicklung_core::export::ExportOptions;
use kreisentwicklung_core::*;
use kreisentwicklung_xml::{from_str, to_string, NAMESPACE, NAMESPACE_1_0};

fn doc(title: &str) -> String {
    format!(
        "<concept xmlns=\"urn:kreisentwicklung:xml:1.1\" schemaVersion=\"1.1\" id=\"c\" xml:lang=\"de\">\n\
         <title>{title}</title>\n<kind>kek</kind>\n\
         <territory><name><narrative>Beispiel</narrative></name><kind>landkreis</kind></territory>\n\
         <status>draft</status>\n</concept>\n"
    )
}

fn message(xml: &str) -> String {
    match from_str(xml) {
        Ok(c) => panic!("accepted: {c:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn narratives_are_read_as_main_text_and_translations() {
    // Whitespace and comments between narratives, CDATA and references
    // inside, a prefix, and xml:lang on the main text equal to the root's.
    let xml = doc(
        "\n  <!-- Titel -->\n  <narrative xml:lang=\"de\">Kreis<![CDATA[<entwicklung>]]>&amp;</narrative>\n  \
         <k:narrative xmlns:k=\"urn:kreisentwicklung:xml:1.1\" xml:lang=\"en\"> County </k:narrative>\n  \
         <narrative xml:lang=\"hsb\"/>\n",
    );
    let c = from_str(&xml).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        c.title,
        Text::new("Kreis<entwicklung>&")
            .with_translation("en", " County ")
            .with_translation("hsb", "")
    );
    assert_eq!(c.territory.name, Text::new("Beispiel"));
}

#[test]
fn malformed_narratives_are_refused_with_their_place() {
    let cases = [
        (
            doc("Kreisentwicklungskonzept"),
            "line 2, column 8, at /concept/title: unexpected text \"Kreisentwicklungskonzept\"",
        ),
        (
            doc(""),
            "line 2, column 1, at /concept/title: <title> needs a <narrative> with the main text",
        ),
        (
            doc("<narrative xml:lang=\"en\">Concept</narrative>"),
            "at /concept/title/narrative[1]: the first <narrative> is the main text, in the \
             document's language (xml:lang of <concept>, \"de\"); it has xml:lang=\"en\"",
        ),
        (
            doc("<narrative>KEK</narrative><narrative>Concept</narrative>"),
            "at /concept/title/narrative[2]: a <narrative> after the main text is a translation \
             and needs xml:lang",
        ),
        (
            doc("<narrative>KEK</narrative><narrative xml:lang=\"en\">A</narrative><narrative xml:lang=\"en\">B</narrative>"),
            "at /concept/title/narrative[3]: a second translation into \"en\"",
        ),
        (
            doc("<narrative>KEK</narrative><translation xml:lang=\"en\">A</translation>"),
            "element <translation> is not allowed in text: <title> holds one <narrative> per language",
        ),
        (
            doc("<narrative>K<b>E</b>K</narrative>"),
            "element <b> is not allowed here: <narrative> holds text only",
        ),
        (
            doc("<narrative lang=\"en\">KEK</narrative>"),
            "unknown attribute \"lang\" on <narrative>; allowed: xml:lang",
        ),
        (
            // The 1.0 form in the 1.1 namespace.
            doc("KEK<translation xml:lang=\"en\">Concept</translation>"),
            "unexpected text \"KEK\"",
        ),
    ];
    for (xml, expected) in cases {
        let m = message(&xml);
        assert!(
            m.contains(expected),
            "expected {expected:?}\n     got {m:?}"
        );
    }
}

/// A document the 1.0 writer produced (Nordsachsen before format 1.1): it
/// reads with the example's fields, resolutions and documents, and written
/// again it is in the 1.1 form.
#[test]
fn an_example_written_in_the_1_0_form_still_reads() {
    let old = std::fs::read_to_string(common::test_file("data/nordsachsen-xml-1.xml")).unwrap();
    assert!(old.contains(&format!("<concept xmlns=\"{NAMESPACE_1_0}\"")));
    let concept = from_str(&old).unwrap_or_else(|e| panic!("{e}"));
    // The JSON example as it was then (1.1 has since added facts of the
    // seed to it: the workshops "ab Juni 2019 … bis Anfang 2020").
    let json = common::seeds()
        .into_iter()
        .find(|(name, _, _)| name == "nordsachsen.json")
        .expect("the nordsachsen example")
        .2
        .concept;
    assert_eq!(concept.fields, json.fields);
    assert_eq!(concept.resolutions, json.resolutions);
    assert_eq!(concept.documents, json.documents);
    assert_eq!(concept.events.len(), json.events.len());
    assert_eq!(concept.territory.key.as_deref(), Some("14730"));
    let new = to_string(&concept, &ExportOptions::default()).unwrap();
    assert!(new.contains(&format!("<concept xmlns=\"{NAMESPACE}\"")));
    assert!(new.contains("<title>\n    <narrative>Kreisentwicklungskonzept"));
    assert_eq!(from_str(&new).unwrap(), concept);
}

/// The 1.0 output of the concept that uses every element, with
/// translations and hostile text in every text: read as the same concept.
#[test]
fn every_element_written_in_the_1_0_form_still_reads() {
    let old = std::fs::read_to_string(common::test_file("data/all-elements-xml-1.xml")).unwrap();
    assert!(old.contains("<translation xml:lang=\"en\">"));
    let concept = from_str(&old).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(concept, common::full_concept());
    // Inside the 1.0 form, a narrative is an unknown element of text.
    let m = message(&old.replacen(
        "<title>Kreisentwicklungskonzept<translation",
        "<title><narrative>Kreisentwicklungskonzept</narrative><translation",
        1,
    ));
    assert!(
        m.contains("element <narrative> is not allowed in text"),
        "{m}"
    );
}
