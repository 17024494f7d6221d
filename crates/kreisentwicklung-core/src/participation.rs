//! Participation: events and process steps (Beteiligungsformate).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    Audience, CodeList, DurationUnit, EventKind, Id, Language, ParticipantRole, Period, Text,
};

/// A participation event or process step: an expert interview series, a
/// public kick-off, a committee workshop, a conference with workshops inside
/// (via [`Event::parent`]).
///
/// ```
/// use kreisentwicklung_core::{Audience, Event, EventKind, Period};
///
/// let e = Event::new("auftakt", EventKind::KickOff)
///     .with_period("12.02.2019".parse::<Period>()?)
///     .with_audience(Audience::Public);
/// assert!(e.is_public());
/// # Ok::<(), kreisentwicklung_core::PeriodParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    /// Stable identifier.
    pub id: Id,
    /// The kind of format.
    pub kind: EventKind,
    /// The format's name as written ("Öffentlicher Auftakt", "2. Fachforum").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind_label: Option<Text>,
    /// Title or motto.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// When it took or takes place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// True when the format is repeated as needed ("und nach Bedarf").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub as_needed: bool,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Text>,
    /// Who it addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audience: Vec<Audience>,
    /// Who it addresses, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience_description: Option<Text>,
    /// Actors taking part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
    /// How many took part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant_count: Option<ParticipantCount>,
    /// Fields of action it dealt with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Id>,
    /// Topics it dealt with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<Text>,
    /// What it was for ("Inhalte").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<Text>,
    /// Account of what happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// What came out of it ("Runder Tisch auf Kreisebene").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Text>,
    /// Documents: presentations, transcripts, minutes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<Id>,
    /// Press coverage: documents of kind press article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub press: Vec<Id>,
    /// The event this one is part of (a workshop within a conference, one
    /// committee workshop within a series).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Id>,
    /// The occasion it was held at ("im Rahmen der Kreistagssitzung", "zum
    /// Kreisjubiläum", "auf der Messe"), since 1.1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occasion: Option<Text>,
    /// How many times it took place, when one record stands for several
    /// ("zwei Besprechungen" is 2), since 1.1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurrences: Option<u32>,
    /// How long the process took when no dates are known ("15 Monate"),
    /// since 1.1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<TimeSpan>,
}

impl Event {
    /// An event of the given kind.
    pub fn new(id: impl Into<Id>, kind: EventKind) -> Self {
        Event {
            id: id.into(),
            kind,
            kind_label: None,
            title: None,
            period: None,
            as_needed: false,
            location: None,
            audience: Vec::new(),
            audience_description: None,
            participants: Vec::new(),
            participant_count: None,
            fields: Vec::new(),
            topics: Vec::new(),
            purpose: None,
            description: None,
            outcome: None,
            documents: Vec::new(),
            press: Vec::new(),
            parent: None,
            occasion: None,
            occurrences: None,
            duration: None,
        }
    }

    /// Sets how many times it took place.
    #[must_use]
    pub fn with_occurrences(mut self, n: u32) -> Self {
        self.occurrences = Some(n);
        self
    }

    /// Sets the occasion it was held at.
    #[must_use]
    pub fn at_occasion(mut self, occasion: impl Into<Text>) -> Self {
        self.occasion = Some(occasion.into());
        self
    }

    /// Sets the title.
    #[must_use]
    pub fn with_title(mut self, title: impl Into<Text>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets the period.
    #[must_use]
    pub fn with_period(mut self, period: Period) -> Self {
        self.period = Some(period);
        self
    }

    /// Adds an audience.
    #[must_use]
    pub fn with_audience(mut self, audience: Audience) -> Self {
        self.audience.push(audience);
        self
    }

    /// Adds a participating actor.
    #[must_use]
    pub fn with_participant(mut self, actor: impl Into<Id>) -> Self {
        self.participants.push(Participant {
            actor: actor.into(),
            role: None,
        });
        self
    }

    /// Sets the parent event.
    #[must_use]
    pub fn with_parent(mut self, parent: impl Into<Id>) -> Self {
        self.parent = Some(parent.into());
        self
    }

    /// True when the event is open to the public, citizens or
    /// municipalities: by its audience, or by its kind (a Zukunftskonferenz,
    /// a Bürgerforum, youth participation; see
    /// [`EventKind::is_public_participation`]).
    pub fn is_public(&self) -> bool {
        self.kind.is_public_participation() || self.audience.iter().any(|a| a.is_public())
    }
}

/// An actor taking part in an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Participant {
    /// The actor.
    pub actor: Id,
    /// Its role (participant unless said otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<ParticipantRole>,
}

/// How many took part: exactly or roughly ("rund fünfzig Experten").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantCount {
    /// The number.
    pub value: u32,
    /// True when the number is an estimate.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
    /// The count as written ("rund fünfzig").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
}

/// A length of time without dates ("15 Monate", "zwei Jahre").
///
/// How long a participation process (Beteiligung) took, when the source
/// gives a length rather than dates.
///
/// ```
/// use kreisentwicklung_core::*;
///
/// let d = TimeSpan::new(15, DurationUnit::Months);
/// assert_eq!(d.to_string(), "15 Monate");
/// assert_eq!(d.label(Language::En), "15 months");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TimeSpan {
    /// How many units.
    pub value: u32,
    /// The unit.
    pub unit: DurationUnit,
}

impl TimeSpan {
    /// A span of `value` units.
    pub fn new(value: u32, unit: DurationUnit) -> Self {
        TimeSpan { value, unit }
    }

    /// The span in words in the given language ("15 Monate", "1 Jahr").
    pub fn label(self, lang: Language) -> String {
        let unit = if self.value == 1 {
            match (self.unit, lang) {
                (DurationUnit::Days, Language::De) => "Tag",
                (DurationUnit::Weeks, Language::De) => "Woche",
                (DurationUnit::Months, Language::De) => "Monat",
                (DurationUnit::Years, Language::De) => "Jahr",
                (DurationUnit::Days, Language::En) => "day",
                (DurationUnit::Weeks, Language::En) => "week",
                (DurationUnit::Months, Language::En) => "month",
                (DurationUnit::Years, Language::En) => "year",
            }
        } else {
            self.unit.label(lang)
        };
        format!("{} {unit}", self.value)
    }
}

impl std::fmt::Display for TimeSpan {
    /// The German form ("15 Monate").
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label(Language::De))
    }
}
