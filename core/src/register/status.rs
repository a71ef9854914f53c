//! The status of a request computed from its dates at an explicit `today`
//! (waiting, due today, overdue by N working days, answered on time or
//! late), kept apart from the state a person recorded.
//!
//! Due dates come from a [`RequestClock`]: the register holds no deadline
//! table and no working-day arithmetic of its own.

use chrono::NaiveDate;
use serde::Serialize;

use crate::law::Channel;

use super::lifecycle::{Complexity, EventKind, Request, RequestState};

/// The request clock the register needs (Law 104/2016/QH13, Arts 29–31;
/// LAW.md §5.8). Implemented over `core::deadline` and the working-day
/// calendar; every date is a civil date in Vietnam.
pub trait RequestClock {
    /// Due date of the result (provide, or refuse in writing) for a request
    /// valid on `valid_on` (day 0, not counted), before any extension.
    ///
    /// # Errors
    /// A message when the date is outside the calendar's range or the regime
    /// is unknown.
    fn result_due(
        &self,
        channel: Channel,
        complexity: Complexity,
        valid_on: NaiveDate,
    ) -> Result<NaiveDate, String>;

    /// Due date of the written notice of the time limit (complex electronic
    /// and post/fax requests: 3 working days); `None` when the channel has no
    /// such step (Art. 29 in person, or a simple request).
    ///
    /// # Errors
    /// As [`RequestClock::result_due`].
    fn notice_due(
        &self,
        channel: Channel,
        complexity: Complexity,
        valid_on: NaiveDate,
    ) -> Result<Option<NaiveDate>, String>;

    /// The latest limit one extension may set (the channel's cap counted
    /// from the end of the base period, LAW.md A30, A1).
    ///
    /// # Errors
    /// As [`RequestClock::result_due`].
    fn extension_cap(
        &self,
        channel: Channel,
        complexity: Complexity,
        valid_on: NaiveDate,
    ) -> Result<NaiveDate, String>;

    /// Working days after `from` up to and including `to`; negative when `to`
    /// is before `from`, 0 when equal.
    ///
    /// # Errors
    /// As [`RequestClock::result_due`].
    fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> Result<i64, String>;

    /// Warnings about the computation itself (a provisional value under the
    /// amended Law, a projected calendar year); none by default.
    fn notes(
        &self,
        _channel: Channel,
        _complexity: Complexity,
        _valid_on: NaiveDate,
    ) -> Vec<crate::validate::Diagnostic> {
        Vec::new()
    }
}

/// Where a request stands at `today`, computed from its dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Status {
    /// No clock runs: the request is not valid yet (Art. 26(2)), or was
    /// closed before it was (withdrawn, or redirected on receipt).
    NoClock,
    /// Open; `working_days_left` working days until `due`.
    Waiting {
        /// Due date (with a valid extension).
        #[serde(with = "crate::model::iso_date")]
        due: NaiveDate,
        /// Working days after today up to and including `due`.
        working_days_left: i64,
    },
    /// Open and due today.
    DueToday {
        /// Due date.
        #[serde(with = "crate::model::iso_date")]
        due: NaiveDate,
    },
    /// Open and past due by `working_days` working days.
    Overdue {
        /// Due date.
        #[serde(with = "crate::model::iso_date")]
        due: NaiveDate,
        /// Working days after `due` up to and including today.
        working_days: i64,
    },
    /// Answered (provided, refused or redirected) on or before the due date.
    AnsweredOnTime {
        /// Due date.
        #[serde(with = "crate::model::iso_date")]
        due: NaiveDate,
        /// Date of the answer.
        #[serde(with = "crate::model::iso_date")]
        answered: NaiveDate,
    },
    /// Answered after the due date, by `working_days` working days.
    AnsweredLate {
        /// Due date.
        #[serde(with = "crate::model::iso_date")]
        due: NaiveDate,
        /// Date of the answer.
        #[serde(with = "crate::model::iso_date")]
        answered: NaiveDate,
        /// Working days after `due` up to and including the answer.
        working_days: i64,
    },
    /// Withdrawn by the requester after the clock started.
    Withdrawn,
    /// The clock could not be computed (date outside the calendar…).
    Unknown {
        /// Why.
        reason: String,
    },
}

