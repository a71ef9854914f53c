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
/// Each item row carries `data-key` (search key, see
/// [`catalog_rows_key`]), `data-point` (Art. 17 point code), `data-point-order`
/// (legal order), `data-year` and `data-date` (first day, ISO) for the
/// `<tiepcan-catalog>` component.
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
    let h = catalog.header();
    let mut out = String::with_capacity(512 + catalog.len() * 900);
    let hid = opts.id("heading");
    let _ = write!(
        out,
        "<section class=\"tc-root tc-catalog\" lang=\"vi\" aria-labelledby=\"{hid}\">\n<h{lvl} id=\"{hid}\">",
        lvl = opts.h()
    );
    push_escaped(&mut out, kind_vi(catalog));
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
    let cols: &[Field] = match catalog {
        Catalog::Disclosure(_) => &DISCLOSURE_COLS,
        Catalog::Conditional(_) => &CONDITIONAL_COLS,
    };
    for f in cols {
        let _ = write!(
            out,
            "<th scope=\"col\" data-field=\"{}\">{}</th>",
            f.key(),
            f.header_vi()
        );
    }
    out.push_str("</tr></thead>\n");
    let ncols = cols.len();
    let mut order = 0usize;
    match catalog {
        Catalog::Disclosure(c) => {
            let mut open_section: Option<&str> = None;
            let mut opened = false;
            for item in &c.items {
                section_boundary(
                    &mut out,
                    &mut open_section,
                    &mut opened,
                    item.section.as_deref(),
                    ncols,
                );
                disclosure_row(&mut out, item, &mut order, false);
                for ch in &item.children {
                    disclosure_row(&mut out, ch, &mut order, true);
                }
            }
            if !opened {
                out.push_str("<tbody>\n");
            }
            out.push_str("</tbody>\n");
        }
        Catalog::Conditional(c) => {
            let mut open_section: Option<&str> = None;
            let mut opened = false;
            for item in &c.items {
                section_boundary(
                    &mut out,
                    &mut open_section,
                    &mut opened,
                    item.section.as_deref(),
                    ncols,
                );
                conditional_row(&mut out, item, &mut order);
            }
            if !opened {
                out.push_str("<tbody>\n");
            }
            out.push_str("</tbody>\n");
        }
    }
    out.push_str("</table>\n</div>\n</section>\n");
    out
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

fn push_row_open(
    out: &mut String,
    order: &mut usize,
    title: &str,
    number: Option<&str>,
    section: Option<&str>,
    point: Option<Art17Point>,
    date: Option<PartialDate>,
    child: bool,
) {
    let _ = write!(
        out,
        "<tr class=\"tc-item{}\" data-order=\"{}\" data-key=\"",
        if child { " tc-child" } else { "" },
        *order
    );
    *order += 1;
    push_escaped(out, &catalog_rows_key(title, number, section));
    out.push('"');
    if let Some(p) = point {
        let _ = write!(
            out,
            " data-point=\"{}\" data-point-order=\"{}\"",
            p.code(),
            p as u8
        );
    }
    if let Some(d) = date {
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

fn disclosure_row(out: &mut String, it: &InformationItem, order: &mut usize, child: bool) {
    let number = it.number_symbol.as_ref().map(|d| d.raw.as_str());
    push_row_open(
        out,
        order,
        &it.title,
        number,
        it.section.as_deref(),
        it.art17_point,
        it.created_on,
        child,
    );
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
    cell_text(
        out,
        number.or(it.unparsed.get(&Field::NumberSymbol).map(String::as_str)),
    );
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

fn conditional_row(out: &mut String, it: &ConditionalItem, order: &mut usize) {
    let number = it.number_symbol.as_ref().map(|d| d.raw.as_str());
    push_row_open(
        out,
        order,
        &it.title,
        number,
        it.section.as_deref(),
        None,
        it.created_on,
        false,
    );
    cell_text(out, it.seq.as_deref().filter(|s| !s.is_empty()));
    out.push_str("<th scope=\"row\">");
    push_escaped(out, &it.title);
    out.push_str("</th>");
    cell_text(out, number);
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
}
