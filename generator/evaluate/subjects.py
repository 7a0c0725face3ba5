"""A member's or an organisation's document under its regime: scores, level and reasons.

``evaluate_subject`` rates the forms the registry calls subjects (generator/forms.py: bản tự kiểm
điểm, biểu điểm, báo cáo kiểm điểm tập thể). A score above its maximum or a rubric that does not add up raises ``InputError``;
a proposed level above what the rules allow is kept in ``problems`` so that ``classify`` can still
show the computed level while the pipeline refuses to render. The chi bộ list and the meeting's
papers build on this module (group.py, tally.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..errors import InputError, Problem, overlapping
from ..forms import SUBJECT, Given, form, kind_of
from ..vietnamese import hoa_chu_dau, so
from .engine import NOT_RATED, Engine, Reason
from .facts import compute_facts
from .grades import GRADE_NAMES, grade_problems
from .regime import UNDECIDED, ProfileError, Regime, load_regime
from .scores import Part, score_parts

DECISION, DECISION_TITLE = "quyet_dinh_xep_loai", "Quyết định xếp loại của cấp có thẩm quyền"


@dataclass(frozen=True)
class Evaluation:
    regime: Regime
    variant: dict  # code "02B", form_code, subtitle
    parts: list[Part]
    score: Fraction | None  # None for a member record (2011–2017 members have no scoring sheet)
    max_score: Fraction | None
    level: str
    level_label: str
    reasons: list[Reason]
    problems: list[Problem]  # proposals above what the rules allow; a decision the rules leave open and nobody gave
    decision: dict | None = None  # the competent committee's level and basis, where the rules decide nothing
    name: str = ""  # who or what was rated, as the document names it
    form: str = ""
    grades: tuple[tuple[str, str], ...] = ()  # (criterion, grade code) of each graded criterion, in the regime's order

    def summary(self) -> str:
        """One line for ``kiemdiem validate``."""
        scored = (
            f"tổng điểm {so(self.score)}/{so(self.max_score)}"
            if self.score is not None
            else "đánh giá theo mức từng tiêu chí"
        )
        return f"{self.variant['form_code']}, {self.level_label} ({self.level}), {scored}"

    def score_line(self) -> str | None:
        """ "Tổng điểm: 88,5/100 (Nhóm tiêu chí chung 27/30; …)", None where the regime gives no score."""
        if self.score is None:
            return None
        parts = "; ".join(f"{p.label} {so(p.score)}/{so(p.max)}" for p in self.parts)
        return f"Tổng điểm: {so(self.score)}/{so(self.max_score)} ({parts})"

    def grade_lines(self) -> list[str]:
        return [f"{i}. {label}: {GRADE_NAMES[grade]}" for i, (label, grade) in enumerate(self.grades, 1)]

    def lines(self) -> list[str]:
        """What ``kiemdiem classify`` prints: the name and form, score, grades, level and each reason."""
        lines = [f"{self.name} — {self.variant['form_code'] or self.form}"]
        lines += [self.score_line()] if self.score is not None else []
        lines += self.grade_lines()
        lines += [f"Xếp loại: {self.level_label} ({self.level})", "Lý do:"]
        return lines + [f"  - {reason.text} ({reason.rule})" for reason in self.reasons]

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
            "parts": [
                {"id": p.id, "label": p.label, "score": _number(p.score), "max": _number(p.max)} for p in self.parts
            ],
            "reasons": [r.as_dict() for r in self.reasons],
            **({"rule_level": UNDECIDED, "decision": self.decision} if self.decision else {}),
        }


def _number(value: Fraction | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value.denominator == 1 else float(value)


def _variant(rules, role: str) -> dict:
    """The form's code and subtitle: by role where the regime has variants (02A/02B/02C)."""
    if rules.get("variants"):
        return rules["variants"][role]
    return {"code": None, "form_code": rules["title"], "subtitle": ""}


def _report_variant(rules, role: str) -> dict:
    return {"code": "01", "form_code": rules["report"]["form_code"], "subtitle": ""}


def evaluate_form(document: dict, given: Given) -> Evaluation:
    """The registry's evaluator of a member's or an organisation's form (variant by its role)."""
    return evaluate_subject(document, given.profile)


