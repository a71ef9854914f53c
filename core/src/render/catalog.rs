//! The catalog as an accessible `<table>`.

use std::fmt::Write as _;

use super::{push_escaped, push_time, safe_href, spoken_date_vi, RenderOptions};
use crate::law::Art17Point;
use crate::model::{
    Catalog, CatalogHeader, ConditionalItem, ConsentStatus, Field, InformationItem, PartialDate,
};
use crate::text::fold_key;

/// The search key of a catalog row, as the `data-key` attribute carries it:
/// [`fold_key`] of the title, the number and symbol, and the section, joined
/// by spaces. The web component folds the query with the same function, so
/// "quyet dinh" finds "Quyết định" in NFC or NFD.
pub fn catalog_rows_key(title: &str, number: Option<&str>, section: Option<&str>) -> String {
    let mut s = fold_key(title);
    for extra in [number, section].into_iter().flatten() {
        s.push(' ');
        s.push_str(&fold_key(extra));
    }
    s
}

const DISCLOSURE_COLS: [Field; 9] = [
    Field::Seq,
    Field::Title,
    Field::NumberSymbol,
    Field::CreatedOn,
    Field::Art17Point,
    Field::DisclosureForms,
    Field::DisclosureTime,
    Field::DisclosurePeriod,
    Field::AccessLink,
];

const CONDITIONAL_COLS: [Field; 7] = [
    Field::Seq,
    Field::Title,
    Field::NumberSymbol,
    Field::CreatedOn,
    Field::Ground,
    Field::ConsentHolder,
    Field::ConsentStatus,
];

fn kind_vi(c: &Catalog) -> &'static str {
    match c {
        Catalog::Disclosure(_) => "Danh mục thông tin phải được công khai",
        Catalog::Conditional(_) => "Danh mục thông tin công dân được tiếp cận có điều kiện",
    }
}

fn push_caption(out: &mut String, c: &Catalog, h: &CatalogHeader) {
    out.push_str("<caption>");
    push_escaped(out, kind_vi(c));
    if let Some(a) = &h.agency {
        out.push_str(" của ");
        push_escaped(out, &a.name);
    }
    match (&h.issuing_decision, h.issued_on) {
        (Some(d), on) => {
            out.push_str(", ban hành kèm theo văn bản số ");
            push_escaped(out, &d.raw);
            if let Some(on) = on {
                out.push(' ');
                push_time(out, PartialDate::Day(on));
            }
        }
        (None, Some(on)) => {
            out.push_str(", ban hành ");
            push_time(out, PartialDate::Day(on));
        }
        (None, None) => out.push_str(", chưa ghi văn bản ban hành"),
    }
    if let Some(u) = h.last_updated {
        out.push_str(", cập nhật ");
        out.push_str(&spoken_date_vi(u));
    }
    let n = c.len();
    let _ = write!(out, ". <span class=\"tc-count\">{n} mục</span>.</caption>");
}

/// Render a catalog as an accessible table inside
/// `<section class="tc-root tc-catalog" lang="vi">`: a heading, a
/// `<caption>` naming the catalog kind, the agency, the issuing decision and
/// its date and the number of entries, `<th scope="col">` headers, one row
/// per entry (sub-rows follow their entry), sections as row-group headers,
/// the Art. 17 point in words, dates as `<time>` with the spoken form, and
/// links whose text names the document ("Tải văn bản: …"). An address that
/// is not `http(s)`/`mailto`/relative ([`super::safe_href`]) is shown as text,
/// never as a link.
///
/// Each item row carries `data-order` (its position in the table, 0-based,
/// sub-rows counted), `data-key` (search key, see [`catalog_rows_key`]),
/// `data-point` (Art. 17 point code), `data-point-order` (legal order),
/// `data-year` and `data-date` (first day, ISO) for the `<tiepcan-catalog>`
/// component; [`catalog_row_data`] gives the same values without the HTML.
///
/// ```
/// use tiepcan::model::{Catalog, DisclosureCatalog, InformationItem};
/// use tiepcan::render::{render_catalog, RenderOptions};
/// let c = Catalog::Disclosure(DisclosureCatalog {
///     header: Default::default(),
///     items: vec![InformationItem { title: "<script>x</script>".into(), ..Default::default() }],
/// });
/// let html = render_catalog(&c, &RenderOptions::default());
/// assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"));
/// assert!(html.contains("<th scope=\"col\" data-field=\"title\">Tên văn bản, hồ sơ</th>"));
/// ```
pub fn render_catalog(catalog: &Catalog, opts: &RenderOptions) -> String {
    let rows = table_rows(catalog);
    let mut out = String::with_capacity(512 + rows.len() * 900);
    push_table_open(&mut out, catalog, opts);
    push_body(
        &mut out,
        rows.iter().copied().enumerate(),
        RowGrouping::Sections,
        columns(catalog).len(),
    );
    push_table_close(&mut out);
    out
}

