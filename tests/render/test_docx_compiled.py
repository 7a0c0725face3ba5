"""The compiled DOCX path prints what docxtpl's own path prints, byte-for-byte stable."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document

from generator import load_document, prepare
from generator.render.docx import CompiledDocx, compiled_docx, render_docx, render_docx_with_docxtpl
from generator.render.zip_parts import ZipParts
from tests.render.test_parity import docx_text
from tests.samples import EXAMPLES, example

DOCUMENTS = sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in {".json", ".yaml"})


@pytest.mark.parametrize("name", DOCUMENTS)
def test_compiled_and_docxtpl_print_the_same_text(name):
    prepared = prepare(load_document(EXAMPLES / name))
    form = prepared.document["form"]
    assert compiled_docx(form).supported
    fast = render_docx(form, prepared.context)
    assert docx_text(fast) == docx_text(render_docx_with_docxtpl(form, prepared.context))
    assert render_docx(form, prepared.context) == fast  # deterministic: same input, same bytes
    assert zipfile.ZipFile(io.BytesIO(fast)).testzip() is None


def test_tabs_and_line_breaks_in_values_are_handled_like_docxtpl():
    doc = example("02b")
    prepared = prepare(doc)
    prepared.context["dang_vien"]["don_vi_cong_tac"] = "Phòng\tHành chính\nTổ 2"  # the presenter makes a name's spaces
    fast = render_docx("ban-tu-kiem-diem", prepared.context)
    assert docx_text(fast) == docx_text(render_docx_with_docxtpl("ban-tu-kiem-diem", prepared.context))
    assert "<w:tab/>" in zipfile.ZipFile(io.BytesIO(fast)).read("word/document.xml").decode()


def test_a_template_with_tags_in_its_header_goes_through_docxtpl():
    doc = Document()
    doc.add_paragraph("{{ ten }}")
    doc.sections[0].header.paragraphs[0].text = "{{ ten }}"
    out = io.BytesIO()
    doc.save(out)
    assert not CompiledDocx(out.getvalue()).supported


def test_zip_parts_copies_members_and_replaces_one():
    source = io.BytesIO()
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.xml", "<a>một</a>" * 100)
        zf.writestr("b/ảnh.txt", "giữ nguyên")
    parts = ZipParts(source.getvalue())
    written = zipfile.ZipFile(io.BytesIO(parts.write({"a.xml": "<a>hai</a>".encode()})))
    assert written.testzip() is None
    assert written.read("a.xml") == "<a>hai</a>".encode() and written.read("b/ảnh.txt") == "giữ nguyên".encode()
    assert parts.names() == ["a.xml", "b/ảnh.txt"]
    untouched = zipfile.ZipFile(io.BytesIO(parts.write({})))
    assert untouched.read("a.xml") == ("<a>một</a>" * 100).encode()
