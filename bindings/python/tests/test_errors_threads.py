"""Error paths across the boundary, thread safety of read-only calls, and
the GIL released during long core calls."""

from __future__ import annotations

import concurrent.futures as cf
import datetime as dt
import threading
import time

import pytest

import tiepcan
import tiepcan._tiepcan as ext

D = dt.date


def test_hierarchy():
    for cls in (tiepcan.ParseError, tiepcan.CalendarRangeError, tiepcan.InvalidDateError, tiepcan.RuleError, tiepcan.DeadlineError):
        assert issubclass(cls, tiepcan.TiepcanError) and issubclass(cls, ValueError)
    assert issubclass(tiepcan.CalendarDataError, tiepcan.ParseError)
    assert issubclass(tiepcan.InternalError, RuntimeError)


def test_a_rust_panic_is_a_clean_internal_error_not_a_panic_exception():
    with pytest.raises(tiepcan.InternalError) as e:
        ext._panic("boom")
    assert "boom" in str(e.value) and e.value.code == "panic"
    assert isinstance(e.value, Exception)  # pyo3's PanicException is a BaseException


def test_errors_are_picklable_values():
    import pickle

    try:
        tiepcan.PartialDate.parse("31/02/2019")
    except tiepcan.ParseError as e:
        again = pickle.loads(pickle.dumps(e))
        assert type(again) is tiepcan.ParseError and str(again) == str(e)


def test_read_only_calls_from_many_threads_agree_with_serial_calls():
    cal = tiepcan.WorkingCalendar()
    days = [D(2018, 1, 1) + dt.timedelta(days=i) for i in range(3000)]
    expected = [cal.add_working_days(d, 7) for d in days]
    cat = tiepcan.Catalog.from_records([{"title": f"Văn bản {i}", "created_on": "02/01/2025"} for i in range(50)])
    expected_json = cat.to_json()
    s = tiepcan.deadline(D(2025, 1, 24), "postal", complex=True)

    def work(k):
        chunk = days[k::8]
        assert cal.add_working_days_many(chunk, 7) == expected[k::8]
        assert [cal.add_working_days(d, 7) for d in chunk[:50]] == expected[k::8][:50]
        assert cat.to_json() == expected_json
        assert [m.due for m in s.milestones] == [D(2025, 2, 5), D(2025, 2, 21), D(2025, 3, 10)]
        assert tiepcan.deadline(D(2025, 1, 24), "postal", complex=True).milestones[1].due == D(2025, 2, 21)
        return True

    with cf.ThreadPoolExecutor(max_workers=8) as pool:
        assert all(pool.map(work, range(8)))


def test_gil_is_released_during_a_long_batch_call():
    np = pytest.importorskip("numpy")
    cal = tiepcan.WorkingCalendar()
    arr = np.datetime64("2018-01-01") + (np.arange(4_000_000) % 60_000)
    stamps: list[float] = []
    stop = threading.Event()

    def ticker():
        # Each wake-up needs the GIL; a call holding it would allow none
        # inside it (at most one at each end, at a bytecode boundary).
        while not stop.is_set():
            time.sleep(0.001)
            stamps.append(time.perf_counter())

    t = threading.Thread(target=ticker)
    t.start()
    time.sleep(0.02)
    t0 = time.perf_counter()
    cal.add_working_days_many(arr, 10)
    t1 = time.perf_counter()
    stop.set()
    t.join()
    inside = [s for s in stamps if t0 < s < t1]
    assert len(inside) >= 3, (len(inside), t1 - t0)
