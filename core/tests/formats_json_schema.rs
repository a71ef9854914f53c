//! The JSON written from the model validates against
//! `schemas/catalog.schema.json` (draft 2020-12, checked by the `jsonschema`
//! crate), and the schema rejects what serde would reject or drop.

mod formats_common;

use formats_common::*;
use proptest::prelude::*;
use serde_json::{json, Value};
use tiepcan::model::*;

fn schema() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../schemas/catalog.schema.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn validator() -> jsonschema::Validator {
    let s = schema();
    assert_eq!(
        s["$schema"], "https://json-schema.org/draft/2020-12/schema",
        "the schema declares draft 2020-12"
    );
    jsonschema::draft202012::meta::validate(&s).expect("the schema is a valid 2020-12 schema");
    jsonschema::draft202012::new(&s).expect("the schema compiles")
}

fn errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn rich_catalogs_validate() {
    let v = validator();
    for c in [
        Catalog::Disclosure(rich_disclosure()),
        Catalog::Conditional(rich_conditional()),
    ] {
        let doc = serde_json::to_value(&c).unwrap();
        assert_eq!(errors(&v, &doc), Vec::<String>::new());
    }
}

#[test]
fn the_schema_rejects_what_the_model_does_not_hold() {
    let v = validator();
    let good = serde_json::to_value(Catalog::Disclosure(rich_disclosure())).unwrap();
    let bad = |f: &dyn Fn(&mut Value)| {
        let mut d = good.clone();
        f(&mut d);
        assert!(!v.is_valid(&d), "accepted: {d}");
        // Whatever the schema rejects for a missing/mistyped field, serde
        // rejects or would drop too: check the two agree where serde errs.
        d
    };
    let d = bad(&|d| {
        d["items"][0]
            .as_object_mut()
            .unwrap()
            .remove("title")
            .map(drop)
            .unwrap()
    });
    assert!(serde_json::from_value::<Catalog>(d).is_err());
    let d = bad(&|d| d["items"][0]["art17_point"] = json!("f"));
    assert!(serde_json::from_value::<Catalog>(d).is_err());
    bad(&|d| d["items"][0]["created_on"] = json!("02/03/2026"));
    bad(&|d| d["kind"] = json!("open"));
    bad(&|d| d["items"][0]["disclosure_forms"] = json!(["website"]));
    bad(&|d| d["agency"]["code"] = json!("000.00.00.49H"));
    // Unknown keys, which serde would silently drop.
    bad(&|d| d["colour"] = json!("red"));
    bad(&|d| d["items"][0]["colour"] = json!("red"));
    bad(&|d| d["items"][0]["unparsed"] = json!({"colour": "x"}));
    // Conditional fields do not belong to a disclosure item.
    bad(&|d| d["items"][0]["ground"] = json!("business_secret"));
    // Minimal documents pass.
    assert!(v.is_valid(&json!({"kind": "disclosure", "items": []})));
    assert!(v.is_valid(&json!({"kind": "conditional", "items": [{"title": "x"}]})));
    assert!(serde_json::from_value::<Catalog>(
        json!({"kind": "conditional", "items": [{"title": "x"}]})
    )
    .is_ok());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_written_catalog_validates(c in catalog()) {
        let v = validator();
        let doc = serde_json::to_value(&c).unwrap();
        let errs = errors(&v, &doc);
        prop_assert!(errs.is_empty(), "{:?}\n{}", errs, doc);
        // And JSON reads back to the same model.
        prop_assert_eq!(serde_json::from_value::<Catalog>(doc).unwrap(), c);
    }
}
