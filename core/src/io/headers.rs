//! Column headers and title lines: which row is the header (below any
//! title lines), which field each header names (synonyms compared with
//! [`fold_key`]: with or without diacritics, NFC or NFD, any case, extra
//! spaces), and what the title lines say about the catalog (agency, title,
//! stated basis, issuing decision, update date) — free title lines as
//! agencies write them, and the labelled rows tiepcan's CSV writer puts there
//! ([`PREAMBLE_LABELS`]).

use chrono::NaiveDate;

use super::table::RawRow;
use crate::model::{
    Agency, AgencyCode, AgencyLevel, AreaClass, CatalogHeader, CatalogKind, ConditionalItem,
    DocumentRef, Field, InformationItem, OverrideDecision, PartialDate,
};
use crate::text::fold_key;
use crate::validate::{Diagnostic, Location, Message};

// ---------------------------------------------------------------------------
// Header matching

/// Header synonyms per field, as comparison keys ([`header_key`]). Checked in
/// this order, first match wins, so more specific fields come first ("Tình
/// trạng chấp thuận" before "chấp thuận", "Ngày công khai" before "Ngày").
/// A pattern matches when the key contains it as whole words; patterns
/// starting with `=` must equal the key, with `^` start it.
pub(super) const SYNONYMS: &[(Field, &[&str])] = &[
    (
        Field::ConsentStatus,
        &[
            "tinh trang chap thuan",
            "tinh trang dong y",
            "trang thai chap thuan",
            "consent status",
        ],
    ),
    (
        Field::ConsentHolder,
        &[
            "nguoi co quyen chap thuan",
            "chap thuan",
            "nguoi dong y",
            "chu the dong y",
            "consent holder",
        ],
    ),
    (
        Field::Ground,
        &[
            "can cu tiep can co dieu kien",
            "dieu 7",
            "loai bi mat",
            "can cu",
            "ground",
        ],
    ),
    (
        Field::Art17Point,
        &[
            "thuoc diem",
            "dieu 17",
            "=diem",
            "art17 point",
            "art 17 point",
        ],
    ),
    (
        Field::DisclosureForms,
        &["hinh thuc cong khai", "hinh thuc", "disclosure forms"],
    ),
    (
        Field::DisclosureTime,
        &[
            "thoi diem cong khai",
            "thoi diem",
            "thoi gian cong khai",
            "ngay cong khai",
            "disclosure time",
        ],
    ),
    (
        Field::DisclosurePeriod,
        &["thoi han cong khai", "thoi han", "disclosure period"],
    ),
    (
        Field::AccessLink,
        &[
            "duong dan",
            "dia chi truy cap",
            "dia chi tai",
            "duong link",
            "lien ket",
            "link",
            "url",
            "access link",
            "truy cap",
            "tai ve",
            "download",
        ],
    ),
    (
        Field::Attachment,
        &[
            "tep dinh kem",
            "file dinh kem",
            "dinh kem",
            "tep tin",
            "attachment",
        ],
    ),
    (
        Field::CreatedOn,
        &[
            "ngay ban hanh",
            "ngay tao ra",
            "ngay thang nam tao ra",
            "ngay thang nam",
            "thoi gian tao ra",
            "ngay ky",
            "ngay van ban",
            "ngay tao",
            "created on",
            "=ngay",
        ],
    ),
    (
        Field::NumberSymbol,
        &[
            "so ky hieu",
            "so hieu",
            "ky hieu",
            "so van ban",
            "number symbol",
        ],
    ),
    (
        Field::Seq,
        &[
            "=stt",
            "=tt",
            "=so tt",
            "=so thu tu",
            "=thu tu",
            "=no",
            "=seq",
        ],
    ),
    (
        Field::Title,
        &[
            "ten van ban",
            "ten ho so",
            "ten thong tin",
            "ten tai lieu",
            "trich yeu",
            "noi dung",
            "thong tin",
            "tieu de",
            "=ten",
            "^ten ",
            "title",
        ],
    ),
    (Field::Note, &["ghi chu", "note"]),
];

