//! Official yearly days off (ngày nghỉ lễ, nghỉ bù, hoán đổi ngày làm việc)
//! for state agencies, as data.
//!
//! The Government decides each year where the five Tết days fall, which day
//! joins National Day, and which weekdays are swapped for a make-up Saturday
//! (LAW.md §7.2; `NOTES.md` §2). These decisions cannot be derived from
//! rules, so they are data: a CSV table embedded at build time, overridable
//! at run time by a file in the same format.
//!
//! # Format
//!
//! ```text
//! date,kind,name,document
//! 2026-01-02,swap_off,Tết Dương lịch 2026 - hoán đổi (làm bù 10/01/2026),Công văn 12729/VPCP-KGVX (25/12/2025)
//! 2026-01-10,makeup_workday,Làm bù cho ngày 02/01/2026,Công văn 12729/VPCP-KGVX (25/12/2025)
//! ```
//!
//! * `date`: ISO `YYYY-MM-DD`;
//! * `kind`: `holiday` (a statutory date, listed even on a weekend),
//!   `observed` (a compensatory weekday, nghỉ bù), `swap_off` (a weekday off
//!   under a swap, hoán đổi), `makeup_workday` (a Saturday worked in
//!   exchange, làm bù — a working day);
//! * `name`, `document`: free text; fields with commas are quoted.
//!
//! A table lists every day of the years it covers: a year that appears in a
//! table is taken as fully described by it (no projection).

use std::collections::BTreeMap;
use std::io::Read;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::CalendarError;

/// The embedded official table (copied from the shared reference
/// `data/calendar/vn_official_days_off.csv`; see `core/data/README.md`).
pub const EMBEDDED_OFFICIAL_CSV: &str = include_str!("../../data/vn_official_days_off.csv");

/// Version of the embedded table: its years and revision.
pub const EMBEDDED_OFFICIAL_VERSION: &str = "vn-official-days-off 2018-2026 r1";

/// What an official entry does to a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// Ngày lễ: a statutory holiday date (even when it falls on a weekend).
    Holiday,
    /// Nghỉ bù: a compensatory weekday off for a holiday on a weekly rest day.
    Observed,
    /// Hoán đổi: a weekday off in exchange for a make-up Saturday.
    SwapOff,
    /// Làm bù: a Saturday worked in exchange for a swapped weekday; a working day.
    MakeupWorkday,
}

impl DayKind {
    /// Code as written in the CSV.
    pub fn code(self) -> &'static str {
        match self {
            DayKind::Holiday => "holiday",
            DayKind::Observed => "observed",
            DayKind::SwapOff => "swap_off",
            DayKind::MakeupWorkday => "makeup_workday",
        }
    }

    /// Vietnamese label: `ngày lễ`, `nghỉ bù`, `nghỉ hoán đổi`, `làm bù`.
    pub fn label_vi(self) -> &'static str {
        match self {
            DayKind::Holiday => "ngày lễ",
            DayKind::Observed => "nghỉ bù",
            DayKind::SwapOff => "nghỉ hoán đổi",
            DayKind::MakeupWorkday => "làm bù",
        }
    }

    /// Parse a CSV code.
    pub fn parse(s: &str) -> Option<DayKind> {
        Some(match s.trim() {
            "holiday" => DayKind::Holiday,
            "observed" => DayKind::Observed,
            "swap_off" => DayKind::SwapOff,
            "makeup_workday" => DayKind::MakeupWorkday,
            _ => return None,
        })
    }

    /// Whether the day is a working day (only a make-up Saturday is).
    pub fn is_working(self) -> bool {
        self == DayKind::MakeupWorkday
    }
}

/// One row of an official days-off table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficialDay {
    /// The civil date.
    pub date: NaiveDate,
    /// What the entry does.
    pub kind: DayKind,
    /// Name, Vietnamese (e.g. `Tết Âm lịch (Mùng 1)`).
    pub name: String,
    /// Issuing document(s) or statute.
    pub document: String,
}

/// A parsed official days-off table: entries by date, and the years it covers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OfficialDays {
    days: BTreeMap<NaiveDate, OfficialDay>,
}

impl OfficialDays {
    /// The embedded table (2018–2026).
    ///
    /// # Errors
    /// Never in a released build: a unit test parses the embedded table. The
    /// `Result` is kept so that a broken copy fails loudly, not silently.
    pub fn embedded() -> Result<OfficialDays, CalendarError> {
        OfficialDays::parse_str(EMBEDDED_OFFICIAL_CSV, "<embedded>")
    }

