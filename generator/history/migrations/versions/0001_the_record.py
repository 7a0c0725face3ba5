"""The record's first schema: runs, people, organisations, outcomes (issue 17).

Revision ID: 0001
Revises:
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("source", sa.String(2000), nullable=False),
        sa.Column("input_sha256", sa.String(64), nullable=True),
        sa.Column("kiemdiem_version", sa.String(40), nullable=False),
        sa.Column("nam", sa.Integer(), nullable=True),
        sa.Column("regime", sa.String(40), nullable=True),
        sa.Column("profile", sa.String(500), nullable=True),
        sa.Column("dang_bo", sa.String(500), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_runs"),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ho_ten", sa.String(200), nullable=False),
        sa.Column("ho_ten_chuan", sa.String(200), nullable=False),
        sa.Column("ngay_sinh", sa.Date(), nullable=True),
        sa.Column("ngay_vao_dang", sa.Date(), nullable=True),
        sa.Column("so_the_dang_vien", sa.String(24), nullable=True),
        sa.Column("so_the_chuan", sa.String(24), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_people"),
        sa.UniqueConstraint("so_the_chuan", name="uq_people_so_the_chuan"),
    )
    op.create_index("ix_people_ho_ten_chuan", "people", ["ho_ten_chuan"])
    op.create_table(
        "organisations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dang_bo", sa.String(500), nullable=False),
        sa.Column("dang_bo_chuan", sa.String(500), nullable=False),
        sa.Column("ma", sa.String(200), nullable=False),
        sa.Column("ten", sa.String(500), nullable=False),
        sa.Column("loai", sa.String(40), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_organisations"),
        sa.UniqueConstraint("dang_bo_chuan", "ma", name="uq_organisations_dang_bo_chuan_ma"),
    )
    op.create_table(
        "outcomes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("nam", sa.Integer(), nullable=False),
        sa.Column("regime", sa.String(40), nullable=False),
        sa.Column("profile", sa.String(500), nullable=True),
        sa.Column("ten", sa.String(500), nullable=False),
        sa.Column("dang_bo", sa.String(500), nullable=False),
        sa.Column("to_chuc_co_so_ma", sa.String(200), nullable=True),
        sa.Column("to_chuc_co_so_ten", sa.String(500), nullable=True),
        sa.Column("chi_bo_ma", sa.String(200), nullable=True),
        sa.Column("chi_bo_ten", sa.String(500), nullable=True),
        sa.Column("level", sa.String(20), nullable=False),
        sa.Column("score", sa.Numeric(9, 3), nullable=True),
        sa.Column("tieu_bieu", sa.Boolean(), nullable=True),
        sa.Column("quota", sa.String(20), nullable=True),
        sa.Column("place", sa.String(2000), nullable=False),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("replaced_by", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_outcomes"),
        sa.ForeignKeyConstraint(["run_id"], ["runs.id"], name="fk_outcomes_run_id_runs"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name="fk_outcomes_person_id_people"),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisations.id"], name="fk_outcomes_organisation_id_organisations"
        ),
        sa.ForeignKeyConstraint(["replaced_by"], ["outcomes.id"], name="fk_outcomes_replaced_by_outcomes"),
        sa.CheckConstraint("(person_id IS NULL) <> (organisation_id IS NULL)", name="ck_outcomes_one_subject"),
    )
    for column in ("run_id", "person_id", "organisation_id", "nam"):
        op.create_index(f"ix_outcomes_{column}", "outcomes", [column])
    for subject in ("person", "organisation"):
        where = sa.text(f"replaced_at IS NULL AND {subject}_id IS NOT NULL")
        op.create_index(
            f"ix_outcomes_current_{subject}",
            "outcomes",
            [f"{subject}_id", "nam"],
            unique=True,
            sqlite_where=where,
            postgresql_where=where,
        )


def downgrade() -> None:
    op.drop_table("outcomes")
    op.drop_table("organisations")
    op.drop_index("ix_people_ho_ten_chuan", table_name="people")
    op.drop_table("people")
    op.drop_table("runs")