/// A header as a comparison key: [`fold_key`], punctuation to spaces.
pub(super) fn header_key(s: &str) -> String {
    let k: String = fold_key(s)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    k.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The field a header names, if any.
pub(super) fn match_header(header: &str) -> Option<Field> {
    let key = header_key(header);
    if key.is_empty() || key.len() > 80 {
        return None;
    }
    let padded = format!(" {key} ");
    SYNONYMS.iter().find_map(|(field, pats)| {
        pats.iter()
            .any(|p| {
                if let Some(exact) = p.strip_prefix('=') {
                    key == exact
                } else if let Some(prefix) = p.strip_prefix('^') {
                    key.starts_with(prefix)
                } else {
                    padded.contains(&format!(" {p} "))
                }
            })
            .then_some(*field)
    })
}

/// Fields named by a row's cells (distinct).
pub(super) fn header_fields(row: &RawRow) -> Vec<Field> {
    let mut v: Vec<Field> = row
        .cells
        .iter()
        .filter_map(|c| match_header(&c.full_text()))
        .collect();
    v.sort();
    v.dedup();
    v
}

pub(super) fn is_header_row(row: &RawRow) -> bool {
    if labelled_row(row).is_some() {
        return false; // "Căn cứ:" | "…" is a preamble row, not a header
    }
    let f = header_fields(row);
    f.len() >= 2 && (f.contains(&Field::Title) || f.len() >= 3)
}

/// How many rows from the top are searched for the header.
pub(super) const HEADER_SEARCH_ROWS: usize = 40;

// ---------------------------------------------------------------------------
// Diagnostics helpers

pub(super) fn msg(vi: impl Into<String>, en: impl Into<String>) -> Message {
    Message::new(vi, en)
}

pub(super) fn structure(row: usize, value: Option<String>, vi: String, en: String) -> Diagnostic {
    Diagnostic::new("R-READ-STRUCTURE", Location::row(row), value, msg(vi, en))
}

// ---------------------------------------------------------------------------
// Title lines

pub(super) fn is_motto(k: &str) -> bool {
    k.contains("cong hoa xa hoi chu nghia")
        || k.contains("doc lap") && k.contains("tu do")
        || k.chars().all(|c| c == '-' || c == '_' || c == ' ')
}

pub(super) fn looks_like_agency(k: &str) -> bool {
    const STARTS: &[&str] = &[
        "uy ban nhan dan",
        "ubnd",
        "hoi dong nhan dan",
        "hdnd",
        "so ",
        "bo ",
        "tong cuc",
        "cuc ",
        "chi cuc",
        "van phong",
        "phong ",
        "ban ",
        "trung tam",
        "truong ",
        "benh vien",
        "cong an",
        "toa an",
        "vien kiem sat",
        "kho bac",
        "thanh tra",
        "bao hiem xa hoi",
        "co quan",
        "dai ",
        "chi nhanh",
    ];
    STARTS.iter().any(|s| k.starts_with(s)) && !k.starts_with("ban hanh")
}

/// The first `(…)` containing "điều" or "theo", split off a title.
pub(super) fn split_basis(text: &str) -> (String, Option<String>) {
    if let (Some(open), Some(close)) = (text.find('('), text.rfind(')')) {
        if open < close {
            let inner = text[open + 1..close].trim();
            let k = fold_key(inner);
            if k.contains("dieu") || k.starts_with("theo") || k.starts_with("can cu") {
                let title = format!("{} {}", text[..open].trim(), text[close + 1..].trim());
                return (title.trim().to_string(), Some(inner.to_string()));
            }
        }
    }
    (text.to_string(), None)
}

/// The first `dd/mm/yyyy` or "ngày d tháng m năm y" in a text.
pub(super) fn find_date(text: &str) -> Option<NaiveDate> {
    let k = fold_key(text);
    if let Some(i) = k.find("ngay ") {
        let tail: String = k[i..]
            .split_whitespace()
            .take(6)
            .collect::<Vec<_>>()
            .join(" ");
        if let Ok(PartialDate::Day(d)) = PartialDate::parse(&tail) {
            return Some(d);
        }
    }
    for w in k.split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '(' || c == ')') {
        if w.matches('/').count() == 2 || (w.matches('-').count() == 2 && w.len() == 10) {
            if let Ok(PartialDate::Day(d)) = PartialDate::parse(w) {
                return Some(d);
            }
        }
    }
    None
}

