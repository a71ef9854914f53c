//! Exports with plain wasm-bindgen arguments, for the web components.
//!
//! The serde-based exports (`computeDeadline`, `deadlineView`,
//! `checkRequestSlip`, `renderRequestForm`, `explainDays`) turn objects into
//! JSON text and back; that links serde_json's serializer and the
//! `Serialize`/`Deserialize` impls of every type they carry. The components'
//! module (`--no-default-features`) has the exports of this file instead:
//! strings and numbers in, objects built by hand with `js_sys` out. They call
//! the same core functions, and give the same JSON shapes (the
//! `Schedule`, `FieldError` and `Location` types of the TypeScript
//! declarations), so the components behave the same with either module
//! (README "Two modules"); both modules have them, since the components use
//! the full module when a page has loaded it.
//!
//! No legal logic here: each function converts and calls the core.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use tiepcan::calendar::{SkipReason, SkippedDay, WorkingCalendar};
use tiepcan::deadline::{Clock, Complexity, Deadline, Received, Request, RuleTable, Schedule};
use tiepcan::law::{Channel, Citation};
use tiepcan::render::{self, FieldError, RenderOptions, RequestSlipInput};
use tiepcan::validate::{Diagnostic, Location, Message};

use crate::{date_arg, error};

// ---------------------------------------------------------------------------
// Building JS objects by hand (the JSON shapes of the core types).

fn set(o: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(o, &JsValue::from_str(key), &value.into());
}

fn str_or_null(s: Option<&str>) -> JsValue {
    s.map_or(JsValue::NULL, JsValue::from_str)
}

fn num_or_null<N: Into<f64>>(n: Option<N>) -> JsValue {
    n.map_or(JsValue::NULL, |n| JsValue::from_f64(n.into()))
}

fn array<T>(items: &[T], f: fn(&T) -> JsValue) -> Array {
    let a = Array::new();
    for x in items {
        a.push(&f(x));
    }
    a
}

/// `Location` (`file`, `pointer`, `line` and `col` only when known, as the
/// core's JSON has them).
pub(crate) fn location_value(l: &Location) -> JsValue {
    let o = Object::new();
    if let Some(f) = &l.file {
        set(&o, "file", f.as_str());
    }
    set(&o, "row", num_or_null(l.row.map(|r| r as f64)));
    set(&o, "column", str_or_null(l.column.as_deref()));
    if let Some(p) = &l.pointer {
        set(&o, "pointer", p.as_str());
    }
    if let Some(n) = l.line {
        set(&o, "line", n as f64);
    }
    if let Some(n) = l.col {
        set(&o, "col", n as f64);
    }
    o.into()
}

fn message_value(m: &Message) -> JsValue {
    let o = Object::new();
    set(&o, "vi", m.vi.as_str());
    set(&o, "en", m.en.as_str());
    o.into()
}

/// The core's names are the snake_case of the variant names (serde
/// `rename_all = "snake_case"`): `Law104` → `law104`, `CivilCode` →
/// `civil_code`. `Instrument` has no `code()`; its `Debug` is the variant name.
fn snake_case(name: &str) -> String {
    let mut s = String::with_capacity(name.len() + 4);
    for (i, c) in name.char_indices() {
        if i > 0 && c.is_ascii_uppercase() {
            s.push('_');
        }
        s.push(c.to_ascii_lowercase());
    }
    s
}

/// `Citation` (`sub_item` and `paragraph` only when present; `text` and
/// `text_vi` as the core writes them).
fn citation_value(c: &Citation) -> JsValue {
    let o = Object::new();
    set(&o, "instrument", snake_case(&format!("{:?}", c.instrument)));
    set(&o, "article", f64::from(c.article));
    set(&o, "clause", num_or_null(c.clause));
    if let Some(n) = c.sub_item {
        set(&o, "sub_item", f64::from(n));
    }
    set(&o, "point", str_or_null(c.point.map(|p| p.letter())));
    if let Some(n) = c.paragraph {
        set(&o, "paragraph", f64::from(n));
    }
    set(&o, "text", c.to_string());
    set(&o, "text_vi", c.to_vietnamese());
    o.into()
}

