//! Legal regimes over time (LAW.md §8).

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Instrument;

/// The access-to-information regime that governs an event, chosen by the
/// date of the governing event (LAW.md §8.1, rule R-REGIME): the valid-request
/// date for request clocks, the creation date for disclosure timing, the
/// posting date for postings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Regime {
    /// Law 104/2016/QH13 with Decree 13/2018, Circulars 46/2018 and 64/2018:
    /// events from 2018-07-01 to 2026-08-31.
    #[serde(rename = "2016")]
    Law104,
    /// The amended Law on Access to Information, from 2026-09-01. Its request
    /// periods are not yet known (LAW.md §8.3); results computed under it
    /// with carried-over Law 104 values are provisional (A14).
    #[serde(rename = "2026")]
    Law2026,
}

/// 2018-07-01, the day Law 104/2016/QH13 took effect (Art. 37).
pub const LAW104_IN_FORCE: NaiveDate = match NaiveDate::from_ymd_opt(2018, 7, 1) {
    Some(d) => d,
    None => panic!(),
};
/// 2026-09-01, the day the amended Law replaces Law 104 (LAW.md §8.3).
pub const LAW2026_IN_FORCE: NaiveDate = match NaiveDate::from_ymd_opt(2026, 9, 1) {
    Some(d) => d,
    None => panic!(),
};
/// 2025-07-01, first day of two-tier local government: no district level
/// (LAW.md §8.2).
pub const DISTRICTS_ABOLISHED: NaiveDate = match NaiveDate::from_ymd_opt(2025, 7, 1) {
    Some(d) => d,
    None => panic!(),
};

impl Regime {
    /// The regime in force on `date`, or `None` before 2018-07-01 when no
    /// access law applied.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use tiepcan::law::Regime;
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(Regime::for_date(d(2026, 8, 31)), Some(Regime::Law104));
    /// assert_eq!(Regime::for_date(d(2026, 9, 1)), Some(Regime::Law2026));
    /// assert_eq!(Regime::for_date(d(2018, 6, 30)), None);
    /// ```
    pub fn for_date(date: NaiveDate) -> Option<Regime> {
        if date < LAW104_IN_FORCE {
            None
        } else if date < LAW2026_IN_FORCE {
            Some(Regime::Law104)
        } else {
            Some(Regime::Law2026)
        }
    }

    /// The law of this regime.
    pub fn instrument(self) -> Instrument {
        match self {
            Regime::Law104 => Instrument::Law104,
            Regime::Law2026 => Instrument::Law2026,
        }
    }

    /// Short code used in files and on the command line: `"2016"` or `"2026"`.
    pub fn code(self) -> &'static str {
        match self {
            Regime::Law104 => "2016",
            Regime::Law2026 => "2026",
        }
    }

    /// Parse `"2016"`, `"law104"`, `"2026"`, `"law2026"`.
    pub fn parse(s: &str) -> Option<Regime> {
        match s.trim().to_ascii_lowercase().as_str() {
            "2016" | "law104" | "104" => Some(Regime::Law104),
            "2026" | "law2026" => Some(Regime::Law2026),
            _ => None,
        }
    }

    /// Whether this regime's numbers are fully known. `false` for the
    /// amended Law (LAW.md §8.3 "Unknown").
    pub fn is_fully_known(self) -> bool {
        matches!(self, Regime::Law104)
    }
}

impl fmt::Display for Regime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.instrument().name_en())
    }
}
