//! `CatalogView` — the `<tiepcan-catalog>` `src` path (parse once, one index
//! call, render only the page's rows) — against the core. The wasm side runs
//! in Node.js with wasm-bindgen-test-runner (`scripts/ci/30-wasm.sh`), the
//! native side with the Rust suite; both compare with
//! `tests/catalog_view.json`, which `TIEPCAN_BLESS=1` rewrites on the
//! native side. Same input, same search keys (diacritic-, case- and
//! NFC/NFD-insensitive), points, dates and row markup in both builds.

use serde_json::{json, Value};

/// The browser tests' 12-item catalog.
const CATALOG_12: &str = include_str!("../test-browser/fixtures/catalog-12.json");
/// Sub-rows, NFD text, upper case, hostile text, a month and a year date, a
/// row in no section; and a conditional catalog.
const CATALOG_MIXED: &str = r#"{"kind": "disclosure", "items": [
  {"seq": "1", "title": "QUYE\u0302\u0301T ĐI\u0323NH ban hành", "section": "I. VĂN BẢN", "art17_point": "đ",
   "created_on": "2025-02", "number_symbol": {"raw": "12/2025/QĐ-UBND"},
   "children": [{"title": "Phụ lục <script>x</script>", "created_on": "2024"}]},
  {"seq": "2", "title": "Đầu mối cung cấp thông tin", "art17_point": "17(2)", "access_link": "javascript:alert(1)"}]}"#;
const CATALOG_CONDITIONAL: &str = r#"{"kind": "conditional", "items": [
  {"title": "Hồ sơ doanh nghiệp", "ground": "business_secret", "consent_status": "requested", "section": "A"},
  {"title": "Hồ sơ cá nhân", "created_on": "2023-05-06", "section": "B"}]}"#;
const CATALOGS: [&str; 3] = [CATALOG_12, CATALOG_MIXED, CATALOG_CONDITIONAL];
/// A page in another order than the table's (as after a sort).
const PAGE: [u32; 3] = [2, 0, 1];
const GOLDEN: &str = include_str!("catalog_view.json");

