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
# Needs: rustup target wasm32-unknown-unknown, wasm-bindgen-cli matching
# Cargo.lock, optionally wasm-opt (Debian binaryen).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
rm -rf "$HERE/pkg"
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
# The demo page gets a self-contained copy (servable by any static server).
rm -rf examples/web/tiepcan
mkdir -p examples/web/tiepcan/pkg examples/web/tiepcan/js
cp "$HERE"/pkg/*.js "$HERE"/pkg/*_bg.wasm "$HERE"/pkg/tiepcan.css examples/web/tiepcan/pkg/
cp "$HERE"/js/*.js examples/web/tiepcan/js/
# Pre-render the demo's server-side HTML with the same core (no JS needed to read it).
node "$HERE/scripts/prerender.mjs"
ls -l "$HERE/pkg"
