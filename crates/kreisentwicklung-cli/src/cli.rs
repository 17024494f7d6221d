//! The command line: subcommands, arguments and their parsers.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use kreisentwicklung::export::Timestamp;
use kreisentwicklung::{Date, Language};

/// Export, validate and check county development concepts
/// (Kreisentwicklungskonzept).
#[derive(Debug, Parser)]
#[command(
    name = "kreisentwicklung",
    version,
    about = "Export, validate and check county development concepts (Kreisentwicklungskonzept)",
    long_about = "Export, validate and check county development concepts (Kreisentwicklungskonzept).\n\n\
        Inputs are concept documents in JSON or XML, recognised by their content; five seed \
        counties are built in (see `kreisentwicklung examples`).",
    after_help = "Examples:\n  \
        kreisentwicklung export --example nordsachsen --format xlsx -o nordsachsen.xlsx\n  \
        kreisentwicklung validate data/*.json\n  \
        kreisentwicklung export data/*.json --format xml --out-dir out\n\n\
        Exit codes: 0 success, 1 invalid input or failed export (check: a finding of severity \
        error), 2 usage error or unreadable input.\n\n\
        Limits: inputs are regular files or - (standard input), at most 1 GiB unless \
        --max-input-size says otherwise; FIFOs, devices and directories are refused (exit 2). \
        Outputs are written to a hidden temporary file .NAME.XXXXXXXX.tmp beside them and \
        renamed into place when complete (removed on errors and Ctrl-C; only kill -9 can leave \
        one); an existing output keeps its permissions; devices, FIFOs and /dev/... paths are \
        written in place. A closed standard output is an error (exit 2). generate makes at \
        most 1000000 measures; --timestamp takes dates from 1900-01-01 to 9999-12-31.",
    propagate_version = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Export concept documents or built-in examples to JSON, XML or XLSX.
    #[command(
        long_about = "Export concept documents (JSON or XML, recognised by content) or built-in \
            examples to a format of `kreisentwicklung formats`.\n\n\
            Without -o the output goes next to the input with the format's extension \
            (data/x.json → data/x.xlsx); an example goes to NAME.EXT in the current \
            directory. The tool never overwrites an input: choose another name with -o or \
            --out-dir. `-o -` writes JSON or XML to standard output.",
        after_help = "Examples:\n  \
            kreisentwicklung export --example nordsachsen --format xlsx -o nordsachsen.xlsx\n  \
            kreisentwicklung export data/hildesheim.json --format xml\n  \
            kreisentwicklung export data/hildesheim.xml --format json --compact -o -\n  \
            kreisentwicklung export data/*.json --format xlsx --constant-memory --out-dir out\n\n\
            Exit codes: 0 all exported, 1 an input is invalid or an export failed, \
            2 usage error or unreadable input."
    )]
    Export(ExportArgs),

    /// Validate concept documents and print every problem.
    #[command(
        long_about = "Validate concept documents (JSON or XML, recognised by content). Every \
            problem is printed on standard output, one line each: file, path and message.",
        after_help = "Example:\n  \
            kreisentwicklung validate data/x.json data/y.xml\n  \
            data/x.json: measures[W3].goals[1]: refers to goal \"z9\", which does not exist\n\n\
            Exit codes: 0 all valid, 1 an input is invalid or unparseable, 2 usage error or \
            unreadable input (missing file, a directory)."
    )]
    Validate(ValidateArgs),

    /// Read an edited council workbook back (update mode with --onto).
    #[command(after_help = "Example:\n  \
            kreisentwicklung import edited.xlsx --onto concept.json -o updated.json\n  \
            measures[W3].status: inProgress → completed (Maßnahmen!N14)\n\n\
            Exit codes: 0 read and written, 1 a cell or the result is invalid (nothing written), \
            2 usage error or unreadable input.")]
    Import(crate::import::ImportArgs),

    /// Print the shipped JSON Schema or XSD.
    #[command(
        long_about = "Print the shipped schema of concept documents, byte for byte as in \
            schemas/: the JSON Schema (draft 2020-12) or the XML Schema (XSD).",
        after_help = "Examples:\n  \
            kreisentwicklung schema --format json > kreisentwicklung.schema.json\n  \
            kreisentwicklung schema --format xsd > kreisentwicklung.xsd"
    )]
    Schema(SchemaArgs),

    /// List the export formats: id, extension and media type.
    #[command(
        long_about = "List the registered export formats, one a line: id, file extension and \
            media type, separated by tabs.",
        after_help = "Example:\n  \
            kreisentwicklung formats\n  \
            json\tjson\tapplication/json"
    )]
    Formats,

    /// List the built-in seed counties.
    #[command(
        long_about = "List the built-in seed counties, one a line: the name to give to \
            --example and the county's name, separated by a tab.",
        after_help = "Example:\n  \
            kreisentwicklung examples\n  \
            nordsachsen\tLandkreis Nordsachsen"
    )]
    Examples,

    /// Write a synthetic concept of any size (for tests and benchmarks).
    #[command(
        long_about = "Write a synthetic, valid concept with the given number of measures. The \
            format follows the extension of the output file (.json, .xml or .xlsx). The same \
            seed always gives the same concept.",
        after_help = "Example:\n  \
            kreisentwicklung generate --measures 1000 --seed 7 -o big.json\n  \
            kreisentwicklung validate big.json"
    )]
    Generate(GenerateArgs),

    /// Check the health of a concept: overdue measures, missing data and more.
    #[command(
        long_about = "Check the health of a concept (a document or a built-in example): \
            findings such as overdue measures or indicators without observations, with a \
            severity, a code, a path and a message. Dates are judged against --today, by \
            default the latest date the concept records (as in the workbook).",
        after_help = "Examples:\n  \
            kreisentwicklung check data/hildesheim.json\n  \
            kreisentwicklung check --example nordsachsen --json --today 2025-01-01\n\n\
            Exit codes: 0 no finding of severity error, 1 a finding of severity error or an \
            invalid input, 2 usage error or unreadable input."
    )]
    Check(CheckArgs),

    /// Read OParl papers (with consultations, meetings, agenda items) into resolutions.
    #[command(
        long_about = "Read OParl 1.x papers, with their consultations, meetings and agenda \
            items, from one or more JSON files (single objects, list pages, or the document of \
            `export --format oparl`) into resolutions: a JSON array, or added to a concept \
            with --into. What maps only roughly is reported as a warning.",
        after_help = "Examples:\n  \
            kreisentwicklung import-oparl paper-749.json meeting-281.json\n  \
            kreisentwicklung import-oparl papers.json --into data/x.json -o data/x-new.json\n\n\
            Exit codes: 0 read, 1 input that does not map or an invalid result, 2 usage error \
            or unreadable input."
    )]
    ImportOparl(ImportOparlArgs),
}

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Concept documents to export (JSON or XML, recognised by content);
    /// `-` reads standard input (then give -o).
    #[arg(value_name = "INPUT", required_unless_present = "example")]
    pub inputs: Vec<PathBuf>,

    /// A built-in seed county to export instead (see `kreisentwicklung examples`);
    /// repeatable.
    #[arg(long, value_name = "NAME", value_parser = parse_example)]
    pub example: Vec<String>,

    /// The output format: json, xml or xlsx (see `kreisentwicklung formats`).
    #[arg(short, long, value_name = "FORMAT", value_parser = parse_format)]
    pub format: String,

    /// Language of labels and headings [default: the concept's language].
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,

    /// The output file, or `-` for standard output (JSON and XML only).
    #[arg(
        short = 'o',
        long = "output",
        value_name = "OUT",
        conflicts_with = "out_dir"
    )]
    pub output: Option<PathBuf>,

    /// Write every output into this directory (created if missing), named after
    /// its input.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// XLSX: stream every sheet of 2,000 rows or more straight to disk (the
    /// option mode=streaming). Without it, sheets of 20,000 rows or more are
    /// streamed (mode=auto), which keeps memory low for large concepts.
    #[arg(long, conflicts_with = "in_memory")]
    pub constant_memory: bool,

    /// XLSX: keep every sheet in memory (the option mode=in-memory), so
    /// that every list is an Excel table; memory grows with the rows (about
    /// 2 GB at 100,000 measures).
    #[arg(long)]
    pub in_memory: bool,

    /// A format-specific option, passed to the exporter; repeatable.
    #[arg(long = "option", value_name = "NAME=VALUE", value_parser = parse_option)]
    pub options: Vec<(String, String)>,

    /// JSON and XML: compact instead of indented output.
    #[arg(long)]
    pub compact: bool,

    /// The creation date written into the output: `now` or YYYY-MM-DD from
    /// 1900-01-01 to 9999-12-31, for every format [default: a fixed date, so
    /// that the same input gives the same output].
    #[arg(long, value_name = "now|YYYY-MM-DD", value_parser = parse_timestamp)]
    pub timestamp: Option<Timestamp>,

    /// The input size limit.
    #[command(flatten)]
    pub limit: InputLimit,
}

