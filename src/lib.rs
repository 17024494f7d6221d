//! # kreisentwicklung
//!
//! German county development concepts (Kreisentwicklungskonzept, KEK;
//! Regionales Entwicklungskonzept, REK) as data: a typed domain model with
//! validation, a health report (Prüfbericht) and a JSON Schema, and the
//! exchange formats JSON and XML and the council workbook (XLSX).
//!
//! This facade re-exports the model of the crate `kreisentwicklung-core`
//! (all its items are at the top of this crate: [`Concept`],
//! [`ConceptDocument`], [`HealthReport`], the [`export`] layer, …) and each
//! format behind a cargo feature of the same name (`json`, `xml`, `xlsx`,
//! all on by default).
//!
//! # The whole path
//!
//! ## Import a document
//!
//! [`import::from_slice`] recognises JSON and XML by their content, reads
//! the concept and validates it; errors say what is wrong and where (path,
//! line and column). Here one of the five built-in [`examples`]:
//!
//! ```
//! use kreisentwicklung::*;
//!
//! let bytes = examples::json("nordsachsen").unwrap().as_bytes();
//! let concept = import::from_slice(bytes)?;
//! assert_eq!(concept.territory.name.as_str(), "Nordsachsen");
//!
//! // A broken document: the error says what is wrong and where.
//! let err = import::from_slice(br#"{"schemaVersion": "1.0", "concept": {"id": "x"}}"#).unwrap_err();
//! assert_eq!(err.to_string(), "missing field `title` at line 1 column 47");
//! # Ok::<(), import::ImportError>(())
//! ```
//!
//! ## Build and validate a concept
//!
//! A concept built in code is checked with [`Concept::validate`], which
//! returns every problem at once ([`ValidationErrors`]):
//!
//! ```
//! use kreisentwicklung::*;
//!
//! let concept = Concept::new(
//!     "rek-hildesheim",
//!     "Regionales Entwicklungskonzept Landkreis Hildesheim",
//!     ConceptKind::Rek,
//!     Territory::landkreis("Hildesheim").with_key("03254").with_state(State::Niedersachsen),
//! )
//! .with_field(FieldOfAction::new("mobilitaet", "Mobilität"));
//! concept.validate()?;
//!
//! // A goal that points at a field of action that does not exist:
//! let broken = concept.clone().with_goal(Goal::new("z1", 1, "Mobilität sichern").with_field("verkehr"));
//! let errors = broken.validate().unwrap_err();
//! assert!(errors.to_string().contains("verkehr"));
//! # Ok::<(), ValidationErrors>(())
//! ```
//!
//! ## Read the health report
//!
//! A valid concept can still be weak: no measures for a goal, no indicator,
//! a review that is overdue. [`Concept::health_report`] lists such
//! [`Finding`]s with a severity, a path and a message in German or English:
//!
//! ```
//! use kreisentwicklung::*;
//!
//! let helmstedt = examples::load("helmstedt")?;
//! let report = helmstedt.health_report(&HealthOptions::new(Date::from_ymd(2023, 1, 31).unwrap()));
//! assert!(report.has(FindingCode::NoMeasures)); // no catalogue of measures yet
//! for finding in report.findings.iter().take(3) {
//!     println!("{} {}: {}", finding.severity.as_str(), finding.path, finding.message.get(Language::De));
//! }
//! # Ok::<(), examples::ExampleError>(())
//! ```
//!
//! ## Export to each format
//!
//! [`registry()`] holds an exporter per enabled format; each writes to any
//! [`std::io::Write`] with the same [`ExportOptions`](export::ExportOptions):
//!
//! ```
//! use kreisentwicklung::*;
//! use kreisentwicklung::export::ExportOptions;
//!
//! let concept = examples::load("nordsachsen")?;
//! let registry = kreisentwicklung::registry();
//! for id in ["json", "xml", "xlsx"] {
//!     let mut out = Vec::new();
//!     registry.export(id, &concept, &mut out, &ExportOptions::default().language(Language::En))?;
//!     assert!(!out.is_empty(), "{id}");
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Each format has its own page: [`json`] (the exchange format and its
//! import), [`xml`] (namespace, element layout, the XSD) and [`xlsx`] (every
//! sheet and column of the council workbook).
//!
//! ## Add a format of your own
//!
//! Implement [`Exporter`](export::Exporter) and register it; it is then
//! looked up by id like the built-in formats (`examples/vendor_csv.rs` in
//! the repository is a complete CSV exporter):
//!
//! ```
//! use std::io::Write;
//! use kreisentwicklung::*;
//! use kreisentwicklung::export::{ExportError, ExportOptions, Exporter};
//!
//! /// One line per measure: number and title.
//! struct MeasureList;
//!
//! impl Exporter for MeasureList {
//!     fn id(&self) -> &str { "measures" }
//!     fn extension(&self) -> &str { "txt" }
//!     fn media_type(&self) -> &str { "text/plain; charset=utf-8" }
//!     fn write(
//!         &self,
//!         concept: &Concept,
//!         out: &mut (dyn Write + Send),
//!         _: &ExportOptions,
//!     ) -> Result<(), ExportError> {
//!         for m in &concept.measures {
//!             writeln!(out, "{}\t{}", m.number.as_deref().unwrap_or(""), m.title)?;
//!         }
//!         Ok(())
//!     }
//! }
//!
//! let mut registry = kreisentwicklung::registry();
//! registry.register(MeasureList);
//! let concept = Concept::new("kek", "KEK 2030", ConceptKind::Kek, Territory::landkreis("Beispiel"))
//!     .with_measure(Measure::new("W1", "Gründerzentrum").with_number("W1"));
//! let mut out = Vec::new();
//! registry.export("measures", &concept, &mut out, &ExportOptions::default())?;
//! assert_eq!(String::from_utf8(out)?, "W1\tGründerzentrum\n");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Schemas
//!
//! [`JSON_SCHEMA`] (JSON Schema draft 2020-12) and, with the `xml`
//! feature, [`xml::XSD`] describe the exchange formats for software in other
//! languages; both are generated from these types.

#![forbid(unsafe_code)]

pub use kreisentwicklung_core::*;

/// The JSON exchange format.
#[cfg(feature = "json")]
#[doc(inline)]
pub use kreisentwicklung_json as json;

/// The XML exchange format.
#[cfg(feature = "xml")]
#[doc(inline)]
pub use kreisentwicklung_xml as xml;

/// The council workbook (XLSX).
#[cfg(feature = "xlsx")]
#[doc(inline)]
pub use kreisentwicklung_xlsx as xlsx;

/// OParl 1.1 exchange with council information systems.
#[cfg(feature = "oparl")]
pub use kreisentwicklung_oparl as oparl;

pub mod import;

/// A registry with every exporter enabled by cargo features (`json`, `xml`,
/// `xlsx`). Register your own formats on it with
/// [`Registry::register`](export::Registry::register).
///
/// ```
/// let registry = kreisentwicklung::registry();
/// assert!(registry.get("json").is_some());
/// ```
pub fn registry() -> export::Registry {
    #[allow(unused_mut)]
    let mut registry = export::Registry::new();
    #[cfg(feature = "json")]
    registry.register(json::JsonExporter);
    #[cfg(feature = "xml")]
    registry.register(xml::XmlExporter);
    #[cfg(feature = "xlsx")]
    registry.register(xlsx::XlsxExporter);
    #[cfg(feature = "oparl")]
    registry.register(oparl::OparlExporter);
    registry
}
