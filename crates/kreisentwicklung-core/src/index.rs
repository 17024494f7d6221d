//! Lookups by id that hold no copy of an id.

use std::hash::BuildHasher;

use hashbrown::{DefaultHashBuilder, HashTable};

use crate::Id;

/// The items of one list by id: a hash table of positions in the list.
///
/// A lookup holds no copy of an id and no reference per item (one word and
/// a control byte a slot, where a `HashMap<&str, &T>` takes three words),
/// which matters when an exporter keeps the index of 100,000 indicators
/// while it writes them. When ids repeat, the first item wins, as in
/// validation.
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
    table: HashTable<usize>,
    hasher: DefaultHashBuilder,
}

impl<'a, T> IdIndex<'a, T> {
    /// Indexes `items` by the id `id` gives of each.
    pub fn new(items: &'a [T], id: fn(&T) -> &Id) -> Self {
        let hasher = DefaultHashBuilder::default();
        let mut table = HashTable::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let key = id(item).as_str();
            let hash = hasher.hash_one(key);
            let eq = |&j: &usize| id(&items[j]).as_str() == key;
            if table.find(hash, eq).is_none() {
                table.insert_unique(hash, i, |&j| hasher.hash_one(id(&items[j]).as_str()));
            }
        }
        IdIndex {
            items,
            id,
            table,
            hasher,
        }
    }

    /// The first item with the id.
    pub fn get(&self, key: &str) -> Option<&'a T> {
        self.position(key).map(|j| &self.items[j])
    }

    /// The position in the list of the first item with the id.
    pub fn position(&self, key: &str) -> Option<usize> {
        let (items, id) = (self.items, self.id);
        self.table
            .find(self.hasher.hash_one(key), |&j| {
                id(&items[j]).as_str() == key
            })
            .copied()
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
