//! Character encodings of delimited text: UTF-8 (with or without BOM),
//! UTF-16 LE/BE (with BOM, as Excel's "Unicode Text" export writes it, or
//! without BOM when the zero bytes say so), and Windows-1258 when the bytes
//! are clearly not UTF-8. Also the detection of text typed in the legacy
//! Vietnamese font encodings TCVN3 (ABC) and VNI, and of UTF-8 misread as
//! Windows-1252 ("mojibake").

#[cfg(feature = "legacy-encodings")]
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1258};
#[cfg(not(feature = "legacy-encodings"))]
use small::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1258};

/// Without the `legacy-encodings` feature (the WebAssembly build): UTF-8 and
/// UTF-16 with the standard library only, so that `encoding_rs`'s tables for
/// every web encoding stay out of the module. Windows-1258 input is then
/// decoded as UTF-8 with replacement characters (and reported as not UTF-8).
#[cfg(not(feature = "legacy-encodings"))]
mod small {
    use std::borrow::Cow;

    #[derive(Debug, PartialEq, Eq)]
    pub(crate) enum Encoding {
        Utf8,
        Utf16Le,
        Utf16Be,
        Windows1258,
    }
    pub(crate) static UTF_8: &Encoding = &Encoding::Utf8;
    pub(crate) static UTF_16LE: &Encoding = &Encoding::Utf16Le;
    pub(crate) static UTF_16BE: &Encoding = &Encoding::Utf16Be;
    pub(crate) static WINDOWS_1258: &Encoding = &Encoding::Windows1258;

    impl Encoding {
        pub(crate) fn for_bom(b: &[u8]) -> Option<(&'static Encoding, usize)> {
            if b.starts_with(b"\xEF\xBB\xBF") {
                Some((UTF_8, 3))
            } else if b.starts_with(b"\xFF\xFE") {
                Some((UTF_16LE, 2))
            } else if b.starts_with(b"\xFE\xFF") {
                Some((UTF_16BE, 2))
            } else {
                None
            }
        }

        pub(crate) fn name(&self) -> &'static str {
            match self {
                Encoding::Utf8 => "UTF-8",
                Encoding::Utf16Le => "UTF-16LE",
                Encoding::Utf16Be => "UTF-16BE",
                Encoding::Windows1258 => "windows-1258",
            }
        }

        pub(crate) fn decode_without_bom_handling<'a>(&self, b: &'a [u8]) -> (Cow<'a, str>, bool) {
            match self {
                Encoding::Utf8 | Encoding::Windows1258 => {
                    let t = String::from_utf8_lossy(b);
                    let bad = matches!(t, Cow::Owned(_));
                    (t, bad)
                }
                Encoding::Utf16Le | Encoding::Utf16Be => {
                    let le = *self == Encoding::Utf16Le;
                    let units = b.chunks(2).map(|c| match (c, le) {
                        ([a, b], true) => u16::from_le_bytes([*a, *b]),
                        ([a, b], false) => u16::from_be_bytes([*a, *b]),
                        _ => 0xFFFD,
                    });
                    let mut bad = b.len() % 2 == 1;
                    let s: String = char::decode_utf16(units)
                        .map(|r| {
                            r.unwrap_or_else(|_| {
                                bad = true;
                                '\u{FFFD}'
                            })
                        })
                        .collect();
                    (Cow::Owned(s), bad)
                }
            }
        }
    }
}

use crate::validate::{Diagnostic, Location, Message, Severity};

/// Decoded text and what the decoder noticed.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    /// `"UTF-8"`, `"UTF-16LE"`, `"UTF-16BE"`, `"windows-1258"`.
    #[allow(dead_code)]
    pub encoding: &'static str,
    pub diagnostics: Vec<Diagnostic>,
}

fn enc_diag(severity: Severity, vi: String, en: String) -> Diagnostic {
    Diagnostic::new(
        "R-READ-ENCODING",
        Location::whole(),
        None,
        Message::new(vi, en),
    )
    .with_severity(severity)
}

/// Guess UTF-16 without BOM from the zero bytes of mostly-ASCII text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let n = bytes.len().min(4096) & !1;
    if n < 4 {
        return None;
    }
    let pairs = n / 2;
    let (mut even0, mut odd0) = (0usize, 0usize);
    for i in 0..pairs {
        if bytes[2 * i] == 0 {
            even0 += 1;
        }
        if bytes[2 * i + 1] == 0 {
            odd0 += 1;
        }
    }
    if odd0 * 10 >= pairs * 4 && even0 * 20 < pairs {
        Some(UTF_16LE)
    } else if even0 * 10 >= pairs * 4 && odd0 * 20 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decode bytes to text. Never fails: malformed sequences become U+FFFD and
