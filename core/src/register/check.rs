//! Checking a whole register at `today`: every request's status, what is
//! overdue or due soon, and every inconsistency with its citation.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::law::{Channel, Citation, RefusalGround};
use crate::text::fold_key;
use crate::validate::{Diagnostic, Location, Message, Report, Severity};

use super::lifecycle::{Complexity, EventKind, Request, RequestState};
use super::status::{status_at, RequestClock, RequestStatus, Status};
use super::Register;

/// The result of [`check_register`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegisterCheck {
    /// The date the statuses were computed at.
    #[serde(with = "crate::model::iso_date")]
    pub today: NaiveDate,
    /// One status per request, in register order.
    pub statuses: Vec<RequestStatus>,
    /// Findings: illegal transitions, incomplete slips that started a clock,
    /// refusals without a valid ground, late extension notices, overdue and
    /// late answers, recorded states that disagree with the events.
    pub report: Report,
}

impl RegisterCheck {
    /// Open requests due within `working_days` working days of `today`
    /// (due today included), or overdue.
    pub fn due_within(&self, working_days: i64) -> impl Iterator<Item = &RequestStatus> {
        self.statuses.iter().filter(move |s| match s.status {
            Status::Waiting {
                working_days_left, ..
            } => working_days_left <= working_days,
            Status::DueToday { .. } | Status::Overdue { .. } => true,
            _ => false,
        })
    }
}

fn deadline_rule(channel: Channel) -> &'static str {
    match channel {
        Channel::InPerson => "R-DL-IP",
        Channel::Electronic => "R-DL-EL",
        Channel::Postal | Channel::Fax => "R-DL-PF",
    }
}

fn loc(r: &Request, pointer_index: usize) -> Location {
    match r.source_row {
        Some(row) => Location::row(row),
        None => Location::pointer(format!("/requests/{pointer_index}")),
    }
}

/// Dates on which each (requester ID, document) pair was provided, keyed by
/// folded text (LAW.md A10: per requester and item, no time window), with
/// the index of the request.
type ProvisionIndex = HashMap<(String, String), Vec<(usize, NaiveDate)>>;

fn provision_index(reg: &Register) -> ProvisionIndex {
    let mut m: ProvisionIndex = HashMap::new();
    for (i, r) in reg.requests.iter().enumerate() {
        let (id, doc) = (fold_key(&r.slip.id_number), fold_key(&r.slip.document));
        if id.is_empty() || doc.is_empty() {
            continue;
        }
        for e in &r.events {
            if matches!(e.kind, EventKind::Provided { .. }) {
                m.entry((id.clone(), doc.clone()))
                    .or_default()
                    .push((i, e.date));
            }
        }
    }
    m
}

/// Earlier provisions of the same document to the same requester found in
/// the register before `before`, other than request `me` itself.
fn provisions_in_register(
    idx: &ProvisionIndex,
    reg: &Register,
    me: usize,
    before: NaiveDate,
) -> u32 {
    let r = &reg.requests[me];
    let key = (fold_key(&r.slip.id_number), fold_key(&r.slip.document));
    idx.get(&key)
        .map(|v| v.iter().filter(|(i, d)| *i != me && *d < before).count() as u32)
        .unwrap_or(0)
}

