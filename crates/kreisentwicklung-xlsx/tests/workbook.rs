//! The workbook of a concept built in code, read back with calamine: sheets,
//! headers, values and cell types, and the formatting in the XML.

mod common;

use calamine::{Data, Reader};
use common::*;
use kreisentwicklung_core::export::ExportOptions;
use kreisentwicklung_core::*;

const SHEETS_DE: [&str; 12] = [
    "Übersicht",
    "Handlungsfelder",
    "Zielsystem",
    "Maßnahmen",
    "Projektsteckbriefe",
    "Indikatoren",
    "Beteiligung",
    "Akteure",
    "Beschlüsse",
    "Dokumente",
    "Prüfbericht",
    "_kreisentwicklung",
];

#[test]
fn all_sheets_in_order() {
    let bytes = export(&sample(), &ExportOptions::default());
    let book = open(&bytes);
    assert_eq!(book.sheet_names(), SHEETS_DE);
    assert_well_formed_rows(&bytes);
}

#[test]
fn empty_sheets_are_left_out() {
    // An empty concept: the overview, and the Prüfbericht saying that there
    // is no public participation.
    let c = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("Leer"));
    let bytes = export(&c, &ExportOptions::default());
    let mut book = open(&bytes);
    assert_eq!(
        book.sheet_names(),
        ["Übersicht", "Prüfbericht", "_kreisentwicklung"]
    );
    let r = sheet(&mut book, "Prüfbericht");
    assert_eq!(r.height(), 2);
    assert_eq!(text(&cell(&r, 1, 5)), "no-public-participation");

    let c = c
        .with_measure(Measure::new("m1", "Radwegenetz"))
        .with_event(Event::new("e1", EventKind::KickOff).with_audience(Audience::Public));
    let bytes = export(&c, &ExportOptions::default());
    assert_eq!(
        open(&bytes).sheet_names(),
        [
            "Übersicht",
            "Maßnahmen",
            "Projektsteckbriefe",
            "Beteiligung",
            "Prüfbericht",
            "_kreisentwicklung"
        ]
    );
}

#[test]
fn overview() {
    let c = sample();
    let bytes = export(&c, &ExportOptions::default());
    let mut book = open(&bytes);
    let r = sheet(&mut book, "Übersicht");
    assert_eq!(text(&cell(&r, 0, 0)), c.title.text);
    // The last row with the label (the counts come last).
    let value = |label: &str| -> Data {
        let row = (0..r.height())
            .rev()
            .find(|&i| cell(&r, i, 0) == Data::String(label.to_owned()))
            .unwrap_or_else(|| panic!("no row {label:?}"));
        cell(&r, row, 1)
    };
    assert_eq!(text(&value("Landkreis")), "Landkreis Beispielkreis");
    assert_eq!(text(&value("Kreisschlüssel")), "03999");
    assert_eq!(text(&value("Bundesland")), "Niedersachsen");
    assert_eq!(text(&value("Art")), "Kreisentwicklungskonzept (KEK)");
    assert_eq!(text(&value("Zeithorizont")), "2030");
    assert_eq!(text(&value("Status")), "beschlossen");
    assert_eq!(text(&value("Fortschreibung")), "spätestens alle 5 Jahre");
    assert_eq!(
        text(&value("Leitbild")),
        "Der Beispielkreis ist lebenswert, innovativ und vernetzt."
    );
    assert_eq!(text(&value("Querschnittsthemen")), "Digitalisierung");
    assert_eq!(number(&value("Maßnahmen")), 3.0);
    assert_eq!(number(&value("Ziele")), 4.0);
    assert_eq!(number(&value("Handlungsfelder")), 2.0);
    assert_eq!(number(&value("Indikatoren")), 2.0);
    assert_eq!(number(&value("Beteiligungsveranstaltungen")), 4.0);
    // The legend says what the Ampel measures, apart from the status.
    assert!(text(&value("Was die Ampel misst")).starts_with("Die Ampel vergleicht"));
    assert!(text(&value("rot")).starts_with("deutlich im Verzug"));
    assert!(text(&value("Status einer Maßnahme")).contains("keine Ampel"));

    // Key dates in date order, as dates.
    let start = (0..r.height())
        .find(|&i| cell(&r, i, 0) == Data::String("Termine und Beschlüsse".into()))
        .expect("key dates section");
    let first = date_serial(&cell(&r, start + 1, 0));
    assert_eq!(first, serial(Date::from_ymd(2018, 6, 21).unwrap()));
    assert!(text(&cell(&r, start + 1, 1))
        .starts_with("Ausschuss für Wirtschaft und Strategie: Beschluss des Kreisentwicklungskonzeptes – empfohlen"));
    // Participation began with the expert interviews ("Ende 2018" starts in
    // September), before the Kreistag decided.
    assert_eq!(
        date_serial(&cell(&r, start + 2, 0)),
        serial(Date::from_ymd(2018, 9, 1).unwrap())
    );
    assert_eq!(
        text(&cell(&r, start + 2, 1)),
        "Beginn der Beteiligung: Experteninterview"
    );
    assert_eq!(
        date_serial(&cell(&r, start + 3, 0)),
        serial(Date::from_ymd(2018, 9, 12).unwrap())
    );
    assert_eq!(
        text(&cell(&r, start + 3, 1)),
        "Kreistag: Beschluss des Kreisentwicklungskonzeptes – mehrheitlich beschlossen (Drucksache 69/2017)"
    );
}

