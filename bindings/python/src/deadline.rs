//! `tiepcan::deadline`: the request clock.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDateTime, PyList};

use tiepcan::deadline::{
    Clock, ClockOptions, Complexity, DaysReading, Deadline, Extension, OfficeHours, PeriodKind,
    ReceiptRule, Received, Request, RuleTable, Schedule,
};
use tiepcan::law::{Channel, Regime};

use crate::calendar::{calendar_or_official, PySkippedDay, PyWorkingCalendar};
use crate::convert::to_py;
use crate::errors::{a, channel_error, deadline_error, guard, io_error, raise};
use crate::law::PyCitation;
use crate::validate::PyDiagnostic;

/// One computed time limit (thời hạn) of a request.
///
/// Example:
///     >>> s = tiepcan.deadline(datetime.date(2024, 5, 20), "in_person", complex=True)
///     >>> m = s.milestones[0]
///     >>> (m.kind, m.due, m.limit, m.unit, str(m.citation))
///     ('provide_or_refuse', datetime.date(2024, 6, 3), 10, 'working_days', 'Law 104/2016/QH13, Art. 29(2) para. 1')
#[pyclass(module = "tiepcan._tiepcan", name = "Milestone", frozen)]
pub struct PyMilestone(pub Deadline);

#[pymethods]
impl PyMilestone {
    /// Milestone code: ``provide``, ``notify_timeline``,
    /// ``provide_or_refuse``, ``extended_provide_or_refuse`` ….
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.code()
    }

    /// What the milestone is, in Vietnamese.
    #[getter]
    fn label_vi(&self) -> &'static str {
        self.0.kind.label_vi()
    }

    /// What the milestone is, in English.
    #[getter]
    fn label_en(&self) -> &'static str {
        self.0.kind.label_en()
    }

    /// Row of the time-limit table (e.g. ``"DL-PF-EXT"``).
    #[getter]
    fn rule_id(&self) -> &str {
        &self.0.rule_id
    }

    /// Day 0 of this limit (not counted).
    #[getter]
    fn start(&self) -> NaiveDate {
        self.0.start
    }

    /// Last day (ends 24:00) under the chosen reading of "ngày".
    #[getter]
    fn due(&self) -> NaiveDate {
        self.0.due
    }

    /// Last day under the other reading of an unqualified "ngày", or ``None``.
    #[getter]
    fn alternative_due(&self) -> Option<NaiveDate> {
        self.0.alternative_due
    }

    /// The number of the limit (0 for immediate).
    #[getter]
    fn limit(&self) -> u32 {
        self.0.limit.value
    }

    /// ``"working_days"``, ``"calendar_days"`` or ``"immediate"``.
    #[getter]
    fn unit(&self) -> &'static str {
        self.0.limit.unit.code()
    }

    /// The unit as the legal text writes it.
    #[getter]
    fn unit_as_written(&self) -> &str {
        &self.0.unit_as_written
    }

    /// Legal basis.
    #[getter]
    fn citation(&self) -> PyCitation {
        PyCitation(self.0.citation)
    }

    /// Whether the value is not verified (carried over or draft).
    #[getter]
    fn provisional(&self) -> bool {
        self.0.provisional
    }

    /// ``"verified"``, ``"draft"`` or ``"carried_over"``.
    #[getter]
    fn value_status(&self) -> &'static str {
        self.0.value_status.code()
    }

    /// Non-working days skipped between ``start`` and ``due``.
    #[getter]
    fn skipped(&self) -> Vec<PySkippedDay> {
        self.0.skipped.iter().cloned().map(PySkippedDay).collect()
    }

    /// The JSON shape as a dict.
    ///
    /// Returns:
    ///     dict: every field, dates as ISO text.
    ///
    /// Example:
    ///     >>> tiepcan.deadline(datetime.date(2024, 5, 20), "in_person", complex=True).milestones[0].to_dict()["due"]
    ///     '2024-06-03'
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Milestone {} due {} ({} {}, {})>",
            self.0.kind.code(),
            self.0.due,
            self.0.limit.value,
            self.0.limit.unit.code(),
            self.0.citation
        )
    }
}

