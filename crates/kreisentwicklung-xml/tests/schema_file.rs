//! The XSD shipped in this crate ([`kreisentwicklung_xml::XSD`]) and in the
//! repository's `schemas/` must be exactly what the code generates.

use std::path::PathBuf;

/// The crate's copy and, inside the repository, `schemas/`' copy.
fn schema_paths() -> Vec<PathBuf> {
    let krate = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut paths = vec![krate.join("kreisentwicklung.xsd")];
    // A packaged crate has no `schemas/` beside it; the repository has.
    let repo = krate.join("../../schemas");
    if repo.is_dir() {
        paths.push(repo.join("kreisentwicklung.xsd"));
    }
    paths
}

#[test]
fn shipped_xsd_matches_the_code() {
    let generated = kreisentwicklung_xml::xsd();
    if std::env::var_os("UPDATE_SCHEMAS").is_some() {
        for path in schema_paths() {
            std::fs::write(&path, &generated).expect("write the XSD");
            let xml_xsd = path.with_file_name(kreisentwicklung_xml::XML_XSD_FILE);
            std::fs::write(xml_xsd, kreisentwicklung_xml::XML_NAMESPACE_XSD)
                .expect("write xml.xsd");
        }
        return;
    }
    // The XSD imports the W3C schema of the XML namespace from beside it.
    for path in schema_paths() {
        let xml_xsd = path.with_file_name(kreisentwicklung_xml::XML_XSD_FILE);
        let shipped = std::fs::read_to_string(&xml_xsd).unwrap_or_default();
        assert!(
            shipped == kreisentwicklung_xml::XML_NAMESPACE_XSD,
            "{} is missing or differs from XML_NAMESPACE_XSD: regenerate with \
             UPDATE_SCHEMAS=1 cargo test -p kreisentwicklung-xml --test schema_file",
            xml_xsd.display()
        );
    }
    assert!(
        kreisentwicklung_xml::XSD == generated,
        "XSD (kreisentwicklung.xsd in the crate) differs from the generated schema: \
         regenerate it with UPDATE_SCHEMAS=1 cargo test -p kreisentwicklung-xml --test schema_file"
    );
    for path in schema_paths() {
        let shipped = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            shipped == generated,
            "{} differs from the schema the code generates.\n\
         If the change to the model or the format is intended, regenerate it with\n\n    \
         UPDATE_SCHEMAS=1 cargo test -p kreisentwicklung-xml\n\n\
         and note the change in CHANGELOG.md (a breaking change needs a new major schema version).",
            path.display()
        );
    }
}

#[test]
fn xsd_names_the_namespace_and_every_code() {
    let xsd = kreisentwicklung_xml::xsd();
    assert!(xsd.contains("targetNamespace=\"urn:kreisentwicklung:xml:1.1\""));
    // The namespace names the version of the XML form; its major part is
    // the schema's major version.
    assert_eq!(
        kreisentwicklung_xml::NAMESPACE,
        "urn:kreisentwicklung:xml:1.1"
    );
    assert!(kreisentwicklung_xml::NAMESPACE.starts_with(&format!(
        "urn:kreisentwicklung:xml:{}.",
        kreisentwicklung_core::SCHEMA_MAJOR
    )));
    for list in kreisentwicklung_core::ALL_CODE_LISTS {
        assert!(xsd.contains(&format!("<xs:simpleType name=\"{}Code\">", list.name)));
        assert!(xsd.contains(&format!("fixed=\"{}\"", list.list_id)));
        for (code, _, _) in (list.codes)() {
            assert!(
                xsd.contains(&format!("<xs:enumeration value=\"{code}\">")),
                "{} lacks {code}",
                list.name
            );
        }
    }
}

/// Every type has a name (binding tools make nested or numbered classes of
/// anonymous types), each name once; `xml:lang` is declared by importing
/// the W3C schema, not left to a wildcard.
#[test]
fn xsd_types_are_named_and_xml_lang_is_declared() {
    let xsd = kreisentwicklung_xml::xsd();
    assert!(
        !xsd.contains("<xs:complexType>"),
        "an anonymous complex type"
    );
    assert!(!xsd.contains("mixed=\"true\""), "mixed content");
    assert!(!xsd.contains("<xs:anyAttribute"), "an attribute wildcard");
    let mut names: Vec<&str> = xsd
        .lines()
        .filter_map(|l| {
            l.strip_prefix("  <xs:complexType name=\"")
                .or_else(|| l.strip_prefix("  <xs:simpleType name=\""))
                .or_else(|| l.strip_prefix("  <xs:group name=\""))
        })
        .filter_map(|rest| rest.split('"').next())
        .collect();
    let count = names.len();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), count, "a type name used twice");
    for name in [
        "ConceptDocument",
        "Text",
        "Narrative",
        "MeasureList",
        "GoalRefList",
        "DayPeriod",
    ] {
        assert!(names.contains(&name), "no type {name}");
    }
    // No type is named like the root element (binding tools number one).
    assert!(!names.contains(&"Concept"));
    assert!(xsd.contains(
        "<xs:import namespace=\"http://www.w3.org/XML/1998/namespace\" schemaLocation=\"xml.xsd\"/>"
    ));
    assert_eq!(xsd.matches("<xs:attribute ref=\"xml:lang\"/>").count(), 2);
    assert!(kreisentwicklung_xml::XML_NAMESPACE_XSD.contains("<xs:attribute name=\"lang\">"));
}
