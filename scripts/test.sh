#!/usr/bin/env bash
# Run every test suite of tiepcan — Rust, WASM, browser, Python, fuzz smoke —
# installing what they need first (wasm32 target, wasm-bindgen CLI matching
# Cargo.lock, Debian chromium, binaryen and libxml2-utils, npm test tools,
# maturin, pytest, cargo-fuzz). Safe to re-run; installs are skipped when present.
#
# Usage: scripts/test.sh            # everything
#        scripts/test.sh rust       # only suites whose file name contains "rust"
set -euo pipefail
cd "$(dirname "$0")/.."
filter="${1:-}"
passed=0
for s in scripts/ci/[0-9][0-9]-*.sh; do
  [[ -n "$filter" && "$s" != *"$filter"* ]] && continue
  echo "::: $s"
  bash "$s"
  passed=$((passed + 1))
done
echo "::: all suites passed"
echo "suites: $passed passed, 0 failed"