/// How [`render_catalog_page`] and [`render_catalog_rows`] group the rows
/// they are given into `<tbody>` elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RowGrouping {
    /// As [`render_catalog`]: one `<tbody>` per run of rows of the same
    /// section, opened by the section's row-group header
    /// (`<th scope="rowgroup">`). For rows in table order.
    Sections,
    /// One `<tbody>` without section headers: for rows in another order
    /// (sorted by a column), where a section heading would sit above rows
    /// that are not in that section.
    Flat,
}

/// The whole catalog fragment of [`render_catalog`] (heading, caption with
/// the catalog's item count, column headers) with only the given rows in the
/// body, in the order given: what `<tiepcan-catalog>` shows of one page.
///
/// `rows` are row positions in the full table (`data-order`: 0-based, in
/// table order, sub-rows counted, as [`catalog_row_data`] lists them);
/// positions past the end are skipped. Every row's markup is the markup the
/// full table has for it: `render_catalog_page(c, o, &all, Sections)` with
/// `all = 0..n` is `render_catalog(c, o)`.
///
/// ```
/// use tiepcan::io::{read_catalog_bytes, Format, ReadOptions};
/// use tiepcan::render::{render_catalog, render_catalog_page, RenderOptions, RowGrouping};
/// let json = r#"{"kind": "disclosure", "items": [
///   {"title": "Quyết định A", "section": "I"}, {"title": "Kế hoạch B", "section": "II"}]}"#;
/// let c = read_catalog_bytes(json.as_bytes(), Format::Json, &ReadOptions::default())?.catalog;
/// let o = RenderOptions::default();
/// let page = render_catalog_page(&c, &o, &[1], RowGrouping::Sections);
/// assert!(page.contains("<tr class=\"tc-item\" data-order=\"1\" data-key=\"ke hoach b ii\">"));
/// assert!(!page.contains("Quyết định A"));
/// assert!(page.contains("<th scope=\"rowgroup\" colspan=\"9\">II</th>"));
/// assert!(page.contains("<span class=\"tc-count\">2 mục</span>")); // the catalog's count
/// assert_eq!(render_catalog_page(&c, &o, &[0, 1], RowGrouping::Sections), render_catalog(&c, &o));
/// # Ok::<(), tiepcan::io::ReadError>(())
/// ```
pub fn render_catalog_page(
    catalog: &Catalog,
    opts: &RenderOptions,
    rows: &[usize],
    grouping: RowGrouping,
) -> String {
    let all = table_rows(catalog);
    let mut out = String::with_capacity(2048 + rows.len() * 900);
    push_table_open(&mut out, catalog, opts);
    push_body(
        &mut out,
        selected(&all, rows),
        grouping,
        columns(catalog).len(),
    );
    push_table_close(&mut out);
    out
}

