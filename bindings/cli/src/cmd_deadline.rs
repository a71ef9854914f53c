//! `tiepcan deadline`: the milestones of a request, or of a batch of them.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use chrono::{NaiveDate, NaiveTime};
use clap::ValueEnum;
use serde::Serialize;
use tiepcan::deadline::{
    Clock, ClockOptions, Complexity, DaysReading, Deadline, DeadlineError, Extension, OfficeHours,
    ReceiptRule, Received, Request, Schedule, Status,
};
use tiepcan::law::{Channel, Regime};
use tiepcan::validate::{Diagnostic, Severity};

use crate::cmd_calendar::load_calendar;
use crate::common::load_rules;
use crate::{CliError, Format, Lang};

/// `--regime`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum RegimeArg {
    /// By the receipt date.
    #[default]
    Auto,
    /// Law 104/2016/QH13.
    #[value(name = "2016")]
    Law104,
    /// The amended Law (from 2026-09-01).
    #[value(name = "2026")]
    Law2026,
}

/// `--days-reading`: how an unqualified "ngày" is counted (LAW.md A1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ReadingArg {
    /// Calendar days rolled to the next working day (default).
    #[default]
    CalendarRolled,
    /// Working days.
    WorkingDays,
}

/// `--receipt`: which day is day 0 (LAW.md A4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ReceiptArg {
    /// The calendar day of receipt, even a weekend or holiday (default).
    #[default]
    CalendarDay,
    /// A non-working day or after-hours receipt counts from the next working day.
    NextWorkingDay,
}

/// Arguments of `tiepcan deadline`.
#[derive(Debug, clap::Args)]
pub struct DeadlineArgs {
    /// Date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM, taken as UTC+7, or
    /// RFC 3339 with an offset) the valid request was received.
    #[arg(long, required_unless_present_any = ["batch", "print_rules"])]
    pub received: Option<String>,
    /// in-person | electronic | postal | fax (the 2026 Law's channel names are accepted as aliases).
    #[arg(long, required_unless_present_any = ["batch", "print_rules"])]
    pub channel: Option<String>,
    /// The agency classified the request as complex.
    #[arg(long)]
    pub complex: bool,
    /// Regime: by date, or forced.
    #[arg(long, value_enum, default_value_t = RegimeArg::Auto)]
    pub regime: RegimeArg,
    /// Refuse to compute with unverified (carried-over or draft) values.
    #[arg(long)]
    pub strict_regime: bool,
    /// Days-off file (date,kind,name,document) merged over the built-in table.
    #[arg(long, value_name = "FILE")]
    pub calendar_override: Option<PathBuf>,
    /// Time-limit rule file replacing the built-in table for the regimes it lists.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
    /// Report the status of each milestone on this date.
    #[arg(long, value_name = "DATE")]
    pub today: Option<NaiveDate>,
    /// Extension granted, in the unit of the channel's extension rule (default: the maximum).
    #[arg(long, value_name = "N")]
    pub extension_days: Option<u32>,
    /// Date of the extension notice (Form 04), checked against the base due date.
    #[arg(long, value_name = "DATE")]
    pub extension_notice: Option<NaiveDate>,
    /// Reading of an unqualified "ngày" (LAW.md A1).
    #[arg(long, value_enum, default_value_t = ReadingArg::CalendarRolled)]
    pub days_reading: ReadingArg,
    /// Which day is day 0 (LAW.md A4).
    #[arg(long, value_enum, default_value_t = ReceiptArg::CalendarDay)]
    pub receipt: ReceiptArg,
    /// Office closing time (HH:MM), used with `--receipt next-working-day`.
    #[arg(long, value_name = "HH:MM")]
    pub office_close: Option<String>,
    /// CSV file `received,channel,complexity`: compute every row, print
    /// `row,kind,due` and the computation time on stderr.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["received", "channel"])]
    pub batch: Option<PathBuf>,
    /// Print the time-limit table in use (built-in, or with `--rules`) in
    /// the rule-file CSV format, and exit.
    #[arg(long, conflicts_with_all = ["received", "channel", "batch"])]
    pub print_rules: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Language of text output.
    #[arg(long, value_enum, default_value_t = Lang::Vi)]
    pub lang: Lang,
}

#[derive(Serialize)]
struct LimitJson {
    value: u32,
    unit: &'static str,
}

#[derive(Serialize)]
struct MilestoneJson {
    kind: &'static str,
    due: String,
    limit: LimitJson,
    citation: String,
    provisional: bool,
}

