//! Xml format for kreisentwicklung concepts (being written).
#![forbid(unsafe_code)]

use kreisentwicklung_core::export::{ExportError, ExportOptions, Exporter};
use kreisentwicklung_core::Concept;

/// The xml exporter.
#[derive(Debug, Clone, Copy, Default)]
pub struct XmlExporter;

impl Exporter for XmlExporter {
    fn id(&self) -> &str {
        "xml"
    }
    fn extension(&self) -> &str {
        "xml"
    }
    fn media_type(&self) -> &str {
        "application/xml"
    }
    fn export(
        &self,
        _concept: &Concept,
        _out: &mut dyn std::io::Write,
        _options: &ExportOptions,
    ) -> Result<(), ExportError> {
        Err(ExportError::Format {
            format: "xml".into(),
            message: "not implemented yet".into(),
            source: None,
        })
    }
}
