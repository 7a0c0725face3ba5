"""Every file a user names is opened here: regular files only, never read past a limit.

A FIFO or a device given as a document would hang the command or fill memory (a
symlink to /dev/zero never ends), so a path is opened without blocking, checked to be
a regular file on the open descriptor (no race with a swapped path), and read up to
its kind's limit. A ZIP-based file (.xlsx, .docx) is checked before a parser touches
it: a few kilobytes can inflate to gigabytes, and an XML part with a DTD can expand
entities; both are refused with a Vietnamese reason. Python's zipfile never returns
more than an entry declares, so checking the declared sizes bounds what is read.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import zipfile
from pathlib import Path

from .errors import InputError, Problem

KB, MB = 1024, 1024 * 1024

#: The most bytes read of each kind of input (a document's own limit of 200,000 characters
#: of text is checked by validation; these bound the file before it is parsed).
LIMITS = {
    "document": 5 * MB,  # JSON/YAML: about 25 times the 200,000 characters a document may hold
    "profile": 1 * MB,  # a committee's regulation profile or wage table
    "workbook": 200 * MB,  # a đảng bộ's .xlsx of tens of thousands of members
    "blank": 50 * MB,  # a filled PDF/DOCX blank or ballot
    "template": 20 * MB,  # a committee's own DOCX/HTML template
}

MAX_ENTRIES = 2_000
MAX_UNCOMPRESSED = 400 * MB  # all parts of one archive, once inflated
MAX_PART = 150 * MB  # one part (a sheet, sharedStrings.xml, document.xml) once inflated
MAX_RATIO = 200  # inflated / compressed size of one part; real sheets stay well under 100
MAX_PROLOG = 64 * KB  # bytes before an XML part's root element


class UnsafeFile(ValueError):
    """A file that will not be opened; the message is for the user, in Vietnamese."""


def _refused(title: str, path, reason: str) -> InputError:
    return InputError([Problem("$", title, f"{reason} ({_shown(path)})")])


def _shown(path) -> str:
    text = str(path)
    return text if len(text) <= 160 else text[:80] + "…" + text[-60:]


def read_bytes(path: str | Path, title: str, kind: str = "document") -> bytes:
    """The bytes of the regular file at ``path`` (symlinks followed), at most ``LIMITS[kind]``;
    anything else is an ``InputError`` naming ``title`` and the path."""
    limit = LIMITS[kind]
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise _refused(title, path, "không tìm thấy tệp") from None
    except IsADirectoryError:
        raise _refused(title, path, "đây là thư mục, không phải tệp") from None
    except PermissionError:
        raise _refused(title, path, "không có quyền đọc tệp") from None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise _refused(title, path, "tên tệp quá dài") from None
        if exc.errno == errno.ELOOP:
            raise _refused(title, path, "liên kết tượng trưng vòng quanh") from None
        raise _refused(title, path, f"không mở được tệp: {exc.strerror or exc}") from None
    except (ValueError, TypeError):
        raise _refused(title, path, "tên tệp không hợp lệ") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _refused(title, path, "đây là thư mục, không phải tệp")
        if not stat.S_ISREG(info.st_mode):
            raise _refused(title, path, "không phải tệp thông thường (ống dẫn, thiết bị hay socket): không đọc")
        if info.st_size > limit:
            raise _refused(title, path, f"tệp quá lớn ({_size(info.st_size)}; tối đa {_size(limit)})")
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(MB, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # the file grew while being read
                raise _refused(title, path, f"tệp quá lớn (hơn {_size(limit)})")
        return b"".join(chunks)
    except OSError as exc:
        raise _refused(title, path, f"không đọc được tệp: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def _size(n: int) -> str:
    return f"{n // MB} MB" if n >= MB else f"{n} byte"


def check_archive(data: bytes, required: str, kind: str) -> None:
    """Refuse a ZIP-based file (``kind``: "sổ Excel .xlsx", "tệp DOCX") that is not plausible before a
    parser touches it: not a ZIP, too many entries, too big once inflated, a part inflating at a bomb's
    ratio, an XML part with a DTD (entities), or no ``required`` part (``None``: a plain ZIP of files,
    such as the filled ballots sent from the web page). Raises ``UnsafeFile``."""
    if not data:
        raise UnsafeFile(f"tệp rỗng; hãy chọn {kind}")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise UnsafeFile(f"tệp không phải {kind} (không đọc được cấu trúc tệp)") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise UnsafeFile(f"tệp có {len(entries)} phần bên trong, tối đa {MAX_ENTRIES}: có thể là tệp nén độc hại")
        total = sum(e.file_size for e in entries)
        if total > MAX_UNCOMPRESSED:
            raise UnsafeFile(
                f"tệp khi giải nén lớn {total // MB} MB, tối đa {MAX_UNCOMPRESSED // MB} MB: có thể là tệp nén độc hại"
            )
        for entry in entries:
            name = entry.filename[:80]
            if entry.file_size > MAX_PART:
                raise UnsafeFile(
                    f"phần “{name}” của tệp khi giải nén lớn {entry.file_size // MB} MB, tối đa {MAX_PART // MB} MB"
                )
            if entry.file_size > MB and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
                raise UnsafeFile(
                    f"phần “{name}” của tệp nén với tỷ lệ bất thường "
                    f"({entry.file_size // max(entry.compress_size, 1)}:1): có thể là tệp nén độc hại"
                )
        if required is not None and required not in {e.filename for e in entries}:
            raise UnsafeFile(f"tệp nén không phải {kind} (thiếu {required})")
        for entry in entries:
            if entry.filename.lower().endswith((".xml", ".rels", ".vml")):
                _refuse_dtd(archive, entry, kind)


def _refuse_dtd(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, kind: str) -> None:
    """OOXML never has a DTD; one in a part can declare entities (XXE, billion laughs)."""
    try:
        with archive.open(entry) as part:
            head = part.read(MAX_PROLOG)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise UnsafeFile(f"phần “{entry.filename[:80]}” của {kind} hỏng ({type(exc).__name__})") from None
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        head = head.decode("utf-16", "replace").encode("utf-8", "replace")
    if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
        raise UnsafeFile(
            f"phần “{entry.filename[:80]}” của {kind} khai báo DTD/thực thể XML: tệp Office thật không có, không đọc"
        )


def read_archive(path: str | Path, title: str, kind_key: str, required: str, kind: str) -> bytes:
    """A ZIP-based file from disk, read within limits and checked by ``check_archive``."""
    data = read_bytes(path, title, kind_key)
    try:
        check_archive(data, required, kind)
    except UnsafeFile as exc:
        raise _refused(title, path, str(exc)) from None
    return data
