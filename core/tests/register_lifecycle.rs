//! Worked examples for the request register: each transition of LAW.md §5.9,
//! each refusal ground of Art. 28(1), the slip checks of Art. 24(2)–(3),
//! and the status computed at `today`.
//!
//! Dates follow LAW.md §5.8 "Worked examples": a valid request on Mon
//! 2024-05-20, no holidays in the range: 3 wd → Thu 05-23, 5 wd → Mon 05-27,
//! 10 wd → Mon 06-03, 15 wd → Mon 06-10; in-person extension 10 wd after
//! 06-03 → Mon 06-17; post/fax extension 15 "ngày" after 06-10 → Tue 06-25.

use chrono::NaiveDate;
use tiepcan::calendar::WorkingCalendar;
use tiepcan::deadline::{Clock, RuleTable};
use tiepcan::law::{Channel, ConditionalGround, LegalForm, ProvisionCase, RefusalGround};
use tiepcan::register::{
    check_register, status_at, Complexity, Event, EventKind, ListedRequester, Register, Request,
    RequestSlip, RequestState, RequesterCapacity, Status,
};
use tiepcan::validate::{Location, Severity};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn full_slip() -> RequestSlip {
    RequestSlip {
        name: "Người yêu cầu 01".into(),
        address: "Thôn Giả Định, xã Mẫu".into(),
        id_number: "001090000001".into(),
        information: "Quy hoạch sử dụng đất".into(),
        document: "Quyết định phê duyệt quy hoạch".into(),
        form_of_provision: "bản sao".into(),
        reason_purpose: "tìm hiểu".into(),
        ..RequestSlip::default()
    }
}

fn request(channel: Channel, events: Vec<Event>) -> Request {
    let mut r = Request::new("01/2024", channel);
    r.slip = full_slip();
    r.events = events;
    r
}

fn ev(date: &str, kind: EventKind) -> Event {
    Event::new(d(date), kind)
}

fn valid(date: &str, cx: Complexity) -> Event {
    ev(
        date,
        EventKind::Valid {
            complexity: cx,
            reason: None,
        },
    )
}

fn provided(date: &str) -> Event {
    ev(
        date,
        EventKind::Provided {
            form: None,
            partial: false,
        },
    )
}

fn refused(date: &str, grounds: &[RefusalGround]) -> Event {
    ev(
        date,
        EventKind::Refused {
            grounds: grounds.to_vec(),
            reason: "lý do".into(),
        },
    )
}

fn rules_of(reg: &Register, today: &str) -> Vec<String> {
    let rules = RuleTable::builtin();
    let clock = Clock::new(WorkingCalendar::official(), &rules);
    let c = check_register(reg, &clock, d(today));
    c.report
        .diagnostics
        .iter()
        .filter(|x| x.severity != Severity::Info)
        .map(|x| x.rule.clone())
        .collect()
}

fn one(r: Request) -> Register {
    Register {
        agency: None,
        requests: vec![r],
    }
}

// ---- transitions (LAW.md §5.9) ----

#[test]
fn received_then_valid_then_provided_is_legal() {
    let mut r = Request::new("01", Channel::Electronic);
    r.push(ev("2024-05-20", EventKind::Received)).unwrap();
    r.push(valid("2024-05-20", Complexity::Simple)).unwrap();
    r.push(provided("2024-05-22")).unwrap();
    assert_eq!(r.state(None), RequestState::Provided);
    assert!(r.check_transitions().is_empty());
}

#[test]
fn first_event_must_be_receipt() {
    let mut r = Request::new("01", Channel::Electronic);
    let e = r.push(valid("2024-05-20", Complexity::Simple)).unwrap_err();
    assert_eq!(e.from, "nothing");
    assert_eq!(e.citation.to_string(), "Law 104/2016/QH13, Art. 26(1)");
    assert!(
        r.events.is_empty(),
        "a refused event leaves the request unchanged"
    );
}

#[test]
fn receipt_happens_once() {
    let mut r = Request::new("01", Channel::Postal);
    r.push(ev("2024-05-20", EventKind::Received)).unwrap();
    let e = r.push(ev("2024-05-21", EventKind::Received)).unwrap_err();
    assert!(e.why.contains("received once"));
}

