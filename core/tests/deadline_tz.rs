//! Results do not depend on the process's time zone: the clock never reads
//! the host clock or `TZ`; instants are converted to UTC+7 explicitly.
//! Alone in its own test binary so that setting `TZ` races with no other test.

use tiepcan::calendar::WorkingCalendar;
use tiepcan::deadline::{Clock, Complexity, Received, Request, RuleTable};
use tiepcan::law::Channel;

#[test]
fn results_do_not_depend_on_the_process_time_zone() {
    let rules = RuleTable::builtin();
    let clock = Clock::new(WorkingCalendar::official(), &rules);
    // 20:30 UTC on Thu 23 Jan 2025 is 03:30 on Fri 24 Jan in Vietnam.
    let r = Request::new(
        Received::parse("2025-01-23T20:30:00Z").unwrap(),
        Channel::Electronic,
        Complexity::Complex,
    );
    let a = clock.schedule(&r).unwrap();
    assert_eq!(a.receipt_date.to_string(), "2025-01-24");
    for tz in [
        "America/Los_Angeles",
        "Asia/Tokyo",
        "UTC",
        "Asia/Ho_Chi_Minh",
    ] {
        // SAFETY: this binary has a single test, so no other thread reads the environment.
        unsafe { std::env::set_var("TZ", tz) };
        assert_eq!(clock.schedule(&r).unwrap(), a, "{tz}");
        assert_eq!(
            Received::parse("2025-01-23T20:30:00Z").unwrap().date(),
            a.receipt_date,
            "{tz}"
        );
    }
}
