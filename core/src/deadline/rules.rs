//! The time-limit table (bảng thời hạn) per regime: LAW.md §5.8 as data,
//! each value with its status, and the user rule file that replaces it.

use std::fmt;
use std::io::Read;

use serde::{Deserialize, Serialize};

use super::DeadlineError;
use crate::law::{Channel, Citation, Instrument, Point, Regime};

/// Simple or complex request (LAW.md §5.6); the agency decides and records
/// its reason (A5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Complexity {
    /// Đơn giản, có sẵn: available and can be provided at once.
    Simple,
    /// Phức tạp: must be gathered from units, or needs another body's opinion
    /// (Arts 29(2), 30(4), 31(2)).
    Complex,
}

impl Complexity {
    /// `simple` or `complex`.
    pub fn code(self) -> &'static str {
        match self {
            Complexity::Simple => "simple",
            Complexity::Complex => "complex",
        }
    }

    /// Parse `simple` / `complex` (also Vietnamese `don gian` / `phuc tap`).
    pub fn parse(s: &str) -> Option<Complexity> {
        match crate::text::fold_key(s).as_str() {
            "simple" | "don gian" => Some(Complexity::Simple),
            "complex" | "phuc tap" => Some(Complexity::Complex),
            _ => None,
        }
    }
}

/// What a time limit is for: the four request milestones, then the other
/// periods of LAW.md §5.8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// Cung cấp thông tin: provide (simple requests).
    Provide,
    /// Thông báo thời hạn: written notice of the time limit (complex
    /// electronic, postal and fax requests).
    NotifyTimeline,
    /// Cung cấp hoặc từ chối: provide, or refuse in writing (complex).
    ProvideOrRefuse,
    /// Gia hạn: the extended limit, counted from the `provide_or_refuse` due
    /// date (A30).
    ExtendedProvideOrRefuse,
    /// Art. 32(1): the agency finds information it provided inaccurate.
    CorrectionSelf,
    /// Art. 32(2) para. 2: the requester claims it was inaccurate.
    CorrectionClaim,
    /// Art. 32(3) para. 1: the commune asks the creating agency to review.
    CorrectionCommuneRefer,
    /// Art. 32(3) para. 1: the creating agency answers the commune.
    CorrectionCommuneAnswer,
    /// Art. 32(3) para. 2: the commune corrects or informs the requester.
    CorrectionCommuneFinish,
    /// Art. 22(4): reply to a citizen's petition on disclosed information.
    PetitionReply,
    /// Art. 21(2): minimum posting duration (niêm yết).
    PostingMinimum,
    /// Art. 18(4): disclosure where no law sets the timing.
    DisclosureTiming,
}

impl PeriodKind {
    /// Every kind, in table order.
    pub const ALL: [PeriodKind; 12] = [
        PeriodKind::Provide,
        PeriodKind::NotifyTimeline,
        PeriodKind::ProvideOrRefuse,
        PeriodKind::ExtendedProvideOrRefuse,
        PeriodKind::CorrectionSelf,
        PeriodKind::CorrectionClaim,
        PeriodKind::CorrectionCommuneRefer,
        PeriodKind::CorrectionCommuneAnswer,
        PeriodKind::CorrectionCommuneFinish,
        PeriodKind::PetitionReply,
        PeriodKind::PostingMinimum,
        PeriodKind::DisclosureTiming,
    ];

