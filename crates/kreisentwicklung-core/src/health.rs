//! The health report: gaps in a concept that software can see — goals
//! without measures, measures without indicators, no priorities, no public
//! participation, an overdue review — instead of leaving them to be found
//! years later, as in Helmstedt.
//!
//! Validation ([`Concept::validate`]) says whether a concept is well-formed;
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
//! | `goal-without-measures` | warning | No measure serves the goal or any of its sub-goals (path `goals[…]`). Reported for every such goal, also when the concept has no measures at all. | Name measures for the goal, or drop or defer it. |
//! | `measure-without-goal` | warning | The measure serves no existing goal (path `measures[…]`). | Enter the goals the measure serves. |
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
//! ([`Concept::revision_cycle_years`], or
//! [`HealthOptions::default_revision_cycle_years`]) and is neither under
//! review nor superseded. The cycle runs from the date the concept has been
//! in force since ([`in_force_since`]): the adoption date
//! ([`Concept::adopted_on`]); without one, for a concept that is adopted or
//! in implementation, 31 December of its edition year, else the last day of
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

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::ops::ControlFlow;

use serde::Serialize;

use crate::index::{ConceptIndex, InOrder};
use crate::{
    Concept, ConceptStatus, Date, DocumentKind, Id, ItemPath, Language, MeasureStatus, Outcome,
    Period, TimeHorizon,
};

// ---------------------------------------------------------------------------
// Severity and codes
// ---------------------------------------------------------------------------

/// How serious a finding is. Sorts errors first.
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
    fn new(code: FindingCode, path: ItemPath, de: String, en: String) -> Self {
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

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// The same day `years` years later (28 February for 29 February), if the
/// year is supported.
fn add_years(date: Date, years: i32) -> Option<Date> {
    let y = date.year().checked_add(years)?;
    Date::from_ymd(y, date.month(), date.day())
        .or_else(|_| Date::from_ymd(y, date.month(), 28))
        .ok()
}

/// Text shortened to `max` characters, with "…".
fn short(text: &str, max: usize) -> String {
    let (t, cut) = shortened(text, max);
    if cut {
        format!("{t}…")
    } else {
        t.to_owned()
    }
}

/// The trimmed text, or its first `max - 1` characters (trimmed again) and
/// `true` when it has more than `max`: where "…" goes.
fn shortened(text: &str, max: usize) -> (&str, bool) {
    let t = text.trim();
    if t.char_indices().nth(max).is_none() {
        return (t, false);
    }
    let end = t
        .char_indices()
        .nth(max.saturating_sub(1))
        .map_or(t.len(), |(i, _)| i);
    (t[..end].trim_end(), true)
}

/// "ein Ziel" / "3 Ziele".
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        one.to_owned()
    } else {
        format!("{n} {many}")
    }
}

/// How an item is named in messages: its number if it has one, else its id,
/// then its title: `1.2 „Infrastruktur“` / `1.2 "Infrastruktur"`. Written
/// straight into the message (no string of its own: a report of 100,000
/// measures names some 60,000 items).
fn name<'a>(number: Option<&'a str>, id: &'a Id, title: &'a str) -> (Named<'a>, Named<'a>) {
    let number = number
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .unwrap_or(id.as_str());
    let (title, cut) = shortened(title, 60);
    let named = |german| Named {
        number,
        title,
        cut,
        german,
    };
    (named(true), named(false))
}

/// An item's name in a message; see [`name`].
#[derive(Clone, Copy)]
struct Named<'a> {
    number: &'a str,
    title: &'a str,
    cut: bool,
    german: bool,
}

impl fmt::Display for Named<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (open, close) = if self.german {
            ("„", "“")
        } else {
            ("\"", "\"")
        };
        let ellipsis = if self.cut { "…" } else { "" };
        write!(f, "{} {open}{}{ellipsis}{close}", self.number, self.title)
    }
}

// ---------------------------------------------------------------------------
// Review schedule
// ---------------------------------------------------------------------------

