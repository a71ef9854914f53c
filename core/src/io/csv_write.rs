//! Write a catalog as CSV for people: Vietnamese column headers
//! ([`Field::header_vi`]), UTF-8 with a byte-order mark so that Excel opens
//! it with the diacritics intact, CRLF line ends (RFC 4180).
//!
//! One row per entry in source order; an entry's `children` follow it as
//! agencies write sub-rows (and as tiepcan's CSV reader takes them back): an
//! empty STT and `+ ` before the title. When the `section` caption changes
//! (and is not blank), a caption row comes first: the caption in the title
//! column, the other cells empty, as agencies lay their tables out (the CSV
//! reader takes such a row back as a section when it looks like one —
//! numbered `II.`, upper case, or starting "Danh mục", "Mục", "Phần" …). A field
//! the reader could not parse is written as it was found (from `unparsed`),
//! and every `extra` column is kept, after the known ones, under its header
//! as written. Dates are ISO (`2019-05-02`, `2019-05`, `2019`); the Art. 17
//! point is its letter (`đ`, `17(2)`); disclosure forms, Art. 7 grounds and
//! consent holders are their Vietnamese labels, separated by `; `.
//!
//! # Preamble: the catalog header
//!
//! Above the column headers, when the catalog header has anything to say,
//! come labelled rows as agencies put title and "Căn cứ: …" lines above
//! their tables: the label in column A ending in `:`, the value in column B,
//! the other cells empty, then one blank row. In this order, each only when
//! set: `Tên danh mục:` (title), `Loại danh mục:` (the catalog kind, so the
//! reader needs no guess), the agency — `Cơ quan:` (name), `Cấp cơ quan:`
//! (`trung ương`, `tỉnh`, `sở, ngành`, `huyện`, `xã`, `khác`),
//! `Mã định danh điện tử của cơ quan:`, `Có cổng/trang thông tin điện tử:`
//! (`có`/`không`), `Địa chỉ cổng/trang thông tin điện tử:`,
//! `Địa chỉ cơ quan:`, `Điện thoại:`, `Số fax:`, `Thư điện tử:`,
//! `Cơ quan kế thừa:`, `Địa bàn tính chi phí (Thông tư 46/2018/TT-BTC):`
//! (`khó khăn`, `đặc biệt khó khăn`; not written when normal) —, then
//! `Căn cứ:` (the stated legal basis, as written), `Ban hành kèm theo văn
//! bản số:` (the issuing decision's number as written), `Ngày ban hành danh
//! mục:` and `Ngày cập nhật:` (ISO dates), `Nơi công khai danh mục:`,
//! `Đơn vị lập danh mục:`, `Người phê duyệt:`. tiepcan's CSV reader reads
//! these rows back into the header exactly (every value cleaned like any
//! cell: NFC, ends trimmed), so CSV → model → CSV → model keeps the header
//! and every finding that depends on it (R-CAT-BASIS, R-DISTRICT, …).
//!
//! # Columns for what the usual ones cannot hold
//!
//! When any entry has both an `access_link` and a `link_text`, a column
//! `Chữ hiển thị kèm địa chỉ` after `Tệp đính kèm` holds the text. When any
//! conditional entry has an Art. 7(3) `override_decision`, four columns after
//! `Văn bản đồng ý (Mẫu 06)` hold it: `Người quyết định cung cấp không cần
//! đồng ý`, `Ngày quyết định …` (ISO), `Lý do …`, `Số quyết định …` (the
//! number as written). The reader moves them back into their fields.
//!
//! Not written (CSV has no place for them; use JSON or XML to keep them):
//! `source` (positions in the file read), a child's own STT, and the parsed
//! parts of a `number_symbol` or decision number (its `raw` text is written
//! and parsed again).

use std::collections::BTreeMap;
use std::io::Write;

use super::headers::{
    agency_level_vi, area_class_vi, kind_vi, preamble_label, PreambleKey, LINK_TEXT_HEADER,
    OVERRIDE_HEADERS,
};
use crate::model::{AreaClass, Catalog, CatalogHeader, ConditionalItem, Field, InformationItem};

