//! Native side of the wasm/native parity check: computes the shared cases
//! with the `tiepcan` crate directly and compares with `tests/parity.json`;
//! `TIEPCAN_BLESS=1` rewrites the file. The wasm side (`wasm_api.rs`)
//! compares the exported functions with the same file.
#![cfg(not(target_arch = "wasm32"))]

include!("parity_cases.rs");

use serde_json::{json, Value};
use tiepcan::calendar::WorkingCalendar;
use tiepcan::deadline::{Clock, Complexity, Received, Request, RuleTable};
use tiepcan::law::Channel;
use tiepcan::model::PartialDate;

fn compute() -> Value {
    let fold: Vec<Value> = FOLD_INPUTS
        .iter()
        .map(|s| json!(tiepcan::text::fold_key(s)))
        .collect();
    let dates: Vec<Value> = DATE_INPUTS
        .iter()
        .map(|s| json!(PartialDate::parse(s).unwrap().to_string()))
        .collect();
    let spoken: Vec<Value> = DATE_INPUTS
        .iter()
        .map(|s| {
            json!(tiepcan::render::spoken_partial_date_vi(
                PartialDate::parse(s).unwrap()
            ))
        })
        .collect();
    let bad: Vec<Value> = BAD_DATES
        .iter()
        .map(|s| json!(PartialDate::parse(s).is_err()))
        .collect();
    let rules = RuleTable::builtin();
    let clock = Clock::new(WorkingCalendar::official(), &rules);
    let deadlines: Vec<Value> = DEADLINE_INPUTS
        .iter()
        .map(|(r, ch, cx)| {
            let req = Request::new(
                Received::parse(r).unwrap(),
                Channel::parse(ch).unwrap(),
                Complexity::parse(cx).unwrap(),
            );
            let s = clock.schedule(&req).unwrap();
            json!(s
                .milestones
                .iter()
                .map(|m| json!({"kind": m.kind.code(), "due": m.due.to_string(), "skipped": m.skipped.len()}))
                .collect::<Vec<_>>())
        })
        .collect();
    json!({"fold": fold, "dates": dates, "spoken": spoken, "bad_dates": bad, "deadlines": deadlines})
}

#[test]
fn native_results_match_the_golden_file() {
    let got = compute();
    if std::env::var_os("TIEPCAN_BLESS").is_some() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/parity.json");
        std::fs::write(path, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
    }
    let want: Value = serde_json::from_str(GOLDEN).unwrap();
    assert_eq!(got, want);
    // Values with their source: the core's deadline doc example (Tết 2025).
    assert_eq!(want["deadlines"][0][1]["due"], "2025-02-21");
    assert_eq!(want["fold"][1], "quyet dinh");
    assert_eq!(want["spoken"][2], "ngày 14 tháng 2 năm 2025");
}