#[test]
fn measures_have_typed_cells() {
    let c = sample();
    let bytes = export(&c, &ExportOptions::default());
    let mut book = open(&bytes);
    let r = sheet(&mut book, "Maßnahmen");
    assert_eq!(
        headers(&r),
        [
            "Nr.",
            "Maßnahme",
            "Beschreibung",
            "Handlungsfeld",
            "Ziele",
            "Federführung",
            "Partner",
            "Rolle des Kreises",
            "Zeitraum",
            "Beginn",
            "Ende",
            "Zeithorizont",
            "Priorität",
            "Status",
            "Ampel",
            "Letzte Aktualisierung",
            "Kosten (EUR)",
            "Hinweis zu den Kosten",
            "Förderung",
            "Haushalt",
            "Indikatoren",
            "Meilensteine",
        ]
    );
    assert_eq!(r.height(), 1 + c.measures.len());
    let at = |row, h: &str| cell(&r, row, column(&r, h));
    assert_eq!(text(&at(1, "Nr.")), "W1");
    assert_eq!(text(&at(1, "Maßnahme")), "Gründerzentrum einrichten");
    assert_eq!(text(&at(1, "Handlungsfeld")), "Wirtschaft & Innovation");
    assert_eq!(text(&at(1, "Ziele")), "1.1.1, 1.1");
    assert_eq!(text(&at(1, "Federführung")), "Wirtschaftsförderung");
    assert_eq!(text(&at(1, "Partner")), "Stadt Beispielstadt");
    assert_eq!(text(&at(1, "Zeitraum")), "2. Halbjahr 2025");
    assert_eq!(
        date_serial(&at(1, "Beginn")),
        serial(Date::from_ymd(2025, 7, 1).unwrap())
    );
    assert_eq!(
        date_serial(&at(1, "Ende")),
        serial(Date::from_ymd(2025, 12, 31).unwrap())
    );
    assert_eq!(text(&at(1, "Priorität")), "hoch");
    assert_eq!(text(&at(1, "Status")), "in Bearbeitung");
    assert_eq!(
        date_serial(&at(1, "Letzte Aktualisierung")),
        serial(Date::from_ymd(2024, 11, 13).unwrap())
    );
    assert_eq!(number(&at(1, "Kosten (EUR)")), 250_000.5);
    assert_eq!(text(&at(1, "Förderung")), "GRW (80 %)");
    assert_eq!(text(&at(1, "Haushalt")), "2025: 100.000,00 €");
    assert_eq!(
        text(&at(1, "Indikatoren")),
        "Haushalte mit mind. 100 Mbit/s"
    );
    // The second measure takes its field from its goal.
    assert_eq!(text(&at(2, "Handlungsfeld")), "Infrastruktur & Mobilität");
    assert_eq!(text(&at(2, "Status")), "umgesetzt");
    assert_eq!(text(&at(2, "Zeitraum")), "2024–2027");
    // Empty cells stay empty.
    assert_eq!(at(3, "Kosten (EUR)"), Data::Empty);
    assert_eq!(at(3, "Beginn"), Data::Empty);
}

#[test]
fn goal_tree_is_indented_and_grouped() {
    let c = sample();
    let bytes = export(&c, &ExportOptions::default());
    let mut book = open(&bytes);
    let r = sheet(&mut book, "Zielsystem");
    assert_eq!(
        headers(&r),
        [
            "Nr.",
            "Ziel",
            "Ebene",
            "Übergeordnetes Ziel",
            "Handlungsfeld",
            "Priorität",
            "Schwerpunkte",
            "Beschreibung",
            "Indikatoren",
            "Anzahl Maßnahmen",
            "Ampel"
        ]
    );
    let numbers: Vec<String> = (1..r.height())
        .map(|i| text(&cell(&r, i, 0)).to_owned())
        .collect();
    assert_eq!(numbers, ["1", "1.1", "1.1.1", "2"]);
    assert_eq!(text(&cell(&r, 2, column(&r, "Ebene"))), "Unterziel");
    assert_eq!(text(&cell(&r, 1, column(&r, "Priorität"))), "hoch");
    assert_eq!(
        text(&cell(&r, 2, column(&r, "Schwerpunkte"))),
        "• Gründerzentren\n• Beratung"
    );
    assert_eq!(number(&cell(&r, 2, column(&r, "Anzahl Maßnahmen"))), 1.0);
    assert_eq!(number(&cell(&r, 4, column(&r, "Anzahl Maßnahmen"))), 2.0);

    let n = sheet_number(&book, "Zielsystem");
    let xml = sheet_xml(&bytes, n);
    assert!(xml.contains("<outlinePr summaryBelow=\"0\"/>"), "{xml}");
    assert!(xml.contains("r=\"3\"") && xml.contains("outlineLevel=\"1\""));
    assert!(xml.contains("outlineLevel=\"2\""));
    // Indentation grows with the level.
    let top = style_of_text_cell(&bytes, n, "Innovation stärken");
    let sub = style_of_text_cell(&bytes, n, "Gründungen fördern");
    let leaf = style_of_text_cell(&bytes, n, "Gründerzentrum im Kreis");
    assert!(!cell_xf(&bytes, top).contains("indent="));
    assert!(cell_xf(&bytes, sub).contains("indent=\"2\""));
    assert!(cell_xf(&bytes, leaf).contains("indent=\"4\""));
}

