//! JSON export and import against raw `serde_json` on the same structs.
//!
//! `cargo bench --bench json`; see BENCHMARKS.md. The library's import
//! checks the document (encoding, depth, duplicate keys, string lengths,
//! schema version) and validates the concept; `raw_import` does neither,
//! `raw_import_validate` adds the validation. `export` is `to_writer` into
//! a `Vec` (through the library's internal `BufWriter`), `export_vec` is
//! `to_vec`. `import_buffered` is the import through a buffer that the CLI
//! uses for files.

mod common;

use std::sync::OnceLock;

use common::{cached, concept, Cache, SIZES};
use divan::counter::BytesCount;
use divan::Bencher;
use kreisentwicklung::{ConceptDocument, ValidationErrors};

fn main() {
    divan::main();
}

/// The compact document, as both the library and raw serde_json write it.
fn document(measures: usize) -> Vec<u8> {
    kreisentwicklung::json::to_vec(concept(measures), false).expect("export")
}

/// The generated concept in a `ConceptDocument`, built once per size.
/// Library and raw export both serialize this one copy: a clone lies in
/// memory differently from the generated original, and at 100,000 measures
/// (far more than the CPU caches hold) that layout alone changes the time.
fn document_struct(measures: usize) -> &'static ConceptDocument {
    static CACHE: Cache<ConceptDocument> = OnceLock::new();
    cached(&CACHE, measures, || {
        ConceptDocument::new(concept(measures).clone())
    })
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn export(bencher: Bencher, measures: usize) {
    let c = &document_struct(measures).concept;
    let len = document(measures).len();
    bencher.counter(BytesCount::new(len)).bench(|| {
        let mut out = Vec::with_capacity(len);
        kreisentwicklung::json::to_writer(c, &mut out, false).expect("export");
        out
    });
}

/// The library's in-memory export, `to_vec` (no internal buffer, the
/// vector grows as it is written).
#[divan::bench(args = SIZES, sample_count = 10)]
fn export_vec(bencher: Bencher, measures: usize) {
    let c = &document_struct(measures).concept;
    let len = document(measures).len();
    bencher
        .counter(BytesCount::new(len))
        .bench(|| kreisentwicklung::json::to_vec(c, false).expect("export"));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn raw_export(bencher: Bencher, measures: usize) {
    let doc = document_struct(measures);
    let len = document(measures).len();
    bencher.counter(BytesCount::new(len)).bench(|| {
        let mut out = Vec::with_capacity(len);
        serde_json::to_writer(&mut out, doc).expect("export");
        out
    });
}

/// Raw `serde_json::to_vec`, the counterpart of `export_vec` (the vector
/// grows as it is written).
#[divan::bench(args = SIZES, sample_count = 10)]
fn raw_export_vec(bencher: Bencher, measures: usize) {
    let doc = document_struct(measures);
    let len = document(measures).len();
    bencher
        .counter(BytesCount::new(len))
        .bench(|| serde_json::to_vec(doc).expect("export"));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn import(bencher: Bencher, measures: usize) {
    let bytes = document(measures);
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench(|| kreisentwicklung::json::from_slice(&bytes).expect("import"));
}

/// The import the CLI runs on a file: through a buffer
/// (`from_seekable_reader_with_warnings`), here from the bytes in memory,
/// so that it times the parse and leaves out the disk.
#[divan::bench(args = SIZES, sample_count = 10)]
fn import_buffered(bencher: Bencher, measures: usize) {
    let bytes = document(measures);
    bencher.counter(BytesCount::new(bytes.len())).bench(|| {
        kreisentwicklung::json::from_seekable_reader_with_warnings(std::io::Cursor::new(&bytes))
            .expect("import")
    });
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn raw_import(bencher: Bencher, measures: usize) {
    let bytes = document(measures);
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench(|| serde_json::from_slice::<ConceptDocument>(&bytes).expect("import"));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn raw_import_validate(bencher: Bencher, measures: usize) {
    let bytes = document(measures);
    bencher.counter(BytesCount::new(bytes.len())).bench(|| {
        let doc = serde_json::from_slice::<ConceptDocument>(&bytes).expect("import");
        doc.concept.validate()?;
        Ok::<_, ValidationErrors>(doc.concept)
    });
}
