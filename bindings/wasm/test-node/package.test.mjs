// The npm package's shape: every path package.json names exists after
// build.sh, and the hand-written types of the entry (js/index.d.ts) declare
// every export of js/index.js — so a TypeScript page following the README
// (`import { ready, catalogView } from 'tiepcan'`) type-checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const pkgDir = join(here, '..');
const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));

function paths(v) {
  if (typeof v === 'string') return [v];
  if (v && typeof v === 'object') return Object.values(v).flatMap(paths);
  return [];
}

test('every path in package.json exists in the built package', () => {
  const named = [manifest.main, manifest.module, manifest.types, ...paths(manifest.exports)].filter(Boolean);
  assert.ok(named.length >= 4, `too few paths: ${named}`);
  for (const p of named) assert.ok(existsSync(join(pkgDir, p)), `${p} is missing (run build.sh)`);
  assert.equal(manifest.exports['.'].types, './dist/js/index.d.ts');
  assert.equal(manifest.exports['.'].default, './dist/js/index.js');
});

test('js/index.d.ts declares every export of js/index.js, and no more', () => {
  // Read from the source (importing it needs a DOM for the components).
  const src = readFileSync(join(pkgDir, 'js', 'index.js'), 'utf8');
  const exported = new Set([
    ...[...src.matchAll(/^export (?:async )?(?:function|const|class) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]),
    ...[...src.matchAll(/^export \{([^}]*)\}/gm)].flatMap((m) =>
      m[1].split(',').map((s) => s.trim().split(/\s+as\s+/).pop()).filter(Boolean)),
  ]);
  assert.ok(exported.has('ready') && exported.has('TiepcanCatalog') && exported.has('readyComponents'));
  const dts = readFileSync(join(pkgDir, 'js', 'index.d.ts'), 'utf8');
  const declared = new Set(
    [...dts.matchAll(/^export declare (?:function|const|class) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]),
  );
  assert.deepEqual([...exported].filter((n) => !declared.has(n)).sort(), [], 'exported but not typed');
  assert.deepEqual([...declared].filter((n) => !exported.has(n)).sort(), [], 'typed but not exported');
});
