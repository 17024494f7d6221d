//! The values of the model's fields by element name, for the table-driven
//! writer.
//!
//! The tables in [`crate::schema`] say which elements a type has, in which
//! order, how often and of which XSD type; this module only answers "what
//! is the value of field `name` of this item". So element names, order and
//! optionality exist once, for reader, writer and XSD alike. A name the
//! table has but a type here does not answer is [`Value::Unknown`], which
//! the writer reports as an error (and the round-trip tests would catch).

use kreisentwicklung_core::{
    Actor, Adoption, Baseline, BudgetLine, BudgetLink, Challenge, CodeList, Commission, Concept,
    Consultation, Costs, Coverage, CrossCuttingTheme, Date, Document, Edition, Euro, Event,
    FieldOfAction, Funding, Goal, Horizon, Id, Indicator, Mandate, Measure, Membership, Milestone,
    Observation, Paper, Participant, ParticipantCount, Period, Predecessor, Reporting, Resolution,
    StatusUpdate, Swot, Target, Territory, Text, TimeSpan, Vision, Votes,
};

/// A coded value with its code list (XÖV style `listURI`, `listVersionID`).
#[derive(Clone, Copy)]
pub(crate) struct Code {
    pub list: &'static str,
    pub version: &'static str,
    pub code: &'static str,
}

/// The value of one field, as the writer needs it.
#[derive(Clone, Copy)]
pub(crate) enum Value<'c> {
    /// Absent: an optional field left out.
    None,
    /// The table names a field this type does not know (a bug).
    Unknown,
    Str(&'c str),
    Text(&'c Text),
    Code(Code),
    Int(i64),
    Date(Date),
    Number(f64),
    Euro(Euro),
    /// A flag; `false` is left out.
    Flag(bool),
    Period(&'c Period),
    Horizon(&'c Horizon),
    Item(&'c dyn Fields),
    List(&'c dyn Seq),
}

/// A structure written by the table of its complex type.
pub(crate) trait Fields {
    /// The item's own id (the `id` attribute), if its type has one.
    fn id(&self) -> Option<&Id> {
        None
    }
    /// The value of the field written as element `name`.
    fn value(&self, name: &str) -> Value<'_>;
}

/// The items of a list field.
pub(crate) trait Seq {
    fn len(&self) -> usize;
    fn at(&self, i: usize) -> Value<'_>;
}

/// One item of a list, as a value.
pub(crate) trait Element {
    fn element(&self) -> Value<'_>;
}

impl<T: Element> Seq for Vec<T> {
    fn len(&self) -> usize {
        <[T]>::len(self)
    }
    fn at(&self, i: usize) -> Value<'_> {
        self.get(i).map_or(Value::None, Element::element)
    }
}

impl Element for Text {
    fn element(&self) -> Value<'_> {
        Value::Text(self)
    }
}

impl Element for Id {
    fn element(&self) -> Value<'_> {
        Value::Str(self.as_str())
    }
}

impl Element for String {
    fn element(&self) -> Value<'_> {
        Value::Str(self)
    }
}

impl Element for kreisentwicklung_core::Audience {
    fn element(&self) -> Value<'_> {
        code(*self)
    }
}

/// Conversions of the model's field types to [`Value`].
trait IntoValue<'c> {
    fn into_value(self) -> Value<'c>;
}

fn v<'c>(x: impl IntoValue<'c>) -> Value<'c> {
    x.into_value()
}

impl<'c, T: IntoValue<'c>> IntoValue<'c> for Option<T> {
    fn into_value(self) -> Value<'c> {
        self.map_or(Value::None, IntoValue::into_value)
    }
}

impl<'c, T> IntoValue<'c> for &'c Option<T>
where
    &'c T: IntoValue<'c>,
{
    fn into_value(self) -> Value<'c> {
        self.as_ref().map_or(Value::None, IntoValue::into_value)
    }
}

impl<'c> IntoValue<'c> for &'c Text {
    fn into_value(self) -> Value<'c> {
        Value::Text(self)
    }
}

impl<'c> IntoValue<'c> for &'c String {
    fn into_value(self) -> Value<'c> {
        Value::Str(self)
    }
}

impl<'c> IntoValue<'c> for &'c Id {
    fn into_value(self) -> Value<'c> {
        Value::Str(self.as_str())
    }
}

