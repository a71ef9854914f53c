//! The Vietnamese lunisolar calendar (âm lịch), computed astronomically at
//! the 105°E meridian (UTC+7) for lunar years 1900–2199.
//!
//! Rules (Hồ Ngọc Đức, "Thuật toán tính âm lịch"; `NOTES.md` §3.1 in the
//! project's shared calendar data):
//!
//! * a lunar month starts on the local (UTC+7) day that contains the
//!   astronomical new moon (ngày sóc);
//! * the winter solstice (Đông chí) always falls in month 11;
//! * a year from one month 11 to the next with 13 months has a leap month
//!   (tháng nhuận): the first month after month 11 that contains no
//!   principal solar term (trung khí).
//!
//! The astronomy is the published simplified method of Hồ Ngọc Đức: true new
//! moons from a truncated Meeus series with a ΔT correction, and the apparent
//! solar longitude from a low-order formula, sampled at local midnight. For
//! 1900–2199 it reproduces the reference table of Tết (lunar 1/1) and
//! Hùng Kings day (lunar 10/3) that seven independent computations agree on,
//! except 2175 and 2199, where the new moon falls within minutes of local
//! midnight and the answer depends on the ΔT model: there this method gives
//! 2175-01-23 and 2199-01-27, the reference table 2175-01-22 and 2199-01-26.
//! Both are defensible; see [`UNCERTAIN_YEARS`].
//!
//! Before 1968 Vietnam used a Chinese-based (UTC+8) calendar; dates here for
//! those years are proleptic UTC+7 dates, like the reference table.

use std::f64::consts::PI;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::CalendarError;

/// First lunar year supported (Tết 1900-01-31).
pub const LUNAR_MIN_YEAR: i32 = 1900;
/// Last lunar year supported (its month 12 ends in early 2200).
pub const LUNAR_MAX_YEAR: i32 = 2199;
/// Years whose Tết is astronomically undecidable today (new moon within
/// 2.1 minutes of local midnight; depends on the ΔT model). For these, the
/// reference table and this computation may differ by one day.
pub const UNCERTAIN_YEARS: [i32; 2] = [2175, 2199];

/// Time zone of the Vietnamese calendar: UTC+7 (105°E), in hours.
const TZ_HOURS: f64 = 7.0;
/// Mean synodic month, days.
const SYNODIC_MONTH: f64 = 29.530588853;
/// Julian day number of the lunation-0 reference new moon (1900-01-01).
const LUNATION0_JD: f64 = 2415021.076998695;
/// Offset between chrono's days-from-CE and the Julian day number.
const JDN_OFFSET: i64 = 1_721_425;

/// A date in the Vietnamese lunar calendar (ngày âm lịch).
///
/// `year` is the lunar year (the Gregorian year in which its Tết falls);
/// `month` is 1–12; `leap` marks the leap month (tháng nhuận) that repeats
/// the number of the month before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LunarDate {
    /// Lunar year, 1900–2199.
    pub year: i32,
    /// Month number, 1–12 (1 = tháng Giêng, 12 = tháng Chạp).
    pub month: u8,
    /// Day of month, 1–30.
    pub day: u8,
    /// Whether the month is the leap month (tháng nhuận).
    pub leap: bool,
}

impl LunarDate {
    /// A lunar date (not checked; [`lunar_to_solar`] checks it).
    pub const fn new(year: i32, month: u8, day: u8, leap: bool) -> LunarDate {
        LunarDate {
            year,
            month,
            day,
            leap,
        }
    }
}

fn jdn(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce()) + JDN_OFFSET
}

fn from_jdn(j: i64) -> NaiveDate {
    // Every JDN reaching here comes from a supported year, so it fits.
    NaiveDate::from_num_days_from_ce_opt((j - JDN_OFFSET) as i32).unwrap_or(NaiveDate::MIN)
}

