//! Core errors → Python exceptions, variant by variant (the polars way).
//!
//! The exception classes live in `tiepcan/exceptions.py` (they need
//! multiple inheritance: `ParseError(TiepcanError, ValueError)`), so they are
//! looked up by name when an error is raised. I/O errors become Python's own
//! `OSError` subclasses (`FileNotFoundError`, `PermissionError`, …) with the
//! file name set. A panic in core becomes `InternalError`, never a
//! `PanicException`.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::{PyOSError, PyRuntimeError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use pyo3::BoundObject;

/// Extra attributes set on the exception (`row`, `column`, `file`, …).
pub type Attrs<'py> = Vec<(&'static str, Bound<'py, PyAny>)>;

/// Build an instance of `tiepcan.exceptions.<class>` with `message`, a
/// stable snake_case `code` and keyword attributes.
pub fn raise(py: Python<'_>, class: &str, code: &str, message: String, attrs: Attrs<'_>) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let cls = py.import("tiepcan.exceptions")?.getattr(class)?;
        let kw = PyDict::new(py);
        kw.set_item("code", code)?;
        for (k, v) in attrs {
            kw.set_item(k, v)?;
        }
        let inst = cls.call((message.clone(),), Some(&kw))?;
        Ok(PyErr::from_value(inst))
    };
    match build() {
        Ok(e) => e,
        // The package is broken (exceptions module missing): still a clean error.
        Err(e) => {
            PyRuntimeError::new_err(format!("{message} (and tiepcan.exceptions failed: {e})"))
        }
    }
}

/// Shorthand for an attribute value.
pub fn a<'py, T: IntoPyObject<'py>>(py: Python<'py>, v: T) -> Bound<'py, PyAny> {
    match v.into_pyobject(py) {
        Ok(o) => o.into_any().into_bound(),
        Err(_) => py.None().into_bound(py),
    }
}

/// `ParseError` for a text value that cannot be read.
pub fn parse_error(py: Python<'_>, code: &str, message: String, value: &str) -> PyErr {
    raise(
        py,
        "ParseError",
        code,
        message,
        vec![("value", a(py, value))],
    )
}

/// `tiepcan::model::DateError`.
pub fn date_error(py: Python<'_>, e: tiepcan::model::DateError) -> PyErr {
    use tiepcan::model::DateError;
    match &e {
        DateError::Impossible { input, .. } => {
            parse_error(py, "impossible_date", e.to_string(), input)
        }
        DateError::Unrecognised { input } => {
            parse_error(py, "unrecognised_date", e.to_string(), input)
        }
    }
}

/// `tiepcan::law::PointLetterError`.
pub fn point_error(py: Python<'_>, e: tiepcan::law::PointLetterError) -> PyErr {
    parse_error(py, "point_letter", e.to_string(), &e.input)
}

/// `tiepcan::law::ChannelError`.
pub fn channel_error(py: Python<'_>, e: tiepcan::law::ChannelError) -> PyErr {
    parse_error(py, "unknown_channel", e.to_string(), &e.0)
}

/// A `serde_json` error while reading JSON text: `ParseError` with line and
/// column (1-based) of the JSON text.
pub fn json_error(py: Python<'_>, e: serde_json::Error, file: Option<&str>) -> PyErr {
    use serde_json::error::Category;
    let code = match e.classify() {
        Category::Io => "json_io",
        Category::Syntax => "json_syntax",
        Category::Data => "json_data",
        Category::Eof => "json_eof",
    };
    let mut attrs = vec![("line", a(py, e.line())), ("column", a(py, e.column()))];
    if let Some(f) = file {
        attrs.push(("file", a(py, f)));
    }
    raise(
        py,
        "ParseError",
        code,
        format!("invalid catalog JSON: {e}"),
        attrs,
    )
}

/// An I/O error on `path`: Python's own `OSError` subclass
/// (`FileNotFoundError`, `PermissionError`, `IsADirectoryError`, …), chosen by
/// Python from the errno, with `filename` set.
pub fn io_error(e: &std::io::Error, path: &str) -> PyErr {
    let errno = e.raw_os_error().unwrap_or_else(|| match e.kind() {
        std::io::ErrorKind::NotFound => 2,
        std::io::ErrorKind::PermissionDenied => 13,
        _ => 5,
    });
    let msg = match e.raw_os_error() {
        Some(_) => {
            let s = e.to_string();
            // "No such file or directory (os error 2)" → Python's own wording.
            match s.rfind(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
        None => e.to_string(),
    };
    PyOSError::new_err((errno, msg, path.to_string()))
}

/// Run a core call, turning a panic into `tiepcan.InternalError` (a
/// `TiepcanError`), never a `PanicException`.
pub fn guard<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(p) => Err(panic_error(py, p)),
    }
}

/// The `InternalError` for a caught panic payload.
pub fn panic_error(py: Python<'_>, p: Box<dyn std::any::Any + Send>) -> PyErr {
    let what = if let Some(s) = p.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    };
    raise(
        py,
        "InternalError",
        "panic",
        format!("internal error in tiepcan core (please report it): {what}"),
        vec![],
    )
}

