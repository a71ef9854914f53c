//! The `tiepcan` command.
//!
//! Exit codes: 0 done; 1 the law refuses to compute (no regime, regime
//! unknown in strict mode) or a finding of severity error; 2 usage or
//! unreadable input.

mod cmd_calendar;
mod cmd_deadline;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Vietnam's Law on Access to Information (Luật Tiếp cận thông tin).
#[derive(Debug, Parser)]
#[command(name = "tiepcan", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Commands,
}

#[derive(Debug, Subcommand)]
enum Commands {
    /// Request deadlines (thời hạn giải quyết yêu cầu cung cấp thông tin).
    Deadline(cmd_deadline::DeadlineArgs),
    /// The working-day calendar of a year (lịch nghỉ lễ, làm bù).
    Calendar(cmd_calendar::CalendarArgs),
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// For people.
    #[default]
    Text,
    /// For programs.
    Json,
}

/// Language of text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Lang {
    /// Tiếng Việt.
    #[default]
    Vi,
    /// English.
    En,
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Commands::Deadline(a) => cmd_deadline::run(&a, &mut std::io::stdout().lock()),
        Commands::Calendar(a) => cmd_calendar::run(&a, &mut std::io::stdout().lock()),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("tiepcan: {}", e.message);
            ExitCode::from(e.code)
        }
    }
}
