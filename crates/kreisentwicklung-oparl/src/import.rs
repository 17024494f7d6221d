//! Reading OParl papers, with their consultations, meetings and agenda
//! items, into resolutions.

use std::collections::{HashMap, HashSet};

use kreisentwicklung_core::{
    CodeList, Consultation, ConsultationRole, Date, Id, Language, Outcome, Paper, Resolution,
    ResolutionKind, Text, Votes,
};
use serde_json::Value;

use crate::url::last_segment;
use crate::KEYWORD_PREFIX;

/// Resolutions read from OParl objects, and what was read with a guess.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// One resolution per paper, in the order the papers were found.
    pub resolutions: Vec<Resolution>,
    /// What did not map exactly and how it was read, one sentence each
    /// naming the object (`paper https://…/749: paper type …`).
    pub warnings: Vec<String>,
}

/// Why OParl input cannot be read into resolutions.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The input is not JSON.
    #[error("not a JSON document: {0}")]
    Json(#[from] serde_json::Error),
    /// An object cannot be mapped; `at` names it by type and URL.
    #[error("{at}: {message}")]
    Object {
        /// The object, as `paper https://…`.
        at: String,
        /// What is wrong.
        message: String,
    },
    /// The input holds no `Paper`.
    #[error(
        "the input holds no OParl Paper; resolutions are read from papers with their \
         consultations, meetings and agenda items"
    )]
    NoPaper,
}

fn err(at: &str, message: impl Into<String>) -> ImportError {
    ImportError::Object {
        at: at.to_owned(),
        message: message.into(),
    }
}

/// Reads resolutions from one JSON text: a single OParl object, an OParl
/// list page (`{"data": […]}`), a JSON array of objects, or the document
/// [`OparlExporter`](crate::OparlExporter) writes. Objects inside other
/// objects (a paper's consultations, a meeting's agenda items) are found
/// wherever they are.
///
/// ```
/// let paper = r#"{
///   "id": "https://ratsinfo.example.de/paper/69-2017",
///   "type": "https://schema.oparl.org/1.1/Paper",
///   "name": "Projektskizze", "reference": "69/2017", "paperType": "Zustimmung",
///   "consultation": [{
///     "id": "https://ratsinfo.example.de/consultation/1",
///     "type": "https://schema.oparl.org/1.1/Consultation",
///     "organization": ["https://ratsinfo.example.de/organization/ausschuss-ws"],
///     "role": "Entscheidung", "authoritative": true
///   }]
/// }"#;
/// let imported = kreisentwicklung_oparl::from_str(paper)?;
/// let r = &imported.resolutions[0];
/// assert_eq!(r.id, "69-2017");
/// assert_eq!(r.paper.as_ref().unwrap().reference, "69/2017");
/// assert_eq!(r.consultations[0].body, "ausschuss-ws");
/// # Ok::<(), kreisentwicklung_oparl::ImportError>(())
/// ```
pub fn from_str(json: &str) -> Result<Imported, ImportError> {
    let value: Value = serde_json::from_str(json)?;
    from_values(std::slice::from_ref(&value))
}

/// Reads resolutions from several JSON documents taken together (files of
/// one endpoint: a paper in one, its meeting in another).
pub fn from_values(values: &[Value]) -> Result<Imported, ImportError> {
    let mut objects = Objects::default();
    for v in values {
        objects.collect(v);
    }
    if objects.papers.is_empty() {
        return Err(ImportError::NoPaper);
    }
    let mut reader = Reader {
        objects: &objects,
        warnings: Vec::new(),
    };
    let mut resolutions = Vec::with_capacity(objects.papers.len());
    let mut seen = HashSet::new();
    for paper in &objects.papers {
        let r = reader.resolution(paper)?;
        if !seen.insert(r.id.clone()) {
            return Err(err(
                &format!("paper {}", str_of(paper, "id").unwrap_or("")),
                format!("a second paper gives the resolution id {:?}", r.id.as_str()),
            ));
        }
        resolutions.push(r);
    }
    Ok(Imported {
        resolutions,
        warnings: reader.warnings,
    })
}

/// The OParl type name of an object (`Paper`) if it has an OParl type URL
/// of version 1.x.
fn oparl_type(v: &Value) -> Option<&str> {
    let t = v.get("type")?.as_str()?;
    let known = [
        "https://schema.oparl.org/1.",
        "http://oparl.org/schema/1.",
        "https://oparl.org/schema/1.",
    ];
    known
        .iter()
        .any(|p| t.starts_with(p))
        .then(|| t.rsplit('/').next())
        .flatten()
}