#[test]
fn indicators_and_their_chart() {
    let c = sample();
    let bytes = export(&c, &ExportOptions::default());
    let mut book = open(&bytes);
    let r = sheet(&mut book, "Indikatoren");
    let at = |row, h: &str| cell(&r, row, column(&r, h));
    assert_eq!(text(&at(1, "Indikator")), "Haushalte mit mind. 100 Mbit/s");
    assert_eq!(text(&at(1, "Einheit")), "%");
    assert_eq!(text(&at(1, "Richtung")), "höher ist besser");
    assert_eq!(number(&at(1, "Ausgangswert")), 40.0);
    assert_eq!(number(&at(1, "Zielwert")), 90.0);
    assert_eq!(text(&at(1, "Zieltermin")), "2030");
    assert_eq!(number(&at(1, "Letzter Wert")), 65.0);
    assert_eq!(text(&at(1, "Stand")), "2024");
    assert_eq!(
        date_serial(&at(1, "Datum")),
        serial(Date::from_ymd(2024, 12, 31).unwrap())
    );
    assert_eq!(number(&at(1, "Fortschritt")), 0.5);
    assert_eq!(text(&at(1, "Ziele und Maßnahmen")), "Ziel 2; Maßnahme W1");
    // The indicator without values has empty cells and no chart.
    assert_eq!(at(2, "Fortschritt"), Data::Empty);

    // One chart, and its ranges point at the values block.
    assert!(zip_names(&bytes).contains(&"xl/charts/chart1.xml".to_owned()));
    assert!(!zip_names(&bytes).contains(&"xl/charts/chart2.xml".to_owned()));
    let chart = zip_text(&bytes, "xl/charts/chart1.xml").unwrap();
    let refs: Vec<&str> = chart
        .split("<c:f>")
        .skip(1)
        .map(|s| s.split("</c:f>").next().unwrap())
        .collect();
    // Categories and values of "Ist-Wert", then of "Zielwert".
    assert_eq!(refs.len(), 4, "{refs:?}");
    let dates = range_cells(&r, refs[0]);
    let actual = range_cells(&r, refs[1]);
    let target = range_cells(&r, refs[3]);
    assert_eq!(refs[0], refs[2]);
    let years: Vec<f64> = [2020, 2022, 2024, 2030]
        .iter()
        .map(|y| serial(Date::from_ymd(*y, 12, 31).unwrap()))
        .collect();
    assert_eq!(dates.iter().map(date_serial).collect::<Vec<_>>(), years);
    assert_eq!(
        actual,
        [
            Data::Float(40.0),
            Data::Float(52.5),
            Data::Float(65.0),
            Data::Empty
        ]
    );
    assert_eq!(target.iter().map(number).collect::<Vec<_>>(), [90.0; 4]);
    assert!(chart.contains("<c:dateAx>"));
    assert!(chart.contains("Haushalte mit mind. 100 Mbit/s"));
    // The cached values match the cells.
    assert!(chart.contains("<c:v>52.5</c:v>"));
}

/// The cells of an absolute range like `Indikatoren!$D$7:$G$7`.
fn range_cells(r: &calamine::Range<Data>, reference: &str) -> Vec<Data> {
    let range = reference.rsplit('!').next().unwrap().replace('$', "");
    let (a, b) = range.split_once(':').unwrap();
    let parse = |s: &str| {
        let letters: String = s.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
        let digits: String = s.chars().skip(letters.len()).collect();
        let col = letters
            .bytes()
            .fold(0usize, |acc, b| acc * 26 + (b - b'A' + 1) as usize)
            - 1;
        (digits.parse::<usize>().unwrap() - 1, col)
    };
    let ((r1, c1), (r2, c2)) = (parse(a), parse(b));
    let mut out = Vec::new();
    for row in r1..=r2 {
        for col in c1..=c2 {
            out.push(cell(r, row, col));
        }
    }
    out
}

#[test]
fn participation_in_chronological_order() {
    let c = sample();
    let bytes = export(&c, &ExportOptions::default());
    let mut book = open(&bytes);
    let r = sheet(&mut book, "Beteiligung");
    let at = |row, h: &str| cell(&r, row, column(&r, h));
    let periods: Vec<Data> = (1..r.height()).map(|i| at(i, "Zeitraum")).collect();
    assert_eq!(
        periods,
        [
            Data::String("Ende 2018 / Anfang 2019".into()),
            Data::String("12.02.2019".into()),
            Data::String("2. und 3. Quartal 2019".into()),
            Data::Empty,
        ]
    );
    assert_eq!(text(&at(1, "Format")), "Experteninterview");
    assert_eq!(
        date_serial(&at(1, "Beginn")),
        serial(Date::from_ymd(2018, 9, 1).unwrap())
    );
    assert_eq!(
        date_serial(&at(1, "Ende")),
        serial(Date::from_ymd(2019, 4, 30).unwrap())
    );
    assert_eq!(text(&at(2, "Titel")), "Öffentlicher Auftakt");
    assert_eq!(text(&at(2, "Zielgruppe")), "alle Interessierten");
    assert_eq!(
        text(&at(2, "Teilnehmende")),
        "rund fünfzig; Wirtschaftsförderung"
    );
    assert_eq!(number(&at(2, "Anzahl")), 50.0);
    assert_eq!(text(&at(4, "Format")), "Presseserie");
}

#[test]
fn resolutions_one_row_per_step() {
    let c = sample();
    let bytes = export(&c, &ExportOptions::default());
    let mut book = open(&bytes);
    let r = sheet(&mut book, "Beschlüsse");
    let at = |row, h: &str| cell(&r, row, column(&r, h));
    assert_eq!(r.height(), 3);
    assert_eq!(text(&at(1, "Drucksache")), "69/2017");
    assert_eq!(
        text(&at(1, "Gremium")),
        "Ausschuss für Wirtschaft und Strategie"
    );
    assert_eq!(text(&at(1, "Rolle")), "Empfehlung");
    assert_eq!(text(&at(1, "Ergebnis")), "empfohlen");
    assert_eq!(text(&at(2, "Gremium")), "Kreistag");
    assert_eq!(text(&at(2, "Art")), "Beschluss");
    assert_eq!(text(&at(2, "Ergebnis")), "mehrheitlich beschlossen");
    assert_eq!(
        date_serial(&at(2, "Datum")),
        serial(Date::from_ymd(2018, 9, 12).unwrap())
    );
    assert_eq!(number(&at(2, "Ja")), 38.0);
    assert_eq!(number(&at(2, "Nein")), 5.0);
    assert_eq!(number(&at(2, "Enthaltungen")), 3.0);
    assert_eq!(number(&at(2, "Befangen")), 0.0);
    assert_eq!(text(&at(2, "Gegenstand")), "Konzept");
}

