//! Python bindings of tiepcan: the extension module `tiepcan._tiepcan`.
//!
//! Thin by design (DESIGN.md): every function converts its arguments, calls
//! `tiepcan` core and converts the result. No legal logic lives here. Core
//! errors become the exceptions of `tiepcan/exceptions.py` variant by
//! variant ([`errors`]); panics become `tiepcan.InternalError`; long core
//! calls run with the GIL released.

use pyo3::prelude::*;

mod calendar;
mod convert;
mod deadline;
mod errors;
mod law;
mod model;
mod register;
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
    m.add_function(wrap_pyfunction!(model::read_catalog, m)?)?;
    m.add_function(wrap_pyfunction!(model::check_catalog_set, m)?)?;
    m.add_class::<validate::PyDiagnostic>()?;
    m.add_class::<validate::PyReport>()?;
    m.add_class::<calendar::PyWorkingCalendar>()?;
    m.add_class::<calendar::PySkippedDay>()?;
    m.add_class::<calendar::PyLunarDate>()?;
    m.add_function(wrap_pyfunction!(calendar::lunar_to_solar, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::solar_to_lunar, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::lunar_new_year, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::hung_kings_day, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::leap_month, m)?)?;
    m.add_class::<deadline::PyMilestone>()?;
    m.add_class::<deadline::PyDeadline>()?;
    m.add_function(wrap_pyfunction!(deadline::deadline, m)?)?;
    m.add_function(wrap_pyfunction!(deadline::deadlines, m)?)?;
    m.add_class::<register::PyRegister>()?;
    m.add_class::<register::PyRegisterCheck>()?;
    m.add_class::<register::PyRequestStatus>()?;
    m.add_function(wrap_pyfunction!(register::read_register, m)?)?;
    m.add_function(wrap_pyfunction!(_panic, m)?)?;
    Ok(())
}

/// Test hook: panics inside a guarded call, to prove that a Rust panic
/// reaches Python as `tiepcan.InternalError`, never a `PanicException`.
#[pyfunction]
fn _panic(py: Python<'_>, message: &str) -> PyResult<()> {
    errors::guard(py, || panic!("{message}"))
}
