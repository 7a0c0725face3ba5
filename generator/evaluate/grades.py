"""Graded criteria (2019–2024): each criterion of the regime gets one of four grades.

A document or a member record must grade every criterion the regime lists (except
those marked optional, such as leadership results for members without a post)
and no other, or the rating would silently rest on missing facts.
"""
from __future__ import annotations

from ..errors import Problem, json_path


def grade_problems(grades: dict | None, criteria: list[dict], where: list) -> list[Problem]:
    known = {c["id"]: c for c in criteria}
    grades = grades or {}
    found = [Problem(json_path(where + [key]), "Mức đánh giá từng tiêu chí",
                     f"tiêu chí “{key}” không có trong quy định này; các tiêu chí: {', '.join(known) or 'không có'}")
             for key in grades if key not in known]
    found += [Problem(json_path(where + [c["id"]]), c["label"], "thiếu mức đánh giá (xuat_sac, tot, trung_binh, kem)")
              for c in criteria if c["id"] not in grades and not c.get("optional")]
    return found
