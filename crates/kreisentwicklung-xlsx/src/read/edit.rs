//! Edits of single cells, shared by the tables: text, coded values,
//! numbers, and references by what the sheet shows of their target.

use kreisentwicklung_core::{Id, Text};

use super::cells::{self, Named, Value};
use super::table::Row;
use super::Report;

/// Where edits of one item go: the sheet and the item's path.
pub(crate) struct At<'a> {
    pub sheet: &'a str,
    pub row: u32,
    pub path: &'a str,
}

impl At<'_> {
    fn path(&self, field: &str) -> String {
        format!("{}.{field}", self.path)
    }
}

/// A required text (a title): an edit to empty is an error.
pub(crate) fn title(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    key: &str,
    field: &str,
    written: &str,
    target: &mut Text,
) {
    let Some((new, col)) = column_text(r, key) else {
        return;
    };
    if new == written.trim() {
        return;
    }
    if new.is_empty() {
        let msg = cells::tr(report.lang, "darf nicht leer sein", "must not be empty");
        report.error(at.sheet, at.row, col, msg);
        return;
    }
    let mut t = target.text.clone();
    report.set(
        at.sheet,
        at.row,
        col,
        at.path(field),
        &t.clone(),
        new,
        &mut t,
    );
    target.text = t;
}

/// An optional text (a description, a note).
pub(crate) fn opt_text(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    key: &str,
    field: &str,
    written: Option<&str>,
    target: &mut Option<Text>,
) {
    let Some((new, col)) = column_text(r, key) else {
        return;
    };
    if new == written.unwrap_or("").trim() {
        return;
    }
    let old = target.as_ref().map(|t| t.text.clone());
    let new_opt = (!new.is_empty()).then(|| new.clone());
    if old == new_opt {
        return;
    }
    report.note(
        at.sheet,
        at.row,
        col,
        at.path(field),
        super::show(&old),
        super::show(&new_opt),
    );
    match (target.as_mut(), new_opt) {
        (Some(t), Some(n)) => t.text = n,
        (_, None) => *target = None,
        (None, Some(n)) => *target = Some(Text::new(n)),
    }
}

/// A plain string field (a unit).
pub(crate) fn string(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    key: &str,
    field: &str,
    written: &str,
    target: &mut String,
) {
    let Some((new, col)) = column_text(r, key) else {
        return;
    };
    report.set(
        at.sheet,
        at.row,
        col,
        at.path(field),
        &written.trim().to_owned(),
        new,
        target,
    );
}

/// A coded value by label or code.
pub(crate) fn code<T: Named + serde::Serialize>(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    key: &str,
    field: &str,
    written: Option<T>,
    target: &mut Option<T>,
) {
    let Some((value, col)) = cell_or_empty(r, key) else {
        return;
    };
    match cells::code::<T>(&value, report.lang) {
        Ok(new) => report.set(at.sheet, at.row, col, at.path(field), &written, new, target),
        Err(msg) => report.error(at.sheet, at.row, col, msg),
    }
}

/// The cell of a column the table has, empty when the row leaves it empty;
/// `None` when the table has no such column.
pub(crate) fn cell_or_empty(r: &Row, key: &str) -> Option<(Value, u32)> {
    match r.get(key) {
        Some((v, c)) => Some((v.clone(), c)),
        None => r.column(key).map(|c| (Value::Empty, c)),
    }
}

/// The trimmed text of a column the table has ("" when the cell is empty).
pub(crate) fn column_text(r: &Row, key: &str) -> Option<(String, u32)> {
    cell_or_empty(r, key).map(|(v, c)| (cells::text(&v), c))
}

/// A list of references shown joined by `sep`: when the text differs from
/// what was written, each part is resolved with `resolve` (by what the sheet
/// shows, or an id); parts that resolve to nothing are errors.
#[allow(clippy::too_many_arguments)]
pub(crate) fn refs(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    key: &str,
    field: &str,
    sep: char,
    written_text: &str,
    what: (&str, &str),
    resolve: impl Fn(&str) -> Option<Id>,
    target: &mut Vec<Id>,
) {
    let Some((new, col)) = column_text(r, key) else {
        return;
    };
    if new == written_text.trim() {
        return;
    }
    let mut ids = Vec::new();
    for part in new.split(sep).map(str::trim).filter(|p| !p.is_empty()) {
        match resolve(part) {
            Some(id) => ids.push(id),
            None => {
                let msg = cells::tr(
                    report.lang,
                    &format!("„{part}“ ist kein {} dieses Konzepts", what.0),
                    &format!("\"{part}\" is not a {} of this concept", what.1),
                );
                report.error(at.sheet, at.row, col, msg);
                return;
            }
        }
    }
    let old = target.clone();
    report.set(
        at.sheet,
        at.row,
        col,
        at.path(field),
        &old.clone(),
        ids,
        target,
    );
}
