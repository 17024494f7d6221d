//! References typed into cells: an item by what the sheets show of it (a
//! name, a title, a number) or by its id, with an error naming the text when
//! no item or several items show it; and lists whose separator may also
//! occur inside a name.

use kreisentwicklung_core::{Concept, Id, Language};

use super::cells::tr;

/// What a reference points at, for messages: German with its negative
/// article ("kein Akteur"), English with its article ("an actor"), and the
/// plurals.
pub(crate) struct Kind {
    pub not_de: &'static str,
    pub an_en: &'static str,
    pub many_de: &'static str,
    pub many_en: &'static str,
}

impl Kind {
    const fn new(
        not_de: &'static str,
        an_en: &'static str,
        many_de: &'static str,
        many_en: &'static str,
    ) -> Kind {
        Kind {
            not_de,
            an_en,
            many_de,
            many_en,
        }
    }
}

pub(crate) const ACTOR: Kind = Kind::new("kein Akteur", "an actor", "Akteure", "actors");
pub(crate) const DOCUMENT: Kind =
    Kind::new("kein Dokument", "a document", "Dokumente", "documents");
pub(crate) const EVENT: Kind = Kind::new(
    "keine Veranstaltung",
    "an event",
    "Veranstaltungen",
    "events",
);
pub(crate) const GOAL: Kind = Kind::new("kein Ziel", "a goal", "Ziele", "goals");
pub(crate) const FIELD: Kind = Kind::new(
    "kein Handlungsfeld",
    "a field of action",
    "Handlungsfelder",
    "fields of action",
);
pub(crate) const MEASURE: Kind = Kind::new("keine Maßnahme", "a measure", "Maßnahmen", "measures");

/// The item `text` names: the one item that `shows` it, else the item with
/// that id; `Ok(None)` when there is none, an error naming the text when
/// several items show it.
pub(crate) fn find<T>(
    items: &[T],
    text: &str,
    shows: impl Fn(&T, &str) -> bool,
    id: impl Fn(&T) -> &Id,
    kind: &Kind,
    lang: Language,
) -> Result<Option<Id>, String> {
    let mut found = items.iter().filter(|x| shows(x, text));
    match (found.next(), found.next()) {
        (Some(x), None) => Ok(Some(id(x).clone())),
        (Some(a), Some(b)) => {
            let ids = format!("{}, {}", id(a), id(b));
            Err(tr(
                lang,
                &format!(
                    "„{text}“ ist mehrdeutig: so heißen mehrere {} ({ids}); bitte stattdessen die Kennung eintragen",
                    kind.many_de
                ),
                &format!(
                    "\"{text}\" is ambiguous: several {} are called so ({ids}); enter the id instead",
                    kind.many_en
                ),
            ))
        }
        (None, _) => Ok(items
            .iter()
            .find(|x| id(x).as_str() == text)
            .map(|x| id(x).clone())),
    }
}

/// Like [`find`], with an error naming the text when there is no such item.
pub(crate) fn require(
    found: Result<Option<Id>, String>,
    text: &str,
    kind: &Kind,
    lang: Language,
) -> Result<Id, String> {
    found?.ok_or_else(|| unknown(text, kind, lang))
}

/// „text“ ist kein Akteur dieses Konzepts.
pub(crate) fn unknown(text: &str, kind: &Kind, lang: Language) -> String {
    tr(
        lang,
        &format!("„{text}“ ist {} dieses Konzepts", kind.not_de),
        &format!("\"{text}\" is not {} of this concept", kind.an_en),
    )
}

/// An actor by its name (as in Akteure) or id.
pub(crate) fn actor(c: &Concept, name: &str, lang: Language) -> Result<Option<Id>, String> {
    let shows = |a: &kreisentwicklung_core::Actor, t: &str| a.name.text.trim() == t;
    find(&c.actors, name, shows, |a| &a.id, &ACTOR, lang)
}

