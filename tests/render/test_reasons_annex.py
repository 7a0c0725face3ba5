"""Biểu điểm and Mẫu 01 print the official form only; the engine's reasons go to an annex after the signature."""

from __future__ import annotations

import copy
import io

import pytest
from pypdf import PdfReader

from generator import load_document, prepare, render
from generator.cli import main
from tests.render.test_parity import docx_text, normal
from tests.samples import EXAMPLES

ANNEX = "PHỤ LỤC: CĂN CỨ XẾP LOẠI"
FORMS = {
    "bieu-diem-tccsd-2025.json": ("Phạm Thu Trang", "Đối chiếu điểm và điều kiện xếp loại"),
    "bao-cao-kiem-diem-tap-the-2025.yaml": (None, "Căn cứ đề xuất xếp loại"),
}


def texts(document: dict) -> tuple[dict[str, str], dict]:
    prepared = prepare(document)
    out = render(prepared, ("docx", "pdf"))
    pdf = [page.extract_text() for page in PdfReader(io.BytesIO(out["pdf"])).pages]
    return {"docx": docx_text(out["docx"]), "pdf": "\n".join(pdf), "pdf_last": pdf[-1]}, prepared.context


@pytest.mark.parametrize("name", sorted(FORMS))
def test_the_annex_follows_the_signature_with_every_reason(name):
    document = load_document(EXAMPLES / name)
    text, context = texts(document)
    signer = FORMS[name][0] or document["ky"]["nguoi_ky"]
    reasons = [f"- {r['text']} ({r['rule']})" for r in context["ket_qua"]["reasons"]]
    assert reasons
    for fmt in ("docx", "pdf"):
        body = normal(text[fmt])
        assert normal(ANNEX) in body and normal(FORMS[name][1]) in body
        form, annex = body.split(normal(ANNEX))
        assert normal(signer) in form  # the signature is in the form, before the annex
        assert all(normal(r) in annex for r in reasons)
        assert not any(normal(r["text"]) in form for r in context["ket_qua"]["reasons"])  # nothing of them in the form
        for heading in ("ĐỐI CHIẾU ĐIỂM VÀ ĐIỀU KIỆN XẾP LOẠI", "Căn cứ đề xuất:"):
            assert normal(heading) not in form
    assert normal(ANNEX) in normal(text["pdf_last"])  # a page of its own, the last one
    assert normal(signer) not in normal(text["pdf_last"])


@pytest.mark.parametrize("name", sorted(FORMS))
def test_in_phu_luc_false_leaves_the_annex_out(name):
    document = copy.deepcopy(load_document(EXAMPLES / name))
    document["in_phu_luc"] = False
    text, context = texts(document)
    assert context["trinh_bay"]["phu_luc"] is None
    for fmt in ("docx", "pdf"):
        assert normal(ANNEX) not in normal(text[fmt])
        assert not any(normal(r["text"]) in normal(text[fmt]) for r in context["ket_qua"]["reasons"])


def test_render_khong_phu_luc_leaves_it_out_and_the_default_keeps_it(tmp_path):
    source = EXAMPLES / "bieu-diem-tccsd-2025.json"
    assert main(["render", str(source), "--format", "docx", "-o", str(tmp_path / "co")]) == 0
    assert main(["render", str(source), "--format", "docx", "--khong-phu-luc", "-o", str(tmp_path / "khong")]) == 0
    with_annex = docx_text((tmp_path / "co" / "bieu-diem-tccsd-2025.docx").read_bytes())
    without = docx_text((tmp_path / "khong" / "bieu-diem-tccsd-2025.docx").read_bytes())
    assert ANNEX in with_annex and ANNEX not in without
    assert "Phạm Thu Trang" in without  # the form itself is whole


@pytest.mark.parametrize(
    "kind, title",
    [
        ("chi_bo_truc_thuoc", "BẢNG TỰ CHẤM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CHI BỘ"),
        ("chi_bo_co_so", "BẢNG TỰ CHẤM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG"),
    ],
)
def test_a_chi_bo_truc_thuoc_sheet_is_titled_for_a_chi_bo(kind, title):
    document = copy.deepcopy(load_document(EXAMPLES / "bieu-diem-tccsd-2025.json"))
    document["loai_to_chuc"] = kind
    prepared = prepare(document)
    printed = prepared.context["trinh_bay"]["tieu_de"]  # in balanced lines (present/header_lines.balanced_title)
    assert " ".join(printed.split()) == title and "\n" in printed
    assert printed.replace("\n", "") in docx_text(render(prepared, ("docx",))["docx"])  # a line break reads as ""


@pytest.mark.parametrize(
    "name", ["bieu-diem-tccsd-2014.yaml", "bieu-diem-tccsd-2023.yaml", "bieu-diem-tccsd-2011.yaml"]
)
def test_older_regimes_title_a_chi_bo_truc_thuoc_for_a_chi_bo_too(name):
    document = copy.deepcopy(load_document(EXAMPLES / name))
    document["loai_to_chuc"] = "chi_bo_truc_thuoc"
    document.pop("thong_ke_to_chuc", None)
    title = prepare(document).context["trinh_bay"]["tieu_de"]
    assert title.endswith("CHI BỘ") and "CƠ SỞ ĐẢNG" not in title


@pytest.mark.parametrize("name", sorted(FORMS))
def test_in_word_the_annex_starts_a_new_page_after_the_signature_table(name):
    from docx import Document

    from tests.render.test_parity import W

    body = Document(io.BytesIO(render(prepare(load_document(EXAMPLES / name)), ("docx",))["docx"])).element.body
    blocks = list(body)
    title = next(
        i for i, b in enumerate(blocks) if b.tag == f"{W}p" and "".join(t.text or "" for t in b.iter(f"{W}t")) == ANNEX
    )
    assert blocks[title].find(f"{W}pPr/{W}pageBreakBefore") is not None
    last_table = max(i for i, b in enumerate(blocks) if b.tag == f"{W}tbl")
    assert last_table < title  # the signature table comes first
    signature = "".join(t.text or "" for t in blocks[last_table].iter(f"{W}t"))
    assert "Nơi nhận" in signature
