// <tiepcan-catalog>: progressive enhancement of the catalog table rendered by
// tiepcan::render::render_catalog (server side, or from `src` here).
//
//   <tiepcan-catalog src="catalog.json"></tiepcan-catalog>
//   <tiepcan-catalog> …server-rendered <section class="tc-catalog">… </tiepcan-catalog>
//
// Adds: a labelled search field (Vietnamese with or without diacritics, NFC or
// NFD, through the core's foldKey), filters by Art. 17 point and by year,
// sort buttons inside the column headers (accessible name includes the sort
// state; aria-sort only on the sorted column), and one polite live region
// announcing "Hiển thị 3/12 mục" (debounced) or "Không có mục nào khớp".
import { ready } from './core.js';
import { el, fromTrustedHtml, nextId, debounce } from './dom.js';

const SORTABLE = {
  seq: 'order',
  title: 'text',
  number_symbol: 'text',
  created_on: 'date',
  art17_point: 'point',
};
const STATE_TEXT = {
  ascending: 'đang sắp xếp tăng dần',
  descending: 'đang sắp xếp giảm dần',
};
const ANNOUNCE_MS = 500;

export class TiepcanCatalog extends HTMLElement {
  constructor() {
    super();
    this._rows = [];
    this._sort = null; // {field, dir}
    this._enhanced = false;
    this._page = 0;
    this._attached = new Set();
  }

  async connectedCallback() {
    if (this._enhanced) return;
    this._enhanced = true;
    const api = await ready();
    this._api = api;
    if (!this.querySelector('table.tc-table') && this.getAttribute('src')) {
      const res = await fetch(this.getAttribute('src'));
      const text = await res.text();
      try {
        const html = api.renderCatalogJson(text, { id_prefix: this.getAttribute('id-prefix') || nextId('tcc') });
        // Enhance while detached (only the first page's rows get laid out),
        // then attach.
        const holder = document.createElement('div');
        holder.append(fromTrustedHtml(html));
        this.enhance(holder);
        this.replaceChildren(...holder.childNodes);
        this.dispatchEvent(new CustomEvent('tiepcan-ready', { bubbles: true }));
        return;
      } catch (e) {
        this.replaceChildren(el('p', { role: 'alert' }, `Không đọc được danh mục: ${e.message}`));
        return;
      }
    }
    this.enhance();
  }

