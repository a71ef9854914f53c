#!/usr/bin/env python3
"""National-scale catalog check on an existing distributed engine: Dask.

Each agency's catalog is a file (here generated: AGENCIES files of ITEMS rows,
shaped like the real catalogs in examples/data). A `dask.bag` over the paths
maps `tiepcan.read_catalog(path).validate(today)` to one summary row per file
and reduces them to national totals. The same code runs on a laptop
(`scheduler="processes"`, the default here), or on a cluster by creating a
`dask.distributed.Client` first: tiepcan releases the GIL in its core calls
and holds no global state, so workers scale with cores and machines.

Usage:
    python3 examples/python/national_dask.py [AGENCIES] [ITEMS] [--scheduler processes|threads|sync]

Needs: the tiepcan wheel and `pip install dask`.
"""
import argparse
import datetime as dt
import pathlib
import random
import tempfile
import time

import dask.bag as db

import tiepcan

TODAY = dt.date(2026, 11, 29)
HEADER = '\ufeffSTT,"Tên văn bản, hồ sơ","Số, ký hiệu",Ngày tạo ra,Thuộc điểm (khoản 1 Điều 17),Hình thức công khai,Thời điểm công khai,Thời hạn công khai,Đường dẫn\r\n'
POINTS = "a b c d đ e g h i k l m n o p".split()


def write_catalog(path: pathlib.Path, items: int, seed: int) -> None:
    rnd = random.Random(seed)
    rows = [HEADER]
    for i in range(1, items + 1):
        defect = rnd.randrange(100)
        title = f"Quyết định số {i} về công tác năm {rnd.randrange(2019, 2026)}" + (" (Mật)" if defect == 0 else "")
        date = "31/02/2025" if defect == 1 else f"{rnd.randrange(1, 29):02d}/{rnd.randrange(1, 13):02d}/2025"
        form = "" if defect == 2 else "Cổng thông tin điện tử"
        rows.append(f'{i},"{title}",{i}/QĐ-UBND,{date},{rnd.choice(POINTS)},{form},Ngay sau khi ban hành,Thường xuyên,https://example.gov.vn/{i}\r\n')
    path.write_text("".join(rows), encoding="utf-8")


def check_file(path: str) -> dict:
    catalog = tiepcan.read_catalog(path)
    report = catalog.validate(TODAY)
    s = report.summary()
    return {"files": 1, "items": len(catalog), "errors": s["errors"], "warnings": s["warnings"], "infos": s["infos"]}


def add(a: dict, b: dict) -> dict:
    return {k: a[k] + b[k] for k in a}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("agencies", nargs="?", type=int, default=40)
    ap.add_argument("items", nargs="?", type=int, default=200)
    ap.add_argument("--scheduler", default="processes", choices=["processes", "threads", "sync"])
    ap.add_argument("--partitions", type=int, default=8)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for n in range(a.agencies):
            p = pathlib.Path(d) / f"agency-{n:05d}.csv"
            write_catalog(p, a.items, n)
            paths.append(str(p))
        t0 = time.perf_counter()
        bag = db.from_sequence(paths, npartitions=min(a.partitions, len(paths)))
        total = bag.map(check_file).fold(add).compute(scheduler=a.scheduler)
        secs = time.perf_counter() - t0
    assert total["files"] == a.agencies and total["items"] == a.agencies * a.items, total
    print(f"dask ({a.scheduler}): {total['files']} catalogs, {total['items']} items in {secs:.2f} s "
          f"= {total['items'] / secs:,.0f} items/s; {total['errors']} errors, {total['warnings']} warnings")


if __name__ == "__main__":
    main()
