//! `kreisentwicklung`: the command-line tool for county development concepts.
//!
//! Exports concept documents (JSON or XML, recognised by content) and the
//! built-in seed counties to JSON, XML and the council workbook (XLSX),
//! validates documents, checks their health, prints the shipped schemas and
//! generates synthetic concepts. Run `kreisentwicklung --help` for the
//! subcommands; the README's "Command-line tool" section documents them and
//! the exit codes:
//!
//! * `0`: success — everything exported, every document valid, no finding of
//!   severity error;
//! * `1`: a document is invalid or unparseable, an export failed, or `check`
//!   found an error;
//! * `2`: a usage error (unknown option, bad value, conflicting arguments),
//!   an input file that cannot be read (see the limits below), or a closed
//!   or failing standard output.
//!
//! Errors are printed as one line each on standard error, starting with
//! `error: `. File names and other outside text in messages are escaped
//! (`\u{1b}`), so that a name cannot send escape sequences to the terminal.
//!
//! # Limits, and what happens at each
//!
//! * **Inputs** are regular files, or `-` for standard input. A FIFO, a
//!   device (`/dev/zero`) or a directory is refused before reading, exit 2.
//! * **Input size**: at most 1 GiB per input (three times the largest
//!   concept measured: 100,000 measures are 311 MB of indented JSON);
//!   `--max-input-size 4G` raises it. A larger file, a file that grows while
//!   read or an endless standard input is refused with exit 2 after reading
//!   at most the limit plus one byte.
//! * **Outputs** are written to a temporary file beside the target,
//!   `.NAME.XXXXXXXX.tmp` (eight random characters, created exclusively:
//!   a symlink planted there is never followed), and renamed into place when
//!   complete, so a failure leaves the old output intact. The temporary file
//!   is removed on every error and on Ctrl-C, SIGTERM and SIGHUP (exit
//!   130, 143, 129); `kill -9` can leave one, recognisable by that name. An
//!   existing output keeps its permissions (0600 stays 0600). Output names
//!   may be as long as the file system allows (255 bytes).
//! * **Devices, FIFOs and `/dev/...`** (`-o /dev/null`, `-o /dev/stdout`) are
//!   written in place, never replaced.
//! * **Standard output**: `-o -` with standard output closed is an error, exit
//!   2, found before any work; so is a write that fails (`/dev/full`). A
//!   closed pipe (`| head`) is not an error.
//! * **Usage mistakes** are found before any work, exit 2: `-o` naming a
//!   directory or a path in a missing directory, `--timestamp` before
//!   1900-01-01 (the same range for every format), `generate --measures`
//!   above 1,000,000.

#![forbid(unsafe_code)]

mod check;
mod cli;
mod commands;
mod export;
mod files;
mod import;
mod interrupt;
mod oparl;
mod progress;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};

/// Exit code: success.
pub const EXIT_OK: u8 = 0;
/// Exit code: an input is invalid, an export failed, or `check` found an error.
pub const EXIT_INVALID: u8 = 1;
/// Exit code: a usage error or an input that cannot be read.
pub const EXIT_USAGE: u8 = 2;

/// A failure that ends a command: one line for standard error and the exit
/// code.
#[derive(Debug)]
pub struct Failure {
    /// The exit code.
    pub code: u8,
    /// The message, without the `error: ` prefix.
    pub message: String,
}

impl Failure {
    /// A usage error or an unreadable input (exit code 2).
    pub fn usage(message: impl Into<String>) -> Self {
        Failure {
            code: EXIT_USAGE,
            message: message.into(),
        }
    }

    /// An invalid input or a failed export (exit code 1).
    pub fn invalid(message: impl Into<String>) -> Self {
        Failure {
            code: EXIT_INVALID,
            message: message.into(),
        }
    }
}

/// Prints one line on standard error. Never panics: if standard error is
/// gone there is nobody to tell.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

/// Prints `error: MESSAGE` on standard error.
pub fn print_error(message: &str) {
    say!("error: {message}");
}

fn main() -> ExitCode {
    // A panic is a bug; still, users get one plain line, not a dump.
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unexpected failure".to_owned());
        let _ = writeln!(
            std::io::stderr(),
            "error: internal error, please report it: {message}"
        );
    }));

    let cli = Cli::parse();
    interrupt::install();
    if let Command::Export(cli::ExportArgs { limit, .. })
    | Command::Validate(cli::ValidateArgs { limit, .. })
    | Command::Check(cli::CheckArgs { limit, .. }) = &cli.command
    {
        files::set_max_input(limit.max_input_size);
    }
    let result = match cli.command {
        Command::Export(args) => export::run(args),
        Command::Validate(args) => commands::validate(args),
        Command::Schema(args) => commands::schema(args),
        Command::Formats => commands::formats(),
        Command::Examples => commands::examples(),
        Command::Generate(args) => commands::generate(args),
        Command::Check(args) => check::run(args),
        Command::Import(args) => import::run(args),
        Command::ImportOparl(args) => oparl::import(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            print_error(&failure.message);
            ExitCode::from(failure.code)
        }
    }
}
