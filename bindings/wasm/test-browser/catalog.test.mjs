// <tiepcan-catalog> in Debian's Chromium: structure, search (with and without
// diacritics, NFC and NFD), filters, sort, live region, keyboard, axe-core.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, axe, watch, whenEnhanced } from './harness.mjs';

const PAGE = '/bindings/wasm/test-browser/fixtures/catalog.html';
let server; let chrome; let page; let problems;

const visibleTitles = () => page.$$eval('tiepcan-catalog tr.tc-item:not([hidden]) th[scope=row]', (ths) => ths.map((t) => t.textContent));
const status = () => page.textContent('tiepcan-catalog [role=status]');
async function search(text) {
  await page.fill('#dm-table-search', '');
  await page.fill('#dm-table-search', text);
}
async function assertAxeClean(state) {
  const v = await axe(page);
  assert.deepEqual(v, [], `axe violations in state "${state}": ${JSON.stringify(v, null, 1)}`);
}

describe('<tiepcan-catalog>', { timeout: 120000 }, () => {
  before(async () => {
    server = await serve();
    chrome = await launch();
    page = await chrome.browser.newPage();
    problems = watch(page);
    await page.goto(server.url + PAGE);
    await whenEnhanced(page);
  });
  after(async () => { await chrome.close(); await server.close(); });

  it('renders an accessible table: caption, th scope, lang, time with spoken form', async () => {
    const caption = await page.textContent('tiepcan-catalog caption');
    assert.match(caption, /^Danh mục thông tin phải được công khai của Ủy ban nhân dân xã Mẫu, ban hành kèm theo văn bản số 35\/QĐ-UBND/);
    assert.match(caption, /ngày 5 tháng 3 năm 2026/);
    assert.match(caption, /12 mục\.$/);
    assert.equal(await page.$$eval('tiepcan-catalog thead th[scope=col]', (t) => t.length), 9);
    assert.equal(await page.getAttribute('tiepcan-catalog section', 'lang'), 'vi');
    assert.equal(await page.textContent('tr[data-order="0"] time .tc-vh'), 'ngày 3 tháng 2 năm 2026');
    assert.equal(await page.getAttribute('tr[data-order="0"] time', 'datetime'), '2026-02-03');
    // Link text names the document, never "Chi tiết" alone.
    const link = await page.$eval('tr[data-order="0"] a', (a) => a.textContent);
    assert.equal(link, 'Tải văn bản: Quyết định ban hành Quy chế cung cấp thông tin');
  });

  it('initial state: 12/12 shown, one polite live region, 0 axe violations', async () => {
    assert.equal(await status(), 'Hiển thị 12/12 mục');
    assert.equal(await page.$$eval('tiepcan-catalog [aria-live]', (e) => e.length), 1);
    assert.equal(await page.getAttribute('tiepcan-catalog [role=status]', 'aria-live'), 'polite');
    assert.equal(await page.$$eval('tiepcan-catalog th[aria-sort]', (e) => e.length), 0);
    await assertAxeClean('initial');
  });

  it('search: "quyet dinh" finds "Quyết định" and announces 3/12 after the debounce', async () => {
    await search('quyet dinh');
    assert.deepEqual(await visibleTitles(), [
      'Quyết định ban hành Quy chế cung cấp thông tin',
      'Quyết định công bố danh mục thủ tục hành chính',
      'Quyết định phê duyệt dự toán ngân sách',
    ]);
    await page.waitForFunction(() => document.querySelector('tiepcan-catalog [role=status]').textContent === 'Hiển thị 3/12 mục');
    await assertAxeClean('filtered');
  });

  it('search: NFD input, upper case and "dau moi" for "Đầu mối"', async () => {
    await search('QUYE\u0301T ĐI\u0323NH');
    assert.equal((await visibleTitles()).length, 3);
    await search('dau moi');
    assert.deepEqual(await visibleTitles(), ['Thông tin về đầu mối cung cấp thông tin']);
    await search('Đầu mối'.normalize('NFD'));
    assert.deepEqual(await visibleTitles(), ['Thông tin về đầu mối cung cấp thông tin']);
    await search('qd-ubnd 2024');
    assert.deepEqual(await visibleTitles(), ['Quyết định phê duyệt dự toán ngân sách']);
  });

  it('empty result: "Không có mục nào khớp", section groups hidden, 0 axe violations', async () => {
    await search('khong co gi nhu the nay');
    assert.deepEqual(await visibleTitles(), []);
    await page.waitForFunction(() => document.querySelector('tiepcan-catalog [role=status]').textContent === 'Không có mục nào khớp');
    await assertAxeClean('empty');
    await search('');
    await page.waitForFunction(() => document.querySelector('tiepcan-catalog [role=status]').textContent === 'Hiển thị 12/12 mục');
  });

  it('filters by Art. 17 point and by year, combined with search', async () => {
    await page.selectOption('#dm-table-point', 'đ');
    assert.equal((await visibleTitles()).length, 3);
    await page.selectOption('#dm-table-year', '2026');
    assert.deepEqual(await visibleTitles(), ['Báo cáo công khai dự toán ngân sách năm 2026', 'Báo cáo tình hình thực hiện dự toán quý I']);
    await search('quy i');
    assert.deepEqual(await visibleTitles(), ['Báo cáo tình hình thực hiện dự toán quý I']);
    await page.waitForFunction(() => document.querySelector('tiepcan-catalog [role=status]').textContent === 'Hiển thị 1/12 mục');
    // Options are labelled in words.
    const labels = await page.$$eval('#dm-table-point option', (o) => o.map((x) => x.textContent));
    assert.deepEqual(labels.slice(0, 4), ['Tất cả các điểm', 'Điểm a', 'Điểm b', 'Điểm đ']);
    await page.selectOption('#dm-table-point', '');
    await page.selectOption('#dm-table-year', '');
    await search('');
  });

  it('sort: button names carry the state, aria-sort only on the sorted column', async () => {
    const btn = 'th[data-field=created_on] button';
    assert.equal(await page.$eval(btn, (b) => b.textContent.replace(/[↕▲▼]/g, '').trim()), 'Ngày tạo ra, bấm để sắp xếp');
    await page.click(btn);
    assert.equal(await page.getAttribute('th[data-field=created_on]', 'aria-sort'), 'ascending');
    assert.equal(await page.$$eval('tiepcan-catalog th[aria-sort]', (e) => e.length), 1);
    assert.match(await page.$eval(btn, (b) => b.textContent), /Ngày tạo ra, đang sắp xếp tăng dần/);
    const dates = await page.$$eval('tiepcan-catalog tr.tc-item:not([hidden])', (r) => r.map((x) => x.dataset.date));
    assert.deepEqual(dates, [...dates].sort());
    assert.equal(dates[0], '2024-01-02');
    await assertAxeClean('sorted');
    await page.click(btn);
    assert.equal(await page.getAttribute('th[data-field=created_on]', 'aria-sort'), 'descending');
    const desc = await page.$$eval('tiepcan-catalog tr.tc-item:not([hidden])', (r) => r.map((x) => x.dataset.date));
    assert.equal(desc[0], '2026-04-15');
    await page.click('th[data-field=title] button');
    assert.equal(await page.getAttribute('th[data-field=created_on]', 'aria-sort'), null);
    assert.equal(await page.getAttribute('th[data-field=title]', 'aria-sort'), 'ascending');
    const titles = await visibleTitles();
    assert.equal(titles[0], 'Báo cáo công khai dự toán ngân sách năm 2026');
    // Back to source order restores the section groups.
    await page.click('th[data-field=seq] button');
    const order = await page.$$eval('tiepcan-catalog tr.tc-item', (r) => r.map((x) => Number(x.dataset.order)));
    assert.deepEqual(order, [...Array(12).keys()]);
  });

  it('keyboard only: Tab to the search, type, Tab to the filters and a sort button, Enter and Space', async () => {
    await page.goto(server.url + PAGE);
    await whenEnhanced(page);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'dm-table-search');
    await page.keyboard.type('ke hoach');
    await page.waitForFunction(() => document.querySelector('tiepcan-catalog [role=status]').textContent === 'Hiển thị 2/12 mục');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'dm-table-point');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'dm-table-year');
    await page.keyboard.press('Tab'); // the scrollable table region
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'region');
    await page.keyboard.press('Tab'); // STT
    await page.keyboard.press('Tab'); // title
    assert.match(await page.evaluate(() => document.activeElement.textContent), /^Tên văn bản, hồ sơ/);
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute('th[data-field=title]', 'aria-sort'), 'ascending');
    await page.keyboard.press('Space');
    assert.equal(await page.getAttribute('th[data-field=title]', 'aria-sort'), 'descending');
    // Focus stays on the button and is visible (an outline is drawn).
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none');
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    assert.match(await page.evaluate(() => document.activeElement.textContent), /^STT/);
    assert.deepEqual(problems.filter((p) => !p.includes('favicon') && !p.includes('404')), []);
  });

  it('works at 200% zoom on a narrow screen: no horizontal page scroll, controls stacked', async () => {
    await page.setViewportSize({ width: 640, height: 800 });
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `page scrolls sideways by ${overflow}px`);
    await assertAxeClean('zoomed');
  });
});

