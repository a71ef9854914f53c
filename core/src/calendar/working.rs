//! [`WorkingCalendar`]: working days (ngày làm việc) of Vietnamese state
//! agencies, with O(1) day arithmetic.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::{
    projected_days_off, CalendarError, DayKind, OfficialDay, OfficialDays,
    EMBEDDED_OFFICIAL_VERSION,
};

/// First Gregorian year of the working calendar: the first full year under
/// Labour Code 2012 (in force 2013-05-01), whose holiday list the projection
/// uses before 2021.
pub const WORKING_MIN_YEAR: i32 = 2014;
/// Last Gregorian year of the working calendar (the lunar calendar ends with
/// lunar year 2199).
pub const WORKING_MAX_YEAR: i32 = 2199;

/// Where a year's days off come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearSource {
    /// The embedded official table (published decisions).
    Official,
    /// A user override file.
    Override,
    /// Projected from the statutory rules: the Tết placement, National Day's
    /// adjacent day and any swap are guesses until the year's notice is
    /// published.
    Projected,
}

/// Why a day is not a working day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SkipReason {
    /// Saturday or Sunday, the weekly rest days (Decision 188/1999/QĐ-TTg).
    Weekend,
    /// A statutory holiday, a compensatory day or a swapped weekday.
    DayOff {
        /// `holiday`, `observed` or `swap_off`.
        day_kind: DayKind,
        /// Name, Vietnamese.
        name: Arc<str>,
        /// Issuing document or statute.
        document: Arc<str>,
    },
}

/// A day skipped when counting working days, with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedDay {
    /// The date.
    #[serde(with = "crate::model::iso_date")]
    pub date: NaiveDate,
    /// Why it is not a working day.
    pub reason: SkipReason,
    /// Whether the day's year is projected, not official.
    pub projected: bool,
}

impl fmt::Display for SkippedDay {
    /// E.g. `weekend (Saturday)` or `holiday: Tết Âm lịch (Mùng 1) — Công văn 8726/VPCP-KGVX (26/11/2024)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.reason {
            SkipReason::Weekend => {
                let w = if self.date.weekday() == Weekday::Sat {
                    "Saturday"
                } else {
                    "Sunday"
                };
                write!(f, "weekend ({w})")?;
            }
            SkipReason::DayOff {
                day_kind,
                name,
                document,
            } => write!(f, "{}: {name} — {document}", day_kind.code())?,
        }
        if self.projected {
            f.write_str(" [projected]")?;
        }
        Ok(())
    }
}

impl SkippedDay {
    /// The reason in Vietnamese, e.g. `nghỉ hằng tuần (thứ Bảy)` or
    /// `ngày lễ: Tết Âm lịch (Mùng 1) — Công văn 8726/VPCP-KGVX (26/11/2024)`;
    /// a projected year adds ` [dự kiến]`. [`fmt::Display`] gives the English.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use tiepcan::calendar::WorkingCalendar;
    /// let cal = WorkingCalendar::official();
    /// let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
    /// let skipped = cal.explain(d(1, 24), d(2, 5))?;
    /// assert_eq!(skipped[0].describe_vi(), "nghỉ hằng tuần (thứ Bảy)");
    /// assert_eq!(skipped[0].to_string(), "weekend (Saturday)");
    /// assert!(skipped[4].describe_vi().starts_with("ngày lễ: Tết Âm lịch (Mùng 1) — "));
    /// # Ok::<(), tiepcan::calendar::CalendarError>(())
    /// ```
    pub fn describe_vi(&self) -> String {
        let mut s = match &self.reason {
            SkipReason::Weekend => format!("nghỉ hằng tuần ({})", weekday_vi(self.date)),
            SkipReason::DayOff {
                day_kind,
                name,
                document,
            } => format!("{}: {name} — {document}", day_kind.label_vi()),
        };
        if self.projected {
            s.push_str(" [dự kiến]");
        }
        s
    }
}

