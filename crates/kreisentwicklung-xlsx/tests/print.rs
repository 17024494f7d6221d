//! The workbooks on paper: the five seed counties and a generated catalogue
//! of 200 measures, printed to PDF by LibreOffice (`soffice --headless
//! --convert-to pdf`, which prints each sheet with its print setup) and
//! measured from the PDF's word boxes (`pdftotext -bbox`, poppler-utils):
//!
//! - no two words are drawn over each other (rows high enough for their
//!   wrapped text, headers that fit, nothing running under the next cell);
//! - at least 99 % of the words are 7.5 pt high or more (about 8 pt type:
//!   nothing shrunk to fit a page);
//! - every page carries "Seite X von Y" and the evaluation date.
//!
//! Needs `soffice` (libreoffice-calc-nogui) and `pdftotext`
//! (poppler-utils): with the environment variable `CI` set the test fails
//! when they are missing, elsewhere it is skipped with a notice.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use kreisentwicklung_core::export::{ExportOptions, Exporter};
use kreisentwicklung_core::generate::{generate, GeneratorOptions};
use kreisentwicklung_core::{Concept, Goal, Measure, Text};
use kreisentwicklung_xlsx::XlsxExporter;

/// Words lower than this (points) count as too small to read.
const MIN_WORD_PT: f64 = 7.5;
/// Two words overlap when their boxes share more than this width (points)
/// and more than [`OVERLAP_SHARE`] of the lower box's height.
const OVERLAP_TOLERANCE_PT: f64 = 0.5;
/// pdftotext's boxes span the font's whole bounding box: 14.3 pt for 11 pt
/// Carlito (Calibri), whose lines LibreOffice sets 11 pt apart, so the
/// boxes of two lines of one paragraph share 3.3 pt (23 %) by
/// construction. Words drawn over each other share more.
const OVERLAP_SHARE: f64 = 0.3;

