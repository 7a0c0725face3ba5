"""``kiemdiem history show``: without a filter the counts per year and đảng bộ; a year with its organisations
and members; levels by the names of each year's rules; nothing created by reading."""

from __future__ import annotations

import json
from decimal import Decimal

from generator.cli import main
from generator.history.store import open_store
from tests.history.rows import member, organisation, run


def test_show_a_year_and_the_overview(target, history, capsys):
    with open_store(target) as store:
        store.record(
            run(nam=2012),
            [member("Nguyễn Văn An", "1980-03-02", "HTXSNV", nam=2012, regime="hd07-2011")],
            [organisation("kp5", "Chi bộ Khu phố 5", "HTTNV", nam=2012)],
        )
        store.record(
            run(),
            [
                member("Nguyễn Văn An", "1980-03-02", "HTTNV", score=Decimal("88.5")),
                member("Trần Thị Bình", "1985-01-01", "HTNV"),
            ],
        )
    assert main(["history", "show", "--history", history]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:4] == [
        "Năm   Đảng bộ: số đảng viên, số tổ chức đã ghi",
        "2012  Đảng bộ phường Ba Đình: 1 đảng viên, 1 tổ chức",
        "2025  Đảng bộ phường Ba Đình: 2 đảng viên, 0 tổ chức",
    ]
    assert main(["history", "show", "--history", history, "--nam", "2012"]) == 0
    text = capsys.readouterr().out
    assert "Chi bộ Khu phố 5 (mã kp5) — Đảng bộ phường Ba Đình\n  2012  Hoàn thành tốt nhiệm vụ\n" in text
    assert "  2012  Đủ tư cách, hoàn thành xuất sắc nhiệm vụ — Chi bộ Khu phố 5, Đảng bộ phường Ba Đình" in text
    assert "2025" not in text and "Trần Thị Bình" not in text
    assert main(["history", "show", "--history", history, "--ho-ten", "an", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    [an] = [p for p in found["people"] if p["ho_ten"] == "Nguyễn Văn An"]
    assert [(o["nam"], o["level_label"], o["score"]) for o in an["outcomes"]] == [
        (2012, "Đủ tư cách, hoàn thành xuất sắc nhiệm vụ", None),
        (2025, "Hoàn thành tốt nhiệm vụ", 88.5),
    ]
    assert main(["history", "show", "--history", history, "--ho-ten", "Không Có Ai"]) == 0
    assert "không có kết quả nào khớp" in capsys.readouterr().out


def test_showing_a_record_that_does_not_exist_creates_nothing(tmp_path, capsys):
    path = tmp_path / "chua-co" / "history.sqlite"
    assert main(["history", "show", "--history", str(path), "--nam", "2025"]) == 0
    assert "Chưa có hồ sơ xếp loại" in capsys.readouterr().out and not path.parent.exists()
