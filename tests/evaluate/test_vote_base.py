"""The vote base counted from the list: official members convened, not the probationary, suspended or absent exempt."""

from __future__ import annotations

import copy
import json

import pytest

from generator import load_document
from generator.evaluate import evaluate
from generator.evaluate.group import evaluate_group
from generator.validate import validate
from tests.samples import EXAMPLES

TALLY = load_document(EXAMPLES / "bien-ban-kiem-phieu-2025.json")
CHI_BO = EXAMPLES / "chi-bo-khu-pho-5"


def roster(official: int, **others: int) -> list[dict]:
    """``official`` ordinary official members voted on, then the others listed for the base only."""
    members = [
        {"ho_ten": f"Đảng viên {i:02d}", "tu_cach": "chinh_thuc", "phieu": {"HTTNV": 0}} for i in range(official)
    ]
    extra = {
        "du_bi": {"tu_cach": "du_bi", "phieu": {"HTTNV": 0}},
        "mien_vang_mat": {"tu_cach": "chinh_thuc", "tinh_trang_sinh_hoat": "mien_cong_tac_sinh_hoat", "co_mat": False},
        "mien_co_mat": {"tu_cach": "chinh_thuc", "tinh_trang_sinh_hoat": "mien_cong_tac_sinh_hoat", "co_mat": True},
        "dinh_chi": {"tu_cach": "chinh_thuc", "tinh_trang_sinh_hoat": "dinh_chi_sinh_hoat", "co_mat": True},
    }
    for kind, n in others.items():
        members += [{"ho_ten": f"{kind} {i}", "phieu": {}, **extra[kind]} for i in range(n)]
    return members


def tally(members: list[dict], typed: int, present: int | None = None) -> dict:
    doc = copy.deepcopy(TALLY)
    doc.update(
        so_dang_vien_chinh_thuc=typed,
        so_phieu_phat_ra=typed,
        so_phieu_thu_vao=typed,
        so_phieu_hop_le=typed,
        dang_vien=members,
    )
    doc["so_co_mat"] = typed if present is None else present
    return doc


@pytest.mark.parametrize(
    "others, base",
    [
        ({}, 10),
        ({"du_bi": 1}, 10),  # probationary: rated, no vote
        ({"mien_vang_mat": 1}, 10),  # exempt and absent: not counted
        ({"mien_co_mat": 1}, 11),  # exempt but present: counted
        ({"dinh_chi": 1}, 10),  # suspended: never counted, even present
        ({"du_bi": 2, "mien_vang_mat": 1, "mien_co_mat": 1, "dinh_chi": 1}, 11),
    ],
)
def test_each_status_counts_or_not(others, base):
    ev = evaluate(validate(tally(roster(10, **others), base)))
    assert ev.problems == [] and ev.voters == base
    assert len(ev.members) == 10 + others.get("du_bi", 0)  # exempt and suspended are not voted on


@pytest.mark.parametrize("typed", [10, 12])  # one fewer and one more than the list gives
def test_a_typed_base_that_disagrees_names_both_numbers(typed):
    ev = evaluate(validate(tally(roster(10, mien_co_mat=1, mien_vang_mat=1), typed)))
    wrong = [p for p in ev.problems if p.path == "$.so_dang_vien_chinh_thuc"]
    assert len(wrong) == 1
    assert f"ghi {typed} nhưng danh sách đảng viên cho 11" in wrong[0].reason
    assert wrong[0].title == "Số đảng viên chính thức được triệu tập (có quyền biểu quyết)"


def test_the_present_count_is_checked_too():
    members = roster(10)
    members[0]["co_mat"] = False
    ev = evaluate(validate(tally(members, 10, present=10)))
    assert [(p.path, "ghi 10 nhưng danh sách đảng viên cho 9" in p.reason) for p in ev.problems] == [
        ("$.so_co_mat", True)
    ]


def test_the_counted_base_decides_the_threshold():
    """12 of 18 is exactly 2/3 (not "trên 2/3"); the 19th listed member is suspended, so 18 is the base."""
    members = roster(18, dinh_chi=1)
    members[0]["phieu"] = {"HTXSNV": 12, "HTTNV": 6}
    members[1]["phieu"] = {"HTXSNV": 13, "HTTNV": 5}
    ev = evaluate(validate(tally(members, 18)))
    assert ev.problems == []
    assert {m.name: m.vote_level for m in ev.members[:2]} == {"Đảng viên 00": "HTTNV", "Đảng viên 01": "HTXSNV"}


