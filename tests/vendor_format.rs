//! A vendor's own format in the export registry: the CSV exporter of
//! `examples/vendor_csv.rs`, looked up by id next to the built-in formats.

#[path = "../examples/vendor_csv.rs"]
#[allow(dead_code)]
mod vendor_csv;

use kreisentwicklung::export::{ExportError, ExportOptions, Exporter, Registry, Requirement};
use kreisentwicklung::*;
use vendor_csv::{field, MeasureCsv};

fn concept() -> Concept {
    Concept::new(
        "kek",
        "KEK 2030",
        ConceptKind::Kek,
        Territory::landkreis("Beispiel"),
    )
    .with_actor(Actor::new(
        "wifoe",
        ActorKind::Business,
        "Wirtschaftsförderung, GmbH",
    ))
    .with_goal(Goal::new("z1", 1, "Innovation"))
    .with_goal(Goal::new("z2", 1, "Mobilität"))
    .with_measure(
        Measure::new("p1", "Gründerzentrum \"Alte Mühle\", 2. Bauabschnitt")
            .with_number("1.1")
            .with_goal("z1")
            .with_goal("z2")
            .with_lead("wifoe")
            .with_period("2. Halbjahr 2019".parse().unwrap())
            .with_priority(Priority::High)
            .with_costs(Euro::from_cents(12_345_678)),
    )
    .with_measure(
        Measure::new("p2", "=HYPERLINK(\"http://evil\")").with_costs(Euro::from_cents(-5)),
    )
    .with_measure(Measure::new("p3", "Zeile 1\nZeile 2"))
    .with_measure(Measure::new("p4", "+49 Vorwahl"))
    .with_measure(Measure::new("p5", "-Radweg"))
    .with_measure(Measure::new("p6", "@Kreistag"))
}

fn export(registry: &Registry, id: &str, options: &ExportOptions) -> Result<String, ExportError> {
    let mut out = Vec::new();
    registry.export(id, &concept(), &mut out, options)?;
    Ok(String::from_utf8(out).unwrap())
}

fn registry() -> Registry {
    let mut registry = kreisentwicklung::registry();
    assert!(
        registry.register(MeasureCsv).is_none(),
        "csv is not built in"
    );
    registry
}

#[test]
fn the_vendor_format_is_found_by_id_next_to_the_built_in_ones() {
    let registry = registry();
    let csv = registry.get("csv").expect("registered");
    assert_eq!(
        (csv.extension(), csv.media_type()),
        ("csv", "text/csv; charset=utf-8")
    );
    assert!(registry.ids().contains(&"json"));
    assert_eq!(registry.ids().last(), Some(&"csv"));

    let out = export(&registry, "csv", &ExportOptions::default()).unwrap();
    let expected = "Nr.,Id,Titel,Ziele,Federführung,Zeitraum,Priorität,Status,Kosten (EUR)\r\n\
        1.1,p1,\"Gründerzentrum \"\"Alte Mühle\"\", 2. Bauabschnitt\",z1 z2,\"Wirtschaftsförderung, GmbH\",2. Halbjahr 2019,hoch,,123456.78\r\n\
        ,p2,\"'=HYPERLINK(\"\"http://evil\"\")\",,,,,,-0.05\r\n\
        ,p3,\"Zeile 1\nZeile 2\",,,,,,\r\n\
        ,p4,\"'+49 Vorwahl\",,,,,,\r\n\
        ,p5,\"'-Radweg\",,,,,,\r\n\
        ,p6,\"'@Kreistag\",,,,,,\r\n";
    assert_eq!(out, expected);

    // The built-in formats still work in the same registry.
    let json = export(&registry, "json", &ExportOptions::default()).unwrap();
    assert_eq!(json::from_str(&json).unwrap(), concept());
}

#[test]
fn options_change_the_output() {
    let registry = registry();
    let out = export(
        &registry,
        "csv",
        &ExportOptions::default()
            .language(Language::En)
            .option("delimiter", ";"),
    )
    .unwrap();
    let mut lines = out.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("No.;Id;Title;Goals;Lead;Period;Priority;Status;Costs (EUR)")
    );
    assert_eq!(
        lines.next(),
        Some(
            "1.1;p1;\"Gründerzentrum \"\"Alte Mühle\"\", 2. Bauabschnitt\";z1 z2;\
             Wirtschaftsförderung, GmbH;2. Halbjahr 2019;high;;123456.78"
        )
    );
}

