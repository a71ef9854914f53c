//! The Vietnamese working-day calendar (lịch làm việc) of state agencies.
//!
//! Four layers, each in its own file:
//!
//! * [`lunar`](solar_to_lunar): the Vietnamese lunisolar calendar (âm lịch),
//!   computed at UTC+7 for lunar years 1900–2199; it places Tết (lunar 1/1)
//!   and Giỗ Tổ Hùng Vương (lunar 10/3);
//! * [`holidays`](projected_days_off): the statutory holidays of the Labour
//!   Code in force (Labour Code 2012 Art. 115 before 2021, Labour Code 2019
//!   Art. 112 from 2021) and the compensatory-day rule (nghỉ bù), used to
//!   *project* years that have no official data;
//! * [`official`](OfficialDays): the yearly official adjustments (holidays,
//!   compensatory days, swapped days off, make-up working Saturdays), each
//!   with its issuing document, embedded at build time (2018–2026) and
//!   overridable at run time by a file in the same CSV format;
//! * [`WorkingCalendar`]: working days (ngày làm việc) — Monday to Friday
//!   (Decision 188/1999/QĐ-TTg), minus holidays, compensatory days and
//!   swapped days off, plus make-up Saturdays — with fast day arithmetic and
//!   an explanation of every skipped day.
//!
//! Dates are civil dates in Vietnam; nothing here reads the host clock or
//! time zone.

mod holidays;
mod lunar;
mod official;
mod working;

use chrono::NaiveDate;

pub use holidays::{projected_days_off, Holiday, LabourCode};
pub use lunar::{
    hung_kings_day, leap_month, lunar_new_year, lunar_to_solar, solar_to_lunar, LunarDate,
    LUNAR_MAX_YEAR, LUNAR_MIN_YEAR, UNCERTAIN_YEARS,
};
pub use official::{
    DayKind, OfficialDay, OfficialDays, EMBEDDED_OFFICIAL_CSV, EMBEDDED_OFFICIAL_VERSION,
};
pub use working::{
    weekday_vi, SkipReason, SkippedDay, WorkingCalendar, YearSource, WORKING_MAX_YEAR,
    WORKING_MIN_YEAR,
};

/// What can go wrong in the calendar.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// A lunar year outside 1900–2199: the calendar never guesses.
    #[error("lunar year {year} is outside the supported range {LUNAR_MIN_YEAR}–{LUNAR_MAX_YEAR}")]
    LunarYearOutOfRange {
        /// The year asked for.
        year: i32,
    },
    /// A lunar date that does not exist (month 13, day 30 of a 29-day month,
    /// a leap flag on a month that is not leap that year).
    #[error("no such lunar date: {}/{}{} of {}", .date.day, .date.month, if .date.leap { " (nhuận)" } else { "" }, .date.year)]
    NoSuchLunarDate {
        /// The date asked for.
        date: LunarDate,
    },
    /// A date outside the working calendar's range.
    #[error("date {date} is outside the working calendar's range {WORKING_MIN_YEAR}-01-01 – {WORKING_MAX_YEAR}-12-31")]
    DateOutOfRange {
        /// The date asked for (or reached by counting).
        date: NaiveDate,
    },
    /// An official days-off file that cannot be used, with its location.
    #[error("{file}:{line}: {message}")]
    BadOfficialData {
        /// File name (`<embedded>` for the built-in table).
        file: String,
        /// 1-based line number (1 = header).
        line: usize,
        /// What is wrong.
        message: String,
    },
}
