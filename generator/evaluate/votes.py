"""From a member's vote tally to the highest level the meeting approved.

Comparator, fraction, denominator (official members, or those present) and
whether a vote for a higher level supports the lower ones are regime data:
"trên 2/3" (> 2/3) and "từ 2/3 trở lên" (≥ 2/3) differ in exactly one vote.
"""
from __future__ import annotations

from fractions import Fraction

from .engine import Reason, holds
from .regime import Rule, Subject, exact

_PHRASES = {">": "trên {}", ">=": "từ {} trở lên"}


def vote_level(rules: Subject, tally: dict[str, int], voters: int) -> tuple[str | None, list[Reason]]:
    """The highest level whose votes meet its threshold (None: no level passed), with reasons."""
    spec = rules["votes"]
    reasons: list[Reason] = []
    running = 0
    for code, label in rules.levels:
        running = running + tally.get(code, 0) if spec.get("cumulative") else tally.get(code, 0)
        need = spec["levels"][code]
        threshold = Rule(id=f"phieu_{code}", fact="ty_le_phieu", op=need["op"], value=exact(need["value"]), rule=spec["rule"])
        met = holds(threshold, Fraction(running, voters))
        phrase = _PHRASES[need["op"]].format(str(need["value"]).strip())
        verdict = "đạt" if met else "chưa đạt"
        reasons.append(Reason(spec["rule"], f"Biểu quyết mức «{label}»: {running}/{voters} phiếu, {verdict} yêu cầu "
                                            f"{phrase} số đảng viên có quyền biểu quyết.", code, met))
        if met:
            return code, reasons
    return None, reasons