impl<'c, T: Element> IntoValue<'c> for &'c Vec<T> {
    fn into_value(self) -> Value<'c> {
        Value::List(self)
    }
}

impl<'c> IntoValue<'c> for &'c Period {
    fn into_value(self) -> Value<'c> {
        Value::Period(self)
    }
}

impl<'c> IntoValue<'c> for &'c Horizon {
    fn into_value(self) -> Value<'c> {
        Value::Horizon(self)
    }
}

macro_rules! int_values {
    ($($t:ty),*) => {$(
        impl<'c> IntoValue<'c> for $t {
            fn into_value(self) -> Value<'c> {
                Value::Int(i64::from(self))
            }
        }
    )*};
}
int_values!(u8, u32, i32);

impl<'c> IntoValue<'c> for Date {
    fn into_value(self) -> Value<'c> {
        Value::Date(self)
    }
}

impl<'c> IntoValue<'c> for f64 {
    fn into_value(self) -> Value<'c> {
        Value::Number(self)
    }
}

impl<'c> IntoValue<'c> for Euro {
    fn into_value(self) -> Value<'c> {
        Value::Euro(self)
    }
}

impl<'c> IntoValue<'c> for bool {
    fn into_value(self) -> Value<'c> {
        Value::Flag(self)
    }
}

/// A coded value.
fn code<'c, C: CodeList>(c: C) -> Value<'c> {
    Value::Code(Code {
        list: C::LIST_ID,
        version: C::LIST_VERSION,
        code: c.code(),
    })
}

fn opt_code<'c, C: CodeList>(c: Option<C>) -> Value<'c> {
    c.map_or(Value::None, code)
}

/// A structure.
fn item<T: Fields>(x: &T) -> Value<'_> {
    Value::Item(x)
}

fn opt_item<T: Fields>(x: &Option<T>) -> Value<'_> {
    x.as_ref().map_or(Value::None, |x| Value::Item(x))
}

/// `impl Fields` (and `Element`, for lists) for a model type: the item
/// binding, optionally `id = expr` for types with an `id` attribute, then
/// `"element" => value` for every field of its table.
macro_rules! fields {
    ($ty:ty, |$x:ident| $(id = $id:expr,)? { $($name:literal => $value:expr,)* }) => {
        impl Fields for $ty {
            $(fn id(&self) -> Option<&Id> {
                let $x = self;
                Some($id)
            })?
            fn value(&self, name: &str) -> Value<'_> {
                let $x = self;
                match name {
                    $($name => $value,)*
                    _ => Value::Unknown,
                }
            }
        }
        impl Element for $ty {
            fn element(&self) -> Value<'_> {
                Value::Item(self)
            }
        }
    };
}

fields!(Concept, |c| id = &c.id, {
    "title" => v(&c.title),
    "shortTitle" => v(&c.short_title),
    "kind" => code(c.kind),
    "kindLabel" => v(&c.kind_label),
    "territory" => item(&c.territory),
    "horizon" => v(&c.horizon),
    "status" => code(c.status),
    "edition" => opt_item(&c.edition),
    "predecessor" => opt_item(&c.predecessor),
    "revisionCycleYears" => v(c.revision_cycle_years),
    "languages" => v(&c.languages),
    "description" => v(&c.description),
    "vision" => opt_item(&c.vision),
    "guidingPrinciples" => v(&c.guiding_principles),
    "goalLevels" => v(&c.goal_levels),
    "fields" => v(&c.fields),
    "crossCuttingThemes" => v(&c.cross_cutting_themes),
    "goals" => v(&c.goals),
    "measures" => v(&c.measures),
    "indicators" => v(&c.indicators),
    "actors" => v(&c.actors),
    "events" => v(&c.events),
    "resolutions" => v(&c.resolutions),
    "documents" => v(&c.documents),
    "swot" => v(&c.swot),
    "processFunding" => v(&c.process_funding),
    "challenges" => v(&c.challenges),
    "reporting" => v(&c.reporting),
    "coverage" => v(&c.coverage),
});

fields!(Reporting, |r| {
    "kind" => code(r.kind),
    "frequency" => opt_code(r.frequency),
    "body" => v(&r.body),
    "sinceYear" => v(r.since_year),
    "lastUpdated" => v(r.last_updated),
    "url" => v(&r.url),
    "document" => v(&r.document),
    "note" => v(&r.note),
});

