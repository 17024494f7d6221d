//! How messages name items and shorten texts.

use std::fmt;

use crate::Id;

/// Text shortened to `max` characters, with "…".
pub(super) fn short(text: &str, max: usize) -> String {
    let (t, cut) = shortened(text, max);
    if cut {
        format!("{t}…")
    } else {
        t.to_owned()
    }
}

/// The trimmed text, or its first `max - 1` characters (trimmed again) and
/// `true` when it has more than `max`: where "…" goes.
fn shortened(text: &str, max: usize) -> (&str, bool) {
    let t = text.trim();
    if t.char_indices().nth(max).is_none() {
        return (t, false);
    }
    let end = t
        .char_indices()
        .nth(max.saturating_sub(1))
        .map_or(t.len(), |(i, _)| i);
    (t[..end].trim_end(), true)
}

/// "ein Ziel" / "3 Ziele".
pub(super) fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        one.to_owned()
    } else {
        format!("{n} {many}")
    }
}

/// How an item is named in messages: its number if it has one, else its id,
/// then its title: `1.2 „Infrastruktur“` / `1.2 "Infrastruktur"`. Written
/// straight into the message (no string of its own: a report of 100,000
/// measures names some 60,000 items).
pub(super) fn name<'a>(
    number: Option<&'a str>,
    id: &'a Id,
    title: &'a str,
) -> (Named<'a>, Named<'a>) {
    let number = number
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .unwrap_or(id.as_str());
    let (title, cut) = shortened(title, 60);
    let named = |german| Named {
        number,
        title,
        cut,
        german,
    };
    (named(true), named(false))
}

/// An item's name in a message; see [`name`].
#[derive(Clone, Copy)]
pub(super) struct Named<'a> {
    number: &'a str,
    title: &'a str,
    cut: bool,
    german: bool,
}

impl fmt::Display for Named<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (open, close) = if self.german {
            ("„", "“")
        } else {
            ("\"", "\"")
        };
        let ellipsis = if self.cut { "…" } else { "" };
        write!(f, "{} {open}{}{ellipsis}{close}", self.number, self.title)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names and shortened texts as messages print them: the number (else
    /// the id), the title trimmed and cut after 59 characters with "…".
    #[test]
    fn names_in_messages() {
        let id = Id::new("m-17");
        let (de, en) = name(Some(" 2.1 "), &id, "  Radweg Nord  ");
        assert_eq!(de.to_string(), "2.1 „Radweg Nord“");
        assert_eq!(en.to_string(), "2.1 \"Radweg Nord\"");
        let (de, _) = name(Some("  "), &id, "Kita");
        assert_eq!(de.to_string(), "m-17 „Kita“");

        let sixty = "ä".repeat(60);
        assert_eq!(
            name(None, &id, &sixty).0.to_string(),
            format!("m-17 „{sixty}“")
        );
        let long = format!("{} Ende", "ö".repeat(58));
        let (de, en) = name(None, &id, &long);
        // 59 characters: 58 "ö" and the space, trimmed away before "…".
        assert_eq!(de.to_string(), format!("m-17 „{}…“", "ö".repeat(58)));
        assert_eq!(en.to_string(), format!("m-17 \"{}…\"", "ö".repeat(58)));

        assert_eq!(short("  abc  ", 3), "abc");
        assert_eq!(short("abcd", 3), "ab…");
        assert_eq!(short("abcd", 1), "…");
        assert_eq!(short("abcd", 0), "…");
        assert_eq!(short("", 0), "");
    }
}
