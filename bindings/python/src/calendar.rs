//! `tiepcan::calendar`: the working-day calendar, its batch forms, and the
//! lunar calendar.

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::types::{PyByteArray, PyBytes, PyDate, PyList, PyTuple};

use tiepcan::calendar::{self as cal, LunarDate, SkipReason, SkippedDay, WorkingCalendar};

use crate::convert::to_py;
use crate::errors::{calendar_error, detached, guard, io_error};

/// Days from 0001-01-01 (day 1 of the common era) to 1970-01-01.
const UNIX_EPOCH_CE: i32 = 719_163;
/// numpy's NaT as int64.
const NAT: i64 = i64::MIN;

enum Cal {
    Official(&'static WorkingCalendar),
    Owned(Arc<WorkingCalendar>),
}

impl Cal {
    fn get(&self) -> &WorkingCalendar {
        match self {
            Cal::Official(c) => c,
            Cal::Owned(c) => c,
        }
    }
}

/// The working-day calendar of state agencies (lịch làm việc), 2014-01-01
/// to 2199-12-31: Monday–Friday (Decision 188/1999/QĐ-TTg) minus holidays,
/// compensatory days (nghỉ bù) and swapped days off (hoán đổi), plus
/// make-up Saturdays (ngày làm bù). Years with official data (2018–2026
/// built in) use it; later years are projected from the Labour Code and
/// flagged.
///
/// All counts are in working days unless a method says calendar days.
/// Methods are read-only and safe to call from many threads; long batch
/// calls release the GIL.
///
/// Args:
///     overrides: path of a days-off CSV file (``date,kind,name,document``;
///         kinds ``holiday``, ``observed``, ``swap_off``,
///         ``makeup_workday``) merged over the built-in table, e.g. next
///         year's official notice. ``None`` for the built-in table.
///
/// Raises:
///     FileNotFoundError: the overrides file does not exist.
///     CalendarDataError: the overrides file cannot be used (``.file``,
///         ``.line``).
///
/// Example:
///     >>> cal = tiepcan.WorkingCalendar()
///     >>> # 3 working days after Fri 24 Jan 2025: Tết is 27-31 Jan.
///     >>> cal.add_working_days(datetime.date(2025, 1, 24), 3)
///     datetime.date(2025, 2, 5)
///     >>> cal.is_working_day(datetime.date(2025, 4, 26))  # a make-up Saturday
///     True
#[pyclass(module = "tiepcan._tiepcan", name = "WorkingCalendar", frozen)]
pub struct PyWorkingCalendar(Cal);

impl PyWorkingCalendar {
    pub fn cal(&self) -> &WorkingCalendar {
        self.0.get()
    }
}

fn official(py: Python<'_>) -> PyResult<&'static WorkingCalendar> {
    guard(py, || Ok(WorkingCalendar::official()))
}

/// The calendar behind an optional `calendar=` argument.
pub fn calendar_or_official<'a>(
    py: Python<'_>,
    c: Option<&'a PyWorkingCalendar>,
) -> PyResult<&'a WorkingCalendar> {
    match c {
        Some(c) => Ok(c.cal()),
        None => official(py),
    }
}

fn non_negative(n: i64) -> PyResult<u32> {
    u32::try_from(n).map_err(|_| {
        PyValueError::new_err(format!(
            "n must be between 0 and {} working days, got {n}",
            u32::MAX
        ))
    })
}

/// A day skipped when counting working days, with its reason.
///
/// Example:
///     >>> s = tiepcan.WorkingCalendar().explain(datetime.date(2025, 12, 31), datetime.date(2026, 1, 2))
///     >>> [(d.date.isoformat(), d.kind) for d in s]
///     [('2026-01-01', 'holiday'), ('2026-01-02', 'swap_off')]
#[pyclass(module = "tiepcan._tiepcan", name = "SkippedDay", frozen)]
pub struct PySkippedDay(pub SkippedDay);

