"""Blank forms: print-ready blanks, pre-filled blanks, fillable PDF and DOCX, and reading them back.

A blank is rendered by the form's own templates from a blank context (``layouts.py``):
the filled document and its blank come from one template and cannot drift apart.
``kiemdiem blank``, ``kiemdiem import`` and ``kiemdiem bulk --blank`` are in ``commands.py``.
Which forms have a blank, and its variants, is the registry's (generator/forms.py). The builder
(and its renderers) is imported when first used, not by the CLI's option parser.
"""

from __future__ import annotations

__all__ = ["BlankDocument", "make_blank", "render_blank"]


def __getattr__(name: str):
    if name in ("BlankDocument", "make_blank", "render_blank"):
        from . import document

        return getattr(document, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
