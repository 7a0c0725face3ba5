"""Uploaded files, checked before anything parses them.

An .xlsx (or a filled .docx) is a ZIP: a few kilobytes can inflate to gigabytes inside openpyxl. The
central directory is read first (entry count and declared sizes; Python's zipfile
never returns more than an entry declares), and a workbook that would be too big
is refused with a Vietnamese reason. An uploaded file's own name is never used
on disk.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePosixPath

from ..errors import InputError, Problem
from ..load import MAX_BYTES, parse

MAX_UPLOAD = 20 * 1024 * 1024  # bytes of one request (Flask MAX_CONTENT_LENGTH)
MAX_XLSX_ENTRIES = 2_000
MAX_XLSX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_XLSX_RATIO = 200  # uncompressed / compressed of one entry; real sheets and documents stay well under 100


class UploadRefused(ValueError):
    """A file the app will not open; the message is for the user, in Vietnamese."""


def check_archive(data: bytes, required: str, kind: str) -> None:
    """Refuse a ZIP-based file (an .xlsx, a .docx) that is not plausible before a parser touches it:
    too many entries, too big once inflated, an entry inflating at a bomb's ratio, or not ``kind`` at all."""
    if not data:
        raise UploadRefused(f"tệp rỗng; hãy chọn {kind}")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UploadRefused(f"tệp không phải {kind} (không đọc được cấu trúc tệp)") from None
    if len(entries) > MAX_XLSX_ENTRIES:
        raise UploadRefused(f"tệp có {len(entries)} phần bên trong, tối đa {MAX_XLSX_ENTRIES}: có thể là tệp nén độc hại")
    total = sum(e.file_size for e in entries)
    if total > MAX_XLSX_UNCOMPRESSED:
        raise UploadRefused(f"tệp khi giải nén lớn {total // (1024 * 1024)} MB, tối đa "
                            f"{MAX_XLSX_UNCOMPRESSED // (1024 * 1024)} MB: có thể là tệp nén độc hại")
    for entry in entries:
        if entry.file_size > 1024 * 1024 and entry.file_size > MAX_XLSX_RATIO * max(entry.compress_size, 1):
            raise UploadRefused(f"phần «{entry.filename[:80]}» của tệp nén với tỷ lệ bất thường "
                                f"({entry.file_size // max(entry.compress_size, 1)}:1): có thể là tệp nén độc hại")
    if required not in {e.filename for e in entries}:
        raise UploadRefused(f"tệp nén không phải {kind} (thiếu {required})")


def check_workbook(data: bytes) -> None:
    """An uploaded đảng bộ workbook, before openpyxl opens it."""
    check_archive(data, "xl/workbook.xml", "sổ Excel .xlsx")


DOCUMENT_SUFFIXES = {".json", ".yaml", ".yml"}
MAX_ATTACHMENTS = 2_000
_BAD_NAME = re.compile(r"[\x00-\x1f\x7f\\:]")


def attachment_path(filename: str | None) -> PurePosixPath | None:
    """Where a file sent with the workbook goes, relative to the workbook's folder.

    A folder chosen in the browser arrives as "dang-bo-2025/bao-cao.yaml", the way the
    workbook's cells name it. Only JSON/YAML files are kept (``None`` for the rest of the
    folder); an absolute name, "..", a drive or a backslash is an attempt to write
    elsewhere and refuses the whole upload."""
    name = filename or ""
    parts = name.split("/")
    if not name or name.startswith("/") or _BAD_NAME.search(name) or any(p in ("", ".", "..") for p in parts):
        raise UploadRefused(f"tên tệp kèm theo «{name[:120]}» không hợp lệ (chỉ nhận tệp trong thư mục đã chọn)")
    if len(parts) > 8 or any(len(p) > 120 for p in parts):
        raise UploadRefused(f"tên tệp kèm theo «{name[:120]}» quá dài hoặc quá sâu")
    path = PurePosixPath(*parts)
    return path if path.suffix.lower() in DOCUMENT_SUFFIXES else None


def document_suffix(filename: str | None) -> str:
    """The parser to use for a saved document: by the name's ending, JSON by default."""
    name = (filename or "").lower()
    return next((s for s in DOCUMENT_SUFFIXES if name.endswith(s)), ".json")


def read_document(upload, title: str) -> dict:
    """A JSON/YAML file sent from a page (a saved document, a blank's prefill), parsed by its
    name's ending like ``load_document`` reads a file; ``InputError`` names it by ``title``."""
    raw = upload.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise InputError([Problem("$", title, f"tệp quá lớn (tối đa {MAX_BYTES} byte)")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError([Problem("$", title, "tệp không phải văn bản UTF-8")]) from None
    document = parse(text, document_suffix(upload.filename))
    if not isinstance(document, dict):
        raise InputError([Problem("$", title, "tệp không chứa một văn bản (đối tượng JSON/YAML)")])
    return document
