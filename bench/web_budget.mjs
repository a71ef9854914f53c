// Web budget numbers for the npm package `tiepcan` (not a test: prints
// numbers). Run after `bash bindings/wasm/build.sh` and `npm ci` in
// bindings/wasm:   node bench/web_budget.mjs
//
// Budgets (issue 6): wasm + JS of the three components <= 150 KB gzipped
// (what the demo page with all three fetches, each file gzip -9);
// first render of a 5,000-item catalog <= 50 ms; one filter keystroke on
// 5,000 items <= 16 ms. Timings are medians in headless Chromium.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { serve, launch, ROOT } from '../bindings/wasm/test-browser/harness.mjs';

const gz = (p) => gzipSync(readFileSync(p), { level: 9 }).length;
const raw = (p) => readFileSync(p).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const pkg = join(ROOT, 'bindings/wasm/pkg');
const js = join(ROOT, 'bindings/wasm/js');

// Size. What the three components load, measured from the network: the demo
// page (examples/web/index.html: <tiepcan-catalog>, <tiepcan-deadline>,
// <tiepcan-request-form>, loaded through js/index.js) in headless Chromium;
// every script and wasm it fetches, each file gzip -9 (what a server with
// static gzip sends). The full API module (pkg/tiepcan_wasm*) is fetched
// only when a page calls `ready()`: printed apart, not in the budget.
{
  const server = await serve();
  const chrome = await launch();
  const page = await chrome.browser.newPage();
  const fetched = new Set();
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (/\.(m?js|wasm)$/.test(path)) fetched.add(path);
  });
  await page.goto(`${server.url}/examples/web/index.html`);
  await page.waitForSelector('tiepcan-catalog table[data-tc-enhanced]');
  await page.waitForSelector('tiepcan-deadline form');
  await page.waitForSelector('tiepcan-request-form form');
  await page.waitForLoadState('networkidle');
  await chrome.close();
  await server.close();
  const rows = [...fetched].sort().map((p) => ({ p, raw: raw(join(ROOT, p)), gz: gz(join(ROOT, p)) }));
  const sum = (f) => rows.filter(f).reduce((n, r) => n + r.gz, 0);
  const wasm = sum((r) => r.p.endsWith('.wasm'));
  const jsGz = sum((r) => !r.p.endsWith('.wasm'));
  console.log(`size (gzip -9) of what the three components load (demo page, ${rows.length} files): wasm ${kb(wasm)} + JS ${kb(jsGz)} = ${kb(wasm + jsGz)} (budget 150 KB)`);
  for (const r of rows) console.log(`  ${r.p}: ${kb(r.gz)} gzip (raw ${kb(r.raw)})`);
  if (rows.some((r) => r.p.includes('tiepcan_wasm'))) console.log('  (the page fetched the full API module)');
}
console.log(`full API module, on demand (ready()): wasm ${kb(gz(join(pkg, 'tiepcan_wasm_bg.wasm')))} (raw ${kb(raw(join(pkg, 'tiepcan_wasm_bg.wasm')))}), glue ${kb(gz(join(pkg, 'tiepcan_wasm.js')))}; css ${kb(gz(join(pkg, 'tiepcan.css')))}; components' module alone: wasm ${kb(gz(join(pkg, 'tiepcan_components_bg.wasm')))} (raw ${kb(raw(join(pkg, 'tiepcan_components_bg.wasm')))}), glue ${kb(gz(join(pkg, 'tiepcan_components.js')))}, js/*.js ${kb(readdirSync(js).filter((f) => f.endsWith('.js')).reduce((n, f) => n + gz(join(js, f)), 0))}`);

