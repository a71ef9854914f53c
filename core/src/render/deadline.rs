//! The deadline explanation: due dates as a list with the legal basis and
//! the days skipped.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate, Weekday};

use super::{push_escaped, push_time, RenderOptions};
use crate::calendar::SkipReason;
use crate::deadline::{Complexity, Deadline, Schedule, Unit};
use crate::model::PartialDate;

fn weekday_vi(d: NaiveDate) -> &'static str {
    match d.weekday() {
        Weekday::Mon => "thứ Hai",
        Weekday::Tue => "thứ Ba",
        Weekday::Wed => "thứ Tư",
        Weekday::Thu => "thứ Năm",
        Weekday::Fri => "thứ Sáu",
        Weekday::Sat => "thứ Bảy",
        Weekday::Sun => "Chủ nhật",
    }
}

fn day(out: &mut String, d: NaiveDate) {
    push_time(out, PartialDate::Day(d));
    let _ = write!(out, " ({})", weekday_vi(d));
}

fn limit_vi(d: &Deadline) -> String {
    match d.limit.unit {
        Unit::WorkingDays => format!("{} ngày làm việc", d.limit.value),
        Unit::CalendarDays => format!(
            "{} ngày theo lịch (ngày cuối là ngày nghỉ thì lùi sang ngày làm việc kế tiếp)",
            d.limit.value
        ),
        Unit::Immediate => "ngay".to_string(),
    }
}