#[test]
fn incomplete_slip_gets_guidance_then_becomes_valid() {
    // Art. 26(2); A3: ReceivedIncomplete → GuidanceGiven → Valid.
    let mut r = Request::new("01", Channel::InPerson);
    r.push(ev("2024-05-20", EventKind::Received)).unwrap();
    r.push(ev(
        "2024-05-20",
        EventKind::Guidance {
            note: Some("thiếu CCCD".into()),
        },
    ))
    .unwrap();
    assert_eq!(r.state(None), RequestState::ReceivedIncomplete);
    r.push(valid("2024-05-22", Complexity::Simple)).unwrap();
    assert_eq!(r.state(None), RequestState::InProgress);
    assert_eq!(r.valid_on(), Some((d("2024-05-22"), Complexity::Simple)));
}

#[test]
fn guidance_after_valid_is_illegal() {
    let mut r = Request::new("01", Channel::InPerson);
    r.push(ev("2024-05-20", EventKind::Received)).unwrap();
    r.push(valid("2024-05-20", Complexity::Simple)).unwrap();
    let e = r
        .push(ev("2024-05-21", EventKind::Guidance { note: None }))
        .unwrap_err();
    assert!(e.why.contains("already valid"));
    assert_eq!(e.citation.to_string(), "Law 104/2016/QH13, Art. 26(2)");
}

#[test]
fn valid_happens_once() {
    let mut r = Request::new("01", Channel::InPerson);
    r.push(ev("2024-05-20", EventKind::Received)).unwrap();
    r.push(valid("2024-05-20", Complexity::Simple)).unwrap();
    assert!(r.push(valid("2024-05-21", Complexity::Complex)).is_err());
}

#[test]
fn handling_notice_extension_and_provision_need_a_valid_request() {
    for kind in [
        EventKind::HandlingNotice {
            time_limit: None,
            place: None,
            form: None,
            cost_vnd: 0,
            payment_deadline: None,
        },
        EventKind::Extended {
            new_limit: None,
            reason: None,
        },
        EventKind::Provided {
            form: None,
            partial: false,
        },
    ] {
        let mut r = Request::new("01", Channel::Electronic);
        r.push(ev("2024-05-20", EventKind::Received)).unwrap();
        let e = r.push(ev("2024-05-21", kind)).unwrap_err();
        assert!(e.why.contains("not valid"), "{e}");
    }
}

#[test]
fn payment_needs_a_billed_handling_notice() {
    let mut r = Request::new("01", Channel::Postal);
    r.push(ev("2024-05-20", EventKind::Received)).unwrap();
    r.push(valid("2024-05-20", Complexity::Simple)).unwrap();
    assert!(r
        .push(ev("2024-05-21", EventKind::Paid { amount_vnd: 15_000 }))
        .is_err());
    r.push(ev(
        "2024-05-21",
        EventKind::HandlingNotice {
            time_limit: Some(d("2024-05-27")),
            place: None,
            form: None,
            cost_vnd: 15_000,
            payment_deadline: Some(d("2024-05-23")),
        },
    ))
    .unwrap();
    r.push(ev("2024-05-22", EventKind::Paid { amount_vnd: 15_000 }))
        .unwrap();
    assert_eq!(r.paid_vnd(None), 15_000);
}

#[test]
fn nothing_follows_a_closed_request_except_complaints_and_corrections() {
    let mut r = Request::new("01", Channel::Electronic);
    r.push(ev("2024-05-20", EventKind::Received)).unwrap();
    r.push(valid("2024-05-20", Complexity::Simple)).unwrap();
    r.push(provided("2024-05-22")).unwrap();
    assert!(r.push(provided("2024-05-23")).is_err());
    assert!(r
        .push(refused("2024-05-23", &[RefusalGround::BeyondCapacity]))
        .is_err());
    assert!(r.push(ev("2024-05-23", EventKind::Withdrawn)).is_err());
    // Art. 32(2) and Art. 14 remain open.
    r.push(ev("2024-05-24", EventKind::CorrectionClaim))
        .unwrap();
    r.push(ev("2024-06-03", EventKind::Complaint)).unwrap();
    assert_eq!(r.state(None), RequestState::Provided);
}

#[test]
fn correction_claim_needs_a_provision() {
    let mut r = Request::new("01", Channel::Electronic);
    r.push(ev("2024-05-20", EventKind::Received)).unwrap();
    assert!(r
        .push(ev("2024-05-21", EventKind::CorrectionClaim))
        .is_err());
}

