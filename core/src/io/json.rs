//! tiepcan's JSON model (`schemas/catalog.schema.json`): reading with errors
//! at line, column and JSON pointer, and pointers for diagnostics about
//! entries read from JSON.

use serde_json::Value;

use super::encoding;
use super::{ReadError, ReadOptions, ReadOutcome};
use crate::model::{Catalog, CatalogHeader, CatalogKind, ConditionalItem, Field, InformationItem};
use crate::validate::{Diagnostic, Location, Message};

/// The JSON pointer (RFC 6901) of an entry, or of one of its fields:
/// `/items/3`, `/items/3/created_on` (0-based index, as in the JSON array).
///
/// ```
/// use tiepcan::io::json::pointer;
/// use tiepcan::model::Field;
/// assert_eq!(pointer(3, Some(Field::CreatedOn)), "/items/3/created_on");
/// assert_eq!(pointer(0, None), "/items/0");
/// ```
pub fn pointer(index: usize, field: Option<Field>) -> String {
    match field {
        Some(f) => format!("/items/{index}/{}", f.key()),
        None => format!("/items/{index}"),
    }
}

/// Escape one JSON-pointer segment (`~` → `~0`, `/` → `~1`).
fn escape(seg: &str) -> String {
    seg.replace('~', "~0").replace('/', "~1")
}

/// Read a catalog from JSON text in tiepcan's model format. A missing
/// `"kind"` is taken from `opts.kind`, else conditional when an entry has a
/// `ground` or consent field, else disclosure (reported as info).
///
/// # Errors
/// [`ReadError::Unreadable`] with line and column when the text is not JSON,
/// and with line, column and JSON pointer (`/items/4/created_on`) when a
/// value does not fit the model (an impossible date, an unknown Art. 17
/// point, a missing title).
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<ReadOutcome, ReadError> {
    let decoded = encoding::decode(bytes);
    let mut diagnostics = decoded.diagnostics;
    let text = decoded.text;
    // Fast path: a catalog that states its "kind" and fits the model is
    // deserialized straight from the text (no `Value` tree and no copy of
    // it, about 5× faster on large catalogs). Anything else takes the path
    // below, which supplies a missing kind and locates the error.
    if let Some(mut catalog) = read_typed(&text) {
        if let Some(k) = opts.kind {
            if k != catalog.kind() {
                diagnostics.push(kind_mismatch(catalog.kind(), k));
            }
        }
        normalise(&mut catalog);
        return Ok(ReadOutcome {
            catalog,
            diagnostics,
            rows: 0,
        });
    }
    let mut value: Value = serde_json::from_str(&text).map_err(|e| ReadError::Unreadable {
        message: format!("not JSON: {}", without_position(&e)),
        line: Some(e.line()),
        column: Some(e.column()),
        pointer: None,
    })?;
    // A bare array of entries, or an object without "kind".
    if value.is_array() {
        value = object([("items".to_string(), value)]);
    }
    if let Value::Object(map) = &mut value {
        if !map.contains_key("kind") {
            let kind = opts.kind.unwrap_or_else(|| {
                let conditional = map
                    .get("items")
                    .and_then(Value::as_array)
                    .is_some_and(|items| {
                        items.iter().any(|i| {
                            i.get("ground").is_some()
                                || i.get("consent_holder").is_some()
                                || i.get("consent_status").is_some()
                        })
                    });
                if conditional {
                    CatalogKind::Conditional
                } else {
                    CatalogKind::Disclosure
                }
            });
            map.insert("kind".into(), Value::String(kind.code().into()));
            diagnostics.push(Diagnostic::new(
                "R-READ-STRUCTURE",
                Location::pointer("/kind"),
                None,
                Message::new(
                    format!("Thiếu \"kind\"; đọc như danh mục {}.", kind.code()),
                    format!("No \"kind\"; read as a {} catalog.", kind.code()),
                ),
            ));
        }
    }
    match Catalog::from_json_value(value.clone()) {
        Ok(mut catalog) => {
            if let Some(k) = opts.kind {
                if k != catalog.kind() {
                    diagnostics.push(kind_mismatch(catalog.kind(), k));
                }
            }
            normalise(&mut catalog);
            Ok(ReadOutcome {
                catalog,
                diagnostics,
                rows: 0,
            })
        }
        Err(e) => {
            let pointer = locate(&value);
            let (line, column) = pointer
                .as_deref()
                .and_then(|p| pointer_position(&text, p))
                .map_or((None, None), |(l, c)| (Some(l), Some(c)));
            Err(ReadError::Unreadable {
                message: format!(
                    "the JSON does not fit tiepcan's catalog model: {}",
                    without_position(&e)
                ),
                line,
                column,
                pointer,
            })
        }
    }
}

