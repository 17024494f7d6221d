//! End-to-end tests of the `kreisentwicklung` binary: every subcommand, every
//! exit code, and the errors users see.

mod common;

use std::fs;
use std::process::{Command, Stdio};

use common::{finish, run_in, Run, TempDir, BIN};
use kreisentwicklung::*;

const EXAMPLES: [&str; 5] = [
    "hildesheim",
    "helmstedt",
    "bernkastel-wittlich",
    "ludwigslust-parchim",
    "nordsachsen",
];

/// Runs the binary.
fn run(args: &[&str]) -> Run {
    run_in(&std::env::temp_dir(), args)
}

/// Every `error: ` line is one line: no continuation lines that are not
/// themselves errors or summaries.
fn assert_error(run: &Run, code: i32, needle: &str) {
    assert_eq!(
        run.code, code,
        "exit code; stderr:\n{}\nstdout:\n{}",
        run.stderr, run.stdout
    );
    assert!(
        run.stderr.contains(needle),
        "stderr lacks {needle:?}:\n{}",
        run.stderr
    );
}

fn assert_ok(run: &Run) {
    assert_eq!(
        run.code, 0,
        "stderr:\n{}\nstdout:\n{}",
        run.stderr, run.stdout
    );
}

/// A small valid concept.
fn valid_concept() -> Concept {
    Concept::new(
        "kek-testkreis",
        "Kreisentwicklungskonzept Testkreis 2030",
        ConceptKind::Kek,
        Territory::landkreis("Testkreis")
            .with_key("03254")
            .with_state(State::Niedersachsen),
    )
    .with_field(FieldOfAction::new("hf1", "Wirtschaft"))
    .with_goal(Goal::new("z1", 1, "Innovation stärken").with_field("hf1"))
    .with_measure(Measure::new("W3", "Gründerzentrum").with_goal("z1"))
}

/// A concept as a JSON document.
fn document(concept: Concept) -> String {
    serde_json::to_string_pretty(&ConceptDocument::new(concept)).unwrap()
}

fn valid_json() -> String {
    document(valid_concept())
}

/// A measure referring to a goal that does not exist.
fn dangling_json() -> String {
    document(
        valid_concept().with_measure(Measure::new("W4", "Radweg").with_goal("z1").with_goal("z9")),
    )
}

/// A title with U+0001, which JSON can carry (`\u0001`) and XML cannot.
fn control_char_json() -> String {
    let json = document(valid_concept().with_goal(Goal::new("z2", 1, "Ziel\u{1}zwei")));
    assert!(json.contains("\\u0001"));
    json
}

// ---------------------------------------------------------------- usage

#[test]
fn every_subcommand_has_help_with_an_example() {
    for sub in [
        "export", "validate", "schema", "formats", "examples", "generate", "check",
    ] {
        let r = run(&[sub, "--help"]);
        assert_ok(&r);
        assert!(r.stdout.contains("Example"), "{sub} --help:\n{}", r.stdout);
        assert!(
            r.stdout.contains("kreisentwicklung "),
            "{sub} --help:\n{}",
            r.stdout
        );
    }
    let r = run(&["--help"]);
    assert_ok(&r);
    assert!(r.stdout.contains("Exit codes"));
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(run(&[]).code, 2);
    assert_eq!(run(&["frobnicate"]).code, 2);
    assert_error(&run(&["export", "--example", "nordsachsen"]), 2, "--format");
    assert_error(
        &run(&["export", "--example", "nordsachsen", "--format", "pdf"]),
        2,
        "json, xml, xlsx",
    );
    assert_error(
        &run(&["export", "--example", "atlantis", "--format", "json"]),
        2,
        "nordsachsen",
    );
    assert_error(
        &run(&[
            "export",
            "--example",
            "hildesheim",
            "--format",
            "json",
            "--lang",
            "fr",
        ]),
        2,
        "fr",
    );
    assert_error(
        &run(&[
            "export",
            "--example",
            "hildesheim",
            "--format",
            "json",
            "--timestamp",
            "yesterday",
        ]),
        2,
        "yesterday",
    );
    assert_error(&run(&["validate"]), 2, "INPUT");
    assert_error(&run(&["schema", "--format", "yaml"]), 2, "yaml");
    assert_error(
        &run(&["generate", "--measures", "many", "-o", "x.json"]),
        2,
        "many",
    );
    assert_error(
        &run(&["check", "--example", "hildesheim", "--today", "2025-02-30"]),
        2,
        "2025-02-30",
    );
}

