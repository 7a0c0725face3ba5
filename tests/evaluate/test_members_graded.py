"""Members graded per criterion: Quy định 132 (2019–2022, with Sơn La's profile) and 124 (2023–2024)."""

from __future__ import annotations

import copy
import json

import pytest

from generator import InputError
from generator.evaluate.group import evaluate_group
from tests.samples import EXAMPLES

SON_LA = json.loads((EXAMPLES / "chi-bo-2021-son-la" / "xep-loai-chi-bo.json").read_text(encoding="utf-8"))
Y2023 = json.loads((EXAMPLES / "chi-bo-2023" / "xep-loai-chi-bo.json").read_text(encoding="utf-8"))


def rate(base: dict, official: int = 9, profile_off: bool = False, **entry) -> dict:
    doc = copy.deepcopy(base)
    if profile_off:
        doc.pop("profile", None)
    doc["so_dang_vien_chinh_thuc"] = official
    doc["dang_vien"] = [{"ho_ten": "Lò Văn A", "ngay_vao_dang": "2010-01-01", **entry}]
    group = evaluate_group(doc, EXAMPLES)
    member = group.as_dict()["members"][0]
    expected = [] if member["rule_level"] != "UNDECIDED" else ["$.dang_vien[0].quyet_dinh_xep_loai.xep_loai"]
    assert [p.path for p in group.problems] == expected, (
        group.problems
    )  # undecided: the committee's decision is asked for
    return member


def G132(task, other):
    return {
        "tu_tuong_chinh_tri": other,
        "pham_chat_dao_duc": other,
        "ky_luat_tac_phong": other,
        "ket_qua_nhiem_vu": task,
    }


@pytest.mark.parametrize(
    "task, other, expected",
    [
        ("xuat_sac", "tot", "HTXSNV"),
        ("tot", "xuat_sac", "HTTNV"),  # the task criterion must be Xuất sắc
        ("xuat_sac", "trung_binh", "HTTNV"),  # the rest must be Tốt or better
        ("tot", "trung_binh", "HTTNV"),
        ("trung_binh", "trung_binh", "HTNV"),
        ("trung_binh", "kem", "UNDECIDED"),  # a "Kém" criterion fails HTNV but is no KHTNV ground of HD 21
    ],
)
def test_2019_grades(task, other, expected):
    assert rate(SON_LA, profile_off=True, cap_do=G132(task, other), phieu={"HTXSNV": 9})["rule_level"] == expected


@pytest.mark.parametrize(
    "score, expected", [(90, "HTXSNV"), (89.99, "HTTNV"), (70, "HTTNV"), (69.5, "HTNV"), (50, "HTNV"), (49.9, "KHTNV")]
)
def test_son_la_profile_adds_score_bands(score, expected):
    assert (
        rate(SON_LA, diem=score, cap_do=G132("xuat_sac", "tot"), phieu={"HTXSNV": 9}, phieu_vong_2=9)["rule_level"]
        == expected
    )


def test_son_la_profile_requires_the_score():
    result = rate(SON_LA, cap_do=G132("xuat_sac", "tot"), phieu={"HTXSNV": 9}, phieu_vong_2=9)
    assert result["rule_level"] == "UNDECIDED"  # no score: no band is met, and "dưới 50 điểm" cannot hold either
    assert any("thiếu dữ kiện “tổng điểm”" in r["text"] for r in result["reasons"])
    assert rate(SON_LA, profile_off=True, cap_do=G132("xuat_sac", "tot"), phieu={"HTXSNV": 9})["rule_level"] == "HTXSNV"


@pytest.mark.parametrize("yes, expected", [(6, "HTTNV"), (7, "HTXSNV")])
def test_son_la_more_than_two_thirds(yes, expected):
    # 6/9 is exactly 2/3: "trên 2/3" is not met.
    votes = {"HTXSNV": yes, "HTTNV": 9 - yes}
    assert rate(SON_LA, diem=95, cap_do=G132("xuat_sac", "tot"), phieu=votes, phieu_vong_2=9)["vote_level"] == expected


@pytest.mark.parametrize("second, expected", [(6, "HTTNV"), (7, "HTXSNV")])
def test_son_la_second_round_on_htxsnv(second, expected):
    # Round 1 makes the member a candidate (9/9); round 2 must also be "trên 2/3".
    result = rate(SON_LA, diem=95, cap_do=G132("xuat_sac", "tot"), phieu={"HTXSNV": 9}, phieu_vong_2=second)
    assert result["vote_level"] == expected
    assert any(r["text"].startswith("Biểu quyết vòng 2") for r in result["reasons"])


