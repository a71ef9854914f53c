// The components' module (pkg/tiepcan_components*, built with
// --no-default-features) against the full API module (pkg/tiepcan_wasm*):
// it has every function the web components call, and each function it
// shares with the full module gives the same value or the same error for
// the fuzz seed corpus, real catalogs and deadline requests. Its
// plain-argument exports (src/plain.rs: deadlineViewPlain,
// checkRequestSlipPlain, renderRequestFormPlain; no serde) give what the
// full module's serde-based computeDeadline + renderDeadline,
// checkRequestSlip and renderRequestForm give.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const pkg = join(here, '..', 'pkg');
const light = await import(join(pkg, 'tiepcan_components.js'));
light.initSync({ module: readFileSync(join(pkg, 'tiepcan_components_bg.wasm')) });
const full = await import(join(pkg, 'tiepcan_wasm.js'));
full.initSync({ module: readFileSync(join(pkg, 'tiepcan_wasm_bg.wasm')) });
const { catalogViewFromObject } = await import(join(here, '..', 'js', 'core.js'));

/** What <tiepcan-catalog> does with the components' module (js/catalog.js):
 * UTF-8 decode, JSON.parse, then catalogViewFromObject (packed,
 * CatalogView.fromParts); text JSON.parse throws on goes to the full reader. */
