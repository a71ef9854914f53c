//! A catalog from the object the browser's `JSON.parse` gave, without serde:
//! what `CatalogView.fromParts` reads (README "Two modules").
//!
//! `js/core.js` packs the parsed value (`packJson`: tags, lengths, numbers
//! and one string, one call into wasm; [`crate::tape`] unpacks it: walking
//! the JS object from wasm with `js_sys` cost a call per field and per
//! string, ~60 ms for 5,000 entries). Here the value is read as the model:
//! every value gets its meaning from the core: dates with `PartialDate::parse` and
//! `parse_iso_date`, numbers and symbols as `DocumentRef` fields, codes with
//! the enums' `from_code`, the Art. 17 point with `Art17Point::parse`, the
//! agency code with `AgencyCode::parse`; then `tiepcan::io::json::finish`
//! (what `read_one_pass` does after building the catalog: NFC titles).
//!
//! It accepts what `tiepcan::io::json::read_one_pass` accepts, with the
//! same catalog, and declines the rest ([`Declined`]): the same top-level
//! rules (`"kind"` present, only catalog fields at the top level; but
//! `"kind"` may come after `"items"`, which the streaming `read_one_pass`
//! declines and the full reader reads the same), the same types, required fields and defaults as the serde
//! model (`null` is `None` for an `Option`, an error for a `Vec`, a map or
//! `area_class`; unknown keys inside an entry, the agency, a document
//! reference or a source span are ignored), serde_json's nesting limit (the
//! 128th nested array or object the model reads is an error). A string
//! with a lone surrogate (serde_json rejects its escape, even in a key the
//! model ignores; `JSON.parse` keeps it) is declined by `packJson`. What
//! `JSON.parse` cannot tell apart: a repeated key (`JSON.parse` keeps the
//! last; `read_one_pass` declines, and the full `read` keeps the last, so
//! the catalog is the one the full reader — the fallback — gives), and an
//! integer written as `2018.0` or `2.018e3` (serde rejects it; the object
//! has 2018; tiepcan never writes one). It also declines a
//! few shapes serde reads that tiepcan never writes (a struct as an array,
//! a code as `{"portal": null}`): declining is always safe, the full
//! module's reader then reads the text.

use std::collections::BTreeMap;

use crate::tape::V;
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

/// An object's entries.
type Obj<'v, 'a> = &'v [(&'a str, V<'a>)];

/// serde_json's recursion limit: entering the 128th nested array or object
/// is an error (`remaining_depth` starts at 128).
const DEPTH_LIMIT: u32 = 128;

const NOT_FIT: Declined = Declined("a value does not fit the catalog model");

/// The catalog of `value`, before `tiepcan::io::json::finish`.
pub(crate) fn catalog(value: &V) -> R<Catalog> {
    let top = object(value, 1).map_err(|_| Declined("not a catalog object"))?;
    let mut kind_at = None;
    let mut items_at = None;
    let mut header = CatalogHeader::default();
    for (name, v) in top.iter() {
        match *name {
            "kind" => kind_at = Some(code(v, CatalogKind::from_code)?),
            "items" => items_at = Some(v),
            "agency" => header.agency = opt(Some(v), |v| agency(v, 2))?,
            "title" => header.title = opt_string(Some(v))?,
            "stated_basis" => header.stated_basis = opt_string(Some(v))?,
            "issuing_decision" => header.issuing_decision = opt(Some(v), |v| document(v, 2))?,
            "issued_on" => header.issued_on = opt(Some(v), iso_date)?,
            "last_updated" => header.last_updated = opt(Some(v), iso_date)?,
            "published_at" => header.published_at = opt_string(Some(v))?,
            "compiled_by" => header.compiled_by = opt_string(Some(v))?,
            "approved_by" => header.approved_by = opt_string(Some(v))?,
            _ => return Err(Declined("a top-level key is not a catalog field")),
        }
    }
    // "kind" anywhere: the object is whole here, so the order that the
    // streaming `read_one_pass` needs (and declines) does not matter; the
    // full reader gives the same catalog (key-sorted JSON, `jq -S`,
    // Python's `sort_keys=True`, puts "items" first).
    let (Some(kind), Some(items)) = (kind_at, items_at) else {
        return Err(Declined("the catalog has no \"kind\" or no \"items\""));
    };
    let items = array(items, 2)?;
    Ok(match kind {
        CatalogKind::Disclosure => Catalog::Disclosure(DisclosureCatalog {
            header,
            items: items
                .iter()
                .map(|v| information_item(v, 3))
                .collect::<R<_>>()?,
        }),
        CatalogKind::Conditional => Catalog::Conditional(ConditionalAccessCatalog {
            header,
            items: items
                .iter()
                .map(|v| conditional_item(v, 3))
                .collect::<R<_>>()?,
        }),
    })
}

