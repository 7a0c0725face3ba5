"""Where the record is: ``--history PATH|URL``, else ``$KIEMDIEM_HISTORY``, else the user's data folder
(``$XDG_DATA_HOME/kiemdiem/history.sqlite``, by default ``~/.local/share/kiemdiem/``). ``--no-history``:
nowhere. Nothing here imports SQLAlchemy."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

ENV = "KIEMDIEM_HISTORY"
FILE_NAME = "history.sqlite"
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_PASSWORD = re.compile(r"^([^:/]+://[^:/@]*:)([^@]*)@")


@dataclass(frozen=True)
class Target:
    """A database to open: its SQLAlchemy URL, the SQLite file when it is one (created 0600 in a 0700
    folder), and how messages name it (the path, or the URL with its password hidden)."""

    url: str
    path: Path | None
    shown: str

    @property
    def sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    def exists(self) -> bool:
        """Whether there is a record to read: a SQLite file not made yet is none, and reading must not make
        it; a server's database is asked when it is opened."""
        return self.path is None or self.path.exists()


def default_path() -> Path:
    """``$XDG_DATA_HOME/kiemdiem/history.sqlite``; a relative or empty XDG_DATA_HOME is ignored, as the
    XDG specification says."""
    base = os.environ.get("XDG_DATA_HOME") or ""
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".local" / "share"
    return root / "kiemdiem" / FILE_NAME


def hide_password(url: str) -> str:
    return _PASSWORD.sub(lambda m: m[1] + "***@", url)


def from_text(text: str) -> Target:
    """A path or an SQLAlchemy URL as typed. ``postgresql://`` and ``postgres://`` use psycopg 3 (the
    ``postgres`` extra), the driver kiemdiem installs."""
    text = text.strip()
    if not _URL.match(text):
        path = Path(text).expanduser().absolute()
        return Target(f"sqlite:///{path}", path, str(path))
    scheme, rest = text.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        text = f"postgresql+psycopg://{rest}"
    if scheme.startswith("sqlite"):
        name = rest[1:].split("?", 1)[0] if rest.startswith("/") else ""
        path = Path(name).expanduser().absolute() if name and name != ":memory:" else None
        return Target(text, path, str(path) if path else text)
    return Target(text, None, hide_password(text))


def resolve(option: str | None = None, disabled: bool = False) -> Target | None:
    """The record a command writes to and reads from (None with ``--no-history``)."""
    if disabled:
        return None
    text = option if option is not None and option.strip() else os.environ.get(ENV, "").strip()
    return from_text(text) if text else from_text(str(default_path()))