/// Run `f` with the GIL released, catching panics; `f` returns a plain
/// Result whose error is turned into a Python exception afterwards.
pub fn detached<T: Send, E: Send>(
    py: Python<'_>,
    f: impl FnOnce() -> Result<T, E> + Send,
    map: impl FnOnce(Python<'_>, E) -> PyErr,
) -> PyResult<T> {
    let r = py.detach(|| catch_unwind(AssertUnwindSafe(f)));
    match r {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(map(py, e)),
        Err(p) => Err(panic_error(py, p)),
    }
}

/// `tiepcan::calendar::CalendarError`, variant by variant.
pub fn calendar_error(py: Python<'_>, e: tiepcan::calendar::CalendarError) -> PyErr {
    use tiepcan::calendar::CalendarError as E;
    let msg = e.to_string();
    match e {
        E::LunarYearOutOfRange { year } => raise(
            py,
            "CalendarRangeError",
            "lunar_year_out_of_range",
            msg,
            vec![("year", a(py, year))],
        ),
        E::NoSuchLunarDate { date } => raise(
            py,
            "InvalidDateError",
            "no_such_lunar_date",
            msg,
            vec![
                ("year", a(py, date.year)),
                ("month", a(py, date.month)),
                ("day", a(py, date.day)),
                ("leap", a(py, date.leap)),
            ],
        ),
        E::DateOutOfRange { date } => raise(
            py,
            "CalendarRangeError",
            "date_out_of_range",
            msg,
            vec![("date", a(py, date))],
        ),
        E::BadOfficialData { file, line, .. } => raise(
            py,
            "CalendarDataError",
            "bad_official_data",
            msg,
            vec![("file", a(py, file)), ("line", a(py, line))],
        ),
        _ => raise(py, "TiepcanError", "calendar", msg, vec![]),
    }
}

/// `tiepcan::deadline::DeadlineError`, variant by variant.
pub fn deadline_error(py: Python<'_>, e: tiepcan::deadline::DeadlineError) -> PyErr {
    use tiepcan::deadline::DeadlineError as E;
    let msg = e.to_string();
    match e {
        E::Calendar(c) => calendar_error(py, c),
        E::NoRegime { date } => raise(
            py,
            "DeadlineError",
            "no_regime",
            msg,
            vec![("date", a(py, date))],
        ),
        E::RegimeUnknown {
            regime,
            date,
            rule,
            status,
        } => raise(
            py,
            "DeadlineError",
            "regime_unknown",
            msg,
            vec![
                ("regime", a(py, regime.code())),
                ("date", a(py, date)),
                ("rule", a(py, rule)),
                ("status", a(py, status)),
            ],
        ),
        E::NoRule { kind, .. } => raise(
            py,
            "DeadlineError",
            "no_rule",
            msg,
            vec![("kind", a(py, kind.code()))],
        ),
        E::BadRuleFile { file, line, .. } => raise(
            py,
            "ParseError",
            "bad_rule_file",
            msg,
            vec![("file", a(py, file)), ("line", a(py, line))],
        ),
        E::BadReceived { input } => parse_error(py, "bad_received", msg, &input),
        _ => raise(py, "TiepcanError", "deadline", msg, vec![]),
    }
}

/// `tiepcan::io::ReadError`, variant by variant: I/O errors become Python's
/// own `OSError` subclasses; everything else a `ParseError`.
pub fn read_error(py: Python<'_>, e: tiepcan::io::ReadError) -> PyErr {
    use tiepcan::io::ReadError as E;
    let msg = e.to_string();
    // Core's own diagnostic for an unreadable file (R-READ-FILE /
    // R-READ-LIMIT), for reports that list unreadable files beside the others.
    let diag = crate::validate::PyDiagnostic(e.to_diagnostic(None));
    let err = match e {
        E::Io { path, source } => io_error(&source, &path.display().to_string()),
        E::Unreadable {
            line,
            column,
            pointer,
            ..
        } => raise(
            py,
            "ParseError",
            "unreadable",
            msg,
            vec![
                ("line", a(py, line)),
                ("column", a(py, column)),
                ("pointer", a(py, pointer)),
            ],
        ),
        E::TooLarge { row, .. } => raise(
            py,
            "ParseError",
            "too_large",
            msg,
            vec![("row", a(py, row))],
        ),
        E::UnsupportedFormat(_) => raise(py, "ParseError", "unsupported_format", msg, vec![]),
    };
    if let Ok(d) = Py::new(py, diag) {
        let _ = err.value(py).setattr("diagnostic", d);
    }
    err
}