#[pymethods]
impl PySkippedDay {
    /// The date.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.0.date
    }

    /// ``"weekend"``, ``"holiday"``, ``"observed"`` (compensatory day) or
    /// ``"swap_off"`` (swapped weekday off).
    #[getter]
    fn kind(&self) -> &'static str {
        match &self.0.reason {
            SkipReason::Weekend => "weekend",
            SkipReason::DayOff { day_kind, .. } => day_kind.code(),
        }
    }

    /// Name of the day off in Vietnamese, or ``None`` for a weekend.
    #[getter]
    fn name(&self) -> Option<&str> {
        match &self.0.reason {
            SkipReason::Weekend => None,
            SkipReason::DayOff { name, .. } => Some(name),
        }
    }

    /// Issuing document or statute, or ``None`` for a weekend.
    #[getter]
    fn document(&self) -> Option<&str> {
        match &self.0.reason {
            SkipReason::Weekend => None,
            SkipReason::DayOff { document, .. } => Some(document),
        }
    }

    /// Whether the day's year is projected, not official.
    #[getter]
    fn projected(&self) -> bool {
        self.0.projected
    }

    /// The JSON shape as a dict.
    ///
    /// Returns:
    ///     dict: ``{"date", "reason": {"kind", ...}, "projected"}``.
    ///
    /// Example:
    ///     >>> s = tiepcan.WorkingCalendar().explain(datetime.date(2025, 1, 24), datetime.date(2025, 1, 25))
    ///     >>> s[0].to_dict()
    ///     {'date': '2025-01-25', 'reason': {'kind': 'weekend'}, 'projected': False}
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }

    fn __str__(&self) -> String {
        format!("{} {}", self.0.date, self.0)
    }

    fn __repr__(&self) -> String {
        format!("<SkippedDay {} {}>", self.0.date, self.0)
    }
}

/// A batch result element: how it goes into a numpy array and into a list.
trait BatchOut: Send + Sync + Copy + 'static {
    const NUMPY_DTYPE: &'static str;
    fn to_i64(self) -> i64;
    fn to_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>>;
}

impl BatchOut for NaiveDate {
    const NUMPY_DTYPE: &'static str = "datetime64[D]";
    fn to_i64(self) -> i64 {
        days_of(self)
    }
    fn to_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        Ok(self.into_pyobject(py)?.into_any())
    }
}

impl BatchOut for bool {
    const NUMPY_DTYPE: &'static str = "int64";
    fn to_i64(self) -> i64 {
        self as i64
    }
    fn to_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        Ok(pyo3::types::PyBool::new(py, self).to_owned().into_any())
    }
}

/// What kind of container a batch argument was, so the result comes back
/// as the same kind.
enum Kind {
    List,
    Tuple,
    /// A numpy array of this shape.
    Numpy(Py<PyAny>),
}

fn is_numpy_array(obj: &Bound<'_, PyAny>) -> bool {
    obj.get_type()
        .module()
        .map(|m| m == "numpy")
        .unwrap_or(false)
        && obj.hasattr("dtype").unwrap_or(false)
        && obj.hasattr("shape").unwrap_or(false)
}

