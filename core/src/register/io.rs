//! Register files: CSV and XLSX in the layout of a register book (one row
//! per request, one column per field and per dated event, Vietnamese
//! headers), JSON (the full model, every event) and XML (the same, see
//! [`super::xml`]); [`read_bytes`] picks the reader for a [`Format`].
//!
//! The layout is documented in `docs/register.md`; [`COLUMNS`] is its
//! single source. Readers match headers after [`fold_key`](crate::text::fold_key)
//! (case, diacritics and spacing do not matter) against the Vietnamese
//! header, its aliases and the English key. A row that cannot be used, or a
//! cell that cannot be read, becomes a diagnostic with its row and column:
//! nothing is dropped silently.

use std::io::{Read, Write};

use chrono::NaiveDate;

use crate::law::{Channel, ConditionalGround, LegalForm, ProvisionCase, RefusalGround};
use crate::model::PartialDate;
use crate::text::fold_key;
use crate::validate::{Diagnostic, Location, Message};

use super::lifecycle::{Complexity, Event, EventKind, Request, RequestState};
use super::slip::{ListedRequester, RequestSlip, RequesterCapacity};
use super::Register;

/// One column of the register layout: English key, Vietnamese header as
/// written by [`write_csv`], other accepted headers, and what it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// Stable English key (also accepted as a header).
    pub key: &'static str,
    /// Vietnamese header.
    pub header_vi: &'static str,
    /// Other accepted headers.
    pub aliases: &'static [&'static str],
    /// What the cell holds (English).
    pub meaning: &'static str,
}

macro_rules! columns {
    ($( $key:literal, $vi:literal, [$($alias:literal),*], $meaning:literal; )*) => {
        /// Every column of the register layout, in the order written.
        pub const COLUMNS: &[Column] = &[
            $( Column { key: $key, header_vi: $vi, aliases: &[$($alias),*], meaning: $meaning }, )*
        ];
    };
}

