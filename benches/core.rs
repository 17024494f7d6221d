//! Validation and the health report at 1,000, 10,000 and 100,000 measures,
//! and validation of a concept of (more than) a million entities.
//!
//! `cargo bench --bench core`; see BENCHMARKS.md. The `_cold` variants
//! evict the CPU caches before every run: the 1,000-measure concept fits in
//! the caches, the 100,000-measure one (~400 MB) does not, so repeated runs
//! on a small concept measure the cache as much as the code. The `_many`
//! variants need no eviction: they work through about 400 MB of concepts of
//! the size, one after the other, as a vendor with many concepts does.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use common::{cached, concept, entities, Cache, SEED, SIZES};
use divan::counter::ItemsCount;
use divan::Bencher;
use kreisentwicklung::generate::{generate, GeneratorOptions};
use kreisentwicklung::{Concept, Date, HealthOptions, Id, Text};

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
    warm(bencher, concept(measures), |c| c.validate().expect("valid"));
}

/// Measures that give a concept of about one million entities (15.85 per
/// measure with ten observations per indicator).
const ONE_MILLION_ENTITIES: usize = 63_100;

/// Target: a concept of a million entities validates in under a second.
#[divan::bench(sample_count = 10)]
fn validate_one_million_entities(bencher: Bencher) {
    warm(bencher, concept(ONE_MILLION_ENTITIES), |c| {
        c.validate().expect("valid")
    });
}

/// Times `f` on the concept, run after run (its caches as the last run
/// left them).
fn warm<T>(bencher: Bencher, c: &'static Concept, f: impl Fn(&Concept) -> T + Sync) {
    bencher.counter(ItemsCount::new(entities(c))).bench(|| f(c));
}

/// Times `f` on the concept from cold caches (one run per sample).
fn cold<T>(bencher: Bencher, c: &'static Concept, f: impl Fn(&Concept) -> T + Sync) {
    bencher
        .counter(ItemsCount::new(entities(c)))
        .with_inputs(evict_caches)
        .bench_values(|()| f(c));
}

/// The health report's options: a fixed day, so that every run finds the same.
fn health_options() -> HealthOptions {
    HealthOptions::new(Date::from_ymd(2026, 6, 1).expect("date"))
}

/// Writes to every cache line of a buffer four times the size of this
/// machine's L3 cache (32 MiB), so that the next run starts with none of the
/// concept in the CPU caches: the situation of a vendor who holds many
/// concepts and validates one of them, rather than the same concept
/// validated again and again.
///
/// One byte per line, in a loop: `fill` would become a `memset`, which for
/// a buffer this large writes around the caches (non-temporal stores) and
/// evicts nothing.
fn evict_caches() {
    static BUFFER: OnceLock<Mutex<Vec<u8>>> = OnceLock::new();
    let mut buffer = BUFFER
        .get_or_init(|| Mutex::new(vec![0; 128 << 20]))
        .lock()
        .expect("buffer lock");
    for line in buffer.chunks_exact_mut(64) {
        line[0] = line[0].wrapping_add(1);
    }
    divan::black_box(&*buffer);
}

/// `validate` starting from cold caches (one run per sample).
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn validate_cold(bencher: Bencher, measures: usize) {
    cold(bencher, concept(measures), |c| c.validate().expect("valid"));
}

/// `health_report` starting from cold caches (one run per sample).
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn health_report_cold(bencher: Bencher, measures: usize) {
    let options = health_options();
    cold(bencher, concept(measures), |c| c.health_report(&options));
}

/// The generated concept written to JSON and read back: its items lie in
/// memory as the JSON reader allocates them, as in a concept a vendor loads
/// from a file (document order, each list grown while it is read).
fn imported(measures: usize) -> &'static Concept {
    static CACHE: Cache<Concept> = OnceLock::new();
    cached(&CACHE, measures, || through_json(concept(measures)))
}

/// The concept written to JSON and read back.
fn through_json(c: &Concept) -> Concept {
    let bytes = kreisentwicklung::json::to_vec(c, false).expect("export");
    kreisentwicklung::json::from_slice(&bytes).expect("import")
}

/// `validate` on the concept as imported from its JSON document.
#[divan::bench(args = SIZES, sample_count = 10)]
fn validate_imported(bencher: Bencher, measures: usize) {
    warm(bencher, imported(measures), |c| {
        c.validate().expect("valid")
    });
}

/// `validate` on the imported concept from cold caches: how a vendor's
/// program meets it (read from a file, then out of the cache again).
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn validate_imported_cold(bencher: Bencher, measures: usize) {
    cold(bencher, imported(measures), |c| {
        c.validate().expect("valid")
    });
}

/// `health_report` on the imported concept from cold caches.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn health_report_imported_cold(bencher: Bencher, measures: usize) {
    let options = health_options();
    cold(bencher, imported(measures), |c| c.health_report(&options));
}

/// Baseline: the imported concept read without the library, field by
/// field — every byte of every text and id and every number validation
/// reads, summed and nothing checked. How long the machine takes to bring
/// the concept through its caches, and so how far validation's time can
/// follow the input's size on this machine.
#[divan::bench(args = SIZES, sample_count = 10)]
fn raw_read_imported(bencher: Bencher, measures: usize) {
    warm(bencher, imported(measures), read_every_field);
}

/// The raw read from cold caches.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn raw_read_imported_cold(bencher: Bencher, measures: usize) {
    cold(bencher, imported(measures), read_every_field);
}

/// The raw read of the generated concept, as it lies in memory.
#[divan::bench(args = SIZES, sample_count = 10)]
fn raw_read(bencher: Bencher, measures: usize) {
    warm(bencher, concept(measures), read_every_field);
}

