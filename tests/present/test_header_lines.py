"""Header names break between units of meaning, measured with the embedded font (issue 14 §5)."""

from __future__ import annotations

import pytest

from generator.present.header_lines import (
    CELL_MARGINS,
    CELL_WIDTH,
    TEXT_WIDTH,
    balanced_title,
    break_lines,
    fit_beside_date,
    header_name,
    width,
)


@pytest.mark.parametrize(
    "name, bold, lines",
    [
        ("ĐẢNG ỦY TRƯỜNG ĐẠI HỌC KỸ THUẬT CÔNG NGHIỆP", True, ["ĐẢNG ỦY TRƯỜNG ĐẠI HỌC", "KỸ THUẬT CÔNG NGHIỆP"]),
        ("ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH", False, ["ĐẢNG BỘ", "THÀNH PHỐ HỒ CHÍ MINH"]),
        ("CHI BỘ CÔNG TY CỔ PHẦN CƠ KHÍ HÀ NỘI", True, ["CHI BỘ CÔNG TY", "CỔ PHẦN CƠ KHÍ HÀ NỘI"]),
        ("ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", False, ["ĐẢNG BỘ KHỐI", "CÁC CƠ QUAN TỈNH"]),
        ("ĐẢNG BỘ PHƯỜNG BA ĐÌNH", False, ["ĐẢNG BỘ PHƯỜNG BA ĐÌNH"]),
    ],
)
def test_breaks_where_real_headers_break(name, bold, lines):
    assert break_lines(name, bold).split("\n") == lines


@pytest.mark.parametrize(
    "name",
    [
        "ĐẢNG BỘ KHỐI DOANH NGHIỆP THÀNH PHỐ HỒ CHÍ MINH",
        "CHI BỘ VĂN PHÒNG ĐẢNG ỦY – HĐND – UBND PHƯỜNG",
        "TỔ CHỨC CƠ SỞ ĐẢNG CÔNG TY TRÁCH NHIỆM HỮU HẠN MỘT THÀNH VIÊN XỔ SỐ KIẾN THIẾT",
    ],
)
@pytest.mark.parametrize("bold", [False, True])
def test_never_inside_a_compound_and_every_line_fits(name, bold):
    lines = break_lines(name, bold).split("\n")
    assert " ".join(lines) == name
    for compound in ("DOANH NGHIỆP", "HỒ CHÍ MINH", "ĐẢNG ỦY", "CƠ SỞ", "CỔ PHẦN", "THÀNH PHỐ", "TRÁCH NHIỆM HỮU HẠN"):
        if compound in name:
            assert any(compound in line for line in lines), (compound, lines)
    assert all(width(line, bold) <= CELL_WIDTH for line in lines)
    assert not any(line in ("MINH", "ỦY", "KHÍ", "PHẦN") for line in lines)


def test_break_lines_measures_a_name_as_one_line():
    assert break_lines("ĐẢNG BỘ\nPHƯỜNG BA ĐÌNH") == "ĐẢNG BỘ PHƯỜNG BA ĐÌNH"


def test_a_line_break_typed_in_a_name_is_kept_in_the_header():
    assert header_name("Đảng bộ\n  phường Ba Đình ") == "ĐẢNG BỘ\nPHƯỜNG BA ĐÌNH"
    assert (
        header_name("Đảng bộ Khối Doanh nghiệp Thành phố Hồ Chí Minh\r\nquận 1")
        == "ĐẢNG BỘ\nKHỐI DOANH NGHIỆP\nTHÀNH PHỐ HỒ CHÍ MINH\nQUẬN 1"
    )  # a typed line too long is broken further


def test_a_narrower_fit_keeps_the_typed_breaks():
    layout = {
        "dia_danh_ngay": "Thành phố Hồ Chí Minh, ngày 10 tháng 12 năm 2025",
        "chi_bo_in_hoa": header_name("Chi bộ Văn phòng\nSở Tài nguyên và Môi trường", bold=True),
    }
    fit_beside_date(layout)
    assert layout["chi_bo_in_hoa"].split("\n")[0] == "CHI BỘ VĂN PHÒNG"
    assert " ".join(layout["chi_bo_in_hoa"].split("\n")[1:]) == "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"


def test_a_long_date_line_narrows_the_names_not_itself():
    layout = {
        "dia_danh_ngay": "Thành phố Hồ Chí Minh, ngày 10 tháng 12 năm 2025",
        "dang_bo_in_hoa": "ĐẢNG BỘ KHỐI DOANH NGHIỆP",
        "chi_bo_in_hoa": "CHI BỘ PHƯỜNG 5",
    }
    fit_beside_date(layout)
    date_column = layout["cot_ngay"]  # the date's column in Word, its margins included
    assert date_column >= width(layout["dia_danh_ngay"], italic=True) + CELL_MARGINS
    inside = TEXT_WIDTH - date_column - CELL_MARGINS  # what the names' column keeps inside Word's margins
    assert all(width(line) <= inside for line in layout["dang_bo_in_hoa"].split("\n"))
    assert layout["dang_bo_in_hoa"] == "ĐẢNG BỘ KHỐI\nDOANH NGHIỆP"  # "KHỐI DOANH NGHIỆP" is 1 pt too wide here


def test_a_short_date_line_leaves_the_names_alone():
    layout = {"dia_danh_ngay": "Hà Nội, ngày 10 tháng 12 năm 2025", "dang_bo_in_hoa": "ĐẢNG BỘ KHỐI DOANH NGHIỆP"}
    fit_beside_date(layout)
    assert layout["dang_bo_in_hoa"] == "ĐẢNG BỘ KHỐI DOANH NGHIỆP"


def test_titles_are_balanced_in_ordinary_case():
    title = balanced_title(
        "Kiểm điểm, tự đánh giá, xếp loại chất lượng tập thể Chi bộ Văn phòng Đảng ủy Công ty "
        "Cổ phần Cơ khí Hà Nội năm 2025"
    )
    first, second = title.split("\n")
    assert not first.endswith("Đảng") and abs(width(first, True) - width(second, True)) < 0.5 * width(first, True)
