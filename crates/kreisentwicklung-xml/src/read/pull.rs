//! The generic layer of the reader: events, well-formedness, namespaces,
//! attributes, text, scalar values and the schema-driven element lists,
//! over either [`Input`] (the document in memory, or a buffered reader).

use std::borrow::Cow;
use std::collections::BTreeMap;

use kreisentwicklung_core::validate::is_xml_illegal;
use kreisentwicklung_core::{CodeList, Concept, Date, Euro, Id, Text};
use quick_xml::events::attributes::Attributes;
use quick_xml::events::{BytesDecl, BytesRef, BytesStart, BytesText};
use quick_xml::name::{QName, ResolveResult};
use quick_xml::XmlVersion;

use super::input::{Ev, Input, Span};
use super::scalar::{parse_euro, parse_int, parse_number};
use super::wf;
use crate::error::{ImportError, Location};
use crate::schema::{Complex, Field, Occurs};
use crate::NAMESPACE;

/// The namespace of `xml:lang`.
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

pub(super) type Res<T> = Result<T, ImportError>;

/// The form of the document, as its root element tells.
#[derive(Clone, Debug)]
pub(super) struct Dialect {
    /// The namespace every element must be in: [`NAMESPACE`] or
    /// [`crate::NAMESPACE_1_0`].
    pub(super) namespace: &'static str,
    /// Texts are mixed content (namespace 1.0): the main text, then
    /// `<translation xml:lang>` elements.
    pub(super) mixed_text: bool,
    /// The root's `xml:lang`, which the main text may repeat.
    pub(super) lang: Option<String>,
}

impl Default for Dialect {
    fn default() -> Self {
        Dialect {
            namespace: NAMESPACE,
            mixed_text: false,
            lang: None,
        }
    }
}

/// XML whitespace only (space, tab, CR, LF).
pub(super) fn is_ws(s: &str) -> bool {
    s.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

pub(super) fn trim_ws(s: &str) -> &str {
    s.trim_matches(|c| matches!(c, ' ' | '\t' | '\r' | '\n'))
}

/// The first character XML 1.0 does not allow, with its position (from 1).
pub(crate) fn find_illegal(s: &str) -> Option<(char, usize)> {
    let bytes = s.as_bytes();
    if !bytes
        .iter()
        .any(|&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0xEF)
    {
        return None;
    }
    s.chars()
        .enumerate()
        .find(|&(_, c)| is_xml_illegal(c))
        .map(|(i, c)| (c, i + 1))
}

/// Text gathered from several events: nothing yet, one piece of the
/// input's text, or pieces joined in the parser's scratch string.
#[derive(Clone, Copy)]
pub(super) enum Acc {
    Empty,
    One(Span),
    Many,
}

/// A value read: a span of the input's text or of the scratch string,
/// valid until the next event is read.
#[derive(Clone, Copy)]
pub(super) struct Val {
    span: Span,
    scratch: bool,
}

/// An element whose start tag has been read.
#[derive(Clone, Copy, Debug)]
pub(super) struct El {
    /// Byte offset of its `<`.
    pub(super) pos: usize,
    pub(super) empty: bool,
    /// The inside of its start tag, valid while it is the last event read
    /// (attributes are read before the content).
    tag: Span,
    name_len: usize,
    /// Its local name from the schema, once matched against it.
    local: &'static str,
}

impl El {
    /// Its local name from the schema; empty before it is matched (the
    /// name as written is [`Parser::name`]).
    pub(super) fn local(&self) -> &'static str {
        self.local
    }

    /// The element, matched against the schema: its local name is `local`.
    pub(super) fn named(self, local: &'static str) -> El {
        El { local, ..self }
    }
}