#[test]
fn an_unknown_id_is_an_error_that_lists_the_known_ones() {
    let registry = registry();
    let err = export(&registry, "ods", &ExportOptions::default()).unwrap_err();
    match &err {
        ExportError::UnknownFormat { id, known } => {
            assert_eq!(id, "ods");
            assert!(known.iter().any(|k| k == "json"), "{known:?}");
            assert!(known.iter().any(|k| k == "csv"), "{known:?}");
        }
        other => panic!("{other}"),
    }
    let message = err.to_string();
    assert!(
        message.starts_with("unknown format \"ods\"; registered formats: json"),
        "{message}"
    );
    assert!(message.ends_with(", csv"), "{message}");
}

/// Another vendor's CSV: everything in one column.
struct TitlesOnly;

impl Exporter for TitlesOnly {
    fn id(&self) -> &str {
        "csv"
    }
    fn extension(&self) -> &str {
        "csv"
    }
    fn media_type(&self) -> &str {
        "text/csv"
    }
    fn write(
        &self,
        c: &Concept,
        out: &mut (dyn std::io::Write + Send),
        _: &ExportOptions,
    ) -> Result<(), ExportError> {
        for m in &c.measures {
            write!(out, "{}\r\n", field(m.title.as_str(), ','))?;
        }
        Ok(())
    }
}

#[test]
fn registering_the_same_id_replaces_the_format() {
    let mut registry = registry();
    let count = registry.ids().len();
    let old = registry
        .register(TitlesOnly)
        .expect("replaces the vendor csv");
    assert_eq!(old.media_type(), "text/csv; charset=utf-8");
    assert_eq!(registry.ids().len(), count);
    let out = export(&registry, "csv", &ExportOptions::default()).unwrap();
    assert!(
        out.starts_with("\"Gründerzentrum \"\"Alte Mühle\"\", 2. Bauabschnitt\"\r\n"),
        "{out}"
    );

    // Even a built-in format can be replaced.
    let json = registry
        .register_boxed(Box::new(RenamedCsv))
        .expect("replaces json");
    assert_eq!(json.media_type(), "application/json");
    assert_eq!(registry.get("json").unwrap().media_type(), "text/csv");
}

/// The vendor CSV under the id "json", to replace the built-in format.
struct RenamedCsv;

impl Exporter for RenamedCsv {
    fn id(&self) -> &str {
        "json"
    }
    fn extension(&self) -> &str {
        "csv"
    }
    fn media_type(&self) -> &str {
        "text/csv"
    }
    fn write(
        &self,
        c: &Concept,
        out: &mut (dyn std::io::Write + Send),
        o: &ExportOptions,
    ) -> Result<(), ExportError> {
        MeasureCsv.write(c, out, o)
    }
}

#[test]
fn unknown_options_and_bad_values_are_rejected_before_anything_is_written() {
    let registry = registry();
    let mut out = Vec::new();
    let err = registry
        .export(
            "csv",
            &concept(),
            &mut out,
            &ExportOptions::default().option("colour", "red"),
        )
        .unwrap_err();
    assert!(
        matches!(&err, ExportError::Option { format, name, .. } if format == "csv" && name == "colour"),
        "{err}"
    );
    assert_eq!(
        err.to_string(),
        "option \"colour\" for format csv: not an option of this format; known: delimiter"
    );
    let err = registry
        .export(
            "csv",
            &concept(),
            &mut out,
            &ExportOptions::default().option("delimiter", "|"),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "option \"delimiter\" for format csv: \"|\" is not \",\" or \";\""
    );
    assert!(out.is_empty());

    // The JSON format has no options at all.
    let err = registry
        .export(
            "json",
            &concept(),
            &mut out,
            &ExportOptions::default().option("delimiter", ";"),
        )
        .unwrap_err();
    assert!(matches!(err, ExportError::Option { .. }), "{err}");
    assert!(out.is_empty());
}

