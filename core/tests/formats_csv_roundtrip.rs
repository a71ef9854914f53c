//! CSV keeps the catalog header (issue 5): the writer's labelled preamble
//! rows ("Căn cứ: …") are read back exactly, so CSV → model → CSV → model
//! keeps every field and every finding — R-CAT-BASIS included.

mod formats_common;

use std::path::PathBuf;

use chrono::NaiveDate;
use formats_common::*;
use proptest::prelude::*;
use tiepcan::io::csv_write::write_catalog_csv;
use tiepcan::io::{read_catalog_bytes, read_catalog_path, Format, ReadOptions, ReadOutcome};
use tiepcan::model::*;
use tiepcan::validate::{check_catalog, CheckOptions, Diagnostic};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/data")
        .join(name)
}

fn to_csv(c: &Catalog) -> Vec<u8> {
    let mut out = Vec::new();
    write_catalog_csv(c, &mut out).unwrap();
    out
}

fn read_csv(bytes: &[u8]) -> ReadOutcome {
    read_catalog_bytes(bytes, Format::Csv, &ReadOptions::default()).unwrap()
}

/// The catalog without `source` (positions in the file read).
fn strip(c: &Catalog) -> Catalog {
    fn info(items: &[InformationItem]) -> Vec<InformationItem> {
        items
            .iter()
            .map(|it| InformationItem {
                source: None,
                children: info(&it.children),
                ..it.clone()
            })
            .collect()
    }
    match c {
        Catalog::Disclosure(d) => Catalog::Disclosure(DisclosureCatalog {
            header: d.header.clone(),
            items: info(&d.items),
        }),
        Catalog::Conditional(d) => Catalog::Conditional(ConditionalAccessCatalog {
            header: d.header.clone(),
            items: d
                .items
                .iter()
                .map(|it| ConditionalItem {
                    source: None,
                    ..it.clone()
                })
                .collect(),
        }),
    }
}

fn findings(c: &Catalog) -> Vec<Diagnostic> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    check_catalog(&strip(c), &CheckOptions::new(today)).diagnostics
}

/// Rule, severity and column of each diagnostic about a value the reader
/// kept (a cell it could not parse, a date, a link, a row without a title):
/// these must come back from the written file. Diagnostics about the first
/// file's own layout (caption rows, footers, a last row cut off) are not
/// about the catalog and have nothing to come back from. Rows are not
/// compared: the first file's rows hold line breaks and captions the
/// written one may not.
fn codes(d: &[Diagnostic]) -> Vec<String> {
    d.iter()
        .filter(|d| {
            matches!(
                d.rule.as_str(),
                "R-READ-CELL" | "R-READ-DATE" | "R-READ-LINK" | "R-READ-ROW"
            )
        })
        .map(|d| format!("{} {:?} {:?}", d.rule, d.severity, d.location.column))
        .collect()
}

#[test]
fn real_catalogs_keep_header_fields_and_findings() {
    for f in ["thoai-son-an-giang.csv", "an-hoa-sample.csv"] {
        let m1 = read_catalog_path(&data(f), &ReadOptions::default()).unwrap();
        let csv1 = to_csv(&m1.catalog);
        let m2 = read_csv(&csv1);
        assert_eq!(m2.catalog.header(), m1.catalog.header(), "{f}: header");
        assert_eq!(strip(&m2.catalog), strip(&m1.catalog), "{f}: every field");
        assert_eq!(
            findings(&m2.catalog),
            findings(&m1.catalog),
            "{f}: every finding"
        );
        // A second pass writes the same bytes.
        assert_eq!(
            to_csv(&m2.catalog),
            csv1,
            "{f}: CSV → model → CSV is a fixpoint"
        );
    }
}

#[test]
fn thoai_son_keeps_its_art19_basis_and_r_cat_basis() {
    // examples/data/thoai-son-an-giang.csv states "theo Điều 19" above its
    // table; Decree 13/2018/NĐ-CP Art. 6(1) wants Art. 17 (rule R-CAT-BASIS).
    let m1 = read_catalog_path(&data("thoai-son-an-giang.csv"), &ReadOptions::default()).unwrap();
    let basis = m1
        .catalog
        .header()
        .stated_basis
        .clone()
        .expect("the file states a basis");
    assert!(basis.contains("Điều 19"), "{basis}");
    let csv = String::from_utf8(to_csv(&m1.catalog)).unwrap();
    assert!(
        csv.contains(&format!(
            "Căn cứ:,{}",
            if basis.contains([',', '"']) {
                format!("\"{}\"", basis.replace('"', "\"\""))
            } else {
                basis.clone()
            }
        )),
        "{csv}"
    );
    let m2 = read_csv(csv.as_bytes());
    assert_eq!(
        m2.catalog.header().stated_basis.as_deref(),
        Some(basis.as_str())
    );
    let basis_findings = |c: &Catalog| {
        findings(c)
            .into_iter()
            .filter(|d| d.rule == "R-CAT-BASIS")
            .map(|d| d.value)
            .collect::<Vec<_>>()
    };
    assert_eq!(basis_findings(&m1.catalog), vec![Some(basis.clone())]);
    assert_eq!(basis_findings(&m2.catalog), vec![Some(basis)]);
}