/// Every time limit computed for one request: milestones per channel and
/// complexity, the days skipped with why, findings, and (when ``today`` was
/// given) the status of each milestone. Returned by ``tiepcan.deadline``.
///
/// Example:
///     >>> s = tiepcan.deadline(datetime.date(2025, 1, 24), "postal", complex=True)
///     >>> [(m.kind, m.due.isoformat()) for m in s.milestones]
///     [('notify_timeline', '2025-02-05'), ('provide_or_refuse', '2025-02-21'), ('extended_provide_or_refuse', '2025-03-10')]
#[pyclass(module = "tiepcan._tiepcan", name = "Deadline", frozen)]
pub struct PyDeadline {
    schedule: Schedule,
    statuses: Option<Vec<(PeriodKind, tiepcan::deadline::Status)>>,
    calendar: Option<Py<PyWorkingCalendar>>,
}

fn status_dicts<'py>(
    py: Python<'py>,
    v: &[(PeriodKind, tiepcan::deadline::Status)],
) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    for (k, st) in v {
        let d = to_py(py, st)?;
        d.set_item("kind", k.code())?;
        out.append(d)?;
    }
    Ok(out)
}

#[pymethods]
impl PyDeadline {
    /// Regime applied: ``"2016"`` (Law 104/2016/QH13) or ``"2026"``
    /// (the amended Law, from 2026-09-01).
    #[getter]
    fn regime(&self) -> &'static str {
        self.schedule.regime.code()
    }

    /// As received: ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS+07:00``.
    #[getter]
    fn received(&self) -> String {
        self.schedule.received.to_string()
    }

    /// Day 0 actually used (not counted).
    #[getter]
    fn receipt_date(&self) -> NaiveDate {
        self.schedule.receipt_date
    }

    /// ``in_person``, ``electronic``, ``postal`` or ``fax``.
    #[getter]
    fn channel(&self) -> &'static str {
        self.schedule.channel.code()
    }

    /// ``simple`` or ``complex``.
    #[getter]
    fn complexity(&self) -> &'static str {
        self.schedule.complexity.code()
    }

    /// The milestones, in order.
    #[getter]
    fn milestones(&self) -> Vec<PyMilestone> {
        self.schedule
            .milestones
            .iter()
            .cloned()
            .map(PyMilestone)
            .collect()
    }

    /// Non-working days from day 0 to the last milestone, with reasons.
    #[getter]
    fn skipped(&self) -> Vec<PySkippedDay> {
        self.schedule
            .skipped
            .iter()
            .cloned()
            .map(PySkippedDay)
            .collect()
    }

    /// Findings: provisional values, a late extension notice, a request
    /// spanning 2026-09-01, projected calendar years.
    #[getter]
    fn findings(&self) -> Vec<PyDiagnostic> {
        self.schedule
            .findings
            .iter()
            .cloned()
            .map(PyDiagnostic)
            .collect()
    }

    /// Version of the calendar data used.
    #[getter]
    fn calendar_version(&self) -> &str {
        &self.schedule.calendar_version
    }

    /// Status of each milestone at the ``today`` given to
    /// ``tiepcan.deadline``, or ``None`` when none was given: dicts
    /// ``{"kind", "state", ...}`` with ``state`` one of ``not_yet_due``
    /// (``working_days_left``), ``due_today``, ``at_risk``
    /// (``working_days_late``), ``overdue`` (``working_days``,
    /// ``calendar_days``).
    #[getter]
    fn statuses<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyList>>> {
        self.statuses
            .as_ref()
            .map(|v| status_dicts(py, v))
            .transpose()
    }

    /// Status of each milestone at ``today`` (never the host clock).
    ///
    /// Args:
    ///     today: the civil date in Vietnam.
    ///
    /// Returns:
    ///     list[dict]: as :attr:`statuses`.
    ///
    /// Raises:
    ///     CalendarRangeError: ``today`` is outside 2014–2199.
    ///
    /// Example:
    ///     >>> s = tiepcan.deadline(datetime.date(2024, 5, 20), "in_person", complex=True)
    ///     >>> s.status(datetime.date(2024, 5, 31))[0]
    ///     {'state': 'not_yet_due', 'working_days_left': 1, 'kind': 'provide_or_refuse'}
    fn status<'py>(&self, py: Python<'py>, today: NaiveDate) -> PyResult<Bound<'py, PyList>> {
        let cal = calendar_or_official(py, self.calendar.as_ref().map(|c| c.get()))?;
        let v = guard(py, || {
            self.schedule
                .status(today, cal)
                .map_err(|e| deadline_error(py, e))
        })?;
        status_dicts(py, &v)
    }

    /// The milestone of a kind, if the request has one.
    ///
    /// Args:
    ///     kind: milestone code, e.g. ``"provide_or_refuse"``.
    ///
    /// Returns:
    ///     Milestone | None: the milestone.
    ///
    /// Example:
    ///     >>> tiepcan.deadline(datetime.date(2024, 5, 20), "in_person", complex=True).milestone("provide_or_refuse").due
    ///     datetime.date(2024, 6, 3)
    fn milestone(&self, kind: &str) -> Option<PyMilestone> {
        let k = PeriodKind::parse(kind)?;
        self.schedule.milestone(k).cloned().map(PyMilestone)
    }

    /// A readable explanation: day 0, each milestone with its limit and
    /// legal basis, and every day skipped with why.
    ///
    /// Args:
    ///     lang: ``"vi"`` (default) or ``"en"``.
    ///
    /// Returns:
    ///     str: several lines of text.
    ///
    /// Example:
    ///     >>> print(tiepcan.deadline(datetime.date(2024, 5, 24), "electronic").explain("en"))
    ///     Day 0 (not counted): 2024-05-24 (electronic, simple; regime 2016)
    ///     provide: 2024-05-29 — 3 working_days (Law 104/2016/QH13, Art. 30(3))
    ///     skipped: 2024-05-25 weekend (Saturday); 2024-05-26 weekend (Sunday)
    #[pyo3(signature = (lang = "vi"))]
    fn explain(&self, lang: &str) -> String {
        let s = &self.schedule;
        let vi = lang != "en";
        let mut out = if vi {
            format!(
                "Ngày 0 (không tính): {} ({}, {}; chế độ {})",
                s.receipt_date,
                s.channel.code(),
                s.complexity.code(),
                s.regime.code()
            )
        } else {
            format!(
                "Day 0 (not counted): {} ({}, {}; regime {})",
                s.receipt_date,
                s.channel.code(),
                s.complexity.code(),
                s.regime.code()
            )
        };
        for m in &s.milestones {
            let cit = if vi {
                m.citation.to_vietnamese()
            } else {
                m.citation.to_string()
            };
            out.push_str(&format!(
                "\n{}: {} — {} {} ({}){}",
                m.kind.code(),
                m.due,
                m.limit.value,
                m.limit.unit.code(),
                cit,
                if m.provisional { " [provisional]" } else { "" }
            ));
        }
        if !s.skipped.is_empty() {
            let days: Vec<String> = s
                .skipped
                .iter()
                .map(|k| format!("{} {}", k.date, k))
                .collect();
            out.push_str(&format!(
                "\n{}: {}",
                if vi { "bỏ qua" } else { "skipped" },
                days.join("; ")
            ));
        }
        out
    }

    /// The deadlines as an accessible HTML fragment (milestones with
    /// ``<time>`` dates, units, citations, and the skipped days with why).
    ///
    /// Args:
    ///     id_prefix: prefix of every ``id`` in the fragment.
    ///     heading_level: level (1–6) of the fragment's heading.
    ///
    /// Returns:
    ///     str: the HTML fragment.
    ///
    /// Example:
    ///     >>> '<time datetime="2024-05-29"' in tiepcan.deadline(datetime.date(2024, 5, 24), "electronic").to_html()
    ///     True
    #[pyo3(signature = (id_prefix = "tc", heading_level = 2))]
    fn to_html(&self, py: Python<'_>, id_prefix: &str, heading_level: u8) -> PyResult<String> {
        let opts = crate::convert::render_options(id_prefix, heading_level);
        guard(py, || {
            Ok(tiepcan::render::render_deadline(&self.schedule, &opts))
        })
    }

    /// The schedule's JSON shape as a dict (core's serde shape).
    ///
    /// Returns:
    ///     dict: ``regime``, ``received``, ``receipt_date``, ``channel``,
    ///     ``complexity``, ``milestones``, ``skipped``, ``findings``,
    ///     ``calendar_version``.
    ///
    /// Example:
    ///     >>> tiepcan.deadline(datetime.date(2024, 5, 20), "fax").to_dict()["channel"]
    ///     'fax'
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.schedule)
    }

    fn __repr__(&self) -> String {
        let ms: Vec<String> = self
            .schedule
            .milestones
            .iter()
            .map(|m| format!("{} {}", m.kind.code(), m.due))
            .collect();
        format!(
            "<Deadline {} {}: {}>",
            self.schedule.received,
            self.schedule.channel.code(),
            ms.join(", ")
        )
    }
}

