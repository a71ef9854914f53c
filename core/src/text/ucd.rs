//! The Unicode character properties NFC and NFD need (UAX #15), read from
//! tables baked into `text/ucd_data.rs` (generated from the crate
//! unicode-normalization by `core/examples/gen_ucd.rs`; sorted arrays and
//! binary search, ≈ 12 KB gzipped in the WebAssembly module, against
//! ≈ 36 KB for the crate's perfect-hash tables).
//!
//! Each function equals the crate function of the same name for every code
//! point (tests below, over all of U+0000..U+10FFFF).

use super::ucd_data::{
    CCC, COMPOSITES, DECOMP_FIRST, DECOMP_KEYS, DECOMP_SECOND, DECOMP_SECONDS, MARKS, NFC_QC_MAYBE,
    NFC_QC_NO,
};

/// Whether `c` is in the set described by an inversion list (sorted starts
/// and exclusive ends of its ranges).
fn in_inversion_list(list: &[u32], c: char) -> bool {
    list.partition_point(|&b| b <= c as u32) % 2 == 1
}

/// Code points below this (Latin, the combining diacritics, Greek, Cyrillic,
/// Latin Extended Additional — every Vietnamese letter —, general
/// punctuation) are looked up directly in [`Cache`] rather than searched.
const CACHE_END: u32 = 0x2100;

/// Direct lookups built from the baked tables on first use (≈ 50 KB of
/// memory): a search costs ≈ 10 ns, and NFC of decomposed Vietnamese text
/// makes three per character.
struct Cache {
    /// Per code point below [`CACHE_END`]: combining class (bits 0..8),
    /// NFC_Quick_Check (bits 8..10: 0 Yes, 1 No, 2 Maybe), index + 1 in
    /// `DECOMP_KEYS` or 0 (bits 10..).
    props: Vec<u32>,
    /// Every primary composite (Hangul excepted) as
    /// `(first << 21 | second, composite)`, sorted: one flat search.
    composites: Vec<(u64, char)>,
}

fn cache() -> &'static Cache {
    static CACHE: std::sync::OnceLock<Cache> = std::sync::OnceLock::new();
    CACHE.get_or_init(|| {
        let props = (0..CACHE_END)
            .map(|cp| {
                let Some(c) = char::from_u32(cp) else {
                    return 0;
                };
                let qc = match search_nfc_quick_check(c) {
                    QuickCheck::Yes => 0,
                    QuickCheck::No => 1,
                    QuickCheck::Maybe => 2,
                };
                let decomposition = DECOMP_KEYS.binary_search(&c).map_or(0, |i| i as u32 + 1);
                search_combining_class(c) as u32 | qc << 8 | decomposition << 10
            })
            .collect();
        let mut composites: Vec<(u64, char)> = COMPOSITES
            .iter()
            .filter_map(|&i| {
                let (first, second) = decomposition_at(i as usize);
                Some((pair_key(first, second?), DECOMP_KEYS[i as usize]))
            })
            .collect();
        composites.sort_unstable();
        Cache { props, composites }
    })
}

fn pair_key(a: char, b: char) -> u64 {
    (a as u64) << 21 | b as u64
}

/// The one-level decomposition at index `i` of `DECOMP_KEYS`.
fn decomposition_at(i: usize) -> (char, Option<char>) {
    let second = (DECOMP_SECOND[i] as usize)
        .checked_sub(1)
        .and_then(|j| DECOMP_SECONDS.get(j))
        .copied();
    (DECOMP_FIRST[i], second)
}

/// Canonical_Combining_Class of `c` (0 for starters), as
/// `unicode_normalization::char::canonical_combining_class`.
pub(crate) fn canonical_combining_class(c: char) -> u8 {
    match cache().props.get(c as usize) {
        Some(&p) => (p & 0xff) as u8,
        None => search_combining_class(c),
    }
}

fn search_combining_class(c: char) -> u8 {
    let cp = c as u32;
    let i = CCC.partition_point(|&e| e >> 11 <= cp);
    let Some(&e) = i.checked_sub(1).and_then(|i| CCC.get(i)) else {
        return 0;
    };
    if cp <= (e >> 11) + ((e >> 8) & 7) {
        (e & 0xff) as u8
    } else {
        0
    }
}

/// Whether `c` is a combining mark (General_Category=Mark), as
/// `unicode_normalization::char::is_combining_mark`.
pub(crate) fn is_combining_mark(c: char) -> bool {
    in_inversion_list(&MARKS, c)
}

// Hangul syllables, decomposed and composed by algorithm (UAX #15 §3.12,
// the Unicode Standard §3.12 "Conjoining Jamo Behavior").
const S_BASE: u32 = 0xac00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11a7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

/// The jamo (U+1100..U+11C2) and syllables (U+AC00..U+D7A3) are all below
/// the surrogates: never `None`.
fn hangul_char(cp: u32) -> char {
    char::from_u32(cp).unwrap_or('\u{fffd}')
}

