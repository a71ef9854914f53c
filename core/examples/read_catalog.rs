//! Read a catalog file and print what the reader found:
//! `cargo run -p tiepcan --example read_catalog -- examples/data/an-hoa-sample.csv`
fn main() {
    for path in std::env::args().skip(1) {
        match tiepcan::io::read_catalog_path(path.as_ref(), &Default::default()) {
            Ok(out) => {
                println!("{path}: {} rows, {} items", out.rows, out.catalog.len());
                for d in &out.diagnostics {
                    println!("  {d}");
                }
                println!("{}", tiepcan::io::write_catalog_json(&out.catalog));
            }
            Err(e) => println!("{path}: error: {e}"),
        }
    }
}
