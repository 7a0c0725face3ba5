"""The đảng bộ's record across years (issue 17): every member's and organisation's final level, kept.

``kiemdiem bulk`` records what it classified, ``kiemdiem history import`` a list typed from old paper
lists, ``kiemdiem history show`` prints it, ``kiemdiem awards propose`` reads the commendations it supports
(``propose``), ``kiemdiem workbook-template --from-history`` next year's workbook from it (``prefill``). The record is a database reached through SQLAlchemy —
SQLite by default, in the user's data folder, readable by its owner only (personal data), or a shared
PostgreSQL server — with its schema versioned by Alembic (``migrations/``, upgraded on open).

What imports nothing heavy (the commands, where the file is, the rows handed in, how names compare)
is apart from what needs SQLAlchemy (``models``, ``store``), so ``kiemdiem --help``, ``validate`` and
``classify`` never load it.
"""