describe('<tiepcan-catalog page-size="5">', { timeout: 120000 }, () => {
  let s; let c; let p;
  before(async () => {
    s = await serve(); c = await launch(); p = await c.browser.newPage();
    await p.goto(s.url + '/bindings/wasm/test-browser/fixtures/catalog-paged.html');
    await whenEnhanced(p);
  });
  after(async () => { await c.close(); await s.close(); });

  it('pages: only the page\'s rows are in the table, the status says which, keyboard paging', async () => {
    const st = () => p.textContent('tiepcan-catalog [role=status]');
    assert.equal(await st(), 'Hiển thị 12/12 mục, mục 1–5 ở trang 1/3');
    assert.equal(await p.$$eval('tiepcan-catalog tr.tc-item', (r) => r.length), 5);
    assert.equal(await p.isDisabled('nav.tc-pager button:first-child'), true);
    await p.focus('nav.tc-pager button:last-child');
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => document.querySelector('tiepcan-catalog [role=status]').textContent === 'Hiển thị 12/12 mục, mục 6–10 ở trang 2/3');
    const orders = await p.$$eval('tiepcan-catalog tr.tc-item', (r) => r.map((x) => Number(x.dataset.order)));
    assert.deepEqual(orders, [5, 6, 7, 8, 9]);
    const v = await axe(p);
    assert.deepEqual(v, [], JSON.stringify(v, null, 1));
    // A search goes back to page 1 of its matches.
    await p.fill('#pg-table-search', 'bao cao');
    await p.waitForFunction(() => document.querySelector('tiepcan-catalog [role=status]').textContent === 'Hiển thị 2/12 mục');
    assert.equal(await p.isHidden('nav.tc-pager'), true);
  });
});

