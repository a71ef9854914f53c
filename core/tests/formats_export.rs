//! CSV writer, DCAT-AP RDF/XML (parsed back with a real RDF/XML parser,
//! `oxrdfxml`) and CKAN package JSON.

mod formats_common;

use formats_common::*;
use proptest::prelude::*;
use tiepcan::io::ckan::{ckan_packages, slug, CkanOptions};
use tiepcan::io::csv_write::write_catalog_csv;
use tiepcan::io::dcat::{write_dcat_rdf, DcatOptions};
use tiepcan::model::*;

fn csv_rows(c: &Catalog) -> (String, Vec<Vec<String>>) {
    let mut out = Vec::new();
    write_catalog_csv(c, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let body = text.strip_prefix('\u{feff}').expect("starts with a BOM");
    let rows = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| {
            r.unwrap()
                .iter()
                .map(str::to_string)
                .collect::<Vec<String>>()
        })
        .collect::<Vec<_>>();
    // The labelled header rows above the table (formats_csv_roundtrip.rs
    // tests them) are skipped: rows[0] is the column header row.
    let hdr = rows
        .iter()
        .position(|r| r[0] == "STT")
        .expect("a header row");
    (text, rows[hdr..].to_vec())
}

#[test]
fn csv_has_bom_vietnamese_headers_sections_children_and_extras() {
    let (text, rows) = csv_rows(&Catalog::Disclosure(rich_disclosure()));
    assert!(text.contains("\r\n"), "CRLF line ends");
    assert_eq!(
        rows[0],
        [
            "STT",
            "Tên văn bản, hồ sơ",
            "Số, ký hiệu",
            "Ngày tạo ra",
            "Thuộc điểm (khoản 1 Điều 17)",
            "Hình thức công khai",
            "Thời điểm công khai",
            "Thời hạn công khai",
            "Đường dẫn",
            "Tệp đính kèm",
            // link_text beside an access_link (csv_write docs).
            "Chữ hiển thị kèm địa chỉ",
            "Đơn vị chủ trì",
        ]
    );
    // Section caption row, then the item, then its child with "+".
    assert_eq!(rows[1][1], "II. NGÂN SÁCH");
    assert!(rows[1][0].is_empty() && rows[1][2..].iter().all(String::is_empty));
    assert_eq!(
        rows[2],
        [
            "1",
            "Dự toán ngân sách xã năm 2026",
            "05/2026/NQ-HĐND",
            "2026-01-05",
            "đ",
            "Cổng/trang thông tin điện tử; Niêm yết",
            "Ngay sau khi ban hành",
            "01 năm",
            "https://anhoa.angiang.gov.vn/du-toan 2026.pdf",
            "du-toan-2026.pdf",
            "Chi tiết",
            "Văn phòng & Thống kê",
        ]
    );
    assert_eq!(rows[3][0], "");
    assert_eq!(rows[3][1], "+ Phụ lục: chi thường xuyên");
    assert_eq!(rows[3][3], "2026-01");
    assert_eq!(rows[4][1], "III. KHÁC");
    // An unparsed value is written as found.
    assert_eq!(rows[5][6], "31/02/2025");
    assert_eq!(rows[5][11], "Công chức Tư pháp");
    assert_eq!(rows.len(), 6);
    // Every written value parses back with the model's own parsers.
    assert_eq!(
        tiepcan::law::DisclosureForm::parse("Cổng/trang thông tin điện tử"),
        Some(tiepcan::law::DisclosureForm::Portal)
    );
    assert_eq!(
        tiepcan::law::Art17Point::parse(&rows[2][4]).unwrap(),
        tiepcan::law::Art17Point::StateBudget
    );
    assert_eq!(
        PartialDate::parse(&rows[3][3]).unwrap(),
        PartialDate::Month {
            year: 2026,
            month: 1
        }
    );
}

