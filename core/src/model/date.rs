//! Dates as catalogs write them: a full date, a month, or a year, parsed from
//! the many ways Vietnamese officers type them.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::text::fold_key;

/// A civil date in Vietnam with the precision the source gave: a day, a
/// month ("05/2019", "Tháng 5/2019") or a year ("Năm 2019"). Month precision
/// is kept as a month, never turned into the 1st.
///
/// Serialised as `"2019-05-02"`, `"2019-05"` or `"2019"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PartialDate {
    /// A full date.
    Day(NaiveDate),
    /// A month of a year.
    Month {
        /// Year.
        year: i32,
        /// Month 1–12.
        month: u32,
    },
    /// A year.
    Year(i32),
}

/// Why a date text could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Day, month and year were found but no such date exists (31/02/2019).
    /// Never rolled over to another date.
    #[error(
        "{input:?} is not a calendar date (day {day}, month {month}, year {year} does not exist)"
    )]
    Impossible {
        /// The text.
        input: String,
        /// Day as written.
        day: u32,
        /// Month as written.
        month: u32,
        /// Year as written.
        year: i32,
    },
    /// The text is not a date in any form tiepcan reads.
    #[error("{input:?} is not a date (expected dd/mm/yyyy, yyyy-mm-dd, \"ngày d tháng m năm y\", mm/yyyy or a year)")]
    Unrecognised {
        /// The text.
        input: String,
    },
}

impl PartialDate {
    /// The first day covered.
    pub fn first_day(self) -> NaiveDate {
        match self {
            PartialDate::Day(d) => d,
            PartialDate::Month { year, month } => {
                NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
            }
            PartialDate::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(NaiveDate::MIN),
        }
    }

