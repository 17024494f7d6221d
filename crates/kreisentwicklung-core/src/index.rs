//! Lookups by id that hold no copy of an id, and [`ConceptIndex`], the one
//! table of a concept's ids, parents and references that validation,
//! monitoring, health and the exporters share.

use std::hash::BuildHasher;
use std::sync::OnceLock;

use hashbrown::{DefaultHashBuilder, HashTable};

use crate::{Actor, Concept, Document, Event, FieldOfAction, Goal, Id, Indicator, Measure};

/// The items of one list by id: a hash table of positions in the list.
///
/// A lookup holds no copy of an id and no reference per item (a 32-bit
/// position and a control byte a slot, where a `HashMap<&str, &T>` takes
/// three words), which matters when an exporter keeps the index of 100,000
/// indicators while it writes them. When ids repeat, the first item wins,
/// as in validation.
pub(crate) struct IdIndex<'a, T> {
    items: &'a [T],
    id: fn(&T) -> &Id,
    /// Positions as `u32`: half the memory of `usize`. Items beyond
    /// `u32::MAX` (a list no concept has) are not in the table but searched.
    table: HashTable<u32>,
    hasher: DefaultHashBuilder,
}

impl<'a, T> IdIndex<'a, T> {
    /// Indexes `items` by the id `id` gives of each.
    pub(crate) fn new(items: &'a [T], id: fn(&T) -> &Id) -> Self {
        let mut index = Self::empty(items, id);
        for i in 0..items.len() {
            index.add(i);
        }
        index
    }

    /// An index over `items` that holds none of them yet; [`IdIndex::add`]
    /// adds them one at a time, so that a pass reading the items for
    /// something else can index them on the way.
    pub(crate) fn empty(items: &'a [T], id: fn(&T) -> &Id) -> Self {
        IdIndex {
            items,
            id,
            table: HashTable::with_capacity(items.len().min(u32::MAX as usize)),
            hasher: DefaultHashBuilder::default(),
        }
    }

    /// Adds the item at `i`, unless an earlier item has its id: then returns
    /// that item's position. Items from `u32::MAX` on are not added (they
    /// are searched) and never reported as repeats.
    pub(crate) fn add(&mut self, i: usize) -> Option<usize> {
        let (items, id, hasher) = (self.items, self.id, &self.hasher);
        let slot = u32::try_from(i).ok().filter(|&j| j < u32::MAX)?;
        let key = id(&items[i]).as_str();
        let hash = hasher.hash_one(key);
        let eq = |&j: &u32| id(&items[j as usize]).as_str() == key;
        if let Some(&first) = self.table.find(hash, eq) {
            return Some(first as usize);
        }
        self.table.insert_unique(hash, slot, |&j| {
            hasher.hash_one(id(&items[j as usize]).as_str())
        });
        None
    }

    /// The first item with the id.
    pub(crate) fn get(&self, key: &str) -> Option<&'a T> {
        self.position(key).map(|j| &self.items[j])
    }

    /// The position in the list of the first item with the id.
    pub(crate) fn position(&self, key: &str) -> Option<usize> {
        let (items, id) = (self.items, self.id);
        let found = self
            .table
            .find(self.hasher.hash_one(key), |&j| {
                id(&items[j as usize]).as_str() == key
            })
            .map(|&j| j as usize);
        found.or_else(|| {
            let rest = items.get(u32::MAX as usize..)?;
            let j = rest.iter().position(|x| id(x).as_str() == key)?;
            Some(u32::MAX as usize + j)
        })
    }

    /// True when an item has the id.
    pub(crate) fn contains_key(&self, key: &str) -> bool {
        self.position(key).is_some()
    }
}

impl<T> std::fmt::Debug for IdIndex<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IdIndex")
            .field("items", &self.items.len())
            .field("ids", &self.table.len())
            .finish()
    }
}

/// Looks up ids that mostly come in the order of the list, such as a
/// catalogue's references to indicators listed in the order of the measures
/// that use them. While they do, the item after the last one found is tried
/// first: a read in sequence, where a hash lookup reads an item at random (a cache miss
/// per lookup once the list outgrows the CPU cache, a hit while it is small,
/// which makes lookups grow faster than the list). The [`IdIndex`] answers
/// when the guess fails; it is built only then (once, in the cell it is
/// kept in, which a [`ConceptIndex`] shares with every other user).
pub(crate) struct InOrder<'i, 'a, T> {
    items: &'a [T],
    id: fn(&T) -> &Id,
    next: usize,
    /// Whether the last id was the one after the one before: only then is
    /// the next item worth a comparison (references at random, such as a
    /// measure's goals, go straight to the index).
    in_order: bool,
    index: &'i OnceLock<IdIndex<'a, T>>,
}

