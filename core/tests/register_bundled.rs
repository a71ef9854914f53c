//! The bundled example register (`examples/data/register/so-theo-doi-2024.csv`,
//! placeholder names) against a hand count.
//!
//! Hand count for 2024-01-01..=2024-12-31 (01/2023 and 01/2025 are outside):
//!
//! | channel    | ids (…/2024)                                              |
//! |------------|-----------------------------------------------------------|
//! | in person  | 01 03 05 10 11 12 16 17 26 28 30                   (11)  |
//! | electronic | 02 04 07 09 13 14 18 20 22 24 27 31 33 34 35       (15)  |
//! | postal     | 06 15 19 21 23 25                                  (6)   |
//! | fax        | 08 29 32                                           (3)   |
//!
//! * provided in full (21): 01 02 03 04 05 06 07 08 12 13 14 16 18 19 23 24
//!   25 28 29 30 32; partly (1): 26; refused (8): 09 (no ground) 15 (e)
//!   17 (a) 20 (b) 21 (c) 27 (d) 31 (đ) 33 (b), and 26 refused the rest on
//!   (a); transferred (1): 11; withdrawn (1): 22; incomplete (1): 10;
//!   in progress (2): 34 35.
//! * extended: 12, 18, 23 (3).
//! * Timeliness at 2024-12-31 (official calendar; no holiday falls in any
//!   interval below): late 04 (3 wd), 16 (4), 19 (4), 23 (9: its Form 04
//!   came after the period); overdue 34 (due 12-19); not yet due 35; no clock
//!   10, 11; withdrawn 22; on time the other 26.
//! * Working days from valid request to answer, sorted (30 answers):
//!   0 ×4 (01 03 17 30), 1 ×6 (07 13 20 21 27 33), 2 ×4 (02 09 24 31),
//!   3 ×2 (08 29), 4 (06), 5 (15), 6 (04), 8 (05), 9 ×2 (26 28), 13 (14),
//!   14 ×3 (16 25 32), 19 ×2 (12 19), 24 (23), 25 (18) → median = 3.
//! * Costs paid: 03 60,000 + 06 45,000 + 25 120,000 = 225,000 VND
//!   (15 billed 90,000, never paid).
//! * Complaints: 31. Correction claims: 14.

use chrono::NaiveDate;
use tiepcan::calendar::WorkingCalendar;
use tiepcan::deadline::{Clock, RuleTable};
use tiepcan::register::io::read_csv;
use tiepcan::register::{check_register, stats, Register, StateCounts, Status, Timeliness};
use tiepcan::validate::Severity;

const BUNDLED: &str = include_str!("../../examples/data/register/so-theo-doi-2024.csv");

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn bundled() -> Register {
    read_csv(BUNDLED.as_bytes(), "so-theo-doi-2024.csv")
        .unwrap()
        .register
}

#[test]
fn statistics_for_2024_match_the_hand_count() {
    let rules = RuleTable::builtin();
    let clock = Clock::new(WorkingCalendar::official(), &rules);
    let s = stats(&bundled(), &clock, d("2024-01-01"), d("2024-12-31"));
    assert_eq!(s.received, 35);
    assert_eq!(
        s.by_state,
        StateCounts {
            incomplete: 1,
            in_progress: 2,
            provided: 21,
            partly_provided: 1,
            refused: 8,
            transferred: 1,
            withdrawn: 1,
        }
    );
    let grounds: Vec<(&str, usize)> = s
        .refused_by_ground
        .iter()
        .map(|g| (g.point, g.count))
        .collect();
    assert_eq!(
        grounds,
        vec![("a", 2), ("b", 2), ("c", 1), ("d", 1), ("đ", 1), ("e", 1)]
    );
    assert_eq!(s.extended, 3);
    let ch = |c: &str| s.by_channel[c];
    assert_eq!(
        ch("in_person"),
        StateCounts {
            incomplete: 1,
            in_progress: 0,
            provided: 7,
            partly_provided: 1,
            refused: 1,
            transferred: 1,
            withdrawn: 0
        }
    );
    assert_eq!(
        ch("electronic"),
        StateCounts {
            incomplete: 0,
            in_progress: 2,
            provided: 7,
            partly_provided: 0,
            refused: 5,
            transferred: 0,
            withdrawn: 1
        }
    );
    assert_eq!(
        (
            ch("postal").provided,
            ch("postal").refused,
            ch("postal").total()
        ),
        (4, 2, 6)
    );
    assert_eq!((ch("fax").provided, ch("fax").total()), (3, 3));
    assert_eq!(
        s.timeliness,
        Timeliness {
            on_time: 26,
            late: 4,
            overdue: 1,
            not_yet_due: 1,
            no_clock: 2,
            withdrawn: 1,
            unknown: 0
        }
    );
    assert_eq!(s.median_working_days_to_answer, Some(3.0));
    assert_eq!(s.costs_collected_vnd, 225_000);
    assert_eq!(s.complaints, 1);
    assert_eq!(s.correction_claims, 1);
}

