//! Reading workbooks back: round trips, edits, hostile files.

use kreisentwicklung_core::export::{ExportOptions, Exporter};
use kreisentwicklung_core::generate::{generate, GeneratorOptions};
use kreisentwicklung_core::{CodeList, Concept, MeasureStatus};
use kreisentwicklung_xlsx::read::{self, ReadError};
use kreisentwicklung_xlsx::XlsxExporter;

const EXAMPLES: [&str; 5] = [
    "bernkastel-wittlich",
    "helmstedt",
    "hildesheim",
    "ludwigslust-parchim",
    "nordsachsen",
];

fn example(name: &str) -> (Vec<u8>, Concept) {
    let bytes = kreisentwicklung_core::examples::json(name)
        .unwrap()
        .as_bytes()
        .to_vec();
    let concept = kreisentwicklung_json::from_slice(&bytes).unwrap();
    (bytes, concept)
}

fn export(c: &Concept, options: &ExportOptions) -> Vec<u8> {
    let mut out = Vec::new();
    XlsxExporter.export(c, &mut out, options).unwrap();
    out
}

#[test]
fn examples_round_trip_byte_for_byte() {
    for name in EXAMPLES {
        let (file, concept) = example(name);
        for options in [
            ExportOptions::default(),
            ExportOptions::default().option("constant-memory", "true"),
            ExportOptions::default().language(kreisentwicklung_core::Language::En),
        ] {
            let xlsx = export(&concept, &options);
            let imported = read::read(&xlsx).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(
                imported.changes.is_empty(),
                "{name}: {:?}",
                imported.changes
            );
            assert!(
                imported.warnings.is_empty(),
                "{name}: {:?}",
                imported.warnings
            );
            let again = kreisentwicklung_json::to_vec(&imported.concept, true).unwrap();
            let before = kreisentwicklung_json::to_vec(&concept, true).unwrap();
            assert_eq!(
                String::from_utf8(again.clone()).unwrap(),
                String::from_utf8(before).unwrap(),
                "{name}"
            );
            if file.ends_with(b"\n") && file == again {
                continue;
            }
        }
    }
}

#[test]
fn generated_concepts_round_trip_in_both_modes() {
    for (n, seed) in [(50, 1), (2_100, 7)] {
        let c = generate(&GeneratorOptions::new(n).seed(seed));
        for options in [
            ExportOptions::default(),
            ExportOptions::default().option("constant-memory", "true"),
        ] {
            let xlsx = export(&c, &options);
            let imported = read::read(&xlsx).unwrap();
            assert_eq!(
                kreisentwicklung_json::to_vec(&imported.concept, false).unwrap(),
                kreisentwicklung_json::to_vec(&c, false).unwrap(),
                "{n} measures"
            );
        }
    }
}

#[test]
fn not_our_workbook_and_not_a_workbook() {
    let e = read::read(b"{\"schemaVersion\": \"1.0\"}").unwrap_err();
    assert!(e.to_string().contains("not a zip archive"), "{e}");
    // A workbook written by someone else: no metadata sheet.
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().write_string(0, 0, "Maßnahme").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let e = read::read(&bytes).unwrap_err();
    assert!(matches!(e, ReadError::Workbook(_)), "{e}");
    assert!(
        e.to_string().contains("not a workbook of kreisentwicklung"),
        "{e}"
    );
}

/// True when `program --version`-like `check` runs; without it, a test
/// fails when `CI` is set and is skipped with a notice otherwise.
fn have(what: &str, program: &str, args: &[&str]) -> bool {
    let ok = std::process::Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "{what} is needed for this test (CI is set)"
        );
        eprintln!("skipped: {what} is not installed");
    }
    ok
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "kreisentwicklung-read-{name}-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn edited_concept() -> Concept {
    generate(&GeneratorOptions::new(30).seed(3))
}

