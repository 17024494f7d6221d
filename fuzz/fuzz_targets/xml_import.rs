//! XML import: never panics; what it accepts is valid and round-trips.
#![no_main]

use kreisentwicklung::export::ExportOptions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(concept) = kreisentwicklung::xml::from_slice(data) {
        assert!(
            concept.validate().is_ok(),
            "import accepted an invalid concept"
        );
        let mut again = Vec::new();
        kreisentwicklung::xml::to_writer(&concept, &mut again, &ExportOptions::default())
            .expect("export what was read");
        let back = kreisentwicklung::xml::from_slice(&again).expect("read back what was written");
        assert!(back == concept, "XML round trip changed the concept");
    }
});
