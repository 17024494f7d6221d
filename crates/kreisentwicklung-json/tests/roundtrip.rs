//! Round trips: `import(export(c)) == c` for every seed example, for
//! generated concepts and for arbitrary concepts from proptest; every
//! exported document validates against the shipped JSON Schema; the output
//! is deterministic and formatted as documented.

use std::sync::OnceLock;

use kreisentwicklung_core::export::{ExportError, ExportOptions, Exporter, Registry};
use kreisentwicklung_core::generate::{generate, GeneratorOptions};
use kreisentwicklung_core::*;
use kreisentwicklung_json::{
    from_slice, from_str, from_str_with_warnings, to_string, to_vec, to_writer, JsonExporter,
};
use proptest::prelude::*;

fn validator() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        // The schema shipped in core, which its drift test keeps equal to
        // `schemas/kreisentwicklung.schema.json` (this also runs from the
        // packaged crate, which has no `schemas/` beside it).
        let schema: serde_json::Value = serde_json::from_str(JSON_SCHEMA).expect("schema is JSON");
        jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("schema compiles")
    })
}

/// Panics with every schema error of the document.
fn assert_schema_valid(name: &str, json: &[u8]) {
    let value: serde_json::Value = serde_json::from_slice(json).unwrap();
    let errors: Vec<String> = validator()
        .iter_errors(&value)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{name}: the exported document does not validate against the schema:\n{}",
        errors.join("\n")
    );
}

/// Export (pretty and compact), import, compare; schema-check the output.
fn assert_round_trip(name: &str, concept: &Concept) {
    for pretty in [true, false] {
        let json = to_vec(concept, pretty).unwrap();
        let imported = match from_str_with_warnings(std::str::from_utf8(&json).unwrap()) {
            Ok(i) => i,
            Err(e) => panic!("{name} (pretty: {pretty}): {e}"),
        };
        assert!(
            imported.warnings.is_empty(),
            "{name}: {:?}",
            imported.warnings
        );
        assert!(
            imported.concept == *concept,
            "{name}: round trip changed the concept"
        );
        assert_eq!(to_vec(&imported.concept, pretty).unwrap(), json, "{name}");
        if pretty {
            assert_schema_valid(name, &json);
        }
    }
}

#[test]
fn every_seed_example_round_trips_and_validates_against_the_schema() {
    assert_eq!(examples::NAMES.len(), 5);
    for &name in examples::NAMES {
        let bytes = examples::json(name).unwrap().as_bytes();
        let imported = match kreisentwicklung_json::from_slice_with_warnings(bytes) {
            Ok(i) => i,
            Err(e) => panic!("{name}: {e}"),
        };
        assert!(
            imported.warnings.is_empty(),
            "{name}: {:?}",
            imported.warnings
        );
        assert_round_trip(name, &imported.concept);
        // The examples are kept in the form the exporter writes, so that
        // they show exactly what this library produces.
        assert!(
            to_vec(&imported.concept, true).unwrap() == bytes,
            "{name} is not in the canonical form: re-export it with \
             kreisentwicklung_json::to_writer(&concept, file, true)"
        );
    }
}

#[test]
fn generated_concepts_round_trip() {
    for (measures, seed) in [(0, 1), (1, 2), (25, 3), (300, 4)] {
        let c = generate(&GeneratorOptions::new(measures).seed(seed));
        assert_round_trip(&format!("generated {measures}/{seed}"), &c);
    }
}

#[test]
fn output_is_deterministic_and_formatted_as_documented() {
    let c = generate(&GeneratorOptions::new(40).seed(9));
    let pretty = to_string(&c, true).unwrap();
    assert_eq!(pretty, to_string(&c.clone(), true).unwrap());
    assert!(pretty.starts_with(
        "{\n  \"$schema\": \"urn:kreisentwicklung:schema:json:1\",\n  \"schemaVersion\": \"1.1\",\n  \"concept\": {\n    \"id\": "
    ));
    assert!(pretty.ends_with("\n  }\n}\n"));
    assert!(!pretty.contains('\t') && !pretty.contains("\r"));

    let compact = to_string(&c, false).unwrap();
    assert!(!compact.contains('\n') && compact.ends_with("}}"));
    let reparsed: serde_json::Value = serde_json::from_str(&pretty).unwrap();
    assert_eq!(
        serde_json::to_string(&reparsed).unwrap().len(),
        compact.len()
    );

    // The same bytes from every entry point.
    let mut via_writer = Vec::new();
    to_writer(&c, &mut via_writer, true).unwrap();
    assert_eq!(via_writer, pretty.as_bytes());
    let mut via_exporter = Vec::new();
    JsonExporter
        .export(&c, &mut via_exporter, &ExportOptions::default())
        .unwrap();
    assert_eq!(via_exporter, pretty.as_bytes());
    let mut via_registry = Vec::new();
    let mut registry = Registry::new();
    registry.register(JsonExporter);
    registry
        .export(
            "json",
            &c,
            &mut via_registry,
            &ExportOptions::default()
                .pretty(false)
                .language(Language::En),
        )
        .unwrap();
    assert_eq!(via_registry, compact.as_bytes());

    // The borrowed document serializes exactly like the model's own type.
    assert_eq!(
        pretty,
        serde_json::to_string_pretty(&ConceptDocument::new(c)).unwrap() + "\n"
    );
}

