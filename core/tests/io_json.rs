//! tiepcan's JSON model: round trip through the CSV reader, errors with line,
//! column and JSON pointer, lenient shapes (no "kind", a bare array).

use std::path::Path;

use tiepcan::io::{
    json::pointer, read_catalog_bytes, read_catalog_path, write_catalog_json, Format, ReadError,
    ReadOptions,
};
use tiepcan::model::{CatalogKind, Field};

#[test]
fn real_catalog_round_trips_through_json() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/catalogs/an-hoa-sample.csv");
    let csv = read_catalog_path(&p, &ReadOptions::default()).unwrap();
    let text = write_catalog_json(&csv.catalog);
    let back = read_catalog_bytes(text.as_bytes(), Format::Json, &ReadOptions::default()).unwrap();
    assert_eq!(back.catalog, csv.catalog);
    assert!(back.diagnostics.is_empty());
    assert_eq!(back.rows, 0);
    // Month precision and unparsed cells survive.
    assert!(text.contains("\"created_on\": \"2026-03\""));
    assert!(text.contains("\"created_on\": \"31/02/2026\""));
}

#[test]
fn model_errors_carry_line_column_and_pointer() {
    let j = "{\n  \"kind\": \"disclosure\",\n  \"items\": [\n    {\"title\": \"A\"},\n    {\"title\": \"B\", \"art17_point\": \"f\"}\n  ]\n}";
    let e = read_catalog_bytes(j.as_bytes(), Format::Json, &ReadOptions::default()).unwrap_err();
    match &e {
        ReadError::Unreadable {
            line,
            column,
            pointer,
            ..
        } => {
            assert_eq!(pointer.as_deref(), Some("/items/1/art17_point"));
            assert_eq!((*line, *column), (Some(5), Some(35)));
        }
        other => panic!("{other:?}"),
    }
    assert!(e.to_string().contains("/items/1/art17_point"));
    let d = e.to_diagnostic(Some("c.json"));
    assert_eq!(d.rule, "R-READ-FILE");
    assert_eq!(d.location.pointer.as_deref(), Some("/items/1/art17_point"));
    assert_eq!(d.location.line, Some(5));
    assert_eq!(pointer(1, Some(Field::Art17Point)), "/items/1/art17_point");
}

#[test]
fn missing_title_and_wrong_kind_are_located() {
    let e = read_catalog_bytes(
        br#"{"kind":"disclosure","items":[{"seq":"1"}]}"#,
        Format::Json,
        &ReadOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(e, ReadError::Unreadable { pointer: Some(ref p), .. } if p == "/items/0/title")
    );
    let e = read_catalog_bytes(
        br#"{"kind":"both","items":[]}"#,
        Format::Json,
        &ReadOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(e, ReadError::Unreadable { pointer: Some(ref p), .. } if p == "/kind"));
}

#[test]
fn bare_array_and_conditional_detection() {
    let out = read_catalog_bytes(
        r#"[{"title":"Hồ sơ dự thầu","ground":"business_secret"}]"#.as_bytes(),
        Format::Json,
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(out.catalog.kind(), CatalogKind::Conditional);
    assert_eq!(
        out.diagnostics[0].location.pointer.as_deref(),
        Some("/kind")
    );
}

#[test]
fn titles_are_stored_nfc() {
    let out = read_catalog_bytes(
        "{\"kind\":\"disclosure\",\"items\":[{\"title\":\"Ke\u{302}\u{301} hoa\u{323}ch\"}]}"
            .as_bytes(),
        Format::Json,
        &ReadOptions::default(),
    )
    .unwrap();
    let text = write_catalog_json(&out.catalog);
    assert!(text.contains("Kế hoạch"));
}