impl<'i, 'a, T> InOrder<'i, 'a, T> {
    /// Lookups in `items`; the index in `cell` is built at the first guess
    /// that fails, unless it is there already.
    pub(crate) fn new(
        items: &'a [T],
        id: fn(&T) -> &Id,
        cell: &'i OnceLock<IdIndex<'a, T>>,
    ) -> Self {
        InOrder {
            items,
            id,
            next: 0,
            in_order: true,
            index: cell,
        }
    }

    /// True when an item has the id.
    pub(crate) fn contains(&mut self, key: &str) -> bool {
        let id = self.id;
        if self.in_order
            && self
                .items
                .get(self.next)
                .is_some_and(|item| id(item).as_str() == key)
        {
            self.next += 1;
            return true;
        }
        match self.index().position(key) {
            Some(found) => {
                self.in_order = found == self.next;
                self.next = found + 1;
                true
            }
            None => false,
        }
    }

    /// The index, built if it was not yet.
    pub(crate) fn index(&self) -> &'i IdIndex<'a, T> {
        let (items, id) = (self.items, self.id);
        self.index.get_or_init(|| IdIndex::new(items, id))
    }
}

/// Positions in one list that refer to positions in another (the measures
/// of each goal): a list of positions per item, all in one vector.
struct Adjacency {
    /// Where the positions of item `i` start in `to`; one more entry than
    /// items.
    starts: Vec<u32>,
    to: Vec<u32>,
}

impl Adjacency {
    /// For `n` targets, the sources that name each, in source order, each
    /// source once per target.
    fn build<'a, S: 'a>(
        n: usize,
        sources: &'a [S],
        refs: impl Fn(&'a S) -> &'a [Id],
        resolve: impl Fn(&str) -> Option<usize>,
    ) -> Self {
        let each = |f: &mut dyn FnMut(usize, usize)| {
            for (si, s) in sources.iter().enumerate() {
                let ids = refs(s);
                for (k, id) in ids.iter().enumerate() {
                    if ids[..k].contains(id) {
                        continue;
                    }
                    if let Some(t) = resolve(id.as_str()) {
                        f(t, si);
                    }
                }
            }
        };
        let mut starts = vec![0u32; n + 1];
        each(&mut |t, _| starts[t + 1] += 1);
        for i in 0..n {
            starts[i + 1] += starts[i];
        }
        let mut fill: Vec<u32> = starts[..n].to_vec();
        let mut to = vec![0u32; starts[n] as usize];
        each(&mut |t, s| {
            to[fill[t] as usize] = s as u32;
            fill[t] += 1;
        });
        Adjacency { starts, to }
    }

    fn of(&self, i: usize) -> &[u32] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.to[a as usize..b as usize],
            _ => &[],
        }
    }
}

macro_rules! lookups {
    ($($field:ident: $ty:ty, $list:ident, $get:ident, $position:ident, $what:literal;)+) => {
        /// The tables of one concept: each built at its first use, once.
        #[derive(Default)]
        pub(crate) struct Tables<'c> {
            $(pub(crate) $field: OnceLock<IdIndex<'c, $ty>>,)+
            parents: OnceLock<Vec<Option<usize>>>,
            goal_measures: OnceLock<Adjacency>,
            indicator_measures: OnceLock<Adjacency>,
        }

        impl<'c> ConceptIndex<'c> {
            $(
                #[doc = concat!("The first ", $what, " with the id.")]
                pub fn $get(&self, id: &str) -> Option<&'c $ty> {
                    self.$field().get(id)
                }

                #[doc = concat!("The position in the concept's list of the first ", $what, " with the id.")]
                pub fn $position(&self, id: &str) -> Option<usize> {
                    self.$field().position(id)
                }

                pub(crate) fn $field(&self) -> &IdIndex<'c, $ty> {
                    let items = &self.concept.$list;
                    self.tables.$field.get_or_init(|| IdIndex::new(items, |x| &x.id))
                }
            )+
        }
    };
}

