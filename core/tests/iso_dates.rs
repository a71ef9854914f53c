//! tiepcan's own ISO 8601 date helpers (`model::parse_iso_date`,
//! `write_iso_date`, the serde `with` modules, `deadline::Received`) agree
//! with chrono's format-string machinery they replace (chrono stays a dev
//! reference here): `format("%Y-%m-%d")`, `parse_from_str(_, "%Y-%m-%d")`,
//! chrono's serde impls, and the four `NaiveDateTime` formats
//! `Received::parse` used to try.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use proptest::prelude::*;
use serde::{Deserialize, Serialize};
use tiepcan::deadline::{OfficeHours, Received};
use tiepcan::model::{
    dmy_date_string, iso_date_string, parse_iso_date, write_iso_date, IsoDateError,
};

/// `YYYY-MM-DD` exactly: four, two and two ASCII digits.
fn iso_shape(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

fn chrono_iso(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Any date chrono can hold.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
        .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
}

/// A date in years 0000–9999, the years `YYYY-MM-DD` can write.
fn four_digit_year_date() -> impl Strategy<Value = NaiveDate> {
    let lo = NaiveDate::from_ymd_opt(0, 1, 1).unwrap().num_days_from_ce();
    let hi = NaiveDate::from_ymd_opt(9999, 12, 31)
        .unwrap()
        .num_days_from_ce();
    (lo..=hi).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
}

/// Texts near `YYYY-MM-DD`: the exact shape with any digits (so impossible
/// days and months), and looser forms chrono reads (one-digit fields,
/// signs, five-digit years, spaces) or does not (other separators, a time).
fn near_iso() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        2 => "[0-9]{4}-(0[0-9]|1[0-3])-([0-2][0-9]|3[0-2])",
        3 => "[ +-]?[0-9]{1,5}[- /.]?[0-9]{1,3}[-/ ]?[0-9]{1,3}[ Tx0-9]?",
        1 => "[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2})?[ ]?",
        1 => "[0-9٠-٩a-z-]{8,11}",
    ]
}

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct Ours {
    #[serde(with = "tiepcan::model::iso_date")]
    d: NaiveDate,
    #[serde(default, with = "tiepcan::model::iso_date_opt")]
    o: Option<NaiveDate>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct Chronos {
    d: NaiveDate,
    o: Option<NaiveDate>,
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Writing agrees with chrono's `%Y-%m-%d`, `Display` and serde for
    /// every date chrono holds, including years outside 0000–9999.
    #[test]
    fn writing_agrees_with_chrono(d in any_date()) {
        let chrono_text = d.format("%Y-%m-%d").to_string();
        prop_assert_eq!(iso_date_string(d), chrono_text.clone());
        prop_assert_eq!(d.to_string(), chrono_text.clone());
        let mut s = String::from("x");
        write_iso_date(&mut s, d).unwrap();
        prop_assert_eq!(&s[1..], chrono_text.as_str());
        prop_assert_eq!(dmy_date_string(d), d.format("%d/%m/%Y").to_string());
        let ours = serde_json::to_string(&Ours { d, o: Some(d) }).unwrap();
        let theirs = serde_json::to_string(&Chronos { d, o: Some(d) }).unwrap();
        prop_assert_eq!(ours, theirs);
    }

    /// A date written in years 0000–9999 reads back, by us and by chrono.
    #[test]
    fn four_digit_years_round_trip(d in four_digit_year_date()) {
        let s = iso_date_string(d);
        prop_assert!(iso_shape(&s));
        prop_assert_eq!(parse_iso_date(&s), Ok(d));
        prop_assert_eq!(chrono_iso(&s), Some(d));
        let json = serde_json::to_string(&Ours { d, o: None }).unwrap();
        prop_assert_eq!(serde_json::from_str::<Ours>(&json).unwrap(), Ours { d, o: None });
    }

    /// Reading: whatever we read, chrono reads the same; on every text of the
    /// `YYYY-MM-DD` shape we read exactly what chrono reads, and tell a day
    /// that does not exist from text of another form.
    #[test]
    fn reading_agrees_with_chrono(s in near_iso()) {
        let ours = parse_iso_date(&s);
        let theirs = chrono_iso(&s);
        match ours {
            Ok(d) => {
                prop_assert_eq!(theirs, Some(d));
                prop_assert_eq!(s.parse::<NaiveDate>().ok(), Some(d));
            }
            Err(IsoDateError::DoesNotExist { year, month, day }) => {
                prop_assert!(iso_shape(&s));
                prop_assert_eq!(theirs, None);
                prop_assert_eq!(
                    format!("{year:04}-{month:02}-{day:02}"),
                    s.clone()
                );
            }
            Err(IsoDateError::NotIso) => prop_assert!(!iso_shape(&s)),
        }
        if iso_shape(&s) {
            prop_assert_eq!(ours.ok(), theirs);
        }
        // serde reads what `parse_iso_date` reads; chrono's serde reads the
        // same on the shape.
        let json = format!("{{\"d\":{}}}", serde_json::to_string(&s).unwrap());
        let de = serde_json::from_str::<Ours>(&json);
        prop_assert_eq!(de.as_ref().ok().map(|o| o.d), parse_iso_date(&s).ok());
        if iso_shape(&s) {
            let chrono_de = serde_json::from_str::<Chronos>(&json).ok().map(|c| c.d);
            prop_assert_eq!(de.as_ref().ok().map(|o| o.d), chrono_de);
        }
        if let Err(e) = de {
            // The error names the text.
            prop_assert!(e.to_string().contains(&format!("{s:?}")), "{}", e);
        }
    }

    /// `Received::parse` reads every text the four chrono formats it used
    /// read when each field has two digits, to the same value, and writes
    /// the same text.
    #[test]
    fn received_agrees_with_chrono(
        date in "[0-9]{4}-(0[0-9]|1[0-3])-([0-2][0-9]|3[0-2])",
        sep in "[T ]",
        hh in "[0-2][0-9]",
        mm in "[0-6][0-9]",
        ss in prop::option::of("[0-6][0-9]"),
    ) {
        let s = match &ss {
            Some(ss) => format!("{date}{sep}{hh}:{mm}:{ss}"),
            None => format!("{date}{sep}{hh}:{mm}"),
        };
        let old = ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(&s, f).ok());
        let new = Received::parse(&s).ok();
        prop_assert_eq!(new, old.map(Received::LocalDateTime));
        if let Some(dt) = old {
            let r = Received::LocalDateTime(dt);
            prop_assert_eq!(
                r.to_string(),
                format!("{}+07:00", dt.format("%Y-%m-%dT%H:%M:%S"))
            );
            // serde: chrono's text out, read back.
            let json = serde_json::to_string(&r).unwrap();
            prop_assert_eq!(&json, &serde_json::to_string(&dt).unwrap());
            prop_assert_eq!(serde_json::from_str::<Received>(&json).unwrap(), r);
        }
    }
}

