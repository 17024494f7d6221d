//! Monitoring: progress and traffic lights (Ampel) for indicators, measures,
//! goals and fields of action, computed from the data — never typed in.
//!
//! One call evaluates a whole concept as of a date the caller passes (there
//! is no hidden clock):
//!
//! ```
//! use kreisentwicklung_core::*;
//! use kreisentwicklung_core::monitoring::{MonitoringOptions, TrafficLight};
//!
//! let concept = Concept::new("c", "KEK 2030", ConceptKind::Kek, Territory::landkreis("Beispiel"))
//!     .with_field(FieldOfAction::new("hf1", "Infrastruktur & Mobilität"))
//!     .with_goal(Goal::new("z1", 1, "Schnelles Internet überall").with_field("hf1"))
//!     .with_indicator(
//!         Indicator::new("bb", "Haushalte mit mind. 100 Mbit/s", "%", Direction::HigherIsBetter)
//!             .with_baseline(40.0, Period::year(2020))
//!             .with_target(90.0, Period::year(2030))
//!             .with_observation(65.0, Period::year(2025)),
//!     )
//!     .with_measure(Measure::new("W1", "Breitbandausbau").with_goal("z1").with_indicator("bb"));
//!
//! let report = concept.monitor(&MonitoringOptions::new(Date::from_ymd(2026, 3, 1)?));
//!
//! let bb = report.indicator("bb").unwrap();
//! let p = bb.progress.unwrap();
//! assert_eq!(p.achieved, 0.5);               // (65 − 40) / (90 − 40)
//! assert_eq!(p.expected, 0.5);               // end of 2020 → end of 2025: half of the time to end of 2030
//! assert_eq!(bb.light, TrafficLight::Green); // on pace
//! assert_eq!(report.measure("W1").unwrap().light, TrafficLight::Green);
//! assert_eq!(report.goal("z1").unwrap().light, TrafficLight::Green);
//! assert_eq!(report.field("hf1").unwrap().light.label(Language::De), "grün");
//! # Ok::<(), DateError>(())
//! ```
//!
//! # Rules
//!
//! All rules of the computation are stated here, in one place.
//!
//! ## Progress of an indicator
//!
//! - **Target**: the final target ([`Indicator::final_target`], the one due
//!   last). Without a target the indicator is grey ([`GreyReason::NoTarget`]).
//! - **Latest value**: the latest observation by period
//!   ([`Indicator::latest`]), ignoring observations whose period starts after
//!   the evaluation date (the report is "as of" that date). Without one the
//!   indicator is grey ([`GreyReason::NoObservation`]).
//! - **Baseline**: the indicator's baseline (Ausgangswert). When it has
//!   none, the earliest observation serves as baseline if there are at least
//!   two observations ([`IndicatorStatus::baseline_from_observation`]).
//!   Without any baseline the indicator is green when the latest value
//!   already reaches the target (in the indicator's [`Direction`]), and
//!   otherwise grey ([`GreyReason::NoBaseline`]).
//! - **Progress** = (latest − baseline) / (target − baseline). The formula
//!   follows the target, so it works for both directions: for "lower is
//!   better" the target lies below the baseline and the fraction is still
//!   positive when the value falls. The raw value is kept in
//!   [`IndicatorStatus::raw_progress`] (it is negative when the value moved
//!   away from the target and above 1 when it overshot); the value used for
//!   lights and roll-up, [`Progress::achieved`], is clamped to 0–1 so that one
//!   overachieving indicator cannot hide another that lags behind.
//! - **Target equal to baseline** ("hold the level"): progress is 1 when the
//!   latest value is at least as good as the target in the indicator's
//!   [`Direction`], otherwise 0; nothing is expected in between, so the light
//!   is green or red.
//! - Values that are not finite numbers (NaN, infinity) are treated as
//!   missing ([`GreyReason::InvalidValue`]).
//!
//! ## Expected progress (pace)
//!
//! Progress is compared with the progress expected by a reference date, the
//! share of time elapsed between the baseline and the target's due date. By
//! default ([`Pace::AtObservation`]) the reference date is the last day of
//! the latest observation's period (but not after the evaluation date): an
//! indicator is judged by the pace it had when it was last measured, so that
//! statistics published with a delay do not turn every light red.
//! [`Pace::AtEvaluationDate`] uses the evaluation date instead, and
//! [`Pace::Off`] expects the full target (expected = 1).
//!
//! - Dates: the last day of the baseline period and of each target's due
//!   period ("2019" is 31 December 2019).
//! - With interim targets (several dated targets) the expected value is
//!   interpolated linearly between baseline, interim targets and final
//!   target, and turned into a share of the way to the final target.
//! - Before the baseline date nothing is expected (0); from the final due
//!   date on, everything (1).
//! - When the baseline or the final target has no date, the expected
//!   progress is 1: the thresholds then apply to progress itself.
//!
//! ## Traffic light
//!
//! The **attainment** is achieved ÷ expected progress
//! ([`Progress::attainment`]); it is 1 when nothing is expected yet.
//! [`Thresholds`] turn it into a light: **green** from
//! [`green_at`](Thresholds::green_at) (default 0.9, at least 90 % of the
//! expected progress), **yellow** from [`yellow_at`](Thresholds::yellow_at)
//! (default 0.5), **red** below; **grey** when nothing can be measured, with
//! a [`GreyReason`]. The same thresholds apply on every level.
//!
//! ## Measures
//!
//! A measure's progress is the mean of the progress (achieved and expected
//! each) of its measurable indicators. When it has none, it comes from the
//! measure's status ([`status_progress`]): completed (umgesetzt) and ongoing
//! (Daueraufgabe) 1, in progress (in Bearbeitung) 0.5, planned, not started,
//! suspended and abandoned 0, expected 1 — or 0 when the measure's period
//! starts after the evaluation date (nothing is due yet). With the default
//! thresholds this gives the councils' usual lights: green umgesetzt, yellow
//! in Bearbeitung, red noch nicht begonnen. Measurable indicators take
//! precedence over the status: a completed measure whose indicators lag
//! shows that lag. A measure with neither a measurable indicator nor a
//! status is grey ([`GreyReason::NoData`]).
//!
//! ## Goals, fields of action and the whole concept
//!
//! A goal's progress is the **weighted mean** of the measures serving it
//! directly, its direct sub-goals and its own indicators
//! ([`Goal::indicators`](crate::Goal::indicators)), counting only those that
//! are measurable (not grey). Weights come from the priority
//! ([`priority_weight`]): high 3, medium 2, low 1, none 2; an indicator
//! weighs 2. Achieved and expected progress are averaged with the same
//! weights. A measure serving several goals counts fully for each.
//!
//! A field of action rolls up, with the same weights, the topmost goals that
//! belong to it (a goal belongs to a field it names or that an ancestor
//! names) and the measures naming the field that serve no goal of the field.
//! The overall progress of the concept ([`MonitoringReport::overall`]) rolls
//! up the top-level goals and the measures that serve no existing goal.
//! A level with no measurable item is grey ([`GreyReason::NothingMeasured`]).
//!
//! ## Invalid concepts
//!
//! Evaluation never fails and never panics: references that do not resolve
//! are ignored (validation reports them), a goal with a duplicate id is
//! found by its first occurrence, and a cycle of parent links is cut where
//! the walk meets it, so every goal is evaluated once.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;

