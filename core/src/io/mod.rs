//! Readers and writers: JSON, XML, CSV, XLSX, DCAT-AP RDF/XML and CKAN JSON.
//!
//! Formats and mappings are documented in `docs/formats.md`.

pub mod ckan;
pub mod csv_write;
pub mod dcat;
pub mod xml;

// ---------------------------------------------------------------------------
// STUB (branch `formats` only): a minimal stand-in for the reading API that
// branch `io` is writing (JSON and XML only). Delete this block when `main`
// has the real `io` module — keep the `pub mod` lines above.
// ---------------------------------------------------------------------------

use std::path::Path;

use crate::model::{Catalog, CatalogKind};
use crate::validate::Diagnostic;

/// Input format (stub).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// JSON.
    Json,
    /// CSV.
    Csv,
    /// XLSX.
    Xlsx,
    /// XML.
    Xml,
}

/// Reading options (stub).
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Which catalog, when the input does not say.
    pub kind: Option<CatalogKind>,
    /// Sheet name for XLSX.
    pub sheet: Option<String>,
    /// File name for locations.
    pub file_name: Option<String>,
    /// Maximum input size.
    pub max_bytes: Option<usize>,
    /// Maximum rows.
    pub max_rows: Option<usize>,
}

/// What a read produced (stub).
#[derive(Debug, Clone)]
pub struct ReadOutcome {
    /// The catalog.
    pub catalog: Catalog,
    /// Reading problems.
    pub diagnostics: Vec<Diagnostic>,
    /// Rows read.
    pub rows: usize,
}

/// Why a file could not be read at all (stub).
#[derive(Debug, Clone, thiserror::Error)]
#[error("{0}")]
pub struct ReadError(pub Diagnostic);

/// Read bytes (stub: JSON and XML only).
///
/// # Errors
/// [`ReadError`] when the bytes cannot be read.
pub fn read_catalog_bytes(
    bytes: &[u8],
    format: Format,
    opts: &ReadOptions,
) -> Result<ReadOutcome, ReadError> {
    let file = opts.file_name.as_deref();
    let fail = |en: String| {
        let mut d = Diagnostic::new(
            "R-READ-FILE",
            crate::validate::Location::default(),
            None,
            crate::validate::Message::new(en.clone(), en),
        );
        d.location.file = file.map(str::to_string);
        ReadError(d)
    };
    match format {
        Format::Json => {
            let catalog: Catalog =
                serde_json::from_slice(bytes).map_err(|e| fail(e.to_string()))?;
            let rows = catalog.len();
            Ok(ReadOutcome {
                catalog,
                diagnostics: Vec::new(),
                rows,
            })
        }
        Format::Xml => {
            let mut limits = xml::XmlLimits::default();
            if let Some(m) = opts.max_bytes {
                limits.max_bytes = m;
            }
            let (catalog, mut diagnostics) = xml::read_catalog_xml(bytes, &limits)
                .map_err(|e| ReadError(e.to_diagnostic(file)))?;
            for d in &mut diagnostics {
                d.location.file = file.map(str::to_string);
            }
            let rows = catalog.len();
            Ok(ReadOutcome {
                catalog,
                diagnostics,
                rows,
            })
        }
        Format::Csv | Format::Xlsx => Err(fail("CSV/XLSX reading is not in this stub".into())),
    }
}

/// Read a file, the format from its extension (stub).
///
/// # Errors
/// [`ReadError`] when the file cannot be read.
pub fn read_catalog_path(path: &Path, opts: &ReadOptions) -> Result<ReadOutcome, ReadError> {
    let name = path.display().to_string();
    let mut opts = opts.clone();
    opts.file_name.get_or_insert(name.clone());
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let format = match ext.as_str() {
        "json" => Format::Json,
        "xml" => Format::Xml,
        "csv" => Format::Csv,
        _ => Format::Xlsx,
    };
    let bytes = std::fs::read(path).map_err(|e| {
        let en = format!("cannot read {name}: {e}");
        ReadError(Diagnostic::new(
            "R-READ-FILE",
            crate::validate::Location::default().with_file(name.clone()),
            None,
            crate::validate::Message::new(en.clone(), en),
        ))
    })?;
    read_catalog_bytes(&bytes, format, &opts)
}
