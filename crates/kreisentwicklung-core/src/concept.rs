//! The concept as a whole, its territory, horizon and edition.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    Actor, ConceptKind, ConceptStatus, Coverage, CrossCuttingTheme, Document, Event, FieldOfAction,
    Funding, Goal, Id, Indicator, Measure, Reporting, Resolution, State, Swot, TerritoryKind, Text,
    Vision,
};

/// A county development concept (Kreisentwicklungskonzept, KEK / REK): one
/// edition of it, with everything that belongs to it.
///
/// Items refer to each other by [`Id`]; identifiers are unique within each
/// collection (two goals cannot share an id, but a goal and a measure can).
///
/// ```
/// use kreisentwicklung_core::*;
///
/// let concept = Concept::new(
///     "kek-nordsachsen-2030",
///     "Kreisentwicklungskonzept Nordsachsen 2030",
///     ConceptKind::Kek,
///     Territory::landkreis("Nordsachsen").with_key("14730").with_state(State::Sachsen),
/// )
/// .with_horizon(Horizon::Year { year: 2030 })
/// .with_field(FieldOfAction::new("hf1", "Wirtschaft & Innovation").with_number("1"))
/// .with_goal(Goal::new("z1", 1, "Innovation stärken").with_field("hf1"))
/// .with_measure(Measure::new("p1", "Gründerzentrum").with_goal("z1"));
///
/// assert!(concept.validate().is_ok());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Concept {
    /// Stable identifier of this concept edition.
    pub id: Id,
    /// Full title ("Regionales Entwicklungskonzept für den Landkreis Hildesheim").
    pub title: Text,
    /// Short title as people say it ("KEK 2030").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_title: Option<Text>,
    /// The kind of concept.
    pub kind: ConceptKind,
    /// The name the county itself uses when it differs from the kind's label
    /// ("Regionale Zielvereinbarung", "integriertes Kreisentwicklungskonzept").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind_label: Option<Text>,
    /// The county or region the concept covers.
    pub territory: Territory,
    /// The time horizon ("2030", "2035+").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon: Option<Horizon>,
    /// Where the concept stands.
    pub status: ConceptStatus,
    /// Which edition this is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<Edition>,
    /// The edition this one replaces or continues.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predecessor: Option<Predecessor>,
    /// A full revision is due at least every this many years ("spätestens
    /// alle fünf Jahre" is 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision_cycle_years: Option<u8>,
    /// Languages of the text, as BCP 47 tags; the first is the main language
    /// of every [`Text`]. Empty means German only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// What the concept is about, in a few sentences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The overall vision (Leitbild).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vision: Option<Vision>,
    /// Guiding principles (Leitgedanken, Leitlinien): a short ordered list
    /// beside the Leitbild (since 1.1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guiding_principles: Vec<Text>,
    /// Names of the goal levels, top first (["Oberziel", "Unterziel"]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goal_levels: Vec<Text>,
    /// Fields of action (Handlungsfelder).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldOfAction>,
    /// Cross-cutting themes (Querschnittsthemen).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cross_cutting_themes: Vec<CrossCuttingTheme>,
    /// The goal system (Zielsystem), as a flat list with parent links.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Goal>,
    /// The catalogue of measures and projects.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
    /// Indicators (Kennzahlen, Zielindikatoren).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// Everyone taking part: persons, units, bodies, groups, organisations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Actor>,
    /// Participation events and process steps.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    /// Council resolutions (Beschlüsse).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resolutions: Vec<Resolution>,
    /// Documents: reports, presentations, minutes, press articles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<Document>,
    /// SWOT analyses, overall or per field of action.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub swot: Vec<Swot>,
    /// Funding of the process of writing the concept.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub process_funding: Vec<Funding>,
    /// Problems met while writing or implementing the concept.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub challenges: Vec<Challenge>,
    /// How progress is reported (since 1.1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reporting: Vec<Reporting>,
    /// Collections that are listed only in part (since 1.1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coverage: Vec<Coverage>,
}

