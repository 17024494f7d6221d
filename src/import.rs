//! Reading concept documents whose format is recognised by their content.
//!
//! [`from_slice`] looks at the first character after an optional UTF-8
//! byte order mark and whitespace: `{` is read as JSON, `<` as XML; a zip
//! archive (`PK\x03\x04`) is read as a council workbook (XLSX) written by
//! this library and perhaps edited since (see [`crate::xlsx::read`]).
//! Anything else is refused with an error that says what was found.
//!
//! ```
//! use kreisentwicklung::import::{self, Format};
//!
//! assert_eq!(import::detect(b"  {\"schemaVersion\": \"1.0\"}")?, Format::Json);
//! assert_eq!(import::detect(b"\xEF\xBB\xBF<?xml version=\"1.0\"?>")?, Format::Xml);
//! let err = import::detect(b"Landkreis;Nordsachsen").unwrap_err();
//! assert!(err.to_string().contains("neither JSON nor XML"));
//! # Ok::<(), import::ImportError>(())
//! ```

use std::fmt;

use kreisentwicklung_core::{Concept, ValidationErrors};

/// A format a concept document can be read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// The JSON exchange format.
    Json,
    /// The XML exchange format.
    Xml,
    /// The council workbook (XLSX).
    Xlsx,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Json => "JSON",
            Format::Xml => "XML",
            Format::Xlsx => "XLSX",
        })
    }
}

/// Why a document could not be read.
#[derive(Debug)]
#[non_exhaustive]
pub enum ImportError {
    /// The document is empty or only whitespace.
    Empty,
    /// The document is encoded in UTF-16 or UTF-32; documents must be UTF-8.
    NotUtf8,
    /// The document is neither JSON nor XML.
    Unrecognized {
        /// A short, printable description of how the document starts.
        start: String,
    },
    /// The format was recognised, but its cargo feature is off.
    Disabled {
        /// The format.
        format: Format,
    },
    /// The JSON document could not be read, or the concept in it is
    /// invalid.
    #[cfg(feature = "json")]
    Json(crate::json::ImportError),
    /// The XML document could not be read, or the concept in it is invalid.
    #[cfg(feature = "xml")]
    Xml(crate::xml::ImportError),
    /// The workbook could not be read back, its cells have errors, or the
    /// concept in it is invalid.
    #[cfg(feature = "xlsx")]
    Xlsx(crate::xlsx::read::ReadError),
}

impl ImportError {
    /// The validation problems, when the document was read but the concept
    /// in it is invalid.
    pub fn validation_errors(&self) -> Option<&ValidationErrors> {
        match self {
            #[cfg(feature = "json")]
            ImportError::Json(crate::json::ImportError::Invalid(errors)) => Some(errors),
            #[cfg(feature = "xml")]
            ImportError::Xml(crate::xml::ImportError::Invalid(errors)) => Some(errors),
            #[cfg(feature = "xlsx")]
            ImportError::Xlsx(crate::xlsx::read::ReadError::Invalid(errors)) => Some(errors),
            _ => None,
        }
    }

