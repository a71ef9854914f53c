//! A catalog from the object the browser's `JSON.parse` gave, without serde:
//! what `CatalogView.fromObject` reads (README "Two modules").
//!
//! The object is walked with `js_sys` (`Reflect::get` of each field the
//! model has, `Object::keys` only where every key matters: the top level
//! and the `unparsed`/`extra`/`columns` maps), and every value gets its
//! meaning from the core: dates with `PartialDate::parse` and
//! `parse_iso_date`, numbers and symbols as `DocumentRef` fields, codes with
//! the enums' `from_code`, the Art. 17 point with `Art17Point::parse`, the
//! agency code with `AgencyCode::parse`; then `tiepcan::io::json::finish`
//! (what `read_one_pass` does after building the catalog: NFC titles).
//!
//! It accepts what `tiepcan::io::json::read_one_pass` accepts, with the
//! same catalog, and declines the rest ([`Declined`]): the same top-level
//! rules (`"kind"` present and before `"items"`, only catalog fields at the
//! top level), the same types, required fields and defaults as the serde
//! model (`null` is `None` for an `Option`, an error for a `Vec`, a map or
//! `area_class`; unknown keys inside an entry, the agency, a document
//! reference or a source span are ignored), serde_json's nesting limit (the
//! 128th nested array or object the model reads is an error), and a string
//! the model reads that holds a lone surrogate (serde_json rejects its
//! escape; `JSON.parse` keeps it). What `JSON.parse` cannot tell apart and
//! the caller has to (see `js/catalog.js`): a repeated key (`JSON.parse`
//! keeps the last; `read_one_pass` declines and the full `read` keeps the
//! last, so the catalog is the one the full reader gives), a lone surrogate
//! escaped in a key the model ignores, and an integer written as `2018.0`
//! or `2.018e3` (serde rejects it; the object has 2018). It also declines a
//! few shapes serde reads that tiepcan never writes (a struct as an array,
//! a code as `{"portal": null}`): declining is always safe, the full
//! module's reader then reads the text.

use std::collections::BTreeMap;

use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::JsValue;

use tiepcan::law::{Art17Point, ConditionalGround, ConsentHolder, DisclosureForm};
use tiepcan::model::{
    parse_iso_date, Agency, AgencyCode, AgencyLevel, AreaClass, Catalog, CatalogHeader,
    CatalogKind, ConditionalAccessCatalog, ConditionalItem, ConsentStatus, DisclosureCatalog,
    DocumentRef, Field, InformationItem, OverrideDecision, PartialDate, SourceSpan,
};

/// Why the object was declined (English, for the error message).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Declined(pub &'static str);

type R<T> = Result<T, Declined>;

/// serde_json's recursion limit: entering the 128th nested array or object
/// is an error (`remaining_depth` starts at 128).
const DEPTH_LIMIT: u32 = 128;

macro_rules! keys {
    ($($k:ident),* $(,)?) => {
        /// The field names, as JS strings made once per read.
        struct Keys { $($k: JsValue),* }
        impl Keys {
            fn new() -> Keys { Keys { $($k: JsValue::from_str(stringify!($k))),* } }
        }
    };
}

keys!(
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
    children,
    unparsed,
    extra,
    source,
    ground,
    consent_holder,
    consent_status,
    consent_document,
    override_decision,
    raw,
    number,
    year,
    doc_type,
    issuer,
    unit,
    row,
    columns,
    decided_by,
    decided_on,
    reason,
    document,
    name,
    level,
    code,
    has_portal,
    portal_url,
    address,
    phone,
    fax,
    email,
    successor,
    area_class,
);

/// The header fields `CatalogHeader`'s derive knows (the top-level keys
/// `read_one_pass` accepts besides `"kind"` and `"items"`).
const HEADER_FIELDS: [&str; 9] = [
    "agency",
    "title",
    "stated_basis",
    "issuing_decision",
    "issued_on",
    "last_updated",
    "published_at",
    "compiled_by",
    "approved_by",
];

const NOT_FIT: Declined = Declined("a value does not fit the catalog model");

