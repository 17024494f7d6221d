//! The JSON exchange format of county development concepts
//! (Kreisentwicklungskonzept): export, and an import that says exactly what
//! is wrong with a document.
//!
//! A document is a [`ConceptDocument`](kreisentwicklung_core::ConceptDocument):
//!
//! ```json
//! {
//!   "$schema": "urn:kreisentwicklung:schema:json:1",
//!   "schemaVersion": "1.1",
//!   "concept": { "id": "kek-nordsachsen-2030", "title": "…", … }
//! }
//! ```
//!
//! `schemas/kreisentwicklung.schema.json` in the repository describes it;
//! every document this crate writes validates against that schema.
//!
//! # Export
//!
//! [`Writer`] (`Writer::new().pretty(false)`), or the shortcuts
//! [`to_string`], [`to_vec`] and [`to_writer`], write a concept, pretty
//! (two-space indent, final newline) or compact. The output depends only on
//! the concept: the same concept gives the same bytes. [`JsonExporter`] is
//! the same as an [`Exporter`](kreisentwicklung_core::export::Exporter) for
//! the export registry.
//!
//! Export requires a [well-formed](kreisentwicklung_core::export::Requirement::WellFormed)
//! concept and nothing more, so that a concept in the making can be saved:
//! numbers must be finite (JSON has no NaN), references may dangle. Import
//! validates, so only a valid concept reads back.
//!
//! ```
//! use kreisentwicklung_core::*;
//!
//! let concept = Concept::new(
//!     "kek-helmstedt",
//!     "Kreisentwicklungskonzept",
//!     ConceptKind::Kek,
//!     Territory::landkreis("Helmstedt").with_key("03154"),
//! )
//! .with_goal(Goal::new("oz1", 1, "Attraktiver Wohnraum").with_number("1"));
//!
//! let json = kreisentwicklung_json::to_string(&concept, false)?;
//! assert_eq!(
//!     json,
//!     r#"{"$schema":"urn:kreisentwicklung:schema:json:1","schemaVersion":"1.1","concept":{"id":"kek-helmstedt","title":"Kreisentwicklungskonzept","kind":"kek","territory":{"name":"Helmstedt","kind":"landkreis","key":"03154"},"status":"inPreparation","goals":[{"id":"oz1","number":"1","level":1,"title":"Attraktiver Wohnraum"}]}}"#
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Import
//!
//! [`from_str`], [`from_slice`] and [`from_reader`] read a document and
//! [validate](kreisentwicklung_core::Concept::validate) the concept; the
//! `*_with_warnings` variants also return [`Warning`]s;
//! [`from_seekable_reader_with_warnings`] reads a file in pieces, without
//! holding it in memory, so that the import needs the memory of the
//! concept only. An
//! [`ImportError`]
//! names the place as an [`ItemPath`](kreisentwicklung_core::ItemPath)
//! (items by their ids, as validation names them) and the line and column,
//! or lists every validation problem:
//!
//! ```
//! use kreisentwicklung_json::ImportError;
//!
//! let json = r#"{
//!   "schemaVersion": "1.1",
//!   "concept": {
//!     "id": "kek", "title": "KEK", "kind": "kek", "status": "adopted",
//!     "territory": {"name": "Beispiel", "kind": "landkreis"},
//!     "measures": [{"id": "m1", "title": "Radwege", "priority": "urgent"}]
//!   }
//! }"#;
//! let err = kreisentwicklung_json::from_str(json).unwrap_err();
//! assert_eq!(err.item_path().unwrap(), "measures[m1].priority");
//! assert!(err.to_string().starts_with(
//!     "measures[m1].priority: unknown variant `urgent`, expected one of"));
//! assert!(err.to_string().ends_with("at line 6 column 70"));
//!
//! // Well-formed, but a measure refers to goals that do not exist:
//! let json = json.replace(r#""priority": "urgent""#, r#""goals": ["z1", "z2"]"#);
//! match kreisentwicklung_json::from_str(&json) {
//!     Err(ImportError::Invalid(errors)) => {
//!         assert_eq!(errors.problems.len(), 2);
//!         assert_eq!(errors.problems[1].to_string(),
//!                    "measures[m1].goals[1]: refers to goal \"z2\", which does not exist");
//!     }
//!     other => panic!("{other:?}"),
//! }
//! ```
//!
//! A round trip gives back the same concept:
//!
//! ```
//! use kreisentwicklung_core::generate::{generate, GeneratorOptions};
//!
//! let concept = generate(&GeneratorOptions::new(20));
//! let json = kreisentwicklung_json::to_vec(&concept, true)?;
//! assert_eq!(kreisentwicklung_json::from_slice(&json)?, concept);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What import accepts
//!
//! Checks run in this order, and the first that fails is reported:
//!
//! 1. **Encoding**: UTF-8 ([`from_slice`] and [`from_reader`] report the
//!    first bad byte with its position). A leading byte order mark is
//!    skipped.
//! 2. **Well-formed JSON**, whose top level is an object; arrays and objects
//!    nested at most [`MAX_DEPTH`] levels deep (deeper input is refused,
//!    never a stack overflow).
//! 3. **No duplicate keys** in any object, the translations of a text
//!    included. Parsers disagree on which of two equal keys counts, so a
//!    document with one is refused rather than read one way here and
//!    another way elsewhere.
//! 4. **No string longer than [`MAX_STRING_BYTES`]** (a key or a value).
//!    Such a string could never pass validation (text is limited to
//!    [`MAX_TEXT_CHARS`](kreisentwicklung_core::MAX_TEXT_CHARS) characters
//!    of at most four bytes each), so it is refused before it is copied.
//!    Shorter over-long text is reported by validation along with every
//!    other problem.
//! 5. **Schema version**: `schemaVersion` must be present and written
//!    `major.minor`; a major version other than
//!    [`SCHEMA_MAJOR`](kreisentwicklung_core::SCHEMA_MAJOR) is refused
//!    (`document has schema version 2.0, this library reads 1.x`) before
//!    the concept is looked at. A newer minor version is read, with a
//!    warning. `$schema` is optional and not checked.
//! 6. **Types and codes**: every value has the type the model expects,
//!    codes are known, dates exist (`2019-02-30` does not). The error names
//!    the place, such as `events[e3].date` or `measures[m1].period.date`
//!    (see [`ImportError`] for places outside the concept). A
//!    [`Horizon`](kreisentwicklung_core::Horizon) is read as a whole, so
//!    the path of an error inside one ends at it (or at its `kind`); so
//!    does the path of an error in a member of a
//!    [`Period`](kreisentwicklung_core::Period) written before its `kind`.
//! 7. **Validation** of the concept: every problem at once, as
//!    [`ImportError::Invalid`].
//!
//! **Unknown fields** are ignored, so that a document of a newer minor
//! version (which may add optional fields) can still be read, and each is
//! returned as a [`Warning::UnknownField`] with its path — also inside the
//! object form of a text (`{"text": …, "translations": …}`) and inside a
//! period, where a member its `kind` does not have counts as unknown (if it
//! comes after `kind`). One exception comes from the model: inside a
//! horizon an unknown field is ignored without a warning.
//!
//! **Numbers**: every finite `f64` reads back bit for bit (the shortest
//! representation that round-trips is written, and parsed exactly). NaN and
//! infinities cannot be written in JSON, so export refuses them.
//!
//! **Cost**: a document without problems is parsed once: the checks 2–4
//! are made on the way while the model is built, the schema version is
//! checked after. A document with a problem is then parsed again, the
//! checks one after the other, to report the first problem in the order
//! above with its path and position. [`from_seekable_reader_with_warnings`]
//! makes the one pass piece by piece (each element of the concept's lists,
//! then the rest), each piece through the same checks.

#![forbid(unsafe_code)]

mod checked;
mod export;
mod import;
mod path;
mod stream;

pub use export::{to_string, to_vec, to_writer, JsonExporter, Writer, FORMAT_ID};
pub use import::{
    from_reader, from_reader_with_warnings, from_seekable_reader_with_warnings, from_slice,
    from_slice_with_warnings, from_str, from_str_with_warnings, ImportError, Imported, Warning,
    READ_BUFFER,
};

/// The longest string, in bytes, that import accepts: four bytes for each
/// of the [`MAX_TEXT_CHARS`](kreisentwicklung_core::MAX_TEXT_CHARS)
/// characters a text may have.
pub const MAX_STRING_BYTES: usize = 4 * kreisentwicklung_core::MAX_TEXT_CHARS;

/// How deep arrays and objects may nest in a document (the recursion limit
/// of `serde_json`). A concept document needs about a dozen levels.
pub const MAX_DEPTH: usize = 128;