    /// The format the document was recognised as, if it was.
    pub fn format(&self) -> Option<Format> {
        match self {
            ImportError::Disabled { format } => Some(*format),
            #[cfg(feature = "json")]
            ImportError::Json(_) => Some(Format::Json),
            #[cfg(feature = "xml")]
            ImportError::Xml(_) => Some(Format::Xml),
            #[cfg(feature = "xlsx")]
            ImportError::Xlsx(_) => Some(Format::Xlsx),
            _ => None,
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => f.write_str("the document is empty"),
            ImportError::NotUtf8 => {
                f.write_str("the document is not UTF-8 (it starts with a UTF-16 or UTF-32 byte order mark); save it as UTF-8")
            }
            ImportError::Unrecognized { start } => write!(
                f,
                "the document is neither JSON nor XML: it starts with {start}, where `{{` (JSON) or `<` (XML) was expected"
            ),
            ImportError::Disabled { format } => write!(
                f,
                "the document is {format}, but this build cannot read {format} (enable the cargo feature `{}`)",
                format.to_string().to_lowercase()
            ),
            #[cfg(feature = "json")]
            ImportError::Json(e) => write!(f, "{e}"),
            #[cfg(feature = "xml")]
            ImportError::Xml(e) => write!(f, "{e}"),
            #[cfg(feature = "xlsx")]
            ImportError::Xlsx(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ImportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            #[cfg(feature = "json")]
            ImportError::Json(e) => Some(e),
            #[cfg(feature = "xml")]
            ImportError::Xml(e) => Some(e),
            #[cfg(feature = "xlsx")]
            ImportError::Xlsx(e) => Some(e),
            _ => None,
        }
    }
}

#[cfg(feature = "json")]
impl From<crate::json::ImportError> for ImportError {
    fn from(e: crate::json::ImportError) -> Self {
        ImportError::Json(e)
    }
}

#[cfg(feature = "xml")]
impl From<crate::xml::ImportError> for ImportError {
    fn from(e: crate::xml::ImportError) -> Self {
        ImportError::Xml(e)
    }
}

/// Recognises the format of a document by its first significant character
/// (or the zip magic of a workbook).
pub fn detect(bytes: &[u8]) -> Result<Format, ImportError> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Ok(Format::Xlsx);
    }
    for bom in [
        &[0xFF, 0xFE][..],
        &[0xFE, 0xFF][..],
        &[0, 0, 0xFE, 0xFF][..],
    ] {
        if bytes.starts_with(bom) {
            return Err(ImportError::NotUtf8);
        }
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .ok_or(ImportError::Empty)?;
    match body[start] {
        b'{' => Ok(Format::Json),
        b'<' => Ok(Format::Xml),
        _ => Err(ImportError::Unrecognized {
            start: describe_start(&body[start..]),
        }),
    }
}

/// How a document starts, for messages: `a ZIP archive (an XLSX workbook?)`
/// or the first few characters, quoted.
fn describe_start(bytes: &[u8]) -> String {
    if bytes.starts_with(b"PK\x03\x04") {
        return "a ZIP archive (an XLSX workbook?)".to_owned();
    }
    if bytes.starts_with(b"%PDF") {
        return "a PDF file".to_owned();
    }
    let head = &bytes[..bytes.len().min(40)];
    let text = String::from_utf8_lossy(head);
    let first: String = text
        .chars()
        .take_while(|c| *c != '\n' && *c != '\r')
        .take(20)
        .collect();
    format!("{first:?}")
}

/// Reads and validates a concept document, JSON or XML, recognised by its
/// content.
///
/// ```
/// let json = kreisentwicklung::examples::json("helmstedt").unwrap();
/// let concept = kreisentwicklung::import::from_slice(json.as_bytes())?;
/// assert_eq!(concept.territory.display_name(), "Landkreis Helmstedt");
///
/// let err = kreisentwicklung::import::from_slice(b"<concept").unwrap_err();
/// assert_eq!(err.format(), Some(kreisentwicklung::import::Format::Xml));
/// # Ok::<(), kreisentwicklung::import::ImportError>(())
/// ```
pub fn from_slice(bytes: &[u8]) -> Result<Concept, ImportError> {
    match detect(bytes)? {
        Format::Json => from_json(bytes),
        Format::Xml => from_xml(bytes),
        Format::Xlsx => from_xlsx(bytes).map(|i| i.concept),
    }
}

/// A concept read by [`from_slice_with_warnings`], with what the reader
/// noticed but accepted.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Imported {
    /// The concept, valid.
    pub concept: Concept,
    /// The format it was read from.
    pub format: Format,
    /// Warnings in document order, one line each (`concept.measures[0].colour:
    /// unknown field, ignored`); empty for a document this library wrote.
    pub warnings: Vec<String>,
}