/// Column headers of a disclosure catalog, in order.
pub const DISCLOSURE_FIELDS: [Field; 10] = [
    Field::Seq,
    Field::Title,
    Field::NumberSymbol,
    Field::CreatedOn,
    Field::Art17Point,
    Field::DisclosureForms,
    Field::DisclosureTime,
    Field::DisclosurePeriod,
    Field::AccessLink,
    Field::Attachment,
];

/// Column headers of a conditional-access catalog, in order (followed by
/// [`CONSENT_DOCUMENT_HEADER`]).
pub const CONDITIONAL_FIELDS: [Field; 7] = [
    Field::Seq,
    Field::Title,
    Field::NumberSymbol,
    Field::CreatedOn,
    Field::Ground,
    Field::ConsentHolder,
    Field::ConsentStatus,
];

/// Header of the column holding a conditional item's Form 06 consent reference.
pub const CONSENT_DOCUMENT_HEADER: &str = "Văn bản đồng ý (Mẫu 06)";

/// Why a CSV could not be written.
#[derive(Debug, thiserror::Error)]
#[error("writing CSV failed: {0}")]
pub struct CsvWriteError(#[from] csv::Error);

impl From<std::io::Error> for CsvWriteError {
    fn from(e: std::io::Error) -> Self {
        CsvWriteError(csv::Error::from(e))
    }
}

fn extra_headers<'a>(extras: impl Iterator<Item = &'a BTreeMap<String, String>>) -> Vec<String> {
    let mut seen = Vec::<String>::new();
    for m in extras {
        for k in m.keys() {
            if !seen.iter().any(|s| s == k) {
                seen.push(k.clone());
            }
        }
    }
    seen
}

fn all_info<'a>(items: &'a [InformationItem], out: &mut Vec<&'a InformationItem>) {
    for it in items {
        out.push(it);
        all_info(&it.children, out);
    }
}

fn info_cell(it: &InformationItem, f: Field) -> String {
    let v = match f {
        Field::Seq => it.seq.clone(),
        Field::Title => Some(it.title.clone()),
        Field::NumberSymbol => it.number_symbol.as_ref().map(|r| r.raw.clone()),
        Field::CreatedOn => it.created_on.map(|d| d.to_string()),
        Field::Art17Point => it.art17_point.map(|p| p.code().to_string()),
        Field::DisclosureForms => (!it.disclosure_forms.is_empty()).then(|| {
            it.disclosure_forms
                .iter()
                .map(|f| f.label_vi())
                .collect::<Vec<_>>()
                .join("; ")
        }),
        Field::DisclosureTime => it.disclosure_time.clone(),
        Field::DisclosurePeriod => it.disclosure_period.clone(),
        Field::AccessLink => it.access_link.clone().or_else(|| it.link_text.clone()),
        Field::Attachment => it.attachment.clone(),
        _ => None,
    };
    v.or_else(|| it.unparsed.get(&f).cloned())
        .unwrap_or_default()
}

fn cond_cell(it: &ConditionalItem, f: Field) -> String {
    let v = match f {
        Field::Seq => it.seq.clone(),
        Field::Title => Some(it.title.clone()),
        Field::NumberSymbol => it.number_symbol.as_ref().map(|r| r.raw.clone()),
        Field::CreatedOn => it.created_on.map(|d| d.to_string()),
        Field::Ground => it.ground.map(|g| g.label_vi().to_string()),
        Field::ConsentHolder => it.consent_holder.map(|g| g.label_vi().to_string()),
        Field::ConsentStatus => it
            .consent_status
            .map(|s| match s {
                crate::model::ConsentStatus::None => "chưa có",
                crate::model::ConsentStatus::Requested => "đã đề nghị",
                crate::model::ConsentStatus::Given => "đã đồng ý",
                crate::model::ConsentStatus::Refused => "từ chối",
            })
            .map(str::to_string),
        _ => None,
    };
    v.or_else(|| it.unparsed.get(&f).cloned())
        .unwrap_or_default()
}

