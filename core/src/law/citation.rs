//! Legal citations: which instrument, article, clause, point and paragraph a
//! rule comes from (LAW.md §0).

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A legal instrument that tiepcan cites (văn bản quy phạm pháp luật).
///
/// Keys follow LAW.md §0.2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Instrument {
    /// Luật Tiếp cận thông tin số 104/2016/QH13 — in force 2018-07-01 to 2026-08-31.
    Law104,
    /// Luật Tiếp cận thông tin (sửa đổi) — in force from 2026-09-01; number not yet known (LAW.md §8.3).
    Law2026,
    /// Nghị định 13/2018/NĐ-CP detailing Law 104.
    Decree13,
    /// Thông tư 46/2018/TT-BTC on the actual costs of providing information.
    Circ46,
    /// Thông tư 64/2018/TT-BQP, provision of information in the Ministry of National Defence.
    Circ64,
    /// Bộ luật Dân sự 91/2015/QH13 (Civil Code), Arts 144–148 on periods.
    CivilCode,
    /// Bộ luật Lao động 10/2012/QH13 (Labour Code 2012), Art. 115 holidays, 2013-05-01 to 2020-12-31.
    Labour2012,
    /// Bộ luật Lao động 45/2019/QH14 (Labour Code 2019), Arts 111–112 holidays, from 2021-01-01.
    Labour2019,
    /// Quyết định 188/1999/QĐ-TTg: five-day week, Saturday and Sunday off.
    Dec188,
    /// Nghị định 42/2022/NĐ-CP on online information of state agencies.
    Decree42,
    /// Nghị quyết 190/2025/QH15 on reorganising the state apparatus.
    Res190,
    /// Thông tư 22/2017/TT-BTTTT, maximum postal tariffs.
    Circ22,
}

impl Instrument {
    /// Every instrument, in declaration order.
    pub const ALL: [Instrument; 12] = [
        Instrument::Law104,
        Instrument::Law2026,
        Instrument::Decree13,
        Instrument::Circ46,
        Instrument::Circ64,
        Instrument::CivilCode,
        Instrument::Labour2012,
        Instrument::Labour2019,
        Instrument::Dec188,
        Instrument::Decree42,
        Instrument::Res190,
        Instrument::Circ22,
    ];

    /// Short English designation, e.g. `"Law 104/2016/QH13"`.
    pub fn name_en(self) -> &'static str {
        match self {
            Instrument::Law104 => "Law 104/2016/QH13",
            Instrument::Law2026 => "Law on Access to Information (amended, 2026)",
            Instrument::Decree13 => "Decree 13/2018/NĐ-CP",
            Instrument::Circ46 => "Circular 46/2018/TT-BTC",
            Instrument::Circ64 => "Circular 64/2018/TT-BQP",
            Instrument::CivilCode => "Civil Code 91/2015/QH13",
            Instrument::Labour2012 => "Labour Code 10/2012/QH13",
            Instrument::Labour2019 => "Labour Code 45/2019/QH14",
            Instrument::Dec188 => "Decision 188/1999/QĐ-TTg",
            Instrument::Decree42 => "Decree 42/2022/NĐ-CP",
            Instrument::Res190 => "Resolution 190/2025/QH15",
            Instrument::Circ22 => "Circular 22/2017/TT-BTTTT",
        }
    }

    /// Vietnamese designation as it ends a citation, e.g.
    /// `"Luật Tiếp cận thông tin 2016"`.
    pub fn name_vi(self) -> &'static str {
        match self {
            Instrument::Law104 => "Luật Tiếp cận thông tin 2016",
            Instrument::Law2026 => "Luật Tiếp cận thông tin (sửa đổi) 2026",
            Instrument::Decree13 => "Nghị định 13/2018/NĐ-CP",
            Instrument::Circ46 => "Thông tư 46/2018/TT-BTC",
            Instrument::Circ64 => "Thông tư 64/2018/TT-BQP",
            Instrument::CivilCode => "Bộ luật Dân sự 2015",
            Instrument::Labour2012 => "Bộ luật Lao động 2012",
            Instrument::Labour2019 => "Bộ luật Lao động 2019",
            Instrument::Dec188 => "Quyết định 188/1999/QĐ-TTg",
            Instrument::Decree42 => "Nghị định 42/2022/NĐ-CP",
            Instrument::Res190 => "Nghị quyết 190/2025/QH15",
            Instrument::Circ22 => "Thông tư 22/2017/TT-BTTTT",
        }
    }

    /// First day the instrument is in force, where LAW.md §0.2 gives one.
    pub fn in_force_from(self) -> Option<NaiveDate> {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        match self {
            Instrument::Law104 | Instrument::Decree13 | Instrument::Circ46 | Instrument::Circ64 => {
                d(2018, 7, 1)
            }
            Instrument::Law2026 => d(2026, 9, 1),
            Instrument::CivilCode => d(2017, 1, 1),
            Instrument::Labour2012 => d(2013, 5, 1),
            Instrument::Labour2019 => d(2021, 1, 1),
            Instrument::Decree42 => d(2022, 8, 15),
            Instrument::Res190 => d(2025, 2, 19),
            Instrument::Dec188 | Instrument::Circ22 => None,
        }
    }

    /// Last day in force, where known. Law 104 ends 2026-08-31 (LAW.md §8.1);
    /// Decree 13 and the circulars are only known to apply until then (A22).
    pub fn in_force_until(self) -> Option<NaiveDate> {
        match self {
            Instrument::Law104 | Instrument::Decree13 | Instrument::Circ46 | Instrument::Circ64 => {
                NaiveDate::from_ymd_opt(2026, 8, 31)
            }
            Instrument::Labour2012 => NaiveDate::from_ymd_opt(2020, 12, 31),
            _ => None,
        }
    }

    /// Pháp điển prefix for articles of this instrument (topic 32.2), if any.
    pub fn phap_dien_prefix(self) -> Option<&'static str> {
        match self {
            Instrument::Law104 => Some("32.2.LQ."),
            Instrument::Decree13 => Some("32.2.NĐ.1."),
            Instrument::Circ46 => Some("32.2.TT.1."),
            Instrument::Circ64 => Some("32.2.TT.2."),
            _ => None,
        }
    }
}

