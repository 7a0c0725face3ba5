"""Reading the đảng bộ workbook: the round trip, cells typed by hand, broken rows, unusable workbooks, locate."""

from __future__ import annotations

import copy
import datetime as dt
import json
import tracemalloc
import unicodedata
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from generator import load_document
from generator.errors import InputError
from generator.workbook import open_workbook, write_workbook
from generator.workbook.columns import FILLED
from tests.samples import EXAMPLES, example

FAMILY_NAMES = {
    "dv-01": "Nguyễn Văn Hòa",
    "dv-02": "Trần Thị Thu Hương",
    "dv-03": "Lê Quang Vinh",
    "dv-04": "Phạm Thị Huyền",
    "dv-05": "Đỗ Mạnh Hùng",
    "dv-06": "Vũ Thị Lệ",
    "dv-07": "Bùi Đức Thắng",
    "dv-08": "Hoàng Thị Yến",
    "dv-09": "Ngô Văn Khánh",
    "dv-10": "Đinh Thị Mai",
    "dv-11": "Tạ Quang Huy",
    "dv-12": "Lương Thị Nga",
}


def _member(doc: dict) -> dict:
    """A bản tự kiểm điểm as the workbook holds it: no defaulted fields, no sub-criteria, one paragraph = a string."""
    doc = {k: v for k, v in copy.deepcopy(doc).items() if k not in FILLED}
    for part in doc.get("diem", {}).values():
        part.pop("tieu_chi", None)

    def single(node):
        if isinstance(node, dict):
            return {k: single(v) for k, v in node.items()}
        if isinstance(node, list) and len(node) == 1 and isinstance(node[0], str):
            return node[0]
        return node

    return single(doc)


def _khu_pho(name: str) -> dict:
    doc = _member(load_document(EXAMPLES / "chi-bo-khu-pho-5" / f"{name}.json"))
    doc["dang_vien"]["ho_ten"] = FAMILY_NAMES[name]
    return doc


def _scoring(common: int, tasks: int, signer: str, thay_mat: str = "chi_uy") -> dict:
    doc = {k: v for k, v in load_document(EXAMPLES / "bieu-diem-tccsd-2025.json").items() if k not in FILLED}
    doc["diem"] = {"tieu_chi_chung": {"diem": common}, "ket_qua_nhiem_vu": {"diem": tasks}}
    doc["ky"] = {"thay_mat": thay_mat, "chuc_vu_nguoi_ky": "bi_thu", "nguoi_ky": signer}
    doc["dieu_kien"] = {
        "chinh_quyen_doan_the": "cao_nhat",
        "doan_ket": True,
        "ky_luat_cap_uy": False,
        "ty_le_sinh_hoat": 92.5,
    }
    doc["noi_nhan"] = ["Đảng ủy phường Liễu Giai (để báo cáo)", "Lưu Chi bộ"]
    return doc