#[test]
fn partial_provision_then_refusal_of_the_rest() {
    let mut r = Request::new("01", Channel::InPerson);
    r.push(ev("2024-05-20", EventKind::Received)).unwrap();
    r.push(valid("2024-05-20", Complexity::Complex)).unwrap();
    r.push(ev(
        "2024-05-30",
        EventKind::Provided {
            form: None,
            partial: true,
        },
    ))
    .unwrap();
    r.push(refused("2024-05-30", &[RefusalGround::Inaccessible]))
        .unwrap();
    assert_eq!(r.state(None), RequestState::PartlyProvided);
    assert_eq!(r.refusal_grounds(), vec![RefusalGround::Inaccessible]);
}

#[test]
fn not_responsible_closes_before_valid_other_refusals_do_not() {
    // Art. 26(3), 28(1)(c): an out-of-scope request is redirected on receipt.
    let mut r = Request::new("01", Channel::InPerson);
    r.push(ev("2024-05-20", EventKind::Received)).unwrap();
    assert!(r
        .push(refused("2024-05-21", &[RefusalGround::BeyondCapacity]))
        .is_err());
    r.push(refused("2024-05-21", &[RefusalGround::NotResponsible]))
        .unwrap();
    assert_eq!(r.state(None), RequestState::Refused);
    let mut t = Request::new("02", Channel::InPerson);
    t.push(ev("2024-05-20", EventKind::Received)).unwrap();
    t.push(ev(
        "2024-05-21",
        EventKind::Transferred {
            to: Some("Sở Xây dựng".into()),
        },
    ))
    .unwrap();
    assert_eq!(t.state(None), RequestState::Transferred);
}

#[test]
fn withdrawal_closes_the_request() {
    let mut r = Request::new("01", Channel::Fax);
    r.push(ev("2024-05-20", EventKind::Received)).unwrap();
    r.push(ev("2024-05-21", EventKind::Withdrawn)).unwrap();
    assert_eq!(r.state(None), RequestState::Withdrawn);
}

#[test]
fn events_out_of_date_order_are_illegal() {
    let r = request(
        Channel::Electronic,
        vec![
            ev("2024-05-20", EventKind::Received),
            valid("2024-05-22", Complexity::Simple),
            provided("2024-05-21"),
        ],
    );
    let errs = r.check_transitions();
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].index, 2);
    assert!(errs[0].why.contains("before the previous event"));
}

#[test]
fn events_carry_their_forms() {
    assert_eq!(EventKind::Received.form(), Some(LegalForm::Form02));
    assert_eq!(
        EventKind::Extended {
            new_limit: None,
            reason: None
        }
        .form(),
        Some(LegalForm::Form04)
    );
    assert_eq!(
        EventKind::Refused {
            grounds: vec![],
            reason: String::new()
        }
        .form(),
        Some(LegalForm::Form05)
    );
}

// ---- refusal grounds (Art. 28(1); R-REFUSAL) ----

fn refusal_case(grounds: &[RefusalGround]) -> Request {
    request(
        Channel::Electronic,
        vec![
            ev("2024-05-20", EventKind::Received),
            valid("2024-05-20", Complexity::Simple),
            refused("2024-05-22", grounds),
        ],
    )
}

#[test]
fn ground_a_inaccessible_is_accepted() {
    assert!(!rules_of(
        &one(refusal_case(&[RefusalGround::Inaccessible])),
        "2024-05-31"
    )
    .contains(&"R-REFUSAL".to_string()));
}

#[test]
fn refusal_without_ground_or_reason_is_an_error() {
    let mut r = refusal_case(&[]);
    if let EventKind::Refused { reason, .. } = &mut r.events[2].kind {
        reason.clear();
    }
    let rules = rules_of(&one(r), "2024-05-31");
    assert_eq!(rules.iter().filter(|x| *x == "R-REFUSAL").count(), 2);
}

#[test]
fn ground_b_already_disclosed_is_invalid_for_art_23_1_cases() {
    let ok = refusal_case(&[RefusalGround::AlreadyDisclosed]);
    assert!(!rules_of(&one(ok.clone()), "2024-05-31").contains(&"R-REFUSAL".into()));
    for case in [
        ProvisionCase::NotYetDisclosed,
        ProvisionCase::PastDisclosurePeriod,
        ProvisionCase::UnreachableForceMajeure,
    ] {
        let mut r = ok.clone();
        r.slip.provision_case = Some(case);
        assert!(
            rules_of(&one(r), "2024-05-31").contains(&"R-REFUSAL".into()),
            "{case:?}"
        );
    }
}

