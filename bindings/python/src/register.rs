//! `tiepcan::register`: the request register (sổ theo dõi).

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::PyList;

use tiepcan::deadline::{Clock, RuleTable};
use tiepcan::register::io::{self as rio, Format, Loaded, RegisterIoError};
use tiepcan::register::{check_register, stats, Register, RegisterCheck, RequestStatus};
use tiepcan::validate::Diagnostic;

use crate::calendar::{calendar_or_official, PyWorkingCalendar};
use crate::convert::to_py;
use crate::errors::{a, detached, io_error, raise};
use crate::model::bytes_of;
use crate::validate::{PyDiagnostic, PyReport};

/// `RegisterIoError`, variant by variant: a `ParseError` with the file and,
/// where known, the line and column.
fn register_error(py: Python<'_>, e: RegisterIoError) -> PyErr {
    let msg = e.to_string();
    match e {
        RegisterIoError::Csv { file, source } => {
            let line = source.position().map(|p| p.line());
            raise(
                py,
                "ParseError",
                "register_csv",
                msg,
                vec![("file", a(py, file)), ("line", a(py, line))],
            )
        }
        RegisterIoError::Xlsx { file, .. } => raise(
            py,
            "ParseError",
            "register_xlsx",
            msg,
            vec![("file", a(py, file))],
        ),
        RegisterIoError::Json {
            file, line, column, ..
        } => raise(
            py,
            "ParseError",
            "register_json",
            msg,
            vec![
                ("file", a(py, file)),
                ("line", a(py, line)),
                ("column", a(py, column)),
            ],
        ),
        RegisterIoError::Xml { file, error } => raise(
            py,
            "ParseError",
            "register_xml",
            msg,
            vec![
                ("file", a(py, file)),
                ("line", a(py, error.line)),
                ("column", a(py, error.col)),
            ],
        ),
        RegisterIoError::NoHeader { file, .. } => raise(
            py,
            "ParseError",
            "register_no_header",
            msg,
            vec![("file", a(py, file)), ("row", a(py, None::<usize>))],
        ),
        RegisterIoError::Write(e) => io_error(&e, ""),
    }
}

/// The status of one request at a given ``today``, computed from its dated
/// events (kept apart from the state an officer recorded).
///
/// Example:
///     >>> reg = tiepcan.read_register("Số thứ tự,Ngày tiếp nhận,Cách thức yêu cầu,Ngày yêu cầu hợp lệ\n1,20/05/2024,điện tử,20/05/2024\n".encode(), format="csv")
///     >>> s = reg.status(today=datetime.date(2024, 5, 21)).statuses[0]
///     >>> (s.id, s.state, s.due, s.status)
///     ('1', 'in_progress', datetime.date(2024, 5, 23), 'waiting')
#[pyclass(module = "tiepcan._tiepcan", name = "RequestStatus", frozen)]
pub struct PyRequestStatus(RequestStatus);

#[pymethods]
impl PyRequestStatus {
    /// The request id as written in the register.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    /// State derived from the events dated up to ``today`` (code).
    #[getter]
    fn state(&self) -> &'static str {
        self.0.state.code()
    }

    /// State recorded by a person (code), or ``None``.
    #[getter]
    fn recorded_state(&self) -> Option<&'static str> {
        self.0.recorded_state.map(|s| s.code())
    }

    /// Base due date (before any extension), or ``None`` when no clock runs.
    #[getter]
    fn base_due(&self) -> Option<NaiveDate> {
        self.0.base_due
    }

    /// Due date of the written notice of the time limit, where the channel has one.
    #[getter]
    fn notice_due(&self) -> Option<NaiveDate> {
        self.0.notice_due
    }

    /// Due date in force (with a valid extension), or ``None``.
    #[getter]
    fn due(&self) -> Option<NaiveDate> {
        self.0.due
    }

    /// Status code: ``no_clock``, ``waiting``, ``due_today``, ``overdue``,
    /// ``answered_on_time``, ``answered_late``, ``withdrawn`` ….
    #[getter]
    fn status(&self) -> &'static str {
        self.0.status.code()
    }

    /// The JSON shape as a dict (the status with its working-day counts).
    ///
    /// Returns:
    ///     dict: ``id``, ``state``, dates, and ``status`` with its details.
    ///
    /// Example:
    ///     >>> reg = tiepcan.read_register("Số thứ tự,Ngày tiếp nhận,Cách thức yêu cầu,Ngày yêu cầu hợp lệ\n1,20/05/2024,điện tử,20/05/2024\n".encode(), format="csv")
    ///     >>> reg.status(today=datetime.date(2024, 5, 21)).statuses[0].to_dict()["status"]
    ///     {'status': 'waiting', 'due': '2024-05-23', 'working_days_left': 2}
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "<RequestStatus {} {} {}>",
            self.0.id,
            self.0.state.code(),
            self.0.status.code()
        )
    }
}

