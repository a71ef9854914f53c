//! Diagnostics: what a reader or a rule found, where, and on what legal basis.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::law::Citation;

/// How serious a finding is (LAW.md §9): `error` — the text imposes the rule
/// and the data shows a breach; `warning` — a heuristic, a default or a duty
/// the data cannot prove; `info` — worth a look, not a breach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A breach of a rule the law imposes, or input that cannot be used.
    Error,
    /// A heuristic finding or a duty the data cannot prove.
    Warning,
    /// Worth a look; not a breach.
    Info,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        })
    }
}

/// Where a finding is: a file, a 1-based row (as a spreadsheet numbers it,
/// the header row included), a column header as written in the file, a JSON
/// pointer, or a line and column in a text file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Location {
    /// File path, when the input came from a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// 1-based row in the sheet or CSV file (the physical record number).
    #[serde(default)]
    pub row: Option<usize>,
    /// Column header as written in the file (or the field name).
    #[serde(default)]
    pub column: Option<String>,
    /// JSON pointer (RFC 6901) for JSON and model input, e.g. `/items/3/title`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// 1-based line for text formats (XML, JSON) when the file cannot be parsed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based character column on `line`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub col: Option<usize>,
}

impl Location {
    /// A location for a whole catalog or file (no row).
    pub fn whole() -> Location {
        Location::default()
    }

    /// A row in a table.
    pub fn row(row: usize) -> Location {
        Location {
            row: Some(row),
            ..Location::default()
        }
    }

    /// A cell: row and column header.
    pub fn cell(row: usize, column: impl Into<String>) -> Location {
        Location {
            row: Some(row),
            column: Some(column.into()),
            ..Location::default()
        }
    }

    /// A JSON pointer.
    pub fn pointer(pointer: impl Into<String>) -> Location {
        Location {
            pointer: Some(pointer.into()),
            ..Location::default()
        }
    }

    /// With the given column header.
    pub fn with_column(mut self, column: impl Into<String>) -> Location {
        self.column = Some(column.into());
        self
    }

    /// With the given file.
    pub fn with_file(mut self, file: impl Into<String>) -> Location {
        self.file = Some(file.into());
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(x) = &self.file {
            parts.push(x.clone());
        }
        if let Some(r) = self.row {
            parts.push(format!("row {r}"));
        }
        if let Some(c) = &self.column {
            parts.push(format!("column \"{c}\""));
        }
        if let Some(p) = &self.pointer {
            parts.push(p.clone());
        }
        if let Some(l) = self.line {
            parts.push(match self.col {
                Some(c) => format!("line {l}, column {c}"),
                None => format!("line {l}"),
            });
        }
        if parts.is_empty() {
            f.write_str("whole catalog")
        } else {
            f.write_str(&parts.join(", "))
        }
    }
}

/// A message in Vietnamese and English.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Message {
    /// Vietnamese text.
    pub vi: String,
    /// English text.
    pub en: String,
}

impl Message {
    /// Build from the two languages.
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Message {
        Message {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The text in `lang` (`"vi"` or anything else for English).
    pub fn get(&self, lang: &str) -> &str {
        if lang == "vi" {
            &self.vi
        } else {
            &self.en
        }
    }
}

/// A finding: stable rule id, severity, location, offending value, message
/// in Vietnamese and English, and the legal basis.
///
/// JSON shape:
/// `{"rule","severity","location":{"row","column",…},"value","message":{"vi","en"},"citation":{…}|null}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable rule id, e.g. `R-CAT-FIELDS` (LAW.md §9) or a reader id such as
    /// `R-READ-DATE`. See [`super::rules::RULES`].
    pub rule: String,
    /// Severity.
    pub severity: Severity,
    /// Where.
    pub location: Location,
    /// The offending input, as written, when there is one.
    pub value: Option<String>,
    /// Explanation.
    pub message: Message,
    /// Legal basis; `None` only for findings about the file itself
    /// (encoding, structure) that no provision governs.
    pub citation: Option<Citation>,
}

impl Diagnostic {
    /// A diagnostic for a registered rule, taking severity and citation from
    /// the registry.
    ///
    /// # Panics
    /// Panics if `rule` is not in [`super::rules::RULES`] — rule ids are
    /// constants in code, so this is a programming error caught by tests.
    pub fn new(
        rule: &str,
        location: Location,
        value: Option<String>,
        message: Message,
    ) -> Diagnostic {
        let r = super::rules::rule(rule).unwrap_or_else(|| panic!("unregistered rule id {rule}"));
        Diagnostic {
            rule: r.id.to_string(),
            severity: r.severity,
            location,
            value,
            message,
            citation: r.citation,
        }
    }

    /// Override the severity.
    pub fn with_severity(mut self, severity: Severity) -> Diagnostic {
        self.severity = severity;
        self
    }

    /// Override the citation with a more precise one.
    pub fn with_citation(mut self, citation: Citation) -> Diagnostic {
        self.citation = Some(citation);
        self
    }

    /// Set the file of the location.
    pub fn in_file(mut self, file: &str) -> Diagnostic {
        self.location.file = Some(file.to_string());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} [{}] {}: {}",
            self.severity, self.rule, self.location, self.message.en
        )?;
        if let Some(c) = &self.citation {
            write!(f, " ({c})")?;
        }
        Ok(())
    }
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Number of `error` findings.
    pub errors: usize,
    /// Number of `warning` findings.
    pub warnings: usize,
    /// Number of `info` findings.
    pub infos: usize,
}

/// All findings for one input, in the order found, with grouping helpers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// The findings.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// An empty report.
    pub fn new() -> Report {
        Report::default()
    }

    /// Add a finding.
    pub fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    /// Add many findings.
    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.diagnostics.extend(ds);
    }

    /// Counts by severity.
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for d in &self.diagnostics {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
        }
        s
    }

    /// Whether any finding has severity `error`.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// Findings grouped by rule id (sorted by id), each group in input order.
    pub fn by_rule(&self) -> BTreeMap<&str, Vec<&Diagnostic>> {
        let mut m: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
        for d in &self.diagnostics {
            m.entry(d.rule.as_str()).or_default().push(d);
        }
        m
    }

    /// Number of findings.
    pub fn len(&self) -> usize {
        self.diagnostics.len()
    }

    /// Whether there are no findings.
    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }
}
