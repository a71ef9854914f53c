//! Register exchange formats: the XML writer's output validates against
//! `schemas/register.xsd` (`xmllint --schema`), the JSON writer's against
//! `schemas/register.schema.json` (the `jsonschema` crate, draft 2020-12);
//! JSON → model → XML → model → JSON is lossless; CSV → model → XML/JSON
//! keeps every field and every finding of `check_register`; the XML reader
//! refuses DTDs and entities, enforces the limits, locates errors by line
//! and column and reports every record it cannot use.

mod formats_common;

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::Value;
use tiepcan::calendar::WorkingCalendar;
use tiepcan::deadline::{Clock, RuleTable};
use tiepcan::io::xml::{XmlErrorKind, XmlLimits, XmlWriteError};
use tiepcan::law::{Channel, ConditionalGround, LegalForm, ProvisionCase, RefusalGround};
use tiepcan::model::{Agency, AgencyCode, AgencyLevel, AreaClass};
use tiepcan::register::io::{
    read_bytes, read_csv, read_json, write_json, Format, Loaded, RegisterIoError,
};
use tiepcan::register::xml::{read_register_xml, register_to_xml_string};
use tiepcan::register::{
    check_register, Complexity, Event, EventKind, ListedRequester, Register, Request, RequestSlip,
    RequestState, RequesterCapacity,
};