columns! {
    "id", "Số thứ tự", ["STT", "Mã yêu cầu", "Số yêu cầu", "Số phiếu yêu cầu"], "register number of the request (required)";
    "received", "Ngày tiếp nhận", ["Ngày nhận", "Ngày nhận yêu cầu", "Ngày vào sổ"], "date received and entered in the register (Art. 26(1)) (required)";
    "receipt_no", "Số phiếu tiếp nhận", ["Phiếu tiếp nhận", "Mẫu 02"], "number of the receipt slip, Form 02";
    "channel", "Cách thức yêu cầu", ["Hình thức yêu cầu", "Kênh"], "in_person, electronic, postal or fax, or the Vietnamese words (Art. 24(1)) (required)";
    "slip_form", "Mẫu phiếu", ["Mẫu phiếu yêu cầu"], "01a (individual) or 01b (through an organisation)";
    "name", "Họ và tên người yêu cầu", ["Họ và tên", "Họ tên", "Người yêu cầu"], "requester's full name (Art. 24(2)(a))";
    "address", "Nơi cư trú, địa chỉ", ["Địa chỉ", "Nơi cư trú"], "place of residence and address (Art. 24(2)(a))";
    "id_number", "Số CMND/CCCD/Hộ chiếu", ["Số CCCD", "Số CMND", "Số giấy tờ tùy thân", "Số định danh"], "ID, citizen-identity-card or passport number (Art. 24(2)(a))";
    "contact", "Điện thoại, fax, thư điện tử", ["Điện thoại", "Liên hệ", "Email"], "contacts, if any (Art. 24(2)(a))";
    "capacity", "Tư cách người yêu cầu", ["Tư cách"], "own, minor, legal_representative, guardian, authorised (Art. 4, 24(1)(a))";
    "acting_for", "Người được đại diện", ["Yêu cầu thay cho"], "whom a representative, guardian or authorised person acts for";
    "foreign_resident", "Người nước ngoài cư trú tại Việt Nam", ["Người nước ngoài"], "có/không: resident foreigner (Art. 36(1))";
    "organisation", "Tổ chức, đoàn thể, doanh nghiệp", ["Tổ chức"], "organisation of a Form 01b request (Art. 36(2))";
    "requester_list", "Danh sách người yêu cầu", [], "Form 01b list: entries separated by ';', each 'name | ID number | reason and purpose' (Decree 13 Art. 4)";
    "information", "Thông tin yêu cầu", ["Nội dung yêu cầu", "Thông tin yêu cầu cung cấp"], "the information requested (Art. 24(2)(b))";
    "document", "Tên văn bản, hồ sơ, tài liệu", ["Văn bản, hồ sơ", "Tên văn bản"], "the document, file or record named (Art. 24(2)(b))";
    "form_of_provision", "Hình thức cung cấp", ["Hình thức cung cấp thông tin"], "form of provision wanted (Art. 24(2)(c))";
    "reason_purpose", "Lý do, mục đích", ["Mục đích", "Lý do, mục đích yêu cầu"], "reason and purpose (Art. 24(2)(d))";
    "conditional", "Thông tin có điều kiện (Điều 7)", ["Thông tin tiếp cận có điều kiện"], "Art. 7 ground: business_secret, private_life, personal_secret, family_secret or the Vietnamese label";
    "consent", "Văn bản chấp thuận (Mẫu 06)", ["Văn bản chấp thuận", "Văn bản đồng ý"], "the written consent attached, Form 06 (Art. 24(3))";
    "head_decision", "Quyết định của người đứng đầu (khoản 3 Điều 7)", ["Quyết định khoản 3 Điều 7"], "the head's Art. 7(3) decision";
    "provision_case", "Trường hợp cung cấp (Điều 23)", ["Điều 23"], "23(1)(a), 23(1)(b), 23(1)(c), 23(2), 23(3) or 23(4)";
    "guidance", "Ngày hướng dẫn bổ sung", ["Ngày hướng dẫn"], "date of guidance for an incomplete slip (Art. 26(2))";
    "guidance_note", "Nội dung hướng dẫn", [], "what was missing";
    "valid", "Ngày yêu cầu hợp lệ", ["Ngày hợp lệ", "Ngày nhận yêu cầu hợp lệ"], "date the request became valid: the clock starts (Arts 29–31)";
    "complexity", "Mức độ", ["Loại thông tin", "Đơn giản/phức tạp"], "simple / complex (đơn giản / phức tạp)";
    "complexity_reason", "Lý do phức tạp", [], "why complex (LAW.md A5)";
    "handling_notice", "Ngày phiếu giải quyết (Mẫu 03)", ["Ngày phiếu giải quyết", "Ngày thông báo"], "date of the handling notice, Form 03 (Art. 27)";
    "handling_notice_no", "Số phiếu giải quyết", [], "its number";
    "time_limit", "Thời hạn cung cấp", ["Thời hạn"], "time limit stated on Form 03";
    "place", "Địa điểm cung cấp", ["Địa điểm"], "place stated on Form 03";
    "cost", "Chi phí (đồng)", ["Chi phí", "Chi phí thực tế"], "actual cost on Form 03, VND";
    "payment_deadline", "Hạn thanh toán", [], "payment deadline on Form 03";
    "paid", "Ngày thanh toán", [], "date the cost was paid";
    "paid_amount", "Số tiền đã thanh toán (đồng)", ["Số tiền đã nộp"], "amount paid, VND (the cost when empty)";
    "extended", "Ngày thông báo gia hạn (Mẫu 04)", ["Ngày gia hạn"], "date of the extension notice, Form 04";
    "extended_no", "Số thông báo gia hạn", [], "its number";
    "extended_until", "Gia hạn đến ngày", ["Thời hạn gia hạn"], "new limit stated on Form 04";
    "extension_reason", "Lý do gia hạn", [], "why";
    "provided", "Ngày cung cấp", ["Ngày cung cấp thông tin"], "date provided (Art. 25)";
    "provided_form", "Hình thức đã cung cấp", [], "form used";
    "partial", "Cung cấp một phần", [], "có/không: only part provided";
    "refused", "Ngày từ chối (Mẫu 05)", ["Ngày từ chối", "Ngày thông báo từ chối"], "date of the refusal notice, Form 05 (Art. 28)";
    "refused_no", "Số thông báo từ chối", [], "its number";
    "refusal_grounds", "Căn cứ từ chối (khoản 1 Điều 28)", ["Căn cứ từ chối"], "Art. 28(1) point letters separated by ';' (a, b, c, d, đ, e)";
    "refusal_reason", "Lý do từ chối", [], "reasons stated (Art. 28(2))";
    "transferred", "Ngày thông báo không thuộc trách nhiệm", ["Ngày chuyển", "Ngày hướng dẫn sang cơ quan khác"], "date of the not-responsible notice (Art. 26(3))";
    "transferred_to", "Cơ quan có trách nhiệm", ["Chuyển đến"], "the responsible body named";
    "withdrawn", "Ngày rút yêu cầu", [], "date withdrawn";
    "correction_claim", "Ngày yêu cầu đính chính", [], "date of a correction claim (Art. 32(2))";
    "complaint", "Ngày khiếu nại, khởi kiện", ["Ngày khiếu nại"], "date of a complaint or lawsuit (Art. 14)";
    "prior_provisions", "Số lần đã cung cấp trước", [], "times the same information was provided to the same requester before (Art. 28(1)(d))";
    "legitimate_reason", "Lý do chính đáng", [], "legitimate reason to provide again (Art. 28(1)(d))";
    "recorded_state", "Trạng thái", ["Tình trạng", "Kết quả"], "state as the officer recorded it (kept apart from the computed status)";
    "note", "Ghi chú", [], "free text";
}

/// What a reader produced: the register and every finding about the file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Loaded {
    /// The requests it could use.
    pub register: Register,
    /// Rows and cells it could not use, unknown headers, and so on.
    pub diagnostics: Vec<Diagnostic>,
}

/// A file that cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum RegisterIoError {
    /// Malformed CSV (with its line).
    #[error("{file}: CSV error: {source}")]
    Csv {
        /// File name.
        file: String,
        /// The csv crate's error (has the position).
        #[source]
        source: csv::Error,
    },
    /// Malformed XLSX.
    #[error("{file}: XLSX error: {message}")]
    Xlsx {
        /// File name.
        file: String,
        /// What went wrong.
        message: String,
    },
    /// Malformed JSON, with line and column.
    #[error("{file}:{line}:{column}: JSON error: {message}")]
    Json {
        /// File name.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What went wrong.
        message: String,
    },
    /// XML that cannot be read at all (not well-formed, a DTD or an entity,
    /// a size limit, or not a register), with line and column.
    #[error("{file}:{}:{}: XML error: {}", error.line, error.col, error.message)]
    Xml {
        /// File name.
        file: String,
        /// What went wrong, where (kind, line, column, limit).
        error: crate::io::xml::XmlError,
    },
    /// No header row with the required columns in the first 10 rows.
    #[error("{file}: no header row found: the register needs the columns {needed} (see docs/register.md)")]
    NoHeader {
        /// File name.
        file: String,
        /// The required columns.
        needed: String,
    },
    /// Writing failed.
    #[error("write error: {0}")]
    Write(#[from] std::io::Error),
}