/// The value of `key` in an object (`None`: absent).
fn get<'v, 'a>(o: Obj<'v, 'a>, key: &str) -> Option<&'v V<'a>> {
    o.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
}

/// The values of `names` in an object (`None`: absent), in one pass over
/// its entries: each key is looked for from the name after the last one
/// found, so entries in the model's order (as tiepcan writes them) match at
/// the first comparison. The first of a repeated key, as [`get`].
fn fields<'v, 'a, const N: usize>(o: Obj<'v, 'a>, names: &[&str; N]) -> [Option<&'v V<'a>>; N] {
    let mut out = [None; N];
    let mut next = 0;
    for (k, v) in o {
        for j in 0..N {
            let i = (next + j) % N;
            if names[i] == *k {
                if out[i].is_none() {
                    out[i] = Some(v);
                }
                next = i + 1;
                break;
            }
        }
    }
    out
}

/// A required string.
fn string(v: Option<&V>) -> R<String> {
    match v {
        Some(V::Str(s)) => Ok((*s).to_string()),
        _ => Err(NOT_FIT),
    }
}

/// `Option<T>`: absent or `null` is `None`.
fn opt<T>(v: Option<&V>, f: impl FnOnce(&V) -> R<T>) -> R<Option<T>> {
    match v {
        None | Some(V::Null) => Ok(None),
        Some(v) => f(v).map(Some),
    }
}

fn opt_string(v: Option<&V>) -> R<Option<String>> {
    opt(v, |v| string(Some(v)))
}

/// A non-array object at nesting `depth` (1 = the top level).
fn object<'v, 'a>(v: &'v V<'a>, depth: u32) -> R<Obj<'v, 'a>> {
    if depth >= DEPTH_LIMIT {
        return Err(Declined("nested deeper than the JSON reader's limit"));
    }
    match v {
        V::Obj(o) => Ok(o),
        _ => Err(NOT_FIT),
    }
}

fn array<'v, 'a>(v: &'v V<'a>, depth: u32) -> R<&'v [V<'a>]> {
    if depth >= DEPTH_LIMIT {
        return Err(Declined("nested deeper than the JSON reader's limit"));
    }
    match v {
        V::Arr(a) => Ok(a),
        _ => Err(NOT_FIT),
    }
}

/// A unit variant by its snake_case code (the derive's string form).
fn code<T>(v: &V, from: fn(&str) -> Option<T>) -> R<T> {
    match v {
        V::Str(s) => from(s).ok_or(Declined("an unknown code")),
        _ => Err(NOT_FIT),
    }
}

/// A non-negative integer up to `max` (serde_json: a JSON integer; `-0`
/// is a float there).
fn uint(v: Option<&V>, max: u64) -> R<u64> {
    let Some(&V::Num(x)) = v else {
        return Err(NOT_FIT);
    };
    if x.fract() != 0.0 || x < 0.0 || x > max as f64 || (x == 0.0 && x.is_sign_negative()) {
        return Err(NOT_FIT);
    }
    Ok(x as u64)
}

