//! Building the OParl objects of a concept's council side.

use std::collections::{BTreeMap, HashMap};

use kreisentwicklung_core::export::{ExportError, ExportOptions};
use kreisentwicklung_core::{
    Actor, ActorKind, CodeList, Concept, Consultation, ConsultationRole, Date, Document, Language,
    Period, Resolution, Votes,
};
use serde_json::{json, Map, Value};

use crate::url::{segment, BaseUrl};
use crate::{keyword, FORMAT, OPARL_VERSION, TYPE_PREFIX};

/// Every object of a concept's OParl endpoint, each kind in a fixed order
/// (the concept's order; meetings by body and date), so that the same
/// concept gives the same objects.
#[derive(Clone, Debug, PartialEq)]
pub struct Endpoint {
    /// The base URL all ids lie under.
    pub base: BaseUrl,
    /// The `System` object.
    pub system: Value,
    /// The county as the one `Body`.
    pub body: Value,
    /// Council bodies, committees and groups (`Organization`).
    pub organizations: Vec<Value>,
    /// Persons (`Person`), each with its memberships inside.
    pub persons: Vec<Value>,
    /// Memberships of persons in organizations (`Membership`).
    pub memberships: Vec<Value>,
    /// Meetings (`Meeting`) with their agenda items inside.
    pub meetings: Vec<Value>,
    /// Agenda items (`AgendaItem`).
    pub agenda_items: Vec<Value>,
    /// One `Consultation` per step of a resolution.
    pub consultations: Vec<Value>,
    /// One `Paper` per resolution, with its consultations and files inside.
    pub papers: Vec<Value>,
    /// Documents (`File`).
    pub files: Vec<Value>,
    /// Places of meetings (`Location`).
    pub locations: Vec<Value>,
}

impl Endpoint {
    /// The external lists of the body: the name of the `Body` property, the
    /// file name of the list, and the objects, in order.
    pub fn lists(&self) -> [(&'static str, &'static str, &[Value]); 9] {
        [
            ("organization", "organization", &self.organizations),
            ("person", "person", &self.persons),
            ("meeting", "meeting", &self.meetings),
            ("paper", "paper", &self.papers),
            ("agendaItem", "agendaitem", &self.agenda_items),
            ("consultation", "consultation", &self.consultations),
            ("file", "file", &self.files),
            ("locationList", "location", &self.locations),
            ("membership", "membership", &self.memberships),
        ]
    }

    /// The whole endpoint as one JSON document: `system`, `body` (a list
    /// of one) and one list per object type, named as the `Body` property
    /// that links to it.
    pub fn to_document(&self) -> Value {
        let mut doc = Map::new();
        doc.insert("oparlVersion".into(), OPARL_VERSION.into());
        doc.insert("system".into(), self.system.clone());
        doc.insert("body".into(), Value::Array(vec![self.body.clone()]));
        for (name, _, objects) in self.lists() {
            doc.insert(name.into(), Value::Array(objects.to_vec()));
        }
        Value::Object(doc)
    }
}

/// The base URL from the options: required, and checked.
pub(crate) fn base_url(options: &ExportOptions) -> Result<BaseUrl, ExportError> {
    let option_error = |message: String| ExportError::Option {
        format: FORMAT.to_owned(),
        name: "base-url".to_owned(),
        message,
    };
    let text = options.format_options.get("base-url").ok_or_else(|| {
        option_error(
            "required: the URL the objects will be served under, \
             e.g. --option base-url=https://ratsinfo.example.de/oparl"
                .to_owned(),
        )
    })?;
    BaseUrl::parse(text).map_err(option_error)
}

/// Builds the endpoint of a concept. The concept must be valid (every
/// reference resolves).
pub fn endpoint(concept: &Concept, options: &ExportOptions) -> Result<Endpoint, ExportError> {
    let base = base_url(options)?;
    concept.validate().map_err(ExportError::Invalid)?;
    Ok(Builder::new(concept, base).build())
}

/// The German label of a code.
fn de<C: CodeList>(code: C) -> &'static str {
    code.label(Language::De)
}

fn typed(kind: &str, id: String) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), Value::String(id));
    m.insert("type".into(), Value::String(format!("{TYPE_PREFIX}{kind}")));
    m
}

fn strings(items: impl IntoIterator<Item = String>) -> Value {
    Value::Array(items.into_iter().map(Value::String).collect())
}

/// "Ja 38, Nein 5, Enthaltungen 3, Befangen 0", leaving out the counts the
/// minutes do not give.
pub(crate) fn votes_text(v: &Votes) -> String {
    v.to_string()
}

