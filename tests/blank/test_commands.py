"""kiemdiem blank and kiemdiem import from a terminal: files written, exit statuses, messages."""

from __future__ import annotations

import json

from docx import Document
from pypdf import PdfReader

from generator.cli import main
from tests.blank.filling import ANSWERS_02B, fill, fill_docx


def test_blank_writes_a_docx_and_a_pdf(tmp_path, capsys):
    assert (
        main(["blank", "ban-tu-kiem-diem", "--variant", "02C", "--format", "docx", "-o", str(tmp_path / "b.docx")]) == 0
    )
    assert (
        main(["blank", "bieu-diem-tccsd", "--regime", "hd27-2014", "--format", "pdf", "-o", str(tmp_path / "b.pdf")])
        == 0
    )
    assert capsys.readouterr().out.split() == [str(tmp_path / "b.docx"), str(tmp_path / "b.pdf")]
    text = "\n".join(p.text for p in Document(tmp_path / "b.docx").paragraphs)
    assert "(Dành cho đảng viên không làm việc trong hệ thống chính trị)" in text
    assert PdfReader(tmp_path / "b.pdf").get_fields() is None  # a print blank has no fields


def test_blank_with_pre_filled_data_from_yaml(tmp_path):
    data = tmp_path / "mot-phan.yaml"
    data.write_text("chi_bo: Chi bộ Tổ dân phố 3\ndang_vien:\n  ho_ten: Trần Văn Bảo\n", encoding="utf-8")
    out = tmp_path / "bao.docx"
    assert main(["blank", "ban-tu-kiem-diem", "--data", str(data), "--format", "docx", "-o", str(out)]) == 0
    text = "\n".join(p.text for p in Document(out).paragraphs)
    assert "Họ và tên: Trần Văn Bảo" in text and "Chi bộ: Chi bộ Tổ dân phố 3" in text and "Ngày sinh: ……" in text


def test_bad_pre_filled_data_exits_2_naming_the_field_and_writes_nothing(tmp_path, capsys):
    data = tmp_path / "sai.json"
    data.write_text(json.dumps({"nam": "2025", "dang_vien": {"ngay_sinh": "7/3/1985"}}), encoding="utf-8")
    out = tmp_path / "x.pdf"
    assert main(["blank", "ban-tu-kiem-diem", "--data", str(data), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert 'Năm kiểm điểm ($.nam): phải là số nguyên, không phải "2025"' in err
    assert "Thông tin đảng viên › Ngày sinh ($.dang_vien.ngay_sinh)" in err
    assert "Traceback" not in err and not out.exists()


def test_a_fillable_docx_has_word_content_controls_and_comes_back_with_import(tmp_path, capsys):
    blank = tmp_path / "trong.docx"
    assert (
        main(["blank", "ban-tu-kiem-diem", "--variant", "02B", "--format", "docx", "--fillable", "-o", str(blank)]) == 0
    )
    filled = tmp_path / "da-dien.docx"
    filled.write_bytes(fill_docx(blank.read_bytes(), {**ANSWERS_02B, "chi_bo": "Chi bộ 2"}, {"tu_xep_loai": "HTNV"}))
    capsys.readouterr()
    assert main(["import", str(filled)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["tu_xep_loai"] == "HTNV" and document["dang_vien"]["ho_ten"] == "Nguyễn Thị Ngọc Ánh"


def test_import_refuses_other_files_naming_what_it_reads(tmp_path, capsys):
    other = tmp_path / "ban-kiem-diem.json"
    other.write_text("{}", encoding="utf-8")
    assert main(["import", str(other)]) == 2
    assert "kiemdiem import đọc bản PDF hoặc DOCX điền được" in capsys.readouterr().err
    printed = tmp_path / "in.docx"
    assert main(["blank", "ban-tu-kiem-diem", "--format", "docx", "-o", str(printed)]) == 0
    assert main(["import", str(printed)]) == 2
    assert "không phải bản trống điền được của kiemdiem" in capsys.readouterr().err


def test_import_writes_the_record_and_a_wrong_one_exits_2(tmp_path, capsys):
    blank = tmp_path / "trong.pdf"
    assert main(["blank", "ban-tu-kiem-diem", "--variant", "02B", "--fillable", "-o", str(blank)]) == 0
    filled = tmp_path / "da-dien.pdf"
    filled.write_bytes(fill(blank.read_bytes(), {**ANSWERS_02B, "chi_bo": "Chi bộ 2"}, {"tu_xep_loai": "HTTNV"}))
    record = tmp_path / "ban-kiem-diem.json"
    assert main(["import", str(filled), "-o", str(record)]) == 0
    assert "hợp lệ — Mẫu 02B-HD KĐ.ĐG 2025, Hoàn thành tốt nhiệm vụ (HTTNV)" in capsys.readouterr().err
    document = json.loads(record.read_text(encoding="utf-8"))
    assert document["dang_vien"]["ho_ten"] == "Nguyễn Thị Ngọc Ánh" and document["form"] == "ban-tu-kiem-diem"
    assert main(["render", str(record), "-o", str(tmp_path), "--format", "docx"]) == 0

    too_high = tmp_path / "sai.pdf"
    too_high.write_bytes(fill(blank.read_bytes(), {**ANSWERS_02B, "chi_bo": "Chi bộ 2"}, {"tu_xep_loai": "HTXSNV"}))
    assert main(["import", str(too_high), "-o", str(tmp_path / "sai.json")]) == 2
    err = capsys.readouterr().err
    assert "Tự xếp loại (đề xuất) ($.tu_xep_loai)" in err and not (tmp_path / "sai.json").exists()
    assert main(["import", str(tmp_path / "khong-co.pdf")]) == 2
    assert "không tìm thấy tệp" in capsys.readouterr().err


def test_import_prints_json_without_output_option(tmp_path, capsys):
    blank = tmp_path / "trong.pdf"
    main(["blank", "ban-tu-kiem-diem", "--fillable", "-o", str(blank)])
    filled = tmp_path / "da-dien.pdf"
    filled.write_bytes(fill(blank.read_bytes(), {**ANSWERS_02B, "chi_bo": "Chi bộ 2"}, {"tu_xep_loai": "HTNV"}))
    capsys.readouterr()
    assert main(["import", str(filled)]) == 0
    assert json.loads(capsys.readouterr().out)["tu_xep_loai"] == "HTNV"
