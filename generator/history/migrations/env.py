"""Alembic's environment for the record. kiemdiem runs it itself on opening the record
(``generator.history.store``: ``upgrade head``, on the connection it hands over in
``config.attributes["connection"]``). A developer adding a revision after changing models.py::

    from alembic import command
    from generator.history.store import alembic_config
    command.upgrade(alembic_config(url="sqlite:////tmp/h.sqlite"), "head")
    command.revision(alembic_config(url="sqlite:////tmp/h.sqlite"), "what changes", autogenerate=True)

then edits the new file in versions/ (and SCHEMA_VERSION in store.py); tests/history/test_store.py checks
that the migrations build what the models say.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from generator.history.models import Base

config = context.config
connection = config.attributes.get("connection")


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:  # by hand (alembic_config(url=…))
    url = config.get_main_option("sqlalchemy.url")
    engine = create_engine(url)
    with engine.begin() as own:
        _run(own)
    engine.dispose()
