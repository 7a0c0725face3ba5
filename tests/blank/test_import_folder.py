"""kiemdiem import FOLDER --workbook: the members' filled blanks become the đảng bộ workbook that
kiemdiem bulk reads, grouped by chi bộ; a file that cannot be used is named and skipped."""

from __future__ import annotations

import json
import unicodedata

import pytest
from openpyxl import load_workbook

from generator.blank import make_blank, render_blank
from generator.cli import main
from generator.workbook import open_workbook
from generator.workbook.columns import layout
from tests.blank.filling import ANSWERS_02B, fill, fill_docx

KP5, VP = "Chi bộ Khu phố 5", "Chi bộ Văn phòng Đảng ủy"
CRITERIA = {
    "tieu_chi_chung": {
        "tieu_chi": [{"ten": "Chính trị tư tưởng", "diem_toi_da": 15}, {"ten": "Đạo đức, lối sống", "diem_toi_da": 15}]
    }
}


def blank(fmt: str, chi_bo: str, **data) -> bytes:
    return render_blank(make_blank("ban-tu-kiem-diem", {"chi_bo": chi_bo, **data}, variant="02B", fillable=fmt), fmt)


@pytest.fixture(scope="module")
def blanks() -> dict[str, bytes]:
    return {"kp5": blank("pdf", KP5), "kp5-criteria": blank("pdf", KP5, diem=CRITERIA), "vp": blank("docx", VP)}


def answers(name: str, **more) -> dict[str, str]:
    return {**ANSWERS_02B, "dang_vien.ho_ten": unicodedata.normalize("NFD", name), **more}


@pytest.fixture
def folder(tmp_path, blanks):
    """Three members in two chi bộ (two PDF, one DOCX), a broken PDF and a file that is not a form."""
    root = tmp_path / "da-dien"
    root.mkdir()
    (root / "01-anh.pdf").write_bytes(fill(blanks["kp5"], answers("Nguyễn Thị Ngọc Ánh"), {"tu_xep_loai": "HTTNV"}))
    (root / "02-binh.pdf").write_bytes(
        fill(
            blanks["kp5-criteria"],
            answers(
                "Trần Văn Bình",
                **{
                    "kiem_diem.phuong_huong": "Giữ gìn phẩm chất đạo đức.\n- Học tập nghị quyết của Đảng.",
                    "diem.tieu_chi_chung.tieu_chi[0].diem": "14,5",
                    "diem.tieu_chi_chung.tieu_chi[1].diem": "14",
                },
            ),
            {"tu_xep_loai": "HTNV"},
        )
    )
    (root / "03-cuc.docx").write_bytes(
        fill_docx(
            blanks["vp"],
            answers("Lê Thị Cúc", **{"kiem_diem.han_che.nguyen_nhan": "Việc nhiều <quá sức> & chưa sắp xếp hợp lý."}),
            {"tu_xep_loai": "HTTNV"},
        )
    )
    (root / "04-hong.pdf").write_bytes(b"%PDF-1.7 mot tep hong")
    (root / "ghi-chu.txt").write_text("không phải bản điền", encoding="utf-8")
    return root


