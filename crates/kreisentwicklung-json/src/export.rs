//! Writing concept documents.

use std::io::{BufWriter, Write};

use kreisentwicklung_core::export::{ExportError, ExportOptions, Exporter};
use kreisentwicklung_core::{Concept, ItemPath, Problem, ProblemKind, ValidationErrors};
use serde::Serialize;

/// The JSON exchange format as an [`Exporter`] (format id `"json"`), for the
/// export [`Registry`](kreisentwicklung_core::export::Registry).
///
/// It writes the same bytes as [`to_writer`]: pretty unless
/// [`ExportOptions::pretty`] is false. Language and timestamp options do not
/// apply (the document holds every translation and no creation time), and
/// the format has no options of its own.
///
/// ```
/// use kreisentwicklung_core::export::{ExportOptions, Exporter};
/// use kreisentwicklung_core::*;
/// use kreisentwicklung_json::JsonExporter;
///
/// let concept = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"));
/// let mut out = Vec::new();
/// JsonExporter.export(&concept, &mut out, &ExportOptions::default().pretty(false))?;
/// assert!(out.starts_with(br#"{"$schema":"urn:kreisentwicklung:schema:json:1","schemaVersion":"1.0","concept":{"#));
/// # Ok::<(), kreisentwicklung_core::export::ExportError>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonExporter;

impl Exporter for JsonExporter {
    fn id(&self) -> &str {
        "json"
    }

    fn extension(&self) -> &str {
        "json"
    }

    fn media_type(&self) -> &str {
        "application/json"
    }

    fn description(&self) -> &str {
        "JSON exchange document (schema version 1.x), checked by schemas/kreisentwicklung.schema.json"
    }

    fn export(
        &self,
        concept: &Concept,
        out: &mut dyn Write,
        options: &ExportOptions,
    ) -> Result<(), ExportError> {
        to_writer(concept, out, options.pretty)
    }
}

/// Writes `concept` as a JSON exchange document
/// `{"$schema": …, "schemaVersion": "1.0", "concept": {…}}` to `writer`.
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
    let mut buffered = BufWriter::new(writer);
    write_document(concept, &mut buffered, pretty)?;
    buffered.flush()?;
    Ok(())
}

/// The JSON exchange document of `concept` as bytes; see [`to_writer`].
pub fn to_vec(concept: &Concept, pretty: bool) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::with_capacity(4096);
    write_document(concept, &mut out, pretty)?;
    Ok(out)
}

/// The JSON exchange document of `concept` as a string; see [`to_writer`].
///
/// ```
/// use kreisentwicklung_core::*;
///
/// let concept = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"));
/// let json = kreisentwicklung_json::to_string(&concept, true)?;
/// assert!(json.starts_with("{\n  \"$schema\": \"urn:kreisentwicklung:schema:json:1\",\n  \"schemaVersion\": \"1.0\",\n"));
/// # Ok::<(), kreisentwicklung_core::export::ExportError>(())
/// ```
pub fn to_string(concept: &Concept, pretty: bool) -> Result<String, ExportError> {
    let bytes = to_vec(concept, pretty)?;
    // serde_json writes UTF-8 only.
    String::from_utf8(bytes).map_err(|e| ExportError::format("json", e))
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
    let problems = non_finite_numbers(concept);
    if !problems.is_empty() {
        return Err(ExportError::Invalid(ValidationErrors { problems }));
    }
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
            ExportError::format("json", e)
        }
    })
}

/// True when every floating-point number in the concept is finite; checked
/// first so that the common case builds no path strings.
fn all_numbers_finite(c: &Concept) -> bool {
    c.indicators.iter().all(|ind| {
        ind.baseline.as_ref().is_none_or(|b| b.value.is_finite())
            && ind.targets.iter().all(|t| t.value.is_finite())
            && ind.observations.iter().all(|o| o.value.is_finite())
    }) && c
        .measures
        .iter()
        .flat_map(|m| m.funding.iter())
        .chain(c.process_funding.iter())
        .all(|f| f.share_percent.is_none_or(f64::is_finite))
}

/// Every number of the concept that is NaN or infinite, which JSON cannot
/// carry (`serde_json` would write `null`).
fn non_finite_numbers(c: &Concept) -> Vec<Problem> {
    let mut problems = Vec::new();
    if all_numbers_finite(c) {
        return problems;
    }
    let mut check = |path: ItemPath, v: f64| {
        if !v.is_finite() {
            problems.push(Problem {
                path,
                kind: ProblemKind::InvalidValue {
                    reason: format!("{v} is not a finite number, which JSON cannot represent"),
                },
            });
        }
    };
    for (i, ind) in c.indicators.iter().enumerate() {
        let p = || ItemPath::item("indicators", &ind.id, i);
        if let Some(b) = &ind.baseline {
            check(p().field("baseline").field("value"), b.value);
        }
        for (k, t) in ind.targets.iter().enumerate() {
            check(p().field("targets").index(k).field("value"), t.value);
        }
        for (k, o) in ind.observations.iter().enumerate() {
            check(p().field("observations").index(k).field("value"), o.value);
        }
    }
    for (i, m) in c.measures.iter().enumerate() {
        for (k, f) in m.funding.iter().enumerate() {
            if let Some(v) = f.share_percent {
                let p = ItemPath::item("measures", &m.id, i);
                check(p.field("funding").index(k).field("sharePercent"), v);
            }
        }
    }
    for (k, f) in c.process_funding.iter().enumerate() {
        if let Some(v) = f.share_percent {
            let p = ItemPath::field_of_concept("processFunding");
            check(p.index(k).field("sharePercent"), v);
        }
    }
    problems
}