/// The votes as the keyword `yes/no/abstain/biased`, `-` for a count that
/// is not known.
fn votes_keyword(v: &Votes) -> String {
    let n = |c: Option<u32>| c.map_or_else(|| "-".to_owned(), |c| c.to_string());
    format!("{}/{}/{}/{}", n(v.yes), n(v.no), n(v.abstain), n(v.biased))
}

/// True when a step gets a meeting and an agenda item: when anything is
/// known of the session beyond body and role.
pub(crate) fn has_session(c: &Consultation) -> bool {
    c.date.is_some()
        || c.planned_date.is_some()
        || c.period.is_some()
        || c.planned_period.is_some()
        || c.session.is_some()
        || c.agenda_item.is_some()
        || c.outcome.is_some()
        || c.votes.is_some()
        || c.note.is_some()
}

/// The index of the step whose agenda item carries the resolution's text:
/// the first deciding step with a session.
pub(crate) fn text_step(r: &Resolution) -> Option<usize> {
    r.consultations
        .iter()
        .position(|c| c.role == ConsultationRole::Decide && has_session(c))
}

/// The meeting a step took place in: its path segment under `meeting/`
/// and how it is named.
fn meeting_key(body: &str, r: &Resolution, i: usize, c: &Consultation) -> String {
    let body = segment(body);
    match (c.date, c.planned_date) {
        (Some(d), _) => format!("{body}/{d}"),
        (None, Some(p)) => format!("{body}/{p}-geplant"),
        // No date: a meeting of its own, named after the step.
        (None, None) => format!("{body}/{}~{}", segment(r.id.as_str()), i + 1),
    }
}

struct Builder<'a> {
    c: &'a Concept,
    base: BaseUrl,
    actors: HashMap<&'a str, &'a Actor>,
}

impl<'a> Builder<'a> {
    fn new(c: &'a Concept, base: BaseUrl) -> Self {
        let actors = c.actors.iter().map(|a| (a.id.as_str(), a)).collect();
        Builder { c, base, actors }
    }

    fn url(&self, kind: &str, seg: &str) -> String {
        self.base.join(&format!("{kind}/{seg}.json"))
    }

    fn body_url(&self) -> String {
        self.url("body", &segment(self.c.id.as_str()))
    }

    fn list_url(&self, file: &str) -> String {
        self.base
            .join(&format!("body/{}/{file}.json", segment(self.c.id.as_str())))
    }

    fn org_url(&self, id: &str) -> String {
        self.url("organization", &segment(id))
    }

    fn paper_url(&self, r: &Resolution) -> String {
        self.url("paper", &segment(r.id.as_str()))
    }

    fn step_seg(r: &Resolution, i: usize) -> String {
        format!("{}/{}", segment(r.id.as_str()), i + 1)
    }

    fn actor_name(&self, id: &str) -> String {
        self.actors
            .get(id)
            .map(|a| a.name.text.clone())
            .unwrap_or_else(|| id.to_owned())
    }

