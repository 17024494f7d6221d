//! When a concept came into force and when its revision is due.

use serde::Serialize;

use super::HealthOptions;
use crate::{Concept, ConceptStatus, Date, DocumentKind};

/// The same day `years` years later (28 February for 29 February), if the
/// year is supported.
fn add_years(date: Date, years: i32) -> Option<Date> {
    let y = date.year().checked_add(years)?;
    Date::from_ymd(y, date.month(), date.day())
        .or_else(|_| Date::from_ymd(y, date.month(), 28))
        .ok()
}

/// Where the date a concept has been in force since comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum StartBasis {
    /// The adoption date ([`Concept::adopted_on`](crate::Concept::adopted_on)).
    Adoption,
    /// 31 December of the edition year ([`Edition::year`](crate::Edition::year)).
    Edition,
    /// The last day of the date of the concept's final report or action plan
    /// (the latest one).
    Document,
}

/// The date a concept has been in force since, and where it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InForceSince {
    /// The date.
    pub date: Date,
    /// Where it comes from.
    pub basis: StartBasis,
}

/// The date the concept has been in force since: its adoption date
/// ([`Concept::adopted_on`](crate::Concept::adopted_on)); without one, for a concept that is adopted,
/// in implementation or superseded (it was in force once), 31 December of its edition year, else the last day of
/// the date of its latest final report (Endbericht) or action plan
/// (Handlungskonzept). `None` when none of these is known.
///
/// ```
/// use kreisentwicklung_core::*;
/// use kreisentwicklung_core::health::{in_force_since, StartBasis};
///
/// let c = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"))
///     .with_status(ConceptStatus::InImplementation)
///     .with_document(Document::new("hk", DocumentKind::ActionPlan, "Handlungskonzept 2030")
///         .with_date(Period::year(2023)));
/// let since = in_force_since(&c).unwrap();
/// assert_eq!((since.date, since.basis), (Date::from_ymd(2023, 12, 31)?, StartBasis::Document));
/// # Ok::<(), DateError>(())
/// ```
pub fn in_force_since(concept: &Concept) -> Option<InForceSince> {
    if let Some(date) = concept.adopted_on() {
        return Some(InForceSince {
            date,
            basis: StartBasis::Adoption,
        });
    }
    if !matches!(
        concept.status,
        ConceptStatus::Adopted | ConceptStatus::InImplementation | ConceptStatus::Superseded
    ) {
        return None;
    }
    if let Some(date) = concept
        .edition
        .as_ref()
        .and_then(|e| e.year)
        .and_then(|y| Date::from_ymd(y, 12, 31).ok())
    {
        return Some(InForceSince {
            date,
            basis: StartBasis::Edition,
        });
    }
    concept
        .documents
        .iter()
        .filter(|d| matches!(d.kind, DocumentKind::FinalReport | DocumentKind::ActionPlan))
        .filter_map(|d| d.date.as_ref()?.latest())
        .max()
        .map(|date| InForceSince {
            date,
            basis: StartBasis::Document,
        })
}

/// The date the next full revision (Fortschreibung) is due: the date the
/// concept has been in force since ([`in_force_since`]) plus its revision
/// cycle ([`Concept::revision_cycle_years`](crate::Concept::revision_cycle_years), else
/// [`HealthOptions::default_revision_cycle_years`]). `None` when either is
/// unknown, or when the concept is under review or superseded.
///
/// ```
/// use kreisentwicklung_core::*;
/// use kreisentwicklung_core::health::{review_due, HealthOptions};
///
/// let c = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"))
///     .with_revision_cycle_years(5)
///     .with_resolution(
///         Resolution::new("b", ResolutionKind::Resolution, "Beschluss des KEK")
///             .with_consultation(Consultation::new("kt", ConsultationRole::Decide)
///                 .on(Date::from_ymd(2021, 3, 24)?)
///                 .with_outcome(Outcome::Adopted))
///             .adopting(AdoptionSubject::Concept),
///     );
/// let options = HealthOptions::new(Date::from_ymd(2025, 1, 1)?);
/// assert_eq!(review_due(&c, &options), Some(Date::from_ymd(2026, 3, 24)?));
/// # Ok::<(), DateError>(())
/// ```
pub fn review_due(concept: &Concept, options: &HealthOptions) -> Option<Date> {
    review_schedule(concept, options).map(|(_, due, _)| due)
}

pub(super) fn review_schedule(
    concept: &Concept,
    options: &HealthOptions,
) -> Option<(InForceSince, Date, u8)> {
    if matches!(
        concept.status,
        ConceptStatus::UnderReview | ConceptStatus::Superseded
    ) {
        return None;
    }
    let cycle = concept
        .revision_cycle_years
        .or(options.default_revision_cycle_years)
        .filter(|&y| y > 0)?;
    let start = in_force_since(concept)?;
    let due = add_years(start.date, i32::from(cycle))?;
    Some((start, due, cycle))
}
