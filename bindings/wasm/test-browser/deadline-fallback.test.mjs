// <tiepcan-deadline> without JavaScript (issue 6): the server-rendered
// statutory deadline table (tiepcan::render::render_deadline_table) and the
// calculator's GET form are shown and pass axe; with JavaScript the component
// takes the same markup over in place; with no server markup it builds the
// form itself. The demo page's date is 2026-11-29, under the amended Law
// (LAW.md §8.3): every value is Law 104's carried over and marked provisional.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, axe, watch } from './harness.mjs';

const PAGE = '/examples/web/index.html';
let server; let chrome;

async function assertAxeClean(page, state) {
  const v = await axe(page);
  assert.deepEqual(v, [], `axe violations in state "${state}": ${JSON.stringify(v, null, 1)}`);
}
const real = (problems) => problems.filter((p) => !/favicon|404 \(Not Found\)/.test(p));

/** The text of every cell of the statutory table, row by row. */
const tableRows = (page) => page.$$eval('tiepcan-deadline table.tc-deadline-rules tbody tr',
  (rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));

describe('deadline calculator without JavaScript', { timeout: 120000 }, () => {
  before(async () => { server = await serve(); chrome = await launch(); });
  after(async () => { await chrome.close(); await server.close(); });

  it('JavaScript disabled: the statutory table and the GET form are shown', async () => {
    const context = await chrome.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url + PAGE);
    assert.equal(await page.textContent('#han-deadline-table-heading'), 'Thời hạn giải quyết yêu cầu cung cấp thông tin');
    assert.equal(await page.textContent('tiepcan-deadline table caption'),
      'Thời hạn theo cách gửi và loại yêu cầu — Luật Tiếp cận thông tin (sửa đổi) 2026 (tạm tính)');
    assert.equal(await page.$$eval('tiepcan-deadline table thead th[scope=col]', (t) => t.length), 6);
    const rows = await tableRows(page);
    assert.equal(rows.length, 6, 'in person, electronic, post or fax; simple and complex');
    // LAW.md §5.8 DL-EL-COMPLEX (Art. 30(4) para. 1): 15 working days,
    // carried over after 2026-09-01 and marked so.
    const el = rows.find((r) => r[0] === 'Qua mạng điện tử' && r[1].startsWith('Phức tạp'));
    assert.equal(el[2], '3 ngày làm việc (tạm tính)');
    assert.equal(el[3], '15 ngày làm việc (tạm tính)');
    assert.match(el[4], /^Tối đa 15 ngày theo lịch \(văn bản ghi “ngày”\) \(tạm tính\)/);
    assert.match(el[5], /đoạn 1 khoản 4 Điều 30 Luật Tiếp cận thông tin 2016 \(Law 104\/2016\/QH13, Art\. 30\(4\) para\. 1\)/);
    const ip = rows.find((r) => r[0] === 'Trực tiếp tại trụ sở' && r[1].startsWith('Phức tạp'));
    assert.equal(ip[3], '10 ngày làm việc (tạm tính)');
    // Never a 2016 number as settled after 2026-09-01.
    for (const r of rows) for (const c of r.slice(2, 5)) {
      if (/\d|Ngay/.test(c)) assert.match(c, /\(tạm tính\)/, c);
    }
    assert.match(await page.textContent('tiepcan-deadline .tc-warning'), /^Lưu ý: các thời hạn dưới đây là giá trị tạm tính\..*có thể ngắn hơn/);
    // The form: channel and complexity radios, a native date input with a
    // day-first hint, a submit button, and the note that it needs JS or a server.
    assert.equal(await page.getAttribute('tiepcan-deadline form', 'method'), 'get');
    assert.deepEqual(await page.$$eval('tiepcan-deadline input[name=channel]', (i) => i.map((x) => x.value)), ['in_person', 'electronic', 'postal', 'fax']);
    assert.deepEqual(await page.$$eval('tiepcan-deadline input[name=complexity]', (i) => i.map((x) => x.value)), ['simple', 'complex']);
    assert.equal(await page.getAttribute('#han-received', 'type'), 'date');
    assert.equal(await page.textContent('#han-received-hint'), 'Ngày trước, tháng sau, ví dụ 24/01/2025.');
    assert.equal(await page.textContent('tiepcan-deadline button[type=submit]'), 'Tính thời hạn');
    assert.match(await page.textContent('tiepcan-deadline .tc-deadline-noscript'), /cần JavaScript trong trình duyệt hoặc máy chủ của cơ quan/);
    assert.equal(await page.isVisible('tiepcan-deadline .tc-deadline-noscript'), true);
    assert.equal(await page.isVisible('tiepcan-deadline table.tc-deadline-rules'), true);
    await context.close();
  });

  it('no-JS state (the package scripts blocked): 0 axe violations', async () => {
    const context = await chrome.browser.newContext();
    const page = await context.newPage();
    await page.route('**/tiepcan/js/**', (r) => r.abort());
    await page.goto(server.url + PAGE);
    assert.equal(await page.$$eval('tiepcan-deadline .tc-deadline-noscript', (e) => e.length), 1);
    await assertAxeClean(page, 'deadline table, no JavaScript');
    await context.close();
  });

  it('with JavaScript: the same markup is taken over in place and computes; 0 axe violations', async () => {
    const context = await chrome.browser.newContext();
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(server.url + PAGE);
    await page.waitForSelector('tiepcan-deadline form[data-tc-enhanced]', { state: 'attached' });
    // Same table, same form element (not rebuilt); the note is gone.
    assert.equal((await tableRows(page)).length, 6);
    assert.equal(await page.$$eval('tiepcan-deadline form', (f) => f.length), 1);
    assert.equal(await page.$$eval('tiepcan-deadline .tc-deadline-noscript', (e) => e.length), 0);
    assert.equal(await page.$$eval('tiepcan-deadline .tc-deadline-table + .tc-deadline', (e) => e.length), 1, 'table first, then the calculator');
    await assertAxeClean(page, 'deadline table, enhanced');
    await page.check('#han-channel-electronic');
    await page.check('#han-complexity-complex');
    await page.fill('#han-received', '2026-09-15');
    await page.click('tiepcan-deadline button[type=submit]');
    await page.waitForSelector('tiepcan-deadline .tc-deadline-result');
    // Tue 15 Sep 2026 + 15 working days (no holiday in between) = Tue 6 Oct
    // 2026; provisional, as the table says.
    assert.equal(await page.textContent('tiepcan-deadline [role=status]'), 'Hạn cung cấp hoặc từ chối: ngày 6 tháng 10 năm 2026. Chi tiết ở bên dưới.');
    assert.match(await page.textContent('tiepcan-deadline .tc-deadline-result'), /Giá trị tạm thời/);
    await assertAxeClean(page, 'deadline shown under the table');
    assert.deepEqual(real(problems), []);
    await context.close();
  });

  it('without server markup the component still builds the form itself', async () => {
    const context = await chrome.browser.newContext();
    const page = await context.newPage();
    const problems = watch(page);
    const url = `${server.url}/examples/web/bare-deadline.html`;
    await page.route(url, (r) => r.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tính thời hạn</title>'
        + '<link rel="stylesheet" href="tiepcan/pkg/tiepcan.css"><script type="module" src="tiepcan/js/index.js"></script></head>'
        + '<body><main><h1>Tính thời hạn</h1><tiepcan-deadline id-prefix="rong"></tiepcan-deadline></main></body></html>',
    }));
    await page.goto(url);
    await page.waitForSelector('tiepcan-deadline form[data-tc-enhanced]', { state: 'attached' });
    assert.equal(await page.$$eval('tiepcan-deadline table', (t) => t.length), 0);
    assert.equal(await page.$$eval('tiepcan-deadline .tc-deadline-noscript', (e) => e.length), 0);
    await page.evaluate(() => { document.querySelector('#rong-received').type = 'text'; document.querySelector('#rong-received').value = '24/01/2025'; });
    await page.check('#rong-channel-postal');
    await page.check('#rong-complexity-complex');
    await page.click('tiepcan-deadline button[type=submit]');
    // The core's doc example (Law 104/2016/QH13 Art. 31(2)): answer by 21 Feb 2025.
    await page.waitForFunction(() => /21 tháng 2 năm 2025/.test(document.querySelector('tiepcan-deadline [role=status]').textContent));
    await assertAxeClean(page, 'bare component, deadline shown');
    assert.deepEqual(real(problems), []);
    await context.close();
  });
});
