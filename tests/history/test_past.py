"""The year before, from the record, beside this year's: the báo cáo tổng hợp compares each level's count,
the danh sách marks a change of more than one level and two years at the lowest level — only for members
the record's identity rules find (a name spelled otherwise is not taken), and only current outcomes."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.history.store import open_store
from generator.present.summary import share
from tests.history.rows import member, organisation, run
from tests.render.test_parity import docx_text, pdf_text

ROOT = Path(__file__).resolve().parents[2]


def _record_2024(target) -> None:
    """2024 of the example đảng bộ (examples/dang-bo-2025.xlsx's people), typed as a clerk would have."""
    with open_store(target) as store:
        # First recorded HTXSNV, then corrected to HTNV: only the correction counts.
        store.record(
            run(nam=2024), [member("Nguyễn Thị Ngọc Ánh", "1988-02-09", "HTXSNV", 2024, admitted="2012-05-19")]
        )
        store.record(
            run("dang-bo-2024-sua.xlsx", nam=2024),
            [
                member("Nguyễn Thị Ngọc Ánh", "1988-02-09", "HTNV", 2024, admitted="2012-05-19"),
                member("Cao Văn Sơn", "1986-08-21", "KHTNV", 2024, admitted="2013-12-20"),
                member("Lê Hoàng Cường", "1973-04-13", "HTXSNV", 2024, admitted="2012-05-19"),
                # Another writing of "Phạm Thị Hồng Nhung" (1958-11-20): the record keeps it a person of its
                # own, so her 2025 list shows nothing of it.
                member("Phạm thị Hồng Nhung", "1958-11-20", "HTXSNV", 2024, admitted="1985-09-02"),
            ],
            [
                organisation("kp5", "Chi bộ Khu phố 5", "HTXSNV", 2024),
                organisation("kp6", "Chi bộ Khu phố 6", "HTTNV", 2024),
                organisation("vp", "Chi bộ Văn phòng Đảng ủy – HĐND – UBND phường", "HTTNV", 2024),
                organisation("db-ba-dinh", "Đảng bộ phường Ba Đình", "HTTNV", 2024),
            ],
        )


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_the_report_and_the_list_beside_the_year_before(tmp_path, capsys, history, target):
    _record_2024(target)
    out = tmp_path / "out"
    status = main(
        ["bulk", str(ROOT / "examples/dang-bo-2025.xlsx"), "-o", str(out), "--format", "docx,pdf", "--history", history]
    )
    printed = capsys.readouterr()
    assert status == 3, printed  # everything printed; the other writing of Nhung is left for the clerk
    assert "“Phạm Thị Hồng Nhung” khác cách viết" in printed.out + printed.err
    folder = out / "dang-bo-phuong-ba-dinh"
    report = docx_text((folder / "bao-cao-tong-hop-xep-loai.docx").read_bytes())
    assert "So với năm 2024 (theo hồ sơ xếp loại các năm; số lượng và tỷ lệ trong số được xếp loại):" in report
    # Members 2024 (current rows): HTXSNV Cường and the other writing of Nhung, HTNV Ánh (corrected), KHTNV Sơn:
    # 4 rated. 2025 (the example): HTXSNV 1 (Ánh), HTTNV 14, HTNV 2 (Nhung, Phúc), KHTNV 1 (Sơn): 18 rated.
    lines = _lines(report)
    at = lines.index("Mức xếp loại đảng viên", lines.index("II. ĐẢNG VIÊN") + 3)
    assert lines[at : at + 4] == ["Mức xếp loại đảng viên", "Năm trước", "Năm nay", "Tăng, giảm"]
    rows = [lines[at + 4 + 4 * k : at + 8 + 4 * k] for k in range(5)]
    assert rows == [
        ["Hoàn thành xuất sắc nhiệm vụ", f"2 ({share(2, 4)})", f"1 ({share(1, 18)})", "giảm 1"],
        ["Hoàn thành tốt nhiệm vụ", f"0 ({share(0, 4)})", f"14 ({share(14, 18)})", "tăng 14"],
        ["Hoàn thành nhiệm vụ", f"1 ({share(1, 4)})", f"2 ({share(2, 18)})", "tăng 1"],
        ["Không hoàn thành nhiệm vụ", f"1 ({share(1, 4)})", f"1 ({share(1, 18)})", "không đổi"],
        ["Tổng số được xếp loại", "4", "18", "tăng 14"],
    ]
    # Organisations: 2024 kp5 HTXSNV, three HTTNV; 2025 all four HTTNV.
    at = lines.index("Mức xếp loại tổ chức đảng", lines.index("I. TỔ CHỨC ĐẢNG") + 3)
    assert lines[at + 4 : at + 12] == [
        "Hoàn thành xuất sắc nhiệm vụ",
        f"1 ({share(1, 4)})",
        f"0 ({share(0, 4)})",
        "giảm 1",
        "Hoàn thành tốt nhiệm vụ",
        f"3 ({share(3, 4)})",
        f"4 ({share(4, 4)})",
        "tăng 1",
    ]
    assert (
        "Đảng viên hai năm liền xếp loại “Không hoàn thành nhiệm vụ” (theo hồ sơ xếp loại các năm), chi bộ xem xét:"
        in report
    )
    flagged = [line for line in lines if line.startswith("- Cao Văn Sơn")]
    assert len(flagged) == 1 and flagged[0].endswith(": 2024, 2025")
    assert "mục 8.1" in report and "do chi bộ, cấp ủy có thẩm quyền xem xét, kết luận" in report

    names = docx_text((folder / "danh-sach-xep-loai-dang-vien.docx").read_bytes())
    assert "Năm 2024: “Hoàn thành nhiệm vụ” (thay đổi 2 mức)" in names  # Ánh: HTNV → HTXSNV
    assert (
        "Hai năm liền (2024, 2025) xếp loại “Không hoàn thành nhiệm vụ”: chi bộ xem xét (mục 8.1 Quy định số 29-QĐ/TW)"
        in names
    )
    assert names.count("Năm 2024:") == 1  # Cường moved one level (not marked); Nhung's other writing not taken
    # The PDF says the same (one context for both).
    paper = " ".join(pdf_text((folder / "bao-cao-tong-hop-xep-loai.pdf").read_bytes()).split())
    assert "So với năm 2024" in paper and "Cao Văn Sơn" in paper and "giảm 1" in paper and "tăng 14" in paper
    listed = " ".join(pdf_text((folder / "danh-sach-xep-loai-dang-vien.pdf").read_bytes()).split())
    assert "Năm 2024: “Hoàn thành nhiệm vụ” (thay đổi 2 mức)" in listed and "Hai năm liền (2024, 2025)" in listed


def _example_report(tmp_path, history) -> str:
    """The text of the báo cáo tổng hợp of the example workbook's bulk run (DOCX only) with ``history``."""
    out = tmp_path / "out"
    argv = ["bulk", str(ROOT / "examples/dang-bo-2025.xlsx"), "-o", str(out), "--format", "docx", "--history", history]
    assert main(argv) == 0
    return docx_text((out / "dang-bo-phuong-ba-dinh" / "bao-cao-tong-hop-xep-loai.docx").read_bytes())


def test_without_the_year_before_the_report_has_no_comparison(tmp_path, capsys, history):
    report = _example_report(tmp_path, history)
    assert "So với năm" not in report and "hai năm liền" not in report.casefold()


@pytest.mark.parametrize("history", ["sqlite"], indirect=True)
def test_levels_of_other_names_are_not_compared_level_by_level(tmp_path, capsys, history, target):
    """A đảng bộ whose year before was rated with the names before 2018 (TSVM for organisations)."""
    with open_store(target) as store:
        row = organisation("kp5", "Chi bộ Khu phố 5", "TSVM", 2024)
        store.record(run(nam=2024), [], [row])
    report = _example_report(tmp_path, history)
    assert "Năm 2024 các tổ chức đảng được xếp loại theo các mức khác (TSVM): không so sánh từng mức." in report


def test_reading_the_years_before_leaves_the_record_free_for_another_writer(tmp_path):
    """A bulk run reads the years before for each tổ chức cơ sở; on SQLite a read holds the record's lock until it
    ends, so each ends with it: another đảng bộ's run can record meanwhile."""
    import sqlite3

    from generator.evaluate.regime import load_regime
    from generator.history.location import from_text
    from generator.history.past import PastLevels
    from tests.history.rows import DANG_BO

    target = from_text(str(tmp_path / "history.sqlite"))
    with open_store(target) as store:
        store.record(run(nam=2024), [member("Cao Văn Sơn", "1986-08-21", "KHTNV", 2024, admitted="2013-12-20")])
        past = PastLevels(store, DANG_BO, 2025, load_regime("qd366-2025").subject("ca_nhan").levels)
        row = {"ho_ten": "Cao Văn Sơn", "ngay_sinh": "1986-08-21", "ngay_vao_dang": "2013-12-20", "level": "KHTNV"}

        def another_writer() -> None:
            other = sqlite3.connect(target.path, timeout=0, isolation_level=None)
            other.execute("BEGIN IMMEDIATE")  # "database is locked" while a read of the run is still open
            other.execute("ROLLBACK")
            other.close()

        flagged = past.annotate([{**row, "level_label": "Không hoàn thành nhiệm vụ", "chi_bo": "Chi bộ Văn phòng"}])
        another_writer()
        assert past.counts()["members"] == {"KHTNV": 1}
        another_writer()
        past.close()
    assert [(f.ho_ten, f.years) for f in flagged] == [("Cao Văn Sơn", (2024, 2025))]
