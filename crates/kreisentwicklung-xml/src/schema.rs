//! The element structure of the XML form, as data.
//!
//! One table per complex type lists its child elements in order, with their
//! type and how often they occur. The importer checks element order,
//! duplicates, unknown and missing elements against these tables, and the XSD
//! generator ([`crate::xsd`]) writes `schemas/kreisentwicklung.xsd` from them,
//! and the exporter ([`crate::write`]) writes elements in their order, so the
//! three cannot disagree. The tests validate the exporter's output against
//! the generated XSD and read it back.

use kreisentwicklung_core::{
    ActorKind, AdoptionSubject, Audience, Collection, ConceptKind, ConceptStatus, ConsultationRole,
    CountyRole, Direction, DocumentKind, DurationUnit, EventKind, Frequency, FundingProgramme,
    MeasureStatus, MemberRole, Outcome, ParticipantRole, Priority, ReportingKind, ResolutionKind,
    State, TerritoryKind, TimeHorizon,
};

/// What a referenced id must name (for `xs:key` / `xs:keyref` in the XSD).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    Field,
    Goal,
    Measure,
    Indicator,
    Actor,
    Event,
    Document,
}

/// The type of an element's content.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Ty {
    /// Multilingual text: one `<narrative>` per language, the main text
    /// first.
    Text,
    /// A plain string (`xs:string`).
    Str,
    /// An identifier that is not checked as a reference.
    Id,
    /// A reference to an item of a collection.
    Ref(Target),
    /// A BCP 47 language tag.
    Lang,
    /// A five-digit official county key.
    Key,
    /// An ISO date `yyyy-mm-dd`.
    Date,
    /// A year 1–9999.
    Year,
    /// An unsigned 32-bit count.
    UInt,
    /// A revision cycle in years, 1–255.
    Cycle,
    /// A goal level, 1–5.
    Level,
    /// A finite floating-point number.
    Number,
    /// A share in percent, 0–100.
    Percent,
    /// An amount in euros with at most two decimals.
    Euro,
    /// `true` (written only when true).
    Bool,
    /// A period: one element per kind.
    Period,
    /// A concept horizon: one element per kind.
    Horizon,
    /// A coded value of the named code list (`CodeListInfo::name`).
    Code(&'static str),
    /// A structure.
    Complex(&'static Complex),
}

/// How often an element occurs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Occurs {
    /// Exactly once.
    One,
    /// At most once.
    Opt,
    /// A list: an optional wrapper element holding one or more items of the
    /// given name.
    List(&'static str),
}

/// A child element.
#[derive(Debug)]
pub(crate) struct Field {
    pub name: &'static str,
    pub ty: Ty,
    pub occurs: Occurs,
}

/// A complex type: attributes `id` (if `id`) and a sequence of elements.
#[derive(Debug)]
pub(crate) struct Complex {
    pub name: &'static str,
    pub doc: &'static str,
    pub id: bool,
    pub fields: &'static [Field],
}

/// A field that occurs exactly once.
pub(crate) const fn one(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        occurs: Occurs::One,
    }
}

const fn opt(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        occurs: Occurs::Opt,
    }
}

const fn list(name: &'static str, item: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        occurs: Occurs::List(item),
    }
}

use Ty::{Bool, Complex as C, Date, Euro, Id, Lang, Level, Number, Str, Text, UInt, Year};

pub(crate) static CONCEPT: Complex = Complex {
    // Not "Concept": a type named like the root element `concept` makes
    // binding tools number one of the two (xsdata's `Concept1`).
    name: "ConceptDocument",
    doc: "A county development concept (Kreisentwicklungskonzept): one edition of it, with everything that belongs to it.",
    id: true,
    fields: &[
        one("title", Text),
        opt("shortTitle", Text),
        one("kind", Ty::Code(ConceptKind::INFO.name)),
        opt("kindLabel", Text),
        one("territory", C(&TERRITORY)),
        opt("horizon", Ty::Horizon),
        one("status", Ty::Code(ConceptStatus::INFO.name)),
        opt("edition", C(&EDITION)),
        opt("predecessor", C(&PREDECESSOR)),
        opt("revisionCycleYears", Ty::Cycle),
        list("languages", "language", Lang),
        opt("description", Text),
        opt("vision", C(&VISION)),
        list("guidingPrinciples", "principle", Text),
        list("goalLevels", "goalLevel", Text),
        list("fields", "field", C(&FIELD_OF_ACTION)),
        list("crossCuttingThemes", "crossCuttingTheme", C(&CROSS_CUTTING_THEME)),
        list("goals", "goal", C(&GOAL)),
        list("measures", "measure", C(&MEASURE)),
        list("indicators", "indicator", C(&INDICATOR)),
        list("actors", "actor", C(&ACTOR)),
        list("events", "event", C(&EVENT)),
        list("resolutions", "resolution", C(&RESOLUTION)),
        list("documents", "document", C(&DOCUMENT)),
        list("swot", "analysis", C(&SWOT)),
        list("processFunding", "source", C(&FUNDING)),
        list("challenges", "challenge", C(&CHALLENGE)),
        list("reporting", "channel", C(&REPORTING)),
        list("coverage", "partialList", C(&COVERAGE)),
    ],
};

