//! The clock: receipt, milestones, extensions, periods and status.

use std::fmt;

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone,
    Timelike,
};
use serde::{Deserialize, Serialize};

use super::{Complexity, DeadlineError, PeriodKind, PeriodRule, RuleTable, Unit, ValueStatus};
use crate::calendar::{SkippedDay, WorkingCalendar, YearSource};
use crate::law::{Channel, Citation, Regime, LAW2026_IN_FORCE};
use crate::model::{iso_date, parse_iso_date, write_iso_date, IsoDateError};
use crate::validate::{Diagnostic, Location, Message};

/// Vietnam's offset, UTC+7 (no daylight saving time).
const VN_OFFSET: FixedOffset = match FixedOffset::east_opt(7 * 3600) {
    Some(o) => o,
    None => panic!(),
};

/// When the valid request was received (ngày nhận được yêu cầu hợp lệ): a
/// civil date, or a wall-clock time in Vietnam (UTC+7).
///
/// Serialised as `"YYYY-MM-DD"` or `"YYYY-MM-DDTHH:MM:SS[.fff]"` (local
/// time, no offset); read back with [`Received::parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Received {
    /// A civil date in Vietnam.
    Date(NaiveDate),
    /// A local date and time in Vietnam (UTC+7).
    LocalDateTime(NaiveDateTime),
}

impl Received {
    /// Parse `YYYY-MM-DD`, a local `YYYY-MM-DDTHH:MM[:SS]` (taken as UTC+7),
    /// or an RFC 3339 instant with an offset (`…+07:00`, `…Z`), converted to
    /// UTC+7. Never consults the host time zone.
    ///
    /// # Errors
    /// [`DeadlineError::BadReceived`] for anything else.
    ///
    /// ```
    /// use tiepcan::deadline::Received;
    /// // 20:30 UTC on the 23rd is 03:30 on the 24th in Vietnam.
    /// let r = Received::parse("2025-01-23T20:30:00Z")?;
    /// assert_eq!(r.date().to_string(), "2025-01-24");
    /// # Ok::<(), tiepcan::deadline::DeadlineError>(())
    /// ```
    pub fn parse(s: &str) -> Result<Received, DeadlineError> {
        let s = s.trim();
        if let Ok(d) = parse_iso_date(s) {
            return Ok(Received::Date(d));
        }
        if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
            return Ok(Received::from_instant(dt));
        }
        if let Some(dt) = parse_local_date_time(s) {
            return Ok(Received::LocalDateTime(dt));
        }
        Err(DeadlineError::BadReceived {
            input: s.to_string(),
        })
    }

    /// An instant in any time zone, converted to Vietnamese wall-clock time.
    pub fn from_instant<Tz: TimeZone>(instant: DateTime<Tz>) -> Received {
        Received::LocalDateTime(instant.with_timezone(&VN_OFFSET).naive_local())
    }

    /// The civil date in Vietnam.
    pub fn date(&self) -> NaiveDate {
        match self {
            Received::Date(d) => *d,
            Received::LocalDateTime(dt) => dt.date(),
        }
    }

    /// The local time, when known.
    pub fn time(&self) -> Option<NaiveTime> {
        match self {
            Received::Date(_) => None,
            Received::LocalDateTime(dt) => Some(dt.time()),
        }
    }
}

impl fmt::Display for Received {
    /// `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS+07:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Received::Date(d) => write_iso_date(f, *d),
            Received::LocalDateTime(dt) => {
                write_iso_date(f, dt.date())?;
                // A leap second (`:60`) is stored as second 59 plus 1 s of nanoseconds.
                let sec = dt.second() + u32::from(dt.nanosecond() >= 1_000_000_000);
                write!(f, "T{:02}:{:02}:{sec:02}+07:00", dt.hour(), dt.minute())
            }
        }
    }
}

impl Serialize for Received {
    /// The date as `YYYY-MM-DD`; the date-time as chrono writes it,
    /// `YYYY-MM-DDTHH:MM:SS[.fff]`, local time without an offset.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Received::Date(d) => iso_date::serialize(d, s),
            // chrono's own serde writes its `Debug` text.
            Received::LocalDateTime(dt) => s.collect_str(&format_args!("{dt:?}")),
        }
    }
}

