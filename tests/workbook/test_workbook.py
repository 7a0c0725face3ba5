"""The đảng bộ workbook: the template's structure, the round trip, and every cell error located."""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.bulk.plan import Planner
from generator.errors import InputError
from generator.evaluate.regime import load_regime
from generator.schema import load_schema
from generator.workbook import open_workbook, write_workbook
from generator.workbook.columns import member_columns, organisation_columns
from scripts.build_example_workbook import dang_bo

ROOT = Path(__file__).resolve().parents[2]

SHEETS = ["Hướng dẫn", "Đảng bộ", "Tổ chức", "Đảng viên", "Nội dung", "Danh mục"]


@pytest.fixture(autouse=True)
def report_files(tmp_path):
    """The example names Chi bộ Khu phố 5's report file beside the workbook: copy it there."""
    shutil.copytree(ROOT / "examples" / "dang-bo-2025", tmp_path / "dang-bo-2025")


def headers(sheet) -> list[str]:
    return [c.value for c in sheet[1] if c.value]


def test_the_empty_template_has_every_sheet_header_and_drop_down(tmp_path):
    path = write_workbook(tmp_path / "dang-bo.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == SHEETS and book["Danh mục"].sheet_state == "hidden"
    members = book["Đảng viên"]
    titles = headers(members)
    schema = load_schema("ban-tu-kiem-diem")["properties"]["dang_vien"]["properties"]
    for field in ("ho_ten", "ngay_vao_dang", "doi_tuong"):
        assert schema[field]["title"] in titles
    assert "Điểm: Nhóm tiêu chí chung" in titles and "Mã chi bộ" in titles
    assert members.freeze_panes == "D2" and book["Tổ chức"].freeze_panes == "A2"
    column = {c.value: c.column_letter for c in members[1]}
    lists = [dv for dv in members.data_validations.dataValidation if dv.type == "list"]
    assert any(f"{column['Đối tượng']}2" in str(dv.sqref) for dv in lists)
    scores = [dv for dv in members.data_validations.dataValidation if dv.type == "decimal"]
    assert any(f"{column['Điểm: Nhóm tiêu chí chung']}2" in str(dv.sqref) and dv.formula2 == "30" for dv in scores)
    assert "kiemdiem bulk" in book["Hướng dẫn"]["A1"].value


def test_a_graded_regime_gets_a_column_per_criterion():
    regime = load_regime("qd124-2023")
    titles = [c.header for c in member_columns(regime)]
    for criterion in regime.subject("ca_nhan").criteria:
        assert f"Mức đánh giá: {criterion['label']}" in titles
    assert "Họ và tên" in titles and "Điểm: Nhóm tiêu chí chung" not in titles
    assert any(t.startswith("Mức đánh giá:") for t in (c.header for c in organisation_columns(regime)))


def paragraphs(value):
    """A text as its paragraphs: one string with line breaks and a list of lines mean the same."""
    if isinstance(value, dict):
        return {k: paragraphs(v) for k, v in value.items()}
    if isinstance(value, list):
        return [paragraphs(v) for v in value]
    if isinstance(value, str) and "\n" in value:
        return [line.strip() for line in value.split("\n") if line.strip()]
    return value


def _embedded(document: dict, ma: str) -> dict:
    return next(o for o in document["to_chuc"] if o["ma"] == ma)


def test_round_trip_gives_back_every_document(tmp_path):
    document = dang_bo()
    path = write_workbook(tmp_path / "dang-bo.xlsx", document=copy.deepcopy(document))
    with open_workbook(path) as source:
        assert {k: v for k, v in source.header.items() if k != "form"} == {
            k: v for k, v in document.items() if k not in ("form", "to_chuc")
        }
        assert [o["ma"] for o in source.organisations] == [o["ma"] for o in document["to_chuc"]]
        for org in document["to_chuc"]:
            back = source.documents(org["ma"])
            assert back["problems"] == []
            assert back["bieu_diem"] == org["bieu_diem"]
            assert (back["bao_cao"] is None) == ("bao_cao" not in org)
            assert paragraphs(back["xep_loai"]) == paragraphs(org.get("xep_loai"))


def test_long_texts_come_back_through_the_content_sheet(tmp_path):
    document = dang_bo()
    member = _embedded(document, "kp5")["xep_loai"]["dang_vien"][0]["ban_kiem_diem"]
    member["kiem_diem"]["phuong_huong"] = [
        "Học tập nghị quyết <đầy đủ> & đúng hạn.",
        "- Rèn luyện tác phong.",
        "Ý thứ ba.",
    ]
    path = write_workbook(tmp_path / "dang-bo.xlsx", document=copy.deepcopy(document))
    content = [[c.value for c in row] for row in load_workbook(path)["Nội dung"].iter_rows(min_row=2)]
    heading = "VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm"
    assert [r[2] for r in content if r[:2] == ["kp5-001", heading]] == member["kiem_diem"]["phuong_huong"]
    with open_workbook(path) as source:
        back = source.documents("kp5")["xep_loai"]["dang_vien"][0]["ban_kiem_diem"]
    assert back["kiem_diem"]["phuong_huong"] == member["kiem_diem"]["phuong_huong"]


def _edit(path: Path, sheet: str, row: int, header: str, value) -> None:
    book = load_workbook(path)
    ws = book[sheet]
    column = next(c.column for c in ws[1] if c.value == header)
    ws.cell(row=row, column=column, value=value)
    book.save(path)


def test_a_broken_row_is_reported_with_sheet_row_and_column_and_the_rest_is_kept(tmp_path):
    path = write_workbook(tmp_path / "dang-bo.xlsx", document=dang_bo())
    _edit(path, "Đảng viên", 3, "Điểm: Nhóm tiêu chí chung", "hai mươi tám")
    _edit(path, "Đảng viên", 4, "Đối tượng", "Cán bộ hưu trí")
    _edit(path, "Đảng viên", 5, "Ngày vào Đảng", "31/02/2001")
    with open_workbook(path) as source:
        docs = source.documents("kp5")
    assert len(docs["xep_loai"]["dang_vien"]) == 3
    where = [p.where for p in docs["problems"]]
    assert where == [
        "trang “Đảng viên”, dòng 3, cột “Điểm: Nhóm tiêu chí chung”",
        "trang “Đảng viên”, dòng 4, cột “Đối tượng”",
        "trang “Đảng viên”, dòng 5, cột “Ngày vào Đảng”",
    ]
    assert "cần một số" in docs["problems"][0][1] and "không có trong danh sách chọn" in docs["problems"][1][1]


def test_rule_problems_point_back_to_the_cell(tmp_path):
    path = write_workbook(tmp_path / "dang-bo.xlsx", document=dang_bo())
    _edit(path, "Đảng viên", 2, "Điểm: Nhóm tiêu chí chung", 31)  # above the maximum of 30
    _edit(path, "Đảng viên", 3, "Phiếu Hoàn thành xuất sắc nhiệm vụ", 40)  # more votes than voters
    with open_workbook(path) as source:
        planner = Planner(source)
        list(planner.jobs())
    where = [e["where"] for e in planner.result.errors]
    assert "trang “Đảng viên”, dòng 2, cột “Điểm: Nhóm tiêu chí chung”" in where
    assert any(
        w.startswith("trang “Đảng viên”, dòng 3, các cột “Phiếu Hoàn thành xuất sắc nhiệm vụ”, “Phiếu Hoàn thành tốt")
        for w in where
    )


@pytest.mark.parametrize(
    "damage, expected",
    [
        (lambda book: book.remove(book["Đảng viên"]), "thiếu trang “Đảng viên”"),
        (lambda book: book["Đảng viên"].cell(row=1, column=70, value="Cột lạ"), "cột không thuộc mẫu"),
        (
            lambda book: book["Đảng viên"].cell(row=2, column=2, value="khong-co"),
            "“khong-co” không có ở trang “Tổ chức”",
        ),
        (lambda book: book["Tổ chức"].cell(row=3, column=1, value="kp6"), "mã “kp6” đã dùng"),
        (lambda book: book["Đảng bộ"].cell(row=4, column=2, value="năm nay"), "cần một số, không phải “năm nay”"),
    ],
)
def test_an_unusable_workbook_is_refused_whole(tmp_path, damage, expected):
    path = write_workbook(tmp_path / "dang-bo.xlsx", document=dang_bo())
    book = load_workbook(path)
    damage(book)
    book.save(path)
    with pytest.raises(InputError) as caught:
        open_workbook(path)
    assert any(expected in p.reason for p in caught.value.problems), caught.value.problems


def test_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "dang-bo.xlsx"
    path.write_bytes(b"not a zip")
    with pytest.raises(InputError, match="không đọc được"):
        open_workbook(path)


def test_a_member_file_column_is_merged_under_the_cells_and_kept_inside_the_folder(tmp_path):
    document = dang_bo()
    entry = _embedded(document, "kp6")["xep_loai"]["dang_vien"][0]
    import json

    (tmp_path / "ho-so").mkdir()
    (tmp_path / "ho-so" / "ha.json").write_text(
        json.dumps(entry["ban_kiem_diem"], ensure_ascii=False), encoding="utf-8"
    )
    entry["ban_kiem_diem"] = "ho-so/ha.json"
    path = write_workbook(tmp_path / "dang-bo.xlsx", document=document)
    _edit(path, "Đảng viên", 8, "Họ và tên", "Đặng Thu Hằng")
    with open_workbook(path) as source:
        member = source.documents("kp6")["xep_loai"]["dang_vien"][0]["ban_kiem_diem"]
    assert member["dang_vien"]["ho_ten"] == "Đặng Thu Hằng" and member["kiem_diem"]
    _edit(path, "Đảng viên", 8, "Tệp bản tự kiểm điểm", "../../etc/passwd.json")
    with open_workbook(path) as source:
        docs = source.documents("kp6")
    assert docs["problems"][0][0] == "trang “Đảng viên”, dòng 8, cột “Tệp bản tự kiểm điểm”"


def test_dates_typed_as_text_and_decimal_commas_are_read(tmp_path):
    path = write_workbook(tmp_path / "dang-bo.xlsx", document=dang_bo())
    _edit(path, "Đảng viên", 2, "Ngày vào Đảng", "05/03/1998")
    _edit(path, "Đảng viên", 2, "Điểm: Nhóm tiêu chí chung", "27,5")
    _edit(path, "Đảng viên", 2, "Ngày sinh", dt.datetime(1970, 1, 2))
    with open_workbook(path) as source:
        member = source.documents("kp5")["xep_loai"]["dang_vien"][0]["ban_kiem_diem"]
    assert member["dang_vien"]["ngay_vao_dang"] == "1998-03-05" and member["dang_vien"]["ngay_sinh"] == "1970-01-02"
    assert member["diem"]["tieu_chi_chung"]["diem"] == 27.5


def test_the_example_workbook_is_current(tmp_path):
    """examples/dang-bo-2025.xlsx holds what scripts/build_example_workbook.py writes."""
    with open_workbook(ROOT / "examples" / "dang-bo-2025.xlsx") as shipped:
        expected = dang_bo()
        for org in expected["to_chuc"]:
            assert paragraphs(shipped.documents(org["ma"])["xep_loai"]) == paragraphs(org.get("xep_loai"))


def test_cli_writes_the_template_and_refuses_it_empty(tmp_path, capsys):
    from generator.cli import main

    path = tmp_path / "trong.xlsx"
    assert main(["workbook-template", "-o", str(path), "--regime", "qd124-2023"]) == 0
    assert (
        "Mức đánh giá: Về phẩm chất chính trị, đạo đức, lối sống, ý thức tổ chức kỷ luật, tác phong, lề lối làm việc"
        in headers(load_workbook(path)["Đảng viên"])
    )
    assert main(["bulk", str(path), "-o", str(tmp_path / "out")]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_cli_bulk_on_a_workbook_with_a_broken_row(tmp_path, capsys):
    from generator.cli import main

    path = write_workbook(tmp_path / "dang-bo.xlsx", document=dang_bo())
    _edit(path, "Đảng viên", 4, "Đối tượng", "Cán bộ hưu trí")
    assert main(["bulk", str(path), "-o", str(tmp_path / "out"), "--format", "docx"]) == 3
    err = capsys.readouterr().err
    assert "trang “Đảng viên”, dòng 4, cột “Đối tượng”: “Cán bộ hưu trí” không có trong danh sách chọn" in err
    written = sorted(p.name for p in (tmp_path / "out").rglob("ban-tu-kiem-diem-*.docx"))
    assert len(written) == 20 and "ban-tu-kiem-diem-le-hoang-cuong.docx" not in written  # row 4 is Lê Hoàng Cường


def test_the_error_list_names_whose_row_each_error_is(tmp_path):
    from generator.bulk.runner import run_bulk

    path = write_workbook(tmp_path / "dang-bo.xlsx", document=dang_bo())
    _edit(path, "Đảng viên", 4, "Đối tượng", "Cán bộ hưu trí")
    _edit(path, "Tổ chức", 3, "Ngày họp chi bộ", "hôm qua")
    organisation = load_workbook(path)["Tổ chức"].cell(row=3, column=2).value
    outcome = run_bulk(path, tmp_path / "out", ("docx",))
    book = next((tmp_path / "out").rglob("danh-sach-loi.xlsx"))
    header, *rows = load_workbook(book).active.iter_rows(values_only=True)
    who = {(r[0], r[1]): r[header.index("Đảng viên / tổ chức")] for r in rows}
    assert who == {("Đảng viên", 4): "Lê Hoàng Cường", ("Tổ chức", 3): organisation}, outcome.errors


def test_a_broken_organisation_tree_points_to_the_organisation_row(tmp_path, capsys):
    from generator.cli import main

    path = write_workbook(tmp_path / "dang-bo.xlsx", document=dang_bo())
    _edit(path, "Tổ chức", 4, "Trực thuộc (mã tổ chức)", "khong-co")
    assert main(["bulk", str(path), "-o", str(tmp_path / "out")]) == 2
    assert "trang “Tổ chức”, dòng 4, cột “Trực thuộc (mã tổ chức)”" in capsys.readouterr().err


TASKS = "Kết quả thực hiện nhiệm vụ, chỉ tiêu trong năm › "


def _leave_open(path: Path, row: int) -> None:
    """Row ``row`` of “Đảng viên”: 12 tasks given, 11 done: no level holds and no KHTNV ground applies."""
    _edit(path, "Đảng viên", row, TASKS + "Số nhiệm vụ, chỉ tiêu hoàn thành", 11)
    _edit(path, "Đảng viên", row, TASKS + "Số nhiệm vụ hoàn thành đúng tiến độ, bảo đảm chất lượng", 11)
    _edit(path, "Đảng viên", row, TASKS + "Số nhiệm vụ hoàn thành vượt mức", 0)
    _edit(path, "Đảng viên", row, "Tự xếp loại (đề xuất)", "Hoàn thành nhiệm vụ")


def test_an_undecided_member_is_reported_at_the_decision_column_and_the_decision_columns_settle_it(tmp_path):
    path = write_workbook(tmp_path / "dang-bo.xlsx", document=dang_bo())
    _edit(path, "Đảng viên", 2, TASKS + "Số nhiệm vụ, chỉ tiêu được giao", 12)
    _leave_open(path, 2)
    with open_workbook(path) as source:
        planner = Planner(source)
        list(planner.jobs())
    assert [e["where"] for e in planner.result.errors] == [
        "trang “Đảng viên”, dòng 2, cột “Mức xếp loại do cấp có thẩm quyền quyết định”"
    ]
    _edit(path, "Đảng viên", 2, "Mức xếp loại do cấp có thẩm quyền quyết định", "Hoàn thành nhiệm vụ")
    _edit(path, "Đảng viên", 2, "Căn cứ quyết định", "Kết luận số 15-KL/ĐU ngày 22/12/2025 của Ban Thường vụ Đảng ủy")
    with open_workbook(path) as source:
        planner = Planner(source)
        list(planner.jobs())
    assert planner.result.errors == []


CALC = Path("/usr/lib/libreoffice/program/libsclo.so")


@pytest.mark.skipif(
    shutil.which("soffice") is None or not CALC.exists(),
    reason="LibreOffice Calc không có trên máy này (scripts/install-system-deps.sh cài nó)",
)
def test_the_example_workbook_saved_again_by_libreoffice_reads_the_same_and_keeps_its_drop_downs(tmp_path):
    """A clerk opens the workbook in LibreOffice and saves it: every document reads the same, and the drop-downs
    and ranges still cover the rows below the members (LibreOffice keeps them 1,000 rows past the last one)."""
    import subprocess

    source = ROOT / "examples" / "dang-bo-2025.xlsx"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(tmp_path / "lai"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    saved = tmp_path / "lai" / "dang-bo-2025.xlsx"
    shutil.copytree(ROOT / "examples" / "dang-bo-2025", tmp_path / "lai" / "dang-bo-2025")  # the files its cells name
    with open_workbook(source) as before, open_workbook(saved) as after:
        codes = [o["ma"] for o in before.organisations]
        assert codes == [o["ma"] for o in after.organisations]
        for code in codes:
            assert after.documents(code) == before.documents(code), code
        assert after.notices == []  # its dd/mm/yyyy date cells are not taken for month-first ones
    members = load_workbook(saved)["Đảng viên"]
    original = load_workbook(source)["Đảng viên"]
    assert len(members.data_validations.dataValidation) == len(original.data_validations.dataValidation)
    last = max(r.max_row for dv in members.data_validations.dataValidation for r in dv.sqref.ranges)
    assert last >= original.max_row + 1000
