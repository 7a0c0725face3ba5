"""Uploaded workbooks are measured before openpyxl opens them; attachments stay in their folder."""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

import pytest

from generator import inputfile
from generator.web.uploads import UploadRefused, attachment_path, check_workbook, document_suffix
from tests.web.uploads import zip_bytes

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_the_example_workbook_passes():
    check_workbook((EXAMPLES / "dang-bo-2025.xlsx").read_bytes())


@pytest.mark.parametrize(
    "data, words",
    [
        (b"", "tệp rỗng"),
        (b"PK\x03\x04 broken", "không phải sổ Excel"),
        (zip_bytes({"xl/workbook.xml": b"<w/>", "xl/sheet.xml": b"\0" * (5 * 1024 * 1024)}), "tỷ lệ bất thường"),
        (
            zip_bytes({"xl/workbook.xml": b"<w/>", **{f"xl/{i}": b"" for i in range(inputfile.MAX_ENTRIES + 1)}}),
            "phần bên trong",
        ),
        (zip_bytes({"docProps/app.xml": b"<a/>"}), "thiếu xl/workbook.xml"),
    ],
)
def test_implausible_workbooks_are_refused(data, words):
    with pytest.raises(UploadRefused, match=words):
        check_workbook(data)


def test_the_uncompressed_total_is_capped(monkeypatch):
    monkeypatch.setattr(inputfile, "MAX_UNCOMPRESSED", 1000)
    stored = zip_bytes({"xl/workbook.xml": b"x" * 1001}, zipfile.ZIP_STORED)  # ratio 1: only the total catches it
    with pytest.raises(UploadRefused, match="khi giải nén lớn"):
        check_workbook(stored)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("dang-bo-2025/bao-cao.yaml", PurePosixPath("dang-bo-2025/bao-cao.yaml")),
        ("dang-bo-2025/Bản kiểm điểm.JSON", PurePosixPath("dang-bo-2025/Bản kiểm điểm.JSON")),
        ("dang-bo-2025/ghi-chu.txt", None),  # the rest of the chosen folder is left out
    ],
)
def test_attachments_keep_their_place_in_the_chosen_folder(name, expected):
    assert attachment_path(name) == expected


@pytest.mark.parametrize(
    "name",
    [
        "",
        "../x.yaml",
        "a/../../x.yaml",
        "/etc/x.yaml",
        "a\\..\\x.yaml",
        "C:x.yaml",
        "a//x.yaml",
        "./x.yaml",
        "a/x\x00.yaml",
        "/".join(["a"] * 9) + ".yaml",
    ],
)
def test_attachments_named_elsewhere_are_refused(name):
    with pytest.raises(UploadRefused):
        attachment_path(name)


def test_a_saved_document_is_parsed_by_its_ending():
    assert document_suffix("bkd.YAML") == ".yaml"
    assert document_suffix("bkd.yml") == ".yml"
    assert document_suffix("bkd") == ".json"
    assert document_suffix(None) == ".json"
