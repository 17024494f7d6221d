//! Import: the specification's own example objects, round trips of the
//! five examples and a generated concept, and clear errors.

mod common;

use common::{concepts, data, options};
use kreisentwicklung_core::export::{ExportError, Exporter};
use kreisentwicklung_core::*;
use kreisentwicklung_oparl::{
    from_str, from_values, update, write_tree, ImportError, OparlExporter,
};
use serde_json::Value;

fn read(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(data(path)).unwrap()).unwrap()
}

/// What OParl carries of a resolution (the crate docs' table): no adopts or
/// mandates, no translations, the text only where a deciding step has a
/// session.
fn carried(r: &Resolution) -> Resolution {
    let plain = |t: &Text| Text::new(t.text.clone());
    let mut r = r.clone();
    r.adopts.clear();
    r.mandates.clear();
    // Format 1.1: the resolution's own number, its budget links and the
    // sessions' numbers have no place in OParl.
    r.number = None;
    r.budget.clear();
    r.title = plain(&r.title);
    let has_session = |c: &Consultation| {
        c.date.is_some()
            || c.planned_date.is_some()
            || c.period.is_some()
            || c.planned_period.is_some()
            || c.session.is_some()
            || c.agenda_item.is_some()
            || c.outcome.is_some()
            || c.votes.is_some()
            || c.note.is_some()
    };
    let text_kept = r
        .consultations
        .iter()
        .any(|c| c.role == ConsultationRole::Decide && has_session(c));
    r.text = r.text.filter(|_| text_kept).map(|t| plain(&t));
    if let Some(p) = &mut r.paper {
        p.title = p.title.as_ref().map(plain);
    }
    for c in &mut r.consultations {
        c.note = c.note.as_ref().map(plain);
        c.session = None;
    }
    r
}

#[test]
fn resolutions_come_back_from_the_document_and_from_the_tree() {
    let mut total = 0;
    for (name, concept) in concepts() {
        let opts = options("https://ratsinfo.example.de/oparl");
        let mut out = Vec::new();
        OparlExporter.export(&concept, &mut out, &opts).unwrap();
        let expected: Vec<Resolution> = concept.resolutions.iter().map(carried).collect();
        let back = from_str(std::str::from_utf8(&out).unwrap());
        if expected.is_empty() {
            // An endpoint without papers holds no resolution to read.
            assert!(matches!(back, Err(ImportError::NoPaper)), "{name}");
            continue;
        }
        let back = back.unwrap();
        // Laid over the concept's own resolutions, nothing is lost.
        for (old, new) in concept.resolutions.iter().zip(&back.resolutions) {
            assert_eq!(&update(old, new.clone()), old, "{name}");
        }
        assert_eq!(back.resolutions, expected, "{name}");
        assert!(back.warnings.is_empty(), "{name}: {:?}", back.warnings);
        total += expected.len();

        // The tree's files, read together, give the same.
        let dir = std::env::temp_dir().join(format!("oparl-rt-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        write_tree(&concept, &dir, &opts).unwrap();
        let mut values = Vec::new();
        let mut stack = vec![dir.clone()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    values.push(serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap());
                }
            }
        }
        std::fs::remove_dir_all(&dir).unwrap();
        let mut from_tree = from_values(&values).unwrap().resolutions;
        from_tree.sort_by(|a, b| a.id.cmp(&b.id));
        let mut sorted = expected.clone();
        sorted.sort_by(|a, b| a.id.cmp(&b.id));
        assert_eq!(from_tree, sorted, "{name}");
    }
    // Helmstedt (4), Nordsachsen (3), Ludwigslust-Parchim's decision planned
    // for 2017 (1) and the generated concept (1).
    assert_eq!(total, 9);
}

#[test]
fn the_helmstedt_decision_keeps_its_text_steps_and_votes() {
    let (_, helmstedt) = concepts().into_iter().nth(1).unwrap();
    let mut out = Vec::new();
    OparlExporter
        .export(
            &helmstedt,
            &mut out,
            &options("https://ris.example.de/oparl"),
        )
        .unwrap();
    let doc: Value = serde_json::from_slice(&out).unwrap();
    let items = doc["agendaItem"].as_array().unwrap();
    let decision = items
        .iter()
        .find(|i| i["id"] == "https://ris.example.de/oparl/agendaitem/leitbild-ziele-2018/3.json")
        .unwrap();
    assert_eq!(decision["result"], "beschlossen");
    assert!(decision["resolutionText"]
        .as_str()
        .unwrap()
        .starts_with("Für die zukünftige strategische Ausrichtung des Landkreises Helmstedt"));
    // No meeting says a time of day it does not know.
    for m in doc["meeting"].as_array().unwrap() {
        assert!(m.get("start").is_none(), "{m}");
    }
    let kreistag = doc["meeting"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "https://ris.example.de/oparl/meeting/kreistag/2018-09-12.json")
        .unwrap();
    assert_eq!(kreistag["name"], "Kreistag, Sitzung am 12.09.2018");

    // Votes of the generated concept are in the result text.
    let (_, generated) = concepts().pop().unwrap();
    let mut out = Vec::new();
    OparlExporter
        .export(
            &generated,
            &mut out,
            &options("https://ris.example.de/oparl"),
        )
        .unwrap();
    let doc: Value = serde_json::from_slice(&out).unwrap();
    let results: Vec<&str> = doc["agendaItem"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["result"].as_str())
        .collect();
    assert!(
        results.contains(&"mehrheitlich beschlossen (Ja 38, Nein 5, Enthaltungen 3, Befangen 0)"),
        "{results:?}"
    );
}

