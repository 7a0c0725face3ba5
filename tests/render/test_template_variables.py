"""Templates may only print what the schema defines (plus ket_qua and trinh_bay):
a misspelt or invented name fails here, not in front of a chi bộ secretary.
The name analysis is the one ``kiemdiem template check`` applies to a committee's own
templates (generator/usertemplate/variables.py)."""

from __future__ import annotations

import pytest
from docx import Document
from docxtpl import DocxTemplate
from jinja2 import meta

from generator import load_document, prepare
from generator.pipeline import renderable_forms
from generator.present.context import COMPUTED_ROOTS
from generator.render.docx import docx_template_path
from generator.render.environment import docx_environment, html_environment
from generator.resources import templates_dir
from generator.schema import load_schema
from generator.usertemplate.variables import in_context, in_schema, references
from tests.samples import EXAMPLES

EXAMPLE_DOCS = {
    "ban-tu-kiem-diem": ["ban-tu-kiem-diem-02a.yaml", "ban-tu-kiem-diem-02b.json", "ban-tu-kiem-diem-02c.json"],
    "bieu-diem-tccsd": [
        "bieu-diem-tccsd-2011.yaml",
        "bieu-diem-tccsd-2014.yaml",
        "bieu-diem-tccsd-2021-son-la.json",
        "bieu-diem-tccsd-2023.yaml",
        "bieu-diem-tccsd-2025.json",
    ],
    "bao-cao-kiem-diem-tap-the": ["bao-cao-kiem-diem-tap-the-2023.yaml", "bao-cao-kiem-diem-tap-the-2025.yaml"],
    "to-trinh-khen-thuong": ["to-trinh-khen-thuong-2011.yaml", "to-trinh-khen-thuong-2025.yaml"],
    "phieu-bieu-quyet": ["phieu-bieu-quyet-2025.json", "phieu-bieu-quyet/vong-2-son-la-2021.yaml"],
    "bien-ban-kiem-phieu": ["bien-ban-kiem-phieu-2025.json"],
    "phieu-nhan-xet-noi-cu-tru": ["phieu-nhan-xet-noi-cu-tru.yaml", "phieu-nhan-xet-noi-cu-tru/dien-san-ten.yaml"],
}


def html_source(form: str) -> str:
    return (templates_dir() / form / f"{form}.html").read_text(encoding="utf-8")


def docx_source(form: str) -> str:
    """The Jinja text docxtpl builds from the Word file (body, headers and footers)."""
    path = docx_template_path(form)
    template = DocxTemplate(path)
    document = Document(path)
    xml = template.patch_xml(template.xml_to_string(document.element.body))
    for rel in document.part.rels.values():
        if rel.reltype in (template.HEADER_URI, template.FOOTER_URI):
            xml += template.patch_xml(rel.target_part.blob.decode("utf-8"))
    return xml


def check(form: str, source: str, env) -> list[str]:
    schema = load_schema(form)
    roots = set(schema["properties"]) | set(COMPUTED_ROOTS)
    tree = env.parse(source)
    problems = [f"biến lạ: {name}" for name in sorted(meta.find_undeclared_variables(tree) - roots)]
    contexts = [prepare(load_document(EXAMPLES / name)).context for name in EXAMPLE_DOCS[form]]
    for chain in sorted(references(tree), key=str):
        if chain[0] in COMPUTED_ROOTS and not in_context(contexts, chain):
            problems.append("không có trong ket_qua/trinh_bay: " + ".".join(map(str, chain)))
        elif chain[0] in schema["properties"] and not in_schema(schema, chain):
            problems.append("không có trong schema: " + ".".join(map(str, chain)))
    return problems


def test_every_renderable_form_has_both_templates():
    assert "ban-tu-kiem-diem" in renderable_forms() and "xep-loai-chi-bo" not in renderable_forms()
    for form in renderable_forms():
        assert docx_template_path(form).is_file()
        assert (templates_dir() / form / f"{form}.html").is_file()


def test_examples_cover_every_renderable_form():
    assert set(EXAMPLE_DOCS) == set(renderable_forms())


@pytest.mark.parametrize("form", sorted(EXAMPLE_DOCS))
def test_html_template_uses_only_schema_names(form):
    assert check(form, html_source(form), html_environment()) == []


@pytest.mark.parametrize("form", sorted(EXAMPLE_DOCS))
def test_docx_template_uses_only_schema_names(form):
    assert docx_environment().parse(docx_source(form))  # it compiles
    template = DocxTemplate(docx_template_path(form))
    roots = set(load_schema(form)["properties"]) | set(COMPUTED_ROOTS)
    assert template.get_undeclared_template_variables(docx_environment()) <= roots
    assert check(form, docx_source(form), docx_environment()) == []


def test_the_checker_catches_a_misspelt_name():
    assert check(
        "ban-tu-kiem-diem", "{{ dang_vien.ho_tenn }} {{ ket_qua.diem }} {{ ngay_sinh }}", html_environment()
    ) == [
        "biến lạ: ngay_sinh",
        "không có trong schema: dang_vien.ho_tenn",
        "không có trong ket_qua/trinh_bay: ket_qua.diem",
    ]
