//! The XML exchange format of county development concepts
//! (Kreisentwicklungskonzept), with its XML Schema.
//!
//! [`to_writer`] streams a [`Concept`] as XML without building the document
//! in memory; [`from_str`], [`from_slice`] and [`from_reader`] read it back,
//! check the element structure and then validate the concept. The format is
//! described by `schemas/kreisentwicklung.xsd` (XML Schema 1.0), which
//! [`xsd`] generates from the same tables the importer checks against.
//!
//! ```
//! use kreisentwicklung_core::*;
//! use kreisentwicklung_core::export::ExportOptions;
//!
//! let concept = Concept::new(
//!     "kek-nordsachsen-2030",
//!     "Kreisentwicklungskonzept Nordsachsen 2030",
//!     ConceptKind::Kek,
//!     Territory::landkreis("Nordsachsen").with_key("14730").with_state(State::Sachsen),
//! )
//! .with_field(
//!     FieldOfAction::new("hf1", Text::new("Wirtschaft").with_translation("en", "Economy")),
//! )
//! .with_event(
//!     Event::new("auftakt", EventKind::KickOff).with_period("2. Halbjahr 2019".parse()?),
//! );
//!
//! let xml = kreisentwicklung_xml::to_string(&concept, &ExportOptions::default())?;
//! assert!(xml.contains(r#"<concept xmlns="urn:kreisentwicklung:xml:1.1" schemaVersion="1.1""#));
//! assert!(xml.contains(r#"<name>
//!         <narrative>Wirtschaft</narrative>
//!         <narrative xml:lang="en">Economy</narrative>
//!       </name>"#));
//! assert!(xml.contains(
//!     r#"<kind listURI="urn:kreisentwicklung:codelist:event-kind" listVersionID="2">kickOff</kind>"#
//! ));
//! assert!(xml.contains(r#"<period>
//!         <halfYear year="2019" half="2"/>
//!       </period>"#));
//!
//! let back = kreisentwicklung_xml::from_str(&xml)?;
//! assert_eq!(back, concept);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # The format
//!
//! - **Namespace and version.** The root element is `<concept>` in the
//!   namespace [`NAMESPACE`] (`urn:kreisentwicklung:xml:1.1`), which names
//!   the version of the XML form: 1.1, the schema version that last changed
//!   it incompatibly (texts became `<narrative>` elements); its major part is
//!   the major schema version. The root's attributes are `schemaVersion`
//!   (`1.1`, see [`SCHEMA_VERSION`]), `producer` (`kreisentwicklung 0.1.0`),
//!   the concept's `id` and `xml:lang`, the main language of all text. A
//!   document of another major version is refused with
//!   [`ImportError::Version`], naming both versions; newer minor versions of
//!   the same major version are read as long as they use nothing unknown.
//!   Documents of the 1.0 form (namespace [`NAMESPACE_1_0`],
//!   `urn:kreisentwicklung:xml:1`, texts as mixed content: the main text
//!   followed by `<translation xml:lang="…">` elements) are still read;
//!   they are written in the 1.1 form.
//! - **Elements mirror the JSON form** (`schemas/kreisentwicklung.schema.json`):
//!   every JSON property is an element of the same name, in the same order.
//!   An item's own `id` is an attribute (`<measure id="W3">`). A list is a
//!   wrapper element named like the JSON property with one element per
//!   item, named in the singular: `<measures><measure id="W3">…`,
//!   `<goals><goal>z1</goal></goals>` for references. Three item names are
//!   not plain singulars: `<swot><analysis>`, `<audience><group>` and
//!   `<funding>` / `<processFunding>` holding `<source>`; press coverage is
//!   `<press><document>`. Absent values and empty lists are left out, as in
//!   JSON; `true` flags are written, `false` ones left out.
//! - **Coded values** carry their code list, XÖV style, with the code as
//!   content: `<kind listURI="urn:kreisentwicklung:codelist:event-kind"
//!   listVersionID="2">kickOff</kind>`. The XSD lists every code with its
//!   German and English label. Readers accept a code without the two
//!   attributes; a `listURI` that is not the element's list is an error.
//! - **Text** is one `<narrative>` per language, as IATI writes it: the
//!   main text first, without `xml:lang` (it is in the concept's main
//!   language, which it inherits from the root's `xml:lang`), then one
//!   `<narrative xml:lang="…">` per translation, sorted by language:
//!   `<title><narrative>Wirtschaft</narrative><narrative
//!   xml:lang="en">Economy</narrative></title>`. Each narrative is simple
//!   content, so binding tools make a plain string with a `lang` attribute
//!   of it (why this element name: see the reader's `text` module). Readers
//!   also accept `xml:lang` on the main text when it equals the root's.
//!   Whitespace inside a narrative is significant and kept exactly; between
//!   narratives it is not. Text comes back unchanged — `<`, `&`, `]]>`,
//!   quotes, emoji, right-to-left marks, tabs, line breaks, leading and
//!   trailing spaces; a carriage return is written `&#13;` because XML
//!   parsers turn a literal CR into LF.
//! - **Periods and horizons** are one element per kind, as the JSON
//!   property `kind` names it, with the other JSON properties as attributes:
//!   `<period><day date="2019-02-12"/></period>`, `<halfYear year="2019"
//!   half="2"/>`, `<days dates="2016-03-07 2016-03-10"/>`, `<months
//!   year="2016" months="4 5 6"/>`, `<monthRange><from year="2015"
//!   month="11"/><to year="2016" month="3"/></monthRange>`, `<partOfYear
//!   year="2018" part="late"/>`, `<since><month year="2019"
//!   month="6"/></since>`; `<horizon><openEnded from="2035"/></horizon>`.
//! - **Values**: dates are ISO `yyyy-mm-dd`; amounts in euros are decimals
//!   with at most two places (`125000.50`); other numbers are written in the
//!   shortest form that reads back exactly (`61.5`, `1e-7`).
//! - **Output** is UTF-8, indented by two spaces by default and on one line
//!   with [`Writer::pretty`] set to false; the same concept always
//!   gives the same bytes.
//!
//! # Export
//!
//! [`Writer`] (`Writer::new().pretty(false)`), [`to_writer`], [`to_string`]
//! and the registry's [`XmlExporter`] require a
//! [valid](kreisentwicklung_core::export::Requirement::Valid) concept: they
//! validate it first and refuse one with problems ([`ExportError::Invalid`],
//! listing every problem with its path), because a reader would refuse the
//! document anyway. So what it writes is always
//! well-formed, valid against the XSD and readable by [`from_str`] — in
//! particular, text with control characters such as U+0001, which XML 1.0
//! cannot carry even escaped, is refused rather than written.
//!
//! # Import
//!
//! Readers accept what any XML writer may produce: whitespace between
//! elements, comments, processing instructions, CDATA sections, character
//! references, any attribute order, any namespace prefix (or the default
//! namespace), an XML declaration and a UTF-8 byte order mark. They refuse a
//! DOCTYPE (so no external entities and no entity expansion beyond `&lt;`
//! `&gt;` `&amp;` `&apos;` `&quot;` and character references), encodings
//! other than UTF-8 and XML 1.1. Attributes of other namespaces (such as
//! `xsi:schemaLocation`) are ignored. Elements must come in the order of the
//! schema. Every error names the line, the column and the element path:
//!
//! ```
//! let xml = r#"<concept xmlns="urn:kreisentwicklung:xml:1" schemaVersion="1.0" id="c">
//!   <title>KEK</title>
//!   <kind>kek</kind>
//!   <territory><name>Beispiel</name><kind>landkreis</kind></territory>
//!   <status>draft</status>
//!   <measures>
//!     <measure id="m1">
//!       <title>Radwege</title>
//!       <period><halbjahr year="2019"/></period>
//!     </measure>
//!   </measures>
//! </concept>"#;
//! let err = kreisentwicklung_xml::from_str(xml).unwrap_err();
//! assert_eq!(
//!     err.to_string(),
//!     "line 9, column 15, at /concept/measures/measure[1]/period: unknown period kind \
//!      \"halbjahr\": expected one of day, days, dateRange, month, months, monthRange, \
//!      quarter, quarters, halfYear, year, yearRange, partOfYear, turnOfYear, since, until, partOf, deadline, between"
//! );
//! ```
//!
//! After reading, the concept is validated and every problem is reported at
//! once as [`ImportError::Invalid`].
//!
//! [`from_str`] and [`from_slice`] read a document in memory;
//! [`from_seekable_reader`] reads a file through a buffer with the same
//! parser, so that the memory needed is the concept's.
//!
//! # Validating with the XSD
//!
//! ```sh
//! xmllint --noout --nonet --schema schemas/kreisentwicklung.xsd concept.xml
//! ```
//!
//! The XSD imports the W3C schema of the XML namespace (for `xml:lang`)
//! from `xml.xsd` beside it: `schemas/xml.xsd`, or [`XML_NAMESPACE_XSD`]
//! saved as [`XML_XSD_FILE`] next to [`XSD`]. Every type in it is named
//! (`ConceptDocument`, `Measure`, `MeasureList`, `Text`, `Narrative`,
//! `DayPeriod`, …), so binding tools such as xsdata generate one plain class
//! per type.
//!
//! Besides structure, types and code lists, the XSD checks with identity
//! constraints that ids are unique per collection and that references
//! (a measure's goals, a resolution's bodies, …) resolve. Some rules only
//! [`Concept::validate`] checks: goal levels and cycles, non-empty required
//! text, the order of status updates, vote counts against outcomes.

