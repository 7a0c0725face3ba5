"""The tally sheet judges the meeting's votes by the regime's data: thresholds, second round, quota, ties."""

from __future__ import annotations

import copy

import pytest

from generator import load_document
from generator.errors import InputError
from generator.evaluate import evaluate
from generator.validate import validate
from tests.samples import EXAMPLES

EXAMPLE = load_document(EXAMPLES / "bien-ban-kiem-phieu-2025.json")


def tally(regime: str, voters: int, members: list[dict], profile: str | None = None, **extra) -> dict:
    doc = copy.deepcopy(EXAMPLE)
    doc.update(
        regime=regime,
        so_dang_vien_chinh_thuc=voters,
        so_co_mat=voters,
        so_phieu_phat_ra=voters,
        so_phieu_thu_vao=voters,
        so_phieu_hop_le=voters,
        dang_vien=members,
        **extra,
    )
    if profile:
        doc["profile"] = profile
    return doc


def vote_levels(doc: dict) -> dict[str, str | None]:
    """The level each member's votes reached, before the quota."""
    ev = evaluate(validate(doc))
    assert ev.problems == []
    return {m.name: m.vote_level for m in ev.members}


def member(name: str, **votes) -> dict:
    return {"ho_ten": name, "phieu": votes}


# 18 voters: 2/3 is exactly 12 votes, 1/2 exactly 9.
@pytest.mark.parametrize(
    "regime, votes, expected",
    [
        ("hd07-2011", 12, "HTXSNV"),  # "từ 2/3 trở lên": 12/18 = 2/3 is enough
        ("hd07-2011", 11, "HTTNV"),
        ("hd27-2014", 12, "HTTNV"),  # "trên 2/3": 12/18 is not enough
        ("hd27-2014", 13, "HTXSNV"),
        ("qd366-2025", 12, "HTTNV"),
        ("qd366-2025", 13, "HTXSNV"),
        ("qd124-2023", 13, "HTXSNV"),
    ],
)
def test_top_level_threshold_at_its_boundary(regime, votes, expected):
    doc = tally(regime, 18, [member("Nguyễn Văn An", HTXSNV=votes, HTTNV=18 - votes)])
    assert vote_levels(doc)["Nguyễn Văn An"] == expected


@pytest.mark.parametrize("votes, expected", [(9, None), (10, "HTTNV")])  # "trên 1/2": 9/18 is not enough
def test_a_level_below_half_is_not_reached(votes, expected):
    doc = tally("qd366-2025", 18, [member("Trần Thị Bình", HTTNV=votes, HTNV=18 - votes)])
    if expected is None:  # HTNV takes 9 + 9 cumulated = 18: the vote lands one level lower
        assert vote_levels(doc)["Trần Thị Bình"] == "HTNV"
    else:
        assert vote_levels(doc)["Trần Thị Bình"] == expected


def test_minimum_votes_are_the_regime_thresholds():
    ev = evaluate(validate(tally("hd07-2011", 18, [member("A", HTTNV=18)])))
    assert ev.minimum == {"HTXSNV": 12, "HTTNV": 10, "HTNV": 10, "KHTNV": 10}
    ev = evaluate(validate(tally("qd366-2025", 18, [member("A", HTTNV=18)])))
    assert ev.minimum["HTXSNV"] == 13


def test_quota_keeps_the_most_voted_and_cuts_the_rest():
    ev = evaluate(validate(EXAMPLE))
    (quota,) = ev.quotas
    names = [m.name for m in ev.members]
    assert quota.computation == "20% × 8 = 1,6 → tối đa 1 đồng chí"
    assert [names[i] for i in quota.selected] == ["Nguyễn Văn An"]
    assert [names[i] for i in quota.cut] == ["Trần Thị Bình", "Lê Hoàng Cường"]
    assert {m.name: m.level for m in ev.members}["Trần Thị Bình"] == "HTTNV"