pub(crate) static REPORTING: Complex = Complex {
    name: "Reporting",
    doc: "One way the concept reports progress: where, how often, to whom, since when (since 1.1).",
    id: false,
    fields: &[
        one("kind", Ty::Code(ReportingKind::INFO.name)),
        opt("frequency", Ty::Code(Frequency::INFO.name)),
        opt("body", Ty::Ref(Target::Actor)),
        opt("sinceYear", Year),
        opt("lastUpdated", Date),
        opt("url", Str),
        opt("document", Ty::Ref(Target::Document)),
        opt("note", Text),
    ],
};

pub(crate) static COVERAGE: Complex = Complex {
    name: "Coverage",
    doc: "A collection the concept lists only in part (\"zum Beispiel\"): its total and where the rest is kept (since 1.1).",
    id: false,
    fields: &[
        one("collection", Ty::Code(Collection::INFO.name)),
        opt("total", UInt),
        opt("keptIn", Text),
        opt("document", Ty::Ref(Target::Document)),
    ],
};

pub(crate) static TERRITORY: Complex = Complex {
    name: "Territory",
    doc: "The county or region a concept covers.",
    id: false,
    fields: &[
        one("name", Text),
        one("kind", Ty::Code(TerritoryKind::INFO.name)),
        opt("key", Ty::Key),
        opt("state", Ty::Code(State::INFO.name)),
        opt("seat", Text),
    ],
};

pub(crate) static EDITION: Complex = Complex {
    name: "Edition",
    doc: "Which edition a concept is.",
    id: false,
    fields: &[opt("number", UInt), opt("year", Year), opt("label", Text)],
};

pub(crate) static PREDECESSOR: Complex = Complex {
    name: "Predecessor",
    doc: "The edition a concept replaces or continues.",
    id: false,
    fields: &[
        opt("concept", Id),
        one("title", Text),
        opt("year", Year),
        opt("fieldCount", UInt),
        opt("goalsRemainValid", Bool),
        opt("note", Text),
    ],
};

pub(crate) static VISION: Complex = Complex {
    name: "Vision",
    doc: "A vision statement (Leitbild), for the whole concept or one field of action.",
    id: false,
    fields: &[one("text", Text), opt("year", Year)],
};

pub(crate) static CHALLENGE: Complex = Complex {
    name: "Challenge",
    doc: "A problem met while writing or implementing the concept.",
    id: false,
    fields: &[one("text", Text), list("details", "detail", Text)],
};

pub(crate) static FIELD_OF_ACTION: Complex = Complex {
    name: "FieldOfAction",
    doc: "A field of action (Handlungsfeld, Handlungsschwerpunkt).",
    id: true,
    fields: &[
        opt("number", Str),
        one("name", Text),
        opt("vision", C(&VISION)),
        list("guidingPrinciples", "principle", Text),
        opt("description", Text),
    ],
};

pub(crate) static CROSS_CUTTING_THEME: Complex = Complex {
    name: "CrossCuttingTheme",
    doc: "A cross-cutting theme (Querschnittsthema); without fields it concerns all fields.",
    id: true,
    fields: &[
        one("name", Text),
        opt("description", Text),
        list("fields", "field", Ty::Ref(Target::Field)),
    ],
};

pub(crate) static SWOT: Complex = Complex {
    name: "Swot",
    doc: "A SWOT analysis, for the whole concept or one field of action.",
    id: true,
    fields: &[
        opt("title", Text),
        opt("field", Ty::Ref(Target::Field)),
        list("topics", "topic", Text),
        list("strengths", "strength", Text),
        list("weaknesses", "weakness", Text),
        list("opportunities", "opportunity", Text),
        list("threats", "threat", Text),
        opt("document", Ty::Ref(Target::Document)),
    ],
};

