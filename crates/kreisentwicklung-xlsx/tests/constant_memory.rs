//! Constant-memory mode: large catalogues read back correctly, and the
//! workbook says the same as in the normal mode.

mod common;

use calamine::{Data, Reader};
use common::*;
use kreisentwicklung_core::export::ExportOptions;
use kreisentwicklung_core::generate::{generate, GeneratorOptions};
use kreisentwicklung_core::*;

fn constant_memory() -> ExportOptions {
    ExportOptions::default().option("constant-memory", "true")
}

#[test]
fn twenty_thousand_measures() {
    // The measures are what grows; indicators are tested below (and would
    // only make this test slower in debug builds).
    let mut c = generate(&GeneratorOptions::new(20_000));
    c.indicators.clear();
    for m in &mut c.measures {
        m.indicators.clear();
    }
    let today = Date::from_ymd(2026, 6, 1).unwrap();
    let bytes = export(&c, &constant_memory().option("today", "2026-06-01"));
    let mut book = open(&bytes);
    let r = sheet(&mut book, "Maßnahmen");
    assert_eq!(r.height(), 1 + c.measures.len());
    let (nr, title, lead, start, end, status, costs, updated) = (
        column(&r, "Nr."),
        column(&r, "Maßnahme"),
        column(&r, "Federführung"),
        column(&r, "Beginn"),
        column(&r, "Ende"),
        column(&r, "Status"),
        column(&r, "Kosten (EUR)"),
        column(&r, "Letzte Aktualisierung"),
    );
    for (i, m) in c.measures.iter().enumerate() {
        let row = 1 + i;
        assert_eq!(text(&cell(&r, row, nr)), m.number.as_deref().unwrap());
        assert_eq!(text(&cell(&r, row, title)), m.title.text);
        let lead_name = &c
            .actor(m.lead.as_ref().unwrap().as_str())
            .unwrap()
            .name
            .text;
        assert_eq!(text(&cell(&r, row, lead)), lead_name);
        let p = m.period.as_ref().unwrap();
        assert_eq!(
            date_serial(&cell(&r, row, start)),
            serial(p.earliest().unwrap())
        );
        assert_eq!(
            date_serial(&cell(&r, row, end)),
            serial(p.latest().unwrap())
        );
        assert_eq!(
            text(&cell(&r, row, status)),
            m.status.unwrap().label(Language::De)
        );
        assert_eq!(
            number(&cell(&r, row, costs)),
            m.costs.as_ref().unwrap().amount.unwrap().as_f64()
        );
        match m.last_status_update() {
            Some(d) => assert_eq!(date_serial(&cell(&r, row, updated)), serial(d)),
            None => assert_eq!(cell(&r, row, updated), Data::Empty),
        }
    }

    // The streamed catalogue has an autofilter instead of an Excel table;
    // the goal system, small enough, is written in the normal mode with its
    // table and outline.
    assert_well_formed_rows(&bytes);
    let goals = sheet_xml(&bytes, sheet_number(&book, "Zielsystem"));
    assert!(goals.contains("<tableParts count=\"1\">"));
    assert!(goals.contains("outlineLevel=\"2\""));
    let n = sheet_number(&book, "Maßnahmen");
    let xml = sheet_xml(&bytes, n);
    assert!(xml.contains(&format!(
        "<autoFilter ref=\"A1:V{}\"/>",
        1 + c.measures.len()
    )));
    assert!(xml.contains("state=\"frozen\""));
    assert!(xml.contains("<dataValidation type=\"list\""));
    assert!(xml.contains("<conditionalFormatting sqref=\"N2:N20001\">"));
    assert!(
        xml.contains("t=\"inlineStr\""),
        "streamed sheets use inline strings"
    );
    assert!(!xml.contains("<tableParts"));
    let r = sheet(&mut book, "Zielsystem");
    assert_eq!(r.height(), 1 + c.goals.len());

    // The Prüfbericht, one finding per measure at least (none has an
    // indicator), is streamed too, its findings handed over one at a time:
    // every finding of the report, in its order.
    let report = c.health_report(&health::HealthOptions::new(today));
    assert!(report.findings.len() > c.measures.len());
    let r = sheet(&mut book, "Prüfbericht");
    assert_eq!(r.height(), 1 + report.findings.len());
    let (severity, message, path, code) = (
        column(&r, "Schwere"),
        column(&r, "Befund"),
        column(&r, "Pfad"),
        column(&r, "Prüfregel"),
    );
    for (i, f) in report.findings.iter().enumerate() {
        let row = 1 + i;
        assert_eq!(
            text(&cell(&r, row, severity)),
            f.severity.label(Language::De)
        );
        assert_eq!(text(&cell(&r, row, message)), f.message.de, "row {row}");
        assert_eq!(text(&cell(&r, row, path)), f.path);
        assert_eq!(text(&cell(&r, row, code)), f.code.as_str());
    }
    let xml = sheet_xml(&bytes, sheet_number(&book, "Prüfbericht"));
    assert!(
        xml.contains("t=\"inlineStr\""),
        "the Prüfbericht is streamed"
    );
}