    /// snake_case code, as in JSON and the rule file.
    pub fn code(self) -> &'static str {
        match self {
            PeriodKind::Provide => "provide",
            PeriodKind::NotifyTimeline => "notify_timeline",
            PeriodKind::ProvideOrRefuse => "provide_or_refuse",
            PeriodKind::ExtendedProvideOrRefuse => "extended_provide_or_refuse",
            PeriodKind::CorrectionSelf => "correction_self",
            PeriodKind::CorrectionClaim => "correction_claim",
            PeriodKind::CorrectionCommuneRefer => "correction_commune_refer",
            PeriodKind::CorrectionCommuneAnswer => "correction_commune_answer",
            PeriodKind::CorrectionCommuneFinish => "correction_commune_finish",
            PeriodKind::PetitionReply => "petition_reply",
            PeriodKind::PostingMinimum => "posting_minimum",
            PeriodKind::DisclosureTiming => "disclosure_timing",
        }
    }

    /// Parse a code.
    pub fn parse(s: &str) -> Option<PeriodKind> {
        PeriodKind::ALL.into_iter().find(|k| k.code() == s.trim())
    }

    /// Whether this is one of the four request milestones.
    pub fn is_request_milestone(self) -> bool {
        matches!(
            self,
            PeriodKind::Provide
                | PeriodKind::NotifyTimeline
                | PeriodKind::ProvideOrRefuse
                | PeriodKind::ExtendedProvideOrRefuse
        )
    }

    /// Vietnamese label.
    pub fn label_vi(self) -> &'static str {
        match self {
            PeriodKind::Provide => "cung cấp thông tin",
            PeriodKind::NotifyTimeline => "thông báo thời hạn giải quyết",
            PeriodKind::ProvideOrRefuse => "cung cấp hoặc từ chối",
            PeriodKind::ExtendedProvideOrRefuse => "cung cấp hoặc từ chối (gia hạn tối đa)",
            PeriodKind::CorrectionSelf => "đính chính thông tin đã cung cấp (tự phát hiện)",
            PeriodKind::CorrectionClaim => "trả lời yêu cầu đính chính",
            PeriodKind::CorrectionCommuneRefer => "UBND xã đề nghị cơ quan tạo ra xem xét",
            PeriodKind::CorrectionCommuneAnswer => "cơ quan tạo ra trả lời UBND xã",
            PeriodKind::CorrectionCommuneFinish => "UBND xã đính chính hoặc thông báo",
            PeriodKind::PetitionReply => "trả lời kiến nghị về thông tin đã công khai",
            PeriodKind::PostingMinimum => "niêm yết tối thiểu",
            PeriodKind::DisclosureTiming => "công khai thông tin",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            PeriodKind::Provide => "provide",
            PeriodKind::NotifyTimeline => "notice of the time limit",
            PeriodKind::ProvideOrRefuse => "provide or refuse",
            PeriodKind::ExtendedProvideOrRefuse => "provide or refuse (maximum extension)",
            PeriodKind::CorrectionSelf => "correct provided information (self-found)",
            PeriodKind::CorrectionClaim => "reply to a correction claim",
            PeriodKind::CorrectionCommuneRefer => "commune refers to the creating agency",
            PeriodKind::CorrectionCommuneAnswer => "creating agency answers the commune",
            PeriodKind::CorrectionCommuneFinish => "commune corrects or informs",
            PeriodKind::PetitionReply => "reply to a petition on disclosed information",
            PeriodKind::PostingMinimum => "minimum posting",
            PeriodKind::DisclosureTiming => "disclose",
        }
    }
}

impl fmt::Display for PeriodKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The unit of a time limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// "ngày làm việc": working days, the n-th working day after day 0.
    WorkingDays,
    /// An unqualified "ngày": calendar days, rolled to the next working day
    /// when the last day is not one (Civil Code Art. 148; LAW.md A1, A2).
    CalendarDays,
    /// "ngay": immediately, on day 0 itself with no roll (Art. 29(1); interp.).
    Immediate,
}

impl Unit {
    /// `working_days`, `calendar_days` or `immediate`.
    pub fn code(self) -> &'static str {
        match self {
            Unit::WorkingDays => "working_days",
            Unit::CalendarDays => "calendar_days",
            Unit::Immediate => "immediate",
        }
    }

    /// Parse a code.
    pub fn parse(s: &str) -> Option<Unit> {
        match s.trim() {
            "working_days" => Some(Unit::WorkingDays),
            "calendar_days" => Some(Unit::CalendarDays),
            "immediate" => Some(Unit::Immediate),
            _ => None,
        }
    }
}

/// How certain a value in the table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueStatus {
    /// Read from the consolidated legal text.
    Verified,
    /// From a draft or secondary sources; not confirmed in the adopted text.
    Draft,
    /// Law 104's value carried over to the amended Law, whose own value is
    /// not known yet (LAW.md §8.3, A14).
    CarriedOver,
}

