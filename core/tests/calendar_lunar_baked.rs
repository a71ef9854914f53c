//! The baked lunar dates (`core/src/calendar/lunar_baked.rs`) are the
//! computation's (`lunar_to_solar`, `solar_to_lunar`, the single source): the
//! committed file is the generator's output, and what `lunar_new_year`,
//! `hung_kings_day` and `projected_days_off` read from it equals the
//! computation for every lunar year 1900–2199.

use chrono::{Datelike, Duration};
use tiepcan::calendar::{
    hung_kings_day, lunar_new_year, lunar_to_solar, projected_days_off, solar_to_lunar,
    CalendarError, DayKind, LunarDate, LUNAR_MAX_YEAR, LUNAR_MIN_YEAR, UNCERTAIN_YEARS,
};

#[path = "../examples/gen_lunar_baked.rs"]
mod generator;

const BAKED: &str = include_str!("../src/calendar/lunar_baked.rs");

#[test]
fn baked_file_is_the_generators_output() {
    // Line endings normalised: a checkout with CRLF is not a stale table.
    let committed = BAKED.replace("\r\n", "\n");
    assert!(
        committed == generator::render(),
        "core/src/calendar/lunar_baked.rs is not the generator's output for the lunar computation; regenerate with:\n  {}",
        generator::REGENERATE
    );
}

#[test]
fn baked_dates_equal_the_computation_every_year() {
    let stale = || format!("regenerate with:\n  {}", generator::REGENERATE);
    for year in LUNAR_MIN_YEAR..=LUNAR_MAX_YEAR {
        let tet = lunar_to_solar(LunarDate::new(year, 1, 1, false)).unwrap();
        let hung = lunar_to_solar(LunarDate::new(year, 3, 10, false)).unwrap();
        assert_eq!(lunar_new_year(year), Ok(tet), "Tết {year}; {}", stale());
        assert_eq!(
            hung_kings_day(year),
            Ok(hung),
            "Hùng Kings {year}; {}",
            stale()
        );
    }
    // The ΔT-dependent years keep the computation's (later) date.
    assert_eq!(UNCERTAIN_YEARS, [2175, 2199]);
    assert_eq!(lunar_new_year(2175).unwrap().to_string(), "2175-01-23");
    assert_eq!(lunar_new_year(2199).unwrap().to_string(), "2199-01-27");
}

/// The length of the month before Tết (29 or 30) shows in the projected
/// name of the day before Tết: "Tết Âm lịch (29 tháng Chạp)" or "(30 ...)".
#[test]
fn projection_names_the_computed_last_day_of_the_lunar_year() {
    for year in LUNAR_MIN_YEAR..=LUNAR_MAX_YEAR {
        let tet = lunar_to_solar(LunarDate::new(year, 1, 1, false)).unwrap();
        let eve = tet - Duration::days(1);
        match solar_to_lunar(eve) {
            Ok(l) => {
                let days = projected_days_off(year).unwrap();
                let want = format!("Tết Âm lịch ({} tháng Chạp)", l.day);
                assert!(
                    days.iter()
                        .any(|d| d.date == eve && d.kind == DayKind::Holiday && d.name == want),
                    "{year}: no {want:?} on {eve}; regenerate with:\n  {}",
                    generator::REGENERATE
                );
            }
            // 1900: the day before Tết is in lunar 1899, outside the range;
            // the projection fails the same way.
            Err(e) => {
                assert_eq!(year, 1900);
                assert_eq!(e, CalendarError::LunarYearOutOfRange { year: 1899 });
                assert_eq!(projected_days_off(year), Err(e));
            }
        }
    }
}

#[test]
fn years_outside_the_table_are_errors() {
    for year in [LUNAR_MIN_YEAR - 1, LUNAR_MAX_YEAR + 1, i32::MIN, i32::MAX] {
        let err = Err(CalendarError::LunarYearOutOfRange { year });
        assert_eq!(lunar_new_year(year), err);
        assert_eq!(hung_kings_day(year), err);
    }
    assert!(projected_days_off(LUNAR_MAX_YEAR + 1).is_err());
    // Tết always falls in January or February.
    for year in LUNAR_MIN_YEAR..=LUNAR_MAX_YEAR {
        assert!(lunar_new_year(year).unwrap().month() <= 2);
    }
}
