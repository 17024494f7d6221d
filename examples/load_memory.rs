//! The memory of a loaded concept, against the peak of loading it.
//!
//! ```sh
//! cargo run --release --example load_memory -- g100k.json g100k.xml
//! ```
//!
//! For each file, a child process reads the whole file into memory, imports
//! it (`kreisentwicklung::import::from_slice`), frees the bytes and reports
//! `VmRSS`: the resident set of the loaded concept alone (plus the few MiB
//! of any process), the figure the peak of `kreisentwicklung validate` is
//! compared with in BENCHMARKS.md. It also reports that process's own peak
//! (`VmHWM`): bytes and concept together, as loading was before issue 23.
//! It also times reading the file and importing it, in this process.
//! Linux only.

use std::process::Command;

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

fn child(path: &str) {
    let start = std::time::Instant::now();
    let bytes = std::fs::read(path).expect("read the file");
    let read = start.elapsed().as_secs_f64();
    let size = bytes.len();
    let start = std::time::Instant::now();
    let concept = kreisentwicklung::import::from_slice(&bytes).expect("a valid concept");
    let import = start.elapsed().as_secs_f64();
    drop(bytes);
    let loaded = status_kib("VmRSS");
    let peak = status_kib("VmHWM");
    println!(
        "| {path} | {:.1} | {} | {:.1} | {:.1} | {read:.2} | {import:.2} ({:.0} MB/s) |",
        size as f64 / 1_048_576.0,
        concept.measures.len(),
        mib(loaded),
        mib(peak),
        size as f64 / 1e6 / import
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        child(&args[1]);
        return;
    }
    println!(
        "| file | size (MiB) | measures | loaded concept, VmRSS (MiB) | peak reading whole (MiB) \
         | read (s) | import in-process (s) |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    let exe = std::env::current_exe().expect("current exe");
    for path in &args {
        let status = Command::new(&exe)
            .args(["--child", path])
            .status()
            .expect("run child");
        assert!(status.success(), "{path}: {status}");
    }
}
