//! Catalog readers (and the JSON writer): tiepcan's JSON model, CSV (any of
//! `,` `;` tab, UTF-8 with or without BOM, UTF-16, Windows-1258) and
//! spreadsheets (XLSX, XLS, ODS through `calamine`).
//!
//! Readers are lenient where agencies' spreadsheets are messy and strict where
//! the law is (DESIGN.md): title lines above the header become the
//! [`CatalogHeader`](crate::model::CatalogHeader); headers are matched by
//! synonym, with or without diacritics; caption rows become sections; "+"
//! sub-rows become children; every row that cannot be used becomes a
//! [`Diagnostic`] with its row number. A file that cannot be read at all is a
//! [`ReadError`] with line and column where there is one.
//!
//! Rows are 1-based physical rows, as a spreadsheet numbers them: title lines
//! and the header row count.
//!
//! What the reader reports and what it leaves to [`crate::validate`]: the
//! reader reports cells it cannot read (impossible dates → `R-READ-DATE`,
//! other unreadable dates and consent statuses → `R-READ-CELL`, link text
//! without URL → `R-READ-LINK`), table structure (`R-READ-STRUCTURE`:
//! captions, "+" sub-rows, repeated headers, skeleton rows, title lines not
//! understood), cut-off text (`R-READ-TRUNCATED`) and encodings
//! (`R-READ-ENCODING`). Cells whose legal content is wrong — a number and
//! symbol that is not one, an Art. 17 point such as "f", a disclosure form
//! that is not in Art. 18(1), an Art. 7 ground or consent holder — are kept
//! as written in `unparsed` and reported once, by the validator's rules
//! (`R-DOC-NUMBER`, `R-ART17-POINT`, `R-CAT-FORM-ENUM`, `R-COND-HOLDER`),
//! which carry the legal citation.
//!
//! # Example: a CSV catalog with a title line and a month-precision date
//! ```
//! use tiepcan::io::{read_catalog_bytes, Format, ReadOptions};
//! use tiepcan::model::{Catalog, PartialDate};
//! let csv = r#"DANH MỤC THÔNG TIN PHẢI ĐƯỢC CÔNG KHAI,,,
//! STT,Tên văn bản,"Số, ký hiệu",Ngày ban hành
//! 1,Báo cáo dự toán ngân sách,45/BC-UBND,03/2026
//! "#;
//! let out = read_catalog_bytes(csv.as_bytes(), Format::Csv, &ReadOptions::default())?;
//! assert_eq!(out.catalog.header().title.as_deref(), Some("DANH MỤC THÔNG TIN PHẢI ĐƯỢC CÔNG KHAI"));
//! let Catalog::Disclosure(c) = &out.catalog else { unreachable!() };
//! assert_eq!(c.items[0].created_on, Some(PartialDate::Month { year: 2026, month: 3 }));
//! assert_eq!(c.items[0].source.as_ref().unwrap().row, 3); // the row Excel shows
//! assert!(out.diagnostics.is_empty());
//! # Ok::<(), tiepcan::io::ReadError>(())
//! ```

mod cells;
pub mod ckan;
mod csv;
pub mod csv_write;
pub mod dcat;
mod encoding;
mod headers;
pub mod json;
#[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
mod table;
#[cfg(feature = "xlsx")]
mod xlsx;
pub mod xml;

use std::path::{Path, PathBuf};

use crate::model::{Catalog, CatalogKind};
use crate::validate::{Diagnostic, Location, Message};

pub use encoding::{detect_legacy_encoding, LegacyEncoding};

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// tiepcan's JSON model (`schemas/catalog.schema.json`).
    Json,
    /// Delimited text: CSV, semicolon-separated, or tab-separated (Excel's
    /// "Unicode Text").
    Csv,
    /// A spreadsheet workbook: XLSX/XLSM, and also XLS, XLSB and ODS.
    Xlsx,
    /// XML (DCAT and tiepcan's XML).
    Xml,
}

impl Format {
    /// The format from a file extension (case-insensitive): `json`;
    /// `csv`, `tsv`, `txt`; `xlsx`, `xlsm`, `xls`, `xlsb`, `ods`; `xml`, `rdf`.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "csv" | "tsv" | "txt" | "tab" => Some(Format::Csv),
            "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => Some(Format::Xlsx),
            "xml" | "rdf" => Some(Format::Xml),
            _ => None,
        }
    }

    /// Guess the format from the first bytes: a ZIP or OLE container is a
    /// workbook, `{`/`[` JSON, `<` XML, anything else delimited text.
    pub fn sniff(bytes: &[u8]) -> Format {
        if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Format::Xlsx;
        }
        let text = encoding::decode(bytes).text;
        match text.trim_start().chars().next() {
            Some('{') | Some('[') => Format::Json,
            Some('<') => Format::Xml,
            _ => Format::Csv,
        }
    }

    /// Lower-case name (`"csv"`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Xml => "xml",
        }
    }
}

