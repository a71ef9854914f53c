//! `tiepcan render --deadline-table`: the statutory deadline table (LAW.md
//! §5.8) and the calculator's GET form, readable without JavaScript.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tiepcan"))
        .arg("render")
        .args(args)
        .output()
        .expect("run tiepcan");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn law104_table_and_form_as_a_page() {
    let (code, html, err) = run(&[
        "--deadline-table",
        "--date",
        "2025-03-03",
        "--form-action",
        "/tiep-can/thoi-han",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(html.starts_with("<!doctype html>\n<html lang=\"vi\">"));
    // LAW.md §5.8 DL-PF-COMPLEX: 15 working days, Art. 31(2) para. 1.
    assert!(html.contains("<td>15 ngày làm việc</td>"));
    assert!(html.contains("đoạn 1 khoản 2 Điều 31 Luật Tiếp cận thông tin 2016"));
    assert!(html.contains("action=\"/tiep-can/thoi-han\""));
    assert!(html.contains("<input type=\"date\" id=\"han-received\" name=\"received\""));
    assert!(!html.contains("tạm tính"));
    assert!(!html.contains("tc-deadline-noscript"));
}

#[test]
fn after_2026_09_01_every_value_is_provisional() {
    let (code, html, _) = run(&["--deadline-table", "--date", "2026-11-29", "--fragment"]);
    assert_eq!(code, 0);
    assert!(html.starts_with("<section class=\"tc-root tc-deadline-table\""));
    assert!(html.contains("<td>10 ngày làm việc <em>(tạm tính)</em></td>"));
    assert!(!html.contains("<td>10 ngày làm việc</td>"));
    assert!(html.contains("Máy tính thời hạn cần JavaScript"));
}

#[test]
fn before_the_law_is_refused_and_text_is_not_offered() {
    let (code, _, err) = run(&["--deadline-table", "--date", "2018-06-30"]);
    assert_eq!(code, 1);
    assert!(err.contains("2018-07-01"), "{err}");
    let (code, _, err) = run(&["--deadline-table", "--to", "text"]);
    assert_eq!(code, 2);
    assert!(err.contains("HTML only"), "{err}");
}

/// An address the renderer would leave out is refused (exit 2) with the
/// reason, not dropped without a word.
#[test]
fn unusable_form_action_or_stylesheet_is_exit_2() {
    for args in [
        &["--form-action", "javascript:alert(1)"][..],
        &["--form-action", "https://x.gov.vn/a b"],
        &["--stylesheet", "\"><script>alert(1)</script>"],
    ] {
        let mut all = vec!["--deadline-table", "--date", "2026-11-29"];
        all.extend_from_slice(args);
        let (code, out, err) = run(&all);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty());
        assert!(err.contains("is not a usable address"), "{err}");
    }
}
