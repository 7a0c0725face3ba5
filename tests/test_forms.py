"""The form registry agrees with what is on disk, and every step it names exists."""

from __future__ import annotations

import inspect

import pytest

from generator import forms
from generator.resources import templates_dir
from generator.schema import known_forms, load_schema


def test_every_schema_is_a_registered_form_and_nothing_else_is():
    assert sorted(forms.FORMS) == known_forms()


@pytest.mark.parametrize("entry", forms.FORMS.values(), ids=lambda f: f.id)
def test_a_form_prints_exactly_when_it_has_templates(entry):
    assert entry.prints == (templates_dir() / entry.id).is_dir()


@pytest.mark.parametrize("entry", forms.FORMS.values(), ids=lambda f: f.id)
def test_every_step_a_form_names_is_a_function_taking_what_the_registry_gives(entry):
    steps = {"evaluator": 2, "presenter": 2, "blank": 2}
    for step, arguments in steps.items():
        reference = getattr(entry, step)
        if reference is None:
            continue
        function = forms._step(reference)
        assert callable(function), reference
        assert len(inspect.signature(function).parameters) == arguments, reference
    for check in entry.checks:
        assert len(inspect.signature(forms._step(check)).parameters) == 3, check
    assert entry.prints <= bool(entry.presenter and entry.evaluator)


@pytest.mark.parametrize("entry", forms.FORMS.values(), ids=lambda f: f.id)
def test_the_paths_a_form_names_are_in_its_schema(entry):
    schema = load_schema(entry.id)
    for path in filter(None, (entry.role, entry.name)):
        node, title = schema, None
        for key in path:
            node = node["properties"][key]
            title = node.get("title")
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]] if "$ref" in node else node
        assert title, path


def test_names_and_roles_are_read_from_a_document():
    member = forms.form("ban-tu-kiem-diem")
    document = {"form": member.id, "dang_vien": {"ho_ten": "Nguyễn Văn An", "doi_tuong": "lanh_dao_quan_ly"}}
    assert member.name_of(document) == "Nguyễn Văn An"
    assert member.role_of(document) == "lanh_dao_quan_ly"
    assert member.name_of({"form": member.id}) is None
    assert forms.form("phieu-nhan-xet-noi-cu-tru").name_of({"chi_bo": "Chi bộ 1"}) is None  # it names nobody


def test_unknown_or_malformed_documents_have_no_form():
    for document in (None, [], {}, {"form": ["ban-tu-kiem-diem"]}, {"form": "mau-03"}):
        assert forms.form_of(document) is None
    assert forms.kind_of({"form": "dang-bo"}) == forms.DANG_BO


def test_blanks_and_their_variants():
    assert forms.blank_forms() == [
        "ban-tu-kiem-diem",
        "bao-cao-kiem-diem-tap-the",
        "bieu-diem-tccsd",
        "to-trinh-khen-thuong",
        "phieu-bieu-quyet",
    ]
    assert forms.variant_codes() == ("02A", "02B", "02C")
    assert "xep-loai-chi-bo" not in forms.printable() and "dang-bo" not in forms.printable()