#[derive(Serialize)]
struct SkippedJson {
    date: String,
    reason: String,
}

#[derive(Serialize)]
struct StatusJson {
    kind: &'static str,
    #[serde(flatten)]
    status: Status,
}

#[derive(Serialize)]
struct ScheduleJson<'a> {
    regime: &'static str,
    received: String,
    receipt_date: String,
    channel: &'static str,
    complexity: &'static str,
    milestones: Vec<MilestoneJson>,
    skipped: Vec<SkippedJson>,
    calendar_version: &'a str,
    findings: &'a [Diagnostic],
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<Vec<StatusJson>>,
}

fn legal_error(e: DeadlineError) -> CliError {
    let code = match e {
        DeadlineError::NoRegime { .. }
        | DeadlineError::RegimeUnknown { .. }
        | DeadlineError::NoRule { .. } => 1,
        _ => 2,
    };
    CliError {
        code,
        message: e.to_string(),
    }
}

fn options(args: &DeadlineArgs) -> Result<ClockOptions, CliError> {
    let office_hours = match &args.office_close {
        Some(s) => Some(OfficeHours {
            close: NaiveTime::parse_from_str(s, "%H:%M")
                .map_err(|_| CliError::input(format!("--office-close {s:?}: expected HH:MM")))?,
        }),
        None => None,
    };
    Ok(ClockOptions {
        receipt: match args.receipt {
            ReceiptArg::CalendarDay => ReceiptRule::CalendarDay,
            ReceiptArg::NextWorkingDay => ReceiptRule::NextWorkingDay,
        },
        office_hours,
        reading: match args.days_reading {
            ReadingArg::CalendarRolled => DaysReading::CalendarDaysRolled,
            ReadingArg::WorkingDays => DaysReading::WorkingDays,
        },
        strict_regime: args.strict_regime,
        explain_skipped: true,
    })
}

/// Run `tiepcan deadline`.
///
/// # Errors
/// Exit 2 for unreadable input (dates, channel, files); exit 1 when the law
/// refuses to compute (before 2018-07-01, or regime unknown in strict mode).
pub fn run(args: &DeadlineArgs, out: &mut dyn Write) -> Result<u8, CliError> {
    let cal = load_calendar(args.calendar_override.as_ref())?;
    let rules = load_rules(args.rules.as_ref())?;
    if args.print_rules {
        out.write_all(rules.to_csv().as_bytes())
            .map_err(CliError::input)?;
        return Ok(0);
    }
    let clock = Clock::new(&cal, &rules).with_options(options(args)?);
    let regime = match args.regime {
        RegimeArg::Auto => None,
        RegimeArg::Law104 => Some(Regime::Law104),
        RegimeArg::Law2026 => Some(Regime::Law2026),
    };
    if let Some(b) = &args.batch {
        let lean = clock.with_options(ClockOptions {
            explain_skipped: false,
            ..clock.options
        });
        return run_batch(&lean, regime, b, out);
    }
    let (Some(received), Some(channel)) = (&args.received, &args.channel) else {
        return Err(CliError::input("--received and --channel are required"));
    };
    let received = Received::parse(received).map_err(CliError::input)?;
    let channel = Channel::parse(channel).map_err(CliError::input)?;
    let complexity = if args.complex {
        Complexity::Complex
    } else {
        Complexity::Simple
    };
    let extension =
        (args.extension_days.is_some() || args.extension_notice.is_some()).then_some(Extension {
            days: args.extension_days,
            notice_date: args.extension_notice,
        });
    let req = Request {
        received,
        channel,
        complexity,
        regime,
        extension,
    };
    let s = clock.schedule(&req).map_err(legal_error)?;
    let status = match args.today {
        Some(t) => Some(s.status(t, &cal).map_err(legal_error)?),
        None => None,
    };
    let io = |e: std::io::Error| CliError::input(e);
    match args.format {
        Format::Json => {
            let j = ScheduleJson {
                regime: s.regime.code(),
                received: s.received.to_string(),
                receipt_date: s.receipt_date.to_string(),
                channel: s.channel.code(),
                complexity: s.complexity.code(),
                milestones: s
                    .milestones
                    .iter()
                    .map(|m| MilestoneJson {
                        kind: m.kind.code(),
                        due: m.due.to_string(),
                        limit: LimitJson {
                            value: m.limit.value,
                            unit: m.limit.unit.code(),
                        },
                        citation: m.citation.to_string(),
                        provisional: m.provisional,
                    })
                    .collect(),
                skipped: s
                    .skipped
                    .iter()
                    .map(|k| SkippedJson {
                        date: k.date.to_string(),
                        reason: k.to_string(),
                    })
                    .collect(),
                calendar_version: &s.calendar_version,
                findings: &s.findings,
                status: status.as_ref().map(|v| {
                    v.iter()
                        .map(|(k, st)| StatusJson {
                            kind: k.code(),
                            status: *st,
                        })
                        .collect()
                }),
            };
            serde_json::to_writer_pretty(&mut *out, &j).map_err(CliError::input)?;
            writeln!(out).map_err(io)?;
        }
        Format::Text => write_text(&s, status.as_deref(), args.lang, out).map_err(io)?,
    }
    Ok(
        if s.findings.iter().any(|f| f.severity == Severity::Error) {
            1
        } else {
            0
        },
    )
}

