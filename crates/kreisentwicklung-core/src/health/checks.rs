//! The checks: one walk over the concept that counts its findings or
//! hands them over one at a time.

use std::collections::HashMap;
use std::ops::ControlFlow;

use super::links::Links;
use super::names::{count, name, short};
use super::schedule::{in_force_since, review_schedule, StartBasis};
use super::{Finding, FindingCode, FindingCounts, HealthOptions, Severity};
use crate::index::{ConceptIndex, InOrder};
use crate::{Concept, ConceptStatus, ItemPath, MeasureStatus, Outcome, Period, TimeHorizon};

/// Runs the checks on the concept of `index` and hands the findings (of
/// `only` one severity, or all) to `to`, in the order of the checks, until
/// it says stop; returns true when it did.
pub(crate) fn emit(
    index: &ConceptIndex<'_>,
    options: &HealthOptions,
    only: Option<Severity>,
    to: &mut dyn FnMut(Finding) -> ControlFlow<()>,
) -> bool {
    let mut checker = Checker::new(
        index,
        options,
        Sink::Emit {
            only,
            to,
            stopped: false,
        },
    );
    checker.run();
    matches!(checker.sink, Sink::Emit { stopped: true, .. })
}

/// Counts the findings of each severity without formatting a message or
/// a path.
pub(crate) fn count_all(index: &ConceptIndex<'_>, options: &HealthOptions) -> FindingCounts {
    let mut checker = Checker::new(index, options, Sink::Count(FindingCounts::default()));
    checker.run();
    match checker.sink {
        Sink::Count(counts) => counts,
        Sink::Emit { .. } => FindingCounts::default(),
    }
}

/// Where the checks put their findings.
enum Sink<'s> {
    /// Count them; format nothing.
    Count(FindingCounts),
    /// Format the findings (of one severity, or all) and hand them over
    /// until the receiver says stop.
    Emit {
        only: Option<Severity>,
        to: &'s mut dyn FnMut(Finding) -> ControlFlow<()>,
        stopped: bool,
    },
}

struct Checker<'i, 'a, 's> {
    c: &'a Concept,
    o: &'i HealthOptions,
    sink: Sink<'s>,
    index: &'i ConceptIndex<'a>,
    /// The indicators, which grow with the catalogue, are found in list
    /// order first ([`InOrder`]).
    indicator_ids: InOrder<'i, 'a, crate::Indicator>,
    /// What the measures are linked to, found in one walk of their goal
    /// and field lists (at 100,000 measures each list is a cache miss), for
    /// the checks of goals and measures.
    links: Links,
}

impl<'i, 'a, 's> Checker<'i, 'a, 's> {
    fn new(index: &'i ConceptIndex<'a>, o: &'i HealthOptions, sink: Sink<'s>) -> Self {
        let c = index.concept();
        Checker {
            c,
            o,
            sink,
            index,
            indicator_ids: InOrder::new(&c.indicators, |i| &i.id, &index.cells().indicators),
            links: Links::default(),
        }
    }

    /// Runs every check, in the order of the code table. The checks that
    /// walk a whole catalogue run only when their findings are wanted: a
    /// stream of one severity (see [`emit`]) then walks the
    /// measures and indicators once in all instead of once per severity.
    fn run(&mut self) {
        use FindingCode as C;
        self.no_measures();
        self.no_goal_priorities();
        if self.wants(C::SingleActorCatalogue) {
            self.single_actor_catalogue();
        }
        self.no_public_participation();
        self.review_overdue();
        self.short_horizon();
        if [
            C::MeasuresLinkedToFields,
            C::GoalWithoutMeasures,
            C::MeasureWithoutGoal,
        ]
        .into_iter()
        .any(|code| self.wants(code))
        {
            self.links = Links::of(self.index);
        }
        self.measures_linked_to_fields();
        self.goals_without_measures();
        if [
            C::MeasureWithoutGoal,
            C::MeasureWithoutLead,
            C::MeasureWithoutIndicator,
            C::StaleStatus,
        ]
        .into_iter()
        .any(|code| self.wants(code))
        {
            self.measures();
        }
        if self.wants(C::IndicatorWithoutBaseline) || self.wants(C::IndicatorWithoutTarget) {
            self.indicators();
        }
        if self.wants(C::ResolutionWithoutOutcome) {
            self.resolutions();
        }
    }