fn received_arg(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<Received> {
    if obj.is_instance_of::<PyDateTime>() {
        if obj.getattr("tzinfo")?.is_none() {
            let dt: NaiveDateTime = obj.extract()?;
            return Ok(Received::LocalDateTime(dt));
        }
        let dt: DateTime<FixedOffset> = obj.extract()?;
        return Ok(Received::from_instant(dt));
    }
    if obj.is_instance_of::<PyDate>() {
        let d: NaiveDate = obj.extract()?;
        return Ok(Received::Date(d));
    }
    let s: String = obj.extract().map_err(|_| {
        pyo3::exceptions::PyTypeError::new_err(
            "received must be a datetime.date, a datetime.datetime or ISO text",
        )
    })?;
    Received::parse(&s).map_err(|e| deadline_error(py, e))
}

fn option_arg<T: serde::de::DeserializeOwned>(
    py: Python<'_>,
    name: &str,
    value: &str,
    expected: &str,
) -> PyResult<T> {
    let v = serde_json::Value::String(value.trim().replace('-', "_"));
    serde_json::from_value(v).map_err(|_| {
        raise(
            py,
            "ParseError",
            "unknown_option",
            format!("{name}={value:?}: expected {expected}"),
            vec![("value", a(py, value))],
        )
    })
}

/// The time limits of an access-to-information request (Law
/// 104/2016/QH13, Arts 28–31; the amended Law from 2026-09-01): each
/// milestone's due date, its unit (working days or calendar days), its legal
/// basis, and the days skipped with why. Day 0, the day the valid request
/// was received, is never counted (Civil Code Art. 147).
///
/// Args:
///     received: when the valid request was received: a ``datetime.date``,
///         a ``datetime.datetime`` (naive = Vietnamese wall-clock time;
///         aware = converted to UTC+7) or ISO text.
///     channel: ``"in_person"``, ``"electronic"``, ``"postal"`` or
///         ``"fax"`` (hyphens and the Vietnamese names accepted).
///     complex: the agency classified the request as complex.
///     extended: an extension (gia hạn) was granted, for the maximum.
///     calendar: working calendar (default: the built-in official one).
///     today: compute :attr:`Deadline.statuses` at this date.
///     extension_days: extension granted, in the unit of the channel's
///         extension rule (implies ``extended``).
///     extension_notice: date of the extension notice (Form 04), checked
///         against the base due date.
///     regime: force ``"2016"`` or ``"2026"``; default by the receipt date.
///     strict_regime: refuse to compute with unverified values.
///     days_reading: ``"calendar_days_rolled"`` (default, Civil Code
///         Art. 148) or ``"working_days"`` for an unqualified "ngày".
///     receipt: ``"calendar_day"`` (default) or ``"next_working_day"``
///         (which day is day 0; LAW.md A4).
///     office_close: office closing time, with ``receipt="next_working_day"``.
///     rules: path of a time-limit rule file replacing the built-in table
///         for the regimes it lists.
///
/// Returns:
///     Deadline: milestones, skipped days, findings and statuses.
///
/// Raises:
///     ParseError: unknown channel, option or unreadable ``received`` text;
///         a rule file that cannot be used (``.file``, ``.line``).
///     DeadlineError: no regime (received before 2018-07-01), regime
///         unknown in strict mode, or no rule.
///     CalendarRangeError: a date outside the calendar (2014–2199).
///     FileNotFoundError: the rule file does not exist.
///
/// Example:
///     >>> s = tiepcan.deadline(datetime.date(2025, 1, 24), "postal", complex=True, extended=True)
///     >>> s.milestone("extended_provide_or_refuse").due  # 15 days from 21 Feb, Sat 8 Mar rolled
///     datetime.date(2025, 3, 10)
#[pyfunction]
#[pyo3(signature = (received, channel, complex = false, extended = false, calendar = None, today = None, *, extension_days = None, extension_notice = None, regime = None, strict_regime = false, days_reading = "calendar_days_rolled", receipt = "calendar_day", office_close = None, rules = None))]
#[allow(clippy::too_many_arguments)]
pub fn deadline(
    py: Python<'_>,
    received: &Bound<'_, PyAny>,
    channel: &str,
    complex: bool,
    extended: bool,
    calendar: Option<Bound<'_, PyWorkingCalendar>>,
    today: Option<NaiveDate>,
    extension_days: Option<u32>,
    extension_notice: Option<NaiveDate>,
    regime: Option<&str>,
    strict_regime: bool,
    days_reading: &str,
    receipt: &str,
    office_close: Option<NaiveTime>,
    rules: Option<std::path::PathBuf>,
) -> PyResult<PyDeadline> {
    let received = received_arg(py, received)?;
    let channel = Channel::parse(channel).map_err(|e| channel_error(py, e))?;
    let regime = match regime {
        None => None,
        Some(r) => Some(Regime::parse(r).ok_or_else(|| {
            raise(
                py,
                "ParseError",
                "unknown_regime",
                format!("regime={r:?}: expected \"2016\" or \"2026\""),
                vec![("value", a(py, r))],
            )
        })?),
    };
    let reading: DaysReading = option_arg(
        py,
        "days_reading",
        days_reading,
        "\"calendar_days_rolled\" or \"working_days\"",
    )?;
    let receipt: ReceiptRule = option_arg(
        py,
        "receipt",
        receipt,
        "\"calendar_day\" or \"next_working_day\"",
    )?;
    let table = match rules {
        None => RuleTable::builtin(),
        Some(p) => {
            let name = p.display().to_string();
            let f = std::fs::File::open(&p).map_err(|e| io_error(&e, &name))?;
            RuleTable::builtin()
                .with_user_file(f, &name)
                .map_err(|e| deadline_error(py, e))?
        }
    };
    let cal = calendar_or_official(py, calendar.as_ref().map(|c| c.get()))?;
    let options = ClockOptions {
        receipt,
        office_hours: office_close.map(|close| OfficeHours { close }),
        reading,
        strict_regime,
        explain_skipped: true,
    };
    let extension =
        (extended || extension_days.is_some() || extension_notice.is_some()).then_some(Extension {
            days: extension_days,
            notice_date: extension_notice,
        });
    let req = Request {
        received,
        channel,
        complexity: if complex {
            Complexity::Complex
        } else {
            Complexity::Simple
        },
        regime,
        extension,
    };
    let (schedule, statuses) = guard(py, || {
        let clock = Clock::new(cal, &table).with_options(options);
        let s = clock.schedule(&req).map_err(|e| deadline_error(py, e))?;
        let st = match today {
            Some(t) => Some(s.status(t, cal).map_err(|e| deadline_error(py, e))?),
            None => None,
        };
        Ok((s, st))
    })?;
    Ok(PyDeadline {
        schedule,
        statuses,
        calendar: calendar.map(|c| c.unbind()),
    })
}

/// A per-request argument of `deadlines`: one value for all, or one each.
fn per_request<'py, T>(
    obj: &Bound<'py, PyAny>,
    n: usize,
    name: &str,
    one: impl Fn(&Bound<'py, PyAny>) -> PyResult<T>,
    is_scalar: impl Fn(&Bound<'py, PyAny>) -> bool,
) -> PyResult<Vec<T>> {
    if is_scalar(obj) {
        return (0..n).map(|_| one(obj)).collect();
    }
    let items: Vec<Bound<'py, PyAny>> = obj.try_iter()?.collect::<PyResult<_>>()?;
    if items.len() != n {
        return Err(pyo3::exceptions::PyValueError::new_err(format!(
            "{name} has {} items for {n} requests",
            items.len()
        )));
    }
    items.iter().map(one).collect()
}

/// :func:`deadline` for many requests in one call, computed with the GIL
/// released: a province's requests cross the boundary once.
///
/// Args:
///     received: when each valid request was received (dates, datetimes or
///         ISO text, as in :func:`deadline`).
///     channel: one channel for all, or one per request.
///     complex: one flag for all, or one per request.
///     calendar: working calendar (default: the built-in official one).
///     today: compute each result's :attr:`Deadline.statuses` at this date.
///     explain: list the skipped days of every milestone (``False`` leaves
///         them empty: faster when only due dates are needed).
///
/// Returns:
///     list[Deadline]: one per request, in order.
///
/// Raises:
///     ParseError: an unknown channel or unreadable date (``.index`` is the
///         request's position).
///     DeadlineError: the law gives no deadline for a request (``.index``).
///     ValueError: ``channel`` or ``complex`` does not have one item per request.
///
/// Example:
///     >>> ds = tiepcan.deadlines([datetime.date(2025, 1, 24), datetime.date(2024, 5, 20)], "electronic")
///     >>> [d.milestones[0].due for d in ds]
///     [datetime.date(2025, 2, 5), datetime.date(2024, 5, 23)]
#[pyfunction]
#[pyo3(signature = (received, channel, complex = None, calendar = None, today = None, *, explain = true))]
#[allow(clippy::too_many_arguments)]
pub fn deadlines(
    py: Python<'_>,
    received: &Bound<'_, PyAny>,
    channel: &Bound<'_, PyAny>,
    complex: Option<&Bound<'_, PyAny>>,
    calendar: Option<Bound<'_, PyWorkingCalendar>>,
    today: Option<NaiveDate>,
    explain: bool,
) -> PyResult<Vec<PyDeadline>> {
    let with_index = |e: PyErr, i: usize| {
        let _ = e.value(py).setattr("index", i);
        e
    };
    let mut recs = Vec::new();
    for (i, r) in received.try_iter()?.enumerate() {
        recs.push(received_arg(py, &r?).map_err(|e| with_index(e, i))?);
    }
    let n = recs.len();
    let is_str = |o: &Bound<'_, PyAny>| o.is_instance_of::<pyo3::types::PyString>();
    let channels: Vec<String> = per_request(channel, n, "channel", |o| o.extract(), is_str)?;
    let channels: Vec<Channel> = channels
        .iter()
        .enumerate()
        .map(|(i, c)| Channel::parse(c).map_err(|e| with_index(channel_error(py, e), i)))
        .collect::<PyResult<_>>()?;
    let complexes: Vec<bool> = match complex {
        None => vec![false; n],
        Some(c) => per_request(
            c,
            n,
            "complex",
            |o| o.is_truthy(),
            |o| o.is_instance_of::<pyo3::types::PyBool>(),
        )?,
    };
    let cal = calendar_or_official(py, calendar.as_ref().map(|c| c.get()))?;
    let reqs: Vec<Request> = (0..n)
        .map(|i| Request {
            received: recs[i],
            channel: channels[i],
            complexity: if complexes[i] {
                Complexity::Complex
            } else {
                Complexity::Simple
            },
            regime: None,
            extension: None,
        })
        .collect();
    type Out = Vec<(
        Schedule,
        Option<Vec<(PeriodKind, tiepcan::deadline::Status)>>,
    )>;
    let out: Out = crate::errors::detached(
        py,
        || {
            let table = RuleTable::builtin();
            let clock = Clock::new(cal, &table).with_options(ClockOptions {
                explain_skipped: explain,
                ..ClockOptions::default()
            });
            reqs.iter()
                .enumerate()
                .map(|(i, r)| {
                    let s = clock.schedule(r).map_err(|e| (i, e))?;
                    let st = match today {
                        Some(t) => Some(s.status(t, cal).map_err(|e| (i, e))?),
                        None => None,
                    };
                    Ok((s, st))
                })
                .collect()
        },
        |py, (i, e)| with_index(deadline_error(py, e), i),
    )?;
    let cal_obj = calendar.map(|c| c.unbind());
    Ok(out
        .into_iter()
        .map(|(schedule, statuses)| PyDeadline {
            schedule,
            statuses,
            calendar: cal_obj.as_ref().map(|c| c.clone_ref(py)),
        })
        .collect())
}
