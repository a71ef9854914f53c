//! Document numbers and symbols (số, ký hiệu văn bản) and electronic agency
//! codes (mã định danh điện tử của cơ quan).

use std::fmt;

use serde::{Deserialize, Serialize};

/// Abbreviations of Vietnamese document types as they open a symbol
/// (Nghị định 30/2020/NĐ-CP, Appendix III), longest first where prefixes clash.
const DOC_TYPES: &[&str] = &[
    "TTLT", "NQLT", "QĐ", "QyĐ", "NQ", "NĐ", "CT", "QC", "TB", "TBKL", "HD", "CTr", "KH", "PA",
    "ĐA", "DA", "BC", "BB", "TTr", "HĐ", "CV", "CĐ", "GM", "GGT", "GUQ", "GNP", "PC", "PB", "TT",
    "L", "BGN", "BTT", "GXN", "GCN", "PG", "PCT", "PTT", "BK", "TC", "PL", "TTg", "SL",
];

/// A document reference parsed from its number and symbol, e.g.
/// `13/2018/NĐ-CP` (number 13, year 2018, type NĐ, issuer CP),
/// `104/2016/QH13` (issuer QH13), `12322/UBND-NCTCD` (issuer UBND, unit
/// NCTCD), `45/BC-UBND` (type BC, issuer UBND).
///
/// A reference whose number is missing (`Số: /BC-UBND`) still parses, with
/// `number: None`; the validator reports it (rule `R-DOC-NUMBER`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DocumentRef {
    /// The text as written (NFC).
    pub raw: String,
    /// The number (`"13"`, `"12322"`), `None` when the text leaves it blank.
    pub number: Option<String>,
    /// The year in the symbol, for legal normative documents (`2018`).
    pub year: Option<u16>,
    /// Document type abbreviation (`"NĐ"`, `"QĐ"`, `"BC"`), when present.
    pub doc_type: Option<String>,
    /// Issuing body abbreviation (`"CP"`, `"UBND"`, `"QH13"`, `"BTC"`).
    pub issuer: Option<String>,
    /// Drafting unit after the issuer (`"NCTCD"` in `12322/UBND-NCTCD`).
    pub unit: Option<String>,
}

/// Why a number and symbol cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{input:?} is not a document number and symbol (expected e.g. 13/2018/NĐ-CP or 45/BC-UBND)"
)]
pub struct DocumentRefError {
    /// The text.
    pub input: String,
}

impl DocumentRef {
    /// Parse a number and symbol. An optional `Số:` / `Số` prefix is removed.
    ///
    /// # Errors
    /// [`DocumentRefError`] when the text has no `/`-separated symbol at all.
    ///
    /// ```
    /// use tiepcan::model::DocumentRef;
    /// let r = DocumentRef::parse("13/2018/NĐ-CP")?;
    /// assert_eq!((r.number.as_deref(), r.year, r.doc_type.as_deref(), r.issuer.as_deref()),
    ///            (Some("13"), Some(2018), Some("NĐ"), Some("CP")));
    /// let blank = DocumentRef::parse("Số: /BC-UBND")?;
    /// assert_eq!(blank.number, None);
    /// # Ok::<(), tiepcan::model::DocumentRefError>(())
    /// ```
    pub fn parse(input: &str) -> Result<DocumentRef, DocumentRefError> {
        let err = || DocumentRefError {
            input: input.to_string(),
        };
        let raw = crate::text::nfc(input.trim());
        let mut t = raw.as_str();
        for p in ["Số:", "số:", "SỐ:", "Số", "số", "So:", "so:"] {
            if let Some(rest) = t.strip_prefix(p) {
                t = rest.trim_start();
                break;
            }
        }
        let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
        let parts: Vec<&str> = t.split('/').collect();
        if parts.len() < 2 || parts.iter().skip(1).any(|p| p.is_empty()) {
            return Err(err());
        }
        let number = match parts[0] {
            "" | "..." | "…" | "...." => None,
            n if n.chars().next().is_some_and(|c| c.is_ascii_digit()) => Some(n.to_string()),
            _ => return Err(err()),
        };
        let (year, symbol) = if parts.len() >= 3
            && parts[1].len() == 4
            && parts[1].bytes().all(|b| b.is_ascii_digit())
        {
            (parts[1].parse().ok(), parts[2..].join("/"))
        } else {
            (None, parts[1..].join("/"))
        };
        let segs: Vec<&str> = symbol.split('-').filter(|s| !s.is_empty()).collect();
        if segs.is_empty() {
            return Err(err());
        }
        let (doc_type, issuer, unit) = if segs.len() >= 2 && DOC_TYPES.contains(&segs[0]) {
            (
                Some(segs[0].to_string()),
                Some(segs[1].to_string()),
                (segs.len() > 2).then(|| segs[2..].join("-")),
            )
        } else {
            (
                None,
                Some(segs[0].to_string()),
                (segs.len() > 1).then(|| segs[1..].join("-")),
            )
        };
        Ok(DocumentRef {
            raw,
            number,
            year,
            doc_type,
            issuer,
            unit,
        })
    }

