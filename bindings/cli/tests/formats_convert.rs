//! `tiepcan convert`: formats by extension, exit codes 0/1/2, reports.

use std::path::PathBuf;
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tiepcan"))
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tiepcan-convert-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

const CATALOG: &str = r#"{
  "kind": "disclosure",
  "agency": {"name": "Ủy ban nhân dân xã An Hòa", "code": "000.00.00.H49"},
  "title": "DANH MỤC THÔNG TIN PHẢI ĐƯỢC CÔNG KHAI",
  "items": [
    {"seq": "1", "title": "Dự toán ngân sách xã năm 2026", "created_on": "2026-01",
     "art17_point": "đ", "disclosure_forms": ["portal", "posting"],
     "access_link": "https://anhoa.example.vn/du-toan-2026.pdf",
     "extra": {"Đơn vị chủ trì": "Văn phòng"}}
  ]
}"#;

#[test]
fn json_to_xml_and_back_is_identical() {
    let input = tmp("in.json");
    std::fs::write(&input, CATALOG).unwrap();
    let xml = tmp("out.xml");
    let o = run(&["convert", input.to_str().unwrap(), xml.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("(xml, 1 item(s)): 0 error(s)"), "{stderr}");
    let text = std::fs::read_to_string(&xml).unwrap();
    assert!(text.contains("<art17_point>đ</art17_point>"));
    let back = tmp("back.json");
    let o = run(&["convert", xml.to_str().unwrap(), back.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let a: serde_json::Value = serde_json::from_str(CATALOG).unwrap();
    let a: tiepcan::model::Catalog = serde_json::from_value(a).unwrap();
    let b: tiepcan::model::Catalog =
        serde_json::from_str(&std::fs::read_to_string(&back).unwrap()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn every_output_format() {
    let input = tmp("all.json");
    std::fs::write(&input, CATALOG).unwrap();
    for (name, check) in [
        ("o.csv", "STT,\"Tên văn bản, hồ sơ\","),
        ("o.rdf", "<dcat:Catalog"),
        ("o.ckan.json", "\"name\": \"000-00-00-h49-1\""),
    ] {
        let out = tmp(name);
        let o = run(&["convert", input.to_str().unwrap(), out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{name}");
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(
            text.starts_with(check) || text.contains(check),
            "{name}: {text}"
        );
    }
    // To standard output with --to.
    let o = run(&["convert", input.to_str().unwrap(), "-", "--to", "xml"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("<?xml"));
}

#[test]
fn reading_errors_give_exit_1_with_output_and_a_json_report() {
    let input = tmp("bad-date.xml");
    std::fs::write(
        &input,
        "<disclosure_catalog xmlns=\"urn:tiepcan:catalog:1\"><items>\n<item><title>A</title><created_on>31/02/2019</created_on></item></items></disclosure_catalog>",
    )
    .unwrap();
    let out = tmp("bad-date.json");
    let o = run(&[
        "convert",
        input.to_str().unwrap(),
        out.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["summary"]["errors"], 1);
    let d = &report["diagnostics"][0];
    assert_eq!(d["rule"], "R-READ-DATE");
    assert_eq!(d["location"]["line"], 2);
    assert_eq!(d["location"]["pointer"], "/items/0/created_on");
    // The value is kept in the output.
    let c: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(c["items"][0]["unparsed"]["created_on"], "31/02/2019");
}

#[test]
fn unreadable_input_and_usage_errors_give_exit_2() {
    let input = tmp("broken.xml");
    std::fs::write(
        &input,
        "<!DOCTYPE x [<!ENTITY a \"b\">]>\n<disclosure_catalog/>",
    )
    .unwrap();
    let out = tmp("never.json");
    let o = run(&["convert", input.to_str().unwrap(), out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("line 1, column 1"), "{err}");
    assert!(!out.exists(), "nothing is written");

    let o = run(&["convert", "/nonexistent/x.json", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));

    let json = tmp("ok.json");
    std::fs::write(&json, CATALOG).unwrap();
    let o = run(&[
        "convert",
        json.to_str().unwrap(),
        tmp("x.unknown").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--to"));

    let o = run(&["convert", json.to_str().unwrap(), "-", "--to", "yaml"]);
    assert_eq!(o.status.code(), Some(2), "clap usage error");

    let cond = tmp("cond.json");
    std::fs::write(
        &cond,
        r#"{"kind":"conditional","items":[{"title":"Hồ sơ"}]}"#,
    )
    .unwrap();
    let o = run(&[
        "convert",
        cond.to_str().unwrap(),
        tmp("c.rdf").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("disclosure catalog"));
}
