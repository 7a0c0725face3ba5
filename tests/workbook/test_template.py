"""The workbook template: sheets, headers from the schemas, drop-downs, ranges, notes; filled cells; streaming."""

from __future__ import annotations

import datetime as dt
import re
import tracemalloc

import pytest
from openpyxl import load_workbook

from generator.evaluate.regime import load_regime
from generator.schema import load_schema
from generator.workbook import write_workbook
from generator.workbook.columns import FILLED, Column, unique_headers

SHEETS = ["Hướng dẫn", "Đảng bộ", "Tổ chức", "Đảng viên", "Nội dung", "Danh mục"]


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return load_workbook(write_workbook(tmp_path_factory.mktemp("mau") / "dang-bo.xlsx"))


def headers(sheet) -> list[str]:
    return [c.value for c in sheet[1] if c.value is not None]


def schema_titles(form: str, node: dict | None = None, skip=FILLED) -> dict[str, str]:
    """Every leaf of ``form`` a cell can hold (dotted path → title), walked here independently of the workbook code."""
    schema = load_schema(form)
    out = {}

    def resolve(n):
        while "$ref" in n:
            n = {**schema["$defs"][n["$ref"].rsplit("/", 1)[-1]], **{k: v for k, v in n.items() if k != "$ref"}}
        return n

    def walk(n, path):
        n = resolve(n)
        if n.get("type") == "object" and "properties" in n:
            for key, child in n["properties"].items():
                if not (not path and key in skip):
                    walk(child, path + [key])
        elif n.get("type") not in ("array", "object") or n.get("items", {}).get("type") == "string":
            if "const" not in n and n.get("type") != ["string", "object"]:
                out[".".join(path)] = n.get("title")

    walk(node or schema, [])
    return out


def _validations(sheet) -> dict[str, object]:
    """Header → the data validation that covers its first data row."""
    by_letter = {c.column_letter: c.value for c in sheet[1] if c.value}
    out = {}
    for dv in sheet.data_validations.dataValidation:
        for cell_range in dv.sqref.ranges:
            letter = re.match(r"[A-Z]+", cell_range.coord).group()
            if cell_range.min_row == 2 and letter in by_letter:
                out[by_letter[letter]] = dv
    return out


def _list_values(book, formula: str) -> list[str]:
    sheet, letter, first, last = re.fullmatch(r"='?(.+?)'?!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)", formula).groups()
    return [book[sheet][f"{letter}{i}"].value for i in range(int(first), int(last) + 1)]


def test_the_template_has_its_sheets_in_order_with_the_lists_hidden(template):
    assert template.sheetnames == SHEETS
    assert template["Danh mục"].sheet_state == "hidden"
    assert [template[s].sheet_state for s in SHEETS[:-1]] == ["visible"] * 5
    for name in ("Đảng bộ", "Tổ chức", "Nội dung"):
        assert template[name].freeze_panes == "A2", name
    assert template["Đảng viên"].freeze_panes == "D2"  # the header, and the codes and the name
    assert headers(template["Nội dung"]) == ["Mã đảng viên", "Mục", "Nội dung"]
    assert [c.value for c in template["Đảng bộ"][1]] == ["Trường", "Giá trị"]


def test_member_headers_are_the_schema_titles(template):
    shown = headers(template["Đảng viên"])
    leaves = {path: title for path, title in schema_titles("ban-tu-kiem-diem").items() if not path.startswith("diem.")}
    for path, title in leaves.items():
        assert title in shown or any(h.endswith(f" › {title}") for h in shown), (path, title)
    entry = load_schema("xep-loai-chi-bo")["properties"]["dang_vien"]["items"]["properties"]
    votes = [entry["phieu"]["properties"][code]["title"] for code in ("HTXSNV", "HTTNV", "HTNV", "KHTNV")]
    assert shown[:9] == [
        "Mã đảng viên",
        "Mã chi bộ",
        "Họ và tên",
        entry["nhom"]["title"],
        *votes,
        entry["phieu_vong_2"]["title"],
    ]
    assert shown[-1] == "Tệp bản tự kiểm điểm"
    assert "Điểm: Nhóm tiêu chí chung" in shown and "Điểm: Nhóm tiêu chí về kết quả thực hiện nhiệm vụ" in shown
    for field in ("Quy định áp dụng", "Năm kiểm điểm", "Chi bộ", "Ngày lập", "Địa danh"):  # filled by the bulk run
        assert field not in shown


