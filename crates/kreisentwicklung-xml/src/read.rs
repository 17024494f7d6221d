//! The importer: a pull parser over `quick-xml` events that checks the
//! element structure against the tables in [`crate::schema`].
//!
//! Text is borrowed from the input wherever it needs no unescaping, so most
//! values (ids, codes, numbers, dates) are read without allocating.

use std::borrow::Cow;
use std::collections::BTreeMap;

use kreisentwicklung_core::validate::is_xml_illegal;
use kreisentwicklung_core::{
    Actor, ActorKind, Adoption, Baseline, BudgetLine, BudgetLink, Challenge, CodeList, Collection,
    Commission, Concept, ConceptKind, ConceptStatus, Consultation, ConsultationRole, Costs,
    Coverage, CrossCuttingTheme, Date, Direction, Document, DocumentKind, DurationUnit, Edition,
    Euro, Event, EventKind, FieldOfAction, Funding, Goal, Horizon, Id, Indicator, Mandate, Measure,
    MeasureStatus, Membership, Milestone, Observation, Paper, Participant, ParticipantCount,
    Period, Predecessor, Reporting, ReportingKind, Resolution, ResolutionKind, StatusUpdate, Swot,
    Target, Territory, Text, TimeSpan, Vision, Votes, YearMonth, MAX_EUROS, SCHEMA_MAJOR,
};
use quick_xml::events::{BytesRef, BytesStart, Event as XmlEvent};
use quick_xml::name::ResolveResult;
use quick_xml::{NsReader, XmlVersion};

use crate::error::{ImportError, Location};
use crate::schema::{self, Complex, Field, Occurs};
use crate::{year_part_from_code, NAMESPACE, NAMESPACE_BASE};

/// The namespace of `xml:lang`.
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// The kinds of periods, as element names.
const PERIOD_KINDS: &[&str] = &[
    "day",
    "days",
    "dateRange",
    "month",
    "months",
    "monthRange",
    "quarter",
    "quarters",
    "halfYear",
    "year",
    "yearRange",
    "partOfYear",
    "turnOfYear",
    "since",
    "until",
];

/// The kinds of horizons, as element names.
const HORIZON_KINDS: &[&str] = &["year", "range", "openEnded"];

/// `<monthRange>` holds `<from>` and `<to>`.
static MONTH_RANGE: Complex = Complex {
    name: "monthRange",
    doc: "",
    id: false,
    fields: &[
        Field {
            name: "from",
            ty: schema::Ty::Year,
            occurs: Occurs::One,
        },
        Field {
            name: "to",
            ty: schema::Ty::Year,
            occurs: Occurs::One,
        },
    ],
};

type Res<T> = Result<T, ImportError>;

