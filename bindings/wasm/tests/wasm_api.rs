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

// The plain-argument exports (src/plain.rs) the web components call: in both
// modules; the serde-based ones they replace are only in the full module.

#[wasm_bindgen_test]
fn deadline_view_plain_same_dates_as_native() {
    let opts = js_sys::JSON::parse("{\"id_prefix\":\"kq\",\"heading_level\":3}").unwrap();
    let deadlines: Vec<Value> = DEADLINE_INPUTS
        .iter()
        .map(|(r, ch, cx)| {
            let view = api::deadline_view_plain(r, ch, cx, opts.clone()).unwrap();
            let s = obj(&prop(&view, "schedule"));
            // The same object as the serde path gives.
            assert_eq!(s, obj(&api::compute_deadline(request(r, ch, cx)).unwrap()));
            assert!(prop(&view, "html")
                .as_string()
                .unwrap()
                .contains("class=\"tc-deadline-list\""));
            json!(s["milestones"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| json!({"kind": m["kind"], "due": m["due"], "skipped": m["skipped"].as_array().unwrap().len()}))
                .collect::<Vec<_>>())
        })
        .collect();
    let want: Value = serde_json::from_str(GOLDEN).unwrap();
    assert_eq!(Value::from(deadlines), want["deadlines"]);
    // The core's doc example (Law 104/2016/QH13 Art. 31(2); Tết 2025 skipped),
    // day first as a person types it.
    let view =
        api::deadline_view_plain("24/01/2025", "postal", "complex", JsValue::UNDEFINED).unwrap();
    let s = obj(&prop(&view, "schedule"));
    assert_eq!(s["milestones"][1]["kind"], "provide_or_refuse");
    assert_eq!(s["milestones"][1]["due"], "2025-02-21");
    assert_eq!(
        s["milestones"][1]["limit"],
        json!({"value": 15, "unit": "working_days"})
    );
    assert_eq!(s["milestones"][1]["citation"]["instrument"], "law104");
}

#[wasm_bindgen_test]
fn deadline_view_plain_errors() {
    let code = |e: JsValue| {
        assert!(e.is_instance_of::<js_sys::Error>());
        prop(&e, "code").as_string().unwrap()
    };
    let none = || JsValue::UNDEFINED;
    assert_eq!(
        code(api::deadline_view_plain("2010-01-01", "postal", "simple", none()).unwrap_err()),
        "deadline"
    );
    assert_eq!(
        code(api::deadline_view_plain("31/02/2026", "postal", "simple", none()).unwrap_err()),
        "date"
    );
    assert_eq!(
        code(api::deadline_view_plain("2026-02", "postal", "simple", none()).unwrap_err()),
        "date"
    );
    assert_eq!(
        code(api::deadline_view_plain("2026-02-03", "pigeon", "simple", none()).unwrap_err()),
        "input"
    );
    assert_eq!(
        code(api::deadline_view_plain("2026-02-03", "postal", "hard", none()).unwrap_err()),
        "input"
    );
    let bad = js_sys::JSON::parse("{\"heading_level\":\"3\"}").unwrap();
    let e = api::deadline_view_plain("2026-02-03", "postal", "simple", bad).unwrap_err();
    assert_eq!(code(e.clone()), "input");
    assert!(prop(&e, "message")
        .as_string()
        .unwrap()
        .contains("heading_level"));
}

#[wasm_bindgen_test]
fn request_slip_plain() {
    let slip = js_sys::JSON::parse("{\"full_name\":\"Nguyễn Văn A\",\"email\":\"a@b\"}").unwrap();
    let errs = obj(&api::check_request_slip_plain(slip.clone()).unwrap());
    assert_eq!(errs, obj(&api::check_request_slip(slip.clone()).unwrap()));
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
    assert_eq!(errs[0]["message"]["vi"], "Nhập nơi cư trú, địa chỉ");
    let opts =
        js_sys::JSON::parse("{\"id_prefix\":\"phieu\",\"form_action\":\"/yeu-cau\"}").unwrap();
    let html = api::render_request_form_plain(slip.clone(), true, opts.clone()).unwrap();
    assert!(html.contains("Có 6 lỗi cần sửa"), "{html}");
    assert!(html.contains("value=\"Nguyễn Văn A\""));
    assert!(html.contains("action=\"/yeu-cau\""));
    let blank = api::render_request_form_plain(JsValue::UNDEFINED, false, opts).unwrap();
    assert!(!blank.contains("tc-error-summary"));
    let e =
        api::check_request_slip_plain(js_sys::JSON::parse("{\"phone\":3}").unwrap()).unwrap_err();
    assert_eq!(prop(&e, "code").as_string().unwrap(), "input");
    assert!(prop(&e, "message").as_string().unwrap().contains("phone"));
}

#[wasm_bindgen_test]
fn render_options_read_by_hand() {
    let form = |o: &str| api::render_deadline_form(js_sys::JSON::parse(o).unwrap());
    let html = form("{\"id_prefix\":\"han\",\"heading_level\":3}").unwrap();
    assert!(html.contains("id=\"han-received\""), "{html}");
    assert!(html.contains("<h3"));
    // JSON text and the defaults (`tc`, level 2).
    let text = api::render_deadline_form(JsValue::from_str(
        "{\"id_prefix\":\"han\",\"heading_level\":3}",
    ))
    .unwrap();
    assert_eq!(text, html);
    assert!(api::render_deadline_form(JsValue::UNDEFINED)
        .unwrap()
        .contains("id=\"tc-received\""));
    for bad in [
        "{\"heading_level\":2.5}",
        "{\"heading_level\":-1}",
        "{\"id_prefix\":null}",
        "[1]",
        "3",
    ] {
        let e = form(bad).unwrap_err();
        assert_eq!(prop(&e, "code").as_string().unwrap(), "input", "{bad}");
    }
    let e = api::render_deadline_form(JsValue::from_str("{nope")).unwrap_err();
    assert_eq!(prop(&e, "code").as_string().unwrap(), "input");
}
