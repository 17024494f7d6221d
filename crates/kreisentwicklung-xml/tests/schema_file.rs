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
        }
        return;
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
