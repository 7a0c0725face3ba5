"""A vote ballot (phieu-bieu-quyet): what it prints comes from the regime, not from the form.

Round 1 has one box per member level of the regime (2011–2017 used their own
names, "Đủ tư cách, …"); round 2 chooses the top level among the candidates and
prints how many may be chosen: typed by the committee, or the quota of the regime
computed on the members rated at the base level ("20% × 8 = 1,6 → tối đa 1 đồng chí").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Problem
from ..forms import Given
from ..schema import load_schema, title_at
from ..vietnamese import hoa_chu_dau
from .engine import Reason
from .quota import quota_max
from .regime import Regime
from .subjects import regime_of

FORM = "phieu-bieu-quyet"


@dataclass(frozen=True)
class BallotEvaluation:
    regime: Regime
    round: int
    levels: list[tuple[str, str]]  # (code, label) of each box of round 1; the first is round 2's level
    rows: int  # named rows + empty rows
    places: int | None  # round 2: at most this many may be chosen
    reasons: list[Reason] = field(default_factory=list)  # how ``places`` was computed
    problems: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        if self.round == 1:
            return f"phiếu vòng 1, {self.rows} dòng, {len(self.levels)} mức xếp loại"
        return f"phiếu vòng 2, {self.rows} dòng, chọn không quá {self.places} đồng chí"

    def lines(self) -> list[str]:
        """What ``kiemdiem classify`` prints."""
        return [hoa_chu_dau(self.summary())] + [f"  - {r.text} ({r.rule})" for r in self.reasons]

    def as_dict(self) -> dict:
        return {
            "regime": self.regime.id,
            "profile": self.regime.profile,
            "round": self.round,
            "levels": [code for code, _ in self.levels],
            "rows": self.rows,
            "places": self.places,
            "reasons": [r.as_dict() for r in self.reasons],
        }


def _problem(key: str, reason: str) -> Problem:
    """A problem on a top-level field, named by its schema title."""
    return Problem(f"$.{key}", title_at(load_schema(FORM), [key]), reason)


def evaluate_ballot(document: dict, regime: Regime) -> BallotEvaluation:
    rules = regime.subject("ca_nhan")
    names = document.get("dang_vien") or []
    rows = len(names) + document.get("so_dong_trong", 0)
    problems: list[Problem] = []
    if rows == 0:
        problems.append(
            _problem(
                "dang_vien", "phiếu không có dòng nào: ghi danh sách đảng viên hoặc “Số dòng để trống” (so_dong_trong)"
            )
        )
    round_ = document.get("vong", 1)
    places, reasons = None, []
    if round_ == 1:
        problems += [
            _problem(key, "chỉ dùng cho phiếu vòng 2 (vong: 2)") for key in ("so_cho", "co_so_ty_le") if key in document
        ]
    else:
        places, reasons = _places(document, rules, problems)
    return BallotEvaluation(regime, round_, rules.levels, rows, places, reasons, problems)


def _places(document: dict, rules, problems: list[Problem]) -> tuple[int | None, list[Reason]]:
    """The committee's number, or the regime's quota on the base count."""
    if "so_cho" in document:
        return document["so_cho"], []
    spec = rules["quota"]
    missing = [key for key in ("co_so_ty_le", "so_dang_vien_chi_bo") if key not in document]
    if missing:
        problems.append(
            _problem(
                missing[0],
                "phiếu vòng 2 cần “Số đảng viên được chọn tối đa” (so_cho), hoặc số đảng viên "
                "làm cơ sở tính tỷ lệ và tổng số đảng viên của chi bộ để tính theo quy định",
            )
        )
        return None, []
    allowed, _, text = quota_max(
        spec, document["co_so_ty_le"], document["so_dang_vien_chi_bo"], document.get("don_vi_tieu_bieu", False)
    )
    return allowed, [
        Reason(spec["rule"], f"Số chỗ theo tỷ lệ “{rules.label(spec['level'])}”: {text}.", spec["level"], None)
    ]


def evaluate_form(document: dict, given: Given):
    """The registry's evaluator (generator/forms.py): the document's regime with the given profile."""
    return evaluate_ballot(document, regime_of(document, given.profile))
