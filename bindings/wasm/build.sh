#!/usr/bin/env bash
# Build the npm package `tiepcan` into bindings/wasm/pkg/ (ESM, --target web)
# and copy it with the web components into examples/web/tiepcan/ for the demo.
# Needs: rustup target wasm32-unknown-unknown, wasm-bindgen-cli matching
# Cargo.lock, optionally wasm-opt (Debian binaryen).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
cargo build --target wasm32-unknown-unknown --profile wasm-release -p tiepcan-wasm
rm -rf "$HERE/pkg"
WASM=target/wasm32-unknown-unknown/wasm-release/tiepcan_wasm.wasm
# wasm-opt runs before wasm-bindgen: Debian's binaryen (108) mangles the
# externref table that wasm-bindgen adds, but optimises the raw module fine.
if [ "${TIEPCAN_WASM_OPT:-1}" = 1 ] && command -v wasm-opt >/dev/null 2>&1; then
  wasm-opt -Oz --enable-reference-types --enable-multivalue --enable-bulk-memory \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    "$WASM" -o target/tiepcan_wasm.opt.wasm
  WASM=target/tiepcan_wasm.opt.wasm
fi
wasm-bindgen --target web --out-dir "$HERE/pkg" --out-name tiepcan_wasm "$WASM"
cp core/src/render/tiepcan.css "$HERE/pkg/tiepcan.css"
# The demo page gets a self-contained copy (servable by any static server).
rm -rf examples/web/tiepcan
mkdir -p examples/web/tiepcan/pkg examples/web/tiepcan/js
cp "$HERE"/pkg/tiepcan_wasm.js "$HERE"/pkg/tiepcan_wasm_bg.wasm "$HERE"/pkg/tiepcan.css examples/web/tiepcan/pkg/
cp "$HERE"/js/*.js examples/web/tiepcan/js/
# Pre-render the demo's server-side HTML with the same core (no JS needed to read it).
node "$HERE/scripts/prerender.mjs"
ls -l "$HERE/pkg"
