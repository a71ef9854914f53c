//! Every catalog rule with a passing and a failing case, asserting the rule
//! id, severity and citation (LAW.md §9).

use chrono::NaiveDate;
use tiepcan::law::{Art17Point, ConditionalGround, ConsentHolder, DisclosureForm};
use tiepcan::model::{
    Agency, AgencyLevel, Catalog, CatalogHeader, ConditionalAccessCatalog, ConditionalItem,
    DisclosureCatalog, DocumentRef, Field, InformationItem, OverrideDecision, PartialDate,
    SourceSpan,
};
use tiepcan::validate::{check_catalog, check_catalog_set, CheckOptions, Diagnostic, Severity};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

/// A complete, correct entry for point `p`.
fn good_item(title: &str, p: Art17Point) -> InformationItem {
    InformationItem {
        title: title.into(),
        number_symbol: Some(DocumentRef::parse("12/2026/QĐ-UBND").unwrap()),
        created_on: Some(PartialDate::Day(d(2026, 2, 3))),
        art17_point: Some(p),
        disclosure_forms: vec![DisclosureForm::Portal],
        disclosure_time: Some("Ngay sau khi ban hành".into()),
        disclosure_period: Some("Thường xuyên".into()),
        access_link: Some("https://example.gov.vn/vb/12".into()),
        ..Default::default()
    }
}

/// A catalog covering every point of Art. 17(1), with its own entry and issuer.
fn good_catalog() -> DisclosureCatalog {
    let items = Art17Point::CLAUSE_1
        .iter()
        .map(|p| good_item(&format!("Văn bản điểm {}", p.code()), *p))
        .collect();
    DisclosureCatalog {
        header: CatalogHeader {
            issuing_decision: Some(DocumentRef::parse("35/QĐ-UBND").unwrap()),
            ..Default::default()
        },
        items,
    }
}

fn check(cat: DisclosureCatalog) -> Vec<Diagnostic> {
    check_catalog(&Catalog::Disclosure(cat), &CheckOptions::new(today())).diagnostics
}

fn with_rule<'a>(ds: &'a [Diagnostic], rule: &str) -> Vec<&'a Diagnostic> {
    ds.iter().filter(|d| d.rule == rule).collect()
}

fn cites(d: &Diagnostic) -> String {
    d.citation.expect("citation").to_string()
}

#[test]
fn a_complete_catalog_has_no_findings() {
    let ds = check(good_catalog());
    assert!(ds.is_empty(), "{ds:#?}");
}

#[test]
fn r_cat_fields_title_date_form() {
    let mut c = good_catalog();
    c.items[0].title = String::new();
    c.items[1].created_on = None;
    c.items[2].disclosure_forms.clear();
    let ds = check(c);
    let f = with_rule(&ds, "R-CAT-FIELDS");
    assert_eq!(f.len(), 3, "{ds:#?}");
    assert!(f.iter().all(|d| d.severity == Severity::Error));
    assert_eq!(cites(f[0]), "Decree 13/2018/NĐ-CP, Art. 6(3)");
    assert_eq!(
        f[1].location.pointer.as_deref(),
        Some("/items/1/created_on")
    );
}

#[test]
fn r_cat_fields_missing_column_reported_once_for_the_catalog() {
    let mut c = good_catalog();
    for (i, it) in c.items.iter_mut().enumerate() {
        it.number_symbol = None;
        it.source = Some(SourceSpan {
            row: i + 2,
            columns: [
                (Field::Title, "Nội dung".to_string()),
                (Field::Art17Point, "Điểm".into()),
                (Field::CreatedOn, "Ngày".into()),
                (Field::DisclosureForms, "Hình thức".into()),
                (Field::DisclosureTime, "Thời điểm".into()),
            ]
            .into_iter()
            .collect(),
        });
    }
    let ds = check(c);
    let f = with_rule(&ds, "R-CAT-FIELDS");
    assert_eq!(f.len(), 1, "{ds:#?}");
    assert_eq!(f[0].location.row, None);
    assert_eq!(f[0].location.column.as_deref(), Some("Số, ký hiệu"));
}

