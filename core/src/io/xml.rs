//! The tiepcan XML format for the two catalogs: a streaming writer and a
//! streaming, bounded reader built on `quick-xml`.
//!
//! The schema is `schemas/catalog.xsd` (namespace [`NAMESPACE`],
//! `urn:tiepcan:catalog:1`); `docs/formats.md` shows a full example. The
//! layout mirrors the JSON model field for field (element names are the JSON
//! keys), so JSON → model → XML → model → JSON is lossless:
//!
//! ```text
//! <disclosure_catalog xmlns="urn:tiepcan:catalog:1">   (or <conditional_catalog>)
//!   <agency> name level? code? has_portal? portal_url? address? phone? fax?
//!            email? successor? area_class? </agency>?
//!   <title/>? <stated_basis/>? <issuing_decision>DOCREF</issuing_decision>?
//!   <issued_on>2026-01-02</issued_on>? <last_updated/>? <published_at/>?
//!   <compiled_by/>? <approved_by/>?
//!   <items>
//!     <item>                                 (disclosure catalog)
//!       seq? title number_symbol(DOCREF)? created_on? art17_point?
//!       <disclosure_forms><form>portal</form>…</disclosure_forms>?
//!       disclosure_time? disclosure_period? access_link? link_text?
//!       attachment? section? <children><item>…</item>…</children>?
//!       <unparsed><cell field="created_on">31/02/2019</cell>…</unparsed>?
//!       <extra><cell header="Cột lạ">…</cell>…</extra>?
//!       <source row="7"><column field="title">Tên văn bản</column>…</source>?
//!     </item>
//!     <item>                                 (conditional-access catalog)
//!       seq? title number_symbol? created_on? ground? consent_holder?
//!       consent_status? consent_document?
//!       <override_decision> decided_by decided_on? reason
//!                           <document>DOCREF</document>? </override_decision>?
//!       section? unparsed? extra? source?
//!     </item>
//!   </items>
//! </disclosure_catalog>
//! DOCREF = raw number? year? doc_type? issuer? unit?
//! ```
//!
//! An absent element is `None` (JSON `null`); an empty element is the empty
//! string. Text is kept exactly: no trimming and no Unicode normalisation (the
//! model stores NFC, and NFC text stays NFC); the writer escapes `&`, `<`,
//! `>` and carriage returns (`&#13;`, which XML parsers would otherwise turn
//! into line feeds), and in attributes also `"`, tab and line feed. Dates are
//! ISO (`2019-05-02`, `2019-05`, `2019`); enumerations use the JSON codes
//! (`portal`, `đ`, `17(2)`, `business_secret`).
//!
//! The reader is for untrusted input: it refuses a DOCTYPE (so no DTD, no
//! entity declarations, no "billion laughs"), refuses any entity other than
//! the five predefined ones and character references, and enforces
//! [`XmlLimits`] (input bytes, element depth, attributes per element, text
//! length). Every error carries the 1-based line and character column.
//! A value that does not parse inside an item (a date, an Art. 17 point, a
//! form code …) does not stop the read: it is kept in the item's `unparsed`
//! map. Dates and consent statuses are reported here (`R-READ-DATE`,
//! `R-READ-CELL`) with line, column and JSON pointer; legal classifications
//! that do not exist are left to the validator, which cites the law.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::Write;

use chrono::NaiveDate;
use quick_xml::events::{BytesEnd, BytesRef, BytesStart, BytesText, Event};
use quick_xml::{Reader, Writer, XmlVersion};
use serde::de::IntoDeserializer;
use serde::{Deserialize, Serialize};

use crate::model::parse_iso_date;
use crate::model::{
    Agency, Catalog, CatalogHeader, ConditionalAccessCatalog, ConditionalItem, DisclosureCatalog,
    DocumentRef, Field, InformationItem, IsoDateError, OverrideDecision, PartialDate, SourceSpan,
};
use crate::validate::{Diagnostic, Location, Message};

/// XML namespace of the catalog format.
pub const NAMESPACE: &str = "urn:tiepcan:catalog:1";

// ---------------------------------------------------------------------------
// Errors and limits
// ---------------------------------------------------------------------------

/// Bounds the reader enforces on untrusted input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct XmlLimits {
    /// Maximum input size in bytes (default 512 MiB).
    pub max_bytes: usize,
    /// Maximum element nesting depth, the root being depth 1 (default 40:
    /// items may nest children about 17 levels deep).
    pub max_depth: usize,
    /// Maximum number of attributes on one element, namespace declarations
    /// included (default 16).
    pub max_attributes: usize,
    /// Maximum length of one text value in bytes (default 1 MiB).
    pub max_text_len: usize,
}

impl Default for XmlLimits {
    fn default() -> Self {
        XmlLimits {
            max_bytes: 512 << 20,
            max_depth: 40,
            max_attributes: 16,
            max_text_len: 1 << 20,
        }
    }
}

/// What kind of problem stopped the XML reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XmlErrorKind {
    /// Not well-formed XML (or not UTF-8).
    Syntax,
    /// A DOCTYPE / DTD, or an entity other than the predefined ones.
    Dtd,
    /// A limit of [`XmlLimits`] was exceeded.
    Limit,
    /// Well-formed, but not the tiepcan layout (unknown or missing element).
    Structure,
    /// A value outside an item that cannot be read (e.g. `issued_on`).
    Value,
}

/// Why an XML catalog could not be read, with the 1-based line and
/// character column where it happened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {col}: {message}")]
pub struct XmlError {
    /// What kind of problem.
    pub kind: XmlErrorKind,
    /// Explanation, in English.
    pub message: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based character column.
    pub col: usize,
    /// Byte offset in the input.
    pub offset: usize,
    /// For [`XmlErrorKind::Limit`]: which limit, and what was found.
    pub limit: Option<LimitHit>,
}

/// Which limit of [`XmlLimits`] was exceeded, and by how much.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LimitHit {
    /// `"file size in bytes"`, `"element depth"`, `"attributes per element"`
    /// or `"text length in bytes"`.
    pub what: &'static str,
    /// The limit.
    pub limit: u64,
    /// What was found (at least).
    pub found: u64,
}

impl XmlError {
    /// The error as a diagnostic: `R-READ-LIMIT` for a limit, `R-READ-FILE`
    /// otherwise, located by line and column (and `file`, when given).
    pub fn to_diagnostic(&self, file: Option<&str>) -> Diagnostic {
        let (rule, vi) = match self.kind {
            XmlErrorKind::Limit => ("R-READ-LIMIT", "Tệp XML vượt giới hạn kích thước"),
            XmlErrorKind::Dtd => (
                "R-READ-FILE",
                "Tệp XML có DTD hoặc thực thể (entity) — không được chấp nhận",
            ),
            _ => ("R-READ-FILE", "Không đọc được tệp XML"),
        };
        let mut loc = Location {
            line: Some(self.line),
            col: Some(self.col),
            ..Location::default()
        };
        loc.file = file.map(str::to_string);
        Diagnostic::new(
            rule,
            loc,
            None,
            Message::new(
                format!(
                    "{vi}: {} (dòng {}, cột {})",
                    self.message, self.line, self.col
                ),
                format!("cannot read the XML file: {self}"),
            ),
        )
    }
}

/// Why a catalog could not be written as XML.
#[derive(Debug, thiserror::Error)]
pub enum XmlWriteError {
    /// The output failed.
    #[error("writing XML failed: {0}")]
    Io(#[from] std::io::Error),
    /// A text holds a character XML 1.0 cannot carry at all (a C0 control
    /// other than tab, line feed and carriage return, U+FFFE or U+FFFF).
    #[error("{pointer}: character U+{code:04X} cannot be written in XML 1.0")]
    InvalidChar {
        /// JSON pointer of the value.
        pointer: String,
        /// The code point.
        code: u32,
    },
}

/// 1-based line and character column of a byte offset.
pub fn line_col(src: &[u8], offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = &src[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let col = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, col)
}

/// [`line_col`] for offsets that mostly move forward, as a reader's
/// findings do: each call scans only the bytes since the previous one, so
/// locating every finding of a file costs one pass over it, not one pass
/// per finding. An earlier offset starts again from the beginning.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineCol {
    offset: usize,
    line: usize,
    col: usize,
}

impl Default for LineCol {
    fn default() -> Self {
        LineCol {
            offset: 0,
            line: 1,
            col: 1,
        }
    }
}