/// Where the date a concept has been in force since comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum StartBasis {
    /// The adoption date ([`Concept::adopted_on`]).
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
/// ([`Concept::adopted_on`]); without one, for a concept that is adopted or
/// in implementation, 31 December of its edition year, else the last day of
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
        ConceptStatus::Adopted | ConceptStatus::InImplementation
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
/// cycle ([`Concept::revision_cycle_years`], else
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

fn review_schedule(concept: &Concept, options: &HealthOptions) -> Option<(InForceSince, Date, u8)> {
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

// ---------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------

/// Runs the checks on the concept of `index` and hands the findings (of
/// `only` one severity, or all) to `to`, in the order of the checks, until
/// it says stop; returns true when it did.
pub(crate) fn emit(
    index: &ConceptIndex<'_>,
    options: &HealthOptions,
    only: Option<Severity>,
    to: &mut dyn FnMut(Finding) -> ControlFlow<()>,
) -> bool {
    let mut checker = Checker::new(
        index,
        options,
        Sink::Emit {
            only,
            to,
            stopped: false,
        },
    );
    checker.run();
    matches!(checker.sink, Sink::Emit { stopped: true, .. })
}

/// Counts the findings of each severity without formatting a message or
/// a path.
pub(crate) fn count_all(index: &ConceptIndex<'_>, options: &HealthOptions) -> FindingCounts {
    let mut checker = Checker::new(index, options, Sink::Count(FindingCounts::default()));
    checker.run();
    match checker.sink {
        Sink::Count(counts) => counts,
        Sink::Emit { .. } => FindingCounts::default(),
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

    fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }
}

/// Where the checks put their findings.
enum Sink<'s> {
    /// Count them; format nothing.
    Count(FindingCounts),
    /// Format the findings (of one severity, or all) and hand them over
    /// until the receiver says stop.
    Emit {
        only: Option<Severity>,
        to: &'s mut dyn FnMut(Finding) -> ControlFlow<()>,
        stopped: bool,
    },
}

struct Checker<'i, 'a, 's> {
    c: &'a Concept,
    o: &'i HealthOptions,
    sink: Sink<'s>,
    index: &'i ConceptIndex<'a>,
    /// The indicators, which grow with the catalogue, are found in list
    /// order first ([`InOrder`]).
    indicator_ids: InOrder<'i, 'a, crate::Indicator>,
    /// Per measure: does one of its goals exist? Found while
    /// `goals_without_measures` walks the measures' goal lists, so that
    /// `measures` need not read every list again (at 100,000 measures each
    /// list is a cache miss).
    measure_has_goal: Vec<bool>,
}

impl<'i, 'a, 's> Checker<'i, 'a, 's> {
    fn new(index: &'i ConceptIndex<'a>, o: &'i HealthOptions, sink: Sink<'s>) -> Self {
        let c = index.concept();
        Checker {
            c,
            o,
            sink,
            index,
            indicator_ids: InOrder::new(&c.indicators, |i| &i.id, &index.cells().indicators),
            measure_has_goal: Vec::new(),
        }
    }

    /// Runs every check, in the order of the code table. The checks that
    /// walk a whole catalogue run only when their findings are wanted: a
    /// stream of one severity (see [`emit`]) then walks the
    /// measures and indicators once in all instead of once per severity.
    fn run(&mut self) {
        use FindingCode as C;
        self.no_measures();
        self.no_goal_priorities();
        if self.wants(C::SingleActorCatalogue) {
            self.single_actor_catalogue();
        }
        self.no_public_participation();
        self.review_overdue();
        self.short_horizon();
        // Also finds which measures serve an existing goal.
        if self.wants(C::GoalWithoutMeasures) || self.wants(C::MeasureWithoutGoal) {
            self.goals_without_measures();
        }
        if [
            C::MeasureWithoutGoal,
            C::MeasureWithoutLead,
            C::MeasureWithoutIndicator,
            C::StaleStatus,
        ]
        .into_iter()
        .any(|code| self.wants(code))
        {
            self.measures();
        }
        if self.wants(C::IndicatorWithoutBaseline) || self.wants(C::IndicatorWithoutTarget) {
            self.indicators();
        }
        if self.wants(C::ResolutionWithoutOutcome) {
            self.resolutions();
        }
    }