#[test]
fn r_doc_number_blank_number() {
    let mut c = good_catalog();
    c.items[4].number_symbol = Some(DocumentRef::parse("Số: /BC-UBND").unwrap());
    let ds = check(c);
    let f = with_rule(&ds, "R-DOC-NUMBER");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].value.as_deref(), Some("Số: /BC-UBND"));
    assert_eq!(cites(f[0]), "Decree 13/2018/NĐ-CP, Art. 6(3)");
}

#[test]
fn r_art17_point_invalid_letter_f() {
    let mut c = good_catalog();
    c.items[5].art17_point = None;
    c.items[5].unparsed.insert(Field::Art17Point, "f".into());
    let ds = check(c);
    let f = with_rule(&ds, "R-ART17-POINT");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].value.as_deref(), Some("f"));
    assert!(f[0].message.en.contains("no f, j, w or z"));
    assert_eq!(cites(f[0]), "Law 104/2016/QH13, Art. 17(1)");
}

#[test]
fn r_cat_coverage_lists_missing_points() {
    let mut c = good_catalog();
    c.items.retain(|i| {
        matches!(
            i.art17_point,
            Some(
                Art17Point::LegalDocuments
                    | Art17Point::OrganisationAndDuties
                    | Art17Point::CatalogAndContacts
            )
        )
    });
    let ds = check(c);
    let f = with_rule(&ds, "R-CAT-COVERAGE");
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].value.as_deref(),
        Some("b, c, d, đ, e, g, h, i, l, n, o, p")
    );
    assert_eq!(
        f[0].severity,
        Severity::Warning,
        "point l applies to every agency"
    );
}

#[test]
fn r_no_art6_marked_secret_and_internal_meeting() {
    let mut c = good_catalog();
    c.items[3].title = "Kế hoạch tổ chức kỳ họp thường kỳ (Mật)".into();
    c.items[6].title = "Biên bản cuộc họp nội bộ tháng 3".into();
    c.items[7].title = "Báo cáo công tác Mặt trận".into();
    let ds = check(c);
    let f = with_rule(&ds, "R-NO-ART6");
    assert_eq!(f.len(), 2, "{ds:#?}");
    assert_eq!(cites(f[0]), "Law 104/2016/QH13, Art. 6(1)");
    assert_eq!(cites(f[1]), "Law 104/2016/QH13, Art. 6(2)");
}

#[test]
fn r_cat_portal_required_class_only_posted() {
    let mut c = good_catalog();
    c.items[1].disclosure_forms = vec![DisclosureForm::Posting]; // (b) guidance: 19(1)(b)
    c.items[4].disclosure_forms = vec![DisclosureForm::Posting]; // (đ) budget: not in 19(1)
    let ds = check(c.clone());
    let f = with_rule(&ds, "R-CAT-PORTAL");
    assert_eq!(f.len(), 1, "{ds:#?}");
    assert_eq!(f[0].severity, Severity::Error);
    assert_eq!(cites(f[0]), "Law 104/2016/QH13, Art. 19(1)(b)");
    // An agency without a portal discloses by other forms (Art. 19(6)).
    c.header.agency = Some(Agency {
        has_portal: Some(false),
        ..Agency::named("UBND xã An Hòa")
    });
    assert!(with_rule(&check(c), "R-CAT-PORTAL").is_empty());
}

#[test]
fn r_cat_link_missing_or_not_a_url() {
    let mut c = good_catalog();
    c.items[0].access_link = None;
    c.items[1].access_link = Some("Chi tiết".into());
    let ds = check(c);
    let f = with_rule(&ds, "R-CAT-LINK");
    assert_eq!(f.len(), 2);
    assert_eq!(cites(f[0]), "Decree 13/2018/NĐ-CP, Art. 6(3) para. 2");
}

#[test]
fn r_cat_time_missing() {
    let mut c = good_catalog();
    c.items[0].disclosure_time = None;
    c.items[0].disclosure_period = None;
    let ds = check(c);
    let f = with_rule(&ds, "R-CAT-TIME");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Warning);
}

