//! Reading inputs and writing outputs, with errors in plain words.
//!
//! Inputs are regular files or `-` (standard input), read up to a size
//! limit. Outputs go through a temporary file with an unpredictable name
//! beside the target, created exclusively (a planted symlink is never
//! followed), and renamed into place when complete; devices, FIFOs and
//! `/dev/...` paths are written in place. Paths reach the terminal only
//! through [`shown`].

use std::fmt::Write as _;
use std::fs;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

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
    /// How messages name it: the path as given (escaped, see [`shown`]),
    /// `standard input` for `-`, or `example NAME`.
    pub fn label(&self) -> String {
        match self {
            Source::File(path) if is_stdin(path) => "standard input".to_owned(),
            Source::File(path) => shown(path),
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

/// The input size limit when `--max-input-size` is not given: 1 GiB,
/// three times the largest concept measured (100,000 measures, 311 MB of
/// indented JSON), far below the memory of any machine that parses it.
pub const DEFAULT_MAX_INPUT: u64 = 1 << 30;

static MAX_INPUT: AtomicU64 = AtomicU64::new(DEFAULT_MAX_INPUT);

/// Sets the input size limit for this run (`--max-input-size`).
pub fn set_max_input(bytes: u64) {
    MAX_INPUT.store(bytes, Ordering::Relaxed);
}

/// True for the input `-`: standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// A byte count for people: `1 GiB`, `500 MiB`, `12345 bytes`.
pub fn size_text(bytes: u64) -> String {
    for (unit, name) in [(1u64 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")] {
        if bytes >= unit && bytes.is_multiple_of(unit) {
            return format!("{} {name}", bytes / unit);
        }
    }
    format!("{bytes} bytes")
}

/// Reads a whole input: a regular file, or standard input for `-`, each
/// up to the size limit, so that `/dev/zero` or a growing file cannot take
/// all memory; FIFOs, devices and directories are refused before reading
/// (a FIFO without a writer would block forever).
pub fn read(path: &Path) -> Result<Vec<u8>, LoadError> {
    let limit = MAX_INPUT.load(Ordering::Relaxed);
    let failed = Failed::new(path, limit);
    let bytes = if is_stdin(path) {
        read_limited(io::stdin().lock(), limit, 0).map_err(|e| failed.io(&e))?
    } else {
        let (file, len) = open(path, &failed)?;
        read_limited(file, limit, len).map_err(|e| failed.io(&e))?
    };
    bytes.ok_or_else(|| failed.too_large())
}

/// The errors of reading one input, worded with its label and the limit.
struct Failed {
    label: String,
    limit: u64,
}

impl Failed {
    fn new(path: &Path, limit: u64) -> Self {
        Failed {
            label: Source::File(path.to_path_buf()).label(),
            limit,
        }
    }

    fn unreadable(&self, why: String) -> LoadError {
        LoadError::Unreadable(format!("cannot read {}: {why}", self.label))
    }

    fn too_large(&self) -> LoadError {
        self.unreadable(format!(
            "it is larger than the input limit of {}; raise the limit with --max-input-size",
            size_text(self.limit)
        ))
    }

    /// An I/O error; the one [`Limited`] gives past the limit says so.
    fn io(&self, e: &io::Error) -> LoadError {
        if e.get_ref().is_some_and(|inner| inner.is::<TooLarge>()) {
            self.too_large()
        } else {
            self.unreadable(io_message(e))
        }
    }
}

/// Opens a regular file within the size limit, with its length.
fn open(path: &Path, failed: &Failed) -> Result<(fs::File, u64), LoadError> {
    let io = |e: io::Error| failed.io(&e);
    // Looked at before opening: opening a FIFO blocks until a writer
    // comes; looked at again through the handle in case it was swapped.
    let kind = |meta: &fs::Metadata| not_regular(meta).map(|why| failed.unreadable(why.to_owned()));
    let meta = fs::metadata(path).map_err(io)?;
    if let Some(e) = kind(&meta) {
        return Err(e);
    }
    if meta.len() > failed.limit {
        return Err(failed.too_large());
    }
    let file = fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if let Some(e) = kind(&meta) {
        return Err(e);
    }
    if meta.len() > failed.limit {
        return Err(failed.too_large());
    }
    Ok((file, meta.len()))
}

/// The error [`Limited`] reads past the input limit with.
#[derive(Debug)]
struct TooLarge;

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the input is larger than the input limit")
    }
}

impl std::error::Error for TooLarge {}

/// A file read in place (not into memory), which fails with [`TooLarge`]
/// as soon as more than `limit` bytes were read from its start: a file
/// that grows while it is read cannot pass the limit either.
struct Limited<R> {
    inner: R,
    pos: u64,
    limit: u64,
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        if self.pos > self.limit {
            return Err(io::Error::other(TooLarge));
        }
        Ok(n)
    }
}

