//! Measures, goals, fields of action and the concept: each rolled up from
//! what counts for it.

use std::collections::HashMap;

use super::indicator::assess;
use super::{
    priority_weight, status_progress, FieldProgress, GoalProgress, GreyReason, IndicatorStatus,
    LightCounts, MeasureProgress, MonitoringOptions, MonitoringReport, MonitoringSummary, Progress,
    ProgressBasis, RollUp, Thresholds, TrafficLight, INDICATOR_WEIGHT,
};
use crate::index::ConceptIndex;
use crate::{Concept, Goal, Id, ItemPath, Measure, Period};

/// Evaluates a concept. With `keep_items` false it keeps nothing per
/// measure and of each indicator only a position table (the measures and
/// goals that use an indicator assess it again): for a catalogue of 100,000
/// measures written one row at a time, whose rows evaluate their own.
/// Goals, fields and the concept come out the same either way: each measure
/// is added, in list order, to what it counts for as it is evaluated.
pub(crate) fn evaluate_keeping(
    index: &ConceptIndex<'_>,
    options: &MonitoringOptions,
    keep_items: bool,
) -> MonitoringSummary {
    let concept = index.concept();
    let kept = |n: usize| if keep_items { n } else { 0 };
    let mut indicators: Vec<IndicatorStatus> = Vec::with_capacity(kept(concept.indicators.len()));
    let mut indicator_lights = LightCounts::default();
    for (i, ind) in concept.indicators.iter().enumerate() {
        let a = assess(ind, options);
        indicator_lights.add(a.light);
        if keep_items {
            let path = ItemPath::item("indicators", &ind.id, i);
            indicators.push(a.into_status(ind, path));
        }
    }
    // A summary keeps nothing per indicator but a position table: the
    // measures and goals that use an indicator assess it again (cheap, and
    // once or twice per indicator), rather than holding every progress.
    let indicator_index = index.indicators();
    let indicator_progress = |id: &Id| -> Option<Progress> {
        let i = indicator_index.position(id.as_str())?;
        match indicators.get(i) {
            Some(status) => status.progress,
            None => assess(&concept.indicators[i], options).progress,
        }
    };

    let goal_index = index.goals();
    let parents = index.parents();
    let in_field: Vec<Vec<bool>> = concept
        .fields
        .iter()
        .map(|f| goals_in_field(&concept.goals, parents, f.id.as_str()))
        .collect();

    // Each measure is evaluated once and added, in list order, to what it
    // counts for: the goals it serves (each once), the fields of action it
    // names directly, or the concept when it serves no existing goal. So
    // nothing is kept per measure unless the caller asks for the entries.
    let mut measures: Vec<MeasureProgress> = Vec::with_capacity(kept(concept.measures.len()));
    let mut measure_lights = LightCounts::default();
    let mut goal_measures = vec![Acc::default(); concept.goals.len()];
    let mut field_measures = vec![Acc::default(); concept.fields.len()];
    let mut loose_measures = Acc::default();
    let mut served: Vec<usize> = Vec::new();
    // Field id → the positions of the fields with it (all of them, should
    // an id be repeated).
    let mut fields_named: HashMap<&str, Vec<usize>, foldhash::fast::RandomState> =
        HashMap::default();
    for (fi, field) in concept.fields.iter().enumerate() {
        fields_named.entry(field.id.as_str()).or_default().push(fi);
    }
    for (i, m) in concept.measures.iter().enumerate() {
        let path = if keep_items {
            ItemPath::item("measures", &m.id, i)
        } else {
            ItemPath::root()
        };
        let e = evaluate_measure(m, path, &indicator_progress, options);
        measure_lights.add(e.light);
        served.clear();
        for g in &m.goals {
            if let Some(gi) = goal_index.position(g.as_str()) {
                if !served.contains(&gi) {
                    served.push(gi);
                    goal_measures[gi].add(e.progress, e.weight);
                }
            }
        }
        if served.is_empty() {
            loose_measures.add(e.progress, e.weight);
        }
        // Every field of action with an id the measure names (each once),
        // looked up instead of comparing each field's id with each name.
        for (k, name) in m.fields.iter().enumerate() {
            if m.fields[..k].contains(name) {
                continue;
            }
            for &fi in fields_named
                .get(name.as_str())
                .map_or(&[][..], Vec::as_slice)
            {
                if !served.iter().any(|&gi| in_field[fi][gi]) {
                    field_measures[fi].add(e.progress, e.weight);
                }
            }
        }
        if keep_items {
            measures.push(e);
        }
    }

    let goals = evaluate_goals(
        concept,
        parents,
        goal_measures,
        &indicator_progress,
        options,
    );
    let fields = evaluate_fields(concept, parents, &in_field, &goals, field_measures, options);

    // The whole concept: top-level goals (or goals whose parent does not
    // exist), then the measures serving no existing goal.
    let mut acc = Acc::default();
    for (gi, g) in concept.goals.iter().enumerate() {
        let top = match &g.parent {
            None => true,
            Some(p) => !goal_index.contains_key(p.as_str()),
        };
        if top {
            acc.add(goals[gi].progress, priority_weight(g.priority));
        }
    }
    acc.merge(&loose_measures);
    let overall = acc.finish(Id::default(), ItemPath::root(), &options.thresholds);

    MonitoringSummary {
        report: MonitoringReport {
            today: options.today,
            thresholds: options.thresholds,
            pace: options.pace,
            overall,
            indicators,
            measures,
            goals,
            fields,
        },
        indicator_lights,
        measure_lights,
    }
}