def test_a_status_on_some_members_only_is_refused_at_the_first_without():
    members = roster(3)
    del members[1]["tu_cach"]
    ev = evaluate(validate(tally(members, 3)))
    assert [p.path for p in ev.problems] == ["$.dang_vien[1].tu_cach"]
    assert "mọi đảng viên" in ev.problems[0].reason


def test_without_statuses_the_typed_base_is_used():
    members = [{"ho_ten": "Nguyễn Văn An", "phieu": {"HTXSNV": 13, "HTTNV": 5}}]
    ev = evaluate(validate(tally(members, 18)))
    assert ev.problems == [] and ev.voters == 18


def test_a_suspended_member_with_votes_is_refused():
    members = roster(3, dinh_chi=1)
    members[-1]["phieu"] = {"HTTNV": 2}
    ev = evaluate(validate(tally(members, 3)))
    assert [p.path for p in ev.problems] == ["$.dang_vien[3].phieu"]


def _chi_bo(tmp_path, typed: int, status: str | None) -> dict:
    """The Khu phố 5 list with each member's standing; member 1's own form gives ``status``."""
    doc = json.loads((CHI_BO / "xep-loai-chi-bo.json").read_text(encoding="utf-8"))
    for name in {e["ban_kiem_diem"] for e in doc["dang_vien"]}:
        member = json.loads((CHI_BO / name).read_text(encoding="utf-8"))
        if name == doc["dang_vien"][0]["ban_kiem_diem"] and status:
            member["dang_vien"]["tinh_trang_sinh_hoat"] = status
        (tmp_path / name).write_text(json.dumps(member, ensure_ascii=False), encoding="utf-8")
    for entry in doc["dang_vien"]:
        entry["tu_cach"] = "chinh_thuc"
    doc["so_dang_vien_chinh_thuc"] = typed
    return doc


@pytest.mark.parametrize("status, base", [(None, 12), ("dinh_chi_sinh_hoat", 11)])
def test_a_chi_bo_list_takes_the_status_from_each_members_own_form(tmp_path, status, base):
    doc = _chi_bo(tmp_path, base, status)
    ev = evaluate_group(doc, tmp_path)
    assert [p for p in ev.problems if "so_dang_vien_chinh_thuc" in p.path] == []
    doc = _chi_bo(tmp_path, base + 1, status)
    wrong = [p for p in evaluate_group(doc, tmp_path).problems if p.path == "$.so_dang_vien_chinh_thuc"]
    assert len(wrong) == 1 and f"ghi {base + 1} nhưng danh sách đảng viên cho {base}" in wrong[0].reason


def test_render_refuses_a_wrong_base_with_exit_2_and_writes_nothing(tmp_path, capsys):
    from generator.cli import main

    source = tmp_path / "bien-ban.json"
    source.write_text(json.dumps(tally(roster(10, dinh_chi=1), 11), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["render", str(source), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "$.so_dang_vien_chinh_thuc" in err and "ghi 11 nhưng danh sách đảng viên cho 10" in err
    assert not out.exists() or not any(out.iterdir())


def test_a_list_where_nobody_may_vote_is_refused_without_dividing_by_zero():
    members = roster(0, du_bi=2, dinh_chi=1)
    ev = evaluate(validate(tally(members, 2)))
    paths = [p.path for p in ev.problems]
    assert "$.dang_vien" in paths and "$.so_dang_vien_chinh_thuc" in paths


def test_a_profile_counting_on_those_present_takes_the_present_count_from_the_list(tmp_path):
    profile = tmp_path / "co-mat.yaml"
    profile.write_text(
        "id: co-mat\nname: Tính trên số có mặt\nregime: qd366-2025\n"
        "overrides:\n  subjects:\n    ca_nhan:\n      votes:\n        denominator: co_mat\n",
        encoding="utf-8",
    )
    members = roster(10, mien_co_mat=1)
    members[0]["co_mat"] = False
    members[1]["phieu"] = {"HTXSNV": 7, "HTTNV": 3}  # 7/10 > 2/3 on the 10 present; 7/11 would not be
    ev = evaluate(validate(tally(members, 11, present=10)), str(profile))
    assert ev.problems == [] and ev.voters == 10
    assert ev.members[1].vote_level == "HTXSNV"