def dang_bo_lieu_giai() -> dict:
    """A đảng bộ cơ sở with two chi bộ trực thuộc: scores, sections, votes, enums, dates, booleans, long texts."""
    kim_ma = [_khu_pho(f"dv-0{i}") for i in range(1, 7)]
    kim_ma[0]["kiem_diem"]["khac_phuc"] = (
        "= Đã khắc phục 2/2 hạn chế của kỳ trước."  # would be a formula if not kept as text
    )
    kim_ma[1]["dang_vien"]["tinh_trang_sinh_hoat"] = "binh_thuong"
    kim_ma[2]["dang_vien"]["nghi_dai_ngay"] = {"loai": "thai_san", "so_thang": 6}
    kim_ma[3]["vi_pham"] = {
        "ky_luat": {
            "hinh_thuc": "khien_trach",
            "lien_quan_chuc_trach": False,
            "tu_phat_hien_khac_phuc": True,
            "giai_trinh": [
                "Đã tự phát hiện sai sót trong hồ sơ & báo cáo ngay với chi ủy.",
                "Đã khắc phục xong hậu quả trong tháng 6/2025.",
            ],
        },
        "suy_thoai": False,
    }
    co_quan = [_khu_pho(f"dv-{i:02d}") for i in range(7, 13)]
    leader = _member(example("02b"))
    leader["dang_vien"].update(
        ho_ten="Phùng Thị Thanh Tâm", doi_tuong="lanh_dao_quan_ly", chuc_vu_chinh_quyen="Phó Chủ tịch UBND phường"
    )
    co_quan.append(leader)
    votes = [
        {"HTXSNV": 6, "HTTNV": 1},
        {"HTXSNV": 5, "HTTNV": 2},
        {"HTTNV": 7},
        {"HTTNV": 6, "HTNV": 1},
        {"HTNV": 7},
        {"HTNV": 6, "KHTNV": 1},
    ]
    kim_entries = [{"ban_kiem_diem": doc, "phieu": tally} for doc, tally in zip(kim_ma, votes)]
    kim_entries[0]["phieu_vong_2"] = 6
    kim_entries[1]["nhom"] = "Cán bộ hưu trí"
    co_entries = [{"ban_kiem_diem": doc, "phieu": {"HTTNV": 7}} for doc in co_quan]
    return {
        "form": "dang-bo",
        "regime": "qd366-2025",
        "nam": 2025,
        "dang_bo": "Đảng bộ phường Liễu Giai",
        "cap_tren": "Đảng bộ Thành phố Hà Nội",
        "dia_danh": "Hà Nội",
        "ngay_lap": "2025-12-22",
        "ky": {"thay_mat": "dang_uy", "chuc_vu_nguoi_ky": "bi_thu", "nguoi_ky": "Trần Quốc Toản"},
        "noi_nhan": ["Ban Tổ chức Thành ủy Hà Nội (để báo cáo)", "Các chi bộ trực thuộc", "Lưu Văn phòng Đảng ủy"],
        "to_chuc": [
            {
                "ma": "db-lieu-giai",
                "ten": "Đảng bộ phường Liễu Giai",
                "loai_to_chuc": "dang_bo_co_so",
                "bieu_diem": _scoring(27, 60, "Trần Quốc Toản", "dang_uy"),
            },
            {
                "ma": "cb-kim-ma",
                "ten": "Chi bộ Khu dân cư Kim Mã",
                "loai_to_chuc": "chi_bo_truc_thuoc",
                "truc_thuoc": "db-lieu-giai",
                "xep_loai": {
                    "ngay_hop": "2025-12-12",
                    "so_dang_vien_chinh_thuc": 7,
                    "so_co_mat": 7,
                    "don_vi_tieu_bieu": False,
                    "dang_vien": kim_entries,
                },
                "bieu_diem": _scoring(28, 62, "Lê Thị Minh Châu"),
            },
            {
                "ma": "cb-co-quan",
                "ten": "Chi bộ Cơ quan Ủy ban nhân dân phường",
                "loai_to_chuc": "chi_bo_truc_thuoc",
                "truc_thuoc": "db-lieu-giai",
                "xep_loai": {"ngay_hop": "2025-12-15", "so_dang_vien_chinh_thuc": 7, "dang_vien": co_entries},
            },
        ],
    }


@pytest.fixture
def document() -> dict:
    return dang_bo_lieu_giai()


@pytest.fixture
def workbook(tmp_path, document) -> Path:
    return write_workbook(tmp_path / "dang-bo.xlsx", document=copy.deepcopy(document))


def _edit(path: Path, changes: list[tuple[str, int, str | int, object]]) -> None:
    """Set cells by (sheet, row, header or column number, value), as a clerk would in Excel."""
    book = load_workbook(path)
    for sheet, row, column, value in changes:
        ws = book[sheet]
        if isinstance(column, str):
            column = next(c.column for c in ws[1] if c.value == column)
        ws.cell(row=row, column=column).value = value
    book.save(path)


def _problems(path: Path) -> list:
    with pytest.raises(InputError) as caught:
        open_workbook(path)
    return caught.value.problems


# -- the round trip ---------------------------------------------------------------------------------


def test_round_trip_gives_back_every_document(workbook, document):
    with open_workbook(workbook) as source:
        assert source.header == {k: v for k, v in document.items() if k != "to_chuc"}
        assert source.organisations == [
            {k: o[k] for k in ("ma", "ten", "loai_to_chuc", "truc_thuoc") if k in o} for o in document["to_chuc"]
        ]
        for org in document["to_chuc"]:
            back = source.documents(org["ma"])
            assert back["problems"] == []
            assert back["bieu_diem"] == org.get("bieu_diem")
            assert back["xep_loai"] == org.get("xep_loai")


def test_long_texts_travel_through_the_content_sheet_one_paragraph_a_row(workbook, document):
    member = document["to_chuc"][1]["xep_loai"]["dang_vien"][3]["ban_kiem_diem"]
    rows = [[c.value for c in row] for row in load_workbook(workbook)["Nội dung"].iter_rows(min_row=2)]
    mine = [r for r in rows if r[0] == "cb-kim-ma-004" and r[1] == "Giải trình về việc tự phát hiện, khắc phục"]
    assert [r[2] for r in mine] == member["vi_pham"]["ky_luat"]["giai_trinh"]
    members = load_workbook(workbook)["Đảng viên"]
    column = next(c.column for c in members[1] if c.value == "Giải trình về việc tự phát hiện, khắc phục")
    assert members.cell(row=5, column=column).value is None  # not twice