#[test]
fn conditional_csv() {
    let (_, rows) = csv_rows(&Catalog::Conditional(rich_conditional()));
    assert_eq!(rows[0][4], "Căn cứ (Điều 7)");
    assert_eq!(rows[0][7], "Văn bản đồng ý (Mẫu 06)");
    assert_eq!(rows[1][1], "I. DOANH NGHIỆP");
    assert_eq!(
        rows[2],
        [
            "1",
            "Hồ sơ đăng ký doanh nghiệp",
            "",
            "2024",
            "bí mật kinh doanh",
            "chủ sở hữu bí mật kinh doanh",
            "đã đồng ý",
            "Mẫu 06 ngày 02/3/2026",
            // The Art. 7(3) decision's four columns (csv_write docs).
            "Giám đốc Sở",
            "2026-03-05",
            "Lợi ích công cộng",
            "45/QĐ-STP",
        ]
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100, ..ProptestConfig::default() })]

    /// Every cell of every catalog survives CSV quoting: the rows are
    /// exactly the expected sequence (caption rows, items, children), and
    /// titles and extra values come back exactly.
    #[test]
    fn csv_keeps_titles_and_extras(c in catalog()) {
        let (_, rows) = csv_rows(&c);
        let header = &rows[0];
        let width = header.len();
        prop_assert!(rows.iter().all(|r| r.len() == width));
        // (caption, title, extra) in the order the writer must emit them.
        let mut expected: Vec<(Option<String>, String, std::collections::BTreeMap<String, String>)> = Vec::new();
        let mut last: Option<String> = None;
        match &c {
            Catalog::Disclosure(d) => {
                fn walk(items: &[InformationItem], out: &mut Vec<(Option<String>, String, std::collections::BTreeMap<String, String>)>) {
                    for it in items { out.push((None, format!("+ {}", it.title), it.extra.clone())); walk(&it.children, out); }
                }
                for it in &d.items {
                    let s = it.section.clone().filter(|s| !s.trim().is_empty());
                    if s.is_some() && s != last { expected.push((s.clone(), String::new(), Default::default())); }
                    last = it.section.clone();
                    expected.push((None, it.title.clone(), it.extra.clone()));
                    walk(&it.children, &mut expected);
                }
            }
            Catalog::Conditional(d) => for it in &d.items {
                let s = it.section.clone().filter(|s| !s.trim().is_empty());
                if s.is_some() && s != last { expected.push((s.clone(), String::new(), Default::default())); }
                last = it.section.clone();
                expected.push((None, it.title.clone(), it.extra.clone()));
            },
        }
        prop_assert_eq!(rows.len() - 1, expected.len());
        for (row, (cap, title, extra)) in rows[1..].iter().zip(&expected) {
            match cap {
                Some(cap) => {
                    prop_assert_eq!(&row[1], cap);
                    prop_assert!(row[0].is_empty() && row[2..].iter().all(String::is_empty));
                }
                None => {
                    prop_assert_eq!(&row[1], title);
                    for (h, v) in extra {
                        let i = header.iter().position(|x| x == h).unwrap();
                        prop_assert_eq!(&row[i], v);
                    }
                }
            }
        }
    }
}

fn triples(rdf: &[u8]) -> Vec<String> {
    oxrdfxml::RdfXmlParser::new()
        .for_slice(rdf)
        .map(|t| t.map(|t| t.to_string()))
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{e}\n{}", String::from_utf8_lossy(rdf)))
}

#[test]
fn dcat_rdf_parses_and_carries_the_mapping() {
    let c = rich_disclosure();
    let mut out = Vec::new();
    write_dcat_rdf(&c, &DcatOptions::default(), &mut out).unwrap();
    let t = triples(&out);
    let has = |s: &str| {
        assert!(
            t.iter().any(|x| x == s),
            "missing {s}\nin\n{}",
            t.join("\n")
        );
    };
    let cat = "<https://anhoa.angiang.gov.vn/tiep-can-thong-tin>";
    let ds1 = "<https://anhoa.angiang.gov.vn/tiep-can-thong-tin#item-1>";
    let ds11 = "<https://anhoa.angiang.gov.vn/tiep-can-thong-tin#item-1.1>";
    let rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
    has(&format!(
        "{cat} {rdf_type} <http://www.w3.org/ns/dcat#Catalog>"
    ));
    has(&format!("{cat} <http://www.w3.org/ns/dcat#dataset> {ds1}"));
    has(&format!("{cat} <http://www.w3.org/ns/dcat#dataset> {ds11}"));
    has(&format!(
        "{ds1} {rdf_type} <http://www.w3.org/ns/dcat#Dataset>"
    ));
    has(&format!(
        "{ds1} <http://purl.org/dc/terms/title> \"Dự toán ngân sách xã năm 2026\"@vi"
    ));
    has(&format!(
        "{ds1} <http://purl.org/dc/terms/issued> \"2026-01-05\"^^<http://www.w3.org/2001/XMLSchema#date>"
    ));
    has(&format!(
        "{ds11} <http://purl.org/dc/terms/issued> \"2026-01\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>"
    ));
    has(&format!("{ds11} <http://purl.org/dc/terms/isPartOf> {ds1}"));
    has(&format!(
        "{ds1} <http://purl.org/dc/terms/identifier> \"05/2026/NQ-HĐND\""
    ));
    has(&format!(
        "{ds1} <http://www.w3.org/ns/dcat#theme> <urn:tiepcan:law104:art17:1:dd>"
    ));
    has(&format!(
        "{ds1} <http://www.w3.org/ns/dcat#keyword> \"Điều 17.1.đ\"@vi"
    ));
    has("<urn:tiepcan:law104:art17:1:dd> <http://www.w3.org/2004/02/skos/core#notation> \"đ\"");
    // The access URL, with its space percent-encoded.
    assert!(t.iter().any(|x| x.ends_with(
        "<http://www.w3.org/ns/dcat#accessURL> <https://anhoa.angiang.gov.vn/du-toan%202026.pdf>"
    )));
    // The publisher is one foaf:Agent shared by the catalog and the datasets.
    let publisher: Vec<_> = t
        .iter()
        .filter(|x| x.contains("<http://purl.org/dc/terms/publisher>"))
        .map(|x| x.rsplit(' ').next().unwrap().to_string())
        .collect();
    assert_eq!(publisher.len(), 1 + 3);
    assert!(publisher.iter().all(|p| p == &publisher[0]));
    has(&format!(
        "{} <http://xmlns.com/foaf/0.1/name> \"Ủy ban nhân dân xã An Hòa\"@vi",
        publisher[0]
    ));
    has(&format!(
        "{} {rdf_type} <http://xmlns.com/foaf/0.1/Agent>",
        publisher[0]
    ));
    // No distribution for an item without a link.
    let ds2 = "<https://anhoa.angiang.gov.vn/tiep-can-thong-tin#item-2>";
    assert!(!t
        .iter()
        .any(|x| x.starts_with(ds2) && x.contains("distribution")));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any disclosure catalog gives RDF/XML a real parser reads, with one
    /// dataset per item and every title intact.
    #[test]
    fn any_catalog_gives_parseable_dcat(c in catalog()) {
        let Catalog::Disclosure(c) = c else { return Ok(()) };
        let mut out = Vec::new();
        write_dcat_rdf(&c, &DcatOptions { base_iri: Some("https://example.gov.vn/dm".into()) }, &mut out).unwrap();
        let t = triples(&out);
        fn count(items: &[InformationItem]) -> usize { items.iter().map(|i| 1 + count(&i.children)).sum() }
        let n = t.iter().filter(|x| x.ends_with("<http://www.w3.org/ns/dcat#Dataset>")).count();
        prop_assert_eq!(n, count(&c.items));
        for it in &c.items {
            let lit = oxrdf::Literal::new_language_tagged_literal_unchecked(it.title.clone(), "vi").to_string();
            prop_assert!(t.iter().any(|x| x.contains("<http://purl.org/dc/terms/title>") && x.ends_with(&lit)), "{}", lit);
        }
    }
}

