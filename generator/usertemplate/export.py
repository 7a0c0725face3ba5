"""``kiemdiem template export``: a shipped template as a committee's starting point.

The Word file is copied as it is. The HTML file links the shared Party CSS by a
relative path that would not resolve from the user's folder, so the export puts
that CSS inline in a ``<style>`` element: the exported file is complete on its own
and the user edits the styles in the same file. It keeps importing the HD 36 macros
(``_shared/hd36.html``), which the sandbox serves to user templates.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError, Problem
from ..render.docx import docx_template_path
from ..resources import templates_dir
from ..write import write_atomic
from .check import KINDS, SHARED_CSS

_LINK = f'<link rel="stylesheet" href="{SHARED_CSS}">'


def exported_html(form: str) -> str:
    source = (templates_dir() / form / f"{form}.html").read_text(encoding="utf-8")
    css = (templates_dir() / "_shared" / "hd36.css").read_text(encoding="utf-8")
    if _LINK not in source:
        raise RuntimeError(f"mẫu HTML {form} không liên kết {SHARED_CSS} như mong đợi")
    style = (
        "<style>\n/* Thể thức Hướng dẫn 36-HD/VPTW (kiemdiem templates/_shared/hd36.css) */\n"
        + css.strip()
        + "\n</style>"
    )
    return source.replace(_LINK, style)


def export_template(form: str, out: str | Path) -> Path:
    """Write the shipped template of ``form`` to ``out`` (.docx or .html); raises ``InputError``."""
    out = Path(out)
    kind = KINDS.get(out.suffix.lower())
    if kind is None:
        raise InputError([Problem("-o", "Tệp mẫu xuất ra", f"phải có đuôi .docx hoặc .html, không phải “{out.name}”")])
    data = docx_template_path(form).read_bytes() if kind == "docx" else exported_html(form).encode("utf-8")
    write_atomic(out, data)
    return out
