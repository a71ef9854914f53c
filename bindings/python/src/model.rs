//! `tiepcan::model`: partial dates and catalogs.

use chrono::{Datelike, NaiveDate};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyString};

use tiepcan::io::{Format, ReadOptions, ReadOutcome};
use tiepcan::model::{Catalog, PartialDate};
use tiepcan::validate::{CheckOptions, Diagnostic, Report};

use crate::convert::{py_to_json, to_py};
use crate::errors::{a, date_error, detached, guard, raise, read_error};
use crate::validate::{PyDiagnostic, PyReport};

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
    #[allow(clippy::wrong_self_convention)] // pyo3 methods take &self
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
/// :meth:`Catalog.from_records`. The reader's findings about the input (rows
/// it could not use, unreadable cells, encodings) are kept in
/// :attr:`read_diagnostics` and come first in :meth:`validate`'s report:
/// nothing is lost.
///
/// Example:
///     >>> cat = tiepcan.Catalog.from_records(
///     ...     [{"title": "Kế hoạch cải cách hành chính năm 2025",
///     ...       "created_on": "02/01/2025", "art17_point": "a"}])
///     >>> (cat.kind, len(cat), cat.items[0]["created_on"])
///     ('disclosure', 1, '2025-01-02')
#[pyclass(module = "tiepcan._tiepcan", name = "Catalog", frozen)]
pub struct PyCatalog {
    pub catalog: Catalog,
    pub read: Vec<Diagnostic>,
    pub rows: usize,
    pub file: Option<String>,
}

impl PyCatalog {
    pub fn from_outcome(o: ReadOutcome, file: Option<String>) -> PyCatalog {
        PyCatalog {
            catalog: o.catalog,
            read: o.diagnostics,
            rows: o.rows,
            file,
        }
    }
}

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

fn not_disclosure(py: Python<'_>, what: &str) -> PyErr {
    raise(
        py,
        "WriteError",
        "not_disclosure",
        format!("{what} export is for the disclosure catalog; a conditional-access catalog's content is not published"),
        vec![],
    )
}

pub fn format_arg(py: Python<'_>, format: &str) -> PyResult<Format> {
    Ok(match format.trim().to_ascii_lowercase().as_str() {
        "json" => Format::Json,
        "csv" | "tsv" | "txt" => Format::Csv,
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => Format::Xlsx,
        "xml" | "rdf" => Format::Xml,
        _ => {
            return Err(raise(
                py,
                "ParseError",
                "unknown_format",
                format!("unknown format {format:?}: expected json, csv, xlsx or xml"),
                vec![("value", a(py, format))],
            ))
        }
    })
}

/// The bytes of a `bytes`, `bytearray` or `memoryview`, or `None`.
pub fn bytes_of(obj: &Bound<'_, PyAny>) -> PyResult<Option<Vec<u8>>> {
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Some(b.as_bytes().to_vec()));
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(Some(b.to_vec()));
    }
    if obj.get_type().name()? == "memoryview" {
        let b = obj.call_method0("tobytes")?;
        return Ok(Some(b.cast::<PyBytes>()?.as_bytes().to_vec()));
    }
    Ok(None)
}

/// A Python value as one CSV cell: `None` → empty, a list or tuple →
/// items joined by "; ", a date → `YYYY-MM-DD`, anything else → `str()`.
fn cell_text(v: &Bound<'_, PyAny>) -> PyResult<String> {
    if v.is_none() {
        return Ok(String::new());
    }
    if v.is_instance_of::<PyString>() {
        return v.extract();
    }
    if v.is_instance_of::<PyList>() || v.is_instance_of::<pyo3::types::PyTuple>() {
        let parts: PyResult<Vec<String>> = v.try_iter()?.map(|x| cell_text(&x?)).collect();
        return Ok(parts?.join("; "));
    }
    if v.hasattr("isoformat")? {
        return v.call_method0("isoformat")?.extract();
    }
    Ok(v.str()?.to_string())
}