    /// The last day covered.
    pub fn last_day(self) -> NaiveDate {
        match self {
            PartialDate::Day(d) => d,
            PartialDate::Month { year, month } => {
                let (ny, nm) = if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, month + 1)
                };
                NaiveDate::from_ymd_opt(ny, nm, 1)
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(NaiveDate::MAX)
            }
            PartialDate::Year(y) => NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(NaiveDate::MAX),
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        match self {
            PartialDate::Day(d) => d.year(),
            PartialDate::Month { year, .. } => year,
            PartialDate::Year(y) => y,
        }
    }

    /// Parse a date as Vietnamese catalogs write it. Day first, always:
    /// `02/03/2026` is 2 March.
    ///
    /// Accepted: `dd/mm/yyyy` (also `-` or `.` separators, one-digit day or
    /// month), ISO `yyyy-mm-dd` and `yyyy-mm`, `ngày 02 tháng 3 năm 2026` (with or without
    /// diacritics), `mm/yyyy`, `Tháng 5/2019`, `tháng 5 năm 2019`, `Năm 2019`,
    /// `2019`, and an ISO date-time (the date part is taken).
    ///
    /// # Errors
    /// [`DateError::Impossible`] for a day that does not exist (never rolled
    /// over), [`DateError::Unrecognised`] for anything else.
    ///
    /// ```
    /// use tiepcan::model::PartialDate;
    /// use chrono::NaiveDate;
    /// assert_eq!(PartialDate::parse("02/03/2026")?, PartialDate::Day(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()));
    /// assert_eq!(PartialDate::parse("ngày 02 tháng 3 năm 2026")?.to_string(), "2026-03-02");
    /// assert_eq!(PartialDate::parse("Tháng 5/2019")?.to_string(), "2019-05");
    /// assert!(PartialDate::parse("31/02/2019").is_err());
    /// # Ok::<(), tiepcan::model::DateError>(())
    /// ```
    pub fn parse(input: &str) -> Result<PartialDate, DateError> {
        // Exact `YYYY-MM-DD`, the form tiepcan writes: read without folding
        // the text for the Vietnamese phrases below (same result as the
        // general path, which reads it through `make_day`).
        match parse_iso_date(input) {
            Ok(d) => return Ok(PartialDate::Day(d)),
            Err(IsoDateError::DoesNotExist { year, month, day }) => {
                return Err(DateError::Impossible {
                    input: input.to_string(),
                    day,
                    month,
                    year,
                })
            }
            Err(IsoDateError::NotIso) => {}
        }
        Self::parse_general(input)
    }

    /// [`PartialDate::parse`] without its `YYYY-MM-DD` fast path.
    fn parse_general(input: &str) -> Result<PartialDate, DateError> {
        let unrec = || DateError::Unrecognised {
            input: input.to_string(),
        };
        let k = fold_key(input);
        let k = k.trim_end_matches('.').trim();
        if k.is_empty() {
            return Err(unrec());
        }
        // Words to separators: "ngay 02 thang 3 nam 2026", "thang 5/2019", "nam 2019".
        let mut words = k.to_string();
        for w in ["ngay", "thang", "nam"] {
            words = words.replace(w, " ");
        }
        // ISO year-month, as [`PartialDate`] serialises a month: "2019-05".
        if let [y0, y1, y2, y3, b'-', m0, m1] = k.as_bytes() {
            if [y0, y1, y2, y3, m0, m1].iter().all(|b| b.is_ascii_digit()) {
                let year: i32 = k[..4].parse().map_err(|_| unrec())?;
                let month: u32 = k[5..].parse().map_err(|_| unrec())?;
                return if (1..=12).contains(&month) {
                    Ok(PartialDate::Month { year, month })
                } else {
                    Err(unrec())
                };
            }
        }
        let iso_like =
            k.len() >= 10 && k.as_bytes()[4] == b'-' && k[..4].bytes().all(|b| b.is_ascii_digit());
        let nums: Vec<&str> = words
            .split(|c: char| c == '/' || c == '-' || c == '.' || c == ',' || c.is_whitespace())
            .filter(|s| !s.is_empty())
            .collect();
        let all_digits = nums.iter().all(|n| n.bytes().all(|b| b.is_ascii_digit()));
        let stripped_of_words_ok = fold_key(&words)
            .chars()
            .all(|c| c.is_ascii_digit() || "/-. ,".contains(c));
        // ISO month "2019-05", the form `Display` writes for month precision.
        if k.len() == 7
            && k.as_bytes()[4] == b'-'
            && k.bytes()
                .enumerate()
                .all(|(i, b)| i == 4 || b.is_ascii_digit())
        {
            let year: i32 = k[..4].parse().map_err(|_| unrec())?;
            let month: u32 = k[5..].parse().map_err(|_| unrec())?;
            return if (1..=12).contains(&month) {
                Ok(PartialDate::Month { year, month })
            } else {
                Err(unrec())
            };
        }
        if iso_like {
            // Not `&k[..10]`: a multi-byte character may straddle byte 10.
            let Some(date_part) = k.get(..10) else {
                return Err(unrec());
            };
            let parts: Vec<&str> = date_part.split('-').collect();
            if parts.len() == 3 && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
                return make_day(input, parts[2], parts[1], parts[0]);
            }
            return Err(unrec());
        }
        if !all_digits || !stripped_of_words_ok || nums.is_empty() {
            return Err(unrec());
        }
        let year_ok = |y: &str| y.len() == 4;
        match nums.as_slice() {
            [d, m, y] if year_ok(y) && d.len() <= 2 && m.len() <= 2 => make_day(input, d, m, y),
            [m, y] if year_ok(y) && m.len() <= 2 => {
                let month: u32 = m.parse().map_err(|_| unrec())?;
                let year: i32 = y.parse().map_err(|_| unrec())?;
                if (1..=12).contains(&month) {
                    Ok(PartialDate::Month { year, month })
                } else {
                    Err(unrec())
                }
            }
            [y] if year_ok(y) => Ok(PartialDate::Year(y.parse().map_err(|_| unrec())?)),
            _ => Err(unrec()),
        }
    }
}