// The src path with a large catalog: parsed once in wasm, only the page's
// rows rendered (by the core, the same markup as the full table), search,
// filters and sort over every row.
describe('<tiepcan-catalog src> with 1,200 items', { timeout: 120000 }, () => {
  const N = 1200;
  const items = Array.from({ length: N }, (_, i) => ({
    seq: String(i + 1),
    title: `${['Quyết định', 'Kế hoạch', 'Báo cáo'][i % 3]} số ${i + 1} về ${['ngân sách', 'đầu mối cung cấp thông tin'][i % 2]}`,
    number_symbol: { raw: `${i + 1}/QĐ-UBND`, number: null, year: null, doc_type: null, issuer: null, unit: null },
    created_on: `${2020 + (i % 7)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    art17_point: ['a', 'đ', 'k'][i % 3],
    access_link: `https://xa.example.gov.vn/vb/${i + 1}`,
    section: `Nhóm ${1 + Math.floor(i / 100)}`,
    ...(i === 7 ? { children: [{ title: 'Phụ lục của mục 8' }] } : {}),
  }));
  const body = JSON.stringify({ kind: 'disclosure', agency: { name: 'Ủy ban nhân dân xã Mẫu' }, items });
  const ROWS = N + 1; // one sub-row
  let s; let c; let p; let probs;
  const st = () => p.textContent('tiepcan-catalog [role=status]');
  const orders = () => p.$$eval('tiepcan-catalog tr.tc-item', (r) => r.map((x) => Number(x.dataset.order)));
  before(async () => {
    s = await serve(); c = await launch(); p = await c.browser.newPage();
    probs = watch(p);
    await p.route('**/catalog-12.json', (r) => r.fulfill({ contentType: 'application/json', body }));
    await p.goto(s.url + PAGE);
    await whenEnhanced(p);
  });
  after(async () => { await c.close(); await s.close(); });

  it('only the first page is rendered; its rows are the full table\'s rows', async () => {
    assert.equal(await st(), `Hiển thị ${ROWS}/${ROWS} mục, mục 1–50 ở trang 1/25`);
    assert.deepEqual(await orders(), [...Array(50).keys()]);
    assert.match(await p.textContent('tiepcan-catalog caption'), /1200 mục\.$/);
    assert.equal(await p.$$eval('tiepcan-catalog tr.tc-child', (r) => r.length), 1);
    // Same markup as the whole catalog rendered by the core at once.
    const same = await p.evaluate(async (json) => {
      const m = await import('/bindings/wasm/js/index.js');
      await m.ready(); // the full API module: the whole table from the other build
      const t = document.createElement('template');
      t.innerHTML = m.renderCatalogJson(json, { id_prefix: 'dm' });
      const full = new Map([...t.content.querySelectorAll('tr.tc-item')].map((tr) => [tr.dataset.order, tr.outerHTML]));
      return [...document.querySelectorAll('tiepcan-catalog tr.tc-item')].every((tr) => full.get(tr.dataset.order) === tr.outerHTML);
    }, body);
    assert.equal(same, true);
    await p.click('nav.tc-pager button:last-child');
    assert.deepEqual(await orders(), Array.from({ length: 50 }, (_, i) => i + 50));
    assert.equal(await st(), `Hiển thị ${ROWS}/${ROWS} mục, mục 51–100 ở trang 2/25`);
    const v = await axe(p);
    assert.deepEqual(v, [], JSON.stringify(v, null, 1));
  });

  it('search finds rows on any page, with or without diacritics, and announces the count', async () => {
    await p.fill('#dm-table-search', 'so 1187 ve');
    assert.deepEqual(await visibleTitlesOf(p), ['Kế hoạch số 1187 về ngân sách']);
    await p.waitForFunction(() => document.querySelector('tiepcan-catalog [role=status]').textContent === 'Hiển thị 1/1201 mục');
    assert.equal(await p.isHidden('nav.tc-pager'), true);
    await p.fill('#dm-table-search', 'Phụ lục'.normalize('NFD'));
    assert.deepEqual(await visibleTitlesOf(p), ['+ Phụ lục của mục 8']);
    await p.fill('#dm-table-search', 'dau moi');
    await p.selectOption('#dm-table-point', 'đ');
    await p.selectOption('#dm-table-year', '2026');
    const rows = await p.$$eval('tiepcan-catalog tr.tc-item', (r) => r.map((x) => [x.dataset.point, x.dataset.year]));
    assert.ok(rows.length > 0 && rows.every(([pt, y]) => pt === 'đ' && y === '2026'), JSON.stringify(rows));
    await p.fill('#dm-table-search', 'khong co gi nhu the nay');
    await p.waitForFunction(() => document.querySelector('tiepcan-catalog [role=status]').textContent === 'Không có mục nào khớp');
    assert.equal(await p.$$eval('tiepcan-catalog tr.tc-item', (r) => r.length), 0);
    const v = await axe(p);
    assert.deepEqual(v, [], JSON.stringify(v, null, 1));
    await p.fill('#dm-table-search', '');
    await p.selectOption('#dm-table-point', '');
    await p.selectOption('#dm-table-year', '');
  });

  it('sort over every row: sorted pages have no section headers; source order brings them back', async () => {
    await p.click('th[data-field=created_on] button');
    await p.click('th[data-field=created_on] button');
    assert.equal(await p.getAttribute('th[data-field=created_on]', 'aria-sort'), 'descending');
    const dates = await p.$$eval('tiepcan-catalog tr.tc-item', (r) => r.map((x) => x.dataset.date));
    assert.equal(dates.length, 50);
    assert.equal(dates[0], '2026-12-28'); // the latest date of all 1,200 items
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.equal(await p.$$eval('tiepcan-catalog tr.tc-section', (r) => r.length), 0);
    const v = await axe(p);
    assert.deepEqual(v, [], JSON.stringify(v, null, 1));
    await p.click('th[data-field=title] button');
    assert.equal((await visibleTitlesOf(p))[0], 'Báo cáo số 3 về ngân sách');
    await p.click('th[data-field=seq] button');
    assert.deepEqual(await orders(), [...Array(50).keys()]);
    assert.equal(await p.$$eval('tiepcan-catalog tr.tc-section', (r) => r.length), 1);
    assert.deepEqual(probs.filter((x) => !/favicon|404/.test(x)), []);
  });

  it('a src that is not a catalog gives an alert, not a broken table', async () => {
    const p2 = await c.browser.newPage();
    await p2.route('**/catalog-12.json', (r) => r.fulfill({ contentType: 'application/json', body: '{"kind": "disclosure", "items": [' }));
    await p2.goto(s.url + PAGE);
    await p2.waitForSelector('tiepcan-catalog [role=alert]');
    assert.match(await p2.textContent('tiepcan-catalog [role=alert]'), /^Không đọc được danh mục: /);
    await p2.close();
  });
});

