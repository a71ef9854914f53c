//! Statutory holidays (ngày nghỉ lễ, tết) and the compensatory-day rule
//! (nghỉ bù), used to project a year that has no official data.
//!
//! The statutory table is the one place where holiday day counts live:
//!
//! | holiday | date | LC 2012 Art. 115 (to 2020) | LC 2019 Art. 112 (from 2021) |
//! |---|---|---|---|
//! | Tết Dương lịch | 1/1 | 1 | 1 |
//! | Tết Âm lịch | around lunar 1/1 | 5 | 5 |
//! | Giỗ Tổ Hùng Vương | lunar 10/3 | 1 | 1 |
//! | Ngày Chiến thắng | 30/4 | 1 | 1 |
//! | Ngày Quốc tế Lao động | 1/5 | 1 | 1 |
//! | Quốc khánh | 2/9 (+ adjacent day) | 1 | 2 |
//!
//! A holiday on Saturday or Sunday (the weekly rest days of state agencies,
//! Decision 188/1999/QĐ-TTg) gives a compensatory day off on the next
//! working day (LC 2012 Art. 115(3); LC 2019 Art. 111(3)); when two collide
//! each takes the next free working day, in date order (2023: 2 and 3 May).
//!
//! The Prime Minister chooses each year where the five Tết days fall and
//! which day joins 2 September. A projection has to choose too, and says so
//! in every document field (`dự kiến`, projected):
//!
//! * Tết: the two days before lunar 1/1 and the first three days of the year
//!   (the most frequent placement 2018–2026: 6 years of 9);
//! * National Day's adjacent day (from 2021): the day after 2/9 when 2/9 is a
//!   Monday, Thursday or Sunday, otherwise the day before — the choice that
//!   joins the holiday to a weekend, as in 2021–2026;
//! * no swaps (hoán đổi): they are never predictable.
//!
//! The lunar dates (Tết, 10/3, whether the month before Tết has 29 or 30
//! days) come from the table baked from the lunar computation (see
//! [`lunar_new_year`]): projecting links no astronomy.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::lunar::last_month_days;
use super::{hung_kings_day, lunar_new_year, CalendarError, DayKind, OfficialDay};
use crate::law::{Citation, Instrument};

/// The Labour Code whose holiday list applies in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LabourCode {
    /// Bộ luật Lao động 2012 (10/2012/QH13), Art. 115: 10 holidays; in force
    /// 2013-05-01 to 2020-12-31.
    Lc2012,
    /// Bộ luật Lao động 2019 (45/2019/QH14), Art. 112: 11 holidays; from 2021-01-01.
    Lc2019,
}

impl LabourCode {
    /// The code whose list governs the whole Gregorian `year` (2014 onward).
    pub fn for_year(year: i32) -> LabourCode {
        if year >= 2021 {
            LabourCode::Lc2019
        } else {
            LabourCode::Lc2012
        }
    }

    /// The holiday article.
    pub fn holidays_citation(self) -> Citation {
        match self {
            LabourCode::Lc2012 => Citation::article(Instrument::Labour2012, 115),
            LabourCode::Lc2019 => Citation::article(Instrument::Labour2019, 112),
        }
    }

    /// The compensatory-day clause.
    pub fn compensatory_citation(self) -> Citation {
        match self {
            LabourCode::Lc2012 => Citation::article(Instrument::Labour2012, 115).clause(3),
            LabourCode::Lc2019 => Citation::article(Instrument::Labour2019, 111).clause(3),
        }
    }

    /// Days of National Day (Quốc khánh).
    fn national_day_days(self) -> u8 {
        match self {
            LabourCode::Lc2012 => 1,
            LabourCode::Lc2019 => 2,
        }
    }
}

/// Days of Tết Âm lịch under both codes.
const TET_DAYS: i64 = 5;
/// Of those, days placed before lunar 1/1 in a projection.
const TET_DAYS_BEFORE: i64 = 2;

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// "Mùng N" for day N of month 1, "N tháng Chạp" for day N of month 12;
/// `eve` is the lunar day number of the day before Tết (29 or 30).
fn tet_label(offset: i64, eve: i64) -> String {
    if offset >= 0 {
        format!("Mùng {}", offset + 1)
    } else {
        format!("{} tháng Chạp", eve + 1 + offset)
    }
}

