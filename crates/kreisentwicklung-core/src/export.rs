//! The export layer: a small object-safe trait every output format
//! implements, and a registry to look formats up by id.
//!
//! The sibling crates `kreisentwicklung-json`, `-xml` and `-xlsx` each
//! provide an [`Exporter`]; the facade crate `kreisentwicklung` fills a
//! [`Registry`] with the ones enabled by cargo features. A vendor adds a
//! format of its own by implementing the trait and registering it — no fork
//! needed:
//!
//! ```
//! use std::io::Write;
//! use kreisentwicklung_core::*;
//! use kreisentwicklung_core::export::*;
//!
//! /// One line per measure: number and title.
//! struct MeasureList;
//!
//! impl Exporter for MeasureList {
//!     fn id(&self) -> &str { "measure-list" }
//!     fn extension(&self) -> &str { "txt" }
//!     fn media_type(&self) -> &str { "text/plain; charset=utf-8" }
//!     fn export(&self, c: &Concept, out: &mut dyn Write, _: &ExportOptions) -> Result<(), ExportError> {
//!         for m in &c.measures {
//!             writeln!(out, "{}\t{}", m.number.as_deref().unwrap_or(""), m.title)?;
//!         }
//!         Ok(())
//!     }
//! }
//!
//! let mut registry = Registry::new();
//! registry.register(MeasureList);
//! let concept = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"))
//!     .with_measure(Measure::new("m1", "Radwegenetz").with_number("1"));
//! let mut out = Vec::new();
//! registry.export("measure-list", &concept, &mut out, &ExportOptions::default())?;
//! assert_eq!(out, b"1\tRadwegenetz\n");
//! # Ok::<(), ExportError>(())
//! ```

use std::collections::BTreeMap;
use std::io::Write;

use crate::{Concept, Date, Language, ValidationErrors};

/// When documents and workbooks say they were created.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Timestamp {
    /// A fixed date chosen by the format (2000-01-01), so that the same
    /// input gives byte-identical output.
    #[default]
    Fixed,
    /// The given date, midnight UTC.
    At(Date),
    /// The current time (output differs from run to run).
    Now,
}

/// Options for an export. Format-specific options go into
/// [`ExportOptions::format_options`] by name (`"constant-memory"`), as the
/// command line passes them through.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    /// Language of labels and headings.
    pub language: Language,
    /// Indented, human-readable output (default) or compact.
    pub pretty: bool,
    /// Creation time written into the output, where the format has one.
    pub timestamp: Timestamp,
    /// Format-specific options by name; see [`Exporter::options`].
    pub format_options: BTreeMap<String, String>,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            language: Language::De,
            pretty: true,
            timestamp: Timestamp::Fixed,
            format_options: BTreeMap::new(),
        }
    }
}

impl ExportOptions {
    /// Sets the language.
    #[must_use]
    pub fn language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }

    /// Chooses pretty or compact output.
    #[must_use]
    pub fn pretty(mut self, pretty: bool) -> Self {
        self.pretty = pretty;
        self
    }

    /// Sets the timestamp.
    #[must_use]
    pub fn timestamp(mut self, timestamp: Timestamp) -> Self {
        self.timestamp = timestamp;
        self
    }

    /// Sets a format-specific option.
    #[must_use]
    pub fn option(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.format_options.insert(name.into(), value.into());
        self
    }

    /// True when a format-specific switch is set to `true`, `yes`, `1` or
    /// the empty string.
    pub fn flag(&self, name: &str) -> bool {
        self.format_options
            .get(name)
            .is_some_and(|v| matches!(v.as_str(), "" | "true" | "yes" | "1"))
    }
}

/// A format-specific option an exporter understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OptionSpec {
    /// Its name (`"constant-memory"`).
    pub name: &'static str,
    /// True for a switch without a value.
    pub is_flag: bool,
    /// What it does.
    pub help: &'static str,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// Writing to the output failed.
    #[error("cannot write the output: {0}")]
    Io(#[from] std::io::Error),
    /// The concept has problems that would make the output unusable.
    #[error("the concept cannot be exported: {0}")]
    Invalid(ValidationErrors),
    /// An item exceeds a limit of the format.
    #[error("{path}: {message}")]
    Limit {
        /// Where.
        path: String,
        /// What limit.
        message: String,
    },
    /// No exporter is registered under the id.
    #[error("unknown format {id:?}; registered formats: {}", known.join(", "))]
    UnknownFormat {
        /// The id asked for.
        id: String,
        /// The registered ids.
        known: Vec<String>,
    },
    /// An option the format does not understand, or a bad value for one.
    #[error("option {name:?} for format {format}: {message}")]
    Option {
        /// The format.
        format: String,
        /// The option.
        name: String,
        /// What is wrong.
        message: String,
    },
    /// The format's underlying library failed.
    #[error("{format} export failed: {message}")]
    Format {
        /// The format.
        format: String,
        /// What happened.
        message: String,
        /// The library's error.
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
    },
}

