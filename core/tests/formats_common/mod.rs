//! Shared fixtures for the `formats_*` tests: a hand-made catalog with every
//! field set, and proptest strategies for whole catalogs.
#![allow(dead_code)]

use std::collections::BTreeMap;

use chrono::NaiveDate;
use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use tiepcan::law::{Art17Point, ConditionalGround, ConsentHolder, DisclosureForm};
use tiepcan::model::*;

/// Vietnamese text with markup characters, white space at the ends, CR/LF,
/// tabs and combining marks (NFD input must survive unchanged too).
pub fn text() -> BoxedStrategy<String> {
    prop_oneof![
        3 => "[a-zA-Z0-9 ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚĂĐĨŨƠàáâãèéêìíòóôõùúăđĩũơƯưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ&<>\"'\r\n\t.,;:/()%#\u{301}\u{323}\u{a0}-]{0,24}",
        1 => select(vec![
            "Quyết định số 12/2026/QĐ-UBND".to_string(),
            "  Kế hoạch\r\n năm 2026 ".to_string(),
            "Ke\u{302}\u{301} hoa\u{323}ch".to_string(),
            "]]> & <![CDATA[".to_string(),
            String::new(),
        ]),
    ]
    .boxed()
}

pub fn date() -> BoxedStrategy<NaiveDate> {
    (1990i32..2035, 1u32..=366)
        .prop_map(|(y, o)| {
            NaiveDate::from_yo_opt(y, o).unwrap_or_else(|| NaiveDate::from_yo_opt(y, 365).unwrap())
        })
        .boxed()
}

pub fn partial_date() -> BoxedStrategy<PartialDate> {
    prop_oneof![
        date().prop_map(PartialDate::Day),
        (1990i32..2035, 1u32..=12).prop_map(|(year, month)| PartialDate::Month { year, month }),
        (1990i32..2035).prop_map(PartialDate::Year),
    ]
    .boxed()
}

pub fn doc_ref() -> BoxedStrategy<DocumentRef> {
    (
        text(),
        option::of("[0-9]{1,5}"),
        option::of(1990u16..2035),
        option::of(select(vec!["NĐ", "QĐ", "BC", "TT"])),
        option::of(text()),
        option::of(text()),
    )
        .prop_map(|(raw, number, year, doc_type, issuer, unit)| DocumentRef {
            raw,
            number,
            year,
            doc_type: doc_type.map(str::to_string),
            issuer,
            unit,
        })
        .boxed()
}

/// Every field of the model (`Field::ALL`).
pub const FIELDS: [Field; 14] = Field::ALL;

pub fn art17() -> BoxedStrategy<Art17Point> {
    let mut all = Art17Point::CLAUSE_1.to_vec();
    all.push(Art17Point::Art17Clause2);
    select(all).boxed()
}

pub fn source() -> BoxedStrategy<SourceSpan> {
    (
        0usize..100_000,
        btree_map(select(FIELDS.to_vec()), text(), 0..3),
    )
        .prop_map(|(row, columns)| SourceSpan { row, columns })
        .boxed()
}

pub type Tail = (
    BTreeMap<Field, String>,
    BTreeMap<String, String>,
    Option<SourceSpan>,
);

pub fn maps() -> BoxedStrategy<Tail> {
    (
        btree_map(select(FIELDS.to_vec()), text(), 0..3),
        btree_map(text(), text(), 0..3),
        option::of(source()),
    )
        .boxed()
}

fn info_leaf() -> BoxedStrategy<InformationItem> {
    (
        (
            option::of(text()),
            text(),
            option::of(doc_ref()),
            option::of(partial_date()),
            option::of(art17()),
            vec(select(DisclosureForm::ALL.to_vec()), 0..3),
        ),
        (
            option::of(text()),
            option::of(text()),
            option::of(text()),
            option::of(text()),
            option::of(text()),
            option::of(text()),
        ),
        maps(),
    )
        .prop_map(
            |(
                (seq, title, number_symbol, created_on, art17_point, disclosure_forms),
                (disclosure_time, disclosure_period, access_link, link_text, attachment, section),
                (unparsed, extra, source),
            )| InformationItem {
                seq,
                title,
                number_symbol,
                created_on,
                art17_point,
                disclosure_forms,
                disclosure_time,
                disclosure_period,
                access_link,
                link_text,
                attachment,
                section,
                children: Vec::new(),
                unparsed,
                extra,
                source,
            },
        )
        .boxed()
}

pub fn info_item() -> BoxedStrategy<InformationItem> {
    info_leaf()
        .prop_recursive(2, 8, 3, |inner| {
            (info_leaf(), vec(inner, 0..3)).prop_map(|(mut it, children)| {
                it.children = children;
                it
            })
        })
        .boxed()
}

