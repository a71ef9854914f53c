//! The Unicode character properties NFC and NFD need (UAX #15), read from
//! tables baked into `text/ucd_data.rs` (generated from the crate
//! unicode-normalization by `core/examples/gen_ucd.rs`; sorted arrays and
//! binary search, ≈ 12 KB gzipped in the WebAssembly module, against
//! ≈ 36 KB for the crate's perfect-hash tables).
//!
//! Each function equals the crate function of the same name for every code
//! point (tests below, over all of U+0000..U+10FFFF).
//!
//! Lower case too: [`to_lower`] is Rust std's `char::to_lowercase` and
//! [`lower_str`] its `str::to_lowercase`, from tables baked from std by the
//! same generator (2.6 KB raw, 1.8 KB gzipped, against std's ≈ 16 KB raw of
//! table and code that every `to_lowercase` call links: the components'
//! WebAssembly module is 5.6 KB gzipped smaller without them).

use super::ucd_data::{
    CCC, COMPOSITES, DECOMP_FIRST, DECOMP_KEYS, DECOMP_SECOND, DECOMP_SECONDS, LOWER_DELTA,
    LOWER_DELTAS, LOWER_MULTI, LOWER_RUNS, MARKS, NFC_QC_MAYBE, NFC_QC_NO, SIGMA_CLASSES,
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

/// Direct lookups built from the baked tables on first use (≈ 55 KB of
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
    /// The runs of `SIGMA_CLASSES` as `first << 2 | class`, sorted (here
    /// rather than in a cache of their own: one lazy initialisation less in
    /// the WebAssembly module).
    sigma: Vec<u32>,
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
        let mut sigma = Vec::new();
        let (mut at, mut value, mut shift, mut class) = (0u32, 0u32, 0, 1);
        for &b in SIGMA_CLASSES.iter() {
            value |= ((b & 0x7f) as u32) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                // The smaller or the larger of the two classes other than
                // the previous run's.
                class = match (value & 1, class) {
                    (0, 0) => 1,
                    (0, _) => 0,
                    (_, 2) => 1,
                    _ => 2,
                };
                sigma.push(at << 2 | class);
                at += value >> 1;
                (value, shift) = (0, 0);
            }
        }
        Cache {
            props,
            composites,
            sigma,
        }
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

/// The lower case of one character: one to three characters (Rust std's
/// `char::to_lowercase`, which gives the unconditional mappings of
/// UnicodeData.txt and SpecialCasing.txt; only U+0130 İ → "i\u{307}" is
/// longer than one character).
#[derive(Clone, Debug)]
pub(crate) struct ToLower {
    chars: [char; 3],
    at: u8,
    len: u8,
}

impl ToLower {
    fn one(c: char) -> ToLower {
        ToLower {
            chars: [c, '\0', '\0'],
            at: 0,
            len: 1,
        }
    }
}

impl Iterator for ToLower {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        let c = *self
            .chars
            .get(self.at as usize)
            .filter(|_| self.at < self.len)?;
        self.at += 1;
        Some(c)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = (self.len - self.at) as usize;
        (n, Some(n))
    }
}

/// The lower case of `c`, as `c.to_lowercase()` of Rust std (the Unicode
/// version of the toolchain that generated `ucd_data.rs`).
pub(crate) fn to_lower(c: char) -> ToLower {
    if c.is_ascii() {
        return ToLower::one(c.to_ascii_lowercase());
    }
    let cp = c as u32;
    let i = LOWER_RUNS.partition_point(|&r| r >> 11 <= cp);
    if let Some(i) = i.checked_sub(1) {
        let r = LOWER_RUNS[i];
        let (first, stride, len) = (r >> 11, (r >> 10 & 1) + 1, (r & 0x3ff) + 1);
        let k = cp - first;
        if k.is_multiple_of(stride) && k / stride < len {
            let delta = LOWER_DELTAS[LOWER_DELTA[i] as usize];
            // Always a character: the generator took the delta from one.
            let lower = char::from_u32(cp.wrapping_add_signed(delta)).unwrap_or(c);
            return ToLower::one(lower);
        }
    }
    if let Ok(i) = LOWER_MULTI.binary_search_by(|m| m[0].cmp(&c)) {
        let [_, a, b, d] = LOWER_MULTI[i];
        let len = 1 + (b != '\0') as u8 + (d != '\0') as u8;
        return ToLower {
            chars: [a, b, d],
            at: 0,
            len,
        };
    }
    ToLower::one(c)
}

/// The class of `c` in the Final_Sigma condition (the Unicode Standard
/// §3.13, table 3-17): 1 Case_Ignorable, 2 Cased and not Case_Ignorable,
/// 0 neither. Decoded from `SIGMA_CLASSES` into [`Cache`].
fn sigma_class(c: char) -> u8 {
    let sigma = &cache().sigma;
    let i = sigma.partition_point(|&e| e >> 2 <= c as u32);
    i.checked_sub(1).map_or(0, |i| (sigma[i] & 3) as u8)
}

