//! The goal system (Zielsystem).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Id, Priority, Text};

/// The deepest goal level supported.
pub const MAX_GOAL_LEVEL: u8 = 5;

/// A goal in the goal system: an Oberziel (level 1), an Unterziel (level 2)
/// and so on, down to level 5.
///
/// The identifier is stable; the displayed number ("1.2") may change when
/// goals are renumbered.
///
/// ```
/// use kreisentwicklung_core::{Goal, Priority};
///
/// let g = Goal::new("oz1-uz2", 2, "exzellente und flächendeckende Infrastruktur")
///     .with_number("1.2")
///     .with_parent("oz1")
///     .with_priority(Priority::High)
///     .with_focus_area("Nahversorgung / Einzelhandel");
/// assert_eq!(g.level, 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Goal {
    /// Stable identifier.
    pub id: Id,
    /// Displayed number ("1.2").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Level in the tree, 1 for top-level goals, up to 5.
    #[schemars(range(min = 1, max = 5))]
    pub level: u8,
    /// The goal one level up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Id>,
    /// The goal statement.
    pub title: Text,
    /// The key words of the statement, as emphasised in the source
    /// ("attraktiven Wohnraum").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_title: Option<Text>,
    /// Fields of action the goal belongs to (none when it stands above them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Id>,
    /// Priority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// Focus areas, one per bullet ("Stärken auf den Gebieten: …").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub focus_areas: Vec<Text>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Indicators measuring the goal.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Id>,
}

impl Goal {
    /// A goal at the given level.
    pub fn new(id: impl Into<Id>, level: u8, title: impl Into<Text>) -> Self {
        Goal {
            id: id.into(),
            number: None,
            level,
            parent: None,
            title: title.into(),
            short_title: None,
            fields: Vec::new(),
            priority: None,
            focus_areas: Vec::new(),
            description: None,
            indicators: Vec::new(),
        }
    }

    /// Sets the displayed number.
    #[must_use]
    pub fn with_number(mut self, number: impl Into<String>) -> Self {
        self.number = Some(number.into());
        self
    }

    /// Sets the parent goal.
    #[must_use]
    pub fn with_parent(mut self, parent: impl Into<Id>) -> Self {
        self.parent = Some(parent.into());
        self
    }

    /// Adds a field of action.
    #[must_use]
    pub fn with_field(mut self, field: impl Into<Id>) -> Self {
        self.fields.push(field.into());
        self
    }

    /// Sets the priority.
    #[must_use]
    pub fn with_priority(mut self, priority: Priority) -> Self {
        self.priority = Some(priority);
        self
    }

    /// Adds a focus area.
    #[must_use]
    pub fn with_focus_area(mut self, area: impl Into<Text>) -> Self {
        self.focus_areas.push(area.into());
        self
    }

    /// Adds an indicator.
    #[must_use]
    pub fn with_indicator(mut self, indicator: impl Into<Id>) -> Self {
        self.indicators.push(indicator.into());
        self
    }
}
