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
use crate::{Concept, Id, ItemPath};

mod additions_1_1;
mod process;
mod sections;
mod values;

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

    /// Like [`Concept::validate`](crate::Concept::validate), returning the (possibly empty) list.
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