impl<R: Seek> Seek for Limited<R> {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        self.pos = self.inner.seek(to)?;
        Ok(self.pos)
    }
}

/// Loads a concept from a file without reading it into memory where the
/// format allows (JSON, XML: [`kreisentwicklung::import::from_seekable_reader_with_warnings`]),
/// so that loading needs about the memory of the concept; standard input is
/// read whole.
fn load_file(path: &Path, label: &str) -> Result<Loaded, LoadError> {
    use kreisentwicklung::import;
    let limit = MAX_INPUT.load(Ordering::Relaxed);
    let failed = Failed::new(path, limit);
    let imported = if is_stdin(path) {
        import::from_slice_with_warnings(&read(path)?)
    } else {
        let (file, _) = open(path, &failed)?;
        let file = Limited {
            inner: file,
            pos: 0,
            limit,
        };
        import::from_seekable_reader_with_warnings(file)
    };
    match imported {
        Ok(imported) => Ok(loaded(label, imported.concept, &imported.warnings)),
        Err(import::ImportError::Io(e)) => Err(failed.io(&e)),
        Err(e) => Err(LoadError::Invalid(import_lines(label, &e))),
    }
}

/// A loaded concept with its warnings, each starting with the label.
fn loaded<W: ToString>(label: &str, concept: Concept, warnings: &[W]) -> Loaded {
    Loaded {
        warnings: warnings
            .iter()
            .map(|w| format!("{label}: warning: {}", w.to_string()))
            .collect(),
        concept,
    }
}

/// Reads at most `limit` bytes; `None` when there is more.
fn read_limited(reader: impl Read, limit: u64, expected: u64) -> io::Result<Option<Vec<u8>>> {
    let capacity = usize::try_from(expected.min(limit).saturating_add(1)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// Why an input that is not a regular file is refused, or `None`.
fn not_regular(meta: &fs::Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("it is a directory, not a file");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some(
                "it is a named pipe (FIFO), not a regular file; \
                 pipe it into standard input and give - instead",
            );
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("it is a device, not a regular file");
        }
    }
    Some("it is not a regular file")
}

/// A path made safe for the terminal: see [`escape`].
pub fn shown(path: &Path) -> String {
    escape(&path.to_string_lossy())
}

/// Outside text (a file name, an argument) made safe for the terminal:
/// control characters (escape sequences, carriage returns, newlines) and
/// the Unicode controls that reorder text are written as `\u{1b}`, so that
/// a file name cannot recolour, hide or rewrite what is printed. Bytes that
/// are not UTF-8 show as U+FFFD. Ordinary names are unchanged.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let reorders = matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || reorders {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// The names of the built-in seed counties.
pub fn example_names() -> &'static [&'static str] {
    kreisentwicklung::examples::NAMES
}

