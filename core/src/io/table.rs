//! Table → catalog: the format-independent part of the CSV and workbook
//! readers. Finds the header row below any title lines, matches headers by
//! synonym, reads title lines into the catalog header, and sorts body rows
//! into items, section captions, "+" sub-rows, repeated headers, skeleton rows
//! and footer lines — reporting every row it does not turn into an item.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::encoding::detect_legacy_encoding;
use super::{ReadError, ReadOptions, ReadOutcome};
use crate::law::{Art17Point, ConditionalGround, ConsentHolder, DisclosureForm};
use crate::model::{
    Agency, Catalog, CatalogHeader, CatalogKind, ConditionalAccessCatalog, ConditionalItem,
    ConsentStatus, DateError, DisclosureCatalog, DocumentRef, Field, InformationItem, PartialDate,
    SourceSpan,
};
use crate::text::{fold_key, nfc};
use crate::validate::{Diagnostic, Location, Message, Severity};

/// A cell value as the source holds it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) enum CellValue {
    #[default]
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

/// How a cell takes part in a merged range (workbooks only).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Merge {
    #[default]
    None,
    /// The top-left cell of a merged range.
    Origin,
    /// Below the origin, in its column: the value applies (a form merged down
    /// over several items).
    Down,
    /// Right of the origin's column: the value belongs to the origin's column
    /// (a caption merged across the table).
    Across,
}

/// A cell: value, hyperlink target, merge role. Merged cells carry the
/// origin's value.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Cell {
    pub value: CellValue,
    pub link: Option<String>,
    pub merge: Merge,
}

impl Cell {
    pub(crate) fn text(s: &str) -> Cell {
        Cell {
            value: if s.trim().is_empty() {
                CellValue::Empty
            } else {
                CellValue::Text(s.to_string())
            },
            ..Cell::default()
        }
    }

    /// The value as text, whatever the merge (for headers and title lines).
    fn full_text(&self) -> String {
        match &self.value {
            CellValue::Empty => String::new(),
            CellValue::Text(s) => clean(s),
            CellValue::Number(n) => number_text(*n),
            CellValue::Date(d) => d.format("%d/%m/%Y").to_string(),
        }
    }

    /// The value as text for data: a cell merged across from another column
    /// is empty.
    fn data_text(&self) -> String {
        if self.merge == Merge::Across {
            String::new()
        } else {
            self.full_text()
        }
    }
}

/// NFC, trimmed, runs of white space (not line breaks) kept as written but
/// ends trimmed; non-breaking spaces become spaces.
fn clean(s: &str) -> String {
    nfc(s.replace(['\u{a0}', '\u{feff}'], " ").trim())
}

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// One physical row of a sheet or CSV file.
#[derive(Debug, Clone, Default)]
pub(crate) struct RawRow {
    /// 1-based physical row.
    pub row: usize,
    pub cells: Vec<Cell>,
}

/// A sheet or CSV file as rows of cells.
#[derive(Debug, Default)]
pub(crate) struct Table {
    pub rows: Vec<RawRow>,
    /// Physical rows read (the last row number).
    pub physical_rows: usize,
    /// Findings of the format layer (encoding, sheets).
    pub diagnostics: Vec<Diagnostic>,
    /// The text ended inside an open quoted field.
    pub ended_in_quote: bool,
}

// ---------------------------------------------------------------------------
// Header matching

/// Header synonyms per field, as comparison keys ([`header_key`]). Checked in
/// this order, first match wins, so more specific fields come first ("Tình
/// trạng chấp thuận" before "chấp thuận", "Ngày công khai" before "Ngày").
/// A pattern matches when the key contains it as whole words; patterns
/// starting with `=` must equal the key.
const SYNONYMS: &[(Field, &[&str])] = &[
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
            "title",
        ],
    ),
    (Field::Note, &["ghi chu", "note"]),
];