    /// Whether a finding with `code` would be counted or handed over.
    fn wants(&self, code: FindingCode) -> bool {
        match &self.sink {
            Sink::Count(_) => true,
            Sink::Emit { only, stopped, .. } => {
                !*stopped && only.is_none_or(|s| s == code.severity())
            }
        }
    }

    /// Records a finding. Path and message are closures so that counting,
    /// and emitting one severity, format nothing they do not hand over.
    fn push(
        &mut self,
        code: FindingCode,
        path: impl FnOnce() -> ItemPath,
        message: impl FnOnce() -> (String, String),
    ) {
        if !self.wants(code) {
            return;
        }
        match &mut self.sink {
            Sink::Count(counts) => counts.add(code.severity()),
            Sink::Emit { to, stopped, .. } => {
                let (de, en) = message();
                if to(Finding::new(code, path(), de, en)).is_break() {
                    *stopped = true;
                }
            }
        }
    }

    fn no_measures(&mut self) {
        let c = self.c;
        let (g, f) = (c.goals.len(), c.fields.len());
        if !c.measures.is_empty() || (g == 0 && f == 0) {
            return;
        }
        // A concept that says where its measures are kept (a catalogue it
        // lists only in part, the budget plan, an online project list) is
        // not a concept without measures.
        let kept_elsewhere = c
            .coverage
            .iter()
            .any(|k| k.collection == crate::Collection::Measures)
            || c.reporting.iter().any(|r| {
                matches!(
                    r.kind,
                    crate::ReportingKind::BudgetPlan | crate::ReportingKind::OnlineProjectList
                )
            });
        if kept_elsewhere {
            return;
        }
        let goals_de = count(g, "ein Ziel", "Ziele");
        let goals_en = count(g, "one goal", "goals");
        let fields_de = count(f, "ein Handlungsfeld", "Handlungsfelder");
        let fields_en = count(f, "one field of action", "fields of action");
        let (what_de, what_en) = match (g, f) {
            (_, 0) => (goals_de, goals_en),
            (0, _) => (fields_de, fields_en),
            _ => (
                format!("{goals_de} und {fields_de}"),
                format!("{goals_en} and {fields_en}"),
            ),
        };
        self.push(
            FindingCode::NoMeasures,
            || ItemPath::field_of_concept("measures"),
            || {
                (
                    format!("Das Konzept hat {what_de}, aber keine einzige Maßnahme."),
                    format!("The concept has {what_en} but not a single measure."),
                )
            },
        );
    }

    fn no_goal_priorities(&mut self) {
        let goals = &self.c.goals;
        if goals.is_empty() || goals.iter().any(|g| g.priority.is_some()) {
            return;
        }
        let (de, en) = if goals.len() == 1 {
            (
                "Das einzige Ziel hat keine Priorität.".to_owned(),
                "The only goal has no priority.".to_owned(),
            )
        } else {
            (
                format!(
                    "Keines der {} Ziele hat eine Priorität; die Ziele sind nicht priorisiert.",
                    goals.len()
                ),
                format!(
                    "None of the {} goals has a priority; the goals are not prioritised.",
                    goals.len()
                ),
            )
        };
        self.push(
            FindingCode::NoGoalPriorities,
            || ItemPath::field_of_concept("goals"),
            || (de, en),
        );
    }

    fn single_actor_catalogue(&mut self) {
        // Count measures per existing lead; ties go to the lead named first.
        let mut order: Vec<&str> = Vec::new();
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for m in &self.c.measures {
            if let Some(lead) = m
                .lead
                .as_ref()
                .filter(|l| self.index.actors().contains_key(l.as_str()))
            {
                let n = counts.entry(lead.as_str()).or_insert(0);
                if *n == 0 {
                    order.push(lead.as_str());
                }
                *n += 1;
            }
        }
        let total: usize = counts.values().sum();
        if total == 0 || total < self.o.single_actor_min_measures {
            return;
        }
        let mut best: Option<(&str, usize)> = None;
        for a in order {
            let n = counts[a];
            if best.is_none_or(|(_, b)| n > b) {
                best = Some((a, n));
            }
        }
        let Some((actor, n)) = best else { return };
        let share = n as f64 / total as f64;
        if share + 1e-9 < self.o.single_actor_share {
            return;
        }
        let actor_name = self
            .c
            .actor(actor)
            .map_or_else(|| actor.to_owned(), |a| short(a.name.as_str(), 60));
        let pct = (share * 100.0).round();
        self.push(FindingCode::SingleActorCatalogue, || ItemPath::field_of_concept("measures"), || (format!(
                "{n} von {total} Maßnahmen mit Federführung ({pct} %) liegen bei „{actor_name}“."
            ), format!("{n} of {total} measures with a lead ({pct} %) are led by \"{actor_name}\".")));
    }