fn str_of<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    v.get(key)?.as_str()
}

/// Every OParl object of the input by type, the first of each id.
#[derive(Default)]
struct Objects<'v> {
    papers: Vec<&'v Value>,
    by_id: HashMap<(&'v str, &'v str), &'v Value>,
    consultations: Vec<&'v Value>,
    agenda_items: Vec<&'v Value>,
}

impl<'v> Objects<'v> {
    fn collect(&mut self, v: &'v Value) {
        match v {
            Value::Object(map) => {
                if let (Some(t), Some(id)) = (oparl_type(v), str_of(v, "id")) {
                    if let std::collections::hash_map::Entry::Vacant(e) = self.by_id.entry((t, id))
                    {
                        e.insert(v);
                        match t {
                            "Paper" => self.papers.push(v),
                            "Consultation" => self.consultations.push(v),
                            "AgendaItem" => self.agenda_items.push(v),
                            _ => {}
                        }
                    }
                }
                for child in map.values() {
                    self.collect(child);
                }
            }
            Value::Array(items) => items.iter().for_each(|i| self.collect(i)),
            _ => {}
        }
    }

    fn get(&self, t: &str, id: &str) -> Option<&'v Value> {
        self.by_id.get(&(t, id)).copied()
    }
}

/// The `kreisentwicklung:NAME=value` keywords of an object.
fn keyword<'v>(v: &'v Value, name: &str) -> Option<&'v str> {
    v.get("keyword")?.as_array()?.iter().find_map(|k| {
        let rest = k.as_str()?.strip_prefix(KEYWORD_PREFIX)?;
        let (n, value) = rest.split_once('=')?;
        (n == name).then_some(value)
    })
}

/// The identifier an object's URL stands for.
fn id_of(at: &str, what: &str, url: &str) -> Result<Id, ImportError> {
    let id = last_segment(url)
        .map(Id::from)
        .filter(Id::is_well_formed)
        .ok_or_else(|| {
            err(
                at,
                format!(
                    "the {what} URL {url:?} does not end in an identifier (letters, digits, \
                     `. _ : -`, at most 64)"
                ),
            )
        })?;
    Ok(id)
}

fn code<C: CodeList>(at: &str, what: &str, text: &str) -> Result<C, ImportError> {
    C::from_code(text).ok_or_else(|| err(at, format!("unknown {what} code {text:?}")))
}

fn by_label<C: CodeList>(text: &str) -> Option<C> {
    let text = text.trim().to_lowercase();
    C::ALL
        .iter()
        .copied()
        .find(|c| c.label(Language::De).to_lowercase() == text)
}

fn date(at: &str, what: &str, text: &str) -> Result<Date, ImportError> {
    text.parse().map_err(|e| err(at, format!("{what}: {e}")))
}

struct Reader<'o, 'v> {
    objects: &'o Objects<'v>,
    warnings: Vec<String>,
}

