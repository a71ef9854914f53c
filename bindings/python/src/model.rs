//! `tiepcan::model`: partial dates and catalogs.

use chrono::{Datelike, NaiveDate};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};

use tiepcan::model::{Catalog, PartialDate};

use crate::convert::{from_py, to_py};
use crate::errors::{a, date_error, guard, json_error, raise};

/// A civil date with the precision a catalog gave it: a day, a month
/// (``"05/2019"``) or a year (``"Năm 2019"``). A month stays a month; it is
/// never turned into the 1st.
///
/// Build one with :meth:`PartialDate.parse` or :meth:`PartialDate.from_date`.
///
/// Example:
///     >>> d = tiepcan.PartialDate.parse("Tháng 5/2019")
///     >>> (str(d), d.precision, d.first_day(), d.last_day())
///     ('2019-05', 'month', datetime.date(2019, 5, 1), datetime.date(2019, 5, 31))
#[pyclass(
    module = "tiepcan._tiepcan",
    name = "PartialDate",
    frozen,
    eq,
    ord,
    hash
)]
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PyPartialDate(pub PartialDate);

#[pymethods]
impl PyPartialDate {
    /// Parse a date as Vietnamese catalogs write it; day first, always.
    ///
    /// Accepted: ``dd/mm/yyyy`` (also ``-`` or ``.``), ISO ``yyyy-mm-dd``,
    /// ``ngày 02 tháng 3 năm 2026`` (with or without diacritics),
    /// ``mm/yyyy``, ``Tháng 5/2019``, ``Năm 2019``, ``2019``.
    ///
    /// Args:
    ///     text: the date as written.
    ///
    /// Returns:
    ///     PartialDate: of day, month or year precision.
    ///
    /// Raises:
    ///     ParseError: ``code="impossible_date"`` for a day that does not
    ///         exist (31/02/2019 is never rolled over), ``"unrecognised_date"``
    ///         for anything else; ``.value`` holds the text.
    ///
    /// Example:
    ///     >>> tiepcan.PartialDate.parse("02/03/2026").to_date()
    ///     datetime.date(2026, 3, 2)
    ///     >>> tiepcan.PartialDate.parse("31/02/2019")
    ///     Traceback (most recent call last):
    ///     tiepcan.exceptions.ParseError: "31/02/2019" is not a calendar date (day 31, month 2, year 2019 does not exist)
    #[staticmethod]
    fn parse(py: Python<'_>, text: &str) -> PyResult<Self> {
        guard(py, || {
            PartialDate::parse(text)
                .map(PyPartialDate)
                .map_err(|e| date_error(py, e))
        })
    }

    /// A day-precision date from a ``datetime.date``.
    ///
    /// Args:
    ///     date: the day.
    ///
    /// Returns:
    ///     PartialDate: of day precision.
    ///
    /// Example:
    ///     >>> str(tiepcan.PartialDate.from_date(datetime.date(2025, 2, 14)))
    ///     '2025-02-14'
    #[staticmethod]
    fn from_date(date: NaiveDate) -> Self {
        PyPartialDate(PartialDate::Day(date))
    }

    /// ``"day"``, ``"month"`` or ``"year"``.
    #[getter]
    fn precision(&self) -> &'static str {
        match self.0 {
            PartialDate::Day(_) => "day",
            PartialDate::Month { .. } => "month",
            PartialDate::Year(_) => "year",
        }
    }

    /// The year.
    #[getter]
    fn year(&self) -> i32 {
        self.0.year()
    }

    /// The month 1–12, or ``None`` for a year.
    #[getter]
    fn month(&self) -> Option<u32> {
        match self.0 {
            PartialDate::Day(d) => Some(d.month()),
            PartialDate::Month { month, .. } => Some(month),
            PartialDate::Year(_) => None,
        }
    }

    /// The day of the month, or ``None`` for a month or a year.
    #[getter]
    fn day(&self) -> Option<u32> {
        match self.0 {
            PartialDate::Day(d) => Some(d.day()),
            _ => None,
        }
    }

    /// The first day covered.
    ///
    /// Returns:
    ///     datetime.date: the day itself, the 1st of the month, or 1 January.
    ///
    /// Example:
    ///     >>> tiepcan.PartialDate.parse("2019").first_day()
    ///     datetime.date(2019, 1, 1)
    fn first_day(&self) -> NaiveDate {
        self.0.first_day()
    }

    /// The last day covered.
    ///
    /// Returns:
    ///     datetime.date: the day itself, the month's last day, or 31 December.
    ///
    /// Example:
    ///     >>> tiepcan.PartialDate.parse("02/2024").last_day()
    ///     datetime.date(2024, 2, 29)
    fn last_day(&self) -> NaiveDate {
        self.0.last_day()
    }

    /// The date, when of day precision.
    ///
    /// Returns:
    ///     datetime.date | None: the day, or ``None`` for a month or a year.
    ///
    /// Example:
    ///     >>> tiepcan.PartialDate.parse("Năm 2019").to_date() is None
    ///     True
    fn to_date(&self) -> Option<NaiveDate> {
        match self.0 {
            PartialDate::Day(d) => Some(d),
            _ => None,
        }
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("PartialDate.parse({:?})", self.0.to_string()).replace('"', "'")
    }
}

