//! Accessible HTML fragments and plain text for catalogs, validation reports
//! and the request slip (Kết xuất HTML dễ tiếp cận).
//!
//! Every fragment works without JavaScript; the web components of the npm
//! package `tiepcan` enhance the same markup (progressive enhancement).
//! The accessibility bar is WCAG 2.2 AA (DESIGN.md §Accessibility): the
//! fragments are in Vietnamese (`lang="vi"` on the root), English parts carry
//! `lang="en"`, tables have a `<caption>` and `<th scope>`, dates are
//! `<time datetime>` with a spoken form ("ngày 14 tháng 2 năm 2025"), links
//! say where they lead, and error summaries link to what they list.
//!
//! All text is escaped ([`escape`]); only `http:`, `https:` and `mailto:`
//! addresses, and relative paths, become links ([`safe_href`]).
//!
//! The CSS class names start with `tc-`; `tc-vh` is the visually-hidden
//! text a style sheet must provide ([`STYLESHEET`] has one).

mod catalog;
mod deadline;
mod report;
mod request;
mod text;

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

pub use catalog::{
    catalog_row_data, catalog_rows_key, render_catalog, render_catalog_page, render_catalog_rows,
    CatalogRowData, RowGrouping,
};
pub use deadline::{render_deadline, render_deadline_form, render_deadline_table};
pub use report::render_report;
pub use request::{
    check_request_slip, render_request_form, FieldError, ProvisionForm, RequestSlipInput,
    REQUEST_FIELDS,
};
pub use text::{catalog_text, report_text};

use crate::model::PartialDate;

/// Options shared by the HTML renderers.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct RenderOptions {
    /// Prefix of every `id` the fragment defines (so that two fragments can
    /// share a page). Letters, digits, `-` and `_` only; anything else is
    /// replaced by `-`. Default `"tc"`.
    pub id_prefix: String,
    /// Heading level (1–6) of the fragment's own heading. Default 2.
    pub heading_level: u8,
    /// Form `action` of the request slip; default `""` (the same page).
    pub form_action: String,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            id_prefix: "tc".to_string(),
            heading_level: 2,
            form_action: String::new(),
        }
    }
}

impl RenderOptions {
    pub(crate) fn id(&self, suffix: &str) -> String {
        let mut s: String = self
            .id_prefix
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        if s.is_empty() || !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
            s.insert_str(0, "tc");
        }
        s.push('-');
        s.push_str(suffix);
        s
    }

    pub(crate) fn h(&self) -> u8 {
        self.heading_level.clamp(1, 6)
    }
}

/// Escape text for HTML element content and quoted attribute values:
/// `& < > " '` become character references.
///
/// ```
/// use tiepcan::render::escape;
/// assert_eq!(escape("<script>\"x\" & 'y'"), "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;");
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    push_escaped(&mut out, s);
    out
}

pub(crate) fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // C0 controls other than tab/newline have no place in HTML text.
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' && c != '\r' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

/// The address `url` when it is safe to put in an `href`: absolute `http:`,
/// `https:` or `mailto:` addresses, and relative paths (`/vb/1`, `vb/1.pdf`,
/// `#muc`). `None` for anything else — `javascript:`, `data:`, `vbscript:`,
/// addresses with white space or control characters inside — which the
/// renderers then show as text.
///
/// ```
/// use tiepcan::render::safe_href;
/// assert_eq!(safe_href(" https://x.gov.vn/a "), Some("https://x.gov.vn/a"));
/// assert_eq!(safe_href("java\tscript:alert(1)"), None);
/// assert_eq!(safe_href("JavaScript:alert(1)"), None);
/// assert_eq!(safe_href("Chi tiết"), None);
/// ```
pub fn safe_href(url: &str) -> Option<&str> {
    let u = url.trim();
    if u.is_empty() || u.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    let lower = u.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return (u.len() > 8).then_some(u);
    }
    if lower.starts_with("mailto:") {
        return Some(u);
    }
    // Relative: no scheme (no ':' before the first '/', '?' or '#'), no
    // backslash trick, no markup or character references.
    if u.contains(['\\', '<', '>', '"', '\'', '`']) || u.contains("&#") {
        return None;
    }
    let head_end = u.find(['/', '?', '#']).unwrap_or(u.len());
    if u[..head_end].contains(':') {
        return None;
    }
    // "javascript&colon;…": no entity-like text in the path of a relative address.
    let path_end = u.find(['?', '#']).unwrap_or(u.len());
    if u[..path_end].contains(['&', ';']) {
        return None;
    }
    // A bare word ("Chi tiết", "link") is not an address.
    if !(u.starts_with('/') || u.starts_with('#') || u.starts_with("./") || u.contains('.')) {
        return None;
    }
    Some(u)
}

/// A date as Vietnamese is spoken and written in full:
/// `ngày 14 tháng 2 năm 2025` (no leading zeros).
///
/// ```
/// use chrono::NaiveDate;
/// use tiepcan::render::spoken_date_vi;
/// assert_eq!(spoken_date_vi(NaiveDate::from_ymd_opt(2025, 2, 14).unwrap()), "ngày 14 tháng 2 năm 2025");
/// ```
pub fn spoken_date_vi(d: NaiveDate) -> String {
    format!("ngày {} tháng {} năm {}", d.day(), d.month(), d.year())
}

