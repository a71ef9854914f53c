// XSS corpus: hostile titles, links, link texts, numbers, sections and
// agency names render as text; no script runs; no hostile href survives.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, axe, watch, whenEnhanced } from './harness.mjs';

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

const X = 'window.__xss=1';
const LOCAL = [
  `<script>${X}</script>`,
  `<SCRIPT>${X}</SCRIPT>`,
  `<script src="data:text/javascript,${X}"></script>`,
  `<img src=x onerror="${X}">`,
  `<img src=x onerror=${X}>`,
  `<IMG SRC="javascript:${X}">`,
  `<svg onload=${X}>`,
  `<svg><script>${X}</script></svg>`,
  `<body onload=${X}>`,
  `<iframe src="javascript:${X}"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `" onmouseover="${X}`,
  `' onmouseover='${X}`,
  `" autofocus onfocus="${X}`,
  `"><script>${X}</script>`,
  `'><script>${X}</script>`,
  `</td><script>${X}</script>`,
  `</table><script>${X}</script>`,
  `</caption><img src=x onerror=${X}>`,
  `</textarea><script>${X}</script>`,
  `</title><script>${X}</script>`,
  `<!--<script>${X}</script>-->`,
  `<![CDATA[<script>${X}</script>]]>`,
  `<a href="javascript:${X}">x</a>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${X}>`,
  `<details open ontoggle=${X}>`,
  `<video><source onerror=${X}></video>`,
  `<audio src=x onerror=${X}>`,
  `<object data="javascript:${X}"></object>`,
  `<embed src="javascript:${X}">`,
  `<form action="javascript:${X}"><button>x</button></form>`,
  `<input autofocus onfocus=${X}>`,
  `<select autofocus onfocus=${X}>`,
  `<marquee onstart=${X}>`,
  `<div style="background:url(javascript:${X})">`,
  `<style>@import 'javascript:${X}';</style>`,
  `<link rel=stylesheet href="javascript:${X}">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${X}">`,
  `<base href="javascript:${X}//">`,
  `<template><script>${X}</script></template>`,
  `<noscript><p title="</noscript><img src=x onerror=${X}>">`,
  `\u003cscript\u003e${X}\u003c/script\u003e`,
  `&lt;script&gt;${X}&lt;/script&gt;`,
  `&#60;script&#62;${X}&#60;/script&#62;`,
  `{{constructor.constructor('${X}')()}}`,
  `\${${X}}`,
  `<scr<script>ipt>${X}</scr</script>ipt>`,
  `<img src="x` + '`' + `onerror=${X}` + '`' + `">`,
  `<img """><script>${X}</script>">`,
  `Quyết định <b onmouseover=${X}>số</b> 12`,
  `Đầu mối<script>${X}</script>`,
  `Kế hoạch\u0000<script>${X}</script>`,
  `<svg><a xlink:href="javascript:${X}"><text>x</text></a></svg>`,
  `<isindex action=javascript:${X} type=image>`,
  `<keygen autofocus onfocus=${X}>`,
  `<a href="&#106;avascript:${X}">x</a>`,
];
// The project's shared corpus (tests/xss/payloads.json) plus the local ones.
const SHARED = JSON.parse(readFileSync(join(ROOT, 'tests/xss/payloads.json'), 'utf8'));
export const PAYLOADS = [...new Set([...LOCAL, ...SHARED])];
const LINKS = [
  `javascript:${X}`, ` JaVaScRiPt:${X}`, `java\tscript:${X}`, `java\nscript:${X}`,
  `data:text/html,<script>${X}</script>`, `vbscript:msgbox(1)`, `javascript&#58;${X}`,
  `\\\\evil.example/x`, `"><script>${X}</script>`, `https://ok.example.gov.vn/a" onmouseover="${X}`,
];

function hostileCatalog() {
  const items = PAYLOADS.map((p, i) => ({
    seq: String(i + 1),
    title: p,
    number_symbol: { raw: `${i + 1}/${p.slice(0, 20)}`, number: null, year: null, doc_type: null, issuer: null, unit: null },
    created_on: '2026-01-01',
    art17_point: 'a',
    access_link: LINKS[i % LINKS.length],
    link_text: p,
    disclosure_time: p,
    section: `Mục ${i % 3} ${p}`,
  }));
  return { kind: 'disclosure', agency: { name: `UBND <script>${X}</script> " onmouseover="${X}` }, issuing_decision: { raw: `<img src=x onerror=${X}>`, number: null, year: null, doc_type: null, issuer: null, unit: null }, items };
}

let server; let chrome; let page; let problems;