/// Evaluates a measure whose entry gets `path` (the root when the entry is
/// not kept: only what it adds up to counts); `indicator_progress` gives
/// the progress of the (first) indicator with an id.
pub(crate) fn evaluate_measure(
    m: &Measure,
    path: ItemPath,
    indicator_progress: &dyn Fn(&Id) -> Option<Progress>,
    options: &MonitoringOptions,
) -> MeasureProgress {
    let mut e = MeasureProgress {
        id: m.id.clone(),
        path,
        light: TrafficLight::Grey,
        grey_reason: None,
        progress: None,
        basis: ProgressBasis::None,
        weight: priority_weight(m.priority),
    };
    let mut acc = Acc::default();
    for (k, id) in m.indicators.iter().enumerate() {
        // Each id once, at its first occurrence.
        if m.indicators[..k].contains(id) {
            continue;
        }
        acc.add(indicator_progress(id), 1.0);
    }
    let progress = if let Some(p) = acc.progress() {
        e.basis = ProgressBasis::Indicators;
        Some(p)
    } else if let Some(status) = m.status {
        e.basis = ProgressBasis::Status;
        let not_due = m
            .period
            .as_ref()
            .and_then(Period::earliest)
            .is_some_and(|d| d > options.today);
        Some(Progress::new(
            status_progress(status),
            if not_due { 0.0 } else { 1.0 },
        ))
    } else {
        None
    };
    match progress {
        Some(p) => {
            e.progress = Some(p);
            e.light = options.thresholds.light(p);
        }
        None => e.grey_reason = Some(GreyReason::NoData),
    }
    e
}

/// A weighted mean of progress under way.
#[derive(Clone, Default)]
struct Acc {
    achieved: f64,
    expected: f64,
    weight: f64,
    measured: usize,
    items: usize,
}

impl Acc {
    /// Adds what another accumulator has summed up.
    fn merge(&mut self, other: &Acc) {
        self.achieved += other.achieved;
        self.expected += other.expected;
        self.weight += other.weight;
        self.measured += other.measured;
        self.items += other.items;
    }

    fn add(&mut self, p: Option<Progress>, weight: f64) {
        self.items += 1;
        if let Some(p) = p {
            self.achieved += p.achieved * weight;
            self.expected += p.expected * weight;
            self.weight += weight;
            self.measured += 1;
        }
    }

    fn progress(&self) -> Option<Progress> {
        (self.measured > 0 && self.weight > 0.0)
            .then(|| Progress::new(self.achieved / self.weight, self.expected / self.weight))
    }

    fn finish(self, id: Id, path: ItemPath, thresholds: &Thresholds) -> RollUp {
        let progress = self.progress();
        RollUp {
            id,
            path,
            light: progress.map_or(TrafficLight::Grey, |p| thresholds.light(p)),
            grey_reason: progress.is_none().then_some(GreyReason::NothingMeasured),
            progress,
            measured: self.measured,
            items: self.items,
        }
    }
}

