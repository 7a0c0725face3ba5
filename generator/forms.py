"""The form registry: what each form is, in one place.

One ``Form`` record per form says which subject of a regime it rates, where its role
(the variant: Mẫu 02A/02B/02C, the kind of organisation) and its name are written, how it
is evaluated and presented, whether it prints, and its blank. evaluate, present, blank,
the CLI, the web and the workbook look a form up here instead of dispatching on its id.

The registry sits on the ground floor: it names its steps as ``"module:function"`` and
imports a step only when it is first called, so reading the registry loads neither the
rules nor a renderer (``kiemdiem --help`` stays fast) and no layer imports another to
find out what a form is. A new form (Mẫu 03, 04…) is one record here, its schema, its
templates and the functions the record names.
"""

from __future__ import annotations

import importlib
from dataclasses import KW_ONLY, dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple

from .errors import InputError, Problem

# The kinds of form: a member or an organisation rated by the regime's conditions; a paper of the
# chi bộ meeting (it prints or counts a vote); a tờ trình; a chi bộ's vote list; a whole đảng bộ.
SUBJECT, MEETING, COMMENDATION, GROUP, DANG_BO = "subject", "meeting", "commendation", "group", "dang-bo"


class Given(NamedTuple):
    """What an evaluation is given beside the document: a profile (an id or a file) that overrides the
    document's own, a committee's wage rows (``--luong-co-so``), the folder a chi bộ's list names its files in."""

    profile: str | None = None
    wages: list[dict] | None = None
    base_dir: Path | None = None


@dataclass(frozen=True)
class Form:
    id: str
    kind: str
    _: KW_ONLY
    subject: str | None = None  # the regime's subject whose rules apply: "ca_nhan", "to_chuc"
    role: tuple[str, ...] | None = (
        None  # path of the field that picks the variant (02A/02B/02C, the kind of organisation)
    )
    name: tuple[str, ...] | None = None  # path of the name the document is about (file names, the first line printed)
    evaluator: str | None = None  # "module:function"(document, Given) → a result (generator/evaluate/result.py)
    presenter: str | None = None  # "module:function"(document, result) → the context both renderers print
    prints: bool = False  # templates/<id>/ holds its DOCX and PDF templates
    # What the engine found is not part of the official form: (what the form is, the heading) of the annex
    # page printed after the signature; None for forms without one.
    annex: tuple[str, str] | None = None
    blank: str | None = None  # "module:function"(Blank, Setting) → a blank's context (generator/blank/builder.py)
    blank_variants: tuple[str, ...] = ()  # the variant codes ``kiemdiem blank --variant`` offers
    # Where a filled blank of this form goes when it is not read back as a document of its own (a voter's
    # ballot is counted with the others): (what it is, the command that counts it), said instead of importing it.
    counted_by: tuple[str, str] | None = None
    checks: tuple[str, ...] = field(
        default=()
    )  # "module:function"(document, rules, regime name) → problems beyond the schema
    # "module:function"(document, record) → (document, problems, notes): what the record across years
    # (generator/history) adds to a validated document and where the document contradicts it.
    recorded: str | None = None

    def evaluate(self, document: dict, given):
        """The form's result for a validated document (``given``: profile, wages, folder)."""
        return _step(self.evaluator)(document, given)

    def present(self, document: dict, result) -> dict:
        return _step(self.presenter)(document, result)

    def layout_blank(self, blank, setting) -> dict:
        return _step(self.blank)(blank, setting)

    def from_record(self, document: dict, record) -> tuple[dict, list[Problem], list[str]]:
        """The document with what the record adds, the record's objections, and what was added."""
        if self.recorded is None or record is None:
            return document, [], []
        return _step(self.recorded)(document, record)

    def rule_checks(self, document: dict, rules, regime_name: str) -> list[Problem]:
        return [p for check in self.checks for p in _step(check)(document, rules, regime_name)]

    def name_of(self, document: dict) -> str | None:
        """The name the document is about, where it has one (None when the form names nobody)."""
        value = document
        for key in self.name or ():
            value = value.get(key) if isinstance(value, dict) else None
        return value if self.name and isinstance(value, str) else None

    def role_of(self, document: dict) -> str | None:
        value = document
        for key in self.role or ():
            value = value.get(key) if isinstance(value, dict) else None
        return value if self.role else None


_E, _P, _B = "generator.evaluate.", "generator.present.", "generator.blank."

