"""examples/python/batch_check.py on the bundled catalogs."""

from __future__ import annotations

import csv
import pathlib
import shutil
import subprocess
import sys

import tiepcan

ROOT = pathlib.Path(__file__).resolve().parents[3]
SCRIPT = ROOT / "examples" / "python" / "batch_check.py"
CATALOGS = pathlib.Path(__file__).parent / "data" / "catalogs"


def _run(folder, tmp_path):
    s, f = tmp_path / "summary.csv", tmp_path / "findings.csv"
    r = subprocess.run(
        [sys.executable, str(SCRIPT), str(folder), "--today", "2026-11-29", "--summary", str(s), "--findings", str(f)],
        capture_output=True,
        text=True,
        check=False,
    )
    with open(s, encoding="utf-8-sig") as a, open(f, encoding="utf-8-sig") as b:
        return r, list(csv.DictReader(a)), list(csv.DictReader(b))


def test_batch_check_on_the_bundled_catalogs(tmp_path):
    r, summary, findings = _run(CATALOGS, tmp_path)
    assert r.returncode == 1, r.stderr  # the real catalogs have errors
    files = sorted(CATALOGS.glob("*.csv"))
    assert [row["file"] for row in summary] == [str(f) for f in files]
    cats = [tiepcan.read_catalog(f) for f in files]
    set_findings = len(tiepcan.check_catalog_set(cats))
    for row, cat in zip(summary, cats):
        rep = cat.validate(today=__import__("datetime").date(2026, 11, 29))
        assert int(row["items"]) == len(cat) and int(row["rows"]) == cat.rows
        assert sum(int(row[k]) for k in ("errors", "warnings", "infos")) == len(rep) + set_findings
        assert row["status"] == ("findings" if int(row["errors"]) else "ok")
    assert len(findings) == sum(len(c.validate(today=__import__("datetime").date(2026, 11, 29))) for c in cats) + set_findings * len(cats)
    assert all(f["message_vi"] and f["message_en"] for f in findings)
    assert "[1/2]" in r.stderr or "file" in r.stderr  # plain progress or tqdm's bar


def test_batch_check_reports_an_unreadable_file_and_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CATALOGS / "an-hoa-sample.csv", folder)
    (folder / "broken.json").write_text('{"kind": "disclosure", "items": [', encoding="utf-8")
    r, summary, findings = _run(folder, tmp_path)
    assert r.returncode == 2
    status = {pathlib.Path(s["file"]).name: s["status"] for s in summary}
    assert status == {"an-hoa-sample.csv": "findings", "broken.json": "unreadable"}
    broken = [f for f in findings if f["file"].endswith("broken.json")]
    assert [f["rule"] for f in broken] == ["R-READ-FILE"]


def test_batch_check_uses_tqdm_when_installed(tmp_path):
    fake = tmp_path / "fake"
    fake.mkdir()
    (fake / "tqdm.py").write_text("import sys\ndef tqdm(items, **kw):\n    print('TQDM-BAR', file=sys.stderr)\n    return items\n", encoding="utf-8")
    import os

    env = dict(os.environ, PYTHONPATH=str(fake))
    r = subprocess.run(
        [sys.executable, str(SCRIPT), str(CATALOGS), "--today", "2026-11-29", "--summary", str(tmp_path / "s.csv"), "--findings", str(tmp_path / "f.csv")],
        capture_output=True, text=True, env=env, check=False,
    )
    assert "TQDM-BAR" in r.stderr and "[1/2]" not in r.stderr