// ---------------------------------------------------------------- formats, examples, schema

#[test]
fn formats_lists_id_extension_and_media_type() {
    let r = run(&["formats"]);
    assert_ok(&r);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(lines.contains(&"json\tjson\tapplication/json"), "{lines:?}");
    assert!(lines.contains(&"xml\txml\tapplication/xml"), "{lines:?}");
    assert!(
        lines.contains(
            &"xlsx\txlsx\tapplication/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        ),
        "{lines:?}"
    );
}

#[test]
fn examples_lists_the_seed_counties() {
    let r = run(&["examples"]);
    assert_ok(&r);
    let names: Vec<&str> = r
        .stdout
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(names, EXAMPLES);
    assert!(
        r.stdout
            .lines()
            .any(|l| l == "nordsachsen\tLandkreis Nordsachsen"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.lines().all(|l| l.split('\t').count() == 2));
}

#[test]
fn schema_json_is_byte_identical_to_the_shipped_file() {
    let r = run(&["schema", "--format", "json"]);
    assert_ok(&r);
    // The crate's constant, which core's drift test keeps equal to
    // schemas/kreisentwicklung.schema.json.
    assert!(
        r.raw_stdout == kreisentwicklung::JSON_SCHEMA.as_bytes(),
        "schema --format json differs from the shipped JSON Schema"
    );
}

#[test]
fn schema_xsd_is_byte_identical_to_the_shipped_file() {
    let r = run(&["schema", "--format", "xsd"]);
    assert_ok(&r);
    // Kept equal to schemas/kreisentwicklung.xsd by the XML crate's drift test.
    assert!(
        r.raw_stdout == kreisentwicklung::xml::XSD.as_bytes(),
        "schema --format xsd differs from the shipped XSD"
    );
}

// ---------------------------------------------------------------- validate

#[test]
fn validate_accepts_valid_documents() {
    let dir = TempDir::new("valid");
    let a = dir.write("a.json", valid_json());
    // A byte order mark and leading whitespace do not matter.
    let b = dir.write("b.json", format!("\u{feff}\n  {}", valid_json()));
    let r = run(&["validate", &a, &b]);
    assert_ok(&r);
    assert_eq!(r.stdout, "");
}

#[test]
fn validate_reports_a_dangling_reference_with_file_path_and_id() {
    let dir = TempDir::new("dangling");
    let x = dir.write("x.json", dangling_json());
    let r = run(&["validate", &x]);
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(
        r.stdout,
        format!("{x}: measures[W4].goals[1]: refers to goal \"z9\", which does not exist\n")
    );
}

#[test]
fn validate_reports_every_problem_of_every_file() {
    let dir = TempDir::new("several");
    let good = dir.write("good.json", valid_json());
    let bad = dir.write(
        "bad.json",
        document(
            valid_concept()
                .with_measure(Measure::new("W5", "A").with_goal("z8"))
                .with_measure(Measure::new("W6", "B").with_goal("z7")),
        ),
    );
    let r = run(&["validate", &good, &bad]);
    assert_eq!(r.code, 1, "{r:?}");
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].starts_with(&format!("{bad}: measures[W5].goals[0]: ")),
        "{lines:?}"
    );
    assert!(lines[0].contains("\"z8\""));
    assert!(
        lines[1].starts_with(&format!("{bad}: measures[W6].goals[0]: ")),
        "{lines:?}"
    );
}

#[test]
fn unknown_fields_are_warnings_not_errors() {
    let dir = TempDir::new("unknown-field");
    let mut doc: serde_json::Value = serde_json::from_str(&valid_json()).unwrap();
    doc["concept"]["titel"] = "Tippfehler".into();
    let x = dir.write("x.json", doc.to_string());
    let r = run(&["validate", &x]);
    assert_ok(&r);
    assert_eq!(
        r.stdout,
        format!("{x}: warning: concept.titel: unknown field, ignored\n")
    );
    let r = run(&["export", &x, "--format", "xml", "-o", "-"]);
    assert_ok(&r);
    assert!(
        r.stderr.contains(&format!("{x}: warning: concept.titel")),
        "{}",
        r.stderr
    );
    assert!(r.stdout.starts_with("<?xml"));
}

