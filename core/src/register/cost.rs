//! Chi phí thực tế — the actual costs a requester pays for printing,
//! copying, photographing and sending (Law 104/2016/QH13, Art. 12(2);
//! Decree 13/2018/NĐ-CP, Art. 13; Circular 46/2018/TT-BTC; LAW.md §6).
//!
//! There are no fees or charges (phí, lệ phí): a line called a fee or charge
//! is refused (Art. 12(1); rule `R-NO-FEES`). Amounts are exact VND; the
//! texts set no rounding rule (LAW.md A29).

use serde::{Deserialize, Serialize};

use crate::law::{Channel, Citation, Instrument, Point};
use crate::model::AreaClass;

/// A line of the Circular 46/2018/TT-BTC rate appendix (LAW.md §6.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CostItem {
    /// 1.1 Photocopy, black and white, materials included — per A4 page.
    PhotocopyBw,
    /// 1.2 Photocopy, colour, materials included — per A4 page.
    PhotocopyColour,
    /// 2.1 Print from original film or photo, ≤ 15×21 cm — per sheet.
    PhotoPrintSmall,
    /// 2.2 Print 20×25 to 20×30 cm — per sheet.
    PhotoPrintMedium,
    /// 2.3 Print 25×35 to 30×40 cm — per sheet.
    PhotoPrintLarge,
    /// 3 Copy of an audio recording, materials excluded — per minute.
    AudioCopy,
    /// 4 Copy of a cinema film, materials excluded — per minute.
    FilmCopy,
    /// 5.1 Print of a digitised document (full text), black and white — per A4 page.
    DigitisedPrintBw,
    /// 5.2 The same, colour — per A4 page.
    DigitisedPrintColour,
}

/// The rate appendix of Circular 46/2018/TT-BTC (LAW.md §6.1, marked
/// "sec." there): line number, item, unit and rate in VND. The one place
/// these numbers live.
pub const CIRC46_RATES: [(&str, CostItem, &str, u64); 9] = [
    ("1.1", CostItem::PhotocopyBw, "A4 page", 3_000),
    ("1.2", CostItem::PhotocopyColour, "A4 page", 18_000),
    ("2.1", CostItem::PhotoPrintSmall, "sheet", 36_000),
    ("2.2", CostItem::PhotoPrintMedium, "sheet", 54_000),
    ("2.3", CostItem::PhotoPrintLarge, "sheet", 135_000),
    ("3", CostItem::AudioCopy, "minute", 27_000),
    ("4", CostItem::FilmCopy, "minute", 54_000),
    ("5.1", CostItem::DigitisedPrintBw, "A4 page", 2_000),
    ("5.2", CostItem::DigitisedPrintColour, "A4 page", 14_000),
];

impl CostItem {
    /// Every item, in appendix order.
    pub const ALL: [CostItem; 9] = [
        Self::PhotocopyBw,
        Self::PhotocopyColour,
        Self::PhotoPrintSmall,
        Self::PhotoPrintMedium,
        Self::PhotoPrintLarge,
        Self::AudioCopy,
        Self::FilmCopy,
        Self::DigitisedPrintBw,
        Self::DigitisedPrintColour,
    ];