#[test]
fn a_shorter_period_counts_only_its_requests() {
    // First quarter of 2024.
    let rules = RuleTable::builtin();
    let clock = Clock::new(WorkingCalendar::official(), &rules);
    let s = stats(&bundled(), &clock, d("2024-01-01"), d("2024-03-31"));
    // 01 02 03 04 05 06 received in March; 07 (04-01) and 08 (04-08) are in April.
    assert_eq!(s.received, 6);
    // 05 (in person complex, due 04-01) and 06 (postal, provided 03-29) are answered by 03-31.
    assert_eq!(s.by_state.provided, 6);
    assert_eq!(s.timeliness.on_time, 5);
    assert_eq!(s.timeliness.late, 1);
    assert_eq!(s.costs_collected_vnd, 105_000);
}

#[test]
fn check_at_year_end_reports_the_planted_inconsistencies() {
    let rules = RuleTable::builtin();
    let clock = Clock::new(WorkingCalendar::official(), &rules);
    let reg = bundled();
    let c = check_register(&reg, &clock, d("2024-12-31"));
    let mut found: Vec<(String, String)> = c
        .report
        .diagnostics
        .iter()
        .filter(|x| x.severity != Severity::Info)
        .map(|x| {
            let row = x.location.row.unwrap();
            (
                x.rule.clone(),
                reg.requests
                    .iter()
                    .find(|r| r.source_row == Some(row))
                    .unwrap()
                    .id
                    .clone(),
            )
        })
        .collect();
    found.sort();
    let expect: Vec<(String, String)> = [
        ("R-CLOCK-START", "28/2024"), // valid on a slip without reason and purpose
        ("R-DL-EL", "04/2024"),       // answered 3 wd late
        ("R-DL-EL", "34/2024"),       // overdue
        ("R-DL-IP", "16/2024"),       // answered 4 wd late
        ("R-DL-PF", "19/2024"),       // answered late
        ("R-DL-PF", "19/2024"),       // no 3-wd notice of the time limit
        ("R-DL-PF", "23/2024"),       // answered late
        ("R-EXT-NOTICE", "23/2024"),  // Form 04 after the period
        ("R-REFUSAL", "09/2024"),     // no ground
        ("R-REFUSAL", "33/2024"),     // ground b for a 23(1)(a) case
        ("R-REQ-FIELDS", "28/2024"),  // reason and purpose missing
        ("R-STATE-RECORDED", "34/2024"), // recorded as provided
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(found, expect);
    let overdue: Vec<_> = c.due_within(3).map(|s| s.id.as_str()).collect();
    assert_eq!(overdue, ["34/2024"]);
    let s35 = c.statuses.iter().find(|s| s.id == "35/2024").unwrap();
    assert_eq!(
        s35.status,
        Status::Waiting {
            due: d("2025-01-14"),
            working_days_left: 9
        }
    );
}
