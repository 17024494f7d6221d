//! Shared helpers of the tests: the concepts, the OParl schemas.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use kreisentwicklung_core::export::ExportOptions;
use kreisentwicklung_core::generate::{generate, GeneratorOptions};
use kreisentwicklung_core::Concept;
use serde_json::Value;

pub const EXAMPLES: &[&str] = &[
    "hildesheim",
    "helmstedt",
    "bernkastel-wittlich",
    "ludwigslust-parchim",
    "nordsachsen",
];

pub fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn data(path: &str) -> PathBuf {
    manifest().join("tests/data/oparl-1.1").join(path)
}

/// The five examples and a generated concept, by name.
pub fn concepts() -> Vec<(String, Concept)> {
    let mut out: Vec<(String, Concept)> = EXAMPLES
        .iter()
        .map(|name| {
            let text = kreisentwicklung_core::examples::json(name).unwrap();
            let concept =
                kreisentwicklung_json::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name.to_string(), concept)
        })
        .collect();
    out.push(("generated".into(), generate(&GeneratorOptions::new(300))));
    out
}

pub fn options(base: &str) -> ExportOptions {
    ExportOptions::default().option("base-url", base)
}

/// The OParl 1.1 schemas of the specification, by type name, compiled with
/// their `$ref`s between the files resolved locally.
pub struct Schemas {
    pub validators: BTreeMap<String, jsonschema::Validator>,
}

impl Schemas {
    pub fn load() -> Schemas {
        let names = [
            "AgendaItem",
            "Body",
            "Consultation",
            "File",
            "LegislativeTerm",
            "Location",
            "Meeting",
            "Membership",
            "Organization",
            "Paper",
            "Person",
            "System",
        ];
        let docs: Vec<(String, Value)> = names
            .iter()
            .map(|n| {
                let text = std::fs::read_to_string(data(&format!("schema/{n}.json"))).unwrap();
                (n.to_string(), serde_json::from_str(&text).unwrap())
            })
            .collect();
        let mut builder = jsonschema::Registry::new().draft(jsonschema::Draft::Draft7);
        for (n, doc) in &docs {
            builder = builder
                .add(
                    format!("https://schema.oparl.org/1.1/{n}.json"),
                    doc.clone(),
                )
                .unwrap();
        }
        let registry = builder.prepare().expect("the OParl schemas resolve");
        let validators = docs
            .iter()
            .map(|(n, doc)| {
                let mut doc = doc.clone();
                // Compiled at the URL the other files refer to it by.
                doc["$id"] = Value::String(format!("https://schema.oparl.org/1.1/{n}.json"));
                let v = jsonschema::options()
                    .with_draft(jsonschema::Draft::Draft7)
                    .with_registry(&registry)
                    .should_validate_formats(true)
                    .build(&doc)
                    .unwrap_or_else(|e| panic!("{n}: {e}"));
                (n.clone(), v)
            })
            .collect();
        Schemas { validators }
    }

    /// The problems of an object against the schema of its `type`.
    pub fn problems(&self, object: &Value) -> Vec<String> {
        let Some(t) = object["type"].as_str() else {
            return vec!["no type".into()];
        };
        let Some(name) = t.strip_prefix("https://schema.oparl.org/1.1/") else {
            return vec![format!("type {t} is not OParl 1.1")];
        };
        let Some(v) = self.validators.get(name) else {
            return vec![format!("no schema for {name}")];
        };
        v.iter_errors(object)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect()
    }
}
