// tiepcan — npm package entry: the wasm API (plain JS objects and strings)
// and the web components <tiepcan-catalog>, <tiepcan-deadline> and
// <tiepcan-request-form>.
// Load with <script type="module" src=".../js/index.js"></script>; no bundler.
// The components load only the small components' module (js/core.js). The
// functions below are the full API: call `await ready()` first, which
// imports and instantiates the full module (pkg/tiepcan_wasm*) on demand.
// Strict CSP: needs only script-src 'self' 'wasm-unsafe-eval' (WebAssembly
// compilation); no eval, no inline scripts, handlers or styles.
import { readyFull } from './core.js';

export { ready as readyComponents } from './core.js';
export { TiepcanCatalog } from './catalog.js';
export { TiepcanRequestForm } from './request-form.js';
export { TiepcanDeadline } from './deadline.js';

let api = null;

/**
 * Load the full API module once (the functions of this module need it);
 * resolves to its raw exports.
 * @param {URL|string|Response|BufferSource|WebAssembly.Module} [moduleOrPath]
 *   where `tiepcan_wasm_bg.wasm` is (default: pkg/ next to js/).
 */
export async function ready(moduleOrPath) {
  api = await readyFull(moduleOrPath);
  return api;
}

// Each export calls the full module's function of the same name (types:
// pkg/tiepcan_wasm.d.ts).
const call = (name) => (...args) => {
  if (!api) throw new Error(`tiepcan: call \`await ready()\` before ${name}()`);
  return api[name](...args);
};
export const parseCatalog = call('parseCatalog');
export const renderCatalog = call('renderCatalog');
export const renderCatalogJson = call('renderCatalogJson');
export const catalogText = call('catalogText');
export const renderReport = call('renderReport');
export const checkRequestSlip = call('checkRequestSlip');
export const renderRequestForm = call('renderRequestForm');
export const renderPage = call('renderPage');
export const escapeHtml = call('escapeHtml');
export const foldKey = call('foldKey');
export const foldedContains = call('foldedContains');
export const validateCatalog = call('validateCatalog');
export const computeDeadline = call('computeDeadline');
export const renderDeadline = call('renderDeadline');
export const deadlineView = call('deadlineView');
export const renderDeadlineForm = call('renderDeadlineForm');
export const isWorkingDay = call('isWorkingDay');
export const addWorkingDays = call('addWorkingDays');
export const workingDaysBetween = call('workingDaysBetween');
export const explainDays = call('explainDays');
export const calendarVersion = call('calendarVersion');
export const parseDate = call('parseDate');
export const spokenDate = call('spokenDate');
export const version = call('version');
