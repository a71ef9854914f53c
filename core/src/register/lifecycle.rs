//! The life of a request as dated events, each with its document (Forms
//! 02–06), and the legal transitions between them (LAW.md §5.4–§5.9).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::law::{Channel, Citation, LegalForm, RefusalGround};

use super::slip::RequestSlip;

pub use crate::deadline::Complexity;

/// None recorded → the simple-case limits apply (LAW.md A5).
fn default_complexity() -> Complexity {
    Complexity::Simple
}

/// What happened to a request on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventKind {
    /// Tiếp nhận — received and entered in the register; receipt slip Form 02
    /// (Art. 26(1); Decree 13/2018/NĐ-CP, Art. 10(1)).
    Received,
    /// Hướng dẫn bổ sung — guidance to complete an incomplete or unclear slip
    /// (Art. 26(2)); no clock runs.
    Guidance {
        /// What was missing.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// Yêu cầu hợp lệ — the request is valid: every clock starts from this
    /// date (Arts 29(2), 30(3)–(4), 31).
    Valid {
        /// Simple or complex; simple when not recorded (A5).
        #[serde(default = "default_complexity")]
        complexity: Complexity,
        /// Why complex, as the agency recorded it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// Phiếu giải quyết yêu cầu — handling notice, Form 03 (Art. 27; Circ46
    /// Art. 4(1)(a)).
    HandlingNotice {
        /// Time limit of provision stated on the notice.
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::model::iso_date_opt"
        )]
        time_limit: Option<NaiveDate>,
        /// Place of provision.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        place: Option<String>,
        /// Form of provision.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        form: Option<String>,
        /// Actual cost in VND (0 = none).
        #[serde(default)]
        cost_vnd: u64,
        /// Payment deadline (when `cost_vnd > 0`).
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::model::iso_date_opt"
        )]
        payment_deadline: Option<NaiveDate>,
    },
    /// The requester paid the actual cost (Decree 13/2018/NĐ-CP, Art. 13(2)).
    Paid {
        /// Amount paid, VND.
        amount_vnd: u64,
    },
    /// Thông báo gia hạn — extension notice, Form 04 (Arts 29(2), 30(4),
    /// 31(2) para. 2).
    Extended {
        /// The new time limit stated on the notice.
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::model::iso_date_opt"
        )]
        new_limit: Option<NaiveDate>,
        /// Why more time is needed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// Thông báo từ chối — refusal notice, Form 05 (Art. 28). After a partial
    /// provision it refuses the rest.
    Refused {
        /// One or more Art. 28(1) grounds.
        #[serde(default)]
        grounds: Vec<RefusalGround>,
        /// The reasons stated (Art. 28(2)).
        #[serde(default)]
        reason: String,
    },
    /// Đã cung cấp — information provided (Art. 25).
    Provided {
        /// Form of provision used.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        form: Option<String>,
        /// Only part of what was requested was provided.
        #[serde(default)]
        partial: bool,
    },
    /// Không thuộc trách nhiệm / không nắm giữ — not the agency's
    /// responsibility: the requester is told and pointed to the responsible
    /// body (Arts 26(3), 28(1)(c)).
    Transferred {
        /// The responsible body named in the notice.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<String>,
    },
    /// Rút yêu cầu — the requester withdrew the request.
    Withdrawn,
    /// Yêu cầu đính chính — the requester claims the information provided is
    /// inaccurate (Art. 32(2)).
    CorrectionClaim,
    /// Khiếu nại, khởi kiện — complaint or lawsuit (Art. 14).
    Complaint,
}