    fn row(self) -> &'static (&'static str, CostItem, &'static str, u64) {
        CIRC46_RATES
            .iter()
            .find(|r| r.1 == self)
            .expect("every item has a rate row")
    }

    /// Rate in VND per unit at A4 and full level.
    pub fn rate_vnd(self) -> u64 {
        self.row().3
    }

    /// Unit of quantity: `"A4 page"`, `"sheet"` or `"minute"`.
    pub fn unit(self) -> &'static str {
        self.row().2
    }

    /// Appendix line number (`"1.1"`).
    pub fn line(self) -> &'static str {
        self.row().0
    }

    /// snake_case code.
    pub fn code(self) -> &'static str {
        match self {
            Self::PhotocopyBw => "photocopy_bw",
            Self::PhotocopyColour => "photocopy_colour",
            Self::PhotoPrintSmall => "photo_print_small",
            Self::PhotoPrintMedium => "photo_print_medium",
            Self::PhotoPrintLarge => "photo_print_large",
            Self::AudioCopy => "audio_copy",
            Self::FilmCopy => "film_copy",
            Self::DigitisedPrintBw => "digitised_print_bw",
            Self::DigitisedPrintColour => "digitised_print_colour",
        }
    }

    /// Whether paper-size multipliers apply (photocopy lines 1.1 and 1.2).
    pub fn takes_paper_size(self) -> bool {
        matches!(self, Self::PhotocopyBw | Self::PhotocopyColour)
    }

    /// Parse a code or appendix line number. A label naming a fee or charge
    /// (phí, lệ phí, fee, charge — but not "chi phí", cost) is refused.
    ///
    /// # Errors
    /// [`CostError::FeeNotAllowed`] for a fee or charge,
    /// [`CostError::UnknownItem`] for anything else not in the appendix.
    ///
    /// ```
    /// use tiepcan::register::{CostError, CostItem};
    /// assert_eq!(CostItem::parse("1.1")?, CostItem::PhotocopyBw);
    /// assert!(matches!(CostItem::parse("Lệ phí cung cấp thông tin"), Err(CostError::FeeNotAllowed { .. })));
    /// # Ok::<(), CostError>(())
    /// ```
    pub fn parse(label: &str) -> Result<CostItem, CostError> {
        if is_fee_label(label) {
            return Err(CostError::FeeNotAllowed {
                label: label.to_string(),
            });
        }
        let t = label.trim();
        Self::ALL
            .into_iter()
            .find(|i| i.code() == t || i.line() == t)
            .ok_or_else(|| CostError::UnknownItem {
                label: label.to_string(),
            })
    }
}

/// Whether a cost label names a fee or charge (phí, lệ phí, fee, charge),
/// which Art. 12(1) forbids; "chi phí" (cost) is allowed.
pub fn is_fee_label(label: &str) -> bool {
    let k = crate::text::fold_key(label);
    let words: Vec<&str> = k.split(|c: char| !c.is_alphanumeric()).collect();
    words.iter().enumerate().any(|(i, w)| {
        (*w == "phi" && (i == 0 || words[i - 1] != "chi"))
            || *w == "fee"
            || *w == "fees"
            || *w == "charge"
            || *w == "charges"
    })
}

/// Paper size of a photocopy line (Circ46 appendix: A3 = 2×, A2 = 4×, and
/// an 8× size read as A1, LAW.md A28).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum PaperSize {
    /// A4, the base size.
    #[default]
    A4,
    /// A3: 2× the A4 rate.
    A3,
    /// A2: 4× the A4 rate.
    A2,
    /// A1 (LAW.md A28): 8× the A4 rate.
    A1,
}

impl PaperSize {
    /// Multiplier of the A4 rate.
    pub fn multiplier(self) -> u64 {
        match self {
            Self::A4 => 1,
            Self::A3 => 2,
            Self::A2 => 4,
            Self::A1 => 8,
        }
    }
}

/// One line of a cost quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostLine {
    /// Appendix item.
    pub item: CostItem,
    /// Paper size (photocopy lines only; A4 otherwise).
    #[serde(default)]
    pub size: PaperSize,
    /// Pages, sheets or minutes.
    pub quantity: u32,
}

/// How the information is sent, for the sending cost (Circ46 Art. 3(1)(1.2), 3(2)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "by")]
pub enum Sending {
    /// Collected at the office: nothing to send.
    AtOffice,
    /// By post, at the postage charged (up to the Circular 22/2017/TT-BTTTT
    /// maximum tariff, which LAW.md does not tabulate).
    Post {
        /// Postage in VND.
        postage_vnd: u64,
    },
    /// By electronic network: no sending cost.
    Electronic,
    /// By fax: no sending cost.
    Fax,
}

impl Sending {
    /// The free sending mode matching a channel (post needs its postage).
    pub fn free_for(channel: Channel) -> Sending {
        match channel {
            Channel::Electronic => Sending::Electronic,
            Channel::Fax => Sending::Fax,
            Channel::InPerson | Channel::Postal => Sending::AtOffice,
        }
    }
}

/// Why a quote cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
pub enum CostError {
    /// A fee or charge line (Art. 12(1); rule R-NO-FEES).
    #[error("{label:?} is a fee or charge; requesters pay no fees or charges, only actual costs (Law 104/2016/QH13, Art. 12(1))")]
    FeeNotAllowed {
        /// The label.
        label: String,
    },
    /// Not an appendix line (rule R-COST-TABLE).
    #[error("{label:?} is not a line of the Circular 46/2018/TT-BTC appendix")]
    UnknownItem {
        /// The label.
        label: String,
    },
    /// A paper size on a line the multipliers do not cover (R-COST-TABLE).
    #[error("paper size {size:?} given for {item:?}; size multipliers apply to photocopy lines only (Circular 46/2018/TT-BTC appendix)")]
    SizeNotApplicable {
        /// The item.
        item: CostItem,
        /// The size.
        size: PaperSize,
    },
}

