//! Generates `core/src/text/ucd_data.rs`, the Unicode character data behind
//! tiepcan's NFC/NFD (UAX #15), from the crate unicode-normalization:
//!
//! ```text
//! cargo run -p tiepcan --example gen_ucd
//! ```
//!
//! (It writes the file itself: a shell redirection would empty the file
//! before cargo builds the library that includes it.)
//!
//! Every code point U+0000..U+10FFFF goes through the crate's per-character
//! functions (`canonical_combining_class`, `decompose_canonical`, `compose`,
//! `is_combining_mark`, `is_nfc_quick`); the output is compact sorted
//! tables that `tiepcan::text` searches by binary search. The test
//! `core/tests/text_ucd.rs` regenerates the file and fails when it is stale
//! (after an update of unicode-normalization: bump [`CRATE_VERSION`] too).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;

use unicode_normalization::char::{
    canonical_combining_class, compose, decompose_canonical, is_combining_mark,
};
use unicode_normalization::{is_nfc_quick, IsNormalized, UNICODE_VERSION};

/// The version of unicode-normalization in Cargo.lock, for the header.
const CRATE_VERSION: &str = "0.1.26";

/// Where the output goes.
const OUTPUT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/text/ucd_data.rs");

fn main() -> std::io::Result<()> {
    std::fs::write(OUTPUT, generate())?;
    eprintln!("wrote {OUTPUT}");
    Ok(())
}

/// Hangul syllables (U+AC00..U+D7A3): decomposed and composed by the
/// algorithm of UAX #15 §3.12 in code, not in the tables.
fn is_hangul_syllable(c: char) -> bool {
    ('\u{ac00}'..='\u{d7a3}').contains(&c)
}

fn all_chars() -> impl Iterator<Item = char> {
    (0..0x11_0000u32).filter_map(char::from_u32)
}

fn full_decomposition(c: char) -> Vec<char> {
    let mut d = Vec::new();
    decompose_canonical(c, |x| d.push(x));
    d
}

/// Runs of consecutive code points with the same value (`None` values
/// skipped): `(first, last, value)`.
fn runs<T: Copy + PartialEq>(value: impl Fn(char) -> Option<T>) -> Vec<(u32, u32, T)> {
    let mut out: Vec<(u32, u32, T)> = Vec::new();
    for c in all_chars() {
        let Some(v) = value(c) else { continue };
        let cp = c as u32;
        match out.last_mut() {
            Some(last) if last.1 + 1 == cp && last.2 == v => last.1 = cp,
            _ => out.push((cp, cp, v)),
        }
    }
    out
}

/// An inversion list: the sorted starts and ends (exclusive) of the runs.
fn inversion_list(runs: &[(u32, u32, ())]) -> Vec<u32> {
    runs.iter().flat_map(|&(a, b, ())| [a, b + 1]).collect()
}

fn write_array(out: &mut String, doc: &str, name: &str, ty: &str, items: &[String]) {
    for line in doc.lines() {
        writeln!(out, "///{}{line}", if line.is_empty() { "" } else { " " }).unwrap();
    }
    writeln!(out, "pub(super) static {name}: [{ty}; {}] = [", items.len()).unwrap();
    for chunk in items.chunks(8) {
        writeln!(out, "    {},", chunk.join(", ")).unwrap();
    }
    writeln!(out, "];\n").unwrap();
}

fn hex(x: u32) -> String {
    format!("0x{x:04X}")
}

fn ch(c: char) -> String {
    format!("'\\u{{{:X}}}'", c as u32)
}

