//! Validation finds every problem, with a path to the item.

use kreisentwicklung_core::*;

fn base() -> Concept {
    Concept::new(
        "c",
        "Kreisentwicklungskonzept",
        ConceptKind::Kek,
        Territory::landkreis("Beispiel"),
    )
    .with_actor(Actor::new("kt", ActorKind::Council, "Kreistag"))
    .with_actor(Actor::new(
        "wf",
        ActorKind::AdministrativeUnit,
        "Wirtschaftsförderung",
    ))
    .with_field(FieldOfAction::new("hf1", "Wirtschaft"))
    .with_goal(Goal::new("oz1", 1, "Oberziel").with_field("hf1"))
    .with_goal(Goal::new("uz1", 2, "Unterziel").with_parent("oz1"))
    .with_indicator(Indicator::new(
        "i1",
        "Arbeitslosenquote",
        "%",
        Direction::LowerIsBetter,
    ))
    .with_document(Document::new("d1", DocumentKind::FinalReport, "Endbericht"))
    .with_measure(
        Measure::new("W1", "Gründerzentrum")
            .with_goal("uz1")
            .with_lead("wf")
            .with_indicator("i1"),
    )
}

fn problems(c: &Concept) -> Vec<String> {
    c.problems().iter().map(ToString::to_string).collect()
}

#[test]
fn valid_concept_has_no_problems() {
    assert_eq!(problems(&base()), Vec::<String>::new());
}

#[test]
fn all_problems_are_reported_at_once() {
    let mut c = base();
    c.measures[0].goals.push(Id::new("nope"));
    c.measures[0].lead = Some(Id::new("ghost"));
    c.goals[1].title = Text::new("  ");
    let p = problems(&c);
    assert_eq!(p.len(), 3, "{p:#?}");
    assert!(p.contains(&"goals[uz1].title: must not be empty".to_owned()));
    assert!(p.contains(
        &"measures[W1].goals[1]: refers to goal \"nope\", which does not exist".to_owned()
    ));
    assert!(p.contains(
        &"measures[W1].lead: refers to actor \"ghost\", which does not exist".to_owned()
    ));
    let err = c.validate().unwrap_err();
    assert!(err.to_string().starts_with("3 problems"));
}

#[test]
fn duplicate_and_malformed_ids() {
    let mut c = base();
    c.measures.push(Measure::new("W1", "Doppelt"));
    c.measures.push(Measure::new("W 2", "Leerzeichen"));
    let p = problems(&c);
    assert!(
        p.iter()
            .any(|s| s == "measures[1].id: duplicate id \"W1\", already used by measures[0]"),
        "{p:#?}"
    );
    assert!(
        p.iter()
            .any(|s| s.starts_with("measures[2].id: malformed id \"W 2\"")),
        "{p:#?}"
    );
}

/// Malformed and duplicate ids are reported item by item, in list order,
/// and an item can be both.
#[test]
fn id_problems_come_in_list_order() {
    let mut c = base();
    c.measures.push(Measure::new("W 2", "Leerzeichen"));
    c.measures.push(Measure::new("W1", "Doppelt"));
    c.measures.push(Measure::new("W 2", "Beides"));
    let p = problems(&c);
    let id_problems: Vec<&str> = p
        .iter()
        .filter(|s| s.contains(".id: "))
        .map(|s| s.split(", already").next().unwrap_or(s))
        .collect();
    assert_eq!(
        id_problems,
        [
            "measures[1].id: malformed id \"W 2\": use 1 to 64 ASCII letters, digits and . _ : -, starting with a letter or digit",
            "measures[2].id: duplicate id \"W1\"",
            "measures[3].id: malformed id \"W 2\": use 1 to 64 ASCII letters, digits and . _ : -, starting with a letter or digit",
            "measures[3].id: duplicate id \"W 2\"",
        ],
        "{p:#?}"
    );
}

/// Problems come in document order: every collection's ids first, then the
/// concept, its strategy, the goal tree, the measures, the indicators, the
/// actors, the events, the resolutions, however the checks run.
#[test]
fn problems_come_in_document_order() {
    let mut c = base();
    c.goals.push(Goal::new("oz1", 1, "Doppelt"));
    c.measures.push(Measure::new("W1", "Doppelt"));
    c.indicators.push(Indicator::new(
        "i 2",
        "Kennzahl",
        "%",
        Direction::HigherIsBetter,
    ));
    c.title = Text::new(" ");
    c.goals[1].indicators.push(Id::new("i9"));
    c.measures[0].indicators.push(Id::new("i9"));
    c.indicators[0].name = Text::new("");
    c.actors[0].name = Text::new("");
    c.events
        .push(Event::new("e1", EventKind::Workshop).with_participant("niemand"));
    let mut r1 = Resolution::new("r1", ResolutionKind::Resolution, "Beschluss")
        .adopting(AdoptionSubject::Measures);
    r1.adopts[0].items.push(Id::new("W9"));
    c.resolutions.push(r1);
    let p = problems(&c);
    let paths: Vec<&str> = p.iter().map(|s| s.split(':').next().unwrap_or(s)).collect();
    assert_eq!(
        paths,
        [
            "goals[2].id",
            "measures[1].id",
            "indicators[1].id",
            "title",
            "goals[uz1].indicators[0]",
            "measures[W1].indicators[1]",
            "indicators[i1].name",
            "actors[kt].name",
            "events[e1].participants[0].actor",
            "resolutions[r1].adopts[0].items[0]",
        ],
        "{p:#?}"
    );
}