def test_a_record_regime_round_trips_with_a_grade_per_criterion(tmp_path):
    group = {
        k: v for k, v in load_document(EXAMPLES / "chi-bo-2023" / "xep-loai-chi-bo.json").items() if k not in FILLED
    }
    group["dang_vien"][0]["ky_luat_trong_nam"] = False
    group["dang_vien"][1]["cong_chuc"] = {"xep_loai": "HTXSNV", "danh_hieu": True}
    scoring = {k: v for k, v in load_document(EXAMPLES / "bieu-diem-tccsd-2023.yaml").items() if k not in FILLED}
    document = {
        "form": "dang-bo",
        "regime": "qd124-2023",
        "nam": 2023,
        "dang_bo": "Đảng bộ Khối các cơ quan tỉnh Hà Tĩnh",
        "dia_danh": "Hà Tĩnh",
        "ngay_lap": "2023-12-20",
        "to_chuc": [
            {
                "ma": "cb-vp-so-khdt",
                "ten": "Chi bộ Văn phòng Sở Kế hoạch và Đầu tư",
                "loai_to_chuc": "chi_bo_co_so",
                "xep_loai": group,
                "bieu_diem": scoring,
            }
        ],
    }
    path = write_workbook(tmp_path / "2023.xlsx", document=copy.deepcopy(document))
    headers = [c.value for c in load_workbook(path)["Đảng viên"][1]]
    assert "Mức đánh giá: Kết quả lãnh đạo, quản lý" in headers and "Tệp bản tự kiểm điểm" not in headers
    with open_workbook(path) as source:
        back = source.documents("cb-vp-so-khdt")
    assert back["problems"] == []
    assert back["xep_loai"] == group and back["bieu_diem"] == scoring
    assert back["xep_loai"]["dang_vien"][0]["cap_do"] == document["to_chuc"][0]["xep_loai"]["dang_vien"][0]["cap_do"]


# -- cells as a clerk types them --------------------------------------------------------------------


def test_cells_typed_by_hand_are_read(workbook):
    nfd = unicodedata.normalize("NFD", "  Nguyễn Thị Ánh Tuyết ")
    _edit(
        workbook,
        [
            ("Đảng viên", 2, "Họ và tên", nfd),
            ("Đảng viên", 2, "Ngày vào Đảng", "05/03/1998"),
            ("Đảng viên", 2, "Ngày sinh", dt.datetime(1970, 1, 2)),
            ("Đảng viên", 3, "Ngày sinh", "1975-07-30"),
            ("Đảng viên", 2, "Điểm: Nhóm tiêu chí chung", "27,5"),
            ("Đảng viên", 2, "Đối tượng", "lanh_dao_quan_ly"),  # the code instead of the title
            ("Đảng viên", 3, "Tự xếp loại (đề xuất)", "hoàn thành tốt nhiệm vụ"),  # the title in another case
            ("Đảng viên", 3, "Phiếu Hoàn thành tốt nhiệm vụ", "7"),
            ("Tổ chức", 3, "Đơn vị tiêu biểu được cấp có thẩm quyền cho phép tỷ lệ cao hơn", "có"),
        ],
    )
    with open_workbook(workbook) as source:
        docs = source.documents("cb-kim-ma")
    first, second = (e["ban_kiem_diem"] for e in docs["xep_loai"]["dang_vien"][:2])
    assert first["dang_vien"]["ho_ten"] == "Nguyễn Thị Ánh Tuyết"
    assert first["dang_vien"]["ngay_vao_dang"] == "1998-03-05" and first["dang_vien"]["ngay_sinh"] == "1970-01-02"
    assert second["dang_vien"]["ngay_sinh"] == "1975-07-30"
    assert first["diem"]["tieu_chi_chung"]["diem"] == 27.5 and first["dang_vien"]["doi_tuong"] == "lanh_dao_quan_ly"
    assert second["tu_xep_loai"] == "HTTNV" and docs["xep_loai"]["dang_vien"][1]["phieu"]["HTTNV"] == 7
    assert docs["xep_loai"]["don_vi_tieu_bieu"] is True


def test_headers_match_whatever_the_case_and_spacing(workbook):
    _edit(workbook, [("Đảng viên", 1, 4, "  nhóm   TÍNH tỷ lệ ")])
    with open_workbook(workbook) as source:
        assert source.documents("cb-kim-ma")["xep_loai"]["dang_vien"][1]["nhom"] == "Cán bộ hưu trí"


