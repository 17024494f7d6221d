//! The council workbook: a county development concept
//! (Kreisentwicklungskonzept) as an Excel workbook (XLSX) that council
//! members and staff open in Excel or LibreOffice and read, filter and print
//! without help — in the concept's own language (German or English), or the
//! one chosen with [`Writer::language`].
//!
//! [`Writer`] writes it, configured with typed options
//! (`Writer::new().mode(Mode::Streaming).charts(50)`). [`XlsxExporter`]
//! implements the [`Exporter`](kreisentwicklung_core::export::Exporter)
//! trait of `kreisentwicklung-core` under the
//! id `"xlsx"` as a thin adapter from [`ExportOptions`] to the writer; the
//! facade crate `kreisentwicklung` registers it. It
//! [requires](kreisentwicklung_core::export::Requirement::Nothing) nothing
//! of the concept: a concept in the making gives a workbook, and what a
//! workbook cannot carry is refused cell by cell (see
//! [below](#safety-and-limits)).
//!
//! ```
//! use kreisentwicklung_core::*;
//! use kreisentwicklung_core::export::{ExportOptions, Exporter};
//! use kreisentwicklung_xlsx::XlsxExporter;
//!
//! let concept = Concept::new(
//!     "kek-nordsachsen-2030",
//!     "Kreisentwicklungskonzept Nordsachsen 2030",
//!     ConceptKind::Kek,
//!     Territory::landkreis("Nordsachsen").with_key("14730").with_state(State::Sachsen),
//! )
//! .with_field(FieldOfAction::new("hf1", "Wirtschaft & Innovation").with_number("1"))
//! .with_goal(Goal::new("z1", 1, "Innovation stärken").with_number("1").with_field("hf1"))
//! .with_measure(
//!     Measure::new("W1", "Gründerzentrum")
//!         .with_number("W1")
//!         .with_goal("z1")
//!         .with_period("2. Halbjahr 2025".parse()?)
//!         .with_costs(Euro::from_euros(250_000))
//!         .with_status_update(Date::from_ymd(2025, 11, 13)?, MeasureStatus::InProgress),
//! );
//!
//! let mut xlsx = Vec::new();
//! XlsxExporter.export(&concept, &mut xlsx, &ExportOptions::default())?;
//! assert_eq!(&xlsx[..2], b"PK"); // a zip container
//!
//! // The same input gives the same bytes (the creation date is fixed).
//! let mut again = Vec::new();
//! XlsxExporter.export(&concept, &mut again, &ExportOptions::default())?;
//! assert_eq!(xlsx, again);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Sheets
//!
//! A sheet that would be empty is left out; Übersicht is always there. The
//! names below are the German ones; English workbooks use "Overview",
//! "Fields of action", "SWOT", "Goal system", "Measures", "Project profiles", "Indicators",
//! "Participation", "Challenges", "Actors", "Resolutions", "Documents" and
//! "Health report".
//!
//! | sheet | one row per | columns |
//! | --- | --- | --- |
//! | Übersicht | — | county (Landkreis or Kreis), official key, state, Kreissitz, title, short title, kind, horizon, status, edition, predecessor, revision cycle, funding of the process, the decisive adoption step (the Kreistag's decision, as exactly as known, with outcome and votes, or the planned one), description, Leitbild, Leitgedanken, cross-cutting themes, Berichterstattung, Vollständigkeit der Listen; key dates (resolution steps, a month or year where no day is known; first and last participation event) in date order; traffic lights (evaluation date, overall light, lights of fields, goals, measures and indicators, number of findings); counts of fields, goals, measures, indicators, events, actors, resolutions, documents |
//! | Handlungsfelder | field of action | Nr., Handlungsfeld, Leitbild, Leitbild für (year), Leitlinien, Beschreibung, Querschnittsthemen, Anzahl Ziele, Anzahl Maßnahmen, Ampel |
//! | SWOT | SWOT analysis | Titel, Handlungsfeld (or the whole county), Themen, Stärken, Schwächen, Chancen, Risiken (one line per entry), Dokument |
//! | Zielsystem | goal, in tree order | Nr., Ziel (indented by level), Ebene, Handlungsfeld, Priorität, Schwerpunkte, Beschreibung, Indikatoren, Anzahl Maßnahmen, Ampel — sub-goals are grouped under their parent with Excel's row outline (fold with the buttons at the left) |
//! | Maßnahmen | measure | Nr., Maßnahme, Beschreibung, Handlungsfeld, Ziele (numbers), Federführung, Partner, Rolle des Kreises, Zeitraum (as written), Beginn, Ende (dates), Zeithorizont, Priorität, Status, Ampel, Letzte Aktualisierung (date), Kosten (EUR), Hinweis zu den Kosten, Förderung, Haushalt, Indikatoren, Meilensteine |
//! | Projektsteckbriefe | measure, as a block of label and value rows (for paper, A4 portrait; left out above 1,000 measures) | number and title, Handlungsfeld, Ziele, Beschreibung, Federführung, Partner, Rolle des Kreises, Zeitraum, Priorität, Status (with its date), Kosten, Förderung, Indikatoren, Meilensteine, Ampel |
//! | Indikatoren | indicator | Nr., Indikator, Einheit, Richtung, Ausgangswert, Stand Ausgangswert, Zielwert, Zieltermin, Zielart (angestrebt), Letzter Wert, Stand, Datum, Fortschritt, Soll-Fortschritt, Ampel, Hinweis zur Ampel, Quelle, Ziele und Maßnahmen, Beschreibung; below the table the values over time, four rows per indicator (Zeitraum, Datum, Ist-Wert, Zielwert), and to the right a line chart per indicator drawn from those rows |
//! | Beteiligung | event, in chronological order | Format, Titel, Zeitraum (as written), Beginn, Ende, Anzahl Termine, Dauer, Ort, Anlass, Zielgruppe, Teilnehmende, Anzahl, Handlungsfelder, Themen, Inhalte, Ergebnis, Dokumente, Teil von, Beschreibung |
//! | Herausforderungen | challenge met while writing or implementing the concept | Nr., Herausforderung, Einzelheiten (one line per point) |
//! | Akteure | actor | Name, Art, Funktion, Organisation, Mitglieder, Auftragnehmer, beauftragt von, Beschreibung, Anzahl, Internetadresse |
//! | Beschlüsse | step of a paper through a body | Beschluss, Art, Beschluss-Nr., Datum, Gremium, Ergebnis, Gegenstand, Beschlusstext, Aufträge (on the first printed page), Drucksache, Rolle, Geplant für (a date, or the period as written when no day is known), Sitzung, TOP, Ja, Nein, Enthaltungen, Befangen (empty when not counted), Haushalt, Anmerkung |
//! | Dokumente | document | Titel, Art, Datum (as written), Sortierdatum, Herausgeber, Ausgabe, Seiten, Autoren, Beschreibung, Internetadresse (a hyperlink), Dateityp |
//! | Prüfbericht | finding of the health report, most serious first | Schwere, Befund, Fundstelle (in words: Maßnahme L2 „Dorfentwicklung“), Empfehlung, Pfad (path), Prüfregel (code); path and code are not printed |
//!
//! Last comes the very hidden sheet `_kreisentwicklung` (Excel and
//! LibreOffice do not list it): the concept as JSON and the options the
//! workbook was written with, so that [`read`] gives the concept back
//! exactly, with the edits made in the tables.
//!
//! Coded values show their label from the code lists
//! ([`CodeList::label`]); references show what they point at (a goal's
//! number, an actor's name), or the raw id when the target does not exist —
//! the exporter does not require a valid concept, it only refuses what a
//! workbook cannot carry (see below).
//!
//! Fuzzy periods ("2. Halbjahr 2019") are written as text, as written, next
//! to real date cells for their first and last day, so that the table sorts
//! and filters by date.
//!
//! # Traffic lights and the Prüfbericht
//!
//! The Ampel columns, progress and expected progress come from
//! [`kreisentwicklung_core::monitoring`]; the Prüfbericht lists the findings
//! of [`kreisentwicklung_core::health`]. Both are judged as of one day, shown
//! on the Übersicht as "Stand der Auswertung":
//!
//! - [`Writer::today`], the format option [`TODAY`] (`today=2025-06-30`),
//!   when given;
//! - else the day of [`Timestamp::At`];
//! - the system clock's day for [`Timestamp::Now`];
//! - for [`Timestamp::Fixed`] (the default), so that the same concept always
//!   gives the same workbook, the latest date the concept records as done or
//!   measured: a dated status update, a consultation that took place, an
//!   observed value or a baseline (the last day of its period) — plans
//!   (measure periods, targets, planned meetings, events) do not count;
//!   2000-01-01 when there is none.
//!
//! Fortschritt is the unclamped progress from baseline to the final target
//! (1.2 is an overshoot); the light compares the clamped progress with the
//! Soll-Fortschritt expected by then.
//!
//! # Formatting
//!
//! - Every list is an Excel table with filter buttons and banded rows (in
//!   constant-memory mode, large ones a plain autofilter, see below); the
//!   header row is frozen and repeated on every printed page. Columns carry
//!   their format, so that values typed in later look alike.
//! - Column widths are computed from the text (the longest line, capped per
//!   column); long text wraps.
//! - Dates are date cells shown `dd.mm.yyyy`, amounts are numbers shown
//!   `#,##0.00 €`, progress is a percentage, counts are numbers (an estimate
//!   like "rund fünfzig" shows as "ca. 50" and is still the number 50).
//! - Status and priority columns have a drop-down list of the labels; status
//!   cells are coloured: umgesetzt green, in Bearbeitung yellow, noch nicht
//!   begonnen red; Ampel cells grün, gelb, rot, grau; Prüfbericht severities
//!   Fehler red, Warnung yellow, Hinweis grey.
//! - Print setup (see `print.rs`): A4 landscape; a table wider than the
//!   page is printed one page wide when that takes no less than 55 % (6 pt
//!   type), a wider one at 55 % over further pages (over, then down) with
//!   its first columns repeated; header with the title and the sheet,
//!   footer with the evaluation date and "Seite X von Y". Row heights are
//!   written from the text (LibreOffice does not fit rows; not on
//!   streamed sheets, see below).
//! - Document properties: title (the concept's title), subject (the kind and
//!   horizon), company (the county, "Landkreis Helmstedt").
//!
//! # Safety and limits
//!
//! - **No formulas from data.** Text is always written as text. Text that
//!   starts with `=`, `+`, `-` or `@` (or a tab or carriage return) gets
//!   Excel's quote prefix, so that it stays text when someone edits the cell
//!   or saves the sheet as CSV.
//! - **Characters XML cannot carry** (control characters other than tab and
//!   line breaks) are refused with [`ExportError::Limit`] naming the item
//!   when its cell is written (the workbook is only saved once every cell
//!   is written, so nothing reaches the writer), using the core validation's rules
//!   ([`is_xml_illegal`](kreisentwicklung_core::validate::is_xml_illegal)).
//! - **Cell text** longer than [`MAX_CELL_CHARS`] (32,767, counted in UTF-16
//!   code units as Excel does) is refused with [`ExportError::Limit`], e.g.
//!   `measures[W3].description: text has 32768 characters, …` — never
//!   truncated silently. This also applies to cells the workbook joins from
//!   several items (a measure's partners).
//! - **Rows**: a sheet that would need more than [`MAX_ROWS`] rows is an
//!   error naming the collection; columns beyond [`MAX_COLUMNS`] likewise.
//! - **Hyperlinks** are made only for `http`, `https` and `mailto` addresses
//!   of at most [`MAX_URL_CHARS`] characters, and at most
//!   [`MAX_HYPERLINKS_PER_SHEET`] per sheet; any other address is written as
//!   plain text.
//! - **Numbers** that are not finite (NaN, infinity) are an error naming the
//!   item. Dates before 1900, which Excel cannot hold, are written as text.
//! - **Sheet names** follow Excel's rules; [`sheet_name`] makes any text a
//!   valid name.
//! - **Charts**: at most [`MAX_CHARTS`] (the first indicators with values),
//!   or as many as the [`CHARTS`] option says.
//! - **Reproducible**: the same concept and options give a byte-identical
//!   file. The creation date in the document properties is 2000-01-01 for
//!   [`Timestamp::Fixed`] (the default), the given day for
//!   [`Timestamp::At`], and the current time for [`Timestamp::Now`].
//!
//! # Large catalogues: the workbook mode
//!
//! A sheet is written either in memory (until the file is saved) or
//! streamed: in `rust_xlsxwriter`'s constant-memory mode, where each row
//! goes to a temporary file as soon as the next one starts, so that the
//! memory the workbook needs does not grow with the number of rows — a
//! catalogue of 100,000 measures and more can be written. [`Writer::mode`]
//! (the format option `mode`) chooses which sheets are streamed, by their
//! number of rows (header included):
//!
//! | [`Mode`] | option | streamed sheets |
//! | --- | --- | --- |
//! | [`Mode::Auto`] (default) | `mode=auto` | from [`AUTO_STREAMED_FROM_ROWS`] (20,000) rows |
//! | [`Mode::Streaming`] | `mode=streaming`, `constant-memory` | from [`STREAMED_FROM_ROWS`] (2,000) rows |
//! | [`Mode::InMemory`] | `mode=in-memory`, `constant-memory=false` | none |
//!
//! **When the bytes differ.** Two modes give byte-identical files exactly
//! when they stream the same sheets, that is when no sheet has a number of
//! rows from which one of them streams and the other does not. A sheet's
//! rows are its header and one per item of its list (measures, actors,
//! findings of the Prüfbericht …); on the Indikatoren sheet one per
//! indicator plus one per value, on the Projektsteckbriefe 16 per measure
//! (at most 16,000: above 1,000 measures the sheet is left out). So a
//! workbook whose sheets all have fewer than 2,000 rows is the same in all
//! three modes (the seed counties are); one whose sheets all have fewer
//! than 20,000 rows is the same in the default and the in-memory mode
//! (generated concepts up to about 4,000 measures, whose Indikatoren sheet
//! has about 4.5 rows a measure); a larger sheet is streamed by default,
//! with the differences listed below. The finished file is streamed to the
//! output without being held in memory (in every mode).
//!
//! ```
//! use kreisentwicklung_core::generate::{generate, GeneratorOptions};
//! use kreisentwicklung_xlsx::{Mode, Writer};
//!
//! let concept = generate(&GeneratorOptions::new(2_000));
//! let mut xlsx = Vec::new(); // or a file
//! Writer::new().mode(Mode::Streaming).write(&concept, &mut xlsx)?;
//! # Ok::<(), kreisentwicklung_core::export::ExportError>(())
//! ```
//!
//! The trade-offs, for the streamed sheets:
//!
//! - **No Excel tables.** An Excel table makes `rust_xlsxwriter` keep an
//!   entry per cell of its range, which would grow with the rows
//!   (`rust_xlsxwriter` refuses tables in constant-memory mode). The lists
//!   get a plain autofilter instead: the same filter buttons, frozen and
//!   repeated header, drop-downs and coloured status, but no banded rows and
//!   no structured references.
//! - **Inline strings.** Text is stored in each cell instead of a shared
//!   table of strings, so files with much repeated text are larger.
//! - **Charts without cached values** on a streamed Indikatoren sheet. The
//!   charts read their data from the sheet as usual, but the file carries
//!   no copy of the values for them (`rust_xlsxwriter` fills that copy from
//!   rows in memory). Excel draws charts from the cells; applications that
//!   only read the copy show them empty.
//! - **Temporary files.** The rows go to files in the system's temporary
//!   directory (as `rust_xlsxwriter` places them), so it needs room for the
//!   uncompressed sheets, and saves no memory if it is a RAM disk.
//! - **No row outline** on a streamed goal system (2,000 goals and more;
//!   real ones have tens to hundreds): `rust_xlsxwriter` 0.102 writes no
//!   outline levels in constant-memory mode. The goals are still indented.
//! - **No row heights** for wrapped text on streamed sheets (only the
//!   header row's): `rust_xlsxwriter` 0.102 writes the last row twice when
//!   it has one. Excel fits the rows when it opens the file; LibreOffice
//!   shows one line per row.
//! - **What it holds**: besides the concept itself (passed in memory), no
//!   row, cell or finding: traffic lights are evaluated when their row is
//!   written and the Prüfbericht's findings handed over one at a time. What
//!   is held per item are position tables for the lookups by id (5 bytes a
//!   slot), the measure–indicator links, and the evaluation of goals and
//!   fields of action. Measured on generated concepts (release build,
//!   `examples/xlsx_memory.rs`): about 8 MB besides the concept at 10,000
//!   measures, 12 MB at 100,000 and at 230,000 (the most a workbook of that
//!   shape holds) — against 200 MB and 2 GB in [`Mode::InMemory`].
//!
//! Column widths are computed from the text in both modes; the workbook
//! never relies on `rust_xlsxwriter`'s autofit, which constant-memory mode
//! cannot do.
//!
//! # Threads
//!
//! The sheets are written on several threads at once, each sheet by one
//! thread: by default as many as the machine has cores, at most
//! [`MAX_DEFAULT_THREADS`]; [`Writer::threads`] sets the number (1 writes
//! everything on the calling thread). The file is byte for byte the same
//! with any number of threads: finished sheets are added to the workbook
//! in their order, and every cell format a streamed sheet can use is
//! registered in a fixed order before the first one is written. An error
//! is the one the first failing sheet gives, as with one thread. The saved
//! file is compressed on the calling thread after all sheets are done.
//!
//! ```
//! use kreisentwicklung_core::generate::{generate, GeneratorOptions};
//! use kreisentwicklung_xlsx::Writer;
//!
//! let concept = generate(&GeneratorOptions::new(300));
//! let one = Writer::new().threads(1).to_vec(&concept)?;
//! let four = Writer::new().threads(4).to_vec(&concept)?;
//! assert_eq!(one, four);
//! # Ok::<(), kreisentwicklung_core::export::ExportError>(())
//! ```

