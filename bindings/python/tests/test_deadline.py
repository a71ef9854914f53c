"""Deadlines: every row of shared/data/deadlines/cases.csv, and the same
answers as the CLI (`tiepcan deadline --format json`)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import pathlib
import subprocess

import pytest

import tiepcan

D = dt.date
DATA = pathlib.Path(__file__).parent / "data"


def _cases():
    with open(DATA / "cases.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


CASES = _cases()


@pytest.mark.parametrize("c", CASES, ids=[f"{c['id']}-{c['milestone']}" for c in CASES])
def test_worked_case(c):
    s = tiepcan.deadline(D.fromisoformat(c["received"]), c["channel"], complex=c["complexity"] == "complex")
    m = s.milestone(c["milestone"])
    assert m is not None, [x.kind for x in s.milestones]
    assert m.due.isoformat() == c["expected_due"], c["note"]
    assert s.regime == c["regime"]
    assert m.provisional == (c["provisional"] == "true")


def _cli_json(cli, *args):
    r = subprocess.run([cli, "deadline", *args, "--format", "json"], capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


REQUESTS = sorted({(c["received"], c["channel"], c["complexity"]) for c in CASES})


@pytest.mark.parametrize("received,channel,complexity", REQUESTS)
def test_same_answers_as_the_cli(cli, received, channel, complexity):
    args = ["--received", received, "--channel", channel.replace("_", "-"), "--today", "2026-11-29"]
    if complexity == "complex":
        args.append("--complex")
    j = _cli_json(cli, *args)
    s = tiepcan.deadline(D.fromisoformat(received), channel, complex=complexity == "complex", today=D(2026, 11, 29))
    assert s.regime == j["regime"] and s.receipt_date.isoformat() == j["receipt_date"]
    assert (s.channel, s.complexity, s.calendar_version) == (j["channel"], j["complexity"], j["calendar_version"])
    py = [(m.kind, m.due.isoformat(), m.limit, m.unit, str(m.citation), m.provisional) for m in s.milestones]
    cl = [(m["kind"], m["due"], m["limit"]["value"], m["limit"]["unit"], m["citation"], m["provisional"]) for m in j["milestones"]]
    assert py == cl
    assert [(k.date.isoformat(), str(k).split(" ", 1)[1]) for k in s.skipped] == [(k["date"], k["reason"]) for k in j["skipped"]]
    assert [f.rule for f in s.findings] == [f["rule"] for f in j["findings"]]
    assert [{k: v for k, v in st.items()} for st in s.statuses] == j["status"]


def test_received_as_datetime_is_vietnamese_time():
    utc = dt.timezone.utc
    # 20:30 UTC on the 23rd is 03:30 on the 24th in Vietnam.
    s = tiepcan.deadline(dt.datetime(2025, 1, 23, 20, 30, tzinfo=utc), "postal")
    assert s.receipt_date == D(2025, 1, 24)
    assert tiepcan.deadline("2025-01-23T20:30:00Z", "postal").receipt_date == D(2025, 1, 24)
    assert tiepcan.deadline(dt.datetime(2025, 1, 23, 20, 30), "postal").receipt_date == D(2025, 1, 23)


def test_channel_spellings():
    a = tiepcan.deadline(D(2025, 3, 3), "in-person")
    b = tiepcan.deadline(D(2025, 3, 3), "in_person")
    assert a.channel == b.channel == "in_person"


def test_unknown_channel_is_a_parse_error():
    with pytest.raises(tiepcan.ParseError) as e:
        tiepcan.deadline(D(2025, 3, 3), "pigeon")
    assert (e.value.code, e.value.value) == ("unknown_channel", "pigeon")


def test_before_the_law_there_is_no_deadline():
    with pytest.raises(tiepcan.DeadlineError) as e:
        tiepcan.deadline(D(2018, 6, 29), "postal")
    assert e.value.code == "no_regime" and e.value.date == D(2018, 6, 29)


def test_strict_regime_refuses_unverified_values():
    with pytest.raises(tiepcan.DeadlineError) as e:
        tiepcan.deadline(D(2026, 9, 3), "electronic", strict_regime=True)
    assert e.value.code == "regime_unknown"


def test_bad_received_text_and_options():
    with pytest.raises(tiepcan.ParseError) as e:
        tiepcan.deadline("hôm qua", "postal")
    assert e.value.code == "bad_received"
    with pytest.raises(tiepcan.ParseError):
        tiepcan.deadline(D(2025, 3, 3), "postal", days_reading="moon")
    with pytest.raises(tiepcan.ParseError):
        tiepcan.deadline(D(2025, 3, 3), "postal", regime="1999")


def test_missing_rule_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        tiepcan.deadline(D(2025, 3, 3), "postal", rules=tmp_path / "rules.csv")


def test_status_and_explain():
    s = tiepcan.deadline(D(2025, 1, 24), "postal", complex=True)
    st = s.status(D(2025, 2, 6))
    assert st[0] == {"state": "overdue", "working_days": 1, "calendar_days": 1, "kind": "notify_timeline"}
    assert s.statuses is None
    text = s.explain("en")
    assert "2025-02-05" in text and "Tết Âm lịch (Mùng 1)" in text
    assert "Điều 31" in s.explain()


def test_custom_calendar_is_used(tmp_path):
    f = tmp_path / "o.csv"
    # A made-up day off on the due date moves it (test data, not a real notice).
    f.write_text("date,kind,name,document\n2027-03-03,holiday,Ngày thử,Test\n", encoding="utf-8")
    cal = tiepcan.WorkingCalendar(f)
    base = tiepcan.deadline(D(2027, 3, 1), "electronic").milestones[0].due
    moved = tiepcan.deadline(D(2027, 3, 1), "electronic", calendar=cal).milestones[0].due
    assert moved > base


def test_extension_days_and_cli_agree(cli):
    s = tiepcan.deadline(D(2025, 1, 24), "postal", complex=True, extension_days=5)
    j = _cli_json(cli, "--received", "2025-01-24", "--channel", "postal", "--complex", "--extension-days", "5")
    assert [m.due.isoformat() for m in s.milestones] == [m["due"] for m in j["milestones"]]
    # 5 calendar days from Fri 21 Feb is Wed 26 Feb.
    assert s.milestone("extended_provide_or_refuse").due == D(2025, 2, 26)


def test_receipt_on_a_day_off_moves_day_0_under_next_working_day():
    s = tiepcan.deadline(D(2025, 1, 25), "electronic", receipt="next-working-day")
    assert s.receipt_date == D(2025, 2, 3)  # Saturday before Tết → first working day after it
    assert tiepcan.deadline(D(2025, 1, 25), "electronic").receipt_date == D(2025, 1, 25)


def test_late_arrival_after_office_hours():
    late = tiepcan.deadline(dt.datetime(2025, 3, 3, 17, 30), "electronic", receipt="next_working_day", office_close=dt.time(17, 0))
    assert late.receipt_date == D(2025, 3, 4)


def test_deadlines_batch_matches_single_calls():
    rows = [(D.fromisoformat(c["received"]), c["channel"], c["complexity"] == "complex") for c in CASES]
    many = tiepcan.deadlines([r for r, _, _ in rows], [c for _, c, _ in rows], [x for _, _, x in rows], today=D(2026, 11, 29))
    for (r, c, x), got in zip(rows, many):
        one = tiepcan.deadline(r, c, complex=x, today=D(2026, 11, 29))
        assert got.to_dict() == one.to_dict() and got.statuses == one.statuses
    assert [d.channel for d in tiepcan.deadlines([D(2025, 3, 3)] * 2, "fax")] == ["fax", "fax"]


def test_deadlines_batch_errors_name_the_position():
    with pytest.raises(tiepcan.DeadlineError) as e:
        tiepcan.deadlines([D(2025, 3, 3), D(2018, 1, 2)], "postal")
    assert e.value.index == 1 and e.value.code == "no_regime"
    with pytest.raises(tiepcan.ParseError) as e2:
        tiepcan.deadlines([D(2025, 3, 3)] * 2, ["postal", "pigeon"])
    assert e2.value.index == 1
    with pytest.raises(ValueError, match="channel has 1 items for 2 requests"):
        tiepcan.deadlines([D(2025, 3, 3)] * 2, ["postal"])


def test_deadlines_without_explanations_gives_the_same_dues():
    days = [D(2025, 1, 24), D(2024, 5, 20)]
    a = tiepcan.deadlines(days, "postal", True, explain=False)
    b = tiepcan.deadlines(days, "postal", True)
    assert [[m.due for m in x.milestones] for x in a] == [[m.due for m in x.milestones] for x in b]
    assert all(m.skipped == [] for x in a for m in x.milestones)
