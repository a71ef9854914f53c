//! The two catalogs every providing agency keeps (Law 104/2016/QH13,
//! Art. 34(1)(b); Decree 13/2018/NĐ-CP, Arts 6–7) and their entries.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Agency, DocumentRef, PartialDate};
use crate::law::{Art17Point, ConditionalGround, ConsentHolder, DisclosureForm};

/// A field of a catalog entry, as used in source maps and diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// STT — sequence number as written.
    Seq,
    /// Tên văn bản, hồ sơ — title.
    Title,
    /// Số, ký hiệu — number and symbol.
    NumberSymbol,
    /// Ngày tạo ra / ngày ban hành — creation date.
    CreatedOn,
    /// Thuộc điểm … khoản 1 Điều 17 — Art. 17 point.
    Art17Point,
    /// Hình thức công khai — disclosure forms.
    DisclosureForms,
    /// Thời điểm công khai — time of disclosure.
    DisclosureTime,
    /// Thời hạn công khai — time limit of disclosure.
    DisclosurePeriod,
    /// Đường dẫn / địa chỉ truy cập — access link.
    AccessLink,
    /// Tệp đính kèm — digitised file.
    Attachment,
    /// Căn cứ tiếp cận có điều kiện — Art. 7 ground.
    Ground,
    /// Người có quyền chấp thuận — consent holder.
    ConsentHolder,
    /// Tình trạng chấp thuận — consent status.
    ConsentStatus,
    /// Ghi chú — note.
    Note,
}

impl Field {
    /// The field's name in JSON (`"created_on"`).
    pub fn key(self) -> &'static str {
        match self {
            Field::Seq => "seq",
            Field::Title => "title",
            Field::NumberSymbol => "number_symbol",
            Field::CreatedOn => "created_on",
            Field::Art17Point => "art17_point",
            Field::DisclosureForms => "disclosure_forms",
            Field::DisclosureTime => "disclosure_time",
            Field::DisclosurePeriod => "disclosure_period",
            Field::AccessLink => "access_link",
            Field::Attachment => "attachment",
            Field::Ground => "ground",
            Field::ConsentHolder => "consent_holder",
            Field::ConsentStatus => "consent_status",
            Field::Note => "note",
        }
    }

    /// Every field, in declaration order.
    pub const ALL: [Field; 14] = [
        Field::Seq,
        Field::Title,
        Field::NumberSymbol,
        Field::CreatedOn,
        Field::Art17Point,
        Field::DisclosureForms,
        Field::DisclosureTime,
        Field::DisclosurePeriod,
        Field::AccessLink,
        Field::Attachment,
        Field::Ground,
        Field::ConsentHolder,
        Field::ConsentStatus,
        Field::Note,
    ];

    /// The field whose JSON name is exactly `key` (`"created_on"`): the
    /// inverse of [`Field::key`].
    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }

    /// Vietnamese column name tiepcan writes.
    pub fn header_vi(self) -> &'static str {
        match self {
            Field::Seq => "STT",
            Field::Title => "Tên văn bản, hồ sơ",
            Field::NumberSymbol => "Số, ký hiệu",
            Field::CreatedOn => "Ngày tạo ra",
            Field::Art17Point => "Thuộc điểm (khoản 1 Điều 17)",
            Field::DisclosureForms => "Hình thức công khai",
            Field::DisclosureTime => "Thời điểm công khai",
            Field::DisclosurePeriod => "Thời hạn công khai",
            Field::AccessLink => "Đường dẫn",
            Field::Attachment => "Tệp đính kèm",
            Field::Ground => "Căn cứ (Điều 7)",
            Field::ConsentHolder => "Người có quyền chấp thuận",
            Field::ConsentStatus => "Tình trạng chấp thuận",
            Field::Note => "Ghi chú",
        }
    }
}

/// Where an entry came from in a table: its 1-based row (the header row
/// counts) and, for each field, the column header as written in the file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceSpan {
    /// 1-based physical row.
    pub row: usize,
    /// Column header as written, per field.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub columns: BTreeMap<Field, String>,
}

