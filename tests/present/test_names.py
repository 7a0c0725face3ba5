"""Vietnamese name order: given name, then middle names, then family name; đ after d; tones in order."""

from __future__ import annotations

import random

import pytest

from generator.present.names import name_key, sort_names


def test_given_name_decides_before_family_name():
    assert sort_names(["Lê Thị Bình", "Trần Văn An"]) == ["Trần Văn An", "Lê Thị Bình"]


def test_middle_name_then_family_name_break_ties():
    assert sort_names(["Phạm Văn An", "Nguyễn Văn An", "Lê Thị An"]) == ["Lê Thị An", "Nguyễn Văn An", "Phạm Văn An"]


@pytest.mark.parametrize(
    "earlier, later",
    [
        ("Dũng", "Đức"),  # đ is a letter after d, not a d with a mark
        ("Dương", "Đào"),
        ("Anh", "Ăn"),
        ("Ăn", "Ân"),
        ("Ân", "Bình"),  # a ă â
        ("Em", "Êm"),
        ("Ông", "Ơn"),
        ("Ôn", "Ơn"),  # e ê, o ô ơ
        ("Uyên", "Ưng"),
        ("Tú", "Tư"),  # u ư: the letter decides before the tone
        ("Y", "Yến"),
    ],
)
def test_vietnamese_alphabet(earlier, later):
    assert name_key(f"Nguyễn Văn {earlier}") < name_key(f"Nguyễn Văn {later}")


def test_tones_in_their_order_only_between_same_letters():
    tones = ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"]  # ngang, huyền, hỏi, ngã, sắc, nặng
    shuffled = [f"Trần Văn {t}" for t in random.Random(7).sample(tones, len(tones))]
    assert sort_names(shuffled) == [f"Trần Văn {t}" for t in tones]
    assert name_key("Trần Văn Mạ") < name_key("Trần Văn Mai")  # letters first: "ma" < "mai" whatever the tone


def test_case_composition_and_spaces_do_not_matter():
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Nguyễn  Thị Ánh")
    assert name_key(decomposed) == name_key("NGUYỄN THỊ ÁNH")


def test_equal_names_keep_their_order():
    people = [("Nguyễn Văn An", 1), ("Nguyễn Văn An", 2)]
    assert sort_names(people, name=lambda p: p[0]) == people


def test_one_word_and_empty_names_sort_without_error():
    assert sort_names(["Bình", "", "An"]) == ["", "An", "Bình"]