fn unit_label(m: &Deadline, lang: Lang) -> String {
    use tiepcan::deadline::Unit;
    match (m.limit.unit, lang) {
        (Unit::Immediate, Lang::Vi) => "ngay (ngày nhận)".into(),
        (Unit::Immediate, Lang::En) => "immediately (day of receipt)".into(),
        (Unit::WorkingDays, Lang::Vi) => format!("{} ngày làm việc", m.limit.value),
        (Unit::WorkingDays, Lang::En) => format!("{} working days", m.limit.value),
        (Unit::CalendarDays, Lang::Vi) => {
            format!("{} ngày (ngày lịch, lùi sang ngày làm việc)", m.limit.value)
        }
        (Unit::CalendarDays, Lang::En) => format!(
            "{} calendar days (\"ngày\", rolled to a working day)",
            m.limit.value
        ),
    }
}

fn status_label(st: &Status, lang: Lang) -> String {
    match (st, lang) {
        (
            Status::NotYetDue {
                working_days_left: n,
            },
            Lang::Vi,
        ) => format!("chưa đến hạn (còn {n} ngày làm việc)"),
        (
            Status::NotYetDue {
                working_days_left: n,
            },
            Lang::En,
        ) => format!("not yet due ({n} working days left)"),
        (Status::DueToday, Lang::Vi) => "đến hạn hôm nay".into(),
        (Status::DueToday, Lang::En) => "due today".into(),
        (
            Status::AtRisk {
                working_days_late: n,
            },
            Lang::Vi,
        ) => {
            format!("có nguy cơ trễ (quá hạn {n} ngày làm việc theo cách tính chặt hơn)")
        }
        (
            Status::AtRisk {
                working_days_late: n,
            },
            Lang::En,
        ) => {
            format!("at risk (late by {n} working days under the stricter reading)")
        }
        (
            Status::Overdue {
                working_days,
                calendar_days,
            },
            Lang::Vi,
        ) => {
            format!("quá hạn {working_days} ngày làm việc ({calendar_days} ngày lịch)")
        }
        (
            Status::Overdue {
                working_days,
                calendar_days,
            },
            Lang::En,
        ) => {
            format!("overdue by {working_days} working days ({calendar_days} calendar days)")
        }
    }
}

