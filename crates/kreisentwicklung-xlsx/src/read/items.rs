//! The skeleton every table of items shares: rows are matched to the items
//! the workbook was written with (by the number or title the sheet shows,
//! so sorted rows still match), their edits applied, and rows added below
//! the table become new items with an id made from their number or title.
//! A sheet reader only says which columns it reads and how a row edits one
//! item ([`Sheet`]).

use std::collections::HashMap;
use std::io::{Read, Seek};

use calamine::Xlsx;
use kreisentwicklung_core::{Concept, Id, ItemPath};

use super::cells::tr;
use super::edit::At;
use super::table::{self, Row, Spec};
use super::{Limits, Problem, Report};
use crate::ctx::Ctx;

/// One row as the workbook was written: what its key column showed, the
/// item it belongs to and, for tables with several rows per item (a
/// resolution's steps), which part of the item it shows.
pub(crate) struct Written {
    pub key: String,
    pub item: usize,
    pub part: Option<usize>,
}

/// The item type, its collection and ids of a [`Sheet`]:
/// `collection!(Measure, measures)` for the item type and the concept's
/// field.
macro_rules! collection {
    ($item:ty, $field:ident) => {
        type Item = $item;
        fn items(c: &kreisentwicklung_core::Concept) -> &Vec<$item> {
            &c.$field
        }
        fn items_mut(c: &mut kreisentwicklung_core::Concept) -> &mut Vec<$item> {
            &mut c.$field
        }
        fn id(item: &$item) -> &kreisentwicklung_core::Id {
            &item.id
        }
    };
}
pub(crate) use collection;

/// An optional text whose column key and path are the field's name:
/// `text!(report, at, r, w, t, description)` reads the column
/// `description` into `t.description` ([`edit::opt_text`](super::edit::opt_text)).
macro_rules! text {
    ($report:ident, $at:ident, $r:ident, $w:ident, $t:ident, $field:ident) => {
        super::edit::opt_text(
            $report,
            $at,
            $r,
            stringify!($field),
            $w.$field.as_ref().map(|x| x.text.as_str()),
            &mut $t.$field,
        )
    };
}
pub(crate) use text;

/// A table of items: one row per item (or per part of an item).
pub(crate) trait Sheet {
    /// The item type.
    type Item: Clone;
    /// The columns read and how rows become items.
    const SPEC: Spec;

    /// The concept's items.
    fn items(c: &Concept) -> &Vec<Self::Item>;
    /// The concept's items, to change.
    fn items_mut(c: &mut Concept) -> &mut Vec<Self::Item>;
    /// An item's id.
    fn id(item: &Self::Item) -> &Id;
    /// The rows the writer wrote, in sheet order.
    fn rows(ctx: &Ctx<'_>) -> Vec<Written>;
    /// A blank item for a new row with this id and key text.
    fn blank(id: Id, key: &str) -> Self::Item;
    /// Applies a row to an item.
    fn edit(e: Edit<'_, '_, Self::Item>);
    /// A row below the table: by default a new item.
    fn added(
        report: &mut Report,
        sheet: &str,
        r: &Row,
        ctx: &Ctx<'_>,
        key: &str,
        t: &mut Tracked<Self::Item>,
    ) where
        Self: Sized,
    {
        add_new::<Self>(report, sheet, r, ctx, key, t);
    }
}

/// A row to apply to `items[i]`: where it is, its cells, the item as
/// written (blank for a new row) and the part of it the row shows.
pub(crate) struct Edit<'e, 'c, T> {
    pub report: &'e mut Report,
    pub at: &'e At<'e>,
    pub r: &'e Row<'e>,
    pub ctx: &'e Ctx<'c>,
    pub part: Option<usize>,
    pub w: &'e T,
    pub items: &'e mut [T],
    pub i: usize,
}

/// The target's items with an index by id, kept up to date as rows add
/// items.
pub(crate) struct Tracked<'a, T> {
    pub items: &'a mut Vec<T>,
    pub index: HashMap<Id, usize>,
}

/// How a row matches the written rows.
enum Match {
    Written(usize),
    Repeated,
    New,
}

