"""``kiemdiem import FOLDER --workbook``: a folder of filled bản tự kiểm điểm into one đảng bộ workbook.

A chi bộ secretary collects the members' filled PDF/DOCX by e-mail or Zalo; the Ban Tổ chức
clerk wants them in the workbook ``kiemdiem bulk`` prints from, not retyped. Each file is read
with the same reader as ``kiemdiem import`` and checked the same way; the members are grouped
by their chi bộ into the organisations of a ``dang-bo`` document whose header (regime, year,
đảng bộ, place, date) comes from the records themselves. A record that does not belong (another
regime, profile, year or đảng bộ, a file read twice) is reported and left out, never mixed in:
the votes and the quota would be judged under the wrong rules. What only the chi bộ meeting or
the clerk knows (votes, meeting date, upper committee, the tree of đảng bộ cơ sở) stays empty.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..compose import MEMBER_FORM
from ..errors import InputError, Problem
from ..filenames import slug
from ..inputfile import read_bytes
from ..schema import load_schema, title_at
from ..validate import DEFAULT_REGIME
from ..workbook.columns import header_key

SUFFIXES = (".pdf", ".docx")
# Typed once on the workbook's “Đảng bộ” sheet or its organisation row: never kept on the member.
SHARED = ("form", "regime", "profile", "nam", "dang_bo", "chi_bo", "dia_danh", "ngay_lap")
# One workbook is one đảng bộ, one year, one set of rules: records must agree on these.
AGREE = ("regime", "profile", "nam", "dang_bo")


@dataclass
class Record:
    """One filled form read back: its file name and its document (valid, classified)."""

    name: str
    document: dict


@dataclass
class FolderImport:
    """What a folder gave: the dang-bo document (None when nothing was usable), the files
    imported, and each file skipped with its problems."""

    document: dict | None = None
    imported: list[str] = field(default_factory=list)
    skipped: list[tuple[str, list[Problem]]] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)  # the records' ngay_lap, to say which one the header took


def filled_files(folder: Path) -> list[Path]:
    """The folder's .pdf and .docx files, sorted by name (not its subfolders: one folder, one đảng bộ)."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)


def read_record(path: Path, profile: str | None = None) -> dict:
    """A filled bản tự kiểm điểm as ``kiemdiem import`` reads it: read, validated, classified."""
    from ..pipeline import prepare
    from .reading import read_blank

    document = read_blank(read_bytes(path, "Tệp", "blank"))
    if document.get("form") != MEMBER_FORM:
        raise InputError(
            [Problem("$.form", "Loại văn bản", f"là “{document.get('form')}”; sổ Excel chỉ nhận bản tự kiểm điểm")]
        )
    return prepare(document, profile).document


def _title(*path) -> str:
    return title_at(load_schema(MEMBER_FORM), list(path))


def _stated(document: dict, key: str):
    if key == "regime":
        return document.get("regime", DEFAULT_REGIME)
    if key == "dang_bo":
        return header_key(document.get("dang_bo", ""))
    return document.get(key)


def _shown(document: dict, key: str) -> str:
    value = document.get(key, DEFAULT_REGIME if key == "regime" else None)
    return "không ghi" if value is None else str(value)


def _foreign(records: list[Record]) -> tuple[list[Record], list[tuple[str, list[Problem]]]]:
    """Keep the records of the đảng bộ, year and rules most of them state (the first file's on a tie);
    each other record is skipped with the fields that differ."""
    signatures = [tuple(_stated(r.document, key) for key in AGREE) for r in records]
    chosen = Counter(signatures).most_common(1)[0][0]  # on a tie, the one met first
    reference = records[signatures.index(chosen)]
    kept, skipped = [], []
    for record in records:
        differ = [
            Problem(
                f"$.{key}",
                _title(key),
                f"“{_shown(record.document, key)}”, khác các bản còn lại "
                f"(“{_shown(reference.document, key)}”, tệp {reference.name}): không gộp vào cùng một sổ",
            )
            for key in AGREE
            if _stated(record.document, key) != _stated(reference.document, key)
        ]
        (skipped.append((record.name, differ)) if differ else kept.append(record))
    return kept, skipped


