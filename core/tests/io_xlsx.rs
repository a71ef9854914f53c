//! Workbooks as agencies build them, generated with `rust_xlsxwriter`: title
//! rows, merged header and caption cells, real date cells, numeric STT,
//! hyperlinks behind "Chi tiết", several sheets.

use chrono::NaiveDate;
use rust_xlsxwriter::{ExcelDateTime, Format as XFormat, Workbook, XlsxError};
use tiepcan::io::{read_catalog_bytes, Format, ReadError, ReadOptions, ReadOutcome};
use tiepcan::model::{Catalog, Field, InformationItem, PartialDate};

fn read(b: &[u8], opts: &ReadOptions) -> ReadOutcome {
    read_catalog_bytes(b, Format::Xlsx, opts).expect("readable")
}

fn items(out: &ReadOutcome) -> &[InformationItem] {
    match &out.catalog {
        Catalog::Disclosure(d) => &d.items,
        Catalog::Conditional(_) => panic!("expected disclosure"),
    }
}

/// A commune catalog laid out as in a decision's appendix:
/// row 1 agency | motto, row 2 title merged across, row 3 "Kèm theo…",
/// rows 4–5 a two-row header ("Thời điểm, thời hạn công khai" merged over
/// two sub-columns; STT and the others merged down), row 6 a caption merged
/// across, rows 7–9 items (real date cells, numeric STT, a hyperlink behind
/// "Chi tiết", a form merged down over two items), row 10 a date cell
/// formatted as a month, row 11 an empty skeleton row with only STT.
fn commune_workbook() -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Danh mục")?;
    let f = XFormat::new();
    let date = XFormat::new().set_num_format("dd/mm/yyyy");
    ws.merge_range(0, 0, 0, 2, "ỦY BAN NHÂN DÂN XÃ AN HÒA", &f)?;
    ws.merge_range(0, 3, 0, 7, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", &f)?;
    ws.merge_range(1, 0, 1, 7, "DANH MỤC THÔNG TIN PHẢI ĐƯỢC CÔNG KHAI", &f)?;
    ws.merge_range(
        2,
        0,
        2,
        7,
        "(Kèm theo Quyết định số 35/QĐ-UBND ngày 05/3/2026 của Chủ tịch UBND xã)",
        &f,
    )?;
    ws.merge_range(3, 0, 4, 0, "STT", &f)?;
    ws.merge_range(3, 1, 4, 1, "Tên văn bản, hồ sơ", &f)?;
    ws.merge_range(3, 2, 4, 2, "Số, ký hiệu", &f)?;
    ws.merge_range(3, 3, 4, 3, "Ngày ban hành", &f)?;
    ws.merge_range(3, 4, 4, 4, "Hình thức công khai", &f)?;
    ws.merge_range(3, 5, 3, 6, "Thời điểm, thời hạn công khai", &f)?;
    ws.write_string(4, 5, "Thời điểm")?;
    ws.write_string(4, 6, "Thời hạn")?;
    ws.merge_range(3, 7, 4, 7, "Đường dẫn", &f)?;
    ws.merge_range(5, 0, 5, 7, "I. NGÂN SÁCH", &f)?;
    // Item 1
    ws.write_number(6, 0, 1)?;
    ws.write_string(6, 1, "Báo cáo công khai dự toán ngân sách xã năm 2026")?;
    ws.write_string(6, 2, "45/BC-UBND")?;
    ws.write_datetime_with_format(6, 3, ExcelDateTime::from_ymd(2026, 1, 15)?, &date)?;
    ws.merge_range(6, 4, 7, 4, "Cổng thông tin điện tử", &f)?;
    ws.write_string(6, 5, "Thường xuyên")?;
    ws.write_string(6, 6, "01 năm")?;
    ws.write_url_with_text(6, 7, "https://anhoa.example.gov.vn/ns/45", "Chi tiết")?;
    // Item 2
    ws.write_number(7, 0, 2)?;
    ws.write_string(7, 1, "Báo cáo quyết toán ngân sách xã năm 2025")?;
    ws.write_string(7, 2, "50/BC-UBND")?;
    ws.write_datetime_with_format(7, 3, ExcelDateTime::from_ymd(2026, 2, 28)?, &date)?;
    ws.write_string(7, 5, "Khi có phát sinh")?;
    ws.write_string(7, 7, "Chi tiết")?;
    // Item 3: date typed as text, month precision.
    ws.write_number(8, 0, 3)?;
    ws.write_string(8, 1, "Kế hoạch thu chi")?;
    ws.write_string(8, 3, "03/2026")?;
    ws.write_string(8, 4, "Niêm yết")?;
    // Item 4: a real date cell formatted as a month (Excel turns "03/2026"
    // into such a cell).
    let month = XFormat::new().set_num_format("mm/yyyy");
    ws.write_number(9, 0, 4)?;
    ws.write_string(9, 1, "Kế hoạch kiểm tra")?;
    ws.write_datetime_with_format(9, 3, ExcelDateTime::from_ymd(2026, 3, 1)?, &month)?;
    // Skeleton row.
    ws.write_number(10, 0, 5)?;
    wb.save_to_buffer()
}