const BUNDLED_CSV: &str = include_str!("../../examples/data/register/so-theo-doi-2024.csv");
const BUNDLED_JSON: &str = include_str!("../../examples/data/register/so-theo-doi-2024.json");

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A register with every field set and every event kind (the lifecycle table
/// of docs/register.md), Vietnamese text, markup characters and a CR.
fn rich() -> Register {
    let mut a = Request::new("01/2024", Channel::InPerson);
    a.slip = RequestSlip {
        form: LegalForm::Form01b,
        name: "Nguyễn Thị Hoà & <Cty>".into(),
        address: "Số 5, ấp Phú Hữu, xã An Hòa\r\ntỉnh An Giang".into(),
        id_number: "089190000123".into(),
        contact: Some("0296 3 841 234; hoa@example.vn".into()),
        information: "Quy hoạch sử dụng đất \"2021–2030\"".into(),
        document: "Quyết định số 12/2024/QĐ-UBND".into(),
        form_of_provision: "Bản sao".into(),
        reason_purpose: "  Tìm hiểu quyền lợi  ".into(),
        capacity: RequesterCapacity::Authorised,
        acting_for: Some("Trần Văn Bình".into()),
        foreign_resident: true,
        organisation: Some("Hợp tác xã Phú Hữu".into()),
        requester_list: vec![
            ListedRequester {
                name: "Lê Thị Cúc".into(),
                id_number: "089190000456".into(),
                reason_purpose: "Bồi thường".into(),
            },
            ListedRequester::default(),
        ],
        conditional: Some(ConditionalGround::PrivateLife),
        consent: Some("Mẫu 06 ngày 02/05/2024".into()),
        head_decision: Some(String::new()),
        provision_case: Some(ProvisionCase::ConditionsMet),
    };
    a.events = vec![
        Event::new(d("2024-05-02"), EventKind::Received).with_document("01/PTN"),
        Event::new(
            d("2024-05-03"),
            EventKind::Guidance {
                note: Some("Thiếu số CCCD".into()),
            },
        ),
        Event::new(
            d("2024-05-06"),
            EventKind::Valid {
                complexity: Complexity::Complex,
                reason: Some("Nhiều hồ sơ".into()),
            },
        ),
        Event::new(
            d("2024-05-07"),
            EventKind::HandlingNotice {
                time_limit: Some(d("2024-05-27")),
                place: Some("Bộ phận một cửa".into()),
                form: Some("Bản sao giấy".into()),
                cost_vnd: 45_000,
                payment_deadline: Some(d("2024-05-10")),
            },
        )
        .with_document("01/PGQ"),
        Event::new(d("2024-05-09"), EventKind::Paid { amount_vnd: 45_000 }),
        Event::new(
            d("2024-05-10"),
            EventKind::Extended {
                new_limit: Some(d("2024-06-07")),
                reason: Some("Cần tham khảo ý kiến".into()),
            },
        )
        .with_document("01/TBGH"),
        Event::new(
            d("2024-05-20"),
            EventKind::Provided {
                form: Some("Bản sao".into()),
                partial: true,
            },
        ),
        Event::new(
            d("2024-05-21"),
            EventKind::Refused {
                grounds: vec![RefusalGround::Inaccessible, RefusalGround::CostsUnpaid],
                reason: "Phần còn lại là bí mật".into(),
            },
        )
        .with_document("01/TBTC"),
        Event::new(d("2024-05-22"), EventKind::CorrectionClaim),
        Event::new(d("2024-05-23"), EventKind::Complaint).with_document(""),
    ];
    a.recorded_state = Some(RequestState::PartlyProvided);
    a.prior_provisions = 2;
    a.legitimate_reason = Some("Bản trước bị mất".into());
    a.note = Some("Ghi chú: ]]> &amp;".into());

    let mut b = Request::new("02/2024", Channel::Fax);
    b.events = vec![
        Event::new(d("2024-06-03"), EventKind::Received),
        Event::new(d("2024-06-04"), EventKind::Transferred { to: None }),
    ];
    let mut c = Request::new("03/2024", Channel::Postal);
    c.events = vec![
        Event::new(d("2024-06-05"), EventKind::Received),
        Event::new(
            d("2024-06-05"),
            EventKind::Refused {
                grounds: vec![],
                reason: String::new(),
            },
        ),
        Event::new(
            d("2024-06-06"),
            EventKind::Transferred {
                to: Some("Sở Tài nguyên và Môi trường".into()),
            },
        ),
        Event::new(
            d("2024-06-06"),
            EventKind::Provided {
                form: None,
                partial: false,
            },
        ),
        Event::new(
            d("2024-06-07"),
            EventKind::Valid {
                complexity: Complexity::Simple,
                reason: None,
            },
        ),
        Event::new(d("2024-06-08"), EventKind::Guidance { note: None }),
        Event::new(
            d("2024-06-08"),
            EventKind::HandlingNotice {
                time_limit: None,
                place: None,
                form: None,
                cost_vnd: 0,
                payment_deadline: None,
            },
        ),
        Event::new(
            d("2024-06-09"),
            EventKind::Extended {
                new_limit: None,
                reason: None,
            },
        ),
        Event::new(d("2024-06-10"), EventKind::Withdrawn),
    ];
    c.recorded_state = Some(RequestState::ReceivedIncomplete);
    let e = Request::new("04/2024 (trống)", Channel::Electronic);
    Register {
        agency: Some(Agency {
            name: "Ủy ban nhân dân xã An Hòa".into(),
            level: Some(AgencyLevel::Commune),
            code: Some(AgencyCode::parse("000.00.00.H49").unwrap()),
            has_portal: Some(false),
            portal_url: Some("https://anhoa.example.vn".into()),
            address: Some("Ấp An Thị".into()),
            phone: Some("0296".into()),
            fax: Some(String::new()),
            email: Some("ubnd@anhoa.example.vn".into()),
            successor: Some("UBND xã An Hòa mới".into()),
            area_class: AreaClass::EspeciallyDifficult,
        }),
        requests: vec![a, b, c, e],
    }
}

fn read_xml(xml: &str) -> Loaded {
    read_register_xml(xml.as_bytes(), "so.xml", &XmlLimits::default())
        .unwrap_or_else(|e| panic!("{e}\n{xml}"))
}

fn xml_roundtrip(reg: &Register) -> Register {
    let xml = register_to_xml_string(reg).expect("writes");
    let l = read_xml(&xml);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    l.register
}

fn strip(mut reg: Register) -> Register {
    for r in &mut reg.requests {
        r.source_row = None;
    }
    reg
}

/// Validate with `xmllint --schema` against schemas/register.xsd.
fn xmllint(xml: &str, name: &str) -> Option<Result<(), String>> {
    formats_common::xmllint(xml, name, "register.xsd")
}

fn schema_validator() -> jsonschema::Validator {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../schemas/register.schema.json"
    );
    let s: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    jsonschema::draft202012::meta::validate(&s).expect("a valid 2020-12 schema");
    jsonschema::draft202012::new(&s).expect("the schema compiles")
}

fn schema_errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn bundled() -> Register {
    strip(
        read_csv(BUNDLED_CSV.as_bytes(), "so-theo-doi-2024.csv")
            .unwrap()
            .register,
    )
}

// ---------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------

#[test]
fn rich_and_bundled_registers_validate_against_the_xsd() {
    for (name, reg) in [("rich.xml", rich()), ("bundled.xml", bundled())] {
        let xml = register_to_xml_string(&reg).unwrap();
        if let Some(r) = xmllint(&xml, name) {
            r.unwrap_or_else(|e| panic!("xmllint {name}: {e}\n{xml}"));
        }
    }
}