def test_a_tie_at_the_last_place_is_left_to_the_dang_uy():
    members = [
        member("Nguyễn Văn An", HTXSNV=15, HTTNV=3),
        member("Trần Thị Bình", HTXSNV=14, HTTNV=4),
        member("Lê Hoàng Cường", HTXSNV=14, HTTNV=4),
    ]
    members += [
        member(f"Phạm Văn {name}", HTTNV=18)
        for name in ("Dũng", "Giang", "Hải", "Khải", "Lâm", "Minh", "Nam", "Phúc", "Quang", "Sơn")
    ]
    ev = evaluate(validate(tally("qd366-2025", 18, members)))
    (quota,) = ev.quotas
    assert quota.max == 2  # 20% × 10 = 2
    names = [m.name for m in ev.members]
    assert [names[i] for i in quota.selected] == ["Nguyễn Văn An"]
    assert sorted(names[i] for i in quota.tie) == ["Lê Hoàng Cường", "Trần Thị Bình"]
    assert quota.cut == []
    tied = next(m for m in ev.members if m.name == "Trần Thị Bình")
    assert tied.quota == "tie" and "do đảng ủy xem xét, quyết định" in tied.reasons[-1].text


def test_a_small_chi_bo_keeps_at_most_one_in_2016():
    members = [
        member("Trần Văn Hải", HTXSNV=5),
        member("Nguyễn Thị Mai", HTXSNV=4, HTTNV=1),
        member("Lê Quốc Bảo", HTTNV=5),
        member("Võ Minh Tâm", HTTNV=5),
    ]
    ev = evaluate(validate(tally("hd27-2014", 5, members)))
    (quota,) = ev.quotas
    assert quota.max == 1 and "dưới 7" in quota.computation
    assert len(quota.selected) == 1 and len(quota.cut) == 1


def test_the_second_round_of_a_profile_decides_and_ranks():
    members = [
        {"ho_ten": "Lò Văn Quân", "phieu": {"HTXSNV": 9}, "phieu_vong_2": 9},
        {"ho_ten": "Cầm Thị Hoa", "phieu": {"HTXSNV": 9}, "phieu_vong_2": 6},  # 6/9 is not "trên 2/3"
        {"ho_ten": "Tòng Văn Sơn", "phieu": {"HTTNV": 9}},
    ]
    members += [{"ho_ten": f"Quàng Văn {n}", "phieu": {"HTTNV": 9}} for n in ("Ánh", "Bình", "Chứ")]
    ev = evaluate(validate(tally("qd132-2019", 9, members, profile="son-la-2021")))
    result = {m.name: m.level for m in ev.members}
    assert result["Lò Văn Quân"] == "HTXSNV" and result["Cầm Thị Hoa"] == result["Tòng Văn Sơn"] == "HTTNV"
    assert ev.quotas[0].computation == "20% × 5 = 1 → tối đa 1 đồng chí"
    assert ev.minimum["vong_2"] == 7
    assert any(
        "Biểu quyết vòng 2" in r.text and "chưa đạt" in r.text
        for r in next(m for m in ev.members if m.name == "Cầm Thị Hoa").reasons
    )


def test_a_missing_second_round_is_named():
    members = [{"ho_ten": "Lò Văn Quân", "phieu": {"HTXSNV": 9}}]
    ev = evaluate(validate(tally("qd132-2019", 9, members, profile="son-la-2021")))
    assert [p.path for p in ev.problems] == ["$.dang_vien[0].phieu_vong_2"]


def test_votes_above_the_valid_ballots_are_refused():
    doc = tally("qd366-2025", 18, [member("Nguyễn Văn An", HTXSNV=10, HTTNV=8)])
    doc["so_phieu_hop_le"] = 17
    ev = evaluate(validate(doc))
    assert [str(p) for p in ev.problems] == [
        "Đảng viên › Kết quả biểu quyết ($.dang_vien[0].phieu): tổng 18 phiếu nhiều hơn 17 phiếu hợp lệ"
    ]


def test_counts_cannot_grow_along_the_count():
    doc = copy.deepcopy(EXAMPLE)
    doc["so_phieu_thu_vao"] = 19
    with pytest.raises(InputError) as error:
        validate(doc)
    assert any(p.path == "$.so_phieu_thu_vao" and p.title == "Số phiếu thu vào" for p in error.value.problems)
