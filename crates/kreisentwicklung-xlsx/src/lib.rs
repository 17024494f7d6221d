//! Xlsx format for kreisentwicklung concepts (being written).
#![forbid(unsafe_code)]

use kreisentwicklung_core::export::{ExportError, ExportOptions, Exporter};
use kreisentwicklung_core::Concept;

/// The xlsx exporter.
#[derive(Debug, Clone, Copy, Default)]
pub struct XlsxExporter;

impl Exporter for XlsxExporter {
    fn id(&self) -> &str {
        "xlsx"
    }
    fn extension(&self) -> &str {
        "xlsx"
    }
    fn media_type(&self) -> &str {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    }
    fn export(
        &self,
        _concept: &Concept,
        _out: &mut dyn std::io::Write,
        _options: &ExportOptions,
    ) -> Result<(), ExportError> {
        Err(ExportError::Format {
            format: "xlsx".into(),
            message: "not implemented yet".into(),
            source: None,
        })
    }
}