#[test]
fn fuzzy_dates_are_never_made_a_day() {
    let concept = Concept::new(
        "kek",
        "KEK",
        ConceptKind::Kek,
        Territory::landkreis("Beispiel").with_key("03254"),
    )
    .with_actor(Actor::new("kreistag", ActorKind::Council, "Kreistag"))
    .with_document(
        Document::new("atlas", DocumentKind::StructuralAtlas, "Strukturatlas")
            .with_date(Period::month(2017, 11)),
    )
    .with_document(
        Document::new("bericht", DocumentKind::FinalReport, "Endbericht")
            .with_date(Period::day(Date::from_ymd(2021, 3, 1).unwrap())),
    );
    let mut out = Vec::new();
    OparlExporter
        .export(&concept, &mut out, &options("https://x.de/oparl"))
        .unwrap();
    let doc: Value = serde_json::from_slice(&out).unwrap();
    let files = doc["file"].as_array().unwrap();
    assert!(files[0].get("date").is_none(), "{}", files[0]);
    assert_eq!(files[0]["keyword"][0], "Datum: November 2017");
    assert_eq!(files[1]["date"], "2021-03-01");
    assert_eq!(doc["body"][0]["ags"], "03254000");
    assert_eq!(doc["body"][0]["rgs"], "032540000000");
}

#[test]
fn the_specifications_paper_is_read() {
    let paper = read("examples/Paper-01.json");
    let imported = from_values(std::slice::from_ref(&paper)).unwrap();
    let r = &imported.resolutions[0];
    assert_eq!(r.id, "749");
    assert_eq!(r.title.as_str(), "Antwort auf Anfrage 1200/2014");
    assert_eq!(r.paper.as_ref().unwrap().reference, "1234/2014");
    assert_eq!(r.kind, ResolutionKind::Resolution);
    assert_eq!(r.documents, [Id::new("57737"), Id::new("57739")]);
    assert_eq!(r.consultations.len(), 1);
    assert_eq!(r.consultations[0].body, "96");
    assert_eq!(r.consultations[0].role, ConsultationRole::Decide);
    assert_eq!(r.consultations[0].date, None);
    // What did not map exactly is said.
    assert!(
        imported.warnings[0].contains("\"Beantwortung einer Anfrage\""),
        "{:?}",
        imported.warnings
    );
    assert!(
        imported.warnings[1].contains("agendaitem/15569 is not in the input"),
        "{:?}",
        imported.warnings
    );

    // With every other example object of the specification beside it, the
    // same resolution (the older Consultation form included).
    let all = [
        paper,
        read("examples/Meeting-01.json"),
        read("examples/Organization-01.json"),
        read("examples/Consultation-01.json"),
    ];
    assert_eq!(from_values(&all).unwrap().resolutions, imported.resolutions);
    // The meeting alone holds no paper.
    assert!(matches!(
        from_values(&[read("examples/Meeting-01.json")]),
        Err(ImportError::NoPaper)
    ));
}

#[test]
fn the_specifications_meeting_gives_date_number_and_result() {
    // A paper whose consultation is the one the specification's meeting
    // names in its agenda item 10.1.
    let paper: Value = serde_json::from_str(
        r#"{
          "id": "https://oparl.example.org/paper/1034",
          "type": "https://schema.oparl.org/1.1/Paper",
          "name": "Satzungsänderung für Ausschreibungen",
          "paperType": "Beschlussvorlage",
          "consultation": [{
            "id": "https://oparl.example.org/consultation/1034",
            "type": "https://schema.oparl.org/1.1/Consultation",
            "organization": ["https://oparl.example.org/organization/34"],
            "authoritative": true, "role": "Entscheidung"
          }]
        }"#,
    )
    .unwrap();
    let imported = from_values(&[paper, read("examples/Meeting-01.json")]).unwrap();
    let c = &imported.resolutions[0].consultations[0];
    assert_eq!(c.body, "34");
    assert_eq!(c.agenda_item.as_deref(), Some("10.1"));
    assert_eq!(c.date, Some(Date::from_ymd(2013, 1, 4).unwrap()));
    assert_eq!(c.outcome, Some(Outcome::Adopted));
    assert_eq!(
        c.note.as_ref().map(Text::as_str),
        Some("Der Beschluss weicht wie folgt vom Antrag ab: ...")
    );
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.contains("\"Geändert beschlossen\"")),
        "{:?}",
        imported.warnings
    );
}

