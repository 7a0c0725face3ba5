"""Input problems as data, so every step can report all of them at once.

A user fixes a document faster when each problem names the JSON path, the field's
Vietnamese title and the reason; a step collects ``Problem``s and raises one
``InputError`` instead of stopping at the first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class Problem:
    path: str  # JSON path, e.g. "$.dang_vien.ho_ten"
    title: str  # Vietnamese title of the field, from the schema
    reason: str  # Vietnamese explanation

    def __str__(self) -> str:
        """For people the field's title first, its JSON path as the detail: "Thông tin đảng viên › Họ và tên
        ($.dang_vien.ho_ten): thiếu trường bắt buộc"; the path alone where a field has no title."""
        return f"{self.title} ({self.path}): {self.reason}" if self.title else f"{self.path}: {self.reason}"


class SourceProblem(NamedTuple):
    """A record of a đảng bộ source that cannot be used: where (sheet, row and column, or file and
    JSON path), why, and whose record it is (the member's or organisation's name, when known)."""

    where: str
    reason: str
    who: str = ""


class InputError(Exception):
    """The document is not acceptable; ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def overlapping(path: str, others) -> bool:
    """Whether ``path`` is one of ``others``, lies inside one, or holds one ("$.diem" and "$.diem.x[0]")."""
    return any(
        path == o or path.startswith((o + ".", o + "[")) or o.startswith((path + ".", path + "[")) for o in others
    )


def json_path(parts) -> str:
    """Render a path of keys and indexes as ``$.a.b[2]``."""
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out
