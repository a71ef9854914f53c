//! Parse speed of the XML reader on a generated 100,000-item catalog
//! (target ≥ 200 MB/s). Run: `cargo bench -p tiepcan --bench xml`.
//! Memory is measured by `examples/xml_mem.rs` (see its docs).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use tiepcan::io::xml::{catalog_to_xml_string, read_catalog_xml, XmlLimits};

mod common;

fn bench(c: &mut Criterion) {
    let catalog = common::catalog(100_000);
    let xml = catalog_to_xml_string(&catalog).unwrap();
    let json = serde_json::to_vec(&catalog).unwrap();
    drop(catalog);
    eprintln!(
        "100,000-item catalog: {:.1} MB of XML, {:.1} MB of JSON",
        xml.len() as f64 / 1e6,
        json.len() as f64 / 1e6
    );
    let mut g = c.benchmark_group("xml-100k");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(xml.len() as u64));
    g.bench_function("read_catalog_xml", |b| {
        b.iter(|| read_catalog_xml(xml.as_bytes(), &XmlLimits::default()).unwrap())
    });
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

criterion_group!(benches, bench);
criterion_main!(benches);