#[test]
fn the_exporter_describes_itself_and_has_no_options() {
    let e = JsonExporter;
    assert_eq!(
        (e.id(), e.extension(), e.media_type()),
        ("json", "json", "application/json")
    );
    assert!(!e.is_binary());
    assert!(!e.description().is_empty());
    let err = e
        .check_options(&ExportOptions::default().option("indent", "4"))
        .unwrap_err();
    assert!(matches!(err, ExportError::Option { .. }), "{err}");
}

#[test]
fn export_refuses_numbers_json_cannot_hold() {
    let c = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("B"))
        .with_indicator(
            Indicator::new("i1", "Quote", "%", Direction::HigherIsBetter)
                .with_baseline(f64::NAN, Period::year(2019))
                .with_observation(f64::INFINITY, Period::year(2020)),
        )
        .with_measure(Measure::new("m1", "M").with_funding(
            Funding::programme(FundingProgramme::Leader).with_share_percent(f64::NEG_INFINITY),
        ));
    match to_vec(&c, true) {
        Err(ExportError::Invalid(errors)) => {
            let paths: Vec<_> = errors.problems.iter().map(|p| p.path.as_str()).collect();
            assert_eq!(
                paths,
                [
                    "indicators[i1].baseline.value",
                    "indicators[i1].observations[0].value",
                    "measures[m1].funding[0].sharePercent"
                ]
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn write_errors_are_io_errors() {
    struct Full;
    impl std::io::Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "disk full",
            ))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let c = generate(&GeneratorOptions::new(5));
    let err = to_writer(&c, Full, true).unwrap_err();
    assert!(matches!(err, ExportError::Io(_)), "{err}");
    let err = JsonExporter
        .export(&c, &mut Full, &ExportOptions::default())
        .unwrap_err();
    assert!(matches!(err, ExportError::Io(_)), "{err}");
}

// ---------------------------------------------------------------------------
// Arbitrary concepts
// ---------------------------------------------------------------------------

/// Characters a valid text may hold, favouring the awkward ones.
fn text_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::char::range('a', 'z'),
        1 => prop::sample::select(vec![
            '"', '\\', '/', '\n', '\r', '\t', ' ', 'ä', 'ß', '€', '–', '„', '“', '\u{2028}',
            '\u{7F}', '\u{FEFF}', '😀', '𝄞', '<', '&', '\'', '{', '}',
        ]),
        1 => any::<char>().prop_filter("XML-legal", |c| !validate::is_xml_illegal(*c)),
    ]
}

fn plain_text() -> impl Strategy<Value = String> {
    // A letter first, so that the text is never blank.
    prop::collection::vec(text_char(), 0..24).prop_map(|cs| {
        let mut s = String::from("T");
        s.extend(cs);
        s
    })
}

fn text() -> impl Strategy<Value = Text> {
    (
        plain_text(),
        prop::collection::btree_map(
            prop::sample::select(vec!["en", "hsb", "dsb", "pl", "en-GB", "cs"]),
            plain_text(),
            0..3,
        ),
    )
        .prop_map(|(text, tr)| {
            let mut t = Text::new(text);
            for (lang, s) in tr {
                t = t.with_translation(lang, s);
            }
            t
        })
}

fn date() -> impl Strategy<Value = Date> {
    (1900i32..2100, 1u8..=12, 1u8..=31).prop_map(|(y, m, d)| {
        Date::from_ymd(y, m, d)
            .or_else(|_| Date::last_of_month(y, m))
            .unwrap()
    })
}