/// An entry of the disclosure catalog: one document, file or record
/// (Decree 13/2018/NĐ-CP, Art. 6(3); LAW.md §4.5).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InformationItem {
    /// STT as written ("1", "3.1"); not a key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seq: Option<String>,
    /// Tên văn bản, hồ sơ — name of the document, file or record (NFC).
    pub title: String,
    /// Số, ký hiệu — number and symbol, where the document has one.
    #[serde(default)]
    pub number_symbol: Option<DocumentRef>,
    /// Ngày, tháng, năm tạo ra — creation date, of the precision given.
    #[serde(default)]
    pub created_on: Option<PartialDate>,
    /// The Art. 17 point the entry belongs to (not in the Decree's field
    /// list; needed for the checks — LAW.md §4.5).
    #[serde(default)]
    pub art17_point: Option<Art17Point>,
    /// Hình thức công khai — Art. 18(1) forms.
    #[serde(default)]
    pub disclosure_forms: Vec<DisclosureForm>,
    /// Thời điểm công khai — time of disclosure, as written.
    #[serde(default)]
    pub disclosure_time: Option<String>,
    /// Thời hạn công khai — time limit of disclosure, as written.
    #[serde(default)]
    pub disclosure_period: Option<String>,
    /// Địa chỉ truy cập để tải thông tin — download address (a URL).
    #[serde(default)]
    pub access_link: Option<String>,
    /// Link text shown in the source when it carried no URL ("Chi tiết").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link_text: Option<String>,
    /// The digitised file, when digitised but not yet on the portal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment: Option<String>,
    /// Section caption the entry sits under ("II. NGÂN SÁCH").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Unnumbered "+" sub-rows kept as children of this entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<InformationItem>,
    /// Cells that could not be read into their field, as written (the reader
    /// reported each); kept so that nothing is lost.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unparsed: BTreeMap<Field, String>,
    /// Columns tiepcan does not know, by header as written.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
    /// Where the entry came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceSpan>,
}

/// Whether consent for an Art. 7 item has been given (Form 06).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentStatus {
    /// No consent recorded.
    None,
    /// Consent requested, not yet given.
    Requested,
    /// Written consent (Form 06) given.
    Given,
    /// Consent refused.
    Refused,
}

impl ConsentStatus {
    /// The snake_case code it serialises as (`"requested"`).
    pub fn code(self) -> &'static str {
        match self {
            ConsentStatus::None => "none",
            ConsentStatus::Requested => "requested",
            ConsentStatus::Given => "given",
            ConsentStatus::Refused => "refused",
        }
    }

    /// The status whose code is exactly `s` (the inverse of
    /// [`ConsentStatus::code`]).
    pub fn from_code(s: &str) -> Option<ConsentStatus> {
        [
            ConsentStatus::None,
            ConsentStatus::Requested,
            ConsentStatus::Given,
            ConsentStatus::Refused,
        ]
        .into_iter()
        .find(|c| c.code() == s)
    }
}

/// A head-of-agency decision to provide Art. 7 information without consent,
/// for the public interest or community health (Art. 7(3)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverrideDecision {
    /// Who decided (the head of the agency).
    pub decided_by: String,
    /// When.
    #[serde(default, with = "crate::model::iso_date_opt")]
    pub decided_on: Option<NaiveDate>,
    /// Why: the public interest or community health need.
    pub reason: String,
    /// The decision's number and symbol.
    #[serde(default)]
    pub document: Option<DocumentRef>,
}

/// An entry of the conditional-access catalog (Decree 13/2018/NĐ-CP,
/// Art. 6(1); the texts give no field list, so these are the design fields of
/// LAW.md §4.5, A23). Its content is withheld until the conditions are met.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConditionalItem {
    /// STT as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seq: Option<String>,
    /// Title.
    pub title: String,
    /// Number and symbol.
    #[serde(default)]
    pub number_symbol: Option<DocumentRef>,
    /// Creation date.
    #[serde(default)]
    pub created_on: Option<PartialDate>,
    /// Art. 7 ground.
    #[serde(default)]
    pub ground: Option<ConditionalGround>,
    /// Who must consent, as declared (checked against the ground).
    #[serde(default)]
    pub consent_holder: Option<ConsentHolder>,
    /// Consent status.
    #[serde(default)]
    pub consent_status: Option<ConsentStatus>,
    /// Reference of the Form 06 consent, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent_document: Option<String>,
    /// Art. 7(3) head's decision, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub override_decision: Option<OverrideDecision>,
    /// Section caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Cells not read into their field, as written.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unparsed: BTreeMap<Field, String>,
    /// Unknown columns.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
    /// Where the entry came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceSpan>,
}

