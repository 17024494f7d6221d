//! Helpers for reading workbooks back: calamine for values and types, the
//! zip's XML for what calamine does not show (quote prefix, tables, print
//! setup, charts).

#![allow(dead_code)]

use std::io::{Cursor, Read};

use calamine::{Data, Range, Reader, Xlsx};
use kreisentwicklung_core::export::{ExportError, ExportOptions, Exporter};
use kreisentwicklung_core::*;
use kreisentwicklung_xlsx::XlsxExporter;

pub type Book = Xlsx<Cursor<Vec<u8>>>;

/// Exports with the given options.
pub fn try_export(c: &Concept, options: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::new();
    XlsxExporter.export(c, &mut out, options)?;
    Ok(out)
}

/// Exports, panicking on errors.
pub fn export(c: &Concept, options: &ExportOptions) -> Vec<u8> {
    try_export(c, options).unwrap_or_else(|e| panic!("export failed: {e}"))
}

/// Opens a workbook with calamine.
pub fn open(bytes: &[u8]) -> Book {
    calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("calamine opens it")
}

/// A sheet's cells.
pub fn sheet(book: &mut Book, name: &str) -> Range<Data> {
    book.worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name:?}: {e}"))
}

/// The cell at (row, col) counted from the range's start, which for our
/// sheets is A1 (every sheet writes A1).
pub fn cell(r: &Range<Data>, row: usize, col: usize) -> Data {
    r.get((row, col)).cloned().unwrap_or(Data::Empty)
}

/// The header row (row 0).
pub fn headers(r: &Range<Data>) -> Vec<String> {
    (0..r.width())
        .map(|c| match cell(r, 0, c) {
            Data::String(s) => s,
            Data::Empty => String::new(),
            other => panic!("header cell {c} is not text: {other:?}"),
        })
        .collect()
}

/// The column of a header.
pub fn column(r: &Range<Data>, header: &str) -> usize {
    let h = headers(r);
    h.iter()
        .position(|x| x == header)
        .unwrap_or_else(|| panic!("no column {header:?} in {h:?}"))
}

/// The text of a cell, panicking when it is not text.
pub fn text(d: &Data) -> &str {
    match d {
        Data::String(s) => s,
        other => panic!("expected text, got {other:?}"),
    }
}

/// The number of a cell, panicking when it is not a number.
pub fn number(d: &Data) -> f64 {
    match d {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("expected a number, got {other:?}"),
    }
}

/// The Excel serial number of a date cell, panicking when it is not a date.
pub fn date_serial(d: &Data) -> f64 {
    match d {
        Data::DateTime(dt) if dt.is_datetime() => dt.as_f64(),
        other => panic!("expected a date, got {other:?}"),
    }
}

/// Excel's serial number of a date (1900 date system, from March 1900 on).
pub fn serial(d: Date) -> f64 {
    let epoch = Date::from_ymd(1899, 12, 30).unwrap();
    epoch.days_until(d) as f64
}

/// A file inside the xlsx zip, as text.
pub fn zip_text(bytes: &[u8], path: &str) -> Option<String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip file");
    let mut f = zip.by_name(path).ok()?;
    let mut s = String::new();
    f.read_to_string(&mut s).expect("utf-8 xml");
    Some(s)
}

/// The names of the files inside the xlsx zip.
pub fn zip_names(bytes: &[u8]) -> Vec<String> {
    let zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip file");
    zip.file_names()
        .map(|n| n.expect("a file name").into_owned())
        .collect()
}

