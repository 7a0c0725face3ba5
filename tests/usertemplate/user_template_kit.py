"""Helpers for the user-template tests: the shipped templates as a user would start from
them (exported), changed the way a committee would change them."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document

from generator.usertemplate.export import export_template

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def exported(tmp_path: Path, form: str, suffix: str) -> Path:
    return export_template(form, tmp_path / f"{form}-rieng{suffix}")


def edit_html(path: Path, old: str, new: str, count: int = 1) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def edit_docx(path: Path, old: str, new: str) -> int:
    """Replace the text of the first paragraph containing ``old`` (all its runs → one);
    return the paragraph's number in document order, tables included (what the check reports)."""
    document = Document(path)
    body = document.element.body
    for number, p in enumerate(body.iter(f"{W}p"), 1):
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        if old in text:
            runs = list(p.iter(f"{W}t"))
            runs[0].text = text.replace(old, new)
            for t in runs[1:]:
                t.text = ""
            document.save(path)
            return number
    raise AssertionError(f"no paragraph with {old!r}")


def add_docx_paragraph_first(path: Path, text: str) -> None:
    document = Document(path)
    document.paragraphs[0].insert_paragraph_before(text)
    document.save(path)


def docx_text(data: bytes) -> str:
    body = Document(io.BytesIO(data)).element.body
    return "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p"))
