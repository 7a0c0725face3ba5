"""The pipeline in one place: validate → evaluate → present → render, in memory.

Each step lives in its own module; this file only chains them, so the CLI, the web app,
the bulk run, the tests and a Python user all run exactly the same sequence. Reading an
input file and writing the outputs (with a committee's own templates) is ``files.py``.
"""
from __future__ import annotations

from dataclasses import dataclass

from .errors import InputError, Problem
from .evaluate import Evaluation, evaluate, rule_problems
from .evaluate.known_through import document_notice
from .present.context import build_context
from .render import FORMATS, renderer
from .resources import templates_dir
from .validate import known_forms, validate


@dataclass(frozen=True)
class Prepared:
    document: dict  # validated, defaults filled in
    evaluation: Evaluation
    context: dict  # what every renderer prints
    notice: str | None = None  # a table older than the document's date (evaluate/known_through); never printed in it


def renderable_forms() -> list[str]:
    """Forms with templates; others (a chi bộ's vote list) are only validated and classified."""
    return [form for form in known_forms() if (templates_dir() / form).is_dir()]


def validated(document, profile: str | None = None) -> dict:
    """``validate``, and where the schema refuses the document, the regime's own checks in the same
    ``InputError`` (evaluate.rule_problems), so a secretary fixes everything in one round."""
    try:
        return validate(document)
    except InputError as error:
        refused = {p.path for p in error.problems}
        raise InputError(error.problems + rule_problems(document, refused, profile)) from None


def prepare(document, profile: str | None = None, wages: list[dict] | None = None) -> Prepared:
    """Validate, evaluate and present one document (raises ``InputError``).

    ``profile`` is a shipped profile id or a YAML file of a local committee's numbers;
    ``wages`` a committee's wage rows from a ``--luong-co-so`` file."""
    valid = validated(document, profile)
    if valid["form"] not in renderable_forms():
        raise InputError([Problem("$.form", "Loại văn bản", f"mẫu “{valid['form']}” chỉ dùng để kiểm tra và xếp loại "
                                  f"(kiemdiem validate, classify), chưa có bản in; bản in có cho: {', '.join(renderable_forms())}")])
    evaluation = evaluate(valid, profile, wages)
    if evaluation.problems:
        raise InputError(evaluation.problems)
    return Prepared(valid, evaluation, build_context(valid, evaluation), document_notice(valid, evaluation))


def render(prepared: Prepared, formats=FORMATS, templates: dict | None = None) -> dict[str, bytes]:
    """Render each format in memory; nothing touches the disk here.
    ``templates``: a committee's own templates by format (generator/usertemplate), sandboxed."""
    form, templates = prepared.document["form"], templates or {}
    return {fmt: templates[fmt].render(prepared.context) if fmt in templates else renderer(fmt)(form, prepared.context)
            for fmt in formats}
