"""``kiemdiem workbook-template --from-history``: next year's workbook pre-filled from the record, on SQLite
and PostgreSQL. The round trip: the example workbook of 2025 recorded by ``kiemdiem bulk``, the 2026 workbook
written from the record and read back by the toolkit's own reader holds the same đảng bộ, organisations
(codes, names, kinds, tree) and members (names, dates, positions), the new year's work left empty."""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from generator.cli import main
from generator.history.models import Person
from generator.history.records import MemberRow, Place, Positions, Result
from generator.history.store import open_store
from generator.present.names import name_key
from generator.workbook import open_workbook, write_workbook
from generator.workbook.columns import layout
from generator.workbook.template import MEMBER_SHEET, ORG_SHEET
from scripts.build_example_workbook import dang_bo as example_dang_bo
from tests.history.rows import DANG_BO, member, run

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "dang-bo-2025.xlsx"
PERSON = ("ho_ten", "ngay_sinh", "ngay_vao_dang", "so_the_dang_vien", *Positions.FIELDS[1:])


def _read(path) -> tuple[dict, list[dict], dict[str, list[dict]]]:
    """The header, the organisations and each chi bộ's members (their dang_vien, with the entry's nhom) as
    ``kiemdiem bulk`` reads the workbook."""
    with open_workbook(path) as source:
        organisations = [dict(o) for o in source.organisations]
        members = {}
        for org in organisations:
            group = source.documents(org["ma"])["xep_loai"] or {}
            members[org["ma"]] = [
                {**e["ban_kiem_diem"]["dang_vien"], **({"nhom": e["nhom"]} if "nhom" in e else {})}
                for e in group.get("dang_vien", [])
            ]
        return dict(source.header), organisations, members


def _person(member: dict) -> tuple:
    return tuple(member.get(key) for key in PERSON)


def _bulk(workbook, out, history) -> int:
    return main(["bulk", str(workbook), "-o", str(out), "--format", "docx", "--history", history])