/// A header as a comparison key: [`fold_key`], punctuation to spaces.
fn header_key(s: &str) -> String {
    let k: String = fold_key(s)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    k.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The field a header names, if any.
fn match_header(header: &str) -> Option<Field> {
    let key = header_key(header);
    if key.is_empty() || key.len() > 80 {
        return None;
    }
    let padded = format!(" {key} ");
    SYNONYMS.iter().find_map(|(field, pats)| {
        pats.iter()
            .any(|p| match p.strip_prefix('=') {
                Some(exact) => key == exact,
                None => padded.contains(&format!(" {p} ")),
            })
            .then_some(*field)
    })
}

/// Fields named by a row's cells (distinct).
fn header_fields(row: &RawRow) -> Vec<Field> {
    let mut v: Vec<Field> = row
        .cells
        .iter()
        .filter_map(|c| match_header(&c.full_text()))
        .collect();
    v.sort();
    v.dedup();
    v
}

fn is_header_row(row: &RawRow) -> bool {
    let f = header_fields(row);
    f.len() >= 2 && (f.contains(&Field::Title) || f.len() >= 3)
}

/// How many rows from the top are searched for the header.
const HEADER_SEARCH_ROWS: usize = 40;

// ---------------------------------------------------------------------------
// Diagnostics helpers

fn msg(vi: impl Into<String>, en: impl Into<String>) -> Message {
    Message::new(vi, en)
}

fn structure(row: usize, value: Option<String>, vi: String, en: String) -> Diagnostic {
    Diagnostic::new("R-READ-STRUCTURE", Location::row(row), value, msg(vi, en))
}

// ---------------------------------------------------------------------------
// Title lines

fn is_motto(k: &str) -> bool {
    k.contains("cong hoa xa hoi chu nghia")
        || k.contains("doc lap") && k.contains("tu do")
        || k.chars().all(|c| c == '-' || c == '_' || c == ' ')
}

fn looks_like_agency(k: &str) -> bool {
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
fn split_basis(text: &str) -> (String, Option<String>) {
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
fn find_date(text: &str) -> Option<NaiveDate> {
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
fn find_docref(text: &str) -> Option<DocumentRef> {
    let lower = text.to_lowercase();
    let start = lower
        .find("số")
        .map(|i| i + "số".len())
        .or_else(|| fold_key(text).find(" so ").map(|_| 0))
        .unwrap_or(0);
    text[start..]
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '(' || c == ')')
        .filter(|w| w.contains('/') && !w.starts_with('/') || w.starts_with('/') && w.len() > 1)
        .find_map(|w| {
            let w = w.trim_end_matches('.');
            if w.matches('/').count() == 2
                && w.split('/')
                    .all(|p| p.bytes().all(|b| b.is_ascii_digit()) && !p.is_empty())
            {
                return None; // a date
            }
            DocumentRef::parse(w).ok()
        })
}

/// Read title lines (every non-empty cell above the header) into the header.
fn read_title_lines(
    rows: &[RawRow],
    header: &mut CatalogHeader,
    diags: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut texts_for_kind = Vec::new();
    let mut agency_lines: Vec<String> = Vec::new();
    for r in rows {
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
                if k.starts_with("so:") || k.starts_with("so ") && line.contains('/') {
                    continue; // the number of the covering document
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

// ---------------------------------------------------------------------------
// Body rows

/// A column of the table.
#[derive(Debug, Clone)]
struct Column {
    /// Header as written (NFC, trimmed); `"(cột N)"` when blank.
    header: String,
    field: Option<Field>,
}

/// A row's cells by field, with the header each came from.
#[derive(Debug, Default)]
struct RowCells {
    fields: BTreeMap<Field, (String, Cell)>,
    extra: BTreeMap<String, String>,
}

fn is_roman_or_letter(s: &str) -> bool {
    let t = s.trim().trim_end_matches(['.', ')']).trim();
    !t.is_empty()
        && (t.chars().all(|c| "IVXLC".contains(c)) && t.len() <= 6
            || t.len() == 1 && t.chars().all(|c| c.is_ascii_uppercase()))
}

/// "I. VĂN BẢN…", "A. NGÂN SÁCH", "Phần 1", "Mục II".
fn caption_prefix(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    if first.ends_with('.') || first.ends_with(')') {
        if is_roman_or_letter(first) {
            return true;
        }
    }
    let k = fold_key(text);
    k.starts_with("phan ") || k.starts_with("muc ") || k.starts_with("chuong ")
}

fn is_upper(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 3 && letters.iter().all(|c| !c.is_lowercase())
}

fn bullet(text: &str) -> Option<&str> {
    for b in ["+", "-", "–", "•", "*", "·"] {
        if let Some(rest) = text.strip_prefix(b) {
            if !rest.starts_with(b) {
                return Some(rest.trim());
            }
        }
    }
    None
}

fn is_footer_start(k: &str) -> bool {
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
fn is_column_number_row(texts: &[String]) -> bool {
    let nums: Vec<Option<u32>> = texts
        .iter()
        .filter(|t| !t.is_empty())
        .map(|t| {
            t.trim_start_matches('(')
                .trim_end_matches(')')
                .trim()
                .parse::<u32>()
                .ok()
        })
        .collect();
    nums.len() >= 3
        && nums.iter().all(Option::is_some)
        && nums.windows(2).all(|w| w[1] == w[0].map(|x| x + 1))
}

fn looks_like_url(s: &str) -> bool {
    let k = s.trim().to_ascii_lowercase();
    !k.contains(char::is_whitespace)
        && (k.starts_with("http://")
            || k.starts_with("https://")
            || k.starts_with("ftp://")
            || k.starts_with("www.")
            || k.contains(".gov.vn")
            || k.contains(".vn/")
            || k.contains(".com/"))
}

/// Explicit "none": "-", "x", "Không", "Không có".
fn is_none_marker(s: &str) -> bool {
    matches!(
        fold_key(s).as_str(),
        "-" | "--" | "—" | "–" | "khong" | "khong co" | "k/c" | "n/a" | "/"
    )
}

/// A text that ends mid-word: its last word is one lower-case ASCII letter
/// (not a point letter after "điểm", "khoản", "mục"), or a parenthesis or
/// quote is left open.
fn cut_off(text: &str) -> bool {
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

fn parse_consent_status(s: &str) -> Option<ConsentStatus> {
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

fn parse_consent_holder(s: &str) -> Option<ConsentHolder> {
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
fn parse_forms(s: &str) -> (Vec<DisclosureForm>, Vec<String>) {
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

/// The builder: walks the body, keeps state (section, last item), collects
/// findings.
struct Builder<'a> {
    columns: Vec<Column>,
    kind: CatalogKind,
    diags: Vec<Diagnostic>,
    section: Option<String>,
    items: Vec<InformationItem>,
    cond_items: Vec<ConditionalItem>,
    opts: &'a ReadOptions,
    legacy_reported: usize,
}

/// At most this many encoding findings per file; then one summary.
const MAX_ENCODING_DIAGS: usize = 10;

impl Builder<'_> {
    fn cells(&self, row: &RawRow) -> RowCells {
        let mut rc = RowCells::default();
        for (i, col) in self.columns.iter().enumerate() {
            let cell = row.cells.get(i).cloned().unwrap_or_default();
            let text = cell.data_text();
            match col.field {
                Some(f) => {
                    rc.fields.insert(f, (col.header.clone(), cell));
                }
                None if !text.is_empty() => {
                    rc.extra.insert(col.header.clone(), text);
                }
                None => {}
            }
        }
        // Cells beyond the header's width.
        for (i, cell) in row.cells.iter().enumerate().skip(self.columns.len()) {
            let t = cell.data_text();
            if !t.is_empty() {
                rc.extra.insert(format!("(cột {})", i + 1), t);
            }
        }
        rc
    }

    fn text(rc: &RowCells, f: Field) -> String {
        rc.fields
            .get(&f)
            .map(|(_, c)| c.data_text())
            .unwrap_or_default()
    }

    fn check_encoding(&mut self, row: usize, column: &str, text: &str) {
        if let Some(enc) = detect_legacy_encoding(text) {
            self.legacy_reported += 1;
            if self.legacy_reported <= MAX_ENCODING_DIAGS {
                self.diags.push(Diagnostic::new(
                    "R-READ-ENCODING",
                    Location::cell(row, column),
                    Some(text.to_string()),
                    msg(
                        format!("Văn bản có vẻ được gõ bằng bảng mã {}; hãy chuyển sang Unicode (UTF-8).", enc.name()),
                        format!("The text looks typed in the {} encoding; convert it to Unicode (UTF-8).", enc.name()),
                    ),
                ));
            }
        }
    }

    /// Read the common fields of an item row into an [`InformationItem`];
    /// conditional fields are read by [`Builder::conditional`].
    fn item(&mut self, row: usize, rc: &RowCells) -> InformationItem {
        let mut it = InformationItem {
            section: self.section.clone(),
            extra: rc.extra.clone(),
            ..InformationItem::default()
        };
        let mut span = SourceSpan {
            row,
            columns: BTreeMap::new(),
        };
        let fields: Vec<(Field, String, Cell)> = rc
            .fields
            .iter()
            .map(|(f, (h, c))| (*f, h.clone(), c.clone()))
            .collect();
        for (field, header, cell) in fields {
            let text = cell.data_text();
            if text.is_empty() && cell.link.is_none() {
                continue;
            }
            span.columns.insert(field, header.clone());
            self.check_encoding(row, &header, &text);
            let loc = Location::cell(row, header.clone());
            match field {
                Field::Seq => it.seq = Some(text),
                Field::Title => it.title = text,
                Field::NumberSymbol => {
                    if is_none_marker(&text) {
                        continue;
                    }
                    match DocumentRef::parse(&text) {
                        Ok(r) => it.number_symbol = Some(r),
                        Err(e) => {
                            it.unparsed.insert(field, text.clone());
                            self.diags.push(Diagnostic::new(
                                "R-READ-CELL",
                                loc,
                                Some(text),
                                msg(
                                    "Không đọc được số, ký hiệu văn bản (ví dụ đúng: 13/2018/NĐ-CP, 45/BC-UBND).",
                                    e.to_string(),
                                ),
                            ));
                        }
                    }
                }
                Field::CreatedOn => {
                    if is_none_marker(&text) {
                        continue;
                    }
                    match &cell.value {
                        CellValue::Date(d) => it.created_on = Some(PartialDate::Day(*d)),
                        CellValue::Number(n)
                            if n.fract() == 0.0 && (1900.0..=2200.0).contains(n) =>
                        {
                            it.created_on = Some(PartialDate::Year(*n as i32))
                        }
                        _ => match PartialDate::parse(&text) {
                            Ok(d) => it.created_on = Some(d),
                            Err(e) => {
                                it.unparsed.insert(field, text.clone());
                                self.date_error(loc, text, &e);
                            }
                        },
                    }
                }
                Field::Art17Point => match Art17Point::parse(&text) {
                    Ok(p) => it.art17_point = Some(p),
                    // Reported by validate (R-ART17-POINT), with its citation.
                    Err(_) => {
                        it.unparsed.insert(field, text);
                    }
                },
                Field::DisclosureForms => {
                    let (forms, rest) = parse_forms(&text);
                    it.disclosure_forms = forms;
                    if !rest.is_empty() {
                        // Reported by validate (R-CAT-FORM-ENUM).
                        it.unparsed.insert(field, rest.join("; "));
                    }
                }
                Field::DisclosureTime | Field::DisclosurePeriod => {
                    let text = match &cell.value {
                        CellValue::Date(d) => d.format("%d/%m/%Y").to_string(),
                        _ => text,
                    };
                    if let Err(e @ DateError::Impossible { .. }) = PartialDate::parse(&text) {
                        it.unparsed.insert(field, text.clone());
                        self.date_error(loc, text.clone(), &e);
                    }
                    if field == Field::DisclosureTime {
                        it.disclosure_time = Some(text);
                    } else {
                        it.disclosure_period = Some(text);
                    }
                }
                Field::AccessLink => {
                    if let Some(url) = &cell.link {
                        it.access_link = Some(url.clone());
                        if !text.is_empty() && text != *url {
                            it.link_text = Some(text);
                        }
                    } else if looks_like_url(&text) {
                        it.access_link = Some(text);
                    } else if !is_none_marker(&text) {
                        it.link_text = Some(text.clone());
                        self.diags.push(Diagnostic::new(
                            "R-READ-LINK",
                            loc,
                            Some(text),
                            msg(
                                "Ô đường dẫn chỉ có chữ, không có địa chỉ (URL) để tải thông tin.",
                                "The link cell holds text but no address (URL) to download the information.",
                            ),
                        ));
                    }
                }
                Field::Attachment => it.attachment = Some(text),
                Field::Note => {
                    it.extra.insert(header, text);
                }
                Field::Ground | Field::ConsentHolder | Field::ConsentStatus => {}
            }
        }
        it.source = Some(span);
        it
    }

    fn date_error(&mut self, loc: Location, text: String, e: &DateError) {
        let (rule, vi) = match e {
            DateError::Impossible { .. } => (
                "R-READ-DATE",
                "Ngày không tồn tại trong lịch (không được tự chuyển sang ngày khác).".to_string(),
            ),
            DateError::Unrecognised { .. } => (
                "R-READ-CELL",
                "Không đọc được ngày (dạng đúng: dd/mm/yyyy, \"ngày 02 tháng 3 năm 2023\", mm/yyyy hoặc năm).".to_string(),
            ),
        };
        self.diags.push(Diagnostic::new(
            rule,
            loc,
            Some(text),
            msg(vi, e.to_string()),
        ));
    }

    fn conditional(&mut self, row: usize, rc: &RowCells) -> ConditionalItem {
        let it = self.item(row, rc);
        let mut c = ConditionalItem {
            seq: it.seq,
            title: it.title,
            number_symbol: it.number_symbol,
            created_on: it.created_on,
            section: it.section,
            unparsed: it.unparsed,
            extra: it.extra,
            source: it.source,
            ..ConditionalItem::default()
        };
        // Disclosure-only columns in a conditional catalog are kept as extra.
        for f in [
            Field::Art17Point,
            Field::DisclosureForms,
            Field::DisclosureTime,
            Field::DisclosurePeriod,
            Field::AccessLink,
            Field::Attachment,
        ] {
            if let Some((h, cell)) = rc.fields.get(&f) {
                let t = cell.data_text();
                if !t.is_empty() {
                    c.extra.insert(h.clone(), t);
                }
                c.unparsed.remove(&f);
            }
        }
        if let Some(src) = &mut c.source {
            src.columns.retain(|f, _| {
                !matches!(
                    f,
                    Field::Art17Point
                        | Field::DisclosureForms
                        | Field::DisclosureTime
                        | Field::DisclosurePeriod
                        | Field::AccessLink
                        | Field::Attachment
                )
            });
        }
        self.diags
            .retain(|d| !(d.rule == "R-READ-LINK" && d.location.row == Some(row)));
        for (f, (h, cell)) in &rc.fields {
            let t = cell.data_text();
            if t.is_empty() {
                continue;
            }
            match f {
                Field::Ground => match ConditionalGround::parse(&t) {
                    Some(g) => c.ground = Some(g),
                    None => {
                        c.unparsed.insert(*f, t); // validate: R-COND-HOLDER
                    }
                },
                Field::ConsentHolder => match parse_consent_holder(&t) {
                    Some(h) => c.consent_holder = Some(h),
                    None => {
                        c.unparsed.insert(*f, t);
                    }
                },
                Field::ConsentStatus => match parse_consent_status(&t) {
                    Some(s) => c.consent_status = Some(s),
                    None => {
                        c.unparsed.insert(*f, t.clone());
                        self.diags.push(Diagnostic::new(
                            "R-READ-CELL",
                            Location::cell(row, h.clone()),
                            Some(t),
                            msg(
                                "Không đọc được tình trạng chấp thuận (chưa có / đang đề nghị / đã đồng ý / từ chối).",
                                "Consent status not understood (none / requested / given / refused).",
                            ),
                        ));
                    }
                },
                _ => continue,
            }
            if let Some(src) = &mut c.source {
                src.columns.insert(*f, h.clone());
            }
        }
        c
    }
}

// ---------------------------------------------------------------------------
// The whole table

/// Build a catalog from a table.
///
/// # Errors
/// None today beyond what the format layer checked; kept fallible for limits.
pub(crate) fn build(table: Table, opts: &ReadOptions) -> Result<ReadOutcome, ReadError> {
    let Table {
        rows,
        physical_rows,
        diagnostics: mut diags,
        ended_in_quote,
    } = table;
    let mut header = CatalogHeader::default();

    // 1. Header row.
    let nonempty = |r: &RawRow| r.cells.iter().any(|c| !c.full_text().is_empty());
    let hidx = rows.iter().take(HEADER_SEARCH_ROWS).position(is_header_row);
    let Some(hidx) = hidx else {
        let used: Vec<&RawRow> = rows.iter().filter(|r| nonempty(r)).collect();
        let kind = opts.kind.unwrap_or(CatalogKind::Disclosure);
        diags.push(Diagnostic::new(
            "R-READ-HEADER",
            used.first().map(|r| Location::row(r.row)).unwrap_or_default(),
            None,
            msg(
                format!("Không tìm thấy dòng tiêu đề cột (cần ít nhất cột tên văn bản và một cột khác, ví dụ \"STT\", \"Tên văn bản, hồ sơ\", \"Số, ký hiệu\"); {} dòng không được đọc.", used.len()),
                format!("No column header row found (needs a title column and one other, e.g. \"STT\", \"Tên văn bản, hồ sơ\", \"Số, ký hiệu\"); {} rows were not read.", used.len()),
            ),
        ));
        return Ok(ReadOutcome {
            catalog: empty_catalog(kind, header),
            diagnostics: diags,
            rows: physical_rows,
        });
    };

    // 2. Title lines.
    let title_texts = read_title_lines(&rows[..hidx], &mut header, &mut diags);

    // 3. Columns, with a second header row when the first has merged parents.
    let hrow = &rows[hidx];
    let mut columns: Vec<Column> = hrow
        .cells
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let t = c.full_text();
            let h = if t.is_empty() {
                format!("(cột {})", i + 1)
            } else {
                t.split_whitespace().collect::<Vec<_>>().join(" ")
            };
            Column {
                field: match_header(&h),
                header: h,
            }
        })
        .collect();
    let mut body_start = hidx + 1;
    if let Some(next) = rows.get(hidx + 1) {
        let texts: Vec<String> = next.cells.iter().map(Cell::full_text).collect();
        let nonempty: Vec<&String> = texts.iter().filter(|t| !t.is_empty()).collect();
        let all_headers = !nonempty.is_empty()
            && texts.iter().enumerate().all(|(i, t)| {
                t.is_empty()
                    || match_header(t).is_some()
                    || columns
                        .get(i)
                        .is_some_and(|c| fold_key(&c.header) == fold_key(t))
            });
        // A sub-header sits under a blank or merged parent cell ("Thời điểm,
        // thời hạn công khai" over "Thời điểm" | "Thời hạn").
        let under_parent = texts.iter().enumerate().any(|(i, t)| {
            !t.is_empty()
                && (hrow.cells.get(i).is_none_or(|c| {
                    c.full_text().is_empty() || matches!(c.merge, Merge::Origin | Merge::Across)
                }))
        });
        if all_headers
            && nonempty.len() >= 2
            && under_parent
            && !is_header_row_with_title_repeat(next, &columns)
        {
            for (i, t) in texts.iter().enumerate() {
                if t.is_empty() {
                    continue;
                }
                let h = t.split_whitespace().collect::<Vec<_>>().join(" ");
                if i >= columns.len() {
                    columns.push(Column {
                        field: match_header(&h),
                        header: h,
                    });
                } else if fold_key(&columns[i].header) != fold_key(&h) {
                    columns[i] = Column {
                        field: match_header(&h).or(columns[i].field),
                        header: h,
                    };
                }
            }
            diags.push(structure(
                next.row,
                None,
                "Tiêu đề cột gồm hai dòng; dòng này được ghép với dòng trên.".into(),
                "The column header spans two rows; this row was combined with the one above."
                    .into(),
            ));
            body_start += 1;
        }
    }
    // One column per field: later duplicates are kept as extra columns.
    let mut seen: Vec<Field> = Vec::new();
    for c in &mut columns {
        if let Some(f) = c.field {
            if seen.contains(&f) {
                diags.push(structure(
                    hrow.row,
                    Some(c.header.clone()),
                    format!("Cột \"{}\" trùng nội dung với một cột trước; giữ như cột bổ sung.", c.header),
                    format!("Column \"{}\" names the same field as an earlier column; kept as an extra column.", c.header),
                ));
                c.field = None;
            } else {
                seen.push(f);
            }
        }
    }
    if !seen.contains(&Field::Title) {
        diags.push(Diagnostic::new(
            "R-READ-HEADER",
            Location::row(hrow.row),
            None,
            msg(
                "Không có cột tên văn bản, hồ sơ (\"Tên văn bản\", \"Nội dung\").",
                "No title column (\"Tên văn bản\", \"Nội dung\").",
            ),
        ));
    }

    // 4. Kind.
    let kind = opts.kind.unwrap_or_else(|| {
        let mentions = title_texts
            .iter()
            .chain(columns.iter().map(|c| &c.header))
            .any(|t| fold_key(t).contains("co dieu kien"));
        if mentions
            || seen.iter().any(|f| {
                matches!(
                    f,
                    Field::Ground | Field::ConsentHolder | Field::ConsentStatus
                )
            })
        {
            CatalogKind::Conditional
        } else {
            CatalogKind::Disclosure
        }
    });

    // 5. Body.
    let mut b = Builder {
        columns,
        kind,
        diags: Vec::new(),
        section: None,
        items: Vec::new(),
        cond_items: Vec::new(),
        opts,
        legacy_reported: 0,
    };
    let header_keys: Vec<String> = b.columns.iter().map(|c| header_key(&c.header)).collect();
    let mut skeleton: Vec<usize> = Vec::new();
    let mut last_used: Option<(usize, bool)> = None; // (row, is_item_or_child)
    let body = &rows[body_start.min(rows.len())..];
    let mut footer_from: Option<usize> = None;
    let flush_skeleton = |sk: &mut Vec<usize>, diags: &mut Vec<Diagnostic>| {
        if sk.is_empty() {
            return;
        }
        let (a, z) = (sk[0], *sk.last().unwrap());
        let range = if a == z {
            format!("{a}")
        } else {
            format!("{a}–{z}")
        };
        diags.push(structure(
            a,
            None,
            format!("Dòng {range}: dòng trống hoặc chỉ có số thứ tự, bỏ qua."),
            format!("Row(s) {range}: empty or numbered-only skeleton rows, skipped."),
        ));
        sk.clear();
    };
    for (bi, raw) in body.iter().enumerate() {
        let texts: Vec<String> = raw.cells.iter().map(Cell::data_text).collect();
        let nonempty: Vec<(usize, &String)> = texts
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.is_empty())
            .collect();
        if nonempty.is_empty() {
            continue; // blank row: nothing to lose
        }
        let rc = b.cells(raw);
        let seq = Builder::text(&rc, Field::Seq);
        let title = Builder::text(&rc, Field::Title);
        let seq_col = b.columns.iter().position(|c| c.field == Some(Field::Seq));
        let only_seq = nonempty.len() == 1 && Some(nonempty[0].0) == seq_col;
        if only_seq {
            skeleton.push(raw.row);
            continue;
        }
        flush_skeleton(&mut skeleton, &mut b.diags);

        // Footer: "Nơi nhận", signature block.
        let first_text = nonempty[0].1;
        if footer_from.is_none() && seq.is_empty() && is_footer_start(&fold_key(first_text)) {
            footer_from = Some(bi);
        }
        if let Some(f) = footer_from {
            let lines: Vec<String> = body[f..]
                .iter()
                .flat_map(|r| r.cells.iter().map(Cell::data_text))
                .filter(|t| !t.is_empty())
                .collect();
            b.diags.push(structure(
                raw.row,
                Some(lines.join(" | ")),
                "Phần cuối văn bản (nơi nhận, chữ ký) bên dưới bảng không được đọc thành mục.".into(),
                "The closing lines below the table (recipients, signature) were not read as entries.".into(),
            ));
            break;
        }

        // Repeated header row.
        let matches = nonempty
            .iter()
            .filter(|(i, t)| {
                header_keys
                    .get(*i)
                    .is_some_and(|h| !h.is_empty() && *h == header_key(t))
            })
            .count();
        if matches >= 2 && matches * 10 >= nonempty.len() * 6 {
            b.diags.push(structure(
                raw.row,
                None,
                "Dòng tiêu đề cột lặp lại trong bảng, bỏ qua.".into(),
                "Column header row repeated inside the table, skipped.".into(),
            ));
            continue;
        }
        if is_column_number_row(&texts) {
            b.diags.push(structure(
                raw.row,
                None,
                "Dòng đánh số cột ((1), (2), …), bỏ qua.".into(),
                "Column-number row ((1), (2), …), skipped.".into(),
            ));
            continue;
        }

        // Section caption: no number (or a Roman/letter one) and one text.
        let distinct: Vec<&String> = {
            let mut v: Vec<&String> = Vec::new();
            for (i, t) in &nonempty {
                if Some(*i) != seq_col && !v.contains(t) {
                    v.push(t);
                }
            }
            v
        };
        let merged_across = raw.cells.iter().any(|c| c.merge == Merge::Across);
        let seq_caption = seq.is_empty() || is_roman_or_letter(&seq);
        if seq_caption && distinct.len() == 1 && bullet(distinct[0]).is_none() {
            let t = distinct[0];
            let k = fold_key(t);
            if merged_across
                || is_roman_or_letter(&seq)
                || caption_prefix(t)
                || is_upper(t)
                || k.starts_with("danh muc")
                || k.starts_with("nhom ")
                || k.starts_with("linh vuc")
            {
                let caption = if seq.is_empty() {
                    t.clone()
                } else {
                    format!("{seq}. {t}")
                };
                b.diags.push(structure(
                    raw.row,
                    Some(caption.clone()),
                    "Dòng tiêu đề mục, áp dụng cho các dòng bên dưới.".into(),
                    "Section caption, applied to the rows below.".into(),
                ));
                b.section = Some(caption);
                continue;
            }
        }

        // "+" sub-row: a child of the item above.
        if seq.is_empty() {
            if let Some(rest) = bullet(&title) {
                let rest = rest.to_string();
                let parent_row = match b.kind {
                    CatalogKind::Disclosure => b
                        .items
                        .last()
                        .and_then(|p| p.source.as_ref().map(|s| s.row)),
                    CatalogKind::Conditional => None,
                };
                if let Some(prow) = parent_row {
                    let mut child = b.item(raw.row, &rc);
                    child.title = rest;
                    let parent = b.items.last_mut().expect("parent exists");
                    child.section = parent.section.clone();
                    b.diags.push(structure(
                        raw.row,
                        Some(title.clone()),
                        format!("Dòng con không đánh số, giữ là mục con của dòng {prow}."),
                        format!("Unnumbered sub-row, kept as a child of row {prow}."),
                    ));
                    parent.children.push(child);
                    last_used = Some((raw.row, true));
                    continue;
                }
            }
        }

        // An item.
        if title.is_empty() {
            b.diags.push(
                Diagnostic::new(
                    "R-READ-ROW",
                    Location::row(raw.row),
                    Some(
                        nonempty
                            .iter()
                            .map(|(_, t)| t.as_str())
                            .collect::<Vec<_>>()
                            .join(" | "),
                    ),
                    msg(
                        "Dòng có dữ liệu nhưng không có tên văn bản, hồ sơ; vẫn giữ là một mục.",
                        "The row has data but no title; kept as an entry.",
                    ),
                )
                .with_severity(Severity::Warning),
            );
        }
        match b.kind {
            CatalogKind::Disclosure => {
                let it = b.item(raw.row, &rc);
                b.items.push(it);
            }
            CatalogKind::Conditional => {
                let it = b.conditional(raw.row, &rc);
                b.cond_items.push(it);
            }
        }
        last_used = Some((raw.row, true));
    }
    flush_skeleton(&mut skeleton, &mut b.diags);
    let _ = b.opts;

    // 6. A last row cut off mid-word.
    if let Some((lrow, _)) = last_used {
        if let Some(raw) = body.iter().find(|r| r.row == lrow) {
            let texts: Vec<(usize, String)> = raw
                .cells
                .iter()
                .map(Cell::data_text)
                .enumerate()
                .filter(|(_, t)| !t.is_empty())
                .collect();
            if let Some((ci, t)) = texts.last() {
                let trailing_empty = *ci + 1 < b.columns.len();
                if ended_in_quote || (trailing_empty && cut_off(t)) {
                    let col = b
                        .columns
                        .get(*ci)
                        .map(|c| c.header.clone())
                        .unwrap_or_default();
                    b.diags.push(Diagnostic::new(
                        "R-READ-TRUNCATED",
                        Location::cell(lrow, col),
                        Some(t.clone()),
                        msg(
                            "Dòng cuối của tệp có vẻ bị cắt cụt giữa chừng (kết thúc bằng một mẩu chữ, các ô sau trống); hãy kiểm tra bản gốc.",
                            "The file's last row looks cut off (it ends in a word fragment and the cells after it are empty); check the original.",
                        ),
                    ));
                }
            }
        }
    }
    if b.legacy_reported > MAX_ENCODING_DIAGS {
        b.diags.push(Diagnostic::new(
            "R-READ-ENCODING",
            Location::whole(),
            None,
            msg(
                format!(
                    "Còn {} ô khác có vẻ dùng bảng mã cũ.",
                    b.legacy_reported - MAX_ENCODING_DIAGS
                ),
                format!(
                    "{} more cells look typed in a legacy encoding.",
                    b.legacy_reported - MAX_ENCODING_DIAGS
                ),
            ),
        ));
    }

    diags.extend(b.diags);
    diags.sort_by_key(|d| d.location.row.unwrap_or(0));
    let catalog = match kind {
        CatalogKind::Disclosure => Catalog::Disclosure(DisclosureCatalog {
            header,
            items: b.items,
        }),
        CatalogKind::Conditional => Catalog::Conditional(ConditionalAccessCatalog {
            header,
            items: b.cond_items,
        }),
    };
    Ok(ReadOutcome {
        catalog,
        diagnostics: diags,
        rows: physical_rows,
    })
}

/// The second header row test must not swallow a row that repeats the first
/// header in full (that is a repeated header, handled in the body).
fn is_header_row_with_title_repeat(row: &RawRow, columns: &[Column]) -> bool {
    let same = row
        .cells
        .iter()
        .enumerate()
        .filter(|(i, c)| {
            let t = c.full_text();
            !t.is_empty()
                && columns
                    .get(*i)
                    .is_some_and(|col| fold_key(&col.header) == fold_key(&t))
        })
        .count();
    same >= 2
}

fn empty_catalog(kind: CatalogKind, header: CatalogHeader) -> Catalog {
    match kind {
        CatalogKind::Disclosure => Catalog::Disclosure(DisclosureCatalog {
            header,
            items: Vec::new(),
        }),
        CatalogKind::Conditional => Catalog::Conditional(ConditionalAccessCatalog {
            header,
            items: Vec::new(),
        }),
    }
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
        ] {
            assert_eq!(match_header(h), Some(f), "{h}");
        }
        assert_eq!(match_header("Cơ quan chủ trì"), None);
        // Every field tiepcan writes is read back.
        for f in [
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
        ] {
            assert_eq!(match_header(f.header_vi()), Some(f), "{}", f.header_vi());
        }
    }

    #[test]
    fn cut_off_fragments() {
        assert!(cut_off("Thông tin về danh mục dự án, chương trình và k"));
        assert!(cut_off("Báo cáo (dự thảo"));
        assert!(!cut_off("Công khai ngân sách"));
        assert!(!cut_off("Thông tin theo điểm a"));
        assert!(!cut_off("Phụ lục b"));
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