/// What both catalogs say about themselves.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogHeader {
    /// The agency whose catalog it is.
    #[serde(default)]
    pub agency: Option<Agency>,
    /// Title as published ("DANH MỤC THÔNG TIN PHẢI ĐƯỢC CÔNG KHAI").
    #[serde(default)]
    pub title: Option<String>,
    /// The legal basis the catalog states ("theo Điều 19, Luật Tiếp cận thông
    /// tin năm 2016"), as written.
    #[serde(default)]
    pub stated_basis: Option<String>,
    /// The decision that issued the catalog ("Kèm theo Quyết định số …").
    #[serde(default)]
    pub issuing_decision: Option<DocumentRef>,
    /// Date of that decision.
    #[serde(default, with = "crate::model::iso_date_opt")]
    pub issued_on: Option<NaiveDate>,
    /// Last update of the catalog (Decree 13 Art. 6(3): updated regularly).
    #[serde(default, with = "crate::model::iso_date_opt")]
    pub last_updated: Option<NaiveDate>,
    /// Where the catalog is published (the portal's access section URL, or
    /// the posting place when there is no portal).
    #[serde(default)]
    pub published_at: Option<String>,
    /// Unit that compiled it (the focal unit, Decree 13 Art. 6(1)).
    #[serde(default)]
    pub compiled_by: Option<String>,
    /// Who approved it (optional, A17).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
}

/// Danh mục thông tin phải được công khai — the disclosure catalog
/// (Law 104/2016/QH13, Art. 34(1)(b); Decree 13/2018/NĐ-CP, Art. 6).
///
/// JSON: the header's fields and `"items"` in one object (`Deserialize` is
/// written by hand, see [`Catalog`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DisclosureCatalog {
    /// About the catalog.
    #[serde(flatten)]
    pub header: CatalogHeader,
    /// The entries, in source order.
    pub items: Vec<InformationItem>,
}

/// Danh mục thông tin công dân được tiếp cận có điều kiện — the
/// conditional-access catalog (Decree 13/2018/NĐ-CP, Art. 6(1)).
///
/// JSON: as [`DisclosureCatalog`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ConditionalAccessCatalog {
    /// About the catalog.
    #[serde(flatten)]
    pub header: CatalogHeader,
    /// The entries, in source order.
    pub items: Vec<ConditionalItem>,
}

/// Which of the two catalogs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CatalogKind {
    /// The disclosure catalog.
    Disclosure,
    /// The conditional-access catalog.
    Conditional,
}

impl CatalogKind {
    /// `"disclosure"` or `"conditional"`.
    pub fn code(self) -> &'static str {
        match self {
            CatalogKind::Disclosure => "disclosure",
            CatalogKind::Conditional => "conditional",
        }
    }

    /// The kind whose JSON code is exactly `s` (`"disclosure"`,
    /// `"conditional"`), as the JSON model reads it; no aliases (see
    /// [`CatalogKind::parse`] for those).
    pub fn from_code(s: &str) -> Option<CatalogKind> {
        [CatalogKind::Disclosure, CatalogKind::Conditional]
            .into_iter()
            .find(|k| k.code() == s)
    }

    /// Parse `"disclosure"` / `"conditional"`.
    pub fn parse(s: &str) -> Option<CatalogKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "disclosure" | "cong-khai" | "public" => Some(CatalogKind::Disclosure),
            "conditional" | "co-dieu-kien" => Some(CatalogKind::Conditional),
            _ => None,
        }
    }
}

/// Either catalog, tagged by `"kind"` in JSON:
/// `{"kind":"disclosure","agency":{…},"items":[…]}`.
///
/// `Serialize` is derived (`#[serde(tag = "kind")]`, header flattened).
/// `Deserialize` is written by hand and accepts exactly what that derive
/// would, with the same errors: the derive buffers the whole object in
/// serde's `Content` (internal tag, `flatten`), which doubles the
/// deserializer code of every entry type (≈ 60 KB gzipped in the
/// WebAssembly module); this one collects the object's fields as
/// `serde_json::Value` and reads each part from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Catalog {
    /// A disclosure catalog.
    Disclosure(DisclosureCatalog),
    /// A conditional-access catalog.
    Conditional(ConditionalAccessCatalog),
}

