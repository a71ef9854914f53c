//! The parsed JSON value `js/core.js` packs (`packJson`) for one call into
//! wasm, unpacked into a tree the catalog reader walks
//! (`src/catalog_object.rs`). The packing, in pre-order: `tags` one byte per
//! value (0 null, 1 false, 2 true, 3 number: the next of `nums`, 4 string:
//! the next of `lens` is its length in UTF-16 units and its text the next
//! part of `text`, 5 array and 6 object: the next of `lens` is the count;
//! an object's entries are a key then its value; 7: a key met before, the
//! next of `lens` is its number in the order keys were first sent as
//! strings, so each key's text crosses once).

/// A JSON value as `JSON.parse` gave it (an object's keys in
/// `Object.keys` order, each once).
#[derive(Debug)]
pub(crate) enum V<'a> {
    Null,
    Bool(bool),
    Num(f64),
    Str(&'a str),
    Arr(Vec<V<'a>>),
    Obj(Vec<(&'a str, V<'a>)>),
}

/// Deeper than this the tree is not built (the catalog reader stops at
/// serde_json's 128 anyway; a deeper value the model ignores is declined
/// too, which only sends the text to the full reader).
const MAX_DEPTH: u32 = 1024;

struct Reader<'a, 'p> {
    tags: std::slice::Iter<'p, u8>,
    lens: std::slice::Iter<'p, u32>,
    nums: std::slice::Iter<'p, f64>,
    text: &'a str,
    /// Object keys in the order they were first sent as strings.
    keys: Vec<&'a str>,
}

impl<'a> Reader<'a, '_> {
    /// The next `units` UTF-16 units of the text; `None` when a character
    /// would be split (two lone surrogates of two strings met in the text).
    fn str(&mut self, units: u32) -> Option<&'a str> {
        // UTF-16 units by the UTF-8 lead bytes: 1 for a 1–3 byte
        // character, 2 for a 4-byte one, 0 for a continuation byte.
        let bytes = self.text.as_bytes();
        // All ASCII (most keys, codes, numbers, links): a unit per byte.
        if let Some(head) = bytes.get(..units as usize) {
            if head.is_ascii() {
                let (s, rest) = self.text.split_at(units as usize);
                self.text = rest;
                return Some(s);
            }
        }
        let mut n = 0u32;
        let mut end = 0usize;
        while n < units {
            let b = *bytes.get(end)?;
            n += match b {
                0xF0.. => 2,
                0x80..=0xBF => 0,
                _ => 1,
            };
            end += 1;
        }
        // Past the last character's continuation bytes.
        while bytes.get(end).is_some_and(|b| (0x80..=0xBF).contains(b)) {
            end += 1;
        }
        if n != units {
            return None;
        }
        let (s, rest) = self.text.split_at(end);
        self.text = rest;
        Some(s)
    }

    fn value(&mut self, depth: u32) -> Option<V<'a>> {
        if depth > MAX_DEPTH {
            return None;
        }
        Some(match *self.tags.next()? {
            0 => V::Null,
            1 => V::Bool(false),
            2 => V::Bool(true),
            3 => V::Num(*self.nums.next()?),
            4 => {
                let n = *self.lens.next()?;
                V::Str(self.str(n)?)
            }
            5 => {
                let n = *self.lens.next()? as usize;
                let mut a = Vec::with_capacity(n.min(self.tags.len()));
                for _ in 0..n {
                    a.push(self.value(depth + 1)?);
                }
                V::Arr(a)
            }
            6 => {
                let n = *self.lens.next()? as usize;
                let mut o = Vec::with_capacity(n.min(self.tags.len()));
                for _ in 0..n {
                    let k = match *self.tags.next()? {
                        4 => {
                            let n = *self.lens.next()?;
                            let k = self.str(n)?;
                            self.keys.push(k);
                            k
                        }
                        7 => *self.keys.get(*self.lens.next()? as usize)?,
                        _ => return None,
                    };
                    o.push((k, self.value(depth + 1)?));
                }
                V::Obj(o)
            }
            _ => return None,
        })
    }
}

/// The value packed in `tags`, `lens`, `nums` and `text`; `None` when they
/// are not one whole packed value.
pub(crate) fn unpack<'a>(tags: &[u8], lens: &[u32], nums: &[f64], text: &'a str) -> Option<V<'a>> {
    let mut r = Reader {
        tags: tags.iter(),
        lens: lens.iter(),
        nums: nums.iter(),
        text,
        keys: Vec::new(),
    };
    let v = r.value(0)?;
    (r.tags.len() == 0 && r.lens.len() == 0 && r.nums.len() == 0 && r.text.is_empty()).then_some(v)
}