#[pymethods]
impl PyCatalog {
    /// Load a catalog from tiepcan's JSON shape
    /// (``{"kind": "disclosure", "agency": {...}, "items": [...]}``; a bare
    /// list of entries is read as a disclosure catalog).
    ///
    /// Args:
    ///     text: the JSON text, as ``str`` or UTF-8 ``bytes``.
    ///
    /// Returns:
    ///     Catalog: the catalog.
    ///
    /// Raises:
    ///     ParseError: the text is not JSON or not a catalog; ``.line`` and
    ///         ``.column`` (1-based) point into the text, ``.pointer`` to the
    ///         value.
    ///
    /// Example:
    ///     >>> tiepcan.Catalog.from_json('{"kind": "conditional", "items": []}').kind
    ///     'conditional'
    ///     >>> tiepcan.Catalog.from_json('{"kind": "disclosure", "items": [}')
    ///     Traceback (most recent call last):
    ///     tiepcan.exceptions.ParseError: not JSON: expected value at line 1 column 35 at line 1, column 35
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let bytes = match bytes_of(text)? {
            Some(b) => b,
            None => text.extract::<String>()?.into_bytes(),
        };
        let o = detached(
            py,
            || tiepcan::io::read_catalog_bytes(&bytes, Format::Json, &ReadOptions::default()),
            read_error,
        )?;
        Ok(PyCatalog::from_outcome(o, None))
    }

    /// Build a catalog from a list of dicts, one per entry, read the way a
    /// spreadsheet is read: keys are column headers, matched by synonym
    /// (tiepcan's field names — ``title``, ``number_symbol``,
    /// ``created_on``, ``art17_point``, ``disclosure_forms``,
    /// ``disclosure_time``, ``disclosure_period``, ``access_link`` … — or
    /// the Vietnamese headers), and values are read leniently: dates day
    /// first, document numbers, point letters. A cell that cannot be read is
    /// kept as written and reported in :attr:`read_diagnostics` with its
    /// row: the header is row 1, so record ``k`` (1-based) is row ``k + 1``.
    ///
    /// Args:
    ///     records: the entries (an iterable of mappings).
    ///     kind: ``"disclosure"`` or ``"conditional"``; ``None`` (default)
    ///         detects it from the columns.
    ///     header: catalog header fields in tiepcan's JSON shape
    ///         (``agency``, ``title``, ``issued_on``, ``last_updated``,
    ///         ``published_at`` …), set where the records have none.
    ///
    /// Returns:
    ///     Catalog: the catalog.
    ///
    /// Raises:
    ///     ParseError: ``kind`` or ``header`` cannot be used.
    ///     TypeError: a record is not a mapping.
    ///
    /// Example:
    ///     >>> cat = tiepcan.Catalog.from_records([{"title": "A", "created_on": "31/02/2019"}])
    ///     >>> [(d.rule, d.row, d.value) for d in cat.read_diagnostics]
    ///     [('R-READ-DATE', 2, '31/02/2019')]
    #[staticmethod]
    #[pyo3(signature = (records, kind = None, header = None))]
    fn from_records(
        py: Python<'_>,
        records: &Bound<'_, PyAny>,
        kind: Option<&str>,
        header: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let kind = kind.map(|k| kind_arg(py, k)).transpose()?;
        let mut columns: Vec<String> = Vec::new();
        let mut rows: Vec<Vec<(String, String)>> = Vec::new();
        for (i, rec) in records.try_iter()?.enumerate() {
            let rec = rec?;
            let items = rec.call_method0("items").map_err(|_| {
                pyo3::exceptions::PyTypeError::new_err(format!("record {} is not a mapping", i + 1))
            })?;
            let mut row = Vec::new();
            for kv in items.try_iter()? {
                let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = kv?.extract()?;
                let k = k.str()?.to_string();
                if !columns.contains(&k) {
                    columns.push(k.clone());
                }
                row.push((k, cell_text(&v)?));
            }
            rows.push(row);
        }
        if columns.len() == 1 {
            // The reader finds a header row by a title column and one other:
            // number the records as a spreadsheet's STT column would.
            columns.insert(0, "seq".into());
            for (i, row) in rows.iter_mut().enumerate() {
                row.push(("seq".into(), (i + 1).to_string()));
            }
        }
        let header_json = header.map(|h| py_to_json(py, h)).transpose()?;
        let mut w = csv::Writer::from_writer(Vec::new());
        let csv_err = |e: csv::Error| raise(py, "InternalError", "csv", e.to_string(), vec![]);
        w.write_record(&columns).map_err(csv_err)?;
        for row in &rows {
            let rec: Vec<&str> = columns
                .iter()
                .map(|c| {
                    row.iter()
                        .find(|(k, _)| k == c)
                        .map(|(_, v)| v.as_str())
                        .unwrap_or("")
                })
                .collect();
            w.write_record(&rec).map_err(csv_err)?;
        }
        let bytes = w
            .into_inner()
            .map_err(|e| raise(py, "InternalError", "csv", e.to_string(), vec![]))?;
        let opts = ReadOptions {
            kind,
            ..ReadOptions::default()
        };
        let mut o = if rows.is_empty() {
            let k = kind.unwrap_or(tiepcan::model::CatalogKind::Disclosure);
            let text = format!("{{\"kind\":\"{}\",\"items\":[]}}", k.code());
            detached(
                py,
                || tiepcan::io::read_catalog_bytes(text.as_bytes(), Format::Json, &opts),
                read_error,
            )?
        } else {
            detached(
                py,
                || tiepcan::io::read_catalog_bytes(&bytes, Format::Csv, &opts),
                read_error,
            )?
        };
        if let Some(h) = header_json {
            let h: tiepcan::model::CatalogHeader = serde_json::from_str(&h).map_err(|e| {
                raise(
                    py,
                    "ParseError",
                    "header",
                    format!("header: {e}"),
                    vec![("value", a(py, h.clone()))],
                )
            })?;
            let target = match &mut o.catalog {
                Catalog::Disclosure(c) => &mut c.header,
                Catalog::Conditional(c) => &mut c.header,
            };
            *target = h;
        }
        Ok(PyCatalog::from_outcome(o, None))
    }

    /// ``"disclosure"`` or ``"conditional"``.
    #[getter]
    fn kind(&self) -> &'static str {
        self.catalog.kind().code()
    }

    /// The file the catalog was read from, or ``None``.
    #[getter]
    fn file(&self) -> Option<&str> {
        self.file.as_deref()
    }

    /// Physical rows read (title lines, header and body; 0 for JSON).
    #[getter]
    fn rows(&self) -> usize {
        self.rows
    }

    /// The reader's findings about the input (``R-READ-*`` rules), in row order.
    #[getter]
    fn read_diagnostics(&self) -> Vec<PyDiagnostic> {
        self.read.iter().cloned().map(PyDiagnostic).collect()
    }

    /// The catalog header (agency, title, stated basis, issuing decision,
    /// dates, where published, who compiled it) as a dict.
    #[getter]
    fn header<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.catalog.header())
    }

    /// The entries as dicts in tiepcan's JSON shape, in source order.
    #[getter]
    fn items<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let v = match &self.catalog {
            Catalog::Disclosure(c) => to_py(py, &c.items)?,
            Catalog::Conditional(c) => to_py(py, &c.items)?,
        };
        Ok(v.cast_into::<PyList>()?)
    }

    /// Check the catalog against the law (LAW.md §9; Decree 13/2018/NĐ-CP,
    /// Arts 6–7; Law 104/2016/QH13, Arts 6, 7, 17–19). The report lists the
    /// reader's findings first, then the rules' findings, each with its rule
    /// id, location, messages in Vietnamese and English and citation. The
    /// GIL is released while core checks.
    ///
    /// Args:
    ///     today: the civil date in Vietnam to check against (future dates,
    ///         district abolition, update age); never the host clock.
    ///     update_threshold_days: calendar days after which the catalog's
    ///         last update is stale (R-CAT-UPDATE; LAW.md A16).
    ///
    /// Returns:
    ///     Report: every finding.
    ///
    /// Example:
    ///     >>> cat = tiepcan.Catalog.from_records([{"title": "Kế hoạch (Mật)"}])
    ///     >>> "R-NO-ART6" in [d.rule for d in cat.validate(today=datetime.date(2026, 11, 29))]
    ///     True
    #[pyo3(signature = (today, update_threshold_days = 30))]
    fn validate(
        &self,
        py: Python<'_>,
        today: NaiveDate,
        update_threshold_days: u32,
    ) -> PyResult<PyReport> {
        let opts = CheckOptions {
            today,
            update_threshold_days,
        };
        let r = detached(
            py,
            || {
                let mut r = Report::new();
                r.extend(self.read.iter().cloned());
                r.extend(tiepcan::validate::check_catalog(&self.catalog, &opts).diagnostics);
                if let Some(f) = &self.file {
                    for d in &mut r.diagnostics {
                        d.location.file.get_or_insert_with(|| f.clone());
                    }
                }
                Ok::<_, std::convert::Infallible>(r)
            },
            |_, e| match e {},
        )?;
        Ok(PyReport(r))
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
        if indent {
            return Ok(tiepcan::io::write_catalog_json(&self.catalog));
        }
        serde_json::to_string(&self.catalog)
            .map_err(|e| raise(py, "InternalError", "serialize", e.to_string(), vec![]))
    }

    /// The catalog as tiepcan's XML (``tiepcan-catalog.xsd``); core's XML
    /// reader reads it back.
    ///
    /// Returns:
    ///     str: the XML document.
    ///
    /// Raises:
    ///     WriteError: a text holds a character XML 1.0 cannot carry
    ///         (``.pointer`` names the value).
    ///
    /// Example:
    ///     >>> xml = tiepcan.Catalog.from_records([{"title": "Quy chế", "created_on": "02/01/2025"}]).to_xml()
    ///     >>> tiepcan.read_catalog(xml.encode(), format="xml").items[0]["title"]
    ///     'Quy chế'
    fn to_xml(&self, py: Python<'_>) -> PyResult<String> {
        let r = detached(
            py,
            || tiepcan::io::xml::catalog_to_xml_string(&self.catalog),
            |py, e| {
                let msg = e.to_string();
                match e {
                    tiepcan::io::xml::XmlWriteError::InvalidChar { pointer, code } => raise(
                        py,
                        "WriteError",
                        "xml_invalid_char",
                        msg,
                        vec![("pointer", a(py, pointer)), ("value", a(py, code))],
                    ),
                    tiepcan::io::xml::XmlWriteError::Io(_) => {
                        raise(py, "WriteError", "xml_io", msg, vec![])
                    }
                }
            },
        )?;
        Ok(r)
    }

    /// The catalog as CSV with Vietnamese headers, as agencies publish it
    /// (UTF-8 with BOM, CRLF; sub-rows and section captions kept), which
    /// tiepcan's CSV reader reads back.
    ///
    /// Returns:
    ///     str: the CSV text (starting with the BOM).
    ///
    /// Example:
    ///     >>> csv = tiepcan.Catalog.from_records([{"title": "Quy chế", "created_on": "02/01/2025"}]).to_csv()
    ///     >>> tiepcan.read_catalog(csv.encode()).items[0]["created_on"]
    ///     '2025-01-02'
    fn to_csv(&self, py: Python<'_>) -> PyResult<String> {
        let bytes = detached(
            py,
            || {
                let mut out = Vec::new();
                tiepcan::io::csv_write::write_catalog_csv(&self.catalog, &mut out)?;
                Ok(out)
            },
            |py, e: tiepcan::io::csv_write::CsvWriteError| {
                raise(py, "WriteError", "csv", e.to_string(), vec![])
            },
        )?;
        String::from_utf8(bytes)
            .map_err(|e| raise(py, "InternalError", "csv_utf8", e.to_string(), vec![]))
    }

    /// The disclosure catalog as DCAT-AP RDF/XML, for open-data portals.
    ///
    /// Args:
    ///     base_iri: IRI of the catalog (datasets are ``BASE#item-N``);
    ///         default the catalog's ``published_at`` URL, else a URN.
    ///
    /// Returns:
    ///     str: the RDF/XML document.
    ///
    /// Raises:
    ///     WriteError: the catalog is a conditional-access catalog, whose
    ///         content is not published.
    ///
    /// Example:
    ///     >>> rdf = tiepcan.Catalog.from_records([{"title": "Quy chế", "art17_point": "a"}]).to_dcat("https://example.invalid/dm")
    ///     >>> "dcat:Dataset" in rdf
    ///     True
    #[pyo3(signature = (base_iri = None))]
    fn to_dcat(&self, py: Python<'_>, base_iri: Option<String>) -> PyResult<String> {
        let Catalog::Disclosure(c) = &self.catalog else {
            return Err(not_disclosure(py, "DCAT"));
        };
        let opts = tiepcan::io::dcat::DcatOptions { base_iri };
        let bytes = detached(
            py,
            || {
                let mut out = Vec::new();
                tiepcan::io::dcat::write_dcat_rdf(c, &opts, &mut out)?;
                Ok(out)
            },
            |py, e: tiepcan::io::dcat::DcatError| {
                raise(py, "WriteError", "dcat", e.to_string(), vec![])
            },
        )?;
        String::from_utf8(bytes)
            .map_err(|e| raise(py, "InternalError", "dcat_utf8", e.to_string(), vec![]))
    }

    /// The disclosure catalog as CKAN packages (one per entry), ready for
    /// ``package_create``.
    ///
    /// Args:
    ///     owner_org: CKAN organisation (default: from the agency code or name).
    ///     name_prefix: prefix of package names (default: as ``owner_org``).
    ///     license_id: CKAN ``license_id`` to set.
    ///     base_iri: base IRI for the ``uri`` extras, as in :meth:`to_dcat`.
    ///
    /// Returns:
    ///     list[dict]: the packages.
    ///
    /// Raises:
    ///     WriteError: the catalog is a conditional-access catalog.
    ///
    /// Example:
    ///     >>> p = tiepcan.Catalog.from_records([{"title": "Quy chế", "art17_point": "a"}]).to_ckan(owner_org="ubnd-xa-mau")
    ///     >>> (len(p), p[0]["owner_org"])
    ///     (1, 'ubnd-xa-mau')
    #[pyo3(signature = (owner_org = None, name_prefix = None, license_id = None, base_iri = None))]
    fn to_ckan<'py>(
        &self,
        py: Python<'py>,
        owner_org: Option<String>,
        name_prefix: Option<String>,
        license_id: Option<String>,
        base_iri: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let Catalog::Disclosure(c) = &self.catalog else {
            return Err(not_disclosure(py, "CKAN"));
        };
        let opts = tiepcan::io::ckan::CkanOptions {
            owner_org,
            name_prefix,
            license_id,
            base_iri,
        };
        let v = guard(py, || Ok(tiepcan::io::ckan::ckan_packages(c, &opts)))?;
        to_py(py, &v)
    }

    /// The catalog as an accessible HTML fragment (``lang="vi"``; a table
    /// with caption and header scopes, dates in ``<time>``), as the web
    /// component renders it without JavaScript. Text is escaped.
    ///
    /// Args:
    ///     id_prefix: prefix of every ``id`` in the fragment.
    ///     heading_level: level (1–6) of the fragment's heading.
    ///
    /// Returns:
    ///     str: the HTML fragment.
    ///
    /// Example:
    ///     >>> html = tiepcan.Catalog.from_records([{"title": "<Quy chế>"}]).to_html()
    ///     >>> ("<table" in html, "&lt;Quy chế&gt;" in html)
    ///     (True, True)
    #[pyo3(signature = (id_prefix = "tc", heading_level = 2))]
    fn to_html(&self, py: Python<'_>, id_prefix: &str, heading_level: u8) -> PyResult<String> {
        let opts = crate::convert::render_options(id_prefix, heading_level);
        guard(py, || {
            Ok(tiepcan::render::render_catalog(&self.catalog, &opts))
        })
    }

    /// The catalog as plain Vietnamese text, one entry per line block.
    ///
    /// Returns:
    ///     str: the text.
    ///
    /// Example:
    ///     >>> tiepcan.Catalog.from_records([{"title": "Quy chế"}]).to_text().splitlines()[0]
    ///     'Danh mục thông tin phải được công khai (1 mục)'
    fn to_text(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || Ok(tiepcan::render::catalog_text(&self.catalog)))
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
        to_py(py, &self.catalog)
    }

    fn __len__(&self) -> usize {
        self.catalog.len()
    }

    fn __repr__(&self) -> String {
        let agency = self
            .catalog
            .header()
            .agency
            .as_ref()
            .map(|a| format!(" of {}", a.name))
            .unwrap_or_default();
        format!(
            "<Catalog {}{}: {} items>",
            self.catalog.kind().code(),
            agency,
            self.catalog.len()
        )
    }
}