/// The dates of a batch argument as days since 1970-01-01 (NaT = `NAT`).
fn read_batch(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<(Vec<i64>, Kind)> {
    if is_numpy_array(obj) {
        let np = py.import("numpy")?;
        let arr = np.call_method1("ascontiguousarray", (obj, "datetime64[D]"))?;
        let shape = arr.getattr("shape")?.unbind();
        let raw = arr
            .call_method1("view", ("int64",))?
            .call_method0("tobytes")?;
        let bytes = raw.cast::<PyBytes>()?.as_bytes();
        let days = bytes
            .chunks_exact(8)
            .map(|c| i64::from_ne_bytes(c.try_into().unwrap_or([0; 8])))
            .collect();
        return Ok((days, Kind::Numpy(shape)));
    }
    if obj.is_instance_of::<pyo3::types::PyString>() {
        return Err(PyTypeError::new_err(
            "expected a sequence of datetime.date, not a str",
        ));
    }
    let toordinal = pyo3::intern!(py, "toordinal");
    let mut days = Vec::with_capacity(obj.len().unwrap_or(0));
    for (i, item) in obj.try_iter()?.enumerate() {
        let item = item?;
        if !item.is_instance_of::<PyDate>() {
            return Err(PyTypeError::new_err(format!(
                "item {i} is not a datetime.date: {}",
                item.repr().map(|r| r.to_string()).unwrap_or_default()
            )));
        }
        // One method call per date: cheaper under the stable ABI than
        // reading year, month and day.
        let ord: i64 = item.call_method0(toordinal)?.extract()?;
        days.push(ord - UNIX_EPOCH_CE as i64);
    }
    let kind = if obj.is_instance_of::<PyTuple>() {
        Kind::Tuple
    } else {
        Kind::List
    };
    Ok((days, kind))
}

fn day_of(days: i64) -> Option<NaiveDate> {
    let d = i32::try_from(days).ok()?.checked_add(UNIX_EPOCH_CE)?;
    NaiveDate::from_num_days_from_ce_opt(d)
}

fn days_of(d: NaiveDate) -> i64 {
    (d.num_days_from_ce() - UNIX_EPOCH_CE) as i64
}

/// A failure at one position of a batch.
struct BatchError(usize, cal::CalendarError);

fn batch_error(py: Python<'_>, e: BatchError) -> PyErr {
    let err = calendar_error(py, e.1);
    let _ = err.value(py).setattr("index", e.0);
    err
}

fn out_of_range(days: i64) -> cal::CalendarError {
    // A day chrono cannot hold is outside the calendar's range too.
    let date = if days < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    };
    cal::CalendarError::DateOutOfRange { date }
}

/// Core's answer for every day of `days`, in order (`None` for NaT). Core is
/// asked once per distinct day — a province's batch repeats days — and its
/// answers are copied; an error names the first position core refused.
fn compute<T: BatchOut>(
    days: &[i64],
    f: &(impl Fn(NaiveDate) -> Result<T, cal::CalendarError> + Sync),
    mut put: impl FnMut(usize, Option<T>),
) -> Result<(), BatchError> {
    let (mut lo, mut hi) = (i64::MAX, i64::MIN);
    for &d in days {
        if d != NAT {
            lo = lo.min(d);
            hi = hi.max(d);
        }
    }
    // The working calendar spans fewer than 70,000 days: a wider batch
    // holds a day core refuses, which the plain loop finds.
    let span = if lo <= hi { (hi - lo + 1) as usize } else { 0 };
    let memo_ok = span > 0 && span <= 70_000;
    let mut memo: Vec<Option<T>> = if memo_ok {
        vec![None; span]
    } else {
        Vec::new()
    };
    for (i, &d) in days.iter().enumerate() {
        if d == NAT {
            put(i, None);
            continue;
        }
        let slot = if memo_ok {
            memo[(d - lo) as usize]
        } else {
            None
        };
        let v = match slot {
            Some(v) => v,
            None => {
                let date = day_of(d).ok_or(BatchError(i, out_of_range(d)))?;
                let v = f(date).map_err(|e| BatchError(i, e))?;
                if memo_ok {
                    memo[(d - lo) as usize] = Some(v);
                }
                v
            }
        };
        put(i, Some(v));
    }
    Ok(())
}