def evaluate_report(document: dict, given: Given) -> Evaluation:
    """The registry's evaluator of a collective's report (Mẫu 01, one variant)."""
    return evaluate_subject(document, given.profile, _report_variant)


def evaluate_subject(document: dict, profile: str | None = None, variant_of=_variant) -> Evaluation:
    """Classify one member or organisation (a subject form of generator/forms.py); ``profile`` (an id
    or a file) overrides the document's own."""
    regime = regime_of(document, profile)
    entry = form(document["form"])
    rules = regime.subject(entry.subject)
    role = entry.role_of(document)
    criteria = rules.criteria
    parts, missing = _checked_parts(document, rules, regime.name)
    if missing:
        raise InputError(missing)
    facts = compute_facts(document, parts, entry.subject, [code for code, _ in rules.levels], criteria)
    engine = Engine(rules, role)
    outcome = engine.classify(facts)
    variant = variant_of(rules, role)
    scored = bool(rules["score_parts"])  # 2019–2024 grade criteria instead, unless a profile adds points
    level, reasons, decision, decided = decide(document, outcome.level, outcome.reasons, rules, regime.name)
    return Evaluation(
        regime=regime,
        variant=variant,
        parts=parts,
        score=facts["tong_diem"] if scored else None,
        max_score=Fraction(rules["max_score"]) if scored else None,
        level=level,
        level_label=rules.label(level),
        reasons=reasons,
        problems=decided + _proposal_problems(document, engine, outcome, facts, regime.name),
        decision=decision,
        name=entry.name_of(document) or "",
        form=entry.id,
        grades=_grades(document, rules),
    )


def _grades(document: dict, rules) -> tuple[tuple[str, str], ...]:
    grades = document.get("cap_do") or {}
    return tuple((c["label"], grades[c["id"]]) for c in rules.criteria if c["id"] in grades)


def _checked_parts(document: dict, rules, regime_name: str) -> tuple[list[Part], list[Problem]]:
    """The score parts, and what the document lacks beyond its schema by the regime's data: a grade
    for every criterion, the report's own checks, every score part within its maximum."""
    missing = grade_problems(document.get("cap_do"), rules.criteria, ["cap_do"]) if rules.criteria else []
    missing += form(document["form"]).rule_checks(document, rules, regime_name)
    try:
        return score_parts(document.get("diem", {}), rules["score_parts"]), missing
    except InputError as error:
        return [], missing + error.problems


def rule_problems(document, refused: set[str], profile: str | None = None) -> list[Problem]:
    """The regime's checks on a document its schema refused at the JSON paths ``refused``, so that one
    round names everything missing (the schema's fields and the regime's criteria and scores together),
    leaving out what lies at, inside or around a refused path. Nothing when the form, regime or profile
    was refused (a regime is read from disk by its name) or a part has the wrong shape."""
    if (
        kind_of(document) != SUBJECT
        or overlapping("$.form", refused)
        or overlapping("$.regime", refused)
        or overlapping("$.profile", refused)
    ):
        return []
    try:
        regime = regime_of(document, profile)
        found = _checked_parts(document, regime.subject(form(document["form"]).subject), regime.name)[1]
    except (InputError, LookupError, TypeError, ValueError, AttributeError):
        return []
    return [p for p in found if not overlapping(p.path, refused)]


