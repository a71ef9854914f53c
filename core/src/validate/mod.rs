//! Validation: the rule registry, diagnostics and reports, and the checks for
//! both catalogs (LAW.md §9).

mod catalog;
mod diagnostic;
pub mod rules;

pub use catalog::{
    check_catalog, check_catalog_set, check_conditional, check_disclosure, CheckOptions,
};
pub use diagnostic::{Diagnostic, Location, Message, Report, Severity, Summary};
pub use rules::{Rule, RULES};
