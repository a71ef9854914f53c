//! Register files: CSV, XLSX and JSON round trips, Vietnamese and
//! unaccented headers, and bad cells reported with their row and column.

use std::io::Cursor;

use tiepcan::law::{Channel, RefusalGround};
use tiepcan::register::io::{
    read_csv, read_json, read_xlsx, write_csv, write_json, write_xlsx, RegisterIoError, COLUMNS,
};
use tiepcan::register::{Complexity, EventKind, RequestState};

const BUNDLED: &str = include_str!("../../examples/data/register/so-theo-doi-2024.csv");

#[test]
fn bundled_register_reads_without_findings() {
    let l = read_csv(BUNDLED.as_bytes(), "so-theo-doi-2024.csv").unwrap();
    assert_eq!(l.register.requests.len(), 37);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let r = l
        .register
        .requests
        .iter()
        .find(|r| r.id == "15/2024")
        .unwrap();
    // Row 17: postal request refused on ground (e) after an unpaid Form 03.
    assert_eq!(r.channel, Channel::Postal);
    assert_eq!(r.source_row, Some(17));
    assert_eq!(r.refusal_grounds(), vec![RefusalGround::CostsUnpaid]);
    assert_eq!(r.recorded_state, Some(RequestState::Refused));
    let codes: Vec<_> = r.events.iter().map(|e| e.kind.code()).collect();
    assert_eq!(codes, ["received", "valid", "handling_notice", "refused"]);
}

#[test]
fn csv_round_trip_keeps_every_request() {
    let l = read_csv(BUNDLED.as_bytes(), "in.csv").unwrap();
    let mut out = Vec::new();
    let dropped = write_csv(&l.register, &mut out).unwrap();
    assert!(dropped.is_empty());
    let again = read_csv(out.as_slice(), "out.csv").unwrap();
    assert!(again.diagnostics.is_empty(), "{:?}", again.diagnostics);
    let strip = |mut reg: tiepcan::register::Register| {
        for r in &mut reg.requests {
            r.source_row = None;
        }
        reg
    };
    assert_eq!(strip(again.register), strip(l.register));
}

#[test]
fn xlsx_round_trip_keeps_every_request() {
    let l = read_csv(BUNDLED.as_bytes(), "in.csv").unwrap();
    let (bytes, dropped) = write_xlsx(&l.register).unwrap();
    assert!(dropped.is_empty());
    let again = read_xlsx(Cursor::new(bytes), "out.xlsx").unwrap();
    assert!(again.diagnostics.is_empty(), "{:?}", again.diagnostics);
    assert_eq!(again.register.requests.len(), 37);
    for (a, b) in again.register.requests.iter().zip(&l.register.requests) {
        assert_eq!(a.events, b.events, "{}", a.id);
        assert_eq!(a.slip, b.slip, "{}", a.id);
    }
}

#[test]
fn json_round_trip_keeps_events_the_book_layout_cannot() {
    let mut l = read_csv(BUNDLED.as_bytes(), "in.csv").unwrap();
    let r = &mut l.register.requests[0];
    r.source_row = None;
    let second = r.events[1].clone();
    r.events.push(second);
    let mut csv_out = Vec::new();
    let dropped = write_csv(&l.register, &mut csv_out).unwrap();
    assert_eq!(
        dropped.len(),
        1,
        "a second event of one kind does not fit a row"
    );
    let json = write_json(&l.register);
    let back = read_json(&json, "r.json").unwrap();
    assert_eq!(
        back.register.requests[0].events.len(),
        l.register.requests[0].events.len()
    );
    assert!(json.contains("\"kind\": \"valid\""));
}

#[test]
fn unaccented_and_alias_headers_are_accepted() {
    let csv = "STT,Ngay nhan,Hinh thuc yeu cau,Ngay hop le,Muc do,Ngay tu choi,Can cu tu choi,Ly do tu choi\n\
               7,03/06/2024,Qua mạng điện tử,03/06/2024,phuc tap,10/06/2024,a; đ,Bí mật\n";
    let l = read_csv(csv.as_bytes(), "x.csv").unwrap();
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let r = &l.register.requests[0];
    assert_eq!(r.id, "7");
    assert_eq!(r.valid_on().unwrap().1, Complexity::Complex);
    assert_eq!(
        r.refusal_grounds(),
        vec![RefusalGround::Inaccessible, RefusalGround::BeyondCapacity]
    );
}

