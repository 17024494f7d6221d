//! The JSON Schema shipped in this crate ([`JSON_SCHEMA`]) and in the
//! repository's `schemas/` must be exactly what the code generates.

use std::path::PathBuf;

use kreisentwicklung_core::JSON_SCHEMA;

/// The crate's copy and, inside the repository, `schemas/`' copy.
fn schema_paths() -> Vec<PathBuf> {
    let krate = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut paths = vec![krate.join("kreisentwicklung.schema.json")];
    // A packaged crate has no `schemas/` beside it; the repository has.
    let repo = krate.join("../../schemas");
    if repo.is_dir() {
        paths.push(repo.join("kreisentwicklung.schema.json"));
    }
    paths
}

#[test]
fn shipped_json_schema_matches_the_code() {
    let generated = kreisentwicklung_core::json_schema_string();
    if std::env::var_os("UPDATE_SCHEMAS").is_some() {
        for path in schema_paths() {
            std::fs::write(&path, &generated).expect("write schema");
        }
        return;
    }
    let hint = "If the change to the model is intended, regenerate the schema with\n\n    \
         UPDATE_SCHEMAS=1 cargo test -p kreisentwicklung-core --test schema_file\n\n\
         and note the change in CHANGELOG.md (a breaking change needs a new major schema version).";
    assert!(
        JSON_SCHEMA == generated,
        "JSON_SCHEMA (kreisentwicklung.schema.json in the crate) differs from the generated schema.\n{hint}"
    );
    for path in schema_paths() {
        let shipped = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            shipped == generated,
            "{} differs from the generated schema.\n{hint}",
            path.display()
        );
    }
}

#[test]
fn schema_uses_only_standard_formats_and_no_nulls() {
    let schema = kreisentwicklung_core::json_schema();
    let text = serde_json::to_string(&schema).unwrap();
    for bad in [
        "\"uint8\"",
        "\"uint32\"",
        "\"int32\"",
        "\"double\"",
        "\"uint\"",
        "\"int64\"",
        "\"null\"",
        "x-",
    ] {
        assert!(!text.contains(bad), "schema contains {bad}");
    }
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    // camelCase keys on the concept.
    let concept = &schema["$defs"]["Concept"]["properties"];
    assert!(concept.get("crossCuttingThemes").is_some());
    assert!(concept.get("revisionCycleYears").is_some());
    assert_eq!(schema["$defs"]["CalendarDate"]["format"], "date");
    assert!(
        schema["$defs"].get("Date").is_none(),
        "no type named like a built-in"
    );
}

/// Calls `f` with the JSON pointer of every subschema.
fn each_schema(v: &serde_json::Value, at: &str, f: &mut dyn FnMut(&str, &serde_json::Value)) {
    match v {
        serde_json::Value::Object(obj) => {
            f(at, v);
            for (k, child) in obj {
                each_schema(child, &format!("{at}/{k}"), f);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                each_schema(child, &format!("{at}/{i}"), f);
            }
        }
        _ => {}
    }
}

/// What validation checks and the XSD states, the schema states too: no
/// integer without a range, no object open to unknown properties, no free
/// string without the length limit, a title on every type and variant.
#[test]
fn every_integer_object_string_and_type_is_constrained_and_named() {
    let schema = kreisentwicklung_core::json_schema();
    let mut problems = Vec::new();
    each_schema(&schema, "", &mut |at, s| {
        let ty = s.get("type").and_then(|t| t.as_str());
        if ty == Some("integer") && (s.get("minimum").is_none() || s.get("maximum").is_none()) {
            problems.push(format!("{at}: integer without minimum and maximum"));
        }
        if ty == Some("object")
            && s.get("properties").is_some()
            && s.get("additionalProperties") != Some(&serde_json::Value::Bool(false))
        {
            problems.push(format!("{at}: object open to unknown properties"));
        }
        let bounded = ["const", "enum", "pattern", "format", "maxLength"]
            .iter()
            .any(|k| s.get(*k).is_some());
        if ty == Some("string") && !bounded {
            problems.push(format!("{at}: string without a length limit"));
        }
        if s.get("$ref").is_some() && s.as_object().is_some_and(|o| o.len() > 1) {
            problems.push(format!("{at}: $ref with siblings"));
        }
        if let Some(variants) = s.get("oneOf").and_then(|v| v.as_array()) {
            for (i, v) in variants.iter().enumerate() {
                if v.get("title").is_none() && v.get("$ref").is_none() {
                    problems.push(format!("{at}/oneOf/{i}: variant without title"));
                }
            }
        }
    });
    for (name, def) in schema["$defs"].as_object().unwrap() {
        if def.get("title").and_then(|t| t.as_str()) != Some(name.as_str()) {
            problems.push(format!("$defs/{name}: title is not the definition's name"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The numbers: months 1–12, quarters 1–4, years 1–9999, 32,767 chars.
    let defs = &schema["$defs"];
    assert_eq!(defs["MonthPeriod"]["properties"]["month"]["maximum"], 12);
    assert_eq!(defs["MonthPeriod"]["properties"]["month"]["minimum"], 1);
    assert_eq!(defs["QuarterPeriod"]["properties"]["quarter"]["maximum"], 4);
    assert_eq!(defs["HalfYearPeriod"]["properties"]["half"]["maximum"], 2);
    assert_eq!(defs["YearPeriod"]["properties"]["year"]["maximum"], 9999);
    assert_eq!(
        defs["TurnOfYearPeriod"]["properties"]["year"]["maximum"],
        9998
    );
    assert_eq!(defs["Text"]["oneOf"][0]["maxLength"], 32_767);
    assert_eq!(defs["Text"]["oneOf"][0]["minLength"], 1);
    assert!(defs["OptionalText"]["oneOf"][0].get("minLength").is_none());
}

/// The five examples embedded by the `examples` feature (and read by the
/// health and monitoring tests) are copies of the repository's
/// `examples/data/` shipped with the crate (a packaged crate has no
/// `examples/` beside it); inside the repository they must stay equal.
#[test]
fn seed_copies_match_the_examples() {
    let krate = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let copies = krate.join("data");
    let names: Vec<_> = std::fs::read_dir(&copies)
        .expect("data")
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 5, "{names:?}");
    let examples = krate.join("../../examples/data");
    if !examples.is_dir() {
        return;
    }
    for name in names {
        let copy = std::fs::read_to_string(copies.join(&name)).unwrap();
        let original = std::fs::read_to_string(examples.join(&name)).unwrap();
        assert!(
            copy == original,
            "data/{} differs from examples/data: copy it again",
            name.to_string_lossy()
        );
    }
}