/// [`spoken_date_vi`] for a date of any precision: `tháng 3 năm 2026`,
/// `năm 2026`.
pub fn spoken_partial_date_vi(d: PartialDate) -> String {
    match d {
        PartialDate::Day(d) => spoken_date_vi(d),
        PartialDate::Month { year, month } => format!("tháng {month} năm {year}"),
        PartialDate::Year(y) => format!("năm {y}"),
    }
}

/// Day-first numeric form as Vietnamese documents write it: `14/02/2025`,
/// `03/2026`, `2026`.
pub fn numeric_date_vi(d: PartialDate) -> String {
    match d {
        PartialDate::Day(d) => format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
        PartialDate::Month { year, month } => format!("{month:02}/{year}"),
        PartialDate::Year(y) => format!("{y}"),
    }
}

/// `<time datetime="2025-02-14">` with the numeric form shown and the spoken
/// form for screen readers.
pub(crate) fn push_time(out: &mut String, d: PartialDate) {
    let _ = write!(
        out,
        "<time datetime=\"{}\"><span aria-hidden=\"true\">{}</span><span class=\"tc-vh\">{}</span></time>",
        d,
        numeric_date_vi(d),
        spoken_partial_date_vi(d)
    );
}

/// A style sheet for the fragments: visually-hidden text, visible focus,
/// table layout that scrolls on narrow screens, error styles that do not
/// rely on colour alone, reduced motion. [`render_page`] links or inlines it;
/// the npm package ships the same rules as `tiepcan.css`.
pub const STYLESHEET: &str = include_str!("tiepcan.css");

/// A complete HTML page (`<!doctype html>`, `lang="vi"`, UTF-8, viewport,
/// `<title>`, one `<main>` with an `<h1>`) around fragments made by the
/// other renderers.
///
/// `stylesheet_href`: `Some(url)` links that style sheet (for pages served
/// with a strict Content-Security-Policy), `None` inlines [`STYLESHEET`].
///
/// ```
/// use tiepcan::render::render_page;
/// let page = render_page("Danh mục <thử>", &["<p>x</p>".to_string()], None);
/// assert!(page.starts_with("<!doctype html>\n<html lang=\"vi\">"));
/// assert!(page.contains("<title>Danh mục &lt;thử&gt;</title>"));
/// ```
pub fn render_page(title: &str, fragments: &[String], stylesheet_href: Option<&str>) -> String {
    let mut out = String::with_capacity(fragments.iter().map(String::len).sum::<usize>() + 4096);
    out.push_str("<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
    );
    push_escaped(&mut out, title);
    out.push_str("</title>\n");
    match stylesheet_href.and_then(safe_href) {
        Some(h) => {
            out.push_str("<link rel=\"stylesheet\" href=\"");
            push_escaped(&mut out, h);
            out.push_str("\">\n");
        }
        None => {
            out.push_str("<style>\n");
            out.push_str(STYLESHEET);
            out.push_str("</style>\n");
        }
    }
    out.push_str("</head>\n<body>\n<main id=\"noi-dung\">\n<h1>");
    push_escaped(&mut out, title);
    out.push_str("</h1>\n");
    for f in fragments {
        out.push_str(f);
        out.push('\n');
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_attribute_breakouts() {
        assert_eq!(
            escape("\" onmouseover=\"alert(1)"),
            "&quot; onmouseover=&quot;alert(1)"
        );
        assert_eq!(escape("a\u{0}b"), "a\u{fffd}b");
    }

    #[test]
    fn hrefs() {
        for bad in [
            "javascript:alert(1)",
            " JAVASCRIPT:alert(1)",
            "jav&#x09;ascript:alert(1)",
            "data:text/html,<script>",
            "vbscript:msgbox",
            "java\nscript:alert(1)",
            "Chi tiết",
            "\\\\evil",
            "",
            "javascript&#58;alert(1)",
            "javascript&colon;alert(1)",
            "\"><script>window.x=1</script>",
        ] {
            assert_eq!(safe_href(bad), None, "{bad:?}");
        }
        for good in [
            "https://anhoa.example.gov.vn/vb/05-2026-nq-hdnd",
            "http://x.vn",
            "/vb/1.pdf",
            "vb/1.pdf",
            "#muc-1",
            "mailto:a@b.vn",
        ] {
            assert_eq!(safe_href(good), Some(good), "{good:?}");
        }
    }

    #[test]
    fn dates_spoken_and_numeric() {
        let d = NaiveDate::from_ymd_opt(2025, 2, 14).unwrap();
        assert_eq!(spoken_date_vi(d), "ngày 14 tháng 2 năm 2025");
        assert_eq!(numeric_date_vi(PartialDate::Day(d)), "14/02/2025");
        assert_eq!(
            spoken_partial_date_vi(PartialDate::Month {
                year: 2026,
                month: 3
            }),
            "tháng 3 năm 2026"
        );
        let mut s = String::new();
        push_time(&mut s, PartialDate::Day(d));
        assert_eq!(s, "<time datetime=\"2025-02-14\"><span aria-hidden=\"true\">14/02/2025</span><span class=\"tc-vh\">ngày 14 tháng 2 năm 2025</span></time>");
    }

    #[test]
    fn ids_are_sanitised() {
        let o = RenderOptions {
            id_prefix: "9 \"x".into(),
            ..Default::default()
        };
        assert_eq!(o.id("a"), "tc9--x-a");
    }
}
