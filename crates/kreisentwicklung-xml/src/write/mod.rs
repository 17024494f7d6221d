//! The exporter: streams a concept as XML with `quick-xml`.
//!
//! Element names, order, optionality and types come from the tables in
//! [`crate::schema`], the same the reader checks against and the XSD is
//! generated from; [`fields`] only gives the value of each field by its
//! element name. Nothing is built in memory but two small scratch strings
//! that are reused for every start tag and every escaped text.

use std::fmt::{self, Write as _};
use std::io::{self, Write};

use kreisentwicklung_core::export::ExportError;
use kreisentwicklung_core::{Concept, Euro, Horizon, Id, ItemPath, Period, Text, SCHEMA_VERSION};
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event as XmlEvent};
use quick_xml::Writer;

use crate::schema::{self, Complex, Field, Occurs, Ty};
use crate::{FORMAT_ID, NAMESPACE, PRODUCER};

mod fields;

use fields::{Code, Fields, Value};

/// Newline followed by enough spaces for the deepest element.
const INDENT: &str = "\n                                                                ";

/// Writes `concept` to `out`; the caller has validated it.
pub(crate) fn write_concept<W: Write>(
    concept: &Concept,
    out: W,
    pretty: bool,
) -> Result<(), ExportError> {
    let mut x = Out {
        w: Writer::new(out),
        pretty,
        depth: 0,
        fresh: false,
        tag: String::with_capacity(128),
        esc: String::with_capacity(256),
        stack: Vec::with_capacity(16),
    };
    x.concept(concept)?;
    if pretty {
        x.raw("\n")?;
    }
    x.w.get_mut().flush()?;
    Ok(())
}

/// Byte classes for escaping element content: 0 = copy, 1 = escape or check.
static TEXT_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        if b != b'\t' as usize && b != b'\n' as usize {
            t[b] = 1;
        }
        b += 1;
    }
    t[b'<' as usize] = 1;
    t[b'>' as usize] = 1;
    t[b'&' as usize] = 1;
    t[0xEF] = 1; // lead byte of U+FFFE / U+FFFF
    t
};

/// Byte classes for escaping attribute values.
static ATTR_CLASS: [u8; 256] = {
    let mut t = TEXT_CLASS;
    t[b'\t' as usize] = 1;
    t[b'\n' as usize] = 1;
    t[b'"' as usize] = 1;
    t
};

/// A character XML 1.0 cannot carry, at a character position (from 1).
struct Illegal {
    ch: char,
    position: usize,
}

/// Escapes `s` for element content (`attr` false) or a double-quoted
/// attribute value (`attr` true). Returns `s` itself when nothing needs
/// escaping, else the escaped text in `buf`.
///
/// In content, `<`, `>` and `&` become entity references and CR becomes
/// `&#13;` (a parser would turn a literal CR into LF). In attributes, `"`,
/// tab and LF are escaped too, since parsers normalise them to spaces.
fn escape<'s>(s: &'s str, buf: &'s mut String, attr: bool) -> Result<&'s str, Illegal> {
    let class = if attr { &ATTR_CLASS } else { &TEXT_CLASS };
    let bytes = s.as_bytes();
    let Some(first) = bytes.iter().position(|&b| class[b as usize] != 0) else {
        return Ok(s);
    };
    buf.clear();
    buf.reserve(s.len() + 16);
    let mut done = 0;
    let mut i = first;
    while i < bytes.len() {
        let b = bytes[i];
        if class[b as usize] == 0 {
            i += 1;
            continue;
        }
        let rep = match b {
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'&' => "&amp;",
            b'"' => "&quot;",
            b'\r' => "&#13;",
            b'\n' => "&#10;",
            b'\t' => "&#9;",
            0xEF => {
                if bytes.get(i + 1) == Some(&0xBF) && matches!(bytes.get(i + 2), Some(0xBE | 0xBF))
                {
                    return Err(illegal_at(s, i));
                }
                i += 1;
                continue;
            }
            _ => return Err(illegal_at(s, i)),
        };
        buf.push_str(&s[done..i]);
        buf.push_str(rep);
        i += 1;
        done = i;
    }
    buf.push_str(&s[done..]);
    Ok(buf.as_str())
}

