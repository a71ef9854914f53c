//! `CatalogView.fromObject(JSON.parse(text))` — the components' catalog read
//! without serde (`src/catalog_object.rs`) — against the core's
//! `tiepcan::io::json::read_one_pass` and the full reader
//! (`new CatalogView(text)`), in Node.js (wasm-bindgen-test-runner, full
//! feature: both constructors). For every bundled JSON catalog (the demo's,
//! the browser fixture, the fuzz seeds), the CSV catalogs written as
//! tiepcan's JSON, and variants (no kind, bad dates, unknown keys, wrong
//! types, nesting, every code): `fromObject` declines exactly when
//! `read_one_pass` declines (code `needs-full-reader`), else it gives the
//! same `index()`, `sortTexts()` and rendered HTML as `new CatalogView`.
//! The documented differences are listed per case: a repeated key
//! (`JSON.parse` keeps the last; the full reader too: same views as the full
//! reader), and shapes serde reads that tiepcan never writes, which
//! `fromObject` declines (safe: the full reader reads them).
#![cfg(target_arch = "wasm32")]

use serde_json::{json, Value};
use tiepcan::io::ReadOptions;
use tiepcan_wasm::CatalogView;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const JSON_FILES: &[(&str, &[u8])] = &[
    (
        "examples/web/catalog.json",
        include_bytes!("../../../examples/web/catalog.json"),
    ),
    (
        "bindings/wasm/test-browser/fixtures/catalog-12.json",
        include_bytes!("../../../bindings/wasm/test-browser/fixtures/catalog-12.json"),
    ),
    (
        "fuzz/seeds/json_catalog/0211a541794885c1976612289544fc1d8cda9362",
        include_bytes!("../../../fuzz/seeds/json_catalog/0211a541794885c1976612289544fc1d8cda9362"),
    ),
    (
        "fuzz/seeds/json_catalog/0f372232cb3bf4adc62430ef275d78a790edd097",
        include_bytes!("../../../fuzz/seeds/json_catalog/0f372232cb3bf4adc62430ef275d78a790edd097"),
    ),
    (
        "fuzz/seeds/json_catalog/10de1524d300b80d48f32fdca19f1883a27494b1",
        include_bytes!("../../../fuzz/seeds/json_catalog/10de1524d300b80d48f32fdca19f1883a27494b1"),
    ),
    (
        "fuzz/seeds/json_catalog/16fd147dce49b699ee988cf494b7703e0046b0fe",
        include_bytes!("../../../fuzz/seeds/json_catalog/16fd147dce49b699ee988cf494b7703e0046b0fe"),
    ),
    (
        "fuzz/seeds/json_catalog/1cf0b5427f92fe752be667e657714b232db54688",
        include_bytes!("../../../fuzz/seeds/json_catalog/1cf0b5427f92fe752be667e657714b232db54688"),
    ),
    (
        "fuzz/seeds/json_catalog/1d94d5e9bde50726abad6ed9bfb4ee4ea612d2c1",
        include_bytes!("../../../fuzz/seeds/json_catalog/1d94d5e9bde50726abad6ed9bfb4ee4ea612d2c1"),
    ),
    (
        "fuzz/seeds/json_catalog/2074a07f2d33bedbd2e8dc8e1e55b57951df6906",
        include_bytes!("../../../fuzz/seeds/json_catalog/2074a07f2d33bedbd2e8dc8e1e55b57951df6906"),
    ),
    (
        "fuzz/seeds/json_catalog/21d93a21148b288b6fc091c7299aa9a0fbd892d3",
        include_bytes!("../../../fuzz/seeds/json_catalog/21d93a21148b288b6fc091c7299aa9a0fbd892d3"),
    ),
    (
        "fuzz/seeds/json_catalog/232f63f0818c88871da537ae74ba5b10ef5fe2cd",
        include_bytes!("../../../fuzz/seeds/json_catalog/232f63f0818c88871da537ae74ba5b10ef5fe2cd"),
    ),
    (
        "fuzz/seeds/json_catalog/26593e376a6459bf6c8147838a9e850a4e6e94de",
        include_bytes!("../../../fuzz/seeds/json_catalog/26593e376a6459bf6c8147838a9e850a4e6e94de"),
    ),
    (
        "fuzz/seeds/json_catalog/282b0520849c4789d33679047c1c359a0169893a",
        include_bytes!("../../../fuzz/seeds/json_catalog/282b0520849c4789d33679047c1c359a0169893a"),
    ),
    (
        "fuzz/seeds/json_catalog/2affed71b29262e655cdbe80767da11a7446de1c",
        include_bytes!("../../../fuzz/seeds/json_catalog/2affed71b29262e655cdbe80767da11a7446de1c"),
    ),
    (
        "fuzz/seeds/json_catalog/2c80af6a87f66812c81ce543fa87ae8c73b3b61d",
        include_bytes!("../../../fuzz/seeds/json_catalog/2c80af6a87f66812c81ce543fa87ae8c73b3b61d"),
    ),
    (
        "fuzz/seeds/json_catalog/2f99c06b85bbd55ff8a8516ae642d3cb809656e2",
        include_bytes!("../../../fuzz/seeds/json_catalog/2f99c06b85bbd55ff8a8516ae642d3cb809656e2"),
    ),
    (
        "fuzz/seeds/json_catalog/2fac0b74b5a58b8c9091da4dc29f2e1f0ff929b6",
        include_bytes!("../../../fuzz/seeds/json_catalog/2fac0b74b5a58b8c9091da4dc29f2e1f0ff929b6"),
    ),
    (
        "fuzz/seeds/json_catalog/3520e6b45ac7c2cfb44aba073f889deb459fd049",
        include_bytes!("../../../fuzz/seeds/json_catalog/3520e6b45ac7c2cfb44aba073f889deb459fd049"),
    ),
    (
        "fuzz/seeds/json_catalog/485cd6691ad9957829c431b01b4df63c3b4a1131",
        include_bytes!("../../../fuzz/seeds/json_catalog/485cd6691ad9957829c431b01b4df63c3b4a1131"),
    ),
    (
        "fuzz/seeds/json_catalog/5a67b7225ba32b9d37496754b1d3205bebe35a87",
        include_bytes!("../../../fuzz/seeds/json_catalog/5a67b7225ba32b9d37496754b1d3205bebe35a87"),
    ),
    (
        "fuzz/seeds/json_catalog/5f3e163e65785886e5ac07eba3d9697c8e21fe2e",
        include_bytes!("../../../fuzz/seeds/json_catalog/5f3e163e65785886e5ac07eba3d9697c8e21fe2e"),
    ),
    (
        "fuzz/seeds/json_catalog/60816b191d35c643a3b5d301104f2605f31a42af",
        include_bytes!("../../../fuzz/seeds/json_catalog/60816b191d35c643a3b5d301104f2605f31a42af"),
    ),
    (
        "fuzz/seeds/json_catalog/656c316636d0c2fab418ca92a5283b63cbdc83e9",
        include_bytes!("../../../fuzz/seeds/json_catalog/656c316636d0c2fab418ca92a5283b63cbdc83e9"),
    ),
    (
        "fuzz/seeds/json_catalog/678f3fd436344fb770655f607d6ddf02a0ec66c8",
        include_bytes!("../../../fuzz/seeds/json_catalog/678f3fd436344fb770655f607d6ddf02a0ec66c8"),
    ),
    (
        "fuzz/seeds/json_catalog/73b711729ad1191a396b7473b511de95c7d0e3e0",
        include_bytes!("../../../fuzz/seeds/json_catalog/73b711729ad1191a396b7473b511de95c7d0e3e0"),
    ),
    (
        "fuzz/seeds/json_catalog/85f961006721532567da2667945d785f67f80cb0",
        include_bytes!("../../../fuzz/seeds/json_catalog/85f961006721532567da2667945d785f67f80cb0"),
    ),
    (
        "fuzz/seeds/json_catalog/91cf85e081855aaf37a9d8d0c1ad1d16910b0894",
        include_bytes!("../../../fuzz/seeds/json_catalog/91cf85e081855aaf37a9d8d0c1ad1d16910b0894"),
    ),
    (
        "fuzz/seeds/json_catalog/9b3f5d76725cf2956b7af8f916cbee7b7253ab7f",
        include_bytes!("../../../fuzz/seeds/json_catalog/9b3f5d76725cf2956b7af8f916cbee7b7253ab7f"),
    ),
    (
        "fuzz/seeds/json_catalog/9d38ae3009659e7d3cbfd53a7eb8cebcab89aed5",
        include_bytes!("../../../fuzz/seeds/json_catalog/9d38ae3009659e7d3cbfd53a7eb8cebcab89aed5"),
    ),
    (
        "fuzz/seeds/json_catalog/9ea0d580dfa547856d33c029503219afe894b5b9",
        include_bytes!("../../../fuzz/seeds/json_catalog/9ea0d580dfa547856d33c029503219afe894b5b9"),
    ),
    (
        "fuzz/seeds/json_catalog/a97cb5c3f92b3803c6e09d913714289bf1fc4c1c",
        include_bytes!("../../../fuzz/seeds/json_catalog/a97cb5c3f92b3803c6e09d913714289bf1fc4c1c"),
    ),
    (
        "fuzz/seeds/json_catalog/ac79d0a33b101c9ae7374b41b26946cd433b5307",
        include_bytes!("../../../fuzz/seeds/json_catalog/ac79d0a33b101c9ae7374b41b26946cd433b5307"),
    ),
    (
        "fuzz/seeds/json_catalog/b27e55b7bd68c71b5ec4850fc9a624f20166138c",
        include_bytes!("../../../fuzz/seeds/json_catalog/b27e55b7bd68c71b5ec4850fc9a624f20166138c"),
    ),
    (
        "fuzz/seeds/json_catalog/b2b60fa8c86146ec8ee6087d30b9a443e441b9a9",
        include_bytes!("../../../fuzz/seeds/json_catalog/b2b60fa8c86146ec8ee6087d30b9a443e441b9a9"),
    ),
    (
        "fuzz/seeds/json_catalog/b2f268a4a484e45e941e9b1a5f9b5b59bd587891",
        include_bytes!("../../../fuzz/seeds/json_catalog/b2f268a4a484e45e941e9b1a5f9b5b59bd587891"),
    ),
    (
        "fuzz/seeds/json_catalog/b9ace4b23d18efa68381be5b0155e6f3a87f32f6",
        include_bytes!("../../../fuzz/seeds/json_catalog/b9ace4b23d18efa68381be5b0155e6f3a87f32f6"),
    ),
    (
        "fuzz/seeds/json_catalog/b9ad7e8502019d3125d438a1c86dcf9ed203ab57",
        include_bytes!("../../../fuzz/seeds/json_catalog/b9ad7e8502019d3125d438a1c86dcf9ed203ab57"),
    ),
    (
        "fuzz/seeds/json_catalog/d65f2691eae4b1bec9760beaf2e471c3db4ff619",
        include_bytes!("../../../fuzz/seeds/json_catalog/d65f2691eae4b1bec9760beaf2e471c3db4ff619"),
    ),
    (
        "fuzz/seeds/json_catalog/d88a03751a4d317d2cac951b6c8933966cc2f053",
        include_bytes!("../../../fuzz/seeds/json_catalog/d88a03751a4d317d2cac951b6c8933966cc2f053"),
    ),
    (
        "fuzz/seeds/json_catalog/e3be2e47faf64e9871628b5a31b00a01969c8bcf",
        include_bytes!("../../../fuzz/seeds/json_catalog/e3be2e47faf64e9871628b5a31b00a01969c8bcf"),
    ),
    (
        "fuzz/seeds/json_catalog/e902230f6ab86cb36744042b2c7864bfcffb06e5",
        include_bytes!("../../../fuzz/seeds/json_catalog/e902230f6ab86cb36744042b2c7864bfcffb06e5"),
    ),
    (
        "fuzz/seeds/json_catalog/edd88fcf1b943091291f9c530d182cfabcf3f002",
        include_bytes!("../../../fuzz/seeds/json_catalog/edd88fcf1b943091291f9c530d182cfabcf3f002"),
    ),
    (
        "fuzz/seeds/json_catalog/small.json",
        include_bytes!("../../../fuzz/seeds/json_catalog/small.json"),
    ),
];