#[test]
fn ground_c_not_responsible_is_accepted() {
    assert!(!rules_of(
        &one(refusal_case(&[RefusalGround::NotResponsible])),
        "2024-05-31"
    )
    .contains(&"R-REFUSAL".into()));
}

#[test]
fn ground_d_needs_two_earlier_provisions_and_no_legitimate_reason() {
    let mut r = refusal_case(&[RefusalGround::ProvidedTwice]);
    r.prior_provisions = 1;
    assert!(rules_of(&one(r.clone()), "2024-05-31").contains(&"R-REFUSAL".into()));
    r.prior_provisions = 2;
    assert!(!rules_of(&one(r.clone()), "2024-05-31").contains(&"R-REFUSAL".into()));
    r.legitimate_reason = Some("bản trước bị mất do thiên tai".into());
    assert!(rules_of(&one(r), "2024-05-31").contains(&"R-REFUSAL".into()));
}

#[test]
fn ground_d_counts_earlier_provisions_in_the_register() {
    // A10: per requester and item, no time window.
    let earlier = |id: &str, day: &str| {
        let mut e = request(
            Channel::Electronic,
            vec![
                ev(day, EventKind::Received),
                valid(day, Complexity::Simple),
                provided(day),
            ],
        );
        e.id = id.into();
        e
    };
    let mut reg = Register {
        agency: None,
        requests: vec![
            earlier("01", "2024-03-04"),
            earlier("02", "2024-04-01"),
            refusal_case(&[RefusalGround::ProvidedTwice]),
        ],
    };
    assert!(!rules_of(&reg, "2024-05-31").contains(&"R-REFUSAL".into()));
    reg.requests[1].slip.document = "another document".into();
    assert!(rules_of(&reg, "2024-05-31").contains(&"R-REFUSAL".into()));
}

#[test]
fn ground_dd_beyond_capacity_needs_reasons() {
    let r = refusal_case(&[RefusalGround::BeyondCapacity]);
    assert!(!rules_of(&one(r.clone()), "2024-05-31").contains(&"R-REFUSAL".into()));
    let mut r2 = r;
    if let EventKind::Refused { reason, .. } = &mut r2.events[2].kind {
        reason.clear();
    }
    assert!(rules_of(&one(r2), "2024-05-31").contains(&"R-REFUSAL".into()));
}

#[test]
fn ground_e_needs_an_unpaid_cost_past_its_deadline() {
    let notice = |deadline: &str| {
        ev(
            "2024-05-21",
            EventKind::HandlingNotice {
                time_limit: Some(d("2024-05-27")),
                place: Some("bộ phận một cửa".into()),
                form: Some("bản sao".into()),
                cost_vnd: 45_000,
                payment_deadline: Some(d(deadline)),
            },
        )
    };
    let mk = |events: Vec<Event>| request(Channel::Postal, events);
    let base = || {
        vec![
            ev("2024-05-20", EventKind::Received),
            valid("2024-05-20", Complexity::Simple),
        ]
    };
    // No Form 03 at all.
    let mut e = base();
    e.push(refused("2024-05-24", &[RefusalGround::CostsUnpaid]));
    assert!(rules_of(&one(mk(e)), "2024-05-31").contains(&"R-REFUSAL".into()));
    // Deadline not yet passed on the refusal date.
    let mut e = base();
    e.push(notice("2024-05-24"));
    e.push(refused("2024-05-24", &[RefusalGround::CostsUnpaid]));
    assert!(rules_of(&one(mk(e)), "2024-05-31").contains(&"R-REFUSAL".into()));
    // Paid before the refusal.
    let mut e = base();
    e.push(notice("2024-05-22"));
    e.push(ev("2024-05-22", EventKind::Paid { amount_vnd: 45_000 }));
    e.push(refused("2024-05-24", &[RefusalGround::CostsUnpaid]));
    assert!(rules_of(&one(mk(e)), "2024-05-31").contains(&"R-REFUSAL".into()));
    // Unpaid after the deadline: a valid ground.
    let mut e = base();
    e.push(notice("2024-05-22"));
    e.push(refused("2024-05-24", &[RefusalGround::CostsUnpaid]));
    assert!(!rules_of(&one(mk(e)), "2024-05-31").contains(&"R-REFUSAL".into()));
}