/// The catalog of `value`, before `tiepcan::io::json::finish`.
pub(crate) fn catalog(value: &JsValue) -> R<Catalog> {
    let top = object(value, 1).map_err(|_| Declined("not a catalog object"))?;
    let k = Keys::new();
    let keys = Object::keys(&top);
    let mut kind_at = None;
    let mut items_at = None;
    let mut header = CatalogHeader::default();
    for (i, key) in keys.iter().enumerate() {
        let name = key_string(&key)?;
        let v = get(&top, &key);
        match name.as_str() {
            "kind" => kind_at = Some((i, code(&v, CatalogKind::from_code)?)),
            "items" => items_at = Some((i, v)),
            "agency" => header.agency = opt(&v, |v| agency(v, 2, &k))?,
            "title" => header.title = opt_string(&v)?,
            "stated_basis" => header.stated_basis = opt_string(&v)?,
            "issuing_decision" => header.issuing_decision = opt(&v, |v| document(v, 2, &k))?,
            "issued_on" => header.issued_on = opt(&v, iso_date)?,
            "last_updated" => header.last_updated = opt(&v, iso_date)?,
            "published_at" => header.published_at = opt_string(&v)?,
            "compiled_by" => header.compiled_by = opt_string(&v)?,
            "approved_by" => header.approved_by = opt_string(&v)?,
            _ => {
                debug_assert!(!HEADER_FIELDS.contains(&name.as_str()));
                return Err(Declined("a top-level key is not a catalog field"));
            }
        }
    }
    let (Some((ki, kind)), Some((ii, items))) = (kind_at, items_at) else {
        return Err(Declined("the catalog has no \"kind\" before its \"items\""));
    };
    if ki > ii {
        return Err(Declined("the catalog has no \"kind\" before its \"items\""));
    }
    let items = array(&items, 2)?;
    let n = items.length();
    Ok(match kind {
        CatalogKind::Disclosure => {
            let mut out = Vec::with_capacity(n as usize);
            for i in 0..n {
                out.push(information_item(&items.get(i), 3, &k)?);
            }
            Catalog::Disclosure(DisclosureCatalog { header, items: out })
        }
        CatalogKind::Conditional => {
            let mut out = Vec::with_capacity(n as usize);
            for i in 0..n {
                out.push(conditional_item(&items.get(i), 3, &k)?);
            }
            Catalog::Conditional(ConditionalAccessCatalog { header, items: out })
        }
    })
}

fn get(o: &Object, key: &JsValue) -> JsValue {
    Reflect::get(o, key).unwrap_or(JsValue::UNDEFINED)
}

/// A string the model reads. `as_string` turns a lone surrogate into
/// U+FFFD; serde_json rejects its escape, so a string with U+FFFD is
/// checked against the JS string.
fn checked(v: &JsValue, s: String) -> R<String> {
    if s.contains('\u{FFFD}') && !JsString::from(v.clone()).is_valid_utf16() {
        return Err(Declined("a string holds a lone surrogate"));
    }
    Ok(s)
}

fn key_string(key: &JsValue) -> R<String> {
    let s = key.as_string().ok_or(NOT_FIT)?;
    checked(key, s)
}

/// A required string.
fn string(v: &JsValue) -> R<String> {
    match v.as_string() {
        Some(s) => checked(v, s),
        None => Err(NOT_FIT),
    }
}

/// `Option<T>`: absent or `null` is `None`.
fn opt<T>(v: &JsValue, f: impl FnOnce(&JsValue) -> R<T>) -> R<Option<T>> {
    if v.is_undefined() || v.is_null() {
        Ok(None)
    } else {
        f(v).map(Some)
    }
}

fn opt_string(v: &JsValue) -> R<Option<String>> {
    // The common case first: one call for a present string.
    match v.as_string() {
        Some(s) => checked(v, s).map(Some),
        None if v.is_undefined() || v.is_null() => Ok(None),
        None => Err(NOT_FIT),
    }
}

/// A non-array object at nesting `depth` (1 = the top level).
fn object(v: &JsValue, depth: u32) -> R<Object> {
    if depth >= DEPTH_LIMIT {
        return Err(Declined("nested deeper than the JSON reader's limit"));
    }
    if v.is_object() && !Array::is_array(v) {
        Ok(Object::from(v.clone()))
    } else {
        Err(NOT_FIT)
    }
}

