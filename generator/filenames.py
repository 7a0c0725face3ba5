"""Safe ASCII file names for a tree of documents named after people and committees.

Names come from input cells, so nothing of them may reach the file system as is:
diacritics are dropped ("Đảng bộ phường Ba Đình" → "dang-bo-phuong-ba-dinh"),
everything but [a-z0-9-] becomes a dash, and a name can never be "..", absolute
or too long. Two members with the same name get "-2", "-3" in input order, so a
re-run gives every document the same path.
"""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG = 60


def slug(text: str, fallback: str = "x") -> str:
    text = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:MAX_SLUG].rstrip("-") or fallback


class Names:
    """Hands out unique names per folder, in the order asked."""

    def __init__(self):
        self._taken: dict[str, set[str]] = {}

    def unique(self, folder: str, name: str) -> str:
        taken = self._taken.setdefault(folder, set())
        candidate, n = name, 1
        while candidate in taken:
            n += 1
            candidate = f"{name}-{n}"
        taken.add(candidate)
        return candidate

    def forget(self, keep: str) -> None:
        """Drop the names of every folder but ``keep`` (memory stays flat over a large run)."""
        self._taken = {folder: names for folder, names in self._taken.items() if folder == keep}