/// File formats of a register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values, UTF-8 (a BOM is accepted).
    Csv,
    /// Excel workbook; the first sheet is read.
    Xlsx,
    /// JSON: the [`Register`] model.
    Json,
    /// XML: the [`Register`] model (`schemas/register.xsd`).
    Xml,
}

impl Format {
    /// The format for a file name's extension (`.csv`, `.xlsx`, `.json`,
    /// `.xml`).
    pub fn from_path(path: &str) -> Option<Format> {
        let lower = path.to_lowercase();
        if lower.ends_with(".csv") {
            Some(Format::Csv)
        } else if lower.ends_with(".xlsx") || lower.ends_with(".xlsm") {
            Some(Format::Xlsx)
        } else if lower.ends_with(".json") {
            Some(Format::Json)
        } else if lower.ends_with(".xml") {
            Some(Format::Xml)
        } else {
            None
        }
    }
}

fn column_for_header(h: &str) -> Option<&'static Column> {
    let k = fold_key(h);
    if k.is_empty() {
        return None;
    }
    COLUMNS.iter().find(|c| {
        fold_key(c.key) == k
            || fold_key(c.header_vi) == k
            || c.aliases.iter().any(|a| fold_key(a) == k)
    })
}

const REQUIRED: [&str; 3] = ["id", "received", "channel"];