/// A point letter (điểm) in the Vietnamese legal alphabet:
/// a b c d đ e g h i k l m n o p q r s t u v x y. There is no f, j, w or z,
/// and đ sorts right after d (LAW.md §0.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Point(u8);

/// The Vietnamese legal alphabet, in order.
pub const POINT_LETTERS: [&str; 23] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

/// Error for a letter that is not a Vietnamese point letter.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{input:?} is not a Vietnamese legal point letter (a b c d đ e g h i k l m n o p q r s t u v x y; there is no f, j, w or z)")]
pub struct PointLetterError {
    /// The text that was given.
    pub input: String,
}

impl Point {
    /// The point at `index` in [`POINT_LETTERS`] (0 = a, 4 = đ).
    ///
    /// # Panics
    /// Panics if `index >= 23`; used for constants only.
    pub const fn nth(index: u8) -> Point {
        assert!(index < 23);
        Point(index)
    }

    /// The letter, NFC (`đ` is U+0111).
    pub fn letter(self) -> &'static str {
        POINT_LETTERS[self.0 as usize]
    }

    /// Position in the legal alphabet (a = 0).
    pub fn index(self) -> u8 {
        self.0
    }

    /// Parse a point letter. Accepts upper or lower case, surrounding spaces
    /// and parentheses (`"(đ)"`), the decomposed `d` + combining stroke is not
    /// a thing in Unicode so `đ`/`Đ` are matched directly, and `dd` is
    /// accepted as an input spelling of đ (LAW.md §0.1).
    ///
    /// # Errors
    /// [`PointLetterError`] for f, j, w, z or anything that is not one letter
    /// of the legal alphabet.
    ///
    /// ```
    /// use tiepcan::law::Point;
    /// assert_eq!(Point::parse("đ")?.letter(), "đ");
    /// assert_eq!(Point::parse("DD")?.letter(), "đ");
    /// assert!(Point::parse("f").is_err());
    /// # Ok::<(), tiepcan::law::PointLetterError>(())
    /// ```
    pub fn parse(input: &str) -> Result<Point, PointLetterError> {
        let t = crate::text::to_lower(
            input
                .trim()
                .trim_start_matches(['(', '[', ' '])
                .trim_end_matches([')', ']', '.', ' '])
                .trim(),
        );
        let t = if t == "dd" { "đ".to_string() } else { t };
        POINT_LETTERS
            .iter()
            .position(|l| *l == t)
            .map(|i| Point(i as u8))
            .ok_or_else(|| PointLetterError {
                input: input.to_string(),
            })
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.letter())
    }
}