/// Apply core's `f` to every date of a batch with the GIL released, and
/// give the results back as the same kind (list, tuple or numpy array).
fn map_batch<'py, T: BatchOut>(
    py: Python<'py>,
    dates: &Bound<'py, PyAny>,
    f: impl Fn(NaiveDate) -> Result<T, cal::CalendarError> + Send + Sync,
) -> PyResult<Bound<'py, PyAny>> {
    let (days, kind) = read_batch(py, dates)?;
    match kind {
        Kind::Numpy(shape) => {
            let mut failure = None;
            // Written in place into a new bytearray that numpy then views:
            // no copy of the result.
            let buf = PyByteArray::new_with(py, days.len() * 8, |buf: &mut [u8]| {
                failure = Some(py.detach(|| {
                    catch_unwind(AssertUnwindSafe(|| {
                        compute(&days, &f, |i, v| {
                            let x = v.map(T::to_i64).unwrap_or(NAT);
                            buf[i * 8..i * 8 + 8].copy_from_slice(&x.to_ne_bytes());
                        })
                    }))
                }));
                Ok(())
            })?;
            match failure {
                Some(Ok(Ok(()))) => {}
                Some(Ok(Err(e))) => return Err(batch_error(py, e)),
                Some(Err(p)) => return Err(crate::errors::panic_error(py, p)),
                None => {
                    return Err(crate::errors::raise(
                        py,
                        "InternalError",
                        "batch",
                        "batch buffer was not filled".into(),
                        vec![],
                    ))
                }
            }
            let np = py.import("numpy")?;
            let arr = np.call_method1("frombuffer", (buf, "int64"))?;
            let arr = arr.call_method1("view", (T::NUMPY_DTYPE,))?;
            arr.call_method1("reshape", (shape.bind(py),))
        }
        Kind::List | Kind::Tuple => {
            let out = detached(
                py,
                || {
                    let mut out: Vec<T> = Vec::with_capacity(days.len());
                    compute(&days, &f, |_, v| out.extend(v))?;
                    Ok(out)
                },
                batch_error,
            )?;
            // One Python object per distinct answer, shared by the list.
            let mut cache: std::collections::HashMap<i64, Bound<'py, PyAny>> =
                std::collections::HashMap::new();
            let mut items = Vec::with_capacity(out.len());
            for x in out {
                let o = match cache.entry(x.to_i64()) {
                    std::collections::hash_map::Entry::Occupied(e) => e.get().clone(),
                    std::collections::hash_map::Entry::Vacant(e) => e.insert(x.to_py(py)?).clone(),
                };
                items.push(o);
            }
            if matches!(kind, Kind::Tuple) {
                Ok(PyTuple::new(py, items)?.into_any())
            } else {
                Ok(PyList::new(py, items)?.into_any())
            }
        }
    }
}

#[pymethods]
impl PyWorkingCalendar {
    #[new]
    #[pyo3(signature = (overrides = None))]
    fn new(py: Python<'_>, overrides: Option<std::path::PathBuf>) -> PyResult<Self> {
        match overrides {
            None => Ok(PyWorkingCalendar(Cal::Official(official(py)?))),
            Some(p) => {
                let name = p.display().to_string();
                let text = std::fs::read_to_string(&p).map_err(|e| io_error(&e, &name))?;
                let c = detached(
                    py,
                    || {
                        let o = cal::OfficialDays::parse_str(&text, &name)?;
                        WorkingCalendar::with_override(&o)
                    },
                    calendar_error,
                )?;
                Ok(PyWorkingCalendar(Cal::Owned(Arc::new(c))))
            }
        }
    }

    /// Version of the data behind the calendar (the built-in table's, plus
    /// the override's row count when one was merged).
    #[getter]
    fn version(&self) -> &str {
        self.cal().version()
    }

    /// First and last supported dates, as a tuple of ``datetime.date``.
    #[getter]
    fn range(&self) -> (NaiveDate, NaiveDate) {
        self.cal().range()
    }

