"""DOCX from a Word-editable template in templates/<form>/<form>.docx.

docxtpl does the template work once per process: it cleans the Word XML so Jinja can
read the tags ({%p %}, {%tr %}, split runs) and the body is compiled once. Each document
is then the rendered body spliced into the template's document.xml, with the other
parts copied still compressed (baseline.md §3: ~22 ms → a few ms a document).
A template that needs more of docxtpl (tags in headers, footers or properties, {%tc %}
columns, pictures) is rendered by docxtpl in full, as docxtpl's maintainers advise: a
fresh DocxTemplate per document.
"""

from __future__ import annotations

import io
import re
from functools import cache

from docxtpl import DocxTemplate
from lxml import etree

from ..resources import templates_dir
from .docx_header import widen_date_column
from .docx_keep import keep_signatures
from .docx_properties import CORE, core_xml, document_day, document_title
from .environment import docx_environment
from .zip_parts import ZipParts

_DOCUMENT = "word/document.xml"
_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_UNESCAPE = (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}"))
_LISTING_CHARS = ("\t", "\a", "\n", "\f")


def docx_template_path(form: str):
    return templates_dir() / form / f"{form}.docx"


@cache
def _template_bytes(form: str) -> bytes:
    return docx_template_path(form).read_bytes()


def paragraph_lines(xml: str) -> str:
    """Word XML with each paragraph on a line of its own, so a Jinja line number is a paragraph."""
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)


class CompiledDocx:
    """One template, prepared by docxtpl and compiled by Jinja once, rendered many times."""

    def __init__(self, template: bytes, env=None):
        self._source, self._env = template, env or docx_environment()
        self._docxtpl = DocxTemplate(io.BytesIO(template))
        self._docxtpl.init_docx()
        document = self._docxtpl.docx
        body = self._docxtpl.patch_xml(self._docxtpl.get_xml())
        self.supported = _only_body_tags(document, body)
        self._template = self._env.from_string(paragraph_lines(body))
        root = etree.tostring(document.element, encoding="unicode")
        span = re.search(r"<w:body>.*</w:body>", root, re.DOTALL)
        self._head, self._tail = root[: span.start()], root[span.end() :]
        self._parts = ZipParts(template)
        self.subject = document.core_properties.title or ""  # what kind of paper (the template's title)

    def render(self, context: dict, parts: dict[str, bytes] | None = None) -> bytes:
        """``parts``: other archive members to replace (the core properties of render_docx)."""
        body = re.sub(r"\n<w:p([ >])", r"<w:p\1", self._template.render(context))
        for tag, plain in _UNESCAPE:
            body = body.replace(tag, plain)
        if any(char in body for char in _LISTING_CHARS):  # tabs and line breaks in values, as docxtpl does
            body = self._docxtpl.resolve_listing(body)
        body = widen_date_column(body, (context.get("trinh_bay") or {}).get("cot_ngay"))
        xml = _DECLARATION + self._head + body + self._tail
        return self._parts.write({**(parts or {}), _DOCUMENT: keep_signatures(xml.encode("utf-8"))})

    def render_document(self, context: dict, parts: dict[str, bytes] | None = None) -> bytes:
        """The spliced body when that is all docxtpl would do, else docxtpl's own path on the same file."""
        return self.render(context, parts) if self.supported else _render_with_docxtpl(self._source, context, self._env)


def _only_body_tags(document, body: str) -> bool:
    """Whether splicing the body is all docxtpl would do for this template."""
    if "{%tc" in body or "<w:drawing" in body or "<w:pict" in body:
        return False
    others = [rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith(("/header", "/footer"))]
    texts = [etree.tostring(part.element, encoding="unicode") for part in others]
    core = document.core_properties
    texts += [
        str(getattr(core, name) or "") for name in ("title", "subject", "author", "keywords", "comments", "category")
    ]
    return not any("{{" in text or "{%" in text for text in texts)


@cache
def compiled_docx(form: str) -> CompiledDocx:
    return CompiledDocx(_template_bytes(form))


def _render_with_docxtpl(template: bytes, context: dict, env) -> bytes:
    document = DocxTemplate(io.BytesIO(template))
    document.render(context, jinja_env=env, autoescape=True)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render_docx_with_docxtpl(form: str, context: dict) -> bytes:
    """docxtpl's own path: a fresh DocxTemplate, render, save."""
    return _render_with_docxtpl(_template_bytes(form), context, docx_environment())


def render_docx(form: str, context: dict) -> bytes:
    compiled = compiled_docx(form)
    core = core_xml(document_title(form, context), compiled.subject, document_day(context))
    return compiled.render_document(context, {CORE: core})
