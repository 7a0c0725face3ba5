"""The residence comment computes nothing, but a date that cannot be right is refused."""

from __future__ import annotations

from generator.evaluate import evaluate
from generator.validate import validate


def test_blank_and_prefilled():
    assert evaluate(validate({"form": "phieu-nhan-xet-noi-cu-tru"})).blank
    assert not evaluate(validate({"form": "phieu-nhan-xet-noi-cu-tru", "dang_vien": {"ho_ten": "Trần Thị Bình"}})).blank


def test_a_comment_dated_before_the_birth_is_refused():
    doc = {
        "form": "phieu-nhan-xet-noi-cu-tru",
        "dang_vien": {"ngay_sinh": "2026-01-05"},
        "dia_danh": "Hà Nội",
        "ngay_lap": "2025-11-28",
    }
    assert [p.path for p in evaluate(validate(doc)).problems] == ["$.dang_vien.ngay_sinh"]


def test_a_date_needs_its_place():
    doc = {"form": "phieu-nhan-xet-noi-cu-tru", "ngay_lap": "2025-11-28"}
    assert [str(p) for p in evaluate(validate(doc)).problems] == [
        "Địa danh ($.dia_danh): cần địa danh khi đã ghi ngày nhận xét"
    ]


def test_a_validated_sheet_validates_again():
    once = validate({"form": "phieu-nhan-xet-noi-cu-tru"})
    assert validate(once) == once
