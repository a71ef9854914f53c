//! Every catalog reader (CSV, XLSX, JSON, XML — the first byte picks the
//! format so one corpus covers all), then validation of what was read.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tiepcan::io::{read_catalog_bytes, Format, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else { return };
    let format = match sel % 4 {
        0 => Format::Csv,
        1 => Format::Xlsx,
        2 => Format::Json,
        _ => Format::Xml,
    };
    if let Ok(out) = read_catalog_bytes(rest, format, &ReadOptions::default()) {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let _ = tiepcan::validate::check_catalog(&out.catalog, &tiepcan::validate::CheckOptions::new(today));
    }
});
