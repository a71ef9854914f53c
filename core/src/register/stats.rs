//! Statistics of the register for a period: the numbers of the periodic
//! report on provision of information (Decree 13/2018/NĐ-CP, Art. 12(4);
//! the yearly report of a People's Committee to the People's Council,
//! Law 104/2016/QH13, Art. 13(2); LAW.md §9 R-STATS).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::law::{Channel, RefusalGround};

use super::lifecycle::RequestState;
use super::status::{status_at, RequestClock, Status};
use super::Register;

/// Counts of requests by the state they reached by the end of the period.
/// Every request counted is in exactly one field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StateCounts {
    /// Received, never made valid (guidance pending).
    pub incomplete: usize,
    /// Valid, not answered yet.
    pub in_progress: usize,
    /// Provided in full.
    pub provided: usize,
    /// Partly provided.
    pub partly_provided: usize,
    /// Refused (Form 05).
    pub refused: usize,
    /// Not the agency's responsibility; redirected.
    pub transferred: usize,
    /// Withdrawn.
    pub withdrawn: usize,
}

impl StateCounts {
    fn add(&mut self, s: RequestState) {
        match s {
            RequestState::ReceivedIncomplete => self.incomplete += 1,
            RequestState::InProgress => self.in_progress += 1,
            RequestState::Provided => self.provided += 1,
            RequestState::PartlyProvided => self.partly_provided += 1,
            RequestState::Refused => self.refused += 1,
            RequestState::Transferred => self.transferred += 1,
            RequestState::Withdrawn => self.withdrawn += 1,
        }
    }

    /// Sum of all fields.
    pub fn total(&self) -> usize {
        self.incomplete
            + self.in_progress
            + self.provided
            + self.partly_provided
            + self.refused
            + self.transferred
            + self.withdrawn
    }

    /// Pending = incomplete + in progress.
    pub fn pending(&self) -> usize {
        self.incomplete + self.in_progress
    }

    /// Resolved = provided + partly provided + refused + transferred.
    pub fn resolved(&self) -> usize {
        self.provided + self.partly_provided + self.refused + self.transferred
    }
}

/// Counts of requests by timeliness at the end of the period. Every request
/// counted is in exactly one field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Timeliness {
    /// Answered on or before the due date.
    pub on_time: usize,
    /// Answered after the due date.
    pub late: usize,
    /// Open and past due.
    pub overdue: usize,
    /// Open and not yet past due (due at the end of the period included).
    pub not_yet_due: usize,
    /// No clock: never valid, or closed before it was.
    pub no_clock: usize,
    /// Withdrawn after the clock started.
    pub withdrawn: usize,
    /// Deadline could not be computed.
    pub unknown: usize,
}

impl Timeliness {
    fn add(&mut self, s: &Status) {
        match s {
            Status::AnsweredOnTime { .. } => self.on_time += 1,
            Status::AnsweredLate { .. } => self.late += 1,
            Status::Overdue { .. } => self.overdue += 1,
            Status::Waiting { .. } | Status::DueToday { .. } => self.not_yet_due += 1,
            Status::NoClock => self.no_clock += 1,
            Status::Withdrawn => self.withdrawn += 1,
            Status::Unknown { .. } => self.unknown += 1,
        }
    }

    /// Sum of all fields.
    pub fn total(&self) -> usize {
        self.on_time
            + self.late
            + self.overdue
            + self.not_yet_due
            + self.no_clock
            + self.withdrawn
            + self.unknown
    }
}

/// Requests refused on one Art. 28(1) ground.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct GroundCount {
    /// Point letter of Art. 28(1) (`"đ"` is U+0111).
    pub point: &'static str,
    /// The ground.
    pub ground: RefusalGround,
    /// Number of requests.
    pub count: usize,
}

