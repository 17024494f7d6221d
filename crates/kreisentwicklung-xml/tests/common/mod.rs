//! Shared test helpers: the seed examples, a concept that uses every element
//! of the format, hostile text, and `xmllint`.

#![allow(dead_code)]

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use kreisentwicklung_core::*;

/// The shipped XSD.
pub fn xsd_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("kreisentwicklung.xsd")
}

/// The seed examples `examples/data/*.json` (not the schema), sorted by name.
pub fn seeds() -> Vec<(String, String, ConceptDocument)> {
    // The examples embedded in core (the repository's examples/data), so
    // that the packaged crate's tests have them too.
    let mut names = kreisentwicklung_core::examples::NAMES.to_vec();
    names.sort_unstable();
    names
        .into_iter()
        .map(|name| {
            let json = kreisentwicklung_core::examples::json(name)
                .unwrap()
                .to_owned();
            let doc: ConceptDocument = serde_json::from_str(&json)
                .unwrap_or_else(|e| panic!("{name} is not a concept document: {e}"));
            (format!("{name}.json"), json, doc)
        })
        .collect()
}

/// Text that XML must carry unchanged: markup characters, a CDATA end,
/// quotes, emoji, right-to-left marks, tabs, CR and LF, surrounding spaces.
pub const HOSTILE: &[&str] = &[
    "a < b && c > d",
    "]]>",
    "<![CDATA[x]]>",
    "\"quoted\" and 'single'",
    "Emoji 😀🏳️‍🌈 and ZWJ",
    "\u{200F}עברית\u{200E} RTL marks \u{202E}",
    "tab\there",
    "CR\rLF\nCRLF\r\n",
    "\r",
    "  leading and trailing  ",
    "\n\t \n",
    "&amp; &lt; &#13; &#x1; &nbsp;",
    "\u{FEFF}BOM inside",
    "\u{FFFD}\u{10FFFF}\u{E000}",
    "--> <!-- <?pi?>",
];

fn t(s: impl Into<String>) -> Text {
    Text::new(s)
}

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::from_ymd(y, m, day).unwrap()
}