impl Concept {
    /// A concept in preparation with nothing in it yet.
    pub fn new(
        id: impl Into<Id>,
        title: impl Into<Text>,
        kind: ConceptKind,
        territory: Territory,
    ) -> Self {
        Concept {
            id: id.into(),
            title: title.into(),
            short_title: None,
            kind,
            kind_label: None,
            territory,
            horizon: None,
            status: ConceptStatus::InPreparation,
            edition: None,
            predecessor: None,
            revision_cycle_years: None,
            languages: Vec::new(),
            description: None,
            vision: None,
            guiding_principles: Vec::new(),
            goal_levels: Vec::new(),
            fields: Vec::new(),
            cross_cutting_themes: Vec::new(),
            goals: Vec::new(),
            measures: Vec::new(),
            indicators: Vec::new(),
            actors: Vec::new(),
            events: Vec::new(),
            resolutions: Vec::new(),
            documents: Vec::new(),
            swot: Vec::new(),
            process_funding: Vec::new(),
            challenges: Vec::new(),
            reporting: Vec::new(),
            coverage: Vec::new(),
        }
    }

    /// Sets the status.
    #[must_use]
    pub fn with_status(mut self, status: ConceptStatus) -> Self {
        self.status = status;
        self
    }

    /// Sets the horizon.
    #[must_use]
    pub fn with_horizon(mut self, horizon: Horizon) -> Self {
        self.horizon = Some(horizon);
        self
    }

    /// Sets the overall vision (Leitbild).
    #[must_use]
    pub fn with_vision(mut self, vision: impl Into<Vision>) -> Self {
        self.vision = Some(vision.into());
        self
    }

    /// Sets the revision cycle in years.
    #[must_use]
    pub fn with_revision_cycle_years(mut self, years: u8) -> Self {
        self.revision_cycle_years = Some(years);
        self
    }

    /// Adds a field of action.
    #[must_use]
    pub fn with_field(mut self, field: FieldOfAction) -> Self {
        self.fields.push(field);
        self
    }

    /// Adds a goal.
    #[must_use]
    pub fn with_goal(mut self, goal: Goal) -> Self {
        self.goals.push(goal);
        self
    }

    /// Adds a measure.
    #[must_use]
    pub fn with_measure(mut self, measure: Measure) -> Self {
        self.measures.push(measure);
        self
    }

    /// Adds an indicator.
    #[must_use]
    pub fn with_indicator(mut self, indicator: Indicator) -> Self {
        self.indicators.push(indicator);
        self
    }

    /// Adds an actor.
    #[must_use]
    pub fn with_actor(mut self, actor: Actor) -> Self {
        self.actors.push(actor);
        self
    }

    /// Adds an event.
    #[must_use]
    pub fn with_event(mut self, event: Event) -> Self {
        self.events.push(event);
        self
    }

    /// Adds a resolution.
    #[must_use]
    pub fn with_resolution(mut self, resolution: Resolution) -> Self {
        self.resolutions.push(resolution);
        self
    }

    /// Adds a document.
    #[must_use]
    pub fn with_document(mut self, document: Document) -> Self {
        self.documents.push(document);
        self
    }

    /// The main language of the concept's text (`"de"` unless set).
    pub fn main_language(&self) -> &str {
        self.languages.first().map(String::as_str).unwrap_or("de")
    }

    /// The goal with the given id.
    pub fn goal(&self, id: &str) -> Option<&Goal> {
        self.goals.iter().find(|g| g.id == id)
    }