lookups! {
    goals: Goal, goals, goal, goal_position, "goal";
    measures: Measure, measures, measure, measure_position, "measure";
    fields: FieldOfAction, fields, field, field_position, "field of action";
    actors: Actor, actors, actor, actor_position, "actor";
    indicators: Indicator, indicators, indicator, indicator_position, "indicator";
    documents: Document, documents, document, document_position, "document";
    events: Event, events, event, event_position, "event";
}

/// A concept's ids, goal tree and references, resolved once and shared by
/// everything that evaluates or writes the concept.
///
/// Positions are indices into the concept's lists. When ids repeat, the
/// first item wins (as in validation); references that do not resolve are
/// left out and a goal that names itself as parent has none, so the index
/// works on invalid concepts too. Each table is built the first time it is
/// asked for. Get one from an [`Evaluation`](crate::Evaluation) (it holds
/// the one its reports use) or build one with [`ConceptIndex::new`].
///
/// ```
/// use kreisentwicklung_core::*;
///
/// let concept = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"))
///     .with_goal(Goal::new("oz1", 1, "Wohnen"))
///     .with_goal(Goal::new("uz1-1", 2, "Bauland").with_parent("oz1"))
///     .with_measure(Measure::new("W1", "Baulücken").with_goal("uz1-1"))
///     .with_measure(Measure::new("W2", "Leerstand").with_goal("uz1-1").with_goal("oz1"));
/// let index = ConceptIndex::new(&concept);
/// assert_eq!(index.goal_position("uz1-1"), Some(1));
/// assert_eq!(index.parent(1), Some(0));
/// assert_eq!(index.measures_of_goal(1).collect::<Vec<_>>(), [0, 1]);
/// assert_eq!(index.goal("oz1").map(|g| g.title.as_str()), Some("Wohnen"));
/// ```
pub struct ConceptIndex<'c> {
    concept: &'c Concept,
    tables: Tables<'c>,
}

impl<'c> ConceptIndex<'c> {
    /// The index of a concept; builds nothing yet.
    pub fn new(concept: &'c Concept) -> Self {
        ConceptIndex {
            concept,
            tables: Tables::default(),
        }
    }

    /// The concept indexed.
    pub fn concept(&self) -> &'c Concept {
        self.concept
    }

    /// The position of the parent of the goal at `goal`, when its parent
    /// id resolves to another goal.
    pub fn parent(&self, goal: usize) -> Option<usize> {
        self.parents().get(goal).copied().flatten()
    }

    /// The positions of the measures that name the goal at `goal` directly,
    /// in list order, each once.
    pub fn measures_of_goal(&self, goal: usize) -> impl Iterator<Item = usize> + '_ {
        let (cell, n) = (&self.tables.goal_measures, self.concept.goals.len());
        let goals = || self.goals();
        let found = self.measures_naming(cell, n, goal, |m| &m.goals, |id| goals().position(id));
        found.iter().map(|&m| m as usize)
    }

    /// The positions of the measures that name the indicator at `indicator`,
    /// in list order, each once.
    pub fn measures_of_indicator(&self, indicator: usize) -> impl Iterator<Item = usize> + '_ {
        let (cell, n) = (
            &self.tables.indicator_measures,
            self.concept.indicators.len(),
        );
        let indicators = || self.indicators();
        let found = self.measures_naming(
            cell,
            n,
            indicator,
            |m| &m.indicators,
            |id| indicators().position(id),
        );
        found.iter().map(|&m| m as usize)
    }

    /// The measures whose list `refs` names the item at `target` of a list
    /// of `n` that `resolve` looks ids up in; the table is built in `cell`
    /// once.
    fn measures_naming<'s>(
        &'s self,
        cell: &'s OnceLock<Adjacency>,
        n: usize,
        target: usize,
        refs: fn(&'c Measure) -> &'c [Id],
        resolve: impl Fn(&str) -> Option<usize>,
    ) -> &'s [u32] {
        let measures = &self.concept.measures;
        let adjacency = cell.get_or_init(|| Adjacency::build(n, measures, refs, &resolve));
        adjacency.of(target)
    }

    /// The parent of each goal, by position (see [`ConceptIndex::parent`]).
    pub(crate) fn parents(&self) -> &[Option<usize>] {
        self.tables.parents.get_or_init(|| {
            let goals = self.goals();
            self.concept
                .goals
                .iter()
                .enumerate()
                .map(|(i, g)| {
                    g.parent
                        .as_ref()
                        .and_then(|p| goals.position(p.as_str()))
                        .filter(|&p| p != i)
                })
                .collect()
        })
    }

    /// The cells of the id tables, for validation to fill while it reports
    /// repeated ids (see [`IdIndex::add`]).
    pub(crate) fn cells(&self) -> &Tables<'c> {
        &self.tables
    }
}