impl ValueStatus {
    /// `verified`, `draft` or `carried_over`.
    pub fn code(self) -> &'static str {
        match self {
            ValueStatus::Verified => "verified",
            ValueStatus::Draft => "draft",
            ValueStatus::CarriedOver => "carried_over",
        }
    }

    /// Parse a code.
    pub fn parse(s: &str) -> Option<ValueStatus> {
        match s.trim() {
            "verified" => Some(ValueStatus::Verified),
            "draft" => Some(ValueStatus::Draft),
            "carried_over" => Some(ValueStatus::CarriedOver),
            _ => None,
        }
    }
}

/// One row of the time-limit table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodRule {
    /// Row id, LAW.md §5.8 (e.g. `DL-EL-COMPLEX`).
    pub id: String,
    /// Regime the row belongs to.
    pub regime: Regime,
    /// Channels the row applies to; empty = any channel.
    pub channels: Vec<Channel>,
    /// Complexity the row applies to; `None` = either.
    pub complexity: Option<Complexity>,
    /// What the limit is for.
    pub kind: PeriodKind,
    /// The number (a cap for extensions, a minimum for postings).
    pub value: u32,
    /// How the number is counted.
    pub unit: Unit,
    /// The unit as the text writes it (`ngày làm việc`, `ngày`, `ngay`).
    pub unit_as_written: String,
    /// Legal basis.
    pub citation: Citation,
    /// How certain the value is.
    pub status: ValueStatus,
}

impl PeriodRule {
    fn applies(
        &self,
        regime: Regime,
        kind: PeriodKind,
        channel: Option<Channel>,
        complexity: Option<Complexity>,
    ) -> bool {
        self.regime == regime
            && self.kind == kind
            && (self.channels.is_empty() || channel.is_some_and(|c| self.channels.contains(&c)))
            && (self.complexity.is_none() || self.complexity == complexity)
    }
}

const WD: &str = "ngày làm việc";
const DAYS: &str = "ngày";
const NOW: &str = "ngay";

/// (id, channels, complexity, kind, value, unit, unit as written, citation)
type Row = (
    &'static str,
    &'static [Channel],
    Option<Complexity>,
    PeriodKind,
    u32,
    Unit,
    &'static str,
    Citation,
);

/// LAW.md §5.8, Law 104/2016/QH13: every verified number in one table.
#[rustfmt::skip]
fn law104_rows() -> Vec<Row> {
    use Channel::*;
    use Complexity::*;
    use PeriodKind::*;
    use Unit::*;
    let l = Citation::law104;
    const PF: &[Channel] = &[Postal, Fax];
    vec![
        ("DL-IP-SIMPLE", &[InPerson], Some(Simple), Provide, 0, Immediate, NOW, l(29).clause(1)),
        ("DL-IP-COMPLEX", &[InPerson], Some(Complex), ProvideOrRefuse, 10, WorkingDays, WD, l(29).clause(2).paragraph(1)),
        ("DL-IP-EXT", &[InPerson], Some(Complex), ExtendedProvideOrRefuse, 10, WorkingDays, WD, l(29).clause(2).paragraph(2)),
        ("DL-EL-SIMPLE", &[Electronic], Some(Simple), Provide, 3, WorkingDays, WD, l(30).clause(3)),
        ("DL-EL-NOTICE", &[Electronic], Some(Complex), NotifyTimeline, 3, WorkingDays, WD, l(30).clause(4).paragraph(1)),
        ("DL-EL-COMPLEX", &[Electronic], Some(Complex), ProvideOrRefuse, 15, WorkingDays, WD, l(30).clause(4).paragraph(1)),
        ("DL-EL-EXT", &[Electronic], Some(Complex), ExtendedProvideOrRefuse, 15, CalendarDays, DAYS, l(30).clause(4).paragraph(2)),
        ("DL-PF-SIMPLE", PF, Some(Simple), Provide, 5, WorkingDays, WD, l(31).clause(1)),
        ("DL-PF-NOTICE", PF, Some(Complex), NotifyTimeline, 3, WorkingDays, WD, l(31).clause(2).paragraph(1)),
        ("DL-PF-COMPLEX", PF, Some(Complex), ProvideOrRefuse, 15, WorkingDays, WD, l(31).clause(2).paragraph(1)),
        ("DL-PF-EXT", PF, Some(Complex), ExtendedProvideOrRefuse, 15, CalendarDays, DAYS, l(31).clause(2).paragraph(2)),
        ("DL-CORR-SELF", &[], None, CorrectionSelf, 5, WorkingDays, WD, l(32).clause(1)),
        ("DL-CORR-CLAIM", &[], None, CorrectionClaim, 15, CalendarDays, DAYS, l(32).clause(2).paragraph(2)),
        ("DL-CORR-XA-REFER", &[], None, CorrectionCommuneRefer, 5, WorkingDays, WD, l(32).clause(3).paragraph(1)),
        ("DL-CORR-XA-ANSWER", &[], None, CorrectionCommuneAnswer, 15, CalendarDays, DAYS, l(32).clause(3).paragraph(1)),
        ("DL-CORR-XA-FINISH", &[], None, CorrectionCommuneFinish, 3, WorkingDays, WD, l(32).clause(3).paragraph(2)),
        ("DL-DISC-PETITION", &[], None, PetitionReply, 15, CalendarDays, DAYS, l(22).clause(4)),
        ("DL-POSTING", &[], None, PostingMinimum, 30, CalendarDays, DAYS, l(21).clause(2)),
        ("DL-DISC-TIMING", &[], None, DisclosureTiming, 5, WorkingDays, WD, l(18).clause(4)),
    ]
}