impl<'v> Reader<'_, 'v> {
    fn resolution(&mut self, p: &'v Value) -> Result<Resolution, ImportError> {
        let url = str_of(p, "id").unwrap_or("");
        let at = format!("paper {url}");
        let id = id_of(&at, "paper", url)?;
        let name =
            str_of(p, "name").ok_or_else(|| err(&at, "has no name (the title of the paper)"))?;
        let kind = match (keyword(p, "kind"), str_of(p, "paperType")) {
            (Some(k), _) => code::<ResolutionKind>(&at, "resolution kind", k)?,
            (None, Some(t)) => by_label(t).unwrap_or_else(|| {
                self.warnings.push(format!(
                    "{at}: paper type {t:?} has no equivalent, read as \"Beschluss\""
                ));
                ResolutionKind::Resolution
            }),
            (None, None) => ResolutionKind::Resolution,
        };
        let mut r = Resolution::new(id, kind, name);
        if let Some(reference) = str_of(p, "reference") {
            r.paper = Some(Paper {
                reference: reference.to_owned(),
                prefix: keyword(p, "prefix").map(str::to_owned),
                title: keyword(p, "paper-title").map(Text::from),
            });
        }
        let files = p.get("mainFile").into_iter().chain(
            p.get("auxiliaryFile")
                .and_then(Value::as_array)
                .into_iter()
                .flatten(),
        );
        for f in files {
            let file_url = f
                .as_str()
                .or_else(|| str_of(f, "id"))
                .ok_or_else(|| err(&at, "a file is neither a URL nor an object with an id"))?;
            r.documents.push(id_of(&at, "file", file_url)?);
        }

        // The steps: those the paper lists, then those that name the paper.
        let mut steps: Vec<&'v Value> = Vec::new();
        for s in p
            .get("consultation")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let s = match s.as_str() {
                Some(u) => self
                    .objects
                    .get("Consultation", u)
                    .ok_or_else(|| err(&at, format!("consultation {u} is not in the input")))?,
                None => s,
            };
            steps.push(s);
        }
        for s in &self.objects.consultations {
            let listed = steps.iter().any(|t| str_of(t, "id") == str_of(s, "id"));
            if !listed && str_of(s, "paper") == Some(url) {
                steps.push(s);
            }
        }
        for s in steps {
            let (step, text) = self.consultation(s)?;
            if let Some(text) = text {
                r.text = Some(Text::from(text));
            }
            r.consultations.push(step);
        }
        Ok(r)
    }

    /// A step, and the resolution's text if its agenda item carries it.
    fn consultation(
        &mut self,
        s: &'v Value,
    ) -> Result<(Consultation, Option<&'v str>), ImportError> {
        let url = str_of(s, "id").unwrap_or("");
        let at = format!("consultation {url}");
        let org = match s.get("organization") {
            Some(Value::String(u)) => Some(u.as_str()),
            Some(Value::Array(us)) => us.first().and_then(Value::as_str),
            _ => None,
        }
        .ok_or_else(|| err(&at, "has no organization (the body the paper goes through)"))?;
        let authoritative = s.get("authoritative").and_then(Value::as_bool);
        let role = match str_of(s, "role") {
            Some(t) => match by_label::<ConsultationRole>(t) {
                Some(role) => Some(role),
                None if t.eq_ignore_ascii_case("Beschlussfassung") => {
                    Some(ConsultationRole::Decide)
                }
                None => None,
            },
            None => None,
        };
        let role = role.unwrap_or_else(|| {
            let guess = if authoritative == Some(true) {
                ConsultationRole::Decide
            } else {
                ConsultationRole::Prepare
            };
            self.warnings.push(format!(
                "{at}: role {:?} has no equivalent, read as {:?} from `authoritative`",
                str_of(s, "role").unwrap_or(""),
                guess.label(Language::De)
            ));
            guess
        });
        let mut c = Consultation::new(id_of(&at, "organization", org)?, role);

        let item = str_of(s, "agendaItem")
            .and_then(|u| self.objects.get("AgendaItem", u))
            .or_else(|| {
                self.objects
                    .agenda_items
                    .iter()
                    .copied()
                    .find(|i| !url.is_empty() && str_of(i, "consultation") == Some(url))
            });
        let Some(item) = item else {
            if let Some(u) = str_of(s, "agendaItem") {
                self.warnings.push(format!(
                    "{at}: agenda item {u} is not in the input; date and outcome unknown"
                ));
            }
            return Ok((c, None));
        };
        let item_at = format!("agenda item {}", str_of(item, "id").unwrap_or(""));
        c.agenda_item = str_of(item, "number").map(str::to_owned);
        c.outcome = match keyword(item, "outcome") {
            Some(k) => Some(code::<Outcome>(&item_at, "outcome", k)?),
            None => self.outcome(&item_at, str_of(item, "result")),
        };
        if let Some(v) = keyword(item, "votes") {
            // `-` for a count the minutes do not give.
            let n: Vec<Option<Option<u32>>> = v
                .split('/')
                .map(|x| {
                    if x == "-" {
                        Some(None)
                    } else {
                        x.parse().ok().map(Some)
                    }
                })
                .collect();
            let [Some(yes), Some(no), Some(abstain), Some(biased)] = n[..] else {
                return Err(err(
                    &item_at,
                    format!("votes {v:?} are not yes/no/abstain/biased"),
                ));
            };
            c.votes = Some(Votes {
                yes,
                no,
                abstain,
                biased,
            });
        }
        c.date = keyword(item, "date")
            .map(|d| date(&item_at, "date", d))
            .transpose()?;
        c.period = keyword(item, "period")
            .map(|p| {
                p.parse::<kreisentwicklung_core::Period>()
                    .map_err(|e| err(&item_at, format!("period: {e}")))
            })
            .transpose()?;
        c.planned_period = keyword(item, "plannedPeriod")
            .map(|p| {
                p.parse::<kreisentwicklung_core::Period>()
                    .map_err(|e| err(&item_at, format!("planned period: {e}")))
            })
            .transpose()?;
        c.planned_date = keyword(item, "planned")
            .map(|d| date(&item_at, "planned date", d))
            .transpose()?;
        if keyword(item, "date").is_none() && keyword(item, "planned").is_none() {
            // Another system's meeting: the day of its start, as given.
            let meeting = str_of(item, "meeting")
                .or_else(|| str_of(s, "meeting"))
                .and_then(|u| self.objects.get("Meeting", u));
            if let Some(m) = meeting {
                if let Some(start) = str_of(m, "start") {
                    let day = date(&item_at, "meeting start", start.get(..10).unwrap_or(start))?;
                    if str_of(m, "meetingState") == Some("terminiert") {
                        c.planned_date = Some(day);
                    } else {
                        c.date = Some(day);
                    }
                }
            }
        }
        let carries_text = item
            .get("keyword")
            .and_then(Value::as_array)
            .is_some_and(|ks| {
                ks.iter()
                    .any(|k| k.as_str() == Some(&format!("{KEYWORD_PREFIX}resolution-text=")))
            });
        let text = if carries_text {
            c.note = keyword(item, "note").map(Text::from);
            str_of(item, "resolutionText")
        } else {
            c.note = str_of(item, "resolutionText").map(Text::from);
            None
        };
        Ok((c, text))
    }

    /// The outcome of another system's result text.
    fn outcome(&mut self, at: &str, result: Option<&str>) -> Option<Outcome> {
        let result = result?;
        let head = result.split(" (").next().unwrap_or(result);
        if let Some(o) = by_label::<Outcome>(head) {
            return Some(o);
        }
        let (outcome, note) = match head.trim().to_lowercase().as_str() {
            "unverändert beschlossen" => (Some(Outcome::AdoptedUnchanged), None),
            "geändert beschlossen" | "mit änderungen beschlossen" => (
                Some(Outcome::Adopted),
                Some("the changes are in the resolution text"),
            ),
            "zur kenntnis genommen" | "kenntnis genommen" => (Some(Outcome::Noted), None),
            _ => (None, Some("outcome left empty")),
        };
        if let Some(note) = note {
            self.warnings.push(format!(
                "{at}: result {result:?} has no exact equivalent; {}",
                match outcome {
                    Some(o) => format!("read as {:?}, {note}", o.label(Language::De)),
                    None => note.to_owned(),
                }
            ));
        }
        outcome
    }
}

