// <tiepcan-catalog src> with a catalog the components' module does not read
// (its one-pass JSON read declines: a bare array of entries, an object
// without "kind"): the component loads the full module, reads it there and
// renders it as any other; what tiepcan writes ("kind" first) never fetches
// the full module.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, axe, watch, whenEnhanced, ROOT } from './harness.mjs';

const PAGE = '/bindings/wasm/test-browser/fixtures/catalog-paged.html'; // src="catalog-12.json", page-size 5
const catalog = JSON.parse(readFileSync(join(ROOT, 'bindings/wasm/test-browser/fixtures/catalog-12.json'), 'utf8'));
const { kind, ...withoutKind } = catalog;
const CASES = [
  ['a bare array of entries', JSON.stringify(catalog.items), true],
  ['an object without "kind"', JSON.stringify(withoutKind), true],
  // Key-sorted JSON (jq -S, Python sort_keys=True): the whole object is
  // parsed, so the components read it themselves.
  ['"kind" after "items"', JSON.stringify({ ...withoutKind, kind }), false],
  ['what tiepcan writes ("kind" first)', JSON.stringify(catalog), false],
];

for (const [what, body, fallback] of CASES) {
  describe(`<tiepcan-catalog src>: ${what}`, { timeout: 120000 }, () => {
    let s; let c; let p; let probs; const fetched = [];
    const st = () => p.textContent('tiepcan-catalog [role=status]');
    before(async () => {
      s = await serve(); c = await launch(); p = await c.browser.newPage();
      probs = watch(p);
      p.on('request', (r) => fetched.push(new URL(r.url()).pathname));
      await p.route('**/catalog-12.json', (r) => r.fulfill({ contentType: 'application/json', body }));
      await p.goto(s.url + PAGE);
      await whenEnhanced(p);
    });
    after(async () => { await c.close(); await s.close(); });

    it(`renders every entry ${fallback ? 'through the full module' : 'with the components\' module only'}, 0 axe violations`, async () => {
      assert.equal(fetched.some((f) => f.endsWith('/tiepcan_wasm_bg.wasm')), fallback, fetched.join(' '));
      assert.ok(fetched.some((f) => f.endsWith('/tiepcan_components_bg.wasm')));
      assert.equal(await st(), 'Hiển thị 12/12 mục, mục 1–5 ở trang 1/3');
      assert.match(await p.textContent('tiepcan-catalog caption'), /12 mục\.$/);
      assert.equal(await p.textContent('tiepcan-catalog tr[data-order="0"] th[scope=row]'), 'Quyết định ban hành Quy chế cung cấp thông tin');
      const v = await axe(p);
      assert.deepEqual(v, [], JSON.stringify(v, null, 1));
    });

    it('search, with the module that read it: "quyet dinh" finds 3, 0 axe violations', async () => {
      await p.fill('#pg-table-search', 'quyet dinh');
      await p.waitForFunction(() => document.querySelector('tiepcan-catalog [role=status]').textContent.startsWith('Hiển thị 3/12'));
      assert.equal(await p.$$eval('tiepcan-catalog tr.tc-item', (r) => r.length), 3);
      const v = await axe(p);
      assert.deepEqual(v, [], JSON.stringify(v, null, 1));
      assert.deepEqual(probs, []);
    });
  });
}
