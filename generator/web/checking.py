"""Check a document typed in the page: the CLI's own validation, classification and render.

The page shows exactly what ``kiemdiem validate``, ``classify`` and ``render`` would:
the same ``Problem``s (JSON path, Vietnamese title, reason), the same level and
reasons. The only extra rule is the web's: a profile must be a shipped one,
never a file on the server.
"""

from __future__ import annotations

from ..errors import InputError, Problem
from ..evaluate import Evaluation
from ..evaluate.profile import ProfileError, known_profiles
from ..evaluate.regime import load_regime
from ..filenames import slug
from ..forms import form_of, not_printable
from ..pipeline import Classified, classify, prepare, render, validated
from ..usertemplate.template import templates_for
from ..validate import DEFAULT_REGIME
from ..vietnamese import so
from .forms import score_limits
from .typed_fields import read_typed

PROFILE_TITLE = "Hồ sơ quy định địa phương"


def problem_dict(problem: Problem) -> dict:
    return {"path": problem.path, "title": problem.title, "reason": problem.reason, "text": str(problem)}


def shipped_profile_only(document) -> None:
    profile = document.get("profile") if isinstance(document, dict) else None
    if isinstance(profile, str) and profile not in known_profiles():
        raise InputError(
            [Problem("$.profile", PROFILE_TITLE, f"không có hồ sơ “{profile}”; có sẵn: {', '.join(known_profiles())}")]
        )


def summarise(classified: Classified) -> dict:
    """The result as the page shows it: ``classify``'s JSON and lines; a member or an organisation has its
    level, form and score shown apart, so its lines are the graded criteria; ``canh_bao``: the one warning
    line ``classify`` prints on stderr when a table is older than the document."""
    ev = classified.evaluation
    data = {**ev.as_dict(), "canh_bao": classified.notice}
    if isinstance(ev, Evaluation):
        return {
            **data,
            "form_code": ev.variant.get("form_code"),
            "score_line": ev.score_line(),
            "lines": ev.grade_lines(),
        }
    return {**data, "lines": ev.lines()}


def read_typed_document(document, check=validated):
    """The document with its typed numbers and dates read (typed_fields), or ``InputError`` listing the
    texts that are neither together with every other problem ``check`` (whole-document validation, or a
    meeting file's partial one) finds."""
    document, typed = read_typed(document)
    if not typed:
        return document
    unread = {p.path for p in typed}
    try:
        check(document)
        others = []
    except InputError as error:
        others = [p for p in error.problems if p.path not in unread]
    raise InputError(typed + others)


def _own_maximum(document, problems: list[Problem]) -> list[Problem]:
    """A score over the schema's bound (100) named against its own part's maximum (30), as its label shows it."""
    try:
        limits = score_limits(
            document["form"], load_regime(document.get("regime") or DEFAULT_REGIME, document.get("profile"))
        )
    except (KeyError, TypeError, ValueError, ProfileError):
        return problems
    out = []
    for problem in problems:
        limit, value = limits.get(problem.path), _value_at(document, problem.path)
        if limit is not None and "vượt quá mức tối đa" in problem.reason and isinstance(value, (int, float)):
            problem = Problem(problem.path, problem.title, f"{so(value)} vượt quá mức tối đa {so(limit)}")
        out.append(problem)
    return out


def _value_at(document, path: str):
    value = document
    for key in path.removeprefix("$.").split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def check(document) -> dict:
    """``{"problems": [...], "result": {...} | None}``: every problem, and the classification when
    the document is complete enough to compute it (a too-high proposal still shows the level)."""
    try:
        shipped_profile_only(document)
        found = form_of(document)
        if found and not found.prints:  # a chi bộ's list names files on disk: never read on the server
            raise not_printable(found.id)
        document = read_typed_document(document)
        classified = classify(document)
    except InputError as error:
        return {"problems": [problem_dict(p) for p in _own_maximum(document, error.problems)], "result": None}
    return {"problems": [problem_dict(p) for p in classified.evaluation.problems], "result": summarise(classified)}


def render_document(document, fmt: str) -> tuple[str, bytes]:
    """(file name, bytes) exactly as ``kiemdiem render`` prints it; raises ``InputError``."""
    shipped_profile_only(document)
    prepared = prepare(read_typed_document(document))
    data = render(prepared, [fmt], templates_for(prepared, None, (), (fmt,)))[fmt]
    return f"{file_stem(prepared.document)}.{fmt}", data


def file_stem(document: dict) -> str:
    name = form_of(document).name_of(document)
    return f"{document['form']}-{slug(name)}" if name and name.strip() else document["form"]