/// Check every request of `reg` at `today` and compute its status.
///
/// Findings (rule ids of LAW.md §9):
/// * `R-REGISTER` — no `received` event;
/// * `R-REQ-TRANSITION` — an event that may not follow the earlier ones;
/// * `R-REQ-FIELDS`, `R-REQ-CONSENT`, `R-REQ-ORG`, `R-REQUESTER-CAPACITY`,
///   `R-FOREIGNER-SCOPE` — the slip (errors once the request was made valid;
///   information only while it is still incomplete);
/// * `R-CLOCK-START` — a request made valid on an incomplete slip;
/// * `R-INCOMPLETE` — an incomplete slip with no guidance recorded;
/// * `R-NOT-RESPONSIBLE` — a redirection that names no responsible body;
/// * `R-EXT-NOTICE`, `R-EXT-ONCE` — extension notices after the base
///   period, beyond the cap, or more than one;
/// * `R-NOTICE-03` — a handling notice without time limit, place, form, or
///   a cost without a payment deadline; `R-COST-PREPAID` — provided before
///   the cost was paid in full;
/// * `R-REFUSAL` — a refusal without ground or reason, or with a ground whose
///   conditions are not met (b for Art. 23(1) cases, d without two earlier
///   provisions, e without an unpaid cost past its deadline);
/// * `R-DL-IP`, `R-DL-EL`, `R-DL-PF` — the notice or the answer overdue or
///   late;
/// * `R-STATE-RECORDED` — the recorded state disagrees with the events;
/// * the clock's own notes (`R-DL-PROVISIONAL` for periods carried over to
///   the amended Law, `R-TIME-WD` for projected calendar years).
pub fn check_register(reg: &Register, clock: &dyn RequestClock, today: NaiveDate) -> RegisterCheck {
    let mut report = Report::new();
    let mut statuses = Vec::with_capacity(reg.requests.len());
    let idx = provision_index(reg);
    for (i, r) in reg.requests.iter().enumerate() {
        let at = loc(r, i);
        check_request(reg, &idx, i, clock, today, &at, &mut report);
        let st = status_at(r, clock, today);
        if let Some((v, cx)) = r.valid_on() {
            for mut n in clock.notes(r.channel, cx, v) {
                n.location = at.clone().with_column("valid");
                report.push(n);
            }
        }
        let rule = deadline_rule(r.channel);
        match &st.status {
            Status::Overdue { due, working_days } => report.push(Diagnostic::new(
                rule,
                at.clone(),
                Some(due.to_string()),
                Message::new(
                    format!(
                        "Yêu cầu {} quá hạn {} ngày làm việc (hạn {})",
                        r.id, working_days, due
                    ),
                    format!(
                        "Request {} is overdue by {} working days (due {})",
                        r.id, working_days, due
                    ),
                ),
            )),
            Status::AnsweredLate {
                due,
                answered,
                working_days,
            } => report.push(Diagnostic::new(
                rule,
                at.clone(),
                Some(answered.to_string()),
                Message::new(
                    format!(
                        "Yêu cầu {} được trả lời ngày {}, chậm {} ngày làm việc (hạn {})",
                        r.id, answered, working_days, due
                    ),
                    format!(
                        "Request {} was answered on {}, {} working days late (due {})",
                        r.id, answered, working_days, due
                    ),
                ),
            )),
            Status::Unknown { reason } => report.push(
                Diagnostic::new(
                    rule,
                    at.clone(),
                    None,
                    Message::new(
                        format!("Không tính được thời hạn của yêu cầu {}: {}", r.id, reason),
                        format!(
                            "The deadline of request {} cannot be computed: {}",
                            r.id, reason
                        ),
                    ),
                )
                .with_severity(Severity::Warning),
            ),
            _ => {}
        }
        if let (Some(nd), Some((_, Complexity::Complex))) = (st.notice_due, r.valid_on()) {
            let noticed = r.events.iter().any(|e| {
                e.date <= nd
                    && (matches!(
                        e.kind,
                        EventKind::HandlingNotice { .. } | EventKind::Extended { .. }
                    ) || e.kind.form() == Some(crate::law::LegalForm::Form05)
                        || matches!(e.kind, EventKind::Provided { .. } | EventKind::Withdrawn))
            });
            if !noticed && today > nd {
                report.push(Diagnostic::new(
                    rule,
                    at.clone().with_column("handling_notice"),
                    Some(nd.to_string()),
                    Message::new(
                        format!("Yêu cầu phức tạp {}: không có thông báo bằng văn bản về thời hạn trước ngày {} (03 ngày làm việc)", r.id, nd),
                        format!("Complex request {}: no written notice of the time limit by {} (3 working days)", r.id, nd),
                    ),
                ).with_citation(if r.channel == Channel::Electronic {
                    Citation::law104(30).clause(4)
                } else {
                    Citation::law104(31).clause(2)
                }));
            }
        }
        // LAW.md A26: Art. 29 sets no notice deadline in person; Form 03 is
        // due no later than the result of a complex request.
        if let (Channel::InPerson, Some((_, Complexity::Complex)), Some(base)) =
            (r.channel, r.valid_on(), st.base_due)
        {
            let noticed = r
                .events
                .iter()
                .any(|e| matches!(e.kind, EventKind::HandlingNotice { .. }) && e.date <= today);
            let provided = r
                .events
                .iter()
                .any(|e| matches!(e.kind, EventKind::Provided { .. }) && e.date <= today);
            if !noticed && (provided || today > base) {
                report.push(
                    Diagnostic::new(
                        "R-NOTICE-03",
                        at.clone().with_column("handling_notice"),
                        None,
                        Message::new(
                            format!("Yêu cầu phức tạp {} (trực tiếp): không có Phiếu giải quyết (Mẫu 03) trước thời hạn trả lời", r.id),
                            format!("Complex in-person request {}: no handling notice (Form 03) by the result (LAW.md A26)", r.id),
                        ),
                    )
                    .with_severity(Severity::Warning),
                );
            }
        }
        // The officer records the state with every event known, so compare
        // with the state from all events, not the state at `today`.
        if let Some(rec) = r.recorded_state {
            let derived = r.state(None);
            if rec != derived {
                report.push(Diagnostic::new(
                    "R-STATE-RECORDED",
                    at.clone().with_column("recorded_state"),
                    Some(rec.code().into()),
                    Message::new(
                        format!(
                            "Trạng thái ghi trong sổ là \"{}\" nhưng theo các mốc ngày là \"{}\"",
                            rec.label_vi(),
                            st.state.label_vi()
                        ),
                        format!(
                            "The register records \"{}\" but the dated events give \"{}\"",
                            rec.code(),
                            st.state.code()
                        ),
                    ),
                ));
            }
        }
        statuses.push(st);
    }
    RegisterCheck {
        today,
        statuses,
        report,
    }
}