const CSV_FILES: &[(&str, &[u8])] = &[
    (
        "core/tests/data/catalogs/an-hoa-sample.csv",
        include_bytes!("../../../core/tests/data/catalogs/an-hoa-sample.csv"),
    ),
    (
        "core/tests/data/catalogs/thoai-son-an-giang.csv",
        include_bytes!("../../../core/tests/data/catalogs/thoai-son-an-giang.csv"),
    ),
    (
        "examples/data/an-hoa-sample.csv",
        include_bytes!("../../../examples/data/an-hoa-sample.csv"),
    ),
    (
        "examples/data/thoai-son-an-giang.csv",
        include_bytes!("../../../examples/data/thoai-son-an-giang.csv"),
    ),
];

/// What a case expects of `fromObject` besides "same as read_one_pass".
#[derive(Clone, Copy, PartialEq, Debug)]
enum Expect {
    /// Declines exactly when read_one_pass declines; else the same views.
    Same,
    /// A repeated key, or "kind" after "items": read_one_pass declines
    /// (a streaming reader), fromObject reads the whole object as the full
    /// reader does (the last of repeated keys): the full reader's views.
    LastWins,
    /// read_one_pass reads it, fromObject declines (the full reader reads it).
    Declines,
}

fn stringify(v: &JsValue) -> String {
    js_sys::JSON::stringify(v).unwrap().as_string().unwrap()
}

