//! One evaluation of a concept as of one date: traffic lights
//! ([`monitoring`](crate::monitoring)) and findings
//! ([`health`](crate::health)) on top of one [`ConceptIndex`].
//!
//! [`Evaluation`] computes what it is asked for when it is asked (an
//! indicator's light, the findings of one severity, the findings one at a
//! time); the eager reports ([`MonitoringReport`], [`HealthReport`]) are
//! collected from it.

use std::ops::ControlFlow;

use crate::health::{self, Finding, FindingCounts, HealthOptions, HealthReport, Severity};
use crate::index::ConceptIndex;
use crate::monitoring::{
    self, IndicatorStatus, MeasureProgress, MonitoringOptions, MonitoringReport, MonitoringSummary,
    Progress,
};
use crate::{Concept, Date, ItemPath};

/// The date a concept is judged at when no date is given, if it records
/// nothing: 1 January 2000 (see [`Concept::evaluation_date`]).
const NOTHING_RECORDED: (i32, u8, u8) = (2000, 1, 1);

impl Concept {
    /// The date the concept is judged at unless a date is given ("Stand der
    /// Auswertung"): the latest date on which the concept records something
    /// as done or measured ([`Concept::latest_recorded_date`]), else
    /// 1 January 2000. Derived from the data, never from the clock, so that
    /// the same concept gives the same report and workbook on any day; the
    /// workbook and `kreisentwicklung check` both use it, and an explicit
    /// date (`--today`, the `today` option) overrides it.
    ///
    /// ```
    /// use kreisentwicklung_core::*;
    ///
    /// let c = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"))
    ///     .with_measure(Measure::new("W1", "Radweg")
    ///         .with_status_update(Date::from_ymd(2024, 5, 2)?, MeasureStatus::InProgress))
    ///     .with_indicator(Indicator::new("bb", "Breitband", "%", Direction::HigherIsBetter)
    ///         .with_observation(65.0, Period::year(2023)));
    /// assert_eq!(c.evaluation_date(), Date::from_ymd(2024, 5, 2)?);
    /// # Ok::<(), DateError>(())
    /// ```
    pub fn evaluation_date(&self) -> Date {
        let (y, m, d) = NOTHING_RECORDED;
        self.latest_recorded_date()
            .unwrap_or_else(|| Date::from_ymd(y, m, d).expect("a valid date"))
    }

    /// The latest date on which something was recorded as done or measured:
    /// a dated status update of a measure, a consultation that took place
    /// (the last day of its period when only a month or year is known), an
    /// observed value or a baseline of an indicator (the last day of its
    /// period). Plans (measure periods, targets, planned consultations,
    /// events) do not count.
    ///
    /// ```
    /// use kreisentwicklung_core::*;
    ///
    /// // Nordsachsen: the project catalogue was submitted on 30.06.2021.
    /// let c = Concept::new("kek", "KEK 2030", ConceptKind::Kek, Territory::landkreis("Nordsachsen"))
    ///     .with_resolution(
    ///         Resolution::new("pk", ResolutionKind::Resolution, "Projektkatalog zum KEK")
    ///             .with_consultation(Consultation::new("kreistag", ConsultationRole::Decide)
    ///                 .on(Date::from_ymd(2021, 6, 30)?)
    ///                 .with_outcome(Outcome::Submitted)),
    ///     );
    /// assert_eq!(c.latest_recorded_date(), Some(Date::from_ymd(2021, 6, 30)?));
    ///
    /// // A council step known only to its month: "im Mai 2024 beschlossen".
    /// let c = Concept::new("kek", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"))
    ///     .with_resolution(
    ///         Resolution::new("b", ResolutionKind::Resolution, "Kreisentwicklungskonzept")
    ///             .with_consultation(Consultation::new("kreistag", ConsultationRole::Decide)
    ///                 .during(Period::month(2024, 5))
    ///                 .with_outcome(Outcome::Adopted)),
    ///     );
    /// assert_eq!(c.latest_recorded_date(), Some(Date::from_ymd(2024, 5, 31)?));
    /// assert_eq!(Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("X"))
    ///     .latest_recorded_date(), None);
    /// # Ok::<(), DateError>(())
    /// ```
    pub fn latest_recorded_date(&self) -> Option<Date> {
        let updates = self
            .measures
            .iter()
            .flat_map(|m| m.status_history.iter().map(|u| u.date));
        // A step known only to its month or year ("Mai 2024") counts with
        // the last day of that period, like an observation.
        let steps = self.resolutions.iter().flat_map(|r| {
            r.consultations
                .iter()
                .filter_map(|s| match (&s.date, &s.period) {
                    (Some(d), _) => Some(*d),
                    (None, Some(p)) => p.latest().or_else(|| p.earliest()),
                    (None, None) => None,
                })
        });
        let values = self.indicators.iter().flat_map(|i| {
            i.observations
                .iter()
                .map(|o| &o.period)
                .chain(i.baseline.iter().filter_map(|b| b.period.as_ref()))
                .filter_map(|p| p.latest().or_else(|| p.earliest()))
        });
        updates.chain(steps).chain(values).max()
    }

