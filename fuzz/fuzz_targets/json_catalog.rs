//! The JSON catalog model, then validation of whatever parsed.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(c) = serde_json::from_slice::<tiepcan::model::Catalog>(data) {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let _ = tiepcan::validate::check_catalog(&c, &tiepcan::validate::CheckOptions::new(today));
    }
});
