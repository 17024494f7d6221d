//! Synthetic concepts of any size, for benchmarks, tests and demos.
//!
//! The shape follows the real concepts: a handful of fields of action, a
//! three-level goal tree (Oberziel → Unterziel → Teilziel), measures linked
//! to one to three goals with leads, partners, periods, status history,
//! costs, funding and budget lines, indicators with a baseline, a target and
//! about ten observations each, participation events and resolutions. The
//! same options always give the same concept, and it is valid.
//!
//! ```
//! use kreisentwicklung_core::generate::{generate, GeneratorOptions};
//!
//! let c = generate(&GeneratorOptions::new(500).seed(7));
//! assert_eq!(c.measures.len(), 500);
//! assert!(c.validate().is_ok());
//! assert_eq!(c, generate(&GeneratorOptions::new(500).seed(7)));
//! ```

use crate::{
    Actor, ActorKind, AdoptionSubject, Audience, CodeList, Concept, ConceptKind, ConceptStatus,
    Consultation, ConsultationRole, CountyRole, Date, Direction, Document, DocumentKind, Euro,
    Event, EventKind, FieldOfAction, Funding, FundingProgramme, Goal, Horizon, Indicator, Measure,
    MeasureStatus, Outcome, ParticipantCount, Period, Priority, Resolution, ResolutionKind, State,
    Territory, Text, TimeHorizon, Vision, Votes,
};

/// The most measures [`generate`] is meant for: a million measures are
/// about 3 GB of indented JSON and several GB of memory. Larger requests
/// are refused by the command line before anything is allocated; callers of
/// [`generate`] should check it too, as memory for all measures is reserved
/// at once.
pub const MAX_MEASURES: usize = 1_000_000;

/// How large a concept to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GeneratorOptions {
    /// Number of measures.
    pub measures: usize,
    /// Observations per indicator.
    pub observations_per_indicator: usize,
    /// The seed; the same seed gives the same concept.
    pub seed: u64,
}

impl GeneratorOptions {
    /// Options for a catalogue of `measures` measures, seed 1, ten
    /// observations per indicator (100,000 measures give a million values).
    pub fn new(measures: usize) -> Self {
        GeneratorOptions {
            measures,
            observations_per_indicator: 10,
            seed: 1,
        }
    }

    /// Sets the seed.
    #[must_use]
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Sets the number of observations per indicator.
    #[must_use]
    pub fn observations_per_indicator(mut self, n: usize) -> Self {
        self.observations_per_indicator = n;
        self
    }
}

/// SplitMix64: tiny, fast and good enough for synthetic data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const FIELDS: &[&str] = &[
    "Wirtschaft & Innovation",
    "Bildung & Qualifikation",
    "Lebenswerter Landkreis",
    "Infrastruktur & Mobilität",
    "Klima, Umwelt und Natur",
    "Tourismus, Freizeit und Kultur",
    "Gesundheit und Versorgung",
    "Bauen und Wohnen",
];

const TOPICS: &[&str] = &[
    "Breitbandausbau",
    "Fachkräftesicherung",
    "Radwegenetz",
    "Nahversorgung",
    "Hausarztversorgung",
    "Ehrenamt",
    "Klimaschutz",
    "Gewerbeflächen",
    "ÖPNV-Takt",
    "Kita-Plätze",
    "Digitale Verwaltung",
    "Dorfentwicklung",
];

const VERBS: &[&str] = &[
    "stärken",
    "ausbauen",
    "sichern",
    "entwickeln",
    "vernetzen",
    "fördern",
];

const UNITS: &[(&str, Direction)] = &[
    ("%", Direction::HigherIsBetter),
    ("EUR", Direction::HigherIsBetter),
    ("Personen", Direction::HigherIsBetter),
    ("Mbit/s", Direction::HigherIsBetter),
    ("t CO2", Direction::LowerIsBetter),
    ("Minuten", Direction::LowerIsBetter),
];

