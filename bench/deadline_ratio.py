#!/usr/bin/env python3
"""Time tiepcan's deadline clock against python-holidays + numpy.busday_offset.

Usage (from the repository root):

    pip install numpy holidays
    python3 bench/deadline_ratio.py [--n 100000] [--seed 42]

The same N requests (received 2018-07-01 .. 2026-08-31, Law 104 regime;
random channel and complexity) are computed twice:

* tiepcan: `tiepcan deadline --batch FILE` (release build; built here if
  missing). It reports its own computation time on stderr, excluding process
  start and I/O; the script also reports the end-to-end wall time.
* baseline: holidays.VN for the years involved, fed to numpy.busdaycalendar
  (weekmask Mon-Fri), and vectorised numpy.busday_offset per milestone. The
  periods come from `tiepcan deadline --print-rules`, so no legal number is
  restated here.

numpy's calendar knows weekdays and holidays only: it cannot express a
*make-up working Saturday* (ngày làm bù), so periods crossing one come out a
day late there. python-holidays 0.109 also lacks the 2026-01-02 swap. The
script counts disagreements and attributes them, then repeats the baseline
with tiepcan's own days off (the "same holidays" run), where only the
make-up Saturdays remain.
"""

import argparse
import csv
import datetime as dt
import io
import os
import random
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "tiepcan")
OFFICIAL = os.path.join(ROOT, "core", "data", "vn_official_days_off.csv")

CHANNELS = ["in_person", "electronic", "postal", "fax"]
START = dt.date(2018, 7, 1)
END = dt.date(2026, 8, 31)


def ensure_binary():
    if not os.path.exists(BIN):
        print("building tiepcan (release)...", file=sys.stderr)
        subprocess.run(["cargo", "build", "--release", "-p", "tiepcan-cli"], cwd=ROOT, check=True)


def rules_2016():
    out = subprocess.run([BIN, "deadline", "--print-rules"], capture_output=True, text=True, check=True).stdout
    rows = [r for r in csv.DictReader(io.StringIO(out)) if r["regime"] == "2016"]
    table = {}
    for ch in CHANNELS:
        for cx in ("simple", "complex"):
            ms = []
            for r in rows:
                chans = r["channel"].split("|")
                if r["channel"] != "any" and ch not in chans:
                    continue
                if r["complexity"] not in ("any", cx):
                    continue
                if r["kind"] in ("provide", "notify_timeline", "provide_or_refuse", "extended_provide_or_refuse"):
                    ms.append((r["kind"], int(r["value"]), r["unit"]))
            table[(ch, cx)] = ms
    return table


def make_requests(n, seed):
    rnd = random.Random(seed)
    span = (END - START).days
    return [
        (START + dt.timedelta(days=rnd.randrange(span + 1)), rnd.choice(CHANNELS), rnd.choice(("simple", "complex")))
        for _ in range(n)
    ]


def run_tiepcan(reqs):
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
        f.write("received,channel,complexity\n")
        for d, ch, cx in reqs:
            f.write(f"{d.isoformat()},{ch},{cx}\n")
        path = f.name
    try:
        t0 = time.perf_counter()
        p = subprocess.run([BIN, "deadline", "--batch", path], capture_output=True, text=True, check=True)
        wall = time.perf_counter() - t0
    finally:
        os.unlink(path)
    m = re.search(r"in ([0-9.]+) ms", p.stderr)
    compute = float(m.group(1)) / 1e3 if m else float("nan")
    dues = {}
    for r in csv.DictReader(io.StringIO(p.stdout)):
        dues[(int(r["row"]), r["kind"])] = r["due"]
    return compute, wall, dues