#[test]
fn the_xsd_rejects_what_the_reader_reports() {
    let xml = register_to_xml_string(&rich()).unwrap();
    for (what, bad) in [
        (
            "channel",
            xml.replace("<channel>fax</channel>", "<channel>pigeon</channel>"),
        ),
        (
            "date",
            xml.replace("<date>2024-06-03</date>", "<date>03/06/2024</date>"),
        ),
        (
            "event",
            xml.replace("<withdrawn>", "<vanished>")
                .replace("</withdrawn>", "</vanished>"),
        ),
        (
            "ground",
            xml.replace("<ground>costs_unpaid</ground>", "<ground>đ</ground>"),
        ),
    ] {
        assert_ne!(bad, xml, "{what}: the replacement must apply");
        let Some(r) = xmllint(&bad, "bad.xml") else {
            return;
        };
        assert!(r.is_err(), "xmllint accepted a bad {what}");
        let l = read_xml(&bad);
        assert!(
            !l.diagnostics.is_empty(),
            "the reader accepted a bad {what}"
        );
    }
}

#[test]
fn rich_and_bundled_json_validate_against_the_json_schema() {
    let v = schema_validator();
    for reg in [rich(), bundled(), Register::default()] {
        let doc: Value = serde_json::from_str(&write_json(&reg)).unwrap();
        assert_eq!(schema_errors(&v, &doc), Vec::<String>::new());
    }
    let file: Value = serde_json::from_str(BUNDLED_JSON).unwrap();
    assert_eq!(schema_errors(&v, &file), Vec::<String>::new());
}

