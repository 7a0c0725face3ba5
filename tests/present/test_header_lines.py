"""Header names break between units of meaning, measured with the embedded font (issue 14 §5)."""
from __future__ import annotations

import pytest

from generator.present.header_lines import CELL_WIDTH, balanced_title, break_lines, fit_beside_date, width


@pytest.mark.parametrize("name, bold, lines", [
    ("ĐẢNG ỦY TRƯỜNG ĐẠI HỌC KỸ THUẬT CÔNG NGHIỆP", True, ["ĐẢNG ỦY TRƯỜNG ĐẠI HỌC", "KỸ THUẬT CÔNG NGHIỆP"]),
    ("ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH", False, ["ĐẢNG BỘ", "THÀNH PHỐ HỒ CHÍ MINH"]),
    ("CHI BỘ CÔNG TY CỔ PHẦN CƠ KHÍ HÀ NỘI", True, ["CHI BỘ CÔNG TY", "CỔ PHẦN CƠ KHÍ HÀ NỘI"]),
    ("ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", False, ["ĐẢNG BỘ KHỐI", "CÁC CƠ QUAN TỈNH"]),
    ("ĐẢNG BỘ PHƯỜNG BA ĐÌNH", False, ["ĐẢNG BỘ PHƯỜNG BA ĐÌNH"]),
])
def test_breaks_where_real_headers_break(name, bold, lines):
    assert break_lines(name, bold).split("\n") == lines


@pytest.mark.parametrize("name", ["ĐẢNG BỘ KHỐI DOANH NGHIỆP THÀNH PHỐ HỒ CHÍ MINH",
                                  "CHI BỘ VĂN PHÒNG ĐẢNG ỦY – HĐND – UBND PHƯỜNG",
                                  "TỔ CHỨC CƠ SỞ ĐẢNG CÔNG TY TRÁCH NHIỆM HỮU HẠN MỘT THÀNH VIÊN XỔ SỐ KIẾN THIẾT"])
@pytest.mark.parametrize("bold", [False, True])
def test_never_inside_a_compound_and_every_line_fits(name, bold):
    lines = break_lines(name, bold).split("\n")
    assert " ".join(lines) == name
    for compound in ("DOANH NGHIỆP", "HỒ CHÍ MINH", "ĐẢNG ỦY", "CƠ SỞ", "CỔ PHẦN", "THÀNH PHỐ", "TRÁCH NHIỆM HỮU HẠN"):
        if compound in name:
            assert any(compound in line for line in lines), (compound, lines)
    assert all(width(line, bold) <= CELL_WIDTH for line in lines)
    assert not any(line in ("MINH", "ỦY", "KHÍ", "PHẦN") for line in lines)


def test_line_breaks_typed_in_a_name_do_not_decide():
    assert break_lines("ĐẢNG BỘ\nPHƯỜNG BA ĐÌNH") == "ĐẢNG BỘ PHƯỜNG BA ĐÌNH"


def test_a_long_date_line_narrows_the_names_not_itself():
    layout = {"dia_danh_ngay": "Thành phố Hồ Chí Minh, ngày 10 tháng 12 năm 2025",
              "dang_bo_in_hoa": "ĐẢNG BỘ KHỐI DOANH NGHIỆP", "chi_bo_in_hoa": "CHI BỘ PHƯỜNG 5"}
    fit_beside_date(layout)
    limit = 165 / 25.4 * 72 - width(layout["dia_danh_ngay"], italic=True)
    assert all(width(line) <= limit for line in layout["dang_bo_in_hoa"].split("\n"))
    assert layout["dang_bo_in_hoa"] == "ĐẢNG BỘ\nKHỐI DOANH NGHIỆP"


def test_titles_are_balanced_in_ordinary_case():
    title = balanced_title("Kiểm điểm, tự đánh giá, xếp loại chất lượng tập thể Chi bộ Văn phòng Đảng ủy Công ty "
                           "Cổ phần Cơ khí Hà Nội năm 2025")
    first, second = title.split("\n")
    assert not first.endswith("Đảng") and abs(width(first, True) - width(second, True)) < 0.5 * width(first, True)