def test_content_rows_append_paragraphs_by_header_or_json_path(workbook):
    book = load_workbook(workbook)
    members = book["Đảng viên"]
    column = next(c.column for c in members[1] if c.value == "Nguyên nhân của hạn chế, khuyết điểm")
    members.cell(row=2, column=column, value="Đoạn ghi ở ô.")
    content = book["Nội dung"]
    for row in (
        ["cb-kim-ma-001", "kiem_diem.han_che.nguyen_nhan", "Đoạn thứ hai."],
        [None, None, None],
        ["cb-kim-ma-001", "Nguyên nhân của hạn chế, khuyết điểm", "Đoạn thứ ba.\nĐoạn thứ tư."],
    ):
        content.append(row)
    book.save(workbook)
    with open_workbook(workbook) as source:
        member = source.documents("cb-kim-ma")["xep_loai"]["dang_vien"][0]["ban_kiem_diem"]
        assert member["kiem_diem"]["han_che"]["nguyen_nhan"] == [
            "Đoạn ghi ở ô.",
            "Đoạn thứ hai.",
            "Đoạn thứ ba.",
            "Đoạn thứ tư.",
        ]
        last = content.max_row
        assert (
            source.locate("cb-kim-ma", "xep_loai", "$.dang_vien[0].ban_kiem_diem.kiem_diem.han_che.nguyen_nhan")
            == f"trang “Nội dung”, dòng {last - 2} (mục “Nguyên nhân của hạn chế, khuyết điểm”)"
        )


def test_empty_rows_are_skipped_and_rows_keep_their_numbers(workbook):
    book = load_workbook(workbook)
    book["Đảng viên"].insert_rows(3, amount=2)
    book["Tổ chức"].insert_rows(3)
    book.save(workbook)
    with open_workbook(workbook) as source:
        assert [o["ma"] for o in source.organisations] == ["db-lieu-giai", "cb-kim-ma", "cb-co-quan"]
        docs = source.documents("cb-kim-ma")
        assert docs["problems"] == [] and len(docs["xep_loai"]["dang_vien"]) == 6
        assert (
            source.locate("cb-kim-ma", "xep_loai", "$.dang_vien[1].ban_kiem_diem.dang_vien.ho_ten")
            == "trang “Đảng viên”, dòng 5, cột “Họ và tên”"
        )


# -- a broken row ------------------------------------------------------------------------------------


def test_a_broken_row_is_reported_with_sheet_row_and_column_and_the_rest_is_kept(workbook, document):
    _edit(
        workbook,
        [
            ("Đảng viên", 3, "Điểm: Nhóm tiêu chí chung", "hai mươi tám"),
            ("Đảng viên", 4, "Đối tượng", "Cán bộ hưu trí"),
            ("Đảng viên", 5, "Ngày vào Đảng", "31/02/2001"),
            ("Đảng viên", 5, "Phiếu Hoàn thành nhiệm vụ", "bảy"),
            ("Đảng viên", 9, "Đơn vị công tác", 42),  # a number in a text column is just text
        ],
    )
    with open_workbook(workbook) as source:
        docs = source.documents("cb-kim-ma")
        other = source.documents("cb-co-quan")
    kept = document["to_chuc"][1]["xep_loai"]["dang_vien"]
    name = [m["ban_kiem_diem"]["dang_vien"]["ho_ten"] for m in kept]  # rows 2, 3, …: whose each problem is
    assert docs["problems"] == [
        (
            "trang “Đảng viên”, dòng 3, cột “Điểm: Nhóm tiêu chí chung”",
            "cần một số, không phải “hai mươi tám”",
            name[1],
        ),
        (
            "trang “Đảng viên”, dòng 4, cột “Đối tượng”",
            "“Cán bộ hưu trí” không có trong danh sách chọn (Cá nhân giữ chức vụ lãnh đạo, "
            "quản lý; Cá nhân không giữ chức vụ lãnh đạo, quản lý; Đảng viên không làm việc trong hệ thống chính trị)",
            name[2],
        ),
        ("trang “Đảng viên”, dòng 5, cột “Phiếu Hoàn thành nhiệm vụ”", "cần một số, không phải “bảy”", name[3]),
        (
            "trang “Đảng viên”, dòng 5, cột “Ngày vào Đảng”",
            "ngày không hợp lệ “31/02/2001” (ghi dạng dd/mm/yyyy)",
            name[3],
        ),
    ]
    assert docs["xep_loai"]["dang_vien"] == [kept[0], kept[4], kept[5]]
    assert (
        other["problems"] == []
        and other["xep_loai"]["dang_vien"][1]["ban_kiem_diem"]["dang_vien"]["don_vi_cong_tac"] == "42"
    )


def test_a_number_that_could_be_read_two_ways_is_asked_about_not_guessed(workbook):
    _edit(
        workbook,
        [
            ("Đảng viên", 3, "Điểm: Nhóm tiêu chí chung", "27.500"),  # 27,5 or 27500?
            ("Đảng viên", 4, "Phiếu Hoàn thành nhiệm vụ", "1.000"),  # one vote or a thousand?
            ("Đảng viên", 5, "Ngày vào Đảng", "05/03/98"),
        ],
    )  # 1998 or 2098?
    with open_workbook(workbook) as source:
        problems = source.documents("cb-kim-ma")["problems"]
    assert [(p.where, p.reason) for p in problems] == [
        (
            "trang “Đảng viên”, dòng 3, cột “Điểm: Nhóm tiêu chí chung”",
            "“27.500” là 27,5 hay 27500? Hãy ghi rõ 27,5 hoặc "
            "27500 (số thập phân dùng dấu phẩy, không dùng dấu chấm hàng nghìn)",
        ),
        (
            "trang “Đảng viên”, dòng 4, cột “Phiếu Hoàn thành nhiệm vụ”",
            "“1.000” là 1 hay 1000? Hãy ghi rõ 1 hoặc 1000 "
            "(số thập phân dùng dấu phẩy, không dùng dấu chấm hàng nghìn)",
        ),
        ("trang “Đảng viên”, dòng 5, cột “Ngày vào Đảng”", "ngày “05/03/98” cần năm đủ 4 chữ số (ghi dạng dd/mm/yyyy)"),
    ]