impl EventKind {
    /// snake_case code, as in the JSON `kind` field.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Received => "received",
            Self::Guidance { .. } => "guidance",
            Self::Valid { .. } => "valid",
            Self::HandlingNotice { .. } => "handling_notice",
            Self::Paid { .. } => "paid",
            Self::Extended { .. } => "extended",
            Self::Refused { .. } => "refused",
            Self::Provided { .. } => "provided",
            Self::Transferred { .. } => "transferred",
            Self::Withdrawn => "withdrawn",
            Self::CorrectionClaim => "correction_claim",
            Self::Complaint => "complaint",
        }
    }

    /// The official form that records this event, if any (Decree
    /// 13/2018/NĐ-CP, Art. 5).
    pub fn form(&self) -> Option<LegalForm> {
        match self {
            Self::Received => Some(LegalForm::Form02),
            Self::HandlingNotice { .. } => Some(LegalForm::Form03),
            Self::Extended { .. } => Some(LegalForm::Form04),
            Self::Refused { .. } | Self::Transferred { .. } => Some(LegalForm::Form05),
            _ => None,
        }
    }

    /// The provision the event comes from.
    pub fn citation(&self) -> Citation {
        let l = Citation::law104;
        match self {
            Self::Received => l(26).clause(1),
            Self::Guidance { .. } => l(26).clause(2),
            Self::Valid { .. } => l(29).clause(2),
            Self::HandlingNotice { .. } => l(27),
            Self::Paid { .. } => Citation::decree13(13).clause(2),
            Self::Extended { .. } => l(29).clause(2).paragraph(2),
            Self::Refused { .. } => l(28),
            Self::Provided { .. } => l(25),
            Self::Transferred { .. } => l(26).clause(3),
            Self::Withdrawn => l(24),
            Self::CorrectionClaim => l(32).clause(2),
            Self::Complaint => l(14),
        }
    }

    fn is_outcome(&self) -> bool {
        matches!(
            self,
            Self::Refused { .. }
                | Self::Provided { .. }
                | Self::Transferred { .. }
                | Self::Withdrawn
        )
    }
}

/// One dated event with the number of the document that records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Civil date in Vietnam.
    #[serde(with = "crate::model::iso_date")]
    pub date: NaiveDate,
    /// What happened.
    #[serde(flatten)]
    pub kind: EventKind,
    /// Number and symbol of the document (Form 02–05 or other), if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
}

impl Event {
    /// An event without a document number.
    pub fn new(date: NaiveDate, kind: EventKind) -> Event {
        Event {
            date,
            kind,
            document: None,
        }
    }

    /// With the number and symbol of its document.
    pub fn with_document(mut self, doc: impl Into<String>) -> Event {
        self.document = Some(doc.into());
        self
    }
}

/// Trạng thái — the state of a request as derived from its events, or as a
/// person recorded it in the register (the two are kept apart: see
/// [`Request::recorded_state`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestState {
    /// Received, not yet valid; guidance may have been given (A3).
    ReceivedIncomplete,
    /// Valid and being handled; the clock runs.
    InProgress,
    /// Provided in full.
    Provided,
    /// Part provided, the rest refused or not held.
    PartlyProvided,
    /// Refused (Form 05).
    Refused,
    /// Not the agency's responsibility; the requester was redirected.
    Transferred,
    /// Withdrawn by the requester.
    Withdrawn,
}

impl RequestState {
    /// Every state.
    pub const ALL: [RequestState; 7] = [
        Self::ReceivedIncomplete,
        Self::InProgress,
        Self::Provided,
        Self::PartlyProvided,
        Self::Refused,
        Self::Transferred,
        Self::Withdrawn,
    ];