impl Status {
    /// snake_case code.
    pub fn code(&self) -> &'static str {
        match self {
            Status::NoClock => "no_clock",
            Status::Waiting { .. } => "waiting",
            Status::DueToday { .. } => "due_today",
            Status::Overdue { .. } => "overdue",
            Status::AnsweredOnTime { .. } => "answered_on_time",
            Status::AnsweredLate { .. } => "answered_late",
            Status::Withdrawn => "withdrawn",
            Status::Unknown { .. } => "unknown",
        }
    }

    /// English sentence for people.
    pub fn describe_en(&self) -> String {
        match self {
            Status::NoClock => "no clock (not valid yet, or closed before)".into(),
            Status::Waiting {
                due,
                working_days_left,
            } => format!("waiting, due {due} ({working_days_left} working days left)"),
            Status::DueToday { due } => format!("due today ({due})"),
            Status::Overdue { due, working_days } => {
                format!("OVERDUE by {working_days} working days (due {due})")
            }
            Status::AnsweredOnTime { due, answered } => {
                format!("answered on time ({answered}, due {due})")
            }
            Status::AnsweredLate {
                due,
                answered,
                working_days,
            } => format!("answered LATE by {working_days} working days ({answered}, due {due})"),
            Status::Withdrawn => "withdrawn".into(),
            Status::Unknown { reason } => format!("unknown: {reason}"),
        }
    }

    /// The due date, when a clock runs.
    pub fn due(&self) -> Option<NaiveDate> {
        match self {
            Status::Waiting { due, .. }
            | Status::DueToday { due }
            | Status::Overdue { due, .. }
            | Status::AnsweredOnTime { due, .. }
            | Status::AnsweredLate { due, .. } => Some(*due),
            _ => None,
        }
    }
}

/// The computed view of one request at `today`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestStatus {
    /// The request id.
    pub id: String,
    /// State derived from the events dated up to `today`.
    pub state: RequestState,
    /// State recorded by a person, if any.
    pub recorded_state: Option<RequestState>,
    /// Base due date (before extension).
    #[serde(default, with = "crate::model::iso_date_opt")]
    pub base_due: Option<NaiveDate>,
    /// Due date of the 3-working-day notice, where the channel has one.
    #[serde(default, with = "crate::model::iso_date_opt")]
    pub notice_due: Option<NaiveDate>,
    /// Due date in force (with a valid extension).
    #[serde(default, with = "crate::model::iso_date_opt")]
    pub due: Option<NaiveDate>,
    /// Status at `today`.
    pub status: Status,
}

/// Compute the due dates and status of `request` at `today`, using only
/// events dated on or before `today`.
///
/// The due date in force is the base due date, or — after an extension
/// notice (Form 04) dated within the base period — the new limit it states,
/// capped at the channel's maximum (the cap when no limit is stated). An
/// extension notice issued after the base period does not extend anything
/// (Arts 29(2), 30(4), 31(2) para. 2).
pub fn status_at(request: &Request, clock: &dyn RequestClock, today: NaiveDate) -> RequestStatus {
    let state = request.state(Some(today));
    let mut out = RequestStatus {
        id: request.id.clone(),
        state,
        recorded_state: request.recorded_state,
        base_due: None,
        notice_due: None,
        due: None,
        status: Status::NoClock,
    };
    let Some((valid_on, cx)) = request.valid_on().filter(|(d, _)| *d <= today) else {
        return out;
    };
    let unknown = |reason: String| Status::Unknown { reason };
    let base = match clock.result_due(request.channel, cx, valid_on) {
        Ok(d) => d,
        Err(e) => {
            out.status = unknown(e);
            return out;
        }
    };
    out.base_due = Some(base);
    out.notice_due = clock
        .notice_due(request.channel, cx, valid_on)
        .ok()
        .flatten();
    let mut due = base;
    let ext = request
        .extensions()
        .find(|e| e.date <= base && e.date <= today);
    // A simple request has no extension rule: an extension recorded on it
    // changes nothing (the register check reports it).
    if let (Some(ext), Ok(cap)) = (ext, clock.extension_cap(request.channel, cx, valid_on)) {
        let asked = match ext.kind {
            EventKind::Extended { new_limit, .. } => new_limit.unwrap_or(cap),
            _ => cap,
        };
        due = asked.min(cap).max(base);
    }
    out.due = Some(due);
    let wd = |a, b| clock.working_days_between(a, b);
    out.status = match request.outcome(Some(today)) {
        Some(e) if matches!(e.kind, EventKind::Withdrawn) => Status::Withdrawn,
        Some(e) if e.date <= due => Status::AnsweredOnTime {
            due,
            answered: e.date,
        },
        Some(e) => match wd(due, e.date) {
            Ok(n) => Status::AnsweredLate {
                due,
                answered: e.date,
                working_days: n,
            },
            Err(m) => unknown(m),
        },
        None if today == due => Status::DueToday { due },
        None if today < due => match wd(today, due) {
            Ok(n) => Status::Waiting {
                due,
                working_days_left: n,
            },
            Err(m) => unknown(m),
        },
        None => match wd(due, today) {
            Ok(n) => Status::Overdue {
                due,
                working_days: n,
            },
            Err(m) => unknown(m),
        },
    };
    out
}

