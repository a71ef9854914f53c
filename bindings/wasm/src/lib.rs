//! WebAssembly bindings of [`tiepcan`] for browsers and Node.js
//! (npm package `tiepcan`).
//!
//! Every export takes and returns plain JS objects (JSON-compatible: maps
//! are objects, absent values are `null`; an object argument may also be
//! given as JSON text) or strings. The shapes are the JSON shapes of the core types; the
//! TypeScript declarations below name them. Errors are thrown as real JS
//! `Error` objects with a `code` (`"parse"`, `"input"`, `"date"`, …) and a
//! `location` (`{row, column, pointer, line, col}` or `null`).
//!
//! No legal logic lives here: each function converts and calls the core.
//!
//! Two modules are built from this crate (see README "Two modules"):
//! the components' module (`--no-default-features`: what `<tiepcan-catalog>`,
//! `<tiepcan-deadline>` and `<tiepcan-request-form>` need — the JSON catalog,
//! the calendar and the request clock, rendering, search keys, the request
//! slip check) and the full API (feature `full`, the default: adds the CSV
//! and XML readers, the catalog rules and the report). Exports marked
//! `#[cfg(feature = "full")]` are only in the full module. The components'
//! module has no serde: the exports of `plain.rs` (in both modules) take
//! strings and plain objects and build the result objects by hand, and
//! `CatalogView.fromParts` reads the catalog from the browser's `JSON.parse`
//! object (`catalog_object.rs`, `tape.rs`).

#[cfg(feature = "full")]
use serde::Serialize;
use wasm_bindgen::prelude::*;

mod catalog_object;
mod plain;
mod tape;
pub use plain::{check_request_slip_plain, deadline_view_plain, render_request_form_plain};

use chrono::NaiveDate;
use tiepcan::calendar::WorkingCalendar;
#[cfg(feature = "full")]
use tiepcan::deadline::{Clock, Request, RuleTable, Schedule};
#[cfg(feature = "full")]
use tiepcan::io::{read_catalog_bytes, Format};
use tiepcan::io::{ReadError, ReadOptions};
use tiepcan::model::{Catalog, PartialDate};
#[cfg(feature = "full")]
use tiepcan::render::RequestSlipInput;
use tiepcan::render::{self, RenderOptions};
use tiepcan::text;
use tiepcan::validate::Location;
#[cfg(feature = "full")]
use tiepcan::validate::{check_catalog, CheckOptions, Report};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** Where a finding or an error is (1-based rows count the header row). */
export interface Location { file?: string | null; row?: number | null; column?: string | null; pointer?: string | null; line?: number | null; col?: number | null; }
/** A legal citation as plain data. */
export interface Citation { instrument: string; article: number; clause?: number | null; sub_item?: number | null; point?: string | null; paragraph?: number | null; }
export interface Message { vi: string; en: string; }
export type Severity = "error" | "warning" | "info";
export interface Diagnostic { rule: string; severity: Severity; location: Location; value: string | null; message: Message; citation: Citation | null; }
export interface Report { diagnostics: Diagnostic[]; }
export interface DocumentRef { raw: string; number: string | null; year: number | null; doc_type: string | null; issuer: string | null; unit: string | null; }
export interface Agency { name: string; level?: string | null; code?: string | null; [k: string]: unknown; }
/** An entry of the disclosure catalog (Decree 13/2018/NĐ-CP Art. 6(3)). Dates: "2026-02-03", "2026-03" or "2026". */
export interface InformationItem { seq?: string | null; title: string; number_symbol?: DocumentRef | null; created_on?: string | null; art17_point?: string | null; disclosure_forms?: string[]; disclosure_time?: string | null; disclosure_period?: string | null; access_link?: string | null; link_text?: string | null; section?: string | null; children?: InformationItem[]; [k: string]: unknown; }
/** Either catalog, tagged by kind. */
export interface Catalog { kind: "disclosure" | "conditional"; agency?: Agency | null; title?: string | null; issuing_decision?: DocumentRef | null; issued_on?: string | null; last_updated?: string | null; items: InformationItem[] | Record<string, unknown>[]; [k: string]: unknown; }
export interface ParseOutcome { catalog: Catalog; diagnostics: Diagnostic[]; }
export type CatalogFormat = "json" | "csv" | "xml" | "xlsx" | "auto";
export interface RenderOptions { id_prefix?: string; heading_level?: number; form_action?: string; }
/** Request slip fields (Law 104/2016/QH13 Art. 24(2); Form 01a). provision_form: "at_office" | "electronic" | "postal" | "fax". */
export interface RequestSlipInput { full_name?: string; residence?: string; id_number?: string; phone?: string; fax?: string; email?: string; information?: string; provision_form?: string; reason?: string; }
export interface FieldError { field: string; message: Message; }
/** A deadline request. received: "YYYY-MM-DD" or local "YYYY-MM-DDTHH:MM" (UTC+7). */
export interface DeadlineRequest { received: string; channel: "in_person" | "electronic" | "postal" | "fax"; complexity: "simple" | "complex"; regime?: "2016" | "2026" | null; extension?: { days?: number | null; notice_date?: string | null } | null; }
export interface SkippedDay { date: string; reason: { kind: "weekend" } | { kind: "day_off"; day_kind: string; name: string; document: string }; projected: boolean; }
/** One time limit. Units: "working_days" | "calendar_days" | "immediate". */
export interface Deadline { kind: string; rule_id: string; start: string; due: string; alternative_due: string | null; limit: { value: number; unit: "working_days" | "calendar_days" | "immediate" }; unit_as_written: string; citation: Citation; value_status: string; provisional: boolean; skipped: SkippedDay[]; }
export interface Schedule { regime: "2016" | "2026"; received: string; receipt_date: string; channel: string; complexity: "simple" | "complex"; milestones: Deadline[]; skipped: SkippedDay[]; findings: Diagnostic[]; calendar_version: string; }
/** A JS Error thrown by tiepcan. */
export interface TiepcanError extends Error { code: string; location: Location | null; }
"#;