/// Julian day (TT ≈ UT after ΔT correction) of the k-th true new moon after
/// the new moon of 1900-01-01.
fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let t2 = t * t;
    let t3 = t2 * t;
    let dr = PI / 180.0;
    let mut jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
    jd1 += 0.00033 * ((166.56 + 132.87 * t - 0.009173 * t2) * dr).sin();
    let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
    let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
    let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
    let s = |x: f64| (x * dr).sin();
    let c1 = (0.1734 - 0.000393 * t) * s(m) + 0.0021 * s(2.0 * m) - 0.4068 * s(mpr)
        + 0.0161 * s(2.0 * mpr)
        - 0.0004 * s(3.0 * mpr)
        + 0.0104 * s(2.0 * f)
        - 0.0051 * s(m + mpr)
        - 0.0074 * s(m - mpr)
        + 0.0004 * s(2.0 * f + m)
        - 0.0004 * s(2.0 * f - m)
        - 0.0006 * s(2.0 * f + mpr)
        + 0.0010 * s(2.0 * f - mpr)
        + 0.0005 * s(2.0 * mpr + m);
    let delta_t = if t < -11.0 {
        0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    } else {
        -0.000278 + 0.000265 * t + 0.000262 * t2
    };
    jd1 + c1 - delta_t
}

/// Apparent solar longitude in radians, [0, 2π), at Julian day `jd`.
fn sun_longitude(jd: f64) -> f64 {
    let t = (jd - 2451545.0) / 36525.0;
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
    let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
    let dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * (dr * m).sin()
        + (0.019993 - 0.000101 * t) * (dr * 2.0 * m).sin()
        + 0.000290 * (dr * 3.0 * m).sin();
    let l = (l0 + dl) * dr;
    l - 2.0 * PI * (l / (2.0 * PI)).floor()
}

/// Local (UTC+7) day number of the k-th new moon.
fn new_moon_day(k: i64) -> i64 {
    (new_moon(k) + 0.5 + TZ_HOURS / 24.0).floor() as i64
}

/// 30° sector (0–11) of the Sun at the start (local midnight) of day `day`.
/// Sector 9 begins at the winter solstice (270°).
fn sun_sector(day: i64) -> i64 {
    (sun_longitude(day as f64 - 0.5 - TZ_HOURS / 24.0) / PI * 6.0).floor() as i64
}

/// Lunation index whose new moon starts on local day `day`.
fn lunation_of(day: i64) -> i64 {
    ((day as f64 - LUNATION0_JD) / SYNODIC_MONTH + 0.5).floor() as i64
}

/// Start (local day number) of month 11 of lunar year `y`: the month holding
/// the December solstice of Gregorian year `y`.
fn month11(y: i32) -> i64 {
    let dec31 = jdn(NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(NaiveDate::MIN));
    let k = ((dec31 - 2415021) as f64 / SYNODIC_MONTH).floor() as i64;
    let nm = new_moon_day(k);
    if sun_sector(nm) >= 9 {
        new_moon_day(k - 1)
    } else {
        nm
    }
}

/// The months from month 11 of lunar year `y - 1` up to (excluding) month 11
/// of lunar year `y`: months 11 and 12 of `y - 1`, then 1–10 of `y`, plus a
/// leap month when there are 13.
#[derive(Debug, Clone)]
struct Window {
    /// Month start day numbers; `starts[n]` is the next window's month 11.
    starts: [i64; 14],
    /// 12 or 13.
    count: usize,
    /// Index in `starts` of the leap month, if any.
    leap_index: Option<usize>,
}

impl Window {
    fn for_year(y: i32) -> Window {
        let a11 = month11(y - 1);
        let b11 = month11(y);
        let k = lunation_of(a11);
        let mut starts = [0i64; 14];
        starts[0] = a11;
        let (count, leap_index) = if b11 - a11 > 365 {
            // The leap month is the first after month 11 in which the Sun
            // stays in one sector: it contains no principal term.
            let mut i = 1;
            let mut prev = sun_sector(new_moon_day(k + 1));
            loop {
                i += 1;
                let cur = sun_sector(new_moon_day(k + i));
                if cur == prev || i >= 14 {
                    break;
                }
                prev = cur;
            }
            (13, Some((i - 1) as usize))
        } else {
            (12, None)
        };
        for (i, s) in starts.iter_mut().enumerate().take(count).skip(1) {
            *s = new_moon_day(k + i as i64);
        }
        starts[count] = b11;
        Window {
            starts,
            count,
            leap_index,
        }
    }

