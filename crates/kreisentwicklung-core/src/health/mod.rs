//! The health report: gaps in a concept that software can see — goals
//! without measures, measures without indicators, no priorities, no public
//! participation, an overdue review — instead of leaving them to be found
//! years later, as in Helmstedt.
//!
//! Validation ([`Concept::validate`](crate::Concept::validate)) says whether a concept is well-formed;
//! the health report says whether it is a good concept. Each [`Finding`] has
//! a [`Severity`], a stable kebab-case [`FindingCode`], a path to the item in
//! the style of validation (`measures[W3]`, `goals[uz1-2]`) and a message in
//! German and English. The report is judged as of a date the caller passes.
//!
//! ```
//! use kreisentwicklung_core::*;
//! use kreisentwicklung_core::health::{FindingCode, HealthOptions, Severity};
//!
//! // Helmstedt: goals adopted in 2018, no measures yet, no priorities.
//! let concept = Concept::new("kek", "KEK 2026", ConceptKind::Kek, Territory::landkreis("Helmstedt"))
//!     .with_goal(Goal::new("oz1", 1, "Attraktiver Wohnraum").with_number("1"))
//!     .with_goal(Goal::new("uz1-1", 2, "Wohnraum").with_number("1.1").with_parent("oz1"));
//!
//! let report = concept.health_report(&HealthOptions::new(Date::from_ymd(2023, 1, 31)?));
//! assert!(report.has_errors()); // no-measures
//! let f = report.with_code(FindingCode::GoalWithoutMeasures).last().unwrap();
//! assert_eq!(f.path, "goals[uz1-1]");
//! assert_eq!(f.severity, Severity::Warning);
//! assert!(report.has(FindingCode::NoGoalPriorities));
//!
//! // The CLI's `--json`: an array of {severity, code, path, message}.
//! let json = serde_json::to_value(report.views(Language::En))?;
//! assert_eq!(json[0]["code"], "no-measures");
//! assert_eq!(json[0]["severity"], "error");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Codes
//!
//! This table is the one place where the codes are documented; the same
//! text is available in code ([`FindingCode::ALL`],
//! [`FindingCode::description`], [`FindingCode::fix`]) for the CLI and the
//! workbook.
//!
//! | code | severity | what it means | how to fix it |
//! | --- | --- | --- | --- |
//! | `no-measures` | error | The concept has goals or fields of action but not a single measure (path `measures`), and does not say where its measures are kept (a `coverage` of measures, or `reporting` in the budget plan or an online project list): nothing to implement — Helmstedt's "zu wenige Maßnahmen". | Draw up a catalogue of measures and link each to its goals. |
//! | `goal-without-measures` | warning | No measure serves the goal or any of its sub-goals (path `goals[…]`); in a catalogue organised by field of action (`measures-linked-to-fields`), no measure is tied to the goal's field of action either (the goal's own, else that of its nearest ancestor with one). Reported for every such goal, also when the concept has no measures at all. | Name measures for the goal, or drop or defer it. |
//! | `measure-without-goal` | warning | The measure serves no existing goal and, in a catalogue organised by field of action, is tied to no existing field of action either (path `measures[…]`). |
//! | `measures-linked-to-fields` | info | No measure serves an existing goal, but measures are tied to existing fields of action (path `measures`): a common, legitimate structure ("Maßnahmen in den Handlungsschwerpunkten …"), noted once instead of a warning per measure and per goal. | Nothing to do; to follow single goals, link measures to goals as well. | Enter the goals the measure serves. |
//! | `measure-without-lead` | warning | The measure has no lead, or its lead is not an existing actor (path `measures[…]`). | Name the actor or unit that leads it. |
//! | `measure-without-indicator` | warning | The measure has no existing indicator, so its effect cannot be measured (path `measures[…]`). | Link an indicator with baseline and target. |
//! | `stale-status` | warning | The measure's last dated status update is older than [`HealthOptions::stale_after_days`] (default 365) before the evaluation date. Measures that are completed or abandoned, or have no dated update, are not judged (path `measures[…]`). | Record the current status with its date. |
//! | `indicator-without-baseline` | info | The indicator has no baseline (path `indicators[…]`); monitoring falls back to its earliest observation. | Enter the baseline with its year. |
//! | `indicator-without-target` | warning | The indicator has no target, so its light is grey (path `indicators[…]`). | Set a target value with its year. |
//! | `no-goal-priorities` | warning | The concept has goals but none has a priority (path `goals`) — Helmstedt's "fehlende Priorisierung der Ziele". | Give the goals priorities (high / medium / low). |
//! | `single-actor-catalogue` | warning | Nearly all measures are led by one actor: at least [`HealthOptions::single_actor_share`] (default 80 %) of the measures with an existing lead, when there are at least [`HealthOptions::single_actor_min_measures`] (default 5) of them (path `measures`) — proposals limited to one remit. | Win other departments, municipalities, associations and businesses as leads. |
//! | `no-public-participation` | warning | No event is open to the public, citizens or municipalities ([`Event::is_public`](crate::Event::is_public), path `events`). | Involve the public and the municipalities, and record events with their audience. |
//! | `review-overdue` | warning | The concept was adopted longer ago than its revision cycle (path `revisionCycleYears`); see below. | Start the revision (status "in Fortschreibung") or adopt a new edition. |
//! | `short-horizon` | warning | The horizon barely reaches past the medium-term financial plan (path `horizon`, or `measures`); see below. | Set a long-term horizon and plan measures beyond the budget plan. |
//! | `resolution-without-outcome` | warning | A consultation took place (or, without a date, was planned) before the evaluation date but has no outcome, and no later step of the resolution has one; or the last step is still "submitted" more than [`HealthOptions::pending_outcome_days`] (default 90) days after it (path `resolutions[…].consultations[…]`). | Record the outcome of the consultation with its date. |
//!
//! **Severities.** *Error*: the concept cannot do what a concept is for (only
//! `no-measures`: nothing can be implemented). *Warning*: a gap that weakens
//! implementation, monitoring or legitimacy and that the county should close.
//! *Info*: a gap in the data that the library can work around
//! (`indicator-without-baseline`).
//!
//! **Review overdue.** Checked when the concept has a revision cycle
//! ([`Concept::revision_cycle_years`](crate::Concept::revision_cycle_years), or
//! [`HealthOptions::default_revision_cycle_years`]) and is neither under
//! review nor superseded. The cycle runs from the date the concept has been
//! in force since ([`in_force_since`]): the adoption date
//! ([`Concept::adopted_on`](crate::Concept::adopted_on)); without one, for a concept that is adopted,
//! in implementation or superseded, 31 December of its edition year, else the last day of
//! the date of its final report or action plan (the edition was drawn up
//! then; adoption cannot have been much earlier, so the fallback does not
//! flag too early). The concept is overdue when the evaluation date is after
//! that date plus the cycle ([`review_due`]).
//!
//! **Short horizon.** The medium-term financial plan (mittelfristige
//! Finanzplanung) covers the budget year and the
//! [`HealthOptions::budget_planning_years`] (default 3) years after it. The
//! reference year is the year of [`in_force_since`] (the adoption year, or
//! the edition year as above), else — for a concept not yet adopted — the
//! evaluation year; the budget year is the one after it. A concept whose
//! horizon ends no later than reference year + 1 + 3 (reference year + 4) is
//! flagged (Helmstedt, in preparation in 2023 with the horizon 2026); an
//! open horizon ("2035+") never is. A concept without a horizon is judged by
//! its measures: flagged when some measure has a period and none reaches
//! past that year (a measure open at its end, "ab 2024", or long-term or
//! continuous reaches past it).
//!
//! **Superseded editions** (status "abgelöst") are judged as history: never
//! `review-overdue`, and the horizon is judged against the budget planning
//! of the year the edition came into force, not of the evaluation date; a
//! superseded edition without any date of its own is not judged for
//! `short-horizon` at all.
//!
//! # Order
//!
//! Findings come in a deterministic order: errors, then warnings, then
//! infos; within a severity, concept-wide findings first (in the order of
//! the table), then goals, measures, indicators and resolutions in list
//! order.
//!
//! # Invalid concepts
//!
//! The report never fails and never panics. References that do not resolve
//! count as absent (validation reports them separately); cycles in the goal
//! tree or among actors cannot make it loop.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::{Date, ItemPath, Language};

