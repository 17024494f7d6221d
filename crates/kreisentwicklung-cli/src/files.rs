//! Reading inputs and writing outputs, with errors in plain words.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use kreisentwicklung::export::ExportError;
use kreisentwicklung::import::ImportError;
use kreisentwicklung::Concept;

/// Where a concept comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A concept document on disk.
    File(PathBuf),
    /// A built-in seed county.
    Example(String),
}

impl Source {
    /// How messages name it: the path as given, or `example NAME`.
    pub fn label(&self) -> String {
        match self {
            Source::File(path) => path.display().to_string(),
            Source::Example(name) => format!("example {name}"),
        }
    }
}

/// Why a concept could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// The file cannot be read (missing, a directory, no permission): exit
    /// code 2.
    Unreadable(String),
    /// The content is not a valid concept document: exit code 1. One line
    /// per problem, each starting with the input's label.
    Invalid(Vec<String>),
}

impl LoadError {
    /// The exit code for it.
    pub fn code(&self) -> u8 {
        match self {
            LoadError::Unreadable(_) => crate::EXIT_USAGE,
            LoadError::Invalid(_) => crate::EXIT_INVALID,
        }
    }

    /// The lines to print, each one complete.
    pub fn lines(&self) -> Vec<String> {
        match self {
            LoadError::Unreadable(line) => vec![line.clone()],
            LoadError::Invalid(lines) => lines.clone(),
        }
    }
}

/// The text of an I/O error without the `(os error 2)` suffix:
/// `No such file or directory`.
pub fn io_message(error: &io::Error) -> String {
    let text = error.to_string();
    match text.rfind(" (os error ") {
        Some(i) if text.ends_with(')') => text[..i].to_owned(),
        _ => text,
    }
}

/// Reads a whole input file.
pub fn read(path: &Path) -> Result<Vec<u8>, LoadError> {
    let unreadable =
        |why: String| LoadError::Unreadable(format!("cannot read {}: {why}", path.display()));
    if path.is_dir() {
        return Err(unreadable("it is a directory, not a file".to_owned()));
    }
    fs::read(path).map_err(|e| unreadable(io_message(&e)))
}

/// A loaded concept with the reader's warnings, each line starting with
/// the input's label.
#[derive(Debug)]
pub struct Loaded {
    /// The concept, valid.
    pub concept: Concept,
    /// `data/x.json: warning: concept.titel: unknown field, ignored`.
    pub warnings: Vec<String>,
}

/// Loads and validates a concept.
pub fn load(source: &Source) -> Result<Loaded, LoadError> {
    let label = source.label();
    match source {
        Source::Example(name) => crate::commands::load_example(name)
            .map(|concept| Loaded {
                concept,
                warnings: Vec::new(),
            })
            .map_err(|message| LoadError::Invalid(vec![format!("{label}: {message}")])),
        Source::File(path) => {
            let bytes = read(path)?;
            kreisentwicklung::import::from_slice_with_warnings(&bytes)
                .map(|imported| Loaded {
                    warnings: imported
                        .warnings
                        .iter()
                        .map(|w| format!("{label}: warning: {w}"))
                        .collect(),
                    concept: imported.concept,
                })
                .map_err(|e| LoadError::Invalid(import_lines(&label, &e)))
        }
    }
}

/// The lines describing an import error: one per validation problem, or
/// one for a syntax or format error; each starts with `label: `.
pub fn import_lines(label: &str, error: &ImportError) -> Vec<String> {
    match error.validation_errors() {
        Some(errors) if !errors.problems.is_empty() => errors
            .problems
            .iter()
            .map(|p| format!("{label}: {p}"))
            .collect(),
        _ => vec![format!("{label}: {}", one_line(&error.to_string()))],
    }
}

/// Folds a multi-line message into one line.
pub fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// True when both paths name the same existing file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Why writing an output failed.
#[derive(Debug)]
pub enum WriteError {
    /// The file could not be created, written or renamed.
    Io(String),
    /// The exporter failed.
    Export(ExportError),
}

impl WriteError {
    /// The lines for the user: one per problem when the exporter refused an
    /// invalid concept, else one.
    pub fn lines(&self, dest: &Path) -> Vec<String> {
        match self {
            WriteError::Export(ExportError::Invalid(errors)) if !errors.problems.is_empty() => {
                errors.problems.iter().map(ToString::to_string).collect()
            }
            _ => vec![self.message(dest)],
        }
    }

    /// One line for the user.
    pub fn message(&self, dest: &Path) -> String {
        match self {
            WriteError::Io(why) => format!("cannot write {}: {why}", dest.display()),
            WriteError::Export(ExportError::Io(e)) => {
                format!("cannot write {}: {}", dest.display(), io_message(e))
            }
            WriteError::Export(e) => one_line(&e.to_string()),
        }
    }
}

/// Writes a file through `write`: first into a temporary file beside it,
/// renamed into place only when everything was written, so that a failed
/// export leaves no half-written file and no damaged older one.
pub fn write_file(
    dest: &Path,
    write: impl FnOnce(&mut (dyn Write + Send)) -> Result<(), ExportError>,
) -> Result<(), WriteError> {
    let name = dest
        .file_name()
        .ok_or_else(|| WriteError::Io("not a file name".to_owned()))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp = dest.with_file_name(tmp_name);

    let result = (|| {
        let file = fs::File::create(&tmp).map_err(|e| WriteError::Io(io_message(&e)))?;
        let mut out = BufWriter::new(file);
        write(&mut out).map_err(WriteError::Export)?;
        let file = out
            .into_inner()
            .map_err(|e| WriteError::Io(io_message(e.error())))?;
        file.sync_all()
            .map_err(|e| WriteError::Io(io_message(&e)))?;
        drop(file);
        fs::rename(&tmp, dest).map_err(|e| WriteError::Io(io_message(&e)))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Writes to standard output through `write`. A closed pipe (`| head`) is
/// not an error.
pub fn write_stdout(
    write: impl FnOnce(&mut (dyn Write + Send)) -> Result<(), ExportError>,
) -> Result<(), WriteError> {
    // Not locked: a lock is not `Send`, and the buffer writes in large
    // pieces anyway.
    let mut out = BufWriter::new(io::stdout());
    let result = write(&mut out)
        .map_err(WriteError::Export)
        .and_then(|()| out.flush().map_err(|e| WriteError::Export(e.into())));
    match result {
        Err(WriteError::Export(ExportError::Io(e))) if e.kind() == io::ErrorKind::BrokenPipe => {
            Ok(())
        }
        other => other,
    }
}

/// Writes bytes to standard output; a closed pipe is not an error.
pub fn print_bytes(bytes: &[u8]) -> Result<(), crate::Failure> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(crate::Failure::invalid(format!(
            "cannot write to standard output: {}",
            io_message(&e)
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_messages_are_plain() {
        let e = io::Error::from_raw_os_error(2);
        assert_eq!(io_message(&e), "No such file or directory");
    }

    #[test]
    fn multi_line_messages_fold() {
        assert_eq!(
            one_line("2 problems\n  a: x\n  b: y"),
            "2 problems; a: x; b: y"
        );
    }
}