#[test]
fn small_sheets_stay_in_the_normal_mode() {
    // Below 2,000 rows nothing is streamed: the same workbook as without the
    // option, tables and chart caches included.
    let c = sample();
    assert_eq!(
        export(&c, &constant_memory()),
        export(&c, &ExportOptions::default())
    );
}

#[test]
fn a_large_goal_system_is_streamed_without_outline() {
    let mut c = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("X"));
    for i in 0..1_200 {
        c = c
            .with_goal(
                Goal::new(format!("z{i}"), 1, format!("Ziel {i}")).with_number(format!("{i}")),
            )
            .with_goal(
                Goal::new(format!("z{i}-1"), 2, format!("Unterziel {i}.1"))
                    .with_number(format!("{i}.1"))
                    .with_parent(format!("z{i}")),
            );
    }
    let bytes = export(&c, &constant_memory());
    assert_well_formed_rows(&bytes);
    let mut book = open(&bytes);
    let r = sheet(&mut book, "Zielsystem");
    assert_eq!(r.height(), 1 + c.goals.len());
    assert_eq!(text(&cell(&r, 2, 0)), "0.1");
    assert_eq!(text(&cell(&r, 2400, 0)), "1199.1");
    let n = sheet_number(&book, "Zielsystem");
    let xml = sheet_xml(&bytes, n);
    assert!(!xml.contains("outlineLevel"));
    assert!(
        xml.contains("<autoFilter ref=\"A1:K2401\"/>"),
        "{}",
        &xml[xml.len() - 1500..]
    );
    // Still indented.
    let xf = cell_xf(&bytes, style_of_text_cell(&bytes, n, "Unterziel 7.1"));
    assert!(xf.contains("indent=\"2\""), "{xf}");
}

#[test]
fn indicators_and_charts() {
    // 540 indicators with their values are more than 2,000 rows: streamed.
    let c = generate(&GeneratorOptions::new(600).observations_per_indicator(6));
    let bytes = export(&c, &constant_memory());
    assert_well_formed_rows(&bytes);
    let mut book = open(&bytes);
    let r = sheet(&mut book, "Indikatoren");
    // The table, a blank row, the heading, four rows per indicator.
    assert_eq!(
        r.height(),
        1 + c.indicators.len() + 2 + 4 * c.indicators.len()
    );
    let charts = zip_names(&bytes)
        .iter()
        .filter(|n| n.starts_with("xl/charts/chart"))
        .count();
    assert_eq!(charts, kreisentwicklung_xlsx::MAX_CHARTS);
    // The first chart reads the first indicator's values.
    let chart = zip_text(&bytes, "xl/charts/chart1.xml").unwrap();
    let first = 1 + c.indicators.len() + 2 + 1;
    assert!(
        chart.contains(&format!(
            "<c:f>Indikatoren!$D${}:$K${}</c:f>",
            first + 2,
            first + 2
        )),
        "{chart}"
    );
    let row = first + 1; // 0-based row of the values
    let values: Vec<f64> = (3..10).map(|col| number(&cell(&r, row, col))).collect();
    let ind = &c.indicators[0];
    let mut expected = vec![ind.baseline.as_ref().unwrap().value];
    expected.extend(ind.observations.iter().map(|o| o.value));
    assert_eq!(values, expected);
    assert_eq!(
        cell(&r, row, 10),
        Data::Empty,
        "the target's column has no actual value"
    );
}

#[test]
fn same_content_in_both_modes() {
    let c = generate(&GeneratorOptions::new(300).seed(9));
    let normal = export(&c, &ExportOptions::default());
    let constant = export(&c, &constant_memory());
    let mut a = open(&normal);
    let mut b = open(&constant);
    assert_eq!(a.sheet_names(), b.sheet_names());
    for name in a.sheet_names() {
        let ra = sheet(&mut a, &name);
        let rb = sheet(&mut b, &name);
        assert_eq!(ra.get_size(), rb.get_size(), "{name}");
        for (row, (x, y)) in ra.rows().zip(rb.rows()).enumerate() {
            assert_eq!(x, y, "{name} row {row}");
        }
    }
    // The same sample as the other tests, too.
    let c = sample();
    let mut a = open(&export(&c, &ExportOptions::default()));
    let mut b = open(&export(&c, &constant_memory()));
    for name in a.sheet_names() {
        assert_eq!(sheet(&mut a, &name), sheet(&mut b, &name), "{name}");
    }
}

