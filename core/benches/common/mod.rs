//! A generated disclosure catalog of realistic shape for the XML benchmark
//! and the memory example (shared with `examples/xml_mem.rs`).

use chrono::NaiveDate;
use tiepcan::law::{Art17Point, DisclosureForm};
use tiepcan::model::*;

const TITLES: [&str; 6] = [
    "Quyết định phê duyệt dự toán ngân sách xã năm",
    "Kế hoạch phổ biến, giáo dục pháp luật trên địa bàn xã năm",
    "Báo cáo tình hình thực hiện nhiệm vụ kinh tế - xã hội năm",
    "Thông báo kết quả tuyển dụng công chức cấp xã năm",
    "Quy hoạch sử dụng đất và kế hoạch sử dụng đất hằng năm",
    "Danh sách hộ nghèo, hộ cận nghèo được hỗ trợ năm",
];

/// A disclosure catalog with `n` items (deterministic).
pub fn catalog(n: usize) -> Catalog {
    let mut agency = Agency::named("Ủy ban nhân dân xã An Hòa, tỉnh An Giang");
    agency.code = Some(AgencyCode::parse("000.00.00.H49").unwrap());
    let mut items = Vec::with_capacity(n);
    for i in 0..n {
        let year = 2019 + (i % 8) as i32;
        let point = Art17Point::CLAUSE_1[i % 15];
        let mut it = InformationItem {
            seq: Some((i + 1).to_string()),
            title: format!("{} {year} (số thứ tự {})", TITLES[i % TITLES.len()], i + 1),
            number_symbol: Some(DocumentRef::parse(&format!("{}/QĐ-UBND", i % 997 + 1)).unwrap()),
            created_on: Some(PartialDate::Day(
                NaiveDate::from_yo_opt(year, (i % 365) as u32 + 1).unwrap(),
            )),
            art17_point: Some(point),
            disclosure_forms: vec![DisclosureForm::Portal, DisclosureForm::Posting],
            disclosure_time: Some("Ngay sau khi ban hành".into()),
            disclosure_period: Some("Thường xuyên".into()),
            access_link: Some(format!(
                "https://anhoa.angiang.gov.vn/tiep-can-thong-tin/van-ban-{}.pdf",
                i + 1
            )),
            section: Some(format!("Mục {} — điểm {}", i / 50 + 1, point.code())),
            source: Some(SourceSpan {
                row: i + 2,
                columns: Default::default(),
            }),
            ..Default::default()
        };
        it.extra
            .insert("Đơn vị chủ trì".into(), "Văn phòng - Thống kê".into());
        items.push(it);
    }
    Catalog::Disclosure(DisclosureCatalog {
        header: CatalogHeader {
            agency: Some(agency),
            title: Some("DANH MỤC THÔNG TIN PHẢI ĐƯỢC CÔNG KHAI".into()),
            ..Default::default()
        },
        items,
    })
}