impl<'de> Deserialize<'de> for Received {
    /// The forms it is written in: `YYYY-MM-DD`, or a local date-time in
    /// Vietnam `YYYY-MM-DDTHH:MM[:SS[.fff]]` (also with a space for `T`).
    /// No offset: an instant elsewhere goes through [`Received::parse`]
    /// (kept out of this path so the web module carries no RFC 3339 parser).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Received;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date (YYYY-MM-DD) or a local date-time (YYYY-MM-DDTHH:MM[:SS])")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Received, E> {
                match parse_iso_date(s) {
                    Ok(date) => Ok(Received::Date(date)),
                    Err(e @ IsoDateError::DoesNotExist { .. }) => {
                        Err(E::custom(format_args!("{s:?} is {e}")))
                    }
                    Err(IsoDateError::NotIso) => parse_local_date_time(s)
                        .map(Received::LocalDateTime)
                        .ok_or_else(|| {
                            E::custom(format_args!(
                                "{s:?} is not a date (YYYY-MM-DD) or a local date-time in \
                                 Vietnam (YYYY-MM-DDTHH:MM[:SS], no offset)"
                            ))
                        }),
                }
            }
        }
        d.deserialize_str(V)
    }
}

/// A local date-time: `YYYY-MM-DD`, `T` or a space, then a time of day as
/// [`parse_time_of_day`] reads it. Replaces chrono's
/// `NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")` and its three
/// sister formats (and reads the fraction chrono's serde writes), with two
/// digits for every field.
fn parse_local_date_time(s: &str) -> Option<NaiveDateTime> {
    let date = parse_iso_date(s.get(..10)?).ok()?;
    let rest = s.get(10..)?;
    let time = rest.strip_prefix(['T', ' '])?;
    Some(date.and_time(parse_time_of_day(time)?))
}

/// A time of day, `HH:MM`, `HH:MM:SS` or `HH:MM:SS.f` (1 to 9 digits of
/// fraction); `:60` is a leap second, as chrono reads it.
fn parse_time_of_day(s: &str) -> Option<NaiveTime> {
    let b = s.as_bytes();
    let two = |i: usize| -> Option<u32> {
        let (x, y) = (*b.get(i)?, *b.get(i + 1)?);
        (x.is_ascii_digit() && y.is_ascii_digit())
            .then(|| u32::from(x - b'0') * 10 + u32::from(y - b'0'))
    };
    if b.get(2) != Some(&b':') {
        return None;
    }
    let (hour, min) = (two(0)?, two(3)?);
    let (sec, nano) = match b.len() {
        5 => (0, 0),
        8 if b[5] == b':' => (two(6)?, 0),
        10..=18 if b[5] == b':' && b[8] == b'.' => {
            let frac = &b[9..];
            if !frac.iter().all(u8::is_ascii_digit) {
                return None;
            }
            let digits = frac.iter().fold(0u32, |n, c| n * 10 + u32::from(c - b'0'));
            (two(6)?, digits * 10u32.pow(9 - frac.len() as u32))
        }
        _ => return None,
    };
    if sec == 60 {
        NaiveTime::from_hms_nano_opt(hour, min, 59, 1_000_000_000 + nano)
    } else {
        NaiveTime::from_hms_nano_opt(hour, min, sec, nano)
    }
}

/// `#[serde(with)]` for [`OfficeHours::close`]: written as chrono writes a
/// time (`HH:MM:SS`), read as `HH:MM` or `HH:MM:SS` ([`parse_time_of_day`]).
mod time_of_day {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
        // chrono's own serde writes its `Debug` text.
        s.collect_str(&format_args!("{t:?}"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
        let s = String::deserialize(d)?;
        super::parse_time_of_day(&s).ok_or_else(|| {
            serde::de::Error::custom(format_args!("{s:?} is not a time of day (HH:MM)"))
        })
    }
}

/// Which day is day 0 (LAW.md A4).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReceiptRule {
    /// Default: the calendar day of receipt, even a Saturday or holiday.
    #[default]
    CalendarDay,
    /// A request received on a non-working day, or after the office closes,
    /// is deemed received on the next working day.
    NextWorkingDay,
}

