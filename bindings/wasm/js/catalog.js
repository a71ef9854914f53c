// <tiepcan-catalog>: the catalog table of tiepcan::render, searchable,
// filterable, sortable and paged.
//
//   <tiepcan-catalog src="catalog.json"></tiepcan-catalog>
//   <tiepcan-catalog> …server-rendered <section class="tc-catalog">… </tiepcan-catalog>
//
// Two ways in, one behaviour:
// - `src` (or `load(json)`): the JSON text is parsed once with the
//   browser's JSON.parse, packed and read once into wasm
//   (catalogViewFromObject of core.js, CatalogView.fromParts: no JSON
//   parser in the components' module);
//   one call gives every row's search key, Art. 17 point, year and date;
//   only the rows of the page shown are rendered, by the core
//   (render_catalog_rows: the same escaped markup as the full table), and
//   every filter, sort or page change renders that page again. What the
//   components' module declines ("needs-full-reader") the full module reads.
// - server-rendered table inside the element (works without JS): the rows
//   are indexed from their data-* attributes and moved in and out of the
//   table.
//
// Adds: a labelled search field (Vietnamese with or without diacritics, NFC or
// NFD, through the core's foldKey), filters by Art. 17 point and by year,
// sort buttons inside the column headers (accessible name includes the sort
// state; aria-sort only on the sorted column), pages (only the page's rows
// are in the table, so the row count a screen reader hears is the count
// shown), and one polite live region announcing "Hiển thị 3/12 mục"
// (debounced) or "Không có mục nào khớp".
import { ready, readyFull, catalogViewFromObject } from './core.js';
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
const NO_POINT = 99;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The catalog view of JSON text or UTF-8 bytes: the text through JSON.parse
 * and `catalogViewFromObject` (core.js: packed, one call into the module
 * loaded, `CatalogView.fromParts`); what that declines
 * (or text JSON.parse throws on, or bytes that are not UTF-8) through the
 * full module's reader (`new CatalogView`), which reads it or throws the
 * located error. Resolves to `{api, view}`.
 */
async function catalogView(json) {
  let api = await ready();
  if (api.CatalogView.fromParts) {
    let text = null;
    let bytes;
    try {
      if (typeof json === 'string') text = json;
      else {
        bytes = json.byteLength;
        text = utf8.decode(json);
      }
    } catch { text = null; }
    if (text !== null) {
      let obj;
      let parsed = false;
      try { obj = JSON.parse(text); parsed = true; } catch { /* the full reader locates it */ }
      if (parsed) {
        // A string's UTF-8 length only matters near the reader's 256 MiB limit.
        if (bytes === undefined && text.length > 0x5555555) bytes = new TextEncoder().encode(text).length;
        try {
          return { api, view: catalogViewFromObject(api, obj, bytes, text.length) };
        } catch (e) {
          if (e?.code !== 'needs-full-reader') throw e;
        }
      }
    }
  }
  api = await readyFull();
  return { api, view: new api.CatalogView(json) };
}

let warmedUp = false;
const warmUpCatalog = () => ({
  kind: 'disclosure',
  items: Array.from({ length: 200 }, (_, i) => ({
    seq: String(i + 1),
    title: `Quyết định số ${i + 1} về đầu mối`,
    number_symbol: { raw: `${i + 1}/QĐ-UBND`, number: null, year: null, doc_type: null, issuer: null, unit: null },
    created_on: `2025-0${1 + (i % 9)}-1${i % 10}`,
    art17_point: ['a', 'đ', 'k'][i % 3],
    disclosure_forms: ['portal'],
    disclosure_time: 'Ngay',
    access_link: `https://x.example/${i}`,
    section: `Nhóm ${i % 2}`,
  })),
});

/** yyyymmdd number of an ISO date ("2025-02-14" → 20250214), 0 for none. */
const dateNumber = (iso) => (iso ? Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10)) : 0);

export class TiepcanCatalog extends HTMLElement {
  constructor() {
    super();
    this._rows = [];
    this._sort = null; // {field, dir}
    this._enhanced = false;
    this._page = 0;
    this._attached = new Set();
    this._view = null; // wasm CatalogView on the src path
    this._shown = null; // {orders, grouping} rendered on the src path
  }

  async connectedCallback() {
    if (this._enhanced) return;
    this._enhanced = true;
    const src = !this.querySelector('table.tc-table') && this.getAttribute('src');
    // The download starts while the wasm module loads.
    const download = src ? fetch(src).then((res) => {
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
      return res.arrayBuffer();
    }) : null;
    if (download) download.catch(() => {}); // reported below, once awaited
    this._api = await ready();
    if (download) {
      try {
        TiepcanCatalog.warmUp(this._api);
        await this.load(new Uint8Array(await download));
      } catch (e) {
        this.replaceChildren(el('p', { role: 'alert' }, `Không đọc được danh mục: ${e.message}`));
      }
      return;
    }
    this.enhance();
  }