#[test]
fn preamble_is_labelled_rows_a_spreadsheet_shows() {
    let c = Catalog::Disclosure(rich_disclosure());
    let text = String::from_utf8(to_csv(&c)).unwrap();
    let body = text.strip_prefix('\u{feff}').unwrap();
    let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let width = rows[0].len();
    assert!(rows.iter().all(|r| r.len() == width), "one width for Excel");
    let hdr = rows.iter().position(|r| r[0] == "STT").unwrap();
    assert!(
        rows[hdr - 1].iter().all(String::is_empty),
        "a blank row before the table"
    );
    let pre: Vec<(&str, &str)> = rows[..hdr - 1]
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(
        pre[1],
        ("Loại danh mục:", "Danh mục thông tin phải được công khai")
    );
    assert!(pre.contains(&("Cơ quan:", "Ủy ban nhân dân xã An Hòa")));
    assert!(pre.contains(&("Mã định danh điện tử của cơ quan:", "000.00.00.H49")));
    assert!(pre.contains(&("Có cổng/trang thông tin điện tử:", "có")));
    // Read back: the header as it was, to the last field.
    let back = read_csv(text.as_bytes());
    assert_eq!(back.catalog.header(), c.header());
    // A catalog without a header has no preamble.
    let bare = to_csv(&Catalog::Disclosure(DisclosureCatalog::default()));
    assert!(String::from_utf8(bare).unwrap().starts_with("\u{feff}STT,"));
}

#[test]
fn conditional_kind_and_agency_rows() {
    let c = Catalog::Conditional(rich_conditional());
    let back = read_csv(&to_csv(&c));
    assert_eq!(back.catalog.kind(), CatalogKind::Conditional);
    assert_eq!(back.catalog.header(), c.header());
    // The Art. 7(3) decision (head of agency, public interest) comes back.
    let (Catalog::Conditional(a), Catalog::Conditional(b)) = (&c, &back.catalog) else {
        panic!()
    };
    assert_eq!(b.items[0].override_decision, a.items[0].override_decision);
    assert_eq!(
        b.items[0].override_decision.as_ref().unwrap().decided_by,
        "Giám đốc Sở"
    );
    assert!(b.items[0].extra.is_empty(), "{:?}", b.items[0].extra);
}

#[test]
fn link_text_beside_an_address_comes_back() {
    let mut d = rich_disclosure();
    d.items[0].access_link = Some("https://anhoa.angiang.gov.vn/du-toan-2026.pdf".into());
    let c = Catalog::Disclosure(d);
    let back = read_csv(&to_csv(&c));
    let (Catalog::Disclosure(a), Catalog::Disclosure(b)) = (&c, &back.catalog) else {
        panic!()
    };
    assert_eq!(b.items[0].access_link, a.items[0].access_link);
    assert_eq!(b.items[0].link_text.as_deref(), Some("Chi tiết"));
    assert!(!b.items[0].extra.contains_key("Chữ hiển thị kèm địa chỉ"));
}

