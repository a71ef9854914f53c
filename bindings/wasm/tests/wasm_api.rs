//! The exported API, run in Node.js by wasm-bindgen-test-runner:
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//!  cargo test --target wasm32-unknown-unknown -p tiepcan-wasm`.
#![cfg(target_arch = "wasm32")]

include!("parity_cases.rs");

use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use tiepcan_wasm as api;

fn obj(v: &JsValue) -> Value {
    let s = js_sys::JSON::stringify(v).unwrap().as_string().unwrap();
    serde_json::from_str(&s).unwrap()
}

fn prop(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn request(r: &str, ch: &str, cx: &str) -> JsValue {
    js_sys::JSON::parse(&json!({"received": r, "channel": ch, "complexity": cx}).to_string())
        .unwrap()
}

#[wasm_bindgen_test]
fn same_results_as_native() {
    let fold: Vec<Value> = FOLD_INPUTS
        .iter()
        .map(|s| json!(api::fold_key(s)))
        .collect();
    let dates: Vec<Value> = DATE_INPUTS
        .iter()
        .map(|s| json!(api::parse_date(s).unwrap()))
        .collect();
    let spoken: Vec<Value> = DATE_INPUTS
        .iter()
        .map(|s| json!(api::spoken_date(s).unwrap()))
        .collect();
    let bad: Vec<Value> = BAD_DATES
        .iter()
        .map(|s| json!(api::parse_date(s).is_err()))
        .collect();
    let deadlines: Vec<Value> = DEADLINE_INPUTS
        .iter()
        .map(|(r, ch, cx)| {
            let s = obj(&api::compute_deadline(request(r, ch, cx)).unwrap());
            json!(s["milestones"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| json!({"kind": m["kind"], "due": m["due"], "skipped": m["skipped"].as_array().unwrap().len()}))
                .collect::<Vec<_>>())
        })
        .collect();
    let got = json!({"fold": fold, "dates": dates, "spoken": spoken, "bad_dates": bad, "deadlines": deadlines});
    let want: Value = serde_json::from_str(GOLDEN).unwrap();
    assert_eq!(got, want);
}

#[wasm_bindgen_test]
fn errors_are_js_errors_with_code_and_location() {
    let e = api::parse_catalog(
        JsValue::from_str("{\"kind\": \"disclosure\", \"items\": [}"),
        "json",
    )
    .unwrap_err();
    assert!(e.is_instance_of::<js_sys::Error>());
    assert_eq!(prop(&e, "code").as_string().unwrap(), "parse");
    let loc = obj(&prop(&e, "location"));
    assert_eq!(loc["line"], 1);
    assert!(loc["col"].as_u64().unwrap() > 0);

    let e = api::parse_catalog(JsValue::from_str("x"), "pdf").unwrap_err();
    assert_eq!(prop(&e, "code").as_string().unwrap(), "format");
    let e = api::parse_date("31/02/2026").unwrap_err();
    assert_eq!(prop(&e, "code").as_string().unwrap(), "date");
    let e = api::compute_deadline(request("2010-01-01", "postal", "simple")).unwrap_err();
    assert_eq!(prop(&e, "code").as_string().unwrap(), "deadline");
    let e = api::render_catalog(JsValue::from_str("{\"kind\":\"nope\"}"), JsValue::UNDEFINED)
        .unwrap_err();
    assert_eq!(prop(&e, "code").as_string().unwrap(), "input");
    assert!(prop(&e, "message").as_string().unwrap().contains("catalog"));
}

const CSV: &str = "\u{feff}STT,\"Tên văn bản, hồ sơ\",\"Số, ký hiệu\",Ngày tạo ra,Thuộc điểm (khoản 1 Điều 17),Đường dẫn\r\n1,Quyết định ban hành Quy chế,12/2026/QĐ-UBND,03/02/2026,k,https://x.example.gov.vn/a\r\n2,Báo cáo quyết toán,Số: /BC-UBND,31/02/2026,đ,Chi tiết\r\n";

#[wasm_bindgen_test]
fn csv_text_and_bytes_parse_alike_and_report_bad_rows() {
    let a = obj(&api::parse_catalog(JsValue::from_str(CSV), "csv").unwrap());
    let bytes = js_sys::Uint8Array::from(CSV.as_bytes());
    let b = obj(&api::parse_catalog(bytes.into(), "auto").unwrap());
    assert_eq!(a, b);
    assert_eq!(a["catalog"]["kind"], "disclosure");
    assert_eq!(a["catalog"]["items"][0]["created_on"], "2026-02-03");
    assert_eq!(a["catalog"]["items"][0]["art17_point"], "k");
    // 31/02/2026 is not a date: reported with its row (header = row 1), never rolled over.
    let diags = a["diagnostics"].as_array().unwrap();
    assert!(
        diags
            .iter()
            .any(|d| d["location"]["row"] == 3 && d["value"] == "31/02/2026"),
        "{diags:?}"
    );
}

#[wasm_bindgen_test]
fn validate_render_and_request_slip() {
    let parsed = api::parse_catalog(JsValue::from_str(CSV), "csv").unwrap();
    let catalog = prop(&parsed, "catalog");
    let opts = js_sys::JSON::parse("{\"today\":\"29/11/2026\"}").unwrap();
    let report = api::validate_catalog(catalog.clone(), opts).unwrap();
    let r = obj(&report);
    assert!(!r["diagnostics"].as_array().unwrap().is_empty());
    let html = api::render_report(report, JsValue::UNDEFINED).unwrap();
    assert!(html.contains("<a href=\"#tc-finding-1\">"));
    let table = api::render_catalog(catalog, JsValue::UNDEFINED).unwrap();
    assert!(table.contains("<th scope=\"col\" data-field=\"title\">Tên văn bản, hồ sơ</th>"));
    assert!(table.contains("ngày 3 tháng 2 năm 2026"));

    let slip = js_sys::JSON::parse("{\"full_name\":\"Nguyễn Văn A\",\"email\":\"a@b\"}").unwrap();
    let errs = obj(&api::check_request_slip(slip).unwrap());
    let fields: Vec<&str> = errs
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "residence",
            "id_number",
            "email",
            "information",
            "provision_form",
            "reason"
        ]
    );
}

#[wasm_bindgen_test]
fn calendar_queries() {
    // Tết 2025 (Công văn 8726/VPCP-KGVX): 27–31 Jan are days off.
    assert!(!api::is_working_day("2025-01-29").unwrap());
    assert!(api::is_working_day("2025-02-03").unwrap());
    assert_eq!(
        api::add_working_days("24/01/2025", 3).unwrap(),
        "2025-02-05"
    );
    assert_eq!(
        api::working_days_between("2025-01-24", "2025-02-05").unwrap(),
        3.0
    );
    let days = obj(&api::explain_days("2025-01-24", "2025-02-03").unwrap());
    assert_eq!(days.as_array().unwrap().len(), 9);
    assert!(!api::calendar_version().is_empty());
}
