//! The JSON Schema of a concept document, generated from the Rust types.
//!
//! `schemas/kreisentwicklung.schema.json` and the copy shipped in this crate
//! ([`JSON_SCHEMA`]) are this module's output; a test fails when either
//! drifts from the code.

use schemars::generate::SchemaSettings;
use schemars::transform::{transform_subschemas, Transform};
use schemars::Schema;
use serde_json::{Map, Value};

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

/// The longest string any field may hold, as validation and the XSD say.
const MAX_STRING_CHARS: u64 = crate::validate::MAX_TEXT_CHARS as u64;

/// Makes the generated schema as strict as validation and the XSD, and
/// names every type so code generators need not invent (numbered) names.
///
/// schemars knows the Rust types, not the rules of validation: a `u8`
/// month becomes 0..=255, an `i32` year any integer. The rules are added
/// here, in one place, rather than as attributes spread over the model.
fn tighten(root: &mut Value) {
    if let Some(Value::Object(defs)) = root.get_mut("$defs") {
        // Text is used for required and optional fields alike; required
        // ones must not be blank (validation's `EmptyText`).
        if let Some(mut text) = defs.get("Text").cloned() {
            text["description"] =
                "Free text of an optional field: may be empty, otherwise as Text.".into();
            defs.insert("OptionalText".into(), text);
        }
        not_blank(defs);
        for (name, def) in defs.iter_mut() {
            let Some(obj) = def.as_object_mut() else {
                continue;
            };
            obj.entry("title").or_insert_with(|| name.clone().into());
            if let Some(Value::Array(variants)) = obj.get_mut("oneOf") {
                for variant in variants {
                    title_variant(name, variant);
                }
            }
            bound_integers(name, def);
        }
        lift_variants(defs);
    }
    optional_texts(root);
    walk(root, &mut |obj| {
        // A `$ref` stands alone: with a sibling description, generators
        // (json-schema-to-typescript) copy the referenced type as `Text1`,
        // `Text2`, … The field's meaning is in the Rust docs.
        if obj.contains_key("$ref") {
            obj.retain(|k, _| k == "$ref");
        }
        let is_object = obj.get("type").and_then(Value::as_str) == Some("object");
        if is_object && obj.contains_key("properties") {
            obj.entry("additionalProperties").or_insert(false.into());
        }
        let free_string = obj.get("type").and_then(Value::as_str) == Some("string")
            && !["const", "enum", "pattern", "format"]
                .iter()
                .any(|k| obj.contains_key(*k));
        if free_string {
            obj.entry("maxLength").or_insert(MAX_STRING_CHARS.into());
        }
    });
    if let Some(version) = root.pointer_mut("/properties/schemaVersion") {
        version["pattern"] = format!(r"^{}\.[0-9]+$", crate::SCHEMA_MAJOR).into();
        version["description"] = format!(
            "Schema version, `major.minor`; this schema reads major version {} (\"{}\").",
            crate::SCHEMA_MAJOR,
            SCHEMA_VERSION
        )
        .into();
    }
}

/// Calls `f` on every object schema, depth first.
fn walk(v: &mut Value, f: &mut dyn FnMut(&mut Map<String, Value>)) {
    match v {
        Value::Object(obj) => {
            for child in obj.values_mut() {
                walk(child, f);
            }
            f(obj);
        }
        Value::Array(items) => {
            for child in items {
                walk(child, f);
            }
        }
        _ => {}
    }
}

