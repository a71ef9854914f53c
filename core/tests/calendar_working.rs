//! The working calendar: official data, projection, arithmetic and its
//! properties (proptest).

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use proptest::prelude::*;
use tiepcan::calendar::{
    CalendarError, DayKind, OfficialDays, SkipReason, WorkingCalendar, YearSource,
    EMBEDDED_OFFICIAL_CSV,
};

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

fn cal() -> &'static WorkingCalendar {
    WorkingCalendar::official()
}

/// The definition (LAW.md §7.3), day by day.
fn naive_add(c: &WorkingCalendar, mut x: NaiveDate, n: u32) -> NaiveDate {
    let mut k = 0;
    while k < n {
        x += Duration::days(1);
        if c.is_working_day(x).unwrap() {
            k += 1;
        }
    }
    x
}

#[test]
fn every_official_row_sets_the_day_status() {
    let t = OfficialDays::parse_str(EMBEDDED_OFFICIAL_CSV, "embedded").unwrap();
    for r in t.iter() {
        assert_eq!(
            cal().is_working_day(r.date).unwrap(),
            r.kind == DayKind::MakeupWorkday,
            "{} {}",
            r.date,
            r.name
        );
    }
}

#[test]
fn ordinary_weekdays_work_and_weekends_rest() {
    assert!(cal().is_working_day(d(2025, 6, 11)).unwrap());
    assert!(!cal().is_working_day(d(2025, 6, 14)).unwrap());
    assert!(!cal().is_working_day(d(2025, 6, 15)).unwrap());
}

#[test]
fn law_md_5_8_worked_examples() {
    let c = cal();
    let day0 = d(2024, 5, 20);
    assert_eq!(c.add_working_days(day0, 3).unwrap(), d(2024, 5, 23));
    assert_eq!(c.add_working_days(day0, 5).unwrap(), d(2024, 5, 27));
    assert_eq!(c.add_working_days(day0, 10).unwrap(), d(2024, 6, 3));
    assert_eq!(c.add_working_days(day0, 15).unwrap(), d(2024, 6, 10));
    assert_eq!(
        c.add_working_days(d(2024, 6, 3), 10).unwrap(),
        d(2024, 6, 17)
    );
    assert_eq!(
        c.add_calendar_days_rolled(d(2024, 6, 10), 15).unwrap(),
        d(2024, 6, 25)
    );
    assert_eq!(
        c.add_working_days(d(2024, 6, 10), 15).unwrap(),
        d(2024, 7, 1)
    );
    assert_eq!(
        c.add_calendar_days_rolled(d(2024, 5, 24), 15).unwrap(),
        d(2024, 6, 10)
    );
}

#[test]
fn explain_names_tet_2024_and_its_documents() {
    let s = cal().explain(d(2024, 2, 6), d(2024, 2, 20)).unwrap();
    let dates: Vec<_> = s.iter().map(|x| x.date).collect();
    assert_eq!(
        dates,
        [8, 9, 10, 11, 12, 13, 14, 17, 18].map(|i| d(2024, 2, i))
    );
    match &s[2].reason {
        SkipReason::DayOff {
            day_kind,
            name,
            document,
        } => {
            assert_eq!(*day_kind, DayKind::Holiday);
            assert_eq!(&**name, "Tết Âm lịch (Mùng 1)");
            assert!(document.contains("8662/VPCP-KGVX"));
        }
        r => panic!("{r:?}"),
    }
    assert_eq!(s[7].reason, SkipReason::Weekend);
    assert!(s.iter().all(|x| !x.projected));
}

#[test]
fn swapped_weekday_and_makeup_saturday_in_explain() {
    let s = cal().explain(d(2025, 4, 25), d(2025, 5, 5)).unwrap();
    assert!(
        s.iter().all(|x| x.date != d(2025, 4, 26)),
        "make-up Saturday is not skipped"
    );
    let swap = s.iter().find(|x| x.date == d(2025, 5, 2)).unwrap();
    assert!(matches!(
        &swap.reason,
        SkipReason::DayOff {
            day_kind: DayKind::SwapOff,
            ..
        }
    ));
    assert!(swap.to_string().contains("8726/VPCP-KGVX"));
}

#[test]
fn projected_year_2027_flags_every_skipped_day() {
    assert_eq!(cal().year_source(2027), Some(YearSource::Projected));
    let s = cal().explain(d(2027, 2, 1), d(2027, 2, 15)).unwrap();
    // Tết 2027 is 6 Feb (Saturday): 4–8 Feb statutory, compensatory 9 and 10 Feb.
    for x in [
        d(2027, 2, 4),
        d(2027, 2, 5),
        d(2027, 2, 8),
        d(2027, 2, 9),
        d(2027, 2, 10),
    ] {
        assert!(!cal().is_working_day(x).unwrap(), "{x}");
    }
    assert!(s.iter().all(|x| x.projected));
    assert!(s[0].to_string().ends_with("[projected]"));
}

#[test]
fn pre_2021_national_day_is_one_day() {
    // 2019 and 2020 (Labour Code 2012): only 2/9.
    assert!(cal().is_working_day(d(2020, 9, 1)).unwrap());
    assert!(cal().is_working_day(d(2020, 9, 3)).unwrap());
    assert!(!cal().is_working_day(d(2020, 9, 2)).unwrap());
}

