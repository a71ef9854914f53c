#!/usr/bin/env bash
# Fuzz smoke: build every cargo-fuzz target (libFuzzer, stable toolchain, no
# sanitizer) and run each for a short period from the seed corpus in
# fuzz/seeds/. Longer local runs: FUZZ_SECONDS=600 scripts/ci/60-fuzz.sh
source "$(dirname "$0")/lib.sh"
cd "$ROOT/fuzz"
if ! cargo fuzz --version 2>/dev/null | grep "0.13.2" >/dev/null; then
  cargo install cargo-fuzz --version 0.13.2
fi
secs="${FUZZ_SECONDS:-20}"
cargo fuzz build -s none
for t in $(cargo fuzz list); do
  mkdir -p "corpus/$t"
  cp -n seeds/"$t"/* "corpus/$t/" 2>/dev/null || true
  echo "fuzz $t for ${secs}s"
  cargo fuzz run -s none "$t" "corpus/$t" -- -max_total_time="$secs" -rss_limit_mb=2048 -max_len=262144 2>&1 | tail -n 3
done
