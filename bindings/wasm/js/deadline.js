// <tiepcan-deadline>: the request deadline calculator.
//
//   <tiepcan-deadline> …server-rendered <section class="tc-deadline">… </tiepcan-deadline>
//   <tiepcan-deadline></tiepcan-deadline>    (renders the form itself)
//
// Server markup (tiepcan::render::render_deadline_table and
// render_deadline_form, or `tiepcan render --deadline-table --fragment`)
// works without JavaScript: the statutory table is read as is, and the form
// submits to the agency's server when it has an action. When that markup is
// present the component takes it over in place: the table stays, the form
// computes in the page, and the "needs JavaScript" note is removed.
//
// Channel, complexity and the date the valid request was received (a native
// date input; where the browser has none, a text field read day first,
// "24/01/2025"). The result is announced politely in one sentence; the full
// explanation (due dates, legal basis, skipped days) is rendered below by the
// core (tiepcan::render::render_deadline).
import { ready } from './core.js';
import { fromTrustedHtml, nextId } from './dom.js';

export class TiepcanDeadline extends HTMLElement {
  async connectedCallback() {
    if (this._wired) return;
    this._wired = true;
    this._api = await ready();
    const prefix = this.getAttribute('id-prefix') || nextId('tcd');
    if (!this.querySelector('form.tc-deadline-form')) {
      this.replaceChildren(fromTrustedHtml(this._api.renderDeadlineForm({ id_prefix: prefix, heading_level: Number(this.getAttribute('heading-level') || 2) })));
    }
    // Script is running: the note saying the calculator needs it is now wrong.
    for (const note of this.querySelectorAll('.tc-deadline-noscript')) note.remove();
    this._form = this.querySelector('form.tc-deadline-form');
    this._form.setAttribute('data-tc-enhanced', '');
    this._status = this.querySelector('.tc-status');
    this._output = this.querySelector('.tc-deadline-output');
    this._date = this._form.querySelector('[name="received"]');
    this._error = this._form.querySelector('.tc-error-message');
    this._prefix = prefix;
    if (this._date.type !== 'date') {
      // No native date picker: a day-first text field.
      this._date.setAttribute('inputmode', 'numeric');
      this._date.setAttribute('placeholder', 'dd/mm/yyyy');
    }
    this._form.addEventListener('submit', (ev) => { ev.preventDefault(); this.compute(); });
    this.dispatchEvent(new CustomEvent('tiepcan-ready', { bubbles: true }));
  }

  _setError(msg) {
    const hint = this._date.getAttribute('aria-describedby').split(' ')[0];
    if (msg) {
      this._error.hidden = false;
      this._error.replaceChildren(Object.assign(document.createElement('span'), { className: 'tc-vh', textContent: 'Lỗi: ' }), msg);
      this._date.setAttribute('aria-invalid', 'true');
      this._date.setAttribute('aria-describedby', `${hint} ${this._error.id}`);
      this._date.closest('.tc-field').classList.add('tc-field-error');
    } else {
      this._error.hidden = true;
      this._error.textContent = '';
      this._date.removeAttribute('aria-invalid');
      this._date.setAttribute('aria-describedby', hint);
      this._date.closest('.tc-field').classList.remove('tc-field-error');
    }
  }

  /** Compute from the form; returns the schedule or null. */
  compute() {
    const fd = new FormData(this._form);
    const raw = String(fd.get('received') || '').trim();
    let received;
    try {
      if (!raw) throw new Error('empty');
      received = this._api.parseDate(raw); // ISO from the date input, or day-first text
      if (received.length !== 10) throw new Error('partial');
    } catch (e) {
      const msg = raw ? 'Nhập ngày đầy đủ: ngày, tháng, năm, ví dụ 24/01/2025' : 'Nhập ngày nhận yêu cầu hợp lệ';
      this._setError(msg);
      this._output.replaceChildren();
      this._status.textContent = `Lỗi: ${msg}`;
      this._date.focus();
      return null;
    }
    let schedule;
    let html;
    try {
      // Schedule and explanation in one call, from plain arguments (no JSON
      // crosses the boundary; the schedule object is built by the binding).
      ({ schedule, html } = this._api.deadlineViewPlain(
        received, String(fd.get('channel') ?? ''), String(fd.get('complexity') ?? ''),
        { id_prefix: `${this._prefix}-kq`, heading_level: 3 },
      ));
    } catch (e) {
      this._setError(`Không tính được thời hạn cho ngày này: ${e.message}`);
      this._status.textContent = 'Lỗi: không tính được thời hạn cho ngày này.';
      this._output.replaceChildren();
      this._date.focus();
      return null;
    }
    this._setError(null);
    this._output.replaceChildren(fromTrustedHtml(html));
    const main = schedule.milestones.find((m) => m.kind === 'provide_or_refuse')
      || schedule.milestones.find((m) => m.kind === 'provide') || schedule.milestones[0];
    const what = main.kind === 'provide' ? 'Hạn cung cấp thông tin' : 'Hạn cung cấp hoặc từ chối';
    const when = main.limit.unit === 'immediate' ? `ngay trong ${this._api.spokenDate(main.due)}` : this._api.spokenDate(main.due);
    this._status.textContent = `${what}: ${when}. Chi tiết ở bên dưới.`;
    this.dispatchEvent(new CustomEvent('tiepcan-deadline', { bubbles: true, detail: schedule }));
    return schedule;
  }
}

if (!customElements.get('tiepcan-deadline')) customElements.define('tiepcan-deadline', TiepcanDeadline);
