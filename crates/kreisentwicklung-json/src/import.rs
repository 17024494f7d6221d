//! Reading concept documents.

use std::fmt;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};

use kreisentwicklung_core::{
    Concept, ConceptDocument, ItemPath, ValidationErrors, SCHEMA_MAJOR, SCHEMA_VERSION,
};

use serde::Deserialize;

use crate::checked::{self, Found, ScanError, VersionField};
use crate::path::{self, shorten};
use crate::stream;
use crate::{MAX_DEPTH, MAX_STRING_BYTES};

/// A concept read from a document, with what the reader noticed but
/// accepted.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The concept, valid.
    pub concept: Concept,
    /// Warnings in document order; empty for a document this library wrote.
    pub warnings: Vec<Warning>,
}

/// Something a document contains that the reader accepted but did not use.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Warning {
    /// A member the model does not have, ignored (perhaps added by a newer
    /// minor schema version).
    UnknownField {
        /// Where: `concept.measures[0].colour`.
        path: String,
    },
    /// The document is of a newer minor version of the schema than this
    /// library knows; what it adds is ignored.
    NewerMinorVersion {
        /// The document's version ("1.3").
        found: String,
    },
}

impl Warning {
    /// The JSON path the warning is about, if it is about one member.
    pub fn path(&self) -> Option<&str> {
        match self {
            Warning::UnknownField { path } => Some(path),
            Warning::NewerMinorVersion { .. } => None,
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::UnknownField { path } => write!(f, "{path}: unknown field, ignored"),
            Warning::NewerMinorVersion { found } => write!(
                f,
                "document has schema version {found}, newer than {SCHEMA_VERSION}; \
                 what the newer version adds is ignored"
            ),
        }
    }
}

/// Why a document could not be read.
///
/// Its `Display` is one line that names the place, as the [`ItemPath`]
/// that validation, the health report and the other formats print
/// (`measures[W3].period: unknown variant `halbjahr`, expected one of … at
/// line 12 column 7`), and the position where there is one; or one line per
/// problem for [`ImportError::Invalid`]. Lines and columns count from 1;
/// columns count bytes, as `serde_json` does. The `serde_json` error, where
/// there is one, is also the [`source`](std::error::Error::source).
///
/// The path names items by the ids the document gives them, positions
/// where an item has no well-formed id. A member of the document beside
/// the concept keeps its name (`$schema: invalid type …`); an error about
/// the concept or the document as a whole has the empty path and is printed
/// without one (`missing field `concept` at line 1 column 24`).
/// [`ImportError::item_path`] returns the path.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// Reading the input failed.
    #[error("cannot read the input: {0}")]
    Io(#[source] std::io::Error),
    /// The bytes are not UTF-8.
    #[error("the input is not valid UTF-8: {} at line {line} column {column} (byte offset {offset})",
        match byte { Some(b) => format!("invalid byte 0x{b:02X}"), None => "incomplete character at the end".to_owned() })]
    Encoding {
        /// Offset of the first bad byte.
        offset: usize,
        /// Its line.
        line: usize,
        /// Its column, in bytes.
        column: usize,
        /// The bad byte, `None` when the input ends inside a character.
        byte: Option<u8>,
    },
    /// The input is empty or only whitespace.
    #[error("the input is empty: expected a JSON concept document")]
    Empty,
    /// Not JSON: a syntax error, or the input ends too early.
    #[error("{}: {source}", if source.is_eof() { "incomplete JSON (truncated?)" } else { "invalid JSON" })]
    Syntax {
        /// The parser's error, with the position.
        #[source]
        source: serde_json::Error,
    },
    /// Arrays and objects nested deeper than [`MAX_DEPTH`].
    #[error("the JSON is nested more than {MAX_DEPTH} levels deep at line {line} column {column}")]
    TooDeep {
        /// Line of the first value too deep.
        line: usize,
        /// Its column.
        column: usize,
    },
    /// An object with the same key twice (JSON parsers disagree on which
    /// one counts, so neither does).
    #[error(
        "{}duplicate key {:?} at line {line} column {column}",
        prefix(path),
        shorten(key)
    )]
    DuplicateKey {
        /// The object (`measures[W3].title.translations`).
        path: ItemPath,
        /// The key.
        key: String,
        /// Line of the second occurrence.
        line: usize,
        /// Column just after it.
        column: usize,
    },
    /// A string longer than [`MAX_STRING_BYTES`], which no valid concept
    /// has; it is refused before it is stored.
    #[error("{}{} of {bytes} bytes is longer than the limit of {MAX_STRING_BYTES} bytes at line {line} column {column}",
        prefix(path), if *key { "key" } else { "string" })]
    StringTooLong {
        /// Where: the value, or the object of a key.
        path: ItemPath,
        /// Whether the string is a key.
        key: bool,
        /// Its length in bytes.
        bytes: usize,
        /// Line of its end.
        line: usize,
        /// Column of its end.
        column: usize,
    },
    /// The document has no `schemaVersion`.
    #[error("the document has no schemaVersion; this library reads {SCHEMA_MAJOR}.x")]
    MissingVersion,
    /// `schemaVersion` is not a string written `major.minor`.
    #[error("schemaVersion must be a string written major.minor such as \"{SCHEMA_VERSION}\", found {found}")]
    MalformedVersion {
        /// What it is, quoted if a string ("\"v1\"", "a number").
        found: String,
    },
    /// A major version this library cannot read.
    #[error("document has schema version {found}, this library reads {SCHEMA_MAJOR}.x")]
    UnsupportedVersion {
        /// The document's version.
        found: String,
    },
    /// Well-formed JSON that does not fit the model: a wrong type, an
    /// unknown code, a missing field, a date that does not exist.
    #[error("{}{source}", prefix(path))]
    Data {
        /// Where (`measures[W3].period`); empty for the document or the
        /// concept as a whole.
        path: ItemPath,
        /// The error, with the position.
        #[source]
        source: serde_json::Error,
    },
    /// The concept was read but is not valid: every problem, one per line.
    #[error("the concept is not valid: {0}")]
    Invalid(ValidationErrors),
}

