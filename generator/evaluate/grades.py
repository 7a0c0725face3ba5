"""Graded criteria (2019–2024): each criterion of the regime gets one of four grades.

A document or a member record must grade every criterion the regime lists (except
those marked optional, such as leadership results for members without a post)
and no other, or the rating would silently rest on missing facts.
"""

from __future__ import annotations

from ..errors import Problem, json_path

GRADES = {"kem": 1, "trung_binh": 2, "tot": 3, "xuat_sac": 4}  # the order the rules compare grades in
GRADE_LABELS = {1: "Kém", 2: "Trung bình", 3: "Tốt", 4: "Xuất sắc"}
GRADE_NAMES = {code: GRADE_LABELS[value] for code, value in GRADES.items()}  # "tot" → "Tốt"


def grade_problems(grades: dict | None, criteria: list[dict], where: list) -> list[Problem]:
    known = {c["id"]: c for c in criteria}
    grades = grades or {}
    found = [
        Problem(
            json_path(where + [key]),
            "Mức đánh giá từng tiêu chí",
            f"tiêu chí “{key}” không có trong quy định này; các tiêu chí: {', '.join(known) or 'không có'}",
        )
        for key in grades
        if key not in known
    ]
    found += [
        Problem(json_path(where + [c["id"]]), c["label"], "thiếu mức đánh giá (xuat_sac, tot, trung_binh, kem)")
        for c in criteria
        if c["id"] not in grades and not c.get("optional")
    ]
    return found