/// A citation of a provision (LAW.md §0.1):
/// `Citation { instrument, article, clause?, sub_item?, point?, paragraph? }`.
///
/// `Display` gives the English form, e.g. `Law 104/2016/QH13, Art. 17(1)(đ)`;
/// [`Citation::to_vietnamese`] gives the Vietnamese form, smallest unit first,
/// e.g. `điểm đ khoản 1 Điều 17 Luật Tiếp cận thông tin 2016`.
///
/// ```
/// use tiepcan::law::{Citation, Instrument};
/// let c = Citation::law104(17).clause(1).point_letter("a");
/// assert_eq!(c.to_string(), "Law 104/2016/QH13, Art. 17(1)(a)");
/// assert_eq!(c.to_vietnamese(), "điểm a khoản 1 Điều 17 Luật Tiếp cận thông tin 2016");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Citation {
    /// The instrument.
    pub instrument: Instrument,
    /// Article number (Điều); `0` when the provision is known to exist but
    /// its number is not yet known (the amended Law of 2026, LAW.md §8.3).
    pub article: u16,
    /// Clause number (khoản).
    pub clause: Option<u8>,
    /// Numbered sub-item inside a clause, as Circular 46's "1.1" and "1.2":
    /// `Some(1)` with `clause: Some(1)` renders as `(1)(1.1)`.
    pub sub_item: Option<u8>,
    /// Point letter (điểm).
    pub point: Option<Point>,
    /// Unnumbered paragraph (đoạn), 1-based.
    pub paragraph: Option<u8>,
}

impl Citation {
    /// A citation of a whole article.
    pub const fn article(instrument: Instrument, article: u16) -> Citation {
        Citation {
            instrument,
            article,
            clause: None,
            sub_item: None,
            point: None,
            paragraph: None,
        }
    }

    /// Law 104/2016/QH13, Art. `article`.
    pub const fn law104(article: u16) -> Citation {
        Citation::article(Instrument::Law104, article)
    }

    /// Decree 13/2018/NĐ-CP, Art. `article`.
    pub const fn decree13(article: u16) -> Citation {
        Citation::article(Instrument::Decree13, article)
    }

    /// With a clause (khoản).
    pub const fn clause(mut self, clause: u8) -> Citation {
        self.clause = Some(clause);
        self
    }

    /// With a numbered sub-item of the clause (Circular 46 "1.1").
    pub const fn sub_item(mut self, sub_item: u8) -> Citation {
        self.sub_item = Some(sub_item);
        self
    }

    /// With a point (điểm).
    pub const fn point(mut self, point: Point) -> Citation {
        self.point = Some(point);
        self
    }

    /// With a point given as a letter.
    ///
    /// # Panics
    /// Panics if `letter` is not a Vietnamese point letter; meant for
    /// constant citations written in code.
    pub fn point_letter(self, letter: &str) -> Citation {
        self.point(Point::parse(letter).expect("valid point letter in a built-in citation"))
    }

    /// With an unnumbered paragraph (đoạn).
    pub const fn paragraph(mut self, paragraph: u8) -> Citation {
        self.paragraph = Some(paragraph);
        self
    }

    /// English form, e.g. `Decree 13/2018/NĐ-CP, Art. 6(3) para. 2`.
    pub fn to_english(&self) -> String {
        self.to_string()
    }

    /// Vietnamese form, smallest unit first, e.g.
    /// `đoạn 2 khoản 3 Điều 6 Nghị định 13/2018/NĐ-CP`.
    pub fn to_vietnamese(&self) -> String {
        if self.article == 0 {
            return format!("{} (chưa xác định điều)", self.instrument.name_vi());
        }
        let mut parts = Vec::new();
        if let Some(p) = self.paragraph {
            parts.push(format!("đoạn {p}"));
        }
        if let Some(p) = self.point {
            parts.push(format!("điểm {p}"));
        }
        if let (Some(c), Some(s)) = (self.clause, self.sub_item) {
            parts.push(format!("tiểu mục {c}.{s}"));
        }
        if let Some(c) = self.clause {
            parts.push(format!("khoản {c}"));
        }
        parts.push(format!("Điều {}", self.article));
        parts.push(self.instrument.name_vi().to_string());
        parts.join(" ")
    }