#[test]
fn r_cat_duplicate_after_nfd_normalisation() {
    let mut c = good_catalog();
    let mut dup = c.items[1].clone();
    dup.title = unicode_nfd(&dup.title);
    c.items.push(dup);
    let ds = check(c);
    assert_eq!(with_rule(&ds, "R-CAT-DUPLICATE").len(), 1);
}

fn unicode_nfd(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd().collect()
}

#[test]
fn r_cat_future_date() {
    let mut c = good_catalog();
    c.items[8].created_on = Some(PartialDate::Day(d(2026, 12, 15)));
    c.items[9].created_on = Some(PartialDate::Month {
        year: 2026,
        month: 11,
    });
    let ds = check(c);
    let f = with_rule(&ds, "R-CAT-FUTURE-DATE");
    assert_eq!(f.len(), 1, "a month that has begun is not in the future");
    assert_eq!(f[0].value.as_deref(), Some("2026-12-15"));
}

#[test]
fn r_cat_basis_article_19() {
    let mut c = good_catalog();
    c.header.stated_basis = Some("theo Điều 19, Luật Tiếp cận thông tin năm 2016".into());
    let ds = check(c.clone());
    let f = with_rule(&ds, "R-CAT-BASIS");
    assert_eq!(f.len(), 1);
    assert_eq!(cites(f[0]), "Decree 13/2018/NĐ-CP, Art. 6(1)");
    c.header.stated_basis = Some("theo Điều 17 Luật Tiếp cận thông tin".into());
    assert!(with_rule(&check(c), "R-CAT-BASIS").is_empty());
}

#[test]
fn r_district_owner_after_2025_07_01() {
    let mut c = good_catalog();
    c.header.agency = Some(Agency::named("Ủy ban nhân dân huyện Thoại Sơn"));
    assert_eq!(
        c.header.agency.as_ref().unwrap().level,
        Some(AgencyLevel::District)
    );
    let ds = check(c.clone());
    let f = with_rule(&ds, "R-DISTRICT");
    assert_eq!(f.len(), 1);
    assert_eq!(cites(f[0]), "Law 104/2016/QH13, Art. 9(2)(g)");
    // Before the reform, or with a successor recorded, no finding.
    let early = check_catalog(
        &Catalog::Disclosure(c.clone()),
        &CheckOptions::new(d(2025, 6, 30)),
    );
    assert!(early.diagnostics.iter().all(|d| d.rule != "R-DISTRICT"));
    c.header.agency.as_mut().unwrap().successor = Some("UBND xã Thoại Sơn".into());
    assert!(with_rule(&check(c), "R-DISTRICT").is_empty());
}

#[test]
fn r_cat_self_and_issuer() {
    let mut c = good_catalog();
    c.items
        .retain(|i| i.art17_point != Some(Art17Point::CatalogAndContacts));
    c.header.issuing_decision = None;
    let ds = check(c);
    assert_eq!(with_rule(&ds, "R-CAT-SELF").len(), 1);
    assert_eq!(
        cites(with_rule(&ds, "R-CAT-SELF")[0]),
        "Law 104/2016/QH13, Art. 17(1)(m)"
    );
    assert_eq!(with_rule(&ds, "R-CAT-ISSUER").len(), 1);
}

#[test]
fn r_cat_update_stale() {
    let mut c = good_catalog();
    c.header.last_updated = Some(d(2026, 10, 1));
    let ds = check(c.clone());
    assert_eq!(with_rule(&ds, "R-CAT-UPDATE").len(), 1);
    c.header.last_updated = Some(d(2026, 11, 10));
    assert!(with_rule(&check(c), "R-CAT-UPDATE").is_empty());
}

#[test]
fn r_pre2018_info() {
    let mut c = good_catalog();
    c.items[0].created_on = Some(PartialDate::Year(2017));
    let ds = check(c);
    let f = with_rule(&ds, "R-PRE2018-INFO");
    assert_eq!(f.len(), 1);
    assert_eq!(cites(f[0]), "Decree 13/2018/NĐ-CP, Art. 14(2)");
}