/// References are found whatever order the lists are in (they are tried
/// in list order first): reversing every list changes no finding.
#[test]
fn references_resolve_in_any_order() {
    use kreisentwicklung_core::generate::{generate, GeneratorOptions};
    let mut c = generate(&GeneratorOptions::new(500).seed(11));
    c.measures[3].indicators.push(Id::new("ghost"));
    c.measures[4].goals.insert(0, Id::new("ghost"));
    let before = problems(&c);
    assert_eq!(before.len(), 2, "{before:#?}");
    c.indicators.reverse();
    c.goals.reverse();
    c.actors.reverse();
    c.measures.reverse();
    let mut after: Vec<String> = problems(&c);
    let mut expected = before.clone();
    after.sort();
    expected.sort();
    assert_eq!(after, expected);
    c.indicators.truncate(c.indicators.len() / 2);
    assert!(problems(&c).len() > 200);
}

#[test]
fn every_kind_of_reference_is_checked() {
    let mut c = base();
    c.goals[1].parent = Some(Id::new("oz9"));
    c.resolutions.push(
        Resolution::new("r1", ResolutionKind::Resolution, "Beschluss").with_consultation(
            Consultation::new("kreisausschuss", ConsultationRole::Decide),
        ),
    );
    c.events
        .push(Event::new("e1", EventKind::Workshop).with_participant("niemand"));
    c.events[0].documents.push(Id::new("d9"));
    c.goals[0].indicators.push(Id::new("i9"));
    c.measures[0].partners.push(Id::new("p9"));
    let p = problems(&c);
    for expected in [
        "goals[uz1].parent: refers to goal \"oz9\"",
        "resolutions[r1].consultations[0].body: refers to actor \"kreisausschuss\"",
        "events[e1].participants[0].actor: refers to actor \"niemand\"",
        "events[e1].documents[0]: refers to document \"d9\"",
        "goals[oz1].indicators[0]: refers to indicator \"i9\"",
        "measures[W1].partners[0]: refers to actor \"p9\"",
    ] {
        assert!(
            p.iter().any(|s| s.starts_with(expected)),
            "missing {expected:?} in {p:#?}"
        );
    }
}

#[test]
fn goal_cycles_are_found_and_do_not_hang() {
    let mut c = base();
    c.goals[0].parent = Some(Id::new("uz1"));
    let p = problems(&c);
    assert!(
        p.iter()
            .any(|s| s.contains("parent links form a cycle: oz1 → uz1 → oz1")),
        "{p:#?}"
    );
    // A goal pointing at itself.
    let mut c = base();
    c.goals[1].parent = Some(Id::new("uz1"));
    assert!(problems(&c).iter().any(|s| s.contains("cycle: uz1 → uz1")));
}

#[test]
fn event_nesting_cycles_are_found() {
    let mut c = base();
    c.events
        .push(Event::new("a", EventKind::Workshop).with_parent("b"));
    c.events
        .push(Event::new("b", EventKind::Workshop).with_parent("a"));
    assert!(problems(&c).iter().any(|s| s.contains("cycle: a → b → a")));
}

#[test]
fn inconsistent_levels() {
    let mut c = base();
    c.goals[1].level = 3;
    c.goals.push(Goal::new("top", 2, "Ohne Eltern"));
    c.goals.push(Goal::new("deep", 6, "Zu tief"));
    let p = problems(&c);
    assert!(
        p.contains(&"goals[uz1].level: level 3 does not fit: expected 2".to_owned()),
        "{p:#?}"
    );
    assert!(
        p.contains(&"goals[top].level: level 2 does not fit: expected 1".to_owned()),
        "{p:#?}"
    );
    assert!(
        p.iter()
            .any(|s| s.starts_with("goals[deep].level: level 6 is out of range")),
        "{p:#?}"
    );
}

#[test]
fn five_levels_are_fine() {
    let mut c = base();
    for (i, parent) in ["uz1", "l3", "l4"].iter().enumerate() {
        let id = format!("l{}", i + 3);
        c.goals
            .push(Goal::new(id, (i + 3) as u8, "Ebene").with_parent(*parent));
    }
    assert_eq!(problems(&c), Vec::<String>::new());
}

#[test]
fn periods_that_end_before_they_start() {
    let mut c = base();
    c.measures[0].period = Some(Period::YearRange {
        from: 2030,
        to: 2020,
    });
    let p = problems(&c);
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(
        p[0].starts_with("measures[W1].period: invalid period:"),
        "{p:#?}"
    );
}