/// Values of the amended Law known from secondary sources (LAW.md §8.3):
/// the reply to a petition on inaccurate disclosed information, 10 days
/// (unit wording unknown; read as "ngày"). Article numbering is unknown, so
/// the citation names the Law only.
fn law2026_known_rows() -> Vec<PeriodRule> {
    vec![PeriodRule {
        id: "DL2026-DISC-PETITION".into(),
        regime: Regime::Law2026,
        channels: vec![],
        complexity: None,
        kind: PeriodKind::PetitionReply,
        value: 10,
        unit: Unit::CalendarDays,
        unit_as_written: DAYS.into(),
        citation: Citation::article(Instrument::Law2026, 0),
        status: ValueStatus::Draft,
    }]
}

/// The time-limit table: rows per regime, each with its status.
///
/// The built-in table holds LAW.md §5.8 for Law 104 (status `verified`);
/// for the amended Law (from 2026-09-01) the values known from secondary
/// sources (status `draft`) and, for everything else, Law 104's rows carried
/// over (status `carried_over`, citing the Law 104 article they come from).
///
/// # User rule file
///
/// A CSV file with the header
/// `id,regime,channel,complexity,kind,value,unit,unit_as_written,article,clause,point,paragraph,status`
/// (the output of [`RuleTable::to_csv`]):
///
/// * `regime`: `2016` or `2026`; the citation's instrument is that regime's law;
/// * `channel`: `any`, or channel codes joined by `|` (`postal|fax`);
/// * `complexity`: `any`, `simple` or `complex`;
/// * `kind`: a [`PeriodKind`] code; `unit`: a [`Unit`] code;
/// * `article,clause,point,paragraph`: the citation, empty where absent;
/// * `status`: `verified`, `draft` or `carried_over`.
///
/// The rows of the file replace the built-in rows of every regime the file
/// mentions; regimes it does not mention keep the built-in rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleTable {
    rows: Vec<PeriodRule>,
}

impl Default for RuleTable {
    fn default() -> Self {
        RuleTable::builtin()
    }
}

const CSV_HEADER: [&str; 13] = [
    "id",
    "regime",
    "channel",
    "complexity",
    "kind",
    "value",
    "unit",
    "unit_as_written",
    "article",
    "clause",
    "point",
    "paragraph",
    "status",
];

