"""Votes and the HTXSNV quota, at their boundaries (Điều 11, Quy định 366-QĐ/TW; regulations.md §5.2)."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from generator import InputError
from generator.cli import main
from generator.evaluate.group import evaluate_group
from generator.evaluate.quota import apply_quota, quota_max
from generator.evaluate.regime import load_regime
from generator.evaluate.votes import vote_level
from tests.samples import EXAMPLES, example

MEMBERS = load_regime("qd366-2025").subject("ca_nhan")
SPEC = MEMBERS["quota"]
GROUP_DIR = EXAMPLES / "chi-bo-khu-pho-5"


@pytest.mark.parametrize(
    "base, allowed, shown",
    [
        (18, 3, "20% × 18 = 3,6 → tối đa 3 đồng chí"),
        (15, 3, "20% × 15 = 3 → tối đa 3 đồng chí"),
        (14, 2, "20% × 14 = 2,8 → tối đa 2 đồng chí"),
        (4, 0, "20% × 4 = 0,8 → tối đa 0 đồng chí"),
        (0, 0, "20% × 0 = 0 → tối đa 0 đồng chí"),
    ],
)
def test_quota_is_rate_times_httnv_count_rounded_down(base, allowed, shown):
    assert quota_max(SPEC, base, group_size=40)[0::2] == (allowed, shown)


def test_outstanding_unit_rate():
    assert quota_max(SPEC, 18, 40, outstanding=True)[:2] == (4, Fraction(1, 4))  # 25% × 18 = 4,5 → 4


def test_small_chi_bo_rule_replaces_the_rate():
    # Seed 000: "đối với chi bộ có dưới 07 đảng viên thì không quá 01 đồng chí".
    hd27 = load_regime("hd27-2014").subject("ca_nhan")["quota"]
    assert quota_max(hd27, 5, group_size=6)[0::2] == (1, "chi bộ có 6 đảng viên, dưới 7: không quá 1 đồng chí")
    assert quota_max(hd27, 6, group_size=7)[0::2] == (0, "15% × 6 = 0,9 → tối đa 0 đồng chí")
    assert quota_max(hd27, 14, group_size=20)[0] == 2  # 15% × 14 = 2,1 → 2
    assert quota_max(hd27, 14, group_size=20, outstanding=True)[0] == 2  # 20% × 14 = 2,8 → 2


@pytest.mark.parametrize(
    "votes, allowed, selected, tie, cut",
    [
        ([18, 17, 17, 16], 3, [0, 1, 2], [], [3]),  # tie inside the quota: nothing to decide
        ([18, 17, 16, 16], 3, [0, 1], [2, 3], []),  # tie across the last place: reported
        ([18, 16, 16, 16, 15], 2, [0], [1, 2, 3], [4]),
        ([12, 15], 3, [1, 0], [], []),  # fewer candidates than places
        ([12, 15], 0, [], [], [1, 0]),
    ],
)
def test_ranking_and_ties(votes, allowed, selected, tie, cut):
    spec = {**SPEC, "rate": "100%"}
    result = apply_quota(spec, "g", votes, base_count=allowed, group_size=30)
    assert (result.selected, result.tie, result.cut) == (selected, tie, cut)


@pytest.mark.parametrize("yes, level", [(14, "HTTNV"), (15, "HTXSNV")])
def test_more_than_two_thirds_means_strictly_more(yes, level):
    # 21 official members: 14 is exactly 2/3, not "trên 2/3".
    assert vote_level(MEMBERS, {"HTXSNV": yes, "HTTNV": 21 - yes}, 21)[0] == level


def test_at_least_two_thirds_through_a_profile(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(
        "id: p\nregime: qd366-2025\noverrides:\n  subjects:\n    ca_nhan:\n      votes:\n"
        "        levels:\n          HTXSNV: {op: '>=', value: 2/3}\n",
        encoding="utf-8",
    )
    rules = load_regime("qd366-2025", str(path)).subject("ca_nhan")
    level, reasons = vote_level(rules, {"HTXSNV": 14, "HTTNV": 7}, 21)
    assert level == "HTXSNV" and "từ 2/3 trở lên" in reasons[-1].text


def test_votes_for_higher_levels_support_lower_ones():
    assert vote_level(MEMBERS, {"HTXSNV": 6, "HTTNV": 5}, 20)[0] == "HTTNV"  # 11/20 > 1/2 cumulatively
    assert vote_level(MEMBERS, {"HTXSNV": 3, "HTTNV": 3, "HTNV": 3}, 20)[0] is None


def group_doc() -> dict:
    return json.loads((GROUP_DIR / "xep-loai-chi-bo.json").read_text(encoding="utf-8"))


def run_group(doc: dict, profile=None):
    return evaluate_group(doc, GROUP_DIR, profile)


def by_name(result) -> dict:
    return {m["ho_ten"]: m for m in result.as_dict()["members"]}


def test_the_example_chi_bo():
    result = run_group(group_doc())
    data = result.as_dict()
    (quota,) = data["quota"]
    assert set(quota) >= {"group", "base_count", "rate", "max", "selected", "tie"}
    assert quota["base_count"] == 8 and quota["max"] == 1  # 8 rated HTTNV, not 12 members: 20% × 8 = 1,6 → 1
    assert quota["selected"] == ["Nguyễn Văn An"] and quota["tie"] == []
    members = by_name(result)
    assert members["Trần Thị Bình"]["level"] == "HTTNV" and members["Trần Thị Bình"]["quota"] == "cut"
    assert any("20% × 8 = 1,6 → tối đa 1 đồng chí" in r["text"] for r in members["Trần Thị Bình"]["reasons"])
    assert result.problems == []


def test_a_tie_at_the_cut_is_left_to_the_dang_uy():
    doc = group_doc()
    doc["dang_vien"][1]["phieu"] = {"HTXSNV": 15, "HTTNV": 3}  # same as the first
    members = by_name(run_group(doc))
    assert members["Nguyễn Văn An"]["quota"] == members["Trần Thị Bình"]["quota"] == "tie"
    assert members["Lê Hoàng Cường"]["quota"] == "cut"
    assert any("đảng ủy" in r["text"] for r in members["Trần Thị Bình"]["reasons"])


def test_the_vote_can_lower_but_not_raise_a_level():
    doc = group_doc()
    doc["dang_vien"][0]["phieu"] = {"HTXSNV": 10, "HTTNV": 8}  # 10/18 is not > 2/3
    doc["dang_vien"][3]["phieu"] = {"HTXSNV": 18}  # rules say HTTNV (85 points)
    members = by_name(run_group(doc))
    assert members["Nguyễn Văn An"]["level"] == "HTTNV" and members["Nguyễn Văn An"]["vote_level"] == "HTTNV"
    assert members["Phạm Minh Dũng"]["vote_level"] == "HTXSNV" and members["Phạm Minh Dũng"]["level"] == "HTTNV"


def test_no_level_with_enough_votes_means_a_new_vote():
    doc = group_doc()
    doc["dang_vien"][11]["phieu"] = {"HTNV": 9, "KHTNV": 0}  # 9/18 is not > 1/2
    member = by_name(run_group(doc))["Lý Văn Phúc"]
    assert member["level"] is None and "biểu quyết lại" in member["level_label"]


@pytest.mark.parametrize(
    "change, path, reason",
    [
        (lambda d: d["dang_vien"][2].pop("phieu"), "$.dang_vien[2].phieu", "thiếu trường bắt buộc"),
        (
            lambda d: d["dang_vien"][2].update(phieu={"HTXSNV": 19}),
            "$.dang_vien[2].phieu",
            "tổng 19 phiếu nhiều hơn 18",
        ),
    ],
)
def test_vote_problems_name_the_member(change, path, reason):
    doc = group_doc()
    change(doc)
    problems = run_group(doc).problems
    assert any(p.path == path and reason in p.reason for p in problems), problems


def test_member_files_stay_inside_the_folder():
    doc = group_doc()
    doc["dang_vien"][0]["ban_kiem_diem"] = "../ban-tu-kiem-diem-02b.json"
    with pytest.raises(InputError) as err:
        run_group(doc)
    assert err.value.problems[0].path == "$.dang_vien[0].ban_kiem_diem"


def test_missing_member_file_is_named():
    doc = group_doc()
    doc["dang_vien"][0]["ban_kiem_diem"] = "khong-co.json"
    problems = run_group(doc).problems
    assert problems[0].path == "$.dang_vien[0].ban_kiem_diem" and "không tìm thấy tệp" in problems[0].reason


def test_embedded_member_and_its_own_errors_are_prefixed():
    doc = group_doc()
    member = example("02b")
    member["diem"]["ket_qua_nhiem_vu"]["diem"] = 58  # 85 points, HTXSNV proposed
    doc["dang_vien"] = [{"ban_kiem_diem": member, "phieu": {"HTXSNV": 18}}]
    result = run_group(doc)
    assert any(p.path == "$.dang_vien[0].ban_kiem_diem.tu_xep_loai" for p in result.problems)


def test_not_rated_members_need_no_votes_and_stay_out_of_the_quota():
    doc = group_doc()
    member = example("02c")
    member["dang_vien"]["tinh_trang_sinh_hoat"] = "dinh_chi_sinh_hoat"
    member.pop("tu_xep_loai")
    doc["dang_vien"].append({"ban_kiem_diem": member})
    result = run_group(doc)
    assert result.problems == []
    assert by_name(result)["Phạm Thị Hồng Nhung"]["level"] == "NOT_RATED"


def test_cli_classify_group_json(capsys):
    assert main(["classify", str(GROUP_DIR / "xep-loai-chi-bo.json"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["members"]) == 12 and data["quota"][0]["max"] == 1


def test_cli_render_refuses_the_group_form(tmp_path, capsys):
    assert main(["render", str(GROUP_DIR / "xep-loai-chi-bo.json"), "-o", str(tmp_path / "o")]) == 2
    assert "chưa có bản in" in capsys.readouterr().err and not (tmp_path / "o").exists()


def test_a_profile_for_another_regime_is_an_input_error_on_a_list():
    # Found by the property test: without "regime" the list defaults to qd366-2025, but its profile is for qd132-2019.
    doc = json.loads((EXAMPLES / "chi-bo-2021-son-la" / "xep-loai-chi-bo.json").read_text(encoding="utf-8"))
    del doc["regime"]
    with pytest.raises(InputError) as err:
        evaluate_group(doc, EXAMPLES / "chi-bo-2021-son-la")
    assert err.value.problems[0].path == "$.profile" and "dành cho 'qd132-2019'" in err.value.problems[0].reason


def test_a_member_file_of_another_form_is_named_not_crashed_on(tmp_path):
    import shutil

    folder = tmp_path / "chi-bo"
    shutil.copytree(GROUP_DIR, folder)
    shutil.copy(EXAMPLES / "bieu-diem-tccsd-2025.json", folder / "dv-02.json")
    document = json.loads((folder / "xep-loai-chi-bo.json").read_text(encoding="utf-8"))
    result = evaluate_group(document, folder)  # the others are still classified; this one is named
    assert len(result.members) == 11
    [problem] = [p for p in result.problems if p.path.endswith(".form")]
    assert problem.path == "$.dang_vien[1].ban_kiem_diem.form"
    assert problem.reason == "cần một bản tự kiểm điểm (ban-tu-kiem-diem), không phải “bieu-diem-tccsd”"
