//! Serde values ↔ Python objects, through the JSON shape core documents.

use pyo3::prelude::*;
use serde::Serialize;

/// A serde value as plain Python data (dict, list, str, int, float, bool,
/// None), exactly its JSON shape.
pub fn to_py<'py, T: Serialize + ?Sized>(py: Python<'py>, v: &T) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(v).map_err(|e| {
        crate::errors::raise(py, "InternalError", "serialize", e.to_string(), vec![])
    })?;
    py.import("json")?.call_method1("loads", (text,))
}

/// Core's `RenderOptions` from keyword arguments.
pub fn render_options(id_prefix: &str, heading_level: u8) -> tiepcan::render::RenderOptions {
    tiepcan::render::RenderOptions {
        id_prefix: id_prefix.to_string(),
        heading_level,
        ..tiepcan::render::RenderOptions::default()
    }
}

/// JSON text of a plain Python value (`json.dumps`, non-ASCII kept).
pub fn py_to_json(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<String> {
    let kw = pyo3::types::PyDict::new(py);
    kw.set_item("ensure_ascii", false)?;
    kw.set_item("default", py.import("builtins")?.getattr("str")?)?;
    py.import("json")?
        .call_method("dumps", (obj,), Some(&kw))?
        .extract()
}