/// The parser over an [`Input`].
pub(super) struct Parser<I> {
    pub(super) input: I,
    /// Byte offset where the last event read starts.
    pub(super) pos: usize,
    /// The open elements: name and, for list items, position from 1.
    pub(super) path: Vec<(&'static str, usize)>,
    /// The form of the document (namespace, form of texts).
    pub(super) dialect: Dialect,
    /// The inside of the root element's start tag, once read (for
    /// [`super::split`]).
    pub(super) root_tag: String,
    /// Whether a long list was read on several threads ([`super::split`]).
    pub(super) split_lists: bool,
    /// Where text of several pieces (or with line ends to normalise) is
    /// joined.
    scratch: String,
}

impl<I: Input> Parser<I> {
    /// A parser at the start of `input`.
    pub(super) fn new(input: I) -> Self {
        Parser {
            input,
            pos: 0,
            path: Vec::with_capacity(16),
            dialect: Dialect::default(),
            root_tag: String::new(),
            split_lists: false,
            scratch: String::with_capacity(256),
        }
    }

    /// An element whose start tag is the event just read.
    fn el(&self, tag: Span, name_len: usize, empty: bool) -> El {
        El {
            pos: self.pos,
            empty,
            tag,
            name_len,
            local: "",
        }
    }

    /// A span of the input's text.
    fn slice(&self, span: Span) -> &str {
        self.input.text().get(span.start..span.end).unwrap_or("")
    }

    /// The text of a value.
    /// The inside of the start tag of `el`, the last element read: its name
    /// and attributes as written.
    pub(super) fn start_tag(&self, el: &El) -> &str {
        self.slice(el.tag)
    }

    pub(super) fn val(&self, v: Val) -> &str {
        let s = if v.scratch {
            self.scratch.as_str()
        } else {
            self.input.text()
        };
        s.get(v.span.start..v.span.end).unwrap_or("")
    }

    /// The name of `el` as written, prefix and all (while its start tag is
    /// the last event read).
    pub(super) fn qname(&self, el: &El) -> &str {
        self.slice(Span {
            start: el.tag.start,
            end: el.tag.start + el.name_len,
        })
    }

    /// The local name of `el` as written (while its start tag is the last
    /// event read).
    pub(super) fn name(&self, el: &El) -> &str {
        QName(self.qname(el)).local_name().into_inner()
    }

    /// The local name of `el`: the schema's once matched, else as written.
    pub(super) fn local(&self, el: &El) -> &str {
        if el.local.is_empty() {
            self.name(el)
        } else {
            el.local
        }
    }

    // ----- errors ---------------------------------------------------------------