/// are reported.
pub(crate) fn decode(bytes: &[u8]) -> Decoded {
    let mut diagnostics = Vec::new();
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            diagnostics.push(enc_diag(
                Severity::Warning,
                format!(
                    "Tệp {} có chuỗi byte không hợp lệ; đã thay bằng ký tự �.",
                    enc.name()
                ),
                format!(
                    "The {} file has malformed byte sequences; they were replaced by �.",
                    enc.name()
                ),
            ));
        }
        return Decoded {
            text: text.into_owned(),
            encoding: enc.name(),
            diagnostics,
        };
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        diagnostics.push(enc_diag(
            Severity::Info,
            format!("Tệp được đọc là {} (không có BOM).", enc.name()),
            format!("The file was read as {} (no byte order mark).", enc.name()),
        ));
        return Decoded {
            text: text.into_owned(),
            encoding: enc.name(),
            diagnostics,
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded {
            text: s.to_string(),
            encoding: "UTF-8",
            diagnostics,
        },
        Err(e) => {
            // "Clearly not UTF-8": more invalid bytes than valid multi-byte
            // sequences. Otherwise it is UTF-8 with a few damaged bytes, or a
            // file cut in the middle of a character.
            let (valid_multi, invalid) = utf8_stats(bytes);
            if e.error_len().is_none() {
                let (text, _) = UTF_8.decode_without_bom_handling(bytes);
                diagnostics.push(Diagnostic::new(
                    "R-READ-TRUNCATED",
                    Location::whole(),
                    None,
                    Message::new(
                        "Tệp kết thúc giữa một ký tự UTF-8: tệp có thể bị cắt cụt.",
                        "The file ends in the middle of a UTF-8 character: it may be cut off.",
                    ),
                ));
                return Decoded {
                    text: text.into_owned(),
                    encoding: "UTF-8",
                    diagnostics,
                };
            }
            if valid_multi > invalid {
                let (text, _) = UTF_8.decode_without_bom_handling(bytes);
                diagnostics.push(enc_diag(
                    Severity::Warning,
                    format!("Tệp UTF-8 có {invalid} byte không hợp lệ (byte thứ {}); đã thay bằng ký tự �.", e.valid_up_to() + 1),
                    format!("The UTF-8 file has {invalid} invalid bytes (first at byte {}); they were replaced by �.", e.valid_up_to() + 1),
                ));
                return Decoded {
                    text: text.into_owned(),
                    encoding: "UTF-8",
                    diagnostics,
                };
            }
            let (text, _) = WINDOWS_1258.decode_without_bom_handling(bytes);
            diagnostics.push(enc_diag(
                Severity::Warning,
                "Tệp không phải UTF-8; đã đọc theo bảng mã Windows-1258 (tiếng Việt). Hãy lưu lại tệp ở dạng UTF-8 và kiểm tra các chữ có dấu.".to_string(),
                "The file is not UTF-8; it was read as Windows-1258 (Vietnamese). Save it as UTF-8 and check the accented letters.".to_string(),
            ));
            Decoded {
                text: text.into_owned(),
                encoding: "windows-1258",
                diagnostics,
            }
        }
    }
}

/// (valid multi-byte sequences, invalid bytes) of a byte string read as UTF-8.
fn utf8_stats(mut bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0usize, 0usize);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                valid += s.chars().filter(|c| c.len_utf8() > 1).count();
                return (valid, invalid);
            }
            Err(e) => {
                let ok = &bytes[..e.valid_up_to()];
                // Safe: valid_up_to marks a UTF-8 prefix.
                valid += std::str::from_utf8(ok)
                    .map(|s| s.chars().filter(|c| c.len_utf8() > 1).count())
                    .unwrap_or(0);
                let skip = e.error_len().unwrap_or(bytes.len() - e.valid_up_to());
                invalid += skip;
                bytes = &bytes[e.valid_up_to() + skip..];
            }
        }
    }
}

/// A legacy way of writing Vietnamese detected in text that is otherwise
/// valid Unicode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegacyEncoding {
    /// TCVN3 (TCVN 5712:1993, the ".VnTime" ABC fonts): "Uû ban nh©n d©n".
    Tcvn3,
    /// VNI (the "VNI-Times" fonts): "UÛy ban nhaân daân".
    Vni,
    /// UTF-8 bytes misread as Windows-1252 and saved again: "TÃªn vÄƒn báº£n".
    Mojibake,
}

impl LegacyEncoding {
    /// Display name.
    pub fn name(self) -> &'static str {
        match self {
            LegacyEncoding::Tcvn3 => "TCVN3 (ABC)",
            LegacyEncoding::Vni => "VNI",
            LegacyEncoding::Mojibake => "UTF-8 read as Windows-1252",
        }
    }
}