def test_organisation_headers_leave_out_what_the_bulk_fills(template):
    shown = headers(template["Tổ chức"])
    assert shown[:4] == ["Mã tổ chức", "Tên tổ chức đảng", "Loại tổ chức đảng", "Trực thuộc (mã tổ chức)"]
    group = schema_titles("xep-loai-chi-bo", skip=FILLED | {"dang_vien"})
    assert shown[4:8] == list(group.values())
    scoring = schema_titles("bieu-diem-tccsd")
    for path, title in scoring.items():
        assert title in shown, (path, title)
    assert "Điểm: Nhóm tiêu chí chung" in shown
    for path in ("thong_ke_dang_vien", "thong_ke_to_chuc", "to_chuc", "dang_bo", "ngay_lap"):
        assert (
            not any(p.startswith(path) for p in schema_titles("bieu-diem-tccsd", skip=set()))
            or load_schema("bieu-diem-tccsd")["properties"][path].get("title") not in shown
        )


def test_shared_titles_get_their_parents_in_front_and_every_header_is_unique(template):
    for name in ("Tổ chức", "Đảng viên"):
        shown = [h.casefold() for h in headers(template[name])]
        assert len(shown) == len(set(shown)), name
    members = headers(template["Đảng viên"])
    assert "Nhiệm vụ, chỉ tiêu của cơ quan, đơn vị được giao phụ trách › Số nhiệm vụ, chỉ tiêu được giao" in members
    assert "Kết quả thực hiện nhiệm vụ, chỉ tiêu trong năm › Số nhiệm vụ, chỉ tiêu được giao" in members
    assert "Số nhiệm vụ, chỉ tiêu được giao" in headers(template["Tổ chức"])  # alone in its sheet: no prefix


def test_headers_that_stay_equal_are_refused():
    twins = [
        Column("Số phiếu", ("a",), "integer", title="Số phiếu"),
        Column("Số phiếu", ("b",), "integer", title="Số phiếu"),
    ]
    with pytest.raises(ValueError, match="share a header"):
        unique_headers(twins)


def test_every_choice_has_a_drop_down_fed_from_the_hidden_sheet(template):
    for name in ("Tổ chức", "Đảng viên"):
        checks = _validations(template[name])
        sheet_headers = headers(template[name])
        for header in (
            "Đối tượng",
            "Tự xếp loại (đề xuất)",
            "Loại tổ chức đảng",
            "Cấp ủy đoàn kết, thống nhất",
            "Vi phạm liên quan đến chức trách, nhiệm vụ được giao",
            "Thay mặt",
        ):
            if header not in sheet_headers:
                continue
            assert checks[header].type == "list", header
    members = _validations(template["Đảng viên"])
    assert _list_values(template, members["Đối tượng"].formula1) == [
        "Cá nhân giữ chức vụ lãnh đạo, quản lý",
        "Cá nhân không giữ chức vụ lãnh đạo, quản lý",
        "Đảng viên không làm việc trong hệ thống chính trị",
    ]
    assert _list_values(
        template, members["Vi phạm những điều đảng viên không được làm hoặc trách nhiệm nêu gương"].formula1
    ) == ["Có", "Không"]
    organisations = _validations(template["Tổ chức"])
    assert _list_values(template, organisations["Loại tổ chức đảng"].formula1) == [
        "Đảng bộ cơ sở",
        "Chi bộ cơ sở",
        "Chi bộ trực thuộc đảng ủy cơ sở",
    ]
    header_sheet = template["Đảng bộ"]
    regime_row = next(
        r for r in range(2, header_sheet.max_row + 1) if header_sheet.cell(r, 1).value == "Quy định áp dụng"
    )
    dv = next(dv for dv in header_sheet.data_validations.dataValidation if f"B{regime_row}" in str(dv.sqref))
    assert "Quy định 366-QĐ/TW ngày 30/8/2025 và Hướng dẫn 43-HD/BTCTW ngày 31/10/2025" in _list_values(
        template, dv.formula1
    )
    assert (
        header_sheet.cell(regime_row, 2).value
        == "Quy định 366-QĐ/TW ngày 30/8/2025 và Hướng dẫn 43-HD/BTCTW ngày 31/10/2025"
    )


