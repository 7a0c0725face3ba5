"""generator/schema.py: the words every layer reads a schema with."""

from __future__ import annotations

from generator.schema import choices, kind, load_schema, node_at, title_at, value_at


def test_what_a_field_holds_is_named_once():
    member, ballot = load_schema("ban-tu-kiem-diem"), load_schema("phieu-bieu-quyet")
    found = {
        tuple(path): kind(member, node_at(member, path))
        for path in (
            ["dang_vien"],
            ["dang_vien", "ho_ten"],
            ["dang_vien", "ngay_sinh"],
            ["tu_xep_loai"],
            ["nam"],
            ["diem", "tieu_chi_chung", "diem"],
        )
    }
    assert found == {
        ("dang_vien",): "object",
        ("dang_vien", "ho_ten"): "string",
        ("dang_vien", "ngay_sinh"): "date",
        ("tu_xep_loai",): "choice",
        ("nam",): "integer",
        ("diem", "tieu_chi_chung", "diem"): "number",
    }
    assert kind(ballot, node_at(ballot, ["vong"])) == "choice"  # numbers with titles, no "type"
    assert kind({}, {"type": ["string", "array"]}) == "paragraphs"
    assert kind({}, {"type": "array", "items": {"type": "string"}}) == "lines"
    assert kind({}, {"type": "array", "items": {"type": "object"}}) == "array"
    assert kind({}, {"type": "integer", "oneOf": [{"const": 1}, {"const": 2}]}) == "integer"  # a number stays one
    assert kind({}, {}) == ""


def test_choices_give_each_code_its_title_and_a_code_without_one_itself():
    ballot = load_schema("phieu-bieu-quyet")
    assert [code for code, _ in choices(ballot, node_at(ballot, ["vong"]))] == [1, 2]
    assert choices({}, {"oneOf": [{"const": "A", "title": "Mức A"}, {"const": "B"}, {"type": "string"}]}) == (
        ("A", "Mức A"),
        ("B", "B"),
    )
    assert choices({}, None) == ()


def test_a_local_reference_is_followed_and_the_referring_keys_win():
    schema = {
        "$defs": {"ten": {"type": "string", "title": "Tên"}},
        "properties": {"a": {"$ref": "#/$defs/ten", "title": "Họ và tên"}, "b": {"$ref": "#/$defs/ten"}},
    }
    assert node_at(schema, ["a"]) == {"type": "string", "title": "Họ và tên"}
    assert title_at(schema, ["b"]) == "Tên" and node_at(schema, ["c"]) is None


def test_value_at_is_none_where_a_step_is_missing():
    document = {"dang_vien": {"ho_ten": "Nguyễn Văn A"}, "so": [1]}
    assert value_at(document, ["dang_vien", "ho_ten"]) == "Nguyễn Văn A"
    assert value_at(document, ["dang_vien", "ngay_sinh"]) is None and value_at(document, ["so", 0]) == 1
    assert value_at(document, ["so", 1]) is None and value_at(document, ["so", "0"]) is None
