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


def threshold_phrase(need: dict) -> str:
    """A vote threshold as the regulation writes it: "trên 2/3", "từ 2/3 trở lên"."""
    return _PHRASES[need["op"]].format(str(need["value"]).strip())


def judge(rules: Subject, code: str, votes: int, voters: int, need: dict, ballot: str = "Biểu quyết") -> Reason:
    """Whether ``votes`` of ``voters`` meet ``need`` for level ``code``, as a reason (``met`` says it)."""
    spec = rules["votes"]
    threshold = Rule(
        id=f"phieu_{code}", fact="ty_le_phieu", op=need["op"], value=exact(need["value"]), rule=spec["rule"]
    )
    met = holds(threshold, Fraction(votes, voters))
    verdict = "đạt" if met else "chưa đạt"
    return Reason(
        spec["rule"],
        f"{ballot} mức “{rules.label(code)}”: {votes}/{voters} phiếu, {verdict} yêu cầu "
        f"{threshold_phrase(need)} số đảng viên có quyền biểu quyết.",
        code,
        met,
    )


def vote_level(rules: Subject, tally: dict[str, int], voters: int) -> tuple[str | None, list[Reason]]:
    """The highest level whose votes meet its threshold (None: no level passed), with reasons."""
    spec = rules["votes"]
    reasons: list[Reason] = []
    running = 0
    for code, _ in rules.levels:
        running = running + tally.get(code, 0) if spec.get("cumulative") else tally.get(code, 0)
        reasons.append(judge(rules, code, running, voters, spec["levels"][code]))
        if reasons[-1].met:
            return code, reasons
    return None, reasons