/// Only the `<tbody>` elements of [`render_catalog_page`]: what
/// `<tiepcan-catalog>` puts in its table when the page, the filter or the
/// sort changes. With [`RowGrouping::Flat`] it is one `<tbody>`; no rows
/// give one empty `<tbody>`.
///
/// ```
/// use tiepcan::io::{read_catalog_bytes, Format, ReadOptions};
/// use tiepcan::render::{render_catalog_rows, RowGrouping};
/// let json = r#"{"kind": "disclosure", "items": [
///   {"title": "<b>A</b>", "section": "I"}, {"title": "B", "section": "II"}]}"#;
/// let c = read_catalog_bytes(json.as_bytes(), Format::Json, &ReadOptions::default())?.catalog;
/// let body = render_catalog_rows(&c, &[1, 0], RowGrouping::Flat);
/// assert!(body.starts_with("<tbody>\n<tr class=\"tc-item\" data-order=\"1\""));
/// assert!(body.contains("&lt;b&gt;A&lt;/b&gt;"));
/// assert!(!body.contains("rowgroup"));
/// assert_eq!(render_catalog_rows(&c, &[], RowGrouping::Sections), "<tbody>\n</tbody>\n");
/// # Ok::<(), tiepcan::io::ReadError>(())
/// ```
pub fn render_catalog_rows(catalog: &Catalog, rows: &[usize], grouping: RowGrouping) -> String {
    let all = table_rows(catalog);
    let mut out = String::with_capacity(64 + rows.len() * 900);
    push_body(
        &mut out,
        selected(&all, rows),
        grouping,
        columns(catalog).len(),
    );
    out
}

/// What `<tiepcan-catalog>` needs to search, filter and sort one row of the
/// catalog table without its HTML: the values of the row's `data-*`
/// attributes and the texts its sortable columns show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogRowData<'a> {
    /// Search key (`data-key`, [`catalog_rows_key`]): folded title, number
    /// and symbol, and section.
    pub key: String,
    /// Art. 17 point (`data-point`; disclosure catalogs only).
    pub point: Option<Art17Point>,
    /// Creation date (`data-year` is its year, `data-date` its first day).
    pub date: Option<PartialDate>,
    /// A sub-row of the entry above it (class `tc-child`).
    pub child: bool,
    /// The title as written.
    pub title: &'a str,
    /// The text of the "Số, ký hiệu" cell: the number and symbol as written,
    /// or the unreadable text kept for it.
    pub number_symbol: Option<&'a str>,
}

/// One [`CatalogRowData`] per row of the catalog table, in table order (the
/// index is the row's `data-order`; sub-rows follow their entry): one pass
/// over the catalog gives a component everything it searches, filters and
/// sorts by, so that it renders only the rows it shows
/// ([`render_catalog_rows`]).
///
/// ```
/// use tiepcan::io::{read_catalog_bytes, Format, ReadOptions};
/// use tiepcan::law::Art17Point;
/// use tiepcan::render::catalog_row_data;
/// let json = r#"{"kind": "disclosure", "items": [{"title": "Quyết định số 5",
///   "art17_point": "đ", "created_on": "2025-02", "section": "Ngân sách",
///   "children": [{"title": "Phụ lục"}]}]}"#;
/// let c = read_catalog_bytes(json.as_bytes(), Format::Json, &ReadOptions::default())?.catalog;
/// let rows = catalog_row_data(&c);
/// assert_eq!(rows.len(), 2);
/// assert_eq!(rows[0].key, "quyet dinh so 5 ngan sach");
/// assert_eq!(rows[0].point, Some(Art17Point::StateBudget));
/// assert_eq!(rows[0].date.map(|d| d.year()), Some(2025));
/// assert!(rows[1].child);
/// # Ok::<(), tiepcan::io::ReadError>(())
/// ```
pub fn catalog_row_data(catalog: &Catalog) -> Vec<CatalogRowData<'_>> {
    table_rows(catalog).into_iter().map(row_data).collect()
}

/// One row of the table: an entry or a sub-row, with the section it is
/// grouped under (a sub-row's is its entry's).
#[derive(Clone, Copy)]
enum Row<'a> {
    Disclosure {
        item: &'a InformationItem,
        child: bool,
        group: Option<&'a str>,
    },
    Conditional(&'a ConditionalItem),
}

impl<'a> Row<'a> {
    fn group(self) -> Option<&'a str> {
        match self {
            Row::Disclosure { group, .. } => group,
            Row::Conditional(it) => it.section.as_deref(),
        }
    }
}