/// Objects cross the boundary as JSON text, parsed with the engine's own
/// `JSON.parse`: one serde deserializer (serde_json) in the module instead
/// of two, which keeps the wasm small (see README "Two modules"). Full
/// module only: the components' module builds its objects by hand
/// (`src/plain.rs`, `CatalogView`).
#[cfg(feature = "full")]
fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    let s = serde_json::to_string(v).map_err(|e| error("internal", &e.to_string(), None))?;
    js_sys::JSON::parse(&s).map_err(|_| error("internal", "JSON.parse failed", None))
}

/// A JS `Error` with `code` and `location` properties.
fn error(code: &str, message: &str, location: Option<&Location>) -> JsValue {
    let e = js_sys::Error::new(message);
    let _ = js_sys::Reflect::set(&e, &"code".into(), &JsValue::from_str(code));
    let loc = location.map_or(JsValue::NULL, plain::location_value);
    let _ = js_sys::Reflect::set(&e, &"location".into(), &loc);
    e.into()
}

#[cfg(feature = "full")]
fn from_js<T: serde::de::DeserializeOwned>(v: JsValue, what: &str) -> Result<T, JsValue> {
    let text = if let Some(s) = v.as_string() {
        s
    } else {
        js_sys::JSON::stringify(&v)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| error("input", &format!("{what} cannot be turned into JSON"), None))?
    };
    // Through `serde_json::Value`, as the core's JSON reader does: one
    // deserializer instantiation per type in the module instead of two.
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        let loc = Location {
            line: Some(e.line()).filter(|l| *l > 0),
            col: Some(e.column()).filter(|c| *c > 0),
            ..Location::default()
        };
        error("input", &format!("{what} is not JSON: {e}"), Some(&loc))
    })?;
    serde_json::from_value(value).map_err(|e| {
        error(
            "input",
            &format!("{what} is not in the expected shape: {e}"),
            None,
        )
    })
}

/// Render options, read by hand (no serde): see [`plain::render_options`].
fn options(v: JsValue) -> Result<RenderOptions, JsValue> {
    plain::render_options(v)
}

/// Bytes of a string or a `Uint8Array`/`ArrayBuffer`.
#[cfg(feature = "full")]
fn input_bytes(input: &JsValue) -> Result<Vec<u8>, JsValue> {
    if let Some(s) = input.as_string() {
        return Ok(s.into_bytes());
    }
    if input.is_instance_of::<js_sys::Uint8Array>() {
        return Ok(js_sys::Uint8Array::new(input).to_vec());
    }
    if input.is_instance_of::<js_sys::ArrayBuffer>() {
        return Ok(js_sys::Uint8Array::new(input).to_vec());
    }
    Err(error(
        "input",
        "catalog input must be a string, a Uint8Array or an ArrayBuffer",
        None,
    ))
}

