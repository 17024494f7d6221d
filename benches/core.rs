//! Validation and the health report at 1,000, 10,000 and 100,000 measures,
//! and validation of a concept of (more than) a million entities.
//!
//! `cargo bench --bench core`; see BENCHMARKS.md.

mod common;

use common::{concept, entities, SIZES};
use divan::counter::ItemsCount;
use divan::Bencher;
use kreisentwicklung::{Date, HealthOptions};

fn main() {
    // The size of the largest concept, for the "one million entities" target.
    let largest = *SIZES.last().expect("sizes");
    eprintln!(
        "concept of {largest} measures: {} entities",
        entities(concept(largest))
    );
    eprintln!(
        "concept of {ONE_MILLION_ENTITIES} measures: {} entities",
        entities(concept(ONE_MILLION_ENTITIES))
    );
    divan::main();
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn validate(bencher: Bencher, measures: usize) {
    let c = concept(measures);
    bencher
        .counter(ItemsCount::new(entities(c)))
        .bench(|| c.validate().expect("valid"));
}

/// Measures that give a concept of about one million entities (15.85 per
/// measure with ten observations per indicator).
const ONE_MILLION_ENTITIES: usize = 63_100;

/// Target: a concept of a million entities validates in under a second.
#[divan::bench(sample_count = 10)]
fn validate_one_million_entities(bencher: Bencher) {
    let c = concept(ONE_MILLION_ENTITIES);
    bencher
        .counter(ItemsCount::new(entities(c)))
        .bench(|| c.validate().expect("valid"));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn health_report(bencher: Bencher, measures: usize) {
    let c = concept(measures);
    let options = HealthOptions::new(Date::from_ymd(2026, 6, 1).expect("date"));
    bencher
        .counter(ItemsCount::new(entities(c)))
        .bench(|| c.health_report(&options));
}
