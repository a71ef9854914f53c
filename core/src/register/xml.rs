//! The tiepcan XML format for the request register (sổ theo dõi): a
//! streaming writer and a streaming, bounded reader built on `quick-xml`.
//!
//! The schema is `schemas/register.xsd` (namespace [`NAMESPACE`],
//! `urn:tiepcan:register:1`); `docs/register.md` documents every element.
//! The layout mirrors the JSON model (`schemas/register.schema.json`) field
//! for field — element names are the JSON keys, an event is an element named
//! after its `kind` — so JSON → model → XML → model → JSON is lossless:
//!
//! ```text
//! <register xmlns="urn:tiepcan:register:1">
//!   <agency> name level? code? has_portal? portal_url? address? phone? fax?
//!            email? successor? area_class? </agency>?
//!   <requests>
//!     <request>
//!       id channel
//!       <slip> form name address id_number contact? information document
//!              form_of_provision reason_purpose capacity acting_for?
//!              foreign_resident organisation?
//!              <requester_list><requester> name id_number reason_purpose
//!              </requester>…</requester_list>?
//!              conditional? consent? head_decision? provision_case? </slip>
//!       <events>
//!         <received> date document? </received>
//!         <guidance> date note? document? </guidance>
//!         <valid> date complexity reason? document? </valid>
//!         <handling_notice> date time_limit? place? form? cost_vnd
//!                           payment_deadline? document? </handling_notice>
//!         <paid> date amount_vnd document? </paid>
//!         <extended> date new_limit? reason? document? </extended>
//!         <refused> date <grounds><ground>provided_twice</ground>…</grounds>
//!                   reason document? </refused>
//!         <provided> date form? partial document? </provided>
//!         <transferred> date to? document? </transferred>
//!         <withdrawn>, <correction_claim>, <complaint>: date document?
//!       </events>
//!       recorded_state? prior_provisions legitimate_reason? note?
//!     </request>
//!   </requests>
//! </register>
//! ```
//!
//! An absent element is `None` (JSON `null` or no key); an empty element is
//! the empty string. Text is kept exactly: no trimming and no Unicode
//! normalisation (NFC text stays NFC, as in the catalog XML,
//! [`crate::io::xml`]). Dates are ISO (`2024-05-20`), amounts whole VND,
//! enumerations the JSON codes (`in_person`, `01a`, `provided_twice`).
//!
//! The reader is for untrusted input and shares the catalog reader's safety
//! code and [`XmlLimits`]: a DOCTYPE (DTD, entity declarations) is refused,
//! so is any entity other than the five predefined ones; input size, element
//! depth, attributes per element and text length are bounded. Errors that
//! stop the read ([`RegisterIoError::Xml`]) carry line and column. Everything
//! else is a record-level finding with line, column and JSON pointer, and
//! the read goes on — nothing is dropped silently:
//!
//! * a `<request>` without `<id>` (`R-READ-ROW`) or without a usable
//!   `<channel>` (`R-CHANNEL`) is not used;
//! * an event without a usable `<date>` (`R-READ-DATE`), a payment without
//!   its amount, or an element in `<events>`/`<requests>` that is no event /
//!   request (`R-READ-ROW`) is not used; the rest of the request is kept;
//! * a value that cannot be read (a code, a number, a yes/no, an optional
//!   date) is reported (`R-READ-CELL`, `R-READ-DATE`) with the value, and the
//!   field keeps its default;
//! * an element twice where once is expected: the first is kept, the second
//!   reported (`R-READ-CELL`; `R-READ-ROW` for a second `slip`, `events`,
//!   `requester_list`, `agency` or `requests`, which hold records); an
//!   unknown element is reported (`R-READ-STRUCTURE`, info) and skipped.

use std::io::Write;

use chrono::NaiveDate;
use quick_xml::Writer;
use serde::Deserialize;

use crate::io::xml::{
    check_input, code, from_code, local, Ev, Out, WResult, XmlError, XmlErrorKind, XmlLimits,
    XmlWriteError, P, R,
};
use crate::law::{Channel, LegalForm, RefusalGround};
use crate::model::{parse_iso_date, Agency, AgencyCode};
use crate::validate::{Diagnostic, Location, Message};

use super::io::{Loaded, RegisterIoError};
use super::lifecycle::{Complexity, Event, EventKind, Request};
use super::slip::{ListedRequester, RequestSlip};
use super::Register;

/// XML namespace of the register format.
pub const NAMESPACE: &str = "urn:tiepcan:register:1";

/// Event element names, in the order of the lifecycle table
/// (`docs/register.md`): the JSON `kind` codes.
pub const EVENT_ELEMENTS: [&str; 12] = [
    "received",
    "guidance",
    "valid",
    "handling_notice",
    "paid",
    "extended",
    "provided",
    "refused",
    "transferred",
    "withdrawn",
    "correction_claim",
    "complaint",
];

// ---------------------------------------------------------------------------
// Writer
// ---------------------------------------------------------------------------