impl std::fmt::Debug for ConceptIndex<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConceptIndex")
            .field("concept", &self.concept.id)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Direction, Indicator};

    #[test]
    fn first_of_repeated_ids_wins_and_every_id_is_found() {
        let mut items: Vec<Indicator> = (0..10_000)
            .map(|i| Indicator::new(format!("ind-{i}"), "x", "%", Direction::HigherIsBetter))
            .collect();
        items.push(Indicator::new(
            "ind-7",
            "later",
            "%",
            Direction::HigherIsBetter,
        ));
        let index = IdIndex::new(&items, |i| &i.id);
        assert_eq!(index.position("ind-7"), Some(7));
        for (i, item) in items.iter().enumerate().take(10_000) {
            assert_eq!(index.position(item.id.as_str()), Some(i));
        }
        assert_eq!(index.position("ind-10000"), None);
        assert_eq!(format!("{index:?}"), "IdIndex { items: 10001, ids: 10000 }");
    }

    #[test]
    fn in_order_finds_ids_in_any_order() {
        let items: Vec<Indicator> = ["a", "b", "c", "b", "d"]
            .into_iter()
            .map(|id| Indicator::new(id, "x", "%", Direction::HigherIsBetter))
            .collect();
        let cell = OnceLock::new();
        let mut lookup = InOrder::new(&items, |i| &i.id, &cell);
        // In order: no index needed.
        for key in ["a", "b", "c"] {
            assert!(lookup.contains(key));
        }
        assert!(cell.get().is_none());
        // Out of order, repeated and missing ids.
        for (key, found) in [
            ("a", true),
            ("d", true),
            ("x", false),
            ("b", true),
            ("c", true),
        ] {
            assert_eq!(lookup.contains(key), found, "{key}");
        }
        assert!(cell.get().is_some());
        // The index still answers with the first of repeated ids.
        assert_eq!(lookup.index().position("b"), Some(1));
    }

    #[test]
    fn concept_index_tolerates_invalid_concepts() {
        use crate::{Concept, ConceptKind, Goal, Measure, Territory};
        let concept = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("X"))
            .with_goal(Goal::new("a", 1, "A"))
            .with_goal(Goal::new("b", 2, "B").with_parent("b")) // its own parent
            .with_goal(Goal::new("a", 1, "A again")) // repeated id
            .with_goal(Goal::new("c", 2, "C").with_parent("a"))
            .with_goal(Goal::new("d", 2, "D").with_parent("nope"))
            .with_indicator(Indicator::new("i", "I", "%", Direction::HigherIsBetter))
            .with_measure(
                Measure::new("m0", "M0")
                    .with_goal("a")
                    .with_goal("a")
                    .with_goal("zz")
                    .with_indicator("i"),
            )
            .with_measure(Measure::new("m1", "M1").with_goal("c").with_goal("a"))
            .with_measure(
                Measure::new("m2", "M2")
                    .with_indicator("i")
                    .with_indicator("x"),
            );
        let index = ConceptIndex::new(&concept);
        assert_eq!(index.goal_position("a"), Some(0));
        assert_eq!(index.goal("a").map(|g| g.title.as_str()), Some("A"));
        assert_eq!(index.goal_position("zz"), None);
        let parents: Vec<_> = (0..5).map(|g| index.parent(g)).collect();
        assert_eq!(parents, [None, None, None, Some(0), None]);
        assert_eq!(index.parent(99), None);
        let of_goal = |g| index.measures_of_goal(g).collect::<Vec<_>>();
        assert_eq!(of_goal(0), [0, 1]); // m0 once though it names "a" twice
        assert_eq!(of_goal(2), [] as [usize; 0]); // the repeated id is not found
        assert_eq!(of_goal(3), [1]);
        assert_eq!(of_goal(99), [] as [usize; 0]);
        assert_eq!(index.measures_of_indicator(0).collect::<Vec<_>>(), [0, 2]);
        assert_eq!(index.measure_position("m2"), Some(2));
    }
}
