//! The XSD binds to plain types: Python classes generated from it with
//! xsdata (`pip install "xsdata[cli]"`) have one named class per XSD type,
//! texts as plain strings with a `lang` attribute (no mixed-content
//! `list[object]`), no nested or numbered classes, and they parse an
//! exported document back to the same texts. JAXB's `xjc` (Debian package
//! `jaxb`) makes one Java class per type, texts a `List<Narrative>` with a
//! `String` value and a `lang` attribute, no `List<Serializable>`, no
//! `otherAttributes`, no nested classes.
//!
//! Without the tool a test prints a notice and passes, unless the
//! environment variable `CI` is set: then it fails.

mod common;

use std::path::Path;
use std::process::Command;

use kreisentwicklung_core::export::ExportOptions;

/// Whether `tool` can run; panics under CI when it cannot.
fn available(tool: &str, version: &str, install: &str) -> bool {
    if Command::new(tool).arg(version).output().is_ok() {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("{tool} is missing but CI is set: install it ({install})");
    }
    eprintln!(
        "notice: {tool} not found; skipping this XSD binding test \
         ({install}; with CI set this test fails instead)"
    );
    false
}

/// A fresh scratch directory with the XSD and the `xml.xsd` it imports.
fn schema_dir(test: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("kreisentwicklung-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("kreisentwicklung.xsd"), kreisentwicklung_xml::XSD).unwrap();
    std::fs::write(
        dir.join(kreisentwicklung_xml::XML_XSD_FILE),
        kreisentwicklung_xml::XML_NAMESPACE_XSD,
    )
    .unwrap();
    dir
}

/// The names of the XSD's named complex types.
fn complex_types() -> Vec<&'static str> {
    let types: Vec<&str> = kreisentwicklung_xml::XSD
        .lines()
        .filter_map(|l| l.strip_prefix("  <xs:complexType name=\""))
        .filter_map(|l| l.split('"').next())
        .collect();
    assert!(types.len() > 80, "{} complex types", types.len());
    types
}

/// The body of `class {name}` in generated Python source, up to the next
/// top-level definition.
fn class_body<'s>(py: &'s str, name: &str) -> &'s str {
    let head = format!("\nclass {name}");
    let start = py
        .find(&format!("{head}:"))
        .or_else(|| py.find(&format!("{head}(")))
        .unwrap_or_else(|| panic!("no class {name}"));
    let rest = &py[start + 1..];
    let end = rest[1..]
        .find("\n@dataclass")
        .or_else(|| rest[1..].find("\nclass "))
        .map_or(rest.len(), |i| i + 1);
    &rest[..end]
}