#[test]
fn the_json_schema_rejects_what_serde_rejects() {
    let v = schema_validator();
    let good: Value = serde_json::from_str(&write_json(&rich())).unwrap();
    type Edit = Box<dyn Fn(&mut Value)>;
    let edits: Vec<(&str, Edit)> = vec![
        (
            "no id",
            Box::new(|d| {
                d["requests"][0].as_object_mut().unwrap().remove("id");
            }),
        ),
        (
            "bad channel",
            Box::new(|d| d["requests"][0]["channel"] = "pigeon".into()),
        ),
        (
            "bad kind",
            Box::new(|d| d["requests"][0]["events"][0]["kind"] = "vanished".into()),
        ),
        (
            "bad date",
            Box::new(|d| d["requests"][0]["events"][0]["date"] = "02/05/2024".into()),
        ),
        (
            "negative cost",
            Box::new(|d| d["requests"][0]["events"][3]["cost_vnd"] = (-1).into()),
        ),
        (
            "paid without amount",
            Box::new(|d| {
                d["requests"][0]["events"][4]
                    .as_object_mut()
                    .unwrap()
                    .remove("amount_vnd");
            }),
        ),
        (
            "bad ground",
            Box::new(|d| d["requests"][0]["events"][7]["grounds"][0] = "đ".into()),
        ),
        (
            "unknown key",
            Box::new(|d| d["requests"][0]["slip"]["nickname"] = "x".into()),
        ),
    ];
    for (what, edit) in edits {
        let mut doc = good.clone();
        edit(&mut doc);
        assert!(!v.is_valid(&doc), "the schema accepted: {what}");
        if what != "unknown key" {
            assert!(
                serde_json::from_value::<Register>(doc).is_err(),
                "serde accepted: {what}"
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------

#[test]
fn rich_register_round_trips_through_xml() {
    let reg = rich();
    assert_eq!(xml_roundtrip(&reg), reg);
}

#[test]
fn json_to_model_to_xml_to_model_to_json_is_lossless() {
    for json in [write_json(&rich()), BUNDLED_JSON.trim_end().to_string()] {
        let model = read_json(&json, "in.json").unwrap().register;
        let back = xml_roundtrip(&model);
        assert_eq!(write_json(&back), json);
    }
}

#[test]
fn written_layout_is_the_documented_one() {
    let xml = register_to_xml_string(&rich()).unwrap();
    assert!(
        xml.starts_with(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<register xmlns=\"urn:tiepcan:register:1\">\n  <agency>\n    <name>Ủy ban nhân dân xã An Hòa</name>\n    <level>commune</level>"
        ),
        "{xml}"
    );
    assert!(xml.contains("<name>Nguyễn Thị Hoà &amp; &lt;Cty&gt;</name>"));
    assert!(xml.contains("<address>Số 5, ấp Phú Hữu, xã An Hòa&#13;\ntỉnh An Giang</address>"));
    assert!(xml.contains("<form>01b</form>"));
    assert!(xml.contains("<capacity>authorised</capacity>"));
    assert!(xml.contains("<provision_case>conditions_met</provision_case>"));
    assert!(xml.contains("<head_decision/>"));
    assert!(xml.contains(
        "<handling_notice>\n          <date>2024-05-07</date>\n          <time_limit>2024-05-27</time_limit>"
    ));
    assert!(xml.contains("<cost_vnd>45000</cost_vnd>"));
    assert!(xml.contains(
        "<grounds>\n            <ground>inaccessible</ground>\n            <ground>costs_unpaid</ground>\n          </grounds>"
    ));
    assert!(xml.contains("<complaint>\n          <date>2024-05-23</date>\n          <document/>"));
    assert!(xml.contains("<prior_provisions>2</prior_provisions>"));
    // The request with nothing recorded still has its slip and events.
    assert!(
        xml.contains("<id>04/2024 (trống)</id>\n      <channel>electronic</channel>\n      <slip>")
    );
}

#[test]
fn csv_to_xml_and_json_keeps_every_field_and_every_finding() {
    let loaded = read_csv(BUNDLED_CSV.as_bytes(), "so.csv").unwrap();
    let from_csv = strip(loaded.register.clone());
    let xml = register_to_xml_string(&from_csv).unwrap();
    let via_xml = read_xml(&xml).register;
    let via_json = read_json(&write_json(&from_csv), "so.json")
        .unwrap()
        .register;
    assert_eq!(via_xml, from_csv);
    assert_eq!(via_json, from_csv);

    let rules = RuleTable::builtin();
    let clock = Clock::new(WorkingCalendar::official(), &rules);
    let today = d("2024-12-31");
    // Same findings, same statuses; only the location differs (CSV row vs
    // JSON pointer).
    let key = |reg: &Register| {
        let c = check_register(reg, &clock, today);
        let ds: Vec<_> = c
            .report
            .diagnostics
            .iter()
            .map(|d| {
                (
                    d.rule.clone(),
                    d.severity,
                    d.value.clone(),
                    d.message.en.clone(),
                    d.message.vi.clone(),
                )
            })
            .collect();
        (ds, serde_json::to_string(&c.statuses).unwrap())
    };
    let want = key(&loaded.register);
    assert!(
        [
            "R-REFUSAL",
            "R-EXT-NOTICE",
            "R-CLOCK-START",
            "R-DL-PF",
            "R-STATE-RECORDED"
        ]
        .iter()
        .all(|r| want.0.iter().any(|d| d.0 == *r))
            && want.0.len() >= 10,
        "the bundled register has planted findings: {:?}",
        want.0
    );
    assert_eq!(key(&via_xml), want);
    assert_eq!(key(&via_json), want);
}

#[test]
fn read_bytes_picks_the_reader_by_format() {
    let xml = register_to_xml_string(&rich()).unwrap();
    assert_eq!(Format::from_path("SO.XML"), Some(Format::Xml));
    let l = read_bytes(xml.as_bytes(), Format::Xml, "so.xml").unwrap();
    assert_eq!(l.register, rich());
    let j = read_bytes(write_json(&rich()).as_bytes(), Format::Json, "so.json").unwrap();
    assert_eq!(j.register, rich());
    match read_bytes(b"{\"requests\": [\xff]}", Format::Json, "bad.json") {
        Err(RegisterIoError::Json { line, column, .. }) => assert_eq!((line, column), (1, 15)),
        other => panic!("{other:?}"),
    }
}

// ---------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------

#[test]
fn nfc_nfd_whitespace_and_line_ends_survive_exactly() {
    use unicode_normalization::UnicodeNormalization;
    let nfc = "Phiếu yêu cầu của ông Nguyễn Văn Đức";
    let nfd: String = nfc.nfd().collect();
    assert_ne!(nfd, nfc);
    for s in [
        nfc,
        nfd.as_str(),
        "  hai đầu  ",
        "a\r\nb\rc\nd\te",
        "",
        "]]> <![CDATA[ &amp;",
    ] {
        let mut r = Request::new(s, Channel::Electronic);
        r.slip.name = s.to_string();
        r.note = Some(s.to_string());
        let reg = Register {
            agency: None,
            requests: vec![r],
        };
        let back = xml_roundtrip(&reg);
        assert_eq!(back, reg, "{s:?}");
        assert_eq!(back.requests[0].slip.name.as_bytes(), s.as_bytes());
    }
}

#[test]
fn a_character_xml_cannot_carry_is_a_write_error_with_its_pointer() {
    let mut reg = rich();
    reg.requests[2].events[1] = Event::new(
        d("2024-06-05"),
        EventKind::Refused {
            grounds: vec![],
            reason: "bell \u{7}".into(),
        },
    );
    match register_to_xml_string(&reg) {
        Err(XmlWriteError::InvalidChar { pointer, code }) => {
            assert_eq!(pointer, "/requests/2/events/1/reason");
            assert_eq!(code, 7);
        }
        other => panic!("{other:?}"),
    }
}

// ---------------------------------------------------------------------------
// Reader safety and findings
// ---------------------------------------------------------------------------

fn xml_err(xml: &str, limits: &XmlLimits) -> tiepcan::io::xml::XmlError {
    match read_register_xml(xml.as_bytes(), "bad.xml", limits) {
        Err(RegisterIoError::Xml { file, error }) => {
            assert_eq!(file, "bad.xml");
            error
        }
        other => panic!("expected an XML error, got {other:?}"),
    }
}

#[test]
fn dtds_and_entities_are_refused() {
    let bomb = r#"<?xml version="1.0"?>
<!DOCTYPE register [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
<register xmlns="urn:tiepcan:register:1"><requests/></register>"#;
    let e = xml_err(bomb, &XmlLimits::default());
    assert_eq!(e.kind, XmlErrorKind::Dtd);
    assert_eq!((e.line, e.col), (2, 1));
    let ent = "<register xmlns=\"urn:tiepcan:register:1\"><requests><request><id>&xxe;</id></request></requests></register>";
    assert_eq!(xml_err(ent, &XmlLimits::default()).kind, XmlErrorKind::Dtd);
    // Inside an element the reader skips, too.
    let skipped = "<register xmlns=\"urn:tiepcan:register:1\"><requests/><x>&xxe;</x></register>";
    assert_eq!(
        xml_err(skipped, &XmlLimits::default()).kind,
        XmlErrorKind::Dtd
    );
    // The predefined entities and character references are fine.
    let ok = "<register xmlns=\"urn:tiepcan:register:1\"><requests><request><id>a&amp;&#x1EA0;</id><channel>fax</channel></request></requests></register>";
    assert_eq!(read_xml(ok).register.requests[0].id, "a&Ạ");
}

#[test]
fn limits_are_enforced() {
    let xml = register_to_xml_string(&rich()).unwrap();
    let small = XmlLimits {
        max_bytes: 100,
        ..XmlLimits::default()
    };
    let e = xml_err(&xml, &small);
    assert_eq!(e.kind, XmlErrorKind::Limit);
    assert_eq!(e.limit.unwrap().what, "file size in bytes");
    let shallow = XmlLimits {
        max_depth: 4,
        ..XmlLimits::default()
    };
    let e = xml_err(&xml, &shallow);
    assert_eq!(e.limit.unwrap().what, "element depth");
    let short = XmlLimits {
        max_text_len: 10,
        ..XmlLimits::default()
    };
    let e = xml_err(&xml, &short);
    assert_eq!(e.limit.unwrap().what, "text length in bytes");
    // Deep nesting inside an unknown element is bounded too.
    let deep = format!(
        "<register xmlns=\"urn:tiepcan:register:1\"><requests/>{}{}</register>",
        "<x>".repeat(100),
        "</x>".repeat(100)
    );
    assert_eq!(
        xml_err(&deep, &XmlLimits::default()).limit.unwrap().what,
        "element depth"
    );
}

#[test]
fn broken_files_give_line_and_column() {
    let e = xml_err(
        "<register xmlns=\"urn:tiepcan:register:1\">\n  <requests>\n    <request><id>1</i></request>",
        &XmlLimits::default(),
    );
    assert_eq!(e.kind, XmlErrorKind::Syntax);
    assert_eq!(e.line, 3);
    let e = xml_err("<catalog/>", &XmlLimits::default());
    assert_eq!(e.kind, XmlErrorKind::Structure);
    let e = xml_err(
        "<register xmlns=\"urn:tiepcan:catalog:1\"><requests/></register>",
        &XmlLimits::default(),
    );
    assert!(
        e.message.contains("urn:tiepcan:register:1"),
        "{}",
        e.message
    );
    let e = xml_err(
        "<register xmlns=\"urn:tiepcan:register:1\"/>",
        &XmlLimits::default(),
    );
    assert!(e.message.contains("<requests>"), "{}", e.message);
    let shown = RegisterIoError::Xml {
        file: "so.xml".into(),
        error: e,
    }
    .to_string();
    assert!(shown.starts_with("so.xml:1:1: XML error: "), "{shown}");
}

#[test]
fn every_record_the_reader_cannot_use_is_reported_with_line_and_column() {
    let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<register xmlns="urn:tiepcan:register:1">
  <requests>
    <request>
      <id>1</id>
      <channel>postal</channel>
      <slip><capacity>boss</capacity><nickname>Bé</nickname></slip>
      <events>
        <received><date>2024-05-20</date></received>
        <valid><date>20/05/2024</date></valid>
        <provided><form>Bản sao</form></provided>
        <teleported><date>2024-05-21</date></teleported>
        <paid><date>2024-05-22</date><amount_vnd>mười nghìn</amount_vnd></paid>
        <handling_notice><date>2024-05-21</date><cost_vnd>12.000</cost_vnd><time_limit>sớm</time_limit></handling_notice>
      </events>
      <prior_provisions>hai</prior_provisions>
      <note>một</note>
      <note>hai</note>
      <events><received><date>2024-06-01</date></received></events>
    </request>
    <request><channel>fax</channel></request>
    <request><id>3</id><channel>pigeon</channel></request>
    <request><id>4</id></request>
    <row><id>5</id></row>
    <request><id>6</id><channel>trực tiếp</channel></request>
  </requests>
</register>"#;
    let l = read_xml(xml);
    let ids: Vec<_> = l.register.requests.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["1", "6"]);
    assert_eq!(l.register.requests[1].channel, Channel::InPerson);
    let r = &l.register.requests[0];
    let kinds: Vec<_> = r.events.iter().map(|e| e.kind.code()).collect();
    assert_eq!(kinds, ["received", "handling_notice"]);
    assert_eq!(r.note.as_deref(), Some("một"));
    let got: Vec<_> = l
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.rule.as_str(),
                d.location.line.unwrap(),
                d.location.pointer.clone().unwrap(),
                d.value.clone(),
            )
        })
        .collect();
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        got,
        vec![
            (
                "R-READ-CELL",
                7,
                "/requests/0/slip/capacity".into(),
                s("boss")
            ),
            (
                "R-READ-STRUCTURE",
                7,
                "/requests/0/slip/nickname".into(),
                s("Bé")
            ),
            (
                "R-READ-DATE",
                10,
                "/requests/0/events/1/date".into(),
                s("20/05/2024")
            ),
            ("R-READ-DATE", 11, "/requests/0/events/2".into(), None),
            (
                "R-READ-ROW",
                12,
                "/requests/0/events/3".into(),
                s("2024-05-21")
            ),
            (
                "R-READ-ROW",
                13,
                "/requests/0/events/4/amount_vnd".into(),
                s("mười nghìn")
            ),
            (
                "R-READ-CELL",
                14,
                "/requests/0/events/5/cost_vnd".into(),
                s("12.000")
            ),
            (
                "R-READ-DATE",
                14,
                "/requests/0/events/5/time_limit".into(),
                s("sớm")
            ),
            (
                "R-READ-CELL",
                16,
                "/requests/0/prior_provisions".into(),
                s("hai")
            ),
            ("R-READ-CELL", 18, "/requests/0/note".into(), s("hai")),
            (
                "R-READ-ROW",
                19,
                "/requests/0/events".into(),
                s("2024-06-01")
            ),
            ("R-READ-ROW", 21, "/requests/1".into(), None),
            ("R-CHANNEL", 22, "/requests/2/channel".into(), s("pigeon")),
            ("R-CHANNEL", 23, "/requests/3".into(), s("4")),
            ("R-READ-ROW", 24, "/requests/4".into(), s("5")),
        ]
    );
    // Columns are characters, not bytes; every finding names the file.
    let cap = &l.diagnostics[0];
    assert_eq!(cap.location.col, Some(13));
    assert!(l
        .diagnostics
        .iter()
        .all(|d| d.location.file.as_deref() == Some("so.xml")));
    assert!(l.diagnostics[0].message.vi.contains("capacity"));
}