fn prefix(path: &ItemPath) -> String {
    if path.is_root() {
        String::new()
    } else {
        format!("{path}: ")
    }
}

impl ImportError {
    /// Line and column (from 1, columns in bytes) the error is at, if any.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            ImportError::Encoding { line, column, .. }
            | ImportError::TooDeep { line, column }
            | ImportError::DuplicateKey { line, column, .. }
            | ImportError::StringTooLong { line, column, .. } => Some((*line, *column)),
            ImportError::Syntax { source } | ImportError::Data { source, .. } => {
                (source.line() > 0).then(|| (source.line(), source.column()))
            }
            _ => None,
        }
    }

    /// Where the error is, as the [`ItemPath`] that validation and the
    /// health report use (items by their ids, read from the document,
    /// where the JSON path counts positions); see [`ImportError`] for a
    /// place outside the concept. `None` when the error is not about one
    /// place (a syntax error, a wrong version, validation: each
    /// [`Problem`](kreisentwicklung_core::Problem) has its path).
    ///
    /// ```
    /// let json = r#"{"schemaVersion": "1.1", "concept": {
    ///   "id": "kek", "title": "KEK", "kind": "kek", "status": "adopted",
    ///   "territory": {"name": "Nordsachsen", "kind": "landkreis"},
    ///   "measures": [{"id": "W3", "title": "Breitbandausbau", "period": {"kind": "halbjahr"}}]}}"#;
    /// let err = kreisentwicklung_json::from_str(json).unwrap_err();
    /// assert_eq!(err.item_path().unwrap(), "measures[W3].period.kind");
    /// assert!(err.to_string().starts_with("measures[W3].period.kind: unknown variant `halbjahr`"));
    /// ```
    pub fn item_path(&self) -> Option<&ItemPath> {
        match self {
            ImportError::DuplicateKey { path, .. }
            | ImportError::StringTooLong { path, .. }
            | ImportError::Data { path, .. } => Some(path),
            _ => None,
        }
    }
}