/// Characters that TCVN3 text shows in Unicode and that the Vietnamese
/// alphabet never uses inside a word.
fn is_tcvn3_mark(c: char) -> bool {
    matches!(
        c,
        '«' | '¬'
            | '®'
            | '©'
            | 'ª'
            | '¸'
            | 'µ'
            | '¶'
            | '·'
            | '¹'
            | '¨'
            | '¾'
            | '¼'
            | '½'
            | '×'
            | '÷'
            | '§'
            | '£'
            | '¤'
            | '¥'
            | '¦'
            | '¡'
            | '¢'
            | 'Æ'
            | 'Ç'
            | 'Ë'
            | 'Î'
            | 'Ï'
            | 'Ð'
            | 'Ü'
            | 'Þ'
            | 'ß'
            | 'æ'
            | 'ç'
            | 'î'
            | 'þ'
    )
}

/// Characters that VNI text shows in Unicode (tone and vowel modifiers typed
/// after a base letter) and that the Vietnamese alphabet never uses.
fn is_vni_mark(c: char) -> bool {
    matches!(
        c,
        'å' | 'ä'
            | 'ü'
            | 'ë'
            | 'ø'
            | 'û'
            | 'ï'
            | 'ñ'
            | 'ö'
            | 'Å'
            | 'Ä'
            | 'Ü'
            | 'Ë'
            | 'Ø'
            | 'Û'
            | 'Ï'
            | 'Ñ'
            | 'Ö'
    )
}