use serde::Serialize;

use crate::index::ConceptIndex;
use crate::period::Ranked;
use crate::{
    Concept, Date, Direction, Goal, Id, Indicator, ItemPath, Language, Measure, MeasureStatus,
    Observation, Period, Priority, Target,
};

// ---------------------------------------------------------------------------
// Traffic light, thresholds, options
// ---------------------------------------------------------------------------

/// A traffic light (Ampel) as councils read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum TrafficLight {
    /// On track: grün.
    Green,
    /// Behind: gelb.
    Yellow,
    /// Well behind: rot.
    Red,
    /// Cannot be measured: grau.
    Grey,
}

impl TrafficLight {
    /// Every light, green first.
    pub const ALL: &'static [TrafficLight] = &[
        TrafficLight::Green,
        TrafficLight::Yellow,
        TrafficLight::Red,
        TrafficLight::Grey,
    ];

    /// The stable code as serialized: `green`, `yellow`, `red`, `grey`.
    pub fn code(self) -> &'static str {
        match self {
            TrafficLight::Green => "green",
            TrafficLight::Yellow => "yellow",
            TrafficLight::Red => "red",
            TrafficLight::Grey => "grey",
        }
    }

    /// The label: grün, gelb, rot, grau — or green, yellow, red, grey.
    pub fn label(self, lang: Language) -> &'static str {
        match (self, lang) {
            (TrafficLight::Green, Language::De) => "grün",
            (TrafficLight::Yellow, Language::De) => "gelb",
            (TrafficLight::Red, Language::De) => "rot",
            (TrafficLight::Grey, Language::De) => "grau",
            (light, Language::En) => light.code(),
        }
    }
}

impl fmt::Display for TrafficLight {
    /// Writes the German label.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label(Language::De))
    }
}

/// Where the lights change, as shares of the expected progress
/// (see [`Progress::attainment`]).
///
/// ```
/// use kreisentwicklung_core::monitoring::{Progress, Thresholds, TrafficLight};
///
/// let t = Thresholds::default();
/// assert_eq!((t.green_at, t.yellow_at), (0.9, 0.5));
/// assert_eq!(t.light(Progress::new(0.45, 0.5)), TrafficLight::Green);  // 90 % of the pace
/// assert_eq!(t.light(Progress::new(0.3, 0.5)), TrafficLight::Yellow);  // 60 %
/// assert_eq!(t.light(Progress::new(0.2, 0.5)), TrafficLight::Red);     // 40 %
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Thresholds {
    /// Green from this attainment on (default 0.9).
    pub green_at: f64,
    /// Yellow from this attainment on (default 0.5); red below.
    pub yellow_at: f64,
}

impl Thresholds {
    /// The default thresholds: green from 0.9, yellow from 0.5.
    pub const DEFAULT: Thresholds = Thresholds {
        green_at: 0.9,
        yellow_at: 0.5,
    };

    /// The light for a progress: green from [`green_at`](Self::green_at),
    /// yellow from [`yellow_at`](Self::yellow_at), red below. Attainments
    /// within 10⁻⁹ below a threshold count as reaching it (rounding).
    pub fn light(&self, progress: Progress) -> TrafficLight {
        const TOLERANCE: f64 = 1e-9;
        let a = progress.attainment();
        if a + TOLERANCE >= self.green_at {
            TrafficLight::Green
        } else if a + TOLERANCE >= self.yellow_at {
            TrafficLight::Yellow
        } else {
            TrafficLight::Red
        }
    }
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds::DEFAULT
    }
}

/// The reference date for the expected progress of an indicator.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Pace {
    /// The last day of the latest observation's period, at most the
    /// evaluation date (the default).
    #[default]
    AtObservation,
    /// The evaluation date: data that is not updated falls behind.
    AtEvaluationDate,
    /// No pace: the full target is expected (expected progress 1).
    Off,
}