/// A built-in seed county by name.
pub fn load_example(name: &str) -> Result<Concept, String> {
    kreisentwicklung::examples::load(name).map_err(|e| one_line(&e.to_string()))
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

/// Loads and validates a concept (see [`load_file`] for how a file is
/// read).
pub fn load(source: &Source) -> Result<Loaded, LoadError> {
    let label = source.label();
    match source {
        Source::Example(name) => load_example(name)
            .map(|concept| Loaded {
                concept,
                warnings: Vec::new(),
            })
            .map_err(|message| LoadError::Invalid(vec![format!("{label}: {message}")])),
        Source::File(path) => load_file(path, &label),
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
            WriteError::Io(why) => format!("cannot write {}: {why}", shown(dest)),
            WriteError::Export(ExportError::Io(e)) => {
                format!("cannot write {}: {}", shown(dest), io_message(e))
            }
            WriteError::Export(e) => one_line(&e.to_string()),
        }
    }
}

/// Refuses, before any work, an output path that cannot be written: a
/// directory (`-o .`), a path without a file name, or one whose directory
/// does not exist.
pub fn check_output(dest: &Path) -> Result<(), crate::Failure> {
    let refuse = |why: &str| crate::Failure::usage(format!("cannot write {}: {why}", shown(dest)));
    if dest.is_dir() {
        return Err(refuse("it is a directory; give a file name"));
    }
    if dest.file_name().is_none() {
        return Err(refuse("not a file name"));
    }
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.is_dir() {
            return Err(refuse(&format!(
                "the directory {} does not exist",
                shown(dir)
            )));
        }
    }
    Ok(())
}

/// True when `dest` is written in place rather than through a temporary
/// file: a path under `/dev/` (`/dev/stdout`, `/dev/null`) or an existing
/// target that is neither a regular file nor a directory (a device, a
/// FIFO). Renaming over those would replace the device with a file.
pub fn writes_in_place(dest: &Path) -> bool {
    dest.starts_with("/dev")
        || fs::metadata(dest).is_ok_and(|m| !m.file_type().is_file() && !m.is_dir())
}

/// The prefix of a temporary file: `.NAME.`, cut so that the whole name
/// stays far below the 255 bytes a file name may have.
fn temp_prefix(name: &std::ffi::OsStr) -> std::ffi::OsString {
    const KEEP: usize = 200;
    let mut prefix = std::ffi::OsString::from(".");
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = name.as_bytes();
        prefix.push(std::ffi::OsStr::from_bytes(&bytes[..bytes.len().min(KEEP)]));
    }
    #[cfg(not(unix))]
    prefix.push(
        name.to_string_lossy()
            .chars()
            .take(KEEP / 4)
            .collect::<String>(),
    );
    prefix.push(".");
    prefix
}

/// Writes a file through `write`: first into a temporary file beside it
/// (`.NAME.XXXXXXXX.tmp`, eight random characters, created exclusively, so
/// a planted symlink is never followed), renamed into place only when
/// everything was written, so that a failed export leaves no half-written
/// file and no damaged older one. The temporary file is removed on every
/// error and on Ctrl-C; only `kill -9` or a power cut can leave one.
/// An existing output keeps its permissions; a new one gets the usual
/// `0666` less the umask. Devices and FIFOs are written in place (see
/// [`writes_in_place`]).
pub fn write_file(
    dest: &Path,
    write: impl FnOnce(&mut (dyn Write + Send)) -> Result<(), ExportError>,
) -> Result<(), WriteError> {
    let io = |e: &io::Error| WriteError::Io(io_message(e));
    if writes_in_place(dest) {
        let file = fs::OpenOptions::new()
            .write(true)
            .open(dest)
            .map_err(|e| io(&e))?;
        let mut out = BufWriter::new(file);
        write(&mut out).map_err(WriteError::Export)?;
        return out.flush().map_err(|e| io(&e));
    }
    let name = dest
        .file_name()
        .ok_or_else(|| WriteError::Io("not a file name".to_owned()))?;
    let dir = dest
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let existing = fs::metadata(dest).ok().filter(fs::Metadata::is_file);
    let prefix = temp_prefix(name);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp").rand_bytes(8);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // As `File::create`: the umask applies.
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let tmp = builder.tempfile_in(dir).map_err(|e| io(&e))?;
    // Registered for as long as the file exists: `fill` drops (removes) it
    // before this registration ends.
    let _signal = crate::interrupt::remove_on_signal(tmp.path());
    fill(tmp, dest, existing, write)
}

