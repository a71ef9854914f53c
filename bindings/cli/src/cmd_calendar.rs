//! `tiepcan calendar --year YYYY`: the days off and make-up days of a year.

use std::borrow::Cow;
use std::io::Write;
use std::path::PathBuf;

use serde::Serialize;
use tiepcan::calendar::{
    hung_kings_day, lunar_new_year, DayKind, Holiday, OfficialDays, WorkingCalendar, YearSource,
};

use crate::{CliError, Format, Lang};

/// Arguments of `tiepcan calendar`.
#[derive(Debug, clap::Args)]
pub struct CalendarArgs {
    /// Gregorian year, 2014–2199.
    #[arg(long)]
    pub year: i32,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Language of text output.
    #[arg(long, value_enum, default_value_t = Lang::Vi)]
    pub lang: Lang,
    /// A days-off file in the official CSV format (date,kind,name,document)
    /// merged over the built-in table: a province's notice, next year's decision.
    #[arg(long, value_name = "FILE")]
    pub calendar_override: Option<PathBuf>,
}

#[derive(Serialize)]
struct DayJson<'a> {
    date: String,
    kind: &'static str,
    holiday: Option<&'static str>,
    name: &'a str,
    document: &'a str,
}

#[derive(Serialize)]
struct CalendarJson<'a> {
    year: i32,
    lunar_new_year: String,
    hung_kings: String,
    official: bool,
    source: YearSource,
    days: Vec<DayJson<'a>>,
    calendar_version: &'a str,
}

/// The official calendar, or one with the user's override merged.
///
/// # Errors
/// Exit 2 when the file cannot be read or parsed (with file and line).
pub fn load_calendar(path: Option<&PathBuf>) -> Result<Cow<'static, WorkingCalendar>, CliError> {
    match path {
        None => Ok(Cow::Borrowed(WorkingCalendar::official())),
        Some(p) => {
            let f = std::fs::File::open(p)
                .map_err(|e| CliError::input(format!("{}: {e}", p.display())))?;
            let o =
                OfficialDays::parse_reader(f, &p.display().to_string()).map_err(CliError::input)?;
            Ok(Cow::Owned(
                WorkingCalendar::with_override(&o).map_err(CliError::input)?,
            ))
        }
    }
}

fn kind_label(k: DayKind, lang: Lang) -> &'static str {
    match (k, lang) {
        (DayKind::Holiday, Lang::Vi) => "nghỉ lễ",
        (DayKind::Observed, Lang::Vi) => "nghỉ bù",
        (DayKind::SwapOff, Lang::Vi) => "nghỉ hoán đổi",
        (DayKind::MakeupWorkday, Lang::Vi) => "làm bù",
        (DayKind::Holiday, Lang::En) => "holiday",
        (DayKind::Observed, Lang::En) => "compensatory day off",
        (DayKind::SwapOff, Lang::En) => "swapped day off",
        (DayKind::MakeupWorkday, Lang::En) => "make-up working day",
    }
}

