//! `tiepcan render FILE --to html|text` — a catalog as an accessible page
//! (or plain text), with its validation report.
//!
//! `tiepcan render --deadline-table [--date YYYY-MM-DD] [--form-action URL]`
//! — the statutory deadline table for requests received on that date (the
//! regime in force then; provisional from 2026-09-01) and the deadline
//! calculator's GET form, readable without JavaScript.

use std::path::PathBuf;

use chrono::NaiveDate;
use tiepcan::deadline::DeadlineError;
use tiepcan::io::{read_catalog_path, ReadOptions};
use tiepcan::render::{
    catalog_text, render_catalog, render_deadline_form, render_deadline_table, render_page,
    render_report, report_text, RenderOptions,
};
use tiepcan::validate::{check_catalog, CheckOptions, Report};

use crate::common::{load_rules, parse_date, today_in_vietnam};
use crate::CliError;

/// Arguments of `tiepcan render`.
#[derive(clap::Args, Debug)]
pub struct RenderArgs {
    /// The catalog file (CSV, TSV, XLSX, JSON, XML). Not with `--deadline-table`.
    #[arg(
        required_unless_present = "deadline_table",
        conflicts_with = "deadline_table"
    )]
    pub file: Option<PathBuf>,
    /// Render the statutory deadline table (LAW.md §5.8; working days or
    /// calendar days as the law writes them, with citations) and the
    /// deadline calculator's form instead of a catalog. HTML only.
    #[arg(long)]
    pub deadline_table: bool,
    /// With `--deadline-table`: the date requests are received, YYYY-MM-DD;
    /// it picks the regime in force (from 2026-09-01 the values are marked
    /// provisional). Default: `--today`, else today in Vietnam (UTC+7).
    #[arg(long, value_parser = parse_date, requires = "deadline_table")]
    pub date: Option<NaiveDate>,
    /// With `--deadline-table`: the calculator form's `action` (a server
    /// that answers GET `channel`, `complexity`, `received`). Without it the
    /// page says that the calculator needs JavaScript or the agency's server.
    #[arg(long, value_name = "URL", requires = "deadline_table")]
    pub form_action: Option<String>,
    /// With `--deadline-table`: a rule file replacing the built-in
    /// time-limit table (same format as `tiepcan deadline --rules`).
    #[arg(long, value_name = "FILE", requires = "deadline_table")]
    pub rules: Option<PathBuf>,
    /// Write only the HTML fragments (for a server to include), not a page.
    #[arg(long)]
    pub fragment: bool,
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

/// The deadline table and calculator form, as a page or fragments.
fn deadline_table(args: &RenderArgs) -> Result<String, CliError> {
    if args.to != RenderTo::Html {
        return Err(CliError::input(
            "--deadline-table writes HTML only (use `tiepcan deadline --print-rules` for the table as CSV)",
        ));
    }
    let rules = load_rules(args.rules.as_ref())?;
    let on = args.date.or(args.today).unwrap_or_else(today_in_vietnam);
    let table = render_deadline_table(
        &rules,
        on,
        &RenderOptions {
            id_prefix: "han".into(),
            ..RenderOptions::default()
        },
    )
    .map_err(|e| match e {
        DeadlineError::NoRegime { .. } => CliError {
            code: 1,
            message: e.to_string(),
        },
        e => CliError::input(e),
    })?;
    let form = render_deadline_form(&RenderOptions {
        id_prefix: "han".into(),
        form_action: args.form_action.clone().unwrap_or_default(),
        ..RenderOptions::default()
    });
    let fragments = vec![table, form];
    Ok(if args.fragment {
        fragments.concat()
    } else {
        render_page(
            "Thời hạn giải quyết yêu cầu cung cấp thông tin",
            &fragments,
            args.stylesheet.as_deref(),
        )
    })
}

pub fn run(args: &RenderArgs) -> Result<u8, CliError> {
    // An address the renderer would leave out is refused here, not dropped
    // without a word.
    for (flag, value) in [
        ("--form-action", &args.form_action),
        ("--stylesheet", &args.stylesheet),
    ] {
        if let Some(v) = value {
            if tiepcan::render::safe_href(v).is_none() {
                return Err(CliError::input(format!(
                    "{flag} {v:?} is not a usable address: give an http(s) URL or a relative path without spaces, quotes or markup"
                )));
            }
        }
    }
    if args.deadline_table {
        let text = deadline_table(args)?;
        write_out(args, &text)?;
        return Ok(0);
    }
    let Some(file) = &args.file else {
        return Err(CliError::input("give a catalog file, or --deadline-table"));
    };
    let path = file.display().to_string();
    let ropts = ReadOptions {
        file_name: Some(path.clone()),
        ..ReadOptions::default()
    };
    let outcome =
        read_catalog_path(file, &ropts).map_err(|e| CliError::input(format!("{path}: {e}")))?;
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
            if args.fragment {
                fragments.concat()
            } else {
                render_page(&title, &fragments, args.stylesheet.as_deref())
            }
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
    write_out(args, &text)?;
    Ok(0)
}

fn write_out(args: &RenderArgs, text: &str) -> Result<(), CliError> {
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
    Ok(())
}