fn check_request(
    reg: &Register,
    idx: &ProvisionIndex,
    i: usize,
    clock: &dyn RequestClock,
    today: NaiveDate,
    at: &Location,
    report: &mut Report,
) {
    let r = &reg.requests[i];
    let col = |c: &str| at.clone().with_column(c);
    if r.received_on().is_none() {
        report.push(Diagnostic::new(
            "R-REGISTER",
            col("received"),
            None,
            Message::new(
                format!("Yêu cầu {} không có ngày tiếp nhận, vào sổ", r.id),
                format!("Request {} has no date of receipt and register entry", r.id),
            ),
        ));
    }
    for e in r.check_transitions() {
        report.push(
            Diagnostic::new(
                "R-REQ-TRANSITION",
                col(e.event),
                Some(e.date.to_string()),
                Message::new(
                    format!(
                        "Sự kiện \"{}\" ngày {} không hợp lệ sau \"{}\": {}",
                        e.event, e.date, e.from, e.why
                    ),
                    format!(
                        "Event \"{}\" on {} may not follow \"{}\": {}",
                        e.event, e.date, e.from, e.why
                    ),
                ),
            )
            .with_citation(e.citation),
        );
    }
    let slip = r.slip.validate(at);
    let incomplete = slip.iter().any(|d| d.severity == Severity::Error);
    let valid = r.valid_on();
    if valid.is_some() {
        if incomplete {
            report.push(Diagnostic::new(
                "R-CLOCK-START",
                col("valid"),
                None,
                Message::new(
                    format!("Yêu cầu {} được coi là hợp lệ khi phiếu yêu cầu chưa đầy đủ", r.id),
                    format!("Request {} was treated as valid on an incomplete slip: no clock starts before the slip is complete", r.id),
                ),
            ));
        }
        report.extend(slip);
    } else if r.state(None) == RequestState::ReceivedIncomplete {
        report.extend(slip.into_iter().map(|d| d.with_severity(Severity::Info)));
        let guided = r
            .events
            .iter()
            .any(|e| matches!(e.kind, EventKind::Guidance { .. }));
        if !guided {
            report.push(Diagnostic::new(
                "R-INCOMPLETE",
                col("guidance"),
                None,
                Message::new(
                    format!(
                        "Yêu cầu {} chưa hợp lệ và chưa ghi nhận việc hướng dẫn bổ sung",
                        r.id
                    ),
                    format!(
                        "Request {} is not valid and no guidance to complete it is recorded",
                        r.id
                    ),
                ),
            ));
        }
    }
    // Redirections must name the responsible body.
    for e in &r.events {
        let names_none = match &e.kind {
            EventKind::Transferred { to } => to.as_deref().map(str::trim).unwrap_or("").is_empty(),
            _ => false,
        };
        if names_none {
            report.push(Diagnostic::new(
                "R-NOT-RESPONSIBLE",
                col("transferred_to"),
                None,
                Message::new(
                    "Thông báo không thuộc trách nhiệm nhưng không chỉ dẫn cơ quan có trách nhiệm",
                    "Not-responsible notice without pointing to the responsible body",
                ),
            ));
        }
    }
    check_extensions(r, clock, today, at, report);
    check_handling_notices(r, at, report);
    let prior_in_file = r
        .events
        .iter()
        .find(|e| matches!(e.kind, EventKind::Refused { .. }))
        .map(|e| provisions_in_register(idx, reg, i, e.date))
        .unwrap_or(0);
    check_refusals(r, prior_in_file, at, report);
}

