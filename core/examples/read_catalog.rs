//! Read catalog files and print what the reader found: rows, entries, the
//! reader's findings and the time taken. `--json` also prints the catalog in
//! tiepcan's JSON model.
//!
//! `cargo run -p tiepcan --example read_catalog -- examples/data/*.csv`
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    for path in args.iter().filter(|a| !a.starts_with("--")) {
        let t = Instant::now();
        let res = tiepcan::io::read_catalog_path(path.as_ref(), &Default::default());
        let ms = t.elapsed().as_secs_f64() * 1e3;
        match res {
            Ok(out) => {
                println!(
                    "{path}: {} rows, {} entries, {} findings, read in {ms:.1} ms",
                    out.rows,
                    out.catalog.len(),
                    out.diagnostics.len()
                );
                for d in out.diagnostics.iter().take(30) {
                    println!("  {d}");
                }
                if json {
                    println!("{}", tiepcan::io::write_catalog_json(&out.catalog));
                }
            }
            Err(e) => println!("{path}: error: {e}"),
        }
    }
}