const N = 5000;
const items = Array.from({ length: N }, (_, i) => ({
  seq: String(i + 1),
  title: `${['Quyết định', 'Kế hoạch', 'Báo cáo', 'Thông báo', 'Nghị quyết'][i % 5]} số ${i + 1} về ${['ngân sách', 'đầu tư công', 'phổ biến pháp luật', 'tuyển dụng', 'đầu mối cung cấp thông tin'][i % 5]} năm ${2020 + (i % 7)}`,
  number_symbol: { raw: `${i + 1}/${2020 + (i % 7)}/QĐ-UBND`, number: String(i + 1), year: 2020 + (i % 7), doc_type: 'QĐ', issuer: 'UBND', unit: null },
  created_on: `${2020 + (i % 7)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
  art17_point: ['a', 'b', 'đ', 'k', 'm'][i % 5],
  disclosure_forms: ['portal'],
  disclosure_time: 'Ngay sau khi ban hành',
  disclosure_period: 'Thường xuyên',
  access_link: `https://xa.example.gov.vn/vb/${i + 1}`,
  section: `Nhóm ${1 + Math.floor(i / 500)}`,
}));
const catalog = JSON.stringify({ kind: 'disclosure', agency: { name: 'Ủy ban nhân dân xã Mẫu' }, items });

const server = await serve();
const chrome = await launch();
const page = await chrome.browser.newPage();
await page.route('**/bench-catalog.json', (r) => r.fulfill({ contentType: 'application/json', body: catalog }));
await page.goto(`${server.url}/bindings/wasm/test-browser/fixtures/catalog.html`);
await page.waitForSelector('tiepcan-catalog table[data-tc-enhanced]');
const res = await page.evaluate(async (json) => {
  const m = await import('/bindings/wasm/js/index.js');
  await m.ready();
  const median = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
  const render = []; const parse = []; const insert = []; const enhance = [];
  let el;
  for (let run = 0; run < 7; run += 1) {
    document.querySelectorAll('tiepcan-catalog').forEach((x) => x.remove());
    const t0 = performance.now();
    const html = m.renderCatalogJson(json, { id_prefix: `b${run}` });
    const t1 = performance.now();
    const holder = document.createElement('div');
    const t = document.createElement('template');
    t.innerHTML = html;
    holder.append(t.content);
    const t2 = performance.now();
    el = document.createElement('tiepcan-catalog');
    el._enhanced = true; // the component's src path, step by step
    el._api = m;
    el.enhance(holder); // detached: only page 1 stays in the table
    const t3 = performance.now();
    el.append(...holder.childNodes);
    document.querySelector('main').append(el);
    void document.body.offsetHeight; // style + layout
    const t4 = performance.now();
    render.push(t1 - t0); parse.push(t2 - t1); enhance.push(t3 - t2); insert.push(t4 - t3);
  }
  const input = el.querySelector('input[type=search]');
  const key = [];
  const queries = ['q', 'qu', 'quy', 'quye', 'quyet', 'quyet ', 'quyet d', 'quyet di', 'quyet din', 'quyet dinh', 'dau moi', 'dau', 'd', ''];
  for (const q of queries) {
    const t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    void document.body.offsetHeight;
    key.push(performance.now() - t0);
  }
  const sortT = [];
  for (const f of ['created_on', 'title', 'seq']) {
    const t0 = performance.now();
    el.querySelector(`th[data-field=${f}] button`).click();
    void document.body.offsetHeight;
    sortT.push(performance.now() - t0);
  }
  return { render: median(render), parse: median(parse), insert: median(insert), enhance: median(enhance), key: median(key), keyMax: Math.max(...key), sort: median(sortT), rows: el._rows.length, onPage: el.querySelectorAll('tr.tc-item').length };
}, catalog);
console.log(`first render, ${res.rows} items (median of 7): core render (JSON in, HTML out) ${res.render.toFixed(1)} ms + HTML parse ${res.parse.toFixed(1)} ms + enhance, detached ${res.enhance.toFixed(1)} ms + attach/style/layout of ${res.onPage} rows ${res.insert.toFixed(1)} ms = ${(res.render + res.parse + res.insert + res.enhance).toFixed(1)} ms (budget 50 ms)`);
console.log(`filter keystroke on ${res.rows} items incl. style/layout: median ${res.key.toFixed(1)} ms, max ${res.keyMax.toFixed(1)} ms (budget 16 ms)`);
console.log(`sort click on ${res.rows} items incl. layout: median ${res.sort.toFixed(1)} ms`);
await chrome.close();
await server.close();