    /// snake_case code.
    pub fn code(self) -> &'static str {
        match self {
            Self::ReceivedIncomplete => "received_incomplete",
            Self::InProgress => "in_progress",
            Self::Provided => "provided",
            Self::PartlyProvided => "partly_provided",
            Self::Refused => "refused",
            Self::Transferred => "transferred",
            Self::Withdrawn => "withdrawn",
        }
    }

    /// Vietnamese label.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::ReceivedIncomplete => "chưa hợp lệ",
            Self::InProgress => "đang giải quyết",
            Self::Provided => "đã cung cấp",
            Self::PartlyProvided => "cung cấp một phần",
            Self::Refused => "từ chối",
            Self::Transferred => "không thuộc trách nhiệm",
            Self::Withdrawn => "rút yêu cầu",
        }
    }

    /// Parse a code or a Vietnamese label (diacritics optional).
    pub fn parse(s: &str) -> Option<RequestState> {
        let k = crate::text::fold_key(s).replace(['-', '_'], " ");
        let k = k.trim();
        Self::ALL
            .into_iter()
            .find(|st| {
                st.code().replace('_', " ") == k || crate::text::fold_key(st.label_vi()) == k
            })
            .or(match k {
                "da tra loi" | "hoan thanh" => Some(Self::Provided),
                "dang xu ly" | "cho" | "pending" => Some(Self::InProgress),
                "chuyen" | "da chuyen" | "huong dan sang co quan khac" => Some(Self::Transferred),
                _ => None,
            })
    }

    /// Whether handling is over (provided, partly provided, refused,
    /// transferred or withdrawn).
    pub fn is_closed(self) -> bool {
        !matches!(self, Self::ReceivedIncomplete | Self::InProgress)
    }
}

/// An illegal transition: which event, from which state, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[error("event {index} ({event} on {date}) is not allowed after {from}: {why}")]
pub struct TransitionError {
    /// 0-based index of the offending event.
    pub index: usize,
    /// The event's code.
    pub event: &'static str,
    /// Its date.
    #[serde(with = "crate::model::iso_date")]
    pub date: NaiveDate,
    /// Where the request stood ("nothing", a state code, or the last event).
    pub from: String,
    /// Why it is not allowed, in English.
    pub why: String,
    /// The provision that governs.
    pub citation: Citation,
}

/// Một yêu cầu trong sổ theo dõi — one request in the register: its slip,
/// channel and dated events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// The register's number for the request (số thứ tự / mã yêu cầu).
    pub id: String,
    /// How the request came in (Art. 24(1)).
    pub channel: Channel,
    /// The slip.
    #[serde(default)]
    pub slip: RequestSlip,
    /// Events in date order.
    #[serde(default)]
    pub events: Vec<Event>,
    /// The state the officer wrote in the register, kept apart from the state
    /// derived from events and from the status computed at a date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_state: Option<RequestState>,
    /// Times the same information was already provided to the same requester
    /// before this request, as the officer recorded it (Art. 28(1)(d)). The
    /// register check also counts earlier provided requests in the file.
    #[serde(default)]
    pub prior_provisions: u32,
    /// A legitimate reason to provide again, overriding Art. 28(1)(d) (A10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legitimate_reason: Option<String>,
    /// Free-text note (ghi chú).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// 1-based row of the register file the request was read from, for
    /// findings; not serialised.
    #[serde(skip)]
    pub source_row: Option<usize>,
}

impl Request {
    /// A request with an id, a channel and a default slip.
    pub fn new(id: impl Into<String>, channel: Channel) -> Request {
        Request {
            id: id.into(),
            channel,
            slip: RequestSlip::default(),
            events: Vec::new(),
            recorded_state: None,
            prior_provisions: 0,
            legitimate_reason: None,
            note: None,
            source_row: None,
        }
    }

    /// Append an event after checking that the transition is legal.
    ///
    /// # Errors
    /// [`TransitionError`] when the event may not follow the request's
    /// events so far; the request is left unchanged.
    ///
    /// ```
    /// use tiepcan::law::Channel;
    /// use tiepcan::model::parse_iso_date;
    /// use tiepcan::register::{Event, EventKind, Request};
    /// let d = |s: &str| parse_iso_date(s).unwrap();
    /// let mut r = Request::new("01/2024", Channel::Electronic);
    /// r.push(Event::new(d("2024-05-20"), EventKind::Received))?;
    /// let err = r.push(Event::new(d("2024-05-21"), EventKind::Provided { form: None, partial: false }))
    ///     .unwrap_err();
    /// assert!(err.why.contains("not valid"));
    /// # Ok::<(), tiepcan::register::TransitionError>(())
    /// ```
    pub fn push(&mut self, event: Event) -> Result<(), TransitionError> {
        check_next(&self.events, self.events.len(), &event)?;
        self.events.push(event);
        Ok(())
    }

