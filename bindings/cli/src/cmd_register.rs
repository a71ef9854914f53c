//! `tiepcan register`: check a request register, compute its statistics,
//! export its due dates as iCalendar, convert it between CSV, XLSX, JSON and
//! XML. Conversion only: every rule is in `tiepcan::register` and
//! `tiepcan::deadline`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use tiepcan::calendar::{OfficialDays, WorkingCalendar};
use tiepcan::deadline::{Clock, RuleTable};
use tiepcan::register::io::{self, Format, Loaded};
use tiepcan::register::{self as reg, RequestState, Status};
use tiepcan::validate::Severity;

/// Output format of `register check` and `register stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutFormat {
    /// Text for people.
    Text,
    /// JSON for programs.
    Json,
    /// CSV: `stats`, one metric per row; `check`, one request per row.
    Csv,
}

/// `tiepcan register …`
#[derive(Debug, Clone, clap::Subcommand)]
pub enum RegisterCmd {
    /// Every request's status at --today, what is overdue or due soon, and
    /// every inconsistency (exit 1 when a finding is an error).
    Check {
        /// Register file: .csv, .xlsx, .json or .xml.
        file: PathBuf,
        /// Date of the check (YYYY-MM-DD, civil date in Vietnam); default:
        /// the current date at UTC+7.
        #[arg(long, value_parser = crate::common::parse_date)]
        today: Option<NaiveDate>,
        /// List open requests due within this many working days.
        #[arg(long, default_value_t = 3)]
        within: i64,
        /// Official days-off override file (CSV, same format as the embedded table).
        #[arg(long)]
        calendar: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutFormat::Text)]
        format: OutFormat,
    },
    /// Counts for a period (the annual report to the People's Council,
    /// Law 104/2016/QH13 Art. 13(2); Decree 13/2018/NĐ-CP Art. 12(4)).
    Stats {
        /// Register file: .csv, .xlsx, .json or .xml.
        file: PathBuf,
        /// First day of the period (YYYY-MM-DD).
        #[arg(long, value_parser = crate::common::parse_date)]
        from: NaiveDate,
        /// Last day of the period (YYYY-MM-DD); statuses are taken at this date.
        #[arg(long, value_parser = crate::common::parse_date)]
        to: NaiveDate,
        /// Official days-off override file.
        #[arg(long)]
        calendar: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutFormat::Text)]
        format: OutFormat,
    },
    /// Due dates of the open requests as an iCalendar file.
    Ics {
        /// Register file: .csv, .xlsx, .json or .xml.
        file: PathBuf,
        /// Output file (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Date that decides which requests are open (and the DTSTAMP);
        /// default: the current date at UTC+7.
        #[arg(long, value_parser = crate::common::parse_date)]
        today: Option<NaiveDate>,
        /// Official days-off override file.
        #[arg(long)]
        calendar: Option<PathBuf>,
    },
    /// Convert a register between CSV, XLSX, JSON and XML. Reading problems
    /// are reported as `register check` reports them. Exit 0: written, no
    /// error found; 1: written, but reading found errors or the CSV/XLSX
    /// layout could not hold some events (each one is listed); 2: usage
    /// error, unreadable input or output not written (nothing is written).
    Convert {
        /// Input register: .csv, .xlsx, .json or .xml.
        input: PathBuf,
        /// Output file, or `-` for standard output (then --to is required).
        output: PathBuf,
        /// Output format; by default from the output file's extension.
        #[arg(long, value_enum)]
        to: Option<ConvertTo>,
        /// Report format: text lines on standard error, or one JSON object
        /// (on standard output; on standard error when the register goes to
        /// standard output).
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
}

/// Output format of `register convert`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ConvertTo {
    /// The JSON model (schemas/register.schema.json): every event.
    Json,
    /// tiepcan register XML (schemas/register.xsd): every event.
    Xml,
    /// The register-book layout with Vietnamese headers (one event of each kind per request).
    Csv,
    /// The register-book layout as an Excel workbook.
    Xlsx,
}