def test_son_la_second_round_is_required_for_candidates():
    doc = copy.deepcopy(SON_LA)
    del doc["dang_vien"][0]["phieu_vong_2"]
    problems = evaluate_group(doc, EXAMPLES).problems
    assert problems[0].path == "$.dang_vien[0].phieu_vong_2" and "hai vòng" in problems[0].reason


def test_son_la_quota_ranks_by_the_second_round():
    doc = copy.deepcopy(SON_LA)
    doc["dang_vien"][0]["phieu_vong_2"], doc["dang_vien"][1]["phieu_vong_2"] = 7, 9
    (quota,) = evaluate_group(doc, EXAMPLES).as_dict()["quota"]
    assert quota["selected"] == ["Cầm Thị Hoa"] and quota["cut"] == ["Lò Văn Quân"]


def test_son_la_example_quota_on_the_whole_chi_bo():
    group = evaluate_group(copy.deepcopy(SON_LA), EXAMPLES / "chi-bo-2021-son-la").as_dict()
    (quota,) = group["quota"]
    assert quota["computation"] == "20% × 7 = 1,4 → tối đa 1 đồng chí"
    assert quota["selected"] == ["Lò Văn Quân"] and quota["cut"] == ["Cầm Thị Hoa"]
    levels = {m["ho_ten"]: m["rule_level"] for m in group["members"]}
    assert levels["Tòng Văn Sơn"] == "HTTNV"  # rated HTTNV as a viên chức: capped


def test_2019_violation_in_the_year_is_khtnv():
    assert (
        rate(SON_LA, profile_off=True, cap_do=G132("xuat_sac", "tot"), ky_luat_trong_nam=True, phieu={"KHTNV": 9})[
            "level"
        ]
        == "KHTNV"
    )


def G124(task, other):
    return {"pham_chat": other, "thuc_hien_nhiem_vu": task, "cam_ket": other}


@pytest.mark.parametrize("exceeded, expected", [(50, "HTXSNV"), (49.9, "HTTNV")])
def test_2023_needs_half_of_targets_exceeded(exceeded, expected):
    result = rate(
        Y2023,
        official=14,
        cap_do=G124("xuat_sac", "tot"),
        ty_le_chi_tieu=100,
        ty_le_vuot_muc=exceeded,
        phieu={"HTXSNV": 14},
    )
    assert result["rule_level"] == expected


def test_2023_needs_every_target_for_htxsnv():
    result = rate(
        Y2023, official=14, cap_do=G124("xuat_sac", "tot"), ty_le_chi_tieu=99, ty_le_vuot_muc=60, phieu={"HTXSNV": 14}
    )
    assert result["rule_level"] == "HTTNV"


@pytest.mark.parametrize("targets, expected", [(50, "HTTNV"), (49, "KHTNV")])
def test_2023_under_half_of_targets_is_khtnv(targets, expected):
    result = rate(Y2023, official=14, cap_do=G124("tot", "tot"), ty_le_chi_tieu=targets, phieu={"HTTNV": 14})
    assert result["rule_level"] == expected


def test_2023_self_detected_violation_is_not_a_trigger():
    base = dict(cap_do=G124("tot", "tot"), ty_le_chi_tieu=100, phieu={"HTTNV": 14}, ky_luat_trong_nam=True)
    assert rate(Y2023, official=14, **base)["rule_level"] == "KHTNV"
    assert rate(Y2023, official=14, tu_phat_hien_khac_phuc=True, **base)["rule_level"] == "HTTNV"


def test_2023_quota_per_group_of_comparable_positions():
    group = evaluate_group(copy.deepcopy(Y2023), EXAMPLES / "chi-bo-2023").as_dict()
    quotas = {q["group"]: q for q in group["quota"]}
    assert quotas["Lãnh đạo, quản lý"]["max"] == 0 and quotas["Lãnh đạo, quản lý"]["cut"] == ["Nguyễn Hữu Phước"]
    assert quotas["Chuyên viên"]["computation"] == "20% × 5 = 1 → tối đa 1 đồng chí"
    assert quotas["Chuyên viên"]["selected"] == ["Phí Thị Lan"] and quotas["Chuyên viên"]["cut"] == ["Kiều Văn Nam"]


