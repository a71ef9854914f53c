//! `tiepcan render FILE --to html` writes a complete accessible page; hostile
//! text in the file stays text.

use std::process::Command;

fn render(file: &std::path::Path, extra: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tiepcan"))
        .arg("render")
        .arg(file)
        .args(["--today", "2026-11-29"])
        .args(extra)
        .output()
        .expect("run tiepcan");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn real_catalog_renders_as_an_accessible_page() {
    let f = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/data/an-hoa-sample.csv"
    ));
    let (code, html) = render(f, &[]);
    assert_eq!(code, 0);
    assert!(html.starts_with("<!doctype html>\n<html lang=\"vi\">"));
    assert!(html.contains("<caption"));
    assert!(html.contains("<th scope=\"col\""));
    assert!(html.contains("<time datetime=\"2026-01-15\""));
    // The validation report follows the table, with its findings.
    assert!(html.contains("R-NO-ART6"));
}

#[test]
fn script_in_a_title_is_shown_as_text() {
    let dir = std::env::temp_dir().join(format!("tiepcan-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("xss.csv");
    std::fs::write(
        &f,
        "STT,\"Tên văn bản, hồ sơ\",\"Số, ký hiệu\",Ngày tạo ra,Hình thức công khai,Đường dẫn\n\
         1,<script>alert(1)</script>,\"12/QĐ-UBND\",02/03/2026,Cổng thông tin điện tử,javascript:alert(1)\n\
         2,\"\"\" onmouseover=\"\"alert(1)\",\"13/QĐ-UBND\",02/03/2026,Niêm yết,https://example.gov.vn/a\n",
    )
    .unwrap();
    let (code, html) = render(&f, &[]);
    assert_eq!(code, 0);
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("href=\"javascript:"));
    assert!(!html.contains("\" onmouseover=\"alert"));
    let (_, text) = render(&f, &["--to", "text"]);
    assert!(
        text.contains("<script>alert(1)</script>"),
        "text output keeps the title as written"
    );
    std::fs::remove_dir_all(&dir).ok();
}
