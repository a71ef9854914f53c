//! What must be disclosed and how: Art. 17 (content), Art. 18(1) (forms),
//! Art. 19(1) (the portal list) — LAW.md §3.4, §4.1.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Citation, Point};

/// A class of information that must be disclosed — one of the 15 points of
/// Law 104/2016/QH13, Art. 17(1) (a–p, no f or j), or Art. 17(2) for other
/// information an agency chooses to disclose.
///
/// Serialised as its point letter (`"a"`, `"đ"`) or `"17(2)"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Art17Point {
    /// (a) Legal normative documents, general administrative documents, treaties, administrative procedures.
    LegalDocuments,
    /// (b) Dissemination and guidance on law and policy.
    LegalGuidance,
    /// (c) Draft legal documents, consultation results, administrative-unit schemes.
    DraftsAndConsultation,
    /// (d) Strategies, programmes, plans and planning; annual work plans.
    StrategiesAndPlans,
    /// (đ) State budget estimates, reports and final accounts.
    StateBudget,
    /// (e) ODA and aid, relief, social allowances, contributions and funds.
    AidAndFunds,
    /// (g) Public investment, procurement, land planning, prices, recovery, resettlement.
    InvestmentProcurementLand,
    /// (h) State capital in enterprises.
    StateCapitalInEnterprises,
    /// (i) Harmful products and services; environment, health and safety inspections.
    HealthEnvironmentSafety,
    /// (k) Functions, tasks, structure; officials who serve the public; internal rules.
    OrganisationAndDuties,
    /// (l) Periodic reports, financial report, statistics, recruitment, science programmes.
    ReportsAndStatistics,
    /// (m) The disclosure catalog itself and the agency's or focal person's contacts.
    CatalogAndContacts,
    /// (n) Public interest and community health.
    PublicInterestAndHealth,
    /// (o) Taxes, fees and charges.
    TaxesFeesCharges,
    /// (p) Other information a law requires to be disclosed.
    OtherRequiredByLaw,
    /// Art. 17(2): other information the agency proactively discloses.
    Art17Clause2,
}

/// Whether Art. 19(1) requires an Art. 17 class on the agency's portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PortalListing {
    /// Always on the portal.
    Required,
    /// Only part of the class is listed in Art. 19(1); the note says which part.
    Partly(&'static str),
    /// When the agency deems it necessary (19(1)(h)).
    WhenNecessary,
    /// Only where the other law requires the portal (19(1)(i)).
    WhereLawRequires,
    /// Not in the Art. 19(1) list.
    NotListed,
}

impl Art17Point {
    /// The 15 points of Art. 17(1), in legal order.
    pub const CLAUSE_1: [Art17Point; 15] = [
        Self::LegalDocuments,
        Self::LegalGuidance,
        Self::DraftsAndConsultation,
        Self::StrategiesAndPlans,
        Self::StateBudget,
        Self::AidAndFunds,
        Self::InvestmentProcurementLand,
        Self::StateCapitalInEnterprises,
        Self::HealthEnvironmentSafety,
        Self::OrganisationAndDuties,
        Self::ReportsAndStatistics,
        Self::CatalogAndContacts,
        Self::PublicInterestAndHealth,
        Self::TaxesFeesCharges,
        Self::OtherRequiredByLaw,
    ];

    /// Points every agency's catalog should cover (LAW.md R-CAT-COVERAGE: k, l, m).
    pub const UNIVERSAL: [Art17Point; 3] = [
        Self::OrganisationAndDuties,
        Self::ReportsAndStatistics,
        Self::CatalogAndContacts,
    ];

    /// The point letter of Art. 17(1), or `None` for Art. 17(2).
    pub fn point(self) -> Option<Point> {
        match self {
            Self::Art17Clause2 => None,
            p => Some(Point::nth(p as u8)),
        }
    }