    /// Parse a table from CSV text. `file` names it in errors.
    ///
    /// # Errors
    /// [`CalendarError::BadOfficialData`] with the file and 1-based line for
    /// a missing or wrong header, a row with fewer than four fields, a bad
    /// date, an unknown kind, or a date listed twice.
    ///
    /// # Example: next year's decision as an override
    /// ```
    /// use tiepcan::calendar::{DayKind, OfficialDays};
    /// let t = OfficialDays::parse_str(
    ///     "date,kind,name,document\n2027-01-01,holiday,Tết Dương lịch,BLLĐ 2019 Điều 112\n",
    ///     "2027.csv",
    /// )?;
    /// assert_eq!(t.years(), vec![2027]);
    /// let bad = OfficialDays::parse_str("date,kind,name,document\n2027-13-01,holiday,x,y\n", "2027.csv");
    /// assert_eq!(bad.unwrap_err().to_string(), "2027.csv:2: bad date \"2027-13-01\" (expected YYYY-MM-DD)");
    /// # Ok::<(), tiepcan::calendar::CalendarError>(())
    /// ```
    pub fn parse_str(text: &str, file: &str) -> Result<OfficialDays, CalendarError> {
        OfficialDays::parse_reader(text.as_bytes(), file)
    }

    /// Parse a table from a reader (a user override file).
    ///
    /// # Errors
    /// As [`OfficialDays::parse_str`], plus unreadable or non-UTF-8 input.
    pub fn parse_reader<R: Read>(reader: R, file: &str) -> Result<OfficialDays, CalendarError> {
        let err = |line: usize, message: String| CalendarError::BadOfficialData {
            file: file.to_string(),
            line,
            message,
        };
        let mut days = BTreeMap::new();
        let recs = crate::data_csv::records(reader, &["date", "kind", "name", "document"], false)
            .map_err(|(line, message)| err(line, message))?;
        for (line, rec) in recs {
            if rec.len() < 4 {
                return Err(err(
                    line,
                    format!(
                        "expected 4 fields (date,kind,name,document), found {}",
                        rec.len()
                    ),
                ));
            }
            let date = NaiveDate::parse_from_str(&rec[0], "%Y-%m-%d").map_err(|_| {
                err(
                    line,
                    format!("bad date {:?} (expected YYYY-MM-DD)", &rec[0]),
                )
            })?;
            let kind = DayKind::parse(&rec[1]).ok_or_else(|| {
                err(line, format!("unknown kind {:?} (expected holiday, observed, swap_off or makeup_workday)", &rec[1]))
            })?;
            let day = OfficialDay {
                date,
                kind,
                name: rec[2].to_string(),
                document: rec[3].to_string(),
            };
            if days.insert(date, day).is_some() {
                return Err(err(line, format!("date {date} is listed twice")));
            }
        }
        Ok(OfficialDays { days })
    }

    /// Entries in date order.
    pub fn iter(&self) -> impl Iterator<Item = &OfficialDay> {
        self.days.values()
    }

    /// The entry for a date.
    pub fn get(&self, date: NaiveDate) -> Option<&OfficialDay> {
        self.days.get(&date)
    }

    /// Entries of one Gregorian year, in date order.
    pub fn year(&self, year: i32) -> impl Iterator<Item = &OfficialDay> {
        let from = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
        let to = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
        self.days.range(from..=to).map(|(_, d)| d)
    }

    /// The years that have at least one entry, ascending.
    pub fn years(&self) -> Vec<i32> {
        let mut ys: Vec<i32> = self.days.keys().map(|d| d.year()).collect();
        ys.dedup();
        ys
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.days.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_parses_and_covers_2018_2026() {
        let t = OfficialDays::embedded().unwrap();
        assert_eq!(t.years(), (2018..=2026).collect::<Vec<_>>());
        assert_eq!(t.len(), 130);
        let d = NaiveDate::from_ymd_opt(2026, 1, 10).unwrap();
        assert_eq!(t.get(d).unwrap().kind, DayKind::MakeupWorkday);
    }

    #[test]
    fn errors_carry_file_and_line() {
        let e = OfficialDays::parse_str(
            "date,kind,name,document\n2027-01-01,holiday,a,b\n2027-01-02,nope,a,b\n",
            "f.csv",
        );
        assert_eq!(
            e.unwrap_err().to_string(),
            "f.csv:3: unknown kind \"nope\" (expected holiday, observed, swap_off or makeup_workday)"
        );
        let e = OfficialDays::parse_str("when,what\n", "f.csv").unwrap_err();
        assert!(e.to_string().starts_with("f.csv:1: expected header"));
        let e = OfficialDays::parse_str("date,kind,name,document\n2027-01-01,holiday\n", "f.csv")
            .unwrap_err();
        assert!(e.to_string().starts_with("f.csv:2: expected 4 fields"));
    }
}