fn illegal_at(s: &str, byte: usize) -> Illegal {
    let ch = s[byte..].chars().next().unwrap_or('\0');
    Illegal {
        ch,
        position: s[..byte].chars().count() + 1,
    }
}

struct Out<'c, W: Write> {
    w: Writer<W>,
    pretty: bool,
    depth: usize,
    /// True right after a start tag, until a child is written.
    fresh: bool,
    /// Scratch for start tags with attributes and for numbers.
    tag: String,
    /// Scratch for escaped text.
    esc: String,
    /// Open elements, with the id of items, for error messages.
    stack: Vec<(&'static str, Option<&'c str>)>,
}

impl<'c, W: Write> Out<'c, W> {
    // ----- primitives ---------------------------------------------------------

    fn raw(&mut self, s: &str) -> io::Result<()> {
        self.w
            .write_event(XmlEvent::Text(BytesText::from_escaped(s)))
    }

    fn indent(&mut self) -> io::Result<()> {
        if self.pretty {
            let n = 1 + 2 * self.depth;
            if n <= INDENT.len() {
                self.w
                    .write_event(XmlEvent::Text(BytesText::from_escaped(&INDENT[..n])))?;
            } else {
                let s = format!("\n{}", " ".repeat(n - 1));
                self.raw(&s)?;
            }
        }
        Ok(())
    }

    /// The item of the open elements, for error messages: collections by
    /// their element names, items by id (`fields[hf1].name`).
    fn path(&self, leaf: Option<&str>) -> ItemPath {
        let mut path = ItemPath::root();
        for (name, id) in self.stack.iter().skip(1) {
            path = match id {
                Some(id) => path.with_item(&Id::new(*id), 0),
                None => path.field(name),
            };
        }
        match leaf {
            Some(leaf) => path.field(leaf),
            None => path,
        }
    }

    fn illegal(&self, leaf: Option<&str>, e: Illegal) -> ExportError {
        ExportError::Limit {
            path: self.path(leaf),
            message: format!(
                "contains the control character U+{:04X} at character {}, which XML 1.0 cannot carry",
                e.ch as u32, e.position
            ),
        }
    }

    /// Opens an element that will hold elements.
    fn open(&mut self, name: &'static str) -> Result<(), ExportError> {
        self.indent()?;
        self.w.write_event(XmlEvent::Start(BytesStart::new(name)))?;
        self.depth += 1;
        self.fresh = true;
        self.stack.push((name, None));
        Ok(())
    }

    /// Opens an element with attributes whose values need no escaping
    /// (numbers, codes).
    fn open_attrs(&mut self, name: &'static str, attrs: fmt::Arguments) -> Result<(), ExportError> {
        self.indent()?;
        self.tag.clear();
        self.tag.push_str(name);
        let _ = self.tag.write_fmt(attrs);
        self.start_tag(name, None)
    }

    /// Writes the start tag built in `self.tag` for the element `name` and
    /// enters the element (`id`: the item's id, for error paths).
    fn start_tag(&mut self, name: &'static str, id: Option<&'c str>) -> Result<(), ExportError> {
        self.w
            .write_event(XmlEvent::Start(BytesStart::from_content(
                self.tag.as_str(),
                name.len(),
            )))?;
        self.depth += 1;
        self.fresh = true;
        self.stack.push((name, id));
        Ok(())
    }

    /// Opens an item element with an `id` attribute.
    fn open_id(&mut self, name: &'static str, id: &'c Id) -> Result<(), ExportError> {
        self.indent()?;
        let value = match escape(id.as_str(), &mut self.esc, true) {
            Ok(v) => v,
            Err(e) => {
                self.stack.push((name, None));
                return Err(self.illegal(Some("@id"), e));
            }
        };
        self.tag.clear();
        self.tag.push_str(name);
        self.tag.push_str(" id=\"");
        self.tag.push_str(value);
        self.tag.push('"');
        self.start_tag(name, Some(id.as_str()))
    }

    fn close(&mut self) -> Result<(), ExportError> {
        let (name, _) = self.stack.pop().unwrap_or(("", None));
        self.depth -= 1;
        if !self.fresh {
            self.indent()?;
        }
        self.fresh = false;
        self.w.write_event(XmlEvent::End(BytesEnd::new(name)))?;
        Ok(())
    }

