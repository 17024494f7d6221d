//! The checks of what format 1.1 added.

use super::{Path, ProblemKind, Set, Validator};

impl<'i, 'a> Validator<'i, 'a> {
    /// What format 1.1 added: guiding principles, the county seat,
    /// milestones, commissions and membership cycles, the occasion of an
    /// event, resolution numbers, sessions and budget links, reporting and
    /// coverage. Kept together so that the 1.0 checks above read as before.
    pub(super) fn additions_of_1_1(&mut self) {
        let c = self.c;
        let root = Path::ROOT;
        self.opt_text(&root.f("territory").f("seat"), &c.territory.seat);
        self.texts(&root.f("guidingPrinciples"), &c.guiding_principles);
        let fs = root.f("fields");
        for (i, f) in c.fields.iter().enumerate() {
            self.texts(
                &fs.item(&f.id, i).f("guidingPrinciples"),
                &f.guiding_principles,
            );
        }
        let ms = root.f("measures");
        for (i, m) in c.measures.iter().enumerate() {
            let item = ms.item(&m.id, i);
            let mp = item.f("milestones");
            for (j, x) in m.milestones.iter().enumerate() {
                let p = mp.i(j);
                self.text(&p.f("title"), &x.title, true);
                self.opt_period(&p.f("expected"), &x.expected);
                self.opt_text(&p.f("note"), &x.note);
            }
        }
        let acts = root.f("actors");
        for (i, a) in c.actors.iter().enumerate() {
            let item = acts.item(&a.id, i);
            let cp = item.f("commissioned");
            for (j, k) in a.commissioned.iter().enumerate() {
                let p = cp.i(j);
                self.reference(&p.f("contractor"), "actor", Set::Actors, &k.contractor);
                if k.contractor == a.id {
                    self.invalid(&p.f("contractor"), "an actor cannot commission itself");
                }
                self.opt_text(&p.f("task"), &k.task);
            }
        }
        self.membership_cycles();
        let evs = root.f("events");
        for (i, e) in c.events.iter().enumerate() {
            let p = evs.item(&e.id, i);
            self.opt_text(&p.f("occasion"), &e.occasion);
            if e.occurrences == Some(0) {
                self.invalid(
                    &p.f("occurrences"),
                    "an event that took place took place at least once",
                );
            }
        }
        let rs = root.f("resolutions");
        for (i, r) in c.resolutions.iter().enumerate() {
            let p = rs.item(&r.id, i);
            self.opt_str(&p.f("number"), &r.number);
            let kp = p.f("consultations");
            for (j, k) in r.consultations.iter().enumerate() {
                let x = kp.i(j);
                self.opt_str(&x.f("session"), &k.session);
                self.opt_period(&x.f("period"), &k.period);
                self.opt_period(&x.f("plannedPeriod"), &k.planned_period);
                if k.date.is_some() && k.period.is_some() {
                    self.invalid(
                        &x.f("period"),
                        "give either the day (date) or the period, not both",
                    );
                }
                if k.planned_date.is_some() && k.planned_period.is_some() {
                    self.invalid(
                        &x.f("plannedPeriod"),
                        "give either the planned day (plannedDate) or the planned period, not both",
                    );
                }
            }
            let bp = p.f("budget");
            for (j, b) in r.budget.iter().enumerate() {
                let x = bp.i(j);
                self.year(&x.f("year"), b.year);
                self.opt_str(&x.f("account"), &b.account);
                self.opt_text(&x.f("note"), &b.note);
            }
        }
        let rp = root.f("reporting");
        for (i, r) in c.reporting.iter().enumerate() {
            let p = rp.i(i);
            self.opt_reference(&p.f("body"), "actor", Set::Actors, &r.body);
            if let Some(y) = r.since_year {
                self.year(&p.f("sinceYear"), y);
            }
            self.opt_str(&p.f("url"), &r.url);
            self.opt_reference(&p.f("document"), "document", Set::Documents, &r.document);
            self.opt_text(&p.f("note"), &r.note);
        }
        let cp = root.f("coverage");
        for (i, k) in c.coverage.iter().enumerate() {
            let p = cp.i(i);
            self.opt_text(&p.f("keptIn"), &k.kept_in);
            self.opt_reference(&p.f("document"), "document", Set::Documents, &k.document);
            if c.coverage[..i].iter().any(|o| o.collection == k.collection) {
                self.invalid(
                    &p.f("collection"),
                    format!(
                        "the coverage of {} is given twice",
                        crate::CodeList::code(k.collection)
                    ),
                );
            }
        }
    }

    /// Membership cycles of any length ("A is a member of B, B of A"),
    /// each reported once at the actor of the cycle that comes first; a
    /// group that is a member of itself is reported in [`actors`](Self::actors).
    pub(super) fn membership_cycles(&mut self) {
        let c = self.c;
        let n = c.actors.len();
        let edges: Vec<Vec<usize>> = c
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| {
                a.members
                    .iter()
                    .filter_map(|m| self.actors.index().position(m.actor.as_str()))
                    .filter(|&j| j != i)
                    .collect()
            })
            .collect();
        // Iterative depth-first search: 0 unseen, 1 on the stack, 2 done.
        let mut state = vec![0u8; n];
        let mut reported: Vec<Vec<usize>> = Vec::new();
        for start in 0..n {
            if state[start] != 0 {
                continue;
            }
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            state[start] = 1;
            while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                if let Some(&to) = edges[node].get(*next) {
                    *next += 1;
                    match state[to] {
                        0 => {
                            state[to] = 1;
                            stack.push((to, 0));
                        }
                        1 => {
                            let from = stack.iter().position(|&(x, _)| x == to).unwrap_or(0);
                            let mut cycle: Vec<usize> =
                                stack[from..].iter().map(|&(x, _)| x).collect();
                            let first = cycle.iter().copied().min().unwrap_or(to);
                            let at = cycle.iter().position(|&x| x == first).unwrap_or(0);
                            cycle.rotate_left(at);
                            if !reported.contains(&cycle) {
                                let mut ids: Vec<String> =
                                    cycle.iter().map(|&x| c.actors[x].id.to_string()).collect();
                                ids.push(c.actors[first].id.to_string());
                                let acts = Path::ROOT.f("actors");
                                let item = acts.item(&c.actors[first].id, first);
                                self.report(&item.f("members"), ProblemKind::Cycle { ids });
                                reported.push(cycle);
                            }
                        }
                        _ => {}
                    }
                } else {
                    state[node] = 2;
                    stack.pop();
                }
            }
        }
    }
}
