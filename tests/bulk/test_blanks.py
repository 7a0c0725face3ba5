"""kiemdiem bulk --blank: a personalised blank for every member, where kiemdiem bulk puts their document."""

from __future__ import annotations

from docx import Document

from generator.blank.reading import read_blank
from generator.bulk.blanks import member_blanks
from generator.cli import main
from tests.bulk.sample_dang_bo import build, edit
from tests.samples import EXAMPLES


def test_every_member_of_the_example_workbook_gets_a_blank_with_their_name(tmp_path):
    run = member_blanks(EXAMPLES / "dang-bo-2025.xlsx", tmp_path, ["docx"])
    assert run.errors == [] and len(run.written) == 21
    path = tmp_path / "dang-bo-phuong-ba-dinh" / "chi-bo-khu-pho-5" / "ban-tu-kiem-diem-nguyen-van-an.docx"
    assert path in run.written
    text = "\n".join(p.text for p in Document(path).paragraphs)
    assert "Họ và tên: Nguyễn Văn An" in text and "Chi bộ: Chi bộ Khu phố 5" in text and "Năm 2025" in text
    assert "Ngày sinh: 11/02/1971" in text
    cells = Document(path).tables[0].rows[0].cells
    assert "CHI BỘ KHU PHỐ 5" in cells[0].text and "Hà Nội, ngày 12 tháng 12 năm 2025" in cells[1].text
    lines = [p.text for p in Document(path).paragraphs if p.style.name == "KD Đoạn"]
    assert lines[0].strip("…") == ""  # the member writes the review: the workbook's texts are not copied


def test_fillable_blanks_carry_the_members_identity_back_through_import(tmp_path):
    folder = build(tmp_path / "dang-bo", chi_bo=("kp5",), scored=())
    run = member_blanks(folder, tmp_path / "out", ["pdf"], fillable=True)
    assert run.errors == [] and len(run.written) == 12
    document = read_blank(run.written[0].read_bytes())
    assert document["dang_bo"] == "Đảng bộ phường Ba Đình" and document["chi_bo"] == "Chi bộ Khu phố 5"
    assert document["dang_vien"]["ho_ten"] and "kiem_diem" not in document


def test_a_member_with_a_wrong_field_is_listed_and_the_others_printed(tmp_path, capsys):
    folder = build(tmp_path / "dang-bo", chi_bo=("kp5",), scored=())
    edit(folder / "kp5" / "dv-01.json", lambda d: d["dang_vien"].update(ngay_sinh="11/02/1971"))
    assert main(["bulk", str(folder), "--blank", "--format", "docx", "-o", str(tmp_path / "out")]) == 3
    out, err = capsys.readouterr()
    assert "Đã in 11 bản trống; 1 lỗi." in out
    assert "dv-01.json: $.dang_vien.ngay_sinh (Thông tin đảng viên › Ngày sinh)" in err
    assert main(["bulk", str(tmp_path / "khong-co.xlsx"), "--blank", "-o", str(tmp_path / "x")]) == 2