def test_the_2026_workbook_holds_the_2025_organisations_and_members_with_corrections_once(
    tmp_path, capsys, history, target
):
    shutil.copytree(ROOT / "examples" / "dang-bo-2025", tmp_path / "dang-bo-2025")  # the report file it names
    shutil.copy(EXAMPLE, tmp_path / "dang-bo-2025.xlsx")
    assert _bulk(tmp_path / "dang-bo-2025.xlsx", tmp_path / "out", history) == 0
    assert "23 kết quả mới" in capsys.readouterr().out  # 19 members and 4 organisations; 2 members wait
    # A correction of the year: Lê Văn Đạt's mass-organisation position typed again, the run recorded again.
    document = example_dang_bo()
    vp = next(o for o in document["to_chuc"] if o["ma"] == "vp")["xep_loai"]["dang_vien"]
    dat = next(m for m in vp if m["ban_kiem_diem"]["dang_vien"]["ho_ten"] == "Lê Văn Đạt")
    dat["ban_kiem_diem"]["dang_vien"]["chuc_vu_doan_the"] = "Chủ tịch Công đoàn cơ quan phường"
    corrected = write_workbook(tmp_path / "dang-bo-2025-sua.xlsx", document=copy.deepcopy(document))
    assert _bulk(corrected, tmp_path / "out-2", history) == 0
    assert "1 kết quả thay bản ghi trước (bản cũ giữ làm lịch sử), 22 không đổi" in capsys.readouterr().out

    new = tmp_path / "dang-bo-2026.xlsx"
    argv = ["workbook-template", "--from-history", "--year", "2026", "--history", history, "-o", str(new)]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert (
        "Sổ năm 2026 của Đảng bộ phường Ba Đình, điền sẵn từ hồ sơ xếp loại năm 2025: 4 tổ chức, 19 đảng viên." in out
    )
    assert "Còn phải điền:" in out and "phiếu biểu quyết" in out and out.rstrip().endswith(str(new))
    assert "Năm kiểm điểm: 2026 (năm sau" not in out  # --year given: nothing defaulted

    header, organisations, members = _read(new)
    old_header, old_organisations, old_members = _read(corrected)
    assert (header["nam"], header["dang_bo"], header["regime"]) == (2026, "Đảng bộ phường Ba Đình", "qd366-2025")
    assert organisations == old_organisations  # codes, names, kinds and the tree, in the same order
    assert [o["truc_thuoc"] for o in organisations[1:]] == ["db-ba-dinh"] * 3
    waiting = {"Nguyễn Văn An", "Trần Thị Bình"}  # tied at the quota's last place: no final level, not recorded
    for ma, listed in members.items():
        expected = [_person(m) for m in old_members[ma] if m["ho_ten"] not in waiting]
        assert sorted(map(_person, listed)) == sorted(expected), ma
        assert [m["ho_ten"] for m in listed] == sorted((m["ho_ten"] for m in listed), key=name_key)
    everyone = [m["ho_ten"] for listed in members.values() for m in listed]
    assert len(everyone) == len(set(everyone)) == 19 and not waiting & set(everyone)
    [dat_back] = [m for m in members["vp"] if m["ho_ten"] == "Lê Văn Đạt"]  # once, as corrected
    assert dat_back["chuc_vu_doan_the"] == "Chủ tịch Công đoàn cơ quan phường"
    assert dat_back["doi_tuong"] == "lanh_dao_quan_ly" and dat_back["chuc_vu_dang"].startswith("Bí thư Chi bộ")
    # the new year's work is empty: no vote, no text, no score, no biểu điểm, no meeting
    with open_workbook(new) as source:
        for org in source.organisations:
            docs = source.documents(org["ma"])
            assert docs["bieu_diem"] is None and docs["problems"] == []
            for entry in (docs["xep_loai"] or {}).get("dang_vien", []):
                assert set(entry) == {"ban_kiem_diem"} and set(entry["ban_kiem_diem"]) == {"dang_vien"}
            assert set(docs["xep_loai"] or {}) <= {"dang_vien"}

    # the cells are real values: dates are dates, the codes and names texts; nothing else filled
    book = openpyxl.load_workbook(new)
    sheet = book[MEMBER_SHEET]
    head = [c.value for c in sheet[1]]
    rows = [dict(zip(head, (c.value for c in row))) for row in sheet.iter_rows(min_row=2) if row[0].value]
    assert len(rows) == 19
    first = rows[0]
    assert first["Mã chi bộ"] == "kp5" and first["Họ và tên"] == "Lê Hoàng Cường"
    assert first["Ngày sinh"] == dt.datetime(1973, 4, 13) and first["Ngày vào Đảng"] == dt.datetime(2012, 5, 19)
    assert sheet.cell(2, head.index("Ngày sinh") + 1).number_format == "DD/MM/YYYY"
    assert first["Đối tượng"] == "Cá nhân không giữ chức vụ lãnh đạo, quản lý"  # the drop-down's title
    filled = {"Mã đảng viên", "Mã chi bộ", "Họ và tên", "Ngày sinh", "Ngày vào Đảng", "Đối tượng"}
    filled |= {"Chức vụ Đảng", "Chức vụ chính quyền", "Chức vụ đoàn thể"}
    assert {h for r in rows for h, v in r.items() if v is not None} == filled
    orgs = book[ORG_SHEET]
    head = [c.value for c in orgs[1]]
    assert {h for row in orgs.iter_rows(min_row=2, values_only=True) for h, v in zip(head, row) if v is not None} == {
        "Mã tổ chức",
        "Tên tổ chức đảng",
        "Loại tổ chức đảng",
        "Trực thuộc (mã tổ chức)",
    }

    # next year's rows, as read from this workbook, are the same people to the record: no conflict, no one new
    with open_store(target) as store:
        with store.session() as session:
            people = session.scalar(select(func.count()).select_from(Person))
        rows = [
            MemberRow(
                m["ho_ten"],
                dt.date.fromisoformat(m["ngay_sinh"]),
                dt.date.fromisoformat(m["ngay_vao_dang"]),
                m.get("so_the_dang_vien"),
                Place(f"dòng {m['ho_ten']}", header["dang_bo"], ma, ma),
                Result(2026, "qd366-2025", "HTNV"),
            )
            for ma, listed in members.items()
            for m in listed
        ]
        done = store.record(run(nam=2026), rows)
        assert (done.added, done.conflicts) == (19, [])
        with store.session() as session:
            assert session.scalar(select(func.count()).select_from(Person)) == people


