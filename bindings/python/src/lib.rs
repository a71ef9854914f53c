//! Python bindings of tiepcan: the extension module `tiepcan._tiepcan`.
//!
//! Thin by design (DESIGN.md): every function converts its arguments, calls
//! `tiepcan` core and converts the result. No legal logic lives here. Core
//! errors become the exceptions of `tiepcan/exceptions.py` variant by
//! variant ([`errors`]); panics become `tiepcan.InternalError`; long core
//! calls run with the GIL released.

use pyo3::prelude::*;

mod convert;
mod errors;
mod law;
mod model;
mod validate;

#[pymodule]
fn _tiepcan(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<law::PyCitation>()?;
    m.add_class::<law::PyRule>()?;
    m.add_function(wrap_pyfunction!(law::rules, m)?)?;
    m.add_function(wrap_pyfunction!(law::rule, m)?)?;
    m.add_function(wrap_pyfunction!(law::fold_key, m)?)?;
    m.add_class::<model::PyPartialDate>()?;
    m.add_class::<model::PyCatalog>()?;
    m.add_class::<validate::PyDiagnostic>()?;
    m.add_class::<validate::PyReport>()?;
    Ok(())
}