#[test]
fn csv_fields_are_quoted_and_neutralised() {
    assert_eq!(field("plain", ','), "plain");
    assert_eq!(field("", ','), "");
    assert_eq!(field("a,b", ','), "\"a,b\"");
    assert_eq!(field("a,b", ';'), "a,b");
    assert_eq!(field("a;b", ';'), "\"a;b\"");
    assert_eq!(field("say \"hi\"", ','), "\"say \"\"hi\"\"\"");
    assert_eq!(field("line\nbreak", ','), "\"line\nbreak\"");
    assert_eq!(field("cr\rlf", ','), "\"cr\rlf\"");
    for danger in ["=1+1", "+1", "-1", "@A1", "\tx", "\rx"] {
        let f = field(danger, ',');
        assert!(f.starts_with("\"'"), "{danger:?} → {f:?}");
    }
    assert_eq!(field("a=b", ','), "a=b");
}

/// The example concept with a measure that refers to a goal that does not
/// exist: well-formed, not valid.
fn dangling() -> Concept {
    concept().with_measure(Measure::new("p7", "Ortsumgehung").with_goal("z9"))
}

#[test]
fn the_registry_refuses_an_invalid_concept_for_a_format_that_requires_validity() {
    let registry = registry();
    let xml = registry.get("xml").unwrap();
    assert_eq!(xml.requires(), Requirement::Valid);
    let mut out = Vec::new();
    let err = registry
        .export("xml", &dangling(), &mut out, &ExportOptions::default())
        .unwrap_err();
    let ExportError::Invalid(errors) = &err else {
        panic!("expected Invalid, got {err}");
    };
    assert_eq!(
        errors.problems[0].to_string(),
        "measures[p7].goals[0]: refers to goal \"z9\", which does not exist"
    );
    assert!(out.is_empty(), "nothing is written");
}

#[test]
fn a_vendor_format_requiring_nothing_still_runs_on_an_invalid_concept() {
    let registry = registry();
    assert_eq!(
        registry.get("csv").unwrap().requires(),
        Requirement::Nothing
    );
    assert!(dangling().validate().is_err());
    let mut out = Vec::new();
    registry
        .export("csv", &dangling(), &mut out, &ExportOptions::default())
        .unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.ends_with(",p7,Ortsumgehung,z9,,,,,\r\n"), "{out}");

    // JSON needs well-formed numbers only: a concept in the making is
    // saved, and a NaN is refused before anything is written.
    assert_eq!(
        registry.get("json").unwrap().requires(),
        Requirement::WellFormed
    );
    let json = export_concept(&registry, "json", &dangling()).unwrap();
    assert!(json.contains("\"z9\""));
    let nan = dangling().with_indicator(
        Indicator::new("i1", "Breitband", "%", Direction::HigherIsBetter)
            .with_baseline(f64::NAN, Period::year(2020)),
    );
    let mut out = Vec::new();
    let err = registry
        .export("json", &nan, &mut out, &ExportOptions::default())
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("indicators[i1].baseline.value: NaN is not a finite number"),
        "{err}"
    );
    assert!(out.is_empty());
}

fn export_concept(registry: &Registry, id: &str, c: &Concept) -> Result<String, ExportError> {
    let mut out = Vec::new();
    registry.export(id, c, &mut out, &ExportOptions::default())?;
    Ok(String::from_utf8(out).unwrap())
}

#[test]
fn labels_are_in_the_concepts_language_unless_asked_otherwise() {
    // An English concept exported by a library user with the default
    // options: English labels, as the command line has always done.
    let mut english = concept();
    english.languages = vec!["en".into()];
    let registry = registry();
    let out = export_concept(&registry, "csv", &english).unwrap();
    assert!(out.starts_with("No.,Id,Title,Goals,"), "{out}");
    assert!(out.contains(",high,"), "{out}");

    let mut out = Vec::new();
    registry
        .export(
            "csv",
            &english,
            &mut out,
            &ExportOptions::default().language(Language::De),
        )
        .unwrap();
    assert!(out.starts_with("Nr.,Id,Titel,Ziele,".as_bytes()));
}

#[test]
fn an_exporter_writes_from_another_thread() {
    // `export` takes a `Send` writer, so the work can move to a thread.
    let registry = registry();
    let c = concept();
    let mut out: Vec<u8> = Vec::new();
    std::thread::scope(|s| {
        s.spawn(|| {
            registry
                .export("xlsx", &c, &mut out, &ExportOptions::default())
                .unwrap()
        });
    });
    assert!(out.starts_with(b"PK"));
}