fn make_day(input: &str, d: &str, m: &str, y: &str) -> Result<PartialDate, DateError> {
    let unrec = || DateError::Unrecognised {
        input: input.to_string(),
    };
    let day: u32 = d.parse().map_err(|_| unrec())?;
    let month: u32 = m.parse().map_err(|_| unrec())?;
    let year: i32 = y.parse().map_err(|_| unrec())?;
    NaiveDate::from_ymd_opt(year, month, day)
        .map(PartialDate::Day)
        .ok_or(DateError::Impossible {
            input: input.to_string(),
            day,
            month,
            year,
        })
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartialDate::Day(d) => write_iso_date(f, *d),
            PartialDate::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            PartialDate::Year(y) => write!(f, "{y:04}"),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PartialDate::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl From<NaiveDate> for PartialDate {
    fn from(d: NaiveDate) -> Self {
        PartialDate::Day(d)
    }
}

/// Why a text is not an ISO 8601 calendar date `YYYY-MM-DD` (the form tiepcan
/// writes every full date in: JSON, XML, CSV exports; a civil date in Vietnam).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IsoDateError {
    /// Not of the form `YYYY-MM-DD`: four digits, `-`, two digits, `-`, two
    /// digits, nothing before or after (`2024-5-20`, `20/05/2024`, `" 2024-05-20"`).
    #[error("not an ISO 8601 date (YYYY-MM-DD, as 2024-05-20)")]
    NotIso,
    /// Of the form, but no such day exists (`2024-02-30`, `2023-02-29`,
    /// `2024-13-01`). Never rolled over to another date.
    #[error("not a calendar date (day {day:02}, month {month:02}, year {year:04} does not exist)")]
    DoesNotExist {
        /// Year as written.
        year: i32,
        /// Month as written.
        month: u32,
        /// Day as written.
        day: u32,
    },
}

/// Read an ISO 8601 calendar date, exactly `YYYY-MM-DD` (years 0000–9999).
/// Nothing is trimmed: callers trim the text they read if their format
/// allows spaces.
///
/// Agrees with chrono's `NaiveDate::parse_from_str(s, "%Y-%m-%d")` on every
/// text of that form; chrono also takes looser forms (`2024-5-7`, a sign,
/// more year digits, spaces), which tiepcan's formats do not allow
/// (`schemas/*.schema.json`: `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`). Written by hand
/// so that chrono's format-string parser stays out of the web module.
///
/// # Errors
/// [`IsoDateError::NotIso`] when the text is not of the form,
/// [`IsoDateError::DoesNotExist`] for a day that does not exist.
///
/// ```
/// use tiepcan::model::{parse_iso_date, IsoDateError};
/// use chrono::NaiveDate;
/// assert_eq!(parse_iso_date("2024-02-29"), Ok(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()));
/// assert_eq!(
///     parse_iso_date("2024-02-30"),
///     Err(IsoDateError::DoesNotExist { year: 2024, month: 2, day: 30 })
/// );
/// assert_eq!(parse_iso_date("2024-2-29"), Err(IsoDateError::NotIso));
/// assert_eq!(parse_iso_date("29/02/2024"), Err(IsoDateError::NotIso));
/// ```
pub fn parse_iso_date(s: &str) -> Result<NaiveDate, IsoDateError> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(IsoDateError::NotIso);
    }
    let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return Err(IsoDateError::NotIso);
    };
    // At most 9999: fits i32.
    let year = year as i32;
    NaiveDate::from_ymd_opt(year, month, day).ok_or(IsoDateError::DoesNotExist { year, month, day })
}

/// Write a date as ISO 8601 `YYYY-MM-DD`, zero padded: the text chrono's
/// `format("%Y-%m-%d")` and `Display` give (years outside 0000–9999, which
/// tiepcan never produces, get a sign and at least four digits: `+10000-01-01`,
/// `-0001-01-01`, as chrono writes them).
///
/// # Errors
/// Only the writer's.
///
/// ```
/// use tiepcan::model::write_iso_date;
/// use chrono::NaiveDate;
/// let mut s = String::new();
/// write_iso_date(&mut s, NaiveDate::from_ymd_opt(987, 5, 2).unwrap()).unwrap();
/// assert_eq!(s, "0987-05-02");
/// ```
pub fn write_iso_date<W: fmt::Write + ?Sized>(w: &mut W, d: NaiveDate) -> fmt::Result {
    let y = d.year();
    if (0..=9999).contains(&y) {
        write!(w, "{y:04}-{:02}-{:02}", d.month(), d.day())
    } else {
        write!(w, "{y:+05}-{:02}-{:02}", d.month(), d.day())
    }
}

