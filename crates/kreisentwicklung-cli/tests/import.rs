//! `kreisentwicklung import`: an edited workbook read back onto a concept.

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_kreisentwicklung");

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "kreisentwicklung-cli-{name}-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The workbook with every "in Bearbeitung" turned into "umgesetzt", as if
/// typed into each such status cell.
fn complete_everything(bytes: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        let mut content = Vec::new();
        part.read_to_end(&mut content).unwrap();
        if name == "xl/sharedStrings.xml" {
            let text = String::from_utf8(content).unwrap();
            assert!(text.contains(">in Bearbeitung<"));
            content = text.replace(">in Bearbeitung<", ">umgesetzt<").into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn update_mode_applies_edits_and_lists_them() {
    let dir = temp_dir("import");
    assert!(run(
        &dir,
        &[
            "generate",
            "--measures",
            "20",
            "--seed",
            "4",
            "-o",
            "c.json"
        ]
    )
    .status
    .success());
    // Statuses without dated updates: a new status typed alone is then
    // taken with a warning (with a dated history it would need its date).
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("c.json")).unwrap()).unwrap();
    for m in doc["concept"]["measures"].as_array_mut().unwrap() {
        m.as_object_mut().unwrap().remove("statusHistory");
    }
    let mut bytes = serde_json::to_vec_pretty(&doc).unwrap();
    bytes.push(b'\n');
    std::fs::write(dir.join("raw.json"), bytes).unwrap();
    // Written again by the tool, in its own key order.
    assert!(run(
        &dir,
        &["export", "raw.json", "--format", "json", "-o", "c.json"]
    )
    .status
    .success());
    assert!(run(
        &dir,
        &["export", "c.json", "--format", "xlsx", "-o", "c.xlsx"]
    )
    .status
    .success());

    // Unedited: the same concept, byte for byte, and no changes.
    let out = run(
        &dir,
        &["import", "c.xlsx", "--onto", "c.json", "-o", "same.json"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    assert_eq!(
        std::fs::read(dir.join("same.json")).unwrap(),
        std::fs::read(dir.join("c.json")).unwrap()
    );

    let edited = complete_everything(&std::fs::read(dir.join("c.xlsx")).unwrap());
    std::fs::write(dir.join("edited.xlsx"), edited).unwrap();
    let out = run(
        &dir,
        &[
            "import",
            "edited.xlsx",
            "--onto",
            "c.json",
            "-o",
            "updated.json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let concept: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("c.json")).unwrap()).unwrap();
    let in_progress: Vec<(usize, &str)> = concept["concept"]["measures"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .filter(|(_, m)| m["status"] == "inProgress")
        .map(|(i, m)| (i, m["id"].as_str().unwrap()))
        .collect();
    assert!(!in_progress.is_empty());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), in_progress.len(), "{stdout}");
    for (line, (i, id)) in lines.iter().zip(&in_progress) {
        let head = format!("measures[{id}].status: inProgress → completed (Maßnahmen!");
        assert!(
            line.starts_with(&head) && line.ends_with(&format!("{})", i + 2)),
            "{line}"
        );
    }
    // Each status without a new date is a warning on standard error.
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr
            .lines()
            .filter(|l| l.contains("warning: Maßnahmen!"))
            .count(),
        in_progress.len(),
        "{stderr}"
    );
    let updated: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("updated.json")).unwrap()).unwrap();
    for (i, _) in &in_progress {
        assert_eq!(updated["concept"]["measures"][i]["status"], "completed");
    }

    // --json: the same changes as objects.
    let out = run(
        &dir,
        &[
            "import",
            "edited.xlsx",
            "--onto",
            "c.json",
            "-o",
            "updated2.json",
            "--json",
        ],
    );
    let changes: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(changes.as_array().unwrap().len(), in_progress.len());
    assert_eq!(changes[0]["new"], "completed");
    assert!(changes[0]["cell"]
        .as_str()
        .unwrap()
        .starts_with("Maßnahmen!"));

    // Every command reads the workbook.
    let out = run(&dir, &["validate", "edited.xlsx"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(
        &dir,
        &[
            "export",
            "edited.xlsx",
            "--format",
            "json",
            "-o",
            "from-xlsx.json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read(dir.join("from-xlsx.json")).unwrap(),
        std::fs::read(dir.join("updated.json")).unwrap()
    );

    // A broken workbook: exit 1, nothing written.
    let bytes = std::fs::read(dir.join("c.xlsx")).unwrap();
    std::fs::write(dir.join("broken.xlsx"), &bytes[..bytes.len() / 2]).unwrap();
    let out = run(
        &dir,
        &[
            "import",
            "broken.xlsx",
            "--onto",
            "c.json",
            "-o",
            "never.json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: broken.xlsx: "));
    assert!(!dir.join("never.json").exists());
    std::fs::remove_dir_all(&dir).ok();
}
