//! Reading concept documents.

use std::fmt;
use std::io::Read;

use kreisentwicklung_core::{
    Concept, ConceptDocument, ValidationErrors, SCHEMA_MAJOR, SCHEMA_VERSION,
};

use crate::path::{self, shorten};
use crate::scan::{self, Found, ScanError, VersionField};
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
/// Its `Display` is one line that names the JSON path and the position
/// where there is one (`concept.measures[3].period: unknown variant
/// `halbjahr`, expected one of … at line 12 column 7`), or one line per
/// problem for [`ImportError::Invalid`]. Lines and columns count from 1;
/// columns count bytes, as `serde_json` does. The `serde_json` error, where
/// there is one, is also the [`source`](std::error::Error::source).
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
        /// The object (`concept.title.translations`).
        path: String,
        /// The key.
        key: String,
        /// Line of the second occurrence.
        line: usize,
        /// Column just after it.
        column: usize,
    },
    /// A string longer than [`MAX_STRING_BYTES`], which no valid concept
    /// has; it is refused before it is stored.
    #[error("{}string of {bytes} bytes is longer than the limit of {MAX_STRING_BYTES} bytes at line {line} column {column}", prefix(path))]
    StringTooLong {
        /// Where.
        path: String,
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
        /// Where (`concept.measures[3].period`); empty for the document.
        path: String,
        /// The error, with the position.
        #[source]
        source: serde_json::Error,
    },
    /// The concept was read but is not valid: every problem, one per line.
    #[error("the concept is not valid: {0}")]
    Invalid(ValidationErrors),
}

fn prefix(path: &str) -> String {
    if path.is_empty() {
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

    /// The JSON path the error is about, if it is about one place.
    pub fn path(&self) -> Option<&str> {
        match self {
            ImportError::DuplicateKey { path, .. }
            | ImportError::StringTooLong { path, .. }
            | ImportError::Data { path, .. } => Some(path),
            ImportError::MissingVersion
            | ImportError::MalformedVersion { .. }
            | ImportError::UnsupportedVersion { .. } => Some("schemaVersion"),
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
/// The whole input is read into memory first. To bound it, pass
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
    let version = scan::scan(input).map_err(scan_error)?;
    let mut warnings = Vec::new();
    warnings.extend(check_version(version)?);

    let mut de = serde_json::Deserializer::from_str(input);
    let doc: ConceptDocument = {
        let mut on_ignored = |p: serde_ignored::Path<'_>| {
            warnings.push(Warning::UnknownField {
                path: path::from_ignored_path(&p),
            })
        };
        let ignored = serde_ignored::Deserializer::new(&mut de, &mut on_ignored);
        serde_path_to_error::deserialize(ignored).map_err(|e| ImportError::Data {
            path: path::from_error_path(e.path()),
            source: e.into_inner(),
        })?
    };
    de.end().map_err(|source| ImportError::Syntax { source })?;

    doc.concept.validate().map_err(ImportError::Invalid)?;
    Ok(Imported {
        concept: doc.concept,
        warnings,
    })
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

fn scan_error(e: ScanError) -> ImportError {
    match e {
        ScanError::Found(Found::DuplicateKey { path, key }, err) => ImportError::DuplicateKey {
            path,
            key,
            line: err.line(),
            column: err.column(),
        },
        ScanError::Found(Found::TooLong { path, bytes }, err) => ImportError::StringTooLong {
            path,
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
            path: String::new(),
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
