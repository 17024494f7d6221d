//! The typed workbook writer, and the one place the string options of
//! [`ExportOptions`] are turned into it.

use std::io::Write;

use kreisentwicklung_core::export::{self, ExportError, ExportOptions, Timestamp};
use kreisentwicklung_core::{Concept, Date, Language};
use rust_xlsxwriter::{Workbook, XlsxError};

use crate::{book, ctx, evaluation, formats, sheet, sheets};
use crate::{CHARTS, CONSTANT_MEMORY, FORMAT_ID, MAX_CHARTS, MODE, OPTIONS, THREADS, TODAY};

/// How the sheets are written: kept in memory until the file is saved, or
/// streamed row by row through temporary files (`rust_xlsxwriter`'s
/// constant-memory mode). See the
/// [crate documentation](crate#large-catalogues-the-workbook-mode) for what
/// streaming changes in the file and exactly when the modes give different
/// bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Mode {
    /// The default: a sheet of at least
    /// [`AUTO_STREAMED_FROM_ROWS`](crate::AUTO_STREAMED_FROM_ROWS) rows is
    /// streamed, smaller ones are kept in memory. A workbook without such a
    /// sheet is byte for byte the one of [`Mode::InMemory`].
    #[default]
    Auto,
    /// Every sheet of at least
    /// [`STREAMED_FROM_ROWS`](crate::STREAMED_FROM_ROWS) rows is streamed
    /// (the format option `constant-memory`, [`Writer::constant_memory`]).
    Streaming,
    /// No sheet is streamed: every sheet keeps its Excel table and chart
    /// caches, and memory grows with the rows (about 2 GB at 100,000
    /// measures).
    InMemory,
}

impl Mode {
    /// The name of the mode as the format option [`MODE`] takes it:
    /// `auto`, `streaming`, `in-memory`.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Auto => "auto",
            Mode::Streaming => "streaming",
            Mode::InMemory => "in-memory",
        }
    }

    /// The fewest rows a sheet has to have to be streamed in this mode, or
    /// `None` when no sheet is.
    pub fn streamed_from_rows(self) -> Option<usize> {
        match self {
            Mode::Auto => Some(crate::AUTO_STREAMED_FROM_ROWS),
            Mode::Streaming => Some(crate::STREAMED_FROM_ROWS),
            Mode::InMemory => None,
        }
    }
}

impl std::str::FromStr for Mode {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim() {
            "auto" => Ok(Mode::Auto),
            "streaming" => Ok(Mode::Streaming),
            "in-memory" => Ok(Mode::InMemory),
            _ => Err(format!(
                "{s:?} is not a workbook mode: use auto, streaming or in-memory"
            )),
        }
    }
}

/// The most threads [`Writer::threads`] uses by default: the largest sheet
/// (Maßnahmen or Indikatoren) takes most of the time, so more threads than
/// this shorten little and hold more memory.
pub const MAX_DEFAULT_THREADS: usize = 4;

/// The number of cores, at most [`MAX_DEFAULT_THREADS`].
fn default_threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(MAX_DEFAULT_THREADS)
}

/// The council workbook writer, configured the way `rust_xlsxwriter` and
/// arrow's `WriterBuilder` are: start from [`Writer::new`] and change what
/// you need.
///
/// ```
/// use kreisentwicklung_core::*;
/// use kreisentwicklung_xlsx::{Mode, Writer};
///
/// let concept = Concept::new("kek", "KEK 2030", ConceptKind::Kek, Territory::landkreis("Helmstedt"));
/// let mut xlsx = Vec::new();
/// Writer::new()
///     .mode(Mode::Streaming) // or .constant_memory(true)
///     .charts(50)
///     .today(Date::from_ymd(2025, 6, 30)?)
///     .write(&concept, &mut xlsx)?;
/// assert_eq!(&xlsx[..2], b"PK");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Writer {
    language: Option<Language>,
    timestamp: Timestamp,
    mode: Mode,
    charts: usize,
    today: Option<Date>,
    threads: usize,
}

impl Default for Writer {
    fn default() -> Self {
        Writer::new()
    }
}

impl Writer {
    /// The defaults: labels in the concept's language, the fixed creation
    /// date, [`Mode::Auto`], [`MAX_CHARTS`] charts, traffic lights judged as of
    /// the latest date the concept records.
    pub fn new() -> Self {
        Writer {
            language: None,
            timestamp: Timestamp::Fixed,
            mode: Mode::Auto,
            charts: MAX_CHARTS,
            today: None,
            threads: default_threads(),
        }
    }

    /// Labels and sheet names in this language instead of the concept's
    /// own ([`ExportOptions::language_for`]).
    #[must_use]
    pub fn language(mut self, language: Language) -> Self {
        self.language = Some(language);
        self
    }

    /// The creation date in the document properties (and, unless
    /// [`Writer::today`] is given, the evaluation date; see the
    /// [crate documentation](crate#traffic-lights-and-the-prüfbericht)).
    #[must_use]
    pub fn timestamp(mut self, timestamp: Timestamp) -> Self {
        self.timestamp = timestamp;
        self
    }

    /// How the sheets are written (the option [`MODE`]); see [`Mode`].
    #[must_use]
    pub fn mode(mut self, mode: Mode) -> Self {
        self.mode = mode;
        self
    }

