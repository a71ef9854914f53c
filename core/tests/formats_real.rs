//! The bundled real catalogs (examples/data, sources in
//! examples/data/SOURCE.md) through every format: CSV → model → XML → model
//! is lossless and valid against the XSD; the CSV writer's output reads back
//! through tiepcan's own CSV reader to the same entries.

use std::path::PathBuf;

use tiepcan::io::{read_catalog_bytes, read_catalog_path, Format, ReadOptions};
use tiepcan::model::{Catalog, InformationItem};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/data")
        .join(name)
}

const FILES: [&str; 2] = ["thoai-son-an-giang.csv", "an-hoa-sample.csv"];

fn strip(items: &[InformationItem]) -> Vec<InformationItem> {
    items
        .iter()
        .map(|it| InformationItem {
            source: None,
            children: strip(&it.children),
            ..it.clone()
        })
        .collect()
}

#[test]
fn real_catalogs_round_trip_through_xml() {
    for f in FILES {
        let out = read_catalog_path(&data(f), &ReadOptions::default()).unwrap();
        assert!(!out.catalog.is_empty(), "{f}");
        let xml = tiepcan::io::xml::catalog_to_xml_string(&out.catalog).unwrap();
        let back = read_catalog_bytes(xml.as_bytes(), Format::Xml, &ReadOptions::default())
            .unwrap_or_else(|e| panic!("{f}: {e}"));
        assert_eq!(back.catalog, out.catalog, "{f}");
        assert!(back.diagnostics.is_empty(), "{f}: {:?}", back.diagnostics);
        let json = serde_json::to_string(&out.catalog).unwrap();
        assert_eq!(
            serde_json::to_string(&back.catalog).unwrap(),
            json,
            "{f}: JSON → model → XML → model → JSON"
        );
        // Every value a reader could not use is still there.
        let n_unparsed = |c: &Catalog| match c {
            Catalog::Disclosure(d) => d.items.iter().map(|i| i.unparsed.len()).sum::<usize>(),
            Catalog::Conditional(d) => d.items.iter().map(|i| i.unparsed.len()).sum(),
        };
        assert_eq!(n_unparsed(&back.catalog), n_unparsed(&out.catalog));
    }
}

#[test]
fn csv_writer_output_reads_back_to_the_same_entries() {
    for f in FILES {
        let out = read_catalog_path(&data(f), &ReadOptions::default()).unwrap();
        let mut csv = Vec::new();
        tiepcan::io::csv_write::write_catalog_csv(&out.catalog, &mut csv).unwrap();
        let back = read_catalog_bytes(&csv, Format::Csv, &ReadOptions::default())
            .unwrap_or_else(|e| panic!("{f}: {e}"));
        let (Catalog::Disclosure(a), Catalog::Disclosure(b)) = (&out.catalog, &back.catalog) else {
            panic!("{f}: kind changed")
        };
        let (a, b) = (strip(&a.items), strip(&b.items));
        assert_eq!(a.len(), b.len(), "{f}");
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x.title, y.title, "{f}");
            assert_eq!(x.seq, y.seq, "{f}");
            assert_eq!(x.created_on, y.created_on, "{f}: {}", x.title);
            assert_eq!(x.art17_point, y.art17_point, "{f}: {}", x.title);
            assert_eq!(x.disclosure_forms, y.disclosure_forms, "{f}: {}", x.title);
            assert_eq!(x.access_link, y.access_link, "{f}: {}", x.title);
            assert_eq!(x.section, y.section, "{f}: {}", x.title);
            assert_eq!(x.children.len(), y.children.len(), "{f}: {}", x.title);
            assert_eq!(x.unparsed, y.unparsed, "{f}: {}", x.title);
            assert_eq!(x.extra, y.extra, "{f}: {}", x.title);
        }
    }
}
