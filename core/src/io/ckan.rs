//! Export a disclosure catalog as CKAN package JSON, for Vietnam's CKAN
//! open-data portals.
//!
//! Each item (children included) becomes one CKAN package (dataset): the
//! same unit as a `dcat:Dataset` in [`super::dcat`], which is what
//! ckanext-dcat's harvester creates per dataset and what CKAN-to-CKAN
//! harvesting copies. The output is a JSON array of `package_create`
//! payloads; load it with e.g. `jq -c '.[]' out.json | ckanapi load datasets`
//! or post each element to `/api/3/action/package_create`.
//!
//! Mapping (also in `docs/formats.md`):
//!
//! | tiepcan | CKAN package |
//! |---|---|
//! | agency code (or name) + item path | `name` (`000-00-00-h49-3-1`: lower-case ASCII, digits, `-`; at most 100 characters) |
//! | `title` | `title` |
//! | Art. 17 label, time, period, section | `notes` |
//! | `art17_point` | `tags`: `điểm đ khoản 1 Điều 17` and `art17-1-dd`; extras `art17_point` (`đ`) and `theme` (the concept IRI list, as ckanext-dcat writes it) |
//! | `created_on` | extra `issued` (`2019-05-02`, `2019-05`, `2019`) |
//! | `number_symbol` | extra `identifier` |
//! | agency | `owner_org` (option, default the slug of the agency code or name), extras `publisher_name`, `publisher_email`, `publisher_url` |
//! | `compiled_by` | `maintainer` |
//! | dataset IRI (as in DCAT) | extra `uri`; a child's parent in extra `is_part_of` |
//! | `access_link` (absolute URL) | one resource: `url`, `name` = `link_text` or title, `format` from the file extension |

use std::io::Write;

use serde_json::{json, Map, Value};

use super::dcat::{art17_concept_iri, as_iri, catalog_iri, item_iri, DcatOptions};
use crate::model::{DisclosureCatalog, InformationItem};

/// Options of the CKAN export.
#[derive(Debug, Clone, Default)]
pub struct CkanOptions {
    /// Organisation the packages belong to (must exist in CKAN). Default:
    /// the slug of the agency code, else of the agency name.
    pub owner_org: Option<String>,
    /// Prefix of package names. Default: as `owner_org`.
    pub name_prefix: Option<String>,
    /// CKAN `license_id` to set, if any.
    pub license_id: Option<String>,
    /// Base IRI for the `uri` extras, as in [`DcatOptions::base_iri`].
    pub base_iri: Option<String>,
}

/// A CKAN name: lower-case ASCII letters, digits and `-`, diacritics folded
/// (`Ủy ban nhân dân xã An Hòa` → `uy-ban-nhan-dan-xa-an-hoa`).
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in crate::text::fold_key(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

fn format_of(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next()?;
    let last = path.rsplit('/').next()?;
    let (_, ext) = last.rsplit_once('.')?;
    let ext = ext.to_ascii_uppercase();
    (1..=5).contains(&ext.len()).then_some(ext)
}

fn tag_vi(p: crate::law::Art17Point) -> String {
    match p.point() {
        Some(_) => format!("điểm {} khoản 1 Điều 17", p.code()),
        None => "khoản 2 Điều 17".to_string(),
    }
}

fn tag_code(p: crate::law::Art17Point) -> String {
    match p.point() {
        Some(_) => format!("art17-1-{}", if p.code() == "đ" { "dd" } else { p.code() }),
        None => "art17-2".to_string(),
    }
}

struct Ctx<'a> {
    catalog: &'a DisclosureCatalog,
    base: String,
    prefix: String,
    owner_org: String,
    opts: &'a CkanOptions,
}