pub(crate) static GOAL: Complex = Complex {
    name: "Goal",
    doc: "A goal of the goal system (Zielsystem), level 1 (Oberziel) to 5.",
    id: true,
    fields: &[
        opt("number", Str),
        one("level", Level),
        opt("parent", Ty::Ref(Target::Goal)),
        one("title", Text),
        opt("shortTitle", Text),
        list("fields", "field", Ty::Ref(Target::Field)),
        opt("priority", Ty::Code(Priority::INFO.name)),
        list("focusAreas", "focusArea", Text),
        opt("description", Text),
        list("indicators", "indicator", Ty::Ref(Target::Indicator)),
    ],
};

pub(crate) static MEASURE: Complex = Complex {
    name: "Measure",
    doc: "A measure or project of the catalogue (Maßnahme, Projekt).",
    id: true,
    fields: &[
        opt("number", Str),
        one("title", Text),
        opt("description", Text),
        list("goals", "goal", Ty::Ref(Target::Goal)),
        list("fields", "field", Ty::Ref(Target::Field)),
        opt("lead", Ty::Ref(Target::Actor)),
        list("partners", "partner", Ty::Ref(Target::Actor)),
        opt("countyRole", Ty::Code(CountyRole::INFO.name)),
        opt("period", Ty::Period),
        opt("timeHorizon", Ty::Code(TimeHorizon::INFO.name)),
        opt("priority", Ty::Code(Priority::INFO.name)),
        opt("status", Ty::Code(MeasureStatus::INFO.name)),
        list("statusHistory", "statusUpdate", C(&STATUS_UPDATE)),
        opt("costs", C(&COSTS)),
        list("funding", "source", C(&FUNDING)),
        list("budget", "budgetLine", C(&BUDGET_LINE)),
        list("indicators", "indicator", Ty::Ref(Target::Indicator)),
        list("documents", "document", Ty::Ref(Target::Document)),
        list("milestones", "milestone", C(&MILESTONE)),
    ],
};

pub(crate) static MILESTONE: Complex = Complex {
    name: "Milestone",
    doc:
        "An expected result of a measure (Meilenstein), expected when and reached when (since 1.1).",
    id: false,
    fields: &[
        one("title", Text),
        opt("expected", Ty::Period),
        opt("reached", Date),
        opt("note", Text),
    ],
};

pub(crate) static STATUS_UPDATE: Complex = Complex {
    name: "StatusUpdate",
    doc: "A dated status update of a measure.",
    id: false,
    fields: &[
        one("date", Date),
        one("status", Ty::Code(MeasureStatus::INFO.name)),
        opt("note", Text),
    ],
};

pub(crate) static COSTS: Complex = Complex {
    name: "Costs",
    doc: "Costs of a measure.",
    id: false,
    fields: &[
        opt("amount", Euro),
        opt("estimated", Bool),
        opt("note", Text),
    ],
};

pub(crate) static FUNDING: Complex = Complex {
    name: "Funding",
    doc: "A funding source of a measure or of the process.",
    id: false,
    fields: &[
        opt("programme", Ty::Code(FundingProgramme::INFO.name)),
        opt("programmeName", Text),
        opt("funder", Ty::Ref(Target::Actor)),
        opt("sharePercent", Ty::Percent),
        opt("amount", Euro),
        opt("period", Ty::Period),
    ],
};

pub(crate) static BUDGET_LINE: Complex = Complex {
    name: "BudgetLine",
    doc: "An amount in the county budget for one budget year.",
    id: false,
    fields: &[
        one("year", Year),
        one("amount", Euro),
        opt("account", Str),
        opt("note", Text),
    ],
};

pub(crate) static INDICATOR: Complex = Complex {
    name: "Indicator",
    doc: "An indicator (Kennzahl) with baseline, targets and observed values.",
    id: true,
    fields: &[
        opt("number", Str),
        one("name", Text),
        one("unit", Str),
        one("direction", Ty::Code(Direction::INFO.name)),
        opt("description", Text),
        opt("baseline", C(&BASELINE)),
        list("targets", "target", C(&TARGET)),
        list("observations", "observation", C(&OBSERVATION)),
        opt("source", Text),
    ],
};

