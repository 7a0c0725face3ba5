"""The page's check and print are the CLI's: same problems, same lines, same documents."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator import load_document, prepare, render
from generator.errors import InputError
from generator.evaluate import evaluate
from generator.validate import validate
from generator.web.checking import check, render_document

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize(
    "name", ["phieu-bieu-quyet-2025.json", "bien-ban-kiem-phieu-2025.json", "phieu-nhan-xet-noi-cu-tru.yaml"]
)
def test_meeting_forms_show_classifys_lines(name):
    document = load_document(EXAMPLES / name)
    answer = check(document)
    assert answer["problems"] == []
    assert answer["result"]["lines"] == evaluate(validate(document)).lines()


def test_a_commendation_shows_its_amounts():
    document = load_document(EXAMPLES / "to-trinh-khen-thuong-2025.yaml")
    valid = validate(document)
    assert check(document)["result"]["lines"] == evaluate(valid).lines()


def test_the_score_is_written_as_the_cli_writes_it():
    result = check(load_document(EXAMPLES / "bao-cao-kiem-diem-tap-the-2025.yaml"))["result"]
    assert result["score_line"].startswith("Tổng điểm: 88,5/100 (")  # a decimal comma, not "88.5"
    assert check(load_document(EXAMPLES / "bieu-diem-tccsd-2023.yaml"))["result"]["score_line"] is None  # graded


def test_graded_criteria_are_listed():
    document = load_document(EXAMPLES / "bieu-diem-tccsd-2023.yaml")
    lines = check(document)["result"]["lines"]
    assert lines and all(". " in line and ": " in line for line in lines)


@pytest.mark.parametrize(
    "name, stem",
    [
        ("ban-tu-kiem-diem-02a.yaml", "ban-tu-kiem-diem-"),
        ("bieu-diem-tccsd-2025.json", "bieu-diem-tccsd-"),
        ("to-trinh-khen-thuong-2025.yaml", "to-trinh-khen-thuong-"),
        ("phieu-bieu-quyet-2025.json", "phieu-bieu-quyet-"),
        ("phieu-nhan-xet-noi-cu-tru.yaml", "phieu-nhan-xet-noi-cu-tru"),
    ],
)
def test_render_names_the_file_after_the_document_in_ascii(name, stem):
    document = load_document(EXAMPLES / name)
    file_name, data = render_document(document, "docx")
    assert file_name.startswith(stem) and file_name.endswith(".docx") and file_name.isascii()
    assert "/" not in file_name and ".." not in file_name
    assert data[:2] == b"PK"


def test_render_prints_what_the_pipeline_prints():
    document = load_document(EXAMPLES / "ban-tu-kiem-diem-02c.json")
    _, pdf = render_document(document, "pdf")
    expected = render(prepare(document), ["pdf"])["pdf"]
    text = lambda data: [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]  # noqa: E731
    assert text(pdf) == text(expected) and "ĐẢNG CỘNG SẢN VIỆT NAM" in text(pdf)[0]


def test_text_typed_in_number_and_date_fields_is_read_as_the_workbook_reads_it():
    document = load_document(EXAMPLES / "ban-tu-kiem-diem-02b.json")
    typed = {**document, "ngay_lap": "08/12/2025", "dang_vien": {**document["dang_vien"], "ngay_sinh": "7/3/1985"}}
    typed["nhiem_vu"] = {k: str(v) for k, v in document["nhiem_vu"].items()}
    answer = check(typed)
    assert answer["problems"] == [] and answer["result"] == check(document)["result"]
    name, pdf = render_document(typed, "pdf")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "ngày 08 tháng 12 năm 2025" in text and "Ngày sinh: 07/3/1985" in text


@pytest.mark.parametrize(
    "path, value, message",
    [
        (
            ("ngay_lap",),
            "05/12/25",
            "Ngày lập bản kiểm điểm ($.ngay_lap): ngày “05/12/25” cần năm đủ 4 chữ số (ghi dạng dd/mm/yyyy)",
        ),
        (
            ("diem", "tieu_chi_chung", "diem"),
            "27.500",
            "Nhóm tiêu chí chung › Điểm tự chấm ($.diem.tieu_chi_chung.diem): "
            "“27.500” là 27,5 hay 27500? Hãy ghi rõ 27,5 hoặc 27500 (số thập phân dùng dấu phẩy, không dùng dấu chấm hàng nghìn)",
        ),
        (
            ("diem", "tieu_chi_chung", "diem"),
            275,
            "Nhóm tiêu chí chung › Điểm tự chấm ($.diem.tieu_chi_chung.diem): 275 vượt quá mức tối đa 30",
        ),  # the part's own maximum, as its label shows it, not the schema's 100
        (("nhiem_vu", "so_duoc_giao"), "10,5", "cần một số nguyên, không phải “10,5”"),
    ],
)
def test_what_cannot_be_read_is_named_with_its_field(path, value, message):
    document = load_document(EXAMPLES / "ban-tu-kiem-diem-02b.json")
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    texts = [p["text"] for p in check(document)["problems"]]
    assert any(t.endswith(message) for t in texts), texts
    with pytest.raises(InputError):
        render_document(document, "pdf")


def test_the_page_names_the_schemas_and_the_regimes_problems_in_one_round():
    document = load_document(EXAMPLES / "bieu-diem-tccsd-2023.yaml")
    del document["to_chuc"]
    del document["cap_do"]["chinh_tri_tu_tuong"]
    answer = check(document)
    assert [p["text"] for p in answer["problems"]] == [
        "Tổ chức đảng ($.to_chuc): thiếu trường bắt buộc",
        "Về xây dựng Đảng về chính trị, tư tưởng, đạo đức ($.cap_do.chinh_tri_tu_tuong): "
        "thiếu mức đánh giá (xuat_sac, tot, trung_binh, kem)",
    ]
    assert answer["result"] is None
