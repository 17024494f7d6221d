//! Tests of fuzzy periods: German and English parsing and printing, bounds,
//! order, serde.

use kreisentwicklung_core::{Date, Language, Period, YearMonth, YearPart};
use proptest::prelude::*;
use serde_json::json;

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::from_ymd(y, m, day).expect("test date exists")
}

fn p(text: &str) -> Period {
    Period::parse_german(text).unwrap_or_else(|e| panic!("{text:?} should parse: {e}"))
}

fn err(text: &str) -> String {
    match Period::parse_german(text) {
        Ok(p) => panic!("{text:?} should not parse, got {p:?}"),
        Err(e) => e.to_string(),
    }
}

/// Every period written in the seed texts: what it means and how it prints.
#[test]
fn seed_periods_parse_and_print() {
    let cases: Vec<(&str, Period, &str)> = vec![
        // 000 Hildesheim
        (
            "Ende 2018 / Anfang 2019",
            Period::turn_of_year(2018),
            "Ende 2018 / Anfang 2019",
        ),
        ("12.02.2019", Period::day(d(2019, 2, 12)), "12.02.2019"),
        (
            "2. und 3. Quartal 2019",
            Period::quarters(2019, 2, 3),
            "2. und 3. Quartal 2019",
        ),
        (
            "2. Halbjahr 2019",
            Period::half_year(2019, 2),
            "2. Halbjahr 2019",
        ),
        (
            "Anfang 2020",
            Period::part_of_year(2020, YearPart::Early),
            "Anfang 2020",
        ),
        // 001 Helmstedt
        ("31.01.2023", Period::day(d(2023, 1, 31)), "31.01.2023"),
        ("27.04.2017", Period::day(d(2017, 4, 27)), "27.04.2017"),
        (
            "Mai bis August 2017",
            Period::month_range(YearMonth::new(2017, 5), YearMonth::new(2017, 8)),
            "Mai bis August 2017",
        ),
        ("November 2017", Period::month(2017, 11), "November 2017"),
        (
            "24.04./18.05.2018",
            Period::days([d(2018, 4, 24), d(2018, 5, 18)]),
            "24.04./18.05.2018",
        ),
        (
            "bis zum 15.06.2018",
            Period::until(Period::day(d(2018, 6, 15))),
            "bis 15.06.2018",
        ),
        ("bis 2026", Period::until(Period::year(2026)), "bis 2026"),
        (
            "bis zum Ende des Jahres 2018",
            Period::until(Period::part_of_year(2018, YearPart::Late)),
            "bis Ende 2018",
        ),
        ("2019", Period::year(2019), "2019"),
        // 002 Bernkastel-Wittlich
        ("2020", Period::year(2020), "2020"),
        ("2018 - 2021", Period::year_range(2018, 2021), "2018–2021"),
        ("2004", Period::year(2004), "2004"),
        ("2030", Period::year(2030), "2030"),
        // 003 Ludwigslust-Parchim
        (
            "April/Mai/Juni 2016",
            Period::months(2016, [4, 5, 6]),
            "April/Mai/Juni 2016",
        ),
        ("18.04.2016", Period::day(d(2016, 4, 18)), "18.04.2016"),
        ("30. Mai 2016", Period::day(d(2016, 5, 30)), "30.05.2016"),
        (
            "07. und 10.03.2016",
            Period::days([d(2016, 3, 7), d(2016, 3, 10)]),
            "07. und 10.03.2016",
        ),
        (
            "7. und 10. März 2016",
            Period::days([d(2016, 3, 7), d(2016, 3, 10)]),
            "07. und 10.03.2016",
        ),
        ("November 2015", Period::month(2015, 11), "November 2015"),
        ("bis 2030", Period::until(Period::year(2030)), "bis 2030"),
        // 004 Nordsachsen
        (
            "Ab Juni 2019",
            Period::since(Period::month(2019, 6)),
            "ab Juni 2019",
        ),
        (
            "bis Anfang 2020",
            Period::until(Period::part_of_year(2020, YearPart::Early)),
            "bis Anfang 2020",
        ),
        ("24. März 2021", Period::day(d(2021, 3, 24)), "24.03.2021"),
        ("30. Juni 2021", Period::day(d(2021, 6, 30)), "30.06.2021"),
        (
            "bis zum Jahr 2030",
            Period::until(Period::year(2030)),
            "bis 2030",
        ),
    ];
    for (text, expected, printed) in cases {
        let parsed = p(text);
        assert_eq!(parsed, expected, "meaning of {text:?}");
        assert_eq!(parsed.to_string(), printed, "printing of {text:?}");
        assert_eq!(p(printed), expected, "re-reading {printed:?}");
        assert!(
            parsed.problems().is_empty(),
            "{text:?}: {:?}",
            parsed.problems()
        );
    }
}