    /// Whether a finding with `code` would be counted or handed over.
    fn wants(&self, code: FindingCode) -> bool {
        match &self.sink {
            Sink::Count(_) => true,
            Sink::Emit { only, stopped, .. } => {
                !*stopped && only.is_none_or(|s| s == code.severity())
            }
        }
    }

    /// Records a finding. Path and message are closures so that counting,
    /// and emitting one severity, format nothing they do not hand over.
    fn push(
        &mut self,
        code: FindingCode,
        path: impl FnOnce() -> ItemPath,
        message: impl FnOnce() -> (String, String),
    ) {
        if !self.wants(code) {
            return;
        }
        match &mut self.sink {
            Sink::Count(counts) => counts.add(code.severity()),
            Sink::Emit { to, stopped, .. } => {
                let (de, en) = message();
                if to(Finding::new(code, path(), de, en)).is_break() {
                    *stopped = true;
                }
            }
        }
    }

    fn no_measures(&mut self) {
        let c = self.c;
        let (g, f) = (c.goals.len(), c.fields.len());
        if !c.measures.is_empty() || (g == 0 && f == 0) {
            return;
        }
        // A concept that says where its measures are kept (a catalogue it
        // lists only in part, the budget plan, an online project list) is
        // not a concept without measures.
        let kept_elsewhere = c
            .coverage
            .iter()
            .any(|k| k.collection == crate::Collection::Measures)
            || c.reporting.iter().any(|r| {
                matches!(
                    r.kind,
                    crate::ReportingKind::BudgetPlan | crate::ReportingKind::OnlineProjectList
                )
            });
        if kept_elsewhere {
            return;
        }
        let goals_de = count(g, "ein Ziel", "Ziele");
        let goals_en = count(g, "one goal", "goals");
        let fields_de = count(f, "ein Handlungsfeld", "Handlungsfelder");
        let fields_en = count(f, "one field of action", "fields of action");
        let (what_de, what_en) = match (g, f) {
            (_, 0) => (goals_de, goals_en),
            (0, _) => (fields_de, fields_en),
            _ => (
                format!("{goals_de} und {fields_de}"),
                format!("{goals_en} and {fields_en}"),
            ),
        };
        self.push(
            FindingCode::NoMeasures,
            || ItemPath::field_of_concept("measures"),
            || {
                (
                    format!("Das Konzept hat {what_de}, aber keine einzige Maßnahme."),
                    format!("The concept has {what_en} but not a single measure."),
                )
            },
        );
    }

    fn no_goal_priorities(&mut self) {
        let goals = &self.c.goals;
        if goals.is_empty() || goals.iter().any(|g| g.priority.is_some()) {
            return;
        }
        let (de, en) = if goals.len() == 1 {
            (
                "Das einzige Ziel hat keine Priorität.".to_owned(),
                "The only goal has no priority.".to_owned(),
            )
        } else {
            (
                format!(
                    "Keines der {} Ziele hat eine Priorität; die Ziele sind nicht priorisiert.",
                    goals.len()
                ),
                format!(
                    "None of the {} goals has a priority; the goals are not prioritised.",
                    goals.len()
                ),
            )
        };
        self.push(
            FindingCode::NoGoalPriorities,
            || ItemPath::field_of_concept("goals"),
            || (de, en),
        );
    }