    /// Whether ``date`` is a working day (ngày làm việc).
    ///
    /// Args:
    ///     date: the day.
    ///
    /// Returns:
    ///     bool: true on a working day (make-up Saturdays included).
    ///
    /// Raises:
    ///     CalendarRangeError: ``date`` is outside 2014–2199.
    ///
    /// Example:
    ///     >>> tiepcan.WorkingCalendar().is_working_day(datetime.date(2025, 5, 2))  # swapped day off
    ///     False
    fn is_working_day(&self, py: Python<'_>, date: NaiveDate) -> PyResult<bool> {
        guard(py, || {
            self.cal()
                .is_working_day(date)
                .map_err(|e| calendar_error(py, e))
        })
    }

    /// The ``n``-th working day after ``date`` (``date`` itself is day 0 and
    /// never counted; Civil Code Art. 147).
    ///
    /// Args:
    ///     date: day 0.
    ///     n: number of working days, ``n >= 0``.
    ///
    /// Returns:
    ///     datetime.date: the due day.
    ///
    /// Raises:
    ///     CalendarRangeError: ``date`` or the result is outside 2014–2199.
    ///     ValueError: ``n`` is negative.
    ///
    /// Example:
    ///     >>> # LAW.md §5.8 worked example: Mon 2024-05-20 + 10 working days.
    ///     >>> tiepcan.WorkingCalendar().add_working_days(datetime.date(2024, 5, 20), 10)
    ///     datetime.date(2024, 6, 3)
    fn add_working_days(&self, py: Python<'_>, date: NaiveDate, n: i64) -> PyResult<NaiveDate> {
        let n = non_negative(n)?;
        guard(py, || {
            self.cal()
                .add_working_days(date, n)
                .map_err(|e| calendar_error(py, e))
        })
    }

    /// The first working day strictly after ``date``.
    ///
    /// Args:
    ///     date: the day.
    ///
    /// Returns:
    ///     datetime.date: the next working day.
    ///
    /// Raises:
    ///     CalendarRangeError: outside 2014–2199.
    ///
    /// Example:
    ///     >>> tiepcan.WorkingCalendar().next_working_day(datetime.date(2025, 1, 24))
    ///     datetime.date(2025, 2, 3)
    fn next_working_day(&self, py: Python<'_>, date: NaiveDate) -> PyResult<NaiveDate> {
        guard(py, || {
            self.cal()
                .next_working_day(date)
                .map_err(|e| calendar_error(py, e))
        })
    }

    /// ``date`` if it is a working day, else the next working day.
    ///
    /// Args:
    ///     date: the day.
    ///
    /// Returns:
    ///     datetime.date: ``date`` or the next working day.
    ///
    /// Raises:
    ///     CalendarRangeError: outside 2014–2199.
    ///
    /// Example:
    ///     >>> tiepcan.WorkingCalendar().roll_forward(datetime.date(2025, 1, 29))  # Tết
    ///     datetime.date(2025, 2, 3)
    fn roll_forward(&self, py: Python<'_>, date: NaiveDate) -> PyResult<NaiveDate> {
        guard(py, || {
            self.cal()
                .roll_forward(date)
                .map_err(|e| calendar_error(py, e))
        })
    }

    /// ``n`` calendar days after ``date``, rolled to the next working day
    /// when that day is not one (an unqualified "N ngày"; Civil Code Art. 148).
    ///
    /// Args:
    ///     date: day 0.
    ///     n: number of calendar days, ``n >= 0``.
    ///
    /// Returns:
    ///     datetime.date: the due day.
    ///
    /// Raises:
    ///     CalendarRangeError: outside 2014–2199.
    ///     ValueError: ``n`` is negative.
    ///
    /// Example:
    ///     >>> # LAW.md §5.8: Fri 2024-05-24 + 15 days is Sat 06-08, rolled to Mon 06-10.
    ///     >>> tiepcan.WorkingCalendar().add_calendar_days_rolled(datetime.date(2024, 5, 24), 15)
    ///     datetime.date(2024, 6, 10)
    fn add_calendar_days_rolled(
        &self,
        py: Python<'_>,
        date: NaiveDate,
        n: i64,
    ) -> PyResult<NaiveDate> {
        let n = non_negative(n)?;
        guard(py, || {
            self.cal()
                .add_calendar_days_rolled(date, n)
                .map_err(|e| calendar_error(py, e))
        })
    }