/// The newer kinds in German: what the printer writes reads back as the
/// same period. "ab … bis …" is from a start to an end (Nordsachsen: "Ab
/// Juni 2019 wurden …", "bis Anfang 2020 …"); a range after "ab" is written
/// with a dash, so that "ab Mai 2017 bis August 2017" (the Helmstedt phase
/// "Mai bis August 2017" with an open start and end) stays what was written.
#[test]
fn newer_kinds_print_and_read_back_in_german() {
    let may = Period::month(2017, 5);
    let august = Period::month(2017, 8);
    let may_to_august = Period::month_range(YearMonth::new(2017, 5), YearMonth::new(2017, 8));
    let cases: Vec<(Period, &str)> = vec![
        (
            Period::between(
                Period::month(2019, 6),
                Period::part_of_year(2020, YearPart::Early),
            ),
            "ab Juni 2019 bis Anfang 2020",
        ),
        (
            Period::between(may.clone(), august.clone()),
            "ab Mai 2017 bis August 2017",
        ),
        (
            Period::since(may_to_august.clone()),
            "ab Mai bis August 2017",
        ),
        (
            Period::until(may_to_august.clone()),
            "bis Mai bis August 2017",
        ),
        (
            Period::since(Period::month_range(
                YearMonth::new(2015, 11),
                YearMonth::new(2016, 3),
            )),
            "ab November 2015 – März 2016",
        ),
        (
            Period::between(Period::day(d(2016, 4, 18)), Period::day(d(2016, 6, 15))),
            "ab 18.04.2016 bis 15.06.2016",
        ),
        (
            Period::since(Period::date_range(d(2016, 4, 18), d(2016, 6, 15))),
            "ab 18.04.2016–15.06.2016",
        ),
        (
            Period::between(
                Period::date_range(d(2016, 3, 7), d(2016, 3, 10)),
                Period::day(d(2016, 4, 18)),
            ),
            "ab 07.03.2016–10.03.2016 bis 18.04.2016",
        ),
        (
            Period::between(Period::year(2018), Period::year(2021)),
            "ab 2018 bis 2021",
        ),
        (
            Period::since(Period::year_range(2018, 2021)),
            "ab 2018–2021",
        ),
        (
            Period::between(Period::quarters(2019, 2, 3), Period::half_year(2020, 1)),
            "ab 2. und 3. Quartal 2019 bis 1. Halbjahr 2020",
        ),
        (
            Period::deadline(Period::month(2018, 10)),
            "bis spätestens Oktober 2018",
        ),
        (
            Period::part_of(YearPart::Late, Period::quarter(2025, 1)),
            "Ende des 1. Quartals 2025",
        ),
        (
            Period::part_of(YearPart::Middle, Period::half_year(2019, 2)),
            "Mitte des 2. Halbjahres 2019",
        ),
        (
            Period::part_of(YearPart::Early, Period::month(2024, 5)),
            "Anfang Mai 2024",
        ),
        (
            Period::between(
                Period::part_of(YearPart::Early, Period::month(2024, 5)),
                Period::part_of(YearPart::Late, Period::quarter(2025, 1)),
            ),
            "ab Anfang Mai 2024 bis Ende des 1. Quartals 2025",
        ),
    ];
    for (period, text) in cases {
        assert!(period.is_valid(), "{period:?}: {:?}", period.problems());
        assert_eq!(period.to_string(), text);
        assert_eq!(p(text), period, "reading {text:?}");
        assert_eq!(Period::parse_in(text, Language::De), Ok(period));
    }
    // Other spellings of the same periods.
    assert_eq!(
        p("ab dem 18.04.2016 bis zum 15.06.2016"),
        Period::between(Period::day(d(2016, 4, 18)), Period::day(d(2016, 6, 15)))
    );
    assert_eq!(
        p("seit Mai 2017 bis August 2017"),
        Period::between(may, august)
    );
    assert_eq!(
        p("ab 18.04.2016 - 15.06.2016"),
        Period::since(Period::date_range(d(2016, 4, 18), d(2016, 6, 15)))
    );
}