/// Writes the temporary file and renames it to `dest`. On any error `tmp`
/// is dropped, which removes the file.
fn fill(
    tmp: tempfile::NamedTempFile,
    dest: &Path,
    existing: Option<fs::Metadata>,
    write: impl FnOnce(&mut (dyn Write + Send)) -> Result<(), ExportError>,
) -> Result<(), WriteError> {
    let io = |e: &io::Error| WriteError::Io(io_message(e));
    if let Some(meta) = existing {
        // Exactly the old mode, not masked by the umask: 0600 stays 0600.
        tmp.as_file()
            .set_permissions(meta.permissions())
            .map_err(|e| io(&e))?;
    }
    let mut out = BufWriter::new(tmp.as_file());
    write(&mut out).map_err(WriteError::Export)?;
    out.into_inner().map_err(|e| io(e.error()))?;
    tmp.as_file().sync_all().map_err(|e| io(&e))?;
    tmp.persist(dest).map_err(|e| io(&e.error))?;
    Ok(())
}

/// True when standard output was closed (`>&-`) when the tool started.
///
/// The Rust runtime reopens a closed standard output on `/dev/null`
/// (read-write), and writes there succeed silently; a shell's `>/dev/null`
/// opens it write-only. So a read-write `/dev/null` on descriptor 1 means
/// "closed". Linux only (it reads `/proc/self/fdinfo/1`); elsewhere false.
pub fn stdout_closed() -> bool {
    static CLOSED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *CLOSED.get_or_init(|| {
        #[cfg(target_os = "linux")]
        {
            use std::os::unix::fs::MetadataExt;
            let is_null = match (fs::metadata("/proc/self/fd/1"), fs::metadata("/dev/null")) {
                (Ok(a), Ok(b)) => a.rdev() == b.rdev() && a.file_type() == b.file_type(),
                _ => false,
            };
            let read_write = fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
                info.lines()
                    .find_map(|l| l.strip_prefix("flags:"))
                    .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
                    .is_some_and(|flags| flags & 0o3 == 0o2)
            });
            is_null && read_write
        }
        #[cfg(not(target_os = "linux"))]
        false
    })
}

/// The error for a closed standard output.
pub fn stdout_closed_error() -> crate::Failure {
    crate::Failure::usage("cannot write to standard output: it is closed")
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

/// Writes bytes to standard output; a closed pipe is not an error, a
/// closed or failing standard output is (exit code 2).
pub fn print_bytes(bytes: &[u8]) -> Result<(), crate::Failure> {
    if bytes.is_empty() {
        return Ok(());
    }
    if stdout_closed() {
        return Err(stdout_closed_error());
    }
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(crate::Failure::usage(format!(
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
    fn outside_text_is_escaped_for_the_terminal() {
        assert_eq!(escape("data/hildesheim.json"), "data/hildesheim.json");
        assert_eq!(escape("Lüneburg KEK.json"), "Lüneburg KEK.json");
        assert_eq!(escape("\u{1b}[31mx\r\n"), "\\u{1b}[31mx\\u{d}\\u{a}");
        assert_eq!(escape("a\u{202e}b\u{9b}c"), "a\\u{202e}b\\u{9b}c");
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(size_text(DEFAULT_MAX_INPUT), "1 GiB");
        assert_eq!(size_text(3 << 20), "3 MiB");
        assert_eq!(size_text(1000), "1000 bytes");
    }

    #[test]
    fn temp_names_stay_short() {
        let long = "k".repeat(250);
        let prefix = temp_prefix(std::ffi::OsStr::new(&long));
        assert!(prefix.len() + 8 + ".tmp".len() < 255, "{}", prefix.len());
    }

    #[test]
    fn multi_line_messages_fold() {
        assert_eq!(
            one_line("2 problems\n  a: x\n  b: y"),
            "2 problems; a: x; b: y"
        );
    }
}
