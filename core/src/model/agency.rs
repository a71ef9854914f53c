//! Agencies (cơ quan nhà nước) that provide information.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::AgencyCode;
use crate::law::DISTRICTS_ABOLISHED;

/// Level of an agency in the state apparatus (Law 104/2016/QH13, Art. 9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgencyLevel {
    /// Central: ministry, ministerial-level agency, National Assembly bodies.
    Ministry,
    /// Tỉnh, thành phố trực thuộc trung ương — province or centrally-run city.
    Province,
    /// Sở, ban, ngành — provincial department.
    Department,
    /// Huyện — district; abolished from 2025-07-01 (LAW.md §8.2).
    District,
    /// Xã, phường, đặc khu — commune, ward or special zone.
    Commune,
    /// Anything else (public non-business unit, Defence body…).
    Other,
}

impl AgencyLevel {
    /// Every level.
    pub const ALL: [AgencyLevel; 6] = [
        AgencyLevel::Ministry,
        AgencyLevel::Province,
        AgencyLevel::Department,
        AgencyLevel::District,
        AgencyLevel::Commune,
        AgencyLevel::Other,
    ];

    /// The snake_case code it serialises as (`"commune"`).
    pub fn code(self) -> &'static str {
        match self {
            AgencyLevel::Ministry => "ministry",
            AgencyLevel::Province => "province",
            AgencyLevel::Department => "department",
            AgencyLevel::District => "district",
            AgencyLevel::Commune => "commune",
            AgencyLevel::Other => "other",
        }
    }

    /// The level whose code is exactly `s` (the inverse of
    /// [`AgencyLevel::code`]).
    pub fn from_code(s: &str) -> Option<AgencyLevel> {
        AgencyLevel::ALL.into_iter().find(|l| l.code() == s)
    }

    /// Whether an agency of this level can exist on `date`: a district
    /// cannot from 2025-07-01 (rule R-DISTRICT).
    pub fn exists_on(self, date: NaiveDate) -> bool {
        !(self == AgencyLevel::District && date >= DISTRICTS_ABOLISHED)
    }

    /// Guess the level from an agency name ("UBND huyện Thoại Sơn" → district).
    pub fn from_name(name: &str) -> Option<AgencyLevel> {
        let k = crate::text::fold_key(name);
        let has = |w: &str| {
            k.split(|c: char| !c.is_alphanumeric())
                .collect::<Vec<_>>()
                .windows(w.split(' ').count())
                .any(|win| win.join(" ") == w)
        };
        if has("huyen") || (has("quan") && !has("co quan")) || has("thi xa") {
            Some(AgencyLevel::District)
        } else if has("xa") || has("phuong") || has("thi tran") || has("dac khu") {
            Some(AgencyLevel::Commune)
        } else if has("so") {
            Some(AgencyLevel::Department)
        } else if has("tinh") || has("thanh pho") {
            Some(AgencyLevel::Province)
        } else if has("bo") {
            Some(AgencyLevel::Ministry)
        } else {
            None
        }
    }
}

/// Khu vực có điều kiện kinh tế - xã hội khó khăn / đặc biệt khó khăn: the
/// area class of the providing agency, which sets the cost level under
/// Circular 46/2018/TT-BTC, Art. 3(1)(1.1)(b) (LAW.md §6.2, A25).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum AreaClass {
    /// Full rates.
    #[default]
    Normal,
    /// Difficult area: 70 % of the rates.
    Difficult,
    /// Especially difficult area: 50 % of the rates.
    EspeciallyDifficult,
}

impl AreaClass {
    /// The snake_case code it serialises as (`"especially_difficult"`).
    pub fn code(self) -> &'static str {
        match self {
            AreaClass::Normal => "normal",
            AreaClass::Difficult => "difficult",
            AreaClass::EspeciallyDifficult => "especially_difficult",
        }
    }

    /// The class whose code is exactly `s` (the inverse of
    /// [`AreaClass::code`]).
    pub fn from_code(s: &str) -> Option<AreaClass> {
        [
            AreaClass::Normal,
            AreaClass::Difficult,
            AreaClass::EspeciallyDifficult,
        ]
        .into_iter()
        .find(|c| c.code() == s)
    }
}

/// Cơ quan cung cấp thông tin — a providing agency (Law 104/2016/QH13, Art. 9).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agency {
    /// Full name, e.g. "Ủy ban nhân dân xã An Hòa".
    pub name: String,
    /// Level, when known.
    #[serde(default)]
    pub level: Option<AgencyLevel>,
    /// Electronic agency code (`000.00.00.H49`).
    #[serde(default)]
    pub code: Option<AgencyCode>,
    /// Whether the agency has a portal or website (Art. 19(6)); `None` = unknown.
    #[serde(default)]
    pub has_portal: Option<bool>,
    /// Portal address.
    #[serde(default)]
    pub portal_url: Option<String>,
    /// Postal address.
    #[serde(default)]
    pub address: Option<String>,
    /// Phone.
    #[serde(default)]
    pub phone: Option<String>,
    /// Fax.
    #[serde(default)]
    pub fax: Option<String>,
    /// E-mail.
    #[serde(default)]
    pub email: Option<String>,
    /// Successor body after the 2025 reform, for a district-level agency (A12).
    #[serde(default)]
    pub successor: Option<String>,
    /// Area class for Circular 46 costs.
    #[serde(default)]
    pub area_class: AreaClass,
}

impl Agency {
    /// An agency with a name and the level guessed from it.
    pub fn named(name: impl Into<String>) -> Agency {
        let name = name.into();
        let level = AgencyLevel::from_name(&name);
        Agency {
            name,
            level,
            ..Agency::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_from_names() {
        assert_eq!(
            AgencyLevel::from_name("Ủy ban nhân dân huyện Thoại Sơn"),
            Some(AgencyLevel::District)
        );
        assert_eq!(
            AgencyLevel::from_name("UBND xã An Hòa"),
            Some(AgencyLevel::Commune)
        );
        assert_eq!(
            AgencyLevel::from_name("Sở Tư pháp tỉnh An Giang"),
            Some(AgencyLevel::Department)
        );
        assert!(!AgencyLevel::District.exists_on(NaiveDate::from_ymd_opt(2025, 7, 1).unwrap()));
        assert!(AgencyLevel::District.exists_on(NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()));
    }
}