impl Catalog {
    /// Which catalog this is.
    pub fn kind(&self) -> CatalogKind {
        match self {
            Catalog::Disclosure(_) => CatalogKind::Disclosure,
            Catalog::Conditional(_) => CatalogKind::Conditional,
        }
    }

    /// The header.
    pub fn header(&self) -> &CatalogHeader {
        match self {
            Catalog::Disclosure(c) => &c.header,
            Catalog::Conditional(c) => &c.header,
        }
    }

    /// Number of top-level entries.
    pub fn len(&self) -> usize {
        match self {
            Catalog::Disclosure(c) => c.items.len(),
            Catalog::Conditional(c) => c.items.len(),
        }
    }

    /// Whether the catalog has no entries.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The `"kind"` tag, read as the derived internally tagged enum reads it (a
/// variant name; "variant identifier" in errors).
#[derive(Deserialize)]
#[serde(variant_identifier, rename_all = "snake_case")]
enum KindTag {
    Disclosure,
    Conditional,
}

/// Reads the tag and buffers the other fields as a JSON object (or, for a
/// sequence whose first element is the tag, the rest as an array), as
/// serde's `TaggedContentVisitor` does: errors about the tag are raised
/// while reading, with the deserializer's position.
struct TaggedVisitor;

impl<'de> serde::de::Visitor<'de> for TaggedVisitor {
    type Value = (KindTag, serde_json::Value);

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("internally tagged enum Catalog")
    }

    fn visit_seq<S: serde::de::SeqAccess<'de>>(self, mut seq: S) -> Result<Self::Value, S::Error> {
        let Some(tag) = seq.next_element()? else {
            return Err(serde::de::Error::missing_field("kind"));
        };
        let mut rest = Vec::new();
        while let Some(v) = seq.next_element()? {
            rest.push(v);
        }
        Ok((tag, serde_json::Value::Array(rest)))
    }

    fn visit_map<M: serde::de::MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
        let mut tag = None;
        let mut rest = serde_json::Map::new();
        while let Some(k) = map.next_key::<String>()? {
            if k == "kind" {
                if tag.is_some() {
                    return Err(serde::de::Error::duplicate_field("kind"));
                }
                tag = Some(map.next_value()?);
            } else {
                let v = map.next_value()?;
                rest.insert(k, v);
            }
        }
        match tag {
            None => Err(serde::de::Error::missing_field("kind")),
            Some(tag) => Ok((tag, serde_json::Value::Object(rest))),
        }
    }
}

/// A catalog object without its `"kind"` as the derived `#[serde(flatten)]`
/// struct reads it: `"items"` as entries `T` when met, the other fields
/// kept as `serde_json::Value`; then a missing `"items"`; then the other
/// fields as the [`CatalogHeader`] (unknown ones ignored).
struct ObjectVisitor<T> {
    expecting: &'static str,
    items: std::marker::PhantomData<T>,
}

impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for ObjectVisitor<T> {
    type Value = (CatalogHeader, Vec<T>);

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_map<M: serde::de::MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
        use serde::de::Error;
        let mut items = None;
        let mut header = serde_json::Map::new();
        while let Some(k) = map.next_key::<String>()? {
            if k == "items" {
                if items.is_some() {
                    return Err(Error::duplicate_field("items"));
                }
                items = Some(map.next_value()?);
            } else {
                let v = map.next_value()?;
                header.insert(k, v);
            }
        }
        let items = items.ok_or_else(|| Error::missing_field("items"))?;
        let header =
            CatalogHeader::deserialize(serde_json::Value::Object(header)).map_err(Error::custom)?;
        Ok((header, items))
    }
}

fn object_visitor<T>(expecting: &'static str) -> ObjectVisitor<T> {
    ObjectVisitor {
        expecting,
        items: std::marker::PhantomData,
    }
}

