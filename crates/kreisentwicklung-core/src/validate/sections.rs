//! The checks of the concept itself, its strategy, goal tree, measures and
//! indicators.

use super::{is_language_tag, shorten, Path, ProblemKind, Set, Validator};
use crate::{Id, MAX_GOAL_LEVEL};

impl<'i, 'a> Validator<'i, 'a> {
    pub(super) fn concept_header(&mut self) {
        let c = self.c;
        let root = Path::ROOT;
        if !c.id.is_well_formed() {
            self.report(
                &root.f("id"),
                ProblemKind::MalformedId {
                    id: shorten(c.id.as_str()),
                },
            );
        }
        self.text(&root.f("title"), &c.title, true);
        self.opt_text(&root.f("shortTitle"), &c.short_title);
        self.opt_text(&root.f("kindLabel"), &c.kind_label);
        let t = root.f("territory");
        self.text(&t.f("name"), &c.territory.name, true);
        if let Some(key) = &c.territory.key {
            let p = t.f("key");
            if key.len() != 5 || !key.bytes().all(|b| b.is_ascii_digit()) {
                self.invalid(
                    &p,
                    format!("official key {:?} must be five digits", shorten(key)),
                );
            } else if let Some(state) = c.territory.state {
                if !key.starts_with(state.key_prefix()) {
                    self.invalid(
                        &p,
                        format!(
                            "official key {key} does not belong to {state} (keys there start with {})",
                            state.key_prefix()
                        ),
                    );
                }
            }
        }
        if let Some(h) = c.horizon {
            let p = root.f("horizon");
            match h {
                crate::Horizon::Year { year } | crate::Horizon::OpenEnded { from: year } => {
                    self.year(&p, year)
                }
                crate::Horizon::Range { from, to } => {
                    self.year(&p, from);
                    self.year(&p, to);
                    if to < from {
                        self.invalid(&p, format!("horizon ends ({to}) before it starts ({from})"));
                    }
                }
            }
        }
        if let Some(e) = &c.edition {
            let p = root.f("edition");
            if let Some(y) = e.year {
                self.year(&p.f("year"), y);
            }
            self.opt_text(&p.f("label"), &e.label);
        }
        if let Some(pr) = &c.predecessor {
            let p = root.f("predecessor");
            self.text(&p.f("title"), &pr.title, true);
            if let Some(y) = pr.year {
                self.year(&p.f("year"), y);
            }
            self.opt_text(&p.f("note"), &pr.note);
            if let (Some(c_id), true) = (&pr.concept, true) {
                if !c_id.is_well_formed() {
                    self.report(
                        &p.f("concept"),
                        ProblemKind::MalformedId {
                            id: shorten(c_id.as_str()),
                        },
                    );
                }
            }
        }
        if c.revision_cycle_years == Some(0) {
            self.invalid(
                &root.f("revisionCycleYears"),
                "revision cycle must be at least one year",
            );
        }
        let langs = root.f("languages");
        for (i, l) in c.languages.iter().enumerate() {
            if !is_language_tag(l) {
                self.invalid(
                    &langs.i(i),
                    format!("{:?} is not a language tag such as \"de\"", shorten(l)),
                );
            }
        }
        self.opt_text(&root.f("description"), &c.description);
        if let Some(v) = &c.vision {
            self.vision(&root.f("vision"), v);
        }
        self.texts(&root.f("goalLevels"), &c.goal_levels);
        let pf = root.f("processFunding");
        for (i, f) in c.process_funding.iter().enumerate() {
            self.funding(&pf.i(i), f);
        }
        let ch = root.f("challenges");
        for (i, x) in c.challenges.iter().enumerate() {
            let p = ch.i(i);
            self.text(&p.f("text"), &x.text, true);
            self.texts(&p.f("details"), &x.details);
        }
    }

    pub(super) fn vision(&mut self, path: &Path, v: &crate::Vision) {
        self.text(&path.f("text"), &v.text, true);
        if let Some(y) = v.year {
            self.year(&path.f("year"), y);
        }
    }

