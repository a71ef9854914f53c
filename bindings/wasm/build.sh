#!/usr/bin/env bash
# Build the npm package `tiepcan` into bindings/wasm/pkg/ (ESM, --target web)
# and copy it with the web components into examples/web/tiepcan/ for the demo.
# Two wasm modules come out of the crate tiepcan-wasm (README "Two modules"):
#   pkg/tiepcan_components{.js,_bg.wasm}  --no-default-features: what the
#       three web components load (JSON catalog, calendar, deadlines,
#       rendering, search keys, request slip);
#   pkg/tiepcan_wasm{.js,_bg.wasm}        feature `full` (default): the whole
#       API, adding the CSV/XML readers, the catalog rules and the report;
#       loaded by `ready()` of js/index.js, on demand.
# Then it minifies the JS file by file (scripts/minify.mjs, esbuild) into
# dist/: dist/js/ (from the readable sources js/) and dist/pkg/ (glue, wasm,
# types, css), each .js with its source map. dist/ is what the npm package
# serves (package.json "exports") and what the demo copy holds.
# Needs: rustup target wasm32-unknown-unknown, wasm-bindgen-cli matching
# Cargo.lock, optionally wasm-opt (Debian binaryen), Node.js and the npm dev
# dependencies (`npm ci` in bindings/wasm: esbuild).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
if [ ! -e "$HERE/node_modules/esbuild/package.json" ]; then
  echo "build.sh: bindings/wasm/node_modules/esbuild is missing (it minifies the JS)." >&2
  echo "  Install the npm dev dependencies first: (cd bindings/wasm && npm ci)" >&2
  exit 1
fi
rm -rf "$HERE/pkg" "$HERE/dist"
OUT=target/wasm32-unknown-unknown/wasm-release/tiepcan_wasm.wasm

# build_module NAME CARGO_FEATURE_ARGS...: cargo build, wasm-opt, wasm-bindgen
# into pkg/NAME.js + pkg/NAME_bg.wasm (+ .d.ts).
build_module() {
  local name="$1"; shift
  cargo build --target wasm32-unknown-unknown --profile wasm-release -p tiepcan-wasm "$@"
  # Both builds write the same cdylib path: keep a copy per module.
  local wasm="target/$name.wasm"
  cp "$OUT" "$wasm"
  # wasm-opt runs before wasm-bindgen: Debian's binaryen (108) mangles the
  # externref table that wasm-bindgen adds, but optimises the raw module fine.
  if [ "${TIEPCAN_WASM_OPT:-1}" = 1 ] && command -v wasm-opt >/dev/null 2>&1; then
    wasm-opt -Oz --enable-reference-types --enable-multivalue --enable-bulk-memory \
      --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
      "$wasm" -o "target/$name.opt.wasm"
    wasm="target/$name.opt.wasm"
  fi
  wasm-bindgen --target web --out-dir "$HERE/pkg" --out-name "$name" "$wasm"
}
build_module tiepcan_components --no-default-features
build_module tiepcan_wasm
cp core/src/render/tiepcan.css "$HERE/pkg/tiepcan.css"
# Minified copies with source maps: dist/js/, dist/pkg/.
node "$HERE/scripts/minify.mjs"
# The demo page gets a self-contained copy of the minified files (servable by
# any static server; same layout: tiepcan/js/, tiepcan/pkg/).
rm -rf examples/web/tiepcan
mkdir -p examples/web/tiepcan/pkg examples/web/tiepcan/js
cp "$HERE"/dist/pkg/*.js "$HERE"/dist/pkg/*.js.map "$HERE"/dist/pkg/*_bg.wasm "$HERE"/dist/pkg/tiepcan.css examples/web/tiepcan/pkg/
cp "$HERE"/dist/js/*.js "$HERE"/dist/js/*.js.map examples/web/tiepcan/js/
# Pre-render the demo's server-side HTML with the same core (no JS needed to read it).
node "$HERE/scripts/prerender.mjs"
ls -l "$HERE/pkg" "$HERE/dist/js" "$HERE/dist/pkg"