#[test]
fn edits_made_with_openpyxl_come_back_as_changes() {
    if !have(
        "python3 with openpyxl",
        "python3",
        &["-c", "import openpyxl"],
    ) {
        return;
    }
    let c = edited_concept();
    let dir = temp_dir("openpyxl");
    let (src, dst) = (dir.join("in.xlsx"), dir.join("out.xlsx"));
    std::fs::write(&src, export(&c, &ExportOptions::default())).unwrap();
    let m0 = &c.measures[0];
    let m1 = &c.measures[1];
    let ind = &c.indicators[0];
    let new_status = if m0.status == Some(MeasureStatus::Completed) {
        MeasureStatus::Abandoned
    } else {
        MeasureStatus::Completed
    };
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/scripts/edit_workbook.py"
    );
    let out = std::process::Command::new("python3")
        .args([script, src.to_str().unwrap(), dst.to_str().unwrap()])
        .arg(new_status.label(kreisentwicklung_core::Language::De))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cells: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cell = |k: &str| format!("Maßnahmen!{}", cells[k].as_str().unwrap());

    let imported = read::read(&std::fs::read(&dst).unwrap()).unwrap_or_else(|e| panic!("{e}"));
    let show = |v: serde_json::Value| match v {
        serde_json::Value::Null => "—".to_owned(),
        serde_json::Value::String(s) => s,
        v => v.to_string(),
    };
    let old_costs = show(serde_json::to_value(m1.costs.as_ref().and_then(|k| k.amount)).unwrap());
    let expected = [
        format!(
            "measures[{}].statusHistory: — → 2031-01-15 {} ({})",
            m0.id,
            new_status.code(),
            cell("updated")
        ),
        format!(
            "measures[{}].status: {} → {} ({})",
            m0.id,
            m0.status.map_or("—", |s| s.code()),
            new_status.code(),
            cell("status")
        ),
        format!(
            "measures[{}].costs.amount: {old_costs} → 1234.56 ({})",
            m1.id,
            cell("costs")
        ),
        format!(
            "measures[{}].funding: {} → LEADER-Region Musterland (LEADER, 50 %, 10.000,00 €, 2025–2027) ({})",
            c.measures[2].id,
            cells["funding_old"].as_str().unwrap_or("—"),
            cell("funding")
        ),
        format!("measures[N1]: — → neu: Neue Radstation ({})", cell("new")),
        format!(
            "indicators[{}].observations[{}]: — → 1234.5 (2030) (Indikatoren!{})",
            ind.id,
            ind.observations.len(),
            cells["latest"].as_str().unwrap()
        ),
    ];
    let got: Vec<String> = imported.changes.iter().map(ToString::to_string).collect();
    assert_eq!(got, expected);

    // The concept took them, and nothing else changed.
    let mut want = c.clone();
    want.measures[0].status = Some(new_status);
    want.measures[0]
        .status_history
        .push(kreisentwicklung_core::StatusUpdate {
            date: kreisentwicklung_core::Date::from_ymd(2031, 1, 15).unwrap(),
            status: new_status,
            note: None,
        });
    want.measures[1]
        .costs
        .get_or_insert(kreisentwicklung_core::Costs {
            amount: None,
            estimated: false,
            note: None,
        })
        .amount = Some(kreisentwicklung_core::Euro::try_from_f64(1234.56).unwrap());
    want.measures[2].funding = vec![kreisentwicklung_core::Funding {
        programme: Some(kreisentwicklung_core::FundingProgramme::Leader),
        programme_name: Some("LEADER-Region Musterland".into()),
        funder: None,
        share_percent: Some(50.0),
        amount: Some(kreisentwicklung_core::Euro::try_from_f64(10_000.0).unwrap()),
        period: Some("2025–2027".parse().unwrap()),
    }];
    let mut n1 = kreisentwicklung_core::Measure::new("N1", "Neue Radstation").with_number("N1");
    n1.status = Some(MeasureStatus::InProgress);
    n1.priority = Some(kreisentwicklung_core::Priority::High);
    want.measures.push(n1);
    want.indicators[0]
        .observations
        .push(kreisentwicklung_core::Observation {
            value: 1234.5,
            period: "2030".parse().unwrap(),
            note: None,
        });
    assert_eq!(imported.concept, want);
    // A new status without a dated update is a warning; the edits are not.
    assert!(
        imported
            .warnings
            .iter()
            .all(|w| w.sheet == "Maßnahmen" && w.message.contains("ohne datierte")),
        "{:?}",
        imported.warnings
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Opens and saves workbooks with a tool (all in one run: LibreOffice
/// takes long to start); returns the saved bytes of each.
fn resave(tool: &str, sources: &[std::path::PathBuf], dir: &std::path::Path) -> Vec<Vec<u8>> {
    let out_dir = dir.join(format!("{tool}-out"));
    std::fs::create_dir_all(&out_dir).unwrap();
    let output = match tool {
        "soffice" => std::process::Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                dir.join("profile").display()
            ))
            .args(["--headless", "--convert-to", "xlsx", "--outdir"])
            .arg(&out_dir)
            .args(sources)
            .output()
            .unwrap(),
        _ => std::process::Command::new("python3")
            .args([
                "-c",
                "import openpyxl, sys, os\n\
                 for p in sys.argv[2:]:\n    \
                 openpyxl.load_workbook(p).save(os.path.join(sys.argv[1], os.path.basename(p)))",
            ])
            .arg(&out_dir)
            .args(sources)
            .output()
            .unwrap(),
    };
    assert!(
        output.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    sources
        .iter()
        .map(|src| {
            let out = out_dir.join(src.file_name().unwrap());
            std::fs::read(&out).unwrap_or_else(|e| panic!("{tool} wrote no {}: {e}", out.display()))
        })
        .collect()
}

fn round_trip_after(tool: &str) {
    let dir = temp_dir(tool);
    let mut cases: Vec<(String, Concept, ExportOptions)> = EXAMPLES
        .iter()
        .map(|n| (n.to_string(), example(n).1, ExportOptions::default()))
        .collect();
    cases.push((
        "generated".into(),
        edited_concept(),
        ExportOptions::default(),
    ));
    cases.push((
        "generated-cm".into(),
        generate(&GeneratorOptions::new(2_100).seed(5)),
        ExportOptions::default().option("constant-memory", "true"),
    ));
    let sources: Vec<std::path::PathBuf> = cases
        .iter()
        .map(|(name, concept, options)| {
            let src = dir.join(format!("{name}.xlsx"));
            std::fs::write(&src, export(concept, options)).unwrap();
            src
        })
        .collect();
    let saved = resave(tool, &sources, &dir);
    for ((name, concept, _), bytes) in cases.iter().zip(saved) {
        let imported = read::read(&bytes).unwrap_or_else(|e| panic!("{name} after {tool}: {e}"));
        assert!(
            imported.changes.is_empty(),
            "{name} after {tool}: {:?}",
            imported.changes
        );
        assert_eq!(
            kreisentwicklung_json::to_vec(&imported.concept, true).unwrap(),
            kreisentwicklung_json::to_vec(concept, true).unwrap(),
            "{name} after {tool}"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn round_trip_after_libreoffice() {
    if have("LibreOffice (soffice)", "soffice", &["--version"]) {
        round_trip_after("soffice");
    }
}

#[test]
fn round_trip_after_openpyxl() {
    if have(
        "python3 with openpyxl",
        "python3",
        &["-c", "import openpyxl"],
    ) {
        round_trip_after("openpyxl");
    }
}

#[test]
fn bad_cells_are_all_reported_with_sheet_cell_and_what_is_allowed() {
    if !have(
        "python3 with openpyxl",
        "python3",
        &["-c", "import openpyxl"],
    ) {
        return;
    }
    let c = edited_concept();
    let dir = temp_dir("bad-cells");
    let (src, dst) = (dir.join("in.xlsx"), dir.join("out.xlsx"));
    std::fs::write(&src, export(&c, &ExportOptions::default())).unwrap();
    let script = "import openpyxl, sys\n\
        wb = openpyxl.load_workbook(sys.argv[1])\n\
        ws = wb['Maßnahmen']\n\
        cols = {c.value: c.column for c in ws[1]}\n\
        ws.cell(14, cols['Status']).value = ' erledigt '\n\
        ws.cell(3, cols['Kosten (EUR)']).value = 'viel'\n\
        ws.cell(5, cols['Letzte Aktualisierung']).value = '31.02.2025'\n\
        ws.cell(4, cols['Förderung']).value = 'LEADER (viel Geld)'\n\
        wb.save(sys.argv[2])\n\
        print(ws.cell(14, cols['Status']).coordinate, ws.cell(3, cols['Kosten (EUR)']).coordinate, ws.cell(5, cols['Letzte Aktualisierung']).coordinate, ws.cell(4, cols['Förderung']).coordinate)";
    let out = std::process::Command::new("python3")
        .args(["-c", script, src.to_str().unwrap(), dst.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let refs: Vec<&str> = stdout.split_whitespace().collect();
    let e = read::read(&std::fs::read(&dst).unwrap()).unwrap_err();
    let ReadError::Cells(problems) = &e else {
        panic!("{e}")
    };
    let statuses: Vec<&str> = MeasureStatus::ALL
        .iter()
        .map(|s| s.label(kreisentwicklung_core::Language::De))
        .collect();
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            format!(
                "Maßnahmen!{}: „viel“ ist keine Zahl; erlaubt: z. B. 1.234,56 oder 1.234,56 € oder 45 %",
                refs[1]
            ),
            format!(
                "Maßnahmen!{}: „viel Geld“ in „LEADER (viel Geld)“ ist weder Förderprogramm noch Akteur, Anteil (80 %), Betrag (10.000,00 €) oder Zeitraum; erlaubt: Name (Programm, Fördergeber, Anteil, Betrag, Zeitraum), mehrere mit „;“ getrennt",
                refs[3]
            ),
            format!(
                "Maßnahmen!{}: „31.02.2025“ ist kein Datum; erlaubt: TT.MM.JJJJ, z. B. 01.02.2024",
                refs[2]
            ),
            format!(
                "Maßnahmen!{}: „erledigt“ ist kein Umsetzungsstand; erlaubt: {}",
                refs[0],
                statuses.join(", ")
            ),
        ]
    );
    assert_eq!(problems[3].row, Some(14));
    std::fs::remove_dir_all(&dir).ok();
}

/// Runs `scripts/edit_sheets.py MODE` on Helmstedt's workbook (goal system,
/// events, actors, resolutions, documents); returns the edited workbook and
/// the cells the script edited.
fn edit_sheets(mode: &str) -> Option<(Concept, Vec<u8>, serde_json::Value)> {
    edit_with("edit_sheets.py", "helmstedt", mode)
}

/// Runs `scripts/SCRIPT MODE` on the workbook of an example; returns the
/// concept, the edited workbook and the cells the script edited.
fn edit_with(
    script: &str,
    name: &str,
    mode: &str,
) -> Option<(Concept, Vec<u8>, serde_json::Value)> {
    if !have(
        "python3 with openpyxl",
        "python3",
        &["-c", "import openpyxl"],
    ) {
        return None;
    }
    let (_, c) = example(name);
    let dir = temp_dir(&format!("{script}-{mode}"));
    let (src, dst) = (dir.join("in.xlsx"), dir.join("out.xlsx"));
    std::fs::write(&src, export(&c, &ExportOptions::default())).unwrap();
    let script = format!("{}/tests/scripts/{script}", env!("CARGO_MANIFEST_DIR"));
    let out = std::process::Command::new("python3")
        .args([&script, mode, src.to_str().unwrap(), dst.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cells = serde_json::from_slice(&out.stdout).unwrap();
    let bytes = std::fs::read(&dst).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    Some((c, bytes, cells))
}

#[test]
fn edits_and_new_rows_of_the_other_sheets_come_back_as_changes() {
    use kreisentwicklung_core::{ActorKind, Consultation, ConsultationRole, Date, DocumentKind};
    use kreisentwicklung_core::{EventKind, Id, Outcome, ParticipantCount, Period};
    let Some((c, bytes, cells)) = edit_sheets("good") else {
        return;
    };
    let at = |sheet: &str, key: &str| format!("{sheet}!{}", cells[key].as_str().unwrap());
    let imported = read::read_onto(&bytes, &c).unwrap_or_else(|e| panic!("{e}"));
    // The first row of Beteiligung is the earliest event.
    let first_event = c
        .events
        .iter()
        .filter(|e| e.period.is_some())
        .min_by(|a, b| a.period.cmp(&b.period))
        .unwrap();
    let got: Vec<String> = imported.changes.iter().map(ToString::to_string).collect();
    assert_eq!(
        got,
        [
            format!("goals[uz1-1].priority: — → high ({})", at("Zielsystem", "goal_priority")),
            format!("goals[uz2-1].parent: oz2 → oz1 ({})", at("Zielsystem", "goal_parent")),
            format!(
                "goals[4]: — → neu: Der Landkreis Helmstedt ist klimaneutral ({})",
                at("Zielsystem", "goal_new")
            ),
            format!(
                "events[{}].participantCount: — → 40 ({})",
                first_event.id,
                at("Beteiligung", "event_count")
            ),
            format!(
                "events[workshop-2018-03-05].location: — → Kreishaus Helmstedt ({})",
                at("Beteiligung", "event_location")
            ),
            format!(
                "events[zukunftswerkstatt-mobilitaet]: — → neu: Zukunftswerkstatt Mobilität ({})",
                at("Beteiligung", "event_new")
            ),
            format!(
                "actors[landrat].function: Landrat → Landrat des Landkreises Helmstedt ({})",
                at("Akteure", "actor_function")
            ),
            format!(
                "actors[regionalmanagement-helmstedt]: — → neu: Regionalmanagement Helmstedt ({})",
                at("Akteure", "actor_new")
            ),
            format!(
                "resolutions[leitbild-ziele-2018].consultations[2].votes.yes: — → 40 ({})",
                at("Beschlüsse", "votes_yes")
            ),
            format!(
                "resolutions[leitbild-ziele-2018].consultations[2].votes.no: — → 3 ({})",
                at("Beschlüsse", "votes_no")
            ),
            format!(
                "resolutions[prozessbegleitung-2023].consultations[1]: — → neu: Kreistag (Entscheidung) ({})",
                at("Beschlüsse", "step_new")
            ),
            format!("documents[anlage-1].date: — → 2018 ({})", at("Dokumente", "doc_date")),
            format!(
                "documents[fortschrittsbericht-2026]: — → neu: Fortschrittsbericht 2026 ({})",
                at("Dokumente", "doc_new")
            ),
        ]
    );
    let warnings: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [format!(
            "{}: unbekannte Spalte „Bemerkung Kämmerei“, nicht gelesen",
            at("Akteure", "actor_extra")
        )]
    );

    // The concept took exactly these edits.
    let mut want = c.clone();
    let goal = |w: &mut Concept, id: &str| w.goals.iter().position(|g| g.id == id).unwrap();
    let g = goal(&mut want, "uz1-1");
    want.goals[g].priority = Some(kreisentwicklung_core::Priority::High);
    let g = goal(&mut want, "uz2-1");
    want.goals[g].parent = Some(Id::new("oz1"));
    want.goals.push(
        kreisentwicklung_core::Goal::new("4", 1, "Der Landkreis Helmstedt ist klimaneutral")
            .with_number("4"),
    );
    let e = want
        .events
        .iter()
        .position(|e| e.id == first_event.id)
        .unwrap();
    want.events[e].participant_count = Some(ParticipantCount {
        value: 40,
        approximate: false,
        text: None,
    });
    let e = want
        .events
        .iter()
        .position(|e| e.id == "workshop-2018-03-05")
        .unwrap();
    want.events[e].location = Some("Kreishaus Helmstedt".into());
    want.events.push(
        kreisentwicklung_core::Event::new(
            "zukunftswerkstatt-mobilitaet",
            EventKind::FutureWorkshop,
        )
        .with_period("15.09.2026".parse::<Period>().unwrap()),
    );
    let last = want.events.len() - 1;
    want.events[last].title = Some("Zukunftswerkstatt Mobilität".into());
    let a = want.actors.iter().position(|a| a.id == "landrat").unwrap();
    want.actors[a].function = Some("Landrat des Landkreises Helmstedt".into());
    want.actors.push(
        kreisentwicklung_core::Actor::new(
            "regionalmanagement-helmstedt",
            ActorKind::AdministrativeUnit,
            "Regionalmanagement Helmstedt",
        )
        .with_organization("fuehrungsebene"),
    );
    let r = want
        .resolutions
        .iter()
        .position(|r| r.id == "leitbild-ziele-2018")
        .unwrap();
    let votes = want.resolutions[r].consultations[2]
        .votes
        .unwrap_or_default();
    want.resolutions[r].consultations[2].votes = Some(votes.with_yes(40).with_no(3));
    let r = want
        .resolutions
        .iter()
        .position(|r| r.id == "prozessbegleitung-2023")
        .unwrap();
    want.resolutions[r].consultations.push(
        Consultation::new("kreistag", ConsultationRole::Decide)
            .on(Date::from_ymd(2023, 3, 15).unwrap())
            .with_outcome(Outcome::Adopted),
    );
    let d = want
        .documents
        .iter()
        .position(|d| d.id == "anlage-1")
        .unwrap();
    want.documents[d].date = Some("2018".parse().unwrap());
    want.documents.push(
        kreisentwicklung_core::Document::new(
            "fortschrittsbericht-2026",
            DocumentKind::FinalReport,
            "Fortschrittsbericht 2026",
        )
        .with_date("2026".parse().unwrap()),
    );
    assert_eq!(imported.concept, want);
}

#[test]
fn bad_values_in_the_other_sheets_are_all_reported() {
    let Some((_, bytes, cells)) = edit_sheets("bad") else {
        return;
    };
    let at = |sheet: &str, key: &str| format!("{sheet}!{}", cells[key].as_str().unwrap());
    let e = read::read(&bytes).unwrap_err();
    let ReadError::Cells(problems) = &e else {
        panic!("{e}")
    };
    fn allowed<T: CodeList>() -> String {
        T::ALL
            .iter()
            .map(|c| c.label(kreisentwicklung_core::Language::De))
            .collect::<Vec<_>>()
            .join(", ")
    }
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            format!(
                "{}: „1.1“ liegt unter diesem Ziel (oder ist es selbst): ein Ziel kann nicht sich selbst untergeordnet werden",
                at("Zielsystem", "goal_cycle")
            ),
            format!(
                "{}: „9.9“ ist kein Ziel dieses Konzepts; erlaubt: die Nr. oder der Titel eines Ziels, leer für ein oberstes Ziel",
                at("Zielsystem", "goal_unknown")
            ),
            format!(
                "{}: „Kaffeekranz“ ist kein Beteiligungsformat; erlaubt: {}",
                at("Beteiligung", "event_kind"),
                allowed::<kreisentwicklung_core::EventKind>()
            ),
            format!(
                "{}: „irgendwann“ ist kein Zeitraum; erlaubt: z. B. 2025, 2. Halbjahr 2025, Mai bis August 2017, 2025–2027, 01.03.2025–30.06.2026 (oder „nach Bedarf“)",
                at("Beteiligung", "event_period")
            ),
            format!(
                "{}: „viele“ ist keine Zahl; erlaubt: z. B. 1.234,56 oder 1.234,56 € oder 45 %",
                at("Akteure", "actor_count")
            ),
            format!(
                "{}: darf nicht leer sein; erlaubt: {}",
                at("Akteure", "actor_new_kind"),
                allowed::<kreisentwicklung_core::ActorKind>()
            ),
            format!(
                "{}: „vertagt?“ ist kein Ergebnis; erlaubt: {}",
                at("Beschlüsse", "outcome"),
                allowed::<kreisentwicklung_core::Outcome>()
            ),
            format!(
                "{}: „32.13.2023“ ist kein Datum; erlaubt: TT.MM.JJJJ, z. B. 01.02.2024",
                at("Beschlüsse", "date")
            ),
            format!(
                "{}: „Flugblatt“ ist keine Dokumentart; erlaubt: {}",
                at("Dokumente", "doc_kind"),
                allowed::<kreisentwicklung_core::DocumentKind>()
            ),
        ]
    );
    // Rows as Excel shows them.
    assert_eq!(problems[0].row, Some(2));
}

#[test]
fn edits_of_the_composite_columns_come_back_as_changes() {
    use kreisentwicklung_core::{Adoption, AdoptionSubject, Audience, Id, Mandate, MemberRole};
    use kreisentwicklung_core::{Membership, Participant, ParticipantRole, Text};
    let Some((c, bytes, cells)) = edit_with("edit_composite.py", "ludwigslust-parchim", "good")
    else {
        return;
    };
    let at = |sheet: &str, key: &str| format!("{sheet}!{}", cells[key].as_str().unwrap());
    let imported = read::read_onto(&bytes, &c).unwrap_or_else(|e| panic!("{e}"));
    let got: Vec<String> = imported.changes.iter().map(ToString::to_string).collect();
    let forum2 = "Unternehmerverbände; Kammern; Wirtschaftsförderung; Dr. Silvia Stiller (Vortrag); Berit Steinberg (Vortrag)";
    let board = "Rolf Christiansen; Wolfgang Schmülling; Günter Matschoß; Andreas Neumann";
    let task = "den Projektkatalog jährlich fortschreiben\nund dem Kreistag berichten";
    assert_eq!(
        got,
        [
            format!(
                "events[workshop-ausschuss-vmk-2016].documents: — → Projektablauf ({})",
                at("Beteiligung", "documents")
            ),
            format!(
                "events[gespraeche-fachdienste-2016].parent: — → Strategiekonferenz mit Verwaltungsvorstand ({})",
                at("Beteiligung", "parent")
            ),
            format!(
                "events[fachforum-1].audience: Fachleute; Unternehmen; Verwaltung; Politik / Kreistag → Fachleute; Unternehmen ({})",
                at("Beteiligung", "audience")
            ),
            format!(
                "events[fachforum-1].audienceDescription: — → Vertreter der Stadtwerke ({})",
                at("Beteiligung", "audience")
            ),
            format!(
                "events[ausschuss-workshop-2016-04-18].parent: Workshops in den Ausschüssen des Kreistages → — ({})",
                at("Beteiligung", "parent_cleared")
            ),
            format!(
                "events[fachforum-2].participants: {forum2} → {forum2}; Rolf Christiansen (Gastgeber) ({})",
                at("Beteiligung", "participants")
            ),
            format!(
                "events[fachforum-2].participantCount.text: rund fünfzig → etwa fünfzig ({})",
                at("Beteiligung", "participants")
            ),
            format!(
                "actors[verwaltungsvorstand].members: {board} → Rolf Christiansen (Vorsitz); Wolfgang Schmülling; Günter Matschoß; Andreas Neumann; Fachdienste der Kreisverwaltung (Geschäftsbereiche) ({})",
                at("Akteure", "members")
            ),
            format!(
                "resolutions[beschluss-kek-2017].adopts: Konzept → Konzept; Dokument (Projektablauf): als Anlage; ungeändert ({})",
                at("Beschlüsse", "adopts")
            ),
            format!(
                "resolutions[beschluss-kek-2017].mandates: — → Rolf Christiansen: {task} (Frist: 2030) ({})",
                at("Beschlüsse", "mandates")
            ),
        ]
    );
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);

    // The concept took exactly these edits.
    let mut want = c.clone();
    let event = |w: &mut Concept, id: &str| w.events.iter().position(|e| e.id == id).unwrap();
    let e = event(&mut want, "workshop-ausschuss-vmk-2016");
    want.events[e].documents = vec![Id::new("projektablauf")];
    let e = event(&mut want, "gespraeche-fachdienste-2016");
    want.events[e].parent = Some(Id::new("strategiekonferenz-2015"));
    let e = event(&mut want, "fachforum-1");
    want.events[e].audience = vec![Audience::Experts, Audience::Businesses];
    want.events[e].audience_description = Some("Vertreter der Stadtwerke".into());
    let e = event(&mut want, "ausschuss-workshop-2016-04-18");
    want.events[e].parent = None;
    let e = event(&mut want, "fachforum-2");
    want.events[e].participants.push(Participant {
        actor: Id::new("landrat"),
        role: Some(ParticipantRole::Host),
    });
    want.events[e].participant_count.as_mut().unwrap().text = Some("etwa fünfzig".into());
    let a = want
        .actors
        .iter()
        .position(|a| a.id == "verwaltungsvorstand")
        .unwrap();
    want.actors[a].members[0].role = Some(MemberRole::Chair);
    want.actors[a].members.push(Membership {
        actor: Id::new("fachdienste"),
        role: None,
        role_label: Some("Geschäftsbereiche".into()),
    });
    let r = &mut want.resolutions[0];
    r.adopts.push(Adoption {
        subject: AdoptionSubject::Document,
        items: vec![Id::new("projektablauf")],
        note: Some("als Anlage; ungeändert".into()),
    });
    r.mandates.push(Mandate {
        actor: Id::new("landrat"),
        task: Text::new(task),
        due: Some("2030".parse().unwrap()),
    });
    assert_eq!(imported.concept, want);
}

#[test]
fn unknown_and_ambiguous_names_in_composite_columns_are_errors_naming_them() {
    let Some((_, bytes, cells)) = edit_with("edit_composite.py", "ludwigslust-parchim", "bad")
    else {
        return;
    };
    let at = |sheet: &str, key: &str| format!("{sheet}!{}", cells[key].as_str().unwrap());
    let e = read::read(&bytes).unwrap_err();
    let ReadError::Cells(problems) = &e else {
        panic!("{e}")
    };
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            format!(
                "{}: „Herr Niemand“ ist kein Akteur dieses Konzepts; erlaubt: Akteure mit Namen (wie im Blatt Akteure) oder Kennung, eine Rolle in Klammern (z. B. „Landrat (Vortrag)“), mehrere mit „;“ getrennt; vorn die Anzahl in Worten, wenn „Anzahl“ gefüllt ist",
                at("Beteiligung", "participants")
            ),
            format!(
                "{}: „Kreisanzeiger“ ist kein Dokument dieses Konzepts; erlaubt: Titel von Dokumenten (wie im Blatt Dokumente) oder Kennungen, Presseartikel mit „Presse: “ davor, mehrere mit „;“ getrennt",
                at("Beteiligung", "documents")
            ),
            format!(
                "{}: „Workshop“ ist mehrdeutig: so heißen mehrere Veranstaltungen (ausschuss-workshop-2016-04-18, ausschuss-workshop-2016-04-19); bitte stattdessen die Kennung eintragen; erlaubt: der Titel einer Veranstaltung oder ihre Kennung, leer für keine",
                at("Beteiligung", "parent")
            ),
            format!(
                "{}: „Frau Unbekannt“ ist kein Akteur dieses Konzepts; erlaubt: je Zeile ein Akteur mit Namen (wie im Blatt Akteure) oder Kennung, eine Rolle in Klammern (z. B. „Landrat (Vorsitz)“)",
                at("Akteure", "members")
            ),
            format!(
                "{}: „Haushaltsplan 2017“ beginnt mit keinem Gegenstand eines Beschlusses; erlaubt: ein Gegenstand (Konzept, Leitbild, Ziele, Handlungsfelder, Projekt- / Maßnahmenkatalog, Maßnahmen, Dokument, Verfahren / Prozessbegleitung), dahinter in Klammern die beschlossenen Ziele, Handlungsfelder, Dokumente oder Maßnahmen mit „, “ getrennt und nach „:“ eine Anmerkung, z. B. „Ziele (1, 1.2): mit Änderungen“; mehrere mit „;“ getrennt",
                at("Beschlüsse", "adopts")
            ),
            format!(
                "{}: „Kreiskämmerer“ ist kein Akteur dieses Konzepts; erlaubt: je Zeile „Akteur: Aufgabe“ mit dem Namen eines Akteurs (wie im Blatt Akteure), dahinter „(Frist: Zeitraum)“, wenn der Auftrag befristet ist",
                at("Beschlüsse", "mandates")
            ),
        ]
    );
}