#![forbid(unsafe_code)]

use std::io::{BufReader, Read, Seek, SeekFrom, Write};

use kreisentwicklung_core::export::{
    ExportError, ExportOptions, FormatInfo, Requirement, TextFormat, TextWriter,
};
use kreisentwicklung_core::{Concept, YearPart};

mod error;
mod read;
mod schema;
mod write;
mod xsd;

pub use error::{ImportError, Location};
pub use kreisentwicklung_core::SCHEMA_VERSION;
pub use xsd::{XML_NAMESPACE_XSD, XML_XSD_FILE, XSD};

/// The namespace of concept documents. Its last part is the version of
/// the XML form: the schema version that last changed it incompatibly
/// (1.1, texts as `<narrative>` elements). Its major part is always
/// [`kreisentwicklung_core::SCHEMA_MAJOR`]; minor versions that only add
/// elements keep the namespace, as the JSON form keeps its `$id`'s major
/// version.
pub const NAMESPACE: &str = "urn:kreisentwicklung:xml:1.1";

/// The namespace of the XML form of schema version 1.0, with texts as
/// mixed content (`<title>Wirtschaft<translation xml:lang="en">Economy
/// </translation></title>`). Readers still read it; writers write
/// [`NAMESPACE`].
pub const NAMESPACE_1_0: &str = "urn:kreisentwicklung:xml:1";

