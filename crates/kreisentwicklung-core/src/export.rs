//! The export layer: a small object-safe trait every output format
//! implements, and a registry to look formats up by id.
//!
//! The sibling crates `kreisentwicklung-json`, `-xml` and `-xlsx` each
//! provide an [`Exporter`]; the facade crate `kreisentwicklung` fills a
//! [`Registry`] with the ones enabled by cargo features. A vendor adds a
//! format of its own by implementing the trait and registering it — no fork
//! needed.
//!
//! # Who checks what
//!
//! An exporter says in [`Exporter::requires`] what it needs of a concept
//! ([`Requirement::Nothing`], [`WellFormed`](Requirement::WellFormed) or
//! [`Valid`](Requirement::Valid)) and implements [`Exporter::write`].
//! Callers use [`Exporter::export`] or [`Registry::export`], which check the
//! format options and then the requirement before anything is written, so a
//! format never sees a concept it cannot handle and nothing is checked
//! twice. The built-in formats:
//!
//! | format | requires | and refuses on its own |
//! | --- | --- | --- |
//! | `json` | well-formed (numbers finite) | — |
//! | `xml` | valid ([`Concept::validate`]) | — |
//! | `xlsx` | nothing: a concept in the making gives a workbook | cell by cell, what a workbook cannot carry ([`ExportError::Limit`]) |
//!
//! # Options
//!
//! Each format has a typed writer (`kreisentwicklung_xlsx::Writer::new()
//! .constant_memory(true)`, `kreisentwicklung_json::Writer::new()
//! .pretty(false)`) for programs; [`ExportOptions`] carries what every
//! format shares plus the format's options as strings, as the command line
//! passes them, and the exporter turns them into its writer once.
//!
//! A format whose metadata are constants and whose options give a typed
//! writer implements [`Format`] (a [`FormatInfo`], `writer`, `write_with`)
//! and is an [`Exporter`] through it, as the built-in formats are; a text
//! document written pretty or compact (JSON, XML) implements
//! [`TextFormat`] and gets its [`TextWriter`]. Anything else implements
//! [`Exporter`] directly, as below.
//! [`ExportOptions::language`] left at `None` means the concept's own main
//! language ([`ExportOptions::language_for`]).
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
//!     // Only ids and titles are written: any concept will do.
//!     fn requires(&self) -> Requirement { Requirement::Nothing }
//!     fn write(
//!         &self,
//!         c: &Concept,
//!         out: &mut (dyn Write + Send),
//!         _: &ExportOptions,
//!     ) -> Result<(), ExportError> {
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

use crate::{Concept, Date, ItemPath, Language, Problem, ProblemKind, ValidationErrors};

mod format;

pub use format::{Format, FormatInfo, TextFormat, TextWriter};

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
/// command line passes them through; programs that know the format use its
/// typed writer instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    /// Language of labels and headings; `None` (the default) means the
    /// concept's own main language, see [`ExportOptions::language_for`].
    pub language: Option<Language>,
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
            language: None,
            pretty: true,
            timestamp: Timestamp::Fixed,
            format_options: BTreeMap::new(),
        }
    }
}

impl ExportOptions {
    /// Sets the language of labels, instead of the concept's own.
    #[must_use]
    pub fn language(mut self, language: Language) -> Self {
        self.language = Some(language);
        self
    }

