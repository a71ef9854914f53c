//! Export a disclosure catalog as DCAT-AP RDF/XML, for open-data portals and
//! their harvesters (ckanext-dcat's RDF harvester reads it as is).
//!
//! Mapping (also in `docs/formats.md`):
//!
//! | tiepcan | DCAT-AP |
//! |---|---|
//! | the catalog | `dcat:Catalog` at the base IRI |
//! | `title`, `stated_basis` | `dct:title`, `dct:description` (`xml:lang="vi"`) |
//! | `issued_on`, `last_updated` | `dct:issued`, `dct:modified` (`xsd:date`) |
//! | `published_at` (a URL) | `foaf:homepage` |
//! | `agency` | `dct:publisher` → `foaf:Agent` (`foaf:name`, `dct:identifier` = agency code, `foaf:homepage`, `foaf:mbox`) |
//! | each item (children too) | `dcat:Dataset` at `BASE#item-3` (`#item-3.1` for a child, which also gets `dct:isPartOf` its parent) |
//! | `title` | `dct:title` |
//! | `number_symbol` | `dct:identifier` |
//! | `created_on` | `dct:issued` typed `xsd:date`, `xsd:gYearMonth` or `xsd:gYear` by precision |
//! | `art17_point` | `dcat:theme` → `skos:Concept` `urn:tiepcan:law104:art17:1:dd` (labels vi/en, `skos:notation` `đ`) and `dcat:keyword`s (the Vietnamese label and `Điều 17.1.đ`) |
//! | `disclosure_time`, `disclosure_period`, `section` | `dct:description` |
//! | `access_link` (an absolute http(s)/ftp URL) | `dcat:distribution` → `dcat:Distribution` with `dcat:accessURL`; `link_text` as its `dct:title` |
//!
//! An `access_link` that is not an absolute URL is not exported as a
//! distribution (DCAT requires an IRI); it still appears in the JSON/XML.

use std::io::Write;

use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use crate::model::{DisclosureCatalog, InformationItem, PartialDate};

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const XSD: &str = "http://www.w3.org/2001/XMLSchema#";

/// Options of the DCAT export.
#[derive(Debug, Clone, Default)]
pub struct DcatOptions {
    /// IRI of the catalog; datasets are `BASE#item-N`. Default: the
    /// catalog's `published_at` when it is an http(s) URL, else
    /// `urn:tiepcan:catalog:AGENCY-CODE` (or `urn:tiepcan:catalog:unnamed`).
    pub base_iri: Option<String>,
}