/// `dateRange` → `DateRange`.
fn upper_camel(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A title for a variant of `oneOf`: `DayPeriod` for the `day` kind of a
/// period, `ActorKindPerson` for a code.
fn title_variant(def: &str, variant: &mut Value) {
    let kind = variant
        .pointer("/properties/kind/const")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let Some(obj) = variant.as_object_mut() else {
        return;
    };
    if obj.contains_key("title") {
        return;
    }
    let title = if let Some(kind) = kind {
        format!("{}{def}", upper_camel(&kind))
    } else if let Some(code) = obj.get("const").and_then(Value::as_str) {
        format!("{def}{}", upper_camel(code))
    } else if obj.get("type").and_then(Value::as_str) == Some("string") {
        format!("Plain{def}")
    } else {
        format!("Translated{def}")
    };
    obj.insert("title".into(), title.into());
}

/// Moves each object variant of a `oneOf` into `$defs` under its title, so
/// every generator names it so (datamodel-code-generator names inline
/// variants `Period1`, `Period2`, … unless told to use titles).
fn lift_variants(defs: &mut Map<String, Value>) {
    let mut lifted = Vec::new();
    for def in defs.values_mut() {
        let Some(Value::Array(variants)) = def.get_mut("oneOf") else {
            continue;
        };
        for variant in variants {
            let is_object = variant.get("type").and_then(Value::as_str) == Some("object");
            let title = variant
                .get("title")
                .and_then(Value::as_str)
                .map(str::to_owned);
            if let (true, Some(title)) = (is_object, title) {
                let reference = serde_json::json!({ "$ref": format!("#/$defs/{title}") });
                lifted.push((title, std::mem::replace(variant, reference)));
            }
        }
    }
    defs.extend(lifted);
    defs.sort_keys();
}

/// The bounds of the integers of a definition, as validation checks them.
fn bound_integers(def: &str, schema: &mut Value) {
    let kind = schema
        .pointer("/properties/kind/const")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    if let Some(Value::Array(variants)) = obj.get_mut("oneOf") {
        for variant in variants {
            bound_integers(def, variant);
        }
    }
    let Some(Value::Object(props)) = obj.get_mut("properties") else {
        return;
    };
    for (prop, p) in props.iter_mut() {
        let is_array = p.get("type").and_then(Value::as_str) == Some("array");
        let target = match p.get_mut("items") {
            Some(items) if is_array => items,
            _ => p,
        };
        if target.get("type").and_then(Value::as_str) != Some("integer") {
            continue;
        }
        let (min, max): (i64, i64) = match (def, kind.as_deref(), prop.as_str()) {
            (_, _, "month" | "months") => (1, 12),
            ("Period", Some("quarter"), "quarter")
            | ("Period", Some("quarters"), "from" | "to") => (1, 4),
            ("Period", Some("halfYear"), "half") => (1, 2),
            // The year of "Ende 2018 / Anfang 2019" has a following year.
            ("Period", Some("turnOfYear"), "year") => (1, 9998),
            ("Concept", _, "revisionCycleYears") => (1, i64::from(u8::MAX)),
            ("Goal", _, "level") => (1, i64::from(crate::MAX_GOAL_LEVEL)),
            // Counts are `u32`; everything else that is an integer is a year.
            _ if target.get("minimum") == Some(&Value::from(0)) => (0, i64::from(u32::MAX)),
            _ => (1, 9999),
        };
        target["minimum"] = min.into();
        target["maximum"] = max.into();
    }
}

/// A pattern that requires a character other than whitespace.
const NOT_BLANK: &str = r"\S";

/// Required text must not be blank (validation's `EmptyText`): the main
/// text of `Text`, and the plain strings validation requires.
fn not_blank(defs: &mut Map<String, Value>) {
    let mut targets = vec!["/oneOf/0".to_owned(), "/oneOf/1/properties/text".to_owned()]
        .into_iter()
        .map(|p| ("Text", p))
        .collect::<Vec<_>>();
    targets.push(("Indicator", "/properties/unit".into()));
    targets.push(("Paper", "/properties/reference".into()));
    for (def, pointer) in targets {
        if let Some(Value::Object(s)) = defs.get_mut(def).and_then(|d| d.pointer_mut(&pointer)) {
            s.insert("minLength".into(), 1.into());
            s.insert("maxLength".into(), MAX_STRING_CHARS.into());
            s.insert("pattern".into(), NOT_BLANK.into());
        }
    }
}

/// Points optional properties of type `Text` at `OptionalText`.
fn optional_texts(root: &mut Value) {
    walk(root, &mut |obj| {
        let required: Vec<String> = obj
            .get("required")
            .and_then(Value::as_array)
            .map(|r| {
                r.iter()
                    .filter_map(|s| s.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        let Some(Value::Object(props)) = obj.get_mut("properties") else {
            return;
        };
        for (name, p) in props.iter_mut() {
            if !required.contains(name) && p.get("$ref") == Some(&Value::from("#/$defs/Text")) {
                p["$ref"] = "#/$defs/OptionalText".into();
            }
        }
    });
}

/// The JSON Schema (draft 2020-12) of a [`ConceptDocument`], as shipped in
/// this crate and in `schemas/kreisentwicklung.schema.json`: the text that
/// [`json_schema_string`] generates.
///
/// ```
/// let schema: serde_json::Value = serde_json::from_str(kreisentwicklung_core::JSON_SCHEMA)?;
/// assert_eq!(schema["title"], "ConceptDocument");
/// assert_eq!(schema["properties"]["schemaVersion"]["pattern"], r"^1\.[0-9]+$");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub const JSON_SCHEMA: &str = include_str!("../kreisentwicklung.schema.json");

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
        // A short title: generators name the root type after it.
        obj.insert("title".into(), "ConceptDocument".into());
    }
    tighten(&mut value);
    value
}

/// The JSON Schema as the pretty-printed text shipped in
/// `schemas/kreisentwicklung.schema.json` (with a trailing newline).
pub fn json_schema_string() -> String {
    let mut s = serde_json::to_string_pretty(&json_schema()).unwrap_or_default();
    s.push('\n');
    s
}

/// The README's example is compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctest;