fn simple_period() -> impl Strategy<Value = Period> {
    prop_oneof![
        date().prop_map(|date| Period::Day { date }),
        (date(), 0i64..400).prop_map(|(from, n)| Period::DateRange {
            from,
            to: from.add_days(n)
        }),
        (1900i32..2100, 1u8..=12).prop_map(|(year, month)| Period::Month { year, month }),
        (1900i32..2100, 1u8..=4).prop_map(|(year, quarter)| Period::Quarter { year, quarter }),
        (1900i32..2100, 1u8..=2).prop_map(|(year, half)| Period::HalfYear { year, half }),
        (1900i32..2100).prop_map(Period::year),
        (1900i32..2100, 0i32..20).prop_map(|(from, n)| Period::YearRange { from, to: from + n }),
        (
            1900i32..2100,
            prop::sample::select(vec![YearPart::Early, YearPart::Middle, YearPart::Late])
        )
            .prop_map(|(year, part)| Period::PartOfYear { year, part }),
        (1900i32..2100).prop_map(|year| Period::TurnOfYear { year }),
    ]
}

fn period() -> impl Strategy<Value = Period> {
    prop_oneof![
        4 => simple_period(),
        1 => simple_period().prop_map(|p| Period::Since { start: Box::new(p) }),
        1 => simple_period().prop_map(|p| Period::Until { end: Box::new(p) }),
    ]
}

/// Any finite f64, subnormals, zeros and extremes included.
fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        prop::num::f64::POSITIVE
            | prop::num::f64::NEGATIVE
            | prop::num::f64::NORMAL
            | prop::num::f64::SUBNORMAL
            | prop::num::f64::ZERO,
        prop::sample::select(vec![
            0.1,
            0.3,
            -0.0,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            5e-324,
            1e23
        ]),
        (-1_000_000i64..1_000_000).prop_map(|n| n as f64 / 100.0),
    ]
}

fn priority() -> impl Strategy<Value = Option<Priority>> {
    prop::option::of(prop::sample::select(vec![
        Priority::High,
        Priority::Medium,
        Priority::Low,
    ]))
}

#[derive(Debug, Clone)]
struct GoalSpec {
    parent: Option<prop::sample::Index>,
    title: Text,
    number: Option<String>,
    priority: Option<Priority>,
    focus: Vec<Text>,
}

#[derive(Debug, Clone)]
struct MeasureSpec {
    title: Text,
    description: Option<Text>,
    goals: Vec<prop::sample::Index>,
    period: Option<Period>,
    priority: Option<Priority>,
    cents: Option<i64>,
}

#[derive(Debug, Clone)]
struct IndicatorSpec {
    name: Text,
    unit: String,
    baseline: Option<(f64, Period)>,
    targets: Vec<(f64, Period)>,
    observations: Vec<(f64, Period)>,
}

fn concept() -> impl Strategy<Value = Concept> {
    let goal = (
        prop::option::of(any::<prop::sample::Index>()),
        text(),
        prop::option::of("[0-9](\\.[0-9]){0,2}"),
        priority(),
        prop::collection::vec(text(), 0..3),
    )
        .prop_map(|(parent, title, number, priority, focus)| GoalSpec {
            parent,
            title,
            number,
            priority,
            focus,
        });
    let measure = (
        text(),
        prop::option::of(text()),
        prop::collection::vec(any::<prop::sample::Index>(), 0..3),
        prop::option::of(period()),
        priority(),
        prop::option::of(-100_000_000i64..100_000_000_000),
    )
        .prop_map(
            |(title, description, goals, period, priority, cents)| MeasureSpec {
                title,
                description,
                goals,
                period,
                priority,
                cents,
            },
        );
    let indicator = (
        text(),
        plain_text(),
        prop::option::of((finite(), period())),
        prop::collection::vec((finite(), period()), 0..3),
        prop::collection::vec((finite(), period()), 0..4),
    )
        .prop_map(
            |(name, unit, baseline, targets, observations)| IndicatorSpec {
                name,
                unit,
                baseline,
                targets,
                observations,
            },
        );
    (
        "[a-z][a-z0-9._:-]{0,20}",
        text(),
        prop::option::of(text()),
        prop::collection::vec(goal, 0..12),
        prop::collection::vec(measure, 0..8),
        prop::collection::vec(indicator, 0..4),
        prop::option::of(1u8..10),
    )
        .prop_map(|(id, title, vision, goals, measures, indicators, cycle)| {
            build(id, title, vision, goals, measures, indicators, cycle)
        })
}

