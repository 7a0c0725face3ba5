"""The HTXSNV quota for collectives (QĐ 366 Điều 11: "tập thể, cá nhân"), applied in a bulk run.

Collectives of comparable position form one group: the chi bộ trực thuộc of one đảng bộ cơ sở,
and the tổ chức cơ sở đảng (đảng bộ, chi bộ cơ sở) under the đảng bộ. As for members, the base is
the number rated HTTNV in the group; candidates are ranked by their score, a tie at the last
place is reported for the competent committee, and those over the quota are rated HTTNV.
"""

from __future__ import annotations

from ..evaluate.quota import apply_quota
from ..vietnamese import so


def apply_org_quota(rows: list[dict], rules, scope: str, group: str) -> dict | None:
    """Cut the top level of ``rows`` (organisation rows of the run, changed in place) to the quota;
    the record the quota report prints, or None when the regime sets no quota for collectives."""
    spec = rules.get("quota")
    if not spec or not rows:
        return None
    candidates = [r for r in rows if r["level"] == spec["level"]]
    base = sum(1 for r in rows if r["level"] == spec["base_level"])
    scores = [r.get("score") if r.get("score") is not None else 0 for r in candidates]
    result = apply_quota(spec, group, scores, base, len(rows), unit="tổ chức")
    top, lower = rules.label(spec["level"]), rules.label(spec["base_level"])
    for k in result.cut:
        row = candidates[k]
        row["level"], row["level_label"] = spec["base_level"], lower
        row["quota"] = "cut"
        row["note"] = f"Vượt tỷ lệ “{top}” của nhóm “{group}” ({result.computation}): xếp loại “{lower}”."
    for k in result.tie:
        candidates[k]["quota"] = "tie"
        candidates[k]["note"] = (
            f"Bằng điểm ở vị trí cuối của tỷ lệ nhóm “{group}” ({result.computation}): "
            "do cấp có thẩm quyền xem xét, quyết định."
        )
    for k in result.selected:
        candidates[k]["quota"] = "selected"
    return {
        "subject": "to_chuc",
        "scope": scope,
        "group": group,
        "members": len(rows),
        "base_count": base,
        "rate": f"{so(result.rate * 100)}%",
        "ty_le_toi_da": float(result.rate),
        "limit": result.max,
        "candidates": len(candidates),
        "selected": [candidates[k]["ten"] for k in result.selected],
        "cut": [candidates[k]["ten"] for k in result.cut],
        "tie": [candidates[k]["ten"] for k in result.tie],
        "computation": result.computation,
        "rule": result.rule,
    }