/// A date as ISO 8601 `YYYY-MM-DD` text; see [`write_iso_date`].
///
/// ```
/// use tiepcan::model::iso_date_string;
/// use chrono::NaiveDate;
/// assert_eq!(iso_date_string(NaiveDate::from_ymd_opt(2026, 1, 2).unwrap()), "2026-01-02");
/// ```
pub fn iso_date_string(d: NaiveDate) -> String {
    let mut s = String::with_capacity(10);
    // Writing to a String never fails.
    let _ = write_iso_date(&mut s, d);
    s
}

/// A date as Vietnamese documents write it, `dd/mm/yyyy` (zero padded; the
/// year as in [`write_iso_date`]), the text chrono's `format("%d/%m/%Y")` gives.
///
/// ```
/// use tiepcan::model::dmy_date_string;
/// use chrono::NaiveDate;
/// assert_eq!(dmy_date_string(NaiveDate::from_ymd_opt(2026, 3, 5).unwrap()), "05/03/2026");
/// ```
pub fn dmy_date_string(d: NaiveDate) -> String {
    let y = d.year();
    if (0..=9999).contains(&y) {
        format!("{:02}/{:02}/{y:04}", d.day(), d.month())
    } else {
        format!("{:02}/{:02}/{y:+05}", d.day(), d.month())
    }
}

/// The serde visitor of [`iso_date`] and [`iso_date_opt`]: a string read
/// with [`parse_iso_date`]; the error names the text and the reason.
struct IsoDateVisitor;

impl serde::de::Visitor<'_> for IsoDateVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an ISO 8601 date string (YYYY-MM-DD)")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<NaiveDate, E> {
        parse_iso_date(v).map_err(|e| E::custom(format_args!("{v:?} is {e}")))
    }
}

/// `#[serde(with = "crate::model::iso_date")]` for a [`NaiveDate`] field:
/// written and read as ISO 8601 `YYYY-MM-DD` ([`write_iso_date`],
/// [`parse_iso_date`]). The JSON is the same as chrono's own serde impls
/// give; reading is strict (`YYYY-MM-DD` only, as the JSON Schemas say) and
/// does not pull chrono's format-string parser into the web module.
///
/// A bad date is a serde error such as `"2024-02-30" is not a calendar date
/// (day 30, month 02, year 2024 does not exist)`; the JSON readers add the
/// line, column and pointer.
pub mod iso_date {
    use chrono::NaiveDate;
    use serde::{Deserializer, Serializer};

    /// Write `d` as `YYYY-MM-DD`.
    ///
    /// # Errors
    /// Only the serializer's.
    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&super::IsoDate(*d))
    }

    /// Read a `YYYY-MM-DD` string.
    ///
    /// # Errors
    /// Not a string, not of the form, or a day that does not exist.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_str(super::IsoDateVisitor)
    }
}

/// `#[serde(with = "crate::model::iso_date_opt")]` for an
/// `Option<NaiveDate>` field: `null` (or a missing field, with
/// `#[serde(default)]`) is `None`, otherwise as [`iso_date`].
pub mod iso_date_opt {
    use chrono::NaiveDate;
    use serde::{Deserializer, Serializer};

    /// Write `Some(d)` as `YYYY-MM-DD`, `None` as `null`.
    ///
    /// # Errors
    /// Only the serializer's.
    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_some(&super::IsoDate(*d)),
            None => s.serialize_none(),
        }
    }

    /// Read `null` or a `YYYY-MM-DD` string.
    ///
    /// # Errors
    /// As [`super::iso_date::deserialize`].
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Option<NaiveDate>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("null or an ISO 8601 date string (YYYY-MM-DD)")
            }
            fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                super::iso_date::deserialize(d).map(Some)
            }
        }
        d.deserialize_option(V)
    }
}

/// A [`NaiveDate`] that displays and serialises as `YYYY-MM-DD`.
struct IsoDate(NaiveDate);

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_iso_date(f, self.0)
    }
}

