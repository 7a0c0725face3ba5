"""A ballot's boxes and, in round 2, its number of places come from the regime's data."""

from __future__ import annotations

import pytest

from generator.errors import InputError
from generator.evaluate import evaluate
from generator.validate import validate

BASE = {
    "form": "phieu-bieu-quyet",
    "nam": 2025,
    "dang_bo": "Đảng bộ phường Ba Đình",
    "chi_bo": "Chi bộ Khu phố 5",
    "dang_vien": ["Nguyễn Văn An", "Trần Thị Bình"],
}


def ballot(**changes) -> dict:
    return {**BASE, **changes}


@pytest.mark.parametrize(
    "regime, top",
    [
        ("hd07-2011", "Đủ tư cách, hoàn thành xuất sắc nhiệm vụ"),
        ("hd27-2014", "Hoàn thành xuất sắc nhiệm vụ"),
        ("qd366-2025", "Hoàn thành xuất sắc nhiệm vụ"),
    ],
)
def test_round_one_has_a_box_per_level_of_the_regime(regime, top):
    ev = evaluate(validate(ballot(regime=regime, nam=2016)))
    assert len(ev.levels) == 4 and ev.levels[0] == ("HTXSNV", top) and ev.places is None


@pytest.mark.parametrize(
    "changes, places",
    [
        ({"co_so_ty_le": 8, "so_dang_vien_chi_bo": 12}, 1),  # 20% × 8 = 1,6 → 1
        ({"co_so_ty_le": 8, "so_dang_vien_chi_bo": 12, "don_vi_tieu_bieu": True}, 2),  # 25% × 8 = 2
        ({"co_so_ty_le": 10, "so_dang_vien_chi_bo": 12}, 2),
        ({"so_cho": 3}, 3),  # the committee's own number
    ],
)
def test_round_two_places(changes, places):
    ev = evaluate(validate(ballot(vong=2, **changes)))
    assert ev.problems == [] and ev.places == places


def test_round_two_places_in_a_small_chi_bo_of_2016():
    ev = evaluate(validate(ballot(regime="hd27-2014", nam=2016, vong=2, co_so_ty_le=4, so_dang_vien_chi_bo=6)))
    assert ev.places == 1 and "dưới 7" in ev.reasons[0].text


def test_round_two_without_places_is_an_error_naming_the_field():
    ev = evaluate(validate(ballot(vong=2)))
    assert [p.path for p in ev.problems] == ["$.co_so_ty_le"]


def test_round_one_refuses_round_two_fields():
    ev = evaluate(validate(ballot(so_cho=2)))
    assert [str(p) for p in ev.problems] == [
        "Số đảng viên được chọn tối đa (vòng 2) ($.so_cho): chỉ dùng cho phiếu vòng 2 (vong: 2)"
    ]


def test_a_ballot_without_any_row_is_refused():
    ev = evaluate(validate(ballot(dang_vien=[])))
    assert [p.path for p in ev.problems] == ["$.dang_vien"]


def test_a_bad_round_is_named_with_its_title():
    with pytest.raises(InputError) as error:
        validate(ballot(vong=3))
    assert error.value.problems[0].path == "$.vong" and error.value.problems[0].title == "Vòng biểu quyết"