/// Parse a catalog from text or bytes. `format`: `"json"` (the tagged
/// `Catalog` shape), or `"csv"`/`"xml"`/`"xlsx"` when the core's readers
/// support them. Returns `{catalog, diagnostics}`: every row the reader could
/// not use is a diagnostic with its row.
///
/// # Errors
/// Throws `Error{code:"parse", location:{line, col}}` for unreadable input,
/// `code:"format"` for an unknown format.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = parseCatalog, unchecked_return_type = "ParseOutcome")]
pub fn parse_catalog(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CatalogFormat")] format: &str,
) -> Result<JsValue, JsValue> {
    let bytes = input_bytes(&input)?;
    let outcome = parse_bytes(&bytes, format)?;
    to_js(&outcome)
}

#[cfg(feature = "full")]
#[derive(Serialize)]
struct ParseOutcome {
    catalog: Catalog,
    diagnostics: Vec<tiepcan::validate::Diagnostic>,
}

#[cfg(feature = "full")]
fn parse_bytes(bytes: &[u8], format: &str) -> Result<ParseOutcome, JsValue> {
    let f = match format.trim().to_ascii_lowercase().as_str() {
        "" | "auto" => Format::sniff(bytes),
        "json" => Format::Json,
        "csv" => Format::Csv,
        "xml" => Format::Xml,
        "xlsx" => Format::Xlsx,
        other => {
            return Err(error(
                "format",
                &format!("unknown catalog format {other:?}: expected json, csv, xml, xlsx or auto"),
                None,
            ))
        }
    };
    read_outcome(read_catalog_bytes(bytes, f, &ReadOptions::default()))
}

/// JSON catalog text through the core's JSON reader (`read_catalog_bytes`
/// with `Format::Json`: its size limit, then `tiepcan::io::json::read`).
/// Only in the full module: the components' module reads catalogs with
/// [`CatalogView`]'s one-pass read.
#[cfg(feature = "full")]
fn parse_json(bytes: &[u8]) -> Result<ParseOutcome, JsValue> {
    parse_bytes(bytes, "json")
}

#[cfg(feature = "full")]
fn read_outcome(r: Result<tiepcan::io::ReadOutcome, ReadError>) -> Result<ParseOutcome, JsValue> {
    match r {
        Ok(o) => Ok(ParseOutcome {
            catalog: o.catalog,
            diagnostics: o.diagnostics,
        }),
        Err(e) => Err(read_error(&e)),
    }
}

/// The JS `Error` of a reader error: `code` `"parse"`, `"too_large"` or
/// `"format"`, with its location.
fn read_error(e: &ReadError) -> JsValue {
    let code = match e {
        ReadError::Unreadable { .. } | ReadError::Io { .. } => "parse",
        ReadError::TooLarge { .. } => "too_large",
        ReadError::UnsupportedFormat(_) => "format",
    };
    let d = e.to_diagnostic(None);
    error(code, &e.to_string(), Some(&d.location))
}

/// Render a catalog (the object `parseCatalog` returns in `catalog`) as an
/// accessible HTML table (see `tiepcan::render::render_catalog`).
///
/// # Errors
/// `code:"input"` when `catalog` is not a catalog.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = renderCatalog)]
pub fn render_catalog(
    #[wasm_bindgen(unchecked_param_type = "Catalog")] catalog: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RenderOptions | undefined")] options_: JsValue,
) -> Result<String, JsValue> {
    let c: Catalog = from_js(catalog, "catalog")?;
    Ok(render::render_catalog(&c, &options(options_)?))
}

/// Parse JSON catalog text and render it in one call (no object crosses the
/// boundary). Full module only (the components use [`CatalogView`]).
///
/// # Errors
/// As [`parse_catalog`].
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = renderCatalogJson)]
pub fn render_catalog_json(
    json: &str,
    #[wasm_bindgen(unchecked_param_type = "RenderOptions | undefined")] options_: JsValue,
) -> Result<String, JsValue> {
    let o = parse_json(json.as_bytes())?;
    Ok(render::render_catalog(&o.catalog, &options(options_)?))
}

/// Plain-text rendering of a catalog.
///
/// # Errors
/// `code:"input"`.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = catalogText)]
pub fn catalog_text(
    #[wasm_bindgen(unchecked_param_type = "Catalog")] catalog: JsValue,
) -> Result<String, JsValue> {
    let c: Catalog = from_js(catalog, "catalog")?;
    Ok(render::catalog_text(&c))
}

/// Render a validation report (`{diagnostics:[…]}`) with an error summary
/// linked to each finding.
///
/// # Errors
/// `code:"input"`.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = renderReport)]
pub fn render_report(
    #[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RenderOptions | undefined")] options_: JsValue,
) -> Result<String, JsValue> {
    let r: Report = from_js(report, "report")?;
    Ok(render::render_report(&r, &options(options_)?))
}