/// The generated Rust source of `core/src/text/ucd_data.rs`.
pub fn generate() -> String {
    let (major, minor, micro) = UNICODE_VERSION;
    let mut out = String::new();
    writeln!(
        out,
        "//! Unicode character data for NFC/NFD (UAX #15), generated from the crate\n\
         //! unicode-normalization {CRATE_VERSION} (Unicode {major}.{minor}.{micro}) by\n\
         //! `cargo run -p tiepcan --example gen_ucd` (core/examples/gen_ucd.rs).\n\
         //! Do not edit: `core/tests/text_ucd.rs` fails when this file differs from\n\
         //! the generator's output. Read by `text::ucd` by binary search.\n"
    )
    .unwrap();

    // Canonical combining class: runs of one non-zero class, cut to ≤ 8 code
    // points, packed as `first << 11 | (length - 1) << 8 | class`.
    let mut ccc = Vec::new();
    for (first, last, class) in runs(|c| Some(canonical_combining_class(c)).filter(|&k| k != 0)) {
        let mut start = first;
        while start <= last {
            let len = (last - start + 1).min(8);
            ccc.push(start << 11 | (len - 1) << 8 | class as u32);
            start += len;
        }
    }
    write_array(
        &mut out,
        "Canonical_Combining_Class, the non-zero classes: runs of at most 8 code\n\
         points, `first << 11 | (length - 1) << 8 | class`, sorted. Code points\n\
         outside every run have class 0.",
        "CCC",
        "u32",
        &ccc.iter().map(|&x| hex(x)).collect::<Vec<_>>(),
    );

    let marks = inversion_list(&runs(|c| is_combining_mark(c).then_some(())));
    write_array(
        &mut out,
        "General_Category=Mark (Mn, Mc, Me) as an inversion list: a code point is\n\
         a mark when an odd number of entries are ≤ it.",
        "MARKS",
        "u32",
        &marks.iter().map(|&x| hex(x)).collect::<Vec<_>>(),
    );

    let qc = |want: IsNormalized| {
        inversion_list(&runs(|c| {
            (c > '\x7f' && is_nfc_quick(std::iter::once(c)) == want).then_some(())
        }))
    };
    write_array(
        &mut out,
        "NFC_Quick_Check=No, inversion list.",
        "NFC_QC_NO",
        "u32",
        &qc(IsNormalized::No)
            .iter()
            .map(|&x| hex(x))
            .collect::<Vec<_>>(),
    );
    let maybe = qc(IsNormalized::Maybe);
    write_array(
        &mut out,
        "NFC_Quick_Check=Maybe, inversion list: the characters that can be the\n\
         second of a primary composite's pair.",
        "NFC_QC_MAYBE",
        "u32",
        &maybe.iter().map(|&x| hex(x)).collect::<Vec<_>>(),
    );

    // Canonical decompositions, one level. Full decompositions first, and
    // every character by its full decomposition.
    let mut full: BTreeMap<char, Vec<char>> = BTreeMap::new();
    let mut by_full: HashMap<Vec<char>, Vec<char>> = HashMap::new();
    for c in all_chars() {
        let d = full_decomposition(c);
        by_full.entry(d.clone()).or_default().push(c);
        if d != [c] && !is_hangul_syllable(c) {
            full.insert(c, d);
        }
    }
    let in_maybe = |c: char| maybe.partition_point(|&b| b <= c as u32) % 2 == 1;
    // (first, second) for each decomposing character, and whether the pair
    // composes back to it (a primary composite).
    let mut one_level: BTreeMap<char, (char, Option<char>, bool)> = BTreeMap::new();
    for (&c, d) in &full {
        let candidates = |part: &[char]| by_full.get(part).cloned().unwrap_or_default();
        // A primary composite: the pair whose composition gives it back.
        let mut pairs = Vec::new();
        for k in 1..d.len() {
            for x in candidates(&d[..k]) {
                for y in candidates(&d[k..]) {
                    if compose(x, y) == Some(c) {
                        pairs.push((x, y));
                    }
                }
            }
        }
        assert!(
            pairs.len() <= 1,
            "U+{:04X} composes from {pairs:?}",
            c as u32
        );
        if let Some(&(x, y)) = pairs.first() {
            assert!(
                in_maybe(y),
                "U+{:04X}: second of its pair not NFC_QC=Maybe",
                c as u32
            );
            one_level.insert(c, (x, Some(y), true));
            continue;
        }
        // Not composing (a singleton, a composition exclusion, a non-starter
        // decomposition): a character in NFC with the same full decomposition
        // is its singleton mapping (Ω U+2126 → U+03A9, U+1F71 → U+03AC), else
        // the first split into two characters whose full decompositions
        // concatenate to it. (The singleton target is NFC_QC=Yes, a primary
        // composite, so no two characters map to each other.) Either way the recursive decomposition equals
        // the full one (checked by the tests).
        let same: Vec<char> = candidates(d).into_iter().filter(|&x| x != c).collect();
        let entry = if d.len() == 1 {
            (d[0], None, false)
        } else if let Some(&x) = same
            .iter()
            .find(|&&x| is_nfc_quick(std::iter::once(x)) == IsNormalized::Yes)
        {
            (x, None, false)
        } else {
            let split = (1..d.len())
                .find_map(|k| {
                    let xs = candidates(&d[..k]);
                    let ys = candidates(&d[k..]);
                    Some((*xs.first()?, *ys.first()?))
                })
                .unwrap_or_else(|| panic!("U+{:04X}: no one-level split", c as u32));
            (split.0, Some(split.1), false)
        };
        one_level.insert(c, entry);
    }
    let seconds: Vec<char> = one_level
        .values()
        .filter_map(|&(_, y, _)| y)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert!(seconds.len() < 256);
    let keys: Vec<char> = one_level.keys().copied().collect();
    write_array(
        &mut out,
        "Characters with a canonical decomposition (Hangul syllables excepted),\n\
         sorted; `DECOMP_FIRST[i]` and `DECOMP_SECOND[i]` are the decomposition\n\
         of `DECOMP_KEYS[i]`, one level (decomposed again recursively).",
        "DECOMP_KEYS",
        "char",
        &keys.iter().map(|&c| ch(c)).collect::<Vec<_>>(),
    );
    write_array(
        &mut out,
        "First character of each decomposition.",
        "DECOMP_FIRST",
        "char",
        &one_level
            .values()
            .map(|&(x, _, _)| ch(x))
            .collect::<Vec<_>>(),
    );
    write_array(
        &mut out,
        "Second character of each decomposition: index + 1 in\n\
         [`DECOMP_SECONDS`], 0 for a decomposition to one character.",
        "DECOMP_SECOND",
        "u8",
        &one_level
            .values()
            .map(|&(_, y, _)| match y {
                Some(y) => (seconds.binary_search(&y).unwrap() + 1).to_string(),
                None => "0".to_string(),
            })
            .collect::<Vec<_>>(),
    );
    write_array(
        &mut out,
        "The distinct second characters of the decompositions, sorted.",
        "DECOMP_SECONDS",
        "char",
        &seconds.iter().map(|&c| ch(c)).collect::<Vec<_>>(),
    );
    let mut composites: Vec<(char, char, usize)> = one_level
        .values()
        .enumerate()
        .filter_map(|(i, &(x, y, composes))| Some((x, y?, i)).filter(|_| composes))
        .collect();
    composites.sort();
    assert!(keys.len() <= u16::MAX as usize);
    write_array(
        &mut out,
        "The primary composites (UAX #15 §3.11: decompositions that compose back),\n\
         as indices in `DECOMP_KEYS`, sorted by (first, second) character.",
        "COMPOSITES",
        "u16",
        &composites
            .iter()
            .map(|&(_, _, i)| i.to_string())
            .collect::<Vec<_>>(),
    );
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