/// Read a register from rows of text cells (the shared core of the CSV and
/// XLSX readers). `rows[i]` is physical row `i + 1`.
fn from_rows(rows: Vec<Vec<String>>, file: &str) -> Result<Loaded, RegisterIoError> {
    let header_at = rows.iter().take(10).position(|r| {
        let keys: Vec<_> = r
            .iter()
            .filter_map(|h| column_for_header(h).map(|c| c.key))
            .collect();
        REQUIRED.iter().all(|k| keys.contains(k))
    });
    let Some(h) = header_at else {
        return Err(RegisterIoError::NoHeader {
            file: file.to_string(),
            needed: REQUIRED
                .iter()
                .map(|k| {
                    COLUMNS
                        .iter()
                        .find(|c| c.key == *k)
                        .map(|c| format!("\"{}\" ({})", c.header_vi, c.key))
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join(", "),
        });
    };
    let mut out = Loaded::default();
    let header = &rows[h];
    let mut map: Vec<Option<&'static Column>> = Vec::with_capacity(header.len());
    for (j, name) in header.iter().enumerate() {
        let c = column_for_header(name);
        if c.is_none() && !name.trim().is_empty() {
            out.diagnostics.push(Diagnostic::new(
                "R-READ-STRUCTURE",
                Location::cell(h + 1, name.clone()).with_file(file),
                Some(name.clone()),
                Message::new(
                    format!("Cột thứ {} không thuộc mẫu sổ theo dõi; bỏ qua", j + 1),
                    format!(
                        "Column {} is not part of the register layout; ignored",
                        j + 1
                    ),
                ),
            ));
        }
        map.push(c);
    }
    for (i, row) in rows.iter().enumerate().skip(h + 1) {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut cells = RowCells {
            row: i + 1,
            file,
            header,
            values: Vec::new(),
            diags: Vec::new(),
        };
        for (j, c) in map.iter().enumerate() {
            if let Some(c) = c {
                let v = row.get(j).map(|s| s.trim()).unwrap_or("");
                if !v.is_empty() {
                    cells.values.push((c.key, j, v.to_string()));
                }
            }
        }
        if let Some(r) = cells.build_request() {
            out.register.requests.push(r);
        }
        out.diagnostics.append(&mut cells.diags);
    }
    Ok(out)
}

struct RowCells<'a> {
    row: usize,
    file: &'a str,
    header: &'a [String],
    values: Vec<(&'static str, usize, String)>,
    diags: Vec<Diagnostic>,
}

impl RowCells<'_> {
    fn text(&self, key: &str) -> Option<String> {
        self.values
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, _, v)| v.clone())
    }

    fn loc(&self, key: &str) -> Location {
        let col = self
            .values
            .iter()
            .find(|(k, _, _)| *k == key)
            .and_then(|(_, j, _)| self.header.get(*j).cloned())
            .unwrap_or_else(|| key.to_string());
        Location::cell(self.row, col).with_file(self.file)
    }

    fn bad(&mut self, rule: &str, key: &str, value: &str, vi: String, en: String) {
        let d = Diagnostic::new(
            rule,
            self.loc(key),
            Some(value.to_string()),
            Message::new(vi, en),
        );
        self.diags.push(d);
    }

    fn date(&mut self, key: &str) -> Option<NaiveDate> {
        let v = self.text(key)?;
        match PartialDate::parse(&v) {
            Ok(PartialDate::Day(d)) => Some(d),
            Ok(_) => {
                self.bad(
                    "R-READ-DATE",
                    key,
                    &v,
                    format!("\"{v}\" thiếu ngày cụ thể; sổ theo dõi cần ngày, tháng, năm"),
                    format!("\"{v}\" is not a full date; the register needs day, month and year"),
                );
                None
            }
            Err(e) => {
                self.bad(
                    "R-READ-DATE",
                    key,
                    &v,
                    format!("Ngày không hợp lệ: {e}"),
                    e.to_string(),
                );
                None
            }
        }
    }

    fn money(&mut self, key: &str) -> Option<u64> {
        let v = self.text(key)?;
        let digits: String = v
            .trim()
            .trim_end_matches(|c: char| c.is_alphabetic() || c == ' ' || c == '₫')
            .chars()
            .filter(|c| !matches!(c, '.' | ',' | ' ' | '\u{a0}'))
            .collect();
        match digits.parse::<u64>() {
            Ok(n) => Some(n),
            Err(_) => {
                self.bad(
                    "R-READ-CELL",
                    key,
                    &v,
                    format!("\"{v}\" không phải số tiền (đồng)"),
                    format!("\"{v}\" is not an amount in VND"),
                );
                None
            }
        }
    }

    fn flag(&mut self, key: &str) -> bool {
        let Some(v) = self.text(key) else {
            return false;
        };
        match fold_key(&v).as_str() {
            "co" | "x" | "yes" | "true" | "1" | "dung" => true,
            "khong" | "no" | "false" | "0" | "" => false,
            _ => {
                self.bad(
                    "R-READ-CELL",
                    key,
                    &v,
                    format!("\"{v}\": cần \"có\" hoặc \"không\""),
                    format!("\"{v}\": expected yes (có) or no (không)"),
                );
                false
            }
        }
    }

    fn build_request(&mut self) -> Option<Request> {
        let id = self
            .text("id")
            .unwrap_or_else(|| format!("row-{}", self.row));
        let Some(ch) = self.text("channel") else {
            self.diags.push(Diagnostic::new(
                "R-CHANNEL",
                self.loc("channel"),
                None,
                Message::new(
                    format!(
                        "Dòng {}: không ghi cách thức yêu cầu; dòng không được sử dụng",
                        self.row
                    ),
                    format!("Row {}: no request channel; the row is not used", self.row),
                ),
            ));
            return None;
        };
        let channel = match Channel::parse(&ch) {
            Ok(c) => c,
            Err(e) => {
                self.bad(
                    "R-CHANNEL",
                    "channel",
                    &ch,
                    format!("Cách thức yêu cầu \"{ch}\" không hợp lệ (trực tiếp, mạng điện tử, bưu chính, fax); dòng không được sử dụng"),
                    format!("{e}; the row is not used"),
                );
                return None;
            }
        };
        let mut r = Request::new(id, channel);
        r.source_row = Some(self.row);
        r.slip = self.slip();
        r.prior_provisions = match self.text("prior_provisions") {
            Some(v) => v.parse().unwrap_or_else(|_| {
                self.bad(
                    "R-READ-CELL",
                    "prior_provisions",
                    &v,
                    format!("\"{v}\" không phải số lần"),
                    format!("\"{v}\" is not a count"),
                );
                0
            }),
            None => 0,
        };
        r.legitimate_reason = self.text("legitimate_reason");
        r.note = self.text("note");
        if let Some(v) = self.text("recorded_state") {
            r.recorded_state = RequestState::parse(&v);
            if r.recorded_state.is_none() {
                self.bad(
                    "R-READ-CELL",
                    "recorded_state",
                    &v,
                    format!("Trạng thái \"{v}\" không xác định"),
                    format!("Unknown state \"{v}\" (expected e.g. đã cung cấp, từ chối, đang giải quyết)"),
                );
            }
        }
        r.events = self.events();
        Some(r)
    }

    fn slip(&mut self) -> RequestSlip {
        let t = |s: &Self, k: &str| s.text(k).unwrap_or_default();
        let mut slip = RequestSlip {
            name: t(self, "name"),
            address: t(self, "address"),
            id_number: t(self, "id_number"),
            contact: self.text("contact"),
            information: t(self, "information"),
            document: t(self, "document"),
            form_of_provision: t(self, "form_of_provision"),
            reason_purpose: t(self, "reason_purpose"),
            acting_for: self.text("acting_for"),
            organisation: self.text("organisation"),
            consent: self.text("consent"),
            head_decision: self.text("head_decision"),
            ..RequestSlip::default()
        };
        slip.foreign_resident = self.flag("foreign_resident");
        if let Some(v) = self.text("slip_form") {
            slip.form = match fold_key(&v).trim_start_matches("mau ").trim() {
                "01a" | "1a" => LegalForm::Form01a,
                "01b" | "1b" => LegalForm::Form01b,
                _ => {
                    self.bad(
                        "R-READ-CELL",
                        "slip_form",
                        &v,
                        format!("Mẫu phiếu \"{v}\": cần 01a hoặc 01b"),
                        format!("Slip form \"{v}\": expected 01a or 01b"),
                    );
                    LegalForm::Form01a
                }
            };
        }
        if let Some(v) = self.text("capacity") {
            slip.capacity = RequesterCapacity::parse(&v).unwrap_or_else(|| {
                self.bad(
                    "R-READ-CELL",
                    "capacity",
                    &v,
                    format!("Tư cách \"{v}\" không xác định"),
                    format!("Unknown capacity \"{v}\""),
                );
                RequesterCapacity::Own
            });
        }
        if let Some(v) = self.text("conditional") {
            slip.conditional = ConditionalGround::parse(&v);
            if slip.conditional.is_none() {
                self.bad(
                    "R-READ-CELL",
                    "conditional",
                    &v,
                    format!("Căn cứ Điều 7 \"{v}\" không xác định"),
                    format!("Unknown Art. 7 ground \"{v}\""),
                );
            }
        }
        if let Some(v) = self.text("provision_case") {
            slip.provision_case = parse_provision_case(&v);
            if slip.provision_case.is_none() {
                self.bad(
                    "R-READ-CELL",
                    "provision_case",
                    &v,
                    format!("Trường hợp Điều 23 \"{v}\" không xác định"),
                    format!("Unknown Art. 23 case \"{v}\" (expected 23(1)(a) … 23(4))"),
                );
            }
        }
        if let Some(v) = self.text("requester_list") {
            slip.requester_list = v
                .split(';')
                .filter(|e| !e.trim().is_empty())
                .map(|e| {
                    let mut p = e.split('|').map(|x| x.trim().to_string());
                    ListedRequester {
                        name: p.next().unwrap_or_default(),
                        id_number: p.next().unwrap_or_default(),
                        reason_purpose: p.next().unwrap_or_default(),
                    }
                })
                .collect();
        }
        slip
    }

    fn events(&mut self) -> Vec<Event> {
        let mut ev: Vec<(u8, Event)> = Vec::new();
        let mut add = |order: u8, date: Option<NaiveDate>, kind: EventKind, doc: Option<String>| {
            if let Some(d) = date {
                ev.push((
                    order,
                    Event {
                        date: d,
                        kind,
                        document: doc,
                    },
                ));
            }
        };
        let received = self.date("received");
        if received.is_none() && self.text("received").is_none() {
            // R-REGISTER is reported by the check; keep the row.
        }
        add(0, received, EventKind::Received, self.text("receipt_no"));
        let g = self.date("guidance");
        add(
            1,
            g,
            EventKind::Guidance {
                note: self.text("guidance_note"),
            },
            None,
        );
        let complexity = match self.text("complexity") {
            Some(v) => Complexity::parse(&v)
                .or_else(|| (fold_key(&v) == "co san").then_some(Complexity::Simple))
                .unwrap_or_else(|| {
                    self.bad(
                        "R-READ-CELL",
                        "complexity",
                        &v,
                        format!("Mức độ \"{v}\": cần đơn giản hoặc phức tạp"),
                        format!("Complexity \"{v}\": expected simple or complex"),
                    );
                    Complexity::Simple
                }),
            None => Complexity::Simple,
        };
        let v = self.date("valid");
        add(
            2,
            v,
            EventKind::Valid {
                complexity,
                reason: self.text("complexity_reason"),
            },
            None,
        );
        let n = self.date("handling_notice");
        let time_limit = self.date("time_limit");
        let cost = self.money("cost").unwrap_or(0);
        let payment_deadline = self.date("payment_deadline");
        add(
            3,
            n,
            EventKind::HandlingNotice {
                time_limit,
                place: self.text("place"),
                form: self.text("form_of_provision"),
                cost_vnd: cost,
                payment_deadline,
            },
            self.text("handling_notice_no"),
        );
        let paid = self.date("paid");
        let amount = self.money("paid_amount").unwrap_or(cost);
        add(4, paid, EventKind::Paid { amount_vnd: amount }, None);
        let x = self.date("extended");
        let until = self.date("extended_until");
        add(
            5,
            x,
            EventKind::Extended {
                new_limit: until,
                reason: self.text("extension_reason"),
            },
            self.text("extended_no"),
        );
        let p = self.date("provided");
        let partial = self.flag("partial");
        add(
            6,
            p,
            EventKind::Provided {
                form: self.text("provided_form"),
                partial,
            },
            None,
        );
        let rf = self.date("refused");
        let mut grounds = Vec::new();
        if let Some(gs) = self.text("refusal_grounds") {
            for g in gs
                .split([';', ','])
                .map(str::trim)
                .filter(|g| !g.is_empty())
            {
                match RefusalGround::parse(g) {
                    Some(x) => grounds.push(x),
                    None => self.bad(
                        "R-REFUSAL",
                        "refusal_grounds",
                        g,
                        format!("\"{g}\" không phải căn cứ tại khoản 1 Điều 28 (a, b, c, d, đ, e)"),
                        format!("\"{g}\" is not a ground of Art. 28(1) (a, b, c, d, đ, e)"),
                    ),
                }
            }
        }
        if rf.is_none() && !grounds.is_empty() && self.text("refused").is_none() {
            self.bad(
                "R-REFUSAL",
                "refusal_grounds",
                &self.text("refusal_grounds").unwrap_or_default(),
                "Có căn cứ từ chối nhưng không có ngày từ chối (Mẫu 05)".into(),
                "Refusal grounds without a refusal date (Form 05)".into(),
            );
        }
        add(
            7,
            rf,
            EventKind::Refused {
                grounds,
                reason: self.text("refusal_reason").unwrap_or_default(),
            },
            self.text("refused_no"),
        );
        let t = self.date("transferred");
        add(
            8,
            t,
            EventKind::Transferred {
                to: self.text("transferred_to"),
            },
            None,
        );
        let w = self.date("withdrawn");
        add(9, w, EventKind::Withdrawn, None);
        let c = self.date("correction_claim");
        add(10, c, EventKind::CorrectionClaim, None);
        let k = self.date("complaint");
        add(11, k, EventKind::Complaint, None);
        ev.sort_by_key(|(o, e)| (e.date, *o));
        ev.into_iter().map(|(_, e)| e).collect()
    }
}