function visibleTitlesOf(pg) {
  return pg.$$eval('tiepcan-catalog tr.tc-item th[scope=row]', (ths) => ths.map((t) => t.textContent));
}

// The other way in: a table rendered on the server (the demo page), rows
// moved in and out of the table; same controls, same behaviour.
describe('<tiepcan-catalog> around a server-rendered table', { timeout: 120000 }, () => {
  let s; let c; let p;
  const st = () => p.textContent('tiepcan-catalog [role=status]');
  const shown = (attr) => p.$$eval('tiepcan-catalog tr.tc-item', (r, a) => r.filter((x) => x.offsetParent !== null).map((x) => x.dataset[a]), attr);
  before(async () => {
    s = await serve(); c = await launch(); p = await c.browser.newPage();
    await p.goto(s.url + '/examples/web/index.html');
    await whenEnhanced(p);
  });
  after(async () => { await c.close(); await s.close(); });

  it('search, sort and source order over the rows already in the page', async () => {
    assert.equal(await st(), 'Hiển thị 10/10 mục');
    await p.fill('#dm-table-search', 'ke hoach');
    assert.deepEqual(await shown('order'), ['5', '6', '7']);
    await p.waitForFunction(() => document.querySelector('tiepcan-catalog [role=status]').textContent === 'Hiển thị 3/10 mục');
    await p.fill('#dm-table-search', '');
    await p.click('th[data-field=title] button');
    assert.equal(await p.textContent('tiepcan-catalog tr.tc-item th[scope=row]'), 'Báo cáo công khai dự toán ngân sách xã năm 2026');
    await p.click('th[data-field=created_on] button');
    await p.click('th[data-field=created_on] button');
    const dates = await shown('date');
    assert.equal(dates[0], '2026-12-15');
    assert.equal(dates.at(-1), undefined); // the entry without a date goes last
    assert.equal((await shown('order')).at(-1), '4');
    const v = await axe(p);
    assert.deepEqual(v, [], JSON.stringify(v, null, 1));
    await p.click('th[data-field=seq] button');
    assert.deepEqual(await shown('order'), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    assert.equal(await p.$$eval('tiepcan-catalog tr.tc-section', (r) => r.filter((x) => x.offsetParent !== null).length), 2);
  });
});
