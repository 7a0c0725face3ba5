"""A date cell shown month first (an English-system Excel) is read, and the cell is named for a look."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.workbook import open_workbook, write_workbook
from generator.workbook.date_formats import MAX_SHOWN, month_first, notices
from scripts.build_example_workbook import dang_bo

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "fmt, expected",
    [
        ("mm/dd/yyyy", True),
        ("m/d/yy", True),
        ("[$-409]m/d/yyyy", True),
        ("mmm d, yyyy", True),
        ("dd/mm/yyyy", False),
        ("DD/MM/YYYY", False),
        ("d/m/yy h:mm", False),
        ("yyyy-mm-dd", False),
        ("h:mm dd/mm", False),  # minutes, then the day first
        ("mm/yyyy", False),
        ("dddd, mm/yyyy", False),  # no day of the month: nothing swapped
        ('"ngày" dd "tháng" mm', False),
        ("General", False),
        ("0.00", False),
        (None, False),
        ("", False),
    ],
)
def test_month_first(fmt, expected):
    assert month_first(fmt) is expected


def test_the_warning_names_the_cell_and_the_day_read():
    found = [(f"Đảng viên!F{n}", dt.date(2025, 5, 12)) for n in range(2, 2 + MAX_SHOWN + 3)]
    lines = notices(found)
    assert lines[0] == (
        "lưu ý: ô Đảng viên!F2 là ngày hiển thị theo kiểu tháng trước ngày (mm/dd/yyyy); kiemdiem đọc "
        "là ngày 12 tháng 5 năm 2025 — nếu đây không phải ngày đã gõ, hãy định dạng ô dd/mm/yyyy và gõ lại"
    )
    assert len(lines) == MAX_SHOWN + 1 and lines[-1] == "lưu ý: và 3 ô ngày khác cũng hiển thị tháng trước ngày"


def _us_date(path: Path, header: str, row: int, value: dt.datetime) -> str:
    book = load_workbook(path)
    sheet = book["Đảng viên"]
    cell = sheet.cell(row=row, column=next(c.column for c in sheet[1] if c.value == header))
    cell.value, cell.number_format = value, "mm/dd/yyyy"
    book.save(path)
    return f"Đảng viên!{cell.column_letter}{row}"


@pytest.fixture
def workbook(tmp_path):
    shutil.copytree(ROOT / "examples" / "dang-bo-2025", tmp_path / "dang-bo-2025")
    return write_workbook(tmp_path / "dang-bo.xlsx", document=dang_bo())


def test_a_month_first_date_cell_is_read_and_named(workbook):
    cell = _us_date(workbook, "Ngày vào Đảng", 3, dt.datetime(2010, 5, 12))
    with open_workbook(workbook) as source:
        assert len(source.notices) == 1 and source.notices[0].startswith(f"lưu ý: ô {cell} là ngày hiển thị")
        assert "ngày 12 tháng 5 năm 2010" in source.notices[0]


def test_the_templates_own_date_format_gives_no_warning(workbook):
    with open_workbook(workbook) as source:
        assert source.notices == []


def test_validate_and_bulk_print_the_warning(workbook, tmp_path, capsys):
    from generator.cli import main

    cell = _us_date(workbook, "Ngày sinh", 2, dt.datetime(1970, 1, 2))
    main(["validate", str(workbook)])
    assert f"ô {cell} là ngày hiển thị theo kiểu tháng trước ngày" in capsys.readouterr().err
    main(["bulk", str(workbook), "--format", "docx", "-o", str(tmp_path / "out")])
    assert f"ô {cell} là ngày hiển thị theo kiểu tháng trước ngày" in capsys.readouterr().err
