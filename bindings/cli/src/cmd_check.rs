//! `tiepcan check FILE...` — read catalogs and report findings with their
//! legal basis.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;
use tiepcan::io::{is_sidecar, read_catalog_path, ReadOptions};
use tiepcan::model::{Agency, Catalog, CatalogKind};
use tiepcan::register::io::{is_register, Format as RegisterFormat};
use tiepcan::validate::{
    check_catalog, check_catalog_set, CheckOptions, Diagnostic, Severity, Summary,
};

use crate::common::{paint, parse_date, today_in_vietnam, use_colour};
use crate::{Format, Lang};

/// Arguments of `tiepcan check`.
#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Catalog files (CSV, TSV, XLSX, JSON, XML) or folders to scan for them.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Which catalog the files are; detected from titles and columns when omitted.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Language of messages in text output.
    #[arg(long, value_enum, default_value = "vi")]
    pub lang: Lang,
    /// The date to check against (future dates, district abolition, update
    /// age), YYYY-MM-DD. Default: today's date in Vietnam (UTC+7).
    #[arg(long, value_parser = parse_date)]
    pub today: Option<NaiveDate>,
    /// The agency whose catalog this is, when the file does not say
    /// (e.g. "Ủy ban nhân dân huyện Thoại Sơn"); its level is inferred from the name.
    #[arg(long)]
    pub agency: Option<String>,
    /// Days after which the catalog's last update is stale (LAW.md A16).
    #[arg(long, default_value_t = 30)]
    pub update_threshold_days: u32,
}

/// `--kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    /// Danh mục thông tin phải được công khai.
    Disclosure,
    /// Danh mục thông tin công dân được tiếp cận có điều kiện.
    Conditional,
}

