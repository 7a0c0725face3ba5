"""Scores: each part within its maximum, and an optional rubric tree that adds up.

The 2025 rules fix only the frame (30 + 70); the superior committee details the
sub-criteria, so a document may carry its own rubric. Its maxima must add up to
the part's maximum and its scores to the part's score, or the document is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..errors import InputError, Problem, json_path
from ..vietnamese import so
from .regime import exact


@dataclass(frozen=True)
class Part:
    id: str
    label: str
    score: Fraction
    max: Fraction


def score_parts(scores: dict, parts: list[dict]) -> list[Part]:
    """Return the scored parts of the regime's frame, or raise ``InputError`` naming every
    criterion at fault: missing, not in the frame, above its maximum, or not adding up."""
    problems: list[Problem] = []
    known = {spec["id"] for spec in parts}
    for extra in sorted(set(scores) - known):
        problems.append(
            Problem(
                json_path(["diem", extra]),
                "Điểm tự chấm",
                f"tiêu chí “{extra}” không có trong khung điểm; khung gồm: {', '.join(s['id'] for s in parts)}",
            )
        )
    result = []
    for spec in parts:
        path = ["diem", spec["id"]]
        if spec["id"] not in scores:
            problems.append(
                Problem(
                    json_path(path),
                    spec["label"],
                    f"thiếu điểm của tiêu chí “{spec['label']}” (tối đa {so(exact(spec['max']))} điểm)",
                )
            )
            continue
        group = scores[spec["id"]]
        score, maximum = exact(group["diem"]), exact(spec["max"])
        if score > maximum:
            problems.append(
                Problem(
                    json_path(path + ["diem"]),
                    spec["label"],
                    f"{so(score)} điểm vượt quá điểm tối đa {so(maximum)} của {spec['label'].lower()}",
                )
            )
        if "tieu_chi" in group:
            problems += _rubric(group["tieu_chi"], score, maximum, path + ["tieu_chi"], spec["label"])
        result.append(Part(spec["id"], spec["label"], score, maximum))
    if problems:
        raise InputError(problems)
    return result


def _rubric(criteria: list[dict], score: Fraction, maximum: Fraction, path: list, parent: str) -> list[Problem]:
    problems: list[Problem] = []
    for i, item in enumerate(criteria):
        here = path + [i]
        item_score, item_max = exact(item["diem"]), exact(item["diem_toi_da"])
        name = f"Tiêu chí “{item['ten']}”"
        if item_score > item_max:
            problems.append(
                Problem(json_path(here + ["diem"]), name, f"{so(item_score)} điểm vượt quá điểm tối đa {so(item_max)}")
            )
        if "tieu_chi" in item:
            problems += _rubric(item["tieu_chi"], item_score, item_max, here + ["tieu_chi"], item["ten"])
    total_max = sum((exact(c["diem_toi_da"]) for c in criteria), Fraction(0))
    total = sum((exact(c["diem"]) for c in criteria), Fraction(0))
    where = json_path(path)
    if total_max != maximum:
        problems.append(
            Problem(
                where,
                f"Tiêu chí thành phần của “{parent}”",
                f"tổng điểm tối đa các tiêu chí là {so(total_max)}, phải bằng {so(maximum)}",
            )
        )
    if total != score:
        problems.append(
            Problem(
                where,
                f"Tiêu chí thành phần của “{parent}”",
                f"tổng điểm các tiêu chí là {so(total)}, khác điểm đã ghi {so(score)}",
            )
        )
    return problems