#[test]
fn a_bom_and_any_child_order_are_accepted() {
    let xml = "\u{feff}<r:register xmlns:r=\"urn:tiepcan:register:1\"><r:requests><r:request>\
        <r:events><r:received><r:document>9</r:document><r:date>2024-01-02</r:date></r:received></r:events>\
        <r:channel>electronic</r:channel><r:id>7</r:id></r:request></r:requests></r:register>";
    let l = read_xml(xml);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let r = &l.register.requests[0];
    assert_eq!((r.id.as_str(), r.channel), ("7", Channel::Electronic));
    assert_eq!(r.events[0].document.as_deref(), Some("9"));
}

// ---------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------

fn text() -> BoxedStrategy<String> {
    formats_common::text()
}

fn opt_text() -> BoxedStrategy<Option<String>> {
    proptest::option::of(text()).boxed()
}

fn kind() -> BoxedStrategy<EventKind> {
    let date = || proptest::option::of(formats_common::date());
    prop_oneof![
        Just(EventKind::Received),
        opt_text().prop_map(|note| EventKind::Guidance { note }),
        (any::<bool>(), opt_text()).prop_map(|(c, reason)| EventKind::Valid {
            complexity: if c {
                Complexity::Complex
            } else {
                Complexity::Simple
            },
            reason
        }),
        (date(), opt_text(), opt_text(), any::<u64>(), date()).prop_map(
            |(time_limit, place, form, cost_vnd, payment_deadline)| EventKind::HandlingNotice {
                time_limit,
                place,
                form,
                cost_vnd,
                payment_deadline
            }
        ),
        any::<u64>().prop_map(|amount_vnd| EventKind::Paid { amount_vnd }),
        (date(), opt_text())
            .prop_map(|(new_limit, reason)| EventKind::Extended { new_limit, reason }),
        (
            proptest::collection::vec(proptest::sample::select(RefusalGround::ALL.to_vec()), 0..4),
            text()
        )
            .prop_map(|(grounds, reason)| EventKind::Refused { grounds, reason }),
        (opt_text(), any::<bool>())
            .prop_map(|(form, partial)| EventKind::Provided { form, partial }),
        opt_text().prop_map(|to| EventKind::Transferred { to }),
        Just(EventKind::Withdrawn),
        Just(EventKind::CorrectionClaim),
        Just(EventKind::Complaint),
    ]
    .boxed()
}

