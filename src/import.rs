//! Reading concept documents whose format is recognised by their content.
//!
//! [`from_slice`] looks at the first character after an optional UTF-8
//! byte order mark and whitespace: `{` is read as JSON, `<` as XML; a zip
//! archive (`PK\x03\x04`) is read as a council workbook (XLSX) written by
//! this library and perhaps edited since (see [`crate::xlsx::read`]).
//! Anything else is refused with an error that says what was found.
//!
//! A file is best read with [`from_seekable_reader`]: JSON and XML are then
//! read through a buffer, so that reading needs about the memory of the
//! concept, not the file's size besides.
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
use std::io::{self, Read, Seek, SeekFrom};

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
    /// Reading the input failed ([`from_seekable_reader`]).
    Io(io::Error),
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
            ImportError::Io(e) => write!(f, "cannot read the input: {e}"),
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
            ImportError::Io(e) => Some(e),
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
    let head = &bytes[..bytes.len().min(QUOTED)];
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

/// How many bytes [`from_seekable_reader`] reads to recognise the format.
pub const HEAD: usize = 4096;

/// Reads and validates a concept document from a file, or any reader that
/// can go back to where it started, recognised by its content as
/// [`from_slice`] recognises it; see [`from_seekable_reader_with_warnings`].
pub fn from_seekable_reader<R: Read + Seek>(reader: R) -> Result<Concept, ImportError> {
    from_seekable_reader_with_warnings(reader).map(|imported| imported.concept)
}

/// Like [`from_slice_with_warnings`], for a file (or any reader that can go
/// back to where it started): the first [`HEAD`] bytes tell the format, and
/// JSON and XML are then read through a buffer
/// ([`crate::json::from_seekable_reader_with_warnings`],
/// [`crate::xml::from_seekable_reader`]), so that reading needs about the
/// memory of the concept. They accept, warn and report exactly as
/// [`from_slice_with_warnings`] does. A workbook, or a document whose first
/// [`HEAD`] bytes are all whitespace, is read whole. An error of the reader
/// is [`ImportError::Io`], whatever the format.
///
/// ```
/// use std::io::Cursor;
/// use kreisentwicklung::import::{self, Format};
///
/// let concept = kreisentwicklung::examples::load("helmstedt")?;
/// let xml = kreisentwicklung::xml::to_string(&concept, &Default::default())?;
/// let imported = import::from_seekable_reader_with_warnings(Cursor::new(xml))?;
/// assert_eq!((imported.format, imported.concept), (Format::Xml, concept));
///
/// let err = import::from_seekable_reader(Cursor::new(b"Landkreis;Helmstedt")).unwrap_err();
/// assert!(err.to_string().contains("neither JSON nor XML"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn from_seekable_reader_with_warnings<R: Read + Seek>(
    mut reader: R,
) -> Result<Imported, ImportError> {
    let start = reader.stream_position().map_err(ImportError::Io)?;
    let mut head = Vec::with_capacity(HEAD);
    (&mut reader)
        .take(HEAD as u64)
        .read_to_end(&mut head)
        .map_err(ImportError::Io)?;
    let rewind = |reader: &mut R, skip: u64| {
        reader
            .seek(SeekFrom::Start(start + skip))
            .map(drop)
            .map_err(ImportError::Io)
    };
    match detect(&head) {
        Ok(Format::Json) => {
            rewind(&mut reader, 0)?;
            json_from_reader(reader)
        }
        Ok(Format::Xml) => {
            // From after a byte order mark, as `from_slice` reads the bytes.
            rewind(
                &mut reader,
                u64::from(head.starts_with(b"\xEF\xBB\xBF")) * 3,
            )?;
            xml_from_reader(reader)
        }
        // Whitespace to the end of a short document: nothing in it.
        Err(ImportError::Empty) if head.len() < HEAD => Err(ImportError::Empty),
        Err(e @ ImportError::NotUtf8) => Err(e),
        // Unless the start it quotes runs past the head.
        Err(e @ ImportError::Unrecognized { .. }) if head.len() < HEAD || quotable(&head) => Err(e),
        // A workbook, or whitespace up to the end of the head (the
        // document may go on): read whole.
        _ => {
            rewind(&mut reader, 0)?;
            let mut bytes = Vec::new();
            reader.read_to_end(&mut bytes).map_err(ImportError::Io)?;
            from_slice_with_warnings(&bytes)
        }
    }
}

/// How many bytes of an unrecognised document [`ImportError::Unrecognized`]
/// quotes from (at most 20 characters of them).
const QUOTED: usize = 40;

/// True when the head holds the [`QUOTED`] bytes from the first significant
/// one.
fn quotable(head: &[u8]) -> bool {
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    body.iter()
        .position(|b| !b.is_ascii_whitespace())
        .is_some_and(|first| first + QUOTED <= body.len())
}

