"""A committee's own template: found (``--template`` or a profile's ``mau_in``), checked,
compiled in the sandbox, rendered.

A template that fails ``kiemdiem template check`` is refused before anything is
printed, and anything that still goes wrong while printing with it (a name missing
from one document, an attribute the sandbox refuses) is an input problem naming the
template — exit 2, never a traceback. The shipped templates never pass through here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import InputError, Problem
from ..evaluate.profile import ProfileError, profile_path, read_yaml
from ..pipeline import renderable_forms
from .check import Finding, Report, UnreadableTemplate, check_source, read_template, template_kind
from .rendering import PRINTING_ERRORS, BoundedHtml, docx_bytes, printing_problem

FORMAT_OF_KIND = {"docx": "docx", "html": "pdf"}  # a Word template prints DOCX, an HTML one the PDF
PROFILE_KEY = "mau_in"
TITLE = "Mẫu in riêng"


class TemplateRejected(InputError):
    """A user template that cannot print this document; ``lines()`` is the report to show."""

    def __init__(self, path: str, form: str, reasons: list[str]):
        self.template, self.form, self.reasons = path, form, reasons
        super().__init__([Problem(path, TITLE, reason) for reason in reasons])

    def lines(self) -> list[str]:
        """As ``kiemdiem template check`` prints a failed report."""
        return Report(self.template, self.form, [Finding("", reason) for reason in self.reasons]).lines()


@dataclass(frozen=True)
class UserTemplate:
    path: str
    kind: str  # "docx" | "html"
    form: str
    data: bytes

    def render_counted(self, context: dict) -> tuple[bytes, int | None]:
        """The document's bytes and, for a PDF, its number of pages."""
        try:
            if self.kind == "html":
                from ..render.pdf import render_pdf_counted  # WeasyPrint only when a PDF is printed

                return render_pdf_counted(self.form, context, template=BoundedHtml(self.data))
            return docx_bytes(self.data, context), None
        except PRINTING_ERRORS as error:
            raise TemplateRejected(self.path, self.form, [printing_problem(error)]) from None

    def render(self, context: dict) -> bytes:
        return self.render_counted(context)[0]


@lru_cache(maxsize=32)
def _checked(path: str, mtime: float, size: int, form: str, regime: str | None) -> UserTemplate:
    try:
        kind, data = read_template(path)
    except UnreadableTemplate as exc:
        raise TemplateRejected(path, form, [str(exc)]) from None
    report = check_source(data, kind, form, regime, path)
    if not report.ok:
        raise TemplateRejected(path, form, [str(f) for f in report.findings])
    return UserTemplate(path, kind, form, data)


def load_user_template(path: str | Path, form: str, regime: str | None = None) -> UserTemplate:
    """The template at ``path``, checked for ``form`` (raises ``TemplateRejected``)."""
    try:
        stat = Path(path).stat()
    except OSError as exc:
        raise TemplateRejected(str(path), form, [f"không đọc được tệp mẫu: {exc.strerror or exc}"]) from None
    return _checked(str(path), stat.st_mtime, stat.st_size, form, regime)


def profile_templates(profile: str | None, form: str, where: str = "--profile") -> dict[str, Path]:
    """The templates a profile names for ``form`` under ``mau_in``, by output format;
    relative paths are relative to the profile file."""
    if not profile:
        return {}
    try:
        path = profile_path(profile)
        data = read_yaml(path)
    except ProfileError as exc:
        raise InputError([Problem(where, "Hồ sơ quy định địa phương", str(exc))]) from None
    section = data.get(PROFILE_KEY)
    if section is None:
        return {}

    def wrong(reason: str) -> InputError:
        return InputError([Problem(where, "Hồ sơ quy định địa phương", f"{path.name}: {PROFILE_KEY}{reason}")])

    if not isinstance(section, dict):
        raise wrong(" phải là một bảng: mẫu văn bản → {docx: tệp, html: tệp}")
    unknown = sorted(set(map(str, section)) - set(renderable_forms()))
    if unknown:
        raise wrong(f": không có mẫu văn bản “{unknown[0]}”; có: {', '.join(renderable_forms())}")
    chosen = section.get(form) or {}
    if not isinstance(chosen, dict):
        raise wrong(f".{form} phải là một bảng {{docx: tệp, html: tệp}}")
    out = {}
    for kind, name in chosen.items():
        if kind not in FORMAT_OF_KIND:
            raise wrong(f".{form}.{kind}: chỉ nhận khóa docx và html")
        if not isinstance(name, str) or not name.strip():
            raise wrong(f".{form}.{kind} phải là đường dẫn tới tệp mẫu")
        out[FORMAT_OF_KIND[kind]] = path.resolve().parent / name
    return out


def chosen_templates(
    form: str,
    regime: str | None,
    profile: str | None,
    explicit=(),
    where: str = "--profile",
    formats=tuple(FORMAT_OF_KIND.values()),
) -> dict[str, UserTemplate]:
    """The user templates for one document, by output format: the profile's, then ``--template``
    over them; only those of ``formats`` are read and checked."""
    paths = profile_templates(profile, form, where)
    for name in explicit:
        try:
            paths[FORMAT_OF_KIND[template_kind(name)]] = Path(name)
        except UnreadableTemplate as exc:
            raise TemplateRejected(str(name), form, [str(exc)]) from None
    return {fmt: load_user_template(path, form, regime) for fmt, path in paths.items() if fmt in formats}


def templates_for(
    prepared, profile: str | None = None, explicit=(), formats=tuple(FORMAT_OF_KIND.values())
) -> dict[str, UserTemplate]:
    """The user templates for a prepared document and the formats asked for: ``profile``
    (or the document's own) and ``--template`` files."""
    document = prepared.document
    chosen = profile or document.get("profile")
    return chosen_templates(
        document["form"],
        document.get("regime"),
        chosen,
        explicit,
        "--profile" if profile else "$.profile",
        tuple(formats),
    )
