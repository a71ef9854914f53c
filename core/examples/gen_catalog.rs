//! Generate a synthetic disclosure catalog as CSV, shaped like the real ones
//! in `examples/data/` (Vietnamese headers, day-first dates, a few defects per
//! hundred rows), for benchmarks and scale runs.
//!
//! Usage: `cargo run --release -p tiepcan --example gen_catalog -- ROWS [SEED] > out.csv`

use std::io::Write;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let rows: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let out = std::io::stdout();
    let mut w = std::io::BufWriter::new(out.lock());
    w.write_all(&tiepcan_gen::catalog_csv(rows, seed))?;
    w.flush()
}

/// Shared with the benches (included by path).
mod tiepcan_gen {
    include!("../benches/gen.rs");
}