fn package(
    cx: &Ctx<'_>,
    it: &InformationItem,
    path: &str,
    parent: Option<&str>,
    out: &mut Vec<Value>,
) {
    let iri = item_iri(&cx.base, path);
    let mut name = format!("{}-{}", cx.prefix, path.replace('.', "-"));
    if name.len() > 100 {
        name = name[name.len() - 100..].trim_start_matches('-').to_string();
    }
    let mut p = Map::new();
    p.insert("name".into(), json!(name));
    p.insert("title".into(), json!(it.title));
    if !cx.owner_org.is_empty() {
        p.insert("owner_org".into(), json!(cx.owner_org));
    }
    if let Some(l) = &cx.opts.license_id {
        p.insert("license_id".into(), json!(l));
    }
    if let Some(d) = super::dcat::item_description(it) {
        p.insert("notes".into(), json!(d));
    }
    if let Some(m) = &cx.catalog.header.compiled_by {
        p.insert("maintainer".into(), json!(m));
    }
    let mut tags = Vec::new();
    let mut extras = vec![json!({"key": "uri", "value": iri})];
    if let Some(pt) = it.art17_point {
        tags.push(json!({"name": tag_vi(pt)}));
        tags.push(json!({"name": tag_code(pt)}));
        extras.push(json!({"key": "art17_point", "value": pt.code()}));
        extras.push(json!({"key": "theme", "value": json!([art17_concept_iri(pt)]).to_string()}));
    }
    p.insert("tags".into(), Value::Array(tags));
    if let Some(d) = it.created_on {
        extras.push(json!({"key": "issued", "value": d.to_string()}));
    }
    if let Some(r) = &it.number_symbol {
        extras.push(json!({"key": "identifier", "value": r.raw}));
    }
    if let Some(a) = &cx.catalog.header.agency {
        extras.push(json!({"key": "publisher_name", "value": a.name}));
        if let Some(e) = &a.email {
            extras.push(json!({"key": "publisher_email", "value": e}));
        }
        if let Some(u) = a.portal_url.as_deref().and_then(as_iri) {
            extras.push(json!({"key": "publisher_url", "value": u}));
        }
    }
    if let Some(parent) = parent {
        extras.push(json!({"key": "is_part_of", "value": parent}));
    }
    p.insert("extras".into(), Value::Array(extras));
    let mut resources = Vec::new();
    if let Some(url) = it.access_link.as_deref().and_then(as_iri) {
        let mut r = Map::new();
        r.insert(
            "name".into(),
            json!(it.link_text.as_deref().unwrap_or(&it.title)),
        );
        if let Some(f) = format_of(&url) {
            r.insert("format".into(), json!(f));
        }
        r.insert("url".into(), json!(url));
        resources.push(Value::Object(r));
    }
    p.insert("resources".into(), Value::Array(resources));
    out.push(Value::Object(p));
    for (i, c) in it.children.iter().enumerate() {
        package(cx, c, &format!("{path}.{}", i + 1), Some(&iri), out);
    }
}

/// The `package_create` payloads for a disclosure catalog, one per item
/// (children included, after their parent).
///
/// ```
/// use tiepcan::model::{Agency, AgencyCode, DisclosureCatalog, InformationItem};
/// use tiepcan::law::Art17Point;
/// let mut agency = Agency::named("Ủy ban nhân dân xã An Hòa");
/// agency.code = Some(AgencyCode::parse("000.00.00.H49").unwrap());
/// let mut c = DisclosureCatalog::default();
/// c.header.agency = Some(agency);
/// c.items.push(InformationItem {
///     title: "Dự toán ngân sách xã năm 2026".into(),
///     art17_point: Some(Art17Point::StateBudget),
///     access_link: Some("https://anhoa.example.vn/du-toan-2026.pdf".into()),
///     ..Default::default()
/// });
/// let pk = tiepcan::io::ckan::ckan_packages(&c, &Default::default());
/// assert_eq!(pk[0]["name"], "000-00-00-h49-1");
/// assert_eq!(pk[0]["owner_org"], "000-00-00-h49");
/// assert_eq!(pk[0]["tags"][0]["name"], "điểm đ khoản 1 Điều 17");
/// assert_eq!(pk[0]["resources"][0]["format"], "PDF");
/// ```
pub fn ckan_packages(catalog: &DisclosureCatalog, opts: &CkanOptions) -> Vec<Value> {
    let agency_slug = catalog
        .header
        .agency
        .as_ref()
        .map(|a| match &a.code {
            Some(c) => slug(c.as_str()),
            None => slug(&a.name),
        })
        .unwrap_or_default();
    let owner_org = opts
        .owner_org
        .clone()
        .unwrap_or_else(|| agency_slug.clone());
    let prefix = opts
        .name_prefix
        .clone()
        .or_else(|| (!owner_org.is_empty()).then(|| owner_org.clone()))
        .unwrap_or_else(|| "tiepcan".to_string());
    let base = catalog_iri(
        catalog,
        &DcatOptions {
            base_iri: opts.base_iri.clone(),
        },
    );
    let cx = Ctx {
        catalog,
        base,
        prefix: slug(&prefix),
        owner_org,
        opts,
    };
    let mut out = Vec::new();
    for (i, it) in catalog.items.iter().enumerate() {
        package(&cx, it, &(i + 1).to_string(), None, &mut out);
    }
    out
}

/// Write [`ckan_packages`] as a pretty-printed JSON array.
///
/// # Errors
/// The I/O error of `out`.
pub fn write_ckan_json<W: Write>(
    catalog: &DisclosureCatalog,
    opts: &CkanOptions,
    mut out: W,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut out, &ckan_packages(catalog, opts))?;
    out.write_all(b"\n")
}