// ---- slip (Art. 24(2)–(3), Art. 4, Art. 36; Decree 13 Art. 4) ----

#[test]
fn complete_slip_has_no_finding() {
    assert!(full_slip().validate(&Location::row(2)).is_empty());
    assert!(full_slip().is_complete());
}

#[test]
fn every_missing_art_24_2_field_is_reported_with_its_point() {
    let found = RequestSlip::default().validate(&Location::row(5));
    let cols: Vec<_> = found
        .iter()
        .filter(|d| d.rule == "R-REQ-FIELDS")
        .map(|d| {
            (
                d.location.column.clone().unwrap(),
                d.citation.unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(cols.len(), 7);
    assert!(cols.contains(&(
        "id_number".into(),
        "Law 104/2016/QH13, Art. 24(2)(a)".into()
    )));
    assert!(cols.contains(&("document".into(), "Law 104/2016/QH13, Art. 24(2)(b)".into())));
    assert!(cols.contains(&(
        "form_of_provision".into(),
        "Law 104/2016/QH13, Art. 24(2)(c)".into()
    )));
    assert!(cols.contains(&(
        "reason_purpose".into(),
        "Law 104/2016/QH13, Art. 24(2)(d)".into()
    )));
    assert!(found.iter().all(|d| d.location.row == Some(5)));
}

#[test]
fn conditional_information_needs_consent_or_a_head_decision() {
    let mut s = full_slip();
    s.conditional = Some(ConditionalGround::FamilySecret);
    let f = s.validate(&Location::whole());
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].rule, "R-REQ-CONSENT");
    assert!(f[0].message.en.contains("the family members"));
    assert!(!s.is_complete());
    s.consent = Some("Văn bản chấp thuận ngày 01/5/2024".into());
    assert!(s.is_complete());
    s.consent = None;
    s.head_decision = Some("Quyết định số 1/QĐ-UBND".into());
    assert!(s.is_complete());
}

#[test]
fn form_01b_needs_organisation_and_a_complete_requester_list() {
    let mut s = full_slip();
    s.form = LegalForm::Form01b;
    let rules: Vec<_> = s
        .validate(&Location::whole())
        .into_iter()
        .map(|d| d.rule)
        .collect();
    assert_eq!(rules, vec!["R-REQ-ORG", "R-REQ-ORG"]);
    s.organisation = Some("Hợp tác xã Mẫu".into());
    s.requester_list = vec![
        ListedRequester {
            name: "A".into(),
            id_number: "001".into(),
            reason_purpose: "tìm hiểu".into(),
        },
        ListedRequester {
            name: "B".into(),
            id_number: String::new(),
            reason_purpose: "tìm hiểu".into(),
        },
    ];
    let f = s.validate(&Location::whole());
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].location.column.as_deref(), Some("requester_list[2]"));
}

#[test]
fn capacity_and_foreigner_scope_are_warnings() {
    let mut s = full_slip();
    s.capacity = RequesterCapacity::Minor;
    let f = s.validate(&Location::whole());
    assert_eq!(f[0].rule, "R-REQUESTER-CAPACITY");
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(
        f[0].citation.unwrap().to_string(),
        "Law 104/2016/QH13, Art. 4(3)"
    );
    assert!(
        s.is_complete(),
        "a warning does not make the slip incomplete"
    );
    s.capacity = RequesterCapacity::Guardian;
    assert_eq!(
        s.validate(&Location::whole())[0].rule,
        "R-REQUESTER-CAPACITY"
    );
    s.acting_for = Some("con".into());
    assert!(s.validate(&Location::whole()).is_empty());
    s.foreign_resident = true;
    assert_eq!(s.validate(&Location::whole())[0].rule, "R-FOREIGNER-SCOPE");
    s.provision_case = Some(ProvisionCase::OwnAffairs);
    assert!(s.validate(&Location::whole()).is_empty());
}

