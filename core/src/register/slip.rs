//! The request slip (Phiếu yêu cầu cung cấp thông tin, Forms 01a/01b) and its
//! checks (Law 104/2016/QH13, Arts 4, 24(2)–(3), 36; Decree 13/2018/NĐ-CP,
//! Art. 4; LAW.md §2.1, §5.2).

use serde::{Deserialize, Serialize};

use crate::law::{Citation, ConditionalGround, LegalForm, ProvisionCase, SlipItem, SLIP_CONTENT};
use crate::validate::{Diagnostic, Location, Message};

/// Tư cách người yêu cầu — in what capacity the person who signs the slip
/// acts (Law 104/2016/QH13, Arts 4, 24(1)(a)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequesterCapacity {
    /// Tự mình — an adult citizen acting for themself (Art. 4(1)).
    #[default]
    Own,
    /// Người chưa đủ 18 tuổi tự yêu cầu — a person under 18 acting
    /// personally; the law wants a legal representative (Art. 4(3)).
    Minor,
    /// Người đại diện theo pháp luật — legal representative of a person under
    /// 18 or without civil act capacity (Art. 4(2) para. 1, 4(3)).
    LegalRepresentative,
    /// Người giám hộ — guardian of a person with difficulty perceiving or
    /// controlling their acts (Art. 4(2) para. 2).
    Guardian,
    /// Người được ủy quyền — authorised person (Art. 24(1)(a)).
    Authorised,
}

impl RequesterCapacity {
    /// snake_case code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Own => "own",
            Self::Minor => "minor",
            Self::LegalRepresentative => "legal_representative",
            Self::Guardian => "guardian",
            Self::Authorised => "authorised",
        }
    }

    /// Parse a code or a Vietnamese phrase (diacritics optional); an empty
    /// text is [`RequesterCapacity::Own`].
    pub fn parse(s: &str) -> Option<RequesterCapacity> {
        let k = crate::text::fold_key(s).replace(['-', '_'], " ");
        Some(match k.trim() {
            "" | "own" | "tu minh" | "ca nhan" | "ban than" | "self" => Self::Own,
            "minor" | "duoi 18" | "duoi 18 tuoi" | "chua du 18 tuoi" | "nguoi chua thanh nien" => {
                Self::Minor
            }
            "legal representative"
            | "dai dien"
            | "dai dien theo phap luat"
            | "nguoi dai dien theo phap luat" => Self::LegalRepresentative,
            "guardian" | "giam ho" | "nguoi giam ho" => Self::Guardian,
            "authorised" | "authorized" | "uy quyen" | "nguoi duoc uy quyen" => Self::Authorised,
            _ => return None,
        })
    }

    fn acts_for_another(self) -> bool {
        matches!(
            self,
            Self::LegalRepresentative | Self::Guardian | Self::Authorised
        )
    }
}

/// One person on the requester list of a Form 01b request through an
/// organisation (Danh sách người yêu cầu; Decree 13/2018/NĐ-CP, Art. 4).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListedRequester {
    /// Họ và tên — full name.
    pub name: String,
    /// Số CMND / CCCD / hộ chiếu — ID, citizen-identity-card or passport number.
    pub id_number: String,
    /// Lý do, mục đích — reason and purpose.
    pub reason_purpose: String,
}

