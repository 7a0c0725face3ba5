"""Step 5 — render: DOCX (docxtpl) and PDF (WeasyPrint) from one presented context.

The renderers are imported when first asked for (``renderer``, or ``render_docx``/``render_pdf``
as attributes): WeasyPrint alone takes a second to load, and ``kiemdiem validate``, ``classify``
or ``--help`` never print anything.
"""

from __future__ import annotations

FORMATS = ("docx", "pdf")
_MODULES = {"docx": ("docx", "render_docx"), "pdf": ("pdf", "render_pdf")}

__all__ = ["FORMATS", "RENDERERS", "render_docx", "render_pdf", "renderer"]


def renderer(fmt: str):
    """The function that renders ``fmt`` ("docx" or "pdf") from a form and its context."""
    from importlib import import_module

    module, name = _MODULES[fmt]
    return getattr(import_module(f"{__name__}.{module}"), name)


def __getattr__(name: str):
    if name == "RENDERERS":
        return {fmt: renderer(fmt) for fmt in FORMATS}
    for fmt, (_, function) in _MODULES.items():
        if name == function:
            return renderer(fmt)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
