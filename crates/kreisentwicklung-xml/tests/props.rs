//! Property tests: any valid concept, with hostile but legal text, comes
//! back from XML unchanged, and JSON → XML → JSON gives the same bytes.
//! Importing arbitrary bytes never panics.

use kreisentwicklung_core::export::ExportOptions;
use kreisentwicklung_core::validate::is_xml_illegal;
use kreisentwicklung_core::*;
use proptest::prelude::*;

/// Characters XML must escape or keep exactly, plus any legal character.
fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec![
            '<', '>', '&', ']', '"', '\'', ' ', '\t', '\r', '\n', '😀', '\u{200F}', '\u{200E}',
            '\u{202E}', '\u{FEFF}', '\u{FFFD}', '\u{10FFFF}', 'ä', 'ß', ';', '#', '!', '-', '?',
        ]),
        3 => prop::char::range('a', 'z'),
        1 => any::<char>().prop_filter("legal in XML", |c| !is_xml_illegal(*c)),
    ]
}

fn any_string() -> impl Strategy<Value = String> {
    prop::collection::vec(any_char(), 0..24).prop_map(|v| v.into_iter().collect())
}

/// Text that is not blank, for places where text is required.
fn required_string() -> impl Strategy<Value = String> {
    (any_string(), prop::char::range('A', 'Z'), any_string())
        .prop_map(|(a, c, b)| format!("{a}{c}{b}"))
}

fn with_translations(main: impl Strategy<Value = String>) -> impl Strategy<Value = Text> {
    (
        main,
        prop::collection::btree_map(
            prop::sample::select(vec!["en", "hsb", "pl", "en-GB", "dsb"]),
            any_string(),
            0..3,
        ),
    )
        .prop_map(|(text, tr)| Text {
            text,
            translations: tr.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        })
}

fn any_text() -> impl Strategy<Value = Text> {
    with_translations(any_string())
}

fn required_text() -> impl Strategy<Value = Text> {
    with_translations(required_string())
}

fn any_date() -> impl Strategy<Value = Date> {
    (1i32..=9999, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::from_ymd(y, m, d).unwrap())
}

fn bounded_period() -> impl Strategy<Value = Period> {
    let year = 1i32..=9999;
    prop_oneof![
        any_date().prop_map(Period::day),
        prop::collection::btree_set(any_date(), 2..5).prop_map(Period::days),
        (any_date(), any_date()).prop_map(|(a, b)| Period::date_range(a.min(b), a.max(b))),
        (year.clone(), 1u8..=12).prop_map(|(y, m)| Period::month(y, m)),
        (year.clone(), prop::collection::btree_set(1u8..=12, 2..5))
            .prop_map(|(y, ms)| Period::months(y, ms)),
        (year.clone(), 1u8..=12, year.clone(), 1u8..=12).prop_map(|(y1, m1, y2, m2)| {
            let (a, b) = (YearMonth::new(y1, m1), YearMonth::new(y2, m2));
            Period::month_range(a.min(b), a.max(b))
        }),
        (year.clone(), 1u8..=4).prop_map(|(y, q)| Period::quarter(y, q)),
        (year.clone(), 1u8..=3, 1u8..=3).prop_map(|(y, a, n)| Period::quarters(
            y,
            a,
            (a + n).min(4)
        )),
        (year.clone(), 1u8..=2).prop_map(|(y, h)| Period::half_year(y, h)),
        year.clone().prop_map(Period::year),
        (year.clone(), year.clone()).prop_map(|(a, b)| Period::year_range(a.min(b), a.max(b))),
        (
            year.clone(),
            prop::sample::select(vec![YearPart::Early, YearPart::Middle, YearPart::Late])
        )
            .prop_map(|(y, p)| Period::part_of_year(y, p)),
        (1i32..=9998).prop_map(Period::turn_of_year),
    ]
    .prop_filter("valid period", Period::is_valid)
}

fn any_period() -> impl Strategy<Value = Period> {
    prop_oneof![
        6 => bounded_period(),
        1 => bounded_period().prop_map(Period::since),
        1 => bounded_period().prop_map(Period::until),
    ]
}

fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>().prop_filter("finite", |v| v.is_finite()),
        -1e6f64..1e6,
        Just(0.0),
        Just(-0.0),
        Just(f64::MIN_POSITIVE),
        Just(f64::MAX),
    ]
}

fn euro() -> impl Strategy<Value = Euro> {
    (-MAX_EUROS * 100..=MAX_EUROS * 100).prop_map(Euro::from_cents)
}

prop_compose! {
    fn any_measure(i: usize)(
        title in required_text(),
        description in prop::option::of(any_text()),
        number in prop::option::of(any_string()),
        period in prop::option::of(any_period()),
        costs in prop::option::of((prop::option::of(euro()), any::<bool>(), prop::option::of(any_text()))),
        budget in prop::collection::vec((1i32..=9999, euro(), prop::option::of(any_string())), 0..3),
        share in prop::option::of(0.0f64..=100.0),
        status in prop::option::of(prop::sample::select(MeasureStatus::ALL.to_vec())),
    ) -> Measure {
        let mut m = Measure::new(format!("m{i}"), title).with_goal("z1");
        m.description = description;
        m.number = number;
        m.period = period;
        m.costs = costs.map(|(amount, estimated, note)| Costs { amount, estimated, note });
        m.budget = budget
            .into_iter()
            .map(|(year, amount, account)| BudgetLine { year, amount, account, note: None })
            .collect();
        if let Some(share) = share {
            m = m.with_funding(Funding::programme(FundingProgramme::Efre).with_share_percent(share));
        }
        m.status = status;
        m
    }
}