/// The forms the brief and the module documentation promise.
#[test]
fn documented_forms_parse() {
    let cases: Vec<(&str, Period)> = vec![
        ("2.2.2019", Period::day(d(2019, 2, 2))),
        ("12. Februar 2019", Period::day(d(2019, 2, 12))),
        (
            "07./10.03.2016",
            Period::days([d(2016, 3, 7), d(2016, 3, 10)]),
        ),
        (
            "07., 08. und 10.03.2016",
            Period::days([d(2016, 3, 7), d(2016, 3, 8), d(2016, 3, 10)]),
        ),
        (
            "24.04. und 18.05.2018",
            Period::days([d(2018, 4, 24), d(2018, 5, 18)]),
        ),
        (
            "24. April und 18. Mai 2018",
            Period::days([d(2018, 4, 24), d(2018, 5, 18)]),
        ),
        (
            "30.12.2018/02.01.2019",
            Period::days([d(2018, 12, 30), d(2019, 1, 2)]),
        ),
        (
            "30.12.2018 und 02.01.2019",
            Period::days([d(2018, 12, 30), d(2019, 1, 2)]),
        ),
        (
            "18.04.2016 bis 15.06.2016",
            Period::date_range(d(2016, 4, 18), d(2016, 6, 15)),
        ),
        (
            "18.04.2016 - 15.06.2016",
            Period::date_range(d(2016, 4, 18), d(2016, 6, 15)),
        ),
        (
            "18.04.–15.06.2016",
            Period::date_range(d(2016, 4, 18), d(2016, 6, 15)),
        ),
        (
            "18.–20.04.2016",
            Period::date_range(d(2016, 4, 18), d(2016, 4, 20)),
        ),
        (
            "18.-20.04.2016",
            Period::date_range(d(2016, 4, 18), d(2016, 4, 20)),
        ),
        (
            "18. bis 20. April 2016",
            Period::date_range(d(2016, 4, 18), d(2016, 4, 20)),
        ),
        ("november 2017", Period::month(2017, 11)),
        ("NOVEMBER 2017", Period::month(2017, 11)),
        ("Nov. 2017", Period::month(2017, 11)),
        ("Nov 2017", Period::month(2017, 11)),
        ("Maerz 2016", Period::month(2016, 3)),
        ("Jänner 2016", Period::month(2016, 1)),
        ("Sept. 2016", Period::month(2016, 9)),
        ("April, Mai und Juni 2016", Period::months(2016, [4, 5, 6])),
        (
            "Mai - August 2017",
            Period::month_range(YearMonth::new(2017, 5), YearMonth::new(2017, 8)),
        ),
        (
            "Mai 2017 bis August 2017",
            Period::month_range(YearMonth::new(2017, 5), YearMonth::new(2017, 8)),
        ),
        (
            "November 2015 bis März 2016",
            Period::month_range(YearMonth::new(2015, 11), YearMonth::new(2016, 3)),
        ),
        (
            "Nov. 2015 – Maerz 2016",
            Period::month_range(YearMonth::new(2015, 11), YearMonth::new(2016, 3)),
        ),
        ("3. Quartal 2019", Period::quarter(2019, 3)),
        ("Q3 2019", Period::quarter(2019, 3)),
        ("q3 2019", Period::quarter(2019, 3)),
        ("Q3/2019", Period::quarter(2019, 3)),
        ("Q2 und Q3 2019", Period::quarters(2019, 2, 3)),
        ("1. bis 3. Quartal 2019", Period::quarters(2019, 1, 3)),
        ("1.–3. Quartal 2019", Period::quarters(2019, 1, 3)),
        ("1., 2. und 3. Quartal 2019", Period::quarters(2019, 1, 3)),
        ("Q1–Q3 2019", Period::quarters(2019, 1, 3)),
        ("1. Hj. 2019", Period::half_year(2019, 1)),
        ("1. HJ 2019", Period::half_year(2019, 1)),
        ("2. Jahreshälfte 2019", Period::half_year(2019, 2)),
        ("H2 2019", Period::half_year(2019, 2)),
        ("2018–2021", Period::year_range(2018, 2021)),
        ("2018-2021", Period::year_range(2018, 2021)),
        ("2018 bis 2021", Period::year_range(2018, 2021)),
        ("Mitte 2020", Period::part_of_year(2020, YearPart::Middle)),
        ("Ende 2018", Period::part_of_year(2018, YearPart::Late)),
        (
            "Ende des Jahres 2018",
            Period::part_of_year(2018, YearPart::Late),
        ),
        ("Ende 2018/Anfang 2019", Period::turn_of_year(2018)),
        ("Jahreswechsel 2018/2019", Period::turn_of_year(2018)),
        ("Jahreswechsel 2018/19", Period::turn_of_year(2018)),
        ("ab Juni 2019", Period::since(Period::month(2019, 6))),
        ("ab 2020", Period::since(Period::year(2020))),
        ("seit 2019", Period::since(Period::year(2019))),
        (
            "ab dem 12.02.2019",
            Period::since(Period::day(d(2019, 2, 12))),
        ),
        ("ab dem Jahr 2020", Period::since(Period::year(2020))),
        ("2035+", Period::since(Period::year(2035))),
        (
            "bis Ende 2018",
            Period::until(Period::part_of_year(2018, YearPart::Late)),
        ),
        // Whitespace is free.
        ("  2.   Halbjahr\t2019 \n", Period::half_year(2019, 2)),
        (
            "\u{a0}Ende 2018\u{a0}/\u{a0}Anfang 2019",
            Period::turn_of_year(2018),
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(p(text), expected, "meaning of {text:?}");
    }
}

#[test]
fn canonical_printing() {
    let cases: Vec<(Period, &str)> = vec![
        (
            Period::days([d(2016, 3, 7), d(2016, 3, 8), d(2016, 3, 10)]),
            "07., 08. und 10.03.2016",
        ),
        (
            Period::days([d(2018, 4, 24), d(2018, 4, 28), d(2018, 5, 18)]),
            "24.04./28.04./18.05.2018",
        ),
        (
            Period::days([d(2018, 12, 30), d(2019, 1, 2)]),
            "30.12.2018/02.01.2019",
        ),
        (
            Period::date_range(d(2016, 4, 18), d(2016, 6, 15)),
            "18.04.2016 bis 15.06.2016",
        ),
        (
            Period::month_range(YearMonth::new(2015, 11), YearMonth::new(2016, 3)),
            "November 2015 bis März 2016",
        ),
        (Period::quarter(2019, 3), "3. Quartal 2019"),
        (Period::quarters(2019, 1, 3), "1. bis 3. Quartal 2019"),
        (Period::quarters(2019, 3, 4), "3. und 4. Quartal 2019"),
        (Period::year_range(2018, 2021), "2018–2021"),
        (Period::part_of_year(2020, YearPart::Middle), "Mitte 2020"),
        (Period::since(Period::year(2020)), "ab 2020"),
        (Period::year(812), "0812"),
    ];
    for (period, text) in cases {
        assert_eq!(period.to_string(), text);
        assert_eq!(p(text), period);
    }
}

#[test]
fn bounds() {
    let cases: Vec<(&str, Option<Date>, Option<Date>)> = vec![
        ("12.02.2019", Some(d(2019, 2, 12)), Some(d(2019, 2, 12))),
        (
            "07. und 10.03.2016",
            Some(d(2016, 3, 7)),
            Some(d(2016, 3, 10)),
        ),
        (
            "24.04./18.05.2018",
            Some(d(2018, 4, 24)),
            Some(d(2018, 5, 18)),
        ),
        (
            "18.04.2016 bis 15.06.2016",
            Some(d(2016, 4, 18)),
            Some(d(2016, 6, 15)),
        ),
        ("Februar 2020", Some(d(2020, 2, 1)), Some(d(2020, 2, 29))),
        ("Februar 2019", Some(d(2019, 2, 1)), Some(d(2019, 2, 28))),
        (
            "April/Mai/Juni 2016",
            Some(d(2016, 4, 1)),
            Some(d(2016, 6, 30)),
        ),
        (
            "Mai bis August 2017",
            Some(d(2017, 5, 1)),
            Some(d(2017, 8, 31)),
        ),
        (
            "November 2015 bis März 2016",
            Some(d(2015, 11, 1)),
            Some(d(2016, 3, 31)),
        ),
        ("1. Quartal 2019", Some(d(2019, 1, 1)), Some(d(2019, 3, 31))),
        (
            "4. Quartal 2019",
            Some(d(2019, 10, 1)),
            Some(d(2019, 12, 31)),
        ),
        (
            "2. und 3. Quartal 2019",
            Some(d(2019, 4, 1)),
            Some(d(2019, 9, 30)),
        ),
        (
            "1. Halbjahr 2019",
            Some(d(2019, 1, 1)),
            Some(d(2019, 6, 30)),
        ),
        (
            "2. Halbjahr 2019",
            Some(d(2019, 7, 1)),
            Some(d(2019, 12, 31)),
        ),
        ("2019", Some(d(2019, 1, 1)), Some(d(2019, 12, 31))),
        ("2018–2021", Some(d(2018, 1, 1)), Some(d(2021, 12, 31))),
        ("Anfang 2020", Some(d(2020, 1, 1)), Some(d(2020, 4, 30))),
        ("Mitte 2020", Some(d(2020, 5, 1)), Some(d(2020, 8, 31))),
        ("Ende 2018", Some(d(2018, 9, 1)), Some(d(2018, 12, 31))),
        (
            "Ende 2018 / Anfang 2019",
            Some(d(2018, 9, 1)),
            Some(d(2019, 4, 30)),
        ),
        ("ab Juni 2019", Some(d(2019, 6, 1)), None),
        ("bis 2026", None, Some(d(2026, 12, 31))),
        ("bis Ende 2018", None, Some(d(2018, 12, 31))),
        (
            "Ende 9998 / Anfang 9999",
            Some(d(9998, 9, 1)),
            Some(d(9999, 4, 30)),
        ),
        ("0001", Some(d(1, 1, 1)), Some(d(1, 12, 31))),
    ];
    for (text, earliest, latest) in cases {
        let period = p(text);
        assert_eq!(period.earliest(), earliest, "earliest of {text:?}");
        assert_eq!(period.latest(), latest, "latest of {text:?}");
    }
}

#[test]
fn sorts_chronologically() {
    let expected = [
        "bis 2016",
        "November 2015 bis März 2016",
        "07. und 10.03.2016",
        "April/Mai/Juni 2016",
        "Mai bis August 2017",
        "24.04./18.05.2018",
        "Ende 2018",
        "Ende 2018 / Anfang 2019",
        "2019",
        "12.02.2019",
        "2. und 3. Quartal 2019",
        "ab Juni 2019",
        "2. Halbjahr 2019",
        "Anfang 2020",
        "ab 2020",
    ];
    let mut periods: Vec<Period> = expected.iter().rev().map(|t| p(t)).collect();
    periods.swap(0, 7);
    periods.swap(3, 11);
    periods.sort();
    let printed: Vec<String> = periods.iter().map(ToString::to_string).collect();
    assert_eq!(printed, expected);
}

#[test]
fn order_ties() {
    // Same start: the shorter period first; open end last.
    assert!(p("1. Halbjahr 2019") < p("2019"));
    assert!(p("2019") < p("ab 2019"));
    assert!(p("2019") < p("2. Halbjahr 2019"));
    // Same bounds: by kind, then fields.
    assert!(p("Anfang 2020") > p("Januar bis April 2020"));
    assert!(p("01.01.2020 bis 30.04.2020") < p("Januar bis April 2020"));
    assert_eq!(p("2019").cmp(&p("2019")), std::cmp::Ordering::Equal);
    // Open start first.
    assert!(p("bis 2030") < p("0001"));
}

#[test]
fn error_for_unknown_text_quotes_it() {
    assert_eq!(
        err("Sommer 2019"),
        "cannot read period \"Sommer 2019\": expected a German date or period such as \
         \"12.02.2019\", \"2. Halbjahr 2019\" or \"Mai bis August 2017\""
    );
    let e = Period::parse_german("  Sommer 2019 ").unwrap_err();
    assert_eq!(e.text, "Sommer 2019");
    assert!(e.reason.starts_with("expected"));
    assert!(err("").contains("empty"));
    assert!(err("   ").contains("empty"));
}

#[test]
fn long_text_is_shortened_in_errors() {
    let text = "x".repeat(10_000);
    let e = Period::parse_german(&text).unwrap_err();
    assert_eq!(e.text, format!("{}…", "x".repeat(80)));
    assert!(e.to_string().len() < 400);
    let e = Period::parse_german(&"ä".repeat(81)).unwrap_err();
    assert_eq!(e.text.chars().count(), 81);
}

#[test]
fn rejects_impossible_values() {
    let cases = [
        ("30.02.2019", "30.02.2019 does not exist"),
        ("29.02.2019", "month 02/2019 has 28 days"),
        ("31.04.2019", "does not exist"),
        ("00.04.2019", "does not exist"),
        ("12.13.2019", "month 13"),
        ("12.00.2019", "month 0"),
        ("5. Quartal 2019", "quarter 5"),
        ("Q0 2019", "quarter 0"),
        ("3. Halbjahr 2019", "half-year 3"),
        ("2021 - 2018", "ends (2018) before it starts (2021)"),
        (
            "18.04.2016 bis 15.03.2016",
            "ends (15.03.2016) before it starts (18.04.2016)",
        ),
        ("20.–18.04.2016", "ends"),
        (
            "August bis Mai 2017",
            "ends (Mai 2017) before it starts (August 2017)",
        ),
        ("März 2016 bis November 2015", "ends"),
        ("3. bis 2. Quartal 2019", "ends"),
        ("3. bis 3. Quartal 2019", "must end after it starts"),
        ("2. und 4. Quartal 2019", "consecutive"),
        ("3. und 2. Quartal 2019", "consecutive"),
        ("10. und 07.03.2016", "ascending"),
        ("07. und 07.03.2016", "ascending"),
        ("Juni/April 2016", "ascending"),
        ("Mai/Mai 2016", "ascending"),
        ("Ende 2018 / Anfang 2020", "consecutive years"),
        ("Jahreswechsel 2018/20", "consecutive years"),
        ("Ende 9999 / Anfang 10000", "year"),
        ("0000", "four digits"),
        ("19", "four digits"),
        ("12.02.19", "four digits"),
        ("20190", "four digits"),
        ("Q3 99999999999999999999999", "four digits"),
        ("ab ab 2019", "nested"),
        ("bis seit 2019", "nested"),
    ];
    for (text, fragment) in cases {
        let message = err(text);
        assert!(
            message.starts_with(&format!("cannot read period {text:?}: ")),
            "{message}"
        );
        assert!(message.contains(fragment), "{text:?}: {message}");
    }
}

#[test]
fn rejects_other_text() {
    for text in [
        "Sommer 2019",
        "Mai",
        "2019 und 2020",
        "2018/2019",
        "12.02.",
        "12.02.2019 und",
        "12.02.2019,",
        "und 12.02.2019",
        "Q 3 2019",
        "3 Quartal 2019",
        "3. Quartal",
        "Quartal 2019",
        "2. Halbjahr",
        "1. und 2. Halbjahr 2019",
        "Anfang",
        "Anfang 2019 / Ende 2019",
        "Mitte 2018 / Anfang 2019",
        "Ende 2018 / Anfang",
        "Anfang bis Mitte 2020",
        "ab",
        "bis",
        "bis zum",
        "bis zum Jahr Mai 2020",
        "bis zum Jahr 2018–2021",
        "Mai.2017",
        "Mai 2017 2018",
        "2019+ 2020",
        "12.02.2019!",
        "123.04.2019",
        "2019-04-12",
        "١٢.٠٢.٢٠١٩",
        "12.02.2019\u{200b}",
        "Dezember 2015/Januar 2016",
        "ab 2019 bis 2020 bis 2021",
    ] {
        let message = err(text);
        assert!(message.contains("expected"), "{text:?}: {message}");
    }
}

#[test]
fn serde_json_shape() {
    let cases = vec![
        (
            p("12.02.2019"),
            json!({"kind": "day", "date": "2019-02-12"}),
        ),
        (
            p("07. und 10.03.2016"),
            json!({"kind": "days", "dates": ["2016-03-07", "2016-03-10"]}),
        ),
        (
            p("18.04.2016 bis 15.06.2016"),
            json!({"kind": "dateRange", "from": "2016-04-18", "to": "2016-06-15"}),
        ),
        (
            p("November 2017"),
            json!({"kind": "month", "year": 2017, "month": 11}),
        ),
        (
            p("April/Mai/Juni 2016"),
            json!({"kind": "months", "year": 2016, "months": [4, 5, 6]}),
        ),
        (
            p("November 2015 bis März 2016"),
            json!({"kind": "monthRange", "from": {"year": 2015, "month": 11}, "to": {"year": 2016, "month": 3}}),
        ),
        (
            p("3. Quartal 2019"),
            json!({"kind": "quarter", "year": 2019, "quarter": 3}),
        ),
        (
            p("2. und 3. Quartal 2019"),
            json!({"kind": "quarters", "year": 2019, "from": 2, "to": 3}),
        ),
        (
            p("2. Halbjahr 2019"),
            json!({"kind": "halfYear", "year": 2019, "half": 2}),
        ),
        (p("2019"), json!({"kind": "year", "year": 2019})),
        (
            p("2018–2021"),
            json!({"kind": "yearRange", "from": 2018, "to": 2021}),
        ),
        (
            p("Anfang 2020"),
            json!({"kind": "partOfYear", "year": 2020, "part": "early"}),
        ),
        (
            p("Ende 2018 / Anfang 2019"),
            json!({"kind": "turnOfYear", "year": 2018}),
        ),
        (
            p("ab Juni 2019"),
            json!({"kind": "since", "start": {"kind": "month", "year": 2019, "month": 6}}),
        ),
        (
            p("bis Ende 2018"),
            json!({"kind": "until", "end": {"kind": "partOfYear", "year": 2018, "part": "late"}}),
        ),
    ];
    for (period, value) in cases {
        assert_eq!(serde_json::to_value(&period).unwrap(), value, "{period}");
        let back: Period = serde_json::from_value(value).unwrap();
        assert_eq!(back, period);
    }
}

#[test]
fn invalid_deserialized_values_are_reported_not_panicked_on() {
    let cases = vec![
        (
            json!({"kind": "month", "year": 2019, "month": 13}),
            "month 13 is outside 1 to 12",
        ),
        (
            json!({"kind": "month", "year": 0, "month": 1}),
            "year 0 is outside 1 to 9999",
        ),
        (
            json!({"kind": "quarter", "year": 2019, "quarter": 5}),
            "quarter 5 is outside 1 to 4",
        ),
        (
            json!({"kind": "halfYear", "year": 2019, "half": 0}),
            "half-year 0 is neither 1 nor 2",
        ),
        (json!({"kind": "days", "dates": []}), "at least two days"),
        (
            json!({"kind": "days", "dates": ["2019-01-01"]}),
            "at least two days",
        ),
        (
            json!({"kind": "days", "dates": ["2019-01-02", "2019-01-01"]}),
            "days are not strictly ascending (2019-01-02 is followed by 2019-01-01)",
        ),
        (
            json!({"kind": "months", "year": 2019, "months": [5]}),
            "at least two months",
        ),
        (
            json!({"kind": "months", "year": 2019, "months": [5, 5]}),
            "not strictly ascending",
        ),
        (
            json!({"kind": "months", "year": 2019, "months": [5, 14]}),
            "month 14",
        ),
        (
            json!({"kind": "dateRange", "from": "2019-01-01", "to": "2018-01-01"}),
            "period ends (2018-01-01) before it starts (2019-01-01)",
        ),
        (
            json!({"kind": "monthRange", "from": {"year": 2019, "month": 5}, "to": {"year": 2019, "month": 4}}),
            "period ends (2019-04) before it starts (2019-05)",
        ),
        (
            json!({"kind": "quarters", "year": 2019, "from": 3, "to": 2}),
            "period ends (quarter 2) before it starts (quarter 3)",
        ),
        (
            json!({"kind": "quarters", "year": 2019, "from": 3, "to": 3}),
            "must end after",
        ),
        (
            json!({"kind": "quarters", "year": 2019, "from": 0, "to": 9}),
            "quarter 9",
        ),
        (
            json!({"kind": "yearRange", "from": 2021, "to": 2018}),
            "period ends (2018) before it starts (2021)",
        ),
        (
            json!({"kind": "yearRange", "from": 2021, "to": 2147483647}),
            "year 2147483647",
        ),
        (
            json!({"kind": "turnOfYear", "year": 9999}),
            "turn of the year 9999",
        ),
        (
            json!({"kind": "turnOfYear", "year": 2147483647}),
            "turn of the year",
        ),
        (
            json!({"kind": "year", "year": -2147483648}),
            "year -2147483648",
        ),
        (
            json!({"kind": "since", "start": {"kind": "until", "end": {"kind": "year", "year": 2019}}}),
            "cannot contain another one",
        ),
        (
            json!({"kind": "until", "end": {"kind": "month", "year": 2019, "month": 13}}),
            "month 13",
        ),
    ];
    let mut all = Vec::new();
    for (value, fragment) in cases {
        let period: Period = serde_json::from_value(value).unwrap();
        let problems = period.problems();
        assert!(
            problems.iter().any(|m| m.contains(fragment)),
            "{period:?}: {problems:?}"
        );
        assert!(!period.is_valid());
        // None of these may panic.
        let _ = (period.earliest(), period.latest(), period.to_string());
        all.push(period);
    }
    all.sort();
    assert_eq!(Period::month(2019, 13).earliest(), None);
    assert_eq!(Period::turn_of_year(9999).latest(), None);
    assert_eq!(Period::turn_of_year(i32::MAX).latest(), None);
}

#[test]
fn from_str_matches_parse_german() {
    let a: Period = "2. Halbjahr 2019".parse().unwrap();
    assert_eq!(a, Period::half_year(2019, 2));
    assert!("Sommer".parse::<Period>().is_err());
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

fn date() -> impl Strategy<Value = Date> {
    (1..=9999i32, 1..=12u8, 1..=31u8).prop_map(|(y, m, day)| {
        Date::from_ymd(y, m, day)
            .or_else(|_| Date::last_of_month(y, m))
            .expect("valid month")
    })
}

fn year() -> impl Strategy<Value = i32> {
    prop_oneof![1..=9999i32, 1990..=2040i32]
}

fn days() -> impl Strategy<Value = Period> {
    (
        date(),
        prop::collection::vec(1..400i64, 1..6),
        any::<bool>(),
    )
        .prop_map(|(start, steps, short)| {
            let mut dates = vec![start];
            let mut cur = start;
            for step in steps {
                cur = cur.add_days(if short { step % 12 + 1 } else { step });
                dates.push(cur);
            }
            Period::days(dates)
        })
        .prop_filter("two distinct days", Period::is_valid)
}

fn closed_period() -> impl Strategy<Value = Period> {
    prop_oneof![
        date().prop_map(Period::day),
        days(),
        (date(), date()).prop_map(|(a, b)| Period::date_range(a.min(b), a.max(b))),
        (year(), 1..=12u8).prop_map(|(y, m)| Period::month(y, m)),
        (year(), prop::collection::btree_set(1..=12u8, 2..=12))
            .prop_map(|(y, ms)| Period::months(y, ms)),
        (year(), 1..=12u8, year(), 1..=12u8).prop_map(|(y1, m1, y2, m2)| {
            let (a, b) = (YearMonth::new(y1, m1), YearMonth::new(y2, m2));
            Period::month_range(a.min(b), a.max(b))
        }),
        (year(), 1..=12u8, 1..=12u8).prop_map(|(y, m1, m2)| {
            Period::month_range(YearMonth::new(y, m1.min(m2)), YearMonth::new(y, m1.max(m2)))
        }),
        (year(), 1..=4u8).prop_map(|(y, q)| Period::quarter(y, q)),
        (year(), 1..=3u8, 1..=3u8).prop_map(|(y, from, len)| Period::quarters(
            y,
            from,
            (from + len).min(4)
        )),
        (year(), 1..=2u8).prop_map(|(y, h)| Period::half_year(y, h)),
        year().prop_map(Period::year),
        (year(), year()).prop_map(|(a, b)| Period::year_range(a.min(b), a.max(b))),
        (
            year(),
            prop_oneof![
                Just(YearPart::Early),
                Just(YearPart::Middle),
                Just(YearPart::Late)
            ]
        )
            .prop_map(|(y, part)| Period::part_of_year(y, part)),
        (1..=9998i32).prop_map(Period::turn_of_year),
    ]
}

fn valid_period() -> impl Strategy<Value = Period> {
    prop_oneof![
        3 => closed_period(),
        1 => closed_period().prop_map(Period::since),
        1 => closed_period().prop_map(Period::until),
    ]
}

/// Text made of the pieces periods are written with, to reach deep into the
/// parser.
fn period_like_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("12".to_owned()),
        Just("7".to_owned()),
        Just("0".to_owned()),
        Just("31".to_owned()),
        Just("2019".to_owned()),
        Just("9999".to_owned()),
        Just("0000".to_owned()),
        Just("99999999999999999999".to_owned()),
        Just(".".to_owned()),
        Just(",".to_owned()),
        Just("/".to_owned()),
        Just("-".to_owned()),
        Just("–".to_owned()),
        Just("+".to_owned()),
        Just(" ".to_owned()),
        Just("und".to_owned()),
        Just("bis".to_owned()),
        Just("ab".to_owned()),
        Just("seit".to_owned()),
        Just("zum".to_owned()),
        Just("dem".to_owned()),
        Just("Jahr".to_owned()),
        Just("des Jahres".to_owned()),
        Just("Mai".to_owned()),
        Just("Nov".to_owned()),
        Just("März".to_owned()),
        Just("Quartal".to_owned()),
        Just("Q".to_owned()),
        Just("H".to_owned()),
        Just("Halbjahr".to_owned()),
        Just("Hj".to_owned()),
        Just("Anfang".to_owned()),
        Just("Mitte".to_owned()),
        Just("Ende".to_owned()),
        Just("Jahreswechsel".to_owned()),
        "\\PC{0,3}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn json_round_trips(period in valid_period()) {
        let json = serde_json::to_string(&period).unwrap();
        let back: Period = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, period);
    }

    #[test]
    fn parsing_arbitrary_text_never_panics(text in any::<String>()) {
        check_parse_result(&text)?;
    }

    #[test]
    fn parsing_period_like_text_never_panics(text in period_like_text()) {
        check_parse_result(&text)?;
    }

    #[test]
    fn order_follows_bounds_and_equality(a in valid_period(), b in valid_period(), c in valid_period()) {
        use std::cmp::Ordering;
        let ab = a.cmp(&b);
        prop_assert_eq!(ab, b.cmp(&a).reverse());
        prop_assert_eq!(ab == Ordering::Equal, a == b);
        prop_assert_eq!(a.partial_cmp(&b), Some(ab));
        if a.earliest() != b.earliest() {
            // None (open start) first.
            prop_assert_eq!(ab, a.earliest().cmp(&b.earliest()));
        }
        let mut sorted = [a.clone(), b.clone(), c.clone()];
        sorted.sort();
        prop_assert!(sorted[0] <= sorted[1] && sorted[1] <= sorted[2] && sorted[0] <= sorted[2]);
        for w in sorted.windows(2) {
            prop_assert!(w[0].earliest() <= w[1].earliest());
        }
        prop_assert_eq!(a.cmp(&a.clone()), Ordering::Equal);
    }

    #[test]
    fn bounds_are_ordered(period in valid_period()) {
        if let (Some(e), Some(l)) = (period.earliest(), period.latest()) {
            prop_assert!(e <= l, "{}: {} > {}", period, e, l);
        }
        match &period {
            Period::Since { .. } => prop_assert!(period.latest().is_none() && period.earliest().is_some()),
            Period::Until { .. } => prop_assert!(period.earliest().is_none() && period.latest().is_some()),
            _ => prop_assert!(period.earliest().is_some() && period.latest().is_some()),
        }
    }
}