def test_a_broken_chi_bo_cell_holds_back_its_list_but_not_the_others(workbook):
    _edit(
        workbook,
        [
            ("Tổ chức", 3, "Ngày họp chi bộ", "hôm qua"),
            ("Tổ chức", 4, "Điểm: Nhóm tiêu chí chung", 29),
            ("Tổ chức", 2, "Điểm: Nhóm tiêu chí chung", "ba mươi"),
        ],
    )
    with open_workbook(workbook) as source:
        kim_ma, co_quan, top = (source.documents(ma) for ma in ("cb-kim-ma", "cb-co-quan", "db-lieu-giai"))
    assert kim_ma["xep_loai"] is None and kim_ma["bieu_diem"] is not None
    assert kim_ma["problems"] == [
        ("trang “Tổ chức”, dòng 3, cột “Ngày họp chi bộ”", "ngày không hợp lệ “hôm qua” (ghi dạng dd/mm/yyyy)", "")
    ]  # an organisation's row: the run names it (bulk/plan)
    assert (
        top["bieu_diem"] is None and top["problems"][0][0] == "trang “Tổ chức”, dòng 2, cột “Điểm: Nhóm tiêu chí chung”"
    )
    assert co_quan["problems"] == [] and len(co_quan["xep_loai"]["dang_vien"]) == 7
    assert co_quan["bieu_diem"] == {"diem": {"tieu_chi_chung": {"diem": 29}}}


def test_an_organisation_without_scores_has_no_bieu_diem_and_stray_cells_are_reported(workbook):
    _edit(workbook, [("Tổ chức", 4, "Họ và tên người ký", "Nguyễn Văn Tư")])
    with open_workbook(workbook) as source:
        docs = source.documents("cb-co-quan")
    assert docs["bieu_diem"] is None
    assert docs["problems"] == [
        (
            "trang “Tổ chức”, dòng 4, cột “Họ và tên người ký”",
            "có nội dung biểu điểm nhưng chưa có điểm (hoặc mức đánh giá) tự chấm; "
            "tổ chức chưa chấm điểm thì để trống cả nhóm cột biểu điểm",
            "",
        )
    ]


def test_a_member_file_is_read_from_inside_the_folder_and_cells_win(tmp_path, document):
    entry = document["to_chuc"][2]["xep_loai"]["dang_vien"][0]
    (tmp_path / "ho-so").mkdir()
    full = load_document(EXAMPLES / "chi-bo-khu-pho-5" / "dv-07.json")  # with its sub-criteria, which cells cannot hold
    full["diem"]["tieu_chi_chung"]["tieu_chi"] = [{"ten": "Chính trị, tư tưởng", "diem_toi_da": 30, "diem": 26}]
    (tmp_path / "ho-so" / "thang.json").write_text(json.dumps(full, ensure_ascii=False), encoding="utf-8")
    entry["ban_kiem_diem"] = "ho-so/thang.json"
    path = write_workbook(tmp_path / "dang-bo.xlsx", document=document)
    _edit(path, [("Đảng viên", 8, "Họ và tên", "Bùi Đức Thắng"), ("Đảng viên", 8, "Điểm: Nhóm tiêu chí chung", 26)])
    with open_workbook(path) as source:
        member = source.documents("cb-co-quan")["xep_loai"]["dang_vien"][0]["ban_kiem_diem"]
        assert member["dang_vien"]["ho_ten"] == "Bùi Đức Thắng" and member["kiem_diem"] == full["kiem_diem"]
        assert member["diem"]["tieu_chi_chung"] == {"diem": 26, "tieu_chi": full["diem"]["tieu_chi_chung"]["tieu_chi"]}
        assert (
            source.locate("cb-co-quan", "xep_loai", "$.dang_vien[0].ban_kiem_diem.diem.tieu_chi_chung.tieu_chi[0].diem")
            == "tệp “ho-so/thang.json” (trang “Đảng viên”, dòng 8, cột “Tệp bản tự kiểm điểm”): $.diem.tieu_chi_chung.tieu_chi[0].diem"
        )
        assert (
            source.locate("cb-co-quan", "xep_loai", "$.dang_vien[0].ban_kiem_diem.dang_vien.ho_ten")
            == "trang “Đảng viên”, dòng 8, cột “Họ và tên”"
        )
    outside = tmp_path.parent / f"{tmp_path.name}-ngoai.json"
    outside.write_text(json.dumps(full, ensure_ascii=False), encoding="utf-8")
    for name, reason in (
        (str(outside), "phải nằm trong thư mục của sổ Excel"),
        (f"../{outside.name}", "phải nằm trong thư mục của sổ Excel"),
        ("ho-so/../ho-so/thang.json", "phải nằm trong thư mục của sổ Excel"),
        ("ho-so/khong-co.json", "không tìm thấy tệp"),
    ):
        _edit(path, [("Đảng viên", 8, "Tệp bản tự kiểm điểm", name)])
        with open_workbook(path) as source:
            docs = source.documents("cb-co-quan")
        assert len(docs["xep_loai"]["dang_vien"]) == 6
        assert docs["problems"][0][0] == "trang “Đảng viên”, dòng 8, cột “Tệp bản tự kiểm điểm”"
        assert reason in docs["problems"][0][1], docs["problems"]