/// The day of the week in Vietnamese as written inside a sentence:
/// `thứ Hai` … `thứ Bảy`, `Chủ nhật`.
///
/// ```
/// use chrono::NaiveDate;
/// assert_eq!(tiepcan::calendar::weekday_vi(NaiveDate::from_ymd_opt(2025, 1, 29).unwrap()), "thứ Tư");
/// ```
pub fn weekday_vi(d: NaiveDate) -> &'static str {
    match d.weekday() {
        Weekday::Mon => "thứ Hai",
        Weekday::Tue => "thứ Ba",
        Weekday::Wed => "thứ Tư",
        Weekday::Thu => "thứ Năm",
        Weekday::Fri => "thứ Sáu",
        Weekday::Sat => "thứ Bảy",
        Weekday::Sun => "Chủ nhật",
    }
}

/// The working-day calendar of state agencies (lịch làm việc của cơ quan nhà
/// nước), 2014-01-01 to 2199-12-31.
///
/// A working day is Monday–Friday (Decision 188/1999/QĐ-TTg) that is not a
/// holiday, compensatory day (nghỉ bù) or swapped day off (hoán đổi), or a
/// make-up Saturday (ngày làm bù). Years with official data use it; other
/// years are projected from the Labour Code and flagged ([`YearSource`]).
///
/// Built once (a few milliseconds); every query is O(1) over precomputed
/// prefix counts of working days.
///
/// # Example: a request received during Tết 2025
/// ```
/// # use chrono::NaiveDate;
/// use tiepcan::calendar::WorkingCalendar;
/// let cal = WorkingCalendar::official();
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// // 3 working days after Fri 24 Jan 2025: Tết is 27–31 Jan.
/// assert_eq!(cal.add_working_days(d(2025, 1, 24), 3)?, d(2025, 2, 5));
/// // A make-up Saturday is a working day; a swapped weekday is not.
/// assert!(cal.is_working_day(d(2025, 4, 26))?);
/// assert!(!cal.is_working_day(d(2025, 5, 2))?);
/// # Ok::<(), tiepcan::calendar::CalendarError>(())
/// ```
#[derive(Debug, Clone)]
pub struct WorkingCalendar {
    first: NaiveDate,
    /// `first.num_days_from_ce()`, to index a date without chrono arithmetic.
    first_ce: i32,
    /// `cum[i]` = working days among day indices `0..=i`.
    cum: Vec<u32>,
    /// `pos[k]` = the (k+1)-th working day.
    pos: Vec<NaiveDate>,
    days_off: BTreeMap<NaiveDate, OfficialDay>,
    /// Reasons of the non-working entries, shared by every explanation;
    /// `reasons[0]` is the weekend.
    reasons: Vec<SkipReason>,
    /// Per day index: index into `reasons` (0 for none or the weekend).
    reason_of: Vec<u16>,
    sources: Vec<YearSource>,
    version: String,
}

