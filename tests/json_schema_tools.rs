//! The JSON Schema through the tools vendors use: ajv in strict mode
//! (npm `ajv-cli`, `ajv-formats`), datamodel-code-generator (pydantic v2)
//! and json-schema-to-typescript. Each test fails when a tool is missing
//! and `CI` is set, and skips with a notice otherwise.

mod tools;

use std::ffi::OsStr;

use kreisentwicklung::{examples, JSON_SCHEMA};

const NPM: &str = "npm install -g ajv-cli@5 ajv-formats json-schema-to-typescript";
const PIP: &str = "pip install datamodel-code-generator";

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
