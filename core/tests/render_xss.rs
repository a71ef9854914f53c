//! The shared XSS corpus (`tests/xss/payloads.json`) through the HTML
//! renderers: every payload, put into titles, numbers, links, link texts,
//! sections, agency names, report values and request-slip values, stays text.
//! Checked structurally: the output contains only the renderer's own tags and
//! attributes, and every `href` is an address `safe_href` accepts.

use std::collections::BTreeSet;

use tiepcan::model::{
    Agency, Catalog, CatalogHeader, DisclosureCatalog, DocumentRef, InformationItem,
};
use tiepcan::render::{
    check_request_slip, render_catalog, render_report, render_request_form, safe_href,
    RenderOptions, RequestSlipInput,
};
use tiepcan::validate::{Diagnostic, Location, Message, Report};

const CORPUS: &str = include_str!("../../tests/xss/payloads.json");

const TAGS: &[&str] = &[
    "section", "h2", "h3", "div", "table", "caption", "time", "span", "thead", "tbody", "tr", "th",
    "td", "a", "code", "em", "p", "ul", "ol", "li", "br", "form", "fieldset", "legend", "label",
    "input", "textarea", "button", "strong",
];
const ATTRS: &[&str] = &[
    "class",
    "lang",
    "aria-labelledby",
    "id",
    "role",
    "tabindex",
    "datetime",
    "aria-hidden",
    "scope",
    "colspan",
    "data-field",
    "data-order",
    "data-key",
    "data-point",
    "data-point-order",
    "data-year",
    "data-date",
    "href",
    "method",
    "novalidate",
    "action",
    "for",
    "type",
    "name",
    "value",
    "rows",
    "required",
    "aria-required",
    "autocomplete",
    "aria-describedby",
    "aria-invalid",
    "checked",
];

/// Tag and attribute names of the markup, reading quoted values as values.
fn structure(html: &str) -> (BTreeSet<String>, BTreeSet<String>, Vec<String>) {
    let (mut tags, mut attrs, mut hrefs) = (BTreeSet::new(), BTreeSet::new(), Vec::new());
    let b = html.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        i += 1;
        if i < b.len() && b[i] == b'/' {
            i += 1;
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'!') {
            i += 1;
        }
        tags.insert(html[start..i].to_ascii_lowercase());
        // Attributes until '>'.
        loop {
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                break;
            }
            let a = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'>' {
                i += 1;
            }
            let name = html[a..i].to_ascii_lowercase();
            if i < b.len() && b[i] == b'=' {
                i += 1;
                assert_eq!(b[i], b'"', "unquoted attribute {name} in {}", &html[a..]);
                let v = i + 1;
                i = v + html[v..].find('"').unwrap();
                if name == "href" {
                    hrefs.push(html[v..i].to_string());
                }
                i += 1;
            }
            attrs.insert(name);
        }
    }
    (tags, attrs, hrefs)
}

fn assert_safe(html: &str, what: &str) {
    let (tags, attrs, hrefs) = structure(html);
    for t in &tags {
        assert!(TAGS.contains(&t.as_str()), "{what}: unexpected tag <{t}>");
    }
    for a in &attrs {
        assert!(
            ATTRS.contains(&a.as_str()),
            "{what}: unexpected attribute {a}"
        );
    }
    for h in hrefs {
        let raw = h.replace("&amp;", "&");
        let ok = raw.starts_with('#') || safe_href(&raw).is_some();
        assert!(ok, "{what}: unsafe href {h:?}");
        let l = raw.trim_start().to_ascii_lowercase();
        assert!(
            !l.starts_with("javascript") && !l.starts_with("data:") && !l.starts_with("vbscript"),
            "{what}: href {h:?}"
        );
    }
}

#[test]
fn corpus_has_over_fifty_payloads() {
    let p: Vec<String> = serde_json::from_str(CORPUS).unwrap();
    assert!(p.len() >= 50, "{}", p.len());
}

#[test]
fn every_payload_renders_as_text() {
    let payloads: Vec<String> = serde_json::from_str(CORPUS).unwrap();
    let opts = RenderOptions::default();
    for p in &payloads {
        let item = InformationItem {
            seq: Some(p.clone()),
            title: p.clone(),
            number_symbol: Some(DocumentRef {
                raw: p.clone(),
                number: None,
                year: None,
                doc_type: None,
                issuer: None,
                unit: None,
            }),
            access_link: Some(p.clone()),
            disclosure_time: Some(p.clone()),
            section: Some(p.clone()),
            ..Default::default()
        };
        let no_link = InformationItem {
            access_link: None,
            link_text: Some(p.clone()),
            ..item.clone()
        };
        let c = Catalog::Disclosure(DisclosureCatalog {
            header: CatalogHeader {
                agency: Some(Agency::named(p.clone())),
                issuing_decision: item.number_symbol.clone(),
                ..Default::default()
            },
            items: vec![item, no_link],
        });
        let html = render_catalog(&c, &opts);
        assert_safe(&html, &format!("catalog with {p:?}"));

        let mut r = Report::new();
        r.push(Diagnostic::new(
            "R-REQ-FIELDS",
            Location::cell(2, p.clone()),
            Some(p.clone()),
            Message::new(p.clone(), p.clone()),
        ));
        assert_safe(&render_report(&r, &opts), &format!("report with {p:?}"));

        let slip = RequestSlipInput {
            full_name: p.clone(),
            information: p.clone(),
            email: p.clone(),
            provision_form: p.clone(),
            ..Default::default()
        };
        let errs = check_request_slip(&slip);
        assert_safe(
            &render_request_form(&slip, &errs, &opts),
            &format!("request form with {p:?}"),
        );
    }
}