fn parse_provision_case(s: &str) -> Option<ProvisionCase> {
    let k: String = fold_key(s).chars().filter(|c| !c.is_whitespace()).collect();
    let k = k
        .trim_start_matches("dieu")
        .trim_start_matches("art.")
        .trim_start_matches("art");
    Some(match k {
        "23(1)(a)" | "not_yet_disclosed" => ProvisionCase::NotYetDisclosed,
        "23(1)(b)" | "past_disclosure_period" => ProvisionCase::PastDisclosurePeriod,
        "23(1)(c)" | "unreachable_force_majeure" => ProvisionCase::UnreachableForceMajeure,
        "23(2)" | "conditions_met" => ProvisionCase::ConditionsMet,
        "23(3)" | "own_affairs" => ProvisionCase::OwnAffairs,
        "23(4)" | "discretionary" => ProvisionCase::Discretionary,
        _ => return None,
    })
}

fn provision_case_code(c: ProvisionCase) -> &'static str {
    match c {
        ProvisionCase::NotYetDisclosed => "23(1)(a)",
        ProvisionCase::PastDisclosurePeriod => "23(1)(b)",
        ProvisionCase::UnreachableForceMajeure => "23(1)(c)",
        ProvisionCase::ConditionsMet => "23(2)",
        ProvisionCase::OwnAffairs => "23(3)",
        ProvisionCase::Discretionary => "23(4)",
    }
}

