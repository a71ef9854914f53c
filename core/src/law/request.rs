//! Request channels and the official forms (LAW.md §5.1, §5.3).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Citation, Point};

/// How a request reaches the agency (Law 104/2016/QH13, Art. 24(1)).
///
/// The amended Law of 2026 names more internet channels (e-mail, portal,
/// data portal, National Public Service Portal, mobile app); they parse as
/// [`Channel::Electronic`] (LAW.md §8.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Trực tiếp tại trụ sở — in person at the office, personally or through an
    /// authorised person (Art. 24(1)(a)).
    InPerson,
    /// Qua mạng điện tử — electronic network (Art. 24(1)(b)).
    Electronic,
    /// Qua dịch vụ bưu chính — postal service (Art. 24(1)(b)).
    Postal,
    /// Fax (Art. 24(1)(b)).
    Fax,
}

/// Error for an unknown channel name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown request channel {0:?}: expected in_person, electronic, postal or fax")]
pub struct ChannelError(pub String);

impl Channel {
    /// All four channels.
    pub const ALL: [Channel; 4] = [
        Channel::InPerson,
        Channel::Electronic,
        Channel::Postal,
        Channel::Fax,
    ];

    /// snake_case code: `in_person`, `electronic`, `postal`, `fax`.
    pub fn code(self) -> &'static str {
        match self {
            Channel::InPerson => "in_person",
            Channel::Electronic => "electronic",
            Channel::Postal => "postal",
            Channel::Fax => "fax",
        }
    }

    /// Parse a channel: codes with `_` or `-`, English and Vietnamese names,
    /// and the 2026 law's internet channels as aliases of `Electronic`.
    ///
    /// # Errors
    /// [`ChannelError`] for anything else.
    pub fn parse(s: &str) -> Result<Channel, ChannelError> {
        let k = crate::text::fold_key(s).replace(['-', '_'], " ");
        let k = k.trim();
        Ok(match k {
            "in person"
            | "inperson"
            | "truc tiep"
            | "tai tru so"
            | "truc tiep tai tru so"
            | "office" => Channel::InPerson,
            "electronic"
            | "online"
            | "internet"
            | "email"
            | "e mail"
            | "portal"
            | "data portal"
            | "website"
            | "national public service portal"
            | "mobile app"
            | "app"
            | "mang dien tu"
            | "qua mang dien tu"
            | "cong dich vu cong quoc gia"
            | "thu dien tu"
            | "dien tu" => Channel::Electronic,
            "postal"
            | "post"
            | "mail"
            | "buu chinh"
            | "qua buu chinh"
            | "dich vu buu chinh"
            | "qua dich vu buu chinh" => Channel::Postal,
            "fax" | "qua fax" => Channel::Fax,
            _ => return Err(ChannelError(s.to_string())),
        })
    }

    /// Vietnamese label.
    pub fn label_vi(self) -> &'static str {
        match self {
            Channel::InPerson => "trực tiếp tại trụ sở",
            Channel::Electronic => "qua mạng điện tử",
            Channel::Postal => "qua dịch vụ bưu chính",
            Channel::Fax => "qua fax",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Channel::InPerson => "in person",
            Channel::Electronic => "electronic",
            Channel::Postal => "postal",
            Channel::Fax => "fax",
        }
    }

    /// Art. 24(1)(a) or (b).
    pub fn citation(self) -> Citation {
        let p = if self == Channel::InPerson { 0 } else { 1 };
        Citation::law104(24).clause(1).point(Point::nth(p))
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Channel {
    type Err = ChannelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Channel::parse(s)
    }
}

/// An official form of Decree 13/2018/NĐ-CP, Art. 5 (LAW.md §5.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LegalForm {
    /// Mẫu 01a — Phiếu yêu cầu cung cấp thông tin (individual; A24).
    #[serde(rename = "01a")]
    Form01a,
    /// Mẫu 01b — Phiếu yêu cầu cung cấp thông tin (through an organisation, with the requester list; A24).
    #[serde(rename = "01b")]
    Form01b,
    /// Mẫu 02 — Phiếu tiếp nhận yêu cầu (receipt slip).
    #[serde(rename = "02")]
    Form02,
    /// Mẫu 03 — Phiếu giải quyết yêu cầu (handling slip: time limit, place, form, cost, payment).
    #[serde(rename = "03")]
    Form03,
    /// Mẫu 04 — Thông báo gia hạn (extension notice).
    #[serde(rename = "04")]
    Form04,
    /// Mẫu 05 — Thông báo từ chối (refusal notice).
    #[serde(rename = "05")]
    Form05,
    /// Mẫu 06 — Văn bản chấp thuận (written consent for Art. 7 information).
    #[serde(rename = "06")]
    Form06,
}