def test_a_folder_becomes_the_workbook_grouped_by_chi_bo_and_the_broken_file_is_named(folder, tmp_path, capsys):
    workbook = tmp_path / "dang-bo.xlsx"
    assert main(["import", str(folder), "--workbook", str(workbook)]) == 3
    out, err = capsys.readouterr()
    assert (
        f"{folder / '04-hong.pdf'}: dữ liệu không hợp lệ (1 lỗi):" in err
        and "Tệp PDF ($): không đọc được tệp PDF" in err
    )
    assert "Các tệp bỏ qua (1): 04-hong.pdf" in err and "Traceback" not in err and "EOF marker" not in err
    assert str(workbook) in out.splitlines()
    assert "Đã nhập 3 bản tự kiểm điểm vào 2 chi bộ của Đảng bộ phường Ba Đình, năm 2025 (qd366-2025):" in out
    assert (
        f"  {KP5} (mã chi-bo-khu-pho-5): 2 đảng viên" in out
        and f"  {VP} (mã chi-bo-van-phong-dang-uy): 1 đảng viên" in out
    )
    assert (
        "“Ngày họp chi bộ”, “Số đảng viên chính thức được triệu tập (có quyền biểu quyết)”" in out
        and "“Phiếu Hoàn thành tốt nhiệm vụ”" in out
    )

    with open_workbook(workbook) as source:
        assert {k: source.header[k] for k in ("regime", "nam", "dang_bo", "dia_danh", "ngay_lap")} == {
            "regime": "qd366-2025",
            "nam": 2025,
            "dang_bo": "Đảng bộ phường Ba Đình",
            "dia_danh": "Ba Đình",
            "ngay_lap": "2025-12-05",
        }
        assert [(o["ma"], o["ten"], o["loai_to_chuc"]) for o in source.organisations] == [
            ("chi-bo-khu-pho-5", KP5, "chi_bo_truc_thuoc"),
            ("chi-bo-van-phong-dang-uy", VP, "chi_bo_truc_thuoc"),
        ]
        kp5 = [e["ban_kiem_diem"] for e in source.documents("chi-bo-khu-pho-5")["xep_loai"]["dang_vien"]]
        vp = [e["ban_kiem_diem"] for e in source.documents("chi-bo-van-phong-dang-uy")["xep_loai"]["dang_vien"]]
    assert [m["dang_vien"]["ho_ten"] for m in kp5] == ["Nguyễn Thị Ngọc Ánh", "Trần Văn Bình"]
    assert [m["dang_vien"]["ho_ten"] for m in vp] == ["Lê Thị Cúc"]
    anh, binh, cuc = kp5[0], kp5[1], vp[0]
    assert anh["kiem_diem"]["uu_diem"]["pham_chat"] == [
        "Luôn giữ vững lập trường chính trị, tư tưởng.",
        "- Gương mẫu, đoàn kết nội bộ.",
    ]
    assert (
        anh["diem"] == {"tieu_chi_chung": {"diem": 28.5}, "ket_qua_nhiem_vu": {"diem": 62}}
        and anh["tu_xep_loai"] == "HTTNV"
    )
    assert binh["kiem_diem"]["phuong_huong"] == ["Giữ gìn phẩm chất đạo đức.", "- Học tập nghị quyết của Đảng."]
    assert binh["diem"]["tieu_chi_chung"]["tieu_chi"] == [
        {"ten": "Chính trị tư tưởng", "diem_toi_da": 15, "diem": 14.5},
        {"ten": "Đạo đức, lối sống", "diem_toi_da": 15, "diem": 14},
    ]
    assert cuc["kiem_diem"]["han_che"]["nguyen_nhan"] == "Việc nhiều <quá sức> & chưa sắp xếp hợp lý."
    assert all(unicodedata.is_normalized("NFC", json.dumps(m, ensure_ascii=False)) for m in kp5 + vp)
    assert not any(
        key in m for m in kp5 + vp for key in ("chi_bo", "dang_bo", "nam", "ngay_lap")
    )  # typed once, on the workbook

    # the sub-criteria live in a file beside the workbook, named on Bình's row, the row keeps his name
    book = load_workbook(workbook, read_only=True)
    rows = [list(r) for r in book["Đảng viên"].iter_rows(values_only=True)]
    book.close()  # a read-only workbook keeps its file open until closed
    head = rows[0]
    binh_row = next(r for r in rows if r[head.index("Họ và tên")] == "Trần Văn Bình")
    named = binh_row[head.index("Tệp bản tự kiểm điểm")]
    assert named.startswith("dang-bo-tep/chi-bo-khu-pho-5/") and (tmp_path / named).is_file()


def test_validate_lists_only_what_the_clerk_still_fills_and_passes_once_it_is_filled(folder, tmp_path, capsys):
    workbook = tmp_path / "dang-bo.xlsx"
    assert main(["import", str(folder), "--workbook", str(workbook)]) == 3
    capsys.readouterr()
    assert main(["validate", str(workbook)]) == 3
    lines = capsys.readouterr().err.splitlines()[1:]
    assert len(lines) == 4 and all("thiếu trường bắt buộc" in line for line in lines)
    assert sorted(line.split(": ")[0].split("cột ")[1] for line in lines) == sorted(
        ["“Ngày họp chi bộ”", "“Số đảng viên chính thức được triệu tập (có quyền biểu quyết)”"] * 2
    )

    book = load_workbook(workbook)  # the clerk types the meeting and the votes
    cols = layout()
    orgs, members = book["Tổ chức"], book["Đảng viên"]
    org_at = {c.path: j for j, c in enumerate(cols.organisations, 1)}
    member_at = {c.path: j for j, c in enumerate(cols.members, 1)}
    for row in (2, 3):
        orgs.cell(row, org_at[("ngay_hop",)], "12/12/2025")
        orgs.cell(row, org_at[("so_dang_vien_chinh_thuc",)], 3)
    for row in (2, 3, 4):
        members.cell(row, member_at[("phieu", "HTTNV")], 3)
    book.save(workbook)
    assert main(["validate", str(workbook)]) == 0
    assert "hợp lệ — 2 tổ chức, 3 đảng viên" in capsys.readouterr().out


def test_an_existing_workbook_is_kept_unless_force(folder, tmp_path, capsys):
    workbook = tmp_path / "dang-bo.xlsx"
    workbook.write_bytes(b"so cu")
    assert main(["import", str(folder), "--workbook", str(workbook)]) == 2
    assert "đã có; thêm --force để ghi đè" in capsys.readouterr().err and workbook.read_bytes() == b"so cu"
    assert main(["import", str(folder), "--workbook", str(workbook), "--force"]) == 3
    with open_workbook(workbook) as source:
        assert len(source.organisations) == 2


