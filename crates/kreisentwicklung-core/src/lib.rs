//! The domain model of German county development concepts
//! (Kreisentwicklungskonzept, KEK; Regionales Entwicklungskonzept, REK):
//! actors, participation, fields of action with their vision (Leitbild), a
//! goal system of any depth, the catalogue of measures, indicators, council
//! resolutions and documents — with validation and a JSON Schema.
//!
//! This crate holds the data model only, like `serde` does; the formats live
//! in sibling crates (`kreisentwicklung-json`, `-xml`, `-xlsx`) and plug into
//! the [`export`] layer. Most users depend on the facade crate
//! `kreisentwicklung`, which re-exports this one.
//!
//! # Building a concept
//!
//! Every item has a stable [`Id`] and refers to others by id. Constructors
//! take the required parts; `with_*` methods add the rest.
//!
//! ```
//! use kreisentwicklung_core::*;
//!
//! let concept = Concept::new(
//!     "kek-helmstedt-2026",
//!     "Kreisentwicklungskonzept 2026",
//!     ConceptKind::Kek,
//!     Territory::landkreis("Helmstedt").with_key("03154").with_state(State::Niedersachsen),
//! )
//! .with_status(ConceptStatus::Adopted)
//! .with_horizon(Horizon::Year { year: 2026 })
//! .with_vision("Landkreis Helmstedt – Willkommenskultur gelebt.")
//! .with_actor(Actor::new("kreistag", ActorKind::Council, "Kreistag"))
//! .with_goal(Goal::new("oz1", 1, "Attraktiver Wohnraum").with_number("1"))
//! .with_goal(
//!     Goal::new("uz1-1", 2, "Attraktiver Wohnraum durch seine Stärken auf den Gebieten:")
//!         .with_number("1.1")
//!         .with_parent("oz1")
//!         .with_focus_area("Generationsgerechtes Wohnen"),
//! )
//! .with_resolution(
//!     Resolution::new("beschluss-2018", ResolutionKind::Resolution, "Leitbild, Ober- und Unterziele")
//!         .with_consultation(
//!             Consultation::new("kreistag", ConsultationRole::Decide)
//!                 .on(Date::from_ymd(2018, 9, 12)?)
//!                 .with_outcome(Outcome::Adopted),
//!         )
//!         .adopting(AdoptionSubject::Goals),
//! );
//!
//! concept.validate()?;
//! assert_eq!(concept.sub_goals("oz1").count(), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Fuzzy time
//!
//! Planning documents say "2. Halbjahr 2019" or "Ende 2018 / Anfang 2019".
//! [`Period`] parses and prints such text and knows its first and last day:
//!
//! ```
//! use kreisentwicklung_core::{Date, Period};
//!
//! let p: Period = "2. und 3. Quartal 2019".parse()?;
//! assert_eq!(p.earliest(), Some(Date::from_ymd(2019, 4, 1)?));
//! assert_eq!(p.latest(), Some(Date::from_ymd(2019, 9, 30)?));
//! assert_eq!(p.to_string(), "2. und 3. Quartal 2019");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Validation
//!
//! [`Concept::validate`] reports every problem at once with a path to the
//! item; see [`validate`](mod@validate).
//!
//! # Monitoring and health
//!
//! An [`Evaluation`] judges a concept as of one date — by default its
//! [`Concept::evaluation_date`], the latest date the data records, so that
//! the same concept gives the same answers on any day. It answers each
//! question one way:
//!
//! | question | answer |
//! | --- | --- |
//! | How is this indicator / measure doing? | [`Evaluation::indicator`], [`Evaluation::measure`] |
//! | Where does every goal and field of action stand? | [`Evaluation::monitoring_report`] ([`Concept::monitor`]); without the per-item entries [`Evaluation::monitoring_summary`] |
//! | What gaps does the concept have? | [`Evaluation::health_report`] ([`Concept::health_report`]) |
//! | … one at a time, or of one severity? | [`Evaluation::for_each_finding`], [`Evaluation::try_for_each_finding`], [`Evaluation::for_each_finding_of`] |
//! | How many findings of each severity? | [`Evaluation::finding_counts`] |
//!
//! The rules of the lights are in [`monitoring`](mod@monitoring), the
//! finding codes in [`health`](mod@health). Validation problems, findings
//! and monitoring entries point at items with one [`ItemPath`]
//! (`measures[W3].goals[1]`), and all of them resolve ids through one
//! [`ConceptIndex`].
//!
//! ```
//! use kreisentwicklung_core::*;
//! use kreisentwicklung_core::health::Severity;
//! use kreisentwicklung_core::monitoring::TrafficLight;
//!
//! let concept = Concept::new("kek", "KEK 2030", ConceptKind::Kek, Territory::landkreis("Beispiel"))
//!     .with_goal(Goal::new("z1", 1, "Schnelles Internet überall"))
//!     .with_measure(
//!         Measure::new("W1", "Breitbandausbau")
//!             .with_goal("z1")
//!             .with_status_update(Date::from_ymd(2024, 5, 2)?, MeasureStatus::Completed),
//!     );
//!
//! let eval = Evaluation::of(&concept); // as of 2 May 2024, the last update
//! assert_eq!(eval.date(), Date::from_ymd(2024, 5, 2)?);
//! assert_eq!(eval.measure(0).unwrap().light, TrafficLight::Green);
//! assert_eq!(eval.monitoring_report().goal("z1").unwrap().light, TrafficLight::Green);
//!
//! let report = eval.health_report();
//! assert_eq!(report.count(Severity::Warning), eval.finding_counts().get(Severity::Warning));
//! let f = report.findings.iter().find(|f| f.path == "measures[W1]").unwrap();
//! assert_eq!(f.code.as_str(), "measure-without-lead");
//! # Ok::<(), DateError>(())
//! ```
//!
//! # Serialized forms
//!
//! The types serialize with `serde` in camelCase without nulls or empty
//! lists; dates are `yyyy-mm-dd`. [`json_schema`] generates the JSON Schema
//! of a [`ConceptDocument`]; the forms are versioned by [`SCHEMA_VERSION`].