/// Options of an evaluation: the date it is made on, the thresholds and the
/// pace rule.
///
/// ```
/// use kreisentwicklung_core::Date;
/// use kreisentwicklung_core::monitoring::{MonitoringOptions, Pace, Thresholds};
///
/// let options = MonitoringOptions::new(Date::from_ymd(2025, 6, 30)?)
///     .with_thresholds(Thresholds { green_at: 0.95, yellow_at: 0.6 })
///     .with_pace(Pace::AtEvaluationDate);
/// assert_eq!(options.thresholds.green_at, 0.95);
/// # Ok::<(), kreisentwicklung_core::DateError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct MonitoringOptions {
    /// The evaluation date ("Stand"); observations starting later are ignored.
    pub today: Date,
    /// Where the lights change.
    pub thresholds: Thresholds,
    /// The reference date of the expected progress.
    pub pace: Pace,
}

impl MonitoringOptions {
    /// Default thresholds and pace, evaluated on `today`.
    pub fn new(today: Date) -> Self {
        MonitoringOptions {
            today,
            thresholds: Thresholds::DEFAULT,
            pace: Pace::AtObservation,
        }
    }

    /// Sets the thresholds.
    #[must_use]
    pub fn with_thresholds(mut self, thresholds: Thresholds) -> Self {
        self.thresholds = thresholds;
        self
    }

    /// Sets the pace rule.
    #[must_use]
    pub fn with_pace(mut self, pace: Pace) -> Self {
        self.pace = pace;
        self
    }
}

// ---------------------------------------------------------------------------
// Progress and entries
// ---------------------------------------------------------------------------

/// Progress towards the target: achieved and expected, both shares 0–1.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// The share of the way to the target covered (0–1).
    pub achieved: f64,
    /// The share expected by now (0–1).
    pub expected: f64,
}

impl Progress {
    /// A progress; both values are clamped to 0–1 (a value that is not a
    /// number becomes 0).
    pub fn new(achieved: f64, expected: f64) -> Self {
        Progress {
            achieved: unit(achieved),
            expected: unit(expected),
        }
    }

    /// Achieved ÷ expected progress, the number the thresholds judge; 1 when
    /// nothing is expected yet (expected below 10⁻⁹).
    ///
    /// ```
    /// use kreisentwicklung_core::monitoring::Progress;
    ///
    /// assert_eq!(Progress::new(0.3, 0.6).attainment(), 0.5);
    /// assert_eq!(Progress::new(0.0, 0.0).attainment(), 1.0);
    /// ```
    pub fn attainment(&self) -> f64 {
        if self.expected < 1e-9 {
            1.0
        } else {
            self.achieved / self.expected
        }
    }

    /// The achieved share in percent, 0–100.
    pub fn percent(&self) -> f64 {
        self.achieved * 100.0
    }
}

fn unit(x: f64) -> f64 {
    if x.is_nan() {
        0.0
    } else {
        x.clamp(0.0, 1.0)
    }
}

/// Why something is grey: it cannot be measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum GreyReason {
    /// The indicator has no target value.
    NoTarget,
    /// The indicator has no baseline and no second observation to start from,
    /// and has not reached its target.
    NoBaseline,
    /// The indicator has no observed value (by the evaluation date).
    NoObservation,
    /// A baseline, target or observed value is not a finite number.
    InvalidValue,
    /// The measure has no measurable indicator and no status.
    NoData,
    /// None of the items a goal, field or concept rolls up is measurable.
    NothingMeasured,
}

impl GreyReason {
    /// The stable code as serialized (`noTarget`).
    pub fn code(self) -> &'static str {
        match self {
            GreyReason::NoTarget => "noTarget",
            GreyReason::NoBaseline => "noBaseline",
            GreyReason::NoObservation => "noObservation",
            GreyReason::InvalidValue => "invalidValue",
            GreyReason::NoData => "noData",
            GreyReason::NothingMeasured => "nothingMeasured",
        }
    }

    /// A short explanation in German or English.
    pub fn label(self, lang: Language) -> &'static str {
        match (self, lang) {
            (GreyReason::NoTarget, Language::De) => "kein Zielwert",
            (GreyReason::NoTarget, Language::En) => "no target value",
            (GreyReason::NoBaseline, Language::De) => "kein Ausgangswert",
            (GreyReason::NoBaseline, Language::En) => "no baseline",
            (GreyReason::NoObservation, Language::De) => "kein Ist-Wert",
            (GreyReason::NoObservation, Language::En) => "no observed value",
            (GreyReason::InvalidValue, Language::De) => "ungültiger Wert",
            (GreyReason::InvalidValue, Language::En) => "invalid value",
            (GreyReason::NoData, Language::De) => "weder messbare Kennzahl noch Status",
            (GreyReason::NoData, Language::En) => "neither a measurable indicator nor a status",
            (GreyReason::NothingMeasured, Language::De) => "nichts Messbares zugeordnet",
            (GreyReason::NothingMeasured, Language::En) => "nothing measurable assigned",
        }
    }
}

impl fmt::Display for GreyReason {
    /// Writes the German label.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label(Language::De))
    }
}

/// What a measure's progress is computed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ProgressBasis {
    /// The mean of its measurable indicators.
    Indicators,
    /// Its status ([`status_progress`]).
    Status,
    /// Nothing: the measure is grey.
    None,
}

