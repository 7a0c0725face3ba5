"""Filled ballots sent from the page (files chosen together, or ZIPs of them) put into one folder for ``tally_folder``.

``kiemdiem tally`` counts a folder; the page builds that folder under the app's working directory.
A name as sent is never a path on disk: the ballots are written 0001.pdf, 0002.docx … in the order
sent (the order ``tally_folder`` reads them) and their own names kept only to be shown. A ZIP is
checked like any archive (``check_archive``: entries, inflated size, bomb ratio) before an entry is
read, and a name reaching out of its folder refuses the whole upload, as for the đảng bộ's
attachments. The same name sent twice (chosen, and inside a ZIP) is counted once and listed.
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from ..blank.folder_import import SUFFIXES
from ..errors import Problem
from ..inputfile import LIMITS, MB, UnsafeFile, check_archive
from .uploads import MAX_ATTACHMENTS, relative_name

MAX_BALLOTS = MAX_ATTACHMENTS  # files of one count, as for a workbook's attachments
FILE_TITLE = "Tệp"


@dataclass
class Collected:
    """What the upload gave: disk name → name as sent; files not counted (with why); files not read at all."""

    shown: dict[str, str] = field(default_factory=dict)
    refused: list[tuple[str, list[Problem]]] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # neither .pdf, .docx nor .zip
    same: list[tuple[str, str]] = field(default_factory=list)  # (file, earlier file) byte for byte equal: counted, said
    _seen: set[str] = field(default_factory=set)
    _digests: dict[str, str] = field(default_factory=dict)


def _is_noise(name: str) -> bool:
    """A Mac's resource-fork copies in a ZIP ("__MACOSX/…", "._phieu.pdf") are not ballots."""
    parts = name.split("/")
    return parts[0] == "__MACOSX" or parts[-1].startswith("._")


def _add(found: Collected, folder: Path, key: str, shown: str, data: bytes) -> None:
    if key in found._seen:
        found.refused.append(
            (shown, [Problem("$", FILE_TITLE, "trùng tên với một tệp đã gửi: mỗi phiếu chỉ đếm một lần")])
        )
        return
    found._seen.add(key)
    if len(data) > LIMITS["blank"]:
        found.refused.append((shown, [Problem("$", FILE_TITLE, f"tệp quá lớn (tối đa {LIMITS['blank'] // MB} MB)")]))
        return
    if len(found.shown) >= MAX_BALLOTS:
        raise UnsafeFile(f"quá {MAX_BALLOTS} phiếu trong một lần đếm")
    digest = hashlib.sha256(data).hexdigest()
    if digest in found._digests:
        found.same.append((shown, found._digests[digest]))
    found._digests.setdefault(digest, shown)
    name = f"{len(found.shown) + 1:04d}{Path(key).suffix.lower()}"
    (folder / name).write_bytes(data)
    found.shown[name] = shown


def _unzip(found: Collected, folder: Path, shown: str, data: bytes) -> None:
    check_archive(data, None, f"tệp ZIP các phiếu “{shown}”")
    with zipfile.ZipFile(BytesIO(data)) as archive:
        for entry in archive.infolist():
            if entry.is_dir() or _is_noise(entry.filename):
                continue
            inner = str(relative_name(entry.filename, "tệp trong ZIP"))
            label = f"{shown} › {inner}"
            if not inner.lower().endswith(SUFFIXES):
                found.ignored.append(label)
            elif entry.file_size > LIMITS["blank"]:
                found.refused.append(
                    (label, [Problem("$", FILE_TITLE, f"tệp quá lớn (tối đa {LIMITS['blank'] // MB} MB)")])
                )
            else:
                _add(found, folder, inner, label, archive.read(entry))


def collect(uploads, folder: Path) -> Collected:
    """Write each ballot of ``uploads`` (werkzeug FileStorage) into ``folder``; ``UnsafeFile`` refuses all."""
    found = Collected()
    for upload in uploads:
        if not upload.filename:  # the browser's empty part when nothing was chosen
            continue
        name = str(relative_name(upload.filename, "tệp phiếu"))
        data = upload.read(LIMITS["blank"] + 1)
        if name.lower().endswith(".zip"):
            _unzip(found, folder, name, data)
        elif name.lower().endswith(SUFFIXES):
            _add(found, folder, name, name, data)
        else:
            found.ignored.append(name)
    return found
