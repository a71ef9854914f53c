// Minify what the npm package and the demo page serve, file by file (no
// bundling: the layout, the relative imports and the `new URL(...,
// import.meta.url)` of the module loader stay as they are), with esbuild.
// Reads js/*.js (the readable sources) and the wasm-bindgen glue pkg/*.js;
// writes bindings/wasm/dist/:
//   dist/js/*.js   + .js.map   minified ESM of js/*.js
//   dist/pkg/*.js  + .js.map   minified ESM of the glue (both modules)
//   dist/pkg/*_bg.wasm, *.d.ts, tiepcan.css   copied unchanged
// The source maps embed the sources (sourcesContent). Prints each file's
// gzip -9 size before and after.
// Usage (build.sh runs it): node bindings/wasm/scripts/minify.mjs
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(here, 'dist');
const pkg = join(here, 'pkg');
rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'pkg'), { recursive: true });

const options = {
  bundle: false,
  format: 'esm',
  minify: true,
  sourcemap: 'linked',
  sourcesContent: true,
  // Keep the Vietnamese text as UTF-8 (module scripts are always decoded as
  // UTF-8) instead of \u escapes, which are larger.
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
};
const jsFiles = readdirSync(join(here, 'js')).filter((f) => f.endsWith('.js')).sort();
const glue = ['tiepcan_components.js', 'tiepcan_wasm.js'];
await build({ ...options, entryPoints: jsFiles.map((f) => join(here, 'js', f)), outdir: join(dist, 'js') });
await build({ ...options, entryPoints: glue.map((f) => join(pkg, f)), outdir: join(dist, 'pkg') });
// The package entry's types (js/index.d.ts, written by hand: js/index.js
// is not generated) next to the minified entry.
for (const f of readdirSync(join(here, 'js')).filter((f) => f.endsWith('.d.ts'))) {
  copyFileSync(join(here, 'js', f), join(dist, 'js', f));
}
for (const f of readdirSync(pkg)) {
  if (f.endsWith('_bg.wasm') || f.endsWith('.d.ts') || f === 'tiepcan.css') {
    copyFileSync(join(pkg, f), join(dist, 'pkg', f));
  }
}

const gz = (p) => gzipSync(readFileSync(p), { level: 9 }).length;
let before = 0;
let after = 0;
const rows = [...jsFiles.map((f) => ['js', f]), ...glue.map((f) => ['pkg', f])];
for (const [dir, f] of rows) {
  const src = join(here, dir, f);
  const min = join(dist, dir, f);
  const [b, a] = [gz(src), gz(min)];
  before += b;
  after += a;
  console.log(`  ${dir}/${f}: ${b} -> ${a} bytes gzip -9 (raw ${readFileSync(src).length} -> ${readFileSync(min).length})`);
}
console.log(`minified JS: ${before} -> ${after} bytes gzip -9 (dist/)`);
