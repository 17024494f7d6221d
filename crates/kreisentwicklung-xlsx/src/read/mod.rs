//! Reading a council workbook back: a workbook written by
//! [`XlsxExporter`](crate::XlsxExporter) and edited by people in Excel or
//! LibreOffice gives the concept with their edits.
//!
//! The workbook carries the concept it was written from as JSON in a very
//! hidden sheet (`_kreisentwicklung`, see the crate docs), with every id and
//! every field no sheet shows. The reader compares each cell of the tables
//! it reads with what the writer put there; a cell that differs is an edit
//! and is applied, one that does not leaves the value as it was. So an
//! unedited workbook gives back the identical concept, and
//! [`read_onto`] applies the edits of a workbook to another (newer) version
//! of the concept without undoing what changed there since.
//!
//! Read back (columns found by their German or English header, in any
//! order; columns the writer writes but that are not read, such as traffic
//! lights, are known; other columns are warnings). Rows are matched to the
//! items the workbook was written with by the number or title they show;
//! rows added below a table become new items, their id made from the
//! number (Nr.) or, in tables without one, from the title (made unique):
//!
//! - **Zielsystem**: Ziel, Priorität and, when the sheet has the column,
//!   Übergeordnetes Ziel (by number or title; a goal moved below itself or
//!   below a goal that does not exist is an error; levels follow).
//! - **Maßnahmen**: Maßnahme, Beschreibung, Ziele, Federführung, Partner,
//!   Rolle des Kreises, Zeitraum, Zeithorizont, Priorität, Status with
//!   Letzte Aktualisierung (a new status with a newer date adds a dated
//!   status update), Kosten, Hinweis zu den Kosten, Förderung (`Name
//!   (Programm, Fördergeber, 80 %, 10.000,00 €, Zeitraum)`), Haushalt,
//!   Indikatoren.
//! - **Indikatoren**: Indikator, Einheit, Richtung, Quelle, Beschreibung,
//!   Zielwert and Zieltermin (the final target), Letzter Wert and Stand (a
//!   new period adds an observation, a new value for the same period
//!   corrects it).
//! - **Beteiligung**: Format, Titel, Zeitraum (also "und nach Bedarf"),
//!   Ort, Zielgruppe, Teilnehmende, Anzahl, Handlungsfelder, Themen,
//!   Inhalte, Ergebnis, Dokumente, Teil von, Beschreibung.
//! - **Akteure**: Name, Art, Funktion, Organisation, Mitglieder,
//!   Beschreibung, Anzahl, Internetadresse.
//! - **Beschlüsse**: Beschluss, Art, Drucksache, Gegenstand, Beschlusstext,
//!   Aufträge, and per row one step: Gremium, Rolle, Datum, Geplant für,
//!   TOP, Ergebnis, Ja, Nein, Enthaltungen, Befangen, Anmerkung. A row added
//!   with the title of a resolution is a new step of it.
//! - **Dokumente**: Titel, Art, Datum, Herausgeber, Ausgabe, Seiten,
//!   Autoren, Beschreibung, Internetadresse, Dateityp.
//!
//! # Composite columns
//!
//! Some cells show a list; the writer prints each with one function of its
//! sheet module, which the reader uses too. Lists are separated by `; `
//! (`crate::ctx::SEPARATOR`; the reader splits at `;` and trims) or one
//! entry a line. References are matched by what the sheets show (an
//! actor's or event's name, a document's title, a goal's number or title, a
//! measure's number or title) or by the item's id; a name no item has, or
//! several items have, is an error naming it. A name that contains `; `
//! still reads: the longest run of parts that names an item is taken. An
//! entry shown as written keeps what the sheet does not show of it.
//!
//! - **Zielgruppe**: audiences by label or code, then the audience as
//!   written: from the first part that is no audience (or one already
//!   listed) on, the rest is the text as written.
//! - **Teilnehmende**: actors, a role in brackets (`Landrat (Vortrag)`);
//!   when the event has a count (Anzahl), a first part that names no actor
//!   is the count in words (`rund fünfzig`).
//! - **Dokumente**: documents; press articles after `Presse: `.
//! - **Teil von**: one event by its title, empty for none; an event cannot
//!   be part of itself or of an event below it.
//! - **Mitglieder** (one a line): an actor, a role in brackets; a role that
//!   is no Vorsitz, Mitglied, Moderation, Geschäftsstelle or Beratung is
//!   kept as written.
//! - **Gegenstand**: `Ziele (1, 1.2): Anmerkung` — a subject by label or
//!   code, the items adopted (goals, fields of action, documents, measures)
//!   separated by `, `, a remark after `:`; a part that does not begin with
//!   a subject continues the remark before it.
//! - **Aufträge** (one a line): `Akteur: Aufgabe (Frist: Zeitraum)`; a line
//!   that does not begin with an actor's name and `: ` continues the task
//!   before it.
//!
//! Values are read as people type them: dates as date cells or `01.02.2024`,
//! numbers as numbers or `1.234,56 €`, `45 %`; coded values by German or
//! English label or code; spaces around are ignored; formula cells by their
//! last computed value (a warning).
//!
//! # Limits
//!
//! Checked before any cell is read, with the defaults of [`Limits`]: at
//! most 10,000 zip parts, each unpacking to at most 1 GiB and all together
//! to at most 2 GiB (counted while unpacking, whatever the zip headers
//! claim), no `<!DOCTYPE` or `<!ENTITY` in any XML part; tables of at most
//! 500,000 rows. Sheets are read as a stream of cells, one row at a time.