#[test]
fn title_rows_merged_cells_dates_and_hyperlinks() {
    let b = commune_workbook().unwrap();
    let out = read(&b, &ReadOptions::default());
    let h = out.catalog.header();
    assert_eq!(h.agency.as_ref().unwrap().name, "ỦY BAN NHÂN DÂN XÃ AN HÒA");
    assert_eq!(
        h.title.as_deref(),
        Some("DANH MỤC THÔNG TIN PHẢI ĐƯỢC CÔNG KHAI")
    );
    assert_eq!(h.issuing_decision.as_ref().unwrap().raw, "35/QĐ-UBND");
    assert_eq!(h.issued_on, NaiveDate::from_ymd_opt(2026, 3, 5));

    let it = items(&out);
    assert_eq!(it.len(), 4);
    // Numeric STT read as "1"; physical rows as Excel shows them.
    assert_eq!(it[0].seq.as_deref(), Some("1"));
    assert_eq!(it[0].source.as_ref().unwrap().row, 7);
    // The caption merged across is a section, not an item.
    assert_eq!(it[0].section.as_deref(), Some("I. NGÂN SÁCH"));
    // Real date cells.
    assert_eq!(
        it[0].created_on,
        Some(PartialDate::Day(
            NaiveDate::from_ymd_opt(2026, 1, 15).unwrap()
        ))
    );
    assert_eq!(
        it[1].created_on,
        Some(PartialDate::Day(
            NaiveDate::from_ymd_opt(2026, 2, 28).unwrap()
        ))
    );
    assert_eq!(
        it[2].created_on,
        Some(PartialDate::Month {
            year: 2026,
            month: 3
        })
    );
    // A date cell formatted "mm/yyyy" keeps month precision, not the 1st.
    assert_eq!(
        it[3].created_on,
        Some(PartialDate::Month {
            year: 2026,
            month: 3
        })
    );
    // Two-row header: the sub-columns are time and time limit.
    assert_eq!(it[0].disclosure_time.as_deref(), Some("Thường xuyên"));
    assert_eq!(it[0].disclosure_period.as_deref(), Some("01 năm"));
    assert_eq!(
        it[0].source.as_ref().unwrap().columns[&Field::DisclosurePeriod],
        "Thời hạn"
    );
    // A form merged down over items 1 and 2 applies to both.
    assert_eq!(it[1].disclosure_forms, it[0].disclosure_forms);
    assert_eq!(it[1].disclosure_forms.len(), 1);
    // Hyperlink behind "Chi tiết": the URL is the access link.
    assert_eq!(
        it[0].access_link.as_deref(),
        Some("https://anhoa.example.gov.vn/ns/45")
    );
    assert_eq!(it[0].link_text.as_deref(), Some("Chi tiết"));
    // Plain "Chi tiết" without a hyperlink: link text, reported.
    assert_eq!(it[1].access_link, None);
    assert_eq!(it[1].link_text.as_deref(), Some("Chi tiết"));

    let got: Vec<(&str, Option<usize>)> = out
        .diagnostics
        .iter()
        .map(|d| (d.rule.as_str(), d.location.row))
        .collect();
    assert_eq!(
        got,
        vec![
            ("R-READ-STRUCTURE", Some(5)),  // two-row header
            ("R-READ-STRUCTURE", Some(6)),  // caption
            ("R-READ-LINK", Some(8)),       // "Chi tiết" without URL
            ("R-READ-STRUCTURE", Some(11)), // skeleton row
        ]
    );
    assert_eq!(out.rows, 11);
}