#[test]
fn r_cat_form_enum_unknown_form() {
    let mut c = good_catalog();
    c.items[0]
        .unparsed
        .insert(Field::DisclosureForms, "Gửi Zalo".into());
    let ds = check(c);
    let f = with_rule(&ds, "R-CAT-FORM-ENUM");
    assert_eq!(f.len(), 1);
    assert_eq!(cites(f[0]), "Law 104/2016/QH13, Art. 18(1)");
}

fn cond(items: Vec<ConditionalItem>) -> Vec<Diagnostic> {
    let c = ConditionalAccessCatalog {
        header: CatalogHeader::default(),
        items,
    };
    check_catalog(&Catalog::Conditional(c), &CheckOptions::new(today())).diagnostics
}

#[test]
fn r_cond_holder_ground_and_matching_holder() {
    let ok = ConditionalItem {
        title: "Hồ sơ năng lực nhà thầu".into(),
        ground: Some(ConditionalGround::BusinessSecret),
        consent_holder: Some(ConsentHolder::SecretOwner),
        ..Default::default()
    };
    assert!(cond(vec![ok.clone()]).is_empty());
    let no_ground = ConditionalItem {
        ground: None,
        ..ok.clone()
    };
    let wrong_holder = ConditionalItem {
        ground: Some(ConditionalGround::FamilySecret),
        ..ok.clone()
    };
    let ds = cond(vec![no_ground, wrong_holder]);
    let f = with_rule(&ds, "R-COND-HOLDER");
    assert_eq!(f.len(), 2);
    assert_eq!(cites(f[0]), "Law 104/2016/QH13, Art. 7");
    assert_eq!(cites(f[1]), "Law 104/2016/QH13, Art. 7(2)");
}

#[test]
fn r_cond_release_override_must_cite_public_interest_or_health() {
    let base = ConditionalItem {
        title: "Hồ sơ bệnh án".into(),
        ground: Some(ConditionalGround::PersonalSecret),
        consent_holder: Some(ConsentHolder::PersonConcerned),
        ..Default::default()
    };
    let good = ConditionalItem {
        override_decision: Some(OverrideDecision {
            decided_by: "Chủ tịch UBND".into(),
            decided_on: Some(d(2026, 3, 1)),
            reason: "Vì sức khỏe của cộng đồng trong dịch bệnh".into(),
            document: None,
        }),
        ..base.clone()
    };
    assert!(cond(vec![good.clone()]).is_empty());
    let mut bad = good;
    bad.override_decision.as_mut().unwrap().reason = "Theo đề nghị của báo chí".into();
    let ds = cond(vec![bad]);
    let f = with_rule(&ds, "R-COND-RELEASE");
    assert_eq!(f.len(), 1);
    assert_eq!(cites(f[0]), "Law 104/2016/QH13, Art. 7(3)");
}

#[test]
fn r_cat_two_both_catalogs() {
    let dc = Catalog::Disclosure(good_catalog());
    let cc = Catalog::Conditional(ConditionalAccessCatalog::default());
    let r = check_catalog_set(&[&dc]);
    assert_eq!(r.diagnostics.len(), 1);
    assert_eq!(r.diagnostics[0].rule, "R-CAT-TWO");
    assert_eq!(cites(&r.diagnostics[0]), "Decree 13/2018/NĐ-CP, Art. 6(1)");
    assert!(check_catalog_set(&[&dc, &cc]).is_empty());
}

#[test]
fn r_cat_topic_rows_name_no_document() {
    let mut c = good_catalog();
    // A topic: no number, no date, "Công khai …".
    c.items[0].title = "Công khai ngân sách".into();
    c.items[0].number_symbol = None;
    c.items[0].created_on = None;
    // A document without a number but with a date is not a topic.
    c.items[1].title = "Danh mục thủ tục hành chính thuộc thẩm quyền của UBND xã".into();
    c.items[1].number_symbol = None;
    let ds = check(c);
    let f = with_rule(&ds, "R-CAT-TOPIC");
    assert_eq!(f.len(), 1, "{ds:#?}");
    assert_eq!(f[0].severity, Severity::Info);
    assert_eq!(f[0].value.as_deref(), Some("Công khai ngân sách"));
    assert_eq!(cites(f[0]), "Decree 13/2018/NĐ-CP, Art. 6(3)");
}
