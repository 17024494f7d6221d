//! `kreisentwicklung import`: reads an edited council workbook back, on its
//! own or onto an existing concept (update mode), and prints the changes.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use kreisentwicklung::xlsx::read::{self, ReadError};

use crate::files::{self, Source};
use crate::{Failure, EXIT_OK};

/// Arguments of `import`.
#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The edited workbook (XLSX written by `export --format xlsx`).
    pub workbook: PathBuf,
    /// The concept (JSON or XML) to apply the edits to; what the workbook
    /// does not show is kept from it. Without it, the concept the workbook
    /// was written from.
    #[arg(long, value_name = "CONCEPT")]
    pub onto: Option<PathBuf>,
    /// Where to write the updated concept as JSON (`-` for standard output).
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: PathBuf,
    /// Print the change list as JSON instead of one line per change.
    #[arg(long)]
    pub json: bool,
}

/// Runs `import`: nothing is written unless the whole workbook reads and
/// the result is valid.
pub fn run(args: ImportArgs) -> Result<u8, Failure> {
    let label = args.workbook.display().to_string();
    let bytes = files::read(&args.workbook).map_err(load_failure)?;
    let base = match &args.onto {
        Some(path) => Some(
            files::load(&Source::File(path.clone()))
                .map_err(load_failure)?
                .concept,
        ),
        None => None,
    };
    let imported = match &base {
        Some(b) => read::read_onto(&bytes, b),
        None => read::read(&bytes),
    }
    .map_err(|e| match e {
        ReadError::Invalid(errors) => Failure::invalid(
            errors
                .problems
                .iter()
                .map(|p| format!("{label}: {p}"))
                .collect::<Vec<_>>()
                .join("\nerror: "),
        ),
        other => Failure::invalid(
            other
                .to_string()
                .lines()
                .map(|l| format!("{label}: {l}"))
                .collect::<Vec<_>>()
                .join("\nerror: "),
        ),
    })?;
    for w in &imported.warnings {
        crate::say!("{label}: warning: {w}");
    }
    let json = kreisentwicklung::json::to_vec(&imported.concept, true)
        .map_err(|e| Failure::invalid(format!("{label}: {e}")))?;
    let mut listing = String::new();
    if args.json {
        let changes = serde_json::to_string_pretty(&imported.changes)
            .map_err(|e| Failure::invalid(e.to_string()))?;
        listing.push_str(&changes);
        listing.push('\n');
    } else {
        for c in &imported.changes {
            listing.push_str(&c.to_string());
            listing.push('\n');
        }
    }
    if args.output.as_os_str() == "-" {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(&json);
        drop(out);
        crate::say!("{}", listing.trim_end());
    } else {
        std::fs::write(&args.output, &json)
            .map_err(|e| Failure::usage(format!("cannot write {}: {e}", args.output.display())))?;
        let _ = std::io::stdout().lock().write_all(listing.as_bytes());
    }
    Ok(EXIT_OK)
}

fn load_failure(e: files::LoadError) -> Failure {
    match e {
        files::LoadError::Unreadable(m) => Failure::usage(m),
        files::LoadError::Invalid(lines) => Failure::invalid(lines.join("\nerror: ")),
    }
}