mod actors;
mod cells;
mod composite;
mod container;
mod documents;
mod edit;
mod error;
mod goals;
mod indicators;
mod items;
mod measures;
mod participation;
mod refs;
mod resolutions;
mod table;

use std::fmt;
use std::io::{Cursor, Read, Seek};

use calamine::{Reader, SheetType, Xlsx};
use kreisentwicklung_core::{Concept, ConceptDocument, ItemPath, Language};
use serde::Serialize;

pub use container::ZIP_MAGIC;
pub use error::{cell_ref, Problem, ReadError};

use crate::names::SheetId;
use crate::sheets::metadata;

/// The limits a workbook must keep to be read (see the [module docs](self)).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Limits {
    /// The most parts (files) in the zip archive.
    pub max_parts: usize,
    /// The most bytes one part may unpack to.
    pub max_part_bytes: u64,
    /// The most bytes all parts together may unpack to.
    pub max_total_bytes: u64,
    /// The most rows of one table.
    pub max_rows: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_parts: 10_000,
            max_part_bytes: 1 << 30,
            max_total_bytes: 2 << 30,
            max_rows: 500_000,
        }
    }
}

/// One edit read from a workbook.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The item path (`measures[W3].status`), printed as everywhere in
    /// the library.
    pub path: ItemPath,
    /// The value before (`—` for none).
    pub old: String,
    /// The value after.
    pub new: String,
    /// Where it was read (`Maßnahmen!K14`).
    pub cell: String,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} → {} ({})",
            self.path, self.old, self.new, self.cell
        )
    }
}

/// A concept read from a workbook.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Imported {
    /// The concept, validated.
    pub concept: Concept,
    /// The edits, in sheet and row order.
    pub changes: Vec<Change>,
    /// What was read but deserves a look (formulas, unknown columns).
    pub warnings: Vec<Problem>,
    /// The language of the workbook's labels.
    pub language: Language,
}

/// True when the bytes start like a zip archive (and so an XLSX workbook).
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(ZIP_MAGIC)
}

/// Reads a workbook written by this crate, with the edits made to it since.
///
/// ```
/// use kreisentwicklung_core::export::{ExportOptions, Exporter};
/// use kreisentwicklung_core::generate::{generate, GeneratorOptions};
/// use kreisentwicklung_xlsx::{read, XlsxExporter};
///
/// let concept = generate(&GeneratorOptions::new(20));
/// let mut xlsx = Vec::new();
/// XlsxExporter.export(&concept, &mut xlsx, &ExportOptions::default())?;
/// let imported = read::read(&xlsx)?;
/// assert_eq!(imported.concept, concept);
/// assert!(imported.changes.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read(bytes: &[u8]) -> Result<Imported, ReadError> {
    read_with(bytes, None, &Limits::default())
}