fn evaluate_goals(
    concept: &Concept,
    parents: &[Option<usize>],
    mut goal_measures: Vec<Acc>,
    indicator_progress: &dyn Fn(&Id) -> Option<Progress>,
    options: &MonitoringOptions,
) -> Vec<GoalProgress> {
    let goals = &concept.goals;
    let n = goals.len();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, p) in parents.iter().enumerate() {
        if let Some(p) = p {
            children[*p].push(i);
        }
    }

    // Iterative post-order walk; an edge to a goal on the stack closes a
    // cycle and is skipped.
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        Open,
        Done,
    }
    let mut state = vec![State::New; n];
    let mut result: Vec<Option<GoalProgress>> = vec![None; n];
    for root in 0..n {
        if state[root] != State::New {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        state[root] = State::Open;
        while let Some(top) = stack.last_mut() {
            let g = top.0;
            if let Some(&child) = children[g].get(top.1) {
                top.1 += 1;
                if state[child] == State::New {
                    state[child] = State::Open;
                    stack.push((child, 0));
                }
                continue;
            }
            stack.pop();
            // The measures serving `g`, summed up in list order, first.
            let mut acc = std::mem::take(&mut goal_measures[g]);
            for &c in &children[g] {
                // Children still open are on a cycle through `g`: skipped.
                if let Some(r) = &result[c] {
                    acc.add(r.progress, priority_weight(goals[c].priority));
                }
            }
            let mut seen: Vec<&Id> = Vec::new();
            for id in &goals[g].indicators {
                if !seen.contains(&id) {
                    seen.push(id);
                    acc.add(indicator_progress(id), INDICATOR_WEIGHT);
                }
            }
            let path = ItemPath::item("goals", &goals[g].id, g);
            result[g] = Some(acc.finish(goals[g].id.clone(), path, &options.thresholds));
            state[g] = State::Done;
        }
    }
    result
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            r.unwrap_or_else(|| {
                Acc::default().finish(
                    goals[i].id.clone(),
                    ItemPath::item("goals", &goals[i].id, i),
                    &options.thresholds,
                )
            })
        })
        .collect()
}

/// For every goal: true when it or one of its ancestors names `field`.
/// Each goal is resolved once (linear time); a walk that comes back to a
/// goal on its own path has met a cycle and stops there.
fn goals_in_field(goals: &[Goal], parents: &[Option<usize>], field: &str) -> Vec<bool> {
    let mut known: Vec<Option<bool>> = vec![None; goals.len()];
    let mut on_path = vec![false; goals.len()];
    let mut path: Vec<usize> = Vec::new();
    for start in 0..goals.len() {
        let mut cur = Some(start);
        let answer = loop {
            let Some(i) = cur else { break false };
            if let Some(k) = known[i] {
                break k;
            }
            if on_path[i] {
                break false; // a cycle without the field
            }
            if goals[i].fields.iter().any(|f| f == field) {
                known[i] = Some(true);
                break true;
            }
            on_path[i] = true;
            path.push(i);
            cur = parents[i];
        };
        for i in path.drain(..) {
            known[i] = Some(answer);
            on_path[i] = false;
        }
    }
    known.into_iter().map(|k| k.unwrap_or(false)).collect()
}

fn evaluate_fields(
    concept: &Concept,
    parents: &[Option<usize>],
    in_field: &[Vec<bool>],
    goals: &[GoalProgress],
    field_measures: Vec<Acc>,
    options: &MonitoringOptions,
) -> Vec<FieldProgress> {
    concept
        .fields
        .iter()
        .zip(field_measures)
        .enumerate()
        .map(|(fi, (field, measures))| {
            let in_field = &in_field[fi];
            let mut acc = Acc::default();
            for (gi, g) in concept.goals.iter().enumerate() {
                let topmost = in_field[gi] && !parents[gi].is_some_and(|p| in_field[p]);
                if topmost {
                    acc.add(goals[gi].progress, priority_weight(g.priority));
                }
            }
            // Then the measures that name the field but serve none of its
            // goals.
            acc.merge(&measures);
            acc.finish(
                field.id.clone(),
                ItemPath::item("fields", &field.id, fi),
                &options.thresholds,
            )
        })
        .collect()
}
