//! Parse speed of the XML reader on a generated 100,000-item catalog
//! (target ≥ 200 MB/s, i.e. ≥ 190.7 MiB/s: criterion prints MiB/s). Run:
//! `cargo bench -p tiepcan --bench xml`. Memory is measured by
//! `examples/xml_mem.rs` (see its docs); instruction counts, which do not
//! depend on machine load, with callgrind (see BENCHMARKS.md, "XML").

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use tiepcan::io::xml::{catalog_to_xml_string, read_catalog_xml, XmlLimits};

mod common;

fn bench(c: &mut Criterion) {
    let catalog = common::catalog(100_000);
    let xml = catalog_to_xml_string(&catalog).unwrap();
    let json = serde_json::to_vec(&catalog).unwrap();
    drop(catalog);
    eprintln!(
        "100,000-item catalog: {:.1} MB of XML, {:.1} MB of JSON; 200 MB/s = {:.1} MiB/s \
         (criterion's unit) = {:.0} ms per parse",
        xml.len() as f64 / 1e6,
        json.len() as f64 / 1e6,
        200e6 / 1048576.0,
        xml.len() as f64 / 200e6 * 1e3
    );
    let mut g = c.benchmark_group("xml-100k");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(xml.len() as u64));
    g.bench_function("read_catalog_xml", |b| {
        b.iter(|| read_catalog_xml(xml.as_bytes(), &XmlLimits::default()).unwrap())
    });
    // The same, timed by this thread's CPU time: on a shared machine (here
    // 2 cores, load average ~10) wall time mostly measures the other jobs.
    if cpu_ns().is_some() {
        g.bench_function("read_catalog_xml_cpu_time", |b| {
            b.iter_custom(|iters| {
                let start = cpu_ns().unwrap();
                for _ in 0..iters {
                    let parsed = read_catalog_xml(xml.as_bytes(), &XmlLimits::default()).unwrap();
                    std::hint::black_box(&parsed);
                    // Dropping 150 MB of model is not parsing: drop it off the clock.
                    let before_drop = cpu_ns().unwrap();
                    drop(parsed);
                    let after_drop = cpu_ns().unwrap();
                    DROP_NS.fetch_add(
                        after_drop - before_drop,
                        std::sync::atomic::Ordering::Relaxed,
                    );
                }
                let total = cpu_ns().unwrap() - start;
                let dropped = DROP_NS.swap(0, std::sync::atomic::Ordering::Relaxed);
                std::time::Duration::from_nanos(total - dropped)
            })
        });
    }
    let (model, _) = read_catalog_xml(xml.as_bytes(), &XmlLimits::default()).unwrap();
    g.bench_function("write_catalog_xml", |b| {
        b.iter(|| catalog_to_xml_string(&model).unwrap())
    });
    // For comparison: serde_json on the same model (a reference, not a target).
    g.throughput(Throughput::Bytes(json.len() as u64));
    g.bench_function("serde_json_from_slice", |b| {
        b.iter(|| serde_json::from_slice::<tiepcan::model::Catalog>(&json).unwrap())
    });
    g.finish();
}

static DROP_NS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// This thread's CPU time in nanoseconds (Linux `schedstat`).
fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

criterion_group!(benches, bench);
criterion_main!(benches);