    /// `<name>escaped</name>`; `value` is already escaped.
    fn leaf_escaped(&mut self, name: &str, value: &str) -> io::Result<()> {
        self.indent()?;
        self.fresh = false;
        if value.is_empty() {
            return self.w.write_event(XmlEvent::Empty(BytesStart::new(name)));
        }
        self.w.write_event(XmlEvent::Start(BytesStart::new(name)))?;
        self.w
            .write_event(XmlEvent::Text(BytesText::from_escaped(value)))?;
        self.w.write_event(XmlEvent::End(BytesEnd::new(name)))
    }

    /// A plain string element.
    fn string(&mut self, name: &'static str, s: &str) -> Result<(), ExportError> {
        let value = match escape(s, &mut self.esc, false) {
            Ok(v) => v,
            Err(e) => return Err(self.illegal(Some(name), e)),
        };
        // `value` borrows `self.esc` or `s`; write without going through `&mut self`.
        if self.pretty {
            let n = 1 + 2 * self.depth;
            if n <= INDENT.len() {
                self.w
                    .write_event(XmlEvent::Text(BytesText::from_escaped(&INDENT[..n])))?;
            }
        }
        self.fresh = false;
        if value.is_empty() {
            self.w.write_event(XmlEvent::Empty(BytesStart::new(name)))?;
        } else {
            self.w.write_event(XmlEvent::Start(BytesStart::new(name)))?;
            self.w
                .write_event(XmlEvent::Text(BytesText::from_escaped(value)))?;
            self.w.write_event(XmlEvent::End(BytesEnd::new(name)))?;
        }
        Ok(())
    }

    /// A value written with `Display` that needs no escaping (numbers, dates).
    fn display(&mut self, name: &str, v: impl fmt::Display) -> io::Result<()> {
        self.tag.clear();
        let _ = write!(self.tag, "{v}");
        let value = std::mem::take(&mut self.tag);
        let r = self.leaf_escaped(name, &value);
        self.tag = value;
        r
    }

    /// Multilingual text: one `<narrative>` per language, the main text
    /// first (without `xml:lang`: it inherits the root's), then one
    /// `<narrative xml:lang="…">` per translation, sorted by language.
    fn text(&mut self, name: &'static str, t: &Text) -> Result<(), ExportError> {
        self.open(name)?;
        self.string("narrative", &t.text)?;
        for (lang, tr) in &t.translations {
            let lang = match escape(lang, &mut self.esc, true) {
                Ok(v) => v,
                Err(e) => return Err(self.illegal(Some("narrative/@xml:lang"), e)),
            };
            self.tag.clear();
            self.tag.push_str("narrative xml:lang=\"");
            self.tag.push_str(lang);
            self.tag.push('"');
            let value = match escape(tr, &mut self.esc, false) {
                Ok(v) => v,
                Err(e) => return Err(self.illegal(Some("narrative"), e)),
            };
            // `value` borrows `self.esc`; write without going through `&mut self`.
            if self.pretty {
                let n = 1 + 2 * self.depth;
                if n <= INDENT.len() {
                    self.w
                        .write_event(XmlEvent::Text(BytesText::from_escaped(&INDENT[..n])))?;
                }
            }
            let start = BytesStart::from_content(self.tag.as_str(), "narrative".len());
            if value.is_empty() {
                self.w.write_event(XmlEvent::Empty(start))?;
            } else {
                self.w.write_event(XmlEvent::Start(start))?;
                self.w
                    .write_event(XmlEvent::Text(BytesText::from_escaped(value)))?;
                self.w
                    .write_event(XmlEvent::End(BytesEnd::new("narrative")))?;
            }
        }
        self.fresh = false;
        self.close()
    }

    /// A coded value: `<name listURI="…" listVersionID="…">code</name>`.
    fn code(&mut self, name: &'static str, c: Code) -> io::Result<()> {
        self.indent()?;
        self.fresh = false;
        self.tag.clear();
        self.tag.push_str(name);
        self.tag.push_str(" listURI=\"");
        self.tag.push_str(c.list);
        self.tag.push_str("\" listVersionID=\"");
        self.tag.push_str(c.version);
        self.tag.push('"');
        self.w
            .write_event(XmlEvent::Start(BytesStart::from_content(
                self.tag.as_str(),
                name.len(),
            )))?;
        self.w
            .write_event(XmlEvent::Text(BytesText::from_escaped(c.code)))?;
        self.w.write_event(XmlEvent::End(BytesEnd::new(name)))
    }