fn check_parse_result(text: &str) -> Result<(), TestCaseError> {
    match Period::parse_german(text) {
        Ok(period) => {
            prop_assert!(period.is_valid(), "{:?} → {:?}", text, period);
            let printed = period.to_string();
            prop_assert_eq!(Period::parse_german(&printed).ok(), Some(period));
        }
        Err(e) => {
            prop_assert!(e.text.chars().count() <= 81);
            prop_assert!(!e.reason.is_empty());
            let shown = e.to_string();
            prop_assert!(shown.starts_with("cannot read period \""));
        }
    }
    Ok(())
}

// ----- English -----------------------------------------------------------

#[test]
fn every_kind_of_period_prints_in_english() {
    let cases: Vec<(Period, &str)> = vec![
        (Period::day(d(2019, 2, 12)), "12 February 2019"),
        (
            Period::days([d(2016, 3, 7), d(2016, 3, 8), d(2016, 3, 10)]),
            "7, 8 and 10 March 2016",
        ),
        (
            Period::days([d(2018, 4, 24), d(2018, 5, 18)]),
            "24 April and 18 May 2018",
        ),
        (
            Period::days([d(2018, 12, 30), d(2019, 1, 2)]),
            "30 December 2018 and 2 January 2019",
        ),
        (
            Period::date_range(d(2016, 4, 18), d(2016, 6, 15)),
            "18 April 2016 to 15 June 2016",
        ),
        (Period::month(2017, 5), "May 2017"),
        (Period::months(2017, [3, 5]), "March and May 2017"),
        (
            Period::month_range(YearMonth::new(2017, 5), YearMonth::new(2017, 8)),
            "May to August 2017",
        ),
        (
            Period::month_range(YearMonth::new(2017, 11), YearMonth::new(2018, 2)),
            "November 2017 to February 2018",
        ),
        (Period::quarter(2019, 3), "Q3 2019"),
        (Period::quarters(2019, 2, 3), "Q2 and Q3 2019"),
        (Period::quarters(2019, 1, 3), "Q1 to Q3 2019"),
        (Period::half_year(2019, 1), "1st half of 2019"),
        (Period::year(2020), "2020"),
        (Period::year_range(2018, 2021), "2018–2021"),
        (Period::part_of_year(2020, YearPart::Middle), "mid 2020"),
        (Period::turn_of_year(2018), "late 2018 / early 2019"),
        (Period::since(Period::quarter(2020, 2)), "from Q2 2020"),
        (Period::until(Period::year(2026)), "until 2026"),
    ];
    for (period, english) in cases {
        assert_eq!(period.english().to_string(), english, "{period:?}");
    }
}