def decide(document: dict, level: str, reasons: list[Reason], rules, regime_name: str, where: str = "$"):
    """The competent committee's decision where the rules give no level (``quyet_dinh_xep_loai``).

    Returns the level to print, the reasons (the decision and its basis last), the decision,
    and the problems: a decision missing where the rules leave the level open, one given
    where the rules decide, or a level this regime does not use."""
    given = document.get(DECISION)
    path = f"{where}.{DECISION}"
    if level != UNDECIDED:
        if given is None:
            return level, reasons, None, []
        return (
            level,
            reasons,
            None,
            [
                Problem(
                    path,
                    DECISION_TITLE,
                    f"theo quy định, mức xếp loại là “{rules.label(level)}”; "
                    "chỉ ghi quyết định của cấp có thẩm quyền khi quy định không xác định được mức",
                )
            ],
        )
    if given is None:  # named at its level, the column a workbook gives it
        return (
            level,
            reasons,
            None,
            [
                Problem(
                    f"{path}.xep_loai",
                    "Mức xếp loại do cấp có thẩm quyền quyết định",
                    (
                        "quy định không xác định được mức xếp loại (không mức nào đủ điều kiện và không thuộc trường hợp nào của mức "
                        f"“{rules.levels[-1][1]}”): cần ghi mức do cấp có thẩm quyền quyết định (xep_loai) và căn cứ (can_cu)"
                    ),
                )
            ],
        )
    codes = [code for code, _ in rules.levels]
    if given["xep_loai"] not in codes:
        names = "; ".join(f"{code} ({label})" for code, label in rules.levels)
        return (
            level,
            reasons,
            None,
            [
                Problem(
                    f"{path}.xep_loai",
                    "Mức xếp loại do cấp có thẩm quyền quyết định",
                    f"mức {given['xep_loai']} không dùng trong {regime_name}; các mức là: {names}",
                )
            ],
        )
    basis = " ".join(given["can_cu"].split())
    spec = rules.get("undecided") or {}
    decided = Reason(
        spec.get("rule", ""),
        f"Cấp có thẩm quyền quyết định xếp loại “{rules.label(given['xep_loai'])}”; căn cứ: {basis.rstrip('.')}.",
        given["xep_loai"],
        None,
    )
    return given["xep_loai"], [*reasons, decided], {"level": given["xep_loai"], "basis": basis}, []


def evaluate_record(record: dict, rules, regime: Regime, where: str = "$") -> Evaluation:
    """A member known by a record of facts (before 2018): eligibility, triggers and conditions, no score."""
    engine = Engine(rules, record.get("doi_tuong", ""))
    facts = compute_facts(record, [], "ban_ghi", criteria=rules.criteria)
    outcome = engine.classify(facts)
    level, reasons, decision, problems = decide(record, outcome.level, outcome.reasons, rules, regime.name, where)
    return Evaluation(
        regime=regime,
        variant={"code": None, "form_code": "", "subtitle": ""},
        parts=[],
        score=None,
        max_score=None,
        level=level,
        level_label=rules.label(level),
        reasons=reasons,
        problems=problems,
        decision=decision,
        name=record.get("ho_ten", ""),
        grades=_grades(record, rules),
    )


def regime_of(document: dict, profile: str | None = None) -> Regime:
    """The document's regime with its profile (``profile`` wins over the document's own);
    a profile that cannot apply is an ``InputError`` naming where it came from."""
    try:
        return load_regime(document.get("regime", "qd366-2025"), profile or document.get("profile"))
    except ProfileError as exc:
        where = "--profile" if profile else "$.profile"
        raise InputError([Problem(where, "Hồ sơ quy định địa phương", str(exc))]) from None


def _proposal_problems(document: dict, engine: Engine, outcome, facts: dict, regime_name: str) -> list[Problem]:
    problems: list[Problem] = []
    proposed = document.get("tu_xep_loai")
    if proposed is None and outcome.level != NOT_RATED:
        return [Problem("$.tu_xep_loai", "Tự xếp loại (đề xuất)", "thiếu trường bắt buộc")]
    codes = [code for code, _ in engine.rules.levels]
    for where, value in (
        ("$.tu_xep_loai", proposed),
        ("$.nhan_xet_chi_bo.xep_loai", (document.get("nhan_xet_chi_bo") or {}).get("xep_loai")),
    ):
        if value is not None and value not in codes:
            names = "; ".join(f"{code} ({label})" for code, label in engine.rules.levels)
            problems.append(
                Problem(where, "Mức xếp loại", f"mức {value} không dùng trong {regime_name}; các mức là: {names}")
            )
    if problems:
        return problems
    if proposed is not None:
        problems += [
            Problem("$.tu_xep_loai", "Tự xếp loại (đề xuất)", hoa_chu_dau(t))
            for t in engine.proposal_problems(proposed, outcome, facts)
        ]
    chi_bo = (document.get("nhan_xet_chi_bo") or {}).get("xep_loai")
    if chi_bo is not None:
        problems += [
            Problem("$.nhan_xet_chi_bo.xep_loai", "Chi bộ đề xuất xếp loại", hoa_chu_dau(t))
            for t in engine.proposal_problems(chi_bo, outcome, facts)
        ]
    return problems