#[cfg(feature = "json")]
fn json_from_reader<R: Read + Seek>(reader: R) -> Result<Imported, ImportError> {
    match crate::json::from_seekable_reader_with_warnings(reader) {
        Ok(imported) => Ok(Imported {
            concept: imported.concept,
            format: Format::Json,
            warnings: imported.warnings.iter().map(ToString::to_string).collect(),
        }),
        Err(crate::json::ImportError::Io(e)) => Err(ImportError::Io(e)),
        Err(e) => Err(ImportError::Json(e)),
    }
}

#[cfg(not(feature = "json"))]
fn json_from_reader<R>(_: R) -> Result<Imported, ImportError> {
    Err(ImportError::Disabled {
        format: Format::Json,
    })
}

#[cfg(feature = "xml")]
fn xml_from_reader<R: Read + Seek>(reader: R) -> Result<Imported, ImportError> {
    match crate::xml::from_seekable_reader(reader) {
        Ok(concept) => Ok(Imported {
            concept,
            format: Format::Xml,
            warnings: Vec::new(),
        }),
        Err(crate::xml::ImportError::Io(e)) => Err(ImportError::Io(e)),
        Err(e) => Err(ImportError::Xml(e)),
    }
}

#[cfg(not(feature = "xml"))]
fn xml_from_reader<R>(_: R) -> Result<Imported, ImportError> {
    Err(ImportError::Disabled {
        format: Format::Xml,
    })
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

    /// A reader that fails after `ok` bytes.
    struct Failing<R> {
        inner: R,
        ok: usize,
    }

    impl<R: Read> Read for Failing<R> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.ok == 0 {
                return Err(io::Error::other("the disk went away"));
            }
            let n = buf.len().min(self.ok);
            let n = self.inner.read(&mut buf[..n])?;
            self.ok -= n;
            Ok(n)
        }
    }

    impl<R: Seek> Seek for Failing<R> {
        fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
            self.inner.seek(to)
        }
    }

    /// What [`from_slice_with_warnings`] says of `bytes`, and what
    /// [`from_seekable_reader_with_warnings`] says of them after `offset`
    /// bytes of something else.
    fn both(bytes: &[u8]) -> (Result<Imported, String>, Result<Imported, String>) {
        let whole = from_slice_with_warnings(bytes).map_err(|e| e.to_string());
        let mut file = b"ignored prefix".to_vec();
        file.extend_from_slice(bytes);
        let mut cursor = io::Cursor::new(file);
        cursor.seek(SeekFrom::Start(14)).unwrap();
        let read = from_seekable_reader_with_warnings(cursor).map_err(|e| e.to_string());
        (whole, read)
    }

    #[cfg(all(feature = "json", feature = "xml", feature = "xlsx"))]
    #[test]
    fn a_file_reads_as_its_bytes_do() {
        let concept = crate::examples::load("nordsachsen").unwrap();
        let json = crate::json::to_string(&concept, true).unwrap();
        let xml = crate::xml::to_string(&concept, &Default::default()).unwrap();
        let xlsx = crate::xlsx::Writer::new().to_vec(&concept).unwrap();
        let typo = json.replacen("\"title\"", "\"titel\": 1, \"title\"", 1);
        let cut = &xml[..xml.len() / 2];
        let mut docs: Vec<Vec<u8>> = vec![
            json.clone().into_bytes(),
            format!("\u{FEFF}{xml}").into_bytes(),
            xlsx,
            typo.into_bytes(),
            cut.as_bytes().to_vec(),
            // Whitespace past the head, then the document.
            format!("{}{json}", " ".repeat(HEAD + 10)).into_bytes(),
            format!("{}%PDF-1.7", "\n".repeat(HEAD - 20)).into_bytes(),
            b"%PDF-1.7 not a concept".to_vec(),
            " ".repeat(HEAD - 1).into_bytes(),
            b"\xFF\xFE<\0c\0".to_vec(),
            json.replacen("\"kek\"", "\"kek\u{1}\"", 1).into_bytes(),
        ];
        docs.push(" ".repeat(HEAD + 100).into_bytes());
        let mut read_ok = 0;
        for (i, doc) in docs.iter().enumerate() {
            let (whole, read) = both(doc);
            assert_eq!(read, whole, "document {i}");
            read_ok += usize::from(read.is_ok());
        }
        assert_eq!(
            read_ok, 5,
            "JSON, XML, XLSX, JSON with a typo, JSON after whitespace"
        );
        let (_, typo) = both(&docs[3]);
        assert_eq!(typo.unwrap().warnings.len(), 1);
    }

    #[cfg(all(feature = "json", feature = "xml"))]
    #[test]
    fn a_reader_that_fails_is_an_io_error() {
        let concept = crate::examples::load("helmstedt").unwrap();
        let json = crate::json::to_string(&concept, true).unwrap();
        let xml = crate::xml::to_string(&concept, &Default::default()).unwrap();
        for doc in [json, xml] {
            for ok in [0, 100, doc.len() / 2] {
                let reader = Failing {
                    inner: io::Cursor::new(doc.as_bytes()),
                    ok,
                };
                match from_seekable_reader(reader) {
                    Err(ImportError::Io(e)) => assert_eq!(e.to_string(), "the disk went away"),
                    other => panic!("after {ok} bytes: {other:?}"),
                }
            }
        }
    }

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
