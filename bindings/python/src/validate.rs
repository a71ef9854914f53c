//! `tiepcan::validate`: diagnostics and reports.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use tiepcan::validate::{Diagnostic, Report, Severity};

use crate::convert::to_py;
use crate::errors::raise;
use crate::law::PyCitation;

/// A finding: stable rule id, severity, location, offending value, message
/// in Vietnamese and English, and its legal basis.
///
/// Example:
///     >>> d = tiepcan.Report.from_json('{"diagnostics": [{"rule": "R-CAT-LINK",'
///     ...     ' "severity": "error", "location": {"row": 4, "column": "Đường dẫn"},'
///     ...     ' "value": null, "message": {"vi": "Thiếu đường dẫn", "en": "No link"},'
///     ...     ' "citation": null}]}').diagnostics[0]
///     >>> (d.rule, d.row, d.column, d.message_en)
///     ('R-CAT-LINK', 4, 'Đường dẫn', 'No link')
#[pyclass(module = "tiepcan._tiepcan", name = "Diagnostic", frozen)]
pub struct PyDiagnostic(pub Diagnostic);

#[pymethods]
impl PyDiagnostic {
    /// Stable rule id, e.g. ``"R-CAT-FIELDS"``.
    #[getter]
    fn rule(&self) -> &str {
        &self.0.rule
    }

    /// ``"error"``, ``"warning"`` or ``"info"``.
    #[getter]
    fn severity(&self) -> String {
        self.0.severity.to_string()
    }

    /// File the finding is in, or ``None``.
    #[getter]
    fn file(&self) -> Option<&str> {
        self.0.location.file.as_deref()
    }

    /// 1-based row as a spreadsheet numbers it (header row included), or ``None``.
    #[getter]
    fn row(&self) -> Option<usize> {
        self.0.location.row
    }

    /// Column header as written in the file (or the field name), or ``None``.
    #[getter]
    fn column(&self) -> Option<&str> {
        self.0.location.column.as_deref()
    }

    /// JSON pointer (``/items/3/title``), or ``None``.
    #[getter]
    fn pointer(&self) -> Option<&str> {
        self.0.location.pointer.as_deref()
    }

    /// 1-based line in a text file, or ``None``.
    #[getter]
    fn line(&self) -> Option<usize> {
        self.0.location.line
    }

    /// The location as readable text (``"row 4, column \"Đường dẫn\""``).
    #[getter]
    fn location(&self) -> String {
        self.0.location.to_string()
    }

    /// The offending input as written, or ``None``.
    #[getter]
    fn value(&self) -> Option<&str> {
        self.0.value.as_deref()
    }

    /// The message in Vietnamese.
    #[getter]
    fn message_vi(&self) -> &str {
        &self.0.message.vi
    }

    /// The message in English.
    #[getter]
    fn message_en(&self) -> &str {
        &self.0.message.en
    }

    /// Legal basis, or ``None`` for findings about the file itself.
    #[getter]
    fn citation(&self) -> Option<PyCitation> {
        self.0.citation.map(PyCitation)
    }

    /// The JSON shape of the finding as a dict.
    ///
    /// Returns:
    ///     dict: ``{"rule", "severity", "location", "value", "message", "citation"}``.
    ///
    /// Example:
    ///     >>> r = tiepcan.Report.from_json('{"diagnostics": [{"rule": "R-CAT-LINK",'
    ///     ...     ' "severity": "error", "location": {"row": 4}, "value": null,'
    ///     ...     ' "message": {"vi": "x", "en": "y"}, "citation": null}]}')
    ///     >>> r.diagnostics[0].to_dict()["location"]["row"]
    ///     4
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("<Diagnostic {}>", self.0)
    }
}

/// All findings for one input, in the order found.
///
/// ``len(report)`` is the number of findings and ``bool(report)`` is true
/// when there is at least one; :meth:`has_errors` tells whether any is an
/// error. ``str(report)`` is a readable summary.
///
/// Example:
///     >>> r = tiepcan.Report.from_json('{"diagnostics": []}')
///     >>> (len(r), bool(r), r.has_errors(), str(r))
///     (0, False, False, 'no findings')
#[pyclass(module = "tiepcan._tiepcan", name = "Report", frozen)]
pub struct PyReport(pub Report);

fn of(r: &Report, s: Option<Severity>) -> Vec<PyDiagnostic> {
    r.diagnostics
        .iter()
        .filter(|d| s.is_none_or(|s| d.severity == s))
        .cloned()
        .map(PyDiagnostic)
        .collect()
}