/// The evaluation of one indicator.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorStatus {
    /// The indicator's id.
    pub id: Id,
    /// Its path, as in validation: `indicators[bb]`.
    pub path: ItemPath,
    /// The traffic light.
    pub light: TrafficLight,
    /// Why it is grey.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grey_reason: Option<GreyReason>,
    /// Achieved (clamped) and expected progress; none when grey.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
    /// (latest − baseline) / (target − baseline), unclamped: negative when
    /// the value moved away from the target, above 1 when it overshot.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw_progress: Option<f64>,
    /// The baseline value used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    /// True when the baseline is the earliest observation, for want of one.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub baseline_from_observation: bool,
    /// The final target value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// The latest observation by the evaluation date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest: Option<Observation>,
}

/// The evaluation of one measure.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MeasureProgress {
    /// The measure's id.
    pub id: Id,
    /// Its path: `measures[W3]`.
    pub path: ItemPath,
    /// The traffic light.
    pub light: TrafficLight,
    /// Why it is grey.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grey_reason: Option<GreyReason>,
    /// Its progress; none when grey.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
    /// What the progress is computed from.
    pub basis: ProgressBasis,
    /// Its weight in the roll-up ([`priority_weight`]).
    pub weight: f64,
}

/// The evaluation of one goal, a field of action or the whole concept.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RollUp {
    /// The item's id (empty for the whole concept).
    pub id: Id,
    /// Its path: `goals[uz1-2]`, `fields[hf1]` (the root for the whole
    /// concept).
    pub path: ItemPath,
    /// The traffic light.
    pub light: TrafficLight,
    /// Why it is grey.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grey_reason: Option<GreyReason>,
    /// Its progress; none when grey.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
    /// How many of its items are measurable.
    pub measured: usize,
    /// How many items it rolls up.
    pub items: usize,
}

/// The evaluation of one goal.
pub type GoalProgress = RollUp;

/// The evaluation of one field of action.
pub type FieldProgress = RollUp;

/// How many items show each light.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LightCounts {
    /// Green.
    pub green: usize,
    /// Yellow.
    pub yellow: usize,
    /// Red.
    pub red: usize,
    /// Grey.
    pub grey: usize,
}

impl LightCounts {
    /// Counts the lights.
    pub fn count(lights: impl IntoIterator<Item = TrafficLight>) -> Self {
        let mut c = LightCounts::default();
        for l in lights {
            c.add(l);
        }
        c
    }

    fn add(&mut self, light: TrafficLight) {
        match light {
            TrafficLight::Green => self.green += 1,
            TrafficLight::Yellow => self.yellow += 1,
            TrafficLight::Red => self.red += 1,
            TrafficLight::Grey => self.grey += 1,
        }
    }

    /// The count of one light.
    pub fn get(&self, light: TrafficLight) -> usize {
        match light {
            TrafficLight::Green => self.green,
            TrafficLight::Yellow => self.yellow,
            TrafficLight::Red => self.red,
            TrafficLight::Grey => self.grey,
        }
    }
}

/// The monitoring report of a concept: every indicator, measure, goal and
/// field of action in list order, and the concept as a whole.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MonitoringReport {
    /// The evaluation date.
    pub today: Date,
    /// The thresholds used.
    pub thresholds: Thresholds,
    /// The pace rule used.
    pub pace: Pace,
    /// The concept as a whole.
    pub overall: RollUp,
    /// Every indicator, in list order.
    pub indicators: Vec<IndicatorStatus>,
    /// Every measure, in list order.
    pub measures: Vec<MeasureProgress>,
    /// Every goal, in list order.
    pub goals: Vec<GoalProgress>,
    /// Every field of action, in list order.
    pub fields: Vec<FieldProgress>,
}

impl MonitoringReport {
    /// The entry of the (first) indicator with the id.
    pub fn indicator(&self, id: &str) -> Option<&IndicatorStatus> {
        self.indicators.iter().find(|e| e.id == id)
    }

    /// The entry of the (first) measure with the id.
    pub fn measure(&self, id: &str) -> Option<&MeasureProgress> {
        self.measures.iter().find(|e| e.id == id)
    }

    /// The entry of the (first) goal with the id.
    pub fn goal(&self, id: &str) -> Option<&GoalProgress> {
        self.goals.iter().find(|e| e.id == id)
    }

    /// The entry of the (first) field of action with the id.
    pub fn field(&self, id: &str) -> Option<&FieldProgress> {
        self.fields.iter().find(|e| e.id == id)
    }

    /// How many indicators show each light.
    pub fn indicator_lights(&self) -> LightCounts {
        LightCounts::count(self.indicators.iter().map(|e| e.light))
    }

    /// How many measures show each light.
    pub fn measure_lights(&self) -> LightCounts {
        LightCounts::count(self.measures.iter().map(|e| e.light))
    }

    /// How many goals show each light.
    pub fn goal_lights(&self) -> LightCounts {
        LightCounts::count(self.goals.iter().map(|e| e.light))
    }

    /// How many fields of action show each light.
    pub fn field_lights(&self) -> LightCounts {
        LightCounts::count(self.fields.iter().map(|e| e.light))
    }
}

// ---------------------------------------------------------------------------
// Public rules
// ---------------------------------------------------------------------------

/// The progress a measure's status stands for, when it has no measurable
/// indicator: completed and ongoing 1, in progress 0.5, planned, not
/// started, suspended and abandoned 0.
///
/// ```
/// use kreisentwicklung_core::MeasureStatus;
/// use kreisentwicklung_core::monitoring::status_progress;
///
/// assert_eq!(status_progress(MeasureStatus::InProgress), 0.5);
/// ```
pub fn status_progress(status: MeasureStatus) -> f64 {
    match status {
        MeasureStatus::Completed | MeasureStatus::Ongoing => 1.0,
        MeasureStatus::InProgress => 0.5,
        MeasureStatus::Planned
        | MeasureStatus::NotStarted
        | MeasureStatus::Suspended
        | MeasureStatus::Abandoned => 0.0,
    }
}

