//! The five seed concepts in `examples/data/`: they parse, validate, follow
//! the JSON Schema, serialize back unchanged, and say what the seed texts say.

use std::collections::BTreeSet;
use std::path::PathBuf;

use kreisentwicklung::*;
use proptest::prelude::*;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn data_path(name: &str) -> PathBuf {
    root().join("examples/data").join(format!("{name}.json"))
}

fn read_text(name: &str) -> String {
    let path = data_path(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

fn read_value(name: &str) -> Value {
    serde_json::from_str(&read_text(name))
        .unwrap_or_else(|e| panic!("{name}.json is not JSON: {e}"))
}

fn schema() -> Value {
    let path = root().join("schemas/kreisentwicklung.schema.json");
    let text = std::fs::read_to_string(&path).expect("read the JSON Schema");
    serde_json::from_str(&text).expect("the JSON Schema is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&schema()).expect("the JSON Schema compiles")
}

/// Parses a seed file, panicking with serde's message (and line) if it fails.
fn document(name: &str) -> ConceptDocument {
    serde_json::from_str(&read_text(name))
        .unwrap_or_else(|e| panic!("{name}.json is not a concept document: {e}"))
}

/// Loads a seed and insists that it validates, printing every problem.
fn concept(name: &str) -> Concept {
    let concept = document(name).concept;
    if let Err(errors) = concept.validate() {
        panic!("{name}.json does not validate: {errors}");
    }
    concept
}

fn ymd(y: i32, m: u8, d: u8) -> Date {
    Date::from_ymd(y, m, d).expect("a real date")
}

fn schema_errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

// ---------------------------------------------------------------------------
// Every file
// ---------------------------------------------------------------------------

#[test]
fn the_data_directory_holds_exactly_the_five_seeds() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(root().join("examples/data"))
        .expect("examples/data exists")
        .map(|e| {
            e.expect("directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.ends_with(".json"))
        .collect();
    let expected: BTreeSet<String> = examples::NAMES
        .iter()
        .map(|n| format!("{n}.json"))
        .collect();
    assert_eq!(on_disk, expected);
    assert_eq!(
        examples::NAMES,
        [
            "hildesheim",
            "helmstedt",
            "bernkastel-wittlich",
            "ludwigslust-parchim",
            "nordsachsen"
        ]
    );
}

#[test]
fn every_seed_parses_and_validates() {
    let mut failures = Vec::new();
    for name in examples::NAMES {
        let doc = document(name);
        assert_eq!(doc.schema.as_deref(), Some(JSON_SCHEMA_ID), "{name}");
        assert_eq!(doc.schema_version, SCHEMA_VERSION, "{name}");
        if let Err(errors) = doc.concept.validate() {
            failures.push(format!("{name}.json: {errors}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_schema_is_valid_against_its_meta_schema() {
    let schema = schema();
    if let Err(e) = jsonschema::meta::validate(&schema) {
        panic!(
            "the JSON Schema breaks its meta-schema at {}: {e}",
            e.instance_path()
        );
    }
}

#[test]
fn every_seed_follows_the_json_schema() {
    let validator = validator();
    let mut failures = Vec::new();
    for name in examples::NAMES {
        for e in schema_errors(&validator, &read_value(name)) {
            failures.push(format!("{name}.json {e}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_seed_serializes_back_to_the_same_json() {
    // Equal values mean the files hold no nulls, no empty lists, no false
    // flags and no fields the model does not know.
    for name in examples::NAMES {
        let value = read_value(name);
        let again = serde_json::to_value(document(name)).expect("serialize");
        assert!(
            again == value,
            "{name}.json differs from its own round trip:\n{}",
            serde_json::to_string_pretty(&again).unwrap()
        );
    }
}

#[test]
fn the_embedded_examples_are_the_files() {
    for name in examples::NAMES {
        assert_eq!(
            examples::json(name),
            Some(read_text(name).as_str()),
            "{name}"
        );
        let loaded = examples::load(name).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(loaded, concept(name), "{name}");
    }
    assert_eq!(examples::all().count(), 5);
    assert!(examples::json("Hildesheim").is_none());
    let err = examples::load("atlantis").unwrap_err();
    assert!(matches!(err, examples::ExampleError::UnknownName { .. }));
    assert_eq!(
        err.to_string(),
        "unknown example \"atlantis\": known examples are hildesheim, helmstedt, \
         bernkastel-wittlich, ludwigslust-parchim, nordsachsen"
    );
}

#[test]
fn every_seed_names_its_county_by_official_key_and_state() {
    let expected = [
        ("hildesheim", "Hildesheim", "03254", State::Niedersachsen),
        ("helmstedt", "Helmstedt", "03154", State::Niedersachsen),
        (
            "bernkastel-wittlich",
            "Bernkastel-Wittlich",
            "07231",
            State::RheinlandPfalz,
        ),
        (
            "ludwigslust-parchim",
            "Ludwigslust-Parchim",
            "13076",
            State::MecklenburgVorpommern,
        ),
        ("nordsachsen", "Nordsachsen", "14730", State::Sachsen),
    ];
    for (file, county, key, state) in expected {
        let c = concept(file);
        assert_eq!(c.territory.name.as_str(), county);
        assert_eq!(c.territory.kind, TerritoryKind::Landkreis);
        assert_eq!(c.territory.key.as_deref(), Some(key));
        assert_eq!(c.territory.state, Some(state));
        assert_eq!(c.territory.display_name(), format!("Landkreis {county}"));
    }
}

#[test]
fn press_links_point_at_press_articles_and_measures_are_not_invented() {
    for (name, c) in examples::all() {
        for e in &c.events {
            for p in &e.press {
                let d = c.document(p.as_str()).expect("validated reference");
                assert_eq!(d.kind, DocumentKind::PressArticle, "{name}: {}", e.id);
            }
            for d in &e.documents {
                let d = c.document(d.as_str()).expect("validated reference");
                assert_ne!(d.kind, DocumentKind::PressArticle, "{name}: {}", e.id);
            }
        }
        // No seed lists a single measure, indicator or URL.
        assert!(c.measures.is_empty(), "{name}");
        assert!(c.indicators.is_empty(), "{name}");
        assert!(c.documents.iter().all(|d| d.url.is_none()), "{name}");
        assert!(c.actors.iter().all(|a| a.url.is_none()), "{name}");
    }
}

#[test]
fn every_period_prints_and_parses_back() {
    let mut periods: Vec<(String, Period)> = Vec::new();
    for (name, c) in examples::all() {
        for e in &c.events {
            periods.extend(e.period.clone().map(|p| (format!("{name} {}", e.id), p)));
        }
        for d in &c.documents {
            periods.extend(d.date.clone().map(|p| (format!("{name} {}", d.id), p)));
        }
        for r in &c.resolutions {
            for m in &r.mandates {
                periods.extend(m.due.clone().map(|p| (format!("{name} {}", r.id), p)));
            }
        }
        for f in &c.process_funding {
            periods.extend(f.period.clone().map(|p| (name.to_owned(), p)));
        }
    }
    assert!(periods.len() > 30);
    for (at, p) in periods {
        let text = p.to_string();
        let back: Period = text
            .parse()
            .unwrap_or_else(|e| panic!("{at}: {text:?} does not parse: {e}"));
        assert_eq!(back, p, "{at}");
    }
}

// ---------------------------------------------------------------------------
// Seed 000: Hildesheim
// ---------------------------------------------------------------------------

#[test]
fn hildesheim_has_six_fields_three_themes_and_six_participation_formats() {
    let c = concept("hildesheim");
    assert_eq!(c.kind, ConceptKind::Rek);
    assert_eq!(c.fields.len(), 6);
    assert_eq!(
        c.fields.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(),
        [
            "Wirtschaft, Arbeitsmarkt und Beschäftigung",
            "Tourismus, Freizeit und Kultur",
            "Mobilität",
            "Bildung, Soziales, Gesundheit und Versorgung",
            "Bauen und Wohnen",
            "Klima, Umwelt und Natur",
        ]
    );
    assert_eq!(
        c.cross_cutting_themes
            .iter()
            .map(|t| t.name.as_str())
            .collect::<Vec<_>>(),
        [
            "Digitalisierung",
            "Daseinsvorsorge",
            "Kommunikation und Zusammenarbeit"
        ]
    );

    assert_eq!(c.events.len(), 6);
    let table: Vec<(EventKind, &str, String, bool)> = c
        .events
        .iter()
        .map(|e| {
            (
                e.kind,
                e.kind_label.as_ref().expect("label as written").as_str(),
                e.period.as_ref().expect("Wann?").to_string(),
                e.as_needed,
            )
        })
        .collect();
    assert_eq!(
        table,
        [
            (
                EventKind::ExpertInterview,
                "Experteninterviews",
                "Ende 2018 / Anfang 2019".to_owned(),
                true
            ),
            (
                EventKind::KickOff,
                "Öffentlicher Auftakt",
                "12.02.2019".to_owned(),
                false
            ),
            (
                EventKind::ExpertWorkshop,
                "Fach-Workshops",
                "2. und 3. Quartal 2019".to_owned(),
                false
            ),
            (
                EventKind::FutureConference,
                "Zukunftskonferenz",
                "2. Halbjahr 2019".to_owned(),
                false
            ),
            (
                EventKind::ExpertConference,
                "Fachkonferenz",
                "2. Halbjahr 2019".to_owned(),
                false
            ),
            (
                EventKind::FinalEvent,
                "Abschlussveranstaltung",
                "Anfang 2020".to_owned(),
                false
            ),
        ]
    );
    // The table is in chronological order.
    let periods: Vec<&Period> = c.events.iter().filter_map(|e| e.period.as_ref()).collect();
    assert!(periods.windows(2).all(|w| w[0] <= w[1]));

    let auftakt = c.event("auftakt").expect("kick-off");
    assert_eq!(auftakt.period, Some(Period::day(ymd(2019, 2, 12))));
    assert_eq!(auftakt.audience, [Audience::Public]);
    assert_eq!(
        auftakt.audience_description.as_ref().map(Text::as_str),
        Some("Alle Interessierten")
    );
    assert_eq!(
        auftakt.purpose.as_ref().map(Text::as_str),
        Some("Informationen zum REK und erste Analyseergebnisse")
    );
    let zk = c.event("zukunftskonferenz").expect("Zukunftskonferenz");
    assert_eq!(zk.period, Some(Period::half_year(2019, 2)));
    assert_eq!(zk.audience, [Audience::Citizens]);
    assert!(c.events.iter().all(|e| e.purpose.is_some()));
    assert!(c.events.iter().any(Event::is_public));
}

#[test]
fn hildesheim_has_a_steering_group_with_a_consultancy() {
    let c = concept("hildesheim");
    let lg = c.actor("lenkungsgruppe").expect("Lenkungsgruppe");
    assert_eq!(lg.kind, ActorKind::SteeringGroup);
    assert_eq!(lg.name.as_str(), "Lenkungsgruppe zum REK");
    let members: Vec<&str> = lg.members.iter().map(|m| m.actor.as_str()).collect();
    assert_eq!(
        members,
        ["landkreis", "staedte-gemeinden", "kreispolitik", "koris"]
    );
    let koris = c.actor("koris").expect("KoRiS");
    assert_eq!(koris.kind, ActorKind::Consultancy);
    assert_eq!(koris.name.as_str(), "Büro KoRiS");
    assert_eq!(lg.members[3].role, Some(MemberRole::Advisor));
    // The seed names no goals, measures, resolutions or documents.
    assert!(c.goals.is_empty() && c.resolutions.is_empty() && c.documents.is_empty());
}

// ---------------------------------------------------------------------------
// Seed 001: Helmstedt
// ---------------------------------------------------------------------------

#[test]
fn helmstedt_has_its_leitbild_three_oberziele_and_thirteen_unterziele() {
    let c = concept("helmstedt");
    assert_eq!(
        c.vision.as_ref().map(|v| v.text.as_str()),
        Some("Landkreis Helmstedt – Willkommenskultur gelebt.")
    );
    assert_eq!(c.horizon, Some(Horizon::Year { year: 2026 }));
    assert_eq!(
        c.goal_levels.iter().map(Text::as_str).collect::<Vec<_>>(),
        ["Oberziel", "Unterziel"]
    );

    let top: Vec<&Goal> = c.top_goals().collect();
    assert_eq!(top.len(), 3);
    assert_eq!(
        top.iter()
            .map(|g| g.number.as_deref().unwrap())
            .collect::<Vec<_>>(),
        ["1", "2", "3"]
    );
    let subs: Vec<&Goal> = c.goals.iter().filter(|g| g.level == 2).collect();
    assert_eq!(subs.len(), 13);
    assert_eq!(c.goals.len(), 16);
    for (parent, count) in [("oz1", 4), ("oz2", 5), ("oz3", 4)] {
        assert_eq!(c.sub_goals(parent).count(), count, "{parent}");
    }
    // Every Unterziel "n.m" hangs under Oberziel "n".
    for g in &subs {
        let number = g.number.as_deref().expect("numbered");
        let parent = c.goal(g.parent.as_ref().expect("parent").as_str()).unwrap();
        let (major, _) = number.split_once('.').expect("n.m");
        assert_eq!(parent.number.as_deref(), Some(major), "{}", g.id);
        assert!(g.short_title.is_some(), "{}: bold words", g.id);
        assert!(
            g.title
                .as_str()
                .contains(g.short_title.as_ref().unwrap().as_str()),
            "{}: the short title is part of the statement",
            g.id
        );
    }
    let uz11 = c.goal("uz1-1").expect("1.1");
    assert_eq!(uz11.number.as_deref(), Some("1.1"));
    assert_eq!(
        uz11.short_title.as_ref().map(Text::as_str),
        Some("attraktiven Wohnraum")
    );
    assert_eq!(uz11.focus_areas.len(), 6);
    assert_eq!(uz11.focus_areas[0].as_str(), "Generationsgerechtes Wohnen");
    assert_eq!(c.goal("uz1-2").unwrap().focus_areas.len(), 8);
    assert_eq!(c.goal("uz1-3").unwrap().focus_areas.len(), 3);
    assert_eq!(c.goal("uz1-4").unwrap().focus_areas.len(), 4);
    assert!(c
        .goals
        .iter()
        .filter(|g| g.number.as_deref().is_some_and(|n| !n.starts_with("1.")))
        .all(|g| g.focus_areas.is_empty()));
}

#[test]
fn helmstedt_history_has_the_paper_and_the_kreistag_resolution() {
    let c = concept("helmstedt");

    let skizze = c
        .resolutions
        .iter()
        .find(|r| r.paper.as_ref().is_some_and(|p| p.reference == "69/2017"))
        .expect("Drs. Nr. 69/2017");
    assert_eq!(skizze.paper.as_ref().unwrap().display(), "Drs. Nr. 69/2017");
    assert_eq!(skizze.decided_on(), Some(ymd(2017, 4, 27)));
    assert_eq!(skizze.final_outcome(), Some(Outcome::Approved));
    let doc = c.document(skizze.adopts[0].items[0].as_str()).unwrap();
    assert_eq!(doc.kind, DocumentKind::ProjectOutline);

    let beschluss = c
        .resolutions
        .iter()
        .find(|r| r.decided_on() == Some(ymd(2018, 9, 12)))
        .expect("Beschluss des Kreistages vom 12.09.2018");
    let steps: Vec<(&str, ConsultationRole, Option<Date>, Option<Outcome>)> = beschluss
        .consultations
        .iter()
        .map(|k| (k.body.as_str(), k.role, k.date, k.outcome))
        .collect();
    assert_eq!(
        steps,
        [
            (
                "ausschuss-wirtschaft-strategie",
                ConsultationRole::Recommend,
                Some(ymd(2018, 6, 21)),
                Some(Outcome::Recommended)
            ),
            (
                "kreisausschuss",
                ConsultationRole::Prepare,
                Some(ymd(2018, 8, 31)),
                None
            ),
            (
                "kreistag",
                ConsultationRole::Decide,
                Some(ymd(2018, 9, 12)),
                Some(Outcome::Adopted)
            ),
        ]
    );
    assert_eq!(c.actor("kreistag").unwrap().kind, ActorKind::Council);
    assert_eq!(
        c.actor("kreisausschuss").unwrap().kind,
        ActorKind::MainCommittee
    );
    let subjects: Vec<AdoptionSubject> = beschluss.adopts.iter().map(|a| a.subject).collect();
    assert_eq!(subjects, [AdoptionSubject::Vision, AdoptionSubject::Goals]);
    let mandate = &beschluss.mandates[0];
    assert_eq!(
        c.actor(mandate.actor.as_str())
            .unwrap()
            .function
            .as_ref()
            .map(Text::as_str),
        Some("Landrat")
    );
    assert_eq!(
        mandate.due.as_ref().map(ToString::to_string).as_deref(),
        Some("bis Ende 2018")
    );
    let text = beschluss.text.as_ref().expect("resolution text").as_str();
    assert!(text.contains("Zeithorizont bis 2026"));
    assert!(text.contains("Leitbild: Landkreis Helmstedt – Willkommenskultur gelebt."));
    assert!(text.contains("Aufstellung des Haushaltes 2019"));

    // The concept itself was never adopted: the 2018 resolution adopts the
    // Leitbild and the goals, and the 2023 agenda item has no known outcome.
    assert_eq!(c.adopted_on(), None);
    assert_eq!(c.status, ConceptStatus::InPreparation);
    let top10 = c
        .resolutions
        .iter()
        .find(|r| {
            r.consultations
                .iter()
                .any(|k| k.agenda_item.as_deref() == Some("TOP 10"))
        })
        .expect("TOP 10 of 31.01.2023");
    assert_eq!(top10.consultations[0].date, Some(ymd(2023, 1, 31)));
    assert_eq!(top10.final_outcome(), Some(Outcome::Submitted));
}

#[test]
fn helmstedt_chronology_and_problems() {
    let c = concept("helmstedt");
    let by_id = |id: &str| c.event(id).unwrap_or_else(|| panic!("event {id}"));
    assert_eq!(
        by_id("kg-vorschlag-2017")
            .period
            .as_ref()
            .unwrap()
            .to_string(),
        "Mai bis August 2017"
    );
    // "im Rahmen eines Workshops und zweier Besprechungen": the workshop
    // and one record of the two talks (format 1.1 counts occurrences).
    assert_eq!(c.events.iter().filter(|e| e.parent.is_some()).count(), 2);
    assert_eq!(by_id("kg-besprechungen-2017").occurrences, Some(2));
    // "Die beschlossenen Ober- und Unterziele sollen bereits bei der
    // Aufstellung des Haushaltes 2019 Berücksichtigung finden."
    let leitbild = c
        .resolutions
        .iter()
        .find(|r| !r.budget.is_empty())
        .expect("the resolution linked to the budget 2019");
    assert_eq!(leitbild.budget[0].year, 2019);
    let email = by_id("email-verfahren-2017-11");
    assert_eq!(email.kind, EventKind::WrittenConsultation);
    assert_eq!(email.period.as_ref().unwrap().to_string(), "November 2017");
    assert_eq!(
        by_id("ag-2018").period.as_ref().unwrap().to_string(),
        "24.04./18.05.2018"
    );
    let hvb = by_id("hvb-konferenz-2018-06-04");
    assert_eq!(
        c.actor(hvb.participants[0].actor.as_str())
            .unwrap()
            .name
            .as_str(),
        "Konferenz der Hauptverwaltungsbeamten im Landkreis Helmstedt"
    );
    let ag = c.actor("ag-fraktionsvorsitzende").unwrap();
    assert_eq!(ag.kind, ActorKind::WorkingGroup);
    assert_eq!(ag.members[0].role, Some(MemberRole::Moderator));

    // Events and resolutions together give a dated history from 27.04.2017.
    let mut history: Vec<Date> = c
        .events
        .iter()
        .filter_map(|e| e.period.as_ref().and_then(Period::latest))
        .chain(
            c.resolutions
                .iter()
                .flat_map(|r| r.consultations.iter().filter_map(|k| k.date)),
        )
        .collect();
    history.sort();
    assert_eq!(history.first(), Some(&ymd(2017, 4, 27)));
    assert_eq!(history.last(), Some(&ymd(2023, 1, 31)));

    assert_eq!(c.challenges.len(), 4);
    assert_eq!(c.challenges[0].details.len(), 3);
    assert_eq!(c.challenges[0].details[0].as_str(), "Zu wenige Maßnahmen");
    assert_eq!(
        c.challenges[1].text.as_str(),
        "Fehlende Priorisierung der Ziele"
    );
    // Too few measures, indeed: none.
    assert!(c.measures.is_empty());
}

// ---------------------------------------------------------------------------
// Seed 002: Bernkastel-Wittlich
// ---------------------------------------------------------------------------

#[test]
fn bernkastel_wittlich_edition_predecessor_and_revision_cycle() {
    let c = concept("bernkastel-wittlich");
    assert_eq!(c.revision_cycle_years, Some(5));
    assert_eq!(c.status, ConceptStatus::InImplementation);
    let edition = c.edition.as_ref().expect("edition");
    assert_eq!(edition.number, Some(2));
    assert_eq!(edition.label.as_ref().map(Text::as_str), Some("Neuauflage"));
    let pre = c.predecessor.as_ref().expect("predecessor");
    assert_eq!(pre.year, Some(2004));
    assert_eq!(pre.field_count, Some(9));
    assert!(pre.goals_remain_valid);
    assert!(pre
        .note
        .as_ref()
        .unwrap()
        .as_str()
        .contains("nicht weiterverfolgt"));
    assert_eq!(
        c.kind_label.as_ref().map(Text::as_str),
        Some("integriertes Kreisentwicklungskonzept")
    );
    assert_eq!(
        c.fields.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(),
        [
            "Klimaschutz",
            "Arbeits- und Fachkräftesicherung",
            "Digitalisierung",
            "familienfreundlicher Landkreis"
        ]
    );
}

#[test]
fn bernkastel_wittlich_documents_and_funding() {
    let c = concept("bernkastel-wittlich");
    let funding = &c.process_funding[0];
    assert_eq!(funding.period.as_ref().unwrap().to_string(), "2018–2021");
    let funder = c.actor(funding.funder.as_ref().unwrap().as_str()).unwrap();
    assert_eq!(funder.kind, ActorKind::Authority);
    assert_eq!(funder.name.as_str(), "Ministerium des Innern und für Sport");

    let kinds: Vec<DocumentKind> = c.documents.iter().map(|d| d.kind).collect();
    assert_eq!(
        kinds,
        [
            DocumentKind::Website,
            DocumentKind::StructuralAtlas,
            DocumentKind::StructuralAtlas,
            DocumentKind::ActionPlan,
            DocumentKind::Guide
        ]
    );
    let pdfs: Vec<&str> = c
        .documents
        .iter()
        .filter(|d| d.media_type.as_deref() == Some("application/pdf"))
        .map(|d| d.title.as_str())
        .collect();
    assert_eq!(
        pdfs,
        [
            "Kreisentwicklungskonzept - Strukturatlas 2020",
            "Kreisentwicklungskonzept - Handlungskonzept 2030"
        ]
    );
    let atlas = c.document("strukturatlas-2020-pdf").unwrap();
    assert_eq!(atlas.date, Some(Period::year(2020)));
    let plan = c.document("handlungskonzept-2030-pdf").unwrap();
    assert_eq!(plan.date, Some(Period::year(2023)));
    let guide = c.document("handreichung-dlt").unwrap();
    assert_eq!(
        guide.publisher.as_ref().map(Text::as_str),
        Some("Deutscher Landkreistag")
    );
}

// ---------------------------------------------------------------------------
// Seed 003: Ludwigslust-Parchim
// ---------------------------------------------------------------------------

#[test]
fn ludwigslust_parchim_events_are_chronological_from_the_strategy_conference() {
    let c = concept("ludwigslust-parchim");
    let periods: Vec<&Period> = c
        .events
        .iter()
        .map(|e| {
            e.period
                .as_ref()
                .unwrap_or_else(|| panic!("{} has a date", e.id))
        })
        .collect();
    for w in c.events.windows(2) {
        assert!(
            w[0].period <= w[1].period,
            "{} ({}) is listed before {} ({})",
            w[0].id,
            w[0].period.as_ref().unwrap(),
            w[1].id,
            w[1].period.as_ref().unwrap()
        );
    }
    assert_eq!(*periods[0], Period::day(ymd(2015, 11, 19)));
    let first = &c.events[0];
    assert_eq!(first.kind, EventKind::StrategyConference);
    let vorstand: Vec<(&str, &str)> = first
        .participants
        .iter()
        .map(|p| {
            let a = c.actor(p.actor.as_str()).unwrap();
            (a.name.as_str(), a.function.as_ref().unwrap().as_str())
        })
        .collect();
    assert_eq!(
        vorstand,
        [
            ("Rolf Christiansen", "Landrat"),
            (
                "Wolfgang Schmülling",
                "Beigeordneter und 1. Stellvertreter des Landrates"
            ),
            (
                "Günter Matschoß",
                "Beigeordneter und 2. Stellvertreter des Landrates"
            ),
            ("Andreas Neumann", "Beigeordneter"),
        ]
    );
    let press: Vec<(&str, Option<&str>, Option<&str>)> = first
        .press
        .iter()
        .map(|id| {
            let d = c.document(id.as_str()).unwrap();
            (
                d.publisher.as_ref().unwrap().as_str(),
                d.issue.as_deref(),
                d.pages.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        press,
        [
            ("Landkreisbote", Some("12/2015"), Some("3")),
            (
                "Schweriner Volkszeitung",
                Some("Ausgabe Parchimer Zeitung"),
                None
            ),
        ]
    );
    let svz = c.document(first.press[1].as_str()).unwrap();
    assert_eq!(svz.date, Some(Period::day(ymd(2015, 12, 16))));

    let vmk = c.event("workshop-ausschuss-vmk-2016").unwrap();
    assert_eq!(vmk.period, Some(Period::day(ymd(2016, 1, 25))));
    let bote = c.document(vmk.press[0].as_str()).unwrap();
    assert_eq!(
        (bote.issue.as_deref(), bote.pages.as_deref()),
        (Some("02/2016"), Some("2"))
    );

    let talks = c.event("gespraeche-fachdienste-2016").unwrap();
    assert_eq!(talks.kind, EventKind::DepartmentTalks);
    assert_eq!(
        talks.period.as_ref().unwrap().to_string(),
        "07. und 10.03.2016"
    );
}

#[test]
fn ludwigslust_parchim_fachforen() {
    let c = concept("ludwigslust-parchim");
    let ff1 = c.event("fachforum-1").expect("1. Fachforum");
    assert_eq!(ff1.kind, EventKind::ExpertForum);
    assert_eq!(ff1.period, Some(Period::day(ymd(2016, 3, 22))));
    assert_eq!(ff1.location.as_ref().map(Text::as_str), Some("Ludwigslust"));
    assert!(ff1
        .outcome
        .as_ref()
        .unwrap()
        .as_str()
        .contains("Runden Tisch auf Kreisebene"));
    let stadtwerke = c.actor("stadtwerke").unwrap();
    assert_eq!(stadtwerke.count, Some(6));
    assert!(ff1.participants.iter().any(|p| p.actor == "stadtwerke"));
    assert_eq!(
        c.document(ff1.documents[0].as_str()).unwrap().kind,
        DocumentKind::Minutes
    );

    let ff2 = c.event("fachforum-2").expect("2. Fachforum");
    assert_eq!(ff2.period, Some(Period::day(ymd(2016, 5, 30))));
    assert_eq!(ff2.location.as_ref().map(Text::as_str), Some("Parchim"));
    assert_eq!(
        ff2.title.as_ref().map(Text::as_str),
        Some("Wirtschaftsstandort Ludwigslust-Parchim – Regionale Stärken und Entwicklungsperspektiven 2030")
    );
    let count = ff2.participant_count.as_ref().expect("rund fünfzig");
    assert_eq!(count.value, 50);
    assert!(count.approximate);
    assert_eq!(count.text.as_ref().map(Text::as_str), Some("rund fünfzig"));
    let docs: Vec<(DocumentKind, Vec<&str>)> = ff2
        .documents
        .iter()
        .map(|id| {
            let d = c.document(id.as_str()).unwrap();
            let authors = d
                .authors
                .iter()
                .map(|a| c.actor(a.as_str()).unwrap().name.as_str())
                .collect();
            (d.kind, authors)
        })
        .collect();
    assert_eq!(
        docs,
        [
            (DocumentKind::Minutes, vec![]),
            (DocumentKind::Presentation, vec!["Dr. Silvia Stiller"]),
            (DocumentKind::Presentation, vec!["Berit Steinberg"]),
        ]
    );
    assert!(
        ff2.participants
            .iter()
            .filter(|p| p.role == Some(ParticipantRole::Speaker))
            .count()
            == 2
    );
}

#[test]
fn ludwigslust_parchim_committee_workshops_are_nested_in_their_series() {
    let c = concept("ludwigslust-parchim");
    let series = c.event("ausschuss-workshops-2016").expect("series");
    assert_eq!(
        series.kind_label.as_ref().map(Text::as_str),
        Some("Workshops in den Ausschüssen des Kreistages")
    );
    let span = series.period.as_ref().unwrap();
    assert_eq!(span.to_string(), "April/Mai/Juni 2016");
    let children: Vec<&Event> = c
        .events
        .iter()
        .filter(|e| {
            e.parent
                .as_ref()
                .is_some_and(|p| p == "ausschuss-workshops-2016")
        })
        .collect();
    assert_eq!(children.len(), 6);
    let dates: Vec<String> = children
        .iter()
        .map(|e| e.period.as_ref().unwrap().to_string())
        .collect();
    assert_eq!(
        dates,
        [
            "18.04.2016",
            "19.04.2016",
            "20.04.2016",
            "28.04.2016",
            "04.05.2016",
            "15.06.2016"
        ]
    );
    for e in &children {
        let p = e.period.as_ref().unwrap();
        assert!(span.earliest() <= p.earliest() && p.latest() <= span.latest());
        assert_eq!(e.kind, EventKind::CommitteeWorkshop);
        let kinds: Vec<DocumentKind> = e
            .documents
            .iter()
            .map(|d| c.document(d.as_str()).unwrap().kind)
            .collect();
        assert_eq!(
            kinds,
            [DocumentKind::Presentation, DocumentKind::Transcript],
            "{}",
            e.id
        );
        let presentation = c.document(e.documents[0].as_str()).unwrap();
        assert_eq!(
            presentation.description.as_ref().map(Text::as_str),
            Some("Arbeitsversion")
        );
        for p in &e.participants {
            let body = c.actor(p.actor.as_str()).unwrap();
            assert!(body.kind.is_council_body(), "{}", body.name);
            assert_eq!(body.organization.as_ref().map(Id::as_str), Some("kreistag"));
        }
    }
    // The joint session of 19.04.2016 had two committees.
    assert_eq!(children[1].participants.len(), 2);
    assert_eq!(
        c.actor(children[4].participants[0].actor.as_str())
            .unwrap()
            .kind,
        ActorKind::MainCommittee
    );
}

// ---------------------------------------------------------------------------
// Seed 004: Nordsachsen
// ---------------------------------------------------------------------------

#[test]
fn nordsachsen_fields_each_have_a_leitbild_2030_and_no_goals_are_invented() {
    let c = concept("nordsachsen");
    assert_eq!(c.fields.len(), 4);
    let fields: Vec<(&str, &str, Option<i32>)> = c
        .fields
        .iter()
        .map(|f| {
            let v = f.vision.as_ref().expect("Leitbild 2030");
            assert!(v.text.as_str().starts_with("Nordsachsen "), "{}", f.id);
            (f.number.as_deref().unwrap(), f.name.as_str(), v.year)
        })
        .collect();
    assert_eq!(
        fields,
        [
            ("1", "Wirtschaft & Innovation", Some(2030)),
            ("2", "Bildung & Qualifikation", Some(2030)),
            ("3", "lebenswerter Landkreis", Some(2030)),
            ("4", "Infrastruktur & Mobilität", Some(2030)),
        ]
    );
    assert_eq!(c.horizon, Some(Horizon::Year { year: 2030 }));
    assert_eq!(
        c.goal_levels.iter().map(Text::as_str).collect::<Vec<_>>(),
        ["strategisches Ziel", "Teilziel"]
    );
    assert!(c.goals.is_empty(), "the seed names no goals");
    assert!(c.measures.is_empty(), "the seed names no projects");

    let swot = &c.swot[0];
    assert!(swot
        .topics
        .iter()
        .any(|t| t.as_str() == "Arbeitsmarkt & Qualifikation"));
    assert!(swot.strengths.is_empty() && swot.weaknesses.is_empty());
    assert!(swot.opportunities.is_empty() && swot.threats.is_empty());
    assert_eq!(
        c.document(swot.document.as_ref().unwrap().as_str())
            .unwrap()
            .kind,
        DocumentKind::Swot
    );
    let kinds: BTreeSet<DocumentKind> = c.documents.iter().map(|d| d.kind).collect();
    for k in [
        DocumentKind::Swot,
        DocumentKind::GoalSystem,
        DocumentKind::FinalReport,
        DocumentKind::ShortVersion,
        DocumentKind::ProjectCatalogue,
    ] {
        assert!(kinds.contains(&k), "{k:?}");
    }
}

#[test]
fn nordsachsen_adoption_and_submitted_catalogue() {
    let c = concept("nordsachsen");
    assert_eq!(c.adopted_on(), Some(ymd(2021, 3, 24)));
    assert_eq!(c.status, ConceptStatus::Adopted);

    let kreistag: Vec<&Resolution> = c
        .resolutions
        .iter()
        .filter(|r| r.consultations.iter().any(|k| k.body == "kreistag"))
        .collect();
    assert_eq!(kreistag.len(), 2);
    let catalogue = kreistag
        .iter()
        .find(|r| {
            r.adopts
                .iter()
                .any(|a| a.subject == AdoptionSubject::Catalogue)
        })
        .expect("project catalogue");
    let step = &catalogue.consultations[0];
    assert_eq!(step.date, Some(ymd(2021, 6, 30)));
    assert_eq!(step.role, ConsultationRole::Decide);
    assert_eq!(step.outcome, Some(Outcome::Submitted));
    assert!(!Outcome::Submitted.is_positive());

    // The steering group decided the four fields of action.
    let sg = c.actor("steuerungsgruppe").unwrap();
    assert_eq!(sg.kind, ActorKind::SteeringGroup);
    assert!(c.resolutions.iter().any(|r| {
        r.consultations.iter().any(|k| k.body == "steuerungsgruppe")
            && r.adopts
                .iter()
                .any(|a| a.subject == AdoptionSubject::FieldsOfAction)
    }));
}

#[test]
fn nordsachsen_participation() {
    let c = concept("nordsachsen");
    let kinds: Vec<EventKind> = c.events.iter().map(|e| e.kind).collect();
    for k in [
        EventKind::Workshop,
        EventKind::WorkingGroupMeeting,
        EventKind::PressSeries,
        EventKind::DiscussionForum,
    ] {
        assert!(kinds.contains(&k), "{k:?}");
    }
    let ws = c.event("workshops-2019").unwrap();
    // "Ab Juni 2019 wurden die Ergebnisse der SWOT-Analyse in mehreren
    // Workshops und AG-Sitzungen … gespiegelt" … "bis Anfang 2020".
    assert_eq!(
        ws.period.as_ref().unwrap().to_string(),
        "ab Juni 2019 bis Anfang 2020"
    );
    assert_eq!(ws.period.as_ref().unwrap().latest(), Some(ymd(2020, 4, 30)));
    assert_eq!(
        ws.period.as_ref().unwrap().earliest(),
        Some(ymd(2019, 6, 1))
    );
    let draft = c.event("konzeptentwurf").unwrap();
    assert_eq!(
        draft.period.as_ref().unwrap().to_string(),
        "bis Anfang 2020"
    );
}

// ---------------------------------------------------------------------------
// The schema rejects broken variants
// ---------------------------------------------------------------------------

fn assert_rejected(name: &str, what: &str, broken: &Value) {
    let validator = validator();
    assert!(
        !validator.is_valid(broken),
        "the schema accepts {name}.json with {what}"
    );
    assert!(
        serde_json::from_value::<ConceptDocument>(broken.clone()).is_err(),
        "serde accepts {name}.json with {what}"
    );
}

#[test]
fn the_schema_rejects_an_unknown_code() {
    let mut v = read_value("helmstedt");
    v["concept"]["resolutions"][2]["consultations"][2]["outcome"] = "vertagtUndVergessen".into();
    assert_rejected("helmstedt", "an unknown outcome code", &v);

    let mut v = read_value("hildesheim");
    v["concept"]["events"][1]["kind"] = "party".into();
    assert_rejected("hildesheim", "an unknown event kind", &v);

    let mut v = read_value("nordsachsen");
    v["concept"]["territory"]["state"] = "Sachsen".into();
    assert_rejected("nordsachsen", "a state name instead of its code", &v);
}

#[test]
fn the_schema_rejects_a_german_date() {
    let mut v = read_value("helmstedt");
    let step = &mut v["concept"]["resolutions"][2]["consultations"][2];
    assert_eq!(step["date"], "2018-09-12");
    step["date"] = "12.09.2018".into();
    assert_rejected("helmstedt", "the date \"12.09.2018\"", &v);

    let mut v = read_value("ludwigslust-parchim");
    v["concept"]["events"][0]["period"]["date"] = "19.11.2015".into();
    assert_rejected("ludwigslust-parchim", "the period date \"19.11.2015\"", &v);
}

#[test]
fn the_schema_rejects_a_missing_required_field() {
    let cases: [(&str, &[&str], &str); 5] = [
        ("helmstedt", &["concept"], "title"),
        ("helmstedt", &["concept", "goals", "3"], "level"),
        (
            "nordsachsen",
            &["concept", "resolutions", "1", "consultations", "0"],
            "body",
        ),
        ("bernkastel-wittlich", &["concept", "predecessor"], "title"),
        ("hildesheim", &[], "schemaVersion"),
    ];
    for (name, path, field) in cases {
        let mut v = read_value(name);
        let mut target = &mut v;
        for seg in path {
            target = match seg.parse::<usize>() {
                Ok(i) => &mut target[i],
                Err(_) => &mut target[*seg],
            };
        }
        let removed = target
            .as_object_mut()
            .and_then(|o| o.remove(field))
            .unwrap_or_else(|| panic!("{name}: {path:?} has {field}"));
        assert!(!removed.is_null());
        assert_rejected(name, &format!("no {field} at {path:?}"), &v);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any concept status that is not a code of the list is rejected by both
    /// the schema and serde, in every seed.
    #[test]
    fn any_unknown_status_is_rejected(seed in 0usize..5, status in "[a-zA-Z ]{0,16}") {
        prop_assume!(ConceptStatus::from_code(&status).is_none());
        let name = examples::NAMES[seed];
        let mut v = read_value(name);
        v["concept"]["status"] = Value::String(status);
        prop_assert!(!validator().is_valid(&v));
        prop_assert!(serde_json::from_value::<ConceptDocument>(v).is_err());
    }
}
