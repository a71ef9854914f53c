"""The working-day calendar and its batch forms, and the lunar calendar.

Expected values: core's documented examples (LAW.md §5.8 worked examples,
the 2025 official days off) and shared/data/calendar/vn_lunar_new_year.csv.
"""

from __future__ import annotations

import csv
import datetime as dt
import pathlib

import pytest

import tiepcan
from tiepcan import lunar

D = dt.date
CAL = tiepcan.WorkingCalendar()
DATA = pathlib.Path(__file__).parent / "data"


def test_request_received_friday_before_tet_2025():
    # Tết 2025: 27-31 Jan off (Công văn 8726/VPCP-KGVX).
    assert CAL.add_working_days(D(2025, 1, 24), 3) == D(2025, 2, 5)


def test_make_up_saturday_is_a_working_day_and_swapped_weekday_is_not():
    assert CAL.is_working_day(D(2025, 4, 26)) is True
    assert CAL.is_working_day(D(2025, 5, 2)) is False


def test_law_md_5_8_worked_examples():
    assert CAL.add_working_days(D(2024, 5, 20), 10) == D(2024, 6, 3)
    assert CAL.add_calendar_days_rolled(D(2024, 5, 24), 15) == D(2024, 6, 10)
    assert CAL.working_days_between(D(2024, 5, 20), D(2024, 6, 3)) == 10
    assert CAL.working_days_between(D(2024, 6, 3), D(2024, 5, 20)) == -10


def test_explain_gives_each_skipped_day_with_its_document():
    s = CAL.explain(D(2025, 12, 31), D(2026, 1, 5))
    assert [d.date for d in s] == [D(2026, 1, 1), D(2026, 1, 2), D(2026, 1, 3), D(2026, 1, 4)]
    assert [d.kind for d in s] == ["holiday", "swap_off", "weekend", "weekend"]
    assert s[1].name.startswith("Tết Dương lịch 2026") and s[1].document
    assert s[2].name is None and not s[2].projected


def test_year_sources_and_days():
    assert CAL.year_source(2025) == "official"
    assert CAL.year_source(2031) == "projected"
    days = CAL.year_days(2025)
    assert {"date": "2025-04-26", "kind": "makeup_workday"}.items() <= next(d for d in days if d["date"] == "2025-04-26").items()


ALL_2025 = [D(2025, 1, 1) + dt.timedelta(days=i) for i in range(365)]


def test_batch_list_gives_a_list_equal_to_scalar_calls():
    out = CAL.add_working_days_many(ALL_2025, 5)
    assert isinstance(out, list)
    assert out == [CAL.add_working_days(d, 5) for d in ALL_2025]
    assert CAL.is_working_day_many(ALL_2025) == [CAL.is_working_day(d) for d in ALL_2025]


def test_batch_tuple_gives_a_tuple_and_other_sequences_a_list():
    assert CAL.add_working_days_many(tuple(ALL_2025[:3]), 1) == tuple(CAL.add_working_days(d, 1) for d in ALL_2025[:3])
    assert CAL.add_working_days_many((d for d in ALL_2025[:3]), 1) == [CAL.add_working_days(d, 1) for d in ALL_2025[:3]]
    assert CAL.add_working_days_many([], 1) == [] and CAL.add_working_days_many((), 1) == ()


def test_batch_numpy_gives_numpy_of_the_same_shape_nat_kept():
    np = pytest.importorskip("numpy")
    arr = np.array(ALL_2025[:364], dtype="datetime64[D]").reshape(52, 7)
    arr[0, 0] = np.datetime64("NaT", "D")
    out = CAL.add_working_days_many(arr, 5)
    assert isinstance(out, np.ndarray) and out.dtype == np.dtype("datetime64[D]") and out.shape == (52, 7)
    assert np.isnat(out[0, 0])
    flat = [d.astype(dt.date) for d in out.ravel()[1:]]
    assert flat == [CAL.add_working_days(d, 5) for d in ALL_2025[1:364]]
    out[1, 1] = np.datetime64("2000-01-01", "D")  # writable, not a view of a bytes object
    ok = CAL.is_working_day_many(arr)
    assert ok.dtype == np.dtype(bool) and ok.shape == (52, 7) and not ok[0, 0]
    assert ok.ravel()[1:].tolist() == [CAL.is_working_day(d) for d in ALL_2025[1:364]]