/// The weight of a measure or goal in a roll-up: high 3, medium 2, low 1,
/// no priority 2.
pub fn priority_weight(priority: Option<Priority>) -> f64 {
    match priority {
        Some(Priority::High) => 3.0,
        Some(Priority::Medium) | None => 2.0,
        Some(Priority::Low) => 1.0,
    }
}

/// The weight of a goal's own indicator in its roll-up.
const INDICATOR_WEIGHT: f64 = 2.0;

// ---------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------

/// What [`Concept::monitor`] gives, without an entry per indicator and per
/// measure: the goals, the fields of action, the concept as a whole and how
/// many indicators and measures show each light. See
/// [`Evaluation::monitoring_summary`](crate::Evaluation::monitoring_summary).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MonitoringSummary {
    /// The report with `indicators` and `measures` left empty.
    pub report: MonitoringReport,
    /// How many indicators show each light.
    pub indicator_lights: LightCounts,
    /// How many measures show each light.
    pub measure_lights: LightCounts,
}

/// Evaluates a concept. With `keep_items` false it keeps nothing per
/// measure and of each indicator only a position table (the measures and
/// goals that use an indicator assess it again): for a catalogue of 100,000
/// measures written one row at a time, whose rows evaluate their own.
/// Goals, fields and the concept come out the same either way: each measure
/// is added, in list order, to what it counts for as it is evaluated.
pub(crate) fn evaluate_keeping(
    index: &ConceptIndex<'_>,
    options: &MonitoringOptions,
    keep_items: bool,
) -> MonitoringSummary {
    let concept = index.concept();
    let kept = |n: usize| if keep_items { n } else { 0 };
    let mut indicators: Vec<IndicatorStatus> = Vec::with_capacity(kept(concept.indicators.len()));
    let mut indicator_lights = LightCounts::default();
    for (i, ind) in concept.indicators.iter().enumerate() {
        let a = assess(ind, options);
        indicator_lights.add(a.light);
        if keep_items {
            let path = ItemPath::item("indicators", &ind.id, i);
            indicators.push(a.into_status(ind, path));
        }
    }
    // A summary keeps nothing per indicator but a position table: the
    // measures and goals that use an indicator assess it again (cheap, and
    // once or twice per indicator), rather than holding every progress.
    let indicator_index = index.indicators();
    let indicator_progress = |id: &Id| -> Option<Progress> {
        let i = indicator_index.position(id.as_str())?;
        match indicators.get(i) {
            Some(status) => status.progress,
            None => assess(&concept.indicators[i], options).progress,
        }
    };

    let goal_index = index.goals();
    let parents = index.parents();
    let in_field: Vec<Vec<bool>> = concept
        .fields
        .iter()
        .map(|f| goals_in_field(&concept.goals, parents, f.id.as_str()))
        .collect();

    // Each measure is evaluated once and added, in list order, to what it
    // counts for: the goals it serves (each once), the fields of action it
    // names directly, or the concept when it serves no existing goal. So
    // nothing is kept per measure unless the caller asks for the entries.
    let mut measures: Vec<MeasureProgress> = Vec::with_capacity(kept(concept.measures.len()));
    let mut measure_lights = LightCounts::default();
    let mut goal_measures = vec![Acc::default(); concept.goals.len()];
    let mut field_measures = vec![Acc::default(); concept.fields.len()];
    let mut loose_measures = Acc::default();
    let mut served: Vec<usize> = Vec::new();
    // Field id → the positions of the fields with it (all of them, should
    // an id be repeated).
    let mut fields_named: HashMap<&str, Vec<usize>, foldhash::fast::RandomState> =
        HashMap::default();
    for (fi, field) in concept.fields.iter().enumerate() {
        fields_named.entry(field.id.as_str()).or_default().push(fi);
    }
    for (i, m) in concept.measures.iter().enumerate() {
        let path = if keep_items {
            ItemPath::item("measures", &m.id, i)
        } else {
            ItemPath::root()
        };
        let e = evaluate_measure(m, path, &indicator_progress, options);
        measure_lights.add(e.light);
        served.clear();
        for g in &m.goals {
            if let Some(gi) = goal_index.position(g.as_str()) {
                if !served.contains(&gi) {
                    served.push(gi);
                    goal_measures[gi].add(e.progress, e.weight);
                }
            }
        }
        if served.is_empty() {
            loose_measures.add(e.progress, e.weight);
        }
        // Every field of action with an id the measure names (each once),
        // looked up instead of comparing each field's id with each name.
        for (k, name) in m.fields.iter().enumerate() {
            if m.fields[..k].contains(name) {
                continue;
            }
            for &fi in fields_named
                .get(name.as_str())
                .map_or(&[][..], Vec::as_slice)
            {
                if !served.iter().any(|&gi| in_field[fi][gi]) {
                    field_measures[fi].add(e.progress, e.weight);
                }
            }
        }
        if keep_items {
            measures.push(e);
        }
    }

    let goals = evaluate_goals(
        concept,
        parents,
        goal_measures,
        &indicator_progress,
        options,
    );
    let fields = evaluate_fields(concept, parents, &in_field, &goals, field_measures, options);

    // The whole concept: top-level goals (or goals whose parent does not
    // exist), then the measures serving no existing goal.
    let mut acc = Acc::default();
    for (gi, g) in concept.goals.iter().enumerate() {
        let top = match &g.parent {
            None => true,
            Some(p) => !goal_index.contains_key(p.as_str()),
        };
        if top {
            acc.add(goals[gi].progress, priority_weight(g.priority));
        }
    }
    acc.merge(&loose_measures);
    let overall = acc.finish(Id::default(), ItemPath::root(), &options.thresholds);

    MonitoringSummary {
        report: MonitoringReport {
            today: options.today,
            thresholds: options.thresholds,
            pace: options.pace,
            overall,
            indicators,
            measures,
            goals,
            fields,
        },
        indicator_lights,
        measure_lights,
    }
}

