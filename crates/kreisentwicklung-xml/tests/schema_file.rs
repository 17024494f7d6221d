//! `schemas/kreisentwicklung.xsd` must be exactly what the code generates.

use std::path::PathBuf;

fn schema_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schemas/kreisentwicklung.xsd")
}

#[test]
fn shipped_xsd_matches_the_code() {
    let generated = kreisentwicklung_xml::xsd();
    let path = schema_path();
    if std::env::var_os("UPDATE_SCHEMAS").is_some() {
        std::fs::write(&path, &generated).expect("write schemas/kreisentwicklung.xsd");
        return;
    }
    let shipped = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        shipped == generated,
        "schemas/kreisentwicklung.xsd differs from the schema the code generates.\n\
         If the change to the model or the format is intended, regenerate it with\n\n    \
         UPDATE_SCHEMAS=1 cargo test -p kreisentwicklung-xml\n\n\
         and note the change in CHANGELOG.md (a breaking change needs a new major schema version)."
    );
}

#[test]
fn xsd_names_the_namespace_and_every_code() {
    let xsd = kreisentwicklung_xml::xsd();
    assert!(xsd.contains(&format!(
        "targetNamespace=\"urn:kreisentwicklung:xml:{}\"",
        kreisentwicklung_core::SCHEMA_MAJOR
    )));
    assert_eq!(
        kreisentwicklung_xml::NAMESPACE,
        format!(
            "urn:kreisentwicklung:xml:{}",
            kreisentwicklung_core::SCHEMA_MAJOR
        )
    );
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