    pub(super) fn strategy(&mut self) {
        let c = self.c;
        let root = Path::ROOT;
        let fields = root.f("fields");
        for (i, f) in c.fields.iter().enumerate() {
            let p = fields.item(&f.id, i);
            self.opt_str(&p.f("number"), &f.number);
            self.text(&p.f("name"), &f.name, true);
            if let Some(v) = &f.vision {
                self.vision(&p.f("vision"), v);
            }
            self.opt_text(&p.f("description"), &f.description);
        }
        let themes = root.f("crossCuttingThemes");
        for (i, t) in c.cross_cutting_themes.iter().enumerate() {
            let p = themes.item(&t.id, i);
            self.text(&p.f("name"), &t.name, true);
            self.opt_text(&p.f("description"), &t.description);
            self.references(&p.f("fields"), "field of action", Set::Fields, &t.fields);
        }
        let swot = root.f("swot");
        for (i, s) in c.swot.iter().enumerate() {
            let p = swot.item(&s.id, i);
            self.opt_text(&p.f("title"), &s.title);
            self.opt_reference(&p.f("field"), "field of action", Set::Fields, &s.field);
            self.texts(&p.f("topics"), &s.topics);
            self.texts(&p.f("strengths"), &s.strengths);
            self.texts(&p.f("weaknesses"), &s.weaknesses);
            self.texts(&p.f("opportunities"), &s.opportunities);
            self.texts(&p.f("threats"), &s.threats);
            self.opt_reference(&p.f("document"), "document", Set::Documents, &s.document);
        }
    }

    pub(super) fn goal_tree(&mut self) {
        let c = self.c;
        let root = Path::ROOT;
        let goals = root.f("goals");
        for (i, g) in c.goals.iter().enumerate() {
            let p = goals.item(&g.id, i);
            self.opt_str(&p.f("number"), &g.number);
            self.text(&p.f("title"), &g.title, true);
            self.opt_text(&p.f("shortTitle"), &g.short_title);
            self.references(&p.f("fields"), "field of action", Set::Fields, &g.fields);
            self.texts(&p.f("focusAreas"), &g.focus_areas);
            self.opt_text(&p.f("description"), &g.description);
            self.references(
                &p.f("indicators"),
                "indicator",
                Set::Indicators,
                &g.indicators,
            );
            self.opt_reference(&p.f("parent"), "goal", Set::Goals, &g.parent);
            if !(1..=MAX_GOAL_LEVEL).contains(&g.level) {
                self.invalid(
                    &p.f("level"),
                    format!("level {} is out of range 1..={MAX_GOAL_LEVEL}", g.level),
                );
            }
        }
        // Cycles, then levels of goals outside cycles.
        let parents: Vec<Option<usize>> = c
            .goals
            .iter()
            .map(|g| {
                g.parent
                    .as_ref()
                    .and_then(|p| self.goals.index().position(p.as_str()))
            })
            .collect();
        let in_cycle = self.cycles("goals", &parents, |i| &c.goals[i].id);
        for (i, g) in c.goals.iter().enumerate() {
            if in_cycle[i] || !(1..=MAX_GOAL_LEVEL).contains(&g.level) {
                continue;
            }
            let expected = match (&g.parent, parents[i]) {
                (None, _) => 1,
                (Some(_), Some(pi)) if !in_cycle[pi] => c.goals[pi].level.saturating_add(1),
                _ => continue,
            };
            if g.level != expected {
                let p = goals.item(&g.id, i);
                self.report(
                    &p.f("level"),
                    ProblemKind::InconsistentLevel {
                        level: g.level,
                        expected,
                    },
                );
            }
        }
    }

    /// Finds cycles of parent links; reports each once and returns which
    /// items are on a cycle.
    pub(super) fn cycles(
        &mut self,
        name: &'static str,
        parents: &[Option<usize>],
        id_of: impl Fn(usize) -> &'a Id,
    ) -> Vec<bool> {
        // 0 = unvisited, 1 = on the current walk, 2 = done.
        let n = parents.len();
        let mut state = vec![0u8; n];
        let mut in_cycle = vec![false; n];
        let root = Path::ROOT;
        let coll = root.f(name);
        for start in 0..n {
            if state[start] != 0 {
                continue;
            }
            let mut walk = Vec::new();
            let mut cur = Some(start);
            while let Some(i) = cur {
                match state[i] {
                    0 => {
                        state[i] = 1;
                        walk.push(i);
                        cur = parents[i];
                    }
                    1 => {
                        let pos = walk.iter().position(|&w| w == i).unwrap_or(0);
                        let cycle = &walk[pos..];
                        let mut ids: Vec<String> = cycle
                            .iter()
                            .map(|&j| id_of(j).as_str().to_owned())
                            .collect();
                        ids.push(id_of(i).as_str().to_owned());
                        for &j in cycle {
                            in_cycle[j] = true;
                        }
                        let first = cycle.iter().copied().min().unwrap_or(i);
                        let p = coll.item(id_of(first), first);
                        self.report(&p.f("parent"), ProblemKind::Cycle { ids });
                        break;
                    }
                    _ => break,
                }
            }
            for i in walk {
                state[i] = 2;
            }
        }
        in_cycle
    }

