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
