//! Checks for the two catalogs (LAW.md §9 B and C; Decree 13/2018/NĐ-CP,
//! Arts 6–7; Law 104/2016/QH13, Arts 6, 7, 17–19).

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Diagnostic, Location, Message, Report, Severity};
use crate::law::{Art17Point, DisclosureForm, InaccessibleGround, PortalListing, LAW104_IN_FORCE};
use crate::model::{
    Catalog, CatalogHeader, ConditionalAccessCatalog, ConditionalItem, DisclosureCatalog, Field,
    InformationItem, SourceSpan,
};
use crate::text::fold_key;

/// Options for catalog checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckOptions {
    /// The civil date in Vietnam to check against (future creation dates,
    /// update age, district abolition). Never read from the host clock.
    #[serde(with = "crate::model::iso_date")]
    pub today: NaiveDate,
    /// Age in calendar days after which `last_updated` is reported as stale
    /// (R-CAT-UPDATE; LAW.md A16 default 30).
    pub update_threshold_days: u32,
}

impl CheckOptions {
    /// Defaults (30-day update threshold) for a given `today`.
    pub fn new(today: NaiveDate) -> CheckOptions {
        CheckOptions {
            today,
            update_threshold_days: 30,
        }
    }
}

/// Check one catalog of either kind.
///
/// Findings for a column that the source table does not have at all are
/// reported once for the catalog, not once per row. Fields the reader could
/// not parse (kept in `unparsed`) were reported by the reader and are not
/// reported again as missing.
///
/// ```
/// use chrono::NaiveDate;
/// use tiepcan::model::{Catalog, DisclosureCatalog, InformationItem};
/// use tiepcan::validate::{check_catalog, CheckOptions};
/// let item = InformationItem { title: "Kế hoạch (Mật)".into(), ..Default::default() };
/// let cat = Catalog::Disclosure(DisclosureCatalog { items: vec![item], ..Default::default() });
/// let report = check_catalog(&cat, &CheckOptions::new(NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()));
/// assert!(report.diagnostics.iter().any(|d| d.rule == "R-NO-ART6"));
/// ```
pub fn check_catalog(catalog: &Catalog, opts: &CheckOptions) -> Report {
    match catalog {
        Catalog::Disclosure(c) => check_disclosure(c, opts),
        Catalog::Conditional(c) => check_conditional(c, opts),
    }
}

/// Checks that need every catalog of one agency at once: R-CAT-TWO (both
/// catalogs exist, Decree 13/2018/NĐ-CP, Art. 6(1)).
pub fn check_catalog_set(catalogs: &[&Catalog]) -> Report {
    let mut r = Report::new();
    let has = |k| catalogs.iter().any(|c| c.kind() == k);
    use crate::model::CatalogKind::*;
    if has(Disclosure) && !has(Conditional) {
        r.push(
            Diagnostic::new(
                "R-CAT-TWO",
                Location::whole(),
                None,
                Message::new(
                    "Không có danh mục thông tin công dân được tiếp cận có điều kiện đi kèm danh mục thông tin phải được công khai; đơn vị đầu mối phải lập cả hai danh mục.",
                    "No conditional-access catalog was given beside the disclosure catalog; the focal unit must compile both catalogs.",
                ),
            )
            .with_severity(Severity::Warning),
        );
    }
    if has(Conditional) && !has(Disclosure) {
        r.push(
            Diagnostic::new(
                "R-CAT-TWO",
                Location::whole(),
                None,
                Message::new(
                    "Không có danh mục thông tin phải được công khai đi kèm.",
                    "No disclosure catalog was given beside the conditional-access catalog.",
                ),
            )
            .with_severity(Severity::Warning),
        );
    }
    r
}

fn loc(item_index: usize, source: Option<&SourceSpan>, field: Option<Field>) -> Location {
    match source {
        Some(s) => {
            let mut l = Location::row(s.row);
            if let Some(f) = field {
                l.column = Some(
                    s.columns
                        .get(&f)
                        .cloned()
                        .unwrap_or_else(|| f.header_vi().to_string()),
                );
            }
            l
        }
        None => {
            let ptr = match field {
                Some(f) => format!("/items/{item_index}/{}", f.key()),
                None => format!("/items/{item_index}"),
            };
            let mut l = Location::pointer(ptr);
            l.column = field.map(|f| f.key().to_string());
            l
        }
    }
}

