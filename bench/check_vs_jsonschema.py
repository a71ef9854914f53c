#!/usr/bin/env python3
"""Catalog check throughput: `tiepcan check` on a generated 100,000-row CSV
versus Python `jsonschema` validating the equivalent JSON against a schema
that encodes the same per-entry rules (required fields, Art. 17 point enum,
Art. 18(1) form enum, real calendar dates, http(s) links, no "(Mật)" marking).

Prints rows/s, MB/s and the ratio. A benchmark, not a test.

Usage: python3 bench/check_vs_jsonschema.py [ROWS]
Needs: cargo, and `pip install jsonschema`.
"""
import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000


def run(cmd, **kw):
    return subprocess.run(cmd, cwd=ROOT, check=True, **kw)


def main():
    import jsonschema  # noqa: F401  (fail early with a clear message)
    from jsonschema import Draft202012Validator, FormatChecker

    run(["cargo", "build", "-q", "--release", "-p", "tiepcan-cli"])
    run(["cargo", "build", "-q", "--release", "-p", "tiepcan", "--example", "gen_catalog"])
    tiepcan = os.path.join(ROOT, "target", "release", "tiepcan")
    gen = os.path.join(ROOT, "target", "release", "examples", "gen_catalog")
    data = subprocess.run([gen, str(ROWS)], check=True, capture_output=True).stdout
    mb = len(data) / 1e6

    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "catalog.csv")
        with open(path, "wb") as f:
            f.write(data)
        best = None
        for _ in range(3):
            t0 = time.perf_counter()
            p = subprocess.run([tiepcan, "check", path, "--today", "2026-11-29", "--format", "json"], capture_output=True)
            t = time.perf_counter() - t0
            assert p.returncode in (0, 1), p.stderr
            best = t if best is None else min(best, t)
        findings = json.loads(p.stdout)["summary"]

    # The equivalent JSON and a schema with the same per-entry rules.
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))[1:]
    items = [
        {"seq": r[0], "title": r[1], "number_symbol": r[2], "created_on": r[3], "art17_point": r[4],
         "disclosure_forms": [x.strip() for x in r[5].split(";") if x.strip()],
         "disclosure_time": r[6], "disclosure_period": r[7], "access_link": r[8]}
        for r in rows
    ]
    doc = {"kind": "disclosure", "items": items}
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "properties": {"items": {"type": "array", "items": {
            "type": "object",
            "required": ["title", "number_symbol", "created_on", "art17_point", "disclosure_forms", "access_link"],
            "properties": {
                "title": {"type": "string", "minLength": 1, "not": {"pattern": "\\((M|m)ật\\)"}},
                "number_symbol": {"type": "string", "pattern": "^[0-9]+/"},
                "created_on": {"type": "string", "pattern": "^[0-9]{2}/[0-9]{2}/[0-9]{4}$"},
                "art17_point": {"enum": ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p"]},
                "disclosure_forms": {"type": "array", "minItems": 1, "items": {"enum": [
                    "Cổng thông tin điện tử", "Niêm yết", "Công báo", "Phương tiện thông tin đại chúng", "Họp báo", "Hình thức khác"]}},
                "access_link": {"type": "string", "pattern": "^https?://"},
            },
        }}},
    }
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    t0 = time.perf_counter()
    errors = 0
    for e in validator.iter_errors(doc):
        errors += 1
    # Calendar validity is not expressible in JSON Schema patterns: check it as a script would.
    for it in items:
        try:
            dt.datetime.strptime(it["created_on"], "%d/%m/%Y")
        except ValueError:
            errors += 1
    t_py = time.perf_counter() - t0

    print(f"rows: {ROWS:,}   CSV size: {mb:.1f} MB")
    print(f"tiepcan check (read CSV + all catalog rules, one process): {best:.3f} s  "
          f"= {ROWS / best:,.0f} rows/s, {mb / best:.1f} MB/s  "
          f"({findings['errors']} errors, {findings['warnings']} warnings)")
    print(f"python jsonschema (JSON already parsed, per-entry rules only): {t_py:.3f} s  "
          f"= {ROWS / t_py:,.0f} rows/s  ({errors} errors)")
    print(f"ratio: tiepcan is {t_py / best:.1f}x faster")


if __name__ == "__main__":
    main()
