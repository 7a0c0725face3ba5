"""Every blank of every form, variant and regime renders in both formats, with the filled
form's headings in the same order, an empty place wherever a person writes, and nothing
that a document of somebody else would print."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from pypdf import PdfReader

from generator import forms, load_document, prepare, render
from generator.blank import make_blank, render_blank
from generator.errors import InputError
from tests.render.test_parity import docx_text, normal, once, pdf_text, repeated_headers
from tests.samples import EXAMPLES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADING_STYLES = ("KDPhần", "KDMục", "KDTiểumục")
BLANKS = (
    [("ban-tu-kiem-diem", None, v) for v in ("02A", "02B", "02C")]
    + [
        (form, regime, None)
        for form in ("bieu-diem-tccsd", "bao-cao-kiem-diem-tap-the")
        for regime in ("hd07-2011", "hd27-2014", "qd132-2019", "qd124-2023", "qd366-2025")
    ]
    + [("to-trinh-khen-thuong", None, None)]
)
FILLED = {
    "02A": "ban-tu-kiem-diem-02a.yaml",
    "02B": "ban-tu-kiem-diem-02b.json",
    "02C": "ban-tu-kiem-diem-02c.json",
    "bieu-diem-tccsd": "bieu-diem-tccsd-2025.json",
    "bao-cao-kiem-diem-tap-the": "bao-cao-kiem-diem-tap-the-2025.yaml",
}


def headings(docx: bytes) -> list[str]:
    """Part, section and subsection headings, up to a colon (after it a filled form prints its value)."""
    out = []
    for p in Document(io.BytesIO(docx)).element.body.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val") in HEADING_STYLES:
            out.append("".join(t.text or "" for t in p.iter(f"{W}t")).split(":")[0].strip())
    return out


def paragraphs_of(docx: bytes, style: str) -> list[str]:
    found = []
    for p in Document(io.BytesIO(docx)).element.body.iter(f"{W}p"):
        mark = p.find(f"{W}pPr/{W}pStyle")
        if mark is not None and mark.get(f"{W}val") == style:
            found.append("".join(t.text or "" for t in p.iter(f"{W}t")))
    return found


@pytest.mark.parametrize(("form", "regime", "variant"), BLANKS)
def test_every_blank_renders_in_both_formats_saying_the_same(form, regime, variant):
    blank = make_blank(form, {}, regime=regime, variant=variant)
    docx, pdf = render_blank(blank, "docx"), render_blank(blank, "pdf")
    docx_side, pdf_side = normal(docx_text(docx)), normal(pdf_text(pdf))
    for header in repeated_headers(docx):
        pdf_side = once(pdf_side, header)
    assert len(docx_side) > 500 and docx_side == pdf_side
    assert "ĐẢNGCỘNGSẢNVIỆTNAM" in docx_side and "SỐLIỆUĐỂXẾPLOẠI" in docx_side
    fillable = render_blank(make_blank(form, {}, regime=regime, variant=variant, fillable="pdf"), "pdf")
    assert len(PdfReader(io.BytesIO(fillable)).get_fields()) > 20
    word = render_blank(make_blank(form, {}, regime=regime, variant=variant, fillable="docx"), "docx")
    tags = [t.get(f"{W}val") for t in Document(io.BytesIO(word)).element.body.iter(f"{W}tag")]
    assert len(tags) > 20 and len(set(tags)) == len(tags)  # one content control per field


@pytest.mark.parametrize("key", sorted(FILLED))
def test_a_blank_has_the_filled_forms_headings_in_order(key):
    document = load_document(EXAMPLES / FILLED[key])
    if forms.form(document["form"]).annex:  # the form's headings: the annex of reasons is not part of it
        document = {**document, "in_phu_luc": False}
    filled = render(prepare(document), ["docx"])["docx"]
    kind = {k: document[k] for k in ("loai_to_chuc", "loai_tap_the") if k in document}  # which sections it has
    variant = key if key.startswith("02") else None
    blank = render_blank(make_blank(document["form"], kind, regime=document.get("regime"), variant=variant), "docx")
    expected, got = headings(filled), headings(blank)
    assert got[: len(expected)] == expected


def choices(docx: bytes) -> str:
    """The DOCX's text with its choice lines read as words: Word keeps an option's words together with
    no-break spaces, and a long line of options starts on a line of its own (render/environment.py)."""
    return docx_text(docx).replace("\u00a0", " ").replace(":\n☐", ": ☐").replace(":\nNăm", ": Năm")


@pytest.mark.parametrize("variant", ["02A", "02B", "02C"])
def test_a_blank_bản_tự_kiểm_điểm_leaves_every_place_empty(variant):
    docx = render_blank(make_blank("ban-tu-kiem-diem", {}, variant=variant), "docx")
    text = choices(docx)
    prose = [p for p in paragraphs_of(docx, "KDĐoạn") if not p.startswith("Chi bộ đề xuất xếp loại:")]
    assert prose and all(re.fullmatch("…+", p) for p in prose)  # only ruled lines under the sections
    assert re.search(r"^…+, ngày …+ tháng …+ năm …+$", text, re.M)
    assert (
        "☐ Hoàn thành xuất sắc nhiệm vụ   ☐ Hoàn thành tốt nhiệm vụ   ☐ Hoàn thành nhiệm vụ   ☐ Không hoàn thành nhiệm vụ"
        in text
    )
    rows = [[c.text for c in row.cells] for t in Document(io.BytesIO(docx)).tables for row in t.rows]
    score_rows = [r for r in rows if r[0] in ("1", "2", "Tổng cộng")]
    assert [r[2] for r in score_rows] == ["30", "70", "100"] and all(r[3] == "" for r in score_rows)
    signature = next(t for t in Document(io.BytesIO(docx)).tables if "NGƯỜI TỰ KIỂM ĐIỂM" in t.rows[0].cells[1].text)
    assert [p.text for p in signature.rows[0].cells[1].paragraphs if p.text] == [
        "NGƯỜI TỰ KIỂM ĐIỂM",
        "(Ký, ghi rõ họ tên)",
    ]
    assert ("Chức vụ chính quyền:" in text) == (variant == "02A")
    assert ("3. Kết quả lãnh đạo, quản lý" in text) == (variant == "02A")
    form_itself = text.split("SỐ LIỆU ĐỂ XẾP LOẠI")[0].splitlines()
    numbered = {f"Mẫu {variant}-HD KĐ.ĐG 2025", "1", "2", "30", "70", "100"}
    assert all(line in numbered or re.match(r"\d\. [A-ZĐ]", line) for line in form_itself if re.search(r"\d", line))


def test_pre_filled_values_are_printed_and_the_rest_left_blank():
    data = {
        "chi_bo": "Chi bộ Khu phố 5",
        "dang_bo": "Đảng bộ phường Ba Đình",
        "dia_danh": "Ba Đình",
        "dang_vien": {"ho_ten": "Nguyễn Thị Ngọc Ánh", "ngay_sinh": "1985-03-07"},
        "diem": {
            "ket_qua_nhiem_vu": {
                "tieu_chi": [
                    {"ten": "Thực hiện nhiệm vụ chuyên môn", "diem_toi_da": 50},
                    {"ten": "Công tác đoàn thể", "diem_toi_da": 20},
                ]
            }
        },
    }
    blank = make_blank("ban-tu-kiem-diem", data, variant="02B")
    docx, pdf = render_blank(blank, "docx"), render_blank(blank, "pdf")
    for text in (docx_text(docx), pdf_text(pdf)):
        assert "Họ và tên: Nguyễn Thị Ngọc Ánh" in text and "Ngày sinh: 07/3/1985" in text
        assert "CHI BỘ KHU PHỐ 5" in text and "ĐẢNG BỘ PHƯỜNG BA ĐÌNH" in text
        assert "Ba Đình, ngày …… tháng …… năm ………" in text
        assert "Đơn vị công tác: ……" in text
    rows = [[c.text for c in row.cells] for t in Document(io.BytesIO(docx)).tables for row in t.rows]
    assert ["2.1", "Thực hiện nhiệm vụ chuyên môn", "50", ""] in rows and ["2.2", "Công tác đoàn thể", "20", ""] in rows
    signature = [p.text for t in Document(io.BytesIO(docx)).tables for p in t.rows[0].cells[-1].paragraphs]
    assert "Nguyễn Thị Ngọc Ánh" in signature  # the member's name under the signature when it is known


def test_a_regime_graded_per_criterion_prints_each_criterion_with_its_grades():
    text = choices(
        render_blank(make_blank("bieu-diem-tccsd", {"loai_to_chuc": "chi_bo_co_so"}, regime="qd124-2023"), "docx")
    )
    assert "Về xây dựng Đảng về chính trị, tư tưởng, đạo đức" in text
    assert "☐ Xuất sắc   ☐ Tốt   ☐ Trung bình   ☐ Kém" in text
    assert "KẾT QUẢ XẾP LOẠI TỔ CHỨC ĐẢNG TRỰC THUỘC" not in text  # a chi bộ cơ sở has none under it
    assert "Loại tổ chức đảng:" not in text  # given, so not asked again


@pytest.mark.parametrize(
    ("day", "bases", "facts"),
    [("2011-12-20", "Hướng dẫn số 07-HD/BTCTW", "chiến sĩ thi đua"), ("2025-12-22", "Quy định số 294-QĐ/TW", None)],
)
def test_a_blank_tờ_trình_cites_the_rules_of_its_date_and_asks_what_they_need(day, bases, facts):
    text = choices(render_blank(make_blank("to-trinh-khen-thuong", {"ngay_lap": day}), "docx"))
    assert f"Căn cứ {bases}" in text and "Số ………-TTr/………" in text and "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM ………" in text
    # The levels the proposal's years were rated with: a 2025 tờ trình's years all come after the 2018 names.
    first = "Trong sạch, vững mạnh" if day < "2018" else "Hoàn thành xuất sắc nhiệm vụ"
    assert f"Đề nghị 3, kết quả năm thứ 1: Năm ………: ☐ {first}" in text
    assert ("☐ Trong sạch, vững mạnh" in text) == (day < "2018")
    assert (facts is not None) == ("Đạt danh hiệu “Chiến sĩ thi đua cơ sở”".lower() in text.lower())
    rows = [
        [c.text for c in row.cells]
        for t in Document(
            io.BytesIO(render_blank(make_blank("to-trinh-khen-thuong", {"ngay_lap": day}), "docx"))
        ).tables
        for row in t.rows
    ]
    assert ["1", "\n", "", "", "", ""] in rows and [
        "10",
        "\n",
        "",
        "",
        "",
        "",
    ] in rows  # rows to write in, two lines tall


def test_options_that_do_not_fit_the_form_are_refused():
    with pytest.raises(InputError) as caught:
        make_blank("bieu-diem-tccsd", {}, variant="02A")
    assert caught.value.problems[0].path == "--variant"
    with pytest.raises(InputError) as caught:
        make_blank("ban-tu-kiem-diem", {"dang_vien": {"doi_tuong": "lanh_dao_quan_ly"}}, variant="02B")
    assert caught.value.problems[0].path == "$.dang_vien.doi_tuong"
    with pytest.raises(InputError) as caught:
        make_blank("ban-tu-kiem-diem", {}, regime="hd07-2011")
    assert caught.value.problems[0].path == "$.regime"