/// A catalog whose `"kind"` comes before its `"items"`, as tiepcan writes
/// it, read in one pass over the text: the entries are deserialized straight
/// into the model once the kind is known (no `Value` tree, no buffering of
/// the entries as an internally tagged enum's content). `None` for anything
/// else — kind missing or after the items, a repeated key, a value that
/// does not fit — which the caller's slow path reads or explains.
fn read_typed(text: &str) -> Option<Catalog> {
    use crate::model::{ConditionalAccessCatalog, DisclosureCatalog};
    use serde::de::{Deserializer as _, MapAccess, Visitor};

    struct CatalogVisitor;
    impl<'de> Visitor<'de> for CatalogVisitor {
        type Value = Option<Catalog>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a catalog object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut kind = None;
            let mut items = None;
            let mut header = serde_json::Map::new();
            while let Some(key) = map.next_key::<String>()? {
                match (key.as_str(), kind) {
                    ("kind", None) => kind = Some(map.next_value::<CatalogKind>()?),
                    ("items", Some(k)) if items.is_none() => {
                        items = Some(match k {
                            CatalogKind::Disclosure => {
                                Ok(map.next_value::<Vec<InformationItem>>()?)
                            }
                            CatalogKind::Conditional => {
                                Err(map.next_value::<Vec<ConditionalItem>>()?)
                            }
                        });
                    }
                    ("kind" | "items", _) => return Ok(None),
                    _ => {
                        if header.insert(key, map.next_value::<Value>()?).is_some() {
                            return Ok(None);
                        }
                    }
                }
            }
            let Ok(header) = serde_json::from_value::<CatalogHeader>(Value::Object(header)) else {
                return Ok(None);
            };
            Ok(match items {
                Some(Ok(items)) => Some(Catalog::Disclosure(DisclosureCatalog { header, items })),
                Some(Err(items)) => Some(Catalog::Conditional(ConditionalAccessCatalog {
                    header,
                    items,
                })),
                None => None,
            })
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let catalog = de.deserialize_map(CatalogVisitor).ok()??;
    de.end().ok()?;
    Some(catalog)
}

/// The file's kind differs from the one asked for: the file's is kept.
fn kind_mismatch(file: CatalogKind, asked: CatalogKind) -> Diagnostic {
    Diagnostic::new(
        "R-READ-STRUCTURE",
        Location::pointer("/kind"),
        Some(file.code().into()),
        Message::new(
            format!(
                "Tệp ghi \"kind\": \"{}\", khác loại danh mục được yêu cầu ({}); giữ theo tệp.",
                file.code(),
                asked.code()
            ),
            format!(
                "The file says \"kind\": \"{}\", not the requested {}; the file's kind is kept.",
                file.code(),
                asked.code()
            ),
        ),
    )
}

/// Text in the model is NFC.
fn normalise(c: &mut Catalog) {
    use crate::text::nfc;
    fn item(i: &mut InformationItem) {
        i.title = nfc(&i.title);
        for c in &mut i.children {
            item(c);
        }
    }
    match c {
        Catalog::Disclosure(d) => d.items.iter_mut().for_each(item),
        Catalog::Conditional(d) => d.items.iter_mut().for_each(|i| i.title = nfc(&i.title)),
    }
}

/// A JSON object of these fields (later ones win, as in `json!`); built
/// without `json!`, whose values go through `serde_json::to_value`.
fn object<const N: usize>(fields: [(String, Value); N]) -> Value {
    Value::Object(fields.into_iter().collect())
}

/// Find the JSON pointer of the first value that does not fit the model.
fn locate(value: &Value) -> Option<String> {
    let Value::Object(map) = value else {
        return Some(String::new());
    };
    let kind = map.get("kind").and_then(Value::as_str).unwrap_or("");
    if !matches!(kind, "disclosure" | "conditional") {
        return Some("/kind".into());
    }
    // Header fields.
    let mut header = map.clone();
    header.remove("items");
    header.remove("kind");
    if serde_json::from_value::<CatalogHeader>(Value::Object(header.clone())).is_err() {
        for (k, v) in &header {
            let one = object([(k.clone(), v.clone())]);
            if serde_json::from_value::<CatalogHeader>(one).is_err() {
                return Some(format!("/{}", escape(k)));
            }
        }
    }
    let Some(items) = map.get("items") else {
        return Some("/items".into());
    };
    let Some(items) = items.as_array() else {
        return Some("/items".into());
    };
    for (i, it) in items.iter().enumerate() {
        let fits = |v: &Value| -> bool {
            if kind == "disclosure" {
                serde_json::from_value::<InformationItem>(v.clone()).is_ok()
            } else {
                serde_json::from_value::<ConditionalItem>(v.clone()).is_ok()
            }
        };
        if fits(it) {
            continue;
        }
        let Value::Object(obj) = it else {
            return Some(format!("/items/{i}"));
        };
        if !obj.contains_key("title") {
            return Some(format!("/items/{i}/title"));
        }
        for (k, v) in obj {
            let one = object([
                ("title".to_string(), Value::from("")),
                (k.clone(), v.clone()),
            ]);
            if !fits(&one) {
                if k == "children" {
                    if let Some(arr) = v.as_array() {
                        for (j, ch) in arr.iter().enumerate() {
                            if !fits(ch) {
                                return Some(format!("/items/{i}/children/{j}"));
                            }
                        }
                    }
                }
                return Some(format!("/items/{i}/{}", escape(k)));
            }
        }
        return Some(format!("/items/{i}"));
    }
    None
}

/// 1-based line and column (in characters) where the value at `pointer`
/// starts in JSON `text`, found by a small scanner (the text is known to be
/// valid JSON).
fn pointer_position(text: &str, pointer: &str) -> Option<(usize, usize)> {
    struct Scan<'a> {
        chars: std::iter::Peekable<std::str::CharIndices<'a>>,
        target: &'a str,
        text: &'a str,
    }
    impl Scan<'_> {
        fn ws(&mut self) {
            while self.chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        }
        fn string(&mut self) -> String {
            let mut out = String::new();
            self.chars.next(); // opening quote
            while let Some((_, c)) = self.chars.next() {
                match c {
                    '"' => break,
                    '\\' => {
                        if let Some((_, e)) = self.chars.next() {
                            match e {
                                'u' => {
                                    let hex: String = (0..4)
                                        .filter_map(|_| self.chars.next().map(|x| x.1))
                                        .collect();
                                    if let Some(ch) =
                                        u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                                    {
                                        out.push(ch);
                                    }
                                }
                                'n' => out.push('\n'),
                                't' => out.push('\t'),
                                other => out.push(other),
                            }
                        }
                    }
                    c => out.push(c),
                }
            }
            out
        }
        /// Scan a value at `path`; `Some(byte offset)` when the target is found.
        fn value(&mut self, path: &str) -> Option<usize> {
            self.ws();
            let (pos, c) = *self.chars.peek()?;
            if path == self.target {
                return Some(pos);
            }
            match c {
                '{' => {
                    self.chars.next();
                    loop {
                        self.ws();
                        match self.chars.peek()?.1 {
                            '}' => {
                                self.chars.next();
                                return None;
                            }
                            ',' => {
                                self.chars.next();
                            }
                            '"' => {
                                let key = self.string();
                                self.ws();
                                self.chars.next(); // ':'
                                let p = format!("{path}/{}", escape(&key));
                                if let Some(found) = self.value(&p) {
                                    return Some(found);
                                }
                            }
                            _ => return None,
                        }
                    }
                }
                '[' => {
                    self.chars.next();
                    let mut i = 0;
                    loop {
                        self.ws();
                        match self.chars.peek()?.1 {
                            ']' => {
                                self.chars.next();
                                return None;
                            }
                            ',' => {
                                self.chars.next();
                            }
                            _ => {
                                let p = format!("{path}/{i}");
                                if let Some(found) = self.value(&p) {
                                    return Some(found);
                                }
                                i += 1;
                            }
                        }
                    }
                }
                '"' => {
                    self.string();
                    None
                }
                _ => {
                    while self
                        .chars
                        .next_if(|(_, c)| !matches!(c, ',' | '}' | ']') && !c.is_whitespace())
                        .is_some()
                    {}
                    None
                }
            }
        }
    }
    let mut s = Scan {
        chars: text.char_indices().peekable(),
        target: pointer,
        text,
    };
    let off = s.value("")?;
    let before = &s.text[..off];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some((line, col))
}