#[test]
fn actors_and_documents() {
    let c = sample();
    let bytes = export(&c, &ExportOptions::default());
    let mut book = open(&bytes);
    let r = sheet(&mut book, "Akteure");
    let at = |row, h: &str| cell(&r, row, column(&r, h));
    assert_eq!(text(&at(4, "Name")), "Lenkungsgruppe");
    assert_eq!(text(&at(4, "Art")), "Lenkungs- / Steuerungsgruppe");
    assert_eq!(
        text(&at(4, "Mitglieder")),
        "Wirtschaftsförderung (Vorsitz)\nAusschuss für Wirtschaft und Strategie"
    );
    assert_eq!(text(&at(3, "Organisation")), "Kreistag");

    let r = sheet(&mut book, "Dokumente");
    let at = |row, h: &str| cell(&r, row, column(&r, h));
    assert_eq!(text(&at(1, "Titel")), "Endbericht");
    assert_eq!(text(&at(1, "Art")), "Endbericht");
    assert_eq!(text(&at(1, "Datum")), "2019");
    assert_eq!(
        date_serial(&at(1, "Sortierdatum")),
        serial(Date::from_ymd(2019, 1, 1).unwrap())
    );
    assert_eq!(
        text(&at(1, "Internetadresse")),
        "https://www.example.org/kek/endbericht.pdf"
    );
    let n = sheet_number(&book, "Dokumente");
    let xml = sheet_xml(&bytes, n);
    assert!(xml.contains("<hyperlink ref=\"J2\""), "{xml}");
    let rels = zip_text(&bytes, &format!("xl/worksheets/_rels/sheet{n}.xml.rels")).unwrap();
    assert!(rels.contains("Target=\"https://www.example.org/kek/endbericht.pdf\""));
    assert!(rels.contains("TargetMode=\"External\""));
}

#[test]
fn fields_with_vision_and_themes() {
    let c = sample();
    let bytes = export(&c, &ExportOptions::default());
    let mut book = open(&bytes);
    let r = sheet(&mut book, "Handlungsfelder");
    assert_eq!(
        headers(&r),
        [
            "Nr.",
            "Handlungsfeld",
            "Leitbild",
            "Leitbild für",
            "Leitlinien",
            "Beschreibung",
            "Querschnittsthemen",
            "Anzahl Ziele",
            "Anzahl Maßnahmen",
            "Ampel"
        ]
    );
    let at = |row, h: &str| cell(&r, row, column(&r, h));
    assert_eq!(text(&at(1, "Handlungsfeld")), "Wirtschaft & Innovation");
    assert_eq!(text(&at(1, "Leitbild")), "Ein starker Wirtschaftsstandort.");
    assert_eq!(number(&at(1, "Leitbild für")), 2030.0);
    assert_eq!(text(&at(1, "Querschnittsthemen")), "Digitalisierung");
    assert_eq!(number(&at(1, "Anzahl Ziele")), 3.0);
    assert_eq!(number(&at(1, "Anzahl Maßnahmen")), 1.0);
    assert_eq!(number(&at(2, "Anzahl Maßnahmen")), 2.0);
    assert_eq!(text(&at(1, "Ampel")), "grün");
}

#[test]
fn formatting_in_the_xml() {
    let c = sample();
    let bytes = export(&c, &ExportOptions::default());
    let book = open(&bytes);
    let n = sheet_number(&book, "Maßnahmen");
    let xml = sheet_xml(&bytes, n);
    // Frozen header (and the first two columns).
    assert!(
        xml.contains("<pane xSplit=\"2\" ySplit=\"1\" topLeftCell=\"C2\""),
        "{xml}"
    );
    // Landscape A4, pages over then down, header with title and sheet,
    // footer with evaluation date and page. A table of 22 columns is too
    // wide for one page at 55 % (6 pt type): printed at 55 %, never less.
    assert!(xml.contains("paperSize=\"9\""));
    assert!(xml.contains("orientation=\"landscape\""));
    assert!(xml.contains("pageOrder=\"overThenDown\""));
    assert!(!xml.contains("fitToPage"), "{xml}");
    assert!(xml.contains("scale=\"55\""), "{xml}");
    let title = c.title.text.replace('&', "&amp;&amp;");
    assert!(
        xml.contains(&format!("<oddHeader>&amp;L{title}&amp;R&amp;A</oddHeader>")),
        "{xml}"
    );
    assert!(xml.contains(
        "<oddFooter>&amp;LStand der Auswertung: 31.12.2024&amp;RSeite &amp;P von &amp;N</oddFooter>"
    ), "{xml}");
    // Drop-downs for priority and status.
    assert!(xml.contains("<formula1>\"hoch,mittel,gering\"</formula1>"));
    assert!(xml.contains(
        "<formula1>\"geplant,noch nicht begonnen,in Bearbeitung,Daueraufgabe,umgesetzt,zurückgestellt,nicht weiterverfolgt\"</formula1>"
    ));
    // Traffic lights on the status column (N).
    assert!(xml.contains("<conditionalFormatting sqref=\"N2:N4\">"));
    assert!(xml.contains("<formula>\"umgesetzt\"</formula>"));
    assert!(xml.contains("<formula>\"in Bearbeitung\"</formula>"));
    assert!(xml.contains("<formula>\"noch nicht begonnen\"</formula>"));
    // An Excel table with autofilter.
    let names = zip_names(&bytes);
    let tables: Vec<_> = names
        .iter()
        .filter(|n| n.starts_with("xl/tables/"))
        .collect();
    assert_eq!(tables.len(), 9, "{tables:?}");
    let workbook = zip_text(&bytes, "xl/workbook.xml").unwrap();
    // Header rows repeat on every page.
    assert!(workbook.contains("_xlnm.Print_Titles"));
    assert!(
        workbook.contains("Maßnahmen!$A:$B,Maßnahmen!$1:$1"),
        "{workbook}"
    );
    // The Prüfbericht prints finding, location and recommendation, not the
    // path and code; the Indikatoren sheet only its table.
    assert!(workbook.contains("Prüfbericht!$A$1:$D$"), "{workbook}");
    // Styles: dates, euros, percentages.
    let styles = zip_text(&bytes, "xl/styles.xml").unwrap();
    assert!(styles.contains("formatCode=\"dd.mm.yyyy\""));
    assert!(styles.contains("formatCode=\"#,##0.00 &quot;€&quot;\""));
    assert!(styles.contains("formatCode=\"0 %\""));
    // No formulas anywhere.
    for i in 1..=book.sheet_names().len() {
        assert!(!sheet_xml(&bytes, i).contains("<f>"));
    }
    // Column widths fitted to the content: "Nr." narrow, "Maßnahme" wider.
    assert!(
        xml.contains("<col min=\"1\" max=\"1\" width=\"6.7109375\""),
        "{xml}"
    );
}

