//! The two real catalogs of `tests/data/catalogs/` (see `SOURCE.md` there and
//! each file's `.md` note for the expected findings asserted here).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use tiepcan::io::{read_catalog_path, ReadOptions, ReadOutcome};
use tiepcan::law::{Art17Point, DisclosureForm};
use tiepcan::model::{Catalog, Field, InformationItem, PartialDate};
use tiepcan::validate::Severity;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/catalogs")
        .join(name)
}

fn read(name: &str) -> ReadOutcome {
    read_catalog_path(&data(name), &ReadOptions::default()).expect("readable")
}

fn items(c: &Catalog) -> &[InformationItem] {
    match c {
        Catalog::Disclosure(d) => &d.items,
        Catalog::Conditional(_) => panic!("expected a disclosure catalog"),
    }
}

fn rules_at(out: &ReadOutcome, rule: &str) -> Vec<usize> {
    out.diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .map(|d| d.location.row.unwrap_or(0))
        .collect()
}

/// an-hoa-sample.md: "rows 2 and 6 are section captions, not items"; 10 items.
#[test]
fn an_hoa_captions_are_sections_and_ten_items_are_read() {
    let out = read("an-hoa-sample.csv");
    assert_eq!(out.rows, 13);
    let it = items(&out.catalog);
    assert_eq!(it.len(), 10);
    let seqs: Vec<&str> = it.iter().map(|i| i.seq.as_deref().unwrap()).collect();
    assert_eq!(seqs, ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    assert_eq!(rules_at(&out, "R-READ-STRUCTURE"), vec![2, 6]);
    assert_eq!(
        it[0].section.as_deref(),
        Some("I. VĂN BẢN QUY PHẠM PHÁP LUẬT VÀ THỦ TỤC HÀNH CHÍNH")
    );
    assert_eq!(it[3].section.as_deref(), Some("II. NGÂN SÁCH"));
    // Rows are physical rows: header = 1, first item = 3.
    assert_eq!(it[0].source.as_ref().unwrap().row, 3);
    assert_eq!(it[9].source.as_ref().unwrap().row, 13);
    assert_eq!(
        it[0].source.as_ref().unwrap().columns[&Field::CreatedOn],
        "Ngày tạo ra"
    );
}

/// Items 1–3: dd/mm/yyyy, ISO, "ngày 02 tháng 3 năm 2026"; forms split on ";".
#[test]
fn an_hoa_dates_in_three_forms_and_forms() {
    let out = read("an-hoa-sample.csv");
    let it = items(&out.catalog);
    let day = |y, m, d| Some(PartialDate::Day(NaiveDate::from_ymd_opt(y, m, d).unwrap()));
    assert_eq!(it[0].created_on, day(2026, 1, 15));
    assert_eq!(it[1].created_on, day(2026, 2, 3));
    assert_eq!(it[2].created_on, day(2026, 3, 2));
    assert_eq!(
        it[0].disclosure_forms,
        vec![DisclosureForm::Portal, DisclosureForm::Posting]
    );
    assert_eq!(it[0].art17_point, Some(Art17Point::parse("a").unwrap()));
    assert_eq!(it[2].number_symbol, None);
    assert_eq!(
        it[0].disclosure_time.as_deref(),
        Some("Ngay sau khi ban hành")
    );
    assert_eq!(it[0].disclosure_period.as_deref(), Some("Thường xuyên"));
}

/// Item 4: "03/2026" kept as a month; link cell "Chi tiết" without URL.
#[test]
fn an_hoa_item4_month_precision_and_link_text() {
    let out = read("an-hoa-sample.csv");
    let it = &items(&out.catalog)[3];
    assert_eq!(
        it.created_on,
        Some(PartialDate::Month {
            year: 2026,
            month: 3
        })
    );
    assert_eq!(it.created_on.unwrap().to_string(), "2026-03");
    assert_eq!(it.access_link, None);
    assert_eq!(it.link_text.as_deref(), Some("Chi tiết"));
    let link = out
        .diagnostics
        .iter()
        .find(|d| d.rule == "R-READ-LINK")
        .unwrap();
    assert_eq!(link.location.row, Some(7));
    assert_eq!(link.location.column.as_deref(), Some("Đường dẫn"));
    assert_eq!(link.value.as_deref(), Some("Chi tiết"));
    assert_eq!(
        link.citation.unwrap().to_string(),
        "Decree 13/2018/NĐ-CP, Art. 6(3) para. 2"
    );
}

/// Item 5: 31/02/2026 is an error, never rolled over; "Số: /BC-UBND" has no number.
#[test]
fn an_hoa_item5_impossible_date_and_blank_number() {
    let out = read("an-hoa-sample.csv");
    let it = &items(&out.catalog)[4];
    assert_eq!(it.created_on, None);
    assert_eq!(it.unparsed[&Field::CreatedOn], "31/02/2026");
    let d = out
        .diagnostics
        .iter()
        .find(|d| d.rule == "R-READ-DATE")
        .unwrap();
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.location.row, Some(8));
    assert_eq!(d.location.column.as_deref(), Some("Ngày tạo ra"));
    assert_eq!(d.value.as_deref(), Some("31/02/2026"));
    let n = it.number_symbol.as_ref().unwrap();
    assert_eq!(n.number, None);
    assert_eq!(n.doc_type.as_deref(), Some("BC"));
    assert!(it.disclosure_forms.is_empty());
}