/// `--max-input-size`, shared by the subcommands that read documents.
#[derive(Debug, Args)]
pub struct InputLimit {
    /// The largest input read, in bytes or with a binary suffix (K, M, G:
    /// 1K = 1024 bytes); a larger file, a growing one or an endless standard
    /// input is refused with exit code 2.
    #[arg(long, value_name = "SIZE", default_value = "1G", value_parser = parse_size)]
    pub max_input_size: u64,
}

/// Arguments of `validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Concept documents to validate (JSON or XML, recognised by content);
    /// `-` reads standard input.
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,

    /// The input size limit.
    #[command(flatten)]
    pub limit: InputLimit,
}

/// Arguments of `schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which schema: the JSON Schema or the XML Schema.
    #[arg(short, long, value_enum, value_name = "FORMAT")]
    pub format: SchemaFormat,
}

/// Arguments of `generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Number of measures, at most 1000000.
    #[arg(long, value_name = "N")]
    pub measures: usize,

    /// The seed; the same seed gives the same concept.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,

    /// The output file; its extension (.json, .xml, .xlsx) chooses the format.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
}

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The concept document to check (JSON or XML, recognised by content).
    #[arg(
        value_name = "INPUT",
        required_unless_present = "example",
        conflicts_with = "example"
    )]
    pub input: Option<PathBuf>,

    /// A built-in seed county to check instead (see `kreisentwicklung examples`).
    #[arg(long, value_name = "NAME", value_parser = parse_example)]
    pub example: Option<String>,

    /// Print the findings as a JSON array of objects with severity, code, path
    /// and message.
    #[arg(long)]
    pub json: bool,

    /// Language of the messages [default: the concept's language].
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,

    /// The date to judge deadlines against [default: the latest date the concept records].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<Date>,

    /// The input size limit.
    #[command(flatten)]
    pub limit: InputLimit,
}

