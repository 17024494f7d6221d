//! One table of a sheet, read row by row: the header row is found by its
//! text (German or English), so reordered columns still read and extra
//! sheets, title rows or columns do not matter; the rows are handed over
//! one at a time, so memory does not grow with the table.

use std::io::{Read, Seek};

use calamine::Xlsx;

use super::cells::{text, tr, Value};
use super::error::Problem;
use super::{Limits, Report};
use crate::sheet::ColumnDef;

/// How many rows above a table may hold titles before its header.
const HEADER_SEARCH_ROWS: u32 = 30;

/// A table to read: the columns it reads, by key; their headers, and those
/// of the columns the writer writes but the reader does not (computed or
/// derived: traffic lights, counts), come from the sheet's column table.
pub(crate) struct Spec {
    /// Read columns, by key.
    pub read: &'static [&'static str],
    /// The sheet's columns as the writer defines them.
    pub columns: &'static [ColumnDef],
    /// The collection in item paths (`measures`).
    pub path: &'static str,
    /// The column that identifies a row: a number, else a title.
    pub key: &'static str,
    /// The column that must not be empty in a new row; it identifies the
    /// header row.
    pub title: &'static str,
    /// True when `key` is a number: a row with an unknown number is new, a
    /// number repeated is an error. Otherwise a row whose title was edited
    /// keeps its position.
    pub numbered: bool,
    /// What one item is called in messages (German, English).
    pub what: (&'static str, &'static str),
}

impl Spec {
    /// The German and English header of a column.
    pub(crate) fn header(&self, key: &str) -> (&'static str, &'static str) {
        self.columns
            .iter()
            .find(|c| c.key == key)
            .map_or(("", ""), |c| (c.de, c.en))
    }
}

/// A data row: the cells of the read columns.
pub(crate) struct Row<'a> {
    /// The row, 0-based.
    pub index: u32,
    /// The row's position in the table, 0-based.
    pub position: usize,
    cells: Vec<(usize, u32, Value)>,
    keys: &'static [&'static str],
    columns: &'a [Option<u32>],
}

impl Row<'_> {
    /// The cell of a column by key, with its column (0-based).
    pub(crate) fn get(&self, key: &str) -> Option<(&Value, u32)> {
        let field = self.keys.iter().position(|k| *k == key)?;
        self.cells
            .iter()
            .find(|(f, _, _)| *f == field)
            .map(|(_, col, v)| (v, *col))
    }

    /// The column of a key, when the table has it.
    pub(crate) fn column(&self, key: &str) -> Option<u32> {
        let field = self.keys.iter().position(|k| *k == key)?;
        self.columns.get(field).copied().flatten()
    }

    /// The trimmed text of a non-empty cell, with its column.
    pub(crate) fn text(&self, key: &str) -> Option<(String, u32)> {
        self.get(key).map(|(v, c)| (text(v), c))
    }
}