/// The two reasons, and the serde messages, for the texts the readers meet.
#[test]
fn reasons_and_messages() {
    // Leap day 2024 exists; 2023 does not (Gregorian calendar).
    assert_eq!(
        parse_iso_date("2024-02-29"),
        Ok(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap())
    );
    assert_eq!(
        parse_iso_date("2023-02-29"),
        Err(IsoDateError::DoesNotExist {
            year: 2023,
            month: 2,
            day: 29
        })
    );
    assert_eq!(
        parse_iso_date("2024-13-01"),
        Err(IsoDateError::DoesNotExist {
            year: 2024,
            month: 13,
            day: 1
        })
    );
    for s in [
        "",
        "2024-5-20",
        " 2024-05-20",
        "2024-05-20 ",
        "20/05/2024",
        "+2024-05-20",
        "2024-05-20T10:00",
        "２０２４-05-20",
    ] {
        assert_eq!(parse_iso_date(s), Err(IsoDateError::NotIso), "{s:?}");
    }
    let e = serde_json::from_str::<Ours>(r#"{"d":"2024-02-30"}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "\"2024-02-30\" is not a calendar date (day 30, month 02, year 2024 does not exist) at line 1 column 17"
    );
    let e = serde_json::from_str::<Ours>(r#"{"d":"2024-1-2"}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "\"2024-1-2\" is not an ISO 8601 date (YYYY-MM-DD, as 2024-05-20) at line 1 column 15"
    );
    let e = serde_json::from_str::<Ours>(r#"{"d":20240102}"#).unwrap_err();
    assert!(
        e.to_string()
            .contains("expected an ISO 8601 date string (YYYY-MM-DD)"),
        "{e}"
    );
    // Option: null and a missing field are None; a bad date is an error.
    let d = NaiveDate::from_ymd_opt(2024, 1, 2).unwrap();
    assert_eq!(
        serde_json::from_str::<Ours>(r#"{"d":"2024-01-02","o":null}"#).unwrap(),
        Ours { d, o: None }
    );
    assert_eq!(
        serde_json::from_str::<Ours>(r#"{"d":"2024-01-02","o":"2024-01-02"}"#).unwrap(),
        Ours { d, o: Some(d) }
    );
    assert!(serde_json::from_str::<Ours>(r#"{"d":"2024-01-02","o":"2024-02-30"}"#).is_err());
    // Through serde_json::Value (owned strings), as the JSON readers use it.
    let v: serde_json::Value =
        serde_json::from_str(r#"{"d":"2024-01-02","o":"2024-01-02"}"#).unwrap();
    assert_eq!(
        serde_json::from_value::<Ours>(v).unwrap(),
        Ours { d, o: Some(d) }
    );
}

/// `Received` and office hours: chrono's serde text out, ours in.
#[test]
fn received_and_office_hours_serde() {
    // A fractional second (from an RFC 3339 instant) is written as chrono
    // writes it and read back.
    let r = Received::parse("2025-01-23T20:30:00.5Z").unwrap();
    let json = serde_json::to_string(&r).unwrap();
    assert_eq!(json, "\"2025-01-24T03:30:00.500\"");
    assert_eq!(serde_json::from_str::<Received>(&json).unwrap(), r);
    assert_eq!(r.to_string(), "2025-01-24T03:30:00+07:00");
    let d = Received::parse("2025-01-23").unwrap();
    assert_eq!(serde_json::to_string(&d).unwrap(), "\"2025-01-23\"");
    // Local forms without seconds or with a space read as `Received::parse` reads them.
    for s in [
        "2025-01-24T03:30",
        "2025-01-24 03:30",
        "2025-01-24T03:30:00",
    ] {
        assert_eq!(
            serde_json::from_str::<Received>(&format!("{s:?}")).unwrap(),
            Received::parse(s).unwrap(),
            "{s}"
        );
    }
    // JSON holds the local forms only, as before (chrono's serde took no
    // offset either); `Received::parse` converts an instant.
    let e = serde_json::from_str::<Received>("\"2025-01-23T20:30:00Z\"").unwrap_err();
    assert_eq!(
        e.to_string(),
        "\"2025-01-23T20:30:00Z\" is not a date (YYYY-MM-DD) or a local date-time in Vietnam \
         (YYYY-MM-DDTHH:MM[:SS], no offset) at line 1 column 22"
    );
    let e = serde_json::from_str::<Received>("\"2025-02-30\"").unwrap_err();
    assert_eq!(
        e.to_string(),
        "\"2025-02-30\" is not a calendar date (day 30, month 02, year 2025 does not exist) at line 1 column 12"
    );

    let close = NaiveTime::from_hms_opt(17, 0, 0).unwrap();
    let h = OfficeHours { close };
    assert_eq!(
        serde_json::to_string(&h).unwrap(),
        r#"{"close":"17:00:00"}"#
    );
    assert_eq!(
        serde_json::to_string(&h).unwrap(),
        format!("{{\"close\":{}}}", serde_json::to_string(&close).unwrap())
    );
    for s in ["17:00", "17:00:00", "17:00:00.000"] {
        let h: OfficeHours = serde_json::from_str(&format!("{{\"close\":\"{s}\"}}")).unwrap();
        assert_eq!(h.close, close, "{s}");
    }
    let e = serde_json::from_str::<OfficeHours>(r#"{"close":"5pm"}"#).unwrap_err();
    assert!(
        e.to_string()
            .contains("\"5pm\" is not a time of day (HH:MM)"),
        "{e}"
    );
}