/// Whether text looks typed in a legacy Vietnamese font encoding, and which.
///
/// Counts marks inside words (after a letter): at least two are needed, so a
/// lone "«" quote or a foreign name is not flagged.
///
/// ```
/// use tiepcan::io::{detect_legacy_encoding, LegacyEncoding};
/// assert_eq!(detect_legacy_encoding("Uû ban nh©n d©n x· An Hßa"), Some(LegacyEncoding::Tcvn3));
/// assert_eq!(detect_legacy_encoding("UÛy ban nhaân daân"), Some(LegacyEncoding::Vni));
/// assert_eq!(detect_legacy_encoding("TÃªn vÄƒn báº£n"), Some(LegacyEncoding::Mojibake));
/// assert_eq!(detect_legacy_encoding("Ủy ban nhân dân xã An Hòa, «Tổng kết»"), None);
/// ```
pub fn detect_legacy_encoding(text: &str) -> Option<LegacyEncoding> {
    // Every mark is in U+00A0–U+00FF, whose UTF-8 lead bytes are 0xC2 and
    // 0xC3 (never continuation bytes); most cells have none. Only those
    // characters are looked at, with their neighbours.
    let (mut tcvn, mut vni, mut moji) = (0usize, 0usize, 0usize);
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(off) = bytes[from..].iter().position(|&b| b == 0xC2 || b == 0xC3) {
        let at = from + off;
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        from = at + c.len_utf8();
        if !('\u{a0}'..='\u{ff}').contains(&c) {
            continue;
        }
        let prev = text[..at].chars().next_back();
        let next = text[from..].chars().next();
        // Mojibake: a UTF-8 lead byte read as Ã/Ä/Æ/Å/á followed by a
        // continuation byte read as a Latin-1 or Windows-1252 symbol.
        if matches!(c, 'Ã' | 'Ä' | 'Æ' | 'Å' | 'á' | 'Â')
            && next.is_some_and(|n| {
                ('\u{80}'..='\u{bf}').contains(&n) || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(n)
            })
        {
            moji += 1;
            continue;
        }
        if !(is_tcvn3_mark(c) || is_vni_mark(c) || matches!(c, 'â' | 'Â' | 'ê' | 'Ê')) {
            continue;
        }
        let after_letter = prev.is_some_and(|p| p.is_alphabetic() || is_tcvn3_mark(p));
        if !after_letter {
            continue;
        }
        if is_tcvn3_mark(c) {
            tcvn += 1;
        } else if is_vni_mark(c) {
            vni += 1;
        } else if matches!(c, 'â' | 'Â') && prev.is_some_and(|p| "aeoAEO".contains(p))
            || matches!(c, 'ê' | 'Ê') && prev.is_some_and(|p| "aA".contains(p))
        {
            // VNI writes â, ê, ô as a, e, o + "â", and ă as a + "ê".
            vni += 1;
        }
    }
    if moji >= 1 && moji >= tcvn && moji >= vni {
        Some(LegacyEncoding::Mojibake)
    } else if tcvn + vni >= 2 {
        Some(if tcvn >= vni {
            LegacyEncoding::Tcvn3
        } else {
            LegacyEncoding::Vni
        })
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`detect_legacy_encoding`] as first written (a `Vec<char>` window).
    fn detect_reference(text: &str) -> Option<LegacyEncoding> {
        if !text.chars().any(|c| ('\u{a0}'..='\u{ff}').contains(&c)) {
            return None;
        }
        let chars: Vec<char> = text.chars().collect();
        let (mut tcvn, mut vni, mut moji) = (0usize, 0usize, 0usize);
        for i in 0..chars.len() {
            let c = chars[i];
            let prev = if i > 0 { Some(chars[i - 1]) } else { None };
            let next = chars.get(i + 1).copied();
            if matches!(c, 'Ã' | 'Ä' | 'Æ' | 'Å' | 'á' | 'Â')
                && next.is_some_and(|n| {
                    ('\u{80}'..='\u{bf}').contains(&n) || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(n)
                })
            {
                moji += 1;
                continue;
            }
            let after_letter = prev.is_some_and(|p| p.is_alphabetic() || is_tcvn3_mark(p));
            if !after_letter {
                continue;
            }
            if is_tcvn3_mark(c) {
                tcvn += 1;
            } else if is_vni_mark(c)
                || matches!(c, 'â' | 'Â') && prev.is_some_and(|p| "aeoAEO".contains(p))
                || matches!(c, 'ê' | 'Ê') && prev.is_some_and(|p| "aA".contains(p))
            {
                vni += 1;
            }
        }
        if moji >= 1 && moji >= tcvn && moji >= vni {
            Some(LegacyEncoding::Mojibake)
        } else if tcvn + vni >= 2 {
            Some(if tcvn >= vni {
                LegacyEncoding::Tcvn3
            } else {
                LegacyEncoding::Vni
            })
        } else {
            None
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn detection_equals_the_reference(
            v in proptest::collection::vec(
                prop_oneof![
                    proptest::char::range('\u{0}', '\u{17f}'),
                    proptest::char::range('\u{2010}', '\u{203a}'),
                    Just('a'), Just('e'), Just('o'), Just('A'),
                ],
                0..30,
            )
        ) {
            let s: String = v.into_iter().collect();
            prop_assert_eq!(detect_legacy_encoding(&s), detect_reference(&s));
        }
    }

    #[test]
    fn utf8_bom_is_removed() {
        let d = decode("\u{feff}STT,Tên".as_bytes());
        assert_eq!(d.text, "STT,Tên");
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.diagnostics.is_empty());
    }

    #[test]
    fn utf16le_with_bom_as_excel_unicode_text() {
        let mut b = vec![0xFF, 0xFE];
        for u in "STT\tTên văn bản\r\n".encode_utf16() {
            b.extend(u.to_le_bytes());
        }
        let d = decode(&b);
        assert_eq!(d.text, "STT\tTên văn bản\r\n");
        assert_eq!(d.encoding, "UTF-16LE");
    }

    #[test]
    fn utf16be_without_bom_is_detected() {
        let mut b = vec![];
        for u in "STT\tTen van ban\r\n1\tKe hoach".encode_utf16() {
            b.extend(u.to_be_bytes());
        }
        let d = decode(&b);
        assert_eq!(d.encoding, "UTF-16BE");
        assert!(d.text.starts_with("STT\tTen"));
    }

    #[test]
    fn windows_1258_only_when_clearly_not_utf8() {
        // "Tên văn bản" in Windows-1258: ê=0xEA, ă=0xE3, a+0xF2 (dot below)... use a simple one.
        let b = b"T\xEAn v\xE3n b\xE1n";
        let d = decode(b);
        assert_eq!(d.encoding, "windows-1258");
        assert_eq!(crate::text::nfc(&d.text), "Tên văn bán");
        assert_eq!(d.diagnostics[0].rule, "R-READ-ENCODING");
        // Mostly UTF-8 with one bad byte stays UTF-8.
        let mut b = "Tên văn bản, Quyết định, Ủy ban".as_bytes().to_vec();
        b.push(b'\xFF');
        b.extend("Ngày".as_bytes());
        let d = decode(&b);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains('\u{FFFD}'));
    }

    #[test]
    fn utf8_cut_mid_character_is_truncation() {
        let s = "Kế hoạch";
        let b = &s.as_bytes()[..s.len() - 3]; // cut inside "ạ"
        let d = decode(b);
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.diagnostics[0].rule, "R-READ-TRUNCATED");
    }

    #[test]
    fn legacy_encodings() {
        assert_eq!(
            detect_legacy_encoding("Danh môc th«ng tin ph¶i ®\u{AD}îc c«ng khai"),
            Some(LegacyEncoding::Tcvn3)
        );
        assert_eq!(
            detect_legacy_encoding("Danh muïc thoâng tin phaûi ñöôïc coâng khai"),
            Some(LegacyEncoding::Vni)
        );
        for ok in [
            "Danh mục thông tin phải được công khai",
            "Hoà giải, thuê đất, khoá học, Thuý, luôn, tiêu",
            "MÃ SỐ THUẾ",
            "José Muñoz",
        ] {
            assert_eq!(detect_legacy_encoding(ok), None, "{ok}");
        }
    }
}