  /** Build the controls and index the rows (idempotent per table). */
  enhance(root = this) {
    const table = root.querySelector('table.tc-table');
    if (!table || table.dataset.tcEnhanced) return;
    table.dataset.tcEnhanced = '1';
    this._table = table;
    const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
    this._collator = collator;
    this._rows = Array.from(table.querySelectorAll('tr.tc-item')).map((tr) => ({
      tr,
      home: tr.parentElement,
      key: tr.dataset.key || '',
      point: tr.dataset.point || '',
      pointOrder: tr.dataset.pointOrder == null ? 99 : Number(tr.dataset.pointOrder),
      year: tr.dataset.year || '',
      date: tr.dataset.date || '',
      order: Number(tr.dataset.order),
    }));
    this._pageSize = Math.max(1, Number(this.getAttribute('page-size')) || 50);
    this._ordered = this._rows;
    this._matches = this._rows;
    for (const r of this._rows) this._attached.add(r);
    this._sections = Array.from(table.tBodies);
    const base = table.id || nextId('tcc');

    // Controls.
    const searchId = `${base}-search`;
    const hintId = `${base}-search-hint`;
    this._search = el('input', { type: 'search', id: searchId, 'aria-describedby': hintId, autocomplete: 'off', spellcheck: 'false' });
    const pointId = `${base}-point`;
    this._point = el('select', { id: pointId }, el('option', { value: '' }, 'Tất cả các điểm'));
    const points = new Map();
    for (const r of this._rows) if (r.point) points.set(r.point, r.pointOrder);
    for (const [p] of [...points].sort((a, b) => a[1] - b[1])) {
      this._point.append(el('option', { value: p }, p === '17(2)' ? 'Khoản 2 Điều 17' : `Điểm ${p}`));
    }
    const yearId = `${base}-year`;
    this._year = el('select', { id: yearId }, el('option', { value: '' }, 'Tất cả các năm'));
    const years = [...new Set(this._rows.map((r) => r.year).filter(Boolean))].sort().reverse();
    for (const y of years) this._year.append(el('option', { value: y }, y));
    this._status = el('p', { class: 'tc-status', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    const controls = el('div', { class: 'tc-controls' },
      el('div', { class: 'tc-field' },
        el('label', { for: searchId }, 'Tìm trong danh mục'),
        el('p', { class: 'tc-hint', id: hintId }, 'Gõ tên, số hoặc ký hiệu văn bản, có dấu hoặc không dấu.'),
        this._search),
      el('div', { class: 'tc-field' }, el('label', { for: pointId }, 'Thuộc điểm (khoản 1 Điều 17)'), this._point),
      el('div', { class: 'tc-field' }, el('label', { for: yearId }, 'Năm tạo ra'), this._year));
    const wrap = table.closest('.tc-table-wrap') || table;
    wrap.before(controls, this._status);
    // Pages: only the current page's rows are in the table, so that a
    // catalog of thousands of entries stays fast and the row count a screen
    // reader hears is the count shown.
    this._prev = el('button', { type: 'button', class: 'tc-button' }, 'Trang trước');
    this._next = el('button', { type: 'button', class: 'tc-button' }, 'Trang sau');
    this._pageText = el('span', { class: 'tc-page-text' });
    this._pager = el('nav', { class: 'tc-pager', 'aria-label': 'Phân trang danh mục' }, this._prev, ' ', this._pageText, ' ', this._next);
    wrap.after(this._pager);
    this._prev.addEventListener('click', () => this.goToPage(this._page - 1));
    this._next.addEventListener('click', () => this.goToPage(this._page + 1));

    // Sort buttons inside the headers.
    this._headers = [];
    for (const th of table.tHead.rows[0].cells) {
      const field = th.dataset.field;
      if (!SORTABLE[field]) continue;
      const label = th.textContent;
      const state = el('span', { class: 'tc-vh' });
      const icon = el('span', { class: 'tc-sort-icon', 'aria-hidden': 'true' });
      const btn = el('button', { type: 'button' }, label, state, icon);
      th.replaceChildren(btn);
      btn.addEventListener('click', () => this.sortBy(field));
      this._headers.push({ th, field, state, icon });
    }
    this._paintSort();

    const announce = debounce(() => this._announce(), ANNOUNCE_MS);
    this._announceLater = announce;
    this._search.addEventListener('input', () => { this.applyFilter(); announce(); });
    this._point.addEventListener('change', () => { this.applyFilter(); announce(); });
    this._year.addEventListener('change', () => { this.applyFilter(); announce(); });
    this.applyFilter();
    this._status.textContent = this._countText();
    if (root === this) this.dispatchEvent(new CustomEvent('tiepcan-ready', { bubbles: true }));
  }

  /** Filter rows by the search text, point and year; returns the match count. */
  applyFilter() {
    const q = this._api.foldKey(this._search.value);
    const terms = q ? q.split(' ') : [];
    const point = this._point.value;
    const year = this._year.value;
    const out = [];
    for (const r of this._ordered) {
      if (point && r.point !== point) continue;
      if (year && r.year !== year) continue;
      let ok = true;
      for (const t of terms) if (!r.key.includes(t)) { ok = false; break; }
      if (ok) out.push(r);
    }
    this._matches = out;
    this._shown = out.length;
    this._page = 0;
    this._paint();
    return out.length;
  }

  /** Show page `n` (0-based) of the matching rows. */
  goToPage(n) {
    const pages = Math.max(1, Math.ceil(this._matches.length / this._pageSize));
    this._page = Math.min(Math.max(0, n), pages - 1);
    this._paint();
    this._announce();
  }

  _sorted() {
    return this._sort && !(this._sort.field === 'seq' && this._sort.dir === 'ascending');
  }

  /** Put exactly the current page's rows into the table, in order. */
  _paint() {
    const from = this._page * this._pageSize;
    const rows = this._matches.slice(from, from + this._pageSize);
    const want = new Set(rows);
    for (const r of this._attached) if (!want.has(r)) r.tr.remove();
    const sorted = this._sorted();
    if (sorted && !this._sortedBody) {
      this._sortedBody = el('tbody', { class: 'tc-sorted' });
      this._table.append(this._sortedBody);
    }
    for (const r of rows) (sorted ? this._sortedBody : r.home).append(r.tr);
    this._attached = want;
    for (const tb of this._sections) {
      tb.hidden = sorted || !rows.some((r) => r.home === tb);
    }
    if (this._sortedBody) this._sortedBody.hidden = !sorted;
    const pages = Math.max(1, Math.ceil(this._matches.length / this._pageSize));
    this._pager.hidden = pages <= 1;
    this._pageText.textContent = `Trang ${this._page + 1}/${pages}`;
    this._prev.disabled = this._page === 0;
    this._next.disabled = this._page >= pages - 1;
  }

  _countText() {
    const total = this._rows.length;
    if (this._shown === 0) return 'Không có mục nào khớp';
    const pages = Math.ceil(this._shown / this._pageSize);
    if (pages <= 1) return `Hiển thị ${this._shown}/${total} mục`;
    const from = this._page * this._pageSize + 1;
    const to = Math.min(this._shown, from + this._pageSize - 1);
    return `Hiển thị ${this._shown}/${total} mục, mục ${from}–${to} ở trang ${this._page + 1}/${pages}`;
  }

  _announce() {
    this._status.textContent = this._countText();
  }

  /** Sort by a column: first press ascending, next press descending. */
  sortBy(field) {
    const dir = this._sort && this._sort.field === field && this._sort.dir === 'ascending' ? 'descending' : 'ascending';
    this._sort = { field, dir };
    const kind = SORTABLE[field];
    const sign = dir === 'ascending' ? 1 : -1;
    const idx = field === 'title' ? 1 : 2;
    const text = (r) => {
      if (r[field] === undefined) r[field] = r.tr.cells[idx] ? r.tr.cells[idx].textContent : '';
      return r[field];
    };
    const cmp = {
      order: (a, b) => a.order - b.order,
      text: (a, b) => this._collator.compare(text(a), text(b)),
      date: (a, b) => (a.date && b.date ? a.date.localeCompare(b.date) : (a.date ? -1 : b.date ? 1 : 0) * sign),
      point: (a, b) => a.pointOrder - b.pointOrder,
    }[kind];
    this._ordered = [...this._rows].sort((a, b) => cmp(a, b) * sign || a.order - b.order);
    this._paintSort();
    const page = this._page;
    this.applyFilter();
    this._page = 0;
    if (page !== 0) this._paint();
  }

  _paintSort() {
    for (const h of this._headers) {
      const on = this._sort && this._sort.field === h.field;
      if (on) {
        h.th.setAttribute('aria-sort', this._sort.dir);
        h.state.textContent = `, ${STATE_TEXT[this._sort.dir]}`;
        h.icon.textContent = this._sort.dir === 'ascending' ? ' ▲' : ' ▼';
      } else {
        h.th.removeAttribute('aria-sort');
        h.state.textContent = ', bấm để sắp xếp';
        h.icon.textContent = ' ↕';
      }
    }
  }
}

if (!customElements.get('tiepcan-catalog')) customElements.define('tiepcan-catalog', TiepcanCatalog);
