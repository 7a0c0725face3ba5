"""Step 6 — write outputs atomically: a reader never sees half a file.

Each file is written to a temporary name in the target folder, flushed, then
renamed over the target; on any error the temporary file is removed. The file
gets the permissions a plain ``open()`` would give (mkstemp's 0600 would hide a
document from colleagues on a shared folder).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: str | Path, data: bytes, durable: bool = True) -> Path:
    """``durable=False`` skips the fsync: still never half a file for a reader, but a power
    cut may lose the newest files (a bulk run re-checks every file's hash when resumed)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(tmp, _default_mode())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_all(outputs: dict[Path, bytes]) -> list[Path]:
    """Write several rendered files; all were rendered in memory before any is written."""
    return [write_atomic(path, data) for path, data in outputs.items()]
