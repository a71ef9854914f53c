//! Documented input limits (docs/limits.md): a file over the size limit is
//! refused before it is read, so a 1 GiB input does not exhaust memory.

use tiepcan::io::{read_catalog_bytes, read_catalog_path, Format, ReadError, ReadOptions};

#[test]
fn a_1_gib_file_is_refused_before_reading() {
    let dir = std::env::temp_dir().join(format!("tiepcan-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("huge.csv");
    // A sparse file: 1 GiB long, no disk or memory used.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let err = read_catalog_path(&path, &ReadOptions::default()).unwrap_err();
    match &err {
        ReadError::TooLarge { limit, found, .. } => {
            assert_eq!(*limit, 256 * 1024 * 1024);
            assert_eq!(*found, 1 << 30);
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
    assert_eq!(err.to_diagnostic(Some("huge.csv")).rule, "R-READ-LIMIT");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn row_and_cell_limits_are_clear_errors() {
    let mut csv = String::from("STT,Tên văn bản\n");
    for i in 0..20 {
        csv.push_str(&format!("{i},Văn bản {i}\n"));
    }
    let opts = ReadOptions {
        max_rows: 10,
        ..ReadOptions::default()
    };
    let err = read_catalog_bytes(csv.as_bytes(), Format::Csv, &opts).unwrap_err();
    assert!(
        matches!(
            err,
            ReadError::TooLarge {
                what: "number of rows",
                limit: 10,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("10"));

    let long = format!("STT,Tên văn bản\n1,{}\n", "a".repeat(40_000));
    let err =
        read_catalog_bytes(long.as_bytes(), Format::Csv, &ReadOptions::default()).unwrap_err();
    assert!(
        matches!(err, ReadError::TooLarge { limit: 32_767, .. }),
        "{err:?}"
    );
}

#[test]
fn xml_dtd_and_deep_nesting_are_refused() {
    let bomb = br#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><disclosure_catalog xmlns="urn:tiepcan:catalog:1"><items><item><title>&lol2;</title></item></items></disclosure_catalog>"#;
    assert!(read_catalog_bytes(bomb, Format::Xml, &ReadOptions::default()).is_err());
    let mut deep = String::from(r#"<disclosure_catalog xmlns="urn:tiepcan:catalog:1">"#);
    deep.push_str("<items>");
    for _ in 0..30 {
        deep.push_str("<item><title>t</title><children>");
    }
    let err =
        read_catalog_bytes(deep.as_bytes(), Format::Xml, &ReadOptions::default()).unwrap_err();
    assert_eq!(err.to_diagnostic(None).rule, "R-READ-LIMIT", "{err}");
}