    /// An empty element whose attributes are formatted by `attrs` (numbers
    /// and dates only, which need no escaping).
    fn empty_attrs(&mut self, name: &str, attrs: fmt::Arguments) -> io::Result<()> {
        self.indent()?;
        self.fresh = false;
        self.tag.clear();
        self.tag.push_str(name);
        let _ = self.tag.write_fmt(attrs);
        self.w.write_event(XmlEvent::Empty(BytesStart::from_content(
            self.tag.as_str(),
            name.len(),
        )))
    }

    // ----- periods and horizons ----------------------------------------------

    fn period(&mut self, name: &'static str, p: &Period) -> Result<(), ExportError> {
        self.open(name)?;
        self.period_kind(p)?;
        self.close()
    }

    /// The element of the period's kind, named by [`Period::kind`] as the
    /// reader and the XSD name it (from [`Period::KINDS`]).
    fn period_kind(&mut self, p: &Period) -> Result<(), ExportError> {
        let kind = p.kind();
        match p {
            Period::Day { date } => self.empty_attrs(kind, format_args!(" date=\"{date}\""))?,
            Period::Days { dates } => {
                self.empty_attrs(kind, format_args!(" dates=\"{}\"", Joined(dates)))?
            }
            Period::DateRange { from, to } => {
                self.empty_attrs(kind, format_args!(" from=\"{from}\" to=\"{to}\""))?
            }
            Period::Month { year, month } => {
                self.empty_attrs(kind, format_args!(" year=\"{year}\" month=\"{month}\""))?
            }
            Period::Months { year, months } => self.empty_attrs(
                kind,
                format_args!(" year=\"{year}\" months=\"{}\"", Joined(months)),
            )?,
            Period::MonthRange { from, to } => {
                self.open(kind)?;
                self.empty_attrs(
                    "from",
                    format_args!(" year=\"{}\" month=\"{}\"", from.year, from.month),
                )?;
                self.empty_attrs(
                    "to",
                    format_args!(" year=\"{}\" month=\"{}\"", to.year, to.month),
                )?;
                self.close()?;
            }
            Period::Quarter { year, quarter } => {
                self.empty_attrs(kind, format_args!(" year=\"{year}\" quarter=\"{quarter}\""))?
            }
            Period::Quarters { year, from, to } => self.empty_attrs(
                kind,
                format_args!(" year=\"{year}\" from=\"{from}\" to=\"{to}\""),
            )?,
            Period::HalfYear { year, half } => {
                self.empty_attrs(kind, format_args!(" year=\"{year}\" half=\"{half}\""))?
            }
            Period::Year { year } => self.empty_attrs(kind, format_args!(" year=\"{year}\""))?,
            Period::YearRange { from, to } => {
                self.empty_attrs(kind, format_args!(" from=\"{from}\" to=\"{to}\""))?
            }
            Period::PartOfYear { year, part } => self.empty_attrs(
                kind,
                format_args!(" year=\"{year}\" part=\"{}\"", crate::year_part_code(*part)),
            )?,
            Period::TurnOfYear { year } => {
                self.empty_attrs(kind, format_args!(" year=\"{year}\""))?
            }
            Period::Since { start } => self.wrapped_period(kind, start)?,
            Period::Until { end } => self.wrapped_period(kind, end)?,
            Period::PartOf { part, of } => {
                self.open_attrs(
                    kind,
                    format_args!(" part=\"{}\"", crate::year_part_code(*part)),
                )?;
                self.period_kind(of)?;
                self.close()?;
            }
            Period::Deadline { end } => self.wrapped_period(kind, end)?,
            Period::Between { start, end } => {
                self.open(kind)?;
                self.wrapped_period("start", start)?;
                self.wrapped_period("end", end)?;
                self.close()?;
            }
        }
        Ok(())
    }

    /// `<name>` around one period: the shape of the open-ended periods and
    /// of the two ends of `between`.
    fn wrapped_period(&mut self, name: &'static str, p: &Period) -> Result<(), ExportError> {
        self.open(name)?;
        self.period_kind(p)?;
        self.close()
    }

