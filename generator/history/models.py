"""The record's tables (SQLAlchemy 2.0). The schema itself is made by the migrations (``migrations/``):
these models must stay what the migrations build (tests/history/test_schema.py compares them).

- ``runs``: one recording — a bulk run or an imported list — with its source, its hash and kiemdiem's version;
- ``people``: a member, by card number when known, else by name, birth and admission dates;
- ``organisations``: a party organisation by its đảng bộ and code;
- ``outcomes``: a member's or organisation's final level of one year (a member's with their positions that
  year: quota group, đối tượng, chức vụ). A later recording of the same year
  replaces it: the old row stays, with ``replaced_at`` and ``replaced_by`` set, and at most one row per
  person (organisation) and year is current (partial unique indexes).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Run(Base):
    __tablename__ = "runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    kind: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(2000))
    input_sha256: Mapped[str | None] = mapped_column(String(64))
    kiemdiem_version: Mapped[str] = mapped_column(String(40))
    nam: Mapped[int | None] = mapped_column(Integer)
    regime: Mapped[str | None] = mapped_column(String(40))
    profile: Mapped[str | None] = mapped_column(String(500))
    dang_bo: Mapped[str | None] = mapped_column(String(500))


class Person(Base):
    __tablename__ = "people"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ho_ten: Mapped[str] = mapped_column(String(200))  # as first typed
    ho_ten_chuan: Mapped[str] = mapped_column(String(200), index=True)  # identity.name_key
    ngay_sinh: Mapped[dt.date | None] = mapped_column(Date)
    ngay_vao_dang: Mapped[dt.date | None] = mapped_column(Date)
    so_the_dang_vien: Mapped[str | None] = mapped_column(String(24))  # as typed
    so_the_chuan: Mapped[str | None] = mapped_column(String(24), unique=True)  # identity.card_key


class Organisation(Base):
    __tablename__ = "organisations"
    __table_args__ = (UniqueConstraint("dang_bo_chuan", "ma"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dang_bo: Mapped[str] = mapped_column(String(500))
    dang_bo_chuan: Mapped[str] = mapped_column(String(500))
    ma: Mapped[str] = mapped_column(String(200))
    ten: Mapped[str] = mapped_column(String(500))
    loai: Mapped[str | None] = mapped_column(String(40))


class Outcome(Base):
    __tablename__ = "outcomes"
    __table_args__ = (
        CheckConstraint("(person_id IS NULL) <> (organisation_id IS NULL)", name="one_subject"),
        Index(
            "ix_outcomes_current_person",
            "person_id",
            "nam",
            unique=True,
            sqlite_where=text("replaced_at IS NULL AND person_id IS NOT NULL"),
            postgresql_where=text("replaced_at IS NULL AND person_id IS NOT NULL"),
        ),
        Index(
            "ix_outcomes_current_organisation",
            "organisation_id",
            "nam",
            unique=True,
            sqlite_where=text("replaced_at IS NULL AND organisation_id IS NOT NULL"),
            postgresql_where=text("replaced_at IS NULL AND organisation_id IS NOT NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    nam: Mapped[int] = mapped_column(Integer, index=True)
    regime: Mapped[str] = mapped_column(String(40))
    profile: Mapped[str | None] = mapped_column(String(500))
    ten: Mapped[str] = mapped_column(String(500))  # the member's or organisation's name as this row typed it
    dang_bo: Mapped[str] = mapped_column(String(500))
    to_chuc_co_so_ma: Mapped[str | None] = mapped_column(String(200))
    to_chuc_co_so_ten: Mapped[str | None] = mapped_column(String(500))
    chi_bo_ma: Mapped[str | None] = mapped_column(String(200))
    chi_bo_ten: Mapped[str | None] = mapped_column(String(500))
    level: Mapped[str] = mapped_column(String(20))
    score: Mapped[Decimal | None] = mapped_column(Numeric(9, 3))
    tieu_bieu: Mapped[bool | None] = mapped_column(Boolean)
    quota: Mapped[str | None] = mapped_column(String(20))
    # A member's positions that year, as the list gave them (migration 0002); None for an organisation.
    nhom: Mapped[str | None] = mapped_column(String(200))  # the quota group typed for them
    doi_tuong: Mapped[str | None] = mapped_column(String(40))  # the schema's code (khong_giu_chuc_vu …)
    chuc_vu_dang: Mapped[str | None] = mapped_column(String(500))
    chuc_vu_chinh_quyen: Mapped[str | None] = mapped_column(String(500))
    chuc_vu_doan_the: Mapped[str | None] = mapped_column(String(500))
    place: Mapped[str] = mapped_column(String(2000))
    replaced_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    replaced_by: Mapped[int | None] = mapped_column(ForeignKey("outcomes.id"))

    run: Mapped[Run] = relationship()
    person: Mapped[Person | None] = relationship()
    organisation: Mapped[Organisation | None] = relationship()
