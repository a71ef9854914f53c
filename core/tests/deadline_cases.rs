//! Every worked case of `tests/data/cases.csv` (copied from
//! `shared/data/deadlines/cases.csv`; rules in its README: day 0 never
//! counted, official calendar, 15 "ngày" extension as calendar days rolled).
//! One test per case id, asserting each milestone's due date, regime and
//! provisional flag from the file.

use chrono::NaiveDate;
use tiepcan::calendar::WorkingCalendar;
use tiepcan::deadline::{Clock, Complexity, PeriodKind, Received, Request, RuleTable};
use tiepcan::law::Channel;

const CASES: &str = include_str!("data/cases.csv");

struct Row {
    received: NaiveDate,
    channel: Channel,
    complexity: Complexity,
    milestone: PeriodKind,
    expected: NaiveDate,
    regime: String,
    provisional: bool,
    note: String,
}

fn rows(id: &str) -> Vec<Row> {
    let mut rdr = csv::Reader::from_reader(CASES.as_bytes());
    let out: Vec<Row> = rdr
        .records()
        .map(|r| r.unwrap())
        .filter(|r| &r[0] == id)
        .map(|r| Row {
            received: r[1].parse().unwrap(),
            channel: Channel::parse(&r[2]).unwrap(),
            complexity: Complexity::parse(&r[3]).unwrap(),
            milestone: PeriodKind::parse(&r[4]).unwrap(),
            expected: r[5].parse().unwrap(),
            regime: r[6].to_string(),
            provisional: r[7].parse().unwrap(),
            note: r[8].to_string(),
        })
        .collect();
    assert!(!out.is_empty(), "case {id} not in cases.csv");
    out
}

fn check(id: &str) {
    let rules = RuleTable::builtin();
    let clock = Clock::new(WorkingCalendar::official(), &rules);
    let rs = rows(id);
    let r0 = &rs[0];
    let s = clock
        .schedule(&Request::new(
            Received::Date(r0.received),
            r0.channel,
            r0.complexity,
        ))
        .unwrap();
    assert_eq!(
        s.receipt_date, r0.received,
        "{id}: day 0 is the calendar day of receipt (A4)"
    );
    assert_eq!(s.regime.code(), r0.regime, "{id}");
    for r in &rs {
        let m = s
            .milestone(r.milestone)
            .unwrap_or_else(|| panic!("{id}: no {} milestone", r.milestone));
        assert_eq!(m.due, r.expected, "{id} {}: {}", r.milestone, r.note);
        assert_eq!(m.provisional, r.provisional, "{id} {}", r.milestone);
    }
    // The case file lists every milestone the request has.
    assert_eq!(
        s.milestones.len(),
        rs.len(),
        "{id}: milestones {:?}",
        s.milestones.iter().map(|m| m.kind).collect::<Vec<_>>()
    );
}

macro_rules! cases {
    ($($name:ident => $id:literal;)*) => { $( #[test] fn $name() { check($id); } )* };
}

cases! {
    g01_postal_simple_across_tet_2024 => "G01";
    g02_postal_complex_friday_before_tet_2025 => "G02";
    g03_in_person_complex_extension_in_working_days => "G03";
    g04_in_person_simple_is_due_on_receipt => "G04";
    g05_received_on_makeup_saturday_2025 => "G05";
    g06_received_on_ordinary_saturday_day0_is_saturday => "G06";
    g07_postal_simple_across_new_year_swap_2026 => "G07";
    g08_makeup_saturday_10_jan_2026_counts => "G08";
    g09_electronic_complex_april_swap_2024 => "G09";
    g10_fax_simple_hung_kings_compensatory_2019 => "G10";
    g11_postal_complex_spanning_2026_09_01 => "G11";
    g12_after_2026_09_01_is_provisional => "G12";
    g13_postal_complex_tet_2026 => "G13";
    g14_electronic_complex_national_day_2018 => "G14";
}

#[test]
fn every_case_id_has_a_test() {
    let mut rdr = csv::Reader::from_reader(CASES.as_bytes());
    let mut ids: Vec<String> = rdr.records().map(|r| r.unwrap()[0].to_string()).collect();
    ids.dedup();
    assert_eq!(
        ids,
        (1..=14).map(|i| format!("G{i:02}")).collect::<Vec<_>>()
    );
}

#[test]
fn g11_spanning_request_is_flagged() {
    let rules = RuleTable::builtin();
    let clock = Clock::new(WorkingCalendar::official(), &rules);
    let s = clock
        .schedule(&Request::new(
            Received::parse("2026-08-20").unwrap(),
            Channel::Postal,
            Complexity::Complex,
        ))
        .unwrap();
    assert!(s
        .findings
        .iter()
        .any(|f| f.rule == "R-DL-PROVISIONAL" && f.message.en.contains("spans 2026-09-01")));
}
