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
/// Tries [`read_one_pass`] first; what it declines is read through a
/// `serde_json::Value` tree, which supplies a missing kind and locates the
/// error.
///
/// # Errors
/// [`ReadError::Unreadable`] with line and column when the text is not JSON,
/// and with line, column and JSON pointer (`/items/4/created_on`) when a
/// value does not fit the model (an impossible date, an unknown Art. 17
/// point, a missing title).
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<ReadOutcome, ReadError> {
    let decoded = encoding::decode(bytes);
    match one_pass(&decoded.text) {
        Ok(catalog) => Ok(outcome(catalog, decoded.diagnostics, opts)),
        Err(_) => read_value(&decoded.text, decoded.diagnostics, opts),
    }
}

/// Why [`read_one_pass`] declined a text: [`read`] reads it (or explains
/// why it cannot), with the `serde_json::Value` tree the one-pass read does
/// without.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NeedsFullRead {
    /// Not an object whose `"kind"` comes before its `"items"`: a bare
    /// array of entries, an object without `"kind"` (read supplies one and
    /// says so), `"kind"` after `"items"`, or no `"items"`.
    NotTagged,
    /// A top-level key appears twice (read keeps the last one).
    RepeatedKey,
    /// A top-level key that is not a field of the catalog (read ignores
    /// it; declined so that only read decides what to say about it).
    UnknownKey,
    /// Not JSON, or a value that does not fit the model (read reports it
    /// with line, column and JSON pointer), or a field repeated inside an
    /// entry or the header (read keeps the last one).
    DoesNotFit,
}

impl NeedsFullRead {
    /// A short English description (`"a top-level key appears twice"`).
    pub fn describe(self) -> &'static str {
        match self {
            NeedsFullRead::NotTagged => "the catalog has no \"kind\" before its \"items\"",
            NeedsFullRead::RepeatedKey => "a top-level key appears twice",
            NeedsFullRead::UnknownKey => "a top-level key is not a catalog field",
            NeedsFullRead::DoesNotFit => "the text is not JSON or does not fit the catalog model",
        }
    }
}

impl std::fmt::Display for NeedsFullRead {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.describe())
    }
}

/// Read a catalog in one pass over the text, straight into the model — no
/// `serde_json::Value` tree, no copy of the entries — when the text is what
/// tiepcan writes: one object, its `"kind"` before its `"items"`, every key
/// once, only the catalog's fields at the top level (in any order), every
/// value fitting the model. Unknown keys inside an entry or the agency are
/// ignored, as [`read`] ignores them.
///
/// When it accepts, the outcome is the one [`read`] gives (it is `read`'s
/// fast path; a test checks it against `read`'s `Value` path). It declines
/// everything `read` would read differently, supply, report or locate: see
/// [`NeedsFullRead`]. What it leaves out of a program is `serde_json`'s
/// `Value` and the deserializers of every model type from it (what the web
/// components' WebAssembly module is built with).
///
/// # Errors
/// [`NeedsFullRead`] when it declines: call [`read`] for the catalog or
/// the error with its location.
///
/// ```
/// use tiepcan::io::json::{read_one_pass, NeedsFullRead};
/// use tiepcan::io::ReadOptions;
/// let opts = ReadOptions::default();
/// let ok = r#"{"kind": "disclosure", "items": [{"title": "Kế hoạch"}]}"#;
/// assert_eq!(read_one_pass(ok.as_bytes(), &opts).unwrap().catalog.len(), 1);
/// let bare = read_one_pass(r#"[{"title": "Kế hoạch"}]"#.as_bytes(), &opts);
/// assert_eq!(bare.unwrap_err(), NeedsFullRead::NotTagged);
/// ```
pub fn read_one_pass(bytes: &[u8], opts: &ReadOptions) -> Result<ReadOutcome, NeedsFullRead> {
    let decoded = encoding::decode(bytes);
    let catalog = one_pass(&decoded.text)?;
    Ok(outcome(catalog, decoded.diagnostics, opts))
}

