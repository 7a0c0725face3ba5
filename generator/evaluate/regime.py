"""Regime data: the numbers a regulation fixes, read from generator/regimes/*.yaml,
optionally changed by a local profile (generator/profiles/*.yaml or a user's file).

Thresholds are written as the regulation writes them ("30%", "1/2", 90) and
parsed once into exact fractions, so 29,99% can never round its way to 30%.
Rules are keyed by id; a profile deep-merges over the regime, and a rule set to
``null`` is dropped, so a committee changes its numbers without changing code.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Any

from ..resources import regimes_dir, shipped_yaml
from .grades import GRADES
from .profile import ProfileError, load_profile

UNITS = {"diem", "ty_le", "thang", "co_khong", "cap_do"}
# The four grades of a single criterion (2019–2024), in order; rules compare them like numbers.
OPERATORS = {">=", ">", "<=", "<", "=="}
RULE_SECTIONS = ("not_rated", "triggers", "notes")
UNDECIDED = "UNDECIDED"  # no level's conditions and no ground for the lowest: left to the competent committee
UNDECIDED_LABEL = "Chờ cấp có thẩm quyền quyết định"


def exact(value: Any) -> Any:
    """ "30%" → 3/10, "2/3" → 2/3, 90 → 90, 87.5 → 175/2, "tot" → 3; booleans unchanged."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str):
        text = value.strip()
        if text in GRADES:
            return Fraction(GRADES[text])
        if text.endswith("%"):
            return Fraction(text[:-1].strip()) / 100
        return Fraction(text)
    return Fraction(str(value))


@dataclass(frozen=True)
class Rule:
    id: str
    fact: str
    op: str
    value: Any
    rule: str
    roles: tuple[str, ...] = ()  # empty: every role
    unless: str | None = None
    unless_note: str | None = None
    text: str | None = None
    written: str = ""  # the value as the regulation writes it ("2/3", "30%")
    required: bool = False  # a missing fact fails the rule instead of not applying

    def applies_to(self, role: str) -> bool:
        return not self.roles or role in self.roles


def _rule(rule_id: str, raw: dict) -> Rule:
    return Rule(
        id=rule_id,
        fact=raw["fact"],
        op=raw["op"],
        value=exact(raw["value"]),
        rule=raw["rule"],
        roles=tuple(raw.get("roles", ())),
        unless=raw.get("unless"),
        unless_note=raw.get("unless_note"),
        text=raw.get("text"),
        written=str(raw["value"]).strip(),
        required=bool(raw.get("required", False)),
    )


def _rules(section: dict | None) -> list[Rule]:
    return [_rule(rule_id, raw) for rule_id, raw in (section or {}).items() if raw is not None]


@dataclass(frozen=True)
class Subject:
    """The rules for one kind of subject (ca_nhan, to_chuc, …) under one regime."""

    name: str
    data: dict

    @property
    def levels(self) -> list[tuple[str, str]]:
        return [(lv["code"], lv["label"]) for lv in self.data["levels"]]

    def label(self, code: str) -> str:
        if code == UNDECIDED:
            return UNDECIDED_LABEL
        return dict(self.levels).get(code, self.data["not_rated_label"])

    def rank(self, code: str) -> int:
        """0 for the highest level; larger is lower."""
        return [c for c, _ in self.levels].index(code)

    def rules(self, section: str) -> list[Rule]:
        return _rules(self.data.get(section))

    def conditions(self, level: str) -> list[Rule]:
        return _rules(self.data["conditions"].get(level))

    @property
    def facts(self) -> dict:
        return self.data["facts"]

    @property
    def criteria(self) -> list[dict]:
        """Graded criteria (2019–2024); empty where the regime scores points instead."""
        return self.data.get("criteria") or []

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def __getitem__(self, key: str) -> Any:
        return self.data[key]


@dataclass(frozen=True)
class Regime:
    id: str
    name: str
    subjects: dict
    profile: str | None = None  # the profile's name, when one applies

    def subject(self, name: str) -> Subject:
        return Subject(name, self.subjects[name])


def deep_merge(base: Any, change: Any) -> Any:
    """``change`` over ``base``: mappings merge key by key, anything else replaces."""
    if isinstance(base, dict) and isinstance(change, dict):
        merged = dict(base)
        for key, value in change.items():
            merged[key] = deep_merge(base.get(key), value) if key in base else value
        return merged
    return copy.deepcopy(change)


def _shape(value: Any) -> str:
    if isinstance(value, dict):
        return "đối tượng"
    if isinstance(value, list):
        return "danh sách"
    if isinstance(value, bool):
        return "có/không"
    if isinstance(value, (int, float, str)):
        return "giá trị đơn"  # numbers and texts replace each other ("30%", 0.3)
    return "trống"