#[test]
fn clock_started_on_an_incomplete_slip_is_an_error() {
    let mut r = request(
        Channel::Electronic,
        vec![
            ev("2024-05-20", EventKind::Received),
            valid("2024-05-20", Complexity::Simple),
        ],
    );
    r.slip.reason_purpose.clear();
    let rules = rules_of(&one(r.clone()), "2024-05-21");
    assert!(rules.contains(&"R-CLOCK-START".into()));
    assert!(rules.contains(&"R-REQ-FIELDS".into()));
    // Not yet valid: the slip findings are information, and missing guidance is a warning.
    r.events.truncate(1);
    assert_eq!(
        rules_of(&one(r), "2024-05-21"),
        vec!["R-INCOMPLETE".to_string()]
    );
}

// ---- status at today (LAW.md §5.8 worked examples) ----

fn status(r: &Request, today: &str) -> Status {
    let rules = RuleTable::builtin();
    let clock = Clock::new(WorkingCalendar::official(), &rules);
    status_at(r, &clock, d(today)).status
}

#[test]
fn electronic_simple_is_due_after_3_working_days() {
    let r = request(
        Channel::Electronic,
        vec![
            ev("2024-05-20", EventKind::Received),
            valid("2024-05-20", Complexity::Simple),
        ],
    );
    assert_eq!(
        status(&r, "2024-05-21"),
        Status::Waiting {
            due: d("2024-05-23"),
            working_days_left: 2
        }
    );
    assert_eq!(
        status(&r, "2024-05-23"),
        Status::DueToday {
            due: d("2024-05-23")
        }
    );
    // Fri 05-24 and Mon 05-27 are working days after the due date.
    assert_eq!(
        status(&r, "2024-05-27"),
        Status::Overdue {
            due: d("2024-05-23"),
            working_days: 2
        }
    );
}

#[test]
fn status_ignores_events_after_today() {
    let r = request(
        Channel::Postal,
        vec![
            ev("2024-05-20", EventKind::Received),
            valid("2024-05-20", Complexity::Simple),
            provided("2024-05-29"),
        ],
    );
    // 5 wd → Mon 05-27; answered Wed 05-29: 2 working days late.
    assert_eq!(
        status(&r, "2024-05-31"),
        Status::AnsweredLate {
            due: d("2024-05-27"),
            answered: d("2024-05-29"),
            working_days: 2
        }
    );
    assert_eq!(
        status(&r, "2024-05-27"),
        Status::DueToday {
            due: d("2024-05-27")
        }
    );
}

#[test]
fn in_person_complex_extension_moves_the_due_date() {
    let mut events = vec![
        ev("2024-05-20", EventKind::Received),
        valid("2024-05-20", Complexity::Complex),
        ev(
            "2024-05-31",
            EventKind::Extended {
                new_limit: None,
                reason: Some("cần lấy ý kiến".into()),
            },
        ),
        provided("2024-06-14"),
    ];
    let r = request(Channel::InPerson, events.clone());
    // 10 wd → 06-03; extension of 10 wd → 06-17.
    assert_eq!(
        status(&r, "2024-06-20"),
        Status::AnsweredOnTime {
            due: d("2024-06-17"),
            answered: d("2024-06-14")
        }
    );
    // The same notice dated after 06-03 extends nothing (R-EXT-NOTICE).
    events[2].date = d("2024-06-04");
    let late = request(Channel::InPerson, events);
    assert!(matches!(
        status(&late, "2024-06-20"),
        Status::AnsweredLate { .. }
    ));
    assert!(rules_of(&one(late), "2024-06-20").contains(&"R-EXT-NOTICE".into()));
}

#[test]
fn postal_extension_is_capped_at_15_calendar_days() {
    let r = request(
        Channel::Postal,
        vec![
            ev("2024-05-20", EventKind::Received),
            valid("2024-05-20", Complexity::Complex),
            ev(
                "2024-05-22",
                EventKind::HandlingNotice {
                    time_limit: Some(d("2024-06-10")),
                    place: None,
                    form: None,
                    cost_vnd: 0,
                    payment_deadline: None,
                },
            ),
            ev(
                "2024-06-07",
                EventKind::Extended {
                    new_limit: Some(d("2024-06-25")),
                    reason: None,
                },
            ),
        ],
    );
    assert_eq!(
        status(&r, "2024-06-25"),
        Status::DueToday {
            due: d("2024-06-25")
        }
    );
    assert!(!rules_of(&one(r.clone()), "2024-06-12").contains(&"R-EXT-NOTICE".into()));
    let mut twice = r;
    twice.events.push(ev(
        "2024-06-24",
        EventKind::Extended {
            new_limit: Some(d("2024-07-10")),
            reason: None,
        },
    ));
    let rules = rules_of(&one(twice), "2024-06-24");
    assert!(rules.contains(&"R-EXT-ONCE".into()));
    // The second notice is after the base period and beyond the cap.
    assert_eq!(rules.iter().filter(|r| *r == "R-EXT-NOTICE").count(), 2);
}