/// Like [`from_slice`], also returning the warnings of the reader: members
/// the model does not have, which are ignored, or a newer minor schema
/// version.
///
/// ```
/// let json = br#"{"schemaVersion": "1.0", "concept": {
///     "id": "kek", "title": "KEK 2030", "kind": "kek", "status": "adopted",
///     "territory": {"name": "Nordsachsen", "kind": "landkreis"}, "titel": "typo"}}"#;
/// let imported = kreisentwicklung::import::from_slice_with_warnings(json)?;
/// assert_eq!(imported.warnings, ["concept.titel: unknown field, ignored"]);
/// # Ok::<(), kreisentwicklung::import::ImportError>(())
/// ```
pub fn from_slice_with_warnings(bytes: &[u8]) -> Result<Imported, ImportError> {
    let format = detect(bytes)?;
    match format {
        #[cfg(feature = "json")]
        Format::Json => {
            let imported = crate::json::from_slice_with_warnings(bytes)?;
            Ok(Imported {
                concept: imported.concept,
                format,
                warnings: imported.warnings.iter().map(ToString::to_string).collect(),
            })
        }
        Format::Xlsx => {
            let imported = from_xlsx(bytes)?;
            Ok(Imported {
                concept: imported.concept,
                format,
                warnings: imported.warnings.iter().map(ToString::to_string).collect(),
            })
        }
        _ => Ok(Imported {
            concept: from_slice(bytes)?,
            format,
            warnings: Vec::new(),
        }),
    }
}

#[cfg(feature = "xlsx")]
fn from_xlsx(bytes: &[u8]) -> Result<crate::xlsx::read::Imported, ImportError> {
    crate::xlsx::read::read(bytes).map_err(ImportError::Xlsx)
}

/// What [`from_xlsx`] gives without the `xlsx` feature: nothing.
#[cfg(not(feature = "xlsx"))]
struct NoWorkbook {
    concept: Concept,
    warnings: Vec<String>,
}

#[cfg(not(feature = "xlsx"))]
fn from_xlsx(_: &[u8]) -> Result<NoWorkbook, ImportError> {
    Err(ImportError::Disabled {
        format: Format::Xlsx,
    })
}

#[cfg(feature = "xml")]
fn from_xml(bytes: &[u8]) -> Result<Concept, ImportError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    crate::xml::from_slice(body).map_err(ImportError::Xml)
}

#[cfg(not(feature = "xml"))]
fn from_xml(_: &[u8]) -> Result<Concept, ImportError> {
    Err(ImportError::Disabled {
        format: Format::Xml,
    })
}

#[cfg(feature = "json")]
fn from_json(bytes: &[u8]) -> Result<Concept, ImportError> {
    crate::json::from_slice(bytes).map_err(ImportError::Json)
}

#[cfg(not(feature = "json"))]
fn from_json(_: &[u8]) -> Result<Concept, ImportError> {
    Err(ImportError::Disabled {
        format: Format::Json,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_first_significant_character() {
        assert_eq!(detect(b"{}").unwrap(), Format::Json);
        assert_eq!(detect(b"\n\t {}").unwrap(), Format::Json);
        assert_eq!(detect(b"\xEF\xBB\xBF\r\n<concept/>").unwrap(), Format::Xml);
        assert!(matches!(detect(b""), Err(ImportError::Empty)));
        assert!(matches!(detect(b" \n "), Err(ImportError::Empty)));
        assert!(matches!(detect(b"\xEF\xBB\xBF"), Err(ImportError::Empty)));
        assert!(matches!(detect(b"\xFF\xFE<\0"), Err(ImportError::NotUtf8)));
    }

    #[test]
    fn unrecognized_content_is_described() {
        assert_eq!(detect(b"PK\x03\x04rest").unwrap(), Format::Xlsx);
        let e = from_slice(b"PK\x03\x04rest").unwrap_err();
        assert_eq!(e.format(), Some(Format::Xlsx));
        let e = detect(b"id;title\n1;x").unwrap_err();
        assert!(e.to_string().contains("\"id;title\""), "{e}");
    }
}