fn diagnostic_value(d: &Diagnostic) -> JsValue {
    let o = Object::new();
    set(&o, "rule", d.rule.as_str());
    set(&o, "severity", d.severity.to_string());
    set(&o, "location", location_value(&d.location));
    set(&o, "value", str_or_null(d.value.as_deref()));
    set(&o, "message", message_value(&d.message));
    set(
        &o,
        "citation",
        d.citation.as_ref().map_or(JsValue::NULL, citation_value),
    );
    o.into()
}

/// `SkippedDay`: `{date, reason: {kind: "weekend"} | {kind: "day_off",
/// day_kind, name, document}, projected}`.
fn skipped_value(d: &SkippedDay) -> JsValue {
    let o = Object::new();
    set(&o, "date", d.date.to_string());
    let r = Object::new();
    match &d.reason {
        SkipReason::Weekend => set(&r, "kind", "weekend"),
        SkipReason::DayOff {
            day_kind,
            name,
            document,
        } => {
            set(&r, "kind", "day_off");
            set(&r, "day_kind", day_kind.code());
            set(&r, "name", &**name);
            set(&r, "document", &**document);
        }
    }
    set(&o, "reason", r);
    set(&o, "projected", d.projected);
    o.into()
}

fn deadline_value(m: &Deadline) -> JsValue {
    let o = Object::new();
    set(&o, "kind", m.kind.code());
    set(&o, "rule_id", m.rule_id.as_str());
    set(&o, "start", m.start.to_string());
    set(&o, "due", m.due.to_string());
    set(
        &o,
        "alternative_due",
        m.alternative_due
            .map_or(JsValue::NULL, |d| JsValue::from(d.to_string())),
    );
    let limit = Object::new();
    set(&limit, "value", f64::from(m.limit.value));
    set(&limit, "unit", m.limit.unit.code());
    set(&o, "limit", limit);
    set(&o, "unit_as_written", m.unit_as_written.as_str());
    set(&o, "citation", citation_value(&m.citation));
    set(&o, "value_status", m.value_status.code());
    set(&o, "provisional", m.provisional);
    set(&o, "skipped", array(&m.skipped, skipped_value));
    o.into()
}

/// `Schedule`, as `computeDeadline` returns it.
fn schedule_value(s: &Schedule) -> JsValue {
    let o = Object::new();
    set(&o, "regime", s.regime.code());
    let received = match s.received {
        Received::Date(d) => d.to_string(),
        // The core's JSON form of a local time (chrono's ISO 8601, no offset).
        Received::LocalDateTime(dt) => format!("{dt:?}"),
    };
    set(&o, "received", received);
    set(&o, "receipt_date", s.receipt_date.to_string());
    set(&o, "channel", s.channel.code());
    set(&o, "complexity", s.complexity.code());
    set(&o, "milestones", array(&s.milestones, deadline_value));
    set(&o, "skipped", array(&s.skipped, skipped_value));
    set(&o, "findings", array(&s.findings, diagnostic_value));
    set(&o, "calendar_version", s.calendar_version.as_str());
    o.into()
}

fn field_error_value(e: &FieldError) -> JsValue {
    let o = Object::new();
    set(&o, "field", e.field.as_str());
    set(&o, "message", message_value(&e.message));
    o.into()
}

// ---------------------------------------------------------------------------
// Reading JS objects by hand.

/// Whether `v` is a plain object (not `null`, not an array).
fn is_record(v: &JsValue) -> bool {
    v.is_object() && !Array::is_array(v)
}

/// `v[key]` as a string: `None` when absent (`undefined`).
///
/// # Errors
/// `code:"input"` naming `what.key` when the property is not a string.
fn string_prop(v: &JsValue, key: &str, what: &str) -> Result<Option<String>, JsValue> {
    let p = Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    if p.is_undefined() {
        return Ok(None);
    }
    p.as_string()
        .map(Some)
        .ok_or_else(|| error("input", &format!("{what}: {key} must be a string"), None))
}