impl<'de> Deserialize<'de> for Catalog {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::Deserializer;
        let (tag, rest) = d.deserialize_any(TaggedVisitor)?;
        let catalog = match tag {
            KindTag::Disclosure => rest
                .deserialize_map(object_visitor("struct DisclosureCatalog"))
                .map(|(header, items)| Catalog::Disclosure(DisclosureCatalog { header, items })),
            KindTag::Conditional => rest
                .deserialize_map(object_visitor("struct ConditionalAccessCatalog"))
                .map(|(header, items)| {
                    Catalog::Conditional(ConditionalAccessCatalog { header, items })
                }),
        };
        catalog.map_err(serde::de::Error::custom)
    }
}

impl Catalog {
    /// `Catalog::deserialize(value)` (same catalog, same error message),
    /// read straight from the object's map: what the JSON reader calls, so
    /// that the `Deserialize` impl is not instantiated for `Value` as well.
    pub(crate) fn from_json_value(value: serde_json::Value) -> Result<Catalog, serde_json::Error> {
        use serde::de::{Error, Unexpected};
        use serde_json::Value;
        const WHAT: &str = "internally tagged enum Catalog";
        let (tag, mut map) = match value {
            Value::Object(mut map) => match map.remove("kind") {
                // Fields before "kind" are only buffered: the tag's errors
                // come first.
                Some(tag) => (KindTag::deserialize(tag)?, map),
                None => return Err(Error::missing_field("kind")),
            },
            Value::Array(mut seq) => {
                if seq.is_empty() {
                    return Err(Error::missing_field("kind"));
                }
                let tag = KindTag::deserialize(seq.swap_remove(0))?;
                let what = match tag {
                    KindTag::Disclosure => "struct DisclosureCatalog",
                    KindTag::Conditional => "struct ConditionalAccessCatalog",
                };
                return Err(Error::invalid_type(Unexpected::Seq, &what));
            }
            Value::Null => return Err(Error::invalid_type(Unexpected::Unit, &WHAT)),
            Value::Bool(b) => return Err(Error::invalid_type(Unexpected::Bool(b), &WHAT)),
            Value::String(s) => return Err(Error::invalid_type(Unexpected::Str(&s), &WHAT)),
            Value::Number(n) => {
                let unexpected = if let Some(u) = n.as_u64() {
                    Unexpected::Unsigned(u)
                } else if let Some(i) = n.as_i64() {
                    Unexpected::Signed(i)
                } else {
                    Unexpected::Float(n.as_f64().unwrap_or(f64::NAN))
                };
                return Err(Error::invalid_type(unexpected, &WHAT));
            }
        };
        fn parts<T: serde::de::DeserializeOwned>(
            map: &mut serde_json::Map<String, Value>,
        ) -> Result<(CatalogHeader, Vec<T>), serde_json::Error> {
            let items = map
                .remove("items")
                .ok_or_else(|| Error::missing_field("items"));
            let items = Vec::<T>::deserialize(items?)?;
            let header = CatalogHeader::deserialize(Value::Object(std::mem::take(map)))?;
            Ok((header, items))
        }
        Ok(match tag {
            KindTag::Disclosure => {
                let (header, items) = parts(&mut map)?;
                Catalog::Disclosure(DisclosureCatalog { header, items })
            }
            KindTag::Conditional => {
                let (header, items) = parts(&mut map)?;
                Catalog::Conditional(ConditionalAccessCatalog { header, items })
            }
        })
    }
}

impl<'de> Deserialize<'de> for DisclosureCatalog {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (header, items) = d.deserialize_map(object_visitor("struct DisclosureCatalog"))?;
        Ok(DisclosureCatalog { header, items })
    }
}

impl<'de> Deserialize<'de> for ConditionalAccessCatalog {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (header, items) =
            d.deserialize_map(object_visitor("struct ConditionalAccessCatalog"))?;
        Ok(ConditionalAccessCatalog { header, items })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::{json, Value};

    /// The derived deserializers the hand-written ones replace (internal
    /// tag, flattened header), kept as the reference; same type names, as
    /// serde's messages name them.
    mod derived {
        use super::super::{CatalogHeader, ConditionalItem, InformationItem};
        use serde::Deserialize;

