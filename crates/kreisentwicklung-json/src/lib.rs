//! Json format for kreisentwicklung concepts (being written).
#![forbid(unsafe_code)]

use kreisentwicklung_core::export::{ExportError, ExportOptions, Exporter};
use kreisentwicklung_core::Concept;

/// The json exporter.
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
    fn export(
        &self,
        _concept: &Concept,
        _out: &mut dyn std::io::Write,
        _options: &ExportOptions,
    ) -> Result<(), ExportError> {
        Err(ExportError::Format {
            format: "json".into(),
            message: "not implemented yet".into(),
            source: None,
        })
    }
}