    fn single_actor_catalogue(&mut self) {
        // Count measures per existing lead; ties go to the lead named first.
        let mut order: Vec<&str> = Vec::new();
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for m in &self.c.measures {
            if let Some(lead) = m
                .lead
                .as_ref()
                .filter(|l| self.index.actors().contains_key(l.as_str()))
            {
                let n = counts.entry(lead.as_str()).or_insert(0);
                if *n == 0 {
                    order.push(lead.as_str());
                }
                *n += 1;
            }
        }
        let total: usize = counts.values().sum();
        if total == 0 || total < self.o.single_actor_min_measures {
            return;
        }
        let mut best: Option<(&str, usize)> = None;
        for a in order {
            let n = counts[a];
            if best.is_none_or(|(_, b)| n > b) {
                best = Some((a, n));
            }
        }
        let Some((actor, n)) = best else { return };
        let share = n as f64 / total as f64;
        if share + 1e-9 < self.o.single_actor_share {
            return;
        }
        let actor_name = self
            .c
            .actor(actor)
            .map_or_else(|| actor.to_owned(), |a| short(a.name.as_str(), 60));
        let pct = (share * 100.0).round();
        self.push(FindingCode::SingleActorCatalogue, || ItemPath::field_of_concept("measures"), || (format!(
                "{n} von {total} Maßnahmen mit Federführung ({pct} %) liegen bei „{actor_name}“."
            ), format!("{n} of {total} measures with a lead ({pct} %) are led by \"{actor_name}\".")));
    }

    fn no_public_participation(&mut self) {
        let events = &self.c.events;
        if events.iter().any(crate::Event::is_public) {
            return;
        }
        let (de, en) = if events.is_empty() {
            (
                "Es ist keine Beteiligungsveranstaltung erfasst, also auch keine für Öffentlichkeit oder Gemeinden.".to_owned(),
                "No participation event is recorded, so none open to the public or the municipalities.".to_owned(),
            )
        } else {
            (
                format!(
                    "Keine der {} Veranstaltungen richtet sich an die Öffentlichkeit, die Bürgerinnen und Bürger oder die Städte und Gemeinden.",
                    events.len()
                ),
                format!(
                    "None of the {} events is open to the public, the citizens or the municipalities.",
                    events.len()
                ),
            )
        };
        self.push(
            FindingCode::NoPublicParticipation,
            || ItemPath::field_of_concept("events"),
            || (de, en),
        );
    }

    fn review_overdue(&mut self) {
        let Some((start, due, cycle)) = review_schedule(self.c, self.o) else {
            return;
        };
        if self.o.today <= due {
            return;
        }
        let (de, en) = match start.basis {
            StartBasis::Adoption => (
                format!(
                    "Das Konzept wurde am {} beschlossen; nach dem Überarbeitungszyklus von {cycle} Jahren war die Fortschreibung am {} fällig.",
                    start.date.german(),
                    due.german()
                ),
                format!(
                    "The concept was adopted on {}; with a revision cycle of {cycle} years the revision was due on {due}.",
                    start.date
                ),
            ),
            StartBasis::Edition | StartBasis::Document => (
                format!(
                    "Das Konzept stammt aus {} (kein Beschlussdatum erfasst); nach dem Überarbeitungszyklus von {cycle} Jahren war die Fortschreibung bis Ende {} fällig.",
                    start.date.year(),
                    due.year()
                ),
                format!(
                    "The concept dates from {} (no adoption date recorded); with a revision cycle of {cycle} years the revision was due by the end of {}.",
                    start.date.year(),
                    due.year()
                ),
            ),
        };
        self.push(
            FindingCode::ReviewOverdue,
            || ItemPath::field_of_concept("revisionCycleYears"),
            || (de, en),
        );
    }

