"""Rows a whole đảng bộ's run gathers for its reports, parked in a temporary file until the reports read them.

A province's run plans 100,000 members one tổ chức cơ sở at a time; what it must remember to the end
(every organisation's row, each quota's names, the members not rated or pending, the errors) grows with
it. Kept in memory, that is what makes the plan's memory grow with the members; parked here, the plan's
memory stays that of one tổ chức cơ sở, and the reports, built once at the end, read the rows back.

The file is the run's own (an unnamed temporary file: the system removes it when it is closed or the
process ends) and holds only what this process wrote, so its rows are pickled.
"""

from __future__ import annotations

import pickle
import tempfile
from typing import Any, Iterator


class Parked:
    """An append-only list kept on disk: ``append``, ``len``, iteration in the order appended."""

    def __init__(self, rows=()):
        self._file = tempfile.TemporaryFile(prefix="kiemdiem-run-")
        self._count = 0
        for row in rows:
            self.append(row)

    def append(self, row: Any) -> None:
        pickle.dump(row, self._file, pickle.HIGHEST_PROTOCOL)
        self._count += 1

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Any]:
        self._file.flush()
        self._file.seek(0)
        try:
            for _ in range(self._count):
                yield pickle.load(self._file)
        finally:
            self._file.seek(0, 2)  # appends go on at the end

    def __getitem__(self, index: int) -> Any:
        return list(self)[index]

    def __eq__(self, other) -> bool:
        return list(self) == list(other) if isinstance(other, (list, tuple, Parked)) else NotImplemented

    def __repr__(self) -> str:
        return f"Parked({list(self)!r})"

    def close(self) -> None:
        self._file.close()