/// The document number in "… Quyết định số 35/QĐ-UBND ngày …".
pub(super) fn find_docref(text: &str) -> Option<DocumentRef> {
    let text = crate::text::nfc(text);
    // After "số" when there is one (the decision's number), else anywhere.
    let start = ["số", "Số", "SỐ"]
        .iter()
        .filter_map(|w| text.find(w).map(|i| i + w.len()))
        .min()
        .unwrap_or(0);
    text[start..]
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '(' || c == ')')
        .filter(|w| w.contains('/') && w.len() > 1)
        .find_map(|w| {
            let w = w.trim_end_matches('.');
            if w.split('/')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            {
                return None; // a date
            }
            DocumentRef::parse(w).ok()
        })
}

// ---------------------------------------------------------------------------
// Labelled preamble rows (what tiepcan's CSV writer puts above the header)

/// A labelled preamble row: the label in the first cell ("Căn cứ:"), the
/// value in the second, the other cells empty. tiepcan's CSV writer
/// ([`crate::io::csv_write`]) writes the catalog header this way; the reader
/// reads it back exactly (values cleaned like every cell: NFC, ends trimmed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PreambleKey {
    Title,
    Kind,
    Agency,
    AgencyLevel,
    AgencyCode,
    HasPortal,
    PortalUrl,
    Address,
    Phone,
    Fax,
    Email,
    Successor,
    AreaClass,
    StatedBasis,
    IssuingDecision,
    IssuedOn,
    LastUpdated,
    PublishedAt,
    CompiledBy,
    ApprovedBy,
}

/// The labels, in the order the writer emits them (each followed by `:`).
pub(crate) const PREAMBLE_LABELS: [(PreambleKey, &str); 20] = [
    (PreambleKey::Title, "Tên danh mục"),
    (PreambleKey::Kind, "Loại danh mục"),
    (PreambleKey::Agency, "Cơ quan"),
    (PreambleKey::AgencyLevel, "Cấp cơ quan"),
    (PreambleKey::AgencyCode, "Mã định danh điện tử của cơ quan"),
    (PreambleKey::HasPortal, "Có cổng/trang thông tin điện tử"),
    (
        PreambleKey::PortalUrl,
        "Địa chỉ cổng/trang thông tin điện tử",
    ),
    (PreambleKey::Address, "Địa chỉ cơ quan"),
    (PreambleKey::Phone, "Điện thoại"),
    (PreambleKey::Fax, "Số fax"),
    (PreambleKey::Email, "Thư điện tử"),
    (PreambleKey::Successor, "Cơ quan kế thừa"),
    (
        PreambleKey::AreaClass,
        "Địa bàn tính chi phí (Thông tư 46/2018/TT-BTC)",
    ),
    (PreambleKey::StatedBasis, "Căn cứ"),
    (PreambleKey::IssuingDecision, "Ban hành kèm theo văn bản số"),
    (PreambleKey::IssuedOn, "Ngày ban hành danh mục"),
    (PreambleKey::LastUpdated, "Ngày cập nhật"),
    (PreambleKey::PublishedAt, "Nơi công khai danh mục"),
    (PreambleKey::CompiledBy, "Đơn vị lập danh mục"),
    (PreambleKey::ApprovedBy, "Người phê duyệt"),
];

/// The label text tiepcan writes for a key (`"Căn cứ:"`).
pub(crate) fn preamble_label(key: PreambleKey) -> String {
    let (_, l) = PREAMBLE_LABELS
        .iter()
        .find(|(k, _)| *k == key)
        .expect("every key has a label");
    format!("{l}:")
}

/// The key of a labelled preamble row and its value cell's text.
pub(super) fn labelled_row(row: &RawRow) -> Option<(PreambleKey, String)> {
    let label = row.cells.first()?.full_text();
    let label = label.strip_suffix(':')?;
    let k = fold_key(label);
    let key = PREAMBLE_LABELS
        .iter()
        .find(|(_, l)| fold_key(l) == k)
        .map(|(key, _)| *key)?;
    if row.cells.iter().skip(2).any(|c| !c.full_text().is_empty()) {
        return None;
    }
    Some((
        key,
        row.cells.get(1).map(|c| c.full_text()).unwrap_or_default(),
    ))
}