/// Reads the table of sheet `S` into `target`.
pub(crate) fn apply<S: Sheet, RS: Read + Seek>(
    book: &mut Xlsx<RS>,
    sheet: &str,
    ctx: &Ctx<'_>,
    target: &mut Concept,
    limits: &Limits,
    report: &mut Report,
) -> Result<(), Problem> {
    let written = S::items(ctx.c);
    let rows = S::rows(ctx);
    // The written rows of each key, with a cursor past the matched ones
    // (so many rows with one key, such as untitled events, stay linear).
    let mut by_key: HashMap<&str, (Vec<usize>, usize)> = HashMap::new();
    for (k, w) in rows.iter().enumerate() {
        by_key.entry(w.key.as_str()).or_default().0.push(k);
    }
    let mut seen = vec![false; rows.len()];
    let items = S::items_mut(target);
    let index = items
        .iter()
        .enumerate()
        .map(|(i, x)| (S::id(x).clone(), i))
        .collect();
    let mut t = Tracked { items, index };
    let spec = S::SPEC;
    table::read(book, sheet, &spec, limits, report, |r, report| {
        let key = r.text(S::SPEC.key).map(|(t, _)| t).unwrap_or_default();
        let found = match rows.get(r.position) {
            Some(w) if !seen[r.position] && w.key == key => Match::Written(r.position),
            _ => match by_key.get_mut(key.as_str()) {
                Some((list, next)) => match next_unseen(list, next, &seen) {
                    Some(k) => Match::Written(k),
                    None if S::SPEC.numbered => Match::Repeated,
                    None => Match::New,
                },
                None if !S::SPEC.numbered && r.position < rows.len() && !seen[r.position] => {
                    Match::Written(r.position)
                }
                None => Match::New,
            },
        };
        match found {
            Match::Written(k) => {
                seen[k] = true;
                let w = &written[rows[k].item];
                match t.index.get(S::id(w)) {
                    Some(&i) => {
                        let path = ItemPath::item(S::SPEC.path, S::id(w), i);
                        let at = At {
                            sheet,
                            row: r.index,
                            path: &path,
                        };
                        S::edit(Edit {
                            report: &mut *report,
                            at: &at,
                            r,
                            ctx,
                            part: rows[k].part,
                            w,
                            items: &mut t.items[..],
                            i,
                        });
                    }
                    None => report.warnings.push(Problem::cell(
                        sheet,
                        r.index,
                        r.column(S::SPEC.key).unwrap_or(0),
                        tr(
                            report.lang,
                            &format!(
                                "„{}“ gibt es im Konzept nicht mehr; Zeile nicht gelesen",
                                S::id(w)
                            ),
                            &format!("\"{}\" is no longer in the concept; row ignored", S::id(w)),
                        ),
                    )),
                }
            }
            Match::Repeated => {
                let msg = tr(
                    report.lang,
                    &format!("die Nr. „{key}“ steht schon in einer Zeile darüber"),
                    &format!("the number \"{key}\" is already in a row above"),
                );
                report.error(sheet, r.index, r.column(S::SPEC.key).unwrap_or(0), msg);
            }
            Match::New => S::added(report, sheet, r, ctx, &key, &mut t),
        }
    })?;
    Ok(())
}

/// The first written row of `list` from `next` on not matched yet; moves
/// `next` there.
fn next_unseen(list: &[usize], next: &mut usize, seen: &[bool]) -> Option<usize> {
    while list.get(*next).is_some_and(|&k| seen[k]) {
        *next += 1;
    }
    list.get(*next).copied()
}