/// The register checked at ``today``: one status per request and every
/// finding (the reader's first, then the register rules').
///
/// Example:
///     >>> reg = tiepcan.read_register("Số thứ tự,Ngày tiếp nhận,Cách thức yêu cầu,Ngày yêu cầu hợp lệ\n1,20/05/2024,điện tử,20/05/2024\n".encode(), format="csv")
///     >>> [s.id for s in reg.status(today=datetime.date(2024, 6, 3)).due_within(5)]
///     ['1']
#[pyclass(module = "tiepcan._tiepcan", name = "RegisterCheck", frozen)]
pub struct PyRegisterCheck(RegisterCheck);

#[pymethods]
impl PyRegisterCheck {
    /// The date the statuses were computed at.
    #[getter]
    fn today(&self) -> NaiveDate {
        self.0.today
    }

    /// One status per request, in register order.
    #[getter]
    fn statuses(&self) -> Vec<PyRequestStatus> {
        self.0
            .statuses
            .iter()
            .cloned()
            .map(PyRequestStatus)
            .collect()
    }

    /// Findings: unreadable rows and cells, illegal transitions, incomplete
    /// slips that started a clock, refusals without a valid ground, late
    /// extension notices, overdue and late answers.
    #[getter]
    fn report(&self) -> PyReport {
        PyReport(self.0.report.clone())
    }

    /// Open requests due within ``working_days`` working days of ``today``
    /// (due today included), or overdue.
    ///
    /// Args:
    ///     working_days: how far ahead, in working days.
    ///
    /// Returns:
    ///     list[RequestStatus]: in register order.
    ///
    /// Example:
    ///     >>> reg = tiepcan.read_register("Số thứ tự,Ngày tiếp nhận,Cách thức yêu cầu,Ngày yêu cầu hợp lệ\n1,20/05/2024,điện tử,20/05/2024\n".encode(), format="csv")
    ///     >>> reg.status(today=datetime.date(2024, 5, 20)).due_within(1)
    ///     []
    fn due_within(&self, working_days: i64) -> Vec<PyRequestStatus> {
        self.0
            .due_within(working_days)
            .cloned()
            .map(PyRequestStatus)
            .collect()
    }

    /// The JSON shape as a dict (as ``tiepcan register check --format json``).
    ///
    /// Returns:
    ///     dict: ``today``, ``statuses``, ``report``.
    ///
    /// Example:
    ///     >>> reg = tiepcan.read_register("Số thứ tự,Ngày tiếp nhận,Cách thức yêu cầu,Ngày yêu cầu hợp lệ\n1,20/05/2024,điện tử,20/05/2024\n".encode(), format="csv")
    ///     >>> sorted(reg.status(today=datetime.date(2024, 5, 21)).to_dict())
    ///     ['report', 'statuses', 'today']
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }
}

/// Sổ theo dõi cung cấp thông tin theo yêu cầu — a request register (Law
/// 104/2016/QH13, Art. 26(1); Decree 13/2018/NĐ-CP, Art. 10(1)): the
/// providing agency and its requests, each a life of dated events. Read one
/// with ``tiepcan.read_register``.
///
/// Example:
///     >>> reg = tiepcan.read_register("Số thứ tự,Ngày tiếp nhận,Cách thức yêu cầu,Ngày yêu cầu hợp lệ,Ngày cung cấp\n1,20/05/2024,trực tiếp,20/05/2024,20/05/2024\n".encode(), format="csv")
///     >>> (len(reg), reg.requests[0]["channel"])
///     (1, 'in_person')
#[pyclass(module = "tiepcan._tiepcan", name = "Register", frozen)]
pub struct PyRegister {
    register: Register,
    read: Vec<Diagnostic>,
    file: Option<String>,
}

