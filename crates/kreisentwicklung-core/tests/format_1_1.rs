//! What format 1.1 added, each with wording from the seeds, `DOMAIN.md` or
//! the issue that asked for it; and that 1.0 documents still read.

use kreisentwicklung_core::*;

fn helmstedt() -> Concept {
    Concept::new(
        "kek-helmstedt-2026",
        "Kreisentwicklungskonzept 2026",
        ConceptKind::Kek,
        Territory::landkreis("Helmstedt")
            .with_key("03154")
            .with_state(State::Niedersachsen)
            .with_seat("Helmstedt"),
    )
    .with_actor(Actor::new("kreistag", ActorKind::Council, "Kreistag"))
    .with_actor(Actor::new("landrat", ActorKind::Person, "Landrat"))
}

fn problems(c: &Concept) -> Vec<String> {
    match c.validate() {
        Ok(()) => Vec::new(),
        Err(e) => e.into_iter().map(|p| p.to_string()).collect(),
    }
}

/// The codes of the health report's findings, judged on 1 January 2019.
fn finding_codes(c: &Concept) -> Vec<&'static str> {
    c.health_report(&HealthOptions::new(Date::from_ymd(2019, 1, 1).unwrap()))
        .findings
        .iter()
        .map(|f| f.code.as_str())
        .collect()
}

fn round_trip(c: &Concept) -> Concept {
    let json = serde_json::to_string(c).unwrap();
    serde_json::from_str(&json).unwrap()
}

#[test]
fn votes_as_minutes_record_them() {
    // "mehrheitlich dafür, 7 dagegen, 1 Enthaltung": no yes count.
    let votes = Votes::default().with_no(7).with_abstain(1);
    let c = helmstedt().with_resolution(
        Resolution::new("r", ResolutionKind::Resolution, "Kreisentwicklungskonzept")
            .with_consultation(
                Consultation::new("kreistag", ConsultationRole::Decide)
                    .with_outcome(Outcome::AdoptedByMajority)
                    .with_votes(votes),
            ),
    );
    assert_eq!(problems(&c), Vec::<String>::new());
    assert_eq!(votes.to_string(), "Nein 7, Enthaltungen 1");
    let json = serde_json::to_string(&votes).unwrap();
    assert_eq!(json, r#"{"no":7,"abstain":1}"#);
    assert_eq!(round_trip(&c), c);

    // Known counts are still checked: more no than yes cannot be a majority.
    let mut bad = c.clone();
    bad.resolutions[0].consultations[0].votes = Some(votes.with_yes(3));
    let p = problems(&bad);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].contains("yes 3 is not more than no 7"), "{p:?}");
}

