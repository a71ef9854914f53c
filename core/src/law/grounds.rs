//! Grounds for withholding information: Art. 6 (inaccessible), Art. 7
//! (conditionally accessible), Art. 28(1) (refusal), and the Art. 23
//! provision-on-request cases (LAW.md §3.2, §3.3, §3.5, §5.7).

use serde::{Deserialize, Serialize};

use super::{Citation, Point};

macro_rules! labels {
    ($t:ty { $($v:ident => ($vi:expr, $en:expr)),* $(,)? }) => {
        impl $t {
            /// Vietnamese label.
            pub fn label_vi(self) -> &'static str { match self { $(Self::$v => $vi),* } }
            /// English label.
            pub fn label_en(self) -> &'static str { match self { $(Self::$v => $en),* } }
        }
    };
}

/// Thông tin công dân không được tiếp cận — inaccessible information
/// (Law 104/2016/QH13, Art. 6). Art. 6(2) has no points: the five labels
/// after `StateSecret` are the library's and all cite Art. 6(2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InaccessibleGround {
    /// Bí mật nhà nước — state secret (accessible once declassified), Art. 6(1).
    StateSecret,
    /// Harm to State interests, defence, security, international relations,
    /// social order, ethics or community health, Art. 6(2).
    HarmToStateOrSociety,
    /// Would endanger others' life, livelihood or property, Art. 6(2).
    HarmToOthers,
    /// Bí mật công tác — work secret, Art. 6(2).
    WorkSecret,
    /// Cuộc họp nội bộ — internal meeting of a state agency, Art. 6(2).
    InternalMeeting,
    /// Tài liệu do cơ quan soạn thảo cho công việc nội bộ — internal document, Art. 6(2).
    InternalDocument,
}

labels!(InaccessibleGround {
    StateSecret => ("bí mật nhà nước", "state secret"),
    HarmToStateOrSociety => ("gây nguy hại đến lợi ích của Nhà nước, quốc phòng, an ninh, trật tự xã hội", "harm to State interests, defence, security or social order"),
    HarmToOthers => ("gây nguy hại đến tính mạng, cuộc sống hoặc tài sản của người khác", "danger to others' life, livelihood or property"),
    WorkSecret => ("bí mật công tác", "work secret"),
    InternalMeeting => ("thông tin về cuộc họp nội bộ", "internal meeting"),
    InternalDocument => ("tài liệu do cơ quan nhà nước soạn thảo cho công việc nội bộ", "document drafted for internal work"),
});

impl InaccessibleGround {
    /// Every ground.
    pub const ALL: [InaccessibleGround; 6] = [
        Self::StateSecret,
        Self::HarmToStateOrSociety,
        Self::HarmToOthers,
        Self::WorkSecret,
        Self::InternalMeeting,
        Self::InternalDocument,
    ];

    /// Legal basis: Art. 6(1) for state secrets, Art. 6(2) otherwise.
    pub fn citation(self) -> Citation {
        match self {
            Self::StateSecret => Citation::law104(6).clause(1),
            _ => Citation::law104(6).clause(2),
        }
    }
}

/// Who must give written consent (Form 06) before conditionally accessible
/// information is provided (Art. 7(1)–(2), Art. 24(3)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentHolder {
    /// Chủ sở hữu bí mật kinh doanh — owner of the business secret.
    SecretOwner,
    /// Người đó — the person concerned.
    PersonConcerned,
    /// Các thành viên gia đình — the family members; every member concerned
    /// by default (LAW.md A9).
    FamilyMembers,
}

labels!(ConsentHolder {
    SecretOwner => ("chủ sở hữu bí mật kinh doanh", "owner of the business secret"),
    PersonConcerned => ("người có bí mật", "the person concerned"),
    FamilyMembers => ("các thành viên gia đình", "the family members"),
});

/// Thông tin công dân được tiếp cận có điều kiện — conditionally accessible
/// information (Law 104/2016/QH13, Art. 7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConditionalGround {
    /// Bí mật kinh doanh — business secret, Art. 7(1).
    BusinessSecret,
    /// Bí mật đời sống riêng tư — private-life secret, Art. 7(2).
    PrivateLife,
    /// Bí mật cá nhân — personal secret, Art. 7(2).
    PersonalSecret,
    /// Bí mật gia đình — family secret, Art. 7(2).
    FamilySecret,
}

labels!(ConditionalGround {
    BusinessSecret => ("bí mật kinh doanh", "business secret"),
    PrivateLife => ("bí mật đời sống riêng tư", "private-life secret"),
    PersonalSecret => ("bí mật cá nhân", "personal secret"),
    FamilySecret => ("bí mật gia đình", "family secret"),
});

