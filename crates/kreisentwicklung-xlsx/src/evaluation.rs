//! The evaluation the workbook shows: traffic lights from
//! [`kreisentwicklung_core::monitoring`] and findings from
//! [`kreisentwicklung_core::health`], both judged as of one date.

use std::borrow::Cow;

use kreisentwicklung_core::export::Timestamp;
use kreisentwicklung_core::health::{
    count_findings, try_for_each_finding, Finding, HealthOptions, HealthReport, Severity,
};
use kreisentwicklung_core::monitoring::{
    evaluate_indicator, evaluate_measure_with, indicator_progress, summarize, IndicatorStatus,
    LightCounts, MonitoringOptions, MonitoringReport, TrafficLight,
};
use kreisentwicklung_core::{Concept, Date, Indicator, Measure};

use crate::ctx::Index;

/// Lights and findings as of a date.
///
/// In constant-memory mode nothing is kept per indicator, measure or
/// finding: the lights of indicators and measures are evaluated again when
/// their row is written, and the findings when their sheet is written.
pub(crate) struct Evaluation {
    /// The date everything is judged on ("Stand der Auswertung").
    pub today: Date,
    /// Progress and traffic lights; in constant-memory mode without the
    /// per-item `indicators` and `measures` (goals, fields and the whole
    /// concept are kept: they are few).
    pub monitoring: MonitoringReport,
    /// How many indicators show each light.
    pub indicator_lights: LightCounts,
    /// How many measures show each light.
    pub measure_lights: LightCounts,
    /// Gaps in the concept; `None` in constant-memory mode (see
    /// [`Evaluation::health`]).
    health: Option<HealthReport>,
    /// How many findings of each severity, in [`Severity::ALL`] order.
    pub finding_counts: Vec<(Severity, usize)>,
    constant_memory: bool,
    monitoring_options: MonitoringOptions,
    health_options: HealthOptions,
}

impl Evaluation {
    pub(crate) fn new(concept: &Concept, today: Date, constant_memory: bool) -> Self {
        let monitoring_options = MonitoringOptions::new(today);
        let health_options = HealthOptions::new(today);
        // In constant-memory mode only the counts per severity (for the
        // overview); the Prüfbericht sheet has the findings handed to it one
        // at a time when it is written.
        let (health, finding_counts) = if constant_memory {
            let counts = count_findings(concept, &health_options);
            let per_severity = Severity::ALL.iter().map(|&s| (s, counts.get(s))).collect();
            (None, per_severity)
        } else {
            let report = concept.health_report(&health_options);
            let per_severity = Severity::ALL
                .iter()
                .map(|&s| (s, report.count(s)))
                .collect();
            (Some(report), per_severity)
        };
        // In constant-memory mode without an entry per indicator and measure
        // (their rows evaluate their own).
        let (monitoring, indicator_lights, measure_lights) = if constant_memory {
            let s = summarize(concept, &monitoring_options);
            (s.report, s.indicator_lights, s.measure_lights)
        } else {
            let report = concept.monitor(&monitoring_options);
            let (i, m) = (report.indicator_lights(), report.measure_lights());
            (report, i, m)
        };
        Evaluation {
            today,
            monitoring,
            indicator_lights,
            measure_lights,
            health,
            finding_counts,
            constant_memory,
            monitoring_options,
            health_options,
        }
    }

    /// How many findings the health report has.
    pub(crate) fn finding_total(&self) -> usize {
        self.finding_counts.iter().map(|(_, n)| n).sum()
    }

    /// Hands the findings to `f` in report order: the ones kept, else
    /// evaluated now, one at a time, so that none is held.
    pub(crate) fn try_for_each_finding<E>(
        &self,
        concept: &Concept,
        mut f: impl FnMut(&Finding) -> Result<(), E>,
    ) -> Result<(), E> {
        match &self.health {
            Some(report) => report.findings.iter().try_for_each(f),
            None => try_for_each_finding(concept, &self.health_options, |finding| f(&finding)),
        }
    }

    /// The status of the indicator at `index` in the concept's list.
    pub(crate) fn indicator(
        &self,
        index: usize,
        ind: &Indicator,
    ) -> Option<Cow<'_, IndicatorStatus>> {
        if !self.constant_memory {
            self.monitoring.indicators.get(index).map(Cow::Borrowed)
        } else {
            Some(Cow::Owned(evaluate_indicator(
                ind,
                &self.monitoring_options,
            )))
        }
    }

    /// The light of the measure at `index` in the concept's list.
    pub(crate) fn measure_light(
        &self,
        idx: &Index,
        index: usize,
        m: &Measure,
    ) -> Option<TrafficLight> {
        if !self.constant_memory {
            return self.monitoring.measures.get(index).map(|p| p.light);
        }
        let progress = |id: &kreisentwicklung_core::Id| {
            idx.indicators
                .get(id.as_str())
                .and_then(|i| indicator_progress(i, &self.monitoring_options))
        };
        Some(evaluate_measure_with(m, index, &progress, &self.monitoring_options).light)
    }
}

/// The evaluation date: the `today` option; else the day of
/// [`Timestamp::At`]; the system clock's day for [`Timestamp::Now`]; and
/// for [`Timestamp::Fixed`] the latest date the concept records (see
/// [`latest_recorded`]), so that the same input gives the same workbook.
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
        Timestamp::Fixed => latest_recorded(concept).unwrap_or_else(fallback),
    }
}

fn fallback() -> Date {
    Date::from_ymd(2000, 1, 1).expect("a valid date")
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

/// The latest date on which something was recorded as done or measured: a
/// dated status update of a measure, a consultation that took place, an
/// observed value or a baseline of an indicator (the last day of its
/// period). Plans (measure periods, targets, planned consultations, events)
/// do not count.
pub(crate) fn latest_recorded(c: &Concept) -> Option<Date> {
    let updates = c
        .measures
        .iter()
        .flat_map(|m| m.status_history.iter().map(|u| u.date));
    let steps = c
        .resolutions
        .iter()
        .flat_map(|r| r.consultations.iter().filter_map(|s| s.date));
    let values = c.indicators.iter().flat_map(|i| {
        i.observations
            .iter()
            .map(|o| &o.period)
            .chain(i.baseline.iter().filter_map(|b| b.period.as_ref()))
            .filter_map(|p| p.latest().or_else(|| p.earliest()))
    });
    updates.chain(steps).chain(values).max()
}
