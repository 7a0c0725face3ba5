"""Blank forms: print-ready blanks, pre-filled blanks, fillable PDF and DOCX, and reading them back.

A blank is rendered by the form's own templates from a blank context (``layouts.py``):
the filled document and its blank come from one template and cannot drift apart.
``kiemdiem blank``, ``kiemdiem import`` and ``kiemdiem bulk --blank`` are in ``commands.py``.
"""
from __future__ import annotations

from .document import BLANK_FORMS, VARIANT_CODES, BlankDocument, make_blank, render_blank

__all__ = ["BLANK_FORMS", "VARIANT_CODES", "BlankDocument", "make_blank", "render_blank"]
