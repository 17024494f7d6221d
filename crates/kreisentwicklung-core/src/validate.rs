//! Validation: every problem in a concept at once, each with a path to the
//! item and a message.
//!
//! Paths name collection items by their id where they have one
//! (`measures[W3].goals[1]` is the second goal reference of measure `W3`) and
//! by their position otherwise.
//!
//! ```
//! use kreisentwicklung_core::*;
//!
//! let concept = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"))
//!     .with_goal(Goal::new("z1", 1, "Ziel"))
//!     .with_measure(Measure::new("W3", "Maßnahme").with_goal("z1").with_goal("z9"));
//!
//! let errors = concept.validate().unwrap_err();
//! assert_eq!(errors.problems.len(), 1);
//! assert_eq!(errors.problems[0].path, "measures[W3].goals[1]");
//! assert_eq!(errors.problems[0].to_string(),
//!            "measures[W3].goals[1]: refers to goal \"z9\", which does not exist");
//! ```

use std::fmt;
use std::sync::OnceLock;

use crate::index::{ConceptIndex, IdIndex, InOrder};
use crate::{AdoptionSubject, Concept, Euro, Id, ItemPath, Outcome, Period, Text, MAX_GOAL_LEVEL};

/// The most characters a text may have: the limit of a spreadsheet cell.
pub const MAX_TEXT_CHARS: usize = 32_767;

/// One problem found in a concept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: `measures[W3].goals[1]`.
    pub path: ItemPath,
    /// What.
    pub kind: ProblemKind,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_root() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.path, self.kind)
        }
    }
}

impl std::error::Error for Problem {}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProblemKind {
    /// Two items of one collection share an id.
    #[error("duplicate id {id:?}, already used by {first}")]
    DuplicateId {
        /// The id.
        id: String,
        /// Path of the first item with it.
        first: ItemPath,
    },
    /// An id that breaks the rules of [`Id`].
    #[error("malformed id {id:?}: use 1 to 64 ASCII letters, digits and . _ : -, starting with a letter or digit")]
    MalformedId {
        /// The id (shortened if long).
        id: String,
    },
    /// A reference to an item that does not exist.
    #[error("refers to {target} {id:?}, which does not exist")]
    DanglingReference {
        /// What kind of item was meant ("goal", "actor").
        target: &'static str,
        /// The id referred to.
        id: String,
    },
    /// A cycle of parent links.
    #[error("parent links form a cycle: {}", ids.join(" → "))]
    Cycle {
        /// The ids in the cycle, the first repeated at the end.
        ids: Vec<String>,
    },
    /// A goal whose level does not fit its parent's.
    #[error("level {level} does not fit: expected {expected}")]
    InconsistentLevel {
        /// The level given.
        level: u8,
        /// The level it should have.
        expected: u8,
    },
    /// Required text that is empty or only whitespace.
    #[error("must not be empty")]
    EmptyText,
    /// A character XML 1.0 cannot carry, even escaped.
    #[error("contains the control character U+{:04X} at character {position}, which XML 1.0 cannot carry", *ch as u32)]
    IllegalCharacter {
        /// The character.
        ch: char,
        /// Its position, counted in characters from 1.
        position: usize,
    },
    /// Text longer than a spreadsheet cell holds.
    #[error("text has {chars} characters, more than the limit of {MAX_TEXT_CHARS}")]
    TextTooLong {
        /// Its length in characters.
        chars: usize,
    },
    /// A period that cannot be.
    #[error("invalid period: {reason}")]
    InvalidPeriod {
        /// Why.
        reason: String,
    },
    /// Any other value that is out of range or inconsistent.
    #[error("{reason}")]
    InvalidValue {
        /// Why.
        reason: String,
    },
}

/// All problems found in a concept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationErrors {
    /// The problems, in document order.
    pub problems: Vec<Problem>,
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(f, "{n} problem{}", if n == 1 { "" } else { "s" })?;
        for p in &self.problems {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

impl IntoIterator for ValidationErrors {
    type Item = Problem;
    type IntoIter = std::vec::IntoIter<Problem>;
    fn into_iter(self) -> Self::IntoIter {
        self.problems.into_iter()
    }
}

impl Concept {
    /// Checks the concept and returns every problem at once.
    ///
    /// Checks: ids well-formed and unique per collection; every reference
    /// resolves (goal parents, measure goals, leads and partners, resolution
    /// bodies, event participants, indicator and document links); no cycles
    /// in the goal tree or in nested events; goal levels consistent (1 for
    /// top-level goals, parent + 1 below, at most 5); required text present;
    /// periods valid; numbers in range; no text longer than
    /// [`MAX_TEXT_CHARS`]; no character that XML 1.0 cannot carry.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let problems = self.problems();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors { problems })
        }
    }

    /// Like [`Concept::validate`], returning the (possibly empty) list.
    pub fn problems(&self) -> Vec<Problem> {
        let index = ConceptIndex::new(self);
        let mut v = Validator::new(self, &index);
        v.run();
        v.problems
    }
}

/// A lazily rendered path: segments are only turned into a string when a
/// problem is found, so validating a valid concept allocates no paths.
#[derive(Clone, Copy)]
struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    seg: Seg<'a>,
}