pub(crate) static BASELINE: Complex = Complex {
    name: "Baseline",
    doc: "The starting value of an indicator (Ausgangswert).",
    id: false,
    fields: &[one("value", Number), opt("period", Ty::Period)],
};

pub(crate) static TARGET: Complex = Complex {
    name: "Target",
    doc: "A target value of an indicator (Zielwert).",
    id: false,
    fields: &[
        one("value", Number),
        opt("due", Ty::Period),
        opt("aspirational", Bool),
    ],
};

pub(crate) static OBSERVATION: Complex = Complex {
    name: "Observation",
    doc: "An observed value of an indicator (Ist-Wert).",
    id: false,
    fields: &[
        one("value", Number),
        one("period", Ty::Period),
        opt("note", Text),
    ],
};

pub(crate) static ACTOR: Complex = Complex {
    name: "Actor",
    doc: "Anyone taking part: a person, a unit, a council body, a group, an organisation.",
    id: true,
    fields: &[
        one("kind", Ty::Code(ActorKind::INFO.name)),
        one("name", Text),
        opt("function", Text),
        opt("organization", Ty::Ref(Target::Actor)),
        list("members", "member", C(&MEMBERSHIP)),
        opt("description", Text),
        opt("count", UInt),
        opt("url", Str),
        list("commissioned", "commission", C(&COMMISSION)),
    ],
};

pub(crate) static COMMISSION: Complex = Complex {
    name: "Commission",
    doc: "An actor the holder commissioned (Auftragnehmer), with the task (since 1.1).",
    id: false,
    fields: &[one("contractor", Ty::Ref(Target::Actor)), opt("task", Text)],
};

pub(crate) static MEMBERSHIP: Complex = Complex {
    name: "Membership",
    doc: "Membership of an actor in a group or body.",
    id: false,
    fields: &[
        one("actor", Ty::Ref(Target::Actor)),
        opt("role", Ty::Code(MemberRole::INFO.name)),
        opt("roleLabel", Text),
    ],
};

pub(crate) static EVENT: Complex = Complex {
    name: "Event",
    doc: "A participation event or process step (Beteiligungsformat).",
    id: true,
    fields: &[
        one("kind", Ty::Code(EventKind::INFO.name)),
        opt("kindLabel", Text),
        opt("title", Text),
        opt("period", Ty::Period),
        opt("asNeeded", Bool),
        opt("location", Text),
        list("audience", "group", Ty::Code(Audience::INFO.name)),
        opt("audienceDescription", Text),
        list("participants", "participant", C(&PARTICIPANT)),
        opt("participantCount", C(&PARTICIPANT_COUNT)),
        list("fields", "field", Ty::Ref(Target::Field)),
        list("topics", "topic", Text),
        opt("purpose", Text),
        opt("description", Text),
        opt("outcome", Text),
        list("documents", "document", Ty::Ref(Target::Document)),
        list("press", "document", Ty::Ref(Target::Document)),
        opt("parent", Ty::Ref(Target::Event)),
        opt("occasion", Text),
        opt("occurrences", UInt),
        opt("duration", C(&TIME_SPAN)),
    ],
};

pub(crate) static TIME_SPAN: Complex = Complex {
    name: "TimeSpan",
    doc: "A length of time without dates (\"15 Monate\") (since 1.1).",
    id: false,
    fields: &[
        one("value", UInt),
        one("unit", Ty::Code(DurationUnit::INFO.name)),
    ],
};

pub(crate) static PARTICIPANT: Complex = Complex {
    name: "Participant",
    doc: "An actor taking part in an event.",
    id: false,
    fields: &[
        one("actor", Ty::Ref(Target::Actor)),
        opt("role", Ty::Code(ParticipantRole::INFO.name)),
    ],
};

pub(crate) static PARTICIPANT_COUNT: Complex = Complex {
    name: "ParticipantCount",
    doc: "How many took part, exactly or roughly.",
    id: false,
    fields: &[
        one("value", UInt),
        opt("approximate", Bool),
        opt("text", Text),
    ],
};

pub(crate) static RESOLUTION: Complex = Complex {
    name: "Resolution",
    doc: "A council resolution (Beschluss) and the steps of its paper through the bodies.",
    id: true,
    fields: &[
        one("title", Text),
        one("kind", Ty::Code(ResolutionKind::INFO.name)),
        opt("number", Str),
        opt("paper", C(&PAPER)),
        list("consultations", "consultation", C(&CONSULTATION)),
        opt("text", Text),
        list("adopts", "adoption", C(&ADOPTION)),
        list("mandates", "mandate", C(&MANDATE)),
        list("documents", "document", Ty::Ref(Target::Document)),
        list("budget", "budgetLink", C(&BUDGET_LINK)),
    ],
};