fn agency<W: Write>(o: &mut Out<W>, a: &Agency) -> WResult {
    o.start("agency", &[])?;
    o.leaf("name", &a.name)?;
    o.opt("level", a.level.as_ref().map(code).as_deref())?;
    o.opt("code", a.code.as_ref().map(|c| c.as_str()))?;
    o.opt_display("has_portal", a.has_portal)?;
    o.opt("portal_url", a.portal_url.as_deref())?;
    o.opt("address", a.address.as_deref())?;
    o.opt("phone", a.phone.as_deref())?;
    o.opt("fax", a.fax.as_deref())?;
    o.opt("email", a.email.as_deref())?;
    o.opt("successor", a.successor.as_deref())?;
    o.leaf("area_class", &code(&a.area_class))?;
    o.end("agency")
}

fn slip<W: Write>(o: &mut Out<W>, s: &RequestSlip) -> WResult {
    o.start("slip", &[])?;
    o.leaf("form", &code(&s.form))?;
    o.leaf("name", &s.name)?;
    o.leaf("address", &s.address)?;
    o.leaf("id_number", &s.id_number)?;
    o.opt("contact", s.contact.as_deref())?;
    o.leaf("information", &s.information)?;
    o.leaf("document", &s.document)?;
    o.leaf("form_of_provision", &s.form_of_provision)?;
    o.leaf("reason_purpose", &s.reason_purpose)?;
    o.leaf("capacity", s.capacity.code())?;
    o.opt("acting_for", s.acting_for.as_deref())?;
    o.leaf("foreign_resident", &s.foreign_resident.to_string())?;
    o.opt("organisation", s.organisation.as_deref())?;
    if !s.requester_list.is_empty() {
        o.start("requester_list", &[])?;
        let base = o.ptr.clone();
        for (i, l) in s.requester_list.iter().enumerate() {
            o.ptr = format!("{base}/requester_list/{i}");
            o.start("requester", &[])?;
            o.leaf("name", &l.name)?;
            o.leaf("id_number", &l.id_number)?;
            o.leaf("reason_purpose", &l.reason_purpose)?;
            o.end("requester")?;
        }
        o.ptr = base;
        o.end("requester_list")?;
    }
    o.opt("conditional", s.conditional.as_ref().map(code).as_deref())?;
    o.opt("consent", s.consent.as_deref())?;
    o.opt("head_decision", s.head_decision.as_deref())?;
    o.opt(
        "provision_case",
        s.provision_case.as_ref().map(code).as_deref(),
    )?;
    o.end("slip")
}

fn event<W: Write>(o: &mut Out<W>, e: &Event) -> WResult {
    let name = e.kind.code();
    o.start(name, &[])?;
    o.leaf("date", &e.date.to_string())?;
    match &e.kind {
        EventKind::Received
        | EventKind::Withdrawn
        | EventKind::CorrectionClaim
        | EventKind::Complaint => {}
        EventKind::Guidance { note } => o.opt("note", note.as_deref())?,
        EventKind::Valid { complexity, reason } => {
            o.leaf("complexity", complexity.code())?;
            o.opt("reason", reason.as_deref())?;
        }
        EventKind::HandlingNotice {
            time_limit,
            place,
            form,
            cost_vnd,
            payment_deadline,
        } => {
            o.opt_display("time_limit", *time_limit)?;
            o.opt("place", place.as_deref())?;
            o.opt("form", form.as_deref())?;
            o.leaf("cost_vnd", &cost_vnd.to_string())?;
            o.opt_display("payment_deadline", *payment_deadline)?;
        }
        EventKind::Paid { amount_vnd } => o.leaf("amount_vnd", &amount_vnd.to_string())?,
        EventKind::Extended { new_limit, reason } => {
            o.opt_display("new_limit", *new_limit)?;
            o.opt("reason", reason.as_deref())?;
        }
        EventKind::Refused { grounds, reason } => {
            o.start("grounds", &[])?;
            for g in grounds {
                o.leaf("ground", &code(g))?;
            }
            o.end("grounds")?;
            o.leaf("reason", reason)?;
        }
        EventKind::Provided { form, partial } => {
            o.opt("form", form.as_deref())?;
            o.leaf("partial", &partial.to_string())?;
        }
        EventKind::Transferred { to } => o.opt("to", to.as_deref())?,
    }
    o.opt("document", e.document.as_deref())?;
    o.end(name)
}

fn request<W: Write>(o: &mut Out<W>, r: &Request) -> WResult {
    let base = o.ptr.clone();
    o.start("request", &[])?;
    o.leaf("id", &r.id)?;
    o.leaf("channel", r.channel.code())?;
    o.ptr = format!("{base}/slip");
    slip(o, &r.slip)?;
    o.start("events", &[])?;
    for (i, e) in r.events.iter().enumerate() {
        o.ptr = format!("{base}/events/{i}");
        event(o, e)?;
    }
    o.ptr = base;
    o.end("events")?;
    o.opt("recorded_state", r.recorded_state.map(|s| s.code()))?;
    o.leaf("prior_provisions", &r.prior_provisions.to_string())?;
    o.opt("legitimate_reason", r.legitimate_reason.as_deref())?;
    o.opt("note", r.note.as_deref())?;
    o.end("request")
}

