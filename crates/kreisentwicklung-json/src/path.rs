//! JSON paths as shown in errors and warnings: `concept.measures[3].period`.

use std::fmt::Write as _;

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

/// The path of a type error found by `serde_path_to_error`.
pub(crate) fn from_error_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let segs: Vec<Seg> = path
        .iter()
        .filter_map(|s| match s {
            Segment::Seq { index } => Some(Seg::Index(*index)),
            Segment::Map { key } => Some(Seg::Key(key.clone())),
            Segment::Enum { variant } => Some(Seg::Key(variant.clone())),
            Segment::Unknown => None,
        })
        .collect();
    render(&segs)
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
}
