"""What an award asks beyond the top level each year, as one table that both checks and describes.

Each condition is keyed as in generator/commendation/khen-thuong.yaml; ``says`` is how
``kiemdiem awards`` describes it, ``year`` why one counted year fails it, ``proposal`` why
the proposal as a whole fails it. A new condition in the data is one row here, so the
description printed for the clerk and the check applied to the tờ trình cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable, NamedTuple

from ..errors import Problem, json_path
from ..vietnamese import ngay_ngan, phan_tram, so
from .facts import add_months
from .regime import exact

_OPS = {">": lambda a, b: a > b, ">=": lambda a, b: a >= b}
_OP_WORDS = {">": "trên", ">=": "từ"}
PAST = "Các lần đã được khen thưởng trước đây"
RESULTS = "Kết quả xếp loại các năm"


class Proposal(NamedTuple):
    """One proposal being checked: its award, its years by number, its earlier awards, where it is."""

    award_id: str
    award: dict
    rows: dict  # year → (index in ket_qua, row)
    years: list[int]
    before: list[dict]
    day: dt.date
    where: list


@dataclass(frozen=True)
class Condition:
    key: str
    says: Callable[[Any], str]
    year: Callable[[Any, dict, int, Callable[[int], str]], list[str]] | None = None  # (value, row, year, title of year)
    proposal: Callable[[Any, Proposal], list[Problem]] | None = None


def _tieu_bieu_year(value, row, year, title) -> list[str]:
    return (
        [f"năm {year} chưa được cấp có thẩm quyền công nhận “{title(year)}” tiêu biểu"]
        if not row.get("tieu_bieu")
        else []
    )


def _score_year(value, row, year, title) -> list[str]:
    if row.get("diem") is None:
        return [f"năm {year}: thiếu điểm tự chấm (cần từ {so(value)} điểm trở lên mỗi năm)"]
    if row["diem"] < value:
        return [f"năm {year} đạt {so(row['diem'])} điểm, cần từ {so(value)} điểm trở lên"]
    return []


def _members_good_year(value, row, year, title) -> list[str]:
    total, ok = row.get("so_dang_vien"), row.get("so_dang_vien_tot_tro_len")
    need = f"{_OP_WORDS[value['op']]} {value['value']}"
    if not total or ok is None:
        return [f"năm {year}: thiếu số đảng viên và số hoàn thành tốt nhiệm vụ trở lên (tỷ lệ cần {need})"]
    if not _OPS[value["op"]](Fraction(ok, total), exact(value["value"])):
        return [f"năm {year} có {phan_tram(Fraction(ok, total))} đảng viên hoàn thành tốt nhiệm vụ trở lên, cần {need}"]
    return []


def _no_failing_year(value, row, year, title) -> list[str]:
    failing = row.get("so_dang_vien_khtnv")
    if failing is None:
        return [f"năm {year}: thiếu số đảng viên không hoàn thành nhiệm vụ (phải không có)"]
    if failing:
        return [f"năm {year} có {so(failing)} đảng viên không hoàn thành nhiệm vụ (phải không có)"]
    return []


def _titles(value, p: Proposal) -> list[Problem]:
    titles = sum(bool(p.rows[y][1].get("chien_si_thi_dua")) for y in p.years if y in p.rows)
    if titles >= value:
        return []
    return [
        Problem(
            json_path(p.where + ["ket_qua"]),
            RESULTS,
            f"trong {p.award['years']} năm ({p.years[0]}–{p.years[-1]}) cần ít nhất {value:02d} lần đạt danh hiệu "
            f"“Chiến sĩ thi đua cơ sở” hoặc tương đương trở lên; có {titles:02d}",
        )
    ]


def _prior(value, p: Proposal) -> list[Problem]:
    if any(b["hinh_thuc"] == value for b in p.before):
        return []
    return [
        Problem(json_path(p.where + ["khen_thuong_truoc"]), PAST, f"hình thức này cần đã được tặng “{value}” trước đó")
    ]


def _wait(value, p: Proposal) -> list[Problem]:
    same = [dt.date.fromisoformat(b["ngay"]) for b in p.before if b["hinh_thuc"] == p.award_id]
    if not same:
        return []
    allowed = add_months(max(same), 12 * value)
    if allowed <= p.day:
        return []
    return [
        Problem(
            json_path(p.where + ["khen_thuong_truoc"]),
            PAST,
            f"đã được tặng hình thức này ngày {ngay_ngan(max(same))}; phải sau {value:02d} năm "
            f"kể từ ngày được khen (từ ngày {ngay_ngan(allowed)}) mới đề nghị",
        )
    ]


# In the order the description lists them and the checks report them.
CONDITIONS = (
    Condition("tieu_bieu", lambda v: "mức cao nhất, được công nhận tiêu biểu mỗi năm", year=_tieu_bieu_year),
    Condition("min_score", lambda v: f"từ {so(v)} điểm trở lên mỗi năm", year=_score_year),
    Condition(
        "members_good",
        lambda v: f"{_OP_WORDS[v['op']]} {v['value']} đảng viên hoàn thành tốt nhiệm vụ trở lên",
        year=_members_good_year,
    ),
    Condition("no_failing_members", lambda v: "không có đảng viên không hoàn thành nhiệm vụ", year=_no_failing_year),
    Condition("titles_min", lambda v: f"ít nhất {v:02d} lần Chiến sĩ thi đua cơ sở", proposal=_titles),
    Condition("prior_award", lambda v: f"đã được tặng “{v}”", proposal=_prior),
    Condition("wait_years", lambda v: f"sau {v:02d} năm kể từ lần khen cùng hình thức", proposal=_wait),
)


def _applies(award: dict, condition: Condition) -> bool:
    """``min_score: 0`` still asks for a score; every other condition applies when truthy."""
    return condition.key in award if condition.key == "min_score" else bool(award.get(condition.key))


def described(award: dict) -> list[str]:
    return [c.says(award[c.key]) for c in CONDITIONS if _applies(award, c)]


def year_reasons(award: dict, row: dict, year: int, title: Callable[[int], str]) -> list[str]:
    return [
        reason for c in CONDITIONS if c.year and _applies(award, c) for reason in c.year(award[c.key], row, year, title)
    ]


def proposal_reasons(proposal: Proposal) -> list[Problem]:
    return [
        p
        for c in CONDITIONS
        if c.proposal and _applies(proposal.award, c)
        for p in c.proposal(proposal.award[c.key], proposal)
    ]
