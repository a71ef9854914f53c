//! Reading single cells: captions, bullets, footers, column-number rows,
//! URLs, "none" markers, cut-off text, consent values and disclosure forms.

use crate::law::{ConsentHolder, DisclosureForm};
use crate::model::ConsentStatus;
use crate::text::fold_key;

pub(super) fn is_roman_or_letter(s: &str) -> bool {
    let t = s.trim().trim_end_matches(['.', ')']).trim();
    !t.is_empty()
        && (t.chars().all(|c| "IVXLC".contains(c)) && t.len() <= 6
            || t.len() == 1 && t.chars().all(|c| c.is_ascii_uppercase()))
}

/// "I. VĂN BẢN…", "A. NGÂN SÁCH", "Phần 1", "Mục II".
pub(super) fn caption_prefix(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    if (first.ends_with('.') || first.ends_with(')')) && is_roman_or_letter(first) {
        return true;
    }
    let k = fold_key(text);
    k.starts_with("phan ") || k.starts_with("muc ") || k.starts_with("chuong ")
}

pub(super) fn is_upper(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 3 && letters.iter().all(|c| !c.is_lowercase())
}

pub(super) fn bullet(text: &str) -> Option<&str> {
    for b in ["+", "-", "–", "•", "*", "·"] {
        if let Some(rest) = text.strip_prefix(b) {
            if !rest.starts_with(b) {
                return Some(rest.trim());
            }
        }
    }
    None
}

pub(super) fn is_footer_start(k: &str) -> bool {
    const STARTS: &[&str] = &[
        "noi nhan",
        "tm.",
        "tm ",
        "kt.",
        "kt ",
        "tl.",
        "q.",
        "chu tich",
        "pho chu tich",
        "nguoi lap",
        "(da ky)",
        "luu:",
        "luu vt",
        "thu truong",
        "giam doc",
    ];
    STARTS.iter().any(|s| k.starts_with(s))
}

/// "(1) (2) (3)…" or "1 2 3 …": the column-number row under Vietnamese
/// table headers.
pub(super) fn is_column_number_row<T: AsRef<str>>(texts: &[T]) -> bool {
    let mut count = 0usize;
    let mut prev: Option<u32> = None;
    for t in texts.iter().map(AsRef::as_ref).filter(|t| !t.is_empty()) {
        let Ok(n) = t
            .trim_start_matches('(')
            .trim_end_matches(')')
            .trim()
            .parse::<u32>()
        else {
            return false;
        };
        if prev.is_some_and(|p| p.wrapping_add(1) != n) {
            return false;
        }
        prev = Some(n);
        count += 1;
    }
    count >= 3
}