/// The namespace without the major version, to recognise documents of
/// other major versions.
pub const NAMESPACE_BASE: &str = "urn:kreisentwicklung:xml:";

const _: () = assert!(
    kreisentwicklung_core::SCHEMA_MAJOR == 1,
    "the major schema version changed: update NAMESPACE"
);

/// The `producer` attribute written on the root element.
pub const PRODUCER: &str = concat!("kreisentwicklung ", env!("CARGO_PKG_VERSION"));

/// The format id, `"xml"`.
pub const FORMAT_ID: &str = "xml";

/// The XML writer, configured: indented by two spaces (the default) or on
/// one line. The same concept always gives the same bytes. The concept is
/// [validated](Concept::validate) first; one with problems is refused with
/// [`ExportError::Invalid`] before anything is written.
///
/// ```
/// use kreisentwicklung_core::*;
/// use kreisentwicklung_xml::Writer;
///
/// let concept = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"));
/// let xml = Writer::new().pretty(false).to_string(&concept)?;
/// assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?><concept "));
/// # Ok::<(), kreisentwicklung_core::export::ExportError>(())
/// ```
pub type Writer = TextWriter<XmlExporter>;

/// The XML exporter: id `xml`, extension `xml`, media type
/// `application/xml`; a thin adapter from [`ExportOptions`] to [`Writer`],
/// through [`TextFormat`]. It requires a [valid](Requirement::Valid)
/// concept.
///
/// ```
/// use kreisentwicklung_core::*;
/// use kreisentwicklung_core::export::{ExportOptions, Exporter};
/// use kreisentwicklung_xml::XmlExporter;
///
/// let concept = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"));
/// let mut out = Vec::new();
/// XmlExporter.export(&concept, &mut out, &ExportOptions::default().pretty(false))?;
/// assert!(out.starts_with(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><concept "));
/// # Ok::<(), kreisentwicklung_core::export::ExportError>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct XmlExporter;

