#!/usr/bin/env bash
# WASM suite: builds the npm package `tiepcan` (bindings/wasm) — both wasm
# modules, the components' module (tiepcan_components, --no-default-features)
# and the full API (tiepcan_wasm) —, runs the exported API's wasm-bindgen
# tests in Node.js, then the browser tests (playwright-core driving Debian's
# Chromium headless, axe-core injected), then the Node tests (no panic
# crosses the boundary; the components' module answers as the full one).
# Installs: the wasm32 target, wasm-bindgen-cli at the exact version of the
# `wasm-bindgen` crate in Cargo.lock, Debian chromium and binaryen, and the
# npm dev dependencies from package-lock.json (esbuild, axe-core,
# playwright-core).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || rustup target add wasm32-unknown-unknown

WB_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [ -z "$WB_VERSION" ]; then echo "wasm-bindgen not found in Cargo.lock" >&2; exit 1; fi
if ! command -v wasm-bindgen >/dev/null 2>&1 || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$WB_VERSION" ]; then
  echo "installing wasm-bindgen-cli $WB_VERSION"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

apt_install chromium binaryen
command -v node >/dev/null 2>&1 || apt_install nodejs npm

# The npm dev dependencies first: build.sh minifies the JS with esbuild.
(cd bindings/wasm && npm ci --no-audit --no-fund)

# Build the package (pkg/ with both modules, the minified dist/, the demo copy
# and the pre-rendered demo page).
bash bindings/wasm/build.sh

# The exported API in Node.js (wasm-bindgen-test), including the wasm side of
# the native/wasm parity check (the native side runs in the Rust suite).
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown -p tiepcan-wasm --locked

# Browser tests.
cd bindings/wasm
CHROMIUM=/usr/bin/chromium node --test test-browser/

# No panic crosses into JavaScript: the fuzz seed corpus through the wasm API;
# the components' module gives the same results as the full module.
node --test test-node/