impl LineCol {
    /// Line and column (1-based, in characters) of `offset` in `src`.
    pub(crate) fn at(&mut self, src: &[u8], offset: usize) -> (usize, usize) {
        let offset = offset.min(src.len());
        if offset < self.offset {
            *self = LineCol::default();
        }
        let delta = &src[self.offset..offset];
        let chars = |b: &[u8]| String::from_utf8_lossy(b).chars().count();
        match delta.iter().rposition(|&b| b == b'\n') {
            Some(p) => {
                self.line += delta.iter().filter(|&&b| b == b'\n').count();
                self.col = chars(&delta[p + 1..]) + 1;
            }
            None => self.col += chars(delta),
        }
        self.offset = offset;
        (self.line, self.col)
    }
}

// ---------------------------------------------------------------------------
// Writer
// ---------------------------------------------------------------------------

fn is_xml_char(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// Escape text (or an attribute value) for the writer; `Err(c)` for a
/// character XML 1.0 cannot carry.
fn escape(s: &str, attr: bool) -> Result<Cow<'_, str>, char> {
    let needs = |b: u8| {
        matches!(b, b'&' | b'<' | b'>' | b'\r')
            || (attr && matches!(b, b'"' | b'\t' | b'\n'))
            || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
            || b == 0xEF
    };
    if !s.bytes().any(needs) {
        return Ok(Cow::Borrowed(s));
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            '"' if attr => out.push_str("&quot;"),
            '\t' if attr => out.push_str("&#9;"),
            '\n' if attr => out.push_str("&#10;"),
            c if !is_xml_char(c) => return Err(c),
            c => out.push(c),
        }
    }
    Ok(Cow::Owned(out))
}

/// The serde code of a unit enum variant (`"portal"`, `"business_secret"`).
pub(crate) fn code<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        other => unreachable!("enum codes serialise as strings, got {other:?}"),
    }
}

pub(crate) struct Out<W: Write> {
    pub(crate) w: Writer<W>,
    /// JSON pointer of the current item, for error messages.
    pub(crate) ptr: String,
}

pub(crate) type WResult = Result<(), XmlWriteError>;

impl<W: Write> Out<W> {
    fn invalid(&self, name: &str, c: char) -> XmlWriteError {
        XmlWriteError::InvalidChar {
            pointer: format!("{}/{}", self.ptr, name),
            code: c as u32,
        }
    }

    pub(crate) fn start(&mut self, name: &str, attrs: &[(&str, &str)]) -> WResult {
        let mut s = BytesStart::new(name);
        for (k, v) in attrs {
            let v = escape(v, true).map_err(|c| self.invalid(name, c))?;
            s.push_attribute(quick_xml::events::attributes::Attribute {
                key: quick_xml::name::QName(k),
                value: v,
            });
        }
        self.w.write_event(Event::Start(s))?;
        Ok(())
    }

    pub(crate) fn end(&mut self, name: &str) -> WResult {
        self.w.write_event(Event::End(BytesEnd::new(name)))?;
        Ok(())
    }

    fn leaf_attr(&mut self, name: &str, attrs: &[(&str, &str)], value: &str) -> WResult {
        if value.is_empty() {
            let mut s = BytesStart::new(name);
            for (k, v) in attrs {
                let v = escape(v, true).map_err(|c| self.invalid(name, c))?;
                s.push_attribute(quick_xml::events::attributes::Attribute {
                    key: quick_xml::name::QName(k),
                    value: v,
                });
            }
            self.w.write_event(Event::Empty(s))?;
            return Ok(());
        }
        self.start(name, attrs)?;
        let t = escape(value, false).map_err(|c| self.invalid(name, c))?;
        self.w
            .write_event(Event::Text(BytesText::from_escaped(t)))?;
        self.end(name)
    }

    pub(crate) fn leaf(&mut self, name: &str, value: &str) -> WResult {
        self.leaf_attr(name, &[], value)
    }

    pub(crate) fn opt(&mut self, name: &str, value: Option<&str>) -> WResult {
        match value {
            Some(v) => self.leaf(name, v),
            None => Ok(()),
        }
    }

    pub(crate) fn opt_display(
        &mut self,
        name: &str,
        value: Option<impl std::fmt::Display>,
    ) -> WResult {
        match value {
            Some(v) => self.leaf(name, &v.to_string()),
            None => Ok(()),
        }
    }

    fn doc_ref(&mut self, name: &str, r: &DocumentRef) -> WResult {
        self.start(name, &[])?;
        self.leaf("raw", &r.raw)?;
        self.opt("number", r.number.as_deref())?;
        self.opt_display("year", r.year)?;
        self.opt("doc_type", r.doc_type.as_deref())?;
        self.opt("issuer", r.issuer.as_deref())?;
        self.opt("unit", r.unit.as_deref())?;
        self.end(name)
    }

    fn header(&mut self, h: &CatalogHeader) -> WResult {
        if let Some(a) = &h.agency {
            self.start("agency", &[])?;
            self.leaf("name", &a.name)?;
            self.opt("level", a.level.as_ref().map(code).as_deref())?;
            self.opt("code", a.code.as_ref().map(|c| c.as_str()))?;
            self.opt_display("has_portal", a.has_portal)?;
            self.opt("portal_url", a.portal_url.as_deref())?;
            self.opt("address", a.address.as_deref())?;
            self.opt("phone", a.phone.as_deref())?;
            self.opt("fax", a.fax.as_deref())?;
            self.opt("email", a.email.as_deref())?;
            self.opt("successor", a.successor.as_deref())?;
            self.leaf("area_class", &code(&a.area_class))?;
            self.end("agency")?;
        }
        self.opt("title", h.title.as_deref())?;
        self.opt("stated_basis", h.stated_basis.as_deref())?;
        if let Some(r) = &h.issuing_decision {
            self.doc_ref("issuing_decision", r)?;
        }
        self.opt_display("issued_on", h.issued_on)?;
        self.opt_display("last_updated", h.last_updated)?;
        self.opt("published_at", h.published_at.as_deref())?;
        self.opt("compiled_by", h.compiled_by.as_deref())?;
        self.opt("approved_by", h.approved_by.as_deref())
    }

    fn tail(
        &mut self,
        unparsed: &BTreeMap<Field, String>,
        extra: &BTreeMap<String, String>,
        source: Option<&SourceSpan>,
    ) -> WResult {
        if !unparsed.is_empty() {
            self.start("unparsed", &[])?;
            for (f, v) in unparsed {
                self.leaf_attr("cell", &[("field", f.key())], v)?;
            }
            self.end("unparsed")?;
        }
        if !extra.is_empty() {
            self.start("extra", &[])?;
            for (k, v) in extra {
                self.leaf_attr("cell", &[("header", k)], v)?;
            }
            self.end("extra")?;
        }
        if let Some(s) = source {
            let row = s.row.to_string();
            if s.columns.is_empty() {
                self.w.write_event(Event::Empty(
                    BytesStart::new("source").with_attributes([("row", row.as_str())]),
                ))?;
            } else {
                self.start("source", &[("row", &row)])?;
                for (f, h) in &s.columns {
                    self.leaf_attr("column", &[("field", f.key())], h)?;
                }
                self.end("source")?;
            }
        }
        Ok(())
    }

    fn info_item(&mut self, it: &InformationItem) -> WResult {
        self.start("item", &[])?;
        self.opt("seq", it.seq.as_deref())?;
        self.leaf("title", &it.title)?;
        if let Some(r) = &it.number_symbol {
            self.doc_ref("number_symbol", r)?;
        }
        self.opt_display("created_on", it.created_on)?;
        self.opt("art17_point", it.art17_point.map(|p| p.code()))?;
        if !it.disclosure_forms.is_empty() {
            self.start("disclosure_forms", &[])?;
            for f in &it.disclosure_forms {
                self.leaf("form", &code(f))?;
            }
            self.end("disclosure_forms")?;
        }
        self.opt("disclosure_time", it.disclosure_time.as_deref())?;
        self.opt("disclosure_period", it.disclosure_period.as_deref())?;
        self.opt("access_link", it.access_link.as_deref())?;
        self.opt("link_text", it.link_text.as_deref())?;
        self.opt("attachment", it.attachment.as_deref())?;
        self.opt("section", it.section.as_deref())?;
        if !it.children.is_empty() {
            self.start("children", &[])?;
            let base = self.ptr.clone();
            for (i, c) in it.children.iter().enumerate() {
                self.ptr = format!("{base}/children/{i}");
                self.info_item(c)?;
            }
            self.ptr = base;
            self.end("children")?;
        }
        self.tail(&it.unparsed, &it.extra, it.source.as_ref())?;
        self.end("item")
    }