mod checks;
mod links;
mod names;
mod schedule;

pub(crate) use checks::{count_all, emit};
pub use schedule::{in_force_since, review_due, InForceSince, StartBasis};

// ---------------------------------------------------------------------------
// Severity and codes
// ---------------------------------------------------------------------------

/// How serious a finding is. Sorts errors first.
///
/// ```
/// use kreisentwicklung_core::Language;
/// use kreisentwicklung_core::health::Severity;
///
/// assert!(Severity::Error < Severity::Info);
/// assert_eq!(Severity::Info.label(Language::De), "Hinweis");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The concept cannot do what a concept is for.
    Error,
    /// A gap the county should close.
    Warning,
    /// A gap in the data the library can work around.
    Info,
}

impl Severity {
    /// Every severity, most serious first.
    pub const ALL: &'static [Severity] = &[Severity::Error, Severity::Warning, Severity::Info];

    /// The stable code: `error`, `warning`, `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// The label: Fehler, Warnung, Hinweis — or error, warning, info.
    pub fn label(self, lang: Language) -> &'static str {
        match (self, lang) {
            (Severity::Error, Language::De) => "Fehler",
            (Severity::Warning, Language::De) => "Warnung",
            (Severity::Info, Language::De) => "Hinweis",
            (s, Language::En) => s.as_str(),
        }
    }
}

