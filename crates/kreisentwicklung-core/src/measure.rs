//! Measures and projects (Maßnahmen, Projektkatalog), with status, costs,
//! funding and budget lines.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    CountyRole, Date, Euro, FundingProgramme, Id, MeasureStatus, Period, Priority, Text,
    TimeHorizon,
};

/// A measure or project of the catalogue.
///
/// ```
/// use kreisentwicklung_core::*;
///
/// let m = Measure::new("W3", "Breitbandausbau in Gewerbegebieten")
///     .with_number("W3")
///     .with_goal("z1-1")
///     .with_goal("z4-2")
///     .with_lead("wifoe")
///     .with_status_update(Date::from_ymd(2024, 11, 13)?, MeasureStatus::InProgress)
///     .with_funding(Funding::programme(FundingProgramme::Grw).with_share_percent(80.0));
/// assert_eq!(m.status, Some(MeasureStatus::InProgress));
/// assert_eq!(m.last_status_update(), Some(Date::from_ymd(2024, 11, 13)?));
/// # Ok::<(), DateError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Measure {
    /// Stable identifier.
    pub id: Id,
    /// Displayed number ("W3", "1.2.4").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Title.
    pub title: Text,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Goals the measure serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Id>,
    /// Fields of action it belongs to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Id>,
    /// The lead actor (Federführung).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<Id>,
    /// Partner actors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<Id>,
    /// The county's own role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub county_role: Option<CountyRole>,
    /// When it runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Short, medium or long term, or continuous.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_horizon: Option<TimeHorizon>,
    /// Priority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// The current status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<MeasureStatus>,
    /// Dated status updates, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status_history: Vec<StatusUpdate>,
    /// Costs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub costs: Option<Costs>,
    /// Funding.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub funding: Vec<Funding>,
    /// Lines in the county budget, per budget year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub budget: Vec<BudgetLine>,
    /// Indicators measuring the measure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Id>,
    /// Documents about it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<Id>,
    /// Expected results (Meilensteine), in order (since 1.1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
}

impl Measure {
    /// A measure with a title.
    pub fn new(id: impl Into<Id>, title: impl Into<Text>) -> Self {
        Measure {
            id: id.into(),
            number: None,
            title: title.into(),
            description: None,
            goals: Vec::new(),
            fields: Vec::new(),
            lead: None,
            partners: Vec::new(),
            county_role: None,
            period: None,
            time_horizon: None,
            priority: None,
            status: None,
            status_history: Vec::new(),
            costs: None,
            funding: Vec::new(),
            budget: Vec::new(),
            indicators: Vec::new(),
            documents: Vec::new(),
            milestones: Vec::new(),
        }
    }

    /// Adds a milestone.
    #[must_use]
    pub fn with_milestone(mut self, milestone: Milestone) -> Self {
        self.milestones.push(milestone);
        self
    }

    /// Sets the displayed number.
    #[must_use]
    pub fn with_number(mut self, number: impl Into<String>) -> Self {
        self.number = Some(number.into());
        self
    }

    /// Adds a goal.
    #[must_use]
    pub fn with_goal(mut self, goal: impl Into<Id>) -> Self {
        self.goals.push(goal.into());
        self
    }

    /// Adds a field of action.
    #[must_use]
    pub fn with_field(mut self, field: impl Into<Id>) -> Self {
        self.fields.push(field.into());
        self
    }

    /// Sets the lead actor.
    #[must_use]
    pub fn with_lead(mut self, lead: impl Into<Id>) -> Self {
        self.lead = Some(lead.into());
        self
    }

    /// Adds a partner.
    #[must_use]
    pub fn with_partner(mut self, partner: impl Into<Id>) -> Self {
        self.partners.push(partner.into());
        self
    }

    /// Sets the period.
    #[must_use]
    pub fn with_period(mut self, period: Period) -> Self {
        self.period = Some(period);
        self
    }

    /// Sets the priority.
    #[must_use]
    pub fn with_priority(mut self, priority: Priority) -> Self {
        self.priority = Some(priority);
        self
    }

    /// Records a dated status update and makes it the current status.
    #[must_use]
    pub fn with_status_update(mut self, date: Date, status: MeasureStatus) -> Self {
        self.status_history.push(StatusUpdate {
            date,
            status,
            note: None,
        });
        self.status = Some(status);
        self
    }