fn iso_date(v: &V) -> R<chrono::NaiveDate> {
    parse_iso_date(str_ref(v)?).map_err(|_| Declined("a date is not an ISO date"))
}

/// `Vec<T>` with `#[serde(default)]`: absent is empty, `null` an error.
fn list<T>(v: Option<&V>, depth: u32, f: impl FnMut(&V) -> R<T>) -> R<Vec<T>> {
    match v {
        None => Ok(Vec::new()),
        Some(v) => array(v, depth)?.iter().map(f).collect(),
    }
}

/// `BTreeMap<K, String>` with `#[serde(default)]`: absent is empty, `null`
/// an error.
fn map<K: Ord>(v: Option<&V>, depth: u32, key: fn(&str) -> R<K>) -> R<BTreeMap<K, String>> {
    let Some(v) = v else {
        return Ok(BTreeMap::new());
    };
    let mut out = BTreeMap::new();
    for (k, v) in object(v, depth)? {
        out.insert(key(k)?, string(Some(v))?);
    }
    Ok(out)
}

fn field_key(s: &str) -> R<Field> {
    Field::from_key(s).ok_or(Declined("an unknown field name"))
}

fn any_key(s: &str) -> R<String> {
    Ok(s.to_string())
}

fn document(v: &V, depth: u32) -> R<DocumentRef> {
    let o = object(v, depth)?;
    let [raw, number, year, doc_type, issuer, unit] =
        fields(o, &["raw", "number", "year", "doc_type", "issuer", "unit"]);
    Ok(DocumentRef {
        raw: string(raw)?,
        number: opt_string(number)?,
        year: opt(year, |v| uint(Some(v), u16::MAX.into()))?.map(|y| y as u16),
        doc_type: opt_string(doc_type)?,
        issuer: opt_string(issuer)?,
        unit: opt_string(unit)?,
    })
}

fn agency(v: &V, depth: u32) -> R<Agency> {
    let o = object(v, depth)?;
    Ok(Agency {
        name: string(get(o, "name"))?,
        level: opt(get(o, "level"), |v| code(v, AgencyLevel::from_code))?,
        code: opt(get(o, "code"), |v| {
            AgencyCode::parse(&string(Some(v))?).map_err(|_| Declined("not an agency code"))
        })?,
        has_portal: opt(get(o, "has_portal"), |v| match v {
            V::Bool(b) => Ok(*b),
            _ => Err(NOT_FIT),
        })?,
        portal_url: opt_string(get(o, "portal_url"))?,
        address: opt_string(get(o, "address"))?,
        phone: opt_string(get(o, "phone"))?,
        fax: opt_string(get(o, "fax"))?,
        email: opt_string(get(o, "email"))?,
        successor: opt_string(get(o, "successor"))?,
        area_class: match get(o, "area_class") {
            None => AreaClass::default(),
            Some(v) => code(v, AreaClass::from_code)?,
        },
    })
}

fn source(v: &V, depth: u32) -> R<SourceSpan> {
    let o = object(v, depth)?;
    Ok(SourceSpan {
        row: usize::try_from(uint(get(o, "row"), usize::MAX as u64)?).map_err(|_| NOT_FIT)?,
        columns: map(get(o, "columns"), depth + 1, field_key)?,
    })
}

/// A required string, borrowed.
fn str_ref<'v>(v: &'v V) -> R<&'v str> {
    match v {
        V::Str(s) => Ok(s),
        _ => Err(NOT_FIT),
    }
}

fn created_on(v: &V) -> R<PartialDate> {
    PartialDate::parse(str_ref(v)?).map_err(|_| Declined("a date is not a date"))
}

/// The Art. 17 point: `Art17Point::parse` (which takes the codes tiepcan
/// writes first, as they are).
fn art17_point(v: &V) -> R<Art17Point> {
    Art17Point::parse(str_ref(v)?).map_err(|_| Declined("not an Art. 17 point"))
}

