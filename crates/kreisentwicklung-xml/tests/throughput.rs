//! Throughput of export and import on a large generated concept. Ignored by
//! default; run in release mode:
//!
//! ```sh
//! cargo test --release -p kreisentwicklung-xml --test throughput -- --ignored --nocapture
//! ```

use std::time::{Duration, Instant};

/// CPU time of this thread (Linux), else wall time: the machine may be
/// shared, and wall time then says little about the code.
struct Clock(Instant, Option<u64>);

fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

impl Clock {
    fn start() -> Self {
        Clock(Instant::now(), cpu_ns())
    }

    fn elapsed(&self) -> Duration {
        match (self.1, cpu_ns()) {
            (Some(a), Some(b)) => Duration::from_nanos(b - a),
            _ => self.0.elapsed(),
        }
    }
}

use kreisentwicklung_core::export::ExportOptions;
use kreisentwicklung_core::generate::{generate, GeneratorOptions};

#[test]
#[ignore = "measures throughput; run with --release --ignored"]
fn export_and_import_throughput() {
    let concept = generate(&GeneratorOptions::new(20_000).seed(7));
    for pretty in [true, false] {
        let options = ExportOptions::default().pretty(pretty);
        let mut out = Vec::with_capacity(64 << 20);
        let t = Clock::start();
        kreisentwicklung_xml::to_writer(&concept, &mut out, &options).unwrap();
        let export = t.elapsed();
        let mb = out.len() as f64 / 1e6;
        let t = Clock::start();
        let back = kreisentwicklung_xml::from_slice(&out).unwrap();
        let import = t.elapsed();
        assert_eq!(back.measures.len(), concept.measures.len());
        let t = Clock::start();
        concept.validate().unwrap();
        let validate = t.elapsed();
        eprintln!(
            "{}: {mb:.1} MB, CPU time: export {:.0} MB/s ({:?}), import {:.0} MB/s ({:?}); validation alone {:?}",
            if pretty { "pretty" } else { "compact" },
            mb / export.as_secs_f64(),
            export,
            mb / import.as_secs_f64(),
            import,
            validate,
        );
    }
}
