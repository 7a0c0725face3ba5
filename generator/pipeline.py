"""The pipeline in one place: validate → evaluate → present → render, in memory.

Each step lives in its own module; this file only chains them, so the CLI, the web app,
the bulk run, the tests and a Python user all run exactly the same sequence. Reading an
input file and writing the outputs (with a committee's own templates) is ``files.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .evaluate import evaluate, rule_problems
from .evaluate.known_through import document_notice
from .evaluate.result import Result
from .forms import form, not_printable, printable
from .present.context import build_context
from .render import FORMATS, renderer
from .validate import validate


@dataclass(frozen=True)
class Classified:
    document: dict  # validated, defaults filled in
    evaluation: Result
    notice: str | None = None  # a table older than the document's date (evaluate/known_through); never printed in it


@dataclass(frozen=True)
class Prepared:
    document: dict
    evaluation: Result
    context: dict  # what every renderer prints
    notice: str | None = None


def renderable_forms() -> list[str]:
    """Forms with templates; others (a chi bộ's vote list, a đảng bộ) are only validated and classified."""
    return printable()


def validated(document, profile: str | None = None) -> dict:
    """``validate``, and where the schema refuses the document, the regime's own checks in the same
    ``InputError`` (evaluate.rule_problems), so a secretary fixes everything in one round."""
    try:
        return validate(document)
    except InputError as error:
        refused = {p.path for p in error.problems}
        raise InputError(error.problems + rule_problems(document, refused, profile)) from None


def _with_record(valid: dict, record) -> tuple[dict, list[str]]:
    """The validated document with what the record across years adds (a tờ trình's years), and what was
    added; ``InputError`` where the document contradicts the record (generator/forms.py ``recorded``)."""
    valid, problems, notes = form(valid["form"]).from_record(valid, record)
    if problems:
        raise InputError(problems)
    return valid, notes


def _notice(*parts) -> str | None:
    return "\n".join(p for p in parts if p) or None


def classify(
    document,
    profile: str | None = None,
    wages: list[dict] | None = None,
    base_dir: Path | None = None,
    record=None,
) -> Classified:
    """Validate and evaluate one document (raises ``InputError`` for what stops the evaluation; the
    result's ``problems`` hold what it found but could still compute, such as a proposal above the rules).

    ``profile`` is a shipped profile id or a YAML file of a local committee's numbers;
    ``wages`` a committee's wage rows from a ``--luong-co-so`` file; ``base_dir`` the folder a chi
    bộ's list names its members' files in; ``record`` the record across years to check and fill the
    document from (a history.location.Target; None: none)."""
    valid, notes = _with_record(validated(document, profile), record)
    evaluation = evaluate(valid, profile, wages, base_dir)
    return Classified(valid, evaluation, _notice(document_notice(valid, evaluation), *notes))


def prepare(document, profile: str | None = None, wages: list[dict] | None = None, record=None) -> Prepared:
    """Validate, evaluate and present one document (raises ``InputError``, also for any problem
    the evaluation found: nothing is printed that the rules do not give)."""
    valid = validated(document, profile)
    if not form(valid["form"]).prints:
        raise not_printable(valid["form"])
    valid, notes = _with_record(valid, record)
    evaluation = evaluate(valid, profile, wages)
    if evaluation.problems:
        raise InputError(evaluation.problems)
    notice = _notice(document_notice(valid, evaluation), *notes)
    return Prepared(valid, evaluation, build_context(valid, evaluation), notice)


def render(prepared: Prepared, formats=FORMATS, templates: dict | None = None) -> dict[str, bytes]:
    """Render each format in memory; nothing touches the disk here.
    ``templates``: a committee's own templates by format (generator/usertemplate), sandboxed."""
    return render_counted(prepared.document["form"], prepared.context, formats, templates)[0]


def render_counted(
    form: str, context: dict, formats=FORMATS, templates: dict | None = None
) -> tuple[dict[str, bytes], int | None]:
    """Each format's bytes from a ready context, and the PDF's page count when a PDF is among them
    (a bulk run's worker gets the context from the plan, and its manifest lists the pages)."""
    files, pages = {}, None
    for fmt in formats:
        if templates and fmt in templates:
            files[fmt], counted = templates[fmt].render_counted(context)
        elif fmt == "pdf":
            from .render.pdf import render_pdf_counted  # WeasyPrint only when a PDF is printed

            files[fmt], counted = render_pdf_counted(form, context)
        else:
            files[fmt], counted = renderer(fmt)(form, context), None
        pages = counted if fmt == "pdf" else pages
    return files, pages
