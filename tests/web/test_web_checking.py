"""The page's check and print are the CLI's: same problems, same lines, same documents."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator import load_document, prepare, render
from generator.cli import commendation_lines
from generator.evaluate import evaluate
from generator.validate import validate
from generator.web.checking import check, render_document

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize("name", ["phieu-bieu-quyet-2025.json", "bien-ban-kiem-phieu-2025.json", "phieu-nhan-xet-noi-cu-tru.yaml"])
def test_meeting_forms_show_classifys_lines(name):
    document = load_document(EXAMPLES / name)
    answer = check(document)
    assert answer["problems"] == []
    assert answer["result"]["lines"] == evaluate(validate(document)).lines()


def test_a_commendation_shows_its_amounts():
    document = load_document(EXAMPLES / "to-trinh-khen-thuong-2025.yaml")
    valid = validate(document)
    assert check(document)["result"]["lines"] == commendation_lines(valid, evaluate(valid))


def test_the_score_is_written_as_the_cli_writes_it():
    result = check(load_document(EXAMPLES / "bao-cao-kiem-diem-tap-the-2025.yaml"))["result"]
    assert result["score_line"].startswith("Tổng điểm: 88,5/100 (")  # a decimal comma, not "88.5"
    assert check(load_document(EXAMPLES / "bieu-diem-tccsd-2023.yaml"))["result"]["score_line"] is None  # graded


def test_graded_criteria_are_listed():
    document = load_document(EXAMPLES / "bieu-diem-tccsd-2023.yaml")
    lines = check(document)["result"]["lines"]
    assert lines and all(". " in line and ": " in line for line in lines)


@pytest.mark.parametrize("name, stem", [
    ("ban-tu-kiem-diem-02a.yaml", "ban-tu-kiem-diem-"),
    ("bieu-diem-tccsd-2025.json", "bieu-diem-tccsd-"),
    ("to-trinh-khen-thuong-2025.yaml", "to-trinh-khen-thuong-"),
    ("phieu-bieu-quyet-2025.json", "phieu-bieu-quyet-"),
    ("phieu-nhan-xet-noi-cu-tru.yaml", "phieu-nhan-xet-noi-cu-tru"),
])
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