/// Every row in table order (position = `data-order`).
fn table_rows(catalog: &Catalog) -> Vec<Row<'_>> {
    match catalog {
        Catalog::Disclosure(c) => {
            let mut rows = Vec::with_capacity(c.items.len());
            for item in &c.items {
                let group = item.section.as_deref();
                rows.push(Row::Disclosure {
                    item,
                    child: false,
                    group,
                });
                for ch in &item.children {
                    rows.push(Row::Disclosure {
                        item: ch,
                        child: true,
                        group,
                    });
                }
            }
            rows
        }
        Catalog::Conditional(c) => c.items.iter().map(Row::Conditional).collect(),
    }
}

fn selected<'r, 'a>(
    all: &'r [Row<'a>],
    rows: &'r [usize],
) -> impl Iterator<Item = (usize, Row<'a>)> + 'r {
    rows.iter()
        .filter_map(move |&i| all.get(i).map(|r| (i, *r)))
}

fn row_data(row: Row<'_>) -> CatalogRowData<'_> {
    match row {
        Row::Disclosure { item, child, .. } => {
            let number = item.number_symbol.as_ref().map(|d| d.raw.as_str());
            CatalogRowData {
                key: catalog_rows_key(&item.title, number, item.section.as_deref()),
                point: item.art17_point,
                date: item.created_on,
                child,
                title: &item.title,
                number_symbol: number
                    .or(item.unparsed.get(&Field::NumberSymbol).map(String::as_str)),
            }
        }
        Row::Conditional(item) => {
            let number = item.number_symbol.as_ref().map(|d| d.raw.as_str());
            CatalogRowData {
                key: catalog_rows_key(&item.title, number, item.section.as_deref()),
                point: None,
                date: item.created_on,
                child: false,
                title: &item.title,
                number_symbol: number,
            }
        }
    }
}

fn columns(catalog: &Catalog) -> &'static [Field] {
    match catalog {
        Catalog::Disclosure(_) => &DISCLOSURE_COLS,
        Catalog::Conditional(_) => &CONDITIONAL_COLS,
    }
}

/// Everything of the fragment before the first `<tbody>`.
fn push_table_open(out: &mut String, catalog: &Catalog, opts: &RenderOptions) {
    let h = catalog.header();
    let hid = opts.id("heading");
    let _ = write!(
        out,
        "<section class=\"tc-root tc-catalog\" lang=\"vi\" aria-labelledby=\"{hid}\">\n<h{lvl} id=\"{hid}\">",
        lvl = opts.h()
    );
    push_escaped(out, kind_vi(catalog));
    let _ = writeln!(out, "</h{}>", opts.h());
    let _ = write!(
        out,
        "<div class=\"tc-table-wrap\" role=\"region\" aria-labelledby=\"{cid}\" tabindex=\"0\">\n<table class=\"tc-table\" id=\"{tid}\">",
        cid = opts.id("caption"),
        tid = opts.id("table")
    );
    // The caption gets an id so the scroll region can be named by it.
    let mut cap = String::new();
    push_caption(&mut cap, catalog, h);
    out.push_str(&cap.replacen(
        "<caption>",
        &format!("<caption id=\"{}\">", opts.id("caption")),
        1,
    ));
    out.push_str("\n<thead><tr>");
    for f in columns(catalog) {
        let _ = write!(
            out,
            "<th scope=\"col\" data-field=\"{}\">{}</th>",
            f.key(),
            f.header_vi()
        );
    }
    out.push_str("</tr></thead>\n");
}

fn push_table_close(out: &mut String) {
    out.push_str("</table>\n</div>\n</section>\n");
}

/// The `<tbody>` elements holding `rows` (position, row), in that order.
fn push_body<'a>(
    out: &mut String,
    rows: impl Iterator<Item = (usize, Row<'a>)>,
    grouping: RowGrouping,
    ncols: usize,
) {
    let mut open_section: Option<&str> = None;
    let mut opened = false;
    for (order, row) in rows {
        if grouping == RowGrouping::Sections {
            section_boundary(out, &mut open_section, &mut opened, row.group(), ncols);
        } else if !opened {
            out.push_str("<tbody>\n");
            opened = true;
        }
        push_row(out, order, row);
    }
    if !opened {
        out.push_str("<tbody>\n");
    }
    out.push_str("</tbody>\n");
}

/// The one place a row's markup is written.
fn push_row(out: &mut String, order: usize, row: Row<'_>) {
    let data = row_data(row);
    push_row_open(out, order, &data);
    match row {
        Row::Disclosure { item, child, .. } => disclosure_cells(out, item, &data, child),
        Row::Conditional(item) => conditional_cells(out, item, &data),
    }
}

fn section_boundary<'a>(
    out: &mut String,
    open: &mut Option<&'a str>,
    opened: &mut bool,
    section: Option<&'a str>,
    ncols: usize,
) {
    if *opened && *open == section {
        return;
    }
    if *opened {
        out.push_str("</tbody>\n");
    }
    out.push_str("<tbody>\n");
    *opened = true;
    *open = section;
    if let Some(s) = section {
        let _ = write!(
            out,
            "<tr class=\"tc-section\"><th scope=\"rowgroup\" colspan=\"{ncols}\">"
        );
        push_escaped(out, s);
        out.push_str("</th></tr>\n");
    }
}