/// An indicator's evaluation without id, path or a copy of the latest
/// observation: all of [`IndicatorStatus`] that is computed, without
/// allocating, so that roll-ups do not pay for what only the entries show.
pub(crate) struct Assessment<'a> {
    light: TrafficLight,
    grey_reason: Option<GreyReason>,
    pub(crate) progress: Option<Progress>,
    raw_progress: Option<f64>,
    baseline: Option<f64>,
    baseline_from_observation: bool,
    target: Option<f64>,
    latest: Option<&'a Observation>,
}

impl Assessment<'_> {
    pub(crate) fn into_status(self, indicator: &Indicator, path: ItemPath) -> IndicatorStatus {
        IndicatorStatus {
            id: indicator.id.clone(),
            path,
            light: self.light,
            grey_reason: self.grey_reason,
            progress: self.progress,
            raw_progress: self.raw_progress,
            baseline: self.baseline,
            baseline_from_observation: self.baseline_from_observation,
            target: self.target,
            latest: self.latest.cloned(),
        }
    }
}

/// The latest and (if `want_earliest`) the earliest observation known by
/// `today` (period not starting after it) and how many are known. The same
/// picks as `max_by` and `min_by` with `Period::cmp` over the known ones
/// (the last of equal latest, the first of equal earliest), but each
/// period's days are computed at most once, not at every comparison.
fn known_extremes(
    observations: &[Observation],
    today: Date,
    want_earliest: bool,
) -> (Option<&Observation>, Option<&Observation>, usize) {
    let mut known = 0;
    let mut latest: Option<(&Observation, Ranked<'_>)> = None;
    let mut earliest: Option<(&Observation, Ranked<'_>)> = None;
    for o in observations {
        let r = Ranked::new(&o.period);
        if r.earliest.is_some_and(|d| d > today) {
            continue;
        }
        known += 1;
        let new_earliest = want_earliest
            && earliest
                .as_ref()
                .is_none_or(|(_, e)| r.cmp(e) == Ordering::Less);
        if new_earliest {
            earliest = Some((o, r.clone()));
        }
        if latest
            .as_ref()
            .is_none_or(|(_, l)| r.cmp(l) != Ordering::Less)
        {
            latest = Some((o, r));
        }
    }
    (latest.map(|l| l.0), earliest.map(|e| e.0), known)
}

/// Evaluates one indicator; see the module documentation for the rules.
pub(crate) fn assess<'a>(indicator: &'a Indicator, options: &MonitoringOptions) -> Assessment<'a> {
    let mut s = Assessment {
        light: TrafficLight::Grey,
        grey_reason: None,
        progress: None,
        raw_progress: None,
        baseline: None,
        baseline_from_observation: false,
        target: None,
        latest: None,
    };
    let grey = |mut s: Assessment<'a>, reason| {
        s.grey_reason = Some(reason);
        s
    };
    let today = options.today;

    // Observations known by the evaluation date.
    // The earliest serves only as a baseline for want of one.
    let (latest, first, known) =
        known_extremes(&indicator.observations, today, indicator.baseline.is_none());
    s.latest = latest;

    let Some(target) = indicator.final_target() else {
        return grey(s, GreyReason::NoTarget);
    };
    if !target.value.is_finite() {
        return grey(s, GreyReason::InvalidValue);
    }
    s.target = Some(target.value);
    let Some(latest) = latest else {
        return grey(s, GreyReason::NoObservation);
    };
    if !latest.value.is_finite() {
        return grey(s, GreyReason::InvalidValue);
    }

    // The baseline, or the earliest observation for want of one.
    let baseline: Option<(f64, Option<&Period>)> = match &indicator.baseline {
        Some(b) if !b.value.is_finite() => return grey(s, GreyReason::InvalidValue),
        Some(b) => Some((b.value, b.period.as_ref())),
        None if known >= 2 => match first {
            Some(o) if o.value.is_finite() && !std::ptr::eq(o, latest) => {
                s.baseline_from_observation = true;
                Some((o.value, Some(&o.period)))
            }
            _ => None,
        },
        None => None,
    };
    let reached = at_least_as_good(latest.value, target.value, indicator.direction);
    let Some((base, base_period)) = baseline else {
        if reached {
            s.progress = Some(Progress::new(1.0, 1.0));
            s.light = TrafficLight::Green;
            return s;
        }
        return grey(s, GreyReason::NoBaseline);
    };
    s.baseline = Some(base);

    let span = target.value - base;
    let scale = target.value.abs().max(base.abs()).max(1.0);
    if span.abs() <= f64::EPSILON * scale {
        // Hold the level: met or not met.
        let achieved = if reached { 1.0 } else { 0.0 };
        s.raw_progress = Some(achieved);
        let p = Progress::new(achieved, 1.0);
        s.progress = Some(p);
        s.light = options.thresholds.light(p);
        return s;
    }
    let raw = (latest.value - base) / span;
    if !raw.is_finite() {
        return grey(s, GreyReason::InvalidValue);
    }
    s.raw_progress = Some(raw);

    let expected = match options.pace {
        Pace::Off => 1.0,
        pace => {
            let reference = match pace {
                Pace::AtObservation => latest
                    .period
                    .latest()
                    .or_else(|| latest.period.earliest())
                    .map_or(today, |d| d.min(today)),
                _ => today,
            };
            expected_share(indicator, target, base, base_period, reference)
        }
    };
    let p = Progress::new(raw, expected);
    s.progress = Some(p);
    s.light = options.thresholds.light(p);
    s
}

