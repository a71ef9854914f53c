//! The request clock (thời hạn giải quyết yêu cầu cung cấp thông tin):
//! milestones per channel and complexity, extensions, other periods of the
//! Law, and the status of each at a given `today`.
//!
//! * [`RuleTable`]: LAW.md §5.8 as data, per regime, each value `verified`,
//!   `draft` or `carried_over`; a user rule file replaces it.
//! * [`Clock`]: computes a [`Schedule`] of [`Deadline`]s for a [`Request`]
//!   on a [`WorkingCalendar`](crate::calendar::WorkingCalendar), and single
//!   periods (Art. 32 corrections, Art. 22(4) petitions, Art. 21(2) postings).
//!
//! Counting (LAW.md §7.3): day 0 is the date the valid request was received
//! and is never counted (Civil Code Art. 147); "N ngày làm việc" is the N-th
//! working day after day 0; an unqualified "N ngày" is N calendar days,
//! rolled to the next working day (Civil Code Art. 148; A1), with the
//! working-day reading available and reported beside it.
//!
//! # Example: a postal request received the Friday before Tết 2025
//! ```
//! # use chrono::NaiveDate;
//! use tiepcan::calendar::WorkingCalendar;
//! use tiepcan::deadline::{Clock, Complexity, PeriodKind, Received, Request, RuleTable};
//! use tiepcan::law::Channel;
//! let rules = RuleTable::builtin();
//! let clock = Clock::new(WorkingCalendar::official(), &rules);
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! let req = Request::new(Received::Date(d(2025, 1, 24)), Channel::Postal, Complexity::Complex);
//! let s = clock.schedule(&req)?;
//! let due = |k| s.milestone(k).unwrap().due;
//! assert_eq!(due(PeriodKind::NotifyTimeline), d(2025, 2, 5));
//! assert_eq!(due(PeriodKind::ProvideOrRefuse), d(2025, 2, 21));
//! // 15 "ngày" from 21 Feb ends Sat 8 Mar and rolls to Mon 10 Mar.
//! assert_eq!(due(PeriodKind::ExtendedProvideOrRefuse), d(2025, 3, 10));
//! # Ok::<(), tiepcan::deadline::DeadlineError>(())
//! ```

mod clock;
mod rules;

use chrono::NaiveDate;

pub use clock::{
    Clock, ClockOptions, DaysReading, Deadline, Extension, Limit, OfficeHours, ReceiptRule,
    Received, Request, Schedule, Status,
};
pub use rules::{Complexity, PeriodKind, PeriodRule, RuleTable, Unit, ValueStatus};

use crate::calendar::CalendarError;
use crate::law::{Channel, Regime};

/// What can go wrong when computing deadlines.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DeadlineError {
    /// The event is before 2018-07-01: no access-to-information law applied.
    #[error(
        "no access-to-information regime on {date}: Law 104/2016/QH13 applies from 2018-07-01"
    )]
    NoRegime {
        /// The governing event's date.
        date: NaiveDate,
    },
    /// Strict mode and the regime's periods are not verified (the amended
    /// Law from 2026-09-01; LAW.md §8.3, A14).
    #[error("regime unknown: the periods of the {regime} for an event on {date} are not yet known (rule {rule} is {status}); supply a rule file or drop strict mode to compute with carried-over values")]
    RegimeUnknown {
        /// The regime.
        regime: Regime,
        /// The governing event's date.
        date: NaiveDate,
        /// The first unverified rule met.
        rule: String,
        /// Its status code.
        status: &'static str,
    },
    /// No row of the table covers the request (a user rule file left a gap).
    #[error(
        "no time-limit rule for {kind} ({regime}, channel {channel:?}, complexity {complexity:?})"
    )]
    NoRule {
        /// Regime.
        regime: Regime,
        /// Milestone or period.
        kind: PeriodKind,
        /// Channel, if any.
        channel: Option<Channel>,
        /// Complexity, if any.
        complexity: Option<Complexity>,
    },
    /// A date outside the working calendar.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// A user rule file that cannot be used, with its location.
    #[error("{file}:{line}: {message}")]
    BadRuleFile {
        /// File name.
        file: String,
        /// 1-based line (1 = header).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A receipt date or instant that cannot be read.
    #[error("cannot read {input:?} as a date (YYYY-MM-DD) or a date-time (YYYY-MM-DDTHH:MM[:SS][+07:00|Z])")]
    BadReceived {
        /// The input.
        input: String,
    },
}
