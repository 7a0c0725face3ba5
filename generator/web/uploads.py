"""Uploaded files, checked before anything parses them.

An .xlsx (or a filled .docx) is a ZIP: a few kilobytes can inflate to gigabytes inside openpyxl;
``generator.inputfile.check_archive`` refuses it first, as for a file named on the command line. An uploaded file's own name is never used
on disk.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from ..errors import InputError, Problem
from ..inputfile import UnsafeFile, check_archive
from ..load import MAX_BYTES, parse

MAX_UPLOAD = 20 * 1024 * 1024  # bytes of one request (Flask MAX_CONTENT_LENGTH)

#: A file the app will not open; the message is for the user, in Vietnamese. The same checks
#: as for a file named on the command line (``generator.inputfile.check_archive``).
UploadRefused = UnsafeFile


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
    path = relative_name(filename, "tệp kèm theo")
    return path if path.suffix.lower() in DOCUMENT_SUFFIXES else None


def relative_name(filename: str | None, what: str) -> PurePosixPath:
    """A name sent by the browser (or inside an uploaded ZIP) as a relative path, or ``UploadRefused``
    for one that reaches out of its folder (absolute, "..", a drive, a backslash, control characters)."""
    name = filename or ""
    parts = name.split("/")
    if not name or name.startswith("/") or _BAD_NAME.search(name) or any(p in ("", ".", "..") for p in parts):
        raise UploadRefused(f"tên {what} “{name[:120]}” không hợp lệ (chỉ nhận tệp trong thư mục đã chọn)")
    if len(parts) > 8 or any(len(p) > 120 for p in parts):
        raise UploadRefused(f"tên {what} “{name[:120]}” quá dài hoặc quá sâu")
    return PurePosixPath(*parts)


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
