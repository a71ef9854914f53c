//! XML format: lossless round trips (proptest), XSD validation of the
//! writer's output with `xmllint --schema`, refusal of DTDs and entities,
//! size limits, and line/column in errors.

mod formats_common;

use formats_common::*;
use proptest::prelude::*;
use tiepcan::io::xml::{
    catalog_to_xml_string, read_catalog_xml, XmlErrorKind, XmlLimits, XmlWriteError,
};
use tiepcan::model::*;

fn read(
    xml: &str,
) -> Result<(Catalog, Vec<tiepcan::validate::Diagnostic>), tiepcan::io::xml::XmlError> {
    read_catalog_xml(xml.as_bytes(), &XmlLimits::default())
}

fn roundtrip(c: &Catalog) -> Catalog {
    let xml = catalog_to_xml_string(c).expect("writes");
    let (back, diags) = read(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    assert!(diags.is_empty(), "{diags:?}");
    back
}

/// Validate with `xmllint --schema` against schemas/catalog.xsd.
fn xmllint(xml: &str, name: &str) -> Option<Result<(), String>> {
    formats_common::xmllint(xml, name, "catalog.xsd")
}

#[test]
fn rich_catalogs_round_trip_and_validate_against_the_xsd() {
    for c in [
        Catalog::Disclosure(rich_disclosure()),
        Catalog::Conditional(rich_conditional()),
    ] {
        let back = roundtrip(&c);
        assert_eq!(back, c);
        let xml = catalog_to_xml_string(&c).unwrap();
        if let Some(r) = xmllint(&xml, "rich.xml") {
            r.unwrap_or_else(|e| panic!("xmllint: {e}\n{xml}"));
        }
    }
}

#[test]
fn written_layout_is_the_documented_one() {
    let xml = catalog_to_xml_string(&Catalog::Disclosure(rich_disclosure())).unwrap();
    assert!(xml.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<disclosure_catalog xmlns=\"urn:tiepcan:catalog:1\">\n  <agency>\n    <name>Ủy ban nhân dân xã An Hòa</name>\n    <level>commune</level>\n    <code>000.00.00.H49</code>"
    ), "{xml}");
    assert!(xml.contains("<art17_point>đ</art17_point>"));
    assert!(xml.contains("<created_on>2026-01</created_on>"));
    assert!(xml.contains("<disclosure_forms>\n        <form>portal</form>\n        <form>posting</form>\n      </disclosure_forms>"));
    assert!(xml.contains("<cell header=\"Đơn vị chủ trì\">Văn phòng &amp; Thống kê</cell>"));
    assert!(xml.contains("<cell field=\"disclosure_time\">31/02/2025</cell>"));
    assert!(
        xml.contains("<source row=\"7\">\n        <column field=\"title\">Tên văn bản</column>")
    );
}

#[test]
fn json_to_model_to_xml_to_model_to_json_is_lossless() {
    let json = serde_json::to_string_pretty(&Catalog::Disclosure(rich_disclosure())).unwrap();
    let model: Catalog = serde_json::from_str(&json).unwrap();
    let back = roundtrip(&model);
    assert_eq!(serde_json::to_string_pretty(&back).unwrap(), json);
}

#[test]
fn exact_strings_survive_nfc_nfd_whitespace_and_line_ends() {
    let nfd = "Ke\u{302}\u{301} hoa\u{323}ch"; // "Kế hoạch" in NFD
    let nfc = "Kế hoạch ngân sách";
    for title in [
        nfd,
        nfc,
        "  leading and trailing  ",
        "a\r\nb\rc\nd\te",
        "",
        "]]> <![CDATA[ &amp; \"'",
    ] {
        let c = Catalog::Disclosure(DisclosureCatalog {
            items: vec![InformationItem {
                title: title.into(),
                ..Default::default()
            }],
            ..Default::default()
        });
        let back = roundtrip(&c);
        let Catalog::Disclosure(d) = back else {
            panic!()
        };
        assert_eq!(d.items[0].title.as_bytes(), title.as_bytes());
    }
    // Attribute values (extra headers) keep tabs, line feeds and quotes.
    let mut it = InformationItem::default();
    it.extra.insert("Cột\t\"lạ\"\r\n2".into(), "x".into());
    let c = Catalog::Disclosure(DisclosureCatalog {
        items: vec![it],
        ..Default::default()
    });
    assert_eq!(roundtrip(&c), c);
}