/// A new item from a row below the table: its id is its number (which must
/// make a well-formed id not yet taken) or, for tables without numbers, its
/// title made into an id and made unique; its values are the row's cells.
/// Returns the new item's index.
pub(crate) fn add_new<S: Sheet>(
    report: &mut Report,
    sheet: &str,
    r: &Row,
    ctx: &Ctx<'_>,
    key: &str,
    t: &mut Tracked<S::Item>,
) -> Option<usize> {
    let lang = report.lang;
    let col = r.column(S::SPEC.key).unwrap_or(0);
    let (what_de, what_en) = S::SPEC.what;
    let header = S::SPEC.header(S::SPEC.key);
    if key.is_empty() {
        let msg = tr(
            lang,
            &format!("neue Zeile ohne „{}“: so kann keine neue {what_de} angelegt werden (aus „{}“ wird ihre Kennung)", header.0, header.0),
            &format!("new row without \"{}\": a new {what_en} needs it (its id is made from it)", header.1),
        );
        report.error(sheet, r.index, col, msg);
        return None;
    }
    let id = if S::SPEC.numbered {
        let id = Id::new(key);
        if !id.is_well_formed() {
            let msg = tr(
                lang,
                &format!("aus der Nr. „{key}“ wird keine Kennung: erlaubt sind Buchstaben, Ziffern, „.“, „-“ und „_“"),
                &format!("the number \"{key}\" does not make an id: letters, digits, \".\", \"-\" and \"_\" are allowed"),
            );
            report.error(sheet, r.index, col, msg);
            return None;
        }
        if t.index.contains_key(&id) {
            let msg = tr(
                lang,
                &format!("die Nr. „{key}“ ist schon vergeben"),
                &format!("the number \"{key}\" is already taken"),
            );
            report.error(sheet, r.index, col, msg);
            return None;
        }
        id
    } else {
        unique_id(key, S::SPEC.path, &t.index)
    };
    let blank = S::blank(id.clone(), key);
    let i = t.items.len();
    t.items.push(blank.clone());
    t.index.insert(id.clone(), i);
    let path = ItemPath::item(S::SPEC.path, &id, i);
    let at = At {
        sheet,
        row: r.index,
        path: &path,
    };
    let changes = report.changes.len();
    S::edit(Edit {
        report: &mut *report,
        at: &at,
        r,
        ctx,
        part: None,
        w: &blank,
        items: &mut t.items[..],
        i,
    });
    // One line for the new item instead of one per cell.
    report.changes.truncate(changes);
    let title = r.text(S::SPEC.title).map(|(t, _)| t).unwrap_or_default();
    if title.is_empty() {
        let msg = tr(
            lang,
            &format!("eine neue Zeile ({what_de}) braucht einen Titel"),
            &format!("a new row ({what_en}) needs a title"),
        );
        report.error(sheet, r.index, r.column(S::SPEC.title).unwrap_or(col), msg);
        return None;
    }
    report.note(
        sheet,
        r.index,
        col,
        path,
        "—".to_owned(),
        tr(lang, &format!("neu: {title}"), &format!("new: {title}")),
    );
    Some(i)
}

/// The written rows of a table with one row per item, keyed by number.
pub(crate) fn numbered_rows<'a>(numbers: impl Iterator<Item = Option<&'a str>>) -> Vec<Written> {
    numbers
        .enumerate()
        .map(|(item, n)| Written {
            key: n.unwrap_or("").trim().to_owned(),
            item,
            part: None,
        })
        .collect()
}

/// The written rows of a table with one row per item, keyed by the text
/// the key column shows.
pub(crate) fn titled_rows(keys: impl Iterator<Item = String>) -> Vec<Written> {
    keys.enumerate()
        .map(|(item, key)| Written {
            key: key.trim().to_owned(),
            item,
            part: None,
        })
        .collect()
}

/// An id from a title: lower case, German letters spelled out, every other
/// run of characters a `-`, at most 40 characters; `-2`, `-3` … appended
/// while it is taken.
pub(crate) fn unique_id(title: &str, fallback: &str, taken: &HashMap<Id, usize>) -> Id {
    let mut slug = String::new();
    for ch in title.chars().flat_map(char::to_lowercase) {
        let part = match ch {
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                slug.push(c);
                continue;
            }
            _ => "-",
        };
        if part == "-" && (slug.is_empty() || slug.ends_with('-')) {
            continue;
        }
        slug.push_str(part);
    }
    slug.truncate(40);
    let slug = slug.trim_end_matches('-');
    let base = if slug.is_empty() { fallback } else { slug };
    let mut id = Id::new(base);
    let mut n = 2;
    while taken.contains_key(&id) {
        id = Id::new(format!("{base}-{n}"));
        n += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_titles() {
        let mut taken = HashMap::new();
        let id = unique_id("Öffentliche Auftaktveranstaltung", "events", &taken);
        assert_eq!(id.as_str(), "oeffentliche-auftaktveranstaltung");
        taken.insert(id, 0);
        let again = unique_id("Öffentliche  Auftaktveranstaltung!", "events", &taken);
        assert_eq!(again.as_str(), "oeffentliche-auftaktveranstaltung-2");
        assert_eq!(unique_id("„…“", "events", &taken).as_str(), "events");
        assert!(unique_id("Straße & Schiene", "x", &taken).is_well_formed());
    }

    #[test]
    fn every_read_column_is_one_the_writer_defines() {
        use super::super::resolutions;
        use super::super::{actors, documents, goals, indicators, measures, participation};
        let specs = [
            goals::Goals::SPEC,
            measures::Measures::SPEC,
            indicators::Indicators::SPEC,
            participation::Events::SPEC,
            actors::Actors::SPEC,
            resolutions::Resolutions::SPEC,
            documents::Documents::SPEC,
        ];
        for spec in specs {
            for key in spec.read.iter().chain([&spec.key, &spec.title]) {
                assert!(spec.read.contains(key), "{}: {key}", spec.path);
                let (de, en) = spec.header(key);
                assert!(!de.is_empty() && !en.is_empty(), "{}: {key}", spec.path);
            }
        }
    }
}