impl LegalForm {
    /// Official Vietnamese name.
    pub fn name_vi(self) -> &'static str {
        match self {
            Self::Form01a | Self::Form01b => "Phiếu yêu cầu cung cấp thông tin",
            Self::Form02 => "Phiếu tiếp nhận yêu cầu cung cấp thông tin",
            Self::Form03 => "Phiếu giải quyết yêu cầu cung cấp thông tin",
            Self::Form04 => "Thông báo về việc gia hạn giải quyết yêu cầu cung cấp thông tin",
            Self::Form05 => "Thông báo về việc từ chối yêu cầu cung cấp thông tin",
            Self::Form06 => "Văn bản chấp thuận",
        }
    }

    /// English name.
    pub fn name_en(self) -> &'static str {
        match self {
            Self::Form01a => "request slip (individual)",
            Self::Form01b => "request slip (through an organisation)",
            Self::Form02 => "receipt slip",
            Self::Form03 => "handling slip",
            Self::Form04 => "extension notice",
            Self::Form05 => "refusal notice",
            Self::Form06 => "written consent",
        }
    }

    /// Decree 13/2018/NĐ-CP, Art. 5(1)(a)–(đ) for 01a–05, Art. 5(2) for 06.
    pub fn citation(self) -> Citation {
        let c = Citation::decree13(5);
        match self {
            Self::Form01a | Self::Form01b => c.clause(1).point(Point::nth(0)),
            Self::Form02 => c.clause(1).point(Point::nth(1)),
            Self::Form03 => c.clause(1).point(Point::nth(2)),
            Self::Form04 => c.clause(1).point(Point::nth(3)),
            Self::Form05 => c.clause(1).point(Point::nth(4)),
            Self::Form06 => c.clause(2),
        }
    }
}

/// One item of the request slip's content (nội dung phiếu yêu cầu cung cấp
/// thông tin), Law 104/2016/QH13, Art. 24(2) (LAW.md §5.2). The register
/// ([`crate::register::RequestSlip::validate`]) and the web form
/// ([`crate::render::check_request_slip`]) both take their required fields,
/// names and citations from [`SLIP_CONTENT`], so the rule `R-REQ-FIELDS` has
/// one source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlipContent {
    /// Which item this is.
    pub item: SlipItem,
    /// Point of Art. 24(2): 0 = a, 1 = b, 2 = c, 3 = d.
    pub point: u8,
    /// Vietnamese name, lower case, as it reads inside a sentence
    /// ("họ và tên").
    pub name_vi: &'static str,
    /// English name, lower case, without an article ("full name").
    pub name_en: &'static str,
    /// `false` for the contacts the Law asks for only "if any" (nếu có).
    pub required: bool,
}

/// The items of Art. 24(2) (LAW.md §5.2), in the order of the Law.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SlipItem {
    /// Họ và tên — full name (a).
    FullName,
    /// Nơi cư trú, địa chỉ — place of residence and address (a).
    Residence,
    /// Số CMND / CCCD / hộ chiếu — identity document number (a).
    IdNumber,
    /// Số điện thoại — phone (a, if any).
    Phone,
    /// Số fax — fax (a, if any).
    Fax,
    /// Thư điện tử — e-mail (a, if any).
    Email,
    /// Thông tin yêu cầu cung cấp — the information requested (b).
    Information,
    /// Tên văn bản, hồ sơ, tài liệu — the document, file or record that
    /// holds it, which point (b) requires the slip to name.
    Document,
    /// Hình thức cung cấp thông tin — form of provision (c).
    FormOfProvision,
    /// Lý do, mục đích — reason and purpose (d).
    ReasonPurpose,
}

impl SlipItem {
    /// This item's entry in [`SLIP_CONTENT`].
    pub const fn content(self) -> &'static SlipContent {
        // SLIP_CONTENT lists the items in declaration order.
        &SLIP_CONTENT[self as usize]
    }
}

impl SlipContent {
    /// Law 104/2016/QH13, Art. 24(2) and this item's point.
    pub fn citation(&self) -> Citation {
        Citation::law104(24).clause(2).point(Point::nth(self.point))
    }
}

const fn slip(
    item: SlipItem,
    point: u8,
    name_vi: &'static str,
    name_en: &'static str,
    required: bool,
) -> SlipContent {
    SlipContent {
        item,
        point,
        name_vi,
        name_en,
        required,
    }
}

/// The content of the request slip, Law 104/2016/QH13, Art. 24(2)
/// (LAW.md §5.2), in the order of the Law.
///
/// ```
/// use tiepcan::law::{SlipItem, SLIP_CONTENT};
/// let required: Vec<_> = SLIP_CONTENT.iter().filter(|c| c.required).map(|c| c.name_en).collect();
/// assert_eq!(required.len(), 7);
/// assert!(!SlipItem::Email.content().required); // "nếu có"
/// assert_eq!(SlipItem::ReasonPurpose.content().citation().to_string(),
///            "Law 104/2016/QH13, Art. 24(2)(d)");
/// ```
pub const SLIP_CONTENT: [SlipContent; 10] = [
    slip(SlipItem::FullName, 0, "họ và tên", "full name", true),
    slip(
        SlipItem::Residence,
        0,
        "nơi cư trú, địa chỉ",
        "place of residence and address",
        true,
    ),
    slip(
        SlipItem::IdNumber,
        0,
        "số CMND/CCCD/hộ chiếu",
        "ID card, citizen-identity-card or passport number",
        true,
    ),
    slip(SlipItem::Phone, 0, "số điện thoại", "phone number", false),
    slip(SlipItem::Fax, 0, "số fax", "fax number", false),
    slip(SlipItem::Email, 0, "thư điện tử", "e-mail address", false),
    slip(
        SlipItem::Information,
        1,
        "nội dung thông tin yêu cầu",
        "information requested",
        true,
    ),
    slip(
        SlipItem::Document,
        1,
        "tên văn bản, hồ sơ, tài liệu",
        "document, file or record that holds it",
        true,
    ),
    slip(
        SlipItem::FormOfProvision,
        2,
        "hình thức cung cấp",
        "form of provision",
        true,
    ),
    slip(
        SlipItem::ReasonPurpose,
        3,
        "lý do, mục đích",
        "reason and purpose",
        true,
    ),
];