const lightView = (json) => {
  let obj;
  try {
    obj = JSON.parse(typeof json === 'string' ? json : new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    throw Object.assign(new Error('not JSON.parse text'), { code: 'needs-full-reader', location: null });
  }
  return catalogViewFromObject(light, obj, typeof json === 'string' ? undefined : json.byteLength);
};
const newView = (m, json) => (m === light ? lightView(json) : new m.CatalogView(json));

const outcome = (f) => {
  try {
    return { value: f() };
  } catch (e) {
    return { error: { message: e.message, code: e.code, location: e.location } };
  }
};
const same = (name, ...args) => assert.deepEqual(
  outcome(() => light[name](...args)), outcome(() => full[name](...args)), `${name}(${JSON.stringify(args).slice(0, 200)})`);

test('the components\' module has every function the components call, and not the readers or rules', () => {
  const js = join(here, '..', 'js');
  const called = new Set();
  for (const f of readdirSync(js).filter((n) => n.endsWith('.js') && n !== 'index.js')) {
    for (const m of readFileSync(join(js, f), 'utf8').matchAll(/\b_?api\.([A-Za-z]+)\(/g)) called.add(m[1]);
  }
  assert.ok(called.has('CatalogView') && called.has('deadlineViewPlain') && called.has('checkRequestSlipPlain') && called.has('renderRequestFormPlain'), [...called].join());
  for (const name of called) assert.equal(typeof light[name], 'function', `components call ${name}`);
  // Not in the components' module: the readers and rules, and the exports
  // whose objects cross the boundary through serde (src/plain.rs replaces them),
  // and renderCatalogJson (the components read catalogs with CatalogView).
  for (const name of ['parseCatalog', 'validateCatalog', 'renderReport', 'renderDeadline', 'computeDeadline', 'deadlineView', 'checkRequestSlip', 'renderRequestForm', 'explainDays', 'renderCatalogJson']) assert.equal(light[name], undefined, name);
  for (const name of Object.keys(light)) if (typeof light[name] === 'function' && !['default', 'initSync'].includes(name)) assert.equal(typeof full[name], 'function', `full has ${name}`);
});

test('catalogs: CatalogView gives the same index, texts and HTML in both modules, or the components\' one declines', () => {
  // The components' module reads JSON.parse's object (no JSON parser of its
  // own); what it declines (code "needs-full-reader") <tiepcan-catalog>
  // reads with the full module.
  const view = (m, json) => outcome(() => {
    const v = newView(m, json);
    const ix = v.index();
    const all = Uint32Array.from({ length: ix.length }, (_, i) => i);
    const r = { ix: { ...ix, point: [...ix.point], date: [...ix.date], year: [...ix.year], child: [...ix.child] }, texts: v.sortTexts(), page: v.renderPage(all, 'sections', { id_prefix: 'x' }), flat: v.renderRows(all.slice(0, 3), 'flat') };
    v.free();
    return r;
  });
  let accepted = 0; let declined = 0;
  const check = (json) => {
    const l = view(light, json);
    const f = view(full, json);
    if (l.error?.code === 'needs-full-reader') {
      declined++;
      assert.equal(l.error.location, null);
    } else {
      accepted++;
      assert.deepEqual(l, f, json.slice(0, 200));
    }
  };
  const dir = join(root, 'fuzz', 'seeds', 'json_catalog');
  for (const name of readdirSync(dir)) check(readFileSync(join(dir, name), 'utf8'));
  const csv = readFileSync(join(root, 'examples', 'data', 'an-hoa-sample.csv'));
  const { catalog } = full.parseCatalog(csv, 'csv');
  const before = accepted;
  check(JSON.stringify(catalog));
  check(new TextEncoder().encode(JSON.stringify(catalog, null, 1)));
  assert.equal(accepted, before + 2, 'what tiepcan writes is read by the components\' module');
  check(JSON.stringify(catalog.items));
  check('Số TT,Tên\n1,x'); // CSV text: declined; a JSON parse error in the full module
  assert.equal(view(light, 'Số TT,Tên\n1,x').error.code, 'needs-full-reader');
  assert.equal(view(full, 'Số TT,Tên\n1,x').error.code, 'parse');
  assert.ok(accepted >= 5 && declined > 5, `${accepted} read, ${declined} declined`);
  // No constructor in the components' module: no JSON parser there.
  assert.throws(() => new light.CatalogView('{"kind": "disclosure", "items": []}').index());
  // The same through the full module's fromParts (both modules have it).
  const text = JSON.stringify(catalog);
  const a = catalogViewFromObject(full, JSON.parse(text));
  const b = catalogViewFromObject(light, JSON.parse(text));
  assert.equal(a.renderPage(Uint32Array.of(0, 1, 2), 'flat', { id_prefix: 'y' }), b.renderPage(Uint32Array.of(0, 1, 2), 'flat', { id_prefix: 'y' }));
  // Bad options: the same error in both modules.
  const opts = (m) => outcome(() => newView(m, JSON.stringify(catalog)).renderPage(Uint32Array.of(0), 'sections', { heading_level: 'x' }));
  assert.equal(opts(light).error.code, 'input');
  assert.deepEqual(opts(light), opts(full));
  assert.deepEqual(outcome(() => newView(light, JSON.stringify(catalog)).renderPage(Uint32Array.of(0), 'sections', '{"id_prefix": 3')), outcome(() => new full.CatalogView(JSON.stringify(catalog)).renderPage(Uint32Array.of(0), 'sections', '{"id_prefix": 3')));
});

test('text, dates, deadlines and the request slip: the same in both modules', () => {
  const texts = readdirSync(join(root, 'fuzz', 'seeds', 'parse_text'))
    .map((f) => new TextDecoder().decode(readFileSync(join(root, 'fuzz', 'seeds', 'parse_text', f))))
    .concat(['Quyết định', 'Quye\u0301t đi\u0323nh', 'ĐẦU MỐI', '02/03/2026', '2026-02', '31/02/2026', '<script>"&']);
  for (const s of texts) {
    for (const f of ['foldKey', 'escapeHtml', 'parseDate', 'spokenDate', 'isWorkingDay']) same(f, s);
    same('foldedContains', s, 'quyet');
    same('addWorkingDays', s, 10);
  }
  let computed = 0;
  // 2025-01-24: Tết 2025 skipped; 2026-04-24: Hùng Kings' day and 30/4–1/5;
  // 2026-07-01 and 29/12/2026: across the 2026 law (provisional values,
  // findings); 2027-01-29: a projected calendar year; 1999-01-01: no regime.
  for (const received of ['2025-01-24', '2026-04-24', '2026-07-01', '29/12/2026', '2027-01-29', '1999-01-01']) {
    for (const channel of ['in_person', 'electronic', 'postal', 'fax', 'pigeon']) {
      for (const complexity of ['simple', 'complex', 'hard']) {
        const opts = { id_prefix: 'd', heading_level: 3 };
        same('deadlineViewPlain', received, channel, complexity, opts);
        // deadlineViewPlain = computeDeadline, then renderDeadline (full
        // module, serde): the same schedule object and HTML, or an error.
        const iso = full.parseDate(received);
        const s = outcome(() => full.computeDeadline({ received: iso, channel, complexity }));
        const view = outcome(() => light.deadlineViewPlain(received, channel, complexity, opts));
        if (s.value) {
          assert.deepEqual(view.value, { schedule: s.value, html: full.renderDeadline(s.value, opts) }, `${received} ${channel} ${complexity}`);
          computed++;
        } else {
          assert.equal(view.error.code, s.error.code === 'deadline' ? 'deadline' : 'input', `${received} ${channel} ${complexity}: ${s.error.message}`);
          if (s.error.code === 'deadline') assert.equal(view.error.message, s.error.message);
        }
      }
    }
  }
  assert.equal(computed, 5 * 4 * 2);
  // A received date that is not a full day: code "date", as parseDate.
  for (const received of ['x', '2025-01', '31/02/2025']) {
    assert.equal(outcome(() => light.deadlineViewPlain(received, 'postal', 'simple')).error.code, 'date');
  }
  same('renderDeadlineForm', { id_prefix: 'f' });
  same('renderDeadlineForm', { id_prefix: 'f', heading_level: 4, form_action: '/han' });
  same('renderDeadlineForm', undefined);
  same('renderDeadlineForm', '{"id_prefix":"j"}');
  for (const bad of [{ heading_level: 'x' }, { heading_level: 2.5 }, { id_prefix: 3 }, 7, '{nope']) {
    assert.equal(outcome(() => light.renderDeadlineForm(bad)).error.code, 'input', JSON.stringify(bad));
    same('renderDeadlineForm', bad);
  }
  same('workingDaysBetween', '2026-01-01', '2026-03-01');
  same('calendarVersion');
  same('version');
  const slips = [{}, { full_name: 'Nguyễn Văn A', residence: 'Hà Nội', information: 'Quyết định 12', provision_form: 'postal' }, { email: 'x', provision_form: 'pigeon' },
    { full_name: '<script>alert(1)</script>', residence: 'Ấp 3', id_number: '089123456789', phone: '0912 345 678', fax: 'x', email: 'binh@example.vn', information: 'QĐ 12', provision_form: 'electronic', reason: 'Tìm hiểu' }];
  const opts = { id_prefix: 'r', form_action: '/yeu-cau' };
  for (const slip of slips) {
    same('checkRequestSlipPlain', slip);
    same('renderRequestFormPlain', slip, true, opts);
    const errors = full.checkRequestSlip(slip);
    assert.deepEqual(light.checkRequestSlipPlain(slip), errors, JSON.stringify(slip));
    assert.equal(light.renderRequestFormPlain(slip, true, opts), full.renderRequestForm(slip, errors, opts));
    assert.equal(light.renderRequestFormPlain(slip, false, opts), full.renderRequestForm(slip, [], opts));
  }
  for (const bad of ['not json', [], { phone: 3 }]) {
    assert.equal(outcome(() => light.checkRequestSlipPlain(bad)).error.code, 'input', JSON.stringify(bad));
    assert.equal(outcome(() => light.renderRequestFormPlain(bad, true)).error.code, 'input', JSON.stringify(bad));
  }
});
