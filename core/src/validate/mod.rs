//! Validation: the rule registry, diagnostics and reports, and the checks for
//! both catalogs (LAW.md §9).

mod diagnostic;
pub mod rules;

pub use diagnostic::{Diagnostic, Location, Message, Report, Severity, Summary};
pub use rules::{Rule, RULES};