/// Vietnamese labels of agency levels, as the writer puts them.
pub(crate) fn agency_level_vi(l: AgencyLevel) -> &'static str {
    match l {
        AgencyLevel::Ministry => "trung ương",
        AgencyLevel::Province => "tỉnh",
        AgencyLevel::Department => "sở, ngành",
        AgencyLevel::District => "huyện",
        AgencyLevel::Commune => "xã",
        AgencyLevel::Other => "khác",
    }
}

/// Vietnamese labels of the Circular 46 area classes.
pub(crate) fn area_class_vi(a: AreaClass) -> &'static str {
    match a {
        AreaClass::Normal => "bình thường",
        AreaClass::Difficult => "khó khăn",
        AreaClass::EspeciallyDifficult => "đặc biệt khó khăn",
    }
}

/// The kind's name as the preamble writes it.
pub(crate) fn kind_vi(k: CatalogKind) -> &'static str {
    match k {
        CatalogKind::Disclosure => "Danh mục thông tin phải được công khai",
        CatalogKind::Conditional => "Danh mục thông tin công dân được tiếp cận có điều kiện",
    }
}

fn cell_problem(row: usize, label: &str, value: &str, vi: &str, en: &str) -> Diagnostic {
    Diagnostic::new(
        "R-READ-CELL",
        Location::cell(row, label.to_string()),
        Some(value.to_string()),
        msg(format!("{label} {vi}"), format!("{label} {en}")),
    )
}

fn agency(h: &mut CatalogHeader) -> &mut Agency {
    h.agency.get_or_insert_with(Agency::default)
}

/// Apply one labelled preamble row to the header. Returns the text that
/// tells the catalog kind, if the row is the kind row.
fn apply_labelled(
    row: usize,
    key: PreambleKey,
    v: String,
    header: &mut CatalogHeader,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let label = preamble_label(key);
    let fk = fold_key(&v);
    match key {
        PreambleKey::Title => header.title = Some(v),
        PreambleKey::Kind => return Some(v),
        PreambleKey::Agency => agency(header).name = v,
        PreambleKey::AgencyLevel => {
            let all = [
                AgencyLevel::Ministry,
                AgencyLevel::Province,
                AgencyLevel::Department,
                AgencyLevel::District,
                AgencyLevel::Commune,
                AgencyLevel::Other,
            ];
            match all
                .into_iter()
                .find(|l| fold_key(agency_level_vi(*l)) == fk)
            {
                Some(l) => agency(header).level = Some(l),
                None => diags.push(cell_problem(
                    row,
                    &label,
                    &v,
                    "không rõ (trung ương, tỉnh, sở, ngành, huyện, xã, khác).",
                    "not understood (trung ương, tỉnh, sở, ngành, huyện, xã, khác).",
                )),
            }
        }
        PreambleKey::AgencyCode => match AgencyCode::parse(&v) {
            Ok(c) => agency(header).code = Some(c),
            Err(e) => diags.push(cell_problem(
                row,
                &label,
                &v,
                "không đúng dạng 000.00.00.H49.",
                &format!("is wrong: {e}."),
            )),
        },
        PreambleKey::HasPortal => match fk.as_str() {
            "co" | "x" | "true" => agency(header).has_portal = Some(true),
            "khong" | "false" => agency(header).has_portal = Some(false),
            _ => diags.push(cell_problem(
                row,
                &label,
                &v,
                "phải là \"có\" hoặc \"không\".",
                "must be \"có\" or \"không\".",
            )),
        },
        PreambleKey::PortalUrl => agency(header).portal_url = Some(v),
        PreambleKey::Address => agency(header).address = Some(v),
        PreambleKey::Phone => agency(header).phone = Some(v),
        PreambleKey::Fax => agency(header).fax = Some(v),
        PreambleKey::Email => agency(header).email = Some(v),
        PreambleKey::Successor => agency(header).successor = Some(v),
        PreambleKey::AreaClass => {
            let all = [
                AreaClass::Normal,
                AreaClass::Difficult,
                AreaClass::EspeciallyDifficult,
            ];
            match all.into_iter().find(|a| fold_key(area_class_vi(*a)) == fk) {
                Some(a) => agency(header).area_class = a,
                None => diags.push(cell_problem(
                    row,
                    &label,
                    &v,
                    "không rõ (bình thường, khó khăn, đặc biệt khó khăn).",
                    "not understood (bình thường, khó khăn, đặc biệt khó khăn).",
                )),
            }
        }
        PreambleKey::StatedBasis => header.stated_basis = Some(v),
        PreambleKey::IssuingDecision => {
            // Kept as written even when it does not parse (nothing lost);
            // the validator reports the number (R-DOC-NUMBER).
            header.issuing_decision = Some(doc_ref_as_written(v));
        }
        PreambleKey::IssuedOn | PreambleKey::LastUpdated => match PartialDate::parse(&v) {
            Ok(PartialDate::Day(d)) => {
                if key == PreambleKey::IssuedOn {
                    header.issued_on = Some(d);
                } else {
                    header.last_updated = Some(d);
                }
            }
            _ => diags.push(cell_problem(
                row,
                &label,
                &v,
                "không phải một ngày đầy đủ (2026-03-05 hoặc 05/03/2026).",
                "is not a full date (2026-03-05 or 05/03/2026).",
            )),
        },
        PreambleKey::PublishedAt => header.published_at = Some(v),
        PreambleKey::CompiledBy => header.compiled_by = Some(v),
        PreambleKey::ApprovedBy => header.approved_by = Some(v),
    }
    None
}