#[test]
fn ckan_packages_follow_the_mapping() {
    let pk = ckan_packages(&rich_disclosure(), &CkanOptions::default());
    assert_eq!(pk.len(), 3);
    let p = &pk[0];
    assert_eq!(p["name"], "000-00-00-h49-1");
    assert_eq!(pk[1]["name"], "000-00-00-h49-1-1");
    assert_eq!(pk[2]["name"], "000-00-00-h49-2");
    assert_eq!(p["title"], "Dự toán ngân sách xã năm 2026");
    assert_eq!(p["owner_org"], "000-00-00-h49");
    assert_eq!(p["maintainer"], "Văn phòng - Thống kê");
    assert_eq!(p["tags"][0]["name"], "điểm đ khoản 1 Điều 17");
    assert_eq!(p["tags"][1]["name"], "art17-1-dd");
    let extra = |p: &serde_json::Value, k: &str| {
        p["extras"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["key"] == k)
            .map(|e| e["value"].as_str().unwrap().to_string())
    };
    assert_eq!(extra(p, "issued").as_deref(), Some("2026-01-05"));
    assert_eq!(extra(p, "identifier").as_deref(), Some("05/2026/NQ-HĐND"));
    assert_eq!(extra(p, "art17_point").as_deref(), Some("đ"));
    assert_eq!(
        extra(p, "publisher_name").as_deref(),
        Some("Ủy ban nhân dân xã An Hòa")
    );
    assert_eq!(
        extra(p, "uri").as_deref(),
        Some("https://anhoa.angiang.gov.vn/tiep-can-thong-tin#item-1")
    );
    assert_eq!(
        extra(&pk[1], "is_part_of").as_deref(),
        Some("https://anhoa.angiang.gov.vn/tiep-can-thong-tin#item-1")
    );
    assert_eq!(
        extra(p, "theme").as_deref(),
        Some("[\"urn:tiepcan:law104:art17:1:dd\"]")
    );
    assert_eq!(p["resources"][0]["name"], "Chi tiết");
    assert_eq!(p["resources"][0]["format"], "PDF");
    assert_eq!(
        p["resources"][0]["url"],
        "https://anhoa.angiang.gov.vn/du-toan%202026.pdf"
    );
    assert_eq!(pk[2]["resources"].as_array().unwrap().len(), 0);
    assert_eq!(
        slug("Ủy ban nhân dân xã An Hòa"),
        "uy-ban-nhan-dan-xa-an-hoa"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100, ..ProptestConfig::default() })]

    /// Package names satisfy CKAN's rule (2–100 chars of a-z, 0-9, - and _)
    /// and are unique; tags use only characters CKAN allows.
    #[test]
    fn ckan_names_and_tags_are_valid(c in catalog()) {
        let Catalog::Disclosure(c) = c else { return Ok(()) };
        let pk = ckan_packages(&c, &CkanOptions::default());
        let mut names = std::collections::HashSet::new();
        for p in &pk {
            let n = p["name"].as_str().unwrap();
            prop_assert!((2..=100).contains(&n.len()), "{}", n);
            prop_assert!(n.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_'), "{}", n);
            prop_assert!(names.insert(n.to_string()), "duplicate {}", n);
            for t in p["tags"].as_array().unwrap() {
                let t = t["name"].as_str().unwrap();
                prop_assert!(t.chars().all(|c| c.is_alphanumeric() || " -_.".contains(c)), "{}", t);
            }
        }
    }
}
