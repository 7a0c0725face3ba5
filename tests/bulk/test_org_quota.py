"""The HTXSNV quota for collectives (QĐ 366 Điều 11 "tập thể, cá nhân"): at most 20 % of the
collectives rated HTTNV among those of comparable position, ranked by score, ties reported."""

from __future__ import annotations

import pytest

from generator.bulk.plan import Planner
from generator.bulk.runner import build_summary
from generator.bulk.source import open_source
from generator.present.summary import quota_context
from tests.bulk.sample_dang_bo import build, edit

CHI_BO = ("kp5", "kp6", "kp7", "kp8", "kp9", "kp10", "kp11")


def lower_score(d):
    d["diem"]["tieu_chi_chung"]["diem"] = 27
    d["diem"]["tieu_chi_chung"]["tieu_chi"][0]["diem"] = 9  # 90 points: still HTXSNV, one below 91


def good_only(d):
    d["nhiem_vu"]["so_vuot_muc"] = 2  # 2/9 exceeded, under 30 %: HTTNV
    d["tu_xep_loai"] = "HTTNV"


def dang_bo(tmp_path, second=lower_score, good=5):
    """Seven chi bộ trực thuộc of one đảng bộ cơ sở: kp5 (91 points) and kp6 HTXSNV, the rest HTTNV."""
    folder = build(tmp_path / "dang-bo", chi_bo=CHI_BO, scored=CHI_BO)
    edit(folder / "kp6" / "bieu-diem.json", second)
    for ma in CHI_BO[2 : 2 + good]:
        edit(folder / ma / "bieu-diem.json", good_only)
    planner = Planner(open_source(folder))
    list(planner.jobs())
    return planner


def rows(planner):
    return {r["ten"]: r for r in planner.result.organisations}


def test_over_the_quota_the_lower_score_is_rated_httnv(tmp_path):
    planner = dang_bo(tmp_path)
    [quota] = [q for q in planner.result.org_quotas if q["group"].startswith("Chi bộ trực thuộc")]
    assert quota["base_count"] == 5 and quota["limit"] == 1 and quota["candidates"] == 2
    assert quota["computation"] == "20% × 5 = 1 → tối đa 1 tổ chức"
    assert quota["selected"] == ["Chi bộ Khu phố 5"] and quota["cut"] == ["Chi bộ Khu phố 6"]
    by_name = rows(planner)
    assert by_name["Chi bộ Khu phố 6"]["level"] == "HTTNV" and "Vượt tỷ lệ" in by_name["Chi bộ Khu phố 6"]["note"]
    assert by_name["Chi bộ Khu phố 5"]["level"] == "HTXSNV"


def test_a_tie_at_the_last_place_is_left_to_the_competent_committee(tmp_path):
    planner = dang_bo(tmp_path, second=lambda d: None)  # both 91 points
    [quota] = [q for q in planner.result.org_quotas if q["group"].startswith("Chi bộ trực thuộc")]
    assert quota["tie"] == ["Chi bộ Khu phố 5", "Chi bộ Khu phố 6"] and quota["cut"] == []
    assert all(rows(planner)[n]["level"] == "HTXSNV" for n in quota["tie"])


@pytest.mark.parametrize("good, allowed", [(4, 0), (5, 1)])
def test_the_base_is_the_httnv_count_at_the_boundary(tmp_path, good, allowed):
    # 20 % × 4 = 0,8 → 0; 20 % × 5 = 1 → 1 ("không vượt quá", rounded down)
    planner = dang_bo(tmp_path, good=good)
    [quota] = [q for q in planner.result.org_quotas if q["group"].startswith("Chi bộ trực thuộc")]
    assert quota["limit"] == allowed


def test_the_quota_report_prints_the_collectives_quota(tmp_path):
    planner = dang_bo(tmp_path)
    lines = [line for g in quota_context(build_summary(planner))["trinh_bay"]["nhom"] for line in g["dong"]]
    assert "Tỷ lệ tối đa 20%: 20% × 5 = 1 → tối đa 1 tổ chức." in lines
    assert any(
        line.startswith("Vượt tỷ lệ, xếp loại Hoàn thành tốt nhiệm vụ (1 tổ chức): Chi bộ Khu phố 6") for line in lines
    )


def test_the_outstanding_unit_profile_allows_25_percent(tmp_path):
    folder = build(tmp_path / "dang-bo", chi_bo=CHI_BO[:6], scored=CHI_BO[:6])
    edit(folder / "kp6" / "bieu-diem.json", lower_score)
    for ma in CHI_BO[2:6]:
        edit(folder / ma / "bieu-diem.json", good_only)
    planner = Planner(open_source(folder), "don-vi-tieu-bieu-2025")
    list(planner.jobs())
    [quota] = [q for q in planner.result.org_quotas if q["group"].startswith("Chi bộ trực thuộc")]
    assert quota["computation"] == "25% × 4 = 1 → tối đa 1 tổ chức" and quota["cut"] == ["Chi bộ Khu phố 6"]