/// The effective format of one cell: number format, font, fill, border,
/// alignment and protection, resolved from `xl/styles.xml`.
type CellFormat = [String; 6];

/// Every cell's effective format by sheet part name and cell reference.
/// Style *indices* differ between the modes (formats are registered in
/// another order when sheets are streamed); what a cell looks like must not.
fn cell_formats(bytes: &[u8]) -> Vec<(String, Vec<(String, CellFormat)>)> {
    let styles = zip_text(bytes, "xl/styles.xml").expect("styles");
    let section = |tag: &str| -> String {
        styles
            .split(&format!("<{tag}"))
            .nth(1)
            .and_then(|s| s.split(&format!("</{tag}>")).next())
            .unwrap_or("")
            .to_owned()
    };
    // Children of a section: split at each opening tag `<name ` or `<name>`.
    let children = |body: &str, name: &str| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (i, part) in body.split(&format!("<{name}")).enumerate() {
            if i > 0 && (part.starts_with(' ') || part.starts_with('>') || part.starts_with('/')) {
                out.push(part.to_owned());
            } else if i > 0 {
                // `<fonts` inside `<font`-splitting cannot happen in a body,
                // but keep the text with the previous child to be safe.
                if let Some(last) = out.last_mut() {
                    last.push_str(part);
                }
            }
        }
        out
    };
    let attr = |xml: &str, name: &str| -> String {
        xml.split(&format!(" {name}=\""))
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or("0")
            .to_owned()
    };
    let num_fmts: Vec<String> = children(&section("numFmts"), "numFmt");
    let fonts = children(&section("fonts"), "font");
    let fills = children(&section("fills"), "fill");
    let borders = children(&section("borders"), "border");
    let xfs = children(&section("cellXfs"), "xf");
    let resolve = |index: usize| -> CellFormat {
        let xf = &xfs[index];
        let num = attr(xf, "numFmtId");
        let num = num_fmts
            .iter()
            .find(|f| attr(f, "numFmtId") == num)
            .map_or(num.clone(), |f| attr(f, "formatCode"));
        let pick = |list: &[String], key: &str| {
            list.get(attr(xf, key).parse::<usize>().unwrap())
                .cloned()
                .unwrap_or_default()
        };
        let child = |name: &str| {
            xf.split(&format!("<{name}"))
                .nth(1)
                .and_then(|s| s.split("/>").next())
                .unwrap_or("")
                .to_owned()
        };
        [
            num,
            pick(&fonts, "fontId"),
            pick(&fills, "fillId"),
            pick(&borders, "borderId"),
            child("alignment"),
            child("protection"),
        ]
    };
    zip_names(bytes)
        .into_iter()
        .filter(|n| n.starts_with("xl/worksheets/sheet"))
        .map(|part| {
            let xml = zip_text(bytes, &part).expect("sheet");
            let cells = xml
                .split("<c ")
                .skip(1)
                .map(|c| {
                    let tag = c.split('>').next().unwrap_or("");
                    let style = tag
                        .split(" s=\"")
                        .nth(1)
                        .and_then(|s| s.split('"').next())
                        .map_or(0, |s| s.parse().unwrap());
                    let reference = format!(" {tag}");
                    (attr(&reference, "r"), resolve(style))
                })
                .collect();
            (part, cells)
        })
        .collect()
}

/// Cell formats are applied per run of cells in a row, or per rectangle in
/// the normal mode; when sheets are streamed a row is written out as soon as
/// the next begins. Every cell must end up looking the same either way.
#[test]
fn every_cell_has_the_same_format_in_both_modes() {
    // Large enough that the Maßnahmen and Indikatoren sheets are streamed.
    let c = generate(&GeneratorOptions::new(2_100).seed(7));
    assert!(c.measures.len() + 1 >= kreisentwicklung_xlsx::STREAMED_FROM_ROWS);
    let normal = cell_formats(&export(&c, &ExportOptions::default()));
    let streamed = cell_formats(&export(&c, &constant_memory()));
    assert_eq!(normal.len(), streamed.len());
    let mut cells = 0;
    for ((part, a), (part_b, b)) in normal.iter().zip(&streamed) {
        assert_eq!(part, part_b);
        assert_eq!(a.len(), b.len(), "{part}: number of cells");
        for ((ra, fa), (rb, fb)) in a.iter().zip(b) {
            assert_eq!(ra, rb, "{part}");
            assert_eq!(fa, fb, "{part} {ra}");
            cells += 1;
        }
    }
    // Dates, amounts and percentages are among them.
    let formats: Vec<&str> = normal
        .iter()
        .flat_map(|(_, cells)| cells.iter().map(|(_, f)| f[0].as_str()))
        .collect();
    for code in ["dd.mm.yyyy", "€", "%"] {
        assert!(formats.iter().any(|f| f.contains(code)), "no {code} format");
    }
    assert!(cells > 50_000, "{cells} cells");
}

