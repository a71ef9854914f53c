"""Shared fixtures: where the test data and the CLI are."""

from __future__ import annotations

import os
import pathlib

import pytest

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE / "data"
ROOT = HERE.parents[2]


@pytest.fixture(scope="session")
def data_dir() -> pathlib.Path:
    return DATA


@pytest.fixture(scope="session")
def cli() -> str:
    """Path of the `tiepcan` CLI binary, built by scripts/ci/50-python.sh."""
    path = os.environ.get("TIEPCAN_CLI") or str(ROOT / "target" / "debug" / "tiepcan")
    if not os.path.exists(path):
        pytest.fail(f"tiepcan CLI not found at {path}: build it with `cargo build -p tiepcan-cli`")
    return path
