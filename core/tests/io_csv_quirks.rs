//! Each header, date and encoding quirk of issue 2 ("core::io") on a small
//! CSV written the way agencies' spreadsheets export it.

use chrono::NaiveDate;
use tiepcan::io::{
    read_catalog_bytes, read_catalog_path, Format, ReadError, ReadOptions, ReadOutcome,
};
use tiepcan::law::{ConditionalGround, ConsentHolder, DisclosureForm};
use tiepcan::model::{
    Catalog, CatalogKind, ConditionalItem, ConsentStatus, Field, InformationItem, PartialDate,
    TimingPhrase,
};
use tiepcan::validate::Severity;
use unicode_normalization::UnicodeNormalization;

fn read_bytes(b: &[u8]) -> ReadOutcome {
    read_catalog_bytes(b, Format::Csv, &ReadOptions::default()).expect("readable")
}

fn read(s: &str) -> ReadOutcome {
    read_bytes(s.as_bytes())
}

fn items(out: &ReadOutcome) -> &[InformationItem] {
    match &out.catalog {
        Catalog::Disclosure(d) => &d.items,
        Catalog::Conditional(_) => panic!("expected disclosure"),
    }
}

fn cond_items(out: &ReadOutcome) -> &[ConditionalItem] {
    match &out.catalog {
        Catalog::Conditional(d) => &d.items,
        Catalog::Disclosure(_) => panic!("expected conditional"),
    }
}

fn rules(out: &ReadOutcome) -> Vec<(&str, Option<usize>)> {
    out.diagnostics
        .iter()
        .map(|d| (d.rule.as_str(), d.location.row))
        .collect()
}

fn day(y: i32, m: u32, d: u32) -> Option<PartialDate> {
    Some(PartialDate::Day(NaiveDate::from_ymd_opt(y, m, d).unwrap()))
}

const BASIC: &str = "STT,\"Tên văn bản, hồ sơ\",\"Số, ký hiệu\",Ngày ban hành\n1,Kế hoạch phổ biến pháp luật,20/KH-UBND,10/01/2026\n";

#[test]
fn utf8_bom_before_first_header() {
    let mut b = vec![0xEF, 0xBB, 0xBF];
    b.extend(BASIC.as_bytes());
    let out = read_bytes(&b);
    let it = items(&out);
    assert_eq!(it[0].seq.as_deref(), Some("1"));
    assert_eq!(it[0].source.as_ref().unwrap().columns[&Field::Seq], "STT");
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
}