impl ConvertTo {
    /// The format an output file name implies (`.json`, `.xml`, `.csv`, `.xlsx`).
    pub fn from_path(path: &Path) -> Option<ConvertTo> {
        Some(match Format::from_path(&path.display().to_string())? {
            Format::Json => ConvertTo::Json,
            Format::Xml => ConvertTo::Xml,
            Format::Csv => ConvertTo::Csv,
            Format::Xlsx => ConvertTo::Xlsx,
        })
    }

    fn name(self) -> &'static str {
        match self {
            ConvertTo::Json => "json",
            ConvertTo::Xml => "xml",
            ConvertTo::Csv => "csv",
            ConvertTo::Xlsx => "xlsx",
        }
    }
}

/// Report format of `register convert`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Lines for people, on standard error.
    Text,
    /// One JSON object.
    Json,
}

fn load(path: &Path) -> Result<Loaded, String> {
    let name = path.display().to_string();
    let fmt = Format::from_path(&name).ok_or_else(|| {
        format!("{name}: unknown register format (expected .csv, .xlsx, .json or .xml)")
    })?;
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: {e}"))?;
    io::read_bytes(&bytes, fmt, &name).map_err(|e| e.to_string())
}

/// The converted register's bytes and the events the output layout could
/// not hold.
fn render(reg: &reg::Register, to: ConvertTo) -> Result<(Vec<u8>, Vec<io::NotWritten>), String> {
    match to {
        ConvertTo::Json => {
            let mut b = io::write_json(reg).into_bytes();
            b.push(b'\n');
            Ok((b, Vec::new()))
        }
        ConvertTo::Xml => {
            let mut b = Vec::new();
            reg::xml::write_register_xml(reg, &mut b).map_err(|e| e.to_string())?;
            Ok((b, Vec::new()))
        }
        ConvertTo::Csv => {
            let mut b = Vec::new();
            let dropped = io::write_csv(reg, &mut b).map_err(|e| e.to_string())?;
            Ok((b, dropped))
        }
        ConvertTo::Xlsx => io::write_xlsx(reg).map_err(|e| e.to_string()),
    }
}

/// `register convert`; returns the exit code (0, 1 or 2).
fn convert(input: &Path, output: &Path, to: Option<ConvertTo>, format: ReportFormat) -> i32 {
    let fail = |msg: &str| {
        match format {
            ReportFormat::Text => eprintln!("tiepcan register convert: {msg}"),
            ReportFormat::Json => eprintln!("{}", serde_json::json!({ "error": msg })),
        }
        2
    };
    let to_stdout = output.as_os_str() == "-";
    let Some(to) = to.or_else(|| ConvertTo::from_path(output)) else {
        return fail(&format!(
            "cannot tell the output format from {:?}; use --to json|xml|csv|xlsx",
            output.display().to_string()
        ));
    };
    let loaded = match load(input) {
        Ok(l) => l,
        Err(e) => return fail(&e),
    };
    let (bytes, dropped) = match render(&loaded.register, to) {
        Ok(x) => x,
        Err(e) => return fail(&e),
    };
    let written = if to_stdout {
        use std::io::Write as _;
        std::io::stdout()
            .lock()
            .write_all(&bytes)
            .map_err(|e| e.to_string())
    } else {
        std::fs::write(output, &bytes)
            .map_err(|e| format!("cannot write {}: {e}", output.display()))
    };
    if let Err(e) = written {
        return fail(&e);
    }
    let mut report = tiepcan::validate::Report::new();
    report.extend(loaded.diagnostics);
    let s = report.summary();
    let out_name = if to_stdout {
        "standard output".to_string()
    } else {
        output.display().to_string()
    };
    match format {
        ReportFormat::Text => {
            for d in &report.diagnostics {
                eprintln!("{d}");
            }
            for n in &dropped {
                eprintln!(
                    "not written: request {}: event {} of {} (the {} layout holds one event of each kind per request; convert to JSON or XML to keep it)",
                    n.id,
                    n.event,
                    n.date,
                    to.name()
                );
            }
            eprintln!(
                "{} → {out_name} ({}, {} request(s)): {} error(s), {} warning(s), {} note(s), {} event(s) not written",
                input.display(),
                to.name(),
                loaded.register.requests.len(),
                s.errors,
                s.warnings,
                s.infos,
                dropped.len()
            );
        }
        ReportFormat::Json => {
            let v = serde_json::json!({
                "input": input.display().to_string(),
                "output": output.display().to_string(),
                "to": to.name(),
                "requests": loaded.register.requests.len(),
                "summary": s,
                "diagnostics": report.diagnostics,
                "not_written": dropped.iter().map(|n| serde_json::json!({
                    "id": n.id, "event": n.event, "date": n.date
                })).collect::<Vec<_>>(),
            });
            if to_stdout {
                eprintln!("{v}");
            } else {
                println!("{v}");
            }
        }
    }
    i32::from(report.has_errors() || !dropped.is_empty())
}

