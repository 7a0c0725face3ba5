"""The residence comment (phieu-nhan-xet-noi-cu-tru, Mẫu 3-213): nothing to compute.

The chi ủy nơi cư trú writes its comment; no rule of the regime applies to it.
It still passes through the evaluate step, so every form reaches the renderers
the same way (``prepare``), and a comment dated before the member was born is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Problem
from ..forms import Given
from ..schema import load_schema, title_at
from .subjects import regime_of

FORM = "phieu-nhan-xet-noi-cu-tru"


@dataclass(frozen=True)
class ResidenceEvaluation:
    blank: bool  # nobody named: a sheet to fill by hand
    problems: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        return "phiếu trắng để viết tay" if self.blank else "phiếu nhận xét đã điền sẵn"

    def lines(self) -> list[str]:
        """What ``kiemdiem classify`` prints."""
        return ["Phiếu nhận xét nơi cư trú (Mẫu 3-213): " + self.summary()]

    def as_dict(self) -> dict:
        return {"blank": self.blank}


def evaluate_residence(document: dict, regime=None) -> ResidenceEvaluation:
    schema = load_schema(FORM)
    member = document.get("dang_vien") or {}
    problems = []
    born, written = member.get("ngay_sinh"), document.get("ngay_lap")
    if born and written and born >= written:
        problems.append(
            Problem(
                "$.dang_vien.ngay_sinh",
                title_at(schema, ["dang_vien", "ngay_sinh"]),
                f"ngày sinh {born} không trước ngày nhận xét {written}",
            )
        )
    if "ngay_lap" in document and "dia_danh" not in document:
        problems.append(Problem("$.dia_danh", title_at(schema, ["dia_danh"]), "cần địa danh khi đã ghi ngày nhận xét"))
    return ResidenceEvaluation(blank="ho_ten" not in member, problems=problems)


def evaluate_form(document: dict, given: Given):
    """The registry's evaluator (generator/forms.py): the document's regime with the given profile."""
    return evaluate_residence(document, regime_of(document, given.profile))
