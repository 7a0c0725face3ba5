"""The record itself (generator/history/store.py), on SQLite and on PostgreSQL: who a row is, what a re-run
replaces and keeps, what is left for the clerk, and the schema the migrations build."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from alembic import command
from sqlalchemy import create_engine, select, text

from generator.history.models import Base, Outcome, Person
from generator.history.records import HistoryError, Positions
from generator.history.store import SCHEMA_VERSION, alembic_config, open_store
from tests.history.rows import member, organisation, run, snapshot


def _current(store) -> list[tuple]:
    with store.session() as session:
        rows = session.execute(
            select(Person.ho_ten, Outcome.nam, Outcome.level)
            .join(Outcome, Outcome.person_id == Person.id)
            .where(Outcome.replaced_at.is_(None))
            .order_by(Person.ho_ten, Outcome.nam)
        )
        return [tuple(r) for r in rows]


def test_a_rerun_of_the_year_replaces_and_keeps_the_old_row_as_history(target):
    with open_store(target) as store:
        first = store.record(
            run(),
            [member("Nguyễn Văn An", "1980-03-02", "HTXSNV", score=92), member("Trần Thị Bình", "1985-01-01", "HTTNV")],
            [organisation("kp5", "Chi bộ Khu phố 5", "HTTNV", score=Decimal("88.5"))],
        )
        assert (first.added, first.replaced, first.unchanged, first.conflicts) == (3, 0, 0, [])
        again = store.record(
            run(),
            [member("Nguyễn Văn An", "1980-03-02", "HTXSNV", score=92), member("Trần Thị Bình", "1985-01-01", "HTTNV")],
        )
        assert (again.added, again.replaced, again.unchanged, again.run_id) == (0, 0, 2, None)  # nothing new: no run
        corrected = store.record(run("dang-bo-sua.xlsx"), [member("Nguyễn Văn An", "1980-03-02", "HTTNV", score=89)])
        assert (corrected.added, corrected.replaced) == (0, 1)
        assert _current(store) == [("Nguyễn Văn An", 2025, "HTTNV"), ("Trần Thị Bình", 2025, "HTTNV")]
        with store.session() as session:
            an = session.scalars(
                select(Outcome).join(Person).where(Person.ho_ten == "Nguyễn Văn An").order_by(Outcome.id)
            ).all()
            assert [(o.level, o.score, o.run_id) for o in an] == [
                ("HTXSNV", Decimal("92.000"), first.run_id),
                ("HTTNV", Decimal("89.000"), corrected.run_id),
            ]
            old, new = an
            assert old.replaced_by == new.id and old.replaced_at is not None
            assert new.replaced_by is None and new.replaced_at is None
            assert session.scalar(select(Outcome.score).where(Outcome.organisation_id.is_not(None))) == Decimal(
                "88.500"
            )
        # one current row per person and year is the database's rule too, not only the code's
        with pytest.raises(Exception), store.engine.begin() as connection:
            connection.execute(
                text(
                    "insert into outcomes (run_id, person_id, nam, regime, ten, dang_bo, level, place) "
                    f"values ({first.run_id}, {new.person_id}, 2025, 'qd366-2025', 'x', 'y', 'HTNV', 'z')"
                )
            )


def test_other_years_and_namesakes_are_other_rows(target):
    with open_store(target) as store:
        store.record(run(nam=2024), [member("Nguyễn Văn An", "1980-03-02", "HTTNV", nam=2024)])
        done = store.record(
            run(),
            [
                member("Nguyễn Văn An", "1980-03-02", "HTXSNV"),
                member("Nguyễn Văn An", "1991-07-07", "HTNV", admitted="2015-01-01"),
            ],
        )  # another person
        assert (done.added, done.replaced, done.conflicts) == (2, 0, [])
        with store.session() as session:
            assert session.scalar(select(text("count(*)")).select_from(Person)) == 2
        assert _current(store) == [
            ("Nguyễn Văn An", 2024, "HTTNV"),
            ("Nguyễn Văn An", 2025, "HTXSNV"),
            ("Nguyễn Văn An", 2025, "HTNV"),
        ]


def test_a_name_spelled_otherwise_is_reported_not_merged(target):
    with open_store(target) as store:
        store.record(run(nam=2024), [member("Nguyễn Văn An", "1980-03-02", nam=2024)])
        before = snapshot(store)
        for typed, how in (("Nguyễn văn An", "chữ hoa, chữ thường"), ("Nguyễn  Văn An", "khoảng trắng")):
            done = store.record(run(), [member(typed, "1980-03-02", where="trang “Đảng viên”, dòng 7")])
            assert (done.added, done.replaced, done.run_id) == (0, 0, None)
            [conflict] = done.conflicts
            assert conflict.where == "trang “Đảng viên”, dòng 7" and conflict.who == typed
            assert f"“{typed}” khác cách viết ({how})" in conflict.reason
            assert "“Nguyễn Văn An” (sinh 02/03/1980, vào Đảng 19/05/2010" in conflict.reason  # the recorded one, named
            assert "đã ghi năm 2024" in conflict.reason and "dang-bo.xlsx" in conflict.reason
        assert snapshot(store) == before


def test_a_card_number_is_the_member_and_disagreements_are_reported(target):
    with open_store(target) as store:
        store.record(run(nam=2024), [member("Lê Thị Hoa", "1979-10-10", card="01.234567", nam=2024)])
        done = store.record(
            run(),
            [
                member("Lê Thị Hoa", "1979-10-10", "HTXSNV", card="01234567"),  # the same card, typed without the dot
                member("Lê Thị Hồng", "1979-10-10", card="1234567", nam=2023),  # the card, another name
                member("Lê Thị Hoa", "1979-11-10", card="001234567", nam=2022),  # the card, another birth date
            ],
        )
        assert done.added == 1
        reasons = {c.who + str(i): c.reason for i, c in enumerate(done.conflicts)}
        assert len(done.conflicts) == 2
        assert any(
            "số thẻ đảng viên 1234567 đã ghi trong hồ sơ cho “Lê Thị Hoa”" in r and "khác họ tên" in r
            for r in reasons.values()
        )
        assert any("ngày sinh 10/11/1979 (hồ sơ: 10/10/1979)" in r for r in reasons.values())
        assert _current(store) == [("Lê Thị Hoa", 2024, "HTTNV"), ("Lê Thị Hoa", 2025, "HTXSNV")]


def test_a_row_matching_two_people_or_with_no_date_to_compare_is_reported(target):
    with open_store(target) as store:
        store.record(
            run(nam=2024),
            [
                member("Phạm Văn Tú", "1975-05-05", card="111", nam=2024),
                member("Phạm Văn Tú", "1975-05-05", card="222", nam=2024),
                member("Hà Thị Mai", "1982-02-02", admitted=None, nam=2024),
            ],
        )
        done = store.record(
            run(),
            [
                member("Phạm Văn Tú", "1975-05-05"),  # no card: which of the two?
                member("Hà Thị Mai", "1982-02-02"),
            ],
        )
        assert done.added == 1 and len(done.conflicts) == 1
        assert "khớp với hai người trong hồ sơ" in done.conflicts[0].reason
        assert "thẻ số 111" in done.conflicts[0].reason and "thẻ số 222" in done.conflicts[0].reason
        with store.session() as session:  # what the row knew and the record did not is kept
            mai = session.scalar(select(Person).where(Person.ho_ten == "Hà Thị Mai"))
            assert mai.ngay_vao_dang == dt.date(2010, 5, 19)
        unsure = store.record(run(nam=2023), [member("Hà Thị Mai", "1999-01-01", admitted=None, nam=2023)])
        assert unsure.added == 1  # another birth date: a namesake, another person
        store.record(run(nam=2022), [member("Đỗ Văn Nam", "1970-01-01", admitted=None, nam=2022)])
        no_dates = store.record(run(nam=2021), [member("Đỗ Văn Nam", None, nam=2021)])  # admission only: who?
        assert no_dates.added == 0
        assert "không có ngày nào cả hai cùng ghi để so (dòng này: vào Đảng 19/05/2010)" in no_dates.conflicts[0].reason


def test_one_member_twice_in_one_recording_is_reported_both_times(target):
    with open_store(target) as store:
        done = store.record(
            run(),
            [
                member("Vũ Văn Hải", "1977-07-07", where="dòng 3"),
                member("Vũ  Văn Hải", "1977-07-07", where="dòng 9"),
                member("Ông Văn Khác", "1966-06-06", where="dòng 4"),
            ],
        )
        assert done.added == 1
        assert sorted(c.where for c in done.conflicts) == ["dòng 3", "dòng 9"]
        assert all("chưa ghi dòng nào" in c.reason for c in done.conflicts)


def test_another_dang_bo_the_same_year_is_reported(target):
    with open_store(target) as store:
        store.record(run(), [member("Nguyễn Văn An", "1980-03-02", "HTXSNV")])
        done = store.record(run(), [member("Nguyễn Văn An", "1980-03-02", "HTNV", dang_bo="Đảng bộ xã Đông Anh")])
        assert done.added == done.replaced == 0
        assert "năm 2025 đã có kết quả của “Nguyễn Văn An”" in done.conflicts[0].reason
        assert "Đảng bộ phường Ba Đình" in done.conflicts[0].reason


def test_an_organisation_is_its_code_and_a_new_name_is_reported(target):
    with open_store(target) as store:
        store.record(run(nam=2024), [], [organisation("kp5", "Chi bộ Khu phố 5", nam=2024)])
        done = store.record(
            run(), [], [organisation("kp5", "Chi bộ khu phố 5"), organisation("kp6", "Chi bộ Khu phố 6")]
        )
        assert done.added == 1 and len(done.conflicts) == 1
        assert (
            "mã tổ chức “kp5”" in done.conflicts[0].reason
            and "khác cách viết (chữ hoa, chữ thường)" in done.conflicts[0].reason
        )


def test_the_migrations_build_what_the_models_say(target):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with open_store(target) as store, store.engine.connect() as connection:
        assert connection.execute(text("select version_num from alembic_version")).scalar() == SCHEMA_VERSION
        differences = compare_metadata(
            MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata
        )
        assert differences == []


def test_opening_twice_upgrades_once_and_a_newer_schema_is_refused(target):
    with open_store(target) as store:
        store.record(run(), [member("Nguyễn Văn An", "1980-03-02")])
        before = snapshot(store)
    with open_store(target) as store:
        assert snapshot(store) == before
        with store.engine.begin() as connection:
            connection.execute(text("update alembic_version set version_num = '0099'"))
    with pytest.raises(HistoryError, match="lược đồ phiên bản “0099”, do một kiemdiem mới hơn tạo"):
        open_store(target)


def test_a_record_of_the_first_schema_is_upgraded_with_its_rows_and_no_positions(target):
    """0002 adds a member's positions to the outcomes: a record written before keeps every row, with none."""
    if target.path is not None:
        target.path.parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(url=target.url), "0001")
    engine = create_engine(target.url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "insert into runs (id, recorded_at, kind, source, kiemdiem_version) "
                "values (1, '2025-12-20 10:00:00+00', 'bulk', 'dang-bo-2025.xlsx', 'old')"
            )
        )
        connection.execute(text("insert into people (id, ho_ten, ho_ten_chuan) values (1, 'Nguyễn Văn An', 'x')"))
        connection.execute(
            text(
                "insert into outcomes (id, run_id, person_id, nam, regime, ten, dang_bo, level, place) "
                "values (1, 1, 1, 2025, 'qd366-2025', 'Nguyễn Văn An', 'Đảng bộ phường Ba Đình', 'HTTNV', 'dòng 2')"
            )
        )
    engine.dispose()
    with open_store(target) as store, store.session() as session:
        [outcome] = session.scalars(select(Outcome))
        assert (outcome.level, outcome.nam) == ("HTTNV", 2025)
        assert [getattr(outcome, key) for key in Positions.FIELDS] == [None] * 5
