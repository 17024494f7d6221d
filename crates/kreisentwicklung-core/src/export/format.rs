//! Formats described by constants, with a typed writer: the one place the
//! metadata methods of [`Exporter`] and the "thin adapter from
//! [`ExportOptions`] to a writer" are written, for the built-in formats and
//! a vendor's alike.

use std::io::{BufWriter, Write};
use std::marker::PhantomData;

use super::{check_known_options, ExportError, ExportOptions, Exporter, OptionSpec, Requirement};
use crate::Concept;

/// What a format is, as constants: what the metadata methods of its
/// [`Exporter`] return.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatInfo {
    /// The format id ([`Exporter::id`]).
    pub id: &'static str,
    /// File extension without the dot ([`Exporter::extension`]).
    pub extension: &'static str,
    /// Media type of the output ([`Exporter::media_type`]).
    pub media_type: &'static str,
    /// A one-line description ([`Exporter::description`]).
    pub description: &'static str,
    /// Binary output ([`Exporter::is_binary`]).
    pub binary: bool,
    /// What the format needs of a concept ([`Exporter::requires`]).
    pub requires: Requirement,
    /// The format-specific options ([`Exporter::options`]).
    pub options: &'static [OptionSpec],
}

/// A format with constant metadata and a typed writer made from the
/// options. Every `Format` is an [`Exporter`]: implement this instead when
/// the format's options can be turned into a writer once — the metadata
/// methods, [`Exporter::check_options`] and [`Exporter::write`] follow.
///
/// ```
/// use std::io::Write;
/// use kreisentwicklung_core::*;
/// use kreisentwicklung_core::export::*;
///
/// /// Measure titles, one a line, optionally numbered.
/// struct Titles;
///
/// impl Format for Titles {
///     const INFO: FormatInfo = FormatInfo {
///         id: "titles",
///         extension: "txt",
///         media_type: "text/plain; charset=utf-8",
///         description: "measure titles",
///         binary: false,
///         requires: Requirement::Nothing,
///         options: &[OptionSpec { name: "numbered", is_flag: true, help: "with numbers" }],
///     };
///     /// Numbered or not.
///     type Writer = bool;
///
///     fn writer(&self, options: &ExportOptions) -> Result<bool, ExportError> {
///         check_known_options(Self::INFO.id, Self::INFO.options, options)?;
///         Ok(options.flag("numbered"))
///     }
///
///     fn write_with(
///         &self,
///         numbered: bool,
///         c: &Concept,
///         out: &mut (dyn Write + Send),
///         _: &ExportOptions,
///     ) -> Result<(), ExportError> {
///         for m in &c.measures {
///             if numbered {
///                 write!(out, "{} ", m.number.as_deref().unwrap_or("-"))?;
///             }
///             writeln!(out, "{}", m.title)?;
///         }
///         Ok(())
///     }
/// }
///
/// let concept = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"))
///     .with_measure(Measure::new("m1", "Radwegenetz").with_number("1"));
/// let mut out = Vec::new();
/// Titles.export(&concept, &mut out, &ExportOptions::default().option("numbered", ""))?;
/// assert_eq!(out, b"1 Radwegenetz\n");
/// assert_eq!(Titles.extension(), "txt");
/// assert!(Titles.export(&concept, &mut out, &ExportOptions::default().option("x", "")).is_err());
/// # Ok::<(), ExportError>(())
/// ```
pub trait Format: Send + Sync {
    /// The format's metadata.
    const INFO: FormatInfo;
    /// The typed writer the options give.
    type Writer;
    /// The writer for `options`; an unknown option or a bad value is an
    /// [`ExportError::Option`] (see [`check_known_options`]). Also what
    /// [`Exporter::check_options`] runs.
    fn writer(&self, options: &ExportOptions) -> Result<Self::Writer, ExportError>;
    /// Writes a concept that meets [`FormatInfo::requires`] with `writer`,
    /// made from `options`.
    fn write_with(
        &self,
        writer: Self::Writer,
        concept: &Concept,
        out: &mut (dyn Write + Send),
        options: &ExportOptions,
    ) -> Result<(), ExportError>;
}

impl<F: Format> Exporter for F {
    fn id(&self) -> &str {
        F::INFO.id
    }

    fn extension(&self) -> &str {
        F::INFO.extension
    }

    fn media_type(&self) -> &str {
        F::INFO.media_type
    }

    fn description(&self) -> &str {
        F::INFO.description
    }

    fn is_binary(&self) -> bool {
        F::INFO.binary
    }

    fn requires(&self) -> Requirement {
        F::INFO.requires
    }