impl RuleTable {
    /// The built-in table.
    ///
    /// ```
    /// use tiepcan::deadline::{PeriodKind, RuleTable, ValueStatus};
    /// use tiepcan::law::{Channel, Regime};
    /// let t = RuleTable::builtin();
    /// let r = t.find(Regime::Law2026, PeriodKind::Provide, Some(Channel::Postal), Some(tiepcan::deadline::Complexity::Simple)).unwrap();
    /// assert_eq!((r.value, r.status), (5, ValueStatus::CarriedOver));
    /// ```
    pub fn builtin() -> RuleTable {
        let mut rows: Vec<PeriodRule> = law104_rows()
            .into_iter()
            .map(
                |(id, ch, cx, kind, value, unit, written, citation)| PeriodRule {
                    id: id.into(),
                    regime: Regime::Law104,
                    channels: ch.to_vec(),
                    complexity: cx,
                    kind,
                    value,
                    unit,
                    unit_as_written: written.into(),
                    citation,
                    status: ValueStatus::Verified,
                },
            )
            .collect();
        let known = law2026_known_rows();
        let carried: Vec<PeriodRule> = rows
            .iter()
            .filter(|r| !known.iter().any(|k| k.kind == r.kind))
            .map(|r| PeriodRule {
                regime: Regime::Law2026,
                status: ValueStatus::CarriedOver,
                ..r.clone()
            })
            .collect();
        rows.extend(known);
        rows.extend(carried);
        RuleTable { rows }
    }

    /// All rows.
    pub fn rows(&self) -> &[PeriodRule] {
        &self.rows
    }

    /// The row for a regime, kind, channel and complexity.
    pub fn find(
        &self,
        regime: Regime,
        kind: PeriodKind,
        channel: Option<Channel>,
        complexity: Option<Complexity>,
    ) -> Option<&PeriodRule> {
        self.rows
            .iter()
            .find(|r| r.applies(regime, kind, channel, complexity))
    }

    /// This table with the rows of a user rule file replacing the rows of the
    /// regimes the file mentions.
    ///
    /// # Errors
    /// [`DeadlineError::BadRuleFile`] with file and line: wrong header, wrong
    /// field count, unknown regime, channel, complexity, kind, unit or
    /// status, a bad number or point letter.
    ///
    /// # Example: the amended Law's text becomes known
    /// ```
    /// use tiepcan::deadline::{PeriodKind, RuleTable, ValueStatus};
    /// use tiepcan::law::{Channel, Regime};
    /// let file = "id,regime,channel,complexity,kind,value,unit,unit_as_written,article,clause,point,paragraph,status\n\
    ///             N-EL-SIMPLE,2026,electronic,simple,provide,2,working_days,ngày làm việc,20,3,,,verified\n";
    /// let t = RuleTable::builtin().with_user_file(file.as_bytes(), "rules-2026.csv")?;
    /// let r = t.find(Regime::Law2026, PeriodKind::Provide, Some(Channel::Electronic), Some(tiepcan::deadline::Complexity::Simple)).unwrap();
    /// assert_eq!((r.value, r.status), (2, ValueStatus::Verified));
    /// // Law 104's rows are untouched.
    /// assert!(t.find(Regime::Law104, PeriodKind::Provide, Some(Channel::Electronic), Some(tiepcan::deadline::Complexity::Simple)).is_some());
    /// # Ok::<(), tiepcan::deadline::DeadlineError>(())
    /// ```
    pub fn with_user_file<R: Read>(
        &self,
        reader: R,
        file: &str,
    ) -> Result<RuleTable, DeadlineError> {
        let err = |line: usize, message: String| DeadlineError::BadRuleFile {
            file: file.to_string(),
            line,
            message,
        };
        let mut new_rows = Vec::new();
        let recs = crate::data_csv::records(reader, &CSV_HEADER, true)
            .map_err(|(line, message)| err(line, message))?;
        for (line, rec) in recs {
            if rec.len() != CSV_HEADER.len() {
                return Err(err(
                    line,
                    format!("expected {} fields, found {}", CSV_HEADER.len(), rec.len()),
                ));
            }
            let f = |i: usize| rec[i].to_string();
            let regime = Regime::parse(&rec[1])
                .ok_or_else(|| err(line, format!("unknown regime {:?} (2016 or 2026)", f(1))))?;
            let channels = if rec[2].eq_ignore_ascii_case("any") || rec[2].is_empty() {
                vec![]
            } else {
                rec[2]
                    .split('|')
                    .map(|c| Channel::parse(c).map_err(|e| err(line, e.to_string())))
                    .collect::<Result<Vec<_>, _>>()?
            };
            let complexity = match &rec[3] {
                "" | "any" => None,
                s => Some(
                    Complexity::parse(s)
                        .ok_or_else(|| err(line, format!("unknown complexity {s:?}")))?,
                ),
            };
            let kind = PeriodKind::parse(&rec[4])
                .ok_or_else(|| err(line, format!("unknown kind {:?}", f(4))))?;
            let value: u32 = rec[5]
                .parse()
                .map_err(|_| err(line, format!("bad value {:?}", f(5))))?;
            let unit = Unit::parse(&rec[6])
                .ok_or_else(|| err(line, format!("unknown unit {:?}", f(6))))?;
            let num = |i: usize| -> Result<Option<u8>, DeadlineError> {
                if rec[i].is_empty() {
                    Ok(None)
                } else {
                    rec[i]
                        .parse()
                        .map(Some)
                        .map_err(|_| err(line, format!("bad {} {:?}", CSV_HEADER[i], f(i))))
                }
            };
            let article: u16 = rec[8]
                .parse()
                .map_err(|_| err(line, format!("bad article {:?}", f(8))))?;
            let mut citation = Citation::article(regime.instrument(), article);
            citation.clause = num(9)?;
            if !rec[10].is_empty() {
                citation.point =
                    Some(Point::parse(&rec[10]).map_err(|e| err(line, e.to_string()))?);
            }
            citation.paragraph = num(11)?;
            let status = ValueStatus::parse(&rec[12])
                .ok_or_else(|| err(line, format!("unknown status {:?}", f(12))))?;
            new_rows.push(PeriodRule {
                id: f(0),
                regime,
                channels,
                complexity,
                kind,
                value,
                unit,
                unit_as_written: f(7),
                citation,
                status,
            });
        }
        let mut rows: Vec<PeriodRule> = self
            .rows
            .iter()
            .filter(|r| !new_rows.iter().any(|n| n.regime == r.regime))
            .cloned()
            .collect();
        rows.extend(new_rows);
        Ok(RuleTable { rows })
    }

