//! The exporter: streams a concept as XML with `quick-xml`.
//!
//! Element names and order follow the tables in [`crate::schema`]; the
//! tests validate the output against the XSD generated from them. Nothing is
//! built in memory but two small scratch strings that are reused for every
//! start tag and every escaped text.

use std::fmt::{self, Write as _};
use std::io::{self, Write};

use kreisentwicklung_core::export::ExportError;
use kreisentwicklung_core::{
    Actor, BudgetLine, Challenge, CodeList, Concept, Consultation, Costs, CrossCuttingTheme,
    Document, Edition, Euro, Event, FieldOfAction, Funding, Goal, Horizon, Id, Indicator, ItemPath,
    Measure, Period, Predecessor, Resolution, Swot, Territory, Text, Vision, SCHEMA_VERSION,
};
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event as XmlEvent};
use quick_xml::Writer;

use crate::{NAMESPACE, PRODUCER};

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
        self.w
            .write_event(XmlEvent::Start(BytesStart::from_content(
                self.tag.as_str(),
                name.len(),
            )))?;
        self.depth += 1;
        self.fresh = true;
        self.stack.push((name, None));
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
        self.w
            .write_event(XmlEvent::Start(BytesStart::from_content(
                self.tag.as_str(),
                name.len(),
            )))?;
        self.depth += 1;
        self.fresh = true;
        self.stack.push((name, Some(id.as_str())));
        Ok(())
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

    fn opt_string(&mut self, name: &'static str, s: &Option<String>) -> Result<(), ExportError> {
        match s {
            Some(s) => self.string(name, s),
            None => Ok(()),
        }
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

    fn id(&mut self, name: &'static str, id: &Id) -> Result<(), ExportError> {
        self.string(name, id.as_str())
    }

    fn opt_id(&mut self, name: &'static str, id: &Option<Id>) -> Result<(), ExportError> {
        match id {
            Some(id) => self.string(name, id.as_str()),
            None => Ok(()),
        }
    }

    fn ids(
        &mut self,
        name: &'static str,
        item: &'static str,
        ids: &[Id],
    ) -> Result<(), ExportError> {
        if ids.is_empty() {
            return Ok(());
        }
        self.open(name)?;
        for id in ids {
            self.string(item, id.as_str())?;
        }
        self.close()
    }

    /// Multilingual text: the main text, then one `<translation xml:lang>`
    /// per translation, all on one line.
    fn text(&mut self, name: &'static str, t: &Text) -> Result<(), ExportError> {
        if t.translations.is_empty() {
            return self.string(name, &t.text);
        }
        self.indent()?;
        self.fresh = false;
        self.w.write_event(XmlEvent::Start(BytesStart::new(name)))?;
        match escape(&t.text, &mut self.esc, false) {
            Ok("") => {}
            Ok(v) => self
                .w
                .write_event(XmlEvent::Text(BytesText::from_escaped(v)))?,
            Err(e) => return Err(self.illegal(Some(name), e)),
        }
        for (lang, tr) in &t.translations {
            let lang = match escape(lang, &mut self.esc, true) {
                Ok(v) => v,
                Err(e) => return Err(self.illegal(Some(name), e)),
            };
            self.tag.clear();
            self.tag.push_str("translation xml:lang=\"");
            self.tag.push_str(lang);
            self.tag.push('"');
            let start = BytesStart::from_content(self.tag.as_str(), "translation".len());
            match escape(tr, &mut self.esc, false) {
                Ok("") => {
                    self.w.write_event(XmlEvent::Empty(start))?;
                }
                Ok(v) => {
                    self.w.write_event(XmlEvent::Start(start))?;
                    self.w
                        .write_event(XmlEvent::Text(BytesText::from_escaped(v)))?;
                    self.w
                        .write_event(XmlEvent::End(BytesEnd::new("translation")))?;
                }
                Err(e) => return Err(self.illegal(Some(name), e)),
            }
        }
        self.w.write_event(XmlEvent::End(BytesEnd::new(name)))?;
        Ok(())
    }

    fn opt_text(&mut self, name: &'static str, t: &Option<Text>) -> Result<(), ExportError> {
        match t {
            Some(t) => self.text(name, t),
            None => Ok(()),
        }
    }

    fn texts(
        &mut self,
        name: &'static str,
        item: &'static str,
        ts: &[Text],
    ) -> Result<(), ExportError> {
        if ts.is_empty() {
            return Ok(());
        }
        self.open(name)?;
        for t in ts {
            self.text(item, t)?;
        }
        self.close()
    }

    /// A coded value: `<name listURI="…" listVersionID="…">code</name>`.
    fn code<C: CodeList>(&mut self, name: &'static str, c: C) -> io::Result<()> {
        self.indent()?;
        self.fresh = false;
        self.tag.clear();
        self.tag.push_str(name);
        self.tag.push_str(" listURI=\"");
        self.tag.push_str(C::LIST_ID);
        self.tag.push_str("\" listVersionID=\"");
        self.tag.push_str(C::LIST_VERSION);
        self.tag.push('"');
        self.w
            .write_event(XmlEvent::Start(BytesStart::from_content(
                self.tag.as_str(),
                name.len(),
            )))?;
        self.w
            .write_event(XmlEvent::Text(BytesText::from_escaped(c.code())))?;
        self.w.write_event(XmlEvent::End(BytesEnd::new(name)))
    }

    fn opt_code<C: CodeList>(&mut self, name: &'static str, c: Option<C>) -> io::Result<()> {
        match c {
            Some(c) => self.code(name, c),
            None => Ok(()),
        }
    }

    fn opt_display(&mut self, name: &str, v: Option<impl fmt::Display>) -> io::Result<()> {
        match v {
            Some(v) => self.display(name, v),
            None => Ok(()),
        }
    }

    fn flag(&mut self, name: &str, v: bool) -> io::Result<()> {
        if v {
            self.leaf_escaped(name, "true")?;
        }
        Ok(())
    }

    fn number(&mut self, name: &str, v: f64) -> io::Result<()> {
        self.display(name, Number(v))
    }

    fn euro(&mut self, name: &str, v: Euro) -> io::Result<()> {
        self.display(name, Amount(v))
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

    fn opt_period(&mut self, name: &'static str, p: &Option<Period>) -> Result<(), ExportError> {
        match p {
            Some(p) => self.period(name, p),
            None => Ok(()),
        }
    }

    fn period_kind(&mut self, p: &Period) -> Result<(), ExportError> {
        match p {
            Period::Day { date } => self.empty_attrs("day", format_args!(" date=\"{date}\""))?,
            Period::Days { dates } => {
                self.empty_attrs("days", format_args!(" dates=\"{}\"", Joined(dates)))?
            }
            Period::DateRange { from, to } => {
                self.empty_attrs("dateRange", format_args!(" from=\"{from}\" to=\"{to}\""))?
            }
            Period::Month { year, month } => {
                self.empty_attrs("month", format_args!(" year=\"{year}\" month=\"{month}\""))?
            }
            Period::Months { year, months } => self.empty_attrs(
                "months",
                format_args!(" year=\"{year}\" months=\"{}\"", Joined(months)),
            )?,
            Period::MonthRange { from, to } => {
                self.open("monthRange")?;
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
            Period::Quarter { year, quarter } => self.empty_attrs(
                "quarter",
                format_args!(" year=\"{year}\" quarter=\"{quarter}\""),
            )?,
            Period::Quarters { year, from, to } => self.empty_attrs(
                "quarters",
                format_args!(" year=\"{year}\" from=\"{from}\" to=\"{to}\""),
            )?,
            Period::HalfYear { year, half } => {
                self.empty_attrs("halfYear", format_args!(" year=\"{year}\" half=\"{half}\""))?
            }
            Period::Year { year } => self.empty_attrs("year", format_args!(" year=\"{year}\""))?,
            Period::YearRange { from, to } => {
                self.empty_attrs("yearRange", format_args!(" from=\"{from}\" to=\"{to}\""))?
            }
            Period::PartOfYear { year, part } => self.empty_attrs(
                "partOfYear",
                format_args!(" year=\"{year}\" part=\"{}\"", crate::year_part_code(*part)),
            )?,
            Period::TurnOfYear { year } => {
                self.empty_attrs("turnOfYear", format_args!(" year=\"{year}\""))?
            }
            Period::Since { start } => {
                self.open("since")?;
                self.period_kind(start)?;
                self.close()?;
            }
            Period::Until { end } => {
                self.open("until")?;
                self.period_kind(end)?;
                self.close()?;
            }
            Period::PartOf { part, of } => {
                self.open_attrs(
                    "partOf",
                    format_args!(" part=\"{}\"", crate::year_part_code(*part)),
                )?;
                self.period_kind(of)?;
                self.close()?;
            }
            Period::Deadline { end } => {
                self.open("deadline")?;
                self.period_kind(end)?;
                self.close()?;
            }
            Period::Between { start, end } => {
                self.open("between")?;
                self.open("start")?;
                self.period_kind(start)?;
                self.close()?;
                self.open("end")?;
                self.period_kind(end)?;
                self.close()?;
                self.close()?;
            }
        }
        Ok(())
    }

    fn horizon(&mut self, h: &Horizon) -> Result<(), ExportError> {
        self.open("horizon")?;
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

    // ----- the concept --------------------------------------------------------

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

        self.text("title", &c.title)?;
        self.opt_text("shortTitle", &c.short_title)?;
        self.code("kind", c.kind)?;
        self.opt_text("kindLabel", &c.kind_label)?;
        self.territory(&c.territory)?;
        if let Some(h) = &c.horizon {
            self.horizon(h)?;
        }
        self.code("status", c.status)?;
        if let Some(e) = &c.edition {
            self.edition(e)?;
        }
        if let Some(p) = &c.predecessor {
            self.predecessor(p)?;
        }
        self.opt_display("revisionCycleYears", c.revision_cycle_years)?;
        if !c.languages.is_empty() {
            self.open("languages")?;
            for l in &c.languages {
                self.string("language", l)?;
            }
            self.close()?;
        }
        self.opt_text("description", &c.description)?;
        if let Some(v) = &c.vision {
            self.vision(v)?;
        }
        self.texts("guidingPrinciples", "principle", &c.guiding_principles)?;
        self.texts("goalLevels", "goalLevel", &c.goal_levels)?;
        self.items("fields", &c.fields, Self::field_of_action)?;
        self.items(
            "crossCuttingThemes",
            &c.cross_cutting_themes,
            Self::cross_cutting_theme,
        )?;
        self.items("goals", &c.goals, Self::goal)?;
        self.items("measures", &c.measures, Self::measure)?;
        self.items("indicators", &c.indicators, Self::indicator)?;
        self.items("actors", &c.actors, Self::actor)?;
        self.items("events", &c.events, Self::event)?;
        self.items("resolutions", &c.resolutions, Self::resolution)?;
        self.items("documents", &c.documents, Self::document)?;
        self.items("swot", &c.swot, Self::swot)?;
        self.fundings("processFunding", &c.process_funding)?;
        self.items("challenges", &c.challenges, Self::challenge)?;
        self.items("reporting", &c.reporting, |x, r| {
            x.open("channel")?;
            x.code("kind", r.kind)?;
            x.opt_code("frequency", r.frequency)?;
            x.opt_id("body", &r.body)?;
            x.opt_display("sinceYear", r.since_year)?;
            x.opt_display("lastUpdated", r.last_updated)?;
            x.opt_string("url", &r.url)?;
            x.opt_id("document", &r.document)?;
            x.opt_text("note", &r.note)?;
            x.close()
        })?;
        self.items("coverage", &c.coverage, |x, k| {
            x.open("partialList")?;
            x.code("collection", k.collection)?;
            x.opt_display("total", k.total)?;
            x.opt_text("keptIn", &k.kept_in)?;
            x.opt_id("document", &k.document)?;
            x.close()
        })?;
        self.close()
    }

    /// A wrapper element with one item per entry, skipped when empty.
    fn items<T>(
        &mut self,
        name: &'static str,
        items: &'c [T],
        mut f: impl FnMut(&mut Self, &'c T) -> Result<(), ExportError>,
    ) -> Result<(), ExportError> {
        if items.is_empty() {
            return Ok(());
        }
        self.open(name)?;
        for item in items {
            f(self, item)?;
        }
        self.close()
    }

    fn territory(&mut self, t: &Territory) -> Result<(), ExportError> {
        self.open("territory")?;
        self.text("name", &t.name)?;
        self.code("kind", t.kind)?;
        self.opt_string("key", &t.key)?;
        self.opt_code("state", t.state)?;
        self.opt_text("seat", &t.seat)?;
        self.close()
    }

    fn edition(&mut self, e: &Edition) -> Result<(), ExportError> {
        self.open("edition")?;
        self.opt_display("number", e.number)?;
        self.opt_display("year", e.year)?;
        self.opt_text("label", &e.label)?;
        self.close()
    }

    fn predecessor(&mut self, p: &Predecessor) -> Result<(), ExportError> {
        self.open("predecessor")?;
        self.opt_id("concept", &p.concept)?;
        self.text("title", &p.title)?;
        self.opt_display("year", p.year)?;
        self.opt_display("fieldCount", p.field_count)?;
        self.flag("goalsRemainValid", p.goals_remain_valid)?;
        self.opt_text("note", &p.note)?;
        self.close()
    }

    fn vision(&mut self, v: &Vision) -> Result<(), ExportError> {
        self.open("vision")?;
        self.text("text", &v.text)?;
        self.opt_display("year", v.year)?;
        self.close()
    }

    fn challenge(&mut self, c: &'c Challenge) -> Result<(), ExportError> {
        self.open("challenge")?;
        self.text("text", &c.text)?;
        self.texts("details", "detail", &c.details)?;
        self.close()
    }

    fn field_of_action(&mut self, f: &'c FieldOfAction) -> Result<(), ExportError> {
        self.open_id("field", &f.id)?;
        self.opt_string("number", &f.number)?;
        self.text("name", &f.name)?;
        if let Some(v) = &f.vision {
            self.vision(v)?;
        }
        self.texts("guidingPrinciples", "principle", &f.guiding_principles)?;
        self.opt_text("description", &f.description)?;
        self.close()
    }

    fn cross_cutting_theme(&mut self, t: &'c CrossCuttingTheme) -> Result<(), ExportError> {
        self.open_id("crossCuttingTheme", &t.id)?;
        self.text("name", &t.name)?;
        self.opt_text("description", &t.description)?;
        self.ids("fields", "field", &t.fields)?;
        self.close()
    }

    fn swot(&mut self, s: &'c Swot) -> Result<(), ExportError> {
        self.open_id("analysis", &s.id)?;
        self.opt_text("title", &s.title)?;
        self.opt_id("field", &s.field)?;
        self.texts("topics", "topic", &s.topics)?;
        self.texts("strengths", "strength", &s.strengths)?;
        self.texts("weaknesses", "weakness", &s.weaknesses)?;
        self.texts("opportunities", "opportunity", &s.opportunities)?;
        self.texts("threats", "threat", &s.threats)?;
        self.opt_id("document", &s.document)?;
        self.close()
    }

    fn goal(&mut self, g: &'c Goal) -> Result<(), ExportError> {
        self.open_id("goal", &g.id)?;
        self.opt_string("number", &g.number)?;
        self.display("level", g.level)?;
        self.opt_id("parent", &g.parent)?;
        self.text("title", &g.title)?;
        self.opt_text("shortTitle", &g.short_title)?;
        self.ids("fields", "field", &g.fields)?;
        self.opt_code("priority", g.priority)?;
        self.texts("focusAreas", "focusArea", &g.focus_areas)?;
        self.opt_text("description", &g.description)?;
        self.ids("indicators", "indicator", &g.indicators)?;
        self.close()
    }

    fn measure(&mut self, m: &'c Measure) -> Result<(), ExportError> {
        self.open_id("measure", &m.id)?;
        self.opt_string("number", &m.number)?;
        self.text("title", &m.title)?;
        self.opt_text("description", &m.description)?;
        self.ids("goals", "goal", &m.goals)?;
        self.ids("fields", "field", &m.fields)?;
        self.opt_id("lead", &m.lead)?;
        self.ids("partners", "partner", &m.partners)?;
        self.opt_code("countyRole", m.county_role)?;
        self.opt_period("period", &m.period)?;
        self.opt_code("timeHorizon", m.time_horizon)?;
        self.opt_code("priority", m.priority)?;
        self.opt_code("status", m.status)?;
        self.items("statusHistory", &m.status_history, |x, u| {
            x.open("statusUpdate")?;
            x.display("date", u.date)?;
            x.code("status", u.status)?;
            x.opt_text("note", &u.note)?;
            x.close()
        })?;
        if let Some(c) = &m.costs {
            self.costs(c)?;
        }
        self.fundings("funding", &m.funding)?;
        self.items("budget", &m.budget, Self::budget_line)?;
        self.ids("indicators", "indicator", &m.indicators)?;
        self.ids("documents", "document", &m.documents)?;
        self.items("milestones", &m.milestones, |x, s| {
            x.open("milestone")?;
            x.text("title", &s.title)?;
            x.opt_period("expected", &s.expected)?;
            x.opt_display("reached", s.reached)?;
            x.opt_text("note", &s.note)?;
            x.close()
        })?;
        self.close()
    }

    fn costs(&mut self, c: &Costs) -> Result<(), ExportError> {
        self.open("costs")?;
        if let Some(a) = c.amount {
            self.euro("amount", a)?;
        }
        self.flag("estimated", c.estimated)?;
        self.opt_text("note", &c.note)?;
        self.close()
    }

    fn fundings(&mut self, name: &'static str, fs: &'c [Funding]) -> Result<(), ExportError> {
        self.items(name, fs, |x, f| {
            x.open("source")?;
            x.opt_code("programme", f.programme)?;
            x.opt_text("programmeName", &f.programme_name)?;
            x.opt_id("funder", &f.funder)?;
            if let Some(s) = f.share_percent {
                x.number("sharePercent", s)?;
            }
            if let Some(a) = f.amount {
                x.euro("amount", a)?;
            }
            x.opt_period("period", &f.period)?;
            x.close()
        })
    }

    fn budget_line(&mut self, b: &'c BudgetLine) -> Result<(), ExportError> {
        self.open("budgetLine")?;
        self.display("year", b.year)?;
        self.euro("amount", b.amount)?;
        self.opt_string("account", &b.account)?;
        self.opt_text("note", &b.note)?;
        self.close()
    }

    fn indicator(&mut self, i: &'c Indicator) -> Result<(), ExportError> {
        self.open_id("indicator", &i.id)?;
        self.opt_string("number", &i.number)?;
        self.text("name", &i.name)?;
        self.string("unit", &i.unit)?;
        self.code("direction", i.direction)?;
        self.opt_text("description", &i.description)?;
        if let Some(b) = &i.baseline {
            self.open("baseline")?;
            self.number("value", b.value)?;
            self.opt_period("period", &b.period)?;
            self.close()?;
        }
        self.items("targets", &i.targets, |x, t| {
            x.open("target")?;
            x.number("value", t.value)?;
            x.opt_period("due", &t.due)?;
            x.flag("aspirational", t.aspirational)?;
            x.close()
        })?;
        self.items("observations", &i.observations, |x, o| {
            x.open("observation")?;
            x.number("value", o.value)?;
            x.period("period", &o.period)?;
            x.opt_text("note", &o.note)?;
            x.close()
        })?;
        self.opt_text("source", &i.source)?;
        self.close()
    }

    fn actor(&mut self, a: &'c Actor) -> Result<(), ExportError> {
        self.open_id("actor", &a.id)?;
        self.code("kind", a.kind)?;
        self.text("name", &a.name)?;
        self.opt_text("function", &a.function)?;
        self.opt_id("organization", &a.organization)?;
        self.items("members", &a.members, |x, m| {
            x.open("member")?;
            x.id("actor", &m.actor)?;
            x.opt_code("role", m.role)?;
            x.opt_text("roleLabel", &m.role_label)?;
            x.close()
        })?;
        self.opt_text("description", &a.description)?;
        self.opt_display("count", a.count)?;
        self.opt_string("url", &a.url)?;
        self.items("commissioned", &a.commissioned, |x, k| {
            x.open("commission")?;
            x.id("contractor", &k.contractor)?;
            x.opt_text("task", &k.task)?;
            x.close()
        })?;
        self.close()
    }

    fn event(&mut self, e: &'c Event) -> Result<(), ExportError> {
        self.open_id("event", &e.id)?;
        self.code("kind", e.kind)?;
        self.opt_text("kindLabel", &e.kind_label)?;
        self.opt_text("title", &e.title)?;
        self.opt_period("period", &e.period)?;
        self.flag("asNeeded", e.as_needed)?;
        self.opt_text("location", &e.location)?;
        self.items("audience", &e.audience, |x, a| Ok(x.code("group", *a)?))?;
        self.opt_text("audienceDescription", &e.audience_description)?;
        self.items("participants", &e.participants, |x, p| {
            x.open("participant")?;
            x.id("actor", &p.actor)?;
            x.opt_code("role", p.role)?;
            x.close()
        })?;
        if let Some(n) = &e.participant_count {
            self.open("participantCount")?;
            self.display("value", n.value)?;
            self.flag("approximate", n.approximate)?;
            self.opt_text("text", &n.text)?;
            self.close()?;
        }
        self.ids("fields", "field", &e.fields)?;
        self.texts("topics", "topic", &e.topics)?;
        self.opt_text("purpose", &e.purpose)?;
        self.opt_text("description", &e.description)?;
        self.opt_text("outcome", &e.outcome)?;
        self.ids("documents", "document", &e.documents)?;
        self.ids("press", "document", &e.press)?;
        self.opt_id("parent", &e.parent)?;
        self.opt_text("occasion", &e.occasion)?;
        self.opt_display("occurrences", e.occurrences)?;
        if let Some(d) = &e.duration {
            self.open("duration")?;
            self.display("value", d.value)?;
            self.code("unit", d.unit)?;
            self.close()?;
        }
        self.close()
    }

    fn resolution(&mut self, r: &'c Resolution) -> Result<(), ExportError> {
        self.open_id("resolution", &r.id)?;
        self.text("title", &r.title)?;
        self.code("kind", r.kind)?;
        self.opt_string("number", &r.number)?;
        if let Some(p) = &r.paper {
            self.open("paper")?;
            self.string("reference", &p.reference)?;
            self.opt_string("prefix", &p.prefix)?;
            self.opt_text("title", &p.title)?;
            self.close()?;
        }
        self.items("consultations", &r.consultations, Self::consultation)?;
        self.opt_text("text", &r.text)?;
        self.items("adopts", &r.adopts, |x, a| {
            x.open("adoption")?;
            x.code("subject", a.subject)?;
            x.ids("items", "item", &a.items)?;
            x.opt_text("note", &a.note)?;
            x.close()
        })?;
        self.items("mandates", &r.mandates, |x, m| {
            x.open("mandate")?;
            x.id("actor", &m.actor)?;
            x.text("task", &m.task)?;
            x.opt_period("due", &m.due)?;
            x.close()
        })?;
        self.ids("documents", "document", &r.documents)?;
        self.items("budget", &r.budget, |x, b| {
            x.open("budgetLink")?;
            x.display("year", b.year)?;
            x.opt_string("account", &b.account)?;
            x.opt_text("note", &b.note)?;
            x.close()
        })?;
        self.close()
    }

    fn consultation(&mut self, k: &'c Consultation) -> Result<(), ExportError> {
        self.open("consultation")?;
        self.id("body", &k.body)?;
        self.code("role", k.role)?;
        self.opt_display("plannedDate", k.planned_date)?;
        self.opt_period("plannedPeriod", &k.planned_period)?;
        self.opt_display("date", k.date)?;
        self.opt_period("period", &k.period)?;
        self.opt_string("session", &k.session)?;
        self.opt_string("agendaItem", &k.agenda_item)?;
        self.opt_code("outcome", k.outcome)?;
        if let Some(v) = &k.votes {
            self.open("votes")?;
            self.opt_display("yes", v.yes)?;
            self.opt_display("no", v.no)?;
            self.opt_display("abstain", v.abstain)?;
            self.opt_display("biased", v.biased)?;
            self.close()?;
        }
        self.opt_text("note", &k.note)?;
        self.close()
    }

    fn document(&mut self, d: &'c Document) -> Result<(), ExportError> {
        self.open_id("document", &d.id)?;
        self.code("kind", d.kind)?;
        self.text("title", &d.title)?;
        self.opt_period("date", &d.date)?;
        self.opt_string("url", &d.url)?;
        self.opt_string("mediaType", &d.media_type)?;
        self.opt_string("language", &d.language)?;
        self.opt_text("publisher", &d.publisher)?;
        self.opt_string("issue", &d.issue)?;
        self.opt_string("pages", &d.pages)?;
        self.ids("authors", "author", &d.authors)?;
        self.opt_text("description", &d.description)?;
        self.close()
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
