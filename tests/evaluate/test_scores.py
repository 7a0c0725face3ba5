"""Parts within their maxima; a local rubric whose maxima and scores add up."""

from __future__ import annotations

import pytest

from generator import InputError, evaluate, validate
from tests.samples import example


def problems_of(doc: dict) -> list[str]:
    with pytest.raises(InputError) as err:
        evaluate(validate(doc))
    return [str(p) for p in err.value.problems]


def test_total_is_the_sum_of_parts():
    doc = example("02a")
    result = evaluate(validate(doc))
    assert float(result.score) == 28 + 63.5
    assert result.as_dict()["score"] == 91.5 and result.as_dict()["max_score"] == 100


@pytest.mark.parametrize("part, value, maximum", [("tieu_chi_chung", 31, 30), ("ket_qua_nhiem_vu", 70.5, 70)])
def test_a_part_above_its_maximum_is_named(part, value, maximum):
    doc = example("02c")
    doc["diem"][part]["diem"] = value
    found = problems_of(doc)
    assert len(found) == 1
    assert f"($.diem.{part}.diem)" in found[0]
    assert f"vượt quá điểm tối đa {maximum}" in found[0]


def test_part_at_its_maximum_is_fine():
    doc = example("02c")
    doc["diem"]["tieu_chi_chung"]["diem"] = 30
    evaluate(validate(doc))


def test_rubric_maxima_must_add_up_to_the_part():
    doc = example("02b")
    doc["diem"]["tieu_chi_chung"]["tieu_chi"][0]["diem_toi_da"] = 12
    found = problems_of(doc)
    assert any(
        "($.diem.tieu_chi_chung.tieu_chi)" in f and "tổng điểm tối đa các tiêu chí là 32, phải bằng 30" in f
        for f in found
    )


def test_rubric_scores_must_add_up_to_the_part_score():
    doc = example("02b")
    doc["diem"]["tieu_chi_chung"]["tieu_chi"][2]["diem"] = 7
    found = problems_of(doc)
    assert any("tổng điểm các tiêu chí là 26, khác điểm đã ghi 27" in f for f in found)


def test_criterion_above_its_maximum_is_named():
    doc = example("02b")
    rubric = doc["diem"]["tieu_chi_chung"]["tieu_chi"]
    rubric[1]["diem"], rubric[2]["diem"] = 11, 6
    found = problems_of(doc)
    assert any("($.diem.tieu_chi_chung.tieu_chi[1].diem)" in f and "vượt quá điểm tối đa 10" in f for f in found)


def test_nested_rubric_is_checked_at_every_level():
    doc = example("02b")
    doc["diem"]["tieu_chi_chung"]["tieu_chi"][0]["tieu_chi"] = [
        {"ten": "Chính trị", "diem_toi_da": 5, "diem": 5},
        {"ten": "Đạo đức", "diem_toi_da": 4, "diem": 4},
    ]
    found = problems_of(doc)
    assert any("($.diem.tieu_chi_chung.tieu_chi[0].tieu_chi)" in f and "phải bằng 10" in f for f in found)
    doc["diem"]["tieu_chi_chung"]["tieu_chi"][0]["tieu_chi"][1]["diem_toi_da"] = 5
    doc["diem"]["tieu_chi_chung"]["tieu_chi"][0]["tieu_chi"][1]["diem"] = 5
    assert evaluate(validate(doc)).score == 92


def test_decimal_scores_add_exactly():
    doc = example("02c")
    doc["diem"] = {"tieu_chi_chung": {"diem": 29.9}, "ket_qua_nhiem_vu": {"diem": 60.1}}
    assert evaluate(validate(doc)).score == 90