/// Whether the first character of `chars` that is not Case_Ignorable is
/// Cased (std's `case_ignorable_then_cased`).
fn case_ignorable_then_cased(chars: impl Iterator<Item = char>) -> bool {
    chars.map(sigma_class).find(|&k| k != 1) == Some(2)
}

/// The lower case of the Σ at byte `i` of `s`: ς when it ends a word (the
/// Final_Sigma condition, as Rust std's `str::to_lowercase` tests it),
/// else σ.
pub(crate) fn lower_sigma(s: &str, i: usize) -> char {
    let after = i + 'Σ'.len_utf8();
    let is_final = case_ignorable_then_cased(s[..i].chars().rev())
        && !case_ignorable_then_cased(s[after..].chars());
    if is_final {
        'ς'
    } else {
        'σ'
    }
}

/// `s.to_lowercase()` of Rust std, appended to `out`: [`to_lower`] for each
/// character, Σ by [`lower_sigma`].
pub(crate) fn lower_str(s: &str, out: &mut String) {
    for (i, c) in s.char_indices() {
        if c == 'Σ' {
            out.push(lower_sigma(s, i));
        } else {
            out.extend(to_lower(c));
        }
    }
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

    /// Whether this toolchain's std has the Unicode version the lower-case
    /// tables were baked from; comparing them with another version's std
    /// would report the Unicode changes, not a bug. (Regenerate with
    /// `cargo run -p tiepcan --example gen_ucd` to move to it.)
    fn std_has_baked_unicode() -> bool {
        let same = char::UNICODE_VERSION == super::super::ucd_data::STD_UNICODE_VERSION;
        if !same {
            eprintln!(
                "skipped: Rust std has Unicode {:?}, the baked lower case {:?}",
                char::UNICODE_VERSION,
                super::super::ucd_data::STD_UNICODE_VERSION
            );
        }
        same
    }

    #[test]
    fn lower_case_equals_std_for_every_code_point() {
        if !std_has_baked_unicode() {
            return;
        }
        for c in all_chars() {
            let ours = to_lower(c);
            assert_eq!(
                ours.size_hint(),
                (ours.clone().count(), Some(ours.clone().count()))
            );
            assert!(ours.eq(c.to_lowercase()), "U+{:04X}", c as u32);
        }
        assert!(to_lower('İ').eq(['i', '\u{307}']));
        assert!(to_lower('Ệ').eq(['ệ']));
        assert!(to_lower('Đ').eq(['đ']));
    }

    /// Σ next to every code point, before and after it, alone and with a
    /// cased letter beyond: the Final_Sigma condition as std decides it.
    #[test]
    fn final_sigma_equals_std_next_to_every_code_point() {
        if !std_has_baked_unicode() {
            return;
        }
        let mut out = String::new();
        for c in all_chars() {
            for s in [
                format!("{c}Σ"),
                format!("A{c}Σ"),
                format!("AΣ{c}"),
                format!("AΣ{c}A"),
            ] {
                out.clear();
                lower_str(&s, &mut out);
                assert_eq!(out, s.to_lowercase(), "U+{:04X}", c as u32);
            }
        }
        for (s, lower) in [
            ("ΟΔΟΣ", "οδος"),
            ("ΟΔΟΣ.", "οδος."),
            ("ΣΑ", "σα"),
            ("Σ", "σ"),
            ("ΑΣ'Σ", "ασ'ς"),
        ] {
            out.clear();
            lower_str(s, &mut out);
            assert_eq!(out, lower, "{s}");
        }
    }

    /// Greek with the characters that decide Final_Sigma (apostrophes,
    /// marks, modifier letters, titlecase), Vietnamese and İ.
    fn lower_case_cases() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                3 => proptest::sample::select(vec![
                    'Σ', 'σ', 'ς', 'Α', 'ά', 'Ω', '\'', '.', ':', ' ', '\u{301}', '\u{345}',
                    'ʰ', 'ǅ', 'İ', 'Đ', 'Ệ', 'ư', '\u{323}', '\u{ad}', '1', 'A', 'z',
                ]),
                1 => proptest::char::range('\u{370}', '\u{3ff}'),
                1 => proptest::char::range('\u{1ea0}', '\u{1ef9}'),
                1 => any::<char>(),
            ],
            0..16,
        )
        .prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn lower_str_equals_std(s in any::<String>()) {
            if !std_has_baked_unicode() {
                return Ok(());
            }
            let mut out = String::new();
            lower_str(&s, &mut out);
            prop_assert_eq!(out, s.to_lowercase());
        }

        #[test]
        fn lower_str_equals_std_on_greek_and_vietnamese(s in lower_case_cases()) {
            if !std_has_baked_unicode() {
                return Ok(());
            }
            let mut out = String::new();
            lower_str(&s, &mut out);
            prop_assert_eq!(out, s.to_lowercase());
        }

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
