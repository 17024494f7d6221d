//! # kreisentwicklung
//!
//! German county development concepts (Kreisentwicklungskonzept, KEK;
//! Regionales Entwicklungskonzept, REK) as data: a typed domain model with
//! validation and a JSON Schema, and exporters to JSON, XML and XLSX.
//!
//! This facade re-exports the model from [`kreisentwicklung_core`] and each
//! format behind a cargo feature of the same name (`json`, `xml`, `xlsx`,
//! all on by default).
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
//! # Ok::<(), ValidationErrors>(())
//! ```

#![forbid(unsafe_code)]

pub use kreisentwicklung_core::*;

pub mod examples;

/// The JSON exchange format.
#[cfg(feature = "json")]
pub use kreisentwicklung_json as json;

/// The XML exchange format.
#[cfg(feature = "xml")]
pub use kreisentwicklung_xml as xml;

/// The council workbook (XLSX).
#[cfg(feature = "xlsx")]
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