/// Excel's "Unicode Text" export: UTF-16LE with BOM, tab-separated, CRLF.
#[test]
fn utf16le_tab_separated_unicode_text_export() {
    let text = "STT\tTên văn bản, hồ sơ\tSố, ký hiệu\tNgày ban hành\r\n1\tKế hoạch phổ biến pháp luật\t20/KH-UBND\t10/01/2026\r\n";
    let mut b = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        b.extend(u.to_le_bytes());
    }
    let out = read_bytes(&b);
    let it = items(&out);
    assert_eq!(it.len(), 1);
    assert_eq!(it[0].title, "Kế hoạch phổ biến pháp luật");
    assert_eq!(it[0].number_symbol.as_ref().unwrap().raw, "20/KH-UBND");
    assert_eq!(it[0].created_on, day(2026, 1, 10));
    // Also through a path with a .txt extension, as Excel names it.
    let dir = std::env::temp_dir().join(format!("tiepcan-io-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("danh-muc.txt");
    std::fs::write(&p, &b).unwrap();
    let out = read_catalog_path(&p, &ReadOptions::default()).unwrap();
    assert_eq!(out.catalog.len(), 1);
    std::fs::remove_file(&p).ok();
}

#[test]
fn utf16be_with_bom() {
    let mut b = vec![0xFE, 0xFF];
    for u in BASIC.encode_utf16() {
        b.extend(u.to_be_bytes());
    }
    let out = read_bytes(&b);
    assert_eq!(items(&out)[0].title, "Kế hoạch phổ biến pháp luật");
}

#[test]
fn nfd_headers_and_cells_are_matched_and_stored_nfc() {
    let nfd: String = BASIC.nfd().collect();
    assert_ne!(nfd, BASIC);
    let out = read(&nfd);
    let it = items(&out);
    assert_eq!(it[0].title, "Kế hoạch phổ biến pháp luật");
    assert_eq!(
        it[0].source.as_ref().unwrap().columns[&Field::Title],
        "Tên văn bản, hồ sơ"
    );
    assert_eq!(it[0].created_on, day(2026, 1, 10));
}

#[test]
fn headers_without_diacritics() {
    let out = read("STT,Ten van ban,So ky hieu,Ngay ban hanh,Hinh thuc cong khai,Thoi diem cong khai,Thoi han cong khai,Duong dan\n1,Ke hoach,20/KH-UBND,10/01/2026,Cong thong tin dien tu,Thuong xuyen,01 nam,https://x.gov.vn/a\n");
    let it = &items(&out)[0];
    assert_eq!(it.title, "Ke hoach");
    assert_eq!(
        it.number_symbol.as_ref().unwrap().number.as_deref(),
        Some("20")
    );
    assert_eq!(it.created_on, day(2026, 1, 10));
    assert_eq!(it.disclosure_forms, vec![DisclosureForm::Portal]);
    assert_eq!(it.disclosure_time.as_deref(), Some("Thuong xuyen"));
    assert_eq!(it.disclosure_period.as_deref(), Some("01 nam"));
    assert_eq!(it.access_link.as_deref(), Some("https://x.gov.vn/a"));
}

#[test]
fn headers_with_extra_spaces_and_any_case() {
    let out = read("  stt ,\"  TÊN   VĂN  BẢN \",\"SỐ,   KÝ HIỆU\",  ngày TẠO ra  ,Địa chỉ truy cập\n1,Kế hoạch,20/KH-UBND,10/01/2026,www.x.gov.vn/a\n");
    let it = &items(&out)[0];
    assert_eq!(it.title, "Kế hoạch");
    assert_eq!(it.created_on, day(2026, 1, 10));
    assert_eq!(it.access_link.as_deref(), Some("www.x.gov.vn/a"));
    // The header is kept as written (trimmed, spaces collapsed) for locations.
    assert_eq!(
        it.source.as_ref().unwrap().columns[&Field::Title],
        "TÊN VĂN BẢN"
    );
}

#[test]
fn semicolon_separated() {
    let out = read(
        "STT;Tên văn bản;Số, ký hiệu;Ngày ban hành\n1;Kế hoạch, năm 2026;20/KH-UBND;10/01/2026\n",
    );
    assert_eq!(items(&out)[0].title, "Kế hoạch, năm 2026");
}

#[test]
fn title_lines_agency_title_and_issuing_decision() {
    let csv = "\
ỦY BAN NHÂN DÂN XÃ AN HÒA,,CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
,,Độc lập - Tự do - Hạnh phúc
DANH MỤC THÔNG TIN PHẢI ĐƯỢC CÔNG KHAI,,
(Kèm theo Quyết định số 35/QĐ-UBND ngày 05/03/2026 của UBND xã An Hòa),,
Cập nhật ngày 20/10/2026,,
STT,Tên văn bản,Số ký hiệu
1,Kế hoạch,20/KH-UBND
";
    let out = read(csv);
    let h = out.catalog.header();
    let agency = h.agency.as_ref().unwrap();
    assert_eq!(agency.name, "ỦY BAN NHÂN DÂN XÃ AN HÒA");
    assert_eq!(agency.level, Some(tiepcan::model::AgencyLevel::Commune));
    assert_eq!(
        h.title.as_deref(),
        Some("DANH MỤC THÔNG TIN PHẢI ĐƯỢC CÔNG KHAI")
    );
    let dec = h.issuing_decision.as_ref().unwrap();
    assert_eq!(dec.raw, "35/QĐ-UBND");
    assert_eq!(dec.doc_type.as_deref(), Some("QĐ"));
    assert_eq!(h.issued_on, NaiveDate::from_ymd_opt(2026, 3, 5));
    assert_eq!(h.last_updated, NaiveDate::from_ymd_opt(2026, 10, 20));
    assert_eq!(out.catalog.kind(), CatalogKind::Disclosure);
    // Title lines count as rows: the item is on row 7.
    assert_eq!(items(&out)[0].source.as_ref().unwrap().row, 7);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
}

#[test]
fn repeated_header_row_in_the_body_is_skipped() {
    let out = read("STT,Tên văn bản,Số ký hiệu\n1,Kế hoạch,20/KH-UBND\nSTT,Tên văn bản,Số ký hiệu\n2,Báo cáo,45/BC-UBND\n");
    assert_eq!(items(&out).len(), 2);
    assert_eq!(rules(&out), vec![("R-READ-STRUCTURE", Some(3))]);
    assert_eq!(out.diagnostics[0].severity, Severity::Info);
}

#[test]
fn empty_skeleton_rows_are_skipped_and_reported_once() {
    let out = read(
        "STT,Tên văn bản,Số ký hiệu\n1,Kế hoạch,20/KH-UBND\n,,\n2,,\n3,,\n\n4,Báo cáo,45/BC-UBND\n",
    );
    let it = items(&out);
    assert_eq!(it.len(), 2);
    // Row 3 is empty, 4–5 numbered only, 6 a blank line.
    assert_eq!(it[1].source.as_ref().unwrap().row, 7);
    assert_eq!(rules(&out), vec![("R-READ-STRUCTURE", Some(4))]);
    assert!(out.diagnostics[0].message.en.contains("4–5"));
    assert_eq!(out.rows, 7);
}

#[test]
fn two_row_header_with_merged_parent() {
    let out = read("STT,Tên văn bản,\"Thời điểm, thời hạn công khai\",\n,,Thời điểm,Thời hạn\n1,Kế hoạch,Thường xuyên,01 năm\n");
    let it = &items(&out)[0];
    assert_eq!(it.disclosure_time.as_deref(), Some("Thường xuyên"));
    assert_eq!(it.disclosure_period.as_deref(), Some("01 năm"));
    assert_eq!(it.source.as_ref().unwrap().row, 3);
}

#[test]
fn column_number_row_and_footer_are_not_items() {
    let out = read("STT,Tên văn bản,Số ký hiệu\n(1),(2),(3)\n1,Kế hoạch,20/KH-UBND\n,,\nNơi nhận:,,TM. ỦY BAN NHÂN DÂN\n- Lưu: VT.,,CHỦ TỊCH\n,,Nguyễn Văn A\n");
    assert_eq!(items(&out).len(), 1);
    assert_eq!(
        rules(&out),
        vec![("R-READ-STRUCTURE", Some(2)), ("R-READ-STRUCTURE", Some(5))]
    );
    assert!(out.diagnostics[1]
        .value
        .as_deref()
        .unwrap()
        .contains("Nguyễn Văn A"));
}

#[test]
fn unknown_columns_and_notes_are_kept_as_extra() {
    let out = read("STT,Tên văn bản,Cơ quan chủ trì,Ghi chú\n1,Kế hoạch,Văn phòng,Đã đăng\n");
    let it = &items(&out)[0];
    assert_eq!(it.extra["Cơ quan chủ trì"], "Văn phòng");
    assert_eq!(it.extra["Ghi chú"], "Đã đăng");
}

#[test]
fn no_header_row_is_reported_not_a_crash() {
    let out = read("a,b,c\n1,2,3\n");
    assert!(out.catalog.is_empty());
    assert_eq!(rules(&out), vec![("R-READ-HEADER", Some(1))]);
    assert!(out.diagnostics[0].message.en.contains("2 rows"));
}

#[test]
fn dates_in_every_form_day_first() {
    let out = read("STT,Tên văn bản,Ngày ban hành\n1,A,02/03/2026\n2,B,2026-03-02\n3,C,ngày 02 tháng 3 năm 2026\n4,D,Ngay 2 thang 3 nam 2026\n5,E,2.3.2026\n");
    for it in items(&out) {
        assert_eq!(it.created_on, day(2026, 3, 2), "{}", it.title);
    }
    assert!(out.diagnostics.is_empty());
}

#[test]
fn month_and_year_precision_are_kept() {
    let out = read("STT,Tên văn bản,Ngày ban hành\n1,A,05/2019\n2,B,Tháng 5/2019\n3,C,tháng 5 năm 2019\n4,D,Năm 2019\n");
    let it = items(&out);
    let may = Some(PartialDate::Month {
        year: 2019,
        month: 5,
    });
    assert_eq!(it[0].created_on, may);
    assert_eq!(it[1].created_on, may);
    assert_eq!(it[2].created_on, may);
    assert_eq!(it[3].created_on, Some(PartialDate::Year(2019)));
    assert_eq!(it[0].created_on.unwrap().to_string(), "2019-05");
}

#[test]
fn impossible_date_is_an_error_never_rolled() {
    let out = read("STT,Tên văn bản,Ngày ban hành,Thời điểm công khai\n1,A,31/02/2019,\n2,B,01/02/2019,29/02/2023\n");
    let it = items(&out);
    assert_eq!(it[0].created_on, None);
    assert_eq!(it[0].unparsed[&Field::CreatedOn], "31/02/2019");
    assert_eq!(it[1].unparsed[&Field::DisclosureTime], "29/02/2023");
    assert_eq!(it[1].disclosure_time.as_deref(), Some("29/02/2023"));
    let d: Vec<_> = out
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.rule.as_str(),
                d.severity,
                d.location.row,
                d.location.column.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        d,
        vec![
            (
                "R-READ-DATE",
                Severity::Error,
                Some(2),
                Some("Ngày ban hành")
            ),
            (
                "R-READ-DATE",
                Severity::Error,
                Some(3),
                Some("Thời điểm công khai")
            ),
        ]
    );
}

