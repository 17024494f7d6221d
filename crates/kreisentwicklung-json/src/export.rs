//! Writing concept documents.

use std::io::Write;

use kreisentwicklung_core::export::{ExportError, FormatInfo, Requirement, TextFormat, TextWriter};
use kreisentwicklung_core::Concept;
use serde::Serialize;

/// The JSON writer, configured: pretty (the default: indented by two
/// spaces, final newline) or compact (no whitespace at all, no final
/// newline). The same concept always gives the same bytes. It refuses a
/// concept that is not [well-formed](Requirement::WellFormed): numbers JSON
/// cannot represent (NaN, infinities) are [`ExportError::Invalid`] instead
/// of being written as `null`. Language and timestamp do not apply (the
/// document holds every translation and no creation time).
///
/// ```
/// use kreisentwicklung_core::*;
/// use kreisentwicklung_json::Writer;
///
/// let concept = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"));
/// let json = Writer::new().pretty(false).to_string(&concept)?;
/// assert!(json.starts_with(r#"{"$schema":"urn:kreisentwicklung:schema:json:1","#));
/// # Ok::<(), kreisentwicklung_core::export::ExportError>(())
/// ```
pub type Writer = TextWriter<JsonExporter>;

/// The format id, `"json"`.
pub const FORMAT_ID: &str = "json";

/// The JSON exchange format as an [`Exporter`](kreisentwicklung_core::export::Exporter)
/// (format id `"json"`), for the
/// export [`Registry`](kreisentwicklung_core::export::Registry): a thin
/// adapter from [`ExportOptions`](kreisentwicklung_core::export::ExportOptions)
/// to [`Writer`], through [`TextFormat`].
///
/// It requires a [well-formed](Requirement::WellFormed) concept (numbers
/// finite) and nothing more — a concept in the making can be saved — and
/// writes the same bytes as [`to_writer`]: pretty unless
/// [`ExportOptions::pretty`](kreisentwicklung_core::export::ExportOptions::pretty) is false.
///
/// ```
/// use kreisentwicklung_core::export::{ExportOptions, Exporter};
/// use kreisentwicklung_core::*;
/// use kreisentwicklung_json::JsonExporter;
///
/// let concept = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"));
/// let mut out = Vec::new();
/// JsonExporter.export(&concept, &mut out, &ExportOptions::default().pretty(false))?;
/// assert!(out.starts_with(br#"{"$schema":"urn:kreisentwicklung:schema:json:1","schemaVersion":"1.1","concept":{"#));
/// # Ok::<(), kreisentwicklung_core::export::ExportError>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JsonExporter;

impl TextFormat for JsonExporter {
    const INFO: FormatInfo = FormatInfo {
        id: FORMAT_ID,
        extension: "json",
        media_type: "application/json",
        description: "JSON exchange document (schema version 1.x), checked by \
                      schemas/kreisentwicklung.schema.json",
        binary: false,
        requires: Requirement::WellFormed,
        options: &[],
    };

    fn write_document<W: Write>(
        concept: &Concept,
        out: &mut W,
        pretty: bool,
    ) -> Result<(), ExportError> {
        write_document(concept, out, pretty)
    }
}

/// Writes `concept` as a JSON exchange document
/// `{"$schema": …, "schemaVersion": "1.1", "concept": {…}}` to `writer`.
///
/// `pretty` output is indented by two spaces and ends with a newline;
/// compact output has no whitespace at all and no final newline. The same
/// concept always gives the same bytes. The writer is buffered internally
/// (so a `File` or a `&mut dyn Write` gets large writes); for output in
/// memory, [`to_vec`] writes straight into its vector, without the copy
/// through the buffer.
///
/// The concept is not validated — a concept in the making can be saved —
/// but numbers JSON cannot represent (NaN, infinities) are refused with
/// [`ExportError::Invalid`] instead of being written as `null`. Note that
/// [`from_slice`](crate::from_slice) validates, so only a valid concept
/// reads back.
///
/// ```
/// use kreisentwicklung_core::*;
///
/// let concept = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"));
/// let mut file = Vec::new(); // or a std::fs::File
/// kreisentwicklung_json::to_writer(&concept, &mut file, true)?;
/// assert!(file.ends_with(b"}\n"));
/// # Ok::<(), kreisentwicklung_core::export::ExportError>(())
/// ```
pub fn to_writer<W: Write>(concept: &Concept, writer: W, pretty: bool) -> Result<(), ExportError> {
    Writer::new().pretty(pretty).write(concept, writer)
}

/// The JSON exchange document of `concept` as bytes; see [`to_writer`].
pub fn to_vec(concept: &Concept, pretty: bool) -> Result<Vec<u8>, ExportError> {
    Writer::new().pretty(pretty).to_vec(concept)
}

/// The JSON exchange document of `concept` as a string; see [`to_writer`].
///
/// ```
/// use kreisentwicklung_core::*;
///
/// let concept = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"));
/// let json = kreisentwicklung_json::to_string(&concept, true)?;
/// assert!(json.starts_with("{\n  \"$schema\": \"urn:kreisentwicklung:schema:json:1\",\n  \"schemaVersion\": \"1.1\",\n"));
/// # Ok::<(), kreisentwicklung_core::export::ExportError>(())
/// ```
pub fn to_string(concept: &Concept, pretty: bool) -> Result<String, ExportError> {
    Writer::new().pretty(pretty).to_string(concept)
}

/// Serializes like a `ConceptDocument`, borrowing the concept.
#[derive(Serialize)]
struct DocumentRef<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    #[serde(rename = "schemaVersion")]
    schema_version: &'static str,
    concept: &'a Concept,
}

fn write_document<W: Write>(
    concept: &Concept,
    out: &mut W,
    pretty: bool,
) -> Result<(), ExportError> {
    let doc = DocumentRef {
        schema: kreisentwicklung_core::JSON_SCHEMA_ID,
        schema_version: kreisentwicklung_core::SCHEMA_VERSION,
        concept,
    };
    let result = if pretty {
        serde_json::to_writer_pretty(&mut *out, &doc)
            .and_then(|()| out.write_all(b"\n").map_err(serde_json::Error::io))
    } else {
        serde_json::to_writer(&mut *out, &doc)
    };
    result.map_err(|e| {
        if e.is_io() {
            ExportError::Io(e.into())
        } else {
            ExportError::format(FORMAT_ID, e)
        }
    })
}
