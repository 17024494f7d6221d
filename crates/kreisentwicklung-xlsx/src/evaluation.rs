//! The evaluation the workbook shows: traffic lights and findings of one
//! [`kreisentwicklung_core::Evaluation`], judged as of one date.
//!
//! Nothing is kept per indicator, measure or finding: the roll-ups (goals,
//! fields of action, the whole concept) and the counts are computed once,
//! and each row asks the evaluation for its own light, each finding is
//! handed over when the Prüfbericht is written. The same in either memory
//! mode, so the two workbooks agree by construction.

use kreisentwicklung_core::export::Timestamp;
use kreisentwicklung_core::health::{Finding, Severity};
use kreisentwicklung_core::monitoring::{
    IndicatorStatus, LightCounts, MonitoringReport, TrafficLight,
};
use kreisentwicklung_core::{Concept, ConceptIndex, Date};

/// Lights and findings as of a date.
pub(crate) struct Evaluation<'c> {
    core: kreisentwicklung_core::Evaluation<'c>,
    /// The date everything is judged on ("Stand der Auswertung").
    pub today: Date,
    /// Progress and traffic lights of goals, fields and the whole concept
    /// (the per-item `indicators` and `measures` are left empty: rows ask
    /// [`Evaluation::indicator`] and [`Evaluation::measure_light`]).
    pub monitoring: MonitoringReport,
    /// How many indicators show each light.
    pub indicator_lights: LightCounts,
    /// How many measures show each light.
    pub measure_lights: LightCounts,
    /// How many findings of each severity, in [`Severity::ALL`] order.
    pub finding_counts: Vec<(Severity, usize)>,
}

impl<'c> Evaluation<'c> {
    pub(crate) fn new(concept: &'c Concept, today: Date) -> Self {
        let core = kreisentwicklung_core::Evaluation::new(concept, today);
        let counts = core.finding_counts();
        let finding_counts = Severity::ALL.iter().map(|&s| (s, counts.get(s))).collect();
        let summary = core.monitoring_summary();
        Evaluation {
            today,
            monitoring: summary.report,
            indicator_lights: summary.indicator_lights,
            measure_lights: summary.measure_lights,
            finding_counts,
            core,
        }
    }

    /// The concept's ids and references, resolved once for every sheet.
    pub(crate) fn index(&self) -> &ConceptIndex<'c> {
        self.core.index()
    }

    /// How many findings the health report has.
    pub(crate) fn finding_total(&self) -> usize {
        self.finding_counts.iter().map(|(_, n)| n).sum()
    }

    /// Hands the findings to `f` in report order, one at a time.
    pub(crate) fn try_for_each_finding<E>(
        &self,
        mut f: impl FnMut(&Finding) -> Result<(), E>,
    ) -> Result<(), E> {
        self.core.try_for_each_finding(|finding| f(&finding))
    }

    /// The status of the indicator at `index` in the concept's list.
    pub(crate) fn indicator(&self, index: usize) -> Option<IndicatorStatus> {
        self.core.indicator(index)
    }

    /// The light of the measure at `index` in the concept's list.
    pub(crate) fn measure_light(&self, index: usize) -> Option<TrafficLight> {
        self.core.measure(index).map(|m| m.light)
    }
}

/// The evaluation date: the `today` option; else the day of
/// [`Timestamp::At`]; the system clock's day for [`Timestamp::Now`]; and
/// for [`Timestamp::Fixed`] the concept's own
/// [`Concept::evaluation_date`], so that the same input gives the same
/// workbook (and the dates `kreisentwicklung check` judges at).
pub(crate) fn evaluation_date(
    concept: &Concept,
    today: Option<Date>,
    timestamp: Timestamp,
) -> Date {
    if let Some(today) = today {
        return today;
    }
    match timestamp {
        Timestamp::At(d) => d,
        Timestamp::Now => system_today(),
        Timestamp::Fixed => concept.evaluation_date(),
    }
}

/// Today by the system clock (UTC).
fn system_today() -> Date {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0);
    Date::from_ymd(1970, 1, 1)
        .expect("a valid date")
        .add_days(i64::try_from(days).unwrap_or(0))
}