#[test]
fn what_does_not_map_is_an_error_naming_the_object() {
    let cases = [
        (
            r#"{"id": "https://x.de/paper/1", "type": "https://schema.oparl.org/1.1/Paper"}"#,
            "paper https://x.de/paper/1: has no name",
        ),
        (
            r#"{"id": "https://x.de/paper/1", "type": "https://schema.oparl.org/1.1/Paper", "name": "A",
                "consultation": [{"id": "https://x.de/c/1", "type": "https://schema.oparl.org/1.1/Consultation"}]}"#,
            "consultation https://x.de/c/1: has no organization",
        ),
        (
            r#"{"id": "https://x.de/paper/a%20b", "type": "https://schema.oparl.org/1.1/Paper", "name": "A"}"#,
            "does not end in an identifier",
        ),
        (
            r#"{"id": "https://x.de/paper/1", "type": "https://schema.oparl.org/1.1/Paper", "name": "A",
                "consultation": ["https://x.de/c/9"]}"#,
            "consultation https://x.de/c/9 is not in the input",
        ),
        (
            r#"[{"id": "https://x.de/paper/1", "type": "https://schema.oparl.org/1.1/Paper", "name": "A",
                 "consultation": [{"id": "https://x.de/c/1", "type": "https://schema.oparl.org/1.1/Consultation",
                   "organization": ["https://x.de/o/kt"], "role": "Entscheidung", "agendaItem": "https://x.de/a/1"}]},
                {"id": "https://x.de/a/1", "type": "https://schema.oparl.org/1.1/AgendaItem",
                 "keyword": ["kreisentwicklung:votes=12/3"]}]"#,
            "agenda item https://x.de/a/1: votes \"12/3\" are not yes/no/abstain/biased",
        ),
        (
            r#"[{"id": "https://x.de/paper/1", "type": "https://schema.oparl.org/1.1/Paper", "name": "A",
                 "consultation": [{"id": "https://x.de/c/1", "type": "https://schema.oparl.org/1.1/Consultation",
                   "organization": ["https://x.de/o/kt"], "role": "Entscheidung", "agendaItem": "https://x.de/a/1"}]},
                {"id": "https://x.de/a/1", "type": "https://schema.oparl.org/1.1/AgendaItem",
                 "keyword": ["kreisentwicklung:date=2019-02-30"]}]"#,
            "agenda item https://x.de/a/1: date: invalid date \"2019-02-30\"",
        ),
        ("{", "not a JSON document"),
        (r#"{"data": []}"#, "the input holds no OParl Paper"),
    ];
    for (json, expected) in cases {
        let e = from_str(json).unwrap_err().to_string();
        assert!(e.contains(expected), "{e:?} does not contain {expected:?}");
    }
}

#[test]
fn the_base_url_is_required_and_checked() {
    let (_, concept) = concepts().pop().unwrap();
    let mut out = Vec::new();
    let e = OparlExporter
        .export(
            &concept,
            &mut out,
            &kreisentwicklung_core::export::ExportOptions::default(),
        )
        .unwrap_err();
    assert!(
        matches!(&e, ExportError::Option { name, .. } if name == "base-url"),
        "{e}"
    );
    assert!(e.to_string().contains("required"));
    for bad in [
        "ris.example.de/oparl",
        "https://ris.example.de/oparl?x=1",
        "ftp://x.de",
    ] {
        let e = OparlExporter.check_options(&options(bad)).unwrap_err();
        assert!(e.to_string().contains("base-url"), "{e}");
    }
    let e = OparlExporter
        .check_options(&options("https://x.de").option("page-size", "0"))
        .unwrap_err();
    assert!(e.to_string().contains("page-size"), "{e}");
    assert!(OparlExporter
        .check_options(&options("https://x.de/"))
        .is_ok());
    assert!(out.is_empty());
}

#[test]
fn output_is_the_same_every_time() {
    for (name, concept) in concepts() {
        let opts = options("https://ratsinfo.example.de/oparl");
        let (mut a, mut b) = (Vec::new(), Vec::new());
        OparlExporter.export(&concept, &mut a, &opts).unwrap();
        OparlExporter.export(&concept, &mut b, &opts).unwrap();
        assert_eq!(a, b, "{name}");
    }
}
