"""Printing with a committee's own templates: --template, a profile's mau_in, the bulk workers."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator import load_document, prepare, render
from generator.bulk.plan import Job
from generator.bulk.worker import render_batch
from generator.cli import main
from generator.errors import InputError
from generator.files import render_file
from generator.usertemplate.template import TemplateRejected, chosen_templates, load_user_template, templates_for
from tests.samples import EXAMPLES
from tests.usertemplate.user_template_kit import add_docx_paragraph_first, docx_text, edit_html, exported

DOC = EXAMPLES / "bieu-diem-tccsd-2025.json"
FORM = "bieu-diem-tccsd"


def pdf_words(data: bytes) -> str:
    return " ".join("".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


def house_templates(folder: Path) -> tuple[Path, Path]:
    """The shipped templates with the committee's own line added at the top."""
    folder.mkdir(parents=True, exist_ok=True)
    html = edit_html(
        exported(folder, FORM, ".html"), "<body>", '<body>\n<p class="doan">Mẫu riêng của Tỉnh ủy Hòa Bình</p>'
    )
    docx = exported(folder, FORM, ".docx")
    add_docx_paragraph_first(docx, "Mẫu riêng của Tỉnh ủy Hòa Bình")
    return docx, html


def test_render_with_a_user_docx_and_html_template(tmp_path):
    docx, html = house_templates(tmp_path / "mau")
    written = render_file(DOC, tmp_path / "out", ["docx", "pdf"], templates=[str(docx), str(html)])
    files = {p.suffix: p.read_bytes() for p in written}
    assert "Mẫu riêng của Tỉnh ủy Hòa Bình" in docx_text(files[".docx"])
    assert "Mẫu riêng của Tỉnh ủy Hòa Bình" in pdf_words(files[".pdf"])
    assert "CHI BỘ TRƯỜNG TIỂU HỌC" in pdf_words(files[".pdf"])  # the data, printed through the user's layout


def test_a_template_is_used_only_for_its_own_format(tmp_path):
    _, html = house_templates(tmp_path / "mau")
    written = render_file(DOC, tmp_path / "out", ["docx"], templates=[str(html)])
    assert "Mẫu riêng" not in docx_text(written[0].read_bytes())
    edit_html(html, "{{ nam }}", "{{ nam_hoc }}")  # broken, but only the PDF would use it
    assert [p.suffix for p in render_file(DOC, tmp_path / "out", ["docx"], templates=[str(html)])] == [".docx"]
    with pytest.raises(TemplateRejected):
        render_file(DOC, tmp_path / "out", ["pdf"], templates=[str(html)])