fn push_row_open(out: &mut String, order: usize, d: &CatalogRowData<'_>) {
    let _ = write!(
        out,
        "<tr class=\"tc-item{}\" data-order=\"{}\" data-key=\"",
        if d.child { " tc-child" } else { "" },
        order
    );
    push_escaped(out, &d.key);
    out.push('"');
    if let Some(p) = d.point {
        let _ = write!(
            out,
            " data-point=\"{}\" data-point-order=\"{}\"",
            p.code(),
            p as u8
        );
    }
    if let Some(d) = d.date {
        let _ = write!(
            out,
            " data-year=\"{}\" data-date=\"{}\"",
            d.year(),
            d.first_day()
        );
    }
    out.push('>');
}

fn cell_text(out: &mut String, v: Option<&str>) {
    out.push_str("<td>");
    if let Some(v) = v.filter(|s| !s.trim().is_empty()) {
        push_escaped(out, v);
    } else {
        out.push_str("<span class=\"tc-empty\">Không ghi</span>");
    }
    out.push_str("</td>");
}

fn unreadable(out: &mut String, raw: &str) {
    out.push_str("<span class=\"tc-unreadable\">");
    push_escaped(out, raw);
    out.push_str(" <em>(không đọc được)</em></span>");
}

fn date_cell(out: &mut String, d: Option<PartialDate>, raw: Option<&String>) {
    out.push_str("<td>");
    match (d, raw) {
        (Some(d), _) => push_time(out, d),
        (None, Some(r)) => unreadable(out, r),
        (None, None) => out.push_str("<span class=\"tc-empty\">Không ghi</span>"),
    }
    out.push_str("</td>");
}

fn disclosure_cells(out: &mut String, it: &InformationItem, d: &CatalogRowData<'_>, child: bool) {
    cell_text(
        out,
        it.seq.as_deref().or(Some("")).filter(|s| !s.is_empty()),
    );
    // Title is the row header: a screen reader announces it with each cell.
    out.push_str("<th scope=\"row\">");
    if child {
        out.push_str("<span aria-hidden=\"true\">+ </span>");
    }
    push_escaped(out, &it.title);
    out.push_str("</th>");
    cell_text(out, d.number_symbol);
    date_cell(out, it.created_on, it.unparsed.get(&Field::CreatedOn));
    out.push_str("<td>");
    match (it.art17_point, it.unparsed.get(&Field::Art17Point)) {
        (Some(p), _) => {
            match p.point() {
                Some(pt) => {
                    let _ = write!(out, "Điểm {pt}: ");
                }
                None => out.push_str("Khoản 2 Điều 17: "),
            }
            push_escaped(out, p.label_vi());
        }
        (None, Some(r)) => unreadable(out, r),
        (None, None) => out.push_str("<span class=\"tc-empty\">Không ghi</span>"),
    }
    out.push_str("</td><td>");
    if it.disclosure_forms.is_empty() {
        match it.unparsed.get(&Field::DisclosureForms) {
            Some(r) => unreadable(out, r),
            None => out.push_str("<span class=\"tc-empty\">Không ghi</span>"),
        }
    } else {
        for (i, f) in it.disclosure_forms.iter().enumerate() {
            if i > 0 {
                out.push_str("; ");
            }
            push_escaped(out, f.label_vi());
        }
    }
    out.push_str("</td>");
    cell_text(out, it.disclosure_time.as_deref());
    cell_text(out, it.disclosure_period.as_deref());
    out.push_str("<td>");
    link_cell(
        out,
        it.access_link.as_deref(),
        it.link_text.as_deref(),
        &it.title,
    );
    out.push_str("</td></tr>\n");
}