/// Read a catalog from a file or from bytes: CSV (``,`` ``;`` or tab; UTF-8,
/// UTF-16 or Windows-1258), XLSX/XLS/ODS, or tiepcan's JSON. Lenient where
/// agencies' spreadsheets are messy: title lines become the header, columns
/// are matched by synonym, caption rows become sections; every row or cell
/// it cannot use is kept and reported in :attr:`Catalog.read_diagnostics`
/// with its row (1-based, as a spreadsheet numbers it). The GIL is released
/// while core reads.
///
/// Args:
///     source: a path (``str`` or ``os.PathLike``) or the file's content
///         (``bytes``, ``bytearray``, ``memoryview``).
///     kind: ``"disclosure"`` or ``"conditional"``; ``None`` detects it
///         from the title and columns.
///     sheet: worksheet name for workbooks (default: the first non-empty).
///     format: ``"csv"``, ``"xlsx"``, ``"json"`` or ``"xml"``; default from
///         the file extension, or from the content.
///
/// Returns:
///     Catalog: the catalog, with the reader's findings.
///
/// Raises:
///     FileNotFoundError: the file does not exist (``PermissionError``,
///         ``IsADirectoryError`` … likewise, with ``.filename``).
///     ParseError: the content cannot be read at all (``.line``,
///         ``.column``, ``.pointer`` where known); ``code`` is
///         ``"unreadable"``, ``"too_large"`` or ``"unsupported_format"``.
///
/// Example:
///     >>> csv = "STT,Tên văn bản,Ngày ban hành\n1,Kế hoạch,10/01/2026\n".encode()
///     >>> cat = tiepcan.read_catalog(csv)
///     >>> (len(cat), cat.items[0]["created_on"], cat.rows)
///     (1, '2026-01-10', 2)
#[pyfunction]
#[pyo3(signature = (source, kind = None, *, sheet = None, format = None))]
pub fn read_catalog(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    kind: Option<&str>,
    sheet: Option<String>,
    format: Option<&str>,
) -> PyResult<PyCatalog> {
    let kind = kind.map(|k| kind_arg(py, k)).transpose()?;
    let format = format.map(|f| format_arg(py, f)).transpose()?;
    let mut opts = ReadOptions {
        kind,
        sheet,
        ..ReadOptions::default()
    };
    if let Some(bytes) = bytes_of(source)? {
        let o = detached(
            py,
            || {
                let f = format.unwrap_or_else(|| Format::sniff(&bytes));
                tiepcan::io::read_catalog_bytes(&bytes, f, &opts)
            },
            read_error,
        )?;
        return Ok(PyCatalog::from_outcome(o, None));
    }
    let path: std::path::PathBuf = source.extract().map_err(|_| {
        pyo3::exceptions::PyTypeError::new_err(
            "source must be a path (str or os.PathLike) or bytes",
        )
    })?;
    let name = path.display().to_string();
    opts.file_name = Some(name.clone());
    let o = detached(
        py,
        || match format {
            None => tiepcan::io::read_catalog_path(&path, &opts),
            Some(f) => {
                let bytes = std::fs::read(&path).map_err(|source| tiepcan::io::ReadError::Io {
                    path: path.clone(),
                    source,
                })?;
                tiepcan::io::read_catalog_bytes(&bytes, f, &opts)
            }
        },
        read_error,
    )?;
    Ok(PyCatalog::from_outcome(o, Some(name)))
}

/// Checks that need every catalog of one agency at once: R-CAT-TWO, both
/// catalogs exist (Decree 13/2018/NĐ-CP, Art. 6(1)).
///
/// Args:
///     catalogs: one agency's catalogs.
///
/// Returns:
///     Report: the findings (empty when both catalogs are there).
///
/// Example:
///     >>> d = tiepcan.Catalog.from_records([{"title": "Quy chế"}], kind="disclosure")
///     >>> [x.rule for x in tiepcan.check_catalog_set([d])]
///     ['R-CAT-TWO']
#[pyfunction]
pub fn check_catalog_set(catalogs: Vec<Bound<'_, PyCatalog>>) -> PyReport {
    let v: Vec<&Catalog> = catalogs.iter().map(|c| &c.get().catalog).collect();
    PyReport(tiepcan::validate::check_catalog_set(&v))
}