impl fmt::Display for Severity {
    /// Writes the code (`warning`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! finding_codes {
    ($(
        $(#[$meta:meta])*
        $variant:ident = $code:literal, $severity:ident,
        de: $de:literal, en: $en:literal,
        fix_de: $fix_de:literal, fix_en: $fix_en:literal;
    )+) => {
        /// What a finding is about; see the [table](self#codes).
        ///
        /// ```
        /// use kreisentwicklung_core::health::{FindingCode, Severity};
        ///
        /// let code: FindingCode = "measures-linked-to-fields".parse()?;
        /// assert_eq!(code, FindingCode::MeasuresLinkedToFields);
        /// assert_eq!(code.severity(), Severity::Info);
        /// # Ok::<(), kreisentwicklung_core::health::UnknownFindingCode>(())
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[non_exhaustive]
        pub enum FindingCode {
            $(
                $(#[$meta])*
                #[serde(rename = $code)]
                $variant,
            )+
        }

        impl FindingCode {
            /// Every code, in the order of the table.
            pub const ALL: &'static [FindingCode] = &[$(FindingCode::$variant),+];

            /// The stable kebab-case code (`goal-without-measures`).
            pub fn as_str(self) -> &'static str {
                match self { $(FindingCode::$variant => $code,)+ }
            }

            /// The severity of findings with this code.
            pub fn severity(self) -> Severity {
                match self { $(FindingCode::$variant => Severity::$severity,)+ }
            }

            /// What the code means, in German.
            pub fn description_de(self) -> &'static str {
                match self { $(FindingCode::$variant => $de,)+ }
            }

            /// What the code means, in English.
            pub fn description_en(self) -> &'static str {
                match self { $(FindingCode::$variant => $en,)+ }
            }

            /// How to fix it, in German.
            pub fn fix_de(self) -> &'static str {
                match self { $(FindingCode::$variant => $fix_de,)+ }
            }

            /// How to fix it, in English.
            pub fn fix_en(self) -> &'static str {
                match self { $(FindingCode::$variant => $fix_en,)+ }
            }
        }
    };
}