/// Why the DCAT export failed.
#[derive(Debug, thiserror::Error)]
#[error("writing DCAT RDF/XML failed: {0}")]
pub struct DcatError(#[from] std::io::Error);

/// Whether `s` is an absolute URL DCAT can use as an IRI.
pub(crate) fn as_iri(s: &str) -> Option<String> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    if !(lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("ftp://"))
        || t.len() <= "http://".len()
    {
        return None;
    }
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        match c {
            ' ' | '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`' => {
                out.push_str(&format!("%{:02X}", c as u32))
            }
            c if c.is_control() => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

/// The catalog IRI [`DcatOptions::base_iri`] describes.
pub fn catalog_iri(catalog: &DisclosureCatalog, opts: &DcatOptions) -> String {
    if let Some(b) = &opts.base_iri {
        return b.clone();
    }
    if let Some(u) = catalog.header.published_at.as_deref().and_then(as_iri) {
        return u;
    }
    match catalog.header.agency.as_ref().and_then(|a| a.code.as_ref()) {
        Some(c) => format!("urn:tiepcan:catalog:{c}"),
        None => "urn:tiepcan:catalog:unnamed".to_string(),
    }
}

/// IRI of an item: `BASE#item-3` or `BASE#item-3.1` (1-based path).
pub fn item_iri(base: &str, path: &str) -> String {
    if base.contains('#') {
        format!("{base}-item-{path}")
    } else {
        format!("{base}#item-{path}")
    }
}

/// IRI of the concept for an Art. 17 point: `urn:tiepcan:law104:art17:1:a`
/// … (`dd` for đ), `urn:tiepcan:law104:art17:2` for Art. 17(2).
pub fn art17_concept_iri(p: crate::law::Art17Point) -> String {
    match p.point() {
        Some(_) => format!(
            "urn:tiepcan:law104:art17:1:{}",
            if p.code() == "đ" { "dd" } else { p.code() }
        ),
        None => "urn:tiepcan:law104:art17:2".to_string(),
    }
}

/// `Điều 17.1.đ` / `Điều 17.2`.
pub(crate) fn art17_short_vi(p: crate::law::Art17Point) -> String {
    match p.point() {
        Some(_) => format!("Điều 17.1.{}", p.code()),
        None => "Điều 17.2".to_string(),
    }
}

/// The `dct:description` text of an item (time, period, section), if any.
pub(crate) fn item_description(it: &InformationItem) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(p) = it.art17_point {
        parts.push(format!("Thuộc {}: {}", art17_short_vi(p), p.label_vi()));
    }
    if let Some(t) = &it.disclosure_time {
        parts.push(format!("Thời điểm công khai: {t}"));
    }
    if let Some(t) = &it.disclosure_period {
        parts.push(format!("Thời hạn công khai: {t}"));
    }
    if let Some(t) = &it.section {
        parts.push(format!("Mục: {t}"));
    }
    (!parts.is_empty()).then(|| parts.join(". "))
}

struct W<O: Write> {
    w: Writer<O>,
}

impl<O: Write> W<O> {
    fn start(&mut self, name: &str, attrs: &[(&str, &str)]) -> std::io::Result<()> {
        let s = BytesStart::new(name).with_attributes(attrs.iter().copied());
        self.w.write_event(Event::Start(s))
    }
    fn end(&mut self, name: &str) -> std::io::Result<()> {
        self.w.write_event(Event::End(BytesEnd::new(name)))
    }
    fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> std::io::Result<()> {
        let s = BytesStart::new(name).with_attributes(attrs.iter().copied());
        self.w.write_event(Event::Empty(s))
    }
    fn lit(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> std::io::Result<()> {
        self.start(name, attrs)?;
        // `BytesText::new` escapes & < >; carriage returns would be folded
        // by RDF/XML parsers, so they are written as references.
        let esc = quick_xml::escape::escape(text).replace('\r', "&#13;");
        self.w
            .write_event(Event::Text(BytesText::from_escaped(esc)))?;
        self.end(name)
    }
    fn vi(&mut self, name: &str, text: &str) -> std::io::Result<()> {
        self.lit(name, &[("xml:lang", "vi")], text)
    }
    fn date(&mut self, name: &str, d: PartialDate) -> std::io::Result<()> {
        let ty = match d {
            PartialDate::Day(_) => "date",
            PartialDate::Month { .. } => "gYearMonth",
            PartialDate::Year(_) => "gYear",
        };
        let dt = format!("{XSD}{ty}");
        self.lit(name, &[("rdf:datatype", &dt)], &d.to_string())
    }

    fn dataset(
        &mut self,
        base: &str,
        path: &str,
        parent: Option<&str>,
        it: &InformationItem,
        has_publisher: bool,
    ) -> std::io::Result<()> {
        let iri = item_iri(base, path);
        self.start("dcat:dataset", &[])?;
        self.start("dcat:Dataset", &[("rdf:about", &iri)])?;
        self.vi("dct:title", &it.title)?;
        if let Some(r) = &it.number_symbol {
            self.lit("dct:identifier", &[], &r.raw)?;
        }
        if let Some(d) = it.created_on {
            self.date("dct:issued", d)?;
        }
        if let Some(desc) = item_description(it) {
            self.vi("dct:description", &desc)?;
        }
        if let Some(p) = it.art17_point {
            self.vi("dcat:keyword", p.label_vi())?;
            self.vi("dcat:keyword", &art17_short_vi(p))?;
            self.start("dcat:theme", &[])?;
            self.start("skos:Concept", &[("rdf:about", &art17_concept_iri(p))])?;
            self.vi("skos:prefLabel", p.label_vi())?;
            self.lit("skos:prefLabel", &[("xml:lang", "en")], p.label_en())?;
            self.lit("skos:notation", &[], p.code())?;
            self.end("skos:Concept")?;
            self.end("dcat:theme")?;
        }
        if has_publisher {
            self.empty("dct:publisher", &[("rdf:nodeID", "publisher")])?;
        }
        if let Some(parent) = parent {
            self.empty("dct:isPartOf", &[("rdf:resource", parent)])?;
        }
        if let Some(url) = it.access_link.as_deref().and_then(as_iri) {
            self.start("dcat:distribution", &[])?;
            self.start("dcat:Distribution", &[])?;
            self.empty("dcat:accessURL", &[("rdf:resource", &url)])?;
            self.vi("dct:title", it.link_text.as_deref().unwrap_or(&it.title))?;
            self.end("dcat:Distribution")?;
            self.end("dcat:distribution")?;
        }
        self.end("dcat:Dataset")?;
        self.end("dcat:dataset")?;
        for (i, c) in it.children.iter().enumerate() {
            self.dataset(
                base,
                &format!("{path}.{}", i + 1),
                Some(&iri),
                c,
                has_publisher,
            )?;
        }
        Ok(())
    }
}

/// Write a disclosure catalog as DCAT-AP RDF/XML.
///
/// # Errors
/// [`DcatError`] when `out` fails.
///
/// ```
/// use tiepcan::model::{Agency, DisclosureCatalog, InformationItem, PartialDate};
/// use tiepcan::law::Art17Point;
/// let mut c = DisclosureCatalog::default();
/// c.header.agency = Some(Agency::named("Ủy ban nhân dân xã An Hòa"));
/// c.items.push(InformationItem {
///     title: "Dự toán ngân sách xã năm 2026".into(),
///     created_on: Some(PartialDate::Month { year: 2026, month: 1 }),
///     art17_point: Some(Art17Point::StateBudget),
///     access_link: Some("https://anhoa.example.vn/du-toan-2026.pdf".into()),
///     ..Default::default()
/// });
/// let mut out = Vec::new();
/// tiepcan::io::dcat::write_dcat_rdf(&c, &Default::default(), &mut out)?;
/// let rdf = String::from_utf8(out).unwrap();
/// assert!(rdf.contains(r#"<dct:issued rdf:datatype="http://www.w3.org/2001/XMLSchema#gYearMonth">2026-01</dct:issued>"#));
/// assert!(rdf.contains(r#"<dcat:accessURL rdf:resource="https://anhoa.example.vn/du-toan-2026.pdf"/>"#));
/// # Ok::<(), tiepcan::io::dcat::DcatError>(())
/// ```
pub fn write_dcat_rdf<O: Write>(
    catalog: &DisclosureCatalog,
    opts: &DcatOptions,
    out: O,
) -> Result<(), DcatError> {
    let mut w = W {
        w: Writer::new_with_indent(out, b' ', 2),
    };
    w.w.get_mut()
        .write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")?;
    w.start(
        "rdf:RDF",
        &[
            ("xmlns:rdf", RDF),
            ("xmlns:dcat", "http://www.w3.org/ns/dcat#"),
            ("xmlns:dct", "http://purl.org/dc/terms/"),
            ("xmlns:foaf", "http://xmlns.com/foaf/0.1/"),
            ("xmlns:skos", "http://www.w3.org/2004/02/skos/core#"),
        ],
    )?;
    let base = catalog_iri(catalog, opts);
    let h = &catalog.header;
    w.start("dcat:Catalog", &[("rdf:about", &base)])?;
    w.vi(
        "dct:title",
        h.title
            .as_deref()
            .unwrap_or("Danh mục thông tin phải được công khai"),
    )?;
    if let Some(b) = &h.stated_basis {
        w.vi("dct:description", b)?;
    }
    if let Some(d) = h.issued_on {
        w.date("dct:issued", PartialDate::Day(d))?;
    }
    if let Some(d) = h.last_updated {
        w.date("dct:modified", PartialDate::Day(d))?;
    }
    if let Some(u) = h.published_at.as_deref().and_then(as_iri) {
        w.empty("foaf:homepage", &[("rdf:resource", &u)])?;
    }
    let has_publisher = h.agency.is_some();
    if let Some(a) = &h.agency {
        w.start("dct:publisher", &[])?;
        w.start("foaf:Agent", &[("rdf:nodeID", "publisher")])?;
        w.vi("foaf:name", &a.name)?;
        if let Some(c) = &a.code {
            w.lit("dct:identifier", &[], c.as_str())?;
        }
        if let Some(u) = a.portal_url.as_deref().and_then(as_iri) {
            w.empty("foaf:homepage", &[("rdf:resource", &u)])?;
        }
        if let Some(e) = a
            .email
            .as_deref()
            .map(str::trim)
            .filter(|e| e.contains('@'))
        {
            w.empty("foaf:mbox", &[("rdf:resource", &format!("mailto:{e}"))])?;
        }
        w.end("foaf:Agent")?;
        w.end("dct:publisher")?;
    }
    for (i, it) in catalog.items.iter().enumerate() {
        w.dataset(&base, &(i + 1).to_string(), None, it, has_publisher)?;
    }
    w.end("dcat:Catalog")?;
    w.end("rdf:RDF")?;
    w.w.get_mut().write_all(b"\n")?;
    Ok(())
}