fn calendar(path: Option<&Path>) -> Result<WorkingCalendar, String> {
    match path {
        None => Ok(WorkingCalendar::official().clone()),
        Some(p) => {
            let name = p.display().to_string();
            let text = std::fs::read_to_string(p).map_err(|e| format!("{name}: {e}"))?;
            let over = OfficialDays::parse_str(&text, &name).map_err(|e| e.to_string())?;
            WorkingCalendar::with_override(&over).map_err(|e| e.to_string())
        }
    }
}

/// `writeln!` into the output buffer (formatting into a `String` cannot fail).
macro_rules! outln {
    ($o:expr) => {
        $o.push('\n')
    };
    ($o:expr, $($t:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($o, $($t)*);
    }};
}

/// Write the finished output; a closed pipe (`| head`) is not an error.
fn emit(o: &str) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(o.as_bytes()).and_then(|_| out.flush());
}

/// Run a `register` subcommand; returns the exit code: 0 clean, 1 findings
/// of severity error, 2 usage error or unreadable input.
pub fn run(cmd: &RegisterCmd) -> i32 {
    let mut o = String::new();
    let result = run_inner(cmd, &mut o);
    emit(&o);
    match result {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("tiepcan register: {msg}");
            2
        }
    }
}

fn run_inner(cmd: &RegisterCmd, o: &mut String) -> Result<i32, String> {
    let rules = RuleTable::builtin();
    match cmd {
        RegisterCmd::Check {
            file,
            today,
            within,
            calendar: cal_path,
            format,
        } => {
            let loaded = load(file)?;
            let cal = calendar(cal_path.as_deref())?;
            let clock = Clock::new(&cal, &rules);
            let today = today.unwrap_or_else(crate::common::today_in_vietnam);
            let mut check = reg::check_register(&loaded.register, &clock, today);
            let name = file.display().to_string();
            let mut all = loaded.diagnostics.clone();
            all.extend(check.report.diagnostics.drain(..).map(|d| {
                if d.location.file.is_none() {
                    d.in_file(&name)
                } else {
                    d
                }
            }));
            check.report.diagnostics = all;
            let errors = check.report.has_errors();
            match format {
                OutFormat::Json => {
                    outln!(
                        o,
                        "{}",
                        serde_json::to_string_pretty(&check).map_err(|e| e.to_string())?
                    );
                }
                OutFormat::Csv => {
                    outln!(o, "id,channel,state,recorded_state,due,status");
                    for (r, s) in loaded.register.requests.iter().zip(&check.statuses) {
                        outln!(
                            o,
                            "{},{},{},{},{},{}",
                            r.id,
                            r.channel.code(),
                            s.state.code(),
                            s.recorded_state.map(|x| x.code()).unwrap_or(""),
                            s.due.map(|d| d.to_string()).unwrap_or_default(),
                            s.status.code()
                        );
                    }
                }
                OutFormat::Text => print_check(o, &loaded, &check, *within),
            }
            Ok(i32::from(errors))
        }
        RegisterCmd::Stats {
            file,
            from,
            to,
            calendar: cal_path,
            format,
        } => {
            if from > to {
                return Err(format!("--from {from} is after --to {to}"));
            }
            let loaded = load(file)?;
            for d in loaded
                .diagnostics
                .iter()
                .filter(|d| d.severity != Severity::Info)
            {
                eprintln!("{d}");
            }
            let cal = calendar(cal_path.as_deref())?;
            let clock = Clock::new(&cal, &rules);
            let s = reg::stats(&loaded.register, &clock, *from, *to);
            match format {
                OutFormat::Json => outln!(
                    o,
                    "{}",
                    serde_json::to_string_pretty(&s).map_err(|e| e.to_string())?
                ),
                OutFormat::Csv => o.push_str(&stats_csv(&s)),
                OutFormat::Text => print_stats(o, &s),
            }
            Ok(0)
        }
        RegisterCmd::Ics {
            file,
            output,
            today,
            calendar: cal_path,
        } => {
            let loaded = load(file)?;
            let cal = calendar(cal_path.as_deref())?;
            let clock = Clock::new(&cal, &rules);
            let today = today.unwrap_or_else(crate::common::today_in_vietnam);
            let ics = ics(&loaded, &clock, today);
            match output {
                Some(p) => std::fs::write(p, ics).map_err(|e| format!("{}: {e}", p.display()))?,
                None => o.push_str(&ics),
            }
            Ok(0)
        }
        // Writes its own output and report.
        RegisterCmd::Convert {
            input,
            output,
            to,
            format,
        } => Ok(convert(input, output, *to, *format)),
    }
}