fn two_sheets() -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let empty = wb.add_worksheet();
    empty.set_name("Hướng dẫn")?;
    let a = wb.add_worksheet();
    a.set_name("Công khai")?;
    a.write_string(0, 0, "STT")?;
    a.write_string(0, 1, "Tên văn bản")?;
    a.write_number(1, 0, 1)?;
    a.write_string(1, 1, "Kế hoạch")?;
    let c = wb.add_worksheet();
    c.set_name("Có điều kiện")?;
    c.write_string(0, 0, "STT")?;
    c.write_string(0, 1, "Tên văn bản")?;
    c.write_string(0, 2, "Căn cứ (Điều 7)")?;
    c.write_number(1, 0, 1)?;
    c.write_string(1, 1, "Hồ sơ dự thầu")?;
    c.write_string(1, 2, "Bí mật kinh doanh")?;
    wb.save_to_buffer()
}

#[test]
fn first_non_empty_sheet_or_the_named_one() {
    let b = two_sheets().unwrap();
    let out = read(&b, &ReadOptions::default());
    assert_eq!(out.catalog.kind(), tiepcan::model::CatalogKind::Disclosure);
    assert_eq!(out.catalog.len(), 1);
    assert_eq!(out.diagnostics[0].rule, "R-READ-STRUCTURE");
    assert_eq!(out.diagnostics[0].value.as_deref(), Some("Có điều kiện"));
    // Named, without diacritics or case.
    let out = read(
        &b,
        &ReadOptions {
            sheet: Some("co dieu kien".into()),
            ..ReadOptions::default()
        },
    );
    assert_eq!(out.catalog.kind(), tiepcan::model::CatalogKind::Conditional);
    let e = read_catalog_bytes(
        &b,
        Format::Xlsx,
        &ReadOptions {
            sheet: Some("Không có".into()),
            ..ReadOptions::default()
        },
    )
    .unwrap_err();
    assert!(matches!(e, ReadError::Unreadable { .. }));
    assert!(e.to_string().contains("Công khai"));
}

#[test]
fn damaged_workbook_is_unreadable_not_a_panic() {
    let mut b = commune_workbook().unwrap();
    b.truncate(b.len() / 2);
    assert!(matches!(
        read_catalog_bytes(&b, Format::Xlsx, &ReadOptions::default()),
        Err(ReadError::Unreadable { .. })
    ));
    assert!(read_catalog_bytes(b"not a workbook", Format::Xlsx, &ReadOptions::default()).is_err());
}

#[test]
fn row_and_cell_limits_apply_to_workbooks() {
    let b = commune_workbook().unwrap();
    let e = read_catalog_bytes(
        &b,
        Format::Xlsx,
        &ReadOptions {
            max_rows: 5,
            ..ReadOptions::default()
        },
    )
    .unwrap_err();
    assert!(matches!(
        e,
        ReadError::TooLarge {
            what: "number of rows",
            ..
        }
    ));
    let e = read_catalog_bytes(
        &b,
        Format::Xlsx,
        &ReadOptions {
            max_cell_chars: 20,
            ..ReadOptions::default()
        },
    )
    .unwrap_err();
    assert!(matches!(
        e,
        ReadError::TooLarge {
            what: "cell length in characters",
            row: Some(1),
            ..
        }
    ));
    // The unpacked size is checked before the sheet is expanded.
    let e = read_catalog_bytes(
        &b,
        Format::Xlsx,
        &ReadOptions {
            max_unpacked_bytes: 1000,
            ..ReadOptions::default()
        },
    )
    .unwrap_err();
    assert!(matches!(
        e,
        ReadError::TooLarge {
            what: "unpacked workbook size in bytes",
            limit: 1000,
            ..
        }
    ));
}
