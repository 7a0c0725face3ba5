"""DOCX and PDF of one input carry the same text: both print one presented context."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from docx import Document
from pypdf import PdfReader

from generator import load_document, prepare, render
from tests.samples import EXAMPLES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(data: bytes) -> str:
    body = Document(io.BytesIO(data)).element.body
    return "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p"))


def pdf_text(data: bytes) -> str:
    """Text of the page bodies; the page number sits in the 20 mm top margin and is left out."""
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        top_margin = float(page.mediabox.top) - 20 * 72 / 25.4
        parts: list[str] = []

        def keep(text, cm, tm, font, size):
            if (tm[5] * cm[3] + cm[5]) < top_margin:
                parts.append(text)

        page.extract_text(visitor_text=keep)
        pages.append("".join(parts))
    return "\n".join(pages)


def normal(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def repeated_headers(data: bytes) -> list[str]:
    """Table header rows (w:tblHeader), which a PDF prints again on every page."""
    body = Document(io.BytesIO(data)).element.body
    rows = [tr for tr in body.iter(f"{W}tr") if tr.find(f"{W}trPr/{W}tblHeader") is not None]
    return [normal("".join(t.text or "" for t in tr.iter(f"{W}t"))) for tr in rows]


def once(text: str, piece: str) -> str:
    first = text.find(piece)
    if first < 0:
        return text
    end = first + len(piece)
    return text[:end] + text[end:].replace(piece, "")


DOCUMENTS = sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in {".json", ".yaml"})


@pytest.mark.parametrize("name", DOCUMENTS)
def test_docx_and_pdf_say_the_same(name):
    files = render(prepare(load_document(EXAMPLES / name)), ["docx", "pdf"])
    docx_side, pdf_side = normal(docx_text(files["docx"])), normal(pdf_text(files["pdf"]))
    for header in repeated_headers(files["docx"]):
        pdf_side = once(pdf_side, header)
    assert len(docx_side) > 1000  # a whole document, not an empty shell
    if docx_side != pdf_side:
        at = (
            next(i for i, (a, b) in enumerate(zip(docx_side, pdf_side)) if a != b)
            if docx_side[: len(pdf_side)] != pdf_side[: len(docx_side)]
            else min(len(docx_side), len(pdf_side))
        )
        pytest.fail(
            f"first difference at {at}: DOCX …{docx_side[at - 60 : at + 60]}… / PDF …{pdf_side[at - 60 : at + 60]}…"
        )