#[test]
fn document_properties() {
    let c = sample();
    let bytes = export(&c, &ExportOptions::default());
    let core = zip_text(&bytes, "docProps/core.xml").unwrap();
    assert!(core.contains("<dc:title>Kreisentwicklungskonzept Beispielkreis 2030</dc:title>"));
    assert!(core.contains("<dc:subject>Kreisentwicklungskonzept (KEK) 2030</dc:subject>"));
    assert!(core.contains("2000-01-01T00:00:00Z"));
    let app = zip_text(&bytes, "docProps/app.xml").unwrap();
    assert!(app.contains("<Company>Landkreis Beispielkreis</Company>"));
}

#[test]
fn english_labels() {
    let c = sample();
    let bytes = export(&c, &ExportOptions::default().language(Language::En));
    let mut book = open(&bytes);
    assert_eq!(
        book.sheet_names(),
        [
            "Overview",
            "Fields of action",
            "Goal system",
            "Measures",
            "Project profiles",
            "Indicators",
            "Participation",
            "Actors",
            "Resolutions",
            "Documents",
            "Health report",
            "_kreisentwicklung"
        ]
    );
    let r = sheet(&mut book, "Measures");
    let at = |row, h: &str| cell(&r, row, column(&r, h));
    assert_eq!(text(&at(1, "Status")), "in progress");
    assert_eq!(text(&at(1, "Priority")), "high");
    assert_eq!(text(&at(1, "Funding")), "GRW (80%)");
    assert_eq!(text(&at(1, "Budget")), "2025: €100,000.00");
    // Periods in English too.
    assert_eq!(text(&at(1, "Period")), "2nd half of 2025");
    let r = sheet(&mut book, "Overview");
    assert!((0..r.height()).any(|i| cell(&r, i, 1) == Data::String("adopted".into())));
    let n = sheet_number(&book, "Measures");
    let xml = sheet_xml(&bytes, n);
    assert!(xml.contains("<formula1>\"high,medium,low\"</formula1>"));
    assert!(xml.contains("<formula>\"completed\"</formula>"));
    assert!(xml.contains("Page &amp;P of &amp;N"));
}

#[test]
fn traffic_lights_and_health_report() {
    use kreisentwicklung_core::health::FindingCode;

    let c = sample();
    let bytes = export(&c, &ExportOptions::default());
    let mut book = open(&bytes);

    // Judged as of the latest recorded date: the 2024 observation.
    let r = sheet(&mut book, "Übersicht");
    let row = (0..r.height())
        .find(|&i| cell(&r, i, 0) == Data::String("Stand der Auswertung".into()))
        .expect("evaluation date");
    assert_eq!(
        date_serial(&cell(&r, row, 1)),
        serial(Date::from_ymd(2024, 12, 31).unwrap())
    );
    assert_eq!(text(&cell(&r, row + 1, 1)), "grün");
    let row = (0..r.height())
        .find(|&i| cell(&r, i, 0) == Data::String("Maßnahmen".into()))
        .unwrap();
    assert_eq!(text(&cell(&r, row, 1)), "2 grün, 0 gelb, 0 rot, 1 grau");

    let r = sheet(&mut book, "Indikatoren");
    let at = |row, h: &str| cell(&r, row, column(&r, h));
    assert_eq!(number(&at(1, "Fortschritt")), 0.5);
    assert!((number(&at(1, "Soll-Fortschritt")) - 0.4).abs() < 0.001);
    assert_eq!(text(&at(1, "Ampel")), "grün");
    assert_eq!(text(&at(2, "Ampel")), "grau");
    assert_eq!(text(&at(2, "Hinweis zur Ampel")), "kein Zielwert");

    let r = sheet(&mut book, "Maßnahmen");
    let lights: Vec<String> = (1..r.height())
        .map(|i| text(&cell(&r, i, column(&r, "Ampel"))).to_owned())
        .collect();
    assert_eq!(lights, ["grün", "grün", "grau"]);

    let r = sheet(&mut book, "Prüfbericht");
    assert_eq!(
        headers(&r),
        [
            "Schwere",
            "Befund",
            "Fundstelle",
            "Empfehlung",
            "Pfad",
            "Prüfregel"
        ]
    );
    let row = (1..r.height())
        .find(|&i| cell(&r, i, 4) == Data::String("measures[I1]".into()))
        .expect("a finding on measure I1");
    assert_eq!(text(&cell(&r, row, 0)), "Warnung");
    assert_eq!(text(&cell(&r, row, 5)), "measure-without-lead");
    // Where, in words: the measure's number (else its id) and title.
    let m = c.measures.iter().find(|m| m.id.as_str() == "I1").unwrap();
    let number = m.number.as_deref().unwrap_or("I1");
    assert_eq!(
        text(&cell(&r, row, 2)),
        format!("Maßnahme {number} „{}“", m.title.text)
    );
    assert_eq!(
        text(&cell(&r, row, 3)),
        FindingCode::MeasureWithoutLead.fix(Language::De)
    );
    let report = c.health_report(&kreisentwicklung_core::HealthOptions::new(
        Date::from_ymd(2024, 12, 31).unwrap(),
    ));
    assert_eq!(r.height(), 1 + report.findings.len());

    let n = sheet_number(&book, "Prüfbericht");
    let xml = sheet_xml(&bytes, n);
    assert!(xml.contains("<formula>\"Warnung\"</formula>"));
    let n = sheet_number(&book, "Maßnahmen");
    let xml = sheet_xml(&bytes, n);
    assert!(xml.contains("<conditionalFormatting sqref=\"O2:O4\">"));
    assert!(xml.contains("<formula>\"grau\"</formula>"));
}

