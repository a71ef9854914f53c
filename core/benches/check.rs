//! Read and check a generated 100,000-row disclosure catalog (CSV, UTF-8
//! with BOM, the column headers agencies use; about 3 % of rows carry a
//! defect): `read_catalog_bytes` then `check_catalog`. Reported twice: as
//! bytes of CSV per second (MB/s) and as rows per second.
//!
//! `cargo bench -p tiepcan --bench check`

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use tiepcan::io::{read_catalog_bytes, Format, ReadOptions};
use tiepcan::validate::{check_catalog, CheckOptions};

mod gen {
    include!("gen.rs");
}

const ROWS: usize = 100_000;

fn read_and_check(csv: &[u8], opts: &CheckOptions) -> usize {
    let out =
        read_catalog_bytes(csv, Format::Csv, &ReadOptions::default()).expect("generated CSV reads");
    let report = check_catalog(&out.catalog, opts);
    out.catalog.len() + out.diagnostics.len() + report.diagnostics.len()
}

fn bench(c: &mut Criterion) {
    let csv = gen::catalog_csv(ROWS, 1);
    let opts = CheckOptions::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap());

    // One timed run first, printed as rows/s and MB/s.
    let t = Instant::now();
    black_box(read_and_check(&csv, &opts));
    let s = t.elapsed().as_secs_f64();
    println!(
        "read+check {ROWS} rows ({:.1} MB): {:.3} s = {:.0} rows/s, {:.1} MB/s (single run)",
        csv.len() as f64 / 1e6,
        s,
        ROWS as f64 / s,
        csv.len() as f64 / 1e6 / s
    );

    for (name, throughput) in [
        ("check/bytes", Throughput::Bytes(csv.len() as u64)),
        ("check/rows", Throughput::Elements(ROWS as u64)),
    ] {
        let mut g = c.benchmark_group(name);
        g.sampling_mode(SamplingMode::Flat)
            .sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(10))
            .throughput(throughput);
        g.bench_function("read+check 100k-row CSV", |b| {
            b.iter(|| black_box(read_and_check(black_box(&csv), &opts)))
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