fn write_text(
    s: &Schedule,
    status: Option<&[(tiepcan::deadline::PeriodKind, Status)]>,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let vi = lang == Lang::Vi;
    let (regime, channel) = if vi {
        (s.regime.instrument().name_vi(), s.channel.label_vi())
    } else {
        (s.regime.instrument().name_en(), s.channel.label_en())
    };
    let cx = match (s.complexity, vi) {
        (Complexity::Simple, true) => "đơn giản, có sẵn",
        (Complexity::Complex, true) => "phức tạp",
        (Complexity::Simple, false) => "simple",
        (Complexity::Complex, false) => "complex",
    };
    if vi {
        writeln!(out, "Yêu cầu nhận: {} — {channel}, {cx}", s.received)?;
        writeln!(
            out,
            "Ngày nhận (ngày 0, không tính): {}   Chế độ: {regime}",
            s.receipt_date
        )?;
    } else {
        writeln!(out, "Request received: {} — {channel}, {cx}", s.received)?;
        writeln!(
            out,
            "Day 0 (not counted): {}   Regime: {regime}",
            s.receipt_date
        )?;
    }
    for m in &s.milestones {
        let label = if vi {
            m.kind.label_vi()
        } else {
            m.kind.label_en()
        };
        let prov = match (m.provisional, vi) {
            (true, true) => "  [TẠM TÍNH]",
            (true, false) => "  [PROVISIONAL]",
            _ => "",
        };
        let cite = if vi {
            m.citation.to_vietnamese()
        } else {
            m.citation.to_string()
        };
        writeln!(
            out,
            "  {}  {label}: {} — {cite}{prov}",
            m.due,
            unit_label(m, lang)
        )?;
        if let Some(a) = m.alternative_due {
            if vi {
                writeln!(out, "              (nếu tính là ngày làm việc: {a})")?;
            } else {
                writeln!(out, "              (read as working days: {a})")?;
            }
        }
        if let Some(st) = status.and_then(|v| v.iter().find(|(k, _)| *k == m.kind)) {
            writeln!(out, "              → {}", status_label(&st.1, lang))?;
        }
    }
    if !s.skipped.is_empty() {
        writeln!(
            out,
            "{}",
            if vi {
                "Ngày không làm việc được bỏ qua:"
            } else {
                "Non-working days skipped:"
            }
        )?;
        for k in &s.skipped {
            if vi {
                writeln!(
                    out,
                    "  {} {:<8}  {}",
                    k.date,
                    tiepcan::calendar::weekday_vi(k.date),
                    k.describe_vi()
                )?;
            } else {
                writeln!(out, "  {} {}  {k}", k.date, k.date.format("%a"))?;
            }
        }
    }
    for f in &s.findings {
        let msg = if vi { &f.message.vi } else { &f.message.en };
        let basis = f
            .citation
            .map(|c| {
                if vi {
                    format!(" ({})", c.to_vietnamese())
                } else {
                    format!(" ({c})")
                }
            })
            .unwrap_or_default();
        writeln!(
            out,
            "{} [{}] {msg}{basis}",
            crate::common::severity_word(f.severity, vi),
            f.rule
        )?;
    }
    writeln!(
        out,
        "{}: {}",
        if vi {
            "Dữ liệu lịch"
        } else {
            "Calendar data"
        },
        s.calendar_version
    )
}