fn print_check(o: &mut String, loaded: &Loaded, check: &reg::RegisterCheck, within: i64) {
    outln!(
        o,
        "Sổ theo dõi: {} yêu cầu, tính tại ngày {} / Register: {} requests, status at {}",
        loaded.register.requests.len(),
        check.today,
        loaded.register.requests.len(),
        check.today
    );
    outln!(o);
    outln!(o, "{:<10} {:<11} {:<20} status", "id", "channel", "state");
    for (r, s) in loaded.register.requests.iter().zip(&check.statuses) {
        outln!(
            o,
            "{:<10} {:<11} {:<20} {}",
            r.id,
            r.channel.code(),
            s.state.code(),
            s.status.describe_en()
        );
    }
    outln!(o);
    let due: Vec<_> = check.due_within(within).collect();
    outln!(o,
        "Quá hạn hoặc đến hạn trong {within} ngày làm việc / Overdue or due within {within} working days: {}",
        due.len()
    );
    for s in due {
        outln!(o, "  {} — {}", s.id, s.status.describe_en());
    }
    outln!(o);
    let sum = check.report.summary();
    outln!(
        o,
        "Phát hiện / Findings: {} error(s), {} warning(s), {} note(s)",
        sum.errors,
        sum.warnings,
        sum.infos
    );
    for d in check
        .report
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
    {
        outln!(o, "  {d}");
    }
}

fn stats_rows(s: &reg::RegisterStats) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = vec![
        ("from".into(), s.from.to_string()),
        ("to".into(), s.to.to_string()),
        ("received".into(), s.received.to_string()),
    ];
    let st = |p: &str, c: &reg::StateCounts, rows: &mut Vec<(String, String)>| {
        for (k, v) in [
            ("provided", c.provided),
            ("partly_provided", c.partly_provided),
            ("refused", c.refused),
            ("transferred", c.transferred),
            ("withdrawn", c.withdrawn),
            ("pending_incomplete", c.incomplete),
            ("pending_in_progress", c.in_progress),
        ] {
            rows.push((format!("{p}{k}"), v.to_string()));
        }
    };
    st("", &s.by_state, &mut rows);
    for g in &s.refused_by_ground {
        rows.push((
            format!("refused_ground_28_1_{}", g.point),
            g.count.to_string(),
        ));
    }
    rows.push(("extended".into(), s.extended.to_string()));
    for (ch, c) in &s.by_channel {
        rows.push((format!("channel_{ch}_received"), c.total().to_string()));
        st(&format!("channel_{ch}_"), c, &mut rows);
    }
    let t = &s.timeliness;
    for (k, v) in [
        ("on_time", t.on_time),
        ("late", t.late),
        ("overdue", t.overdue),
        ("not_yet_due", t.not_yet_due),
        ("no_clock", t.no_clock),
        ("withdrawn_after_valid", t.withdrawn),
        ("deadline_unknown", t.unknown),
    ] {
        rows.push((k.into(), v.to_string()));
    }
    rows.push((
        "median_working_days_to_answer".into(),
        s.median_working_days_to_answer
            .map(|m| m.to_string())
            .unwrap_or_default(),
    ));
    rows.push((
        "costs_collected_vnd".into(),
        s.costs_collected_vnd.to_string(),
    ));
    rows.push(("complaints".into(), s.complaints.to_string()));
    rows.push(("correction_claims".into(), s.correction_claims.to_string()));
    rows
}

