//! The model layer of the reader: one method per type of the concept.

use std::borrow::Cow;

use kreisentwicklung_core::{
    Actor, ActorKind, Adoption, Baseline, BudgetLine, BudgetLink, Challenge, Collection,
    Commission, Concept, ConceptKind, ConceptStatus, Consultation, ConsultationRole, Costs,
    Coverage, CrossCuttingTheme, Date, Direction, Document, DocumentKind, DurationUnit, Edition,
    Euro, Event, EventKind, FieldOfAction, Funding, Goal, Horizon, Id, Indicator, Mandate, Measure,
    MeasureStatus, Membership, Milestone, Observation, Paper, Participant, ParticipantCount,
    Period, Predecessor, Reporting, ReportingKind, Resolution, ResolutionKind, StatusUpdate, Swot,
    Target, Territory, Text, TimeSpan, Vision, Votes, YearMonth, SCHEMA_MAJOR,
};
use quick_xml::name::ResolveResult;

use crate::error::ImportError;
use crate::schema::{self, one, Complex, Ty};
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
use super::pull::*;

impl<'a> Parser<'a> {
    fn period(&mut self, el: El<'a>) -> Res<Period> {
        self.no_attrs(&el)?;
        self.one_kind(&el, "period", Period::KINDS, |p, k, _| {
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
            "partOf" => {
                let [part] = self.attrs(&el, ["part"])?;
                let part = self.required(&el, "part", part)?;
                let part = year_part_from_code(trim_ws(&part)).ok_or_else(|| {
                    self.err_at(
                        el.pos,
                        format!("attribute part: {:?} is not early, middle or late", &*part),
                    )
                })?;
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

    pub(super) fn root(&mut self, el: El<'a>) -> Res<Concept> {
        {
            let (ns, local) = self.r.resolver().resolve_element(el.start.name());
            let local = local.into_inner();
            match ns {
                ResolveResult::Bound(ns) if ns.into_inner() == NAMESPACE => {}
                // The form of 1.0: the same elements, texts as mixed content.
                ResolveResult::Bound(ns) if ns.into_inner() == NAMESPACE_1_0 => {
                    self.dialect.namespace = NAMESPACE_1_0;
                    self.dialect.mixed_text = true;
                }
                // A later (or earlier) major version of the format; the
                // namespace is quoted so that stray whitespace shows.
                ResolveResult::Bound(ns)
                    if local == "concept"
                        && ns.into_inner().starts_with(NAMESPACE_BASE)
                        && is_version_number(&ns.into_inner()[NAMESPACE_BASE.len()..]) =>
                {
                    let found = &ns.into_inner()[NAMESPACE_BASE.len()..];
                    return Err(ImportError::Version {
                        location: self.location(el.pos),
                        found: format!(
                            "namespace {:?} (version {found} of the XML form)",
                            ns.into_inner()
                        ),
                        expected: format!(
                            "namespace {NAMESPACE:?} or {NAMESPACE_1_0:?} (schema major version {SCHEMA_MAJOR})"
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
                "plannedPeriod" => x.planned_period = Some(p.period(e)?),
                "date" => x.date = Some(p.date(e)?),
                "period" => x.period = Some(p.period(e)?),
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

/// A version at the end of the namespace: digits, or digits, dot, digits.
fn is_version_number(s: &str) -> bool {
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    match s.split_once('.') {
        Some((major, minor)) => digits(major) && digits(minor),
        None => digits(s),
    }
}