pub(crate) static BUDGET_LINK: Complex = Complex {
    name: "BudgetLink",
    doc: "A resolution's link to the county budget: budget year and budget line (since 1.1).",
    id: false,
    fields: &[one("year", Year), opt("account", Str), opt("note", Text)],
};

pub(crate) static PAPER: Complex = Complex {
    name: "Paper",
    doc: "A council paper (Drucksache, Beschlussvorlage).",
    id: false,
    fields: &[
        one("reference", Str),
        opt("prefix", Str),
        opt("title", Text),
    ],
};

pub(crate) static CONSULTATION: Complex = Complex {
    name: "Consultation",
    doc: "One step of a paper through a body (Beratung).",
    id: false,
    fields: &[
        one("body", Ty::Ref(Target::Actor)),
        one("role", Ty::Code(ConsultationRole::INFO.name)),
        opt("plannedDate", Date),
        opt("plannedPeriod", Ty::Period),
        opt("date", Date),
        opt("period", Ty::Period),
        opt("session", Str),
        opt("agendaItem", Str),
        opt("outcome", Ty::Code(Outcome::INFO.name)),
        opt("votes", C(&VOTES)),
        opt("note", Text),
    ],
};

pub(crate) static VOTES: Complex = Complex {
    name: "Votes",
    doc: "Vote counts (Ja, Nein, Enthaltungen, Befangen), each only when the minutes record it.",
    id: false,
    fields: &[
        opt("yes", UInt),
        opt("no", UInt),
        opt("abstain", UInt),
        opt("biased", UInt),
    ],
};

pub(crate) static ADOPTION: Complex = Complex {
    name: "Adoption",
    doc: "Something a resolution adopts; items are goal, field, measure or document ids depending on the subject.",
    id: false,
    fields: &[
        one("subject", Ty::Code(AdoptionSubject::INFO.name)),
        list("items", "item", Id),
        opt("note", Text),
    ],
};

pub(crate) static MANDATE: Complex = Complex {
    name: "Mandate",
    doc: "A task a resolution gives to an actor.",
    id: false,
    fields: &[
        one("actor", Ty::Ref(Target::Actor)),
        one("task", Text),
        opt("due", Ty::Period),
    ],
};

pub(crate) static DOCUMENT: Complex = Complex {
    name: "Document",
    doc: "A document: report, presentation, minutes, press article.",
    id: true,
    fields: &[
        one("kind", Ty::Code(DocumentKind::INFO.name)),
        one("title", Text),
        opt("date", Ty::Period),
        opt("url", Str),
        opt("mediaType", Str),
        opt("language", Lang),
        opt("publisher", Text),
        opt("issue", Str),
        opt("pages", Str),
        list("authors", "author", Ty::Ref(Target::Actor)),
        opt("description", Text),
    ],
};

/// The collections of the concept that references point into, by target:
/// the wrapper and item element names under the root.
pub(crate) const COLLECTIONS: &[(Target, &str, &str)] = &[
    (Target::Field, "fields", "field"),
    (Target::Goal, "goals", "goal"),
    (Target::Measure, "measures", "measure"),
    (Target::Indicator, "indicators", "indicator"),
    (Target::Actor, "actors", "actor"),
    (Target::Event, "events", "event"),
    (Target::Document, "documents", "document"),
];

/// Every complex type reachable from [`CONCEPT`], each once, in first-use order.
pub(crate) fn all_complex() -> Vec<&'static Complex> {
    fn walk(c: &'static Complex, out: &mut Vec<&'static Complex>) {
        if out.iter().any(|x| std::ptr::eq(*x, c)) {
            return;
        }
        out.push(c);
        for f in c.fields {
            if let Ty::Complex(inner) = f.ty {
                walk(inner, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(&CONCEPT, &mut out);
    out
}

impl Complex {
    /// The field with the given element name, searching from `from` on first.
    #[inline]
    pub(crate) fn find(&self, name: &str, from: usize) -> Option<usize> {
        let fields = self.fields;
        (from..fields.len())
            .chain(0..from.min(fields.len()))
            .find(|&i| fields[i].name == name)
    }
}