FORMS: dict[str, Form] = {
    f.id: f
    for f in (
        Form(
            "ban-tu-kiem-diem",
            SUBJECT,
            subject="ca_nhan",
            role=("dang_vien", "doi_tuong"),
            name=("dang_vien", "ho_ten"),
            evaluator=_E + "subjects:evaluate_form",
            presenter=_P + "context:member_context",
            prints=True,
            blank=_B + "layouts:member",
            blank_variants=("02A", "02B", "02C"),
        ),
        Form(
            "bao-cao-kiem-diem-tap-the",
            SUBJECT,
            subject="to_chuc",
            role=("loai_tap_the",),
            name=("tap_the",),
            evaluator=_E + "subjects:evaluate_report",
            presenter=_P + "context:report_context",
            prints=True,
            annex=("báo cáo kiểm điểm tập thể", "Căn cứ đề xuất xếp loại"),
            blank=_B + "layouts:report",
            checks=(_E + "report:report_problems",),
        ),
        Form(
            "bieu-diem-tccsd",
            SUBJECT,
            subject="to_chuc",
            role=("loai_to_chuc",),
            name=("to_chuc",),
            evaluator=_E + "subjects:evaluate_form",
            presenter=_P + "context:organisation_context",
            prints=True,
            annex=("biểu điểm", "Đối chiếu điểm và điều kiện xếp loại"),
            blank=_B + "layouts:organisation",
        ),
        Form(
            "to-trinh-khen-thuong",
            COMMENDATION,
            name=("so_ky_hieu",),
            evaluator=_E + "commendation:evaluate_form",
            presenter=_P + "commendation:commendation_context",
            prints=True,
            blank=_B + "commendation:commendation",
            recorded="generator.history.ket_qua:from_record",
        ),
        Form(
            "phieu-bieu-quyet",
            MEETING,
            subject="ca_nhan",
            name=("chi_bo",),
            evaluator=_E + "ballot:evaluate_form",
            presenter=_P + "ballot:ballot_context",
            prints=True,
            blank=_B + "ballot_fields:ballot",
            counted_by=("phiếu biểu quyết", "kiemdiem tally THƯ_MỤC --data CUỘC_HỌP.yaml"),
        ),
        Form(
            "bien-ban-kiem-phieu",
            MEETING,
            subject="ca_nhan",
            name=("chi_bo",),
            evaluator=_E + "tally:evaluate_form",
            presenter=_P + "tally:tally_context",
            prints=True,
        ),
        Form(
            "phieu-nhan-xet-noi-cu-tru",
            MEETING,
            subject="ca_nhan",
            evaluator=_E + "residence:evaluate_form",
            presenter=_P + "residence:residence_context",
            prints=True,
        ),
        Form("xep-loai-chi-bo", GROUP, subject="ca_nhan", name=("chi_bo",), evaluator=_E + "group:evaluate_form"),
        Form("dang-bo", DANG_BO),
    )
}


@cache
def _step(reference: str | None):
    if reference is None:
        raise LookupError("this form has no such step")
    module, _, function = reference.partition(":")
    return getattr(importlib.import_module(module), function)


def form(form_id: str) -> Form:
    """The record of a known form id (``KeyError`` for anything else; ``validate`` names unknown forms)."""
    return FORMS[form_id]


def form_of(document) -> Form | None:
    """The record of a document's ``form``, None when it names no known form (or is not a document)."""
    return (
        FORMS.get(document.get("form"))
        if isinstance(document, dict) and isinstance(document.get("form"), str)
        else None
    )


def kind_of(document) -> str | None:
    found = form_of(document)
    return found.kind if found else None


def subject_forms() -> list[str]:
    """The forms that rate a member or an organisation by the regime's conditions (score parts, criteria)."""
    return [f.id for f in FORMS.values() if f.kind == SUBJECT]


def printable() -> list[str]:
    """Forms with templates; the others (a chi bộ's vote list, a đảng bộ) are validated and classified only."""
    return sorted(f.id for f in FORMS.values() if f.prints)


def blank_forms() -> list[str]:
    """The forms a blank exists for, in the order ``kiemdiem blank`` lists them."""
    return [f.id for f in FORMS.values() if f.blank]


def variant_codes() -> tuple[str, ...]:
    """Every variant code a blank offers (``kiemdiem blank --variant``)."""
    return tuple(dict.fromkeys(code for f in FORMS.values() for code in f.blank_variants))


def not_printable(form_id: str) -> InputError:
    return InputError(
        [
            Problem(
                "$.form",
                "Loại văn bản",
                f"mẫu “{form_id}” chỉ dùng để kiểm tra và xếp loại "
                f"(kiemdiem validate, classify), chưa có bản in; bản in có cho: {', '.join(printable())}",
            )
        ]
    )