        #[derive(Deserialize)]
        pub struct DisclosureCatalog {
            #[serde(flatten)]
            pub header: CatalogHeader,
            pub items: Vec<InformationItem>,
        }

        #[derive(Deserialize)]
        pub struct ConditionalAccessCatalog {
            #[serde(flatten)]
            pub header: CatalogHeader,
            pub items: Vec<ConditionalItem>,
        }

        #[derive(Deserialize)]
        #[serde(tag = "kind", rename_all = "snake_case")]
        pub enum Catalog {
            Disclosure(DisclosureCatalog),
            Conditional(ConditionalAccessCatalog),
        }
    }
    use derived::Catalog as DerivedCatalog;
    use derived::ConditionalAccessCatalog as DerivedConditional;
    use derived::DisclosureCatalog as DerivedDisclosure;

    impl From<DerivedCatalog> for Catalog {
        fn from(c: DerivedCatalog) -> Catalog {
            match c {
                DerivedCatalog::Disclosure(d) => Catalog::Disclosure(DisclosureCatalog {
                    header: d.header,
                    items: d.items,
                }),
                DerivedCatalog::Conditional(d) => Catalog::Conditional(ConditionalAccessCatalog {
                    header: d.header,
                    items: d.items,
                }),
            }
        }
    }

    /// Same catalog or same error message, from a `Value` and from text.
    fn assert_same(v: &Value) -> Result<(), TestCaseError> {
        let ours = serde_json::from_value::<Catalog>(v.clone()).map_err(|e| e.to_string());
        let derived = serde_json::from_value::<DerivedCatalog>(v.clone())
            .map(Catalog::from)
            .map_err(|e| e.to_string());
        prop_assert_eq!(&ours, &derived, "from_value {}", v);
        let direct = Catalog::from_json_value(v.clone()).map_err(|e| e.to_string());
        prop_assert_eq!(&direct, &derived, "from_json_value {}", v);
        let text = v.to_string();
        let ours = serde_json::from_str::<Catalog>(&text).map_err(|e| e.to_string());
        let derived = serde_json::from_str::<DerivedCatalog>(&text)
            .map(Catalog::from)
            .map_err(|e| e.to_string());
        prop_assert_eq!(&ours, &derived, "from_str {}", text);
        let ours =
            serde_json::from_value::<DisclosureCatalog>(v.clone()).map_err(|e| e.to_string());
        let derived = serde_json::from_value::<DerivedDisclosure>(v.clone())
            .map(|d| DisclosureCatalog {
                header: d.header,
                items: d.items,
            })
            .map_err(|e| e.to_string());
        prop_assert_eq!(&ours, &derived, "DisclosureCatalog {}", v);
        let ours =
            serde_json::from_str::<ConditionalAccessCatalog>(&text).map_err(|e| e.to_string());
        let derived = serde_json::from_str::<DerivedConditional>(&text)
            .map(|d| ConditionalAccessCatalog {
                header: d.header,
                items: d.items,
            })
            .map_err(|e| e.to_string());
        prop_assert_eq!(&ours, &derived, "ConditionalAccessCatalog {}", text);
        Ok(())
    }

    const KEYS: &[&str] = &[
        "kind",
        "items",
        "title",
        "agency",
        "name",
        "issued_on",
        "last_updated",
        "issuing_decision",
        "raw",
        "year",
        "stated_basis",
        "published_at",
        "compiled_by",
        "approved_by",
        "seq",
        "created_on",
        "art17_point",
        "number_symbol",
        "children",
        "disclosure_forms",
        "access_link",
        "ground",
        "consent_holder",
        "consent_status",
        "override_decision",
        "unparsed",
        "extra",
        "source",
        "row",
        "columns",
        "foo",
    ];