    /// Whether the number part is present.
    pub fn has_number(&self) -> bool {
        self.number.is_some()
    }
}

impl fmt::Display for DocumentRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

/// Mã định danh điện tử của cơ quan — the electronic agency code used for
/// document exchange, of the form `000.00.00.H49`: three groups of 3, 2 and 2
/// digits, then a level-1 code of one capital letter and two digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AgencyCode(String);

/// Why an agency code is invalid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{input:?} is not an electronic agency code: {reason} (expected the form 000.00.00.H49)")]
pub struct AgencyCodeError {
    /// The text.
    pub input: String,
    /// What is wrong.
    pub reason: &'static str,
}

impl AgencyCode {
    /// Parse and validate a code.
    ///
    /// # Errors
    /// [`AgencyCodeError`] when the shape is not `ddd.dd.dd.Xdd`.
    ///
    /// ```
    /// use tiepcan::model::AgencyCode;
    /// assert_eq!(AgencyCode::parse("000.00.00.H49")?.as_str(), "000.00.00.H49");
    /// assert!(AgencyCode::parse("000.00.00.49H").is_err());
    /// # Ok::<(), tiepcan::model::AgencyCodeError>(())
    /// ```
    pub fn parse(input: &str) -> Result<AgencyCode, AgencyCodeError> {
        let t = input.trim();
        let e = |reason| AgencyCodeError {
            input: input.to_string(),
            reason,
        };
        let groups: Vec<&str> = t.split('.').collect();
        if groups.len() != 4 {
            return Err(e("it must have four dot-separated groups"));
        }
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(groups[0], 3) || !digits(groups[1], 2) || !digits(groups[2], 2) {
            return Err(e("the first three groups must be 3, 2 and 2 digits"));
        }
        let l1 = groups[3].as_bytes();
        if l1.len() != 3
            || !l1[0].is_ascii_uppercase()
            || !l1[1].is_ascii_digit()
            || !l1[2].is_ascii_digit()
        {
            return Err(e("the last group must be a capital letter and two digits"));
        }
        Ok(AgencyCode(t.to_string()))
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AgencyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for AgencyCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for AgencyCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        AgencyCode::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_symbol_forms_from_the_issue() {
        let r = DocumentRef::parse("12322/UBND-NCTCD").unwrap();
        assert_eq!(
            (
                r.number.as_deref(),
                r.year,
                r.doc_type.as_deref(),
                r.issuer.as_deref(),
                r.unit.as_deref()
            ),
            (Some("12322"), None, None, Some("UBND"), Some("NCTCD"))
        );
        let r = DocumentRef::parse("104/2016/QH13").unwrap();
        assert_eq!(
            (r.year, r.doc_type, r.issuer.as_deref()),
            (Some(2016), None, Some("QH13"))
        );
        let r = DocumentRef::parse("46/2018/TT-BTC").unwrap();
        assert_eq!(
            (r.doc_type.as_deref(), r.issuer.as_deref()),
            (Some("TT"), Some("BTC"))
        );
        let r = DocumentRef::parse("05/2026/NQ-HĐND").unwrap();
        assert_eq!(
            (r.doc_type.as_deref(), r.issuer.as_deref()),
            (Some("NQ"), Some("HĐND"))
        );
        let r = DocumentRef::parse("Số: /UBND-NC").unwrap();
        assert!(!r.has_number());
        assert!(DocumentRef::parse("Chi tiết").is_err());
        assert!(DocumentRef::parse("").is_err());
    }

    #[test]
    fn agency_codes() {
        assert!(AgencyCode::parse("000.00.00.H49").is_ok());
        assert!(AgencyCode::parse("000.00.00.h49").is_err());
        assert!(AgencyCode::parse("00.00.00.H49").is_err());
        assert!(AgencyCode::parse("000.00.00").is_err());
    }
}
