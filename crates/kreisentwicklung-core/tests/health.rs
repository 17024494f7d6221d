//! The health report: every finding code is triggered by a hand-built
//! concept and cleared by fixing it; the seed examples show what went wrong
//! in Helmstedt; the report never panics.

use kreisentwicklung_core::health::{
    in_force_since, review_due, FindingCode, FindingView, HealthOptions, Severity, StartBasis,
};
use kreisentwicklung_core::*;

fn ymd(y: i32, m: u8, d: u8) -> Date {
    Date::from_ymd(y, m, d).expect("a real date")
}

fn today() -> Date {
    ymd(2025, 6, 30)
}

fn options() -> HealthOptions {
    HealthOptions::new(today())
}

/// A concept without any finding: prioritised goals served by measures
/// with leads, indicators and fresh status; public participation; adopted
/// in 2023 with a five-year cycle and a horizon of 2035.
fn healthy() -> Concept {
    Concept::new(
        "kek",
        "Kreisentwicklungskonzept 2035",
        ConceptKind::Kek,
        Territory::landkreis("Beispiel"),
    )
    .with_status(ConceptStatus::InImplementation)
    .with_horizon(Horizon::Year { year: 2035 })
    .with_revision_cycle_years(5)
    .with_actor(Actor::new("kt", ActorKind::Council, "Kreistag"))
    .with_actor(Actor::new("ka", ActorKind::MainCommittee, "Kreisausschuss"))
    .with_actor(Actor::new(
        "wf",
        ActorKind::AdministrativeUnit,
        "Wirtschaftsförderung",
    ))
    .with_actor(Actor::new("gem", ActorKind::Municipality, "Stadt Beispiel"))
    .with_field(FieldOfAction::new("hf1", "Wirtschaft"))
    .with_goal(
        Goal::new("oz1", 1, "Starke Wirtschaft")
            .with_number("1")
            .with_field("hf1")
            .with_priority(Priority::High),
    )
    .with_goal(
        Goal::new("uz1-1", 2, "Gründungen fördern")
            .with_number("1.1")
            .with_parent("oz1")
            .with_priority(Priority::Medium),
    )
    .with_indicator(
        Indicator::new(
            "i1",
            "Gründungen je Jahr",
            "Anzahl",
            Direction::HigherIsBetter,
        )
        .with_baseline(100.0, Period::year(2022))
        .with_target(150.0, Period::year(2030))
        .with_observation(120.0, Period::year(2024)),
    )
    .with_indicator(
        Indicator::new("i2", "Leerstand Gewerbe", "%", Direction::LowerIsBetter)
            .with_baseline(12.0, Period::year(2022))
            .with_target(6.0, Period::year(2030)),
    )
    .with_measure(
        Measure::new("W1", "Gründerzentrum")
            .with_number("W1")
            .with_goal("uz1-1")
            .with_lead("wf")
            .with_indicator("i1")
            .with_status_update(ymd(2025, 1, 10), MeasureStatus::InProgress),
    )
    .with_measure(
        Measure::new("W2", "Leerstandsmanagement")
            .with_number("W2")
            .with_goal("oz1")
            .with_lead("gem")
            .with_indicator("i2"),
    )
    .with_event(
        Event::new("auftakt", EventKind::KickOff)
            .with_period(Period::day(ymd(2022, 2, 12)))
            .with_audience(Audience::Citizens),
    )
    .with_resolution(
        Resolution::new("beschluss", ResolutionKind::Resolution, "Beschluss des KEK")
            .with_consultation(
                Consultation::new("ka", ConsultationRole::Recommend)
                    .on(ymd(2023, 2, 1))
                    .with_outcome(Outcome::Recommended),
            )
            .with_consultation(
                Consultation::new("kt", ConsultationRole::Decide)
                    .on(ymd(2023, 3, 1))
                    .with_outcome(Outcome::Adopted),
            )
            .adopting(AdoptionSubject::Concept),
    )
}

fn codes(c: &Concept, o: &HealthOptions) -> Vec<(FindingCode, String)> {
    c.health_report(o)
        .findings
        .into_iter()
        .map(|f| (f.code, f.path.into()))
        .collect()
}

fn paths_of(c: &Concept, o: &HealthOptions, code: FindingCode) -> Vec<String> {
    c.health_report(o)
        .with_code(code)
        .map(|f| f.path.to_string())
        .collect()
}

#[track_caller]
fn assert_only(c: &Concept, o: &HealthOptions, code: FindingCode, paths: &[&str]) {
    let found = codes(c, o);
    let expected: Vec<(FindingCode, String)> =
        paths.iter().map(|p| (code, (*p).to_owned())).collect();
    assert_eq!(found, expected);
}

