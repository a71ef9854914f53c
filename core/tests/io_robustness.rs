//! No input bytes make a reader panic; limits give clear errors.

use proptest::prelude::*;
use tiepcan::io::{read_catalog_bytes, Format, ReadError, ReadOptions};

fn small_limits() -> ReadOptions {
    ReadOptions {
        max_rows: 200,
        max_cell_chars: 500,
        ..ReadOptions::default()
    }
}

/// Bytes that look like catalog CSV: header words, separators, quotes,
/// Vietnamese letters, BOMs, UTF-16 zero bytes, invalid UTF-8.
fn catalog_like_bytes() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::sample::select(vec![
        "STT".as_bytes().to_vec(),
        "Tên văn bản".as_bytes().to_vec(),
        "Số, ký hiệu".as_bytes().to_vec(),
        "Ngày ban hành".as_bytes().to_vec(),
        "Đường dẫn".as_bytes().to_vec(),
        "Chi tiết".as_bytes().to_vec(),
        "31/02/2026".as_bytes().to_vec(),
        "Tháng 5/2019".as_bytes().to_vec(),
        "+ ".as_bytes().to_vec(),
        "I. ".as_bytes().to_vec(),
        "th«ng".as_bytes().to_vec(),
        b",".to_vec(),
        b";".to_vec(),
        b"\t".to_vec(),
        b"\"".to_vec(),
        b"\r\n".to_vec(),
        b"\n".to_vec(),
        vec![0xEF, 0xBB, 0xBF],
        vec![0xFF, 0xFE],
        vec![0xFE, 0xFF],
        vec![0x00],
        vec![0xC3],
        vec![0xE1, 0xBA],
        vec![0x80, 0xFF],
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

/// A CSV with title lines, a real header and random cells made of the
/// pieces the title-line, caption, date and link parsers look for.
fn structured_csv() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "Kèm theo Quyết định số ",
        "(theo Điều 19, Luật ",
        "Số: /BC-UBND",
        "35/QĐ-UBND",
        "ngày 05/3/2026",
        "ngày ",
        "tháng ",
        "năm ",
        "31/02/2026",
        "03/2026",
        "2026-02-30",
        "+ ",
        "- ",
        "I. ",
        "II.",
        "DANH MỤC ",
        "Nơi nhận:",
        "(1)",
        "(2)",
        "(3)",
        "Chi tiết",
        "https://x.gov.vn/a",
        "İ",
        "ẞ",
        "ǅ",
        "(",
        ")",
        "/",
        "\"",
        "k",
        " ",
        "Điều ",
        "số",
        "Cổng TTĐT; Niêm yết",
        "f",
        "đ",
        "th«ng",
        "aâ",
        "Ã¡",
        "\u{301}",
        "STT",
        "Tên văn bản",
    ]);
    let cell = prop::collection::vec(piece, 0..6).prop_map(|v| v.concat());
    let row = prop::collection::vec(cell, 0..10);
    (prop::collection::vec(row.clone(), 0..4), prop::collection::vec(row, 0..20)).prop_map(
        |(title, body)| {
            let line = |r: &Vec<String>| {
                r.iter()
                    .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
                    .collect::<Vec<_>>()
                    .join(",")
            };
            let mut s: Vec<String> = title.iter().map(line).collect();
            s.push("STT,Tên văn bản,Số ký hiệu,Ngày ban hành,Hình thức công khai,Thời điểm công khai,Thời hạn công khai,Đường dẫn,Căn cứ".into());
            s.extend(body.iter().map(line));
            s.join("\r\n")
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn structured_catalogs_never_panic_and_rows_stay_in_range(csv in structured_csv()) {
        let out = read_catalog_bytes(csv.as_bytes(), Format::Csv, &small_limits()).unwrap();
        for d in &out.diagnostics {
            if let Some(r) = d.location.row {
                prop_assert!(r >= 1 && r <= out.rows);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_the_csv_reader(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = read_catalog_bytes(&bytes, Format::Csv, &small_limits());
        let _ = Format::sniff(&bytes);
    }

    #[test]
    fn catalog_like_bytes_never_panic_the_csv_reader(bytes in catalog_like_bytes()) {
        match read_catalog_bytes(&bytes, Format::Csv, &small_limits()) {
            Ok(out) => {
                // Every diagnostic of a row points inside the file.
                for d in &out.diagnostics {
                    if let Some(r) = d.location.row {
                        prop_assert!(r >= 1 && r <= out.rows.max(1));
                    }
                }
            }
            Err(e) => {
                let ok = matches!(e, ReadError::TooLarge { .. } | ReadError::Unreadable { .. });
                prop_assert!(ok, "unexpected error {}", e);
            }
        }
    }

    #[test]
    fn utf16_encoded_catalog_like_text_never_panics(bytes in catalog_like_bytes(), le in any::<bool>()) {
        let text = String::from_utf8_lossy(&bytes);
        let mut b = if le { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        for u in text.encode_utf16() {
            b.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        // An odd trailing byte, as a cut-off file has.
        b.push(0x41);
        let _ = read_catalog_bytes(&b, Format::Csv, &small_limits());
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_json_and_xlsx_readers(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        let _ = read_catalog_bytes(&bytes, Format::Json, &small_limits());
        let _ = read_catalog_bytes(&bytes, Format::Xlsx, &small_limits());
    }
}

#[test]
fn max_bytes_is_a_clear_error() {
    let e = read_catalog_bytes(
        b"STT,Ten van ban\n1,A\n",
        Format::Csv,
        &ReadOptions {
            max_bytes: 10,
            ..ReadOptions::default()
        },
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "file size in bytes exceeds the limit of 10 (found 20)"
    );
    assert_eq!(e.to_diagnostic(None).rule, "R-READ-LIMIT");
}

#[test]
fn max_rows_is_a_clear_error_with_the_row() {
    let mut csv = String::from("STT,Ten van ban\n");
    for i in 1..=10 {
        csv.push_str(&format!("{i},Van ban {i}\n"));
    }
    let e = read_catalog_bytes(
        csv.as_bytes(),
        Format::Csv,
        &ReadOptions {
            max_rows: 5,
            ..ReadOptions::default()
        },
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "number of rows exceeds the limit of 5 (found 6) at row 6"
    );
}

#[test]
fn cell_length_is_a_clear_error_with_the_row() {
    let csv = format!("STT,Ten van ban\n1,{}\n", "a".repeat(40_000));
    let e = read_catalog_bytes(csv.as_bytes(), Format::Csv, &ReadOptions::default()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "cell length in characters exceeds the limit of 32767 (found 40000) at row 2"
    );
    let d = e.to_diagnostic(Some("a.csv"));
    assert_eq!(d.location.row, Some(2));
    assert_eq!(d.location.file.as_deref(), Some("a.csv"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Date and document-number cells: a date-like prefix then any text.
    #[test]
    fn date_like_cells_never_panic(prefix in "(20[0-9]{2}-[0-9]{2}-[0-9]?|[0-9]{1,2}/[0-9]{1,2}/?|ngày [0-9] tháng |Số: ?[0-9]*/)", tail in "\\PC{0,6}") {
        let cell = format!("{prefix}{tail}").replace(['"', '\n', '\r', ','], " ");
        let csv = format!("STT,Tên văn bản,Số ký hiệu,Ngày ban hành,Thời điểm công khai\n1,A,{cell},{cell},{cell}\n");
        let out = read_catalog_bytes(csv.as_bytes(), Format::Csv, &ReadOptions::default()).unwrap();
        prop_assert_eq!(out.catalog.len(), 1);
        let _ = tiepcan::model::PartialDate::parse(&cell);
        let _ = tiepcan::model::TimingPhrase::classify(&cell);
        let _ = tiepcan::model::DocumentRef::parse(&cell);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Any Unicode text in any cell, above or below the header, with every
    /// column the reader interprets.
    #[test]
    fn any_unicode_in_any_cell_never_panics(cells in prop::collection::vec("\\PC{0,24}", 0..60)) {
        let q = |c: &String| format!("\"{}\"", c.replace('"', "\"\""));
        let mut csv = String::new();
        for c in cells.iter().take(3) {
            csv.push_str(&format!("{},,\n", q(c)));
        }
        csv.push_str("STT,Tên văn bản,Số ký hiệu,Ngày ban hành,Thuộc điểm,Hình thức công khai,Thời điểm công khai,Thời hạn công khai,Đường dẫn,Căn cứ,Người có quyền chấp thuận,Tình trạng chấp thuận\n");
        for row in cells.chunks(12) {
            csv.push_str(&row.iter().map(q).collect::<Vec<_>>().join(","));
            csv.push('\n');
        }
        for kind in [None, Some(tiepcan::model::CatalogKind::Conditional)] {
            let opts = ReadOptions { kind, ..ReadOptions::default() };
            prop_assert!(read_catalog_bytes(csv.as_bytes(), Format::Csv, &opts).is_ok());
        }
        for c in &cells {
            let _ = tiepcan::io::detect_legacy_encoding(c);
            let _ = tiepcan::model::AgencyLevel::from_name(c);
            let _ = tiepcan::law::Art17Point::parse(c);
            let _ = tiepcan::law::DisclosureForm::parse(c);
        }
    }
}