finding_codes! {
    /// Goals or fields of action, but no measure at all.
    NoMeasures = "no-measures", Error,
        de: "Das Konzept hat Ziele oder Handlungsfelder, aber keine einzige Maßnahme: Es gibt nichts umzusetzen.",
        en: "The concept has goals or fields of action but not a single measure: there is nothing to implement.",
        fix_de: "Einen Maßnahmen- bzw. Projektkatalog erarbeiten und jede Maßnahme den Zielen zuordnen, denen sie dient.",
        fix_en: "Draw up a catalogue of measures and link each measure to the goals it serves.";
    /// No measure serves the goal or its sub-goals.
    GoalWithoutMeasures = "goal-without-measures", Warning,
        de: "Weder dem Ziel noch einem seiner Unterziele dient eine Maßnahme.",
        en: "No measure serves the goal or any of its sub-goals.",
        fix_de: "Maßnahmen für das Ziel benennen oder das Ziel streichen bzw. zurückstellen.",
        fix_en: "Name measures for the goal, or drop or defer the goal.";
    /// The measure serves no existing goal.
    MeasureWithoutGoal = "measure-without-goal", Warning,
        de: "Die Maßnahme dient keinem vorhandenen Ziel.",
        en: "The measure serves no existing goal.",
        fix_de: "Die Ziele eintragen, denen die Maßnahme dient.",
        fix_en: "Enter the goals the measure serves.";
    /// The measures are tied to fields of action, not to goals.
    MeasuresLinkedToFields = "measures-linked-to-fields", Info,
        de: "Die Maßnahmen sind Handlungsfeldern zugeordnet, nicht einzelnen Zielen – eine übliche Gliederung. Ein Ziel gilt als bedient, wenn eine Maßnahme seinem Handlungsfeld zugeordnet ist.",
        en: "The measures are linked to fields of action, not to individual goals – a common structure. A goal counts as served when a measure is linked to its field of action.",
        fix_de: "Nichts zu tun. Wer die Wirkung einzelner Ziele verfolgen will, ordnet die Maßnahmen zusätzlich den Zielen zu.",
        fix_en: "Nothing to do. To follow the effect of single goals, link the measures to the goals as well.";
    /// The measure has no existing lead.
    MeasureWithoutLead = "measure-without-lead", Warning,
        de: "Die Maßnahme hat keine Federführung, oder die Federführung ist kein vorhandener Akteur.",
        en: "The measure has no lead, or its lead is not an existing actor.",
        fix_de: "Die federführende Stelle oder den federführenden Akteur benennen.",
        fix_en: "Name the actor or unit that leads the measure.";
    /// The measure has no existing indicator.
    MeasureWithoutIndicator = "measure-without-indicator", Warning,
        de: "Die Maßnahme hat keine vorhandene Kennzahl; ihre Wirkung lässt sich nicht messen.",
        en: "The measure has no existing indicator; its effect cannot be measured.",
        fix_de: "Der Maßnahme eine Kennzahl mit Ausgangs- und Zielwert zuordnen.",
        fix_en: "Link an indicator with a baseline and a target to the measure.";
    /// The measure's status has not been updated for too long.
    StaleStatus = "stale-status", Warning,
        de: "Der Umsetzungsstand der Maßnahme wurde länger als die eingestellte Frist (Standard 365 Tage) nicht aktualisiert.",
        en: "The measure's status has not been updated for longer than the threshold (default 365 days).",
        fix_de: "Den aktuellen Umsetzungsstand mit Datum eintragen.",
        fix_en: "Record the current status with its date.";
    /// The indicator has no baseline.
    IndicatorWithoutBaseline = "indicator-without-baseline", Info,
        de: "Die Kennzahl hat keinen Ausgangswert; das Monitoring greift hilfsweise auf den ersten Ist-Wert zurück.",
        en: "The indicator has no baseline; monitoring falls back to its earliest observed value.",
        fix_de: "Den Ausgangswert mit Bezugsjahr eintragen.",
        fix_en: "Enter the baseline with its year.";
    /// The indicator has no target.
    IndicatorWithoutTarget = "indicator-without-target", Warning,
        de: "Die Kennzahl hat keinen Zielwert; ihr Fortschritt lässt sich nicht bewerten (Ampel grau).",
        en: "The indicator has no target; its progress cannot be judged (grey light).",
        fix_de: "Einen Zielwert mit Zieljahr festlegen.",
        fix_en: "Set a target value with its year.";
    /// No goal has a priority.
    NoGoalPriorities = "no-goal-priorities", Warning,
        de: "Kein Ziel hat eine Priorität; die Ziele sind nicht priorisiert.",
        en: "No goal has a priority; the goals are not prioritised.",
        fix_de: "Den Zielen Prioritäten geben (hoch / mittel / gering).",
        fix_en: "Give the goals priorities (high / medium / low).";
    /// Nearly all measures are led by one actor.
    SingleActorCatalogue = "single-actor-catalogue", Warning,
        de: "Fast alle Maßnahmen (Standard: mindestens 80 % von mindestens 5 Maßnahmen mit Federführung) liegen bei einem einzigen Akteur; der Katalog bleibt in einem Zuständigkeitsbereich.",
        en: "Nearly all measures (default: at least 80 % of at least 5 measures with a lead) are led by one actor; the catalogue stays within one remit.",
        fix_de: "Weitere Akteure als Federführung gewinnen: andere Fachbereiche, Städte und Gemeinden, Verbände, Unternehmen.",
        fix_en: "Win other actors as leads: other departments, municipalities, associations, businesses.";
    /// No event is open to the public or the municipalities.
    NoPublicParticipation = "no-public-participation", Warning,
        de: "Keine Veranstaltung richtet sich an die Öffentlichkeit, die Bürgerinnen und Bürger oder die Städte und Gemeinden.",
        en: "No event is open to the public, the citizens or the municipalities.",
        fix_de: "Öffentlichkeit und kreisangehörige Gemeinden beteiligen (Auftakt, Zukunftskonferenz, Befragung) und die Veranstaltungen mit ihrer Zielgruppe erfassen.",
        fix_en: "Involve the public and the municipalities (kick-off, future conference, survey) and record the events with their audience.";
    /// The revision is overdue.
    ReviewOverdue = "review-overdue", Warning,
        de: "Der Beschluss des Konzepts liegt länger zurück als sein Überarbeitungszyklus; die Fortschreibung ist überfällig.",
        en: "The concept was adopted longer ago than its revision cycle; the revision is overdue.",
        fix_de: "Die Fortschreibung beginnen (Status „in Fortschreibung“) oder eine neue Ausgabe beschließen.",
        fix_en: "Start the revision (status \"under review\") or adopt a new edition.";
    /// The horizon barely reaches past the budget planning.
    ShortHorizon = "short-horizon", Warning,
        de: "Der Zeithorizont reicht kaum über die mittelfristige Finanzplanung (Haushaltsjahr und drei Folgejahre) hinaus.",
        en: "The horizon barely reaches past the medium-term financial plan (the budget year and three more years).",
        fix_de: "Einen langfristigen Zeithorizont setzen und Maßnahmen auch über die Finanzplanung hinaus planen.",
        fix_en: "Set a long-term horizon and plan measures beyond the financial plan.";
    /// A consultation took place but its outcome is not recorded.
    ResolutionWithoutOutcome = "resolution-without-outcome", Warning,
        de: "Eine Beratung hat stattgefunden (oder war geplant), aber ihr Ergebnis ist nicht erfasst, oder ein vorgelegter Beschluss ist seit Langem offen.",
        en: "A consultation took place (or was planned) but its outcome is not recorded, or a submitted resolution has been open for long.",
        fix_de: "Das Ergebnis der Beratung (beschlossen, abgelehnt, vertagt …) mit Datum eintragen.",
        fix_en: "Record the outcome of the consultation (adopted, rejected, deferred …) with its date.";
}