    fn build(self) -> Endpoint {
        let c = self.c;
        let body_url = self.body_url();

        // Organizations: groups and bodies, and whoever a step goes through.
        let step_bodies: Vec<&str> = c
            .resolutions
            .iter()
            .flat_map(|r| r.consultations.iter().map(|s| s.body.as_str()))
            .collect();
        let org_actors: Vec<&Actor> = c
            .actors
            .iter()
            .filter(|a| a.kind.is_group() || step_bodies.contains(&a.id.as_str()))
            .collect();

        // Memberships of persons in those organizations.
        let mut memberships = Vec::new();
        let mut person_memberships: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
        let mut org_memberships: HashMap<&str, Vec<String>> = HashMap::new();
        for org in &org_actors {
            for m in &org.members {
                let Some(person) = self.actors.get(m.actor.as_str()) else {
                    continue;
                };
                if person.kind != ActorKind::Person {
                    continue;
                }
                let id = self.url(
                    "membership",
                    &format!("{}/{}", segment(org.id.as_str()), segment(m.actor.as_str())),
                );
                let mut o = typed("Membership", id.clone());
                o.insert(
                    "person".into(),
                    self.url("person", &segment(m.actor.as_str())).into(),
                );
                o.insert("organization".into(), self.org_url(org.id.as_str()).into());
                let role = match (&m.role_label, m.role) {
                    (Some(label), _) => Some(label.text.clone()),
                    (None, Some(role)) => Some(de(role).to_owned()),
                    (None, None) => None,
                };
                if let Some(role) = role {
                    o.insert("role".into(), role.into());
                }
                let o = Value::Object(o);
                person_memberships
                    .entry(m.actor.as_str())
                    .or_default()
                    .push(o.clone());
                org_memberships.entry(org.id.as_str()).or_default().push(id);
                memberships.push(o);
            }
        }

        let organizations = org_actors
            .iter()
            .map(|a| {
                let mut o = typed("Organization", self.org_url(a.id.as_str()));
                o.insert("body".into(), body_url.clone().into());
                o.insert("name".into(), a.name.text.clone().into());
                o.insert("classification".into(), de(a.kind).into());
                let org_type = match a.kind {
                    ActorKind::Council | ActorKind::MainCommittee | ActorKind::Committee => {
                        "Gremium"
                    }
                    ActorKind::PoliticalGroup => "Fraktion",
                    ActorKind::Administration | ActorKind::AdministrativeUnit => {
                        "Verwaltungsbereich"
                    }
                    _ => "sonstiges",
                };
                o.insert("organizationType".into(), org_type.into());
                if let Some(ids) = org_memberships.get(a.id.as_str()) {
                    o.insert("membership".into(), strings(ids.iter().cloned()));
                }
                if let Some(url) = a.url.as_ref().filter(|u| is_web_url(u)) {
                    o.insert("website".into(), url.clone().into());
                }
                Value::Object(o)
            })
            .collect();

        let persons = c
            .actors
            .iter()
            .filter(|a| a.kind == ActorKind::Person)
            .map(|a| {
                let mut o = typed("Person", self.url("person", &segment(a.id.as_str())));
                o.insert("body".into(), body_url.clone().into());
                o.insert("name".into(), a.name.text.clone().into());
                if let Some(f) = &a.function {
                    o.insert("status".into(), strings([f.text.clone()]));
                }
                if let Some(ms) = person_memberships.get(a.id.as_str()) {
                    o.insert("membership".into(), Value::Array(ms.clone()));
                }
                Value::Object(o)
            })
            .collect();

        // Files: every document, with the papers that list it.
        let mut doc_papers: HashMap<&str, Vec<String>> = HashMap::new();
        for r in &c.resolutions {
            for d in &r.documents {
                doc_papers
                    .entry(d.as_str())
                    .or_default()
                    .push(self.paper_url(r));
            }
        }
        let files: Vec<Value> = c
            .documents
            .iter()
            .map(|d| self.file(d, doc_papers.get(d.id.as_str())))
            .collect();
        let file_by_id: HashMap<&str, &Value> = c
            .documents
            .iter()
            .map(|d| d.id.as_str())
            .zip(files.iter())
            .collect();

        // Meetings: one per body and day (or one per undated step), with
        // the agenda items in the order of the resolutions.
        let mut meeting_steps: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
        for (ri, r) in c.resolutions.iter().enumerate() {
            for (i, s) in r.consultations.iter().enumerate() {
                if has_session(s) {
                    meeting_steps
                        .entry(meeting_key(s.body.as_str(), r, i, s))
                        .or_default()
                        .push((ri, i));
                }
            }
        }
        let mut agenda_of: HashMap<(usize, usize), (String, String)> = HashMap::new();
        let mut meetings = Vec::new();
        let mut agenda_items = Vec::new();
        let mut places: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
        for (key, steps) in &meeting_steps {
            let meeting_url = self.url("meeting", key);
            let (ri0, i0) = steps[0];
            let first = &c.resolutions[ri0].consultations[i0];
            let mut m = typed("Meeting", meeting_url.clone());
            let body_name = self.actor_name(first.body.as_str());
            let (name, state) = match (first.date, first.planned_date) {
                (Some(d), _) => (
                    format!("{body_name}, Sitzung am {}", d.german()),
                    Some("durchgeführt"),
                ),
                (None, Some(p)) => (
                    format!("{body_name}, Sitzung (geplant für den {})", p.german()),
                    Some("terminiert"),
                ),
                (None, None) => (format!("{body_name}, Sitzung (Datum nicht bekannt)"), None),
            };
            m.insert("name".into(), name.into());
            if let Some(state) = state {
                m.insert("meetingState".into(), state.into());
            }
            m.insert(
                "organization".into(),
                strings([self.org_url(first.body.as_str())]),
            );
            if let Some(day) = first.date.or(first.planned_date) {
                if let Some((loc_url, text)) = self.location(first.body.as_str(), day) {
                    let mut loc = typed("Location", loc_url.clone());
                    loc.insert("description".into(), text.clone().into());
                    m.insert("location".into(), Value::Object(loc));
                    let entry = places.entry(loc_url).or_insert_with(|| (text, Vec::new()));
                    entry.1.push(meeting_url.clone());
                }
            }
            let mut items = Vec::new();
            for (order, &(ri, i)) in steps.iter().enumerate() {
                let r = &c.resolutions[ri];
                let item_url = self.url("agendaitem", &Self::step_seg(r, i));
                let cons_url = self.url("consultation", &Self::step_seg(r, i));
                let item = self.agenda_item(r, i, order + 1, &item_url, &meeting_url, &cons_url);
                agenda_of.insert((ri, i), (item_url, meeting_url.clone()));
                items.push(item.clone());
                agenda_items.push(item);
            }
            m.insert("agendaItem".into(), Value::Array(items));
            meetings.push(Value::Object(m));
        }
        // One location per event, with every meeting held there.
        let locations: Vec<Value> = places
            .into_iter()
            .map(|(url, (text, meetings))| {
                let mut o = typed("Location", url);
                o.insert("description".into(), text.into());
                o.insert("meetings".into(), strings(meetings));
                Value::Object(o)
            })
            .collect();

        let mut consultations = Vec::new();
        let mut papers = Vec::new();
        for (ri, r) in c.resolutions.iter().enumerate() {
            let paper_url = self.paper_url(r);
            let steps: Vec<Value> = r
                .consultations
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let mut o = typed(
                        "Consultation",
                        self.url("consultation", &Self::step_seg(r, i)),
                    );
                    o.insert("paper".into(), paper_url.clone().into());
                    if let Some((item, meeting)) = agenda_of.get(&(ri, i)) {
                        o.insert("agendaItem".into(), item.clone().into());
                        o.insert("meeting".into(), meeting.clone().into());
                    }
                    o.insert(
                        "organization".into(),
                        strings([self.org_url(s.body.as_str())]),
                    );
                    o.insert(
                        "authoritative".into(),
                        (s.role == ConsultationRole::Decide).into(),
                    );
                    o.insert("role".into(), de(s.role).into());
                    Value::Object(o)
                })
                .collect();
            consultations.extend(steps.iter().cloned());

