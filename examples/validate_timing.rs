//! Times validation or the health report of one generated concept, for
//! sizes beyond the benchmarks and for instruction counts under callgrind.
//!
//! ```sh
//! cargo run --release --example validate_timing -- 1000000 3            # validate 1M measures, 3 runs
//! cargo run --release --example validate_timing -- 100000 20 health     # the health report
//! cargo run --release --example validate_timing -- 100000 20 count      # its checks, no messages
//! IMPORTED=1 cargo run --release --example validate_timing -- 100000 20 # after a JSON round trip
//! LISTS_TOGETHER=1 …   # the measures' goal, indicator and status lists allocated together
//! COLD=1 …             # every run from cold CPU caches
//! COMPACT=1 …          # the concept copied: document order, no gaps
//! valgrind --tool=callgrind target/release/examples/validate_timing 10000 1
//! ```
//!
//! Instructions per run under callgrind: run once with 1 and once with 3
//! runs and halve the difference (generating the concept is in both).
//! See BENCHMARKS.md.

use std::time::Instant;

use kreisentwicklung::generate::{generate, GeneratorOptions};
use kreisentwicklung::{Date, HealthOptions};

fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: validate_timing MEASURES RUNS [health|count]";
    let measures: usize = args.next().and_then(|a| a.parse().ok()).expect(usage);
    let runs: u32 = args.next().and_then(|a| a.parse().ok()).expect(usage);
    let mode = args.next();
    let health = mode.as_deref() == Some("health");
    // The health checks without formatting or holding a finding.
    let count = mode.as_deref() == Some("count");

    let mut concept = generate(&GeneratorOptions::new(measures).seed(2030));
    if std::env::var_os("IMPORTED").is_some() {
        // Items in document order in memory, as in a concept read from a file.
        let bytes = kreisentwicklung::json::to_vec(&concept, false).expect("export");
        drop(concept);
        concept = kreisentwicklung::json::from_slice(&bytes).expect("import");
    }
    if std::env::var_os("COMPACT").is_some() {
        // A copy: every item allocated in document order at its final size,
        // the tightest layout a program can give a concept.
        let copy = concept.clone();
        concept = copy;
    }
    if std::env::var_os("LISTS_TOGETHER").is_some() {
        // The measures' short lists copied into fresh allocations, one kind
        // after the other, so that each kind lies together in memory rather
        // than among each measure's texts (see BENCHMARKS.md, session 4).
        // All copies of a kind are made before the old lists are freed, or
        // the allocator would put each copy where the old list was.
        let goals: Vec<_> = concept.measures.iter().map(|m| m.goals.clone()).collect();
        let indicators: Vec<_> = concept
            .measures
            .iter()
            .map(|m| m.indicators.clone())
            .collect();
        let history: Vec<_> = concept
            .measures
            .iter()
            .map(|m| m.status_history.clone())
            .collect();
        for (((m, g), i), h) in concept
            .measures
            .iter_mut()
            .zip(goals)
            .zip(indicators)
            .zip(history)
        {
            (m.goals, m.indicators, m.status_history) = (g, i, h);
        }
    }
    let options = HealthOptions::new(Date::from_ymd(2026, 6, 1).expect("date"));
    // COLD=1: every run starts with the concept out of the CPU caches (see
    // `evict_caches` in benches/core.rs; a `fill` would evict nothing).
    let cold = std::env::var_os("COLD").is_some();
    let mut buffer = vec![0u8; 128 << 20];
    let mut times = Vec::new();
    for _ in 0..runs {
        if cold {
            for line in buffer.chunks_exact_mut(64) {
                line[0] = line[0].wrapping_add(1);
            }
            std::hint::black_box(&buffer);
        }
        let start = Instant::now();
        if count {
            std::hint::black_box(
                kreisentwicklung::Evaluation::new(&concept, options.today)
                    .with_health_options(options)
                    .finding_counts(),
            );
        } else if health {
            std::hint::black_box(concept.health_report(&options));
        } else {
            std::hint::black_box(concept.validate().is_ok());
        }
        times.push(start.elapsed());
    }
    let what = if count {
        "health counts"
    } else if health {
        "health report"
    } else {
        "validate"
    };
    let total: std::time::Duration = times.iter().sum();
    times.sort();
    println!(
        "{what}, {measures} measures: {:?} per run (fastest {:?}, median {:?})",
        total / runs.max(1),
        times.first().copied().unwrap_or_default(),
        times.get(times.len() / 2).copied().unwrap_or_default(),
    );
}
