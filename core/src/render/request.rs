//! The request slip (Phiếu yêu cầu cung cấp thông tin, Decree 13/2018/NĐ-CP
//! Form 01a) as an accessible form, and its field checks (Law 104/2016/QH13,
//! Art. 24(2)).

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::{push_escaped, RenderOptions};
use crate::law::SlipItem;
use crate::validate::Message;

/// Hình thức cung cấp thông tin — how the requester wants the information
/// provided (Law 104/2016/QH13, Art. 24(2)(c); the ways of Art. 25).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProvisionForm {
    /// At the agency's office: read, view, listen, note, copy, photograph
    /// (Art. 25; Art. 29(1)).
    AtOffice,
    /// By electronic network (Art. 25; Art. 30).
    Electronic,
    /// By postal service (Art. 25).
    Postal,
    /// By fax (Art. 25).
    Fax,
}

impl ProvisionForm {
    /// The four ways, in the order of Art. 25.
    pub const ALL: [ProvisionForm; 4] = [
        ProvisionForm::AtOffice,
        ProvisionForm::Electronic,
        ProvisionForm::Postal,
        ProvisionForm::Fax,
    ];

    /// `at_office`, `electronic`, `postal`, `fax`.
    pub fn code(self) -> &'static str {
        match self {
            ProvisionForm::AtOffice => "at_office",
            ProvisionForm::Electronic => "electronic",
            ProvisionForm::Postal => "postal",
            ProvisionForm::Fax => "fax",
        }
    }

    /// Vietnamese label.
    pub fn label_vi(self) -> &'static str {
        match self {
            ProvisionForm::AtOffice => {
                "Tại trụ sở cơ quan (đọc, xem, nghe, ghi chép, sao chép, chụp tài liệu)"
            }
            ProvisionForm::Electronic => "Qua mạng điện tử",
            ProvisionForm::Postal => "Qua dịch vụ bưu chính",
            ProvisionForm::Fax => "Qua fax",
        }
    }

    /// Parse a code.
    pub fn parse(s: &str) -> Option<ProvisionForm> {
        Self::ALL.into_iter().find(|f| f.code() == s.trim())
    }
}

/// What a requester typed into the request slip, field by field, as text
/// (Law 104/2016/QH13, Art. 24(2); Decree 13/2018/NĐ-CP Form 01a). Field
/// names are the `name` attributes of the rendered form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RequestSlipInput {
    /// Họ và tên — full name (24(2)(a), required).
    pub full_name: String,
    /// Nơi cư trú, địa chỉ — place of residence and address (24(2)(a), required).
    pub residence: String,
    /// Số CMND / CCCD / hộ chiếu — identity document number (24(2)(a), required).
    pub id_number: String,
    /// Số điện thoại — phone (24(2)(a), "if any").
    pub phone: String,
    /// Số fax (24(2)(a), "if any").
    pub fax: String,
    /// Thư điện tử — e-mail (24(2)(a), "if any").
    pub email: String,
    /// Thông tin yêu cầu — the information requested, naming the document,
    /// file or record (24(2)(b), required).
    pub information: String,
    /// Hình thức cung cấp — form of provision code, see [`ProvisionForm`]
    /// (24(2)(c), required).
    pub provision_form: String,
    /// Lý do, mục đích — reason and purpose (24(2)(d), required).
    pub reason: String,
}

/// A problem with one field of the request slip (rule `R-REQ-FIELDS`,
/// Law 104/2016/QH13, Art. 24(2)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// Field name (`"full_name"`), as in [`RequestSlipInput`].
    pub field: String,
    /// What is wrong and how to fix it.
    pub message: Message,
}

struct FieldSpec {
    key: &'static str,
    label: &'static str,
    hint: Option<&'static str>,
    /// The Art. 24(2) item the field holds; whether it is required comes
    /// from [`SLIP_CONTENT`].
    item: SlipItem,
    autocomplete: Option<&'static str>,
    input_type: &'static str,
}

