//! The `tiepcan` command.
//!
//! (Branch `formats`: a minimal main mounting only `convert`; the
//! integrator mounts `cmd_convert::ConvertArgs` into the real command enum.)

mod cmd_convert;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "tiepcan",
    version,
    about = "Vietnam's Law on Access to Information"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Convert a catalog between JSON, XML, CSV, DCAT-AP RDF/XML and CKAN JSON.
    Convert(cmd_convert::ConvertArgs),
}

fn main() {
    let cli = Cli::parse();
    let code = match &cli.cmd {
        Cmd::Convert(a) => cmd_convert::run(a),
    };
    std::process::exit(code);
}