fn stats_csv(s: &reg::RegisterStats) -> String {
    let mut out = String::from("metric,value\n");
    for (k, v) in stats_rows(s) {
        out.push_str(&format!("{k},{v}\n"));
    }
    out
}

fn print_stats(o: &mut String, s: &reg::RegisterStats) {
    let b = &s.by_state;
    outln!(
        o,
        "Tình hình cung cấp thông tin theo yêu cầu từ {} đến {} / Provision on request, {} to {}",
        s.from,
        s.to,
        s.from,
        s.to
    );
    outln!(
        o,
        "(Nghị định 13/2018/NĐ-CP, Điều 12 khoản 4; Luật Tiếp cận thông tin, Điều 13 khoản 2)"
    );
    outln!(o);
    fn line(o: &mut String, vi: &str, en: &str, n: String) {
        outln!(o, "  {:<52} {:>8}", format!("{vi} / {en}"), n);
    }
    line(
        o,
        "Số yêu cầu tiếp nhận",
        "received",
        s.received.to_string(),
    );
    line(o, "Đã cung cấp", "provided", b.provided.to_string());
    line(
        o,
        "Cung cấp một phần",
        "partly provided",
        b.partly_provided.to_string(),
    );
    line(o, "Từ chối", "refused", b.refused.to_string());
    for g in &s.refused_by_ground {
        let p = g.point;
        line(
            o,
            &format!("  điểm {p} khoản 1 Điều 28"),
            &format!("Art. 28(1)({p})"),
            g.count.to_string(),
        );
    }
    line(
        o,
        "Không thuộc trách nhiệm",
        "transferred",
        b.transferred.to_string(),
    );
    line(o, "Rút yêu cầu", "withdrawn", b.withdrawn.to_string());
    line(o, "Đang giải quyết", "pending", b.pending().to_string());
    line(
        o,
        "  chưa hợp lệ",
        "incomplete slip",
        b.incomplete.to_string(),
    );
    line(
        o,
        "  trong thời hạn xử lý",
        "in progress",
        b.in_progress.to_string(),
    );
    line(o, "Gia hạn", "extended", s.extended.to_string());
    outln!(o);
    outln!(o, "  Theo cách thức / By channel:");
    for (ch, c) in &s.by_channel {
        outln!(o,
            "    {:<12} received {:>3}  provided {:>3}  partly {:>2}  refused {:>2}  transferred {:>2}  withdrawn {:>2}  pending {:>2}",
            ch,
            c.total(),
            c.provided,
            c.partly_provided,
            c.refused,
            c.transferred,
            c.withdrawn,
            c.pending()
        );
    }
    outln!(o);
    let t = &s.timeliness;
    line(o, "Đúng hạn", "answered on time", t.on_time.to_string());
    line(o, "Trễ hạn", "answered late", t.late.to_string());
    line(
        o,
        "Quá hạn chưa trả lời",
        "overdue, unanswered",
        t.overdue.to_string(),
    );
    line(o, "Chưa đến hạn", "not yet due", t.not_yet_due.to_string());
    line(o, "Chưa tính thời hạn", "no clock", t.no_clock.to_string());
    line(
        o,
        "Rút sau khi hợp lệ",
        "withdrawn after valid",
        t.withdrawn.to_string(),
    );
    line(
        o,
        "Trung vị ngày làm việc để trả lời",
        "median working days to answer",
        s.median_working_days_to_answer
            .map(|m| format!("{m:.1}"))
            .unwrap_or_else(|| "—".into()),
    );
    line(
        o,
        "Chi phí đã thu (đồng)",
        "costs collected (VND)",
        s.costs_collected_vnd.to_string(),
    );
    line(
        o,
        "Khiếu nại, khởi kiện",
        "complaints, lawsuits",
        s.complaints.to_string(),
    );
    line(
        o,
        "Yêu cầu đính chính",
        "correction claims",
        s.correction_claims.to_string(),
    );
}

