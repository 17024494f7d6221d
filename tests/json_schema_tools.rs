//! The JSON Schema through the tools vendors use: ajv in strict mode
//! (npm `ajv-cli`, `ajv-formats`), datamodel-code-generator (pydantic v2),
//! json-schema-to-typescript, and quicktype's Java classes compiled by
//! `javac`. Each test fails when a tool is missing
//! and `CI` is set, and skips with a notice otherwise.

mod tools;

use std::ffi::OsStr;

use kreisentwicklung::{examples, JSON_SCHEMA};

const NPM: &str = "npm install -g ajv-cli@5 ajv-formats json-schema-to-typescript";
const PIP: &str = "pip install datamodel-code-generator";
const QUICKTYPE: &str = "npm install -g quicktype";
const JDK: &str = "apt-get install openjdk-17-jdk-headless";

/// ajv in strict mode compiles the schema, and the five examples are valid
/// under it (formats such as `date` checked by ajv-formats).
#[test]
fn ajv_strict_compiles_the_schema_and_accepts_the_examples() {
    if !tools::available("ajv", &["help"], NPM) {
        return;
    }
    let dir = tools::scratch("ajv");
    let schema = tools::write(&dir, "kreisentwicklung.schema.json", JSON_SCHEMA);
    let common = [
        "--spec=draft2020",
        "--strict=true",
        "-c",
        "ajv-formats",
        "-s",
    ];
    let mut args: Vec<&OsStr> = vec![OsStr::new("compile")];
    args.extend(common.iter().map(OsStr::new));
    args.push(schema.as_os_str());
    let out = tools::run("ajv", &args);
    assert!(
        out.status.success(),
        "ajv strict refuses the schema:\n{}",
        tools::text(&out)
    );
    assert_eq!(examples::NAMES.len(), 5);
    for name in examples::NAMES {
        let data = tools::write(&dir, &format!("{name}.json"), examples::json(name).unwrap());
        let mut args: Vec<&OsStr> = vec![OsStr::new("validate")];
        args.extend(common.iter().map(OsStr::new));
        args.extend([schema.as_os_str(), OsStr::new("-d"), data.as_os_str()]);
        let out = tools::run("ajv", &args);
        assert!(
            out.status.success(),
            "ajv: {name} is not valid:\n{}",
            tools::text(&out)
        );
    }
    // And ajv does refuse.
    let mut doc: serde_json::Value =
        serde_json::from_str(examples::json("hildesheim").unwrap()).unwrap();
    doc["schemaVersion"] = "2.0".into();
    let bad = tools::write(&dir, "bad.json", &doc.to_string());
    let mut args: Vec<&OsStr> = vec![OsStr::new("validate")];
    args.extend(common.iter().map(OsStr::new));
    args.extend([schema.as_os_str(), OsStr::new("-d"), bad.as_os_str()]);
    assert!(
        !tools::run("ajv", &args).status.success(),
        "ajv accepts schema version 2.0"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Class or type names a generator numbered because it had no name of its
/// own for a type: `Period1`, `Text2`.
fn numbered(names: &[String]) -> Vec<&String> {
    names
        .iter()
        .filter(|n| n.ends_with(|c: char| c.is_ascii_digit()))
        .collect()
}

#[test]
fn pydantic_models_have_one_named_class_per_type() {
    if !tools::available("datamodel-codegen", &["--version"], PIP) {
        return;
    }
    let dir = tools::scratch("pydantic");
    let schema = tools::write(&dir, "kreisentwicklung.schema.json", JSON_SCHEMA);
    let models = dir.join("models.py");
    let args: Vec<&OsStr> = vec![
        OsStr::new("--input"),
        schema.as_os_str(),
        OsStr::new("--input-file-type"),
        OsStr::new("jsonschema"),
        OsStr::new("--output-model-type"),
        OsStr::new("pydantic_v2.BaseModel"),
        OsStr::new("--output"),
        models.as_os_str(),
    ];
    let out = tools::run("datamodel-codegen", &args);
    assert!(
        out.status.success(),
        "datamodel-codegen failed:\n{}",
        tools::text(&out)
    );
    let code = std::fs::read_to_string(&models).unwrap();
    let classes: Vec<String> = code
        .lines()
        .filter_map(|l| l.strip_prefix("class "))
        .filter_map(|l| l.split(['(', ':']).next())
        .map(str::to_owned)
        .collect();
    for expected in [
        "ConceptDocument",
        "Concept",
        "Period",
        "DayPeriod",
        "QuartersPeriod",
        "CalendarDate",
        "Text",
    ] {
        assert!(
            classes.iter().any(|c| c == expected),
            "no class {expected} in:\n{classes:?}"
        );
    }
    assert!(
        numbered(&classes).is_empty(),
        "numbered classes: {:?}",
        numbered(&classes)
    );
    assert!(
        !classes.iter().any(|c| c == "Date"),
        "a class Date shadows datetime.date"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn typescript_types_are_named_and_closed() {
    if !tools::available("json2ts", &["--help"], NPM) {
        return;
    }
    let dir = tools::scratch("typescript");
    let schema = tools::write(&dir, "kreisentwicklung.schema.json", JSON_SCHEMA);
    let ts = dir.join("kreisentwicklung.d.ts");
    let args: Vec<&OsStr> = vec![
        OsStr::new("-i"),
        schema.as_os_str(),
        OsStr::new("-o"),
        ts.as_os_str(),
    ];
    let out = tools::run("json2ts", &args);
    assert!(
        out.status.success(),
        "json2ts failed:\n{}",
        tools::text(&out)
    );
    let code = std::fs::read_to_string(&ts).unwrap();
    let names: Vec<String> = code
        .lines()
        .filter_map(|l| l.strip_prefix("export "))
        .filter_map(|l| l.split_whitespace().nth(1))
        .map(str::to_owned)
        .collect();
    assert!(
        names.iter().any(|n| n == "ConceptDocument"),
        "root type is not ConceptDocument: {names:?}"
    );
    assert!(
        names.iter().any(|n| n == "DayPeriod"),
        "no DayPeriod: {names:?}"
    );
    assert!(
        numbered(&names).is_empty(),
        "numbered types: {:?}",
        numbered(&names)
    );
    assert!(
        !names.iter().any(|n| n == "Date"),
        "a type Date shadows the built-in"
    );
    assert!(
        !code.contains("[k: string]: unknown"),
        "catch-all maps in the TypeScript"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// quicktype, the generator vendors use for Java (and C#, Kotlin, Go), makes
/// one class per type of the schema, named as the schema names it, and the
/// classes compile. quicktype merges the variants of a `oneOf` into one
/// class (`Period` with the fields of every kind), so the variants'
/// differing `from` bounds become one union class `From`: a quicktype
/// design, written down in `schemas/README.md`.
#[test]
fn quicktype_java_classes_are_named_and_compile() {
    if !tools::available("quicktype", &["--version"], QUICKTYPE)
        || !tools::available("javac", &["-version"], JDK)
    {
        return;
    }
    let dir = tools::scratch("quicktype-java");
    let schema = tools::write(&dir, "kreisentwicklung.schema.json", JSON_SCHEMA);
    let src = dir.join("src");
    std::fs::create_dir_all(&src).unwrap();
    let root = src.join("ConceptDocument.java");
    let args: Vec<&OsStr> = vec![
        OsStr::new("--src-lang"),
        OsStr::new("schema"),
        OsStr::new("--lang"),
        OsStr::new("java"),
        OsStr::new("--package"),
        OsStr::new("de.kreisentwicklung"),
        OsStr::new("--just-types"),
        OsStr::new("-o"),
        root.as_os_str(),
        schema.as_os_str(),
    ];
    let out = tools::run("quicktype", &args);
    assert!(
        out.status.success(),
        "quicktype failed:\n{}",
        tools::text(&out)
    );
    let mut classes: Vec<String> = std::fs::read_dir(&src)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.strip_suffix(".java").map(str::to_owned)
        })
        .collect();
    classes.sort();
    for expected in [
        "ConceptDocument",
        "Concept",
        "Measure",
        "Resolution",
        "Votes",
        "Period",
        "BudgetLink",
        "Milestone",
    ] {
        assert!(
            classes.iter().any(|c| c == expected),
            "no class {expected} in:\n{classes:?}"
        );
    }
    assert!(
        numbered(&classes).is_empty(),
        "numbered classes: {:?}",
        numbered(&classes)
    );
    assert!(
        !classes.iter().any(|c| c == "Date"),
        "a class Date shadows java.util.Date"
    );
    let mut args: Vec<std::ffi::OsString> = vec!["-d".into(), dir.join("classes").into()];
    args.extend(
        classes
            .iter()
            .map(|c| src.join(format!("{c}.java")).into_os_string()),
    );
    let args: Vec<&OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    let out = tools::run("javac", &args);
    assert!(
        out.status.success(),
        "the generated Java does not compile:\n{}",
        tools::text(&out)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