fn check_extensions(
    r: &Request,
    clock: &dyn RequestClock,
    today: NaiveDate,
    at: &Location,
    report: &mut Report,
) {
    let exts: Vec<_> = r.extensions().collect();
    if exts.len() > 1 {
        report.push(Diagnostic::new(
            "R-EXT-ONCE",
            at.clone().with_column("extended"),
            Some(exts.len().to_string()),
            Message::new(
                format!(
                    "Yêu cầu {} được gia hạn {} lần; không văn bản nào cho phép gia hạn lần hai",
                    r.id,
                    exts.len()
                ),
                format!(
                    "Request {} was extended {} times; no text allows a second extension",
                    r.id,
                    exts.len()
                ),
            ),
        ));
    }
    let Some((valid_on, cx)) = r.valid_on() else {
        return;
    };
    let _ = today;
    let Ok(base) = clock.result_due(r.channel, cx, valid_on) else {
        return;
    };
    let Ok(cap) = clock.extension_cap(r.channel, cx, valid_on) else {
        if let Some(e) = exts.first() {
            report.push(
                Diagnostic::new(
                    "R-EXT-NOTICE",
                    at.clone().with_column("extended"),
                    Some(e.date.to_string()),
                    Message::new(
                        format!("Yêu cầu {} được ghi là đơn giản nhưng có thông báo gia hạn; chỉ yêu cầu phức tạp được gia hạn", r.id),
                        format!("Request {} is recorded as simple but has an extension notice; only complex requests are extended", r.id),
                    ),
                )
                .with_severity(Severity::Warning),
            );
        }
        return;
    };
    let cit = match r.channel {
        Channel::InPerson => Citation::law104(29).clause(2).paragraph(2),
        Channel::Electronic => Citation::law104(30).clause(4).paragraph(2),
        Channel::Postal | Channel::Fax => Citation::law104(31).clause(2).paragraph(2),
    };
    for e in exts {
        if e.date > base {
            report.push(
                Diagnostic::new(
                    "R-EXT-NOTICE",
                    at.clone().with_column("extended"),
                    Some(e.date.to_string()),
                    Message::new(
                        format!("Thông báo gia hạn (Mẫu 04) ngày {} sau khi hết thời hạn giải quyết ({})", e.date, base),
                        format!("Extension notice (Form 04) dated {} after the period ended ({})", e.date, base),
                    ),
                )
                .with_citation(cit),
            );
        }
        if let EventKind::Extended {
            new_limit: Some(n), ..
        } = e.kind
        {
            if n > cap {
                report.push(
                    Diagnostic::new(
                        "R-EXT-NOTICE",
                        at.clone().with_column("extended_until"),
                        Some(n.to_string()),
                        Message::new(
                            format!("Thời hạn gia hạn {} vượt mức tối đa {}", n, cap),
                            format!("The extended limit {} is beyond the maximum {}", n, cap),
                        ),
                    )
                    .with_citation(cit),
                );
            }
        }
    }
}

fn check_handling_notices(r: &Request, at: &Location, report: &mut Report) {
    let mut billed: Option<u64> = None;
    for e in &r.events {
        match &e.kind {
            EventKind::HandlingNotice {
                time_limit,
                cost_vnd,
                payment_deadline,
                ..
            } => {
                let mut missing = Vec::new();
                if time_limit.is_none() {
                    missing.push(("thời hạn", "time limit"));
                }
                if *cost_vnd > 0 && payment_deadline.is_none() {
                    missing.push(("hạn thanh toán", "payment deadline"));
                }
                if !missing.is_empty() {
                    report.push(Diagnostic::new(
                        "R-NOTICE-03",
                        at.clone().with_column("handling_notice"),
                        e.document.clone(),
                        Message::new(
                            format!(
                                "Phiếu giải quyết (Mẫu 03) thiếu: {}",
                                missing.iter().map(|m| m.0).collect::<Vec<_>>().join(", ")
                            ),
                            format!(
                                "Handling notice (Form 03) lacks: {}",
                                missing.iter().map(|m| m.1).collect::<Vec<_>>().join(", ")
                            ),
                        ),
                    ));
                }
                if *cost_vnd > 0 {
                    billed = Some(*cost_vnd);
                }
            }
            EventKind::Provided { .. } => {
                if let Some(c) = billed {
                    let paid = r.paid_vnd(Some(e.date));
                    if paid < c {
                        report.push(Diagnostic::new(
                            "R-COST-PREPAID",
                            at.clone().with_column("paid"),
                            Some(paid.to_string()),
                            Message::new(
                                format!(
                                    "Đã cung cấp ngày {} khi mới thanh toán {} / {} đồng",
                                    e.date, paid, c
                                ),
                                format!("Provided on {} with {} of {} VND paid", e.date, paid, c),
                            ),
                        ));
                    }
                }
            }
            _ => {}
        }
    }
}