#[test]
fn unrecognised_date_is_kept_and_reported() {
    let out = read("STT,Tên văn bản,Ngày ban hành\n1,A,Quý I/2026\n2,B,-\n");
    let it = items(&out);
    assert_eq!(it[0].unparsed[&Field::CreatedOn], "Quý I/2026");
    assert_eq!(it[1].created_on, None);
    assert!(it[1].unparsed.is_empty());
    assert_eq!(rules(&out), vec![("R-READ-CELL", Some(2))]);
}

#[test]
fn ranges_and_recurring_phrases_in_time_columns_are_kept_as_written() {
    let out = read("STT,Tên văn bản,Thời điểm công khai,Thời hạn công khai\n1,A,Năm 2019 - 2020,Thường xuyên\n2,B,Khi có phát sinh,30 ngày\n3,C,05/2019,Ngay sau khi ban hành\n");
    let it = items(&out);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    let classify = |s: &Option<String>| TimingPhrase::classify(s.as_deref().unwrap());
    assert_eq!(
        classify(&it[0].disclosure_time),
        TimingPhrase::YearRange {
            from: 2019,
            to: 2020
        }
    );
    assert_eq!(classify(&it[0].disclosure_period), TimingPhrase::Regularly);
    assert_eq!(classify(&it[1].disclosure_time), TimingPhrase::WhenArising);
    assert_eq!(
        classify(&it[1].disclosure_period),
        TimingPhrase::Duration {
            amount: 30,
            unit: "day".into()
        }
    );
    assert_eq!(
        classify(&it[2].disclosure_time),
        TimingPhrase::Date {
            date: PartialDate::Month {
                year: 2019,
                month: 5
            }
        }
    );
    assert_eq!(
        classify(&it[2].disclosure_period),
        TimingPhrase::ImmediatelyAfterIssue
    );
}

