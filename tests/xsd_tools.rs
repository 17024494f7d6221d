//! The XSD through two validators, xmllint (libxml2) and python
//! `xmlschema`, on the XML of the five examples; each test fails when its
//! tool is missing and `CI` is set, and skips with a notice otherwise.

mod tools;

use std::ffi::OsStr;

use kreisentwicklung::export::ExportOptions;
use kreisentwicklung::{examples, xml};

/// The scratch directory with the XSD and the XML of every example.
fn example_files(test: &str) -> (std::path::PathBuf, Vec<std::path::PathBuf>) {
    let dir = tools::scratch(test);
    tools::write(&dir, "kreisentwicklung.xsd", xml::XSD);
    tools::write(&dir, xml::XML_XSD_FILE, xml::XML_NAMESPACE_XSD);
    let files = examples::all()
        .map(|(name, concept)| {
            let text = xml::to_string(&concept, &ExportOptions::default()).unwrap();
            tools::write(&dir, &format!("{name}.xml"), &text)
        })
        .collect::<Vec<_>>();
    assert_eq!(files.len(), 5);
    (dir, files)
}

#[test]
fn xmllint_accepts_the_examples() {
    if !tools::available("xmllint", &["--version"], "apt-get install libxml2-utils") {
        return;
    }
    let (dir, files) = example_files("xmllint");
    let xsd = dir.join("kreisentwicklung.xsd");
    for file in &files {
        let args = [
            OsStr::new("--noout"),
            OsStr::new("--nonet"),
            OsStr::new("--schema"),
            xsd.as_os_str(),
            file.as_os_str(),
        ];
        let out = tools::run("xmllint", &args);
        assert!(out.status.success(), "{}", tools::text(&out));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A second, independent XSD 1.0 implementation: the schema itself is
/// checked, then every example, then a document it must refuse.
#[test]
fn python_xmlschema_accepts_the_schema_and_the_examples() {
    if !tools::python_module("xmlschema", "pip install xmlschema") {
        return;
    }
    let (dir, files) = example_files("xmlschema");
    let bad = std::fs::read_to_string(&files[0]).unwrap().replacen(
        "schemaVersion=\"1.1\"",
        "schemaVersion=\"2.0\"",
        1,
    );
    let bad = tools::write(&dir, "bad.xml", &bad);
    let script = "import sys, xmlschema\n\
        schema = xmlschema.XMLSchema10(sys.argv[1])\n\
        for f in sys.argv[2:-1]:\n    schema.validate(f)\n\
        assert not schema.is_valid(sys.argv[-1]), 'schema version 2.0 accepted'\n\
        print('ok', len(sys.argv) - 3)\n";
    let mut args: Vec<&OsStr> = vec![OsStr::new("-c"), OsStr::new(script)];
    let xsd = dir.join("kreisentwicklung.xsd");
    args.push(xsd.as_os_str());
    args.extend(files.iter().map(|f| f.as_os_str()));
    args.push(bad.as_os_str());
    let out = tools::run("python3", &args);
    assert!(out.status.success(), "xmlschema: {}", tools::text(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "ok 5");
    let _ = std::fs::remove_dir_all(&dir);
}