    /// Evaluates progress and traffic lights of every indicator, measure,
    /// goal and field of action; see [`monitoring`](crate::monitoring) for
    /// the rules. Never fails, never panics, also on invalid concepts. The
    /// same as [`Evaluation::monitoring_report`].
    ///
    /// ```
    /// use kreisentwicklung_core::*;
    /// use kreisentwicklung_core::monitoring::TrafficLight;
    ///
    /// let c = Concept::new("kek", "KEK 2030", ConceptKind::Kek, Territory::landkreis("Beispiel"))
    ///     .with_goal(Goal::new("z1", 1, "Schnelles Internet überall"))
    ///     .with_measure(Measure::new("W1", "Breitbandausbau").with_goal("z1")
    ///         .with_status_update(Date::from_ymd(2024, 5, 2)?, MeasureStatus::InProgress));
    /// let report = c.monitor(&MonitoringOptions::new(Date::from_ymd(2024, 6, 30)?));
    /// assert_eq!(report.measure("W1").unwrap().progress.unwrap().achieved, 0.5);
    /// assert_eq!(report.goal("z1").unwrap().path, "goals[z1]");
    /// assert_ne!(report.goal("z1").unwrap().light, TrafficLight::Grey);
    /// # Ok::<(), DateError>(())
    /// ```
    pub fn monitor(&self, options: &MonitoringOptions) -> MonitoringReport {
        Evaluation::new(self, options.today)
            .with_monitoring_options(*options)
            .monitoring_report()
    }

    /// The health report of the concept as of `options.today`; see
    /// [`health`](crate::health) for the codes and rules. Never fails, never
    /// panics, also on invalid concepts. The same as
    /// [`Evaluation::health_report`].
    ///
    /// ```
    /// use kreisentwicklung_core::*;
    /// use kreisentwicklung_core::health::FindingCode;
    ///
    /// // Helmstedt in January 2023: goals, but "zu wenige Maßnahmen".
    /// let c = Concept::new("kek", "KEK 2026", ConceptKind::Kek, Territory::landkreis("Helmstedt"))
    ///     .with_goal(Goal::new("oz1", 1, "Attraktiver Wohnraum"));
    /// let report = c.health_report(&HealthOptions::new(Date::from_ymd(2023, 1, 31)?));
    /// assert!(report.has(FindingCode::NoMeasures));
    /// assert_eq!(report.with_code(FindingCode::GoalWithoutMeasures).count(), 1);
    /// # Ok::<(), DateError>(())
    /// ```
    pub fn health_report(&self, options: &HealthOptions) -> HealthReport {
        Evaluation::new(self, options.today)
            .with_health_options(*options)
            .health_report()
    }
}