    pub(super) fn measures(&mut self) {
        let c = self.c;
        let root = Path::ROOT;
        let ms = root.f("measures");
        for (i, m) in c.measures.iter().enumerate() {
            let p = ms.item(&m.id, i);
            self.opt_str(&p.f("number"), &m.number);
            self.text(&p.f("title"), &m.title, true);
            self.opt_text(&p.f("description"), &m.description);
            self.references(&p.f("goals"), "goal", Set::Goals, &m.goals);
            self.references(&p.f("fields"), "field of action", Set::Fields, &m.fields);
            self.opt_reference(&p.f("lead"), "actor", Set::Actors, &m.lead);
            self.references(&p.f("partners"), "actor", Set::Actors, &m.partners);
            self.opt_period(&p.f("period"), &m.period);
            let h = p.f("statusHistory");
            let mut prev: Option<crate::Date> = None;
            for (j, u) in m.status_history.iter().enumerate() {
                let up = h.i(j);
                if prev.is_some_and(|d| u.date < d) {
                    self.invalid(
                        &up.f("date"),
                        format!(
                            "status update of {} is older than the one before it",
                            u.date
                        ),
                    );
                }
                prev = Some(u.date);
                self.opt_text(&up.f("note"), &u.note);
            }
            if let (Some(status), Some(last)) = (m.status, m.status_history.last()) {
                if status != last.status {
                    self.invalid(
                        &p.f("status"),
                        format!(
                            "status {:?} differs from the latest status update ({:?} on {})",
                            crate::CodeList::code(status),
                            crate::CodeList::code(last.status),
                            last.date
                        ),
                    );
                }
            }
            if let Some(costs) = &m.costs {
                let cp = p.f("costs");
                if let Some(a) = costs.amount {
                    self.euro(&cp.f("amount"), a);
                }
                self.opt_text(&cp.f("note"), &costs.note);
            }
            let fp = p.f("funding");
            for (j, f) in m.funding.iter().enumerate() {
                self.funding(&fp.i(j), f);
            }
            let total_share: f64 = m.funding.iter().filter_map(|f| f.share_percent).sum();
            if total_share > 100.0 + 1e-9 {
                self.invalid(
                    &fp,
                    format!("funded shares add up to {total_share} %, more than 100 %"),
                );
            }
            let bp = p.f("budget");
            for (j, b) in m.budget.iter().enumerate() {
                let lp = bp.i(j);
                self.year(&lp.f("year"), b.year);
                self.euro(&lp.f("amount"), b.amount);
                self.opt_str(&lp.f("account"), &b.account);
                self.opt_text(&lp.f("note"), &b.note);
            }
            self.references(
                &p.f("indicators"),
                "indicator",
                Set::Indicators,
                &m.indicators,
            );
            self.references(&p.f("documents"), "document", Set::Documents, &m.documents);
        }
    }

    pub(super) fn indicators(&mut self) {
        let c = self.c;
        let root = Path::ROOT;
        let is = root.f("indicators");
        for (i, ind) in c.indicators.iter().enumerate() {
            let p = is.item(&ind.id, i);
            self.opt_str(&p.f("number"), &ind.number);
            self.text(&p.f("name"), &ind.name, true);
            self.required_str(&p.f("unit"), &ind.unit);
            self.opt_text(&p.f("description"), &ind.description);
            if let Some(b) = &ind.baseline {
                let bp = p.f("baseline");
                self.number(&bp.f("value"), b.value);
                self.opt_period(&bp.f("period"), &b.period);
            }
            let tp = p.f("targets");
            for (j, t) in ind.targets.iter().enumerate() {
                let x = tp.i(j);
                self.number(&x.f("value"), t.value);
                self.opt_period(&x.f("due"), &t.due);
            }
            let op = p.f("observations");
            for (j, o) in ind.observations.iter().enumerate() {
                let x = op.i(j);
                self.number(&x.f("value"), o.value);
                self.period(&x.f("period"), &o.period);
                self.opt_text(&x.f("note"), &o.note);
            }
            self.opt_text(&p.f("source"), &ind.source);
        }
    }
}
