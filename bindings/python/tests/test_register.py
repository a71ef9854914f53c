"""The request register: the bundled example register
(examples/data/register, with its planted inconsistencies listed in its
README) gives the same statuses, findings and statistics as
`tiepcan register check|stats --format json`."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import subprocess

import pytest

import tiepcan

ROOT = pathlib.Path(__file__).resolve().parents[3]
REGISTER = ROOT / "examples" / "data" / "register"
D = dt.date
TODAY = D(2024, 12, 31)


def _cli(cli, *args):
    r = subprocess.run([cli, "register", *args, "--format", "json"], capture_output=True, text=True, check=False)
    assert r.returncode in (0, 1), r.stderr
    return json.loads(r.stdout)


@pytest.fixture(scope="module")
def reg():
    return tiepcan.read_register(REGISTER / "so-theo-doi-2024.csv")


def test_the_three_files_hold_the_same_register(reg):
    for name in ("so-theo-doi-2024.json", "so-theo-doi-2024.xlsx"):
        other = tiepcan.read_register(REGISTER / name)
        assert len(other) == len(reg) == 37  # README: 37 requests
        assert [r["id"] for r in other.requests] == [r["id"] for r in reg.requests]


def test_status_same_as_the_cli(cli, reg):
    j = _cli(cli, "check", str(REGISTER / "so-theo-doi-2024.csv"), "--today", TODAY.isoformat())
    check = reg.status(today=TODAY)
    assert check.to_dict() == j
    assert check.today == TODAY
    assert [s.id for s in check.statuses] == [s["id"] for s in j["statuses"]]
    assert [(s.due.isoformat() if s.due else None) for s in check.statuses] == [s["due"] for s in j["statuses"]]


def test_planted_inconsistencies_are_found(reg):
    rules = {d.rule for d in reg.status(today=TODAY).report}
    # examples/data/register/README.md, "Planted inconsistencies".
    assert {"R-DL-EL", "R-REFUSAL", "R-DL-IP", "R-DL-PF", "R-EXT-NOTICE", "R-CLOCK-START", "R-REQ-FIELDS"} <= rules


def test_stats_same_as_the_cli(cli, reg):
    j = _cli(cli, "stats", str(REGISTER / "so-theo-doi-2024.csv"), "--from", "2024-01-01", "--to", "2024-12-31")
    s = reg.stats(D(2024, 1, 1), D(2024, 12, 31))
    assert s == j
    assert s["received"] == 35  # README: 35 received in 2024


def test_stats_period_backwards_is_a_value_error(reg):
    with pytest.raises(ValueError):
        reg.stats(D(2024, 12, 31), D(2024, 1, 1))


def test_register_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        tiepcan.read_register(tmp_path / "none.csv")
    with pytest.raises(tiepcan.ParseError) as e:
        tiepcan.read_register(b'{"requests": [', format="json")
    assert e.value.code == "register_json" and e.value.line == 1
    with pytest.raises(tiepcan.ParseError) as e2:
        tiepcan.read_register(b"a,b\n1,2\n", format="csv")
    assert e2.value.code == "register_no_header"
    with pytest.raises(tiepcan.ParseError):
        tiepcan.read_register(b"x")  # bytes need a format
    (tmp_path / "r.txt").write_text("x", encoding="utf-8")
    with pytest.raises(tiepcan.ParseError, match="unknown register format"):
        tiepcan.read_register(tmp_path / "r.txt")


def test_json_round_trip(reg):
    again = tiepcan.read_register(reg.to_json().encode(), format="json")
    assert again.requests == reg.requests


def test_xml_register_reads_like_the_csv_it_came_from(cli, reg, tmp_path):
    """`tiepcan register convert` to XML (schemas/register.xsd), then read in
    Python: the same requests, statuses and statistics as the CSV."""
    out = tmp_path / "so-theo-doi-2024.xml"
    r = subprocess.run([cli, "register", "convert", str(REGISTER / "so-theo-doi-2024.csv"), str(out)],
                       capture_output=True, text=True, check=False)
    assert r.returncode in (0, 1), r.stderr
    xml = tiepcan.read_register(out)
    assert len(xml) == len(reg) == 37
    def strip(reqs):  # where a request was read from differs (CSV row vs XML)
        return [{k: v for k, v in r.items() if k != "source_row"} for r in reqs]

    assert strip(xml.requests) == strip(reg.requests)
    year = (D(2024, 1, 1), D(2024, 12, 31))
    assert xml.stats(*year) == reg.stats(*year)
    same = tiepcan.read_register(out.read_bytes(), format="xml")
    assert same.requests == xml.requests


def test_xml_register_errors_have_line_and_column():
    with pytest.raises(tiepcan.ParseError) as e:
        tiepcan.read_register(b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x "y">]><r/>', format="xml")
    assert e.value.line == 2