#[track_caller]
fn assert_clear(c: &Concept, o: &HealthOptions) {
    let report = c.health_report(o);
    assert!(
        report.is_empty(),
        "expected no findings, got:\n{}",
        report
            .findings
            .iter()
            .map(|f| f.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_healthy_concept_is_valid_and_has_no_findings() {
    let c = healthy();
    c.validate().expect("valid");
    assert_clear(&c, &options());
}

// ---------------------------------------------------------------------------
// One test per code: trigger, then fix
// ---------------------------------------------------------------------------

#[test]
fn no_measures() {
    let mut c = healthy();
    c.measures.clear();
    let report = c.health_report(&options());
    let f = report.with_code(FindingCode::NoMeasures).next().unwrap();
    assert_eq!(f.path, "measures");
    assert_eq!(f.severity, Severity::Error);
    assert!(report.has_errors());
    // Every goal is still reported on its own (Helmstedt: goals without measures).
    assert_eq!(
        paths_of(&c, &options(), FindingCode::GoalWithoutMeasures),
        ["goals[oz1]", "goals[uz1-1]"]
    );

    assert!(!healthy().health_report(&options()).has_errors());
    // A concept with nothing in it yet has nothing to implement either way.
    let empty = Concept::new("e", "KEK", ConceptKind::Kek, Territory::landkreis("X"));
    assert!(paths_of(&empty, &options(), FindingCode::NoMeasures).is_empty());
}

#[test]
fn goal_without_measures() {
    let mut c = healthy();
    c.goals.push(
        Goal::new("uz1-2", 2, "Fachkräfte sichern")
            .with_number("1.2")
            .with_parent("oz1")
            .with_priority(Priority::Low),
    );
    assert_only(
        &c,
        &options(),
        FindingCode::GoalWithoutMeasures,
        &["goals[uz1-2]"],
    );
    let f = c.health_report(&options()).findings.remove(0);
    assert!(
        f.message.de.contains("1.2 „Fachkräfte sichern“"),
        "{}",
        f.message.de
    );
    assert!(
        f.message.en.contains("1.2 \"Fachkräfte sichern\""),
        "{}",
        f.message.en
    );

    c.measures[1].goals.push(Id::new("uz1-2"));
    assert_clear(&c, &options());
}

#[test]
fn a_goal_served_through_its_sub_goals_has_measures() {
    let mut c = healthy();
    // W2 no longer serves oz1 directly; oz1 is still served through uz1-1.
    c.measures[1].goals = vec![Id::new("uz1-1")];
    assert_clear(&c, &options());
    // Without any measure on the branch both goals are reported, the parent
    // with a message that names its sub-goals.
    c.measures[0].goals.clear();
    c.measures[1].goals.clear();
    let report = c.health_report(&options());
    let goals: Vec<_> = report.with_code(FindingCode::GoalWithoutMeasures).collect();
    assert_eq!(goals.len(), 2);
    assert!(goals[0].message.en.contains("or any of its sub-goals"));
    assert!(!goals[1].message.en.contains("sub-goals"));
}

#[test]
fn measure_without_goal() {
    let mut c = healthy();
    c.measures[0].goals.clear();
    c.measures[1].goals.push(Id::new("uz1-1")); // keep uz1-1 served
    assert_only(
        &c,
        &options(),
        FindingCode::MeasureWithoutGoal,
        &["measures[W1]"],
    );
    // A goal that does not exist does not count.
    c.measures[0].goals.push(Id::new("ghost"));
    assert_eq!(
        paths_of(&c, &options(), FindingCode::MeasureWithoutGoal),
        ["measures[W1]"]
    );
    c.measures[0].goals = vec![Id::new("uz1-1")];
    assert_clear(&c, &options());
    // With no goal system at all, every measure that names a goal names one
    // that does not exist.
    c.goals.clear();
    let all: Vec<String> = c
        .measures
        .iter()
        .map(|m| format!("measures[{}]", m.id))
        .collect();
    assert!(!all.is_empty());
    assert_eq!(
        paths_of(&c, &options(), FindingCode::MeasureWithoutGoal),
        all
    );
}

#[test]
fn measure_without_lead() {
    let mut c = healthy();
    c.measures[1].lead = None;
    assert_only(
        &c,
        &options(),
        FindingCode::MeasureWithoutLead,
        &["measures[W2]"],
    );
    c.measures[1].lead = Some(Id::new("ghost"));
    let report = c.health_report(&options());
    let f = report
        .with_code(FindingCode::MeasureWithoutLead)
        .next()
        .unwrap();
    assert!(f.message.en.contains("\"ghost\""), "{}", f.message.en);
    c.measures[1].lead = Some(Id::new("gem"));
    assert_clear(&c, &options());
}

#[test]
fn measure_without_indicator() {
    let mut c = healthy();
    c.measures[0].indicators.clear();
    assert_only(
        &c,
        &options(),
        FindingCode::MeasureWithoutIndicator,
        &["measures[W1]"],
    );
    c.measures[0].indicators.push(Id::new("ghost"));
    assert_eq!(
        paths_of(&c, &options(), FindingCode::MeasureWithoutIndicator),
        ["measures[W1]"]
    );
    c.measures[0].indicators = vec![Id::new("i1")];
    assert_clear(&c, &options());
}

#[test]
fn stale_status() {
    let mut c = healthy();
    c.measures[0].status_history[0].date = ymd(2024, 6, 29); // 366 days before
    assert_only(&c, &options(), FindingCode::StaleStatus, &["measures[W1]"]);
    // Exactly 365 days is not stale yet.
    c.measures[0].status_history[0].date = ymd(2024, 6, 30);
    assert_clear(&c, &options());
    // The threshold is the caller's.
    assert_only(
        &c,
        &options().with_stale_after_days(100),
        FindingCode::StaleStatus,
        &["measures[W1]"],
    );
    // A newer update clears it.
    c.measures[0] = c.measures[0]
        .clone()
        .with_status_update(ymd(2025, 5, 1), MeasureStatus::InProgress);
    assert_clear(&c, &options().with_stale_after_days(100));
    // A completed measure needs no further updates.
    let mut done = healthy();
    done.measures[0] = Measure::new("W1", "Gründerzentrum")
        .with_goal("uz1-1")
        .with_lead("wf")
        .with_indicator("i1")
        .with_status_update(ymd(2020, 1, 1), MeasureStatus::Completed);
    assert_clear(&done, &options());
}

#[test]
fn indicator_without_baseline() {
    let mut c = healthy();
    c.indicators[1].baseline = None;
    assert_only(
        &c,
        &options(),
        FindingCode::IndicatorWithoutBaseline,
        &["indicators[i2]"],
    );
    let report = c.health_report(&options());
    assert_eq!(report.count(Severity::Info), 1);
    assert!(!report.has_errors());
    c.indicators[1].baseline = Some(Baseline {
        value: 12.0,
        period: Some(Period::year(2022)),
    });
    assert_clear(&c, &options());
}

#[test]
fn indicator_without_target() {
    let mut c = healthy();
    c.indicators[0].targets.clear();
    assert_only(
        &c,
        &options(),
        FindingCode::IndicatorWithoutTarget,
        &["indicators[i1]"],
    );
    c.indicators[0] = c.indicators[0]
        .clone()
        .with_target(150.0, Period::year(2030));
    assert_clear(&c, &options());
}

#[test]
fn no_goal_priorities() {
    let mut c = healthy();
    for g in &mut c.goals {
        g.priority = None;
    }
    assert_only(&c, &options(), FindingCode::NoGoalPriorities, &["goals"]);
    // One prioritised goal is a start.
    c.goals[1].priority = Some(Priority::Low);
    assert_clear(&c, &options());
}

fn led_by(c: &mut Concept, leads: &[&str]) {
    let template = c.measures[0].clone();
    c.measures = leads
        .iter()
        .enumerate()
        .map(|(i, lead)| {
            let mut m = template.clone();
            m.id = Id::new(format!("M{i}"));
            m.lead = Some(Id::new(*lead));
            m.goals = vec![Id::new("oz1"), Id::new("uz1-1")];
            m
        })
        .collect();
}

#[test]
fn single_actor_catalogue() {
    let mut c = healthy();
    // 4 of 5 measures (80 %) led by the Wirtschaftsförderung.
    led_by(&mut c, &["wf", "wf", "gem", "wf", "wf"]);
    assert_only(
        &c,
        &options(),
        FindingCode::SingleActorCatalogue,
        &["measures"],
    );
    let report = c.health_report(&options());
    let f = report.findings.first().unwrap();
    assert!(f.message.de.contains("4 von 5"), "{}", f.message.de);
    assert!(
        f.message.de.contains("Wirtschaftsförderung"),
        "{}",
        f.message.de
    );
    // 3 of 5 (60 %) is fine.
    led_by(&mut c, &["wf", "gem", "gem", "wf", "wf"]);
    assert_clear(&c, &options());
    // Four measures all led by one actor are too few to judge.
    led_by(&mut c, &["wf", "wf", "wf", "wf"]);
    assert_clear(&c, &options());
    // Measures without a lead do not dilute the share.
    led_by(&mut c, &["wf", "wf", "wf", "wf", "wf", "gem"]);
    assert_only(
        &c,
        &options(),
        FindingCode::SingleActorCatalogue,
        &["measures"],
    );
    // The caller can change share and minimum.
    assert_clear(&c, &options().with_single_actor(0.9, 5));
    led_by(&mut c, &["wf", "wf", "wf"]);
    assert_only(
        &c,
        &options().with_single_actor(0.8, 3),
        FindingCode::SingleActorCatalogue,
        &["measures"],
    );
}

#[test]
fn no_public_participation() {
    let mut c = healthy();
    c.events[0].audience = vec![Audience::Administration, Audience::Politics];
    assert_only(
        &c,
        &options(),
        FindingCode::NoPublicParticipation,
        &["events"],
    );
    c.events.clear();
    assert_only(
        &c,
        &options(),
        FindingCode::NoPublicParticipation,
        &["events"],
    );
    // Municipalities count as public participation, as citizens do.
    c = c.with_event(Event::new("hvb", EventKind::Meeting).with_audience(Audience::Municipalities));
    assert_clear(&c, &options());
}

#[test]
fn review_overdue() {
    let mut c = healthy(); // adopted 01.03.2023, cycle 5 years
    c.measures[0].status_history[0].date = ymd(2028, 1, 1); // not stale in 2028
    assert_eq!(review_due(&c, &options()), Some(ymd(2028, 3, 1)));
    assert_clear(&c, &HealthOptions::new(ymd(2028, 3, 1)));
    let late = HealthOptions::new(ymd(2028, 3, 2));
    assert_only(
        &c,
        &late,
        FindingCode::ReviewOverdue,
        &["revisionCycleYears"],
    );
    let f = c.health_report(&late).findings.remove(0);
    assert!(f.message.de.contains("01.03.2023"), "{}", f.message.de);
    assert!(f.message.en.contains("2028-03-01"), "{}", f.message.en);

    // Starting the revision clears it.
    let under_review = c.clone().with_status(ConceptStatus::UnderReview);
    assert_clear(&under_review, &late);
    // Without a revision cycle there is nothing to be overdue, unless the
    // caller sets a default.
    let mut no_cycle = c.clone();
    no_cycle.revision_cycle_years = None;
    assert_clear(&no_cycle, &late);
    assert_only(
        &no_cycle,
        &HealthOptions::new(ymd(2028, 3, 2)).with_default_revision_cycle_years(5),
        FindingCode::ReviewOverdue,
        &["revisionCycleYears"],
    );
}

#[test]
fn review_overdue_falls_back_to_the_edition_year() {
    let mut c = healthy();
    c.resolutions.clear(); // no adoption date
    assert_eq!(in_force_since(&c), None);
    c.edition = Some(Edition {
        number: Some(2),
        year: Some(2020),
        label: None,
    });
    let since = in_force_since(&c).unwrap();
    assert_eq!(
        (since.date, since.basis),
        (ymd(2020, 12, 31), StartBasis::Edition)
    );
    assert_clear(&c, &HealthOptions::new(ymd(2025, 12, 31)));
    assert_only(
        &c,
        &HealthOptions::new(ymd(2026, 1, 1)),
        FindingCode::ReviewOverdue,
        &["revisionCycleYears"],
    );
    // A draft's edition year is not an adoption.
    let draft = c.clone().with_status(ConceptStatus::Draft);
    assert_eq!(in_force_since(&draft), None);
}

#[test]
fn short_horizon() {
    let mut c = healthy(); // adopted 2023: budget year 2024, financial plan to 2027
    c.horizon = Some(Horizon::Year { year: 2027 });
    assert_only(&c, &options(), FindingCode::ShortHorizon, &["horizon"]);
    let f = c.health_report(&options()).findings.remove(0);
    assert!(f.message.de.contains("bis 2027"), "{}", f.message.de);
    c.horizon = Some(Horizon::Range {
        from: 2023,
        to: 2028,
    });
    assert_clear(&c, &options());
    c.horizon = Some(Horizon::OpenEnded { from: 2025 });
    assert_clear(&c, &options());
    // The length of the financial plan is the caller's.
    c.horizon = Some(Horizon::Year { year: 2028 });
    assert_only(
        &c,
        &options().with_budget_planning_years(4),
        FindingCode::ShortHorizon,
        &["horizon"],
    );
}

#[test]
fn short_horizon_judges_the_measures_when_there_is_no_horizon() {
    let mut c = healthy();
    c.horizon = None;
    // No measure has a period: nothing to judge.
    assert_clear(&c, &options());
    c.measures[0].period = Some(Period::year_range(2024, 2026));
    c.measures[1].period = Some(Period::year(2027));
    assert_only(&c, &options(), FindingCode::ShortHorizon, &["measures"]);
    c.measures[1].period = Some(Period::year_range(2025, 2030));
    assert_clear(&c, &options());
    c.measures[1].period = Some(Period::since(Period::year(2024)));
    assert_clear(&c, &options());
    c.measures[1].period = Some(Period::year(2026));
    c.measures[1].time_horizon = Some(TimeHorizon::Long);
    assert_clear(&c, &options());
}

#[test]
fn resolution_without_outcome() {
    let mut c = healthy();
    c.resolutions.push(
        Resolution::new("katalog", ResolutionKind::Resolution, "Projektkatalog").with_consultation(
            Consultation::new("kt", ConsultationRole::Decide).on(ymd(2025, 5, 7)),
        ),
    );
    assert_only(
        &c,
        &options(),
        FindingCode::ResolutionWithoutOutcome,
        &["resolutions[katalog].consultations[0]"],
    );
    // A meeting still ahead needs no outcome yet.
    c.resolutions[1].consultations[0].date = Some(ymd(2025, 9, 1));
    assert_clear(&c, &options());
    // Planned in the past, but neither held nor decided.
    c.resolutions[1].consultations[0].date = None;
    c.resolutions[1].consultations[0].planned_date = Some(ymd(2025, 3, 1));
    assert_only(
        &c,
        &options(),
        FindingCode::ResolutionWithoutOutcome,
        &["resolutions[katalog].consultations[0]"],
    );
    // Recording the outcome clears it.
    c.resolutions[1].consultations[0].date = Some(ymd(2025, 3, 1));
    c.resolutions[1].consultations[0].outcome = Some(Outcome::Adopted);
    assert_clear(&c, &options());
}

#[test]
fn a_step_without_outcome_before_a_decided_step_is_immaterial() {
    let mut c = healthy();
    c.resolutions[0].consultations[0].outcome = None;
    assert_clear(&c, &options());
    // …but not when the later step is open too.
    c.resolutions[0].consultations[1].outcome = None;
    assert_eq!(
        paths_of(&c, &options(), FindingCode::ResolutionWithoutOutcome),
        [
            "resolutions[beschluss].consultations[0]",
            "resolutions[beschluss].consultations[1]"
        ]
    );
}

#[test]
fn a_resolution_left_submitted_for_long_has_no_outcome() {
    let mut c = healthy();
    c.resolutions.push(
        Resolution::new("katalog", ResolutionKind::Resolution, "Projektkatalog").with_consultation(
            Consultation::new("kt", ConsultationRole::Decide)
                .on(ymd(2025, 3, 31))
                .with_outcome(Outcome::Submitted),
        ),
    );
    // 91 days after submission.
    assert_only(
        &c,
        &options(),
        FindingCode::ResolutionWithoutOutcome,
        &["resolutions[katalog].consultations[0]"],
    );
    // 90 days is not long yet; the caller can change it.
    assert_clear(&c, &HealthOptions::new(ymd(2025, 6, 29)));
    assert_clear(&c, &options().with_pending_outcome_days(120));
}

// ---------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------

fn neglected() -> Concept {
    let mut c = healthy();
    for g in &mut c.goals {
        g.priority = None;
    }
    c.measures[0].lead = None;
    c.indicators[1].targets.clear();
    c.indicators[1].baseline = None;
    c.events.clear();
    c.goals.push(Goal::new("oz2", 1, "Ohne Maßnahmen"));
    c
}

#[test]
fn findings_come_in_a_deterministic_order_errors_first() {
    let c = neglected();
    let report = c.health_report(&HealthOptions::new(ymd(2029, 1, 1)));
    let got: Vec<(Severity, &str, &str)> = report
        .findings
        .iter()
        .map(|f| (f.severity, f.code.as_str(), f.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (Severity::Warning, "no-goal-priorities", "goals"),
            (Severity::Warning, "no-public-participation", "events"),
            (Severity::Warning, "review-overdue", "revisionCycleYears"),
            (Severity::Warning, "goal-without-measures", "goals[oz2]"),
            (Severity::Warning, "measure-without-lead", "measures[W1]"),
            (Severity::Warning, "stale-status", "measures[W1]"),
            (
                Severity::Warning,
                "indicator-without-target",
                "indicators[i2]"
            ),
            (
                Severity::Info,
                "indicator-without-baseline",
                "indicators[i2]"
            ),
        ]
    );
    assert_eq!(report, Evaluation::new(&c, ymd(2029, 1, 1)).health_report());

    let mut c = c;
    c.measures.clear();
    let report = c.health_report(&options());
    assert_eq!(report.findings[0].code, FindingCode::NoMeasures);
    assert_eq!(report.count(Severity::Error), 1);
}

#[test]
fn report_helpers() {
    let report = neglected().health_report(&options());
    assert!(!report.has_errors());
    assert_eq!(
        report.count(Severity::Warning) + report.count(Severity::Info),
        report.findings.len()
    );
    let by_code = report.by_code();
    assert_eq!(by_code[&FindingCode::GoalWithoutMeasures].len(), 1);
    let keys: Vec<FindingCode> = by_code.keys().copied().collect();
    let mut sorted = keys.clone();
    sorted.sort_by_key(|k| FindingCode::ALL.iter().position(|c| c == k));
    assert_eq!(
        keys, sorted,
        "by_code follows the order of FindingCode::ALL"
    );
}

#[test]
fn json_views_have_exactly_severity_code_path_message() {
    let report = neglected().health_report(&options());
    let views: Vec<FindingView> = report.views(Language::De);
    let json = serde_json::to_value(&views).unwrap();
    let first = json[0].as_object().unwrap();
    let keys: Vec<&str> = first.keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 4);
    for k in ["severity", "code", "path", "message"] {
        assert!(first.contains_key(k), "{k}");
    }
    assert_eq!(json[0]["severity"], "warning");
    assert_eq!(json[0]["code"], "no-goal-priorities");
    assert_eq!(json[0]["path"], "goals");
    assert!(json[0]["message"]
        .as_str()
        .unwrap()
        .starts_with("Keines der"));
    let en = serde_json::to_value(report.views(Language::En)).unwrap();
    assert!(en[0]["message"]
        .as_str()
        .unwrap()
        .starts_with("None of the"));
    // The finding itself carries both languages.
    let both = serde_json::to_value(&report.findings[0]).unwrap();
    assert!(both["message"]["de"].is_string() && both["message"]["en"].is_string());
    // The whole report serializes as the array of findings.
    let all = serde_json::to_value(&report).unwrap();
    assert_eq!(all.as_array().unwrap().len(), report.findings.len());
}

#[test]
fn finding_display_names_severity_code_and_path() {
    let report = neglected().health_report(&options());
    assert_eq!(
        report.findings[0].to_string(),
        "warning[no-goal-priorities] goals: Keines der 3 Ziele hat eine Priorität; die Ziele sind nicht priorisiert."
    );
}

#[test]
fn every_code_is_documented_in_code_and_in_the_table() {
    let module = include_str!("../src/health/mod.rs");
    let mut seen = std::collections::HashSet::new();
    for &code in FindingCode::ALL {
        let s = code.as_str();
        assert!(seen.insert(s), "duplicate code {s}");
        assert!(
            s.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{s} is not kebab-case"
        );
        assert_eq!(s.parse::<FindingCode>(), Ok(code));
        assert_eq!(serde_json::to_value(code).unwrap(), s);
        for text in [
            code.description_de(),
            code.description_en(),
            code.fix_de(),
            code.fix_en(),
        ] {
            assert!(text.len() > 20, "{s}: {text:?}");
        }
        let row = format!("//! | `{s}` | {} |", code.severity().as_str());
        assert!(module.contains(&row), "the table lacks the row for {s}");
    }
    let rows = module.lines().filter(|l| l.starts_with("//! | `")).count();
    assert_eq!(rows, FindingCode::ALL.len(), "the table has extra rows");
    assert!("no-such-code".parse::<FindingCode>().is_err());
}

// ---------------------------------------------------------------------------
// Robustness
// ---------------------------------------------------------------------------

#[test]
fn invalid_concepts_do_not_panic_or_hang() {
    let mut c = neglected();
    // A cycle of parents, a self-parent, dangling references, duplicate ids.
    c.goals[0].parent = Some(Id::new("uz1-1"));
    c.goals
        .push(Goal::new("self", 1, "Selbst").with_parent("self"));
    c.goals.push(Goal::new("oz2", 1, "Doppelt"));
    c.goals.push(Goal::new("", 1, ""));
    c.measures.push(
        Measure::new("W1", "Doppelt")
            .with_goal("nope")
            .with_lead("nobody")
            .with_indicator("none"),
    );
    c.measures
        .push(Measure::new("bad id", "Fehlerhafte Kennung").with_goal("oz1"));
    c.actors
        .push(Actor::new("wf", ActorKind::Person, "Doppelt").with_organization("wf"));
    c.resolutions.push(
        Resolution::new("r", ResolutionKind::Resolution, "").with_consultation(Consultation {
            outcome: Some(Outcome::Submitted),
            ..Consultation::new("ghost", ConsultationRole::Decide)
        }),
    );
    c.revision_cycle_years = Some(255);
    c.edition = Some(Edition {
        number: None,
        year: Some(9999),
        label: None,
    });
    c.horizon = Some(Horizon::Year { year: i32::MAX });
    assert!(c.validate().is_err());
    let report = c.health_report(&HealthOptions::new(ymd(9999, 12, 31)));
    assert!(report.has(FindingCode::MeasureWithoutGoal));
    // A malformed id is named by position, as validation does.
    assert!(report
        .findings
        .iter()
        .any(|f| f.path == "measures[3]" && f.code == FindingCode::MeasureWithoutIndicator));
    let _ = c.health_report(&HealthOptions::new(ymd(1, 1, 1)));
}

#[test]
fn generated_concepts_are_checked_quickly_and_without_panics() {
    use kreisentwicklung_core::generate::{generate, GeneratorOptions};
    let c = generate(&GeneratorOptions::new(2_000).observations_per_indicator(3));
    let report = c.health_report(&HealthOptions::new(ymd(2026, 1, 1)));
    assert_eq!(
        report,
        c.health_report(&HealthOptions::new(ymd(2026, 1, 1)))
    );
}

// ---------------------------------------------------------------------------
// The seed examples
// ---------------------------------------------------------------------------

fn seed(name: &str) -> Concept {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(format!("{name}.json"));
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let doc: ConceptDocument = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{name}.json is not a concept document: {e}"));
    doc.concept
}

#[test]
fn helmstedt_shows_what_went_wrong() {
    let c = seed("helmstedt");
    // As of the committee meeting of 31.01.2023 that the seed presents.
    let report = c.health_report(&HealthOptions::new(ymd(2023, 1, 31)));
    // Zu wenige Maßnahmen: there is no catalogue at all, so every goal lacks measures.
    assert!(report.has(FindingCode::NoMeasures));
    assert!(report.has_errors());
    let goals: Vec<&str> = report
        .with_code(FindingCode::GoalWithoutMeasures)
        .map(|f| f.path.as_str())
        .collect();
    assert_eq!(goals.len(), c.goals.len());
    assert!(goals.contains(&"goals[oz1]"));
    assert!(goals.iter().all(|p| p.starts_with("goals[")));
    // Fehlende Priorisierung der Ziele.
    assert!(report.has(FindingCode::NoGoalPriorities));
    // Participation: the seed's events reach municipalities (the conference
    // of the mayors), so the check follows what the data records.
    let public = c.events.iter().any(Event::is_public);
    assert_eq!(report.has(FindingCode::NoPublicParticipation), !public);
    // Zeithorizont beschränkt auf die mittelfristige Finanzplanung: in 2023
    // the horizon 2026 does not reach past the financial plan (to 2027).
    assert!(report.has(FindingCode::ShortHorizon));
}

#[test]
fn bernkastel_wittlich_is_due_for_review_five_years_after_its_action_plan() {
    let c = seed("bernkastel-wittlich");
    assert_eq!(c.revision_cycle_years, Some(5));
    let since = in_force_since(&c).expect("the action plan is dated 2023");
    let due = review_due(&c, &HealthOptions::new(ymd(2025, 1, 1))).unwrap();
    assert_eq!(due.year(), since.date.year() + 5);
    let soon = c.health_report(&HealthOptions::new(ymd(2025, 1, 1)));
    assert!(!soon.has(FindingCode::ReviewOverdue));
    let later = c.health_report(&HealthOptions::new(ymd(2030, 1, 1)));
    let f = later.with_code(FindingCode::ReviewOverdue).next().unwrap();
    assert_eq!(f.path, "revisionCycleYears");
}

#[test]
fn nordsachsen_names_the_open_project_catalogue() {
    let c = seed("nordsachsen");
    let report = c.health_report(&HealthOptions::new(ymd(2025, 1, 1)));
    // The catalogue was submitted to the Kreistag on 30.06.2021; the seed
    // does not say it was adopted.
    assert!(report
        .with_code(FindingCode::ResolutionWithoutOutcome)
        .any(|f| f
            .path
            .as_str()
            .starts_with("resolutions[projektkatalog-2021]")));
    // Adopted 2021 with a horizon of 2030: long enough.
    assert!(!report.has(FindingCode::ShortHorizon));
}

#[test]
fn every_seed_gets_a_report_in_both_languages() {
    for name in [
        "hildesheim",
        "helmstedt",
        "bernkastel-wittlich",
        "ludwigslust-parchim",
        "nordsachsen",
    ] {
        let c = seed(name);
        let report = c.health_report(&HealthOptions::new(ymd(2025, 6, 30)));
        for f in &report.findings {
            assert!(
                !f.message.de.is_empty() && !f.message.en.is_empty(),
                "{name}: {f}"
            );
        }
    }
}

/// The seeds plus generated catalogues whose findings mix every severity.
fn concepts_with_findings() -> Vec<(String, Concept)> {
    let mut out: Vec<(String, Concept)> = [
        "hildesheim",
        "helmstedt",
        "bernkastel-wittlich",
        "ludwigslust-parchim",
        "nordsachsen",
    ]
    .iter()
    .map(|n| (n.to_string(), seed(n)))
    .collect();
    for (n, s) in [(0, 1), (40, 7), (300, 2030)] {
        let c = generate::generate(&generate::GeneratorOptions::new(n).seed(s));
        out.push((format!("generated {n}/{s}"), c));
    }
    // Every severity at once: no measures (error), goals without measures
    // (warning), an indicator without baseline (info).
    let mut c = healthy();
    c.measures.clear();
    c.indicators[0].baseline = None;
    out.push(("healthy without measures".into(), c));
    out
}

#[test]
fn streamed_findings_are_the_report_in_the_same_order() {
    let mut severities_seen = std::collections::BTreeSet::new();
    for (name, c) in concepts_with_findings() {
        let o = options();
        let eval = Evaluation::new(&c, o.today).with_health_options(o);
        let report = c.health_report(&o);
        assert_eq!(eval.health_report(), report, "{name}");
        let mut streamed = Vec::new();
        eval.for_each_finding(|f| streamed.push(f));
        assert_eq!(streamed, report.findings, "{name}");
        let counts = eval.finding_counts();
        for &s in Severity::ALL {
            assert_eq!(counts.get(s), report.count(s), "{name}: {s}");
            let mut of = Vec::new();
            eval.for_each_finding_of(s, |f| of.push(f));
            let expected: Vec<_> = report
                .findings
                .iter()
                .filter(|f| f.severity == s)
                .cloned()
                .collect();
            assert_eq!(of, expected, "{name}: {s}");
            if counts.get(s) > 0 {
                severities_seen.insert(s);
            }
        }
        assert_eq!(counts.total(), report.findings.len(), "{name}");
    }
    assert_eq!(severities_seen.len(), 3, "the cases cover every severity");
}

#[test]
fn try_for_each_finding_stops_at_the_first_error() {
    let c = generate::generate(&generate::GeneratorOptions::new(300).seed(2030));
    let o = options();
    let eval = Evaluation::new(&c, o.today).with_health_options(o);
    let all = c.health_report(&o).findings;
    assert!(all.len() > 10);
    let mut seen = Vec::new();
    let result = eval.try_for_each_finding(|f| {
        seen.push(f);
        if seen.len() == 5 {
            Err("disk full")
        } else {
            Ok(())
        }
    });
    assert_eq!(result, Err("disk full"));
    assert_eq!(seen, all[..5]);
    let done: Result<(), &str> = eval.try_for_each_finding(|_| Ok(()));
    assert_eq!(done, Ok(()));
}

/// The report finds indicators whatever order the catalogue lists them in:
/// the lookup tries the indicator after the last one found first and falls
/// back to a hash index, so the findings must match a plain set lookup for
/// indicators in measure order, reversed, rotated, thinned out and repeated.
#[test]
fn measure_without_indicator_in_any_indicator_order() {
    use kreisentwicklung_core::generate::{generate, GeneratorOptions};
    use std::collections::HashSet;

    let base = generate(&GeneratorOptions::new(300).seed(7));
    let expected = |c: &Concept| -> Vec<String> {
        let known: HashSet<&str> = c.indicators.iter().map(|i| i.id.as_str()).collect();
        c.measures
            .iter()
            .filter(|m| !m.indicators.iter().any(|i| known.contains(i.as_str())))
            .map(|m| format!("measures[{}]", m.id))
            .collect()
    };
    let mut orders: Vec<Concept> = Vec::new();
    orders.push(base.clone());
    let mut reversed = base.clone();
    reversed.indicators.reverse();
    orders.push(reversed);
    let mut rotated = base.clone();
    rotated.indicators.rotate_left(100);
    orders.push(rotated);
    let mut thinned = base.clone();
    let mut n = 0;
    thinned.indicators.retain(|_| {
        n += 1;
        n % 3 != 0
    });
    thinned.measures[5].indicators.push(Id::new("ghost"));
    thinned.measures[6].indicators.insert(0, Id::new("ghost"));
    orders.push(thinned);
    let mut repeated = base.clone();
    let copies: Vec<_> = repeated.indicators[10..20].to_vec();
    repeated.indicators.splice(30..30, copies);
    orders.push(repeated);

    for c in &orders {
        let found = paths_of(c, &options(), FindingCode::MeasureWithoutIndicator);
        assert_eq!(found, expected(c));
    }
    // The thinned catalogue has findings to find, the others none but the
    // measures the generator left without an indicator.
    assert!(expected(&orders[3]).len() > expected(&orders[0]).len() + 50);
}

// ---------------------------------------------------------------------------
// Fair judgement of real structures (issue 17)
// ---------------------------------------------------------------------------

/// Bernkastel-Wittlich organises its work by Handlungsschwerpunkt: "Maßnahmen
/// in den Handlungsschwerpunkten Klimaschutz, Arbeits- und
/// Fachkräftesicherung, Digitalisierung und familienfreundlicher Landkreis".
/// Measures tied to those fields, and goals per field.
fn bernkastel_wittlich_by_field() -> Concept {
    let mut c = seed("bernkastel-wittlich");
    c.goals = vec![
        Goal::new("z-klima", 1, "Klimaschutz").with_field("hs-klimaschutz"),
        // A sub-goal without a field of its own: its parent's field counts.
        Goal::new("z-klima-1", 2, "Klimaschutz im Landkreis").with_parent("z-klima"),
        Goal::new("z-digital", 1, "Digitalisierung").with_field("hs-digitalisierung"),
        Goal::new("z-familie", 1, "familienfreundlicher Landkreis").with_field("hs-familie"),
    ];
    c.measures = vec![
        Measure::new("m1", "Fördermittelakquise Klimaschutz").with_field("hs-klimaschutz"),
        Measure::new("m2", "Maßnahmenumsetzung Digitalisierung").with_field("hs-digitalisierung"),
        Measure::new("m3", "Kreisentwicklungsprozess"),
    ];
    c
}

#[test]
fn measures_tied_to_fields_get_one_note_not_a_warning_each() {
    let c = bernkastel_wittlich_by_field();
    let o = HealthOptions::new(ymd(2025, 1, 1));
    let report = c.health_report(&o);
    let notes: Vec<&Finding> = report
        .with_code(FindingCode::MeasuresLinkedToFields)
        .collect();
    assert_eq!(notes.len(), 1, "{report:?}");
    assert_eq!(notes[0].severity, Severity::Info);
    assert_eq!(notes[0].path, "measures");
    assert_eq!(
        notes[0].message.de,
        "Maßnahmen sind Handlungsfeldern zugeordnet, nicht einzelnen Zielen (2 Maßnahmen in 2 Handlungsfeldern)."
    );
    // Only the measure tied to nothing lacks a goal; only the goal whose
    // field has no measure lacks measures.
    assert_eq!(
        paths_of(&c, &o, FindingCode::MeasureWithoutGoal),
        ["measures[m3]"]
    );
    assert_eq!(
        paths_of(&c, &o, FindingCode::GoalWithoutMeasures),
        ["goals[z-familie]"]
    );

    // Without the field links, every measure and every goal is a gap again.
    let mut loose = c.clone();
    for m in &mut loose.measures {
        m.fields.clear();
    }
    assert!(!loose
        .health_report(&o)
        .has(FindingCode::MeasuresLinkedToFields));
    assert_eq!(
        paths_of(&loose, &o, FindingCode::MeasureWithoutGoal).len(),
        3
    );
    assert_eq!(
        paths_of(&loose, &o, FindingCode::GoalWithoutMeasures).len(),
        4
    );

    // Once a measure serves a goal, the catalogue is organised by goal: the
    // other measures are judged by their goals.
    let mut mixed = c.clone();
    mixed.measures[0].goals.push(Id::new("z-klima"));
    assert!(!mixed
        .health_report(&o)
        .has(FindingCode::MeasuresLinkedToFields));
    assert_eq!(
        paths_of(&mixed, &o, FindingCode::MeasureWithoutGoal),
        ["measures[m2]", "measures[m3]"]
    );
}

#[test]
fn measures_tied_to_fields_stream_and_count_like_the_report() {
    let c = bernkastel_wittlich_by_field();
    let o = HealthOptions::new(ymd(2025, 1, 1));
    let eval = Evaluation::new(&c, o.today).with_health_options(o);
    let report = c.health_report(&o);
    let mut infos = Vec::new();
    eval.for_each_finding_of(Severity::Info, |f| infos.push(f));
    let expected: Vec<Finding> = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Info)
        .cloned()
        .collect();
    assert_eq!(infos, expected);
    assert_eq!(eval.finding_counts().total(), report.findings.len());
}

#[test]
fn a_superseded_edition_is_judged_as_history() {
    // Bernkastel-Wittlich's "Handlungskonzept 2030" (action plan of 2023,
    // five-year cycle), looked at in 2031.
    let mut c = seed("bernkastel-wittlich");
    c.horizon = Some(Horizon::Year { year: 2030 });
    let o = HealthOptions::new(ymd(2031, 1, 1));
    let live = c.health_report(&o);
    assert!(live.has(FindingCode::ReviewOverdue));
    assert!(!live.has(FindingCode::ShortHorizon));

    // Once a new edition replaces it ("abgelöst"), it is history: no review
    // is overdue, and its horizon is judged against the budget planning of
    // 2023, when it came into force, not of 2031.
    c.status = ConceptStatus::Superseded;
    let history = c.health_report(&o);
    assert!(!history.has(FindingCode::ReviewOverdue), "{history:?}");
    assert!(!history.has(FindingCode::ShortHorizon), "{history:?}");
    assert_eq!(in_force_since(&c).map(|s| s.date.year()), Some(2023));

    // Helmstedt's KEK 2026, never adopted and later replaced, has no date of
    // its own: its horizon is not held against a later year's planning.
    let mut h = seed("helmstedt");
    let o = HealthOptions::new(ymd(2030, 1, 1)).with_default_revision_cycle_years(5);
    assert!(h.health_report(&o).has(FindingCode::ShortHorizon));
    h.status = ConceptStatus::Superseded;
    let report = h.health_report(&o);
    assert!(!report.has(FindingCode::ShortHorizon), "{report:?}");
    assert!(!report.has(FindingCode::ReviewOverdue));
}