#[test]
fn evaluation_date_from_options() {
    let c = sample();
    let as_of = |bytes: &[u8]| {
        let mut book = open(bytes);
        let r = sheet(&mut book, "Übersicht");
        let row = (0..r.height())
            .find(|&i| cell(&r, i, 0) == Data::String("Stand der Auswertung".into()))
            .unwrap();
        date_serial(&cell(&r, row, 1))
    };
    let day = Date::from_ymd(2026, 3, 1).unwrap();
    let bytes = export(&c, &ExportOptions::default().option("today", "2026-03-01"));
    assert_eq!(as_of(&bytes), serial(day));
    let bytes = export(
        &c,
        &ExportOptions::default().timestamp(export::Timestamp::At(day)),
    );
    assert_eq!(as_of(&bytes), serial(day));
}

/// A chart per indicator up to the `charts` option (100 when not given);
/// a value that is not a number is an error naming the option.
#[test]
fn the_charts_option_sets_how_many_indicators_get_a_chart() {
    let c = kreisentwicklung_core::generate::generate(
        &kreisentwicklung_core::generate::GeneratorOptions::new(180).observations_per_indicator(3),
    );
    let with_values = c
        .indicators
        .iter()
        .filter(|i| !i.observations.is_empty())
        .count();
    assert!(with_values > 120, "{with_values} indicators with values");
    let charts = |options: ExportOptions| {
        zip_names(&export(&c, &options))
            .iter()
            .filter(|n| n.starts_with("xl/charts/chart"))
            .count()
    };
    assert_eq!(
        charts(ExportOptions::default()),
        kreisentwicklung_xlsx::MAX_CHARTS
    );
    assert_eq!(
        charts(ExportOptions::default().option("charts", "120")),
        120
    );
    assert_eq!(charts(ExportOptions::default().option("charts", "0")), 0);
    assert_eq!(
        charts(ExportOptions::default().option("charts", "100000")),
        with_values
    );
    assert_eq!(
        charts(
            ExportOptions::default()
                .option("charts", "120")
                .option("constant-memory", "true")
        ),
        120
    );
    let err = try_export(&c, &ExportOptions::default().option("charts", "viele")).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("charts") && text.contains("viele"), "{text}");
}

/// The sample with what format 1.1 adds, in wording from the issue, the
/// seeds and DOMAIN.md: a Kreistag decision known only to the month
/// ("Mai 2024") with a vote "mehrheitlich dafür, 7 dagegen, 1 Enthaltung",
/// a resolution number and session, a budget link, guiding principles, the
/// seat, a milestone, an aim, a commission, an event held twice at an
/// occasion, reporting and a partial catalogue.
fn sample_1_1() -> Concept {
    let mut c = sample();
    c.territory.seat = Some("Beispielstadt".into());
    // Landrat Christiansen's wording at the Strategiekonferenz 19.11.2015
    // (Ludwigslust-Parchim).
    c.guiding_principles = vec![
        "das KEK mit allen Akteuren im Landkreis gemeinsam erarbeiten".into(),
        "den KEK-Prozess für die Öffentlichkeit transparent und nachvollziehbar gestalten".into(),
    ];
    // Helmstedt, Unterziel 1.4.
    c.fields[0].guiding_principles = vec![
        "Offenheit und Überwindung von Grenzdenken".into(),
        "beidseitiger Austausch und Kommunikation auf Augenhöhe".into(),
    ];
    let r = &mut c.resolutions[0];
    r.number = Some("178-1/2021".into());
    r.budget.push(BudgetLink {
        year: 2019,
        account: Some("Produktkonto 5110.01".into()),
        note: Some(
            "Die beschlossenen Ober- und Unterziele sollen bereits bei der Aufstellung des \
             Haushaltes 2019 Berücksichtigung finden."
                .into(),
        ),
    });
    let kt = &mut r.consultations[1];
    kt.date = None;
    kt.period = Some(Period::month(2024, 5));
    kt.session = Some("12. Sitzung".into());
    kt.votes = Some(Votes::default().with_no(7).with_abstain(1));
    // A step planned for a year only ("im Jahr 2017 vorgelegt").
    r.consultations.insert(
        1,
        Consultation {
            planned_period: Some(Period::year(2017)),
            ..Consultation::new("kreistag", ConsultationRole::Inform)
        },
    );
    c.measures[0] = c.measures[0]
        .clone()
        .with_milestone(
            Milestone::new("Ergebnis der Wirtschaftlichkeitsuntersuchung")
                .expected_in("Ende des 1. Quartals 2025".parse().unwrap()),
        )
        .with_milestone(
            Milestone::new("Projektskizze").reached_on(Date::from_ymd(2017, 4, 27).unwrap()),
        );
    c.indicators[0].targets[0].aspirational = true;
    c.actors
        .push(Actor::new("koris", ActorKind::Consultancy, "KoRiS"));
    let lg = c.actors.iter_mut().find(|a| a.id.as_str() == "lg").unwrap();
    *lg = lg
        .clone()
        .commissioning("koris", Some("externe Prozessbegleitung".into()));
    let foren = c
        .events
        .iter_mut()
        .find(|e| e.id.as_str() == "foren")
        .unwrap();
    foren.occurrences = Some(2);
    foren.occasion = Some("im Rahmen der Kreistagssitzung".into());
    foren.duration = Some(TimeSpan::new(15, DurationUnit::Months));
    c.reporting.push(
        Reporting::new(ReportingKind::BudgetPlan)
            .with_frequency(Frequency::Annual)
            .since(2019),
    );
    c.reporting.push(
        Reporting::new(ReportingKind::CouncilReport)
            .with_frequency(Frequency::Annual)
            .to_body("kreistag"),
    );
    c.coverage.push(
        Coverage::partial(Collection::Measures)
            .with_total(35)
            .kept_in("Haushaltsplan"),
    );
    assert!(c.validate().is_ok(), "{:?}", c.validate());
    c
}

