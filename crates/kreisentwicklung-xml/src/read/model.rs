//! The model layer of the reader: periods, horizons and the root by hand;
//! every other structure by the table of its complex type ([`Structure`]),
//! saying only where each field's value goes.

use std::borrow::Cow;

use kreisentwicklung_core::{
    Actor, ActorKind, Adoption, Baseline, BudgetLine, BudgetLink, Challenge, Collection,
    Commission, Concept, ConceptKind, ConceptStatus, Consultation, ConsultationRole, Costs,
    Coverage, CrossCuttingTheme, Date, Direction, Document, DocumentKind, DurationUnit, Edition,
    Euro, Event, EventKind, FieldOfAction, Funding, Goal, Horizon, Id, Indicator, Mandate, Measure,
    MeasureStatus, Membership, Milestone, Observation, Paper, Participant, ParticipantCount,
    Period, Predecessor, Reporting, ReportingKind, Resolution, ResolutionKind, StatusUpdate, Swot,
    Target, Territory, Text, TimeSpan, Vision, Votes, YearMonth, YearPart, SCHEMA_MAJOR,
};
use quick_xml::name::{QName, ResolveResult};

use super::input::Slice;
use super::split;
use crate::error::ImportError;
use crate::schema::{self, one, Complex, Field, Occurs, Ty};
use crate::{year_part_from_code, NAMESPACE, NAMESPACE_1_0, NAMESPACE_BASE};

/// The kinds of horizons, as element names.
const HORIZON_KINDS: &[&str] = &["year", "range", "openEnded"];

/// The start and end of "ab … bis …".
static BETWEEN: Complex = Complex {
    name: "between",
    doc: "",
    id: false,
    fields: &[one("start", Ty::Period), one("end", Ty::Period)],
};

/// What "Anfang", "Mitte" and "Ende" can be the part of.
const PART_OF_KINDS: &[&str] = &["month", "quarter", "halfYear"];

/// `<monthRange>` holds `<from>` and `<to>`.
static MONTH_RANGE: Complex = Complex {
    name: "monthRange",
    doc: "",
    id: false,
    fields: &[one("from", Ty::Year), one("to", Ty::Year)],
};
use super::input::Input;
use super::pull::*;
use super::scalar::parse_int;

/// The whole-number attributes of an element, each required, read in
/// order: `nums!(parser, &el, "year", "month")` is `(year, month)`.
macro_rules! nums {
    ($p:expr, $el:expr, $($name:literal),+) => {{
        let mut values = $p.attrs($el, [$($name),+])?.into_iter();
        ($($p.attr_num($el, $name, values.next().flatten())?,)+)
    }};
}

impl<I: Input> Parser<I> {
    fn period(&mut self, el: El) -> Res<Period> {
        self.no_attrs(&el)?;
        self.one_kind(&el, "period", Period::KINDS, |p, k, _| {
            p.period_kind(k, false)
        })
    }