fn uid_part(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

fn ics(loaded: &Loaded, clock: &Clock<'_>, today: NaiveDate) -> String {
    use icalendar::{Calendar, Component, EventLike};
    let stamp = today
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc() - chrono::Duration::hours(7))
        .unwrap_or_default();
    let mut cal = Calendar::new();
    cal.name("Hạn giải quyết yêu cầu cung cấp thông tin");
    for r in &loaded.register.requests {
        let st = reg::status_at(r, clock, today);
        if st.state.is_closed() || st.state == RequestState::ReceivedIncomplete {
            continue;
        }
        let who = if r.slip.name.is_empty() {
            "?"
        } else {
            &r.slip.name
        };
        let mut push = |kind: &str, vi: &str, date: NaiveDate| {
            let ev = icalendar::Event::new()
                .uid(&format!("{}-{kind}@tiepcan.register", uid_part(&r.id)))
                .timestamp(stamp)
                .summary(&format!(
                    "{vi}: yêu cầu {} ({})",
                    r.id,
                    r.channel.label_vi()
                ))
                .description(&format!(
                    "Người yêu cầu: {who}\nThông tin: {}\nTrạng thái tại {today}: {}",
                    r.slip.information,
                    st.status.describe_en()
                ))
                // All-day event: DTEND is exclusive (RFC 5545, 3.6.1).
                .starts(date)
                .ends(date.succ_opt().unwrap_or(date))
                .done();
            cal.push(ev);
        };
        if let Some(n) = st.notice_due {
            let noticed = r.events.iter().any(|e| {
                matches!(
                    e.kind,
                    reg::EventKind::HandlingNotice { .. } | reg::EventKind::Extended { .. }
                )
            });
            if !noticed {
                push("notice", "Hạn thông báo thời hạn", n);
            }
        }
        if let Some(d) = st.due {
            let vi = if matches!(st.status, Status::Overdue { .. }) {
                "QUÁ HẠN trả lời"
            } else {
                "Hạn trả lời"
            };
            push("due", vi, d);
        }
    }
    cal.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../examples/data/register/so-theo-doi-2024.csv")
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn check_on_the_bundled_register_exits_1_for_its_planted_errors() {
        let cmd = RegisterCmd::Check {
            file: bundled(),
            today: Some(date("2024-12-31")),
            within: 3,
            calendar: None,
            format: OutFormat::Json,
        };
        assert_eq!(run(&cmd), 1);
    }

    #[test]
    fn unreadable_file_and_bad_period_exit_2() {
        let missing = RegisterCmd::Stats {
            file: PathBuf::from("/nonexistent/so.csv"),
            from: date("2024-01-01"),
            to: date("2024-12-31"),
            calendar: None,
            format: OutFormat::Text,
        };
        assert_eq!(run(&missing), 2);
        let backwards = RegisterCmd::Stats {
            file: bundled(),
            from: date("2024-12-31"),
            to: date("2024-01-01"),
            calendar: None,
            format: OutFormat::Text,
        };
        assert_eq!(run(&backwards), 2);
    }

    #[test]
    fn stats_csv_has_one_metric_per_row() {
        let loaded = load(&bundled()).unwrap();
        let rules = RuleTable::builtin();
        let clock = Clock::new(WorkingCalendar::official(), &rules);
        let s = reg::stats(
            &loaded.register,
            &clock,
            date("2024-01-01"),
            date("2024-12-31"),
        );
        let csv = stats_csv(&s);
        assert!(csv.starts_with("metric,value\n"));
        assert!(csv.contains("\nreceived,35\n"));
        assert!(csv.contains("\nrefused_ground_28_1_đ,1\n"));
        assert!(csv.contains("\ncosts_collected_vnd,225000\n"));
    }

    #[test]
    fn ics_lists_open_requests_on_their_due_dates() {
        let loaded = load(&bundled()).unwrap();
        let rules = RuleTable::builtin();
        let clock = Clock::new(WorkingCalendar::official(), &rules);
        let text = ics(&loaded, &clock, date("2024-12-31"));
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 2);
        assert!(text.contains("DTSTART;VALUE=DATE:20241219"));
        assert!(text.contains("DTSTART;VALUE=DATE:20250114"));
        assert!(text.contains("DTSTAMP:20241230T170000Z"));
    }
}
