//! `tiepcan::law` and the rule registry: citations and rules.

use pyo3::prelude::*;

use tiepcan::law::{Citation, Instrument, Point};

use crate::convert::to_py;
use crate::errors::{a, point_error, raise};

/// A legal citation: instrument, article (Điều), clause (khoản), point
/// (điểm), paragraph (đoạn).
///
/// ``str(c)`` is the English form and :meth:`to_vietnamese` the Vietnamese
/// form, smallest unit first (LAW.md §0.1).
///
/// Args:
///     instrument: instrument key: ``"law104"``, ``"law2026"``,
///         ``"decree13"``, ``"circ46"``, ``"circ64"``, ``"civil_code"``,
///         ``"labour2012"``, ``"labour2019"``, ``"dec188"``, ``"decree42"``,
///         ``"res190"``, ``"circ22"``.
///     article: article number (Điều).
///     clause: clause number (khoản).
///     point: point letter (điểm), Vietnamese legal alphabet (``"đ"`` or
///         ``"dd"``; there is no f, j, w or z).
///     paragraph: unnumbered paragraph (đoạn), 1-based.
///     sub_item: numbered sub-item of the clause (Circular 46 "1.1").
///
/// Raises:
///     ParseError: unknown instrument key or point letter.
///
/// Example:
///     >>> c = tiepcan.Citation("law104", 17, clause=1, point="dd")
///     >>> str(c)
///     'Law 104/2016/QH13, Art. 17(1)(đ)'
///     >>> c.to_vietnamese()
///     'điểm đ khoản 1 Điều 17 Luật Tiếp cận thông tin 2016'
#[pyclass(module = "tiepcan._tiepcan", name = "Citation", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyCitation(pub Citation);

pub fn instrument_key(i: Instrument) -> String {
    serde_json::to_value(i)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[pymethods]
impl PyCitation {
    #[new]
    #[pyo3(signature = (instrument, article, *, clause=None, point=None, paragraph=None, sub_item=None))]
    fn new(
        py: Python<'_>,
        instrument: &str,
        article: u16,
        clause: Option<u8>,
        point: Option<&str>,
        paragraph: Option<u8>,
        sub_item: Option<u8>,
    ) -> PyResult<Self> {
        let inst: Instrument = serde_json::from_value(serde_json::Value::String(instrument.into()))
            .map_err(|_| {
                let keys: Vec<String> =
                    Instrument::ALL.iter().map(|i| instrument_key(*i)).collect();
                raise(
                    py,
                    "ParseError",
                    "unknown_instrument",
                    format!(
                        "unknown instrument {instrument:?}: expected one of {}",
                        keys.join(", ")
                    ),
                    vec![("value", a(py, instrument))],
                )
            })?;
        let point = match point {
            Some(p) => Some(Point::parse(p).map_err(|e| point_error(py, e))?),
            None => None,
        };
        Ok(PyCitation(Citation {
            instrument: inst,
            article,
            clause,
            sub_item,
            point,
            paragraph,
        }))
    }

    /// Instrument key, e.g. ``"law104"``.
    #[getter]
    fn instrument(&self) -> String {
        instrument_key(self.0.instrument)
    }

    /// Short English name of the instrument, e.g. ``"Law 104/2016/QH13"``.
    #[getter]
    fn instrument_name(&self) -> &'static str {
        self.0.instrument.name_en()
    }

    /// Article number (Điều).
    #[getter]
    fn article(&self) -> u16 {
        self.0.article
    }

    /// Clause number (khoản), or ``None``.
    #[getter]
    fn clause(&self) -> Option<u8> {
        self.0.clause
    }

    /// Point letter (điểm), NFC, or ``None``.
    #[getter]
    fn point(&self) -> Option<&'static str> {
        self.0.point.map(|p| p.letter())
    }

    /// Unnumbered paragraph (đoạn), 1-based, or ``None``.
    #[getter]
    fn paragraph(&self) -> Option<u8> {
        self.0.paragraph
    }

    /// Numbered sub-item of the clause, or ``None``.
    #[getter]
    fn sub_item(&self) -> Option<u8> {
        self.0.sub_item
    }

    /// Pháp điển identifier of the article (``"32.2.LQ.17"``), or ``None``.
    #[getter]
    fn phap_dien_id(&self) -> Option<String> {
        self.0.phap_dien_id()
    }

    /// The English form.
    ///
    /// Returns:
    ///     str: e.g. ``"Law 104/2016/QH13, Art. 17(1)(a)"``.
    ///
    /// Example:
    ///     >>> tiepcan.Citation("decree13", 6, clause=3, paragraph=2).to_english()
    ///     'Decree 13/2018/NĐ-CP, Art. 6(3) para. 2'
    fn to_english(&self) -> String {
        self.0.to_english()
    }

    /// The Vietnamese form, smallest unit first.
    ///
    /// Returns:
    ///     str: e.g. ``"điểm a khoản 1 Điều 17 Luật Tiếp cận thông tin 2016"``.
    ///
    /// Example:
    ///     >>> tiepcan.Citation("decree13", 6, clause=3, paragraph=2).to_vietnamese()
    ///     'đoạn 2 khoản 3 Điều 6 Nghị định 13/2018/NĐ-CP'
    fn to_vietnamese(&self) -> String {
        self.0.to_vietnamese()
    }

    /// The JSON shape of the citation as a dict.
    ///
    /// Returns:
    ///     dict: keys ``instrument``, ``article``, ``clause``, ``point``,
    ///     ``text`` (English), ``text_vi`` (Vietnamese), and ``sub_item``
    ///     and ``paragraph`` when set.
    ///
    /// Example:
    ///     >>> tiepcan.Citation("law104", 17, clause=1).to_dict()["text_vi"]
    ///     'khoản 1 Điều 17 Luật Tiếp cận thông tin 2016'
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("<Citation {}>", self.0)
    }
}