#[test]
fn validate_reports_broken_json_as_invalid() {
    let dir = TempDir::new("broken-json");
    let x = dir.write(
        "x.json",
        "{\"schemaVersion\": \"1.0\", \"concept\": {\"id\": ",
    );
    let r = run(&["validate", &x]);
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(r.stdout.lines().count(), 1, "{}", r.stdout);
    assert!(r.stdout.starts_with(&format!("{x}: ")), "{}", r.stdout);
}

#[test]
fn validate_reports_broken_xml_as_invalid() {
    let dir = TempDir::new("broken-xml");
    let x = dir.write(
        "x.xml",
        "<?xml version=\"1.0\"?>\n<concept><title>KEK</concept>",
    );
    let r = run(&["validate", &x]);
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(r.stdout.lines().count(), 1, "{}", r.stdout);
    assert!(r.stdout.starts_with(&format!("{x}: ")), "{}", r.stdout);
}

#[test]
fn validate_refuses_content_that_is_neither_json_nor_xml() {
    let dir = TempDir::new("neither");
    let csv = dir.write("x.csv", "id;title\n1;Radweg\n");
    let empty = dir.write("empty.json", "  \n");
    let zip = dir.write("x.xlsx", b"PK\x03\x04\x14\x00\x00\x00");
    let r = run(&["validate", &csv, &empty, &zip]);
    assert_eq!(r.code, 1, "{r:?}");
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].starts_with(&format!("{csv}: ")) && lines[0].contains("neither JSON nor XML"));
    assert!(lines[1].starts_with(&format!("{empty}: ")) && lines[1].contains("empty"));
    assert!(lines[2].contains("not an XLSX workbook"), "{}", lines[2]);
}

#[test]
fn validate_names_the_path_of_a_character_xml_cannot_carry() {
    let dir = TempDir::new("control");
    let x = dir.write("x.json", control_char_json());
    let r = run(&["validate", &x]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stdout.starts_with(&format!("{x}: goals[z2].title: ")),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("U+0001"), "{}", r.stdout);
}

#[test]
fn validate_a_missing_file_exits_with_2() {
    let dir = TempDir::new("missing");
    let missing = dir.path("missing.json");
    let missing = missing.to_str().unwrap();
    let r = run(&["validate", missing]);
    assert_error(
        &r,
        2,
        &format!("error: cannot read {missing}: No such file or directory"),
    );
}

#[test]
fn validate_a_directory_exits_with_2() {
    let dir = TempDir::new("dir");
    let d = dir.0.to_str().unwrap();
    let r = run(&["validate", d]);
    assert_error(&r, 2, &format!("error: cannot read {d}: "));
    assert!(r.stderr.contains("directory"), "{}", r.stderr);
}