/// What [`read_one_pass`] does after it has built the catalog, for a
/// catalog built from already-parsed JSON by other means (the web
/// components' module builds it from the browser's `JSON.parse` object):
/// a kind other than `opts.kind` is reported (R-READ-STRUCTURE), titles
/// are put in NFC. Only the catalog's own text is looked at: `opts`'s
/// size limit is the caller's.
///
/// ```
/// use tiepcan::io::json::{finish, read_one_pass};
/// use tiepcan::io::ReadOptions;
/// use tiepcan::model::{Catalog, DisclosureCatalog, InformationItem};
/// let text = "{\"kind\": \"disclosure\", \"items\": [{\"title\": \"Ke\u{0302}\u{0301} hoa\u{0323}ch\"}]}";
/// let built = Catalog::Disclosure(DisclosureCatalog {
///     items: vec![InformationItem { title: "Ke\u{0302}\u{0301} hoa\u{0323}ch".into(), ..Default::default() }],
///     ..Default::default()
/// });
/// let opts = ReadOptions::default();
/// assert_eq!(finish(built, &opts).catalog, read_one_pass(text.as_bytes(), &opts).unwrap().catalog);
/// ```
pub fn finish(catalog: Catalog, opts: &ReadOptions) -> ReadOutcome {
    outcome(catalog, Vec::new(), opts)
}

/// The outcome of a catalog read: a kind other than the one asked for is
/// reported; titles are NFC.
fn outcome(
    mut catalog: Catalog,
    mut diagnostics: Vec<Diagnostic>,
    opts: &ReadOptions,
) -> ReadOutcome {
    if let Some(k) = opts.kind {
        if k != catalog.kind() {
            diagnostics.push(kind_mismatch(catalog.kind(), k));
        }
    }
    normalise(&mut catalog);
    ReadOutcome {
        catalog,
        diagnostics,
        rows: 0,
    }
}

/// [`read`]'s path through a `serde_json::Value` tree: a bare array of
/// entries, an object without `"kind"`, keys in any order and repeated
/// (the last one wins), and errors located by JSON pointer.
fn read_value(
    text: &str,
    mut diagnostics: Vec<Diagnostic>,
    opts: &ReadOptions,
) -> Result<ReadOutcome, ReadError> {
    let mut value: Value = serde_json::from_str(text).map_err(|e| ReadError::Unreadable {
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
        Ok(catalog) => Ok(outcome(catalog, diagnostics, opts)),
        Err(e) => {
            let pointer = locate(&value);
            let (line, column) = pointer
                .as_deref()
                .and_then(|p| pointer_position(text, p))
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

/// [`read_one_pass`] on decoded text. The object's keys are read one by
/// one: `"kind"`, then `"items"` deserialized straight into the entries of
/// that kind; every other key is handed to [`CatalogHeader`]'s own derived
/// `Deserialize` (through [`HeaderKeys`], in the same pass), so the header
/// is read by the same code, with the same defaults and errors, as from a
/// `Value`.
fn one_pass(text: &str) -> Result<Catalog, NeedsFullRead> {
    use crate::model::{ConditionalAccessCatalog, DisclosureCatalog};
    use serde::de::{Deserializer as _, MapAccess, Visitor};
    use serde::Deserialize as _;

    struct CatalogVisitor<'a>(&'a mut Option<NeedsFullRead>);
    impl<'de> Visitor<'de> for CatalogVisitor<'_> {
        type Value = Catalog;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a catalog object")
        }
        fn visit_seq<S: serde::de::SeqAccess<'de>>(self, _: S) -> Result<Catalog, S::Error> {
            *self.0 = Some(NeedsFullRead::NotTagged);
            Err(serde::de::Error::custom("a bare array of entries"))
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Catalog, A::Error> {
            let mut keys = HeaderKeys {
                map,
                kind: None,
                items: None,
                declined: self.0,
            };
            let header = CatalogHeader::deserialize(HeaderDe(&mut keys))?;
            let declined = keys.declined;
            match keys.items {
                Some(Items::Disclosure(items)) => {
                    Ok(Catalog::Disclosure(DisclosureCatalog { header, items }))
                }
                Some(Items::Conditional(items)) => {
                    Ok(Catalog::Conditional(ConditionalAccessCatalog {
                        header,
                        items,
                    }))
                }
                None => {
                    *declined = Some(NeedsFullRead::NotTagged);
                    Err(serde::de::Error::custom("no items"))
                }
            }
        }
    }
    let mut declined = None;
    let mut de = serde_json::Deserializer::from_str(text);
    let read = de
        .deserialize_any(CatalogVisitor(&mut declined))
        .and_then(|c| de.end().map(|()| c));
    match (read, declined) {
        (Ok(catalog), _) => Ok(catalog),
        (Err(_), Some(why)) => Err(why),
        (Err(_), None) => Err(NeedsFullRead::DoesNotFit),
    }
}

/// The entries of either catalog.
enum Items {
    Disclosure(Vec<InformationItem>),
    Conditional(Vec<ConditionalItem>),
}

/// The top-level object's keys as [`CatalogHeader`]'s deserializer sees
/// them: `"kind"` and `"items"` are read here and left out; a key repeated
/// or not among the header's fields (the list its derive passes to
/// `deserialize_struct`) stops the read with the reason in `declined`.
struct HeaderKeys<'a, A> {
    map: A,
    kind: Option<CatalogKind>,
    items: Option<Items>,
    declined: &'a mut Option<NeedsFullRead>,
}