/// Check the request slip's fields (Law 104/2016/QH13 Art. 24(2)); `[]` when
/// it can be sent. Full module only (serde); the components' module has
/// `checkRequestSlipPlain` (src/plain.rs).
///
/// # Errors
/// `code:"input"`.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = checkRequestSlip, unchecked_return_type = "FieldError[]")]
pub fn check_request_slip(
    #[wasm_bindgen(unchecked_param_type = "RequestSlipInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let i: RequestSlipInput = from_js(input, "request slip")?;
    to_js(&render::check_request_slip(&i))
}

/// Render the request slip form with values and errors (pass `[]` for a
/// blank form, or the result of `checkRequestSlip`). Full module only
/// (serde); the components' module has `renderRequestFormPlain`.
///
/// # Errors
/// `code:"input"`.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = renderRequestForm)]
pub fn render_request_form(
    #[wasm_bindgen(unchecked_param_type = "RequestSlipInput")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "FieldError[]")] errors: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RenderOptions | undefined")] options_: JsValue,
) -> Result<String, JsValue> {
    let i: RequestSlipInput = if input.is_undefined() || input.is_null() {
        RequestSlipInput::default()
    } else {
        from_js(input, "request slip")?
    };
    let e: Vec<render::FieldError> = if errors.is_undefined() || errors.is_null() {
        Vec::new()
    } else {
        from_js(errors, "errors")?
    };
    Ok(render::render_request_form(&i, &e, &options(options_)?))
}

/// A complete page around fragments; `stylesheetHref` links a style sheet
/// (strict CSP) instead of inlining it.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = renderPage)]
pub fn render_page(title: &str, fragments: Vec<String>, stylesheet_href: Option<String>) -> String {
    render::render_page(title, &fragments, stylesheet_href.as_deref())
}

/// Escape text for HTML.
#[wasm_bindgen(js_name = escapeHtml)]
pub fn escape_html(s: &str) -> String {
    render::escape(s)
}

/// Vietnamese search key: diacritics removed (NFC or NFD), `đ` → `d`, lower
/// case, white space collapsed ("Quyết Định" → "quyet dinh").
#[wasm_bindgen(js_name = foldKey)]
pub fn fold_key(s: &str) -> String {
    text::fold_key(s)
}

/// Whether `haystack` contains `needle` after `foldKey` on both.
#[wasm_bindgen(js_name = foldedContains)]
pub fn folded_contains(haystack: &str, needle: &str) -> bool {
    text::folded_contains(haystack, needle)
}

/// Parse a date as Vietnamese catalogs write it, day first
/// ("02/03/2026" is 2 March). Returns `"2026-03-02"`, `"2026-03"` or
/// `"2026"` by the precision given.
///
/// # Errors
/// `code:"date"` for an impossible or unrecognised date (never rolled over).
#[wasm_bindgen(js_name = parseDate)]
pub fn parse_date(s: &str) -> Result<String, JsValue> {
    PartialDate::parse(s)
        .map(|d| d.to_string())
        .map_err(|e| error("date", &e.to_string(), None))
}

/// Spoken Vietnamese form of a date of any precision
/// ("ngày 14 tháng 2 năm 2025").
///
/// # Errors
/// `code:"date"`.
#[wasm_bindgen(js_name = spokenDate)]
pub fn spoken_date(s: &str) -> Result<String, JsValue> {
    PartialDate::parse(s)
        .map(render::spoken_partial_date_vi)
        .map_err(|e| error("date", &e.to_string(), None))
}

/// Version of the core.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

fn date_arg(s: &str, what: &str) -> Result<NaiveDate, JsValue> {
    match PartialDate::parse(s) {
        Ok(PartialDate::Day(d)) => Ok(d),
        Ok(_) => Err(error(
            "date",
            &format!("{what}: {s:?} is not a full date (day, month and year)"),
            None,
        )),
        Err(e) => Err(error("date", &format!("{what}: {e}"), None)),
    }
}

#[cfg(feature = "full")]
#[derive(serde::Deserialize)]
struct ValidateOptions {
    today: String,
    #[serde(default)]
    update_threshold_days: Option<u32>,
}

