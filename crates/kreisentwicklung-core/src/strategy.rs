//! Strategy: visions, fields of action, cross-cutting themes and SWOT.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Id, Text};

/// A vision statement (Leitbild), for the whole concept or one field.
///
/// ```
/// use kreisentwicklung_core::Vision;
///
/// let v = Vision::new("Landkreis Helmstedt – Willkommenskultur gelebt.");
/// assert_eq!(v.year, None);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Vision {
    /// The statement.
    pub text: Text,
    /// The year it describes ("Leitbild 2030").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}

impl Vision {
    /// A vision without a year.
    pub fn new(text: impl Into<Text>) -> Self {
        Vision {
            text: text.into(),
            year: None,
        }
    }

    /// A vision for a year ("Leitbild 2030").
    pub fn for_year(text: impl Into<Text>, year: i32) -> Self {
        Vision {
            text: text.into(),
            year: Some(year),
        }
    }
}

impl From<&str> for Vision {
    fn from(s: &str) -> Self {
        Vision::new(s)
    }
}

/// A field of action (Handlungsfeld, Handlungsschwerpunkt).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct FieldOfAction {
    /// Stable identifier.
    pub id: Id,
    /// Displayed number ("1").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Name ("Wirtschaft & Innovation").
    pub name: Text,
    /// The field's own vision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vision: Option<Vision>,
    /// Guiding principles of this field (Leitgedanken, Leitlinien), in
    /// order (since 1.1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guiding_principles: Vec<Text>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

impl FieldOfAction {
    /// A field of action with a name.
    pub fn new(id: impl Into<Id>, name: impl Into<Text>) -> Self {
        FieldOfAction {
            id: id.into(),
            number: None,
            name: name.into(),
            vision: None,
            guiding_principles: Vec::new(),
            description: None,
        }
    }

    /// Sets the displayed number.
    #[must_use]
    pub fn with_number(mut self, number: impl Into<String>) -> Self {
        self.number = Some(number.into());
        self
    }

    /// Sets the field's vision.
    #[must_use]
    pub fn with_vision(mut self, vision: Vision) -> Self {
        self.vision = Some(vision);
        self
    }
}

/// A cross-cutting theme (Querschnittsthema) such as digitalisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CrossCuttingTheme {
    /// Stable identifier.
    pub id: Id,
    /// Name ("Digitalisierung").
    pub name: Text,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The fields it concerns; empty means all fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Id>,
}

impl CrossCuttingTheme {
    /// A theme concerning all fields.
    pub fn new(id: impl Into<Id>, name: impl Into<Text>) -> Self {
        CrossCuttingTheme {
            id: id.into(),
            name: name.into(),
            description: None,
            fields: Vec::new(),
        }
    }

    /// True when the theme concerns the given field.
    pub fn concerns(&self, field: &str) -> bool {
        self.fields.is_empty() || self.fields.iter().any(|f| f == field)
    }
}

/// A SWOT analysis, for the whole concept or one field of action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Swot {
    /// Stable identifier.
    pub id: Id,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// The field of action it covers; none for the whole concept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<Id>,
    /// Topics it considered ("Arbeitsmarkt & Qualifikation").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<Text>,
    /// Strengths (Stärken).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strengths: Vec<Text>,
    /// Weaknesses (Schwächen).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weaknesses: Vec<Text>,
    /// Opportunities (Chancen).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opportunities: Vec<Text>,
    /// Threats (Risiken).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub threats: Vec<Text>,
    /// The document that holds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<Id>,
}