/// The labelled preamble rows for a header (empty when it is the default).
fn preamble(catalog: &Catalog) -> Vec<(String, String)> {
    let h: &CatalogHeader = catalog.header();
    if *h == CatalogHeader::default() {
        return Vec::new();
    }
    let mut rows = Vec::new();
    let mut put = |k: PreambleKey, v: Option<String>| {
        if let Some(v) = v {
            rows.push((preamble_label(k), v));
        }
    };
    put(PreambleKey::Title, h.title.clone());
    put(PreambleKey::Kind, Some(kind_vi(catalog.kind()).to_string()));
    if let Some(a) = &h.agency {
        put(PreambleKey::Agency, Some(a.name.clone()));
        put(
            PreambleKey::AgencyLevel,
            a.level.map(|l| agency_level_vi(l).to_string()),
        );
        put(
            PreambleKey::AgencyCode,
            a.code.as_ref().map(|c| c.as_str().to_string()),
        );
        put(
            PreambleKey::HasPortal,
            a.has_portal
                .map(|b| if b { "có" } else { "không" }.to_string()),
        );
        put(PreambleKey::PortalUrl, a.portal_url.clone());
        put(PreambleKey::Address, a.address.clone());
        put(PreambleKey::Phone, a.phone.clone());
        put(PreambleKey::Fax, a.fax.clone());
        put(PreambleKey::Email, a.email.clone());
        put(PreambleKey::Successor, a.successor.clone());
        put(
            PreambleKey::AreaClass,
            (a.area_class != AreaClass::Normal).then(|| area_class_vi(a.area_class).to_string()),
        );
    }
    put(PreambleKey::StatedBasis, h.stated_basis.clone());
    put(
        PreambleKey::IssuingDecision,
        h.issuing_decision.as_ref().map(|d| d.raw.clone()),
    );
    put(PreambleKey::IssuedOn, h.issued_on.map(|d| d.to_string()));
    put(
        PreambleKey::LastUpdated,
        h.last_updated.map(|d| d.to_string()),
    );
    put(PreambleKey::PublishedAt, h.published_at.clone());
    put(PreambleKey::CompiledBy, h.compiled_by.clone());
    put(PreambleKey::ApprovedBy, h.approved_by.clone());
    rows
}

fn write_preamble<W: Write>(
    w: &mut csv::Writer<W>,
    catalog: &Catalog,
    width: usize,
) -> Result<(), CsvWriteError> {
    let rows = preamble(catalog);
    if rows.is_empty() {
        return Ok(());
    }
    for (label, value) in rows {
        let mut row = vec![String::new(); width.max(2)];
        row[0] = label;
        row[1] = value;
        w.write_record(&row)?;
    }
    w.write_record(vec![String::new(); width.max(2)])?;
    Ok(())
}

