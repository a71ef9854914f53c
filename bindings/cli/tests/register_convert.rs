//! `tiepcan register convert` (formats by extension, exit codes 0/1/2,
//! reading problems reported as `register check` reports them) and
//! `register check` / `stats` on an XML register.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tiepcan"))
        .args(args)
        .output()
        .unwrap()
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tiepcan-register-convert-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn bundled(ext: &str) -> String {
    format!(
        "{}/../../examples/data/register/so-theo-doi-2024.{ext}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn p(x: &Path) -> &str {
    x.to_str().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn csv_to_xml_to_json_gives_the_bundled_json() {
    let xml = tmp("so.xml");
    let o = run(&["register", "convert", &bundled("csv"), p(&xml)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(
            "(xml, 37 request(s)): 0 error(s), 0 warning(s), 0 note(s), 0 event(s) not written"
        ),
        "{}",
        stderr(&o)
    );
    let text = std::fs::read_to_string(&xml).unwrap();
    assert!(text.contains("<register xmlns=\"urn:tiepcan:register:1\">"));
    let json = tmp("so.json");
    let o = run(&["register", "convert", p(&xml), p(&json)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // The bundled JSON is the same register (core/tests/register_io.rs).
    let want = std::fs::read_to_string(bundled("json")).unwrap();
    assert_eq!(
        std::fs::read_to_string(&json).unwrap().trim_end(),
        want.trim_end()
    );
}

#[test]
fn check_and_stats_read_xml_like_csv() {
    let xml = tmp("check.xml");
    assert_eq!(
        run(&["register", "convert", &bundled("json"), p(&xml)])
            .status
            .code(),
        Some(0)
    );
    let check = |f: &str| {
        run(&[
            "register",
            "check",
            f,
            "--today",
            "2024-12-31",
            "--format",
            "csv",
        ])
    };
    let (a, b) = (check(&bundled("csv")), check(p(&xml)));
    // Exit 1: the bundled register has planted errors.
    assert_eq!((a.status.code(), b.status.code()), (Some(1), Some(1)));
    assert_eq!(a.stdout, b.stdout);
    assert!(String::from_utf8_lossy(&b.stdout)
        .contains("\n34/2024,electronic,in_progress,provided,2024-12-19,overdue\n"));
    let stats = |f: &str| {
        run(&[
            "register",
            "stats",
            f,
            "--from",
            "2024-01-01",
            "--to",
            "2024-12-31",
            "--format",
            "csv",
        ])
    };
    let (a, b) = (stats(&bundled("csv")), stats(p(&xml)));
    assert_eq!(b.status.code(), Some(0));
    assert_eq!(a.stdout, b.stdout);
    assert!(String::from_utf8_lossy(&b.stdout).contains("\nreceived,35\n"));
}

#[test]
fn reading_problems_are_reported_and_exit_1() {
    let input = tmp("bad.xml");
    std::fs::write(
        &input,
        "<register xmlns=\"urn:tiepcan:register:1\"><requests>\n\
         <request><id>1</id><channel>pigeon</channel></request>\n\
         <request><id>2</id><channel>fax</channel><events><received><date>2024-05-20</date></received></events></request>\n\
         </requests></register>",
    )
    .unwrap();
    let out = tmp("bad.json");
    let o = run(&["register", "convert", p(&input), p(&out)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("[R-CHANNEL]"), "{e}");
    assert!(e.contains("line 2"), "{e}");
    assert!(e.contains("(json, 1 request(s)): 1 error(s)"), "{e}");
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains("\"id\": \"2\""));
    // The same problem as `register check` reports it.
    let c = run(&["register", "check", p(&input), "--today", "2024-05-21"]);
    assert!(String::from_utf8_lossy(&c.stdout).contains("[R-CHANNEL]"));
    // JSON report.
    let o = run(&[
        "register",
        "convert",
        p(&input),
        p(&out),
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["requests"], 1);
    assert_eq!(v["diagnostics"][0]["rule"], "R-CHANNEL");
    assert_eq!(v["diagnostics"][0]["location"]["line"], 2);
}

#[test]
fn events_the_csv_layout_cannot_hold_are_listed_and_exit_1() {
    let input = tmp("two-ext.json");
    std::fs::write(
        &input,
        r#"{"requests": [{"id": "1", "channel": "postal", "events": [
            {"date": "2024-05-20", "kind": "received"},
            {"date": "2024-05-20", "kind": "valid"},
            {"date": "2024-05-22", "kind": "extended"},
            {"date": "2024-05-23", "kind": "extended"}]}]}"#,
    )
    .unwrap();
    let out = tmp("two-ext.csv");
    let o = run(&["register", "convert", p(&input), p(&out)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("not written: request 1: event extended of 2024-05-23"),
        "{}",
        stderr(&o)
    );
    // XML keeps both.
    let o = run(&["register", "convert", p(&input), "-", "--to", "xml"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout)
            .matches("<extended>")
            .count(),
        2
    );
}

#[test]
fn usage_errors_and_unreadable_input_exit_2_and_write_nothing() {
    let input = tmp("bomb.xml");
    std::fs::write(
        &input,
        "<!DOCTYPE r [<!ENTITY a \"aa\">]>\n<register xmlns=\"urn:tiepcan:register:1\"><requests/></register>",
    )
    .unwrap();
    let out = tmp("bomb.json");
    let o = run(&["register", "convert", p(&input), p(&out)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("bomb.xml:1:1: XML error: a DOCTYPE"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
    let o = run(&["register", "convert", &bundled("csv"), p(&tmp("x.txt"))]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--to json|xml|csv|xlsx"));
    let o = run(&["register", "convert", &bundled("csv"), "-"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["register", "check", p(&input), "--today", "2024-05-21"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&[
        "register",
        "convert",
        "/nonexistent/so.xml",
        p(&out),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&o.stderr).unwrap();
    assert!(v["error"].as_str().unwrap().contains("/nonexistent/so.xml"));
}

#[test]
fn xlsx_output_reads_back() {
    let out = tmp("so.xlsx");
    let o = run(&["register", "convert", &bundled("json"), p(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let back = tmp("so-back.xml");
    let o = run(&["register", "convert", p(&out), p(&back)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&back)
            .unwrap()
            .matches("<request>")
            .count(),
        37
    );
}