def shape_problems(base: Any, change: Any, path: str = "overrides") -> list[str]:
    """Where a profile's ``overrides`` would put a list where the regulation data has a mapping, or
    the reverse: such a profile cannot apply and later steps would fail far from the cause. ``null``
    removes a rule and new keys are free; numbers and texts replace each other."""
    if change is None or base is None:
        return []
    if _shape(base) != _shape(change) and not (_shape(base) == "giá trị đơn" and _shape(change) == "có/không"):
        return [f"“{path}” phải là {_shape(base)} như trong dữ liệu quy định, không phải {_shape(change)}"]
    if isinstance(base, dict):
        return [
            p for key, value in change.items() if key in base for p in shape_problems(base[key], value, f"{path}.{key}")
        ]
    return []


def check_regime(raw: dict, known_facts: set[str]) -> None:
    """Refuse regime data that would crash or mislead later: unknown facts, units, operators."""
    for name, subject in raw["subjects"].items():
        where = f"{raw['id']}/{name}"
        meta = subject["facts"]
        subject_facts = known_facts | {f"diem_{part['id']}" for part in subject.get("score_parts", [])}
        subject_facts |= {f"cap_do_{c['group']}" for c in subject.get("criteria", [])} | (
            {"cap_do_tat_ca"} if subject.get("criteria") else set()
        )
        for fact, spec in meta.items():
            if not isinstance(spec, dict) or not isinstance(spec.get("label"), str) or spec.get("unit") not in UNITS:
                raise ValueError(f"{where}: fact {fact!r} needs a text label and a unit in {sorted(UNITS)}")
        sections = [subject.get(key) or {} for key in RULE_SECTIONS]
        sections += [rules or {} for rules in subject["conditions"].values()]
        for section in sections:
            for rule_id, rule in section.items():
                if rule is None:
                    continue
                for fact in filter(None, (rule.get("fact"), rule.get("unless"))):
                    if fact not in subject_facts:
                        raise ValueError(f"{where}: rule {rule_id!r} uses unknown fact {fact!r}")
                if rule.get("fact") not in meta:
                    raise ValueError(f"{where}: rule {rule_id!r}: fact {rule.get('fact')!r} has no label")
                if rule.get("op") not in OPERATORS:
                    raise ValueError(f"{where}: rule {rule_id!r}: unknown operator {rule.get('op')!r}")
                try:
                    number = exact(rule.get("value"))
                except (ValueError, ZeroDivisionError, TypeError, OverflowError):
                    raise ValueError(
                        f"{where}: rule {rule_id!r}: value {rule.get('value')!r} is not a number"
                    ) from None
                if isinstance(number, Fraction) and abs(number) > MAX_VALUE:
                    raise ValueError(f"{where}: rule {rule_id!r}: value {rule.get('value')!r} is out of range")
        codes = [lv["code"] for lv in subject["levels"]]
        if set(subject["conditions"]) != set(codes):
            raise ValueError(f"{where}: conditions must list every level {codes}")


def known_regimes() -> list[str]:
    return sorted(p.stem for p in regimes_dir().glob("*.yaml"))


_KINDS = {list: "danh sách", str: "chữ", int: "số", float: "số", bool: "có/không"}
MAX_VALUE = 10**6  # no threshold a regulation sets (points, per cent, counts, years) comes near


@cache
def load_regime(regime_id: str, profile: str | None = None) -> Regime:
    from .facts import KNOWN_FACTS

    raw = shipped_yaml(regimes_dir() / f"{regime_id}.yaml")
    profile_name = None
    if profile is not None:
        found = load_profile(profile)
        path = found.path
        if found.regime != regime_id:
            raise ProfileError(f"hồ sơ {path.name} dành cho {found.regime!r}, văn bản dùng {regime_id!r}")
        overrides = found.overrides
        if not isinstance(overrides, dict):
            raise ProfileError(
                f"hồ sơ {path.name}: “overrides” phải là một đối tượng (các mục thay đổi), "
                f"không phải {_KINDS.get(type(overrides), 'giá trị đơn')}"
            )
        overrides = {k: v for k, v in overrides.items() if k != "id"}
        wrong = shape_problems(raw, overrides)
        if wrong:
            raise ProfileError(f"hồ sơ {path.name}: " + "; ".join(wrong[:5]))
        raw = deep_merge(raw, overrides)
        profile_name = found.name
        try:
            check_regime(raw, KNOWN_FACTS)
        except (ValueError, KeyError, TypeError, AttributeError, IndexError, OverflowError) as exc:
            raise ProfileError(f"hồ sơ {path.name} làm sai dữ liệu quy định: {exc}") from None
    else:
        check_regime(raw, KNOWN_FACTS)
    return Regime(id=raw["id"], name=raw["name"], subjects=raw["subjects"], profile=profile_name)
