// <tiepcan-request-form>: the request slip (Law 104/2016/QH13 Art. 24(2);
// Decree 13/2018/NĐ-CP Form 01a) with client-side checks from the core.
//
//   <tiepcan-request-form> …server-rendered <section class="tc-request">… </tiepcan-request-form>
//   <tiepcan-request-form></tiepcan-request-form>   (renders a blank slip)
//
// On submit the core checks the fields; with errors the form is rendered
// again with a GOV.UK-style error summary that takes focus and links to each
// field; without errors a polite status confirms, a `tiepcan-request` event
// carries the slip, and a form with an `action` is submitted to the server.
import { ready } from './core.js';
import { el, fromTrustedHtml, nextId } from './dom.js';

const FIELDS = ['full_name', 'residence', 'id_number', 'phone', 'fax', 'email', 'information', 'provision_form', 'reason'];

export class TiepcanRequestForm extends HTMLElement {
  async connectedCallback() {
    if (this._wired) return;
    this._wired = true;
    this._api = await ready();
    this._prefix = this.getAttribute('id-prefix') || this._prefixFromMarkup() || nextId('tcr');
    this._action = this.getAttribute('action') || '';
    if (!this.querySelector('form.tc-form')) this._render({}, false);
    this._wire();
  }

  _prefixFromMarkup() {
    const input = this.querySelector('[name="full_name"]');
    return input && input.id.endsWith('-full_name') ? input.id.slice(0, -'-full_name'.length) : null;
  }

  _options() {
    return { id_prefix: this._prefix, form_action: this._action };
  }

  /** Render the slip with `values`; with `checked`, the core's errors for them. */
  _render(values, checked) {
    const html = this._api.renderRequestFormPlain(values, checked, this._options());
    this.replaceChildren(fromTrustedHtml(html));
  }

  _values(form) {
    const fd = new FormData(form);
    const v = {};
    for (const f of FIELDS) v[f] = String(fd.get(f) ?? '');
    return v;
  }

  _wire() {
    const form = this.querySelector('form.tc-form');
    form.addEventListener('submit', (ev) => this._submit(ev, form));
    const summary = this.querySelector('.tc-error-summary');
    if (summary) {
      summary.addEventListener('click', (ev) => {
        const a = ev.target.closest('a[href^="#"]');
        if (!a) return;
        const target = this.querySelector(`[id="${CSS.escape(a.getAttribute('href').slice(1))}"]`);
        if (!target) return;
        ev.preventDefault();
        target.focus();
        const label = target.closest('fieldset')?.querySelector('legend') ?? this.querySelector(`label[for="${CSS.escape(target.id)}"]`);
        (label || target).scrollIntoView({ block: 'start' });
      });
    }
  }

  _submit(ev, form) {
    const values = this._values(form);
    const errors = this._api.checkRequestSlipPlain(values);
    if (errors.length === 0 && this._action) return; // the server takes it
    ev.preventDefault();
    this._render(values, true);
    this._wire();
    if (errors.length > 0) {
      const summary = this.querySelector('.tc-error-summary');
      summary.focus();
      return;
    }
    const status = el('p', { class: 'tc-status', role: 'status' });
    this.querySelector('form.tc-form').before(status);
    // Filled after insertion so that screen readers announce it.
    setTimeout(() => { status.textContent = 'Phiếu yêu cầu đã điền đủ và sẵn sàng gửi.'; }, 50);
    this.dispatchEvent(new CustomEvent('tiepcan-request', { bubbles: true, detail: values }));
  }
}

if (!customElements.get('tiepcan-request-form')) customElements.define('tiepcan-request-form', TiepcanRequestForm);
