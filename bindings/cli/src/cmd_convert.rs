//! `tiepcan convert IN OUT [--to FORMAT]`: read a catalog in any format
//! tiepcan reads and write it as JSON, XML, CSV, DCAT-AP RDF/XML or CKAN
//! package JSON (see `docs/formats.md`).
//!
//! Reading problems are reported as `tiepcan check` reports them (text on
//! standard error, or JSON with `--format json`). Exit status:
//! - 0: the output was written and reading found no error;
//! - 1: the output was written, but reading found error-severity problems
//!   (each unreadable value is kept in the output's `unparsed`, so nothing
//!   is lost, but the data needs a look);
//! - 2: usage error, unreadable input, an export the catalog kind does not
//!   allow (DCAT/CKAN are for the disclosure catalog), or the output could
//!   not be written. Nothing is written in that case.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use tiepcan::io::{read_catalog_path, ReadOptions};
use tiepcan::model::{Catalog, CatalogKind};
use tiepcan::validate::{Report, Severity};

/// Output format of `convert`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// The JSON model (schemas/catalog.schema.json).
    Json,
    /// tiepcan XML (schemas/catalog.xsd).
    Xml,
    /// CSV with Vietnamese headers, UTF-8 with BOM (opens in Excel).
    Csv,
    /// DCAT-AP RDF/XML (disclosure catalog only).
    DcatRdf,
    /// CKAN package_create JSON, one package per item (disclosure catalog only).
    CkanJson,
}

impl OutputFormat {
    /// The format an output file name implies: `.json`, `.xml`, `.csv`,
    /// `.rdf` / `.rdf.xml` / `.dcat.xml` (DCAT), `.ckan.json` (CKAN).
    pub fn from_path(path: &Path) -> Option<OutputFormat> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        Some(if name.ends_with(".ckan.json") {
            OutputFormat::CkanJson
        } else if name.ends_with(".rdf")
            || name.ends_with(".rdf.xml")
            || name.ends_with(".dcat.xml")
        {
            OutputFormat::DcatRdf
        } else if name.ends_with(".json") {
            OutputFormat::Json
        } else if name.ends_with(".xml") {
            OutputFormat::Xml
        } else if name.ends_with(".csv") {
            OutputFormat::Csv
        } else {
            return None;
        })
    }

    fn name(self) -> &'static str {
        match self {
            OutputFormat::Json => "json",
            OutputFormat::Xml => "xml",
            OutputFormat::Csv => "csv",
            OutputFormat::DcatRdf => "dcat-rdf",
            OutputFormat::CkanJson => "ckan-json",
        }
    }
}

/// Which catalog the input holds, when the input does not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// Danh mục thông tin phải được công khai.
    Disclosure,
    /// Danh mục thông tin công dân được tiếp cận có điều kiện.
    Conditional,
}

/// How the reading report is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Lines for people, on standard error.
    Text,
    /// One JSON object (on standard output, or standard error when the
    /// converted catalog goes to standard output).
    Json,
}

/// Arguments of `tiepcan convert`.
#[derive(Debug, Clone, clap::Args)]
pub struct ConvertArgs {
    /// Input catalog: .json, .xml, .csv or .xlsx.
    pub input: PathBuf,
    /// Output file, or `-` for standard output (then --to is required).
    pub output: PathBuf,
    /// Output format; by default from the output file's extension.
    #[arg(long, value_enum)]
    pub to: Option<OutputFormat>,
    /// Which catalog the input is, when it does not say.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Sheet to read from an XLSX workbook.
    #[arg(long)]
    pub sheet: Option<String>,
    /// Report format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
    /// DCAT/CKAN: IRI of the catalog (datasets are IRI#item-N).
    #[arg(long)]
    pub base_iri: Option<String>,
    /// CKAN: organisation name of the packages.
    #[arg(long)]
    pub owner_org: Option<String>,
}

fn fail(format: ReportFormat, msg: &str) -> i32 {
    match format {
        ReportFormat::Text => eprintln!("tiepcan convert: {msg}"),
        ReportFormat::Json => eprintln!("{}", serde_json::json!({ "error": msg })),
    }
    2
}

