//! A validation report: an error summary linked to each finding.

use std::fmt::Write as _;

use super::{push_escaped, RenderOptions};
use crate::validate::{Diagnostic, Report, Severity};

fn severity_vi(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Lỗi",
        Severity::Warning => "Cảnh báo",
        Severity::Info => "Lưu ý",
    }
}

fn location_vi(d: &Diagnostic) -> String {
    let l = &d.location;
    let mut parts = Vec::new();
    if let Some(f) = &l.file {
        parts.push(format!("tệp {f}"));
    }
    if let Some(r) = l.row {
        parts.push(format!("dòng {r}"));
    }
    if let Some(c) = &l.column {
        parts.push(format!("cột “{c}”"));
    }
    if let Some(p) = &l.pointer {
        parts.push(p.clone());
    }
    if let Some(line) = l.line {
        parts.push(match l.col {
            Some(c) => format!("dòng {line}, ký tự {c}"),
            None => format!("dòng {line}"),
        });
    }
    if parts.is_empty() {
        "toàn bộ danh mục".to_string()
    } else {
        parts.join(", ")
    }
}

/// Render a validation report inside `<section class="tc-root tc-report"
/// lang="vi">`: a heading, the counts by severity in words, an error summary
/// (`role="region"`, labelled) whose list links to each finding, then the
/// findings in order, each with its severity in words (never colour alone),
/// location, offending value, Vietnamese message, English message in
/// `lang="en"`, rule id and legal basis in Vietnamese and English.
///
/// Findings get ids `{prefix}-finding-1`, `-2`, … in report order.
///
/// ```
/// use tiepcan::validate::{Diagnostic, Location, Message, Report};
/// use tiepcan::render::{render_report, RenderOptions};
/// let mut r = Report::new();
/// r.push(Diagnostic::new("R-REQ-FIELDS", Location::cell(3, "Tên"), None, Message::new("Thiếu tên", "Name missing")));
/// let html = render_report(&r, &RenderOptions::default());
/// assert!(html.contains("<a href=\"#tc-finding-1\">"));
/// assert!(html.contains("<span lang=\"en\">Name missing</span>"));
/// ```
pub fn render_report(report: &Report, opts: &RenderOptions) -> String {
    let lvl = opts.h();
    let sub = (lvl + 1).min(6);
    let s = report.summary();
    let hid = opts.id("report-heading");
    let mut out = String::with_capacity(512 + report.len() * 600);
    let _ = write!(
        out,
        "<section class=\"tc-root tc-report\" lang=\"vi\" aria-labelledby=\"{hid}\">\n<h{lvl} id=\"{hid}\">Kết quả kiểm tra danh mục</h{lvl}>\n"
    );
    let _ = writeln!(
        out,
        "<p class=\"tc-status\">{} lỗi, {} cảnh báo, {} lưu ý. <span lang=\"en\">{} errors, {} warnings, {} notes.</span></p>",
        s.errors, s.warnings, s.infos, s.errors, s.warnings, s.infos
    );
    if report.is_empty() {
        out.push_str("<p>Không phát hiện vấn đề nào. <span lang=\"en\">No findings.</span></p>\n</section>\n");
        return out;
    }
    let sid = opts.id("summary-heading");
    let _ = write!(
        out,
        "<div class=\"tc-error-summary\" role=\"region\" aria-labelledby=\"{sid}\" tabindex=\"-1\">\n<h{sub} id=\"{sid}\">Tóm tắt các vấn đề</h{sub}>\n<ul>\n"
    );
    for (i, d) in report.diagnostics.iter().enumerate() {
        let _ = write!(
            out,
            "<li><a href=\"#{}\">{}: ",
            opts.id(&format!("finding-{}", i + 1)),
            severity_vi(d.severity)
        );
        push_escaped(&mut out, &d.message.vi);
        out.push_str(" (");
        push_escaped(&mut out, &location_vi(d));
        out.push_str(")</a></li>\n");
    }
    out.push_str("</ul>\n</div>\n");
    let _ = writeln!(out, "<h{sub}>Chi tiết từng vấn đề</h{sub}>");
    out.push_str("<ol class=\"tc-findings\">\n");
    for (i, d) in report.diagnostics.iter().enumerate() {
        let _ = write!(
            out,
            "<li id=\"{}\" tabindex=\"-1\"><span class=\"tc-sev tc-sev-{}\">{}</span> ",
            opts.id(&format!("finding-{}", i + 1)),
            d.severity,
            severity_vi(d.severity)
        );
        push_escaped(&mut out, &d.message.vi);
        out.push_str("<br><span lang=\"en\">");
        push_escaped(&mut out, &d.message.en);
        out.push_str("</span><br>Vị trí: ");
        push_escaped(&mut out, &location_vi(d));
        if let Some(v) = &d.value {
            out.push_str(". Giá trị: <code>");
            push_escaped(&mut out, v);
            out.push_str("</code>");
        }
        out.push_str(". Quy tắc <code>");
        push_escaped(&mut out, &d.rule);
        out.push_str("</code>");
        if let Some(c) = &d.citation {
            out.push_str(". Căn cứ: ");
            push_escaped(&mut out, &c.to_vietnamese());
            out.push_str(" (<span lang=\"en\">");
            push_escaped(&mut out, &c.to_string());
            out.push_str("</span>)");
        }
        out.push_str(".</li>\n");
    }
    out.push_str("</ol>\n</section>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::{Location, Message};

    #[test]
    fn summary_links_to_findings() {
        let mut r = Report::new();
        r.push(Diagnostic::new(
            "R-REQ-FIELDS",
            Location::cell(5, "<b>Tên</b>"),
            Some("<img src=x onerror=alert(1)>".into()),
            Message::new("Thiếu họ tên", "Full name missing"),
        ));
        let html = render_report(&r, &RenderOptions::default());
        assert!(html.contains("1 lỗi, 0 cảnh báo, 0 lưu ý."));
        assert!(html.contains("<a href=\"#tc-finding-1\">Lỗi: Thiếu họ tên (dòng 5, cột “&lt;b&gt;Tên&lt;/b&gt;”)</a>"));
        assert!(html.contains("<li id=\"tc-finding-1\" tabindex=\"-1\">"));
        assert!(html.contains("<code>&lt;img src=x onerror=alert(1)&gt;</code>"));
        assert!(html.contains("Căn cứ: khoản 2 Điều 24 Luật Tiếp cận thông tin 2016"));
    }
}