/// Reads a concept document from a string and validates the concept.
///
/// See the [crate documentation](crate) for what is accepted; warnings are
/// dropped (use [`from_str_with_warnings`] to see them).
///
/// ```
/// let json = r#"{"schemaVersion": "1.0", "concept": {
///     "id": "kek", "title": "KEK 2030", "kind": "kek", "status": "adopted",
///     "territory": {"name": "Nordsachsen", "kind": "landkreis"}}}"#;
/// let concept = kreisentwicklung_json::from_str(json)?;
/// assert_eq!(concept.territory.display_name(), "Landkreis Nordsachsen");
/// # Ok::<(), kreisentwicklung_json::ImportError>(())
/// ```
pub fn from_str(input: &str) -> Result<Concept, ImportError> {
    from_str_with_warnings(input).map(|i| i.concept)
}

/// Reads a concept document from bytes, which must be UTF-8; see
/// [`from_str`].
pub fn from_slice(input: &[u8]) -> Result<Concept, ImportError> {
    from_slice_with_warnings(input).map(|i| i.concept)
}

/// Reads a concept document from a reader (to its end); see [`from_str`].
///
/// The whole input is read into memory first (a file can be read without:
/// see [`from_seekable_reader_with_warnings`]). To bound it, pass
/// `reader.take(limit)`: a cut-off document then fails as incomplete JSON.
pub fn from_reader<R: Read>(reader: R) -> Result<Concept, ImportError> {
    from_reader_with_warnings(reader).map(|i| i.concept)
}

/// Reads a concept document from a string, validates the concept and
/// returns it with the [`Warning`]s.
///
/// ```
/// use kreisentwicklung_json::{from_str_with_warnings, Warning};
///
/// let json = r#"{"schemaVersion": "1.2", "concept": {
///     "id": "kek", "title": "KEK 2030", "kind": "kek", "status": "adopted", "colour": "blue",
///     "territory": {"name": "Nordsachsen", "kind": "landkreis"}}}"#;
/// let imported = from_str_with_warnings(json)?;
/// assert_eq!(imported.warnings, [
///     Warning::NewerMinorVersion { found: "1.2".into() },
///     Warning::UnknownField { path: "concept.colour".into() },
/// ]);
/// assert_eq!(imported.warnings[1].to_string(), "concept.colour: unknown field, ignored");
/// # Ok::<(), kreisentwicklung_json::ImportError>(())
/// ```
pub fn from_str_with_warnings(input: &str) -> Result<Imported, ImportError> {
    let input = input.strip_prefix('\u{FEFF}').unwrap_or(input);
    if input.trim_matches([' ', '\t', '\n', '\r']).is_empty() {
        return Err(ImportError::Empty);
    }
    let (doc, warnings) = match read_once(input) {
        Some(read) => read,
        None => read_carefully(input)?,
    };
    doc.concept.validate().map_err(ImportError::Invalid)?;
    Ok(Imported {
        concept: doc.concept,
        warnings,
    })
}

/// The usual case, one pass: the document deserialised through
/// [`Checked`](checked::Checked), which makes the checks on the way and
/// counts unknown fields, without paths or messages. `None` on any
/// problem, which [`read_carefully`] then finds and describes with the same
/// checks.
fn read_once(input: &str) -> Option<(ConceptDocument, Vec<Warning>)> {
    // serde_json would also read a struct from an array.
    if !input
        .trim_start_matches([' ', '\t', '\n', '\r'])
        .starts_with('{')
    {
        return None;
    }
    let (doc, unknown) = read_checked(input, false)?;
    let unknown = if unknown.unknown_count == 0 {
        Vec::new()
    } else {
        // Unknown fields: read again, keeping the path of each.
        read_checked(input, true)?.1.unknown
    };
    // The version is checked after the concept was read, but only a
    // document without any other problem gets here, so the outcome is the
    // same as checking it first: a wrong version is what is reported.
    once_read(doc, unknown)
}

/// A document read in one pass with the warnings: a newer minor version,
/// then the unknown fields; `None` for a version it may not have.
fn once_read(
    doc: ConceptDocument,
    unknown: Vec<String>,
) -> Option<(ConceptDocument, Vec<Warning>)> {
    let mut warnings = Vec::new();
    warnings.extend(check_version(VersionField::Str(doc.schema_version.clone())).ok()?);
    warnings.extend(
        unknown
            .into_iter()
            .map(|path| Warning::UnknownField { path }),
    );
    Some((doc, warnings))
}