    /// Pháp điển identifier of the article (`32.2.LQ.17`), where the
    /// instrument is in topic 32.2.
    pub fn phap_dien_id(&self) -> Option<String> {
        self.instrument
            .phap_dien_prefix()
            .map(|p| format!("{p}{}", self.article))
    }
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.article == 0 {
            // The amended Law's article numbers are not yet known (LAW.md §8.3).
            return write!(f, "{} (article not yet known)", self.instrument.name_en());
        }
        write!(f, "{}, Art. {}", self.instrument.name_en(), self.article)?;
        if let Some(c) = self.clause {
            write!(f, "({c})")?;
            if let Some(s) = self.sub_item {
                write!(f, "({c}.{s})")?;
            }
        }
        if let Some(p) = self.point {
            write!(f, "({p})")?;
        }
        if let Some(p) = self.paragraph {
            write!(f, " para. {p}")?;
        }
        Ok(())
    }
}

/// The serialised shape of a [`Citation`]:
/// `{"instrument","article","clause","sub_item","point","paragraph","text","text_vi"}`.
#[derive(Serialize, Deserialize)]
struct CitationRepr {
    instrument: Instrument,
    article: u16,
    #[serde(default)]
    clause: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sub_item: Option<u8>,
    #[serde(default)]
    point: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    paragraph: Option<u8>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    text_vi: Option<String>,
}

impl Serialize for Citation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        CitationRepr {
            instrument: self.instrument,
            article: self.article,
            clause: self.clause,
            sub_item: self.sub_item,
            point: self.point.map(|p| p.letter().to_string()),
            paragraph: self.paragraph,
            text: Some(self.to_string()),
            text_vi: Some(self.to_vietnamese()),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Citation {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = CitationRepr::deserialize(d)?;
        let point = match r.point {
            Some(p) => Some(Point::parse(&p).map_err(serde::de::Error::custom)?),
            None => None,
        };
        Ok(Citation {
            instrument: r.instrument,
            article: r.article,
            clause: r.clause,
            sub_item: r.sub_item,
            point,
            paragraph: r.paragraph,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_forms_match_law_md_0_1() {
        assert_eq!(
            Citation::law104(17).clause(1).point_letter("đ").to_string(),
            "Law 104/2016/QH13, Art. 17(1)(đ)"
        );
        assert_eq!(
            Citation::decree13(6).clause(3).paragraph(2).to_string(),
            "Decree 13/2018/NĐ-CP, Art. 6(3) para. 2"
        );
        assert_eq!(
            Citation::article(Instrument::Circ46, 3)
                .clause(1)
                .sub_item(1)
                .point_letter("b")
                .to_string(),
            "Circular 46/2018/TT-BTC, Art. 3(1)(1.1)(b)"
        );
    }

    #[test]
    fn vietnamese_form_smallest_unit_first() {
        assert_eq!(
            Citation::law104(17)
                .clause(1)
                .point_letter("đ")
                .to_vietnamese(),
            "điểm đ khoản 1 Điều 17 Luật Tiếp cận thông tin 2016"
        );
    }

    #[test]
    fn point_letters_have_no_f_j_w_z_and_d_stroke_follows_d() {
        for bad in ["f", "j", "w", "z", "F", "ab", ""] {
            assert!(Point::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            Point::parse("đ").unwrap().index(),
            Point::parse("d").unwrap().index() + 1
        );
        assert_eq!(Point::parse("Đ").unwrap().letter(), "\u{111}");
        assert_eq!(Point::parse("(e)").unwrap().letter(), "e");
    }

    #[test]
    fn citation_json_round_trip() {
        let c = Citation::law104(30).clause(4).paragraph(2);
        let j = serde_json::to_value(c).unwrap();
        assert_eq!(j["text"], "Law 104/2016/QH13, Art. 30(4) para. 2");
        assert_eq!(j["instrument"], "law104");
        let back: Citation = serde_json::from_value(j).unwrap();
        assert_eq!(back, c);
    }
}