/// A document by its title (as in Dokumente) or id.
pub(crate) fn document(c: &Concept, title: &str, lang: Language) -> Result<Option<Id>, String> {
    let shows = |d: &kreisentwicklung_core::Document, t: &str| d.title.text.trim() == t;
    find(&c.documents, title, shows, |d| &d.id, &DOCUMENT, lang)
}

/// A goal by its number or title (as in Zielsystem) or id.
pub(crate) fn goal(c: &Concept, text: &str, lang: Language) -> Result<Option<Id>, String> {
    let shows = |g: &kreisentwicklung_core::Goal, t: &str| {
        g.number.as_deref().map(str::trim) == Some(t) || g.title.text.trim() == t
    };
    find(&c.goals, text, shows, |g| &g.id, &GOAL, lang)
}

/// A field of action by its name or id.
pub(crate) fn field(c: &Concept, name: &str, lang: Language) -> Result<Option<Id>, String> {
    let shows = |f: &kreisentwicklung_core::FieldOfAction, t: &str| f.name.text.trim() == t;
    find(&c.fields, name, shows, |f| &f.id, &FIELD, lang)
}

/// A measure by its number or title (as in Maßnahmen) or id.
pub(crate) fn measure(c: &Concept, text: &str, lang: Language) -> Result<Option<Id>, String> {
    let shows = |m: &kreisentwicklung_core::Measure, t: &str| {
        m.number.as_deref().map(str::trim) == Some(t) || m.title.text.trim() == t
    };
    find(&c.measures, text, shows, |m| &m.id, &MEASURE, lang)
}

/// The most parts of a list one entry may span (a name that contains the
/// separator).
const MAX_RUN: usize = 8;

/// Reads a list shown joined by `sep` (`"; "`, or `"\n"` for one entry a
/// line): the text is split at the separator's first character and the
/// parts trimmed; each entry is the longest run of parts (joined again by
/// `sep`) that `entry` reads, so that a name containing the separator still
/// reads. When not even a single part reads, its error is returned.
pub(crate) fn list<T>(
    text: &str,
    sep: &str,
    mut entry: impl FnMut(&str) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    let parts = split(text, sep);
    let mut out = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let longest = (i + 2..=(i + MAX_RUN).min(parts.len()))
            .rev()
            .find_map(|j| entry(&parts[i..j].join(sep)).ok().map(|x| (x, j)));
        let (x, next) = match longest {
            Some(found) => found,
            None => (entry(parts[i])?, i + 1),
        };
        out.push(x);
        i = next;
    }
    Ok(out)
}

/// The trimmed, non-empty parts of a cell split at `sep`'s first character.
pub(crate) fn split<'t>(text: &'t str, sep: &str) -> Vec<&'t str> {
    let at = sep.chars().next().unwrap_or(';');
    text.split(at)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// True when placing `id` below `parent` would put it below itself: `parent`
/// is `id` or lies below it. `parent_of` gives an item's parent.
pub(crate) fn below_itself(
    id: &Id,
    parent: Option<&Id>,
    len: usize,
    parent_of: impl Fn(&Id) -> Option<Id>,
) -> bool {
    let mut up = parent.cloned();
    let mut steps = 0;
    while let Some(p) = up {
        // More steps than items: a cycle above, also a cycle.
        if &p == id || steps > len {
            return true;
        }
        up = parent_of(&p);
        steps += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_keep_names_that_contain_the_separator() {
        let names = ["Städte; Gemeinden", "Kreistag", "Landrat"];
        let entry = |s: &str| {
            names
                .iter()
                .position(|n| *n == s)
                .ok_or_else(|| format!("unknown {s}"))
        };
        assert_eq!(
            list("Kreistag; Städte; Gemeinden;Landrat", "; ", entry),
            Ok(vec![1, 0, 2])
        );
        assert_eq!(list(" ; Landrat ;", "; ", entry), Ok(vec![2]));
        assert_eq!(
            list("Kreistag; Städte", "; ", entry),
            Err("unknown Städte".to_owned())
        );
        let lines = |s: &str| Ok::<_, String>(s.to_owned());
        assert_eq!(list("a\r\n b\n\n", "\n", lines).unwrap(), ["a\nb"]);
    }
}