/// `RenderOptions` from `undefined`/`null` (the defaults), an object
/// `{id_prefix?, heading_level?, form_action?}` or its JSON text; other keys
/// are ignored. What every export taking `options` reads.
///
/// # Errors
/// `code:"input"` for text that is not JSON, a value that is not an object,
/// or a property of the wrong type (`heading_level`: a whole number 0–255;
/// the renderers use 1–6).
pub(crate) fn render_options(v: JsValue) -> Result<RenderOptions, JsValue> {
    let mut o = RenderOptions::default();
    if v.is_undefined() || v.is_null() {
        return Ok(o);
    }
    let v = match v.as_string() {
        Some(text) => js_sys::JSON::parse(&text).map_err(|e| {
            let why = Reflect::get(&e, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_default();
            error("input", &format!("options is not JSON: {why}"), None)
        })?,
        None => v,
    };
    if !is_record(&v) {
        return Err(error(
            "input",
            "options must be an object {id_prefix?, heading_level?, form_action?}",
            None,
        ));
    }
    if let Some(s) = string_prop(&v, "id_prefix", "options")? {
        o.id_prefix = s;
    }
    if let Some(s) = string_prop(&v, "form_action", "options")? {
        o.form_action = s;
    }
    let h = Reflect::get(&v, &JsValue::from_str("heading_level")).unwrap_or(JsValue::UNDEFINED);
    if !h.is_undefined() {
        o.heading_level = h
            .as_f64()
            .filter(|n| n.fract() == 0.0 && (0.0..=255.0).contains(n))
            .map(|n| n as u8)
            .ok_or_else(|| {
                error(
                    "input",
                    "options: heading_level must be a whole number (a heading level, 1 to 6)",
                    None,
                )
            })?;
    }
    Ok(o)
}

/// The request slip's fields from an object `{full_name, residence, …}`;
/// an absent field is empty.
fn slip_input(values: &JsValue) -> Result<RequestSlipInput, JsValue> {
    if values.is_undefined() || values.is_null() {
        return Ok(RequestSlipInput::default());
    }
    if !is_record(values) {
        return Err(error(
            "input",
            "request slip must be an object of field names and values",
            None,
        ));
    }
    let f = |key: &str| -> Result<String, JsValue> {
        Ok(string_prop(values, key, "request slip")?.unwrap_or_default())
    };
    Ok(RequestSlipInput {
        full_name: f("full_name")?,
        residence: f("residence")?,
        id_number: f("id_number")?,
        phone: f("phone")?,
        fax: f("fax")?,
        email: f("email")?,
        information: f("information")?,
        provision_form: f("provision_form")?,
        reason: f("reason")?,
    })
}

// ---------------------------------------------------------------------------
// Exports.

#[wasm_bindgen(typescript_custom_section)]
const TS_PLAIN: &str = r#"
/** The request slip's fields as a form gives them (name → value); absent fields are empty. */
export type RequestSlipValues = Partial<Record<"full_name" | "residence" | "id_number" | "phone" | "fax" | "email" | "information" | "provision_form" | "reason", string>>;
"#;

/// Compute the deadlines of a request on the official working calendar and
/// render their explanation, from plain arguments: what `<tiepcan-deadline>`
/// calls. The same as `deadlineView({received, channel, complexity},
/// options)` for a request received on a day (regime chosen by the date, no
/// extension): `{schedule, html}`, where `schedule` has the shape
/// `computeDeadline` returns (due dates, working or calendar days,
/// citations, skipped days with reasons, findings) and `html` is the core's
/// explanation list.
///
/// - `received`: the day the valid request was received, `"2025-01-24"` or
///   day first `"24/01/2025"` (a civil date in Vietnam);
/// - `channel`: `"in_person"`, `"electronic"`, `"postal"` or `"fax"` (also
///   the names `tiepcan::law::Channel::parse` knows);
/// - `complexity`: `"simple"` or `"complex"`;
/// - `options`: `{id_prefix?, heading_level?}` of the explanation.
///
/// ```js
/// const { schedule, html } = deadlineViewPlain('2025-01-24', 'postal', 'complex', { id_prefix: 'kq', heading_level: 3 });
/// schedule.milestones[1].due; // "2025-02-21" (Law 104/2016/QH13 Art. 31(2), Tết 2025 skipped)
/// ```
///
/// # Errors
/// `code:"date"` for a received date that is not a full date,
/// `code:"input"` for an unknown channel or complexity or bad options,
/// `code:"deadline"` when no regime or calendar covers the date.
#[wasm_bindgen(
    js_name = deadlineViewPlain,
    unchecked_return_type = "{ schedule: Schedule; html: string }"
)]
pub fn deadline_view_plain(
    received: &str,
    #[wasm_bindgen(unchecked_param_type = "DeadlineRequest[\"channel\"]")] channel: &str,
    #[wasm_bindgen(unchecked_param_type = "DeadlineRequest[\"complexity\"]")] complexity: &str,
    #[wasm_bindgen(unchecked_param_type = "RenderOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let day = date_arg(received, "received")?;
    let channel = Channel::parse(channel).map_err(|e| error("input", &e.to_string(), None))?;
    let complexity = Complexity::parse(complexity).ok_or_else(|| {
        error(
            "input",
            &format!("unknown complexity {complexity:?}: expected \"simple\" or \"complex\""),
            None,
        )
    })?;
    let opts = render_options(options)?;
    let rules = RuleTable::builtin();
    let schedule = Clock::new(WorkingCalendar::official(), &rules)
        .schedule(&Request::new(Received::Date(day), channel, complexity))
        .map_err(|e| error("deadline", &e.to_string(), None))?;
    let o = Object::new();
    set(&o, "schedule", schedule_value(&schedule));
    set(&o, "html", render::render_deadline(&schedule, &opts));
    Ok(o.into())
}

