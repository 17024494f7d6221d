//! How a concept reports progress, and how much of its catalogues it lists.
//!
//! Real concepts keep their measures in many places: Helmstedt's measures
//! "in die künftige Haushaltsplanung einfließen sollen", others name a few
//! projects "zum Beispiel" and keep the full catalogue in an annex or an
//! online project list. [`Reporting`] says where and how often progress is
//! reported; [`Coverage`] says that a collection lists only some of its
//! items, how many there are and where the rest is kept. Health checks read
//! both, so a concept whose measures live in the budget plan is not judged
//! a concept without measures.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Collection, Date, Frequency, Id, ReportingKind, Text};

/// One way a concept reports its progress (since 1.1).
///
/// Monitoring in the concept's own terms: a report to the Kreistag, the
/// Haushaltsplan, an online project list ("letzte Aktualisierung
/// 13.11.2024").
///
/// ```
/// use kreisentwicklung_core::*;
///
/// let r = Reporting::new(ReportingKind::BudgetPlan)
///     .with_frequency(Frequency::Annual)
///     .since(2019);
/// assert_eq!(r.since_year, Some(2019));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Reporting {
    /// Where progress is reported.
    pub kind: ReportingKind,
    /// How often.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<Frequency>,
    /// The body reported to (an actor: the Kreistag, a committee).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Id>,
    /// The first year it was reported this way ("im Haushaltsplan seit 2019").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since_year: Option<i32>,
    /// When the report or list was last updated ("letzte Aktualisierung
    /// 13.11.2024").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_updated: Option<Date>,
    /// Where it can be read (a web address).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The document that holds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<Id>,
    /// Remark, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

impl Reporting {
    /// Reporting of the given kind, with nothing else known.
    pub fn new(kind: ReportingKind) -> Self {
        Reporting {
            kind,
            frequency: None,
            body: None,
            since_year: None,
            last_updated: None,
            url: None,
            document: None,
            note: None,
        }
    }

    /// Sets how often.
    #[must_use]
    pub fn with_frequency(mut self, frequency: Frequency) -> Self {
        self.frequency = Some(frequency);
        self
    }

    /// Sets the body reported to.
    #[must_use]
    pub fn to_body(mut self, body: impl Into<Id>) -> Self {
        self.body = Some(body.into());
        self
    }

    /// Sets the first year.
    #[must_use]
    pub fn since(mut self, year: i32) -> Self {
        self.since_year = Some(year);
        self
    }

    /// Sets the remark.
    #[must_use]
    pub fn with_note(mut self, note: impl Into<Text>) -> Self {
        self.note = Some(note.into());
        self
    }
}

/// A collection that the concept lists only in part (since 1.1): "zum
/// Beispiel", or "the catalogue has 35 projects, of which these are
/// recorded".
///
/// A Projektkatalog kept apart ("in einem gesonderten Projektkatalog zum
/// KEK gelistet", Nordsachsen) or a list of examples.
///
/// ```
/// use kreisentwicklung_core::*;
///
/// let c = Coverage::partial(Collection::Measures)
///     .with_total(35)
///     .kept_in("Anlage 2: Projektkatalog");
/// assert_eq!(c.total, Some(35));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Coverage {
    /// Which collection.
    pub collection: Collection,
    /// How many items the full list has, when the source says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u32>,
    /// Where the full list is kept, in words ("im Haushaltsplan", "Anlage 1").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept_in: Option<Text>,
    /// The document that holds the full list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<Id>,
}

impl Coverage {
    /// The collection lists only some of its items.
    pub fn partial(collection: Collection) -> Self {
        Coverage {
            collection,
            total: None,
            kept_in: None,
            document: None,
        }
    }

    /// Sets the number of items of the full list.
    #[must_use]
    pub fn with_total(mut self, total: u32) -> Self {
        self.total = Some(total);
        self
    }

    /// Says where the full list is kept.
    #[must_use]
    pub fn kept_in(mut self, place: impl Into<Text>) -> Self {
        self.kept_in = Some(place.into());
        self
    }
}