/// Applies the edits of a workbook to `base` (update mode): what the
/// workbook does not show, and what was not edited in it, stays as in
/// `base`; the changes are listed with the cells they came from.
pub fn read_onto(bytes: &[u8], base: &Concept) -> Result<Imported, ReadError> {
    read_with(bytes, Some(base), &Limits::default())
}

/// [`read`] or [`read_onto`] with other limits.
pub fn read_with(
    bytes: &[u8],
    base: Option<&Concept>,
    limits: &Limits,
) -> Result<Imported, ReadError> {
    container::check(bytes, limits)?;
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| ReadError::Workbook(format!("the workbook cannot be opened: {e}")))?;
    let meta = read_metadata(&mut book)?;
    let lang = meta.language;
    let written = meta.concept;
    let mut target = base.cloned().unwrap_or_else(|| written.clone());
    let mut report = Report {
        lang,
        problems: Vec::new(),
        warnings: Vec::new(),
        changes: Vec::new(),
    };
    let ctx = crate::ctx::Ctx::new(&written, lang, true, meta.today);
    let sheets: Vec<(String, SheetType)> = book
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.typ))
        .collect();
    type Apply<RS> = fn(
        &mut Xlsx<RS>,
        &str,
        &crate::ctx::Ctx<'_>,
        &mut Concept,
        &Limits,
        &mut Report,
    ) -> Result<(), Problem>;
    use items::apply as read_table;
    let tables: [(SheetId, bool, Apply<_>); 7] = [
        (
            SheetId::Goals,
            !written.goals.is_empty(),
            read_table::<goals::Goals, _>,
        ),
        (
            SheetId::Measures,
            !written.measures.is_empty(),
            read_table::<measures::Measures, _>,
        ),
        (
            SheetId::Indicators,
            !written.indicators.is_empty(),
            read_table::<indicators::Indicators, _>,
        ),
        (
            SheetId::Participation,
            !written.events.is_empty(),
            read_table::<participation::Events, _>,
        ),
        (
            SheetId::Actors,
            !written.actors.is_empty(),
            read_table::<actors::Actors, _>,
        ),
        (
            SheetId::Resolutions,
            !written.resolutions.is_empty(),
            read_table::<resolutions::Resolutions, _>,
        ),
        (
            SheetId::Documents,
            !written.documents.is_empty(),
            read_table::<documents::Documents, _>,
        ),
    ];
    for (id, expected, apply) in tables {
        let name = id.title(lang);
        match sheets.iter().find(|(n, _)| n == name) {
            None if expected => report.problems.push(Problem::sheet(
                name,
                cells::tr(
                    lang,
                    "das Blatt fehlt (umbenannt oder gelöscht?); seine Tabelle kann nicht gelesen werden",
                    "the sheet is missing (renamed or deleted?); its table cannot be read",
                ),
            )),
            None => {}
            Some((_, typ)) if *typ != SheetType::WorkSheet => report.problems.push(Problem::sheet(
                name,
                cells::tr(
                    lang,
                    "ist kein Tabellenblatt (ein Diagrammblatt?)",
                    "is not a worksheet (a chart sheet?)",
                ),
            )),
            Some(_) => {
                if let Err(p) = apply(&mut book, name, &ctx, &mut target, limits, &mut report) {
                    report.problems.push(p);
                }
            }
        }
    }
    if !report.problems.is_empty() {
        return Err(ReadError::Cells(report.problems));
    }
    target.validate().map_err(ReadError::Invalid)?;
    Ok(Imported {
        concept: target,
        changes: report.changes,
        warnings: report.warnings,
        language: lang,
    })
}

/// What the reader found so far.
pub(crate) struct Report {
    pub lang: Language,
    pub problems: Vec<Problem>,
    pub warnings: Vec<Problem>,
    pub changes: Vec<Change>,
}

impl Report {
    /// A problem in a cell.
    pub(crate) fn error(&mut self, sheet: &str, row: u32, col: u32, message: String) {
        self.problems.push(Problem::cell(sheet, row, col, message));
    }

