//! Vietnamese text normalisation shared by readers, validators and search.

use unicode_normalization::char::{
    canonical_combining_class, compose, decompose_canonical, is_combining_mark,
};

/// Unicode NFC, the form tiepcan stores text in (LAW.md §0.1: đ is U+0111).
pub fn nfc(s: &str) -> String {
    // Most text is already NFC: the quick check avoids decomposing it.
    if is_nfc(s) {
        s.to_string()
    } else {
        nfc_slow(s)
    }
}

/// Canonical decomposition of `s` (UAX #15 §3.11: every character fully
/// decomposed, then each run of non-starters stably ordered by canonical
/// combining class), as characters with their combining class.
///
/// Equal to `UnicodeNormalization::nfd`, built on the crate's per-character
/// functions: its `Decompositions` iterator chooses canonical or
/// compatibility decomposition at run time, which links the compatibility
/// tables (≈ 30 KB gzipped in the WebAssembly module) that NFC and NFD never
/// use.
fn canonical_decomposition(s: &str) -> Vec<(char, u8)> {
    /// Canonical ordering of a run of non-starters by combining class, stable:
    /// insertion for the usual few marks, a counting sort (linear) for long
    /// runs, so that no input makes it quadratic.
    fn order(run: &mut [(char, u8)]) {
        if run.len() <= 16 {
            for i in 1..run.len() {
                let x = run[i];
                let mut j = i;
                while j > 0 && run[j - 1].1 > x.1 {
                    run[j] = run[j - 1];
                    j -= 1;
                }
                run[j] = x;
            }
            return;
        }
        let mut at = [0usize; 256];
        for &(_, class) in run.iter() {
            at[class as usize] += 1;
        }
        let mut start = 0;
        for slot in at.iter_mut() {
            let n = *slot;
            *slot = start;
            start += n;
        }
        let mut sorted = vec![('\0', 0u8); run.len()];
        for &x in run.iter() {
            let slot = &mut at[x.1 as usize];
            sorted[*slot] = x;
            *slot += 1;
        }
        run.copy_from_slice(&sorted);
    }
    let mut out: Vec<(char, u8)> = Vec::with_capacity(s.len());
    // Start of the current run of non-starters.
    let mut run = 0;
    for c in s.chars() {
        decompose_canonical(c, |d| {
            let class = canonical_combining_class(d);
            if class == 0 {
                order(&mut out[run..]);
                run = out.len() + 1;
            }
            out.push((d, class));
        });
    }
    let last = run.min(out.len());
    order(&mut out[last..]);
    out
}

/// Unicode NFD of `s` (canonical decomposition).
fn nfd(s: &str) -> impl Iterator<Item = char> {
    canonical_decomposition(s).into_iter().map(|(c, _)| c)
}

/// Unicode NFC of `s` without the quick check: canonical decomposition, then
/// canonical composition (UAX #15 §3.11: a character composes with the last
/// starter unless a character between them is a starter or has a class at
/// least its own).
fn nfc_slow(s: &str) -> String {
    let mut chars = canonical_decomposition(s);
    let mut starter: Option<usize> = None;
    // Class of the last character kept since the starter (`None`: the next
    // character is adjacent to the starter).
    let mut last_class: Option<u8> = None;
    let mut kept = 0;
    for read in 0..chars.len() {
        let (c, class) = chars[read];
        if let Some(si) = starter {
            let blocked = matches!(last_class, Some(l) if l >= class);
            if !blocked {
                if let Some(composed) = compose(chars[si].0, c) {
                    chars[si].0 = composed;
                    continue;
                }
            }
        }
        chars[kept] = (c, class);
        if class == 0 {
            starter = Some(kept);
            last_class = None;
        } else {
            last_class = Some(class);
        }
        kept += 1;
    }
    chars[..kept].iter().map(|&(c, _)| c).collect()
}

/// Whether `unicode_normalization::is_nfc_quick` answers `Yes` for `s`,
/// answered from a table for ASCII and the Latin and Vietnamese letters.
pub(crate) fn is_nfc(s: &str) -> bool {
    if s.is_ascii() {
        return true;
    }
    let t = fold_table();
    for c in s.chars() {
        let cp = c as u32;
        if cp < 0x80 {
            continue;
        }
        if cp >= FOLD_TABLE_END || !t.nfc_starter[cp as usize] {
            // Marks, characters that may compose, or beyond the table: the
            // full quick check.
            return unicode_normalization::is_nfc_quick(s.chars())
                == unicode_normalization::IsNormalized::Yes;
        }
    }
    true
}