def test_records_of_another_year_or_profile_are_reported_not_mixed_in(tmp_path, blanks, capsys):
    root = tmp_path / "da-dien"
    root.mkdir()
    (root / "a.pdf").write_bytes(fill(blanks["kp5"], answers("Nguyễn Văn An"), {"tu_xep_loai": "HTTNV"}))
    (root / "b.pdf").write_bytes(fill(blanks["kp5"], answers("Phạm Thị Bích"), {"tu_xep_loai": "HTTNV"}))
    (root / "c.pdf").write_bytes(
        fill(blanks["kp5"], answers("Hoàng Văn Cường", nam="2026", ngay_lap="05/12/2026"), {"tu_xep_loai": "HTTNV"})
    )
    other_rules = render_blank(
        make_blank("ban-tu-kiem-diem", {"chi_bo": KP5}, profile="don-vi-tieu-bieu-2025", fillable="pdf"), "pdf"
    )
    (root / "d.pdf").write_bytes(fill(other_rules, answers("Đỗ Thị Dung"), {"tu_xep_loai": "HTTNV"}))
    (root / "e.pdf").write_bytes(fill(blanks["kp5"], answers("Nguyễn Văn An"), {"tu_xep_loai": "HTTNV"}))  # sent twice
    (root / "f.pdf").write_bytes(fill(blanks["kp5"], answers("Vũ Văn Giang", **{"nhiem_vu.so_hoan_thanh": "mười hai"})))
    workbook = tmp_path / "dang-bo.xlsx"
    assert main(["import", str(root), "--workbook", str(workbook)]) == 3
    out, err = capsys.readouterr()
    assert "Năm kiểm điểm ($.nam): “2026”, khác các bản còn lại (“2025”, tệp a.pdf): không gộp vào cùng một sổ" in err
    assert (
        "Hồ sơ quy định địa phương ($.profile): “don-vi-tieu-bieu-2025”, khác các bản còn lại (“không ghi”, tệp a.pdf)"
        in err
    )
    assert "đồng chí Nguyễn Văn An (Chi bộ Khu phố 5) đã có ở tệp a.pdf" in err
    assert (
        "Kết quả thực hiện nhiệm vụ, chỉ tiêu trong năm › Số nhiệm vụ, chỉ tiêu hoàn thành ($.nhiem_vu.so_hoan_thanh): "
        'phải là số nguyên, không phải "mười hai"' in err
    )
    assert "Các tệp bỏ qua (4): c.pdf, d.pdf, e.pdf, f.pdf" in err and "Đã nhập 2 bản tự kiểm điểm vào 1 chi bộ" in out
    with open_workbook(workbook) as source:
        assert source.header["nam"] == 2025 and "profile" not in source.header
        members = source.documents("chi-bo-khu-pho-5")["xep_loai"]["dang_vien"]
    assert [m["ban_kiem_diem"]["dang_vien"]["ho_ten"] for m in members] == ["Nguyễn Văn An", "Phạm Thị Bích"]


def test_nothing_usable_writes_no_workbook_and_options_are_checked(tmp_path, capsys):
    root = tmp_path / "hong"
    root.mkdir()
    (root / "x.docx").write_bytes(b"PK not a docx")
    workbook = tmp_path / "dang-bo.xlsx"
    assert main(["import", str(root), "--workbook", str(workbook)]) == 2
    err = capsys.readouterr().err
    assert "x.docx: dữ liệu không hợp lệ" in err and "không có bản nào nhập được" in err and not workbook.exists()
    empty = tmp_path / "trong"
    empty.mkdir()
    assert main(["import", str(empty), "--workbook", str(workbook)]) == 2
    assert "không có tệp .pdf, .docx nào" in capsys.readouterr().err and not workbook.exists()
    assert main(["import", str(root)]) == 2
    assert "Sổ Excel (--workbook): nhập cả thư mục thì cần --workbook TỆP.xlsx" in capsys.readouterr().err
    assert main(["import", str(root), "--workbook", str(tmp_path / "so.csv")]) == 2
    assert "cần một tên tệp .xlsx" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.xlsx")) and not list(tmp_path.glob(".*tmp*"))


def test_every_file_imported_exits_0_and_other_forms_are_refused_by_name(tmp_path, blanks, capsys):
    root = tmp_path / "da-dien"
    root.mkdir()
    (root / "an.docx").write_bytes(fill_docx(blanks["vp"], answers("Nguyễn Văn An"), {"tu_xep_loai": "HTTNV"}))
    workbook = tmp_path / "so" / "dang-bo.xlsx"
    assert main(["import", str(root), "--workbook", str(workbook)]) == 0
    out, err = capsys.readouterr()
    assert err == "" and "Đã nhập 1 bản tự kiểm điểm vào 1 chi bộ" in out and workbook.is_file()
    assert not (tmp_path / "so" / "dang-bo-tep").exists()  # no sub-criteria, no files beside the workbook
    scoring = render_blank(make_blank("bieu-diem-tccsd", {}, fillable="pdf"), "pdf")
    (root / "bieu-diem.pdf").write_bytes(scoring)
    assert main(["import", str(root), "--workbook", str(workbook), "--force"]) == 3
    assert "Loại văn bản ($.form): là “bieu-diem-tccsd”; sổ Excel chỉ nhận bản tự kiểm điểm" in capsys.readouterr().err