    /// (lunar year, month number, leap) of the month at `index`.
    fn label(&self, y: i32, index: usize) -> (i32, u8, bool) {
        let (n, leap) = match self.leap_index {
            Some(li) if index >= li => (index + 10, index == li),
            _ => (index + 11, false),
        };
        let month = if n > 12 { n - 12 } else { n } as u8;
        let year = if month >= 11 { y - 1 } else { y };
        (year, month, leap)
    }
}

fn check_year(year: i32) -> Result<(), CalendarError> {
    if (LUNAR_MIN_YEAR..=LUNAR_MAX_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(CalendarError::LunarYearOutOfRange { year })
    }
}

/// Convert a Gregorian date to the Vietnamese lunar calendar (đổi dương lịch
/// sang âm lịch).
///
/// # Errors
/// [`CalendarError::LunarYearOutOfRange`] when the date's lunar year is
/// outside 1900–2199 (e.g. January 1900 before Tết belongs to lunar 1899).
///
/// # Example: Tết 2025
/// ```
/// # use chrono::NaiveDate;
/// use tiepcan::calendar::{solar_to_lunar, LunarDate};
/// let d = NaiveDate::from_ymd_opt(2025, 1, 29).unwrap();
/// assert_eq!(solar_to_lunar(d)?, LunarDate::new(2025, 1, 1, false));
/// # Ok::<(), tiepcan::calendar::CalendarError>(())
/// ```
pub fn solar_to_lunar(date: NaiveDate) -> Result<LunarDate, CalendarError> {
    let g = date.year();
    if !(LUNAR_MIN_YEAR - 1..=LUNAR_MAX_YEAR + 1).contains(&g) {
        return Err(CalendarError::LunarYearOutOfRange { year: g });
    }
    let j = jdn(date);
    let wy = if j < month11(g) { g } else { g + 1 };
    let w = Window::for_year(wy);
    let idx = (0..w.count).rev().find(|&i| w.starts[i] <= j).unwrap_or(0);
    let (year, month, leap) = w.label(wy, idx);
    check_year(year)?;
    Ok(LunarDate {
        year,
        month,
        day: (j - w.starts[idx] + 1) as u8,
        leap,
    })
}

/// Convert a Vietnamese lunar date to the Gregorian calendar (đổi âm lịch
/// sang dương lịch).
///
/// # Errors
/// [`CalendarError::LunarYearOutOfRange`] outside 1900–2199;
/// [`CalendarError::NoSuchLunarDate`] when the month is not 1–12, the leap
/// flag names a month that is not leap that year, or the day exceeds the
/// month's length (29 or 30).
///
/// # Example: Hùng Kings day 2026 (10/3 âm lịch)
/// ```
/// # use chrono::NaiveDate;
/// use tiepcan::calendar::{lunar_to_solar, LunarDate};
/// let d = lunar_to_solar(LunarDate::new(2026, 3, 10, false))?;
/// assert_eq!(d, NaiveDate::from_ymd_opt(2026, 4, 26).unwrap());
/// # Ok::<(), tiepcan::calendar::CalendarError>(())
/// ```
pub fn lunar_to_solar(date: LunarDate) -> Result<NaiveDate, CalendarError> {
    check_year(date.year)?;
    let bad = || CalendarError::NoSuchLunarDate { date };
    if !(1..=12).contains(&date.month) || date.day == 0 {
        return Err(bad());
    }
    let wy = if date.month >= 11 {
        date.year + 1
    } else {
        date.year
    };
    let w = Window::for_year(wy);
    let idx = (0..w.count)
        .find(|&i| w.label(wy, i) == (date.year, date.month, date.leap))
        .ok_or_else(bad)?;
    let len = w.starts[idx + 1] - w.starts[idx];
    if i64::from(date.day) > len {
        return Err(bad());
    }
    Ok(from_jdn(w.starts[idx] + i64::from(date.day) - 1))
}