    /// `"a"` … `"p"`, or `"17(2)"`.
    pub fn code(self) -> &'static str {
        match self.point() {
            Some(p) => p.letter(),
            None => "17(2)",
        }
    }

    /// Law 104/2016/QH13, Art. 17(1)(x) or Art. 17(2).
    pub fn citation(self) -> Citation {
        match self.point() {
            Some(p) => Citation::law104(17).clause(1).point(p),
            None => Citation::law104(17).clause(2),
        }
    }

    /// Parse a point letter (`"đ"`, `"dd"`, `"(a)"`, `"điểm a"`, `"17.1.a"`)
    /// or `"17(2)"`, `"khoản 2"`.
    ///
    /// # Errors
    /// [`super::PointLetterError`] when the text is not a point of Art. 17(1)
    /// (f and j do not exist; q and later letters are not in Art. 17(1)).
    pub fn parse(input: &str) -> Result<Art17Point, super::PointLetterError> {
        let err = || super::PointLetterError {
            input: input.to_string(),
        };
        // The codes tiepcan writes (`"a"` … `"p"`, `"17(2)"`) as they are:
        // no lower-casing (the JSON catalog path reads one per entry).
        if let Some(p) = Self::CLAUSE_1
            .into_iter()
            .chain([Self::Art17Clause2])
            .find(|p| p.code() == input)
        {
            return Ok(p);
        }
        let t = crate::text::to_lower(input.trim());
        let t = t
            .trim_start_matches("điểm")
            .trim_start_matches("diem")
            .trim();
        if matches!(t, "17(2)" | "17.2" | "khoản 2" | "khoan 2" | "k2" | "2") {
            return Ok(Self::Art17Clause2);
        }
        let t = t
            .trim_start_matches("17(1)")
            .trim_start_matches("17.1.")
            .trim_start_matches("17.1")
            .trim();
        let p = Point::parse(t)?;
        Self::CLAUSE_1
            .into_iter()
            .find(|x| x.point() == Some(p))
            .ok_or_else(err)
    }

    /// Vietnamese label.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::LegalDocuments => "Văn bản quy phạm pháp luật, văn bản hành chính, điều ước quốc tế, thủ tục hành chính",
            Self::LegalGuidance => "Phổ biến, hướng dẫn thực hiện pháp luật, chế độ, chính sách",
            Self::DraftsAndConsultation => "Dự thảo văn bản quy phạm pháp luật, kết quả lấy ý kiến",
            Self::StrategiesAndPlans => "Chiến lược, chương trình, dự án, đề án, kế hoạch, quy hoạch",
            Self::StateBudget => "Dự toán, báo cáo tình hình thực hiện, quyết toán ngân sách nhà nước",
            Self::AidAndFunds => "Phân bổ, quản lý, sử dụng nguồn vốn ODA, viện trợ, cứu trợ, các quỹ",
            Self::InvestmentProcurementLand => "Đầu tư công, mua sắm công, đấu thầu, quy hoạch sử dụng đất, giá đất, thu hồi đất",
            Self::StateCapitalInEnterprises => "Vốn nhà nước đầu tư vào doanh nghiệp",
            Self::HealthEnvironmentSafety => "Sản phẩm, dịch vụ gây hại; kết luận kiểm tra, thanh tra về môi trường, sức khỏe, an toàn",
            Self::OrganisationAndDuties => "Chức năng, nhiệm vụ, quyền hạn, cơ cấu tổ chức của cơ quan",
            Self::ReportsAndStatistics => "Báo cáo định kỳ, báo cáo tài chính năm, thống kê, tuyển dụng",
            Self::CatalogAndContacts => "Danh mục thông tin phải được công khai; tên, địa chỉ, điện thoại, fax, thư điện tử của đầu mối",
            Self::PublicInterestAndHealth => "Thông tin liên quan đến lợi ích công cộng, sức khỏe của cộng đồng",
            Self::TaxesFeesCharges => "Thông tin về thuế, phí, lệ phí",
            Self::OtherRequiredByLaw => "Thông tin khác mà pháp luật quy định phải công khai",
            Self::Art17Clause2 => "Thông tin khác do cơ quan chủ động công khai",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::LegalDocuments => {
                "Legal documents, administrative documents, treaties, administrative procedures"
            }
            Self::LegalGuidance => "Dissemination and guidance on law and policy",
            Self::DraftsAndConsultation => "Draft legal documents and consultation results",
            Self::StrategiesAndPlans => "Strategies, programmes, projects, plans and planning",
            Self::StateBudget => "State budget estimates, implementation and final accounts",
            Self::AidAndFunds => "ODA, aid, relief, social allowances and funds",
            Self::InvestmentProcurementLand => {
                "Public investment, procurement, bidding, land planning, prices and recovery"
            }
            Self::StateCapitalInEnterprises => "State capital in enterprises",
            Self::HealthEnvironmentSafety => {
                "Harmful products and services; environment, health and safety inspections"
            }
            Self::OrganisationAndDuties => "Functions, tasks, powers and structure of the agency",
            Self::ReportsAndStatistics => {
                "Periodic reports, annual financial report, statistics, recruitment"
            }
            Self::CatalogAndContacts => {
                "The disclosure catalog; contacts of the agency or focal person"
            }
            Self::PublicInterestAndHealth => "Public interest and community health",
            Self::TaxesFeesCharges => "Taxes, fees and charges",
            Self::OtherRequiredByLaw => "Other information a law requires to be disclosed",
            Self::Art17Clause2 => "Other information disclosed proactively",
        }
    }

    /// Whether Art. 19(1) puts this class on the portal (LAW.md §3.4).
    pub fn portal_listing(self) -> PortalListing {
        use PortalListing::*;
        match self {
            Self::LegalDocuments => {
                Partly("except general-application administrative documents (19(1)(a))")
            }
            Self::LegalGuidance => Required,
            Self::StrategiesAndPlans => Required,
            Self::InvestmentProcurementLand => {
                Partly("investment, procurement and capital including loans (19(1)(d))")
            }
            Self::OrganisationAndDuties => {
                Partly("functions, structure and organisation chart (19(1)(đ))")
            }
            Self::ReportsAndStatistics => {
                Partly("financial report, statistics, science (19(1)(e))")
            }
            Self::CatalogAndContacts => Required,
            Self::PublicInterestAndHealth => WhenNecessary,
            Self::OtherRequiredByLaw => WhereLawRequires,
            _ => NotListed,
        }
    }

    /// The Art. 19(1) point that lists this class, if any.
    pub fn portal_citation(self) -> Option<Citation> {
        let letter = match self {
            Self::LegalDocuments => "a",
            Self::LegalGuidance => "b",
            Self::StrategiesAndPlans => "c",
            Self::InvestmentProcurementLand => "d",
            Self::OrganisationAndDuties => "đ",
            Self::ReportsAndStatistics => "e",
            Self::CatalogAndContacts => "g",
            Self::PublicInterestAndHealth => "h",
            Self::OtherRequiredByLaw => "i",
            _ => return None,
        };
        Some(Citation::law104(19).clause(1).point_letter(letter))
    }
}