/// Read a CSV register (UTF-8; a byte-order mark is accepted). `file` names
/// the input in findings.
///
/// # Errors
/// [`RegisterIoError::Csv`] for malformed CSV, [`RegisterIoError::NoHeader`]
/// when none of the first 10 rows has the columns `id`, `received` and
/// `channel` (in any accepted spelling).
///
/// ```
/// use tiepcan::register::io::read_csv;
/// let csv = "Số thứ tự,Ngày tiếp nhận,Cách thức yêu cầu,Ngày yêu cầu hợp lệ,Ngày cung cấp\n\
///            1,20/05/2024,trực tiếp,20/05/2024,20/05/2024\n";
/// let loaded = read_csv(csv.as_bytes(), "so.csv")?;
/// assert_eq!(loaded.register.requests.len(), 1);
/// assert_eq!(loaded.register.requests[0].events.len(), 3);
/// # Ok::<(), tiepcan::register::io::RegisterIoError>(())
/// ```
pub fn read_csv<R: Read>(reader: R, file: &str) -> Result<Loaded, RegisterIoError> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(reader);
    let mut rows = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| RegisterIoError::Csv {
            file: file.to_string(),
            source: e,
        })?;
        rows.push(
            rec.iter()
                .map(|s| crate::text::nfc(s.trim_start_matches('\u{feff}')))
                .collect(),
        );
    }
    from_rows(rows, file)
}

/// Read the first sheet of an XLSX register. Date cells may be real dates
/// or text.
///
/// # Errors
/// [`RegisterIoError::Xlsx`] when the workbook cannot be opened or has no
/// sheet; [`RegisterIoError::NoHeader`] as for [`read_csv`].
#[cfg(feature = "xlsx")]
pub fn read_xlsx<R: Read + std::io::Seek>(
    reader: R,
    file: &str,
) -> Result<Loaded, RegisterIoError> {
    use calamine::{Data, DataType, Reader, Xlsx};
    let xerr = |m: String| RegisterIoError::Xlsx {
        file: file.to_string(),
        message: m,
    };
    let mut wb: Xlsx<R> = calamine::open_workbook_from_rs(reader)
        .map_err(|e: calamine::XlsxError| xerr(e.to_string()))?;
    let range = wb
        .worksheet_range_at(0)
        .ok_or_else(|| xerr("the workbook has no sheet".into()))?
        .map_err(|e: calamine::XlsxError| xerr(e.to_string()))?;
    // Keep physical row numbers: pad the rows above the used range.
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<String>> = vec![Vec::new(); top as usize];
    for r in range.rows() {
        let mut cells: Vec<String> = vec![String::new(); left as usize];
        cells.extend(r.iter().map(|c| {
            match c {
                Data::DateTime(_) | Data::DateTimeIso(_) => c
                    .as_date()
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| c.to_string()),
                Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
                Data::Empty => String::new(),
                other => crate::text::nfc(&other.to_string()),
            }
        }));
        rows.push(cells);
    }
    from_rows(rows, file)
}