/// Item 6: point "f" does not exist; kept raw for validate's R-ART17-POINT.
#[test]
fn an_hoa_item6_point_f_is_kept_unparsed() {
    let out = read("an-hoa-sample.csv");
    let it = &items(&out.catalog)[5];
    assert_eq!(it.art17_point, None);
    assert_eq!(it.unparsed[&Field::Art17Point], "f");
    assert!(it.title.contains("(Mật)"));
}

/// Item 8 is typed in NFD; stored in NFC, so it equals item 7.
#[test]
fn an_hoa_item8_nfd_is_stored_nfc() {
    let raw = std::fs::read_to_string(data("an-hoa-sample.csv")).unwrap();
    let line8 = raw.lines().nth(10).unwrap();
    assert!(line8.contains('\u{301}') || line8.contains('\u{303}') || line8.contains('\u{323}'));
    let out = read("an-hoa-sample.csv");
    let it = items(&out.catalog);
    assert_eq!(it[7].title, it[6].title);
    assert_eq!(
        it[7].title,
        "Kế hoạch phổ biến, giáo dục pháp luật năm 2026"
    );
}

/// Exactly these reader findings, no more: 2 captions, 1 link text, 1 date.
#[test]
fn an_hoa_reader_findings_are_exactly_these() {
    let out = read("an-hoa-sample.csv");
    let got: Vec<(String, usize)> = out
        .diagnostics
        .iter()
        .map(|d| (d.rule.clone(), d.location.row.unwrap_or(0)))
        .collect();
    assert_eq!(
        got,
        vec![
            ("R-READ-STRUCTURE".to_string(), 2),
            ("R-READ-STRUCTURE".to_string(), 6),
            ("R-READ-LINK".to_string(), 7),
            ("R-READ-DATE".to_string(), 8),
        ]
    );
    assert!(out.diagnostics.iter().all(|d| d
        .location
        .file
        .as_deref()
        .unwrap()
        .ends_with("an-hoa-sample.csv")));
}

/// thoai-son-an-giang.md: title line, stated basis Art. 19, "Nội dung" as title.
#[test]
fn thoai_son_title_line_and_stated_basis() {
    let out = read("thoai-son-an-giang.csv");
    let h = out.catalog.header();
    assert_eq!(h.title.as_deref(), Some("DANH MỤC CÁC NỘI DUNG CÔNG KHAI"));
    assert_eq!(
        h.stated_basis.as_deref(),
        Some("theo Điều 19, Luật Tiếp cận thông tin năm 2016")
    );
    assert_eq!(h.agency, None);
    assert_eq!(h.issuing_decision, None);
    let it = items(&out.catalog);
    assert_eq!(it[3].title, "Công khai ngân sách");
    assert_eq!(
        it[0].source.as_ref().unwrap().columns[&Field::Title],
        "Nội dung"
    );
}

/// The first body row is a caption; 5 items; the three "+" rows are
/// children of item 3; every link cell is "Chi tiết".
#[test]
fn thoai_son_caption_children_and_link_text() {
    let out = read("thoai-son-an-giang.csv");
    assert_eq!(out.rows, 11);
    let it = items(&out.catalog);
    assert_eq!(it.len(), 5);
    assert!(it
        .iter()
        .all(|i| i.section.as_deref() == Some("Danh mục thông tin công khai")));
    let kids: Vec<&str> = it[2].children.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(
        kids,
        [
            "Danh mục thủ tục hành chính",
            "Thủ tục hành chính tại bộ phận 1 cửa",
            "Văn bản về cải cách hành chính"
        ]
    );
    assert_eq!(it[2].children[0].source.as_ref().unwrap().row, 7);
    assert!(it.iter().all(|i| i.access_link.is_none()));
    assert_eq!(rules_at(&out, "R-READ-LINK"), vec![4, 5, 6, 7, 8, 9, 10]);
    assert!(it[..4]
        .iter()
        .chain(it[2].children.iter())
        .all(|i| i.link_text.as_deref() == Some("Chi tiết")));
    // The caption (row 3) and the three children are reported as info.
    let info: Vec<usize> = out
        .diagnostics
        .iter()
        .filter(|d| d.rule == "R-READ-STRUCTURE")
        .map(|d| d.location.row.unwrap())
        .collect();
    assert_eq!(info, vec![3, 7, 8, 9]);
}

/// The last row "…chương trình và k" is cut off.
#[test]
fn thoai_son_last_row_is_truncated() {
    let out = read("thoai-son-an-giang.csv");
    let t: Vec<_> = out
        .diagnostics
        .iter()
        .filter(|d| d.rule == "R-READ-TRUNCATED")
        .collect();
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].location.row, Some(11));
    assert_eq!(t[0].location.column.as_deref(), Some("Nội dung"));
    assert_eq!(
        t[0].value.as_deref(),
        Some("Thông tin về danh mục dự án, chương trình và k")
    );
    // The item is kept, with what it says.
    assert_eq!(items(&out.catalog)[4].seq.as_deref(), Some("5"));
}

/// The bundled copies under examples/data are the same files.
#[test]
fn examples_data_matches_fixtures() {
    let ex = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/data");
    for f in ["an-hoa-sample.csv", "thoai-son-an-giang.csv"] {
        assert_eq!(
            std::fs::read(ex.join(f)).unwrap(),
            std::fs::read(data(f)).unwrap(),
            "{f}"
        );
    }
}