impl WorkingCalendar {
    /// The calendar from the embedded official table, built once per process
    /// and shared.
    ///
    /// # Panics
    /// Only if the embedded table is broken, which a unit test rules out.
    pub fn official() -> &'static WorkingCalendar {
        static CAL: OnceLock<WorkingCalendar> = OnceLock::new();
        CAL.get_or_init(|| {
            WorkingCalendar::build(None)
                .expect("the embedded official days-off table is valid (tested)")
        })
    }

    /// A calendar from the embedded table with a user override merged in.
    ///
    /// Rows are merged by date (an override row replaces the embedded row of
    /// the same date). A year present in the override but absent from the
    /// embedded table is taken as fully described by the override, like the
    /// embedded years: nothing is projected for it.
    ///
    /// # Errors
    /// [`CalendarError::BadOfficialData`] if the embedded table is broken;
    /// [`CalendarError::DateOutOfRange`] for an override row outside
    /// 2014–2199.
    ///
    /// # Example: a province's notice adds a day off
    /// ```
    /// # use chrono::NaiveDate;
    /// use tiepcan::calendar::{OfficialDays, WorkingCalendar, YearSource};
    /// let o = OfficialDays::parse_str(
    ///     "date,kind,name,document\n2027-01-01,holiday,Tết Dương lịch,BLLĐ 2019 Điều 112\n",
    ///     "province.csv",
    /// )?;
    /// let cal = WorkingCalendar::with_override(&o)?;
    /// assert_eq!(cal.year_source(2027), Some(YearSource::Override));
    /// assert!(cal.version().contains("override"));
    /// # Ok::<(), tiepcan::calendar::CalendarError>(())
    /// ```
    pub fn with_override(over: &OfficialDays) -> Result<WorkingCalendar, CalendarError> {
        WorkingCalendar::build(Some(over))
    }

    fn build(over: Option<&OfficialDays>) -> Result<WorkingCalendar, CalendarError> {
        let embedded = OfficialDays::embedded()?;
        let first = NaiveDate::from_ymd_opt(WORKING_MIN_YEAR, 1, 1).unwrap_or(NaiveDate::MIN);
        let end = NaiveDate::from_ymd_opt(WORKING_MAX_YEAR + 1, 1, 1).unwrap_or(NaiveDate::MAX);
        let n_years = (WORKING_MAX_YEAR - WORKING_MIN_YEAR + 1) as usize;
        let mut sources = vec![YearSource::Projected; n_years];
        let mut days_off = BTreeMap::new();
        let emb_years = embedded.years();
        for d in embedded.iter() {
            if d.date >= first && d.date < end {
                days_off.insert(d.date, d.clone());
            }
        }
        for &y in &emb_years {
            if (WORKING_MIN_YEAR..=WORKING_MAX_YEAR).contains(&y) {
                sources[(y - WORKING_MIN_YEAR) as usize] = YearSource::Official;
            }
        }
        if let Some(o) = over {
            for d in o.iter() {
                if d.date < first || d.date >= end {
                    return Err(CalendarError::DateOutOfRange { date: d.date });
                }
                days_off.insert(d.date, d.clone());
                let s = &mut sources[(d.date.year() - WORKING_MIN_YEAR) as usize];
                if *s == YearSource::Projected {
                    *s = YearSource::Override;
                }
            }
        }
        for (i, s) in sources.iter().enumerate() {
            if *s == YearSource::Projected {
                let y = WORKING_MIN_YEAR + i as i32;
                for d in projected_days_off(y)? {
                    days_off.entry(d.date).or_insert(d);
                }
            }
        }
        let len = (end - first).num_days() as usize;
        let mut cum = Vec::with_capacity(len);
        let mut pos = Vec::with_capacity(len * 5 / 7 + 16);
        let mut count = 0u32;
        let mut date = first;
        let mut reasons = vec![SkipReason::Weekend];
        let mut reason_of = Vec::with_capacity(len);
        let mut next_off = days_off.iter().peekable();
        for _ in 0..len {
            let entry = match next_off.peek() {
                Some((d, e)) if **d == date => {
                    let e = *e;
                    next_off.next();
                    Some(e)
                }
                _ => None,
            };
            let mut r = 0u16;
            if let Some(e) = entry.filter(|e| !e.kind.is_working()) {
                r = u16::try_from(reasons.len()).map_err(|_| CalendarError::BadOfficialData {
                    file: "<calendar>".into(),
                    line: 0,
                    message: "more than 65535 days off".into(),
                })?;
                reasons.push(SkipReason::DayOff {
                    day_kind: e.kind,
                    name: e.name.as_str().into(),
                    document: e.document.as_str().into(),
                });
            }
            reason_of.push(r);
            let entry = entry.map(|e| e.kind);
            let working = match entry {
                Some(k) => k.is_working(),
                None => !matches!(date.weekday(), Weekday::Sat | Weekday::Sun),
            };
            if working {
                count += 1;
                pos.push(date);
            }
            cum.push(count);
            date = date.succ_opt().unwrap_or(date);
        }
        let version = match over {
            Some(o) => format!("{EMBEDDED_OFFICIAL_VERSION} + override ({} rows)", o.len()),
            None => EMBEDDED_OFFICIAL_VERSION.to_string(),
        };
        Ok(WorkingCalendar {
            reasons,
            reason_of,
            first,
            first_ce: first.num_days_from_ce(),
            cum,
            pos,
            days_off,
            sources,
            version,
        })
    }

    /// Version of the data behind the calendar: the embedded table's version,
    /// plus `+ override (N rows)` when a user file was merged.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// First and last supported dates.
    pub fn range(&self) -> (NaiveDate, NaiveDate) {
        (
            self.first,
            self.first + Duration::days(self.cum.len() as i64 - 1),
        )
    }

    #[inline]
    fn index(&self, date: NaiveDate) -> Result<usize, CalendarError> {
        let i = date.num_days_from_ce() - self.first_ce;
        if i < 0 || i as usize >= self.cum.len() {
            Err(CalendarError::DateOutOfRange { date })
        } else {
            Ok(i as usize)
        }
    }

    #[inline]
    fn date_at(&self, i: usize) -> NaiveDate {
        self.first + Duration::days(i as i64)
    }

    #[inline]
    fn working_at(&self, i: usize) -> bool {
        let before = if i == 0 { 0 } else { self.cum[i - 1] };
        self.cum[i] != before
    }

    /// Whether `date` is a working day (ngày làm việc).
    ///
    /// # Errors
    /// [`CalendarError::DateOutOfRange`] outside 2014–2199.
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        Ok(self.working_at(self.index(date)?))
    }

    /// The first working day strictly after `date`.
    ///
    /// # Errors
    /// [`CalendarError::DateOutOfRange`] if `date` or the result is outside
    /// the range.
    pub fn next_working_day(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        self.add_working_days(date, 1)
    }

    /// `date` if it is a working day, else the next working day.
    ///
    /// # Errors
    /// [`CalendarError::DateOutOfRange`] if `date` or the result is outside
    /// the range.
    pub fn roll_forward(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        if self.is_working_day(date)? {
            Ok(date)
        } else {
            self.add_working_days(date, 1)
        }
    }

    /// The `n`-th working day strictly after `date` ("`n` ngày làm việc"):
    /// `date` itself is never counted (Civil Code 2015 Art. 147), even when
    /// it is a working day; `n = 0` returns `date` unchanged. `n` is in
    /// working days.
    ///
    /// # Errors
    /// [`CalendarError::DateOutOfRange`] if `date` or the result is outside
    /// the range.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// let cal = tiepcan::calendar::WorkingCalendar::official();
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// // LAW.md §5.8 worked example: Mon 2024-05-20 + 10 working days.
    /// assert_eq!(cal.add_working_days(d(2024, 5, 20), 10)?, d(2024, 6, 3));
    /// # Ok::<(), tiepcan::calendar::CalendarError>(())
    /// ```
    #[inline]
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let i = self.index(date)?;
        if n == 0 {
            return Ok(date);
        }
        let k = self.cum[i] as usize + n as usize - 1;
        match self.pos.get(k) {
            Some(&due) => Ok(due),
            None => Err(CalendarError::DateOutOfRange {
                date: self.range().1 + Duration::days(1),
            }),
        }
    }

    /// `n` calendar days after `date` ("`n` ngày", LAW.md A1), and if that
    /// last day is not a working day, the next working day (Civil Code 2015
    /// Art. 148). `n` is in calendar days; `date` is not counted (Art. 147).
    ///
    /// # Errors
    /// [`CalendarError::DateOutOfRange`] if the result is outside the range.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// let cal = tiepcan::calendar::WorkingCalendar::official();
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// // LAW.md §5.8: a claim received Fri 2024-05-24, 15 "ngày": Sat 06-08 rolls to Mon 06-10.
    /// assert_eq!(cal.add_calendar_days_rolled(d(2024, 5, 24), 15)?, d(2024, 6, 10));
    /// # Ok::<(), tiepcan::calendar::CalendarError>(())
    /// ```
    pub fn add_calendar_days_rolled(
        &self,
        date: NaiveDate,
        n: u32,
    ) -> Result<NaiveDate, CalendarError> {
        let end = date
            .checked_add_signed(Duration::days(i64::from(n)))
            .ok_or(CalendarError::DateOutOfRange { date })?;
        self.roll_forward(end)
    }

    /// Working days in the half-open interval (`from`, `to`]: positive when
    /// `to` is after `from`, negative when before, 0 when equal. Counted in
    /// working days.
    ///
    /// # Errors
    /// [`CalendarError::DateOutOfRange`] if either date is outside the range.
    pub fn working_days_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<i64, CalendarError> {
        let (a, b) = (self.index(from)?, self.index(to)?);
        Ok(i64::from(self.cum[b]) - i64::from(self.cum[a]))
    }

    /// Every non-working day in (`from`, `to`], each with its reason (the
    /// weekend, which holiday, which swap, which document) and whether its
    /// year is projected. Empty when `to <= from`.
    ///
    /// # Errors
    /// [`CalendarError::DateOutOfRange`] if either date is outside the range.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// let cal = tiepcan::calendar::WorkingCalendar::official();
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let s = cal.explain(d(2025, 12, 31), d(2026, 1, 5))?;
    /// assert_eq!(s.iter().map(|x| x.date).collect::<Vec<_>>(), [d(2026, 1, 1), d(2026, 1, 2), d(2026, 1, 3), d(2026, 1, 4)]);
    /// assert!(s[1].to_string().starts_with("swap_off: Tết Dương lịch 2026"));
    /// # Ok::<(), tiepcan::calendar::CalendarError>(())
    /// ```
    pub fn explain(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<SkippedDay>, CalendarError> {
        let (a, b) = (self.index(from)?, self.index(to)?);
        let mut out = Vec::new();
        for i in a + 1..=b {
            if self.working_at(i) {
                continue;
            }
            let date = self.date_at(i);
            let reason = self.reasons[usize::from(self.reason_of[i])].clone();
            out.push(SkippedDay {
                date,
                reason,
                projected: self.year_source(date.year()) == Some(YearSource::Projected),
            });
        }
        Ok(out)
    }

    /// Where the days off of `year` come from, or `None` outside 2014–2199.
    pub fn year_source(&self, year: i32) -> Option<YearSource> {
        if (WORKING_MIN_YEAR..=WORKING_MAX_YEAR).contains(&year) {
            Some(self.sources[(year - WORKING_MIN_YEAR) as usize])
        } else {
            None
        }
    }

    /// Days off and make-up working days of `year` (official, override or
    /// projected), in date order.
    ///
    /// # Errors
    /// [`CalendarError::DateOutOfRange`] outside 2014–2199.
    pub fn year_days(&self, year: i32) -> Result<Vec<&OfficialDay>, CalendarError> {
        let from = NaiveDate::from_ymd_opt(year, 1, 1)
            .ok_or(CalendarError::LunarYearOutOfRange { year })?;
        let to = NaiveDate::from_ymd_opt(year, 12, 31)
            .ok_or(CalendarError::LunarYearOutOfRange { year })?;
        self.index(from)?;
        Ok(self.days_off.range(from..=to).map(|(_, d)| d).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn makeup_saturday_works_swapped_weekday_does_not() {
        let c = WorkingCalendar::official();
        assert!(c.is_working_day(d(2026, 1, 10)).unwrap());
        assert!(!c.is_working_day(d(2026, 1, 2)).unwrap());
        assert!(!c.is_working_day(d(2026, 1, 3)).unwrap());
    }

    #[test]
    fn projected_years_are_flagged() {
        let c = WorkingCalendar::official();
        assert_eq!(c.year_source(2026), Some(YearSource::Official));
        assert_eq!(c.year_source(2027), Some(YearSource::Projected));
        let s = c.explain(d(2027, 2, 1), d(2027, 2, 12)).unwrap();
        assert!(s.iter().all(|x| x.projected));
    }

    #[test]
    fn out_of_range_errors() {
        let c = WorkingCalendar::official();
        assert!(c.is_working_day(d(2013, 12, 31)).is_err());
        assert!(c.add_working_days(d(2199, 12, 30), 5).is_err());
    }
}