    fn cond_item(&mut self, it: &ConditionalItem) -> WResult {
        self.start("item", &[])?;
        self.opt("seq", it.seq.as_deref())?;
        self.leaf("title", &it.title)?;
        if let Some(r) = &it.number_symbol {
            self.doc_ref("number_symbol", r)?;
        }
        self.opt_display("created_on", it.created_on)?;
        self.opt("ground", it.ground.as_ref().map(code).as_deref())?;
        self.opt(
            "consent_holder",
            it.consent_holder.as_ref().map(code).as_deref(),
        )?;
        self.opt(
            "consent_status",
            it.consent_status.as_ref().map(code).as_deref(),
        )?;
        self.opt("consent_document", it.consent_document.as_deref())?;
        if let Some(o) = &it.override_decision {
            self.start("override_decision", &[])?;
            self.leaf("decided_by", &o.decided_by)?;
            self.opt_display("decided_on", o.decided_on)?;
            self.leaf("reason", &o.reason)?;
            if let Some(r) = &o.document {
                self.doc_ref("document", r)?;
            }
            self.end("override_decision")?;
        }
        self.opt("section", it.section.as_deref())?;
        self.tail(&it.unparsed, &it.extra, it.source.as_ref())?;
        self.end("item")
    }
}

/// Write a catalog as tiepcan XML (UTF-8, indented by two spaces).
///
/// # Errors
/// [`XmlWriteError::Io`] when `out` fails; [`XmlWriteError::InvalidChar`]
/// when a text holds a character XML 1.0 cannot represent (e.g. U+0001),
/// with the JSON pointer of the value.
///
/// ```
/// use tiepcan::model::{Catalog, DisclosureCatalog, InformationItem};
/// let mut c = DisclosureCatalog::default();
/// c.items.push(InformationItem { title: "Quyết định số 12 & 13".into(), ..Default::default() });
/// let mut out = Vec::new();
/// tiepcan::io::xml::write_catalog_xml(&Catalog::Disclosure(c), &mut out)?;
/// let xml = String::from_utf8(out).unwrap();
/// assert!(xml.contains("<title>Quyết định số 12 &amp; 13</title>"));
/// # Ok::<(), tiepcan::io::xml::XmlWriteError>(())
/// ```
pub fn write_catalog_xml<W: Write>(catalog: &Catalog, out: W) -> Result<(), XmlWriteError> {
    let mut o = Out {
        w: Writer::new_with_indent(out, b' ', 2),
        ptr: String::new(),
    };
    o.w.get_mut()
        .write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")?;
    let root = match catalog {
        Catalog::Disclosure(_) => "disclosure_catalog",
        Catalog::Conditional(_) => "conditional_catalog",
    };
    o.start(root, &[("xmlns", NAMESPACE)])?;
    o.header(catalog.header())?;
    o.start("items", &[])?;
    match catalog {
        Catalog::Disclosure(c) => {
            for (i, it) in c.items.iter().enumerate() {
                o.ptr = format!("/items/{i}");
                o.info_item(it)?;
            }
        }
        Catalog::Conditional(c) => {
            for (i, it) in c.items.iter().enumerate() {
                o.ptr = format!("/items/{i}");
                o.cond_item(it)?;
            }
        }
    }
    o.ptr.clear();
    o.end("items")?;
    o.end(root)?;
    o.w.get_mut().write_all(b"\n")?;
    Ok(())
}

/// [`write_catalog_xml`] into a `String`.
///
/// # Errors
/// As [`write_catalog_xml`] (never `Io`).
pub fn catalog_to_xml_string(catalog: &Catalog) -> Result<String, XmlWriteError> {
    let mut out = Vec::with_capacity(catalog.len() * 512 + 1024);
    write_catalog_xml(catalog, &mut out)?;
    Ok(String::from_utf8(out).expect("the writer emits UTF-8"))
}

// ---------------------------------------------------------------------------
// Reader
// ---------------------------------------------------------------------------
//
// Speed (BENCHMARKS.md, "XML"): events borrow from the input (slice reader,
// no buffer copies); whitespace between elements is skipped inside quick-xml
// while a container is read (`trim_text_start`, switched off while a leaf's
// text is read, so text stays exact), so it costs no event and no UTF-8
// check; a leaf's text is a `Cow` that borrows from the input unless it
// holds a reference, and codes, dates and numbers are parsed from it
// without a copy; an event's position is where its bytes sit in the input;
// JSON pointers are formatted only when a diagnostic or an error needs one.

pub(crate) enum Ev<'a> {
    Start(BytesStart<'a>),
    End,
    Text(Cow<'a, str>),
    Ref(BytesRef<'a>),
    Eof,
}

pub(crate) struct P<'a> {
    pub(crate) r: Reader<&'a [u8]>,
    pub(crate) src: &'a [u8],
    pub(crate) lim: XmlLimits,
    pub(crate) depth: usize,
    /// Byte offset where the last event started.
    pub(crate) pos: usize,
    pub(crate) diags: Vec<Diagnostic>,
    /// Where the last position asked for was, for [`P::line_col`].
    pub(crate) lc: std::cell::Cell<LineCol>,
}

pub(crate) type R<T> = Result<T, XmlError>;

pub(crate) fn local(s: &BytesStart<'_>) -> String {
    local_name(s).to_string()
}

/// The element name without its namespace prefix, as quick-xml's
/// `local_name` (after the first `:`), by an inline scan: names are short.
fn local_name<'s>(s: &'s BytesStart<'_>) -> &'s str {
    let n = s.name().into_inner();
    match n.bytes().position(|b| b == b':') {
        Some(i) => &n[i + 1..],
        None => n,
    }
}

/// The quick-xml reader every tiepcan XML format uses: events borrow from
/// `src`, empty elements come as a start and an end, end tags must match
/// their start tags, text is not trimmed. DOCTYPEs, entities and limits are
/// refused by [`P::raw`] and [`P::resolve_ref`].
pub(crate) fn xml_reader(src: &[u8]) -> Reader<&[u8]> {
    let mut r = Reader::from_reader(src);
    let c = r.config_mut();
    c.expand_empty_elements = true;
    c.check_end_names = true;
    c.trim_text(false);
    r
}

/// Checks made before parsing: the size limit, and UTF-16 refused. Returns
/// the input after a UTF-8 byte-order mark and the mark's length (add it to
/// an error's offset).
///
/// # Errors
/// [`XmlErrorKind::Limit`] over `limits.max_bytes`; [`XmlErrorKind::Syntax`]
/// for UTF-16.
pub(crate) fn check_input<'b>(
    bytes: &'b [u8],
    limits: &XmlLimits,
) -> Result<(&'b [u8], usize), XmlError> {
    if bytes.len() > limits.max_bytes {
        return Err(XmlError {
            kind: XmlErrorKind::Limit,
            message: format!(
                "the file has {} bytes, more than the limit of {}",
                bytes.len(),
                limits.max_bytes
            ),
            line: 1,
            col: 1,
            offset: 0,
            limit: Some(LimitHit {
                what: "file size in bytes",
                limit: limits.max_bytes as u64,
                found: bytes.len() as u64,
            }),
        });
    }
    if bytes.starts_with(&[0xFE, 0xFF]) || bytes.starts_with(&[0xFF, 0xFE]) {
        return Err(XmlError {
            kind: XmlErrorKind::Syntax,
            message: "the file is UTF-16; tiepcan XML is UTF-8".into(),
            line: 1,
            col: 1,
            offset: 0,
            limit: None,
        });
    }
    let bom = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    Ok((&bytes[bom..], bom))
}

fn is_xml_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// `2019-05-02`, `2019-05` or `2019` without the general parser (fast path).
fn iso_partial(v: &str) -> Option<PartialDate> {
    let b = v.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let d = b.get(r)?;
        if d.iter().all(u8::is_ascii_digit) {
            Some(d.iter().fold(0, |n, c| n * 10 + u32::from(c - b'0')))
        } else {
            None
        }
    };
    let year = num(0..4)? as i32;
    match b.len() {
        4 => Some(PartialDate::Year(year)),
        7 if b[4] == b'-' => {
            let month = num(5..7)?;
            (1..=12)
                .contains(&month)
                .then_some(PartialDate::Month { year, month })
        }
        10 if b[4] == b'-' && b[7] == b'-' => {
            NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?).map(PartialDate::Day)
        }
        _ => None,
    }
}

pub(crate) fn from_code<'de, T: Deserialize<'de>>(s: &'de str) -> Option<T> {
    let d: serde::de::value::StrDeserializer<'de, serde::de::value::Error> = s.into_deserializer();
    T::deserialize(d).ok()
}

/// JSON pointer of an item (`/items/3/children/1`), formatted only when a
/// diagnostic or an error needs it.
#[derive(Clone, Copy)]
enum Ptr<'p> {
    Item(usize),
    Child(&'p Ptr<'p>, usize),
}