    /// Working days in the half-open interval (``from_``, ``to``]: positive
    /// when ``to`` is later, negative when earlier.
    ///
    /// Args:
    ///     from_: start, not counted.
    ///     to: end, counted.
    ///
    /// Returns:
    ///     int: number of working days.
    ///
    /// Raises:
    ///     CalendarRangeError: outside 2014–2199.
    ///
    /// Example:
    ///     >>> tiepcan.WorkingCalendar().working_days_between(datetime.date(2024, 5, 20), datetime.date(2024, 6, 3))
    ///     10
    fn working_days_between(
        &self,
        py: Python<'_>,
        from_: NaiveDate,
        to: NaiveDate,
    ) -> PyResult<i64> {
        guard(py, || {
            self.cal()
                .working_days_between(from_, to)
                .map_err(|e| calendar_error(py, e))
        })
    }

    /// The non-working days in (``from_``, ``to``], each with its reason.
    ///
    /// Args:
    ///     from_: start, not included.
    ///     to: end, included.
    ///
    /// Returns:
    ///     list[SkippedDay]: in date order.
    ///
    /// Raises:
    ///     CalendarRangeError: outside 2014–2199.
    ///
    /// Example:
    ///     >>> s = tiepcan.WorkingCalendar().explain(datetime.date(2025, 12, 31), datetime.date(2026, 1, 5))
    ///     >>> [d.date.day for d in s]
    ///     [1, 2, 3, 4]
    fn explain(
        &self,
        py: Python<'_>,
        from_: NaiveDate,
        to: NaiveDate,
    ) -> PyResult<Vec<PySkippedDay>> {
        let v = guard(py, || {
            self.cal()
                .explain(from_, to)
                .map_err(|e| calendar_error(py, e))
        })?;
        Ok(v.into_iter().map(PySkippedDay).collect())
    }

