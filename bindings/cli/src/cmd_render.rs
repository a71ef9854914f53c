//! `tiepcan render FILE --to html|text` — a catalog as an accessible page
//! (or plain text), with its validation report.

use std::path::PathBuf;

use chrono::NaiveDate;
use tiepcan::io::{read_catalog_path, ReadOptions};
use tiepcan::render::{
    catalog_text, render_catalog, render_page, render_report, report_text, RenderOptions,
};
use tiepcan::validate::{check_catalog, CheckOptions, Report};

use crate::common::{parse_date, today_in_vietnam};
use crate::CliError;

/// Arguments of `tiepcan render`.
#[derive(clap::Args, Debug)]
pub struct RenderArgs {
    /// The catalog file (CSV, TSV, XLSX, JSON, XML).
    pub file: PathBuf,
    /// Output: a complete accessible HTML page, or plain text.
    #[arg(long, value_enum, default_value = "html")]
    pub to: RenderTo,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Leave out the validation report.
    #[arg(long)]
    pub no_report: bool,
    /// Link this style sheet instead of inlining the default one (for a
    /// strict Content-Security-Policy).
    #[arg(long)]
    pub stylesheet: Option<String>,
    /// The date the report is made against, YYYY-MM-DD. Default: today in Vietnam (UTC+7).
    #[arg(long, value_parser = parse_date)]
    pub today: Option<NaiveDate>,
}

/// `--to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum RenderTo {
    /// A complete HTML page (lang="vi", table with caption, error summary).
    Html,
    /// Plain text.
    Text,
}

pub fn run(args: &RenderArgs) -> Result<u8, CliError> {
    let path = args.file.display().to_string();
    let ropts = ReadOptions {
        file_name: Some(path.clone()),
        ..ReadOptions::default()
    };
    let outcome = read_catalog_path(&args.file, &ropts)
        .map_err(|e| CliError::input(format!("{path}: {e}")))?;
    let today = args.today.unwrap_or_else(today_in_vietnam);
    let mut report = Report::new();
    report.extend(outcome.diagnostics.iter().cloned());
    report.extend(check_catalog(&outcome.catalog, &CheckOptions::new(today)).diagnostics);

    let text = match args.to {
        RenderTo::Html => {
            let opts = RenderOptions::default();
            let mut fragments = vec![render_catalog(&outcome.catalog, &opts)];
            if !args.no_report {
                fragments.push(render_report(
                    &report,
                    &RenderOptions {
                        id_prefix: "tc-report".into(),
                        ..RenderOptions::default()
                    },
                ));
            }
            let title = outcome
                .catalog
                .header()
                .title
                .clone()
                .unwrap_or_else(|| "Danh mục thông tin".to_string());
            render_page(&title, &fragments, args.stylesheet.as_deref())
        }
        RenderTo::Text => {
            let mut t = catalog_text(&outcome.catalog);
            if !args.no_report {
                t.push('\n');
                t.push_str(&report_text(&report));
            }
            t
        }
    };
    match &args.output {
        Some(p) => {
            std::fs::write(p, text).map_err(|e| CliError::input(format!("{}: {e}", p.display())))?
        }
        None => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
        }
    }
    Ok(0)
}