#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod actor;
pub mod codes;
mod concept;
mod date;
mod document;
mod evaluation;
#[cfg(feature = "examples")]
#[cfg_attr(docsrs, doc(cfg(feature = "examples")))]
pub mod examples;
pub mod export;
pub mod generate;
mod goal;
pub mod health;
mod id;
mod index;
mod indicator;
mod measure;
mod money;
pub mod monitoring;
mod participation;
mod path;
pub mod period;
mod reporting;
mod resolution;
mod schema;
mod strategy;
mod text;
pub mod url;
pub mod validate;

pub use actor::{Actor, Commission, Membership};
pub use codes::{
    ActorKind, AdoptionSubject, Audience, CodeList, CodeListInfo, Collection, ConceptKind,
    ConceptStatus, ConsultationRole, CountyRole, Direction, DocumentKind, DurationUnit, EventKind,
    Frequency, FundingProgramme, Language, MeasureStatus, MemberRole, Outcome, ParticipantRole,
    Priority, ReportingKind, ResolutionKind, State, TerritoryKind, TimeHorizon, UnknownCode,
    ALL_CODE_LISTS,
};
pub use concept::{
    Challenge, Concept, ConceptDocument, Edition, Horizon, Predecessor, Territory, JSON_SCHEMA_ID,
    SCHEMA_MAJOR, SCHEMA_VERSION,
};
pub use date::{Date, DateError};
pub use document::Document;
pub use evaluation::Evaluation;
pub use goal::{Goal, MAX_GOAL_LEVEL};
pub use health::{Finding, FindingCode, HealthOptions, HealthReport, Severity};
pub use id::{Id, MAX_ID_LEN};
pub use index::ConceptIndex;
pub use indicator::{Baseline, Indicator, Observation, Target};
pub use measure::{BudgetLine, Costs, Funding, Measure, Milestone, StatusUpdate};
pub use money::{Euro, MAX_EUROS};
pub use monitoring::{MonitoringOptions, MonitoringReport, Progress, Thresholds, TrafficLight};
pub use participation::{Event, Participant, ParticipantCount, TimeSpan};
pub use path::{ItemPath, ItemPathError};
pub use period::{EnglishPeriod, Period, PeriodParseError, YearMonth, YearPart};
pub use reporting::{Coverage, Reporting};
pub use resolution::{Adoption, BudgetLink, Consultation, Mandate, Paper, Resolution, Votes};
pub use schema::{json_schema, json_schema_string, JSON_SCHEMA};
pub use strategy::{CrossCuttingTheme, FieldOfAction, Swot, Vision};
pub use text::Text;
pub use validate::{Problem, ProblemKind, ValidationErrors, MAX_TEXT_CHARS};
