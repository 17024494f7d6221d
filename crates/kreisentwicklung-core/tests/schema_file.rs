//! `schemas/kreisentwicklung.schema.json` must be exactly what the code generates.

use std::path::PathBuf;

fn schema_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schemas/kreisentwicklung.schema.json")
}

#[test]
fn shipped_json_schema_matches_the_code() {
    let generated = kreisentwicklung_core::json_schema_string();
    let path = schema_path();
    if std::env::var_os("UPDATE_SCHEMAS").is_some() {
        std::fs::write(&path, &generated).expect("write schema");
        return;
    }
    let shipped = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        shipped == generated,
        "schemas/kreisentwicklung.schema.json differs from the schema the code generates.\n\
         If the change to the model is intended, regenerate it with\n\n    \
         UPDATE_SCHEMAS=1 cargo test -p kreisentwicklung-core --test schema_file\n\n\
         and note the change in CHANGELOG.md (a breaking change needs a new major schema version)."
    );
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