#[test]
fn complex_electronic_request_without_notice_in_3_working_days() {
    let r = request(
        Channel::Electronic,
        vec![
            ev("2024-05-20", EventKind::Received),
            valid("2024-05-20", Complexity::Complex),
        ],
    );
    assert!(!rules_of(&one(r.clone()), "2024-05-23").contains(&"R-DL-EL".into()));
    assert!(rules_of(&one(r), "2024-05-24").contains(&"R-DL-EL".into()));
}

#[test]
fn recorded_state_is_kept_apart_from_the_events() {
    let mut r = request(
        Channel::Electronic,
        vec![
            ev("2024-05-20", EventKind::Received),
            valid("2024-05-20", Complexity::Simple),
        ],
    );
    r.recorded_state = Some(RequestState::Provided);
    assert_eq!(r.state(None), RequestState::InProgress);
    assert!(rules_of(&one(r), "2024-05-21").contains(&"R-STATE-RECORDED".into()));
}

#[test]
fn recomputing_after_a_calendar_change_shows_which_requests_moved() {
    use tiepcan::calendar::OfficialDays;
    use tiepcan::register::status_changes;
    let reg = Register {
        agency: None,
        requests: vec![
            request(
                Channel::Electronic,
                vec![
                    ev("2024-05-20", EventKind::Received),
                    valid("2024-05-20", Complexity::Simple),
                ],
            ),
            {
                let mut r = request(
                    Channel::Electronic,
                    vec![
                        ev("2024-05-27", EventKind::Received),
                        valid("2024-05-27", Complexity::Simple),
                    ],
                );
                r.id = "02/2024".into();
                r
            },
        ],
    };
    let rules = RuleTable::builtin();
    let before_clock = Clock::new(WorkingCalendar::official(), &rules);
    let before = check_register(&reg, &before_clock, d("2024-05-22")).statuses;
    // Suppose Wed 2024-05-22 had been declared a day off.
    let csv = "date,kind,name,document\n2024-05-22,holiday,Ngày nghỉ giả định,tệp thử\n";
    let over = OfficialDays::parse_str(csv, "override.csv").unwrap();
    let cal = WorkingCalendar::with_override(&over).unwrap();
    let after_clock = Clock::new(&cal, &rules);
    let after = check_register(&reg, &after_clock, d("2024-05-22")).statuses;
    let moved = status_changes(&before, &after);
    assert_eq!(moved.len(), 1);
    assert_eq!(moved[0].id, "01/2024");
    assert_eq!(moved[0].before.due(), Some(d("2024-05-23")));
    assert_eq!(moved[0].after.due(), Some(d("2024-05-24")));
}

#[test]
fn complex_in_person_request_without_form_03_is_a_warning() {
    // LAW.md A26: Form 03 due no later than the 10-wd result.
    let r = request(
        Channel::InPerson,
        vec![
            ev("2024-05-20", EventKind::Received),
            valid("2024-05-20", Complexity::Complex),
            provided("2024-05-31"),
        ],
    );
    let rules = RuleTable::builtin();
    let clock = Clock::new(WorkingCalendar::official(), &rules);
    let c = check_register(&one(r), &clock, d("2024-06-03"));
    let f: Vec<_> = c
        .report
        .diagnostics
        .iter()
        .filter(|x| x.rule == "R-NOTICE-03")
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Warning);
}

#[test]
fn requests_under_the_amended_law_carry_the_clocks_provisional_note() {
    // LAW.md A14: from 2026-09-01 the Law 104 periods are carried over, provisional.
    let r = request(
        Channel::Electronic,
        vec![
            ev("2026-09-07", EventKind::Received),
            valid("2026-09-07", Complexity::Simple),
        ],
    );
    assert!(rules_of(&one(r), "2026-09-08").contains(&"R-DL-PROVISIONAL".into()));
}
