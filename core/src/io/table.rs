//! Table → catalog: the format-independent part of the CSV and workbook
//! readers. Finds the header row below any title lines, matches headers by
//! synonym, reads title lines into the catalog header, and sorts body rows
//! into items, section captions, "+" sub-rows, repeated headers, skeleton rows
//! and footer lines — reporting every row it does not turn into an item.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::cells::{
    bullet, caption_prefix, cut_off, is_column_number_row, is_footer_start, is_none_marker,
    is_roman_or_letter, is_upper, looks_like_url, parse_consent_holder, parse_consent_status,
    parse_forms,
};
use super::encoding::detect_legacy_encoding;
use super::headers::{
    header_key, is_header_row, match_header, msg, read_title_lines, structure, HEADER_SEARCH_ROWS,
};
use super::{ReadError, ReadOptions, ReadOutcome};
use crate::law::{Art17Point, ConditionalGround, DisclosureForm};
use crate::model::dmy_date_string;
use crate::model::{
    Catalog, CatalogHeader, CatalogKind, ConditionalAccessCatalog, ConditionalItem, DateError,
    DisclosureCatalog, DocumentRef, Field, InformationItem, PartialDate, SourceSpan,
};
use crate::text::{fold_key, is_nfc, nfc};
use crate::validate::{Diagnostic, Location, Severity};

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
    pub(crate) fn full_text(&self) -> String {
        self.full_cow().into_owned()
    }

    /// [`Cell::full_text`], borrowed when the cell's text needs no cleaning.
    pub(crate) fn full_cow(&self) -> Cow<'_, str> {
        match &self.value {
            CellValue::Empty => Cow::Borrowed(""),
            CellValue::Text(s) => clean(s),
            CellValue::Number(n) => Cow::Owned(number_text(*n)),
            CellValue::Date(d) => Cow::Owned(dmy_date_string(*d)),
        }
    }

    /// The value as text for data: a cell merged across from another column
    /// is empty.
    fn data_text(&self) -> String {
        self.data_cow().into_owned()
    }

    /// [`Cell::data_text`], borrowed when the cell's text needs no cleaning.
    fn data_cow(&self) -> Cow<'_, str> {
        if self.merge == Merge::Across {
            Cow::Borrowed("")
        } else {
            self.full_cow()
        }
    }
}

/// NFC, trimmed, runs of white space (not line breaks) kept as written but
/// ends trimmed; non-breaking spaces become spaces.
fn clean(s: &str) -> Cow<'_, str> {
    let t = s.trim();
    if t.is_ascii() {
        return Cow::Borrowed(t);
    }
    if !t.contains(['\u{a0}', '\u{feff}']) && is_nfc(t) {
        return Cow::Borrowed(t);
    }
    Cow::Owned(nfc(s.replace(['\u{a0}', '\u{feff}'], " ").trim()))
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
// Body rows

/// A column of the table.
#[derive(Debug, Clone)]
struct Column {
    /// Header as written (NFC, trimmed); `"(cột N)"` when blank.
    header: String,
    field: Option<Field>,
}

/// The builder: walks the body, keeps state (section, last item), collects
/// findings.
struct Builder<'a> {
    columns: Vec<Column>,
    /// (field, column index) of every column that names a field, in field
    /// order (one column per field).
    field_cols: Vec<(Field, usize)>,
    kind: CatalogKind,
    diags: Vec<Diagnostic>,
    section: Option<String>,
    items: Vec<InformationItem>,
    cond_items: Vec<ConditionalItem>,
    opts: &'a ReadOptions,
    legacy_reported: usize,
    forms_cache: CacheMap<(Vec<DisclosureForm>, Vec<String>)>,
    /// Disclosure time and period cells repeat: their impossible-date
    /// finding (if any) per distinct text.
    period_cache: CacheMap<Option<DateError>>,
    /// Creation dates and Art. 17 points repeat: parsed once per distinct
    /// text.
    date_cache: CacheMap<Result<PartialDate, DateError>>,
    point_cache: CacheMap<Result<Art17Point, ()>>,
}

/// At most this many encoding findings per file; then one summary.
const MAX_ENCODING_DIAGS: usize = 10;

/// A cache by cell text. Caches hold at most [`CACHE_LIMIT`] texts, so a
/// fast non-keyed hash (FNV-1a) is safe here.
type CacheMap<V> = HashMap<String, V, std::hash::BuildHasherDefault<Fnv>>;