/// A request whose computed status changed between two computations (for
/// instance before and after a calendar update, or between two `today`s).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    /// The request id.
    pub id: String,
    /// Status in the first computation.
    pub before: Status,
    /// Status in the second.
    pub after: Status,
}

/// The requests whose status differs between `before` and `after` (matched
/// by id; a request missing from either side is ignored).
pub fn status_changes(before: &[RequestStatus], after: &[RequestStatus]) -> Vec<StatusChange> {
    before
        .iter()
        .filter_map(|b| {
            let a = after.iter().find(|a| a.id == b.id)?;
            (a.status != b.status).then(|| StatusChange {
                id: b.id.clone(),
                before: b.status.clone(),
                after: a.status.clone(),
            })
        })
        .collect()
}

/// The register's clock is `core::deadline`'s [`Clock`](crate::deadline::Clock)
/// on the official working calendar: base due date = the `provide`
/// (simple) or `provide_or_refuse` (complex) milestone under the clock's
/// reading of "ngày"; the extension cap = the later of the two readings of
/// the `extended_provide_or_refuse` milestone (LAW.md A1: late only if late
/// under both readings).
impl RequestClock for crate::deadline::Clock<'_> {
    fn result_due(
        &self,
        channel: Channel,
        complexity: Complexity,
        valid_on: NaiveDate,
    ) -> Result<NaiveDate, String> {
        use crate::deadline::{PeriodKind, Received, Request as DlRequest};
        let s = self
            .schedule(&DlRequest::new(
                Received::Date(valid_on),
                channel,
                complexity,
            ))
            .map_err(|e| e.to_string())?;
        let kind = match complexity {
            Complexity::Simple => PeriodKind::Provide,
            Complexity::Complex => PeriodKind::ProvideOrRefuse,
        };
        s.milestone(kind).map(|m| m.due).ok_or_else(|| {
            format!(
                "no {} milestone for {channel} {}",
                kind.code(),
                complexity.code()
            )
        })
    }

    fn notice_due(
        &self,
        channel: Channel,
        complexity: Complexity,
        valid_on: NaiveDate,
    ) -> Result<Option<NaiveDate>, String> {
        use crate::deadline::{PeriodKind, Received, Request as DlRequest};
        let s = self
            .schedule(&DlRequest::new(
                Received::Date(valid_on),
                channel,
                complexity,
            ))
            .map_err(|e| e.to_string())?;
        Ok(s.milestone(PeriodKind::NotifyTimeline).map(|m| m.due))
    }

    fn extension_cap(
        &self,
        channel: Channel,
        complexity: Complexity,
        valid_on: NaiveDate,
    ) -> Result<NaiveDate, String> {
        use crate::deadline::{PeriodKind, Received, Request as DlRequest};
        let s = self
            .schedule(&DlRequest::new(
                Received::Date(valid_on),
                channel,
                complexity,
            ))
            .map_err(|e| e.to_string())?;
        s.milestone(PeriodKind::ExtendedProvideOrRefuse)
            .map(|m| m.due_range().1)
            .ok_or_else(|| format!("no extension for a {} {channel} request", complexity.code()))
    }

    fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> Result<i64, String> {
        self.calendar
            .working_days_between(from, to)
            .map_err(|e| e.to_string())
    }

    fn notes(
        &self,
        channel: Channel,
        complexity: Complexity,
        valid_on: NaiveDate,
    ) -> Vec<crate::validate::Diagnostic> {
        use crate::deadline::{Received, Request as DlRequest};
        self.schedule(&DlRequest::new(
            Received::Date(valid_on),
            channel,
            complexity,
        ))
        .map(|s| s.findings)
        .unwrap_or_default()
    }
}
