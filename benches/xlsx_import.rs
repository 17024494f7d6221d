//! XLSX import: reading a council workbook written by this library back
//! into a concept (`kreisentwicklung::xlsx::read`), against the export of
//! the same workbook. The workbooks are written once per size, before the
//! timing, in normal and constant-memory mode (the reader gets the same
//! cells from both).
//!
//! `cargo bench --bench xlsx_import`; see BENCHMARKS.md ("XLSX import").

mod common;

use std::sync::OnceLock;

use common::{cached, concept, Cache, SIZES};
use divan::Bencher;
use kreisentwicklung::export::{ExportOptions, Exporter};
use kreisentwicklung::xlsx::{read, XlsxExporter};

fn main() {
    divan::main();
}

fn options(constant_memory: bool) -> ExportOptions {
    let options = ExportOptions::default();
    if constant_memory {
        options.option("constant-memory", "true")
    } else {
        options
    }
}

/// The workbook of `measures` measures, written once per process.
fn workbook(measures: usize, constant_memory: bool) -> &'static Vec<u8> {
    static NORMAL: Cache<Vec<u8>> = OnceLock::new();
    static STREAMED: Cache<Vec<u8>> = OnceLock::new();
    let cache = if constant_memory { &STREAMED } else { &NORMAL };
    cached(cache, measures, || {
        let mut out = Vec::new();
        XlsxExporter
            .export(concept(measures), &mut out, &options(constant_memory))
            .expect("export");
        out
    })
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn import(bencher: Bencher, measures: usize) {
    let bytes = workbook(measures, false);
    bencher.bench(|| {
        let imported = read::read(bytes).expect("import");
        assert_eq!(imported.concept.measures.len(), measures);
        imported
    });
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn import_constant_memory_workbook(bencher: Bencher, measures: usize) {
    let bytes = workbook(measures, true);
    bencher.bench(|| read::read(bytes).expect("import"));
}

/// The export of the same workbook, for comparison (to `io::sink()`).
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn export(bencher: Bencher, measures: usize) {
    let c = concept(measures);
    bencher.bench(|| {
        XlsxExporter
            .export(c, &mut std::io::sink(), &options(false))
            .expect("export")
    });
}