#[test]
fn override_file_replaces_dates_and_adds_years() {
    let o = OfficialDays::parse_str(
        "date,kind,name,document\n\
         2025-06-13,swap_off,Ngày nghỉ của tỉnh,Thông báo 1/TB-UBND\n\
         2027-01-01,holiday,Tết Dương lịch,Quyết định giả định\n",
        "override.csv",
    )
    .unwrap();
    let c = WorkingCalendar::with_override(&o).unwrap();
    assert!(!c.is_working_day(d(2025, 6, 13)).unwrap());
    assert_eq!(c.year_source(2025), Some(YearSource::Official));
    assert_eq!(c.year_source(2027), Some(YearSource::Override));
    // 2027 is now described by the file alone: Tết is no longer projected.
    assert!(c.is_working_day(d(2027, 2, 8)).unwrap());
    assert!(c.version().contains("override (2 rows)"));
}

#[test]
fn override_errors_name_file_and_line() {
    let e = OfficialDays::parse_str(
        "date,kind,name,document\n2027-01-01,holiday,a,b\n2027-02-30,holiday,a,b\n",
        "p.csv",
    )
    .unwrap_err();
    assert!(
        matches!(e, CalendarError::BadOfficialData { ref file, line: 3, .. } if file == "p.csv"),
        "{e}"
    );
    let o = OfficialDays::parse_str("date,kind,name,document\n2300-01-01,holiday,a,b\n", "p.csv")
        .unwrap();
    assert!(matches!(
        WorkingCalendar::with_override(&o),
        Err(CalendarError::DateOutOfRange { .. })
    ));
}

#[test]
fn n_zero_returns_date_and_range_is_checked() {
    assert_eq!(
        cal().add_working_days(d(2025, 3, 8), 0).unwrap(),
        d(2025, 3, 8)
    );
    assert!(cal().add_working_days(d(2013, 12, 31), 1).is_err());
    assert!(cal().explain(d(2013, 12, 1), d(2014, 1, 5)).is_err());
}

#[test]
fn working_days_per_year_are_plausible() {
    for y in 2014..=2199 {
        let n = cal()
            .working_days_between(d(y - 1, 12, 31).max(d(2014, 1, 1)), d(y, 12, 31))
            .unwrap();
        assert!((235..=254).contains(&n), "{y}: {n}");
    }
}

fn date_2018_2030() -> impl Strategy<Value = NaiveDate> {
    (0i64..(13 * 365)).prop_map(|i| d(2018, 1, 1) + Duration::days(i))
}

proptest! {
    #[test]
    fn add_working_days_matches_the_definition(x in date_2018_2030(), n in 0u32..60) {
        prop_assert_eq!(cal().add_working_days(x, n).unwrap(), naive_add(cal(), x, n));
    }

    #[test]
    fn due_is_a_working_day_after_day0(x in date_2018_2030(), n in 1u32..60) {
        let due = cal().add_working_days(x, n).unwrap();
        prop_assert!(cal().is_working_day(due).unwrap());
        prop_assert!(due > x);
        prop_assert_eq!(cal().working_days_between(x, due).unwrap(), i64::from(n));
        let rolled = cal().add_calendar_days_rolled(x, n).unwrap();
        prop_assert!(cal().is_working_day(rolled).unwrap());
        prop_assert!(rolled >= x + Duration::days(i64::from(n)));
    }

    #[test]
    fn monotone_in_n(x in date_2018_2030(), a in 0u32..60, b in 0u32..60) {
        let (lo, hi) = (a.min(b), a.max(b));
        prop_assert!(cal().add_working_days(x, lo).unwrap() <= cal().add_working_days(x, hi).unwrap());
        prop_assert!(cal().add_calendar_days_rolled(x, lo).unwrap() <= cal().add_calendar_days_rolled(x, hi).unwrap());
    }

    #[test]
    fn additive(x in date_2018_2030(), a in 0u32..80, b in 0u32..80) {
        let c = cal();
        prop_assert_eq!(c.add_working_days(x, a + b).unwrap(), c.add_working_days(c.add_working_days(x, a).unwrap(), b).unwrap());
    }

    #[test]
    fn explain_lists_exactly_the_non_working_days(x in date_2018_2030(), n in 0i64..40) {
        let to = x + Duration::days(n);
        let s = cal().explain(x, to).unwrap();
        let working = cal().working_days_between(x, to).unwrap();
        prop_assert_eq!(s.len() as i64 + working, n);
        for k in &s {
            if k.reason == SkipReason::Weekend {
                prop_assert!(matches!(k.date.weekday(), Weekday::Sat | Weekday::Sun));
            }
        }
    }
}

/// The copies in `core/data` and `core/tests/data` must not drift from the
/// shared reference. Checked only where the sibling `shared/` checkout is
/// present (`../../shared` from `core/`, or `../shared` beside the repo).
#[test]
fn embedded_copies_match_the_shared_reference_when_present() {
    let core = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = ["../../shared/data", "../../../shared/data"]
        .iter()
        .map(|p| core.join(p))
        .find(|p| p.is_dir());
    let Some(shared) = shared else {
        eprintln!("shared/ not found beside the repository: skipped");
        return;
    };
    for (copy, original) in [
        (
            "data/vn_official_days_off.csv",
            "calendar/vn_official_days_off.csv",
        ),
        (
            "tests/data/vn_lunar_new_year.csv",
            "calendar/vn_lunar_new_year.csv",
        ),
        ("tests/data/cases.csv", "deadlines/cases.csv"),
    ] {
        let a = std::fs::read(core.join(copy)).unwrap();
        let b = std::fs::read(shared.join(original)).unwrap();
        assert!(
            a == b,
            "{copy} differs from shared/data/{original}: copy it again"
        );
    }
}
