"""The Party's date and number conventions (Hướng dẫn 36-HD/VPTW)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal
from fractions import Fraction

import pytest

from generator.vietnamese import dia_danh_ngay, in_hoa, ngay_ngan, ngay_thang_nam, phan_tram, so, tien, tien_bang_chu

# Written out by hand: months 1 and 2 take a leading zero, 3–12 do not; days below 10 do.
MONTHS = ["01", "02", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("day, shown", [(1, "01"), (9, "09"), (10, "10"), (28, "28")])
def test_every_month_and_day(month, day, shown):
    d = dt.date(2026, month, day)
    assert ngay_thang_nam(d) == f"ngày {shown} tháng {MONTHS[month - 1]} năm 2026"
    assert ngay_ngan(d) == f"{shown}/{MONTHS[month - 1]}/2026"


@pytest.mark.parametrize(
    "d, expected",
    [
        (dt.date(2025, 1, 4), "ngày 04 tháng 01 năm 2025"),
        (dt.date(2026, 5, 15), "ngày 15 tháng 5 năm 2026"),
        (dt.date(2018, 2, 20), "ngày 20 tháng 02 năm 2018"),
        (dt.date(2025, 12, 31), "ngày 31 tháng 12 năm 2025"),
    ],
)
def test_examples_from_party_documents(d, expected):
    assert ngay_thang_nam(d) == expected


def test_place_and_date_line():
    assert dia_danh_ngay("Hà Nội", dt.date(2026, 1, 5)) == "Hà Nội, ngày 05 tháng 01 năm 2026"


@pytest.mark.parametrize(
    "value, expected",
    [
        (87.5, "87,5"),
        (90, "90"),
        (90.0, "90"),
        (2340000, "2.340.000"),
        (1234567.5, "1.234.567,5"),
        (Decimal("89.99"), "89,99"),
        (0.125, "0,13"),
        (0.5, "0,5"),
        (-3.5, "-3,5"),
        (0, "0"),
        (-0.001, "0"),
        (Decimal("70.00"), "70"),
        (Fraction(139, 2), "69,5"),
        (0.1 + 0.2, "0,3"),
        (10**12, "1.000.000.000.000"),
        (10**30, "1" + ".000" * 10),
        (1e30 + 0.5, "1" + ".000" * 10),  # past the 28 digits of Decimal's default context
        (1.4558676942729522e55, "14.558.676.942.729.522" + ".000" * 13),  # a hostile vote count, named in its message
    ],
)
def test_numbers(value, expected):
    assert so(value) == expected


@pytest.mark.parametrize("value", [float("nan"), float("inf"), Decimal("NaN")])
def test_a_number_that_is_none_is_refused_not_printed(value):
    with pytest.raises(ValueError):
        so(value)


@pytest.mark.parametrize(
    "ratio, expected",
    [
        (Fraction(3, 10), "30%"),
        (Fraction(1, 3), "33,33%"),
        (1, "100%"),
        (Fraction(29, 100), "29%"),
        (0, "0%"),
    ],
)
def test_percentages_without_a_space(ratio, expected):
    assert phan_tram(ratio) == expected


def test_upper_case_header_lines_are_nfc_even_from_nfd():
    nfd = unicodedata.normalize("NFD", "Đảng bộ phường Ba Đình")
    assert in_hoa(nfd) == "ĐẢNG BỘ PHƯỜNG BA ĐÌNH"
    assert unicodedata.is_normalized("NFC", in_hoa(nfd))


@pytest.mark.parametrize("value, expected", [(702000, "702.000 đồng"), (2340000.5, "2.340.001 đồng"), (0, "0 đồng")])
def test_money_in_figures(value, expected):
    assert tien(value) == expected


@pytest.mark.parametrize(
    "amount, words",
    [
        (1_005_000, "Một triệu không trăm linh năm nghìn đồng"),
        (2_340_000, "Hai triệu ba trăm bốn mươi nghìn đồng"),
        (10_530_000, "Mười triệu năm trăm ba mươi nghìn đồng"),
        (105, "Một trăm linh năm đồng"),
        (115, "Một trăm mười lăm đồng"),
        (21, "Hai mươi mốt đồng"),
        (1_000_000_000, "Một tỷ đồng"),
        (702_000, "Bảy trăm linh hai nghìn đồng"),
        (1_000_005, "Một triệu không trăm linh năm đồng"),
        (1_010_000, "Một triệu không trăm mười nghìn đồng"),
        (2_001_000_000, "Hai tỷ không trăm linh một triệu đồng"),
        (1_000_000_000_000, "Một nghìn tỷ đồng"),
        (11, "Mười một đồng"),
        (10, "Mười đồng"),
        (25, "Hai mươi lăm đồng"),
        (24, "Hai mươi bốn đồng"),
        (0, "Không đồng"),
        (3_510_000, "Ba triệu năm trăm mười nghìn đồng"),  # 1,5 × 2.340.000
    ],
)
def test_money_in_words_formal_usage(amount, words):
    assert tien_bang_chu(amount) == words


def test_money_in_words_never_uses_le():
    for amount in (101, 1_001, 100_005, 2_000_008):
        assert " lẻ " not in f" {tien_bang_chu(amount).lower()} "