/// Check a catalog against the law (catalog rules, LAW.md §9). `options.today`
/// is required (`"2026-11-29"` or day-first `"29/11/2026"`): no function reads
/// the host clock.
///
/// # Errors
/// `code:"input"` for a wrong shape, `code:"date"` for a bad `today`.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = validateCatalog, unchecked_return_type = "Report")]
pub fn validate_catalog(
    #[wasm_bindgen(unchecked_param_type = "Catalog")] catalog: JsValue,
    #[wasm_bindgen(unchecked_param_type = "{ today: string; update_threshold_days?: number }")]
    options_: JsValue,
) -> Result<JsValue, JsValue> {
    let c: Catalog = from_js(catalog, "catalog")?;
    let o: ValidateOptions = from_js(options_, "options")?;
    let mut opts = CheckOptions::new(date_arg(&o.today, "today")?);
    if let Some(n) = o.update_threshold_days {
        opts.update_threshold_days = n;
    }
    to_js(&check_catalog(&c, &opts))
}

#[cfg(feature = "full")]
fn schedule_for(request: JsValue) -> Result<Schedule, JsValue> {
    let req: Request = from_js(request, "request")?;
    let rules = RuleTable::builtin();
    Clock::new(WorkingCalendar::official(), &rules)
        .schedule(&req)
        .map_err(|e| error("deadline", &e.to_string(), None))
}

/// Compute the deadlines of a request on the official working calendar:
/// `{received: "2025-01-24" | "2025-01-24T16:30", channel: "in_person" |
/// "electronic" | "postal" | "fax", complexity: "simple" | "complex",
/// regime?: "2016" | "2026" | null, extension?: null}` → the `Schedule`
/// (milestones with due dates, working or calendar days, citations, skipped
/// days with reasons, findings). Full module only (serde); the components'
/// module has `deadlineViewPlain` (src/plain.rs).
///
/// # Errors
/// `code:"input"` for a wrong shape, `code:"deadline"` when no regime or
/// calendar covers the date.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = computeDeadline, unchecked_return_type = "Schedule")]
pub fn compute_deadline(
    #[wasm_bindgen(unchecked_param_type = "DeadlineRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&schedule_for(request)?)
}

/// Render a schedule (from `computeDeadline`) as the accessible explanation
/// list.
///
/// # Errors
/// `code:"input"`.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = renderDeadline)]
pub fn render_deadline(
    #[wasm_bindgen(unchecked_param_type = "Schedule")] schedule: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RenderOptions | undefined")] options_: JsValue,
) -> Result<String, JsValue> {
    let s: Schedule = from_js(schedule, "schedule")?;
    Ok(render::render_deadline(&s, &options(options_)?))
}

/// Compute the deadlines of a request (as [`compute_deadline`]) and render
/// their explanation (as [`render_deadline`]) in one call:
/// `{schedule, html}`. The schedule crosses the boundary once, out. Full
/// module only (serde); the components' module has
/// `deadlineViewPlain` (plain arguments, the schedule object built by hand).
///
/// # Errors
/// As [`compute_deadline`]; `code:"input"` for bad options.
#[cfg(feature = "full")]
#[wasm_bindgen(
    js_name = deadlineView,
    unchecked_return_type = "{ schedule: Schedule; html: string }"
)]
pub fn deadline_view(
    #[wasm_bindgen(unchecked_param_type = "DeadlineRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RenderOptions | undefined")] options_: JsValue,
) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct View<'a> {
        schedule: &'a Schedule,
        html: String,
    }
    let schedule = schedule_for(request)?;
    let html = render::render_deadline(&schedule, &options(options_)?);
    to_js(&View {
        schedule: &schedule,
        html,
    })
}

/// The deadline calculator form (see `tiepcan::render::render_deadline_form`).
///
/// # Errors
/// `code:"input"` for bad options.
#[wasm_bindgen(js_name = renderDeadlineForm)]
pub fn render_deadline_form(
    #[wasm_bindgen(unchecked_param_type = "RenderOptions | undefined")] options_: JsValue,
) -> Result<String, JsValue> {
    Ok(render::render_deadline_form(&options(options_)?))
}

/// Whether a date is a working day of state agencies (official calendar).
///
/// # Errors
/// `code:"date"` for a bad date, `code:"calendar"` outside 2014–2199.
#[wasm_bindgen(js_name = isWorkingDay)]
pub fn is_working_day(date: &str) -> Result<bool, JsValue> {
    WorkingCalendar::official()
        .is_working_day(date_arg(date, "date")?)
        .map_err(|e| error("calendar", &e.to_string(), None))
}

