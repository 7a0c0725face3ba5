"""Organisations under 2011, 2014 and 2025, at the boundaries the seeds' wording sets."""

from __future__ import annotations

import copy

import pytest

from generator import InputError, evaluate, load_document, prepare, validate
from tests.samples import EXAMPLES

_BASE = {year: load_document(next(EXAMPLES.glob(f"bieu-diem-tccsd-{year}.*"))) for year in (2011, 2014, 2025)}


def org(year: int, **changes) -> dict:
    doc = copy.deepcopy(_BASE[year])
    doc.pop("tu_xep_loai", None)
    for path, value in changes.items():
        node = doc
        keys = path.split("__")
        for key in keys[:-1]:
            node = node.setdefault(key, {})
        node[keys[-1]] = value
    return doc


def level(doc: dict) -> str:
    return evaluate(validate(doc)).level


def scores_2011(total_other: float, hcm: float) -> dict:
    """Six tasks share ``total_other`` in proportion to their maxima; the Hồ Chí Minh task gets ``hcm``."""
    maxima = {
        "nhiem_vu_chinh_tri": 30,
        "giao_duc_chinh_tri_tu_tuong": 15,
        "xay_dung_to_chuc_dang": 15,
        "can_bo_bao_ve_chinh_tri": 10,
        "kiem_tra_giam_sat": 10,
        "to_chuc_chinh_tri_xa_hoi": 5,
    }
    scores = {k: {"diem": round(total_other * m / 85, 2)} for k, m in maxima.items()}
    drift = round(total_other - sum(v["diem"] for v in scores.values()), 2)
    scores["nhiem_vu_chinh_tri"]["diem"] = round(scores["nhiem_vu_chinh_tri"]["diem"] + drift, 2)
    scores["hoc_tap_lam_theo_hcm"] = {"diem": hcm}
    return scores


# ------------------------------------------------------------------ 2011 (seed 004)
@pytest.mark.parametrize(
    "other, hcm, expected",
    [
        (80, 10, "TSVM"),  # 90
        (79.99, 10, "HTTNV"),  # 89,99
        (62, 8, "HTTNV"),  # 70 with exactly 8 on the Hồ Chí Minh task
        (63, 7, "UNDECIDED"),  # 70, but 7 < 8 on the Hồ Chí Minh task: not HTNV, and not Yếu kém (seed 004 §3.4)
        (42, 8, "HTNV"),  # 50
        (41.9, 8, "YEU_KEM"),  # 49,9
    ],
)
def test_2011_bands_and_the_8_point_rule(other, hcm, expected):
    assert level(org(2011, diem=scores_2011(other, hcm))) == expected


@pytest.mark.parametrize("tsvm, htnv, expected", [(6, 3, "TSVM"), (5, 4, "HTTNV")])
def test_2011_dang_bo_needs_two_thirds_of_chi_bo_tsvm(tsvm, htnv, expected):
    # 6/9 is exactly 2/3: "từ 2/3" holds; 5/9 does not.
    assert (
        level(org(2011, thong_ke_to_chuc__so_xep_loai={"TSVM": tsvm, "HTTNV": 0, "HTNV": htnv, "YEU_KEM": 0}))
        == expected
    )


@pytest.mark.parametrize("weak, expected", [(2, "HTTNV"), (3, "YEU_KEM")])
def test_2011_one_third_of_chi_bo_yeu_kem(weak, expected):
    # 3/9 = 1/3: "từ 1/3" makes the đảng bộ yếu kém; 2/9 only costs TSVM (a yếu kém chi bộ).
    counts = {"TSVM": 4, "HTTNV": 2, "HTNV": 3 - weak, "YEU_KEM": weak}
    assert level(org(2011, thong_ke_to_chuc__so_xep_loai=counts)) == expected


@pytest.mark.parametrize("good, expected", [(80, "TSVM"), (79, "HTTNV")])
def test_2011_80_percent_members_good_or_better(good, expected):
    # 100 rated members: 80 "hoàn thành tốt" or better is "từ 80%"; 79 is not.
    counts = {"HTXSNV": 0, "HTTNV": good, "HTNV": 100 - good, "KHTNV": 0}
    assert level(org(2011, thong_ke_dang_vien__so_xep_loai=counts)) == expected


def test_2011_attendance_and_discipline():
    assert level(org(2011, dieu_kien__ty_le_sinh_hoat=79.9)) == "HTTNV"
    assert level(org(2011, dieu_kien__ky_luat_cap_uy=True)) == "HTTNV"
    self_found = evaluate(validate(org(2011, dieu_kien__ky_luat_cap_uy=True, dieu_kien__ky_luat_tu_phat_hien=True)))
    assert self_found.level == "TSVM" and any("tự phát hiện" in r.text for r in self_found.reasons)
    assert level(org(2011, dieu_kien__doan_ket=False)) == "YEU_KEM"