    fn horizon(&mut self, name: &'static str, h: &Horizon) -> Result<(), ExportError> {
        self.open(name)?;
        match h {
            Horizon::Year { year } => self.empty_attrs("year", format_args!(" year=\"{year}\""))?,
            Horizon::Range { from, to } => {
                self.empty_attrs("range", format_args!(" from=\"{from}\" to=\"{to}\""))?
            }
            Horizon::OpenEnded { from } => {
                self.empty_attrs("openEnded", format_args!(" from=\"{from}\""))?
            }
        }
        self.close()
    }

    // ----- the concept, by the tables -----------------------------------------

    fn concept(&mut self, c: &'c Concept) -> Result<(), ExportError> {
        self.w
            .write_event(XmlEvent::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        self.indent()?;
        let id = match escape(c.id.as_str(), &mut self.esc, true) {
            Ok(v) => v,
            Err(e) => {
                self.stack.push(("concept", None));
                return Err(self.illegal(Some("@id"), e));
            }
        };
        self.tag.clear();
        let _ = write!(
            self.tag,
            "concept xmlns=\"{NAMESPACE}\" schemaVersion=\"{SCHEMA_VERSION}\" producer=\"{PRODUCER}\" id=\"{id}\""
        );
        let lang = match escape(c.main_language(), &mut self.esc, true) {
            Ok(v) => v,
            Err(e) => {
                self.stack.push(("concept", None));
                return Err(self.illegal(Some("languages"), e));
            }
        };
        let _ = write!(self.tag, " xml:lang=\"{lang}\"");
        self.w
            .write_event(XmlEvent::Start(BytesStart::from_content(
                self.tag.as_str(),
                "concept".len(),
            )))?;
        self.depth = 1;
        self.fresh = true;
        self.stack.push(("concept", None));
        self.fields(&schema::CONCEPT, c)?;
        self.close()
    }

    /// The child elements of `item` in the order of its table.
    fn fields(&mut self, table: &'static Complex, item: &'c dyn Fields) -> Result<(), ExportError> {
        for f in table.fields {
            self.field(table, f, item.value(f.name))?;
        }
        Ok(())
    }

    /// One field: left out when absent, a wrapper with one element per item
    /// for lists (left out when empty), else one element.
    fn field(
        &mut self,
        table: &'static Complex,
        f: &'static Field,
        value: Value<'c>,
    ) -> Result<(), ExportError> {
        match (f.occurs, value) {
            (Occurs::Opt, Value::None) => Ok(()),
            (Occurs::List(item), Value::List(items)) => {
                if items.len() == 0 {
                    return Ok(());
                }
                self.open(f.name)?;
                for i in 0..items.len() {
                    self.element(table, item, f.ty, items.at(i))?;
                }
                self.close()
            }
            (Occurs::List(_), value) | (Occurs::One, value @ Value::None) => {
                Err(self.mismatch(table, f.name, value))
            }
            (Occurs::One | Occurs::Opt, value) => self.element(table, f.name, f.ty, value),
        }
    }

    /// One element of XSD type `ty`.
    fn element(
        &mut self,
        table: &'static Complex,
        name: &'static str,
        ty: Ty,
        value: Value<'c>,
    ) -> Result<(), ExportError> {
        match (ty, value) {
            (Ty::Text, Value::Text(t)) => self.text(name, t),
            (Ty::Str | Ty::Id | Ty::Ref(_) | Ty::Lang | Ty::Key, Value::Str(s)) => {
                self.string(name, s)
            }
            (Ty::Code(_), Value::Code(c)) => Ok(self.code(name, c)?),
            (Ty::Year | Ty::UInt | Ty::Cycle | Ty::Level, Value::Int(n)) => {
                Ok(self.display(name, n)?)
            }
            (Ty::Date, Value::Date(d)) => Ok(self.display(name, d)?),
            (Ty::Number | Ty::Percent, Value::Number(x)) => Ok(self.display(name, Number(x))?),
            (Ty::Euro, Value::Euro(x)) => Ok(self.display(name, Amount(x))?),
            (Ty::Bool, Value::Flag(b)) => {
                if b {
                    self.leaf_escaped(name, "true")?;
                }
                Ok(())
            }
            (Ty::Period, Value::Period(p)) => self.period(name, p),
            (Ty::Horizon, Value::Horizon(h)) => self.horizon(name, h),
            (Ty::Complex(c), Value::Item(item)) => {
                match (c.id, item.id()) {
                    (true, Some(id)) => self.open_id(name, id)?,
                    (false, None) => self.open(name)?,
                    _ => return Err(self.mismatch(table, name, Value::Item(item))),
                }
                self.fields(c, item)?;
                self.close()
            }
            (_, value) => Err(self.mismatch(table, name, value)),
        }
    }

    /// The model and the table disagree: a bug of this crate, reported
    /// rather than written as a document the reader would refuse.
    fn mismatch(&self, table: &Complex, name: &str, value: Value<'_>) -> ExportError {
        let found = match value {
            Value::None => "no value",
            Value::Unknown => "no such field",
            Value::List(_) => "a list",
            Value::Item(_) => "a structure",
            _ => "a value of another type",
        };
        ExportError::Format {
            format: FORMAT_ID.to_owned(),
            message: format!(
                "internal error at {}: the table of {} has <{name}>, the model gives {found}",
                self.path(None),
                table.name
            ),
            source: None,
        }
    }
}

/// Items joined by single spaces (an `xs:list` value).
struct Joined<'a, T>(&'a [T]);

