//! Monitoring: progress, pace and traffic lights of hand-built indicators,
//! and the roll-up from measures to goals, fields of action and the concept.

use kreisentwicklung_core::monitoring::{
    priority_weight, status_progress, GreyReason, IndicatorStatus, LightCounts, MonitoringOptions,
    Pace, Progress, ProgressBasis, Thresholds, TrafficLight,
};
use kreisentwicklung_core::*;

/// One indicator judged on its own: the only indicator of a concept.
fn evaluate_indicator(indicator: &Indicator, options: &MonitoringOptions) -> IndicatorStatus {
    let c = Concept::new(
        "c",
        "KEK",
        ConceptKind::Kek,
        Territory::landkreis("Beispiel"),
    )
    .with_indicator(indicator.clone());
    let status = Evaluation::new(&c, options.today)
        .with_monitoring_options(*options)
        .indicator(0)
        .expect("the indicator at position 0");
    assert_eq!(status.path, format!("indicators[{}]", indicator.id));
    status
}

fn ymd(y: i32, m: u8, d: u8) -> Date {
    Date::from_ymd(y, m, d).expect("a real date")
}

/// Evaluated on 1 March 2026; baselines at the end of 2020 and targets at
/// the end of 2030 make an observation of 2025 exactly half-way in time.
fn options() -> MonitoringOptions {
    MonitoringOptions::new(ymd(2026, 3, 1))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[track_caller]
fn assert_progress(p: Option<Progress>, achieved: f64, expected: f64) {
    let p = p.expect("measurable");
    assert!(
        close(p.achieved, achieved) && close(p.expected, expected),
        "got achieved {} expected {}, wanted {achieved} {expected}",
        p.achieved,
        p.expected
    );
}

/// Broadband: higher is better, 40 % (2020) → 90 % (2030).
fn broadband(latest: f64) -> Indicator {
    Indicator::new(
        "bb",
        "Haushalte mit 100 Mbit/s",
        "%",
        Direction::HigherIsBetter,
    )
    .with_baseline(40.0, Period::year(2020))
    .with_target(90.0, Period::year(2030))
    .with_observation(45.0, Period::year(2022))
    .with_observation(latest, Period::year(2025))
}

/// Unemployment: lower is better, 6.0 % (2020) → 4.0 % (2030).
fn unemployment(latest: f64) -> Indicator {
    Indicator::new("alq", "Arbeitslosenquote", "%", Direction::LowerIsBetter)
        .with_baseline(6.0, Period::year(2020))
        .with_target(4.0, Period::year(2030))
        .with_observation(latest, Period::year(2025))
}

// ---------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------

#[test]
fn higher_is_better_lights_follow_the_pace() {
    let o = options();
    // Half-way in time: 0.5 expected.
    let on_pace = evaluate_indicator(&broadband(65.0), &o);
    assert_progress(on_pace.progress, 0.5, 0.5);
    assert_eq!(on_pace.light, TrafficLight::Green);
    assert_eq!(on_pace.latest.as_ref().map(|l| l.value), Some(65.0));
    assert_eq!((on_pace.baseline, on_pace.target), (Some(40.0), Some(90.0)));
    // 90 % of the pace is still green.
    assert_eq!(
        evaluate_indicator(&broadband(62.5), &o).light,
        TrafficLight::Green
    );
    // 0.3 of an expected 0.5 is 60 %: yellow.
    assert_eq!(
        evaluate_indicator(&broadband(55.0), &o).light,
        TrafficLight::Yellow
    );
    // 50 % exactly is yellow, below it red.
    assert_eq!(
        evaluate_indicator(&broadband(52.5), &o).light,
        TrafficLight::Yellow
    );
    assert_eq!(
        evaluate_indicator(&broadband(50.0), &o).light,
        TrafficLight::Red
    );
}

#[test]
fn lower_is_better_uses_the_same_formula() {
    let o = options();
    let s = evaluate_indicator(&unemployment(5.0), &o);
    assert_eq!(s.raw_progress, Some(0.5));
    assert_eq!(s.light, TrafficLight::Green);
    // Rising unemployment moves away from the target: negative raw
    // progress, clamped to 0 for the light.
    let s = evaluate_indicator(&unemployment(6.5), &o);
    assert_eq!(s.raw_progress, Some(-0.25));
    assert_progress(s.progress, 0.0, 0.5);
    assert_eq!(s.light, TrafficLight::Red);
}

#[test]
fn overshooting_is_clamped_to_one() {
    let s = evaluate_indicator(&broadband(100.0), &options());
    assert!(close(s.raw_progress.unwrap(), 1.2));
    assert_progress(s.progress, 1.0, 0.5);
    assert_eq!(s.light, TrafficLight::Green);
}

#[test]
fn missing_target_is_grey() {
    let mut i = broadband(65.0);
    i.targets.clear();
    let s = evaluate_indicator(&i, &options());
    assert_eq!(s.light, TrafficLight::Grey);
    assert_eq!(s.grey_reason, Some(GreyReason::NoTarget));
    assert_eq!(s.progress, None);
    // The latest value is still reported.
    assert_eq!(s.latest.map(|l| l.value), Some(65.0));
}

#[test]
fn missing_observation_is_grey() {
    let mut i = broadband(65.0);
    i.observations.clear();
    let s = evaluate_indicator(&i, &options());
    assert_eq!(
        (s.light, s.grey_reason),
        (TrafficLight::Grey, Some(GreyReason::NoObservation))
    );
    // Observations after the evaluation date do not count yet.
    let later = MonitoringOptions::new(ymd(2021, 6, 1));
    let s = evaluate_indicator(&broadband(65.0), &later);
    assert_eq!(s.grey_reason, Some(GreyReason::NoObservation));
}

#[test]
fn missing_baseline_falls_back_to_the_earliest_observation() {
    let mut i = broadband(65.0);
    i.baseline = None;
    let s = evaluate_indicator(&i, &options());
    assert!(s.baseline_from_observation);
    assert_eq!(s.baseline, Some(45.0));
    // (65 − 45) / (90 − 45), expected: end 2022 → end 2025 of end 2022 → end 2030.
    assert!(close(s.raw_progress.unwrap(), 20.0 / 45.0));
    assert_ne!(s.light, TrafficLight::Grey);
}

#[test]
fn missing_baseline_with_one_observation_is_grey_unless_the_target_is_reached() {
    let single = |value: f64, direction: Direction| {
        Indicator::new("x", "Ohne Ausgangswert", "%", direction)
            .with_target(90.0, Period::year(2030))
            .with_observation(value, Period::year(2025))
    };
    let s = evaluate_indicator(&single(65.0, Direction::HigherIsBetter), &options());
    assert_eq!(
        (s.light, s.grey_reason),
        (TrafficLight::Grey, Some(GreyReason::NoBaseline))
    );
    let s = evaluate_indicator(&single(91.0, Direction::HigherIsBetter), &options());
    assert_eq!(s.light, TrafficLight::Green);
    assert_progress(s.progress, 1.0, 1.0);
    // Lower is better: 91 is not at or below 90.
    let s = evaluate_indicator(&single(91.0, Direction::LowerIsBetter), &options());
    assert_eq!(s.grey_reason, Some(GreyReason::NoBaseline));
}

#[test]
fn target_equal_to_baseline_means_hold_the_level() {
    let hold = |value: f64, direction: Direction| {
        Indicator::new("h", "Halten", "Anzahl", direction)
            .with_baseline(10.0, Period::year(2020))
            .with_target(10.0, Period::year(2030))
            .with_observation(value, Period::year(2025))
    };
    let o = options();
    let s = evaluate_indicator(&hold(10.0, Direction::HigherIsBetter), &o);
    assert_eq!(s.light, TrafficLight::Green);
    assert_progress(s.progress, 1.0, 1.0);
    assert_eq!(
        evaluate_indicator(&hold(11.0, Direction::HigherIsBetter), &o).light,
        TrafficLight::Green
    );
    let s = evaluate_indicator(&hold(9.0, Direction::HigherIsBetter), &o);
    assert_eq!(s.light, TrafficLight::Red);
    assert_eq!(s.raw_progress, Some(0.0));
    assert_eq!(
        evaluate_indicator(&hold(9.0, Direction::LowerIsBetter), &o).light,
        TrafficLight::Green
    );
    assert_eq!(
        evaluate_indicator(&hold(11.0, Direction::LowerIsBetter), &o).light,
        TrafficLight::Red
    );
}

#[test]
fn values_that_are_not_numbers_are_grey() {
    let s = evaluate_indicator(&broadband(f64::NAN), &options());
    assert_eq!(s.grey_reason, Some(GreyReason::InvalidValue));
    let mut i = broadband(65.0);
    i.baseline.as_mut().unwrap().value = f64::INFINITY;
    assert_eq!(
        evaluate_indicator(&i, &options()).grey_reason,
        Some(GreyReason::InvalidValue)
    );
}

#[test]
fn pace_at_observation_at_evaluation_date_or_off() {
    // Measured at the end of 2023 (0.3 of the time), evaluated in 2027.
    let i = Indicator::new("bb", "Breitband", "%", Direction::HigherIsBetter)
        .with_baseline(40.0, Period::year(2020))
        .with_target(90.0, Period::year(2030))
        .with_observation(55.0, Period::year(2023));
    let today = ymd(2027, 12, 31);
    let at_obs = evaluate_indicator(&i, &MonitoringOptions::new(today));
    assert!(close(at_obs.progress.unwrap().expected, 1095.0 / 3652.0));
    assert_eq!(at_obs.light, TrafficLight::Green);
    let at_eval = evaluate_indicator(
        &i,
        &MonitoringOptions::new(today).with_pace(Pace::AtEvaluationDate),
    );
    assert!(close(at_eval.progress.unwrap().expected, 2556.0 / 3652.0));
    assert_eq!(at_eval.light, TrafficLight::Red);
    let off = evaluate_indicator(&i, &MonitoringOptions::new(today).with_pace(Pace::Off));
    assert_progress(off.progress, 0.3, 1.0);
    assert_eq!(off.light, TrafficLight::Red);
}

#[test]
fn interim_targets_shape_the_expected_progress() {
    // 0 (2020) → 50 (2022) → 100 (2030): a fast start is expected.
    let i = Indicator::new("x", "Ausbau", "%", Direction::HigherIsBetter)
        .with_baseline(0.0, Period::year(2020))
        .with_target(50.0, Period::year(2022))
        .with_target(100.0, Period::year(2030))
        .with_observation(25.0, Period::year(2021));
    let s = evaluate_indicator(&i, &options());
    // End of 2021 is half-way to the interim target of 50: 25 of 100.
    assert!(close(s.progress.unwrap().expected, 365.0 / 730.0 * 0.5));
    assert_eq!(s.light, TrafficLight::Green);
}

#[test]
fn nothing_is_expected_before_the_baseline_and_everything_after_the_due_date() {
    let i = broadband(65.0);
    let after = evaluate_indicator(
        &i,
        &MonitoringOptions::new(ymd(2031, 1, 1)).with_pace(Pace::AtEvaluationDate),
    );
    assert_progress(after.progress, 0.5, 1.0);
    assert_eq!(after.light, TrafficLight::Yellow);
    // An observation within the baseline year: nothing expected yet.
    let early = Indicator::new("e", "Früh", "%", Direction::HigherIsBetter)
        .with_baseline(40.0, Period::year(2020))
        .with_target(90.0, Period::year(2030))
        .with_observation(40.0, Period::half_year(2020, 1));
    let s = evaluate_indicator(&early, &options());
    assert_progress(s.progress, 0.0, 0.0);
    assert_eq!(s.light, TrafficLight::Green);
}

#[test]
fn undated_targets_expect_the_full_target() {
    let i = Indicator::new("x", "Ohne Zieljahr", "%", Direction::HigherIsBetter)
        .with_baseline(40.0, Period::year(2020))
        .with_observation(85.0, Period::year(2025));
    let i = Indicator {
        targets: vec![Target {
            value: 90.0,
            due: None,
            aspirational: false,
        }],
        ..i
    };
    let s = evaluate_indicator(&i, &options());
    assert_progress(s.progress, 0.9, 1.0);
    assert_eq!(s.light, TrafficLight::Green);
}

#[test]
fn thresholds_are_the_callers() {
    let strict = options().with_thresholds(Thresholds {
        green_at: 0.95,
        yellow_at: 0.8,
    });
    assert_eq!(
        evaluate_indicator(&broadband(62.5), &strict).light,
        TrafficLight::Yellow
    );
    assert_eq!(
        evaluate_indicator(&broadband(55.0), &strict).light,
        TrafficLight::Red
    );
    assert_eq!(Thresholds::default(), Thresholds::DEFAULT);
}

#[test]
fn lights_have_german_and_english_labels() {
    let de: Vec<&str> = TrafficLight::ALL
        .iter()
        .map(|l| l.label(Language::De))
        .collect();
    let en: Vec<&str> = TrafficLight::ALL
        .iter()
        .map(|l| l.label(Language::En))
        .collect();
    assert_eq!(de, ["grün", "gelb", "rot", "grau"]);
    assert_eq!(en, ["green", "yellow", "red", "grey"]);
    assert_eq!(TrafficLight::Yellow.to_string(), "gelb");
    assert_eq!(
        serde_json::to_value(TrafficLight::Grey).unwrap(),
        serde_json::json!("grey")
    );
}

// ---------------------------------------------------------------------------
// Roll-up
// ---------------------------------------------------------------------------

fn base() -> Concept {
    Concept::new(
        "c",
        "KEK 2030",
        ConceptKind::Kek,
        Territory::landkreis("Beispiel"),
    )
}

/// An indicator at a given achieved share with nothing left to expect
/// (evaluated after its due date).
fn at(id: &str, achieved: f64) -> Indicator {
    Indicator::new(id, id, "%", Direction::HigherIsBetter)
        .with_baseline(0.0, Period::year(2020))
        .with_target(100.0, Period::year(2024))
        .with_observation(achieved * 100.0, Period::year(2025))
}

#[test]
fn status_and_priority_rules() {
    assert_eq!(status_progress(MeasureStatus::Completed), 1.0);
    assert_eq!(status_progress(MeasureStatus::Ongoing), 1.0);
    assert_eq!(status_progress(MeasureStatus::InProgress), 0.5);
    for s in [
        MeasureStatus::Planned,
        MeasureStatus::NotStarted,
        MeasureStatus::Suspended,
        MeasureStatus::Abandoned,
    ] {
        assert_eq!(status_progress(s), 0.0);
    }
    assert_eq!(priority_weight(Some(Priority::High)), 3.0);
    assert_eq!(priority_weight(Some(Priority::Medium)), 2.0);
    assert_eq!(priority_weight(Some(Priority::Low)), 1.0);
    assert_eq!(priority_weight(None), 2.0);
}

#[test]
fn measure_progress_is_the_mean_of_its_indicators() {
    let c = base()
        .with_indicator(at("a", 1.0))
        .with_indicator(at("b", 0.4))
        .with_indicator(Indicator::new(
            "grey",
            "ohne Ziel",
            "%",
            Direction::HigherIsBetter,
        ))
        .with_measure(
            Measure::new("M", "Maßnahme")
                .with_indicator("a")
                .with_indicator("b")
                .with_indicator("grey")
                .with_indicator("missing")
                .with_status_update(ymd(2025, 1, 1), MeasureStatus::NotStarted),
        );
    let r = c.monitor(&options());
    let m = r.measure("M").unwrap();
    assert_eq!(m.basis, ProgressBasis::Indicators);
    assert_progress(m.progress, 0.7, 1.0);
    assert_eq!(m.light, TrafficLight::Yellow);
    assert_eq!(m.path, "measures[M]");
    assert_eq!(r.indicator("grey").unwrap().path, "indicators[grey]");
}

#[test]
fn measure_progress_comes_from_the_status_without_measurable_indicators() {
    let measure = |id: &str, status: MeasureStatus| {
        Measure::new(id, id).with_status_update(ymd(2025, 1, 1), status)
    };
    let c = base()
        .with_indicator(Indicator::new(
            "grey",
            "ohne Ziel",
            "%",
            Direction::HigherIsBetter,
        ))
        .with_measure(measure("done", MeasureStatus::Completed))
        .with_measure(measure("doing", MeasureStatus::InProgress).with_indicator("grey"))
        .with_measure(measure("todo", MeasureStatus::NotStarted))
        .with_measure(measure("later", MeasureStatus::Planned).with_period(Period::year(2028)))
        .with_measure(Measure::new("unknown", "ohne Status"));
    let r = c.monitor(&options());
    let light = |id: &str| r.measure(id).unwrap().light;
    assert_eq!(light("done"), TrafficLight::Green);
    assert_eq!(light("doing"), TrafficLight::Yellow);
    assert_eq!(r.measure("doing").unwrap().basis, ProgressBasis::Status);
    assert_eq!(light("todo"), TrafficLight::Red);
    // Planned for 2028: nothing is due yet.
    assert_eq!(light("later"), TrafficLight::Green);
    assert_progress(r.measure("later").unwrap().progress, 0.0, 0.0);
    let unknown = r.measure("unknown").unwrap();
    assert_eq!(
        (unknown.light, unknown.grey_reason, unknown.basis),
        (
            TrafficLight::Grey,
            Some(GreyReason::NoData),
            ProgressBasis::None
        )
    );
    assert_eq!(
        r.measure_lights(),
        LightCounts {
            green: 2,
            yellow: 1,
            red: 1,
            grey: 1
        }
    );
}

#[test]
fn goal_progress_is_the_weighted_mean_of_measures_sub_goals_and_indicators() {
    let c = base()
        .with_indicator(at("full", 1.0))
        .with_indicator(at("none", 0.0))
        .with_indicator(at("half", 0.5))
        .with_goal(Goal::new("oz", 1, "Oberziel"))
        .with_goal(
            Goal::new("uz", 2, "Unterziel")
                .with_parent("oz")
                .with_priority(Priority::Low)
                .with_indicator("half"),
        )
        .with_goal(Goal::new("leer", 2, "ohne alles").with_parent("oz"))
        .with_measure(
            Measure::new("hoch", "hoch")
                .with_goal("oz")
                .with_priority(Priority::High)
                .with_indicator("full"),
        )
        .with_measure(
            Measure::new("gering", "gering")
                .with_goal("oz")
                .with_priority(Priority::Low)
                .with_indicator("none"),
        )
        .with_measure(Measure::new("grau", "ohne Daten").with_goal("oz"));
    let r = c.monitor(&options());
    // uz: only its indicator, 0.5.
    assert_progress(r.goal("uz").unwrap().progress, 0.5, 1.0);
    // oz: high 3 × 1 + low 1 × 0 + sub-goal uz (low) 1 × 0.5 = 3.5 / 5.
    let oz = r.goal("oz").unwrap();
    assert_progress(oz.progress, 0.7, 1.0);
    assert_eq!(oz.light, TrafficLight::Yellow);
    // Grey items (measure "grau", goal "leer") do not count.
    assert_eq!((oz.measured, oz.items), (3, 5));
    let leer = r.goal("leer").unwrap();
    assert_eq!(
        (leer.light, leer.grey_reason),
        (TrafficLight::Grey, Some(GreyReason::NothingMeasured))
    );
    assert_eq!(oz.path, "goals[oz]");
    // The whole concept is its only top-level goal.
    assert_progress(r.overall.progress, 0.7, 1.0);
}

#[test]
fn fields_roll_up_their_topmost_goals_and_their_own_measures() {
    let c = base()
        .with_field(FieldOfAction::new("hf1", "Wirtschaft"))
        .with_field(FieldOfAction::new("hf2", "Mobilität"))
        .with_field(FieldOfAction::new("hf3", "leer"))
        .with_indicator(at("full", 1.0))
        .with_indicator(at("none", 0.0))
        .with_goal(Goal::new("oz1", 1, "Wirtschaft").with_field("hf1"))
        // Named with its field too: still counted once, through oz1.
        .with_goal(
            Goal::new("uz1", 2, "Gründungen")
                .with_parent("oz1")
                .with_field("hf1"),
        )
        .with_measure(
            Measure::new("m1", "Gründerzentrum")
                .with_goal("uz1")
                .with_field("hf1")
                .with_indicator("full"),
        )
        .with_measure(
            Measure::new("m2", "Bus")
                .with_field("hf2")
                .with_indicator("none"),
        )
        .with_measure(
            Measure::new("m3", "Bahn")
                .with_field("hf2")
                .with_status_update(ymd(2025, 1, 1), MeasureStatus::Completed),
        );
    let r = c.monitor(&options());
    let hf1 = r.field("hf1").unwrap();
    assert_progress(hf1.progress, 1.0, 1.0);
    assert_eq!((hf1.measured, hf1.items), (1, 1));
    let hf2 = r.field("hf2").unwrap();
    assert_progress(hf2.progress, 0.5, 1.0);
    assert_eq!(hf2.light, TrafficLight::Yellow);
    assert_eq!(hf2.path, "fields[hf2]");
    assert_eq!(r.field("hf3").unwrap().light, TrafficLight::Grey);
    // Overall: goal oz1 (1.0) and the measures m2 (0) and m3 (1) that serve no goal.
    assert_progress(r.overall.progress, 2.0 / 3.0, 1.0);
    assert_eq!(
        r.field_lights(),
        LightCounts {
            green: 1,
            yellow: 1,
            red: 0,
            grey: 1
        }
    );
}

#[test]
fn rolled_up_expectations_keep_the_pace() {
    // One indicator on pace (0.5 of 0.5), the measure and goal stay green.
    let c = base()
        .with_indicator(broadband(65.0))
        .with_goal(Goal::new("z", 1, "Breitband"))
        .with_measure(
            Measure::new("m", "Ausbau")
                .with_goal("z")
                .with_indicator("bb"),
        );
    let r = Evaluation::new(&c, options().today).monitoring_report();
    assert_progress(r.goal("z").unwrap().progress, 0.5, 0.5);
    assert_eq!(r.goal("z").unwrap().light, TrafficLight::Green);
    assert_eq!(r, c.monitor(&options()));
}

// ---------------------------------------------------------------------------
// Robustness
// ---------------------------------------------------------------------------

#[test]
fn cycles_and_dangling_references_neither_hang_nor_panic() {
    let c = base()
        .with_field(FieldOfAction::new("hf", "Feld"))
        .with_indicator(at("full", 1.0))
        .with_goal(Goal::new("a", 1, "A").with_parent("b").with_field("hf"))
        .with_goal(Goal::new("b", 2, "B").with_parent("a"))
        .with_goal(Goal::new("self", 1, "Selbst").with_parent("self"))
        .with_goal(Goal::new("orphan", 2, "Waise").with_parent("ghost"))
        .with_goal(Goal::new("a", 1, "Doppelt"))
        .with_measure(
            Measure::new("m", "M")
                .with_goal("b")
                .with_goal("ghost")
                .with_indicator("full")
                .with_indicator("ghost")
                .with_field("hf"),
        );
    let r = c.monitor(&options());
    assert_eq!(r.goals.len(), 5);
    assert_eq!(r.goal("b").unwrap().light, TrafficLight::Green);
    assert_eq!(r.goal("a").unwrap().light, TrafficLight::Green);
    assert_eq!(r.goal("self").unwrap().light, TrafficLight::Grey);
    // The whole concept rolls up the orphan (its parent does not exist) and
    // the duplicate "a"; the cycle a ⇄ b and "self" have no top.
    assert_eq!(r.overall.items, 2);
    // The field's goals are all on the cycle: nothing is topmost.
    assert_eq!(r.field("hf").unwrap().light, TrafficLight::Grey);
}

#[test]
fn a_deep_goal_chain_does_not_overflow_the_stack() {
    let n = 20_000;
    let mut c = base()
        .with_field(FieldOfAction::new("hf", "Feld"))
        .with_indicator(at("full", 1.0));
    c.goals.push(Goal::new("g0", 1, "g0").with_field("hf"));
    for i in 1..n {
        c.goals.push(
            Goal::new(format!("g{i}"), 2, format!("g{i}")).with_parent(format!("g{}", i - 1)),
        );
    }
    c.measures.push(
        Measure::new("m", "M")
            .with_goal(format!("g{}", n - 1))
            .with_indicator("full"),
    );
    let r = c.monitor(&options());
    assert_eq!(r.goal("g0").unwrap().light, TrafficLight::Green);
    assert_eq!(r.field("hf").unwrap().light, TrafficLight::Green);
    let h = c.health_report(&HealthOptions::new(ymd(2026, 1, 1)));
    assert!(!h.has(kreisentwicklung_core::FindingCode::GoalWithoutMeasures));
}

#[test]
fn generated_concepts_are_evaluated_without_panics() {
    use kreisentwicklung_core::generate::{generate, GeneratorOptions};
    let c = generate(&GeneratorOptions::new(1_000).observations_per_indicator(4));
    let r = c.monitor(&MonitoringOptions::new(ymd(2026, 1, 1)));
    assert_eq!(r.measures.len(), 1_000);
    assert_eq!(r.indicators.len(), c.indicators.len());
    let json = serde_json::to_value(&r).unwrap();
    assert!(json["overall"]["light"].is_string());
}

#[test]
fn the_summary_is_the_report_without_its_items() {
    use kreisentwicklung_core::generate::{generate, GeneratorOptions};
    for (n, seed) in [(0, 1), (200, 3), (1_000, 2030)] {
        let c = generate(
            &GeneratorOptions::new(n)
                .seed(seed)
                .observations_per_indicator(4),
        );
        for today in [ymd(2022, 1, 1), ymd(2026, 1, 1), ymd(2031, 6, 30)] {
            let eval = Evaluation::new(&c, today);
            let full = eval.monitoring_report();
            let s = eval.monitoring_summary();
            // Item by item, asked for one at a time: the report's entries.
            for (i, e) in full.indicators.iter().enumerate() {
                assert_eq!(eval.indicator(i).as_ref(), Some(e));
                assert_eq!(eval.indicator_progress(e.id.as_str()), e.progress);
            }
            for (i, e) in full.measures.iter().enumerate() {
                assert_eq!(eval.measure(i).as_ref(), Some(e));
            }
            assert_eq!(eval.indicator(full.indicators.len()), None);
            assert!(s.report.indicators.is_empty() && s.report.measures.is_empty());
            // Bit for bit: the same roll-ups in the same order.
            assert_eq!(s.report.goals, full.goals, "{n}/{seed} {today}");
            assert_eq!(s.report.fields, full.fields);
            assert_eq!(s.report.overall, full.overall);
            assert_eq!(s.indicator_lights, full.indicator_lights());
            assert_eq!(s.measure_lights, full.measure_lights());
            if n > 0 {
                assert!(full.goals.iter().any(|g| g.progress.is_some()));
            }
        }
    }
}

#[test]
fn seeds_are_evaluated() {
    for name in ["helmstedt", "nordsachsen", "bernkastel-wittlich"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data")
            .join(format!("{name}.json"));
        let text = std::fs::read_to_string(&path).unwrap();
        let doc: ConceptDocument = serde_json::from_str(&text).unwrap();
        let r = doc.concept.monitor(&options());
        assert_eq!(r.goals.len(), doc.concept.goals.len());
        // No measures or indicators in the seeds: nothing can be measured yet.
        if doc.concept.measures.is_empty() && doc.concept.indicators.is_empty() {
            assert_eq!(r.overall.light, TrafficLight::Grey, "{name}");
        }
    }
}

// ---------------------------------------------------------------------------
// Property: monitoring and the health report never panic or hang
// ---------------------------------------------------------------------------

mod props {
    use super::*;
    use kreisentwicklung_core::health::HealthOptions;
    use proptest::prelude::*;

    fn id() -> impl Strategy<Value = Id> {
        prop_oneof![
            "[a-d][0-2]".prop_map(Id::new),
            "|x y|\u{e4}".prop_map(Id::new)
        ]
    }

    fn value() -> impl Strategy<Value = f64> {
        prop_oneof![
            -100.0..100.0f64,
            Just(0.0),
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(f64::MAX),
            Just(-f64::MAX),
            Just(f64::MIN_POSITIVE),
        ]
    }

    fn period() -> impl Strategy<Value = Period> {
        prop_oneof![
            (1990..2040i32).prop_map(Period::year),
            any::<i32>().prop_map(Period::year),
            (any::<i32>(), any::<u8>()).prop_map(|(year, month)| Period::Month { year, month }),
            (1990..2040i32).prop_map(|y| Period::since(Period::year(y))),
            (1990..2040i32).prop_map(|y| Period::until(Period::year(y))),
            Just(Period::Days { dates: Vec::new() }),
        ]
    }

    fn indicator() -> impl Strategy<Value = Indicator> {
        (
            id(),
            any::<bool>(),
            prop::option::of((value(), prop::option::of(period()))),
            prop::collection::vec((value(), prop::option::of(period())), 0..3),
            prop::collection::vec((value(), period()), 0..4),
        )
            .prop_map(|(id, lower, baseline, targets, observations)| {
                let dir = if lower {
                    Direction::LowerIsBetter
                } else {
                    Direction::HigherIsBetter
                };
                let mut i = Indicator::new(id, "K", "%", dir);
                i.baseline = baseline.map(|(value, period)| Baseline { value, period });
                i.targets = targets
                    .into_iter()
                    .map(|(value, due)| Target {
                        value,
                        due,
                        aspirational: false,
                    })
                    .collect();
                for (v, p) in observations {
                    i = i.with_observation(v, p);
                }
                i
            })
    }

    fn status() -> impl Strategy<Value = MeasureStatus> {
        prop::sample::select(<MeasureStatus as CodeList>::ALL.to_vec())
    }

    fn priority() -> impl Strategy<Value = Option<Priority>> {
        prop::option::of(prop::sample::select(<Priority as CodeList>::ALL.to_vec()))
    }

    fn measure() -> impl Strategy<Value = Measure> {
        (
            id(),
            prop::collection::vec(id(), 0..3),
            prop::collection::vec(id(), 0..3),
            prop::option::of(id()),
            prop::collection::vec(id(), 0..3),
            prop::option::of(period()),
            priority(),
            prop::collection::vec((any::<u16>(), status()), 0..3),
        )
            .prop_map(
                |(id, goals, fields, lead, indicators, period, priority, updates)| {
                    let mut m = Measure::new(id, "M");
                    m.goals = goals;
                    m.fields = fields;
                    m.lead = lead;
                    m.indicators = indicators;
                    m.period = period;
                    m.priority = priority;
                    for (days, s) in updates {
                        m = m.with_status_update(ymd(2015, 1, 1).add_days(i64::from(days)), s);
                    }
                    m
                },
            )
    }

    fn goal() -> impl Strategy<Value = Goal> {
        (
            id(),
            prop::option::of(id()),
            prop::collection::vec(id(), 0..2),
            priority(),
            prop::collection::vec(id(), 0..2),
        )
            .prop_map(|(id, parent, fields, priority, indicators)| {
                let mut g = Goal::new(id, 1, "Z");
                g.parent = parent;
                g.fields = fields;
                g.priority = priority;
                g.indicators = indicators;
                g
            })
    }

    fn concept() -> impl Strategy<Value = Concept> {
        (
            prop::collection::vec(goal(), 0..8),
            prop::collection::vec(measure(), 0..8),
            prop::collection::vec(indicator(), 0..5),
            prop::collection::vec(id(), 0..3),
            prop::option::of(any::<u8>()),
            prop::option::of(any::<i32>()),
        )
            .prop_map(|(goals, measures, indicators, fields, cycle, horizon)| {
                let mut c = base();
                c.goals = goals;
                c.measures = measures;
                c.indicators = indicators;
                c.fields = fields
                    .into_iter()
                    .map(|f| FieldOfAction::new(f, "F"))
                    .collect();
                c.revision_cycle_years = cycle;
                c.horizon = horizon.map(|year| Horizon::Year { year });
                c.actors = vec![Actor::new("a0", ActorKind::Person, "A")];
                c
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn never_panics(c in concept(), days in 0..20_000i64) {
            let today = ymd(2000, 1, 1).add_days(days);
            let r = c.monitor(&MonitoringOptions::new(today));
            prop_assert_eq!(r.goals.len(), c.goals.len());
            for p in r.indicators.iter().filter_map(|i| i.progress)
                .chain(r.measures.iter().filter_map(|m| m.progress))
                .chain(r.goals.iter().filter_map(|g| g.progress))
            {
                prop_assert!((0.0..=1.0).contains(&p.achieved));
                prop_assert!((0.0..=1.0).contains(&p.expected));
            }
            for e in &r.goals {
                prop_assert_eq!(e.light == TrafficLight::Grey, e.progress.is_none());
            }
            let h = c.health_report(&HealthOptions::new(today));
            prop_assert!(h.findings.windows(2).all(|w| w[0].severity <= w[1].severity));
        }
    }
}
