//! The lunar calendar against the reference table of Tết and Hùng Kings day
//! for every year 1900–2199 (`tests/data/vn_lunar_new_year.csv`, copied from
//! `shared/data/calendar/`; seven independent computations agree on it).

use chrono::NaiveDate;
use tiepcan::calendar::{
    hung_kings_day, lunar_new_year, solar_to_lunar, LunarDate, UNCERTAIN_YEARS,
};

const TABLE: &str = include_str!("data/vn_lunar_new_year.csv");

/// The table's note gives the alternative date for the two years whose Tết
/// depends on the ΔT model (`... flips to tet=2175-01-23 ...`).
fn alternative_tet(note: &str) -> Option<NaiveDate> {
    let i = note.find("flips to tet=")? + "flips to tet=".len();
    NaiveDate::parse_from_str(&note[i..i + 10], "%Y-%m-%d").ok()
}

#[test]
fn tet_and_hung_kings_match_the_reference_table_1900_2199() {
    let mut rdr = csv::Reader::from_reader(TABLE.as_bytes());
    let mut years = 0;
    for rec in rdr.records() {
        let rec = rec.unwrap();
        let year: i32 = rec[0].parse().unwrap();
        let tet = NaiveDate::parse_from_str(&rec[1], "%Y-%m-%d").unwrap();
        let hung = NaiveDate::parse_from_str(&rec[2], "%Y-%m-%d").unwrap();
        let got_tet = lunar_new_year(year).unwrap();
        let got_hung = hung_kings_day(year).unwrap();
        if UNCERTAIN_YEARS.contains(&year) {
            let alt = alternative_tet(&rec[3]).expect("uncertain years carry their alternative");
            assert!(
                got_tet == tet || got_tet == alt,
                "{year}: Tết {got_tet}, table {tet} or {alt}"
            );
        } else {
            assert_eq!(got_tet, tet, "Tết {year}");
        }
        assert_eq!(got_hung, hung, "Hùng Kings {year}");
        assert_eq!(
            solar_to_lunar(got_tet).unwrap(),
            LunarDate::new(year, 1, 1, false)
        );
        years += 1;
    }
    assert_eq!(years, 300);
}

#[test]
fn years_outside_1900_2199_are_errors_not_guesses() {
    assert!(lunar_new_year(1899).is_err());
    assert!(lunar_new_year(2200).is_err());
    assert!(hung_kings_day(2200).is_err());
}