/// A comparison key for Vietnamese text: diacritics removed (NFC or NFD
/// input alike), `đ`/`Đ` folded to `d`, lower case, runs of white space
/// collapsed to one space, trimmed.
///
/// Used to match column headers, detect duplicates and search
/// ("quyet dinh" finds "Quyết định", "dau moi" finds "Đầu mối").
///
/// ```
/// use tiepcan::text::fold_key;
/// assert_eq!(fold_key("  Quyết   ĐỊNH "), "quyet dinh");
/// assert_eq!(fold_key("Quye\u{301}t đi\u{323}nh"), "quyet dinh");
/// ```
pub fn fold_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if !fold_fast(s, &mut out) {
        out.clear();
        fold_nfd(s, &mut out);
    }
    out
}

/// The definition of [`fold_key`]: NFD, combining marks dropped, `đ`/`Đ` →
/// `d`, non-breaking spaces → space, white space collapsed and trimmed,
/// lower case. Used for text the fast path cannot take.
fn fold_nfd(s: &str, out: &mut String) {
    let mut space = false;
    for c in nfd(s) {
        if is_combining_mark(c) {
            continue;
        }
        let c = fold_map(c);
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
}

fn fold_map(c: char) -> char {
    match c {
        'đ' | 'Đ' => 'd',
        '\u{a0}' | '\u{2007}' | '\u{202f}' => ' ',
        c => c,
    }
}

/// Characters below this code point are folded through [`FoldTable`]
/// (Latin, the combining diacritics, Latin Extended Additional — every
/// Vietnamese letter — and general punctuation).
const FOLD_TABLE_END: u32 = 0x2100;

/// What [`fold_nfd`] makes of one character, precomputed.
#[derive(Clone, Copy)]
enum FoldEntry {
    /// Not in the table's scope: the whole string takes [`fold_nfd`].
    Slow,
    /// A combining mark: dropped.
    Drop,
    /// White space.
    Space,
    /// These characters of [`FoldTable::pool`] (start, length).
    Chars(u16, u8),
}

struct FoldTable {
    entries: Vec<FoldEntry>,
    pool: Vec<char>,
    /// NFC quick check `Yes` and combining class 0.
    nfc_starter: Vec<bool>,
    /// The one-character lower case, `'\0'` when it is longer.
    lower: Vec<char>,
}

fn fold_table() -> &'static FoldTable {
    static TABLE: std::sync::OnceLock<FoldTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut entries = Vec::with_capacity(FOLD_TABLE_END as usize);
        let mut pool: Vec<char> = Vec::new();
        let mut nfc_starter = Vec::with_capacity(FOLD_TABLE_END as usize);
        let mut lower = Vec::with_capacity(FOLD_TABLE_END as usize);
        for cp in 0..FOLD_TABLE_END {
            let Some(c) = char::from_u32(cp) else {
                entries.push(FoldEntry::Slow);
                nfc_starter.push(false);
                lower.push('\0');
                continue;
            };
            nfc_starter.push(
                canonical_combining_class(c) == 0
                    && unicode_normalization::is_nfc_quick(std::iter::once(c))
                        == unicode_normalization::IsNormalized::Yes,
            );
            let mut l = c.to_lowercase();
            lower.push(match (l.next(), l.next()) {
                // Σ lowers by context in `str::to_lowercase` (final ς).
                _ if c == '\u{3a3}' => '\0',
                (Some(x), None) if x != '\0' => x,
                _ => '\0',
            });
            let mut parts = Vec::new();
            decompose_canonical(c, |d| parts.push(d));
            // Canonical reordering moves only non-starters; when every
            // non-starter is dropped, per-character folding equals folding
            // the whole string.
            let kept: Vec<char> = parts
                .into_iter()
                .filter(|&d| !is_combining_mark(d))
                .collect();
            if kept.iter().any(|&d| canonical_combining_class(d) != 0) {
                entries.push(FoldEntry::Slow);
                continue;
            }
            let mapped: Vec<char> = kept.into_iter().map(fold_map).collect();
            let entry = match mapped.as_slice() {
                [] => FoldEntry::Drop,
                [w] if w.is_whitespace() => FoldEntry::Space,
                m if m.iter().any(|w| w.is_whitespace()) => FoldEntry::Slow,
                m => {
                    let start = pool.len();
                    pool.extend(m.iter().flat_map(|w| w.to_lowercase()));
                    let len = pool.len() - start;
                    match (u16::try_from(start), u8::try_from(len)) {
                        (Ok(s), Ok(l)) => FoldEntry::Chars(s, l),
                        _ => FoldEntry::Slow,
                    }
                }
            };
            entries.push(entry);
        }
        FoldTable {
            entries,
            pool,
            nfc_starter,
            lower,
        }
    })
}