#[pymethods]
impl PyRegister {
    /// The agency keeping the register, as a dict, or ``None``.
    #[getter]
    fn agency<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.register.agency)
    }

    /// The requests as dicts in tiepcan's JSON shape, in register order.
    #[getter]
    fn requests<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        Ok(to_py(py, &self.register.requests)?.cast_into::<PyList>()?)
    }

    /// The file the register was read from, or ``None``.
    #[getter]
    fn file(&self) -> Option<&str> {
        self.file.as_deref()
    }

    /// The reader's findings: rows and cells it could not use, unknown headers.
    #[getter]
    fn read_diagnostics(&self) -> Vec<PyDiagnostic> {
        self.read.iter().cloned().map(PyDiagnostic).collect()
    }

    /// Status of every request at ``today`` (never the host clock) and the
    /// register's findings, as ``tiepcan register check`` gives them. Due
    /// dates are in working days on the working calendar (GIL released).
    ///
    /// Args:
    ///     today: the civil date in Vietnam.
    ///     calendar: working calendar (default: the built-in official one).
    ///
    /// Returns:
    ///     RegisterCheck: statuses and report.
    ///
    /// Example:
    ///     >>> reg = tiepcan.read_register("Số thứ tự,Ngày tiếp nhận,Cách thức yêu cầu,Ngày yêu cầu hợp lệ\n1,20/05/2024,điện tử,20/05/2024\n".encode(), format="csv")
    ///     >>> reg.status(today=datetime.date(2024, 5, 27)).statuses[0].status
    ///     'overdue'
    #[pyo3(signature = (today, calendar = None))]
    fn status(
        &self,
        py: Python<'_>,
        today: NaiveDate,
        calendar: Option<Bound<'_, PyWorkingCalendar>>,
    ) -> PyResult<PyRegisterCheck> {
        let cal = calendar_or_official(py, calendar.as_ref().map(|c| c.get()))?;
        let name = self.file.clone();
        let check = detached(
            py,
            || {
                let rules = RuleTable::builtin();
                let clock = Clock::new(cal, &rules);
                let mut check = check_register(&self.register, &clock, today);
                let mut all = self.read.clone();
                all.extend(check.report.diagnostics.drain(..).map(|d| match &name {
                    Some(n) if d.location.file.is_none() => d.in_file(n),
                    _ => d,
                }));
                check.report.diagnostics = all;
                Ok::<_, std::convert::Infallible>(check)
            },
            |_, e| match e {},
        )?;
        Ok(PyRegisterCheck(check))
    }

    /// The report numbers for requests received in ``from_``..``to``
    /// (inclusive): counts by state and channel, refusals by ground (Art.
    /// 28(1) points), extensions, timeliness, median working days to
    /// answer, costs collected, complaints and correction claims.
    ///
    /// Args:
    ///     from_: first day of the period.
    ///     to: last day of the period.
    ///     calendar: working calendar (default: the built-in official one).
    ///
    /// Returns:
    ///     dict: the statistics in their JSON shape (as ``tiepcan register
    ///     stats --format json``).
    ///
    /// Raises:
    ///     ValueError: ``from_`` is after ``to``.
    ///
    /// Example:
    ///     >>> reg = tiepcan.read_register("Số thứ tự,Ngày tiếp nhận,Cách thức yêu cầu,Ngày yêu cầu hợp lệ,Ngày cung cấp\n1,20/05/2024,trực tiếp,20/05/2024,20/05/2024\n".encode(), format="csv")
    ///     >>> reg.stats(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))["received"]
    ///     1
    #[pyo3(signature = (from_, to, calendar = None))]
    fn stats<'py>(
        &self,
        py: Python<'py>,
        from_: NaiveDate,
        to: NaiveDate,
        calendar: Option<Bound<'_, PyWorkingCalendar>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        if from_ > to {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "from_ {from_} is after to {to}"
            )));
        }
        let cal = calendar_or_official(py, calendar.as_ref().map(|c| c.get()))?;
        let s = detached(
            py,
            || {
                let rules = RuleTable::builtin();
                let clock = Clock::new(cal, &rules);
                Ok::<_, std::convert::Infallible>(stats(&self.register, &clock, from_, to))
            },
            |_, e| match e {},
        )?;
        to_py(py, &s)
    }

    /// The register as tiepcan's JSON text.
    ///
    /// Returns:
    ///     str: pretty-printed JSON.
    ///
    /// Example:
    ///     >>> reg = tiepcan.read_register('{"requests": []}'.encode(), format="json")
    ///     >>> tiepcan.read_register(reg.to_json().encode(), format="json").requests
    ///     []
    fn to_json(&self) -> String {
        rio::write_json(&self.register)
    }

    fn __len__(&self) -> usize {
        self.register.requests.len()
    }

    fn __repr__(&self) -> String {
        format!("<Register: {} requests>", self.register.requests.len())
    }
}

