//! Helpers shared by the subcommands: dates, output format, colour.

use std::io::IsTerminal;

use chrono::NaiveDate;

/// `--format` for commands that print reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Text for people.
    Text,
    /// JSON for programs.
    Json,
}

/// `--lang` for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// Tiếng Việt.
    Vi,
    /// English.
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
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
