//! Where an item sits in a concept: the one rule for writing a path.
//!
//! Validation problems, health findings, monitoring entries and export
//! errors all point at an item with an [`ItemPath`], printed one way:
//! fields in camelCase joined by `.`, an item of a collection by its id in
//! brackets when the id is well-formed (`measures[W3]`), else by its
//! position counted from 0 (`measures[4]`), and positions in lists of
//! references or values (`measures[W3].goals[1]`).

use std::fmt;

use serde::{Serialize, Serializer};

use crate::Id;

/// A path to an item of a concept: `measures[W3].goals[1]`; empty for the
/// concept itself.
///
/// Built from the top down, each step appending to one string (the cost of
/// a single `format!`):
///
/// ```
/// use kreisentwicklung_core::{Id, ItemPath};
///
/// let w3 = Id::new("W3");
/// let path = ItemPath::item("measures", &w3, 2).field("goals").index(1);
/// assert_eq!(path.to_string(), "measures[W3].goals[1]");
///
/// // An id that is not well-formed is not printed: the position is.
/// let bad = Id::new("W 3");
/// assert_eq!(ItemPath::item("measures", &bad, 2).field("title"), "measures[2].title");
/// assert!(ItemPath::root().is_root());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemPath(String);

impl ItemPath {
    /// The concept itself (prints as the empty string).
    pub fn root() -> Self {
        ItemPath(String::new())
    }

    /// A field of the concept: `measures`, `horizon`.
    pub fn field_of_concept(name: &str) -> Self {
        ItemPath(name.to_owned())
    }

    /// An item of one of the concept's collections: `measures[W3]` when the
    /// id is well-formed, else `measures[2]` by its position.
    pub fn item(collection: &str, id: &Id, position: usize) -> Self {
        let mut path = ItemPath(String::with_capacity(
            collection.len() + id.as_str().len() + 2,
        ));
        path.push_field(collection);
        path.push_item(id, position);
        path
    }

    /// This path, then a field: `measures[W3].title`.
    #[must_use]
    pub fn field(mut self, name: &str) -> Self {
        self.push_field(name);
        self
    }

    /// This path, then the element at a position: `goals[1]`.
    #[must_use]
    pub fn index(mut self, position: usize) -> Self {
        self.push_index(position);
        self
    }

    /// This path, then the item with an id (by position when the id is not
    /// well-formed): `consultations[k1]`.
    #[must_use]
    pub fn with_item(mut self, id: &Id, position: usize) -> Self {
        self.push_item(id, position);
        self
    }

    /// This path, then a map key, quoted: `translations["en"]`.
    #[must_use]
    pub fn key(mut self, key: &str) -> Self {
        self.push_key(key);
        self
    }

    /// True for the concept itself.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// The path as printed.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Appends a field name (with `.` unless at the root).
    pub(crate) fn push_field(&mut self, name: &str) {
        if !self.0.is_empty() {
            self.0.push('.');
        }
        self.0.push_str(name);
    }

    /// Appends `[position]`.
    pub(crate) fn push_index(&mut self, position: usize) {
        use fmt::Write;
        let _ = write!(self.0, "[{position}]");
    }

    /// Appends `[id]`, or `[position]` when the id is not well-formed.
    pub(crate) fn push_item(&mut self, id: &Id, position: usize) {
        if id.is_well_formed() {
            self.0.push('[');
            self.0.push_str(id.as_str());
            self.0.push(']');
        } else {
            self.push_index(position);
        }
    }

    /// Appends `["key"]` (quoted and escaped as Rust's `Debug` does).
    pub(crate) fn push_key(&mut self, key: &str) {
        use fmt::Write;
        let _ = write!(self.0, "[{key:?}]");
    }
}

/// A text that is not a path as [`ItemPath`] prints one.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not an item path at byte {at}: {text:?}")]
pub struct ItemPathError {
    /// The text (its first 80 characters).
    pub text: String,
    /// Where it stops following the rule.
    pub at: usize,
}

impl std::str::FromStr for ItemPath {
    type Err = ItemPathError;