#[test]
fn xml_illegal_control_characters_anywhere() {
    let mut c = base();
    c.measures[0].description = Some(Text::new("Zeile\u{1}eins"));
    c.fields[0].name = Text::new("Wirtschaft").with_translation("en", "Eco\u{FFFF}nomy");
    c.indicators[0].unit = "%\u{0}".into();
    let p = problems(&c);
    assert!(p.contains(&"measures[W1].description: contains the control character U+0001 at character 6, which XML 1.0 cannot carry".to_owned()), "{p:#?}");
    assert!(
        p.iter().any(|s| s.starts_with(
            "fields[hf1].name.translations[\"en\"]: contains the control character U+FFFF"
        )),
        "{p:#?}"
    );
    assert!(
        p.iter()
            .any(|s| s.starts_with("indicators[i1].unit: contains the control character U+0000")),
        "{p:#?}"
    );
    // Tabs, line breaks, emoji and right-to-left marks are fine.
    let mut c = base();
    c.measures[0].description = Some(Text::new("a\tb\r\nc 🚲 \u{200F}<&]]>\"'"));
    assert_eq!(problems(&c), Vec::<String>::new());
}

#[test]
fn text_longer_than_a_spreadsheet_cell() {
    let mut c = base();
    c.measures[0].description = Some(Text::new("ä".repeat(MAX_TEXT_CHARS)));
    assert_eq!(
        problems(&c),
        Vec::<String>::new(),
        "exactly the limit is fine"
    );
    c.measures[0].description = Some(Text::new("ä".repeat(MAX_TEXT_CHARS + 1)));
    assert_eq!(
        problems(&c),
        vec!["measures[W1].description: text has 32768 characters, more than the limit of 32767"]
    );
}

#[test]
fn numbers_keys_and_votes() {
    let mut c = base();
    c.territory.key = Some("3254".into());
    c.measures[0]
        .funding
        .push(Funding::programme(FundingProgramme::Leader).with_share_percent(120.0));
    c.indicators[0].observations.push(Observation {
        value: f64::NAN,
        period: Period::year(2020),
        note: None,
    });
    c.resolutions.push(
        Resolution::new("r1", ResolutionKind::Resolution, "Beschluss").with_consultation(
            Consultation::new("kt", ConsultationRole::Decide)
                .with_outcome(Outcome::AdoptedUnanimously)
                .with_votes(Votes::counted(10, 2, 5, 0)),
        ),
    );
    let p = problems(&c);
    assert!(
        p.iter()
            .any(|s| s.starts_with("territory.key: official key \"3254\" must be five digits")),
        "{p:#?}"
    );
    assert!(
        p.iter()
            .any(|s| s.starts_with("measures[W1].funding[0].sharePercent: share 120")),
        "{p:#?}"
    );
    assert!(
        p.iter()
            .any(|s| s.starts_with("indicators[i1].observations[0].value: NaN")),
        "{p:#?}"
    );
    assert!(
        p.iter().any(|s| s.starts_with(
            "resolutions[r1].consultations[0].votes: adopted unanimously, but 2 voted no"
        )),
        "{p:#?}"
    );

    let mut c = base();
    c.territory.key = Some("14730".into());
    c.territory.state = Some(State::Niedersachsen);
    assert!(problems(&c)[0].contains("does not belong to Niedersachsen"));
}

#[test]
fn status_history_must_agree_with_status() {
    let mut c = base();
    let d = |m| Date::from_ymd(2024, m, 1).unwrap();
    c.measures[0] = c.measures[0]
        .clone()
        .with_status_update(d(3), MeasureStatus::NotStarted)
        .with_status_update(d(1), MeasureStatus::InProgress);
    c.measures[0].status = Some(MeasureStatus::Completed);
    let p = problems(&c);
    assert_eq!(p.len(), 2, "{p:#?}");
    assert!(p[0].starts_with("measures[W1].statusHistory[1].date"));
    assert!(p[1].starts_with("measures[W1].status: status \"completed\" differs"));
}

#[test]
fn serialized_form_is_camel_case_iso_dates_without_nulls_or_empty_lists() {
    let c = base().with_resolution(
        Resolution::new("r1", ResolutionKind::Resolution, "Beschluss").with_consultation(
            Consultation::new("kt", ConsultationRole::Decide)
                .on(Date::from_ymd(2018, 9, 12).unwrap()),
        ),
    );
    let json = serde_json::to_string(&ConceptDocument::new(c)).unwrap();
    assert!(json.contains("\"date\":\"2018-09-12\""), "{json}");
    assert!(json.contains("\"schemaVersion\":\"1.1\""));
    assert!(!json.contains("null"));
    assert!(!json.contains("[]"));
    assert!(!json.contains("_"), "snake_case key in {json}");
}

#[test]
fn text_objects_skip_unknown_keys_like_every_other_object() {
    let t: Text =
        serde_json::from_str(r#"{"text":"Wirtschaft","translations":{"en":"Economy"},"x":1}"#)
            .unwrap();
    assert_eq!(t, Text::new("Wirtschaft").with_translation("en", "Economy"));
    assert!(serde_json::from_str::<Text>(r#"{"text":"a","text":"b"}"#).is_err());
    assert!(serde_json::from_str::<Text>(r#"{"translations":{}}"#).is_err());
}