# ------------------------------------------------------------------ 2014 (seed 000)
def test_2014_example_is_httnv_and_says_why_not_tsvm():
    result = evaluate(validate(org(2014)))
    assert result.level == "HTTNV"
    missed = [r.text for r in result.reasons if r.met is False]
    assert any("90 điểm" in t for t in missed) and any("mức cao nhất" in t for t in missed)


def with_2014_score(doc: dict, total: int) -> dict:
    doc["diem"] = {
        "thuc_hien_nhiem_vu_chinh_tri": {"diem": total - 50},
        "chinh_tri_tu_tuong": {"diem": 18},
        "to_chuc_can_bo_xay_dung_dang": {"diem": 14},
        "chinh_quyen_doan_the": {"diem": 10},
        "kiem_tra_giam_sat_ky_luat": {"diem": 8},
    }
    return doc


@pytest.mark.parametrize("htnv, khtnv, expected", [(0, 0, "TSVM"), (0, 1, "HTTNV")])
def test_2014_tsvm_chi_bo_needs_every_member_htnv_or_better(htnv, khtnv, expected):
    doc = with_2014_score(org(2014, dieu_kien__chinh_quyen_doan_the="cao_nhat"), 90)
    doc["thong_ke_dang_vien"]["so_xep_loai"] = {"HTXSNV": 3, "HTTNV": 14, "HTNV": htnv, "KHTNV": khtnv}
    assert level(doc) == expected


@pytest.mark.parametrize("failing, total, expected", [(10, 20, "HTTNV"), (11, 21, "YEU_KEM")])
def test_2014_more_than_half_members_khtnv(failing, total, expected):
    # "trên 1/2": 10/20 is exactly half.
    doc = org(2014)
    doc["thong_ke_dang_vien"]["so_xep_loai"] = {"HTXSNV": 0, "HTTNV": total - failing, "HTNV": 0, "KHTNV": failing}
    assert level(doc) == expected


def test_2014_dang_bo_more_than_a_third_yeu_kem():
    doc = org(2014, loai_to_chuc="dang_bo_co_so")
    doc["thong_ke_to_chuc"] = {"so_xep_loai": {"TSVM": 2, "HTTNV": 2, "HTNV": 0, "YEU_KEM": 2}}  # 2/6 = 1/3
    assert level(doc) == "HTTNV"
    doc["thong_ke_to_chuc"]["so_xep_loai"]["YEU_KEM"] = 3  # 3/7 > 1/3
    assert level(doc) == "YEU_KEM"


@pytest.mark.parametrize(
    "government, expected",
    [("cao_nhat", "HTTNV"), ("thu_hai", "HTTNV"), ("thap_hon", "HTNV"), ("thap_nhat", "YEU_KEM")],
)
def test_2014_government_and_mass_organisations(government, expected):
    assert level(org(2014, dieu_kien__chinh_quyen_doan_the=government)) == expected


@pytest.mark.parametrize("founded, expected", [("2016-06-20", "HTTNV"), ("2016-06-21", "NOT_RATED")])
def test_2014_organisation_founded_less_than_six_months_ago(founded, expected):
    assert level(org(2014, ngay_thanh_lap=founded)) == expected


# ------------------------------------------------------------------ 2025 (Quy định 366-QĐ/TW)
def test_2025_example_and_its_conditions():
    assert level(org(2025)) == "HTXSNV"
    assert level(org(2025, dieu_kien__ky_luat_tap_the=True)) == "HTTNV"
    assert (
        level(org(2025, nhiem_vu={"so_duoc_giao": 10, "so_hoan_thanh": 10, "so_dung_tien_do": 10, "so_vuot_muc": 2}))
        == "HTTNV"
    )
    assert level(org(2025, dieu_kien__doan_ket=False)) == "KHTNV"


@pytest.mark.parametrize("done, expected", [(7, "UNDECIDED"), (6, "KHTNV")])  # 70 % fails HTNV, but is no ground
def test_2025_under_70_percent_of_tasks_is_a_trigger(done, expected):
    result = evaluate(
        validate(
            org(2025, nhiem_vu={"so_duoc_giao": 10, "so_hoan_thanh": done, "so_dung_tien_do": done, "so_vuot_muc": 0})
        )
    )
    assert result.level == expected
    assert any("dưới 70%" in r.text and r.met for r in result.reasons) is (done == 6)


