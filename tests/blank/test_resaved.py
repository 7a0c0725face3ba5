"""A filled blank that another program saved again (issue 15 §1): LibreOffice 7.4 drops the DOCX controls'
names and joins their lines; a flattened or printed PDF has no fields left. Nothing typed is lost, or the
file is refused saying what happened — never "everything missing"."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

from generator.blank import make_blank, render_blank
from generator.blank.docx_resaved import split_joined_lines
from generator.blank.reading import read_blank
from generator.cli import main
from generator.errors import InputError
from tests.blank.filling import ANSWERS_02B, fill, fill_docx, rewrite_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CHOICES = {"tu_xep_loai": "HTTNV", "dang_vien.tinh_trang_sinh_hoat": "binh_thuong"}


@pytest.fixture(scope="module")
def filled() -> bytes:
    blank = render_blank(make_blank("ban-tu-kiem-diem", None, variant="02B", fillable="docx"), "docx")
    return fill_docx(blank, {**ANSWERS_02B, "chi_bo": "Chi bộ 2"}, CHOICES)


def as_libreoffice_74_leaves_it(docx: bytes) -> bytes:
    """What LibreOffice 7.4 keeps of a filled blank: no tags, no drop-down titles, no placeholder mark on a
    text control, the lines inside a control joined."""

    def change(body):
        for control in body.iter(f"{W}sdt"):
            props = control.find(f"{W}sdtPr")
            for name in ("tag",) + (("alias",) if props.find(f"{W}dropDownList") is not None else ("showingPlcHdr",)):
                for element in props.findall(f"{W}{name}"):
                    props.remove(element)
            for br in list(control.iter(f"{W}br")):
                br.getparent().remove(br)

    return rewrite_docx(docx, change)


def test_a_blank_saved_again_without_its_field_names_reads_the_same(filled):
    notices: list[str] = []
    assert read_blank(as_libreoffice_74_leaves_it(filled), notices) == read_blank(filled)
    assert notices and "LibreOffice" in notices[0] and "hãy xem lại các đoạn văn" in notices[0]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice không có trên máy này")
def test_a_blank_libreoffice_really_saved_again_reads_the_same(filled, tmp_path, capsys):
    source = tmp_path / "dien.docx"
    source.write_bytes(filled)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            str(tmp_path / "lai"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    saved = tmp_path / "lai" / "dien.docx"
    assert read_blank(saved.read_bytes()) == read_blank(filled)
    assert main(["import", str(saved), "-o", str(tmp_path / "ban.json")]) == 0
    assert "lưu ý: tệp DOCX đã được lưu lại bằng một chương trình khác (LibreOffice)" in capsys.readouterr().err


def test_controls_that_no_longer_match_the_blank_are_refused_not_guessed(filled):
    def drop_one(body):
        first = next(body.iter(f"{W}sdt"))
        first.getparent().remove(first)

    with pytest.raises(InputError) as error:
        read_blank(rewrite_docx(as_libreoffice_74_leaves_it(filled), drop_one))
    assert "không còn khớp với bản trống (39 ô, bản trống có 40)" in str(error.value)


def test_a_docx_whose_controls_were_removed_says_so(filled):
    def unwrap(body):
        for control in list(body.iter(f"{W}sdt")):
            parent, content = control.getparent(), control.find(f"{W}sdtContent")
            at = parent.index(control)
            for child in reversed(list(content)):
                parent.insert(at, child)
            parent.remove(control)

    with pytest.raises(InputError) as error:
        read_blank(rewrite_docx(filled, unwrap))
    assert "tệp DOCX không còn ô điền" in str(error.value) and "hãy gửi lại tệp kiemdiem đã tạo" in str(error.value)


def _flattened(pdf: bytes) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    del writer._root_object[NameObject("/AcroForm")]
    for page in writer.pages:
        if "/Annots" in page:
            del page[NameObject("/Annots")]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_flattened_or_printed_pdf_says_so():
    blank = render_blank(make_blank("ban-tu-kiem-diem", None, variant="02B", fillable="pdf"), "pdf")
    printed = render_blank(make_blank("ban-tu-kiem-diem", None, variant="02B"), "pdf")  # no fields, no skeleton
    for pdf in (_flattened(fill(blank, {"dang_vien.ho_ten": "Nguyễn Thị Ngọc Ánh"})), printed):
        with pytest.raises(InputError) as error:
            read_blank(pdf)
        assert "tệp PDF không còn ô điền" in str(error.value), str(error.value)


@pytest.mark.parametrize(
    "joined, lines",
    [
        (
            "Luôn giữ vững lập trường chính trị, tư tưởng.- Gương mẫu, đoàn kết.",
            "Luôn giữ vững lập trường chính trị, tư tưởng.\n- Gương mẫu, đoàn kết.",
        ),
        (
            "Đoàn kết nội bộ.Hoàn thành 12/12 nhiệm vụ.+ Vượt mức 2",
            "Đoàn kết nội bộ.\nHoàn thành 12/12 nhiệm vụ.\n+ Vượt mức 2",
        ),
        ("Công tác tại TP.HCM, v.v.Tiếp", "Công tác tại TP.HCM, v.v.Tiếp"),  # abbreviations stay whole
        ("Quy định 366-QĐ/TW.Theo đó", "Quy định 366-QĐ/TW.Theo đó"),
    ],
)
def test_joined_lines_are_split_where_a_line_evidently_ended(joined, lines):
    assert split_joined_lines(joined) == lines