/// The `n`-th working day after `date` (`date` itself not counted), ISO.
///
/// # Errors
/// `code:"date"`, `code:"calendar"`.
#[wasm_bindgen(js_name = addWorkingDays)]
pub fn add_working_days(date: &str, n: u32) -> Result<String, JsValue> {
    WorkingCalendar::official()
        .add_working_days(date_arg(date, "date")?, n)
        .map(|d| d.to_string())
        .map_err(|e| error("calendar", &e.to_string(), None))
}

/// Working days in `(from, to]`.
///
/// # Errors
/// `code:"date"`, `code:"calendar"`.
#[wasm_bindgen(js_name = workingDaysBetween)]
pub fn working_days_between(from: &str, to: &str) -> Result<f64, JsValue> {
    WorkingCalendar::official()
        .working_days_between(date_arg(from, "from")?, date_arg(to, "to")?)
        .map(|n| n as f64)
        .map_err(|e| error("calendar", &e.to_string(), None))
}

/// The non-working days in `(from, to]` with their reasons. Full module
/// only (serde; the components do not call it).
///
/// # Errors
/// `code:"date"`, `code:"calendar"`.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = explainDays, unchecked_return_type = "SkippedDay[]")]
pub fn explain_days(from: &str, to: &str) -> Result<JsValue, JsValue> {
    let v = WorkingCalendar::official()
        .explain(date_arg(from, "from")?, date_arg(to, "to")?)
        .map_err(|e| error("calendar", &e.to_string(), None))?;
    to_js(&v)
}

/// Version of the embedded calendar data.
#[wasm_bindgen(js_name = calendarVersion)]
pub fn calendar_version() -> String {
    WorkingCalendar::official().version().to_string()
}

// ---------------------------------------------------------------------------
// BEGIN fallback (issue 6): the statutory deadline table, server-rendered.

/// The statutory deadline table for requests received on `date`
/// (`YYYY-MM-DD` or day first), built-in rules; see
/// `tiepcan::render::render_deadline_table`. From 2026-09-01 every value is
/// marked provisional.
///
/// # Errors
/// `code:"date"` for a bad date, `code:"deadline"` before 2018-07-01,
/// `code:"input"` for bad options.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = renderDeadlineTable)]
pub fn render_deadline_table(
    date: &str,
    #[wasm_bindgen(unchecked_param_type = "RenderOptions | undefined")] options_: JsValue,
) -> Result<String, JsValue> {
    let on = date_arg(date, "date")?;
    render::render_deadline_table(&RuleTable::builtin(), on, &options(options_)?)
        .map_err(|e| error("deadline", &e.to_string(), None))
}

// END fallback

// ===========================================================================
// <tiepcan-catalog> view (web performance): parse a catalog once, index it
// once, render only the rows a page shows. In both modules: `fromParts`
// (the `JSON.parse` object packed by `js/core.js`, read by
// `catalog_object.rs`: no serde), `tiepcan::render` and `tiepcan::text`
// folding; the constructor (the core's whole JSON reader) is full-only.
// Keep new exports of this kind in this block.
// ===========================================================================

#[wasm_bindgen(typescript_custom_section)]
const TS_CATALOG_VIEW: &str = r#"
/** Per-row search, filter and sort values of a catalog table (`CatalogView.index()`), one slot per row in table order (slot = `data-order`; sub-rows counted). */
export interface CatalogIndex {
  /** Number of rows. */
  length: number;
  /** The search keys (`data-key`: `foldKey` of title, number and symbol, section), joined by "\n" (a key never holds one): `keys.split("\n")`. */
  keys: string;
  /** Art. 17 point by legal order (`data-point-order`; 0 = point a … 14 = point p, 15 = Art. 17(2)); 255 = none. */
  point: Uint8Array;
  /** The codes of the legal orders: `pointCodes[point[i]]` is `data-point` ("a", "đ", "17(2)"). */
  pointCodes: string[];
  /** First day of the creation date as yyyymmdd (20250214; `data-date`); 0 = no date. */
  date: Uint32Array;
  /** Year of the creation date (`data-year`); meaningful where `date[i] !== 0`. */
  year: Int32Array;
  /** 1 for a sub-row (`tc-child`), else 0. */
  child: Uint8Array;
}
/** The texts the sortable text columns show, one per row in table order. */
export interface CatalogSortTexts { title: string[]; number_symbol: (string | null)[]; }
export type RowGrouping = "sections" | "flat";
"#;

