//! The acceptance rules of a JSON import, in one place: [`Checked`], a
//! `Deserializer` wrapper through which every byte of a document passes,
//! refuses a duplicate key in any object and a string (key or value) longer
//! than [`MAX_STRING_BYTES`] — before the string is handed on and so before
//! it is copied — and notes the fields the model ignores. Nesting is limited
//! by `serde_json`'s recursion limit ([`MAX_DEPTH`](crate::MAX_DEPTH)):
//! values the model ignores are walked with `deserialize_any`, never skipped
//! by `serde_json`'s depth-unlimited `deserialize_ignored_any`.
//!
//! The import drives it two ways. The usual single pass deserialises the
//! model through it without keeping the path ([`State::new`] with `track`
//! false), and builds no messages. On any error, [`scan`] walks the
//! document through the same wrapper with the path kept, which records what
//! it refused and where ([`Found`]) and the `schemaVersion`; then the
//! model is read again with the path of a type error. Since both ways run
//! the same checks, the single pass succeeds exactly when the scan does.
//!
//! Keys are read as strings (borrowed from the input where they have no
//! escapes), compared with the earlier keys of their object (a 64-bit mask
//! of [`key_bit`]s first) and handed on as strings, as `serde_json` hands
//! them; whatever the wrapper cannot account for (a key that is not a
//! string, say) is an error.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

use crate::path::{render, shorten, Seg};
use crate::MAX_STRING_BYTES;

/// What the pass keeps while it runs.
#[derive(Default)]
pub(crate) struct State<'de> {
    /// The keys of every open object so far, innermost object last
    /// (borrowed from the input unless they had escapes).
    keys: Vec<Cow<'de, str>>,
    /// Whether to keep `path`, which is needed only for the paths of
    /// unknown fields.
    track: bool,
    /// Where the value being read is, if `track`.
    path: Vec<Step>,
    /// Greater than zero inside an ignored value.
    ignoring: usize,
    /// How many arrays and objects enclose the value being read.
    depth: usize,
    /// The most that enclosed any value so far: a piece of a document read
    /// on its own must not nest deeper than the document may.
    pub(crate) deepest: usize,
    /// How many unknown fields there are.
    pub(crate) unknown_count: usize,
    /// Their paths in document order, if `track`.
    pub(crate) unknown: Vec<String>,
    /// What a check refused, with its path, if `track`.
    pub(crate) found: Option<Found>,
}

/// A problem the checks found in otherwise well-formed JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found {
    /// The same key twice in one object (the path of the object).
    DuplicateKey { path: Vec<Seg>, key: String },
    /// A string longer than [`MAX_STRING_BYTES`]; a key (`key`: the path
    /// is that of its object) or a value.
    TooLong {
        path: Vec<Seg>,
        bytes: usize,
        key: bool,
    },
}

/// A step of the current path.
#[derive(Clone, Copy)]
enum Step {
    /// The value of the key `keys[i]`.
    Key(usize),
    /// The element of an array at this index.
    Index(usize),
}

impl State<'_> {
    /// A state that keeps the path of each unknown field, or only counts
    /// them (cheaper: no path is kept while reading).
    pub(crate) fn new(track: bool) -> Self {
        State {
            track,
            ..State::default()
        }
    }

    fn segs(&self) -> Vec<Seg> {
        self.path
            .iter()
            .map(|s| match *s {
                Step::Key(i) => Seg::Key(self.keys[i].clone().into_owned()),
                Step::Index(i) => Seg::Index(i),
            })
            .collect()
    }

    fn path(&self) -> String {
        render(&self.segs())
    }
}

/// Objects with more keys than this look up duplicates in a hash set.
const FEW_KEYS: usize = 16;

/// One of 64 bits for a key, from its length and its first, middle and
/// last byte: equal keys have the same bit, and the dozen keys of an
/// object mostly have different ones, so that a new key is compared with
/// the earlier keys only when its bit is set already.
#[inline]
fn key_bit(key: &str) -> u64 {
    let b = key.as_bytes();
    let n = b.len();
    let print = match n {
        0 => 0,
        _ => {
            n as u64 | u64::from(b[0]) << 16 | u64::from(b[n / 2]) << 24 | u64::from(b[n - 1]) << 32
        }
    };
    1 << (print.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)
}

fn too_long<E: de::Error>(len: usize) -> Result<(), E> {
    if len > MAX_STRING_BYTES {
        Err(E::custom(format_args!(
            "string of {len} bytes is longer than the limit of {MAX_STRING_BYTES} bytes"
        )))
    } else {
        Ok(())
    }
}

