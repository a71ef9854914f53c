//! The rule registry: every rule id tiepcan can report, with its default
//! severity, legal basis and title. Ids follow LAW.md §9 ("Checkable rules");
//! `R-READ-*` ids are about reading the input itself.

use super::Severity;
use crate::law::{Citation, Instrument};

/// A registered rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable id, e.g. `R-CAT-FIELDS`.
    pub id: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// Legal basis (`None` for reading rules that no provision governs).
    pub citation: Option<Citation>,
    /// Short title, Vietnamese.
    pub title_vi: &'static str,
    /// Short title, English.
    pub title_en: &'static str,
}

const fn law(a: u16) -> Citation {
    Citation::law104(a)
}
const fn dec(a: u16) -> Citation {
    Citation::decree13(a)
}
const P_A: crate::law::Point = crate::law::Point::nth(0);
const P_H: crate::law::Point = crate::law::Point::nth(7);
const P_B: crate::law::Point = crate::law::Point::nth(1);
const P_DD: crate::law::Point = crate::law::Point::nth(4);

macro_rules! rules {
    ($( $id:literal, $sev:ident, $cit:expr, $vi:literal, $en:literal; )*) => {
        /// Every rule, in LAW.md §9 order, then the reading rules.
        pub static RULES: &[Rule] = &[
            $( Rule { id: $id, severity: Severity::$sev, citation: $cit, title_vi: $vi, title_en: $en }, )*
        ];
    };
}

