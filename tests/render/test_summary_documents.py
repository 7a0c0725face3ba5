"""The đảng bộ's list and reports render to DOCX and PDF with the same text."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "present"))
from test_parity import docx_text, normal, once, pdf_text, repeated_headers  # noqa: E402
from test_summary import sample  # noqa: E402

from generator.present.summary import list_context, report_contexts  # noqa: E402
from generator.render import RENDERERS  # noqa: E402


def contexts():
    return {"danh-sach-xep-loai-dang-vien": list_context(sample()), **report_contexts(sample())}


@pytest.mark.parametrize("name", sorted(contexts()))
def test_docx_and_pdf_say_the_same(name):
    context = contexts()[name]
    docx, pdf = RENDERERS["docx"](name, context), RENDERERS["pdf"](name, context)
    docx_side, pdf_side = normal(docx_text(docx)), normal(pdf_text(pdf))
    for header in repeated_headers(docx):
        pdf_side = once(pdf_side, header)
    assert "ĐẢNGCỘNGSẢNVIỆTNAM" in docx_side and "TânLập,ngày05tháng12năm2025" in docx_side
    assert docx_side == pdf_side


def test_the_list_prints_every_member_and_the_reports_their_figures():
    text = normal(docx_text(RENDERERS["docx"]("danh-sach-xep-loai-dang-vien", list_context(sample()))))
    for name in ("NguyễnThịÁnh", "LêVănBình", "ĐỗVănHải", "87,5"):
        assert name in text
    report = normal(docx_text(RENDERERS["docx"]("bao-cao-tong-hop-xep-loai", report_contexts(sample())["bao-cao-tong-hop-xep-loai"])))
    assert "Tổngsốđảngviên:6;đượcxếploại:3;khôngxếploại:1;chưacókếtquả:2." in report
    assert "T/MĐẢNGỦY" in report and "HàVănSơn" in report


def test_empty_lists_still_render():
    empty = sample(members=[], organisations=[], quotas=[], not_rated=[], pending=[], errors=[])
    for name, context in {"danh-sach-xep-loai-dang-vien": list_context(empty), **report_contexts(empty)}.items():
        assert normal(docx_text(RENDERERS["docx"](name, context))) == normal(pdf_text(RENDERERS["pdf"](name, context)))