/// The overview's value in column B beside a label in column A.
fn overview_value(r: &calamine::Range<Data>, label: &str) -> Data {
    let row = (0..r.height())
        .find(|&i| cell(r, i, 0) == Data::String(label.to_owned()))
        .unwrap_or_else(|| panic!("no row {label:?}"));
    cell(r, row, 1)
}

#[test]
fn format_1_1_in_the_workbook() {
    let c = sample_1_1();
    let bytes = export(&c, &ExportOptions::default());
    let mut book = open(&bytes);

    let r = sheet(&mut book, "Übersicht");
    assert_eq!(text(&overview_value(&r, "Kreissitz")), "Beispielstadt");
    assert_eq!(
        text(&overview_value(&r, "Leitgedanken")),
        "1. das KEK mit allen Akteuren im Landkreis gemeinsam erarbeiten\n\
         2. den KEK-Prozess für die Öffentlichkeit transparent und nachvollziehbar gestalten"
    );
    // The decisive step: the Kreistag's decision, month-only, with its
    // outcome and the counts the minutes record.
    assert_eq!(
        text(&overview_value(&r, "Beschlossen")),
        "Kreistag, Mai 2024: mehrheitlich beschlossen (Nein 7, Enthaltungen 1)"
    );
    assert_eq!(
        text(&overview_value(&r, "Berichterstattung")),
        "im Haushaltsplan (jährlich, seit 2019)\nBericht an den Kreistag (jährlich, an Kreistag)"
    );
    assert_eq!(
        text(&overview_value(&r, "Vollständigkeit der Listen")),
        "Maßnahmen / Projekte: 3 von 35 aufgeführt; übrige: Haushaltsplan"
    );
    // In the timeline too, in date order: the month as text where the day
    // would be.
    let start = (0..r.height())
        .find(|&i| cell(&r, i, 0) == Data::String("Termine und Beschlüsse".into()))
        .expect("key dates section");
    let timeline: Vec<(Data, String)> = (start + 1..r.height())
        .take_while(|&i| cell(&r, i, 0) != Data::Empty)
        .map(|i| (cell(&r, i, 0), text(&cell(&r, i, 1)).to_owned()))
        .collect();
    assert_eq!(timeline[0].0, Data::String("2017".into()));
    assert!(timeline[0]
        .1
        .ends_with("Kenntnisnahme (geplant) (Drucksache 69/2017)"));
    let last = timeline.last().unwrap();
    assert_eq!(last.0, Data::String("Mai 2024".into()));
    assert_eq!(
        last.1,
        "Kreistag: Beschluss des Kreisentwicklungskonzeptes – mehrheitlich beschlossen \
         (Drucksache 69/2017)"
    );

    let r = sheet(&mut book, "Beschlüsse");
    let at = |row, h: &str| cell(&r, row, column(&r, h));
    assert_eq!(text(&at(1, "Beschluss-Nr.")), "178-1/2021");
    assert_eq!(text(&at(2, "Geplant für")), "2017");
    assert_eq!(at(2, "Datum"), Data::Empty);
    assert_eq!(text(&at(3, "Datum")), "Mai 2024");
    assert_eq!(text(&at(3, "Sitzung")), "12. Sitzung");
    // "mehrheitlich dafür, 7 dagegen, 1 Enthaltung": no yes count, not 0.
    assert_eq!(at(3, "Ja"), Data::Empty);
    assert_eq!(number(&at(3, "Nein")), 7.0);
    assert_eq!(number(&at(3, "Enthaltungen")), 1.0);
    assert_eq!(at(3, "Befangen"), Data::Empty);
    assert_eq!(
        text(&at(3, "Haushalt")),
        "Haushalt 2019, Produktkonto 5110.01: Die beschlossenen Ober- und Unterziele sollen \
         bereits bei der Aufstellung des Haushaltes 2019 Berücksichtigung finden."
    );

    let r = sheet(&mut book, "Handlungsfelder");
    assert_eq!(
        text(&cell(&r, 1, column(&r, "Leitlinien"))),
        "1. Offenheit und Überwindung von Grenzdenken\n\
         2. beidseitiger Austausch und Kommunikation auf Augenhöhe"
    );

    let expected = "Ergebnis der Wirtschaftlichkeitsuntersuchung (erwartet Ende des 1. Quartals \
                    2025)\nProjektskizze (erreicht am 27.04.2017)";
    let r = sheet(&mut book, "Maßnahmen");
    assert_eq!(text(&cell(&r, 1, column(&r, "Meilensteine"))), expected);
    let r = sheet(&mut book, "Projektsteckbriefe");
    assert_eq!(text(&overview_value(&r, "Meilensteine")), expected);

    let r = sheet(&mut book, "Indikatoren");
    assert_eq!(text(&cell(&r, 1, column(&r, "Zielart"))), "angestrebt");
    assert_eq!(cell(&r, 2, column(&r, "Zielart")), Data::Empty);

    let r = sheet(&mut book, "Akteure");
    let row = |name: &str| {
        (1..r.height())
            .find(|&i| cell(&r, i, 0) == Data::String(name.into()))
            .unwrap()
    };
    assert_eq!(
        text(&cell(
            &r,
            row("Lenkungsgruppe"),
            column(&r, "Auftragnehmer")
        )),
        "KoRiS (externe Prozessbegleitung)"
    );
    assert_eq!(
        text(&cell(&r, row("KoRiS"), column(&r, "beauftragt von"))),
        "Lenkungsgruppe (externe Prozessbegleitung)"
    );

    let r = sheet(&mut book, "Beteiligung");
    let row = (1..r.height())
        .find(|&i| cell(&r, i, column(&r, "Titel")) == Data::String("Fachforen".into()))
        .unwrap();
    let at = |h: &str| cell(&r, row, column(&r, h));
    assert_eq!(number(&at("Anzahl Termine")), 2.0);
    assert_eq!(text(&at("Anlass")), "im Rahmen der Kreistagssitzung");
    assert_eq!(text(&at("Dauer")), "15 Monate");
}

