//! Loads a concept document each way the import offers, to measure the
//! time (`/usr/bin/time -v`: user + sys) and the memory (printed: the peak
//! and the resident set once only the concept is left):
//!
//! ```text
//! cargo run --release -p kreisentwicklung-json --example load -- generate 100000 g.json
//! target/release/examples/load file g.json    # from_seekable_reader_with_warnings
//! target/release/examples/load whole g.json   # read whole, from_slice_with_warnings
//! target/release/examples/load raw g.json     # read whole, serde_json::from_slice + validate
//! ```
//!
//! `generate` writes the compact document of the generated concept (seed
//! 2030), as `kreisentwicklung generate` and `export --compact` do.

use std::error::Error;
use std::fs::File;
use std::io::BufWriter;

use kreisentwicklung_core::generate::{generate, GeneratorOptions};
use kreisentwicklung_core::{Concept, ConceptDocument};

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| {
        args.get(i)
            .map(String::as_str)
            .ok_or("usage: see the source")
    };
    let path = arg(1)?;
    let concept: Concept = match arg(0)? {
        "generate" => {
            let concept = generate(&GeneratorOptions::new(path.parse()?).seed(2030));
            let out = BufWriter::new(File::create(arg(2)?)?);
            kreisentwicklung_json::to_writer(&concept, out, false)?;
            return Ok(());
        }
        "file" => {
            kreisentwicklung_json::from_seekable_reader_with_warnings(File::open(path)?)?.concept
        }
        "whole" => {
            let bytes = std::fs::read(path)?;
            kreisentwicklung_json::from_slice_with_warnings(&bytes)?.concept
        }
        "raw" => {
            let bytes = std::fs::read(path)?;
            let doc: ConceptDocument = serde_json::from_slice(&bytes)?;
            doc.concept.validate()?;
            doc.concept
        }
        other => return Err(format!("unknown mode {other}").into()),
    };
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .map_or("?", |l| l[name.len()..].trim())
            .to_owned()
    };
    println!(
        "{} measures; peak {} (VmHWM), now {} (VmRSS, the concept)",
        concept.measures.len(),
        field("VmHWM:"),
        field("VmRSS:")
    );
    Ok(())
}
