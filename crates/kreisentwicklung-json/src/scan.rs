//! The first pass over a document: well-formed JSON, no duplicate keys, no
//! absurdly long strings, a top-level object — and the `schemaVersion`.
//!
//! `serde_json` takes the last of two equal keys of a map without a word,
//! and would allocate a string of any length before validation could say it
//! is too long. This pass walks the whole document without building it,
//! with `serde_json`'s own parser (so its recursion limit and positions
//! apply), and stops at the first such problem.

use std::collections::HashSet;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::path::{render, Seg};
use crate::MAX_STRING_BYTES;

/// What the document says its schema version is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum VersionField {
    /// No `schemaVersion` member.
    Missing,
    /// A string.
    Str(String),
    /// Something else: "a number", "an object".
    Other(&'static str),
}

/// A problem the pass found in otherwise well-formed JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found {
    /// The same key twice in one object.
    DuplicateKey { path: String, key: String },
    /// A string (or key) longer than [`MAX_STRING_BYTES`].
    TooLong { path: String, bytes: usize },
}

/// Why the pass stopped.
#[derive(Debug)]
pub(crate) enum ScanError {
    /// Not JSON, or not an object at the top (`serde_json`'s error).
    Json(serde_json::Error),
    /// A problem of [`Found`]; the error carries its position.
    Found(Found, serde_json::Error),
}

struct State {
    path: Vec<Seg>,
    version: VersionField,
    found: Option<Found>,
}

/// Walks `input` and returns what its `schemaVersion` is.
pub(crate) fn scan(input: &str) -> Result<VersionField, ScanError> {
    let mut state = State {
        path: Vec::new(),
        version: VersionField::Missing,
        found: None,
    };
    let mut de = serde_json::Deserializer::from_str(input);
    let result = Node {
        st: &mut state,
        root: true,
        capture: false,
    }
    .deserialize(&mut de)
    .and_then(|()| de.end());
    match result {
        Ok(()) => Ok(state.version),
        Err(e) => match state.found.take() {
            Some(found) => Err(ScanError::Found(found, e)),
            None => Err(ScanError::Json(e)),
        },
    }
}

/// Any JSON value (the document itself when `root`); `capture` keeps a
/// string as the schema version.
struct Node<'a> {
    st: &'a mut State,
    root: bool,
    capture: bool,
}

impl Node<'_> {
    fn scalar<E: de::Error>(self, what: &'static str, unexp: de::Unexpected) -> Result<(), E> {
        if self.root {
            return Err(E::invalid_type(unexp, &self));
        }
        if self.capture {
            self.st.version = VersionField::Other(what);
        }
        Ok(())
    }
}

fn check_len<E: de::Error>(st: &mut State, len: usize, key: Option<&str>) -> Result<(), E> {
    if len <= MAX_STRING_BYTES {
        return Ok(());
    }
    let mut path = render(&st.path);
    if key.is_some() {
        path.push_str(if path.is_empty() { "(key)" } else { " (key)" });
    }
    st.found = Some(Found::TooLong { path, bytes: len });
    Err(E::custom(format_args!(
        "string of {len} bytes is longer than the limit of {MAX_STRING_BYTES} bytes"
    )))
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.root {
            f.write_str("a concept document (a JSON object)")
        } else {
            f.write_str("any JSON value")
        }
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        self.scalar("a boolean", de::Unexpected::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        self.scalar("a number", de::Unexpected::Signed(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.scalar("a number", de::Unexpected::Unsigned(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        self.scalar("a number", de::Unexpected::Float(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.scalar("null", de::Unexpected::Unit)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        check_len(self.st, v.len(), None)?;
        if self.root {
            return Err(E::invalid_type(de::Unexpected::Str(v), &self));
        }
        if self.capture {
            self.st.version = VersionField::Str(v.to_owned());
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if self.root {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        if self.capture {
            self.st.version = VersionField::Other("an array");
        }
        let st = self.st;
        let mut index = 0;
        loop {
            st.path.push(Seg::Index(index));
            let more = seq
                .next_element_seed(Node {
                    st: &mut *st,
                    root: false,
                    capture: false,
                })?
                .is_some();
            st.path.pop();
            if !more {
                return Ok(());
            }
            index += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        if self.capture {
            self.st.version = VersionField::Other("an object");
        }
        let (st, root) = (self.st, self.root);
        let mut seen: HashSet<String> = HashSet::new();
        while let Some(key) = map.next_key_seed(Key { st: &mut *st })? {
            if seen.contains(&key) {
                let err = de::Error::custom(format_args!(
                    "duplicate key {:?}",
                    crate::path::shorten(&key)
                ));
                st.found = Some(Found::DuplicateKey {
                    path: render(&st.path),
                    key,
                });
                return Err(err);
            }
            let capture = root && key == "schemaVersion";
            seen.insert(key.clone());
            st.path.push(Seg::Key(key));
            map.next_value_seed(Node {
                st: &mut *st,
                root: false,
                capture,
            })?;
            st.path.pop();
        }
        Ok(())
    }
}

/// A key of an object.
struct Key<'a> {
    st: &'a mut State,
}

impl<'de> DeserializeSeed<'de> for Key<'_> {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key<'_> {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        check_len(self.st, v.len(), Some(v))?;
        Ok(v.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_version_at_the_top_level_only() {
        let v = scan(r#"{"concept": {"schemaVersion": "9.9"}, "schemaVersion": "1.0"}"#).unwrap();
        assert_eq!(v, VersionField::Str("1.0".into()));
        assert_eq!(scan("{}").unwrap(), VersionField::Missing);
        assert_eq!(
            scan(r#"{"schemaVersion": 1.0}"#).unwrap(),
            VersionField::Other("a number")
        );
    }

    #[test]
    fn finds_duplicate_keys_with_their_path() {
        let e = scan(r#"{"a": [{"b": 1}, {"c": {"x": 1, "x": 2}}]}"#).unwrap_err();
        match e {
            ScanError::Found(Found::DuplicateKey { path, key }, err) => {
                assert_eq!(path, "a[1].c");
                assert_eq!(key, "x");
                assert_eq!((err.line(), err.column()), (1, 35));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn rejects_a_top_level_that_is_not_an_object() {
        for doc in ["[]", "1", "\"x\"", "null", "true"] {
            assert!(matches!(scan(doc), Err(ScanError::Json(_))), "{doc}");
        }
    }
}
