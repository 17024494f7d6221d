//! Shared by the benchmarks: generated concepts, cached per size, and the
//! sizes every benchmark runs at.

#![allow(dead_code)]

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use kreisentwicklung::generate::{generate, GeneratorOptions};
use kreisentwicklung::Concept;

/// Catalogue sizes (measures) every benchmark runs at.
pub const SIZES: &[usize] = &[1_000, 10_000, 100_000];

/// The seed of every generated concept.
pub const SEED: u64 = 2030;

/// One value per catalogue size, built once per process and kept for it.
pub type Cache<T> = OnceLock<Mutex<HashMap<usize, &'static T>>>;

/// The value for `measures` from `cache`, built by `build` the first time.
pub fn cached<T: Sync + 'static>(
    cache: &'static Cache<T>,
    measures: usize,
    build: impl FnOnce() -> T,
) -> &'static T {
    let mut cache = cache
        .get_or_init(|| Mutex::new(HashMap::new()))
        .lock()
        .expect("cache lock");
    cache
        .entry(measures)
        .or_insert_with(|| Box::leak(Box::new(build())))
}

/// The generated concept of `measures` measures, built once per process.
pub fn concept(measures: usize) -> &'static Concept {
    static CACHE: Cache<Concept> = OnceLock::new();
    cached(&CACHE, measures, || {
        generate(&GeneratorOptions::new(measures).seed(SEED))
    })
}

/// Entities of a concept: every item with an identity or a value of its
/// own (actors, fields, goals, measures, indicators, observations, targets,
/// events, resolutions, documents, status updates, budget lines, funding).
pub fn entities(c: &Concept) -> usize {
    let per_measure: usize = c
        .measures
        .iter()
        .map(|m| m.status_history.len() + m.budget.len() + m.funding.len())
        .sum();
    let per_indicator: usize = c
        .indicators
        .iter()
        .map(|i| i.observations.len() + i.targets.len() + usize::from(i.baseline.is_some()))
        .sum();
    c.actors.len()
        + c.fields.len()
        + c.goals.len()
        + c.measures.len()
        + c.indicators.len()
        + c.events.len()
        + c.resolutions.len()
        + c.documents.len()
        + per_measure
        + per_indicator
}