/// Phiếu yêu cầu cung cấp thông tin — the request slip, Form 01a (an
/// individual) or 01b (through an organisation), with the contents of
/// Law 104/2016/QH13, Art. 24(2).
///
/// Empty strings and `None` both mean "not given".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestSlip {
    /// Form 01a or 01b (LAW.md A24).
    #[serde(default = "default_form")]
    pub form: LegalForm,
    /// Họ và tên — full name (Art. 24(2)(a)).
    #[serde(default)]
    pub name: String,
    /// Nơi cư trú, địa chỉ — place of residence and address (Art. 24(2)(a)).
    #[serde(default)]
    pub address: String,
    /// Số CMND / CCCD / hộ chiếu (Art. 24(2)(a)).
    #[serde(default)]
    pub id_number: String,
    /// Điện thoại, fax, thư điện tử — contacts, "if any" (Art. 24(2)(a)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// Thông tin yêu cầu cung cấp — the information requested (Art. 24(2)(b)).
    #[serde(default)]
    pub information: String,
    /// Tên văn bản, hồ sơ, tài liệu — the document, file or record named
    /// (Art. 24(2)(b); Decree 13/2018/NĐ-CP, Art. 8(3)).
    #[serde(default)]
    pub document: String,
    /// Hình thức cung cấp — form of provision wanted (Art. 24(2)(c)).
    #[serde(default)]
    pub form_of_provision: String,
    /// Lý do, mục đích — reason and purpose (Art. 24(2)(d)).
    #[serde(default)]
    pub reason_purpose: String,
    /// Capacity of the signer (Art. 4).
    #[serde(default)]
    pub capacity: RequesterCapacity,
    /// For a representative, guardian or authorised person: whom they act for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acting_for: Option<String>,
    /// Người nước ngoài cư trú tại Việt Nam — resident foreigner (Art. 36(1)).
    #[serde(default)]
    pub foreign_resident: bool,
    /// Organisation, union or enterprise for a Form 01b request (Art. 36(2)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Requester list of a Form 01b request (Decree 13/2018/NĐ-CP, Art. 4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requester_list: Vec<ListedRequester>,
    /// The Art. 7 ground when conditionally accessible information is requested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditional: Option<ConditionalGround>,
    /// Văn bản chấp thuận — the written consent attached (Form 06; Art. 24(3)):
    /// its number or description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<String>,
    /// The head's Art. 7(3) decision (public interest or community health),
    /// which stands in for consent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head_decision: Option<String>,
    /// The Art. 23 case the request falls under, when recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provision_case: Option<ProvisionCase>,
}

fn default_form() -> LegalForm {
    LegalForm::Form01a
}

