//! Helpers shared by the subcommands: dates, output format, colour.

use std::io::IsTerminal;

use chrono::NaiveDate;

/// Output format (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Format {
    /// For people.
    #[default]
    Text,
    /// For programs.
    Json,
}

/// Language of text output (`--lang`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Lang {
    /// Tiếng Việt.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// `"vi"` or `"en"`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

/// An error a subcommand reports, with its exit code.
#[derive(Debug)]
pub struct CliError {
    /// 1 legal refusal, 2 usage or unreadable input.
    pub code: u8,
    /// Message for stderr.
    pub message: String,
}

impl CliError {
    /// Usage or unreadable input (exit 2).
    pub fn input(message: impl std::fmt::Display) -> CliError {
        CliError {
            code: 2,
            message: message.to_string(),
        }
    }
}

/// Parse `YYYY-MM-DD` (or day-first `dd/mm/yyyy`) for `--today` and friends.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    match tiepcan::model::PartialDate::parse(s) {
        Ok(tiepcan::model::PartialDate::Day(d)) => Ok(d),
        Ok(_) => Err(format!("{s:?} is not a full date (YYYY-MM-DD)")),
        Err(e) => Err(e.to_string()),
    }
}

/// Today's civil date in Vietnam (UTC+7, no DST), from the system clock in
/// UTC — never the host time zone. Used only when the user gives no `--today`;
/// the date used is always printed.
pub fn today_in_vietnam() -> NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive()
}

/// Whether to colour output: stdout is a terminal and `NO_COLOR` is unset.
pub fn use_colour() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

/// Wrap `s` in an ANSI style when `on`.
pub fn paint(on: bool, code: &str, s: &str) -> String {
    if on {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

/// The built-in deadline rules, or those with a user rule file (`--rules`)
/// laid over them.
///
/// # Errors
/// Exit 2: the file cannot be opened or is not a rule file.
pub fn load_rules(
    path: Option<&std::path::PathBuf>,
) -> Result<tiepcan::deadline::RuleTable, CliError> {
    let t = tiepcan::deadline::RuleTable::builtin();
    match path {
        None => Ok(t),
        Some(p) => {
            let f = std::fs::File::open(p)
                .map_err(|e| CliError::input(format!("{}: {e}", p.display())))?;
            t.with_user_file(f, &p.display().to_string())
                .map_err(CliError::input)
        }
    }
}

/// A finding's severity as the text output writes it: `lỗi`, `cảnh báo`,
/// `lưu ý` in Vietnamese; `error`, `warning`, `note` in English.
pub fn severity_word(sev: tiepcan::validate::Severity, vi: bool) -> &'static str {
    use tiepcan::validate::Severity;
    match (sev, vi) {
        (Severity::Error, true) => "lỗi",
        (Severity::Warning, true) => "cảnh báo",
        (Severity::Info, true) => "lưu ý",
        (Severity::Error, false) => "error",
        (Severity::Warning, false) => "warning",
        (Severity::Info, false) => "note",
    }
}