/// A concept judged as of one date: lights and findings, computed when
/// asked for, from one [`ConceptIndex`].
///
/// ```
/// use kreisentwicklung_core::*;
/// use kreisentwicklung_core::health::FindingCode;
/// use kreisentwicklung_core::monitoring::TrafficLight;
///
/// let concept = Concept::new("kek", "KEK 2030", ConceptKind::Kek, Territory::landkreis("Beispiel"))
///     .with_goal(Goal::new("z1", 1, "Schnelles Internet überall"))
///     .with_indicator(
///         Indicator::new("bb", "Haushalte mit mind. 100 Mbit/s", "%", Direction::HigherIsBetter)
///             .with_baseline(40.0, Period::year(2020))
///             .with_target(90.0, Period::year(2030))
///             .with_observation(65.0, Period::year(2025)),
///     )
///     .with_measure(Measure::new("W1", "Breitbandausbau").with_goal("z1").with_indicator("bb"));
///
/// // Judged at the latest date the data records: 31 December 2025.
/// let eval = Evaluation::of(&concept);
/// assert_eq!(eval.date(), Date::from_ymd(2025, 12, 31)?);
/// assert_eq!(eval.indicator(0).unwrap().light, TrafficLight::Green);
/// assert_eq!(eval.measure(0).unwrap().light, TrafficLight::Green);
/// assert_eq!(eval.monitoring_report().goal("z1").unwrap().light, TrafficLight::Green);
/// assert!(eval.health_report().has(FindingCode::MeasureWithoutLead));
/// # Ok::<(), DateError>(())
/// ```
#[derive(Debug)]
pub struct Evaluation<'c> {
    index: ConceptIndex<'c>,
    monitoring: MonitoringOptions,
    health: HealthOptions,
}

impl<'c> Evaluation<'c> {
    /// The concept judged on `date`, with the default thresholds of
    /// [`MonitoringOptions`] and [`HealthOptions`].
    ///
    /// ```
    /// use kreisentwicklung_core::*;
    ///
    /// let c = Concept::new("kek", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"));
    /// let eval = Evaluation::new(&c, Date::from_ymd(2025, 6, 30)?);
    /// assert_eq!(eval.health_options().today, eval.date());
    /// assert_eq!(eval.monitoring_options().today, eval.date());
    /// # Ok::<(), DateError>(())
    /// ```
    pub fn new(concept: &'c Concept, date: Date) -> Self {
        Evaluation {
            index: ConceptIndex::new(concept),
            monitoring: MonitoringOptions::new(date),
            health: HealthOptions::new(date),
        }
    }

    /// The concept judged at its [`Concept::evaluation_date`].
    pub fn of(concept: &'c Concept) -> Self {
        Evaluation::new(concept, concept.evaluation_date())
    }

    /// Sets the thresholds and pace of the lights; the date stays the
    /// evaluation's.
    #[must_use]
    pub fn with_monitoring_options(mut self, options: MonitoringOptions) -> Self {
        self.monitoring = MonitoringOptions {
            today: self.monitoring.today,
            ..options
        };
        self
    }

    /// Sets the thresholds of the findings; the date stays the evaluation's.
    #[must_use]
    pub fn with_health_options(mut self, options: HealthOptions) -> Self {
        self.health = HealthOptions {
            today: self.health.today,
            ..options
        };
        self
    }

    /// The date everything is judged on.
    pub fn date(&self) -> Date {
        self.monitoring.today
    }

