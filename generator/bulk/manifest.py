"""What a bulk run wrote, so a re-run can skip what has not changed and resume what was cut.

Every output is recorded with the hash of everything it was made from (the
document, the format, the profile, kiemdiem's version and its template files).
Entries are appended to a journal as soon as their file is in place; the
manifest is rewritten from the journal at the end. A re-run trusts an output
only when its recorded input hash matches and the file on disk still has the
recorded sha256.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from .. import __version__
from ..resources import templates_dir
from ..write import open_atomic

MANIFEST, JOURNAL, LEDGER = "manifest.json", ".kiemdiem-journal.jsonl", ".kiemdiem-ledger.sqlite"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str | None:
    try:
        return sha256(path.read_bytes())
    except OSError:
        return None


def template_digest(form: str) -> str:
    digest = hashlib.sha256(__version__.encode())
    for folder in (templates_dir() / "_shared", templates_dir() / form):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _profile_digest(profile: str | None) -> str:
    if profile and Path(profile).is_file():
        return sha256(Path(profile).read_bytes())
    return profile or ""


class InputHasher:
    """The hash of everything an output is made from. Template and profile files are read once
    per run (not once per process: a long-lived process may run again after they were edited);
    ``own_templates`` are the profile's own templates by form (read and checked by the runner)."""

    def __init__(self, profile: str | None, own_templates: dict[str, dict] | None = None):
        self.profile, self.own_templates = profile, own_templates or {}
        self._sources: dict[tuple[str, str], str] = {}

    def __call__(self, form: str, document: dict, fmt: str) -> str:
        if (form, fmt) not in self._sources:
            own = self.own_templates.get(form, {}).get(fmt)  # the committee's template of this format, if any
            self._sources[form, fmt] = "\0".join(
                [_profile_digest(self.profile), sha256(own.data) if own else "", template_digest(form)]
            )
        canonical = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
        return sha256("\0".join([form, fmt, self._sources[form, fmt], canonical]).encode())


class Ledger:
    """Outputs known from an earlier run plus those written by this one.

    A run of 10,000 members has 20,000 entries: they live in a temporary SQLite
    file beside the journal, not in memory, so the parent process stays the same
    size whatever the đảng bộ."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        out_dir.mkdir(parents=True, exist_ok=True)
        self._db_path = out_dir / LEDGER
        self._db_path.unlink(missing_ok=True)
        self._db = sqlite3.connect(self._db_path)
        self._db.execute("create table previous (path text primary key, entry text)")
        self._db.execute("create table current (path text primary key, entry text)")
        self._db.executemany("insert or replace into previous values (?, ?)", _manifest_entries(out_dir / MANIFEST))
        self._db.executemany("insert or replace into previous values (?, ?)", _journal_entries(out_dir / JOURNAL))
        self._journal = (out_dir / JOURNAL).open("a", encoding="utf-8")

    def unchanged(self, path: str, digest: str) -> str | None:
        """The earlier entry for ``path`` if its inputs and its file are unchanged."""
        row = self._db.execute("select entry from previous where path = ?", (path,)).fetchone()
        if row is None:
            return None
        entry = json.loads(row[0])
        if entry.get("input_sha256") == digest and file_sha256(self.out_dir / path) == entry.get("sha256"):
            return row[0]
        return None

    def keep(self, entry: dict | str) -> None:
        """An output that stays (unchanged, or printed afresh without a journal line)."""
        text = entry if isinstance(entry, str) else json.dumps(entry, ensure_ascii=False)
        path = json.loads(text)["path"] if isinstance(entry, str) else entry["path"]
        self._db.execute("insert or replace into current values (?, ?)", (path, text))

    def current(self, path: str) -> dict | None:
        """This run's entry for ``path`` (printed now or kept), if any."""
        row = self._db.execute("select entry from current where path = ?", (path,)).fetchone()
        return json.loads(row[0]) if row else None

    def record(self, entry: dict) -> None:
        """An output now on disk: keep it and journal it at once."""
        text = json.dumps(entry, ensure_ascii=False)
        self._db.execute("insert or replace into current values (?, ?)", (entry["path"], text))
        self._journal.write(text + "\n")

    def flush(self) -> None:
        self._journal.flush()

    def paths(self) -> list[str]:
        return [path for (path,) in self._db.execute("select path from current order by path")]

    def finish(self, extra: dict) -> Path:
        """Write manifest.json (entries sorted by path, one per line) and drop the journal."""
        self._journal.close()
        head = json.dumps({"kiemdiem": __version__, **extra}, ensure_ascii=False, indent=1)
        target = self.out_dir / MANIFEST
        with open_atomic(target) as out:
            out.write((head[:-2] + ',\n "outputs": [\n').encode("utf-8"))
            for i, (text,) in enumerate(self._db.execute("select entry from current order by path")):
                out.write(((",\n" if i else "") + text).encode("utf-8"))
            out.write(b"\n ]\n}\n")
        (self.out_dir / JOURNAL).unlink(missing_ok=True)
        self._close()
        return target

    def abandon(self) -> None:
        """Interrupted: the journal stays for the next run."""
        self._journal.close()
        self._close()

    def _close(self) -> None:
        self._db.close()
        self._db_path.unlink(missing_ok=True)


def _manifest_entries(path: Path):
    """(path, entry) of an earlier manifest, read line by line (kiemdiem writes one entry a line)."""
    if not path.is_file():
        return
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            line = line.strip().rstrip(",")
            if line.startswith('{"path"'):
                try:
                    yield json.loads(line)["path"], line
                except (ValueError, KeyError, TypeError):
                    continue


def _journal_entries(path: Path):
    if not path.is_file():
        return
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            try:
                yield json.loads(line)["path"], line.rstrip("\n")
            except (ValueError, KeyError, TypeError):
                continue  # a line cut by an interruption