/// The web form's fields in order: `(name, Vietnamese label, Art. 24(2)
/// item)`. Whether a field is required is the item's
/// [`SlipContent::required`](crate::law::SlipContent::required); the
/// `information` field also names the document (Art. 24(2)(b)), as its hint
/// says.
pub const REQUEST_FIELDS: [(&str, &str, SlipItem); 9] = [
    ("full_name", "Họ và tên", SlipItem::FullName),
    ("residence", "Nơi cư trú, địa chỉ", SlipItem::Residence),
    (
        "id_number",
        "Số chứng minh nhân dân, căn cước công dân hoặc hộ chiếu",
        SlipItem::IdNumber,
    ),
    ("phone", "Số điện thoại", SlipItem::Phone),
    ("fax", "Số fax", SlipItem::Fax),
    ("email", "Thư điện tử", SlipItem::Email),
    (
        "information",
        "Thông tin yêu cầu cung cấp",
        SlipItem::Information,
    ),
    (
        "provision_form",
        "Hình thức cung cấp thông tin",
        SlipItem::FormOfProvision,
    ),
    (
        "reason",
        "Lý do, mục đích yêu cầu cung cấp thông tin",
        SlipItem::ReasonPurpose,
    ),
];

const SPECS: [FieldSpec; 9] = [
    FieldSpec {
        key: "full_name",
        label: REQUEST_FIELDS[0].1,
        hint: None,
        item: REQUEST_FIELDS[0].2,
        autocomplete: Some("name"),
        input_type: "text",
    },
    FieldSpec {
        key: "residence",
        label: REQUEST_FIELDS[1].1,
        hint: Some("Ví dụ: số nhà, đường, xã/phường, tỉnh/thành phố."),
        item: REQUEST_FIELDS[1].2,
        autocomplete: Some("street-address"),
        input_type: "text",
    },
    FieldSpec {
        key: "id_number",
        label: REQUEST_FIELDS[2].1,
        hint: Some(
            "Chỉ gồm chữ và số, từ 8 đến 12 ký tự (CMND 9 số, CCCD 12 số, hộ chiếu 8 ký tự).",
        ),
        item: REQUEST_FIELDS[2].2,
        autocomplete: None,
        input_type: "text",
    },
    FieldSpec {
        key: "phone",
        label: REQUEST_FIELDS[3].1,
        hint: None,
        item: REQUEST_FIELDS[3].2,
        autocomplete: Some("tel"),
        input_type: "tel",
    },
    FieldSpec {
        key: "fax",
        label: REQUEST_FIELDS[4].1,
        hint: None,
        item: REQUEST_FIELDS[4].2,
        autocomplete: None,
        input_type: "tel",
    },
    FieldSpec {
        key: "email",
        label: REQUEST_FIELDS[5].1,
        hint: None,
        item: REQUEST_FIELDS[5].2,
        autocomplete: Some("email"),
        input_type: "email",
    },
    FieldSpec {
        key: "information",
        label: REQUEST_FIELDS[6].1,
        hint: Some(
            "Nêu rõ tên văn bản, hồ sơ, tài liệu; nếu biết, ghi cả số, ký hiệu và ngày ban hành.",
        ),
        item: REQUEST_FIELDS[6].2,
        autocomplete: None,
        input_type: "textarea",
    },
    FieldSpec {
        key: "provision_form",
        label: REQUEST_FIELDS[7].1,
        hint: None,
        item: REQUEST_FIELDS[7].2,
        autocomplete: None,
        input_type: "radio",
    },
    FieldSpec {
        key: "reason",
        label: REQUEST_FIELDS[8].1,
        hint: None,
        item: REQUEST_FIELDS[8].2,
        autocomplete: None,
        input_type: "textarea",
    },
];

impl FieldSpec {
    fn required(&self) -> bool {
        self.item.content().required
    }
}