/// One pass through [`Checked`](checked::Checked); `track` keeps the paths
/// of unknown fields (and costs a little), else they are only counted.
fn read_checked(input: &str, track: bool) -> Option<(ConceptDocument, checked::State<'_>)> {
    checked_pass(serde_json::Deserializer::from_str(input), track)
}

/// The one pass through [`Checked`](checked::Checked) over a document,
/// which must end where the concept document ends.
fn checked_pass<'de, R: serde_json::de::Read<'de>>(
    mut de: serde_json::Deserializer<R>,
    track: bool,
) -> Option<(ConceptDocument, checked::State<'de>)> {
    let mut state = checked::State::new(track);
    let doc = ConceptDocument::deserialize(checked::Checked {
        de: &mut de,
        st: &mut state,
    })
    .ok()?;
    de.end().ok()?;
    Some((doc, state))
}

/// The same checks as [`read_once`], one after the other in the documented
/// order, with paths and positions in the errors: the scan through
/// [`Checked`](checked::Checked) (well-formed, depth, duplicate keys,
/// string lengths) and the version, then the model through it again with
/// the paths kept. Only run on a document [`read_once`] did not accept, so
/// it finds the problem.
fn read_carefully(input: &str) -> Result<(ConceptDocument, Vec<Warning>), ImportError> {
    let version = checked::scan(input).map_err(|e| scan_error(input, e))?;
    let mut warnings = Vec::new();
    warnings.extend(check_version(version)?);

    // The same checks as in `read_once`, now with paths: the unknown fields
    // from the state, the place of a type error from serde_path_to_error.
    let mut state = checked::State::new(true);
    let mut de = serde_json::Deserializer::from_str(input);
    let doc: ConceptDocument = serde_path_to_error::deserialize(checked::Checked {
        de: &mut de,
        st: &mut state,
    })
    .map_err(|e| ImportError::Data {
        path: path::item_path(input, &path::from_error_path(e.path())),
        source: e.into_inner(),
    })?;
    de.end().map_err(|source| ImportError::Syntax { source })?;
    warnings.extend(
        state
            .unknown
            .into_iter()
            .map(|path| Warning::UnknownField { path }),
    );
    Ok((doc, warnings))
}

/// Reads a concept document from bytes, which must be UTF-8; see
/// [`from_str_with_warnings`].
pub fn from_slice_with_warnings(input: &[u8]) -> Result<Imported, ImportError> {
    let text = std::str::from_utf8(input).map_err(|e| encoding_error(input, e))?;
    from_str_with_warnings(text)
}

/// Reads a concept document from a reader (to its end); see
/// [`from_str_with_warnings`] and [`from_reader`].
pub fn from_reader_with_warnings<R: Read>(mut reader: R) -> Result<Imported, ImportError> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(ImportError::Io)?;
    from_slice_with_warnings(&bytes)
}

/// Reads a concept document from a file (or any reader that can go back to
/// where it started) without holding the document in memory, about as
/// fast as from a slice: so the memory the import needs is the concept's.
/// Accepts exactly what [`from_slice_with_warnings`] accepts, with the
/// same warnings.
///
/// The document is read in chunks of [`READ_BUFFER`] bytes and cut into
/// pieces, each parsed as a slice through the same checks as every import:
/// each element of the concept's lists (measures, indicators, goals …),
/// and the rest of the document with those lists left empty. An element
/// may be up to 16 MiB long (far more than any measure with the longest
/// texts needs); a longer one makes the import read the document whole.
///
/// A document with a problem, or (rarely) with unknown fields in the
/// elements of a list, is read again from the start: unknown fields
/// through `serde_json`'s reader (slower) to keep their paths; a problem
/// by reading the document into memory and reporting it as
/// [`from_slice_with_warnings`] does, with its path and position. An I/O
/// error is [`ImportError::Io`].
///
/// ```
/// use std::io::Cursor;
///
/// let json = kreisentwicklung_core::generate::generate(
///     &kreisentwicklung_core::generate::GeneratorOptions::new(5));
/// let bytes = kreisentwicklung_json::to_vec(&json, true)?;
/// let imported = kreisentwicklung_json::from_seekable_reader_with_warnings(Cursor::new(&bytes))?;
/// assert_eq!(imported.concept, json);
///
/// let err = kreisentwicklung_json::from_seekable_reader_with_warnings(Cursor::new(&bytes[..100]))
///     .unwrap_err();
/// assert!(err.to_string().starts_with("incomplete JSON (truncated?)"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn from_seekable_reader_with_warnings<R: Read + Seek>(
    mut reader: R,
) -> Result<Imported, ImportError> {
    let start = reader.stream_position().map_err(ImportError::Io)?;
    let (doc, warnings) = match stream_once(&mut reader, start, READ_BUFFER) {
        Some(read) => read,
        None => {
            // A problem to describe (or an I/O error to report): the
            // careful way, which needs the text.
            reader
                .seek(SeekFrom::Start(start))
                .map_err(ImportError::Io)?;
            let mut bytes = Vec::new();
            reader.read_to_end(&mut bytes).map_err(ImportError::Io)?;
            return from_slice_with_warnings(&bytes);
        }
    };
    doc.concept.validate().map_err(ImportError::Invalid)?;
    Ok(Imported {
        concept: doc.concept,
        warnings,
    })
}

