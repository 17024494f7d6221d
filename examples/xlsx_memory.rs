//! Peak memory of the XLSX export in each workbook mode: the default
//! (auto), streaming (`constant-memory`) and in-memory.
//!
//! ```sh
//! cargo run --release --example xlsx_memory              # 10k, 100k, 200k measures
//! cargo run --release --example xlsx_memory -- 50000     # other sizes
//! cargo run --release --example xlsx_memory -- --child 100000 auto  # one size and mode
//! ```
//!
//! For every size and mode a child process generates the concept, resets
//! the peak resident set size (`echo 5 > /proc/self/clear_refs`), exports
//! the workbook to a temporary file and reads the peak (`VmHWM` in
//! `/proc/self/status`) again. What the export adds is that peak minus the
//! resident set size before the export, which holds the loaded concept.
//! Linux only; see BENCHMARKS.md for the figures.

use std::process::Command;
use std::time::Instant;

use kreisentwicklung::export::{ExportOptions, Exporter};
use kreisentwicklung::generate::{generate, GeneratorOptions};
use kreisentwicklung::xlsx::XlsxExporter;

const DEFAULT_SIZES: &[usize] = &[10_000, 100_000, 200_000];

/// A field of `/proc/self/status` in KiB (`VmRSS`, `VmHWM`).
fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("read /proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("no {field} in /proc/self/status"))
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

/// One measurement, in this process.
fn child(measures: usize, mode: &str) {
    let concept = generate(&GeneratorOptions::new(measures).seed(2030));
    let options = match mode {
        "auto" => ExportOptions::default(),
        other => ExportOptions::default().option("mode", other),
    };
    let path = std::env::temp_dir().join(format!(
        "xlsx_memory-{}-{measures}-{mode}.xlsx",
        std::process::id()
    ));
    // Forget the peak of generating the concept.
    std::fs::write("/proc/self/clear_refs", "5").expect("reset VmHWM (Linux 4.0+)");
    let before = status_kib("VmRSS");
    let start = Instant::now();
    {
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
        XlsxExporter
            .export(&concept, &mut file, &options)
            .expect("export");
    }
    let seconds = start.elapsed().as_secs_f64();
    let peak = status_kib("VmHWM");
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let _ = std::fs::remove_file(&path);
    println!(
        "| {measures} | {mode} | {:.1} | {:.1} | {:.1} | {:.1} | {seconds:.2} |",
        mib(before),
        mib(peak),
        mib(peak.saturating_sub(before)),
        size as f64 / 1_048_576.0,
    );
    drop(concept);
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        let measures = args[1].parse().expect("measures");
        child(measures, &args[2]);
        return;
    }
    let sizes: Vec<usize> = if args.is_empty() {
        DEFAULT_SIZES.to_vec()
    } else {
        args.iter()
            .map(|a| a.parse().expect("a number of measures"))
            .collect()
    };
    println!("| measures | mode | RSS before export (MiB) | peak during export (MiB) | added by export (MiB) | file (MiB) | export (s) |");
    println!("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
    let exe = std::env::current_exe().expect("current exe");
    for &measures in &sizes {
        for mode in ["auto", "streaming", "in-memory"] {
            let status = Command::new(&exe)
                .args(["--child", &measures.to_string(), mode])
                .status()
                .expect("run child");
            assert!(status.success(), "{measures} {mode}: {status}");
        }
    }
}
