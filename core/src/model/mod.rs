//! The legal data model: agencies, document references, dates as catalogs
//! write them, the two catalogs and their entries. Serialises to the JSON
//! format documented in `schemas/catalog.schema.json`.

mod agency;
mod catalog;
mod date;
mod document;

pub use agency::{Agency, AgencyLevel, AreaClass};
pub use catalog::{
    Catalog, CatalogHeader, CatalogKind, ConditionalAccessCatalog, ConditionalItem, ConsentStatus,
    DisclosureCatalog, Field, InformationItem, OverrideDecision, SourceSpan,
};
pub use date::{
    dmy_date_string, iso_date, iso_date_opt, iso_date_string, parse_iso_date, write_iso_date,
    DateError, IsoDateError, PartialDate, TimingPhrase,
};
pub use document::{AgencyCode, AgencyCodeError, DocumentRef, DocumentRefError};