#[test]
fn format_1_1_in_english() {
    let c = sample_1_1();
    let bytes = export(&c, &ExportOptions::default().language(Language::En));
    let mut book = open(&bytes);
    let r = sheet(&mut book, "Overview");
    assert_eq!(
        text(&overview_value(&r, "Seat of the administration")),
        "Beispielstadt"
    );
    assert_eq!(
        text(&overview_value(&r, "Adopted")),
        "Kreistag, May 2024: adopted by majority (no 7, abstentions 1)"
    );
    assert_eq!(
        text(&overview_value(&r, "Completeness of lists")),
        "measures and projects: 3 of 35 listed; the rest: Haushaltsplan"
    );
    assert!(text(&overview_value(&r, "Reporting"))
        .starts_with("in the budget plan (annually, since 2019)"));
    let r = sheet(&mut book, "Resolutions");
    let at = |row, h: &str| cell(&r, row, column(&r, h));
    assert_eq!(text(&at(3, "Date")), "May 2024");
    assert_eq!(text(&at(3, "Session")), "12. Sitzung");
    assert!(text(&at(3, "Budget")).starts_with("Budget 2019, Produktkonto 5110.01: "));
    let r = sheet(&mut book, "Measures");
    assert_eq!(
        text(&cell(&r, 1, column(&r, "Milestones"))),
        "Ergebnis der Wirtschaftlichkeitsuntersuchung (expected late Q1 2025)\n\
         Projektskizze (reached on 2017-04-27)"
    );
    let r = sheet(&mut book, "Indicators");
    assert_eq!(text(&cell(&r, 1, column(&r, "Kind of target"))), "aim");
    let r = sheet(&mut book, "Participation");
    let row = (1..r.height())
        .find(|&i| cell(&r, i, column(&r, "Title")) == Data::String("Fachforen".into()))
        .unwrap();
    assert_eq!(text(&cell(&r, row, column(&r, "Duration"))), "15 months");
    assert_eq!(number(&cell(&r, row, column(&r, "Occurrences"))), 2.0);
}

/// The decisive step is shown whatever its outcome: a rejection is not an
/// adoption, and a concept without a decision yet shows the planned one.
#[test]
fn overview_shows_a_rejected_or_planned_decision() {
    let mut c = sample_1_1();
    c.resolutions[0].consultations[2].outcome = Some(Outcome::Rejected);
    let bytes = export(&c, &ExportOptions::default());
    let mut book = open(&bytes);
    let r = sheet(&mut book, "Übersicht");
    assert_eq!(
        text(&overview_value(&r, "Beschluss über das Konzept")),
        "Kreistag, Mai 2024: abgelehnt (Nein 7, Enthaltungen 1)"
    );
    assert!(!(0..r.height()).any(|i| cell(&r, i, 0) == Data::String("Beschlossen".into())));

    // Ludwigslust-Parchim: "dass dem Kreistag im Jahr 2017 ein KEK zur
    // Beschlussfassung vorgelegt werden sollte".
    let mut c = sample();
    c.resolutions[0].consultations = vec![Consultation {
        planned_period: Some(Period::year(2017)),
        ..Consultation::new("kreistag", ConsultationRole::Decide)
    }];
    let bytes = export(&c, &ExportOptions::default());
    let mut book = open(&bytes);
    let r = sheet(&mut book, "Übersicht");
    assert_eq!(
        text(&overview_value(&r, "Beschluss über das Konzept")),
        "Kreistag, geplant für 2017"
    );
}

/// A Kreis (Nordfriesland, 01054) is labelled Kreis in every sheet and in
/// the document properties, never Landkreis.
#[test]
fn a_kreis_is_labelled_kreis() {
    let mut c = sample();
    c.territory = Territory::kreis("Nordfriesland")
        .with_key("01054")
        .with_state(State::SchleswigHolstein);
    c.swot.push(Swot {
        id: "swot".into(),
        title: None,
        field: None,
        topics: vec!["Arbeitsmarkt & Qualifikation".into()],
        strengths: Vec::new(),
        weaknesses: Vec::new(),
        opportunities: Vec::new(),
        threats: Vec::new(),
        document: None,
    });
    let bytes = export(&c, &ExportOptions::default());
    let mut book = open(&bytes);
    let r = sheet(&mut book, "Übersicht");
    assert_eq!(text(&overview_value(&r, "Kreis")), "Kreis Nordfriesland");
    let r = sheet(&mut book, "SWOT");
    assert_eq!(
        text(&cell(&r, 1, column(&r, "Handlungsfeld"))),
        "gesamter Kreis"
    );
    for name in book.sheet_names() {
        if name.starts_with('_') {
            continue;
        }
        let r = sheet(&mut book, &name);
        for (row, col, d) in r.cells() {
            if let Data::String(s) = d {
                assert!(!s.contains("Landkreis"), "{name} {row}/{col}: {s}");
            }
        }
    }
    let app = zip_text(&bytes, "docProps/app.xml").unwrap();
    assert!(app.contains("<Company>Kreis Nordfriesland</Company>"));
}

/// The new columns are display-only: an unedited workbook reads back to the
/// same concept, without "unknown column" warnings, in both languages.
#[test]
fn format_1_1_columns_read_back_without_warnings() {
    let c = sample_1_1();
    for lang in [Language::De, Language::En] {
        let bytes = export(&c, &ExportOptions::default().language(lang));
        let read = kreisentwicklung_xlsx::read::read(&bytes).unwrap();
        assert!(read.warnings.is_empty(), "{lang:?}: {:?}", read.warnings);
        assert!(read.changes.is_empty(), "{lang:?}: {:?}", read.changes);
        assert_eq!(read.concept, c);
    }
}
