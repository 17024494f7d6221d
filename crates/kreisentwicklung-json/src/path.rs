//! JSON paths as shown in errors and warnings: `concept.measures[3].period`.

use std::fmt::Write as _;

use kreisentwicklung_core::{Id, ItemPath};

/// One step of a path into a JSON document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Seg {
    /// A member of an object.
    Key(String),
    /// An element of an array.
    Index(usize),
}

/// Renders segments as `concept.measures[3].title.translations.en`; keys
/// that are not plain names are quoted: `concept.title.translations["de-x y"]`.
pub(crate) fn render<'a>(segs: impl IntoIterator<Item = &'a Seg>) -> String {
    let mut s = String::new();
    for seg in segs {
        match seg {
            Seg::Key(k) if is_plain(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Seg::Key(k) => {
                let _ = write!(s, "[{:?}]", shorten(k));
            }
            Seg::Index(i) => {
                let _ = write!(s, "[{i}]");
            }
        }
    }
    s
}

fn is_plain(k: &str) -> bool {
    !k.is_empty()
        && k.len() <= 64
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'$'))
}

/// The first 40 characters of `s`, with "…" when cut.
pub(crate) fn shorten(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_owned(),
    }
}

/// The segments of the path of a type error found by `serde_path_to_error`.
pub(crate) fn from_error_path(path: &serde_path_to_error::Path) -> Vec<Seg> {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|s| match s {
            Segment::Seq { index } => Some(Seg::Index(*index)),
            Segment::Map { key } => Some(Seg::Key(key.clone())),
            Segment::Enum { variant } => Some(Seg::Key(variant.clone())),
            Segment::Unknown => None,
        })
        .collect()
}

/// The place a document path (`concept.measures[3].period`) points at, as
/// the one [`ItemPath`] of the library.
///
/// Inside the concept it is the path in the concept (`measures[W3].period`),
/// the ids of the items on the way read from `document`, where the JSON
/// path counts positions; the keys of translations are quoted, as
/// validation writes them (`title.translations["en"]`). A member of the
/// document beside the concept keeps its name (`$schema`, `schemaVersion`:
/// the concept has no members of these names), and the document and the
/// concept themselves are the empty path, printed as nothing.
pub(crate) fn item_path(document: &str, segs: &[Seg]) -> ItemPath {
    let in_concept = matches!(segs.first(), Some(Seg::Key(k)) if k == "concept");
    if !in_concept {
        return steps(segs, &mut std::iter::empty::<Option<String>>());
    }
    let steps_with_ids = segs.iter().filter(|s| matches!(s, Seg::Index(_))).count();
    let mut ids = vec![None; steps_with_ids];
    // The ids read before the document fails to parse (if it does) are kept.
    let mut de = serde_json::Deserializer::from_str(document);
    let _ = serde::de::DeserializeSeed::deserialize(
        Walk {
            segs,
            ids: &mut ids,
            slot: 0,
            id_of: None,
        },
        &mut de,
    );
    steps(&segs[1..], &mut ids.into_iter())
}

/// Writes segments as an [`ItemPath`]: an element by the id `ids` gives
/// for it (`None`: its position).
fn steps(segs: &[Seg], ids: &mut dyn Iterator<Item = Option<String>>) -> ItemPath {
    let mut item = ItemPath::root();
    let mut map_keys = false;
    for seg in segs {
        item = match seg {
            Seg::Key(k) if is_plain(k) && !map_keys => item.field(k),
            Seg::Key(k) => item.key(k),
            Seg::Index(i) => match ids.next().flatten() {
                Some(id) => item.with_item(&Id::new(id), *i),
                None => item.index(*i),
            },
        };
        map_keys = matches!(seg, Seg::Key(k) if k == "translations");
    }
    item
}

/// Follows a path through a document, skipping everything else, and keeps
/// the `id` of each array element on the way (when it is an object with a
/// string `id`).
struct Walk<'p> {
    segs: &'p [Seg],
    ids: &'p mut Vec<Option<String>>,
    /// How many array steps lie behind: where the next id goes.
    slot: usize,
    /// Where this value's `id` goes, when it is an element on the path.
    id_of: Option<usize>,
}