#[derive(Clone, Copy)]
enum Seg<'a> {
    Root,
    Field(&'static str),
    Item(&'a Id, usize),
    Index(usize),
    Key(&'a str),
}

impl<'a> Path<'a> {
    const ROOT: Path<'static> = Path {
        parent: None,
        seg: Seg::Root,
    };

    fn f(&'a self, name: &'static str) -> Path<'a> {
        Path {
            parent: Some(self),
            seg: Seg::Field(name),
        }
    }

    fn i(&'a self, index: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            seg: Seg::Index(index),
        }
    }

    /// An item of a collection, named by its id if it is well-formed.
    fn item(&'a self, id: &'a Id, index: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            seg: Seg::Item(id, index),
        }
    }

    fn key(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            seg: Seg::Key(key),
        }
    }

    /// The path, written by the one rule of [`ItemPath`].
    fn render(&self) -> ItemPath {
        let mut segs = Vec::new();
        let mut p = Some(self);
        while let Some(x) = p {
            segs.push(x.seg);
            p = x.parent;
        }
        let mut path = ItemPath::root();
        for seg in segs.iter().rev() {
            match *seg {
                Seg::Root => {}
                Seg::Field(name) => path.push_field(name),
                Seg::Item(id, i) => path.push_item(id, i),
                Seg::Index(i) => path.push_index(i),
                Seg::Key(k) => path.push_key(k),
            }
        }
        path
    }
}

/// Id → list position, for the references to one collection. The index
/// holds positions rather than copies of the ids (a sixth of the memory of
/// a `HashMap<Id, usize>`: at a million measures it fits the CPU cache, so
/// building it no longer waits on memory), and references are tried in list
/// order first, so that a catalogue naming its indicators in the order they
/// are listed is checked reading them in sequence.
/// The tables are those of the concept's [`ConceptIndex`], filled here.
type Ids<'i, 'a, T> = InOrder<'i, 'a, T>;

struct Validator<'i, 'a> {
    c: &'a Concept,
    problems: Vec<Problem>,
    goals: Ids<'i, 'a, crate::Goal>,
    measures: Ids<'i, 'a, crate::Measure>,
    fields: Ids<'i, 'a, crate::FieldOfAction>,
    actors: Ids<'i, 'a, crate::Actor>,
    events: Ids<'i, 'a, crate::Event>,
    documents: Ids<'i, 'a, crate::Document>,
    indicators: Ids<'i, 'a, crate::Indicator>,
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 80 {
        let mut t: String = s.chars().take(77).collect();
        t.push_str("...");
        t
    } else {
        s.to_owned()
    }
}

/// Indexes the ids of one collection, reporting malformed and duplicate
/// ones, item by item, in one pass.
fn collect_ids<'a, T>(
    problems: &mut Vec<Problem>,
    name: &'static str,
    items: &'a [T],
    id_of: fn(&T) -> &Id,
) -> IdIndex<'a, T> {
    let mut index = IdIndex::empty(items, id_of);
    let coll = Path::ROOT.f(name);
    for (i, item) in items.iter().enumerate() {
        let id = id_of(item);
        if !id.is_well_formed() {
            problems.push(Problem {
                path: coll.item(id, i).f("id").render(),
                kind: ProblemKind::MalformedId {
                    id: shorten(id.as_str()),
                },
            });
        }
        if let Some(first) = index.add(i) {
            problems.push(Problem {
                path: coll.i(i).f("id").render(),
                kind: ProblemKind::DuplicateId {
                    id: shorten(id.as_str()),
                    first: coll.i(first).render(),
                },
            });
        }
    }
    index
}

/// Fills the index's cell of a collection, reporting malformed and
/// duplicate ids on the way, and looks the collection up through it.
fn register<'i, 'a, T>(
    problems: &mut Vec<Problem>,
    name: &'static str,
    items: &'a [T],
    id_of: fn(&T) -> &Id,
    cell: &'i OnceLock<IdIndex<'a, T>>,
) -> Ids<'i, 'a, T> {
    let index = collect_ids(problems, name, items, id_of);
    // Already built by another user of the index: the same table.
    let _ = cell.set(index);
    Ids::new(items, id_of, cell)
}

impl<'i, 'a> Validator<'i, 'a> {
    /// Registers every collection's ids, reporting malformed and duplicate
    /// ones, in the order of the collections below.
    fn new(c: &'a Concept, index: &'i ConceptIndex<'a>) -> Self {
        let mut problems = Vec::new();
        let p = &mut problems;
        let t = index.cells();
        let goals = register(p, "goals", &c.goals, |x| &x.id, &t.goals);
        let measures = register(p, "measures", &c.measures, |x| &x.id, &t.measures);
        let fields = register(p, "fields", &c.fields, |x| &x.id, &t.fields);
        let actors = register(p, "actors", &c.actors, |x| &x.id, &t.actors);
        let events = register(p, "events", &c.events, |x| &x.id, &t.events);
        let documents = register(p, "documents", &c.documents, |x| &x.id, &t.documents);
        let indicators = register(p, "indicators", &c.indicators, |x| &x.id, &t.indicators);
        collect_ids(p, "crossCuttingThemes", &c.cross_cutting_themes, |x| &x.id);
        collect_ids(p, "resolutions", &c.resolutions, |x| &x.id);
        collect_ids(p, "swot", &c.swot, |x| &x.id);
        Validator {
            c,
            problems,
            goals,
            measures,
            fields,
            actors,
            events,
            documents,
            indicators,
        }
    }

    fn report(&mut self, path: &Path, kind: ProblemKind) {
        self.problems.push(Problem {
            path: path.render(),
            kind,
        });
    }

