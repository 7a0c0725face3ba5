"""What a collective report (Mẫu 01) must agree with in its regime: the sections of
part A.I and the kinds of collective the regime rates. Like a scoring frame, these
differ by regime, so the regime data says them and this check names what is wrong."""

from __future__ import annotations

from ..errors import Problem
from .regime import Subject

COLLECTIVE_NAMES = {
    "chi_bo_truc_thuoc": "chi bộ trực thuộc đảng ủy cơ sở",
    "chi_bo_co_so": "chi bộ cơ sở",
    "dang_bo_co_so": "đảng bộ cơ sở",
    "tap_the_lanh_dao_quan_ly": "tập thể lãnh đạo, quản lý",
}


def report_problems(document: dict, rules: Subject, regime_name: str) -> list[Problem]:
    report = rules["report"]
    problems = []
    kind = document["loai_tap_the"]
    if kind not in report["collectives"]:
        allowed = ", ".join(f"{c} ({COLLECTIVE_NAMES[c]})" for c in report["collectives"])
        problems.append(
            Problem(
                "$.loai_tap_the",
                "Loại tập thể",
                f"{regime_name} không đánh giá, xếp loại {COLLECTIVE_NAMES[kind]} theo mẫu này; chọn: {allowed}",
            )
        )
    sections = {s["id"]: s["label"] for s in report["strengths"]}
    given = document["uu_diem"]
    for key in given:
        if key not in sections:
            problems.append(
                Problem(
                    f"$.uu_diem.{key}",
                    "I. Ưu điểm, kết quả đạt được",
                    f"mục “{key}” không có trong mẫu báo cáo theo {regime_name}; các mục là: {', '.join(sections)}",
                )
            )
    for key, label in sections.items():
        if key not in given:
            problems.append(Problem(f"$.uu_diem.{key}", "I. Ưu điểm, kết quả đạt được", f"thiếu mục “{label}”"))
    return problems
