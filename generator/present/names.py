"""Vietnamese name order, as lists of party members are printed.

A list is ordered by the given name (the last word), then the middle names, then
the family name: "Trần Văn An" comes before "Lê Thị Bình". Letters follow the
Vietnamese alphabet (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
so "Đào" follows "Dũng"), and a syllable's tone decides only between syllables
with the same letters, in the order ngang, huyền, hỏi, ngã, sắc, nặng.
"""

from __future__ import annotations

import unicodedata

# Letters outside the Vietnamese alphabet (f, j, w, z in foreign names) sit where Latin puts them.
ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {letter: i for i, letter in enumerate(ALPHABET)}
_MODIFIERS = {"\u0306", "\u0302", "\u031b"}  # breve (ă), circumflex (â ê ô), horn (ơ ư): part of the letter
TONES = ("\u0000", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # ngang, huyền, hỏi, ngã, sắc, nặng
_TONE_RANK = {mark: i for i, mark in enumerate(TONES)}


def _rank(letter: str) -> int:
    """Letters after every other character; digits and punctuation by code point."""
    rank = _RANK.get(letter)
    return 0x110000 + rank if rank is not None else ord(letter[0])


def syllable_key(word: str) -> tuple:
    """(letters, tone) of one word: letters compare first, the tone breaks ties."""
    letters: list[str] = []
    tone = 0
    for char in unicodedata.normalize("NFD", word.casefold()):
        if char in _TONE_RANK:
            tone = _TONE_RANK[char]
        elif char in _MODIFIERS and letters:
            letters[-1] = unicodedata.normalize("NFC", letters[-1] + char)
        elif not unicodedata.combining(char):  # a stray non-Vietnamese mark is ignored, not fatal
            letters.append(char)
    return tuple(_rank(letter) for letter in letters), tone


def name_key(full_name: str) -> tuple:
    """Sort key of a full name: given name, then middle names, then family name."""
    words = unicodedata.normalize("NFC", full_name).split()
    if not words:
        return (), (), ()
    if len(words) == 1:
        return syllable_key(words[0]), (), ()
    return syllable_key(words[-1]), tuple(syllable_key(w) for w in words[1:-1]), syllable_key(words[0])


def sort_names(items, name=lambda item: item):
    """Items in Vietnamese name order; equal names keep their given order."""
    return sorted(items, key=lambda item: name_key(name(item)))