    fn no_public_participation(&mut self) {
        let events = &self.c.events;
        if events.iter().any(crate::Event::is_public) {
            return;
        }
        let (de, en) = if events.is_empty() {
            (
                "Es ist keine Beteiligungsveranstaltung erfasst, also auch keine für Öffentlichkeit oder Gemeinden.".to_owned(),
                "No participation event is recorded, so none open to the public or the municipalities.".to_owned(),
            )
        } else {
            (
                format!(
                    "Keine der {} Veranstaltungen richtet sich an die Öffentlichkeit, die Bürgerinnen und Bürger oder die Städte und Gemeinden.",
                    events.len()
                ),
                format!(
                    "None of the {} events is open to the public, the citizens or the municipalities.",
                    events.len()
                ),
            )
        };
        self.push(
            FindingCode::NoPublicParticipation,
            || ItemPath::field_of_concept("events"),
            || (de, en),
        );
    }

    fn review_overdue(&mut self) {
        let Some((start, due, cycle)) = review_schedule(self.c, self.o) else {
            return;
        };
        if self.o.today <= due {
            return;
        }
        let (de, en) = match start.basis {
            StartBasis::Adoption => (
                format!(
                    "Das Konzept wurde am {} beschlossen; nach dem Überarbeitungszyklus von {cycle} Jahren war die Fortschreibung am {} fällig.",
                    start.date.german(),
                    due.german()
                ),
                format!(
                    "The concept was adopted on {}; with a revision cycle of {cycle} years the revision was due on {due}.",
                    start.date
                ),
            ),
            StartBasis::Edition | StartBasis::Document => (
                format!(
                    "Das Konzept stammt aus {} (kein Beschlussdatum erfasst); nach dem Überarbeitungszyklus von {cycle} Jahren war die Fortschreibung bis Ende {} fällig.",
                    start.date.year(),
                    due.year()
                ),
                format!(
                    "The concept dates from {} (no adoption date recorded); with a revision cycle of {cycle} years the revision was due by the end of {}.",
                    start.date.year(),
                    due.year()
                ),
            ),
        };
        self.push(
            FindingCode::ReviewOverdue,
            || ItemPath::field_of_concept("revisionCycleYears"),
            || (de, en),
        );
    }

    fn short_horizon(&mut self) {
        let c = self.c;
        let reference = match in_force_since(c) {
            Some(since) => since.date.year(),
            // History is not judged against today's budget planning.
            None if c.status == ConceptStatus::Superseded => return,
            None => self.o.today.year(),
        };
        let limit = reference
            .saturating_add(1)
            .saturating_add(i32::from(self.o.budget_planning_years));
        let years = self.o.budget_planning_years;
        if let Some(h) = c.horizon {
            if matches!(h, crate::Horizon::OpenEnded { .. }) || h.last_year() > limit {
                return;
            }
            self.push(FindingCode::ShortHorizon, || ItemPath::field_of_concept("horizon"), || (format!(
                    "Der Zeithorizont {h} reicht nicht über die mittelfristige Finanzplanung hinaus (Haushaltsjahr {} und {years} Folgejahre, bis {limit}).",
                    reference.saturating_add(1)
                ), format!(
                    "The horizon {h} does not reach past the medium-term financial plan (budget year {} and {years} more years, up to {limit}).",
                    reference.saturating_add(1)
                )));
            return;
        }
        // No horizon: judge by the measures' periods.
        let mut reach: Option<i32> = None;
        for m in &c.measures {
            if matches!(
                m.time_horizon,
                Some(TimeHorizon::Long | TimeHorizon::Continuous)
            ) {
                return;
            }
            let Some(p) = &m.period else { continue };
            if matches!(p, Period::Since { .. }) {
                return;
            }
            if let Some(end) = p.latest() {
                reach = Some(reach.map_or(end.year(), |r| r.max(end.year())));
            }
        }
        let Some(reach) = reach else { return };
        if reach > limit {
            return;
        }
        self.push(FindingCode::ShortHorizon, || ItemPath::field_of_concept("measures"), || (format!(
                "Das Konzept nennt keinen Zeithorizont, und keine Maßnahme reicht über {reach} hinaus, also nicht über die mittelfristige Finanzplanung (bis {limit})."
            ), format!(
                "The concept names no horizon, and no measure reaches past {reach}, so not past the medium-term financial plan (up to {limit})."
            )));
    }