/// Text as every CSV cell is read: NFC, no-break spaces as spaces, ends trimmed.
fn clean(s: &str) -> String {
    tiepcan::text::nfc(s.replace(['\u{a0}', '\u{feff}'], " ").trim())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Generated catalog → CSV → model (M1) → CSV → model (M2): M1 and M2
    /// are the same in every field but `source`, their findings and read
    /// diagnostics are the same, the two CSV files are the same bytes, and
    /// M1's header is the generated one with its text cleaned as cells are.
    #[test]
    fn csv_round_trip_keeps_every_field_and_diagnostic(c in catalog()) {
        let csv0 = to_csv(&c);
        let m1 = read_csv(&csv0);
        let csv1 = to_csv(&m1.catalog);
        let m2 = read_csv(&csv1);
        // The written file read again: the same model, to the source rows,
        // and the same diagnostics, all of them.
        let m3 = read_csv(&to_csv(&m2.catalog));
        prop_assert_eq!(&m3.catalog, &m2.catalog);
        prop_assert_eq!(&m3.diagnostics, &m2.diagnostics);
        prop_assert_eq!(strip(&m2.catalog), strip(&m1.catalog));
        prop_assert_eq!(findings(&m2.catalog), findings(&m1.catalog));
        prop_assert_eq!(codes(&m2.diagnostics), codes(&m1.diagnostics));
        prop_assert_eq!(to_csv(&m2.catalog), csv1);
        prop_assert_eq!(m1.catalog.kind(), c.kind());

        let (h0, h1) = (c.header(), m1.catalog.header());
        let o = |v: &Option<String>| v.as_deref().map(clean);
        prop_assert_eq!(&h1.title, &o(&h0.title));
        prop_assert_eq!(&h1.stated_basis, &o(&h0.stated_basis));
        prop_assert_eq!(h1.issuing_decision.as_ref().map(|d| d.raw.clone()), h0.issuing_decision.as_ref().map(|d| clean(&d.raw)));
        prop_assert_eq!(h1.issued_on, h0.issued_on);
        prop_assert_eq!(h1.last_updated, h0.last_updated);
        prop_assert_eq!(&h1.published_at, &o(&h0.published_at));
        prop_assert_eq!(&h1.compiled_by, &o(&h0.compiled_by));
        prop_assert_eq!(&h1.approved_by, &o(&h0.approved_by));
        // Entries: the link text beside an address and the Art. 7(3)
        // decision come back (cleaned), when the first read kept the entry.
        match (&c, &m1.catalog) {
            (Catalog::Conditional(a), Catalog::Conditional(b)) if a.items.len() == b.items.len() => {
                for (x, y) in a.items.iter().zip(&b.items) {
                    let want = x.override_decision.as_ref().and_then(|o| {
                        let by = clean(&o.decided_by);
                        let reason = clean(&o.reason);
                        let doc = o.document.as_ref().map(|d| clean(&d.raw)).filter(|d| !d.is_empty());
                        (!by.is_empty() || o.decided_on.is_some() || !reason.is_empty() || doc.is_some())
                            .then_some((by, o.decided_on, reason, doc))
                    });
                    let got = y.override_decision.as_ref().map(|o| {
                        (o.decided_by.clone(), o.decided_on, o.reason.clone(), o.document.as_ref().map(|d| d.raw.clone()))
                    });
                    prop_assert_eq!(got, want);
                }
            }
            (Catalog::Disclosure(a), Catalog::Disclosure(b)) if a.items.len() == b.items.len() => {
                for (x, y) in a.items.iter().zip(&b.items) {
                    let link = x.access_link.as_deref().map(clean).filter(|l| l.contains("://"));
                    if link.is_some() && y.access_link.is_some() {
                        let t = x.link_text.as_deref().map(clean).filter(|t| !t.is_empty());
                        prop_assert_eq!(&y.link_text, &t);
                    }
                }
            }
            _ => {}
        }
        prop_assert_eq!(h1.agency.is_some(), h0.agency.is_some());
        if let (Some(a0), Some(a1)) = (&h0.agency, &h1.agency) {
            prop_assert_eq!(&a1.name, &clean(&a0.name));
            prop_assert_eq!(a1.level, a0.level);
            prop_assert_eq!(&a1.code, &a0.code);
            prop_assert_eq!(a1.has_portal, a0.has_portal);
            prop_assert_eq!(&a1.portal_url, &o(&a0.portal_url));
            prop_assert_eq!(&a1.address, &o(&a0.address));
            prop_assert_eq!(&a1.phone, &o(&a0.phone));
            prop_assert_eq!(&a1.fax, &o(&a0.fax));
            prop_assert_eq!(&a1.email, &o(&a0.email));
            prop_assert_eq!(&a1.successor, &o(&a0.successor));
            prop_assert_eq!(a1.area_class, a0.area_class);
        }
    }
}

#[test]
fn delimiter_sniffing_follows_quoted_line_breaks() {
    // Found by the property test: a cell holding "\r\t" after a quoted line
    // break made tab look like the delimiter and the header was lost.
    let mut it = InformationItem {
        seq: Some("\t".into()),
        access_link: Some("\n".into()),
        ..Default::default()
    };
    it.extra.insert("Ghi chú nội bộ".into(), "\r\t".into());
    let c = Catalog::Disclosure(DisclosureCatalog {
        items: vec![it],
        ..Default::default()
    });
    let m = read_csv(&to_csv(&c));
    assert!(
        m.diagnostics.iter().all(|d| d.rule != "R-READ-HEADER"),
        "{:?}",
        m.diagnostics
    );
    // A stray quote inside a cell is text, as the csv crate reads it: the
    // semicolons after it still count.
    let text =
        "STT;Tên văn bản;Số, ký hiệu\n1;Báo cáo \"tháng 3;12/BC-UBND\n2;Kế hoạch;5/KH-UBND\n";
    let m = read_csv(text.as_bytes());
    let Catalog::Disclosure(d) = &m.catalog else {
        panic!()
    };
    assert_eq!(d.items.len(), 2);
    assert_eq!(d.items[1].number_symbol.as_ref().unwrap().raw, "5/KH-UBND");
}