/// A language for labels and messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// German.
    De,
    /// English.
    En,
}

impl From<Lang> for Language {
    fn from(lang: Lang) -> Language {
        match lang {
            Lang::De => Language::De,
            Lang::En => Language::En,
        }
    }
}

/// Which schema `schema` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaFormat {
    /// The JSON Schema (draft 2020-12).
    Json,
    /// The XML Schema.
    Xsd,
}

/// A registered export format id.
fn parse_format(s: &str) -> Result<String, String> {
    let registry = kreisentwicklung::registry();
    if registry.get(s).is_some() {
        Ok(s.to_owned())
    } else {
        Err(format!(
            "unknown format; registered formats: {}",
            registry.ids().join(", ")
        ))
    }
}

/// The name of a built-in example.
fn parse_example(s: &str) -> Result<String, String> {
    if crate::files::example_names().contains(&s) {
        Ok(s.to_owned())
    } else {
        Err(format!(
            "no such example; built-in examples: {}",
            crate::files::example_names().join(", ")
        ))
    }
}

/// `NAME=VALUE`; a bare `NAME` means `NAME=true`.
fn parse_option(s: &str) -> Result<(String, String), String> {
    let (name, value) = s.split_once('=').unwrap_or((s, "true"));
    if name.is_empty() {
        return Err("expected NAME=VALUE".to_owned());
    }
    Ok((name.to_owned(), value.to_owned()))
}