/// Office hours of the agency (agency configuration, LAW.md §7.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OfficeHours {
    /// Closing time: a request received at or after it counts as received
    /// on the next working day under [`ReceiptRule::NextWorkingDay`].
    #[serde(with = "time_of_day")]
    pub close: NaiveTime,
}

/// How an unqualified "ngày" is read (LAW.md A1, A2).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DaysReading {
    /// Default: calendar days rolled to the next working day (Civil Code Art. 148).
    #[default]
    CalendarDaysRolled,
    /// Working days.
    WorkingDays,
}

/// Options of the clock. The default is LAW.md's defaults (A1, A4), not
/// strict, with skipped days explained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ClockOptions {
    /// Which day is day 0.
    pub receipt: ReceiptRule,
    /// Office hours, used by [`ReceiptRule::NextWorkingDay`].
    pub office_hours: Option<OfficeHours>,
    /// Reading of an unqualified "ngày".
    pub reading: DaysReading,
    /// Refuse to compute with unverified values ([`DeadlineError::RegimeUnknown`]).
    pub strict_regime: bool,
    /// List the skipped days of every deadline (default `true`); `false`
    /// leaves `skipped` empty, for batch computations that need due dates only.
    pub explain_skipped: bool,
}

impl Default for ClockOptions {
    fn default() -> Self {
        ClockOptions {
            receipt: ReceiptRule::default(),
            office_hours: None,
            reading: DaysReading::default(),
            strict_regime: false,
            explain_skipped: true,
        }
    }
}

/// An extension (gia hạn, Form 04) the agency granted or plans
/// (Law 104/2016/QH13, Arts 29(2), 30(4), 31(2) para. 2).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Extension {
    /// Days granted, in the unit of the channel's extension rule; `None` =
    /// the maximum (the cap).
    pub days: Option<u32>,
    /// Date of the extension notice; before the receipt date or after the
    /// base due date it is a finding (R-EXT-NOTICE) and extends nothing
    /// (no extended milestone), as is an extension of a simple request.
    #[serde(default, with = "crate::model::iso_date_opt")]
    pub notice_date: Option<NaiveDate>,
}

/// A valid request (yêu cầu hợp lệ) to compute deadlines for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Request {
    /// When the valid request was received.
    pub received: Received,
    /// How it arrived.
    pub channel: Channel,
    /// The agency's classification.
    pub complexity: Complexity,
    /// Force a regime; `None` = by the receipt date (LAW.md §8.1).
    pub regime: Option<Regime>,
    /// An extension, if granted.
    pub extension: Option<Extension>,
}

impl Request {
    /// A request with the regime chosen by date and no extension granted.
    pub fn new(received: Received, channel: Channel, complexity: Complexity) -> Request {
        Request {
            received,
            channel,
            complexity,
            regime: None,
            extension: None,
        }
    }
}

/// A time limit (thời hạn): its number and unit — working days, calendar
/// days or immediately.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Limit {
    /// The number (0 for immediate).
    pub value: u32,
    /// Working days, calendar days, or immediate.
    pub unit: Unit,
}

/// One computed time limit (thời hạn).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// Milestone or period.
    pub kind: PeriodKind,
    /// Row of the time-limit table (e.g. `DL-PF-EXT`).
    pub rule_id: String,
    /// Day 0 of this limit (not counted).
    #[serde(with = "crate::model::iso_date")]
    pub start: NaiveDate,
    /// Last day (ends 24:00, LAW.md A6), under the chosen reading.
    #[serde(with = "crate::model::iso_date")]
    pub due: NaiveDate,
    /// Last day under the other reading of an unqualified "ngày" (A1); `None`
    /// for working-day and immediate limits.
    #[serde(default, with = "crate::model::iso_date_opt")]
    pub alternative_due: Option<NaiveDate>,
    /// The limit as counted.
    pub limit: Limit,
    /// The unit as the text writes it.
    pub unit_as_written: String,
    /// Legal basis.
    pub citation: Citation,
    /// Status of the value in the table.
    pub value_status: ValueStatus,
    /// Whether the value is not verified (carried over or draft).
    pub provisional: bool,
    /// Non-working days skipped between `start` and `due`, with reasons.
    pub skipped: Vec<SkippedDay>,
}