fn value<'a>(i: &'a RequestSlipInput, key: &str) -> &'a str {
    match key {
        "full_name" => &i.full_name,
        "residence" => &i.residence,
        "id_number" => &i.id_number,
        "phone" => &i.phone,
        "fax" => &i.fax,
        "email" => &i.email,
        "information" => &i.information,
        "provision_form" => &i.provision_form,
        "reason" => &i.reason,
        _ => "",
    }
}

fn phone_ok(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (8..=15).contains(&digits)
        && s.chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c))
}

/// Check the slip's fields (rule `R-REQ-FIELDS`, Law 104/2016/QH13,
/// Art. 24(2)): full name, residence and address, identity document number,
/// the information requested, the form of provision and the reason and
/// purpose are required; phone, fax and e-mail are optional ("nếu có") but,
/// when given, must look like one. Returns one error per field at most, in
/// form order; empty when the slip can be sent.
///
/// ```
/// use tiepcan::render::{check_request_slip, RequestSlipInput};
/// let errs = check_request_slip(&RequestSlipInput { full_name: "Nguyễn Văn A".into(), ..Default::default() });
/// assert_eq!(errs.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(),
///            ["residence", "id_number", "information", "provision_form", "reason"]);
/// ```
pub fn check_request_slip(input: &RequestSlipInput) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let mut err = |field: &str, vi: String, en: String| {
        errs.push(FieldError {
            field: field.to_string(),
            message: Message::new(vi, en),
        })
    };
    for s in &SPECS {
        let v = value(input, s.key).trim();
        if v.is_empty() {
            if s.required() {
                if s.key == "provision_form" {
                    err(
                        s.key,
                        "Chọn hình thức cung cấp thông tin".into(),
                        "Choose how the information is to be provided".into(),
                    );
                } else {
                    err(
                        s.key,
                        format!("Nhập {}", lower_first(s.label)),
                        format!("Enter the {}", s.item.content().name_en),
                    );
                }
            }
            continue;
        }
        match s.key {
            "id_number" => {
                let ok = (8..=12).contains(&v.chars().count())
                    && v.chars().all(|c| c.is_ascii_alphanumeric());
                if !ok {
                    err(
                        s.key,
                        "Số giấy tờ chỉ gồm chữ và số, từ 8 đến 12 ký tự".into(),
                        "The identity document number has 8 to 12 letters and digits".into(),
                    );
                }
            }
            "phone" | "fax" if !phone_ok(v) => err(
                s.key,
                format!(
                    "{} chỉ gồm chữ số (8 đến 15 số), có thể có dấu +, -, ( ), khoảng trắng",
                    s.label
                ),
                format!("The {} has 8 to 15 digits", s.item.content().name_en),
            ),
            "email" => {
                let ok = match v.split_once('@') {
                    Some((a, d)) => {
                        !a.is_empty()
                            && d.contains('.')
                            && !d.starts_with('.')
                            && !d.ends_with('.')
                            && !v.contains(char::is_whitespace)
                            && !d.contains('@')
                    }
                    None => false,
                };
                if !ok {
                    err(
                        s.key,
                        "Nhập thư điện tử đúng dạng, ví dụ ten@example.vn".into(),
                        "Enter an e-mail address like name@example.vn".into(),
                    );
                }
            }
            "provision_form" if ProvisionForm::parse(v).is_none() => err(
                s.key,
                "Chọn một hình thức cung cấp thông tin trong danh sách".into(),
                "Choose one of the listed forms of provision".into(),
            ),
            _ => {}
        }
    }
    errs
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => crate::text::lower_char(f).chain(c).collect(),
        None => String::new(),
    }
}

