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
from functools import cache
from pathlib import Path

from .. import __version__
from ..resources import templates_dir
from ..write import write_atomic

MANIFEST, JOURNAL = "manifest.json", ".kiemdiem-journal.jsonl"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str | None:
    try:
        return sha256(path.read_bytes())
    except OSError:
        return None


@cache
def template_digest(form: str) -> str:
    digest = hashlib.sha256(__version__.encode())
    for folder in (templates_dir() / "_shared", templates_dir() / form):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@cache
def _profile_digest(profile: str | None) -> str:
    if profile and Path(profile).is_file():
        return sha256(Path(profile).read_bytes())
    return profile or ""


def input_hash(form: str, document: dict, fmt: str, profile: str | None) -> str:
    canonical = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    parts = [form, fmt, _profile_digest(profile), template_digest(form), canonical]
    return sha256("\0".join(parts).encode())


class Ledger:
    """Outputs known from an earlier run plus those written by this one.

    Entries are kept as their JSON text: a run of 10,000 members has 20,000 of
    them, and text takes a third of the memory of dicts."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        self.previous: dict[str, str] = {}
        self.current: dict[str, str] = {}
        manifest = out_dir / MANIFEST
        if manifest.is_file():
            try:
                outputs = json.loads(manifest.read_text(encoding="utf-8")).get("outputs", [])
                self.previous = {e["path"]: json.dumps(e, ensure_ascii=False) for e in outputs}
            except (ValueError, KeyError, TypeError, AttributeError):
                self.previous = {}
        journal = out_dir / JOURNAL
        if journal.is_file():
            with journal.open(encoding="utf-8") as lines:
                for line in lines:
                    try:
                        self.previous[json.loads(line)["path"]] = line.rstrip("\n")
                    except (ValueError, KeyError, TypeError):
                        continue  # a line cut by an interruption
        out_dir.mkdir(parents=True, exist_ok=True)
        self._journal = journal.open("a", encoding="utf-8")

    def unchanged(self, path: str, digest: str) -> str | None:
        """The earlier entry for ``path`` if its inputs and its file are unchanged."""
        text = self.previous.get(path)
        if text is None:
            return None
        entry = json.loads(text)
        if entry.get("input_sha256") == digest and file_sha256(self.out_dir / path) == entry.get("sha256"):
            return text
        return None

    def keep(self, entry: dict | str) -> None:
        text = entry if isinstance(entry, str) else json.dumps(entry, ensure_ascii=False)
        self.current[json.loads(text)["path"] if isinstance(entry, str) else entry["path"]] = text

    def record(self, entry: dict) -> None:
        """An output now on disk: keep it and journal it at once."""
        text = json.dumps(entry, ensure_ascii=False)
        self.current[entry["path"]] = text
        self._journal.write(text + "\n")

    def flush(self) -> None:
        self._journal.flush()

    def finish(self, extra: dict) -> Path:
        self._journal.close()
        self.previous.clear()
        head = json.dumps({"kiemdiem": __version__, **extra}, ensure_ascii=False, indent=1)
        body = ",\n".join(self.current[k] for k in sorted(self.current))
        text = head[:-2] + ',\n "outputs": [\n' + body + "\n ]\n}\n"
        path = write_atomic(self.out_dir / MANIFEST, text.encode())
        (self.out_dir / JOURNAL).unlink(missing_ok=True)
        return path

    def abandon(self) -> None:
        """Interrupted: the journal stays for the next run."""
        self._journal.close()