/// An imported resolution laid over the one it replaces: what OParl cannot
/// carry (what it adopts, its mandates, the translations of its texts, a
/// text OParl had no place for) is kept from `existing`, the rest comes
/// from `imported`. Importing a concept's own export over it changes
/// nothing.
///
/// ```
/// use kreisentwicklung_core::*;
///
/// let old = Resolution::new("b1", ResolutionKind::Resolution, "Leitbild")
///     .adopting(AdoptionSubject::Vision);
/// let mut new = Resolution::new("b1", ResolutionKind::Resolution, "Leitbild");
/// new.paper = Some(Paper { reference: "69/2017".into(), prefix: None, title: None });
/// let merged = kreisentwicklung_oparl::update(&old, new);
/// assert_eq!(merged.adopts, old.adopts);
/// assert_eq!(merged.paper.unwrap().reference, "69/2017");
/// ```
pub fn update(existing: &Resolution, mut imported: Resolution) -> Resolution {
    let same_text = |new: &mut Text, old: &Text| {
        if new.text == old.text {
            new.translations = old.translations.clone();
        }
    };
    same_text(&mut imported.title, &existing.title);
    if imported.adopts.is_empty() {
        imported.adopts = existing.adopts.clone();
    }
    if imported.mandates.is_empty() {
        imported.mandates = existing.mandates.clone();
    }
    // Format 1.1 facts OParl has no place for: kept from the concept.
    if imported.number.is_none() {
        imported.number = existing.number.clone();
    }
    if imported.budget.is_empty() {
        imported.budget = existing.budget.clone();
    }
    match (&mut imported.text, &existing.text) {
        (Some(new), Some(old)) => same_text(new, old),
        (None, old) => imported.text = old.clone(),
        _ => {}
    }
    if let (Some(new), Some(old)) = (&mut imported.paper, &existing.paper) {
        if let (Some(n), Some(o)) = (&mut new.title, &old.title) {
            same_text(n, o);
        }
    }
    for (new, old) in imported
        .consultations
        .iter_mut()
        .zip(&existing.consultations)
    {
        if let (Some(n), Some(o)) = (&mut new.note, &old.note) {
            same_text(n, o);
        }
        if new.session.is_none() {
            new.session = old.session.clone();
        }
    }
    imported
}