fn array(v: &JsValue, depth: u32) -> R<Array> {
    if depth >= DEPTH_LIMIT {
        return Err(Declined("nested deeper than the JSON reader's limit"));
    }
    if Array::is_array(v) {
        Ok(Array::from(v))
    } else {
        Err(NOT_FIT)
    }
}

/// A unit variant by its snake_case code (the derive's string form).
fn code<T>(v: &JsValue, from: fn(&str) -> Option<T>) -> R<T> {
    let s = string(v)?;
    from(&s).ok_or(Declined("an unknown code"))
}

/// A non-negative integer up to `max` (serde_json: a JSON integer; `-0`
/// is a float there).
fn uint(v: &JsValue, max: u64) -> R<u64> {
    let x = v.as_f64().ok_or(NOT_FIT)?;
    if x.fract() != 0.0 || x < 0.0 || x > max as f64 || (x == 0.0 && x.is_sign_negative()) {
        return Err(NOT_FIT);
    }
    Ok(x as u64)
}

fn iso_date(v: &JsValue) -> R<chrono::NaiveDate> {
    parse_iso_date(&string(v)?).map_err(|_| Declined("a date is not an ISO date"))
}

/// `Vec<T>` with `#[serde(default)]`: absent is empty, `null` an error.
fn list<T>(v: &JsValue, depth: u32, mut f: impl FnMut(&JsValue) -> R<T>) -> R<Vec<T>> {
    if v.is_undefined() {
        return Ok(Vec::new());
    }
    let a = array(v, depth)?;
    let n = a.length();
    let mut out = Vec::with_capacity(n as usize);
    for i in 0..n {
        out.push(f(&a.get(i))?);
    }
    Ok(out)
}

/// `BTreeMap<K, String>` with `#[serde(default)]`: absent is empty, `null`
/// an error; a repeated key keeps the last value, as serde's map does.
fn map<K: Ord>(v: &JsValue, depth: u32, key: fn(String) -> R<K>) -> R<BTreeMap<K, String>> {
    if v.is_undefined() {
        return Ok(BTreeMap::new());
    }
    let o = object(v, depth)?;
    let mut out = BTreeMap::new();
    for k in Object::keys(&o).iter() {
        let name = key_string(&k)?;
        out.insert(key(name)?, string(&get(&o, &k))?);
    }
    Ok(out)
}

fn field_key(s: String) -> R<Field> {
    Field::from_key(&s).ok_or(Declined("an unknown field name"))
}

fn document(v: &JsValue, depth: u32, k: &Keys) -> R<DocumentRef> {
    let o = object(v, depth)?;
    Ok(DocumentRef {
        raw: string(&get(&o, &k.raw))?,
        number: opt_string(&get(&o, &k.number))?,
        year: opt(&get(&o, &k.year), |v| uint(v, u16::MAX.into()))?.map(|y| y as u16),
        doc_type: opt_string(&get(&o, &k.doc_type))?,
        issuer: opt_string(&get(&o, &k.issuer))?,
        unit: opt_string(&get(&o, &k.unit))?,
    })
}

fn agency(v: &JsValue, depth: u32, k: &Keys) -> R<Agency> {
    let o = object(v, depth)?;
    let area = get(&o, &k.area_class);
    Ok(Agency {
        name: string(&get(&o, &k.name))?,
        level: opt(&get(&o, &k.level), |v| code(v, AgencyLevel::from_code))?,
        code: opt(&get(&o, &k.code), |v| {
            AgencyCode::parse(&string(v)?).map_err(|_| Declined("not an agency code"))
        })?,
        has_portal: opt(&get(&o, &k.has_portal), |v| v.as_bool().ok_or(NOT_FIT))?,
        portal_url: opt_string(&get(&o, &k.portal_url))?,
        address: opt_string(&get(&o, &k.address))?,
        phone: opt_string(&get(&o, &k.phone))?,
        fax: opt_string(&get(&o, &k.fax))?,
        email: opt_string(&get(&o, &k.email))?,
        successor: opt_string(&get(&o, &k.successor))?,
        area_class: if area.is_undefined() {
            AreaClass::default()
        } else {
            code(&area, AreaClass::from_code)?
        },
    })
}

