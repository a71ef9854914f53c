//! The baked Unicode tables (`core/src/text/ucd_data.rs`) are what their
//! generator (`core/examples/gen_ucd.rs`) makes from the crate
//! unicode-normalization today. The baked functions themselves are checked
//! against the crate's for every code point by the unit tests of
//! `core/src/text/ucd.rs`.

#[allow(dead_code)]
#[path = "../examples/gen_ucd.rs"]
mod gen_ucd;

#[test]
fn baked_unicode_tables_are_current() {
    let baked = include_str!("../src/text/ucd_data.rs");
    let fresh = gen_ucd::generate();
    assert!(
        baked == fresh,
        "core/src/text/ucd_data.rs differs from its generator's output \
         (unicode-normalization updated, or the generator changed): \
         run `cargo run -p tiepcan --example gen_ucd`"
    );
}
