"""Citations and the rule registry (LAW.md §0 forms, §9 rule ids)."""

from __future__ import annotations

import pytest

import tiepcan


def test_citation_english_and_vietnamese_forms_law_md_0_1():
    c = tiepcan.Citation("law104", 17, clause=1, point="a")
    assert str(c) == "Law 104/2016/QH13, Art. 17(1)(a)"
    assert c.to_vietnamese() == "điểm a khoản 1 Điều 17 Luật Tiếp cận thông tin 2016"
    assert (c.instrument, c.article, c.clause, c.point, c.paragraph) == ("law104", 17, 1, "a", None)


def test_point_dd_is_d_with_stroke_and_sorts_after_d():
    assert tiepcan.Citation("law104", 17, clause=1, point="DD").point == "đ"


def test_citations_are_values():
    a = tiepcan.Citation("decree13", 6, clause=3)
    b = tiepcan.Citation("decree13", 6, clause=3)
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1


@pytest.mark.parametrize("letter", ["f", "j", "w", "z", "ab", ""])
def test_point_letters_outside_the_vietnamese_legal_alphabet_are_refused(letter):
    with pytest.raises(tiepcan.ParseError) as e:
        tiepcan.Citation("law104", 17, clause=1, point=letter)
    assert e.value.code == "point_letter"
    assert e.value.value == letter


def test_unknown_instrument():
    with pytest.raises(tiepcan.ParseError, match="unknown instrument") as e:
        tiepcan.Citation("law999", 1)
    assert e.value.code == "unknown_instrument"


def test_rule_registry_matches_core():
    ids = [r.id for r in tiepcan.rules()]
    assert len(ids) == len(set(ids))
    r = tiepcan.rule("R-NO-FEES")
    assert str(r.citation) == "Law 104/2016/QH13, Art. 12(1)"
    assert r.severity in ("error", "warning", "info")


def test_unknown_rule_raises_rule_error_a_value_error():
    with pytest.raises(ValueError):
        tiepcan.rule("R-DOES-NOT-EXIST")
    with pytest.raises(tiepcan.RuleError) as e:
        tiepcan.rule("R-DOES-NOT-EXIST")
    assert e.value.code == "unknown_rule"
    assert isinstance(e.value, tiepcan.TiepcanError)


def test_fold_key_removes_diacritics_and_d_stroke():
    assert tiepcan.fold_key("Đường dẫn") == "duong dan"