/// Check the request slip's fields (Law 104/2016/QH13 Art. 24(2)), from the
/// form's values `{full_name, residence, …}` (strings; absent = empty):
/// what `<tiepcan-request-form>` calls. The same `FieldError[]` as
/// `checkRequestSlip` (one per field at most, in form order); `[]` when the
/// slip can be sent.
///
/// # Errors
/// `code:"input"` when `values` is not an object or a value is not a string.
#[wasm_bindgen(js_name = checkRequestSlipPlain, unchecked_return_type = "FieldError[]")]
pub fn check_request_slip_plain(
    #[wasm_bindgen(unchecked_param_type = "RequestSlipValues")] values: JsValue,
) -> Result<JsValue, JsValue> {
    let input = slip_input(&values)?;
    Ok(array(&render::check_request_slip(&input), field_error_value).into())
}

/// Render the request slip form (Form 01a) with the form's values: blank
/// (`values` empty) or as typed; with `checked`, the errors of
/// `checkRequestSlipPlain(values)` are shown (error summary linked to each
/// field). The same HTML as `renderRequestForm(values, checked ?
/// checkRequestSlip(values) : [], options)`. `options`: `{id_prefix?,
/// heading_level?, form_action?}`.
///
/// # Errors
/// `code:"input"` as `checkRequestSlipPlain`, or for bad options.
#[wasm_bindgen(js_name = renderRequestFormPlain)]
pub fn render_request_form_plain(
    #[wasm_bindgen(unchecked_param_type = "RequestSlipValues | undefined")] values: JsValue,
    checked: bool,
    #[wasm_bindgen(unchecked_param_type = "RenderOptions | undefined")] options: JsValue,
) -> Result<String, JsValue> {
    let input = slip_input(&values)?;
    let errors = if checked {
        render::check_request_slip(&input)
    } else {
        Vec::new()
    };
    Ok(render::render_request_form(
        &input,
        &errors,
        &render_options(options)?,
    ))
}
