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
//! [`Concept::monitor`] computes progress and a traffic light (Ampel) for
//! every indicator, measure, goal and field of action; see
//! [`monitoring`](mod@monitoring). [`Concept::health_report`] lists the gaps
//! in a concept — goals without measures, no priorities, no public
//! participation, an overdue review — each with a stable code; see
//! [`health`](mod@health).
//!
//! # Serialized forms
//!
//! The types serialize with `serde` in camelCase without nulls or empty
//! lists; dates are `yyyy-mm-dd`. [`json_schema`] generates the JSON Schema
//! of a [`ConceptDocument`]; the forms are versioned by [`SCHEMA_VERSION`].

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod actor;
pub mod codes;
mod concept;
mod date;
mod document;
pub mod export;
pub mod generate;
mod goal;
pub mod health;
mod id;
pub mod index;
mod indicator;
mod measure;
mod money;
pub mod monitoring;
mod participation;
pub mod period;
mod resolution;
mod schema;
mod strategy;
mod text;
pub mod validate;

pub use actor::{Actor, Membership};
pub use codes::{
    ActorKind, AdoptionSubject, Audience, CodeList, CodeListInfo, ConceptKind, ConceptStatus,
    ConsultationRole, CountyRole, Direction, DocumentKind, EventKind, FundingProgramme, Language,
    MeasureStatus, MemberRole, Outcome, ParticipantRole, Priority, ResolutionKind, State,
    TerritoryKind, TimeHorizon, UnknownCode, ALL_CODE_LISTS,
};
pub use concept::{
    Challenge, Concept, ConceptDocument, Edition, Horizon, Predecessor, Territory, JSON_SCHEMA_ID,
    SCHEMA_MAJOR, SCHEMA_VERSION,
};
pub use date::{Date, DateError};
pub use document::Document;
pub use goal::{Goal, MAX_GOAL_LEVEL};
pub use health::{Finding, FindingCode, HealthOptions, HealthReport, Severity};
pub use id::{Id, MAX_ID_LEN};
pub use indicator::{Baseline, Indicator, Observation, Target};
pub use measure::{BudgetLine, Costs, Funding, Measure, StatusUpdate};
pub use money::{Euro, MAX_EUROS};
pub use monitoring::{MonitoringOptions, MonitoringReport, Progress, Thresholds, TrafficLight};
pub use participation::{Event, Participant, ParticipantCount};
pub use period::{EnglishPeriod, Period, PeriodParseError, YearMonth, YearPart};
pub use resolution::{Adoption, Consultation, Mandate, Paper, Resolution, Votes};
pub use schema::{json_schema, json_schema_string, JSON_SCHEMA};
pub use strategy::{CrossCuttingTheme, FieldOfAction, Swot, Vision};
pub use text::Text;
pub use validate::{Problem, ProblemKind, ValidationErrors, MAX_TEXT_CHARS};