/// The chunk [`from_seekable_reader_with_warnings`] reads at a time, in
/// bytes: large enough that reading costs one system call per 256 KiB,
/// small beside any concept worth streaming.
pub const READ_BUFFER: usize = 256 << 10;

/// [`read_once`] in pieces ([`stream`]): `None` on any problem, an I/O
/// error included.
fn stream_once<R: Read + Seek>(
    reader: &mut R,
    start: u64,
    chunk: usize,
) -> Option<(ConceptDocument, Vec<Warning>)> {
    let framed = stream::read(&mut *reader, chunk)?;
    if framed.unknown > 0 {
        // Unknown fields in the elements of lists: their paths are those of
        // the whole document, read again through `serde_json`'s reader to
        // keep them (slower, and rare: a document of a newer version).
        reader.seek(SeekFrom::Start(start)).ok()?;
        let (doc, state) = stream_checked(&mut *reader)?;
        return once_read(doc, state.unknown);
    }
    // The rest is read as a document of its own, the lists in it empty.
    let (mut doc, warnings) = read_once(&framed.rest)?;
    framed.fill(&mut doc.concept);
    Some((doc, warnings))
}

/// [`read_checked`] through `serde_json`'s reader, keeping the paths of
/// unknown fields. A leading byte order mark and
/// whitespace are skipped here, and the document must then start with
/// `{`, as in [`read_once`]. Every other byte passes through `serde_json`,
/// which checks that strings (and so the whole document: outside strings
/// only ASCII is JSON) are UTF-8, as [`from_slice`] does first.
fn stream_checked<R: Read>(reader: R) -> Option<(ConceptDocument, checked::State<'static>)> {
    // `serde_json` reads byte by byte; the standard library has a fast
    // path for that from a `BufReader` (not from a reference to one).
    let mut buffered = BufReader::with_capacity(READ_BUFFER, reader);
    let head = buffered.fill_buf().ok()?;
    if head.starts_with(b"\xEF\xBB\xBF") {
        buffered.consume(3);
    }
    loop {
        let head = buffered.fill_buf().ok()?;
        let ws = head
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            .count();
        match head.get(ws) {
            Some(b'{') => {
                buffered.consume(ws);
                break;
            }
            Some(_) => return None,
            None if head.is_empty() => return None,
            None => buffered.consume(ws),
        }
    }
    checked_pass(serde_json::Deserializer::from_reader(buffered), true)
}

