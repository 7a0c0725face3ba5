"""The HTXSNV quota: at most a rate of those rated HTTNV, per quota group.

The base is the number rated HTTNV in the group, never the membership (the most
common mistake, regulations.md §5.2). Candidates are ranked by their votes; when
the last place is tied, the tie is reported and left to the đảng ủy, not broken.
The computation is shown as people check it: "20% × 18 = 3,6 → tối đa 3 đồng chí".
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction

from ..vietnamese import phan_tram, so
from .regime import exact

_ROUNDING = {"floor": math.floor, "ceil": math.ceil, "half_up": lambda x: math.floor(x + Fraction(1, 2))}


@dataclass
class QuotaResult:
    group: str
    base_count: int
    rate: Fraction
    max: int
    selected: list[int] = field(default_factory=list)  # candidate indexes that keep the level
    cut: list[int] = field(default_factory=list)  # over the quota: one level down
    tie: list[int] = field(default_factory=list)  # tied across the last place: for the đảng ủy
    computation: str = ""
    rule: str = ""

    def as_dict(self, names: list[str]) -> dict:
        return {
            "group": self.group,
            "base_count": self.base_count,
            "rate": float(self.rate),
            "max": self.max,
            "selected": [names[i] for i in self.selected],
            "cut": [names[i] for i in self.cut],
            "tie": [names[i] for i in self.tie],
            "computation": self.computation,
            "rule": self.rule,
        }


def quota_max(
    spec: dict, base_count: int, group_size: int, outstanding: bool = False, unit: str = "đồng chí"
) -> tuple[int, Fraction, str]:
    """The most members (``unit``: or "tổ chức") the quota allows, its rate, and the computation in words."""
    rate = exact(spec["rate_outstanding"] if outstanding and "rate_outstanding" in spec else spec["rate"])
    raw = rate * base_count
    allowed = _ROUNDING[spec.get("rounding", "floor")](raw)
    text = f"{phan_tram(rate)} × {base_count} = {so(raw)} → tối đa {allowed} {unit}"
    small = spec.get("small_group")  # seed 000: "chi bộ có dưới 07 đảng viên thì không quá 01 đồng chí"
    if small and group_size < small["members_lt"]:
        allowed = small["max"]
        text = f"chi bộ có {group_size} đảng viên, dưới {small['members_lt']}: không quá {allowed} đồng chí"
    return allowed, rate, text


def apply_quota(
    spec: dict,
    group: str,
    candidate_votes: list,
    base_count: int,
    group_size: int,
    outstanding: bool = False,
    unit: str = "đồng chí",
) -> QuotaResult:
    """Rank candidates by votes (organisations: by score; ties keep input order) and keep at most the quota."""
    allowed, rate, text = quota_max(spec, base_count, group_size, outstanding, unit)
    result = QuotaResult(group, base_count, rate, allowed, computation=text, rule=spec["rule"])
    order = sorted(range(len(candidate_votes)), key=lambda i: -candidate_votes[i])
    if len(order) <= allowed:
        result.selected = order
        return result
    if allowed == 0:
        result.cut = order
        return result
    last = candidate_votes[order[allowed - 1]]
    if candidate_votes[order[allowed]] == last:
        result.selected = [i for i in order if candidate_votes[i] > last]
        result.tie = [i for i in order if candidate_votes[i] == last]
        result.cut = [i for i in order if candidate_votes[i] < last]
    else:
        result.selected, result.cut = order[:allowed], order[allowed:]
    return result