/// Where a deadline stands at a given `today` (tình trạng: chưa đến hạn,
/// đến hạn, có nguy cơ trễ, quá hạn). Counts are in working days unless named
/// `calendar_days`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Status {
    /// Not yet due: working days left until the (stricter) due date.
    NotYetDue {
        /// Working days from today (exclusive) to the due date (inclusive).
        working_days_left: i64,
    },
    /// Today is the (stricter) due date.
    DueToday,
    /// Late under the stricter reading of "ngày" only (A1).
    AtRisk {
        /// Working days past the stricter due date.
        working_days_late: i64,
    },
    /// Late under every reading.
    Overdue {
        /// Working days past the due date, in (due, today].
        working_days: i64,
        /// Calendar days past the due date.
        calendar_days: i64,
    },
}

impl Deadline {
    /// The earlier and later of `due` and `alternative_due`.
    pub fn due_range(&self) -> (NaiveDate, NaiveDate) {
        match self.alternative_due {
            Some(a) => (self.due.min(a), self.due.max(a)),
            None => (self.due, self.due),
        }
    }

    /// Status at `today` (never the host clock). Late only when late under
    /// both readings; at risk when late under the stricter one only.
    ///
    /// # Errors
    /// [`DeadlineError::Calendar`] when `today` is outside the calendar.
    pub fn status(&self, today: NaiveDate, cal: &WorkingCalendar) -> Result<Status, DeadlineError> {
        let (strict, lenient) = self.due_range();
        Ok(if today > lenient {
            Status::Overdue {
                working_days: cal.working_days_between(lenient, today)?,
                calendar_days: (today - lenient).num_days(),
            }
        } else if today > strict {
            Status::AtRisk {
                working_days_late: cal.working_days_between(strict, today)?,
            }
        } else if today == strict {
            Status::DueToday
        } else {
            Status::NotYetDue {
                working_days_left: cal.working_days_between(today, strict)?,
            }
        })
    }
}

/// Everything computed for one request (các mốc thời hạn của một yêu cầu).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// Regime applied.
    pub regime: Regime,
    /// As received.
    pub received: Received,
    /// Day 0 actually used (A4).
    #[serde(with = "crate::model::iso_date")]
    pub receipt_date: NaiveDate,
    /// Channel.
    pub channel: Channel,
    /// Complexity.
    pub complexity: Complexity,
    /// Milestones in order.
    pub milestones: Vec<Deadline>,
    /// Non-working days from day 0 to the last milestone, with reasons.
    pub skipped: Vec<SkippedDay>,
    /// Findings and warnings (provisional values, late extension notice,
    /// requests spanning 2026-09-01, projected calendar years).
    pub findings: Vec<Diagnostic>,
    /// Version of the calendar data used.
    pub calendar_version: String,
}

impl Schedule {
    /// The milestone of a kind, if the request has one.
    pub fn milestone(&self, kind: PeriodKind) -> Option<&Deadline> {
        self.milestones.iter().find(|m| m.kind == kind)
    }

    /// Status of every milestone at `today`.
    ///
    /// # Errors
    /// [`DeadlineError::Calendar`] when `today` is outside the calendar.
    pub fn status(
        &self,
        today: NaiveDate,
        cal: &WorkingCalendar,
    ) -> Result<Vec<(PeriodKind, Status)>, DeadlineError> {
        self.milestones
            .iter()
            .map(|m| Ok((m.kind, m.status(today, cal)?)))
            .collect()
    }
}

/// The deadline clock (cách tính thời hạn): a working calendar, a
/// time-limit table and options. Pure: it never reads the host clock or
/// time zone.
#[derive(Debug, Clone, Copy)]
pub struct Clock<'a> {
    /// Working calendar.
    pub calendar: &'a WorkingCalendar,
    /// Time-limit table.
    pub rules: &'a RuleTable,
    /// Options.
    pub options: ClockOptions,
}