#[test]
fn xsdata_makes_plain_named_classes_and_reads_an_export() {
    if !available("xsdata", "--version", "pip install \"xsdata[cli]\"") {
        return;
    }
    let dir = schema_dir("xsdata");
    let out = Command::new("xsdata")
        .args([
            "generate",
            "kreisentwicklung.xsd",
            "--package",
            "kek_binding",
        ])
        .current_dir(&dir)
        .output()
        .expect("run xsdata");
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "xsdata failed:\n{log}");
    let py = std::fs::read_to_string(dir.join("kek_binding/kreisentwicklung.py"))
        .unwrap_or_else(|e| panic!("no generated module ({e}):\n{log}"));

    // One top-level class per named complex type of the XSD, no other
    // classes but the code enumerations, none numbered, none nested.
    let classes: Vec<&str> = py
        .lines()
        .filter_map(|l| l.strip_prefix("class "))
        .filter_map(|l| l.split([':', '(']).next())
        .collect();
    let numbered: Vec<&&str> = classes
        .iter()
        .filter(|c| c.ends_with(|ch: char| ch.is_ascii_digit()))
        .collect();
    assert!(numbered.is_empty(), "numbered classes: {numbered:?}");
    let nested: Vec<&str> = py
        .lines()
        .filter(|l| l.starts_with(' ') && l.trim_start().starts_with("class "))
        .filter(|l| l.trim() != "class Meta:")
        .collect();
    assert!(nested.is_empty(), "nested classes: {nested:?}");
    let complex_types: Vec<&str> = kreisentwicklung_xml::XSD
        .lines()
        .filter_map(|l| l.strip_prefix("  <xs:complexType name=\""))
        .filter_map(|l| l.split('"').next())
        .collect();
    assert!(
        complex_types.len() > 80,
        "{} complex types",
        complex_types.len()
    );
    for ty in &complex_types {
        assert!(classes.contains(ty), "no class for the XSD type {ty}");
    }
    // The root element is a class of its own, deriving from its type.
    assert!(py.contains("\nclass Concept(ConceptDocument):"));

    // No mixed content, no wildcards.
    for bad in [
        "object]",
        "\"Wildcard\"",
        "mixed",
        "other_attributes",
        "content:",
    ] {
        assert!(!py.contains(bad), "generated code contains {bad:?}");
    }

    // A text is a list of narratives; a narrative is a plain string with
    // xml:lang as the attribute `lang`.
    let text = class_body(&py, "Text");
    assert!(text.contains("narrative: list[Narrative]"), "{text}");
    let narrative = class_body(&py, "Narrative");
    assert!(narrative.contains("value: str = field("), "{narrative}");
    assert!(narrative.contains("lang: None | str"), "{narrative}");
    assert!(
        narrative.contains("\"type\": \"Attribute\"")
            && narrative.contains("\"namespace\": \"http://www.w3.org/XML/1998/namespace\""),
        "{narrative}"
    );

    // The classes read an export: the title's narratives come back as the
    // main text (no lang) and the translations (with lang), exactly.
    let concept = common::full_concept();
    let xml = kreisentwicklung_xml::to_string(&concept, &ExportOptions::default()).unwrap();
    std::fs::write(dir.join("full.xml"), &xml).unwrap();
    let script = "import json\n\
        from pathlib import Path\n\
        from xsdata.formats.dataclass.parsers import XmlParser\n\
        from kek_binding import Concept\n\
        c = XmlParser().from_path(Path('full.xml'), Concept)\n\
        print(json.dumps([[n.lang, n.value] for n in c.title.narrative]))\n\
        print(json.dumps([m.id for m in c.measures.measure]))\n";
    let out = Command::new("python3")
        .args(["-c", script])
        .current_dir(&dir)
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "the generated classes do not read the export:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let mut lines = stdout.lines();
    let narratives: Vec<(Option<String>, String)> =
        serde_json::from_str(lines.next().unwrap_or("")).unwrap();
    let mut expected = vec![(None, concept.title.text.clone())];
    for (lang, t) in &concept.title.translations {
        expected.push((Some(lang.clone()), t.clone()));
    }
    assert_eq!(narratives, expected);
    let ids: Vec<String> = serde_json::from_str(lines.next().unwrap_or("")).unwrap();
    let expected: Vec<&str> = concept.measures.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, expected);
    let _ = std::fs::remove_dir_all(Path::new(&dir));
}

#[test]
fn xjc_makes_plain_java_classes() {
    if !available("xjc", "-version", "apt-get install jaxb") {
        return;
    }
    let dir = schema_dir("xjc");
    std::fs::create_dir_all(dir.join("out")).unwrap();
    let out = Command::new("xjc")
        .args([
            "-nv",
            "-npa",
            "-d",
            "out",
            "-p",
            "kek",
            "kreisentwicklung.xsd",
        ])
        .current_dir(&dir)
        .output()
        .expect("run xjc");
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "xjc failed:\n{log}");
    let java = |name: &str| {
        std::fs::read_to_string(dir.join("out/kek").join(format!("{name}.java")))
            .unwrap_or_else(|e| panic!("no class {name} ({e}):\n{log}"))
    };
    let mut all = String::new();
    for ty in complex_types() {
        all.push_str(&java(ty));
    }
    for bad in [
        "Serializable",
        "otherAttributes",
        "static class",
        "@XmlMixed",
    ] {
        assert!(!all.contains(bad), "generated Java contains {bad:?}");
    }
    let text = java("Text");
    assert!(
        text.contains("protected List<Narrative> narrative;"),
        "{text}"
    );
    let narrative = java("Narrative");
    assert!(
        narrative.contains("@XmlValue\n    protected String value;"),
        "{narrative}"
    );
    assert!(
        narrative.contains(
            "@XmlAttribute(name = \"lang\", namespace = \"http://www.w3.org/XML/1998/namespace\")\n    protected String lang;"
        ),
        "{narrative}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
