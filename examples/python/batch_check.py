#!/usr/bin/env python3
"""Validate every catalog in a folder: one CSV summary row per file and one
CSV of all findings.

A province's script: point it at a folder of agencies' catalogs (CSV, TSV,
XLSX/XLS/ODS, JSON; subfolders too) and it writes

* ``--summary`` (default ``summary.csv``): file, kind, rows, items, errors,
  warnings, infos, status (``ok``, ``findings`` or ``unreadable``), error;
* ``--findings`` (default ``findings.csv``): file, rule, severity, row,
  column, value, message_vi, message_en, citation — every finding of the
  reader and of the rules, with its legal basis.

Files in one folder are taken as one agency's catalogs, as ``tiepcan check``
does, so the "both catalogs" rule (R-CAT-TWO, Decree 13/2018/NĐ-CP,
Art. 6(1)) is judged per folder. A progress bar shows on long runs when
``tqdm`` is installed; otherwise one line per file goes to stderr.

Exit code: 0 no errors, 1 findings of severity error, 2 some file unreadable.

Usage:
    python examples/python/batch_check.py FOLDER [--today YYYY-MM-DD]
        [--summary summary.csv] [--findings findings.csv] [--kind disclosure|conditional]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import pathlib
import sys
from collections import defaultdict
from typing import Iterable, Iterator, Optional, TypeVar

import tiepcan

EXTENSIONS = {".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods", ".json"}
VIETNAM = dt.timezone(dt.timedelta(hours=7))
T = TypeVar("T")

SUMMARY_COLUMNS = ["file", "kind", "rows", "items", "errors", "warnings", "infos", "status", "error"]
FINDING_COLUMNS = ["file", "rule", "severity", "row", "column", "value", "message_vi", "message_en", "citation"]


def catalog_files(folder: pathlib.Path) -> list[pathlib.Path]:
    """Catalog files under ``folder``, sorted, sidecars (``*.meta.json``) left out."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in EXTENSIONS and not p.name.endswith(".meta.json")
    )


def progress(items: list[T], quiet: bool) -> Iterator[T]:
    """tqdm's bar when installed, else a line per item on stderr."""
    try:
        from tqdm import tqdm  # type: ignore[import-untyped]
    except ImportError:
        tqdm = None
    if tqdm is not None and not quiet:
        yield from tqdm(items, unit="file", file=sys.stderr)
        return
    for i, item in enumerate(items, 1):
        if not quiet:
            print(f"[{i}/{len(items)}] {item}", file=sys.stderr, flush=True)
        yield item


def finding_row(file: str, d: tiepcan.Diagnostic) -> dict[str, object]:
    return {
        "file": file,
        "rule": d.rule,
        "severity": d.severity,
        "row": d.row if d.row is not None else "",
        "column": d.column or "",
        "value": d.value or "",
        "message_vi": d.message_vi,
        "message_en": d.message_en,
        "citation": str(d.citation) if d.citation else "",
    }


def check_folder(
    folder: pathlib.Path, today: dt.date, kind: Optional[str] = None, quiet: bool = False
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """Read and check every catalog under ``folder``.

    Returns the summary rows and the finding rows.
    """
    files = catalog_files(folder)
    summary: dict[pathlib.Path, dict[str, object]] = {}
    findings: dict[pathlib.Path, list[dict[str, object]]] = {}
    read: dict[pathlib.Path, list[tuple[pathlib.Path, tiepcan.Catalog]]] = defaultdict(list)
    for f in progress(files, quiet):
        name = str(f)
        try:
            cat = tiepcan.read_catalog(f, kind)
        except (OSError, tiepcan.ParseError) as e:
            summary[f] = dict.fromkeys(SUMMARY_COLUMNS, "")
            summary[f].update(file=name, rows=0, items=0, errors=1, warnings=0, infos=0, status="unreadable", error=str(e))
            diag = getattr(e, "diagnostic", None)
            findings[f] = [finding_row(name, diag)] if diag is not None else []
            continue
        report = cat.validate(today=today)
        s = report.summary()
        summary[f] = {"file": name, "kind": cat.kind, "rows": cat.rows, "items": len(cat), **s, "status": "", "error": ""}
        findings[f] = [finding_row(name, d) for d in report]
        read[f.parent].append((f, cat))
    # Both catalogs, per folder (one agency's files).
    for group in read.values():
        for d in tiepcan.check_catalog_set([c for _, c in group]):
            for f, _ in group:
                findings[f].append(finding_row(str(f), d))
                summary[f][f"{d.severity}s" if d.severity != "info" else "infos"] += 1  # type: ignore[operator]
    for row in summary.values():
        if row["status"] != "unreadable":
            row["status"] = "findings" if row["errors"] else "ok"
    return [summary[f] for f in files], [r for f in files for r in findings[f]]


def write_csv(path: pathlib.Path, columns: list[str], rows: Iterable[dict[str, object]]) -> None:
    # UTF-8 with BOM so that Excel opens Vietnamese text correctly.
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        w = csv.DictWriter(out, fieldnames=columns)
        w.writeheader()
        w.writerows(rows)


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=pathlib.Path)
    ap.add_argument("--today", type=dt.date.fromisoformat, help="date to check against (default: today in Vietnam, UTC+7)")
    ap.add_argument("--summary", type=pathlib.Path, default=pathlib.Path("summary.csv"))
    ap.add_argument("--findings", type=pathlib.Path, default=pathlib.Path("findings.csv"))
    ap.add_argument("--kind", choices=["disclosure", "conditional"])
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    if not args.folder.is_dir():
        print(f"batch_check: {args.folder}: not a folder", file=sys.stderr)
        return 2
    today = args.today or dt.datetime.now(VIETNAM).date()
    summary, findings = check_folder(args.folder, today, args.kind, args.quiet)
    write_csv(args.summary, SUMMARY_COLUMNS, summary)
    write_csv(args.findings, FINDING_COLUMNS, findings)
    errors = sum(int(s["errors"]) for s in summary)  # type: ignore[call-overload]
    unreadable = sum(s["status"] == "unreadable" for s in summary)
    print(
        f"{len(summary)} files, {unreadable} unreadable, {errors} errors, {len(findings)} findings "
        f"→ {os.fspath(args.summary)}, {os.fspath(args.findings)}",
        file=sys.stderr,
    )
    return 2 if unreadable else (1 if errors else 0)


if __name__ == "__main__":
    sys.exit(main())
