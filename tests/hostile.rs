//! Hostile input: every document of `tests/hostile/` (see `expected.txt`
//! there) and a few large ones generated here is refused by
//! `kreisentwicklung::import::from_slice` — no panic, no hang, an error whose
//! message says what is wrong.

use std::collections::BTreeMap;
use std::path::Path;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile");

/// The error message of importing `bytes`; panics if it is accepted.
fn refused(name: &str, bytes: &[u8]) -> String {
    match kreisentwicklung::import::from_slice(bytes) {
        Ok(c) => panic!("{name}: accepted as concept {:?}", c.id),
        Err(e) => e.to_string(),
    }
}

fn assert_refused(name: &str, bytes: &[u8], expected: &str) {
    let message = refused(name, bytes);
    assert!(
        message.contains(expected),
        "{name}: the error does not contain {expected:?}:\n{message}"
    );
}

fn table() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(Path::new(DIR).join("expected.txt")).expect("expected.txt");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (file, expected) = l
                .split_once('\t')
                .unwrap_or_else(|| panic!("expected.txt: no tab in {l:?}"));
            (file.to_owned(), expected.to_owned())
        })
        .collect()
}

#[test]
fn every_hostile_file_is_refused_with_the_expected_error() {
    let table = table();
    let mut files: Vec<String> = std::fs::read_dir(DIR)
        .expect("tests/hostile")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n != "expected.txt")
        .collect();
    files.sort();
    let mut failures = Vec::new();
    for file in &files {
        let Some(expected) = table.get(file) else {
            failures.push(format!("{file}: not listed in expected.txt"));
            continue;
        };
        let bytes = std::fs::read(Path::new(DIR).join(file)).expect("read");
        let result = kreisentwicklung::import::from_slice(&bytes);
        if std::env::var_os("HOSTILE_PRINT").is_some() {
            // HOSTILE_PRINT=1 cargo test --test hostile -- --nocapture
            println!(
                "{file}\t{:?}",
                result.as_ref().map(|c| &c.id).map_err(|e| e.to_string())
            );
        }
        match result {
            Ok(c) => failures.push(format!("{file}: accepted as concept {:?}", c.id)),
            Err(e) if e.to_string().contains(expected.as_str()) => {}
            Err(e) => failures.push(format!("{file}: expected {expected:?} in\n    {e}")),
        }
    }
    for listed in table.keys() {
        if !files.contains(listed) {
            failures.push(format!("{listed}: listed in expected.txt, but missing"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

const J_HEAD: &str = r#"{"schemaVersion": "1.0", "concept": {"id": "kek", "title": "KEK", "kind": "kek", "status": "adopted", "territory": {"name": "Beispiel", "kind": "landkreis"}"#;

const X_HEAD: &str =
    "<concept xmlns=\"urn:kreisentwicklung:xml:1\" schemaVersion=\"1.0\" id=\"c\">\n\
     <title>KEK</title>\n<kind>kek</kind>\n\
     <territory><name>Beispiel</name><kind>landkreis</kind></territory>\n<status>draft</status>\n";

#[test]
fn deeply_nested_json_is_refused_without_overflowing_the_stack() {
    for depth in [200, 100_000] {
        let doc = format!(
            "{J_HEAD}, \"x\": {}{}}}}}",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        assert_refused(
            &format!("JSON arrays {depth} deep"),
            doc.as_bytes(),
            "nested more than 128 levels deep",
        );
        let doc = format!("{}{}", "{\"a\":".repeat(depth), "}".repeat(depth));
        assert_refused(
            &format!("JSON objects {depth} deep"),
            doc.as_bytes(),
            "nested more than 128 levels deep",
        );
    }
}

#[test]
fn deeply_nested_periods_are_refused_without_overflowing_the_stack() {
    let depth = 50_000;
    let json = format!(
        "{J_HEAD}, \"measures\": [{{\"id\": \"m1\", \"title\": \"T\", \"period\": {}{{\"kind\": \"year\", \"year\": 2020}}{}}}]}}}}",
        "{\"kind\": \"since\", \"start\": ".repeat(depth),
        "}".repeat(depth)
    );
    refused("JSON period nested 50,000 deep", json.as_bytes());
    let xml = format!(
        "{X_HEAD}<measures><measure id=\"m1\"><title>T</title><period>{}<year>2020</year>{}</period></measure></measures></concept>",
        "<since>".repeat(depth),
        "</since>".repeat(depth)
    );
    refused("XML period nested 50,000 deep", xml.as_bytes());
}

#[test]
fn deeply_nested_xml_is_refused_without_overflowing_the_stack() {
    let depth = 200_000;
    let xml = format!(
        "{X_HEAD}{}{}</concept>",
        "<a>".repeat(depth),
        "</a>".repeat(depth)
    );
    refused("XML elements 200,000 deep", xml.as_bytes());
    let xml = format!(
        "{X_HEAD}<description>{}x{}</description></concept>",
        "<b>".repeat(depth),
        "</b>".repeat(depth)
    );
    refused("XML markup 200,000 deep inside a text", xml.as_bytes());
}

#[test]
fn huge_strings_are_refused() {
    let big = "Radweg ".repeat(2_000_000 / 7); // 2 MB
    let json = format!("{J_HEAD}, \"measures\": [{{\"id\": \"m1\", \"title\": \"{big}\"}}]}}}}");
    assert_refused(
        "JSON title of 2 MB",
        json.as_bytes(),
        "longer than the limit",
    );
    let xml = format!(
        "{X_HEAD}<measures><measure id=\"m1\"><title>{big}</title></measure></measures></concept>"
    );
    assert_refused("XML title of 2 MB", xml.as_bytes(), "more than the limit");
    let xml = format!(
        "{X_HEAD}<measures><measure id=\"{}\"><title>T</title></measure></measures></concept>",
        "m".repeat(2_000_000)
    );
    refused("XML id of 2 MB", xml.as_bytes());
    let json = format!("{{\"{}\": 1}}", "k".repeat(2_000_000));
    assert_refused("JSON key of 2 MB", json.as_bytes(), "longer than the limit");
}

#[test]
fn many_dangling_references_are_all_reported() {
    let goals: Vec<String> = (0..10_000).map(|i| format!("\"z{i}\"")).collect();
    let json = format!(
        "{J_HEAD}, \"measures\": [{{\"id\": \"m1\", \"title\": \"T\", \"goals\": [{}]}}]}}}}",
        goals.join(",")
    );
    let message = refused("10,000 dangling references", json.as_bytes());
    assert!(
        message.contains("\"z9999\", which does not exist"),
        "{}",
        &message[..500.min(message.len())]
    );
}

#[test]
fn long_goal_cycles_are_found() {
    let n = 10_000;
    let goals: Vec<String> = (0..n)
        .map(|i| {
            format!(
                "{{\"id\": \"g{i}\", \"level\": 1, \"title\": \"G\", \"parent\": \"g{}\"}}",
                (i + 1) % n
            )
        })
        .collect();
    let json = format!("{J_HEAD}, \"goals\": [{}]}}}}", goals.join(","));
    assert_refused(
        "a goal cycle of 10,000",
        json.as_bytes(),
        "parent links form a cycle",
    );
}