/// No German word is left in the English form of any period the German
/// parser accepts.
#[test]
fn english_periods_carry_no_german_words() {
    const GERMAN: &[&str] = &[
        "bis", "und", "ab", "Quartal", "Halbjahr", "Anfang", "Mitte", "Ende", "Januar", "Februar",
        "März", "Juni", "Juli", "Oktober", "Dezember", "Monat",
    ];
    for text in [
        "12.02.2019",
        "07. und 10.03.2016",
        "24.04./18.05.2018",
        "18.04.2016 bis 15.06.2016",
        "März 2017",
        "Mai bis August 2017",
        "2. und 3. Quartal 2019",
        "2. Halbjahr 2019",
        "2018–2021",
        "Anfang 2020",
        "Ende 2018 / Anfang 2019",
        "ab 2020",
        "bis Ende 2026",
    ] {
        let period = Period::parse_german(text).expect(text);
        let english = period.english().to_string();
        for word in english.split(|c: char| !c.is_alphabetic()) {
            assert!(!GERMAN.contains(&word), "{text} -> {english}");
        }
    }
}

/// Every valid period of every kind of [`Period::KINDS`]: the closed ones,
/// parts of months, quarters and half-years, and each open kind around them.
fn any_period() -> impl Strategy<Value = Period> {
    let part = prop_oneof![
        Just(YearPart::Early),
        Just(YearPart::Middle),
        Just(YearPart::Late)
    ];
    let of = prop_oneof![
        (year(), 1..=12u8).prop_map(|(y, m)| Period::month(y, m)),
        (year(), 1..=4u8).prop_map(|(y, q)| Period::quarter(y, q)),
        (year(), 1..=2u8).prop_map(|(y, h)| Period::half_year(y, h)),
    ];
    let inner = prop_oneof![
        3 => closed_period(),
        1 => (part, of).prop_map(|(part, of)| Period::part_of(part, of)),
    ];
    prop_oneof![
        4 => inner.clone(),
        1 => inner.clone().prop_map(Period::since),
        1 => inner.clone().prop_map(Period::until),
        1 => inner.clone().prop_map(Period::deadline),
        1 => (inner.clone(), inner).prop_map(|(a, b)| {
            let (start, end) = if a <= b { (a, b) } else { (b, a) };
            Period::between(start, end)
        }),
    ]
    .prop_filter("valid", Period::is_valid)
}

