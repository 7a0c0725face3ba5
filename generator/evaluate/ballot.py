"""A vote ballot (phieu-bieu-quyet): what it prints comes from the regime, not from the form.

Round 1 has one box per member level of the regime (2011–2017 used their own
names, "Đủ tư cách, …"); round 2 chooses the top level among the candidates and
prints how many may be chosen: typed by the committee, or the quota of the regime
computed on the members rated at the base level ("20% × 8 = 1,6 → tối đa 1 đồng chí").
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Problem
from .engine import Reason
from .quota import quota_max
from .regime import Regime

FORM = "phieu-bieu-quyet"


@dataclass(frozen=True)
class BallotEvaluation:
    regime: Regime
    round: int
    levels: list[tuple[str, str]]  # (code, label) of each box of round 1
    top_level: tuple[str, str]
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
        return [self.summary()[:1].upper() + self.summary()[1:]] + [f"  - {r.text} ({r.rule})" for r in self.reasons]

    def as_dict(self) -> dict:
        return {"regime": self.regime.id, "profile": self.regime.profile, "round": self.round,
                "levels": [code for code, _ in self.levels], "rows": self.rows, "places": self.places,
                "reasons": [r.as_dict() for r in self.reasons]}


def evaluate_ballot(document: dict, regime: Regime) -> BallotEvaluation:
    rules = regime.subject("ca_nhan")
    names = document.get("dang_vien") or []
    rows = len(names) + document.get("so_dong_trong", 0)
    problems: list[Problem] = []
    if rows == 0:
        problems.append(Problem("$.dang_vien", "Họ và tên đảng viên",
                                "phiếu không có dòng nào: ghi danh sách đảng viên hoặc «Số dòng để trống» (so_dong_trong)"))
    round_ = document.get("vong", 1)
    places, reasons = None, []
    if round_ == 1:
        for key, title in (("so_cho", "Số đảng viên được chọn tối đa (vòng 2)"),
                           ("co_so_ty_le", "Số đảng viên làm cơ sở tính tỷ lệ (vòng 2)")):
            if key in document:
                problems.append(Problem(f"$.{key}", title, "chỉ dùng cho phiếu vòng 2 (vong: 2)"))
    else:
        places, reasons = _places(document, rules, problems)
    return BallotEvaluation(regime, round_, rules.levels, rules.levels[0], rows, places, reasons, problems)


def _places(document: dict, rules, problems: list[Problem]) -> tuple[int | None, list[Reason]]:
    """The committee's number, or the regime's quota on the base count."""
    if "so_cho" in document:
        return document["so_cho"], []
    spec = rules["quota"]
    if "co_so_ty_le" not in document or "so_dang_vien_chi_bo" not in document:
        missing = "co_so_ty_le" if "co_so_ty_le" not in document else "so_dang_vien_chi_bo"
        title = ("Số đảng viên làm cơ sở tính tỷ lệ (vòng 2)" if missing == "co_so_ty_le"
                 else "Tổng số đảng viên của chi bộ (vòng 2)")
        problems.append(Problem(f"$.{missing}", title, "phiếu vòng 2 cần «Số đảng viên được chọn tối đa» (so_cho), "
                                "hoặc số đảng viên làm cơ sở tính tỷ lệ và tổng số đảng viên của chi bộ để tính theo quy định"))
        return None, []
    allowed, _, text = quota_max(spec, document["co_so_ty_le"], document["so_dang_vien_chi_bo"],
                                 document.get("don_vi_tieu_bieu", False))
    return allowed, [Reason(spec["rule"], f"Số chỗ theo tỷ lệ «{rules.label(spec['level'])}»: {text}.", spec["level"], None)]