#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// At most this many distinct texts per cache.
const CACHE_LIMIT: usize = 4096;

/// A body row: its cells and their data texts ([`Cell::data_cow`]).
struct Row<'r> {
    row: usize,
    cells: &'r [Cell],
    texts: &'r [Cow<'r, str>],
}

static EMPTY_CELL: Cell = Cell {
    value: CellValue::Empty,
    link: None,
    merge: Merge::None,
};

impl<'r> Row<'r> {
    fn cell(&self, i: usize) -> &'r Cell {
        self.cells.get(i).unwrap_or(&EMPTY_CELL)
    }

    fn text(&self, i: usize) -> &'r str {
        self.texts.get(i).map_or("", |t| t.as_ref())
    }
}

/// `f(text)` for a pure `f`, remembered for up to [`CACHE_LIMIT`] texts.
fn cached<T: Clone>(cache: &mut CacheMap<T>, text: &str, f: impl Fn(&str) -> T) -> T {
    if let Some(v) = cache.get(text) {
        return v.clone();
    }
    let v = f(text);
    if cache.len() < CACHE_LIMIT {
        cache.insert(text.to_string(), v.clone());
    }
    v
}

fn check_encoding(
    diags: &mut Vec<Diagnostic>,
    legacy_reported: &mut usize,
    row: usize,
    column: &str,
    text: &str,
) {
    if let Some(enc) = detect_legacy_encoding(text) {
        *legacy_reported += 1;
        if *legacy_reported <= MAX_ENCODING_DIAGS {
            diags.push(Diagnostic::new(
                "R-READ-ENCODING",
                Location::cell(row, column),
                Some(text.to_string()),
                msg(
                    format!(
                        "Văn bản có vẻ được gõ bằng bảng mã {}; hãy chuyển sang Unicode (UTF-8).",
                        enc.name()
                    ),
                    format!(
                        "The text looks typed in the {} encoding; convert it to Unicode (UTF-8).",
                        enc.name()
                    ),
                ),
            ));
        }
    }
}

fn date_error(diags: &mut Vec<Diagnostic>, loc: Location, text: String, e: &DateError) {
    let (rule, vi) = match e {
        DateError::Impossible {
            day, month, year, ..
        } => (
            "R-READ-DATE",
            format!("\"{text}\" không phải là ngày có thật (không có ngày {day} tháng {month} năm {year}); không tự chuyển sang ngày khác."),
        ),
        DateError::Unrecognised { .. } => (
            "R-READ-CELL",
            format!("Không đọc được ngày \"{text}\" (dạng đúng: dd/mm/yyyy, \"ngày 02 tháng 3 năm 2023\", mm/yyyy hoặc năm)."),
        ),
    };
    diags.push(Diagnostic::new(
        rule,
        loc,
        Some(text),
        msg(vi, e.to_string()),
    ));
}