#[test]
fn the_generator_makes_every_kind() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = any_period();
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..5_000 {
        seen.insert(strategy.new_tree(&mut runner).unwrap().current().kind());
    }
    let all: std::collections::BTreeSet<&str> = Period::KINDS.iter().copied().collect();
    assert_eq!(seen, all);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn german_printing_round_trips(period in any_period()) {
        let text = period.to_string();
        let back = Period::parse_german(&text);
        prop_assert_eq!(back.as_ref().ok(), Some(&period), "{} → {:?}", text, back);
        prop_assert_eq!(text.parse::<Period>().ok(), Some(period.clone()));
        prop_assert_eq!(Period::parse_in(&text, Language::De).ok(), Some(period));
    }

    #[test]
    fn english_printing_round_trips(period in any_period()) {
        let text = period.english().to_string();
        let back = Period::parse_english(&text);
        prop_assert_eq!(back.as_ref().ok(), Some(&period), "{} → {:?}", text, back);
        prop_assert_eq!(Period::parse_in(&text, Language::En).ok(), Some(period));
    }

    #[test]
    fn parsing_arbitrary_text_as_english_never_panics(text in any::<String>()) {
        check_english_result(&text)?;
    }

    #[test]
    fn parsing_english_like_text_never_panics(text in english_like_text()) {
        check_english_result(&text)?;
    }
}