#[pymethods]
impl PyReport {
    /// Load a report from its JSON shape (``{"diagnostics": [...]}``), as
    /// :meth:`to_json` writes it and ``tiepcan check --format json`` prints it.
    ///
    /// Args:
    ///     text: the JSON text.
    ///
    /// Returns:
    ///     Report: the report.
    ///
    /// Raises:
    ///     ParseError: not a report's JSON; ``.line``/``.column`` point into it.
    ///
    /// Example:
    ///     >>> len(tiepcan.Report.from_json('{"diagnostics": []}'))
    ///     0
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        serde_json::from_str(text)
            .map(PyReport)
            .map_err(|e| crate::errors::json_error(py, e, None))
    }

    /// The findings, in the order found.
    #[getter]
    fn diagnostics(&self) -> Vec<PyDiagnostic> {
        of(&self.0, None)
    }

    /// The findings of severity ``error``.
    ///
    /// Returns:
    ///     list[Diagnostic]: in the order found.
    ///
    /// Example:
    ///     >>> tiepcan.Report.from_json('{"diagnostics": []}').errors()
    ///     []
    fn errors(&self) -> Vec<PyDiagnostic> {
        of(&self.0, Some(Severity::Error))
    }

    /// The findings of severity ``warning``.
    ///
    /// Returns:
    ///     list[Diagnostic]: in the order found.
    ///
    /// Example:
    ///     >>> tiepcan.Report.from_json('{"diagnostics": []}').warnings()
    ///     []
    fn warnings(&self) -> Vec<PyDiagnostic> {
        of(&self.0, Some(Severity::Warning))
    }

    /// Whether any finding has severity ``error``.
    ///
    /// Returns:
    ///     bool: true when there is an error.
    ///
    /// Example:
    ///     >>> tiepcan.Report.from_json('{"diagnostics": []}').has_errors()
    ///     False
    fn has_errors(&self) -> bool {
        self.0.has_errors()
    }

    /// Counts by severity.
    ///
    /// Returns:
    ///     dict[str, int]: ``{"errors": e, "warnings": w, "infos": i}``.
    ///
    /// Example:
    ///     >>> tiepcan.Report.from_json('{"diagnostics": []}').summary()
    ///     {'errors': 0, 'warnings': 0, 'infos': 0}
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let s = self.0.summary();
        let d = PyDict::new(py);
        d.set_item("errors", s.errors)?;
        d.set_item("warnings", s.warnings)?;
        d.set_item("infos", s.infos)?;
        Ok(d)
    }

    /// Findings grouped by rule id (sorted by id), each group in input order.
    ///
    /// Returns:
    ///     dict[str, list[Diagnostic]]: rule id → findings.
    ///
    /// Example:
    ///     >>> tiepcan.Report.from_json('{"diagnostics": []}').by_rule()
    ///     {}
    fn by_rule<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (rule, ds) in self.0.by_rule() {
            let v: Vec<PyDiagnostic> = ds.into_iter().cloned().map(PyDiagnostic).collect();
            d.set_item(rule, v)?;
        }
        Ok(d)
    }

    /// The report as JSON text: ``{"diagnostics": [...]}``.
    ///
    /// Args:
    ///     indent: pretty-print with two-space indentation when true.
    ///
    /// Returns:
    ///     str: JSON, non-ASCII kept.
    ///
    /// Example:
    ///     >>> tiepcan.Report.from_json('{"diagnostics": []}').to_json()
    ///     '{"diagnostics":[]}'
    #[pyo3(signature = (indent = false))]
    fn to_json(&self, py: Python<'_>, indent: bool) -> PyResult<String> {
        let r = if indent {
            serde_json::to_string_pretty(&self.0)
        } else {
            serde_json::to_string(&self.0)
        };
        r.map_err(|e| raise(py, "InternalError", "serialize", e.to_string(), vec![]))
    }

    /// The report as an accessible HTML fragment (error summary first,
    /// findings grouped by rule, each with its citation).
    ///
    /// Args:
    ///     id_prefix: prefix of every ``id`` in the fragment.
    ///     heading_level: level (1–6) of the fragment's heading.
    ///
    /// Returns:
    ///     str: the HTML fragment.
    ///
    /// Example:
    ///     >>> "<section" in tiepcan.Report.from_json('{"diagnostics": []}').to_html()
    ///     True
    #[pyo3(signature = (id_prefix = "tc", heading_level = 2))]
    fn to_html(&self, py: Python<'_>, id_prefix: &str, heading_level: u8) -> PyResult<String> {
        let opts = crate::convert::render_options(id_prefix, heading_level);
        crate::errors::guard(py, || Ok(tiepcan::render::render_report(&self.0, &opts)))
    }

    /// The report as plain Vietnamese text (counts, then one line per finding).
    ///
    /// Returns:
    ///     str: the text.
    ///
    /// Example:
    ///     >>> tiepcan.Report.from_json('{"diagnostics": []}').to_text().splitlines()[0]
    ///     '0 lỗi, 0 cảnh báo, 0 lưu ý'
    fn to_text(&self, py: Python<'_>) -> PyResult<String> {
        crate::errors::guard(py, || Ok(tiepcan::render::report_text(&self.0)))
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyIterator>> {
        pyo3::types::PyList::new(py, of(&self.0, None))?.try_iter()
    }

    fn __bool__(&self) -> bool {
        !self.0.is_empty()
    }

    fn __str__(&self) -> String {
        if self.0.is_empty() {
            return "no findings".into();
        }
        let s = self.0.summary();
        let mut out = format!(
            "{} finding{} ({} error{}, {} warning{}, {} info)",
            self.0.len(),
            if self.0.len() == 1 { "" } else { "s" },
            s.errors,
            if s.errors == 1 { "" } else { "s" },
            s.warnings,
            if s.warnings == 1 { "" } else { "s" },
            s.infos
        );
        let groups: Vec<String> = self
            .0
            .by_rule()
            .into_iter()
            .map(|(rule, ds)| format!("{rule} ×{}", ds.len()))
            .collect();
        out.push_str("\nby rule: ");
        out.push_str(&groups.join(", "));
        for d in &self.0.diagnostics {
            out.push_str("\n  ");
            out.push_str(&d.to_string());
        }
        out
    }

    fn __repr__(&self) -> String {
        let s = self.0.summary();
        format!(
            "<Report {} errors, {} warnings, {} infos>",
            s.errors, s.warnings, s.infos
        )
    }
}