    /// One note for a catalogue organised by field of action, instead of
    /// a warning for every measure and every goal.
    fn measures_linked_to_fields(&mut self) {
        if !self.links.by_fields {
            return;
        }
        let (measures, fields) = self.links.tied;
        self.push(
            FindingCode::MeasuresLinkedToFields,
            || ItemPath::field_of_concept("measures"),
            || {
                (
                    format!(
                        "Maßnahmen sind Handlungsfeldern zugeordnet, nicht einzelnen Zielen ({} in {}).",
                        count(measures, "eine Maßnahme", "Maßnahmen"),
                        count(fields, "einem Handlungsfeld", "Handlungsfeldern")
                    ),
                    format!(
                        "Measures are linked to fields of action, not to individual goals ({} in {}).",
                        count(measures, "one measure", "measures"),
                        count(fields, "one field of action", "fields of action")
                    ),
                )
            },
        );
    }

    fn goals_without_measures(&mut self) {
        let goals = &self.c.goals;
        if !self.wants(FindingCode::GoalWithoutMeasures) || self.links.served.len() != goals.len() {
            return;
        }
        // Taken, not borrowed: the findings are pushed through `self`.
        let served = std::mem::take(&mut self.links.served);
        let has_children = std::mem::take(&mut self.links.has_children);
        for (i, g) in goals.iter().enumerate() {
            if served[i] {
                continue;
            }
            self.push(
                FindingCode::GoalWithoutMeasures,
                || ItemPath::item("goals", &g.id, i),
                || {
                    let (n_de, n_en) = name(g.number.as_deref(), &g.id, g.title.as_str());
                    if has_children[i] {
                        (
                            format!("Weder dem Ziel {n_de} noch einem seiner Unterziele dient eine Maßnahme."),
                            format!("No measure serves goal {n_en} or any of its sub-goals."),
                        )
                    } else {
                        (
                            format!("Dem Ziel {n_de} dient keine Maßnahme."),
                            format!("No measure serves goal {n_en}."),
                        )
                    }
                },
            );
        }
    }

    fn measures(&mut self) {
        let c = self.c;
        let today = self.o.today;
        let stale_after = self.o.stale_after_days;
        // The lookups and dates only where their findings are wanted.
        let (want_indicator, want_stale) = (
            self.wants(FindingCode::MeasureWithoutIndicator),
            self.wants(FindingCode::StaleStatus),
        );
        for (i, m) in c.measures.iter().enumerate() {
            // Formatted only for a finding that is handed over.
            let path = || ItemPath::item("measures", &m.id, i);
            let name = || name(m.number.as_deref(), &m.id, m.title.as_str());

            if self.links.measure_without_goal(i) {
                self.push(FindingCode::MeasureWithoutGoal, path, || {
                    let (n_de, n_en) = name();
                    if m.goals.is_empty() {
                        (
                            format!("Die Maßnahme {n_de} ist keinem Ziel zugeordnet."),
                            format!("Measure {n_en} is linked to no goal."),
                        )
                    } else {
                        (
                            format!(
                                "Die Maßnahme {n_de} verweist nur auf Ziele, die es nicht gibt."
                            ),
                            format!("Measure {n_en} refers only to goals that do not exist."),
                        )
                    }
                });
            }

            match &m.lead {
                None => self.push(FindingCode::MeasureWithoutLead, path, || {
                    let (n_de, n_en) = name();
                    (
                        format!("Die Maßnahme {n_de} hat keine Federführung."),
                        format!("Measure {n_en} has no lead."),
                    )
                }),
                Some(l) if !self.index.actors().contains_key(l.as_str()) => {
                    self.push(FindingCode::MeasureWithoutLead, path, || {
                        let (n_de, n_en) = name();
                        let lead = short(l.as_str(), 64);
                        (
                            format!("Die Federführung „{lead}“ der Maßnahme {n_de} ist kein erfasster Akteur."),
                            format!("The lead \"{lead}\" of measure {n_en} is not a recorded actor."),
                        )
                    })
                }
                Some(_) => {}
            }

            if want_indicator
                && !m
                    .indicators
                    .iter()
                    .any(|x| self.indicator_ids.contains(x.as_str()))
            {
                self.push(FindingCode::MeasureWithoutIndicator, path, || {
                    let (n_de, n_en) = name();
                    (
                        format!("Die Maßnahme {n_de} hat keine Kennzahl."),
                        format!("Measure {n_en} has no indicator."),
                    )
                });
            }

            if !want_stale {
                continue;
            }
            let status = m.status.or_else(|| {
                m.status_history
                    .iter()
                    .max_by_key(|u| u.date)
                    .map(|u| u.status)
            });
            let finished = matches!(
                status,
                Some(MeasureStatus::Completed | MeasureStatus::Abandoned)
            );
            if let (false, Some(last)) = (finished, m.last_status_update()) {
                let age = last.days_until(today);
                if age > i64::from(stale_after) {
                    self.push(FindingCode::StaleStatus, path, || {
                        let (n_de, n_en) = name();
                        (
                            format!(
                                "Der Stand der Maßnahme {n_de} wurde zuletzt am {} aktualisiert, vor {age} Tagen (Frist {stale_after} Tage).",
                                last.german()
                            ),
                            format!(
                                "The status of measure {n_en} was last updated on {last}, {age} days ago (threshold {stale_after} days)."
                            ),
                        )
                    });
                }
            }
        }
    }

