//! `tiepcan check` on the bundled real catalogs (examples/data, sources in
//! examples/data/SOURCE.md): the findings each file's `.md` note says a
//! correct validator reports.

use std::process::Command;

use serde_json::Value;

fn check(args: &[&str]) -> (i32, Value) {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let out = Command::new(env!("CARGO_BIN_EXE_tiepcan"))
        .current_dir(root)
        .args(["check", "--format", "json", "--today", "2026-11-29"])
        .args(args)
        .output()
        .expect("run tiepcan");
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    (out.status.code().unwrap_or(-1), v)
}

type Found = Vec<(String, Option<u64>, Option<String>)>;

fn rules(file: &Value) -> Found {
    file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["location"]["row"].as_u64(),
                d["value"].as_str().map(str::to_string),
            )
        })
        .collect()
}

fn has(rs: &Found, rule: &str, row: Option<u64>) -> bool {
    rs.iter()
        .any(|(r, w, _)| r == rule && (row.is_none() || *w == row))
}

#[test]
fn thoai_son_district_catalog_findings() {
    let (code, v) = check(&["examples/data/thoai-son-an-giang.csv"]);
    assert_eq!(code, 1, "error findings give exit code 1");
    let f = &v["files"][0];
    assert_eq!(f["kind"], "disclosure");
    let rs = rules(f);
    // 1. Basis stated as Art. 19, not Art. 17.
    assert!(has(&rs, "R-CAT-BASIS", None));
    // 2. Decree 13 Art. 6(3) fields absent: number/symbol, creation date, form, time.
    let missing_cols: Vec<&str> = f["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            (d["rule"] == "R-CAT-FIELDS" || d["rule"] == "R-CAT-TIME")
                && d["location"]["row"].is_null()
        })
        .map(|d| d["location"]["column"].as_str().unwrap())
        .collect();
    assert_eq!(
        missing_cols,
        [
            "Số, ký hiệu",
            "Ngày tạo ra",
            "Hình thức công khai",
            "Thời điểm công khai"
        ]
    );
    // 3. The three "+" rows are children of item 3 (row 6).
    let children: Vec<u64> = f["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            d["rule"] == "R-READ-STRUCTURE"
                && d["message"]["en"]
                    .as_str()
                    .unwrap()
                    .contains("child of row 6")
        })
        .map(|d| d["location"]["row"].as_u64().unwrap())
        .collect();
    assert_eq!(children, [7, 8, 9]);
    // 4. The last row is cut off.
    assert!(has(&rs, "R-READ-TRUNCATED", Some(11)));
    // 5. Link cells hold no URL ("Chi tiết").
    assert_eq!(rs.iter().filter(|(r, _, _)| r == "R-READ-LINK").count(), 7);
    // 6. Which Art. 17 points have no entry: none is shown to have one.
    let cov = rs.iter().find(|(r, _, _)| r == "R-CAT-COVERAGE").unwrap();
    assert_eq!(
        cov.2.as_deref(),
        Some("a, b, c, d, đ, e, g, h, i, k, l, m, n, o, p")
    );
    // The owner is a district body after 2025-07-01 (from the sidecar metadata).
    assert!(has(&rs, "R-DISTRICT", None));
    // Rows are topics ("Công khai ngân sách"), not identifiable documents.
    let topics: Vec<u64> = rs
        .iter()
        .filter(|(r, _, _)| r == "R-CAT-TOPIC")
        .filter_map(|(_, w, _)| *w)
        .collect();
    assert_eq!(topics, [4, 5, 6, 7, 8, 9, 10, 11]);
    // No conditional-access catalog beside it.
    assert!(has(&rs, "R-CAT-TWO", None));
}

#[test]
fn an_hoa_sample_findings() {
    let (_, v) = check(&["examples/data/an-hoa-sample.csv"]);
    let f = &v["files"][0];
    assert_eq!(f["items"], 10);
    let rs = rules(f);
    // Rows 2 and 6 are captions.
    assert!(has(&rs, "R-READ-STRUCTURE", Some(2)) && has(&rs, "R-READ-STRUCTURE", Some(6)));
    // Item 3 (row 5): point (a) only posted, not on the portal.
    assert!(has(&rs, "R-CAT-PORTAL", Some(5)));
    // Item 4 (row 7): link text with no URL.
    assert!(has(&rs, "R-READ-LINK", Some(7)));
    // Item 5 (row 8): blank number, impossible date, no form.
    assert!(has(&rs, "R-DOC-NUMBER", Some(8)));
    assert!(rs.iter().any(|(r, w, v)| r == "R-READ-DATE"
        && *w == Some(8)
        && v.as_deref() == Some("31/02/2026")));
    assert!(has(&rs, "R-CAT-FIELDS", Some(8)));
    // Item 6 (row 9): "(Mật)" and point "f".
    assert!(has(&rs, "R-NO-ART6", Some(9)));
    assert!(rs
        .iter()
        .any(|(r, w, v)| r == "R-ART17-POINT" && *w == Some(9) && v.as_deref() == Some("f")));
    // Items 7 and 8 (rows 10, 11): one typed in NFD, a duplicate.
    assert!(has(&rs, "R-CAT-DUPLICATE", Some(11)));
    // Item 9 (row 12): created after --today.
    assert!(has(&rs, "R-CAT-FUTURE-DATE", Some(12)));
    // Items 1, 2, 7 and 10 (rows 3, 4, 10, 13): no findings of their own.
    for row in [3, 4, 10, 13] {
        assert!(
            !rs.iter().any(|(_, w, _)| *w == Some(row)),
            "row {row}: {rs:?}"
        );
    }
    // Missing points, and item 10 recognised as the catalog's own entry.
    let cov = rs.iter().find(|(r, _, _)| r == "R-CAT-COVERAGE").unwrap();
    assert_eq!(cov.2.as_deref(), Some("c, d, e, g, h, i, l, o, p"));
    assert!(!has(&rs, "R-CAT-SELF", None) && !has(&rs, "R-CAT-ISSUER", None));
}

#[test]
fn usage_and_unreadable_input_exit_2() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let st = Command::new(env!("CARGO_BIN_EXE_tiepcan"))
        .current_dir(root)
        .args(["check", "no/such/file.csv"])
        .output()
        .unwrap();
    assert_eq!(st.status.code(), Some(2));
    let st = Command::new(env!("CARGO_BIN_EXE_tiepcan"))
        .args(["check"])
        .output()
        .unwrap();
    assert_eq!(st.status.code(), Some(2));
}

/// A request register kept in the catalog folder is set aside with a note,
/// not read as a conditionally accessible catalog; the catalogs beside it
/// are still checked.
#[test]
fn a_register_in_the_folder_is_skipped_with_a_note() {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let dir = std::env::temp_dir().join(format!("tiepcan-reg-in-folder-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (from, to) in [
        ("examples/data/an-hoa-sample.csv", "an-hoa-sample.csv"),
        (
            "examples/data/register/so-theo-doi-2024.csv",
            "so-theo-doi-2024.csv",
        ),
        (
            "examples/data/register/so-theo-doi-2024.json",
            "so-theo-doi-2024.json",
        ),
    ] {
        std::fs::copy(root.join(from), dir.join(to)).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_tiepcan"))
        .args(["check", "--format", "json", "--today", "2026-11-29"])
        .arg(&dir)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let files: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].ends_with("an-hoa-sample.csv"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.matches("a request register (sổ theo dõi), not a catalog: skipped")
            .count(),
        2,
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