#[test]
fn a_1_0_vote_without_abstentions_still_reads() {
    let v: Votes = serde_json::from_str(r#"{"yes": 10, "no": 2}"#).unwrap();
    assert_eq!((v.yes, v.no, v.abstain), (Some(10), Some(2), None));
    let v: Votes =
        serde_json::from_str(r#"{"yes": 10, "no": 2, "abstain": 5, "biased": 0}"#).unwrap();
    assert_eq!(v, Votes::counted(10, 2, 5, 0));
    assert_eq!(v.to_string(), "Ja 10, Nein 2, Enthaltungen 5, Befangen 0");
}

#[test]
fn resolution_number_session_and_budget_apart_from_the_paper() {
    // Helmstedt: Drs. Nr. 69/2017; the Kreistag's resolution of 12.09.2018
    // asks that the goals be considered in the budget of 2019.
    let r = Resolution::new(
        "r",
        ResolutionKind::Resolution,
        "Leitbild, Ober- und Unterziele",
    )
    .with_paper("69/2017")
    .with_number("178-1/2021")
    .with_budget(BudgetLink {
        note: Some(
            "Die beschlossenen Ober- und Unterziele sollen bereits bei der Aufstellung des \
                 Haushaltes 2019 Berücksichtigung finden."
                .into(),
        ),
        ..BudgetLink::year(2019)
    })
    .with_consultation({
        let mut k = Consultation::new("kreistag", ConsultationRole::Decide)
            .on(Date::from_ymd(2018, 9, 12).unwrap());
        k.session = Some("12. Sitzung".into());
        k
    });
    let c = helmstedt().with_resolution(r);
    assert_eq!(problems(&c), Vec::<String>::new());
    let json = serde_json::to_value(&c.resolutions[0]).unwrap();
    assert_eq!(json["number"], "178-1/2021");
    assert_eq!(json["paper"]["reference"], "69/2017");
    assert_eq!(json["budget"][0]["year"], 2019);
    assert_eq!(json["consultations"][0]["session"], "12. Sitzung");
    assert_eq!(round_trip(&c), c);

    let mut bad = c.clone();
    bad.resolutions[0].budget[0].year = 0;
    assert!(
        problems(&bad)[0].contains("resolutions[r].budget[0].year"),
        "{:?}",
        problems(&bad)
    );
}

#[test]
fn guiding_principles_and_the_county_seat() {
    let mut c = helmstedt();
    c.guiding_principles = vec!["Willkommenskultur gelebt".into()];
    c = c.with_field({
        let mut f = FieldOfAction::new("hf1", "Wirtschaft & Innovation");
        f.guiding_principles = vec!["Nordsachsen ist ein attraktiver Wirtschaftsstandort".into()];
        f
    });
    assert_eq!(problems(&c), Vec::<String>::new());
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(json["territory"]["seat"], "Helmstedt");
    assert_eq!(json["guidingPrinciples"][0], "Willkommenskultur gelebt");
    assert_eq!(
        json["fields"][0]["guidingPrinciples"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(round_trip(&c), c);

    let mut bad = c.clone();
    bad.guiding_principles.push("".into());
    assert!(problems(&bad)
        .iter()
        .any(|p| p.contains("guidingPrinciples[1]")));
}

#[test]
fn a_kreis_is_called_kreis() {
    let t = Territory::kreis("Steinfurt");
    assert_eq!(t.kind, TerritoryKind::Kreis);
    assert_eq!(t.display_name(), "Kreis Steinfurt");
    assert_eq!(
        Territory::landkreis("Helmstedt").display_name(),
        "Landkreis Helmstedt"
    );
}

#[test]
fn participation_as_it_happens() {
    // Helmstedt: "im Rahmen eines Workshops und zweier Besprechungen".
    let talks = Event::new("besprechungen", EventKind::Meeting)
        .with_title("Besprechungen der Koordinierungsgruppe")
        .with_occurrences(2);
    let youth = Event::new("jugend", EventKind::YouthParticipation)
        .with_audience(Audience::ChildrenAndYouth)
        .at_occasion("im Rahmen der Kreistagssitzung");
    let process = Event {
        duration: Some(TimeSpan::new(15, DurationUnit::Months)),
        ..Event::new("prozess", EventKind::Other)
    };
    let c = helmstedt()
        .with_event(talks)
        .with_event(youth)
        .with_event(process);
    assert_eq!(problems(&c), Vec::<String>::new());
    assert_eq!(round_trip(&c), c);
    assert_eq!(c.events[2].duration.unwrap().to_string(), "15 Monate");
    assert!(EventKind::YouthParticipation.is_public_participation());
    assert!(EventKind::FutureConference.is_public_participation());
    assert!(!EventKind::DepartmentTalks.is_public_participation());
    for a in [
        Audience::ChildrenAndYouth,
        Audience::Seniors,
        Audience::CivilSociety,
    ] {
        assert!(a.is_public(), "{a:?}");
    }
    assert!(!Audience::CouncilMembers.is_public());
    assert_eq!(
        Audience::CouncilMembers.label(Language::De),
        "Kreistagsmitglieder"
    );

    let mut bad = c.clone();
    bad.events[0].occurrences = Some(0);
    assert!(problems(&bad)[0].contains("events[besprechungen].occurrences"));
}

#[test]
fn commissions_and_membership_cycles() {
    // Hildesheim: a steering group with a consulting firm for the process.
    let c = helmstedt()
        .with_actor(Actor::new("buero", ActorKind::Consultancy, "Planungsbüro"))
        .with_actor(
            Actor::new("lk", ActorKind::Administration, "Landkreis Helmstedt")
                .commissioning("buero", Some("externe Prozessbegleitung".into())),
        );
    assert_eq!(problems(&c), Vec::<String>::new());
    assert_eq!(round_trip(&c), c);

    let mut bad = c.clone();
    bad.actors[3].commissioned[0].contractor = "lk".into();
    assert!(problems(&bad)[0].contains("cannot commission itself"));

    // A → B → C → A: a cycle of three, reported once.
    let cyclic = helmstedt()
        .with_actor(Actor::new("a", ActorKind::WorkingGroup, "AG A").with_member("b", None))
        .with_actor(Actor::new("b", ActorKind::WorkingGroup, "AG B").with_member("c", None))
        .with_actor(Actor::new("c", ActorKind::WorkingGroup, "AG C").with_member("a", None));
    let p = problems(&cyclic);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].contains("a → b → c → a"), "{p:?}");
}

#[test]
fn milestones_and_soft_targets() {
    let m = Measure::new("w1", "Wirtschaftlichkeitsuntersuchung").with_milestone(
        Milestone::new("Ergebnis der Wirtschaftlichkeitsuntersuchung")
            .expected_in(Period::quarter(2025, 1))
            .reached_on(Date::from_ymd(2025, 3, 28).unwrap()),
    );
    let mut i = Indicator::new("i1", "Breitbandversorgung", "%", Direction::HigherIsBetter)
        .with_target(100.0, Period::year(2030));
    // "möglichst": an aim, not a commitment.
    i.targets[0].aspirational = true;
    let c = helmstedt().with_measure(m).with_indicator(i);
    assert_eq!(problems(&c), Vec::<String>::new());
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(json["indicators"][0]["targets"][0]["aspirational"], true);
    assert_eq!(
        json["measures"][0]["milestones"][0]["reached"],
        "2025-03-28"
    );
    assert_eq!(round_trip(&c), c);
}

#[test]
fn reporting_and_partial_catalogues() {
    // Helmstedt: measures "die in die künftige Haushaltsplanung einfließen sollen".
    let mut c = helmstedt();
    c.reporting = vec![
        Reporting::new(ReportingKind::BudgetPlan)
            .with_frequency(Frequency::Annual)
            .since(2019)
            .with_note("in die künftige Haushaltsplanung einfließen"),
        Reporting::new(ReportingKind::CouncilReport).to_body("kreistag"),
    ];
    c.coverage = vec![Coverage::partial(Collection::Measures)
        .with_total(35)
        .kept_in("im Haushaltsplan")];
    assert_eq!(problems(&c), Vec::<String>::new());
    assert_eq!(round_trip(&c), c);
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(json["reporting"][0]["kind"], "budgetPlan");
    assert_eq!(json["coverage"][0]["total"], 35);

    let mut bad = c.clone();
    bad.reporting[1].body = Some("kreisausschuss".into());
    bad.coverage.push(Coverage::partial(Collection::Measures));
    let p = problems(&bad);
    assert!(p.iter().any(|p| p.contains("reporting[1].body")), "{p:?}");
    assert!(p.iter().any(|p| p.contains("given twice")), "{p:?}");
}

#[test]
fn the_json_schema_carries_the_additions() {
    let schema = json_schema_string();
    for name in [
        "guidingPrinciples",
        "seat",
        "milestones",
        "aspirational",
        "commissioned",
        "occasion",
        "occurrences",
        "duration",
        "session",
        "reporting",
        "coverage",
        "childrenAndYouth",
        "youthParticipation",
    ] {
        assert!(
            schema.contains(&format!("\"{name}\"")),
            "{name} missing from the JSON Schema"
        );
    }
}

#[test]
fn fuzzy_time_as_real_documents_write_it() {
    let d = |y, m, day| Date::from_ymd(y, m, day).unwrap();
    // (text, earliest, latest, printed back as)
    let cases: &[(&str, Option<Date>, Option<Date>, &str)] = &[
        (
            "Ende des 1. Quartals 2025",
            Some(d(2025, 3, 1)),
            Some(d(2025, 3, 31)),
            "Ende des 1. Quartals 2025",
        ),
        (
            "Anfang Mai 2024",
            Some(d(2024, 5, 1)),
            Some(d(2024, 5, 10)),
            "Anfang Mai 2024",
        ),
        (
            "Mitte Mai 2024",
            Some(d(2024, 5, 11)),
            Some(d(2024, 5, 20)),
            "Mitte Mai 2024",
        ),
        (
            "Ende Februar 2024",
            Some(d(2024, 2, 21)),
            Some(d(2024, 2, 29)),
            "Ende Februar 2024",
        ),
        (
            "Mitte des 2. Halbjahrs 2019",
            Some(d(2019, 9, 1)),
            Some(d(2019, 10, 31)),
            "Mitte des 2. Halbjahres 2019",
        ),
        (
            "bis spätestens Oktober 2018",
            None,
            Some(d(2018, 10, 31)),
            "bis spätestens Oktober 2018",
        ),
        (
            "bis Ende 2019",
            None,
            Some(d(2019, 12, 31)),
            "bis Ende 2019",
        ),
        (
            "ab Juni 2019 bis Anfang 2020",
            Some(d(2019, 6, 1)),
            Some(d(2020, 4, 30)),
            "ab Juni 2019 bis Anfang 2020",
        ),
        // Several committee sessions: a range of days.
        (
            "19.–27.11.2018",
            Some(d(2018, 11, 19)),
            Some(d(2018, 11, 27)),
            "19.11.2018 bis 27.11.2018",
        ),
    ];
    for (text, earliest, latest, printed) in cases {
        let p: Period = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!((p.earliest(), p.latest()), (*earliest, *latest), "{text}");
        assert_eq!(p.to_string(), *printed, "{text}");
        assert_eq!(
            printed.parse::<Period>().unwrap(),
            p,
            "{printed} does not read back"
        );
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<Period>(&json).unwrap(), p, "{json}");
        assert!(p.is_valid(), "{text}");
    }
    assert_eq!(
        "Ende des 1. Quartals 2025"
            .parse::<Period>()
            .unwrap()
            .english()
            .to_string(),
        "late Q1 2025"
    );
    for bad in [
        "Ende des 5. Quartals 2025",
        "ab 2020 bis 2019",
        "Anfang des 3. Halbjahres 2019",
    ] {
        assert!(bad.parse::<Period>().is_err(), "{bad} was accepted");
    }
    // "Anfang" of a year range is not a form: refused in data too.
    assert!(!Period::part_of(YearPart::Early, Period::year_range(2019, 2020)).is_valid());
}

#[test]
fn a_consultation_step_with_a_month_or_a_year() {
    // Helmstedt: "dem Kreistag im Jahr 2017 vorgelegt"; a step in "Mai 2024".
    let r = Resolution::new("r", ResolutionKind::Resolution, "Kreisentwicklungskonzept")
        .with_consultation(
            Consultation::new("kreistag", ConsultationRole::Decide)
                .during(Period::month(2024, 5))
                .with_outcome(Outcome::Adopted),
        )
        .adopting(AdoptionSubject::Concept);
    let c = helmstedt().with_resolution(r);
    assert_eq!(problems(&c), Vec::<String>::new());
    assert_eq!(c.adopted_on(), None);
    assert_eq!(c.adopted_in(), Some(Period::month(2024, 5)));
    assert_eq!(
        c.resolutions[0].decided_in().unwrap().to_string(),
        "Mai 2024"
    );
    assert_eq!(round_trip(&c), c);

    let mut both = c.clone();
    both.resolutions[0].consultations[0].date = Some(Date::from_ymd(2024, 5, 7).unwrap());
    assert!(problems(&both)[0].contains("not both"));
}

#[test]
fn measures_kept_in_the_budget_plan_are_not_missing() {
    // Helmstedt: measures "die in die künftige Haushaltsplanung einfließen sollen".
    let c = helmstedt().with_goal(Goal::new("oz1", 1, "Attraktiver Wohnraum"));
    assert!(finding_codes(&c).contains(&"no-measures"));
    let mut budget = c.clone();
    budget.reporting = vec![Reporting::new(ReportingKind::BudgetPlan).since(2019)];
    assert!(!finding_codes(&budget).contains(&"no-measures"));
    let mut partial = c.clone();
    partial.coverage = vec![Coverage::partial(Collection::Measures).with_total(35)];
    assert!(!finding_codes(&partial).contains(&"no-measures"));
}

#[test]
fn public_participation_is_recognised_by_the_kind_of_event() {
    let internal = helmstedt().with_event(Event::new("ws", EventKind::Workshop));
    assert!(finding_codes(&internal).contains(&"no-public-participation"));
    let youth = helmstedt().with_event(Event::new("jugend", EventKind::YouthParticipation));
    assert!(!finding_codes(&youth).contains(&"no-public-participation"));
    let forum = helmstedt().with_event(Event::new("forum", EventKind::CitizensForum));
    assert!(!finding_codes(&forum).contains(&"no-public-participation"));
}

/// Hildesheim's REK names its cross-cutting themes by example: "Dies sind zum
/// Beispiel Digitalisierung, Daseinsvorsorge oder Kommunikation und
/// Zusammenarbeit." The seed says the list is partial, and the JSON round
/// trip keeps it.
#[test]
fn a_list_of_cross_cutting_themes_given_by_example() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/hildesheim.json");
    let doc: ConceptDocument =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let c = doc.concept;
    let names: Vec<&str> = c
        .cross_cutting_themes
        .iter()
        .map(|t| t.name.text.as_str())
        .collect();
    assert!(names.contains(&"Digitalisierung"), "{names:?}");
    let partial = c
        .coverage
        .iter()
        .find(|k| k.collection == Collection::CrossCuttingThemes)
        .expect("the themes are marked as a partial list");
    assert_eq!(partial.total, None);
    assert_eq!(
        Collection::CrossCuttingThemes.label(Language::De),
        "Querschnittsthemen"
    );
    assert!(problems(&c).is_empty(), "{:?}", problems(&c));
    assert_eq!(round_trip(&c), c);
}