def test_a_collective_report_comes_from_the_file_named_on_the_organisation_row(tmp_path, document):
    (tmp_path / "bao-cao").mkdir()
    report = {"uu_diem": {"nguyen_tac": "Sinh hoạt đều đặn."}, "diem": {"tieu_chi_chung": {"diem": 20}}}
    (tmp_path / "bao-cao" / "kim-ma.yaml").write_text(yaml.safe_dump(report, allow_unicode=True), encoding="utf-8")
    document["to_chuc"][1]["bao_cao"] = "bao-cao/kim-ma.yaml"
    path = write_workbook(tmp_path / "dang-bo.xlsx", document=document)
    with open_workbook(path) as source:
        assert source.documents("cb-kim-ma")["bao_cao"] == report
        assert source.documents("cb-co-quan")["bao_cao"] is None
        assert (
            source.locate("cb-kim-ma", "bao_cao", "$.uu_diem.nguyen_tac")
            == "tệp “bao-cao/kim-ma.yaml” (trang “Tổ chức”, dòng 3, cột “Tệp báo cáo kiểm điểm tập thể”): $.uu_diem.nguyen_tac"
        )
        # stated by the file: the file; taken from the biểu điểm on the row: the row's column
        assert source.locate("cb-kim-ma", "bao_cao", "$.diem.tieu_chi_chung.diem").startswith(
            "tệp “bao-cao/kim-ma.yaml”"
        )
        assert (
            source.locate("cb-kim-ma", "bao_cao", "$.tu_xep_loai")
            == "trang “Tổ chức”, dòng 3, cột “Tự xếp loại (đề xuất)”"
        )
    for name, reason in (
        ("../ngoai.yaml", "phải nằm trong thư mục của sổ Excel"),
        ("bao-cao/khong-co.yaml", "không tìm thấy tệp"),
        ("bao-cao/kim-ma.docx", "cần một tệp .json, .yaml hoặc .yml"),
    ):
        _edit(path, [("Tổ chức", 3, "Tệp báo cáo kiểm điểm tập thể", name)])
        with open_workbook(path) as source:
            docs = source.documents("cb-kim-ma")
        assert docs["bao_cao"] is None and docs["xep_loai"] is not None  # the list and the members go on
        [(where_, why, _)] = docs["problems"]
        assert where_ == "trang “Tổ chức”, dòng 3, cột “Tệp báo cáo kiểm điểm tập thể”" and reason in why


# -- an unusable workbook -------------------------------------------------------------------------------


def test_an_unusable_workbook_is_refused_with_every_problem_listed(workbook):
    book = load_workbook(workbook)
    members, orgs = book["Đảng viên"], book["Tổ chức"]
    members.cell(row=1, column=members.max_column + 1, value="Cột lạ")
    members.cell(row=1, column=members.max_column + 1, value="Họ và tên")
    members["B2"] = "cb-khong-co"
    orgs["A4"] = "cb-kim-ma"
    book["Đảng bộ"]["B4"] = "năm nay"
    book["Nội dung"].append(["cb-khong-co-001", "Nguyên nhân của hạn chế, khuyết điểm", "Một đoạn."])
    book["Nội dung"].append(["cb-kim-ma-001", "Mục không có", "Một đoạn."])
    book.save(workbook)
    found = {(p.path, p.title, p.reason) for p in _problems(workbook)}
    last = members.max_column
    from openpyxl.utils import get_column_letter as letter

    content = book["Nội dung"].max_row
    assert found >= {
        ("Đảng bộ!B4", "Năm kiểm điểm", "cần một số, không phải “năm nay”"),
        (
            f"Đảng viên!{letter(last - 1)}1",
            "Cột lạ",
            "cột không thuộc mẫu của quy định này (xem lệnh kiemdiem workbook-template)",
        ),
        (
            f"Đảng viên!{letter(last)}1",
            "Họ và tên",
            f"cột bị lặp lại (đã có ở ô Đảng viên!{letter(next(c.column for c in members[1] if c.value == 'Họ và tên'))}1)",
        ),
        ("Tổ chức!A4", "Mã tổ chức", "mã “cb-kim-ma” đã dùng ở dòng 3"),
        ("Đảng viên!B2", "Mã chi bộ", "“cb-khong-co” không có ở trang “Tổ chức”"),
        (f"Nội dung!A{content - 1}", "Mã đảng viên", "mã “cb-khong-co-001” không có ở trang “Đảng viên”"),
        (f"Nội dung!B{content}", "Mục", "“Mục không có” không phải một cột văn bản của trang “Đảng viên”"),
    }, found