fn build(
    id: String,
    title: Text,
    vision: Option<Text>,
    goal_specs: Vec<GoalSpec>,
    measure_specs: Vec<MeasureSpec>,
    indicator_specs: Vec<IndicatorSpec>,
    cycle: Option<u8>,
) -> Concept {
    let mut c = Concept::new(
        id,
        title,
        ConceptKind::Kek,
        Territory::landkreis("Beispiel").with_key("03254"),
    );
    if let Some(v) = vision {
        c = c.with_vision(Vision::new(v));
    }
    if let Some(years) = cycle {
        c = c.with_revision_cycle_years(years);
    }
    let mut levels: Vec<u8> = Vec::new();
    for (i, g) in goal_specs.into_iter().enumerate() {
        // A parent among the earlier goals whose level leaves room for a child.
        let parent = g
            .parent
            .filter(|_| i > 0)
            .map(|ix| ix.index(i))
            .filter(|&p| levels[p] < MAX_GOAL_LEVEL);
        let level = parent.map_or(1, |p| levels[p] + 1);
        levels.push(level);
        let mut goal = Goal::new(format!("z{i}"), level, g.title);
        goal.number = g.number;
        goal.priority = g.priority;
        goal.focus_areas = g.focus;
        if let Some(p) = parent {
            goal = goal.with_parent(format!("z{p}"));
        }
        c = c.with_goal(goal);
    }
    let goal_count = levels.len();
    for (k, ind) in indicator_specs.into_iter().enumerate() {
        let mut i = Indicator::new(
            format!("ind-{k}"),
            ind.name,
            ind.unit,
            Direction::HigherIsBetter,
        );
        if let Some((v, p)) = ind.baseline {
            i = i.with_baseline(v, p);
        }
        for (v, p) in ind.targets {
            i = i.with_target(v, p);
        }
        for (v, p) in ind.observations {
            i = i.with_observation(v, p);
        }
        c = c.with_indicator(i);
    }
    for (k, m) in measure_specs.into_iter().enumerate() {
        let mut measure = Measure::new(format!("M{k}"), m.title).with_number(format!("{}", k + 1));
        measure.description = m.description;
        if goal_count > 0 {
            let mut goals: Vec<usize> = m.goals.iter().map(|ix| ix.index(goal_count)).collect();
            goals.sort_unstable();
            goals.dedup();
            for g in goals {
                measure = measure.with_goal(format!("z{g}"));
            }
        }
        measure.period = m.period;
        measure.priority = m.priority;
        if let Some(cents) = m.cents {
            measure.costs = Some(Costs {
                amount: Some(Euro::from_cents(cents)),
                estimated: cents % 2 == 0,
                note: None,
            });
        }
        c = c.with_measure(measure);
    }
    c
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_concepts_round_trip(c in concept()) {
        if let Err(e) = c.validate() {
            panic!("the generator made an invalid concept: {e}");
        }
        for pretty in [true, false] {
            let json = to_string(&c, pretty).unwrap();
            let back = from_str(&json).unwrap_or_else(|e| panic!("{e}\n{json}"));
            prop_assert_eq!(&back, &c);
            prop_assert_eq!(to_string(&back, pretty).unwrap(), json);
        }
    }

    #[test]
    fn arbitrary_concepts_validate_against_the_schema(c in concept()) {
        assert_schema_valid("arbitrary", &to_vec(&c, true).unwrap());
    }

    #[test]
    fn finite_floats_read_back_bit_for_bit(v in finite(), w in finite()) {
        let c = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("B")).with_indicator(
            Indicator::new("i", "I", "%", Direction::LowerIsBetter)
                .with_baseline(v, Period::year(2019))
                .with_target(w, Period::year(2030)),
        );
        let back = from_slice(&to_vec(&c, false).unwrap()).unwrap();
        let i = &back.indicators[0];
        prop_assert_eq!(i.baseline.as_ref().unwrap().value.to_bits(), v.to_bits());
        prop_assert_eq!(i.targets[0].value.to_bits(), w.to_bits());
    }

    #[test]
    fn import_never_panics_on_mutated_documents(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6)
    ) {
        let mut bytes = to_vec(&generate(&GeneratorOptions::new(3)), false).unwrap();
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        let _ = from_slice(&bytes);
    }
}