impl State<'_> {
    /// Runs `read` one step down the path (which is kept only if `track`).
    #[inline]
    fn step<T>(&mut self, step: Step, read: impl FnOnce(&mut Self) -> T) -> T {
        if !self.track {
            return read(self);
        }
        self.path.push(step);
        let result = read(self);
        self.path.pop();
        result
    }

    /// [`too_long`] for a value at the current path, noted in `found`.
    #[inline]
    fn check_len<E: de::Error>(&mut self, len: usize) -> Result<(), E> {
        too_long(len).inspect_err(|_| {
            if self.track {
                self.found = Some(Found::TooLong {
                    path: self.segs(),
                    bytes: len,
                    key: false,
                });
            }
        })
    }
}

/// The wrapper around a `Deserializer` (the document, or any value in it).
pub(crate) struct Checked<'s, 'de, D> {
    pub(crate) de: D,
    pub(crate) st: &'s mut State<'de>,
}

macro_rules! forward_deserialize {
    ($wrap:ident; $($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        #[inline]
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, Self::Error> {
            self.de.$method($($arg,)* $wrap { visitor, st: self.st })
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Checked<'_, 'de, D> {
    type Error = D::Error;

    forward_deserialize! { Wrap;
        deserialize_any(); deserialize_bool();
        deserialize_i8(); deserialize_i16(); deserialize_i32(); deserialize_i64(); deserialize_i128();
        deserialize_u8(); deserialize_u16(); deserialize_u32(); deserialize_u64(); deserialize_u128();
        deserialize_f32(); deserialize_f64(); deserialize_char();
        deserialize_str(); deserialize_string(); deserialize_bytes(); deserialize_byte_buf();
        deserialize_option(); deserialize_unit(); deserialize_seq(); deserialize_map();
        deserialize_identifier();
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
    }

    /// An unknown field (or another value the model skips): its path is
    /// recorded unless it is inside one already, and it is walked like any
    /// other value, so that its keys, strings and depth are checked.
    #[inline]
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        let st = self.st;
        if st.ignoring == 0 {
            st.unknown_count += 1;
            if st.track {
                let path = st.path();
                st.unknown.push(path);
            }
        }
        st.ignoring += 1;
        let result = self.de.deserialize_any(Wrap {
            visitor,
            st: &mut *st,
        });
        st.ignoring -= 1;
        result
    }

    #[inline]
    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

/// The wrapper around a `Visitor` of a value.
struct Wrap<'s, 'de, V> {
    visitor: V,
    st: &'s mut State<'de>,
}

macro_rules! forward_visit {
    ($($method:ident($ty:ty);)*) => {$(
        #[inline]
        fn $method<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
            self.visitor.$method(v)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<'_, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    forward_visit! {
        visit_bool(bool);
        visit_i8(i8); visit_i16(i16); visit_i32(i32); visit_i64(i64); visit_i128(i128);
        visit_u8(u8); visit_u16(u16); visit_u32(u32); visit_u64(u64); visit_u128(u128);
        visit_f32(f32); visit_f64(f64); visit_char(char);
        visit_bytes(&[u8]); visit_borrowed_bytes(&'de [u8]); visit_byte_buf(Vec<u8>);
    }

    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.st.check_len(v.len())?;
        self.visitor.visit_str(v)
    }

    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        self.st.check_len(v.len())?;
        self.visitor.visit_borrowed_str(v)
    }

    #[inline]
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        self.st.check_len(v.len())?;
        self.visitor.visit_string(v)
    }

    #[inline]
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visitor.visit_unit()
    }

    #[inline]
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visitor.visit_none()
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.visitor.visit_some(Checked { de: d, st: self.st })
    }

    #[inline]
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.visitor
            .visit_newtype_struct(Checked { de: d, st: self.st })
    }

    #[inline]
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.visitor.visit_seq(Seq {
            inner: seq,
            st: self.st,
            index: 0,
        })
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let st = self.st;
        let start = st.keys.len();
        let result = self.visitor.visit_map(Map {
            inner: map,
            st: &mut *st,
            start,
            bits: 0,
            many: None,
        });
        st.keys.truncate(start);
        result
    }

    #[inline]
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.visitor.visit_enum(Enum {
            inner: data,
            st: self.st,
        })
    }
}

/// A seed whose deserializer is wrapped.
struct Seed<'s, 'de, T> {
    seed: T,
    st: &'s mut State<'de>,
}