/// Reads a concept document and validates the concept.
pub(crate) fn read(src: &str) -> Res<Concept> {
    let src = src.strip_prefix('\u{FEFF}').unwrap_or(src);
    let mut reader = NsReader::from_str(src);
    reader.config_mut().enable_all_checks(true);
    let mut p = Parser {
        r: reader,
        src,
        pos: 0,
        path: Vec::with_capacity(16),
    };
    let concept = p.document()?;
    concept.validate().map_err(ImportError::Invalid)?;
    Ok(concept)
}

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
fn is_ws(s: &str) -> bool {
    s.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

fn trim_ws(s: &str) -> &str {
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
enum Acc<'a> {
    Empty,
    One(Cow<'a, str>),
    Many(String),
}

impl<'a> Acc<'a> {
    fn push(&mut self, s: Cow<'a, str>) {
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

    fn push_char(&mut self, c: char) {
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

    fn finish(self) -> Cow<'a, str> {
        match self {
            Acc::Empty => Cow::Borrowed(""),
            Acc::One(s) => s,
            Acc::Many(s) => Cow::Owned(s),
        }
    }
}

/// An element whose start tag has been read.
struct El<'a> {
    start: BytesStart<'a>,
    empty: bool,
    /// Byte offset of its `<`.
    pos: usize,
    /// Its local name, borrowed from the input.
    local: &'a str,
}

impl<'a> El<'a> {
    fn local(&self) -> &'a str {
        self.local
    }
}

struct Parser<'a> {
    r: NsReader<&'a [u8]>,
    src: &'a str,
    /// Byte offset where the last event read starts.
    pos: usize,
    /// The open elements: name and, for list items, position from 1.
    path: Vec<(&'static str, usize)>,
}

impl<'a> Parser<'a> {
    /// An element; its local name is located in the input once.
    fn el(&self, start: BytesStart<'a>, empty: bool, pos: usize) -> El<'a> {
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

    fn location(&self, offset: usize) -> Location {
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

    fn err_at(&self, offset: usize, message: impl Into<String>) -> ImportError {
        ImportError::Content {
            location: self.location(offset),
            message: message.into(),
        }
    }

    /// An error at the start of the last event read.
    fn err(&self, message: impl Into<String>) -> ImportError {
        self.err_at(self.pos, message)
    }

    fn xml_err(&self, e: quick_xml::Error) -> ImportError {
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

    fn next(&mut self) -> Res<XmlEvent<'a>> {
        self.pos = self.r.buffer_position() as usize;
        match self.r.read_event() {
            Ok(XmlEvent::DocType(_)) => Err(self.err(
                "DOCTYPE declarations are not allowed: concept documents use no DTD and no entities",
            )),
            Ok(XmlEvent::Decl(_)) => Err(self.err(
                "an XML declaration is only allowed at the very start of the document",
            )),
            Ok(XmlEvent::Eof) => Err(self.err("unexpected end of the document")),
            Ok(ev) => Ok(ev),
            Err(e) => Err(self.xml_err(e)),
        }
    }

    /// Checks that an element is in the concept namespace.
    fn check_ns(&self, start: &BytesStart<'_>, pos: usize) -> Res<()> {
        let (ns, local) = self.r.resolver().resolve_element(start.name());
        match ns {
            ResolveResult::Bound(ns) if ns.into_inner() == NAMESPACE => Ok(()),
            ResolveResult::Bound(ns) => Err(self.err_at(
                pos,
                format!(
                    "element <{}> is in namespace {:?}; expected {NAMESPACE:?}",
                    start.name().into_inner(),
                    ns.into_inner()
                ),
            )),
            ResolveResult::Unbound => Err(self.err_at(
                pos,
                format!(
                    "element <{}> is in no namespace; expected {NAMESPACE:?}",
                    local.into_inner()
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

    fn resolve_ref(&self, r: &BytesRef<'_>) -> Res<char> {
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

    fn check_chars(&self, s: &str) -> Res<()> {
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
    fn child(&mut self) -> Res<Option<El<'a>>> {
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

    fn unexpected_text(&self, t: &str) -> ImportError {
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
    fn attrs<'e, const N: usize>(
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
                                    "xml:lang is not allowed on <{}>; give translations as <translation xml:lang=\"…\">",
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

    fn no_attrs(&self, el: &El<'a>) -> Res<()> {
        if el.start.attributes_raw().trim().is_empty() {
            return Ok(());
        }
        self.attrs(el, []).map(|_| ())
    }

    fn required<'e>(&self, el: &El<'a>, name: &str, v: Option<Cow<'e, str>>) -> Res<Cow<'e, str>> {
        v.ok_or_else(|| {
            self.err_at(
                el.pos,
                format!("<{}> needs the attribute {name}", el.local()),
            )
        })
    }

    /// The character content of a text-only element (after its start tag).
    fn content(&mut self, el: &El<'a>) -> Res<Cow<'a, str>> {
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
    fn empty_content(&mut self, el: &El<'a>) -> Res<()> {
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

    /// Multilingual text: the main text, then `<translation xml:lang>`s.
    fn text(&mut self, el: El<'a>) -> Res<Text> {
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

    fn translation(
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

    fn text_after_translation(&self) -> ImportError {
        self.err("text after a <translation>: the main text comes first, then the translations")
    }

    fn opt_text(&mut self, el: El<'a>) -> Res<Option<Text>> {
        self.text(el).map(Some)
    }

    /// A plain string.
    fn string(&mut self, el: El<'a>) -> Res<String> {
        self.no_attrs(&el)?;
        Ok(self.content(&el)?.into_owned())
    }

    /// A value with whitespace collapsed at both ends (ids, numbers, codes).
    fn token(&mut self, el: &El<'a>) -> Res<Cow<'a, str>> {
        Ok(match self.content(el)? {
            Cow::Borrowed(s) => Cow::Borrowed(trim_ws(s)),
            Cow::Owned(s) => Cow::Owned(trim_ws(&s).to_owned()),
        })
    }

    fn id(&mut self, el: El<'a>) -> Res<Id> {
        self.no_attrs(&el)?;
        Ok(Id::new(self.token(&el)?))
    }

    fn parse<T: std::str::FromStr>(&mut self, el: El<'a>, what: &str) -> Res<T> {
        self.no_attrs(&el)?;
        let s = self.token(&el)?;
        parse_int(&s).ok_or_else(|| self.err_at(el.pos, format!("{s:?} is not {what}")))
    }

    fn year(&mut self, el: El<'a>) -> Res<i32> {
        self.parse(el, "a year")
    }

    fn date(&mut self, el: El<'a>) -> Res<Date> {
        self.no_attrs(&el)?;
        let s = self.token(&el)?;
        s.parse::<Date>()
            .map_err(|e| self.err_at(el.pos, e.to_string()))
    }

    fn number(&mut self, el: El<'a>) -> Res<f64> {
        self.no_attrs(&el)?;
        let s = self.token(&el)?;
        parse_number(&s).ok_or_else(|| {
            self.err_at(
                el.pos,
                format!("{s:?} is not a finite number such as 42, 61.5 or 1.5E6"),
            )
        })
    }

    fn euro(&mut self, el: El<'a>) -> Res<Euro> {
        self.no_attrs(&el)?;
        let s = self.token(&el)?;
        parse_euro(&s).map_err(|reason| self.err_at(el.pos, format!("{s:?} {reason}")))
    }

    fn flag(&mut self, el: El<'a>) -> Res<bool> {
        self.no_attrs(&el)?;
        let s = self.token(&el)?;
        match &*s {
            "true" | "1" => Ok(true),
            "false" | "0" => Ok(false),
            _ => Err(self.err_at(el.pos, format!("{s:?} is not a boolean (true or false)"))),
        }
    }

    /// A coded value: `<kind listURI="…" listVersionID="…">code</kind>`.
    fn code<C: CodeList>(&mut self, el: El<'a>) -> Res<C> {
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
                    " (the document uses version {v} of the list; this library knows version {})",
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
    fn fields(
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

    fn unknown_element(&self, child: &El<'a>, ty: &'static Complex, next: usize) -> ImportError {
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
    fn list(
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

    fn ids(&mut self, el: El<'a>, item: &'static str) -> Res<Vec<Id>> {
        let mut out = Vec::new();
        self.list(el, item, |p, e| {
            out.push(p.id(e)?);
            Ok(())
        })?;
        Ok(out)
    }

    fn texts(&mut self, el: El<'a>, item: &'static str) -> Res<Vec<Text>> {
        let mut out = Vec::new();
        self.list(el, item, |p, e| {
            out.push(p.text(e)?);
            Ok(())
        })?;
        Ok(out)
    }

    fn item_id(&self, el: &El<'a>) -> Res<Id> {
        let [id] = self.attrs(el, ["id"])?;
        let id = self.required(el, "id", id)?;
        Ok(Id::new(trim_ws(&id)))
    }

    // ----- periods ------------------------------------------------------------------

    /// Reads the one element inside `el` that names a kind (of period or
    /// horizon); `f` gets it and its kind's index in `kinds`.
    fn one_kind<T>(
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

    fn period(&mut self, el: El<'a>) -> Res<Period> {
        self.no_attrs(&el)?;
        self.one_kind(&el, "period", PERIOD_KINDS, |p, k, _| {
            p.period_kind(k, false)
        })
    }

    fn attr_num<T: std::str::FromStr>(
        &self,
        el: &El<'a>,
        name: &str,
        v: Option<Cow<'_, str>>,
    ) -> Res<T> {
        let v = self.required(el, name, v)?;
        parse_int(trim_ws(&v)).ok_or_else(|| {
            self.err_at(
                el.pos,
                format!("attribute {name}: {:?} is not a whole number in range", &*v),
            )
        })
    }

    fn attr_date(&self, el: &El<'a>, name: &str, v: Option<Cow<'_, str>>) -> Res<Date> {
        let v = self.required(el, name, v)?;
        trim_ws(&v)
            .parse::<Date>()
            .map_err(|e| self.err_at(el.pos, format!("attribute {name}: {e}")))
    }

    fn period_kind(&mut self, el: El<'a>, nested: bool) -> Res<Period> {
        let p = match el.local() {
            "day" => {
                let [date] = self.attrs(&el, ["date"])?;
                Period::Day {
                    date: self.attr_date(&el, "date", date)?,
                }
            }
            "days" => {
                let [dates] = self.attrs(&el, ["dates"])?;
                let dates = self.required(&el, "dates", dates)?;
                let dates = dates
                    .split_ascii_whitespace()
                    .map(|d| {
                        d.parse::<Date>()
                            .map_err(|e| self.err_at(el.pos, format!("attribute dates: {e}")))
                    })
                    .collect::<Res<Vec<_>>>()?;
                Period::Days { dates }
            }
            "dateRange" => {
                let [from, to] = self.attrs(&el, ["from", "to"])?;
                Period::DateRange {
                    from: self.attr_date(&el, "from", from)?,
                    to: self.attr_date(&el, "to", to)?,
                }
            }
            "month" => {
                let [year, month] = self.attrs(&el, ["year", "month"])?;
                Period::Month {
                    year: self.attr_num(&el, "year", year)?,
                    month: self.attr_num(&el, "month", month)?,
                }
            }
            "months" => {
                let [year, months] = self.attrs(&el, ["year", "months"])?;
                let year = self.attr_num(&el, "year", year)?;
                let months = self.required(&el, "months", months)?;
                let months = months
                    .split_ascii_whitespace()
                    .map(|m| {
                        parse_int::<u8>(m).ok_or_else(|| {
                            self.err_at(el.pos, format!("attribute months: {m:?} is not a month"))
                        })
                    })
                    .collect::<Res<Vec<_>>>()?;
                Period::Months { year, months }
            }
            "monthRange" => {
                self.no_attrs(&el)?;
                let (mut from, mut to) = (YearMonth::new(0, 0), YearMonth::new(0, 0));
                self.fields(&el, &MONTH_RANGE, |p, f, e| {
                    let [year, month] = p.attrs(&e, ["year", "month"])?;
                    let ym = YearMonth::new(
                        p.attr_num(&e, "year", year)?,
                        p.attr_num(&e, "month", month)?,
                    );
                    p.empty_content(&e)?;
                    if f.name == "from" {
                        from = ym;
                    } else {
                        to = ym;
                    }
                    Ok(())
                })?;
                return Ok(Period::MonthRange { from, to });
            }
            "quarter" => {
                let [year, quarter] = self.attrs(&el, ["year", "quarter"])?;
                Period::Quarter {
                    year: self.attr_num(&el, "year", year)?,
                    quarter: self.attr_num(&el, "quarter", quarter)?,
                }
            }
            "quarters" => {
                let [year, from, to] = self.attrs(&el, ["year", "from", "to"])?;
                Period::Quarters {
                    year: self.attr_num(&el, "year", year)?,
                    from: self.attr_num(&el, "from", from)?,
                    to: self.attr_num(&el, "to", to)?,
                }
            }
            "halfYear" => {
                let [year, half] = self.attrs(&el, ["year", "half"])?;
                Period::HalfYear {
                    year: self.attr_num(&el, "year", year)?,
                    half: self.attr_num(&el, "half", half)?,
                }
            }
            "year" => {
                let [year] = self.attrs(&el, ["year"])?;
                Period::Year {
                    year: self.attr_num(&el, "year", year)?,
                }
            }
            "yearRange" => {
                let [from, to] = self.attrs(&el, ["from", "to"])?;
                Period::YearRange {
                    from: self.attr_num(&el, "from", from)?,
                    to: self.attr_num(&el, "to", to)?,
                }
            }
            "partOfYear" => {
                let [year, part] = self.attrs(&el, ["year", "part"])?;
                let year = self.attr_num(&el, "year", year)?;
                let part = self.required(&el, "part", part)?;
                let part = year_part_from_code(trim_ws(&part)).ok_or_else(|| {
                    self.err_at(
                        el.pos,
                        format!("attribute part: {:?} is not early, middle or late", &*part),
                    )
                })?;
                Period::PartOfYear { year, part }
            }
            "turnOfYear" => {
                let [year] = self.attrs(&el, ["year"])?;
                Period::TurnOfYear {
                    year: self.attr_num(&el, "year", year)?,
                }
            }
            kind @ ("since" | "until") => {
                if nested {
                    return Err(self.err_at(
                        el.pos,
                        format!("<{kind}> cannot stand inside <since> or <until>"),
                    ));
                }
                self.no_attrs(&el)?;
                let inner = self.one_kind(&el, "period", PERIOD_KINDS, |p, k, _| {
                    p.period_kind(k, true)
                })?;
                return Ok(if kind == "since" {
                    Period::since(inner)
                } else {
                    Period::until(inner)
                });
            }
            _ => unreachable!("period kinds are checked by one_kind"),
        };
        self.empty_content(&el)?;
        Ok(p)
    }

    fn horizon(&mut self, el: El<'a>) -> Res<Horizon> {
        self.no_attrs(&el)?;
        self.one_kind(&el, "horizon", HORIZON_KINDS, |p, k, _| {
            let h = match k.local() {
                "year" => {
                    let [year] = p.attrs(&k, ["year"])?;
                    Horizon::Year {
                        year: p.attr_num(&k, "year", year)?,
                    }
                }
                "range" => {
                    let [from, to] = p.attrs(&k, ["from", "to"])?;
                    Horizon::Range {
                        from: p.attr_num(&k, "from", from)?,
                        to: p.attr_num(&k, "to", to)?,
                    }
                }
                _ => {
                    let [from] = p.attrs(&k, ["from"])?;
                    Horizon::OpenEnded {
                        from: p.attr_num(&k, "from", from)?,
                    }
                }
            };
            p.empty_content(&k)?;
            Ok(h)
        })
    }

    // ----- the document -----------------------------------------------------------

    fn document(&mut self) -> Res<Concept> {
        let mut first = true;
        let root = loop {
            self.pos = self.r.buffer_position() as usize;
            let ev = match self.r.read_event() {
                Ok(ev) => ev,
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
            match self.r.read_event() {
                Ok(XmlEvent::Eof) => break,
                Ok(XmlEvent::Text(t)) if is_ws(&t) => {}
                Ok(XmlEvent::Comment(_) | XmlEvent::PI(_)) => {}
                Ok(_) => return Err(self.err("unexpected content after the root element")),
                Err(e) => return Err(self.xml_err(e)),
            }
        }
        Ok(concept)
    }

    fn root(&mut self, el: El<'a>) -> Res<Concept> {
        {
            let (ns, local) = self.r.resolver().resolve_element(el.start.name());
            let local = local.into_inner();
            match ns {
                ResolveResult::Bound(ns) if ns.into_inner() == NAMESPACE => {}
                ResolveResult::Bound(ns)
                    if local == "concept" && ns.into_inner().starts_with(NAMESPACE_BASE) =>
                {
                    let found_major = &ns.into_inner()[NAMESPACE_BASE.len()..];
                    return Err(ImportError::Version {
                        location: self.location(el.pos),
                        found: format!(
                            "namespace {} (schema major version {found_major})",
                            ns.into_inner()
                        ),
                        expected: format!(
                            "namespace {NAMESPACE} (schema major version {SCHEMA_MAJOR})"
                        ),
                    });
                }
                ResolveResult::Bound(ns) => {
                    return Err(self.err_at(
                        el.pos,
                        format!(
                            "the root element is <{local}> in namespace {:?}; expected <concept xmlns=\"{NAMESPACE}\">",
                            ns.into_inner()
                        ),
                    ))
                }
                _ => {
                    return Err(self.err_at(
                        el.pos,
                        format!(
                            "the root element <{local}> is in no namespace; expected <concept xmlns=\"{NAMESPACE}\">"
                        ),
                    ))
                }
            }
            if local != "concept" {
                return Err(self.err_at(
                    el.pos,
                    format!("the root element is <{local}>; expected <concept>"),
                ));
            }
        }
        self.path.push(("concept", 0));
        let [version, _producer, id, lang] =
            self.attrs(&el, ["schemaVersion", "producer", "id", "xml:lang"])?;
        let version = self.required(&el, "schemaVersion", version)?;
        let version = trim_ws(&version);
        let major = version
            .split_once('.')
            .filter(|(ma, mi)| {
                !ma.is_empty()
                    && !mi.is_empty()
                    && ma.bytes().all(|b| b.is_ascii_digit())
                    && mi.bytes().all(|b| b.is_ascii_digit())
            })
            .and_then(|(ma, _)| ma.parse::<u32>().ok())
            .ok_or_else(|| {
                self.err_at(
                    el.pos,
                    format!(
                        "schemaVersion {version:?} is not written major.minor, such as \"1.0\""
                    ),
                )
            })?;
        if major != SCHEMA_MAJOR {
            return Err(ImportError::Version {
                location: self.location(el.pos),
                found: format!("schemaVersion {version} (major version {major})"),
                expected: format!("schema version {SCHEMA_MAJOR}.x in namespace {NAMESPACE}"),
            });
        }
        let id = Id::new(trim_ws(&self.required(&el, "id", id)?));
        let lang = lang.map(|l| trim_ws(&l).to_owned());

        let mut c = Concept::new(
            id,
            Text::default(),
            ConceptKind::Other,
            Territory::landkreis(""),
        );
        self.fields(&el, &schema::CONCEPT, |p, f, e| {
            match f.name {
                "title" => c.title = p.text(e)?,
                "shortTitle" => c.short_title = p.opt_text(e)?,
                "kind" => c.kind = p.code(e)?,
                "kindLabel" => c.kind_label = p.opt_text(e)?,
                "territory" => c.territory = p.territory(e)?,
                "horizon" => c.horizon = Some(p.horizon(e)?),
                "status" => c.status = p.code::<ConceptStatus>(e)?,
                "edition" => c.edition = Some(p.edition(e)?),
                "predecessor" => c.predecessor = Some(p.predecessor(e)?),
                "revisionCycleYears" => {
                    c.revision_cycle_years = Some(p.parse(e, "a number of years from 1 to 255")?)
                }
                "languages" => {
                    p.list(e, "language", |p, e| {
                        c.languages.push(p.token_string(e)?);
                        Ok(())
                    })?;
                }
                "description" => c.description = p.opt_text(e)?,
                "vision" => c.vision = Some(p.vision(e)?),
                "guidingPrinciples" => c.guiding_principles = p.texts(e, "principle")?,
                "goalLevels" => c.goal_levels = p.texts(e, "goalLevel")?,
                "fields" => p.list(e, "field", |p, e| {
                    c.fields.push(p.field_of_action(e)?);
                    Ok(())
                })?,
                "crossCuttingThemes" => p.list(e, "crossCuttingTheme", |p, e| {
                    c.cross_cutting_themes.push(p.cross_cutting_theme(e)?);
                    Ok(())
                })?,
                "goals" => p.list(e, "goal", |p, e| {
                    c.goals.push(p.goal(e)?);
                    Ok(())
                })?,
                "measures" => p.list(e, "measure", |p, e| {
                    c.measures.push(p.measure(e)?);
                    Ok(())
                })?,
                "indicators" => p.list(e, "indicator", |p, e| {
                    c.indicators.push(p.indicator(e)?);
                    Ok(())
                })?,
                "actors" => p.list(e, "actor", |p, e| {
                    c.actors.push(p.actor(e)?);
                    Ok(())
                })?,
                "events" => p.list(e, "event", |p, e| {
                    c.events.push(p.event(e)?);
                    Ok(())
                })?,
                "resolutions" => p.list(e, "resolution", |p, e| {
                    c.resolutions.push(p.resolution(e)?);
                    Ok(())
                })?,
                "documents" => p.list(e, "document", |p, e| {
                    c.documents.push(p.document_item(e)?);
                    Ok(())
                })?,
                "swot" => p.list(e, "analysis", |p, e| {
                    c.swot.push(p.swot(e)?);
                    Ok(())
                })?,
                "processFunding" => c.process_funding = p.fundings(e)?,
                "challenges" => p.list(e, "challenge", |p, e| {
                    c.challenges.push(p.challenge(e)?);
                    Ok(())
                })?,
                "reporting" => p.list(e, "channel", |p, e| {
                    c.reporting.push(p.reporting(e)?);
                    Ok(())
                })?,
                "coverage" => p.list(e, "partialList", |p, e| {
                    c.coverage.push(p.coverage(e)?);
                    Ok(())
                })?,
                other => return Err(p.internal(other)),
            }
            Ok(())
        })?;
        if let Some(lang) = lang {
            let main = c.main_language();
            if !lang.eq_ignore_ascii_case(main) {
                return Err(self.err_at(
                    el.pos,
                    format!(
                        "xml:lang={lang:?} on <concept> does not match the main language {main:?} \
                         (the first <language>, or \"de\" when there is none)"
                    ),
                ));
            }
        }
        self.path.pop();
        Ok(c)
    }

    fn internal(&self, name: &str) -> ImportError {
        self.err(format!("internal error: no reader for <{name}>"))
    }

    fn token_string(&mut self, el: El<'a>) -> Res<String> {
        self.no_attrs(&el)?;
        Ok(self.token(&el)?.into_owned())
    }

    fn territory(&mut self, el: El<'a>) -> Res<Territory> {
        self.no_attrs(&el)?;
        let mut t = Territory::landkreis("");
        self.fields(&el, &schema::TERRITORY, |p, f, e| {
            match f.name {
                "name" => t.name = p.text(e)?,
                "kind" => t.kind = p.code(e)?,
                "key" => t.key = Some(p.token_string(e)?),
                "state" => t.state = Some(p.code(e)?),
                "seat" => t.seat = p.opt_text(e)?,
                other => return Err(p.internal(other)),
            }
            Ok(())
        })?;
        Ok(t)
    }

    fn edition(&mut self, el: El<'a>) -> Res<Edition> {
        self.no_attrs(&el)?;
        let mut x = Edition {
            number: None,
            year: None,
            label: None,
        };
        self.fields(&el, &schema::EDITION, |p, f, e| {
            match f.name {
                "number" => x.number = Some(p.parse(e, "a whole number")?),
                "year" => x.year = Some(p.year(e)?),
                "label" => x.label = p.opt_text(e)?,
                other => return Err(p.internal(other)),
            }
            Ok(())
        })?;
        Ok(x)
    }

    fn predecessor(&mut self, el: El<'a>) -> Res<Predecessor> {
        self.no_attrs(&el)?;
        let mut x = Predecessor {
            concept: None,
            title: Text::default(),
            year: None,
            field_count: None,
            goals_remain_valid: false,
            note: None,
        };
        self.fields(&el, &schema::PREDECESSOR, |p, f, e| {
            match f.name {
                "concept" => x.concept = Some(p.id(e)?),
                "title" => x.title = p.text(e)?,
                "year" => x.year = Some(p.year(e)?),
                "fieldCount" => x.field_count = Some(p.parse(e, "a whole number")?),
                "goalsRemainValid" => x.goals_remain_valid = p.flag(e)?,
                "note" => x.note = p.opt_text(e)?,
                other => return Err(p.internal(other)),
            }
            Ok(())
        })?;
        Ok(x)
    }

    fn vision(&mut self, el: El<'a>) -> Res<Vision> {
        self.no_attrs(&el)?;
        let mut x = Vision::new("");
        self.fields(&el, &schema::VISION, |p, f, e| {
            match f.name {
                "text" => x.text = p.text(e)?,
                "year" => x.year = Some(p.year(e)?),
                other => return Err(p.internal(other)),
            }
            Ok(())
        })?;
        Ok(x)
    }

    fn challenge(&mut self, el: El<'a>) -> Res<Challenge> {
        self.no_attrs(&el)?;
        let mut x = Challenge {
            text: Text::default(),
            details: Vec::new(),
        };
        self.fields(&el, &schema::CHALLENGE, |p, f, e| {
            match f.name {
                "text" => x.text = p.text(e)?,
                "details" => x.details = p.texts(e, "detail")?,
                other => return Err(p.internal(other)),
            }
            Ok(())
        })?;
        Ok(x)
    }

    fn field_of_action(&mut self, el: El<'a>) -> Res<FieldOfAction> {
        let mut x = FieldOfAction::new(self.item_id(&el)?, "");
        self.fields(&el, &schema::FIELD_OF_ACTION, |p, f, e| {
            match f.name {
                "number" => x.number = Some(p.string(e)?),
                "name" => x.name = p.text(e)?,
                "vision" => x.vision = Some(p.vision(e)?),
                "guidingPrinciples" => x.guiding_principles = p.texts(e, "principle")?,
                "description" => x.description = p.opt_text(e)?,
                other => return Err(p.internal(other)),
            }
            Ok(())
        })?;
        Ok(x)
    }

    fn cross_cutting_theme(&mut self, el: El<'a>) -> Res<CrossCuttingTheme> {
        let mut x = CrossCuttingTheme::new(self.item_id(&el)?, "");
        self.fields(&el, &schema::CROSS_CUTTING_THEME, |p, f, e| {
            match f.name {
                "name" => x.name = p.text(e)?,
                "description" => x.description = p.opt_text(e)?,
                "fields" => x.fields = p.ids(e, "field")?,
                other => return Err(p.internal(other)),
            }
            Ok(())
        })?;
        Ok(x)
    }

    fn swot(&mut self, el: El<'a>) -> Res<Swot> {
        let mut x = Swot {
            id: self.item_id(&el)?,
            title: None,
            field: None,
            topics: Vec::new(),
            strengths: Vec::new(),
            weaknesses: Vec::new(),
            opportunities: Vec::new(),
            threats: Vec::new(),
            document: None,
        };
        self.fields(&el, &schema::SWOT, |p, f, e| {
            match f.name {
                "title" => x.title = p.opt_text(e)?,
                "field" => x.field = Some(p.id(e)?),
                "topics" => x.topics = p.texts(e, "topic")?,
                "strengths" => x.strengths = p.texts(e, "strength")?,
                "weaknesses" => x.weaknesses = p.texts(e, "weakness")?,
                "opportunities" => x.opportunities = p.texts(e, "opportunity")?,
                "threats" => x.threats = p.texts(e, "threat")?,
                "document" => x.document = Some(p.id(e)?),
                other => return Err(p.internal(other)),
            }
            Ok(())
        })?;
        Ok(x)
    }

    fn goal(&mut self, el: El<'a>) -> Res<Goal> {
        let mut x = Goal::new(self.item_id(&el)?, 0, "");
        self.fields(&el, &schema::GOAL, |p, f, e| {
            match f.name {
                "number" => x.number = Some(p.string(e)?),
                "level" => x.level = p.parse(e, "a goal level from 1 to 5")?,
                "parent" => x.parent = Some(p.id(e)?),
                "title" => x.title = p.text(e)?,
                "shortTitle" => x.short_title = p.opt_text(e)?,
                "fields" => x.fields = p.ids(e, "field")?,
                "priority" => x.priority = Some(p.code(e)?),
                "focusAreas" => x.focus_areas = p.texts(e, "focusArea")?,
                "description" => x.description = p.opt_text(e)?,
                "indicators" => x.indicators = p.ids(e, "indicator")?,
                other => return Err(p.internal(other)),
            }
            Ok(())
        })?;
        Ok(x)
    }

    fn measure(&mut self, el: El<'a>) -> Res<Measure> {
        let mut x = Measure::new(self.item_id(&el)?, "");
        self.fields(&el, &schema::MEASURE, |p, f, e| {
            match f.name {
                "number" => x.number = Some(p.string(e)?),
                "title" => x.title = p.text(e)?,
                "description" => x.description = p.opt_text(e)?,
                "goals" => x.goals = p.ids(e, "goal")?,
                "fields" => x.fields = p.ids(e, "field")?,
                "lead" => x.lead = Some(p.id(e)?),
                "partners" => x.partners = p.ids(e, "partner")?,
                "countyRole" => x.county_role = Some(p.code(e)?),
                "period" => x.period = Some(p.period(e)?),
                "timeHorizon" => x.time_horizon = Some(p.code(e)?),
                "priority" => x.priority = Some(p.code(e)?),
                "status" => x.status = Some(p.code::<MeasureStatus>(e)?),
                "statusHistory" => p.list(e, "statusUpdate", |p, e| {
                    p.no_attrs(&e)?;
                    let mut u = StatusUpdate {
                        date: Date::from_ymd(2000, 1, 1).expect("a valid date"),
                        status: MeasureStatus::Planned,
                        note: None,
                    };
                    p.fields(&e, &schema::STATUS_UPDATE, |p, f, e| {
                        match f.name {
                            "date" => u.date = p.date(e)?,
                            "status" => u.status = p.code(e)?,
                            "note" => u.note = p.opt_text(e)?,
                            other => return Err(p.internal(other)),
                        }
                        Ok(())
                    })?;
                    x.status_history.push(u);
                    Ok(())
                })?,
                "costs" => {
                    p.no_attrs(&e)?;
                    let mut c = Costs {
                        amount: None,
                        estimated: false,
                        note: None,
                    };
                    p.fields(&e, &schema::COSTS, |p, f, e| {
                        match f.name {
                            "amount" => c.amount = Some(p.euro(e)?),
                            "estimated" => c.estimated = p.flag(e)?,
                            "note" => c.note = p.opt_text(e)?,
                            other => return Err(p.internal(other)),
                        }
                        Ok(())
                    })?;
                    x.costs = Some(c);
                }
                "funding" => x.funding = p.fundings(e)?,
                "budget" => p.list(e, "budgetLine", |p, e| {
                    p.no_attrs(&e)?;
                    let mut b = BudgetLine {
                        year: 0,
                        amount: Euro::default(),
                        account: None,
                        note: None,
                    };
                    p.fields(&e, &schema::BUDGET_LINE, |p, f, e| {
                        match f.name {
                            "year" => b.year = p.year(e)?,
                            "amount" => b.amount = p.euro(e)?,
                            "account" => b.account = Some(p.string(e)?),
                            "note" => b.note = p.opt_text(e)?,
                            other => return Err(p.internal(other)),
                        }
                        Ok(())
                    })?;
                    x.budget.push(b);
                    Ok(())
                })?,
                "indicators" => x.indicators = p.ids(e, "indicator")?,
                "documents" => x.documents = p.ids(e, "document")?,
                "milestones" => p.list(e, "milestone", |p, e| {
                    p.no_attrs(&e)?;
                    let mut m = Milestone::new("");
                    p.fields(&e, &schema::MILESTONE, |p, f, e| {
                        match f.name {
                            "title" => m.title = p.text(e)?,
                            "expected" => m.expected = Some(p.period(e)?),
                            "reached" => m.reached = Some(p.date(e)?),
                            "note" => m.note = p.opt_text(e)?,
                            other => return Err(p.internal(other)),
                        }
                        Ok(())
                    })?;
                    x.milestones.push(m);
                    Ok(())
                })?,
                other => return Err(p.internal(other)),
            }
            Ok(())
        })?;
        Ok(x)
    }

    fn fundings(&mut self, el: El<'a>) -> Res<Vec<Funding>> {
        let mut out = Vec::new();
        self.list(el, "source", |p, e| {
            p.no_attrs(&e)?;
            let mut x = Funding {
                programme: None,
                programme_name: None,
                funder: None,
                share_percent: None,
                amount: None,
                period: None,
            };
            p.fields(&e, &schema::FUNDING, |p, f, e| {
                match f.name {
                    "programme" => x.programme = Some(p.code(e)?),
                    "programmeName" => x.programme_name = p.opt_text(e)?,
                    "funder" => x.funder = Some(p.id(e)?),
                    "sharePercent" => x.share_percent = Some(p.number(e)?),
                    "amount" => x.amount = Some(p.euro(e)?),
                    "period" => x.period = Some(p.period(e)?),
                    other => return Err(p.internal(other)),
                }
                Ok(())
            })?;
            out.push(x);
            Ok(())
        })?;
        Ok(out)
    }

    fn indicator(&mut self, el: El<'a>) -> Res<Indicator> {
        let mut x = Indicator::new(self.item_id(&el)?, "", "", Direction::HigherIsBetter);
        self.fields(&el, &schema::INDICATOR, |p, f, e| {
            match f.name {
                "number" => x.number = Some(p.string(e)?),
                "name" => x.name = p.text(e)?,
                "unit" => x.unit = p.string(e)?,
                "direction" => x.direction = p.code(e)?,
                "description" => x.description = p.opt_text(e)?,
                "baseline" => {
                    p.no_attrs(&e)?;
                    let mut b = Baseline {
                        value: 0.0,
                        period: None,
                    };
                    p.fields(&e, &schema::BASELINE, |p, f, e| {
                        match f.name {
                            "value" => b.value = p.number(e)?,
                            "period" => b.period = Some(p.period(e)?),
                            other => return Err(p.internal(other)),
                        }
                        Ok(())
                    })?;
                    x.baseline = Some(b);
                }
                "targets" => p.list(e, "target", |p, e| {
                    p.no_attrs(&e)?;
                    let mut t = Target {
                        value: 0.0,
                        due: None,
                        aspirational: false,
                    };
                    p.fields(&e, &schema::TARGET, |p, f, e| {
                        match f.name {
                            "value" => t.value = p.number(e)?,
                            "due" => t.due = Some(p.period(e)?),
                            "aspirational" => t.aspirational = p.flag(e)?,
                            other => return Err(p.internal(other)),
                        }
                        Ok(())
                    })?;
                    x.targets.push(t);
                    Ok(())
                })?,
                "observations" => p.list(e, "observation", |p, e| {
                    p.no_attrs(&e)?;
                    let mut o = Observation {
                        value: 0.0,
                        period: Period::year(1),
                        note: None,
                    };
                    p.fields(&e, &schema::OBSERVATION, |p, f, e| {
                        match f.name {
                            "value" => o.value = p.number(e)?,
                            "period" => o.period = p.period(e)?,
                            "note" => o.note = p.opt_text(e)?,
                            other => return Err(p.internal(other)),
                        }
                        Ok(())
                    })?;
                    x.observations.push(o);
                    Ok(())
                })?,
                "source" => x.source = p.opt_text(e)?,
                other => return Err(p.internal(other)),
            }
            Ok(())
        })?;
        Ok(x)
    }

    fn actor(&mut self, el: El<'a>) -> Res<Actor> {
        let mut x = Actor::new(self.item_id(&el)?, ActorKind::Other, "");
        self.fields(&el, &schema::ACTOR, |p, f, e| {
            match f.name {
                "kind" => x.kind = p.code(e)?,
                "name" => x.name = p.text(e)?,
                "function" => x.function = p.opt_text(e)?,
                "organization" => x.organization = Some(p.id(e)?),
                "members" => p.list(e, "member", |p, e| {
                    p.no_attrs(&e)?;
                    let mut m = Membership {
                        actor: Id::default(),
                        role: None,
                        role_label: None,
                    };
                    p.fields(&e, &schema::MEMBERSHIP, |p, f, e| {
                        match f.name {
                            "actor" => m.actor = p.id(e)?,
                            "role" => m.role = Some(p.code(e)?),
                            "roleLabel" => m.role_label = p.opt_text(e)?,
                            other => return Err(p.internal(other)),
                        }
                        Ok(())
                    })?;
                    x.members.push(m);
                    Ok(())
                })?,
                "description" => x.description = p.opt_text(e)?,
                "count" => x.count = Some(p.parse(e, "a whole number")?),
                "url" => x.url = Some(p.string(e)?),
                "commissioned" => p.list(e, "commission", |p, e| {
                    p.no_attrs(&e)?;
                    let mut k = Commission {
                        contractor: Id::default(),
                        task: None,
                    };
                    p.fields(&e, &schema::COMMISSION, |p, f, e| {
                        match f.name {
                            "contractor" => k.contractor = p.id(e)?,
                            "task" => k.task = p.opt_text(e)?,
                            other => return Err(p.internal(other)),
                        }
                        Ok(())
                    })?;
                    x.commissioned.push(k);
                    Ok(())
                })?,
                other => return Err(p.internal(other)),
            }
            Ok(())
        })?;
        Ok(x)
    }

    fn event(&mut self, el: El<'a>) -> Res<Event> {
        let mut x = Event::new(self.item_id(&el)?, EventKind::Other);
        self.fields(&el, &schema::EVENT, |p, f, e| {
            match f.name {
                "kind" => x.kind = p.code(e)?,
                "kindLabel" => x.kind_label = p.opt_text(e)?,
                "title" => x.title = p.opt_text(e)?,
                "period" => x.period = Some(p.period(e)?),
                "asNeeded" => x.as_needed = p.flag(e)?,
                "location" => x.location = p.opt_text(e)?,
                "audience" => p.list(e, "group", |p, e| {
                    x.audience.push(p.code(e)?);
                    Ok(())
                })?,
                "audienceDescription" => x.audience_description = p.opt_text(e)?,
                "participants" => p.list(e, "participant", |p, e| {
                    p.no_attrs(&e)?;
                    let mut m = Participant {
                        actor: Id::default(),
                        role: None,
                    };
                    p.fields(&e, &schema::PARTICIPANT, |p, f, e| {
                        match f.name {
                            "actor" => m.actor = p.id(e)?,
                            "role" => m.role = Some(p.code(e)?),
                            other => return Err(p.internal(other)),
                        }
                        Ok(())
                    })?;
                    x.participants.push(m);
                    Ok(())
                })?,
                "participantCount" => {
                    p.no_attrs(&e)?;
                    let mut n = ParticipantCount {
                        value: 0,
                        approximate: false,
                        text: None,
                    };
                    p.fields(&e, &schema::PARTICIPANT_COUNT, |p, f, e| {
                        match f.name {
                            "value" => n.value = p.parse(e, "a whole number")?,
                            "approximate" => n.approximate = p.flag(e)?,
                            "text" => n.text = p.opt_text(e)?,
                            other => return Err(p.internal(other)),
                        }
                        Ok(())
                    })?;
                    x.participant_count = Some(n);
                }
                "fields" => x.fields = p.ids(e, "field")?,
                "topics" => x.topics = p.texts(e, "topic")?,
                "purpose" => x.purpose = p.opt_text(e)?,
                "description" => x.description = p.opt_text(e)?,
                "outcome" => x.outcome = p.opt_text(e)?,
                "documents" => x.documents = p.ids(e, "document")?,
                "press" => x.press = p.ids(e, "document")?,
                "parent" => x.parent = Some(p.id(e)?),
                "occasion" => x.occasion = p.opt_text(e)?,
                "occurrences" => x.occurrences = Some(p.parse(e, "a whole number")?),
                "duration" => {
                    p.no_attrs(&e)?;
                    let mut d = TimeSpan::new(0, DurationUnit::Months);
                    p.fields(&e, &schema::TIME_SPAN, |p, f, e| {
                        match f.name {
                            "value" => d.value = p.parse(e, "a whole number")?,
                            "unit" => d.unit = p.code(e)?,
                            other => return Err(p.internal(other)),
                        }
                        Ok(())
                    })?;
                    x.duration = Some(d);
                }
                other => return Err(p.internal(other)),
            }
            Ok(())
        })?;
        Ok(x)
    }

    fn reporting(&mut self, el: El<'a>) -> Res<Reporting> {
        self.no_attrs(&el)?;
        let mut x = Reporting::new(ReportingKind::Other);
        self.fields(&el, &schema::REPORTING, |p, f, e| {
            match f.name {
                "kind" => x.kind = p.code(e)?,
                "frequency" => x.frequency = Some(p.code(e)?),
                "body" => x.body = Some(p.id(e)?),
                "sinceYear" => x.since_year = Some(p.year(e)?),
                "lastUpdated" => x.last_updated = Some(p.date(e)?),
                "url" => x.url = Some(p.string(e)?),
                "document" => x.document = Some(p.id(e)?),
                "note" => x.note = p.opt_text(e)?,
                other => return Err(p.internal(other)),
            }
            Ok(())
        })?;
        Ok(x)
    }

    fn coverage(&mut self, el: El<'a>) -> Res<Coverage> {
        self.no_attrs(&el)?;
        let mut x = Coverage::partial(Collection::Measures);
        self.fields(&el, &schema::COVERAGE, |p, f, e| {
            match f.name {
                "collection" => x.collection = p.code(e)?,
                "total" => x.total = Some(p.parse(e, "a whole number")?),
                "keptIn" => x.kept_in = p.opt_text(e)?,
                "document" => x.document = Some(p.id(e)?),
                other => return Err(p.internal(other)),
            }
            Ok(())
        })?;
        Ok(x)
    }

    fn resolution(&mut self, el: El<'a>) -> Res<Resolution> {
        let mut x = Resolution::new(self.item_id(&el)?, ResolutionKind::Resolution, "");
        self.fields(&el, &schema::RESOLUTION, |p, f, e| {
            match f.name {
                "title" => x.title = p.text(e)?,
                "kind" => x.kind = p.code(e)?,
                "number" => x.number = Some(p.string(e)?),
                "paper" => {
                    p.no_attrs(&e)?;
                    let mut paper = Paper {
                        reference: String::new(),
                        prefix: None,
                        title: None,
                    };
                    p.fields(&e, &schema::PAPER, |p, f, e| {
                        match f.name {
                            "reference" => paper.reference = p.string(e)?,
                            "prefix" => paper.prefix = Some(p.string(e)?),
                            "title" => paper.title = p.opt_text(e)?,
                            other => return Err(p.internal(other)),
                        }
                        Ok(())
                    })?;
                    x.paper = Some(paper);
                }
                "consultations" => p.list(e, "consultation", |p, e| {
                    x.consultations.push(p.consultation(e)?);
                    Ok(())
                })?,
                "text" => x.text = p.opt_text(e)?,
                "adopts" => p.list(e, "adoption", |p, e| {
                    p.no_attrs(&e)?;
                    let mut a = Adoption {
                        subject: kreisentwicklung_core::AdoptionSubject::Concept,
                        items: Vec::new(),
                        note: None,
                    };
                    p.fields(&e, &schema::ADOPTION, |p, f, e| {
                        match f.name {
                            "subject" => a.subject = p.code(e)?,
                            "items" => a.items = p.ids(e, "item")?,
                            "note" => a.note = p.opt_text(e)?,
                            other => return Err(p.internal(other)),
                        }
                        Ok(())
                    })?;
                    x.adopts.push(a);
                    Ok(())
                })?,
                "mandates" => p.list(e, "mandate", |p, e| {
                    p.no_attrs(&e)?;
                    let mut m = Mandate {
                        actor: Id::default(),
                        task: Text::default(),
                        due: None,
                    };
                    p.fields(&e, &schema::MANDATE, |p, f, e| {
                        match f.name {
                            "actor" => m.actor = p.id(e)?,
                            "task" => m.task = p.text(e)?,
                            "due" => m.due = Some(p.period(e)?),
                            other => return Err(p.internal(other)),
                        }
                        Ok(())
                    })?;
                    x.mandates.push(m);
                    Ok(())
                })?,
                "documents" => x.documents = p.ids(e, "document")?,
                "budget" => p.list(e, "budgetLink", |p, e| {
                    p.no_attrs(&e)?;
                    let mut b = BudgetLink::year(0);
                    p.fields(&e, &schema::BUDGET_LINK, |p, f, e| {
                        match f.name {
                            "year" => b.year = p.year(e)?,
                            "account" => b.account = Some(p.string(e)?),
                            "note" => b.note = p.opt_text(e)?,
                            other => return Err(p.internal(other)),
                        }
                        Ok(())
                    })?;
                    x.budget.push(b);
                    Ok(())
                })?,
                other => return Err(p.internal(other)),
            }
            Ok(())
        })?;
        Ok(x)
    }

    fn consultation(&mut self, el: El<'a>) -> Res<Consultation> {
        self.no_attrs(&el)?;
        let mut x = Consultation::new(Id::default(), ConsultationRole::Decide);
        self.fields(&el, &schema::CONSULTATION, |p, f, e| {
            match f.name {
                "body" => x.body = p.id(e)?,
                "role" => x.role = p.code(e)?,
                "plannedDate" => x.planned_date = Some(p.date(e)?),
                "date" => x.date = Some(p.date(e)?),
                "session" => x.session = Some(p.string(e)?),
                "agendaItem" => x.agenda_item = Some(p.string(e)?),
                "outcome" => x.outcome = Some(p.code(e)?),
                "votes" => {
                    p.no_attrs(&e)?;
                    let mut v = Votes::default();
                    p.fields(&e, &schema::VOTES, |p, f, e| {
                        let n = Some(p.parse(e, "a whole number")?);
                        match f.name {
                            "yes" => v.yes = n,
                            "no" => v.no = n,
                            "abstain" => v.abstain = n,
                            "biased" => v.biased = n,
                            other => return Err(p.internal(other)),
                        }
                        Ok(())
                    })?;
                    x.votes = Some(v);
                }
                "note" => x.note = p.opt_text(e)?,
                other => return Err(p.internal(other)),
            }
            Ok(())
        })?;
        Ok(x)
    }

    fn document_item(&mut self, el: El<'a>) -> Res<Document> {
        let mut x = Document::new(self.item_id(&el)?, DocumentKind::Other, "");
        self.fields(&el, &schema::DOCUMENT, |p, f, e| {
            match f.name {
                "kind" => x.kind = p.code(e)?,
                "title" => x.title = p.text(e)?,
                "date" => x.date = Some(p.period(e)?),
                "url" => x.url = Some(p.string(e)?),
                "mediaType" => x.media_type = Some(p.string(e)?),
                "language" => x.language = Some(p.token_string(e)?),
                "publisher" => x.publisher = p.opt_text(e)?,
                "issue" => x.issue = Some(p.string(e)?),
                "pages" => x.pages = Some(p.string(e)?),
                "authors" => x.authors = p.ids(e, "author")?,
                "description" => x.description = p.opt_text(e)?,
                other => return Err(p.internal(other)),
            }
            Ok(())
        })?;
        Ok(x)
    }
}

/// An integer as `xs:int` and friends write it: optional sign, digits.
fn parse_int<T: std::str::FromStr>(s: &str) -> Option<T> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Rust's parsers accept a leading '+' as XML Schema does.
    s.parse().ok()
}

/// A finite `xs:double`: decimal or scientific notation, no INF or NaN.
fn parse_number(s: &str) -> Option<f64> {
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
fn parse_euro(s: &str) -> Result<Euro, &'static str> {
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
