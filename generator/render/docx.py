"""DOCX from a Word-editable template in templates/<form>/<form>.docx, via docxtpl.

docxtpl needs a fresh DocxTemplate per render (its maintainers' advice), so the
template's bytes are read once and each render opens them from memory.
"""
from __future__ import annotations

import io
from functools import cache

from docxtpl import DocxTemplate

from ..resources import templates_dir
from .environment import docx_environment


def docx_template_path(form: str):
    return templates_dir() / form / f"{form}.docx"


@cache
def _template_bytes(form: str) -> bytes:
    return docx_template_path(form).read_bytes()


def render_docx(form: str, context: dict) -> bytes:
    template = DocxTemplate(io.BytesIO(_template_bytes(form)))
    template.render(context, jinja_env=docx_environment(), autoescape=True)
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()