    /// Reads a path as printed (`measures[W3].goals[1]`,
    /// `title.translations["en"]`): the inverse of `Display`, for paths kept
    /// as text (a writer that names the cell it is on only when a cell
    /// fails, a path given on the command line).
    ///
    /// ```
    /// use kreisentwicklung_core::{Id, ItemPath};
    ///
    /// let path: ItemPath = "measures[W3].goals[1]".parse()?;
    /// assert_eq!(path, ItemPath::item("measures", &Id::new("W3"), 0).field("goals").index(1));
    /// assert!("measures[W 3]".parse::<ItemPath>().is_err());
    /// assert!("".parse::<ItemPath>()?.is_root());
    /// # Ok::<(), kreisentwicklung_core::ItemPathError>(())
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = |at: usize| ItemPathError {
            text: s.chars().take(80).collect(),
            at,
        };
        let field_char = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'-');
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'[' if b.get(i + 1) == Some(&b'"') => {
                    // A key, quoted and escaped as `Debug` writes it.
                    let mut j = i + 2;
                    loop {
                        match b.get(j) {
                            None => return Err(err(j)),
                            Some(b'\\') => j += 2,
                            Some(b'"') => break,
                            Some(_) => j += 1,
                        }
                    }
                    if b.get(j + 1) != Some(&b']') {
                        return Err(err(j + 1));
                    }
                    i = j + 2;
                }
                b'[' => {
                    // An id or a position.
                    let end = s[i..].find(']').map(|k| i + k).ok_or_else(|| err(i))?;
                    if !Id::new(&s[i + 1..end]).is_well_formed() {
                        return Err(err(i + 1));
                    }
                    i = end + 1;
                }
                b'.' if i > 0 && b.get(i + 1).copied().is_some_and(field_char) => i += 1,
                c if field_char(c) && (i == 0 || b[i - 1] == b'.') => {
                    while i < b.len() && field_char(b[i]) {
                        i += 1;
                    }
                }
                _ => return Err(err(i)),
            }
        }
        Ok(ItemPath(s.to_owned()))
    }
}

impl fmt::Display for ItemPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for ItemPath {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<ItemPath> for String {
    fn from(path: ItemPath) -> String {
        path.0
    }
}

impl PartialEq<str> for ItemPath {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for ItemPath {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for ItemPath {
    fn eq(&self, other: &String) -> bool {
        &self.0 == other
    }
}

impl PartialEq<ItemPath> for str {
    fn eq(&self, other: &ItemPath) -> bool {
        self == other.0
    }
}

impl PartialEq<ItemPath> for &str {
    fn eq(&self, other: &ItemPath) -> bool {
        *self == other.0
    }
}

impl PartialEq<ItemPath> for String {
    fn eq(&self, other: &ItemPath) -> bool {
        *self == other.0
    }
}

impl Serialize for ItemPath {
    /// As the printed string.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_dialect_for_every_step() {
        let ok = Id::new("uz1-2");
        let bad = Id::new("");
        assert_eq!(ItemPath::item("goals", &ok, 7), "goals[uz1-2]");
        assert_eq!(ItemPath::item("goals", &bad, 7), "goals[7]");
        let p = ItemPath::item("resolutions", &ok, 0)
            .field("consultations")
            .index(3)
            .field("date");
        assert_eq!(p.as_str(), "resolutions[uz1-2].consultations[3].date");
        assert_eq!(ItemPath::root().field("horizon"), "horizon");
        assert_eq!(
            ItemPath::field_of_concept("title").key("e\"n"),
            "title[\"e\\\"n\"]"
        );
        assert_eq!(
            serde_json::to_string(&ItemPath::field_of_concept("events")).unwrap(),
            "\"events\""
        );
    }

    #[test]
    fn printed_paths_read_back() {
        let w3 = Id::new("W3");
        let bad = Id::new("W 3");
        for path in [
            ItemPath::root(),
            ItemPath::item("measures", &w3, 2).field("goals").index(1),
            ItemPath::item("measures", &bad, 2).field("title"),
            ItemPath::field_of_concept("title")
                .field("translations")
                .key("de x\"]"),
            ItemPath::field_of_concept("$schema"),
            ItemPath::root()
                .index(3)
                .with_item(&Id::new("a.b:c_d-e"), 0),
        ] {
            let text = path.to_string();
            assert_eq!(text.parse::<ItemPath>(), Ok(path), "{text}");
        }
        for bad in [
            "measures[W 3]",
            "measures[",
            ".title",
            "title.",
            "a..b",
            "a[\"x]",
            "a b",
            "[]",
            "a]",
        ] {
            assert!(bad.parse::<ItemPath>().is_err(), "{bad}");
        }
    }
}