/// Write a register as tiepcan XML (UTF-8, indented by two spaces), every
/// request and every event (unlike the register-book CSV layout, nothing
/// needs to be left out).
///
/// # Errors
/// [`XmlWriteError::Io`] when `out` fails; [`XmlWriteError::InvalidChar`]
/// when a text holds a character XML 1.0 cannot carry (e.g. U+0001), with
/// the JSON pointer of the value.
///
/// ```
/// use chrono::NaiveDate;
/// use tiepcan::law::Channel;
/// use tiepcan::register::{Event, EventKind, Register, Request};
/// let mut r = Request::new("01/2024", Channel::InPerson);
/// r.slip.name = "Nguyễn Thị Hoa".into();
/// r.events.push(Event::new(NaiveDate::from_ymd_opt(2024, 5, 20).unwrap(), EventKind::Received)
///     .with_document("01/PTN"));
/// let reg = Register { agency: None, requests: vec![r] };
/// let xml = tiepcan::register::xml::register_to_xml_string(&reg)?;
/// assert!(xml.contains("<register xmlns=\"urn:tiepcan:register:1\">"));
/// assert!(xml.contains("<name>Nguyễn Thị Hoa</name>"));
/// assert!(xml.contains("<received>\n          <date>2024-05-20</date>\n          <document>01/PTN</document>"));
/// # Ok::<(), tiepcan::io::xml::XmlWriteError>(())
/// ```
pub fn write_register_xml<W: Write>(reg: &Register, out: W) -> Result<(), XmlWriteError> {
    let mut o = Out {
        w: Writer::new_with_indent(out, b' ', 2),
        ptr: String::new(),
    };
    o.w.get_mut()
        .write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")?;
    o.start("register", &[("xmlns", NAMESPACE)])?;
    if let Some(a) = &reg.agency {
        o.ptr = "/agency".into();
        agency(&mut o, a)?;
    }
    o.start("requests", &[])?;
    for (i, r) in reg.requests.iter().enumerate() {
        o.ptr = format!("/requests/{i}");
        request(&mut o, r)?;
    }
    o.ptr.clear();
    o.end("requests")?;
    o.end("register")?;
    o.w.get_mut().write_all(b"\n")?;
    Ok(())
}

/// [`write_register_xml`] into a `String`.
///
/// # Errors
/// As [`write_register_xml`] (never `Io`).
pub fn register_to_xml_string(reg: &Register) -> Result<String, XmlWriteError> {
    let mut out = Vec::with_capacity(reg.requests.len() * 1024 + 512);
    write_register_xml(reg, &mut out)?;
    Ok(String::from_utf8(out).expect("the writer emits UTF-8"))
}

// ---------------------------------------------------------------------------
// Reader
// ---------------------------------------------------------------------------

/// Longest excerpt of a skipped element kept as a finding's value.
const EXCERPT_CHARS: usize = 200;

struct Rd<'a> {
    p: P<'a>,
    file: &'a str,
}

/// The fields an event element may hold, besides `date` and `document`.
fn event_fields(kind: &str) -> &'static [&'static str] {
    match kind {
        "guidance" => &["note"],
        "valid" => &["complexity", "reason"],
        "handling_notice" => &[
            "time_limit",
            "place",
            "form",
            "cost_vnd",
            "payment_deadline",
        ],
        "paid" => &["amount_vnd"],
        "extended" => &["new_limit", "reason"],
        "refused" => &["grounds", "reason"],
        "provided" => &["form", "partial"],
        "transferred" => &["to"],
        _ => &[],
    }
}

/// Parsed children of an event element.
#[derive(Default)]
struct EvFields {
    note: Option<String>,
    reason: Option<String>,
    complexity: Option<Complexity>,
    time_limit: Option<NaiveDate>,
    place: Option<String>,
    form: Option<String>,
    cost_vnd: Option<u64>,
    payment_deadline: Option<NaiveDate>,
    amount_vnd: Option<u64>,
    new_limit: Option<NaiveDate>,
    grounds: Vec<RefusalGround>,
    partial: Option<bool>,
    to: Option<String>,
}

/// Why `v` is not an ISO date, (Vietnamese, English): a date that does not
/// exist (`2024-02-30`) is told apart from text in another form.
fn not_a_date(v: &str) -> (String, String) {
    let t = v.trim();
    let b = t.as_bytes();
    let iso_shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if iso_shape {
        let (y, m, d) = (&t[..4], &t[5..7], &t[8..]);
        (
            format!("\"{v}\" không có trong lịch (ngày {d} tháng {m} năm {y})"),
            format!("{v:?} is not a calendar date (day {d}, month {m}, year {y} does not exist)"),
        )
    } else {
        (
            format!("\"{v}\" không phải ngày dạng 2024-05-20"),
            format!("{v:?} is not an ISO date (2024-05-20)"),
        )
    }
}