/// Which fields the source table has a column for. `None` when the input had
/// no table (JSON): every field counts as present.
fn columns_present<'a>(
    sources: impl Iterator<Item = Option<&'a SourceSpan>>,
) -> Option<Vec<Field>> {
    let mut any = false;
    let mut present: Vec<Field> = Vec::new();
    for s in sources.flatten() {
        any = true;
        for f in s.columns.keys() {
            if !present.contains(f) {
                present.push(*f);
            }
        }
    }
    any.then_some(present)
}

fn all_items(items: &[InformationItem]) -> Vec<(usize, &InformationItem)> {
    let mut v = Vec::new();
    for (i, it) in items.iter().enumerate() {
        v.push((i, it));
        for c in &it.children {
            v.push((i, c));
        }
    }
    v
}

/// Check a disclosure catalog.
pub fn check_disclosure(cat: &DisclosureCatalog, opts: &CheckOptions) -> Report {
    let mut r = Report::new();
    check_header(&cat.header, opts, &mut r);
    let items = all_items(&cat.items);
    let present = columns_present(items.iter().map(|(_, it)| it.source.as_ref()));
    let has_col = |f: Field| present.as_ref().is_none_or(|p| p.contains(&f));

    // Columns the table lacks altogether: once per catalog.
    let mandatory = [
        (
            Field::NumberSymbol,
            "R-CAT-FIELDS",
            "số, ký hiệu",
            "number and symbol",
        ),
        (
            Field::CreatedOn,
            "R-CAT-FIELDS",
            "ngày, tháng, năm tạo ra",
            "date of creation",
        ),
        (
            Field::DisclosureForms,
            "R-CAT-FIELDS",
            "hình thức công khai",
            "form of disclosure",
        ),
        (
            Field::DisclosureTime,
            "R-CAT-TIME",
            "thời điểm, thời hạn công khai",
            "time and time limit of disclosure",
        ),
        (
            Field::Art17Point,
            "R-ART17-POINT",
            "điểm của khoản 1 Điều 17 mà thông tin thuộc về",
            "the Art. 17(1) point each entry belongs to",
        ),
    ];
    if !cat.items.is_empty() {
        for (f, rule, vi, en) in mandatory {
            let missing = if f == Field::DisclosureTime {
                !has_col(Field::DisclosureTime) && !has_col(Field::DisclosurePeriod)
            } else {
                !has_col(f)
            };
            if missing {
                r.push(Diagnostic::new(
                    rule,
                    Location::whole().with_column(f.header_vi()),
                    None,
                    Message::new(
                        format!("Danh mục không có cột \"{}\" ({vi}) hoặc cột để trống ở mọi mục, trong khi đây là nội dung bắt buộc của mỗi mục theo khoản 3 Điều 6 Nghị định 13/2018/NĐ-CP.", f.header_vi()),
                        format!("The catalog has no \"{}\" column ({en}), or it is empty in every entry, which every entry must state (Decree 13/2018, Art. 6(3)).", f.header_vi()),
                    ),
                ));
            }
        }
    }

    let mut seen: HashMap<(String, Option<crate::model::PartialDate>), usize> =
        HashMap::with_capacity(items.len());
    let mut points_seen: Vec<Art17Point> = Vec::new();
    for &(idx, it) in &items {
        let src = it.source.as_ref();
        let l = |f: Option<Field>| loc(idx, src, f);
        check_item_fields(it, &l, &has_col, opts, &mut r);
        check_item_topic(it, &l, &mut r);
        if let Some(p) = it.art17_point {
            points_seen.push(p);
        }
        // NFC lower case of the title: for secrecy markings and duplicates.
        let title_lower = if crate::text::is_nfc(&it.title) {
            crate::text::to_lower(&it.title)
        } else {
            crate::text::to_lower(&crate::text::nfc(&it.title))
        };
        check_item_secrecy_lower(&it.title, &title_lower, || l(Some(Field::Title)), &mut r);
        check_item_portal(
            it,
            cat.header.agency.as_ref().and_then(|a| a.has_portal),
            &l,
            &mut r,
        );
        // Duplicates after Vietnamese normalisation: same title and number
        // (`same_text_key`) and the same date. (The date is compared as a
        // value: its text form is one-to-one and has no "|".)
        let mut text_key = String::with_capacity(title_lower.len() + 24);
        for (i, w) in title_lower.split_whitespace().enumerate() {
            if i > 0 {
                text_key.push(' ');
            }
            text_key.push_str(w);
        }
        text_key.push('|');
        if let Some(d) = &it.number_symbol {
            text_key.push_str(&crate::text::same_text_key(&d.raw));
        }
        text_key.push('|');
        let key = (text_key, it.created_on);
        if !it.title.trim().is_empty() {
            let here = src.map(|s| s.row).unwrap_or(idx);
            if let Some(first) = seen.get(&key) {
                let first_where = if src.is_some() {
                    format!("row {first}")
                } else {
                    format!("/items/{first}")
                };
                r.push(Diagnostic::new(
                    "R-CAT-DUPLICATE",
                    l(Some(Field::Title)),
                    Some(it.title.clone()),
                    Message::new(
                        format!("Mục trùng với mục ở {} (cùng tên, số ký hiệu và ngày sau khi chuẩn hóa tiếng Việt).", first_where.replace("row", "dòng")),
                        format!("Duplicate of the entry at {first_where} (same title, number and date after Vietnamese normalisation)."),
                    ),
                ));
            } else {
                seen.insert(key, here);
            }
        }
    }

    // Coverage of Art. 17 points (R-CAT-COVERAGE) and the catalog's own entry (R-CAT-SELF).
    if has_col(Field::Art17Point) || !points_seen.is_empty() || present.is_none() {
        let missing: Vec<Art17Point> = Art17Point::CLAUSE_1
            .into_iter()
            .filter(|p| !points_seen.contains(p))
            .collect();
        if !missing.is_empty() {
            let list = missing
                .iter()
                .map(|p| p.code())
                .collect::<Vec<_>>()
                .join(", ");
            let universal = missing.iter().any(|p| Art17Point::UNIVERSAL.contains(p));
            r.push(
                Diagnostic::new(
                    "R-CAT-COVERAGE",
                    Location::whole().with_column(Field::Art17Point.header_vi()),
                    Some(list.clone()),
                    Message::new(
                        format!("Không có mục nào thuộc các điểm {list} khoản 1 Điều 17; kiểm tra các loại thông tin này có áp dụng cho cơ quan hay không (các điểm k, l, m áp dụng cho mọi cơ quan)."),
                        format!("No entry for Art. 17(1) points {list}; check whether these classes apply to the agency (points k, l and m apply to every agency)."),
                    ),
                )
                .with_severity(if universal { Severity::Warning } else { Severity::Info }),
            );
        }
    } else {
        let list = Art17Point::CLAUSE_1
            .iter()
            .map(|p| p.code())
            .collect::<Vec<_>>()
            .join(", ");
        r.push(Diagnostic::new(
            "R-CAT-COVERAGE",
            Location::whole(),
            Some(list.clone()),
            Message::new(
                format!("Không xác định được mục nào thuộc điểm nào của khoản 1 Điều 17, nên không điểm nào ({list}) được chứng minh là có mục."),
                format!("No entry states its Art. 17(1) point, so none of the points ({list}) is shown to have an entry."),
            ),
        ));
    }
    if !points_seen.contains(&Art17Point::CatalogAndContacts) {
        r.push(Diagnostic::new(
            "R-CAT-SELF",
            Location::whole(),
            None,
            Message::new(
                "Danh mục không tự liệt kê mình và thông tin liên hệ (tên, địa chỉ, điện thoại, fax, thư điện tử) của cơ quan hoặc đầu mối (điểm m khoản 1 Điều 17).",
                "The catalog does not list itself and the name, address, phone, fax and e-mail of the agency or focal person (Art. 17(1)(m)).",
            ),
        ));
    }
    let own_entry_numbered = items.iter().any(|(_, it)| {
        it.art17_point == Some(Art17Point::CatalogAndContacts)
            && it.number_symbol.as_ref().is_some_and(|d| d.has_number())
    });
    if cat.header.issuing_decision.is_none() && !own_entry_numbered {
        r.push(Diagnostic::new(
            "R-CAT-ISSUER",
            Location::whole(),
            None,
            Message::new(
                "Không ghi văn bản ban hành danh mục (số, ngày quyết định) và không có mục điểm m mang số, ký hiệu của danh mục.",
                "No issuing decision (number, date) is recorded for the catalog, and no point (m) entry carries the catalog's number and symbol.",
            ),
        ));
    }
    r
}