impl Builder<'_> {
    /// The column of a field, if the table has one.
    fn field_col(&self, f: Field) -> Option<usize> {
        self.field_cols
            .iter()
            .find(|(g, _)| *g == f)
            .map(|(_, i)| *i)
    }

    /// The data text of a field's cell (empty without such a column).
    fn text<'r>(&self, r: &Row<'r>, f: Field) -> &'r str {
        self.field_col(f).map_or("", |i| r.text(i))
    }

    /// Cells of columns that name no field, and cells beyond the header's
    /// width, by header.
    fn extra(&self, r: &Row<'_>) -> BTreeMap<String, String> {
        let mut extra = BTreeMap::new();
        for (i, col) in self.columns.iter().enumerate() {
            if col.field.is_none() {
                let t = r.text(i);
                if !t.is_empty() {
                    extra.insert(col.header.clone(), t.to_string());
                }
            }
        }
        for (i, t) in r.texts.iter().enumerate().skip(self.columns.len()) {
            if !t.is_empty() {
                extra.insert(format!("(cột {})", i + 1), t.to_string());
            }
        }
        extra
    }

    /// Read the common fields of an item row into an [`InformationItem`];
    /// conditional fields are read by [`Builder::conditional`].
    fn item(&mut self, r: &Row<'_>) -> InformationItem {
        let row = r.row;
        let mut it = InformationItem {
            section: self.section.clone(),
            extra: self.extra(r),
            ..InformationItem::default()
        };
        let mut span = SourceSpan {
            row,
            columns: BTreeMap::new(),
        };
        let Builder {
            columns,
            field_cols,
            diags,
            legacy_reported,
            forms_cache,
            period_cache,
            date_cache,
            point_cache,
            ..
        } = self;
        for &(field, col) in field_cols.iter() {
            let cell = r.cell(col);
            let text = r.text(col);
            if text.is_empty() && cell.link.is_none() {
                continue;
            }
            let header = &columns[col].header;
            span.columns.insert(field, header.clone());
            check_encoding(diags, legacy_reported, row, header, text);
            let loc = || Location::cell(row, header.clone());
            match field {
                Field::Seq => it.seq = Some(text.to_string()),
                Field::Title => it.title = text.to_string(),
                Field::NumberSymbol => {
                    if is_none_marker(text) {
                        continue;
                    }
                    match DocumentRef::parse(text) {
                        Ok(d) => it.number_symbol = Some(d),
                        // Reported by validate (R-DOC-NUMBER), with its citation.
                        Err(_) => {
                            it.unparsed.insert(field, text.to_string());
                        }
                    }
                }
                Field::CreatedOn => {
                    if is_none_marker(text) {
                        continue;
                    }
                    match &cell.value {
                        CellValue::Date(d) => it.created_on = Some(PartialDate::Day(*d)),
                        CellValue::Number(n)
                            if n.fract() == 0.0 && (1900.0..=2200.0).contains(n) =>
                        {
                            it.created_on = Some(PartialDate::Year(*n as i32))
                        }
                        _ => {
                            match cached(date_cache, text, |t| PartialDate::parse(strip_time(t))) {
                                Ok(d) => it.created_on = Some(d),
                                Err(e) => {
                                    it.unparsed.insert(field, text.to_string());
                                    date_error(diags, loc(), text.to_string(), &e);
                                }
                            }
                        }
                    }
                }
                Field::Art17Point => {
                    match cached(point_cache, text, |t| Art17Point::parse(t).map_err(|_| ())) {
                        Ok(p) => it.art17_point = Some(p),
                        // Reported by validate (R-ART17-POINT), with its citation.
                        Err(_) => {
                            it.unparsed.insert(field, text.to_string());
                        }
                    }
                }
                Field::DisclosureForms => {
                    // Catalogs repeat a few form texts on every row.
                    let (forms, rest) = match forms_cache.get(text) {
                        Some((f, rest)) => (f.clone(), rest),
                        None => {
                            let v = parse_forms(text);
                            if forms_cache.len() < CACHE_LIMIT {
                                forms_cache.insert(text.to_string(), v);
                                let (f, rest) = &forms_cache[text];
                                (f.clone(), rest)
                            } else {
                                it.disclosure_forms = v.0;
                                if !v.1.is_empty() {
                                    it.unparsed.insert(field, v.1.join("; "));
                                }
                                continue;
                            }
                        }
                    };
                    it.disclosure_forms = forms;
                    if !rest.is_empty() {
                        // Reported by validate (R-CAT-FORM-ENUM).
                        it.unparsed.insert(field, rest.join("; "));
                    }
                }
                Field::DisclosureTime | Field::DisclosurePeriod => {
                    let text = match &cell.value {
                        CellValue::Date(d) => dmy_date_string(*d),
                        _ => text.to_string(),
                    };
                    let impossible = match period_cache.get(&text) {
                        Some(e) => e.clone(),
                        None => {
                            let e = match PartialDate::parse(&text) {
                                Err(e @ DateError::Impossible { .. }) => Some(e),
                                _ => None,
                            };
                            if period_cache.len() < CACHE_LIMIT {
                                period_cache.insert(text.clone(), e.clone());
                            }
                            e
                        }
                    };
                    if let Some(e) = impossible {
                        it.unparsed.insert(field, text.clone());
                        date_error(diags, loc(), text.clone(), &e);
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
                            it.link_text = Some(text.to_string());
                        }
                    } else if looks_like_url(text) {
                        it.access_link = Some(text.to_string());
                    } else if !is_none_marker(text) {
                        it.link_text = Some(text.to_string());
                        diags.push(Diagnostic::new(
                            "R-READ-LINK",
                            loc(),
                            Some(text.to_string()),
                            msg(
                                format!("Ô đường dẫn ghi \"{text}\" nhưng không có địa chỉ (URL) để tải thông tin."),
                                format!("The link cell says \"{text}\" but holds no address (URL) to download the information."),
                            ),
                        ));
                    }
                }
                Field::Attachment => it.attachment = Some(text.to_string()),
                Field::Note => {
                    it.extra.insert(header.clone(), text.to_string());
                }
                Field::Ground | Field::ConsentHolder | Field::ConsentStatus => {}
            }
        }
        it.source = Some(span);
        it
    }

    fn conditional(&mut self, r: &Row<'_>) -> ConditionalItem {
        let row = r.row;
        let it = self.item(r);
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
            if let Some(i) = self.field_col(f) {
                let t = r.text(i);
                if !t.is_empty() {
                    c.extra
                        .insert(self.columns[i].header.clone(), t.to_string());
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
        for k in 0..self.field_cols.len() {
            let (f, i) = self.field_cols[k];
            let t = r.text(i);
            if t.is_empty() {
                continue;
            }
            let h = &self.columns[i].header;
            match f {
                Field::Ground => match ConditionalGround::parse(t) {
                    Some(g) => c.ground = Some(g),
                    None => {
                        c.unparsed.insert(f, t.to_string()); // validate: R-COND-HOLDER
                    }
                },
                Field::ConsentHolder => match parse_consent_holder(t) {
                    Some(h) => c.consent_holder = Some(h),
                    None => {
                        c.unparsed.insert(f, t.to_string());
                    }
                },
                Field::ConsentStatus => match parse_consent_status(t) {
                    Some(s) => c.consent_status = Some(s),
                    None => {
                        c.unparsed.insert(f, t.to_string());
                        self.diags.push(Diagnostic::new(
                            "R-READ-CELL",
                            Location::cell(row, h.clone()),
                            Some(t.to_string()),
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
                src.columns.insert(f, h.clone());
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
        // (A row repeating the header in full has no such cell.)
        let under_parent = texts.iter().enumerate().any(|(i, t)| {
            !t.is_empty()
                && hrow.cells.get(i).is_none_or(|c| {
                    let p = c.full_text();
                    fold_key(&p) != fold_key(t)
                        && (p.is_empty() || matches!(c.merge, Merge::Origin | Merge::Across))
                })
        });
        if all_headers && nonempty.len() >= 2 && under_parent {
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
    let mut field_cols: Vec<(Field, usize)> = columns
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.field.map(|f| (f, i)))
        .collect();
    field_cols.sort();
    let mut b = Builder {
        field_cols,
        columns,
        kind,
        diags: Vec::new(),
        section: None,
        items: Vec::new(),
        cond_items: Vec::new(),
        opts,
        legacy_reported: 0,
        forms_cache: CacheMap::default(),
        period_cache: CacheMap::default(),
        date_cache: CacheMap::default(),
        point_cache: CacheMap::default(),
    };
    let header_keys: Vec<String> = b.columns.iter().map(|c| header_key(&c.header)).collect();
    let seq_col = b.columns.iter().position(|c| c.field == Some(Field::Seq));
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
        let texts: Vec<Cow<str>> = raw.cells.iter().map(Cell::data_cow).collect();
        let nonempty: Vec<(usize, &str)> = texts
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.is_empty())
            .map(|(i, t)| (i, t.as_ref()))
            .collect();
        if nonempty.is_empty() {
            continue; // blank row: nothing to lose
        }
        let rc = Row {
            row: raw.row,
            cells: &raw.cells,
            texts: &texts,
        };
        let seq = b.text(&rc, Field::Seq);
        let title = b.text(&rc, Field::Title);
        // Only a number (or a short mark) in the STT column: a skeleton row.
        // A longer text there is a caption typed or merged from column A.
        let only_seq =
            nonempty.len() == 1 && Some(nonempty[0].0) == seq_col && seq.chars().count() <= 6;
        if only_seq {
            skeleton.push(raw.row);
            continue;
        }
        flush_skeleton(&mut skeleton, &mut b.diags);

        // Footer: "Nơi nhận", signature block.
        let first_text = nonempty[0].1;
        if footer_from.is_none()
            && !seq.starts_with(|c: char| c.is_ascii_digit())
            && is_footer_start(&fold_key(first_text))
        {
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

        // Repeated header row (never a row numbered like an item).
        let seq_is_number = seq.starts_with(|c: char| c.is_ascii_digit());
        let matches = if seq_is_number {
            0
        } else {
            nonempty
                .iter()
                .filter(|(i, t)| {
                    header_keys
                        .get(*i)
                        .is_some_and(|h| !h.is_empty() && *h == header_key(t))
                })
                .count()
        };
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
        let caption = if seq_is_number {
            None
        } else {
            let mut distinct: Vec<&str> = Vec::new();
            for (i, t) in &nonempty {
                if Some(*i) != seq_col && !distinct.contains(t) {
                    distinct.push(t);
                }
            }
            if distinct.len() == 1
                && (seq.is_empty() || is_roman_or_letter(seq))
                && bullet(distinct[0]).is_none()
            {
                let t = distinct[0];
                Some(if seq.is_empty() {
                    t.to_string()
                } else {
                    format!("{} {t}", seq.trim())
                })
            } else if distinct.is_empty() && !seq.is_empty() {
                Some(seq.to_string())
            } else {
                None
            }
        };
        if let Some(caption) = caption {
            let k = fold_key(&caption);
            let merged_across = raw.cells.iter().any(|c| c.merge == Merge::Across);
            if merged_across
                || is_roman_or_letter(seq)
                || caption_prefix(&caption)
                || is_upper(&caption)
                || k.starts_with("danh muc")
                || k.starts_with("nhom ")
                || k.starts_with("linh vuc")
            {
                b.diags.push(structure(
                    raw.row,
                    Some(caption.clone()),
                    format!("Dòng tiêu đề mục \"{caption}\", áp dụng cho các dòng bên dưới."),
                    format!("Section caption \"{caption}\", applied to the rows below."),
                ));
                b.section = Some(caption);
                continue;
            }
        }

        // "+" sub-row: a child of the item above.
        if seq.is_empty() {
            if let Some(rest) = bullet(title) {
                let rest = rest.to_string();
                if b.kind == CatalogKind::Disclosure && !b.items.is_empty() {
                    let mut child = b.item(&rc);
                    child.title = rest;
                    if let Some(parent) = b.items.last_mut() {
                        let prow = parent.source.as_ref().map_or(0, |s| s.row);
                        child.section = parent.section.clone();
                        parent.children.push(child);
                        b.diags.push(structure(
                            raw.row,
                            Some(title.to_string()),
                            format!("Dòng con không đánh số, giữ là mục con của dòng {prow}."),
                            format!("Unnumbered sub-row, kept as a child of row {prow}."),
                        ));
                    }
                    last_used = Some((raw.row, true));
                    continue;
                }
                b.diags.push(structure(
                    raw.row,
                    Some(title.to_string()),
                    "Dòng con không đánh số nhưng không có mục cha (đầu bảng, hoặc danh mục có điều kiện): đọc như một mục riêng.".into(),
                    "Unnumbered sub-row without a parent entry (top of the table, or a conditional-access catalog): read as an entry of its own.".into(),
                ));
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
                            .map(|(_, t)| *t)
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
                let it = b.item(&rc);
                b.items.push(it);
            }
            CatalogKind::Conditional => {
                let it = b.conditional(&rc);
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
                            format!("Dòng cuối của tệp có vẻ bị cắt cụt giữa chừng: \"{t}\" (kết thúc bằng một mẩu chữ, các ô sau trống); hãy kiểm tra bản gốc."),
                            format!("The file's last row looks cut off: \"{t}\" (it ends in a word fragment and the cells after it are empty); check the original."),
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

    // The columns tiepcan's CSV writer adds (link text, Art. 7(3) decision).
    super::headers::take_written_columns(&mut b.items, &mut b.cond_items, &mut b.diags);
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

/// "15/01/2026 08:30" → "15/01/2026": a time typed after a date is dropped
/// (the catalog records dates).
fn strip_time(text: &str) -> &str {
    let t = text.trim();
    match t.rsplit_once(' ') {
        Some((date, time))
            if time.contains(':')
                && time.split(':').count() <= 3
                && time.split(':').all(|p| {
                    !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit())
                }) =>
        {
            date.trim()
        }
        _ => t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_after_a_date_is_dropped() {
        assert_eq!(strip_time("15/01/2026 08:30"), "15/01/2026");
        assert_eq!(strip_time("15/01/2026 8:30:05"), "15/01/2026");
        assert_eq!(strip_time("Năm 2019 - 2020"), "Năm 2019 - 2020");
    }
}