impl TextFormat for XmlExporter {
    const INFO: FormatInfo = FormatInfo {
        id: FORMAT_ID,
        extension: "xml",
        media_type: "application/xml",
        description: "XML exchange format (urn:kreisentwicklung:xml:1.1), valid against \
                      schemas/kreisentwicklung.xsd",
        binary: false,
        requires: Requirement::Valid,
        options: &[],
    };
    const BUFFER: usize = 64 * 1024;

    fn write_document<W: Write>(
        concept: &Concept,
        out: &mut W,
        pretty: bool,
    ) -> Result<(), ExportError> {
        write::write_concept(concept, out, pretty)
    }
}

/// Writes `concept` as XML to `writer` (buffered internally): the same as
/// [`Writer::write`] with [`ExportOptions::pretty`]; the other options do
/// not apply.
pub fn to_writer<W: Write>(
    concept: &Concept,
    writer: W,
    options: &ExportOptions,
) -> Result<(), ExportError> {
    Writer::new().pretty(options.pretty).write(concept, writer)
}

/// The concept as an XML string; see [`to_writer`].
pub fn to_string(concept: &Concept, options: &ExportOptions) -> Result<String, ExportError> {
    Writer::new().pretty(options.pretty).to_string(concept)
}

/// Reads a concept document from a string.
///
/// The structure is checked while reading (the first problem ends it, with
/// line, column and element path); the concept is then validated and every
/// problem is reported as [`ImportError::Invalid`].
///
/// On a machine with several cores the long lists (`<measures>`,
/// `<indicators>`) are read on several threads, at most four: their items
/// are cut into chunks of about a megabyte, read in parallel and joined in
/// document order. The result is the same as on one thread, and so is any
/// error: a document with a problem is read again on one thread to report
/// it (about 1.6× as fast on two cores for 100,000 measures; see
/// `BENCHMARKS.md`).
pub fn from_str(xml: &str) -> Result<Concept, ImportError> {
    read::read(xml)
}

/// Reads a concept document from bytes, which must be UTF-8.
pub fn from_slice(xml: &[u8]) -> Result<Concept, ImportError> {
    match std::str::from_utf8(xml) {
        Ok(s) => read::read(s),
        Err(e) => {
            let valid = &xml[..e.valid_up_to()];
            let valid = std::str::from_utf8(valid).unwrap_or_default();
            let (line, column) = read::line_column(valid, valid.len());
            let message = if xml.starts_with(&[0xFF, 0xFE]) || xml.starts_with(&[0xFE, 0xFF]) {
                "the document is UTF-16; concept documents are UTF-8".to_owned()
            } else {
                format!(
                    "invalid UTF-8 at byte {}; concept documents are UTF-8",
                    e.valid_up_to()
                )
            };
            Err(ImportError::Content {
                location: Location {
                    line,
                    column,
                    path: String::new(),
                },
                message,
            })
        }
    }
}

