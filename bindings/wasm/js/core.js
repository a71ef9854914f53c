// Loads the wasm modules, each once, for the whole page.
//
// Two modules are built from the crate tiepcan-wasm (README "Two modules"):
// - the components' module, pkg/tiepcan_components{.js,_bg.wasm}: only what
//   <tiepcan-catalog>, <tiepcan-deadline> and <tiepcan-request-form> call
//   (JSON catalog, calendar and deadlines, rendering, search keys, request
//   slip check). `ready()` loads it; every component calls `ready()`.
// - the full API, pkg/tiepcan_wasm{.js,_bg.wasm}: adds the CSV/XML readers,
//   the catalog rules and the report. `readyFull()` (the package's `ready()`)
//   imports and loads it on demand; nothing of it is fetched before.
// When the full module has been asked for, the components use it too (it
// exports everything the components' module does): one module per page.
import initComponents, * as components from '../pkg/tiepcan_components.js';

let componentsPromise = null;
let fullPromise = null;

/**
 * Load the components' module once; resolves to its exports (the full
 * module's when that one is already loading or loaded).
 * @param {URL|string|Response|BufferSource|WebAssembly.Module} [moduleOrPath]
 *   where `tiepcan_components_bg.wasm` is (default: next to the glue).
 */
export function ready(moduleOrPath) {
  if (fullPromise) return fullPromise;
  if (!componentsPromise) {
    const arg = moduleOrPath ?? new URL('../pkg/tiepcan_components_bg.wasm', import.meta.url);
    componentsPromise = initComponents({ module_or_path: arg }).then(() => components);
  }
  return componentsPromise;
}

/**
 * Import and load the full API module once; resolves to its exports.
 * @param {URL|string|Response|BufferSource|WebAssembly.Module} [moduleOrPath]
 *   where `tiepcan_wasm_bg.wasm` is (default: next to the glue).
 */
export function readyFull(moduleOrPath) {
  if (!fullPromise) {
    fullPromise = import('../pkg/tiepcan_wasm.js').then(async (full) => {
      const arg = moduleOrPath ?? new URL('../pkg/tiepcan_wasm_bg.wasm', import.meta.url);
      await full.default({ module_or_path: arg });
      return full;
    });
  }
  return fullPromise;
}

// ---------------------------------------------------------------------------
// A parsed JSON value (what JSON.parse gave) packed for one call into wasm:
// `CatalogView.fromParts(tags, lens, nums, text)` reads it (src/tape.rs,
// src/catalog_object.rs: the catalog model's meaning is all in wasm; this
// only packs the value, losslessly). Walking the object from wasm field by
// field costs a JS↔wasm call per field and per string (5,000 entries:
// ~60 ms); packed, it is one call.
//   tags: one byte per value in pre-order — 0 null, 1 false, 2 true,
//     3 number (next of `nums`), 4 string (next of `lens`: its length in
//     UTF-16 units, its text next in `text`), 5 array, 6 object (next of
//     `lens`: the count; an object's entries are key then value), 7 a key
//     met before (next of `lens`: its number, in the order keys were first
//     sent as strings): each key's text is sent once.
//   text: every string (keys and values) one after the other.
const TAG = { null: 0, false: 1, true: 2, number: 3, string: 4, array: 5, object: 6, key: 7 };

/**
 * Pack a JSON.parse result; `null` when it holds a lone surrogate (serde_json
 * rejects one; the full reader then reads the text). `sizeHint`: the JSON
 * text's length, if known (only sizes the arrays).
 * @returns {{tags: Uint8Array, lens: Uint32Array, nums: Float64Array, text: string}|null}
 */
export function packJson(value, sizeHint = 0) {
  // Sized from the JSON text's length when known (a catalog entry has a
  // value or key every ~12 characters), so that they seldom grow.
  let tags = new Uint8Array(Math.max(1 << 16, sizeHint >>> 3)); let nt = 0;
  let lens = new Uint32Array(Math.max(1 << 15, sizeHint >>> 3)); let nl = 0;
  let nums = new Float64Array(Math.max(1 << 10, sizeHint >>> 6)); let nn = 0;
  let text = '';
  const keyIds = new Map();
  const grow = (a) => { const b = new a.constructor(a.length * 2); b.set(a); return b; };
  // Writes inline (no helper call per value): room for one tag and two
  // lens is made before each value and each key.
  const walk = (v) => {
    if (nt === tags.length) tags = grow(tags);
    if (nl + 1 >= lens.length) lens = grow(lens);
    if (typeof v === 'string') { tags[nt++] = TAG.string; lens[nl++] = v.length; text += v; }
    else if (typeof v === 'number') { tags[nt++] = TAG.number; if (nn === nums.length) nums = grow(nums); nums[nn++] = v; }
    else if (v === null) tags[nt++] = TAG.null;
    else if (v === false) tags[nt++] = TAG.false;
    else if (v === true) tags[nt++] = TAG.true;
    else if (Array.isArray(v)) {
      tags[nt++] = TAG.array; lens[nl++] = v.length;
      for (let i = 0; i < v.length; i += 1) walk(v[i]);
    } else {
      tags[nt++] = TAG.object;
      const at = nl++;
      let n = 0;
      // A JSON.parse object: its own keys, in Object.keys order (`for…in`
      // would also list what a page added to Object.prototype).
      for (const k of Object.keys(v)) {
        n += 1;
        if (nt === tags.length) tags = grow(tags);
        if (nl === lens.length) lens = grow(lens);
        const id = keyIds.get(k);
        if (id === undefined) { keyIds.set(k, keyIds.size); tags[nt++] = TAG.string; lens[nl++] = k.length; text += k; } else { tags[nt++] = TAG.key; lens[nl++] = id; }
        walk(v[k]);
      }
      lens[at] = n;
    }
  };
  walk(value);
  const wellFormed = typeof text.isWellFormed === 'function'
    ? text.isWellFormed()
    : !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
  if (!wellFormed) return null;
  return { tags: tags.subarray(0, nt), lens: lens.subarray(0, nl), nums: nums.subarray(0, nn), text };
}

/**
 * `CatalogView` of a JSON.parse result in the module `api`: packed
 * (`packJson`), then `CatalogView.fromParts`. Throws an Error with
 * `code: "needs-full-reader"` when the object is not one the components'
 * read takes (README "Two modules"), `code: "too_large"` over the reader's
 * size limit (`byteLength`: the JSON text's UTF-8 size, when known;
 * `sizeHint`: its length, only to size the packing).
 */
export function catalogViewFromObject(api, value, byteLength, sizeHint = byteLength) {
  let packed = null;
  try { packed = packJson(value, sizeHint); } catch { /* too deep for the JS stack */ }
  if (!packed) {
    const e = new Error('this catalog needs the full JSON reader (tiepcan_wasm): a string holds a lone surrogate, or the value is too deep');
    e.code = 'needs-full-reader';
    e.location = null;
    throw e;
  }
  return api.CatalogView.fromParts(packed.tags, packed.lens, packed.nums, packed.text, byteLength);
}