@pytest.mark.parametrize(
    "damage, path, reason",
    [
        (lambda book: book.remove(book["Đảng viên"]), "$", "thiếu trang “Đảng viên”"),
        (lambda book: [book.remove(book[s]) for s in ("Tổ chức", "Đảng bộ")], "$", "thiếu trang “Đảng bộ”"),
        (lambda book: book["Đảng viên"].delete_cols(2), "Đảng viên!1", "thiếu cột bắt buộc"),
        (lambda book: book["Tổ chức"].cell(row=1, column=3, value="Loại tổ chức"), "Tổ chức!C1", "cột không thuộc mẫu"),
        (
            lambda book: book["Tổ chức"].cell(row=3, column=3, value="Chi bộ khu phố"),
            "Tổ chức!C3",
            "không có trong danh sách chọn",
        ),
        (lambda book: setattr(book["Tổ chức"]["B3"], "value", None), "Tổ chức!B3", "thiếu giá trị bắt buộc"),
        (
            lambda book: book["Đảng bộ"].cell(row=2, column=2, value="Quy định 999"),
            "Đảng bộ!B2",
            "không có trong danh sách chọn",
        ),
        (
            lambda book: book["Đảng bộ"].cell(row=3, column=2, value="ha-giang-2030"),
            "Đảng bộ",
            "không có hồ sơ quy định",
        ),
        (
            lambda book: book["Đảng bộ"].cell(row=20, column=1, value="Trường lạ"),
            "Đảng bộ!A20",
            "trường không thuộc mẫu đảng bộ",
        ),
        (
            lambda book: book["Đảng viên"].cell(row=3, column=1, value="cb-kim-ma-001"),
            "Đảng viên!A3",
            "mã “cb-kim-ma-001” đã dùng ở dòng 2",
        ),
        (lambda book: setattr(book["Đảng viên"]["B3"], "value", None), "Đảng viên!B3", "thiếu mã chi bộ"),
        (lambda book: book["Nội dung"].cell(row=1, column=2, value="Tiêu đề"), "Nội dung!A1", "dòng đầu phải là"),
    ],
)
def test_each_structural_mistake_is_named(workbook, damage, path, reason):
    book = load_workbook(workbook)
    damage(book)
    book.save(workbook)
    problems = _problems(workbook)
    assert any(p.path == path and reason in p.reason for p in problems), problems


def test_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "dang-bo.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="không phải sổ Excel .xlsx"):
        open_workbook(path)
    with pytest.raises(InputError, match="không tìm thấy tệp"):
        open_workbook(tmp_path / "khong-co.xlsx")


# -- locate and memory ---------------------------------------------------------------------------------