/// One of the two catalogs an agency keeps: the disclosure catalog (danh
/// mục thông tin phải được công khai) or the conditional-access catalog
/// (danh mục thông tin công dân được tiếp cận có điều kiện); Law
/// 104/2016/QH13, Art. 34(1)(b); Decree 13/2018/NĐ-CP, Art. 6.
///
/// Read one with ``tiepcan.read_catalog``, :meth:`Catalog.from_json` or
/// :meth:`Catalog.from_records`.
///
/// Example:
///     >>> cat = tiepcan.Catalog.from_records(
///     ...     [{"title": "Kế hoạch cải cách hành chính năm 2025",
///     ...       "created_on": "02/01/2025", "art17_point": "a"}])
///     >>> (cat.kind, len(cat), cat.items[0]["created_on"])
///     ('disclosure', 1, '2025-01-02')
#[pyclass(module = "tiepcan._tiepcan", name = "Catalog", frozen)]
pub struct PyCatalog(pub Catalog);

pub fn kind_arg(py: Python<'_>, kind: &str) -> PyResult<tiepcan::model::CatalogKind> {
    tiepcan::model::CatalogKind::parse(kind).ok_or_else(|| {
        raise(
            py,
            "ParseError",
            "unknown_catalog_kind",
            format!("unknown catalog kind {kind:?}: expected \"disclosure\" or \"conditional\""),
            vec![("value", a(py, kind))],
        )
    })
}