def test_numbers_and_dates_are_validated(template):
    members = _validations(template["Đảng viên"])
    common = members["Điểm: Nhóm tiêu chí chung"]
    assert (common.type, common.operator, common.formula1, common.formula2) == ("decimal", "between", "0", "30")
    assert members["Điểm: Nhóm tiêu chí về kết quả thực hiện nhiệm vụ"].formula2 == "70"
    votes = members["Phiếu Hoàn thành tốt nhiệm vụ"]
    assert (votes.type, votes.formula1) == ("whole", "0")
    assert members["Ngày vào Đảng"].type == "date" and members["Ngày sinh"].type == "date"
    assert members["Tổng số tháng nghỉ"].formula2 == "12"
    assert "Họ và tên" not in members  # free text
    organisations = _validations(template["Tổ chức"])
    assert organisations["Tỷ lệ đảng viên dự sinh hoạt bình quân (%)"].formula2 == "100"
    assert organisations["Số đảng viên chính thức được triệu tập (có quyền biểu quyết)"].formula1 == "1"


def test_the_members_sheet_keeps_the_codes_and_the_name_in_sight(template):
    members = template["Đảng viên"]
    assert headers(members)[:3] == ["Mã đảng viên", "Mã chi bộ", "Họ và tên"] and members.freeze_panes == "D2"
    assert template["Tổ chức"].freeze_panes == "A2"


def test_range_messages_print_numbers_the_vietnamese_way_and_reach_a_large_dang_bo(template):
    members = _validations(template["Đảng viên"])
    common = members["Điểm: Nhóm tiêu chí chung"]
    assert common.error == "Nhập số từ 0 đến 30 (số thập phân dùng dấu phẩy: 27,5)."
    texts = [
        dv.error for sheet in ("Tổ chức", "Đảng viên") for dv in _validations(template[sheet]).values() if dv.error
    ]
    assert not [t for t in texts if re.search(r"\de[+-]?\d", t)], texts  # never "1e+09"
    assert any("1.000.000" in t for t in texts) or all("e+" not in t for t in texts)
    assert str(common.sqref).endswith("20000")  # rows still to be typed: a large đảng bộ's 20,000 members
    date = members["Ngày vào Đảng"]
    assert "dd/mm/yyyy" in date.error and "YYYY-MM-DD" not in (date.prompt or "")


def test_headers_are_bold_wrapped_and_explained(template):
    members = template["Đảng viên"]
    cell = next(c for c in members[1] if c.value == "Mã chi bộ")
    assert cell.font.bold and cell.alignment.wrap_text
    assert "Mã tổ chức" in cell.comment.text
    choice = next(c for c in members[1] if c.value == "Đối tượng")
    assert "Cá nhân giữ chức vụ lãnh đạo, quản lý" in choice.comment.text
    assert members.column_dimensions["D"].width > 0


def test_the_help_sheet_explains_every_sheet_and_the_command(template):
    lines = [row[0] for row in template["Hướng dẫn"].iter_rows(values_only=True) if row[0]]
    text = "\n".join(str(line) for line in lines)
    assert "kiemdiem bulk" in lines[0]
    for name in ("“Đảng bộ”", "“Tổ chức”", "“Đảng viên”", "“Nội dung”", "“Mã chi bộ”", "kiemdiem workbook-template"):
        assert name in text, name
    catalogue = [row for row in template["Hướng dẫn"].iter_rows(values_only=True) if row[0] == "Đảng viên"]
    assert ("Đảng viên", "Điểm: Nhóm tiêu chí chung", "số từ 0 đến 30") == catalogue[
        next(i for i, r in enumerate(catalogue) if r[1] == "Điểm: Nhóm tiêu chí chung")
    ][:3]