fn render(catalog: &Catalog, to: OutputFormat, args: &ConvertArgs) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let disclosure = |what: &str| match catalog {
        Catalog::Disclosure(c) => Ok(c),
        Catalog::Conditional(_) => Err(format!(
            "{what} export is for the disclosure catalog; this is a conditional-access catalog \
             (its contents are not open data)"
        )),
    };
    match to {
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut out, catalog).map_err(|e| e.to_string())?;
            out.push(b'\n');
        }
        OutputFormat::Xml => {
            tiepcan::io::xml::write_catalog_xml(catalog, &mut out).map_err(|e| e.to_string())?
        }
        OutputFormat::Csv => tiepcan::io::csv_write::write_catalog_csv(catalog, &mut out)
            .map_err(|e| e.to_string())?,
        OutputFormat::DcatRdf => {
            let c = disclosure("DCAT")?;
            let opts = tiepcan::io::dcat::DcatOptions {
                base_iri: args.base_iri.clone(),
            };
            tiepcan::io::dcat::write_dcat_rdf(c, &opts, &mut out).map_err(|e| e.to_string())?
        }
        OutputFormat::CkanJson => {
            let c = disclosure("CKAN")?;
            let opts = tiepcan::io::ckan::CkanOptions {
                owner_org: args.owner_org.clone(),
                base_iri: args.base_iri.clone(),
                ..Default::default()
            };
            tiepcan::io::ckan::write_ckan_json(c, &opts, &mut out).map_err(|e| e.to_string())?
        }
    }
    Ok(out)
}

/// Run `tiepcan convert`; returns the exit status (0, 1 or 2, see the
/// module docs).
pub fn run(args: &ConvertArgs) -> i32 {
    let to_stdout = args.output.as_os_str() == "-";
    let Some(to) = args.to.or_else(|| OutputFormat::from_path(&args.output)) else {
        return fail(
            args.format,
            &format!(
                "cannot tell the output format from {:?}; use --to json|xml|csv|dcat-rdf|ckan-json",
                args.output.display().to_string()
            ),
        );
    };
    let opts = ReadOptions {
        kind: args.kind.map(|k| match k {
            KindArg::Disclosure => CatalogKind::Disclosure,
            KindArg::Conditional => CatalogKind::Conditional,
        }),
        sheet: args.sheet.clone(),
        ..ReadOptions::default()
    };
    let outcome = match read_catalog_path(&args.input, &opts) {
        Ok(o) => o,
        Err(e) => return fail(args.format, &e.to_string()),
    };
    let bytes = match render(&outcome.catalog, to, args) {
        Ok(b) => b,
        Err(e) => return fail(args.format, &e),
    };
    let written = if to_stdout {
        std::io::stdout()
            .lock()
            .write_all(&bytes)
            .map_err(|e| e.to_string())
    } else {
        std::fs::write(&args.output, &bytes)
            .map_err(|e| format!("cannot write {}: {e}", args.output.display()))
    };
    if let Err(e) = written {
        return fail(args.format, &e);
    }
    let mut report = Report::new();
    report.extend(outcome.diagnostics);
    let s = report.summary();
    match args.format {
        ReportFormat::Text => {
            for d in &report.diagnostics {
                eprintln!("{d}");
            }
            eprintln!(
                "{} → {} ({}, {} item(s)): {} error(s), {} warning(s), {} note(s)",
                args.input.display(),
                if to_stdout {
                    "standard output".to_string()
                } else {
                    args.output.display().to_string()
                },
                to.name(),
                outcome.catalog.len(),
                s.errors,
                s.warnings,
                s.infos
            );
        }
        ReportFormat::Json => {
            let v = serde_json::json!({
                "input": args.input.display().to_string(),
                "output": args.output.display().to_string(),
                "to": to.name(),
                "kind": outcome.catalog.kind(),
                "items": outcome.catalog.len(),
                "summary": s,
                "diagnostics": report.diagnostics,
            });
            if to_stdout {
                eprintln!("{v}");
            } else {
                println!("{v}");
            }
        }
    }
    if report
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error)
    {
        1
    } else {
        0
    }
}
