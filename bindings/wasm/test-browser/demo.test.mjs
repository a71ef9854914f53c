// The demo portal section (examples/web/index.html) with all three
// components: no-JS reading, the request slip and the deadline calculator,
// keyboard only, axe-core in every state, strict CSP.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, axe, watch, whenEnhanced } from './harness.mjs';

const PAGE = '/examples/web/index.html';
let server; let chrome;

async function assertAxeClean(page, state) {
  const v = await axe(page);
  assert.deepEqual(v, [], `axe violations in state "${state}": ${JSON.stringify(v, null, 1)}`);
}
const real = (problems) => problems.filter((p) => !/favicon|404 \(Not Found\)/.test(p));

async function openDemo(options = {}) {
  const context = await chrome.browser.newContext(options);
  const page = await context.newPage();
  const problems = watch(page);
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(server.url + PAGE);
  return { context, page, problems };
}

describe('demo page', { timeout: 120000 }, () => {
  before(async () => { server = await serve(); chrome = await launch(); });
  after(async () => { await chrome.close(); await server.close(); });

  it('without JavaScript the catalog table, the report, the deadline table and both forms are there', async () => {
    const { context, page } = await openDemo({ javaScriptEnabled: false });
    assert.equal(await page.$$eval('tiepcan-catalog table tr.tc-item', (r) => r.length), 10);
    assert.equal(await page.$$eval('tiepcan-catalog table tr.tc-item', (r) => r.filter((x) => x.offsetParent !== null).length), 10);
    assert.match(await page.textContent('tiepcan-catalog caption'), /Danh mục thông tin phải được công khai của Ủy ban nhân dân xã An Hòa/);
    assert.equal(await page.$$eval('tiepcan-request-form form [name]', (f) => new Set(f.map((x) => x.name)).size), 9);
    assert.equal(await page.$$eval('tiepcan-deadline input[type=date]', (f) => f.length), 1);
    // The statutory deadline table (server-rendered; deadline-fallback.test.mjs has the values).
    assert.equal(await page.$$eval('tiepcan-deadline table.tc-deadline-rules tbody tr', (r) => r.length), 6);
    assert.equal(await page.$$eval('tiepcan-catalog [role=status]', (e) => e.length), 0, 'no controls without JS');
    await context.close();
    // axe needs script in the page: the same state with the package's
    // scripts blocked (the components never upgrade).
    const ctx2 = await chrome.browser.newContext();
    const p2 = await ctx2.newPage();
    await p2.route('**/tiepcan/js/**', (r) => r.abort());
    await p2.goto(server.url + PAGE);
    assert.equal(await p2.$$eval('tiepcan-catalog [role=status]', (e) => e.length), 0);
    await assertAxeClean(p2, 'no JavaScript');
    await ctx2.close();
  });

  it('with JavaScript: enhanced, no CSP violation or script error, 0 axe violations', async () => {
    const { context, page, problems } = await openDemo();
    await whenEnhanced(page);
    await page.waitForSelector('tiepcan-deadline form');
    assert.equal(await page.textContent('tiepcan-catalog [role=status]'), 'Hiển thị 10/10 mục');
    await page.click('details summary');
    await assertAxeClean(page, 'initial with report open');
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(real(problems), []);
    await context.close();
  });

  it('request slip: empty submit by keyboard shows an error summary that takes focus', async () => {
    const { context, page, problems } = await openDemo();
    await page.waitForSelector('tiepcan-request-form form');
    await page.waitForFunction(() => customElements.get('tiepcan-request-form') && document.querySelector('tiepcan-request-form')._api);
    await page.focus('#phieu-reason');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Gửi phiếu yêu cầu');
    await page.keyboard.press('Enter');
    await page.waitForSelector('tiepcan-request-form .tc-error-summary');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'tc-error-summary');
    assert.equal(await page.textContent('tiepcan-request-form .tc-error-summary h3'), 'Có 6 lỗi cần sửa');
    const links = await page.$$eval('tiepcan-request-form .tc-error-summary a', (a) => a.map((x) => [x.getAttribute('href'), x.textContent]));
    assert.deepEqual(links[0], ['#phieu-full_name', 'Nhập họ và tên']);
    assert.deepEqual(links.map((l) => l[0]), ['#phieu-full_name', '#phieu-residence', '#phieu-id_number', '#phieu-information', '#phieu-provision_form-at_office', '#phieu-reason']);
    assert.equal(await page.getAttribute('#phieu-full_name', 'aria-invalid'), 'true');
    assert.equal(await page.textContent('#phieu-full_name-error'), 'Lỗi: Nhập họ và tên');
    await assertAxeClean(page, 'form with errors');
    // Keyboard: Tab into the summary's first link, Enter moves focus to the field.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#phieu-full_name');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'phieu-full_name');
    // Fill the slip by keyboard and send it.
    await page.keyboard.type('Nguyễn Thị Bình');
    await page.fill('#phieu-residence', 'Ấp 3, xã An Hòa, tỉnh An Giang');
    await page.fill('#phieu-id_number', '089123456789');
    await page.fill('#phieu-email', 'binh@example');
    await page.fill('#phieu-information', 'Quyết định 12/2026/QĐ-UBND về Quy chế cung cấp thông tin');
    await page.focus('#phieu-provision_form-at_office');
    await page.keyboard.press('ArrowDown'); // radio group: electronic
    await page.fill('#phieu-reason', 'Tìm hiểu quy chế');
    await page.click('tiepcan-request-form button[type=submit]');
    await page.waitForFunction(() => document.querySelector('tiepcan-request-form .tc-error-summary h3')?.textContent === 'Có 1 lỗi cần sửa');
    assert.equal(await page.inputValue('#phieu-full_name'), 'Nguyễn Thị Bình', 'values are kept');
    assert.equal(await page.isChecked('#phieu-provision_form-electronic'), true);
    await page.fill('#phieu-email', 'binh@example.vn');
    const detail = page.evaluate(() => new Promise((ok) => document.addEventListener('tiepcan-request', (e) => ok(e.detail), { once: true })));
    await page.click('tiepcan-request-form button[type=submit]');
    const sent = await detail;
    assert.equal(sent.provision_form, 'electronic');
    await page.waitForFunction(() => document.querySelector('tiepcan-request-form [role=status]')?.textContent === 'Phiếu yêu cầu đã điền đủ và sẵn sàng gửi.');
    assert.equal(await page.$$eval('tiepcan-request-form .tc-error-summary', (e) => e.length), 0);
    await assertAxeClean(page, 'form sent');
    assert.deepEqual(real(problems), []);
    await context.close();
  });

  it('deadline: keyboard only, result announced politely, explanation with citations and skipped days', async () => {
    const { context, page, problems } = await openDemo();
    await page.waitForSelector('tiepcan-deadline form');
    await page.waitForFunction(() => document.querySelector('tiepcan-deadline')._form);
    await page.focus('#han-channel-in_person');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // postal
    assert.equal(await page.isChecked('#han-channel-postal'), true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // complex
    assert.equal(await page.isChecked('#han-complexity-complex'), true);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'han-received');
    await page.fill('#han-received', '2025-01-24');
    await page.keyboard.press('Enter'); // implicit submission
    await page.waitForSelector('.tc-deadline-result');
    // Law 104/2016/QH13 Art. 29-32 via the core's deadline table; the core's
    // doc example: notice by 5 Feb, answer by 21 Feb, extension to 10 Mar 2025.
    assert.equal(await page.textContent('tiepcan-deadline [role=status]'), 'Hạn cung cấp hoặc từ chối: ngày 21 tháng 2 năm 2025. Chi tiết ở bên dưới.');
    assert.equal(await page.getAttribute('tiepcan-deadline [role=status]', 'aria-live'), 'polite');
    const items = await page.$$eval('.tc-deadline-list li', (l) => l.map((x) => x.textContent));
    assert.equal(items.length, 3);
    assert.match(items[0], /^Hạn thông báo thời hạn giải quyết: 05\/02\/2025ngày 5 tháng 2 năm 2025 \(thứ Tư\)/);
    assert.match(items[1], /ngày 21 tháng 2 năm 2025/);
    assert.match(items[1], /Căn cứ: .*Luật Tiếp cận thông tin 2016/);
    assert.match(items[2], /ngày 10 tháng 3 năm 2025/);
    const skipped = await page.$$eval('.tc-skipped li', (l) => l.map((x) => x.textContent));
    assert.ok(skipped.some((s) => /29\/01\/2025.*Tết/.test(s)), skipped.join('\n'));
    assert.ok(skipped.some((s) => /nghỉ hằng tuần/.test(s)));
    await assertAxeClean(page, 'deadline shown');
    // Text fallback, day first.
    await page.evaluate(() => { const i = document.querySelector('#han-received'); i.type = 'text'; i.value = '24/01/2025'; });
    await page.click('tiepcan-deadline button[type=submit]');
    await page.waitForFunction(() => /21 tháng 2 năm 2025/.test(document.querySelector('tiepcan-deadline [role=status]').textContent));
    // An impossible date is an error on the field, focused, never rolled over.
    await page.fill('#han-received', '31/02/2025');
    await page.click('tiepcan-deadline button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#han-received').getAttribute('aria-invalid') === 'true');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'han-received');
    assert.equal(await page.textContent('#han-received-error'), 'Lỗi: Nhập ngày đầy đủ: ngày, tháng, năm, ví dụ 24/01/2025');
    assert.equal(await page.$$eval('.tc-deadline-result', (e) => e.length), 0);
    await assertAxeClean(page, 'deadline error');
    assert.deepEqual(real(problems), []);
    await context.close();
  });

  it('honours prefers-reduced-motion and keeps focus visible', async () => {
    const { context, page } = await openDemo({ reducedMotion: 'reduce' });
    await whenEnhanced(page);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
    const box = await page.evaluate(() => document.activeElement.getBoundingClientRect().left);
    assert.ok(box >= 0, 'skip link is shown when focused');
    assert.equal(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), true);
    await context.close();
  });
});