/// [`fold_nfd`] through the table; `false` (with `out` partly written) when
/// a character is outside it.
fn fold_fast(s: &str, out: &mut String) -> bool {
    let mut space = false;
    let bytes = s.as_bytes();
    let mut i = 0;
    // ASCII runs need no table.
    let mut table: Option<&FoldTable> = None;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            // ASCII white space as `char::is_whitespace` sees it (U+000B too).
            if matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r') {
                space = !out.is_empty();
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push(b.to_ascii_lowercase() as char);
            continue;
        }
        // Safe slicing: `i` is at a character boundary.
        let c = s[i..].chars().next().unwrap_or('\u{fffd}');
        i += c.len_utf8();
        if c as u32 >= FOLD_TABLE_END {
            return false;
        }
        let t = *table.get_or_insert_with(fold_table);
        match t.entries[c as usize] {
            FoldEntry::Slow => return false,
            FoldEntry::Drop => {}
            FoldEntry::Space => space = !out.is_empty(),
            FoldEntry::Chars(start, len) => {
                if space {
                    out.push(' ');
                    space = false;
                }
                let start = start as usize;
                out.extend(&t.pool[start..start + len as usize]);
            }
        }
    }
    true
}

/// A key that identifies the same text typed differently: NFC, lower case,
/// white space collapsed — diacritics kept, so "điểm d" and "điểm đ" stay
/// apart. Used for duplicate detection.
pub fn same_text_key(s: &str) -> String {
    if is_nfc(s) {
        lower_collapsed(s)
    } else {
        lower_collapsed(&nfc_slow(s))
    }
}