def test_batch_error_names_the_position():
    with pytest.raises(tiepcan.CalendarRangeError) as e:
        CAL.add_working_days_many([D(2025, 1, 1), D(2199, 12, 30)], 5)
    assert e.value.index == 1 and e.value.code == "date_out_of_range"


def test_batch_refuses_non_dates():
    with pytest.raises(TypeError, match="item 1"):
        CAL.add_working_days_many([D(2025, 1, 1), "2025-01-02"], 1)
    with pytest.raises(TypeError):
        CAL.add_working_days_many("2025-01-01", 1)


def test_negative_n_is_a_value_error():
    with pytest.raises(ValueError):
        CAL.add_working_days(D(2025, 1, 1), -1)


def test_out_of_range_is_calendar_range_error_with_the_date():
    with pytest.raises(tiepcan.CalendarRangeError) as e:
        CAL.is_working_day(D(2013, 12, 31))
    assert e.value.date == D(2013, 12, 31) and isinstance(e.value, ValueError)


def test_overrides_file_is_merged(tmp_path):
    f = tmp_path / "2027.csv"
    f.write_text("date,kind,name,document\n2027-01-01,holiday,Tết Dương lịch,BLLĐ 2019 Điều 112\n2027-01-02,makeup_workday,Làm bù,Thông báo giả định\n", encoding="utf-8")
    cal = tiepcan.WorkingCalendar(f)
    assert cal.year_source(2027) == "override"
    assert cal.is_working_day(D(2027, 1, 2)) is True  # a Saturday made a working day
    assert "override" in cal.version
    assert tiepcan.WorkingCalendar(str(f)).is_working_day(D(2027, 1, 1)) is False


def test_missing_overrides_file_is_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError) as e:
        tiepcan.WorkingCalendar(tmp_path / "nope.csv")
    assert e.value.filename.endswith("nope.csv")


def test_bad_overrides_file_names_file_and_line(tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("date,kind,name,document\n2027-13-01,holiday,x,y\n", encoding="utf-8")
    with pytest.raises(tiepcan.CalendarDataError) as e:
        tiepcan.WorkingCalendar(f)
    assert (e.value.line, e.value.code) == (2, "bad_official_data")
    assert e.value.file.endswith("bad.csv")
    assert isinstance(e.value, tiepcan.ParseError)


def _tet_rows():
    with open(DATA / "vn_lunar_new_year.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("row", _tet_rows()[::7], ids=lambda r: r["year"])
def test_tet_and_hung_kings_day_match_the_reference_table(row):
    y = int(row["year"])
    assert lunar.new_year(y).isoformat() == row["tet_gregorian"]
    assert lunar.hung_kings_day(y).isoformat() == row["hung_kings_gregorian"]
    assert lunar.to_lunar(D.fromisoformat(row["tet_gregorian"])) == tiepcan.lunar.to_lunar(lunar.to_solar(y, 1, 1))


def test_tet_1985_is_computed_at_utc_plus_7():
    # Vietnam 21 Jan 1985; the Chinese calendar (UTC+8) has 20 Feb.
    assert lunar.to_solar(1985, 1, 1) == D(1985, 1, 21)


def test_leap_month_2025_round_trip():
    assert lunar.leap_month(2025) == 6
    d = lunar.to_solar(2025, 6, 1, leap=True)
    ld = lunar.to_lunar(d)
    assert (ld.year, ld.month, ld.day, ld.leap) == (2025, 6, 1, True)


def test_no_such_lunar_date_and_out_of_range():
    with pytest.raises(tiepcan.InvalidDateError) as e:
        lunar.to_solar(2024, 6, 1, leap=True)  # 2024 has no leap month
    assert e.value.code == "no_such_lunar_date"
    with pytest.raises(tiepcan.CalendarRangeError) as e2:
        lunar.new_year(1899)
    assert e2.value.year == 1899
