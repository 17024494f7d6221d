//! Files and faults (issue 19): outputs that cannot be turned against their
//! user, inputs that cannot exhaust the machine, and messages that cannot
//! drive the terminal. Each test runs the real binary on real data (the
//! seed counties) and fails on the code before the issue was fixed.

#![cfg(unix)]

mod common;

use std::fs;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{finish, run_in, Run, TempDir, BIN};

/// Runs `script` with `sh -c`, `$BIN` set to the binary.
fn sh(dir: &Path, script: &str) -> Run {
    finish(
        Command::new("sh")
            .arg("-c")
            .arg(script)
            .env("BIN", BIN)
            .current_dir(dir)
            .stdin(Stdio::null())
            .output()
            .unwrap(),
    )
}

fn assert_code(run: &Run, code: i32, needle: &str) {
    assert_eq!(run.code, code, "stderr:\n{}", run.stderr);
    assert!(
        run.stderr.contains(needle),
        "stderr lacks {needle:?}:\n{}",
        run.stderr
    );
}

/// Hildesheim as JSON, the way the CLI writes it.
fn hildesheim_json() -> Vec<u8> {
    let dir = TempDir::new("ref");
    let r = run_in(
        &dir.0,
        &[
            "export",
            "--example",
            "hildesheim",
            "--format",
            "json",
            "-o",
            "-",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.raw_stdout
}

// 1. A planted symlink at the old, predictable temporary name is not
// followed: the file it points to stays untouched.
#[test]
fn a_planted_symlink_is_not_followed() {
    let dir = TempDir::new("symlink");
    fs::write(dir.path("victim.txt"), "do not touch").unwrap();
    // `exec` keeps the shell's process id, so `$$` is the tool's id and the
    // old temporary name `.out.json.PID.tmp` can be planted in advance.
    let r = sh(
        &dir.0,
        r#"ln -s victim.txt ".out.json.$$.tmp" && exec "$BIN" export --example hildesheim --format json -o out.json"#,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        fs::read_to_string(dir.path("victim.txt")).unwrap(),
        "do not touch"
    );
    assert_eq!(fs::read(dir.path("out.json")).unwrap(), hildesheim_json());
}

// 2. Devices and FIFOs are written in place, never replaced by a file.
#[test]
fn a_fifo_output_is_written_in_place() {
    let dir = TempDir::new("fifo-out");
    let fifo = dir.path("out.fifo");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read(fifo).unwrap())
    };
    let r = run_in(
        &dir.0,
        &[
            "export",
            "--example",
            "hildesheim",
            "--format",
            "json",
            "-o",
            "out.fifo",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(),
        "the FIFO was replaced by a file"
    );
    assert_eq!(reader.join().unwrap(), hildesheim_json());
}

#[test]
fn dev_paths_are_written_in_place() {
    let dir = TempDir::new("dev");
    // Standard output is a pipe here; /dev/fd/1 names it.
    let r = run_in(
        &dir.0,
        &[
            "export",
            "--example",
            "hildesheim",
            "--format",
            "json",
            "-o",
            "/dev/fd/1",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.raw_stdout, hildesheim_json());
    let r = run_in(
        &dir.0,
        &[
            "export",
            "--example",
            "hildesheim",
            "--format",
            "xlsx",
            "-o",
            "/dev/null",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(fs::metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device());
    assert!(dir.names().is_empty(), "{:?}", dir.names());
}

// 3. Inputs that are not regular files are refused at once; sizes are
// bounded.
#[test]
fn a_fifo_input_is_refused_without_hanging() {
    let dir = TempDir::new("fifo-in");
    assert!(Command::new("mkfifo")
        .arg(dir.path("in.json"))
        .status()
        .unwrap()
        .success());
    let mut child = Command::new(BIN)
        .args(["validate", "in.json"])
        .current_dir(&dir.0)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("validate of a FIFO without a writer hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let r = finish(child.wait_with_output().unwrap());
    assert_code(
        &r,
        2,
        "in.json: it is a named pipe (FIFO), not a regular file",
    );
}

#[test]
fn devices_are_refused() {
    let dir = TempDir::new("dev-in");
    let r = run_in(&dir.0, &["validate", "/dev/zero"]);
    assert_code(
        &r,
        2,
        "cannot read /dev/zero: it is a device, not a regular file",
    );
}

#[test]
fn inputs_larger_than_the_limit_are_refused() {
    let dir = TempDir::new("limit");
    fs::write(dir.path("h.json"), hildesheim_json()).unwrap();
    let len = fs::metadata(dir.path("h.json")).unwrap().len();
    let r = run_in(&dir.0, &["validate", "h.json", "--max-input-size", "1K"]);
    assert_code(
        &r,
        2,
        "cannot read h.json: it is larger than the input limit of 1 KiB; raise the limit with --max-input-size",
    );
    let r = run_in(
        &dir.0,
        &[
            "export",
            "h.json",
            "--format",
            "xml",
            "-o",
            "h.xml",
            "--max-input-size",
            "1K",
        ],
    );
    assert_code(&r, 2, "larger than the input limit");
    assert!(!dir.path("h.xml").exists());
    let exact = len.to_string();
    let r = run_in(&dir.0, &["validate", "h.json", "--max-input-size", &exact]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run_in(&dir.0, &["check", "h.json", "--max-input-size", "10"]);
    assert_code(&r, 2, "larger than the input limit of 10 bytes");
}

#[test]
fn standard_input_is_read_with_the_same_limit() {
    let dir = TempDir::new("stdin");
    fs::write(dir.path("h.json"), hildesheim_json()).unwrap();
    let r = sh(&dir.0, r#"exec "$BIN" validate - < h.json"#);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = sh(
        &dir.0,
        r#"exec "$BIN" export - --format json -o - < h.json"#,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.raw_stdout, hildesheim_json());
    // An endless input ends with a clear error after the limit.
    let start = Instant::now();
    let r = sh(
        &dir.0,
        r#"exec "$BIN" validate - --max-input-size 8M < /dev/zero"#,
    );
    assert_code(
        &r,
        2,
        "cannot read standard input: it is larger than the input limit of 8 MiB",
    );
    assert!(start.elapsed() < Duration::from_secs(20));
    let r = sh(&dir.0, r#"exec "$BIN" export - --format json < h.json"#);
    assert_code(&r, 2, "give -o OUT or -o -");
}

// 4. An existing output keeps its mode; a new one gets 0666 less the umask.
#[test]
fn permissions_of_an_existing_output_are_kept() {
    let dir = TempDir::new("mode");
    for format in ["json", "xml", "xlsx"] {
        let out = dir.path(&format!("secret.{format}"));
        fs::write(&out, "old").unwrap();
        fs::set_permissions(&out, fs::Permissions::from_mode(0o600)).unwrap();
        let r = run_in(
            &dir.0,
            &[
                "export",
                "--example",
                "helmstedt",
                "--format",
                format,
                "-o",
                out.to_str().unwrap(),
            ],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        let mode = fs::metadata(&out).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode, 0o600, "{format}: mode {mode:o}");
    }
    let r = sh(
        &dir.0,
        r#"umask 022 && exec "$BIN" export --example helmstedt --format json -o new.json"#,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mode = fs::metadata(dir.path("new.json"))
        .unwrap()
        .permissions()
        .mode()
        & 0o7777;
    assert_eq!(mode, 0o644);
}

// 5. Ctrl-C while writing removes the temporary file; the old output
// stays intact.
#[test]
fn ctrl_c_leaves_no_temporary_file() {
    let dir = TempDir::new("sigint");
    fs::write(dir.path("big.json"), "old output").unwrap();
    let mut child = Command::new(BIN)
        .args(["generate", "--measures", "300000", "-o", "big.json"])
        .current_dir(&dir.0)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the temporary file has some content, then interrupt.
    let start = Instant::now();
    let tmp = loop {
        let found = dir
            .names()
            .into_iter()
            .find(|n| n.ends_with(".tmp"))
            .filter(|n| fs::metadata(dir.path(n)).is_ok_and(|m| m.len() > 0));
        if let Some(name) = found {
            break name;
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "no temporary file appeared: {:?}",
            dir.names()
        );
        assert!(
            child.try_wait().unwrap().is_none(),
            "generate ended too soon"
        );
        std::thread::sleep(Duration::from_millis(10));
    };
    assert!(
        tmp.starts_with(".big.json.") && tmp.len() == ".big.json.".len() + 8 + 4,
        "{tmp}"
    );
    let pid = child.id().to_string();
    assert!(Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap()
        .success());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130), "{output:?}");
    assert_eq!(dir.names(), ["big.json"]);
    assert_eq!(
        fs::read_to_string(dir.path("big.json")).unwrap(),
        "old output"
    );
}

// 6. A valid 250-byte output name works.
#[test]
fn long_output_names_work() {
    let dir = TempDir::new("long");
    let name = format!("{}.json", "k".repeat(245));
    assert_eq!(name.len(), 250);
    let r = run_in(
        &dir.0,
        &[
            "export",
            "--example",
            "nordsachsen",
            "--format",
            "json",
            "-o",
            &name,
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(dir.names(), [name]);
}

// 7. generate refuses a size beyond its bound before allocating anything.
#[test]
fn generate_is_bounded() {
    let dir = TempDir::new("generate");
    let start = Instant::now();
    let r = run_in(
        &dir.0,
        &["generate", "--measures", "1000000000", "-o", "g.json"],
    );
    assert_code(
        &r,
        2,
        "--measures 1000000000 is more than the limit of 1000000 measures",
    );
    assert!(start.elapsed() < Duration::from_secs(10));
    assert!(dir.names().is_empty());
}

// 10. File names are escaped before they reach the terminal.
#[test]
fn file_names_cannot_send_escape_sequences() {
    let dir = TempDir::new("escape");
    let evil = "\u{1b}]0;pwned\u{7}\u{1b}[2J.json";
    fs::write(dir.path(evil), "{\"schemaVersion\": \"1.0\"").unwrap();
    for args in [
        vec!["validate", evil],
        vec!["validate", "missing\u{1b}[31m.json"],
        vec!["export", evil, "--format", "xml", "-o", "x.xml"],
        vec!["check", evil],
        vec![
            "export",
            "--example",
            "hildesheim",
            "--format",
            "json",
            "-o",
            "no\u{1b}[1m/x.json",
        ],
    ] {
        let r = run_in(&dir.0, &args);
        assert!(r.code == 1 || r.code == 2, "{args:?}: {r:?}");
        assert!(
            !r.stderr.contains('\u{1b}') && !r.stderr.contains('\u{7}'),
            "{args:?}: {:?}",
            r.stderr
        );
        let stdout = r.stdout.clone();
        assert!(!stdout.contains('\u{1b}'), "{args:?}");
        // The name is shown, escaped: in the error or in the report.
        assert!(
            r.stderr.contains("\\u{1b}") || stdout.contains("\\u{1b}"),
            "{args:?}: {}{stdout}",
            r.stderr
        );
    }
}

// 11. `-o -` with standard output closed is an error, found before work.
#[test]
fn a_closed_stdout_is_an_error() {
    let dir = TempDir::new("closed");
    let r = sh(
        &dir.0,
        r#"exec "$BIN" export --example hildesheim --format json -o - >&-"#,
    );
    assert_code(&r, 2, "cannot write to standard output: it is closed");
    let r = sh(&dir.0, r#"exec "$BIN" schema --format json >&-"#);
    assert_code(&r, 2, "standard output: it is closed");
    // /dev/null opened by the shell is a choice, not a mistake.
    let r = sh(
        &dir.0,
        r#"exec "$BIN" export --example hildesheim --format json -o - >/dev/null"#,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    if Path::new("/dev/full").exists() {
        let r = sh(
            &dir.0,
            r#"exec "$BIN" export --example hildesheim --format json -o - >/dev/full"#,
        );
        assert_code(&r, 2, "No space left on device");
    }
}

// 12. Usage mistakes exit 2 before any work.
#[test]
fn usage_mistakes_are_found_before_work() {
    let dir = TempDir::new("usage");
    let r = run_in(
        &dir.0,
        &[
            "export",
            "--example",
            "hildesheim",
            "--format",
            "json",
            "-o",
            ".",
        ],
    );
    assert_code(&r, 2, "cannot write .: it is a directory; give a file name");
    let r = run_in(
        &dir.0,
        &["generate", "--measures", "3", "-o", "no/such/g.json"],
    );
    assert_code(&r, 2, "the directory no/such does not exist");
    for format in ["json", "xml", "xlsx"] {
        let r = run_in(
            &dir.0,
            &[
                "export",
                "--example",
                "hildesheim",
                "--format",
                format,
                "--timestamp",
                "0001-01-01",
                "-o",
                "t.out",
            ],
        );
        assert_code(&r, 2, "from 1900-01-01 to 9999-12-31");
        let r = run_in(
            &dir.0,
            &[
                "export",
                "--example",
                "hildesheim",
                "--format",
                format,
                "--timestamp",
                "1899-12-31",
                "-o",
                "t.out",
            ],
        );
        assert_code(&r, 2, "from 1900-01-01 to 9999-12-31");
        let r = run_in(
            &dir.0,
            &[
                "export",
                "--example",
                "hildesheim",
                "--format",
                format,
                "--timestamp",
                "1900-01-01",
                "-o",
                "t.out",
            ],
        );
        assert_eq!(r.code, 0, "{format}: {}", r.stderr);
    }
    assert_eq!(dir.names(), ["t.out"]);
}

/// The help lists the limits.
#[test]
fn the_help_lists_the_limits() {
    let dir = TempDir::new("help");
    let r = run_in(&dir.0, &["--help"]);
    let help = r.stdout.clone();
    for needle in [
        "1 GiB",
        "--max-input-size",
        ".NAME.XXXXXXXX.tmp",
        "kill -9",
        "1000000 measures",
        "1900-01-01",
    ] {
        assert!(help.contains(needle), "--help lacks {needle:?}:\n{help}");
    }
    let r = run_in(&dir.0, &["validate", "--help"]);
    assert!(r.stdout.clone().contains("--max-input-size <SIZE>"));
}
