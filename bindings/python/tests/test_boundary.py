"""No panic crosses into Python: every input of the fuzz seed corpus
(fuzz/seeds/, including inputs the fuzzers found) goes through the Python API.

Each call returns a value or raises a TiepcanError subclass (or an OSError
for files): never InternalError (a caught Rust panic) and never pyo3's
PanicException.
"""
import datetime as dt
import pathlib

import pytest

import tiepcan
from tiepcan.exceptions import InternalError

ROOT = pathlib.Path(__file__).resolve().parents[3]
SEEDS = ROOT / "fuzz" / "seeds"
FORMATS = ["csv", "xlsx", "json", "xml"]
TODAY = dt.date(2026, 11, 29)


def _seeds(target):
    return sorted((SEEDS / target).iterdir())


def _clean(f, *args, **kw):
    try:
        return f(*args, **kw)
    except InternalError as e:  # a Rust panic, caught at the boundary: still a bug
        pytest.fail(f"panic reached the boundary: {e}")
    except tiepcan.TiepcanError:
        return None


@pytest.mark.parametrize("path", _seeds("read_catalog") + _seeds("json_catalog"), ids=lambda p: p.name)
def test_catalog_corpus_gives_values_or_clean_errors(path):
    data = path.read_bytes()
    if path.suffix == ".json":
        body, formats = data, ["json", None]
    else:
        body, formats = data[1:], [FORMATS[data[0] % 4] if data else "csv", None]
    for fmt in formats:
        cat = _clean(tiepcan.read_catalog, body, format=fmt)
        if cat is not None:
            report = _clean(cat.validate, TODAY)
            assert report is None or isinstance(len(report), int)
            _clean(cat.to_html)
            _clean(cat.to_json)


@pytest.mark.parametrize("path", _seeds("parse_text"), ids=lambda p: p.name)
def test_text_corpus(path):
    s = path.read_bytes().decode("utf-8", "replace")
    _clean(tiepcan.PartialDate.parse, s)
    tiepcan.fold_key(s)


@pytest.mark.parametrize("path", _seeds("calendar_override"), ids=lambda p: p.name)
def test_calendar_override_corpus(path):
    tmp = pathlib.Path(pytest.importorskip("tempfile").mkdtemp()) / "override.csv"
    tmp.write_bytes(path.read_bytes())
    cal = _clean(tiepcan.WorkingCalendar, overrides=str(tmp))
    if cal is not None:
        _clean(cal.add_working_days, dt.date(2024, 2, 6), 15)
