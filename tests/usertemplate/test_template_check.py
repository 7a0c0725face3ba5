"""``kiemdiem template check``: each kind of finding, with the place a user looks for it."""

from __future__ import annotations

import zipfile

import pytest
from jinja2 import TemplateSyntaxError

from generator.pipeline import renderable_forms
from generator.render.docx import docx_template_path
from generator.render.environment import user_docx_environment
from generator.resources import templates_dir
from generator.usertemplate.check import builtin_reads, check_template
from generator.usertemplate.reference import carriers
from generator.usertemplate.variables import shows
from tests.usertemplate.user_template_kit import edit_docx, edit_html, exported

FORM = "ban-tu-kiem-diem"


def messages(report) -> list[str]:
    return [str(f) for f in report.findings]


@pytest.mark.parametrize("form", renderable_forms())
def test_the_shipped_templates_pass(form):
    for path in (docx_template_path(form), templates_dir() / form / f"{form}.html"):
        report = check_template(path, form)
        assert report.ok, messages(report)
        assert report.examples >= 1  # printed for real with at least one example


def test_unknown_variable_named_with_its_html_line_and_a_suggestion(tmp_path):
    path = exported(tmp_path, FORM, ".html")
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "Họ và tên:" in text)
    edit_html(path, "Họ và tên: {{ dang_vien.ho_ten }}", "Họ và tên: {{ dang_vien.ho_tenn }} {{ que_quan }}")
    found = messages(check_template(path, FORM))
    assert (
        f"dòng {line}: “dang_vien.ho_tenn” không có trong schema của mẫu “ban-tu-kiem-diem” (có phải “dang_vien.ho_ten”?)"
        in found
    )
    assert any(f.startswith(f"dòng {line}: biến “que_quan” không có trong dữ liệu") for f in found)


def test_unknown_computed_name_in_a_word_template_names_the_paragraph_and_its_text(tmp_path):
    path = exported(tmp_path, FORM, ".docx")
    number = edit_docx(path, "{{ trinh_bay.mau.form_code }}", "{{ trinh_bay.mau.ma_mau }}")
    found = messages(check_template(path, FORM))
    assert found == [
        f"đoạn {number} “{{{{ trinh_bay.mau.ma_mau }}}}”: “trinh_bay.mau.ma_mau” không có trong "
        "ket_qua/trinh_bay (những gì kiemdiem tính và trình bày)"
    ]  # no suggestion: nothing close


def test_required_field_never_printed(tmp_path):
    path = exported(tmp_path, FORM, ".html")
    edit_html(path, '<p class="thong-tin">Ngày sinh: {{ dang_vien.ngay_sinh }}</p>', "")
    found = messages(check_template(path, FORM))
    assert found == [
        "trường bắt buộc $.dang_vien.ngay_sinh (Thông tin đảng viên › Ngày sinh) không được in ở đâu trong mẫu"
    ]


def test_a_required_field_printed_through_the_layout_counts_as_printed(tmp_path):
    """ngay_lap reaches the page only inside trinh_bay.dia_danh_ngay, which the examples reveal."""
    path = exported(tmp_path, FORM, ".html")
    read = builtin_reads(FORM, "html")
    assert ("ngay_lap",) not in read and ("trinh_bay", "dia_danh_ngay") in read
    via = carriers(FORM)[("ngay_lap",)]
    assert ("trinh_bay", "dia_danh_ngay") in via
    assert not shows(read, ("ngay_lap",), frozenset()) and shows(read, ("ngay_lap",), via)
    assert check_template(path, FORM).ok


def test_syntax_error_with_its_html_line(tmp_path):
    path = exported(tmp_path, FORM, ".html")
    line = next(
        n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "Chi bộ: {{ chi_bo }}" in text
    )
    edit_html(path, "Chi bộ: {{ chi_bo }}", "Chi bộ: {{ chi_bo }}{% endif %}")
    found = messages(check_template(path, FORM))
    assert len(found) == 1 and found[0].startswith(
        f"dòng {line}: lỗi cú pháp Jinja (Jinja báo: Encountered unknown tag 'endif'"
    )


def test_syntax_error_in_a_word_template_names_the_paragraph(tmp_path):
    path = exported(tmp_path, FORM, ".docx")
    number = edit_docx(path, "Chi bộ: {{ chi_bo }}", "Chi bộ: {{ chi_bo }} {% endfor %}")
    found = messages(check_template(path, FORM))
    assert len(found) == 1 and found[0].startswith(
        f"đoạn {number} “Chi bộ: {{{{ chi_bo }}}} {{% endfor %}}”: lỗi cú pháp Jinja"
    )


def test_word_preprocessing_is_applied_before_checking(tmp_path):
    """{%p %} and {%tr %} are docxtpl's tags: valid in a Word template once patch_xml has run."""
    path = exported(tmp_path, FORM, ".docx")
    raw = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert "{%p " in raw
    with pytest.raises(TemplateSyntaxError):
        user_docx_environment().parse(raw)  # Jinja alone cannot read the Word file
    assert check_template(path, FORM).ok
    edit_docx(path, "Chi bộ: {{ chi_bo }}", "{%p if chi_bo %}")
    found = messages(check_template(path, FORM))
    assert found and all("lỗi cú pháp" in f for f in found)  # an if opened by {%p and never closed


def test_links_imports_and_private_attributes_are_refused(tmp_path):
    path = exported(tmp_path, FORM, ".html")
    edit_html(
        path,
        "<body>",
        "<body>\n<img src=\"https://example.org/logo.png\">{% include 'khac.html' %}{{ chi_bo.__len__ }}",
    )
    found = messages(check_template(path, FORM))
    assert any("liên kết “https://example.org/logo.png” bị chặn" in f for f in found)
    assert any("mẫu nhập “khac.html”: chỉ được nhập “_shared/hd36.html”" in f for f in found)
    assert any("thuộc tính “__len__” bị cấm" in f for f in found)


def test_trial_print_catches_what_only_some_documents_lack(tmp_path):
    """nhan_xet_chi_bo is optional: printed without ``is defined`` it fails on an example without it."""
    path = exported(tmp_path, FORM, ".html")
    edit_html(path, "<body>", "<body>\n<p>{{ nhan_xet_chi_bo.nguoi_ky }}</p>")
    found = messages(check_template(path, FORM))
    assert found and all(f.startswith("in thử với examples/") and "nhan_xet_chi_bo" in f for f in found)
    assert any(
        f.startswith("in thử với examples/ban-tu-kiem-diem-02c.json: mẫu dùng một tên mà dữ liệu của văn bản không có")
        for f in found
    )


def test_regime_limits_the_trial_prints(tmp_path):
    path = exported(tmp_path, "bieu-diem-tccsd", ".html")
    assert check_template(path, "bieu-diem-tccsd", "hd07-2011").examples == 1
    assert check_template(path, "bieu-diem-tccsd").examples == 5


def test_unreadable_templates_are_findings(tmp_path):
    (tmp_path / "mau.docx").write_bytes(b"not a zip")
    (tmp_path / "mau.txt").write_text("{{ nam }}")
    assert messages(check_template(tmp_path / "mau.docx", FORM))[0].startswith("không mở được tệp Word (.docx)")
    assert messages(check_template(tmp_path / "mau.txt", FORM)) == [
        "mẫu in phải là tệp .docx (cho DOCX) hoặc .html (cho PDF), không phải “mau.txt”"
    ]
    assert messages(check_template(tmp_path / "khong-co.html", FORM))[0].startswith("không đọc được tệp mẫu")
