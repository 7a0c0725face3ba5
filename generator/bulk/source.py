"""Where a bulk run reads a đảng bộ from: a workbook, or a ``dang-bo`` document with its files.

Both give the same thing: the đảng bộ header, its organisations, and for one
organisation at a time its documents with every member embedded. One chi bộ at a
time keeps memory flat however large the đảng bộ; ``locate`` turns a problem's
JSON path back into the place a clerk can fix (a file, or a sheet, row and column).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable

from ..errors import InputError, Problem, SourceProblem
from ..load import load_document

DOCUMENT_KINDS = ("xep_loai", "bieu_diem", "bao_cao")
HEADER_NAMES = ("dang-bo.yaml", "dang-bo.yml", "dang-bo.json")


def _inside(base: Path, name: str, title: str) -> Path:
    try:
        path = (base / name).resolve()
    except (ValueError, OSError):  # a NUL byte, a name too long for the system
        shown = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in name[:120])
        raise InputError(
            [Problem("$", title, f"tên tệp “{shown}” không dùng được (ký tự điều khiển hoặc quá dài)")]
        ) from None
    if not path.is_relative_to(base.resolve()):
        raise InputError([Problem("$", title, f"tệp “{name}” phải nằm trong thư mục của đảng bộ")])
    return path


@runtime_checkable
class Source(Protocol):
    """What the planner reads a đảng bộ from: ``FolderSource`` here, ``generator.workbook.WorkbookSource``.

    ``documents(ma)`` gives one organisation's ``xep_loai``, ``bieu_diem`` and ``bao_cao`` (each a
    document or None) and ``problems`` (``SourceProblem``: where, reason, who) met while reading them;
    ``locate`` turns a JSON path into a place a clerk can fix, or None when the path says it already."""

    origin: str  # the file a run names in its manifest and its errors
    header: dict  # the đảng bộ's fields, without its organisations
    organisations: list  # each organisation's fields, without its documents
    notices: list[str]  # warnings about what was read (a date shown month first)

    def document_count(self) -> int: ...

    def documents(self, ma: str) -> dict: ...

    def locate(self, ma: str, kind: str, path: str) -> str | None: ...

    def close(self) -> None: ...

    def __enter__(self) -> Source: ...

    def __exit__(self, *exc) -> None: ...


KIND_TITLES = {
    "xep_loai": "Danh sách xếp loại đảng viên",
    "bieu_diem": "Biểu điểm tự chấm",
    "bao_cao": "Báo cáo kiểm điểm tập thể",
}  # as schemas/dang-bo.schema.json titles them


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):  # reading it names what is wrong
        return False


class FolderSource:
    """A ``dang-bo`` document (a file, or a folder holding dang-bo.yaml) and the files it names."""

    def __init__(self, path: str | Path):
        path = Path(path)
        if _is_dir(path):
            found = [path / n for n in HEADER_NAMES if (path / n).is_file()]
            if not found:
                raise InputError(
                    [Problem("$", "Tệp đảng bộ", f"thư mục {path} không có tệp {' hoặc '.join(HEADER_NAMES)}")]
                )
            path = found[0]
        self.origin = str(path)
        self.base = path.resolve().parent
        document = load_document(path)
        if not isinstance(document, dict) or not isinstance(document.get("to_chuc"), list):
            raise InputError([Problem("$.to_chuc", "Tổ chức đảng", "tệp đảng bộ cần danh sách “to_chuc”")])
        self._entries = {
            o.get("ma"): o for o in document["to_chuc"] if isinstance(o, dict) and isinstance(o.get("ma"), str)
        }
        self._index = {
            o["ma"]: i
            for i, o in enumerate(document["to_chuc"])
            if isinstance(o, dict) and isinstance(o.get("ma"), str)
        }
        self.header = {k: v for k, v in document.items() if k != "to_chuc"}
        self.organisations = [
            {k: v for k, v in o.items() if k not in DOCUMENT_KINDS} if isinstance(o, dict) else o
            for o in document["to_chuc"]
        ]
        self._files: dict[tuple[str, str], str] = {}  # (ma, kind or kind[i]) → file, for locate
        self.notices: list[str] = []  # a workbook's warnings (workbook/date_formats); none for files

    def document_count(self) -> int:
        """About how many documents the run will print (members, biểu điểm, reports), for the progress
        bar: each list file is read for its length only; one that cannot be read counts nothing here."""
        count = 0
        for entry in self._entries.values():
            count += ("bieu_diem" in entry) + ("bao_cao" in entry)
            group = entry.get("xep_loai")
            if isinstance(group, str):
                try:
                    group = load_document(_inside(self.base, group, "Tệp văn bản"))
                except InputError:
                    continue
            members = group.get("dang_vien") if isinstance(group, dict) else None
            count += len(members) if isinstance(members, list) else 0
        return count

    def documents(self, ma: str) -> dict:
        entry = self._entries[ma]
        out: dict = {"problems": []}
        for kind in DOCUMENT_KINDS:
            out[kind] = None
            if kind not in entry:
                continue
            try:
                out[kind] = self._document(ma, kind, entry[kind], out["problems"])
            except InputError as error:
                where = self._files.get((ma, kind), f"{Path(self.origin).name}: tổ chức “{ma}”, {kind}")
                out["problems"] += [SourceProblem(where, str(p)) for p in error.problems]
        return out

    def _document(self, ma: str, kind: str, value, problems: list) -> dict:
        if isinstance(value, dict):
            return value
        if not isinstance(value, str):
            raise InputError(
                [
                    Problem(
                        f"$.to_chuc[{self._index[ma]}].{kind}",
                        KIND_TITLES[kind],
                        "phải là tên tệp (.json/.yaml) trong thư mục của đảng bộ, hoặc chính văn bản",
                    )
                ]
            )
        path = _inside(self.base, value, "Tệp văn bản")
        self._files[(ma, kind)] = str(path.relative_to(self.base))
        document = load_document(path)
        if kind == "xep_loai" and isinstance(document, dict) and isinstance(document.get("dang_vien"), list):
            document["dang_vien"] = self._members(ma, path, document["dang_vien"], problems)
        return document

    def _members(self, ma: str, path: Path, entries: list, problems: list) -> list:
        """Embed each member's file; a member whose file is missing or unreadable is reported and left out."""
        kept = []
        for i, entry in enumerate(entries):
            name = entry.get("ban_kiem_diem") if isinstance(entry, dict) else None
            if isinstance(name, str):
                where = f"{self._files[(ma, 'xep_loai')]}: $.dang_vien[{i}].ban_kiem_diem"
                try:
                    member = _inside(path.parent, name, "Bản tự kiểm điểm")
                    if not member.is_relative_to(self.base.resolve()):
                        raise InputError(
                            [Problem("$", "Bản tự kiểm điểm", f"tệp “{name}” phải nằm trong thư mục của đảng bộ")]
                        )
                    entry = {**entry, "ban_kiem_diem": load_document(member)}
                except InputError as error:
                    who = entry.get("ho_ten") if isinstance(entry.get("ho_ten"), str) else ""
                    problems += [SourceProblem(where, f"“{name}”: {p.reason}", who) for p in error.problems]
                    continue
                self._files[(ma, f"member{len(kept)}")] = str(member.relative_to(self.base.resolve()))
            if len(kept) != i:  # an earlier member was left out: remember where this one was
                self._files[(ma, f"entry{len(kept)}")] = str(i)
            kept.append(entry)
        return kept

    def locate(self, ma: str, kind: str, path: str) -> str | None:
        if kind == "to_chuc":
            return None  # the JSON path into dang-bo.yaml says it already
        file = self._files.get((ma, kind))
        if kind == "xep_loai" and path.startswith("$.dang_vien["):
            index, _, rest = path[len("$.dang_vien[") :].partition("]")
            member = self._files.get((ma, f"member{index}"))
            if member and rest.startswith(".ban_kiem_diem"):
                return f"{member}: ${rest[len('.ban_kiem_diem') :]}"
            original = self._files.get((ma, f"entry{index}"), index)
            return f"{file}: $.dang_vien[{original}]{rest}"
        return f"{file}: {path}" if file else f"{Path(self.origin).name}: tổ chức “{ma}”, {kind} {path}"

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def open_source(path: str | Path) -> Source:
    """A workbook (.xlsx) or a folder/file of JSON/YAML; raises ``InputError`` when unusable."""
    path = Path(path)
    if not path.exists():
        raise InputError([Problem("$", "Tệp đầu vào", f"không tìm thấy {path}")])
    if path.suffix.lower() == ".xlsx":
        from ..workbook import open_workbook

        return open_workbook(path)
    return FolderSource(path)