/// The earliest creation date: a workbook cannot be dated earlier, and
/// the same limit holds for every format, so that a mistake is found before
/// any work rather than by the XLSX exporter only.
const FIRST_TIMESTAMP_YEAR: i32 = 1900;

/// `now` or a date from 1900-01-01 on.
fn parse_timestamp(s: &str) -> Result<Timestamp, String> {
    if s.eq_ignore_ascii_case("now") {
        return Ok(Timestamp::Now);
    }
    let date = parse_date(s).map_err(|e| format!("{e}; expected now or YYYY-MM-DD"))?;
    if date.year() < FIRST_TIMESTAMP_YEAR {
        return Err(format!(
            "the creation date must lie from {FIRST_TIMESTAMP_YEAR}-01-01 to 9999-12-31 \
             (for every format: a workbook cannot be dated earlier)"
        ));
    }
    Ok(Timestamp::At(date))
}

/// A size in bytes: `1000`, `64K`, `512M`, `2G` (binary: 1K = 1024 bytes;
/// `KiB`, `MiB`, `GiB` and a trailing `B` are accepted too).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let upper = t.to_ascii_uppercase();
    let digits = upper.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let unit = &upper[digits.len()..];
    let factor: u64 = match unit {
        "" | "B" => 1,
        "K" | "KB" | "KIB" => 1 << 10,
        "M" | "MB" | "MIB" => 1 << 20,
        "G" | "GB" | "GIB" => 1 << 30,
        "T" | "TB" | "TIB" => 1 << 40,
        _ => return Err("unknown unit; expected a number with K, M or G".to_owned()),
    };
    let n: u64 = digits
        .trim()
        .parse()
        .map_err(|_| "expected a number of bytes, such as 500M or 2G".to_owned())?;
    match n.checked_mul(factor) {
        Some(0) => Err("the limit must be at least one byte".to_owned()),
        Some(bytes) => Ok(bytes),
        None => Err("too large".to_owned()),
    }
}

/// A date written YYYY-MM-DD.
fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>().map_err(|e| e.reason.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn options_parse() {
        assert_eq!(
            parse_option("constant-memory=true"),
            Ok(("constant-memory".into(), "true".into()))
        );
        assert_eq!(
            parse_option("constant-memory"),
            Ok(("constant-memory".into(), "true".into()))
        );
        assert_eq!(parse_option("a=b=c"), Ok(("a".into(), "b=c".into())));
        assert!(parse_option("=x").is_err());
    }

    #[test]
    fn timestamps_parse() {
        assert_eq!(parse_timestamp("now"), Ok(Timestamp::Now));
        assert_eq!(
            parse_timestamp("2024-02-29"),
            Ok(Timestamp::At(Date::from_ymd(2024, 2, 29).unwrap()))
        );
        assert!(parse_timestamp("2023-02-29").is_err());
        assert!(parse_timestamp("yesterday").is_err());
        assert!(parse_timestamp("1900-01-01").is_ok());
        assert!(parse_timestamp("1899-12-31").is_err());
        assert!(parse_timestamp("0001-01-01").is_err());
    }

    #[test]
    fn sizes_parse() {
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert_eq!(parse_size("512MiB"), Ok(512 << 20));
        assert_eq!(parse_size("64k"), Ok(64 << 10));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("0").is_err());
        assert!(parse_size("1X").is_err());
        assert!(parse_size("G").is_err());
        assert!(parse_size("99999999999T").is_err());
    }
}

/// Arguments of `import-oparl`.
#[derive(Debug, Args)]
pub struct ImportOparlArgs {
    /// OParl JSON files read together: papers with their consultations,
    /// meetings and agenda items, single objects or list pages.
    #[arg(value_name = "FILE", required = true)]
    pub inputs: Vec<PathBuf>,

    /// A concept document (JSON or XML) to add the resolutions to; a
    /// resolution with the id of an existing one updates it (what OParl cannot
    /// carry, such as what it adopts, is kept). Without it the resolutions are
    /// written as a JSON array.
    #[arg(long, value_name = "CONCEPT")]
    pub into: Option<PathBuf>,

    /// The output file [default: standard output].
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub output: Option<PathBuf>,
}
