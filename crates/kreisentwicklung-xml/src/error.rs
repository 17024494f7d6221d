//! Import errors.

use std::fmt;

use kreisentwicklung_core::ValidationErrors;

/// Where in an XML document a problem is: line and column (both from 1,
/// columns counted in characters) and the element path in XPath style
/// (`/concept/measures/measure[3]/period`; list items carry their position
/// among their siblings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
    /// The element path; empty outside the root element.
    pub path: String,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)?;
        if !self.path.is_empty() {
            write!(f, ", at {}", self.path)?;
        }
        Ok(())
    }
}

/// Why a document could not be imported.
///
/// Everything but [`ImportError::Io`] and [`ImportError::Invalid`] names the
/// place in the document:
///
/// ```text
/// line 12, column 7, at /concept/measures/measure[3]/period: unknown period kind "halbjahr": expected one of day, days, …
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// Reading the input failed.
    #[error("cannot read the input: {0}")]
    Io(#[from] std::io::Error),
    /// The input is not well-formed XML (as `quick-xml` found).
    #[error("{location}: not well-formed XML: {source}")]
    Xml {
        /// Where.
        location: Location,
        /// The parser's error.
        #[source]
        source: quick_xml::Error,
    },
    /// The input is XML, but not a concept document as the schema describes
    /// it: an unknown or missing element, elements out of order, a value
    /// that cannot be read, a DOCTYPE or an entity, an encoding other than
    /// UTF-8.
    #[error("{location}: {message}")]
    Content {
        /// Where.
        location: Location,
        /// What is wrong.
        message: String,
    },
    /// The document is written in another major version of the format.
    #[error("{location}: unsupported schema version: the document has {found}, this library reads {expected}")]
    Version {
        /// Where (the root element).
        location: Location,
        /// What the document declares (`namespace "urn:kreisentwicklung:xml:2"`),
        /// with the value quoted so that whitespace shows.
        found: String,
        /// What this library reads.
        expected: String,
    },
    /// The document was read, but the concept it holds has problems; every
    /// problem is listed, with its path in the model
    /// (`measures[W3].goals[1]`).
    #[error("the concept is not valid: {0}")]
    Invalid(ValidationErrors),
}

impl ImportError {
    /// Where in the document the problem is, when the error has a place.
    pub fn location(&self) -> Option<&Location> {
        match self {
            ImportError::Xml { location, .. }
            | ImportError::Content { location, .. }
            | ImportError::Version { location, .. } => Some(location),
            ImportError::Io(_) | ImportError::Invalid(_) => None,
        }
    }
}