    pub(super) fn location(&self, offset: usize) -> Location {
        let (line, column) = self.input.line_column(offset);
        let mut path = String::new();
        for (name, index) in &self.path {
            path.push('/');
            path.push_str(name);
            if *index > 0 {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
        Location { line, column, path }
    }

    pub(super) fn err_at(&self, offset: usize, message: impl Into<String>) -> ImportError {
        ImportError::Content {
            location: self.location(offset),
            message: message.into(),
        }
    }

    /// An error at the start of the last event read.
    pub(super) fn err(&self, message: impl Into<String>) -> ImportError {
        self.err_at(self.pos, message)
    }

    pub(super) fn xml_err(&self, e: quick_xml::Error) -> ImportError {
        let at = match self.input.error_position() {
            0 => self.pos,
            p => p,
        };
        ImportError::Xml {
            location: self.location(at),
            source: e,
        }
    }

    // ----- events ---------------------------------------------------------------

    /// The next event as read, its start remembered in `pos`.
    fn read(&mut self) -> Res<Ev> {
        self.pos = self.input.position();
        self.input.read().map_err(|e| self.xml_err(e))
    }

    /// The next event inside the root element.
    pub(super) fn next(&mut self) -> Res<Ev> {
        match self.read()? {
            Ev::DocType => Err(self.err(
                "DOCTYPE declarations are not allowed: concept documents use no DTD and no entities",
            )),
            Ev::Decl(_) => Err(self.err(
                "an XML declaration is only allowed at the very start of the document",
            )),
            Ev::Eof => Err(self.err("unexpected end of the document")),
            ev => self.well_formed(ev),
        }
    }

    /// The event, if it keeps the rules of XML 1.0 that `quick-xml` does not
    /// check (see [`wf`]); the error names the line and column of the
    /// offending character.
    pub(super) fn well_formed(&self, ev: Ev) -> Res<Ev> {
        let found = match ev {
            Ev::Start { tag, .. } => {
                wf::tag(self.slice(tag), |_, _, _| Ok(())).map_err(|(at, m)| (1 + at, m))
            }
            Ev::Comment(s) => wf::comment(self.slice(s)).map_err(|(at, m)| (4 + at, m)),
            Ev::PI(s) => wf::pi(self.slice(s)).map_err(|(at, m)| (2 + at, m)),
            Ev::Decl(s) => wf::decl(self.slice(s)).map_err(|(at, m)| (2 + at, m)),
            Ev::Text { span, cdata: false } => wf::text(self.slice(span)),
            _ => Ok(()),
        };
        match found {
            Ok(()) => Ok(ev),
            Err((at, message)) => Err(self.err_at(self.pos + at, message)),
        }
    }

    /// Checks that an element is in the concept namespace.
    pub(super) fn check_ns(&self, el: &El) -> Res<()> {
        let name = self.qname(el);
        let (ns, local) = self.input.resolver().resolve_element(QName(name));
        match ns {
            ResolveResult::Bound(ns) if ns.into_inner() == self.dialect.namespace => Ok(()),
            ResolveResult::Bound(ns) => Err(self.err_at(
                el.pos,
                format!(
                    "element <{name}> is in namespace {:?}; expected {:?}",
                    ns.into_inner(),
                    self.dialect.namespace
                ),
            )),
            ResolveResult::Unbound => Err(self.err_at(
                el.pos,
                format!(
                    "element <{}> is in no namespace; expected {:?}",
                    local.into_inner(),
                    self.dialect.namespace
                ),
            )),
            ResolveResult::Unknown(prefix) => Err(self.err_at(
                el.pos,
                format!("element <{name}> uses the undeclared prefix {prefix:?}"),
            )),
        }
    }

    pub(super) fn resolve_ref(&self, span: Span) -> Res<char> {
        let r = BytesRef::new(self.slice(span));
        match r.resolve_char_ref() {
            Ok(Some(c)) if is_xml_illegal(c) => Err(self.err(format!(
                "the character reference &{}; stands for U+{:04X}, which XML 1.0 does not allow",
                &*r, c as u32
            ))),
            Ok(Some(c)) => Ok(c),
            Ok(None) => match &*r {
                "lt" => Ok('<'),
                "gt" => Ok('>'),
                "amp" => Ok('&'),
                "apos" => Ok('\''),
                "quot" => Ok('"'),
                other => Err(self.err(format!(
                    "unknown entity &{other};: only &lt; &gt; &amp; &apos; &quot; and character references are allowed"
                ))),
            },
            Err(e) => Err(self.xml_err(e)),
        }
    }

    pub(super) fn check_chars(&self, s: &str) -> Res<()> {
        match find_illegal(s) {
            None => Ok(()),
            Some((c, _)) => Err(self.err(format!(
                "the character U+{:04X} is not allowed in XML 1.0",
                c as u32
            ))),
        }
    }

    /// The next child element of the current element, or `None` at its end
    /// tag. Whitespace, comments and processing instructions are skipped.
    pub(super) fn child(&mut self) -> Res<Option<El>> {
        loop {
            match self.next()? {
                Ev::Start {
                    tag,
                    name_len,
                    empty,
                } => {
                    let el = self.el(tag, name_len, empty);
                    self.check_ns(&el)?;
                    return Ok(Some(el));
                }
                Ev::End => return Ok(None),
                Ev::Text { span, .. } if !is_ws(self.slice(span)) => {
                    return Err(self.unexpected_text(self.slice(span)))
                }
                Ev::Ref(_) => return Err(self.unexpected_text("&…;")),
                _ => {}
            }
        }
    }

    pub(super) fn unexpected_text(&self, t: &str) -> ImportError {
        let t = trim_ws(t);
        let short: String = t.chars().take(40).collect();
        let more = if short.len() < t.len() { "…" } else { "" };
        self.err(format!(
            "unexpected text {:?}: this element holds elements only",
            format!("{short}{more}")
        ))
    }

    /// Reads the attributes of `el`: `names` lists the ones it may have
    /// (`"xml:lang"` for `xml:lang`). Namespace declarations and attributes
    /// of other namespaces are ignored.
    pub(super) fn attrs<const N: usize>(
        &self,
        el: &El,
        names: [&'static str; N],
    ) -> Res<[Option<Cow<'_, str>>; N]> {
        let mut out: [Option<Cow<'_, str>>; N] = std::array::from_fn(|_| None);
        for attr in Attributes::new(self.slice(el.tag), el.name_len) {
            let attr = attr.map_err(|e| self.xml_err(quick_xml::Error::InvalidAttr(e)))?;
            let key = attr.key.into_inner();
            if key == "xmlns" || key.starts_with("xmlns:") {
                continue;
            }
            let (ns, local) = self.input.resolver().resolve_attribute(attr.key);
            let local = local.into_inner();
            let slot = match ns {
                ResolveResult::Unbound => names.iter().position(|n| *n == local),
                ResolveResult::Bound(ns) if ns.into_inner() == XML_NS => {
                    if local != "lang" {
                        continue; // xml:space, xml:base, xml:id
                    }
                    match names.iter().position(|n| *n == "xml:lang") {
                        Some(i) => Some(i),
                        None => {
                            return Err(self.err_at(
                                el.pos,
                                format!(
                                    "xml:lang is not allowed on <{}>; give translations as <narrative xml:lang=\"…\">",
                                    self.local(el)
                                ),
                            ))
                        }
                    }
                }
                ResolveResult::Bound(_) => continue,
                ResolveResult::Unknown(prefix) => {
                    return Err(self.err_at(
                        el.pos,
                        format!("attribute {key} uses the undeclared prefix {prefix:?}"),
                    ))
                }
            };
            let Some(i) = slot else {
                let allowed = names
                    .iter()
                    .map(|n| n.to_string())
                    .collect::<Vec<_>>()
                    .join(", ");
                return Err(self.err_at(
                    el.pos,
                    if allowed.is_empty() {
                        format!(
                            "unknown attribute {key:?} on <{}>, which has none",
                            self.local(el)
                        )
                    } else {
                        format!(
                            "unknown attribute {key:?} on <{}>; allowed: {allowed}",
                            self.local(el)
                        )
                    },
                ));
            };
            let value = attr
                .normalized_value_with(XmlVersion::Explicit1_0, 1, |_| None)
                .map_err(|e| self.err_at(el.pos, format!("attribute {key}: {e}")))?;
            if let Some((c, _)) = find_illegal(&value) {
                return Err(self.err_at(
                    el.pos,
                    format!(
                        "attribute {key}: the character U+{:04X} is not allowed in XML 1.0",
                        c as u32
                    ),
                ));
            }
            out[i] = Some(value);
        }
        Ok(out)
    }

    pub(super) fn no_attrs(&self, el: &El) -> Res<()> {
        let raw = self.slice(el.tag).get(el.name_len..).unwrap_or("");
        if raw.trim().is_empty() {
            return Ok(());
        }
        self.attrs(el, []).map(|_| ())
    }

    pub(super) fn required<'e>(
        &self,
        el: &El,
        name: &str,
        v: Option<Cow<'e, str>>,
    ) -> Res<Cow<'e, str>> {
        v.ok_or_else(|| {
            self.err_at(
                el.pos,
                format!("<{}> needs the attribute {name}", self.local(el)),
            )
        })
    }

    /// The character content of a text-only element (after its start tag),
    /// valid until the next event is read.
    pub(super) fn content(&mut self, el: &El) -> Res<Val> {
        if el.empty {
            return Ok(self.finish(Acc::Empty));
        }
        // Keep the text of the events until the end tag: a value of one
        // piece is then read where it lies.
        self.input.hold(true);
        let v = self.content_held(el);
        self.input.hold(false);
        v
    }

    fn content_held(&mut self, el: &El) -> Res<Val> {
        let mut acc = Acc::Empty;
        loop {
            match self.next()? {
                Ev::Text { span, .. } => self.push_text(&mut acc, span)?,
                Ev::Ref(span) => {
                    let c = self.resolve_ref(span)?;
                    self.push_char(&mut acc, c);
                }
                Ev::Start { tag, name_len, .. } => {
                    let child = self.el(tag, name_len, false);
                    return Err(self.err(format!(
                        "element <{}> is not allowed here: <{}> holds text only",
                        self.qname(&child),
                        self.local(el)
                    )));
                }
                Ev::End => return Ok(self.finish(acc)),
                _ => {}
            }
        }
    }

    /// The text of a text event with line ends normalised, checked for
    /// characters XML 1.0 does not allow.
    fn piece(&self, span: Span) -> Res<Cow<'_, str>> {
        let s = BytesText::from_escaped(self.slice(span)).xml10_content();
        self.check_chars(&s)?;
        Ok(s)
    }

    /// Adds the text event at `span` to `acc`.
    fn push_text(&mut self, acc: &mut Acc, span: Span) -> Res<()> {
        match (self.piece(span)?, *acc) {
            (s, _) if s.is_empty() => return Ok(()),
            (Cow::Borrowed(_), Acc::Empty) => {
                *acc = Acc::One(span);
                return Ok(());
            }
            // Line ends normalised, or a second piece: joined.
            _ => {}
        }
        self.join_in_scratch(acc);
        let raw = self.input.text().get(span.start..span.end).unwrap_or("");
        self.scratch
            .push_str(&BytesText::from_escaped(raw).xml10_content());
        Ok(())
    }

    /// Adds a character (of a reference) to `acc`.
    fn push_char(&mut self, acc: &mut Acc, c: char) {
        self.join_in_scratch(acc);
        self.scratch.push(c);
    }

    /// Moves what `acc` holds into the scratch string, to add to it.
    fn join_in_scratch(&mut self, acc: &mut Acc) {
        match *acc {
            Acc::Empty => self.scratch.clear(),
            Acc::One(span) => {
                self.scratch.clear();
                let first = self.input.text().get(span.start..span.end).unwrap_or("");
                self.scratch.push_str(first);
            }
            Acc::Many => {}
        }
        *acc = Acc::Many;
    }

    fn finish(&self, acc: Acc) -> Val {
        match acc {
            Acc::Empty => Val {
                span: Span::default(),
                scratch: false,
            },
            Acc::One(span) => Val {
                span,
                scratch: false,
            },
            Acc::Many => Val {
                span: Span {
                    start: 0,
                    end: self.scratch.len(),
                },
                scratch: true,
            },
        }
    }

    /// Skips the content of an element that must be empty (whitespace and
    /// comments are fine).
    pub(super) fn empty_content(&mut self, el: &El) -> Res<()> {
        if el.empty {
            return Ok(());
        }
        if let Some(child) = self.child()? {
            return Err(self.err_at(
                child.pos,
                format!(
                    "element <{}> is not allowed here: <{}> has attributes only",
                    self.name(&child),
                    self.local(el)
                ),
            ));
        }
        Ok(())
    }

    // ----- values ---------------------------------------------------------------

    /// Multilingual text: `<narrative>`s (see [`super::text`]), or in the
    /// form of namespace 1.0 the main text, then `<translation xml:lang>`s.
    pub(super) fn text(&mut self, el: El) -> Res<Text> {
        if !self.dialect.mixed_text {
            return self.narratives(el);
        }
        self.no_attrs(&el)?;
        if el.empty {
            return Ok(Text::default());
        }
        let mut main = String::new();
        let mut translations = BTreeMap::new();
        loop {
            let ev = self.next()?;
            let after = !translations.is_empty();
            match ev {
                Ev::Text { span, .. } => {
                    if after {
                        if !is_ws(self.slice(span)) {
                            return Err(self.text_after_translation());
                        }
                    } else {
                        main.push_str(&self.piece(span)?);
                    }
                }
                Ev::Ref(span) => {
                    if after {
                        return Err(self.text_after_translation());
                    }
                    main.push(self.resolve_ref(span)?);
                }
                Ev::Start {
                    tag,
                    name_len,
                    empty,
                } => {
                    let child = self.el(tag, name_len, empty);
                    self.translation(child, &mut translations)?;
                }
                Ev::End => break,
                _ => {}
            }
        }
        Ok(Text {
            text: main,
            translations,
        })
    }

    pub(super) fn translation(
        &mut self,
        child: El,
        translations: &mut BTreeMap<String, String>,
    ) -> Res<()> {
        self.check_ns(&child)?;
        if self.name(&child) != "translation" {
            return Err(self.err_at(
                child.pos,
                format!(
                    "element <{}> is not allowed in text; only <translation xml:lang=\"…\"> may follow the main text",
                    self.name(&child)
                ),
            ));
        }
        let child = child.named("translation");
        self.path.push(("translation", 0));
        let [lang] = self.attrs(&child, ["xml:lang"])?;
        let lang = trim_ws(&self.required(&child, "xml:lang", lang)?).to_owned();
        let value = self.content(&child)?;
        let value = self.val(value).to_owned();
        if translations.contains_key(&lang) {
            return Err(self.err_at(child.pos, format!("a second translation into {lang:?}")));
        }
        self.path.pop();
        translations.insert(lang, value);
        Ok(())
    }

    pub(super) fn text_after_translation(&self) -> ImportError {
        self.err("text after a <translation>: the main text comes first, then the translations")
    }

    pub(super) fn opt_text(&mut self, el: El) -> Res<Option<Text>> {
        self.text(el).map(Some)
    }

    /// A plain string.
    pub(super) fn string(&mut self, el: El) -> Res<String> {
        self.no_attrs(&el)?;
        let v = self.content(&el)?;
        Ok(self.val(v).to_owned())
    }

    /// A value with whitespace collapsed at both ends (ids, numbers, codes).
    pub(super) fn token(&mut self, el: &El) -> Res<Val> {
        let v = self.content(el)?;
        let s = self.val(v);
        let t = trim_ws(s);
        let start = v.span.start + (t.as_ptr() as usize - s.as_ptr() as usize);
        Ok(Val {
            span: Span {
                start,
                end: start + t.len(),
            },
            ..v
        })
    }

    pub(super) fn id(&mut self, el: El) -> Res<Id> {
        self.no_attrs(&el)?;
        let v = self.token(&el)?;
        Ok(Id::new(self.val(v)))
    }

    pub(super) fn parse<T: std::str::FromStr>(&mut self, el: El, what: &str) -> Res<T> {
        self.no_attrs(&el)?;
        let v = self.token(&el)?;
        let s = self.val(v);
        parse_int(s).ok_or_else(|| self.err_at(el.pos, format!("{s:?} is not {what}")))
    }

    pub(super) fn year(&mut self, el: El) -> Res<i32> {
        self.parse(el, "a year")
    }

    pub(super) fn date(&mut self, el: El) -> Res<Date> {
        self.no_attrs(&el)?;
        let v = self.token(&el)?;
        self.val(v)
            .parse::<Date>()
            .map_err(|e| self.err_at(el.pos, e.to_string()))
    }

    pub(super) fn number(&mut self, el: El) -> Res<f64> {
        self.no_attrs(&el)?;
        let v = self.token(&el)?;
        let s = self.val(v);
        parse_number(s).ok_or_else(|| {
            self.err_at(
                el.pos,
                format!("{s:?} is not a finite number such as 42, 61.5 or 1.5E6"),
            )
        })
    }

    pub(super) fn euro(&mut self, el: El) -> Res<Euro> {
        self.no_attrs(&el)?;
        let v = self.token(&el)?;
        let s = self.val(v);
        parse_euro(s).map_err(|reason| self.err_at(el.pos, format!("{s:?} {reason}")))
    }

    pub(super) fn flag(&mut self, el: El) -> Res<bool> {
        self.no_attrs(&el)?;
        let v = self.token(&el)?;
        match self.val(v) {
            "true" | "1" => Ok(true),
            "false" | "0" => Ok(false),
            s => Err(self.err_at(el.pos, format!("{s:?} is not a boolean (true or false)"))),
        }
    }

    /// A coded value: `<kind listURI="…" listVersionID="…">code</kind>`.
    pub(super) fn code<C: CodeList>(&mut self, el: El) -> Res<C> {
        let version = {
            let [uri, version] = self.attrs(&el, ["listURI", "listVersionID"])?;
            if let Some(uri) = &uri {
                if trim_ws(uri) != C::LIST_ID {
                    return Err(self.err_at(
                        el.pos,
                        format!(
                            "listURI {:?} is not the code list of <{}>, which is {}",
                            &**uri,
                            self.local(&el),
                            C::LIST_ID
                        ),
                    ));
                }
            }
            version.map(|v| trim_ws(&v).to_owned())
        };
        let v = self.token(&el)?;
        let s = self.val(v);
        C::from_code(s).ok_or_else(|| {
            let codes = C::ALL
                .iter()
                .map(|c| c.code())
                .collect::<Vec<_>>()
                .join(", ");
            let version_note = match &version {
                Some(v) if v != C::LIST_VERSION => format!(
                    " (the document uses version {v:?} of the list; this library knows version {:?})",
                    C::LIST_VERSION
                ),
                _ => String::new(),
            };
            self.err_at(
                el.pos,
                format!(
                    "unknown code {s:?} in code list {}{version_note}: expected one of {codes}",
                    C::LIST_ID
                ),
            )
        })
    }

    // ----- structure --------------------------------------------------------------

    /// Reads the child elements of `el` in the order `ty` gives, calling `f`
    /// for each; reports unknown, misplaced, repeated and missing elements.
    pub(super) fn fields(
        &mut self,
        el: &El,
        ty: &'static Complex,
        mut f: impl FnMut(&mut Self, &'static Field, El) -> Res<()>,
    ) -> Res<()> {
        let mut next = 0usize;
        let mut seen = 0u64;
        if !el.empty {
            while let Some(child) = self.child()? {
                let found = ty.find(self.name(&child), next);
                let Some(i) = found else {
                    return Err(self.unknown_element(&child, ty, next));
                };
                if i < next {
                    let message = if seen & (1 << i) != 0 && i + 1 == next {
                        format!("<{}> appears more than once", ty.fields[i].name)
                    } else if seen & (1 << i) != 0 {
                        format!(
                            "a second <{}>, after <{}>",
                            ty.fields[i].name,
                            ty.fields[next - 1].name
                        )
                    } else {
                        format!(
                            "<{}> is out of order: it must come before <{}>",
                            ty.fields[i].name,
                            ty.fields[next - 1].name
                        )
                    };
                    return Err(self.err_at(child.pos, message));
                }
                next = i + 1;
                seen |= 1 << i;
                let field = &ty.fields[i];
                self.path.push((field.name, 0));
                f(self, field, child.named(field.name))?;
                self.path.pop();
            }
        }
        if let Some(missing) = ty
            .fields
            .iter()
            .enumerate()
            .find(|(i, f)| f.occurs == Occurs::One && seen & (1 << i) == 0)
        {
            return Err(self.err_at(el.pos, format!("missing <{}>", missing.1.name)));
        }
        Ok(())
    }

    pub(super) fn unknown_element(
        &self,
        child: &El,
        ty: &'static Complex,
        next: usize,
    ) -> ImportError {
        let expected: Vec<String> = ty.fields[next..]
            .iter()
            .map(|f| format!("<{}>", f.name))
            .collect();
        let parent = self.path.last().map_or("", |p| p.0);
        let message = if expected.is_empty() {
            format!(
                "unexpected element <{}>: nothing more may follow in <{parent}>",
                self.name(child)
            )
        } else {
            format!(
                "unexpected element <{}>: expected {} or the end of <{parent}>",
                self.name(child),
                expected.join(", ")
            )
        };
        self.err_at(child.pos, message)
    }

    /// Reads a list wrapper: items named `item`, each passed to `f`.
    pub(super) fn list(
        &mut self,
        el: El,
        item: &'static str,
        mut f: impl FnMut(&mut Self, El) -> Res<()>,
    ) -> Res<()> {
        self.no_attrs(&el)?;
        if el.empty {
            return Ok(());
        }
        let mut n = 0;
        while let Some(child) = self.child()? {
            if self.name(&child) != item {
                let parent = self.path.last().map_or("", |p| p.0);
                return Err(self.err_at(
                    child.pos,
                    format!(
                        "unexpected element <{}>: <{parent}> holds <{item}> elements only",
                        self.name(&child)
                    ),
                ));
            }
            n += 1;
            self.path.push((item, n));
            f(self, child.named(item))?;
            self.path.pop();
        }
        Ok(())
    }

    pub(super) fn ids(&mut self, el: El, item: &'static str) -> Res<Vec<Id>> {
        let mut out = Vec::new();
        self.list(el, item, |p, e| {
            out.push(p.id(e)?);
            Ok(())
        })?;
        Ok(out)
    }

    pub(super) fn texts(&mut self, el: El, item: &'static str) -> Res<Vec<Text>> {
        let mut out = Vec::new();
        self.list(el, item, |p, e| {
            out.push(p.text(e)?);
            Ok(())
        })?;
        Ok(out)
    }

    pub(super) fn item_id(&self, el: &El) -> Res<Id> {
        let [id] = self.attrs(el, ["id"])?;
        let id = self.required(el, "id", id)?;
        Ok(Id::new(trim_ws(&id)))
    }

    // ----- periods ------------------------------------------------------------------

    /// Reads the one element inside `el` that names a kind (of period or
    /// horizon); `f` gets it and its kind's index in `kinds`.
    pub(super) fn one_kind<T>(
        &mut self,
        el: &El,
        what: &str,
        kinds: &'static [&'static str],
        f: impl FnOnce(&mut Self, El, usize) -> Res<T>,
    ) -> Res<T> {
        let expected = || kinds.join(", ");
        let child = if el.empty { None } else { self.child()? };
        let Some(child) = child else {
            return Err(self.err_at(
                el.pos,
                format!(
                    "<{}> is empty: expected a {what} kind ({})",
                    self.local(el),
                    expected()
                ),
            ));
        };
        let Some(k) = kinds.iter().position(|k| *k == self.name(&child)) else {
            return Err(self.err_at(
                child.pos,
                format!(
                    "unknown {what} kind {:?}: expected one of {}",
                    self.name(&child),
                    expected()
                ),
            ));
        };
        self.path.push((kinds[k], 0));
        let v = f(self, child.named(kinds[k]), k)?;
        self.path.pop();
        if let Some(extra) = self.child()? {
            return Err(self.err_at(
                extra.pos,
                format!(
                    "a second {what} kind <{}>: <{}> holds exactly one",
                    self.name(&extra),
                    self.local(el)
                ),
            ));
        }
        Ok(v)
    }

    // ----- the document -----------------------------------------------------------

    pub(super) fn document(&mut self) -> Res<Concept> {
        let mut first = true;
        let root = loop {
            let ev = self.read()?;
            match self.well_formed(ev)? {
                Ev::Decl(span) if first => {
                    let d = BytesDecl::from_start(BytesStart::from_content(self.slice(span), 3));
                    let version = d.version().map_err(|e| self.xml_err(e))?;
                    if &*version != "1.0" {
                        return Err(self.err(format!(
                            "XML version {:?} is not supported; write version=\"1.0\"",
                            &*version
                        )));
                    }
                    if let Some(enc) = d.encoding() {
                        let enc = enc.map_err(|e| self.xml_err(quick_xml::Error::InvalidAttr(e)))?;
                        if !enc.eq_ignore_ascii_case("utf-8") && !enc.eq_ignore_ascii_case("utf8") {
                            return Err(self.err(format!(
                                "encoding {:?} is not supported; concept documents are UTF-8",
                                &*enc
                            )));
                        }
                    }
                }
                Ev::Start {
                    tag,
                    name_len,
                    empty,
                } => break self.el(tag, name_len, empty),
                Ev::Text { span, cdata: false } if is_ws(self.slice(span)) => {}
                Ev::Comment(_) | Ev::PI(_) => {}
                Ev::DocType => {
                    return Err(self.err(
                        "DOCTYPE declarations are not allowed: concept documents use no DTD and no entities",
                    ))
                }
                Ev::Eof => return Err(self.err("the document is empty: expected <concept>")),
                Ev::Decl(_) => {
                    return Err(self.err(
                        "an XML declaration is only allowed at the very start of the document",
                    ))
                }
                _ => return Err(self.err("unexpected text before the root element <concept>")),
            }
            first = false;
        };
        let concept = self.root(root)?;
        // Only comments, processing instructions and whitespace may follow.
        loop {
            let ev = self.read()?;
            match self.well_formed(ev)? {
                Ev::Eof => break,
                Ev::Text { span, cdata: false } if is_ws(self.slice(span)) => {}
                Ev::Comment(_) | Ev::PI(_) => {}
                _ => return Err(self.err("unexpected content after the root element")),
            }
        }
        Ok(concept)
    }
}
