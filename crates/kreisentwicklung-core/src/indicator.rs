//! Indicators with baseline, targets and observed values.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Direction, Id, Period, Text};

/// An indicator (Kennzahl, Zielindikator) with an optional baseline,
/// optional targets and observed values over time.
///
/// ```
/// use kreisentwicklung_core::*;
///
/// let i = Indicator::new("bb", "Haushalte mit mind. 100 Mbit/s", "%", Direction::HigherIsBetter)
///     .with_baseline(42.0, Period::year(2019))
///     .with_target(95.0, Period::year(2030))
///     .with_observation(61.5, Period::year(2022));
/// assert_eq!(i.latest().map(|o| o.value), Some(61.5));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Indicator {
    /// Stable identifier.
    pub id: Id,
    /// Displayed number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Name.
    pub name: Text,
    /// Unit as written ("%", "EUR", "Personen", "Mbit/s").
    pub unit: String,
    /// Whether higher or lower values are better.
    pub direction: Direction,
    /// Description, definition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The starting value (Ausgangswert).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baseline>,
    /// Target values (Zielwerte), possibly several dated ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
    /// Observed values (Ist-Werte) per date or reporting period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observations: Vec<Observation>,
    /// Where the data comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
}

impl Indicator {
    /// An indicator without values.
    pub fn new(
        id: impl Into<Id>,
        name: impl Into<Text>,
        unit: impl Into<String>,
        direction: Direction,
    ) -> Self {
        Indicator {
            id: id.into(),
            number: None,
            name: name.into(),
            unit: unit.into(),
            direction,
            description: None,
            baseline: None,
            targets: Vec::new(),
            observations: Vec::new(),
            source: None,
        }
    }

    /// Sets the baseline.
    #[must_use]
    pub fn with_baseline(mut self, value: f64, period: Period) -> Self {
        self.baseline = Some(Baseline {
            value,
            period: Some(period),
        });
        self
    }

    /// Adds a target.
    #[must_use]
    pub fn with_target(mut self, value: f64, due: Period) -> Self {
        self.targets.push(Target {
            value,
            due: Some(due),
            aspirational: false,
        });
        self
    }

    /// Adds an observed value.
    #[must_use]
    pub fn with_observation(mut self, value: f64, period: Period) -> Self {
        self.observations.push(Observation {
            value,
            period,
            note: None,
        });
        self
    }

    /// The observation of the latest period (by its latest day).
    pub fn latest(&self) -> Option<&Observation> {
        self.observations
            .iter()
            .max_by(|a, b| a.period.cmp(&b.period))
    }

    /// The final target: the one due last (or the last listed when none is dated).
    pub fn final_target(&self) -> Option<&Target> {
        self.targets.iter().max_by(|a, b| a.due.cmp(&b.due))
    }
}

/// The starting value of an indicator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Baseline {
    /// The value.
    pub value: f64,
    /// When it was measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
}

/// A target value (Zielwert) of an indicator (Kennzahl, Zielindikator):
/// binding, or an aim when the concept says "möglichst" or "anzustreben".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Target {
    /// The value to reach.
    pub value: f64,
    /// By when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Period>,
    /// True when the target is an aim ("möglichst", "anzustreben") rather
    /// than a commitment (since 1.1).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub aspirational: bool,
}

/// An observed value of an indicator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Observation {
    /// The value.
    pub value: f64,
    /// The date or reporting period.
    pub period: Period,
    /// Remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}