fields!(Coverage, |k| {
    "collection" => code(k.collection),
    "total" => v(k.total),
    "keptIn" => v(&k.kept_in),
    "document" => v(&k.document),
});

fields!(Territory, |t| {
    "name" => v(&t.name),
    "kind" => code(t.kind),
    "key" => v(&t.key),
    "state" => opt_code(t.state),
    "seat" => v(&t.seat),
});

fields!(Edition, |e| {
    "number" => v(e.number),
    "year" => v(e.year),
    "label" => v(&e.label),
});

fields!(Predecessor, |p| {
    "concept" => v(&p.concept),
    "title" => v(&p.title),
    "year" => v(p.year),
    "fieldCount" => v(p.field_count),
    "goalsRemainValid" => v(p.goals_remain_valid),
    "note" => v(&p.note),
});

fields!(Vision, |x| {
    "text" => v(&x.text),
    "year" => v(x.year),
});

fields!(Challenge, |c| {
    "text" => v(&c.text),
    "details" => v(&c.details),
});

fields!(FieldOfAction, |f| id = &f.id, {
    "number" => v(&f.number),
    "name" => v(&f.name),
    "vision" => opt_item(&f.vision),
    "guidingPrinciples" => v(&f.guiding_principles),
    "description" => v(&f.description),
});

fields!(CrossCuttingTheme, |t| id = &t.id, {
    "name" => v(&t.name),
    "description" => v(&t.description),
    "fields" => v(&t.fields),
});

fields!(Swot, |s| id = &s.id, {
    "title" => v(&s.title),
    "field" => v(&s.field),
    "topics" => v(&s.topics),
    "strengths" => v(&s.strengths),
    "weaknesses" => v(&s.weaknesses),
    "opportunities" => v(&s.opportunities),
    "threats" => v(&s.threats),
    "document" => v(&s.document),
});

fields!(Goal, |g| id = &g.id, {
    "number" => v(&g.number),
    "level" => v(g.level),
    "parent" => v(&g.parent),
    "title" => v(&g.title),
    "shortTitle" => v(&g.short_title),
    "fields" => v(&g.fields),
    "priority" => opt_code(g.priority),
    "focusAreas" => v(&g.focus_areas),
    "description" => v(&g.description),
    "indicators" => v(&g.indicators),
});

fields!(Measure, |m| id = &m.id, {
    "number" => v(&m.number),
    "title" => v(&m.title),
    "description" => v(&m.description),
    "goals" => v(&m.goals),
    "fields" => v(&m.fields),
    "lead" => v(&m.lead),
    "partners" => v(&m.partners),
    "countyRole" => opt_code(m.county_role),
    "period" => v(&m.period),
    "timeHorizon" => opt_code(m.time_horizon),
    "priority" => opt_code(m.priority),
    "status" => opt_code(m.status),
    "statusHistory" => v(&m.status_history),
    "costs" => opt_item(&m.costs),
    "funding" => v(&m.funding),
    "budget" => v(&m.budget),
    "indicators" => v(&m.indicators),
    "documents" => v(&m.documents),
    "milestones" => v(&m.milestones),
});

fields!(Milestone, |s| {
    "title" => v(&s.title),
    "expected" => v(&s.expected),
    "reached" => v(s.reached),
    "note" => v(&s.note),
});

fields!(StatusUpdate, |u| {
    "date" => v(u.date),
    "status" => code(u.status),
    "note" => v(&u.note),
});

fields!(Costs, |c| {
    "amount" => v(c.amount),
    "estimated" => v(c.estimated),
    "note" => v(&c.note),
});

fields!(Funding, |f| {
    "programme" => opt_code(f.programme),
    "programmeName" => v(&f.programme_name),
    "funder" => v(&f.funder),
    "sharePercent" => v(f.share_percent),
    "amount" => v(f.amount),
    "period" => v(&f.period),
});

fields!(BudgetLine, |b| {
    "year" => v(b.year),
    "amount" => v(b.amount),
    "account" => v(&b.account),
    "note" => v(&b.note),
});

fields!(Indicator, |i| id = &i.id, {
    "number" => v(&i.number),
    "name" => v(&i.name),
    "unit" => v(&i.unit),
    "direction" => code(i.direction),
    "description" => v(&i.description),
    "baseline" => opt_item(&i.baseline),
    "targets" => v(&i.targets),
    "observations" => v(&i.observations),
    "source" => v(&i.source),
});