impl ExportError {
    /// Wraps an error of a format's underlying library.
    pub fn format(
        format: impl Into<String>,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        ExportError::Format {
            format: format.into(),
            message: source.to_string(),
            source: Some(Box::new(source)),
        }
    }
}

/// An output format. Object-safe: registries hold `Box<dyn Exporter>`.
///
/// Only [`id`](Exporter::id), [`extension`](Exporter::extension),
/// [`media_type`](Exporter::media_type) and [`export`](Exporter::export)
/// are required; the rest have defaults.
pub trait Exporter: Send + Sync {
    /// The format id (`"json"`, `"xml"`, `"xlsx"`, `"csv"`).
    fn id(&self) -> &str;
    /// File extension without the dot.
    fn extension(&self) -> &str;
    /// Media type of the output.
    fn media_type(&self) -> &str;
    /// Writes the concept to `out`.
    fn export(
        &self,
        concept: &Concept,
        out: &mut dyn Write,
        options: &ExportOptions,
    ) -> Result<(), ExportError>;
    /// A one-line description for listings.
    fn description(&self) -> &str {
        ""
    }
    /// True for binary output that should not go to a terminal.
    fn is_binary(&self) -> bool {
        false
    }
    /// The format-specific options it understands.
    fn options(&self) -> &[OptionSpec] {
        &[]
    }
    /// Checks the format-specific options before exporting: by default,
    /// every option must be one of [`Exporter::options`].
    fn check_options(&self, options: &ExportOptions) -> Result<(), ExportError> {
        for name in options.format_options.keys() {
            if !self.options().iter().any(|o| o.name == name) {
                return Err(ExportError::Option {
                    format: self.id().to_owned(),
                    name: name.clone(),
                    message: "not an option of this format".to_owned(),
                });
            }
        }
        Ok(())
    }
}

/// Exporters by format id.
#[derive(Default)]
pub struct Registry {
    exporters: Vec<Box<dyn Exporter>>,
}

impl std::fmt::Debug for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.ids()).finish()
    }
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Self {
        Registry::default()
    }

    /// Adds an exporter, replacing (and returning) one with the same id.
    pub fn register(&mut self, exporter: impl Exporter + 'static) -> Option<Box<dyn Exporter>> {
        self.register_boxed(Box::new(exporter))
    }

    /// Adds a boxed exporter, replacing (and returning) one with the same id.
    pub fn register_boxed(&mut self, exporter: Box<dyn Exporter>) -> Option<Box<dyn Exporter>> {
        match self.exporters.iter().position(|e| e.id() == exporter.id()) {
            Some(i) => Some(std::mem::replace(&mut self.exporters[i], exporter)),
            None => {
                self.exporters.push(exporter);
                None
            }
        }
    }

    /// The exporter with the given id.
    pub fn get(&self, id: &str) -> Option<&dyn Exporter> {
        self.exporters
            .iter()
            .find(|e| e.id() == id)
            .map(|e| e.as_ref())
    }

    /// All exporters, in registration order.
    pub fn iter(&self) -> impl Iterator<Item = &dyn Exporter> {
        self.exporters.iter().map(|e| e.as_ref())
    }

    /// The registered format ids.
    pub fn ids(&self) -> Vec<&str> {
        self.exporters.iter().map(|e| e.id()).collect()
    }

    /// Looks up a format and exports with it, after checking its options.
    pub fn export(
        &self,
        id: &str,
        concept: &Concept,
        out: &mut dyn Write,
        options: &ExportOptions,
    ) -> Result<(), ExportError> {
        let exporter = self.get(id).ok_or_else(|| ExportError::UnknownFormat {
            id: id.to_owned(),
            known: self.ids().into_iter().map(str::to_owned).collect(),
        })?;
        exporter.check_options(options)?;
        exporter.export(concept, out, options)
    }
}
