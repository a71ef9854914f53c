//! National-scale run: AGENCIES agencies × ITEMS catalog entries each, every
//! catalog generated as the CSV an officer would export, read with the CSV
//! reader and checked with every catalog rule, on all cores. Prints time,
//! throughput and findings; run it under `/usr/bin/time -v` for peak memory.
//!
//! Usage: `cargo run --release -p tiepcan --example national_scale -- [AGENCIES] [ITEMS] [THREADS]`
//! (defaults 3300 × 1000, threads = available parallelism).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use tiepcan::io::{read_catalog_bytes, Format, ReadOptions};
use tiepcan::validate::{check_catalog, CheckOptions, Severity};

mod gen {
    include!("../benches/gen.rs");
}

fn main() {
    let mut a = std::env::args().skip(1);
    let agencies: usize = a.next().and_then(|s| s.parse().ok()).unwrap_or(3300);
    let items: usize = a.next().and_then(|s| s.parse().ok()).unwrap_or(1000);
    let threads: usize = a.next().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let opts = CheckOptions::new(today);
    let next = AtomicUsize::new(0);
    let (bytes, rows, errors, warnings) = (
        AtomicUsize::new(0),
        AtomicUsize::new(0),
        AtomicUsize::new(0),
        AtomicUsize::new(0),
    );
    let t0 = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= agencies {
                    break;
                }
                let csv = gen::catalog_csv(items, i as u64 + 1);
                bytes.fetch_add(csv.len(), Ordering::Relaxed);
                let out = read_catalog_bytes(&csv, Format::Csv, &ReadOptions::default())
                    .expect("generated CSV reads");
                rows.fetch_add(out.catalog.len(), Ordering::Relaxed);
                let report = check_catalog(&out.catalog, &opts);
                for d in out.diagnostics.iter().chain(report.diagnostics.iter()) {
                    match d.severity {
                        Severity::Error => errors.fetch_add(1, Ordering::Relaxed),
                        _ => warnings.fetch_add(1, Ordering::Relaxed),
                    };
                }
            });
        }
    });
    let secs = t0.elapsed().as_secs_f64();
    let rows = rows.into_inner();
    let mb = bytes.into_inner() as f64 / 1e6;
    println!("agencies: {agencies}, items per catalog: {items}, threads: {threads}");
    println!("items checked: {rows}, CSV generated and read: {mb:.0} MB");
    println!(
        "time: {secs:.2} s (generation included) = {:.0} items/s, {:.1} MB/s",
        rows as f64 / secs,
        mb / secs
    );
    println!(
        "findings: {} errors, {} warnings/notes",
        errors.into_inner(),
        warnings.into_inner()
    );
}
