//! Lookups by id that hold no copy of an id.

use std::hash::BuildHasher;

use hashbrown::{DefaultHashBuilder, HashTable};

use crate::Id;

/// The items of one list by id: a hash table of positions in the list.
///
/// A lookup holds no copy of an id and no reference per item (a 32-bit
/// position and a control byte a slot, where a `HashMap<&str, &T>` takes
/// three words), which matters when an exporter keeps the index of 100,000
/// indicators while it writes them. When ids repeat, the first item wins,
/// as in validation.
///
/// ```
/// use kreisentwicklung_core::index::IdIndex;
/// use kreisentwicklung_core::{Direction, Indicator};
///
/// let indicators = vec![
///     Indicator::new("alq", "Arbeitslosenquote", "%", Direction::LowerIsBetter),
///     Indicator::new("bb", "Breitbandversorgung", "%", Direction::HigherIsBetter),
/// ];
/// let index = IdIndex::new(&indicators, |i| &i.id);
/// assert_eq!(index.position("bb"), Some(1));
/// assert_eq!(index.get("alq").map(|i| i.unit.as_str()), Some("%"));
/// assert!(!index.contains_key("x"));
/// ```
pub struct IdIndex<'a, T> {
    items: &'a [T],
    id: fn(&T) -> &Id,
    /// Positions as `u32`: half the memory of `usize`. Items beyond
    /// `u32::MAX` (a list no concept has) are not in the table but searched.
    table: HashTable<u32>,
    hasher: DefaultHashBuilder,
}

impl<'a, T> IdIndex<'a, T> {
    /// Indexes `items` by the id `id` gives of each.
    pub fn new(items: &'a [T], id: fn(&T) -> &Id) -> Self {
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
    pub fn get(&self, key: &str) -> Option<&'a T> {
        self.position(key).map(|j| &self.items[j])
    }

    /// The position in the list of the first item with the id.
    pub fn position(&self, key: &str) -> Option<usize> {
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
    pub fn contains_key(&self, key: &str) -> bool {
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
/// when the guess fails; [`InOrder::new`] builds it only then.
pub(crate) struct InOrder<'a, T> {
    items: &'a [T],
    id: fn(&T) -> &Id,
    next: usize,
    /// Whether the last id was the one after the one before: only then is
    /// the next item worth a comparison (references at random, such as a
    /// measure's goals, go straight to the index).
    in_order: bool,
    index: Option<IdIndex<'a, T>>,
}

impl<'a, T> InOrder<'a, T> {
    /// Lookups in `items`; the index is built at the first guess that fails.
    pub(crate) fn new(items: &'a [T], id: fn(&T) -> &Id) -> Self {
        InOrder {
            items,
            id,
            next: 0,
            in_order: true,
            index: None,
        }
    }

    /// Lookups through an index already built.
    pub(crate) fn from_index(index: IdIndex<'a, T>) -> Self {
        InOrder {
            items: index.items,
            id: index.id,
            next: 0,
            in_order: true,
            index: Some(index),
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
    pub(crate) fn index(&mut self) -> &IdIndex<'a, T> {
        let (items, id) = (self.items, self.id);
        self.index.get_or_insert_with(|| IdIndex::new(items, id))
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
        let mut lookup = InOrder::new(&items, |i| &i.id);
        // In order: no index needed.
        for key in ["a", "b", "c"] {
            assert!(lookup.contains(key));
        }
        assert!(lookup.index.is_none());
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
        assert!(lookup.index.is_some());
        // The index still answers with the first of repeated ids.
        assert_eq!(lookup.index().position("b"), Some(1));
    }
}