/// Reads the table of a sheet; `on_row` gets every data row, in order.
/// Returns the column of each read key (`None` when missing).
pub(crate) fn read<RS: Read + Seek>(
    book: &mut Xlsx<RS>,
    sheet: &str,
    spec: &Spec,
    limits: &Limits,
    report: &mut Report,
    mut on_row: impl FnMut(&Row, &mut Report),
) -> Result<Vec<Option<u32>>, Problem> {
    let lang = report.lang;
    let mut reader = book
        .worksheet_cells_reader(sheet)
        .map_err(|e| Problem::sheet(sheet, e.to_string()))?;
    let mut columns: Option<Vec<Option<u32>>> = None;
    // The row being collected: its index and cells (column, value, formula).
    type Cells = Vec<(u32, Value, bool)>;
    let mut current: Option<(u32, Cells)> = None;
    let mut last_data_row: Option<u32> = None;
    let mut position = 0usize;
    let mut header_row = 0u32;
    loop {
        let next = reader
            .next_cell_with_formula_metadata()
            .map_err(|e| Problem::sheet(sheet, e.to_string()))?;
        let (row, col, value, formula) = match next {
            Some(c) => (
                c.pos.0,
                c.pos.1,
                Value::from_ref(&c.value),
                c.formula.is_some(),
            ),
            None => (u32::MAX, 0, Value::Empty, false),
        };
        let finished_row = match &current {
            Some((r, _)) if *r != row => current.take(),
            _ => None,
        };
        if let Some((r, cells)) = finished_row {
            match &columns {
                None => {
                    if let Some(found) = header(sheet, spec, &cells, r, report) {
                        columns = Some(found);
                        header_row = r;
                    } else if r >= HEADER_SEARCH_ROWS {
                        break;
                    }
                }
                Some(cols) => {
                    let expected = last_data_row.map_or(header_row + 1, |l| l + 1);
                    let mut data = Vec::new();
                    for (c, v, f) in cells {
                        if v.is_empty() {
                            continue;
                        }
                        if let Some(field) = cols.iter().position(|x| *x == Some(c)) {
                            if f {
                                report.warnings.push(Problem::cell(
                                    sheet,
                                    r,
                                    c,
                                    tr(
                                        lang,
                                        "Formel: ihr zuletzt berechneter Wert wird gelesen",
                                        "formula: its last computed value is read",
                                    ),
                                ));
                            }
                            data.push((field, c, v));
                        }
                    }
                    if r != expected || data.is_empty() {
                        // The first empty row ends the table (below it,
                        // sheets may have more, such as values over time).
                        return Ok(cols.clone());
                    }
                    if position >= limits.max_rows {
                        return Err(Problem::sheet(
                            sheet,
                            tr(
                                lang,
                                &format!(
                                    "mehr als {} Zeilen; zu groß zum Einlesen",
                                    limits.max_rows
                                ),
                                &format!("more than {} rows; too large to read", limits.max_rows),
                            ),
                        ));
                    }
                    let row = Row {
                        index: r,
                        position,
                        cells: data,
                        keys: spec.read,
                        columns: cols,
                    };
                    on_row(&row, report);
                    position += 1;
                    last_data_row = Some(r);
                }
            }
        }
        if row == u32::MAX {
            break;
        }
        if columns.is_none() && row > HEADER_SEARCH_ROWS {
            break;
        }
        let entry = current.get_or_insert_with(|| (row, Vec::new()));
        if col > 16_383 {
            continue;
        }
        entry.1.push((col, value, formula));
    }
    match columns {
        Some(c) => Ok(c),
        None => {
            let (de, en) = spec.header(spec.title);
            Err(Problem::sheet(
                sheet,
                tr(
                    lang,
                    &format!("keine Kopfzeile mit der Spalte „{de}“ in den ersten {HEADER_SEARCH_ROWS} Zeilen"),
                    &format!("no header row with the column \"{en}\" in the first {HEADER_SEARCH_ROWS} rows"),
                ),
            ))
        }
    }
}

/// The header row, when `cells` is one: the column of each read key;
/// unknown headers are warnings.
fn header(
    sheet: &str,
    spec: &Spec,
    cells: &[(u32, Value, bool)],
    row: u32,
    report: &mut Report,
) -> Option<Vec<Option<u32>>> {
    let texts: Vec<(u32, String)> = cells
        .iter()
        .map(|(c, v, _)| (*c, text(v)))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    let matches = |(de, en): (&str, &str), t: &str| t == de || t == en;
    if !texts
        .iter()
        .any(|(_, t)| matches(spec.header(spec.title), t))
    {
        return None;
    }
    let mut columns = vec![None; spec.read.len()];
    for (col, t) in &texts {
        if let Some(i) = spec.read.iter().position(|k| matches(spec.header(k), t)) {
            if columns[i].is_none() {
                columns[i] = Some(*col);
                continue;
            }
        }
        // Written but not read (or a second copy of a read column).
        if spec.columns.iter().any(|c| matches((c.de, c.en), t)) {
            continue;
        }
        report.warnings.push(Problem::cell(
            sheet,
            row,
            *col,
            tr(
                report.lang,
                &format!("unbekannte Spalte „{t}“, nicht gelesen"),
                &format!("unknown column \"{t}\", ignored"),
            ),
        ));
    }
    Some(columns)
}