/// A catalog parsed once and kept in wasm memory for a `<tiepcan-catalog>`:
/// the component takes the per-row index in one call and renders only the
/// rows of the page it shows (`tiepcan::render::render_catalog_rows`), with
/// the same markup as the full table.
///
/// Rows are addressed by their position in the full table (`data-order`:
/// 0-based, in table order, sub-rows counted).
#[wasm_bindgen]
pub struct CatalogView {
    catalog: Catalog,
}

fn view_grouping(g: &str) -> Result<render::RowGrouping, JsValue> {
    match g {
        "" | "sections" => Ok(render::RowGrouping::Sections),
        "flat" => Ok(render::RowGrouping::Flat),
        other => Err(error(
            "input",
            &format!("unknown row grouping {other:?}: expected \"sections\" or \"flat\""),
            None,
        )),
    }
}

fn view_rows(rows: &[u32]) -> Vec<usize> {
    rows.iter().map(|&r| r as usize).collect()
}

/// The catalog of a `CatalogView`: the full module's JSON reader, with its
/// size limit and diagnostics-free errors located by line, column and
/// pointer.
#[cfg(feature = "full")]
fn view_catalog(bytes: &[u8]) -> Result<Catalog, JsValue> {
    Ok(parse_json(bytes)?.catalog)
}

/// The size limit of the JSON reader (`ReadOptions::max_bytes`), as
/// `read_catalog_bytes` applies it: `code: "too_large"`.
fn check_size(bytes: f64, opts: &ReadOptions) -> Result<(), JsValue> {
    if bytes > opts.max_bytes as f64 {
        return Err(read_error(&ReadError::TooLarge {
            what: "file size in bytes",
            limit: opts.max_bytes,
            found: bytes as u64,
            row: None,
        }));
    }
    Ok(())
}

#[wasm_bindgen]
impl CatalogView {
    /// A catalog from the object `JSON.parse` gave for a catalog's JSON
    /// text, packed by `packJson` of `js/core.js` (`catalogViewFromObject`
    /// there packs and calls this): in both modules, the only way in in the
    /// components' module. No serde: the value is read as the model with
    /// the core's parsers (`src/catalog_object.rs`). It gives the catalog
    /// the core's `tiepcan::io::json::read_one_pass` gives for that text,
    /// and declines what that read declines or what the object cannot tell
    /// (README "Two modules"). `byte_length`: the size of the JSON text in
    /// UTF-8 bytes, when known, for the reader's size limit.
    ///
    /// # Errors
    /// `Error{code:"needs-full-reader", location:null}` when it declines:
    /// read the text with the full module's `new CatalogView(text)`, which
    /// reads it or gives the error with line, column and pointer;
    /// `code:"too_large"` when `byte_length` is over the reader's limit.
    #[wasm_bindgen(js_name = fromParts)]
    pub fn from_parts(
        tags: &[u8],
        lens: &[u32],
        nums: &[f64],
        text: &str,
        byte_length: Option<f64>,
    ) -> Result<CatalogView, JsValue> {
        let opts = ReadOptions::default();
        if let Some(n) = byte_length {
            check_size(n, &opts)?;
        }
        let declined = |why: &str| {
            error(
                "needs-full-reader",
                &format!("this catalog needs the full JSON reader (tiepcan_wasm): {why}"),
                None,
            )
        };
        let value = tape::unpack(tags, lens, nums, text)
            .ok_or_else(|| declined("the packed value is not whole or too deep"))?;
        let catalog = catalog_object::catalog(&value).map_err(|why| declined(why.0))?;
        Ok(CatalogView {
            catalog: tiepcan::io::json::finish(catalog, &opts).catalog,
        })
    }