/// The projected days off of Gregorian `year` from the statutory rules:
/// holidays (kind `holiday`, weekend dates included) and compensatory
/// weekdays (kind `observed`), in date order. Every document says
/// "dự kiến" (projected) and cites the Labour Code article.
///
/// # Errors
/// [`CalendarError::LunarYearOutOfRange`] outside 1900–2199.
///
/// # Example: 2027 (no official data yet)
/// ```
/// # use chrono::NaiveDate;
/// use tiepcan::calendar::{projected_days_off, DayKind};
/// let days = projected_days_off(2027)?;
/// let tet = NaiveDate::from_ymd_opt(2027, 2, 6).unwrap(); // lunar 1/1
/// assert!(days.iter().any(|d| d.date == tet && d.kind == DayKind::Holiday));
/// assert!(days.iter().all(|d| d.document.contains("dự kiến")));
/// # Ok::<(), tiepcan::calendar::CalendarError>(())
/// ```
pub fn projected_days_off(year: i32) -> Result<Vec<OfficialDay>, CalendarError> {
    let code = LabourCode::for_year(year);
    let doc = format!("{} (dự kiến)", code.holidays_citation().to_vietnamese());
    let comp_doc = format!("{} (dự kiến)", code.compensatory_citation().to_vietnamese());
    let ymd = |m, d| {
        NaiveDate::from_ymd_opt(year, m, d).ok_or(CalendarError::LunarYearOutOfRange { year })
    };
    let mut hol: Vec<(NaiveDate, String)> = vec![(ymd(1, 1)?, "Tết Dương lịch".into())];
    let tet = lunar_new_year(year)?;
    let eve = i64::from(last_month_days(year)?);
    for i in 0..TET_DAYS {
        let offset = i - TET_DAYS_BEFORE;
        hol.push((
            tet + Duration::days(offset),
            format!("Tết Âm lịch ({})", tet_label(offset, eve)),
        ));
    }
    hol.push((
        hung_kings_day(year)?,
        "Giỗ Tổ Hùng Vương (10/3 âm lịch)".into(),
    ));
    hol.push((ymd(4, 30)?, "Ngày Chiến thắng (30/4)".into()));
    hol.push((ymd(5, 1)?, "Ngày Quốc tế Lao động (1/5)".into()));
    let nd = ymd(9, 2)?;
    hol.push((nd, "Quốc khánh (2/9)".into()));
    if code.national_day_days() == 2 {
        let after = matches!(nd.weekday(), Weekday::Mon | Weekday::Thu | Weekday::Sun);
        let adj = if after {
            nd + Duration::days(1)
        } else {
            nd - Duration::days(1)
        };
        hol.push((adj, "Quốc khánh (ngày liền kề)".into()));
    }
    hol.sort();

    let mut out: Vec<OfficialDay> = hol
        .iter()
        .map(|(d, n)| OfficialDay {
            date: *d,
            kind: DayKind::Holiday,
            name: n.clone(),
            document: doc.clone(),
        })
        .collect();
    for (d, name) in &hol {
        if !is_weekend(*d) {
            continue;
        }
        let mut c = *d + Duration::days(1);
        while is_weekend(c) || out.iter().any(|o| o.date == c) {
            c += Duration::days(1);
        }
        out.push(OfficialDay {
            date: c,
            kind: DayKind::Observed,
            name: format!(
                "{name} - nghỉ bù ({:02}/{:02} là {})",
                d.day(),
                d.month(),
                weekday_vi(*d)
            ),
            document: comp_doc.clone(),
        });
    }
    out.sort_by_key(|o| o.date);
    Ok(out)
}

/// Which statutory holiday an official or projected entry belongs to, as a
/// stable id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Holiday {
    /// Tết Dương lịch, 1/1.
    NewYear,
    /// Tết Âm lịch (Tết Nguyên đán).
    Tet,
    /// Giỗ Tổ Hùng Vương, lunar 10/3.
    HungKings,
    /// Ngày Chiến thắng, 30/4.
    VictoryDay,
    /// Ngày Quốc tế Lao động, 1/5.
    LabourDay,
    /// Quốc khánh, 2/9 (and its adjacent day).
    NationalDay,
}

impl Holiday {
    /// `new_year`, `tet`, `hung_kings`, `victory_day`, `labour_day`, `national_day`.
    pub fn code(self) -> &'static str {
        match self {
            Holiday::NewYear => "new_year",
            Holiday::Tet => "tet",
            Holiday::HungKings => "hung_kings",
            Holiday::VictoryDay => "victory_day",
            Holiday::LabourDay => "labour_day",
            Holiday::NationalDay => "national_day",
        }
    }

    /// The holiday an entry's Vietnamese name refers to, if any (the first
    /// one named: a compensatory day "for 29/4 / 30/4" gives the first).
    /// Names of swaps and make-up days that name only a date give `None`.
    ///
    /// ```
    /// use tiepcan::calendar::Holiday;
    /// assert_eq!(Holiday::from_name("Tết Âm lịch - nghỉ bù (Mùng 4)"), Some(Holiday::Tet));
    /// assert_eq!(Holiday::from_name("Hoán đổi dịp Quốc khánh (làm bù 22/8/2026)"), Some(Holiday::NationalDay));
    /// assert_eq!(Holiday::from_name("Làm bù cho ngày 02/01/2026"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Holiday> {
        let k = crate::text::fold_key(name);
        [
            ("tet duong lich", Holiday::NewYear),
            ("tet am lich", Holiday::Tet),
            ("hung vuong", Holiday::HungKings),
            ("gio to", Holiday::HungKings),
            ("chien thang", Holiday::VictoryDay),
            ("30/4", Holiday::VictoryDay),
            ("lao dong", Holiday::LabourDay),
            ("quoc khanh", Holiday::NationalDay),
        ]
        .into_iter()
        .filter_map(|(pat, h)| k.find(pat).map(|i| (i, h)))
        .min_by_key(|(i, _)| *i)
        .map(|(_, h)| h)
    }
}

fn weekday_vi(d: NaiveDate) -> &'static str {
    match d.weekday() {
        Weekday::Sat => "thứ Bảy",
        Weekday::Sun => "Chủ nhật",
        _ => "ngày thường",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::OfficialDays;

    /// The projection reproduces the official weekday days off of the years
    /// whose decisions used the default placement and no swap.
    #[test]
    fn projection_matches_official_years_without_discretion() {
        let official = OfficialDays::embedded().unwrap();
        for year in [2020, 2021, 2023] {
            let off = |it: &mut dyn Iterator<Item = &OfficialDay>| -> Vec<NaiveDate> {
                it.filter(|d| !d.kind.is_working() && !is_weekend(d.date))
                    .map(|d| d.date)
                    .collect()
            };
            let p = projected_days_off(year).unwrap();
            assert_eq!(off(&mut p.iter()), off(&mut official.year(year)), "{year}");
        }
    }
}
