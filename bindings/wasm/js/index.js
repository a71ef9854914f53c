// tiepcan — npm package entry: the wasm API (plain JS objects and strings)
// and the web components <tiepcan-catalog>, <tiepcan-deadline> and
// <tiepcan-request-form>.
// Load with <script type="module" src=".../js/index.js"></script>; no bundler.
// Call `await ready()` before the functions. Strict CSP: needs only
// script-src 'self' 'wasm-unsafe-eval' (WebAssembly compilation); no eval,
// no inline scripts, handlers or styles.
export { ready } from './core.js';
export {
  parseCatalog, renderCatalog, renderCatalogJson, catalogText, renderReport,
  checkRequestSlip, renderRequestForm, renderPage, escapeHtml, foldKey,
  validateCatalog, computeDeadline, renderDeadline, renderDeadlineForm,
  isWorkingDay, addWorkingDays, workingDaysBetween, explainDays, calendarVersion,
  foldedContains, parseDate, spokenDate, version,
} from '../pkg/tiepcan_wasm.js';
export { TiepcanCatalog } from './catalog.js';
export { TiepcanRequestForm } from './request-form.js';
export { TiepcanDeadline } from './deadline.js';
