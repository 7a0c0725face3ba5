"""What comes back from the work a bulk run hands out: one type for a rendered document and a
merged print file alike, so the runner settles every result in one place (bulk/runner.py)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class BatchResult:
    """What became of one document of a batch, or of a print file: the problems that stopped it, or
    its files — on disk (``written``: sha256 and size by format) or, from a worker that does not share
    the disk, as ``files`` for the parent to write; ``left_out``: the names a print file had to leave out."""

    path: str
    problems: list[str] = field(default_factory=list)
    written: dict[str, tuple[str, int]] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    pages: int | None = None
    left_out: list[str] = field(default_factory=list)
