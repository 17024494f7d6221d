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
//! * `2`: a usage error (unknown option, bad value, conflicting arguments)
//!   or an input file that cannot be read.
//!
//! Errors are printed as one line each on standard error, starting with
//! `error: `.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod check;
mod cli;
mod commands;
mod export;
mod files;
mod import;
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
    let result = match cli.command {
        Command::Export(args) => export::run(args),
        Command::Validate(args) => commands::validate(args),
        Command::Schema(args) => commands::schema(args),
        Command::Formats => commands::formats(),
        Command::Examples => commands::examples(),
        Command::Generate(args) => commands::generate(args),
        Command::Check(args) => check::run(args),
        Command::Import(args) => import::run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            print_error(&failure.message);
            ExitCode::from(failure.code)
        }
    }
}