/// The full canonical decomposition of `c` (UAX #15 §3.7: decomposition
/// mappings applied recursively; not reordered), one character at a time to
/// `emit`, as `unicode_normalization::char::decompose_canonical`. `c`
/// itself when it does not decompose.
pub(crate) fn decompose_canonical(c: char, mut emit: impl FnMut(char)) {
    decompose(c, &mut emit);
}

fn decompose<F: FnMut(char)>(c: char, emit: &mut F) {
    let cp = c as u32;
    if cp.wrapping_sub(S_BASE) < S_COUNT {
        let s = cp - S_BASE;
        emit(hangul_char(L_BASE + s / N_COUNT));
        emit(hangul_char(V_BASE + (s % N_COUNT) / T_COUNT));
        if !s.is_multiple_of(T_COUNT) {
            emit(hangul_char(T_BASE + s % T_COUNT));
        }
        return;
    }
    let index = match cache().props.get(cp as usize) {
        Some(&p) => (p >> 10).checked_sub(1).map(|i| i as usize),
        None => DECOMP_KEYS.binary_search(&c).ok(),
    };
    let Some(i) = index else {
        emit(c);
        return;
    };
    let (first, second) = decomposition_at(i);
    decompose(first, emit);
    if let Some(second) = second {
        decompose(second, emit);
    }
}

/// The primary composite of `a` followed by `b` (UAX #15 §3.11), as
/// `unicode_normalization::char::compose`: Hangul by algorithm, the others
/// from the decompositions that compose back.
pub(crate) fn compose(a: char, b: char) -> Option<char> {
    let (x, y) = (a as u32, b as u32);
    // L + V → LV syllable; LV + T → LVT syllable.
    if x.wrapping_sub(L_BASE) < L_COUNT && y.wrapping_sub(V_BASE) < V_COUNT {
        let lv = (x - L_BASE) * N_COUNT + (y - V_BASE) * T_COUNT;
        return Some(hangul_char(S_BASE + lv));
    }
    if x.wrapping_sub(S_BASE) < S_COUNT
        && (x - S_BASE).is_multiple_of(T_COUNT)
        && y.wrapping_sub(T_BASE + 1) < T_COUNT - 1
    {
        return Some(hangul_char(x + (y - T_BASE)));
    }
    // Every second character of a pair is at least the first of them all
    // (U+0300): a starter after an ASCII letter ends here.
    if b < DECOMP_SECONDS[0] {
        return None;
    }
    let composites = &cache().composites;
    let key = pair_key(a, b);
    let i = composites.binary_search_by(|&(k, _)| k.cmp(&key)).ok()?;
    Some(composites[i].1)
}

/// An answer of the NFC quick check (UAX #15 §9).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum QuickCheck {
    Yes,
    No,
    Maybe,
}

/// The NFC_Quick_Check property of `c`.
pub(crate) fn nfc_quick_check_property(c: char) -> QuickCheck {
    match cache().props.get(c as usize).map(|&p| (p >> 8) & 3) {
        Some(0) => QuickCheck::Yes,
        Some(1) => QuickCheck::No,
        Some(_) => QuickCheck::Maybe,
        None => search_nfc_quick_check(c),
    }
}

fn search_nfc_quick_check(c: char) -> QuickCheck {
    if in_inversion_list(&NFC_QC_NO, c) {
        QuickCheck::No
    } else if in_inversion_list(&NFC_QC_MAYBE, c) {
        QuickCheck::Maybe
    } else {
        QuickCheck::Yes
    }
}