fn check_header(h: &CatalogHeader, opts: &CheckOptions, r: &mut Report) {
    if let Some(basis) = &h.stated_basis {
        let k = fold_key(basis);
        if k.contains("dieu 19") && !k.contains("dieu 17") {
            r.push(Diagnostic::new(
                "R-CAT-BASIS",
                Location::whole(),
                Some(basis.clone()),
                Message::new(
                    "Danh mục ghi căn cứ là Điều 19 (thông tin đăng trên cổng thông tin điện tử); danh mục thông tin phải được công khai được lập theo Điều 17 Luật Tiếp cận thông tin (khoản 1 Điều 6 Nghị định 13/2018/NĐ-CP).",
                    "The catalog states Art. 19 (what goes on a portal) as its basis; the disclosure catalog is built on Art. 17 of the Law (Decree 13/2018, Art. 6(1)).",
                ),
            ));
        }
    }
    if let Some(a) = &h.agency {
        if a.level == Some(crate::model::AgencyLevel::District)
            && opts.today >= crate::law::DISTRICTS_ABOLISHED
        {
            let succ = a.successor.clone().unwrap_or_default();
            if succ.is_empty() {
                r.push(Diagnostic::new(
                    "R-DISTRICT",
                    Location::whole().with_column("agency"),
                    Some(a.name.clone()),
                    Message::new(
                        format!("\"{}\" là cơ quan cấp huyện; từ ngày 01/7/2025 không còn cấp huyện, danh mục cần ghi cơ quan kế thừa.", a.name),
                        format!("\"{}\" is a district-level body; district government was abolished on 2025-07-01, so the catalog needs its successor body.", a.name),
                    ),
                ));
            }
        }
    }
    if let Some(u) = h.last_updated {
        let age = (opts.today - u).num_days();
        if age > opts.update_threshold_days as i64 {
            r.push(Diagnostic::new(
                "R-CAT-UPDATE",
                Location::whole().with_column("last_updated"),
                Some(u.to_string()),
                Message::new(
                    format!(
                        "Danh mục cập nhật lần cuối cách đây {age} ngày (ngưỡng {} ngày).",
                        opts.update_threshold_days
                    ),
                    format!(
                        "The catalog was last updated {age} calendar days ago (threshold {} days).",
                        opts.update_threshold_days
                    ),
                ),
            ));
        }
    }
}