    /// A shorthand for [`Writer::mode`] (the option [`CONSTANT_MEMORY`]):
    /// `true` is [`Mode::Streaming`], `false` is [`Mode::InMemory`]; see the
    /// [crate documentation](crate#large-catalogues-the-workbook-mode).
    #[must_use]
    pub fn constant_memory(mut self, on: bool) -> Self {
        self.mode = if on { Mode::Streaming } else { Mode::InMemory };
        self
    }

    /// How many indicators get a chart, the first ones with values (the
    /// option [`CHARTS`]; 0 for none).
    #[must_use]
    pub fn charts(mut self, charts: usize) -> Self {
        self.charts = charts;
        self
    }

    /// The day traffic lights and the Prüfbericht are judged on (the option
    /// [`TODAY`]).
    #[must_use]
    pub fn today(mut self, today: Date) -> Self {
        self.today = Some(today);
        self
    }

    /// How many threads write the sheets, the calling one included (at
    /// least 1). Each sheet is written by one thread; the file is the same
    /// with any number (see the
    /// [crate documentation](crate#threads)). The default is the number of
    /// cores, at most [`MAX_DEFAULT_THREADS`]; use 1 where the caller runs
    /// its own threads and wants the export on the calling one.
    #[must_use]
    pub fn threads(mut self, threads: usize) -> Self {
        self.threads = threads.max(1);
        self
    }

    /// The writer for export options: language and timestamp, and the
    /// format options [`MODE`] (`auto`, `streaming` or `in-memory`),
    /// [`THREADS`] (a number, at least 1),
    /// [`CONSTANT_MEMORY`] (a switch: empty, `true`, `yes`, `1` for
    /// [`Mode::Streaming`] or `false`, `no`, `0` for [`Mode::InMemory`];
    /// the later of the two options counts), [`TODAY`] (`yyyy-mm-dd`) and [`CHARTS`]
    /// (a number). Any other option, or a value that does not fit, is an
    /// [`ExportError::Option`] naming the option and what it takes.
    pub fn from_options(options: &ExportOptions) -> Result<Self, ExportError> {
        let mut writer = Writer::new().timestamp(options.timestamp);
        writer.language = options.language;
        for (name, value) in &options.format_options {
            let bad = |message: String| ExportError::Option {
                format: FORMAT_ID.to_owned(),
                name: name.clone(),
                message,
            };
            match name.as_str() {
                CONSTANT_MEMORY => {
                    writer = match value.trim() {
                        "" | "true" | "yes" | "1" => writer.constant_memory(true),
                        "false" | "no" | "0" => writer.constant_memory(false),
                        _ => {
                            return Err(bad(format!(
                                "{value:?} is not a switch value: use true or false"
                            )))
                        }
                    }
                }
                MODE => writer.mode = value.parse().map_err(bad)?,
                TODAY => {
                    let day = value
                        .trim()
                        .parse::<Date>()
                        .map_err(|e| bad(format!("{e}; expected a date written yyyy-mm-dd")))?;
                    writer.today = Some(day);
                }
                CHARTS => {
                    writer.charts = value.trim().parse().map_err(|_| {
                        bad(format!("{value:?} is not a number of charts (0, 1, 2, …)"))
                    })?;
                }
                THREADS => {
                    writer = match value.trim().parse() {
                        Ok(n) if n > 0 => writer.threads(n),
                        _ => {
                            return Err(bad(format!(
                                "{value:?} is not a number of threads (1, 2, …)"
                            )))
                        }
                    }
                }
                _ => return Err(export::unknown_option(FORMAT_ID, name, OPTIONS)),
            }
        }
        Ok(writer)
    }

    /// Writes the workbook of `concept` to `out`. Nothing reaches `out`
    /// until every cell is written, so a refused cell (see the
    /// [crate documentation](crate#safety-and-limits)) leaves it untouched.
    pub fn write<W: Write + Send>(&self, concept: &Concept, mut out: W) -> Result<(), ExportError> {
        let lang = self
            .language
            .unwrap_or_else(|| export::concept_language(concept));
        let today = evaluation::evaluation_date(concept, self.today, self.timestamp);
        let mut ctx = ctx::Ctx::new(concept, lang, false, today);
        ctx.mode = self.mode;
        ctx.max_charts = self.charts;

        let mut workbook = Workbook::new();
        workbook
            .set_default_format(
                &ctx.fmt.base,
                formats::DEFAULT_ROW_PX,
                formats::DEFAULT_COL_PX,
            )
            .map_err(sheet::xlsx_err)?;
        workbook.set_properties(&crate::properties(concept, lang, self.timestamp)?);
        let book = book::Book::new(&mut workbook, &ctx.fmt, sheets::COUNT);
        sheets::write_all(&ctx, book, self.threads)?;
        // `rust_xlsxwriter` streams the zip file into any `Write + Send`.
        match workbook.save_to_writer(&mut out) {
            Ok(()) => {}
            Err(XlsxError::IoError(e)) => return Err(ExportError::Io(e)),
            Err(e) => return Err(ExportError::format(FORMAT_ID, e)),
        }
        out.flush()?;
        Ok(())
    }

    /// The workbook as bytes; see [`Writer::write`].
    pub fn to_vec(&self, concept: &Concept) -> Result<Vec<u8>, ExportError> {
        let mut out = Vec::new();
        self.write(concept, &mut out)?;
        Ok(out)
    }
}
