"""Reading and checking the bundled catalogs: the same findings as
`tiepcan check --format json`, and the error paths of read_catalog."""

from __future__ import annotations

import datetime as dt
import json
import os
import pathlib
import subprocess

import pytest

import tiepcan

TODAY = dt.date(2026, 11, 29)
CATALOGS = pathlib.Path(__file__).parent / "data" / "catalogs"
FILES = sorted(CATALOGS.glob("*.csv"))


def _cli_check(cli, *paths):
    r = subprocess.run([cli, "check", *map(str, paths), "--format", "json", "--today", TODAY.isoformat()], capture_output=True, text=True, check=False)
    assert r.returncode in (0, 1), r.stderr
    return json.loads(r.stdout)


def test_there_are_bundled_catalogs():
    assert len(FILES) >= 2


def test_same_findings_as_the_cli_on_the_bundled_catalogs(cli):
    out = _cli_check(cli, CATALOGS)
    cats = [tiepcan.read_catalog(str(f)) for f in FILES]
    set_report = tiepcan.check_catalog_set(cats)
    assert [f["path"] for f in out["files"]] == [str(f) for f in FILES]
    total = {"errors": 0, "warnings": 0, "infos": 0}
    for f, cat, fr in zip(FILES, cats, out["files"]):
        report = cat.validate(today=TODAY)
        found = [d.to_dict() for d in report] + [dict(d.to_dict(), location=dict(d.to_dict()["location"], file=str(f))) for d in set_report]
        assert found == fr["diagnostics"], f
        assert (cat.kind, cat.rows, len(cat)) == (fr["kind"], fr["rows"], fr["items"])
        for k, v in report.summary().items():
            total[k] += v
        for k, v in set_report.summary().items():
            total[k] += v
    assert out["summary"] == total


def test_read_from_bytes_and_path_agree():
    f = FILES[0]
    a = tiepcan.read_catalog(f)
    b = tiepcan.read_catalog(f.read_bytes())
    c = tiepcan.read_catalog(memoryview(f.read_bytes()), format="csv")
    assert a.to_dict() == b.to_dict() == c.to_dict()
    assert a.file == str(f) and b.file is None
    assert a.read_diagnostics[0].file == str(f)


def test_report_api():
    r = tiepcan.read_catalog(FILES[0]).validate(today=TODAY)
    assert len(r) == len(r.diagnostics) > 0 and bool(r)
    assert r.has_errors() == (len(r.errors()) > 0)
    assert sum(r.summary().values()) == len(r)
    assert sum(len(v) for v in r.by_rule().values()) == len(r)
    assert json.loads(r.to_json())["diagnostics"][0]["rule"] == r.diagnostics[0].rule
    assert tiepcan.Report.from_json(r.to_json()).to_json() == r.to_json()
    first = str(r).splitlines()[0]
    assert first.startswith(f"{len(r)} findings (")
    for d in r:
        assert d.rule in {x.id for x in tiepcan.rules()}
        assert d.severity in ("error", "warning", "info")
        assert d.message_vi and d.message_en


def test_missing_file_is_file_not_found():
    with pytest.raises(FileNotFoundError) as e:
        tiepcan.read_catalog("/definitely/not/here.csv")
    assert e.value.filename == "/definitely/not/here.csv"


def test_a_folder_is_not_a_catalog():
    with pytest.raises(OSError):
        tiepcan.read_catalog(CATALOGS)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_permission_error(tmp_path):
    f = tmp_path / "x.csv"
    f.write_text("STT,Tên văn bản\n1,A\n", encoding="utf-8")
    f.chmod(0)
    with pytest.raises(PermissionError):
        tiepcan.read_catalog(f)


def test_broken_json_file_is_parse_error_with_line(tmp_path):
    f = tmp_path / "c.json"
    f.write_text('{"kind": "disclosure",\n"items": [1,]}', encoding="utf-8")
    with pytest.raises(tiepcan.ParseError) as e:
        tiepcan.read_catalog(f)
    assert e.value.line == 2 and e.value.code == "unreadable"


def test_bad_arguments():
    with pytest.raises(tiepcan.ParseError):
        tiepcan.read_catalog(b"x", format="pdf")
    with pytest.raises(tiepcan.ParseError):
        tiepcan.read_catalog(b"x", kind="secret")
    with pytest.raises(TypeError):
        tiepcan.read_catalog(42)


@pytest.mark.parametrize("to", ["json", "xml", "csv", "dcat-rdf", "ckan-json"])
@pytest.mark.parametrize("f", FILES, ids=[f.name for f in FILES])
def test_writers_give_the_same_bytes_as_tiepcan_convert(cli, f, to, tmp_path):
    r = subprocess.run([cli, "convert", str(f), "-", "--to", to], capture_output=True, check=False)
    assert r.returncode in (0, 1), r.stderr
    cat = tiepcan.read_catalog(f)
    ours = {
        "json": lambda: cat.to_json(indent=True),
        "xml": cat.to_xml,
        "csv": cat.to_csv,
        "dcat-rdf": cat.to_dcat,
        "ckan-json": lambda: json.dumps(cat.to_ckan(), ensure_ascii=False, indent=2),
    }[to]()
    theirs = r.stdout.decode("utf-8")
    if to == "ckan-json":
        assert json.loads(ours) == json.loads(theirs)
    else:
        assert ours.strip() == theirs.strip()


def test_round_trips_through_xml_and_csv():
    cat = tiepcan.read_catalog(FILES[0])
    assert tiepcan.read_catalog(cat.to_xml().encode(), format="xml").to_dict() == cat.to_dict()
    again = tiepcan.read_catalog(cat.to_csv().encode(), format="csv")
    assert [i["title"] for i in again.items] == [i["title"] for i in cat.items]


def test_conditional_catalog_has_no_open_data_export():
    cat = tiepcan.Catalog.from_records([{"title": "Hồ sơ"}], kind="conditional")
    with pytest.raises(tiepcan.WriteError) as e:
        cat.to_dcat()
    assert e.value.code == "not_disclosure"
    with pytest.raises(tiepcan.WriteError):
        cat.to_ckan()


def test_xml_refuses_a_control_character_with_its_pointer():
    cat = tiepcan.Catalog.from_records([{"title": "A\x01B", "seq": "1"}])
    with pytest.raises(tiepcan.WriteError) as e:
        cat.to_xml()
    assert e.value.code == "xml_invalid_char" and e.value.pointer.startswith("/items/0")


def test_html_fragments_are_accessible_and_escaped():
    cat = tiepcan.read_catalog(FILES[0])
    html = cat.to_html(id_prefix="x1", heading_level=3)
    assert 'lang="vi"' in html and "<caption" in html and 'scope="col"' in html
    assert 'id="x1-' in html and "<h3" in html
    rep = cat.validate(today=TODAY)
    assert "R-" in rep.to_html() and rep.to_text().splitlines()[0].endswith("lưu ý")
    evil = tiepcan.Catalog.from_records([{"title": "<script>alert(1)</script>", "access_link": "javascript:alert(1)"}])
    out = evil.to_html()
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert 'href="javascript:' not in out  # shown as text, never a link
    s = tiepcan.deadline(dt.date(2025, 1, 24), "postal", complex=True)
    assert '<time datetime="2025-02-21"' in s.to_html()
