//! The deadline explanation: due dates as a list with the legal basis and
//! the days skipped.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::{push_escaped, push_time, RenderOptions};
use crate::calendar::weekday_vi;
use crate::calendar::SkipReason;
use crate::deadline::{
    Complexity, Deadline, DeadlineError, PeriodKind, PeriodRule, RuleTable, Schedule, Unit,
    ValueStatus,
};
use crate::law::{Channel, Regime};
use crate::model::PartialDate;

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
        crate::text::to_lower(s.channel.label_vi()),
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
///
/// The form is `method="get"`; [`RenderOptions::form_action`] is its
/// `action` (a server answers with [`render_deadline`]). With no usable
/// action, a note (`p.tc-deadline-noscript`) says that the calculator needs
/// JavaScript or the agency's server; pair the form with
/// [`render_deadline_table`] so that the periods can be read without either.
pub fn render_deadline_form(opts: &RenderOptions) -> String {
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
    // Without an action the form goes nowhere unless the page's script
    // computes the result: say so (the web component removes this note).
    let noscript = if super::safe_href(&opts.form_action).is_some() {
        ""
    } else {
        "<p class=\"tc-hint tc-deadline-noscript\">Máy tính thời hạn cần JavaScript trong trình duyệt hoặc máy chủ của cơ quan để trả kết quả. Khi không có, hãy xem bảng thời hạn theo luật trên trang này.</p>\n"
    };
    let _ = write!(
        out,
        "</fieldset>\n<div class=\"tc-field\">\n<label for=\"{rid}\">Ngày nhận yêu cầu hợp lệ <span class=\"tc-required\">(bắt buộc)</span></label>\n<p class=\"tc-hint\" id=\"{hint}\">Ngày trước, tháng sau, ví dụ 24/01/2025.</p>\n<p class=\"tc-error-message\" id=\"{err}\" hidden></p>\n<input type=\"date\" id=\"{rid}\" name=\"received\" required aria-required=\"true\" aria-describedby=\"{hint}\" min=\"2018-07-01\" max=\"2199-12-31\">\n</div>\n<button type=\"submit\" class=\"tc-button\">Tính thời hạn</button>\n</form>\n{noscript}<p class=\"tc-status\" role=\"status\" aria-live=\"polite\" aria-atomic=\"true\"></p>\n<div class=\"tc-deadline-output\"></div>\n</section>\n"
    );
    out
}

/// A rule's limit as a table cell: the number with its unit always stated
/// ("10 ngày làm việc", "15 ngày theo lịch"), "Ngay" for immediately, and
/// "(tạm tính)" when the value is not verified for the regime.
fn rule_cell(out: &mut String, r: &PeriodRule, cap: bool) {
    if cap {
        out.push_str("Tối đa ");
    }
    match r.unit {
        Unit::WorkingDays => {
            let _ = write!(out, "{} ngày làm việc", r.value);
        }
        Unit::CalendarDays => {
            let _ = write!(
                out,
                "{} ngày theo lịch (văn bản ghi “{}”)",
                r.value,
                escape_unit(&r.unit_as_written)
            );
        }
        Unit::Immediate => out.push_str(if cap { "ngay" } else { "Ngay" }),
    }
    if r.status != ValueStatus::Verified {
        out.push_str(" <em>(tạm tính)</em>");
    }
}

