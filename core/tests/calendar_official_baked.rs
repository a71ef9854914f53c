//! The baked official days off (`core/src/calendar/official_baked.rs`) are
//! the CSV's (`core/data/vn_official_days_off.csv`, the single source): the
//! committed file is the generator's output for the CSV, and the table
//! `OfficialDays::embedded()` builds from it equals the parsed CSV.

use tiepcan::calendar::{OfficialDays, EMBEDDED_OFFICIAL_CSV};

#[path = "../examples/gen_official_days.rs"]
mod generator;

const BAKED: &str = include_str!("../src/calendar/official_baked.rs");

fn parsed() -> OfficialDays {
    OfficialDays::parse_str(EMBEDDED_OFFICIAL_CSV, "core/data/vn_official_days_off.csv").unwrap()
}

#[test]
fn baked_table_equals_the_parsed_csv() {
    let baked = OfficialDays::embedded().unwrap();
    let csv = parsed();
    assert!(
        baked == csv,
        "the baked official days off differ from core/data/vn_official_days_off.csv; regenerate with:\n  {}",
        generator::REGENERATE
    );
    // The source has 130 rows, 2018-2026 (core/data/README.md).
    assert_eq!(baked.len(), 130);
}

#[test]
fn baked_file_is_the_generators_output() {
    // Line endings normalised: a checkout with CRLF is not a stale table.
    let committed = BAKED.replace("\r\n", "\n");
    assert!(
        committed == generator::render(&parsed()),
        "core/src/calendar/official_baked.rs is not the generator's output for core/data/vn_official_days_off.csv; regenerate with:\n  {}",
        generator::REGENERATE
    );
}