/// How to read a catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// Which catalog; `None` = detect: conditional-access when the title or
    /// headers say "có điều kiện" or there is a ground or consent column,
    /// disclosure otherwise.
    pub kind: Option<CatalogKind>,
    /// Worksheet name for workbooks; `None` = the first non-empty sheet.
    pub sheet: Option<String>,
    /// File name put into every diagnostic's `Location::file`.
    pub file_name: Option<String>,
    /// Largest input accepted, in bytes (default 256 MiB).
    pub max_bytes: u64,
    /// Most physical rows accepted (default 1 048 576, a worksheet's limit
    /// in Excel).
    pub max_rows: usize,
    /// Longest cell accepted, in characters (default 32 767, Excel's limit).
    pub max_cell_chars: usize,
    /// Largest unpacked size of a workbook (XLSX, ODS are ZIP archives), in
    /// bytes, checked before the sheet is expanded (default 1 GiB).
    pub max_unpacked_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            kind: None,
            sheet: None,
            file_name: None,
            max_bytes: 256 * 1024 * 1024,
            max_rows: 1_048_576,
            max_cell_chars: 32_767,
            max_unpacked_bytes: 1024 * 1024 * 1024,
        }
    }
}

/// What a reader produced: the catalog, every finding about the input, and
/// how many physical rows it read.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadOutcome {
    /// The catalog.
    pub catalog: Catalog,
    /// Findings about the input (reader rules `R-READ-*`), in row order.
    pub diagnostics: Vec<Diagnostic>,
    /// Physical rows read (title lines, header and body; 0 for JSON).
    pub rows: usize,
}

/// A file tiepcan cannot read at all. Row-level problems are diagnostics in
/// [`ReadOutcome`], not errors.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file cannot be opened or read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// The content cannot be parsed (broken JSON, a damaged workbook, no sheet).
    #[error("{message}{}", fmt_pos(*line, *column, pointer.as_deref()))]
    Unreadable {
        /// What is wrong.
        message: String,
        /// 1-based line, for text formats.
        line: Option<usize>,
        /// 1-based column on that line.
        column: Option<usize>,
        /// JSON pointer of the offending value (JSON input).
        pointer: Option<String>,
    },
    /// A limit of [`ReadOptions`] was exceeded.
    #[error("{what} exceeds the limit of {limit} (found {found}){}", row.map(|r| format!(" at row {r}")).unwrap_or_default())]
    TooLarge {
        /// Which limit: `"file size in bytes"`, `"number of rows"`, `"cell length in characters"`,
        /// `"unpacked workbook size in bytes"`.
        what: &'static str,
        /// The limit.
        limit: u64,
        /// What was found (at least).
        found: u64,
        /// Row where it happened, for rows and cells.
        row: Option<usize>,
    },
    /// The format is not supported (or not built in).
    #[error("unsupported format: {0}")]
    UnsupportedFormat(String),
}

fn fmt_pos(line: Option<usize>, column: Option<usize>, pointer: Option<&str>) -> String {
    let mut s = String::new();
    if let Some(l) = line {
        s.push_str(&format!(" at line {l}"));
        if let Some(c) = column {
            s.push_str(&format!(", column {c}"));
        }
    }
    if let Some(p) = pointer {
        s.push_str(&format!(" ({p})"));
    }
    s
}

impl ReadError {
    /// The error as a diagnostic (`R-READ-FILE`, or `R-READ-LIMIT` for
    /// limits), for reports that list unreadable files beside the others.
    pub fn to_diagnostic(&self, file: Option<&str>) -> Diagnostic {
        let mut loc = Location::whole();
        loc.file = file.map(str::to_string);
        let (rule, vi) = match self {
            ReadError::Io { .. } => ("R-READ-FILE", "Không mở được tệp"),
            ReadError::Unreadable {
                line,
                column,
                pointer,
                ..
            } => {
                loc.line = *line;
                loc.col = *column;
                loc.pointer = pointer.clone();
                ("R-READ-FILE", "Không đọc được nội dung tệp")
            }
            ReadError::TooLarge { row, .. } => {
                loc.row = *row;
                ("R-READ-LIMIT", "Tệp vượt giới hạn kích thước")
            }
            ReadError::UnsupportedFormat(_) => ("R-READ-FILE", "Định dạng tệp không được hỗ trợ"),
        };
        Diagnostic::new(
            rule,
            loc,
            None,
            Message::new(format!("{vi}: {self}"), self.to_string()),
        )
    }
}

