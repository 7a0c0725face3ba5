"""Members in 2011 and 2014–2017: rated by the chi bộ's vote within the seeds' conditions."""

from __future__ import annotations

import copy
import json

import pytest

from generator import InputError
from generator.evaluate.group import evaluate_group
from tests.samples import EXAMPLES, example

LIST_2016 = json.loads((EXAMPLES / "chi-bo-2016" / "xep-loai-chi-bo.json").read_text(encoding="utf-8"))


def chi_bo(regime: str, members: list[dict], official: int = 21) -> dict:
    doc = copy.deepcopy(LIST_2016)
    doc.update(
        regime=regime,
        nam=2016 if regime == "hd27-2014" else 2011,
        so_dang_vien_chinh_thuc=official,
        ngay_hop="2016-12-15" if regime == "hd27-2014" else "2011-12-15",
        dang_vien=members,
    )
    return doc


def member(**facts) -> dict:
    return {"ho_ten": "Nguyễn Văn A", "ngay_vao_dang": "2005-05-19", **facts}


def results(doc: dict) -> list[dict]:
    group = evaluate_group(doc, EXAMPLES)
    assert group.problems == [], group.problems
    return group.as_dict()["members"]


def one(regime: str, official: int = 21, **facts) -> dict:
    return results(chi_bo(regime, [member(**facts)], official))[0]


@pytest.mark.parametrize(
    "regime, yes, expected",
    [
        ("hd07-2011", 14, "HTXSNV"),  # 14/21 = 2/3: "được 2/3 trở lên" is enough in 2011
        ("hd07-2011", 13, "HTTNV"),
        ("hd27-2014", 14, "HTTNV"),  # 2014 wants "trên 2/3": exactly 2/3 is not enough
        ("hd27-2014", 15, "HTXSNV"),
    ],
)
def test_exactly_two_thirds_under_2011_and_2014(regime, yes, expected):
    votes = {"HTXSNV": yes, "HTTNV": 21 - yes}
    assert one(regime, phieu=votes, cong_chuc={"xep_loai": "HTXSNV"})["vote_level"] == expected


def test_2011_members_keep_their_old_names():
    assert one("hd07-2011", phieu={"HTNV": 21})["level_label"] == "Đủ tư cách, hoàn thành nhiệm vụ"
    alone = one("hd07-2011", phieu={"HTXSNV": 21})  # 15% × 0 HTTNV = 0 places: cut to the next level
    assert alone["quota"] == "cut" and alone["level_label"] == "Đủ tư cách, hoàn thành tốt nhiệm vụ"


@pytest.mark.parametrize(
    "work, expected",
    [
        ({"xep_loai": "HTXSNV"}, "HTXSNV"),
        ({"xep_loai": "HTTNV", "danh_hieu": True}, "HTXSNV"),  # proposed Chiến sỹ thi đua cơ sở or a bằng khen
        ({"xep_loai": "HTTNV"}, "HTTNV"),
        ({"xep_loai": "HTNV"}, "HTNV"),
        ({"xep_loai": "KHTNV"}, "KHTNV"),
    ],
)
def test_2014_civil_servant_rating_caps_the_party_rating(work, expected):
    assert one("hd27-2014", phieu={"HTXSNV": 21}, cong_chuc=work)["level"] == expected


def test_2014_members_outside_the_civil_service_are_not_capped():
    assert one("hd27-2014", phieu={"HTXSNV": 21})["level"] == "HTXSNV"


@pytest.mark.parametrize("months, expected", [(2.9, "HTXSNV"), (3, "HTNV")])
def test_2014_sick_leave_of_three_months_caps_at_htnv(months, expected):
    assert one("hd27-2014", phieu={"HTXSNV": 21}, nghi_om_thang=months)["level"] == expected


@pytest.mark.parametrize("admitted, expected", [("2016-06-15", "HTXSNV"), ("2016-06-16", "NOT_RATED")])
def test_2014_new_members_under_six_months_are_not_rated(admitted, expected):
    assert one("hd27-2014", phieu={"HTXSNV": 21}, ngay_vao_dang=admitted)["level"] == expected


def test_2011_away_three_months_or_retired_is_htnv():
    assert one("hd07-2011", phieu={"HTXSNV": 21}, vang_mat_dai_ngay=True)["level"] == "HTNV"


@pytest.mark.parametrize("regime", ["hd07-2011", "hd27-2014"])
def test_discipline_in_the_year_is_khtnv(regime):
    result = one(regime, phieu={"KHTNV": 12, "HTNV": 9}, ky_luat_trong_nam=True)
    assert result["level"] == "KHTNV"
    assert any("kỷ luật" in r["text"] for r in result["reasons"])


def test_the_2016_example_small_chi_bo_and_tie():
    group = evaluate_group(copy.deepcopy(LIST_2016), EXAMPLES / "chi-bo-2016")
    (quota,) = group.as_dict()["quota"]
    assert quota["max"] == 1 and "dưới 7: không quá 1 đồng chí" in quota["computation"]
    assert quota["tie"] == ["Trần Văn Hải", "Nguyễn Thị Mai"] and quota["selected"] == []
    levels = {m["ho_ten"]: m["level"] for m in group.as_dict()["members"]}
    assert levels["Phan Thị Thu"] == "HTNV"  # sick 4 months
    assert levels["Đinh Công Lý"] == "NOT_RATED"  # admitted 4 months before the meeting


def test_seven_members_use_the_rate_not_the_small_rule():
    doc = copy.deepcopy(LIST_2016)
    doc["dang_vien"].append(member(ho_ten="Mai Văn B", cong_chuc={"xep_loai": "HTTNV"}, phieu={"HTTNV": 5}))
    (quota,) = evaluate_group(doc, EXAMPLES).as_dict()["quota"]
    assert quota["computation"] == "15% × 2 = 0,3 → tối đa 0 đồng chí" and quota["max"] == 0


def test_the_regime_decides_what_a_list_entry_needs():
    records_in_2025 = json.loads((EXAMPLES / "chi-bo-khu-pho-5" / "xep-loai-chi-bo.json").read_text(encoding="utf-8"))
    records_in_2025["dang_vien"][0] = member(phieu={"HTXSNV": 18})
    problems = evaluate_group(records_in_2025, EXAMPLES / "chi-bo-khu-pho-5").problems
    assert problems[0].path == "$.dang_vien[0].ban_kiem_diem" and "cần bản tự kiểm điểm" in problems[0].reason
    sheet_in_2014 = chi_bo("hd27-2014", [{"ban_kiem_diem": example("02b"), "phieu": {"HTXSNV": 21}}])
    with pytest.raises(InputError) as err:  # no member left to rate: the whole list is refused
        evaluate_group(sheet_in_2014, EXAMPLES)
    assert err.value.problems[0].path == "$.dang_vien[0]" and "Họ và tên" in err.value.problems[0].reason