/// Every sheet's rows are unique and ascending, and so are the cells of a
/// row — what Excel requires of a well-formed sheet.
pub fn assert_well_formed_rows(bytes: &[u8]) {
    for name in zip_names(bytes) {
        if !name.starts_with("xl/worksheets/sheet") {
            continue;
        }
        let xml = zip_text(bytes, &name).unwrap();
        let rows: Vec<u32> = xml
            .split("<row r=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap().parse().unwrap())
            .collect();
        assert!(
            rows.windows(2).all(|w| w[0] < w[1]),
            "{name}: rows not ascending: {:?}",
            &rows[rows.len().saturating_sub(5)..]
        );
    }
}

/// The XML of the n-th sheet (1-based, in workbook order).
pub fn sheet_xml(bytes: &[u8], n: usize) -> String {
    zip_text(bytes, &format!("xl/worksheets/sheet{n}.xml")).expect("sheet xml")
}

/// The position (1-based) of a sheet by name.
pub fn sheet_number(book: &Book, name: &str) -> usize {
    1 + book
        .sheet_names()
        .iter()
        .position(|n| n == name)
        .unwrap_or_else(|| panic!("no sheet {name:?}"))
}

/// XML-escapes text as rust_xlsxwriter writes it.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The style index (`s` attribute) of the cell that holds `text`, found in
/// the sheet XML (inline strings) or via the shared string table.
pub fn style_of_text_cell(bytes: &[u8], sheet: usize, text: &str) -> u32 {
    let xml = sheet_xml(bytes, sheet);
    // Text nodes escape only & < >.
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let needle = if xml.contains("t=\"inlineStr\"") {
        let preserve = format!("<t xml:space=\"preserve\">{escaped}</t>");
        if xml.contains(&preserve) {
            preserve
        } else {
            format!("<t>{escaped}</t>")
        }
    } else {
        let sst = zip_text(bytes, "xl/sharedStrings.xml").expect("shared strings");
        let mut index = None;
        for (i, si) in sst.split("<si>").skip(1).enumerate() {
            let t = si.split("</si>").next().unwrap();
            let body = t
                .trim_start_matches("<t>")
                .trim_start_matches("<t xml:space=\"preserve\">")
                .trim_end_matches("</t>");
            if body == escaped {
                index = Some(i);
                break;
            }
        }
        format!(
            "<v>{}</v>",
            index.unwrap_or_else(|| panic!("{text:?} not in the shared strings"))
        )
    };
    let at = xml
        .find(&needle)
        .unwrap_or_else(|| panic!("{needle:?} not in sheet {sheet}"));
    let start = xml[..at].rfind("<c ").expect("cell start");
    let cell = &xml[start..at];
    let s = cell
        .split(" s=\"")
        .nth(1)
        .expect("cell has a style")
        .split('"')
        .next()
        .unwrap();
    s.parse().unwrap()
}

/// The attributes of cell format `index` in styles.xml.
pub fn cell_xf(bytes: &[u8], index: u32) -> String {
    let styles = zip_text(bytes, "xl/styles.xml").unwrap();
    let xfs = styles
        .split("<cellXfs")
        .nth(1)
        .unwrap()
        .split("</cellXfs>")
        .next()
        .unwrap();
    xfs.split("<xf ")
        .nth(index as usize + 1)
        .unwrap_or_else(|| panic!("no xf {index}"))
        .to_owned()
}

/// A concept with everything the workbook shows, in the spirit of the
/// seeds (Helmstedt's chronology, Nordsachsen's goal system, Ludwigslust-
/// Parchim's events).
pub fn sample() -> Concept {
    let d = |y, m, day| Date::from_ymd(y, m, day).unwrap();
    let p = |s: &str| s.parse::<Period>().unwrap();
    let mut c = Concept::new(
        "kek-beispiel-2030",
        "Kreisentwicklungskonzept Beispielkreis 2030",
        ConceptKind::Kek,
        Territory::landkreis("Beispielkreis")
            .with_key("03999")
            .with_state(State::Niedersachsen),
    )
    .with_status(ConceptStatus::Adopted)
    .with_horizon(Horizon::Year { year: 2030 })
    .with_revision_cycle_years(5)
    .with_vision("Der Beispielkreis ist lebenswert, innovativ und vernetzt.")
    .with_field(
        FieldOfAction::new("hf1", "Wirtschaft & Innovation")
            .with_number("1")
            .with_vision(Vision::for_year("Ein starker Wirtschaftsstandort.", 2030)),
    )
    .with_field(FieldOfAction::new("hf2", "Infrastruktur & Mobilität").with_number("2"))
    .with_goal(
        Goal::new("z1", 1, "Innovation stärken")
            .with_number("1")
            .with_field("hf1")
            .with_priority(Priority::High),
    )
    .with_goal(
        Goal::new("z1-1", 2, "Gründungen fördern")
            .with_number("1.1")
            .with_parent("z1")
            .with_field("hf1")
            .with_focus_area("Gründerzentren")
            .with_focus_area("Beratung"),
    )
    .with_goal(
        Goal::new("z1-1-1", 3, "Gründerzentrum im Kreis")
            .with_number("1.1.1")
            .with_parent("z1-1")
            .with_field("hf1"),
    )
    .with_goal(
        Goal::new("z2", 1, "Schnelles Internet überall")
            .with_number("2")
            .with_field("hf2")
            .with_indicator("bb"),
    )
    .with_actor(Actor::new("kreistag", ActorKind::Council, "Kreistag"))
    .with_actor(Actor::new(
        "aws",
        ActorKind::Committee,
        "Ausschuss für Wirtschaft und Strategie",
    ))
    .with_actor(
        Actor::new(
            "wifoe",
            ActorKind::AdministrativeUnit,
            "Wirtschaftsförderung",
        )
        .with_organization("kreistag"),
    )
    .with_actor(
        Actor::new("lg", ActorKind::SteeringGroup, "Lenkungsgruppe")
            .with_member("wifoe", Some(MemberRole::Chair))
            .with_member("aws", None),
    )
    .with_actor(Actor::new(
        "gem1",
        ActorKind::Municipality,
        "Stadt Beispielstadt",
    ))
    .with_indicator(
        Indicator::new(
            "bb",
            "Haushalte mit mind. 100 Mbit/s",
            "%",
            Direction::HigherIsBetter,
        )
        .with_baseline(40.0, Period::year(2020))
        .with_target(90.0, Period::year(2030))
        .with_observation(52.5, Period::year(2022))
        .with_observation(65.0, Period::year(2024)),
    )
    .with_indicator(Indicator::new(
        "co2",
        "CO2-Ausstoß der Kreisverwaltung",
        "t CO2",
        Direction::LowerIsBetter,
    ))
    .with_measure(
        Measure::new("W1", "Gründerzentrum einrichten")
            .with_number("W1")
            .with_goal("z1-1-1")
            .with_goal("z1-1")
            .with_lead("wifoe")
            .with_partner("gem1")
            .with_period(p("2. Halbjahr 2025"))
            .with_priority(Priority::High)
            .with_status_update(d(2024, 3, 1), MeasureStatus::NotStarted)
            .with_status_update(d(2024, 11, 13), MeasureStatus::InProgress)
            .with_costs(Euro::from_cents(25_000_050))
            .with_funding(Funding::programme(FundingProgramme::Grw).with_share_percent(80.0))
            .with_budget_line(2025, Euro::from_euros(100_000))
            .with_indicator("bb"),
    )
    .with_measure(
        Measure::new("I1", "Glasfaser für Gewerbegebiete")
            .with_number("I1")
            .with_goal("z2")
            .with_period(p("2024–2027"))
            .with_status_update(d(2023, 5, 2), MeasureStatus::Completed),
    )
    .with_measure(Measure::new("I2", "Mobilfunklücken schließen").with_goal("z2"))
    .with_event(
        Event::new("auftakt", EventKind::KickOff)
            .with_title("Öffentlicher Auftakt")
            .with_period(p("12.02.2019"))
            .with_audience(Audience::Public)
            .with_participant("wifoe"),
    )
    .with_event(
        Event::new("interviews", EventKind::ExpertInterview)
            .with_period(p("Ende 2018 / Anfang 2019"))
            .with_audience(Audience::Experts),
    )
    .with_event(
        Event::new("foren", EventKind::ExpertForum)
            .with_title("Fachforen")
            .with_period(p("2. und 3. Quartal 2019")),
    )
    .with_event(Event::new("presse", EventKind::PressSeries))
    .with_resolution(
        Resolution::new(
            "beschluss-kek",
            ResolutionKind::Resolution,
            "Beschluss des Kreisentwicklungskonzeptes",
        )
        .with_paper("69/2017")
        .with_consultation(
            Consultation::new("aws", ConsultationRole::Recommend)
                .on(d(2018, 6, 21))
                .with_outcome(Outcome::Recommended),
        )
        .with_consultation(
            Consultation::new("kreistag", ConsultationRole::Decide)
                .on(d(2018, 9, 12))
                .with_outcome(Outcome::AdoptedByMajority)
                .with_votes(Votes::counted(38, 5, 3, 0)),
        )
        .adopting(AdoptionSubject::Concept),
    )
    .with_document(
        Document::new("endbericht", DocumentKind::FinalReport, "Endbericht")
            .with_date(Period::year(2019))
            .with_url("https://www.example.org/kek/endbericht.pdf")
            .with_media_type("application/pdf"),
    )
    .with_document(Document::new(
        "protokoll",
        DocumentKind::Minutes,
        "Protokoll der Lenkungsgruppe",
    ));
    c.goal_levels = vec!["Oberziel".into(), "Unterziel".into(), "Teilziel".into()];
    c.cross_cutting_themes
        .push(CrossCuttingTheme::new("digital", "Digitalisierung"));
    c.events[0].participant_count = Some(ParticipantCount {
        value: 50,
        approximate: true,
        text: Some("rund fünfzig".into()),
    });
    c
}

/// The workbook of `c` in `language`, edited by `scripts/edit_cells.py`
/// through openpyxl, the way people type into cells: the edited workbook
/// and the cells written. `None` (with a notice) without python3 and
/// openpyxl, unless `CI` is set: then the test fails.
pub fn edited(
    c: &Concept,
    language: Language,
    edits: serde_json::Value,
) -> Option<(Vec<u8>, Vec<String>)> {
    static RUN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let python = std::process::Command::new("python3")
        .args(["-c", "import openpyxl"])
        .output();
    if !python.is_ok_and(|o| o.status.success()) {
        assert!(
            std::env::var_os("CI").is_none(),
            "python3 with openpyxl is needed (CI is set)"
        );
        eprintln!("skipped: python3 with openpyxl is not installed");
        return None;
    }
    // One directory per call: tests of one binary run in parallel.
    let run = RUN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!(
        "kreisentwicklung-edited-{}-{}-{run}",
        language.tag(),
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let (src, dst) = (dir.join("in.xlsx"), dir.join("out.xlsx"));
    let options = ExportOptions::default().language(language);
    std::fs::write(&src, export(c, &options)).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/scripts/edit_cells.py");
    let out = std::process::Command::new("python3")
        .arg(script)
        .args([&src, &dst])
        .arg(edits.to_string())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let written: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cells = written
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["cell"].as_str().unwrap().to_owned())
        .collect();
    let bytes = std::fs::read(&dst).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    Some((bytes, cells))
}