impl FindingCode {
    /// What the code means, in the given language.
    pub fn description(self, lang: Language) -> &'static str {
        match lang {
            Language::De => self.description_de(),
            Language::En => self.description_en(),
        }
    }

    /// How to fix it, in the given language.
    pub fn fix(self, lang: Language) -> &'static str {
        match lang {
            Language::De => self.fix_de(),
            Language::En => self.fix_en(),
        }
    }
}

impl fmt::Display for FindingCode {
    /// Writes the kebab-case code.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A text that is not a finding code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown finding code {0:?}")]
pub struct UnknownFindingCode(pub String);

impl std::str::FromStr for FindingCode {
    type Err = UnknownFindingCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        FindingCode::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| UnknownFindingCode(s.chars().take(80).collect()))
    }
}

// ---------------------------------------------------------------------------
// Findings and the report
// ---------------------------------------------------------------------------

/// A message in German and English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Message {
    /// German.
    pub de: String,
    /// English.
    pub en: String,
}

impl Message {
    /// The message in the given language.
    pub fn get(&self, lang: Language) -> &str {
        match lang {
            Language::De => &self.de,
            Language::En => &self.en,
        }
    }
}

/// One finding of the health report.
///
/// Serializes as `{"severity", "code", "path", "message": {"de", "en"}}`;
/// for one language use [`Finding::view`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// How serious it is (always `code.severity()`).
    pub severity: Severity,
    /// What it is about.
    pub code: FindingCode,
    /// Where: `measures[W3]`, `goals[uz1-2]`, `events` for the concept's
    /// events as a whole.
    pub path: ItemPath,
    /// What is wrong, naming the item.
    pub message: Message,
}