impl<'de, T: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<'_, 'de, T> {
    type Value = T::Value;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T::Value, D::Error> {
        // Every element, member value and enum content is read here, one
        // level inside its array or object.
        let st = self.st;
        st.depth += 1;
        st.deepest = st.deepest.max(st.depth);
        let result = self.seed.deserialize(Checked {
            de: d,
            st: &mut *st,
        });
        st.depth -= 1;
        result
    }
}

/// The elements of an array.
struct Seq<'s, 'de, A> {
    inner: A,
    st: &'s mut State<'de>,
    index: usize,
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Seq<'_, 'de, A> {
    type Error = A::Error;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        let (index, inner) = (self.index, &mut self.inner);
        self.index += 1;
        self.st.step(Step::Index(index), |st| {
            inner.next_element_seed(Seed { seed, st })
        })
    }

    #[inline]
    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// The members of an object: each key is checked against the earlier keys
/// of the same object.
struct Map<'s, 'de, A> {
    inner: A,
    st: &'s mut State<'de>,
    /// Where the keys of this object start in `st.keys`.
    start: usize,
    /// The [`key_bit`]s of its keys.
    bits: u64,
    /// The keys, once there are more than [`FEW_KEYS`].
    many: Option<HashSet<Cow<'de, str>>>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Map<'_, 'de, A> {
    type Error = A::Error;

    /// Reads the key as a string, checks it against the earlier keys and
    /// hands it to `seed` as a string (as `serde_json` would).
    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let mut long = None;
        let key = match self.inner.next_key_seed(Key { long: &mut long }) {
            Ok(Some(key)) => key,
            Ok(None) => return Ok(None),
            Err(e) => {
                if let (Some(bytes), true) = (long, self.st.track) {
                    self.st.found = Some(Found::TooLong {
                        path: self.st.segs(),
                        bytes,
                        key: true,
                    });
                }
                return Err(e);
            }
        };
        let st = &mut *self.st;
        let before = st.keys.len();
        let earlier = before - self.start;
        let bit = key_bit(&key);
        let duplicate = if earlier < FEW_KEYS {
            let seen = self.bits & bit != 0;
            self.bits |= bit;
            seen && st.keys[self.start..].contains(&key)
        } else {
            let set = self
                .many
                .get_or_insert_with(|| st.keys[self.start..].iter().cloned().collect());
            !set.insert(key.clone())
        };
        if duplicate {
            let err = de::Error::custom(format_args!("duplicate key {:?}", shorten(&key)));
            if st.track {
                st.found = Some(Found::DuplicateKey {
                    path: st.segs(),
                    key: key.into_owned(),
                });
            }
            return Err(err);
        }
        let value = match &key {
            Cow::Borrowed(k) => seed.deserialize(BorrowedStrDeserializer::new(k)),
            Cow::Owned(k) => seed.deserialize(StrDeserializer::new(k)),
        }?;
        st.keys.push(key);
        Ok(Some(value))
    }

    #[inline]
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        let len = self.st.keys.len();
        if len <= self.start {
            return Err(de::Error::custom("a value without a key"));
        }
        let inner = &mut self.inner;
        self.st.step(Step::Key(len - 1), |st| {
            inner.next_value_seed(Seed { seed, st })
        })
    }

    #[inline]
    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// A key of an object, as a string (borrowed from the input unless it
/// has escapes); anything else is refused. `long` gets the length of a
/// key that is too long.
struct Key<'l> {
    long: &'l mut Option<usize>,
}

impl Key<'_> {
    #[inline]
    fn check_len<E: de::Error>(self, len: usize) -> Result<(), E> {
        too_long(len).inspect_err(|_| *self.long = Some(len))
    }
}

impl<'de> DeserializeSeed<'de> for Key<'_> {
    type Value = Cow<'de, str>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key<'_> {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        self.check_len(v.len())?;
        Ok(Cow::Borrowed(v))
    }

    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.check_len(v.len())?;
        Ok(Cow::Owned(v.to_owned()))
    }

    #[inline]
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        self.check_len(v.len())?;
        Ok(Cow::Owned(v))
    }
}

/// The variant of an enum; its name is checked like any string.
struct Enum<'s, 'de, A> {
    inner: A,
    st: &'s mut State<'de>,
}

impl<'s, 'de, A: EnumAccess<'de>> EnumAccess<'de> for Enum<'s, 'de, A> {
    type Error = A::Error;
    type Variant = Enum<'s, 'de, A::Variant>;