#[test]
fn tcvn3_and_vni_text_is_reported_per_cell() {
    let out = read("STT,Tên văn bản\n1,KÕ ho¹ch phæ biÕn gi¸o dôc ph¸p luËt\n2,Keá hoaïch phoå bieán phaùp luaät\n3,Kế hoạch phổ biến pháp luật\n");
    let d: Vec<_> = out
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.rule.as_str(),
                d.location.row,
                d.location.column.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        d,
        vec![
            ("R-READ-ENCODING", Some(2), Some("Tên văn bản")),
            ("R-READ-ENCODING", Some(3), Some("Tên văn bản")),
        ]
    );
    assert!(out.diagnostics[0].message.en.contains("TCVN3"));
    assert!(out.diagnostics[1].message.en.contains("VNI"));
    // The text is kept as written.
    assert_eq!(items(&out)[0].title, "KÕ ho¹ch phæ biÕn gi¸o dôc ph¸p luËt");
}

#[test]
fn windows_1258_file_is_decoded_and_reported() {
    // "STT,Tên,Số ký hiệu" / "1,Kế hoạch,…" in Windows-1258: ê=0xEA, ế = ê + 0xEC (acute).
    let b: &[u8] =
        b"STT,T\xEAn v\xE3n b\xE1n,S\xF4 ky\xEC hi\xEAu\r\n1,K\xEA\xECt lu\xE2\xF2n,20/KH-UBND\r\n";
    let out = read_bytes(b);
    let it = items(&out);
    assert_eq!(it[0].title, "Kết luận");
    assert_eq!(rules(&out), vec![("R-READ-ENCODING", None)]);
    assert!(out.diagnostics[0].message.en.contains("Windows-1258"));
}