def _record(target, rows, nam: int = 2025) -> None:
    with open_store(target) as store:
        done = store.record(run(nam=nam), rows)
        assert not done.conflicts


def _other(name: str, born: str, dang_bo: str, nam: int = 2025) -> MemberRow:
    return MemberRow(
        name,
        dt.date.fromisoformat(born),
        None,
        None,
        Place(f"dòng {name}", dang_bo, "cb1", "Chi bộ 1", "cb1", "Chi bộ 1"),
        Result(nam, "qd366-2025", "HTTNV"),
    )


def test_no_recorded_year_before_the_new_one_is_refused_naming_the_years(tmp_path, capsys, history, target):
    out = tmp_path / "moi.xlsx"
    argv = ["workbook-template", "--from-history", "--history", history, "-o", str(out)]
    if target.path is not None:
        assert main(argv) == 2
        assert "chưa có hồ sơ xếp loại ở" in capsys.readouterr().err and not target.path.exists()
    _record(target, [member("Nguyễn Văn An", "1980-03-02", nam=2025)], nam=2025)
    assert main([*argv, "--year", "2025"]) == 2
    err = capsys.readouterr().err
    assert "Năm kiểm điểm (--year): hồ sơ chưa ghi năm nào trước năm 2025 (các năm đã ghi: 2025)" in err
    assert not out.exists()
    assert main([*argv, "--year", "2025", "--profile", str(tmp_path / "khong-co.yaml")]) == 2
    err = capsys.readouterr().err
    assert "(2 lỗi)" in err and "Năm kiểm điểm (--year)" in err and "Hồ sơ quy định địa phương (--profile)" in err
    assert main(["workbook-template", "--year", "2026", "--dang-bo", "X", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "--year: chỉ dùng cùng --from-history" in err and "--dang-bo: chỉ dùng cùng --from-history" in err


def test_two_dang_bo_in_the_year_need_dang_bo_and_the_year_defaults_to_the_next(tmp_path, capsys, history, target):
    _record(target, [member("Nguyễn Văn An", "1980-03-02", nam=2024)], nam=2024)
    _record(
        target,
        [member("Nguyễn Văn An", "1980-03-02"), _other("Trần Văn Ba", "1970-01-01", "Đảng bộ xã Tân Lập")],
    )
    out = tmp_path / "moi.xlsx"
    argv = ["workbook-template", "--from-history", "--history", history, "-o", str(out)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert (
        "Đảng bộ (--dang-bo): năm 2025 hồ sơ ghi 2 đảng bộ: “Đảng bộ phường Ba Đình”; “Đảng bộ xã Tân Lập”; "
        "chọn một bằng --dang-bo TÊN" in err
    )
    assert main([*argv, "--dang-bo", "Đảng bộ xã Khác"]) == 2
    assert "hồ sơ không có đảng bộ “Đảng bộ xã Khác” (có: “Đảng bộ phường Ba Đình”; “Đảng bộ xã Tân Lập”)" in (
        capsys.readouterr().err
    )
    assert main([*argv, "--dang-bo", "đảng bộ  xã tân lập"]) == 0  # spaces and case aside
    printed = capsys.readouterr().out
    assert "Năm kiểm điểm: 2026 (năm sau năm 2025, năm cuối cùng đã ghi trong hồ sơ" in printed
    assert "Sổ năm 2026 của Đảng bộ xã Tân Lập, điền sẵn từ hồ sơ xếp loại năm 2025: 1 tổ chức, 1 đảng viên." in printed
    header, organisations, members = _read(out)
    assert header["dang_bo"] == "Đảng bộ xã Tân Lập" and header["nam"] == 2026
    assert organisations == [{"ma": "cb1", "ten": "Chi bộ 1", "loai_to_chuc": "chi_bo_co_so"}]
    assert [m["ho_ten"] for m in members["cb1"]] == ["Trần Văn Ba"]
    # 2025 again, for the other đảng bộ: its last year before 2025 is 2024
    assert main([*argv, "--year", "2025", "--dang-bo", DANG_BO]) == 0
    printed = capsys.readouterr().out
    assert "Sổ năm 2025 của Đảng bộ phường Ba Đình, điền sẵn từ hồ sơ xếp loại năm 2024" in printed
    assert (
        "1 đảng viên chưa có đối tượng, chức vụ trong hồ sơ" in printed
    )  # the rows of tests/history/rows.py have none
    header, organisations, members = _read(out)
    assert [(o["ma"], o["loai_to_chuc"], o.get("truc_thuoc")) for o in organisations] == [
        ("db", "dang_bo_co_so", None),
        ("kp5", "chi_bo_truc_thuoc", "db"),
    ]
    # no position recorded: the member's đối tượng is left empty (and said so, above)
    assert [m["ho_ten"] for m in members["kp5"]] == ["Nguyễn Văn An"] and "doi_tuong" not in members["kp5"][0]


def test_a_year_imported_by_names_gets_codes_made_from_them_and_an_empty_kind(tmp_path, capsys, history, target):
    rows = [
        MemberRow(
            name,
            dt.date(1960, 1, day),
            None,
            None,
            Place(f"dòng {day}", DANG_BO, None, chi_bo, None, None),
            Result(2016, "hd27-2014", "HTTNV"),
        )
        for day, name, chi_bo in ((1, "Lê Văn Cả", "Chi bộ Thôn Đông"), (2, "Hà Thị Bé", "Chi bộ Thôn Đông"))
    ]
    _record(target, rows, nam=2016)
    out = tmp_path / "moi.xlsx"
    argv = ["workbook-template", "--from-history", "--history", history, "-o", str(out), "--regime", "qd124-2023"]
    assert main([*argv, "--year", "2017"]) == 0
    printed = capsys.readouterr().out
    assert "chưa rõ loại tổ chức (hồ sơ không ghi)" in printed and "Chi bộ Thôn Đông (chi-bo-thon-dong)" in printed
    assert "sổ đặt mã theo tên" in printed
    assert "đối tượng" not in printed.split("Còn phải điền:")[1]  # the list of records has no such column
    book = openpyxl.load_workbook(out)
    orgs = list(book[ORG_SHEET].iter_rows(min_row=2, max_row=2, max_col=3, values_only=True))
    assert orgs == [("chi-bo-thon-dong", "Chi bộ Thôn Đông", None)]
    sheet = book[MEMBER_SHEET]
    head = [c.value for c in sheet[1]]
    names = [r[head.index("Họ và tên")] for r in sheet.iter_rows(min_row=2, values_only=True) if r[0]]
    assert names == ["Hà Thị Bé", "Lê Văn Cả"]  # Bé before Cả
    assert [c.header for c in layout("qd124-2023").members][2] == "Họ và tên"


@pytest.mark.parametrize("given", [None, "dang-bo-2026.xlsx"])
def test_the_output_defaults_to_the_years_name(tmp_path, capsys, monkeypatch, given, target, history):
    _record(target, [member("Nguyễn Văn An", "1980-03-02")])
    monkeypatch.chdir(tmp_path)
    argv = ["workbook-template", "--from-history", "--history", history] + (["-o", given] if given else [])
    assert main(argv) == 0
    assert (tmp_path / "dang-bo-2026.xlsx").is_file()
    capsys.readouterr()


def test_the_years_local_profile_is_said_not_taken(tmp_path, capsys, target, history):
    row = member("Nguyễn Văn An", "1980-03-02")
    _record(
        target,
        [
            MemberRow(
                *(getattr(row, f) for f in ("ho_ten", "ngay_sinh", "ngay_vao_dang", "so_the", "place")),
                Result(2025, "qd366-2025", "HTTNV", "don-vi-tieu-bieu-2025"),
            )
        ],
    )
    out = tmp_path / "moi.xlsx"
    assert main(["workbook-template", "--from-history", "--history", history, "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "năm 2025 dùng hồ sơ quy định địa phương “don-vi-tieu-bieu-2025”; sổ này không dùng" in printed
    assert openpyxl.load_workbook(out)["Đảng bộ"]["B3"].value is None  # Hồ sơ quy định địa phương: empty
    argv = ["workbook-template", "--from-history", "--history", history, "-o", str(out), "--profile"]
    assert main([*argv, "don-vi-tieu-bieu-2025"]) == 0
    assert "hồ sơ quy định địa phương" not in capsys.readouterr().out
    assert openpyxl.load_workbook(out)["Đảng bộ"]["B3"].value == "don-vi-tieu-bieu-2025"