impl Serialize for IsoDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// How a disclosure time or time limit is written (Decree 13/2018, Art. 6(3):
/// "thời điểm, thời hạn công khai"): a date, a year range, a recurring phrase
/// or free text. The original text is always kept by the model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TimingPhrase {
    /// A date of some precision.
    Date {
        /// The date.
        date: PartialDate,
    },
    /// "Năm 2019 - 2020".
    YearRange {
        /// First year.
        from: i32,
        /// Last year.
        to: i32,
    },
    /// "Thường xuyên" — regularly / continuously.
    Regularly,
    /// "Khi có phát sinh" — when it arises.
    WhenArising,
    /// "Ngay sau khi ban hành" — immediately after issue.
    ImmediatelyAfterIssue,
    /// A duration such as "30 ngày", "01 năm", "05 ngày làm việc".
    Duration {
        /// Amount.
        amount: u32,
        /// Unit word as a key: `day`, `working_day`, `month`, `year`.
        unit: String,
    },
    /// Anything else; the text is in the item field.
    Text,
}

impl TimingPhrase {
    /// Classify a time or time-limit text. Never fails: unknown text is
    /// [`TimingPhrase::Text`]; an impossible date is reported by
    /// [`PartialDate::parse`] and classified as `Text` here.
    pub fn classify(input: &str) -> TimingPhrase {
        let k = fold_key(input);
        if k.contains("thuong xuyen") || k.contains("lien tuc") {
            return TimingPhrase::Regularly;
        }
        if k.contains("khi co phat sinh") || k.contains("khi phat sinh") {
            return TimingPhrase::WhenArising;
        }
        if k.contains("ngay sau khi") || k.contains("ngay khi ban hanh") {
            return TimingPhrase::ImmediatelyAfterIssue;
        }
        if let Ok(date) = PartialDate::parse(input) {
            return TimingPhrase::Date { date };
        }
        let digits: Vec<i32> = k
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| s.len() == 4)
            .filter_map(|s| s.parse().ok())
            .collect();
        if digits.len() == 2
            && (k.starts_with("nam") || k.chars().next().is_some_and(|c| c.is_ascii_digit()))
            && k.contains('-')
        {
            return TimingPhrase::YearRange {
                from: digits[0],
                to: digits[1],
            };
        }
        let mut it = k.split_whitespace();
        if let (Some(n), Some(u)) = (it.next().or(None), it.next()) {
            let rest: Vec<&str> = std::iter::once(u).chain(it).collect();
            let rest = rest.join(" ");
            if let Ok(amount) = n.trim_start_matches("trong").parse::<u32>() {
                let unit = if rest.starts_with("ngay lam viec") {
                    "working_day"
                } else if rest.starts_with("ngay") {
                    "day"
                } else if rest.starts_with("thang") {
                    "month"
                } else if rest.starts_with("nam") {
                    "year"
                } else {
                    return TimingPhrase::Text;
                };
                return TimingPhrase::Duration {
                    amount,
                    unit: unit.to_string(),
                };
            }
        }
        TimingPhrase::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> PartialDate {
        PartialDate::Day(NaiveDate::from_ymd_opt(y, m, dd).unwrap())
    }

    #[test]
    fn day_first_in_every_separator() {
        assert_eq!(PartialDate::parse("02/03/2026").unwrap(), d(2026, 3, 2));
        assert_eq!(PartialDate::parse("2-3-2026").unwrap(), d(2026, 3, 2));
        assert_eq!(PartialDate::parse("02.03.2026").unwrap(), d(2026, 3, 2));
        assert_eq!(PartialDate::parse("2026-02-03").unwrap(), d(2026, 2, 3));
        assert_eq!(
            PartialDate::parse("2026-02-03T10:00:00+07:00").unwrap(),
            d(2026, 2, 3)
        );
    }

    #[test]
    fn vietnamese_long_form_with_and_without_diacritics() {
        assert_eq!(
            PartialDate::parse("ngày 02 tháng 3 năm 2023").unwrap(),
            d(2023, 3, 2)
        );
        assert_eq!(
            PartialDate::parse("Ngay 2 thang 3 nam 2023").unwrap(),
            d(2023, 3, 2)
        );
    }