    /// The language labels are written in for `concept`: the one set with
    /// [`ExportOptions::language`], else the concept's main language when
    /// labels exist for it ([`Concept::main_language`]), else German.
    ///
    /// ```
    /// use kreisentwicklung_core::*;
    /// use kreisentwicklung_core::export::ExportOptions;
    ///
    /// let mut concept = Concept::new("c", "County development concept", ConceptKind::Kek,
    ///                                Territory::landkreis("Beispiel"));
    /// concept.languages = vec!["en".into()];
    /// assert_eq!(ExportOptions::default().language_for(&concept), Language::En);
    /// assert_eq!(ExportOptions::default().language(Language::De).language_for(&concept),
    ///            Language::De);
    /// ```
    pub fn language_for(&self, concept: &Concept) -> Language {
        self.language.unwrap_or_else(|| concept_language(concept))
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

/// The concept's main language if labels exist for it, German otherwise.
pub fn concept_language(concept: &Concept) -> Language {
    Language::from_tag(concept.main_language()).unwrap_or_default()
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

/// What an exporter needs of a concept, checked by [`Exporter::export`]
/// (and so by [`Registry::export`]) before the exporter writes anything.
/// The levels are ordered: a valid concept is well-formed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Requirement {
    /// Any concept: the format writes what it is given (and refuses on its
    /// own what it cannot carry). The default, as for a concept in the
    /// making.
    #[default]
    Nothing,
    /// Every number is finite: NaN and infinities exist in no exchange
    /// format. Dangling references, duplicate ids and the other problems of
    /// [`Concept::validate`] are allowed.
    WellFormed,
    /// The concept passes [`Concept::validate`].
    Valid,
}

impl Requirement {
    /// Checks `concept`; on failure every problem, with its path, as
    /// [`ExportError::Invalid`].
    ///
    /// ```
    /// use kreisentwicklung_core::*;
    /// use kreisentwicklung_core::export::Requirement;
    ///
    /// let concept = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"))
    ///     .with_measure(Measure::new("W3", "Radweg").with_goal("z9"));
    /// assert!(Requirement::WellFormed.check(&concept).is_ok());
    /// let err = Requirement::Valid.check(&concept).unwrap_err();
    /// assert!(err.to_string().contains("measures[W3].goals[0]: refers to goal \"z9\""));
    /// ```
    pub fn check(self, concept: &Concept) -> Result<(), ExportError> {
        match self {
            Requirement::Nothing => Ok(()),
            Requirement::WellFormed => {
                let problems = non_finite_numbers(concept);
                if problems.is_empty() {
                    Ok(())
                } else {
                    Err(ExportError::Invalid(ValidationErrors { problems }))
                }
            }
            Requirement::Valid => concept.validate().map_err(ExportError::Invalid),
        }
    }
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

/// Every number of the concept that is NaN or infinite. (Moved here from
/// the JSON exporter, which was the only format to check it.)
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
        /// Where: the item that does not fit (`measures[W3].description`).
        path: ItemPath,
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
/// Implement [`id`](Exporter::id), [`extension`](Exporter::extension),
/// [`media_type`](Exporter::media_type) and [`write`](Exporter::write), and
/// say what the format needs in [`requires`](Exporter::requires); the rest
/// have defaults. Call [`export`](Exporter::export), which checks first.
pub trait Exporter: Send + Sync {
    /// The format id (`"json"`, `"xml"`, `"xlsx"`, `"csv"`).
    fn id(&self) -> &str;
    /// File extension without the dot.
    fn extension(&self) -> &str;
    /// Media type of the output.
    fn media_type(&self) -> &str;
    /// What the format needs of a concept; [`Requirement::Nothing`] unless
    /// overridden. Document it with the format.
    fn requires(&self) -> Requirement {
        Requirement::Nothing
    }
    /// Writes the concept to `out`. Called by [`Exporter::export`] once the
    /// options passed [`Exporter::check_options`] and the concept meets
    /// [`Exporter::requires`], so it need not check them again.
    fn write(
        &self,
        concept: &Concept,
        out: &mut (dyn Write + Send),
        options: &ExportOptions,
    ) -> Result<(), ExportError>;
    /// Checks the options and the [requirement](Exporter::requires), then
    /// [writes](Exporter::write) the concept to `out`; nothing is written
    /// when a check fails. Not meant to be overridden.
    fn export(
        &self,
        concept: &Concept,
        out: &mut (dyn Write + Send),
        options: &ExportOptions,
    ) -> Result<(), ExportError> {
        self.check_options(options)?;
        self.requires().check(concept)?;
        self.write(concept, out, options)
    }
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
        check_known_options(self.id(), self.options(), options)
    }
}

/// Refuses the first format-specific option of `options` that is not one
/// of `known` (an [`unknown_option`] error for `format`).
///
/// ```
/// use kreisentwicklung_core::export::{check_known_options, ExportOptions};
///
/// let options = ExportOptions::default().option("indent", "4");
/// let err = check_known_options("json", &[], &options).unwrap_err();
/// assert!(err.to_string().contains("not an option of this format, which has none"));
/// ```
pub fn check_known_options(
    format: &str,
    known: &[OptionSpec],
    options: &ExportOptions,
) -> Result<(), ExportError> {
    match options
        .format_options
        .keys()
        .find(|name| !known.iter().any(|o| o.name == name.as_str()))
    {
        Some(name) => Err(unknown_option(format, name, known)),
        None => Ok(()),
    }
}

/// The error for an option `format` does not have, listing the ones it has.
pub fn unknown_option(format: &str, name: &str, known: &[OptionSpec]) -> ExportError {
    let message = if known.is_empty() {
        "not an option of this format, which has none".to_owned()
    } else {
        let names: Vec<&str> = known.iter().map(|o| o.name).collect();
        format!("not an option of this format; known: {}", names.join(", "))
    };
    ExportError::Option {
        format: format.to_owned(),
        name: name.to_owned(),
        message,
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

    /// Looks up a format and [exports](Exporter::export) with it: the
    /// options and the format's [requirement](Exporter::requires) are
    /// checked before anything is written.
    pub fn export(
        &self,
        id: &str,
        concept: &Concept,
        out: &mut (dyn Write + Send),
        options: &ExportOptions,
    ) -> Result<(), ExportError> {
        let exporter = self.get(id).ok_or_else(|| ExportError::UnknownFormat {
            id: id.to_owned(),
            known: self.ids().into_iter().map(str::to_owned).collect(),
        })?;
        exporter.export(concept, out, options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ConceptKind, Direction, Indicator, Measure, Period, Territory};

    /// Writes the number of measures, requiring what it is told to.
    struct Count(Requirement);

    impl Exporter for Count {
        fn id(&self) -> &str {
            "counting"
        }
        fn extension(&self) -> &str {
            "txt"
        }
        fn media_type(&self) -> &str {
            "text/plain"
        }
        fn requires(&self) -> Requirement {
            self.0
        }
        fn write(
            &self,
            c: &Concept,
            out: &mut (dyn Write + Send),
            _: &ExportOptions,
        ) -> Result<(), ExportError> {
            write!(out, "{}", c.measures.len())?;
            Ok(())
        }
    }

    fn concept() -> Concept {
        Concept::new(
            "kek",
            "Kreisentwicklungskonzept",
            ConceptKind::Kek,
            Territory::landkreis("Helmstedt"),
        )
        // A measure referring to a goal that does not exist: not valid,
        // but well-formed.
        .with_measure(Measure::new("W3", "Radwegenetz").with_goal("z9"))
    }

    fn run(requirement: Requirement, c: &Concept) -> (Result<(), ExportError>, Vec<u8>) {
        let mut registry = Registry::new();
        registry.register(Count(requirement));
        let mut out = Vec::new();
        let result = registry.export("counting", c, &mut out, &ExportOptions::default());
        (result, out)
    }

    #[test]
    fn the_registry_checks_the_requirement_before_the_format_writes() {
        let c = concept();
        let (result, out) = run(Requirement::Valid, &c);
        match result {
            Err(ExportError::Invalid(errors)) => assert_eq!(
                errors.problems[0].to_string(),
                "measures[W3].goals[0]: refers to goal \"z9\", which does not exist"
            ),
            other => panic!("{other:?}"),
        }
        assert!(out.is_empty(), "nothing written");

        for requirement in [Requirement::Nothing, Requirement::WellFormed] {
            let (result, out) = run(requirement, &c);
            assert!(result.is_ok(), "{requirement:?}: {result:?}");
            assert_eq!(out, b"1");
        }
    }

    #[test]
    fn well_formed_means_finite_numbers() {
        let c = concept().with_indicator(
            Indicator::new("i1", "Breitband", "%", Direction::HigherIsBetter)
                .with_baseline(f64::NAN, Period::year(2019)),
        );
        assert!(Requirement::Nothing.check(&c).is_ok());
        let Err(ExportError::Invalid(errors)) = Requirement::WellFormed.check(&c) else {
            panic!("NaN is not well-formed")
        };
        assert_eq!(errors.problems.len(), 1);
        assert_eq!(errors.problems[0].path, "indicators[i1].baseline.value");
        assert!(Requirement::WellFormed < Requirement::Valid);
    }

    #[test]
    fn the_language_is_the_concepts_unless_set() {
        let mut c = concept();
        assert_eq!(ExportOptions::default().language_for(&c), Language::De);
        c.languages = vec!["en-GB".into()];
        assert_eq!(ExportOptions::default().language_for(&c), Language::En);
        let de = ExportOptions::default().language(Language::De);
        assert_eq!(de.language_for(&c), Language::De);
        // No labels in French: German.
        c.languages = vec!["fr".into()];
        assert_eq!(ExportOptions::default().language_for(&c), Language::De);
    }

    #[test]
    fn unknown_options_name_the_known_ones() {
        let e = unknown_option(
            "xlsx",
            "colour",
            &[OptionSpec {
                name: "charts",
                is_flag: false,
                help: "",
            }],
        );
        assert_eq!(
            e.to_string(),
            "option \"colour\" for format xlsx: not an option of this format; known: charts"
        );
        assert_eq!(
            unknown_option("json", "indent", &[]).to_string(),
            "option \"indent\" for format json: not an option of this format, which has none"
        );
    }
}