impl std::fmt::Display for Ptr<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Ptr::Item(i) => write!(f, "/items/{i}"),
            Ptr::Child(p, i) => write!(f, "{p}/children/{i}"),
        }
    }
}

impl<'a> P<'a> {
    /// A reader over `src` (the input after [`check_input`]).
    pub(crate) fn new(src: &'a [u8], limits: &XmlLimits) -> Self {
        P {
            r: xml_reader(src),
            src,
            lim: *limits,
            depth: 0,
            pos: 0,
            diags: Vec::new(),
            lc: std::cell::Cell::new(LineCol::default()),
        }
    }

    /// Line and column of `at` (see [`LineCol`]: linear over a file).
    pub(crate) fn line_col(&self, at: usize) -> (usize, usize) {
        let mut lc = self.lc.get();
        let r = lc.at(self.src, at);
        self.lc.set(lc);
        r
    }

    pub(crate) fn err(
        &self,
        at: usize,
        kind: XmlErrorKind,
        message: impl Into<String>,
    ) -> XmlError {
        let (line, col) = self.line_col(at);
        XmlError {
            kind,
            message: message.into(),
            line,
            col,
            offset: at,
            limit: None,
        }
    }

    fn limit_err(&self, at: usize, hit: LimitHit, message: String) -> XmlError {
        XmlError {
            limit: Some(hit),
            ..self.err(at, XmlErrorKind::Limit, message)
        }
    }

    /// Where `s` starts in the input, less the `back` bytes of markup before
    /// it (`<`, `</`, `&`); `fallback` when `s` is not a part of the input.
    fn offset_of(&self, s: &str, back: usize, fallback: usize) -> usize {
        let o = (s.as_ptr() as usize).wrapping_sub(self.src.as_ptr() as usize);
        if o >= back && o <= self.src.len() {
            o - back
        } else {
            fallback
        }
    }

    /// `at`, moved past whitespace that the reader skipped.
    fn skip_space(&self, at: usize) -> usize {
        at + self
            .src
            .get(at..)
            .map_or(0, |r| r.iter().take_while(|&&b| is_xml_space(b)).count())
    }

    /// quick-xml found bytes that are not UTF-8 in the event that starts at
    /// `from`, but does not say where: the first such byte.
    fn not_utf8(&self, from: usize) -> XmlError {
        let rest = self.src.get(from..).unwrap_or_default();
        let at = from
            + std::str::from_utf8(rest)
                .err()
                .map_or(0, |e| e.valid_up_to());
        let byte = self.src.get(at).copied().unwrap_or_default();
        self.err(
            at,
            XmlErrorKind::Syntax,
            format!("byte 0x{byte:02X} is not UTF-8 here; tiepcan XML is UTF-8"),
        )
    }

