"""``kiemdiem history template`` and ``kiemdiem history import``: a list typed from old paper lists, every
row checked, bad rows named by sheet, row and column and left out (exit 3); ``history show`` prints it."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from openpyxl import load_workbook

from generator.cli import main
from generator.history.typed_list import FIELDS, SHEET

HEADERS = "STT,Họ và tên,Ngày sinh,Ngày vào Đảng,Số thẻ đảng viên,Chi bộ,Tổ chức cơ sở đảng,Đảng bộ,Năm,Mức xếp loại,Tiêu biểu"
GOOD = [
    '1,Nguyễn Văn An,02/03/1980,19/05/2008,,Chi bộ Khu phố 5,,Đảng bộ phường Ba Đình,2012,"Đủ tư cách, hoàn thành xuất sắc nhiệm vụ",',
    "2,Nguyễn Văn An,02/03/1980,19/05/2008,,Chi bộ Khu phố 5,,Đảng bộ phường Ba Đình,2016,Hoàn thành tốt nhiệm vụ,",
    "3,Nguyễn Văn An,1980-03-02,,,Chi bộ Khu phố 5,,Đảng bộ phường Ba Đình,2014,HTXSNV,có",
    "4,Trần Thị Bình,5/1/1985,,012.345,Chi bộ Khu phố 6,,Đảng bộ phường Ba Đình,2016,Không xếp loại,",
]


def _csv(path, lines) -> str:
    path.write_text("\n".join([HEADERS, *lines]) + "\n", encoding="utf-8")
    return str(path)


def _show(history, capsys, *argv) -> dict:
    capsys.readouterr()
    assert main(["history", "show", "--history", history, "--json", *argv]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_typed_list_is_recorded_with_each_years_level_names(tmp_path, capsys, history):
    assert main(["history", "import", _csv(tmp_path / "ds.csv", GOOD), "--history", history]) == 0
    out = capsys.readouterr().out
    assert "4 dòng hợp lệ" in out and "4 kết quả mới" in out
    assert main(["history", "show", "--history", history, "--ho-ten", "nguyễn văn an"]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert shown[1].startswith("Nguyễn Văn An — sinh ngày 02/03/1980, vào Đảng ngày 19/05/2008, mã ")
    years = [line for line in shown if line.startswith("  20")]
    assert years == [  # years in order, each level by its own year's name
        "  2012  Đủ tư cách, hoàn thành xuất sắc nhiệm vụ — Chi bộ Khu phố 5, Đảng bộ phường Ba Đình",
        "  2014  Hoàn thành xuất sắc nhiệm vụ (tiêu biểu) — Chi bộ Khu phố 5, Đảng bộ phường Ba Đình",
        "  2016  Hoàn thành tốt nhiệm vụ — Chi bộ Khu phố 5, Đảng bộ phường Ba Đình",
    ]
    assert "nguồn: nhập danh sách" in shown[3] and "ds.csv, dòng 2" in shown[3]
    found = _show(history, capsys, "--so-the", "12345")
    [binh] = found["people"]
    assert (
        binh["ho_ten"] == "Trần Thị Bình"
        and binh["ngay_sinh"] == "1985-01-05"
        and binh["so_the_dang_vien"] == "012.345"
    )
    assert [(o["nam"], o["level"], o["level_label"], o["regime"]) for o in binh["outcomes"]] == [
        (2016, "NOT_RATED", "Không xếp loại", "hd27-2014")
    ]


def test_bad_rows_are_named_and_skipped_and_the_rest_recorded(tmp_path, capsys, history):
    bad = (
        GOOD[:1]
        + [
            "5,Lê Văn Cường,31/02/1979,,,Chi bộ Khu phố 5,,Đảng bộ phường Ba Đình,2016,HTTNV,",  # no such day
            "6,Lê Văn Dũng,01/01/1979,,,Chi bộ Khu phố 5,,Đảng bộ phường Ba Đình,2012,Hoàn thành tốt nhiệm vụ,",  # 2014's name
            "7,Lê Văn Em,01/01/1979,,,,,Đảng bộ phường Ba Đình,2016,HTTNV,",  # no chi bộ
            "8,Lê Văn Giang,01/01/1979,,12-34,Chi bộ Khu phố 5,,Đảng bộ phường Ba Đình,2016,HTTNV,",  # not a card
            "9,Lê Văn Hùng,01/01/1979,,,Chi bộ Khu phố 5,,Đảng bộ phường Ba Đình,2016,HTTNV,có",  # tiêu biểu below the top
            "10,Lê Văn Khoa,01/01/1979,01/01/2020,,Chi bộ Khu phố 5,,Đảng bộ phường Ba Đình,2016,HTTNV,",  # admitted later
            "11,Lê Văn Long,01/01/1979,,,Chi bộ Khu phố 5,,Đảng bộ phường Ba Đình,27,HTTNV,",  # a two-digit year
        ]
    )
    assert main(["history", "import", _csv(tmp_path / "ds.csv", bad), "--history", history]) == 3
    captured = capsys.readouterr()
    assert "1 dòng hợp lệ" in captured.out and "1 kết quả mới" in captured.out
    err = captured.err
    assert "7 dòng có lỗi, không ghi" in err
    assert "dòng 3, cột “Ngày sinh” (Lê Văn Cường): ngày không hợp lệ “31/02/1979”" in err
    assert (
        "dòng 4, cột “Mức xếp loại” (Lê Văn Dũng): “Hoàn thành tốt nhiệm vụ” không phải mức xếp loại đảng viên năm 2012"
        in err
    )
    assert "“Đủ tư cách, hoàn thành tốt nhiệm vụ” (HTTNV)" in err
    assert "dòng 5, cột “Chi bộ” (Lê Văn Em): thiếu (cột bắt buộc)" in err
    assert "dòng 6, cột “Số thẻ đảng viên” (Lê Văn Giang): “12-34” không phải số thẻ đảng viên" in err
    assert "dòng 7, cột “Tiêu biểu” (Lê Văn Hùng): chỉ mức “Hoàn thành xuất sắc nhiệm vụ” mới có thể tiêu biểu" in err
    assert "dòng 8, cột “Ngày vào Đảng” (Lê Văn Khoa): ngày 01/01/2020 sau năm kiểm điểm 2016" in err
    assert "dòng 9, cột “Năm” (Lê Văn Long): năm 27 ngoài khoảng 2000" in err
    assert [p["ho_ten"] for p in _show(history, capsys, "--nam", "2012")["people"]] == ["Nguyễn Văn An"]
    assert _show(history, capsys, "--nam", "2016")["people"] == []


def test_a_spelling_variant_in_a_list_is_reported_and_the_record_unchanged(tmp_path, capsys, history):
    assert main(["history", "import", _csv(tmp_path / "a.csv", GOOD[:1]), "--history", history]) == 0
    variant = "2,Nguyễn văn An,02/03/1980,19/05/2008,,Chi bộ Khu phố 5,,Đảng bộ phường Ba Đình,2013,HTXSNV,"
    assert main(["history", "import", _csv(tmp_path / "b.csv", [variant]), "--history", history]) == 3
    err = capsys.readouterr().err
    assert (
        "dòng 2 (Nguyễn văn An): họ tên “Nguyễn văn An” khác cách viết (chữ hoa, chữ thường) với “Nguyễn Văn An”" in err
    )
    assert "đã ghi năm 2012" in err and "a.csv, dòng 2" in err
    [person] = _show(history, capsys, "--ho-ten", "An")["people"]
    assert [o["nam"] for o in person["outcomes"]] == [2012]


def test_the_template_round_trips(tmp_path, capsys, history):
    path = tmp_path / "mau.xlsx"
    assert main(["history", "template", "-o", str(path)]) == 0
    book = load_workbook(path)
    sheet = book[SHEET]
    assert [c.value for c in sheet[1]] == [f.column.header for f in FIELDS]
    assert book.sheetnames[0] == SHEET and "Hướng dẫn" in book.sheetnames
    assert "kiemdiem history import" in " ".join(str(c.value) for c in book["Hướng dẫn"]["A"])
    assert sheet.column_dimensions["D"].number_format == "@"  # the card as text: Excel keeps its leading zeros
    sheet.append(
        [
            "Hoàng Văn Phúc",
            dt.date(1970, 8, 19),
            dt.date(1995, 2, 3),
            "0123",
            "Chi bộ Khu phố 5",
            "Đảng ủy phường",
            "Đảng bộ phường Ba Đình",
            2021,
            "Hoàn thành xuất sắc nhiệm vụ",
            "Có",
        ]
    )
    sheet.append(
        [
            "Hoàng Văn Phúc",
            "19/08/1970",
            None,
            123,
            "Chi bộ Khu phố 5",
            None,
            "Đảng bộ phường Ba Đình",
            "2019",
            "HTTNV",
            None,
        ]
    )  # a number cell lost the card's zero: still the same card
    book.save(path)
    assert main(["history", "import", str(path), "--history", history]) == 0
    [person] = _show(history, capsys, "--chi-bo", "chi bộ khu PHỐ 5")["people"]
    assert [(o["nam"], o["level"], o["tieu_bieu"], o["to_chuc_co_so"]["ten"]) for o in person["outcomes"]] == [
        (2019, "HTTNV", None, None),
        (2021, "HTXSNV", True, "Đảng ủy phường"),
    ]
    assert person["outcomes"][1]["source"]["place"] == "trang “Danh sách”, dòng 2"


def test_a_list_that_cannot_be_read_is_exit_2_and_records_nothing(tmp_path, capsys, history):
    no_column = tmp_path / "thieu.csv"
    no_column.write_text("Họ và tên,Ngày sinh,Chi bộ,Năm\nAn,01/01/1980,KP5,2016\n", encoding="utf-8")
    assert main(["history", "import", str(no_column), "--history", history]) == 2
    assert "thiếu cột bắt buộc “Đảng bộ”, “Mức xếp loại”" in capsys.readouterr().err
    other = tmp_path / "utf16.csv"
    other.write_bytes((HEADERS + "\n" + GOOD[0]).encode("utf-16"))
    assert main(["history", "import", str(other), "--history", history]) == 2
    assert "không phải mã UTF-8" in capsys.readouterr().err
    assert main(["history", "import", str(tmp_path / "ds.txt"), "--history", history]) == 2
    assert "cần tệp .xlsx hoặc .csv" in capsys.readouterr().err
    found = _show(history, capsys, "--nam", "2012")
    assert found["people"] == [] and found["organisations"] == []


def test_a_past_years_dang_bo_is_classified_and_recorded_not_printed(tmp_path, capsys, history):
    """``history import`` of a đảng bộ workbook: the bulk run's plan (votes, quotas), recorded; nothing printed."""
    root = Path(__file__).resolve().parents[2]
    shutil.copytree(root / "examples" / "dang-bo-2025", tmp_path / "dang-bo-2025")  # the report file it names
    workbook = shutil.copy(root / "examples" / "dang-bo-2025.xlsx", tmp_path / "dang-bo-2025.xlsx")
    before = sorted(p.name for p in tmp_path.iterdir())
    assert main(["history", "import", str(workbook), "--history", history]) == 0
    out = capsys.readouterr().out
    assert "đã xếp loại cả đảng bộ (không in văn bản)" in out and "23 kết quả mới" in out
    assert "2 chưa có kết quả cuối cùng" in out  # the tie at the quota's last place: the đảng ủy decides
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "ho-so") == before  # no document written
    assert main(["history", "show", "--ho-ten", "Cao Văn Sơn", "--json", "--history", history]) == 0
    [son] = json.loads(capsys.readouterr().out)["people"]
    [outcome] = son["outcomes"]
    assert (outcome["nam"], outcome["level"], outcome["source"]["kind"]) == (2025, "KHTNV", "import-dang-bo")
    assert main(["history", "show", "--ho-ten", "Cao Văn Sơn", "--history", history]) == 0
    assert "nguồn: nhập sổ đảng bộ" in capsys.readouterr().out


def test_an_earlier_runs_manifest_brings_in_the_workbook_it_printed_unless_it_has_changed(tmp_path, capsys, history):
    root = Path(__file__).resolve().parents[2]
    shutil.copytree(root / "examples" / "dang-bo-2025", tmp_path / "dang-bo-2025")
    workbook = shutil.copy(root / "examples" / "dang-bo-2025.xlsx", tmp_path / "dang-bo-2025.xlsx")
    out = tmp_path / "out"
    assert main(["bulk", str(workbook), "--format", "docx", "-o", str(out), "--no-history"]) == 0
    capsys.readouterr()
    assert main(["history", "import", str(out / "manifest.json"), "--history", history]) == 0
    assert "23 kết quả mới" in capsys.readouterr().out
    with open(workbook, "ab") as changed:  # the workbook edited since that run
        changed.write(b"\0")
    assert main(["history", "import", str(out / "manifest.json"), "--history", history]) == 2
    assert "đã khác sổ của lần in (sha256 khác)" in capsys.readouterr().err
    Path(workbook).unlink()
    assert main(["history", "import", str(out / "manifest.json"), "--history", history]) == 2
    assert "không tìm thấy sổ nguồn" in capsys.readouterr().err
