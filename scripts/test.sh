#!/usr/bin/env bash
# Run every test suite of tiepcan — Rust, WASM, browser, Python — installing
# what they need first (wasm32 target, wasm-bindgen CLI, Chromium, npm test
# tools, maturin, pytest). Safe to re-run; installs are skipped when present.
#
# Usage: scripts/test.sh            # everything
#        scripts/test.sh rust       # only suites whose file name contains "rust"
set -euo pipefail
cd "$(dirname "$0")/.."
filter="${1:-}"
for s in scripts/ci/[0-9][0-9]-*.sh; do
  [[ -n "$filter" && "$s" != *"$filter"* ]] && continue
  echo "::: $s"
  bash "$s"
done
echo "::: all suites passed"
