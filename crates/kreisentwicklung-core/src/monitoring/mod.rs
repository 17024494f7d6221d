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
//! - **Target**: the final target ([`Indicator::final_target`](crate::Indicator::final_target), the one due
//!   last). Without a target the indicator is grey ([`GreyReason::NoTarget`]).
//! - **Latest value**: the latest observation by period
//!   ([`Indicator::latest`](crate::Indicator::latest)), ignoring observations whose period starts after
//!   the evaluation date (the report is "as of" that date). Without one the
//!   indicator is grey ([`GreyReason::NoObservation`]).
//! - **Baseline**: the indicator's baseline (Ausgangswert). When it has
//!   none, the earliest observation serves as baseline if there are at least
//!   two observations ([`IndicatorStatus::baseline_from_observation`]).
//!   Without any baseline the indicator is green when the latest value
//!   already reaches the target (in the indicator's [`Direction`](crate::Direction)), and
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
//!   [`Direction`](crate::Direction), otherwise 0; nothing is expected in between, so the light
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

use std::fmt;

use serde::Serialize;

use crate::{Date, Id, ItemPath, Language, MeasureStatus, Observation, Priority};

mod indicator;
mod rollup;

pub(crate) use indicator::assess;
pub(crate) use rollup::{evaluate_keeping, evaluate_measure};

// ---------------------------------------------------------------------------
// Traffic light, thresholds, options
// ---------------------------------------------------------------------------

/// A traffic light (Ampel) as councils read it.
///
/// ```
/// use kreisentwicklung_core::Language;
/// use kreisentwicklung_core::monitoring::TrafficLight;
///
/// assert_eq!(TrafficLight::Yellow.label(Language::De), "gelb");
/// assert_eq!(TrafficLight::Yellow.to_string(), "gelb");
/// assert_eq!(TrafficLight::Yellow.code(), "yellow");
/// ```
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

pub(super) fn unit(x: f64) -> f64 {
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

// `IndicatorStatus`, `MeasureProgress` and `RollUp` begin with the same five
// fields (id, path, light, grey_reason, progress) on purpose: they are the
// public answers, read as `status.light`. A shared struct flattened into
// them would give the same JSON but turn every user's `status.light` into
// `status.verdict.light`, for five declarations saved.

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
///
/// ```
/// use kreisentwicklung_core::*;
/// use kreisentwicklung_core::monitoring::TrafficLight;
///
/// let c = Concept::new("kek", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"))
///     .with_goal(Goal::new("z1", 1, "Schnelles Internet überall"))
///     .with_measure(Measure::new("W1", "Breitbandausbau").with_goal("z1"));
/// let report = c.monitor(&MonitoringOptions::new(Date::from_ymd(2025, 6, 30)?));
/// // No status and no indicator: nothing to judge yet.
/// assert_eq!(report.measure("W1").unwrap().light, TrafficLight::Grey);
/// assert_eq!(report.goal_lights().get(TrafficLight::Grey), 1);
/// assert_eq!(report.overall.path, "");
/// # Ok::<(), DateError>(())
/// ```
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
///
/// ```
/// use kreisentwicklung_core::Priority;
/// use kreisentwicklung_core::monitoring::priority_weight;
///
/// assert_eq!(priority_weight(Some(Priority::High)), 3.0);
/// assert_eq!(priority_weight(None), priority_weight(Some(Priority::Medium)));
/// ```
pub fn priority_weight(priority: Option<Priority>) -> f64 {
    match priority {
        Some(Priority::High) => 3.0,
        Some(Priority::Medium) | None => 2.0,
        Some(Priority::Low) => 1.0,
    }
}

/// The weight of a goal's own indicator in its roll-up.
pub(super) const INDICATOR_WEIGHT: f64 = 2.0;

// ---------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------

/// What [`Concept::monitor`](crate::Concept::monitor) gives, without an entry per indicator and per
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