#![forbid(unsafe_code)]

mod book;
mod ctx;
mod evaluation;
mod formats;
mod metrics;
mod names;
mod print;
pub mod read;
mod sheet;
mod sheets;
mod writer;

use std::io::Write;

use kreisentwicklung_core::export::{
    ExportError, ExportOptions, Format, FormatInfo, OptionSpec, Requirement, Timestamp,
};
use kreisentwicklung_core::{CodeList, Concept, Language};
use rust_xlsxwriter::{DocProperties, ExcelDateTime};

pub use names::{sheet_name, MAX_SHEET_NAME_LEN};
pub use writer::{Mode, Writer, MAX_DEFAULT_THREADS};

/// The format id, `"xlsx"`.
pub const FORMAT_ID: &str = "xlsx";

/// The media type of XLSX files.
pub const MEDIA_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The format option that selects the [`Mode`]: `auto`, `streaming` or
/// `in-memory`.
pub const MODE: &str = "mode";

/// The format option that selects [`Mode::Streaming`] (a flag; `false` selects
/// [`Mode::InMemory`]), kept as a shorthand for [`MODE`].
pub const CONSTANT_MEMORY: &str = "constant-memory";

/// The format option that sets the evaluation date of traffic lights and
/// the health report (`yyyy-mm-dd`).
pub const TODAY: &str = "today";