impl<T: fmt::Display> fmt::Display for Joined<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, x) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{x}")?;
        }
        Ok(())
    }
}

/// A finite number in the shortest form that reads back exactly
/// (`42.0`, `0.1`, `1e-7`), valid as `xs:double`.
pub(crate) struct Number(pub f64);

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

/// An amount in euros as `xs:decimal`: `125000` or `125000.50`.
pub(crate) struct Amount(pub Euro);

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cents = self.0.cents();
        let sign = if cents < 0 { "-" } else { "" };
        let abs = cents.unsigned_abs();
        let (euros, rest) = (abs / 100, abs % 100);
        if rest == 0 {
            write!(f, "{sign}{euros}")
        } else {
            write!(f, "{sign}{euros}.{rest:02}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn esc(s: &str, attr: bool) -> Result<String, (char, usize)> {
        let mut buf = String::new();
        escape(s, &mut buf, attr)
            .map(str::to_owned)
            .map_err(|e| (e.ch, e.position))
    }

    #[test]
    fn escapes_content_and_attributes() {
        assert_eq!(esc("a<b>&c]]>", false).unwrap(), "a&lt;b&gt;&amp;c]]&gt;");
        assert_eq!(esc("\"'\t\n\r", false).unwrap(), "\"'\t\n&#13;");
        assert_eq!(
            esc("\"'\t\n\r<", true).unwrap(),
            "&quot;'&#9;&#10;&#13;&lt;"
        );
        assert_eq!(
            esc("plain Ü 😀 \u{200F}", false).unwrap(),
            "plain Ü 😀 \u{200F}"
        );
        assert_eq!(esc("\u{FEFF}\u{FFFD}", false).unwrap(), "\u{FEFF}\u{FFFD}");
    }

    #[test]
    fn refuses_illegal_characters() {
        assert_eq!(esc("ab\u{1}", false), Err(('\u{1}', 3)));
        assert_eq!(esc("ä\u{FFFE}", true), Err(('\u{FFFE}', 2)));
        assert_eq!(esc("\u{FFFF}", false), Err(('\u{FFFF}', 1)));
        assert_eq!(esc("\u{B}", false), Err(('\u{B}', 1)));
    }

    #[test]
    fn formats_numbers_and_amounts() {
        assert_eq!(Number(42.0).to_string(), "42.0");
        assert_eq!(Number(0.1).to_string(), "0.1");
        assert_eq!(Number(-0.0).to_string(), "-0.0");
        assert_eq!(Number(1e-7).to_string().parse::<f64>().unwrap(), 1e-7);
        assert_eq!(
            Amount(Euro::from_cents(12_500_050)).to_string(),
            "125000.50"
        );
        assert_eq!(Amount(Euro::from_cents(-5)).to_string(), "-0.05");
        assert_eq!(Amount(Euro::from_euros(7)).to_string(), "7");
    }
}