fn slip() -> BoxedStrategy<RequestSlip> {
    (
        (
            any::<bool>(),
            text(),
            text(),
            text(),
            opt_text(),
            text(),
            text(),
        ),
        (
            text(),
            text(),
            proptest::sample::select(vec![
                RequesterCapacity::Own,
                RequesterCapacity::Minor,
                RequesterCapacity::LegalRepresentative,
                RequesterCapacity::Guardian,
                RequesterCapacity::Authorised,
            ]),
            opt_text(),
            any::<bool>(),
            opt_text(),
        ),
        (
            proptest::collection::vec(
                (text(), text(), text()).prop_map(|(name, id_number, reason_purpose)| {
                    ListedRequester {
                        name,
                        id_number,
                        reason_purpose,
                    }
                }),
                0..3,
            ),
            proptest::option::of(proptest::sample::select(ConditionalGround::ALL.to_vec())),
            opt_text(),
            opt_text(),
            proptest::option::of(proptest::sample::select(vec![
                ProvisionCase::NotYetDisclosed,
                ProvisionCase::PastDisclosurePeriod,
                ProvisionCase::UnreachableForceMajeure,
                ProvisionCase::ConditionsMet,
                ProvisionCase::OwnAffairs,
                ProvisionCase::Discretionary,
            ])),
        ),
    )
        .prop_map(
            |(
                (b, name, address, id_number, contact, information, document),
                (
                    form_of_provision,
                    reason_purpose,
                    capacity,
                    acting_for,
                    foreign_resident,
                    organisation,
                ),
                (requester_list, conditional, consent, head_decision, provision_case),
            )| RequestSlip {
                form: if b {
                    LegalForm::Form01b
                } else {
                    LegalForm::Form01a
                },
                name,
                address,
                id_number,
                contact,
                information,
                document,
                form_of_provision,
                reason_purpose,
                capacity,
                acting_for,
                foreign_resident,
                organisation,
                requester_list,
                conditional,
                consent,
                head_decision,
                provision_case,
            },
        )
        .boxed()
}