/// A registered rule: stable id, default severity, legal basis, title.
///
/// Example:
///     >>> r = tiepcan.rule("R-CAT-FIELDS")
///     >>> (r.severity, str(r.citation))
///     ('error', 'Decree 13/2018/NĐ-CP, Art. 6(3)')
#[pyclass(module = "tiepcan._tiepcan", name = "Rule", frozen)]
pub struct PyRule(pub &'static tiepcan::validate::Rule);

#[pymethods]
impl PyRule {
    /// Stable id, e.g. ``"R-CAT-FIELDS"``.
    #[getter]
    fn id(&self) -> &'static str {
        self.0.id
    }

    /// Default severity: ``"error"``, ``"warning"`` or ``"info"``.
    #[getter]
    fn severity(&self) -> String {
        self.0.severity.to_string()
    }

    /// Legal basis, or ``None`` for reading rules no provision governs.
    #[getter]
    fn citation(&self) -> Option<PyCitation> {
        self.0.citation.map(PyCitation)
    }

    /// Short title in Vietnamese.
    #[getter]
    fn title_vi(&self) -> &'static str {
        self.0.title_vi
    }

    /// Short title in English.
    #[getter]
    fn title_en(&self) -> &'static str {
        self.0.title_en
    }

    fn __repr__(&self) -> String {
        format!(
            "<Rule {} ({}): {}>",
            self.0.id, self.0.severity, self.0.title_en
        )
    }
}

/// Every rule tiepcan can report, in LAW.md §9 order, then the reading rules.
///
/// Returns:
///     list[Rule]: the registry.
///
/// Example:
///     >>> ids = [r.id for r in tiepcan.rules()]
///     >>> "R-CAT-FIELDS" in ids and len(ids) == len(set(ids))
///     True
#[pyfunction]
pub fn rules() -> Vec<PyRule> {
    tiepcan::validate::RULES.iter().map(PyRule).collect()
}

/// Look up a rule by its id.
///
/// Args:
///     id: rule id, e.g. ``"R-CAT-LINK"``.
///
/// Returns:
///     Rule: the registered rule.
///
/// Raises:
///     RuleError: no rule has this id.
///
/// Example:
///     >>> tiepcan.rule("R-CAT-LINK").title_en
///     'Download link for disclosed information'
///     >>> tiepcan.rule("R-NOPE")
///     Traceback (most recent call last):
///     tiepcan.exceptions.RuleError: unknown rule id 'R-NOPE'
#[pyfunction]
pub fn rule(py: Python<'_>, id: &str) -> PyResult<PyRule> {
    tiepcan::validate::rules::rule(id)
        .map(PyRule)
        .ok_or_else(|| {
            raise(
                py,
                "RuleError",
                "unknown_rule",
                format!("unknown rule id {id:?}").replace('"', "'"),
                vec![("value", a(py, id))],
            )
        })
}

/// The search key tiepcan uses for Vietnamese text: NFC, lower case,
/// diacritics removed, ``đ`` → ``d``, spaces collapsed.
///
/// Args:
///     text: any text.
///
/// Returns:
///     str: the folded key.
///
/// Example:
///     >>> tiepcan.fold_key("Ủy ban nhân dân  Xã An Hòa")
///     'uy ban nhan dan xa an hoa'
#[pyfunction]
pub fn fold_key(text: &str) -> String {
    tiepcan::text::fold_key(text)
}