/// Document types that always carry a number and symbol.
const NUMBERED_TYPES: [&str; 8] = [
    "quyet dinh",
    "nghi quyet",
    "nghi dinh",
    "thong tu",
    "chi thi",
    "cong van",
    "bao cao",
    "ke hoach",
];

/// Openings of a row that names a topic rather than a document
/// ("Thông tin về …", "Công khai ngân sách"): Decree 13/2018 Art. 6(3) lists
/// documents, files and records by name, number and date.
const TOPIC_OPENINGS: [&str; 7] = [
    "thong tin ve",
    "thong tin",
    "cong khai",
    "danh muc",
    "thu tuc hanh chinh",
    "van ban ve",
    "co so du lieu",
];

fn check_item_topic(it: &InformationItem, l: &dyn Fn(Option<Field>) -> Location, r: &mut Report) {
    if it.number_symbol.is_some()
        || it.created_on.is_some()
        || it.unparsed.contains_key(&Field::NumberSymbol)
        || it.unparsed.contains_key(&Field::CreatedOn)
    {
        return;
    }
    let t = fold_key(it.title.trim_start_matches(['+', '-', '•', ' ']));
    if !it.children.is_empty() || TOPIC_OPENINGS.iter().any(|p| t.starts_with(p)) {
        r.push(
            Diagnostic::new(
                "R-CAT-TOPIC",
                l(Some(Field::Title)),
                Some(it.title.clone()),
                Message::new(
                    "Mục là một chủ đề, không phải một văn bản, hồ sơ cụ thể (không có số, ký hiệu, ngày tạo ra); danh mục liệt kê từng văn bản, hồ sơ, tài liệu.",
                    "The entry is a topic, not an identifiable document (no number, no date); the catalog lists each document, file or record.",
                ),
            )
            .with_severity(Severity::Info),
        );
    }
}