# ------------------------------------------------------------------ names and frames
def test_old_level_names_are_refused_after_2017():
    doc = org(2025)
    doc["tu_xep_loai"] = "TSVM"
    with pytest.raises(InputError) as err:
        prepare(doc)
    assert "mức TSVM không dùng trong Quy định 366-QĐ/TW" in str(err.value)


def test_new_level_names_are_refused_before_2018():
    doc = org(2011)
    doc["tu_xep_loai"] = "HTXSNV"
    with pytest.raises(InputError, match="mức HTXSNV không dùng trong Hướng dẫn 07-HD/BTCTW"):
        prepare(doc)


def test_the_frame_of_the_regime_is_enforced():
    doc = org(2014)
    doc["diem"]["hoc_tap_lam_theo_hcm"] = {"diem": 10}  # a 2011 task in a 2014 sheet
    del doc["diem"]["kiem_tra_giam_sat_ky_luat"]
    with pytest.raises(InputError) as err:
        evaluate(validate(doc))
    paths = [p.path for p in err.value.problems]
    assert "$.diem.hoc_tap_lam_theo_hcm" in paths and "$.diem.kiem_tra_giam_sat_ky_luat" in paths


def test_2011_member_levels_keep_their_old_names():
    context = prepare(load_document(EXAMPLES / "bieu-diem-tccsd-2011.yaml")).context
    assert context["trinh_bay"]["dang_vien"][0]["muc"] == "Đủ tư cách, hoàn thành xuất sắc nhiệm vụ"
    assert context["trinh_bay"]["to_chuc_truc_thuoc"][0]["muc"] == "Trong sạch, vững mạnh"


# ------------------------------------------------------------------ 2019–2024: graded criteria
_GRADED = {name: load_document(EXAMPLES / f"bieu-diem-tccsd-{name}") for name in ("2021-son-la.json", "2023.yaml")}


def graded(name: str, **changes) -> dict:
    doc = copy.deepcopy(_GRADED[name])
    doc.pop("tu_xep_loai", None)
    for key, value in changes.items():
        doc[key] = value
    return doc


SON_LA = "2021-son-la.json"


def test_son_la_organisation_example():
    result = evaluate(validate(graded(SON_LA)))
    assert result.level == "HTXSNV" and result.regime.profile.startswith("Hướng dẫn 02-HD/TU")


@pytest.mark.parametrize(
    "grades, expected",
    [
        (
            {
                "chinh_tri_tu_tuong": "xuat_sac",
                "to_chuc_can_bo": "xuat_sac",
                "nhiem_vu_chinh_tri": "xuat_sac",
                "chinh_quyen_doan_the": "tot",
            },
            "HTXSNV",
        ),
        (
            {
                "chinh_tri_tu_tuong": "xuat_sac",
                "to_chuc_can_bo": "tot",
                "nhiem_vu_chinh_tri": "xuat_sac",
                "chinh_quyen_doan_the": "tot",
            },
            "HTTNV",
        ),
        (
            {
                "chinh_tri_tu_tuong": "tot",
                "to_chuc_can_bo": "tot",
                "nhiem_vu_chinh_tri": "tot",
                "chinh_quyen_doan_the": "trung_binh",
            },
            "HTTNV",
        ),
        (
            {
                "chinh_tri_tu_tuong": "trung_binh",
                "to_chuc_can_bo": "tot",
                "nhiem_vu_chinh_tri": "tot",
                "chinh_quyen_doan_the": "tot",
            },
            "HTNV",
        ),
        (
            {
                "chinh_tri_tu_tuong": "kem",
                "to_chuc_can_bo": "tot",
                "nhiem_vu_chinh_tri": "tot",
                "chinh_quyen_doan_the": "tot",
            },
            "UNDECIDED",
        ),  # "Kém" fails HTNV; no listed KHTNV case
    ],
)
def test_2019_party_building_and_task_criteria(grades, expected):
    assert level(graded(SON_LA, cap_do=grades)) == expected


@pytest.mark.parametrize("good, expected", [(8, "HTXSNV"), (7, "HTTNV")])
def test_son_la_80_percent_of_members_httnv_or_better(good, expected):
    # 10 members: 8 is 80 %, enough for HTXSNV under the Sơn La profile; 7 is not.
    members = {"HTXSNV": 1, "HTTNV": good - 1, "HTNV": 10 - good, "KHTNV": 0}
    assert level(graded(SON_LA, thong_ke_dang_vien={"so_xep_loai": members})) == expected


