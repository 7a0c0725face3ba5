"""Where a streamed workbook parks its rows until their chi bộ is built: a temporary SQLite file.

Each member row (converted, as JSON, with the cells that could not be read) goes in under its
chi bộ's code, and each paragraph of “Nội dung” under its member's code; one chi bộ is read
back at a time, so a workbook of tens of thousands of members never sits in memory. The file
is removed on ``close`` and, should the reader be forgotten, when it is collected.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import weakref
from pathlib import Path
from typing import Iterator

from .sheet import CellProblem

BATCH = 100  # rows per insert


def _remove(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


class Spill:
    def __init__(self):
        handle, name = tempfile.mkstemp(prefix="kiemdiem-workbook-", suffix=".sqlite")
        self.path = Path(name)  # removed on close
        os.close(handle)
        self._cleanup = weakref.finalize(self, _remove, self.path)
        self._db = sqlite3.connect(self.path)
        self._db.execute("pragma journal_mode = off")
        self._db.execute("pragma synchronous = off")
        self._db.execute("create table member (org text, row integer, code text, data text, errors text)")
        self._db.execute("create table content (code text, row integer, path text, header text, text text)")
        self._members: list[tuple] = []
        self._contents: list[tuple] = []

    # -- while the workbook is streamed -------------------------------------------------------
    def member(self, org: str, row: int, code: str | None, record: dict, errors: list[CellProblem]) -> None:
        self._members.append(
            (org, row, code, json.dumps(record, ensure_ascii=False), json.dumps(errors, ensure_ascii=False))
        )
        if len(self._members) >= BATCH:
            self._flush()

    def content(self, code: str, row: int, path: str, header: str, body: str) -> None:
        self._contents.append((code, row, path, header, body))
        if len(self._contents) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        self._db.executemany("insert into member values (?, ?, ?, ?, ?)", self._members)
        self._db.executemany("insert into content values (?, ?, ?, ?, ?)", self._contents)
        self._members.clear()
        self._contents.clear()

    def done(self) -> None:
        """Every row is in: index them for reading one chi bộ at a time."""
        self._flush()
        self._db.execute("create index member_org on member (org, row)")
        self._db.execute("create index content_code on content (code, row)")
        self._db.commit()

    # -- one chi bộ at a time ------------------------------------------------------------------
    def member_count(self) -> int:
        self._flush()
        return self._db.execute("select count(*) from member").fetchone()[0]

    def members(self, org: str) -> Iterator[tuple[int, str | None, dict, list[CellProblem]]]:
        """(row, code, record, cells that could not be read) of each member row of ``org``, in row order."""
        for row, code, data, errors in self._db.execute(
            "select row, code, data, errors from member where org = ? order by row", (org,)
        ):
            yield row, code, json.loads(data), [CellProblem._make(e) for e in json.loads(errors)]

    def contents(self, code: str) -> Iterator[tuple[str, str, int, str]]:
        """(path, header, row, text) of each “Nội dung” paragraph of the member ``code``, in row order."""
        yield from self._db.execute("select path, header, row, text from content where code = ? order by row", (code,))

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
            self._cleanup()
