//! The deadline clock beyond the worked cases: A1 reading switch, status at
//! `today`, A4 receipt options, extension findings, other periods, the
//! amended Law (A14), rule files and properties.

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use tiepcan::calendar::WorkingCalendar;
use tiepcan::deadline::{
    Clock, ClockOptions, Complexity, DaysReading, DeadlineError, Extension, OfficeHours,
    PeriodKind, ReceiptRule, Received, Request, RuleTable, Status, Unit,
};
use tiepcan::law::{Channel, Regime};

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

fn rules() -> &'static RuleTable {
    static R: std::sync::OnceLock<RuleTable> = std::sync::OnceLock::new();
    R.get_or_init(RuleTable::builtin)
}

fn clock() -> Clock<'static> {
    Clock::new(WorkingCalendar::official(), rules())
}

fn req(s: &str, ch: Channel, cx: Complexity) -> Request {
    Request::new(Received::parse(s).unwrap(), ch, cx)
}

#[test]
fn extension_keeps_unit_as_written_and_both_readings() {
    // G02: base due 2025-02-21; 15 "ngày" → Sat 8 Mar → Mon 10 Mar; 15 working days → 14 Mar.
    let s = clock()
        .schedule(&req("2025-01-24", Channel::Postal, Complexity::Complex))
        .unwrap();
    let e = s.milestone(PeriodKind::ExtendedProvideOrRefuse).unwrap();
    assert_eq!(
        (e.due, e.alternative_due),
        (d(2025, 3, 10), Some(d(2025, 3, 14)))
    );
    assert_eq!(
        (e.limit.value, e.limit.unit, e.unit_as_written.as_str()),
        (15, Unit::CalendarDays, "ngày")
    );
    assert_eq!(
        e.citation.to_string(),
        "Law 104/2016/QH13, Art. 31(2) para. 2"
    );
    assert!(e.skipped.iter().any(|k| k.date == d(2025, 3, 8)));
    let wd = clock().with_options(ClockOptions {
        reading: DaysReading::WorkingDays,
        ..Default::default()
    });
    let e2 = wd
        .schedule(&req("2025-01-24", Channel::Postal, Complexity::Complex))
        .unwrap();
    let e2 = e2.milestone(PeriodKind::ExtendedProvideOrRefuse).unwrap();
    assert_eq!(
        (e2.due, e2.alternative_due),
        (d(2025, 3, 14), Some(d(2025, 3, 10)))
    );
}

#[test]
fn status_not_yet_due_due_today_at_risk_overdue() {
    let cal = WorkingCalendar::official();
    let s = clock()
        .schedule(&req("2025-01-24", Channel::Postal, Complexity::Complex))
        .unwrap();
    let p = s.milestone(PeriodKind::ProvideOrRefuse).unwrap(); // due 2025-02-21 (Fri)
    assert_eq!(
        p.status(d(2025, 2, 18), cal).unwrap(),
        Status::NotYetDue {
            working_days_left: 3
        }
    );
    assert_eq!(p.status(d(2025, 2, 21), cal).unwrap(), Status::DueToday);
    assert_eq!(
        p.status(d(2025, 2, 25), cal).unwrap(),
        Status::Overdue {
            working_days: 2,
            calendar_days: 4
        }
    );
    let e = s.milestone(PeriodKind::ExtendedProvideOrRefuse).unwrap(); // 10 Mar (calendar) / 14 Mar (working)
    assert_eq!(
        e.status(d(2025, 3, 12), cal).unwrap(),
        Status::AtRisk {
            working_days_late: 2
        }
    );
    assert_eq!(
        e.status(d(2025, 3, 17), cal).unwrap(),
        Status::Overdue {
            working_days: 1,
            calendar_days: 3
        }
    );
    let all = s.status(d(2025, 3, 12), cal).unwrap();
    assert_eq!(all.len(), 3);
}