// ---------------------------------------------------------------------------
// Columns tiepcan's CSV writer adds for what the usual columns cannot hold

/// Header of the column with a disclosure entry's link text when it also
/// has an address (`link_text` beside `access_link`).
pub(crate) const LINK_TEXT_HEADER: &str = "Chữ hiển thị kèm địa chỉ";
/// Headers of the columns with a conditional entry's Art. 7(3) decision
/// (`override_decision`): who decided, when, why, its number.
pub(crate) const OVERRIDE_HEADERS: [&str; 4] = [
    "Người quyết định cung cấp không cần đồng ý",
    "Ngày quyết định cung cấp không cần đồng ý",
    "Lý do cung cấp không cần đồng ý",
    "Số quyết định cung cấp không cần đồng ý",
];

fn doc_ref_as_written(v: String) -> DocumentRef {
    DocumentRef::parse(&v).unwrap_or(DocumentRef {
        raw: v,
        number: None,
        year: None,
        doc_type: None,
        issuer: None,
        unit: None,
    })
}

/// Move the writer's extra columns ([`LINK_TEXT_HEADER`],
/// [`OVERRIDE_HEADERS`], and the Form 06 consent column
/// [`CONSENT_DOCUMENT_HEADER`](super::csv_write::CONSENT_DOCUMENT_HEADER))
/// from `extra` into their fields. A value that does
/// not fit (a link text where the entry has no address, a date that is not
/// one) stays in `extra`, reported when it is a date.
pub(super) fn take_written_columns(
    items: &mut [InformationItem],
    cond: &mut [ConditionalItem],
    diags: &mut Vec<Diagnostic>,
) {
    fn info(items: &mut [InformationItem]) {
        for it in items {
            if it.access_link.is_some() && it.link_text.is_none() {
                if let Some(v) = it.extra.remove(LINK_TEXT_HEADER) {
                    it.link_text = Some(v);
                }
            }
            info(&mut it.children);
        }
    }
    info(items);
    for it in cond.iter_mut() {
        if it.consent_document.is_none() {
            if let Some(v) = it.extra.remove(super::csv_write::CONSENT_DOCUMENT_HEADER) {
                it.consent_document = Some(v);
            }
        }
    }
    for it in cond {
        if !OVERRIDE_HEADERS.iter().any(|h| it.extra.contains_key(*h)) {
            continue;
        }
        let row = it.source.as_ref().map_or(0, |s| s.row);
        let decided_on = match it.extra.get(OVERRIDE_HEADERS[1]) {
            None => None,
            Some(v) => match PartialDate::parse(v) {
                Ok(PartialDate::Day(d)) => {
                    it.extra.remove(OVERRIDE_HEADERS[1]);
                    Some(d)
                }
                _ => {
                    diags.push(Diagnostic::new(
                        "R-READ-DATE",
                        Location::cell(row, OVERRIDE_HEADERS[1].to_string()),
                        Some(v.clone()),
                        msg(
                            "Ngày quyết định (khoản 3 Điều 7) không phải một ngày đầy đủ; giữ nguyên như cột bổ sung.",
                            "The Art. 7(3) decision date is not a full date; kept as an extra column.",
                        ),
                    ));
                    None
                }
            },
        };
        it.override_decision = Some(OverrideDecision {
            decided_by: it.extra.remove(OVERRIDE_HEADERS[0]).unwrap_or_default(),
            decided_on,
            reason: it.extra.remove(OVERRIDE_HEADERS[2]).unwrap_or_default(),
            document: it.extra.remove(OVERRIDE_HEADERS[3]).map(doc_ref_as_written),
        });
    }
}