impl ConsentHolder {
    /// Every consent holder.
    pub const ALL: [ConsentHolder; 3] = [
        Self::SecretOwner,
        Self::PersonConcerned,
        Self::FamilyMembers,
    ];

    /// The snake_case code it serialises as (`"secret_owner"`).
    pub fn code(self) -> &'static str {
        match self {
            Self::SecretOwner => "secret_owner",
            Self::PersonConcerned => "person_concerned",
            Self::FamilyMembers => "family_members",
        }
    }

    /// The holder whose code is exactly `s` (the inverse of
    /// [`ConsentHolder::code`]).
    pub fn from_code(s: &str) -> Option<ConsentHolder> {
        Self::ALL.into_iter().find(|h| h.code() == s)
    }
}

impl ConditionalGround {
    /// The snake_case code it serialises as (`"business_secret"`).
    pub fn code(self) -> &'static str {
        match self {
            Self::BusinessSecret => "business_secret",
            Self::PrivateLife => "private_life",
            Self::PersonalSecret => "personal_secret",
            Self::FamilySecret => "family_secret",
        }
    }

    /// The ground whose code is exactly `s` (the inverse of
    /// [`ConditionalGround::code`]); [`ConditionalGround::parse`] also
    /// reads the Vietnamese labels.
    pub fn from_code(s: &str) -> Option<ConditionalGround> {
        Self::ALL.into_iter().find(|g| g.code() == s)
    }

    /// Every ground.
    pub const ALL: [ConditionalGround; 4] = [
        Self::BusinessSecret,
        Self::PrivateLife,
        Self::PersonalSecret,
        Self::FamilySecret,
    ];

    /// The consent holder the law names for this ground (Art. 7(1)–(2)).
    pub fn consent_holder(self) -> ConsentHolder {
        match self {
            Self::BusinessSecret => ConsentHolder::SecretOwner,
            Self::PrivateLife | Self::PersonalSecret => ConsentHolder::PersonConcerned,
            Self::FamilySecret => ConsentHolder::FamilyMembers,
        }
    }

    /// Art. 7(1) or 7(2).
    pub fn citation(self) -> Citation {
        match self {
            Self::BusinessSecret => Citation::law104(7).clause(1),
            _ => Citation::law104(7).clause(2),
        }
    }

    /// Parse a snake_case code or a Vietnamese label (diacritics optional).
    pub fn parse(s: &str) -> Option<ConditionalGround> {
        static LABELS: std::sync::OnceLock<[(String, String); 4]> = std::sync::OnceLock::new();
        let labels = LABELS.get_or_init(|| {
            Self::ALL.map(|g| {
                (
                    crate::text::fold_key(g.label_vi()),
                    crate::text::fold_key(g.label_en()),
                )
            })
        });
        let k = crate::text::fold_key(s);
        Self::ALL.into_iter().zip(labels).find_map(|(g, (vi, en))| {
            (g.code() == s.trim() || k.contains(vi.as_str()) || k == *en).then_some(g)
        })
    }
}

/// The head's override (Art. 7(3)): the head of the agency may provide Art. 7
/// information without consent where necessary for the public interest or
/// community health.
pub const ART7_OVERRIDE: Citation = Citation::law104(7).clause(3);

/// Căn cứ từ chối — a ground for refusing a request (Law 104/2016/QH13,
/// Art. 28(1)(a)–(e)); the refusal is written and reasoned on Form 05
/// (Art. 28(2)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefusalGround {
    /// (a) Art. 6 information, or Art. 7 information whose conditions are unmet.
    Inaccessible,
    /// (b) Already disclosed under Art. 17, except the Art. 23(1) cases.
    AlreadyDisclosed,
    /// (c) Not the agency's responsibility (Art. 26(3)).
    NotResponsible,
    /// (d) Already provided twice to the same requester, absent a legitimate reason.
    ProvidedTwice,
    /// (đ) Exceeds capacity or disrupts the agency's normal work.
    BeyondCapacity,
    /// (e) Actual costs unpaid.
    CostsUnpaid,
}