/// Check the Form 05 refusals of one request (Art. 28; rule R-REFUSAL).
/// `prior_in_file` is the number of earlier provisions of the same document
/// to the same requester found elsewhere in the register.
pub(crate) fn check_refusals(r: &Request, prior_in_file: u32, at: &Location, report: &mut Report) {
    let col = || at.clone().with_column("refusal_grounds");
    let push = |report: &mut Report, g: Option<RefusalGround>, vi: String, en: String| {
        let mut d = Diagnostic::new(
            "R-REFUSAL",
            col(),
            g.map(|g| g.point().letter().to_string()),
            Message::new(vi, en),
        );
        if let Some(g) = g {
            d = d.with_citation(g.citation());
        }
        report.push(d);
    };
    for e in &r.events {
        let EventKind::Refused { grounds, reason } = &e.kind else {
            continue;
        };
        if grounds.is_empty() {
            push(
                report,
                None,
                "Từ chối mà không nêu căn cứ tại khoản 1 Điều 28".into(),
                "Refusal without a ground of Art. 28(1)".into(),
            );
        }
        if reason.trim().is_empty() {
            push(
                report,
                None,
                "Từ chối mà không nêu lý do (Mẫu 05)".into(),
                "Refusal without stated reasons (Form 05)".into(),
            );
        }
        for g in grounds {
            match g {
                RefusalGround::AlreadyDisclosed
                    if r.slip
                        .provision_case
                        .map(|c| c.is_art23_1())
                        .unwrap_or(false) =>
                {
                    let c = r.slip.provision_case.expect("checked");
                    push(
                        report,
                        Some(*g),
                        format!(
                            "Căn cứ điểm b không áp dụng cho trường hợp {} (khoản 1 Điều 23)",
                            c.citation().to_vietnamese()
                        ),
                        format!(
                            "Ground (b) is not available for an Art. 23(1) case ({})",
                            c.citation()
                        ),
                    );
                }
                RefusalGround::ProvidedTwice => {
                    let prior = r.prior_provisions.max(prior_in_file);
                    if prior < 2 {
                        push(
                            report,
                            Some(*g),
                            format!("Căn cứ điểm d cần 02 lần đã cung cấp trước đó cho cùng người yêu cầu; sổ ghi {prior}"),
                            format!("Ground (d) needs two earlier provisions to the same requester; the register shows {prior}"),
                        );
                    }
                    if r.legitimate_reason
                        .as_deref()
                        .map(|s| !s.trim().is_empty())
                        .unwrap_or(false)
                    {
                        push(
                            report,
                            Some(*g),
                            "Căn cứ điểm d không áp dụng khi có lý do chính đáng đã ghi nhận"
                                .into(),
                            "Ground (d) does not apply when a legitimate reason is recorded".into(),
                        );
                    }
                }
                RefusalGround::CostsUnpaid => {
                    let unpaid_past_deadline = r.events.iter().any(|n| match n.kind {
                        EventKind::HandlingNotice {
                            cost_vnd,
                            payment_deadline: Some(dl),
                            ..
                        } => cost_vnd > 0 && dl < e.date && r.paid_vnd(Some(e.date)) < cost_vnd,
                        _ => false,
                    });
                    if !unpaid_past_deadline {
                        push(
                            report,
                            Some(*g),
                            "Căn cứ điểm e cần Phiếu giải quyết (Mẫu 03) có chi phí chưa thanh toán và đã quá hạn thanh toán".into(),
                            "Ground (e) needs a Form 03 cost left unpaid after its payment deadline".into(),
                        );
                    }
                }
                _ => {}
            }
        }
    }
}