fn run_batch(
    clock: &Clock<'_>,
    regime: Option<Regime>,
    path: &PathBuf,
    out: &mut dyn Write,
) -> Result<u8, CliError> {
    let bad = |line: usize, m: String| CliError::input(format!("{}:{line}: {m}", path.display()));
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::input(format!("{}: {e}", path.display())))?;
    let mut reqs = Vec::new();
    // Fields hold dates, channel and complexity codes: no quoting needed.
    for (n, raw) in text.lines().enumerate().skip(1) {
        let line = n + 1;
        let f: Vec<&str> = raw.split(',').map(str::trim).collect();
        if f.iter().all(|x| x.is_empty()) {
            continue;
        }
        if f.len() < 3 {
            return Err(bad(line, "expected received,channel,complexity".into()));
        }
        let received = Received::parse(f[0]).map_err(|e| bad(line, e.to_string()))?;
        let channel = Channel::parse(f[1]).map_err(|e| bad(line, e.to_string()))?;
        let complexity = Complexity::parse(f[2])
            .ok_or_else(|| bad(line, format!("unknown complexity {:?}", f[2])))?;
        reqs.push(Request {
            received,
            channel,
            complexity,
            regime,
            extension: None,
        });
    }
    let t0 = Instant::now();
    let mut dues: Vec<(usize, &'static str, NaiveDate)> = Vec::with_capacity(reqs.len() * 3);
    for (i, r) in reqs.iter().enumerate() {
        let s = clock.schedule(r).map_err(legal_error)?;
        dues.extend(s.milestones.iter().map(|m| (i, m.kind.code(), m.due)));
    }
    let elapsed = t0.elapsed();
    let mut w = std::io::BufWriter::new(out);
    let io = |e: std::io::Error| CliError::input(e);
    writeln!(w, "row,kind,due").map_err(io)?;
    for (i, k, d) in &dues {
        writeln!(w, "{i},{k},{d}").map_err(io)?;
    }
    w.flush().map_err(io)?;
    eprintln!(
        "computed {} requests ({} milestones) in {:.3} ms ({:.0} ns per request)",
        reqs.len(),
        dues.len(),
        elapsed.as_secs_f64() * 1e3,
        elapsed.as_secs_f64() * 1e9 / reqs.len().max(1) as f64
    );
    Ok(0)
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[derive(Parser)]
    struct T {
        #[command(flatten)]
        a: DeadlineArgs,
    }

    fn run_args(argv: &[&str]) -> (Result<u8, CliError>, String) {
        let t = T::try_parse_from(std::iter::once("deadline").chain(argv.iter().copied())).unwrap();
        let mut out = Vec::new();
        let r = run(&t.a, &mut out);
        (r, String::from_utf8(out).unwrap())
    }

    fn keys(v: &serde_json::Value) -> Vec<&str> {
        v.as_object().unwrap().keys().map(String::as_str).collect()
    }

    #[test]
    fn json_has_the_documented_keys() {
        let (r, out) = run_args(&[
            "--received",
            "2025-01-24",
            "--channel",
            "postal",
            "--complex",
            "--format",
            "json",
        ]);
        assert_eq!(r.unwrap(), 0);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        for k in [
            "regime",
            "received",
            "receipt_date",
            "channel",
            "complexity",
            "milestones",
            "skipped",
            "calendar_version",
        ] {
            assert!(v.get(k).is_some(), "{k}");
        }
        let m = &v["milestones"][2];
        assert_eq!(keys(m), ["citation", "due", "kind", "limit", "provisional"]);
        assert_eq!(m["kind"], "extended_provide_or_refuse");
        assert_eq!(m["due"], "2025-03-10");
        assert_eq!(m["limit"]["value"], 15);
        assert_eq!(m["limit"]["unit"], "calendar_days");
        assert_eq!(v["skipped"][0]["date"], "2025-01-25");
        assert_eq!(keys(&v["skipped"][0]), ["date", "reason"]);
        assert_eq!(v["regime"], "2016");
        assert_eq!(v["channel"], "postal");
    }

    #[test]
    fn in_person_alias_and_immediate_unit() {
        let (r, out) = run_args(&[
            "--received",
            "2025-06-11",
            "--channel",
            "in-person",
            "--format",
            "json",
        ]);
        assert_eq!(r.unwrap(), 0);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["milestones"][0]["kind"], "provide");
        assert_eq!(v["milestones"][0]["due"], "2025-06-11");
        assert_eq!(v["milestones"][0]["limit"]["unit"], "immediate");
    }

    #[test]
    fn provisional_after_2026_09_01_and_strict_mode_exit_1() {
        let (r, out) = run_args(&[
            "--received",
            "2026-09-03",
            "--channel",
            "electronic",
            "--format",
            "json",
        ]);
        assert_eq!(r.unwrap(), 0);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["regime"], "2026");
        assert_eq!(v["milestones"][0]["provisional"], true);
        assert_eq!(v["findings"][0]["rule"], "R-DL-PROVISIONAL");
        let (r, _) = run_args(&[
            "--received",
            "2026-09-03",
            "--channel",
            "electronic",
            "--strict-regime",
        ]);
        let e = r.unwrap_err();
        assert_eq!(e.code, 1);
        assert!(e.message.starts_with("regime unknown"));
    }

    #[test]
    fn status_at_today_and_late_notice_exit_1() {
        let (r, out) = run_args(&[
            "--received",
            "2025-01-24",
            "--channel",
            "postal",
            "--complex",
            "--today",
            "2025-03-12",
            "--extension-notice",
            "2025-02-24",
            "--format",
            "json",
        ]);
        assert_eq!(r.unwrap(), 1);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        // The late notice extends nothing: the base period (Fri 21 Feb)
        // was the last one, and it has passed.
        assert_eq!(v["milestones"].as_array().unwrap().len(), 2);
        assert_eq!(v["status"][1]["state"], "overdue");
        assert_eq!(v["findings"][0]["rule"], "R-EXT-NOTICE");
    }

    #[test]
    fn bad_input_is_exit_2_and_text_output_is_localised() {
        let (r, _) = run_args(&["--received", "24/01/2025", "--channel", "postal"]);
        assert_eq!(r.unwrap_err().code, 2);
        let (r, _) = run_args(&["--received", "2025-01-24", "--channel", "pigeon"]);
        assert_eq!(r.unwrap_err().code, 2);
        let (_, vi) = run_args(&["--received", "2025-01-24", "--channel", "postal"]);
        assert!(vi.contains("5 ngày làm việc"), "{vi}");
        let (_, en) = run_args(&[
            "--received",
            "2025-01-24",
            "--channel",
            "postal",
            "--lang",
            "en",
        ]);
        assert!(en.contains("2025-02-07  provide: 5 working days"), "{en}");
    }
}
