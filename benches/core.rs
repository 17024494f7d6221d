//! Validation and the health report at 1,000, 10,000 and 100,000 measures,
//! and validation of a concept of (more than) a million entities.
//!
//! `cargo bench --bench core`; see BENCHMARKS.md. The `_cold` variants
//! evict the CPU caches before every run: the 1,000-measure concept fits in
//! the caches, the 100,000-measure one (~400 MB) does not, so repeated runs
//! on a small concept measure the cache as much as the code.

mod common;

use std::sync::{Mutex, OnceLock};

use common::{cached, concept, entities, Cache, SIZES};
use divan::counter::ItemsCount;
use divan::Bencher;
use kreisentwicklung::{Concept, Date, HealthOptions};

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

/// Overwrites a buffer four times the size of this machine's L3 cache (32
/// MiB), so that the next run starts with none of the concept in the CPU
/// caches: the situation of a concept validated once after it was loaded,
/// rather than the same small concept validated again and again.
fn evict_caches() {
    static BUFFER: OnceLock<Mutex<Vec<u8>>> = OnceLock::new();
    let mut buffer = BUFFER
        .get_or_init(|| Mutex::new(vec![0; 128 << 20]))
        .lock()
        .expect("buffer lock");
    let next = buffer[0].wrapping_add(1);
    buffer.fill(next);
    divan::black_box(&*buffer);
}

/// `validate` starting from cold caches (one run per sample).
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn validate_cold(bencher: Bencher, measures: usize) {
    let c = concept(measures);
    bencher
        .counter(ItemsCount::new(entities(c)))
        .with_inputs(evict_caches)
        .bench_values(|()| c.validate().expect("valid"));
}

/// `health_report` starting from cold caches (one run per sample).
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn health_report_cold(bencher: Bencher, measures: usize) {
    let c = concept(measures);
    let options = HealthOptions::new(Date::from_ymd(2026, 6, 1).expect("date"));
    bencher
        .counter(ItemsCount::new(entities(c)))
        .with_inputs(evict_caches)
        .bench_values(|()| c.health_report(&options));
}

/// The generated concept written to JSON and read back: its items lie in
/// memory in document order, as in a concept a vendor loads from a file,
/// rather than in the order the generator happened to allocate them.
fn imported(measures: usize) -> &'static Concept {
    static CACHE: Cache<Concept> = OnceLock::new();
    cached(&CACHE, measures, || {
        let bytes = kreisentwicklung::json::to_vec(concept(measures), false).expect("export");
        kreisentwicklung::json::from_slice(&bytes).expect("import")
    })
}

/// `validate` on the concept as imported from its JSON document.
#[divan::bench(args = SIZES, sample_count = 10)]
fn validate_imported(bencher: Bencher, measures: usize) {
    let c = imported(measures);
    bencher
        .counter(ItemsCount::new(entities(c)))
        .bench(|| c.validate().expect("valid"));
}

/// `health_report` on the concept as imported from its JSON document.
#[divan::bench(args = SIZES, sample_count = 10)]
fn health_report_imported(bencher: Bencher, measures: usize) {
    let c = imported(measures);
    let options = HealthOptions::new(Date::from_ymd(2026, 6, 1).expect("date"));
    bencher
        .counter(ItemsCount::new(entities(c)))
        .bench(|| c.health_report(&options));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn health_report(bencher: Bencher, measures: usize) {
    let c = concept(measures);
    let options = HealthOptions::new(Date::from_ymd(2026, 6, 1).expect("date"));
    bencher
        .counter(ItemsCount::new(entities(c)))
        .bench(|| c.health_report(&options));
}
