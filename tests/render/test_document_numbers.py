"""Số và ký hiệu on the reports an organisation issues (issue 14 §3), checked like the tờ trình's."""

from __future__ import annotations

import pytest

from generator import load_document, prepare, render
from generator.errors import InputError
from generator.workbook.columns import header_columns
from tests.render.test_parity import docx_text, normal, pdf_text
from tests.samples import EXAMPLES


def test_mau_01_prints_its_number_under_the_star_in_both_formats():
    document = load_document(EXAMPLES / "bao-cao-kiem-diem-tap-the-2025.yaml")
    assert document["so_ky_hieu"] == "05-BC/CB"
    out = render(prepare(document), ["docx", "pdf"])
    for text in (normal(docx_text(out["docx"])), normal(pdf_text(out["pdf"]))):
        assert "*Số05-BC/CB" in text[:200]


@pytest.mark.parametrize("wrong", ["05/BC-CB", "05-BC/ cb", "05 - BC/CB", "05-TTr/CB", "Số 05-BC/CB"])
def test_a_wrong_number_is_named(wrong):
    document = load_document(EXAMPLES / "bao-cao-kiem-diem-tap-the-2025.yaml")
    document["so_ky_hieu"] = wrong
    with pytest.raises(InputError) as error:
        prepare(document)
    assert "Số, ký hiệu báo cáo ($.so_ky_hieu)" in str(error.value) and "12-BC/ĐU" in str(error.value)


def test_the_dang_bo_sheet_asks_for_each_documents_number():
    rows = {column.path: column.header for column in header_columns()}
    assert rows[("so_ky_hieu", "bao_cao_tong_hop")] == "Số, ký hiệu báo cáo tổng hợp kết quả xếp loại"
    assert rows[("so_ky_hieu", "bao_cao_ty_le")] == "Số, ký hiệu báo cáo thực hiện tỷ lệ xếp loại"
    assert rows[("so_ky_hieu", "danh_sach")] == "Số, ký hiệu danh sách xếp loại đảng viên"