/// A priced line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PricedLine {
    /// The line.
    pub line: CostLine,
    /// Rate × size multiplier × quantity, before the area level, VND.
    pub full_vnd: u64,
    /// After the area level, VND.
    pub due_vnd: u64,
}

/// A cost quote as the focal officer writes it on Form 03 (Circ46
/// Art. 4(1)(a)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CostQuote {
    /// The priced lines.
    pub lines: Vec<PricedLine>,
    /// Percentage of the rates due for the agency's area (100, 70 or 50).
    pub area_percent: u64,
    /// Sum of the copy lines after the area level, VND.
    pub copying_vnd: u64,
    /// Sending cost, VND (never reduced by the area level).
    pub sending_vnd: u64,
    /// Total, VND.
    pub total_vnd: u64,
    /// Legal basis of each part.
    pub citations: Vec<Citation>,
}

/// Percentage of the rates an agency's area pays (Circ46 Art. 3(1)(1.1)(b)):
/// 100 normal, 70 difficult, 50 especially difficult.
pub fn area_percent(area: AreaClass) -> u64 {
    match area {
        AreaClass::Normal => 100,
        AreaClass::Difficult => 70,
        AreaClass::EspeciallyDifficult => 50,
    }
}

fn circ46() -> Citation {
    Citation::article(Instrument::Circ46, 3).clause(1)
}

/// Compute the actual cost of a request (LAW.md §6.4):
/// `Σ rate × size multiplier × quantity × area level + sending`.
///
/// The area level is the **providing agency's** (`area`), and applies to
/// the copy lines only, never to sending.
///
/// # Errors
/// [`CostError::SizeNotApplicable`] when a non-photocopy line has a size
/// other than A4.
///
/// # Example: 40 A4 black-and-white pages and one A3 colour page by post
/// from an agency in a difficult area
/// ```
/// use tiepcan::model::AreaClass;
/// use tiepcan::register::{quote, CostItem, CostLine, PaperSize, Sending};
/// let q = quote(
///     &[CostLine { item: CostItem::PhotocopyBw, size: PaperSize::A4, quantity: 40 },
///       CostLine { item: CostItem::PhotocopyColour, size: PaperSize::A3, quantity: 1 }],
///     AreaClass::Difficult,
///     Sending::Post { postage_vnd: 25_000 },
/// )?;
/// // (40 × 3,000 + 2 × 18,000) × 70 % = 109,200; postage is not reduced.
/// assert_eq!(q.copying_vnd, 109_200);
/// assert_eq!(q.total_vnd, 134_200);
/// # Ok::<(), tiepcan::register::CostError>(())
/// ```
pub fn quote(
    lines: &[CostLine],
    area: AreaClass,
    sending: Sending,
) -> Result<CostQuote, CostError> {
    let pct = area_percent(area);
    let mut priced = Vec::with_capacity(lines.len());
    for l in lines {
        if !l.item.takes_paper_size() && l.size != PaperSize::A4 {
            return Err(CostError::SizeNotApplicable {
                item: l.item,
                size: l.size,
            });
        }
        let full = l.item.rate_vnd() * l.size.multiplier() * u64::from(l.quantity);
        // Every rate is a multiple of 1,000 VND, so 70 % and 50 % are exact.
        priced.push(PricedLine {
            line: *l,
            full_vnd: full,
            due_vnd: full * pct / 100,
        });
    }
    let copying: u64 = priced.iter().map(|p| p.due_vnd).sum();
    let sending_vnd = match sending {
        Sending::Post { postage_vnd } => postage_vnd,
        _ => 0,
    };
    let mut citations = vec![circ46().sub_item(1).point(Point::nth(0))];
    if pct != 100 {
        citations.push(circ46().sub_item(1).point(Point::nth(1)));
    }
    citations.push(circ46().sub_item(2));
    Ok(CostQuote {
        lines: priced,
        area_percent: pct,
        copying_vnd: copying,
        sending_vnd,
        total_vnd: copying + sending_vnd,
        citations,
    })
}
