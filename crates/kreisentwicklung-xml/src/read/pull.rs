//! The generic layer of the reader: events, well-formedness, namespaces,
//! attributes, text, scalar values and the schema-driven element lists.

use std::borrow::Cow;
use std::collections::BTreeMap;

use kreisentwicklung_core::validate::is_xml_illegal;
use kreisentwicklung_core::{CodeList, Concept, Date, Euro, Id, Text, MAX_EUROS};
use quick_xml::events::{BytesRef, BytesStart, Event as XmlEvent};
use quick_xml::name::ResolveResult;
use quick_xml::{NsReader, XmlVersion};

use super::text::Dialect;
use super::wf;
use crate::error::{ImportError, Location};
use crate::schema::{Complex, Field, Occurs};

/// The namespace of `xml:lang`.
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

pub(super) type Res<T> = Result<T, ImportError>;

/// The line and column of a byte offset.
pub(crate) fn line_column(src: &str, offset: usize) -> (usize, usize) {
    let bytes = &src.as_bytes()[..offset.min(src.len())];
    let line_start = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = 1 + bytes.iter().filter(|&&b| b == b'\n').count();
    // Count characters: every byte that does not continue a UTF-8 sequence.
    let column = 1 + bytes[line_start..]
        .iter()
        .filter(|&&b| (b & 0xC0) != 0x80)
        .count();
    (line, column)
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

/// Text gathered from several events, borrowed while it is one piece.
pub(super) enum Acc<'a> {
    Empty,
    One(Cow<'a, str>),
    Many(String),
}

impl<'a> Acc<'a> {
    pub(super) fn push(&mut self, s: Cow<'a, str>) {
        if s.is_empty() {
            return;
        }
        *self = match std::mem::replace(self, Acc::Empty) {
            Acc::Empty => Acc::One(s),
            Acc::One(first) => {
                let mut all = String::with_capacity(first.len() + s.len() + 16);
                all.push_str(&first);
                all.push_str(&s);
                Acc::Many(all)
            }
            Acc::Many(mut all) => {
                all.push_str(&s);
                Acc::Many(all)
            }
        }
    }

    pub(super) fn push_char(&mut self, c: char) {
        match self {
            Acc::Many(all) => all.push(c),
            _ => {
                let mut all = String::with_capacity(64);
                if let Acc::One(first) = self {
                    all.push_str(first);
                }
                all.push(c);
                *self = Acc::Many(all);
            }
        }
    }

    pub(super) fn finish(self) -> Cow<'a, str> {
        match self {
            Acc::Empty => Cow::Borrowed(""),
            Acc::One(s) => s,
            Acc::Many(s) => Cow::Owned(s),
        }
    }
}

/// An element whose start tag has been read.
pub(super) struct El<'a> {
    pub(super) start: BytesStart<'a>,
    pub(super) empty: bool,
    /// Byte offset of its `<`.
    pub(super) pos: usize,
    /// Its local name, borrowed from the input.
    pub(super) local: &'a str,
}

impl<'a> El<'a> {
    pub(super) fn local(&self) -> &'a str {
        self.local
    }
}

pub(super) struct Parser<'a> {
    pub(super) r: NsReader<&'a [u8]>,
    pub(super) src: &'a str,
    /// Byte offset where the last event read starts.
    pub(super) pos: usize,
    /// The open elements: name and, for list items, position from 1.
    pub(super) path: Vec<(&'static str, usize)>,
    /// The form of the document (namespace, form of texts).
    pub(super) dialect: Dialect,
}

impl<'a> Parser<'a> {
    /// A parser at the start of `src` (without byte order mark), with every
    /// check of `quick-xml` on.
    pub(super) fn new(src: &'a str) -> Self {
        let mut reader = NsReader::from_str(src);
        reader.config_mut().enable_all_checks(true);
        Parser {
            r: reader,
            src,
            pos: 0,
            path: Vec::with_capacity(16),
            dialect: Dialect::default(),
        }
    }

