"""history/lookup.py on SQLite and PostgreSQL: a member's and a chi bộ's years before, found by the
record's own rules, read without writing; nothing created where there is no record."""

from __future__ import annotations

import datetime as dt

from generator.history.location import from_text
from generator.history.lookup import NO_RECORD, member_years, organisation_years
from generator.history.records import MemberRow
from generator.history.store import open_store
from tests.history.rows import member, organisation, run, snapshot


def _an(born: str | None = "1980-03-02", card: str | None = None) -> MemberRow:
    return MemberRow("Nguyễn Văn An", dt.date.fromisoformat(born) if born else None, None, card, None, None)


def test_a_member_and_a_chi_bo_years_before(target):
    with open_store(target) as store:
        store.record(
            run(nam=2023),
            [member("Nguyễn Văn An", "1980-03-02", "HTXSNV", nam=2023)],
            [organisation("kp5", "Chi bộ Khu phố 5", "HTTNV", nam=2023)],
        )
        store.record(
            run(nam=2024),
            [member("Nguyễn Văn An", "1980-03-02", "HTNV", nam=2024)],
            [organisation("kp5", "Chi bộ Khu phố 5", "HTXSNV", nam=2024)],
        )
        before = snapshot(store)
    found = member_years(target, _an(), 2024)
    assert [(o["nam"], o["level_label"]) for o in found["ket_qua"]] == [(2023, "Hoàn thành xuất sắc nhiệm vụ")]
    assert found["ly_do"] is None
    assert [o["nam"] for o in member_years(target, _an(), None)["ket_qua"]] == [2023, 2024]
    assert member_years(target, _an("1981-01-01"), 2025)["ket_qua"] == []
    years = organisation_years(target, "đảng bộ  phường Ba Đình", ["kp5", "kp6"], 2025)
    assert {ma: [(o["nam"], o["level"]) for o in rows] for ma, rows in years.items()} == {
        "kp5": [(2023, "HTTNV"), (2024, "HTXSNV")]
    }
    assert organisation_years(target, "Đảng bộ xã Khác", ["kp5"], 2025) == {}
    with open_store(target) as store:
        assert snapshot(store) == before  # read only


def test_no_record_is_none_and_is_not_made(tmp_path):
    target = from_text(str(tmp_path / "chua-co" / "history.sqlite"))
    assert member_years(target, _an(), 2025) == {"ket_qua": [], "ly_do": NO_RECORD, "can_ghi_them": False}
    assert organisation_years(target, "Đảng bộ phường Ba Đình", ["kp5"], 2025) == {}
    assert not (tmp_path / "chua-co").exists()