/// Write `catalog` as CSV (BOM, labelled header rows, Vietnamese column
/// headers, CRLF).
///
/// # Errors
/// [`CsvWriteError`] when `out` fails.
///
/// ```
/// use tiepcan::model::{Catalog, DisclosureCatalog, InformationItem};
/// let mut c = DisclosureCatalog::default();
/// let mut it = InformationItem { title: "Dự toán ngân sách".into(), ..Default::default() };
/// it.extra.insert("Đơn vị chủ trì".into(), "Văn phòng".into());
/// c.items.push(it);
/// let mut out = Vec::new();
/// tiepcan::io::csv_write::write_catalog_csv(&Catalog::Disclosure(c), &mut out)?;
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.starts_with("\u{feff}STT,\"Tên văn bản, hồ sơ\","));
/// assert!(text.lines().next().unwrap().ends_with(",Đơn vị chủ trì"));
/// # Ok::<(), tiepcan::io::csv_write::CsvWriteError>(())
/// ```
pub fn write_catalog_csv<W: Write>(catalog: &Catalog, mut out: W) -> Result<(), CsvWriteError> {
    out.write_all("\u{feff}".as_bytes())?;
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(false)
        .from_writer(out);
    match catalog {
        Catalog::Disclosure(c) => {
            let mut flat = Vec::new();
            all_info(&c.items, &mut flat);
            let extras = extra_headers(flat.iter().map(|it| &it.extra));
            let mut header: Vec<String> = DISCLOSURE_FIELDS
                .iter()
                .map(|f| f.header_vi().to_string())
                .collect();
            // Link text beside an address: a column of its own, when any entry has both.
            let link_texts = flat
                .iter()
                .any(|it| it.access_link.is_some() && it.link_text.is_some());
            if link_texts {
                header.push(LINK_TEXT_HEADER.to_string());
            }
            header.extend(extras.iter().cloned());
            write_preamble(&mut w, catalog, header.len())?;
            w.write_record(&header)?;
            let width = header.len();
            let mut section: Option<String> = None;
            #[allow(clippy::too_many_arguments)]
            fn rows<W: Write>(
                w: &mut csv::Writer<W>,
                items: &[InformationItem],
                child: bool,
                extras: &[String],
                link_texts: bool,
                width: usize,
                section: &mut Option<String>,
            ) -> Result<(), CsvWriteError> {
                for it in items {
                    if !child {
                        if let Some(s) = it.section.as_deref().filter(|s| !s.trim().is_empty()) {
                            if section.as_deref() != Some(s) {
                                let mut row = vec![String::new(); width];
                                row[1] = s.to_string();
                                w.write_record(&row)?;
                            }
                        }
                        section.clone_from(&it.section);
                    }
                    let mut row: Vec<String> = DISCLOSURE_FIELDS
                        .iter()
                        .map(|f| info_cell(it, *f))
                        .collect();
                    if child {
                        // As agencies write sub-rows, and as tiepcan's
                        // readers take them back: no STT, "+ " before the title.
                        row[0] = String::new();
                        row[1] = format!("+ {}", it.title);
                    }
                    if link_texts {
                        row.push(if it.access_link.is_some() {
                            it.link_text.clone().unwrap_or_default()
                        } else {
                            String::new() // written in "Đường dẫn"
                        });
                    }
                    row.extend(
                        extras
                            .iter()
                            .map(|h| it.extra.get(h).cloned().unwrap_or_default()),
                    );
                    w.write_record(&row)?;
                    rows(w, &it.children, true, extras, link_texts, width, section)?;
                }
                Ok(())
            }
            rows(
                &mut w,
                &c.items,
                false,
                &extras,
                link_texts,
                width,
                &mut section,
            )?;
        }
        Catalog::Conditional(c) => {
            let extras = extra_headers(c.items.iter().map(|it| &it.extra));
            let mut header: Vec<String> = CONDITIONAL_FIELDS
                .iter()
                .map(|f| f.header_vi().to_string())
                .collect();
            header.push(CONSENT_DOCUMENT_HEADER.to_string());
            // Art. 7(3) decisions: four columns, when any entry has one.
            let overrides = c.items.iter().any(|it| it.override_decision.is_some());
            if overrides {
                header.extend(OVERRIDE_HEADERS.iter().map(|h| h.to_string()));
            }
            header.extend(extras.iter().cloned());
            write_preamble(&mut w, catalog, header.len())?;
            w.write_record(&header)?;
            let width = header.len();
            let mut section: Option<&str> = None;
            for it in &c.items {
                if let Some(s) = it.section.as_deref().filter(|s| !s.trim().is_empty()) {
                    if section != Some(s) {
                        let mut row = vec![String::new(); width];
                        row[1] = s.to_string();
                        w.write_record(&row)?;
                    }
                }
                section = it.section.as_deref();
                let mut row: Vec<String> = CONDITIONAL_FIELDS
                    .iter()
                    .map(|f| cond_cell(it, *f))
                    .collect();
                row.push(it.consent_document.clone().unwrap_or_default());
                if overrides {
                    let o = it.override_decision.as_ref();
                    row.push(o.map(|o| o.decided_by.clone()).unwrap_or_default());
                    row.push(
                        o.and_then(|o| o.decided_on)
                            .map(|d| d.to_string())
                            .unwrap_or_default(),
                    );
                    row.push(o.map(|o| o.reason.clone()).unwrap_or_default());
                    row.push(
                        o.and_then(|o| o.document.as_ref())
                            .map(|d| d.raw.clone())
                            .unwrap_or_default(),
                    );
                }
                row.extend(
                    extras
                        .iter()
                        .map(|h| it.extra.get(h).cloned().unwrap_or_default()),
                );
                w.write_record(&row)?;
            }
        }
    }
    w.flush()?;
    Ok(())
}
