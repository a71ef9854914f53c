//! # tiepcan
//!
//! Vietnam's Law on Access to Information (Luật Tiếp cận thông tin,
//! Law 104/2016/QH13, and the amended Law in force from 2026-09-01) as a
//! library: the legal vocabulary with citations ([`law`]), the Vietnamese
//! working-day calendar with the lunar Tết and Hùng Kings days ([`calendar`]),
//! the catalog data model ([`model`]), readers and writers ([`io`]), catalog
//! validation ([`validate`]), the request-deadline clock ([`deadline`]) and
//! accessible HTML rendering ([`render`]).
//!
//! Dates are civil dates in Vietnam (UTC+7, no daylight saving time). No
//! function reads the host clock or time zone: `today` is always a parameter.
//!
//! Every rule cites the provision it comes from; see `LAW.md` in the project's
//! shared reference for the legal text it paraphrases.

#![warn(missing_docs)]

pub mod calendar;
mod data_csv;
pub mod deadline;
pub mod io;
pub mod law;
pub mod model;
pub mod register;
pub mod render;
pub mod text;
pub mod validate;

/// The README's Rust examples, run as doctests so that they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