impl Finding {
    pub(super) fn new(code: FindingCode, path: ItemPath, de: String, en: String) -> Self {
        Finding {
            severity: code.severity(),
            code,
            path,
            message: Message { de, en },
        }
    }

    /// The message in the given language.
    pub fn message(&self, lang: Language) -> &str {
        self.message.get(lang)
    }

    /// The finding in one language, for output: serializes as
    /// `{"severity", "code", "path", "message"}`.
    pub fn view(&self, lang: Language) -> FindingView<'_> {
        FindingView {
            severity: self.severity,
            code: self.code,
            path: &self.path,
            message: self.message.get(lang),
        }
    }
}

impl fmt::Display for Finding {
    /// `warning[goal-without-measures] goals[uz1-2]: <German message>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}] ", self.severity, self.code)?;
        if !self.path.is_root() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message.de)
    }
}

/// A finding in one language; serializes with exactly the keys `severity`,
/// `code`, `path` and `message`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct FindingView<'a> {
    /// `error`, `warning` or `info`.
    pub severity: Severity,
    /// The kebab-case code.
    pub code: FindingCode,
    /// The path.
    pub path: &'a ItemPath,
    /// The message in the chosen language.
    pub message: &'a str,
}

/// Options of the health report: the evaluation date and the thresholds.
///
/// ```
/// use kreisentwicklung_core::Date;
/// use kreisentwicklung_core::health::HealthOptions;
///
/// let o = HealthOptions::new(Date::from_ymd(2025, 6, 30)?).with_stale_after_days(180);
/// assert_eq!(o.stale_after_days, 180);
/// assert_eq!(o.budget_planning_years, 3);
/// # Ok::<(), kreisentwicklung_core::DateError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct HealthOptions {
    /// The evaluation date.
    pub today: Date,
    /// A status update older than this many days is stale (default 365).
    pub stale_after_days: u32,
    /// Years of the medium-term financial plan after the budget year
    /// (default 3).
    pub budget_planning_years: u8,
    /// The share of measures with a lead that one actor may lead before the
    /// catalogue counts as a single actor's (default 0.8).
    pub single_actor_share: f64,
    /// The fewest measures with a lead for that check (default 5).
    pub single_actor_min_measures: usize,
    /// Days after which a resolution whose last step is still "submitted"
    /// counts as without outcome (default 90).
    pub pending_outcome_days: u32,
    /// The revision cycle for concepts that do not state one (default none:
    /// such concepts are not checked for an overdue review).
    pub default_revision_cycle_years: Option<u8>,
}

impl HealthOptions {
    /// Default thresholds, judged on `today`.
    pub fn new(today: Date) -> Self {
        HealthOptions {
            today,
            stale_after_days: 365,
            budget_planning_years: 3,
            single_actor_share: 0.8,
            single_actor_min_measures: 5,
            pending_outcome_days: 90,
            default_revision_cycle_years: None,
        }
    }

    /// Sets [`stale_after_days`](Self::stale_after_days).
    #[must_use]
    pub fn with_stale_after_days(mut self, days: u32) -> Self {
        self.stale_after_days = days;
        self
    }

