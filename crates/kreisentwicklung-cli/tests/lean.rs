//! Loading in the size of the model and the workbook mode (issue 23): a
//! JSON file is read through a buffer, not into memory, and must give
//! exactly what reading it whole gives (standard input is still read
//! whole, so it is the reference); the input limit still holds; `--in-memory`
//! and `--constant-memory` choose the workbook mode.

use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use kreisentwicklung::generate::{generate, GeneratorOptions};

const BIN: &str = env!("CARGO_BIN_EXE_kreisentwicklung");

/// A fresh directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!(
            "kreisentwicklung-lean-{}-{name}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn write(&self, name: &str, content: impl AsRef<[u8]>) -> String {
        let path = self.0.join(name);
        fs::write(&path, content).unwrap();
        path.to_str().unwrap().to_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        // A refused document may not be read to its end: a closed pipe is fine.
        let _ = child.stdin.take().unwrap().write_all(bytes);
    }
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `validate` and `check` of a file say what they say of the same bytes on
/// standard input, which is read whole: every hostile document, the
/// examples, with a byte order mark, with unknown fields.
#[test]
fn a_file_read_through_a_buffer_gives_what_the_whole_bytes_give() {
    let dir = TempDir::new("same");
    // The repository's hostile corpus (the facade crate's tests/hostile); a
    // packaged crate has only the cases below.
    let hostile = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/hostile");
    let in_repository = std::path::Path::new(hostile).is_dir();
    let mut inputs: Vec<(String, Vec<u8>)> = fs::read_dir(hostile)
        .into_iter()
        .flatten()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap() != "expected.txt")
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read(&p).unwrap(),
            )
        })
        .collect();
    inputs.sort();
    assert!(
        !in_repository || inputs.len() > 30,
        "the hostile corpus is there"
    );
    let json = kreisentwicklung::examples::json("helmstedt")
        .unwrap()
        .to_owned();
    let extra = json.replacen("\"concept\": {", "\"concept\": {\"colour\": \"blue\", ", 1);
    assert_ne!(extra, json);
    inputs.extend([
        ("helmstedt.json".to_owned(), json.clone().into_bytes()),
        (
            "bom.json".to_owned(),
            [b"\xEF\xBB\xBF\n ".as_slice(), json.as_bytes()].concat(),
        ),
        ("unknown.json".to_owned(), extra.into_bytes()),
        ("trailing.json".to_owned(), format!("{json} x").into_bytes()),
        ("array.json".to_owned(), format!("[{json}]").into_bytes()),
        ("spaces.json".to_owned(), vec![b' '; 10_000]),
        (
            "late_spaces.json".to_owned(),
            [vec![b' '; 10_000], json.clone().into_bytes()].concat(),
        ),
    ]);
    let mut json_inputs = 0;
    for (name, bytes) in &inputs {
        let path = dir.write(name, bytes);
        json_inputs += usize::from(name.ends_with(".json"));
        for command in ["validate", "check"] {
            let from_file = run(&[command, &path], None);
            let from_stdin = run(&[command, "-"], Some(bytes));
            let same = |out: &[u8]| text(out).replace(&path, "standard input");
            assert_eq!(
                (
                    from_file.status.code(),
                    same(&from_file.stdout),
                    same(&from_file.stderr)
                ),
                (
                    from_stdin.status.code(),
                    text(&from_stdin.stdout),
                    text(&from_stdin.stderr)
                ),
                "{command} {name}"
            );
        }
    }
    assert!(!in_repository || json_inputs > 20);
    // And the unknown field is reported, not lost.
    let r = run(
        &["validate", &dir.0.join("unknown.json").to_string_lossy()],
        None,
    );
    assert!(text(&r.stdout).contains("warning: concept.colour: unknown field, ignored"));
}

#[test]
fn the_input_limit_counts_the_bytes_of_a_streamed_file() {
    let dir = TempDir::new("limit");
    let json = kreisentwicklung::json::to_vec(&generate(&GeneratorOptions::new(20)), true).unwrap();
    let path = dir.write("g.json", &json);
    let exact = json.len().to_string();
    let below = (json.len() - 1).to_string();
    let r = run(&["validate", &path, "--max-input-size", &exact], None);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
    let r = run(&["validate", &path, "--max-input-size", &below], None);
    assert_eq!(r.status.code(), Some(2));
    assert!(text(&r.stderr).contains("it is larger than the input limit"));
}

#[test]
fn every_format_is_still_recognised_by_its_content() {
    let dir = TempDir::new("formats");
    let concept = generate(&GeneratorOptions::new(30).seed(4));
    let json = kreisentwicklung::json::to_vec(&concept, false).unwrap();
    let xml = kreisentwicklung::xml::to_string(&concept, &Default::default()).unwrap();
    let xlsx = kreisentwicklung::xlsx::Writer::new()
        .to_vec(&concept)
        .unwrap();
    // Names that do not tell the format.
    for (name, bytes) in [
        ("a.dat", json),
        ("b.dat", xml.into_bytes()),
        ("c.dat", xlsx),
    ] {
        let path = dir.write(name, &bytes);
        let r = run(&["validate", &path], None);
        assert_eq!(r.status.code(), Some(0), "{name}: {}", text(&r.stderr));
        assert!(text(&r.stderr).contains("1 valid") || text(&r.stdout).contains("1 valid"));
    }
}

#[test]
fn the_workbook_mode_is_chosen_on_the_command_line() {
    let dir = TempDir::new("mode");
    // 200 measures: 3,200 rows of Projektsteckbriefe, streamed only when asked.
    let mut concept = generate(&GeneratorOptions::new(200).seed(11));
    concept.indicators.clear();
    for m in &mut concept.measures {
        m.indicators.clear();
    }
    let input = dir.write(
        "c.json",
        kreisentwicklung::json::to_vec(&concept, false).unwrap(),
    );
    let export = |name: &str, extra: &[&str]| {
        let out = dir.0.join(name);
        let mut args = vec!["export", &input, "--format", "xlsx", "-o"];
        let out_text = out.to_string_lossy().into_owned();
        args.push(&out_text);
        args.extend_from_slice(extra);
        let r = run(&args, None);
        assert_eq!(r.status.code(), Some(0), "{extra:?}: {}", text(&r.stderr));
        fs::read(out).unwrap()
    };
    let default = export("default.xlsx", &[]);
    let in_memory = export("in-memory.xlsx", &["--in-memory"]);
    let streaming = export("streaming.xlsx", &["--constant-memory"]);
    assert_eq!(default, in_memory);
    assert_ne!(default, streaming);
    assert_eq!(
        export("option.xlsx", &["--option", "mode=streaming"]),
        streaming
    );
    let r = run(
        &[
            "export",
            &input,
            "--format",
            "xlsx",
            "--in-memory",
            "--constant-memory",
            "-o",
            "-",
        ],
        None,
    );
    assert_eq!(r.status.code(), Some(2));
    assert!(
        text(&r.stderr).contains("--in-memory"),
        "{}",
        text(&r.stderr)
    );
}