/// The raw read of the generated concept from cold caches.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn raw_read_cold(bencher: Bencher, measures: usize) {
    cold(bencher, concept(measures), read_every_field);
}

fn bytes(s: &str) -> u64 {
    s.bytes().fold(0, |a, b| a.wrapping_add(u64::from(b)))
}

fn text(t: &Text) -> u64 {
    t.translations
        .values()
        .fold(bytes(&t.text), |a, s| a.wrapping_add(bytes(s)))
}

fn opt_text(t: &Option<Text>) -> u64 {
    t.as_ref().map_or(0, text)
}

fn ids(list: &[Id]) -> u64 {
    list.iter()
        .fold(0, |a, id| a.wrapping_add(bytes(id.as_str())))
}

/// What validation reads of the measures and indicators (nearly all of a
/// large concept), without a check.
fn read_every_field(c: &Concept) -> u64 {
    let mut sum = 0u64;
    let mut add = |x: u64| sum = sum.wrapping_add(x);
    for m in &c.measures {
        add(bytes(m.id.as_str()));
        add(m.number.as_deref().map_or(0, bytes));
        add(text(&m.title));
        add(opt_text(&m.description));
        for list in [
            &m.goals,
            &m.fields,
            &m.partners,
            &m.indicators,
            &m.documents,
        ] {
            add(ids(list));
        }
        add(m.lead.as_ref().map_or(0, |l| bytes(l.as_str())));
        add(u64::from(divan::black_box(&m.period).is_some()));
        for u in &m.status_history {
            add(u.date.year() as u64);
            add(opt_text(&u.note));
        }
        if let Some(costs) = &m.costs {
            add(costs.amount.map_or(0, |a| a.cents() as u64));
            add(opt_text(&costs.note));
        }
        for f in &m.funding {
            add(opt_text(&f.programme_name));
            add(f.share_percent.unwrap_or(0.0).to_bits());
        }
        for b in &m.budget {
            add(b.year as u64);
            add(b.amount.cents() as u64);
            add(opt_text(&b.note));
        }
    }
    for i in &c.indicators {
        add(bytes(i.id.as_str()));
        add(i.number.as_deref().map_or(0, bytes));
        add(text(&i.name));
        add(bytes(&i.unit));
        add(opt_text(&i.description));
        add(opt_text(&i.source));
        for t in &i.targets {
            add(t.value.to_bits());
        }
        for o in &i.observations {
            add(o.value.to_bits());
            divan::black_box(&o.period);
            add(opt_text(&o.note));
        }
    }
    sum
}

/// `health_report` on the concept as imported from its JSON document.
#[divan::bench(args = SIZES, sample_count = 10)]
fn health_report_imported(bencher: Bencher, measures: usize) {
    let options = health_options();
    warm(bencher, imported(measures), |c| c.health_report(&options));
}

/// Concepts a vendor holds: as many concepts of `measures` measures
/// (seeds 2030, 2031, …) as make up the 100,000-measure concept's size,
/// about 400 MB at every size, far beyond the 32 MiB L3 cache. Imported
/// through JSON, as a vendor loads them, or as the generator built them.
fn many(measures: usize, imported: bool) -> &'static Vec<Concept> {
    static IMPORTED: Cache<Vec<Concept>> = OnceLock::new();
    static GENERATED: Cache<Vec<Concept>> = OnceLock::new();
    let largest = *SIZES.last().expect("sizes");
    let cache = if imported { &IMPORTED } else { &GENERATED };
    cached(cache, measures, || {
        (0..largest.div_ceil(measures) as u64)
            .map(|k| {
                let c = generate(&GeneratorOptions::new(measures).seed(SEED + k));
                if imported {
                    through_json(&c)
                } else {
                    c
                }
            })
            .collect::<Vec<_>>()
    })
}

/// Times `f` on each of the concepts in turn, one per run: the caches as a
/// vendor's program leaves them when it works through many concepts, with
/// no eviction of our own. At every size a run reads a concept that the
/// runs before it have not touched for a while.
fn in_turn<T>(bencher: Bencher, set: &'static [Concept], f: impl Fn(&Concept) -> T + Sync) {
    let next = AtomicUsize::new(0);
    bencher
        .counter(ItemsCount::new(entities(&set[0])))
        .bench(|| f(&set[next.fetch_add(1, Ordering::Relaxed) % set.len()]));
}

/// `validate` on about 400 MB of imported concepts of this size, one
/// after the other (100 concepts at 1,000 measures, 10 at 10,000, 1 at
/// 100,000).
#[divan::bench(args = SIZES, sample_count = 30)]
fn validate_many(bencher: Bencher, measures: usize) {
    in_turn(bencher, many(measures, true), |c| {
        c.validate().expect("valid")
    });
}

/// `validate_many` on generated concepts.
#[divan::bench(args = SIZES, sample_count = 30)]
fn validate_many_generated(bencher: Bencher, measures: usize) {
    in_turn(bencher, many(measures, false), |c| {
        c.validate().expect("valid")
    });
}

/// `health_report` on about 400 MB of imported concepts of this size, one
/// after the other.
#[divan::bench(args = SIZES, sample_count = 30)]
fn health_report_many(bencher: Bencher, measures: usize) {
    let options = health_options();
    in_turn(bencher, many(measures, true), |c| c.health_report(&options));
}

/// `health_report_many` on generated concepts.
#[divan::bench(args = SIZES, sample_count = 30)]
fn health_report_many_generated(bencher: Bencher, measures: usize) {
    let options = health_options();
    in_turn(bencher, many(measures, false), |c| {
        c.health_report(&options)
    });
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn health_report(bencher: Bencher, measures: usize) {
    let options = health_options();
    warm(bencher, concept(measures), |c| c.health_report(&options));
}