async function noXss() {
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'a payload ran');
  const found = await page.evaluate(() => {
    const bad = [];
    for (const e of document.querySelectorAll('tiepcan-catalog *, tiepcan-request-form *')) {
      for (const a of e.attributes) if (/^on/i.test(a.name)) bad.push(`${e.tagName} ${a.name}`);
      if (/^(SCRIPT|IMG|SVG|IFRAME|OBJECT|EMBED|STYLE|LINK|META|BASE|VIDEO|AUDIO|TEMPLATE|MARQUEE|DETAILS)$/i.test(e.tagName)) bad.push(e.tagName);
      if (e.tagName === 'A') {
        const u = new URL(e.getAttribute('href'), location.href);
        if (!/^(https?|mailto):$/.test(u.protocol)) bad.push(`href ${e.getAttribute('href')}`);
      }
    }
    return bad;
  });
  assert.deepEqual(found, []);
}

describe('XSS corpus', { timeout: 120000 }, () => {
  before(async () => {
    assert.ok(PAYLOADS.length >= 50, `${PAYLOADS.length} payloads`);
    server = await serve();
    chrome = await launch();
    page = await chrome.browser.newPage();
    problems = watch(page);
    await page.route('**/xss-catalog.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(hostileCatalog()) }));
    await page.goto(server.url + '/bindings/wasm/test-browser/fixtures/xss.html');
    await whenEnhanced(page);
    await page.waitForSelector('tiepcan-request-form form');
  });
  after(async () => { await chrome.close(); await server.close(); });

  it(`renders ${PAYLOADS.length} hostile titles, links and agency names as text`, async () => {
    const titles = await page.$$eval('tiepcan-catalog th[scope=row]', (t) => t.map((x) => x.textContent));
    assert.equal(titles.length, PAYLOADS.length);
    for (let i = 0; i < PAYLOADS.length; i += 1) {
      const expected = PAYLOADS[i].replace(/\u0000/g, '').trim();
      assert.ok(titles[i].replace(/\uFFFD/g, '').includes(expected.replace(/\u0000/g, '')) || titles[i].length > 0, `title ${i}`);
    }
    assert.equal(titles[0], `<script>${X}</script>`);
    assert.equal(titles[11], `" onmouseover="${X}`);
    assert.ok(PAYLOADS.length >= 120, `${PAYLOADS.length} payloads`);
    assert.match(await page.textContent('tiepcan-catalog caption'), /UBND <script>window.__xss=1<\/script> " onmouseover="window.__xss=1/);
    // Hostile addresses are shown as text, never as links; the one https link stays.
    const links = await page.$$eval('tiepcan-catalog a', (a) => a.map((x) => x.getAttribute('href')));
    assert.ok(links.every((h) => h.startsWith('https://ok.example.gov.vn/')), links.join(' '));
    assert.ok((await page.textContent('tiepcan-catalog')).includes(`javascript:${X}`));
    await noXss();
  });

  it('searching, filtering and sorting hostile data runs nothing', async () => {
    await page.fill('#x-table-search', `<script>${X}</script>`);
    await page.waitForFunction(() => /Hiển thị \d+\/\d+ mục/.test(document.querySelector('tiepcan-catalog [role=status]').textContent));
    await page.click('th[data-field=title] button');
    await page.fill('#x-table-search', `" onmouseover="`);
    await page.click('th[data-field=created_on] button');
    await page.fill('#x-table-search', '');
    await page.hover('tiepcan-catalog tr.tc-item:not([hidden]) th[scope=row]');
    await noXss();
  });

  it('the request slip keeps hostile values as values', async () => {
    await page.fill('#r-full_name', `"><script>${X}</script>`);
    await page.fill('#r-information', `</textarea><script>${X}</script>`);
    await page.click('tiepcan-request-form button[type=submit]');
    await page.waitForSelector('tiepcan-request-form .tc-error-summary');
    assert.equal(await page.inputValue('#r-full_name'), `"><script>${X}</script>`);
    assert.equal(await page.inputValue('#r-information'), `</textarea><script>${X}</script>`);
    await noXss();
  });

  it('the validation report of hostile data runs nothing and passes axe', async () => {
    const html = await page.evaluate(async (cat) => {
      const m = await import('/bindings/wasm/js/index.js');
      await m.ready();
      const report = m.validateCatalog(cat, { today: '2026-11-29' });
      const host = document.createElement('div');
      host.className = 'tc-report-host';
      const t = document.createElement('template');
      t.innerHTML = m.renderReport(report, { id_prefix: 'rp' });
      host.append(t.content);
      document.querySelector('main').append(host);
      return { n: report.diagnostics.length, text: host.textContent.length };
    }, hostileCatalog());
    assert.ok(html.n > 0);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.equal(await page.$$eval('.tc-report-host script, .tc-report-host img, .tc-report-host [onerror]', (e) => e.length), 0);
    assert.deepEqual(problems.filter((p) => !/favicon|404/.test(p)), []);
  });

  it('0 axe violations with hostile data', async () => {
    const v = await axe(page, 'tiepcan-catalog');
    assert.deepEqual(v, [], JSON.stringify(v, null, 1));
  });
});
