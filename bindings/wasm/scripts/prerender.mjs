// Pre-render the demo page's server-side HTML with the core renderer (the
// same wasm module), so that examples/web/index.html works without JS.
// Usage: node bindings/wasm/scripts/prerender.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { initSync, renderCatalogJson, renderRequestForm, renderDeadlineForm, renderDeadlineTable, parseCatalog, renderCatalog, validateCatalog, renderReport } from '../pkg/tiepcan_wasm.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
initSync({ module: readFileSync(join(here, '..', 'pkg', 'tiepcan_wasm_bg.wasm')) });
const web = join(root, 'examples', 'web');
// The demo's fixed "today" (no host clock): the report and the deadline table.
const TODAY = '2026-11-29';
// The catalog is read from the bundled CSV by the core's reader.
const csv = readFileSync(join(root, 'examples', 'data', 'an-hoa-sample.csv'));
const { catalog } = parseCatalog(csv, 'csv');
catalog.agency = catalog.agency ?? { name: 'Ủy ban nhân dân xã An Hòa' };
writeFileSync(join(web, 'catalog.json'), JSON.stringify(catalog, null, 2) + '\n');
const tpl = readFileSync(join(web, 'index.template.html'), 'utf8');
const out = tpl
  .replace('<!--tiepcan:catalog-->', renderCatalog(catalog, { id_prefix: 'dm', heading_level: 2 }).trim())
  .replace('<!--tiepcan:report-->', renderReport(validateCatalog(catalog, { today: TODAY }), { id_prefix: 'kt', heading_level: 3 }).trim())
  // The statutory deadline table for requests received on the demo's date
  // (the amended Law's regime: every value marked provisional).
  .replace('<!--tiepcan:deadline-table-->', renderDeadlineTable(TODAY, { id_prefix: 'han', heading_level: 2 }).trim())
  .replace('<!--tiepcan:deadline-form-->', renderDeadlineForm({ id_prefix: 'han', heading_level: 2 }).trim())
  .replace('<!--tiepcan:request-form-->', renderRequestForm({}, [], { id_prefix: 'phieu', heading_level: 2 }).trim());
writeFileSync(join(web, 'index.html'), out);
console.log('wrote examples/web/index.html');