fn link_cell(out: &mut String, link: Option<&str>, link_text: Option<&str>, title: &str) {
    match link.filter(|l| !l.trim().is_empty()) {
        Some(l) => match safe_href(l) {
            Some(h) => {
                out.push_str("<a href=\"");
                push_escaped(out, h);
                out.push_str("\">Tải văn bản<span class=\"tc-vh\">: ");
                push_escaped(out, title);
                out.push_str("</span></a>");
            }
            None => {
                out.push_str("Địa chỉ không dùng được làm liên kết: <code>");
                push_escaped(out, l);
                out.push_str("</code>");
            }
        },
        None => match link_text.filter(|t| !t.trim().is_empty()) {
            Some(t) => {
                out.push_str("Không có đường dẫn (ghi: “");
                push_escaped(out, t);
                out.push_str("”)");
            }
            None => out.push_str("<span class=\"tc-empty\">Không có đường dẫn</span>"),
        },
    }
}

fn consent_vi(s: ConsentStatus) -> &'static str {
    match s {
        ConsentStatus::None => "Chưa có",
        ConsentStatus::Requested => "Đã đề nghị, chưa có",
        ConsentStatus::Given => "Đã chấp thuận",
        ConsentStatus::Refused => "Từ chối",
    }
}

fn conditional_cells(out: &mut String, it: &ConditionalItem, d: &CatalogRowData<'_>) {
    cell_text(out, it.seq.as_deref().filter(|s| !s.is_empty()));
    out.push_str("<th scope=\"row\">");
    push_escaped(out, &it.title);
    out.push_str("</th>");
    cell_text(out, d.number_symbol);
    date_cell(out, it.created_on, it.unparsed.get(&Field::CreatedOn));
    out.push_str("<td>");
    match it.ground {
        Some(g) => {
            push_escaped(out, g.label_vi());
            out.push_str(" (");
            push_escaped(out, &g.citation().to_vietnamese());
            out.push(')');
        }
        None => out.push_str("<span class=\"tc-empty\">Không ghi</span>"),
    }
    out.push_str("</td>");
    cell_text(out, it.consent_holder.map(|c| c.label_vi()));
    cell_text(out, it.consent_status.map(consent_vi));
    out.push_str("</tr>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Agency, DisclosureCatalog, DocumentRef};
    use chrono::NaiveDate;

    fn sample() -> Catalog {
        Catalog::Disclosure(DisclosureCatalog {
            header: CatalogHeader {
                agency: Some(Agency::named("UBND xã An Hòa")),
                issuing_decision: DocumentRef::parse("35/QĐ-UBND").ok(),
                issued_on: NaiveDate::from_ymd_opt(2026, 3, 5),
                ..Default::default()
            },
            items: vec![
                InformationItem {
                    seq: Some("1".into()),
                    title: "Quyết định ban hành Quy chế".into(),
                    number_symbol: DocumentRef::parse("12/2026/QĐ-UBND").ok(),
                    created_on: Some(PartialDate::Day(
                        NaiveDate::from_ymd_opt(2025, 2, 14).unwrap(),
                    )),
                    art17_point: Some(Art17Point::LegalDocuments),
                    access_link: Some("https://anhoa.example.gov.vn/vb/12".into()),
                    section: Some("I. VĂN BẢN".into()),
                    ..Default::default()
                },
                InformationItem {
                    seq: Some("2".into()),
                    title: "\" onmouseover=\"alert(1)".into(),
                    access_link: Some("javascript:alert(1)".into()),
                    link_text: None,
                    section: Some("II. NGÂN SÁCH".into()),
                    ..Default::default()
                },
            ],
        })
    }

    #[test]
    fn table_structure() {
        let html = render_catalog(&sample(), &RenderOptions::default());
        assert!(html.contains("lang=\"vi\""));
        assert!(html.contains("<caption id=\"tc-caption\">Danh mục thông tin phải được công khai của UBND xã An Hòa, ban hành kèm theo văn bản số 35/QĐ-UBND <time datetime=\"2026-03-05\">"));
        assert!(html.contains("<span class=\"tc-count\">2 mục</span>"));
        assert_eq!(html.matches("<th scope=\"col\"").count(), 9);
        assert!(html.contains("<th scope=\"rowgroup\" colspan=\"9\">I. VĂN BẢN</th>"));
        assert!(html.contains("ngày 14 tháng 2 năm 2025"));
        assert!(html.contains("Điểm a: Văn bản quy phạm pháp luật"));
        assert!(html.contains(
            "<a href=\"https://anhoa.example.gov.vn/vb/12\">Tải văn bản<span class=\"tc-vh\">: Quyết định ban hành Quy chế</span></a>"
        ));
        assert!(
            html.contains("data-key=\"quyet dinh ban hanh quy che 12/2026/qd-ubnd i. van ban\"")
        );
        assert!(html.contains(
            "data-point=\"a\" data-point-order=\"0\" data-year=\"2025\" data-date=\"2025-02-14\""
        ));
    }

    #[test]
    fn hostile_text_is_text() {
        let html = render_catalog(&sample(), &RenderOptions::default());
        assert!(!html.contains("\" onmouseover="));
        assert!(html.contains("&quot; onmouseover=&quot;alert(1)"));
        assert!(!html.contains("href=\"javascript"));
        assert!(html.contains("<code>javascript:alert(1)</code>"));
    }

    /// A catalog with sections, sub-rows, an NFD title and a row in no
    /// section, and a conditional one.
    fn catalogs() -> Vec<Catalog> {
        let json = r#"{"kind": "disclosure", "items": [
          {"seq": "1", "title": "Quyết định 1", "section": "I", "art17_point": "a", "created_on": "2025-02-14",
           "children": [{"title": "Phụ lục", "created_on": "2025"}]},
          {"seq": "2", "title": "Quye\u0302\u0301t đi\u0323nh <2>", "section": "I", "number_symbol": {"raw": "5/QĐ-UBND"}},
          {"seq": "3", "title": "Kế hoạch", "section": "II", "art17_point": "17(2)", "created_on": "2024-03",
           "unparsed": {"number_symbol": "số ?"}},
          {"seq": "4", "title": "Không thuộc mục nào"}]}"#;
        let cond = r#"{"kind": "conditional", "items": [
          {"title": "Hồ sơ A", "ground": "business_secret", "section": "A"},
          {"title": "Hồ sơ B", "created_on": "2023", "section": "B"}]}"#;
        [json, cond]
            .iter()
            .map(|j| {
                crate::io::json::read(j.as_bytes(), &Default::default())
                    .unwrap()
                    .catalog
            })
            .collect::<Vec<_>>()
            .into_iter()
            .chain([sample()])
            .collect()
    }

    #[test]
    fn a_page_of_every_row_is_the_full_table() {
        let o = RenderOptions::default();
        for c in catalogs() {
            let n = catalog_row_data(&c).len();
            let all: Vec<usize> = (0..n).collect();
            assert_eq!(
                render_catalog_page(&c, &o, &all, RowGrouping::Sections),
                render_catalog(&c, &o)
            );
        }
    }

    #[test]
    fn each_row_has_the_full_tables_markup() {
        let o = RenderOptions::default();
        for c in catalogs() {
            let full = render_catalog(&c, &o);
            let rows = catalog_row_data(&c);
            for (i, d) in rows.iter().enumerate() {
                let body = render_catalog_rows(&c, &[i], RowGrouping::Flat);
                let tr = body
                    .strip_prefix("<tbody>\n")
                    .and_then(|b| b.strip_suffix("</tbody>\n"))
                    .unwrap();
                assert!(tr.starts_with("<tr class=\"tc-item"));
                assert!(full.contains(tr), "row {i}: {tr}");
                // The index carries what the row's attributes say.
                assert!(tr.contains(&format!(
                    "data-order=\"{i}\" data-key=\"{}\"",
                    super::super::escape(&d.key)
                )));
                assert!(!d.key.contains('\n'));
                assert_eq!(tr.contains(" tc-child\""), d.child);
                if let Some(p) = d.point {
                    assert!(tr.contains(&format!("data-point=\"{}\"", p.code())));
                }
                if let Some(date) = d.date {
                    assert!(tr.contains(&format!("data-date=\"{}\"", date.first_day())));
                }
            }
        }
    }

    #[test]
    fn rows_index_values() {
        let c = &catalogs()[0];
        let rows = catalog_row_data(c);
        assert_eq!(rows.len(), 5);
        // NFD input, folded as fold_key folds it ("quyet dinh" finds it).
        assert_eq!(rows[2].key, "quyet dinh <2> 5/qd-ubnd i");
        assert_eq!(rows[2].title, "Quyết định <2>");
        assert_eq!(rows[2].number_symbol, Some("5/QĐ-UBND"));
        assert!(rows[1].child);
        assert_eq!(rows[1].date, Some(PartialDate::Year(2025)));
        assert_eq!(rows[3].point, Some(Art17Point::Art17Clause2));
        assert_eq!(rows[3].number_symbol, Some("số ?"));
        assert_eq!(rows[4].key, "khong thuoc muc nao");
    }

    #[test]
    fn pages_group_by_section_or_not() {
        let c = &catalogs()[0];
        // A sub-row shown without its entry stays under the entry's section.
        let body = render_catalog_rows(c, &[1, 3], RowGrouping::Sections);
        assert_eq!(body.matches("<tbody>").count(), 2);
        assert!(body.starts_with(
            "<tbody>\n<tr class=\"tc-section\"><th scope=\"rowgroup\" colspan=\"9\">I</th></tr>\n<tr class=\"tc-item tc-child\" data-order=\"1\""
        ));
        assert!(body.contains("colspan=\"9\">II</th>"));
        // Sorted rows: one body, no section headers, the order given.
        let flat = render_catalog_rows(c, &[4, 0, 2], RowGrouping::Flat);
        assert_eq!(flat.matches("<tbody>").count(), 1);
        assert!(!flat.contains("rowgroup"));
        let orders: Vec<&str> = flat
            .split("data-order=\"")
            .skip(1)
            .map(|s| &s[..1])
            .collect();
        assert_eq!(orders, ["4", "0", "2"]);
        // Positions past the end are skipped; none give an empty body.
        assert_eq!(
            render_catalog_rows(c, &[99, 4], RowGrouping::Flat),
            render_catalog_rows(c, &[4], RowGrouping::Flat)
        );
        assert_eq!(
            render_catalog_rows(c, &[], RowGrouping::Flat),
            "<tbody>\n</tbody>\n"
        );
        // The page keeps the catalog's caption: 4 entries, whatever is shown.
        let page = render_catalog_page(c, &RenderOptions::default(), &[0], RowGrouping::Sections);
        assert!(page.contains("<span class=\"tc-count\">4 mục</span>"));
        assert_eq!(page.matches("<tr class=\"tc-item").count(), 1);
        // Hostile text stays text in a page too.
        assert!(render_catalog_rows(c, &[2], RowGrouping::Flat).contains("Quyết định &lt;2&gt;"));
    }
}
