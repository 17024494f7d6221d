//! Hostile and foreign workbooks given to the reader: each gets a clear
//! error, in bounded time and memory.

use std::io::{Cursor, Read, Write};

use kreisentwicklung_core::export::{ExportOptions, Exporter};
use kreisentwicklung_core::generate::{generate, GeneratorOptions};
use kreisentwicklung_xlsx::read::{self, Limits, ReadError};
use kreisentwicklung_xlsx::XlsxExporter;

fn workbook(measures: usize) -> Vec<u8> {
    let c = generate(&GeneratorOptions::new(measures).seed(11));
    let mut out = Vec::new();
    XlsxExporter
        .export(&c, &mut out, &ExportOptions::default())
        .unwrap();
    out
}

/// The workbook with its parts changed by `edit` (name, content) → new
/// content, or `None` to drop the part; `extra` parts are added.
fn rewrite(
    bytes: &[u8],
    edit: impl Fn(&str, Vec<u8>) -> Option<Vec<u8>>,
    extra: &[(&str, Vec<u8>)],
) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        let mut content = Vec::new();
        part.read_to_end(&mut content).unwrap();
        if let Some(content) = edit(&name, content) {
            out.start_file(name, options).unwrap();
            out.write_all(&content).unwrap();
        }
    }
    for (name, content) in extra {
        out.start_file(*name, options).unwrap();
        out.write_all(content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn replace_in(
    part: &'static str,
    from: String,
    to: String,
) -> impl Fn(&str, Vec<u8>) -> Option<Vec<u8>> {
    move |name, content| {
        if name != part {
            return Some(content);
        }
        let text = String::from_utf8(content).unwrap();
        assert!(text.contains(&from), "{part} has no {from:?}");
        Some(text.replacen(&from, &to, 1).into_bytes())
    }
}

fn error(bytes: &[u8], limits: &Limits) -> String {
    match read::read_with(bytes, None, limits) {
        Ok(_) => panic!("read a hostile workbook"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn zip_bomb_is_refused_while_unpacking() {
    // 64 MiB of spaces compress to about 64 KiB; with a limit of 16 MiB
    // per part the reader stops after unpacking 16 MiB.
    let bomb = vec![b' '; 64 << 20];
    let bytes = rewrite(&workbook(5), |_, c| Some(c), &[("xl/bomb.xml", bomb)]);
    assert!(bytes.len() < 2 << 20);
    let mut limits = Limits::default();
    limits.max_part_bytes = 16 << 20;
    let e = error(&bytes, &limits);
    assert!(e.contains("xl/bomb.xml") && e.contains("zip bomb"), "{e}");
    limits.max_part_bytes = 1 << 30;
    limits.max_total_bytes = 32 << 20;
    let e = error(&bytes, &limits);
    assert!(e.contains("the workbook unpacks to more than"), "{e}");
}

#[test]
fn doctype_and_entities_are_refused() {
    let bytes = rewrite(
        &workbook(5),
        replace_in(
            "xl/workbook.xml",
            "<workbook ".into(),
            "<!DOCTYPE workbook [<!ENTITY lol \"lol\">]><workbook ".into(),
        ),
        &[],
    );
    let e = error(&bytes, &Limits::default());
    assert!(
        e.contains("xl/workbook.xml") && e.contains("DOCTYPE"),
        "{e}"
    );
}

#[test]
fn too_many_rows_are_refused() {
    let mut limits = Limits::default();
    limits.max_rows = 40;
    let e = error(&workbook(60), &limits);
    assert!(e.contains("Maßnahmen: mehr als 40 Zeilen"), "{e}");
}

#[test]
fn renamed_sheet_is_named() {
    let bytes = rewrite(
        &workbook(5),
        replace_in(
            "xl/workbook.xml",
            "name=\"Maßnahmen\"".into(),
            "name=\"Massnahmen\"".into(),
        ),
        &[],
    );
    let e = read::read(&bytes).unwrap_err();
    let ReadError::Cells(problems) = &e else {
        panic!("{e}")
    };
    assert_eq!(problems[0].sheet, "Maßnahmen");
    assert!(problems[0].message.contains("fehlt"), "{e}");
}

#[test]
fn shared_string_index_out_of_range_is_named() {
    let w = workbook(5);
    // The Maßnahmen sheet is the fifth part of the generated workbook's
    // sheets; find it by its name in workbook.xml order instead.
    let mut zip = zip::ZipArchive::new(Cursor::new(&w[..])).unwrap();
    let mut names = String::new();
    zip.by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut names)
        .unwrap();
    let position = names
        .split("<sheet ")
        .skip(1)
        .position(|s| s.starts_with("name=\"Maßnahmen\""))
        .unwrap();
    let part = Box::leak(format!("xl/worksheets/sheet{}.xml", position + 1).into_boxed_str());
    let bytes = rewrite(
        &w,
        move |name, content| {
            if name != part {
                return Some(content);
            }
            let text = String::from_utf8(content).unwrap();
            let at = text.find("t=\"s\"><v>").unwrap() + "t=\"s\"><v>".len();
            let end = at + text[at..].find('<').unwrap();
            Some(format!("{}999999{}", &text[..at], &text[end..]).into_bytes())
        },
        &[],
    );
    let e = read::read(&bytes).unwrap_err();
    let message = e.to_string();
    assert!(message.starts_with("Maßnahmen: "), "{message}");
    assert!(message.contains("shared strings"), "{message}");
}

#[test]
fn missing_metadata_or_damaged_concept() {
    let w = workbook(5);
    let bytes = rewrite(
        &w,
        replace_in(
            "xl/workbook.xml",
            "name=\"_kreisentwicklung\"".into(),
            "name=\"Notizen\"".into(),
        ),
        &[],
    );
    let e = read::read(&bytes).unwrap_err().to_string();
    assert!(e.contains("not a workbook of kreisentwicklung"), "{e}");
    let bytes = rewrite(&w, |name, c| (name != "xl/workbook.xml").then_some(c), &[]);
    let e = read::read(&bytes).unwrap_err().to_string();
    assert!(e.contains("no xl/workbook.xml"), "{e}");
    let e = read::read(&w[..w.len() / 2]).unwrap_err().to_string();
    assert!(e.contains("broken zip archive"), "{e}");
}

#[test]
fn chart_sheet_in_place_of_a_table() {
    // The metadata of a real workbook, in a workbook whose Maßnahmen is a
    // chart sheet.
    use calamine::Reader;
    let w = workbook(5);
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(w)).unwrap();
    let meta = book.worksheet_range("_kreisentwicklung").unwrap();
    let mut out = rust_xlsxwriter::Workbook::new();
    out.add_worksheet()
        .set_name("Daten")
        .unwrap()
        .write_number(0, 0, 1.0)
        .unwrap();
    let mut chart = rust_xlsxwriter::Chart::new(rust_xlsxwriter::ChartType::Column);
    chart.add_series().set_values("Daten!$A$1:$A$1");
    out.add_chartsheet()
        .set_name("Maßnahmen")
        .unwrap()
        .insert_chart(0, 0, &chart)
        .unwrap();
    let sheet = out.add_worksheet().set_name("_kreisentwicklung").unwrap();
    for (r, row) in meta.rows().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if let calamine::Data::String(s) = v {
                sheet.write_string(r as u32, c as u16, s).unwrap();
            }
        }
    }
    let bytes = out.save_to_buffer().unwrap();
    let e = read::read(&bytes).unwrap_err();
    let ReadError::Cells(problems) = &e else {
        panic!("{e}")
    };
    assert!(
        problems
            .iter()
            .any(|p| p.sheet == "Maßnahmen" && p.message.contains("kein Tabellenblatt")),
        "{e}"
    );
}