#[test]
fn composite_columns_of_an_english_workbook_read_english_labels_and_say_what_is_allowed() {
    if !have(
        "python3 with openpyxl",
        "python3",
        &["-c", "import openpyxl"],
    ) {
        return;
    }
    let (_, c) = example("ludwigslust-parchim");
    let dir = temp_dir("composite-en");
    let (src, bad, good) = (
        dir.join("in.xlsx"),
        dir.join("bad.xlsx"),
        dir.join("good.xlsx"),
    );
    let english = ExportOptions::default().language(kreisentwicklung_core::Language::En);
    std::fs::write(&src, export(&c, &english)).unwrap();
    // good: the board's chair by the English role; bad: an unknown participant.
    let script = "import openpyxl, sys\n\
        def row(ws, col, value):\n    \
            cols = {c.value: c.column for c in ws[1]}\n    \
            return cols, next(r for r in range(2, ws.max_row + 1) if ws.cell(r, cols[col]).value == value)\n\
        wb = openpyxl.load_workbook(sys.argv[1])\n\
        ws = wb['Actors']\n\
        cols, r = row(ws, 'Name', 'Verwaltungsvorstand')\n\
        old = ws.cell(r, cols['Members']).value\n\
        ws.cell(r, cols['Members']).value = old.replace('Rolf Christiansen', 'Rolf Christiansen (chair)')\n\
        b = ws.cell(r, cols['Members']).coordinate\n\
        wb.save(sys.argv[3])\n\
        ws = wb['Participation']\n\
        cols, r = row(ws, 'Title', '1. Fachforum: Stadtwerke und Kreisverwaltung')\n\
        ws.cell(r, cols['Participants']).value = 'Rolf Christiansen (host); Nobody'\n\
        a = ws.cell(r, cols['Participants']).coordinate\n\
        wb.save(sys.argv[2])\n\
        print(a, b)";
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .args([&src, &bad, &good])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let refs: Vec<&str> = stdout.split_whitespace().collect();
    let e = read::read(&std::fs::read(&bad).unwrap()).unwrap_err();
    let lines: Vec<String> = match &e {
        ReadError::Cells(problems) => problems.iter().map(ToString::to_string).collect(),
        e => panic!("{e}"),
    };
    assert_eq!(
        lines,
        [format!(
            "Participation!{}: \"Nobody\" is not an actor of this concept; allowed: actors by name (as in the sheet Actors) or id, a role in brackets (e.g. \"Landrat (speaker)\"), several separated by \";\"; first the count in words when \"Count\" is filled",
            refs[0]
        )]
    );
    let imported = read::read(&std::fs::read(&good).unwrap()).unwrap_or_else(|e| panic!("{e}"));
    let got: Vec<String> = imported.changes.iter().map(ToString::to_string).collect();
    assert_eq!(
        got,
        [format!(
            "actors[verwaltungsvorstand].members: Rolf Christiansen; Wolfgang Schmülling; Günter Matschoß; Andreas Neumann → Rolf Christiansen (chair); Wolfgang Schmülling; Günter Matschoß; Andreas Neumann (Actors!{})",
            refs[1]
        )]
    );
    let board = imported
        .concept
        .actors
        .iter()
        .find(|a| a.id == "verwaltungsvorstand")
        .unwrap();
    assert_eq!(
        board.members[0].role,
        Some(kreisentwicklung_core::MemberRole::Chair)
    );
    std::fs::remove_dir_all(&dir).ok();
}
