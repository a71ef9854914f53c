#!/usr/bin/env bash
# Python suite: build the abi3 wheel with maturin, install it into a FRESH
# venv (not `maturin develop`), then run pytest (unit tests, CLI agreement,
# every docstring example) and mypy.stubtest on the installed package, and
# the batch example on the bundled catalogs (tests/test_example.py).
#
# Pinned tools: maturin 1.16.0 (build venv target/py-tools, kept between
# runs), pytest 9.2.0, mypy 2.4.1, numpy 2.4.6 (test venv, made anew each run).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

PY="${PYTHON:-python3}"
if ! command -v "$PY" >/dev/null 2>&1 || ! "$PY" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  apt_install python3 python3-venv python3-dev
  PY=python3
fi
"$PY" -c 'import sys; assert sys.version_info >= (3, 9), sys.version'

TOOLS="$ROOT/target/py-tools"
if ! "$TOOLS/bin/maturin" --version 2>/dev/null | grep '^maturin 1\.16\.0$' >/dev/null; then
  rm -rf "$TOOLS"
  "$PY" -m venv "$TOOLS"
  "$TOOLS/bin/pip" install -q maturin==1.16.0
fi

# The CLI, for the "same answers as the CLI" tests (debug build).
cargo build -q --locked -p tiepcan-cli
export TIEPCAN_CLI="$ROOT/target/debug/tiepcan"

# One abi3 wheel (debug profile: CI builds are lean; bench/python_ratio.py
# wants --release).
rm -f target/wheels/tiepcan-*.whl
"$TOOLS/bin/maturin" build --locked -m bindings/python/Cargo.toml -o target/wheels --interpreter "$PY"
WHEEL=$(ls target/wheels/tiepcan-*-cp39-abi3-*.whl)

VENV="$ROOT/target/py-test-venv"
rm -rf "$VENV"
"$PY" -m venv "$VENV"
"$VENV/bin/pip" install -q pytest==9.2.0 mypy==2.4.1 numpy==2.4.6 dask==2026.8.0
"$VENV/bin/pip" install -q "$WHEEL"

# Run from outside the source tree so that `import tiepcan` is the wheel.
cd "$ROOT/target"
"$VENV/bin/python" -m pytest -q -p no:cacheprovider "$ROOT/bindings/python/tests"
"$VENV/bin/python" -m mypy.stubtest tiepcan \
  --allowlist "$ROOT/bindings/python/stubtest-allowlist.txt"
# The stubs from a user's side: the batch example type-checks strictly.
"$VENV/bin/python" -m mypy --strict --no-incremental "$ROOT/examples/python/batch_check.py"