fn at_least_as_good(value: f64, target: f64, direction: Direction) -> bool {
    match direction {
        Direction::HigherIsBetter => value >= target,
        Direction::LowerIsBetter => value <= target,
    }
}

/// The share of the way from baseline to the final target (`target`, the
/// indicator's [`Indicator::final_target`]) expected by `reference`,
/// interpolating linearly through the dated targets.
fn expected_share(
    indicator: &Indicator,
    target: &Target,
    base: f64,
    base_period: Option<&Period>,
    reference: Date,
) -> f64 {
    let Some(base_date) = base_period.and_then(|p| p.latest().or_else(|| p.earliest())) else {
        return 1.0;
    };
    let final_value = target.value;
    let final_due = target
        .due
        .as_ref()
        .and_then(|d| d.latest().or_else(|| d.earliest()));
    let Some(final_due) = final_due else {
        return 1.0;
    };
    if reference <= base_date {
        return 0.0;
    }
    if reference >= final_due {
        return 1.0;
    }
    // Points (date, value): baseline, then dated targets after it, by date.
    // With the final target alone (the usual case) that is baseline and
    // final target, here (final_due > reference > base_date): no list.
    let single;
    let mut listed: Vec<(Date, f64)>;
    let points: &[(Date, f64)] = if indicator.targets.len() == 1 {
        single = [(base_date, base), (final_due, final_value)];
        &single
    } else {
        listed = indicator
            .targets
            .iter()
            .filter(|t| t.value.is_finite())
            .filter_map(|t| {
                let d = t.due.as_ref()?;
                Some((d.latest().or_else(|| d.earliest())?, t.value))
            })
            .filter(|(d, _)| *d > base_date && *d <= final_due)
            .collect();
        listed.sort_by_key(|a| a.0);
        listed.insert(0, (base_date, base));
        &listed
    };
    let mut value = final_value;
    for w in points.windows(2) {
        let ((d0, v0), (d1, v1)) = (w[0], w[1]);
        if reference <= d1 {
            let total = d0.days_until(d1);
            let t = if total > 0 {
                d0.days_until(reference) as f64 / total as f64
            } else {
                1.0
            };
            value = v0 + (v1 - v0) * t;
            break;
        }
    }
    unit((value - base) / (final_value - base))
}

/// Evaluates a measure whose entry gets `path` (the root when the entry is
/// not kept: only what it adds up to counts); `indicator_progress` gives
/// the progress of the (first) indicator with an id.
pub(crate) fn evaluate_measure(
    m: &Measure,
    path: ItemPath,
    indicator_progress: &dyn Fn(&Id) -> Option<Progress>,
    options: &MonitoringOptions,
) -> MeasureProgress {
    let mut e = MeasureProgress {
        id: m.id.clone(),
        path,
        light: TrafficLight::Grey,
        grey_reason: None,
        progress: None,
        basis: ProgressBasis::None,
        weight: priority_weight(m.priority),
    };
    let mut acc = Acc::default();
    for (k, id) in m.indicators.iter().enumerate() {
        // Each id once, at its first occurrence.
        if m.indicators[..k].contains(id) {
            continue;
        }
        acc.add(indicator_progress(id), 1.0);
    }
    let progress = if let Some(p) = acc.progress() {
        e.basis = ProgressBasis::Indicators;
        Some(p)
    } else if let Some(status) = m.status {
        e.basis = ProgressBasis::Status;
        let not_due = m
            .period
            .as_ref()
            .and_then(Period::earliest)
            .is_some_and(|d| d > options.today);
        Some(Progress::new(
            status_progress(status),
            if not_due { 0.0 } else { 1.0 },
        ))
    } else {
        None
    };
    match progress {
        Some(p) => {
            e.progress = Some(p);
            e.light = options.thresholds.light(p);
        }
        None => e.grey_reason = Some(GreyReason::NoData),
    }
    e
}

/// A weighted mean of progress under way.
#[derive(Clone, Default)]
struct Acc {
    achieved: f64,
    expected: f64,
    weight: f64,
    measured: usize,
    items: usize,
}

impl Acc {
    /// Adds what another accumulator has summed up.
    fn merge(&mut self, other: &Acc) {
        self.achieved += other.achieved;
        self.expected += other.expected;
        self.weight += other.weight;
        self.measured += other.measured;
        self.items += other.items;
    }

    fn add(&mut self, p: Option<Progress>, weight: f64) {
        self.items += 1;
        if let Some(p) = p {
            self.achieved += p.achieved * weight;
            self.expected += p.expected * weight;
            self.weight += weight;
            self.measured += 1;
        }
    }

    fn progress(&self) -> Option<Progress> {
        (self.measured > 0 && self.weight > 0.0)
            .then(|| Progress::new(self.achieved / self.weight, self.expected / self.weight))
    }

    fn finish(self, id: Id, path: ItemPath, thresholds: &Thresholds) -> RollUp {
        let progress = self.progress();
        RollUp {
            id,
            path,
            light: progress.map_or(TrafficLight::Grey, |p| thresholds.light(p)),
            grey_reason: progress.is_none().then_some(GreyReason::NothingMeasured),
            progress,
            measured: self.measured,
            items: self.items,
        }
    }
}

