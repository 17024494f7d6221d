//! A/B timing of JSON export and import against raw `serde_json`, the
//! variants interleaved in one process (A, B, C, A, B, C, …) so that a
//! shared machine's slow phases hit each alike; and one function, `run`,
//! to count instructions of with callgrind. See BENCHMARKS.md, "JSON".
//!
//! ```sh
//! cargo run --release -p kreisentwicklung-json --example json_ab -- lib,raw,rawv 10000 15
//! cargo run --release -p kreisentwicklung-json --example json_ab -- export,tovec,rawexport 10000 15
//! valgrind --tool=callgrind --toggle-collect='json_ab::run' target/release/examples/json_ab lib 1000 1
//! ```
//!
//! Variants: `lib` (`from_slice`), `raw` (`serde_json::from_slice`),
//! `rawv` (raw plus `validate()`), `export` (`to_writer` into a `Vec`),
//! `tovec` (`to_vec`), `rawexport` (`serde_json::to_writer` into a `Vec`),
//! `rawbuf` (the same through a `BufWriter`), `check` (the finiteness
//! check of export alone).
use kreisentwicklung_core::generate::{generate, GeneratorOptions};
use kreisentwicklung_core::ConceptDocument;
use std::time::Instant;

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let usage = "usage: json_ab VARIANT[,VARIANT…] MEASURES ITERATIONS";
    let (mode, n, iters) = match &a[..] {
        [_, mode, n, iters] => (
            mode.as_str(),
            n.parse::<usize>().expect(usage),
            iters.parse::<usize>().expect(usage).max(1),
        ),
        _ => panic!("{usage}"),
    };
    let c = generate(&GeneratorOptions::new(n).seed(2030));
    let bytes = kreisentwicklung_json::to_vec(&c, false).unwrap();
    let doc = ConceptDocument::new(c.clone());
    let modes: Vec<&str> = mode.split(',').collect();
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); modes.len()];
    for _ in 0..iters {
        for (k, m) in modes.iter().enumerate() {
            let start = Instant::now();
            let out = run(m, &bytes, &c, &doc);
            times[k].push(start.elapsed().as_secs_f64());
            drop(out);
        }
    }
    for (m, t) in modes.iter().zip(&mut times) {
        t.sort_by(f64::total_cmp);
        println!(
            "{m} {n}: fastest {:.2} ms, median {:.2} ms",
            t[0] * 1e3,
            t[t.len() / 2] * 1e3
        );
    }
}

/// One variant, once; what it built is dropped by the caller, outside the
/// timing (as divan does).
#[inline(never)]
fn run(
    mode: &str,
    bytes: &[u8],
    c: &kreisentwicklung_core::Concept,
    doc: &ConceptDocument,
) -> Box<dyn std::any::Any> {
    match mode {
        "lib" => Box::new(kreisentwicklung_json::from_slice(bytes).unwrap()),
        "raw" => Box::new(serde_json::from_slice::<ConceptDocument>(bytes).unwrap()),
        "rawv" => {
            let d = serde_json::from_slice::<ConceptDocument>(bytes).unwrap();
            d.concept.validate().unwrap();
            Box::new(d)
        }
        "export" => {
            let mut out = Vec::with_capacity(bytes.len());
            kreisentwicklung_json::to_writer(c, &mut out, false).unwrap();
            Box::new(out)
        }
        "tovec" => Box::new(kreisentwicklung_json::to_vec(c, false).unwrap()),
        "rawexport" => {
            let mut out = Vec::with_capacity(bytes.len());
            serde_json::to_writer(&mut out, doc).unwrap();
            Box::new(out)
        }
        "rawbuf" => {
            let mut out = Vec::with_capacity(bytes.len());
            {
                use std::io::Write;
                let mut w = std::io::BufWriter::new(&mut out);
                serde_json::to_writer(&mut w, doc).unwrap();
                w.flush().unwrap();
            }
            Box::new(out)
        }
        "check" => {
            // What `to_writer` checks before writing.
            let ok = kreisentwicklung_core::export::Requirement::WellFormed.check(c);
            Box::new(ok.is_ok())
        }
        other => panic!("unknown variant {other}"),
    }
}