    /// The measure with the given id.
    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.id == id)
    }

    /// The field of action with the given id.
    pub fn field(&self, id: &str) -> Option<&FieldOfAction> {
        self.fields.iter().find(|f| f.id == id)
    }

    /// The actor with the given id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// The indicator with the given id.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The document with the given id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The event with the given id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// The direct children of a goal, in list order.
    pub fn sub_goals<'a>(&'a self, parent: &'a str) -> impl Iterator<Item = &'a Goal> + 'a {
        self.goals
            .iter()
            .filter(move |g| g.parent.as_ref().is_some_and(|p| p == parent))
    }

    /// The top-level goals, in list order.
    pub fn top_goals(&self) -> impl Iterator<Item = &Goal> {
        self.goals.iter().filter(|g| g.parent.is_none())
    }

    /// The date of the first positive decision of a council body on a
    /// resolution that adopts the concept, if any.
    pub fn adopted_on(&self) -> Option<crate::Date> {
        self.adopting_decisions().filter_map(|c| c.date).min()
    }

    /// When the concept was adopted, as exactly as it is known: the day,
    /// or the month or year of the positive deciding step of a resolution
    /// adopting the concept (the earliest). A day-exact adoption is the
    /// same as [`adopted_on`](Self::adopted_on).
    pub fn adopted_in(&self) -> Option<crate::Period> {
        self.adopting_decisions()
            .filter_map(crate::Consultation::when)
            .min()
    }

    /// The positive deciding steps of the resolutions that adopt the
    /// concept: the adoption, however exactly it is dated.
    fn adopting_decisions(&self) -> impl Iterator<Item = &crate::Consultation> {
        self.resolutions
            .iter()
            .filter(|r| {
                r.adopts
                    .iter()
                    .any(|a| a.subject == crate::AdoptionSubject::Concept)
            })
            .flat_map(|r| r.consultations.iter())
            .filter(|c| {
                c.role == crate::ConsultationRole::Decide
                    && c.outcome.is_some_and(crate::Outcome::is_positive)
            })
    }
}

/// The county or region a concept covers: a Landkreis or a Kreis (as the
/// counties of Nordrhein-Westfalen and Schleswig-Holstein call themselves;
/// labelled Kreis, never Landkreis), with its five-digit Kreisschlüssel
/// ("03254" Hildesheim) and the seat of its administration (Kreisstadt,
/// Kreissitz).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Territory {
    /// Name without the kind ("Hildesheim").
    pub name: Text,
    /// Landkreis, Kreis, kreisfreie Stadt, region.
    pub kind: TerritoryKind,
    /// Official five-digit key (Kreisschlüssel, "03254").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9]{5}$"))]
    pub key: Option<String>,
    /// The federal state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<State>,
    /// The seat of the county administration (Kreisstadt, Kreissitz), since 1.1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seat: Option<Text>,
}

impl Territory {
    /// A Landkreis of the given name.
    pub fn landkreis(name: impl Into<Text>) -> Self {
        Territory {
            name: name.into(),
            kind: TerritoryKind::Landkreis,
            key: None,
            state: None,
            seat: None,
        }
    }

    /// A Kreis (as the counties of Nordrhein-Westfalen and
    /// Schleswig-Holstein call themselves), labelled "Kreis", never
    /// "Landkreis".
    pub fn kreis(name: impl Into<Text>) -> Self {
        Territory {
            kind: TerritoryKind::Kreis,
            ..Territory::landkreis(name)
        }
    }

    /// Sets the seat of the county administration (Kreisstadt).
    #[must_use]
    pub fn with_seat(mut self, seat: impl Into<Text>) -> Self {
        self.seat = Some(seat.into());
        self
    }

    /// Sets the official key.
    #[must_use]
    pub fn with_key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }

    /// Sets the state.
    #[must_use]
    pub fn with_state(mut self, state: State) -> Self {
        self.state = Some(state);
        self
    }

    /// The name with its kind, as people write it ("Landkreis Hildesheim").
    pub fn display_name(&self) -> String {
        use crate::{CodeList, Language};
        match self.kind {
            TerritoryKind::Other | TerritoryKind::Region => self.name.text.clone(),
            k => format!("{} {}", k.label(Language::De), self.name),
        }
    }
}

/// The time horizon of a concept.
///
/// ```
/// use kreisentwicklung_core::Horizon;
///
/// assert_eq!(Horizon::OpenEnded { from: 2035 }.to_string(), "2035+");
/// assert_eq!("2014–2020".parse::<Horizon>().unwrap(), Horizon::Range { from: 2014, to: 2020 });
/// assert_eq!("bis 2026".parse::<Horizon>().unwrap(), Horizon::Year { year: 2026 });
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Horizon {
    /// Up to and including a year ("2030", "bis 2026").
    Year {
        /// The year.
        year: i32,
    },
    /// A range of years ("2014–2020"); a title year is not a validity period.
    Range {
        /// First year.
        from: i32,
        /// Last year.
        to: i32,
    },
    /// Open-ended from a year on ("2035+").
    OpenEnded {
        /// The year the horizon reaches at least.
        from: i32,
    },
}