/// R-CAT-FUTURE-DATE for either catalog: an entry created after the check date.
fn future_date(d: crate::model::PartialDate, today: NaiveDate, at: Location) -> Diagnostic {
    Diagnostic::new(
        "R-CAT-FUTURE-DATE",
        at,
        Some(d.to_string()),
        Message::new(
            format!("Ngày tạo ra {d} sau ngày kiểm tra {today}."),
            format!("Creation date {d} is after the check date {today}."),
        ),
    )
}

fn check_item_fields(
    it: &InformationItem,
    l: &dyn Fn(Option<Field>) -> Location,
    has_col: &dyn Fn(Field) -> bool,
    opts: &CheckOptions,
    r: &mut Report,
) {
    let unparsed = |f: Field| it.unparsed.contains_key(&f);
    if it.title.trim().is_empty() {
        r.push(Diagnostic::new(
            "R-CAT-FIELDS",
            l(Some(Field::Title)),
            None,
            Message::new(
                "Thiếu tên văn bản, hồ sơ.",
                "The name of the document, file or record is missing.",
            ),
        ));
    }
    // Number and symbol.
    match &it.number_symbol {
        Some(d) if !d.has_number() => r.push(Diagnostic::new(
            "R-DOC-NUMBER",
            l(Some(Field::NumberSymbol)),
            Some(d.raw.clone()),
            Message::new(
                format!("Số, ký hiệu \"{}\" không có số văn bản.", d.raw),
                format!("Number and symbol \"{}\" has no number.", d.raw),
            ),
        )),
        None if has_col(Field::NumberSymbol) && !unparsed(Field::NumberSymbol) => {
            let t = fold_key(&it.title);
            if NUMBERED_TYPES.iter().any(|p| t.starts_with(p)) {
                r.push(
                    Diagnostic::new(
                        "R-CAT-FIELDS",
                        l(Some(Field::NumberSymbol)),
                        None,
                        Message::new(
                            "Thiếu số, ký hiệu trong khi loại văn bản này thường có số, ký hiệu.",
                            "No number and symbol, though documents of this type normally have one.",
                        ),
                    )
                    .with_severity(Severity::Info),
                );
            }
        }
        _ => {}
    }
    if let Some(raw) = it.unparsed.get(&Field::NumberSymbol) {
        r.push(Diagnostic::new(
            "R-DOC-NUMBER",
            l(Some(Field::NumberSymbol)),
            Some(raw.clone()),
            Message::new(
                format!("\"{raw}\" không phải là số, ký hiệu văn bản."),
                format!("\"{raw}\" is not a document number and symbol."),
            ),
        ));
    }
    // Creation date.
    match it.created_on {
        None if has_col(Field::CreatedOn) && !unparsed(Field::CreatedOn) => r.push(Diagnostic::new(
            "R-CAT-FIELDS",
            l(Some(Field::CreatedOn)),
            None,
            Message::new("Thiếu ngày, tháng, năm tạo ra thông tin.", "The date of creation is missing."),
        )),
        Some(d) if d.first_day() > opts.today => r.push(future_date(d, opts.today, l(Some(Field::CreatedOn)))),
        Some(d) if d.last_day() < LAW104_IN_FORCE => r.push(Diagnostic::new(
            "R-PRE2018-INFO",
            l(Some(Field::CreatedOn)),
            Some(d.to_string()),
            Message::new(
                "Thông tin tạo ra trước ngày 01/7/2018: việc tiếp cận theo quy định trước đó, phù hợp với Điều 3 của Luật.",
                "Information created before 2018-07-01: earlier access rules govern, consistent with Art. 3 of the Law.",
            ),
        )),
        _ => {}
    }
    // Art. 17 point.
    if let Some(raw) = it.unparsed.get(&Field::Art17Point) {
        r.push(Diagnostic::new(
            "R-ART17-POINT",
            l(Some(Field::Art17Point)),
            Some(raw.clone()),
            Message::new(
                format!("\"{raw}\" không phải là một điểm của khoản 1 Điều 17 (a, b, c, d, đ, e, g, h, i, k, l, m, n, o, p; bảng chữ cái pháp lý tiếng Việt không có f, j, w, z)."),
                format!("\"{raw}\" is not a point of Art. 17(1) (a, b, c, d, đ, e, g, h, i, k, l, m, n, o, p; the Vietnamese legal alphabet has no f, j, w or z)."),
            ),
        ));
    } else if it.art17_point.is_none() && has_col(Field::Art17Point) {
        r.push(Diagnostic::new(
            "R-ART17-POINT",
            l(Some(Field::Art17Point)),
            None,
            Message::new(
                "Không ghi mục thuộc điểm nào của khoản 1 Điều 17.",
                "The entry does not state its Art. 17(1) point.",
            ),
        ));
    }
    // Disclosure forms.
    if let Some(raw) = it.unparsed.get(&Field::DisclosureForms) {
        r.push(Diagnostic::new(
            "R-CAT-FORM-ENUM",
            l(Some(Field::DisclosureForms)),
            Some(raw.clone()),
            Message::new(
                format!("\"{raw}\" không phải là hình thức công khai theo khoản 1 Điều 18."),
                format!("\"{raw}\" is not a disclosure form of Art. 18(1)."),
            ),
        ));
    } else if it.disclosure_forms.is_empty() && has_col(Field::DisclosureForms) {
        r.push(Diagnostic::new(
            "R-CAT-FIELDS",
            l(Some(Field::DisclosureForms)),
            None,
            Message::new(
                "Thiếu hình thức công khai.",
                "The form of disclosure is missing.",
            ),
        ));
    }
    // Time and time limit.
    if it.disclosure_time.is_none()
        && it.disclosure_period.is_none()
        && (has_col(Field::DisclosureTime) || has_col(Field::DisclosurePeriod))
    {
        r.push(Diagnostic::new(
            "R-CAT-TIME",
            l(Some(Field::DisclosureTime)),
            None,
            Message::new(
                "Không ghi thời điểm, thời hạn công khai (bắt buộc khi pháp luật có quy định).",
                "No time or time limit of disclosure (required where a law sets them).",
            ),
        ));
    }
    // Link.
    if let Some(link) = &it.access_link {
        let lk = link.trim().to_ascii_lowercase();
        if !(lk.starts_with("http://") || lk.starts_with("https://")) {
            r.push(Diagnostic::new(
                "R-CAT-LINK",
                l(Some(Field::AccessLink)),
                Some(link.clone()),
                Message::new(
                    format!("\"{link}\" không phải là địa chỉ tải thông tin (http/https)."),
                    format!("\"{link}\" is not a download address (http/https)."),
                ),
            ));
        }
    } else if it.disclosure_forms.contains(&DisclosureForm::Portal)
        && it.link_text.is_none()
        && it.attachment.is_none()
    {
        r.push(Diagnostic::new(
            "R-CAT-LINK",
            l(Some(Field::AccessLink)),
            None,
            Message::new(
                "Thông tin đã công khai trên cổng thông tin điện tử nhưng không có đường dẫn tải.",
                "Disclosed on the portal, but no download address is given.",
            ),
        ));
    }
}