#[test]
fn receipt_on_saturday_or_after_hours_can_be_deemed_next_working_day() {
    let opts = ClockOptions {
        receipt: ReceiptRule::NextWorkingDay,
        office_hours: Some(OfficeHours {
            close: chrono::NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
        }),
        ..Default::default()
    };
    let c = clock().with_options(opts);
    // G06 received Sat 2025-03-08: default due 12 Mar; deemed Mon 10 Mar → due 13 Mar.
    let s = c
        .schedule(&req("2025-03-08", Channel::Electronic, Complexity::Simple))
        .unwrap();
    assert_eq!(
        (s.receipt_date, s.milestones[0].due),
        (d(2025, 3, 10), d(2025, 3, 13))
    );
    let late = c
        .schedule(&req(
            "2025-03-11T17:30",
            Channel::Electronic,
            Complexity::Simple,
        ))
        .unwrap();
    assert_eq!(late.receipt_date, d(2025, 3, 12));
    let early = c
        .schedule(&req(
            "2025-03-11T09:00:00+07:00",
            Channel::Electronic,
            Complexity::Simple,
        ))
        .unwrap();
    assert_eq!(early.receipt_date, d(2025, 3, 11));
    // Default (A4): the calendar day, even after hours.
    let s = clock()
        .schedule(&req(
            "2025-03-11T17:30",
            Channel::Electronic,
            Complexity::Simple,
        ))
        .unwrap();
    assert_eq!(s.receipt_date, d(2025, 3, 11));
}

#[test]
fn instants_are_read_in_utc_plus_7() {
    let r = Received::parse("2025-03-07T18:00:00Z").unwrap(); // 01:00 Sat 8 Mar in Vietnam
    assert_eq!(r.date(), d(2025, 3, 8));
    assert_eq!(r.to_string(), "2025-03-08T01:00:00+07:00");
    assert!(Received::parse("08/03/2025").is_err());
}

#[test]
fn late_extension_notice_and_excess_days_are_findings() {
    let mut r = req("2025-01-24", Channel::Postal, Complexity::Complex);
    r.extension = Some(Extension {
        days: Some(20),
        notice_date: Some(d(2025, 2, 24)),
    });
    let s = clock().schedule(&r).unwrap();
    let f: Vec<_> = s
        .findings
        .iter()
        .filter(|f| f.rule == "R-EXT-NOTICE")
        .collect();
    assert_eq!(f.len(), 2);
    assert!(f.iter().any(|x| x.value.as_deref() == Some("2025-02-24")));
    // A notice after the base period (Fri 21 Feb) extends nothing.
    assert!(s.milestone(PeriodKind::ExtendedProvideOrRefuse).is_none());
    // In time, an excessive extension is capped at 15.
    r.extension = Some(Extension {
        days: Some(20),
        notice_date: Some(d(2025, 2, 20)),
    });
    let s = clock().schedule(&r).unwrap();
    assert_eq!(
        s.milestone(PeriodKind::ExtendedProvideOrRefuse)
            .unwrap()
            .limit
            .value,
        15,
        "capped"
    );
    r.extension = Some(Extension {
        days: Some(5),
        notice_date: Some(d(2025, 2, 21)),
    });
    let s = clock().schedule(&r).unwrap();
    assert!(s.findings.iter().all(|f| f.rule != "R-EXT-NOTICE"));
    assert_eq!(
        s.milestone(PeriodKind::ExtendedProvideOrRefuse)
            .unwrap()
            .due,
        d(2025, 2, 26)
    );
}

/// Form 04 must be dated within the base period (LAW.md §9 R-EXT-NOTICE;
/// Arts 29(2), 30(4), 31(2) para. 2): a notice dated before the request
/// was received is outside it.
#[test]
fn extension_notice_before_receipt_is_a_finding() {
    let mut r = req("2025-01-24", Channel::Postal, Complexity::Complex);
    r.extension = Some(Extension {
        days: Some(5),
        notice_date: Some(d(2025, 1, 20)),
    });
    let s = clock().schedule(&r).unwrap();
    let f: Vec<_> = s
        .findings
        .iter()
        .filter(|f| f.rule == "R-EXT-NOTICE")
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].value.as_deref(), Some("2025-01-20"));
    assert!(s.milestone(PeriodKind::ExtendedProvideOrRefuse).is_none());
    assert_eq!(
        f[0].citation.as_ref().unwrap().to_string(),
        "Law 104/2016/QH13, Art. 31(2) para. 2"
    );
}

