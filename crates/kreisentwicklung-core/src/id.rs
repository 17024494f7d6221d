//! Stable identifiers.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use smol_str::SmolStr;

/// The longest identifier accepted.
pub const MAX_ID_LEN: usize = 64;

/// A stable identifier of an item within its collection (`"W3"`, `"ziel-1-2"`).
///
/// Identifiers never change when the displayed numbering ("1.2") does;
/// references between items use them. They start with a letter or digit and
/// contain only ASCII letters, digits and `. _ : -`, at most 64 characters,
/// so that they fit in file names, URLs and XML attributes unescaped.
///
/// ```
/// use kreisentwicklung_core::Id;
///
/// let id = Id::new("W3");
/// assert!(id.is_well_formed());
/// assert!(!Id::new("W 3").is_well_formed());
/// ```
///
/// An identifier of up to 23 bytes is stored inline, in the item that holds
/// it, rather than in a separate heap allocation: a concept has hundreds of
/// thousands of ids and references, and reading them where they lie keeps
/// validation and lookups linear in the size of large concepts instead of
/// waiting on a cache miss per id. Longer ones are shared on the heap.
#[derive(Clone, Default)]
pub struct Id(SmolStr);

impl Id {
    /// An identifier; use [`Id::is_well_formed`] or the concept's validation
    /// to check it.
    pub fn new(id: impl AsRef<str>) -> Self {
        Id(SmolStr::new(id))
    }

    /// The identifier as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when the identifier follows the rules above.
    pub fn is_well_formed(&self) -> bool {
        let b = self.0.as_bytes();
        !b.is_empty()
            && b.len() <= MAX_ID_LEN
            && b[0].is_ascii_alphanumeric()
            && b.iter()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b':' | b'-'))
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Id({:?})", self.0.as_str())
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Self {
        Id::new(s)
    }
}

impl From<String> for Id {
    fn from(s: String) -> Self {
        Id(SmolStr::from(s))
    }
}

// Equality, order and hash are those of the text, so that a `HashMap<Id, _>`
// or a `BTreeMap<Id, _>` can be searched with a `&str` (see `Borrow<str>`).
impl PartialEq for Id {
    fn eq(&self, other: &Id) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Id {}

impl PartialOrd for Id {
    fn partial_cmp(&self, other: &Id) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Id {
    fn cmp(&self, other: &Id) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Id {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdVisitor;

        impl Visitor<'_> for IdVisitor {
            type Value = Id;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an identifier (a string)")
            }

            // A borrowed or transient string is copied inline; no allocation
            // for a short id.
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Id, E> {
                Ok(Id::new(v))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Id, E> {
                Ok(Id::from(v))
            }
        }

        deserializer.deserialize_str(IdVisitor)
    }
}

impl From<&Id> for Id {
    fn from(s: &Id) -> Self {
        s.clone()
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl JsonSchema for Id {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A stable identifier, unique within its collection.",
            "type": "string",
            "pattern": "^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeSet, HashSet};

    // Short ids are inline, long ones on the heap; both must behave exactly
    // like their text, or `HashSet<Id>` lookups by `&str` would miss.
    const SHORT: &str = "W3";
    const LONG: &str = "massnahme-handlungsfeld-mobilitaet-0001";

    #[test]
    fn ids_hash_compare_and_order_like_their_text() {
        assert!(LONG.len() > 23);
        let set: HashSet<Id> = [Id::new(SHORT), Id::from(LONG.to_owned())].into();
        assert!(set.contains(SHORT));
        assert!(set.contains(LONG));
        assert!(!set.contains("W4"));
        assert_eq!(Id::new(LONG), Id::from(LONG.to_owned()));
        let ordered: Vec<String> = [Id::new("b"), Id::new(LONG), Id::new("a")]
            .into_iter()
            .collect::<BTreeSet<_>>()
            .iter()
            .map(|id| id.to_string())
            .collect();
        assert_eq!(ordered, ["a", "b", LONG]);
    }

    #[test]
    fn ids_round_trip_through_serde_as_plain_strings() {
        for text in [SHORT, LONG, "", "mit Leerzeichen"] {
            let id = Id::new(text);
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, format!("{text:?}"));
            let back: Id = serde_json::from_str(&json).unwrap();
            assert_eq!(back.as_str(), text);
        }
        // An escaped string is handed over as an owned `String`.
        let back: Id = serde_json::from_str(r#""W\u0033""#).unwrap();
        assert_eq!(back, "W3");
        assert!(serde_json::from_str::<Id>("3").is_err());
    }
}