fn encoding_error(input: &[u8], e: std::str::Utf8Error) -> ImportError {
    let offset = e.valid_up_to();
    let before = &input[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    ImportError::Encoding {
        offset,
        line,
        column: offset - line_start + 1,
        byte: e.error_len().map(|_| input[offset]),
    }
}

/// The error of the scan of `input`, with the [`ItemPath`] of its place.
fn scan_error(input: &str, e: ScanError) -> ImportError {
    match e {
        ScanError::Found(Found::DuplicateKey { path, key }, err) => ImportError::DuplicateKey {
            path: path::item_path(input, &path),
            key,
            line: err.line(),
            column: err.column(),
        },
        ScanError::Found(Found::TooLong { path, bytes, key }, err) => ImportError::StringTooLong {
            path: path::item_path(input, &path),
            key,
            bytes,
            line: err.line(),
            column: err.column(),
        },
        ScanError::Json(source) if source.to_string().starts_with("recursion limit exceeded") => {
            ImportError::TooDeep {
                line: source.line(),
                column: source.column(),
            }
        }
        ScanError::Json(source) if source.is_data() => ImportError::Data {
            path: ItemPath::root(),
            source,
        },
        ScanError::Json(source) => ImportError::Syntax { source },
    }
}

/// Parses `major.minor`.
fn parse_version(v: &str) -> Option<(u64, u64)> {
    let (major, minor) = v.split_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(major) || !digits(minor) {
        return None;
    }
    // Absurdly long digit strings saturate: they are unsupported, not malformed.
    let num = |s: &str| s.parse::<u64>().unwrap_or(u64::MAX);
    Some((num(major), num(minor)))
}

fn check_version(v: VersionField) -> Result<Option<Warning>, ImportError> {
    let found = match v {
        VersionField::Missing => return Err(ImportError::MissingVersion),
        VersionField::Other(what) => {
            return Err(ImportError::MalformedVersion {
                found: what.to_owned(),
            })
        }
        VersionField::Str(s) => s,
    };
    let Some((major, minor)) = parse_version(&found) else {
        return Err(ImportError::MalformedVersion {
            found: format!("{:?}", shorten(&found)),
        });
    };
    let (_, own_minor) = parse_version(SCHEMA_VERSION).unwrap_or((0, 0));
    if major != u64::from(SCHEMA_MAJOR) {
        return Err(ImportError::UnsupportedVersion {
            found: shorten(&found),
        });
    }
    Ok((minor > own_minor).then_some(Warning::NewerMinorVersion { found }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions() {
        assert_eq!(parse_version("1.0"), Some((1, 0)));
        assert_eq!(parse_version("12.34"), Some((12, 34)));
        for bad in ["", "1", "1.", ".1", "1.0.0", "v1.0", "1.0 ", "١.٠", "+1.0"] {
            assert_eq!(parse_version(bad), None, "{bad:?}");
        }
        assert!(check_version(VersionField::Str("1.0".into()))
            .unwrap()
            .is_none());
        assert!(matches!(
            check_version(VersionField::Str("99999999999999999999999.0".into())),
            Err(ImportError::UnsupportedVersion { .. })
        ));
    }

    /// The one pass accepts a document only if the careful way reads the
    /// same document and warnings; and it accepts the documents it should.
    fn same(input: &str) -> bool {
        let once = read_once(input);
        // Read through a buffer, the one pass accepts the same documents
        // and gives the same concept and warnings.
        // (A byte order mark is skipped by both callers.)
        let unmarked = read_once(input.strip_prefix('\u{FEFF}').unwrap_or(input));
        for chunk in [READ_BUFFER, 1, 7, 100] {
            let streamed = stream_once(&mut std::io::Cursor::new(input.as_bytes()), 0, chunk);
            assert_eq!(streamed, unmarked, "{chunk}: {input}");
        }
        let careful = read_carefully(input).ok();
        if let Some(once) = &once {
            assert_eq!(Some(once), careful.as_ref(), "{input}");
        }
        once.is_some() || careful.is_none()
    }

    fn doc(concept_extra: &str) -> String {
        format!(
            r#"{{"$schema": "urn:kreisentwicklung:schema:json:1", "schemaVersion": "1.0",
            "concept": {{"id": "kek", "title": "KEK", "kind": "kek", "status": "adopted",
            "territory": {{"name": "Beispiel", "kind": "landkreis"}}{concept_extra}}}}}"#
        )
    }

    #[test]
    fn one_pass_and_careful_reading_agree() {
        use kreisentwicklung_core::generate::{generate, GeneratorOptions};
        let concept = generate(&GeneratorOptions::new(30).seed(7));
        for pretty in [false, true] {
            let json = String::from_utf8(crate::to_vec(&concept, pretty).unwrap()).unwrap();
            assert!(read_once(&json).is_some());
            assert!(same(&json));
        }
        let accepted = [
            doc(""),
            doc(r#", "x-colour": "blue", "measures": [{"id": "m1", "title": "R", "rating": {"a": [1, {"b": 2}]}}]"#),
            doc("").replace(r#""title": "KEK""#, r#""title": {"text": "KEK", "translations": {"en": "CDC", "fr": "x"}, "note": [1]}"#),
            doc("").replace(r#""title": "KEK""#, r#""title": {"text": "KEK", "translations": {"en\u0020": "CDC", "en": "x"}}"#),
            doc(r#", "measures": [{"id": "m1", "title": "R", "period": {"year": 2019, "kind": "year", "colour": 1}}]"#),
            doc(r#", "measures": [{"id": "m1", "title": "R", "period": {"start": {"kind": "year", "year": 2019}, "kind": "since"}}]"#),
            doc(r#", "measures": [{"id": "m1", "title": "R", "period": {"kind": "year", "year": 2019, "month": "x"}}]"#),
            doc(r#", "horizon": {"kind": "range", "from": 2020, "to": 2030, "x": 1}"#),
            doc(r#", "x": {"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":0,"k11":1,"k12":2,"k13":3,"k14":4,"k15":5,"k16":6,"k17":7,"k18":8}"#),
            doc("").replace(r#""1.0""#, r#""1.7""#),
            doc("").replace("\"kek\", \"title\"", "\"kek\", \"t\\u0069tle\""),
        ];
        for input in &accepted {
            assert!(read_once(input).is_some(), "{input}");
            assert!(same(input), "{input}");
        }
        let refused = [
            String::new(),
            "[]".to_owned(),
            r#"["urn:kreisentwicklung:schema:json:1", "1.0", {}]"#.to_owned(),
            doc(r#", "title": "x""#),
            doc(r#", "x": {"a": 1, "a": 2}"#),
            doc("").replace(
                r#""title": "KEK""#,
                r#""title": {"text": "KEK", "translations": {"en": "CDC", "\u0065n": "x"}}"#,
            ),
            doc(
                r#", "x": {"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":0,"k11":1,"k12":2,"k13":3,"k14":4,"k15":5,"k16":6,"k17":7,"k3":8}"#,
            ),
            doc(
                r#", "measures": [{"id": "m1", "title": "R", "period": {"kind": "year", "year": 2019, "year": 2020}}]"#,
            ),
            doc(
                r#", "measures": [{"id": "m1", "title": "R", "period": {"kind": "day", "date": "2019-02-30"}}]"#,
            ),
            doc(&format!(r#", "x": {}{}"#, "[".repeat(200), "]".repeat(200))),
            doc(&format!(
                r#", "x": "{}""#,
                "a".repeat(crate::MAX_STRING_BYTES + 1)
            )),
            doc(&format!(
                r#", "{}": 1"#,
                "a".repeat(crate::MAX_STRING_BYTES + 1)
            )),
            doc("").replace(r#""1.0""#, r#""2.0""#),
            doc("").replace(r#""1.0""#, "1.0"),
            doc("").replace(r#""schemaVersion": "1.0","#, ""),
            doc("") + " x",
        ];
        for input in &refused {
            assert!(read_once(input).is_none(), "{input}");
            assert!(same(input), "{input}");
        }
        let hostile = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/hostile");
        if let Ok(dir) = std::fs::read_dir(hostile) {
            for entry in dir {
                let bytes = std::fs::read(entry.unwrap().path()).unwrap();
                if let Ok(text) = std::str::from_utf8(&bytes) {
                    assert!(same(text), "{text}");
                }
            }
        }
    }

    #[test]
    fn encoding_positions() {
        let bytes = b"{\n  \"a\": \"x\xFFy\"}".to_vec();
        let e = std::str::from_utf8(&bytes).unwrap_err();
        let err = encoding_error(&bytes, e);
        assert_eq!(err.position(), Some((2, 10)));
        assert_eq!(
            err.to_string(),
            "the input is not valid UTF-8: invalid byte 0xFF at line 2 column 10 (byte offset 11)"
        );
    }
}