/// Số liệu — the statistics of a register for a period.
///
/// A request is counted when it was received within `from..=to`; its state,
/// status and payments are taken as at `to` (events after `to` are
/// ignored), so a report for a closed year does not change when later
/// events are entered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegisterStats {
    /// First day of the period.
    #[serde(with = "crate::model::iso_date")]
    pub from: NaiveDate,
    /// Last day of the period (the "today" of every status).
    #[serde(with = "crate::model::iso_date")]
    pub to: NaiveDate,
    /// Requests received in the period.
    pub received: usize,
    /// By state at `to`.
    pub by_state: StateCounts,
    /// Refused requests by Art. 28(1) ground, in the order a, b, c, d, đ, e
    /// (a request refused on two grounds counts under each; partial
    /// refusals included).
    pub refused_by_ground: Vec<GroundCount>,
    /// Requests with at least one extension notice (Form 04).
    pub extended: usize,
    /// By channel: state counts per channel code.
    pub by_channel: BTreeMap<String, StateCounts>,
    /// On time vs late, at `to`.
    pub timeliness: Timeliness,
    /// Median working days from the valid request to the answer, over the
    /// requests answered with a clock running (half-days for an even count).
    pub median_working_days_to_answer: Option<f64>,
    /// Actual costs paid by the requests counted, up to `to`, VND.
    pub costs_collected_vnd: u64,
    /// Requests with a complaint or lawsuit (Art. 14).
    pub complaints: usize,
    /// Requests with a correction claim (Art. 32).
    pub correction_claims: usize,
}

/// Compute the statistics of `reg` for requests received in `from..=to`.
///
/// Requests without a `received` event are not counted (the register check
/// reports them, rule R-REGISTER).
pub fn stats(
    reg: &Register,
    clock: &dyn RequestClock,
    from: NaiveDate,
    to: NaiveDate,
) -> RegisterStats {
    let mut s = RegisterStats {
        from,
        to,
        received: 0,
        by_state: StateCounts::default(),
        refused_by_ground: RefusalGround::ALL
            .iter()
            .map(|g| GroundCount {
                point: g.point().letter(),
                ground: *g,
                count: 0,
            })
            .collect(),
        extended: 0,
        by_channel: Channel::ALL
            .iter()
            .map(|c| (c.code().to_string(), StateCounts::default()))
            .collect(),
        timeliness: Timeliness::default(),
        median_working_days_to_answer: None,
        costs_collected_vnd: 0,
        complaints: 0,
        correction_claims: 0,
    };
    let mut days: Vec<i64> = Vec::new();
    for r in &reg.requests {
        let Some(rec) = r.received_on() else { continue };
        if rec < from || rec > to {
            continue;
        }
        s.received += 1;
        let state = r.state(Some(to));
        s.by_state.add(state);
        s.by_channel
            .entry(r.channel.code().to_string())
            .or_default()
            .add(state);
        let upto: Vec<_> = r.events.iter().filter(|e| e.date <= to).collect();
        let mut grounds: Vec<RefusalGround> = upto
            .iter()
            .flat_map(|e| match &e.kind {
                super::EventKind::Refused { grounds, .. } => grounds.clone(),
                _ => Vec::new(),
            })
            .collect();
        grounds.sort_by_key(|g| *g as u8);
        grounds.dedup();
        for g in grounds {
            if let Some(c) = s.refused_by_ground.iter_mut().find(|c| c.ground == g) {
                c.count += 1;
            }
        }
        if upto
            .iter()
            .any(|e| matches!(e.kind, super::EventKind::Extended { .. }))
        {
            s.extended += 1;
        }
        if upto
            .iter()
            .any(|e| matches!(e.kind, super::EventKind::Complaint))
        {
            s.complaints += 1;
        }
        if upto
            .iter()
            .any(|e| matches!(e.kind, super::EventKind::CorrectionClaim))
        {
            s.correction_claims += 1;
        }
        s.costs_collected_vnd += r.paid_vnd(Some(to));
        let st = status_at(r, clock, to);
        s.timeliness.add(&st.status);
        if let (
            Status::AnsweredOnTime { answered, .. } | Status::AnsweredLate { answered, .. },
            Some((v, _)),
        ) = (&st.status, r.valid_on())
        {
            if let Ok(n) = clock.working_days_between(v, *answered) {
                days.push(n);
            }
        }
    }
    days.sort_unstable();
    s.median_working_days_to_answer = match days.len() {
        0 => None,
        n if n % 2 == 1 => Some(days[n / 2] as f64),
        n => Some((days[n / 2 - 1] + days[n / 2]) as f64 / 2.0),
    };
    s
}