/// A concept that uses every element and every period kind of the format,
/// with hostile text throughout.
pub fn full_concept() -> Concept {
    // Hostile text; whitespace-only entries get a letter so that they can
    // stand where text is required.
    let h = |i: usize| -> String {
        let s = HOSTILE[i % HOSTILE.len()];
        if s.trim().is_empty() {
            format!("{s}x{s}")
        } else {
            s.to_owned()
        }
    };
    let bi = |s: String| {
        Text::new(s)
            .with_translation("en", "English ]]> text")
            .with_translation("hsb", "\u{200F}serbsce\r\n")
    };
    let periods = [
        Period::day(d(2019, 2, 12)),
        Period::days([d(2016, 3, 7), d(2016, 3, 10)]),
        Period::date_range(d(2016, 4, 18), d(2016, 6, 15)),
        Period::month(2017, 11),
        Period::months(2016, [4, 5, 6]),
        Period::month_range(YearMonth::new(2015, 11), YearMonth::new(2016, 3)),
        Period::quarter(2019, 3),
        Period::quarters(2019, 2, 3),
        Period::half_year(2019, 2),
        Period::year(2019),
        Period::year_range(2018, 2021),
        Period::part_of_year(2020, YearPart::Early),
        Period::turn_of_year(2018),
        Period::since(Period::month(2019, 6)),
        Period::until(Period::part_of_year(2018, YearPart::Late)),
        Period::part_of(YearPart::Middle, Period::half_year(2019, 2)),
        Period::deadline(Period::month(2018, 10)),
        Period::between(
            Period::month(2019, 6),
            Period::part_of_year(2020, YearPart::Early),
        ),
    ];
    let p = |i: usize| periods[i % periods.len()].clone();

    let mut c = Concept::new(
        "kek-voll",
        bi("Kreisentwicklungskonzept".into()),
        ConceptKind::Kek,
        {
            let mut t = Territory::landkreis(bi("Voll".into()))
                .with_key("14730")
                .with_state(State::Sachsen);
            t.kind = TerritoryKind::Landkreis;
            t
        },
    );
    c.short_title = Some(t(h(0)));
    c.kind_label = Some(t("integriertes Kreisentwicklungskonzept"));
    c.horizon = Some(Horizon::OpenEnded { from: 2035 });
    c.status = ConceptStatus::InImplementation;
    c.edition = Some(Edition {
        number: Some(2),
        year: Some(2023),
        label: Some(t("Fortschreibung")),
    });
    c.predecessor = Some(Predecessor {
        concept: Some(Id::new("kek-2008")),
        title: t("KEK 2008"),
        year: Some(2008),
        field_count: Some(6),
        goals_remain_valid: true,
        note: Some(t(h(1))),
    });
    c.revision_cycle_years = Some(5);
    c.languages = vec!["de".into(), "en".into(), "hsb".into()];
    c.description = Some(t("\r"));
    c.vision = Some(Vision::for_year(bi(h(3)), 2030));
    c.goal_levels = vec![t("Oberziel"), t("Unterziel"), t(h(4))];
    c.fields = vec![
        FieldOfAction::new("hf1", bi("Wirtschaft & Innovation".into()))
            .with_number("1")
            .with_vision(Vision::for_year(h(5), 2030)),
        {
            let mut f = FieldOfAction::new("hf2", t(h(6)));
            f.description = Some(t(h(7)));
            f.vision = Some(Vision::new(h(8)));
            f
        },
    ];
    c.cross_cutting_themes = vec![
        {
            let mut x = CrossCuttingTheme::new("qt1", t("Digitalisierung"));
            x.description = Some(t(h(9)));
            x.fields = vec!["hf1".into(), "hf2".into()];
            x
        },
        CrossCuttingTheme::new("qt2", t(h(10))),
    ];
    c.goals = vec![
        Goal::new("z1", 1, bi(h(11)))
            .with_number("1")
            .with_field("hf1")
            .with_priority(Priority::High)
            .with_focus_area(h(12))
            .with_indicator("i1"),
        {
            let mut g = Goal::new("z1.1", 2, t(h(13))).with_parent("z1");
            g.short_title = Some(t(h(14)));
            g.description = Some(t(h(0)));
            g.focus_areas = vec![t(h(1)), bi(h(2))];
            g.fields = vec!["hf1".into(), "hf2".into()];
            g
        },
    ];
    let mut m = Measure::new("W1", bi(h(3)))
        .with_number("W1")
        .with_goal("z1")
        .with_goal("z1.1")
        .with_field("hf1")
        .with_lead("lk")
        .with_partner("kt")
        .with_partner("lg")
        .with_period(p(0))
        .with_priority(Priority::Medium)
        .with_status_update(d(2023, 1, 5), MeasureStatus::Planned)
        .with_status_update(d(2024, 11, 13), MeasureStatus::InProgress)
        .with_funding(
            Funding::programme(FundingProgramme::Leader)
                .with_share_percent(80.0)
                .with_funder("lk"),
        )
        .with_budget_line(2024, Euro::from_cents(12_500_050))
        .with_indicator("i1");
    m.description = Some(t(h(4)));
    m.county_role = Some(CountyRole::Sponsor);
    m.time_horizon = Some(TimeHorizon::Continuous);
    m.status_history[0].note = Some(t(h(5)));
    m.costs = Some(Costs {
        amount: Some(Euro::from_cents(-5)),
        estimated: true,
        note: Some(t(h(6))),
    });
    m.funding.push(Funding {
        programme: None,
        programme_name: Some(bi("LEADER-Region".into())),
        funder: None,
        share_percent: Some(12.345),
        amount: Some(Euro::from_euros(1_000_000_000_000)),
        period: Some(p(1)),
    });
    m.budget[0].account = Some(h(7));
    m.budget[0].note = Some(t(h(8)));
    m.documents = vec!["doc1".into()];
    let mut measures = vec![m];
    for i in 0..periods.len() {
        measures.push(
            Measure::new(format!("P{i}"), t(h(i)))
                .with_period(p(i))
                .with_goal("z1"),
        );
    }
    c.measures = measures;
    let mut ind = Indicator::new(
        "i1",
        bi("Breitband".into()),
        "Mbit/s",
        Direction::HigherIsBetter,
    )
    .with_baseline(42.0, p(2))
    .with_target(95.0, p(3))
    .with_observation(61.5, p(4))
    .with_observation(1e-7, p(5))
    .with_observation(-0.0, p(6))
    .with_observation(1.7976931348623157e308, p(7));
    ind.number = Some("I.1".into());
    ind.description = Some(t(h(9)));
    ind.targets.push(Target {
        value: 0.1,
        due: None,
        aspirational: true,
    });
    ind.observations[0].note = Some(t(h(10)));
    ind.source = Some(t(h(11)));
    c.indicators = vec![ind, {
        let mut i = Indicator::new("i2", t("Arbeitslose"), h(12), Direction::LowerIsBetter);
        i.baseline = Some(Baseline {
            value: 5.0,
            period: None,
        });
        i
    }];
    c.actors = vec![
        Actor::new("lk", ActorKind::Administration, bi("Landkreis".into()))
            .with_member("kt", Some(MemberRole::Member)),
        {
            let mut a = Actor::new("kt", ActorKind::Council, t("Kreistag"));
            a.count = Some(50);
            a.description = Some(t(h(13)));
            a
        },
        {
            let mut a = Actor::new("lg", ActorKind::SteeringGroup, t(h(14)))
                .with_function(h(0))
                .with_organization("lk")
                .with_member("lk", None);
            a.members[0].role_label = Some(t(h(1)));
            a.url = Some("https://example.org/a?b=1&c=<2>".into());
            a
        },
    ];
    c.events = vec![
        {
            let mut e = Event::new("e1", EventKind::KickOff)
                .with_title(bi(h(2)))
                .with_period(p(8))
                .with_audience(Audience::Public)
                .with_audience(Audience::Municipalities)
                .with_participant("kt");
            e.kind_label = Some(t(h(3)));
            e.as_needed = true;
            e.location = Some(t(h(4)));
            e.audience_description = Some(t(h(5)));
            e.participants.push(Participant {
                actor: "lk".into(),
                role: Some(ParticipantRole::Host),
            });
            e.participant_count = Some(ParticipantCount {
                value: 50,
                approximate: true,
                text: Some(t("rund fünfzig")),
            });
            e.fields = vec!["hf1".into()];
            e.topics = vec![t(h(6)), bi(h(7))];
            e.purpose = Some(t(h(8)));
            e.description = Some(t("\n\t \n"));
            e.outcome = Some(t(h(10)));
            e.documents = vec!["doc1".into()];
            e.press = vec!["doc2".into()];
            e
        },
        Event::new("e2", EventKind::Workshop).with_parent("e1"),
    ];
    c.resolutions = vec![
        Resolution::new("r1", ResolutionKind::Resolution, bi(h(11)))
            .with_consultation({
                let mut k = Consultation::new("kt", ConsultationRole::Decide)
                    .on(d(2018, 9, 12))
                    .with_outcome(Outcome::AdoptedByMajority)
                    .with_votes(Votes::counted(10, 2, 5, 0));
                k.planned_date = Some(d(2018, 9, 5));
                k.agenda_item = Some(h(12));
                k.note = Some(t(h(13)));
                k
            })
            .adopting(AdoptionSubject::Concept),
        {
            let mut r = Resolution::new("r2", ResolutionKind::Recommendation, t("Empfehlung"));
            r.paper = Some(Paper {
                reference: "69/2017".into(),
                prefix: Some("Drs. Nr.".into()),
                title: Some(t(h(14))),
            });
            r.text = Some(t(h(0)));
            r.adopts = vec![Adoption {
                subject: AdoptionSubject::Goals,
                items: vec!["z1".into(), "z1.1".into()],
                note: Some(t(h(1))),
            }];
            r.mandates = vec![Mandate {
                actor: "lk".into(),
                task: bi(h(2)),
                due: Some(p(9)),
            }];
            r.documents = vec!["doc1".into()];
            r
        },
    ];
    c.documents = vec![
        {
            let mut doc = Document::new("doc1", DocumentKind::FinalReport, bi(h(3)))
                .with_date(p(10))
                .with_url("https://example.org/kek.pdf")
                .with_media_type("application/pdf");
            doc.language = Some("de".into());
            doc.publisher = Some(t(h(4)));
            doc.issue = Some("02/2016".into());
            doc.pages = Some("2".into());
            doc.authors = vec!["lk".into()];
            doc.description = Some(t(h(5)));
            doc
        },
        Document::new("doc2", DocumentKind::PressArticle, t(h(6))),
    ];
    c.swot = vec![Swot {
        id: "swot1".into(),
        title: Some(t(h(7))),
        field: Some("hf1".into()),
        topics: vec![t(h(8))],
        strengths: vec![t(h(9)), bi(h(10))],
        weaknesses: vec![t(h(11))],
        opportunities: vec![t(h(12))],
        threats: vec![t(h(13))],
        document: Some("doc1".into()),
    }];
    c.process_funding = vec![Funding::programme(FundingProgramme::State).with_share_percent(100.0)];
    c.challenges = vec![Challenge {
        text: t(h(14)),
        details: vec![t(h(0)), bi(h(1))],
    }];
    // Format 1.1: each addition once, so that the round trips cover it.
    c.territory.seat = Some(t("Helmstedt"));
    c.guiding_principles = vec![t(h(2)), bi(h(3))];
    c.fields[0].guiding_principles = vec![t(h(4))];
    c.measures[0].milestones = vec![
        Milestone::new(t("Ergebnis der Wirtschaftlichkeitsuntersuchung"))
            .expected_in(p(3))
            .reached_on(d(2025, 3, 28)),
        Milestone::new(bi(h(5))),
    ];
    c.actors[0].commissioned = vec![Commission {
        contractor: "lg".into(),
        task: Some(t("externe Prozessbegleitung")),
    }];
    c.events[0].occasion = Some(t("im Rahmen der Kreistagssitzung"));
    c.events[0].occurrences = Some(2);
    c.events[0].duration = Some(TimeSpan::new(15, DurationUnit::Months));
    c.events[0].audience.push(Audience::ChildrenAndYouth);
    c.resolutions[0].number = Some("KT/0123/2018".into());
    c.resolutions[0].budget = vec![BudgetLink {
        year: 2019,
        account: Some("1.1.1.01".into()),
        note: Some(t(h(6))),
    }];
    c.resolutions[0].consultations[0].session = Some("12. Sitzung".into());
    c.resolutions[1].consultations.push(
        Consultation::new("kt", ConsultationRole::Decide)
            .with_votes(Votes::default().with_no(7).with_abstain(1)),
    );
    c.resolutions[1].consultations[0].period =
        Some(Period::part_of(YearPart::Late, Period::quarter(2025, 1)));
    c.resolutions[1].consultations[0].planned_period = Some(Period::between(
        Period::month(2019, 6),
        Period::part_of_year(2020, YearPart::Early),
    ));
    c.measures[0].milestones[1].expected = Some(Period::deadline(Period::month(2018, 10)));
    c.reporting = vec![
        Reporting::new(ReportingKind::CouncilReport)
            .with_frequency(Frequency::Annual)
            .to_body("kt")
            .with_note(t(h(7))),
        Reporting {
            last_updated: Some(d(2024, 11, 13)),
            url: Some("https://example.org/projekte".into()),
            document: Some("doc1".into()),
            ..Reporting::new(ReportingKind::OnlineProjectList).since(2019)
        },
    ];
    c.coverage = vec![Coverage {
        document: Some("doc1".into()),
        ..Coverage::partial(Collection::Measures)
            .with_total(35)
            .kept_in(t("Anlage 2"))
    }];
    c.validate()
        .unwrap_or_else(|e| panic!("full concept is invalid: {e}"));
    c
}

/// How to treat a missing `xmllint`: skip with a notice, or fail under CI.
pub fn xmllint() -> Option<&'static str> {
    let found = Command::new("xmllint").arg("--version").output().is_ok();
    if found {
        return Some("xmllint");
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "xmllint is missing but CI is set: install it (apt-get install libxml2-utils) \
             so the XML schema tests can run"
        );
    }
    eprintln!(
        "notice: xmllint not found; skipping XML Schema validation \
         (install libxml2-utils; with CI set this test fails instead)"
    );
    None
}

/// Validates `xml` against the shipped XSD with xmllint; the error output
/// when it is not valid.
pub fn xmllint_validate(xml: &[u8], name: &str) -> Result<(), String> {
    let dir =
        std::env::temp_dir().join(format!("kreisentwicklung-xml-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(name);
    std::fs::File::create(&file)
        .and_then(|mut f| f.write_all(xml))
        .unwrap();
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--nonet")
        .arg("--schema")
        .arg(xsd_path())
        .arg(&file)
        .output()
        .expect("run xmllint");
    let _ = std::fs::remove_file(&file);
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// The path of a file under the crate's `tests/` directory.
pub fn test_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(name)
}
