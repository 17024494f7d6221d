//! Validation never panics and never hangs, whatever the concept holds.

use kreisentwicklung_core::*;
use proptest::prelude::*;

fn any_id() -> impl Strategy<Value = Id> {
    prop_oneof!["[a-c][0-3]".prop_map(Id::new), ".{0,3}".prop_map(Id::new),]
}

fn any_text() -> impl Strategy<Value = Text> {
    prop_oneof![
        ".{0,12}".prop_map(Text::new),
        Just(Text::new("\u{1}\u{FFFE}")),
        Just(Text::new("")),
        (".{0,5}", "[a-z]{1,4}|.{0,3}")
            .prop_map(|(t, l)| Text::new(t).with_translation(l, "x\u{b}")),
    ]
}

fn any_period() -> impl Strategy<Value = Period> {
    prop_oneof![
        (any::<i32>(), any::<u8>()).prop_map(|(year, month)| Period::Month { year, month }),
        (any::<i32>(), any::<i32>()).prop_map(|(from, to)| Period::YearRange { from, to }),
        (any::<i32>(), any::<u8>(), any::<u8>()).prop_map(|(year, from, to)| Period::Quarters {
            year,
            from,
            to
        }),
        prop::collection::vec(any::<u8>(), 0..4)
            .prop_map(|months| Period::Months { year: 2020, months }),
        Just(Period::Since {
            start: Box::new(Period::Until {
                end: Box::new(Period::year(0))
            })
        }),
    ]
}

fn any_goal() -> impl Strategy<Value = Goal> {
    (
        any_id(),
        any::<u8>(),
        prop::option::of(any_id()),
        any_text(),
    )
        .prop_map(|(id, level, parent, title)| {
            let mut g = Goal::new(id, level, title);
            g.parent = parent;
            g
        })
}

fn any_measure() -> impl Strategy<Value = Measure> {
    (
        any_id(),
        any_text(),
        prop::collection::vec(any_id(), 0..3),
        prop::option::of(any_id()),
        prop::option::of(any_period()),
        prop::option::of(any::<f64>()),
    )
        .prop_map(|(id, title, goals, lead, period, share)| {
            let mut m = Measure::new(id, title);
            m.goals = goals;
            m.lead = lead;
            m.period = period;
            if let Some(s) = share {
                m.funding
                    .push(Funding::programme(FundingProgramme::Other).with_share_percent(s));
            }
            m
        })
}

fn any_event() -> impl Strategy<Value = Event> {
    (
        any_id(),
        prop::option::of(any_id()),
        prop::option::of(any_period()),
    )
        .prop_map(|(id, parent, period)| {
            let mut e = Event::new(id, EventKind::Workshop);
            e.parent = parent;
            e.period = period;
            e
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn validation_never_panics(
        goals in prop::collection::vec(any_goal(), 0..8),
        measures in prop::collection::vec(any_measure(), 0..6),
        events in prop::collection::vec(any_event(), 0..6),
        title in any_text(),
        key in prop::option::of(".{0,6}"),
    ) {
        let mut c = Concept::new("c", title, ConceptKind::Other, Territory::landkreis("X"));
        c.territory.key = key;
        c.goals = goals;
        c.measures = measures;
        c.events = events;
        let problems = c.problems();
        // Every problem renders to one line with its path first.
        for p in &problems {
            let line = p.to_string();
            prop_assert!(!line.is_empty());
        }
        prop_assert_eq!(c.validate().is_ok(), problems.is_empty());
    }
}