fn evaluate_goals(
    concept: &Concept,
    parents: &[Option<usize>],
    mut goal_measures: Vec<Acc>,
    indicator_progress: &dyn Fn(&Id) -> Option<Progress>,
    options: &MonitoringOptions,
) -> Vec<GoalProgress> {
    let goals = &concept.goals;
    let n = goals.len();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, p) in parents.iter().enumerate() {
        if let Some(p) = p {
            children[*p].push(i);
        }
    }

    // Iterative post-order walk; an edge to a goal on the stack closes a
    // cycle and is skipped.
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        Open,
        Done,
    }
    let mut state = vec![State::New; n];
    let mut result: Vec<Option<GoalProgress>> = vec![None; n];
    for root in 0..n {
        if state[root] != State::New {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        state[root] = State::Open;
        while let Some(top) = stack.last_mut() {
            let g = top.0;
            if let Some(&child) = children[g].get(top.1) {
                top.1 += 1;
                if state[child] == State::New {
                    state[child] = State::Open;
                    stack.push((child, 0));
                }
                continue;
            }
            stack.pop();
            // The measures serving `g`, summed up in list order, first.
            let mut acc = std::mem::take(&mut goal_measures[g]);
            for &c in &children[g] {
                // Children still open are on a cycle through `g`: skipped.
                if let Some(r) = &result[c] {
                    acc.add(r.progress, priority_weight(goals[c].priority));
                }
            }
            let mut seen: Vec<&Id> = Vec::new();
            for id in &goals[g].indicators {
                if !seen.contains(&id) {
                    seen.push(id);
                    acc.add(indicator_progress(id), INDICATOR_WEIGHT);
                }
            }
            let path = ItemPath::item("goals", &goals[g].id, g);
            result[g] = Some(acc.finish(goals[g].id.clone(), path, &options.thresholds));
            state[g] = State::Done;
        }
    }
    result
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            r.unwrap_or_else(|| {
                Acc::default().finish(
                    goals[i].id.clone(),
                    ItemPath::item("goals", &goals[i].id, i),
                    &options.thresholds,
                )
            })
        })
        .collect()
}

/// For every goal: true when it or one of its ancestors names `field`.
/// Each goal is resolved once (linear time); a walk that comes back to a
/// goal on its own path has met a cycle and stops there.
fn goals_in_field(goals: &[Goal], parents: &[Option<usize>], field: &str) -> Vec<bool> {
    let mut known: Vec<Option<bool>> = vec![None; goals.len()];
    let mut on_path = vec![false; goals.len()];
    let mut path: Vec<usize> = Vec::new();
    for start in 0..goals.len() {
        let mut cur = Some(start);
        let answer = loop {
            let Some(i) = cur else { break false };
            if let Some(k) = known[i] {
                break k;
            }
            if on_path[i] {
                break false; // a cycle without the field
            }
            if goals[i].fields.iter().any(|f| f == field) {
                known[i] = Some(true);
                break true;
            }
            on_path[i] = true;
            path.push(i);
            cur = parents[i];
        };
        for i in path.drain(..) {
            known[i] = Some(answer);
            on_path[i] = false;
        }
    }
    known.into_iter().map(|k| k.unwrap_or(false)).collect()
}

fn evaluate_fields(
    concept: &Concept,
    parents: &[Option<usize>],
    in_field: &[Vec<bool>],
    goals: &[GoalProgress],
    field_measures: Vec<Acc>,
    options: &MonitoringOptions,
) -> Vec<FieldProgress> {
    concept
        .fields
        .iter()
        .zip(field_measures)
        .enumerate()
        .map(|(fi, (field, measures))| {
            let in_field = &in_field[fi];
            let mut acc = Acc::default();
            for (gi, g) in concept.goals.iter().enumerate() {
                let topmost = in_field[gi] && !parents[gi].is_some_and(|p| in_field[p]);
                if topmost {
                    acc.add(goals[gi].progress, priority_weight(g.priority));
                }
            }
            // Then the measures that name the field but serve none of its
            // goals.
            acc.merge(&measures);
            acc.finish(
                field.id.clone(),
                ItemPath::item("fields", &field.id, fi),
                &options.thresholds,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_extremes_pick_as_max_by_and_min_by() {
        let d = |y, m, day| Date::from_ymd(y, m, day).unwrap();
        let today = d(2024, 6, 1);
        let periods = [
            Period::year(2022),
            Period::quarter(2022, 4),
            Period::year(2022),
            Period::until(Period::year(2023)),
            Period::since(Period::year(2022)),
            Period::day(d(2022, 12, 31)),
            Period::year(2025),
            Period::month(2022, 13),
            Period::quarter(2022, 1),
        ];
        // Every window of the list, so that ties and order vary.
        for start in 0..periods.len() {
            for end in start..=periods.len() {
                let obs: Vec<Observation> = periods[start..end]
                    .iter()
                    .enumerate()
                    .map(|(i, p)| Observation {
                        value: i as f64,
                        period: p.clone(),
                        note: None,
                    })
                    .collect();
                let known: Vec<&Observation> = obs
                    .iter()
                    .filter(|o| o.period.earliest().is_none_or(|d| d <= today))
                    .collect();
                let max = known.iter().copied().max_by(|a, b| a.period.cmp(&b.period));
                let min = known.iter().copied().min_by(|a, b| a.period.cmp(&b.period));
                let (l, e, n) = known_extremes(&obs, today, true);
                assert_eq!(n, known.len());
                assert!(l.map(|o| o as *const _) == max.map(|o| o as *const _));
                assert!(e.map(|o| o as *const _) == min.map(|o| o as *const _));
                let (l, e, n) = known_extremes(&obs, today, false);
                assert_eq!(n, known.len());
                assert!(l.map(|o| o as *const _) == max.map(|o| o as *const _));
                assert!(e.is_none());
            }
        }
    }
}
