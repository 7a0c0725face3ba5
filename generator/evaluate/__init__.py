"""Step 3 — evaluate: scores, level and reasons under the document's regime.

``evaluate(document)`` takes a validated document and returns an ``Evaluation``.
A score above its maximum or a rubric that does not add up raises ``InputError``;
a proposed level above what the rules allow is kept in ``problems`` so that
``classify`` can still show the computed level while the pipeline refuses to render.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..errors import InputError, Problem
from .engine import NOT_RATED, Engine, Reason
from .facts import compute_facts
from .regime import ProfileError, Regime, load_regime
from .scores import Part, score_parts

__all__ = ["Evaluation", "Reason", "NOT_RATED", "evaluate", "load_regime"]


@dataclass(frozen=True)
class Evaluation:
    regime: Regime
    variant: dict  # code "02B", form_code, subtitle
    parts: list[Part]
    score: Fraction
    max_score: Fraction
    level: str
    level_label: str
    reasons: list[Reason]
    problems: list[Problem]  # proposals above what the rules allow

    def as_dict(self) -> dict:
        """The JSON shape printed by ``kiemdiem classify --json``."""
        return {
            "regime": self.regime.id,
            "profile": self.regime.profile,
            "variant": self.variant["code"],
            "level": self.level,
            "level_label": self.level_label,
            "score": _number(self.score),
            "max_score": _number(self.max_score),
            "parts": [{"id": p.id, "label": p.label, "score": _number(p.score), "max": _number(p.max)} for p in self.parts],
            "reasons": [r.as_dict() for r in self.reasons],
        }


def _number(value: Fraction) -> int | float:
    return int(value) if value.denominator == 1 else float(value)


def evaluate(document: dict, profile: str | None = None) -> Evaluation:
    """Classify one member; ``profile`` (an id or a file) overrides the document's own."""
    regime = _regime(document, profile)
    rules = regime.subject("ca_nhan")
    role = document["dang_vien"]["doi_tuong"]
    parts = score_parts(document["diem"], rules["score_parts"])
    total = sum((p.score for p in parts), Fraction(0))
    facts = compute_facts(document, total)
    engine = Engine(rules, role)
    outcome = engine.classify(facts)
    return Evaluation(
        regime=regime, variant=rules["variants"][role], parts=parts, score=total,
        max_score=Fraction(rules["max_score"]), level=outcome.level,
        level_label=rules.label(outcome.level), reasons=outcome.reasons,
        problems=_proposal_problems(document, engine, outcome, facts),
    )


def _regime(document: dict, profile: str | None) -> Regime:
    try:
        return load_regime(document.get("regime", "qd366-2025"), profile or document.get("profile"))
    except ProfileError as exc:
        where = "--profile" if profile else "$.profile"
        raise InputError([Problem(where, "Hồ sơ quy định địa phương", str(exc))]) from None


def _proposal_problems(document: dict, engine: Engine, outcome, facts: dict) -> list[Problem]:
    problems: list[Problem] = []
    proposed = document.get("tu_xep_loai")
    if proposed is None and outcome.level != NOT_RATED:
        problems.append(Problem("$.tu_xep_loai", "Tự xếp loại (đề xuất)", "thiếu trường bắt buộc"))
    if proposed is not None:
        problems += [Problem("$.tu_xep_loai", "Tự xếp loại (đề xuất)", _cap(t))
                     for t in engine.proposal_problems(proposed, outcome, facts)]
    chi_bo = (document.get("nhan_xet_chi_bo") or {}).get("xep_loai")
    if chi_bo is not None:
        problems += [Problem("$.nhan_xet_chi_bo.xep_loai", "Chi bộ đề xuất xếp loại", _cap(t))
                     for t in engine.proposal_problems(chi_bo, outcome, facts)]
    return problems


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