def _member(document: dict) -> dict:
    return {key: value for key, value in document.items() if key not in SHARED}


def _person(document: dict) -> tuple:
    person = document.get("dang_vien", {})
    return header_key(person.get("ho_ten", "")), person.get("ngay_sinh")


def _organisations(records: list[Record]) -> tuple[list[dict], list[tuple[str, list[Problem]]]]:
    """One chi bộ per distinct ``chi_bo`` (first spelling kept), in the order first met; the same
    member (name and birth date) twice in one chi bộ is skipped the second time."""
    by_name: dict[str, dict] = {}
    seen: dict[tuple, str] = {}
    codes: set[str] = set()
    skipped = []
    for record in records:
        name = " ".join(record.document["chi_bo"].split())
        key = header_key(name)  # chi bộ names compared as the workbook compares its headers
        org = by_name.get(key)
        if org is None:
            code, n = slug(name, "chi-bo"), 1
            while code in codes:
                n += 1
                code = f"{slug(name, 'chi-bo')}-{n}"
            codes.add(code)
            org = by_name[key] = {
                "ma": code,
                "ten": name,
                "loai_to_chuc": "chi_bo_truc_thuoc",
                "xep_loai": {"dang_vien": []},
            }
        person = (key,) + _person(record.document)
        if person in seen:
            skipped.append(
                (
                    record.name,
                    [
                        Problem(
                            "$.dang_vien.ho_ten",
                            _title("dang_vien", "ho_ten"),
                            f"đồng chí {record.document['dang_vien']['ho_ten']} ({name}) đã có ở tệp {seen[person]}",
                        )
                    ],
                )
            )
            continue
        seen[person] = record.name
        org["xep_loai"]["dang_vien"].append({"ban_kiem_diem": _member(record.document)})
    return list(by_name.values()), skipped


def _header(records: list[Record]) -> dict:
    """The đảng bộ's header from its records: the agreed rules, year and name; the place most of them
    write; the latest of their dates (the summary documents come after the members' reviews)."""
    first = records[0].document
    header = {
        "form": "dang-bo",
        "regime": first.get("regime", DEFAULT_REGIME),
        "nam": first["nam"],
        "dang_bo": " ".join(first["dang_bo"].split()),
        "dia_danh": Counter(r.document["dia_danh"] for r in records).most_common(1)[0][0],
        "ngay_lap": max(dt.date.fromisoformat(r.document["ngay_lap"]) for r in records).isoformat(),
    }
    if first.get("profile"):
        header["profile"] = first["profile"]
    return header


def import_folder(folder: str | Path, profile: str | None = None) -> FolderImport:
    """Read every filled form of ``folder`` into a dang-bo document (``FolderImport.document``),
    listing the files skipped and why. Raises ``InputError`` when the folder cannot be read."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError([Problem("$", "Thư mục", "không tìm thấy thư mục")])
    result = FolderImport()
    records, files = [], filled_files(folder)
    for path in files:
        try:
            records.append(Record(path.name, read_record(path, profile)))
        except InputError as error:
            result.skipped.append((path.name, error.problems))
        except OSError as error:
            result.skipped.append((path.name, [Problem("$", "Tệp", f"không đọc được tệp ({error.strerror or error})")]))
    if not records:
        return _in_file_order(result, files)
    records, foreign = _foreign(records)
    result.skipped += foreign
    organisations, twice = _organisations(records)
    result.skipped += twice
    twice_names = {name for name, _ in twice}
    records = [r for r in records if r.name not in twice_names]
    result.imported = [r.name for r in records]
    result.dates = sorted({r.document["ngay_lap"] for r in records})
    result.document = {**_header(records), "to_chuc": organisations}
    return _in_file_order(result, files)


def _in_file_order(result: FolderImport, files: list[Path]) -> FolderImport:
    order = {path.name: i for i, path in enumerate(files)}
    result.skipped.sort(key=lambda item: order.get(item[0], -1))
    return result
