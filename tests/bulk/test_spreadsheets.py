"""The bulk run's spreadsheets (issue 15 §2), read back with openpyxl as a clerk's Excel reads them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.bulk.runner import WHOLE_LIST, run_bulk
from tests.bulk.sample_dang_bo import build, edit

ROOT_DIR = "dang-bo-phuong-ba-dinh"


SOURCES: dict = {}


def outcome_folder(root: Path) -> Path:
    return SOURCES[root]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    folder = build(tmp_path_factory.mktemp("dang-bo"))
    edit(folder / "kp6" / "dv-03.json", lambda d: d["diem"]["tieu_chi_chung"].update(diem=31))  # one bad record
    out = tmp_path_factory.mktemp("out")
    outcome = run_bulk(folder, out, ("docx",))
    SOURCES[out / ROOT_DIR] = folder
    return out / ROOT_DIR, outcome


def rows(path: Path, sheet: str | None = None) -> list[tuple]:
    book = load_workbook(path)
    return list((book[sheet] if sheet else book.active).iter_rows(values_only=True))


def test_the_whole_dang_bo_list_has_a_row_per_member_with_numbers_as_numbers(run):
    root, outcome = run
    book = load_workbook(root / WHOLE_LIST)
    sheet = book.active
    header, *members = list(sheet.iter_rows(values_only=True))
    assert header == (
        "Tổ chức cơ sở",
        "Chi bộ",
        "Họ và tên",
        "Nhóm đối tượng",
        "Điểm",
        "Mức xếp loại",
        "Số phiếu",
        "Tỷ lệ",
        "Ghi chú",
    )
    assert len(members) == 23  # 24 members, one skipped
    assert sheet.freeze_panes == "D2" and sheet.auto_filter.ref == "A1:I24"  # header and names frozen, filters on
    assert {m[1] for m in members} == {"Chi bộ Khu phố 5", "Chi bộ Khu phố 6"} and {m[0] for m in members} == {
        "Đảng bộ phường Ba Đình"
    }
    assert all(isinstance(m[4], (int, float)) for m in members if m[4] is not None)
    an = next(m for m in members if m[2] == "Nguyễn Văn An" and m[1] == "Chi bộ Khu phố 5")
    assert an[5] == "Hoàn thành xuất sắc nhiệm vụ" or an[7]  # a level, and the quota's word when it applied
    scope = rows(root / "danh-sach-xep-loai-dang-vien.xlsx")
    assert scope[1:] == members  # the đảng bộ cơ sở's own list: the same rows


def test_the_reports_tables_count_what_the_reports_print(run):
    root, _ = run
    levels = rows(root / "bao-cao-tong-hop-xep-loai.xlsx", "Mức xếp loại")
    members = [r for r in levels[1:] if r[0] == "Đảng viên"]
    total = members[-1]
    assert total[1] == "Tổng số được xếp loại" and total[2] == sum(r[2] for r in members[:-1]) and total[3] == 1
    assert all(r[3] is None or 0 <= r[3] <= 1 for r in members)
    book = load_workbook(root / "bao-cao-tong-hop-xep-loai.xlsx")
    assert book["Mức xếp loại"]["D2"].number_format == "0.0%"
    quotas = rows(root / "bao-cao-ty-le-xep-loai.xlsx", "Đảng viên")
    assert quotas[0][:6] == ("STT", "Phạm vi", "Nhóm", "Số thành viên", "Cơ sở tính tỷ lệ", "Tỷ lệ tối đa")
    assert quotas[1][5] == pytest.approx(0.2)  # "20%" as a percentage, not text


def test_the_error_list_puts_each_part_of_the_place_in_its_own_column(run):
    root, outcome = run
    assert len(outcome.errors) == 1
    header, error = rows(root / "danh-sach-loi.xlsx")
    assert header == ("Trang", "Dòng", "Cột", "Đảng viên / tổ chức", "Trường", "Lỗi", "Vị trí")
    member = json.loads((outcome_folder(root) / "kp6" / "dv-03.json").read_text(encoding="utf-8"))
    assert error[3] == member["dang_vien"]["ho_ten"]  # whose record, in its own column
    assert error[4] == "$.diem.tieu_chi_chung.diem"  # a file's record: the field by its JSON path
    assert error[5] == "Nhóm tiêu chí chung: 31 điểm vượt quá điểm tối đa 30 của nhóm tiêu chí chung"
    assert error[6].startswith("kp6/dv-03.json")
    assert load_workbook(root / "danh-sach-loi.xlsx").active.freeze_panes == "E2"
    data = (root / "danh-sach-loi.csv").read_bytes()
    assert data.startswith("\ufeff".encode())  # a Vietnamese Excel opens it as UTF-8
    assert list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))[1][3:6] == list(error[3:6])


def test_a_workbooks_error_is_split_into_sheet_row_and_column():
    from generator.bulk.spreadsheets import error_row

    assert error_row(
        {
            "where": "trang “Đảng viên”, dòng 3",
            "reason": "Thông tin đảng viên › Họ và tên ($.dang_vien.ho_ten): thiếu trường bắt buộc",
        }
    )[:6] == ["Đảng viên", 3, "", "", "Thông tin đảng viên › Họ và tên", "thiếu trường bắt buộc"]
    assert error_row(
        {
            "where": "trang “Đảng viên”, dòng 7, cột “Ngày vào Đảng”",
            "reason": "ngày không hợp lệ “31/02/2001”",
            "who": "Lê Thị Mai",
        }
    ) == [
        "Đảng viên",
        7,
        "Ngày vào Đảng",
        "Lê Thị Mai",
        "",
        "ngày không hợp lệ “31/02/2001”",
        "trang “Đảng viên”, dòng 7, cột “Ngày vào Đảng”",
    ]
