//! How measures are tied into the concept: to goals, or only to fields of
//! action. Worked out once per report for the checks that judge the links.

use std::collections::HashMap;

use crate::index::ConceptIndex;

/// Which goals some measure serves, and what each measure is linked to.
#[derive(Default)]
pub(super) struct Links {
    /// Per goal: a measure serves it or one of its sub-goals — or, in a
    /// concept whose measures are tied to fields ([`Links::by_fields`]), a
    /// measure is tied to the goal's field of action.
    pub(super) served: Vec<bool>,
    /// Per goal: it has sub-goals.
    pub(super) has_children: Vec<bool>,
    /// Per measure: one of its goals exists.
    pub(super) measure_has_goal: Vec<bool>,
    /// Per measure: one of its fields of action exists (only looked up when
    /// no measure serves a goal; else all false).
    pub(super) measure_has_field: Vec<bool>,
    /// No measure serves an existing goal, but some are tied to existing
    /// fields of action: the catalogue is organised by field, a common and
    /// legitimate structure ("Maßnahmen in den Handlungsschwerpunkten").
    pub(super) by_fields: bool,
    /// In that case: how many measures and fields of action are tied.
    pub(super) tied: (usize, usize),
}

impl Links {
    /// Walks every measure's goals and fields once.
    pub(super) fn of(index: &ConceptIndex<'_>) -> Self {
        let c = index.concept();
        let goals = &c.goals;
        let parents = index.parents();
        // Every goal with an id, not only the first: a measure naming a
        // repeated id serves all of them.
        let mut by_id: HashMap<&str, Vec<usize>, foldhash::fast::RandomState> = HashMap::default();
        for (i, g) in goals.iter().enumerate() {
            by_id.entry(g.id.as_str()).or_default().push(i);
        }
        // Goals served directly, then everything above them; each goal is
        // climbed from once, so a cycle cannot hang the walk.
        let mut served = vec![false; goals.len()];
        let mut climbed = vec![false; goals.len()];
        let mut climb = |start: usize, served: &mut [bool]| {
            let mut cur = Some(start);
            while let Some(g) = cur {
                if climbed[g] {
                    break;
                }
                climbed[g] = true;
                served[g] = true;
                cur = parents[g];
            }
        };
        let fields = index.fields();
        let mut field_has_measure = vec![false; c.fields.len()];
        let mut measure_has_goal = vec![false; c.measures.len()];
        let mut measure_has_field = vec![false; c.measures.len()];
        for (i, m) in c.measures.iter().enumerate() {
            for gid in &m.goals {
                let starts = by_id.get(gid.as_str());
                measure_has_goal[i] |= starts.is_some();
                for &start in starts.into_iter().flatten() {
                    climb(start, &mut served);
                }
            }
        }
        // The fields only matter when no measure serves a goal: most
        // catalogues are organised by goal and skip this walk.
        if !measure_has_goal.contains(&true) {
            for (i, m) in c.measures.iter().enumerate() {
                for fid in &m.fields {
                    if let Some(f) = fields.position(fid.as_str()) {
                        measure_has_field[i] = true;
                        field_has_measure[f] = true;
                    }
                }
            }
        }
        let by_fields = measure_has_field.contains(&true);
        if by_fields {
            // A goal counts as served when a measure is tied to its field
            // of action, or to the field of its nearest ancestor with one.
            for g in 0..goals.len() {
                if served[g] {
                    continue;
                }
                let mut cur = Some(g);
                // At most one step per goal: a cycle cannot hang the walk.
                for _ in 0..goals.len() {
                    let Some(a) = cur else { break };
                    if !goals[a].fields.is_empty() {
                        let tied = goals[a].fields.iter().any(|f| {
                            fields
                                .position(f.as_str())
                                .is_some_and(|p| field_has_measure[p])
                        });
                        if tied {
                            climb(g, &mut served);
                        }
                        break;
                    }
                    cur = parents[a];
                }
            }
        }
        let mut has_children = vec![false; goals.len()];
        for p in parents.iter().flatten() {
            has_children[*p] = true;
        }
        let tied = (
            measure_has_field.iter().filter(|&&t| t).count(),
            field_has_measure.iter().filter(|&&t| t).count(),
        );
        Links {
            served,
            has_children,
            measure_has_goal,
            measure_has_field,
            by_fields,
            tied,
        }
    }

    /// Whether measure `i` is judged to serve no goal: it serves no
    /// existing goal and is not tied to a field in a concept organised by
    /// field.
    pub(super) fn measure_without_goal(&self, i: usize) -> bool {
        let has_goal = self.measure_has_goal.get(i).copied().unwrap_or(false);
        let has_field = self.measure_has_field.get(i).copied().unwrap_or(false);
        !has_goal && (!self.by_fields || !has_field)
    }
}