fn escape_unit(s: &str) -> String {
    super::escape(s)
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The statutory deadline table (bảng thời hạn giải quyết yêu cầu cung cấp
/// thông tin) for requests received on `on`, from `rules` (LAW.md §5.8; a
/// user rule file's rows when the table holds them): the regime in force on
/// that date (LAW.md §8.1), then per request channel (Law 104/2016/QH13
/// Art. 24(1)) and complexity the written notice of the time limit, the time
/// limit to provide or refuse, the maximum extension, and the legal basis —
/// every limit with its unit stated ("ngày làm việc" = working days; an
/// unqualified "ngày" = calendar days rolled forward to the next working day,
/// LAW.md A1). Channels with the same rows (post and fax) share one row.
///
/// From 2026-09-01 (the amended Law, whose periods are not yet known,
/// LAW.md §8.3) the values are Law 104's carried over: every such value is
/// marked "(tạm tính)", exactly as [`Clock`](crate::deadline::Clock) marks
/// its milestones `provisional` (status other than `verified`), and a
/// warning above the table says that the real periods may be shorter.
///
/// Output: `<section class="tc-root tc-deadline-table" lang="vi">` with a
/// heading, the explanation of the units, the warning when provisional, and a
/// `<table>` with `<caption>`, `<th scope="col">` and row headers.
///
/// # Errors
/// [`DeadlineError::NoRegime`] before 2018-07-01;
/// [`DeadlineError::NoRule`] when `rules` has no row for a channel's
/// provide (simple) or provide-or-refuse (complex) limit.
///
/// ```
/// use chrono::NaiveDate;
/// use tiepcan::deadline::RuleTable;
/// use tiepcan::render::{render_deadline_table, RenderOptions};
/// let d = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
/// let html = render_deadline_table(&RuleTable::builtin(), d, &RenderOptions::default())?;
/// // LAW.md §5.8, DL-EL-COMPLEX: 15 working days, Art. 30(4) para. 1.
/// assert!(html.contains("<td>15 ngày làm việc</td>"));
/// assert!(html.contains("đoạn 1 khoản 4 Điều 30 Luật Tiếp cận thông tin 2016"));
/// assert!(!html.contains("tạm tính"));
/// # Ok::<(), tiepcan::deadline::DeadlineError>(())
/// ```
pub fn render_deadline_table(
    rules: &RuleTable,
    on: NaiveDate,
    opts: &RenderOptions,
) -> Result<String, DeadlineError> {
    let regime = Regime::for_date(on).ok_or(DeadlineError::NoRegime { date: on })?;
    let find = |kind, ch, cx| rules.find(regime, kind, Some(ch), Some(cx));
    // (channels, simple rows, complex rows)
    type Rows<'a> = (
        Option<&'a PeriodRule>,
        Option<&'a PeriodRule>,
        Option<&'a PeriodRule>,
    );
    let mut groups: Vec<(Vec<Channel>, &PeriodRule, Rows)> = Vec::new();
    for ch in Channel::ALL {
        let nf = |kind, cx| DeadlineError::NoRule {
            regime,
            kind,
            channel: Some(ch),
            complexity: Some(cx),
        };
        let simple = find(PeriodKind::Provide, ch, Complexity::Simple)
            .ok_or_else(|| nf(PeriodKind::Provide, Complexity::Simple))?;
        let complex: Rows = (
            find(PeriodKind::NotifyTimeline, ch, Complexity::Complex),
            Some(
                find(PeriodKind::ProvideOrRefuse, ch, Complexity::Complex)
                    .ok_or_else(|| nf(PeriodKind::ProvideOrRefuse, Complexity::Complex))?,
            ),
            find(PeriodKind::ExtendedProvideOrRefuse, ch, Complexity::Complex),
        );
        let same = |g: &(Vec<Channel>, &PeriodRule, Rows)| {
            g.1.id == simple.id
                && g.2 .0.map(|r| &r.id) == complex.0.map(|r| &r.id)
                && g.2 .1.map(|r| &r.id) == complex.1.map(|r| &r.id)
                && g.2 .2.map(|r| &r.id) == complex.2.map(|r| &r.id)
        };
        match groups.last_mut() {
            Some(g) if same(g) => g.0.push(ch),
            _ => groups.push((vec![ch], simple, complex)),
        }
    }
    let provisional = groups.iter().any(|(_, s, (n, p, e))| {
        [Some(*s), *n, *p, *e]
            .into_iter()
            .flatten()
            .any(|r| r.status != ValueStatus::Verified)
    });

    let lvl = opts.h();
    let hid = opts.id("deadline-table-heading");
    let cid = opts.id("deadline-table-caption");
    let mut out = String::with_capacity(6000);
    let _ = write!(
        out,
        "<section class=\"tc-root tc-deadline-table\" lang=\"vi\" aria-labelledby=\"{hid}\">\n<h{lvl} id=\"{hid}\">Thời hạn giải quyết yêu cầu cung cấp thông tin</h{lvl}>\n<p>Áp dụng cho yêu cầu hợp lệ nhận được ngày "
    );
    push_time(&mut out, PartialDate::Day(on));
    let _ = writeln!(
        out,
        ": {}. Thời hạn tính từ ngày tiếp theo ngày nhận yêu cầu hợp lệ (ngày nhận không tính). “Ngày làm việc” không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết. Nơi luật chỉ ghi “ngày” (không ghi “ngày làm việc”), thời hạn được hiểu là ngày theo lịch: tính cả ngày nghỉ; nếu ngày cuối cùng là ngày nghỉ thì hạn là ngày làm việc kế tiếp.</p>",
        regime.instrument().name_vi()
    );
    if provisional {
        let _ = writeln!(
            out,
            "<p class=\"tc-warning\"><strong>Lưu ý: các thời hạn dưới đây là giá trị tạm tính.</strong> Yêu cầu nhận từ ngày 01/09/2026 thuộc {}: thời hạn của luật mới chưa được mã hóa, đang tạm tính theo Luật 104/2016/QH13 và có thể ngắn hơn. Hãy kiểm tra văn bản luật mới trước khi dựa vào các con số này.</p>",
            regime.instrument().name_vi()
        );
    }
    let _ = write!(
        out,
        "<div class=\"tc-table-wrap\" role=\"region\" aria-labelledby=\"{cid}\" tabindex=\"0\">\n<table class=\"tc-table tc-deadline-rules\">\n<caption id=\"{cid}\">Thời hạn theo cách gửi và loại yêu cầu — {}{}</caption>\n<thead><tr><th scope=\"col\">Cách gửi yêu cầu</th><th scope=\"col\">Loại yêu cầu</th><th scope=\"col\">Thông báo bằng văn bản về thời hạn</th><th scope=\"col\">Cung cấp thông tin hoặc từ chối</th><th scope=\"col\">Gia hạn</th><th scope=\"col\">Căn cứ</th></tr></thead>\n<tbody>\n",
        regime.instrument().name_vi(),
        if provisional { " (tạm tính)" } else { "" }
    );
    for (chs, simple, (notice, provide, ext)) in &groups {
        let label = capitalised(
            &chs.iter()
                .map(|c| c.label_vi())
                .collect::<Vec<_>>()
                .join(" hoặc "),
        );
        for complex in [false, true] {
            out.push_str("<tr><th scope=\"row\">");
            push_escaped(&mut out, &label);
            out.push_str("</th><th scope=\"row\">");
            out.push_str(if complex {
                "Phức tạp (phải tập hợp từ nhiều đơn vị hoặc hỏi ý kiến cơ quan khác)"
            } else {
                "Đơn giản, thông tin có sẵn"
            });
            out.push_str("</th><td>");
            let used: Vec<&PeriodRule> = if complex {
                [*notice, *provide, *ext].into_iter().flatten().collect()
            } else {
                vec![*simple]
            };
            if !complex {
                out.push_str("Không áp dụng</td><td>");
                rule_cell(&mut out, simple, false);
                out.push_str("</td><td>Không áp dụng</td><td>");
            } else {
                match notice {
                    Some(r) => rule_cell(&mut out, r, false),
                    None => out.push_str("Không có bước này"),
                }
                out.push_str("</td><td>");
                if let Some(r) = provide {
                    rule_cell(&mut out, r, false);
                }
                out.push_str("</td><td>");
                match ext {
                    Some(r) => {
                        rule_cell(&mut out, r, true);
                        out.push_str(", tính từ khi hết thời hạn cung cấp; phải thông báo bằng văn bản trước khi hết thời hạn đó");
                    }
                    None => out.push_str("Không có quy định"),
                }
                out.push_str("</td><td>");
            }
            let mut cites: Vec<&crate::law::Citation> = Vec::new();
            for r in &used {
                if !cites.contains(&&r.citation) {
                    cites.push(&r.citation);
                }
            }
            for (i, c) in cites.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                push_escaped(&mut out, &c.to_vietnamese());
                out.push_str(" (<span lang=\"en\">");
                push_escaped(&mut out, &c.to_string());
                out.push_str("</span>)");
            }
            if used.iter().any(|r| r.status == ValueStatus::CarriedOver) {
                out.push_str(". <em>Quy định của luật cũ, tạm áp dụng.</em>");
            }
            out.push_str("</td></tr>\n");
        }
    }
    out.push_str("</tbody>\n</table>\n</div>\n</section>\n");
    Ok(out)
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

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    /// The `<td>` cells of the table row whose headers start with `row`.
    fn cells(html: &str, row: &str) -> Vec<String> {
        let tr = html
            .split("<tr>")
            .find(|t| t.starts_with(&format!("<th scope=\"row\">{row}")))
            .unwrap_or_else(|| panic!("no row {row}"));
        tr.split("<td>")
            .skip(1)
            .map(|c| c.split("</td>").next().unwrap().to_string())
            .collect()
    }

    #[test]
    fn deadline_table_law104_values_from_law_md() {
        // LAW.md §5.8 (Law104 regime), a request received Mon 3 Mar 2025.
        let html = render_deadline_table(
            &RuleTable::builtin(),
            d(2025, 3, 3),
            &RenderOptions::default(),
        )
        .unwrap();
        assert!(html.contains("<caption id=\"tc-deadline-table-caption\">Thời hạn theo cách gửi và loại yêu cầu — Luật Tiếp cận thông tin 2016</caption>"));
        assert!(html.contains("<th scope=\"col\">Gia hạn</th>"));
        assert!(!html.contains("tạm tính"), "Law 104 values are verified");
        // DL-IP-SIMPLE: immediately, Art. 29(1).
        let c = cells(&html, "Trực tiếp tại trụ sở</th><th scope=\"row\">Đơn giản");
        assert_eq!(c[1], "Ngay");
        assert!(c[3].starts_with("khoản 1 Điều 29 Luật Tiếp cận thông tin 2016 (<span lang=\"en\">Law 104/2016/QH13, Art. 29(1)</span>)"), "{}", c[3]);
        // DL-IP-COMPLEX / DL-IP-EXT: 10 wd, extension ≤ 10 wd; no notice step.
        let c = cells(&html, "Trực tiếp tại trụ sở</th><th scope=\"row\">Phức tạp");
        assert_eq!(c[0], "Không có bước này");
        assert_eq!(c[1], "10 ngày làm việc");
        assert!(c[2].starts_with("Tối đa 10 ngày làm việc, tính từ khi hết thời hạn cung cấp"));
        assert!(c[3].contains("đoạn 1 khoản 2 Điều 29 Luật Tiếp cận thông tin 2016"));
        assert!(c[3].contains("Law 104/2016/QH13, Art. 29(2) para. 2"));
        // DL-EL-SIMPLE: 3 wd, Art. 30(3).
        let c = cells(&html, "Qua mạng điện tử</th><th scope=\"row\">Đơn giản");
        assert_eq!(c[1], "3 ngày làm việc");
        assert!(c[3].contains("khoản 3 Điều 30"));
        // DL-EL-NOTICE / DL-EL-COMPLEX: 3 and 15 wd; DL-EL-EXT: 15 "ngày".
        let c = cells(&html, "Qua mạng điện tử</th><th scope=\"row\">Phức tạp");
        assert_eq!(c[0], "3 ngày làm việc");
        assert_eq!(c[1], "15 ngày làm việc");
        assert!(c[2].starts_with("Tối đa 15 ngày theo lịch (văn bản ghi “ngày”)"));
        assert!(c[3].contains("đoạn 2 khoản 4 Điều 30 Luật Tiếp cận thông tin 2016"));
        // Post and fax share the rows of Art. 31: DL-PF-SIMPLE 5 wd.
        let c = cells(
            &html,
            "Qua dịch vụ bưu chính hoặc qua fax</th><th scope=\"row\">Đơn giản",
        );
        assert_eq!(c[1], "5 ngày làm việc");
        assert!(c[3].contains("khoản 1 Điều 31"));
        let c = cells(
            &html,
            "Qua dịch vụ bưu chính hoặc qua fax</th><th scope=\"row\">Phức tạp",
        );
        assert_eq!(
            (c[0].as_str(), c[1].as_str()),
            ("3 ngày làm việc", "15 ngày làm việc")
        );
        assert!(c[3].contains("đoạn 2 khoản 2 Điều 31"));
        assert_eq!(html.matches("<tr><th scope=\"row\">").count(), 6);
        // The last day of Law 104 is still Law 104.
        let last = render_deadline_table(
            &RuleTable::builtin(),
            d(2026, 8, 31),
            &RenderOptions::default(),
        )
        .unwrap();
        assert!(!last.contains("tạm tính"));
    }

    #[test]
    fn deadline_table_from_2026_09_01_is_provisional_everywhere() {
        // LAW.md §8.3: the amended Law's periods are unknown; Law 104's are
        // carried over and marked provisional, as the clock marks them.
        let html = render_deadline_table(
            &RuleTable::builtin(),
            d(2026, 9, 1),
            &RenderOptions::default(),
        )
        .unwrap();
        assert!(html.contains("<p class=\"tc-warning\"><strong>Lưu ý: các thời hạn dưới đây là giá trị tạm tính.</strong>"));
        assert!(html.contains("Luật Tiếp cận thông tin (sửa đổi) 2026 (tạm tính)</caption>"));
        assert!(html.contains("có thể ngắn hơn"));
        let c = cells(&html, "Qua mạng điện tử</th><th scope=\"row\">Phức tạp");
        assert_eq!(c[1], "15 ngày làm việc <em>(tạm tính)</em>");
        assert!(c[3].ends_with("<em>Quy định của luật cũ, tạm áp dụng.</em>"));
        // No number is ever shown as settled.
        for td in html.split("<td>").skip(1) {
            let td = td.split("</td>").next().unwrap();
            if td.contains("ngày") || td == "Ngay" || td.starts_with("Ngay") {
                assert!(td.contains("(tạm tính)"), "{td}");
            }
        }
        // The clock agrees: the same date gives provisional milestones.
        let rules = RuleTable::builtin();
        let clock = Clock::new(WorkingCalendar::official(), &rules);
        let s = clock
            .schedule(&Request::new(
                Received::Date(d(2026, 9, 1)),
                Channel::Electronic,
                Complexity::Complex,
            ))
            .unwrap();
        assert!(s.milestones.iter().all(|m| m.provisional));
    }

    #[test]
    fn deadline_table_errors_before_the_law() {
        assert!(matches!(
            render_deadline_table(
                &RuleTable::builtin(),
                d(2018, 6, 30),
                &RenderOptions::default()
            ),
            Err(DeadlineError::NoRegime { .. })
        ));
    }

    #[test]
    fn calculator_form_action_or_noscript_note() {
        let html = render_deadline_form(&RenderOptions::default());
        assert!(html.contains("method=\"get\" novalidate>"));
        assert!(html
            .contains("class=\"tc-hint tc-deadline-noscript\">Máy tính thời hạn cần JavaScript"));
        let html = render_deadline_form(&RenderOptions {
            form_action: "/tiep-can/thoi-han".into(),
            ..RenderOptions::default()
        });
        assert!(html.contains("method=\"get\" novalidate action=\"/tiep-can/thoi-han\">"));
        assert!(!html.contains("tc-deadline-noscript"));
        // A script address is never an action.
        let html = render_deadline_form(&RenderOptions {
            form_action: "javascript:alert(1)".into(),
            ..RenderOptions::default()
        });
        assert!(!html.contains("action="));
        assert!(html.contains("tc-deadline-noscript"));
    }
}
