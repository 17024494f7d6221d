//! The importer: a pull parser over `quick-xml` events that checks the
//! element structure against the tables in [`crate::schema`].
//!
//! Text is borrowed from the input wherever it needs no unescaping, so most
//! values (ids, codes, numbers, dates) are read without allocating.
//!
//! Two layers: [`pull`] is the generic machinery (events, well-formedness,
//! namespaces, attributes, text, scalar values, element lists driven by the
//! schema tables, errors with line, column and path); [`model`] reads the
//! concept's types with it; [`text`] reads texts and knows the form of the
//! document (namespace 1.1, or 1.0 with mixed-content texts); [`wf`] has the rules of well-formedness that
//! `quick-xml` leaves to its user.

use kreisentwicklung_core::Concept;

use crate::error::ImportError;

mod model;
mod pull;
mod text;
mod wf;

pub(crate) use pull::line_column;
use pull::{Parser, Res};

/// Reads a concept document and validates the concept.
pub(crate) fn read(src: &str) -> Res<Concept> {
    let src = src.strip_prefix('\u{FEFF}').unwrap_or(src);
    let mut p = Parser::new(src);
    let concept = p.document()?;
    concept.validate().map_err(ImportError::Invalid)?;
    Ok(concept)
}