def test_grades_must_cover_the_regime_criteria():
    doc = copy.deepcopy(Y2023)
    doc["dang_vien"][0]["cap_do"] = {"pham_chat": "tot", "tu_tuong_chinh_tri": "tot"}
    problems = {p.path: p.reason for p in evaluate_group(doc, EXAMPLES).problems}
    assert "tiêu chí “tu_tuong_chinh_tri” không có" in problems["$.dang_vien[0].cap_do.tu_tuong_chinh_tri"]
    assert "thiếu mức đánh giá" in problems["$.dang_vien[0].cap_do.thuc_hien_nhiem_vu"]
    assert "$.dang_vien[0].cap_do.lanh_dao_quan_ly" not in problems  # only for members holding a post


def test_an_unknown_grade_is_a_schema_error():
    doc = copy.deepcopy(Y2023)
    doc["dang_vien"][0]["cap_do"]["pham_chat"] = "gioi"
    with pytest.raises(InputError) as err:
        evaluate_group(doc, EXAMPLES)
    assert err.value.problems[0].path == "$.dang_vien[0].cap_do.pham_chat"


DECIDED = {"xep_loai": "HTNV", "can_cu": "Kết luận số 05-KL/ĐU ngày 20/12/2021 của Ban Thường vụ Đảng ủy xã"}


def test_a_committee_decision_gives_the_level_the_rules_leave_open_and_cites_its_basis():
    result = rate(
        SON_LA, profile_off=True, cap_do=G132("trung_binh", "kem"), phieu={"HTNV": 9}, quyet_dinh_xep_loai=DECIDED
    )
    assert result["rule_level"] == "HTNV" and result["level"] == "HTNV"
    assert result["decision"] == {"level": "HTNV", "basis": DECIDED["can_cu"]}
    assert "Kết luận số 05-KL/ĐU" in result["reasons"][-1]["text"] or any(
        "05-KL/ĐU" in r["text"] for r in result["reasons"]
    )


def test_a_committee_decision_where_the_rules_decide_is_refused():
    doc = copy.deepcopy(SON_LA)
    doc.pop("profile", None)
    doc["dang_vien"] = [
        {
            "ho_ten": "Lò Văn A",
            "ngay_vao_dang": "2010-01-01",
            "cap_do": G132("tot", "tot"),
            "phieu": {"HTTNV": 9},
            "quyet_dinh_xep_loai": DECIDED,
        }
    ]
    problems = evaluate_group(doc, EXAMPLES).problems
    assert [p.path for p in problems] == ["$.dang_vien[0].quyet_dinh_xep_loai"]
    assert "Hoàn thành tốt nhiệm vụ" in problems[0].reason


# ------------------------------------------------------------------ HD 21 Mục II tiểu mục 6 (2019–2022)
@pytest.mark.parametrize("admitted, expected", [("2021-06-11", "NOT_RATED"), ("2021-06-10", "HTXSNV")])
def test_2019_members_admitted_less_than_6_months_before_are_not_rated(admitted, expected):
    # the meeting is on 10/12/2021: admitted 11/6/2021 is 5 full months, 10/6/2021 exactly 6
    result = rate(SON_LA, profile_off=True, cap_do=G132("xuat_sac", "tot"), phieu={"HTXSNV": 9}, ngay_vao_dang=admitted)
    assert result["rule_level"] == expected


@pytest.mark.parametrize("months, expected", [(2.9, "HTXSNV"), (3, "HTNV")])
def test_2019_sick_leave_of_3_months_caps_the_level_below_httnv(months, expected):
    result = rate(SON_LA, profile_off=True, cap_do=G132("xuat_sac", "tot"), phieu={"HTXSNV": 9}, nghi_om_thang=months)
    assert result["rule_level"] == expected
    if expected == "HTNV":
        assert any(
            "từ 03 tháng" not in r["text"] and "dưới 3 tháng" in r["text"] and r["level"] == "HTTNV"
            for r in result["reasons"]
        )


def test_2019_maternity_leave_is_rated_on_the_time_actually_worked():
    result = rate(SON_LA, profile_off=True, cap_do=G132("xuat_sac", "tot"), phieu={"HTXSNV": 9}, nghi_thai_san=True)
    assert result["rule_level"] == "HTXSNV"
    assert any(
        "thời gian làm việc thực tế" in r["text"] and "Hướng dẫn 21-HD/BTCTW" in r["rule"] for r in result["reasons"]
    )