    /// Check every transition of the recorded events, in order.
    ///
    /// # Errors
    /// Every illegal transition found (the check goes on after the first).
    pub fn check_transitions(&self) -> Vec<TransitionError> {
        let mut out = Vec::new();
        for (i, e) in self.events.iter().enumerate() {
            if let Err(err) = check_next(&self.events[..i], i, e) {
                out.push(err);
            }
        }
        out
    }

    /// The first event of a kind.
    pub fn first(&self, code: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.kind.code() == code)
    }

    /// The date of the `received` event.
    pub fn received_on(&self) -> Option<NaiveDate> {
        self.first("received").map(|e| e.date)
    }

    /// The date the request became valid and its complexity: the clock start
    /// (LAW.md §5.8; rule R-CLOCK-START).
    pub fn valid_on(&self) -> Option<(NaiveDate, Complexity)> {
        self.events.iter().find_map(|e| match e.kind {
            EventKind::Valid { complexity, .. } => Some((e.date, complexity)),
            _ => None,
        })
    }

    /// The first outcome event (provided, refused, transferred or withdrawn)
    /// on or before `until` (all events when `None`).
    pub fn outcome(&self, until: Option<NaiveDate>) -> Option<&Event> {
        self.events
            .iter()
            .filter(|e| until.map(|u| e.date <= u).unwrap_or(true))
            .find(|e| e.kind.is_outcome())
    }

    /// Extensions (Form 04) in order.
    pub fn extensions(&self) -> impl Iterator<Item = &Event> {
        self.events
            .iter()
            .filter(|e| matches!(e.kind, EventKind::Extended { .. }))
    }

    /// Refusal grounds recorded (all Form 05 events).
    pub fn refusal_grounds(&self) -> Vec<RefusalGround> {
        let mut g: Vec<RefusalGround> = self
            .events
            .iter()
            .flat_map(|e| match &e.kind {
                EventKind::Refused { grounds, .. } => grounds.clone(),
                _ => Vec::new(),
            })
            .collect();
        g.sort_by_key(|x| *x as u8);
        g.dedup();
        g
    }

    /// The state derived from events dated on or before `until` (all events
    /// when `None`).
    pub fn state(&self, until: Option<NaiveDate>) -> RequestState {
        let evs = self
            .events
            .iter()
            .filter(|e| until.map(|u| e.date <= u).unwrap_or(true));
        let mut state = RequestState::ReceivedIncomplete;
        for e in evs {
            state = match (&e.kind, state) {
                (EventKind::Valid { .. }, RequestState::ReceivedIncomplete) => {
                    RequestState::InProgress
                }
                (EventKind::Provided { partial: true, .. }, s) if !s.is_closed() => {
                    RequestState::PartlyProvided
                }
                (EventKind::Provided { .. }, s) if !s.is_closed() => RequestState::Provided,
                (EventKind::Refused { .. }, s) if !s.is_closed() => RequestState::Refused,
                (EventKind::Transferred { .. }, s) if !s.is_closed() => RequestState::Transferred,
                (EventKind::Withdrawn, s) if !s.is_closed() => RequestState::Withdrawn,
                (_, s) => s,
            };
        }
        state
    }

    /// Costs paid (sum of `paid` events on or before `until`), VND.
    pub fn paid_vnd(&self, until: Option<NaiveDate>) -> u64 {
        self.events
            .iter()
            .filter(|e| until.map(|u| e.date <= u).unwrap_or(true))
            .map(|e| match e.kind {
                EventKind::Paid { amount_vnd } => amount_vnd,
                _ => 0,
            })
            .sum()
    }
}

fn err(
    index: usize,
    e: &Event,
    from: &str,
    why: impl Into<String>,
    citation: Citation,
) -> TransitionError {
    TransitionError {
        index,
        event: e.kind.code(),
        date: e.date,
        from: from.to_string(),
        why: why.into(),
        citation,
    }
}