rules! {
    // A. Regime, routing
    "R-REGIME", Error, Some(law(37)), "Chế độ pháp lý theo ngày", "Regime chosen by event date";
    "R-PRE2018-INFO", Warning, Some(dec(14).clause(2)), "Thông tin tạo ra trước 01/7/2018", "Information created before 2018-07-01";
    "R-DISTRICT", Error, Some(law(9).clause(2).point(crate::law::Point::nth(6))), "Cấp huyện không còn từ 01/7/2025", "No district level from 2025-07-01";
    "R-ROUTE", Warning, Some(law(9).clause(2)), "Đầu mối cung cấp theo khoản 2 Điều 9", "Provider named by Art. 9(2)";
    "R-COMMUNE-SCOPE", Warning, Some(law(9).clause(2).point(P_H)), "Phạm vi cung cấp của UBND cấp xã", "Commune People's Committee scope";
    // B. Classification
    "R-ART17-POINT", Error, Some(law(17).clause(1)), "Thuộc một điểm của khoản 1 Điều 17", "One point of Art. 17(1) per item";
    "R-NO-ART6", Error, Some(law(6)), "Không công khai thông tin không được tiếp cận", "No inaccessible (Art. 6) information";
    "R-COND-HOLDER", Error, Some(law(7)), "Căn cứ và người có quyền chấp thuận", "Conditional item declares its ground and consent holder";
    "R-COND-RELEASE", Error, Some(law(7).clause(3)), "Điều kiện cung cấp thông tin có điều kiện", "Release needs consent or a 7(3) decision";
    "R-REDACTION", Warning, Some(dec(7).clause(2)), "Ghi nhận phần thông tin đã loại bỏ", "Record what was redacted";
    // C. Catalogs, disclosure
    "R-CAT-FIELDS", Error, Some(dec(6).clause(3)), "Các trường bắt buộc của danh mục", "Required catalog entry fields";
    "R-CAT-TIME", Warning, Some(dec(6).clause(3)), "Thời điểm, thời hạn công khai", "Time and time limit of disclosure";
    "R-CAT-LINK", Error, Some(dec(6).clause(3).paragraph(2)), "Đường dẫn tải thông tin đã công khai", "Download link for disclosed information";
    "R-CAT-DIGITISED", Error, Some(dec(6).clause(3).paragraph(2)), "Đính kèm tệp đã số hóa", "Digitised file attached";
    "R-CAT-FORM-ENUM", Error, Some(law(18).clause(1)), "Hình thức công khai theo khoản 1 Điều 18", "Disclosure forms of Art. 18(1)";
    "R-CAT-PORTAL", Error, Some(law(19).clause(1)), "Thông tin phải đăng trên cổng thông tin điện tử", "Item must be on the portal";
    "R-CAT-PUBLISHED", Error, Some(law(34).clause(1).point(P_B)), "Danh mục được đăng tải", "Catalog is published";
    "R-CAT-SELF", Error, Some(law(17).clause(1).point(crate::law::Point::nth(11))), "Danh mục tự liệt kê và thông tin liên hệ", "Catalog lists itself and the contacts";
    "R-CAT-COVERAGE", Warning, Some(law(17).clause(1)), "Bao phủ các điểm của Điều 17", "Coverage of Art. 17 points";
    // LAW.md §9 rates a missing catalog an error; tiepcan reports a warning
    // because the files it is given need not be all the agency publishes.
    "R-CAT-TWO", Warning, Some(dec(6).clause(1)), "Có đủ hai danh mục", "Both catalogs exist";
    "R-CAT-BASIS", Error, Some(dec(6).clause(1)), "Danh mục lập theo Điều 17, không phải Điều 19", "Catalog built on Art. 17, not Art. 19";
    "R-CAT-ISSUER", Warning, Some(law(34).clause(1).point(P_B)), "Văn bản ban hành danh mục", "Catalog's issuing decision";
    "R-CAT-COMPILER", Warning, Some(dec(6).clause(1)), "Đơn vị đầu mối lập danh mục", "Compiled by the focal point";
    "R-CAT-UPDATE", Warning, Some(dec(6).clause(3)), "Cập nhật danh mục thường xuyên", "Catalog kept up to date";
    "R-CAT-DUPLICATE", Warning, Some(dec(6).clause(3)), "Mục trùng lặp", "Duplicate entry";
    "R-CAT-FUTURE-DATE", Error, Some(dec(6).clause(3)), "Ngày tạo ra sau ngày hiện tại", "Creation date in the future";
    "R-CAT-TOPIC", Warning, Some(dec(6).clause(3)), "Mục là chủ đề, không phải văn bản, hồ sơ cụ thể", "Entry is a topic, not an identifiable document";
    "R-DOC-NUMBER", Error, Some(dec(6).clause(3)), "Số, ký hiệu văn bản", "Document number and symbol";
    "R-AGENCY-CODE", Error, None, "Mã định danh cơ quan", "Electronic agency code";
    "R-DISCLOSE-TIMING", Warning, Some(law(18).clause(4)), "Thời điểm công khai (05 ngày làm việc)", "Disclosure within 5 working days";
    "R-POSTING-30", Error, Some(law(21).clause(2)), "Niêm yết tối thiểu 30 ngày", "Posting lasts at least 30 days";
    "R-CORRECTION-FORM", Error, Some(law(22).clause(5)), "Đính chính cùng hình thức", "Correction in the same form";
    "R-PETITION-DISCLOSED", Error, Some(law(22).clause(4)), "Trả lời kiến nghị trong 15 ngày", "Reply to a petition within 15 days";
    // D. Governance
    "R-SECTION", Error, Some(dec(11).clause(1)), "Chuyên mục tiếp cận thông tin", "Access-to-information section";
    "R-INTERNAL-REG", Error, Some(law(34).clause(1).point(P_H)), "Quy chế nội bộ", "Internal regulation";
    "R-INTERNAL-REG-CONTENT", Warning, Some(law(34).clause(1).point(P_H)), "Nội dung quy chế nội bộ", "Internal regulation content";
    "R-FOCAL", Error, Some(law(33).clause(4)), "Đầu mối cung cấp thông tin", "Focal point";
    // E. Requests
    "R-REQ-FIELDS", Error, Some(law(24).clause(2)), "Nội dung phiếu yêu cầu", "Request slip contents";
    "R-REQ-CONSENT", Error, Some(law(24).clause(3)), "Văn bản đồng ý của người liên quan", "Written consent attached";
    "R-REQ-ORG", Error, Some(dec(4)), "Yêu cầu qua tổ chức, đoàn thể, doanh nghiệp", "Request through an organisation";
    "R-REQUESTER-CAPACITY", Warning, Some(law(4)), "Năng lực của người yêu cầu", "Requester capacity";
    "R-FOREIGNER-SCOPE", Warning, Some(law(36).clause(1)), "Người nước ngoài cư trú tại Việt Nam", "Resident foreigner scope";
    "R-CHANNEL", Error, Some(law(24).clause(1)), "Cách thức yêu cầu", "Request channel";
    "R-REGISTER", Error, Some(law(26).clause(1)), "Vào sổ theo dõi", "Register entry";
    "R-INCOMPLETE", Warning, Some(law(26).clause(2)), "Phiếu yêu cầu chưa đầy đủ", "Incomplete slip starts no clock";
    "R-NOT-RESPONSIBLE", Error, Some(law(26).clause(3)), "Không thuộc trách nhiệm cung cấp", "Out-of-scope request redirected";
    "R-CLOCK-START", Error, Some(law(29).clause(2)), "Thời hạn tính từ ngày nhận yêu cầu hợp lệ", "Clock starts at the valid request";
    "R-ELEC-CONDITIONS", Warning, Some(law(30).clause(1)), "Điều kiện cung cấp qua mạng điện tử", "Electronic provision conditions";
    "R-FORM-OF-PROVISION", Warning, Some(law(25).clause(2)), "Hình thức cung cấp theo yêu cầu", "Requested form of provision";
    // F. Deadlines, notices
    "R-DL-IP", Error, Some(law(29)), "Thời hạn cung cấp trực tiếp", "In-person deadlines";
    "R-DL-EL", Error, Some(law(30)), "Thời hạn cung cấp qua mạng điện tử", "Electronic deadlines";
    "R-DL-PF", Error, Some(law(31)), "Thời hạn cung cấp qua bưu chính, fax", "Postal and fax deadlines";
    "R-DL-PROVISIONAL", Warning, Some(Citation::article(Instrument::Law2026, 0)), "Thời hạn tạm tính theo luật mới", "Provisional deadline under the amended Law";
    "R-EXT-NOTICE", Error, Some(law(29).clause(2).paragraph(2)), "Thông báo gia hạn trong thời hạn", "Extension notice within the period";
    "R-EXT-ONCE", Warning, Some(law(29).clause(2).paragraph(2)), "Gia hạn một lần", "At most one extension";
    "R-REQ-TRANSITION", Error, Some(law(26)), "Trình tự giải quyết yêu cầu", "Legal order of request events";
    "R-STATE-RECORDED", Warning, Some(law(26).clause(1)), "Trạng thái ghi sổ khác với các mốc ngày", "Recorded state disagrees with the dated events";
    "R-NOTICE-03", Error, Some(law(27)), "Phiếu giải quyết yêu cầu", "Handling slip contents";
    "R-REFUSAL", Error, Some(law(28)), "Từ chối bằng văn bản, nêu lý do", "Written, reasoned refusal";
    "R-CORRECTION", Error, Some(law(32)), "Đính chính thông tin đã cung cấp", "Correction of provided information";
    // G. Costs
    "R-NO-FEES", Error, Some(law(12).clause(1)), "Không thu phí, lệ phí", "No fees or charges";
    "R-COST-TABLE", Error, Some(Citation::article(Instrument::Circ46, 3).clause(1).sub_item(1).point(P_A)), "Chi phí theo biểu mức", "Costs at the appendix rates";
    "R-COST-AREA", Error, Some(Citation::article(Instrument::Circ46, 3).clause(1).sub_item(1).point(P_B)), "Mức thu theo địa bàn", "Area levels 70 % / 50 %";
    "R-COST-SEND", Error, Some(Citation::article(Instrument::Circ46, 3).clause(1).sub_item(2)), "Chi phí gửi thông tin", "Sending costs";
    "R-COST-PREPAID", Warning, Some(dec(13).clause(2)), "Thanh toán trước khi cung cấp", "Paid before provision";
    // H. Time
    "R-TIME-FIRSTDAY", Error, Some(Citation::article(Instrument::CivilCode, 147)), "Không tính ngày đầu", "The event day is not counted";
    "R-TIME-ROLL", Error, Some(Citation::article(Instrument::CivilCode, 148)), "Ngày cuối là ngày nghỉ", "Last day on a rest day rolls forward";
    "R-TIME-WD", Error, Some(Citation::article(Instrument::Labour2019, 112)), "Ngày làm việc", "Working days";
    // I. Reporting
    "R-STATS", Warning, Some(dec(12).clause(4)), "Số liệu thống kê", "Statistics";
    // Reading the input (no legal basis of their own; see each message)
    "R-READ-FILE", Error, None, "Không đọc được tệp", "File cannot be read";
    "R-READ-HEADER", Error, None, "Không tìm thấy dòng tiêu đề", "Header row not found";
    "R-READ-ROW", Error, None, "Dòng không sử dụng được", "Row cannot be used";
    "R-READ-CELL", Warning, None, "Ô có giá trị không đọc được", "Cell value not understood";
    "R-READ-DATE", Error, Some(dec(6).clause(3)), "Ngày không hợp lệ", "Invalid date";
    "R-READ-ENCODING", Warning, None, "Mã hóa ký tự cũ (TCVN3/VNI)", "Legacy encoding (TCVN3/VNI)";
    "R-READ-TRUNCATED", Warning, None, "Nội dung bị cắt cụt", "Text cut off";
    "R-READ-STRUCTURE", Info, None, "Cấu trúc bảng", "Table structure";
    "R-READ-LINK", Warning, Some(dec(6).clause(3).paragraph(2)), "Ô đường dẫn không có địa chỉ", "Link cell holds no URL";
    "R-READ-LIMIT", Error, None, "Vượt giới hạn kích thước", "Size limit exceeded";
}

/// Look up a rule by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    static INDEX: std::sync::OnceLock<std::collections::HashMap<&'static str, usize>> =
        std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut m = std::collections::HashMap::with_capacity(RULES.len());
        for (i, r) in RULES.iter().enumerate() {
            // The first rule with an id, as a linear search finds it.
            m.entry(r.id).or_insert(i);
        }
        m
    });
    index.get(id).map(|&i| &RULES[i])
}

#[allow(dead_code)]
const _USE: Citation = law(28).clause(1).point(P_DD);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique() {
        let mut ids: Vec<_> = RULES.iter().map(|r| r.id).collect();
        ids.sort();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }

    #[test]
    fn law_rules_cite_their_basis() {
        assert_eq!(
            rule("R-CAT-FIELDS").unwrap().citation.unwrap().to_string(),
            "Decree 13/2018/NĐ-CP, Art. 6(3)"
        );
        assert_eq!(
            rule("R-NO-FEES").unwrap().citation.unwrap().to_string(),
            "Law 104/2016/QH13, Art. 12(1)"
        );
    }
}