/// serde_json's message without its own " at line L column C" suffix: the
/// position is reported once, by [`ReadError`]'s fields.
fn without_position(e: &serde_json::Error) -> String {
    let m = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    m.strip_suffix(&suffix).map(str::to_string).unwrap_or(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_one_pass_path_reads_what_the_value_path_reads() {
        let items = r#"[{"seq": "1", "title": "Quye\u0302\u0301t đi\u0323nh", "created_on": "2025-02",
            "art17_point": "đ", "number_symbol": {"raw": "5/QĐ-UBND"}, "section": "I",
            "children": [{"title": "Phụ lục", "unparsed": {"created_on": "31/02/2025"}}], "x": 1}]"#;
        let header =
            r#""agency": {"name": "UBND xã An Hòa"}, "issued_on": "2026-03-05", "other": [1]"#;
        for kind in ["disclosure", "conditional"] {
            let items = if kind == "disclosure" {
                items.to_string()
            } else {
                r#"[{"title": "Hồ sơ", "ground": "business_secret", "consent_status": "given"}]"#
                    .to_string()
            };
            // Kind first: the one-pass path; kind last: the `Value` path.
            let first = format!(r#"{{"kind": "{kind}", {header}, "items": {items}}}"#);
            let last = format!(r#"{{{header}, "items": {items}, "kind": "{kind}"}}"#);
            assert!(read_typed(&first).is_some());
            assert!(read_typed(&last).is_none());
            let a = read(first.as_bytes(), &ReadOptions::default()).unwrap();
            let b = read(last.as_bytes(), &ReadOptions::default()).unwrap();
            assert_eq!(a.catalog, b.catalog);
            assert_eq!(a.diagnostics, b.diagnostics);
            assert_eq!(a.catalog.kind().code(), kind);
        }
        // A repeated key takes the slow path, which reports what it reports.
        assert!(
            read_typed(r#"{"kind": "disclosure", "kind": "conditional", "items": []}"#).is_none()
        );
        assert!(read_typed(r#"{"kind": "disclosure", "items": [], "items": []}"#).is_none());
        assert!(read_typed(r#"{"kind": "disclosure", "items": []} x"#).is_none());
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let e = read(
            b"{\n  \"kind\": \"disclosure\",\n  \"items\": [\n}",
            &ReadOptions::default(),
        )
        .unwrap_err();
        match e {
            ReadError::Unreadable { line, column, .. } => {
                assert_eq!(line, Some(4));
                assert_eq!(column, Some(1));
            }
            e => panic!("{e:?}"),
        }
    }

    #[test]
    fn model_error_has_pointer() {
        let j = r#"{"kind":"disclosure","items":[
  {"title":"A","created_on":"2026-01-10"},
  {"title":"B","created_on":"31/02/2026"}
]}"#;
        match read(j.as_bytes(), &ReadOptions::default()).unwrap_err() {
            ReadError::Unreadable {
                pointer,
                line,
                column,
                ..
            } => {
                assert_eq!(pointer.as_deref(), Some("/items/1/created_on"));
                assert_eq!(line, Some(3));
                assert_eq!(column, Some(29));
            }
            e => panic!("{e:?}"),
        }
    }

    #[test]
    fn round_trip_and_missing_kind() {
        let j = r#"{"items":[{"title":"Kế hoạch","art17_point":"b"}]}"#;
        let out = read(j.as_bytes(), &ReadOptions::default()).unwrap();
        assert_eq!(out.catalog.kind(), CatalogKind::Disclosure);
        assert_eq!(
            out.diagnostics[0].location.pointer.as_deref(),
            Some("/kind")
        );
        let text = super::super::write_catalog_json(&out.catalog);
        let back = read(text.as_bytes(), &ReadOptions::default()).unwrap();
        assert_eq!(back.catalog, out.catalog);
    }
}