impl<'a> Rd<'a> {
    fn loc(&self, at: usize, ptr: &str, element: &str) -> Location {
        let (line, col) = self.p.line_col(at);
        Location {
            file: Some(self.file.to_string()),
            row: None,
            column: Some(element.to_string()),
            pointer: Some(ptr.to_string()),
            line: Some(line),
            col: Some(col),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn report(
        &mut self,
        rule: &str,
        at: usize,
        ptr: &str,
        element: &str,
        value: Option<String>,
        vi: String,
        en: String,
    ) {
        let loc = self.loc(at, ptr, element);
        self.p
            .diags
            .push(Diagnostic::new(rule, loc, value, Message::new(vi, en)));
    }

    /// Consume the rest of an element whose start was just read; its text
    /// (shortened) for a finding. Entities inside are still checked.
    fn skip(&mut self) -> R<String> {
        let mut level = 0usize;
        let mut text = String::new();
        let keep = |t: &str, text: &mut String| {
            let have = text.chars().count();
            if have < EXCERPT_CHARS {
                text.extend(t.chars().take(EXCERPT_CHARS - have));
            }
        };
        loop {
            match self.p.raw()? {
                Ev::Start(_) => level += 1,
                Ev::End => {
                    if level == 0 {
                        return Ok(text.trim().to_string());
                    }
                    level -= 1;
                }
                Ev::Text(t) => keep(&t, &mut text),
                Ev::Ref(r) => {
                    let c = self.p.resolve_ref(&r)?;
                    keep(c.encode_utf8(&mut [0; 4]), &mut text);
                }
                Ev::Eof => {
                    return Err(self.p.err(
                        self.p.pos,
                        XmlErrorKind::Syntax,
                        "the file ends inside an element",
                    ))
                }
            }
        }
    }

    /// An element that is not part of the layout here: reported
    /// (`R-READ-STRUCTURE`, info) and skipped.
    fn unknown(&mut self, at: usize, ptr: &str, name: &str, parent: &str) -> R<()> {
        let v = self.skip()?;
        self.report(
            "R-READ-STRUCTURE",
            at,
            &format!("{ptr}/{name}"),
            name,
            (!v.is_empty()).then_some(v),
            format!("Phần tử <{name}> không thuộc mẫu <{parent}> (schemas/register.xsd); bỏ qua"),
            format!("unknown element <{name}> in <{parent}> (see schemas/register.xsd); ignored"),
        );
        Ok(())
    }

    /// The next child element of `parent` whose name was not seen before
    /// in it, with its position; a repeated one is reported (the first is
    /// kept) and skipped.
    fn next_new(
        &mut self,
        parent: &str,
        ptr: &str,
        seen: &mut Vec<String>,
    ) -> R<Option<(String, usize)>> {
        while let Some((st, at)) = self.p.child(parent)? {
            let n = local(&st);
            if seen.contains(&n) {
                self.duplicate(at, ptr, &n, parent)?;
                continue;
            }
            seen.push(n.clone());
            return Ok(Some((n, at)));
        }
        Ok(None)
    }

    /// A second element where one is expected: the first is kept. A second
    /// list of records (`slip`, `events`, `requester_list`, `requests`) is
    /// an error (`R-READ-ROW`), a second value a warning (`R-READ-CELL`).
    fn duplicate(&mut self, at: usize, ptr: &str, name: &str, parent: &str) -> R<()> {
        let v = self.skip()?;
        let rule = match name {
            "slip" | "events" | "requester_list" | "requests" | "agency" => "R-READ-ROW",
            _ => "R-READ-CELL",
        };
        self.report(
            rule,
            at,
            &format!("{ptr}/{name}"),
            name,
            Some(v),
            format!("<{name}> xuất hiện hai lần trong <{parent}>; giữ giá trị đầu, bỏ giá trị này"),
            format!(
                "<{name}> appears twice in <{parent}>; the first is kept, this one is not used"
            ),
        );
        Ok(())
    }

    fn bad_value(&mut self, at: usize, ptr: &str, name: &str, v: &str, what: &str) {
        self.report(
            "R-READ-CELL",
            at,
            &format!("{ptr}/{name}"),
            name,
            Some(v.to_string()),
            format!("Giá trị của <{name}> không đọc được (cần {what}); bỏ qua giá trị"),
            format!("the value of <{name}> cannot be read (expected {what}); not used"),
        );
    }

    /// An enumerated value by its JSON code.
    fn code_of<T: for<'de> Deserialize<'de>>(
        &mut self,
        at: usize,
        ptr: &str,
        name: &str,
        what: &str,
    ) -> R<Option<T>> {
        let v = self.p.text(name)?;
        match from_code::<T>(v.trim()) {
            Some(x) => Ok(Some(x)),
            None => {
                self.bad_value(at, ptr, name, &v, what);
                Ok(None)
            }
        }
    }

    fn number<T: std::str::FromStr>(&mut self, at: usize, ptr: &str, name: &str) -> R<Option<T>> {
        let v = self.p.text(name)?;
        match v.trim().parse::<T>() {
            Ok(n) => Ok(Some(n)),
            Err(_) => {
                self.bad_value(at, ptr, name, &v, "a whole number (0, 1, 2 …)");
                Ok(None)
            }
        }
    }

    fn boolean(&mut self, at: usize, ptr: &str, name: &str) -> R<Option<bool>> {
        let v = self.p.text(name)?;
        match v.trim() {
            "true" | "1" => Ok(Some(true)),
            "false" | "0" => Ok(Some(false)),
            _ => {
                self.bad_value(at, ptr, name, &v, "true or false");
                Ok(None)
            }
        }
    }

    /// An optional date field; an unreadable one is reported (`R-READ-DATE`).
    fn date(&mut self, at: usize, ptr: &str, name: &str) -> R<Option<NaiveDate>> {
        let v = self.p.text(name)?;
        match parse_iso_date(v.trim()) {
            Ok(d) => Ok(Some(d)),
            Err(_) => {
                self.report(
                    "R-READ-DATE",
                    at,
                    &format!("{ptr}/{name}"),
                    name,
                    Some(v.clone()),
                    format!("<{name}> {}; bỏ qua giá trị", not_a_date(&v).0),
                    format!("<{name}> {}; not used", not_a_date(&v).1),
                );
                Ok(None)
            }
        }
    }

    fn agency(&mut self) -> R<Agency> {
        const E: &str = "agency";
        let ptr = "/agency";
        let mut a = Agency::default();
        let mut seen: Vec<String> = Vec::new();
        let mut name = false;
        let start = self.p.pos;
        while let Some((n, at)) = self.next_new(E, ptr, &mut seen)? {
            match n.as_str() {
                "name" => {
                    a.name = self.p.text(&n)?;
                    name = true;
                }
                "level" => a.level = self.code_of(
                    at,
                    ptr,
                    &n,
                    "an agency level: ministry, province, department, district, commune or other",
                )?,
                "code" => {
                    let v = self.p.text(&n)?;
                    match AgencyCode::parse(&v) {
                        Ok(c) => a.code = Some(c),
                        Err(e) => self.bad_value(at, ptr, &n, &v, &e.to_string()),
                    }
                }
                "has_portal" => a.has_portal = self.boolean(at, ptr, &n)?,
                "portal_url" => a.portal_url = Some(self.p.text(&n)?),
                "address" => a.address = Some(self.p.text(&n)?),
                "phone" => a.phone = Some(self.p.text(&n)?),
                "fax" => a.fax = Some(self.p.text(&n)?),
                "email" => a.email = Some(self.p.text(&n)?),
                "successor" => a.successor = Some(self.p.text(&n)?),
                "area_class" => {
                    if let Some(c) = self.code_of(
                        at,
                        ptr,
                        &n,
                        "an area class: normal, difficult or especially_difficult",
                    )? {
                        a.area_class = c;
                    }
                }
                _ => self.unknown(at, ptr, &n, E)?,
            }
        }
        if !name {
            self.report(
                "R-READ-CELL",
                start,
                "/agency/name",
                "name",
                None,
                "<agency> không có <name> (tên cơ quan)".into(),
                "<agency> has no <name>".into(),
            );
        }
        Ok(a)
    }

    fn slip(&mut self, ptr: &str) -> R<RequestSlip> {
        const E: &str = "slip";
        let mut s = RequestSlip::default();
        let mut seen: Vec<String> = Vec::new();
        while let Some((n, at)) = self.next_new(E, ptr, &mut seen)? {
            match n.as_str() {
                "form" => {
                    if let Some(f) = self.code_of::<LegalForm>(at, ptr, &n, "01a or 01b")? {
                        s.form = f;
                    }
                }
                "name" => s.name = self.p.text(&n)?,
                "address" => s.address = self.p.text(&n)?,
                "id_number" => s.id_number = self.p.text(&n)?,
                "contact" => s.contact = Some(self.p.text(&n)?),
                "information" => s.information = self.p.text(&n)?,
                "document" => s.document = self.p.text(&n)?,
                "form_of_provision" => s.form_of_provision = self.p.text(&n)?,
                "reason_purpose" => s.reason_purpose = self.p.text(&n)?,
                "capacity" => {
                    if let Some(c) = self.code_of(
                        at,
                        ptr,
                        &n,
                        "own, minor, legal_representative, guardian or authorised",
                    )? {
                        s.capacity = c;
                    }
                }
                "acting_for" => s.acting_for = Some(self.p.text(&n)?),
                "foreign_resident" => {
                    s.foreign_resident = self.boolean(at, ptr, &n)?.unwrap_or(false)
                }
                "organisation" => s.organisation = Some(self.p.text(&n)?),
                "requester_list" => {
                    let base = format!("{ptr}/requester_list");
                    let mut k = 0;
                    while let Some((c, cat)) = self.p.child(&n)? {
                        let cn = local(&c);
                        let p = format!("{base}/{k}");
                        k += 1;
                        if cn != "requester" {
                            self.not_used_element(cat, &p, &cn, "requester_list")?;
                            continue;
                        }
                        s.requester_list.push(self.requester(&p)?);
                    }
                }
                "conditional" => {
                    s.conditional = self.code_of(
                        at,
                        ptr,
                        &n,
                        "business_secret, private_life, personal_secret or family_secret",
                    )?
                }
                "consent" => s.consent = Some(self.p.text(&n)?),
                "head_decision" => s.head_decision = Some(self.p.text(&n)?),
                "provision_case" => {
                    s.provision_case = self.code_of(
                        at,
                        ptr,
                        &n,
                        "not_yet_disclosed, past_disclosure_period, unreachable_force_majeure, \
                         conditions_met, own_affairs or discretionary",
                    )?
                }
                _ => self.unknown(at, ptr, &n, E)?,
            }
        }
        Ok(s)
    }

    fn requester(&mut self, ptr: &str) -> R<ListedRequester> {
        const E: &str = "requester";
        let mut l = ListedRequester::default();
        let mut seen: Vec<String> = Vec::new();
        while let Some((n, at)) = self.next_new(E, ptr, &mut seen)? {
            match n.as_str() {
                "name" => l.name = self.p.text(&n)?,
                "id_number" => l.id_number = self.p.text(&n)?,
                "reason_purpose" => l.reason_purpose = self.p.text(&n)?,
                _ => self.unknown(at, ptr, &n, E)?,
            }
        }
        Ok(l)
    }

    /// An element in a list of records (`<requests>`, `<events>`,
    /// `<requester_list>`) that is not a record of that list: not used,
    /// reported as `R-READ-ROW` (error).
    fn not_used_element(&mut self, at: usize, ptr: &str, name: &str, parent: &str) -> R<()> {
        let v = self.skip()?;
        self.report(
            "R-READ-ROW",
            at,
            ptr,
            name,
            (!v.is_empty()).then_some(v),
            format!("<{name}> không phải bản ghi của <{parent}> (schemas/register.xsd); không được sử dụng"),
            format!("<{name}> is not a record of <{parent}> (see schemas/register.xsd); not used"),
        );
        Ok(())
    }

    /// One event element (its start just read); `None` when it cannot be used.
    fn event(&mut self, kind: &str, ptr: &str, ev_at: usize) -> R<Option<Event>> {
        let allowed = event_fields(kind);
        let mut f = EvFields::default();
        let mut date: Option<Result<NaiveDate, (String, usize)>> = None;
        let mut amount_bad: Option<(String, usize)> = None;
        let mut document = None;
        let mut seen: Vec<String> = Vec::new();
        while let Some((st, at)) = self.p.child(kind)? {
            let n = local(&st);
            if n != "date" && n != "document" && !allowed.contains(&n.as_str()) {
                self.unknown(at, ptr, &n, kind)?;
                continue;
            }
            if seen.contains(&n) {
                self.duplicate(at, ptr, &n, kind)?;
                continue;
            }
            seen.push(n.clone());
            match n.as_str() {
                "date" => {
                    let v = self.p.text(&n)?;
                    date = Some(parse_iso_date(v.trim()).map_err(|_| (v, at)));
                }
                "document" => document = Some(self.p.text(&n)?),
                "note" => f.note = Some(self.p.text(&n)?),
                "reason" => f.reason = Some(self.p.text(&n)?),
                "complexity" => f.complexity = self.code_of(at, ptr, &n, "simple or complex")?,
                "time_limit" => f.time_limit = self.date(at, ptr, &n)?,
                "payment_deadline" => f.payment_deadline = self.date(at, ptr, &n)?,
                "new_limit" => f.new_limit = self.date(at, ptr, &n)?,
                "place" => f.place = Some(self.p.text(&n)?),
                "form" => f.form = Some(self.p.text(&n)?),
                "to" => f.to = Some(self.p.text(&n)?),
                "cost_vnd" => f.cost_vnd = self.number(at, ptr, &n)?,
                "amount_vnd" => {
                    let v = self.p.text(&n)?;
                    match v.trim().parse::<u64>() {
                        Ok(a) => f.amount_vnd = Some(a),
                        Err(_) => amount_bad = Some((v, at)),
                    }
                }
                "partial" => f.partial = self.boolean(at, ptr, &n)?,
                "grounds" => {
                    let gp = format!("{ptr}/grounds");
                    while let Some((g, gat)) = self.p.child(&n)? {
                        let gn = local(&g);
                        if gn != "ground" {
                            self.unknown(gat, &gp, &gn, "grounds")?;
                            continue;
                        }
                        let at_ground = format!("{gp}/{}", f.grounds.len());
                        if let Some(x) = self.code_of(
                            gat,
                            &at_ground,
                            "ground",
                            "an Art. 28(1) ground: inaccessible, already_disclosed, \
                             not_responsible, provided_twice, beyond_capacity or costs_unpaid",
                        )? {
                            f.grounds.push(x);
                        }
                    }
                }
                _ => unreachable!("filtered by event_fields"),
            }
        }
        let date = match date {
            Some(Ok(d)) => d,
            Some(Err((v, at))) => {
                self.report(
                    "R-READ-DATE",
                    at,
                    &format!("{ptr}/date"),
                    "date",
                    Some(v.clone()),
                    format!(
                        "Sự kiện <{kind}>: ngày {}; sự kiện không được sử dụng",
                        not_a_date(&v).0
                    ),
                    format!(
                        "event <{kind}>: date {}; the event is not used",
                        not_a_date(&v).1
                    ),
                );
                return Ok(None);
            }
            None => {
                self.report(
                    "R-READ-DATE",
                    ev_at,
                    ptr,
                    kind,
                    None,
                    format!("Sự kiện <{kind}> không có <date>; sự kiện không được sử dụng"),
                    format!("event <{kind}> has no <date>; the event is not used"),
                );
                return Ok(None);
            }
        };
        let kind = match kind {
            "received" => EventKind::Received,
            "guidance" => EventKind::Guidance { note: f.note },
            "valid" => EventKind::Valid {
                complexity: f.complexity.unwrap_or(Complexity::Simple),
                reason: f.reason,
            },
            "handling_notice" => EventKind::HandlingNotice {
                time_limit: f.time_limit,
                place: f.place,
                form: f.form,
                cost_vnd: f.cost_vnd.unwrap_or(0),
                payment_deadline: f.payment_deadline,
            },
            "paid" => match f.amount_vnd {
                Some(amount_vnd) => EventKind::Paid { amount_vnd },
                None => {
                    let (v, at) = amount_bad.map_or((None, ev_at), |(v, at)| (Some(v), at));
                    self.report(
                        "R-READ-ROW",
                        at,
                        &format!("{ptr}/amount_vnd"),
                        "amount_vnd",
                        v,
                        "Thanh toán không có số tiền (<amount_vnd>, đồng) đọc được; sự kiện không được sử dụng".into(),
                        "payment without a readable <amount_vnd> (whole VND); the event is not used".into(),
                    );
                    return Ok(None);
                }
            },
            "extended" => EventKind::Extended {
                new_limit: f.new_limit,
                reason: f.reason,
            },
            "refused" => EventKind::Refused {
                grounds: f.grounds,
                reason: f.reason.unwrap_or_default(),
            },
            "provided" => EventKind::Provided {
                form: f.form,
                partial: f.partial.unwrap_or(false),
            },
            "transferred" => EventKind::Transferred { to: f.to },
            "withdrawn" => EventKind::Withdrawn,
            "correction_claim" => EventKind::CorrectionClaim,
            "complaint" => EventKind::Complaint,
            other => unreachable!("event element {other} checked by the caller"),
        };
        Ok(Some(Event {
            date,
            kind,
            document,
        }))
    }

    fn events(&mut self, ptr: &str) -> R<Vec<Event>> {
        let base = format!("{ptr}/events");
        let mut out = Vec::new();
        let mut k = 0usize;
        while let Some((s, at)) = self.p.child("events")? {
            let n = local(&s);
            let p = format!("{base}/{k}");
            k += 1;
            if !EVENT_ELEMENTS.contains(&n.as_str()) {
                self.not_used_element(at, &p, &n, "events")?;
                continue;
            }
            if let Some(e) = self.event(&n, &p, at)? {
                out.push(e);
            }
        }
        Ok(out)
    }

    /// One `<request>` (its start just read); `None` when it cannot be used.
    fn request(&mut self, ptr: &str, req_at: usize) -> R<Option<Request>> {
        const E: &str = "request";
        let mut r = Request::new("", Channel::InPerson);
        let mut id = None;
        let mut channel: Option<Result<Channel, (String, usize)>> = None;
        let mut seen: Vec<String> = Vec::new();
        while let Some((n, at)) = self.next_new(E, ptr, &mut seen)? {
            match n.as_str() {
                "id" => id = Some(self.p.text(&n)?),
                "channel" => {
                    let v = self.p.text(&n)?;
                    channel = Some(Channel::parse(&v).map_err(|_| (v, at)));
                }
                "slip" => r.slip = self.slip(&format!("{ptr}/slip"))?,
                "events" => r.events = self.events(ptr)?,
                "recorded_state" => {
                    r.recorded_state = self.code_of(
                        at,
                        ptr,
                        &n,
                        "received_incomplete, in_progress, provided, partly_provided, refused, \
                         transferred or withdrawn",
                    )?
                }
                "prior_provisions" => r.prior_provisions = self.number(at, ptr, &n)?.unwrap_or(0),
                "legitimate_reason" => r.legitimate_reason = Some(self.p.text(&n)?),
                "note" => r.note = Some(self.p.text(&n)?),
                _ => self.unknown(at, ptr, &n, E)?,
            }
        }
        let Some(id) = id else {
            self.report(
                "R-READ-ROW",
                req_at,
                ptr,
                E,
                None,
                "Yêu cầu không có <id> (số thứ tự); không được sử dụng".into(),
                "request without <id> (register number); not used".into(),
            );
            return Ok(None);
        };
        match channel {
            Some(Ok(c)) => r.channel = c,
            Some(Err((v, at))) => {
                self.report(
                    "R-CHANNEL",
                    at,
                    &format!("{ptr}/channel"),
                    "channel",
                    Some(v.clone()),
                    format!("Yêu cầu {id}: cách thức yêu cầu \"{v}\" không hợp lệ (in_person, electronic, postal, fax); không được sử dụng"),
                    format!("request {id}: unknown channel {v:?} (in_person, electronic, postal or fax); not used"),
                );
                return Ok(None);
            }
            None => {
                self.report(
                    "R-CHANNEL",
                    req_at,
                    ptr,
                    E,
                    Some(id.clone()),
                    format!(
                        "Yêu cầu {id} không có <channel> (cách thức yêu cầu); không được sử dụng"
                    ),
                    format!("request {id} has no <channel>; not used"),
                );
                return Ok(None);
            }
        }
        r.id = id;
        Ok(Some(r))
    }

    fn document(&mut self) -> R<Register> {
        let (root, at) = loop {
            match self.p.raw()? {
                Ev::Start(s) => break (s, self.p.pos),
                Ev::Text(t) if t.trim().is_empty() => continue,
                Ev::Eof => {
                    return Err(self.p.err(
                        self.p.pos,
                        XmlErrorKind::Structure,
                        "the file is empty",
                    ))
                }
                _ => {
                    return Err(self.p.err(
                        self.p.pos,
                        XmlErrorKind::Syntax,
                        "text before the root element",
                    ))
                }
            }
        };
        let name = local(&root);
        if name != "register" {
            return Err(self.p.err(
                at,
                XmlErrorKind::Structure,
                format!(
                    "the root element is <{name}>; expected <register> in namespace {NAMESPACE}"
                ),
            ));
        }
        let qname = root.name();
        let ns_attr = match qname.prefix() {
            Some(p) => format!("xmlns:{}", p.as_ref()),
            None => "xmlns".to_string(),
        };
        let ns = self.p.attr(&root, at, &ns_attr)?;
        if ns.as_deref() != Some(NAMESPACE) {
            return Err(self.p.err(
                at,
                XmlErrorKind::Structure,
                format!(
                    "<register> is in namespace {:?}; expected {NAMESPACE}",
                    ns.unwrap_or_default()
                ),
            ));
        }
        let mut reg = Register::default();
        let mut requests = false;
        let mut seen_agency = false;
        while let Some((s, at)) = self.p.child("register")? {
            let n = local(&s);
            match n.as_str() {
                "agency" if !seen_agency => {
                    seen_agency = true;
                    reg.agency = Some(self.agency()?);
                }
                "requests" if !requests => {
                    requests = true;
                    let mut k = 0usize;
                    while let Some((c, cat)) = self.p.child("requests")? {
                        let cn = local(&c);
                        let p = format!("/requests/{k}");
                        k += 1;
                        if cn != "request" {
                            self.not_used_element(cat, &p, &cn, "requests")?;
                            continue;
                        }
                        if let Some(r) = self.request(&p, cat)? {
                            reg.requests.push(r);
                        }
                    }
                }
                "agency" | "requests" => self.duplicate(at, "", &n, "register")?,
                _ => self.unknown(at, "", &n, "register")?,
            }
        }
        if !requests {
            return Err(self.p.err(
                at,
                XmlErrorKind::Structure,
                "<register> needs a <requests> element",
            ));
        }
        loop {
            match self.p.raw()? {
                Ev::Eof => break,
                Ev::Text(t) if t.trim().is_empty() => continue,
                _ => {
                    return Err(self.p.err(
                        self.p.pos,
                        XmlErrorKind::Syntax,
                        "content after the root element",
                    ))
                }
            }
        }
        Ok(reg)
    }
}

/// Read a tiepcan XML register from UTF-8 bytes (a byte-order mark is
/// accepted). `file` names the input in findings and errors.
///
/// Returns the register and a finding for every request, event or value it
/// could not use (see the module documentation), each with line, column and
/// JSON pointer.
///
/// # Errors
/// [`RegisterIoError::Xml`] with the [`XmlError`] (its kind, line and
/// column) when the bytes are not well-formed UTF-8 XML, hold a DOCTYPE or
/// an undefined entity, exceed `limits`, or are not a register (root other
/// than `<register>` in [`NAMESPACE`], no `<requests>`, text where elements
/// belong).
///
/// ```
/// use tiepcan::io::xml::XmlLimits;
/// use tiepcan::register::xml::read_register_xml;
/// let xml = r#"<register xmlns="urn:tiepcan:register:1"><requests>
///   <request><id>1</id><channel>postal</channel><events>
///     <received><date>2024-05-20</date></received>
///     <valid><date>20/05/2024</date></valid></events></request>
///   <request><id>2</id></request></requests></register>"#;
/// let loaded = read_register_xml(xml.as_bytes(), "so.xml", &XmlLimits::default())?;
/// assert_eq!(loaded.register.requests.len(), 1);
/// assert_eq!(loaded.register.requests[0].events.len(), 1);
/// let rules: Vec<_> = loaded.diagnostics.iter().map(|d| d.rule.as_str()).collect();
/// assert_eq!(rules, ["R-READ-DATE", "R-CHANNEL"]);
/// assert_eq!(loaded.diagnostics[0].location.line, Some(4));
///
/// let bomb = r#"<!DOCTYPE r [<!ENTITY a "aaaa">]><register/>"#;
/// assert!(read_register_xml(bomb.as_bytes(), "x.xml", &XmlLimits::default()).is_err());
/// # Ok::<(), tiepcan::register::io::RegisterIoError>(())
/// ```
pub fn read_register_xml(
    bytes: &[u8],
    file: &str,
    limits: &XmlLimits,
) -> Result<Loaded, RegisterIoError> {
    let fail = |error: XmlError| RegisterIoError::Xml {
        file: file.to_string(),
        error,
    };
    let (src, bom) = check_input(bytes, limits).map_err(fail)?;
    let mut rd = Rd {
        p: P::new(src, limits),
        file,
    };
    match rd.document() {
        Ok(register) => Ok(Loaded {
            register,
            diagnostics: rd.p.diags,
        }),
        Err(mut e) => {
            e.offset += bom;
            Err(fail(e))
        }
    }
}
