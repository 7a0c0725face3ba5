"""Blank forms from the page and filled ones read back: the same as ``kiemdiem blank`` and
``kiemdiem import`` (generator.blank), through Flask's test client."""

from __future__ import annotations

import io
import json
import re
from html import unescape

import pytest
from pypdf import PdfReader

from generator.blank import make_blank, render_blank
from tests.web.uploads import fill_02b, zip_bytes


def record_in(page: str) -> dict:
    return json.loads(
        unescape(re.search(r'<script type="application/json" id="ban-ghi">(.*?)</script>', page, re.S).group(1))
    )


def test_blank_page_lists_the_forms_and_options(client):
    page = client.get("/ban-trong").get_data(as_text=True)
    assert "Bản trống để điền" in page
    for option in ("ban-tu-kiem-diem", "bieu-diem-tccsd", "02A", "qd124-2023", "son-la-2021", "Có ô điền"):
        assert option in page


def test_a_fillable_pdf_blank_is_kiemdiem_blanks(client):
    response = client.post(
        "/ban-trong", data={"mau": "ban-tu-kiem-diem", "bien_the": "02A", "dinh_dang": "pdf", "dien_duoc": "1"}
    )
    assert response.status_code == 200
    assert (
        response.headers["Content-Disposition"] == 'attachment; filename="ban-trong-ban-tu-kiem-diem-02a-dien-duoc.pdf"'
    )
    fields = PdfReader(io.BytesIO(response.data)).get_fields()
    expected = PdfReader(
        io.BytesIO(render_blank(make_blank("ban-tu-kiem-diem", {}, variant="02A", fillable="pdf"), "pdf"))
    ).get_fields()
    assert set(fields) == set(expected) and "lanh_dao.phieu_tin_nhiem.tong_so_phieu" in fields


def test_a_paper_docx_blank_prefilled_with_a_name(client):
    prefill = json.dumps({"chi_bo": "Chi bộ Khu phố 5", "dang_vien": {"ho_ten": "Trần Văn Bình"}}).encode()
    response = client.post(
        "/ban-trong",
        data={"mau": "ban-tu-kiem-diem", "dinh_dang": "docx", "du_lieu": (io.BytesIO(prefill), "dien-san.json")},
    )
    assert response.status_code == 200 and response.headers["Content-Disposition"].endswith('ban-tu-kiem-diem.docx"')
    import docx

    word = docx.Document(io.BytesIO(response.data))
    text = "\n".join([p.text for p in word.paragraphs] + [c.text for t in word.tables for r in t.rows for c in r.cells])
    assert "Trần Văn Bình" in text


@pytest.mark.parametrize(
    "form, words",
    [
        ({"mau": "khong-co"}, "“khong-co” không có"),
        ({"mau": "ban-tu-kiem-diem", "profile": "../../etc/passwd"}, "không có; chọn một trong: don-vi-tieu-bieu-2025"),
        ({"mau": "bieu-diem-tccsd", "dinh_dang": "html"}, "“html” không có"),
        (
            {"mau": "bieu-diem-tccsd", "bien_the": "02A", "du_lieu": (io.BytesIO(b"[1]"), "x.json")},
            "không chứa một văn bản",
        ),
    ],
)
def test_a_blank_that_cannot_be_made_says_why(client, form, words):
    response = client.post("/ban-trong", data=form)
    assert response.status_code == 400
    assert words in unescape(response.get_data(as_text=True))


def test_a_filled_pdf_comes_back_as_a_classified_record(client):
    blank = render_blank(
        make_blank("ban-tu-kiem-diem", {"chi_bo": "Chi bộ Khu phố 5"}, variant="02B", fillable="pdf"), "pdf"
    )
    filled = fill_02b(blank)
    response = client.post("/nhap-ban-dien", data={"ban_dien": (io.BytesIO(filled), "ban-da-dien.pdf")})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Hợp lệ — Mẫu 02B-HD KĐ.ĐG 2025, Hoàn thành tốt nhiệm vụ (HTTNV), tổng điểm 90,5/100" in page
    record = record_in(page)
    assert record["dang_vien"]["ho_ten"] == "Nguyễn Thị Ngọc Ánh" and record["chi_bo"] == "Chi bộ Khu phố 5"
    assert record["kiem_diem"]["uu_diem"]["cam_ket"] == ["Thực hiện đầy đủ cam kết <đầu năm> & lời hứa."]


def test_an_unfilled_blank_lists_what_is_missing_and_can_still_be_opened(client):
    blank = render_blank(make_blank("ban-tu-kiem-diem", {}, fillable="pdf"), "pdf")
    response = client.post("/nhap-ban-dien", data={"ban_dien": (io.BytesIO(blank), "trong.pdf")})
    assert response.status_code == 422
    page = unescape(response.get_data(as_text=True))
    assert "Thông tin đảng viên › Họ và tên ($.dang_vien.ho_ten): thiếu trường bắt buộc" in page
    assert record_in(response.get_data(as_text=True))["form"] == "ban-tu-kiem-diem"
    assert "Mở ở trang soạn để sửa" in page


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "chưa chọn bản PDF hoặc DOCX"),
        (b"GIF89a", "cần bản PDF hoặc DOCX điền được"),
    ],
)
def test_import_refuses_what_is_not_a_filled_blank(client, content, words):
    response = client.post("/nhap-ban-dien", data={"ban_dien": (io.BytesIO(content), "x.pdf")})
    assert response.status_code == 400
    assert words in unescape(response.get_data(as_text=True))


def test_a_broken_pdf_is_named_by_generator_blank(client):
    response = client.post("/nhap-ban-dien", data={"ban_dien": (io.BytesIO(b"%PDF-1.7\nrubbish"), "x.pdf")})
    assert response.status_code == 422
    assert "Tệp PDF ($): không đọc được tệp PDF" in unescape(response.get_data(as_text=True))


def test_import_refuses_a_docx_bomb(client):
    bomb = zip_bytes({"word/document.xml": b" " * (30 * 1024 * 1024)})
    response = client.post("/nhap-ban-dien", data={"ban_dien": (io.BytesIO(bomb), "x.docx")})
    assert response.status_code == 400 and "tệp nén độc hại" in unescape(response.get_data(as_text=True))


def test_a_docx_libreoffice_saved_again_is_read_and_the_page_says_so(client):
    """LibreOffice 7.4 drops the controls' names (w:tag): the page reads them by their order and says so."""
    import zipfile

    blank = render_blank(
        make_blank("ban-tu-kiem-diem", {"dang_vien": {"ho_ten": "Lê Văn Tám"}}, variant="02B", fillable="docx"), "docx"
    )
    with zipfile.ZipFile(io.BytesIO(blank)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/document.xml"] = re.sub(rb"<w:tag [^>]*/>", b"", parts["word/document.xml"])
    resaved = zip_bytes(parts)
    response = client.post("/nhap-ban-dien", data={"ban_dien": (io.BytesIO(resaved), "lai.docx")})
    page = unescape(response.get_data(as_text=True))
    assert "Lưu ý: tệp DOCX đã được lưu lại bằng một chương trình khác (LibreOffice)" in page
    assert record_in(page)["dang_vien"]["ho_ten"] == "Lê Văn Tám"