def test_locate_turns_json_paths_into_sheet_row_and_column(workbook):
    _edit(workbook, [("Đảng viên", 3, "Điểm: Nhóm tiêu chí chung", "x")])  # row 3 drops out: [1] is then row 4
    with open_workbook(workbook) as source:
        source.documents("cb-kim-ma")
        locate = source.locate
        assert (
            locate("cb-kim-ma", "xep_loai", "$.dang_vien[1].ban_kiem_diem.dang_vien.ho_ten")
            == "trang “Đảng viên”, dòng 4, cột “Họ và tên”"
        )
        assert (
            locate("cb-kim-ma", "xep_loai", "$.dang_vien[3].phieu")
            == "trang “Đảng viên”, dòng 6, các cột “Phiếu Hoàn thành xuất sắc nhiệm vụ”, “Phiếu Hoàn thành tốt nhiệm vụ”, "
            "“Phiếu Hoàn thành nhiệm vụ”, “Phiếu Không hoàn thành nhiệm vụ”"
        )
        assert (
            locate("cb-kim-ma", "xep_loai", "$.dang_vien[0].phieu.HTXSNV")
            == "trang “Đảng viên”, dòng 2, cột “Phiếu Hoàn thành xuất sắc nhiệm vụ”"
        )
        assert (
            locate("cb-kim-ma", "xep_loai", "$.dang_vien[0].ban_kiem_diem.diem.tieu_chi_chung.diem")
            == "trang “Đảng viên”, dòng 2, cột “Điểm: Nhóm tiêu chí chung”"
        )
        assert (
            locate("cb-kim-ma", "xep_loai", "$.dang_vien[0].ban_kiem_diem.kiem_diem.uu_diem.pham_chat[1]")
            == "trang “Nội dung”, dòng 2 (mục “Về phẩm chất chính trị, đạo đức, lối sống; ý thức tổ chức kỷ luật; tác phong, lề lối làm việc”)"
        )
        assert locate("cb-kim-ma", "xep_loai", "$.dang_vien[0]") == "trang “Đảng viên”, dòng 2"
        assert (
            locate("cb-kim-ma", "xep_loai", "$.so_co_mat")
            == "trang “Tổ chức”, dòng 3, cột “Số đảng viên chính thức có mặt (có quyền biểu quyết)”"
        )
        assert locate("cb-kim-ma", "xep_loai", "$.dang_vien") == "trang “Tổ chức”, dòng 3"
        assert (
            locate("db-lieu-giai", "bieu_diem", "$.diem.tieu_chi_chung.diem")
            == "trang “Tổ chức”, dòng 2, cột “Điểm: Nhóm tiêu chí chung”"
        )
        assert locate("db-lieu-giai", "bieu_diem", "$.thong_ke_dang_vien") == "trang “Tổ chức”, dòng 2"
        assert (
            locate("cb-co-quan", "xep_loai", "$.dang_vien[6].ban_kiem_diem.nhan_xet_chi_bo.nguoi_ky")
            == "trang “Đảng viên”, dòng 14, cột “Họ và tên người ký”"
        )  # documents() not called first: built on demand
        assert locate("cb-kim-ma", "xep_loai", "$.dang_vien[5]") is None  # only five left
        assert locate("khong-co", "xep_loai", "$") is None
        assert (
            locate("cb-kim-ma", "bao_cao", "$.uu_diem")
            == "trang “Tổ chức”, dòng 3, cột “Tệp báo cáo kiểm điểm tập thể”"
        )  # no file named yet: where to name one


def test_close_removes_the_temporary_database(workbook):
    with open_workbook(workbook) as source:
        database = source._spill.path
        assert database.is_file()
    assert not database.exists()
    source = open_workbook(workbook)
    database = source._spill.path
    source.close()
    source.close()
    assert not database.exists()


def _wide(members: int) -> dict:
    """A đảng bộ of ``members`` members with long texts in their cells."""
    body = "Tham mưu, tổng hợp, theo dõi việc thực hiện nghị quyết của chi bộ; " * 40
    entries = [
        {
            "ban_kiem_diem": {
                "dang_vien": {"ho_ten": f"Nguyễn Văn Số {i}", "doi_tuong": "khong_giu_chuc_vu"},
                "kiem_diem": {"khac_phuc": f"{body}{i}"},
                "diem": {"tieu_chi_chung": {"diem": 27}, "ket_qua_nhiem_vu": {"diem": 60}},
            },
            "phieu": {"HTTNV": 20},
        }
        for i in range(members)
    ]
    return {
        "form": "dang-bo",
        "nam": 2025,
        "dang_bo": "Đảng bộ xã Thử Nghiệm",
        "dia_danh": "Hà Nội",
        "ngay_lap": "2025-12-20",
        "to_chuc": [
            {
                "ma": f"cb{k}",
                "ten": f"Chi bộ thôn {k}",
                "loai_to_chuc": "chi_bo_co_so",
                "xep_loai": {
                    "ngay_hop": "2025-12-10",
                    "so_dang_vien_chinh_thuc": 20,
                    "dang_vien": entries[k * 20 : (k + 1) * 20],
                },
            }
            for k in range(members // 20)
        ],
    }


def _peak_reading(path: Path) -> tuple[int, int]:
    tracemalloc.start()
    try:
        with open_workbook(path) as source:
            opened = tracemalloc.get_traced_memory()[1]
            tracemalloc.reset_peak()
            for org in source.organisations:
                assert len(source.documents(org["ma"])["xep_loai"]["dang_vien"]) == 20
            return opened, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_reading_holds_one_chi_bo_at_a_time(tmp_path):
    small = write_workbook(tmp_path / "small.xlsx", document=_wide(100))
    large = write_workbook(tmp_path / "large.xlsx", document=_wide(1000))  # 2.8 MB of member texts, 900 members more
    (small_open, small_each), (large_open, large_each) = _peak_reading(small), _peak_reading(large)
    # kept in memory, 900 more members' documents would take well over 5 MB; the codes and row numbers take a few kB
    assert large_open - small_open < 2_000_000, (small_open, large_open)
    assert large_each - small_each < 2_000_000, (small_each, large_each)