/// The format option that sets how many indicators get a chart (a number,
/// [`MAX_CHARTS`] when not given, `0` for none).
pub const CHARTS: &str = "charts";

/// The format option that sets how many threads write the sheets (a
/// number, at least 1; [`Writer::threads`]). The file is the same with
/// any number.
pub const THREADS: &str = "threads";

/// In [`Mode::Streaming`], sheets of at least this many rows are streamed;
/// smaller ones are kept in memory (with Excel tables and chart caches),
/// which bounds their memory by this number.
pub const STREAMED_FROM_ROWS: usize = 2_000;

/// In [`Mode::Auto`], the default, sheets of at least this many rows are
/// streamed: the concepts counties write (tens to hundreds of measures) and
/// generated ones up to about 4,000 measures keep every Excel table, and no
/// sheet kept in memory has more rows than this, while a large catalogue is
/// written in bounded memory (BENCHMARKS.md: a few MiB besides the concept
/// at 100,000 measures) without anyone having to ask.
pub const AUTO_STREAMED_FROM_ROWS: usize = 20_000;

/// The most characters a cell holds, counted in UTF-16 code units.
pub const MAX_CELL_CHARS: usize = 32_767;

/// The most rows a worksheet has.
pub const MAX_ROWS: u32 = 1_048_576;

