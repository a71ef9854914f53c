#!/usr/bin/env bash
# Rust suite: unit, integration and doc tests of core and the CLI.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
cargo test --workspace --locked