/// Whether `next` may follow `before` (LAW.md §5.9).
fn check_next(before: &[Event], index: usize, next: &Event) -> Result<(), TransitionError> {
    let l = Citation::law104;
    let Some(last) = before.last() else {
        return if next.kind == EventKind::Received {
            Ok(())
        } else {
            Err(err(
                index,
                next,
                "nothing",
                "a request starts with its receipt and register entry",
                l(26).clause(1),
            ))
        };
    };
    let from = last.kind.code();
    if next.date < last.date {
        return Err(err(
            index,
            next,
            from,
            format!("it is dated before the previous event ({})", last.date),
            l(26).clause(1),
        ));
    }
    let has = |code: &str| before.iter().any(|e| e.kind.code() == code);
    let valid = has("valid");
    let outcome = before.iter().find(|e| e.kind.is_outcome());
    let partial = before
        .iter()
        .any(|e| matches!(e.kind, EventKind::Provided { partial: true, .. }));
    let closed = outcome.is_some();
    let closed_why = || {
        format!(
            "the request was already closed ({} on {})",
            outcome.map(|e| e.kind.code()).unwrap_or(""),
            outcome.map(|e| e.date.to_string()).unwrap_or_default()
        )
    };
    match &next.kind {
        EventKind::Received => Err(err(
            index,
            next,
            from,
            "a request is received once; a new slip is a new request",
            l(26).clause(1),
        )),
        EventKind::Guidance { .. } if valid => Err(err(
            index,
            next,
            from,
            "guidance is for an incomplete slip, but the request is already valid",
            l(26).clause(2),
        )),
        EventKind::Guidance { .. } if closed => {
            Err(err(index, next, from, closed_why(), l(26).clause(2)))
        }
        EventKind::Valid { .. } if valid => Err(err(
            index,
            next,
            from,
            "the request is already valid; the clock starts once",
            l(29).clause(2),
        )),
        EventKind::Valid { .. } if closed => {
            Err(err(index, next, from, closed_why(), l(29).clause(2)))
        }
        EventKind::HandlingNotice { .. } | EventKind::Extended { .. } | EventKind::Provided { .. }
            if !valid =>
        {
            Err(err(
                index,
                next,
                from,
                "the request is not valid yet: no handling notice, extension or provision before a valid request",
                next.kind.citation(),
            ))
        }
        EventKind::HandlingNotice { .. } | EventKind::Extended { .. } | EventKind::Provided { .. }
            if closed =>
        {
            Err(err(index, next, from, closed_why(), next.kind.citation()))
        }
        EventKind::Paid { .. } => {
            let billed = before.iter().any(|e| {
                matches!(e.kind, EventKind::HandlingNotice { cost_vnd, .. } if cost_vnd > 0)
            });
            if billed {
                Ok(())
            } else {
                Err(err(
                    index,
                    next,
                    from,
                    "a payment needs a handling notice (Form 03) stating a cost",
                    Citation::article(crate::law::Instrument::Circ46, 4).clause(1),
                ))
            }
        }
        EventKind::Refused { grounds, .. } => {
            let only_c = !grounds.is_empty()
                && grounds.iter().all(|g| *g == RefusalGround::NotResponsible);
            if closed && !(partial && outcome.map(|o| o.kind.code()) == Some("provided")) {
                Err(err(index, next, from, closed_why(), l(28)))
            } else if !valid && !only_c {
                Err(err(
                    index,
                    next,
                    from,
                    "only ground 28(1)(c) (not responsible) may close a request that is not valid yet; an incomplete slip gets guidance",
                    l(26).clause(2),
                ))
            } else {
                Ok(())
            }
        }
        EventKind::Transferred { .. } | EventKind::Withdrawn if closed => {
            Err(err(index, next, from, closed_why(), next.kind.citation()))
        }
        EventKind::CorrectionClaim if !has("provided") => Err(err(
            index,
            next,
            from,
            "a correction claim concerns information already provided",
            l(32).clause(2),
        )),
        _ => Ok(()),
    }
}