/// The most columns a worksheet has.
pub const MAX_COLUMNS: u16 = 16_384;

/// The longest web address made a hyperlink; longer ones are written as text.
pub const MAX_URL_CHARS: usize = 2_079;

/// The most hyperlinks per sheet; further addresses are written as text.
pub const MAX_HYPERLINKS_PER_SHEET: usize = 65_530;

/// How many indicator charts a workbook has unless the [`CHARTS`] option
/// says otherwise (the first indicators with values get one): a chart per
/// indicator for the concepts councils read, without thousands of drawings in
/// a generated catalogue.
pub const MAX_CHARTS: usize = 100;

pub(crate) const OPTIONS: &[OptionSpec] = &[
    OptionSpec {
        name: CONSTANT_MEMORY,
        is_flag: true,
        help: "stream every sheet of 2,000 rows or more row by row through temporary files, so \
               that memory does not grow with the number of rows; those lists get plain \
               autofilters instead of Excel tables (the same as mode=streaming; \
               constant-memory=false is mode=in-memory)",
    },
    OptionSpec {
        name: MODE,
        is_flag: false,
        help: "which sheets are streamed through temporary files: auto (those of 20,000 rows or \
               more), streaming (2,000 rows or more) or in-memory (none; every list keeps its \
               Excel table, memory grows with the rows) [default: auto]",
    },
    OptionSpec {
        name: TODAY,
        is_flag: false,
        help: "the date (YYYY-MM-DD) traffic lights and the Prüfbericht are judged on \
               [default: the --timestamp day; with the fixed timestamp the latest date the \
               concept records; with `now` today]",
    },
    OptionSpec {
        name: CHARTS,
        is_flag: false,
        help: "how many indicators get a chart of their values against the target, the first \
               ones with values [default: 100; 0 for none]",
    },
    OptionSpec {
        name: THREADS,
        is_flag: false,
        help: "how many threads write the sheets, each sheet on one; the file is the same \
               with any number [default: the number of cores, at most 4; 1 for none besides \
               the calling one]",
    },
];

