//! Every object written validates against the OParl 1.1 JSON schemas of
//! the specification (tests/data/oparl-1.1/schema).

mod common;

use common::{concepts, options, Schemas};
use kreisentwicklung_oparl::endpoint;
use serde_json::{json, Value};

#[test]
fn every_object_of_every_concept_validates() {
    let schemas = Schemas::load();
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    for (name, concept) in concepts() {
        let ep = endpoint(&concept, &options("https://ratsinfo.example.de/oparl")).unwrap();
        let mut objects: Vec<&Value> = vec![&ep.system, &ep.body];
        for (_, _, list) in ep.lists() {
            objects.extend(list.iter());
        }
        for o in objects {
            let problems = schemas.problems(o);
            assert!(problems.is_empty(), "{name}: {}: {problems:#?}", o["id"]);
            *counts
                .entry(
                    o["type"]
                        .as_str()
                        .unwrap()
                        .rsplit('/')
                        .next()
                        .unwrap()
                        .to_owned(),
                )
                .or_default() += 1;
        }
        // The whole embedding document, object by object, is the same set.
        let doc = ep.to_document();
        assert_eq!(
            doc["paper"].as_array().unwrap().len(),
            concept.resolutions.len()
        );
    }
    // Every kind of object was written and checked at least once.
    for t in [
        "System",
        "Body",
        "Organization",
        "Person",
        "Membership",
        "Meeting",
        "AgendaItem",
        "Consultation",
        "Paper",
        "File",
    ] {
        assert!(
            counts.get(t).copied().unwrap_or(0) > 0,
            "no {t} written: {counts:?}"
        );
    }
}

/// The validators are not lenient: objects that break the schema fail.
#[test]
fn the_schemas_reject_broken_objects() {
    let schemas = Schemas::load();
    let file = json!({"id": "https://x.de/file/1.json", "type": "https://schema.oparl.org/1.1/File",
                      "accessUrl": "https://x.de/1.pdf", "date": "2019-02-30"});
    assert!(
        !schemas.problems(&file).is_empty(),
        "a day that does not exist"
    );
    let item =
        json!({"id": "https://x.de/a.json", "type": "https://schema.oparl.org/1.1/AgendaItem"});
    assert!(
        !schemas.problems(&item).is_empty(),
        "agenda item without order"
    );
    let paper = json!({"id": "https://x.de/p.json", "type": "https://schema.oparl.org/1.1/Paper",
                       "mainFile": {"id": "https://x.de/f.json", "type": "https://schema.oparl.org/1.1/File"}});
    assert!(
        !schemas.problems(&paper).is_empty(),
        "embedded file without accessUrl"
    );
    let meeting = json!({"id": "https://x.de/m.json", "type": "https://schema.oparl.org/1.1/Meeting",
                         "start": "2018-09-12"});
    assert!(
        !schemas.problems(&meeting).is_empty(),
        "a day is not a date-time"
    );
}

/// A meeting's place comes from an event of that day the body took part
/// in; it is written as a `Location`, inside the meeting and on its own.
#[test]
fn the_place_of_a_meeting_is_a_valid_location() {
    use kreisentwicklung_core::*;
    let day = Date::from_ymd(2018, 9, 12).unwrap();
    let mut event =
        Event::new("kt-sitzung", EventKind::CommitteeMeeting).with_period(Period::day(day));
    event.location = Some(Text::from("Kreishaus Helmstedt, Sitzungssaal"));
    event.participants.push(Participant {
        actor: Id::new("kreistag"),
        role: None,
    });
    let mut concept = Concept::new(
        "kek",
        "KEK",
        ConceptKind::Kek,
        Territory::landkreis("Helmstedt").with_key("03154"),
    )
    .with_actor(Actor::new("kreistag", ActorKind::Council, "Kreistag"))
    .with_resolution(
        Resolution::new("leitbild", ResolutionKind::Resolution, "Leitbild").with_consultation(
            Consultation::new("kreistag", ConsultationRole::Decide)
                .on(day)
                .with_outcome(Outcome::Adopted),
        ),
    );
    concept.events.push(event);
    let ep = endpoint(&concept, &options("https://x.de/oparl")).unwrap();
    assert_eq!(ep.locations.len(), 1);
    let location = &ep.locations[0];
    assert_eq!(
        location["id"],
        "https://x.de/oparl/location/kt-sitzung.json"
    );
    assert_eq!(location["description"], "Kreishaus Helmstedt, Sitzungssaal");
    assert_eq!(location["meetings"][0], ep.meetings[0]["id"]);
    assert_eq!(ep.meetings[0]["location"]["id"], location["id"]);
    let schemas = Schemas::load();
    for o in [location, &ep.meetings[0]] {
        assert_eq!(schemas.problems(o), Vec::<String>::new());
    }
}