impl Horizon {
    /// The last year the horizon names (for an open horizon, its start).
    pub fn last_year(self) -> i32 {
        match self {
            Horizon::Year { year } => year,
            Horizon::Range { to, .. } => to,
            Horizon::OpenEnded { from } => from,
        }
    }
}

impl fmt::Display for Horizon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Horizon::Year { year } => write!(f, "{year}"),
            Horizon::Range { from, to } => write!(f, "{from}–{to}"),
            Horizon::OpenEnded { from } => write!(f, "{from}+"),
        }
    }
}

impl std::str::FromStr for Horizon {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let year = |y: &str| -> Option<i32> {
            let y = y.trim();
            (y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
                .then(|| y.parse().ok())
                .flatten()
        };
        let err = || {
            format!(
                "cannot read horizon {:?}: expected \"2030\", \"bis 2030\", \"2014–2020\" or \"2035+\"",
                t.chars().take(80).collect::<String>()
            )
        };
        if let Some(rest) = t.strip_suffix('+') {
            return year(rest)
                .map(|from| Horizon::OpenEnded { from })
                .ok_or_else(err);
        }
        if let Some(rest) = t.strip_prefix("bis ") {
            return year(rest)
                .map(|year| Horizon::Year { year })
                .ok_or_else(err);
        }
        for sep in ["–", "-", " bis "] {
            if let Some((a, b)) = t.split_once(sep) {
                return match (year(a), year(b)) {
                    (Some(from), Some(to)) if from <= to => Ok(Horizon::Range { from, to }),
                    _ => Err(err()),
                };
            }
        }
        year(t).map(|year| Horizon::Year { year }).ok_or_else(err)
    }
}

/// Which edition a concept is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Edition {
    /// Running number of the edition (1 for the first concept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// The year the edition was drawn up or completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// How the county calls it ("Fortschreibung", "Neuauflage").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
}

/// The edition a concept replaces or continues.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Predecessor {
    /// The predecessor's concept id, when it is held as a document too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concept: Option<Id>,
    /// Its title.
    pub title: Text,
    /// The year it was drawn up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Number of fields of action it had.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field_count: Option<u32>,
    /// True when its vision and goals remain valid for this edition.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub goals_remain_valid: bool,
    /// What became of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// A problem met while writing or implementing a concept, possibly with
/// details ("Vorschläge … : zu wenige Maßnahmen").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Challenge {
    /// The problem.
    pub text: Text,
    /// Details, one per bullet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<Text>,
}

/// The current version of the serialized forms (JSON, XML, their schemas).
///
/// The major version changes on incompatible changes; minor versions only
/// add optional fields and codes.
pub const SCHEMA_VERSION: &str = "1.1";

/// The major part of [`SCHEMA_VERSION`].
pub const SCHEMA_MAJOR: u32 = 1;

/// The identifier (`$id`) of the JSON Schema of a concept document.
pub const JSON_SCHEMA_ID: &str = "urn:kreisentwicklung:schema:json:1";

/// A concept document: the concept with the schema version it is written in.
///
/// This is the root of the JSON exchange format and of
/// `schemas/kreisentwicklung.schema.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ConceptDocument {
    /// The schema the document claims to follow.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Schema version, `major.minor` ("1.0").
    #[schemars(regex(pattern = r"^[0-9]+\.[0-9]+$"))]
    pub schema_version: String,
    /// The concept.
    pub concept: Concept,
}

impl ConceptDocument {
    /// A document of the current schema version.
    pub fn new(concept: Concept) -> Self {
        ConceptDocument {
            schema: Some(JSON_SCHEMA_ID.to_owned()),
            schema_version: SCHEMA_VERSION.to_owned(),
            concept,
        }
    }
}