/// Markings that put an entry under Art. 6 (LAW.md R-NO-ART6), matched on
/// NFC lower-case text with diacritics (so "mặt" ≠ "mật").
const SECRET_PHRASES: [(&str, InaccessibleGround); 9] = [
    ("bí mật nhà nước", InaccessibleGround::StateSecret),
    ("tuyệt mật", InaccessibleGround::StateSecret),
    ("tối mật", InaccessibleGround::StateSecret),
    ("độ mật", InaccessibleGround::StateSecret),
    ("bí mật công tác", InaccessibleGround::WorkSecret),
    ("cuộc họp nội bộ", InaccessibleGround::InternalMeeting),
    ("họp nội bộ", InaccessibleGround::InternalMeeting),
    ("lưu hành nội bộ", InaccessibleGround::InternalDocument),
    ("tài liệu nội bộ", InaccessibleGround::InternalDocument),
];

#[cfg(test)]
fn secrecy_ground(title: &str) -> Option<InaccessibleGround> {
    secrecy_ground_lower(&crate::text::nfc(title).to_lowercase())
}

/// [`secrecy_ground`] of a title already in NFC lower case.
fn secrecy_ground_lower(t: &str) -> Option<InaccessibleGround> {
    // Every marking below contains "mật" or "nội bộ".
    if !t.contains("mật") && !t.contains("nội bộ") {
        return None;
    }
    if t.contains("giải mật") {
        return None;
    }
    if let Some((_, g)) = SECRET_PHRASES.iter().find(|(p, _)| t.contains(p)) {
        return Some(*g);
    }
    // A bare "Mật" marking: in brackets, or as the last word after a dash.
    for open in ['(', '['] {
        let mut rest = t;
        while let Some(i) = rest.find(open) {
            rest = &rest[i + 1..];
            let inner: String = rest
                .chars()
                .take_while(|c| *c != ')' && *c != ']')
                .collect();
            if inner.trim() == "mật" {
                return Some(InaccessibleGround::StateSecret);
            }
        }
    }
    let tail = t
        .trim_end()
        .rsplit(['-', '–', '—'])
        .next()
        .unwrap_or("")
        .trim();
    if tail == "mật" && t.trim_end() != "mật" {
        return Some(InaccessibleGround::StateSecret);
    }
    None
}

