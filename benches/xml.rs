//! XML export and import throughput (targets: export ≥ 100 MB/s, import
//! ≥ 50 MB/s of the compact document). Both validate the concept, as the
//! library always does.
//!
//! `cargo bench --bench xml`; see BENCHMARKS.md.

mod common;

use common::{concept, SIZES};
use divan::counter::BytesCount;
use divan::Bencher;
use kreisentwicklung::export::ExportOptions;

fn main() {
    divan::main();
}

fn options(pretty: bool) -> ExportOptions {
    ExportOptions::default().pretty(pretty)
}

fn document(measures: usize, pretty: bool) -> Vec<u8> {
    let mut out = Vec::new();
    kreisentwicklung::xml::to_writer(concept(measures), &mut out, &options(pretty))
        .expect("export");
    out
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn export(bencher: Bencher, measures: usize) {
    let c = concept(measures);
    let len = document(measures, false).len();
    let options = options(false);
    bencher.counter(BytesCount::new(len)).bench(|| {
        let mut out = Vec::with_capacity(len);
        kreisentwicklung::xml::to_writer(c, &mut out, &options).expect("export");
        out
    });
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn export_pretty(bencher: Bencher, measures: usize) {
    let c = concept(measures);
    let len = document(measures, true).len();
    let options = options(true);
    bencher.counter(BytesCount::new(len)).bench(|| {
        let mut out = Vec::with_capacity(len);
        kreisentwicklung::xml::to_writer(c, &mut out, &options).expect("export");
        out
    });
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn import(bencher: Bencher, measures: usize) {
    let bytes = document(measures, false);
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench(|| kreisentwicklung::xml::from_slice(&bytes).expect("import"));
}

/// The import through a buffer that the CLI uses for files
/// (`from_seekable_reader`), here from the bytes in memory, so that it
/// times the parse and leaves out the disk.
#[divan::bench(args = SIZES, sample_count = 10)]
fn import_buffered(bencher: Bencher, measures: usize) {
    let bytes = document(measures, false);
    bencher.counter(BytesCount::new(bytes.len())).bench(|| {
        kreisentwicklung::xml::from_seekable_reader(std::io::Cursor::new(&bytes)).expect("import")
    });
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn import_pretty(bencher: Bencher, measures: usize) {
    let bytes = document(measures, true);
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench(|| kreisentwicklung::xml::from_slice(&bytes).expect("import"));
}

/// Baseline for import: the same compact document through `quick-xml`'s
/// namespace-aware reader, every event read and its text decoded, nothing
/// built.
#[divan::bench(args = SIZES, sample_count = 10)]
fn raw_quick_xml_events(bencher: Bencher, measures: usize) {
    let bytes = document(measures, false);
    bencher.counter(BytesCount::new(bytes.len())).bench(|| {
        let mut reader = quick_xml::NsReader::from_reader(&bytes[..]);
        let mut buf = Vec::new();
        let mut events = 0usize;
        loop {
            match reader
                .read_resolved_event_into(&mut buf)
                .expect("well-formed")
            {
                (_, quick_xml::events::Event::Eof) => break,
                (_, quick_xml::events::Event::Text(t)) => {
                    events += t.xml10_content().len();
                }
                _ => events += 1,
            }
            buf.clear();
        }
        events
    });
}