/// Reads a concept document from a reader (read completely first; a file
/// can be read without: see [`from_seekable_reader`]).
pub fn from_reader<R: Read>(mut reader: R) -> Result<Concept, ImportError> {
    let mut buf = Vec::new();
    reader.read_to_end(&mut buf)?;
    from_slice(&buf)
}

/// The buffer [`from_seekable_reader`] reads through, in bytes: one system
/// call per 256 KiB, small beside any concept worth streaming.
pub const READ_BUFFER: usize = 256 << 10;

/// Reads a concept document from a file (or any reader that can go back to
/// where it started) without holding the document in memory: the parser of
/// [`from_slice`] reads its events through a buffer of [`READ_BUFFER`]
/// bytes, so that reading needs about the memory of the concept. Accepts
/// exactly what [`from_slice`] accepts.
///
/// The long lists are read on several threads as by [`from_str`].
///
/// A document with a problem is read again from where it started, whole,
/// and reported as [`from_slice`] reports it. So the message is the same by
/// construction: the same parser over the same text gives the same line and
/// column (which a streaming parse would have to count in every byte, for a
/// failure that is rare), and the same first problem ([`from_slice`] checks
/// that the whole document is UTF-8 before it parses). A failing document
/// thus costs its size in memory once more, as before. A concept that was
/// read but is not valid is reported at once: [`ImportError::Invalid`] has
/// no position. An I/O error is [`ImportError::Io`].
///
/// ```
/// use std::io::Cursor;
///
/// let concept = kreisentwicklung_core::generate::generate(
///     &kreisentwicklung_core::generate::GeneratorOptions::new(5));
/// let xml = kreisentwicklung_xml::to_string(&concept, &Default::default())?;
/// let read = kreisentwicklung_xml::from_seekable_reader(Cursor::new(xml.as_bytes()))?;
/// assert_eq!(read, concept);
///
/// let cut = &xml.as_bytes()[..300];
/// let err = kreisentwicklung_xml::from_seekable_reader(Cursor::new(cut)).unwrap_err();
/// let whole = kreisentwicklung_xml::from_slice(cut).unwrap_err();
/// assert_eq!(err.to_string(), whole.to_string());
/// assert!(err.to_string().starts_with("line "));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn from_seekable_reader<R: Read + Seek>(mut reader: R) -> Result<Concept, ImportError> {
    let start = reader.stream_position()?;
    match read::stream(BufReader::with_capacity(READ_BUFFER, &mut reader)) {
        Ok(concept) => Ok(concept),
        Err(ImportError::Invalid(errors)) => Err(ImportError::Invalid(errors)),
        Err(_) => {
            reader.seek(SeekFrom::Start(start))?;
            let mut bytes = Vec::new();
            reader.read_to_end(&mut bytes)?;
            from_slice(&bytes)
        }
    }
}

/// The XML Schema (XSD 1.0) of the format, as shipped in
/// `schemas/kreisentwicklung.xsd`: generated from the same tables the
/// importer checks element order against, with one enumeration per code
/// list of [`kreisentwicklung_core::ALL_CODE_LISTS`].
///
/// ```
/// let xsd = kreisentwicklung_xml::xsd();
/// assert!(xsd.contains(r#"targetNamespace="urn:kreisentwicklung:xml:1.1""#));
/// assert!(xsd.contains(r#"<xs:enumeration value="kickOff">"#));
/// ```
pub fn xsd() -> String {
    xsd::generate()
}

pub(crate) fn year_part_code(part: YearPart) -> &'static str {
    match part {
        YearPart::Early => "early",
        YearPart::Middle => "middle",
        YearPart::Late => "late",
    }
}

pub(crate) fn year_part_from_code(code: &str) -> Option<YearPart> {
    match code {
        "early" => Some(YearPart::Early),
        "middle" => Some(YearPart::Middle),
        "late" => Some(YearPart::Late),
        _ => None,
    }
}
