// Pre-render the demo page's server-side HTML with the core renderer (the
// same wasm module), so that examples/web/index.html works without JS.
// Usage: node bindings/wasm/scripts/prerender.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { initSync, renderCatalogJson, renderRequestForm } from '../pkg/tiepcan_wasm.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
initSync({ module: readFileSync(join(here, '..', 'pkg', 'tiepcan_wasm_bg.wasm')) });
const web = join(root, 'examples', 'web');
const catalog = readFileSync(join(web, 'catalog.json'), 'utf8');
const tpl = readFileSync(join(web, 'index.template.html'), 'utf8');
const out = tpl
  .replace('<!--tiepcan:catalog-->', renderCatalogJson(catalog, { id_prefix: 'dm', heading_level: 2 }).trim())
  .replace('<!--tiepcan:request-form-->', renderRequestForm({}, [], { id_prefix: 'phieu', heading_level: 2 }).trim());
writeFileSync(join(web, 'index.html'), out);
console.log('wrote examples/web/index.html');