/// Run `tiepcan calendar`.
///
/// # Errors
/// Exit 2 for a year outside the calendar or an unreadable override file.
pub fn run(args: &CalendarArgs, out: &mut dyn Write) -> Result<u8, CliError> {
    let cal = load_calendar(args.calendar_override.as_ref())?;
    let days = cal.year_days(args.year).map_err(CliError::input)?;
    let tet = lunar_new_year(args.year).map_err(CliError::input)?;
    let hung = hung_kings_day(args.year).map_err(CliError::input)?;
    let source = cal.year_source(args.year).unwrap_or(YearSource::Projected);
    let io = |e: std::io::Error| CliError::input(e);
    match args.format {
        Format::Json => {
            let j = CalendarJson {
                year: args.year,
                lunar_new_year: tet.to_string(),
                hung_kings: hung.to_string(),
                official: source != YearSource::Projected,
                source,
                days: days
                    .iter()
                    .map(|d| DayJson {
                        date: d.date.to_string(),
                        kind: d.kind.code(),
                        holiday: Holiday::from_name(&d.name).map(Holiday::code),
                        name: &d.name,
                        document: &d.document,
                    })
                    .collect(),
                calendar_version: cal.version(),
            };
            serde_json::to_writer_pretty(&mut *out, &j).map_err(CliError::input)?;
            writeln!(out).map_err(io)?;
        }
        Format::Text => {
            let (h_tet, h_hung, h_src) = match args.lang {
                Lang::Vi => (
                    "Tết Nguyên đán (1/1 âm lịch)",
                    "Giỗ Tổ Hùng Vương (10/3 âm lịch)",
                    "Nguồn",
                ),
                Lang::En => (
                    "Lunar New Year (lunar 1/1)",
                    "Hùng Kings day (lunar 10/3)",
                    "Source",
                ),
            };
            let src = match (source, args.lang) {
                (YearSource::Official, Lang::Vi) => "văn bản chính thức".to_string(),
                (YearSource::Override, Lang::Vi) => "tệp bổ sung của người dùng".to_string(),
                (YearSource::Projected, Lang::Vi) => {
                    "DỰ KIẾN theo Bộ luật Lao động (chưa có thông báo chính thức)".to_string()
                }
                (YearSource::Official, Lang::En) => "official decisions".to_string(),
                (YearSource::Override, Lang::En) => "user override file".to_string(),
                (YearSource::Projected, Lang::En) => {
                    "PROJECTED from the Labour Code (no official notice recorded)".to_string()
                }
            };
            writeln!(
                out,
                "{} {}",
                if args.lang == Lang::Vi {
                    "Năm"
                } else {
                    "Year"
                },
                args.year
            )
            .map_err(io)?;
            writeln!(out, "{h_tet}: {tet}").map_err(io)?;
            writeln!(out, "{h_hung}: {hung}").map_err(io)?;
            writeln!(out, "{h_src}: {src} [{}]", cal.version()).map_err(io)?;
            for d in &days {
                writeln!(
                    out,
                    "  {} {}  {:<20} {}  ({})",
                    d.date,
                    d.date.format("%a"),
                    kind_label(d.kind, args.lang),
                    d.name,
                    d.document
                )
                .map_err(io)?;
            }
        }
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[derive(Parser)]
    struct T {
        #[command(flatten)]
        a: CalendarArgs,
    }

    fn run_args(argv: &[&str]) -> (Result<u8, CliError>, String) {
        let t = T::try_parse_from(std::iter::once("calendar").chain(argv.iter().copied())).unwrap();
        let mut out = Vec::new();
        let r = run(&t.a, &mut out);
        (r, String::from_utf8(out).unwrap())
    }

    #[test]
    fn json_2025_has_the_documented_keys_and_days() {
        let (r, out) = run_args(&["--year", "2025", "--format", "json"]);
        assert_eq!(r.unwrap(), 0);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["year"], 2025);
        assert_eq!(v["lunar_new_year"], "2025-01-29");
        assert_eq!(v["hung_kings"], "2025-04-07");
        assert_eq!(v["official"], true);
        let days = v["days"].as_array().unwrap();
        let mk = days.iter().find(|d| d["date"] == "2025-04-26").unwrap();
        let keys: Vec<&str> = mk.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["date", "document", "holiday", "kind", "name"]);
        assert_eq!(mk["kind"], "makeup_workday");
        let swap = days.iter().find(|d| d["date"] == "2025-05-02").unwrap();
        assert_eq!(
            (swap["kind"].as_str(), swap["holiday"].as_str()),
            (Some("swap_off"), Some("victory_day"))
        );
    }

    #[test]
    fn projected_year_and_errors() {
        let (r, out) = run_args(&["--year", "2028", "--format", "json"]);
        assert_eq!(r.unwrap(), 0);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["official"], false);
        assert!(v["days"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["document"].as_str().unwrap().contains("dự kiến")));
        let (r, _) = run_args(&["--year", "1999"]);
        assert_eq!(r.unwrap_err().code, 2);
        let (r, _) = run_args(&[
            "--year",
            "2027",
            "--calendar-override",
            "/nonexistent/x.csv",
        ]);
        assert_eq!(r.unwrap_err().code, 2);
    }
}
