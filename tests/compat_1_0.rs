//! Documents written in format 1.0 (by this library before format 1.1)
//! still import unchanged: written again they differ only in the version
//! they state. The 1.1 examples say more than 1.0 could (fuzzy council
//! steps, partial catalogues, occasions), so the 1.0 documents are the
//! examples as they were before, and everything they hold is still in the
//! examples.

use kreisentwicklung::{import, json, SCHEMA_VERSION};

fn check(old: &str, current: &str) {
    assert!(old.contains("\"schemaVersion\": \"1.0\""));
    let from_old = import::from_slice(old.as_bytes()).expect("a 1.0 document imports");
    let from_current = import::from_slice(current.as_bytes()).expect("the example imports");
    // Every item of the 1.0 document is in the 1.1 example.
    let old_json = serde_json::to_value(&from_old).unwrap();
    let current_json = serde_json::to_value(&from_current).unwrap();
    for list in [
        "goals",
        "fields",
        "actors",
        "events",
        "documents",
        "resolutions",
    ] {
        let ids = |v: &serde_json::Value| -> Vec<String> {
            v[list]
                .as_array()
                .into_iter()
                .flatten()
                .map(|i| i["id"].as_str().unwrap_or_default().to_owned())
                .collect()
        };
        let current_ids = ids(&current_json);
        for id in ids(&old_json) {
            assert!(current_ids.contains(&id), "{list}[{id}] missing");
        }
    }
    let written = json::to_string(&from_old, true).unwrap();
    assert_eq!(
        written,
        old.replace(
            "\"schemaVersion\": \"1.0\"",
            &format!("\"schemaVersion\": \"{SCHEMA_VERSION}\"")
        )
    );
}

#[test]
fn nordsachsen_written_as_1_0_imports_unchanged() {
    check(
        include_str!("data/nordsachsen-1.0.json"),
        include_str!("../examples/data/nordsachsen.json"),
    );
}

#[test]
fn ludwigslust_parchim_written_as_1_0_imports_unchanged() {
    check(
        include_str!("data/ludwigslust-parchim-1.0.json"),
        include_str!("../examples/data/ludwigslust-parchim.json"),
    );
}