/// Read title lines (every non-empty cell above the header) into the header.
pub(super) fn read_title_lines(
    rows: &[RawRow],
    header: &mut CatalogHeader,
    diags: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut texts_for_kind = Vec::new();
    let mut agency_lines: Vec<String> = Vec::new();
    for r in rows {
        if let Some((key, value)) = labelled_row(r) {
            if let Some(kind_text) = apply_labelled(r.row, key, value, header, diags) {
                texts_for_kind.push(kind_text);
            }
            continue;
        }
        let mut seen: Vec<String> = Vec::new();
        for c in &r.cells {
            let t = c.full_text();
            if t.is_empty() || seen.contains(&t) {
                continue;
            }
            seen.push(t.clone());
            for line in t.lines().map(str::trim).filter(|l| !l.is_empty()) {
                texts_for_kind.push(line.to_string());
                let k = fold_key(line);
                if is_motto(&k) {
                    continue;
                }
                if k.contains("kem theo") {
                    if header.issuing_decision.is_none() {
                        header.issuing_decision = find_docref(line);
                    }
                    if header.issued_on.is_none() {
                        header.issued_on = find_date(line);
                    }
                    if header.issuing_decision.is_none() && header.issued_on.is_none() {
                        diags.push(structure(
                            r.row,
                            Some(line.to_string()),
                            "Dòng \"kèm theo\" không có số, ký hiệu văn bản đọc được.".into(),
                            "The \"kèm theo\" line has no readable document number.".into(),
                        ));
                    }
                    continue;
                }
                if k.starts_with("cap nhat") || k.contains("ngay cap nhat") {
                    header.last_updated = find_date(line).or(header.last_updated);
                    continue;
                }
                if k.contains("danh muc") && header.title.is_none() {
                    let (title, basis) = split_basis(line);
                    header.title = Some(title);
                    if basis.is_some() {
                        header.stated_basis = basis;
                    }
                    continue;
                }
                if line.starts_with('(')
                    && (k.contains("dieu") || k.starts_with("(theo") || k.starts_with("(can cu"))
                    || k.starts_with("theo dieu")
                    || k.starts_with("can cu")
                {
                    if header.stated_basis.is_none() {
                        header.stated_basis = Some(
                            line.trim_start_matches('(')
                                .trim_end_matches(')')
                                .trim()
                                .to_string(),
                        );
                    }
                    continue;
                }
                if header.title.is_none() && looks_like_agency(&k) {
                    agency_lines.push(line.to_string());
                    continue;
                }
                // "Số: 35/QĐ-UBND": the number of the document the catalog is.
                if (k.starts_with("so:") || k.starts_with("so ")) && line.contains('/') {
                    if header.issuing_decision.is_none() {
                        header.issuing_decision = find_docref(line);
                    }
                    if header.issuing_decision.is_some() {
                        continue;
                    }
                }
                // "An Hòa, ngày 05 tháng 3 năm 2026": place and date of issue.
                if k.contains(", ngay ") && k.contains(" thang ") {
                    if let Some(d) = find_date(line) {
                        header.issued_on.get_or_insert(d);
                        continue;
                    }
                }
                diags.push(structure(
                    r.row,
                    Some(line.to_string()),
                    "Dòng phía trên tiêu đề bảng không được đọc vào thông tin danh mục.".into(),
                    "A line above the table header was not read into the catalog's details.".into(),
                ));
            }
        }
    }
    if let Some(name) = agency_lines.last() {
        let mut a = Agency::named(name.clone());
        if a.level.is_none() {
            a.level = crate::model::AgencyLevel::from_name(&agency_lines.join(" "));
        }
        header.agency = Some(a);
    }
    texts_for_kind
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_synonyms() {
        for (h, f) in [
            ("STT", Field::Seq),
            ("Tên văn bản, hồ sơ", Field::Title),
            ("Nội dung", Field::Title),
            ("noi dung", Field::Title),
            ("Số, ký hiệu", Field::NumberSymbol),
            ("SỐ KÝ HIỆU", Field::NumberSymbol),
            ("Ngày ban hành", Field::CreatedOn),
            ("Ngày tạo ra", Field::CreatedOn),
            ("Ngày, tháng, năm tạo ra", Field::CreatedOn),
            ("Hình thức công khai", Field::DisclosureForms),
            ("Thời điểm công khai", Field::DisclosureTime),
            ("Thời hạn công khai", Field::DisclosurePeriod),
            ("Đường dẫn", Field::AccessLink),
            ("Địa chỉ truy cập", Field::AccessLink),
            ("Thuộc điểm (khoản 1 Điều 17)", Field::Art17Point),
            ("Tình trạng chấp thuận", Field::ConsentStatus),
            ("Người có quyền chấp thuận", Field::ConsentHolder),
            ("Căn cứ (Điều 7)", Field::Ground),
            ("Ghi chú", Field::Note),
            ("  Ngày   công  khai ", Field::DisclosureTime),
            ("Tên thủ tục hành chính", Field::Title),
            ("Trích yếu nội dung", Field::Title),
            ("Số TT", Field::Seq),
            ("Ngày, tháng, năm ban hành", Field::CreatedOn),
            ("Tải về", Field::AccessLink),
            ("Tên văn bản,\nhồ sơ", Field::Title),
        ] {
            assert_eq!(match_header(h), Some(f), "{h}");
        }
        assert_eq!(match_header("Cơ quan chủ trì"), None);
        // The columns tiepcan's CSV writer adds name no field.
        for h in OVERRIDE_HEADERS.iter().chain([&LINK_TEXT_HEADER]) {
            assert_eq!(match_header(h), None, "{h}");
        }
        // A labelled preamble row is never the header row, even when its
        // label and value look like headers ("Tên danh mục:" | "Ghi chú").
        let row = RawRow {
            row: 1,
            cells: vec![
                super::super::table::Cell::text("Tên danh mục:"),
                super::super::table::Cell::text("Ghi chú, số ký hiệu"),
            ],
        };
        assert!(labelled_row(&row).is_some());
        assert!(!is_header_row(&row));
        // Every field tiepcan writes is read back.
        for f in Field::ALL {
            assert_eq!(match_header(f.header_vi()), Some(f), "{}", f.header_vi());
        }
    }

    #[test]
    fn title_line_with_basis() {
        let (t, b) = split_basis(
            "DANH MỤC CÁC NỘI DUNG CÔNG KHAI (theo Điều 19, Luật Tiếp cận thông tin năm 2016)",
        );
        assert_eq!(t, "DANH MỤC CÁC NỘI DUNG CÔNG KHAI");
        assert_eq!(
            b.as_deref(),
            Some("theo Điều 19, Luật Tiếp cận thông tin năm 2016")
        );
    }

    #[test]
    fn decision_reference_and_date() {
        let l = "(Kèm theo Quyết định số 35/QĐ-UBND ngày 05/03/2026 của UBND xã An Hòa)";
        assert_eq!(find_docref(l).unwrap().raw, "35/QĐ-UBND");
        assert_eq!(find_date(l), NaiveDate::from_ymd_opt(2026, 3, 5));
        let l = "Ban hành kèm theo Quyết định số 12/2026/QĐ-UBND ngày 02 tháng 3 năm 2026";
        assert_eq!(find_docref(l).unwrap().year, Some(2026));
        assert_eq!(find_date(l), NaiveDate::from_ymd_opt(2026, 3, 2));
        // Letters whose lower case is longer do not shift the search.
        assert_eq!(
            find_docref("İİİ kèm theo số 5/QĐ-UB").unwrap().raw,
            "5/QĐ-UB"
        );
    }
}
