//! The first pass over a document: well-formed JSON, no duplicate keys, no
//! absurdly long strings, a top-level object — and the `schemaVersion`.
//!
//! `serde_json` takes the last of two equal keys of a map without a word,
//! and would allocate a string of any length before validation could say it
//! is too long. This pass walks the whole document without building it,
//! with `serde_json`'s own parser (so its recursion limit and positions
//! apply), and stops at the first such problem.

use std::borrow::Cow;
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

struct State<'de> {
    path: Vec<Step<'de>>,
    version: VersionField,
    found: Option<Found>,
}

/// A step of the path, borrowing keys from the input where it can.
enum Step<'de> {
    Key(Cow<'de, str>),
    Index(usize),
}

impl State<'_> {
    fn path(&self) -> String {
        let segs: Vec<Seg> = self
            .path
            .iter()
            .map(|s| match s {
                Step::Key(k) => Seg::Key(k.clone().into_owned()),
                Step::Index(i) => Seg::Index(*i),
            })
            .collect();
        render(&segs)
    }
}

/// The keys of one object seen so far: a list while it is short, a hash
/// set beyond.
enum Seen<'de> {
    Few(Vec<Cow<'de, str>>),
    Many(HashSet<Cow<'de, str>>),
}

impl<'de> Seen<'de> {
    /// Adds a key; false if it was there already.
    fn insert(&mut self, key: Cow<'de, str>) -> bool {
        match self {
            Seen::Few(keys) if keys.contains(&key) => false,
            Seen::Few(keys) if keys.len() < 16 => {
                keys.push(key);
                true
            }
            Seen::Few(keys) => {
                let mut set: HashSet<_> = keys.drain(..).collect();
                set.insert(key);
                *self = Seen::Many(set);
                true
            }
            Seen::Many(set) => set.insert(key),
        }
    }
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
struct Node<'a, 'de> {
    st: &'a mut State<'de>,
    root: bool,
    capture: bool,
}

impl Node<'_, '_> {
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

fn check_len<E: de::Error>(st: &mut State<'_>, len: usize, key: bool) -> Result<(), E> {
    if len <= MAX_STRING_BYTES {
        return Ok(());
    }
    let mut path = st.path();
    if key {
        path.push_str(if path.is_empty() { "(key)" } else { " (key)" });
    }
    st.found = Some(Found::TooLong { path, bytes: len });
    Err(E::custom(format_args!(
        "string of {len} bytes is longer than the limit of {MAX_STRING_BYTES} bytes"
    )))
}

impl<'de> DeserializeSeed<'de> for Node<'_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_, 'de> {
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
        check_len(self.st, v.len(), false)?;
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
            st.path.push(Step::Index(index));
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
        let mut seen = Seen::Few(Vec::new());
        while let Some(key) = map.next_key_seed(Key { st: &mut *st })? {
            if !seen.insert(key.clone()) {
                let err = de::Error::custom(format_args!(
                    "duplicate key {:?}",
                    crate::path::shorten(&key)
                ));
                st.found = Some(Found::DuplicateKey {
                    path: st.path(),
                    key: key.into_owned(),
                });
                return Err(err);
            }
            let capture = root && key == "schemaVersion";
            st.path.push(Step::Key(key));
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
struct Key<'a, 'de> {
    st: &'a mut State<'de>,
}

impl<'de> DeserializeSeed<'de> for Key<'_, 'de> {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key<'_, 'de> {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        check_len(self.st, v.len(), true)?;
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        check_len(self.st, v.len(), true)?;
        Ok(Cow::Owned(v.to_owned()))
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
    fn finds_duplicates_in_large_objects() {
        for n in [15, 16, 17, 40] {
            let mut doc: String = (0..n).map(|i| format!("\"k{i}\": {i},")).collect();
            doc = format!("{{{doc} \"k{}\": 0}}", n - 1);
            match scan(&doc) {
                Err(ScanError::Found(Found::DuplicateKey { key, .. }, _)) => {
                    assert_eq!(key, format!("k{}", n - 1))
                }
                other => panic!("{n}: {other:?}"),
            }
            let ok = doc.replace(&format!("\"k{}\": 0", n - 1), "\"z\": 0");
            assert!(scan(&ok).is_ok(), "{n}");
        }
    }

    #[test]
    fn rejects_a_top_level_that_is_not_an_object() {
        for doc in ["[]", "1", "\"x\"", "null", "true"] {
            assert!(matches!(scan(doc), Err(ScanError::Json(_))), "{doc}");
        }
    }
}