impl Default for RequestSlip {
    fn default() -> Self {
        RequestSlip {
            form: LegalForm::Form01a,
            name: String::new(),
            address: String::new(),
            id_number: String::new(),
            contact: None,
            information: String::new(),
            document: String::new(),
            form_of_provision: String::new(),
            reason_purpose: String::new(),
            capacity: RequesterCapacity::Own,
            acting_for: None,
            foreign_resident: false,
            organisation: None,
            requester_list: Vec::new(),
            conditional: None,
            consent: None,
            head_decision: None,
            provision_case: None,
        }
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn blank_opt(s: &Option<String>) -> bool {
    s.as_deref().map(blank).unwrap_or(true)
}

impl RequestSlip {
    /// Check the slip: the Art. 24(2) contents (`R-REQ-FIELDS`), the Form 06
    /// consent for Art. 7 information (`R-REQ-CONSENT`), the requester list
    /// of a Form 01b request (`R-REQ-ORG`), the signer's capacity
    /// (`R-REQUESTER-CAPACITY`, warning) and a resident foreigner's scope
    /// (`R-FOREIGNER-SCOPE`, warning). Each finding says what is missing,
    /// why, and the provision; `at` is the location of the slip (a row, a
    /// JSON pointer) and each finding adds the field.
    ///
    /// A slip with an `error` finding is incomplete: it gets guidance
    /// (Art. 26(2)) and starts no clock ([`RequestSlip::is_complete`]).
    ///
    /// ```
    /// use tiepcan::register::RequestSlip;
    /// use tiepcan::validate::Location;
    /// let slip = RequestSlip { name: "Nguyễn Văn A".into(), ..RequestSlip::default() };
    /// let found = slip.validate(&Location::row(2));
    /// assert!(found.iter().any(|d| d.rule == "R-REQ-FIELDS"
    ///     && d.location.column.as_deref() == Some("id_number")));
    /// ```
    pub fn validate(&self, at: &Location) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let field = |f: &str| at.clone().with_column(f);
        // Art. 24(2): every required item of SLIP_CONTENT, in the
        // register's column; the optional contacts are kept in `contact`.
        for c in SLIP_CONTENT.iter().filter(|c| c.required) {
            let (name, value) = match c.item {
                SlipItem::FullName => ("name", &self.name),
                SlipItem::Residence => ("address", &self.address),
                SlipItem::IdNumber => ("id_number", &self.id_number),
                SlipItem::Information => ("information", &self.information),
                SlipItem::Document => ("document", &self.document),
                SlipItem::FormOfProvision => ("form_of_provision", &self.form_of_provision),
                SlipItem::ReasonPurpose => ("reason_purpose", &self.reason_purpose),
                SlipItem::Phone | SlipItem::Fax | SlipItem::Email => continue,
            };
            let (vi, en, cit) = (c.name_vi, c.name_en, c.citation());
            if blank(value) {
                out.push(
                    Diagnostic::new(
                        "R-REQ-FIELDS",
                        field(name),
                        None,
                        Message::new(
                            format!("Phiếu yêu cầu thiếu {vi}: phiếu chưa hợp lệ, cần hướng dẫn bổ sung"),
                            format!("The request slip lacks the {en}: it is incomplete and needs guidance"),
                        ),
                    )
                    .with_citation(cit),
                );
            }
        }
        if let Some(g) = self.conditional {
            if blank_opt(&self.consent) && blank_opt(&self.head_decision) {
                out.push(Diagnostic::new(
                    "R-REQ-CONSENT",
                    field("consent"),
                    Some(g.label_vi().to_string()),
                    Message::new(
                        format!(
                            "Thông tin có điều kiện ({}) nhưng không kèm văn bản chấp thuận (Mẫu 06) của {} hoặc quyết định của người đứng đầu theo khoản 3 Điều 7",
                            g.label_vi(),
                            g.consent_holder().label_vi()
                        ),
                        format!(
                            "Conditionally accessible information ({}) without the written consent (Form 06) of {} or a head's decision under Art. 7(3)",
                            g.label_en(),
                            g.consent_holder().label_en()
                        ),
                    ),
                ));
            }
        }
        if self.form == LegalForm::Form01b {
            if blank_opt(&self.organisation) {
                out.push(Diagnostic::new(
                    "R-REQ-ORG",
                    field("organisation"),
                    None,
                    Message::new(
                        "Phiếu Mẫu 01b không ghi tên tổ chức, đoàn thể, doanh nghiệp",
                        "Form 01b slip does not name the organisation, union or enterprise",
                    ),
                ));
            }
            if self.requester_list.is_empty() {
                out.push(Diagnostic::new(
                    "R-REQ-ORG",
                    field("requester_list"),
                    None,
                    Message::new(
                        "Phiếu Mẫu 01b không kèm danh sách người yêu cầu",
                        "Form 01b slip has no requester list",
                    ),
                ));
            }
            for (i, r) in self.requester_list.iter().enumerate() {
                if blank(&r.name) || blank(&r.id_number) || blank(&r.reason_purpose) {
                    out.push(Diagnostic::new(
                        "R-REQ-ORG",
                        field(&format!("requester_list[{}]", i + 1)),
                        Some(r.name.clone()),
                        Message::new(
                            format!("Người thứ {} trong danh sách thiếu họ tên, số giấy tờ hoặc lý do, mục đích", i + 1),
                            format!("Person {} on the requester list lacks a name, an ID number or a reason and purpose", i + 1),
                        ),
                    ));
                }
            }
        }
        match self.capacity {
            RequesterCapacity::Minor => out.push(
                Diagnostic::new(
                    "R-REQUESTER-CAPACITY",
                    field("capacity"),
                    Some(self.capacity.code().into()),
                    Message::new(
                        "Người chưa đủ 18 tuổi yêu cầu thông qua người đại diện theo pháp luật, trừ khi luật khác quy định",
                        "A person under 18 requests through a legal representative unless another law provides otherwise",
                    ),
                )
                .with_citation(Citation::law104(4).clause(3)),
            ),
            c if c.acts_for_another() && blank_opt(&self.acting_for) => out.push(Diagnostic::new(
                "R-REQUESTER-CAPACITY",
                field("acting_for"),
                Some(c.code().into()),
                Message::new(
                    "Người đại diện, giám hộ hoặc được ủy quyền không ghi người được đại diện",
                    "A representative, guardian or authorised person does not say whom they act for",
                ),
            )),
            _ => {}
        }
        if self.foreign_resident && self.provision_case != Some(ProvisionCase::OwnAffairs) {
            out.push(Diagnostic::new(
                "R-FOREIGNER-SCOPE",
                field("foreign_resident"),
                None,
                Message::new(
                    "Người nước ngoài cư trú tại Việt Nam chỉ được yêu cầu thông tin liên quan trực tiếp đến quyền, nghĩa vụ của mình; phiếu không ghi như vậy",
                    "A resident foreigner may request only information directly related to their own rights and obligations; the slip does not record that it is",
                ),
            ));
        }
        out
    }

    /// Whether the slip has no `error` finding, i.e. a request on it can be
    /// valid and start the clock (Art. 26(2); LAW.md §5.4).
    pub fn is_complete(&self) -> bool {
        self.validate(&Location::whole())
            .iter()
            .all(|d| d.severity != crate::validate::Severity::Error)
    }
}