    /// An element; its local name is located in the input once.
    pub(super) fn el(&self, start: BytesStart<'a>, empty: bool, pos: usize) -> El<'a> {
        let local = {
            let name = start.local_name().into_inner();
            let base = self.src.as_ptr() as usize;
            let at = (name.as_ptr() as usize).wrapping_sub(base);
            self.src.get(at..at + name.len()).unwrap_or("")
        };
        El {
            start,
            empty,
            pos,
            local,
        }
    }

    // ----- errors ---------------------------------------------------------------

    pub(super) fn location(&self, offset: usize) -> Location {
        let (line, column) = line_column(self.src, offset);
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
        let at = match self.r.error_position() as usize {
            0 => self.pos,
            p => p,
        };
        ImportError::Xml {
            location: self.location(at),
            source: e,
        }
    }

    // ----- events ---------------------------------------------------------------

    pub(super) fn next(&mut self) -> Res<XmlEvent<'a>> {
        self.pos = self.r.buffer_position() as usize;
        match self.r.read_event() {
            Ok(XmlEvent::DocType(_)) => Err(self.err(
                "DOCTYPE declarations are not allowed: concept documents use no DTD and no entities",
            )),
            Ok(XmlEvent::Decl(_)) => Err(self.err(
                "an XML declaration is only allowed at the very start of the document",
            )),
            Ok(XmlEvent::Eof) => Err(self.err("unexpected end of the document")),
            Ok(ev) => self.well_formed(ev),
            Err(e) => Err(self.xml_err(e)),
        }
    }

