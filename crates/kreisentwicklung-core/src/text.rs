//! Free text in one or more languages.

use std::collections::BTreeMap;
use std::fmt;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Free text in the concept's main language, optionally with translations.
///
/// Most text in a concept is German only; it serializes as a plain JSON
/// string. Bilingual headings (German/Sorbian, German/English) add
/// translations keyed by a BCP 47 language tag, and then serialize as
/// `{"text": "...", "translations": {"hsb": "..."}}`.
///
/// ```
/// use kreisentwicklung_core::Text;
///
/// let t = Text::new("Wirtschaft & Innovation").with_translation("en", "Economy & innovation");
/// assert_eq!(t.as_str(), "Wirtschaft & Innovation");
/// assert_eq!(t.get("en"), Some("Economy & innovation"));
/// assert_eq!(t.get("fr"), None);
/// assert_eq!(Text::from("Mobilität").to_string(), "Mobilität");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Text {
    /// The text in the concept's main language (see `Concept::languages`).
    pub text: String,
    /// Translations, keyed by BCP 47 language tag (`"en"`, `"hsb"`).
    pub translations: BTreeMap<String, String>,
}

impl Text {
    /// Text in the main language only.
    pub fn new(text: impl Into<String>) -> Self {
        Text {
            text: text.into(),
            translations: BTreeMap::new(),
        }
    }

    /// Adds (or replaces) the translation into `lang`.
    #[must_use]
    pub fn with_translation(mut self, lang: impl Into<String>, text: impl Into<String>) -> Self {
        self.translations.insert(lang.into(), text.into());
        self
    }

    /// The text in the main language.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The translation into `lang`, if there is one.
    pub fn get(&self, lang: &str) -> Option<&str> {
        self.translations.get(lang).map(String::as_str)
    }

    /// The translation into `lang`, or the main text when there is none.
    pub fn get_or_main(&self, lang: &str) -> &str {
        self.get(lang).unwrap_or(&self.text)
    }

    /// True when the main text is empty or whitespace only.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::new(s)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text::new(s)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.translations.is_empty() {
            s.serialize_str(&self.text)
        } else {
            let mut m = s.serialize_map(Some(2))?;
            m.serialize_entry("text", &self.text)?;
            m.serialize_entry("translations", &self.translations)?;
            m.end()
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or an object with \"text\" and \"translations\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::new(v))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text::new(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut text: Option<String> = None;
                let mut translations: Option<BTreeMap<String, String>> = None;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "text" if text.is_none() => text = Some(map.next_value()?),
                        "translations" if translations.is_none() => {
                            translations = Some(map.next_value()?)
                        }
                        "text" | "translations" => {
                            return Err(serde::de::Error::custom(format_args!(
                                "duplicate field `{key}`"
                            )))
                        }
                        // Unknown keys are skipped like unknown fields
                        // elsewhere: a newer minor version may add some.
                        _ => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(Text {
                    text: text.ok_or_else(|| serde::de::Error::missing_field("text"))?,
                    translations: translations.unwrap_or_default(),
                })
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Free text in the concept's main language; with translations an object keyed by BCP 47 language tag.",
            "oneOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "properties": {
                        "text": { "type": "string" },
                        "translations": {
                            "type": "object",
                            "minProperties": 1,
                            "propertyNames": { "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$" },
                            "additionalProperties": { "type": "string" }
                        }
                    },
                    "required": ["text", "translations"]
                }
            ]
        })
    }
}