fn golden() -> Value {
    serde_json::from_str(GOLDEN).unwrap()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::*;
    use chrono::Datelike;
    use tiepcan::render::{self, RenderOptions, RowGrouping};

    fn compute() -> Value {
        let mut out = Vec::new();
        for text in CATALOGS {
            let c = tiepcan::io::json::read(text.as_bytes(), &Default::default())
                .unwrap()
                .catalog;
            let rows = render::catalog_row_data(&c);
            let page: Vec<usize> = PAGE.iter().map(|&r| r as usize).collect();
            out.push(json!({
                "keys": rows.iter().map(|r| r.key.clone()).collect::<Vec<_>>(),
                "point": rows.iter().map(|r| r.point.map_or(255, |p| p as u8)).collect::<Vec<_>>(),
                "date": rows.iter().map(|r| r.date.map_or(0, |d| {
                    let f = d.first_day();
                    f.year() * 10000 + f.month() as i32 * 100 + f.day() as i32
                })).collect::<Vec<_>>(),
                "year": rows.iter().map(|r| r.date.map_or(0, |d| d.year())).collect::<Vec<_>>(),
                "child": rows.iter().map(|r| u8::from(r.child)).collect::<Vec<_>>(),
                "title": rows.iter().map(|r| r.title).collect::<Vec<_>>(),
                "number_symbol": rows.iter().map(|r| r.number_symbol).collect::<Vec<_>>(),
                "rows_flat": render::render_catalog_rows(&c, &page, RowGrouping::Flat),
                "rows_sections": render::render_catalog_rows(&c, &[0, 1], RowGrouping::Sections),
                "page": render::render_catalog_page(&c, &RenderOptions { id_prefix: "v".into(), ..Default::default() }, &[1], RowGrouping::Sections),
            }));
        }
        json!({ "catalogs": out })
    }

    #[test]
    fn native_results_match_the_golden_file() {
        let got = compute();
        if std::env::var_os("TIEPCAN_BLESS").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/catalog_view.json");
            std::fs::write(path, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
        }
        let want = golden();
        assert_eq!(got, want);
        // Values with their source: the browser test's search "quyet dinh"
        // finds the NFD, upper-case title; point đ is the 5th point of
        // Art. 17(1) (legal order 4); a month date's first day.
        let mixed = &want["catalogs"][1];
        assert_eq!(
            mixed["keys"][0],
            "quyet dinh ban hanh 12/2025/qd-ubnd i. van ban"
        );
        assert_eq!(mixed["point"][0], 4);
        assert_eq!(mixed["date"][0], 20250201);
        assert_eq!(mixed["child"], json!([0, 1, 0]));
        assert!(mixed["rows_flat"]
            .as_str()
            .unwrap()
            .contains("Phụ lục &lt;script&gt;x&lt;/script&gt;"));
    }
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use super::*;
    use tiepcan_wasm::CatalogView;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_test::wasm_bindgen_test;

    fn prop(v: &JsValue, key: &str) -> JsValue {
        js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap()
    }

    fn obj(v: &JsValue) -> Value {
        let s = js_sys::JSON::stringify(v).unwrap().as_string().unwrap();
        serde_json::from_str(&s).unwrap()
    }

    fn options(prefix: &str) -> JsValue {
        js_sys::JSON::parse(&json!({ "id_prefix": prefix }).to_string()).unwrap()
    }

    #[wasm_bindgen_test]
    fn same_results_as_native() {
        let mut out = Vec::new();
        for (i, text) in CATALOGS.iter().enumerate() {
            // Text for two catalogs, UTF-8 bytes for the third (the src path).
            let input = if i == 1 {
                js_sys::Uint8Array::from(text.as_bytes()).into()
            } else {
                JsValue::from_str(text)
            };
            let v = CatalogView::new(input).unwrap();
            let ix = v.index();
            let n = prop(&ix, "length").as_f64().unwrap() as usize;
            let keys: Vec<String> = prop(&ix, "keys")
                .as_string()
                .unwrap()
                .split('\n')
                .map(String::from)
                .collect();
            assert_eq!(keys.len(), n);
            let codes = obj(&prop(&ix, "pointCodes"));
            assert_eq!(codes[4], "đ");
            assert_eq!(codes[15], "17(2)");
            let texts = obj(&v.sort_texts().unwrap());
            out.push(json!({
                "keys": keys,
                "point": js_sys::Uint8Array::new(&prop(&ix, "point")).to_vec(),
                "date": js_sys::Uint32Array::new(&prop(&ix, "date")).to_vec(),
                "year": js_sys::Int32Array::new(&prop(&ix, "year")).to_vec(),
                "child": js_sys::Uint8Array::new(&prop(&ix, "child")).to_vec(),
                "title": texts["title"],
                "number_symbol": texts["number_symbol"],
                "rows_flat": v.render_rows(&PAGE, "flat").unwrap(),
                "rows_sections": v.render_rows(&[0, 1], "sections").unwrap(),
                "page": v.render_page(&[1], "sections", options("v")).unwrap(),
            }));
        }
        assert_eq!(json!({ "catalogs": out }), golden());
    }

    #[wasm_bindgen_test]
    fn rows_match_the_full_render() {
        let v = CatalogView::new(JsValue::from_str(CATALOG_12)).unwrap();
        let full = tiepcan_wasm::render_catalog_json(CATALOG_12, options("v")).unwrap();
        let all: Vec<u32> = (0..12).collect();
        assert_eq!(v.render_page(&all, "sections", options("v")).unwrap(), full);
        // Positions past the end are skipped.
        assert_eq!(
            v.render_rows(&[40, 3], "flat").unwrap(),
            v.render_rows(&[3], "flat").unwrap()
        );
    }

    #[wasm_bindgen_test]
    fn errors_are_js_errors_with_code_and_location() {
        let code = |e: &JsValue| prop(e, "code").as_string().unwrap();
        let e = CatalogView::new(JsValue::from_str(
            "{\"kind\": \"disclosure\", \"items\": [}",
        ))
        .err()
        .unwrap();
        assert!(e.is_instance_of::<js_sys::Error>());
        assert_eq!(code(&e), "parse");
        assert_eq!(obj(&prop(&e, "location"))["line"], 1);
        let e = CatalogView::new(JsValue::from_str(
            r#"{"kind": "disclosure", "items": [{"title": "x", "created_on": "31/02/2026"}]}"#,
        ))
        .err()
        .unwrap();
        assert_eq!(code(&e), "parse");
        assert_eq!(obj(&prop(&e, "location"))["pointer"], "/items/0/created_on");
        let e = CatalogView::new(JsValue::from_f64(5.0)).err().unwrap();
        assert_eq!(code(&e), "input");
        let v = CatalogView::new(JsValue::from_str(CATALOG_12)).unwrap();
        assert_eq!(code(&v.render_rows(&[0], "sorted").unwrap_err()), "input");
    }
}