impl<'de, A: serde::de::MapAccess<'de>> HeaderKeys<'_, A> {
    fn decline(&mut self, why: NeedsFullRead) -> A::Error {
        *self.declined = Some(why);
        serde::de::Error::custom(why.describe())
    }
}

/// Hands [`HeaderKeys`] to the header's derived visitor as a map.
struct HeaderDe<'r, 'a, A>(&'r mut HeaderKeys<'a, A>);

impl<'de, A: serde::de::MapAccess<'de>> serde::Deserializer<'de> for HeaderDe<'_, '_, A> {
    type Error = A::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, A::Error> {
        Err(self.0.decline(NeedsFullRead::DoesNotFit))
    }

    fn deserialize_struct<V: serde::de::Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        visitor.visit_map(HeaderMap {
            keys: self.0,
            fields,
            seen: Vec::new(),
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

struct HeaderMap<'r, 'a, A> {
    keys: &'r mut HeaderKeys<'a, A>,
    fields: &'static [&'static str],
    /// Header keys met so far (a repeated one declines before the derive's
    /// own duplicate-field error, so the reason is kept).
    seen: Vec<&'static str>,
}

impl<'de, A: serde::de::MapAccess<'de>> serde::de::MapAccess<'de> for HeaderMap<'_, '_, A> {
    type Error = A::Error;

    fn next_key_seed<K: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        use serde::de::IntoDeserializer;
        let keys = &mut *self.keys;
        loop {
            let Some(key) = keys.map.next_key::<String>()? else {
                return Ok(None);
            };
            match (key.as_str(), keys.kind) {
                ("kind", None) => keys.kind = Some(keys.map.next_value::<CatalogKind>()?),
                ("items", Some(kind)) if keys.items.is_none() => {
                    keys.items = Some(match kind {
                        CatalogKind::Disclosure => Items::Disclosure(keys.map.next_value()?),
                        CatalogKind::Conditional => Items::Conditional(keys.map.next_value()?),
                    });
                }
                ("kind", Some(_)) | ("items", Some(_)) => {
                    return Err(keys.decline(NeedsFullRead::RepeatedKey))
                }
                ("items", None) => return Err(keys.decline(NeedsFullRead::NotTagged)),
                (k, _) => {
                    let Some(&field) = self.fields.iter().find(|f| **f == k) else {
                        return Err(keys.decline(NeedsFullRead::UnknownKey));
                    };
                    if self.seen.contains(&field) {
                        return Err(keys.decline(NeedsFullRead::RepeatedKey));
                    }
                    self.seen.push(field);
                    let de: serde::de::value::StrDeserializer<'_, A::Error> =
                        field.into_deserializer();
                    return seed.deserialize(de).map(Some);
                }
            }
        }
    }

    fn next_value_seed<V: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, A::Error> {
        self.keys.map.next_value_seed(seed)
    }
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
    use crate::text::{is_nfc, nfc};
    /// NFC in place; a title already NFC (most) is not copied.
    fn title(t: &mut String) {
        if !is_nfc(t) {
            *t = nfc(t);
        }
    }
    fn item(i: &mut InformationItem) {
        title(&mut i.title);
        for c in &mut i.children {
            item(c);
        }
    }
    match c {
        Catalog::Disclosure(d) => d.items.iter_mut().for_each(item),
        Catalog::Conditional(d) => d.items.iter_mut().for_each(|i| title(&mut i.title)),
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

    /// `from_code` (`from_key`) of every enum the JSON model reads as a
    /// snake_case code is the inverse of its serde name, variant by variant
    /// (the web components' module reads the codes with them, serde-free).
    #[test]
    fn codes_are_the_serde_names() {
        use crate::law::{ConditionalGround, ConsentHolder, DisclosureForm};
        use crate::model::{AgencyLevel, AreaClass, ConsentStatus};
        fn check<T: serde::Serialize + PartialEq + std::fmt::Debug + Copy>(
            all: &[T],
            code: fn(T) -> &'static str,
            from: fn(&str) -> Option<T>,
        ) {
            for &v in all {
                let name = serde_json::to_value(v).unwrap();
                assert_eq!(name, Value::String(code(v).into()));
                assert_eq!(from(code(v)), Some(v));
                assert_eq!(from(&code(v).to_uppercase()), None);
            }
            assert_eq!(from(""), None);
        }
        check(
            &[CatalogKind::Disclosure, CatalogKind::Conditional],
            CatalogKind::code,
            CatalogKind::from_code,
        );
        check(&Field::ALL, Field::key, Field::from_key);
        check(&AgencyLevel::ALL, AgencyLevel::code, AgencyLevel::from_code);
        check(
            &[
                AreaClass::Normal,
                AreaClass::Difficult,
                AreaClass::EspeciallyDifficult,
            ],
            AreaClass::code,
            AreaClass::from_code,
        );
        check(
            &[
                ConsentStatus::None,
                ConsentStatus::Requested,
                ConsentStatus::Given,
                ConsentStatus::Refused,
            ],
            ConsentStatus::code,
            ConsentStatus::from_code,
        );
        check(
            &DisclosureForm::ALL,
            DisclosureForm::code,
            DisclosureForm::from_code,
        );
        check(
            &ConditionalGround::ALL,
            ConditionalGround::code,
            ConditionalGround::from_code,
        );
        check(
            &ConsentHolder::ALL,
            ConsentHolder::code,
            ConsentHolder::from_code,
        );
        assert_eq!(CatalogKind::from_code("public"), None);
    }

    #[test]
    fn the_one_pass_path_reads_what_the_value_path_reads() {
        let items = r#"[{"seq": "1", "title": "Quye\u0302\u0301t đi\u0323nh", "created_on": "2025-02",
            "art17_point": "đ", "number_symbol": {"raw": "5/QĐ-UBND"}, "section": "I",
            "children": [{"title": "Phụ lục", "unparsed": {"created_on": "31/02/2025"}}], "x": 1}]"#;
        let header = r#""agency": {"name": "UBND xã An Hòa"}, "issued_on": "2026-03-05""#;
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
            assert!(one_pass(&first).is_ok());
            assert!(one_pass(&last).is_err());
            let a = read(first.as_bytes(), &ReadOptions::default()).unwrap();
            let b = read(last.as_bytes(), &ReadOptions::default()).unwrap();
            assert_eq!(a.catalog, b.catalog);
            assert_eq!(a.diagnostics, b.diagnostics);
            assert_eq!(a.catalog.kind().code(), kind);
        }
        // A repeated key takes the slow path, which reports what it reports.
        assert!(one_pass(r#"{"kind": "disclosure", "kind": "conditional", "items": []}"#).is_err());
        assert!(one_pass(r#"{"kind": "disclosure", "items": [], "items": []}"#).is_err());
        assert!(one_pass(r#"{"kind": "disclosure", "items": []} x"#).is_err());
    }

    /// When the one-pass read accepts `text`, its outcome is the `Value`
    /// path's (same catalog, same diagnostics); `Some(accepted)`.
    fn agrees(text: &str, opts: &ReadOptions) -> bool {
        let decoded = encoding::decode(text.as_bytes());
        let fast = read_one_pass(text.as_bytes(), opts);
        let slow = read_value(&decoded.text, decoded.diagnostics, opts);
        match (fast, slow) {
            (Ok(fast), Ok(slow)) => {
                assert_eq!(fast.catalog, slow.catalog, "{text}");
                assert_eq!(fast.diagnostics, slow.diagnostics, "{text}");
                assert_eq!(fast.rows, slow.rows);
                true
            }
            (Ok(_), Err(e)) => panic!("one pass read what the Value path rejects ({e}): {text}"),
            (Err(_), _) => false,
        }
    }

    /// Every JSON catalog in the repository, and the real catalogs (the
    /// CSVs of `core/tests/data/catalogs` and, where the sibling checkout
    /// is present, `shared/data/catalogs`) written as tiepcan's JSON.
    fn bundled_json() -> Vec<(String, String)> {
        use std::path::Path;
        let core = Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = core.join("..");
        let mut out = Vec::new();
        let mut files: Vec<std::path::PathBuf> = vec![
            root.join("examples/web/catalog.json"),
            root.join("bindings/wasm/test-browser/fixtures/catalog-12.json"),
        ];
        let mut seeds: Vec<_> = std::fs::read_dir(root.join("fuzz/seeds/json_catalog"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        seeds.sort();
        files.extend(seeds);
        for f in files {
            let bytes = std::fs::read(&f).unwrap();
            out.push((
                f.display().to_string(),
                String::from_utf8_lossy(&bytes).into_owned(),
            ));
        }
        let shared = ["../../shared/data", "../../../shared/data"]
            .iter()
            .map(|p| core.join(p).join("catalogs"))
            .find(|p| p.is_dir());
        for dir in std::iter::once(core.join("tests/data/catalogs")).chain(shared) {
            let mut csvs: Vec<_> = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "csv"))
                .collect();
            csvs.sort();
            for f in csvs {
                let read = crate::io::read_catalog_path(&f, &ReadOptions::default()).unwrap();
                out.push((
                    f.display().to_string(),
                    super::super::write_catalog_json(&read.catalog),
                ));
            }
        }
        out
    }

    #[test]
    fn the_one_pass_read_agrees_with_the_value_path_on_every_bundled_catalog() {
        let mut accepted = 0;
        let mut texts = 0;
        for (name, text) in bundled_json() {
            let mut variants = vec![text.clone()];
            if let Ok(Value::Object(mut map)) = serde_json::from_str::<Value>(&text) {
                // Compact; kind last (declined: the Value path reads it);
                // without kind; a bare array; an unknown top-level key.
                variants.push(Value::Object(map.clone()).to_string());
                if let Some(kind) = map.remove("kind") {
                    let items = map.get("items").cloned();
                    variants.push(Value::Object(map.clone()).to_string());
                    let mut last = map.clone();
                    last.insert("kind".into(), kind);
                    variants.push(Value::Object(last).to_string());
                    if let Some(items) = items {
                        variants.push(items.to_string());
                    }
                }
            }
            for v in &variants {
                for kind in [
                    None,
                    Some(CatalogKind::Disclosure),
                    Some(CatalogKind::Conditional),
                ] {
                    let opts = ReadOptions {
                        kind,
                        ..ReadOptions::default()
                    };
                    texts += 1;
                    if agrees(v, &opts) {
                        accepted += 1;
                    }
                }
            }
            // What tiepcan writes is read in one pass.
            if name.ends_with(".csv") || name.ends_with("catalog.json") {
                assert!(
                    read_one_pass(text.as_bytes(), &ReadOptions::default()).is_ok(),
                    "{name}"
                );
            }
        }
        eprintln!("{accepted} of {texts} texts read in one pass");
        assert!(accepted >= 12, "{accepted}");
    }

    #[test]
    fn the_one_pass_read_declines_what_the_value_path_reads_differently() {
        let opts = ReadOptions::default();
        let decline = |text: &str, why: NeedsFullRead| {
            assert_eq!(
                read_one_pass(text.as_bytes(), &opts).unwrap_err(),
                why,
                "{text}"
            );
        };
        let items = r#"[{"title": "Kế hoạch", "created_on": "2026-02-03"}]"#;
        // Missing kind: read supplies it and says so.
        decline(
            &format!(r#"{{"items": {items}}}"#),
            NeedsFullRead::NotTagged,
        );
        decline(items, NeedsFullRead::NotTagged);
        let r = read(format!(r#"{{"items": {items}}}"#).as_bytes(), &opts).unwrap();
        assert_eq!(r.diagnostics[0].rule, "R-READ-STRUCTURE");
        // Kind after the items, or no items.
        decline(
            &format!(r#"{{"items": {items}, "kind": "disclosure"}}"#),
            NeedsFullRead::NotTagged,
        );
        decline(r#"{"kind": "disclosure"}"#, NeedsFullRead::NotTagged);
        // A bad date (an entry's, the header's): read locates it.
        for text in [
            r#"{"kind": "disclosure", "items": [{"title": "A", "created_on": "31/02/2026"}]}"#,
            r#"{"kind": "disclosure", "issued_on": "2026-02-30", "items": []}"#,
            r#"{"kind": "disclosure", "items": []"#,
            r#"{"kind": "public", "items": []}"#,
        ] {
            decline(text, NeedsFullRead::DoesNotFit);
            assert!(read(text.as_bytes(), &opts).is_err(), "{text}");
        }
        // An unknown top-level key (read ignores it), before or after the items.
        for text in [
            format!(r#"{{"kind": "disclosure", "$schema": "x", "items": {items}}}"#),
            format!(r#"{{"kind": "disclosure", "items": {items}, "other": [1]}}"#),
        ] {
            decline(&text, NeedsFullRead::UnknownKey);
            assert_eq!(read(text.as_bytes(), &opts).unwrap().catalog.len(), 1);
        }
        // A repeated key: at the top level, in the header, in an entry
        // (read keeps the last one).
        for (text, why) in [
            (
                format!(r#"{{"kind": "disclosure", "kind": "disclosure", "items": {items}}}"#),
                NeedsFullRead::RepeatedKey,
            ),
            (
                format!(r#"{{"kind": "disclosure", "items": {items}, "items": {items}}}"#),
                NeedsFullRead::RepeatedKey,
            ),
            (
                format!(
                    r#"{{"kind": "disclosure", "title": "A", "title": "B", "items": {items}}}"#
                ),
                NeedsFullRead::RepeatedKey,
            ),
            (
                r#"{"kind": "disclosure", "items": [{"title": "A", "title": "B"}]}"#.into(),
                NeedsFullRead::DoesNotFit,
            ),
            (
                r#"{"kind": "disclosure", "agency": {"name": "A", "name": "B"}, "items": []}"#
                    .into(),
                NeedsFullRead::DoesNotFit,
            ),
        ] {
            decline(&text, why);
            read(text.as_bytes(), &opts).unwrap();
        }
        // The header in any order around the entries, unknown keys inside
        // an entry or the agency: read in one pass, as read reads them.
        let text = r#"{"title": "DANH MỤC", "kind": "conditional", "items": [{"title": "Hồ sơ", "ground": "business_secret", "x": 1}],
            "agency": {"name": "UBND xã An Hòa", "y": [2]}, "issued_on": "2026-03-05"}"#;
        assert!(agrees(text, &opts));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]
        /// Objects of catalog keys in any order, repeated or not, with
        /// values that fit or not: whatever the one-pass read accepts, the
        /// `Value` path reads the same.
        #[test]
        fn the_one_pass_read_agrees_with_the_value_path(
            top in proptest::collection::vec((0..TOP.len(), 0..VALUES.len()), 0..5),
            entries in proptest::collection::vec(
                proptest::collection::vec((0..ENTRY.len(), 0..VALUES.len()), 0..4), 0..4),
            kind_first in proptest::bool::ANY,
        ) {
            let entry = |fields: &Vec<(usize, usize)>| {
                let body: Vec<String> = std::iter::once(r#""title": "Tên""#.to_string())
                    .chain(fields.iter().map(|&(k, v)| format!("\"{}\": {}", ENTRY[k], VALUES[v])))
                    .collect();
                format!("{{{}}}", body.join(", "))
            };
            let items: Vec<String> = entries.iter().map(entry).collect();
            let mut fields: Vec<String> =
                top.iter().map(|&(k, v)| format!("\"{}\": {}", TOP[k], VALUES[v])).collect();
            let kind = if entries.iter().flatten().any(|&(k, _)| ENTRY[k] == "ground") {
                "conditional"
            } else {
                "disclosure"
            };
            let at = if kind_first { 0 } else { fields.len() };
            fields.insert(at, format!("\"items\": [{}]", items.join(", ")));
            fields.insert(0, format!("\"kind\": \"{kind}\""));
            let text = format!("{{{}}}", fields.join(", "));
            agrees(&text, &ReadOptions::default());
        }
    }

    const TOP: &[&str] = &[
        "agency",
        "title",
        "stated_basis",
        "issuing_decision",
        "issued_on",
        "last_updated",
        "published_at",
        "compiled_by",
        "approved_by",
        "x",
        "kind",
    ];
    const ENTRY: &[&str] = &[
        "seq",
        "title",
        "number_symbol",
        "created_on",
        "art17_point",
        "disclosure_forms",
        "access_link",
        "children",
        "unparsed",
        "extra",
        "ground",
        "consent_status",
        "z",
    ];
    const VALUES: &[&str] = &[
        "null",
        "1",
        "\"2026-02-03\"",
        "\"2026-02\"",
        "\"31/02/2026\"",
        "\"b\"",
        "\"đ\"",
        r#"{"name": "UBND"}"#,
        r#"{"raw": "5/QĐ-UBND"}"#,
        r#"{"raw": "5/QĐ", "year": 2025}"#,
        "[]",
        r#"["portal"]"#,
        r#"[{"title": "Phụ lục"}]"#,
        r#"{"created_on": "x"}"#,
        r#"{"k": "v"}"#,
        "\"business_secret\"",
        "\"given\"",
        r#""Quye\u0302\u0301t""#,
        "true",
    ];

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