    /// Sets the costs.
    #[must_use]
    pub fn with_costs(mut self, amount: Euro) -> Self {
        self.costs = Some(Costs {
            amount: Some(amount),
            estimated: false,
            note: None,
        });
        self
    }

    /// Adds a funding source.
    #[must_use]
    pub fn with_funding(mut self, funding: Funding) -> Self {
        self.funding.push(funding);
        self
    }

    /// Adds a budget line.
    #[must_use]
    pub fn with_budget_line(mut self, year: i32, amount: Euro) -> Self {
        self.budget.push(BudgetLine {
            year,
            amount,
            account: None,
            note: None,
        });
        self
    }

    /// Adds an indicator.
    #[must_use]
    pub fn with_indicator(mut self, indicator: impl Into<Id>) -> Self {
        self.indicators.push(indicator.into());
        self
    }

    /// The date of the latest status update.
    pub fn last_status_update(&self) -> Option<Date> {
        self.status_history.iter().map(|u| u.date).max()
    }
}

/// A dated status update ("in Bearbeitung, letzte Aktualisierung 13.11.2024").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct StatusUpdate {
    /// When.
    pub date: Date,
    /// The status from that date on.
    pub status: MeasureStatus,
    /// Remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// An expected result of a measure (Meilenstein): what, expected when,
/// and once reached, the day it was (since 1.1).
///
/// Milestones let a council follow a project (Maßnahme, Projekt) between
/// its start and its end.
///
/// ```
/// use kreisentwicklung_core::*;
///
/// let m = Milestone::new("Ergebnis der Wirtschaftlichkeitsuntersuchung")
///     .expected_in("Ende des 1. Quartals 2025".parse()?);
/// assert!(m.reached.is_none());
/// # Ok::<(), PeriodParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Milestone {
    /// What is expected.
    pub title: Text,
    /// When it is expected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<Period>,
    /// The day it was reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reached: Option<Date>,
    /// Remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

impl Milestone {
    /// A milestone with a title.
    pub fn new(title: impl Into<Text>) -> Self {
        Milestone {
            title: title.into(),
            expected: None,
            reached: None,
            note: None,
        }
    }

    /// Sets when it is expected.
    #[must_use]
    pub fn expected_in(mut self, period: Period) -> Self {
        self.expected = Some(period);
        self
    }

    /// Sets the day it was reached.
    #[must_use]
    pub fn reached_on(mut self, date: Date) -> Self {
        self.reached = Some(date);
        self
    }
}

/// Costs of a measure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Costs {
    /// Total amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Euro>,
    /// True when the amount is an estimate.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub estimated: bool,
    /// Remark ("Personalkosten im laufenden Haushalt").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// A funding source of a measure or of the process.
// The default knows nothing yet (every field empty), as a reader starts
// one. (Not in the doc comment above: that is the schema's description.)
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Funding {
    /// The programme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<FundingProgramme>,
    /// The programme's name as written ("LEADER-Region Hildesheimer Land").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme_name: Option<Text>,
    /// Who funds it (an actor: ministry, EU, foundation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funder: Option<Id>,
    /// Share of the costs funded, in percent (0–100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 100))]
    pub share_percent: Option<f64>,
    /// Amount funded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Euro>,
    /// When the funding runs ("2018 - 2021").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
}

impl Funding {
    /// Funding from a programme.
    pub fn programme(programme: FundingProgramme) -> Self {
        Funding {
            programme: Some(programme),
            ..Funding::default()
        }
    }

    /// Sets the funded share in percent.
    #[must_use]
    pub fn with_share_percent(mut self, percent: f64) -> Self {
        self.share_percent = Some(percent);
        self
    }

    /// Sets the funder.
    #[must_use]
    pub fn with_funder(mut self, funder: impl Into<Id>) -> Self {
        self.funder = Some(funder.into());
        self
    }
}

/// An amount in the county budget for one budget year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct BudgetLine {
    /// The budget year (Haushaltsjahr).
    pub year: i32,
    /// The amount.
    pub amount: Euro,
    /// Budget account or product (Produkt, Kostenstelle).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// Remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}