#[pymethods]
impl PyCatalog {
    /// Load a catalog from tiepcan's JSON shape
    /// (``{"kind": "disclosure", "agency": {...}, "items": [...]}``).
    ///
    /// Args:
    ///     text: the JSON text, as ``str`` or UTF-8 ``bytes``.
    ///
    /// Returns:
    ///     Catalog: the catalog.
    ///
    /// Raises:
    ///     ParseError: the text is not JSON or not a catalog; ``.line`` and
    ///         ``.column`` (1-based) point into the text.
    ///
    /// Example:
    ///     >>> tiepcan.Catalog.from_json('{"kind": "conditional", "items": []}').kind
    ///     'conditional'
    ///     >>> tiepcan.Catalog.from_json('{"kind": "disclosure", "items": [}')
    ///     Traceback (most recent call last):
    ///     tiepcan.exceptions.ParseError: invalid catalog JSON: expected value at line 1 column 35
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let bytes: Vec<u8> = if let Ok(b) = text.cast::<PyBytes>() {
            b.as_bytes().to_vec()
        } else {
            text.extract::<String>()?.into_bytes()
        };
        guard(py, || {
            serde_json::from_slice::<Catalog>(&bytes)
                .map(PyCatalog)
                .map_err(|e| json_error(py, e, None))
        })
    }

    /// Build a catalog from a list of dicts, one per entry, with tiepcan's
    /// field names (``title``, ``number_symbol``, ``created_on``,
    /// ``art17_point``, ``disclosure_forms``, ``disclosure_time``,
    /// ``disclosure_period``, ``access_link`` …; ``ground``,
    /// ``consent_holder``, ``consent_status`` for the conditional catalog).
    /// Values are read as core reads them: dates day first, point letters,
    /// document numbers.
    ///
    /// Args:
    ///     records: the entries.
    ///     kind: ``"disclosure"`` (default) or ``"conditional"``.
    ///     header: catalog header fields (``agency``, ``title``,
    ///         ``issued_on``, ``last_updated``, ``published_at`` …).
    ///
    /// Returns:
    ///     Catalog: the catalog.
    ///
    /// Raises:
    ///     ParseError: a record cannot be read; ``.row`` is its 1-based
    ///         position in ``records`` and the message names the field.
    ///
    /// Example:
    ///     >>> tiepcan.Catalog.from_records([{"title": "A", "created_on": "31/02/2019"}])
    ///     Traceback (most recent call last):
    ///     tiepcan.exceptions.ParseError: record 1: "31/02/2019" is not a calendar date (day 31, month 2, year 2019 does not exist)
    #[staticmethod]
    #[pyo3(signature = (records, kind = "disclosure", header = None))]
    fn from_records(
        py: Python<'_>,
        records: &Bound<'_, PyAny>,
        kind: &str,
        header: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let kind = kind_arg(py, kind)?;
        let mut items = Vec::new();
        for (i, rec) in records.try_iter()?.enumerate() {
            let rec = rec?;
            let v: Result<serde_json::Value, _> = from_py(py, &rec)?;
            let v = v.map_err(|e| json_error(py, e, None))?;
            items.push((i + 1, v));
        }
        let mut doc = match header {
            Some(h) => {
                let v: Result<serde_json::Value, _> = from_py(py, h)?;
                v.map_err(|e| json_error(py, e, None))?
            }
            None => serde_json::json!({}),
        };
        if !doc.is_object() {
            return Err(raise(
                py,
                "ParseError",
                "header_not_mapping",
                "header must be a mapping of header fields".into(),
                vec![],
            ));
        }
        doc["kind"] = serde_json::Value::String(kind.code().into());
        doc["items"] = serde_json::Value::Array(vec![]);
        // Each record alone first, so that the error names its position.
        for (row, v) in &items {
            let mut one = doc.clone();
            one["items"] = serde_json::Value::Array(vec![v.clone()]);
            if let Err(e) = serde_json::from_value::<Catalog>(one) {
                return Err(raise(
                    py,
                    "ParseError",
                    "record",
                    format!("record {row}: {e}"),
                    vec![("row", a(py, *row))],
                ));
            }
        }
        doc["items"] = serde_json::Value::Array(items.into_iter().map(|(_, v)| v).collect());
        guard(py, || {
            serde_json::from_value::<Catalog>(doc)
                .map(PyCatalog)
                .map_err(|e| json_error(py, e, None))
        })
    }

    /// ``"disclosure"`` or ``"conditional"``.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind().code()
    }

    /// The catalog header (agency, title, stated basis, issuing decision,
    /// dates, where published, who compiled it) as a dict.
    #[getter]
    fn header<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.0.header())
    }

    /// The entries as dicts in tiepcan's JSON shape, in source order.
    #[getter]
    fn items<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let v = match &self.0 {
            Catalog::Disclosure(c) => to_py(py, &c.items)?,
            Catalog::Conditional(c) => to_py(py, &c.items)?,
        };
        Ok(v.cast_into::<PyList>()?)
    }

    /// The catalog as tiepcan's JSON text.
    ///
    /// Args:
    ///     indent: pretty-print with two-space indentation when true.
    ///
    /// Returns:
    ///     str: JSON, non-ASCII characters kept as they are.
    ///
    /// Example:
    ///     >>> tiepcan.Catalog.from_records([{"title": "Quy chế"}]).to_json()[:21]
    ///     '{"kind":"disclosure",'
    #[pyo3(signature = (indent = false))]
    fn to_json(&self, py: Python<'_>, indent: bool) -> PyResult<String> {
        let r = if indent {
            serde_json::to_string_pretty(&self.0)
        } else {
            serde_json::to_string(&self.0)
        };
        r.map_err(|e| raise(py, "InternalError", "serialize", e.to_string(), vec![]))
    }

    /// The catalog as a dict (its JSON shape).
    ///
    /// Returns:
    ///     dict: ``{"kind": ..., "items": [...], ...header fields}``.
    ///
    /// Example:
    ///     >>> tiepcan.Catalog.from_records([{"title": "Quy chế"}]).to_dict()["items"][0]["title"]
    ///     'Quy chế'
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }

    fn __repr__(&self) -> String {
        let agency = self
            .0
            .header()
            .agency
            .as_ref()
            .map(|a| format!(" of {}", a.name))
            .unwrap_or_default();
        format!(
            "<Catalog {}{}: {} items>",
            self.0.kind().code(),
            agency,
            self.0.len()
        )
    }
}