#[test]
fn characters_xml_cannot_carry_are_refused_by_the_writer() {
    let c = Catalog::Disclosure(DisclosureCatalog {
        items: vec![
            InformationItem::default(),
            InformationItem {
                title: "a\u{1}b".into(),
                ..Default::default()
            },
        ],
        ..Default::default()
    });
    match catalog_to_xml_string(&c) {
        Err(XmlWriteError::InvalidChar { pointer, code }) => {
            assert_eq!((pointer.as_str(), code), ("/items/1/title", 1));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_crlf_file_reads_like_an_lf_file() {
    let xml = "<disclosure_catalog xmlns=\"urn:tiepcan:catalog:1\">\r\n<items>\r\n<item><title>a\r\nb</title></item>\r\n</items>\r\n</disclosure_catalog>\r\n";
    let (c, _) = read(xml).unwrap();
    let Catalog::Disclosure(d) = c else { panic!() };
    assert_eq!(d.items[0].title, "a\nb");
}

#[test]
fn billion_laughs_and_external_entities_are_refused() {
    let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
]>
<disclosure_catalog xmlns="urn:tiepcan:catalog:1"><items><item><title>&lol2;</title></item></items></disclosure_catalog>"#;
    let e = read(laughs).unwrap_err();
    assert_eq!(e.kind, XmlErrorKind::Dtd);
    assert_eq!((e.line, e.col), (2, 1));
    assert!(e.to_string().contains("DOCTYPE"), "{e}");
    let d = e.to_diagnostic(Some("lolz.xml"));
    assert_eq!(d.rule, "R-READ-FILE");
    assert_eq!(d.location.file.as_deref(), Some("lolz.xml"));

    let xxe = r#"<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><disclosure_catalog xmlns="urn:tiepcan:catalog:1"><items><item><title>&xxe;</title></item></items></disclosure_catalog>"#;
    assert_eq!(read(xxe).unwrap_err().kind, XmlErrorKind::Dtd);

    // An entity with no DTD at all is refused too, at its position.
    let undefined = "<disclosure_catalog xmlns=\"urn:tiepcan:catalog:1\"><items>\n<item><title>a &nbsp; b</title></item></items></disclosure_catalog>";
    let e = read(undefined).unwrap_err();
    assert_eq!(e.kind, XmlErrorKind::Dtd);
    assert_eq!((e.line, e.col), (2, 16));
    // Predefined entities and character references are fine.
    let ok = "<disclosure_catalog xmlns=\"urn:tiepcan:catalog:1\"><items><item><title>&lt;&amp;&#x1EBF;&#273;</title></item></items></disclosure_catalog>";
    let (c, _) = read(ok).unwrap();
    let Catalog::Disclosure(d) = c else { panic!() };
    assert_eq!(d.items[0].title, "<&ếđ");
}

fn nested(depth: usize) -> String {
    let mut s = String::from("<disclosure_catalog xmlns=\"urn:tiepcan:catalog:1\"><items>");
    for _ in 0..depth {
        s.push_str("<item><title>x</title><children>");
    }
    s.push_str("<item><title>leaf</title></item>");
    for _ in 0..depth {
        s.push_str("</children></item>");
    }
    s.push_str("</items></disclosure_catalog>");
    s
}

#[test]
fn limits_are_enforced_with_clear_errors() {
    // Depth: root(1) items(2) then two levels per nesting of children.
    assert!(read(&nested(10)).is_ok());
    let e = read(&nested(100)).unwrap_err();
    assert_eq!(e.kind, XmlErrorKind::Limit);
    assert!(e.message.contains("deeper than the limit of 40"), "{e}");
    assert_eq!(e.to_diagnostic(None).rule, "R-READ-LIMIT");

    let small = XmlLimits {
        max_bytes: 100,
        ..XmlLimits::default()
    };
    let e = read_catalog_xml(nested(3).as_bytes(), &small).unwrap_err();
    assert_eq!(e.kind, XmlErrorKind::Limit);
    assert!(e.message.contains("more than the limit of 100"), "{e}");

    let long = format!(
        "<disclosure_catalog xmlns=\"urn:tiepcan:catalog:1\"><items><item><title>{}</title></item></items></disclosure_catalog>",
        "ế".repeat(600)
    );
    let lim = XmlLimits {
        max_text_len: 1000,
        ..XmlLimits::default()
    };
    let e = read_catalog_xml(long.as_bytes(), &lim).unwrap_err();
    assert_eq!(e.kind, XmlErrorKind::Limit);
    assert!(e.message.contains("<title>"), "{e}");

    let attrs: String = (0..20).map(|i| format!(" a{i}=\"{i}\"")).collect();
    let many = format!(
        "<disclosure_catalog xmlns=\"urn:tiepcan:catalog:1\"{attrs}><items/></disclosure_catalog>"
    );
    let e = read(&many).unwrap_err();
    assert_eq!(e.kind, XmlErrorKind::Limit);
    assert!(e.message.contains("21 attributes"), "{e}");
}

#[test]
fn syntax_and_structure_errors_carry_line_and_column() {
    // Mismatched end tag on line 3.
    let bad = "<disclosure_catalog xmlns=\"urn:tiepcan:catalog:1\">\n<items>\n  <item><title>Ngân sách</titel></item>\n</items></disclosure_catalog>";
    let e = read(bad).unwrap_err();
    assert_eq!(e.kind, XmlErrorKind::Syntax);
    assert_eq!(e.line, 3);
    assert!(e.col >= 23, "{e}");

    // Unknown element: line 3, column 3 (counted in characters).
    let unknown = "<disclosure_catalog xmlns=\"urn:tiepcan:catalog:1\">\n<items>\n  <iten><title>x</title></iten>\n</items></disclosure_catalog>";
    let e = read(unknown).unwrap_err();
    assert_eq!((e.kind, e.line, e.col), (XmlErrorKind::Structure, 3, 3));
    assert!(
        e.message.contains("unknown element <iten> in <items>"),
        "{e}"
    );

    // Wrong namespace.
    let e = read("<disclosure_catalog><items/></disclosure_catalog>").unwrap_err();
    assert!(e.message.contains("expected urn:tiepcan:catalog:1"), "{e}");

    // Missing title.
    let e = read("<disclosure_catalog xmlns=\"urn:tiepcan:catalog:1\"><items>\n<item><seq>1</seq></item></items></disclosure_catalog>").unwrap_err();
    assert_eq!((e.line, e.col), (2, 1));
    assert!(e.message.contains("/items/0 needs a <title>"), "{e}");

    // Truncated file.
    let e = read("<disclosure_catalog xmlns=\"urn:tiepcan:catalog:1\"><items><item><title>x")
        .unwrap_err();
    assert_eq!(e.kind, XmlErrorKind::Syntax);

    // Not UTF-8.
    let e = read_catalog_xml(
        b"<?xml version=\"1.0\" encoding=\"windows-1258\"?><disclosure_catalog/>",
        &XmlLimits::default(),
    )
    .unwrap_err();
    assert!(e.message.contains("windows-1258"), "{e}");
}

#[test]
fn unreadable_item_values_are_kept_and_reported() {
    let xml = "<disclosure_catalog xmlns=\"urn:tiepcan:catalog:1\"><items>\n<item><title>A</title>\n  <created_on>31/02/2019</created_on><art17_point>f</art17_point>\n  <disclosure_forms><form>portal</form><form>loa phát thanh</form></disclosure_forms></item></items></disclosure_catalog>";
    let (c, diags) = read(xml).unwrap();
    let Catalog::Disclosure(d) = c else { panic!() };
    let it = &d.items[0];
    assert_eq!(it.created_on, None);
    assert_eq!(it.unparsed[&Field::CreatedOn], "31/02/2019");
    assert_eq!(it.unparsed[&Field::Art17Point], "f");
    assert_eq!(it.unparsed[&Field::DisclosureForms], "loa phát thanh");
    assert_eq!(
        it.disclosure_forms,
        vec![tiepcan::law::DisclosureForm::Portal]
    );
    let got: Vec<_> = diags
        .iter()
        .map(|d| {
            (
                d.rule.as_str(),
                d.location.line.unwrap(),
                d.location.col.unwrap(),
                d.location.pointer.clone().unwrap(),
            )
        })
        .collect();
    // Only the date is the reader's to report; an Art. 17 point or a form
    // that does not exist is kept for the validator (R-ART17-POINT,
    // R-CAT-FORM-ENUM), as the CSV/XLSX readers do.
    assert_eq!(
        got,
        vec![("R-READ-DATE", 3, 3, "/items/0/created_on".to_string())]
    );
    assert_eq!(diags[0].value.as_deref(), Some("31/02/2019"));
}

#[test]
fn the_reader_is_lenient_on_order_comments_and_prefixes() {
    let xml = "\u{feff}<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- exported -->\n<t:conditional_catalog xmlns:t=\"urn:tiepcan:catalog:1\"><t:items><t:item><t:ground>private_life</t:ground><t:title><![CDATA[Hồ sơ <mật>]]></t:title></t:item></t:items><t:title>DM</t:title></t:conditional_catalog>";
    let (c, _) = read(xml).unwrap();
    let Catalog::Conditional(d) = c else { panic!() };
    assert_eq!(d.header.title.as_deref(), Some("DM"));
    assert_eq!(d.items[0].title, "Hồ sơ <mật>");
    assert_eq!(
        d.items[0].ground,
        Some(tiepcan::law::ConditionalGround::PrivateLife)
    );
    // Duplicates are errors, not silently overwritten.
    let dup = "<disclosure_catalog xmlns=\"urn:tiepcan:catalog:1\"><title>a</title><title>b</title><items/></disclosure_catalog>";
    assert!(read(dup).unwrap_err().message.contains("appears twice"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_catalog_round_trips_through_xml(c in catalog()) {
        let xml = catalog_to_xml_string(&c).unwrap();
        let (back, diags) = read(&xml).map_err(|e| TestCaseError::fail(format!("{e}\n{xml}")))?;
        prop_assert!(diags.is_empty());
        prop_assert_eq!(&back, &c);
        prop_assert_eq!(serde_json::to_string(&back).unwrap(), serde_json::to_string(&c).unwrap());
    }
}

proptest! {
    // xmllint is a process per case: fewer cases.
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_written_catalog_validates_against_the_xsd(c in catalog()) {
        let xml = catalog_to_xml_string(&c).unwrap();
        if let Some(r) = xmllint(&xml, "prop.xml") {
            prop_assert!(r.is_ok(), "{}\n{}", r.unwrap_err(), xml);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Damaged input never panics: truncated, with a byte changed, or with
    /// markup inserted, the reader returns a catalog or an error with a
    /// line and column inside the input.
    #[test]
    fn damaged_xml_never_panics(
        c in catalog(),
        cut in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        insert in prop::sample::select(vec!["<", "&", "&#0;", "]]>", "<!DOCTYPE x>", "</items>", "<item>", "\u{0}", "\u{feff}"]),
        mode in 0u8..3,
    ) {
        let xml = catalog_to_xml_string(&c).unwrap().into_bytes();
        let mut bad = xml.clone();
        match mode {
            0 => bad.truncate(cut.index(xml.len())),
            1 => { let i = at.index(bad.len()); bad[i] = byte; }
            _ => { let i = at.index(bad.len()); bad.splice(i..i, insert.bytes()); }
        }
        if let Err(e) = read_catalog_xml(&bad, &XmlLimits::default()) {
            let lines = bad.iter().filter(|&&b| b == b'\n').count() + 1;
            prop_assert!(e.line >= 1 && e.line <= lines, "{e}");
            prop_assert!(e.col >= 1);
        }
    }
}
