"""Step 6 — write outputs atomically: a reader never sees half a file.

Each file is written to a temporary name in the target folder, flushed, then
renamed over the target; on any error the temporary file is removed. The file
gets the permissions a plain ``open()`` would give (mkstemp's 0600 would hide a
document from colleagues on a shared folder).
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from .errors import InputError, Problem


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _refused(path: Path, reason: str) -> InputError:
    text = str(path) if len(str(path)) <= 160 else str(path)[:80] + "…" + str(path)[-60:]
    return InputError([Problem("-o", "Tệp kết quả", f"“{text}” {reason}")])


def check_target(path: str | Path) -> Path:
    """A file can be written at ``path``: not a folder, its folder can be made, the name is not too
    long. Raises ``InputError`` (exit 2) naming the path, before anything is written."""
    path = Path(path)
    try:
        if path.is_dir():
            raise _refused(
                path, "là một thư mục; hãy ghi tên tệp, ví dụ " + str(path / ("ket-qua" + (path.suffix or ".docx")))
            )
        if path.exists() and not path.is_file():
            raise _refused(path, "không phải tệp thông thường; không ghi đè")
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise _refused(path, "nằm trong một tệp, không phải thư mục") from None
    except PermissionError:
        raise _refused(path, "không có quyền ghi vào thư mục này") from None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise _refused(path, "có tên quá dài") from None
        raise _refused(path, f"không ghi được: {exc.strerror or exc}") from None
    if len(path.name.encode()) > 200:  # room for the temporary name beside it
        raise _refused(path, "có tên quá dài")
    return path


def write_atomic(path: str | Path, data: bytes, durable: bool = True) -> Path:
    """``durable=False`` skips the fsync: still never half a file for a reader, but a power
    cut may lose the newest files (a bulk run re-checks every file's hash when resumed)."""
    with open_atomic(path, durable) as handle:
        handle.write(data)
    return Path(path)


@contextlib.contextmanager
def open_atomic(path: str | Path, durable: bool = True):
    """A binary handle whose file appears at ``path`` whole when the block ends (and not at all
    if it raises): for a file written piece by piece, too big to hold in memory."""
    with atomic_path(path, durable=False) as tmp, open(tmp, "wb") as handle:
        yield handle
        handle.flush()
        if durable:
            os.fsync(handle.fileno())


@contextlib.contextmanager
def atomic_path(path: str | Path, durable: bool = True):
    """A temporary name beside ``path``, ending as it does, that becomes ``path`` when the block
    ends and is removed if it raises: for a library that writes a file by its name (openpyxl) and
    for a file that is read back and checked before anyone may see it."""
    path = check_target(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp" + path.suffix, dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        if durable:
            with open(tmp, "rb") as written:
                os.fsync(written.fileno())
        os.chmod(tmp, _default_mode())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_all(outputs: dict[Path, bytes]) -> list[Path]:
    """Write several rendered files; all were rendered in memory before any is written."""
    return [write_atomic(path, data) for path, data in outputs.items()]