fields!(Baseline, |b| {
    "value" => v(b.value),
    "period" => v(&b.period),
});

fields!(Target, |t| {
    "value" => v(t.value),
    "due" => v(&t.due),
    "aspirational" => v(t.aspirational),
});

fields!(Observation, |o| {
    "value" => v(o.value),
    "period" => v(&o.period),
    "note" => v(&o.note),
});

fields!(Actor, |a| id = &a.id, {
    "kind" => code(a.kind),
    "name" => v(&a.name),
    "function" => v(&a.function),
    "organization" => v(&a.organization),
    "members" => v(&a.members),
    "description" => v(&a.description),
    "count" => v(a.count),
    "url" => v(&a.url),
    "commissioned" => v(&a.commissioned),
});

fields!(Commission, |k| {
    "contractor" => v(&k.contractor),
    "task" => v(&k.task),
});

fields!(Membership, |m| {
    "actor" => v(&m.actor),
    "role" => opt_code(m.role),
    "roleLabel" => v(&m.role_label),
});

fields!(Event, |e| id = &e.id, {
    "kind" => code(e.kind),
    "kindLabel" => v(&e.kind_label),
    "title" => v(&e.title),
    "period" => v(&e.period),
    "asNeeded" => v(e.as_needed),
    "location" => v(&e.location),
    "audience" => v(&e.audience),
    "audienceDescription" => v(&e.audience_description),
    "participants" => v(&e.participants),
    "participantCount" => opt_item(&e.participant_count),
    "fields" => v(&e.fields),
    "topics" => v(&e.topics),
    "purpose" => v(&e.purpose),
    "description" => v(&e.description),
    "outcome" => v(&e.outcome),
    "documents" => v(&e.documents),
    "press" => v(&e.press),
    "parent" => v(&e.parent),
    "occasion" => v(&e.occasion),
    "occurrences" => v(e.occurrences),
    "duration" => opt_item(&e.duration),
});

fields!(TimeSpan, |d| {
    "value" => v(d.value),
    "unit" => code(d.unit),
});

fields!(Participant, |p| {
    "actor" => v(&p.actor),
    "role" => opt_code(p.role),
});

fields!(ParticipantCount, |n| {
    "value" => v(n.value),
    "approximate" => v(n.approximate),
    "text" => v(&n.text),
});

fields!(Resolution, |r| id = &r.id, {
    "title" => v(&r.title),
    "kind" => code(r.kind),
    "number" => v(&r.number),
    "paper" => opt_item(&r.paper),
    "consultations" => v(&r.consultations),
    "text" => v(&r.text),
    "adopts" => v(&r.adopts),
    "mandates" => v(&r.mandates),
    "documents" => v(&r.documents),
    "budget" => v(&r.budget),
});

fields!(BudgetLink, |b| {
    "year" => v(b.year),
    "account" => v(&b.account),
    "note" => v(&b.note),
});

fields!(Paper, |p| {
    "reference" => v(&p.reference),
    "prefix" => v(&p.prefix),
    "title" => v(&p.title),
});

fields!(Consultation, |k| {
    "body" => v(&k.body),
    "role" => code(k.role),
    "plannedDate" => v(k.planned_date),
    "plannedPeriod" => v(&k.planned_period),
    "date" => v(k.date),
    "period" => v(&k.period),
    "session" => v(&k.session),
    "agendaItem" => v(&k.agenda_item),
    "outcome" => opt_code(k.outcome),
    "votes" => opt_item(&k.votes),
    "note" => v(&k.note),
});

fields!(Votes, |x| {
    "yes" => v(x.yes),
    "no" => v(x.no),
    "abstain" => v(x.abstain),
    "biased" => v(x.biased),
});

fields!(Adoption, |a| {
    "subject" => code(a.subject),
    "items" => v(&a.items),
    "note" => v(&a.note),
});

fields!(Mandate, |m| {
    "actor" => v(&m.actor),
    "task" => v(&m.task),
    "due" => v(&m.due),
});

fields!(Document, |d| id = &d.id, {
    "kind" => code(d.kind),
    "title" => v(&d.title),
    "date" => v(&d.date),
    "url" => v(&d.url),
    "mediaType" => v(&d.media_type),
    "language" => v(&d.language),
    "publisher" => v(&d.publisher),
    "issue" => v(&d.issue),
    "pages" => v(&d.pages),
    "authors" => v(&d.authors),
    "description" => v(&d.description),
});
