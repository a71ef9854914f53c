//! Vietnamese text normalisation shared by readers, validators and search.

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// Unicode NFC, the form tiepcan stores text in (LAW.md §0.1: đ is U+0111).
pub fn nfc(s: &str) -> String {
    // Most text is already NFC: the quick check avoids decomposing it.
    if unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        s.to_string()
    } else {
        s.nfc().collect()
    }
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

/// A key that identifies the same text typed differently: NFC, lower case,
/// white space collapsed — diacritics kept, so "điểm d" and "điểm đ" stay
/// apart. Used for duplicate detection.
pub fn same_text_key(s: &str) -> String {
    nfc(s)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `haystack` contains `needle` after [`fold_key`] on both.
pub fn folded_contains(haystack: &str, needle: &str) -> bool {
    fold_key(haystack).contains(&fold_key(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfd_and_nfc_fold_to_the_same_key() {
        let nfc_s = "Kế hoạch phổ biến, giáo dục pháp luật năm 2026";
        let nfd_s: String = nfc_s.nfd().collect();
        assert_ne!(nfc_s, nfd_s);
        assert_eq!(fold_key(nfc_s), fold_key(&nfd_s));
        assert_eq!(fold_key("Đầu mối"), "dau moi");
    }
}