fn check_english_result(text: &str) -> Result<(), TestCaseError> {
    match Period::parse_english(text) {
        Ok(period) => {
            prop_assert!(period.is_valid(), "{:?} → {:?}", text, period);
            let printed = period.english().to_string();
            prop_assert_eq!(Period::parse_english(&printed).ok(), Some(period));
        }
        Err(e) => {
            prop_assert!(e.text.chars().count() <= 81);
            prop_assert!(!e.reason.is_empty());
        }
    }
    Ok(())
}

/// Text made of the pieces English periods are written with.
fn english_like_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("7".to_owned()),
        Just("31".to_owned()),
        Just("2019".to_owned()),
        Just("0000".to_owned()),
        Just("st".to_owned()),
        Just("rd".to_owned()),
        Just(",".to_owned()),
        Just("/".to_owned()),
        Just("-".to_owned()),
        Just("–".to_owned()),
        Just("+".to_owned()),
        Just(" ".to_owned()),
        Just("and".to_owned()),
        Just("to".to_owned()),
        Just("from".to_owned()),
        Just("until".to_owned()),
        Just("by".to_owned()),
        Just("at the latest".to_owned()),
        Just("onwards".to_owned()),
        Just("the".to_owned()),
        Just("of".to_owned()),
        Just("May".to_owned()),
        Just("Sept.".to_owned()),
        Just("Q".to_owned()),
        Just("H".to_owned()),
        Just("quarter".to_owned()),
        Just("half".to_owned()),
        Just("year".to_owned()),
        Just("third".to_owned()),
        Just("early".to_owned()),
        Just("mid".to_owned()),
        Just("end of".to_owned()),
        Just("turn of".to_owned()),
        "\\PC{0,3}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.join(" "))
}

