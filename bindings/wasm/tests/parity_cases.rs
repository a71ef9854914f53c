// Shared by the native and the wasm parity tests (included with `include!`):
// the inputs whose results must be the same in both builds, and the golden
// file they are compared against.

/// Strings whose fold keys are compared (NFC, NFD, upper case, đ/Đ).
pub const FOLD_INPUTS: &[&str] = &[
    "Quyết định",
    "Quye\u{301}t đi\u{323}nh",
    "ĐẦU MỐI",
    "Đầu mối",
    "  Kế   hoạch\u{a0}phổ biến ",
    "Thông tin về đầu mối cung cấp thông tin",
];

/// Date texts as officers type them (day first).
pub const DATE_INPUTS: &[&str] = &[
    "02/03/2026",
    "2026-02-03",
    "ngày 14 tháng 2 năm 2025",
    "Ngay 2 thang 3 nam 2023",
    "03/2026",
    "Tháng 5/2019",
    "Năm 2019",
    "2019-05",
];

/// Impossible or unreadable dates: errors in both builds.
pub const BAD_DATES: &[&str] = &["31/02/2026", "29/02/2023", "Thường xuyên", "13/2019"];

/// (received, channel, complexity) deadline requests.
pub const DEADLINE_INPUTS: &[(&str, &str, &str)] = &[
    ("2025-01-24", "postal", "complex"),
    ("2025-01-24", "in_person", "simple"),
    ("2025-01-24", "electronic", "simple"),
    ("2025-04-25", "in_person", "complex"),
    ("2026-08-28", "electronic", "complex"),
    ("2025-08-29", "fax", "complex"),
];

pub const GOLDEN: &str = include_str!("parity.json");