/// The NFC quick check of UAX #15 §9 over `s`, as
/// `unicode_normalization::is_nfc_quick`: `No` at a character that is
/// NFC_Quick_Check=No or breaks canonical order (a non-zero combining class
/// below the previous one), else `Maybe` when a character is
/// NFC_Quick_Check=Maybe, else `Yes`.
pub(crate) fn is_nfc_quick(s: impl Iterator<Item = char>) -> QuickCheck {
    let mut last_class = 0;
    let mut result = QuickCheck::Yes;
    for c in s {
        if c.is_ascii() {
            last_class = 0;
            continue;
        }
        let class = canonical_combining_class(c);
        if last_class > class && class != 0 {
            return QuickCheck::No;
        }
        match nfc_quick_check_property(c) {
            QuickCheck::Yes => {}
            QuickCheck::No => return QuickCheck::No,
            QuickCheck::Maybe => result = QuickCheck::Maybe,
        }
        last_class = class;
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::char as crate_char;
    use unicode_normalization::IsNormalized;

    fn all_chars() -> impl Iterator<Item = char> {
        (0..0x11_0000u32).filter_map(char::from_u32)
    }

    fn from_crate(q: IsNormalized) -> QuickCheck {
        match q {
            IsNormalized::Yes => QuickCheck::Yes,
            IsNormalized::No => QuickCheck::No,
            IsNormalized::Maybe => QuickCheck::Maybe,
        }
    }

    #[test]
    fn combining_class_mark_and_quick_check_equal_the_crate_for_every_code_point() {
        for c in all_chars() {
            assert_eq!(
                canonical_combining_class(c),
                crate_char::canonical_combining_class(c),
                "U+{:04X}",
                c as u32
            );
            assert_eq!(
                is_combining_mark(c),
                crate_char::is_combining_mark(c),
                "U+{:04X}",
                c as u32
            );
            let one = std::iter::once(c);
            assert_eq!(
                is_nfc_quick(one.clone()),
                from_crate(unicode_normalization::is_nfc_quick(one)),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn decompositions_equal_the_crate_for_every_code_point() {
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        for c in all_chars() {
            ours.clear();
            theirs.clear();
            decompose_canonical(c, |d| ours.push(d));
            crate_char::decompose_canonical(c, |d| theirs.push(d));
            assert_eq!(ours, theirs, "U+{:04X}", c as u32);
        }
        // The Unicode Standard §3.12 example: 퓛 U+D4DB = U+1111 U+1171 U+11B6.
        let mut d = Vec::new();
        decompose_canonical('\u{d4db}', |x| d.push(x));
        assert_eq!(d, ['\u{1111}', '\u{1171}', '\u{11b6}']);
    }

    /// `compose` against the crate's. A pair composes only to the primary
    /// composite whose canonical decomposition it is (UAX #15 D114, D117), so
    /// the crate's `compose(a, b)` is `None` unless the full decomposition of
    /// `a` is a proper prefix of another character's and `b` is
    /// NFC_Quick_Check=Maybe (UAX #15 §9): every such pair is compared, and
    /// every pair of the baked table. As a net under that argument, every
    /// code point is also compared as the first of a pair with the
    /// two Vietnamese marks and a Hangul vowel jamo.
    #[test]
    fn compose_equals_the_crate() {
        let full = |c: char| {
            let mut d = Vec::new();
            crate_char::decompose_canonical(c, |x| d.push(x));
            d
        };
        let mut prefixes = std::collections::HashSet::new();
        for c in all_chars() {
            let d = full(c);
            if d != [c] {
                for k in 1..d.len() {
                    prefixes.insert(d[..k].to_vec());
                }
            }
        }
        let firsts: Vec<char> = all_chars()
            .filter(|&c| prefixes.contains(&full(c)))
            .collect();
        let mut seconds: Vec<char> = all_chars()
            .filter(|&c| nfc_quick_check_property(c) == QuickCheck::Maybe)
            .collect();
        assert!(seconds.len() > 100, "{}", seconds.len());
        seconds.extend([
            'a', '\u{11a7}', '\u{1160}', '\u{1176}', '\u{11c3}', '\u{301}',
        ]);
        for &a in &firsts {
            for &b in &seconds {
                assert_eq!(
                    compose(a, b),
                    crate_char::compose(a, b),
                    "U+{:04X} U+{:04X}",
                    a as u32,
                    b as u32
                );
            }
        }
        for &i in COMPOSITES.iter() {
            let i = i as usize;
            let (a, b) = (
                DECOMP_FIRST[i],
                DECOMP_SECONDS[DECOMP_SECOND[i] as usize - 1],
            );
            assert_eq!(crate_char::compose(a, b), Some(DECOMP_KEYS[i]));
            assert_eq!(compose(a, b), Some(DECOMP_KEYS[i]));
        }
        let net = ['\u{301}', '\u{323}', '\u{1161}'];
        for a in all_chars() {
            for b in net {
                assert_eq!(compose(a, b), crate_char::compose(a, b));
            }
        }
        assert_eq!(compose('e', '\u{302}'), Some('ê'));
        assert_eq!(compose('ê', '\u{323}'), None);
        assert_eq!(compose('ẹ', '\u{302}'), Some('ệ'));
        assert_eq!(compose('\u{1100}', '\u{1161}'), Some('가'));
        assert_eq!(compose('가', '\u{11a8}'), Some('각'));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn quick_check_equals_the_crate(s in any::<String>()) {
            prop_assert_eq!(
                is_nfc_quick(s.chars()),
                from_crate(unicode_normalization::is_nfc_quick(s.chars()))
            );
        }

        #[test]
        fn quick_check_equals_the_crate_on_marks(
            s in proptest::collection::vec(
                prop_oneof![
                    proptest::char::range('\u{300}', '\u{36f}'),
                    proptest::sample::select(vec![
                        'a', 'e', 'ê', '\u{323}', '\u{31b}', '\u{1161}', '\u{11a8}', '가',
                        '\u{f71}', '\u{f72}', '\u{1d165}', '\u{1d16e}', '\u{340}', 'Ω',
                    ]),
                ],
                0..12,
            )
        ) {
            let s: String = s.into_iter().collect();
            prop_assert_eq!(
                is_nfc_quick(s.chars()),
                from_crate(unicode_normalization::is_nfc_quick(s.chars()))
            );
        }
    }
}