    #[inline]
    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), A::Error> {
        let st = self.st;
        let (value, variant) = self.inner.variant_seed(Seed { seed, st: &mut *st })?;
        Ok((value, Enum { inner: variant, st }))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Enum<'_, 'de, A> {
    type Error = A::Error;

    #[inline]
    fn unit_variant(self) -> Result<(), A::Error> {
        self.inner.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.inner.newtype_variant_seed(Seed { seed, st: self.st })
    }

    #[inline]
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.inner.tuple_variant(
            len,
            Wrap {
                visitor,
                st: self.st,
            },
        )
    }

    #[inline]
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.inner.struct_variant(
            fields,
            Wrap {
                visitor,
                st: self.st,
            },
        )
    }
}

// ---------------------------------------------------------------------------
// The scan: the checks with their paths, and the schema version
// ---------------------------------------------------------------------------

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

/// Why the scan stopped.
#[derive(Debug)]
pub(crate) enum ScanError {
    /// Not JSON, or not an object at the top (`serde_json`'s error).
    Json(serde_json::Error),
    /// A problem of [`Found`]; the error carries its position.
    Found(Found, serde_json::Error),
}

/// Walks the whole of `input` through [`Checked`] without building
/// anything, keeping the path, and returns what its `schemaVersion` is; or
/// the first problem, with its path where it is one of [`Found`].
pub(crate) fn scan(input: &str) -> Result<VersionField, ScanError> {
    let mut state = State::new(true);
    let mut version = VersionField::Missing;
    let mut de = serde_json::Deserializer::from_str(input);
    let result = Node {
        version: &mut version,
        root: true,
        capture: false,
    }
    .deserialize(Checked {
        de: &mut de,
        st: &mut state,
    })
    .and_then(|()| de.end());
    match result {
        Ok(()) => Ok(version),
        Err(e) => match state.found.take() {
            Some(found) => Err(ScanError::Found(found, e)),
            None => Err(ScanError::Json(e)),
        },
    }
}

/// Any JSON value (the document itself when `root`); `capture` keeps what
/// it is as the schema version.
struct Node<'v> {
    version: &'v mut VersionField,
    root: bool,
    capture: bool,
}

impl Node<'_> {
    fn scalar<E: de::Error>(self, what: &'static str, unexp: de::Unexpected) -> Result<(), E> {
        if self.root {
            return Err(E::invalid_type(unexp, &self));
        }
        if self.capture {
            *self.version = VersionField::Other(what);
        }
        Ok(())
    }

    fn child(&mut self, capture: bool) -> Node<'_> {
        Node {
            version: &mut *self.version,
            root: false,
            capture,
        }
    }
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
        if self.root {
            return Err(E::invalid_type(de::Unexpected::Str(v), &self));
        }
        if self.capture {
            *self.version = VersionField::Str(v.to_owned());
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        if self.root {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        if self.capture {
            *self.version = VersionField::Other("an array");
        }
        while seq.next_element_seed(self.child(false))?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        if self.capture {
            *self.version = VersionField::Other("an object");
        }
        while let Some(is_version) = map.next_key_seed(IsVersion)? {
            let capture = self.root && is_version;
            map.next_value_seed(self.child(capture))?;
        }
        Ok(())
    }
}

/// A key, as whether it is `schemaVersion`.
struct IsVersion;

impl<'de> DeserializeSeed<'de> for IsVersion {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for IsVersion {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        Ok(v == "schemaVersion")
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
                assert_eq!(render(&path), "a[1].c");
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
    fn finds_long_strings_and_keys_with_their_path() {
        let long = "a".repeat(MAX_STRING_BYTES + 1);
        for (doc, expected, is_key) in [
            (
                format!(r#"{{"a": [1, {{"b": "{long}"}}]}}"#),
                "a[1].b",
                false,
            ),
            (format!(r#"{{"a": {{"{long}": 1}}}}"#), "a", true),
            (format!(r#"{{"{long}": 1}}"#), "", true),
        ] {
            match scan(&doc) {
                Err(ScanError::Found(Found::TooLong { path, bytes, key }, _)) => {
                    assert_eq!(
                        (render(&path).as_str(), bytes, key),
                        (expected, long.len(), is_key)
                    )
                }
                other => panic!("{expected}: {other:?}"),
            }
        }
    }

    #[test]
    fn rejects_a_top_level_that_is_not_an_object() {
        for doc in ["[]", "1", "\"x\"", "null", "true"] {
            assert!(matches!(scan(doc), Err(ScanError::Json(_))), "{doc}");
        }
    }
}