#[test]
fn english_forms_people_type() {
    let en = |text: &str| Period::parse_english(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    let cases: Vec<(&str, Period)> = vec![
        ("7 March 2016", Period::day(d(2016, 3, 7))),
        ("7th of march 2016", Period::day(d(2016, 3, 7))),
        ("March 7, 2016", Period::day(d(2016, 3, 7))),
        (" 2016-03-07 ", Period::day(d(2016, 3, 7))),
        (
            "7, 8, and 10 March 2016",
            Period::days([d(2016, 3, 7), d(2016, 3, 8), d(2016, 3, 10)]),
        ),
        (
            "18–20 April 2016",
            Period::date_range(d(2016, 4, 18), d(2016, 4, 20)),
        ),
        (
            "18 April to 15 June 2016",
            Period::date_range(d(2016, 4, 18), d(2016, 6, 15)),
        ),
        (
            "2016-04-18 - 2016-06-15",
            Period::date_range(d(2016, 4, 18), d(2016, 6, 15)),
        ),
        ("Nov. 2017", Period::month(2017, 11)),
        ("11/2017", Period::month(2017, 11)),
        ("2017-11", Period::month(2017, 11)),
        ("April/May/June 2016", Period::months(2016, [4, 5, 6])),
        (
            "may - august 2017",
            Period::month_range(YearMonth::new(2017, 5), YearMonth::new(2017, 8)),
        ),
        ("Q3/2019", Period::quarter(2019, 3)),
        ("3rd quarter of 2019", Period::quarter(2019, 3)),
        ("Q1–Q3 2019", Period::quarters(2019, 1, 3)),
        ("2nd and 3rd quarters of 2019", Period::quarters(2019, 2, 3)),
        ("H2 2019", Period::half_year(2019, 2)),
        ("second half of 2019", Period::half_year(2019, 2)),
        ("2nd half-year 2019", Period::half_year(2019, 2)),
        ("2018 to 2021", Period::year_range(2018, 2021)),
        ("mid-2020", Period::part_of_year(2020, YearPart::Middle)),
        (
            "the beginning of 2020",
            Period::part_of_year(2020, YearPart::Early),
        ),
        ("turn of the year 2018/19", Period::turn_of_year(2018)),
        (
            "end of May 2024",
            Period::part_of(YearPart::Late, Period::month(2024, 5)),
        ),
        ("since 2019", Period::since(Period::year(2019))),
        ("from 2020 onwards", Period::since(Period::year(2020))),
        ("2035+", Period::since(Period::year(2035))),
        ("by 2026", Period::until(Period::year(2026))),
        (
            "by the end of 2018",
            Period::until(Period::part_of_year(2018, YearPart::Late)),
        ),
        (
            "no later than October 2018",
            Period::deadline(Period::month(2018, 10)),
        ),
        (
            "from June 2019 to early 2020",
            Period::between(
                Period::month(2019, 6),
                Period::part_of_year(2020, YearPart::Early),
            ),
        ),
    ];
    for (text, period) in cases {
        assert_eq!(en(text), period, "{text:?}");
    }
    for text in [
        "summer 2019",
        "03/07/2016",
        "12.02.2019",
        "2. Halbjahr 2019",
        "Q5 2019",
        "31 February 2019",
        "from from 2019",
        "2019-13",
        "",
    ] {
        assert!(
            Period::parse_english(text).is_err(),
            "{text:?} was accepted"
        );
    }
}
