"""One PDF per chi bộ to print in one go (issue 15 §3): every member's bản tự kiểm điểm, in the
order of the chi bộ's danh sách, each starting on a new page with its own page numbers.

The plan names each chi bộ's members as it lists them (bulk/plan.py ``on_members``); once they are
printed the run merges their PDFs (bulk/pdf_merge.py: streamed, a bookmark and page labels per
member), lists the file in the manifest, keeps it as it is when nothing it is made from changed, and
reports the members it had to leave out beside their own errors.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .results import BatchResult

PRINT_FILE = "in-ca-chi-bo"  # beside the members' documents, in the chi bộ's folder (.pdf)
FORM = "in-ca-chi-bo"  # its "form" in the manifest


def merge_into(out_dir: str, relative: str, title: str, members: list[tuple[str, str]]) -> BatchResult:
    """``merge`` with paths relative to the run's folder: module-level, so a worker process can run it."""
    from .pdf_merge import merge  # here: the parent of a run whose workers merge never loads pypdf

    base = Path(out_dir)
    made = merge(base / relative, title, [(name, base / path) for name, path in members])
    return BatchResult(
        relative.removesuffix(".pdf"),
        written={"pdf": (made["sha256"], made["bytes"])},
        pages=made["pages"],
        left_out=made["unreadable"],
    )


@dataclass
class Planned:
    """A chi bộ's print file as the plan settles it: its members in the danh sách's order, and the
    names of those whose document was not printable (left out, reported)."""

    chi_bo: str
    path: str  # relative to the run's folder, with ".pdf"
    record: str
    members: list[tuple[str, str]]  # (name, path of the member's document without extension)
    missing: list[str]
    ma: str | None = None  # the chi bộ's code (the record across years knows it by its đảng bộ and code)

    @property
    def title(self) -> str:
        return f"Bản tự kiểm điểm của đảng viên — {self.chi_bo}"


def input_digest(planned: Planned, members: list[tuple[str, str]]) -> str:
    """Everything the print file is made from: kiemdiem's version, the title, each (name, member PDF's sha256)."""
    from .. import __version__

    digest = hashlib.sha256(f"{FORM}\0{__version__}\0{planned.title}".encode())
    for name, member in members:
        digest.update(f"\0{name}\0{member}".encode())
    return digest.hexdigest()


def shown_names(names: list[str], at_most: int = 5) -> str:
    more = len(names) - at_most
    return ", ".join(names[:at_most]) + (f" và {more} người khác" if more > 0 else "")


def partial_reason(planned: Planned, left_out: list[str]) -> str:
    """Why a print file lacks some members, in the error list's words."""
    total = len(planned.members) + len(planned.missing)
    if len(left_out) == total:
        return (
            f"Tệp in cả chi bộ “{planned.chi_bo}”: không có, vì cả {total} bản tự kiểm điểm đều có lỗi "
            f"(xem lỗi của từng đảng viên); sửa rồi chạy lại để in"
        )
    return (
        f"Tệp in cả chi bộ “{planned.chi_bo}”: thiếu {len(left_out)} trong {total} bản tự kiểm điểm "
        f"({shown_names(left_out)}) vì có lỗi (xem lỗi của từng đảng viên); sửa rồi chạy lại để in đủ"
    )