impl fmt::Display for Art17Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Art17Point {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Art17Point {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Art17Point::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Hình thức công khai thông tin — a disclosure form of Law 104/2016/QH13,
/// Art. 18(1)(a)–(e).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisclosureForm {
    /// (a) Cổng thông tin điện tử, trang thông tin điện tử — portal or website.
    Portal,
    /// (b) Phương tiện thông tin đại chúng — mass media.
    MassMedia,
    /// (c) Công báo — Official Gazette.
    OfficialGazette,
    /// (d) Niêm yết — posting at the office and other places.
    Posting,
    /// (đ) Tiếp công dân, họp báo, thông cáo báo chí, người phát ngôn.
    ReceptionPressSpokesperson,
    /// (e) Other convenient forms the agency chooses.
    Other,
}

impl DisclosureForm {
    /// All six forms of Art. 18(1).
    pub const ALL: [DisclosureForm; 6] = [
        Self::Portal,
        Self::MassMedia,
        Self::OfficialGazette,
        Self::Posting,
        Self::ReceptionPressSpokesperson,
        Self::Other,
    ];

    /// Law 104/2016/QH13, Art. 18(1)(x).
    pub fn citation(self) -> Citation {
        Citation::law104(18).clause(1).point(Point::nth(self as u8))
    }

    /// The form whose snake_case code is exactly `s` (`"mass_media"`), as
    /// the JSON model reads it; [`DisclosureForm::parse`] reads the forms
    /// as agencies write them.
    pub fn from_code(s: &str) -> Option<DisclosureForm> {
        Self::ALL.into_iter().find(|f| f.code() == s)
    }

    /// The snake_case code it serialises as.
    pub fn code(self) -> &'static str {
        match self {
            Self::Portal => "portal",
            Self::MassMedia => "mass_media",
            Self::OfficialGazette => "official_gazette",
            Self::Posting => "posting",
            Self::ReceptionPressSpokesperson => "reception_press_spokesperson",
            Self::Other => "other",
        }
    }