/// Tết Nguyên đán: lunar 1/1 of `year`, as a Gregorian date.
///
/// # Errors
/// [`CalendarError::LunarYearOutOfRange`] outside 1900–2199.
///
/// ```
/// # use chrono::NaiveDate;
/// assert_eq!(tiepcan::calendar::lunar_new_year(2030)?, NaiveDate::from_ymd_opt(2030, 2, 2).unwrap());
/// # Ok::<(), tiepcan::calendar::CalendarError>(())
/// ```
pub fn lunar_new_year(year: i32) -> Result<NaiveDate, CalendarError> {
    lunar_to_solar(LunarDate::new(year, 1, 1, false))
}

/// Giỗ Tổ Hùng Vương: lunar 10/3 of `year`, as a Gregorian date.
///
/// # Errors
/// [`CalendarError::LunarYearOutOfRange`] outside 1900–2199.
pub fn hung_kings_day(year: i32) -> Result<NaiveDate, CalendarError> {
    lunar_to_solar(LunarDate::new(year, 3, 10, false))
}

/// The leap month (tháng nhuận) of lunar `year`, if it has one: its number,
/// the number of the month it follows.
///
/// # Errors
/// [`CalendarError::LunarYearOutOfRange`] outside 1900–2199.
///
/// ```
/// assert_eq!(tiepcan::calendar::leap_month(2025)?, Some(6));
/// assert_eq!(tiepcan::calendar::leap_month(2024)?, None);
/// # Ok::<(), tiepcan::calendar::CalendarError>(())
/// ```
pub fn leap_month(year: i32) -> Result<Option<u8>, CalendarError> {
    check_year(year)?;
    // Months 1–10 are in window `year`, 11–12 in window `year + 1`.
    for wy in [year, year + 1] {
        let w = Window::for_year(wy);
        for i in 0..w.count {
            let (y, m, leap) = w.label(wy, i);
            if leap && y == year {
                return Ok(Some(m));
            }
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn jdn_of_j2000() {
        assert_eq!(jdn(d(2000, 1, 1)), 2451545);
    }

    #[test]
    fn vietnamese_not_chinese_new_year_2030_and_1985() {
        assert_eq!(lunar_new_year(2030).unwrap(), d(2030, 2, 2));
        assert_eq!(lunar_new_year(1985).unwrap(), d(1985, 1, 21));
        assert_eq!(leap_month(1985).unwrap(), Some(2));
    }

    #[test]
    fn round_trip_every_day_2017_2027() {
        let mut x = d(2017, 1, 1);
        while x < d(2028, 1, 1) {
            let l = solar_to_lunar(x).unwrap();
            assert_eq!(lunar_to_solar(l).unwrap(), x, "{x} {l:?}");
            x = x.succ_opt().unwrap();
        }
    }

    /// The two ΔT-dependent years: this method gives the later date, the
    /// reference table the earlier one (both accepted; see the module docs).
    #[test]
    fn uncertain_years_give_the_documented_dates() {
        assert_eq!(lunar_new_year(2175).unwrap(), d(2175, 1, 23));
        assert_eq!(lunar_new_year(2199).unwrap(), d(2199, 1, 27));
    }

    #[test]
    fn out_of_range_is_an_error() {
        assert!(lunar_new_year(1899).is_err());
        assert!(lunar_new_year(2200).is_err());
        assert!(solar_to_lunar(d(1900, 1, 30)).is_err());
        assert!(lunar_to_solar(LunarDate::new(2025, 13, 1, false)).is_err());
        assert!(lunar_to_solar(LunarDate::new(2025, 5, 1, true)).is_err());
    }
}