fn request() -> BoxedStrategy<Request> {
    (
        text(),
        proptest::sample::select(Channel::ALL.to_vec()),
        slip(),
        proptest::collection::vec(
            (formats_common::date(), kind(), opt_text()).prop_map(|(date, kind, document)| Event {
                date,
                kind,
                document,
            }),
            0..6,
        ),
        proptest::option::of(proptest::sample::select(RequestState::ALL.to_vec())),
        any::<u32>(),
        opt_text(),
        opt_text(),
    )
        .prop_map(
            |(
                id,
                channel,
                slip,
                events,
                recorded_state,
                prior_provisions,
                legitimate_reason,
                note,
            )| {
                let mut r = Request::new(id, channel);
                r.slip = slip;
                r.events = events;
                r.recorded_state = recorded_state;
                r.prior_provisions = prior_provisions;
                r.legitimate_reason = legitimate_reason;
                r.note = note;
                r
            },
        )
        .boxed()
}

fn register() -> BoxedStrategy<Register> {
    (
        proptest::option::of((text(), any::<bool>(), opt_text()).prop_map(
            |(name, portal, email)| Agency {
                name,
                has_portal: Some(portal),
                email,
                area_class: AreaClass::Difficult,
                ..Agency::default()
            },
        )),
        proptest::collection::vec(request(), 0..5),
    )
        .prop_map(|(agency, requests)| Register { agency, requests })
        .boxed()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn generated_registers_round_trip_through_xml_and_json(reg in register()) {
        let xml = register_to_xml_string(&reg).unwrap();
        let l = read_register_xml(xml.as_bytes(), "p.xml", &XmlLimits::default())
            .map_err(|e| TestCaseError::fail(format!("{e}\n{xml}")))?;
        prop_assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
        prop_assert_eq!(&l.register, &reg);
        let json = write_json(&reg);
        let back = read_json(&json, "p.json").unwrap().register;
        prop_assert_eq!(&back, &reg);
        prop_assert_eq!(write_json(&l.register), json);
    }

    #[test]
    fn generated_registers_validate_against_the_json_schema(reg in register()) {
        let v = schema_validator();
        let doc: Value = serde_json::from_str(&write_json(&reg)).unwrap();
        prop_assert_eq!(schema_errors(&v, &doc), Vec::<String>::new());
    }

    #[test]
    fn the_reader_never_panics_on_mangled_input(reg in register(), cut in 0usize..4000, byte in any::<u8>()) {
        let mut xml = register_to_xml_string(&reg).unwrap().into_bytes();
        if !xml.is_empty() {
            let at = cut % xml.len();
            xml[at] = byte;
            xml.truncate(xml.len() - cut % 7);
        }
        let _ = read_register_xml(&xml, "m.xml", &XmlLimits::default());
    }
}