def test_a_graded_regime_has_a_column_per_criterion(tmp_path):
    book = load_workbook(write_workbook(tmp_path / "2023.xlsx", regime="qd124-2023"))
    regime = load_regime("qd124-2023")
    members = headers(book["Đảng viên"])
    criteria = [f"Mức đánh giá: {c['label']}" for c in regime.subject("ca_nhan").criteria]
    assert criteria and all(h in members for h in criteria)
    assert not any(h.startswith("Điểm:") for h in members) and "Tệp bản tự kiểm điểm" not in members
    assert "Họ và tên" in members and "Tổng điểm tự chấm (bảng điểm của địa phương)" in members
    checks = _validations(book["Đảng viên"])
    assert _list_values(book, checks[criteria[0]].formula1) == ["Xuất sắc", "Tốt", "Trung bình", "Kém"]
    organisations = headers(book["Tổ chức"])
    assert [h for h in organisations if h.startswith("Mức đánh giá:")] == [
        f"Mức đánh giá: {c['label']}" for c in regime.subject("to_chuc").criteria
    ]
    assert any("Quy định 124-QĐ/TW" in str(row[1]) for row in book["Đảng bộ"].iter_rows(values_only=True))


def test_a_profile_adds_its_score_sheet_to_the_grades(tmp_path):
    book = load_workbook(write_workbook(tmp_path / "son-la.xlsx", regime="qd132-2019", profile="son-la-2021"))
    organisations = headers(book["Tổ chức"])
    assert "Điểm: Bảng điểm tự chấm của tổ chức đảng (Hướng dẫn 02-HD/TU Sơn La)" in organisations
    assert sum(h.startswith("Mức đánh giá:") for h in organisations) == 4
    assert ["Hồ sơ quy định địa phương", "son-la-2021"] in [
        list(r[:2]) for r in book["Đảng bộ"].iter_rows(values_only=True)
    ]


def _small(members: int) -> dict:
    entry = {
        "ban_kiem_diem": {
            "dang_vien": {"ho_ten": "Hoàng Thị Lan", "ngay_vao_dang": "2010-03-08", "doi_tuong": "khong_giu_chuc_vu"},
            "kiem_diem": {
                "uu_diem": {"pham_chat": ["Giữ vững lập trường chính trị.", "Lối sống giản dị."]},
                "khac_phuc": "=Đã khắc phục xong.",
            },
            "vi_pham": {"suy_thoai": False},
            "diem": {"tieu_chi_chung": {"diem": 27.5}, "ket_qua_nhiem_vu": {"diem": 60}},
            "tu_xep_loai": "HTTNV",
        },
        "phieu": {"HTTNV": 9, "HTNV": 1},
    }
    return {
        "form": "dang-bo",
        "nam": 2025,
        "dang_bo": "Đảng bộ xã Tân Lập",
        "dia_danh": "Phú Thọ",
        "ngay_lap": "2025-12-20",
        "noi_nhan": ["Huyện ủy (để báo cáo)", "Lưu Văn phòng Đảng ủy"],
        "to_chuc": [
            {
                "ma": "cb-1",
                "ten": "Chi bộ thôn 1",
                "loai_to_chuc": "chi_bo_co_so",
                "xep_loai": {"ngay_hop": "2025-12-10", "so_dang_vien_chinh_thuc": 10, "dang_vien": [entry] * members},
            }
        ],
    }


