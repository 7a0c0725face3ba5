"""Printing with a user template, in the sandbox: compiled once per template content.

Both ``kiemdiem template check`` (a trial print with each example document) and the
renderers use these, so a template is checked exactly the way it will print. Every
error a template can cause while printing is turned into one Vietnamese sentence.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import TemplateError, TemplateNotFound, UndefinedError
from jinja2.sandbox import SecurityError

from ..render.docx import CompiledDocx
from ..render.environment import SHARED_MACROS, TooBig, user_docx_environment, user_html_environment
from .bounded import TemplateOverrun, bounded

# What a template (not kiemdiem) can raise while printing: caught and reported, never a traceback.
PRINTING_ERRORS = (SecurityError, TemplateError, ArithmeticError, TypeError, ValueError, LookupError)


def environment(kind: str):
    return user_html_environment() if kind == "html" else user_docx_environment()


@lru_cache(maxsize=16)
def compiled_html(data: bytes):
    return environment("html").from_string(data.decode("utf-8"))


@lru_cache(maxsize=16)
def compiled_docx(data: bytes) -> CompiledDocx:
    return CompiledDocx(data, env=environment("docx"))


def _html(data: bytes, context: dict) -> str:
    return compiled_html(data).render(context)


def _docx(data: bytes, context: dict) -> bytes:
    return compiled_docx(data).render_document(context)


def html_text(data: bytes, context: dict) -> str:
    """The HTML a user template makes of one context (before WeasyPrint lays it out), printed in a
    child bounded in time and memory."""
    compiled_html(data)  # syntax errors are found here, and the child inherits the compiled template
    return bounded(_html, data, context)


def docx_bytes(data: bytes, context: dict) -> bytes:
    """The Word document a user template makes of one context, printed in a bounded child."""
    compiled_docx(data)
    return bounded(_docx, data, context)


class BoundedHtml:
    """A user HTML template as ``render_pdf_counted`` takes one: ``render`` prints in a bounded child."""

    def __init__(self, data: bytes):
        self.data = data

    def render(self, context: dict) -> str:
        return html_text(self.data, context)


def printing_problem(error: Exception) -> str:
    if isinstance(error, (TooBig, TemplateOverrun)):
        return str(error)
    if isinstance(error, SecurityError):
        return f"mẫu đọc thứ bị cấm trong hộp cát (sandbox) khi in: {error}"
    if isinstance(error, TemplateNotFound):
        return f"mẫu nhập “{error.name}”: chỉ được nhập “{SHARED_MACROS}”"
    if isinstance(error, UndefinedError):
        return f"mẫu dùng một tên mà dữ liệu của văn bản không có (Jinja báo: {error})"
    return f"lỗi khi in bằng mẫu ({type(error).__name__}: {error})"