/// Only the provide-or-refuse period of a complex request is extended
/// (Arts 29(2), 30(4), 31(2) para. 2): an extension given with a simple
/// request is reported, not dropped silently, and changes no date.
#[test]
fn extension_of_a_simple_request_is_a_finding() {
    let plain = clock()
        .schedule(&req("2025-01-24", Channel::Electronic, Complexity::Simple))
        .unwrap();
    let mut r = req("2025-01-24", Channel::Electronic, Complexity::Simple);
    r.extension = Some(Extension {
        days: Some(10),
        notice_date: None,
    });
    let s = clock().schedule(&r).unwrap();
    let f: Vec<_> = s
        .findings
        .iter()
        .filter(|f| f.rule == "R-EXT-NOTICE")
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].value.as_deref(), Some("10"));
    assert_eq!(
        f[0].citation.as_ref().unwrap().to_string(),
        "Law 104/2016/QH13, Art. 30(4) para. 2"
    );
    assert_eq!(s.milestones, plain.milestones);
}

#[test]
fn in_person_complex_has_no_notice_step() {
    let s = clock()
        .schedule(&req("2025-01-24", Channel::InPerson, Complexity::Complex))
        .unwrap();
    assert!(s.milestone(PeriodKind::NotifyTimeline).is_none());
}

#[test]
fn before_law104_is_an_error_unless_forced() {
    let r = req("2018-06-29", Channel::Electronic, Complexity::Simple);
    assert!(matches!(
        clock().schedule(&r),
        Err(DeadlineError::NoRegime { .. })
    ));
    let mut forced = r;
    forced.regime = Some(Regime::Law104);
    assert_eq!(
        clock().schedule(&forced).unwrap().milestones[0].due,
        d(2018, 7, 4)
    );
}

#[test]
fn amended_law_is_provisional_strict_errors_rule_file_verifies() {
    let r = req("2026-09-03", Channel::Postal, Complexity::Complex);
    let s = clock().schedule(&r).unwrap();
    assert_eq!(s.regime, Regime::Law2026);
    assert!(s.milestones.iter().all(|m| m.provisional));
    let w = s
        .findings
        .iter()
        .find(|f| f.rule == "R-DL-PROVISIONAL")
        .unwrap();
    assert!(w.message.en.contains("carried over"));
    let strict = clock().with_options(ClockOptions {
        strict_regime: true,
        ..Default::default()
    });
    let e = strict.schedule(&r).unwrap_err();
    assert!(e.to_string().starts_with("regime unknown"), "{e}");
    // Law 104 requests are verified: strict mode computes them.
    assert!(strict
        .schedule(&req("2025-01-24", Channel::Postal, Complexity::Complex))
        .is_ok());

    let file = "id,regime,channel,complexity,kind,value,unit,unit_as_written,article,clause,point,paragraph,status\n\
                N-PF-SIMPLE,2026,postal|fax,simple,provide,4,working_days,ngày làm việc,20,1,,,verified\n";
    let t = RuleTable::builtin()
        .with_user_file(file.as_bytes(), "new.csv")
        .unwrap();
    let c = Clock::new(WorkingCalendar::official(), &t).with_options(ClockOptions {
        strict_regime: true,
        ..Default::default()
    });
    let s = c
        .schedule(&req("2026-09-03", Channel::Fax, Complexity::Simple))
        .unwrap();
    assert_eq!(
        (s.milestones[0].due, s.milestones[0].provisional),
        (d(2026, 9, 9), false)
    );
    // The file replaced the whole 2026 table: complex requests now have no rule.
    assert!(matches!(c.schedule(&r), Err(DeadlineError::NoRule { .. })));
}

