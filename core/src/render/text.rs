//! Plain-text renderings (for terminals, e-mail and screen readers that get
//! text only).

use std::fmt::Write as _;

use super::{numeric_date_vi, spoken_date_vi};
use crate::model::Catalog;
use crate::validate::Report;

/// A catalog as plain text: a heading line, then one line per entry
/// (`STT. Title — number — date — point — link`). Dates day-first.
///
/// ```
/// use tiepcan::model::{Catalog, DisclosureCatalog, InformationItem};
/// let c = Catalog::Disclosure(DisclosureCatalog { header: Default::default(),
///     items: vec![InformationItem { seq: Some("1".into()), title: "Báo cáo".into(), ..Default::default() }] });
/// assert!(tiepcan::render::catalog_text(&c).contains("1. Báo cáo"));
/// ```
pub fn catalog_text(catalog: &Catalog) -> String {
    let h = catalog.header();
    let mut out = String::new();
    out.push_str(match catalog {
        Catalog::Disclosure(_) => "Danh mục thông tin phải được công khai",
        Catalog::Conditional(_) => "Danh mục thông tin công dân được tiếp cận có điều kiện",
    });
    if let Some(a) = &h.agency {
        let _ = write!(out, " của {}", a.name);
    }
    if let Some(d) = &h.issuing_decision {
        let _ = write!(out, ", văn bản số {}", d.raw);
    }
    if let Some(on) = h.issued_on {
        let _ = write!(out, " {}", spoken_date_vi(on));
    }
    let _ = writeln!(out, " ({} mục)", catalog.len());
    let mut line = |seq: Option<&str>,
                    title: &str,
                    num: Option<&str>,
                    date,
                    point: Option<String>,
                    link: Option<&str>| {
        let _ = write!(out, "{}. {}", seq.unwrap_or("-"), title);
        if let Some(n) = num {
            let _ = write!(out, " — {n}");
        }
        if let Some(d) = date {
            let _ = write!(out, " — {}", numeric_date_vi(d));
        }
        if let Some(p) = point {
            let _ = write!(out, " — {p}");
        }
        if let Some(l) = link {
            let _ = write!(out, " — {l}");
        }
        out.push('\n');
    };
    match catalog {
        Catalog::Disclosure(c) => {
            for it in &c.items {
                line(
                    it.seq.as_deref(),
                    &it.title,
                    it.number_symbol.as_ref().map(|d| d.raw.as_str()),
                    it.created_on,
                    it.art17_point.map(|p| format!("điểm {}", p.code())),
                    it.access_link.as_deref(),
                );
            }
        }
        Catalog::Conditional(c) => {
            for it in &c.items {
                line(
                    it.seq.as_deref(),
                    &it.title,
                    it.number_symbol.as_ref().map(|d| d.raw.as_str()),
                    it.created_on,
                    it.ground.map(|g| g.label_vi().to_string()),
                    None,
                );
            }
        }
    }
    out
}

/// A validation report as plain text: counts, then one line per finding
/// (`Lỗi [R-ID] location: message (citation)`).
pub fn report_text(report: &Report) -> String {
    let s = report.summary();
    let mut out = format!(
        "{} lỗi, {} cảnh báo, {} lưu ý\n",
        s.errors, s.warnings, s.infos
    );
    for d in &report.diagnostics {
        let _ = write!(
            out,
            "{} [{}] {}: {}",
            d.severity, d.rule, d.location, d.message.vi
        );
        if let Some(c) = &d.citation {
            let _ = write!(out, " ({})", c.to_vietnamese());
        }
        out.push('\n');
    }
    out
}