def test_render_refuses_a_template_that_fails_the_check_and_writes_nothing(tmp_path, capsys):
    _, html = house_templates(tmp_path / "mau")
    edit_html(html, "{{ nam }}", "{{ nam_hoc }}")
    status = main(["render", str(DOC), "--template", str(html), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 2 and not (tmp_path / "out").exists()
    assert f"{html}: mẫu in không dùng được cho “bieu-diem-tccsd”" in err
    assert "biến “nam_hoc” không có trong dữ liệu" in err and "Traceback" not in err


def test_a_template_for_another_form_is_refused(tmp_path):
    _, html = house_templates(tmp_path / "mau")
    with pytest.raises(TemplateRejected) as caught:
        load_user_template(html, "ban-tu-kiem-diem")
    assert any("không có trong" in reason for reason in caught.value.reasons)


def write_profile(folder: Path, templates: str) -> Path:
    path = folder / "tinh-hoa-binh.yaml"
    path.write_text(
        f"id: tinh-hoa-binh\nname: Tỉnh ủy Hòa Bình\nregime: qd366-2025\nmau_in:\n  bieu-diem-tccsd: {templates}\n",
        encoding="utf-8",
    )
    return path


def test_profile_templates_are_relative_to_the_profile_file(tmp_path, monkeypatch):
    house_templates(tmp_path / "ho-so" / "mau")
    profile = write_profile(
        tmp_path / "ho-so", "{docx: mau/bieu-diem-tccsd-rieng.docx, html: mau/bieu-diem-tccsd-rieng.html}"
    )
    monkeypatch.chdir(tmp_path)  # nowhere near the templates
    prepared = prepare(load_document(DOC), str(profile))
    chosen = templates_for(prepared, str(profile))
    assert set(chosen) == {"docx", "pdf"}
    rendered = render(prepared, ["docx", "pdf"], chosen)
    assert "Mẫu riêng của Tỉnh ủy Hòa Bình" in docx_text(rendered["docx"])
    assert "Mẫu riêng của Tỉnh ủy Hòa Bình" in pdf_words(rendered["pdf"])
    # other forms of the same profile keep the shipped templates
    member = prepare(load_document(EXAMPLES / "ban-tu-kiem-diem-02b.json"), str(profile))
    assert templates_for(member, str(profile)) == {}


def test_command_line_template_wins_over_the_profile(tmp_path):
    house_templates(tmp_path / "ho-so" / "mau")
    profile = write_profile(tmp_path / "ho-so", "{html: mau/bieu-diem-tccsd-rieng.html}")
    other = edit_html(exported(tmp_path, FORM, ".html"), "<body>", '<body>\n<p class="doan">Mẫu dòng lệnh</p>')
    written = render_file(DOC, tmp_path / "out", ["pdf"], str(profile), templates=[str(other)])
    words = pdf_words(written[0].read_bytes())
    assert "Mẫu dòng lệnh" in words and "Mẫu riêng của Tỉnh ủy Hòa Bình" not in words


@pytest.mark.parametrize(
    "entry, reason",
    [
        ("[mau.docx]", "mau_in.bieu-diem-tccsd phải là một bảng {docx: tệp, html: tệp}"),
        ("{pdf: mau.html}", "mau_in.bieu-diem-tccsd.pdf: chỉ nhận khóa docx và html"),
        ("{html: 5}", "mau_in.bieu-diem-tccsd.html phải là đường dẫn tới tệp mẫu"),
    ],
)
def test_a_wrong_mau_in_entry_names_the_key(tmp_path, entry, reason):
    profile = write_profile(tmp_path, entry)
    prepared = prepare(load_document(DOC), str(profile))
    with pytest.raises(InputError) as caught:
        templates_for(prepared, str(profile))
    assert str(caught.value) == f"Hồ sơ quy định địa phương (--profile): tinh-hoa-binh.yaml: {reason}"


def test_a_misspelt_form_under_mau_in_is_refused(tmp_path):
    profile = tmp_path / "ho-so.yaml"
    profile.write_text("regime: qd366-2025\nmau_in:\n  bieu-diem-tccs: {docx: mau.docx}\n", encoding="utf-8")
    prepared = prepare(load_document(DOC), str(profile))
    with pytest.raises(InputError, match="mau_in: không có mẫu văn bản “bieu-diem-tccs”; có: ban-tu-kiem-diem"):
        templates_for(prepared, str(profile))


def test_a_missing_profile_template_is_refused_with_exit_2(tmp_path, capsys):
    profile = write_profile(tmp_path, "{docx: khong-co.docx}")
    status = main(["render", str(DOC), "--profile", str(profile), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 2 and "khong-co.docx: mẫu in không dùng được" in err and "không đọc được tệp mẫu" in err
    assert not (tmp_path / "out").exists()


def test_bulk_workers_print_with_the_profile_templates(tmp_path):
    house_templates(tmp_path / "mau")
    profile = write_profile(tmp_path, "{docx: mau/bieu-diem-tccsd-rieng.docx, html: mau/bieu-diem-tccsd-rieng.html}")
    document = load_document(DOC)
    custom = chosen_templates("bieu-diem-tccsd", document["regime"], str(profile))  # as the bulk runner does, once
    context = prepare(document, str(profile)).context  # as the bulk plan presents it, once
    job = Job("to-chuc/bieu-diem-tccsd", "bieu-diem-tccsd", context, "to-chuc", document)
    [result] = render_batch([job], ("docx", "pdf"), {"bieu-diem-tccsd": custom})
    assert not result.problems, result
    assert "Mẫu riêng của Tỉnh ủy Hòa Bình" in docx_text(result.files["docx"])
    assert "Mẫu riêng của Tỉnh ủy Hòa Bình" in pdf_words(result.files["pdf"])
    assert result.pages == len(PdfReader(io.BytesIO(result.files["pdf"])).pages)