    fn options(&self) -> &[OptionSpec] {
        F::INFO.options
    }

    fn check_options(&self, options: &ExportOptions) -> Result<(), ExportError> {
        self.writer(options).map(drop)
    }

    fn write(
        &self,
        concept: &Concept,
        out: &mut (dyn Write + Send),
        options: &ExportOptions,
    ) -> Result<(), ExportError> {
        self.write_with(self.writer(options)?, concept, out, options)
    }
}

/// A text document format written indented or compact, with no options of
/// its own (JSON, XML). Its [`Format`] writer is a [`TextWriter`].
pub trait TextFormat: Copy + Send + Sync {
    /// The format's metadata; [`FormatInfo::options`] is empty.
    const INFO: FormatInfo;
    /// The buffer between the document writer and the output.
    const BUFFER: usize = 8 * 1024;
    /// Writes the document of a concept that meets
    /// [`FormatInfo::requires`], `pretty` or compact.
    fn write_document<W: Write>(
        concept: &Concept,
        out: &mut W,
        pretty: bool,
    ) -> Result<(), ExportError>;
}

impl<F: TextFormat> Format for F {
    const INFO: FormatInfo = <F as TextFormat>::INFO;
    type Writer = TextWriter<F>;

    fn writer(&self, options: &ExportOptions) -> Result<TextWriter<F>, ExportError> {
        TextWriter::from_options(options)
    }

    fn write_with(
        &self,
        writer: TextWriter<F>,
        concept: &Concept,
        out: &mut (dyn Write + Send),
        _: &ExportOptions,
    ) -> Result<(), ExportError> {
        // `Exporter::export` has checked the requirement.
        writer.write_checked(concept, out)
    }
}

/// The writer of a [`TextFormat`], configured: pretty (the default) or
/// compact. The same concept always gives the same bytes.
/// `kreisentwicklung_json::Writer` and `kreisentwicklung_xml::Writer` are
/// this type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextWriter<F> {
    pretty: bool,
    format: PhantomData<F>,
}

impl<F: TextFormat> Default for TextWriter<F> {
    fn default() -> Self {
        TextWriter::new()
    }
}

impl<F: TextFormat> TextWriter<F> {
    /// A writer of pretty output.
    pub fn new() -> Self {
        TextWriter {
            pretty: true,
            format: PhantomData,
        }
    }

    /// Pretty output (indented) or compact (no whitespace between the
    /// parts of the document).
    #[must_use]
    pub fn pretty(mut self, pretty: bool) -> Self {
        self.pretty = pretty;
        self
    }

    /// The writer for export options: only [`ExportOptions::pretty`]
    /// matters; the format has no options of its own, so any is an
    /// [`ExportError::Option`]. (Text is written in every language it has,
    /// and documents carry no creation time.)
    pub fn from_options(options: &ExportOptions) -> Result<Self, ExportError> {
        check_known_options(F::INFO.id, F::INFO.options, options)?;
        Ok(TextWriter::new().pretty(options.pretty))
    }

    /// Writes the document to `writer` (buffered internally, so a `File`
    /// gets large writes). A concept that does not meet the format's
    /// [requirement](FormatInfo::requires) is refused with
    /// [`ExportError::Invalid`] before anything is written; an error of the
    /// writer is [`ExportError::Io`].
    pub fn write<W: Write>(&self, concept: &Concept, writer: W) -> Result<(), ExportError> {
        F::INFO.requires.check(concept)?;
        self.write_checked(concept, writer)
    }

    /// The document as bytes, written straight into the vector.
    pub fn to_vec(&self, concept: &Concept) -> Result<Vec<u8>, ExportError> {
        F::INFO.requires.check(concept)?;
        let mut out = Vec::with_capacity(4096);
        F::write_document(concept, &mut out, self.pretty)?;
        Ok(out)
    }

    /// The document as a string.
    pub fn to_string(&self, concept: &Concept) -> Result<String, ExportError> {
        let bytes = self.to_vec(concept)?;
        // Both formats write UTF-8 only.
        String::from_utf8(bytes).map_err(|e| ExportError::format(F::INFO.id, e))
    }

    /// Writes a concept known to meet the requirement.
    fn write_checked<W: Write>(&self, concept: &Concept, writer: W) -> Result<(), ExportError> {
        let mut buffered = BufWriter::with_capacity(F::BUFFER, writer);
        F::write_document(concept, &mut buffered, self.pretty)?;
        buffered
            .into_inner()
            .map_err(|e| ExportError::Io(e.into_error()))?;
        Ok(())
    }
}