    fn invalid(&mut self, path: &Path, reason: impl Into<String>) {
        self.report(
            path,
            ProblemKind::InvalidValue {
                reason: reason.into(),
            },
        );
    }

    fn run(&mut self) {
        self.concept_header();
        self.strategy();
        self.goal_tree();
        self.measures();
        self.indicators();
        self.actors();
        self.events();
        self.resolutions();
        self.documents();
        self.additions_of_1_1();
    }

    // ----- primitive checks -------------------------------------------------

    /// Control characters and length of any string.
    fn check_str(&mut self, path: &Path, s: &str) {
        let bytes = s.as_bytes();
        // Fast path: the bytes that can start an illegal character are the
        // C0 controls and 0xEF (the lead byte of U+FFFE / U+FFFF).
        if bytes
            .iter()
            .any(|&b| (b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r') || b == 0xEF)
        {
            for (pos, ch) in s.chars().enumerate() {
                if is_xml_illegal(ch) {
                    self.report(
                        path,
                        ProblemKind::IllegalCharacter {
                            ch,
                            position: pos + 1,
                        },
                    );
                    break;
                }
            }
        }
        if bytes.len() > MAX_TEXT_CHARS {
            let chars = s.chars().count();
            if chars > MAX_TEXT_CHARS {
                self.report(path, ProblemKind::TextTooLong { chars });
            }
        }
    }

    fn required_str(&mut self, path: &Path, s: &str) {
        if s.trim().is_empty() {
            self.report(path, ProblemKind::EmptyText);
        }
        self.check_str(path, s);
    }

    fn opt_str(&mut self, path: &Path, s: &Option<String>) {
        if let Some(s) = s {
            self.check_str(path, s);
        }
    }

    fn text(&mut self, path: &Path, t: &Text, required: bool) {
        if required && t.is_blank() {
            self.report(path, ProblemKind::EmptyText);
        }
        self.check_str(path, &t.text);
        if !t.translations.is_empty() {
            let tr = path.f("translations");
            for (lang, s) in &t.translations {
                let p = tr.key(lang);
                if !is_language_tag(lang) {
                    self.invalid(
                        &p,
                        format!(
                            "{:?} is not a language tag such as \"en\" or \"hsb\"",
                            shorten(lang)
                        ),
                    );
                }
                self.check_str(&p, s);
            }
        }
    }

    fn opt_text(&mut self, path: &Path, t: &Option<Text>) {
        if let Some(t) = t {
            self.text(path, t, false);
        }
    }

    fn texts(&mut self, path: &Path, ts: &[Text]) {
        for (i, t) in ts.iter().enumerate() {
            self.text(&path.i(i), t, true);
        }
    }

    fn period(&mut self, path: &Path, p: &Period) {
        for reason in p.problems() {
            self.report(path, ProblemKind::InvalidPeriod { reason });
        }
    }

    fn opt_period(&mut self, path: &Path, p: &Option<Period>) {
        if let Some(p) = p {
            self.period(path, p);
        }
    }

    fn year(&mut self, path: &Path, year: i32) {
        if !(1..=9999).contains(&year) {
            self.invalid(path, format!("year {year} is out of range 1..=9999"));
        }
    }

    fn number(&mut self, path: &Path, v: f64) {
        if !v.is_finite() {
            self.invalid(path, format!("{v} is not a finite number"));
        }
    }

    fn euro(&mut self, path: &Path, v: Euro) {
        if v.cents().unsigned_abs() > (crate::money::MAX_EUROS as u64) * 100 {
            self.invalid(path, format!("amount {v} is out of range"));
        }
    }

    fn reference(&mut self, path: &Path, target: &'static str, set: Set, id: &Id) {
        let known = match set {
            Set::Goals => self.goals.contains(id.as_str()),
            Set::Measures => self.measures.contains(id.as_str()),
            Set::Fields => self.fields.contains(id.as_str()),
            Set::Actors => self.actors.contains(id.as_str()),
            Set::Events => self.events.contains(id.as_str()),
            Set::Documents => self.documents.contains(id.as_str()),
            Set::Indicators => self.indicators.contains(id.as_str()),
        };
        if !known {
            self.report(
                path,
                ProblemKind::DanglingReference {
                    target,
                    id: shorten(id.as_str()),
                },
            );
        }
    }

    fn references(&mut self, path: &Path, target: &'static str, set: Set, ids: &[Id]) {
        for (i, id) in ids.iter().enumerate() {
            self.reference(&path.i(i), target, set, id);
        }
    }

    fn opt_reference(&mut self, path: &Path, target: &'static str, set: Set, id: &Option<Id>) {
        if let Some(id) = id {
            self.reference(path, target, set, id);
        }
    }

    fn funding(&mut self, path: &Path, f: &crate::Funding) {
        self.opt_text(&path.f("programmeName"), &f.programme_name);
        self.opt_reference(&path.f("funder"), "actor", Set::Actors, &f.funder);
        if let Some(share) = f.share_percent {
            let p = path.f("sharePercent");
            if !share.is_finite() || !(0.0..=100.0).contains(&share) {
                self.invalid(&p, format!("share {share} % is not between 0 and 100"));
            }
        }
        if let Some(a) = f.amount {
            self.euro(&path.f("amount"), a);
        }
        self.opt_period(&path.f("period"), &f.period);
    }

    // ----- sections ---------------------------------------------------------

    fn concept_header(&mut self) {
        let c = self.c;
        let root = Path::ROOT;
        if !c.id.is_well_formed() {
            self.report(
                &root.f("id"),
                ProblemKind::MalformedId {
                    id: shorten(c.id.as_str()),
                },
            );
        }
        self.text(&root.f("title"), &c.title, true);
        self.opt_text(&root.f("shortTitle"), &c.short_title);
        self.opt_text(&root.f("kindLabel"), &c.kind_label);
        let t = root.f("territory");
        self.text(&t.f("name"), &c.territory.name, true);
        if let Some(key) = &c.territory.key {
            let p = t.f("key");
            if key.len() != 5 || !key.bytes().all(|b| b.is_ascii_digit()) {
                self.invalid(
                    &p,
                    format!("official key {:?} must be five digits", shorten(key)),
                );
            } else if let Some(state) = c.territory.state {
                if !key.starts_with(state.key_prefix()) {
                    self.invalid(
                        &p,
                        format!(
                            "official key {key} does not belong to {state} (keys there start with {})",
                            state.key_prefix()
                        ),
                    );
                }
            }
        }
        if let Some(h) = c.horizon {
            let p = root.f("horizon");
            match h {
                crate::Horizon::Year { year } | crate::Horizon::OpenEnded { from: year } => {
                    self.year(&p, year)
                }
                crate::Horizon::Range { from, to } => {
                    self.year(&p, from);
                    self.year(&p, to);
                    if to < from {
                        self.invalid(&p, format!("horizon ends ({to}) before it starts ({from})"));
                    }
                }
            }
        }
        if let Some(e) = &c.edition {
            let p = root.f("edition");
            if let Some(y) = e.year {
                self.year(&p.f("year"), y);
            }
            self.opt_text(&p.f("label"), &e.label);
        }
        if let Some(pr) = &c.predecessor {
            let p = root.f("predecessor");
            self.text(&p.f("title"), &pr.title, true);
            if let Some(y) = pr.year {
                self.year(&p.f("year"), y);
            }
            self.opt_text(&p.f("note"), &pr.note);
            if let (Some(c_id), true) = (&pr.concept, true) {
                if !c_id.is_well_formed() {
                    self.report(
                        &p.f("concept"),
                        ProblemKind::MalformedId {
                            id: shorten(c_id.as_str()),
                        },
                    );
                }
            }
        }
        if c.revision_cycle_years == Some(0) {
            self.invalid(
                &root.f("revisionCycleYears"),
                "revision cycle must be at least one year",
            );
        }
        let langs = root.f("languages");
        for (i, l) in c.languages.iter().enumerate() {
            if !is_language_tag(l) {
                self.invalid(
                    &langs.i(i),
                    format!("{:?} is not a language tag such as \"de\"", shorten(l)),
                );
            }
        }
        self.opt_text(&root.f("description"), &c.description);
        if let Some(v) = &c.vision {
            self.vision(&root.f("vision"), v);
        }
        self.texts(&root.f("goalLevels"), &c.goal_levels);
        let pf = root.f("processFunding");
        for (i, f) in c.process_funding.iter().enumerate() {
            self.funding(&pf.i(i), f);
        }
        let ch = root.f("challenges");
        for (i, x) in c.challenges.iter().enumerate() {
            let p = ch.i(i);
            self.text(&p.f("text"), &x.text, true);
            self.texts(&p.f("details"), &x.details);
        }
    }

    fn vision(&mut self, path: &Path, v: &crate::Vision) {
        self.text(&path.f("text"), &v.text, true);
        if let Some(y) = v.year {
            self.year(&path.f("year"), y);
        }
    }

    fn strategy(&mut self) {
        let c = self.c;
        let root = Path::ROOT;
        let fields = root.f("fields");
        for (i, f) in c.fields.iter().enumerate() {
            let p = fields.item(&f.id, i);
            self.opt_str(&p.f("number"), &f.number);
            self.text(&p.f("name"), &f.name, true);
            if let Some(v) = &f.vision {
                self.vision(&p.f("vision"), v);
            }
            self.opt_text(&p.f("description"), &f.description);
        }
        let themes = root.f("crossCuttingThemes");
        for (i, t) in c.cross_cutting_themes.iter().enumerate() {
            let p = themes.item(&t.id, i);
            self.text(&p.f("name"), &t.name, true);
            self.opt_text(&p.f("description"), &t.description);
            self.references(&p.f("fields"), "field of action", Set::Fields, &t.fields);
        }
        let swot = root.f("swot");
        for (i, s) in c.swot.iter().enumerate() {
            let p = swot.item(&s.id, i);
            self.opt_text(&p.f("title"), &s.title);
            self.opt_reference(&p.f("field"), "field of action", Set::Fields, &s.field);
            self.texts(&p.f("topics"), &s.topics);
            self.texts(&p.f("strengths"), &s.strengths);
            self.texts(&p.f("weaknesses"), &s.weaknesses);
            self.texts(&p.f("opportunities"), &s.opportunities);
            self.texts(&p.f("threats"), &s.threats);
            self.opt_reference(&p.f("document"), "document", Set::Documents, &s.document);
        }
    }

    fn goal_tree(&mut self) {
        let c = self.c;
        let root = Path::ROOT;
        let goals = root.f("goals");
        for (i, g) in c.goals.iter().enumerate() {
            let p = goals.item(&g.id, i);
            self.opt_str(&p.f("number"), &g.number);
            self.text(&p.f("title"), &g.title, true);
            self.opt_text(&p.f("shortTitle"), &g.short_title);
            self.references(&p.f("fields"), "field of action", Set::Fields, &g.fields);
            self.texts(&p.f("focusAreas"), &g.focus_areas);
            self.opt_text(&p.f("description"), &g.description);
            self.references(
                &p.f("indicators"),
                "indicator",
                Set::Indicators,
                &g.indicators,
            );
            self.opt_reference(&p.f("parent"), "goal", Set::Goals, &g.parent);
            if !(1..=MAX_GOAL_LEVEL).contains(&g.level) {
                self.invalid(
                    &p.f("level"),
                    format!("level {} is out of range 1..={MAX_GOAL_LEVEL}", g.level),
                );
            }
        }
        // Cycles, then levels of goals outside cycles.
        let parents: Vec<Option<usize>> = c
            .goals
            .iter()
            .map(|g| {
                g.parent
                    .as_ref()
                    .and_then(|p| self.goals.index().position(p.as_str()))
            })
            .collect();
        let in_cycle = self.cycles("goals", &parents, |i| &c.goals[i].id);
        for (i, g) in c.goals.iter().enumerate() {
            if in_cycle[i] || !(1..=MAX_GOAL_LEVEL).contains(&g.level) {
                continue;
            }
            let expected = match (&g.parent, parents[i]) {
                (None, _) => 1,
                (Some(_), Some(pi)) if !in_cycle[pi] => c.goals[pi].level.saturating_add(1),
                _ => continue,
            };
            if g.level != expected {
                let p = goals.item(&g.id, i);
                self.report(
                    &p.f("level"),
                    ProblemKind::InconsistentLevel {
                        level: g.level,
                        expected,
                    },
                );
            }
        }
    }

    /// Finds cycles of parent links; reports each once and returns which
    /// items are on a cycle.
    fn cycles(
        &mut self,
        name: &'static str,
        parents: &[Option<usize>],
        id_of: impl Fn(usize) -> &'a Id,
    ) -> Vec<bool> {
        // 0 = unvisited, 1 = on the current walk, 2 = done.
        let n = parents.len();
        let mut state = vec![0u8; n];
        let mut in_cycle = vec![false; n];
        let root = Path::ROOT;
        let coll = root.f(name);
        for start in 0..n {
            if state[start] != 0 {
                continue;
            }
            let mut walk = Vec::new();
            let mut cur = Some(start);
            while let Some(i) = cur {
                match state[i] {
                    0 => {
                        state[i] = 1;
                        walk.push(i);
                        cur = parents[i];
                    }
                    1 => {
                        let pos = walk.iter().position(|&w| w == i).unwrap_or(0);
                        let cycle = &walk[pos..];
                        let mut ids: Vec<String> = cycle
                            .iter()
                            .map(|&j| id_of(j).as_str().to_owned())
                            .collect();
                        ids.push(id_of(i).as_str().to_owned());
                        for &j in cycle {
                            in_cycle[j] = true;
                        }
                        let first = cycle.iter().copied().min().unwrap_or(i);
                        let p = coll.item(id_of(first), first);
                        self.report(&p.f("parent"), ProblemKind::Cycle { ids });
                        break;
                    }
                    _ => break,
                }
            }
            for i in walk {
                state[i] = 2;
            }
        }
        in_cycle
    }

    fn measures(&mut self) {
        let c = self.c;
        let root = Path::ROOT;
        let ms = root.f("measures");
        for (i, m) in c.measures.iter().enumerate() {
            let p = ms.item(&m.id, i);
            self.opt_str(&p.f("number"), &m.number);
            self.text(&p.f("title"), &m.title, true);
            self.opt_text(&p.f("description"), &m.description);
            self.references(&p.f("goals"), "goal", Set::Goals, &m.goals);
            self.references(&p.f("fields"), "field of action", Set::Fields, &m.fields);
            self.opt_reference(&p.f("lead"), "actor", Set::Actors, &m.lead);
            self.references(&p.f("partners"), "actor", Set::Actors, &m.partners);
            self.opt_period(&p.f("period"), &m.period);
            let h = p.f("statusHistory");
            let mut prev: Option<crate::Date> = None;
            for (j, u) in m.status_history.iter().enumerate() {
                let up = h.i(j);
                if prev.is_some_and(|d| u.date < d) {
                    self.invalid(
                        &up.f("date"),
                        format!(
                            "status update of {} is older than the one before it",
                            u.date
                        ),
                    );
                }
                prev = Some(u.date);
                self.opt_text(&up.f("note"), &u.note);
            }
            if let (Some(status), Some(last)) = (m.status, m.status_history.last()) {
                if status != last.status {
                    self.invalid(
                        &p.f("status"),
                        format!(
                            "status {:?} differs from the latest status update ({:?} on {})",
                            crate::CodeList::code(status),
                            crate::CodeList::code(last.status),
                            last.date
                        ),
                    );
                }
            }
            if let Some(costs) = &m.costs {
                let cp = p.f("costs");
                if let Some(a) = costs.amount {
                    self.euro(&cp.f("amount"), a);
                }
                self.opt_text(&cp.f("note"), &costs.note);
            }
            let fp = p.f("funding");
            for (j, f) in m.funding.iter().enumerate() {
                self.funding(&fp.i(j), f);
            }
            let total_share: f64 = m.funding.iter().filter_map(|f| f.share_percent).sum();
            if total_share > 100.0 + 1e-9 {
                self.invalid(
                    &fp,
                    format!("funded shares add up to {total_share} %, more than 100 %"),
                );
            }
            let bp = p.f("budget");
            for (j, b) in m.budget.iter().enumerate() {
                let lp = bp.i(j);
                self.year(&lp.f("year"), b.year);
                self.euro(&lp.f("amount"), b.amount);
                self.opt_str(&lp.f("account"), &b.account);
                self.opt_text(&lp.f("note"), &b.note);
            }
            self.references(
                &p.f("indicators"),
                "indicator",
                Set::Indicators,
                &m.indicators,
            );
            self.references(&p.f("documents"), "document", Set::Documents, &m.documents);
        }
    }

    fn indicators(&mut self) {
        let c = self.c;
        let root = Path::ROOT;
        let is = root.f("indicators");
        for (i, ind) in c.indicators.iter().enumerate() {
            let p = is.item(&ind.id, i);
            self.opt_str(&p.f("number"), &ind.number);
            self.text(&p.f("name"), &ind.name, true);
            self.required_str(&p.f("unit"), &ind.unit);
            self.opt_text(&p.f("description"), &ind.description);
            if let Some(b) = &ind.baseline {
                let bp = p.f("baseline");
                self.number(&bp.f("value"), b.value);
                self.opt_period(&bp.f("period"), &b.period);
            }
            let tp = p.f("targets");
            for (j, t) in ind.targets.iter().enumerate() {
                let x = tp.i(j);
                self.number(&x.f("value"), t.value);
                self.opt_period(&x.f("due"), &t.due);
            }
            let op = p.f("observations");
            for (j, o) in ind.observations.iter().enumerate() {
                let x = op.i(j);
                self.number(&x.f("value"), o.value);
                self.period(&x.f("period"), &o.period);
                self.opt_text(&x.f("note"), &o.note);
            }
            self.opt_text(&p.f("source"), &ind.source);
        }
    }

    fn actors(&mut self) {
        let c = self.c;
        let root = Path::ROOT;
        let acts = root.f("actors");
        for (i, a) in c.actors.iter().enumerate() {
            let p = acts.item(&a.id, i);
            self.text(&p.f("name"), &a.name, true);
            self.opt_text(&p.f("function"), &a.function);
            self.opt_reference(&p.f("organization"), "actor", Set::Actors, &a.organization);
            if a.organization.as_ref() == Some(&a.id) {
                self.invalid(&p.f("organization"), "an actor cannot belong to itself");
            }
            let mp = p.f("members");
            for (j, m) in a.members.iter().enumerate() {
                let x = mp.i(j);
                self.reference(&x.f("actor"), "actor", Set::Actors, &m.actor);
                if m.actor == a.id {
                    self.invalid(&x.f("actor"), "a group cannot be a member of itself");
                }
                self.opt_text(&x.f("roleLabel"), &m.role_label);
            }
            self.opt_text(&p.f("description"), &a.description);
            self.opt_str(&p.f("url"), &a.url);
        }
    }

    fn events(&mut self) {
        let c = self.c;
        let root = Path::ROOT;
        let evs = root.f("events");
        for (i, e) in c.events.iter().enumerate() {
            let p = evs.item(&e.id, i);
            self.opt_text(&p.f("kindLabel"), &e.kind_label);
            self.opt_text(&p.f("title"), &e.title);
            self.opt_period(&p.f("period"), &e.period);
            self.opt_text(&p.f("location"), &e.location);
            self.opt_text(&p.f("audienceDescription"), &e.audience_description);
            let pp = p.f("participants");
            for (j, x) in e.participants.iter().enumerate() {
                self.reference(&pp.i(j).f("actor"), "actor", Set::Actors, &x.actor);
            }
            if let Some(n) = &e.participant_count {
                self.opt_text(&p.f("participantCount").f("text"), &n.text);
            }
            self.references(&p.f("fields"), "field of action", Set::Fields, &e.fields);
            self.texts(&p.f("topics"), &e.topics);
            self.opt_text(&p.f("purpose"), &e.purpose);
            self.opt_text(&p.f("description"), &e.description);
            self.opt_text(&p.f("outcome"), &e.outcome);
            self.references(&p.f("documents"), "document", Set::Documents, &e.documents);
            self.references(&p.f("press"), "document", Set::Documents, &e.press);
            self.opt_reference(&p.f("parent"), "event", Set::Events, &e.parent);
        }
        let parents: Vec<Option<usize>> = c
            .events
            .iter()
            .map(|e| {
                e.parent
                    .as_ref()
                    .and_then(|p| self.events.index().position(p.as_str()))
            })
            .collect();
        self.cycles("events", &parents, |i| &c.events[i].id);
    }

    fn resolutions(&mut self) {
        let c = self.c;
        let root = Path::ROOT;
        let rs = root.f("resolutions");
        for (i, r) in c.resolutions.iter().enumerate() {
            let p = rs.item(&r.id, i);
            self.text(&p.f("title"), &r.title, true);
            if let Some(paper) = &r.paper {
                let pp = p.f("paper");
                self.required_str(&pp.f("reference"), &paper.reference);
                self.opt_str(&pp.f("prefix"), &paper.prefix);
                self.opt_text(&pp.f("title"), &paper.title);
            }
            let cp = p.f("consultations");
            for (j, k) in r.consultations.iter().enumerate() {
                let x = cp.i(j);
                self.reference(&x.f("body"), "actor", Set::Actors, &k.body);
                self.opt_str(&x.f("agendaItem"), &k.agenda_item);
                self.opt_text(&x.f("note"), &k.note);
                if let Some(v) = k.votes {
                    let vp = x.f("votes");
                    // Only counts the minutes record are compared: "mehrheitlich
                    // dafür, 7 dagegen" has no yes count to check.
                    match (k.outcome, v.yes, v.no) {
                        (Some(Outcome::AdoptedUnanimously), _, Some(no)) if no > 0 => {
                            self.invalid(&vp, format!("adopted unanimously, but {no} voted no"))
                        }
                        (Some(Outcome::AdoptedByMajority), Some(yes), Some(no)) if yes <= no => {
                            self.invalid(
                                &vp,
                                format!(
                                    "adopted by majority, but yes {yes} is not more than no {no}"
                                ),
                            )
                        }
                        (Some(Outcome::Rejected), Some(yes), Some(no)) if yes > no => self
                            .invalid(&vp, format!("rejected, but yes {yes} is more than no {no}")),
                        _ => {}
                    }
                }
            }
            self.opt_text(&p.f("text"), &r.text);
            let ap = p.f("adopts");
            for (j, a) in r.adopts.iter().enumerate() {
                let x = ap.i(j);
                let items = x.f("items");
                match a.subject {
                    AdoptionSubject::Goals => self.references(&items, "goal", Set::Goals, &a.items),
                    AdoptionSubject::FieldsOfAction => {
                        self.references(&items, "field of action", Set::Fields, &a.items)
                    }
                    AdoptionSubject::Catalogue | AdoptionSubject::Measures => {
                        self.references(&items, "measure", Set::Measures, &a.items)
                    }
                    AdoptionSubject::Document => {
                        self.references(&items, "document", Set::Documents, &a.items)
                    }
                    AdoptionSubject::Concept
                    | AdoptionSubject::Vision
                    | AdoptionSubject::Process => {
                        if !a.items.is_empty() {
                            self.invalid(&items, "items can only be given when adopting goals, fields of action, measures, the catalogue or a document");
                        }
                    }
                }
                self.opt_text(&x.f("note"), &a.note);
            }
            let mp = p.f("mandates");
            for (j, m) in r.mandates.iter().enumerate() {
                let x = mp.i(j);
                self.reference(&x.f("actor"), "actor", Set::Actors, &m.actor);
                self.text(&x.f("task"), &m.task, true);
                self.opt_period(&x.f("due"), &m.due);
            }
            self.references(&p.f("documents"), "document", Set::Documents, &r.documents);
        }
    }

    fn documents(&mut self) {
        let c = self.c;
        let root = Path::ROOT;
        let ds = root.f("documents");
        for (i, d) in c.documents.iter().enumerate() {
            let p = ds.item(&d.id, i);
            self.text(&p.f("title"), &d.title, true);
            self.opt_period(&p.f("date"), &d.date);
            self.opt_str(&p.f("url"), &d.url);
            if let Some(u) = &d.url {
                if let Err(why) = crate::url::check_url(u) {
                    self.invalid(
                        &p.f("url"),
                        format!("{:?} is not a web address: {why}", shorten(u)),
                    );
                }
            }
            self.opt_str(&p.f("mediaType"), &d.media_type);
            if let Some(m) = &d.media_type {
                if !m.contains('/') || m.chars().any(char::is_whitespace) {
                    self.invalid(
                        &p.f("mediaType"),
                        format!(
                            "{:?} is not a media type such as \"application/pdf\"",
                            shorten(m)
                        ),
                    );
                }
            }
            if let Some(l) = &d.language {
                if !is_language_tag(l) {
                    self.invalid(
                        &p.f("language"),
                        format!("{:?} is not a language tag such as \"de\"", shorten(l)),
                    );
                }
            }
            self.opt_text(&p.f("publisher"), &d.publisher);
            self.opt_str(&p.f("issue"), &d.issue);
            self.opt_str(&p.f("pages"), &d.pages);
            self.references(&p.f("authors"), "actor", Set::Actors, &d.authors);
            self.opt_text(&p.f("description"), &d.description);
        }
    }

    /// What format 1.1 added: guiding principles, the county seat,
    /// milestones, commissions and membership cycles, the occasion of an
    /// event, resolution numbers, sessions and budget links, reporting and
    /// coverage. Kept together so that the 1.0 checks above read as before.
    fn additions_of_1_1(&mut self) {
        let c = self.c;
        let root = Path::ROOT;
        self.opt_text(&root.f("territory").f("seat"), &c.territory.seat);
        self.texts(&root.f("guidingPrinciples"), &c.guiding_principles);
        let fs = root.f("fields");
        for (i, f) in c.fields.iter().enumerate() {
            self.texts(
                &fs.item(&f.id, i).f("guidingPrinciples"),
                &f.guiding_principles,
            );
        }
        let ms = root.f("measures");
        for (i, m) in c.measures.iter().enumerate() {
            let item = ms.item(&m.id, i);
            let mp = item.f("milestones");
            for (j, x) in m.milestones.iter().enumerate() {
                let p = mp.i(j);
                self.text(&p.f("title"), &x.title, true);
                self.opt_period(&p.f("expected"), &x.expected);
                self.opt_text(&p.f("note"), &x.note);
            }
        }
        let acts = root.f("actors");
        for (i, a) in c.actors.iter().enumerate() {
            let item = acts.item(&a.id, i);
            let cp = item.f("commissioned");
            for (j, k) in a.commissioned.iter().enumerate() {
                let p = cp.i(j);
                self.reference(&p.f("contractor"), "actor", Set::Actors, &k.contractor);
                if k.contractor == a.id {
                    self.invalid(&p.f("contractor"), "an actor cannot commission itself");
                }
                self.opt_text(&p.f("task"), &k.task);
            }
        }
        self.membership_cycles();
        let evs = root.f("events");
        for (i, e) in c.events.iter().enumerate() {
            let p = evs.item(&e.id, i);
            self.opt_text(&p.f("occasion"), &e.occasion);
            if e.occurrences == Some(0) {
                self.invalid(
                    &p.f("occurrences"),
                    "an event that took place took place at least once",
                );
            }
        }
        let rs = root.f("resolutions");
        for (i, r) in c.resolutions.iter().enumerate() {
            let p = rs.item(&r.id, i);
            self.opt_str(&p.f("number"), &r.number);
            let kp = p.f("consultations");
            for (j, k) in r.consultations.iter().enumerate() {
                let x = kp.i(j);
                self.opt_str(&x.f("session"), &k.session);
                self.opt_period(&x.f("period"), &k.period);
                self.opt_period(&x.f("plannedPeriod"), &k.planned_period);
                if k.date.is_some() && k.period.is_some() {
                    self.invalid(
                        &x.f("period"),
                        "give either the day (date) or the period, not both",
                    );
                }
                if k.planned_date.is_some() && k.planned_period.is_some() {
                    self.invalid(
                        &x.f("plannedPeriod"),
                        "give either the planned day (plannedDate) or the planned period, not both",
                    );
                }
            }
            let bp = p.f("budget");
            for (j, b) in r.budget.iter().enumerate() {
                let x = bp.i(j);
                self.year(&x.f("year"), b.year);
                self.opt_str(&x.f("account"), &b.account);
                self.opt_text(&x.f("note"), &b.note);
            }
        }
        let rp = root.f("reporting");
        for (i, r) in c.reporting.iter().enumerate() {
            let p = rp.i(i);
            self.opt_reference(&p.f("body"), "actor", Set::Actors, &r.body);
            if let Some(y) = r.since_year {
                self.year(&p.f("sinceYear"), y);
            }
            self.opt_str(&p.f("url"), &r.url);
            self.opt_reference(&p.f("document"), "document", Set::Documents, &r.document);
            self.opt_text(&p.f("note"), &r.note);
        }
        let cp = root.f("coverage");
        for (i, k) in c.coverage.iter().enumerate() {
            let p = cp.i(i);
            self.opt_text(&p.f("keptIn"), &k.kept_in);
            self.opt_reference(&p.f("document"), "document", Set::Documents, &k.document);
            if c.coverage[..i].iter().any(|o| o.collection == k.collection) {
                self.invalid(
                    &p.f("collection"),
                    format!(
                        "the coverage of {} is given twice",
                        crate::CodeList::code(k.collection)
                    ),
                );
            }
        }
    }

    /// Membership cycles of any length ("A is a member of B, B of A"),
    /// each reported once at the actor of the cycle that comes first; a
    /// group that is a member of itself is reported in [`actors`](Self::actors).
    fn membership_cycles(&mut self) {
        let c = self.c;
        let n = c.actors.len();
        let edges: Vec<Vec<usize>> = c
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| {
                a.members
                    .iter()
                    .filter_map(|m| self.actors.index().position(m.actor.as_str()))
                    .filter(|&j| j != i)
                    .collect()
            })
            .collect();
        // Iterative depth-first search: 0 unseen, 1 on the stack, 2 done.
        let mut state = vec![0u8; n];
        let mut reported: Vec<Vec<usize>> = Vec::new();
        for start in 0..n {
            if state[start] != 0 {
                continue;
            }
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            state[start] = 1;
            while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                if let Some(&to) = edges[node].get(*next) {
                    *next += 1;
                    match state[to] {
                        0 => {
                            state[to] = 1;
                            stack.push((to, 0));
                        }
                        1 => {
                            let from = stack.iter().position(|&(x, _)| x == to).unwrap_or(0);
                            let mut cycle: Vec<usize> =
                                stack[from..].iter().map(|&(x, _)| x).collect();
                            let first = cycle.iter().copied().min().unwrap_or(to);
                            let at = cycle.iter().position(|&x| x == first).unwrap_or(0);
                            cycle.rotate_left(at);
                            if !reported.contains(&cycle) {
                                let mut ids: Vec<String> =
                                    cycle.iter().map(|&x| c.actors[x].id.to_string()).collect();
                                ids.push(c.actors[first].id.to_string());
                                let acts = Path::ROOT.f("actors");
                                let item = acts.item(&c.actors[first].id, first);
                                self.report(&item.f("members"), ProblemKind::Cycle { ids });
                                reported.push(cycle);
                            }
                        }
                        _ => {}
                    }
                } else {
                    state[node] = 2;
                    stack.pop();
                }
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Set {
    Goals,
    Measures,
    Fields,
    Actors,
    Events,
    Documents,
    Indicators,
}

/// True for characters XML 1.0 cannot carry, even as character references:
/// U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE and U+FFFF.
pub fn is_xml_illegal(ch: char) -> bool {
    matches!(ch, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// True for a well-formed BCP 47 language tag of the simple kind used here
/// (`de`, `en-GB`, `hsb`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}
