//! The facade's content-sniffing import: never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = kreisentwicklung::import::from_slice(data);
});