/// Read a catalog file; the format comes from the extension, or from the
/// content when the extension says nothing.
///
/// # Errors
/// [`ReadError::Io`] when the file cannot be read, [`ReadError::TooLarge`]
/// when it is larger than `opts.max_bytes`, and whatever
/// [`read_catalog_bytes`] returns.
pub fn read_catalog_path(path: &Path, opts: &ReadOptions) -> Result<ReadOutcome, ReadError> {
    let io = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.len() > opts.max_bytes {
        return Err(ReadError::TooLarge {
            what: "file size in bytes",
            limit: opts.max_bytes,
            found: meta.len(),
            row: None,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    // A workbook saved or renamed with a text extension is still a workbook.
    let format = match Format::from_path(path) {
        Some(Format::Csv) if bytes.starts_with(b"PK\x03\x04") => Format::Xlsx,
        Some(f) => f,
        None => Format::sniff(&bytes),
    };
    let mut opts = opts.clone();
    if opts.file_name.is_none() {
        opts.file_name = Some(path.display().to_string());
    }
    let mut outcome = read_catalog_bytes(&bytes, format, &opts)?;
    if let Some(side) = apply_sidecar(path, &mut outcome.catalog)? {
        outcome.diagnostics.push(Diagnostic::new(
            "R-READ-STRUCTURE",
            Location::whole().with_file(side.display().to_string()),
            None,
            Message::new(
                format!("Thông tin chung của danh mục (cơ quan, văn bản ban hành, nơi đăng tải) được bổ sung từ {}.", side.display()),
                format!("What the catalog says about itself (agency, issuing decision, where published) was completed from {}.", side.display()),
            ),
        ));
    }
    Ok(outcome)
}

/// The sidecar of a catalog file: `NAME.meta.json` beside `NAME.csv` (or any
/// other extension), holding what a spreadsheet does not say about itself —
/// the agency, the issuing decision, where the catalog is published — in the
/// JSON shape of [`CatalogHeader`](crate::model::CatalogHeader).
pub fn sidecar_path(file: &Path) -> PathBuf {
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    file.with_file_name(format!("{stem}.meta.json"))
}

/// Whether `file` is itself a sidecar (`*.meta.json`), not a catalog.
pub fn is_sidecar(file: &Path) -> bool {
    file.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".meta.json"))
}

/// Fill the header fields the file left empty from its sidecar, if there is
/// one; returns the sidecar's path when it was applied.
/// [`read_catalog_path`] calls this itself.
///
/// # Errors
/// [`ReadError::Io`] when the sidecar exists but cannot be read;
/// [`ReadError::Unreadable`] (with line and column) when it is not a header object.
pub fn apply_sidecar(file: &Path, catalog: &mut Catalog) -> Result<Option<PathBuf>, ReadError> {
    let side = sidecar_path(file);
    if is_sidecar(file) || !side.is_file() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&side).map_err(|source| ReadError::Io {
        path: side.clone(),
        source,
    })?;
    let meta: crate::model::CatalogHeader =
        serde_json::from_str(&text).map_err(|e| ReadError::Unreadable {
            message: format!("{}: {e}", side.display()),
            line: Some(e.line()),
            column: Some(e.column()),
            pointer: None,
        })?;
    let header = match catalog {
        Catalog::Disclosure(c) => &mut c.header,
        Catalog::Conditional(c) => &mut c.header,
    };
    macro_rules! fill {
        ($($f:ident),*) => { $( if header.$f.is_none() { header.$f = meta.$f.clone(); } )* };
    }
    fill!(
        agency,
        title,
        stated_basis,
        issuing_decision,
        issued_on,
        last_updated,
        published_at,
        compiled_by,
        approved_by
    );
    Ok(Some(side))
}

/// Read a catalog from bytes in a known format.
///
/// # Errors
/// [`ReadError::TooLarge`] when a limit of `opts` is exceeded;
/// [`ReadError::Unreadable`] for JSON that does not parse or does not fit the
/// model (with line, column and JSON pointer), a workbook that cannot be
/// opened or has no such sheet, XML that is not well-formed tiepcan XML (with
/// line and column; DTDs and entities are refused, see [`xml`]).
pub fn read_catalog_bytes(
    bytes: &[u8],
    format: Format,
    opts: &ReadOptions,
) -> Result<ReadOutcome, ReadError> {
    if bytes.len() as u64 > opts.max_bytes {
        return Err(ReadError::TooLarge {
            what: "file size in bytes",
            limit: opts.max_bytes,
            found: bytes.len() as u64,
            row: None,
        });
    }
    let mut out = match format {
        Format::Json => json::read(bytes, opts)?,
        Format::Csv => table::build(csv::read(bytes, opts)?, opts)?,
        #[cfg(feature = "xlsx")]
        Format::Xlsx => table::build(xlsx::read(bytes, opts)?, opts)?,
        #[cfg(not(feature = "xlsx"))]
        Format::Xlsx => {
            return Err(ReadError::UnsupportedFormat(
                "XLSX reader not built in (feature `xlsx` is off)".to_string(),
            ))
        }
        Format::Xml => xml::read(bytes, opts)?,
    };
    if let Some(f) = &opts.file_name {
        for d in &mut out.diagnostics {
            d.location.file = Some(f.clone());
        }
    }
    Ok(out)
}

/// The catalog as pretty-printed JSON in tiepcan's model format
/// (`schemas/catalog.schema.json`); [`json::read`] reads it back.
pub fn write_catalog_json(catalog: &Catalog) -> String {
    serde_json::to_string_pretty(catalog).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}