/// What the measure loop draws for an indicator, built after the measures.
struct PlannedIndicator {
    measure: usize,
    unit: &'static str,
    direction: Direction,
    base: f64,
}

fn date(year: i32, month: u8, day: u8) -> Date {
    Date::from_ymd(year, month, day).unwrap_or_else(|_| Date::from_ymd(2020, 1, 1).expect("valid"))
}

/// Generates a valid concept of the given size.
pub fn generate(options: &GeneratorOptions) -> Concept {
    let mut rng = Rng(options.seed);
    let n = options.measures;
    let mut c = Concept::new(
        format!("kek-synthetisch-{}", options.seed),
        format!(
            "Kreisentwicklungskonzept Musterkreis {} (synthetisch)",
            options.seed
        ),
        ConceptKind::Kek,
        Territory::landkreis("Musterkreis")
            .with_key("03999")
            .with_state(State::Niedersachsen),
    )
    .with_status(ConceptStatus::InImplementation)
    .with_horizon(Horizon::Year { year: 2035 })
    .with_revision_cycle_years(5)
    .with_vision("Der Musterkreis ist ein lebenswerter, innovativer und vernetzter Landkreis.");
    c.goal_levels = vec!["Oberziel".into(), "Unterziel".into(), "Teilziel".into()];

    // Actors: council bodies, administrative units, municipalities, partners.
    c.actors
        .push(Actor::new("kreistag", ActorKind::Council, "Kreistag"));
    c.actors.push(Actor::new(
        "kreisausschuss",
        ActorKind::MainCommittee,
        "Kreisausschuss",
    ));
    c.actors.push(Actor::new(
        "ausschuss-kreisentwicklung",
        ActorKind::Committee,
        "Ausschuss für Kreisentwicklung",
    ));
    c.actors.push(
        Actor::new("landrat", ActorKind::Person, "Landrätin Muster").with_function("Landrätin"),
    );
    let units = 8 + n / 500;
    for i in 0..units {
        c.actors.push(Actor::new(
            format!("fd{i}"),
            ActorKind::AdministrativeUnit,
            format!("Fachdienst {}", i + 1),
        ));
    }
    let municipalities = 10 + n / 1000;
    for i in 0..municipalities {
        c.actors.push(Actor::new(
            format!("gem{i}"),
            ActorKind::Municipality,
            format!("Gemeinde {}", i + 1),
        ));
    }
    let lead_ids: Vec<String> = (0..units).map(|i| format!("fd{i}")).collect();
    let partner_ids: Vec<String> = (0..municipalities).map(|i| format!("gem{i}")).collect();

    // Fields and the goal tree: 3 Oberziele per field, 3 Unterziele each,
    // and enough Teilziele to give about one per ten measures.
    let field_count = FIELDS.len().min(4 + n / 2000).max(4);
    let leaves_per_sub = (n / (field_count * 9 * 10)).clamp(1, 20);
    let mut leaf_goals: Vec<(String, usize)> = Vec::new();
    for (f, name) in FIELDS.iter().take(field_count).enumerate() {
        let fid = format!("hf{}", f + 1);
        c.fields.push(
            FieldOfAction::new(fid.clone(), *name)
                .with_number((f + 1).to_string())
                .with_vision(Vision::for_year(format!("Leitbild 2035 für {name}"), 2035)),
        );
        for o in 0..3 {
            let oid = format!("z{}-{}", f + 1, o + 1);
            let mut goal = Goal::new(
                oid.clone(),
                1,
                format!("{} {}", rng.pick(TOPICS), rng.pick(VERBS)),
            )
            .with_number(format!("{}.{}", f + 1, o + 1))
            .with_field(fid.clone());
            if rng.chance(70) {
                goal.priority = Some(*rng.pick(Priority::ALL));
            }
            c.goals.push(goal);
            for u in 0..3 {
                let uid = format!("{oid}-{}", u + 1);
                c.goals.push(
                    Goal::new(
                        uid.clone(),
                        2,
                        format!("{} {}", rng.pick(TOPICS), rng.pick(VERBS)),
                    )
                    .with_number(format!("{}.{}.{}", f + 1, o + 1, u + 1))
                    .with_parent(oid.clone())
                    .with_field(fid.clone()),
                );
                for t in 0..leaves_per_sub {
                    let tid = format!("{uid}-{}", t + 1);
                    c.goals.push(
                        Goal::new(
                            tid.clone(),
                            3,
                            format!("{} {}", rng.pick(TOPICS), rng.pick(VERBS)),
                        )
                        .with_number(format!("{}.{}.{}.{}", f + 1, o + 1, u + 1, t + 1))
                        .with_parent(uid.clone())
                        .with_field(fid.clone())
                        .with_focus_area(*rng.pick(TOPICS)),
                    );
                    leaf_goals.push((tid, f));
                }
            }
        }
    }

    // Measures with an indicator each (about one in ten without). The
    // indicators are drawn with their measure but built after all measures,
    // so that each collection lies together in memory, as in a concept read
    // from a file or a database table by table. Built side by side, each
    // measure's indicator lay between it and the next measure, and every
    // pass over one collection also fetched the other's cache lines
    // (validating 100,000 measures took twice as long; see BENCHMARKS.md).
    c.measures.reserve_exact(n);
    let mut planned: Vec<PlannedIndicator> = Vec::with_capacity(n);
    let mut noise_draws: Vec<u8> = Vec::with_capacity(n * options.observations_per_indicator);
    for i in 0..n {
        let (goal, f) = rng.pick(&leaf_goals).clone();
        let fid = format!("hf{}", f + 1);
        let prefix = ["W", "B", "L", "I", "K", "T", "G", "H"][f % 8];
        let id = format!("{prefix}{}", i + 1);
        let start = 2021 + rng.below(8) as i32;
        let mut m = Measure::new(
            id.clone(),
            format!("{} – Projekt {}", rng.pick(TOPICS), i + 1),
        )
        .with_number(id.clone())
        .with_goal(goal)
        .with_field(fid)
        .with_lead(rng.pick(&lead_ids).clone())
        .with_period(Period::year_range(start, start + 1 + rng.below(5) as i32));
        m.description = Some(Text::new(format!(
            "Die Maßnahme {} trägt zu den Zielen des Handlungsfeldes bei und wird mit den Kommunen umgesetzt.",
            i + 1
        )));
        for _ in 0..rng.below(3) {
            let (g, _) = rng.pick(&leaf_goals);
            if !m.goals.iter().any(|x| x == g.as_str()) {
                m.goals.push(g.as_str().into());
            }
        }
        for _ in 0..rng.below(4) {
            let p = rng.pick(&partner_ids);
            if !m.partners.iter().any(|x| x == p.as_str()) {
                m.partners.push(p.as_str().into());
            }
        }
        m.county_role = Some(*rng.pick(CountyRole::ALL));
        m.time_horizon = Some(*rng.pick(TimeHorizon::ALL));
        m.priority = Some(*rng.pick(Priority::ALL));
        let mut status = MeasureStatus::Planned;
        for u in 0..rng.below(4) {
            status = *rng.pick(&[
                MeasureStatus::NotStarted,
                MeasureStatus::InProgress,
                MeasureStatus::Completed,
            ]);
            m = m.with_status_update(
                date(
                    2022 + u as i32,
                    1 + rng.below(12) as u8,
                    1 + rng.below(28) as u8,
                ),
                status,
            );
        }
        if m.status.is_none() {
            m.status = Some(status);
        }
        let cost = 10_000 + rng.below(2_000_000) as i64;
        m = m.with_costs(Euro::from_euros(cost));
        if rng.chance(60) {
            m = m.with_funding(
                Funding::programme(*rng.pick(FundingProgramme::ALL))
                    .with_share_percent([50.0, 65.0, 80.0, 90.0][rng.below(4)]),
            );
        }
        for y in 0..rng.below(3) {
            m = m.with_budget_line(start + y as i32, Euro::from_cents(cost * 100 / 3));
        }
        if rng.chance(90) {
            let (unit, direction) = *rng.pick(UNITS);
            let base = 10.0 + rng.below(900) as f64;
            for _ in 0..options.observations_per_indicator {
                noise_draws.push(rng.below(100) as u8);
            }
            planned.push(PlannedIndicator {
                measure: i,
                unit,
                direction,
                base,
            });
            m = m.with_indicator(format!("ind-{}", i + 1));
        }
        c.measures.push(m);
    }
    c.indicators.reserve_exact(planned.len());
    let mut noise_draws = noise_draws.into_iter();
    for plan in planned {
        let PlannedIndicator {
            measure: i,
            unit,
            direction,
            base,
        } = plan;
        let target = match direction {
            Direction::HigherIsBetter => base * 1.5,
            Direction::LowerIsBetter => base * 0.5,
        };
        let mut ind = Indicator::new(
            format!("ind-{}", i + 1),
            format!("Kennzahl zu Maßnahme {}", i + 1),
            unit,
            direction,
        )
        .with_baseline(base, Period::year(2020))
        .with_target(target, Period::year(2035));
        ind.source = Some("Statistisches Landesamt".into());
        ind.observations
            .reserve_exact(options.observations_per_indicator);
        let step = (target - base) / 15.0;
        for (k, draw) in (0..options.observations_per_indicator).zip(&mut noise_draws) {
            let noise = (f64::from(draw) - 50.0) / 100.0 * step.abs();
            let value = ((base + step * (k + 1) as f64 + noise) * 100.0).round() / 100.0;
            let year = 2021 + (k / 4) as i32;
            let quarter = (k % 4) as u8 + 1;
            ind = ind.with_observation(value, Period::quarter(year, quarter));
        }
        c.indicators.push(ind);
    }

    // Participation: a kick-off, expert workshops per field, forums.
    let events = 10 + n / 100;
    for i in 0..events {
        let kind = *rng.pick(&[
            EventKind::ExpertWorkshop,
            EventKind::ExpertForum,
            EventKind::KickOff,
            EventKind::FutureConference,
            EventKind::WorkingGroupMeeting,
            EventKind::DiscussionForum,
        ]);
        let year = 2019 + rng.below(3) as i32;
        let mut e = Event::new(format!("ev{}", i + 1), kind)
            .with_title(format!("{} {}", kind.label(crate::Language::De), i + 1))
            .with_period(Period::day(date(
                year,
                1 + rng.below(12) as u8,
                1 + rng.below(28) as u8,
            )));
        e.audience.push(*rng.pick(Audience::ALL));
        e.participant_count = Some(ParticipantCount {
            value: 10 + rng.below(200) as u32,
            approximate: rng.chance(50),
            text: None,
        });
        e.fields
            .push(format!("hf{}", 1 + rng.below(field_count)).into());
        e.participants.push(crate::Participant {
            actor: rng.pick(&lead_ids).as_str().into(),
            role: None,
        });
        c.events.push(e);
    }

    c.documents.push(
        Document::new("endbericht", DocumentKind::FinalReport, "Endbericht")
            .with_date(Period::year(2021))
            .with_media_type("application/pdf"),
    );
    c.resolutions.push(
        Resolution::new(
            "beschluss-kek",
            ResolutionKind::Resolution,
            "Beschluss des Kreisentwicklungskonzeptes",
        )
        .with_paper("2021/123")
        .with_consultation(
            Consultation::new("ausschuss-kreisentwicklung", ConsultationRole::Recommend)
                .on(date(2021, 3, 2))
                .with_outcome(Outcome::Recommended),
        )
        .with_consultation(
            Consultation::new("kreistag", ConsultationRole::Decide)
                .on(date(2021, 3, 24))
                .with_outcome(Outcome::AdoptedByMajority)
                .with_votes(Votes::counted(38, 5, 3, 0)),
        )
        .adopting(AdoptionSubject::Concept),
    );
    c
}
