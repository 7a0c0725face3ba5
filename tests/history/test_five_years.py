"""Five years of one đảng bộ in the record — 2021–2024 typed from the old paper lists (with a correction),
2025 from two bulk runs of the example workbook (the second after the chi bộ corrected one member's votes)
— and the commendations of 2025 proposed from it, every eligible and every near-miss worked by hand.
On SQLite and PostgreSQL."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

from generator.cli import main
from generator.workbook import write_workbook
from scripts.build_example_workbook import dang_bo as example_dang_bo
from tests.history.rows import filled_draft

ROOT = Path(__file__).resolve().parents[2]
HEADERS = "STT,Họ và tên,Ngày sinh,Ngày vào Đảng,Số thẻ đảng viên,Chi bộ,Tổ chức cơ sở đảng,Đảng bộ,Năm,Mức xếp loại,Tiêu biểu"
DANG_BO = "Đảng bộ phường Ba Đình"
# The example's people (examples/dang-bo-2025.xlsx): name, birth, admission, chi bộ.
AN = ("Nguyễn Văn An", "11/02/1971", "19/05/2012", "Chi bộ Khu phố 5")
ANH = ("Nguyễn Thị Ngọc Ánh", "09/02/1988", "19/05/2012", "Chi bộ Văn phòng Đảng ủy – HĐND – UBND phường")
CUONG = ("Lê Hoàng Cường", "13/04/1973", "19/05/2012", "Chi bộ Khu phố 5")


def _typed(path: Path, rows: list[tuple]) -> str:
    lines = [HEADERS] + [
        f"{i},{name},{born},{admitted},,{chi_bo},{DANG_BO},{DANG_BO},{year},{level},"
        for i, ((name, born, admitted, chi_bo), year, level) in enumerate(rows, 1)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _votes_corrected(tmp_path: Path) -> str:
    """The example with Trần Thị Bình's votes as the chi bộ corrected them: HTXSNV 6, HTTNV 2."""
    document = example_dang_bo()
    kp5 = next(o for o in document["to_chuc"] if o["ma"] == "kp5")["xep_loai"]["dang_vien"]
    binh = next(m for m in kp5 if m["ban_kiem_diem"]["dang_vien"]["ho_ten"] == "Trần Thị Bình")
    binh["phieu"] = {"HTXSNV": 6, "HTTNV": 2}
    return str(write_workbook(tmp_path / "dang-bo-2025-sua.xlsx", document=copy.deepcopy(document)))


def test_five_years_then_the_2025_commendations(tmp_path, capsys, history):
    shutil.copytree(ROOT / "examples" / "dang-bo-2025", tmp_path / "dang-bo-2025")  # the report file it names
    record = ["--history", history]
    # 2021–2024 typed from paper. Ánh's 2023 list is lost; An's 2023 was first typed HTTNV by mistake.
    typed = [(AN, y, "HTXSNV") for y in (2021, 2022, 2024)] + [(AN, 2023, "HTTNV")]
    typed += [(ANH, y, "HTXSNV") for y in (2021, 2022, 2024)]
    typed += [(CUONG, y, "HTXSNV") for y in (2021, 2022, 2023, 2024)]
    assert main(["history", "import", _typed(tmp_path / "danh-sach-2021-2024.csv", typed), *record]) == 0
    assert main(["history", "import", _typed(tmp_path / "sua-2023.csv", [(AN, 2023, "HTXSNV")]), *record]) == 0
    assert "0 kết quả mới, 1 kết quả thay bản ghi trước" in capsys.readouterr().out
    # 2025: the example as the chi bộ first sent it. An and Bình tie at the quota's last place (Ánh 8 votes,
    # An and Bình 7, for 2 places: 20% × 12 = 2,4): the đảng ủy decides, so neither is recorded.
    out = ["--format", "docx", "-o", str(tmp_path / "out")]
    assert main(["bulk", str(ROOT / "examples/dang-bo-2025.xlsx"), *out, *record]) == 0
    assert "23 kết quả mới" in capsys.readouterr().out
    # The corrected votes: An alone at 7, within the quota (HTXSNV); Bình, Cường and Đạt cut to HTTNV.
    assert main(["bulk", _votes_corrected(tmp_path), *out, *record]) == 0
    assert (
        "2 kết quả mới, 0 kết quả thay bản ghi trước (bản cũ giữ làm lịch sử), 23 không đổi" in capsys.readouterr().out
    )

    assert main(["awards", "propose", "--year", "2025", "--date", "2025-12-20", "--json", *record]) == 0
    found = json.loads(capsys.readouterr().out)
    eligible = {(line["award"]["id"], line["subject"]["ten"]) for line in found["eligible"]}
    # By hand, under Quy định 294-QĐ/TW and Hướng dẫn 06-HD/TW (catalogue dinh-ky-2025 of khen-thuong.yaml):
    # - An: HTXSNV 2021, 2022, 2023 (the correction, not the replaced HTTNV), 2024, 2025 → the one-year giấy
    #   khen and both five-year awards;
    # - Ánh: HTXSNV 2025 → the one-year giấy khen; her five years lack 2023 → one year short;
    # - Cường: HTXSNV 2021–2024, cut to HTTNV in 2025 → one year short (2025), not the one-year award;
    # - the chi bộ and the đảng bộ: HTTNV in 2025 → nothing; everyone else has only 2025, short by four years.
    assert eligible == {
        ("dang_vien_nam", AN[0]),
        ("dang_vien_nam", ANH[0]),
        ("dang_vien_5_nam", AN[0]),
        ("dang_vien_5_nam_bang_khen", AN[0]),
    }
    near = {(line["award"]["id"], line["subject"]["ten"]): line["short"] for line in found["near_misses"]}
    five = ("dang_vien_5_nam", "dang_vien_5_nam_bang_khen")
    assert set(near) == {(award, who) for award in five for who in (ANH[0], CUONG[0])}
    for award in five:
        assert near[award, ANH[0]] == {"nam": 2023, "reasons": ["năm 2023 chưa có trong hồ sơ"]}
        assert near[award, CUONG[0]] == {
            "nam": 2025,
            "reasons": ["năm 2025 xếp loại “Hoàn thành tốt nhiệm vụ”, cần “Hoàn thành xuất sắc nhiệm vụ”"],
        }
    assert found["undecided"] == []
    [an5] = [line for line in found["eligible"] if line["award"]["id"] == "dang_vien_5_nam"]
    chain = {year["nam"]: year for year in an5["chain"]}
    assert "sua-2023.csv" in chain[2023]["source"]["file"]  # the correction is the evidence
    assert "dang-bo-2025-sua.xlsx" in chain[2025]["source"]["file"]

    # The tờ trình it writes, once its "…" are filled, is valid, and checking it against the record changes nothing.
    draft = tmp_path / "de-nghi-2025.yaml"
    assert main(["awards", "propose", "--year", "2025", "--date", "2025-12-20", "-o", str(draft), *record]) == 0
    capsys.readouterr()
    assert main(["validate", str(filled_draft(draft)), *record]) == 0, capsys.readouterr().err