@pytest.mark.parametrize("failing, expected", [(2, "HTNV"), (3, "KHTNV")])
def test_son_la_more_than_20_percent_members_khtnv(failing, expected):
    # 2/10 = 20 % is not "trên 20%"; 3/10 is. (100 % HTNV is missed either way: at most HTNV.)
    members = {"HTXSNV": 1, "HTTNV": 7 - failing + 2, "HTNV": 0, "KHTNV": failing}
    assert level(graded(SON_LA, thong_ke_dang_vien={"so_xep_loai": members})) == expected


def test_son_la_score_is_required_and_banded():
    assert level(graded(SON_LA, diem={"tong_hop": {"diem": 89.5}})) == "HTTNV"
    doc = graded(SON_LA)
    del doc["diem"]  # the national rules need no points; the Sơn La profile's sheet does
    with pytest.raises(InputError) as err:
        evaluate(validate(doc))
    assert err.value.problems[0].path == "$.diem.tong_hop"


@pytest.mark.parametrize("exceeded, expected", [(6, "HTXSNV"), (5, "HTTNV")])
def test_2023_organisation_needs_half_exceeded(exceeded, expected):
    tasks = {"so_duoc_giao": 12, "so_hoan_thanh": 12, "so_dung_tien_do": 12, "so_vuot_muc": exceeded}
    assert level(graded("2023.yaml", nhiem_vu=tasks)) == expected


def test_graded_sheets_must_grade_every_criterion():
    doc = graded("2023.yaml")
    del doc["cap_do"]["chinh_quyen_doan_the"]
    doc["cap_do"]["hoc_tap_lam_theo_hcm"] = "tot"
    with pytest.raises(InputError) as err:
        evaluate(validate(doc))
    assert {p.path for p in err.value.problems} == {"$.cap_do.chinh_quyen_doan_the", "$.cap_do.hoc_tap_lam_theo_hcm"}


def test_graded_sheet_has_no_score_and_prints_its_grades():
    prepared = prepare(_GRADED["2023.yaml"])
    assert prepared.evaluation.score is None and prepared.context["trinh_bay"]["bang_diem"] == []
    assert [r["muc"] for r in prepared.context["trinh_bay"]["bang_cap_do"]] == ["Xuất sắc", "Tốt", "Xuất sắc", "Tốt"]
    assert prepared.context["trinh_bay"]["tieu_de_muc_i"] == "I. TỰ ĐÁNH GIÁ CÁC TIÊU CHÍ"


@pytest.mark.parametrize("founded, expected", [("2021-06-11", "NOT_RATED"), ("2021-06-10", "HTXSNV")])
def test_2019_organisations_founded_less_than_6_months_before_are_not_rated(founded, expected):
    doc = graded(SON_LA, ngay_thanh_lap=founded, ngay_lap="2021-12-10")
    assert evaluate(validate(doc)).level == expected


# ------------------------------------------------------------------ QĐ 124: a collective's KHTNV grounds
def _with_conditions(**conditions) -> dict:
    doc = graded("2023.yaml")
    doc["dieu_kien"] = {**doc["dieu_kien"], **conditions}
    return doc


@pytest.mark.parametrize("disciplined, expected", [(1, "HTXSNV"), (2, "KHTNV")])
def test_2023_more_than_20_percent_of_sub_units_disciplined_is_a_khtnv_ground(disciplined, expected):
    # the example's đảng bộ has 5 sub-organisations: 1/5 = 20 % is not "trên 20%", 2/5 is
    result = evaluate(validate(_with_conditions(so_to_chuc_truc_thuoc_bi_ky_luat=disciplined)))
    if expected == "KHTNV":
        assert result.level == "KHTNV" and "40%, trên 20%" in result.reasons[0].text
    else:
        assert result.level != "KHTNV"


@pytest.mark.parametrize("ground", [{"tap_the_bi_ky_luat": True}, {"thanh_vien_suy_thoai": True}])
def test_2023_a_disciplined_collective_or_a_degraded_member_is_a_khtnv_ground(ground):
    result = evaluate(validate(_with_conditions(**ground)))
    assert result.level == "KHTNV" and "Điều 12, Quy định 124-QĐ/TW" == result.reasons[0].rule


@pytest.mark.parametrize("self_detected, expected_khtnv", [(False, True), (True, False)])
def test_2023_corruption_self_detected_and_remedied_is_no_automatic_khtnv(self_detected, expected_khtnv):
    result = evaluate(validate(_with_conditions(tham_nhung_ky_luat=True, ky_luat_tu_phat_hien=self_detected)))
    assert (result.level == "KHTNV") is expected_khtnv
    if self_detected:
        assert any("tự phát hiện và đã khắc phục xong hậu quả" in r.text for r in result.reasons)
