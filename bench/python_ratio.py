#!/usr/bin/env python3
"""How fast is tiepcan's batch working-day arithmetic from Python, and who
gets it right? Prints ratios; not a test.

Compares, on 1,000,000 random days 0 in 2018-01-01 .. 2026-11-30, "the 10th
working day after day 0" (tiepcan.WorkingCalendar.add_working_days):

1. ``WorkingCalendar.add_working_days_many`` on a numpy ``datetime64[D]``
   array (one call, GIL released) and on a list of ``datetime.date``. The
   batch form asks core once per distinct day (a million requests fall on a
   few thousand days) and copies the answers;
2. ``numpy.busday_offset`` with a ``busdaycalendar`` holding exactly
   tiepcan's non-working weekdays (holidays, compensatory days, swapped
   days off) — numpy's weekmask cannot make one Saturday a working day, so
   it is wrong around every make-up Saturday (ngày làm bù);
3. a per-call Python loop over python-holidays' Vietnamese calendar (on a
   sample, scaled to 1,000,000), which has neither make-up Saturdays nor
   every official swap.

Build the wheel in release mode first, into a venv with numpy and holidays:

    maturin build --release -m bindings/python/Cargo.toml -o target/wheels-release
    python -m venv target/py-bench-venv
    target/py-bench-venv/bin/pip install numpy holidays target/wheels-release/tiepcan-*.whl
    target/py-bench-venv/bin/python bench/python_ratio.py
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

import numpy as np

import tiepcan

N_DEFAULT = 1_000_000
WORKING_DAYS = 10


def best_of(k: int, f):
    best, out = float("inf"), None
    for _ in range(k):
        t = time.perf_counter()
        out = f()
        best = min(best, time.perf_counter() - t)
    return best, out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=N_DEFAULT, help="number of dates")
    ap.add_argument("--holidays-sample", type=int, default=100_000, help="dates for the python-holidays loop")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    cal = tiepcan.WorkingCalendar()
    rng = np.random.default_rng(20261129)
    first, last = np.datetime64("2018-01-01"), np.datetime64("2026-11-30")
    span = int((last - first).astype(int))
    days0 = first + rng.integers(0, span, args.n).astype("timedelta64[D]")
    days0 = days0.astype("datetime64[D]")

    # 1. tiepcan
    t_np, ours = best_of(args.repeat, lambda: cal.add_working_days_many(days0, WORKING_DAYS))
    as_list = days0.astype(dt.date).tolist()
    t_list, ours_list = best_of(max(1, args.repeat // 2), lambda: cal.add_working_days_many(as_list, WORKING_DAYS))
    assert np.array(ours_list, dtype="datetime64[D]").tolist() == ours.tolist()

    # 2. numpy with tiepcan's non-working weekdays of 2018-2027
    all_days = np.arange(np.datetime64("2018-01-01"), np.datetime64("2028-01-01"), dtype="datetime64[D]")
    working = cal.is_working_day_many(all_days)
    weekday = (all_days.astype(int) + 3) % 7  # 1970-01-01 was a Thursday; Monday = 0
    holidays_np = all_days[(~working) & (weekday < 5)]
    makeup_saturdays = all_days[working & (weekday >= 5)]
    bdc = np.busdaycalendar(weekmask="1111100", holidays=holidays_np)
    # roll="backward": a non-working day 0 counts from the working day
    # before it, so the result is the n-th working day strictly after day 0.
    t_busday, theirs = best_of(
        args.repeat, lambda: np.busday_offset(days0, WORKING_DAYS, roll="backward", busdaycal=bdc)
    )
    wrong = ours != theirs
    n_wrong = int(wrong.sum())

    # 3. python-holidays, one call per date
    try:
        import holidays as pyholidays
    except ImportError:
        pyholidays = None
    if pyholidays is not None:
        vn = pyholidays.country_holidays("VN", years=range(2018, 2028))
        one_day = dt.timedelta(days=1)

        def add_loop(d: dt.date, n: int) -> dt.date:
            while n:
                d += one_day
                if d.weekday() < 5 and d not in vn:
                    n -= 1
            return d

        sample = as_list[: args.holidays_sample]
        t0 = time.perf_counter()
        loop = [add_loop(d, WORKING_DAYS) for d in sample]
        t_loop = (time.perf_counter() - t0) * (args.n / len(sample))
        loop_wrong = sum(a != b for a, b in zip(loop, ours_list))

    print(f"{args.n:,} days 0 in {first}..{last}, +{WORKING_DAYS} working days; tiepcan {tiepcan.__version__}, numpy {np.__version__}")
    print(f"  tiepcan add_working_days_many, numpy datetime64[D] in/out: {t_np * 1e3:8.1f} ms")
    print(f"  tiepcan add_working_days_many, list of datetime.date:      {t_list * 1e3:8.1f} ms")
    print(f"  numpy.busday_offset (same non-working weekdays):           {t_busday * 1e3:8.1f} ms")
    print(f"ratio numpy.busday_offset / tiepcan (numpy arrays): {t_busday / t_np:.2f}x")
    print(
        f"numpy differs from tiepcan on {n_wrong:,} of {args.n:,} dates ({100 * n_wrong / args.n:.2f} %): "
        f"its weekmask cannot make the {len(makeup_saturdays)} make-up Saturdays of 2018-2027 "
        f"({', '.join(str(d) for d in makeup_saturdays[:4])}, ...) working days"
    )
    for i in np.flatnonzero(wrong)[:3]:
        print(f"  e.g. day 0 {days0[i]}: tiepcan {ours[i]}, numpy {theirs[i]}")
    if pyholidays is not None:
        print(
            f"python-holidays per-call loop: {t_loop:8.2f} s for {args.n:,} (timed on {len(sample):,}, scaled); "
            f"ratio loop / tiepcan (numpy arrays): {t_loop / t_np:,.0f}x, (lists): {t_loop / t_list:,.0f}x"
        )
        print(
            f"python-holidays differs from tiepcan on {loop_wrong:,} of {len(sample):,} sampled dates "
            f"({100 * loop_wrong / len(sample):.2f} %): no make-up Saturdays, and its table of swaps and "
            f"compensatory days is not the official one"
        )
    else:
        print("python-holidays not installed: `pip install holidays` for the per-call loop comparison")


if __name__ == "__main__":
    main()
