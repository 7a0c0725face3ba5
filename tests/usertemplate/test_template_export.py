"""``kiemdiem template export``: the shipped template as a starting point that passes the
check and prints exactly what the shipped one prints."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from generator import prepare, render
from generator.cli import main
from generator.pipeline import renderable_forms
from generator.resources import templates_dir
from generator.usertemplate.check import check_template
from generator.usertemplate.reference import examples_of
from generator.usertemplate.template import load_user_template
from tests.usertemplate.user_template_kit import docx_text


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("form", renderable_forms())
def test_exported_templates_pass_the_check_and_print_the_same_text(tmp_path, capsys, form):
    docx, html = tmp_path / f"{form}.docx", tmp_path / f"{form}.html"
    assert main(["template", "export", form, "-o", str(docx)]) == 0
    assert main(["template", "export", form, "-o", str(html)]) == 0
    assert capsys.readouterr().out.split() == [str(docx), str(html)]
    assert check_template(docx, form).ok and check_template(html, form).ok
    path, document, _ = examples_of(form)[0]
    prepared = prepare(document)
    own = {
        "docx": load_user_template(docx, form, prepared.document.get("regime")),
        "pdf": load_user_template(html, form, prepared.document.get("regime")),
    }
    shipped, exported = render(prepared, ["docx", "pdf"]), render(prepared, ["docx", "pdf"], own)
    assert docx_text(exported["docx"]) == docx_text(shipped["docx"])
    assert pdf_text(exported["pdf"]) == pdf_text(shipped["pdf"])


def test_the_exported_html_carries_its_css(tmp_path):
    path = tmp_path / "mau.html"
    assert main(["template", "export", "ban-tu-kiem-diem", "-o", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    css = (templates_dir() / "_shared" / "hd36.css").read_text(encoding="utf-8").strip()
    assert "<link" not in text and css in text and "<style>" in text
    assert '{% import "_shared/hd36.html" as hd36 %}' in text  # the macros come from kiemdiem, sandboxed


def test_export_to_another_kind_of_file_exits_2(tmp_path, capsys):
    assert main(["template", "export", "ban-tu-kiem-diem", "-o", str(tmp_path / "mau.odt")]) == 2
    err = capsys.readouterr().err
    assert "phải có đuôi .docx hoặc .html, không phải “mau.odt”" in err and not (tmp_path / "mau.odt").exists()


def test_check_exit_statuses(tmp_path, capsys):
    path = tmp_path / "mau.html"
    main(["template", "export", "to-trinh-khen-thuong", "-o", str(path)])
    capsys.readouterr()
    assert main(["template", "check", str(path), "--form", "to-trinh-khen-thuong"]) == 0
    assert "mẫu in dùng được cho “to-trinh-khen-thuong”" in capsys.readouterr().out
    assert main(["template", "check", str(path), "--form", "ban-tu-kiem-diem"]) == 2
    err = capsys.readouterr().err
    assert "mẫu in không dùng được cho “ban-tu-kiem-diem”" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as usage:
        main(["template", "check", str(path)])  # --form is required
    assert usage.value.code == 2