fn check_item_secrecy_lower(
    title: &str,
    lower: &str,
    location: impl FnOnce() -> Location,
    r: &mut Report,
) {
    if let Some(g) = secrecy_ground_lower(lower) {
        r.push(
            Diagnostic::new(
                "R-NO-ART6",
                location(),
                Some(title.to_string()),
                Message::new(
                    format!("Mục mang dấu hiệu thông tin không được tiếp cận ({}); không được đưa vào danh mục thông tin phải được công khai trừ khi đã giải mật.", g.label_vi()),
                    format!("The entry is marked as inaccessible information ({}); it must not be in the disclosure catalog unless declassified.", g.label_en()),
                ),
            )
            .with_citation(g.citation()),
        );
    }
}

fn check_item_portal(
    it: &InformationItem,
    has_portal: Option<bool>,
    l: &dyn Fn(Option<Field>) -> Location,
    r: &mut Report,
) {
    let Some(p) = it.art17_point else { return };
    if has_portal == Some(false)
        || it.disclosure_forms.is_empty()
        || it.disclosure_forms.contains(&DisclosureForm::Portal)
    {
        return;
    }
    let (sev, note_vi, note_en) = match p.portal_listing() {
        PortalListing::Required => (Severity::Error, String::new(), String::new()),
        PortalListing::Partly(note) => (
            Severity::Warning,
            " (một phần loại thông tin này)".to_string(),
            format!(" ({note})"),
        ),
        _ => return,
    };
    let cit = p.portal_citation().unwrap_or(p.citation());
    let forms = it
        .disclosure_forms
        .iter()
        .map(|f| f.label_vi())
        .collect::<Vec<_>>()
        .join("; ");
    r.push(
        Diagnostic::new(
            "R-CAT-PORTAL",
            l(Some(Field::DisclosureForms)),
            Some(forms.clone()),
            Message::new(
                format!("Thông tin điểm {} khoản 1 Điều 17 phải được đăng trên cổng thông tin điện tử ({}){note_vi}, nhưng hình thức công khai chỉ là: {forms}.", p.code(), cit.to_vietnamese()),
                format!("Art. 17(1)({}) information must be on the portal ({cit}){note_en}, but the only forms given are: {}.", p.code(), it.disclosure_forms.iter().map(|f| f.label_en()).collect::<Vec<_>>().join("; ")),
            ),
        )
        .with_severity(sev)
        .with_citation(cit),
    );
}