#[test]
fn link_cells_url_or_text() {
    let out = read(
        "STT,Tên văn bản,Đường dẫn\n1,A,https://x.gov.vn/a\n2,B,Chi tiết\n3,C,Xem tại đây\n4,D,\n",
    );
    let it = items(&out);
    assert_eq!(it[0].access_link.as_deref(), Some("https://x.gov.vn/a"));
    assert_eq!(it[1].link_text.as_deref(), Some("Chi tiết"));
    assert_eq!(it[2].link_text.as_deref(), Some("Xem tại đây"));
    assert_eq!(it[3].link_text, None);
    assert_eq!(
        rules(&out),
        vec![("R-READ-LINK", Some(3)), ("R-READ-LINK", Some(4))]
    );
}

#[test]
fn plus_rows_are_children_dash_too() {
    let out = read("STT,Nội dung,Đường dẫn\n1,Ngân sách,https://x.gov.vn/ns\n,+ Dự toán,https://x.gov.vn/dt\n,- Quyết toán,https://x.gov.vn/qt\n2,Kế hoạch,https://x.gov.vn/kh\n");
    let it = items(&out);
    assert_eq!(it.len(), 2);
    let kids: Vec<&str> = it[0].children.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(kids, ["Dự toán", "Quyết toán"]);
    assert_eq!(
        it[0].children[1].access_link.as_deref(),
        Some("https://x.gov.vn/qt")
    );
    assert!(!out.diagnostics.iter().any(|d| d.rule == "R-READ-TRUNCATED"));
}

#[test]
fn complete_last_row_is_not_truncated() {
    let out = read("STT,Nội dung,Đường dẫn\n1,Công khai ngân sách,\n2,Thông tin theo điểm a,\n");
    assert!(out.diagnostics.iter().all(|d| d.rule != "R-READ-TRUNCATED"));
    // A file cut inside a quoted cell is.
    let out =
        read("STT,Nội dung,Đường dẫn\n1,Công khai ngân sách,\n2,\"Thông tin về danh mục dự án");
    assert_eq!(
        out.diagnostics
            .iter()
            .filter(|d| d.rule == "R-READ-TRUNCATED")
            .count(),
        1
    );
}

#[test]
fn number_symbol_cells() {
    let out = read("STT,Tên văn bản,\"Số, ký hiệu\"\n1,A,Số: /BC-UBND\n2,B,-\n3,C,không số\n4,D,12322/UBND-NCTCD\n");
    let it = items(&out);
    assert_eq!(it[0].number_symbol.as_ref().unwrap().number, None);
    assert_eq!(it[1].number_symbol, None);
    assert_eq!(it[2].unparsed[&Field::NumberSymbol], "không số");
    assert_eq!(
        it[3].number_symbol.as_ref().unwrap().unit.as_deref(),
        Some("NCTCD")
    );
    // Left to validate (R-DOC-NUMBER), so it is reported once.
    assert!(out.diagnostics.is_empty());
}

#[test]
fn conditional_catalog_detected_from_title_and_columns() {
    let csv = "\
DANH MỤC THÔNG TIN CÔNG DÂN ĐƯỢC TIẾP CẬN CÓ ĐIỀU KIỆN,,,,
STT,Tên văn bản,Căn cứ (Điều 7),Người có quyền chấp thuận,Tình trạng chấp thuận
1,Hồ sơ dự thầu của doanh nghiệp X,Bí mật kinh doanh,Chủ sở hữu bí mật kinh doanh,Chưa có
2,Hồ sơ bệnh án,bí mật cá nhân,Người có bí mật,Đã đồng ý
3,Hồ sơ Y,Bí mật quốc gia,Ông A,không rõ
";
    let out = read(csv);
    assert_eq!(out.catalog.kind(), CatalogKind::Conditional);
    let it = cond_items(&out);
    assert_eq!(it[0].ground, Some(ConditionalGround::BusinessSecret));
    assert_eq!(it[0].consent_holder, Some(ConsentHolder::SecretOwner));
    assert_eq!(it[0].consent_status, Some(ConsentStatus::None));
    assert_eq!(it[1].ground, Some(ConditionalGround::PersonalSecret));
    assert_eq!(it[1].consent_holder, Some(ConsentHolder::PersonConcerned));
    assert_eq!(it[1].consent_status, Some(ConsentStatus::Given));
    // Not Art. 7 grounds: kept for validate (R-COND-HOLDER); status reported here.
    assert_eq!(it[2].unparsed[&Field::Ground], "Bí mật quốc gia");
    assert_eq!(it[2].unparsed[&Field::ConsentHolder], "Ông A");
    assert_eq!(rules(&out), vec![("R-READ-CELL", Some(5))]);
    // Forced kind wins.
    let out = read_catalog_bytes(
        csv.as_bytes(),
        Format::Csv,
        &ReadOptions {
            kind: Some(CatalogKind::Disclosure),
            ..ReadOptions::default()
        },
    )
    .unwrap();
    assert_eq!(out.catalog.kind(), CatalogKind::Disclosure);
}

