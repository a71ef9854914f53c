//! `tiepcan` — check access-to-information catalogs, compute request
//! deadlines and query the Vietnamese working-day calendar.
//!
//! Exit codes: 0 done with no error-severity finding; 1 a finding of
//! severity error, or the law refuses to compute (no regime, regime unknown
//! in strict mode); 2 usage error or unreadable input.

mod cmd_calendar;
mod cmd_check;
mod cmd_convert;
mod cmd_deadline;
mod cmd_register;
mod cmd_render;
mod common;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use common::{CliError, Format, Lang};

/// Vietnam's Law on Access to Information (Luật Tiếp cận thông tin).
#[derive(Debug, Parser)]
#[command(name = "tiepcan", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Commands,
}

#[derive(Debug, Subcommand)]
enum Commands {
    /// Check disclosure / conditional-access catalogs (CSV, XLSX, JSON, XML)
    /// against Decree 13/2018 Art. 6 and Law 104/2016 Arts 6, 7, 17–19.
    Check(cmd_check::CheckArgs),
    /// Request deadlines (thời hạn giải quyết yêu cầu cung cấp thông tin).
    Deadline(cmd_deadline::DeadlineArgs),
    /// The working-day calendar of a year (lịch nghỉ lễ, làm bù).
    Calendar(cmd_calendar::CalendarArgs),
    /// Convert a catalog between JSON, XML, CSV, DCAT-AP RDF/XML and CKAN JSON.
    Convert(cmd_convert::ConvertArgs),
    /// Render a catalog as an accessible HTML page (or text) with its validation report.
    Render(cmd_render::RenderArgs),
    /// The request register (sổ theo dõi cung cấp thông tin theo yêu cầu):
    /// check, statistics, iCalendar of due dates.
    #[command(subcommand)]
    Register(cmd_register::RegisterCmd),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Commands::Check(a) => Ok(cmd_check::run(&a)),
        Commands::Deadline(a) => cmd_deadline::run(&a, &mut std::io::stdout().lock()),
        Commands::Calendar(a) => cmd_calendar::run(&a, &mut std::io::stdout().lock()),
        Commands::Convert(a) => Ok(cmd_convert::run(&a) as u8),
        Commands::Render(a) => cmd_render::run(&a),
        Commands::Register(c) => Ok(cmd_register::run(&c) as u8),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        // A closed pipe (`tiepcan calendar | head`) ends output quietly.
        Err(e) if e.message.contains("Broken pipe") => ExitCode::SUCCESS,
        Err(e) => {
            use std::io::Write;
            let _ = writeln!(std::io::stderr(), "tiepcan: {}", e.message);
            ExitCode::from(e.code)
        }
    }
}