#[test]
fn the_documented_example_reads_cleanly_and_validates() {
    let doc = include_str!("../../docs/register.md");
    let start = doc
        .find("```xml\n")
        .expect("docs/register.md has an XML example")
        + 7;
    let end = start + doc[start..].find("```").unwrap();
    let xml = &doc[start..end];
    let l = read_xml(xml);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let r = &l.register.requests[0];
    assert_eq!(r.refusal_grounds(), vec![RefusalGround::CostsUnpaid]);
    // The example is what the writer writes for that register.
    assert_eq!(register_to_xml_string(&l.register).unwrap(), xml);
    if let Some(res) = xmllint(xml, "doc.xml") {
        res.unwrap_or_else(|e| panic!("xmllint: {e}"));
    }
}

proptest! {
    // Each case starts xmllint: few cases.
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn generated_registers_validate_against_the_xsd(reg in register()) {
        let xml = register_to_xml_string(&reg).unwrap();
        if let Some(r) = xmllint(&xml, "generated.xml") {
            prop_assert!(r.is_ok(), "xmllint: {:?}\n{}", r, xml);
        }
    }
}

/// A date that does not exist is told apart from text in another form.
#[test]
fn impossible_dates_are_named_as_such() {
    let doc = include_str!("../../docs/register.md");
    let start = doc.find("```xml\n").unwrap() + 7;
    let end = start + doc[start..].find("```").unwrap();
    let first = doc[start..end]
        .find("<date>")
        .map(|i| start + i + "<date>".len())
        .unwrap();
    let mut xml = doc[start..end].to_string();
    xml.replace_range(first - start..first - start + 10, "2024-02-30");
    let l = read_xml(&xml);
    let d = l
        .diagnostics
        .iter()
        .find(|d| d.rule == "R-READ-DATE")
        .expect("a date finding");
    assert!(
        d.message.en.contains(
            "\"2024-02-30\" is not a calendar date (day 30, month 02, year 2024 does not exist)"
        ),
        "{}",
        d.message.en
    );
    assert!(d
        .message
        .vi
        .contains("không có trong lịch (ngày 30 tháng 02 năm 2024)"));
}

/// A JSON key the model does not have is reported with its pointer
/// (`R-READ-STRUCTURE`), as the XML reader reports an unknown element; the
/// writer's own JSON has none.
#[test]
fn unknown_json_keys_are_reported_not_dropped() {
    let clean = read_json(&write_json(&rich()), "rich.json").unwrap();
    assert!(clean.diagnostics.is_empty(), "{:?}", clean.diagnostics);
    let mut v: Value = serde_json::from_str(&write_json(&rich())).unwrap();
    v["requests"][0]["extra"] = Value::from(1);
    v["requests"][0]["slip"]["nick/name"] = Value::from("Bé");
    let l = read_json(&v.to_string(), "x.json").unwrap();
    let got: Vec<_> = l
        .diagnostics
        .iter()
        .map(|d| (d.rule.as_str(), d.location.pointer.clone().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            ("R-READ-STRUCTURE", "/requests/0/extra".to_string()),
            (
                "R-READ-STRUCTURE",
                "/requests/0/slip/nick~1name".to_string()
            ),
        ]
    );
    assert!(l.diagnostics[0]
        .message
        .en
        .contains("unknown key \"extra\""));
}