def official_days():
    with open(OFFICIAL, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    off = [dt.date.fromisoformat(r["date"]) for r in rows if r["kind"] != "makeup_workday"]
    makeup = [dt.date.fromisoformat(r["date"]) for r in rows if r["kind"] == "makeup_workday"]
    return off, makeup


def run_numpy(reqs, table, extra_holidays=()):
    import holidays
    import numpy as np

    t0 = time.perf_counter()
    years = range(START.year, END.year + 2)
    vn = holidays.VN(years=years)
    hol = sorted(set(vn.keys()) | set(extra_holidays))
    cal = np.busdaycalendar(weekmask="1111100", holidays=np.array(hol, dtype="datetime64[D]"))
    t_build = time.perf_counter() - t0

    # Input conversion is data preparation on both sides (tiepcan's timer
    # starts after parsing), so it is outside the timed region.
    day0 = np.array([d for d, _, _ in reqs], dtype="datetime64[D]")
    chs = np.array([ch for _, ch, _ in reqs])
    cxs = np.array([cx for _, _, cx in reqs])

    t0 = time.perf_counter()
    out = {}
    for (ch, cx), milestones in table.items():
        idx = np.nonzero((chs == ch) & (cxs == cx))[0]
        d0 = day0[idx]
        base = None
        for kind, value, unit in milestones:
            start = base if kind == "extended_provide_or_refuse" else d0
            if unit == "immediate":
                due = start
            elif unit == "working_days":
                # n-th business day strictly after day 0: roll a non-business day 0 back first.
                due = np.busday_offset(start, value, roll="backward", busdaycal=cal)
            else:  # calendar days, rolled forward (Civil Code Art. 148)
                due = np.busday_offset(start + np.timedelta64(value, "D"), 0, roll="forward", busdaycal=cal)
            if kind == "provide_or_refuse":
                base = due
            out.setdefault(kind, []).append((idx, due))
    t_compute = time.perf_counter() - t0
    dues = {}
    for kind, parts in out.items():
        for idx, due in parts:
            for i, d in zip(idx.tolist(), due.astype(str).tolist()):
                dues[(i, kind)] = d
    return t_build, t_compute, dues, hol


def compare(reqs, ours, theirs, makeup):
    makeup = set(makeup)
    diff_rows = set()
    by_makeup = by_other = 0
    for (i, kind), due in ours.items():
        if theirs.get((i, kind)) == due:
            continue
        diff_rows.add(i)
        lo = reqs[i][0]
        hi = dt.date.fromisoformat(max(due, theirs.get((i, kind), due)))
        spans_makeup = any(lo < m <= hi for m in makeup)
        if spans_makeup:
            by_makeup += 1
        else:
            by_other += 1
    return len(diff_rows), by_makeup, by_other


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()

    ensure_binary()
    table = rules_2016()
    reqs = make_requests(a.n, a.seed)
    off, makeup = official_days()

    r_compute, r_wall, ours = run_tiepcan(reqs)
    p_build, p_compute, theirs, _ = run_numpy(reqs, table)
    _, s_compute, same, _ = run_numpy(reqs, table, extra_holidays=off)

    n_ms = len(ours)
    print(f"requests: {a.n} ({n_ms} milestones), received {START} .. {END}, seed {a.seed}")
    print(f"tiepcan  compute (in process, Clock::schedule without explanations):    {r_compute * 1e3:9.2f} ms"
          f"  = {r_compute * 1e9 / a.n:8.0f} ns/request")
    print(f"tiepcan  end to end (process start, CSV in/out):                         {r_wall * 1e3:9.2f} ms")
    print(f"baseline python-holidays VN build + numpy.busdaycalendar:                {p_build * 1e3:9.2f} ms")
    print(f"baseline numpy.busday_offset, vectorised per channel/complexity group:   {p_compute * 1e3:9.2f} ms"
          f"  = {p_compute * 1e9 / a.n:8.0f} ns/request")
    print(f"ratio baseline compute / tiepcan compute:            {p_compute / r_compute:8.2f}x")
    print(f"ratio baseline (build + compute) / tiepcan compute:  {(p_build + p_compute) / r_compute:8.2f}x")
    print(f"ratio baseline (build + compute) / tiepcan end to end: {(p_build + p_compute) / r_wall:6.2f}x")
    print()
    rows, mk, other = compare(reqs, ours, theirs, makeup)
    print(f"disagreements with the python-holidays calendar: {rows} requests; milestones: {mk} span a "
          f"make-up Saturday, {other} other (python-holidays lacks the 2026-01-02 swap)")
    rows, mk, other = compare(reqs, ours, same, makeup)
    print(f"disagreements with tiepcan's own days off in numpy (same holidays): {rows} requests; "
          f"milestones: {mk} span a make-up Saturday, {other} other")
    print("numpy.busdaycalendar has weekmask + holidays only: it cannot mark a Saturday as a working day, so")
    print("make-up Saturdays (" + ", ".join(sorted(d.isoformat() for d in makeup)) + ") are lost there.")


if __name__ == "__main__":
    main()