/// Everything the component asks of a view, as one JSON value.
fn views(v: &CatalogView) -> Value {
    let ix = v.index();
    let n = js_sys::Reflect::get(&ix, &"length".into())
        .unwrap()
        .as_f64()
        .unwrap() as u32;
    let all: Vec<u32> = (0..n).collect();
    let rev: Vec<u32> = (0..n).rev().collect();
    let opts = js_sys::JSON::parse(r#"{"id_prefix": "t"}"#).unwrap();
    json!({
        "index": stringify(&ix),
        "sortTexts": stringify(&v.sort_texts().unwrap()),
        "page": v.render_page(&all, "sections", opts.clone()).unwrap(),
        "first": v.render_page(&all[..all.len().min(3)], "flat", opts).unwrap(),
        "rows": v.render_rows(&rev, "flat").unwrap(),
        "sections": v.render_rows(&all, "sections").unwrap(),
    })
}

/// `packJson` of `js/core.js`, over the same JS value: tags, lengths,
/// numbers and the strings' UTF-16 units, in pre-order.
fn pack(
    v: &JsValue,
    tags: &mut Vec<u8>,
    lens: &mut Vec<u32>,
    nums: &mut Vec<f64>,
    text: &mut Vec<u16>,
) {
    use wasm_bindgen::JsCast;
    fn string(s: &js_sys::JsString, tags: &mut Vec<u8>, lens: &mut Vec<u32>, text: &mut Vec<u16>) {
        tags.push(4);
        lens.push(s.length());
        text.extend(s.iter());
    }
    if v.is_null() {
        tags.push(0);
    } else if let Some(b) = v.as_bool() {
        tags.push(if b { 2 } else { 1 });
    } else if let Some(x) = v.as_f64() {
        tags.push(3);
        nums.push(x);
    } else if v.is_string() {
        string(v.unchecked_ref(), tags, lens, text);
    } else if js_sys::Array::is_array(v) {
        let a: &js_sys::Array = v.unchecked_ref();
        tags.push(5);
        lens.push(a.length());
        for x in a.iter() {
            pack(&x, tags, lens, nums, text);
        }
    } else {
        let o: &js_sys::Object = v.unchecked_ref();
        let keys = js_sys::Object::keys(o);
        tags.push(6);
        lens.push(keys.length());
        for k in keys.iter() {
            string(k.unchecked_ref(), tags, lens, text);
            pack(
                &js_sys::Reflect::get(o, &k).unwrap(),
                tags,
                lens,
                nums,
                text,
            );
        }
    }
}

/// `catalogViewFromObject` of `js/core.js`: packed, then `fromParts`; a
/// lone surrogate anywhere declines.
fn from_object(v: &JsValue, byte_length: Option<f64>) -> Result<CatalogView, JsValue> {
    let (mut tags, mut lens, mut nums, mut text) = (vec![], vec![], vec![], vec![]);
    pack(v, &mut tags, &mut lens, &mut nums, &mut text);
    let Ok(text) = String::from_utf16(&text) else {
        let e = js_sys::Error::new("lone surrogate");
        js_sys::Reflect::set(&e, &"code".into(), &"needs-full-reader".into()).unwrap();
        return Err(e.into());
    };
    CatalogView::from_parts(&tags, &lens, &nums, &text, byte_length)
}

/// Runs one case; returns whether fromObject accepted.
fn check(name: &str, text: &str, expect: Expect) -> bool {
    let opts = ReadOptions::default();
    let one = tiepcan::io::json::read_one_pass(text.as_bytes(), &opts);
    let parsed = js_sys::JSON::parse(text);
    let from = match parsed {
        Err(_) => {
            assert!(
                one.is_err(),
                "{name}: JSON.parse throws, read_one_pass reads it"
            );
            return false;
        }
        Ok(obj) => from_object(&obj, Some(text.len() as f64)),
    };
    let from = match from {
        Err(e) => {
            let code = js_sys::Reflect::get(&e, &"code".into()).unwrap();
            assert_eq!(
                code.as_string().as_deref(),
                Some("needs-full-reader"),
                "{name}"
            );
            match expect {
                Expect::Declines => assert!(
                    one.is_ok(),
                    "{name}: read_one_pass declines too; not a Declines case"
                ),
                _ => assert!(
                    one.is_err(),
                    "{name}: fromObject declines what read_one_pass reads: {}",
                    stringify(&e)
                ),
            }
            return false;
        }
        Ok(v) => v,
    };
    match expect {
        Expect::Same => assert!(
            one.is_ok(),
            "{name}: fromObject reads what read_one_pass declines ({:?})",
            one.err()
        ),
        Expect::LastWins => assert!(one.is_err(), "{name}: read_one_pass reads it"),
        Expect::Declines => panic!("{name}: fromObject reads it"),
    }
    // The full reader (what the fallback shows) gives the same views.
    let full = CatalogView::new(JsValue::from_str(text))
        .unwrap_or_else(|e| panic!("{name}: {}", stringify(&e)));
    assert_eq!(views(&from), views(&full), "{name}");
    true
}

#[wasm_bindgen_test]
fn every_bundled_json_catalog() {
    let mut read = 0;
    for (name, bytes) in JSON_FILES {
        let text = String::from_utf8_lossy(bytes);
        if check(name, &text, Expect::Same) {
            read += 1;
        }
    }
    wasm_bindgen_test::console_log!(
        "bundled JSON: {read} of {} read by fromObject",
        JSON_FILES.len()
    );
    // The demo's catalog and the 12-item fixture at least.
    assert!(read >= 2, "{read}");
}

#[wasm_bindgen_test]
fn every_csv_catalog_written_as_json() {
    for (name, bytes) in CSV_FILES {
        let o = tiepcan::io::read_catalog_bytes(
            bytes,
            tiepcan::io::Format::Csv,
            &ReadOptions::default(),
        )
        .unwrap();
        let text = serde_json::to_string(&o.catalog).unwrap();
        assert!(check(name, &text, Expect::Same), "{name}");
        let pretty = serde_json::to_string_pretty(&o.catalog).unwrap();
        assert!(check(name, &pretty, Expect::Same), "{name}");
    }
}

/// An entry with every field of the disclosure model.
fn full_item() -> Value {
    json!({
        "seq": "1", "title": "Quye\u{0302}\u{0301}t định <b>x</b>",
        "number_symbol": {"raw": "13/2018/NĐ-CP", "number": "13", "year": 2018, "doc_type": "NĐ", "issuer": "CP", "unit": null, "x": [1]},
        "created_on": "05/2019", "art17_point": "điểm đ", "disclosure_forms": ["portal", "posting"],
        "disclosure_time": "Ngay", "disclosure_period": "5 năm", "access_link": "https://x.example/1",
        "link_text": "Chi tiết", "attachment": "a.pdf", "section": "I. VĂN BẢN",
        "children": [{"title": "Phụ lục", "created_on": "2024", "children": [{"title": "Con"}]}],
        "unparsed": {"created_on": "31/02/2025", "note": "?"}, "extra": {"Ghi chú": "x"},
        "source": {"row": 4, "columns": {"title": "Tên", "seq": "STT"}}, "unknown": {"deep": [[[1.5]]]}
    })
}

fn disclosure(items: Value) -> Value {
    json!({"kind": "disclosure", "items": items})
}

/// JSON text of an object with its `"kind"` first (serde_json's map sorts
/// its keys: `"items"` would come before `"kind"`).
fn text(v: &Value) -> String {
    let Value::Object(m) = v else {
        return v.to_string();
    };
    let Some(kind) = m.get("kind") else {
        return v.to_string();
    };
    let mut rest = m.clone();
    rest.remove("kind");
    let rest = Value::Object(rest).to_string();
    if rest == "{}" {
        format!("{{\"kind\":{kind}}}")
    } else {
        format!("{{\"kind\":{kind},{}", &rest[1..])
    }
}

#[wasm_bindgen_test]
fn variants() {
    use Expect::*;
    let header = json!({
        "kind": "disclosure",
        "agency": {"name": "UBND xã An Hòa", "level": "commune", "code": "000.00.00.H49", "has_portal": true,
                    "portal_url": "https://anhoa.example", "address": "a", "phone": "1", "fax": null, "email": "e",
                    "successor": null, "area_class": "especially_difficult", "other": 1},
        "title": "DANH MỤC", "stated_basis": "Điều 19", "issuing_decision": {"raw": "5/QĐ-UBND"},
        "issued_on": "2026-03-05", "last_updated": null, "published_at": "p", "compiled_by": "c", "approved_by": "a",
        "items": [full_item()]
    });
    let mut cases: Vec<(String, String, Expect)> = vec![
        ("every field".into(), text(&header), Same),
        ("every field, pretty".into(), serde_json::to_string_pretty(&header).unwrap().replacen("\"agency\"", "\"kind\": \"disclosure\", \"agency\"", 1).replacen(",\n  \"kind\": \"disclosure\"", "", 1), Same),
        ("empty".into(), r#"{"kind": "disclosure", "items": []}"#.into(), Same),
        ("conditional empty".into(), r#"{"kind": "conditional", "items": []}"#.into(), Same),
        ("no kind".into(), r#"{"items": [{"title": "a"}]}"#.into(), Same),
        ("kind after items".into(), r#"{"items": [], "kind": "disclosure"}"#.into(), LastWins),
        ("kind after items, sorted keys".into(), r#"{"items": [{"title": "a", "created_on": "2024-05-06"}], "kind": "disclosure", "title": "t"}"#.into(), LastWins),
        ("no items".into(), r#"{"kind": "disclosure"}"#.into(), Same),
        ("bare array".into(), r#"[{"title": "a"}]"#.into(), Same),
        ("not an object".into(), r#""x""#.into(), Same),
        ("null".into(), "null".into(), Same),
        ("unknown kind".into(), r#"{"kind": "public", "items": []}"#.into(), Same),
        ("kind null".into(), r#"{"kind": null, "items": []}"#.into(), Same),
        ("unknown top-level key".into(), r#"{"kind": "disclosure", "x": 1, "items": []}"#.into(), Same),
        ("__proto__ key".into(), r#"{"kind": "disclosure", "__proto__": 1, "items": []}"#.into(), Same),
        ("items null".into(), r#"{"kind": "disclosure", "items": null}"#.into(), Same),
        ("items object".into(), r#"{"kind": "disclosure", "items": {}}"#.into(), Same),
        ("item not object".into(), r#"{"kind": "disclosure", "items": [1]}"#.into(), Same),
        ("item null".into(), r#"{"kind": "disclosure", "items": [null]}"#.into(), Same),
        ("no title".into(), text(&disclosure(json!([{"seq": "1"}]))), Same),
        ("title null".into(), text(&disclosure(json!([{"title": null}]))), Same),
        ("title number".into(), text(&disclosure(json!([{"title": 5}]))), Same),
        ("seq number".into(), text(&disclosure(json!([{"title": "a", "seq": 1}]))), Same),
        ("seq null".into(), text(&disclosure(json!([{"title": "a", "seq": null}]))), Same),
        ("unknown item keys".into(), text(&disclosure(json!([{"title": "a", "x": {"y": [null, true]}, "kind": 3}]))), Same),
        ("bad date".into(), text(&disclosure(json!([{"title": "a", "created_on": "31/02/2019"}]))), Same),
        ("date number".into(), text(&disclosure(json!([{"title": "a", "created_on": 2019}]))), Same),
        ("date forms".into(), text(&disclosure(json!([{"title": "a", "created_on": "ngày 02 tháng 3 năm 2026"}, {"title": "b", "created_on": "2026-03-02T10:00"}, {"title": "c", "created_on": "Năm 2019"}]))), Same),
        ("date null".into(), text(&disclosure(json!([{"title": "a", "created_on": null}]))), Same),
        ("issued_on not ISO".into(), r#"{"kind": "disclosure", "issued_on": "05/03/2026", "items": []}"#.into(), Same),
        ("issued_on impossible".into(), r#"{"kind": "disclosure", "issued_on": "2026-02-30", "items": []}"#.into(), Same),
        ("last_updated number".into(), r#"{"kind": "disclosure", "last_updated": 1, "items": []}"#.into(), Same),
        ("point unknown".into(), text(&disclosure(json!([{"title": "a", "art17_point": "f"}]))), Same),
        ("point forms".into(), text(&disclosure(json!([{"title": "a", "art17_point": "Điểm a khoản 1"}, {"title": "b", "art17_point": "17(2)"}]))), Same),
        ("forms null".into(), text(&disclosure(json!([{"title": "a", "disclosure_forms": null}]))), Same),
        ("forms string".into(), text(&disclosure(json!([{"title": "a", "disclosure_forms": "portal"}]))), Same),
        ("form unknown".into(), text(&disclosure(json!([{"title": "a", "disclosure_forms": ["Cổng thông tin"]}]))), Same),
        ("form as map".into(), text(&disclosure(json!([{"title": "a", "disclosure_forms": [{"portal": null}]}]))), Declines),
        ("children null".into(), text(&disclosure(json!([{"title": "a", "children": null}]))), Same),
        ("child without title".into(), text(&disclosure(json!([{"title": "a", "children": [{}]}]))), Same),
        ("unparsed null".into(), text(&disclosure(json!([{"title": "a", "unparsed": null}]))), Same),
        ("unparsed unknown field".into(), text(&disclosure(json!([{"title": "a", "unparsed": {"x": "1"}}]))), Same),
        ("unparsed number".into(), text(&disclosure(json!([{"title": "a", "unparsed": {"note": 1}}]))), Same),
        ("extra number".into(), text(&disclosure(json!([{"title": "a", "extra": {"x": 1}}]))), Same),
        ("source without row".into(), text(&disclosure(json!([{"title": "a", "source": {}}]))), Same),
        ("source row negative".into(), text(&disclosure(json!([{"title": "a", "source": {"row": -1}}]))), Same),
        ("source row fraction".into(), text(&disclosure(json!([{"title": "a", "source": {"row": 1.5}}]))), Same),
        ("source row too big".into(), text(&disclosure(json!([{"title": "a", "source": {"row": 4294967296u64}}]))), Same),
        ("source row max".into(), text(&disclosure(json!([{"title": "a", "source": {"row": 4294967295u64}}]))), Same),
        ("source row -0".into(), r#"{"kind": "disclosure", "items": [{"title": "a", "source": {"row": -0}}]}"#.into(), Same),
        ("year too big".into(), text(&disclosure(json!([{"title": "a", "number_symbol": {"raw": "x", "year": 65536}}]))), Same),
        ("year max".into(), text(&disclosure(json!([{"title": "a", "number_symbol": {"raw": "x", "year": 65535}}]))), Same),
        ("year string".into(), text(&disclosure(json!([{"title": "a", "number_symbol": {"raw": "x", "year": "2018"}}]))), Same),
        ("number_symbol without raw".into(), text(&disclosure(json!([{"title": "a", "number_symbol": {"number": "1"}}]))), Same),
        ("number_symbol string".into(), text(&disclosure(json!([{"title": "a", "number_symbol": "13/2018/NĐ-CP"}]))), Same),
        ("number_symbol as array".into(), text(&disclosure(json!([{"title": "a", "number_symbol": ["x", null, null, null, null, null]}]))), Declines),
        ("agency without name".into(), r#"{"kind": "disclosure", "agency": {"level": "commune"}, "items": []}"#.into(), Same),
        ("agency level unknown".into(), r#"{"kind": "disclosure", "agency": {"name": "a", "level": "xa"}, "items": []}"#.into(), Same),
        ("agency code bad".into(), r#"{"kind": "disclosure", "agency": {"name": "a", "code": "000.00.00.49H"}, "items": []}"#.into(), Same),
        ("agency has_portal string".into(), r#"{"kind": "disclosure", "agency": {"name": "a", "has_portal": "yes"}, "items": []}"#.into(), Same),
        ("agency area_class null".into(), r#"{"kind": "disclosure", "agency": {"name": "a", "area_class": null}, "items": []}"#.into(), Same),
        ("agency null".into(), r#"{"kind": "disclosure", "agency": null, "items": []}"#.into(), Same),
        ("title NFD".into(), text(&disclosure(json!([{"title": "Ke\u{0302}\u{0301} hoa\u{0323}ch"}]))), Same),
        ("lone surrogate in a value".into(), r#"{"kind": "disclosure", "items": [{"title": "a\ud800b"}]}"#.into(), Same),
        ("lone surrogate in an ignored key".into(), r#"{"kind": "disclosure", "items": [{"title": "a", "\udc00": 1}]}"#.into(), Same),
        ("surrogate pair".into(), r#"{"kind": "disclosure", "items": [{"title": "a\ud83d\ude00"}]}"#.into(), Same),
        ("U+FFFD".into(), text(&disclosure(json!([{"title": "a\u{FFFD}"}]))), Same),
        ("huge number in an ignored key".into(), r#"{"kind": "disclosure", "items": [{"title": "a", "x": 1.5e400}]}"#.into(), Same),
        ("huge year".into(), r#"{"kind": "disclosure", "items": [{"title": "a", "number_symbol": {"raw": "x", "year": 1e400}}]}"#.into(), Same),
        ("year -0".into(), r#"{"kind": "disclosure", "items": [{"title": "a", "number_symbol": {"raw": "x", "year": -0}}]}"#.into(), Same),
        ("year 0".into(), r#"{"kind": "disclosure", "items": [{"title": "a", "number_symbol": {"raw": "x", "year": 0}}]}"#.into(), Same),
        ("trailing text".into(), r#"{"kind": "disclosure", "items": []} x"#.into(), Same),
        ("repeated kind".into(), r#"{"kind": "conditional", "kind": "disclosure", "items": [{"title": "a"}]}"#.into(), LastWins),
        ("repeated items".into(), r#"{"kind": "disclosure", "items": [{"title": "a"}], "items": [{"title": "b"}]}"#.into(), LastWins),
        ("repeated title".into(), r#"{"kind": "disclosure", "items": [{"title": "a", "title": "b"}]}"#.into(), LastWins),
        ("repeated header field".into(), r#"{"kind": "disclosure", "title": "a", "items": [], "title": "b"}"#.into(), LastWins),
        ("repeated items before kind".into(), r#"{"items": [], "kind": "disclosure", "items": [{"title": "b"}]}"#.into(), LastWins),
    ];
    // Every code of every enum.
    for f in [
        "portal",
        "mass_media",
        "official_gazette",
        "posting",
        "reception_press_spokesperson",
        "other",
    ] {
        cases.push((
            format!("form {f}"),
            text(&disclosure(
                json!([{"title": "a", "disclosure_forms": [f]}]),
            )),
            Same,
        ));
    }
    for l in [
        "ministry",
        "province",
        "department",
        "district",
        "commune",
        "other",
    ] {
        cases.push((
            format!("level {l}"),
            text(&json!({"kind": "disclosure", "agency": {"name": "a", "level": l}, "items": []})),
            Same,
        ));
    }
    for a in ["normal", "difficult", "especially_difficult"] {
        cases.push((
            format!("area {a}"),
            text(&json!({"kind": "disclosure", "agency": {"name": "a", "area_class": a}, "items": []})),
            Same,
        ));
    }
    for f in [
        "seq",
        "title",
        "number_symbol",
        "created_on",
        "art17_point",
        "disclosure_forms",
        "disclosure_time",
        "disclosure_period",
        "access_link",
        "attachment",
        "ground",
        "consent_holder",
        "consent_status",
        "note",
    ] {
        cases.push((format!("field {f}"), text(&disclosure(json!([{"title": "a", "unparsed": {f: "x"}, "source": {"row": 2, "columns": {f: "X"}}}]))), Same));
    }
    let grounds = [
        "business_secret",
        "private_life",
        "personal_secret",
        "family_secret",
    ];
    let holders = ["secret_owner", "person_concerned", "family_members"];
    let statuses = ["none", "requested", "given", "refused"];
    for (i, g) in grounds.iter().enumerate() {
        let item = json!({
            "seq": "1", "title": "Hồ sơ", "number_symbol": {"raw": "1/BC-UBND"}, "created_on": "2023",
            "ground": g, "consent_holder": holders[i % 3], "consent_status": statuses[i],
            "consent_document": "d", "section": "A", "unparsed": {"ground": "?"}, "extra": {"k": "v"}, "source": {"row": 3},
            "override_decision": {"decided_by": "Chủ tịch", "decided_on": "2024-01-02", "reason": "r", "document": {"raw": "2/QĐ-UBND"}}
        });
        cases.push((
            format!("conditional {g}"),
            text(&json!({"kind": "conditional", "items": [item]})),
            Same,
        ));
    }
    for bad in [
        json!({"title": "a", "ground": "secret"}),
        json!({"title": "a", "consent_status": "yes"}),
        json!({"title": "a", "consent_holder": null, "override_decision": {"decided_by": "x"}}),
        json!({"title": "a", "override_decision": {"decided_by": "x", "reason": "y", "decided_on": "2024-13-01"}}),
    ] {
        cases.push((
            format!("conditional bad {bad}"),
            text(&json!({"kind": "conditional", "items": [bad]})),
            Same,
        ));
    }
    // Nesting around serde_json's limit (128 nested arrays or objects):
    // an entry at nesting k is at depth 3 + 2k; its number_symbol one more.
    for k in [61, 62, 63] {
        let mut item = json!({"title": "leaf", "number_symbol": {"raw": "1/QĐ-UBND"}});
        for _ in 0..k {
            item = json!({"title": "x", "children": [item]});
        }
        cases.push((
            format!("children nested {k}"),
            text(&disclosure(json!([item]))),
            Same,
        ));
        let mut item = json!({"title": "leaf", "source": {"row": 1, "columns": {"seq": "STT"}}});
        for _ in 0..k {
            item = json!({"title": "x", "children": [item]});
        }
        cases.push((
            format!("children nested {k}, source"),
            text(&disclosure(json!([item]))),
            Same,
        ));
    }
    // A value the model ignores may be nested deeper (serde_json skips it
    // without its recursion limit).
    let mut deep = json!(1);
    for _ in 0..200 {
        deep = json!([deep]);
    }
    cases.push((
        "deep ignored value".into(),
        text(&disclosure(json!([{"title": "a", "x": deep}]))),
        Same,
    ));
    let mut accepted = 0;
    for (name, text, expect) in &cases {
        if check(name, text, *expect) {
            accepted += 1;
        }
    }
    wasm_bindgen_test::console_log!("variants: {accepted} of {} read by fromObject", cases.len());
    assert!(accepted > 30, "{accepted} of {}", cases.len());
}

#[wasm_bindgen_test]
fn kind_mismatch_and_size_limit() {
    // Too large: the reader's limit (256 MiB), as the full module says it.
    let obj = js_sys::JSON::parse(r#"{"kind": "disclosure", "items": []}"#).unwrap();
    let e = from_object(&obj, Some(256.0 * 1024.0 * 1024.0 + 1.0))
        .err()
        .unwrap();
    assert_eq!(
        js_sys::Reflect::get(&e, &"code".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("too_large")
    );
    assert!(from_object(&obj, Some(256.0 * 1024.0 * 1024.0)).is_ok());
    // The core's post-processing: titles NFC (the search key folds NFC).
    let v = from_object(
        &js_sys::JSON::parse(
            r#"{"kind": "disclosure", "items": [{"title": "Ke\u0302\u0301 hoa\u0323ch"}]}"#,
        )
        .unwrap(),
        None,
    )
    .unwrap();
    let t = stringify(&v.sort_texts().unwrap());
    assert_eq!(t, "{\"title\":[\"Kế hoạch\"],\"number_symbol\":[null]}");
    // Parts that are not one whole packed value are declined.
    for (tags, lens, nums, text) in [
        (&[6u8, 4][..], &[1u32, 1][..], &[][..], "k"),
        (&[4], &[2], &[], "ab c"),
        (&[4], &[1], &[], "\u{1F600}"),
        (&[3], &[], &[], ""),
        (&[9], &[], &[], ""),
    ] {
        assert!(CatalogView::from_parts(tags, lens, nums, text, None).is_err());
    }
    // Not an object at all.
    assert!(from_object(&JsValue::from_f64(5.0), None).is_err());
    assert!(from_object(&JsValue::NULL, None).is_err());
}