    /// Vietnamese label.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::Portal => "Cổng/trang thông tin điện tử",
            Self::MassMedia => "Phương tiện thông tin đại chúng",
            Self::OfficialGazette => "Công báo",
            Self::Posting => "Niêm yết",
            Self::ReceptionPressSpokesperson => {
                "Tiếp công dân, họp báo, thông cáo báo chí, người phát ngôn"
            }
            Self::Other => "Hình thức khác",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Portal => "portal or website",
            Self::MassMedia => "mass media",
            Self::OfficialGazette => "Official Gazette",
            Self::Posting => "posting",
            Self::ReceptionPressSpokesperson => "citizen reception, press conference, spokesperson",
            Self::Other => "other form",
        }
    }

    /// Recognise one form as agencies write it ("Cổng thông tin điện tử",
    /// "Trang TTĐT", "Niêm yết tại trụ sở", "Công báo", "Báo, đài", "Họp báo",
    /// "website", the snake_case code …), diacritics and case optional.
    /// Returns `None` for text that names no Art. 18(1) form.
    pub fn parse(text: &str) -> Option<DisclosureForm> {
        let k = crate::text::fold_key(text);
        if k.is_empty() {
            return None;
        }
        let has = |needles: &[&str]| needles.iter().any(|n| k.contains(n));
        if let Some(f) = Self::ALL.into_iter().find(|f| f.code() == text.trim()) {
            return Some(f);
        }
        if has(&[
            "cong thong tin",
            "trang thong tin",
            "ttdt",
            "website",
            "web",
            "portal",
            "cong ttdt",
            "dien tu",
        ]) {
            Some(Self::Portal)
        } else if has(&["cong bao", "gazette"]) {
            Some(Self::OfficialGazette)
        } else if has(&["niem yet", "bang tin", "posting", "notice board"]) {
            Some(Self::Posting)
        } else if has(&[
            "dai chung",
            "bao chi",
            "bao, dai",
            "bao dai",
            "phat thanh",
            "truyen hinh",
            "loa",
            "media",
        ]) {
            Some(Self::MassMedia)
        } else if has(&[
            "tiep cong dan",
            "hop bao",
            "thong cao",
            "phat ngon",
            "press",
        ]) {
            Some(Self::ReceptionPressSpokesperson)
        } else if has(&[
            "hinh thuc khac",
            "khac",
            "other",
            "hoi nghi",
            "van ban",
            "to roi",
        ]) {
            Some(Self::Other)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn art17_has_fifteen_points_a_to_p_without_f_and_j() {
        let letters: Vec<_> = Art17Point::CLAUSE_1.iter().map(|p| p.code()).collect();
        assert_eq!(
            letters,
            ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p"]
        );
        assert!(Art17Point::parse("f").is_err());
        assert!(Art17Point::parse("q").is_err());
        assert_eq!(Art17Point::parse("dd").unwrap(), Art17Point::StateBudget);
        assert_eq!(
            Art17Point::parse("17(2)").unwrap(),
            Art17Point::Art17Clause2
        );
    }

    #[test]
    fn art17_citation_and_portal() {
        assert_eq!(
            Art17Point::StateBudget.citation().to_string(),
            "Law 104/2016/QH13, Art. 17(1)(đ)"
        );
        assert_eq!(
            Art17Point::CatalogAndContacts
                .portal_citation()
                .unwrap()
                .to_string(),
            "Law 104/2016/QH13, Art. 19(1)(g)"
        );
        assert_eq!(
            Art17Point::StateBudget.portal_listing(),
            PortalListing::NotListed
        );
    }

    #[test]
    fn form_codes_are_the_serialised_names() {
        for f in DisclosureForm::ALL {
            assert_eq!(serde_json::to_value(f).unwrap(), f.code());
            assert_eq!(DisclosureForm::parse(&format!(" {} ", f.code())), Some(f));
        }
    }

    #[test]
    fn disclosure_forms_from_agency_wording() {
        assert_eq!(
            DisclosureForm::parse("Cổng thông tin điện tử"),
            Some(DisclosureForm::Portal)
        );
        assert_eq!(
            DisclosureForm::parse("Niêm yết"),
            Some(DisclosureForm::Posting)
        );
        assert_eq!(
            DisclosureForm::parse("Công báo"),
            Some(DisclosureForm::OfficialGazette)
        );
        assert_eq!(
            DisclosureForm::parse("Họp báo"),
            Some(DisclosureForm::ReceptionPressSpokesperson)
        );
        assert_eq!(DisclosureForm::parse("xyz"), None);
        assert_eq!(
            DisclosureForm::Posting.citation().to_string(),
            "Law 104/2016/QH13, Art. 18(1)(d)"
        );
    }
}
