"""What the page draws comes from the schema and the regime, for every printable form."""

from __future__ import annotations

import pytest

from generator.evaluate.regime import load_regime
from generator.pipeline import renderable_forms
from generator.web.forms import UnknownChoice, describe_form, profile_options, regime_options, web_forms


def test_every_printable_form_is_offered_with_its_schema_title():
    forms = web_forms()
    assert [f["id"] for f in forms] == renderable_forms()
    assert all(f["title"] and f["title"] != f["id"] for f in forms)


@pytest.mark.parametrize("form", renderable_forms())
def test_each_form_is_described_under_each_of_its_regimes(form):
    for regime in regime_options(form):
        described = describe_form(form, regime["const"])
        assert described["regime"] == regime["const"]
        assert described["schema"]["properties"]["form"]["const"] == form


def test_the_default_is_the_regime_in_force():
    assert describe_form("bieu-diem-tccsd")["regime"] == "qd366-2025"


def test_report_items_follow_the_regime():
    items = describe_form("bao-cao-kiem-diem-tap-the", "qd366-2025")["maps"]["$.uu_diem"]
    report = load_regime("qd366-2025").subject("to_chuc")["report"]["strengths"]
    assert [i["key"] for i in items] == [s["id"] for s in report]


def test_graded_regimes_have_criteria_and_no_points():
    described = describe_form("bieu-diem-tccsd", "qd124-2023")
    assert described["maps"]["$.diem"] == [] and described["limits"] == {}
    assert [c["key"] for c in described["maps"]["$.cap_do"]] == [
        c["id"] for c in load_regime("qd124-2023").subject("to_chuc").criteria
    ]


def test_profiles_are_offered_for_their_own_regime_only():
    assert [p["const"] for p in profile_options("qd132-2019")] == ["son-la-2021"]
    assert profile_options("hd07-2011") == []
    with pytest.raises(UnknownChoice):
        describe_form("bieu-diem-tccsd", "qd366-2025", "son-la-2021")


def test_variants_come_from_the_schema():
    described = describe_form("bieu-diem-tccsd")
    assert described["variant_path"] == ["loai_to_chuc"]
    assert {o["const"] for o in described["variant_options"]} == {"dang_bo_co_so", "chi_bo_co_so", "chi_bo_truc_thuoc"}
    assert describe_form("to-trinh-khen-thuong")["variant_path"] is None


def _only_for(node, path="$"):
    """(path, values) of every ``x-chi-cho`` in a schema tree."""
    if isinstance(node, dict):
        if "x-chi-cho" in node:
            yield path, node["x-chi-cho"]
        for key, child in node.items():
            yield from _only_for(child, f"{path}.{key}")
    elif isinstance(node, list):
        for child in node:
            yield from _only_for(child, path)


@pytest.mark.parametrize("form", renderable_forms())
def test_a_section_given_only_to_some_variants_names_real_variants(form):
    described = describe_form(form)
    offered = {o["const"] for o in described["variant_options"]}
    found = list(_only_for(described["schema"]))
    for path, values in found:
        assert values and set(values) <= offered, (path, values, offered)
    if (
        form == "ban-tu-kiem-diem"
    ):  # the five places only Mẫu 02A prints (the schema's x-chi-cho: blank/layouts.personal_lines and member())
        assert len(found) == 5 and all(values == ["lanh_dao_quan_ly"] for _, values in found)
