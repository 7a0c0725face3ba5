"""The rules engine: eligibility, triggers, then the highest level whose conditions all hold.

It knows no numbers: comparators, thresholds and citations come from the regime
data. Every decision leaves a ``Reason`` in Vietnamese that cites its rule, both
for the level reached and for each level above it that was missed.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field

from ..vietnamese import hoa_chu_dau, phan_tram, so
from .grades import GRADE_LABELS
from .regime import UNDECIDED, Rule, Subject

NOT_RATED = "NOT_RATED"
_OPS = {">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt, "==": operator.eq}


@dataclass(frozen=True)
class Reason:
    rule: str  # the citation, e.g. "Điều 11, Quy định 366-QĐ/TW"
    text: str  # one Vietnamese sentence
    level: str | None = None  # the level this reason is about
    met: bool | None = None  # for a condition: whether it holds

    def as_dict(self) -> dict:
        return {"rule": self.rule, "text": self.text, "level": self.level, "met": self.met}


@dataclass
class Outcome:
    level: str
    reasons: list[Reason] = field(default_factory=list)
    failed: dict[str, list[Rule]] = field(default_factory=dict)  # level → conditions it missed
    triggers: list[Rule] = field(default_factory=list)


def holds(rule: Rule, value) -> bool:
    return _OPS[rule.op](value, rule.value)


def show_value(value, unit: str) -> str:
    if unit == "cap_do":
        return f"“{GRADE_LABELS[int(value)]}”"
    if unit == "diem":
        return f"{so(value)} điểm"
    if unit == "ty_le":
        return phan_tram(value)
    if unit == "thang":
        return f"{so(value)} tháng"
    return so(value)


_PHRASES = {">=": "từ {} trở lên", ">": "trên {}", "<=": "không vượt quá {}", "<": "dưới {}"}


def requirement(rule: Rule, unit: str, label: str = "") -> str:
    """ "từ 90 điểm trở lên", "trên 50%", "đủ 100%"; for a yes/no fact, the statement or its negation."""
    if unit == "co_khong":
        return label if rule.value else f"không {label}"
    if unit == "cap_do":
        grade = GRADE_LABELS[int(rule.value)]
        return (
            f"mức “{grade}”"
            if rule.op == "==" or (rule.op == ">=" and rule.value == max(GRADE_LABELS))
            else _PHRASES[rule.op].format(f"mức “{grade}”")
        )
    if unit == "ty_le" and rule.op == ">=" and rule.value == 1:
        return "đủ 100%"
    if unit == "ty_le" and rule.op == "<=" and rule.value == 0:
        return "bằng 0%"
    if unit == "ty_le" and "/" in rule.written:  # "trên 1/2", "từ 2/3 trở lên": as the regulation says it
        return _PHRASES[rule.op].format(rule.written)
    return _PHRASES[rule.op].format(show_value(rule.value, unit))


class Engine:
    """Classifies one subject of a given role (e.g. a member who holds a leadership post)."""

    def __init__(self, rules: Subject, role: str):
        self.rules, self.role = rules, role
        self.facts_meta: dict = rules.facts

    def _applicable(self, rules: list[Rule]) -> list[Rule]:
        return [r for r in rules if r.applies_to(self.role)]

    def _describe(self, rule: Rule, value) -> tuple[str, str]:
        meta = self.facts_meta[rule.fact]
        if meta["unit"] == "co_khong":
            return meta["label"], ""
        return meta["label"], f"{meta['label']} là {show_value(value, meta['unit'])}"

    def classify(self, facts: dict) -> Outcome:
        for rule in self._applicable(self.rules.rules("not_rated")):
            if facts[rule.fact] is not None and holds(rule, facts[rule.fact]):
                return Outcome(NOT_RATED, [self._not_rated_reason(rule, facts[rule.fact])])
        outcome = Outcome(self.rules.levels[-1][0])
        notes: list[Reason] = []
        for rule in self._applicable(self.rules.rules("triggers")):
            value = facts[rule.fact]
            if value is None or not holds(rule, value):
                continue
            if rule.unless and facts.get(rule.unless):
                notes.append(Reason(rule.rule, rule.unless_note or "", None, None))
            else:
                outcome.triggers.append(rule)
        reached = None
        *graded, (lowest_code, lowest_label) = self.rules.levels
        for code, label in graded:  # the lowest level is reached only on one of its grounds (the triggers)
            rules = self._applicable(self.rules.conditions(code))
            missed = [r for r in rules if not self._met(r, facts)]
            if missed:
                outcome.failed[code] = missed
                continue
            reached = code
            if not outcome.triggers:
                outcome.reasons += [self._condition_reason(code, r, facts[r.fact], True) for r in rules]
            break
        if outcome.triggers:
            outcome.level = lowest_code
            outcome.reasons = [self._trigger_reason(r, facts[r.fact]) for r in outcome.triggers]
            if reached is not None:
                outcome.reasons.append(
                    Reason(
                        outcome.triggers[0].rule,
                        f"Theo điểm và các điều kiện, mức cao nhất đạt được là “{self.rules.label(reached)}”; "
                        f"do có trường hợp trên nên xếp loại “{lowest_label}”.",
                        lowest_code,
                        None,
                    )
                )
            return outcome
        for code, _ in graded:
            if code == reached:
                break
            outcome.reasons += [self._condition_reason(code, r, facts[r.fact], False) for r in outcome.failed[code]]
        if reached is None:
            outcome.level = UNDECIDED
            outcome.reasons += notes + self._no_ground_reasons(facts) + [self._undecided_reason()]
            return outcome
        outcome.level = reached
        outcome.reasons += notes + [
            Reason(r.rule, r.text or "", None, None)
            for r in self._applicable(self.rules.rules("notes"))
            if holds(r, facts[r.fact])
        ]
        return outcome

    def _no_ground_reasons(self, facts: dict) -> list[Reason]:
        """That none of the lowest level's grounds applies, one line per article cited."""
        lowest_code, lowest_label = self.rules.levels[-1]
        by_article: dict[str, list[str]] = {}
        for rule in self._applicable(self.rules.rules("triggers")):
            value = facts[rule.fact]
            if value is None:
                continue
            meta = self.facts_meta[rule.fact]
            if meta["unit"] == "co_khong":
                said = f"không {meta['label']}" if rule.value else meta["label"]
            else:
                said = f"{meta['label']} là {show_value(value, meta['unit'])}, không {requirement(rule, meta['unit'])}"
            by_article.setdefault(rule.rule, []).append(said)
        if not by_article:
            return [
                Reason(
                    self.rules.get("undecided", {}).get("rule", ""),
                    f"Mức “{lowest_label}”: không có căn cứ nào để xếp loại mức này.",
                    lowest_code,
                    False,
                )
            ]
        return [
            Reason(
                article,
                f"Mức “{lowest_label}”: không thuộc trường hợp nào phải xếp loại mức này ({'; '.join(grounds)}).",
                lowest_code,
                False,
            )
            for article, grounds in by_article.items()
        ]

    def _undecided_reason(self) -> Reason:
        spec = self.rules.get("undecided") or {}
        return Reason(
            spec.get("rule", ""),
            spec.get("text")
            or (
                "Không mức nào đủ điều kiện và không có căn cứ xếp loại mức thấp nhất: quy định không xác định mức "
                "xếp loại trong trường hợp này; cấp có thẩm quyền xem xét, quyết định."
            ),
            UNDECIDED,
            None,
        )

    @staticmethod
    def _met(rule: Rule, facts: dict) -> bool:
        """Holds, does not apply (None), or is excused by its ``unless`` fact."""
        value = facts[rule.fact]
        if value is None:
            return not rule.required
        return holds(rule, value) or bool(rule.unless and facts.get(rule.unless))

    def _condition_reason(self, level: str, rule: Rule, value, met: bool) -> Reason:
        meta = self.facts_meta[rule.fact]
        head = f"Mức “{self.rules.label(level)}”: "
        if value is None and rule.required:
            return Reason(rule.rule, f"{head}thiếu dữ kiện “{meta['label']}”.", level, False)
        if value is None:
            return Reason(rule.rule, head + meta.get("when_missing", "không áp dụng") + ".", level, True)
        if met and not holds(rule, value):  # excused by its ``unless`` fact
            return Reason(rule.rule, head + (rule.unless_note or "được miễn điều kiện này."), level, True)
        verdict = "đạt" if met else "chưa đạt"
        if meta["unit"] == "co_khong":
            return Reason(
                rule.rule, f"{head}{verdict} yêu cầu: {requirement(rule, 'co_khong', meta['label'])}.", level, met
            )
        _, said = self._describe(rule, value)
        return Reason(rule.rule, f"{head}{said}, {verdict} yêu cầu {requirement(rule, meta['unit'])}.", level, met)

    def _trigger_reason(self, rule: Rule, value) -> Reason:
        label, said = self._describe(rule, value)
        unit = self.facts_meta[rule.fact]["unit"]
        what = hoa_chu_dau(label) if not said else f"{hoa_chu_dau(said)}, {requirement(rule, unit)}"
        lowest = self.rules.levels[-1]
        return Reason(rule.rule, f"{what}: xếp loại “{lowest[1]}”.", lowest[0], True)

    def _not_rated_reason(self, rule: Rule, value) -> Reason:
        label, said = self._describe(rule, value)
        unit = self.facts_meta[rule.fact]["unit"]
        what = label if not said else f"{said}, {requirement(rule, unit)}"
        return Reason(rule.rule, f"Không xếp loại: {what}.", NOT_RATED, True)

    def proposal_problems(self, proposed: str, outcome: Outcome, facts: dict) -> list[str]:
        """Why ``proposed`` is above what the rules allow (empty when it is not)."""
        if outcome.level == NOT_RATED:
            return [
                f"đảng viên thuộc diện không xếp loại ({outcome.reasons[0].text[len('Không xếp loại: ') :].rstrip('.')}), "
                f"không được đề xuất mức “{self.rules.label(proposed)}”"
            ]
        if outcome.level == UNDECIDED:
            if self.rules.rank(proposed) >= len(self.rules.levels) - 2:
                return []  # the levels the rules leave open: the competent committee chooses
        elif self.rules.rank(proposed) >= self.rules.rank(outcome.level):
            return []
        if outcome.triggers:
            return [
                f"đề xuất {proposed} không phù hợp: {r.text[0].lower() + r.text[1:]}"
                for r in (self._trigger_reason(t, facts[t.fact]) for t in outcome.triggers)
            ]
        out = []
        for rule in outcome.failed.get(proposed, []):
            meta, value = self.facts_meta[rule.fact], facts[rule.fact]
            if value is None:
                out.append(f"đề xuất {proposed} cần dữ kiện “{meta['label']}”")
                continue
            if meta["unit"] == "co_khong":
                out.append(f"đề xuất {proposed} cần: {requirement(rule, 'co_khong', meta['label'])}")
                continue
            need = requirement(rule, meta["unit"])
            if meta["unit"] != "diem":
                need = f"{meta['label']} {need}"
            out.append(f"đề xuất {proposed} cần {need}; {meta['label']} là {show_value(value, meta['unit'])}")
        return out or [f"đề xuất {proposed} cao hơn mức tính được “{self.rules.label(outcome.level)}”"]