fn has_tool(name: &str, arg: &str) -> bool {
    Command::new(name)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// True when LibreOffice and poppler are there; fails in CI without them.
fn tools_present() -> bool {
    let present = has_tool("soffice", "--version") && has_tool("pdftotext", "-v");
    if !present {
        if std::env::var_os("CI").is_some() {
            panic!("CI is set but soffice (libreoffice-calc-nogui) or pdftotext (poppler-utils) is missing");
        }
        eprintln!(
            "NOTICE: print test skipped: soffice (libreoffice-calc-nogui) and pdftotext \
             (poppler-utils) are needed"
        );
    }
    present
}

fn seeds() -> Vec<(String, Concept)> {
    // The examples embedded in core (the repository's examples/data), sorted
    // by name.
    let mut names = kreisentwicklung_core::examples::NAMES.to_vec();
    names.sort_unstable();
    names
        .into_iter()
        .map(|name| {
            let concept = kreisentwicklung_core::examples::load(name)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            (name.to_owned(), concept)
        })
        .collect()
}

/// A word and its box on a page, in points from the top left.
#[derive(Debug)]
struct Word {
    page: usize,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    text: String,
}

fn attr(tag: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    let start = tag.find(&key).expect("attribute") + key.len();
    let end = start + tag[start..].find('"').unwrap();
    tag[start..end].parse().expect("a number")
}

/// The pages (as the text of their words) and the words of a PDF.
fn words(pdf: &Path) -> (Vec<String>, Vec<Word>) {
    let out = Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    let html = String::from_utf8_lossy(&out.stdout);
    let mut pages = Vec::new();
    let mut words = Vec::new();
    for (page, chunk) in html.split("<page ").skip(1).enumerate() {
        let mut text = String::new();
        for part in chunk.split("<word ").skip(1) {
            let (tag, rest) = part.split_once('>').unwrap();
            let word = rest.split("</word>").next().unwrap().to_owned();
            text.push_str(&word);
            text.push(' ');
            words.push(Word {
                page,
                x0: attr(tag, "xMin"),
                y0: attr(tag, "yMin"),
                x1: attr(tag, "xMax"),
                y1: attr(tag, "yMax"),
                text: word,
            });
        }
        pages.push(text);
    }
    (pages, words)
}

/// Pairs of words drawn over each other.
fn overlaps(words: &[Word]) -> Vec<(&Word, &Word)> {
    let mut sorted: Vec<&Word> = words.iter().collect();
    sorted.sort_by(|a, b| (a.page, a.y0).partial_cmp(&(b.page, b.y0)).unwrap());
    let mut out = Vec::new();
    for (i, a) in sorted.iter().enumerate() {
        for b in &sorted[i + 1..] {
            if b.page != a.page || b.y0 >= a.y1 {
                break;
            }
            let w = a.x1.min(b.x1) - a.x0.max(b.x0);
            let h = a.y1.min(b.y1) - a.y0.max(b.y0);
            let lower = (a.y1 - a.y0).min(b.y1 - b.y0);
            if w > OVERLAP_TOLERANCE_PT && h > OVERLAP_SHARE * lower {
                out.push((*a, *b));
            }
        }
    }
    out
}

#[test]
fn printed_workbooks_are_readable() {
    if !tools_present() {
        return;
    }
    // Kept after the run, to look at (`pdftoppm -png -r 60`).
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("print");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut concepts = seeds();
    assert_eq!(concepts.len(), 5, "the five seed counties");
    concepts.push((
        "generated-200".to_owned(),
        generate(&GeneratorOptions::new(200)),
    ));
    let mut files = Vec::new();
    for (name, c) in &concepts {
        let path = dir.join(format!("{name}.xlsx"));
        let mut bytes = Vec::new();
        XlsxExporter
            .export(c, &mut bytes, &ExportOptions::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        std::fs::write(&path, bytes).unwrap();
        files.push(path);
    }
    // One LibreOffice for all files, with a profile of its own so that
    // parallel runs do not clash.
    let profile = format!("file://{}", dir.join("profile").display());
    let out = Command::new("soffice")
        .arg(format!("-env:UserInstallation={profile}"))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .args(&files)
        .output()
        .expect("soffice runs");
    assert!(
        out.status.success(),
        "soffice: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    let mut failures = Vec::new();
    for (name, c) in &concepts {
        let pdf = dir.join(format!("{name}.pdf"));
        assert!(pdf.exists(), "{name}: no PDF from LibreOffice");
        let (pages, words) = words(&pdf);
        let small = words.iter().filter(|w| w.y1 - w.y0 < MIN_WORD_PT).count();
        let over = overlaps(&words);
        let share = small as f64 / words.len().max(1) as f64;
        eprintln!(
            "{name}: {} pages, {} words, {small} below {MIN_WORD_PT} pt ({:.2} %), {} overlapping pairs",
            pages.len(),
            words.len(),
            share * 100.0,
            over.len()
        );
        for (a, b) in over.iter().take(10) {
            eprintln!(
                "  page {}: {:?} ({:.1},{:.1}-{:.1},{:.1}) over {:?} ({:.1},{:.1}-{:.1},{:.1})",
                a.page + 1,
                a.text,
                a.x0,
                a.y0,
                a.x1,
                a.y1,
                b.text,
                b.x0,
                b.y0,
                b.x1,
                b.y1
            );
        }
        if !over.is_empty() {
            failures.push(format!("{name}: {} pairs of words overlap", over.len()));
        }
        if share > 0.01 {
            failures.push(format!(
                "{name}: {:.1} % of words below {MIN_WORD_PT} pt",
                share * 100.0
            ));
        }
        assert!(words.len() > 100, "{name}: the PDF has hardly any text");
        // Every page: its number, the count and the evaluation date.
        let n = pages.len();
        for (i, text) in pages.iter().enumerate() {
            // LibreOffice now and then adds a blank page (no header
            // either) after a sheet whose rows fill the page exactly.
            if text.is_empty() {
                eprintln!("  page {} is blank", i + 1);
                continue;
            }
            let number = format!("Seite {} von {n}", i + 1);
            if !text.contains(&number) || !text.contains("Stand der Auswertung:") {
                failures.push(format!(
                    "{name}: page {} lacks {number:?} or the date",
                    i + 1
                ));
                break;
            }
        }
        assert!(
            pages
                .iter()
                .any(|p| p.contains(&c.title.text.split(' ').next().unwrap().to_owned())),
            "{name}: the title is printed"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The print layout in the file, for Excel as for LibreOffice: the title
/// and headings quoted like every other text, rows as high as their
/// wrapped text, goals visibly indented, chart data not printed.
#[test]
fn layout_in_the_xml() {
    use common::*;
    let mut c = sample();
    c.title = Text::new("=Kreisentwicklungskonzept & Co");
    let long =
        "Die Maßnahme verbessert die Erreichbarkeit der Grundzentren mit Bus und Rad. ".repeat(6);
    c.measures[0].description = Some(Text::new(long));
    c = c
        .with_goal(Goal::new("zq", 1, "-Leerstand abbauen"))
        .with_measure(Measure::new("mq", "@Radweg"));
    let bytes = export(&c, &ExportOptions::default());
    let book = open(&bytes);

    // The title cell of the Übersicht has the quote prefix.
    let n = sheet_number(&book, "Übersicht");
    let xf = cell_xf(&bytes, style_of_text_cell(&bytes, n, &c.title.text));
    assert!(xf.contains("quotePrefix=\"1\""), "{xf}");
    // In the page header, "&" is doubled (one printed "&").
    let xml = sheet_xml(&bytes, n);
    assert!(
        xml.contains("&amp;L=Kreisentwicklungskonzept &amp;&amp; Co&amp;R&amp;A"),
        "{xml}"
    );
    assert!(xml.contains("orientation=\"landscape\""));

    // The row of the long description is written high enough (Excel's
    // 15 pt a line); the header row too when a header wraps.
    let n = sheet_number(&book, "Maßnahmen");
    let xml = sheet_xml(&bytes, n);
    let row2 = xml.split("<row r=\"2\"").nth(1).unwrap();
    let tag = &row2[..row2.find('>').unwrap()];
    let height: f64 = tag
        .split("ht=\"")
        .nth(1)
        .and_then(|h| h.split('"').next())
        .and_then(|h| h.parse().ok())
        .unwrap_or_else(|| panic!("no height: {tag}"));
    assert!(height >= 5.0 * 15.0, "{tag}");
    assert!(tag.contains("customHeight=\"1\""), "{tag}");
    let xf = cell_xf(&bytes, style_of_text_cell(&bytes, n, "@Radweg"));
    assert!(xf.contains("quotePrefix=\"1\""), "{xf}");

    // Projektsteckbriefe: a block per measure, label beside value, for
    // A4 portrait.
    let mut book = open(&bytes);
    let r = sheet(&mut book, "Projektsteckbriefe");
    let m = &c.measures[0];
    let head = (0..r.height())
        .find(|&i| text(&cell(&r, i, 1)) == m.title.text)
        .expect("the first measure's heading");
    assert_eq!(
        text(&cell(&r, head, 0)),
        m.number.as_deref().unwrap_or(m.id.as_str())
    );
    let block: Vec<(String, String)> = (head + 1..r.height())
        .take_while(|&i| cell(&r, i, 0) != calamine::Data::Empty)
        .map(|i| {
            (
                text(&cell(&r, i, 0)).to_owned(),
                text(&cell(&r, i, 1)).to_owned(),
            )
        })
        .collect();
    let description = block.iter().find(|(k, _)| k == "Beschreibung").unwrap();
    assert_eq!(&description.1, &m.description.as_ref().unwrap().text);
    assert!(block.iter().any(|(k, _)| k == "Ampel"), "{block:?}");
    let n = sheet_number(&book, "Projektsteckbriefe");
    assert!(sheet_xml(&bytes, n).contains("orientation=\"portrait\""));

    // Goals: indentation with a horizontal alignment, or it is not shown.
    let n = sheet_number(&book, "Zielsystem");
    let sub = c
        .goals
        .iter()
        .find(|g| g.parent.is_some())
        .expect("a sub-goal");
    let xf = cell_xf(&bytes, style_of_text_cell(&bytes, n, &sub.title.text));
    assert!(
        xf.contains("horizontal=\"left\"") && xf.contains("indent="),
        "{xf}"
    );
    let xf = cell_xf(&bytes, style_of_text_cell(&bytes, n, "-Leerstand abbauen"));
    assert!(xf.contains("quotePrefix=\"1\""), "{xf}");

    // Indikatoren prints its table only: the values over time below it
    // are chart data.
    let workbook = zip_text(&bytes, "xl/workbook.xml").unwrap();
    let rows = 1 + c.indicators.len();
    assert!(
        workbook.contains(&format!("Indikatoren!$A$1:$S${rows}<")),
        "{workbook}"
    );
}