pub fn cond_item() -> BoxedStrategy<ConditionalItem> {
    (
        (
            option::of(text()),
            text(),
            option::of(doc_ref()),
            option::of(partial_date()),
            option::of(select(ConditionalGround::ALL.to_vec())),
            option::of(select(vec![
                ConsentHolder::SecretOwner,
                ConsentHolder::PersonConcerned,
                ConsentHolder::FamilyMembers,
            ])),
            option::of(select(vec![
                ConsentStatus::None,
                ConsentStatus::Requested,
                ConsentStatus::Given,
                ConsentStatus::Refused,
            ])),
        ),
        (
            option::of(text()),
            option::of((text(), option::of(date()), text(), option::of(doc_ref()))),
            option::of(text()),
        ),
        maps(),
    )
        .prop_map(
            |(
                (seq, title, number_symbol, created_on, ground, consent_holder, consent_status),
                (consent_document, ov, section),
                (unparsed, extra, source),
            )| ConditionalItem {
                seq,
                title,
                number_symbol,
                created_on,
                ground,
                consent_holder,
                consent_status,
                consent_document,
                override_decision: ov.map(|(decided_by, decided_on, reason, document)| {
                    OverrideDecision {
                        decided_by,
                        decided_on,
                        reason,
                        document,
                    }
                }),
                section,
                unparsed,
                extra,
                source,
            },
        )
        .boxed()
}

pub fn agency() -> BoxedStrategy<Agency> {
    (
        text(),
        option::of(select(vec![
            AgencyLevel::Ministry,
            AgencyLevel::Province,
            AgencyLevel::Department,
            AgencyLevel::District,
            AgencyLevel::Commune,
            AgencyLevel::Other,
        ])),
        option::of("[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}"),
        option::of(any::<bool>()),
        (
            option::of(text()),
            option::of(text()),
            option::of(text()),
            option::of(text()),
            option::of(text()),
            option::of(text()),
        ),
        select(vec![
            AreaClass::Normal,
            AreaClass::Difficult,
            AreaClass::EspeciallyDifficult,
        ]),
    )
        .prop_map(
            |(
                name,
                level,
                code,
                has_portal,
                (portal_url, address, phone, fax, email, successor),
                area_class,
            )| {
                Agency {
                    name,
                    level,
                    code: code.map(|c| AgencyCode::parse(&c).unwrap()),
                    has_portal,
                    portal_url,
                    address,
                    phone,
                    fax,
                    email,
                    successor,
                    area_class,
                }
            },
        )
        .boxed()
}

pub fn header() -> BoxedStrategy<CatalogHeader> {
    (
        option::of(agency()),
        option::of(text()),
        option::of(text()),
        option::of(doc_ref()),
        option::of(date()),
        option::of(date()),
        (option::of(text()), option::of(text()), option::of(text())),
    )
        .prop_map(
            |(
                agency,
                title,
                stated_basis,
                issuing_decision,
                issued_on,
                last_updated,
                (published_at, compiled_by, approved_by),
            )| {
                CatalogHeader {
                    agency,
                    title,
                    stated_basis,
                    issuing_decision,
                    issued_on,
                    last_updated,
                    published_at,
                    compiled_by,
                    approved_by,
                }
            },
        )
        .boxed()
}

pub fn catalog() -> BoxedStrategy<Catalog> {
    prop_oneof![
        (header(), vec(info_item(), 0..5))
            .prop_map(|(header, items)| Catalog::Disclosure(DisclosureCatalog { header, items })),
        (header(), vec(cond_item(), 0..5)).prop_map(|(header, items)| Catalog::Conditional(
            ConditionalAccessCatalog { header, items }
        )),
    ]
    .boxed()
}

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