    /// Where the days off of ``year`` come from.
    ///
    /// Args:
    ///     year: Gregorian year.
    ///
    /// Returns:
    ///     str | None: ``"official"``, ``"override"``, ``"projected"``, or
    ///     ``None`` outside 2014–2199.
    ///
    /// Example:
    ///     >>> cal = tiepcan.WorkingCalendar()
    ///     >>> (cal.year_source(2025), cal.year_source(2030), cal.year_source(1999))
    ///     ('official', 'projected', None)
    fn year_source(&self, year: i32) -> Option<&'static str> {
        self.cal().year_source(year).map(|s| match s {
            cal::YearSource::Official => "official",
            cal::YearSource::Override => "override",
            cal::YearSource::Projected => "projected",
        })
    }

    /// Days off and make-up working days of ``year``, in date order.
    ///
    /// Args:
    ///     year: Gregorian year.
    ///
    /// Returns:
    ///     list[dict]: ``{"date", "kind", "name", "document"}`` with ``kind``
    ///     one of ``holiday``, ``observed``, ``swap_off``, ``makeup_workday``.
    ///
    /// Raises:
    ///     CalendarRangeError: outside 2014–2199.
    ///
    /// Example:
    ///     >>> [d["date"] for d in tiepcan.WorkingCalendar().year_days(2025) if d["kind"] == "makeup_workday"]
    ///     ['2025-04-26']
    fn year_days<'py>(&self, py: Python<'py>, year: i32) -> PyResult<Bound<'py, PyAny>> {
        let v = guard(py, || {
            self.cal()
                .year_days(year)
                .map_err(|e| calendar_error(py, e))
        })?;
        to_py(py, &v)
    }

    /// :meth:`add_working_days` for many dates in one call, with the GIL
    /// released while core counts. Give a list, a tuple or any sequence of
    /// ``datetime.date``, or a numpy ``datetime64`` array (any shape; NaT
    /// stays NaT); the result is of the same kind (a list for other
    /// sequences).
    ///
    /// Args:
    ///     dates: the days 0.
    ///     n: number of working days, ``n >= 0``.
    ///
    /// Returns:
    ///     list[datetime.date] | tuple | numpy.ndarray: the due days.
    ///
    /// Raises:
    ///     CalendarRangeError: a date or result is outside 2014–2199;
    ///         ``.index`` is its position (flat index for arrays).
    ///     TypeError: an item is not a date.
    ///     ValueError: ``n`` is negative.
    ///
    /// Example:
    ///     >>> tiepcan.WorkingCalendar().add_working_days_many([datetime.date(2025, 1, 24), datetime.date(2024, 5, 20)], 3)
    ///     [datetime.date(2025, 2, 5), datetime.date(2024, 5, 23)]
    fn add_working_days_many<'py>(
        &self,
        py: Python<'py>,
        dates: &Bound<'py, PyAny>,
        n: i64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let n = non_negative(n)?;
        let c = self.cal();
        map_batch(py, dates, |d| c.add_working_days(d, n))
    }

    /// :meth:`is_working_day` for many dates in one call (GIL released).
    /// Same argument kinds as :meth:`add_working_days_many`; a numpy array
    /// gives a ``bool`` array (NaT gives false).
    ///
    /// Args:
    ///     dates: the days.
    ///
    /// Returns:
    ///     list[bool] | tuple | numpy.ndarray: whether each is a working day.
    ///
    /// Raises:
    ///     CalendarRangeError: a date is outside 2014–2199 (``.index``).
    ///     TypeError: an item is not a date.
    ///
    /// Example:
    ///     >>> tiepcan.WorkingCalendar().is_working_day_many((datetime.date(2025, 4, 26), datetime.date(2025, 4, 27)))
    ///     (True, False)
    fn is_working_day_many<'py>(
        &self,
        py: Python<'py>,
        dates: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = self.cal();
        let r = map_batch(py, dates, |d| c.is_working_day(d))?;
        if is_numpy_array(&r) {
            // 0/1 int64 → bool; NaT (i64::MIN) → True would be wrong: map to 0 first.
            let np = py.import("numpy")?;
            let ok = np.call_method1("equal", (&r, 1))?;
            return Ok(ok);
        }
        Ok(r)
    }

    fn __repr__(&self) -> String {
        format!("<WorkingCalendar {}>", self.cal().version())
    }
}

/// A date in the Vietnamese lunar calendar (âm lịch), computed at UTC+7.
///
/// Example:
///     >>> d = tiepcan.lunar.to_lunar(datetime.date(2025, 1, 29))  # Tết
///     >>> (d.year, d.month, d.day, d.leap)
///     (2025, 1, 1, False)
#[pyclass(module = "tiepcan._tiepcan", name = "LunarDate", frozen, eq, ord, hash)]
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PyLunarDate(pub LunarDate);

#[pymethods]
impl PyLunarDate {
    /// Lunar year (the Gregorian year in which its Tết falls), 1900–2199.
    #[getter]
    fn year(&self) -> i32 {
        self.0.year
    }

    /// Month 1–12 (1 = tháng Giêng, 12 = tháng Chạp).
    #[getter]
    fn month(&self) -> u8 {
        self.0.month
    }

    /// Day of the month, 1–30.
    #[getter]
    fn day(&self) -> u8 {
        self.0.day
    }

    /// Whether the month is the leap month (tháng nhuận).
    #[getter]
    fn leap(&self) -> bool {
        self.0.leap
    }

    fn __str__(&self) -> String {
        format!(
            "{}/{}{}/{}",
            self.0.day,
            self.0.month,
            if self.0.leap { " nhuận" } else { "" },
            self.0.year
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "LunarDate(year={}, month={}, day={}, leap={})",
            self.0.year,
            self.0.month,
            self.0.day,
            if self.0.leap { "True" } else { "False" }
        )
    }
}