labels!(RefusalGround {
    Inaccessible => ("thông tin không được tiếp cận hoặc chưa đủ điều kiện tiếp cận", "inaccessible, or conditions not met"),
    AlreadyDisclosed => ("thông tin đã được công khai", "already disclosed"),
    NotResponsible => ("không thuộc trách nhiệm cung cấp", "not the agency's responsibility"),
    ProvidedTwice => ("đã được cung cấp 02 lần cho chính người yêu cầu", "already provided twice to the same requester"),
    BeyondCapacity => ("vượt quá khả năng đáp ứng hoặc làm ảnh hưởng hoạt động bình thường", "beyond capacity or disruptive"),
    CostsUnpaid => ("người yêu cầu không thanh toán chi phí", "costs unpaid"),
});

impl RefusalGround {
    /// Every ground, in the order of Art. 28(1).
    pub const ALL: [RefusalGround; 6] = [
        Self::Inaccessible,
        Self::AlreadyDisclosed,
        Self::NotResponsible,
        Self::ProvidedTwice,
        Self::BeyondCapacity,
        Self::CostsUnpaid,
    ];

    /// The snake_case code it serialises as.
    fn code(self) -> &'static str {
        match self {
            Self::Inaccessible => "inaccessible",
            Self::AlreadyDisclosed => "already_disclosed",
            Self::NotResponsible => "not_responsible",
            Self::ProvidedTwice => "provided_twice",
            Self::BeyondCapacity => "beyond_capacity",
            Self::CostsUnpaid => "costs_unpaid",
        }
    }

    /// The point letter of Art. 28(1).
    pub fn point(self) -> Point {
        Point::nth(self as u8)
    }

    /// Law 104/2016/QH13, Art. 28(1)(x).
    pub fn citation(self) -> Citation {
        Citation::law104(28).clause(1).point(self.point())
    }

    /// Parse a snake_case code or a point letter (`"đ"`, `"dd"`, `"28(1)(e)"`).
    pub fn parse(s: &str) -> Option<RefusalGround> {
        let t = s.trim();
        if let Some(g) = Self::ALL.into_iter().find(|g| g.code() == t) {
            return Some(g);
        }
        let letter = t.rsplit('(').next().unwrap_or(t);
        let p = Point::parse(letter).ok()?;
        Self::ALL.into_iter().find(|g| g.point() == p)
    }
}

/// Thông tin được cung cấp theo yêu cầu — the cases of Art. 23.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProvisionCase {
    /// 23(1)(a): Art. 17 information within its disclosure period but not yet disclosed.
    NotYetDisclosed,
    /// 23(1)(b): Art. 17 information past its legal disclosure period.
    PastDisclosurePeriod,
    /// 23(1)(c): disclosed, but out of the requester's reach by force majeure.
    UnreachableForceMajeure,
    /// 23(2): Art. 7 information whose conditions are met.
    ConditionsMet,
    /// 23(3): information on the requester's own life, living, production or business.
    OwnAffairs,
    /// 23(4): anything else the agency created or holds, at its discretion.
    Discretionary,
}

impl ProvisionCase {
    /// Law 104/2016/QH13, Art. 23(…).
    pub fn citation(self) -> Citation {
        let c = Citation::law104(23);
        match self {
            Self::NotYetDisclosed => c.clause(1).point(Point::nth(0)),
            Self::PastDisclosurePeriod => c.clause(1).point(Point::nth(1)),
            Self::UnreachableForceMajeure => c.clause(1).point(Point::nth(2)),
            Self::ConditionsMet => c.clause(2),
            Self::OwnAffairs => c.clause(3),
            Self::Discretionary => c.clause(4),
        }
    }

    /// Whether this is an Art. 23(1) case, for which refusal ground 28(1)(b)
    /// "already disclosed" is not available.
    pub fn is_art23_1(self) -> bool {
        matches!(
            self,
            Self::NotYetDisclosed | Self::PastDisclosurePeriod | Self::UnreachableForceMajeure
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_the_serialised_names() {
        for g in ConditionalGround::ALL {
            assert_eq!(serde_json::to_value(g).unwrap(), g.code());
            assert_eq!(
                ConditionalGround::parse(&format!(" {} ", g.code())),
                Some(g)
            );
            assert_eq!(ConditionalGround::parse(g.label_vi()), Some(g));
        }
        for g in RefusalGround::ALL {
            assert_eq!(serde_json::to_value(g).unwrap(), g.code());
            assert_eq!(RefusalGround::parse(g.code()), Some(g));
        }
        assert_eq!(
            ConditionalGround::parse("Bi mat doi song rieng tu"),
            Some(ConditionalGround::PrivateLife)
        );
        assert_eq!(
            RefusalGround::parse("28(1)(đ)"),
            Some(RefusalGround::BeyondCapacity)
        );
    }
}