#[test]
fn file_name_goes_into_every_location() {
    let out = read_catalog_bytes(
        b"STT,Ten van ban,Duong dan\n1,A,Chi tiet\n",
        Format::Csv,
        &ReadOptions {
            file_name: Some("danh-muc.csv".into()),
            ..ReadOptions::default()
        },
    )
    .unwrap();
    assert_eq!(
        out.diagnostics[0].location.file.as_deref(),
        Some("danh-muc.csv")
    );
}

#[test]
fn formats_from_path_and_bytes() {
    use std::path::Path;
    assert_eq!(Format::from_path(Path::new("a.CSV")), Some(Format::Csv));
    assert_eq!(Format::from_path(Path::new("a.txt")), Some(Format::Csv));
    assert_eq!(Format::from_path(Path::new("a.xlsx")), Some(Format::Xlsx));
    assert_eq!(Format::from_path(Path::new("a.xls")), Some(Format::Xlsx));
    assert_eq!(Format::from_path(Path::new("a.json")), Some(Format::Json));
    assert_eq!(Format::from_path(Path::new("a.xml")), Some(Format::Xml));
    assert_eq!(Format::from_path(Path::new("a.pdf")), None);
    assert_eq!(Format::sniff(b"PK\x03\x04rest"), Format::Xlsx);
    assert_eq!(Format::sniff(b"\xEF\xBB\xBF  {\"kind\":1}"), Format::Json);
    assert_eq!(Format::sniff(b"<?xml version='1.0'?>"), Format::Xml);
    assert_eq!(Format::sniff(BASIC.as_bytes()), Format::Csv);
    // XML is read by io::xml: a foreign root element is unreadable, at its line.
    assert!(matches!(
        read_catalog_bytes(b"<a/>", Format::Xml, &ReadOptions::default()),
        Err(ReadError::Unreadable { line: Some(1), .. })
    ));
}

#[test]
fn missing_file_is_an_io_error_with_its_path() {
    let e = read_catalog_path(
        "/nonexistent/danh-muc.csv".as_ref(),
        &ReadOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(e, ReadError::Io { .. }));
    assert!(e.to_string().contains("/nonexistent/danh-muc.csv"));
    let d = e.to_diagnostic(Some("/nonexistent/danh-muc.csv"));
    assert_eq!(d.rule, "R-READ-FILE");
    assert_eq!(d.severity, Severity::Error);
}

#[test]
fn plus_row_without_parent_is_an_entry_reported() {
    let out = read(
        "STT,Nội dung,Đường dẫn\n,+ Dự toán,https://x.gov.vn/dt\n1,Kế hoạch,https://x.gov.vn/kh\n",
    );
    assert_eq!(items(&out).len(), 2);
    assert_eq!(rules(&out), vec![("R-READ-STRUCTURE", Some(2))]);
}

#[test]
fn document_number_and_place_date_lines() {
    let csv = "\
ỦY BAN NHÂN DÂN XÃ AN HÒA,,CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 35/QĐ-UBND,,\"An Hòa, ngày 05 tháng 3 năm 2026\"
DANH MỤC THÔNG TIN PHẢI ĐƯỢC CÔNG KHAI,,
STT,Tên văn bản,Số ký hiệu
1,Kế hoạch,20/KH-UBND
";
    let out = read(csv);
    let h = out.catalog.header();
    assert_eq!(h.issuing_decision.as_ref().unwrap().raw, "35/QĐ-UBND");
    assert_eq!(h.issued_on, NaiveDate::from_ymd_opt(2026, 3, 5));
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
}