  /**
   * Show a catalog from its JSON (text or UTF-8 bytes, tiepcan's model),
   * parsed once (JSON.parse, then read once into wasm; see `catalogView`);
   * renders the first page and the controls.
   * @param {string|Uint8Array|ArrayBuffer} json
   * @returns {Promise<void>} rejects with an Error with `code` and `location`
   *   when the JSON is not a catalog.
   */
  async load(json) {
    const { api, view } = await catalogView(json);
    this._api = api;
    const ix = view.index();
    const n = ix.length;
    const keys = n ? ix.keys.split('\n') : [];
    const rows = new Array(n);
    for (let i = 0; i < n; i += 1) {
      const p = ix.point[i];
      const d = ix.date[i];
      rows[i] = {
        tr: null,
        home: null,
        order: i,
        key: keys[i],
        point: p === 255 ? '' : ix.pointCodes[p],
        pointOrder: p === 255 ? NO_POINT : p,
        year: d ? ix.year[i] : 0,
        date: d,
      };
    }
    this._pageSize = this._readPageSize();
    const first = rows.slice(0, this._pageSize).map((r) => r.order);
    const idPrefix = this.getAttribute('id-prefix') || nextId('tcc');
    const frag = fromTrustedHtml(view.renderPage(Uint32Array.from(first), 'sections', { id_prefix: idPrefix }));
    if (this._view) this._view.free();
    this._view = view;
    this._shown = { orders: first, grouping: 'sections' };
    const table = frag.querySelector('table.tc-table');
    // Controls are built while the fragment is detached, then attached once.
    this._setup(table, rows);
    this.replaceChildren(frag);
    this.dispatchEvent(new CustomEvent('tiepcan-ready', { bubbles: true }));
  }

  /**
   * Run the parse, the index and the row rendering once on a small built-in
   * catalog, once per page, while the real catalog downloads: V8 compiles
   * wasm functions on their first call and optimises them as they run, so
   * the real catalog then meets compiled code (cold first render of 5,000
   * items: median 146 → 122 ms in one run, BENCHMARKS.md).
   */
  static warmUp(api) {
    if (warmedUp) return;
    warmedUp = true;
    try {
      const view = catalogViewFromObject(api, warmUpCatalog());
      view.index();
      view.renderRows(Uint32Array.of(0, 1, 2), 'sections');
      view.free();
    } catch { /* only a warm-up */ }
  }

  /** Enhance a server-rendered table inside `root` (idempotent per table). */
  enhance(root = this) {
    const table = root.querySelector('table.tc-table');
    if (!table || table.dataset.tcEnhanced) return;
    const rows = Array.from(table.querySelectorAll('tr.tc-item')).map((tr) => ({
      tr,
      home: tr.parentElement,
      order: Number(tr.dataset.order),
      key: tr.dataset.key || '',
      point: tr.dataset.point || '',
      pointOrder: tr.dataset.pointOrder == null ? NO_POINT : Number(tr.dataset.pointOrder),
      year: Number(tr.dataset.year) || 0,
      date: dateNumber(tr.dataset.date),
    }));
    for (const r of rows) this._attached.add(r);
    this._sections = Array.from(table.tBodies);
    this._pageSize = this._readPageSize();
    this._setup(table, rows);
    if (root === this) this.dispatchEvent(new CustomEvent('tiepcan-ready', { bubbles: true }));
  }

  _readPageSize() {
    return Math.max(1, Number(this.getAttribute('page-size')) || 50);
  }

  /** Build the controls around `table` for `rows` (table order). */
  _setup(table, rows) {
    table.dataset.tcEnhanced = '1';
    this._table = table;
    this._collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
    this._rows = rows;
    this._sort = null;
    this._sortTexts = null;
    this._sortedBody = null;
    this._ordered = rows;
    this._matches = rows;
    this._count = rows.length;
    const base = table.id || nextId('tcc');

    // Controls.
    const searchId = `${base}-search`;
    const hintId = `${base}-search-hint`;
    this._search = el('input', { type: 'search', id: searchId, 'aria-describedby': hintId, autocomplete: 'off', spellcheck: 'false' });
    const pointId = `${base}-point`;
    this._point = el('select', { id: pointId }, el('option', { value: '' }, 'Tất cả các điểm'));
    const points = new Map();
    const years = new Set();
    for (const r of rows) {
      if (r.point) points.set(r.point, r.pointOrder);
      if (r.year) years.add(r.year);
    }
    for (const [p] of [...points].sort((a, b) => a[1] - b[1])) {
      this._point.append(el('option', { value: p }, p === '17(2)' ? 'Khoản 2 Điều 17' : `Điểm ${p}`));
    }
    const yearId = `${base}-year`;
    this._year = el('select', { id: yearId }, el('option', { value: '' }, 'Tất cả các năm'));
    for (const y of [...years].sort((a, b) => b - a)) this._year.append(el('option', { value: String(y) }, String(y)));
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
  }