/// Render the request slip as a form inside `<section class="tc-root
/// tc-request" lang="vi">`: each field with a `<label>`, a hint, "(bắt buộc)"
/// or "(không bắt buộc)" in the label text, `autocomplete` where the field has
/// a purpose (WCAG 1.3.5), the form of provision as radio buttons in a
/// `<fieldset>`. With `errors`, a GOV.UK-style error summary (heading, links
/// to each field; `tabindex="-1"` so a script can move focus to it) comes
/// first, and each field in error gets its message ("Lỗi: …"),
/// `aria-invalid="true"` and `aria-describedby` naming hint and message.
/// Values are kept and escaped.
pub fn render_request_form(
    input: &RequestSlipInput,
    errors: &[FieldError],
    opts: &RenderOptions,
) -> String {
    let lvl = opts.h();
    let hid = opts.id("request-heading");
    let mut out = String::with_capacity(6000);
    let _ = write!(
        out,
        "<section class=\"tc-root tc-request\" lang=\"vi\" aria-labelledby=\"{hid}\">\n<h{lvl} id=\"{hid}\">Phiếu yêu cầu cung cấp thông tin</h{lvl}>\n"
    );
    out.push_str("<p class=\"tc-hint\">Theo khoản 2 Điều 24 Luật Tiếp cận thông tin và Mẫu 01a Nghị định 13/2018/NĐ-CP. Các trường có ghi “(bắt buộc)” phải điền.</p>\n");
    if !errors.is_empty() {
        let sid = opts.id("error-summary-title");
        let _ = write!(
            out,
            "<div class=\"tc-error-summary\" id=\"{}\" aria-labelledby=\"{sid}\" tabindex=\"-1\">\n<h{s} id=\"{sid}\">Có {} lỗi cần sửa</h{s}>\n<ul>\n",
            opts.id("error-summary"),
            errors.len(),
            s = (lvl + 1).min(6)
        );
        for e in errors {
            let target = if e.field == "provision_form" {
                opts.id("provision_form-at_office")
            } else {
                opts.id(&e.field)
            };
            let _ = write!(out, "<li><a href=\"#{target}\">");
            push_escaped(&mut out, &e.message.vi);
            out.push_str("</a></li>\n");
        }
        out.push_str("</ul>\n</div>\n");
    }
    out.push_str("<form class=\"tc-form\" method=\"post\" novalidate");
    if let Some(a) = super::safe_href(&opts.form_action) {
        out.push_str(" action=\"");
        push_escaped(&mut out, a);
        out.push('"');
    }
    out.push_str(">\n");
    for s in &SPECS {
        let err = errors.iter().find(|e| e.field == s.key);
        let id = opts.id(s.key);
        let hint_id = opts.id(&format!("{}-hint", s.key));
        let err_id = opts.id(&format!("{}-error", s.key));
        let req = if s.required() {
            " <span class=\"tc-required\">(bắt buộc)</span>"
        } else {
            " <span class=\"tc-optional\">(không bắt buộc)</span>"
        };
        let mut described = Vec::new();
        if s.hint.is_some() {
            described.push(hint_id.clone());
        }
        if err.is_some() {
            described.push(err_id.clone());
        }
        let cls = if err.is_some() {
            "tc-field tc-field-error"
        } else {
            "tc-field"
        };
        let v = value(input, s.key);
        if s.input_type == "radio" {
            let _ = write!(out, "<fieldset class=\"{cls}\"");
            if !described.is_empty() {
                let _ = write!(out, " aria-describedby=\"{}\"", described.join(" "));
            }
            let _ = write!(out, ">\n<legend>{}{req}</legend>\n", s.label);
            push_error(&mut out, err, &err_id);
            for f in ProvisionForm::ALL {
                let rid = opts.id(&format!("provision_form-{}", f.code()));
                let _ = writeln!(
                    out,
                    "<div><input type=\"radio\" name=\"provision_form\" id=\"{rid}\" value=\"{}\"{}{}> <label for=\"{rid}\">{}</label></div>",
                    f.code(),
                    if v == f.code() { " checked" } else { "" },
                    if s.required() { " required" } else { "" },
                    f.label_vi()
                );
            }
            out.push_str("</fieldset>\n");
            continue;
        }
        let _ = write!(
            out,
            "<div class=\"{cls}\">\n<label for=\"{id}\">{}{req}</label>\n",
            s.label
        );
        if let Some(h) = s.hint {
            let _ = writeln!(out, "<p class=\"tc-hint\" id=\"{hint_id}\">{h}</p>");
        }
        push_error(&mut out, err, &err_id);
        let mut attrs = format!("id=\"{id}\" name=\"{}\"", s.key);
        if s.required() {
            attrs.push_str(" required aria-required=\"true\"");
        }
        if let Some(a) = s.autocomplete {
            let _ = write!(attrs, " autocomplete=\"{a}\"");
        }
        if !described.is_empty() {
            let _ = write!(attrs, " aria-describedby=\"{}\"", described.join(" "));
        }
        if err.is_some() {
            attrs.push_str(" aria-invalid=\"true\"");
        }
        if s.input_type == "textarea" {
            let _ = write!(out, "<textarea {attrs} rows=\"4\">");
            push_escaped(&mut out, v);
            out.push_str("</textarea>\n");
        } else {
            let _ = write!(out, "<input type=\"{}\" {attrs} value=\"", s.input_type);
            push_escaped(&mut out, v);
            out.push_str("\">\n");
        }
        out.push_str("</div>\n");
    }
    out.push_str("<button type=\"submit\" class=\"tc-button\">Gửi phiếu yêu cầu</button>\n</form>\n</section>\n");
    out
}