    fn short_horizon(&mut self) {
        let c = self.c;
        let reference = in_force_since(c).map_or(self.o.today.year(), |s| s.date.year());
        let limit = reference
            .saturating_add(1)
            .saturating_add(i32::from(self.o.budget_planning_years));
        let years = self.o.budget_planning_years;
        if let Some(h) = c.horizon {
            if matches!(h, crate::Horizon::OpenEnded { .. }) || h.last_year() > limit {
                return;
            }
            self.push(FindingCode::ShortHorizon, || ItemPath::field_of_concept("horizon"), || (format!(
                    "Der Zeithorizont {h} reicht nicht über die mittelfristige Finanzplanung hinaus (Haushaltsjahr {} und {years} Folgejahre, bis {limit}).",
                    reference.saturating_add(1)
                ), format!(
                    "The horizon {h} does not reach past the medium-term financial plan (budget year {} and {years} more years, up to {limit}).",
                    reference.saturating_add(1)
                )));
            return;
        }
        // No horizon: judge by the measures' periods.
        let mut reach: Option<i32> = None;
        for m in &c.measures {
            if matches!(
                m.time_horizon,
                Some(TimeHorizon::Long | TimeHorizon::Continuous)
            ) {
                return;
            }
            let Some(p) = &m.period else { continue };
            if matches!(p, Period::Since { .. }) {
                return;
            }
            if let Some(end) = p.latest() {
                reach = Some(reach.map_or(end.year(), |r| r.max(end.year())));
            }
        }
        let Some(reach) = reach else { return };
        if reach > limit {
            return;
        }
        self.push(FindingCode::ShortHorizon, || ItemPath::field_of_concept("measures"), || (format!(
                "Das Konzept nennt keinen Zeithorizont, und keine Maßnahme reicht über {reach} hinaus, also nicht über die mittelfristige Finanzplanung (bis {limit})."
            ), format!(
                "The concept names no horizon, and no measure reaches past {reach}, so not past the medium-term financial plan (up to {limit})."
            )));
    }

    fn goals_without_measures(&mut self) {
        let goals = &self.c.goals;
        if goals.is_empty() {
            return;
        }
        let parents = self.index.parents();
        let mut by_id: HashMap<&str, Vec<usize>, foldhash::fast::RandomState> = HashMap::default();
        for (i, g) in goals.iter().enumerate() {
            by_id.entry(g.id.as_str()).or_default().push(i);
        }
        // Goals served directly, then everything above them; each goal is
        // climbed from once, so a cycle cannot hang the walk.
        let mut served = vec![false; goals.len()];
        let mut climbed = vec![false; goals.len()];
        let mut measure_has_goal = vec![false; self.c.measures.len()];
        for (m, has_goal) in self.c.measures.iter().zip(&mut measure_has_goal) {
            for gid in &m.goals {
                let starts = by_id.get(gid.as_str());
                *has_goal |= starts.is_some();
                for &start in starts.into_iter().flatten() {
                    let mut cur = Some(start);
                    while let Some(g) = cur {
                        if climbed[g] {
                            break;
                        }
                        climbed[g] = true;
                        served[g] = true;
                        cur = parents[g];
                    }
                }
            }
        }
        self.measure_has_goal = measure_has_goal;
        let mut has_children = vec![false; goals.len()];
        for p in parents.iter().flatten() {
            has_children[*p] = true;
        }
        for (i, g) in goals.iter().enumerate() {
            if served[i] {
                continue;
            }
            self.push(
                FindingCode::GoalWithoutMeasures,
                || ItemPath::item("goals", &g.id, i),
                || {
                    let (n_de, n_en) = name(g.number.as_deref(), &g.id, g.title.as_str());
                    if has_children[i] {
                        (
                            format!("Weder dem Ziel {n_de} noch einem seiner Unterziele dient eine Maßnahme."),
                            format!("No measure serves goal {n_en} or any of its sub-goals."),
                        )
                    } else {
                        (
                            format!("Dem Ziel {n_de} dient keine Maßnahme."),
                            format!("No measure serves goal {n_en}."),
                        )
                    }
                },
            );
        }
    }