pub(super) fn looks_like_url(s: &str) -> bool {
    let k = s.trim().as_bytes();
    // ASCII case-insensitive, as on the ASCII lower case of the text.
    let starts = |p: &str| k.len() >= p.len() && k[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    let contains = |p: &str| {
        k.windows(p.len())
            .any(|w| w.eq_ignore_ascii_case(p.as_bytes()))
    };
    !s.trim().contains(char::is_whitespace)
        && (starts("http://")
            || starts("https://")
            || starts("ftp://")
            || starts("www.")
            || contains(".gov.vn")
            || contains(".vn/")
            || contains(".com/"))
}

/// Explicit "none": "-", "x", "Không", "Không có".
pub(super) fn is_none_marker(s: &str) -> bool {
    s.trim().chars().count() <= 9
        && matches!(
            fold_key(s).as_str(),
            "-" | "--" | "—" | "–" | "khong" | "khong co" | "k/c" | "n/a" | "/"
        )
}

/// A text that ends mid-word: its last word is one lower-case ASCII letter
/// (not a point letter after "điểm", "khoản", "mục"), or a parenthesis or
/// quote is left open.
pub(super) fn cut_off(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() {
        return false;
    }
    let opens = t.matches('(').count() > t.matches(')').count()
        || t.matches('"').count() % 2 == 1
        || t.matches('“').count() > t.matches('”').count();
    let words: Vec<&str> = t.split_whitespace().collect();
    let last = words.last().copied().unwrap_or("");
    let before = if words.len() >= 2 {
        fold_key(words[words.len() - 2])
    } else {
        String::new()
    };
    let short = words.len() >= 3
        && last.chars().count() == 1
        && last.chars().all(|c| c.is_ascii_lowercase())
        && !["diem", "khoan", "muc", "phu", "luc", "tiet"].contains(&before.as_str());
    opens || short
}

pub(super) fn parse_consent_status(s: &str) -> Option<ConsentStatus> {
    let k = fold_key(s);
    if k.contains("tu choi") || k == "refused" {
        Some(ConsentStatus::Refused)
    } else if k.contains("chua") || k == "khong" || k == "none" {
        Some(ConsentStatus::None)
    } else if k.contains("da dong y") || k.contains("da chap thuan") || k == "given" || k == "co" {
        Some(ConsentStatus::Given)
    } else if k.contains("dang") || k.contains("de nghi") || k.contains("xin") || k == "requested" {
        Some(ConsentStatus::Requested)
    } else {
        None
    }
}

pub(super) fn parse_consent_holder(s: &str) -> Option<ConsentHolder> {
    let k = fold_key(s);
    if k.contains("gia dinh") || k == "family_members" {
        Some(ConsentHolder::FamilyMembers)
    } else if k.contains("chu so huu") || k.contains("doanh nghiep") || k == "secret_owner" {
        Some(ConsentHolder::SecretOwner)
    } else if k.contains("ca nhan")
        || k.contains("nguoi co bi mat")
        || k.contains("nguoi do")
        || k == "person_concerned"
    {
        Some(ConsentHolder::PersonConcerned)
    } else {
        None
    }
}

/// Split a forms cell ("Cổng thông tin điện tử; Niêm yết") into forms; the
/// parts that name no Art. 18(1) form are returned as written.
pub(super) fn parse_forms(s: &str) -> (Vec<DisclosureForm>, Vec<String>) {
    let mut forms = Vec::new();
    let mut rest = Vec::new();
    for part in s.split([';', '\n', '+', '|']).map(str::trim) {
        let part = part.trim_start_matches(['-', '•']).trim();
        if part.is_empty() {
            continue;
        }
        match DisclosureForm::parse(part) {
            Some(f) => {
                // "Cổng TTĐT, niêm yết": a comma may join two forms.
                let subs: Vec<Option<DisclosureForm>> =
                    part.split(',').map(DisclosureForm::parse).collect();
                if subs.len() > 1 && subs.iter().all(Option::is_some) {
                    forms.extend(subs.into_iter().flatten());
                } else {
                    forms.push(f);
                }
            }
            None => rest.push(part.to_string()),
        }
    }
    let mut seen = Vec::new();
    forms.retain(|f| {
        let new = !seen.contains(f);
        seen.push(*f);
        new
    });
    (forms, rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_off_fragments() {
        assert!(cut_off("Thông tin về danh mục dự án, chương trình và k"));
        assert!(cut_off("Báo cáo (dự thảo"));
        assert!(!cut_off("Công khai ngân sách"));
        assert!(!cut_off("Thông tin theo điểm a"));
        assert!(!cut_off("Phụ lục b"));
    }

    #[test]
    fn forms_split() {
        let (f, r) = parse_forms("Cổng thông tin điện tử; Niêm yết");
        assert_eq!(f, vec![DisclosureForm::Portal, DisclosureForm::Posting]);
        assert!(r.is_empty());
        let (f, r) = parse_forms("Cổng TTĐT, niêm yết");
        assert_eq!(f, vec![DisclosureForm::Portal, DisclosureForm::Posting]);
        assert!(r.is_empty());
        let (f, r) = parse_forms("Gửi Zalo");
        assert!(f.is_empty());
        assert_eq!(r, vec!["Gửi Zalo".to_string()]);
    }
}