impl<'de> serde::de::DeserializeSeed<'de> for Walk<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        use serde::de::IgnoredAny;
        let mut next = match self.segs.first() {
            Some(Seg::Key(k)) => Some(k.as_str()),
            _ => None,
        };
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if next == Some(&*key) {
                // The first member with the key, as the model reads it.
                next = None;
                map.next_value_seed(Walk {
                    segs: &self.segs[1..],
                    ids: &mut *self.ids,
                    slot: self.slot,
                    id_of: None,
                })?;
            } else if key == "id" && self.id_of.is_some() {
                if let serde_json::Value::String(id) = map.next_value()? {
                    if let Some(slot) = self.id_of.and_then(|k| self.ids.get_mut(k)) {
                        *slot = Some(id);
                    }
                }
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        use serde::de::IgnoredAny;
        let wanted = match self.segs.first() {
            Some(Seg::Index(n)) => Some(*n),
            _ => None,
        };
        let mut i = 0;
        loop {
            let more = if Some(i) == wanted {
                seq.next_element_seed(Walk {
                    segs: &self.segs[1..],
                    ids: &mut *self.ids,
                    slot: self.slot + 1,
                    id_of: Some(self.slot),
                })?
                .is_some()
            } else {
                seq.next_element::<IgnoredAny>()?.is_some()
            };
            if !more {
                return Ok(());
            }
            i += 1;
        }
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_keys_indices_and_odd_keys() {
        let segs = [
            Seg::Key("concept".into()),
            Seg::Key("measures".into()),
            Seg::Index(3),
            Seg::Key("title".into()),
            Seg::Key("translations".into()),
            Seg::Key("de x".into()),
        ];
        assert_eq!(
            render(&segs),
            r#"concept.measures[3].title.translations["de x"]"#
        );
        assert_eq!(render(&[Seg::Key("$schema".into())]), "$schema");
        assert_eq!(render(&[]), "");
    }

    /// A rendered path, read back into segments (plain keys and indices).
    fn segs(path: &str) -> Vec<Seg> {
        path.split(['.', '['])
            .filter(|s| !s.is_empty())
            .map(|s| match s.strip_suffix(']') {
                Some(i) => Seg::Index(i.parse().unwrap()),
                None => Seg::Key(s.to_owned()),
            })
            .collect()
    }

    #[test]
    fn item_paths_name_items_by_the_ids_in_the_document() {
        let nordsachsen = kreisentwicklung_core::examples::json("nordsachsen").unwrap();
        let at = |p: &str| item_path(nordsachsen, &segs(p)).to_string();
        assert_eq!(
            at("concept.resolutions[0].consultations[0].date"),
            "resolutions[handlungsfelder].consultations[0].date"
        );
        assert_eq!(
            at("concept.fields[0].vision.text"),
            "fields[hf-wirtschaft].vision.text"
        );
        assert_eq!(at("concept.title"), "title");
        assert_eq!(
            at("concept.title.translations.en"),
            "title.translations[\"en\"]"
        );
        // Outside the concept: the member's name; the concept itself: empty.
        assert_eq!(at("schemaVersion"), "schemaVersion");
        assert_eq!(at("$schema"), "$schema");
        assert_eq!(at("x[2].y"), "x[2].y");
        assert!(item_path(nordsachsen, &segs("concept")).is_root());
        assert!(item_path(nordsachsen, &[]).is_root());
        // Past the end of a list: the position.
        assert_eq!(at("concept.fields[99]"), "fields[99]");
        // A document that breaks off keeps the ids read before.
        let cut = &nordsachsen[..nordsachsen.find("\"fields\"").unwrap() + 70];
        assert_eq!(
            item_path(cut, &segs("concept.fields[0].name")).to_string(),
            "fields[hf-wirtschaft].name"
        );
    }
}