/// A disclosure catalog with every field set (An Hòa commune style).
pub fn rich_disclosure() -> DisclosureCatalog {
    let mut agency = Agency::named("Ủy ban nhân dân xã An Hòa");
    agency.code = Some(AgencyCode::parse("000.00.00.H49").unwrap());
    agency.has_portal = Some(true);
    agency.portal_url = Some("https://anhoa.angiang.gov.vn".into());
    agency.email = Some("ubndanhoa@angiang.gov.vn".into());
    agency.phone = Some("0296 3 123 456".into());
    let mut first = InformationItem {
        seq: Some("1".into()),
        title: "Dự toán ngân sách xã năm 2026".into(),
        number_symbol: Some(DocumentRef::parse("05/2026/NQ-HĐND").unwrap()),
        created_on: Some(PartialDate::Day(d(2026, 1, 5))),
        art17_point: Some(Art17Point::StateBudget),
        disclosure_forms: vec![DisclosureForm::Portal, DisclosureForm::Posting],
        disclosure_time: Some("Ngay sau khi ban hành".into()),
        disclosure_period: Some("01 năm".into()),
        access_link: Some("https://anhoa.angiang.gov.vn/du-toan 2026.pdf".into()),
        link_text: Some("Chi tiết".into()),
        attachment: Some("du-toan-2026.pdf".into()),
        section: Some("II. NGÂN SÁCH".into()),
        ..Default::default()
    };
    first
        .extra
        .insert("Đơn vị chủ trì".into(), "Văn phòng & Thống kê".into());
    first.source = Some(SourceSpan {
        row: 7,
        columns: [(Field::Title, "Tên văn bản".to_string())].into(),
    });
    first.children.push(InformationItem {
        title: "Phụ lục: chi thường xuyên".into(),
        created_on: Some(PartialDate::Month {
            year: 2026,
            month: 1,
        }),
        art17_point: Some(Art17Point::StateBudget),
        ..Default::default()
    });
    let mut second = InformationItem {
        seq: Some("2".into()),
        title: "Danh mục thông tin phải được công khai".into(),
        created_on: Some(PartialDate::Year(2025)),
        art17_point: Some(Art17Point::CatalogAndContacts),
        section: Some("III. KHÁC".into()),
        ..Default::default()
    };
    second
        .unparsed
        .insert(Field::DisclosureTime, "31/02/2025".into());
    second
        .extra
        .insert("Đơn vị chủ trì".into(), "Công chức Tư pháp".into());
    DisclosureCatalog {
        header: CatalogHeader {
            agency: Some(agency),
            title: Some("DANH MỤC THÔNG TIN PHẢI ĐƯỢC CÔNG KHAI".into()),
            stated_basis: Some("Điều 17 Luật Tiếp cận thông tin năm 2016".into()),
            issuing_decision: Some(DocumentRef::parse("Số: 12/QĐ-UBND").unwrap()),
            issued_on: Some(d(2026, 1, 10)),
            last_updated: Some(d(2026, 3, 2)),
            published_at: Some("https://anhoa.angiang.gov.vn/tiep-can-thong-tin".into()),
            compiled_by: Some("Văn phòng - Thống kê".into()),
            approved_by: None,
        },
        items: vec![first, second],
    }
}

/// A conditional-access catalog with every field set.
pub fn rich_conditional() -> ConditionalAccessCatalog {
    ConditionalAccessCatalog {
        header: CatalogHeader {
            agency: Some(Agency::named("Sở Tư pháp tỉnh An Giang")),
            title: Some("DANH MỤC THÔNG TIN CÔNG DÂN ĐƯỢC TIẾP CẬN CÓ ĐIỀU KIỆN".into()),
            ..Default::default()
        },
        items: vec![ConditionalItem {
            seq: Some("1".into()),
            title: "Hồ sơ đăng ký doanh nghiệp".into(),
            number_symbol: None,
            created_on: Some(PartialDate::Year(2024)),
            ground: Some(ConditionalGround::BusinessSecret),
            consent_holder: Some(ConsentHolder::SecretOwner),
            consent_status: Some(ConsentStatus::Given),
            consent_document: Some("Mẫu 06 ngày 02/3/2026".into()),
            override_decision: Some(OverrideDecision {
                decided_by: "Giám đốc Sở".into(),
                decided_on: Some(d(2026, 3, 5)),
                reason: "Lợi ích công cộng".into(),
                document: Some(DocumentRef::parse("45/QĐ-STP").unwrap()),
            }),
            section: Some("I. DOANH NGHIỆP".into()),
            ..Default::default()
        }],
    }
}

/// Validate `xml` against `schemas/{xsd}` with `xmllint --schema`; `None`
/// when xmllint is not installed on a developer machine (in CI, where
/// scripts/ci/05-xmllint.sh installs Debian's libxml2-utils, that fails).
pub fn xmllint(xml: &str, name: &str, xsd: &str) -> Option<Result<(), String>> {
    use std::process::Command;
    if Command::new("xmllint").arg("--version").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "xmllint is missing in CI: scripts/ci/05-xmllint.sh installs libxml2-utils"
        );
        eprintln!(
            "\n!!!!!! SKIPPED: xmllint not found; install Debian's libxml2-utils \
             (scripts/ci/05-xmllint.sh does in CI) to validate against schemas/{xsd} !!!!!!\n"
        );
        return None;
    }
    let schema = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../schemas")
        .join(xsd);
    let dir = std::env::temp_dir().join(format!("tiepcan-xmllint-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(name);
    std::fs::write(&file, xml).unwrap();
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--nonet")
        .arg("--schema")
        .arg(schema)
        .arg(&file)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&file);
    Some(if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    })
}