def test_a_filled_workbook_shows_what_a_clerk_would_type(tmp_path):
    book = load_workbook(write_workbook(tmp_path / "dang-bo.xlsx", document=_small(2)))
    members = book["Đảng viên"]
    row = {h: members.cell(2, j + 1) for j, h in enumerate(headers(members))}
    assert row["Mã đảng viên"].value == "cb-1-001" and row["Mã chi bộ"].value == "cb-1"
    assert row["Đối tượng"].value == "Cá nhân không giữ chức vụ lãnh đạo, quản lý"
    assert row["Tự xếp loại (đề xuất)"].value == "Hoàn thành tốt nhiệm vụ"
    assert row["Ngày vào Đảng"].value == dt.datetime(2010, 3, 8) and row["Ngày vào Đảng"].number_format == "DD/MM/YYYY"
    assert (
        row[
            'Bị cấp có thẩm quyền kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa"'
        ].value
        == "Không"
    )
    assert row["Điểm: Nhóm tiêu chí chung"].value == 27.5 and row["Phiếu Hoàn thành tốt nhiệm vụ"].value == 9
    khac_phuc = row[
        "III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở các kỳ kiểm điểm trước"
    ]
    assert khac_phuc.value == "=Đã khắc phục xong." and khac_phuc.data_type == "s"  # text, not a formula
    assert (
        row["Về phẩm chất chính trị, đạo đức, lối sống; ý thức tổ chức kỷ luật; tác phong, lề lối làm việc"].value
        is None
    )
    content = [list(r) for r in book["Nội dung"].iter_rows(min_row=2, values_only=True)]
    assert content[:2] == [
        [
            "cb-1-001",
            "Về phẩm chất chính trị, đạo đức, lối sống; ý thức tổ chức kỷ luật; tác phong, lề lối làm việc",
            "Giữ vững lập trường chính trị.",
        ],
        [
            "cb-1-001",
            "Về phẩm chất chính trị, đạo đức, lối sống; ý thức tổ chức kỷ luật; tác phong, lề lối làm việc",
            "Lối sống giản dị.",
        ],
    ]
    header = {r[0]: r[1] for r in book["Đảng bộ"].iter_rows(min_row=2, values_only=True)}
    assert header["Nơi nhận"] == "Huyện ủy (để báo cáo)\nLưu Văn phòng Đảng ủy" and header["Ngày lập"] == dt.datetime(
        2025, 12, 20
    )
    assert header["Quy định áp dụng"] == "Quy định 366-QĐ/TW ngày 30/8/2025 và Hướng dẫn 43-HD/BTCTW ngày 31/10/2025"
    organisations = book["Tổ chức"]
    assert [c.value for c in organisations[2]][:5] == [
        "cb-1",
        "Chi bộ thôn 1",
        "Chi bộ cơ sở",
        None,
        dt.datetime(2025, 12, 10),
    ]
    assert "Cột lạ" not in headers(organisations)


def test_writing_streams_rows_to_disk(tmp_path):
    document = _small(1500)
    tracemalloc.start()
    try:
        write_workbook(tmp_path / "lon.xlsx", document=document)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 6_000_000, peak  # an in-memory workbook of 1,500 rows × 60 columns needs several times that
    book = load_workbook(tmp_path / "lon.xlsx", read_only=True)
    rows = book["Đảng viên"].max_row
    book.close()  # a read-only workbook keeps its file open until closed
    assert rows in (None, 1501)


def test_the_workbook_modules_do_not_import_the_renderers():
    """The workbook is read in the parent process of a bulk run, where the renderers are not loaded."""
    import ast
    from pathlib import Path

    import generator.workbook as package

    heavy = {"weasyprint", "docxtpl", "docx", "generator.render", "generator.pipeline"}  # generator.write needs os only
    for module in Path(package.__file__).parent.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [("generator." if node.level else "") + (node.module or "").lstrip(".")]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            for name in names:
                name = name.replace("generator.workbook.", "generator.").replace("generator..", "generator.")
                assert not any(name == h or name.startswith(h + ".") for h in heavy), (module.name, name)


def test_every_text_of_the_workbook_is_nfc(template):
    import unicodedata

    for sheet in template.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str):
                    assert unicodedata.is_normalized("NFC", value), (sheet.title, value)


def test_an_unknown_regime_or_profile_is_an_input_error(tmp_path):
    from generator.errors import InputError

    with pytest.raises(InputError, match="không biết quy định “qd999-2030”"):
        write_workbook(tmp_path / "x.xlsx", regime="qd999-2030")
    with pytest.raises(InputError, match="không có hồ sơ quy định khong-co"):
        write_workbook(tmp_path / "x.xlsx", profile="khong-co")
    assert not (tmp_path / "x.xlsx").exists()