prop_compose! {
    fn any_concept()(
        title in required_text(),
        short_title in prop::option::of(any_text()),
        description in prop::option::of(any_text()),
        goal_title in required_text(),
        focus in prop::collection::vec(required_text(), 0..3),
        measures in prop::collection::vec(0usize..1, 0..4)
            .prop_flat_map(|v| (0..v.len()).map(any_measure).collect::<Vec<_>>()),
        values in prop::collection::vec((finite(), any_period(), prop::option::of(any_text())), 0..4),
        baseline in prop::option::of((finite(), prop::option::of(any_period()))),
        unit in required_string(),
        doc_date in prop::option::of(any_period()),
        doc_url in prop::option::of("[a-z]{1,8}:[a-z/.?=&<>\"]{0,12}"),
        event_title in prop::option::of(any_text()),
        count in prop::option::of((any::<u32>(), any::<bool>(), prop::option::of(any_text()))),
        votes in prop::option::of((0u32..1000, 0u32..1000, any::<u32>(), any::<u32>())),
        horizon in prop::option::of(prop_oneof![
            (1i32..=9999).prop_map(|year| Horizon::Year { year }),
            (1i32..=9999, 1i32..=9999).prop_map(|(a, b)| Horizon::Range { from: a.min(b), to: a.max(b) }),
            (1i32..=9999).prop_map(|from| Horizon::OpenEnded { from }),
        ]),
        languages in prop::sample::select(vec![vec![], vec!["de".to_owned()], vec!["hsb".to_owned(), "de".to_owned()]]),
    ) -> Concept {
        let mut c = Concept::new("c-1", title, ConceptKind::Irek, Territory::landkreis("Testkreis"));
        c.short_title = short_title;
        c.description = description;
        c.horizon = horizon;
        c.languages = languages;
        c.goals = vec![Goal::new("z1", 1, goal_title)];
        c.goals[0].focus_areas = focus;
        c.measures = measures;
        let mut ind = Indicator::new("i1", "Kennzahl", unit, Direction::LowerIsBetter);
        ind.baseline = baseline.map(|(value, period)| Baseline { value, period });
        ind.observations = values
            .into_iter()
            .map(|(value, period, note)| Observation { value, period, note })
            .collect();
        c.indicators = vec![ind];
        let mut d = Document::new("d1", DocumentKind::Minutes, "Protokoll");
        d.date = doc_date;
        d.url = doc_url;
        c.documents = vec![d];
        let mut e = Event::new("e1", EventKind::Survey);
        e.title = event_title;
        e.participant_count = count.map(|(value, approximate, text)| ParticipantCount { value, approximate, text });
        c.events = vec![e];
        c.actors = vec![Actor::new("kt", ActorKind::Council, "Kreistag")];
        if let Some((yes, no, abstain, biased)) = votes {
            c.resolutions = vec![Resolution::new("r1", ResolutionKind::Resolution, "Beschluss")
                .with_consultation(Consultation::new("kt", ConsultationRole::Decide).with_votes(Votes { yes: Some(yes), no: Some(no), abstain: Some(abstain), biased: Some(biased) }))];
        }
        c
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn xml_round_trip_is_lossless(c in any_concept()) {
        prop_assume!(c.validate().is_ok());
        for pretty in [true, false] {
            let options = ExportOptions::default().pretty(pretty);
            let xml = kreisentwicklung_xml::to_string(&c, &options).unwrap();
            let back = kreisentwicklung_xml::from_str(&xml)
                .unwrap_or_else(|e| panic!("{e}\n{xml}"));
            prop_assert_eq!(&back, &c);
            let json = serde_json::to_string_pretty(&ConceptDocument::new(c.clone())).unwrap();
            let again = serde_json::to_string_pretty(&ConceptDocument::new(back)).unwrap();
            prop_assert_eq!(json, again);
        }
    }

    #[test]
    fn import_never_panics_on_garbage(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = kreisentwicklung_xml::from_slice(&bytes);
    }

    #[test]
    fn import_never_panics_on_mangled_documents(cut in 0usize..4000, insert in any_string()) {
        let c = Concept::new("c", "KEK", ConceptKind::Kek, Territory::landkreis("Beispiel"))
            .with_horizon(Horizon::Year { year: 2030 })
            .with_measure(Measure::new("m", "M").with_period(Period::since(Period::half_year(2019, 2))));
        let xml = kreisentwicklung_xml::to_string(&c, &ExportOptions::default()).unwrap();
        let mut cut = cut.min(xml.len());
        while !xml.is_char_boundary(cut) {
            cut -= 1;
        }
        let mangled = format!("{}{}{}", &xml[..cut], insert, &xml[cut..]);
        let _ = kreisentwicklung_xml::from_str(&mangled);
        let _ = kreisentwicklung_xml::from_str(&xml[..cut]);
    }
}