    /// The next event, with the safety checks: element depth and attribute
    /// limits, DOCTYPE refused, encodings other than UTF-8 refused. Sets
    /// `self.pos` to where the event starts.
    ///
    /// This runs once per event (55 times per item of the benchmark): the
    /// error paths are kept out of it in cold functions, and it is inlined
    /// into its two hot callers, [`Self::child`] and [`Self::text_cow`].
    #[inline(always)]
    pub(crate) fn raw(&mut self) -> R<Ev<'a>> {
        loop {
            let before = self.r.buffer_position() as usize;
            self.pos = before;
            let ev = match self.r.read_event() {
                Ok(ev) => ev,
                Err(e) => return Err(self.read_error(e, before)),
            };
            match ev {
                Event::Start(s) => {
                    self.pos = self.offset_of(&s, 1, before);
                    self.depth += 1;
                    if self.depth > self.lim.max_depth {
                        return Err(self.depth_error());
                    }
                    if !s.attributes_raw().is_empty() {
                        self.check_attributes(&s)?;
                    }
                    return Ok(Ev::Start(s));
                }
                Event::End(e) => {
                    // The end of an expanded empty element is not in the
                    // input: it is where the reader stands.
                    self.pos = self.offset_of(&e, 2, before);
                    self.depth -= 1;
                    return Ok(Ev::End);
                }
                Event::Text(t) => {
                    self.pos = self.offset_of(&t, 0, before);
                    // Line ends are normalised (`xml10_content`) only when
                    // there is a carriage return. The scan has no early exit
                    // so that it is vectorised: cheaper than a memchr call
                    // for the usual short texts.
                    let cr = t.as_bytes().iter().fold(false, |cr, &b| cr | (b == b'\r'));
                    return Ok(Ev::Text(if cr {
                        t.xml10_content()
                    } else {
                        t.into_inner()
                    }));
                }
                Event::GeneralRef(r) => {
                    self.pos = self.offset_of(&r, 1, before);
                    return Ok(Ev::Ref(r));
                }
                Event::CData(t) => {
                    self.pos = self.skip_space(before);
                    return Ok(Ev::Text(t.xml10_content()));
                }
                Event::Comment(_) | Event::PI(_) => continue,
                Event::Decl(d) => {
                    self.pos = self.skip_space(before);
                    self.check_decl(&d)?;
                    continue;
                }
                Event::DocType(_) => {
                    self.pos = self.skip_space(before);
                    return Err(self.doctype_error());
                }
                // Not produced: expand_empty_elements is on. Refused rather
                // than trusted, so that no input can reach a panic.
                Event::Empty(_) => return Err(self.empty_event_error()),
                Event::Eof => {
                    self.pos = self.src.len();
                    return Ok(Ev::Eof);
                }
            }
        }
    }

    /// A quick-xml error for the event that starts at `before`.
    #[cold]
    #[inline(never)]
    fn read_error(&self, e: quick_xml::Error, before: usize) -> XmlError {
        match e {
            quick_xml::Error::Encoding(_) => self.not_utf8(before),
            e => {
                let at = self.r.error_position() as usize;
                self.err(at, XmlErrorKind::Syntax, e.to_string())
            }
        }
    }

    #[cold]
    #[inline(never)]
    fn depth_error(&self) -> XmlError {
        self.limit_err(
            self.pos,
            LimitHit {
                what: "element depth",
                limit: self.lim.max_depth as u64,
                found: self.depth as u64,
            },
            format!(
                "elements nest deeper than the limit of {} levels",
                self.lim.max_depth
            ),
        )
    }

    /// The attribute limit of a start tag that has attributes, counting
    /// what quick-xml's checked attribute iterator yields. A lone attribute
    /// (the usual case) is counted without the duplicate check, which
    /// allocates; one item cannot be a duplicate, so the count is the same.
    #[inline(never)]
    fn check_attributes(&self, s: &BytesStart<'_>) -> R<()> {
        let mut n = s.attributes().with_checks(false).count();
        if n > 1 {
            n = s.attributes().with_checks(true).count();
        }
        if n > self.lim.max_attributes {
            return Err(self.limit_err(
                self.pos,
                LimitHit {
                    what: "attributes per element",
                    limit: self.lim.max_attributes as u64,
                    found: n as u64,
                },
                format!(
                    "<{}> has {n} attributes, more than the limit of {}",
                    local(s),
                    self.lim.max_attributes
                ),
            ));
        }
        Ok(())
    }

    /// Only UTF-8 is accepted in the XML declaration.
    #[cold]
    #[inline(never)]
    fn check_decl(&self, d: &quick_xml::events::BytesDecl<'_>) -> R<()> {
        if let Some(Ok(enc)) = d.encoding() {
            if !enc.eq_ignore_ascii_case("utf-8") && !enc.eq_ignore_ascii_case("utf8") {
                return Err(self.err(
                    self.pos,
                    XmlErrorKind::Syntax,
                    format!("encoding {enc:?} is not supported; tiepcan XML is UTF-8"),
                ));
            }
        }
        Ok(())
    }

    /// A DOCTYPE is always refused: no DTD, no entity declarations.
    #[cold]
    #[inline(never)]
    fn doctype_error(&self) -> XmlError {
        self.err(
            self.pos,
            XmlErrorKind::Dtd,
            "a DOCTYPE declaration was found; tiepcan refuses DTDs and entity \
             declarations (they allow entity-expansion attacks)",
        )
    }

    #[cold]
    #[inline(never)]
    fn empty_event_error(&self) -> XmlError {
        self.err(
            self.pos,
            XmlErrorKind::Syntax,
            "unexpected empty-element event",
        )
    }

    pub(crate) fn resolve_ref(&self, r: &BytesRef<'_>) -> R<char> {
        if r.is_char_ref() {
            return match r.resolve_char_ref() {
                Ok(Some(c)) if is_xml_char(c) => Ok(c),
                _ => Err(self.err(
                    self.pos,
                    XmlErrorKind::Syntax,
                    format!("&{}; is not a character XML 1.0 allows", &**r),
                )),
            };
        }
        match quick_xml::escape::resolve_xml_entity(r) {
            Some(s) => Ok(s.chars().next().expect("predefined entities are one char")),
            None => Err(self.err(
                self.pos,
                XmlErrorKind::Dtd,
                format!(
                    "entity &{}; is not defined; only &amp; &lt; &gt; &apos; &quot; and \
                     character references are accepted",
                    &**r
                ),
            )),
        }
    }

    /// Next child element of the current container, or `None` at its end.
    /// Whitespace between elements is skipped; other text is an error.
    pub(crate) fn child(&mut self, parent: &str) -> R<Option<(BytesStart<'a>, usize)>> {
        // Skipped by quick-xml itself: no event, no UTF-8 check.
        self.r.config_mut().trim_text_start = true;
        loop {
            match self.raw()? {
                Ev::Start(s) => return Ok(Some((s, self.pos))),
                Ev::End => return Ok(None),
                Ev::Text(t) => {
                    if !t.bytes().all(is_xml_space) {
                        return Err(self.err(
                            self.pos,
                            XmlErrorKind::Structure,
                            format!("<{parent}> holds elements only, not text"),
                        ));
                    }
                }
                Ev::Ref(_) => {
                    return Err(self.err(
                        self.pos,
                        XmlErrorKind::Structure,
                        format!("<{parent}> holds elements only, not text"),
                    ))
                }
                Ev::Eof => {
                    return Err(self.err(
                        self.pos,
                        XmlErrorKind::Syntax,
                        format!("the file ends inside <{parent}>"),
                    ))
                }
            }
        }
    }

    /// The text of a leaf element, up to its end tag, exactly as written
    /// (line ends normalised as XML requires, references resolved).
    pub(crate) fn text(&mut self, name: &str) -> R<String> {
        Ok(self.text_cow(name)?.into_owned())
    }

    /// [`Self::text`], borrowed from the input when it holds no reference
    /// and no carriage return.
    pub(crate) fn text_cow(&mut self, name: &str) -> R<Cow<'a, str>> {
        self.r.config_mut().trim_text_start = false;
        let mut out = Cow::Borrowed("");
        loop {
            match self.raw()? {
                Ev::Text(t) => {
                    if out.is_empty() {
                        out = t;
                    } else {
                        out.to_mut().push_str(&t);
                    }
                }
                Ev::Ref(r) => {
                    let c = self.resolve_ref(&r)?;
                    out.to_mut().push(c);
                }
                Ev::End => return Ok(out),
                Ev::Start(s) => {
                    return Err(self.err(
                        self.pos,
                        XmlErrorKind::Structure,
                        format!("<{name}> holds text only, but <{}> was found", local(&s)),
                    ))
                }
                Ev::Eof => {
                    return Err(self.err(
                        self.pos,
                        XmlErrorKind::Syntax,
                        format!("the file ends inside <{name}>"),
                    ))
                }
            }
            if out.len() > self.lim.max_text_len {
                return Err(self.limit_err(
                    self.pos,
                    LimitHit {
                        what: "text length in bytes",
                        limit: self.lim.max_text_len as u64,
                        found: out.len() as u64,
                    },
                    format!(
                        "the text of <{name}> is longer than the limit of {} bytes",
                        self.lim.max_text_len
                    ),
                ));
            }
        }
    }

    pub(crate) fn attr(&self, s: &BytesStart<'_>, at: usize, key: &str) -> R<Option<String>> {
        Ok(self.attr_cow(s, at, key)?.map(Cow::into_owned))
    }

    fn attr_cow<'s>(&self, s: &'s BytesStart<'_>, at: usize, key: &str) -> R<Option<Cow<'s, str>>> {
        match s.try_get_attribute(key) {
            Ok(Some(a)) => match a.normalized_value(XmlVersion::Implicit1_0) {
                Ok(v) => Ok(Some(v)),
                Err(e) => Err(self.err(at, XmlErrorKind::Syntax, e.to_string())),
            },
            Ok(None) => Ok(None),
            Err(e) => Err(self.err(at, XmlErrorKind::Syntax, e.to_string())),
        }
    }

    fn need_attr<'s>(&self, s: &'s BytesStart<'_>, at: usize, key: &str) -> R<Cow<'s, str>> {
        self.attr_cow(s, at, key)?.ok_or_else(|| {
            self.err(
                at,
                XmlErrorKind::Structure,
                format!("<{}> needs the attribute {key}", local(s)),
            )
        })
    }

    fn unknown(&self, at: usize, name: &str, parent: &str) -> XmlError {
        self.err(
            at,
            XmlErrorKind::Structure,
            format!("unknown element <{name}> in <{parent}> (see schemas/catalog.xsd)"),
        )
    }

    fn dup(&self, at: usize, name: &str, parent: &str) -> XmlError {
        self.err(
            at,
            XmlErrorKind::Structure,
            format!("<{name}> appears twice in <{parent}>"),
        )
    }

    fn value_err(&self, at: usize, name: &str, v: &str, what: &str) -> XmlError {
        self.err(
            at,
            XmlErrorKind::Value,
            format!("<{name}> {v:?} is not {what}"),
        )
    }

    fn date(&mut self, name: &str, at: usize) -> R<NaiveDate> {
        let v = self.text_cow(name)?;
        parse_iso_date(v.trim()).map_err(|e| match e {
            IsoDateError::NotIso => self.value_err(at, name, &v, "an ISO date (2026-01-02)"),
            IsoDateError::DoesNotExist { year, month, day } => self.value_err(
                at,
                name,
                &v,
                &format!(
                    "a calendar date (day {day:02}, month {month:02}, year {year:04} does not exist)"
                ),
            ),
        })
    }

    fn doc_ref(&mut self, name: &str) -> R<DocumentRef> {
        let mut r = DocumentRef {
            raw: String::new(),
            number: None,
            year: None,
            doc_type: None,
            issuer: None,
            unit: None,
        };
        let mut raw = false;
        while let Some((s, at)) = self.child(name)? {
            let n = local_name(&s);
            macro_rules! once {
                ($slot:expr, $v:expr) => {{
                    if $slot.is_some() {
                        return Err(self.dup(at, n, name));
                    }
                    $slot = Some($v);
                }};
            }
            match n {
                "raw" => {
                    if raw {
                        return Err(self.dup(at, n, name));
                    }
                    r.raw = self.text(n)?;
                    raw = true;
                }
                "number" => once!(r.number, self.text(n)?),
                "year" => {
                    let v = self.text_cow(n)?;
                    let y = v
                        .parse::<u16>()
                        .map_err(|_| self.value_err(at, n, &v, "a year"))?;
                    once!(r.year, y)
                }
                "doc_type" => once!(r.doc_type, self.text(n)?),
                "issuer" => once!(r.issuer, self.text(n)?),
                "unit" => once!(r.unit, self.text(n)?),
                _ => return Err(self.unknown(at, n, name)),
            }
        }
        if !raw {
            return Err(self.err(
                self.pos,
                XmlErrorKind::Structure,
                format!("<{name}> needs a <raw> element"),
            ));
        }
        Ok(r)
    }

    fn agency(&mut self) -> R<Agency> {
        let mut a = Agency::default();
        let mut name = false;
        let mut area = false;
        const P: &str = "agency";
        while let Some((s, at)) = self.child(P)? {
            let n = local_name(&s);
            macro_rules! once {
                ($slot:expr, $v:expr) => {{
                    if $slot.is_some() {
                        return Err(self.dup(at, n, P));
                    }
                    $slot = Some($v);
                }};
            }
            match n {
                "name" => {
                    if name {
                        return Err(self.dup(at, n, P));
                    }
                    a.name = self.text(n)?;
                    name = true;
                }
                "level" => {
                    let v = self.text_cow(n)?;
                    let l = from_code(&v).ok_or_else(|| {
                        self.value_err(at, n, &v, "an agency level (ministry, province, …)")
                    })?;
                    once!(a.level, l)
                }
                "code" => {
                    let v = self.text_cow(n)?;
                    let c = crate::model::AgencyCode::parse(&v)
                        .map_err(|e| self.err(at, XmlErrorKind::Value, e.to_string()))?;
                    once!(a.code, c)
                }
                "has_portal" => {
                    let v = self.text_cow(n)?;
                    let b = match v.trim() {
                        "true" | "1" => true,
                        "false" | "0" => false,
                        _ => return Err(self.value_err(at, n, &v, "true or false")),
                    };
                    once!(a.has_portal, b)
                }
                "portal_url" => once!(a.portal_url, self.text(n)?),
                "address" => once!(a.address, self.text(n)?),
                "phone" => once!(a.phone, self.text(n)?),
                "fax" => once!(a.fax, self.text(n)?),
                "email" => once!(a.email, self.text(n)?),
                "successor" => once!(a.successor, self.text(n)?),
                "area_class" => {
                    if area {
                        return Err(self.dup(at, n, P));
                    }
                    let v = self.text_cow(n)?;
                    a.area_class = from_code(&v).ok_or_else(|| {
                        self.value_err(
                            at,
                            n,
                            &v,
                            "an area class (normal, difficult, especially_difficult)",
                        )
                    })?;
                    area = true;
                }
                _ => return Err(self.unknown(at, n, P)),
            }
        }
        if !name {
            return Err(self.err(
                self.pos,
                XmlErrorKind::Structure,
                "<agency> needs a <name> element",
            ));
        }
        Ok(a)
    }

    /// A header element; `Ok(false)` when `n` is not one.
    fn header_elem(&mut self, h: &mut CatalogHeader, n: &str, at: usize, root: &str) -> R<bool> {
        macro_rules! once {
            ($slot:expr, $v:expr) => {{
                if $slot.is_some() {
                    return Err(self.dup(at, n, root));
                }
                $slot = Some($v);
            }};
        }
        match n {
            "agency" => once!(h.agency, self.agency()?),
            "title" => once!(h.title, self.text(n)?),
            "stated_basis" => once!(h.stated_basis, self.text(n)?),
            "issuing_decision" => once!(h.issuing_decision, self.doc_ref(n)?),
            "issued_on" => once!(h.issued_on, self.date(n, at)?),
            "last_updated" => once!(h.last_updated, self.date(n, at)?),
            "published_at" => once!(h.published_at, self.text(n)?),
            "compiled_by" => once!(h.compiled_by, self.text(n)?),
            "approved_by" => once!(h.approved_by, self.text(n)?),
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Report a value kept in `unparsed`. Legal classifications that do not
    /// exist (an Art. 17 point, an Art. 18(1) form, an Art. 7 ground or
    /// consent holder) are only kept: the validator reports them with their
    /// citation (`R-ART17-POINT`, `R-CAT-FORM-ENUM`, `R-COND-HOLDER`), as for
    /// the other readers.
    fn bad_cell(&mut self, at: usize, ptr: Ptr<'_>, field: Field, value: &str, why: String) {
        if matches!(
            field,
            Field::Art17Point | Field::DisclosureForms | Field::Ground | Field::ConsentHolder
        ) {
            return;
        }
        let (line, col) = self.line_col(at);
        let rule = if field == Field::CreatedOn {
            "R-READ-DATE"
        } else {
            "R-READ-CELL"
        };
        self.diags.push(Diagnostic::new(
            rule,
            Location {
                column: Some(field.key().to_string()),
                pointer: Some(format!("{ptr}/{}", field.key())),
                line: Some(line),
                col: Some(col),
                ..Location::default()
            },
            Some(value.to_string()),
            Message::new(
                format!(
                    "Giá trị của <{}> không đọc được, được giữ nguyên trong unparsed: {why}",
                    field.key()
                ),
                format!(
                    "the value of <{}> cannot be read and is kept in unparsed: {why}",
                    field.key()
                ),
            ),
        ));
    }

    fn created_on(
        &mut self,
        at: usize,
        ptr: Ptr<'_>,
        unparsed: &mut BTreeMap<Field, String>,
    ) -> R<Option<PartialDate>> {
        let v = self.text_cow("created_on")?;
        match iso_partial(&v).map_or_else(|| PartialDate::parse(&v), Ok) {
            Ok(d) => Ok(Some(d)),
            Err(e) => {
                self.bad_cell(at, ptr, Field::CreatedOn, &v, e.to_string());
                unparsed.insert(Field::CreatedOn, v.into_owned());
                Ok(None)
            }
        }
    }

    /// An enumerated item field: parsed by its code, or kept in `unparsed`.
    fn item_code<T: for<'de> Deserialize<'de>>(
        &mut self,
        n: &str,
        at: usize,
        ptr: Ptr<'_>,
        field: Field,
        unparsed: &mut BTreeMap<Field, String>,
    ) -> R<Option<T>> {
        let v = self.text_cow(n)?;
        match from_code::<T>(&v) {
            Some(x) => Ok(Some(x)),
            None => {
                self.bad_cell(
                    at,
                    ptr,
                    field,
                    &v,
                    format!("{v:?} is not a code of schemas/catalog.xsd"),
                );
                unparsed.insert(field, v.into_owned());
                Ok(None)
            }
        }
    }

    /// `unparsed`, `extra`, `source`; `Ok(false)` when `n` is none of them.
    fn tail_elem(
        &mut self,
        n: &str,
        s: &BytesStart<'a>,
        at: usize,
        unparsed: &mut BTreeMap<Field, String>,
        extra: &mut BTreeMap<String, String>,
        source: &mut Option<SourceSpan>,
    ) -> R<bool> {
        match n {
            "unparsed" => {
                while let Some((c, cat)) = self.child(n)? {
                    if local_name(&c) != "cell" {
                        return Err(self.unknown(cat, &local(&c), n));
                    }
                    let f = self.need_attr(&c, cat, "field")?;
                    let field: Field = from_code(&f).ok_or_else(|| {
                        self.value_err(cat, "cell field", &f, "a field name (title, created_on, …)")
                    })?;
                    let v = self.text("cell")?;
                    unparsed.insert(field, v);
                }
            }
            "extra" => {
                while let Some((c, cat)) = self.child(n)? {
                    if local_name(&c) != "cell" {
                        return Err(self.unknown(cat, &local(&c), n));
                    }
                    let h = self.need_attr(&c, cat, "header")?.into_owned();
                    let v = self.text("cell")?;
                    if extra.insert(h, v).is_some() {
                        return Err(self.err(
                            cat,
                            XmlErrorKind::Structure,
                            "two <extra> cells have the same header",
                        ));
                    }
                }
            }
            "source" => {
                if source.is_some() {
                    return Err(self.dup(at, n, "item"));
                }
                let row = self.need_attr(s, at, "row")?;
                let row = row
                    .trim()
                    .parse::<usize>()
                    .map_err(|_| self.value_err(at, "source row", &row, "a row number"))?;
                let mut span = SourceSpan {
                    row,
                    columns: BTreeMap::new(),
                };
                while let Some((c, cat)) = self.child(n)? {
                    if local_name(&c) != "column" {
                        return Err(self.unknown(cat, &local(&c), n));
                    }
                    let f = self.need_attr(&c, cat, "field")?;
                    let field: Field = from_code(&f).ok_or_else(|| {
                        self.value_err(cat, "column field", &f, "a field name (title, …)")
                    })?;
                    let v = self.text("column")?;
                    span.columns.insert(field, v);
                }
                *source = Some(span);
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// One `<item>` of either catalog (its start tag was just read at
    /// `item_at`): the elements both kinds share are read here, the others
    /// by [`XmlItem::own`].
    fn item<T: XmlItem>(&mut self, ptr: Ptr<'_>, item_at: usize) -> R<T> {
        let mut it = T::default();
        let mut title = false;
        const P: &str = "item";
        while let Some((s, at)) = self.child(P)? {
            let n = local_name(&s);
            match n {
                "seq" => {
                    if it.seq().is_some() {
                        return Err(self.dup(at, n, P));
                    }
                    *it.seq() = Some(self.text(n)?);
                }
                "title" => {
                    if title {
                        return Err(self.dup(at, n, P));
                    }
                    *it.title() = self.text(n)?;
                    title = true;
                }
                "number_symbol" => {
                    if it.number_symbol().is_some() {
                        return Err(self.dup(at, n, P));
                    }
                    *it.number_symbol() = Some(self.doc_ref(n)?);
                }
                "created_on" => {
                    let d = self.created_on(at, ptr, it.tail().0)?;
                    if it.created_on().is_some() {
                        return Err(self.dup(at, n, P));
                    }
                    *it.created_on() = d;
                }
                "section" => {
                    if it.section().is_some() {
                        return Err(self.dup(at, n, P));
                    }
                    *it.section() = Some(self.text(n)?);
                }
                _ => {
                    if !it.own(self, n, at, ptr)? {
                        let (unparsed, extra, source) = it.tail();
                        if !self.tail_elem(n, &s, at, unparsed, extra, source)? {
                            return Err(self.unknown(at, n, P));
                        }
                    }
                }
            }
        }
        if !title {
            return Err(self.err(
                item_at,
                XmlErrorKind::Structure,
                format!("<item> {ptr} needs a <title> element"),
            ));
        }
        Ok(it)
    }

    /// The `<item>` elements of `<items>`, up to its end tag.
    fn items<T: XmlItem>(&mut self) -> R<Vec<T>> {
        let mut items = Vec::new();
        while let Some((c, cat)) = self.child("items")? {
            if local_name(&c) != "item" {
                return Err(self.unknown(cat, &local(&c), "items"));
            }
            let item = self.item(Ptr::Item(items.len()), cat)?;
            items.push(item);
        }
        Ok(items)
    }

    fn override_decision(&mut self) -> R<OverrideDecision> {
        const P: &str = "override_decision";
        let (mut by, mut reason, mut on, mut doc) = (None, None, None, None);
        while let Some((s, at)) = self.child(P)? {
            let n = local_name(&s);
            macro_rules! once {
                ($slot:expr, $v:expr) => {{
                    if $slot.is_some() {
                        return Err(self.dup(at, n, P));
                    }
                    $slot = Some($v);
                }};
            }
            match n {
                "decided_by" => once!(by, self.text(n)?),
                "decided_on" => once!(on, self.date(n, at)?),
                "reason" => once!(reason, self.text(n)?),
                "document" => once!(doc, self.doc_ref(n)?),
                _ => return Err(self.unknown(at, n, P)),
            }
        }
        match (by, reason) {
            (Some(decided_by), Some(reason)) => Ok(OverrideDecision {
                decided_by,
                decided_on: on,
                reason,
                document: doc,
            }),
            _ => Err(self.err(
                self.pos,
                XmlErrorKind::Structure,
                "<override_decision> needs <decided_by> and <reason>",
            )),
        }
    }

    fn document(&mut self) -> R<Catalog> {
        // Root element.
        let (root, at) = loop {
            match self.raw()? {
                Ev::Start(s) => break (s, self.pos),
                Ev::Text(t) if t.trim().is_empty() => continue,
                Ev::Eof => {
                    return Err(self.err(self.pos, XmlErrorKind::Structure, "the file is empty"))
                }
                _ => {
                    return Err(self.err(
                        self.pos,
                        XmlErrorKind::Syntax,
                        "text before the root element",
                    ))
                }
            }
        };
        let name = local(&root);
        let disclosure = match name.as_str() {
            "disclosure_catalog" => true,
            "conditional_catalog" => false,
            _ => {
                return Err(self.err(
                    at,
                    XmlErrorKind::Structure,
                    format!(
                        "the root element is <{name}>; expected <disclosure_catalog> or \
                         <conditional_catalog> in namespace {NAMESPACE}"
                    ),
                ))
            }
        };
        let qname = root.name();
        let ns_attr = match qname.prefix() {
            Some(p) => format!("xmlns:{}", p.as_ref()),
            None => "xmlns".to_string(),
        };
        let ns = self.attr(&root, at, &ns_attr)?;
        if ns.as_deref() != Some(NAMESPACE) {
            return Err(self.err(
                at,
                XmlErrorKind::Structure,
                format!(
                    "<{name}> is in namespace {:?}; expected {NAMESPACE}",
                    ns.unwrap_or_default()
                ),
            ));
        }
        let mut header = CatalogHeader::default();
        let mut catalog = None;
        while let Some((s, at)) = self.child(&name)? {
            let n = local_name(&s);
            if n == "items" {
                if catalog.is_some() {
                    return Err(self.dup(at, n, &name));
                }
                catalog = Some(if disclosure {
                    Catalog::Disclosure(DisclosureCatalog {
                        header: CatalogHeader::default(),
                        items: self.items()?,
                    })
                } else {
                    Catalog::Conditional(ConditionalAccessCatalog {
                        header: CatalogHeader::default(),
                        items: self.items()?,
                    })
                });
            } else if !self.header_elem(&mut header, n, at, &name)? {
                return Err(self.unknown(at, n, &name));
            }
        }
        let Some(mut catalog) = catalog else {
            return Err(self.err(
                at,
                XmlErrorKind::Structure,
                format!("<{name}> needs an <items> element"),
            ));
        };
        loop {
            match self.raw()? {
                Ev::Eof => break,
                Ev::Text(t) if t.trim().is_empty() => continue,
                _ => {
                    return Err(self.err(
                        self.pos,
                        XmlErrorKind::Syntax,
                        "content after the root element",
                    ))
                }
            }
        }
        match &mut catalog {
            Catalog::Disclosure(c) => c.header = header,
            Catalog::Conditional(c) => c.header = header,
        }
        Ok(catalog)
    }
}

/// The two item kinds, for [`P::item`]: access to the elements both have,
/// and the reading of the elements only one has.
trait XmlItem: Default {
    fn seq(&mut self) -> &mut Option<String>;
    fn title(&mut self) -> &mut String;
    fn number_symbol(&mut self) -> &mut Option<DocumentRef>;
    fn created_on(&mut self) -> &mut Option<PartialDate>;
    fn section(&mut self) -> &mut Option<String>;
    /// `unparsed`, `extra` and `source`.
    #[allow(clippy::type_complexity)]
    fn tail(
        &mut self,
    ) -> (
        &mut BTreeMap<Field, String>,
        &mut BTreeMap<String, String>,
        &mut Option<SourceSpan>,
    );
    /// Read element `n` (its start tag was just read at `at`) if only this
    /// kind has it; `Ok(false)` otherwise.
    fn own(&mut self, p: &mut P<'_>, n: &str, at: usize, ptr: Ptr<'_>) -> R<bool>;
}

macro_rules! shared_fields {
    () => {
        fn seq(&mut self) -> &mut Option<String> {
            &mut self.seq
        }
        fn title(&mut self) -> &mut String {
            &mut self.title
        }
        fn number_symbol(&mut self) -> &mut Option<DocumentRef> {
            &mut self.number_symbol
        }
        fn created_on(&mut self) -> &mut Option<PartialDate> {
            &mut self.created_on
        }
        fn section(&mut self) -> &mut Option<String> {
            &mut self.section
        }
        fn tail(
            &mut self,
        ) -> (
            &mut BTreeMap<Field, String>,
            &mut BTreeMap<String, String>,
            &mut Option<SourceSpan>,
        ) {
            (&mut self.unparsed, &mut self.extra, &mut self.source)
        }
    };
}

impl XmlItem for InformationItem {
    shared_fields!();

    fn own(&mut self, p: &mut P<'_>, n: &str, at: usize, ptr: Ptr<'_>) -> R<bool> {
        const PARENT: &str = "item";
        macro_rules! once {
            ($slot:expr, $v:expr) => {{
                if $slot.is_some() {
                    return Err(p.dup(at, n, PARENT));
                }
                $slot = $v;
            }};
        }
        match n {
            "art17_point" => {
                let v = p.text_cow(n)?;
                let code = crate::law::Art17Point::CLAUSE_1
                    .into_iter()
                    .chain([crate::law::Art17Point::Art17Clause2])
                    .find(|c| c.code() == v);
                match code.map_or_else(|| crate::law::Art17Point::parse(&v), Ok) {
                    Ok(c) => once!(self.art17_point, Some(c)),
                    Err(e) => {
                        p.bad_cell(at, ptr, Field::Art17Point, &v, e.to_string());
                        self.unparsed.insert(Field::Art17Point, v.into_owned());
                    }
                }
            }
            "disclosure_forms" => {
                if !self.disclosure_forms.is_empty() {
                    return Err(p.dup(at, n, PARENT));
                }
                let mut bad = Vec::new();
                while let Some((c, cat)) = p.child(n)? {
                    if local_name(&c) != "form" {
                        return Err(p.unknown(cat, &local(&c), n));
                    }
                    let v = p.text_cow("form")?;
                    match from_code(&v) {
                        Some(f) => self.disclosure_forms.push(f),
                        None => bad.push((cat, v)),
                    }
                }
                if !bad.is_empty() {
                    let all: Vec<&str> = bad.iter().map(|(_, v)| v.as_ref()).collect();
                    let joined = all.join("; ");
                    p.bad_cell(
                        bad[0].0,
                        ptr,
                        Field::DisclosureForms,
                        &joined,
                        "not a form code of Art. 18(1) (portal, mass_media, official_gazette, \
                         posting, reception_press_spokesperson, other)"
                            .to_string(),
                    );
                    self.unparsed.insert(Field::DisclosureForms, joined);
                }
            }
            "disclosure_time" => once!(self.disclosure_time, Some(p.text(n)?)),
            "disclosure_period" => once!(self.disclosure_period, Some(p.text(n)?)),
            "access_link" => once!(self.access_link, Some(p.text(n)?)),
            "link_text" => once!(self.link_text, Some(p.text(n)?)),
            "attachment" => once!(self.attachment, Some(p.text(n)?)),
            "children" => {
                if !self.children.is_empty() {
                    return Err(p.dup(at, n, PARENT));
                }
                while let Some((c, cat)) = p.child(n)? {
                    if local_name(&c) != "item" {
                        return Err(p.unknown(cat, &local(&c), n));
                    }
                    let child = p.item(Ptr::Child(&ptr, self.children.len()), cat)?;
                    self.children.push(child);
                }
            }
            _ => return Ok(false),
        }
        Ok(true)
    }
}

impl XmlItem for ConditionalItem {
    shared_fields!();

    fn own(&mut self, p: &mut P<'_>, n: &str, at: usize, ptr: Ptr<'_>) -> R<bool> {
        const PARENT: &str = "item";
        macro_rules! once {
            ($slot:expr, $v:expr) => {{
                if $slot.is_some() {
                    return Err(p.dup(at, n, PARENT));
                }
                $slot = $v;
            }};
        }
        match n {
            "ground" => {
                let g = p.item_code(n, at, ptr, Field::Ground, &mut self.unparsed)?;
                once!(self.ground, g)
            }
            "consent_holder" => {
                let g = p.item_code(n, at, ptr, Field::ConsentHolder, &mut self.unparsed)?;
                once!(self.consent_holder, g)
            }
            "consent_status" => {
                let g = p.item_code(n, at, ptr, Field::ConsentStatus, &mut self.unparsed)?;
                once!(self.consent_status, g)
            }
            "consent_document" => once!(self.consent_document, Some(p.text(n)?)),
            "override_decision" => {
                let o = p.override_decision()?;
                once!(self.override_decision, Some(o))
            }
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// Read a tiepcan XML catalog (either root element) from UTF-8 bytes.
///
/// Returns the catalog and the diagnostics for item values that could not be
/// read (each kept in the item's `unparsed` map, so nothing is lost).
///
/// # Errors
/// [`XmlError`] with line and column when the bytes are not well-formed
/// UTF-8 XML, hold a DOCTYPE or an undefined entity, exceed `limits`, or do
/// not follow `schemas/catalog.xsd` (unknown element, missing `<title>` …).
/// Use [`XmlError::to_diagnostic`] to report it like other reading problems.
///
/// ```
/// use tiepcan::io::xml::{read_catalog_xml, XmlLimits};
/// let xml = r#"<disclosure_catalog xmlns="urn:tiepcan:catalog:1"><items>
///   <item><title>Dự toán ngân sách năm 2026</title><created_on>31/02/2026</created_on>
///   <art17_point>đ</art17_point></item></items></disclosure_catalog>"#;
/// let (catalog, diags) = read_catalog_xml(xml.as_bytes(), &XmlLimits::default())?;
/// assert_eq!(catalog.len(), 1);
/// assert_eq!(diags[0].rule, "R-READ-DATE");
/// assert_eq!((diags[0].location.line, diags[0].location.col), (Some(2), Some(50)));
///
/// let bomb = r#"<!DOCTYPE x [<!ENTITY a "aaaa">]><disclosure_catalog/>"#;
/// assert!(read_catalog_xml(bomb.as_bytes(), &XmlLimits::default()).is_err());
/// # Ok::<(), tiepcan::io::xml::XmlError>(())
/// ```
pub fn read_catalog_xml(
    bytes: &[u8],
    limits: &XmlLimits,
) -> Result<(Catalog, Vec<Diagnostic>), XmlError> {
    let (src, bom) = check_input(bytes, limits)?;
    let mut p = P::new(src, limits);
    match p.document() {
        Ok(c) => Ok((c, p.diags)),
        Err(mut e) => {
            e.offset += bom;
            Err(e)
        }
    }
}

/// The [`super::read_catalog_bytes`] entry for [`super::Format::Xml`]:
/// `opts.max_bytes` bounds the input and `opts.max_cell_chars` (× 4 bytes)
/// each text; depth and attribute limits are [`XmlLimits::default`].
pub(crate) fn read(
    bytes: &[u8],
    opts: &super::ReadOptions,
) -> Result<super::ReadOutcome, super::ReadError> {
    let limits = XmlLimits {
        max_bytes: usize::try_from(opts.max_bytes).unwrap_or(usize::MAX),
        max_text_len: opts.max_cell_chars.saturating_mul(4),
        ..XmlLimits::default()
    };
    match read_catalog_xml(bytes, &limits) {
        Ok((catalog, diagnostics)) => {
            if let Some(kind) = opts.kind {
                if kind != catalog.kind() {
                    return Err(super::ReadError::Unreadable {
                        message: format!(
                            "the XML holds a {} catalog, but a {} catalog was asked for",
                            catalog.kind().code(),
                            kind.code()
                        ),
                        line: Some(1),
                        column: None,
                        pointer: None,
                    });
                }
            }
            Ok(super::ReadOutcome {
                catalog,
                diagnostics,
                rows: 0,
            })
        }
        Err(e) => Err(match e.limit {
            Some(hit) => super::ReadError::TooLarge {
                what: hit.what,
                limit: hit.limit,
                found: hit.found,
                row: None,
            },
            None => super::ReadError::Unreadable {
                message: e.message,
                line: Some(e.line),
                column: Some(e.col),
                pointer: None,
            },
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The incremental position agrees with the scan from the start, going
    /// forward, standing still and going back, across multi-byte text.
    #[test]
    fn line_col_incremental_agrees_with_full_scan() {
        let src = "<a>\n  <b>Quyết định</b>\r\n<c>Đầu mối ệ ự</c>\n\n<d/>".as_bytes();
        let mut offsets: Vec<usize> = (0..=src.len())
            .filter(|&i| i == src.len() || (src[i] & 0xC0) != 0x80)
            .collect();
        offsets.extend([30, 30, 5, 0, src.len(), 12]);
        let mut lc = LineCol::default();
        for o in offsets {
            assert_eq!(lc.at(src, o), line_col(src, o), "offset {o}");
        }
    }

    fn read(xml: &[u8]) -> Result<(Catalog, Vec<Diagnostic>), XmlError> {
        read_catalog_xml(xml, &XmlLimits::default())
    }

    const HEAD: &str = "<disclosure_catalog xmlns=\"urn:tiepcan:catalog:1\"><items>\n";

    #[test]
    fn a_byte_that_is_not_utf8_is_located_exactly() {
        // Line 2, after "<item><title>Ng" (15 characters): 0xFF.
        let mut xml = format!("{HEAD}<item><title>Ng").into_bytes();
        xml.push(0xFF);
        xml.extend_from_slice(b"n</title></item></items></disclosure_catalog>");
        let e = read(&xml).unwrap_err();
        assert_eq!(e.kind, XmlErrorKind::Syntax);
        assert_eq!((e.line, e.col, e.offset), (2, 16, HEAD.len() + 15));
        assert!(e.message.contains("0xFF"), "{e}");
        // After a byte-order mark the offset counts the mark.
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(&xml);
        assert_eq!(read(&bom).unwrap_err().offset, HEAD.len() + 18);
    }

    #[test]
    fn text_in_a_container_is_located_at_the_text() {
        let xml =
            format!("{HEAD}  <item><title>a</title>\n    x</item></items></disclosure_catalog>");
        let e = read(xml.as_bytes()).unwrap_err();
        assert_eq!((e.kind, e.line, e.col), (XmlErrorKind::Structure, 3, 5));
        assert!(e.message.contains("<item> holds elements only"), "{e}");
    }

    #[test]
    fn whitespace_skipping_between_elements_keeps_leaf_text_exact() {
        let xml = format!(
            "{HEAD}  <item>\n    <title>  Ngân sách \n</title>\n    <seq> </seq>\n    <section/>\n  </item>\n</items></disclosure_catalog>\n"
        );
        let (c, d) = read(xml.as_bytes()).unwrap();
        assert!(d.is_empty());
        let Catalog::Disclosure(c) = c else {
            panic!("disclosure")
        };
        let it = &c.items[0];
        assert_eq!(it.title, "  Ngân sách \n");
        assert_eq!(it.seq.as_deref(), Some(" "));
        assert_eq!(it.section.as_deref(), Some(""));
    }

    #[test]
    fn item_pointers_are_formatted_for_nested_children() {
        let xml = format!(
            "{HEAD}<item><title>a</title></item><item><title>b</title><children>\
             <item><title>c</title><created_on>31/02/2019</created_on></item>\
             </children></item></items></disclosure_catalog>"
        );
        let (_, d) = read(xml.as_bytes()).unwrap();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].rule, "R-READ-DATE");
        assert_eq!(
            d[0].location.pointer.as_deref(),
            Some("/items/1/children/0/created_on")
        );
    }
}
