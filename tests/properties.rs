//! Properties across the formats, through the facade: generated concepts of
//! any seed and size survive JSON → XML → JSON; content-sniffing import
//! never panics; what import refuses as invalid is exactly what validation
//! finds; German period text that parses prints as text that parses back to
//! the same period.

use kreisentwicklung::export::ExportOptions;
use kreisentwicklung::generate::{generate, GeneratorOptions};
use kreisentwicklung::{import, Concept, Id, Period};
use proptest::prelude::*;

fn json(c: &Concept) -> Vec<u8> {
    kreisentwicklung::json::to_vec(c, false).expect("JSON export")
}

fn xml(c: &Concept, pretty: bool) -> Vec<u8> {
    let mut out = Vec::new();
    kreisentwicklung::xml::to_writer(c, &mut out, &ExportOptions::default().pretty(pretty))
        .expect("XML export");
    out
}

fn generated() -> impl Strategy<Value = Concept> {
    (0usize..120, any::<u64>(), 0usize..12).prop_map(|(measures, seed, observations)| {
        generate(
            &GeneratorOptions::new(measures)
                .seed(seed)
                .observations_per_indicator(observations),
        )
    })
}

/// A generated concept with some references broken.
fn broken() -> impl Strategy<Value = Concept> {
    (
        generated(),
        prop::collection::vec((any::<prop::sample::Index>(), 0u8..5), 1..6),
    )
        .prop_map(|(mut c, breaks)| {
            for (at, how) in breaks {
                match how {
                    0 if !c.measures.is_empty() => {
                        let m = at.get_mut(&mut c.measures);
                        m.goals.push(Id::new("gibt-es-nicht"));
                    }
                    1 if !c.goals.is_empty() => {
                        // Two goals that are each other's parent (or one
                        // its own): a cycle.
                        let len = c.goals.len();
                        let i = at.index(len);
                        let j = (i + 1) % len;
                        let (a, b) = (c.goals[i].id.clone(), c.goals[j].id.clone());
                        c.goals[i].parent = Some(b);
                        c.goals[j].parent = Some(a);
                    }
                    2 if !c.measures.is_empty() => {
                        let id = at.get(&c.measures).id.clone();
                        c.measures.push(c.measures[0].clone());
                        c.measures.last_mut().expect("pushed").id = id;
                    }
                    3 if !c.indicators.is_empty() => {
                        let ind = at.get_mut(&mut c.indicators);
                        ind.name = kreisentwicklung::Text::new("Quote\u{1}");
                    }
                    _ => {
                        c.title = kreisentwicklung::Text::new("  ");
                    }
                }
            }
            c
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn generated_concepts_survive_json_xml_json(c in generated()) {
        let first = json(&c);
        let from_json = import::from_slice(&first).expect("import JSON");
        prop_assert!(from_json == c, "JSON round trip changed the concept");
        let as_xml = xml(&from_json, false);
        let from_xml = import::from_slice(&as_xml).expect("import XML");
        prop_assert!(from_xml == c, "XML round trip changed the concept");
        let pretty = import::from_slice(&xml(&c, true)).expect("import pretty XML");
        prop_assert!(pretty == c, "pretty XML round trip changed the concept");
        prop_assert_eq!(json(&from_xml), first);
    }

    #[test]
    fn import_refuses_exactly_what_validation_finds(c in broken()) {
        let problems = c.validate().expect_err("broken concept").problems;
        let e = import::from_slice(&json(&c)).expect_err("JSON import of a broken concept");
        let found = e.validation_errors().unwrap_or_else(|| panic!("not a validation error: {e}"));
        prop_assert_eq!(&found.problems, &problems);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn import_of_arbitrary_bytes_never_panics(
        start in prop_oneof![Just(&b"{"[..]), Just(&b"<"[..]), Just(&b"\xEF\xBB\xBF "[..]), Just(&b""[..])],
        body in prop::collection::vec(any::<u8>(), 0..256),
    ) {
        let mut bytes = start.to_vec();
        bytes.extend_from_slice(&body);
        let _ = import::from_slice(&bytes);
    }

    #[test]
    fn import_of_mangled_documents_never_panics(
        c in generated().no_shrink(),
        as_xml in any::<bool>(),
        cut in any::<prop::sample::Index>(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
    ) {
        let mut bytes = if as_xml { xml(&c, true) } else { json(&c) };
        for (at, byte) in flips {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        let keep = cut.index(bytes.len() + 1);
        bytes.truncate(keep.max(bytes.len() / 2));
        let _ = import::from_slice(&bytes);
    }

    #[test]
    fn period_text_that_parses_prints_as_text_that_parses_back(
        text in "(Anfang|Mitte|Ende|seit|bis|ab|[1-4]\\.|Quartal|Halbjahr|Jahreswechsel|Frühjahr|Herbst|Januar|März|und|bis|/|–|-|20[0-9]{2}|[0-3]?[0-9]\\.[01]?[0-9]\\.|,| ){1,8}"
    ) {
        if let Ok(p) = Period::parse_german(&text) {
            let printed = p.to_string();
            let again = Period::parse_german(&printed);
            prop_assert_eq!(again.as_ref().ok(), Some(&p), "{:?} printed as {:?}", text, printed);
        }
    }
}