    fn leaf() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            prop_oneof![Just(0i64), Just(1), Just(5), Just(-3), Just(2026)].prop_map(Value::from),
            Just(json!(1.5)),
            proptest::sample::select(vec![
                "disclosure",
                "conditional",
                "foo",
                "2026-01-10",
                "31/02/2026",
                "2026-02",
                "2026",
                "b",
                "đ",
                "a",
                "17(2)",
                "portal",
                "Kế hoạch",
                "",
                "12/QĐ-UBND",
                "title",
                "kind",
                "items",
            ])
            .prop_map(Value::from),
        ]
    }

    /// Any JSON over the catalog's keys and values.
    fn any_json() -> impl Strategy<Value = Value> {
        leaf().prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                proptest::collection::btree_map(proptest::sample::select(KEYS), inner, 0..6)
                    .prop_map(|m| Value::Object(
                        m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
                    )),
            ]
        })
    }

    /// Catalog-shaped JSON: a kind (or none), header fields, items with
    /// valid and invalid field values.
    fn catalog_like() -> impl Strategy<Value = Value> {
        let item = proptest::collection::btree_map(
            proptest::sample::select(KEYS),
            prop_oneof![3 => leaf(), 1 => any_json()],
            0..5,
        );
        let kind = prop_oneof![
            3 => proptest::sample::select(vec!["disclosure", "conditional"]).prop_map(Value::from),
            1 => leaf(),
        ];
        (
            proptest::option::weighted(0.9, kind),
            proptest::collection::btree_map(proptest::sample::select(KEYS), leaf(), 0..4),
            proptest::option::of(proptest::collection::vec(
                (Just("t"), item).prop_map(|(t, m)| {
                    let mut o: serde_json::Map<String, Value> =
                        m.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
                    o.entry("title").or_insert(Value::from(t));
                    Value::Object(o)
                }),
                0..4,
            )),
        )
            .prop_map(|(kind, header, items)| {
                let mut o: serde_json::Map<String, Value> = header
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .collect();
                o.remove("kind");
                o.remove("items");
                if let Some(k) = kind {
                    o.insert("kind".into(), k);
                }
                if let Some(items) = items {
                    o.insert("items".into(), Value::Array(items));
                }
                Value::Object(o)
            })
    }

    #[test]
    fn hand_written_deserializer_matches_the_derive_on_examples() {
        for v in [
            json!({"kind": "disclosure", "items": []}),
            json!({"kind": "conditional", "items": [{"title": "A", "ground": "a"}]}),
            json!({"kind": "disclosure", "agency": {"name": "UBND"}, "issued_on": "2026-01-10",
                   "foo": 1, "items": [{"title": "A", "created_on": "2026-01", "art17_point": "đ",
                   "children": [{"title": "B"}]}]}),
            json!({"kind": "disclosure"}),
            json!({"items": []}),
            json!({"kind": "foo", "items": []}),
            json!({"kind": 0, "items": []}),
            json!({"kind": null, "items": []}),
            json!({"kind": "disclosure", "items": {}}),
            json!({"kind": "disclosure", "issued_on": "31/02/2026", "items": [{"title": 5}]}),
            json!({"kind": "disclosure", "issued_on": "31/02/2026", "items": []}),
            json!({"kind": "disclosure", "issued_on": "31/02/2026"}),
            json!({"kind": "disclosure", "items": [{"title": "A", "created_on": "31/02/2026"}]}),
            json!({"agency": 5, "kind": "disclosure", "items": [{}]}),
            json!(["disclosure"]),
            json!(["conditional", {"items": []}]),
            json!(["foo"]),
            json!([]),
            json!([5]),
            json!("disclosure"),
            json!(null),
            json!(5),
            json!(-5),
            json!(1.5),
            json!(-1.5),
            json!(18446744073709551615u64),
            json!(true),
            json!({"kind": "disclosure", "items": [], "title": 5}),
            json!({"kind": "conditional", "items": [{"title": "A", "ground": "x"}], "title": 5}),
            json!({"kind": ["disclosure"], "items": []}),
        ] {
            assert_same(&v).unwrap();
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn hand_written_deserializer_matches_the_derive(v in any_json()) {
            assert_same(&v)?;
        }

        #[test]
        fn hand_written_deserializer_matches_the_derive_on_catalogs(v in catalog_like()) {
            assert_same(&v)?;
        }

        #[test]
        fn hand_written_deserializer_matches_the_derive_on_real_shapes(
            c in catalog_like().prop_filter_map("not a catalog", |v| {
                serde_json::from_value::<Catalog>(v).ok()
            })
        ) {
            // Catalogs that read, written back and read again.
            assert_same(&serde_json::to_value(&c).unwrap())?;
        }
    }
}
