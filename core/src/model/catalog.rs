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

/// A head-of-agency decision to provide Art. 7 information without consent,
/// for the public interest or community health (Art. 7(3)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverrideDecision {
    /// Who decided (the head of the agency).
    pub decided_by: String,
    /// When.
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
    #[serde(default)]
    pub issued_on: Option<NaiveDate>,
    /// Last update of the catalog (Decree 13 Art. 6(3): updated regularly).
    #[serde(default)]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisclosureCatalog {
    /// About the catalog.
    #[serde(flatten)]
    pub header: CatalogHeader,
    /// The entries, in source order.
    pub items: Vec<InformationItem>,
}

/// Danh mục thông tin công dân được tiếp cận có điều kiện — the
/// conditional-access catalog (Decree 13/2018/NĐ-CP, Art. 6(1)).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
