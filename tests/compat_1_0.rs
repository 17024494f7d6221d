//! Documents written in format 1.0 (by this library before format 1.1)
//! still import unchanged: the same concept, and written again they differ
//! from the 1.1 example only in the version they state.

use kreisentwicklung::{import, json, SCHEMA_VERSION};

fn check(old: &str, current: &str) {
    assert!(old.contains("\"schemaVersion\": \"1.0\""));
    let from_old = import::from_slice(old.as_bytes()).expect("a 1.0 document imports");
    let from_current = import::from_slice(current.as_bytes()).expect("the example imports");
    assert_eq!(from_old, from_current);
    let written = json::to_string(&from_old, true).unwrap();
    assert_eq!(
        written,
        old.replace(
            "\"schemaVersion\": \"1.0\"",
            &format!("\"schemaVersion\": \"{SCHEMA_VERSION}\"")
        )
    );
    assert_eq!(written, current);
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