/// The Gregorian date of a lunar date.
///
/// Args:
///     year: lunar year, 1900–2199.
///     month: lunar month 1–12.
///     day: lunar day 1–30.
///     leap: the leap month (tháng nhuận) of that number.
///
/// Returns:
///     datetime.date: the civil date in Vietnam.
///
/// Raises:
///     CalendarRangeError: year outside 1900–2199.
///     InvalidDateError: no such lunar date (day 30 of a 29-day month, a
///         leap flag on a month that is not leap that year).
///
/// Example:
///     >>> tiepcan.lunar.to_solar(2026, 3, 10)  # Hùng Kings day 2026
///     datetime.date(2026, 4, 26)
#[pyfunction]
#[pyo3(signature = (year, month, day, leap = false))]
pub fn lunar_to_solar(
    py: Python<'_>,
    year: i32,
    month: u8,
    day: u8,
    leap: bool,
) -> PyResult<NaiveDate> {
    guard(py, || {
        cal::lunar_to_solar(LunarDate::new(year, month, day, leap))
            .map_err(|e| calendar_error(py, e))
    })
}

/// The lunar date of a Gregorian date.
///
/// Args:
///     date: the civil date in Vietnam.
///
/// Returns:
///     LunarDate: year, month, day and leap flag.
///
/// Raises:
///     CalendarRangeError: outside the lunar years 1900–2199.
///
/// Example:
///     >>> str(tiepcan.lunar.to_lunar(datetime.date(2026, 4, 26)))
///     '10/3/2026'
#[pyfunction]
pub fn solar_to_lunar(py: Python<'_>, date: NaiveDate) -> PyResult<PyLunarDate> {
    guard(py, || {
        cal::solar_to_lunar(date)
            .map(PyLunarDate)
            .map_err(|e| calendar_error(py, e))
    })
}

/// Tết: lunar 1/1 of ``year`` as a Gregorian date.
///
/// Args:
///     year: lunar year, 1900–2199.
///
/// Returns:
///     datetime.date: the day of Tết.
///
/// Raises:
///     CalendarRangeError: outside 1900–2199.
///
/// Example:
///     >>> tiepcan.lunar.new_year(2030)
///     datetime.date(2030, 2, 2)
#[pyfunction]
pub fn lunar_new_year(py: Python<'_>, year: i32) -> PyResult<NaiveDate> {
    guard(py, || {
        cal::lunar_new_year(year).map_err(|e| calendar_error(py, e))
    })
}

/// Giỗ Tổ Hùng Vương: lunar 10/3 of ``year`` as a Gregorian date.
///
/// Args:
///     year: lunar year, 1900–2199.
///
/// Returns:
///     datetime.date: the Hùng Kings commemoration day.
///
/// Raises:
///     CalendarRangeError: outside 1900–2199.
///
/// Example:
///     >>> tiepcan.lunar.hung_kings_day(2025)
///     datetime.date(2025, 4, 7)
#[pyfunction]
pub fn hung_kings_day(py: Python<'_>, year: i32) -> PyResult<NaiveDate> {
    guard(py, || {
        cal::hung_kings_day(year).map_err(|e| calendar_error(py, e))
    })
}

/// The leap month (tháng nhuận) of a lunar year, if it has one.
///
/// Args:
///     year: lunar year, 1900–2199.
///
/// Returns:
///     int | None: the number of the month that is repeated, or ``None``.
///
/// Raises:
///     CalendarRangeError: outside 1900–2199.
///
/// Example:
///     >>> (tiepcan.lunar.leap_month(2025), tiepcan.lunar.leap_month(2024))
///     (6, None)
#[pyfunction]
pub fn leap_month(py: Python<'_>, year: i32) -> PyResult<Option<u8>> {
    guard(py, || {
        cal::leap_month(year).map_err(|e| calendar_error(py, e))
    })
}
