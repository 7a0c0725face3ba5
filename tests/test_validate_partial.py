"""Pre-filled data: what is present is checked like a whole document; nothing is required."""

from __future__ import annotations

import pytest

from generator.errors import InputError
from generator.validate import validate_partial


def test_any_subset_of_fields_is_accepted_and_normalised_to_nfc():
    data = validate_partial(
        "ban-tu-kiem-diem", {"chi_bo": "Chi bo\u0323\u0302 5", "dang_vien": {"ho_ten": "Nguyễn Văn A"}}
    )
    assert data["form"] == "ban-tu-kiem-diem" and data["dang_vien"] == {"ho_ten": "Nguyễn Văn A"}
    assert data["chi_bo"] == "Chi bộ 5"


def test_present_fields_are_checked_for_type_choice_and_format():
    with pytest.raises(InputError) as caught:
        validate_partial(
            "ban-tu-kiem-diem",
            {"nam": "hai nghìn", "tu_xep_loai": "XUAT_SAC", "dang_vien": {"ngay_sinh": "07/03/1985"}},
        )
    shown = [str(p) for p in caught.value.problems]
    assert any(s.startswith("Năm kiểm điểm ($.nam): phải là số nguyên") for s in shown)
    assert any(s.startswith('Tự xếp loại (đề xuất) ($.tu_xep_loai): giá trị "XUAT_SAC" không hợp lệ') for s in shown)
    assert any("($.dang_vien.ngay_sinh)" in s for s in shown)


def test_data_of_another_form_is_refused():
    with pytest.raises(InputError) as caught:
        validate_partial("bieu-diem-tccsd", {"form": "ban-tu-kiem-diem"})
    assert caught.value.problems[0].path == "$.form"