/// The council workbook exporter (format id `"xlsx"`): a thin adapter from
/// [`ExportOptions`] to [`Writer`] ([`Writer::from_options`]). It requires
/// nothing of the concept
/// ([`Exporter::requires`](kreisentwicklung_core::export::Exporter::requires)
/// is [`Requirement::Nothing`]).
/// See the [crate documentation](crate) for the sheets, the formatting and
/// the limits.
#[derive(Debug, Clone, Copy, Default)]
pub struct XlsxExporter;

impl Format for XlsxExporter {
    const INFO: FormatInfo = FormatInfo {
        id: FORMAT_ID,
        extension: "xlsx",
        media_type: MEDIA_TYPE,
        description: "council workbook (Excel, LibreOffice): overview, fields, goal tree, \
                      measures, indicators with charts, participation, actors, resolutions, \
                      documents",
        binary: true,
        requires: Requirement::Nothing,
        options: OPTIONS,
    };
    type Writer = Writer;

    /// Accepts `mode` with `auto`, `streaming` or `in-memory`,
    /// `constant-memory` with the values `""`, `true`, `yes`, `1`
    /// (on) and `false`, `no`, `0` (off), `today` with a date `yyyy-mm-dd`,
    /// `charts` with a number and `threads` with a number of at least 1;
    /// see [`Writer::from_options`].
    fn writer(&self, options: &ExportOptions) -> Result<Writer, ExportError> {
        Writer::from_options(options)
    }