    /// The table in the user rule file format.
    pub fn to_csv(&self) -> String {
        let mut out = CSV_HEADER.join(",");
        out.push('\n');
        for r in &self.rows {
            let ch = if r.channels.is_empty() {
                "any".to_string()
            } else {
                r.channels
                    .iter()
                    .map(|c| c.code())
                    .collect::<Vec<_>>()
                    .join("|")
            };
            let o = |x: Option<u8>| x.map(|v| v.to_string()).unwrap_or_default();
            out.push_str(&format!(
                "{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
                r.id,
                r.regime.code(),
                ch,
                r.complexity.map_or("any", Complexity::code),
                r.kind.code(),
                r.value,
                r.unit.code(),
                r.unit_as_written,
                r.citation.article,
                o(r.citation.clause),
                r.citation
                    .point
                    .map(|p| p.letter().to_string())
                    .unwrap_or_default(),
                o(r.citation.paragraph),
                r.status.code(),
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_law104_row_is_carried_over_or_replaced_in_2026() {
        let t = RuleTable::builtin();
        for r in t.rows().iter().filter(|r| r.regime == Regime::Law104) {
            let n = t.rows().iter().filter(|x| {
                x.regime == Regime::Law2026
                    && x.kind == r.kind
                    && x.channels == r.channels
                    && x.complexity == r.complexity
            });
            assert!(n.count() <= 1);
            assert!(
                t.rows()
                    .iter()
                    .any(|x| x.regime == Regime::Law2026 && x.kind == r.kind),
                "{}",
                r.id
            );
        }
    }

    #[test]
    fn csv_round_trip_keeps_law104_rows() {
        let t = RuleTable::builtin();
        let back = RuleTable { rows: vec![] }
            .with_user_file(t.to_csv().as_bytes(), "x.csv")
            .unwrap();
        let a: Vec<_> = t
            .rows()
            .iter()
            .filter(|r| r.regime == Regime::Law104)
            .collect();
        let b: Vec<_> = back
            .rows()
            .iter()
            .filter(|r| r.regime == Regime::Law104)
            .collect();
        assert_eq!(a, b);
    }

    #[test]
    fn bad_rule_file_reports_line() {
        let f = format!(
            "{}\nX,2016,any,any,provide,x,working_days,ngày,1,,,,verified\n",
            CSV_HEADER.join(",")
        );
        let e = RuleTable::builtin()
            .with_user_file(f.as_bytes(), "r.csv")
            .unwrap_err();
        assert_eq!(e.to_string(), "r.csv:2: bad value \"x\"");
    }
}
