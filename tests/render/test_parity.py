"""DOCX and PDF of one input carry the same text: both print one presented context."""
from __future__ import annotations

import io
import re
import unicodedata

import pytest
from docx import Document
from pypdf import PdfReader

from conftest import example
from generator import prepare, render

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(data: bytes) -> str:
    body = Document(io.BytesIO(data)).element.body
    return "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p"))


def pdf_text(data: bytes) -> str:
    pages = []
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages, 1):
        text = page.extract_text()
        if number > 1:  # the page number printed at the top of pages 2…
            text = re.sub(rf"^\s*{number}\s*\n", "", text, count=1)
        pages.append(text)
    return "\n".join(pages)


def normal(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("variant", ["02a", "02b", "02c"])
def test_docx_and_pdf_say_the_same(variant):
    files = render(prepare(example(variant)), ["docx", "pdf"])
    docx_side, pdf_side = normal(docx_text(files["docx"])), normal(pdf_text(files["pdf"]))
    assert len(docx_side) > 2000
    if docx_side != pdf_side:
        at = next(i for i, (a, b) in enumerate(zip(docx_side, pdf_side)) if a != b) if docx_side[:len(pdf_side)] != pdf_side[:len(docx_side)] else min(len(docx_side), len(pdf_side))
        pytest.fail(f"first difference at {at}: DOCX …{docx_side[at - 60:at + 60]}… / PDF …{pdf_side[at - 60:at + 60]}…")
