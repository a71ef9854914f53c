// No panic crosses into JavaScript: every input of the fuzz seed corpus
// (fuzz/seeds/, including inputs the fuzzers found) goes through the wasm
// API; each call returns a value or throws a real `Error` with a string
// `code` — never a wasm trap (`RuntimeError: unreachable`) or a non-Error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const wasm = await import(join(here, '..', 'pkg', 'tiepcan_wasm.js'));
wasm.initSync({ module: readFileSync(join(here, '..', 'pkg', 'tiepcan_wasm_bg.wasm')) });

const FORMATS = ['csv', 'xlsx', 'json', 'xml'];

function seeds(target) {
  const dir = join(root, 'fuzz', 'seeds', target);
  return readdirSync(dir).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
}

function call(what, f) {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    assert.ok(e instanceof Error, `${what}: threw a non-Error ${String(e)}`);
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `${what}: wasm trap ${e.message}`);
    assert.equal(typeof e.code, 'string', `${what}: Error without a code: ${e.message}`);
    return { ok: false, error: e };
  }
}

test('catalog readers and validation take the fuzz corpus without panicking', () => {
  let ok = 0;
  let errors = 0;
  for (const { name, bytes } of [...seeds('read_catalog'), ...seeds('json_catalog')]) {
    // read_catalog seeds carry the format in their first byte, as the fuzz target reads them.
    const formats = name.endsWith('.json') ? ['json', 'auto'] : [FORMATS[bytes[0] % 4], 'auto'];
    const body = name.endsWith('.json') ? bytes : bytes.subarray(1);
    for (const format of formats) {
      const r = call(`${name} as ${format}`, () => wasm.parseCatalog(body, format));
      if (!r.ok) { errors++; continue; }
      ok++;
      call(`${name} validate`, () => wasm.validateCatalog(r.value.catalog, { today: '2026-11-29' }));
      call(`${name} render`, () => wasm.renderCatalog(r.value.catalog, undefined));
    }
  }
  assert.ok(ok > 0 && errors > 0, `both outcomes seen (ok ${ok}, errors ${errors})`);
});

test('text helpers take arbitrary text from the corpus', () => {
  for (const { name, bytes } of seeds('parse_text')) {
    const s = new TextDecoder().decode(bytes);
    call(`${name} parseDate`, () => wasm.parseDate(s));
    call(`${name} foldKey`, () => wasm.foldKey(s));
    call(`${name} escapeHtml`, () => wasm.escapeHtml(s));
  }
});