    fn measures(&mut self) {
        let c = self.c;
        let today = self.o.today;
        let stale_after = self.o.stale_after_days;
        // The lookups and dates only where their findings are wanted.
        let (want_indicator, want_stale) = (
            self.wants(FindingCode::MeasureWithoutIndicator),
            self.wants(FindingCode::StaleStatus),
        );
        for (i, m) in c.measures.iter().enumerate() {
            // Formatted only for a finding that is handed over.
            let path = || ItemPath::item("measures", &m.id, i);
            let name = || name(m.number.as_deref(), &m.id, m.title.as_str());

            // Without goals `goals_without_measures` returned early and left
            // the list empty: then no measure has an existing goal.
            let has_goal = self.measure_has_goal.get(i).copied().unwrap_or(false);
            if !has_goal {
                self.push(FindingCode::MeasureWithoutGoal, path, || {
                    let (n_de, n_en) = name();
                    if m.goals.is_empty() {
                        (
                            format!("Die Maßnahme {n_de} ist keinem Ziel zugeordnet."),
                            format!("Measure {n_en} is linked to no goal."),
                        )
                    } else {
                        (
                            format!(
                                "Die Maßnahme {n_de} verweist nur auf Ziele, die es nicht gibt."
                            ),
                            format!("Measure {n_en} refers only to goals that do not exist."),
                        )
                    }
                });
            }

            match &m.lead {
                None => self.push(FindingCode::MeasureWithoutLead, path, || {
                    let (n_de, n_en) = name();
                    (
                        format!("Die Maßnahme {n_de} hat keine Federführung."),
                        format!("Measure {n_en} has no lead."),
                    )
                }),
                Some(l) if !self.index.actors().contains_key(l.as_str()) => {
                    self.push(FindingCode::MeasureWithoutLead, path, || {
                        let (n_de, n_en) = name();
                        let lead = short(l.as_str(), 64);
                        (
                            format!("Die Federführung „{lead}“ der Maßnahme {n_de} ist kein erfasster Akteur."),
                            format!("The lead \"{lead}\" of measure {n_en} is not a recorded actor."),
                        )
                    })
                }
                Some(_) => {}
            }

            if want_indicator
                && !m
                    .indicators
                    .iter()
                    .any(|x| self.indicator_ids.contains(x.as_str()))
            {
                self.push(FindingCode::MeasureWithoutIndicator, path, || {
                    let (n_de, n_en) = name();
                    (
                        format!("Die Maßnahme {n_de} hat keine Kennzahl."),
                        format!("Measure {n_en} has no indicator."),
                    )
                });
            }

            if !want_stale {
                continue;
            }
            let status = m.status.or_else(|| {
                m.status_history
                    .iter()
                    .max_by_key(|u| u.date)
                    .map(|u| u.status)
            });
            let finished = matches!(
                status,
                Some(MeasureStatus::Completed | MeasureStatus::Abandoned)
            );
            if let (false, Some(last)) = (finished, m.last_status_update()) {
                let age = last.days_until(today);
                if age > i64::from(stale_after) {
                    self.push(FindingCode::StaleStatus, path, || {
                        let (n_de, n_en) = name();
                        (
                            format!(
                                "Der Stand der Maßnahme {n_de} wurde zuletzt am {} aktualisiert, vor {age} Tagen (Frist {stale_after} Tage).",
                                last.german()
                            ),
                            format!(
                                "The status of measure {n_en} was last updated on {last}, {age} days ago (threshold {stale_after} days)."
                            ),
                        )
                    });
                }
            }
        }
    }

    fn indicators(&mut self) {
        for (i, ind) in self.c.indicators.iter().enumerate() {
            let path = || ItemPath::item("indicators", &ind.id, i);
            let name = || name(ind.number.as_deref(), &ind.id, ind.name.as_str());
            if ind.baseline.is_none() {
                self.push(FindingCode::IndicatorWithoutBaseline, path, || {
                    let (n_de, n_en) = name();
                    (
                        format!("Die Kennzahl {n_de} hat keinen Ausgangswert."),
                        format!("Indicator {n_en} has no baseline."),
                    )
                });
            }
            if ind.targets.is_empty() {
                self.push(FindingCode::IndicatorWithoutTarget, path, || {
                    let (n_de, n_en) = name();
                    (
                        format!("Die Kennzahl {n_de} hat keinen Zielwert."),
                        format!("Indicator {n_en} has no target."),
                    )
                });
            }
        }
    }