#[test]
fn bad_cells_are_reported_with_row_and_column_and_nothing_is_dropped_silently() {
    let csv = "Tiêu đề sổ theo dõi năm 2024\n\
               Số thứ tự,Ngày tiếp nhận,Cách thức yêu cầu,Ngày cung cấp,Chi phí (đồng),Cột lạ\n\
               1,31/02/2024,trực tiếp,,abc,x\n\
               2,05/2024,bồ câu,,,\n\
               3,,fax,01/03/2024,,\n";
    let l = read_csv(csv.as_bytes(), "bad.csv").unwrap();
    let found: Vec<_> = l
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.rule.as_str(),
                d.location.row,
                d.location.column.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("R-READ-STRUCTURE", Some(2), "Cột lạ".to_string()),
            ("R-READ-DATE", Some(3), "Ngày tiếp nhận".to_string()),
            ("R-READ-CELL", Some(3), "Chi phí (đồng)".to_string()),
            ("R-CHANNEL", Some(4), "Cách thức yêu cầu".to_string()),
        ]
    );
    // Rows 3 and 5 are kept (their problems are reported); row 4 has no usable channel.
    let ids: Vec<_> = l.register.requests.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["1", "3"]);
    // Row 5: provided without receipt or valid request — the check reports it.
    assert_eq!(
        l.register.requests[1].events[0].kind,
        EventKind::Provided {
            form: None,
            partial: false
        }
    );
}

#[test]
fn no_header_row_is_an_error_naming_the_needed_columns() {
    let e = read_csv("a,b\n1,2\n".as_bytes(), "x.csv").unwrap_err();
    assert!(matches!(e, RegisterIoError::NoHeader { .. }));
    assert!(e.to_string().contains("Ngày tiếp nhận"));
}

#[test]
fn malformed_json_gives_line_and_column() {
    let e = read_json("{\n  \"requests\": [\n    {\"id\": 1,}\n  ]\n}", "r.json").unwrap_err();
    match e {
        RegisterIoError::Json { line, .. } => assert_eq!(line, 3),
        other => panic!("{other}"),
    }
}

#[test]
fn layout_keys_and_headers_are_unique() {
    let mut keys: Vec<_> = COLUMNS.iter().map(|c| c.key).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), COLUMNS.len());
    let mut all: Vec<String> = COLUMNS
        .iter()
        .flat_map(|c| {
            std::iter::once(c.header_vi)
                .chain(c.aliases.iter().copied())
                .chain(std::iter::once(c.key))
                .map(tiepcan::text::fold_key)
        })
        .collect();
    let n = all.len();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), n, "a header spelling maps to two columns");
}

#[test]
fn docs_list_every_column() {
    let doc = include_str!("../../docs/register.md");
    for c in COLUMNS {
        assert!(
            doc.contains(&format!("| `{}` | {} |", c.key, c.header_vi)),
            "{} missing from docs/register.md",
            c.key
        );
    }
}

#[test]
fn bundled_xlsx_and_json_hold_the_same_register_as_the_csv() {
    let strip = |mut reg: tiepcan::register::Register| {
        for r in &mut reg.requests {
            r.source_row = None;
        }
        reg
    };
    let csv = strip(read_csv(BUNDLED.as_bytes(), "csv").unwrap().register);
    let xlsx = include_bytes!("../../examples/data/register/so-theo-doi-2024.xlsx");
    let x = read_xlsx(Cursor::new(&xlsx[..]), "xlsx").unwrap();
    assert!(x.diagnostics.is_empty());
    assert_eq!(strip(x.register), csv);
    let json = include_str!("../../examples/data/register/so-theo-doi-2024.json");
    assert_eq!(read_json(json, "json").unwrap().register, csv);
}
