//! The `tiepcan` command (register branch: mounts only `register`; the
//! integrator mounts it in the real main).

mod cmd_register;

use clap::Parser;

#[derive(Debug, Parser)]
#[command(
    name = "tiepcan",
    version,
    about = "Vietnam's Law on Access to Information, in the shell"
)]
enum Cli {
    /// The request register (sổ theo dõi cung cấp thông tin theo yêu cầu).
    #[command(subcommand)]
    Register(cmd_register::RegisterCmd),
}

fn main() {
    let code = match Cli::parse() {
        Cli::Register(cmd) => cmd_register::run(&cmd),
    };
    std::process::exit(code);
}
