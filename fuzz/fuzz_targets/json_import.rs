//! JSON import: never panics; what it accepts is valid and round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(concept) = kreisentwicklung::json::from_slice(data) {
        assert!(
            concept.validate().is_ok(),
            "import accepted an invalid concept"
        );
        let again = kreisentwicklung::json::to_vec(&concept, false).expect("export what was read");
        let back = kreisentwicklung::json::from_slice(&again).expect("read back what was written");
        assert!(back == concept, "JSON round trip changed the concept");
    }
});