fn push_error(out: &mut String, err: Option<&FieldError>, err_id: &str) {
    if let Some(e) = err {
        let _ = write!(
            out,
            "<p class=\"tc-error-message\" id=\"{err_id}\"><span class=\"tc-vh\">Lỗi:</span> "
        );
        push_escaped(out, &e.message.vi);
        out.push_str("</p>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok() -> RequestSlipInput {
        RequestSlipInput {
            full_name: "Nguyễn Thị Bình".into(),
            residence: "Ấp 3, xã An Hòa, tỉnh An Giang".into(),
            id_number: "089123456789".into(),
            phone: "0296 3 123 456".into(),
            email: "binh@example.vn".into(),
            information: "Quyết định 12/2026/QĐ-UBND".into(),
            provision_form: "electronic".into(),
            reason: "Tìm hiểu quy chế".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_slip_passes() {
        assert_eq!(check_request_slip(&ok()), vec![]);
    }

    #[test]
    fn formats_are_checked_when_given() {
        let mut i = ok();
        i.email = "binh@example".into();
        i.phone = "12".into();
        i.id_number = "08912 3".into();
        i.provision_form = "pigeon".into();
        let f: Vec<_> = check_request_slip(&i)
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(f, ["id_number", "phone", "email", "provision_form"]);
    }

    #[test]
    fn form_with_errors() {
        let i = RequestSlipInput {
            full_name: "\"><script>window.__xss=1</script>".into(),
            ..Default::default()
        };
        let errs = check_request_slip(&i);
        let html = render_request_form(&i, &errs, &RenderOptions::default());
        assert!(html.contains("<h3 id=\"tc-error-summary-title\">Có 5 lỗi cần sửa</h3>"));
        assert!(html.contains("<a href=\"#tc-residence\">Nhập nơi cư trú, địa chỉ</a>"));
        assert!(html.contains("<a href=\"#tc-provision_form-at_office\">"));
        assert!(html.contains("value=\"&quot;&gt;&lt;script&gt;window.__xss=1&lt;/script&gt;\""));
        assert!(html.contains(
            "aria-describedby=\"tc-id_number-hint tc-id_number-error\" aria-invalid=\"true\""
        ));
        assert!(html.contains("<label for=\"tc-full_name\">Họ và tên <span class=\"tc-required\">(bắt buộc)</span></label>"));
    }
}
