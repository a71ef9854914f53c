//! `tiepcan` — check access-to-information catalogs, compute request
//! deadlines and query the Vietnamese working-day calendar.
//!
//! Exit codes: 0 no error-severity finding; 1 at least one; 2 usage error or
//! unreadable input.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd_check;
mod common;

/// Vietnam's Law on Access to Information (Luật Tiếp cận thông tin) as a tool.
#[derive(Parser)]
#[command(name = "tiepcan", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Commands,
}

#[derive(Subcommand)]
enum Commands {
    /// Check disclosure / conditional-access catalogs (CSV, XLSX, JSON, XML) against
    /// Decree 13/2018 Art. 6 and Law 104/2016 Arts 6, 7, 17–19.
    Check(cmd_check::CheckArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match &cli.command {
        Commands::Check(a) => cmd_check::run(a),
    };
    ExitCode::from(code)
}