            let mut p = typed("Paper", paper_url.clone());
            p.insert("body".into(), body_url.clone().into());
            p.insert("name".into(), r.title.text.clone().into());
            let mut keywords = vec![keyword("kind", r.kind.code())];
            if let Some(paper) = &r.paper {
                p.insert("reference".into(), paper.reference.clone().into());
                if let Some(prefix) = &paper.prefix {
                    keywords.push(keyword("prefix", prefix));
                }
                if let Some(title) = &paper.title {
                    keywords.push(keyword("paper-title", &title.text));
                }
            }
            // The day the paper was first before a body, as the closest
            // known day to its publication; never a day that is not known.
            if let Some(day) = r
                .consultations
                .iter()
                .filter_map(|s| s.date.or(s.planned_date))
                .min()
            {
                p.insert("date".into(), day.to_string().into());
            }
            p.insert("paperType".into(), de(r.kind).into());
            let mut docs = r
                .documents
                .iter()
                .filter_map(|d| file_by_id.get(d.as_str()));
            if let Some(main) = docs.next() {
                p.insert("mainFile".into(), (*main).clone());
            }
            let aux: Vec<Value> = docs.map(|f| (*f).clone()).collect();
            if !aux.is_empty() {
                p.insert("auxiliaryFile".into(), Value::Array(aux));
            }
            if !steps.is_empty() {
                p.insert("consultation".into(), Value::Array(steps));
            }
            p.insert("keyword".into(), strings(keywords));
            papers.push(Value::Object(p));
        }

        let system = json!({
            "id": self.base.join("system.json"),
            "type": format!("{TYPE_PREFIX}System"),
            "oparlVersion": OPARL_VERSION,
            "body": self.base.join("bodies.json"),
            "name": c.title.text,
        });

        let t = &c.territory;
        let mut b = typed("Body", body_url);
        b.insert("system".into(), self.base.join("system.json").into());
        b.insert("name".into(), t.display_name().into());
        b.insert("shortName".into(), t.name.text.clone().into());
        b.insert("classification".into(), de(t.kind).into());
        if let Some(key) = &t.key {
            // A county's eight-digit AGS and twelve-digit RGS are its
            // five-digit key followed by zeros.
            b.insert("ags".into(), format!("{key}000").into());
            b.insert("rgs".into(), format!("{key}0000000").into());
        }
        b.insert("legislativeTerm".into(), Value::Array(Vec::new()));
        let mut endpoint = Endpoint {
            base: self.base.clone(),
            system,
            body: Value::Null,
            organizations,
            persons,
            memberships,
            meetings,
            agenda_items,
            consultations,
            papers,
            files,
            locations,
        };
        for (name, file, _) in endpoint.lists() {
            b.insert(name.into(), self.list_url(file).into());
        }
        endpoint.body = Value::Object(b);
        endpoint
    }

    fn agenda_item(
        &self,
        r: &Resolution,
        i: usize,
        order: usize,
        url: &str,
        meeting: &str,
        consultation: &str,
    ) -> Value {
        let s = &r.consultations[i];
        let mut o = typed("AgendaItem", url.to_owned());
        o.insert("meeting".into(), meeting.into());
        if let Some(number) = &s.agenda_item {
            o.insert("number".into(), number.clone().into());
        }
        o.insert("order".into(), order.into());
        o.insert("name".into(), r.title.text.clone().into());
        o.insert("consultation".into(), consultation.into());
        let mut keywords = Vec::new();
        let result = match (s.outcome, &s.votes) {
            (Some(out), Some(v)) => Some(format!("{} ({})", de(out), votes_text(v))),
            (Some(out), None) => Some(de(out).to_owned()),
            (None, Some(v)) => Some(format!("Abstimmung: {}", votes_text(v))),
            (None, None) => None,
        };
        if let Some(result) = result {
            o.insert("result".into(), result.into());
        }
        if let Some(out) = s.outcome {
            keywords.push(keyword("outcome", out.code()));
        }
        if let Some(v) = &s.votes {
            keywords.push(keyword("votes", &votes_keyword(v)));
        }
        if let Some(d) = s.date {
            keywords.push(keyword("date", &d.to_string()));
        }
        if let Some(d) = s.planned_date {
            keywords.push(keyword("planned", &d.to_string()));
        }
        // A month or a year is never written as a day: it travels as its
        // German text in a keyword.
        if let Some(p) = &s.period {
            keywords.push(keyword("period", &p.to_string()));
        }
        if let Some(p) = &s.planned_period {
            keywords.push(keyword("plannedPeriod", &p.to_string()));
        }
        match (&r.text, text_step(r) == Some(i)) {
            (Some(text), true) => {
                // The resolution's text is what OParl's resolutionText is
                // for; the step's note then goes into a keyword.
                o.insert("resolutionText".into(), text.text.clone().into());
                keywords.push(keyword("resolution-text", ""));
                if let Some(note) = &s.note {
                    keywords.push(keyword("note", &note.text));
                }
            }
            _ => {
                if let Some(note) = &s.note {
                    o.insert("resolutionText".into(), note.text.clone().into());
                }
            }
        }
        o.insert("keyword".into(), strings(keywords));
        Value::Object(o)
    }

    fn file(&self, d: &Document, papers: Option<&Vec<String>>) -> Value {
        let url = self.url("file", &segment(d.id.as_str()));
        let mut o = typed("File", url.clone());
        o.insert("name".into(), d.title.text.clone().into());
        if let Some(t) = &d.media_type {
            o.insert("mimeType".into(), t.clone().into());
        }
        let mut keywords = Vec::new();
        match &d.date {
            Some(Period::Day { date }) => {
                o.insert("date".into(), date.to_string().into());
            }
            // A month or a year is not a day: said in words, not invented.
            Some(p) => keywords.push(format!("Datum: {p}")),
            None => {}
        }
        // accessUrl is required; a document without a web address points
        // to its own metadata.
        let access = d.url.clone().filter(|u| is_web_url(u)).unwrap_or(url);
        o.insert("accessUrl".into(), access.into());
        if let Some(papers) = papers {
            o.insert("paper".into(), strings(papers.iter().cloned()));
        }
        if !keywords.is_empty() {
            o.insert("keyword".into(), strings(keywords));
        }
        Value::Object(o)
    }

    /// The place of a body's meeting on a day: the location of an event of
    /// that day the body took part in.
    fn location(&self, body: &str, day: Date) -> Option<(String, String)> {
        self.c.events.iter().find_map(|e| {
            let place = e.location.as_ref()?;
            (e.period == Some(Period::Day { date: day })
                && e.participants.iter().any(|p| p.actor.as_str() == body))
            .then(|| {
                (
                    self.url("location", &segment(e.id.as_str())),
                    place.text.clone(),
                )
            })
        })
    }
}

/// An absolute web address, usable as a link in OParl.
fn is_web_url(u: &str) -> bool {
    (u.starts_with("https://") || u.starts_with("http://"))
        && u.bytes().all(|b| b.is_ascii_graphic())
}
