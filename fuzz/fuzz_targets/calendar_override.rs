//! The calendar override file (same format as vn_official_days_off.csv) and
//! the deadline rule file; whatever parses must build a calendar or fail cleanly.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(days) = tiepcan::calendar::OfficialDays::parse_str(text, "fuzz.csv") {
            if let Ok(cal) = tiepcan::calendar::WorkingCalendar::with_override(&days) {
                let d = chrono::NaiveDate::from_ymd_opt(2024, 2, 6).unwrap();
                let _ = cal.add_working_days(d, 15);
            }
        }
    }
    let _ = tiepcan::deadline::RuleTable::builtin().with_user_file(data, "fuzz-rules");
});
