//! The German period parser: never panics; what it accepts prints as text
//! that parses back to the same period, and prints in English without
//! panicking.
#![no_main]

use kreisentwicklung::Period;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(period) = Period::parse_german(text) {
        let printed = period.to_string();
        let again = Period::parse_german(&printed).unwrap_or_else(|e| {
            panic!("{text:?} printed as {printed:?}, which does not parse: {e}")
        });
        assert_eq!(again, period, "{text:?} printed as {printed:?}");
        assert_eq!(again.cmp(&period), std::cmp::Ordering::Equal);
        let english = period.english().to_string();
        assert!(!english.is_empty() || printed.is_empty(), "{text:?}");
    }
});
