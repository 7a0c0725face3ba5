"""Tables that know their own age: each dated table records the day it was last checked, and a
document decided after that day gets one warning line (never in the document)."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest

from generator import load_document, prepare
from generator.cli import main
from generator.evaluate.known_through import all_tables, deciding_date, document_notice, regime_table, wage_table
from tests.samples import EXAMPLES

TO_TRINH = load_document(EXAMPLES / "to-trinh-khen-thuong-2025.yaml")
MEMBER = load_document(EXAMPLES / "ban-tu-kiem-diem-02b.json")


def _after(day: dt.date, days: int) -> str:
    return (day + dt.timedelta(days=days)).isoformat()


def test_every_dated_table_says_how_far_it_is_known_and_from_what():
    tables = all_tables()
    assert {t.path for t in tables} >= {
        "generator/commendation/luong-co-so.yaml",
        "generator/commendation/khen-thuong.yaml",
        "generator/regimes/qd366-2025.yaml",
        "generator/regimes/hd07-2011.yaml",
    }
    assert all(isinstance(t.known_through, dt.date) and t.last_source.strip() for t in tables)
    assert wage_table().known_through == dt.date(2026, 12, 2) and "161/2026/NĐ-CP" in wage_table().last_source


@pytest.mark.parametrize("days, warned", [(0, False), (1, True)])
def test_a_tờ_trình_decided_after_the_wage_table_is_warned(days, warned):
    known = wage_table().known_through
    doc = prepare({**copy.deepcopy(TO_TRINH), "ngay_quyet_dinh": _after(known, days)})
    if not warned:
        assert doc.notice is None
        return
    assert doc.notice.count("\n") == 0
    assert "bảng mức lương cơ sở (generator/commendation/luong-co-so.yaml)" in doc.notice
    assert f"đến ngày {known.day:02d}/{known.month}/{known.year}" in doc.notice and "luong_co_so" in doc.notice
    assert "khen-thuong.yaml" not in doc.notice  # the eras go by ngay_lap, 22/12/2025
    assert "Cảnh báo" not in json.dumps(doc.context, ensure_ascii=False)  # never in the document


@pytest.mark.parametrize("days, warned", [(0, False), (1, True)])
def test_a_review_dated_after_its_regime_table_is_warned(days, warned):
    table = regime_table("qd366-2025")
    doc = {**copy.deepcopy(MEMBER), "regime": "qd366-2025", "ngay_lap": _after(table.known_through, days)}
    notice = document_notice(doc)
    assert (notice is not None) == warned
    if warned:
        assert "quy định xếp loại qd366-2025 (generator/regimes/qd366-2025.yaml)" in notice and "--profile" in notice


def test_without_a_date_the_review_year_end_decides():
    assert deciding_date({"nam": 2026}) == dt.date(2026, 12, 31)
    assert deciding_date({"nam": 2026, "ngay_hop": "2026-11-20"}) == dt.date(2026, 11, 20)
    assert document_notice({"form": "phieu-bieu-quyet", "regime": "qd366-2025", "nam": 2026}) is not None
    assert document_notice({"form": "phieu-bieu-quyet", "regime": "qd366-2025", "nam": 2025}) is None


def test_classify_warns_once_on_stderr_and_keeps_stdout_clean(tmp_path, capsys):
    path = tmp_path / "to-trinh.json"
    path.write_text(
        json.dumps({**TO_TRINH, "ngay_quyet_dinh": "2026-12-20"}, ensure_ascii=False, default=str), encoding="utf-8"
    )
    assert main(["classify", "--json", str(path)]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["wage"]["amount"] == 2530000
    assert len(err.strip().splitlines()) == 1 and "bảng mức lương cơ sở" in err


def test_render_warns_and_still_prints(tmp_path, capsys):
    path = tmp_path / "to-trinh.json"
    path.write_text(
        json.dumps({**TO_TRINH, "ngay_quyet_dinh": "2026-12-20"}, ensure_ascii=False, default=str), encoding="utf-8"
    )
    assert main(["render", str(path), "--format", "docx", "-o", str(tmp_path / "out")]) == 0
    out, err = capsys.readouterr()
    assert (tmp_path / "out" / "to-trinh.docx").is_file() and "Cảnh báo" not in out
    assert len(err.strip().splitlines()) == 1 and err.startswith(f"{path}: Cảnh báo")


@pytest.mark.parametrize("day, lines", [("2026-12-02", 0), ("2026-12-03", 1)])
def test_awards_warns_after_the_tables_date(day, lines, capsys):
    assert main(["awards", day]) == 0
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == lines
    if lines:
        assert "khen-thuong.yaml" in err and "luong-co-so.yaml" in err


def test_the_web_result_panel_carries_the_warning():
    from generator.web.checking import check

    result = check({**copy.deepcopy(TO_TRINH), "ngay_quyet_dinh": "2026-12-20"})["result"]
    assert "bảng mức lương cơ sở" in result["canh_bao"]
    assert check(copy.deepcopy(TO_TRINH))["result"]["canh_bao"] is None


def test_the_readme_lists_every_table_with_its_date():
    from tests.samples import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Quy tắc đã cập nhật đến ngày / rules known through", 1)[1].split("\n## ", 1)[0]
    for table in all_tables():
        row = next(line for line in section.splitlines() if line.startswith(f"| `{table.path}`"))
        assert row.endswith(
            f"| {table.known_through.day:02d}/{table.known_through.month:02d}/{table.known_through.year} |"
        ), row
