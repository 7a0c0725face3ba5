"""The name analysis shared by ``template check`` and tests/render/test_template_variables.py."""

from __future__ import annotations

from jinja2 import Environment

from generator.schema import load_schema
from generator.usertemplate.variables import optional_layout, references, related, required_leaves, shows

PARSE = Environment().parse


def test_references_are_dotted_paths_with_their_first_line():
    tree = PARSE(
        "{{ nam }}\n{{ dang_vien.ho_ten }}\n{% for d in de_nghi %}{{ d['ten'] }}{{ x[i] }}{% endfor %}\n{{ dang_vien.ho_ten }}"
    )
    found = references(tree)
    assert found[("nam",)] == 1 and found[("dang_vien", "ho_ten")] == 2 and found[("d", "ten")] == 3
    assert ("de_nghi",) in found  # a bare name is read whole
    assert ("dang_vien",) not in found  # the root of a dotted name is not a read of the whole object
    assert ("x",) in found and not any(p[0] == "x" and len(p) > 1 for p in found)  # a computed key reads the whole x


def test_optional_layout_is_what_only_an_is_defined_block_reads():
    tree = PARSE(
        "{% if trinh_bay.so_lieu is defined %}{{ trinh_bay.so_lieu_dan }}{% endif %}{{ trinh_bay.mau }}"
        "{% if dang_vien.x is defined %}{{ dang_vien.y }}{% endif %}{% if trinh_bay.a %}{{ trinh_bay.b }}{% endif %}"
    )
    assert optional_layout(tree, ("ket_qua", "trinh_bay")) == {("trinh_bay", "so_lieu"), ("trinh_bay", "so_lieu_dan")}


def test_required_leaves_follow_required_objects():
    leaves = required_leaves(load_schema("ban-tu-kiem-diem"))
    assert ("dang_vien", "ho_ten") in leaves and ("kiem_diem", "uu_diem", "pham_chat") in leaves
    assert ("dang_vien",) not in leaves and ("nam",) in leaves


def test_a_field_is_shown_by_itself_its_object_or_what_carries_it():
    assert related(("dang_vien",), ("dang_vien", "ho_ten")) and not related(
        ("dang_vien", "ngay_sinh"), ("dang_vien", "ho_ten")
    )
    assert shows({("dang_vien",)}, ("dang_vien", "ho_ten"), frozenset())
    assert not shows({("trinh_bay", "mau")}, ("ngay_lap",), frozenset())
    assert shows({("trinh_bay", "dia_danh_ngay")}, ("ngay_lap",), frozenset({("trinh_bay", "dia_danh_ngay")}))