    fn write_with(
        &self,
        writer: Writer,
        concept: &Concept,
        out: &mut (dyn Write + Send),
        _: &ExportOptions,
    ) -> Result<(), ExportError> {
        writer.write(concept, out)
    }
}

/// Title, subject, company and creation date.
fn properties(
    concept: &Concept,
    lang: Language,
    timestamp: Timestamp,
) -> Result<DocProperties, ExportError> {
    let mut subject = concept.kind.label(lang).to_owned();
    if let Some(h) = concept.horizon {
        subject.push(' ');
        subject.push_str(&h.to_string());
    }
    let category = names::tr(lang, "Kreisentwicklung", "County development");
    // The same limits as for cells: the properties are XML too. (Every
    // other text is checked by the sheet writer as its cell is written, so
    // the workbook needs no separate pass over the concept.)
    sheet::check_text(concept.title.as_str(), || "title".to_owned())?;
    let company = concept.territory.display_name();
    sheet::check_text(&company, || "territory".to_owned())?;
    let props = DocProperties::new()
        .set_title(concept.title.text.as_str())
        .set_subject(subject)
        .set_company(company)
        .set_category(category);
    let day = match timestamp {
        Timestamp::Fixed => Some((2000, 1, 1)),
        Timestamp::At(d) => Some((d.year(), d.month(), d.day())),
        Timestamp::Now => None,
    };
    Ok(match day {
        None => props,
        Some((y, m, d)) => {
            let created = u16::try_from(y)
                .ok()
                .and_then(|y| ExcelDateTime::from_ymd(y, m, d).ok())
                .ok_or_else(|| ExportError::Format {
                    format: FORMAT_ID.to_owned(),
                    message: format!(
                        "cannot date the workbook {y:04}-{m:02}-{d:02}: workbooks are dated 1900 to 9999"
                    ),
                    source: None,
                })?;
            props.set_creation_datetime(&created)
        }
    })
}
