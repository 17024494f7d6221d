//! `export --format oparl -o DIR` and `import-oparl`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_kreisentwicklung");
const BASE: &str = "base-url=https://ratsinfo.example.de/oparl";

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("cli-oparl-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn path(&self, name: &str) -> String {
        self.0.join(name).to_str().unwrap().to_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn export_writes_the_tree_and_import_reads_it_back_into_the_concept() {
    let dir = TempDir::new("tree");
    let tree = dir.path("oparl");
    let r = run(&[
        "export",
        "--example",
        "helmstedt",
        "--format",
        "oparl",
        "-o",
        &tree,
        "--option",
        BASE,
    ]);
    assert!(r.status.success(), "{}", text(&r.stderr));
    assert!(
        text(&r.stderr).contains("list pages"),
        "{}",
        text(&r.stderr)
    );
    let system = json(&dir.0.join("oparl/system.json"));
    assert_eq!(
        system["body"],
        "https://ratsinfo.example.de/oparl/bodies.json"
    );
    let paper = dir.0.join("oparl/paper/leitbild-ziele-2018.json");
    assert_eq!(json(&paper)["consultation"].as_array().unwrap().len(), 3);

    // The concept, and its own papers read back into it: the same concept.
    let concept = dir.path("helmstedt.json");
    let r = run(&[
        "export",
        "--example",
        "helmstedt",
        "--format",
        "json",
        "-o",
        &concept,
    ]);
    assert!(r.status.success(), "{}", text(&r.stderr));
    let mut inputs: Vec<String> = std::fs::read_dir(dir.0.join("oparl/paper"))
        .unwrap()
        .map(|e| e.unwrap().path().to_str().unwrap().to_owned())
        .collect();
    inputs.sort();
    for sub in ["consultation", "agendaitem"] {
        for d in std::fs::read_dir(dir.0.join("oparl").join(sub)).unwrap() {
            for f in std::fs::read_dir(d.unwrap().path()).unwrap() {
                inputs.push(f.unwrap().path().to_str().unwrap().to_owned());
            }
        }
    }
    let out = dir.path("helmstedt-2.json");
    let mut args = vec!["import-oparl"];
    args.extend(inputs.iter().map(String::as_str));
    args.extend(["--into", &concept, "-o", &out]);
    let r = run(&args);
    assert!(r.status.success(), "{}", text(&r.stderr));
    assert_eq!(
        json(Path::new(&out))["concept"]["resolutions"],
        json(Path::new(&concept))["concept"]["resolutions"]
    );
}

#[test]
fn the_base_url_is_required_and_other_systems_papers_are_read_with_warnings() {
    let dir = TempDir::new("errors");
    let r = run(&[
        "export",
        "--example",
        "helmstedt",
        "--format",
        "oparl",
        "-o",
        &dir.path("x"),
    ]);
    assert_eq!(r.status.code(), Some(2));
    assert!(text(&r.stderr).contains("base-url"), "{}", text(&r.stderr));

    // Two of the OParl 1.1 specification's examples (as in the oparl crate's
    // tests/data), copied so that the packaged crate's tests have them.
    let paper = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/Paper-01.json");
    let r = run(&["import-oparl", paper.to_str().unwrap()]);
    assert!(r.status.success(), "{}", text(&r.stderr));
    let resolutions: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(resolutions[0]["paper"]["reference"], "1234/2014");
    assert!(text(&r.stderr).contains("warning: paper https://oparl.example.org/paper/749"));

    let meeting = paper.with_file_name("Meeting-01.json");
    let r = run(&["import-oparl", meeting.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(1));
    assert!(
        text(&r.stderr).contains("holds no OParl Paper"),
        "{}",
        text(&r.stderr)
    );
}