fn source(v: &JsValue, depth: u32, k: &Keys) -> R<SourceSpan> {
    let o = object(v, depth)?;
    Ok(SourceSpan {
        row: usize::try_from(uint(&get(&o, &k.row), usize::MAX as u64)?).map_err(|_| NOT_FIT)?,
        columns: map(&get(&o, &k.columns), depth + 1, field_key)?,
    })
}

fn created_on(v: &JsValue) -> R<PartialDate> {
    PartialDate::parse(&string(v)?).map_err(|_| Declined("a date is not a date"))
}

/// An entry of the disclosure catalog, an object at nesting `depth`.
fn information_item(v: &JsValue, depth: u32, k: &Keys) -> R<InformationItem> {
    let o = object(v, depth)?;
    let d = depth + 1;
    Ok(InformationItem {
        seq: opt_string(&get(&o, &k.seq))?,
        title: string(&get(&o, &k.title))?,
        number_symbol: opt(&get(&o, &k.number_symbol), |v| document(v, d, k))?,
        created_on: opt(&get(&o, &k.created_on), created_on)?,
        art17_point: opt(&get(&o, &k.art17_point), |v| {
            Art17Point::parse(&string(v)?).map_err(|_| Declined("not an Art. 17 point"))
        })?,
        disclosure_forms: list(&get(&o, &k.disclosure_forms), d, |v| {
            code(v, DisclosureForm::from_code)
        })?,
        disclosure_time: opt_string(&get(&o, &k.disclosure_time))?,
        disclosure_period: opt_string(&get(&o, &k.disclosure_period))?,
        access_link: opt_string(&get(&o, &k.access_link))?,
        link_text: opt_string(&get(&o, &k.link_text))?,
        attachment: opt_string(&get(&o, &k.attachment))?,
        section: opt_string(&get(&o, &k.section))?,
        children: list(&get(&o, &k.children), d, |v| information_item(v, d + 1, k))?,
        unparsed: map(&get(&o, &k.unparsed), d, field_key)?,
        extra: map(&get(&o, &k.extra), d, Ok)?,
        source: opt(&get(&o, &k.source), |v| source(v, d, k))?,
    })
}

/// An entry of the conditional-access catalog.
fn conditional_item(v: &JsValue, depth: u32, k: &Keys) -> R<ConditionalItem> {
    let o = object(v, depth)?;
    let d = depth + 1;
    Ok(ConditionalItem {
        seq: opt_string(&get(&o, &k.seq))?,
        title: string(&get(&o, &k.title))?,
        number_symbol: opt(&get(&o, &k.number_symbol), |v| document(v, d, k))?,
        created_on: opt(&get(&o, &k.created_on), created_on)?,
        ground: opt(&get(&o, &k.ground), |v| {
            code(v, ConditionalGround::from_code)
        })?,
        consent_holder: opt(&get(&o, &k.consent_holder), |v| {
            code(v, ConsentHolder::from_code)
        })?,
        consent_status: opt(&get(&o, &k.consent_status), |v| {
            code(v, ConsentStatus::from_code)
        })?,
        consent_document: opt_string(&get(&o, &k.consent_document))?,
        override_decision: opt(&get(&o, &k.override_decision), |v| {
            let o = object(v, d)?;
            Ok(OverrideDecision {
                decided_by: string(&get(&o, &k.decided_by))?,
                decided_on: opt(&get(&o, &k.decided_on), iso_date)?,
                reason: string(&get(&o, &k.reason))?,
                document: opt(&get(&o, &k.document), |v| document(v, d + 1, k))?,
            })
        })?,
        section: opt_string(&get(&o, &k.section))?,
        unparsed: map(&get(&o, &k.unparsed), d, field_key)?,
        extra: map(&get(&o, &k.extra), d, Ok)?,
        source: opt(&get(&o, &k.source), |v| source(v, d, k))?,
    })
}