/// The workbook's default format is top-aligned, like the text and number
/// columns: their cells need no style attribute of their own, which keeps
/// the XML of a large catalogue smaller (less to write and to compress),
/// and they still show aligned to the top, in both modes.
#[test]
fn text_and_numbers_need_no_style_of_their_own() {
    let c = generate(&GeneratorOptions::new(2_100).seed(7));
    for options in [ExportOptions::default(), constant_memory()] {
        let bytes = export(&c, &options);
        let styles = zip_text(&bytes, "xl/styles.xml").expect("styles");
        let cell_xfs = styles.split("<cellXfs").nth(1).expect("cellXfs");
        let default_xf = cell_xfs.split("<xf ").nth(1).expect("xf 0");
        let default_xf = default_xf.split("</xf>").next().unwrap_or(default_xf);
        assert!(
            default_xf.contains("vertical=\"top\""),
            "default format not top-aligned: {default_xf}"
        );
        let (mut cells, mut plain) = (0usize, 0usize);
        for part in zip_names(&bytes) {
            if !part.starts_with("xl/worksheets/sheet") {
                continue;
            }
            let xml = zip_text(&bytes, &part).expect("sheet");
            for c in xml.split("<c ").skip(1) {
                cells += 1;
                let tag = c.split('>').next().unwrap_or("");
                plain += usize::from(!tag.contains(" s=\""));
            }
        }
        assert!(
            plain * 3 > cells,
            "only {plain} of {cells} cells without a style attribute"
        );
    }
}

/// The values block below the Indikatoren table puts numbers, dates and
/// period texts into columns made for other things (percentages, dates,
/// text). Each value keeps the format of its kind: a number in the
/// percentage column must not show as a percentage, a period text not as a
/// date, although a cell without a format of its own would take the
/// column's.
#[test]
fn values_keep_their_format_in_columns_made_for_others() {
    let c = generate(&GeneratorOptions::new(2_100).seed(7));
    for options in [ExportOptions::default(), constant_memory()] {
        let bytes = export(&c, &options);
        let mut book = open(&bytes);
        let part = format!(
            "xl/worksheets/sheet{}.xml",
            sheet_number(&book, "Indikatoren")
        );
        let range = sheet(&mut book, "Indikatoren");
        // Row number (1-based) → the label in column C ("Datum", "Ist-Wert (EUR)", …).
        let label = |row: u32| match cell(&range, row as usize - 1, 2) {
            Data::String(s) => Some(s),
            _ => None,
        };
        let formats = cell_formats(&bytes);
        let (_, cells) = formats.iter().find(|(p, _)| *p == part).expect("part");
        let mut checked = [0usize; 3];
        for (reference, format) in cells {
            let col: String = reference
                .chars()
                .take_while(char::is_ascii_uppercase)
                .collect();
            let row: u32 = reference[col.len()..].parse().expect("row number");
            if col.len() != 1 || col.as_str() < "D" {
                continue;
            }
            let Some(label) = label(row) else { continue };
            let number_format = format[0].as_str();
            let kind = if label == "Datum" {
                assert!(
                    number_format.contains("dd.mm.yyyy"),
                    "{reference}: {format:?}"
                );
                0
            } else if label.starts_with("Ist-Wert") || label == "Zielwert" {
                1
            } else if label == "Zeitraum" {
                2
            } else {
                continue;
            };
            if kind > 0 {
                assert!(
                    !number_format.contains('%') && !number_format.contains("dd.mm"),
                    "{reference} ({label}): {format:?}"
                );
            }
            assert!(
                format[4].contains("vertical=\"top\""),
                "{reference}: {format:?}"
            );
            checked[kind] += 1;
        }
        assert!(checked.iter().all(|&n| n > 1_000), "{checked:?}");
    }
}
