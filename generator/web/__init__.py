"""``kiemdiem serve``: the pipeline in a browser, for people who never open a terminal.

A small Flask app on 127.0.0.1: a form generated from the JSON Schema, the same
validation messages and classification as the CLI, DOCX/PDF downloads, and a
đảng bộ workbook turned into a ZIP in the background. It writes only under its
working directory and takes no templates from the browser.
"""

from __future__ import annotations


def create_app(*args, **kwargs):
    """The Flask app (see ``app.create_app``); imported here lazily so ``kiemdiem`` starts fast."""
    from .app import create_app as make

    return make(*args, **kwargs)


__all__ = ["create_app"]