fn register_format(py: Python<'_>, f: &str) -> PyResult<Format> {
    match f.trim().to_ascii_lowercase().as_str() {
        "csv" => Ok(Format::Csv),
        "xlsx" | "xlsm" => Ok(Format::Xlsx),
        "json" => Ok(Format::Json),
        "xml" => Ok(Format::Xml),
        _ => Err(raise(
            py,
            "ParseError",
            "unknown_format",
            format!("unknown register format {f:?}: expected csv, xlsx, json or xml"),
            vec![("value", a(py, f))],
        )),
    }
}

fn read_bytes(bytes: &[u8], format: Format, name: &str) -> Result<Loaded, RegisterIoError> {
    match format {
        Format::Csv => rio::read_csv(bytes, name),
        Format::Xlsx => rio::read_xlsx(std::io::Cursor::new(bytes), name),
        Format::Json => {
            let text = String::from_utf8_lossy(bytes);
            rio::read_json(&text, name)
        }
        Format::Xml => rio::read_bytes(bytes, Format::Xml, name),
    }
}

/// Read a request register (sổ theo dõi) from a CSV, XLSX, JSON or XML file, or
/// from bytes. Columns have Vietnamese headers (``Số thứ tự``, ``Ngày tiếp
/// nhận``, ``Cách thức yêu cầu``, ``Ngày yêu cầu hợp lệ``, ``Ngày cung
/// cấp`` …); every row or cell the reader cannot use is kept in
/// :attr:`Register.read_diagnostics` with its row.
///
/// Args:
///     source: a path (``str`` or ``os.PathLike``) or the content (``bytes``).
///     format: ``"csv"``, ``"xlsx"``, ``"json"`` or ``"xml"``; default from the file
///         extension (required for bytes).
///
/// Returns:
///     Register: the register.
///
/// Raises:
///     FileNotFoundError: the file does not exist (``PermissionError`` …
///         likewise).
///     ParseError: malformed CSV, XLSX, JSON or XML (``.line``, ``.column``
///         where known), no header row, or an unknown format.
///
/// Example:
///     >>> len(tiepcan.read_register('{"requests": []}'.encode(), format="json"))
///     0
#[pyfunction]
#[pyo3(signature = (source, *, format = None))]
pub fn read_register(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    format: Option<&str>,
) -> PyResult<PyRegister> {
    let format = format.map(|f| register_format(py, f)).transpose()?;
    let (bytes, name, file) = match bytes_of(source)? {
        Some(b) => (b, "<bytes>".to_string(), None),
        None => {
            let path: std::path::PathBuf = source.extract().map_err(|_| {
                pyo3::exceptions::PyTypeError::new_err(
                    "source must be a path (str or os.PathLike) or bytes",
                )
            })?;
            let name = path.display().to_string();
            let bytes = std::fs::read(&path).map_err(|e| io_error(&e, &name))?;
            (bytes, name.clone(), Some(name))
        }
    };
    let format = match format.or_else(|| Format::from_path(&name)) {
        Some(f) => f,
        None => {
            return Err(raise(
                py,
                "ParseError",
                "unknown_format",
                format!(
                "{name}: unknown register format (expected .csv, .xlsx, .json or .xml, or format=)"
            ),
                vec![("file", a(py, name.clone()))],
            ))
        }
    };
    let loaded = detached(py, || read_bytes(&bytes, format, &name), register_error)?;
    Ok(PyRegister {
        register: loaded.register,
        read: loaded.diagnostics,
        file,
    })
}