/// `s.to_lowercase()` with white space runs collapsed to one space and the
/// ends trimmed; per-character table for ASCII and Latin, `str::to_lowercase`
/// (which lowers a final Σ by context) for anything else.
pub(crate) fn lower_collapsed(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if !lower_fast(s, &mut out) {
        out.clear();
        let lower = s.to_lowercase();
        for (i, w) in lower.split_whitespace().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

/// `s.to_lowercase()`, per-character table for ASCII and Latin.
pub(crate) fn to_lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if !lower_fast_with(s, &mut out, false) {
        return s.to_lowercase();
    }
    out
}

fn lower_fast(s: &str, out: &mut String) -> bool {
    lower_fast_with(s, out, true)
}

fn lower_fast_with(s: &str, out: &mut String, collapse: bool) -> bool {
    let mut space = false;
    let t = if s.is_ascii() {
        None
    } else {
        Some(fold_table())
    };
    if !collapse && s.is_ascii() {
        out.push_str(s);
        out.make_ascii_lowercase();
        return true;
    }
    for c in s.chars() {
        if collapse && c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let cp = c as u32;
        match t {
            Some(t) if cp < FOLD_TABLE_END && t.lower[cp as usize] != '\0' => {
                out.push(t.lower[cp as usize])
            }
            _ => return false,
        }
    }
    true
}

/// Whether `haystack` contains `needle` after [`fold_key`] on both.
pub fn folded_contains(haystack: &str, needle: &str) -> bool {
    fold_key(haystack).contains(&fold_key(needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    /// The reference [`fold_key`]: NFD of the whole string, as first written.
    fn fold_key_reference(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut space = false;
        for c in s.nfd() {
            if is_combining_mark(c) {
                continue;
            }
            let c = match c {
                'đ' | 'Đ' => 'd',
                '\u{a0}' | '\u{2007}' | '\u{202f}' => ' ',
                c => c,
            };
            if c.is_whitespace() {
                space = !out.is_empty();
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.extend(c.to_lowercase());
        }
        out
    }

    /// The reference [`same_text_key`], as first written.
    fn same_text_key_reference(s: &str) -> String {
        let n: String = if unicode_normalization::is_nfc_quick(s.chars())
            == unicode_normalization::IsNormalized::Yes
        {
            s.to_string()
        } else {
            s.nfc().collect()
        };
        n.to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Vietnamese letters, marks, spaces and a few other scripts, so that
    /// both the fast path and the fallback are exercised.
    fn vietnamese_like() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                proptest::char::range('a', 'z'),
                proptest::char::range('A', 'Z'),
                proptest::char::range('\u{c0}', '\u{24f}'),
                proptest::char::range('\u{1ea0}', '\u{1ef9}'),
                proptest::char::range('\u{300}', '\u{36f}'),
                proptest::char::range('\u{2000}', '\u{2100}'),
                Just(' '),
                Just('\u{a0}'),
                Just('\t'),
                Just('Σ'),
                Just('İ'),
                Just('가'),
                Just('\u{212b}'),
                Just('đ'),
                Just('Đ'),
            ],
            0..40,
        )
        .prop_map(|v| v.into_iter().collect())
    }

    /// Vietnamese-heavy text for the normalization proofs: base vowels with
    /// the Vietnamese combining marks in any order and number (stacked marks
    /// such as "ệ" = e + U+0323 + U+0302 or "ự" = u + U+031B + U+0323),
    /// precomposed letters, and a few characters that exercise the other
    /// rules of UAX #15 (Hangul syllables and jamo, singletons, marks of
    /// other classes, composition exclusions).
    fn vietnamese_normalization_cases() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                4 => proptest::sample::select(vec![
                    'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'đ', 'A', 'Ă',
                    'Â', 'E', 'Ê', 'O', 'Ô', 'Ơ', 'U', 'Ư', 'Y', 'Đ', 'n', 'g', 'h', ' ',
                ]),
                4 => proptest::sample::select(vec![
                    '\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}', '\u{302}',
                    '\u{306}', '\u{31b}', '\u{340}', '\u{341}', '\u{343}', '\u{344}',
                    '\u{345}', '\u{327}', '\u{328}', '\u{5b0}', '\u{f71}', '\u{f72}',
                    '\u{f73}', '\u{1d165}', '\u{1d16e}',
                ]),
                3 => proptest::char::range('\u{1ea0}', '\u{1ef9}'),
                1 => proptest::char::range('\u{c0}', '\u{24f}'),
                1 => proptest::sample::select(vec![
                    '가', '각', '\u{1100}', '\u{1161}', '\u{11a8}', '\u{212b}', '\u{2126}',
                    '\u{f900}', '\u{1f71}', '\u{0958}', '\u{2adc}', '\u{ff21}', 'ﬁ', '²',
                ]),
            ],
            0..24,
        )
        .prop_map(|v| v.into_iter().collect())
    }

    #[test]
    fn stacked_vietnamese_marks_normalize_like_the_crate() {
        for s in [
            "ệ",
            "ự",
            "e\u{323}\u{302}",
            "e\u{302}\u{323}",
            "u\u{31b}\u{323}",
            "u\u{323}\u{31b}",
            "ư\u{323}",
            "ụ\u{31b}",
            "Quye\u{301}t đi\u{323}nh",
            "Kế hoạch phổ biến",
            "\u{323}\u{302}e",
            "가\u{11a8}",
            "\u{1100}\u{1161}\u{11a8}",
        ] {
            assert_eq!(nfc(s), s.nfc().collect::<String>(), "{s:?}");
            assert_eq!(nfc_slow(s), s.nfc().collect::<String>(), "{s:?}");
            assert_eq!(
                nfd(s).collect::<String>(),
                s.nfd().collect::<String>(),
                "{s:?}"
            );
        }
        assert_eq!(nfc("e\u{323}\u{302}"), "ệ");
        assert_eq!(nfc("u\u{31b}\u{323}"), "ự");
        assert_eq!(nfd("ệ").collect::<String>(), "e\u{323}\u{302}");
        assert_eq!(nfd("ự").collect::<String>(), "u\u{31b}\u{323}");
    }

    #[test]
    fn long_runs_of_marks_normalize_like_the_crate() {
        // 60,000 marks in falling class order (U+0301 230, U+0323 220,
        // U+031B 216) after one letter: ordered by a sort, not quadratic.
        let s: String = std::iter::once('u')
            .chain(std::iter::repeat_n(['\u{301}', '\u{323}', '\u{31b}'], 20_000).flatten())
            .collect();
        assert_eq!(nfc(&s), s.nfc().collect::<String>());
        assert_eq!(nfd(&s).collect::<String>(), s.nfd().collect::<String>());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn nfc_and_nfd_equal_the_crate(s in any::<String>()) {
            prop_assert_eq!(nfc(&s), s.nfc().collect::<String>());
            prop_assert_eq!(nfc_slow(&s), s.nfc().collect::<String>());
            prop_assert_eq!(nfd(&s).collect::<String>(), s.nfd().collect::<String>());
        }

        #[test]
        fn nfc_and_nfd_equal_the_crate_on_long_runs_of_marks(
            runs in proptest::collection::vec(
                (
                    proptest::sample::select(vec!['a', 'e', 'u', 'ư', 'ệ', '가', '\u{1100}']),
                    proptest::collection::vec(
                        proptest::sample::select(vec![
                            '\u{300}', '\u{301}', '\u{302}', '\u{303}', '\u{306}', '\u{309}',
                            '\u{31b}', '\u{323}', '\u{327}', '\u{345}', '\u{5b0}', '\u{f71}',
                            '\u{f73}', '\u{1d16e}', '\u{344}', '\u{1161}',
                        ]),
                        0..60,
                    ),
                ),
                1..4,
            )
        ) {
            let s: String = runs
                .into_iter()
                .flat_map(|(base, marks)| std::iter::once(base).chain(marks))
                .collect();
            prop_assert_eq!(nfc(&s), s.nfc().collect::<String>());
            prop_assert_eq!(nfd(&s).collect::<String>(), s.nfd().collect::<String>());
        }

        #[test]
        fn nfc_and_nfd_equal_the_crate_on_vietnamese(s in vietnamese_normalization_cases()) {
            // As written (mixed), then in NFC and in NFD.
            let composed: String = s.nfc().collect();
            let decomposed: String = s.nfd().collect();
            for t in [&s, &composed, &decomposed] {
                prop_assert_eq!(nfc(t), t.nfc().collect::<String>());
                prop_assert_eq!(nfc_slow(t), t.nfc().collect::<String>());
                prop_assert_eq!(nfd(t).collect::<String>(), t.nfd().collect::<String>());
            }
        }

        #[test]
        fn fold_key_equals_the_nfd_reference(s in any::<String>()) {
            prop_assert_eq!(fold_key(&s), fold_key_reference(&s));
        }

        #[test]
        fn fold_key_equals_the_nfd_reference_on_vietnamese(s in vietnamese_like()) {
            prop_assert_eq!(fold_key(&s), fold_key_reference(&s));
        }

        #[test]
        fn same_text_key_equals_the_reference(s in any::<String>()) {
            prop_assert_eq!(same_text_key(&s), same_text_key_reference(&s));
        }

        #[test]
        fn same_text_key_equals_the_reference_on_vietnamese(s in vietnamese_like()) {
            prop_assert_eq!(same_text_key(&s), same_text_key_reference(&s));
            let nfd: String = s.nfd().collect();
            prop_assert_eq!(same_text_key(&nfd), same_text_key_reference(&nfd));
        }

        #[test]
        fn to_lower_equals_str_to_lowercase(s in vietnamese_like()) {
            prop_assert_eq!(to_lower(&s), s.to_lowercase());
        }

        #[test]
        fn nfc_check_equals_the_quick_check(s in vietnamese_like()) {
            prop_assert_eq!(
                is_nfc(&s),
                unicode_normalization::is_nfc_quick(s.chars())
                    == unicode_normalization::IsNormalized::Yes
            );
        }
    }

    #[test]
    fn every_table_character_folds_like_the_reference() {
        for cp in 0..FOLD_TABLE_END {
            if let Some(c) = char::from_u32(cp) {
                for s in [c.to_string(), format!("a{c}b"), format!(" {c} Ư\u{301}")] {
                    assert_eq!(fold_key(&s), fold_key_reference(&s), "U+{cp:04X}");
                    assert_eq!(same_text_key(&s), same_text_key_reference(&s), "U+{cp:04X}");
                }
            }
        }
    }

    #[test]
    fn nfd_and_nfc_fold_to_the_same_key() {
        let nfc_s = "Kế hoạch phổ biến, giáo dục pháp luật năm 2026";
        let nfd_s: String = nfc_s.nfd().collect();
        assert_ne!(nfc_s, nfd_s);
        assert_eq!(fold_key(nfc_s), fold_key(&nfd_s));
        assert_eq!(fold_key("Đầu mối"), "dau moi");
    }
}
