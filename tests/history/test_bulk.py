"""``kiemdiem bulk`` records each member's and organisation's final outcome (after the vote and the quotas):
a re-run of the year replaces and keeps the old rows, a name spelled otherwise is reported (exit 3), the card
number travels from the workbook into the record, and ``--no-history`` records nothing."""

from __future__ import annotations

import copy
import json
import os
import shutil
import stat
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.workbook import open_workbook, write_workbook
from scripts.build_example_workbook import dang_bo as example_dang_bo
from tests.bulk.sample_dang_bo import build, edit

ROOT = Path(__file__).resolve().parents[2]


def _show(history, capsys, *argv) -> dict:
    capsys.readouterr()
    assert main(["history", "show", "--history", history, "--json", *argv]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_rerun_replaces_the_years_outcomes_and_a_spelling_variant_is_reported(tmp_path, capsys, history):
    folder = build(tmp_path / "dang-bo", chi_bo=("kp5",))
    bulk = ["bulk", str(folder), "-o", str(tmp_path / "out"), "--format", "docx", "--history", history]
    assert main(bulk) == 0
    out = capsys.readouterr().out
    assert "Hồ sơ xếp loại" in out and "13 kết quả mới" in out  # 12 members and the chi bộ with its biểu điểm
    first = _show(history, capsys, "--chi-bo", "kp5")
    [chi_bo] = first["organisations"]
    assert (chi_bo["ma"], chi_bo["ten"], [o["level"] for o in chi_bo["outcomes"]]) == (
        "kp5",
        "Chi bộ Khu phố 5",
        ["HTTNV"],
    )
    levels = {p["ho_ten"]: (o["level"], o["quota"]) for p in first["people"] for o in p["outcomes"]}
    assert levels["Nguyễn Văn An"] == ("HTXSNV", "selected")
    assert levels["Trần Thị Bình"] == ("HTTNV", "cut")  # the final level, after the quota
    assert levels["Lý Văn Phúc"] == ("HTNV", None)
    an = next(p for p in first["people"] if p["ho_ten"] == "Nguyễn Văn An")
    assert an["ngay_sinh"] == "1971-02-11" and an["outcomes"][0]["score"] == 93
    assert an["outcomes"][0]["to_chuc_co_so"] == {"ma": "db", "ten": "Đảng bộ phường Ba Đình"}
    assert an["outcomes"][0]["source"]["kind"] == "bulk" and "dv-01.json" in an["outcomes"][0]["source"]["place"]

    def corrected(group):  # the meeting's votes for Đặng Thu Hà, typed again: HTNV
        group["dang_vien"][6]["phieu"] = {"HTNV": 18}

    edit(folder / "kp5" / "xep-loai-chi-bo.json", corrected)
    edit(folder / "kp5" / "dv-12.json", lambda d: d["dang_vien"].update(ho_ten="Lý văn Phúc"))
    assert main(bulk) == 3
    captured = capsys.readouterr()
    assert "1 kết quả thay bản ghi trước (bản cũ giữ làm lịch sử), 11 không đổi; 1 dòng cần làm rõ" in captured.out
    assert "họ tên “Lý văn Phúc” khác cách viết (chữ hoa, chữ thường) với “Lý Văn Phúc”" in captured.err
    assert "đã ghi năm 2025 ở Chi bộ Khu phố 5" in captured.err

    ha = _show(history, capsys, "--ho-ten", "Đặng Thu Hà", "--lich-su-sua")["people"][0]["outcomes"]
    assert [(o["nam"], o["level"]) for o in ha] == [(2025, "HTTNV"), (2025, "HTNV")]  # the replaced one kept, first
    assert ha[0]["replaced_by"] == ha[1]["id"] and ha[0]["replaced_at"] and ha[1]["replaced_by"] is None
    assert [o["level"] for o in _show(history, capsys, "--ho-ten", "Đặng Thu Hà")["people"][0]["outcomes"]] == ["HTNV"]
    phuc = _show(history, capsys, "--ho-ten", "Lý Văn Phúc", "--lich-su-sua")["people"]
    assert [(p["ho_ten"], [o["level"] for o in p["outcomes"]]) for p in phuc] == [("Lý Văn Phúc", ["HTNV"])]
    assert main(["history", "show", "--history", history, "--ho-ten", "Đặng Thu Hà", "--lich-su-sua"]) == 0
    text = capsys.readouterr().out
    assert (
        "  2025  Hoàn thành tốt nhiệm vụ (80 điểm) — Chi bộ Khu phố 5, Đảng bộ phường Ba Đình [đã thay bằng bản ghi ngày"
        in text
    )
    assert "  2025  Hoàn thành nhiệm vụ (80 điểm) — Chi bộ Khu phố 5, Đảng bộ phường Ba Đình\n" in text


def test_bulk_records_into_the_default_record_and_not_with_no_history(tmp_path, capsys):
    folder = build(tmp_path / "dang-bo", chi_bo=("kp5",))
    default = Path(os.environ["KIEMDIEM_HISTORY"])
    assert main(["bulk", str(folder), "-o", str(tmp_path / "a"), "--format", "docx", "--no-history"]) == 0
    assert "Hồ sơ xếp loại" not in capsys.readouterr().out and not default.exists()
    assert main(["bulk", str(folder), "-o", str(tmp_path / "b"), "--format", "docx"]) == 0
    assert f"Hồ sơ xếp loại ({default}): 13 kết quả mới" in capsys.readouterr().out
    assert stat.S_IMODE(default.stat().st_mode) == 0o600
    (tmp_path / "thu-muc").mkdir()
    out = tmp_path / "c"
    assert main(["bulk", str(folder), "-o", str(out), "--format", "docx", "--history", str(tmp_path / "thu-muc")]) == 2
    assert "đây là thư mục, không phải tệp" in capsys.readouterr().err
    assert not out.exists() or not any(out.rglob("*.docx"))  # refused before anything is printed


def test_the_card_number_round_trips_through_the_workbook_into_the_record(tmp_path, capsys):
    shutil.copytree(ROOT / "examples" / "dang-bo-2025", tmp_path / "dang-bo-2025")  # the report file it names
    document = example_dang_bo()
    members = next(o for o in document["to_chuc"] if o["ma"] == "kp5")["xep_loai"]["dang_vien"]
    index = next(i for i, m in enumerate(members) if m["ban_kiem_diem"]["dang_vien"]["ho_ten"] == "Phạm Minh Dũng")
    members[index]["ban_kiem_diem"]["dang_vien"]["so_the_dang_vien"] = "01.002345"
    path = write_workbook(tmp_path / "dang-bo.xlsx", document=copy.deepcopy(document))
    with open_workbook(path) as source:
        back = [m["ban_kiem_diem"]["dang_vien"] for m in source.documents("kp5")["xep_loai"]["dang_vien"]]
        assert back[index]["so_the_dang_vien"] == "01.002345"
        assert [m for m in back if "so_the_dang_vien" in m] == [back[index]]  # optional: the others have none
    history = str(tmp_path / "h.sqlite")
    assert main(["bulk", str(path), "-o", str(tmp_path / "out"), "--format", "docx", "--history", history]) == 0
    [person] = _show(history, capsys, "--so-the", "1002345")["people"]  # digits, as a number cell would keep them
    assert (person["ho_ten"], person["so_the_dang_vien"]) == ("Phạm Minh Dũng", "01.002345")


@pytest.mark.parametrize("regime", ["hd27-2014"])
def test_a_chi_bo_of_member_records_is_recorded_by_name_birth_and_admission(tmp_path, capsys, regime):
    folder = tmp_path / "dang-bo-2016"
    folder.mkdir()
    group = json.loads((ROOT / "examples" / "chi-bo-2016" / "xep-loai-chi-bo.json").read_text(encoding="utf-8"))
    for key in ("form", "regime", "nam", "dang_bo", "chi_bo"):
        group.pop(key)
    group["dang_vien"][2].update(ngay_sinh="1975-04-30", so_the_dang_vien="79.012345")
    group["dang_vien"][3].update(ngay_sinh="1986-08-15")
    (folder / "xep-loai.json").write_text(json.dumps(group, ensure_ascii=False), encoding="utf-8")
    header = {
        "form": "dang-bo",
        "regime": regime,
        "nam": 2016,
        "dang_bo": "Đảng bộ Khối Doanh nghiệp Thành phố Hồ Chí Minh",
        "dia_danh": "Thành phố Hồ Chí Minh",
        "ngay_lap": "2016-12-20",
        "to_chuc": [
            {
                "ma": "px2",
                "ten": "Chi bộ Công ty Cổ phần Cơ khí Sài Gòn – Phân xưởng 2",
                "loai_to_chuc": "chi_bo_co_so",
                "xep_loai": "xep-loai.json",
            }
        ],
    }
    (folder / "dang-bo.yaml").write_text(yaml.safe_dump(header, allow_unicode=True), encoding="utf-8")
    history = str(tmp_path / "h.sqlite")
    assert main(["bulk", str(folder), "-o", str(tmp_path / "out"), "--format", "docx", "--history", history]) == 0
    # Trần Văn Hải and Nguyễn Thị Mai tie at the small chi bộ's one HTXSNV place: left to the đảng ủy, not recorded
    assert (
        "4 kết quả mới, 0 kết quả thay bản ghi trước (bản cũ giữ làm lịch sử), 0 không đổi; 2 chưa có kết quả cuối cùng"
        in capsys.readouterr().out
    )
    found = _show(history, capsys, "--nam", "2016")
    people = {p["ho_ten"]: p for p in found["people"]}
    assert sorted(people) == ["Lê Quốc Bảo", "Phan Thị Thu", "Võ Minh Tâm", "Đinh Công Lý"]
    assert (
        people["Lê Quốc Bảo"]["so_the_dang_vien"] == "79.012345" and people["Lê Quốc Bảo"]["ngay_sinh"] == "1975-04-30"
    )
    assert people["Phan Thị Thu"]["ngay_sinh"] == "1986-08-15" and people["Phan Thị Thu"]["so_the_dang_vien"] is None
    assert people["Võ Minh Tâm"]["ngay_sinh"] is None and people["Võ Minh Tâm"]["ngay_vao_dang"] == "2014-12-22"
    labels = {name: p["outcomes"][0]["level_label"] for name, p in people.items()}
    assert labels["Đinh Công Lý"] == "Không xếp loại"  # admitted in 2016: not rated, recorded as such
    assert all(p["outcomes"][0]["regime"] == regime for p in people.values())
