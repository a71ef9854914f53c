"""The national-scale example runs on Dask in local mode (small input)."""
import pathlib
import subprocess
import sys

import pytest

pytest.importorskip("dask")
EXAMPLE = pathlib.Path(__file__).resolve().parents[3] / "examples" / "python" / "national_dask.py"


@pytest.mark.parametrize("scheduler", ["processes", "threads"])
def test_national_dask_example_local_mode(scheduler):
    out = subprocess.run(
        [sys.executable, str(EXAMPLE), "12", "50", "--scheduler", scheduler, "--partitions", "4"],
        check=True, capture_output=True, text=True, timeout=300,
    ).stdout
    assert out.startswith(f"dask ({scheduler}): 12 catalogs, 600 items"), out
