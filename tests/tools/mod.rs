//! Running the external validators and generators that vendors use (ajv,
//! datamodel-code-generator, json-schema-to-typescript, xmllint, python
//! `xmlschema`). Without a tool a test prints a notice and passes, unless
//! the environment variable `CI` is set: then it fails.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// True when `program` runs (`program <probe>` starts); otherwise a notice,
/// or a panic when `CI` is set. `install` says how to get it.
pub fn available(program: &str, probe: &[&str], install: &str) -> bool {
    if Command::new(program).args(probe).output().is_ok() {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("{program} is missing but CI is set: install it ({install})");
    }
    eprintln!("notice: {program} not found, test skipped (install: {install}; with CI set this test fails)");
    false
}

/// True when python can import `module`; as [`available`] otherwise.
pub fn python_module(module: &str, install: &str) -> bool {
    let ok = Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if ok {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("python module {module} is missing but CI is set: install it ({install})");
    }
    eprintln!("notice: python module {module} not found, test skipped (install: {install})");
    false
}

/// A fresh scratch directory for one test.
pub fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "kreisentwicklung-tools-{}-{test}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch directory");
    dir
}

/// Writes `text` to `dir/name` and returns the path.
pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write scratch file");
    path
}

/// Runs a command; its output.
pub fn run(program: &str, args: &[&std::ffi::OsStr]) -> Output {
    Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("run {program}: {e}"))
}

/// stdout and stderr of an output, for messages.
pub fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}