#[derive(Serialize)]
struct FileResult {
    path: String,
    kind: Option<&'static str>,
    rows: usize,
    items: usize,
    diagnostics: Vec<Diagnostic>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

#[derive(Serialize)]
struct Output {
    today: String,
    files: Vec<FileResult>,
    summary: Summary,
}

const EXTENSIONS: [&str; 7] = ["csv", "tsv", "txt", "xlsx", "xlsm", "json", "xml"];

fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| format!("{}: {e}", p.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| {
                    f.is_file()
                        && !is_sidecar(f)
                        && f.extension()
                            .and_then(|x| x.to_str())
                            .is_some_and(|x| EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
                })
                .collect();
            found.sort();
            // A request register kept beside the catalogs is not a catalog:
            // say so and leave it to `tiepcan register check`.
            found.retain(|f| {
                let register = looks_like_register(f);
                if register {
                    eprintln!(
                        "tiepcan check: {}: a request register (sổ theo dõi), not a catalog: skipped; check it with `tiepcan register check`",
                        f.display()
                    );
                }
                !register
            });
            out.extend(found);
        } else if looks_like_register(p) {
            return Err(format!(
                "{}: a request register (sổ theo dõi), not a catalog; check it with `tiepcan register check`",
                p.display()
            ));
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// Whether the file is a request register (read only for the register
/// formats: CSV, XLSX, JSON, XML).
fn looks_like_register(f: &std::path::Path) -> bool {
    RegisterFormat::from_path(&f.to_string_lossy())
        .zip(std::fs::read(f).ok())
        .is_some_and(|(fmt, bytes)| is_register(&bytes, fmt))
}

pub fn run(args: &CheckArgs) -> u8 {
    let files = match expand(&args.files) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("tiepcan check: {e}");
            return 2;
        }
    };
    if files.is_empty() {
        eprintln!(
            "tiepcan check: no catalog files (.csv, .tsv, .txt, .xlsx, .xlsm, .json, .xml) found"
        );
        return 2;
    }
    let today = args.today.unwrap_or_else(today_in_vietnam);
    let opts = CheckOptions {
        today,
        update_threshold_days: args.update_threshold_days,
    };
    let kind = args.kind.map(|k| match k {
        KindArg::Disclosure => CatalogKind::Disclosure,
        KindArg::Conditional => CatalogKind::Conditional,
    });
    let bar = (files.len() > 1 && std::io::stderr().is_terminal()).then(|| {
        let b = indicatif::ProgressBar::new(files.len() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });

    let mut results = Vec::new();
    let mut catalogs: Vec<(PathBuf, Catalog)> = Vec::new();
    let mut unreadable = false;
    for f in &files {
        if let Some(b) = &bar {
            b.set_message(f.display().to_string());
        }
        let path = f.display().to_string();
        let ropts = ReadOptions {
            kind,
            file_name: Some(path.clone()),
            ..ReadOptions::default()
        };
        match read_catalog_path(f, &ropts) {
            Ok(mut outcome) => {
                let h = match &mut outcome.catalog {
                    Catalog::Disclosure(c) => &mut c.header,
                    Catalog::Conditional(c) => &mut c.header,
                };

                if let Some(name) = &args.agency {
                    if h.agency.is_none() {
                        h.agency = Some(Agency::named(name.clone()));
                    }
                }
                let mut ds = outcome.diagnostics;
                ds.extend(check_catalog(&outcome.catalog, &opts).diagnostics);
                for d in &mut ds {
                    d.location.file.get_or_insert_with(|| path.clone());
                }
                results.push(FileResult {
                    path: path.clone(),
                    kind: Some(outcome.catalog.kind().code()),
                    rows: outcome.rows,
                    items: outcome.catalog.len(),
                    diagnostics: ds,
                    error: None,
                });
                catalogs.push((f.clone(), outcome.catalog));
            }
            Err(e) => {
                unreadable = true;
                results.push(FileResult {
                    path,
                    kind: None,
                    rows: 0,
                    items: 0,
                    diagnostics: Vec::new(),
                    error: Some(e.to_string()),
                });
            }
        }
        if let Some(b) = &bar {
            b.inc(1);
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }

    // Both catalogs (Decree 13 Art. 6(1)): judged per folder, as one agency's files.
    let mut by_dir: BTreeMap<PathBuf, Vec<usize>> = BTreeMap::new();
    for (i, (p, _)) in catalogs.iter().enumerate() {
        by_dir
            .entry(p.parent().map(Path::to_path_buf).unwrap_or_default())
            .or_default()
            .push(i);
    }
    for idxs in by_dir.values() {
        let set: Vec<&Catalog> = idxs.iter().map(|&i| &catalogs[i].1).collect();
        let set_report = check_catalog_set(&set);
        for d in set_report.diagnostics {
            for &i in idxs {
                let path = catalogs[i].0.display().to_string();
                if let Some(r) = results.iter_mut().find(|r| r.path == path) {
                    let mut d = d.clone();
                    d.location.file = Some(path.clone());
                    r.diagnostics.push(d);
                }
            }
        }
    }

    let mut summary = Summary::default();
    for r in &results {
        for d in &r.diagnostics {
            match d.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
    }
    let out = Output {
        today: today.to_string(),
        files: results,
        summary,
    };
    match args.format {
        Format::Json => match serde_json::to_string_pretty(&out) {
            Ok(s) => write_stdout(&(s + "\n")),
            Err(e) => {
                eprintln!("tiepcan check: {e}");
                return 2;
            }
        },
        Format::Text => print_text(&out, args.lang),
    }
    if unreadable {
        2
    } else if summary.errors > 0 {
        1
    } else {
        0
    }
}

fn print_text(out: &Output, lang: Lang) {
    use std::fmt::Write as _;
    let mut o = String::new();
    let c = use_colour();
    let vi = lang == Lang::Vi;
    let l = lang.code();
    let _ = writeln!(
        o,
        "{}",
        if vi {
            format!(
                "tiepcan check — {} tệp, ngày kiểm tra {} (giờ Việt Nam): {} lỗi, {} cảnh báo, {} lưu ý",
                out.files.len(), out.today, out.summary.errors, out.summary.warnings, out.summary.infos
            )
        } else {
            format!(
                "tiepcan check — {} file(s), checked as of {} (Vietnam): {} error(s), {} warning(s), {} note(s)",
                out.files.len(), out.today, out.summary.errors, out.summary.warnings, out.summary.infos
            )
        }
    );
    for f in &out.files {
        let _ = writeln!(o);
        if let Some(e) = &f.error {
            let _ = writeln!(
                o,
                "{} {}",
                paint(c, "1;31", &f.path),
                if vi {
                    format!("— không đọc được: {e}")
                } else {
                    format!("— unreadable: {e}")
                }
            );
            continue;
        }
        let mut s = Summary::default();
        for d in &f.diagnostics {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
        }
        let kind = match (f.kind, vi) {
            (Some("conditional"), true) => "danh mục thông tin tiếp cận có điều kiện",
            (Some(_), true) => "danh mục thông tin phải được công khai",
            (Some("conditional"), false) => "conditional-access catalog",
            _ => "disclosure catalog",
        };
        let _ = writeln!(
            o,
            "{} — {kind}, {} {}, {} {}: {} {}, {} {}, {} {}",
            paint(c, "1", &f.path),
            f.rows,
            if vi { "dòng" } else { "rows" },
            f.items,
            if vi { "mục" } else { "items" },
            s.errors,
            if vi { "lỗi" } else { "errors" },
            s.warnings,
            if vi { "cảnh báo" } else { "warnings" },
            s.infos,
            if vi { "lưu ý" } else { "notes" },
        );
        let mut groups: BTreeMap<(Severity, &str), Vec<&Diagnostic>> = BTreeMap::new();
        for d in &f.diagnostics {
            groups
                .entry((d.severity, d.rule.as_str()))
                .or_default()
                .push(d);
        }
        for ((sev, rule), ds) in groups {
            let title = tiepcan::validate::rules::rule(rule)
                .map(|r| if vi { r.title_vi } else { r.title_en })
                .unwrap_or("");
            let colour = match sev {
                Severity::Error => "31",
                Severity::Warning => "33",
                Severity::Info => "36",
            };
            let sev_s = paint(c, colour, crate::common::severity_word(sev, vi));
            let _ = writeln!(o, "  {sev_s} {rule} ({}) — {title}", ds.len());
            let basis = ds[0].citation.map(|ct| {
                if vi {
                    ct.to_vietnamese()
                } else {
                    ct.to_string()
                }
            });
            if let Some(b) = basis {
                let _ = writeln!(o, "    {}: {b}", if vi { "căn cứ" } else { "basis" });
            }
            for d in ds {
                let mut loc = d.location.clone();
                loc.file = None;
                let where_ = loc.to_string();
                let where_ = if vi {
                    where_
                        .replace("row", "dòng")
                        .replace("column", "cột")
                        .replace("whole catalog", "toàn danh mục")
                        .replace("line", "dòng")
                } else {
                    where_
                };
                let _ = writeln!(o, "    - {where_}: {}", d.message.get(l));
            }
        }
    }
    write_stdout(&o);
}

/// Write to stdout; a closed pipe (`| head`) ends output quietly.
fn write_stdout(s: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(s.as_bytes()).and_then(|_| out.flush());
}
