"""A member's positions of the year on the outcome: the quota group typed for them, their đối tượng and
their party, government and mass-organisation positions, so next year's workbook can be pre-filled with
them (``kiemdiem workbook-template --from-history``, issue 17 §4). Nullable: the years recorded before,
an imported list and the regimes whose lists carry no position leave them empty.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

COLUMNS = (
    ("nhom", 200),
    ("doi_tuong", 40),
    ("chuc_vu_dang", 500),
    ("chuc_vu_chinh_quyen", 500),
    ("chuc_vu_doan_the", 500),
)


def upgrade() -> None:
    for name, length in COLUMNS:  # ADD COLUMN: SQLite and PostgreSQL both do it in place
        op.add_column("outcomes", sa.Column(name, sa.String(length), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outcomes") as batch:
        for name, _ in reversed(COLUMNS):
            batch.drop_column(name)
