//! A vendor adds its own export format without forking the library: the
//! measure catalogue (Projektkatalog) as CSV, one row per measure.
//!
//! ```text
//! cargo run --example vendor_csv                          # a generated catalogue
//! cargo run --example vendor_csv -- concept.json ";"      # a JSON document, ';' for German spreadsheets
//! ```
//!
//! The exporter implements [`Format`]: its metadata as a [`FormatInfo`]
//! (with what it needs of a concept, [`Requirement::Nothing`]: ids and
//! titles are written as they are, a dangling reference too) and its
//! options turned once into a typed writer (the separator). That makes it
//! an [`Exporter`](kreisentwicklung::export::Exporter), registered on
//! [`kreisentwicklung::registry()`] next to the built-in formats and then
//! used by id, like them; the registry checks the options before it is
//! called. (A format that does not fit this shape implements `Exporter`
//! directly.) `tests/vendor_format.rs` tests this very file.

use std::io::Write;

use kreisentwicklung::export::{
    check_known_options, ExportError, ExportOptions, Format, FormatInfo, OptionSpec, Requirement,
};
use kreisentwicklung::{generate, CodeList, Concept, Language};

/// The measure catalogue as CSV (RFC 4180, UTF-8, CRLF line ends).
pub struct MeasureCsv;

const OPTIONS: &[OptionSpec] = &[OptionSpec {
    name: "delimiter",
    is_flag: false,
    help: "field separator: \",\" (default) or \";\" for German spreadsheets",
}];

impl Format for MeasureCsv {
    const INFO: FormatInfo = FormatInfo {
        id: "csv",
        extension: "csv",
        media_type: "text/csv; charset=utf-8",
        description: "measure catalogue as CSV",
        binary: false,
        // Ids and titles are written as they are, a dangling reference too.
        requires: Requirement::Nothing,
        options: OPTIONS,
    };
    /// The field separator.
    type Writer = char;

    /// The separator from the options, checked once before anything is
    /// written.
    fn writer(&self, options: &ExportOptions) -> Result<char, ExportError> {
        check_known_options(Self::INFO.id, OPTIONS, options)?;
        match options.format_options.get("delimiter").map(String::as_str) {
            None | Some(",") => Ok(','),
            Some(";") => Ok(';'),
            Some(value) => Err(ExportError::Option {
                format: Self::INFO.id.to_owned(),
                name: "delimiter".to_owned(),
                message: format!("{value:?} is not \",\" or \";\""),
            }),
        }
    }

    fn write_with(
        &self,
        sep: char,
        c: &Concept,
        out: &mut (dyn Write + Send),
        options: &ExportOptions,
    ) -> Result<(), ExportError> {
        // The language asked for, else the concept's own.
        let lang = options.language_for(c);
        let header: &[&str] = match lang {
            Language::En => &[
                "No.",
                "Id",
                "Title",
                "Goals",
                "Lead",
                "Period",
                "Priority",
                "Status",
                "Costs (EUR)",
            ],
            _ => &[
                "Nr.",
                "Id",
                "Titel",
                "Ziele",
                "Federführung",
                "Zeitraum",
                "Priorität",
                "Status",
                "Kosten (EUR)",
            ],
        };
        write_row(out, sep, header.iter().map(|h| field(h, sep)))?;
        for m in &c.measures {
            let goals: Vec<&str> = m.goals.iter().map(|g| g.as_str()).collect();
            let lead = m.lead.as_ref().map(|id| {
                c.actor(id.as_str())
                    .map_or(id.as_str(), |a| a.name.get_or_main(lang.tag()))
            });
            // Numbers are written as numbers (a leading "-" is a sign, not a formula).
            let costs = m.costs.as_ref().and_then(|k| k.amount).map(|a| {
                let (sign, cents) = (
                    if a.cents() < 0 { "-" } else { "" },
                    a.cents().unsigned_abs(),
                );
                format!("{sign}{}.{:02}", cents / 100, cents % 100)
            });
            write_row(
                out,
                sep,
                [
                    field(m.number.as_deref().unwrap_or(""), sep),
                    field(m.id.as_str(), sep),
                    field(m.title.get_or_main(lang.tag()), sep),
                    field(&goals.join(" "), sep),
                    field(lead.unwrap_or(""), sep),
                    field(
                        &m.period.as_ref().map(|p| p.to_string()).unwrap_or_default(),
                        sep,
                    ),
                    field(m.priority.map_or("", |p| p.label(lang)), sep),
                    field(m.status.map_or("", |s| s.label(lang)), sep),
                    costs.unwrap_or_default(),
                ],
            )?;
        }
        Ok(())
    }
}

fn write_row(
    out: &mut (dyn Write + Send),
    sep: char,
    fields: impl IntoIterator<Item = String>,
) -> std::io::Result<()> {
    let line: Vec<String> = fields.into_iter().collect();
    write!(out, "{}\r\n", line.join(&sep.to_string()))
}

/// A text field: a leading `= + - @`, tab or CR is neutralised with `'` so
/// that spreadsheets do not run it as a formula; a field with the
/// separator, a quote or a line break is quoted, quotes doubled.
pub fn field(text: &str, sep: char) -> String {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let text = if formula {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if formula || text.contains([sep, '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let concept = match args.next() {
        Some(path) => kreisentwicklung::json::from_reader(std::fs::File::open(path)?)?,
        // A realistic synthetic catalogue of eight measures.
        None => generate::generate(&generate::GeneratorOptions::new(8)),
    };
    let mut options = ExportOptions::default();
    if let Some(sep) = args.next() {
        options = options.option("delimiter", sep);
    }

    let mut registry = kreisentwicklung::registry();
    registry.register(MeasureCsv);
    let mut stdout = std::io::stdout();
    registry.export("csv", &concept, &mut stdout, &options)?;
    Ok(())
}