    /// Sets [`budget_planning_years`](Self::budget_planning_years).
    #[must_use]
    pub fn with_budget_planning_years(mut self, years: u8) -> Self {
        self.budget_planning_years = years;
        self
    }

    /// Sets [`single_actor_share`](Self::single_actor_share) and
    /// [`single_actor_min_measures`](Self::single_actor_min_measures).
    #[must_use]
    pub fn with_single_actor(mut self, share: f64, min_measures: usize) -> Self {
        self.single_actor_share = share;
        self.single_actor_min_measures = min_measures;
        self
    }

    /// Sets [`pending_outcome_days`](Self::pending_outcome_days).
    #[must_use]
    pub fn with_pending_outcome_days(mut self, days: u32) -> Self {
        self.pending_outcome_days = days;
        self
    }

    /// Sets [`default_revision_cycle_years`](Self::default_revision_cycle_years).
    #[must_use]
    pub fn with_default_revision_cycle_years(mut self, years: u8) -> Self {
        self.default_revision_cycle_years = Some(years);
        self
    }
}

/// The findings about a concept, in a deterministic order (see
/// [Order](self#order)).
///
/// ```
/// use kreisentwicklung_core::*;
/// use kreisentwicklung_core::health::{FindingCode, Severity};
///
/// let c = Concept::new("kek", "KEK", ConceptKind::Kek, Territory::landkreis("Helmstedt"))
///     .with_goal(Goal::new("oz1", 1, "Attraktiver Wohnraum"))
///     .with_goal(Goal::new("oz2", 1, "Willkommenskultur"));
/// let report = c.health_report(&HealthOptions::new(Date::from_ymd(2023, 1, 31)?));
/// assert_eq!(report.count(Severity::Error), 1);
/// assert_eq!(report.by_code()[&FindingCode::GoalWithoutMeasures].len(), 2);
/// assert_eq!(report.views(Language::De)[0].message, "Das Konzept hat 2 Ziele, aber keine einzige Maßnahme.");
/// # Ok::<(), DateError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct HealthReport {
    /// The findings.
    pub findings: Vec<Finding>,
}

impl HealthReport {
    /// True when there is no finding at all.
    pub fn is_empty(&self) -> bool {
        self.findings.is_empty()
    }

    /// True when some finding is an error.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// The number of findings of a severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// True when some finding has the code.
    pub fn has(&self, code: FindingCode) -> bool {
        self.findings.iter().any(|f| f.code == code)
    }

    /// The findings with a code, in report order.
    pub fn with_code(&self, code: FindingCode) -> impl Iterator<Item = &Finding> + '_ {
        self.findings.iter().filter(move |f| f.code == code)
    }

    /// The findings grouped by code, codes in the order of
    /// [`FindingCode::ALL`].
    pub fn by_code(&self) -> BTreeMap<FindingCode, Vec<&Finding>> {
        let mut map: BTreeMap<FindingCode, Vec<&Finding>> = BTreeMap::new();
        for f in &self.findings {
            map.entry(f.code).or_default().push(f);
        }
        map
    }

    /// Every finding in one language, for output (`--json`).
    pub fn views(&self, lang: Language) -> Vec<FindingView<'_>> {
        self.findings.iter().map(|f| f.view(lang)).collect()
    }
}

impl IntoIterator for HealthReport {
    type Item = Finding;
    type IntoIter = std::vec::IntoIter<Finding>;
    fn into_iter(self) -> Self::IntoIter {
        self.findings.into_iter()
    }
}

/// The number of findings of each severity; see
/// [`Evaluation::finding_counts`](crate::Evaluation::finding_counts).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct FindingCounts {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Infos.
    pub infos: usize,
}

impl FindingCounts {
    /// The number of findings of a severity.
    pub fn get(&self, severity: Severity) -> usize {
        match severity {
            Severity::Error => self.errors,
            Severity::Warning => self.warnings,
            Severity::Info => self.infos,
        }
    }

    /// The number of all findings.
    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }

    pub(super) fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }
}
