"""Regime data: the numbers a regulation fixes, read from generator/regimes/*.yaml.

Thresholds are written as the regulation writes them ("30%", "1/2", 90) and
parsed once into exact fractions, so 29,99% can never round its way to 30%.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Any

import yaml

from ..resources import regimes_dir


def exact(value: Any) -> Any:
    """"30%" → 3/10, "2/3" → 2/3, 90 → 90, 87.5 → 175/2; booleans unchanged."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str):
        text = value.strip()
        if text.endswith("%"):
            return Fraction(text[:-1].strip()) / 100
        return Fraction(text)
    return Fraction(str(value))


@dataclass(frozen=True)
class Rule:
    fact: str
    op: str
    value: Any
    rule: str
    subjects: tuple[str, ...] = ()
    unless: str | None = None
    unless_note: str | None = None
    text: str | None = None

    def applies_to(self, subject: str) -> bool:
        return not self.subjects or subject in self.subjects


@dataclass(frozen=True)
class Regime:
    id: str
    name: str
    levels: tuple[tuple[str, str], ...]  # (code, label), highest first
    not_rated_label: str
    individual: dict

    def label(self, code: str) -> str:
        return dict(self.levels).get(code, self.not_rated_label)

    def rank(self, code: str) -> int:
        """0 for the highest level; larger is lower."""
        return [c for c, _ in self.levels].index(code)

    def rules(self, section: str) -> list[Rule]:
        return [_rule(r) for r in self.individual.get(section, [])]

    def conditions(self, level: str) -> list[Rule]:
        return [_rule(r) for r in self.individual["conditions"].get(level, [])]


def _rule(raw: dict) -> Rule:
    return Rule(
        fact=raw["fact"], op=raw["op"], value=exact(raw["value"]), rule=raw["rule"],
        subjects=tuple(raw.get("subjects", ())), unless=raw.get("unless"),
        unless_note=raw.get("unless_note"), text=raw.get("text"),
    )


def known_regimes() -> list[str]:
    return sorted(p.stem for p in regimes_dir().glob("*.yaml"))


UNITS = {"diem", "ty_le", "thang", "co_khong"}


def check_regime(raw: dict, known_facts: set[str]) -> None:
    """Refuse regime data that would crash or mislead later: unknown facts, units, operators."""
    individual = raw["individual"]
    meta = individual["facts"]
    for name, spec in meta.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("label"), str) or spec.get("unit") not in UNITS:
            raise ValueError(f"{raw['id']}: fact {name!r} needs a text label and a unit in {sorted(UNITS)}")
    rules = [r for key in ("not_rated", "triggers", "notes") for r in individual.get(key, [])]
    rules += [r for level_rules in individual["conditions"].values() for r in level_rules]
    for rule in rules:
        for name in filter(None, (rule["fact"], rule.get("unless"))):
            if name not in known_facts:
                raise ValueError(f"{raw['id']}: rule uses unknown fact {name!r}")
        if rule["fact"] not in meta:
            raise ValueError(f"{raw['id']}: fact {rule['fact']!r} has no label")
        if rule["op"] not in {">=", ">", "<=", "<", "=="}:
            raise ValueError(f"{raw['id']}: unknown operator {rule['op']!r}")
    codes = [lv["code"] for lv in raw["levels"]]
    if set(individual["conditions"]) != set(codes):
        raise ValueError(f"{raw['id']}: conditions must list every level {codes}")


@cache
def load_regime(regime_id: str) -> Regime:
    from .facts import FACTS

    raw = yaml.safe_load((regimes_dir() / f"{regime_id}.yaml").read_text(encoding="utf-8"))
    check_regime(raw, set(FACTS) | {"tong_diem"})
    return Regime(
        id=raw["id"], name=raw["name"],
        levels=tuple((lv["code"], lv["label"]) for lv in raw["levels"]),
        not_rated_label=raw["not_rated_label"], individual=raw["individual"],
    )