    /// Applies an edit: when `new` differs from what the workbook was
    /// written with, `target` takes it (and a change is listed when that
    /// differs from `target`'s value).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn set<T: PartialEq + Serialize>(
        &mut self,
        sheet: &str,
        row: u32,
        col: u32,
        path: ItemPath,
        written: &T,
        new: T,
        target: &mut T,
    ) {
        if new == *written || new == *target {
            return;
        }
        self.changes.push(Change {
            path,
            old: show(target),
            new: show(&new),
            cell: format!("{sheet}!{}", cell_ref(row, col)),
        });
        *target = new;
    }

    /// Lists a change made otherwise (an added item or update).
    pub(crate) fn note(
        &mut self,
        sheet: &str,
        row: u32,
        col: u32,
        path: ItemPath,
        old: String,
        new: String,
    ) {
        self.changes.push(Change {
            path,
            old,
            new,
            cell: format!("{sheet}!{}", cell_ref(row, col)),
        });
    }
}

/// A value for the change list: text and codes as they are, `—` for none,
/// anything else as compact JSON.
pub(crate) fn show<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::Null) => "—".to_owned(),
        Ok(serde_json::Value::String(s)) => s,
        Ok(v) => v.to_string(),
        Err(_) => "?".to_owned(),
    }
}

/// The metadata sheet's content.
struct Metadata {
    language: Language,
    today: kreisentwicklung_core::Date,
    concept: Concept,
}

fn read_metadata<RS: Read + Seek>(book: &mut Xlsx<RS>) -> Result<Metadata, ReadError> {
    let not_ours = || {
        ReadError::Workbook(format!(
            "not a workbook of kreisentwicklung: it has no sheet {:?} with the concept it was written from \
             (only workbooks written by this library, edited or not, can be read)",
            metadata::NAME
        ))
    };
    let sheet = book
        .sheets_metadata()
        .iter()
        .find(|s| s.name == metadata::NAME)
        .ok_or_else(not_ours)?;
    if sheet.typ != SheetType::WorkSheet {
        return Err(not_ours());
    }
    let broken = |what: &str| {
        ReadError::Workbook(format!(
            "the sheet {:?} of the workbook is damaged: {what}",
            metadata::NAME
        ))
    };
    let mut reader = book
        .worksheet_cells_reader(metadata::NAME)
        .map_err(|e| broken(&e.to_string()))?;
    let mut keys: Vec<(u32, String)> = Vec::new();
    let mut values: Vec<(u32, String)> = Vec::new();
    let mut json = String::new();
    let mut end: Option<usize> = None;
    while let Some(cell) = reader.next_cell().map_err(|e| broken(&e.to_string()))? {
        let (row, col) = cell.get_position();
        let value = cells::Value::from_ref(cell.get_value());
        let cells::Value::Text(t) = value else {
            continue;
        };
        match col {
            0 => {
                if t == "end" {
                    end = Some(row as usize);
                }
                keys.push((row, t));
            }
            1 if row >= metadata::FIRST_PIECE_ROW && end.is_none() => json.push_str(&t),
            1 => values.push((row, t)),
            _ => {}
        }
    }
    let get = |key: &str| -> Option<&str> {
        let row = keys.iter().find(|(_, k)| k == key)?.0;
        values
            .iter()
            .find(|(r, _)| *r == row)
            .map(|(_, v)| v.as_str())
    };
    if get("kreisentwicklung") != Some(metadata::LAYOUT) {
        return Err(broken("unknown layout (written by a newer version?)"));
    }
    let total: usize = get("end")
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| broken("no end row"))?;
    if json.len() != total {
        return Err(broken(&format!(
            "the concept has {} of {total} bytes",
            json.len()
        )));
    }
    let language = get("language")
        .and_then(Language::from_tag)
        .ok_or_else(|| broken("no language"))?;
    let today = get("today")
        .and_then(|d| d.parse().ok())
        .ok_or_else(|| broken("no evaluation date"))?;
    let doc: ConceptDocument =
        serde_json::from_str(&json).map_err(|e| broken(&format!("the concept: {e}")))?;
    let major = |v: &str| v.split('.').next().map(str::to_owned);
    if major(&doc.schema_version) != major(kreisentwicklung_core::SCHEMA_VERSION) {
        return Err(broken(&format!(
            "schema version {} cannot be read by this version ({})",
            doc.schema_version,
            kreisentwicklung_core::SCHEMA_VERSION
        )));
    }
    Ok(Metadata {
        language,
        today,
        concept: doc.concept,
    })
}