    fn resolutions(&mut self) {
        let today = self.o.today;
        for (ri, r) in self.c.resolutions.iter().enumerate() {
            let title = short(r.title.as_str(), 60);
            let last = r.consultations.len().saturating_sub(1);
            for (ci, k) in r.consultations.iter().enumerate() {
                // A step without outcome is immaterial once a later one has one.
                if k.outcome.is_none()
                    && r.consultations[ci + 1..]
                        .iter()
                        .any(|l| l.outcome.is_some())
                {
                    continue;
                }
                let path = || {
                    ItemPath::item("resolutions", &r.id, ri)
                        .field("consultations")
                        .index(ci)
                };
                let body = self
                    .c
                    .actor(k.body.as_str())
                    .map_or_else(|| k.body.to_string(), |a| short(a.name.as_str(), 60));
                match (k.outcome, k.date, k.planned_date) {
                    (None, Some(d), _) if d < today => self.push(FindingCode::ResolutionWithoutOutcome, path, || (format!(
                            "„{title}“: Die Beratung in „{body}“ am {} hat kein erfasstes Ergebnis.",
                            d.german()
                        ), format!(
                            "\"{title}\": the consultation in \"{body}\" on {d} has no recorded outcome."
                        ))),
                    (None, None, Some(p)) if p < today => self.push(FindingCode::ResolutionWithoutOutcome, path, || (format!(
                            "„{title}“: Die Beratung in „{body}“ war für den {} geplant; weder Datum noch Ergebnis sind erfasst.",
                            p.german()
                        ), format!(
                            "\"{title}\": the consultation in \"{body}\" was planned for {p}; neither its date nor its outcome is recorded."
                        ))),
                    (Some(Outcome::Submitted), d, p) if ci == last => {
                        let Some(since) = d.or(p) else { continue };
                        let age = since.days_until(today);
                        if age > i64::from(self.o.pending_outcome_days) {
                            self.push(FindingCode::ResolutionWithoutOutcome, path, || (format!(
                                    "„{title}“: am {} in „{body}“ vorgelegt; das Ergebnis ist seit {age} Tagen offen.",
                                    since.german()
                                ), format!(
                                    "\"{title}\": submitted to \"{body}\" on {since}, the outcome has been open for {age} days."
                                )));
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names and shortened texts as messages print them: the number (else
    /// the id), the title trimmed and cut after 59 characters with "…".
    #[test]
    fn names_in_messages() {
        let id = Id::new("m-17");
        let (de, en) = name(Some(" 2.1 "), &id, "  Radweg Nord  ");
        assert_eq!(de.to_string(), "2.1 „Radweg Nord“");
        assert_eq!(en.to_string(), "2.1 \"Radweg Nord\"");
        let (de, _) = name(Some("  "), &id, "Kita");
        assert_eq!(de.to_string(), "m-17 „Kita“");

        let sixty = "ä".repeat(60);
        assert_eq!(
            name(None, &id, &sixty).0.to_string(),
            format!("m-17 „{sixty}“")
        );
        let long = format!("{} Ende", "ö".repeat(58));
        let (de, en) = name(None, &id, &long);
        // 59 characters: 58 "ö" and the space, trimmed away before "…".
        assert_eq!(de.to_string(), format!("m-17 „{}…“", "ö".repeat(58)));
        assert_eq!(en.to_string(), format!("m-17 \"{}…\"", "ö".repeat(58)));

        assert_eq!(short("  abc  ", 3), "abc");
        assert_eq!(short("abcd", 3), "ab…");
        assert_eq!(short("abcd", 1), "…");
        assert_eq!(short("abcd", 0), "…");
        assert_eq!(short("", 0), "");
    }
}