/// Render a request's deadline schedule inside `<section class="tc-root
/// tc-deadline-result" lang="vi">`: the receipt date (day 0, not counted),
/// channel, complexity and regime; an ordered list of the milestones, each
/// with its due date (`<time>`, spoken form, weekday), the limit in working
/// days or calendar days as the text says, the start date, the legal basis in
/// Vietnamese (English in `lang="en"`), the other reading of an unqualified
/// "ngày" when it differs, and a note when the value is provisional; then
/// the non-working days skipped, each with its reason; then the schedule's
/// findings.
pub fn render_deadline(s: &Schedule, opts: &RenderOptions) -> String {
    let lvl = opts.h();
    let sub = (lvl + 1).min(6);
    let hid = opts.id("deadline-heading");
    let mut out = String::with_capacity(4096);
    let _ = write!(
        out,
        "<section class=\"tc-root tc-deadline-result\" lang=\"vi\" aria-labelledby=\"{hid}\">\n<h{lvl} id=\"{hid}\">Thời hạn giải quyết yêu cầu</h{lvl}>\n<p>Ngày nhận yêu cầu hợp lệ: "
    );
    day(&mut out, s.receipt_date);
    let _ = write!(
        out,
        " — là ngày 0, không tính vào thời hạn. Cách gửi: {}. Yêu cầu {}. Áp dụng: {}.</p>\n<ol class=\"tc-deadline-list\">\n",
        s.channel.label_vi().to_lowercase(),
        match s.complexity {
            Complexity::Simple => "đơn giản, có sẵn",
            Complexity::Complex => "phức tạp",
        },
        s.regime.instrument().name_vi()
    );
    for m in &s.milestones {
        out.push_str("<li><strong>Hạn ");
        push_escaped(&mut out, m.kind.label_vi());
        out.push_str(": ");
        day(&mut out, m.due);
        let _ = write!(out, "</strong>. Thời hạn: {}, tính từ ", limit_vi(m));
        day(&mut out, m.start);
        out.push_str(". Căn cứ: ");
        push_escaped(&mut out, &m.citation.to_vietnamese());
        out.push_str(" (<span lang=\"en\">");
        push_escaped(&mut out, &m.citation.to_string());
        out.push_str("</span>).");
        if let Some(a) = m.alternative_due.filter(|a| *a != m.due) {
            out.push_str(" Nếu hiểu “ngày” theo cách khác: ");
            day(&mut out, a);
            out.push('.');
        }
        if m.provisional {
            out.push_str(" <em>Giá trị tạm thời, chưa được xác minh.</em>");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
    let _ = writeln!(
        out,
        "<h{sub}>Các ngày nghỉ không tính ({} ngày)</h{sub}>",
        s.skipped.len()
    );
    if s.skipped.is_empty() {
        out.push_str("<p>Không có ngày nghỉ nào trong khoảng này.</p>\n");
    } else {
        out.push_str("<ul class=\"tc-skipped\">\n");
        for k in &s.skipped {
            out.push_str("<li>");
            day(&mut out, k.date);
            out.push_str(": ");
            match &k.reason {
                SkipReason::Weekend => out.push_str("nghỉ hằng tuần"),
                SkipReason::DayOff { name, document, .. } => {
                    push_escaped(&mut out, name);
                    out.push_str(" (");
                    push_escaped(&mut out, document);
                    out.push(')');
                }
            }
            if k.projected {
                out.push_str(", <em>lịch nghỉ dự kiến, chưa có thông báo chính thức</em>");
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    if !s.findings.is_empty() {
        let _ = writeln!(out, "<h{sub}>Lưu ý</h{sub}>\n<ul>");
        for f in &s.findings {
            out.push_str("<li>");
            push_escaped(&mut out, &f.message.vi);
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
    out
}

/// The deadline calculator's form (no script needed to submit it to a
/// server; `<tiepcan-deadline>` computes in the page): the request channel
/// (Law 104/2016/QH13 Art. 24(1)) and complexity as radio groups, the date the
/// valid request was received as a native date input (browsers without one
/// show a text field: day first, "24/01/2025"), a submit button, a polite
/// status line and an empty result container.
///
/// Field names: `channel` (`in_person`, `electronic`, `postal`, `fax`),
/// `complexity` (`simple`, `complex`), `received` (ISO or day-first date).
pub fn render_deadline_form(opts: &RenderOptions) -> String {
    use crate::law::Channel;
    let lvl = opts.h();
    let hid = opts.id("deadline-form-heading");
    let mut out = String::with_capacity(3000);
    let _ = write!(
        out,
        "<section class=\"tc-root tc-deadline\" lang=\"vi\" aria-labelledby=\"{hid}\">\n<h{lvl} id=\"{hid}\">Tính thời hạn trả lời yêu cầu cung cấp thông tin</h{lvl}>\n<form class=\"tc-form tc-deadline-form\" method=\"get\" novalidate"
    );
    if let Some(a) = super::safe_href(&opts.form_action) {
        out.push_str(" action=\"");
        push_escaped(&mut out, a);
        out.push('"');
    }
    out.push_str(">\n<fieldset class=\"tc-field\">\n<legend>Cách gửi yêu cầu</legend>\n");
    for (i, c) in Channel::ALL.into_iter().enumerate() {
        let id = opts.id(&format!("channel-{}", c.code()));
        let label = c.label_vi();
        let mut cap = label.chars();
        let label: String = cap
            .next()
            .map(|f| std::iter::once(f.to_ascii_uppercase()).chain(cap).collect()) // labels start with ASCII t/q: no Unicode case table
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<div><input type=\"radio\" name=\"channel\" id=\"{id}\" value=\"{}\"{}> <label for=\"{id}\">{label}</label></div>",
            c.code(),
            if i == 0 { " checked" } else { "" }
        );
    }
    out.push_str("</fieldset>\n<fieldset class=\"tc-field\">\n<legend>Loại yêu cầu</legend>\n");
    for (code, label, hint, checked) in [
        ("simple", "Đơn giản, thông tin có sẵn", "", " checked"),
        (
            "complex",
            "Phức tạp",
            " (phải tập hợp từ nhiều đơn vị hoặc hỏi ý kiến cơ quan khác)",
            "",
        ),
    ] {
        let id = opts.id(&format!("complexity-{code}"));
        let _ = writeln!(
            out,
            "<div><input type=\"radio\" name=\"complexity\" id=\"{id}\" value=\"{code}\"{checked}> <label for=\"{id}\">{label}{hint}</label></div>"
        );
    }
    let rid = opts.id("received");
    let hint = opts.id("received-hint");
    let err = opts.id("received-error");
    let _ = write!(
        out,
        "</fieldset>\n<div class=\"tc-field\">\n<label for=\"{rid}\">Ngày nhận yêu cầu hợp lệ <span class=\"tc-required\">(bắt buộc)</span></label>\n<p class=\"tc-hint\" id=\"{hint}\">Ngày trước, tháng sau, ví dụ 24/01/2025.</p>\n<p class=\"tc-error-message\" id=\"{err}\" hidden></p>\n<input type=\"date\" id=\"{rid}\" name=\"received\" required aria-required=\"true\" aria-describedby=\"{hint}\" min=\"2018-07-01\" max=\"2199-12-31\">\n</div>\n<button type=\"submit\" class=\"tc-button\">Tính thời hạn</button>\n</form>\n<p class=\"tc-status\" role=\"status\" aria-live=\"polite\" aria-atomic=\"true\"></p>\n<div class=\"tc-deadline-output\"></div>\n</section>\n"
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::WorkingCalendar;
    use crate::deadline::{Clock, Received, Request, RuleTable};
    use crate::law::Channel;

    #[test]
    fn tet_2025_postal_complex() {
        // The core's own example (deadline module docs): received Fri 24 Jan
        // 2025 by post, complex: notice by 5 Feb, answer by 21 Feb.
        let rules = RuleTable::builtin();
        let clock = Clock::new(WorkingCalendar::official(), &rules);
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        let s = clock
            .schedule(&Request::new(
                Received::Date(d(2025, 1, 24)),
                Channel::Postal,
                Complexity::Complex,
            ))
            .unwrap();
        let html = render_deadline(&s, &RenderOptions::default());
        assert!(html.contains("ngày 24 tháng 1 năm 2025</span></time> (thứ Sáu) — là ngày 0"));
        assert!(html.contains("ngày 5 tháng 2 năm 2025</span></time> (thứ Tư)</strong>"));
        assert!(html.contains("ngày 21 tháng 2 năm 2025"));
        assert!(html.contains("Tết"));
        assert!(html.contains("nghỉ hằng tuần"));
        assert!(html.contains("Luật Tiếp cận thông tin 2016"));
    }

    #[test]
    fn calculator_form() {
        let html = render_deadline_form(&RenderOptions::default());
        assert!(html.contains("<label for=\"tc-channel-postal\">Qua dịch vụ bưu chính</label>"));
        assert!(html.contains("<input type=\"date\" id=\"tc-received\" name=\"received\""));
        assert!(html.contains("role=\"status\" aria-live=\"polite\""));
    }
}
