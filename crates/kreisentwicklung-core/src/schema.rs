//! The JSON Schema of a concept document, generated from the Rust types.
//!
//! `schemas/kreisentwicklung.schema.json` is this function's output; a test
//! fails when the file drifts from the code.

use schemars::generate::SchemaSettings;
use schemars::transform::{transform_subschemas, Transform};
use schemars::Schema;

use crate::{ConceptDocument, JSON_SCHEMA_ID, SCHEMA_VERSION};

/// `format` values defined by JSON Schema draft 2020-12; everything else
/// (`uint8`, `double`, `int32` that schemars emits) is removed so strict
/// validators accept the schema.
const STANDARD_FORMATS: &[&str] = &[
    "date-time",
    "date",
    "time",
    "duration",
    "email",
    "idn-email",
    "hostname",
    "idn-hostname",
    "ipv4",
    "ipv6",
    "uri",
    "uri-reference",
    "iri",
    "iri-reference",
    "uuid",
    "uri-template",
    "json-pointer",
    "relative-json-pointer",
    "regex",
];

#[derive(Clone)]
struct StandardFormatsOnly;

impl Transform for StandardFormatsOnly {
    fn transform(&mut self, schema: &mut Schema) {
        if let Some(obj) = schema.as_object_mut() {
            // Doc comments carry Rust examples; schema readers get the prose.
            if let Some(serde_json::Value::String(d)) = obj.get_mut("description") {
                if let Some(i) = d.find("```") {
                    d.truncate(i);
                    let trimmed = d.trim_end().to_owned();
                    *d = trimmed;
                }
            }
            let non_standard = obj
                .get("format")
                .and_then(|f| f.as_str())
                .is_some_and(|f| !STANDARD_FORMATS.contains(&f));
            if non_standard {
                obj.remove("format");
            }
        }
        transform_subschemas(self, schema);
    }
}

/// Serialized documents never contain `null` (absent values are left out),
/// so the schema does not allow it where schemars would for `Option`.
#[derive(Clone)]
struct NoNulls;

impl Transform for NoNulls {
    fn transform(&mut self, schema: &mut Schema) {
        transform_subschemas(self, schema);
        let Some(obj) = schema.as_object_mut() else {
            return;
        };
        if let Some(serde_json::Value::Array(types)) = obj.get_mut("type") {
            types.retain(|t| t != "null");
            if types.len() == 1 {
                let single = types.remove(0);
                obj.insert("type".into(), single);
            }
        }
        let is_null =
            |v: &serde_json::Value| v.get("type").and_then(|t| t.as_str()) == Some("null");
        if let Some(serde_json::Value::Array(any)) = obj.get_mut("anyOf") {
            if any.iter().any(is_null) {
                any.retain(|v| !is_null(v));
                if any.len() == 1 {
                    let only = any.remove(0);
                    obj.remove("anyOf");
                    if let serde_json::Value::Object(inner) = only {
                        for (k, v) in inner {
                            obj.entry(k).or_insert(v);
                        }
                    }
                }
            }
        }
    }
}

/// The JSON Schema (draft 2020-12) of a [`ConceptDocument`].
///
/// ```
/// let schema = kreisentwicklung_core::json_schema();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert_eq!(schema["$id"], kreisentwicklung_core::JSON_SCHEMA_ID);
/// ```
pub fn json_schema() -> serde_json::Value {
    let generator = SchemaSettings::draft2020_12()
        .with_transform(StandardFormatsOnly)
        .with_transform(NoNulls)
        .into_generator();
    let schema = generator.into_root_schema_for::<ConceptDocument>();
    let mut value = schema.to_value();
    if let Some(obj) = value.as_object_mut() {
        obj.insert("$id".into(), JSON_SCHEMA_ID.into());
        obj.insert(
            "title".into(),
            "Kreisentwicklungskonzept (county development concept) document".into(),
        );
        obj.insert(
            "x-schemaVersion".into(),
            serde_json::Value::String(SCHEMA_VERSION.into()),
        );
    }
    value
}

/// The JSON Schema as the pretty-printed text shipped in
/// `schemas/kreisentwicklung.schema.json` (with a trailing newline).
pub fn json_schema_string() -> String {
    let mut s = serde_json::to_string_pretty(&json_schema()).unwrap_or_default();
    s.push('\n');
    s
}