/// Check a conditional-access catalog (R-COND-HOLDER, R-COND-RELEASE, fields).
pub fn check_conditional(cat: &ConditionalAccessCatalog, opts: &CheckOptions) -> Report {
    let mut r = Report::new();
    check_header(&cat.header, opts, &mut r);
    for (idx, it) in cat.items.iter().enumerate() {
        let l = |f: Option<Field>| loc(idx, it.source.as_ref(), f);
        check_conditional_item(it, &l, opts, &mut r);
    }
    r
}

fn check_conditional_item(
    it: &ConditionalItem,
    l: &dyn Fn(Option<Field>) -> Location,
    opts: &CheckOptions,
    r: &mut Report,
) {
    if it.title.trim().is_empty() {
        r.push(Diagnostic::new(
            "R-CAT-FIELDS",
            l(Some(Field::Title)),
            None,
            Message::new("Thiếu tên văn bản, hồ sơ.", "The title is missing."),
        ));
    }
    if let Some(d) = it.created_on.filter(|d| d.first_day() > opts.today) {
        r.push(future_date(d, opts.today, l(Some(Field::CreatedOn))));
    }
    match it.ground {
        None => r.push(Diagnostic::new(
            "R-COND-HOLDER",
            l(Some(Field::Ground)),
            it.unparsed.get(&Field::Ground).cloned(),
            Message::new(
                "Không ghi căn cứ tiếp cận có điều kiện (bí mật kinh doanh, đời sống riêng tư, cá nhân, gia đình — Điều 7).",
                "No Art. 7 ground is stated (business, private-life, personal or family secret).",
            ),
        )),
        Some(g) => {
            let expected = g.consent_holder();
            match it.consent_holder {
                None => r.push(
                    Diagnostic::new(
                        "R-COND-HOLDER",
                        l(Some(Field::ConsentHolder)),
                        None,
                        Message::new(
                            format!("Không ghi người có quyền chấp thuận; với {} là {}.", g.label_vi(), expected.label_vi()),
                            format!("No consent holder is stated; for a {} it is the {}.", g.label_en(), expected.label_en()),
                        ),
                    )
                    .with_citation(g.citation()),
                ),
                Some(h) if h != expected => r.push(
                    Diagnostic::new(
                        "R-COND-HOLDER",
                        l(Some(Field::ConsentHolder)),
                        Some(h.label_vi().to_string()),
                        Message::new(
                            format!("Người có quyền chấp thuận ghi là {}, nhưng với {} phải là {}.", h.label_vi(), g.label_vi(), expected.label_vi()),
                            format!("The consent holder is given as {}, but for a {} it is the {}.", h.label_en(), g.label_en(), expected.label_en()),
                        ),
                    )
                    .with_citation(g.citation()),
                ),
                _ => {}
            }
        }
    }
    if let Some(o) = &it.override_decision {
        let k = fold_key(&o.reason);
        if !(k.contains("loi ich cong cong")
            || k.contains("suc khoe")
            || k.contains("public interest")
            || k.contains("health"))
        {
            r.push(Diagnostic::new(
                "R-COND-RELEASE",
                l(None),
                Some(o.reason.clone()),
                Message::new(
                    "Quyết định cung cấp không cần chấp thuận phải vì lợi ích công cộng, sức khỏe của cộng đồng (khoản 3 Điều 7).",
                    "A decision to provide without consent must rest on the public interest or community health (Art. 7(3)).",
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrecy_markings_with_diacritics_matter() {
        assert_eq!(
            secrecy_ground("Kế hoạch tổ chức kỳ họp thường kỳ (Mật)"),
            Some(InaccessibleGround::StateSecret)
        );
        assert_eq!(
            secrecy_ground("Biên bản cuộc họp nội bộ"),
            Some(InaccessibleGround::InternalMeeting)
        );
        assert_eq!(
            secrecy_ground("Báo cáo - MẬT"),
            Some(InaccessibleGround::StateSecret)
        );
        assert_eq!(secrecy_ground("Mặt trận Tổ quốc xã (Mặt)"), None);
        assert_eq!(secrecy_ground("Mật độ dân số năm 2025"), None);
        assert_eq!(secrecy_ground("Danh mục tài liệu đã giải mật"), None);
    }
}
