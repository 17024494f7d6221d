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
    let bytes = export(&c, &constant_memory());
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

    // No Excel tables but autofilters, frozen headers and drop-downs; only
    // the goal system, written in the normal mode for its outline, has one.
    let tables: Vec<String> = zip_names(&bytes)
        .into_iter()
        .filter(|n| n.starts_with("xl/tables/"))
        .collect();
    assert_eq!(tables, ["xl/tables/table1.xml"]);
    assert!(zip_text(&bytes, "xl/tables/table1.xml")
        .unwrap()
        .contains("name=\"Zielsystem\""));
    let n = sheet_number(&book, "Maßnahmen");
    let xml = sheet_xml(&bytes, n);
    assert!(xml.contains(&format!(
        "<autoFilter ref=\"A1:U{}\"/>",
        1 + c.measures.len()
    )));
    assert!(xml.contains("state=\"frozen\""));
    assert!(xml.contains("<dataValidation type=\"list\""));
    assert!(xml.contains("<conditionalFormatting sqref=\"N2:N20001\">"));
    assert!(
        xml.contains("t=\"inlineStr\""),
        "constant-memory sheets use inline strings"
    );

    // The goal tree keeps its outline.
    let r = sheet(&mut book, "Zielsystem");
    assert_eq!(r.height(), 1 + c.goals.len());
    let xml = sheet_xml(&bytes, sheet_number(&book, "Zielsystem"));
    assert!(xml.contains("outlineLevel=\"2\""));
}

#[test]
fn indicators_and_charts() {
    let c = generate(&GeneratorOptions::new(400).observations_per_indicator(6));
    let bytes = export(&c, &constant_memory());
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
