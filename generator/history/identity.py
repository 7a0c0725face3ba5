"""How two writings of a name or a card number compare: the record never merges people silently, so a
name that differs from the recorded one only by its spelling is found here and reported, not taken."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """A name as recorded: NFC, one line (the header's line breaks are spaces), no surrounding spaces."""
    return unicodedata.normalize("NFC", str(text)).strip()


def one_line(text: str) -> str:
    return _SPACES.sub(" ", clean(text))


def name_key(text: str) -> str:
    """What identifies a name: NFC, spaces collapsed, case ignored ("nguyễn  văn AN" = "Nguyễn Văn An")."""
    return one_line(text).casefold()


def card_key(text: str) -> str:
    """A card number by its digits: dots and spaces between groups and leading zeros (which Excel drops
    from a number cell) do not make another card."""
    digits = re.sub(r"\D", "", str(text))
    return digits.lstrip("0") or digits


def spelling_difference(recorded: str, typed: str) -> str:
    """In words, how two writings of one name (equal by ``name_key``) differ: "khoảng trắng", "chữ hoa,
    chữ thường"."""
    a, b = clean(recorded), clean(typed)
    kinds = []
    if a.casefold() != b.casefold():
        kinds.append("khoảng trắng")
    if _SPACES.sub(" ", a) != _SPACES.sub(" ", b):
        kinds.append("chữ hoa, chữ thường")
    return " và ".join(kinds) or "cách viết"