    /// Parse a catalog in tiepcan's JSON model (text, or UTF-8 bytes as a
    /// `Uint8Array`/`ArrayBuffer`) with the core's whole JSON reader. Full
    /// module only: the components' module has only
    /// [`CatalogView::from_object`].
    ///
    /// # Errors
    /// `Error{code:"parse", location:{line, col, pointer}}` for text that is
    /// not JSON or does not fit the model; `code:"too_large"`; `code:"input"`
    /// for an argument that is neither text nor bytes.
    #[cfg(feature = "full")]
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] json: JsValue,
    ) -> Result<CatalogView, JsValue> {
        let bytes = if let Some(s) = json.as_string() {
            s.into_bytes()
        } else if json.is_instance_of::<js_sys::Uint8Array>()
            || json.is_instance_of::<js_sys::ArrayBuffer>()
        {
            js_sys::Uint8Array::new(&json).to_vec()
        } else {
            return Err(error(
                "input",
                "catalog JSON must be a string, a Uint8Array or an ArrayBuffer",
                None,
            ));
        };
        Ok(CatalogView {
            catalog: view_catalog(&bytes)?,
        })
    }

    /// Everything the component searches and filters by, in one call
    /// (`tiepcan::render::catalog_row_data`): see `CatalogIndex`.
    #[wasm_bindgen(unchecked_return_type = "CatalogIndex")]
    pub fn index(&self) -> JsValue {
        let rows = render::catalog_row_data(&self.catalog);
        let n = rows.len();
        let mut keys = String::with_capacity(n * 64);
        let mut point = Vec::with_capacity(n);
        let mut date = Vec::with_capacity(n);
        let mut year = Vec::with_capacity(n);
        let mut child = Vec::with_capacity(n);
        for (i, r) in rows.iter().enumerate() {
            if i > 0 {
                keys.push('\n');
            }
            keys.push_str(&r.key);
            point.push(r.point.map_or(255u8, |p| p as u8));
            match r.date {
                Some(d) => {
                    use chrono::Datelike;
                    let f = d.first_day();
                    let ymd = f.year() * 10000 + f.month() as i32 * 100 + f.day() as i32;
                    date.push(u32::try_from(ymd).unwrap_or(0));
                    year.push(d.year());
                }
                None => {
                    date.push(0);
                    year.push(0);
                }
            }
            child.push(u8::from(r.child));
        }
        let codes = js_sys::Array::new();
        for p in tiepcan::law::Art17Point::CLAUSE_1 {
            codes.push(&JsValue::from_str(p.code()));
        }
        codes.push(&JsValue::from_str(
            tiepcan::law::Art17Point::Art17Clause2.code(),
        ));
        let o = js_sys::Object::new();
        let set = |k: &str, v: &JsValue| {
            let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
        };
        set("length", &JsValue::from(n as u32));
        set("keys", &JsValue::from_str(&keys));
        set("point", &js_sys::Uint8Array::from(&point[..]).into());
        set("pointCodes", &codes.into());
        set("date", &js_sys::Uint32Array::from(&date[..]).into());
        set("year", &js_sys::Int32Array::from(&year[..]).into());
        set("child", &js_sys::Uint8Array::from(&child[..]).into());
        o.into()
    }

    /// The title and the "Số, ký hiệu" text of every row, for sorting by
    /// those columns (asked for on the first such sort, not at first render).
    #[wasm_bindgen(js_name = sortTexts, unchecked_return_type = "CatalogSortTexts")]
    pub fn sort_texts(&self) -> Result<JsValue, JsValue> {
        // Built with js_sys (no Serialize, no JSON text in between).
        let rows = render::catalog_row_data(&self.catalog);
        let title = js_sys::Array::new();
        let number_symbol = js_sys::Array::new();
        for r in &rows {
            title.push(&JsValue::from_str(r.title));
            number_symbol.push(&r.number_symbol.map_or(JsValue::NULL, JsValue::from_str));
        }
        let o = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str("title"), &title);
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str("number_symbol"), &number_symbol);
        Ok(o.into())
    }

    /// The whole catalog fragment with only `rows` in its body, in that
    /// order (`tiepcan::render::render_catalog_page`): the first page.
    /// Positions past the end are skipped.
    ///
    /// # Errors
    /// `code:"input"` for bad options or an unknown grouping.
    #[wasm_bindgen(js_name = renderPage)]
    pub fn render_page(
        &self,
        rows: &[u32],
        #[wasm_bindgen(unchecked_param_type = "RowGrouping")] grouping: &str,
        #[wasm_bindgen(unchecked_param_type = "RenderOptions | undefined")] options_: JsValue,
    ) -> Result<String, JsValue> {
        Ok(render::render_catalog_page(
            &self.catalog,
            &options(options_)?,
            &view_rows(rows),
            view_grouping(grouping)?,
        ))
    }

    /// Only the `<tbody>` elements holding `rows`, in that order
    /// (`tiepcan::render::render_catalog_rows`): `"sections"` groups rows in
    /// table order under their section headers as the full table does,
    /// `"flat"` puts sorted rows in one `<tbody>`.
    ///
    /// # Errors
    /// `code:"input"` for an unknown grouping.
    #[wasm_bindgen(js_name = renderRows)]
    pub fn render_rows(
        &self,
        rows: &[u32],
        #[wasm_bindgen(unchecked_param_type = "RowGrouping")] grouping: &str,
    ) -> Result<String, JsValue> {
        Ok(render::render_catalog_rows(
            &self.catalog,
            &view_rows(rows),
            view_grouping(grouping)?,
        ))
    }
}
