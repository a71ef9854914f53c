"""Partial dates and catalogs from JSON and from records."""

from __future__ import annotations

import datetime
import json

import pytest

import tiepcan


@pytest.mark.parametrize(
    "text,iso,precision",
    [
        ("02/03/2026", "2026-03-02", "day"),  # day first, always
        ("2026-03-02", "2026-03-02", "day"),
        ("ngày 02 tháng 3 năm 2026", "2026-03-02", "day"),
        ("ngay 2 thang 3 nam 2026", "2026-03-02", "day"),
        ("05/2019", "2019-05", "month"),
        ("Tháng 5/2019", "2019-05", "month"),
        ("Năm 2019", "2019", "year"),
    ],
)
def test_partial_dates_as_vietnamese_catalogs_write_them(text, iso, precision):
    d = tiepcan.PartialDate.parse(text)
    assert (str(d), d.precision) == (iso, precision)


def test_month_precision_is_kept():
    d = tiepcan.PartialDate.parse("02/2024")
    assert (d.year, d.month, d.day, d.to_date()) == (2024, 2, None, None)
    assert (d.first_day(), d.last_day()) == (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))


def test_partial_dates_order_and_hash():
    a, b = tiepcan.PartialDate.parse("01/01/2020"), tiepcan.PartialDate.parse("02/01/2020")
    assert a < b and a == tiepcan.PartialDate.from_date(datetime.date(2020, 1, 1))
    assert len({a, tiepcan.PartialDate.parse("2020-01-01")}) == 1


@pytest.mark.parametrize("text,code", [("31/02/2019", "impossible_date"), ("hôm qua", "unrecognised_date"), ("", "unrecognised_date")])
def test_bad_dates_raise_parse_error_with_code_and_value(text, code):
    with pytest.raises(tiepcan.ParseError) as e:
        tiepcan.PartialDate.parse(text)
    assert (e.value.code, e.value.value) == (code, text)
    assert isinstance(e.value, ValueError)


RECORDS = [
    {"title": "Kế hoạch cải cách hành chính năm 2025", "number_symbol": "12/KH-UBND", "created_on": "02/01/2025", "art17_point": "a", "access_link": "https://example.invalid/kh12"},
    {"title": "Báo cáo tình hình kinh tế - xã hội", "created_on": "05/2019", "art17_point": "đ", "disclosure_forms": ["Cổng thông tin điện tử", "Niêm yết"]},
]


def test_catalog_from_records_reads_values_as_a_spreadsheet_reader_does():
    cat = tiepcan.Catalog.from_records(RECORDS, header={"agency": {"name": "Ủy ban nhân dân xã An Hòa"}})
    assert (cat.kind, len(cat)) == ("disclosure", 2)
    items = cat.items
    assert items[0]["created_on"] == "2025-01-02"
    assert items[0]["number_symbol"]["number"] == "12"
    assert items[1]["created_on"] == "2019-05"
    assert items[1]["art17_point"] == "đ"
    assert items[1]["disclosure_forms"] == ["portal", "posting"]
    assert cat.header["agency"]["name"] == "Ủy ban nhân dân xã An Hòa"
    assert cat.read_diagnostics == [] and "An Hòa" in repr(cat)


def test_catalog_json_round_trip_day_precision():
    cat = tiepcan.Catalog.from_records(RECORDS[:1])
    again = tiepcan.Catalog.from_json(cat.to_json())
    assert again.to_dict() == cat.to_dict()
    assert tiepcan.Catalog.from_json(cat.to_json(indent=True).encode()).to_json() == cat.to_json()
    assert json.loads(cat.to_json())["kind"] == "disclosure"


def test_catalog_json_round_trip_month_precision():
    cat = tiepcan.Catalog.from_records(RECORDS)
    assert tiepcan.Catalog.from_json(cat.to_json()).to_dict() == cat.to_dict()


def test_conditional_catalog():
    cat = tiepcan.Catalog.from_records([{"title": "Hồ sơ giải phóng mặt bằng"}], kind="conditional")
    assert cat.kind == "conditional"
    assert tiepcan.Catalog.from_records([], kind="conditional").kind == "conditional"


def test_bad_cell_is_kept_and_reported_with_its_row_nothing_lost():
    cat = tiepcan.Catalog.from_records([RECORDS[0], {"title": "x", "created_on": "31/02/2019"}])
    (d,) = cat.read_diagnostics
    assert (d.rule, d.row, d.column, d.value) == ("R-READ-DATE", 3, "created_on", "31/02/2019")
    assert cat.items[1]["unparsed"] == {"created_on": "31/02/2019"}
    assert d.message_vi and d.message_en and str(d.citation) == "Decree 13/2018/NĐ-CP, Art. 6(3)"


def test_record_that_is_not_a_mapping():
    with pytest.raises(TypeError, match="record 2"):
        tiepcan.Catalog.from_records([RECORDS[0], ["x"]])


def test_bad_json_has_line_and_column():
    with pytest.raises(tiepcan.ParseError) as e:
        tiepcan.Catalog.from_json('{"kind": "disclosure",\n "items": [}')
    assert (e.value.line, e.value.code) == (2, "unreadable")
    assert e.value.column is not None


def test_json_value_that_does_not_fit_has_a_pointer():
    with pytest.raises(tiepcan.ParseError) as e:
        tiepcan.Catalog.from_json('{"kind": "disclosure", "items": [{"title": "A", "created_on": "31/02/2019"}]}')
    assert e.value.pointer == "/items/0/created_on"


def test_unknown_catalog_kind():
    with pytest.raises(tiepcan.ParseError, match="catalog kind"):
        tiepcan.Catalog.from_records([], kind="secret")
