"""The tally (bien-ban-kiem-phieu): the meeting's votes judged by the regime's vote rules.

The Ban kiểm phiếu counts votes; it does not score anyone. So each member's
result here is the vote alone (the rules' level is combined with it by
``kiemdiem classify`` on the chi bộ's xep-loai-chi-bo list). Everything is done
by the same code as a whole chi bộ (group.py): thresholds and the second round
(``apply_vote``, votes.py), then the HTXSNV quota with its ties (``apply_quotas``).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from ..errors import Problem, json_path
from ..forms import Given
from ..vietnamese import hoa_chu_dau
from .group import WHOLE_CHI_BO, MemberResult, apply_quotas, apply_vote, list_vote_base, quota_summary
from .quota import QuotaResult
from .regime import Regime
from .subjects import Evaluation, regime_of
from .vote_base import EXEMPT, SUSPENDED, roll
from .votes import judge

FORM = "bien-ban-kiem-phieu"


@dataclass(frozen=True)
class TallyEvaluation:
    regime: Regime
    voters: int | None  # the denominator of every threshold
    members: list[MemberResult]
    quotas: list[QuotaResult]
    minimum: dict[str, int | None]  # level → fewest votes that meet its threshold
    problems: list[Problem]

    def summary(self) -> str:
        rules = self.regime.subject("ca_nhan")
        counts = {code: sum(m.level == code for m in self.members) for code, _ in rules.levels}
        shown = "; ".join(f"{label}: {counts[code]}" for code, label in rules.levels)
        return f"{len(self.members)} đảng viên được kiểm phiếu ({shown})"

    def lines(self) -> list[str]:
        """What ``kiemdiem classify`` prints: each member's result by the vote, then the quota."""
        rules = self.regime.subject("ca_nhan")
        out = [hoa_chu_dau(self.summary())]
        for m in self.members:
            mark = {"cut": " (vượt tỷ lệ)", "tie": " (bằng phiếu: đảng ủy quyết định)"}.get(m.quota or "", "")
            out.append(f"  {m.name}: {rules.label(m.level) if m.level else 'chưa đủ phiếu biểu quyết'}{mark}")
        return out + [f"Tỷ lệ — {quota_summary(q)}" for q in self.quotas]

    def as_dict(self) -> dict:
        rules = self.regime.subject("ca_nhan")
        names = [m.name for m in self.members]
        return {
            "regime": self.regime.id,
            "profile": self.regime.profile,
            "voters": self.voters,
            "minimum": self.minimum,
            "members": [_vote_only(m.as_dict(rules.label)) for m in self.members],
            "quota": [q.as_dict(names) for q in self.quotas],
        }


def _vote_only(member: dict) -> dict:
    """A chi bộ member's JSON without what the tally does not know (score, the rules' level)."""
    return {k: v for k, v in member.items() if k not in ("variant", "score", "rule_level")}


def minimum_votes(rules, code: str, need: dict, voters: int) -> int | None:
    """The fewest votes that meet ``need`` (None: not even all of them), judged as the tally judges.

    More votes never stop meeting a threshold, so the search halves the range."""
    least = bisect_left(range(voters + 1), True, key=lambda v: judge(rules, code, v, voters, need).met)
    return least if least <= voters else None


def evaluate_tally(document: dict, regime: Regime) -> TallyEvaluation:
    rules = regime.subject("ca_nhan")
    spec = rules["votes"]
    problems: list[Problem] = []
    voters = list_vote_base(FORM, document, [roll(e) for e in document["dang_vien"]], rules, problems)
    top, top_label = rules.levels[0]
    # No ceiling from the rules: the tally records what the vote alone gives.
    vote_only = Evaluation(
        regime=regime,
        variant={"code": None, "form_code": "", "subtitle": ""},
        parts=[],
        score=None,
        max_score=None,
        level=top,
        level_label=top_label,
        reasons=[],
        problems=[],
    )
    members: list[MemberResult] = []
    for i, entry in enumerate(document["dang_vien"]):
        where = ["dang_vien", i]
        cast = sum(entry["phieu"].values())
        if entry.get("tinh_trang_sinh_hoat") in (
            EXEMPT,
            SUSPENDED,
        ):  # listed for the base only: not rated, not voted on
            if cast:
                problems.append(
                    Problem(
                        json_path(where + ["phieu"]),
                        "Đảng viên › Kết quả biểu quyết",
                        "đảng viên được miễn công tác và sinh hoạt đảng hoặc bị đình chỉ sinh hoạt đảng "
                        "không được xếp loại: không ghi phiếu",
                    )
                )
            continue
        if cast > document["so_phieu_hop_le"]:
            problems.append(
                Problem(
                    json_path(where + ["phieu"]),
                    "Đảng viên › Kết quả biểu quyết",
                    f"tổng {cast} phiếu nhiều hơn {document['so_phieu_hop_le']} phiếu hợp lệ",
                )
            )
            continue
        if entry.get("phieu_vong_2", 0) > document["so_phieu_hop_le"]:
            problems.append(
                Problem(
                    json_path(where + ["phieu_vong_2"]),
                    "Đảng viên › Phiếu vòng 2",
                    f"{entry['phieu_vong_2']} phiếu nhiều hơn {document['so_phieu_hop_le']} phiếu hợp lệ",
                )
            )
            continue
        member = MemberResult(
            entry["ho_ten"], vote_only, entry.get("nhom") or WHOLE_CHI_BO, dict(entry["phieu"]), entry=i
        )
        apply_vote(member, entry, voters, where, problems)
        members.append(member)
    quotas = apply_quotas(members, document.get("don_vi_tieu_bieu", False)) if not problems else []
    needs = {code: spec["levels"][code] for code, _ in rules.levels}
    second = spec.get("second_round")
    minimum = {code: minimum_votes(rules, code, need, voters) if voters else None for code, need in needs.items()}
    if second:
        minimum["vong_2"] = minimum_votes(rules, second["level"], second, voters) if voters else None
    return TallyEvaluation(regime, voters, members, quotas, minimum, problems)


def evaluate_form(document: dict, given: Given):
    """The registry's evaluator (generator/forms.py): the document's regime with the given profile."""
    return evaluate_tally(document, regime_of(document, given.profile))