/// The keys of [`InformationItem`], in its order.
const INFORMATION_ITEM_FIELDS: [&str; 16] = [
    "seq",
    "title",
    "number_symbol",
    "created_on",
    "art17_point",
    "disclosure_forms",
    "disclosure_time",
    "disclosure_period",
    "access_link",
    "link_text",
    "attachment",
    "section",
    "children",
    "unparsed",
    "extra",
    "source",
];

/// An entry of the disclosure catalog, an object at nesting `depth`.
fn information_item(v: &V, depth: u32) -> R<InformationItem> {
    let o = object(v, depth)?;
    let d = depth + 1;
    let [seq, title, number_symbol, created, point, forms, time, period, link, link_text, attachment, section, children, unparsed, extra, src] =
        fields(o, &INFORMATION_ITEM_FIELDS);
    Ok(InformationItem {
        seq: opt_string(seq)?,
        title: string(title)?,
        number_symbol: opt(number_symbol, |v| document(v, d))?,
        created_on: opt(created, created_on)?,
        art17_point: opt(point, art17_point)?,
        disclosure_forms: list(forms, d, |v| code(v, DisclosureForm::from_code))?,
        disclosure_time: opt_string(time)?,
        disclosure_period: opt_string(period)?,
        access_link: opt_string(link)?,
        link_text: opt_string(link_text)?,
        attachment: opt_string(attachment)?,
        section: opt_string(section)?,
        children: list(children, d, |v| information_item(v, d + 1))?,
        unparsed: map(unparsed, d, field_key)?,
        extra: map(extra, d, any_key)?,
        source: opt(src, |v| source(v, d))?,
    })
}

/// An entry of the conditional-access catalog.
fn conditional_item(v: &V, depth: u32) -> R<ConditionalItem> {
    let o = object(v, depth)?;
    let d = depth + 1;
    Ok(ConditionalItem {
        seq: opt_string(get(o, "seq"))?,
        title: string(get(o, "title"))?,
        number_symbol: opt(get(o, "number_symbol"), |v| document(v, d))?,
        created_on: opt(get(o, "created_on"), created_on)?,
        ground: opt(get(o, "ground"), |v| code(v, ConditionalGround::from_code))?,
        consent_holder: opt(get(o, "consent_holder"), |v| {
            code(v, ConsentHolder::from_code)
        })?,
        consent_status: opt(get(o, "consent_status"), |v| {
            code(v, ConsentStatus::from_code)
        })?,
        consent_document: opt_string(get(o, "consent_document"))?,
        override_decision: opt(get(o, "override_decision"), |v| {
            let o = object(v, d)?;
            Ok(OverrideDecision {
                decided_by: string(get(o, "decided_by"))?,
                decided_on: opt(get(o, "decided_on"), iso_date)?,
                reason: string(get(o, "reason"))?,
                document: opt(get(o, "document"), |v| document(v, d + 1))?,
            })
        })?,
        section: opt_string(get(o, "section"))?,
        unparsed: map(get(o, "unparsed"), d, field_key)?,
        extra: map(get(o, "extra"), d, any_key)?,
        source: opt(get(o, "source"), |v| source(v, d))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path of [`art17_point`] gives what `Art17Point::parse`
    /// gives for every code.
    #[wasm_bindgen_test::wasm_bindgen_test]
    fn art17_codes_read_as_the_core_parses_them() {
        for p in Art17Point::CLAUSE_1
            .into_iter()
            .chain([Art17Point::Art17Clause2])
        {
            assert_eq!(art17_point(&V::Str(p.code())), Ok(p));
            assert_eq!(Art17Point::parse(p.code()), Ok(p));
        }
        assert_eq!(
            art17_point(&V::Str("dd")),
            Ok(Art17Point::parse("đ").unwrap())
        );
        assert!(art17_point(&V::Str("f")).is_err());
    }
}