    /// The event, if it keeps the rules of XML 1.0 that `quick-xml` does not
    /// check (see [`wf`]); the error names the line and column of the
    /// offending character.
    pub(super) fn well_formed(&self, ev: XmlEvent<'a>) -> Res<XmlEvent<'a>> {
        let found = match &ev {
            XmlEvent::Start(t) | XmlEvent::Empty(t) => {
                wf::tag(&t[..], |_, _, _| Ok(())).map_err(|(at, m)| (1 + at, m))
            }
            XmlEvent::Comment(t) => wf::comment(&t[..]).map_err(|(at, m)| (4 + at, m)),
            XmlEvent::PI(t) => wf::pi(&t[..]).map_err(|(at, m)| (2 + at, m)),
            XmlEvent::Decl(t) => wf::decl(&t[..]).map_err(|(at, m)| (2 + at, m)),
            XmlEvent::Text(t) => wf::text(&t[..]),
            _ => Ok(()),
        };
        match found {
            Ok(()) => Ok(ev),
            Err((at, message)) => Err(self.err_at(self.pos + at, message)),
        }
    }

    /// Checks that an element is in the concept namespace.
    pub(super) fn check_ns(&self, start: &BytesStart<'_>, pos: usize) -> Res<()> {
        let (ns, local) = self.r.resolver().resolve_element(start.name());
        match ns {
            ResolveResult::Bound(ns) if ns.into_inner() == self.dialect.namespace => Ok(()),
            ResolveResult::Bound(ns) => Err(self.err_at(
                pos,
                format!(
                    "element <{}> is in namespace {:?}; expected {:?}",
                    start.name().into_inner(),
                    ns.into_inner(),
                    self.dialect.namespace
                ),
            )),
            ResolveResult::Unbound => Err(self.err_at(
                pos,
                format!(
                    "element <{}> is in no namespace; expected {:?}",
                    local.into_inner(),
                    self.dialect.namespace
                ),
            )),
            ResolveResult::Unknown(prefix) => Err(self.err_at(
                pos,
                format!(
                    "element <{}> uses the undeclared prefix {prefix:?}",
                    start.name().into_inner()
                ),
            )),
        }
    }

    pub(super) fn resolve_ref(&self, r: &BytesRef<'_>) -> Res<char> {
        match r.resolve_char_ref() {
            Ok(Some(c)) if is_xml_illegal(c) => Err(self.err(format!(
                "the character reference &{}; stands for U+{:04X}, which XML 1.0 does not allow",
                &**r, c as u32
            ))),
            Ok(Some(c)) => Ok(c),
            Ok(None) => match &**r {
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
    pub(super) fn child(&mut self) -> Res<Option<El<'a>>> {
        loop {
            match self.next()? {
                XmlEvent::Start(start) => {
                    self.check_ns(&start, self.pos)?;
                    return Ok(Some(self.el(start, false, self.pos)));
                }
                XmlEvent::Empty(start) => {
                    self.check_ns(&start, self.pos)?;
                    return Ok(Some(self.el(start, true, self.pos)));
                }
                XmlEvent::End(_) => return Ok(None),
                XmlEvent::Text(t) if !is_ws(&t) => return Err(self.unexpected_text(&t)),
                XmlEvent::CData(t) if !is_ws(&t) => return Err(self.unexpected_text(&t)),
                XmlEvent::GeneralRef(_) => return Err(self.unexpected_text("&…;")),
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
    pub(super) fn attrs<'e, const N: usize>(
        &self,
        el: &'e El<'a>,
        names: [&'static str; N],
    ) -> Res<[Option<Cow<'e, str>>; N]> {
        let mut out: [Option<Cow<'e, str>>; N] = std::array::from_fn(|_| None);
        for attr in el.start.attributes() {
            let attr = attr.map_err(|e| self.xml_err(quick_xml::Error::InvalidAttr(e)))?;
            let key = attr.key.into_inner();
            if key == "xmlns" || key.starts_with("xmlns:") {
                continue;
            }
            let (ns, local) = self.r.resolver().resolve_attribute(attr.key);
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
                                    el.local()
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
                            el.local()
                        )
                    } else {
                        format!(
                            "unknown attribute {key:?} on <{}>; allowed: {allowed}",
                            el.local()
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

    pub(super) fn no_attrs(&self, el: &El<'a>) -> Res<()> {
        if el.start.attributes_raw().trim().is_empty() {
            return Ok(());
        }
        self.attrs(el, []).map(|_| ())
    }

    pub(super) fn required<'e>(
        &self,
        el: &El<'a>,
        name: &str,
        v: Option<Cow<'e, str>>,
    ) -> Res<Cow<'e, str>> {
        v.ok_or_else(|| {
            self.err_at(
                el.pos,
                format!("<{}> needs the attribute {name}", el.local()),
            )
        })
    }

    /// The character content of a text-only element (after its start tag).
    pub(super) fn content(&mut self, el: &El<'a>) -> Res<Cow<'a, str>> {
        if el.empty {
            return Ok(Cow::Borrowed(""));
        }
        let mut acc = Acc::Empty;
        loop {
            match self.next()? {
                XmlEvent::Text(t) => {
                    let s = t.xml10_content();
                    self.check_chars(&s)?;
                    acc.push(s);
                }
                XmlEvent::CData(t) => {
                    let s = t.xml10_content();
                    self.check_chars(&s)?;
                    acc.push(s);
                }
                XmlEvent::GeneralRef(r) => acc.push_char(self.resolve_ref(&r)?),
                XmlEvent::Start(s) | XmlEvent::Empty(s) => {
                    return Err(self.err(format!(
                        "element <{}> is not allowed here: <{}> holds text only",
                        s.name().into_inner(),
                        el.local()
                    )))
                }
                XmlEvent::End(_) => return Ok(acc.finish()),
                _ => {}
            }
        }
    }

    /// Skips the content of an element that must be empty (whitespace and
    /// comments are fine).
    pub(super) fn empty_content(&mut self, el: &El<'a>) -> Res<()> {
        if el.empty {
            return Ok(());
        }
        if let Some(child) = self.child()? {
            return Err(self.err_at(
                child.pos,
                format!(
                    "element <{}> is not allowed here: <{}> has attributes only",
                    child.local(),
                    el.local()
                ),
            ));
        }
        Ok(())
    }

    // ----- values ---------------------------------------------------------------

    /// Multilingual text: `<narrative>`s (see [`super::text`]), or in the
    /// form of namespace 1.0 the main text, then `<translation xml:lang>`s.
    pub(super) fn text(&mut self, el: El<'a>) -> Res<Text> {
        if !self.dialect.mixed_text {
            return self.narratives(el);
        }
        self.no_attrs(&el)?;
        if el.empty {
            return Ok(Text::default());
        }
        let mut main = Acc::Empty;
        let mut translations = BTreeMap::new();
        loop {
            let ev = self.next()?;
            let after = !translations.is_empty();
            match ev {
                XmlEvent::Text(t) => {
                    let s = t.xml10_content();
                    if after {
                        if !is_ws(&s) {
                            return Err(self.text_after_translation());
                        }
                    } else {
                        self.check_chars(&s)?;
                        main.push(s);
                    }
                }
                XmlEvent::CData(t) => {
                    let s = t.xml10_content();
                    if after {
                        if !is_ws(&s) {
                            return Err(self.text_after_translation());
                        }
                    } else {
                        self.check_chars(&s)?;
                        main.push(s);
                    }
                }
                XmlEvent::GeneralRef(r) => {
                    if after {
                        return Err(self.text_after_translation());
                    }
                    main.push_char(self.resolve_ref(&r)?);
                }
                XmlEvent::Start(start) => {
                    let child = self.el(start, false, self.pos);
                    self.translation(child, &mut translations)?;
                }
                XmlEvent::Empty(start) => {
                    let child = self.el(start, true, self.pos);
                    self.translation(child, &mut translations)?;
                }
                XmlEvent::End(_) => break,
                _ => {}
            }
        }
        Ok(Text {
            text: main.finish().into_owned(),
            translations,
        })
    }

    pub(super) fn translation(
        &mut self,
        child: El<'a>,
        translations: &mut BTreeMap<String, String>,
    ) -> Res<()> {
        self.check_ns(&child.start, child.pos)?;
        if child.local() != "translation" {
            return Err(self.err_at(
                child.pos,
                format!(
                    "element <{}> is not allowed in text; only <translation xml:lang=\"…\"> may follow the main text",
                    child.local()
                ),
            ));
        }
        self.path.push(("translation", 0));
        let [lang] = self.attrs(&child, ["xml:lang"])?;
        let lang = trim_ws(&self.required(&child, "xml:lang", lang)?).to_owned();
        let value = self.content(&child)?.into_owned();
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

    pub(super) fn opt_text(&mut self, el: El<'a>) -> Res<Option<Text>> {
        self.text(el).map(Some)
    }

    /// A plain string.
    pub(super) fn string(&mut self, el: El<'a>) -> Res<String> {
        self.no_attrs(&el)?;
        Ok(self.content(&el)?.into_owned())
    }

    /// A value with whitespace collapsed at both ends (ids, numbers, codes).
    pub(super) fn token(&mut self, el: &El<'a>) -> Res<Cow<'a, str>> {
        Ok(match self.content(el)? {
            Cow::Borrowed(s) => Cow::Borrowed(trim_ws(s)),
            Cow::Owned(s) => Cow::Owned(trim_ws(&s).to_owned()),
        })
    }

    pub(super) fn id(&mut self, el: El<'a>) -> Res<Id> {
        self.no_attrs(&el)?;
        Ok(Id::new(self.token(&el)?))
    }

    pub(super) fn parse<T: std::str::FromStr>(&mut self, el: El<'a>, what: &str) -> Res<T> {
        self.no_attrs(&el)?;
        let s = self.token(&el)?;
        parse_int(&s).ok_or_else(|| self.err_at(el.pos, format!("{s:?} is not {what}")))
    }

    pub(super) fn year(&mut self, el: El<'a>) -> Res<i32> {
        self.parse(el, "a year")
    }

    pub(super) fn date(&mut self, el: El<'a>) -> Res<Date> {
        self.no_attrs(&el)?;
        let s = self.token(&el)?;
        s.parse::<Date>()
            .map_err(|e| self.err_at(el.pos, e.to_string()))
    }

    pub(super) fn number(&mut self, el: El<'a>) -> Res<f64> {
        self.no_attrs(&el)?;
        let s = self.token(&el)?;
        parse_number(&s).ok_or_else(|| {
            self.err_at(
                el.pos,
                format!("{s:?} is not a finite number such as 42, 61.5 or 1.5E6"),
            )
        })
    }

    pub(super) fn euro(&mut self, el: El<'a>) -> Res<Euro> {
        self.no_attrs(&el)?;
        let s = self.token(&el)?;
        parse_euro(&s).map_err(|reason| self.err_at(el.pos, format!("{s:?} {reason}")))
    }

    pub(super) fn flag(&mut self, el: El<'a>) -> Res<bool> {
        self.no_attrs(&el)?;
        let s = self.token(&el)?;
        match &*s {
            "true" | "1" => Ok(true),
            "false" | "0" => Ok(false),
            _ => Err(self.err_at(el.pos, format!("{s:?} is not a boolean (true or false)"))),
        }
    }

    /// A coded value: `<kind listURI="…" listVersionID="…">code</kind>`.
    pub(super) fn code<C: CodeList>(&mut self, el: El<'a>) -> Res<C> {
        let [uri, version] = self.attrs(&el, ["listURI", "listVersionID"])?;
        if let Some(uri) = &uri {
            if trim_ws(uri) != C::LIST_ID {
                return Err(self.err_at(
                    el.pos,
                    format!(
                        "listURI {:?} is not the code list of <{}>, which is {}",
                        &**uri,
                        el.local(),
                        C::LIST_ID
                    ),
                ));
            }
        }
        let version = version.map(|v| trim_ws(&v).to_owned());
        let s = self.token(&el)?;
        C::from_code(&s).ok_or_else(|| {
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
                    "unknown code {:?} in code list {}{version_note}: expected one of {codes}",
                    &*s,
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
        el: &El<'a>,
        ty: &'static Complex,
        mut f: impl FnMut(&mut Self, &'static Field, El<'a>) -> Res<()>,
    ) -> Res<()> {
        let mut next = 0usize;
        let mut seen = 0u64;
        if !el.empty {
            while let Some(child) = self.child()? {
                let found = ty.find(child.local(), next);
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
                f(self, field, child)?;
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
        child: &El<'a>,
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
                child.local()
            )
        } else {
            format!(
                "unexpected element <{}>: expected {} or the end of <{parent}>",
                child.local(),
                expected.join(", ")
            )
        };
        self.err_at(child.pos, message)
    }

    /// Reads a list wrapper: items named `item`, each passed to `f`.
    pub(super) fn list(
        &mut self,
        el: El<'a>,
        item: &'static str,
        mut f: impl FnMut(&mut Self, El<'a>) -> Res<()>,
    ) -> Res<()> {
        self.no_attrs(&el)?;
        if el.empty {
            return Ok(());
        }
        let mut n = 0;
        while let Some(child) = self.child()? {
            if child.local() != item {
                let parent = self.path.last().map_or("", |p| p.0);
                return Err(self.err_at(
                    child.pos,
                    format!(
                        "unexpected element <{}>: <{parent}> holds <{item}> elements only",
                        child.local()
                    ),
                ));
            }
            n += 1;
            self.path.push((item, n));
            f(self, child)?;
            self.path.pop();
        }
        Ok(())
    }

    pub(super) fn ids(&mut self, el: El<'a>, item: &'static str) -> Res<Vec<Id>> {
        let mut out = Vec::new();
        self.list(el, item, |p, e| {
            out.push(p.id(e)?);
            Ok(())
        })?;
        Ok(out)
    }

    pub(super) fn texts(&mut self, el: El<'a>, item: &'static str) -> Res<Vec<Text>> {
        let mut out = Vec::new();
        self.list(el, item, |p, e| {
            out.push(p.text(e)?);
            Ok(())
        })?;
        Ok(out)
    }

    pub(super) fn item_id(&self, el: &El<'a>) -> Res<Id> {
        let [id] = self.attrs(el, ["id"])?;
        let id = self.required(el, "id", id)?;
        Ok(Id::new(trim_ws(&id)))
    }

    // ----- periods ------------------------------------------------------------------

    /// Reads the one element inside `el` that names a kind (of period or
    /// horizon); `f` gets it and its kind's index in `kinds`.
    pub(super) fn one_kind<T>(
        &mut self,
        el: &El<'a>,
        what: &str,
        kinds: &'static [&'static str],
        f: impl FnOnce(&mut Self, El<'a>, usize) -> Res<T>,
    ) -> Res<T> {
        let expected = || kinds.join(", ");
        let child = if el.empty { None } else { self.child()? };
        let Some(child) = child else {
            return Err(self.err_at(
                el.pos,
                format!(
                    "<{}> is empty: expected a {what} kind ({})",
                    el.local(),
                    expected()
                ),
            ));
        };
        let Some(k) = kinds.iter().position(|k| *k == child.local()) else {
            return Err(self.err_at(
                child.pos,
                format!(
                    "unknown {what} kind {:?}: expected one of {}",
                    child.local(),
                    expected()
                ),
            ));
        };
        self.path.push((kinds[k], 0));
        let v = f(self, child, k)?;
        self.path.pop();
        if let Some(extra) = self.child()? {
            return Err(self.err_at(
                extra.pos,
                format!(
                    "a second {what} kind <{}>: <{}> holds exactly one",
                    extra.local(),
                    el.local()
                ),
            ));
        }
        Ok(v)
    }

    // ----- the document -----------------------------------------------------------

    pub(super) fn document(&mut self) -> Res<Concept> {
        let mut first = true;
        let root = loop {
            self.pos = self.r.buffer_position() as usize;
            let ev = match self.r.read_event() {
                Ok(ev) => self.well_formed(ev)?,
                Err(e) => return Err(self.xml_err(e)),
            };
            match ev {
                XmlEvent::Decl(d) if first => {
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
                XmlEvent::Start(start) => {
                    break self.el(start, false, self.pos)
                }
                XmlEvent::Empty(start) => {
                    break self.el(start, true, self.pos)
                }
                XmlEvent::Text(t) if is_ws(&t) => {}
                XmlEvent::Comment(_) | XmlEvent::PI(_) => {}
                XmlEvent::DocType(_) => {
                    return Err(self.err(
                        "DOCTYPE declarations are not allowed: concept documents use no DTD and no entities",
                    ))
                }
                XmlEvent::Eof => return Err(self.err("the document is empty: expected <concept>")),
                XmlEvent::Decl(_) => {
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
            self.pos = self.r.buffer_position() as usize;
            match self.r.read_event().map(|ev| self.well_formed(ev)) {
                Ok(Err(e)) => return Err(e),
                Ok(Ok(XmlEvent::Eof)) => break,
                Ok(Ok(XmlEvent::Text(t))) if is_ws(&t) => {}
                Ok(Ok(XmlEvent::Comment(_) | XmlEvent::PI(_))) => {}
                Ok(Ok(_)) => return Err(self.err("unexpected content after the root element")),
                Err(e) => return Err(self.xml_err(e)),
            }
        }
        Ok(concept)
    }
}

/// An integer as `xs:int` and friends write it: optional sign, digits.
pub(super) fn parse_int<T: std::str::FromStr>(s: &str) -> Option<T> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Rust's parsers accept a leading '+' as XML Schema does.
    s.parse().ok()
}

/// A finite `xs:double`: decimal or scientific notation, no INF or NaN.
pub(super) fn parse_number(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut digits = i - int_start;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let frac_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        digits += i - frac_start;
    }
    if digits == 0 {
        return None;
    }
    if i < b.len() && matches!(b[i], b'e' | b'E') {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// An amount as `xs:decimal` with at most two significant decimals.
pub(super) fn parse_euro(s: &str) -> Result<Euro, &'static str> {
    const BAD: &str = "is not an amount in euros such as 125000 or 125000.50";
    let (neg, rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (int, frac) = rest.split_once('.').unwrap_or((rest, ""));
    if (int.is_empty() && frac.is_empty())
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || (rest.contains('.') && int.is_empty() && frac.is_empty())
    {
        return Err(BAD);
    }
    let frac_bytes = frac.as_bytes();
    if frac_bytes.len() > 2 && frac_bytes[2..].iter().any(|&b| b != b'0') {
        return Err("has more than two decimals");
    }
    let int = int.trim_start_matches('0');
    if int.len() > 13 {
        return Err("exceeds the largest amount");
    }
    let euros: i64 = if int.is_empty() {
        0
    } else {
        int.parse().map_err(|_| BAD)?
    };
    let mut cents_part = 0i64;
    for (k, &b) in frac_bytes.iter().take(2).enumerate() {
        cents_part += i64::from(b - b'0') * if k == 0 { 10 } else { 1 };
    }
    if euros > MAX_EUROS || (euros == MAX_EUROS && cents_part > 0) {
        return Err("exceeds the largest amount");
    }
    let cents = euros * 100 + cents_part;
    Ok(Euro::from_cents(if neg { -cents } else { cents }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let s = "ab\ncä\nxyz";
        assert_eq!(line_column(s, 0), (1, 1));
        assert_eq!(line_column(s, 3), (2, 1));
        assert_eq!(line_column(s, 6), (2, 3)); // after "cä"
        assert_eq!(line_column(s, 7), (3, 1));
    }

    #[test]
    fn numbers() {
        for (s, v) in [
            ("42", 42.0),
            ("-0.5", -0.5),
            ("+1.5E6", 1.5e6),
            (".5", 0.5),
            ("5.", 5.0),
            ("1e-7", 1e-7),
        ] {
            assert_eq!(parse_number(s), Some(v), "{s}");
        }
        for s in [
            "", "INF", "NaN", "inf", "1e", "e5", ".", "1,5", "0x10", "1e999",
        ] {
            assert_eq!(parse_number(s), None, "{s}");
        }
    }

    #[test]
    fn amounts() {
        assert_eq!(parse_euro("125000.50"), Ok(Euro::from_cents(12_500_050)));
        assert_eq!(parse_euro("7"), Ok(Euro::from_euros(7)));
        assert_eq!(parse_euro("-0.05"), Ok(Euro::from_cents(-5)));
        assert_eq!(parse_euro("1.500"), Ok(Euro::from_cents(150)));
        assert_eq!(parse_euro(".5"), Ok(Euro::from_cents(50)));
        assert_eq!(parse_euro("1000000000000"), Ok(Euro::from_euros(MAX_EUROS)));
        assert!(parse_euro("1000000000000.01").is_err());
        assert!(parse_euro("1.005").is_err());
        assert!(parse_euro("").is_err());
        assert!(parse_euro(".").is_err());
        assert!(parse_euro("1e3").is_err());
        assert!(parse_euro("99999999999999999999").is_err());
    }

    #[test]
    fn integers() {
        assert_eq!(parse_int::<i32>("+2019"), Some(2019));
        assert_eq!(parse_int::<i32>("-5"), Some(-5));
        assert_eq!(parse_int::<u8>("300"), None);
        assert_eq!(parse_int::<u8>("1_0"), None);
        assert_eq!(parse_int::<u8>(""), None);
        assert_eq!(parse_int::<u8>("+"), None);
    }
}