    fn indicators(&mut self) {
        for (i, ind) in self.c.indicators.iter().enumerate() {
            let path = || ItemPath::item("indicators", &ind.id, i);
            let name = || name(ind.number.as_deref(), &ind.id, ind.name.as_str());
            if ind.baseline.is_none() {
                self.push(FindingCode::IndicatorWithoutBaseline, path, || {
                    let (n_de, n_en) = name();
                    (
                        format!("Die Kennzahl {n_de} hat keinen Ausgangswert."),
                        format!("Indicator {n_en} has no baseline."),
                    )
                });
            }
            if ind.targets.is_empty() {
                self.push(FindingCode::IndicatorWithoutTarget, path, || {
                    let (n_de, n_en) = name();
                    (
                        format!("Die Kennzahl {n_de} hat keinen Zielwert."),
                        format!("Indicator {n_en} has no target."),
                    )
                });
            }
        }
    }

    fn resolutions(&mut self) {
        let today = self.o.today;
        for (ri, r) in self.c.resolutions.iter().enumerate() {
            let title = short(r.title.as_str(), 60);
            let last = r.consultations.len().saturating_sub(1);
            for (ci, k) in r.consultations.iter().enumerate() {
                // A step without outcome is immaterial once a later one has one.
                if k.outcome.is_none()
                    && r.consultations[ci + 1..]
                        .iter()
                        .any(|l| l.outcome.is_some())
                {
                    continue;
                }
                let path = || {
                    ItemPath::item("resolutions", &r.id, ri)
                        .field("consultations")
                        .index(ci)
                };
                let body = self
                    .c
                    .actor(k.body.as_str())
                    .map_or_else(|| k.body.to_string(), |a| short(a.name.as_str(), 60));
                match (k.outcome, k.date, k.planned_date) {
                    (None, Some(d), _) if d < today => self.push(FindingCode::ResolutionWithoutOutcome, path, || (format!(
                            "„{title}“: Die Beratung in „{body}“ am {} hat kein erfasstes Ergebnis.",
                            d.german()
                        ), format!(
                            "\"{title}\": the consultation in \"{body}\" on {d} has no recorded outcome."
                        ))),
                    (None, None, Some(p)) if p < today => self.push(FindingCode::ResolutionWithoutOutcome, path, || (format!(
                            "„{title}“: Die Beratung in „{body}“ war für den {} geplant; weder Datum noch Ergebnis sind erfasst.",
                            p.german()
                        ), format!(
                            "\"{title}\": the consultation in \"{body}\" was planned for {p}; neither its date nor its outcome is recorded."
                        ))),
                    (Some(Outcome::Submitted), d, p) if ci == last => {
                        let Some(since) = d.or(p) else { continue };
                        let age = since.days_until(today);
                        if age > i64::from(self.o.pending_outcome_days) {
                            self.push(FindingCode::ResolutionWithoutOutcome, path, || (format!(
                                    "„{title}“: am {} in „{body}“ vorgelegt; das Ergebnis ist seit {age} Tagen offen.",
                                    since.german()
                                ), format!(
                                    "\"{title}\": submitted to \"{body}\" on {since}, the outcome has been open for {age} days."
                                )));
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}