    #[test]
    fn month_and_year_precision_are_kept() {
        assert_eq!(
            PartialDate::parse("05/2019").unwrap(),
            PartialDate::Month {
                year: 2019,
                month: 5
            }
        );
        assert_eq!(
            PartialDate::parse("Tháng 5/2019").unwrap(),
            PartialDate::Month {
                year: 2019,
                month: 5
            }
        );
        assert_eq!(
            PartialDate::parse("tháng 5 năm 2019").unwrap(),
            PartialDate::Month {
                year: 2019,
                month: 5
            }
        );
        assert_eq!(
            PartialDate::parse("Năm 2019").unwrap(),
            PartialDate::Year(2019)
        );
        // The serialised forms read back.
        for s in ["2019-05", "2019", "2019-05-02"] {
            assert_eq!(PartialDate::parse(s).unwrap().to_string(), s);
        }
        assert!(PartialDate::parse("2019-13").is_err());
        // A multi-byte character right after an ISO-like prefix is not a panic.
        assert!(PartialDate::parse("2019-05-0€").is_err());
        assert_eq!(
            PartialDate::parse("03/2026").unwrap().last_day(),
            NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()
        );
    }

    #[test]
    fn display_round_trips() {
        for s in ["2019-05-02", "2019-05", "2019"] {
            assert_eq!(PartialDate::parse(s).unwrap().to_string(), s);
        }
        assert!(PartialDate::parse("2019-13").is_err());
    }

    #[test]
    fn impossible_dates_are_errors_never_rolled() {
        assert!(matches!(
            PartialDate::parse("31/02/2026"),
            Err(DateError::Impossible {
                day: 31,
                month: 2,
                ..
            })
        ));
        assert!(matches!(
            PartialDate::parse("29/02/2023"),
            Err(DateError::Impossible { .. })
        ));
        assert!(PartialDate::parse("29/02/2024").is_ok());
        assert!(matches!(
            PartialDate::parse("Thường xuyên"),
            Err(DateError::Unrecognised { .. })
        ));
        assert!(PartialDate::parse("13/2019").is_err());
    }

    #[test]
    fn timing_phrases() {
        assert_eq!(
            TimingPhrase::classify("Thường xuyên"),
            TimingPhrase::Regularly
        );
        assert_eq!(
            TimingPhrase::classify("Khi có phát sinh"),
            TimingPhrase::WhenArising
        );
        assert_eq!(
            TimingPhrase::classify("Ngay sau khi ban hành"),
            TimingPhrase::ImmediatelyAfterIssue
        );
        assert_eq!(
            TimingPhrase::classify("Năm 2019 - 2020"),
            TimingPhrase::YearRange {
                from: 2019,
                to: 2020
            }
        );
        assert_eq!(
            TimingPhrase::classify("30 ngày"),
            TimingPhrase::Duration {
                amount: 30,
                unit: "day".into()
            }
        );
        assert_eq!(
            TimingPhrase::classify("01 năm"),
            TimingPhrase::Duration {
                amount: 1,
                unit: "year".into()
            }
        );
    }

    mod iso_fast_path {
        use super::super::PartialDate;
        use proptest::prelude::*;

        proptest! {
            /// The `YYYY-MM-DD` fast path of `PartialDate::parse` gives what
            /// the general path gives: every date of the form (impossible
            /// ones included: month 00–99, day 00–99).
            #[test]
            fn same_as_general_path_on_iso_dates(y in 0u32..=9999, m in 0u32..=99, d in 0u32..=99) {
                let s = format!("{y:04}-{m:02}-{d:02}");
                prop_assert_eq!(PartialDate::parse(&s), PartialDate::parse_general(&s));
            }

            /// ... and on near-ISO texts (other separators, one-digit
            /// parts, spaces, a time, a dot, words, non-ASCII digits).
            #[test]
            fn same_as_general_path_on_near_iso_texts(
                s in "[ ]?[0-9]{1,5}[-/. ][0-9]{1,3}[-/. ][0-9]{1,3}(T10:00|[ .]|ngày|\u{0663})?[ ]?"
            ) {
                prop_assert_eq!(PartialDate::parse(&s), PartialDate::parse_general(&s));
            }
        }

        #[test]
        fn fast_path_examples() {
            for s in [
                "2026-02-03",
                "0000-01-01",
                "2024-02-29",
                "2023-02-29",
                "2024-13-01",
                "2024-00-10",
                "9999-12-31",
            ] {
                assert_eq!(PartialDate::parse(s), PartialDate::parse_general(s), "{s}");
            }
            assert!(matches!(
                PartialDate::parse("2023-02-29"),
                Err(super::super::DateError::Impossible {
                    day: 29,
                    month: 2,
                    year: 2023,
                    ..
                })
            ));
        }
    }
}