#[test]
fn art32_corrections_and_art22_petition() {
    let c = clock();
    // LAW.md §5.8: a claim received Fri 2024-05-24, 15 "ngày" → Sat 06-08 → Mon 06-10.
    let claim = c
        .period(PeriodKind::CorrectionClaim, d(2024, 5, 24))
        .unwrap();
    assert_eq!(claim.due, d(2024, 6, 10));
    assert_eq!(
        claim.citation.to_string(),
        "Law 104/2016/QH13, Art. 32(2) para. 2"
    );
    assert_eq!(
        c.period(PeriodKind::CorrectionSelf, d(2024, 5, 20))
            .unwrap()
            .due,
        d(2024, 5, 27)
    );
    assert_eq!(
        c.period(PeriodKind::CorrectionCommuneRefer, d(2024, 5, 20))
            .unwrap()
            .due,
        d(2024, 5, 27)
    );
    assert_eq!(
        c.period(PeriodKind::CorrectionCommuneAnswer, d(2024, 5, 24))
            .unwrap()
            .due,
        d(2024, 6, 10)
    );
    assert_eq!(
        c.period(PeriodKind::CorrectionCommuneFinish, d(2024, 5, 20))
            .unwrap()
            .due,
        d(2024, 5, 23)
    );
    let p16 = c.period(PeriodKind::PetitionReply, d(2026, 8, 31)).unwrap();
    assert_eq!(
        (p16.limit.value, p16.provisional, p16.due),
        (15, false, d(2026, 9, 15))
    );
    let p26 = c.period(PeriodKind::PetitionReply, d(2026, 9, 1)).unwrap();
    assert_eq!(
        (p26.limit.value, p26.provisional, p26.due),
        (10, true, d(2026, 9, 11))
    );
    assert_eq!(
        c.period(PeriodKind::DisclosureTiming, d(2024, 5, 20))
            .unwrap()
            .due,
        d(2024, 5, 27)
    );
}

#[test]
fn posting_minimum_30_days_rolls_forward() {
    // Posted Fri 2025-01-03: day 30 is Sun 2 Feb 2025 (after Tết) → Mon 3 Feb; take down from Tue 4 Feb.
    let c = clock();
    let p = c.period(PeriodKind::PostingMinimum, d(2025, 1, 3)).unwrap();
    assert_eq!(p.due, d(2025, 2, 3));
    assert_eq!(
        c.posting_earliest_takedown(d(2025, 1, 3)).unwrap(),
        d(2025, 2, 4)
    );
}

#[test]
fn projected_calendar_years_are_reported() {
    let s = clock()
        .schedule(&req("2026-12-20", Channel::Postal, Complexity::Complex))
        .unwrap();
    assert!(s
        .findings
        .iter()
        .any(|f| f.rule == "R-TIME-WD" && f.value.as_deref() == Some("2027")));
}

fn date_2018_2030() -> impl Strategy<Value = NaiveDate> {
    (0i64..(12 * 365)).prop_map(|i| d(2018, 7, 1) + Duration::days(i))
}

fn channel() -> impl Strategy<Value = Channel> {
    prop_oneof![
        Just(Channel::InPerson),
        Just(Channel::Electronic),
        Just(Channel::Postal),
        Just(Channel::Fax)
    ]
}

proptest! {
    #[test]
    fn milestones_are_working_days_never_before_receipt(x in date_2018_2030(), ch in channel(), complex in any::<bool>()) {
        let cx = if complex { Complexity::Complex } else { Complexity::Simple };
        let s = clock().schedule(&Request::new(Received::Date(x), ch, cx)).unwrap();
        let cal = WorkingCalendar::official();
        for m in &s.milestones {
            prop_assert!(m.due >= x);
            if m.limit.unit != Unit::Immediate {
                prop_assert!(cal.is_working_day(m.due).unwrap());
                prop_assert!(m.due > x);
            }
        }
        let last = s.milestones.iter().map(|m| m.due_range().1).max().unwrap();
        prop_assert_eq!(&s.skipped, &cal.explain(x, last).unwrap());
        let mut dues: Vec<_> = s.milestones.iter().map(|m| m.due).collect();
        let sorted = { let mut v = dues.clone(); v.sort(); v };
        prop_assert_eq!(std::mem::take(&mut dues), sorted);
    }

    #[test]
    fn later_receipt_never_gives_earlier_due(x in date_2018_2030(), k in 0i64..20, ch in channel()) {
        let a = clock().schedule(&Request::new(Received::Date(x), ch, Complexity::Complex)).unwrap();
        let b = clock().schedule(&Request::new(Received::Date(x + Duration::days(k)), ch, Complexity::Complex)).unwrap();
        for (ma, mb) in a.milestones.iter().zip(&b.milestones) {
            prop_assert!(ma.due <= mb.due);
        }
    }
}
