"""The Word output follows Hướng dẫn 36-HD/VPTW and survives hostile text."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.shared import Mm

from generator import prepare, render
from tests.samples import example

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def rendered(doc: dict) -> Document:
    return Document(io.BytesIO(render(prepare(doc), ["docx"])["docx"]))


@pytest.fixture(scope="module")
def document():
    return rendered(example("02a"))


def all_text(document) -> str:
    return "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in document.element.body.iter(f"{W}p"))


def test_a4_and_margins(document):
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1) and abs(section.page_height - Mm(297)) < Mm(0.1)
    for side, mm in (("top", 20), ("bottom", 20), ("left", 30), ("right", 15)):
        assert abs(getattr(section, f"{side}_margin") - Mm(mm)) < Mm(0.1), side


def test_times_new_roman_in_all_four_slots_and_vietnamese(document):
    styles = document.styles.element
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    normal = document.styles["Normal"].element.rPr
    for rpr in (defaults, normal):
        fonts = rpr.find(f"{W}rFonts")
        assert {fonts.get(f"{W}{slot}") for slot in ("ascii", "hAnsi", "cs", "eastAsia")} == {"Times New Roman"}
        assert rpr.find(f"{W}lang").get(f"{W}val") == "vi-VN"
    used = {p.style.name for p in document.paragraphs}
    for name in used:
        fonts = document.styles[name].element.rPr.find(f"{W}rFonts")
        assert fonts.get(f"{W}hAnsi") == "Times New Roman", name


def test_party_header(document):
    left, right = document.tables[0].rows[0].cells
    # A name too long for the 74 mm cell (70 mm inside Word's margins) breaks between units of meaning (present/header_lines.py), as a line break.
    assert [p.text for p in left.paragraphs] == [
        "ĐẢNG BỘ XÃ ĐÔNG HƯNG",
        "CHI BỘ TRƯỜNG\nTRUNG HỌC CƠ SỞ\nĐÔNG HƯNG",
        "*",
    ]
    assert left.paragraphs[1].runs[0].bold and not left.paragraphs[0].runs[0].bold
    title, date = right.paragraphs
    assert title.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert title.runs[0].bold and title.runs[0].font.size.pt == 15 and not title.runs[0].underline
    # The rule is a border of the title's length, not an underline cutting the dots under Ộ and Ệ.
    border = title._p.pPr.find(f"{W}pBdr/{W}bottom")
    assert border is not None and border.get(f"{W}val") == "single"
    assert title.paragraph_format.left_indent == title.paragraph_format.right_indent > 0
    assert date.text == "Đông Hưng, ngày 10 tháng 12 năm 2025"
    assert date.runs[0].italic


def test_leading_zeros_in_the_date_line():
    doc = example("02b")
    doc["ngay_lap"] = "2026-01-04"
    doc["nam"] = 2025
    header = rendered(doc).tables[0].rows[0].cells[1].paragraphs[1].text
    assert header == "Hà Nội, ngày 04 tháng 01 năm 2026"


def test_variant_title_and_numbering(document):
    text = all_text(document)
    assert "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN" in text
    assert "(Dành cho cá nhân giữ chức vụ lãnh đạo, quản lý)" in text
    assert "3. Kết quả lãnh đạo, quản lý của cơ quan, đơn vị được giao phụ trách" in text
    assert "4. Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm" in text
    assert "Chức vụ Đảng: Bí thư Chi bộ" in text
    member = all_text(rendered(example("02b")))
    assert "3. Việc thực hiện cam kết tu dưỡng" in member and "Chức vụ Đảng" not in member


def test_no_template_syntax_left(document):
    xml = document.element.xml
    for mark in ("{{", "}}", "{%", "%}"):
        assert mark not in xml


def test_optional_sections_say_none():
    text = all_text(rendered(example("02b")))
    assert text.count("Không có.") == 2  # IV and V are absent from the 02B example


def test_page_numbers_from_page_two(document):
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert all(not p.text.strip() for p in section.first_page_header.paragraphs)
    fields = section.header._element.xpath(".//w:fldSimple/@w:instr")
    assert [f.strip() for f in fields] == ["PAGE"]


def test_signature_rows_never_split(document):
    signatures = [t for t in document.tables if "NGƯỜI TỰ KIỂM ĐIỂM" in t.rows[0].cells[1].text]
    assert signatures
    assert signatures[0].rows[0]._tr.trPr.find(f"{W}cantSplit") is not None


def test_hostile_characters_come_out_verbatim():
    """<, & and ' print as typed; straight double quotes print as the “…” of Party texts."""
    doc = example("02b")
    name = "Nguyễn \"Tí\" <Test> & 'Tèo'"
    doc["dang_vien"]["ho_ten"] = name
    if "nhan_xet_chi_bo" in doc:
        doc["nhan_xet_chi_bo"]["nguoi_ky"] = name
    text = all_text(rendered(doc))
    name = "Nguyễn “Tí” <Test> & 'Tèo'"
    assert f"Họ và tên: {name}" in text


def test_text_after_a_less_than_sign_is_not_lost():
    # docxtpl without autoescape silently cuts a paragraph at "<".
    text = all_text(rendered(example("02b")))
    assert "Việc nghiên cứu tài liệu <Nghị quyết> của cấp trên có lúc còn chậm & chưa sâu; tham gia ý kiến" in text