    /// The concept.
    pub fn concept(&self) -> &'c Concept {
        self.index.concept()
    }

    /// The concept's ids, goal tree and references, as the evaluation
    /// resolves them.
    pub fn index(&self) -> &ConceptIndex<'c> {
        &self.index
    }

    /// The options of the lights.
    pub fn monitoring_options(&self) -> &MonitoringOptions {
        &self.monitoring
    }

    /// The options of the findings.
    pub fn health_options(&self) -> &HealthOptions {
        &self.health
    }

    // ----- monitoring -------------------------------------------------------

    /// The evaluation of the indicator at `position` in the concept's list;
    /// see [`monitoring`](crate::monitoring) for the rules.
    ///
    /// ```
    /// use kreisentwicklung_core::*;
    /// use kreisentwicklung_core::monitoring::{GreyReason, TrafficLight};
    ///
    /// // Unemployment: lower is better, 6.0 % → 4.0 %, now 5.5 %.
    /// let concept = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"))
    ///     .with_indicator(Indicator::new("alq", "Arbeitslosenquote", "%", Direction::LowerIsBetter)
    ///         .with_baseline(6.0, Period::year(2019))
    ///         .with_target(4.0, Period::year(2030))
    ///         .with_observation(5.5, Period::year(2024)))
    ///     .with_indicator(Indicator::new("x", "Ohne Ziel", "%", Direction::HigherIsBetter)
    ///         .with_observation(1.0, Period::year(2024)));
    /// let eval = Evaluation::new(&concept, Date::from_ymd(2025, 1, 1)?);
    /// let alq = eval.indicator(0).unwrap();
    /// assert_eq!(alq.raw_progress, Some(0.25));
    /// assert_eq!(alq.light, TrafficLight::Yellow); // 0.25 of an expected 5/11
    /// let x = eval.indicator(1).unwrap();
    /// assert_eq!((x.light, x.grey_reason), (TrafficLight::Grey, Some(GreyReason::NoTarget)));
    /// # Ok::<(), DateError>(())
    /// ```
    pub fn indicator(&self, position: usize) -> Option<IndicatorStatus> {
        let ind = self.concept().indicators.get(position)?;
        let path = ItemPath::item("indicators", &ind.id, position);
        Some(monitoring::assess(ind, &self.monitoring).into_status(ind, path))
    }

    /// The progress of the (first) indicator with the id, as in
    /// [`Evaluation::indicator`]; none when it does not exist or is grey.
    ///
    /// ```
    /// use kreisentwicklung_core::*;
    /// use kreisentwicklung_core::monitoring::Progress;
    ///
    /// let concept = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"))
    ///     .with_indicator(Indicator::new("bb", "Breitband", "%", Direction::HigherIsBetter)
    ///         .with_baseline(40.0, Period::year(2020))
    ///         .with_target(90.0, Period::year(2030))
    ///         .with_observation(65.0, Period::year(2025)));
    /// let eval = Evaluation::new(&concept, Date::from_ymd(2026, 3, 1)?);
    /// assert_eq!(eval.indicator_progress("bb"), Some(Progress::new(0.5, 0.5)));
    /// assert_eq!(eval.indicator_progress("nope"), None);
    /// # Ok::<(), DateError>(())
    /// ```
    pub fn indicator_progress(&self, id: &str) -> Option<Progress> {
        let ind = self.index.indicator(id)?;
        monitoring::assess(ind, &self.monitoring).progress
    }

    /// The evaluation of the measure at `position` in the concept's list,
    /// the same as its entry in [`Evaluation::monitoring_report`].
    ///
    /// ```
    /// use kreisentwicklung_core::*;
    /// use kreisentwicklung_core::monitoring::{ProgressBasis, TrafficLight};
    ///
    /// let concept = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"))
    ///     .with_measure(Measure::new("W1", "Radweg")
    ///         .with_status_update(Date::from_ymd(2024, 5, 2)?, MeasureStatus::InProgress));
    /// let m = Evaluation::of(&concept).measure(0).unwrap();
    /// assert_eq!((m.light, m.basis), (TrafficLight::Yellow, ProgressBasis::Status));
    /// assert_eq!(m.path, "measures[W1]");
    /// # Ok::<(), DateError>(())
    /// ```
    pub fn measure(&self, position: usize) -> Option<MeasureProgress> {
        let m = self.concept().measures.get(position)?;
        let path = ItemPath::item("measures", &m.id, position);
        let progress = |id: &crate::Id| self.indicator_progress(id.as_str());
        Some(monitoring::evaluate_measure(
            m,
            path,
            &progress,
            &self.monitoring,
        ))
    }

    /// Every indicator, measure, goal and field of action, and the concept
    /// as a whole; see [`monitoring`](crate::monitoring).
    ///
    /// ```
    /// use kreisentwicklung_core::*;
    /// use kreisentwicklung_core::monitoring::TrafficLight;
    ///
    /// let c = Concept::new("kek", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"))
    ///     .with_field(FieldOfAction::new("hf1", "Digitalisierung"))
    ///     .with_goal(Goal::new("z1", 1, "Schnelles Internet überall").with_field("hf1"))
    ///     .with_measure(Measure::new("W1", "Breitbandausbau").with_goal("z1")
    ///         .with_status_update(Date::from_ymd(2024, 5, 2)?, MeasureStatus::Completed));
    /// let report = Evaluation::of(&c).monitoring_report();
    /// assert_eq!(report.field("hf1").unwrap().light, TrafficLight::Green);
    /// assert_eq!(report.measure_lights().get(TrafficLight::Green), 1);
    /// # Ok::<(), DateError>(())
    /// ```
    pub fn monitoring_report(&self) -> MonitoringReport {
        monitoring::evaluate_keeping(&self.index, &self.monitoring, true).report
    }

    /// The goals, fields of action and the whole concept as in
    /// [`Evaluation::monitoring_report`], and how many indicators and
    /// measures show each light, without an entry per indicator and measure:
    /// for a catalogue of 100,000 measures written one row at a time, each
    /// row asking [`Evaluation::indicator`] or [`Evaluation::measure`].
    ///
    /// ```
    /// use kreisentwicklung_core::*;
    ///
    /// let concept = Concept::new("kek", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"))
    ///     .with_goal(Goal::new("oz1", 1, "Breitband"))
    ///     .with_measure(Measure::new("m1", "Glasfaser").with_goal("oz1")
    ///         .with_status_update(Date::from_ymd(2024, 5, 1)?, MeasureStatus::Completed));
    /// let eval = Evaluation::new(&concept, Date::from_ymd(2025, 1, 1)?);
    /// let summary = eval.monitoring_summary();
    /// let full = eval.monitoring_report();
    /// assert_eq!(summary.measure_lights.green, 1);
    /// assert!(summary.report.measures.is_empty());
    /// assert_eq!(summary.report.goals, full.goals);
    /// assert_eq!(summary.measure_lights, full.measure_lights());
    /// # Ok::<(), DateError>(())
    /// ```
    pub fn monitoring_summary(&self) -> MonitoringSummary {
        monitoring::evaluate_keeping(&self.index, &self.monitoring, false)
    }

    // ----- health -----------------------------------------------------------

    /// Every finding, in report order (see [Order](crate::health#order)).
    ///
    /// ```
    /// use kreisentwicklung_core::*;
    /// use kreisentwicklung_core::health::Severity;
    ///
    /// let c = Concept::new("kek", "KEK", ConceptKind::Kek, Territory::landkreis("Helmstedt"))
    ///     .with_goal(Goal::new("oz1", 1, "Attraktiver Wohnraum"));
    /// let report = Evaluation::new(&c, Date::from_ymd(2023, 1, 31)?).health_report();
    /// // Errors first: no-measures.
    /// assert_eq!(report.findings[0].severity, Severity::Error);
    /// assert_eq!(report.findings[0].path, "measures");
    /// # Ok::<(), DateError>(())
    /// ```
    pub fn health_report(&self) -> HealthReport {
        let mut findings = Vec::new();
        health::emit(&self.index, &self.health, None, &mut |f| {
            findings.push(f);
            ControlFlow::Continue(())
        });
        findings.sort_by_key(|f| f.severity); // stable: keeps the check order
        HealthReport { findings }
    }

    /// Hands the findings to `f` one at a time, in report order, without
    /// holding them: memory stays the same however many findings a
    /// catalogue of 100,000 measures has. The checks run once per
    /// [`Severity`], formatting only the findings of the severity at hand.
    ///
    /// ```
    /// use kreisentwicklung_core::*;
    ///
    /// let concept = Concept::new("kek", "KEK", ConceptKind::Kek, Territory::landkreis("Helmstedt"))
    ///     .with_goal(Goal::new("oz1", 1, "Attraktiver Wohnraum"));
    /// let eval = Evaluation::new(&concept, Date::from_ymd(2023, 1, 31)?);
    /// let mut codes = Vec::new();
    /// eval.for_each_finding(|f| codes.push(f.code.as_str()));
    /// assert_eq!(codes, ["no-measures", "no-goal-priorities", "no-public-participation", "goal-without-measures"]);
    /// # Ok::<(), DateError>(())
    /// ```
    pub fn for_each_finding(&self, mut f: impl FnMut(Finding)) {
        let never = self.try_for_each_finding(|finding| {
            f(finding);
            Ok::<(), std::convert::Infallible>(())
        });
        match never {
            Ok(()) => {}
            Err(e) => match e {},
        }
    }

    /// Like [`Evaluation::for_each_finding`], but stops at the first error
    /// `f` returns and returns it — for writers that can fail.
    ///
    /// ```
    /// use kreisentwicklung_core::*;
    ///
    /// let concept = Concept::new("kek", "KEK", ConceptKind::Kek, Territory::landkreis("Helmstedt"))
    ///     .with_goal(Goal::new("oz1", 1, "Attraktiver Wohnraum"));
    /// let eval = Evaluation::new(&concept, Date::from_ymd(2023, 1, 31)?);
    /// let mut seen = 0;
    /// let stopped = eval.try_for_each_finding(|_| { seen += 1; if seen == 2 { Err("full") } else { Ok(()) } });
    /// assert_eq!((stopped, seen), (Err("full"), 2));
    /// # Ok::<(), DateError>(())
    /// ```
    pub fn try_for_each_finding<E>(
        &self,
        mut f: impl FnMut(Finding) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut error = None;
        for &severity in Severity::ALL {
            self.emit_of(severity, &mut f, &mut error);
            if error.is_some() {
                break;
            }
        }
        error.map_or(Ok(()), Err)
    }

    /// The findings of one severity, in report order, handed to `f` one at a
    /// time (the checks of other severities are skipped).
    ///
    /// ```
    /// use kreisentwicklung_core::*;
    /// use kreisentwicklung_core::health::Severity;
    ///
    /// let concept = Concept::new("kek", "KEK", ConceptKind::Kek, Territory::landkreis("Helmstedt"))
    ///     .with_goal(Goal::new("oz1", 1, "Attraktiver Wohnraum"));
    /// let eval = Evaluation::new(&concept, Date::from_ymd(2023, 1, 31)?);
    /// let mut errors = Vec::new();
    /// eval.for_each_finding_of(Severity::Error, |f| errors.push(f.code.as_str()));
    /// assert_eq!(errors, ["no-measures"]);
    /// # Ok::<(), DateError>(())
    /// ```
    pub fn for_each_finding_of(&self, severity: Severity, mut f: impl FnMut(Finding)) {
        let mut none: Option<std::convert::Infallible> = None;
        self.emit_of(
            severity,
            &mut |finding| {
                f(finding);
                Ok(())
            },
            &mut none,
        );
    }

    fn emit_of<E>(
        &self,
        severity: Severity,
        f: &mut impl FnMut(Finding) -> Result<(), E>,
        error: &mut Option<E>,
    ) {
        let mut to = |finding: Finding| match f(finding) {
            Ok(()) => ControlFlow::Continue(()),
            Err(e) => {
                *error = Some(e);
                ControlFlow::Break(())
            }
        };
        health::emit(&self.index, &self.health, Some(severity), &mut to);
    }

    /// How many findings of each severity there are, counted without
    /// formatting a single message or path (what a summary needs).
    ///
    /// ```
    /// use kreisentwicklung_core::*;
    /// use kreisentwicklung_core::health::Severity;
    ///
    /// let concept = Concept::new("kek", "KEK", ConceptKind::Kek, Territory::landkreis("Helmstedt"))
    ///     .with_goal(Goal::new("oz1", 1, "Attraktiver Wohnraum"));
    /// let eval = Evaluation::new(&concept, Date::from_ymd(2023, 1, 31)?);
    /// let counts = eval.finding_counts();
    /// assert_eq!((counts.get(Severity::Error), counts.get(Severity::Warning)), (1, 3));
    /// assert_eq!(counts.total(), eval.health_report().findings.len());
    /// # Ok::<(), DateError>(())
    /// ```
    pub fn finding_counts(&self) -> FindingCounts {
        health::count_all(&self.index, &self.health)
    }
}
