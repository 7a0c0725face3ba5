"""The PDF: exact Vietnamese text, embedded Times-compatible fonts, A4, page numbers, no network."""

from __future__ import annotations

import io
import unicodedata

import pytest
from pypdf import PdfReader

from generator import prepare, render
from generator.render.pdf import TemplateAssetFetcher
from generator.resources import templates_dir
from tests.samples import example


def pdf_of(doc: dict) -> PdfReader:
    return PdfReader(io.BytesIO(render(prepare(doc), ["pdf"])["pdf"]))


@pytest.fixture(scope="module")
def reader():
    return pdf_of(example("02b"))


def text_of(reader) -> str:
    """NFC text with line wraps folded into single spaces."""
    return " ".join(unicodedata.normalize("NFC", "\n".join(p.extract_text() for p in reader.pages)).split())


@pytest.mark.parametrize(
    "expected",
    [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "ĐẢNG BỘ PHƯỜNG BA ĐÌNH",
        "Hà Nội, ngày 05 tháng 12 năm 2025",
        "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN",
        "Họ và tên: Nguyễn Thị Ngọc Ánh",
        "Ngày sinh: 09/02/1988",
        "<Nghị quyết>",
        "còn chậm & chưa sâu",
        "II. TỰ XẾP LOẠI: Hoàn thành xuất sắc nhiệm vụ",
        "T/M CHI ỦY",
    ],
)
def test_text_with_its_diacritics(reader, expected):
    assert expected in text_of(reader)


def test_fonts_are_embedded_times_compatible(reader):
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            names.add(str(font["/BaseFont"]).split("+")[-1])
    assert names and all(
        n.startswith(("LiberationSerif", "Liberation-Serif", "TimesNewRoman", "Tinos")) for n in names
    ), names


def test_every_page_is_a4(reader):
    for page in reader.pages:
        assert abs(float(page.mediabox.width) - 595.28) < 1 and abs(float(page.mediabox.height) - 841.89) < 1


def test_page_number_from_page_two(reader):
    assert len(reader.pages) >= 2
    tops = []
    for page in reader.pages:
        top = float(page.mediabox.top) - 20 * 72 / 25.4
        found: list[str] = []
        page.extract_text(visitor_text=lambda t, cm, tm, f, s: found.append(t) if tm[5] * cm[3] + cm[5] > top else None)
        tops.append("".join(found).strip())
    assert tops[0] == ""
    assert tops[1:] == [str(n) for n in range(2, len(reader.pages) + 1)]


def test_hostile_characters_come_out_verbatim():
    doc = example("02c")
    doc["dang_vien"]["ho_ten"] = "Nguyễn \"Tí\" <Test> & 'Tèo'"
    assert "Họ và tên: Nguyễn “Tí” <Test> & 'Tèo'" in text_of(pdf_of(doc))  # straight quotes print as “…”


def test_nfd_input_is_searchable_as_nfc():
    doc = example("02c")
    doc["dang_vien"]["ho_ten"] = unicodedata.normalize("NFD", "Phạm Thị Hồng Nhung")  # straight to the API
    raw = "\n".join(p.extract_text() for p in pdf_of(doc).pages)
    assert "Phạm Thị Hồng Nhung" in raw


def test_fetcher_serves_only_template_files():
    fetcher = TemplateAssetFetcher()
    css = (templates_dir() / "_shared" / "hd36.css").as_uri()
    assert b"@page" in fetcher.fetch(css).read()
    for url in (
        "http://127.0.0.1/x.css",
        "https://example.org/font.ttf",
        "file:///etc/passwd",
        (templates_dir() / ".." / "pyproject.toml").as_uri(),
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