impl<'a> Clock<'a> {
    /// A clock with default options (A1, A4 defaults, not strict).
    pub fn new(calendar: &'a WorkingCalendar, rules: &'a RuleTable) -> Clock<'a> {
        Clock {
            calendar,
            rules,
            options: ClockOptions::default(),
        }
    }

    /// With options.
    pub fn with_options(mut self, options: ClockOptions) -> Clock<'a> {
        self.options = options;
        self
    }

    /// Day 0 for a receipt (LAW.md A4): the calendar day by default; with
    /// [`ReceiptRule::NextWorkingDay`], the next working day when received
    /// on a non-working day or at/after the office's closing time.
    ///
    /// # Errors
    /// [`DeadlineError::Calendar`] outside the calendar.
    ///
    /// # Example: received on Saturday evening
    /// ```
    /// # use chrono::NaiveDate;
    /// use tiepcan::calendar::WorkingCalendar;
    /// use tiepcan::deadline::{Clock, ClockOptions, ReceiptRule, Received, RuleTable};
    /// let rules = RuleTable::builtin();
    /// let r = Received::parse("2025-03-08T19:00")?;
    /// let default = Clock::new(WorkingCalendar::official(), &rules);
    /// assert_eq!(default.receipt_date(r)?.to_string(), "2025-03-08");
    /// let opts = ClockOptions { receipt: ReceiptRule::NextWorkingDay, ..ClockOptions::default() };
    /// assert_eq!(default.with_options(opts).receipt_date(r)?.to_string(), "2025-03-10");
    /// # Ok::<(), tiepcan::deadline::DeadlineError>(())
    /// ```
    pub fn receipt_date(&self, received: Received) -> Result<NaiveDate, DeadlineError> {
        let d = received.date();
        if self.options.receipt == ReceiptRule::CalendarDay {
            return Ok(d);
        }
        let after_hours = match (received.time(), self.options.office_hours) {
            (Some(t), Some(h)) => t >= h.close,
            _ => false,
        };
        if !self.calendar.is_working_day(d)? || after_hours {
            Ok(self.calendar.next_working_day(d)?)
        } else {
            Ok(d)
        }
    }

    fn regime_for(&self, forced: Option<Regime>, date: NaiveDate) -> Result<Regime, DeadlineError> {
        match forced {
            Some(r) => Ok(r),
            None => Regime::for_date(date).ok_or(DeadlineError::NoRegime { date }),
        }
    }

    fn rule(
        &self,
        regime: Regime,
        kind: PeriodKind,
        channel: Option<Channel>,
        complexity: Option<Complexity>,
        date: NaiveDate,
    ) -> Result<&'a PeriodRule, DeadlineError> {
        let r =
            self.rules
                .find(regime, kind, channel, complexity)
                .ok_or(DeadlineError::NoRule {
                    regime,
                    kind,
                    channel,
                    complexity,
                })?;
        if self.options.strict_regime && r.status != ValueStatus::Verified {
            return Err(DeadlineError::RegimeUnknown {
                regime,
                date,
                rule: r.id.clone(),
                status: r.status.code(),
            });
        }
        Ok(r)
    }

    /// Count `value` of `unit` from `start`: (due under the chosen reading,
    /// due under the other reading of "ngày").
    fn count(
        &self,
        start: NaiveDate,
        value: u32,
        unit: Unit,
    ) -> Result<(NaiveDate, Option<NaiveDate>), DeadlineError> {
        let cal = self.calendar;
        Ok(match unit {
            Unit::Immediate => (start, None),
            Unit::WorkingDays => (cal.add_working_days(start, value)?, None),
            Unit::CalendarDays => {
                let rolled = cal.add_calendar_days_rolled(start, value)?;
                let wd = cal.add_working_days(start, value)?;
                match self.options.reading {
                    DaysReading::CalendarDaysRolled => (rolled, Some(wd)),
                    DaysReading::WorkingDays => (wd, Some(rolled)),
                }
            }
        })
    }

    fn deadline(
        &self,
        rule: &PeriodRule,
        start: NaiveDate,
        value: u32,
    ) -> Result<Deadline, DeadlineError> {
        let (due, alternative_due) = self.count(start, value, rule.unit)?;
        Ok(Deadline {
            kind: rule.kind,
            rule_id: rule.id.clone(),
            start,
            due,
            alternative_due,
            limit: Limit {
                value,
                unit: rule.unit,
            },
            unit_as_written: rule.unit_as_written.clone(),
            citation: rule.citation,
            value_status: rule.status,
            provisional: rule.status != ValueStatus::Verified,
            skipped: if self.options.explain_skipped {
                self.calendar
                    .explain(start, due.max(alternative_due.unwrap_or(due)))?
            } else {
                Vec::new()
            },
        })
    }

    /// The milestones of a request (LAW.md §5.8): `provide` for simple
    /// requests; for complex ones `notify_timeline` (electronic, postal,
    /// fax), `provide_or_refuse`, and `extended_provide_or_refuse` counted
    /// from the `provide_or_refuse` due date with the granted days or, if
    /// none were given, the maximum.
    ///
    /// # Errors
    /// [`DeadlineError::NoRegime`] before 2018-07-01 (unless a regime is
    /// forced); [`DeadlineError::RegimeUnknown`] in strict mode for a
    /// regime whose values are not verified (from 2026-09-01);
    /// [`DeadlineError::NoRule`] when the table has a gap;
    /// [`DeadlineError::Calendar`] outside the calendar.
    ///
    /// # Example: after 2026-09-01 the values are provisional
    /// ```
    /// # use chrono::NaiveDate;
    /// use tiepcan::calendar::WorkingCalendar;
    /// use tiepcan::deadline::{Clock, ClockOptions, Complexity, DeadlineError, Received, Request, RuleTable};
    /// use tiepcan::law::Channel;
    /// let rules = RuleTable::builtin();
    /// let clock = Clock::new(WorkingCalendar::official(), &rules);
    /// let req = Request::new(Received::parse("2026-09-03")?, Channel::Electronic, Complexity::Simple);
    /// let s = clock.schedule(&req)?;
    /// assert!(s.milestones[0].provisional);
    /// assert_eq!(s.milestones[0].due.to_string(), "2026-09-08");
    /// assert!(s.findings.iter().any(|f| f.rule == "R-DL-PROVISIONAL"));
    /// let strict = clock.with_options(ClockOptions { strict_regime: true, ..ClockOptions::default() });
    /// assert!(matches!(strict.schedule(&req), Err(DeadlineError::RegimeUnknown { .. })));
    /// # Ok::<(), tiepcan::deadline::DeadlineError>(())
    /// ```
    pub fn schedule(&self, req: &Request) -> Result<Schedule, DeadlineError> {
        let receipt = self.receipt_date(req.received)?;
        let regime = self.regime_for(req.regime, receipt)?;
        let (ch, cx) = (Some(req.channel), Some(req.complexity));
        let mut findings = Vec::new();
        let mut milestones = Vec::new();
        let kinds: &[PeriodKind] = match req.complexity {
            Complexity::Simple => &[PeriodKind::Provide],
            Complexity::Complex => &[PeriodKind::NotifyTimeline, PeriodKind::ProvideOrRefuse],
        };
        for &kind in kinds {
            let rule = match self.rule(regime, kind, ch, cx, receipt) {
                // Art. 29 (in person) has no notice step (LAW.md §5.8 notes).
                Err(DeadlineError::NoRule { .. }) if kind == PeriodKind::NotifyTimeline => continue,
                r => r?,
            };
            milestones.push(self.deadline(rule, receipt, rule.value)?);
        }
        if req.complexity == Complexity::Complex {
            let base = milestones
                .iter()
                .find(|m| m.kind == PeriodKind::ProvideOrRefuse)
                .map(|m| m.due)
                .ok_or(DeadlineError::NoRule {
                    regime,
                    kind: PeriodKind::ProvideOrRefuse,
                    channel: ch,
                    complexity: cx,
                })?;
            let rule = self.rule(regime, PeriodKind::ExtendedProvideOrRefuse, ch, cx, receipt)?;
            let ext = req.extension.unwrap_or_default();
            let granted = ext.days.unwrap_or(rule.value);
            if granted > rule.value {
                findings.push(
                    Diagnostic::new(
                        "R-EXT-NOTICE",
                        Location::pointer("/extension/days"),
                        Some(granted.to_string()),
                        Message::new(
                            format!(
                                "Thời hạn gia hạn {granted} vượt mức tối đa {} {}",
                                rule.value, rule.unit_as_written
                            ),
                            format!(
                                "Extension of {granted} exceeds the maximum of {} \"{}\"",
                                rule.value, rule.unit_as_written
                            ),
                        ),
                    )
                    .with_citation(rule.citation),
                );
            }
            // Form 04 is dated within the base period (R-EXT-NOTICE).
            let outside = ext.notice_date.and_then(|n| {
                if n < receipt {
                    Some((
                        n,
                        format!("Thông báo gia hạn ngày {n} trước ngày tiếp nhận yêu cầu ({receipt}): thông báo phải gửi trong thời hạn giải quyết"),
                        format!("Extension notice dated {n} is before the request was received ({receipt}): it must be sent within the base period"),
                    ))
                } else if n > base {
                    Some((
                        n,
                        format!("Thông báo gia hạn ngày {n} sau khi hết thời hạn giải quyết ({base})"),
                        format!("Extension notice dated {n} is after the base period ended ({base})"),
                    ))
                } else {
                    None
                }
            });
            let extends = outside.is_none();
            if let Some((n, vi, en)) = outside {
                findings.push(
                    Diagnostic::new(
                        "R-EXT-NOTICE",
                        Location::pointer("/extension/notice_date"),
                        Some(n.to_string()),
                        Message::new(vi, en),
                    )
                    .with_citation(rule.citation),
                );
            }
            // A notice outside the base period extends nothing (as in the
            // register): the base period stays the last milestone.
            if extends {
                milestones.push(self.deadline(rule, base, granted.min(rule.value))?);
            }
        }
        if req.complexity == Complexity::Simple {
            if let Some(ext) = req.extension {
                // The extension lengthens the provide-or-refuse period of a
                // complex request (Arts 29(2), 30(4), 31(2) para. 2); a
                // simple request has none to lengthen. Say so, never drop it
                // silently.
                let cite = self
                    .rule(
                        regime,
                        PeriodKind::ExtendedProvideOrRefuse,
                        ch,
                        Some(Complexity::Complex),
                        receipt,
                    )
                    .map(|r| r.citation)
                    .ok();
                let value = ext
                    .days
                    .map(|d| d.to_string())
                    .or(ext.notice_date.map(|n| n.to_string()))
                    .or(Some("max".to_string()));
                let d = Diagnostic::new(
                    "R-EXT-NOTICE",
                    Location::pointer("/extension"),
                    value,
                    Message::new(
                        "Yêu cầu đơn giản, có sẵn không có thời hạn gia hạn: chỉ yêu cầu phức tạp được gia hạn thời hạn giải quyết; gia hạn không được tính",
                        "A simple request has no extension: only the period of a complex request can be extended; the extension is not counted",
                    ),
                );
                findings.push(match cite {
                    Some(c) => d.with_citation(c),
                    None => d,
                });
            }
        }
        let last = milestones
            .iter()
            .map(|m| m.due_range().1)
            .max()
            .unwrap_or(receipt);
        if milestones.iter().any(|m| m.provisional) {
            findings.push(provisional_finding(regime, receipt));
        }
        if regime == Regime::Law104 && last >= LAW2026_IN_FORCE {
            findings.push(
                Diagnostic::new(
                    "R-DL-PROVISIONAL",
                    Location::whole(),
                    Some(last.to_string()),
                    Message::new(
                        "Thời hạn kéo dài sang ngày 01/9/2026, khi Luật Tiếp cận thông tin (sửa đổi) có hiệu lực; quy định chuyển tiếp chưa rõ",
                        "The request spans 2026-09-01, when the amended Law takes effect; its transitional provisions are not known (LAW.md A14)",
                    ),
                )
                .with_citation(Citation::article(crate::law::Instrument::Law2026, 0)),
            );
        }
        let projected: Vec<i32> = (receipt.year()..=last.year())
            .filter(|y| self.calendar.year_source(*y) == Some(YearSource::Projected))
            .collect();
        if !projected.is_empty() {
            let ys = projected
                .iter()
                .map(i32::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            findings.push(
                Diagnostic::new(
                    "R-TIME-WD",
                    Location::whole(),
                    Some(ys.clone()),
                    Message::new(
                        format!("Lịch năm {ys} là lịch dự kiến theo Bộ luật Lao động, chưa có thông báo chính thức"),
                        format!("The calendar for {ys} is projected from the Labour Code; no official notice is recorded"),
                    ),
                )
                .with_severity(crate::validate::Severity::Warning),
            );
        }
        Ok(Schedule {
            regime,
            received: req.received,
            receipt_date: receipt,
            channel: req.channel,
            complexity: req.complexity,
            skipped: skipped_union(&milestones),
            milestones,
            findings,
            calendar_version: self.calendar.version().to_string(),
        })
    }

    /// A single period that is not a request milestone (Art. 32 corrections,
    /// Art. 22(4) petition reply, Art. 21(2) posting, Art. 18(4) disclosure),
    /// counted from `event` (not counted) under the regime in force on
    /// `event`. From 2026-09-01 the value is provisional (the Art. 22(4)
    /// successor's 10 days are from secondary sources).
    ///
    /// # Errors
    /// As [`Clock::schedule`].
    ///
    /// # Example: a petition on disclosed information
    /// ```
    /// # use chrono::NaiveDate;
    /// use tiepcan::calendar::WorkingCalendar;
    /// use tiepcan::deadline::{Clock, PeriodKind, RuleTable};
    /// let rules = RuleTable::builtin();
    /// let clock = Clock::new(WorkingCalendar::official(), &rules);
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let before = clock.period(PeriodKind::PetitionReply, d(2026, 8, 3))?;
    /// assert_eq!((before.limit.value, before.provisional), (15, false));
    /// let after = clock.period(PeriodKind::PetitionReply, d(2026, 9, 3))?;
    /// assert_eq!((after.limit.value, after.provisional), (10, true));
    /// # Ok::<(), tiepcan::deadline::DeadlineError>(())
    /// ```
    pub fn period(&self, kind: PeriodKind, event: NaiveDate) -> Result<Deadline, DeadlineError> {
        let regime = self.regime_for(None, event)?;
        let rule = self.rule(regime, kind, None, None, event)?;
        self.deadline(rule, event, rule.value)
    }

    /// Earliest day a posting (niêm yết) with no legal duration may be taken
    /// down: the day after the last day of the minimum "30 ngày" counted from
    /// the posting date (Art. 21(2); LAW.md A31, §7.3).
    ///
    /// # Errors
    /// As [`Clock::period`].
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// use tiepcan::calendar::WorkingCalendar;
    /// use tiepcan::deadline::{Clock, RuleTable};
    /// let rules = RuleTable::builtin();
    /// let clock = Clock::new(WorkingCalendar::official(), &rules);
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// // Posted Mon 2024-06-03: day 30 is Wed 07-03; take down from Thu 07-04.
    /// assert_eq!(clock.posting_earliest_takedown(d(2024, 6, 3))?, d(2024, 7, 4));
    /// # Ok::<(), tiepcan::deadline::DeadlineError>(())
    /// ```
    pub fn posting_earliest_takedown(
        &self,
        posted_on: NaiveDate,
    ) -> Result<NaiveDate, DeadlineError> {
        let p = self.period(PeriodKind::PostingMinimum, posted_on)?;
        Ok(p.due + Duration::days(1))
    }
}

/// Every skipped day of the milestones, once, in date order. The milestones
/// chain (day 0 → base due → extended due), so this is the explanation of
/// (day 0, last due] without counting it again.
fn skipped_union(milestones: &[Deadline]) -> Vec<SkippedDay> {
    let mut all: Vec<SkippedDay> = milestones
        .iter()
        .flat_map(|m| m.skipped.iter().cloned())
        .collect();
    all.sort_by_key(|k| k.date);
    all.dedup_by_key(|k| k.date);
    all
}

fn provisional_finding(regime: Regime, receipt: NaiveDate) -> Diagnostic {
    Diagnostic::new(
        "R-DL-PROVISIONAL",
        Location::whole(),
        Some(receipt.to_string()),
        Message::new(
            format!(
                "Yêu cầu nhận ngày {receipt} thuộc {}: thời hạn của luật mới chưa được mã hóa, đang tạm tính theo Luật 104/2016/QH13 và có thể ngắn hơn",
                regime.instrument().name_vi()
            ),
            format!(
                "Request received {receipt} falls under the {regime}: its periods are not yet encoded, so Law 104/2016/QH13's are carried over provisionally and the real ones may be shorter"
            ),
        ),
    )
}