  /** Filter rows by the search text, point and year; returns the match count. */
  applyFilter() {
    const q = this._api.foldKey(this._search.value);
    const terms = q ? q.split(' ') : [];
    const point = this._point.value;
    const year = Number(this._year.value) || 0;
    let out = this._ordered;
    if (terms.length || point || year) {
      out = [];
      for (const r of this._ordered) {
        if (point && r.point !== point) continue;
        if (year && r.year !== year) continue;
        let ok = true;
        for (const t of terms) if (!r.key.includes(t)) { ok = false; break; }
        if (ok) out.push(r);
      }
    }
    this._matches = out;
    this._count = out.length;
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
    if (this._view) this._paintView(rows);
    else this._paintDom(rows);
    const pages = Math.max(1, Math.ceil(this._matches.length / this._pageSize));
    this._pager.hidden = pages <= 1;
    this._pageText.textContent = `Trang ${this._page + 1}/${pages}`;
    this._prev.disabled = this._page === 0;
    this._next.disabled = this._page >= pages - 1;
  }

  /** src path: the core renders the page's rows (escaped markup, same as the full table). */
  _paintView(rows) {
    const orders = rows.map((r) => r.order);
    const grouping = this._sorted() ? 'flat' : 'sections';
    const shown = this._shown;
    if (shown && shown.grouping === grouping && shown.orders.length === orders.length
      && shown.orders.every((o, i) => o === orders[i])) return;
    const body = fromTrustedHtml(this._view.renderRows(Uint32Array.from(orders), grouping));
    for (const tb of Array.from(this._table.tBodies)) tb.remove();
    this._table.append(body);
    this._shown = { orders, grouping };
  }

  /** Server-rendered table: move the existing rows in and out. */
  _paintDom(rows) {
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
  }

  _countText() {
    const total = this._rows.length;
    if (this._count === 0) return 'Không có mục nào khớp';
    const pages = Math.ceil(this._count / this._pageSize);
    if (pages <= 1) return `Hiển thị ${this._count}/${total} mục`;
    const from = this._page * this._pageSize + 1;
    const to = Math.min(this._count, from + this._pageSize - 1);
    return `Hiển thị ${this._count}/${total} mục, mục ${from}–${to} ở trang ${this._page + 1}/${pages}`;
  }

  _announce() {
    this._status.textContent = this._countText();
  }

  /** The texts of a sortable text column, one per row (table order). */
  _texts(field) {
    if (!this._sortTexts) {
      if (this._view) {
        const t = this._view.sortTexts();
        this._sortTexts = { title: t.title, number_symbol: t.number_symbol.map((s) => s || '') };
      } else {
        const cellText = (c) => (!c || !c.lastChild || c.querySelector('.tc-empty') ? '' : c.lastChild.textContent);
        const title = []; const number = [];
        for (const r of this._rows) {
          title[r.order] = cellText(r.tr.cells[1]);
          number[r.order] = cellText(r.tr.cells[2]);
        }
        this._sortTexts = { title, number_symbol: number };
      }
    }
    return this._sortTexts[field];
  }

  /** Sort by a column: first press ascending, next press descending. */
  sortBy(field) {
    const dir = this._sort && this._sort.field === field && this._sort.dir === 'ascending' ? 'descending' : 'ascending';
    this._sort = { field, dir };
    const kind = SORTABLE[field];
    const sign = dir === 'ascending' ? 1 : -1;
    // Rows without a value go last in both directions.
    const last = (a, b) => (a ? -1 : b ? 1 : 0) * sign;
    let cmp;
    if (kind === 'text') {
      const t = this._texts(field);
      const c = this._collator;
      cmp = (a, b) => {
        const x = t[a.order]; const y = t[b.order];
        return x && y ? c.compare(x, y) : last(x, y);
      };
    } else if (kind === 'date') {
      cmp = (a, b) => (a.date && b.date ? a.date - b.date : last(a.date, b.date));
    } else if (kind === 'point') {
      cmp = (a, b) => a.pointOrder - b.pointOrder;
    } else {
      cmp = (a, b) => a.order - b.order;
    }
    this._ordered = [...this._rows].sort((a, b) => cmp(a, b) * sign || a.order - b.order);
    this._paintSort();
    this.applyFilter();
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
