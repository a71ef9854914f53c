//! The baked Unicode tables (`core/src/text/ucd_data.rs`) are what their
//! generator (`core/examples/gen_ucd.rs`) makes from the crate
//! unicode-normalization and from Rust std (lower case) today. The baked
//! functions themselves are checked against the crate's and std's for every
//! code point by the unit tests of `core/src/text/ucd.rs`.

#[allow(dead_code)]
#[path = "../examples/gen_ucd.rs"]
mod gen_ucd;

#[test]
fn baked_unicode_tables_are_current() {
    let baked = include_str!("../src/text/ucd_data.rs");
    // The lower-case part comes from Rust std: with a toolchain of another
    // Unicode version the file would differ for that reason alone.
    let (major, minor, micro) = char::UNICODE_VERSION;
    let ours = format!("STD_UNICODE_VERSION: (u8, u8, u8) = ({major}, {minor}, {micro});");
    if !baked.contains(&ours) {
        eprintln!(
            "skipped: Rust std has Unicode {major}.{minor}.{micro}, not the baked tables' version"
        );
        return;
    }
    let fresh = gen_ucd::generate();
    assert!(
        baked == fresh,
        "core/src/text/ucd_data.rs differs from its generator's output \
         (unicode-normalization updated, a Rust toolchain with another Unicode \
         version than the file's header names, or the generator changed): \
         run `cargo run -p tiepcan --example gen_ucd`"
    );
}