#[test]
fn validate_unreadable_wins_over_invalid() {
    let dir = TempDir::new("mixed");
    let bad = dir.write("bad.json", dangling_json());
    let missing = dir.path("missing.json");
    let r = run(&["validate", &bad, missing.to_str().unwrap()]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(
        r.stdout.contains("\"z9\""),
        "the invalid file is still reported: {}",
        r.stdout
    );
}

// ---------------------------------------------------------------- export

#[test]
fn export_writes_next_to_the_input() {
    let dir = TempDir::new("next-to");
    let x = dir.write("x.json", valid_json());
    let r = run(&["export", &x, "--format", "xml"]);
    assert_ok(&r);
    let xml = fs::read_to_string(dir.path("x.xml")).unwrap();
    assert!(xml.starts_with("<?xml"), "{xml}");
    // And back: XML is recognised by content, whatever the name.
    fs::rename(dir.path("x.xml"), dir.path("from-xml.data")).unwrap();
    let back = dir.path("back.json");
    let r = run(&[
        "export",
        dir.path("from-xml.data").to_str().unwrap(),
        "--format",
        "json",
        "-o",
        back.to_str().unwrap(),
    ]);
    assert_ok(&r);
    assert_ok(&run(&["validate", back.to_str().unwrap()]));
    let concept: ConceptDocument = serde_json::from_slice(&fs::read(&back).unwrap()).unwrap();
    assert_eq!(concept.concept, valid_concept());
}

#[test]
fn export_never_overwrites_its_input() {
    let dir = TempDir::new("overwrite");
    let x = dir.write("x.json", valid_json());
    let before = fs::read(&x).unwrap();
    let r = run(&["export", &x, "--format", "json"]);
    assert_error(&r, 2, "would overwrite the input");
    let r = run(&["export", &x, "--format", "json", "-o", &x]);
    assert_error(&r, 2, "would overwrite the input");
    let r = run(&[
        "export",
        &x,
        "--format",
        "json",
        "--out-dir",
        dir.0.to_str().unwrap(),
    ]);
    assert_error(&r, 2, "would overwrite the input");
    assert_eq!(fs::read(&x).unwrap(), before);
    // With another name it works.
    let copy = dir.path("x.export.json");
    assert_ok(&run(&[
        "export",
        &x,
        "--format",
        "json",
        "-o",
        copy.to_str().unwrap(),
    ]));
}

#[test]
fn export_to_stdout() {
    let dir = TempDir::new("stdout");
    let x = dir.write("x.json", valid_json());
    let r = run(&["export", &x, "--format", "json", "-o", "-"]);
    assert_ok(&r);
    let doc: ConceptDocument = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(doc.concept, valid_concept());

    let r = run(&[
        "export",
        "--example",
        "hildesheim",
        "--format",
        "xml",
        "-o",
        "-",
    ]);
    assert_ok(&r);
    assert!(r.stdout.starts_with("<?xml"), "{}", r.stdout);
    assert!(r.stdout.contains("Hildesheim"));
}

#[test]
fn export_refuses_binary_output_to_stdout() {
    let r = run(&[
        "export",
        "--example",
        "hildesheim",
        "--format",
        "xlsx",
        "-o",
        "-",
    ]);
    assert_error(&r, 2, "binary");
    assert!(r.raw_stdout.is_empty());
}

#[test]
fn export_compact_is_smaller() {
    let pretty = run(&[
        "export",
        "--example",
        "hildesheim",
        "--format",
        "json",
        "-o",
        "-",
    ]);
    let compact = run(&[
        "export",
        "--example",
        "hildesheim",
        "--format",
        "json",
        "--compact",
        "-o",
        "-",
    ]);
    assert_ok(&pretty);
    assert_ok(&compact);
    assert!(compact.stdout.len() < pretty.stdout.len());
    let a: serde_json::Value = serde_json::from_str(&pretty.stdout).unwrap();
    let b: serde_json::Value = serde_json::from_str(&compact.stdout).unwrap();
    assert_eq!(a, b);
}

#[test]
fn export_is_reproducible_unless_a_timestamp_is_asked_for() {
    let dir = TempDir::new("timestamp");
    let a = run(&[
        "export",
        "--example",
        "nordsachsen",
        "--format",
        "xml",
        "-o",
        "-",
    ]);
    let b = run(&[
        "export",
        "--example",
        "nordsachsen",
        "--format",
        "xml",
        "-o",
        "-",
    ]);
    assert_ok(&a);
    assert_eq!(a.stdout, b.stdout);
    let out = dir.path("n.xlsx");
    assert_ok(&run(&[
        "export",
        "--example",
        "nordsachsen",
        "--format",
        "xlsx",
        "--timestamp",
        "2024-05-01",
        "-o",
        out.to_str().unwrap(),
    ]));
    assert_ok(&run(&[
        "export",
        "--example",
        "nordsachsen",
        "--format",
        "json",
        "--timestamp",
        "now",
        "-o",
        "-",
    ]));
}

#[test]
fn export_every_example_in_every_format() {
    let dir = TempDir::new("examples");
    for name in EXAMPLES {
        for format in ["json", "xml", "xlsx"] {
            let r = run_in(&dir.0, &["export", "--example", name, "--format", format]);
            assert_ok(&r);
            let out = dir.path(&format!("{name}.{format}"));
            let bytes = fs::read(&out).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
            match format {
                "xlsx" => assert!(bytes.starts_with(b"PK\x03\x04")),
                _ => {
                    let r = run(&["validate", out.to_str().unwrap()]);
                    assert_ok(&r);
                }
            }
        }
    }
}

#[test]
fn export_in_english() {
    let r = run(&[
        "export",
        "--example",
        "helmstedt",
        "--format",
        "xml",
        "--lang",
        "en",
        "-o",
        "-",
    ]);
    assert_ok(&r);
}

#[test]
fn export_an_invalid_document_fails_with_1_and_writes_nothing() {
    let dir = TempDir::new("invalid-export");
    let x = dir.write("x.json", dangling_json());
    let r = run(&["export", &x, "--format", "xlsx"]);
    assert_error(&r, 1, "\"z9\"");
    assert!(
        r.stderr.lines().all(|l| l.starts_with("error: ")),
        "{}",
        r.stderr
    );
    assert!(!dir.path("x.xlsx").exists());
    assert_eq!(
        fs::read_dir(&dir.0).unwrap().count(),
        1,
        "no temporary files left"
    );
}

#[test]
fn export_to_xml_refuses_a_character_xml_cannot_carry() {
    let dir = TempDir::new("control-export");
    let x = dir.write("x.json", control_char_json());
    let r = run(&["export", &x, "--format", "xml"]);
    assert_error(&r, 1, "U+0001");
    assert!(r.stderr.contains("goals[z2].title"), "{}", r.stderr);
    assert!(!dir.path("x.xml").exists());
    let r = run(&["export", &x, "--format", "xml", "-o", "-"]);
    assert_eq!(r.code, 1);
    assert!(!r.stdout.contains("\u{1}"));
}

#[test]
fn export_unreadable_inputs_exit_with_2() {
    let dir = TempDir::new("export-unreadable");
    let missing = dir.path("missing.json");
    let r = run(&[
        "export",
        missing.to_str().unwrap(),
        "--format",
        "json",
        "-o",
        "-",
    ]);
    assert_error(&r, 2, "No such file or directory");
    let r = run(&[
        "export",
        dir.0.to_str().unwrap(),
        "--format",
        "xml",
        "-o",
        "-",
    ]);
    assert_error(&r, 2, "directory");
}

#[test]
fn export_broken_inputs_exit_with_1() {
    let dir = TempDir::new("export-broken");
    let j = dir.write("j.json", "{ nope");
    let x = dir.write("x.xml", "<concept");
    assert_error(
        &run(&["export", &j, "--format", "xml", "-o", "-"]),
        1,
        &format!("error: {j}: "),
    );
    assert_error(
        &run(&["export", &x, "--format", "json", "-o", "-"]),
        1,
        &format!("error: {x}: "),
    );
}

#[test]
fn export_several_inputs_into_a_directory_with_a_summary() {
    let dir = TempDir::new("out-dir");
    let a = dir.write("a.json", valid_json());
    let b = dir.write("b.json", valid_json());
    let c = dir.write("c.json", valid_json());
    let bad = dir.write("bad.json", dangling_json());
    let out = dir.path("out/nested");
    let r = run(&[
        "export",
        &a,
        &b,
        &bad,
        &c,
        "--format",
        "xml",
        "--out-dir",
        out.to_str().unwrap(),
    ]);
    assert_error(&r, 1, "3 exported, 1 failed");
    assert!(
        r.stderr
            .contains(&format!("error: {bad}: measures[W4].goals[1]")),
        "{}",
        r.stderr
    );
    for name in ["a.xml", "b.xml", "c.xml"] {
        assert!(out.join(name).is_file(), "{name}");
    }
    assert!(!out.join("bad.xml").exists());

    // All good: exit code 0, and examples mix with files.
    let r = run(&[
        "export",
        &a,
        "--example",
        "nordsachsen",
        "--example",
        "helmstedt",
        "--format",
        "xlsx",
        "--out-dir",
        out.to_str().unwrap(),
    ]);
    assert_ok(&r);
    assert!(r.stderr.contains("3 exported, 0 failed"), "{}", r.stderr);
    for name in ["a.xlsx", "nordsachsen.xlsx", "helmstedt.xlsx"] {
        assert!(out.join(name).is_file(), "{name}");
    }
}

#[test]
fn export_several_inputs_refuses_one_output_file_and_name_clashes() {
    let dir = TempDir::new("clash");
    let a = dir.write("a.json", valid_json());
    let b = dir.write("b.json", valid_json());
    fs::create_dir(dir.path("sub")).unwrap();
    let a2 = dir.write("sub/a.json", valid_json());
    let r = run(&[
        "export",
        &a,
        &b,
        "--format",
        "xml",
        "-o",
        dir.path("x.xml").to_str().unwrap(),
    ]);
    assert_error(&r, 2, "--out-dir");
    let out = dir.path("out");
    let r = run(&[
        "export",
        &a,
        &a2,
        "--format",
        "xml",
        "--out-dir",
        out.to_str().unwrap(),
    ]);
    assert_error(&r, 2, "a.xml");
    assert!(!out.join("a.xml").exists());
}

#[test]
fn format_options_pass_through_and_unknown_ones_are_refused() {
    let dir = TempDir::new("options");
    let out = dir.path("n.xlsx");
    let r = run(&[
        "export",
        "--example",
        "nordsachsen",
        "--format",
        "xlsx",
        "--constant-memory",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_ok(&r);
    assert!(fs::read(&out).unwrap().starts_with(b"PK\x03\x04"));
    let r = run(&[
        "export",
        "--example",
        "nordsachsen",
        "--format",
        "xlsx",
        "--option",
        "constant-memory=true",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_ok(&r);

    let r = run(&[
        "export",
        "--example",
        "nordsachsen",
        "--format",
        "xlsx",
        "--option",
        "colour=red",
        "-o",
        "-",
    ]);
    assert_error(&r, 2, "colour");
    let r = run(&[
        "export",
        "--example",
        "nordsachsen",
        "--format",
        "json",
        "--constant-memory",
        "-o",
        "-",
    ]);
    assert_error(&r, 2, "constant-memory");
    assert!(r.raw_stdout.is_empty());
}

// ---------------------------------------------------------------- generate

#[test]
fn generate_then_validate() {
    let dir = TempDir::new("generate");
    for name in ["g.json", "g.xml"] {
        let out = dir.path(name);
        let r = run(&[
            "generate",
            "--measures",
            "40",
            "--seed",
            "7",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_ok(&r);
        let r = run(&["validate", out.to_str().unwrap()]);
        assert_ok(&r);
    }
    // The same seed gives the same file; another seed another.
    let again = dir.path("again.json");
    assert_ok(&run(&[
        "generate",
        "--measures",
        "40",
        "--seed",
        "7",
        "-o",
        again.to_str().unwrap(),
    ]));
    assert_eq!(
        fs::read(dir.path("g.json")).unwrap(),
        fs::read(&again).unwrap()
    );
    let other = dir.path("other.json");
    assert_ok(&run(&[
        "generate",
        "--measures",
        "40",
        "--seed",
        "8",
        "-o",
        other.to_str().unwrap(),
    ]));
    assert_ne!(
        fs::read(dir.path("g.json")).unwrap(),
        fs::read(&other).unwrap()
    );

    let doc: ConceptDocument = serde_json::from_slice(&fs::read(&again).unwrap()).unwrap();
    assert_eq!(doc.concept.measures.len(), 40);
}

#[test]
fn generate_needs_a_known_extension_and_a_writable_place() {
    let dir = TempDir::new("generate-bad");
    let r = run(&[
        "generate",
        "--measures",
        "3",
        "-o",
        dir.path("g.txt").to_str().unwrap(),
    ]);
    assert_error(&r, 2, ".json");
    let r = run(&[
        "generate",
        "--measures",
        "3",
        "-o",
        dir.path("no/such/dir/g.json").to_str().unwrap(),
    ]);
    assert_error(&r, 2, "cannot write");
    assert_error(&run(&["generate", "--measures", "3"]), 2, "--output");
}

// ---------------------------------------------------------------- check

#[test]
fn check_json_is_an_array_of_findings() {
    for name in EXAMPLES {
        let r = run(&[
            "check",
            "--example",
            name,
            "--json",
            "--today",
            "2031-06-30",
        ]);
        assert!(r.code == 0 || r.code == 1, "{r:?}");
        let findings: serde_json::Value = serde_json::from_str(&r.stdout)
            .unwrap_or_else(|e| panic!("check --json of {name} is not JSON ({e}):\n{}", r.stdout));
        let findings = findings.as_array().expect("an array");
        let mut errors = 0;
        for f in findings {
            for key in ["severity", "code", "path", "message"] {
                assert!(
                    f.get(key).is_some_and(|v| v.is_string()),
                    "{key} missing in {f}"
                );
            }
            if f["severity"] == "error" {
                errors += 1;
            }
        }
        assert_eq!(
            r.code == 1,
            errors > 0,
            "exit code follows the error findings: {r:?}"
        );
    }
}

#[test]
fn check_a_file_in_both_languages() {
    let dir = TempDir::new("check");
    let x = dir.write("x.json", valid_json());
    for lang in ["de", "en"] {
        let r = run(&["check", &x, "--lang", lang, "--today", "2026-01-01"]);
        assert!(r.code == 0 || r.code == 1, "{r:?}");
        let r = run(&[
            "check",
            &x,
            "--json",
            "--lang",
            lang,
            "--today",
            "2026-01-01",
        ]);
        assert!(serde_json::from_str::<serde_json::Value>(&r.stdout)
            .unwrap()
            .is_array());
    }
    let r = run(&["check", &x]);
    assert!(r.code == 0 || r.code == 1, "{r:?}");
    // Without --today: the concept's evaluation date, as in the workbook.
    for (name, concept) in kreisentwicklung::examples::all() {
        let date = concept.evaluation_date().to_string();
        let given = run(&["check", "--example", name, "--today", &date]);
        assert_eq!(run(&["check", "--example", name]).stdout, given.stdout);
    }
}

#[test]
fn check_failures() {
    let dir = TempDir::new("check-bad");
    let missing = dir.path("missing.json");
    assert_error(
        &run(&["check", missing.to_str().unwrap()]),
        2,
        "No such file or directory",
    );
    assert_error(&run(&["check", dir.0.to_str().unwrap()]), 2, "directory");
    let bad = dir.write("bad.json", dangling_json());
    assert_error(&run(&["check", &bad]), 1, "\"z9\"");
    assert_error(&run(&["check"]), 2, "INPUT");
    assert_error(
        &run(&["check", &bad, "--example", "nordsachsen"]),
        2,
        "--example",
    );
}

// ---------------------------------------------------------------- pipes

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    let dir = TempDir::new("pipe");
    let big = dir.path("big.json");
    assert_ok(&run(&[
        "generate",
        "--measures",
        "2000",
        "-o",
        big.to_str().unwrap(),
    ]));
    assert!(fs::metadata(&big).unwrap().len() > 1 << 20);
    let mut child = Command::new(BIN)
        .args([
            "export",
            big.to_str().unwrap(),
            "--format",
            "xml",
            "-o",
            "-",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0u8; 5];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    // stdout is closed here, long before the export is written.
    let output = child.wait_with_output().unwrap();
    assert_eq!(&head, b"<?xml");
    let run = finish(output);
    assert_ok(&run);
    assert_eq!(run.stderr, "");
}

/// A Kreis (Nordfriesland, 01054) is labelled Kreis, never Landkreis: in
/// the check report (both languages) and in the OParl body.
#[test]
fn a_kreis_is_never_called_landkreis() {
    let dir = TempDir::new("kreis");
    let mut c = valid_concept();
    c.territory = Territory::kreis("Nordfriesland")
        .with_key("01054")
        .with_state(State::SchleswigHolstein);
    let input = dir.write("kreis.json", document(c));
    for lang in ["de", "en"] {
        let r = run(&["check", &input, "--lang", lang, "--today", "2025-06-30"]);
        assert!(r.code == 0 || r.code == 1, "{r:?}");
        assert!(!r.stdout.contains("Landkreis"), "{}", r.stdout);
    }
    let r = run(&[
        "export",
        &input,
        "--format",
        "oparl",
        "--option",
        "base-url=https://ratsinfo.example.de/oparl",
        "-o",
        "-",
    ]);
    assert_ok(&r);
    assert!(r.stdout.contains("\"Kreis Nordfriesland\""), "{}", r.stdout);
    assert!(!r.stdout.contains("Landkreis"), "{}", r.stdout);
}