/// Read a JSON register (the [`Register`] model: `{"agency": …,
/// "requests": [{"id", "channel", "slip", "events": [{"date", "kind", …}]}]}`).
///
/// # Errors
/// [`RegisterIoError::Json`] with line and column.
pub fn read_json(text: &str, file: &str) -> Result<Loaded, RegisterIoError> {
    let fail = |e: serde_json::Error| RegisterIoError::Json {
        file: file.to_string(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    };
    // Keys the model does not have are reported, not dropped silently
    // (`R-READ-STRUCTURE`, as the XML reader reports unknown elements).
    let mut unknown = Vec::new();
    let mut de = serde_json::Deserializer::from_str(text);
    let register: Register = serde_ignored::deserialize(&mut de, |path| {
        unknown.push(json_pointer(&path));
    })
    .map_err(fail)?;
    de.end().map_err(fail)?;
    let diagnostics = unknown
        .into_iter()
        .map(|ptr| {
            let name = ptr.rsplit('/').next().unwrap_or_default().to_string();
            Diagnostic::new(
                "R-READ-STRUCTURE",
                Location::pointer(&ptr).with_file(file),
                None,
                Message::new(
                    format!("Khóa \"{name}\" không thuộc mẫu sổ theo dõi (schemas/register.schema.json); bỏ qua"),
                    format!("unknown key \"{name}\" (see schemas/register.schema.json); ignored"),
                ),
            )
        })
        .collect();
    Ok(Loaded {
        register,
        diagnostics,
    })
}

/// `requests.0.extra` (serde_ignored's path) as a JSON pointer
/// (`/requests/0/extra`, RFC 6901 escapes).
fn json_pointer(path: &serde_ignored::Path<'_>) -> String {
    use serde_ignored::Path;
    let mut parts = Vec::new();
    let mut p = path;
    loop {
        match p {
            Path::Root => break,
            Path::Seq { parent, index } => {
                parts.push(index.to_string());
                p = parent;
            }
            Path::Map { parent, key } => {
                parts.push(key.replace('~', "~0").replace('/', "~1"));
                p = parent;
            }
            Path::Some { parent }
            | Path::NewtypeStruct { parent }
            | Path::NewtypeVariant { parent } => p = parent,
        }
    }
    parts.iter().rev().map(|k| format!("/{k}")).collect()
}

/// Read a register in `format` from its bytes; `file` names the input in
/// findings. JSON must be UTF-8; XML is read with
/// [`XmlLimits::default`](crate::io::xml::XmlLimits).
///
/// # Errors
/// As the reader of the format: [`read_csv`], `read_xlsx`, [`read_json`]
/// (bytes that are not UTF-8 are a [`RegisterIoError::Json`] error at the
/// first bad byte) or [`super::xml::read_register_xml`].
///
/// ```
/// use tiepcan::register::io::{read_bytes, Format};
/// let loaded = read_bytes(br#"{"requests": []}"#, Format::Json, "so.json")?;
/// assert!(loaded.register.requests.is_empty());
/// # Ok::<(), tiepcan::register::io::RegisterIoError>(())
/// ```
pub fn read_bytes(bytes: &[u8], format: Format, file: &str) -> Result<Loaded, RegisterIoError> {
    match format {
        Format::Csv => read_csv(bytes, file),
        #[cfg(feature = "xlsx")]
        Format::Xlsx => read_xlsx(std::io::Cursor::new(bytes), file),
        #[cfg(not(feature = "xlsx"))]
        Format::Xlsx => Err(RegisterIoError::Xlsx {
            file: file.to_string(),
            message: "this build has no XLSX support (feature \"xlsx\")".into(),
        }),
        Format::Json => match std::str::from_utf8(bytes) {
            Ok(text) => read_json(text, file),
            Err(e) => {
                let (line, column) = crate::io::xml::line_col(bytes, e.valid_up_to());
                Err(RegisterIoError::Json {
                    file: file.to_string(),
                    line,
                    column,
                    message: format!("not UTF-8: {e}"),
                })
            }
        },
        Format::Xml => {
            super::xml::read_register_xml(bytes, file, &crate::io::xml::XmlLimits::default())
        }
    }
}

/// Whether `bytes` hold a request register (sổ theo dõi) with at least one
/// request in `format`, rather than a catalog: a folder scan of catalogs
/// uses it to set registers aside instead of reading them as catalogs. It
/// reads the whole input, so call it only on files a scan picked up.
///
/// ```
/// use tiepcan::register::io::{is_register, Format};
/// let reg = "Số thứ tự,Ngày tiếp nhận,Cách thức yêu cầu\n1,20/05/2024,trực tiếp\n";
/// assert!(is_register(reg.as_bytes(), Format::Csv));
/// let catalog = "STT,Tên thông tin,Ngày ban hành\n1,Quyết định số 5,01/02/2024\n";
/// assert!(!is_register(catalog.as_bytes(), Format::Csv));
/// ```
pub fn is_register(bytes: &[u8], format: Format) -> bool {
    matches!(read_bytes(bytes, format, ""), Ok(l) if !l.register.requests.is_empty())
}

/// Write the register as pretty JSON (every event kept).
pub fn write_json(reg: &Register) -> String {
    serde_json::to_string_pretty(reg).expect("the register model always serialises")
}

/// An event the register-book layout cannot hold (a second event of the
/// same kind, for instance a second extension): use JSON to keep it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotWritten {
    /// The request.
    pub id: String,
    /// The event's code.
    pub event: &'static str,
    /// Its date.
    pub date: NaiveDate,
}