    fn attr_num<T: std::str::FromStr>(
        &self,
        el: &El,
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

    fn attr_part(&self, el: &El, v: Option<Cow<'_, str>>) -> Res<YearPart> {
        let v = self.required(el, "part", v)?;
        year_part_from_code(trim_ws(&v)).ok_or_else(|| {
            self.err_at(
                el.pos,
                format!("attribute part: {:?} is not early, middle or late", &*v),
            )
        })
    }

    fn attr_date(&self, el: &El, name: &str, v: Option<Cow<'_, str>>) -> Res<Date> {
        let v = self.required(el, name, v)?;
        trim_ws(&v)
            .parse::<Date>()
            .map_err(|e| self.err_at(el.pos, format!("attribute {name}: {e}")))
    }

    fn period_kind(&mut self, el: El, nested: bool) -> Res<Period> {
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
                let (year, month) = nums!(self, &el, "year", "month");
                Period::Month { year, month }
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
                    let (year, month) = nums!(p, &e, "year", "month");
                    let ym = YearMonth::new(year, month);
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
                let (year, quarter) = nums!(self, &el, "year", "quarter");
                Period::Quarter { year, quarter }
            }
            "quarters" => {
                let (year, from, to) = nums!(self, &el, "year", "from", "to");
                Period::Quarters { year, from, to }
            }
            "halfYear" => {
                let (year, half) = nums!(self, &el, "year", "half");
                Period::HalfYear { year, half }
            }
            "year" => {
                let (year,) = nums!(self, &el, "year");
                Period::Year { year }
            }
            "yearRange" => {
                let (from, to) = nums!(self, &el, "from", "to");
                Period::YearRange { from, to }
            }
            "partOfYear" => {
                let [year, part] = self.attrs(&el, ["year", "part"])?;
                Period::PartOfYear {
                    year: self.attr_num(&el, "year", year)?,
                    part: self.attr_part(&el, part)?,
                }
            }
            "turnOfYear" => {
                let (year,) = nums!(self, &el, "year");
                Period::TurnOfYear { year }
            }
            "partOf" => {
                let [part] = self.attrs(&el, ["part"])?;
                let part = self.attr_part(&el, part)?;
                let of = self.one_kind(&el, "period", PART_OF_KINDS, |p, k, _| {
                    p.period_kind(k, true)
                })?;
                return Ok(Period::part_of(part, of));
            }
            "between" => {
                if nested {
                    return Err(self.err_at(
                        el.pos,
                        "<between> cannot stand inside another open period".to_owned(),
                    ));
                }
                self.no_attrs(&el)?;
                let (mut start, mut end) = (None, None);
                self.fields(&el, &BETWEEN, |p, f, e| {
                    p.no_attrs(&e)?;
                    let inner = p.one_kind(&e, "period", Period::KINDS, |p, k, _| {
                        p.period_kind(k, true)
                    })?;
                    if f.name == "start" {
                        start = Some(inner);
                    } else {
                        end = Some(inner);
                    }
                    Ok(())
                })?;
                return match (start, end) {
                    (Some(start), Some(end)) => Ok(Period::between(start, end)),
                    _ => Err(self.err_at(el.pos, "<between> needs <start> and <end>".to_owned())),
                };
            }
            kind @ ("since" | "until" | "deadline") => {
                if nested {
                    return Err(self.err_at(
                        el.pos,
                        format!("<{kind}> cannot stand inside another open period"),
                    ));
                }
                self.no_attrs(&el)?;
                let inner = self.one_kind(&el, "period", Period::KINDS, |p, k, _| {
                    p.period_kind(k, true)
                })?;
                return Ok(match kind {
                    "since" => Period::since(inner),
                    "until" => Period::until(inner),
                    _ => Period::deadline(inner),
                });
            }
            _ => unreachable!("period kinds are checked by one_kind"),
        };
        self.empty_content(&el)?;
        Ok(p)
    }

    fn horizon(&mut self, el: El) -> Res<Horizon> {
        self.no_attrs(&el)?;
        self.one_kind(&el, "horizon", HORIZON_KINDS, |p, k, _| {
            let h = match k.local() {
                "year" => {
                    let (year,) = nums!(p, &k, "year");
                    Horizon::Year { year }
                }
                "range" => {
                    let (from, to) = nums!(p, &k, "from", "to");
                    Horizon::Range { from, to }
                }
                _ => {
                    let (from,) = nums!(p, &k, "from");
                    Horizon::OpenEnded { from }
                }
            };
            p.empty_content(&k)?;
            Ok(h)
        })
    }

    pub(super) fn root(&mut self, el: El) -> Res<Concept> {
        {
            let (ns, local) = {
                let (ns, local) = self
                    .input
                    .resolver()
                    .resolve_element(QName(self.qname(&el)));
                let ns = match ns {
                    ResolveResult::Bound(ns) => Some(ns.into_inner().to_owned()),
                    _ => None,
                };
                (ns, local.into_inner().to_owned())
            };
            let local = local.as_str();
            match ns.as_deref() {
                Some(NAMESPACE) => {}
                // The form of 1.0: the same elements, texts as mixed content.
                Some(NAMESPACE_1_0) => {
                    self.dialect.namespace = NAMESPACE_1_0;
                    self.dialect.mixed_text = true;
                }
                // A later (or earlier) major version of the format; the
                // namespace is quoted so that stray whitespace shows.
                Some(ns)
                    if local == "concept"
                        && ns.starts_with(NAMESPACE_BASE)
                        && is_version_number(&ns[NAMESPACE_BASE.len()..]) =>
                {
                    let found = &ns[NAMESPACE_BASE.len()..];
                    return Err(ImportError::Version {
                        location: self.location(el.pos),
                        found: format!(
                            "namespace {ns:?} (version {found} of the XML form)"
                        ),
                        expected: format!(
                            "namespace {NAMESPACE:?} or {NAMESPACE_1_0:?} (schema major version {SCHEMA_MAJOR})"
                        ),
                    });
                }
                Some(ns) => {
                    return Err(self.err_at(
                        el.pos,
                        format!(
                            "the root element is <{local}> in namespace {ns:?}; expected <concept xmlns=\"{NAMESPACE}\">"
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
        self.root_tag = self.start_tag(&el).to_owned();
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
                found: format!("schemaVersion {version:?} (major version {major})"),
                expected: format!("schema version {SCHEMA_MAJOR}.x in namespace {NAMESPACE}"),
            });
        }
        let id = Id::new(trim_ws(&self.required(&el, "id", id)?));
        let lang = lang.map(|l| trim_ws(&l).to_owned());
        self.dialect.lang.clone_from(&lang);

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
                "territory" => c.territory = p.structure(e)?,
                "horizon" => c.horizon = Some(p.horizon(e)?),
                "status" => c.status = p.code::<ConceptStatus>(e)?,
                "edition" => c.edition = Some(p.structure(e)?),
                "predecessor" => c.predecessor = Some(p.structure(e)?),
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
                "vision" => c.vision = Some(p.structure(e)?),
                "guidingPrinciples" => c.guiding_principles = p.texts(e, item(f))?,
                "goalLevels" => c.goal_levels = p.texts(e, item(f))?,
                "fields" => c.fields = p.structures(e, f)?,
                "crossCuttingThemes" => c.cross_cutting_themes = p.structures(e, f)?,
                "goals" => c.goals = p.structures(e, f)?,
                "measures" => c.measures = p.long_list(e, f)?,
                "indicators" => c.indicators = p.long_list(e, f)?,
                "actors" => c.actors = p.structures(e, f)?,
                "events" => c.events = p.structures(e, f)?,
                "resolutions" => c.resolutions = p.structures(e, f)?,
                "documents" => c.documents = p.structures(e, f)?,
                "swot" => c.swot = p.structures(e, f)?,
                "processFunding" => c.process_funding = p.structures(e, f)?,
                "challenges" => c.challenges = p.structures(e, f)?,
                "reporting" => c.reporting = p.structures(e, f)?,
                "coverage" => c.coverage = p.structures(e, f)?,
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

    fn token_string(&mut self, el: El) -> Res<String> {
        self.no_attrs(&el)?;
        let v = self.token(&el)?;
        Ok(self.val(v).to_owned())
    }

    /// A structure of type `T`, read by its table: with its `id` attribute
    /// if the type has one, else without attributes.
    fn structure<T: Structure>(&mut self, el: El) -> Res<T> {
        let id = if T::table().id {
            self.item_id(&el)?
        } else {
            self.no_attrs(&el)?;
            Id::default()
        };
        let mut x = T::blank(id);
        self.fields(&el, T::table(), |p, f, e| x.set(p, f, e))?;
        Ok(x)
    }

    /// A list that may be long (measures, indicators): read as by
    /// [`Self::structures`], but the items after the first
    /// [`split::SEQUENTIAL_ITEMS`] are read on several threads ([`split`])
    /// where the input allows.
    fn long_list<T: Structure + Send>(&mut self, el: El, f: &Field) -> Res<Vec<T>> {
        let threads = split::threads();
        if threads == 0 || el.empty || self.input.unread_source().is_none() {
            return self.structures(el, f);
        }
        let item = item(f);
        let list_tag = self.start_tag(&el).to_owned();
        let mut out = Vec::new();
        self.list(el, item, |p, e| {
            out.push(p.structure(e)?);
            if out.len() == split::SEQUENTIAL_ITEMS {
                let name = |tag: &str| tag.split(is_xml_space).next().unwrap_or("").to_owned();
                let open = format!("<{}><{list_tag}>", p.root_tag);
                let close = format!("</{}></{}>", name(&list_tag), name(&p.root_tag));
                let dialect = p.dialect.clone();
                let read = |text: &str| chunk_items::<T>(text, &dialect, item);
                // Set first: an error of a chunk is reported as read on one
                // thread (see `super::read`).
                p.split_lists = true;
                if let Some(mut src) = p.input.unread_source() {
                    split::read_items(&mut *src, threads, &open, &close, &mut out, read)?;
                }
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// The structures of a list field: one `T` per item element.
    fn structures<T: Structure>(&mut self, el: El, f: &Field) -> Res<Vec<T>> {
        let mut out = Vec::new();
        self.list(el, item(f), |p, e| {
            out.push(p.structure(e)?);
            Ok(())
        })?;
        Ok(out)
    }
}

/// XML's white space, which ends a name in a tag.
fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// The items of a chunk of a list ([`split`]), read as the content of the
/// list element in `text`, which holds the root's and the list's start tags
/// as the document writes them (so that the same namespaces are in scope),
/// the chunk, and their end tags. Errors are the chunk's, placed in it; a
/// document with an error is read again on one thread to report it.
fn chunk_items<T: Structure>(text: &str, dialect: &Dialect, item: &'static str) -> Res<Vec<T>> {
    let mut p = Parser::new(Slice::new(text, false));
    p.dialect = dialect.clone();
    let mut out = Vec::new();
    match (p.child()?, p.child()?) {
        (Some(_root), Some(list)) => p.list(list, item, |p, e| {
            out.push(p.structure(e)?);
            Ok(())
        })?,
        _ => return Err(p.err("a chunk without its list")),
    }
    Ok(out)
}

/// The element name of the items of a list field.
fn item(f: &Field) -> &'static str {
    match f.occurs {
        Occurs::List(item) => item,
        Occurs::One | Occurs::Opt => f.name,
    }
}

/// A structure of the model read by the table of its complex type: the
/// table gives element names, order and occurrence; the type only says
/// where each field's value goes.
trait Structure: Sized {
    /// The table of its complex type.
    fn table() -> &'static Complex;
    /// A value to fill, with the item's id for types that have one.
    fn blank(id: Id) -> Self;
    /// Reads the field `f` from its element `e`.
    fn set<I: Input>(&mut self, p: &mut Parser<I>, f: &'static Field, e: El) -> Res<()>;
}

/// `impl Structure` for a model type: its table, its blank value (given
/// the id) and, for every field of the table, how to read it into `x`.
macro_rules! structure {
    ($ty:ty, $table:ident, |$id:pat_param| $blank:expr,
     |$x:ident, $p:ident, $f:ident, $e:ident| { $($name:literal => $read:expr,)* }) => {
        impl Structure for $ty {
            fn table() -> &'static Complex {
                &schema::$table
            }
            fn blank($id: Id) -> Self {
                $blank
            }
            #[allow(unused_variables)]
            fn set<I: Input>(&mut self, $p: &mut Parser<I>, $f: &'static Field, $e: El) -> Res<()> {
                let $x = self;
                match $f.name {
                    $($name => $read,)*
                    other => return Err($p.internal(other)),
                }
                Ok(())
            }
        }
    };
}

structure!(Territory, TERRITORY, |_| Territory::landkreis(""), |x, p, f, e| {
    "name" => x.name = p.text(e)?,
    "kind" => x.kind = p.code(e)?,
    "key" => x.key = Some(p.token_string(e)?),
    "state" => x.state = Some(p.code(e)?),
    "seat" => x.seat = p.opt_text(e)?,
});

structure!(Edition, EDITION, |_| Edition { number: None, year: None, label: None }, |x, p, f, e| {
    "number" => x.number = Some(p.parse(e, "a whole number")?),
    "year" => x.year = Some(p.year(e)?),
    "label" => x.label = p.opt_text(e)?,
});

structure!(Predecessor, PREDECESSOR, |_| Predecessor {
    concept: None,
    title: Text::default(),
    year: None,
    field_count: None,
    goals_remain_valid: false,
    note: None,
}, |x, p, f, e| {
    "concept" => x.concept = Some(p.id(e)?),
    "title" => x.title = p.text(e)?,
    "year" => x.year = Some(p.year(e)?),
    "fieldCount" => x.field_count = Some(p.parse(e, "a whole number")?),
    "goalsRemainValid" => x.goals_remain_valid = p.flag(e)?,
    "note" => x.note = p.opt_text(e)?,
});

structure!(Vision, VISION, |_| Vision::new(""), |x, p, f, e| {
    "text" => x.text = p.text(e)?,
    "year" => x.year = Some(p.year(e)?),
});

structure!(Challenge, CHALLENGE, |_| Challenge { text: Text::default(), details: Vec::new() }, |x, p, f, e| {
    "text" => x.text = p.text(e)?,
    "details" => x.details = p.texts(e, item(f))?,
});

structure!(FieldOfAction, FIELD_OF_ACTION, |id| FieldOfAction::new(id, ""), |x, p, f, e| {
    "number" => x.number = Some(p.string(e)?),
    "name" => x.name = p.text(e)?,
    "vision" => x.vision = Some(p.structure(e)?),
    "guidingPrinciples" => x.guiding_principles = p.texts(e, item(f))?,
    "description" => x.description = p.opt_text(e)?,
});

structure!(CrossCuttingTheme, CROSS_CUTTING_THEME, |id| CrossCuttingTheme::new(id, ""), |x, p, f, e| {
    "name" => x.name = p.text(e)?,
    "description" => x.description = p.opt_text(e)?,
    "fields" => x.fields = p.ids(e, item(f))?,
});

structure!(Swot, SWOT, |id| Swot {
    id,
    title: None,
    field: None,
    topics: Vec::new(),
    strengths: Vec::new(),
    weaknesses: Vec::new(),
    opportunities: Vec::new(),
    threats: Vec::new(),
    document: None,
}, |x, p, f, e| {
    "title" => x.title = p.opt_text(e)?,
    "field" => x.field = Some(p.id(e)?),
    "topics" => x.topics = p.texts(e, item(f))?,
    "strengths" => x.strengths = p.texts(e, item(f))?,
    "weaknesses" => x.weaknesses = p.texts(e, item(f))?,
    "opportunities" => x.opportunities = p.texts(e, item(f))?,
    "threats" => x.threats = p.texts(e, item(f))?,
    "document" => x.document = Some(p.id(e)?),
});

structure!(Goal, GOAL, |id| Goal::new(id, 0, ""), |x, p, f, e| {
    "number" => x.number = Some(p.string(e)?),
    "level" => x.level = p.parse(e, "a goal level from 1 to 5")?,
    "parent" => x.parent = Some(p.id(e)?),
    "title" => x.title = p.text(e)?,
    "shortTitle" => x.short_title = p.opt_text(e)?,
    "fields" => x.fields = p.ids(e, item(f))?,
    "priority" => x.priority = Some(p.code(e)?),
    "focusAreas" => x.focus_areas = p.texts(e, item(f))?,
    "description" => x.description = p.opt_text(e)?,
    "indicators" => x.indicators = p.ids(e, item(f))?,
});

structure!(Measure, MEASURE, |id| Measure::new(id, ""), |x, p, f, e| {
    "number" => x.number = Some(p.string(e)?),
    "title" => x.title = p.text(e)?,
    "description" => x.description = p.opt_text(e)?,
    "goals" => x.goals = p.ids(e, item(f))?,
    "fields" => x.fields = p.ids(e, item(f))?,
    "lead" => x.lead = Some(p.id(e)?),
    "partners" => x.partners = p.ids(e, item(f))?,
    "countyRole" => x.county_role = Some(p.code(e)?),
    "period" => x.period = Some(p.period(e)?),
    "timeHorizon" => x.time_horizon = Some(p.code(e)?),
    "priority" => x.priority = Some(p.code(e)?),
    "status" => x.status = Some(p.code::<MeasureStatus>(e)?),
    "statusHistory" => x.status_history = p.structures(e, f)?,
    "costs" => x.costs = Some(p.structure(e)?),
    "funding" => x.funding = p.structures(e, f)?,
    "budget" => x.budget = p.structures(e, f)?,
    "indicators" => x.indicators = p.ids(e, item(f))?,
    "documents" => x.documents = p.ids(e, item(f))?,
    "milestones" => x.milestones = p.structures(e, f)?,
});

structure!(StatusUpdate, STATUS_UPDATE, |_| StatusUpdate {
    date: Date::from_ymd(2000, 1, 1).expect("a valid date"),
    status: MeasureStatus::Planned,
    note: None,
}, |x, p, f, e| {
    "date" => x.date = p.date(e)?,
    "status" => x.status = p.code(e)?,
    "note" => x.note = p.opt_text(e)?,
});

structure!(Costs, COSTS, |_| Costs { amount: None, estimated: false, note: None }, |x, p, f, e| {
    "amount" => x.amount = Some(p.euro(e)?),
    "estimated" => x.estimated = p.flag(e)?,
    "note" => x.note = p.opt_text(e)?,
});

structure!(BudgetLine, BUDGET_LINE, |_| BudgetLine {
    year: 0,
    amount: Euro::default(),
    account: None,
    note: None,
}, |x, p, f, e| {
    "year" => x.year = p.year(e)?,
    "amount" => x.amount = p.euro(e)?,
    "account" => x.account = Some(p.string(e)?),
    "note" => x.note = p.opt_text(e)?,
});

structure!(Milestone, MILESTONE, |_| Milestone::new(""), |x, p, f, e| {
    "title" => x.title = p.text(e)?,
    "expected" => x.expected = Some(p.period(e)?),
    "reached" => x.reached = Some(p.date(e)?),
    "note" => x.note = p.opt_text(e)?,
});

structure!(Funding, FUNDING, |_| Funding::default(), |x, p, f, e| {
    "programme" => x.programme = Some(p.code(e)?),
    "programmeName" => x.programme_name = p.opt_text(e)?,
    "funder" => x.funder = Some(p.id(e)?),
    "sharePercent" => x.share_percent = Some(p.number(e)?),
    "amount" => x.amount = Some(p.euro(e)?),
    "period" => x.period = Some(p.period(e)?),
});

structure!(Indicator, INDICATOR, |id| Indicator::new(id, "", "", Direction::HigherIsBetter), |x, p, f, e| {
    "number" => x.number = Some(p.string(e)?),
    "name" => x.name = p.text(e)?,
    "unit" => x.unit = p.string(e)?,
    "direction" => x.direction = p.code(e)?,
    "description" => x.description = p.opt_text(e)?,
    "baseline" => x.baseline = Some(p.structure(e)?),
    "targets" => x.targets = p.structures(e, f)?,
    "observations" => x.observations = p.structures(e, f)?,
    "source" => x.source = p.opt_text(e)?,
});

structure!(Baseline, BASELINE, |_| Baseline { value: 0.0, period: None }, |x, p, f, e| {
    "value" => x.value = p.number(e)?,
    "period" => x.period = Some(p.period(e)?),
});

structure!(Target, TARGET, |_| Target { value: 0.0, due: None, aspirational: false }, |x, p, f, e| {
    "value" => x.value = p.number(e)?,
    "due" => x.due = Some(p.period(e)?),
    "aspirational" => x.aspirational = p.flag(e)?,
});

structure!(Observation, OBSERVATION, |_| Observation {
    value: 0.0,
    period: Period::year(1),
    note: None,
}, |x, p, f, e| {
    "value" => x.value = p.number(e)?,
    "period" => x.period = p.period(e)?,
    "note" => x.note = p.opt_text(e)?,
});

structure!(Actor, ACTOR, |id| Actor::new(id, ActorKind::Other, ""), |x, p, f, e| {
    "kind" => x.kind = p.code(e)?,
    "name" => x.name = p.text(e)?,
    "function" => x.function = p.opt_text(e)?,
    "organization" => x.organization = Some(p.id(e)?),
    "members" => x.members = p.structures(e, f)?,
    "description" => x.description = p.opt_text(e)?,
    "count" => x.count = Some(p.parse(e, "a whole number")?),
    "url" => x.url = Some(p.string(e)?),
    "commissioned" => x.commissioned = p.structures(e, f)?,
});

structure!(Membership, MEMBERSHIP, |_| Membership { actor: Id::default(), role: None, role_label: None }, |x, p, f, e| {
    "actor" => x.actor = p.id(e)?,
    "role" => x.role = Some(p.code(e)?),
    "roleLabel" => x.role_label = p.opt_text(e)?,
});

structure!(Commission, COMMISSION, |_| Commission { contractor: Id::default(), task: None }, |x, p, f, e| {
    "contractor" => x.contractor = p.id(e)?,
    "task" => x.task = p.opt_text(e)?,
});

structure!(Event, EVENT, |id| Event::new(id, EventKind::Other), |x, p, f, e| {
    "kind" => x.kind = p.code(e)?,
    "kindLabel" => x.kind_label = p.opt_text(e)?,
    "title" => x.title = p.opt_text(e)?,
    "period" => x.period = Some(p.period(e)?),
    "asNeeded" => x.as_needed = p.flag(e)?,
    "location" => x.location = p.opt_text(e)?,
    "audience" => p.list(e, item(f), |p, e| {
        x.audience.push(p.code(e)?);
        Ok(())
    })?,
    "audienceDescription" => x.audience_description = p.opt_text(e)?,
    "participants" => x.participants = p.structures(e, f)?,
    "participantCount" => x.participant_count = Some(p.structure(e)?),
    "fields" => x.fields = p.ids(e, item(f))?,
    "topics" => x.topics = p.texts(e, item(f))?,
    "purpose" => x.purpose = p.opt_text(e)?,
    "description" => x.description = p.opt_text(e)?,
    "outcome" => x.outcome = p.opt_text(e)?,
    "documents" => x.documents = p.ids(e, item(f))?,
    "press" => x.press = p.ids(e, item(f))?,
    "parent" => x.parent = Some(p.id(e)?),
    "occasion" => x.occasion = p.opt_text(e)?,
    "occurrences" => x.occurrences = Some(p.parse(e, "a whole number")?),
    "duration" => x.duration = Some(p.structure(e)?),
});

structure!(Participant, PARTICIPANT, |_| Participant { actor: Id::default(), role: None }, |x, p, f, e| {
    "actor" => x.actor = p.id(e)?,
    "role" => x.role = Some(p.code(e)?),
});

structure!(ParticipantCount, PARTICIPANT_COUNT, |_| ParticipantCount {
    value: 0,
    approximate: false,
    text: None,
}, |x, p, f, e| {
    "value" => x.value = p.parse(e, "a whole number")?,
    "approximate" => x.approximate = p.flag(e)?,
    "text" => x.text = p.opt_text(e)?,
});

structure!(TimeSpan, TIME_SPAN, |_| TimeSpan::new(0, DurationUnit::Months), |x, p, f, e| {
    "value" => x.value = p.parse(e, "a whole number")?,
    "unit" => x.unit = p.code(e)?,
});

structure!(Reporting, REPORTING, |_| Reporting::new(ReportingKind::Other), |x, p, f, e| {
    "kind" => x.kind = p.code(e)?,
    "frequency" => x.frequency = Some(p.code(e)?),
    "body" => x.body = Some(p.id(e)?),
    "sinceYear" => x.since_year = Some(p.year(e)?),
    "lastUpdated" => x.last_updated = Some(p.date(e)?),
    "url" => x.url = Some(p.string(e)?),
    "document" => x.document = Some(p.id(e)?),
    "note" => x.note = p.opt_text(e)?,
});

structure!(Coverage, COVERAGE, |_| Coverage::partial(Collection::Measures), |x, p, f, e| {
    "collection" => x.collection = p.code(e)?,
    "total" => x.total = Some(p.parse(e, "a whole number")?),
    "keptIn" => x.kept_in = p.opt_text(e)?,
    "document" => x.document = Some(p.id(e)?),
});

structure!(Resolution, RESOLUTION, |id| Resolution::new(id, ResolutionKind::Resolution, ""), |x, p, f, e| {
    "title" => x.title = p.text(e)?,
    "kind" => x.kind = p.code(e)?,
    "number" => x.number = Some(p.string(e)?),
    "paper" => x.paper = Some(p.structure(e)?),
    "consultations" => x.consultations = p.structures(e, f)?,
    "text" => x.text = p.opt_text(e)?,
    "adopts" => x.adopts = p.structures(e, f)?,
    "mandates" => x.mandates = p.structures(e, f)?,
    "documents" => x.documents = p.ids(e, item(f))?,
    "budget" => x.budget = p.structures(e, f)?,
});

structure!(Paper, PAPER, |_| Paper { reference: String::new(), prefix: None, title: None }, |x, p, f, e| {
    "reference" => x.reference = p.string(e)?,
    "prefix" => x.prefix = Some(p.string(e)?),
    "title" => x.title = p.opt_text(e)?,
});

structure!(Adoption, ADOPTION, |_| Adoption {
    subject: kreisentwicklung_core::AdoptionSubject::Concept,
    items: Vec::new(),
    note: None,
}, |x, p, f, e| {
    "subject" => x.subject = p.code(e)?,
    "items" => x.items = p.ids(e, item(f))?,
    "note" => x.note = p.opt_text(e)?,
});

structure!(Mandate, MANDATE, |_| Mandate { actor: Id::default(), task: Text::default(), due: None }, |x, p, f, e| {
    "actor" => x.actor = p.id(e)?,
    "task" => x.task = p.text(e)?,
    "due" => x.due = Some(p.period(e)?),
});

structure!(BudgetLink, BUDGET_LINK, |_| BudgetLink::year(0), |x, p, f, e| {
    "year" => x.year = p.year(e)?,
    "account" => x.account = Some(p.string(e)?),
    "note" => x.note = p.opt_text(e)?,
});

structure!(Consultation, CONSULTATION, |_| Consultation::new(Id::default(), ConsultationRole::Decide), |x, p, f, e| {
    "body" => x.body = p.id(e)?,
    "role" => x.role = p.code(e)?,
    "plannedDate" => x.planned_date = Some(p.date(e)?),
    "plannedPeriod" => x.planned_period = Some(p.period(e)?),
    "date" => x.date = Some(p.date(e)?),
    "period" => x.period = Some(p.period(e)?),
    "session" => x.session = Some(p.string(e)?),
    "agendaItem" => x.agenda_item = Some(p.string(e)?),
    "outcome" => x.outcome = Some(p.code(e)?),
    "votes" => x.votes = Some(p.structure(e)?),
    "note" => x.note = p.opt_text(e)?,
});

structure!(Votes, VOTES, |_| Votes::default(), |x, p, f, e| {
    "yes" => x.yes = Some(p.parse(e, "a whole number")?),
    "no" => x.no = Some(p.parse(e, "a whole number")?),
    "abstain" => x.abstain = Some(p.parse(e, "a whole number")?),
    "biased" => x.biased = Some(p.parse(e, "a whole number")?),
});

structure!(Document, DOCUMENT, |id| Document::new(id, DocumentKind::Other, ""), |x, p, f, e| {
    "kind" => x.kind = p.code(e)?,
    "title" => x.title = p.text(e)?,
    "date" => x.date = Some(p.period(e)?),
    "url" => x.url = Some(p.string(e)?),
    "mediaType" => x.media_type = Some(p.string(e)?),
    "language" => x.language = Some(p.token_string(e)?),
    "publisher" => x.publisher = p.opt_text(e)?,
    "issue" => x.issue = Some(p.string(e)?),
    "pages" => x.pages = Some(p.string(e)?),
    "authors" => x.authors = p.ids(e, item(f))?,
    "description" => x.description = p.opt_text(e)?,
});

/// A version at the end of the namespace: digits, or digits, dot, digits.
fn is_version_number(s: &str) -> bool {
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    match s.split_once('.') {
        Some((major, minor)) => digits(major) && digits(minor),
        None => digits(s),
    }
}