/// The row of one request in the register-book layout, one cell per
/// [`COLUMNS`] entry; events that do not fit are returned.
pub fn to_row(r: &Request) -> (Vec<String>, Vec<NotWritten>) {
    let mut cells = vec![String::new(); COLUMNS.len()];
    let mut dropped = Vec::new();
    let idx = |k: &str| {
        COLUMNS
            .iter()
            .position(|c| c.key == k)
            .expect("known column")
    };
    let mut set = |k: &str, v: String| cells[idx(k)] = v;
    let s = &r.slip;
    set("id", r.id.clone());
    set("channel", r.channel.label_vi().to_string());
    set(
        "slip_form",
        match s.form {
            LegalForm::Form01b => "01b",
            _ => "01a",
        }
        .into(),
    );
    set("name", s.name.clone());
    set("address", s.address.clone());
    set("id_number", s.id_number.clone());
    set("contact", s.contact.clone().unwrap_or_default());
    if s.capacity != RequesterCapacity::Own {
        set("capacity", s.capacity.code().into());
    }
    set("acting_for", s.acting_for.clone().unwrap_or_default());
    if s.foreign_resident {
        set("foreign_resident", "có".into());
    }
    set("organisation", s.organisation.clone().unwrap_or_default());
    set(
        "requester_list",
        s.requester_list
            .iter()
            .map(|l| format!("{} | {} | {}", l.name, l.id_number, l.reason_purpose))
            .collect::<Vec<_>>()
            .join("; "),
    );
    set("information", s.information.clone());
    set("document", s.document.clone());
    set("form_of_provision", s.form_of_provision.clone());
    set("reason_purpose", s.reason_purpose.clone());
    if let Some(g) = s.conditional {
        set("conditional", g.label_vi().into());
    }
    set("consent", s.consent.clone().unwrap_or_default());
    set("head_decision", s.head_decision.clone().unwrap_or_default());
    if let Some(c) = s.provision_case {
        set("provision_case", provision_case_code(c).into());
    }
    if r.prior_provisions > 0 {
        set("prior_provisions", r.prior_provisions.to_string());
    }
    set(
        "legitimate_reason",
        r.legitimate_reason.clone().unwrap_or_default(),
    );
    if let Some(st) = r.recorded_state {
        set("recorded_state", st.label_vi().into());
    }
    set("note", r.note.clone().unwrap_or_default());
    let mut seen: Vec<&'static str> = Vec::new();
    for e in &r.events {
        let code = e.kind.code();
        if seen.contains(&code) {
            dropped.push(NotWritten {
                id: r.id.clone(),
                event: code,
                date: e.date,
            });
            continue;
        }
        seen.push(code);
        let d = e.date.to_string();
        let doc = e.document.clone().unwrap_or_default();
        match &e.kind {
            EventKind::Received => {
                set("received", d);
                set("receipt_no", doc);
            }
            EventKind::Guidance { note } => {
                set("guidance", d);
                set("guidance_note", note.clone().unwrap_or_default());
            }
            EventKind::Valid { complexity, reason } => {
                set("valid", d);
                set(
                    "complexity",
                    match complexity {
                        Complexity::Simple => "đơn giản",
                        Complexity::Complex => "phức tạp",
                    }
                    .into(),
                );
                set("complexity_reason", reason.clone().unwrap_or_default());
            }
            EventKind::HandlingNotice {
                time_limit,
                place,
                cost_vnd,
                payment_deadline,
                ..
            } => {
                set("handling_notice", d);
                set("handling_notice_no", doc);
                set(
                    "time_limit",
                    time_limit.map(|x| x.to_string()).unwrap_or_default(),
                );
                set("place", place.clone().unwrap_or_default());
                set("cost", cost_vnd.to_string());
                set(
                    "payment_deadline",
                    payment_deadline.map(|x| x.to_string()).unwrap_or_default(),
                );
            }
            EventKind::Paid { amount_vnd } => {
                set("paid", d);
                set("paid_amount", amount_vnd.to_string());
            }
            EventKind::Extended { new_limit, reason } => {
                set("extended", d);
                set("extended_no", doc);
                set(
                    "extended_until",
                    new_limit.map(|x| x.to_string()).unwrap_or_default(),
                );
                set("extension_reason", reason.clone().unwrap_or_default());
            }
            EventKind::Provided { form, partial } => {
                set("provided", d);
                set("provided_form", form.clone().unwrap_or_default());
                if *partial {
                    set("partial", "có".into());
                }
            }
            EventKind::Refused { grounds, reason } => {
                set("refused", d);
                set("refused_no", doc);
                set(
                    "refusal_grounds",
                    grounds
                        .iter()
                        .map(|g| g.point().letter())
                        .collect::<Vec<_>>()
                        .join("; "),
                );
                set("refusal_reason", reason.clone());
            }
            EventKind::Transferred { to } => {
                set("transferred", d);
                set("transferred_to", to.clone().unwrap_or_default());
            }
            EventKind::Withdrawn => set("withdrawn", d),
            EventKind::CorrectionClaim => set("correction_claim", d),
            EventKind::Complaint => set("complaint", d),
        }
    }
    (cells, dropped)
}

/// Write the register as CSV in the register-book layout with Vietnamese
/// headers (UTF-8, no BOM). Returns the events the layout cannot hold
/// (write JSON to keep them).
///
/// # Errors
/// [`RegisterIoError::Csv`] / [`RegisterIoError::Write`] when writing fails.
pub fn write_csv<W: Write>(reg: &Register, writer: W) -> Result<Vec<NotWritten>, RegisterIoError> {
    let mut w = csv::Writer::from_writer(writer);
    let cerr = |e| RegisterIoError::Csv {
        file: "<output>".into(),
        source: e,
    };
    w.write_record(COLUMNS.iter().map(|c| c.header_vi))
        .map_err(cerr)?;
    let mut dropped = Vec::new();
    for r in &reg.requests {
        let (cells, mut d) = to_row(r);
        dropped.append(&mut d);
        w.write_record(&cells).map_err(cerr)?;
    }
    w.flush()?;
    Ok(dropped)
}

/// Write the register as an XLSX workbook: one sheet "So theo doi" in the
/// register-book layout with Vietnamese headers in bold, the header row
/// frozen. Dates are written as ISO text (`2024-05-20`) so that no
/// spreadsheet locale can turn them around. The document's creation time is
/// fixed (2018-07-01), never read from the host clock. Returns the bytes and
/// the events the layout cannot hold.
///
/// # Errors
/// [`RegisterIoError::Xlsx`] when the workbook cannot be built.
#[cfg(feature = "xlsx")]
pub fn write_xlsx(reg: &Register) -> Result<(Vec<u8>, Vec<NotWritten>), RegisterIoError> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format as XFormat, Workbook};
    let xerr = |e: rust_xlsxwriter::XlsxError| RegisterIoError::Xlsx {
        file: "<output>".into(),
        message: e.to_string(),
    };
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2018, 7, 1).map_err(xerr)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title("Sổ theo dõi cung cấp thông tin theo yêu cầu")
            .set_creation_datetime(&created),
    );
    let bold = XFormat::new().set_bold();
    let ws = wb.add_worksheet();
    ws.set_name("So theo doi").map_err(xerr)?;
    for (j, c) in COLUMNS.iter().enumerate() {
        ws.write_string_with_format(0, j as u16, c.header_vi, &bold)
            .map_err(xerr)?;
    }
    ws.set_freeze_panes(1, 0).map_err(xerr)?;
    let mut dropped = Vec::new();
    for (i, r) in reg.requests.iter().enumerate() {
        let (cells, mut d) = to_row(r);
        dropped.append(&mut d);
        for (j, v) in cells.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string((i + 1) as u32, j as u16, v).map_err(xerr)?;
            }
        }
    }
    let bytes = wb.save_to_buffer().map_err(xerr)?;
    Ok((bytes, dropped))
}
