"""What a person types for a number or a date, read the Vietnamese way (generator/typed.py); the web page's
copy (static/so_ngay.js) is checked against the same table in tests/web/test_web_browser.py."""

from __future__ import annotations

import pytest

from generator.typed import TypedError, parse_date, parse_number, shown_number

# (typed, reading or the start of the message)
NUMBERS = [
    ("27,5", 27.5),
    ("27.5", 27.5),
    (" 6,5 ", 6.5),
    ("-0,5", -0.5),
    ("+3", 3),
    ("12", 12),
    ("27,0", 27),
    ("1.234,5", 1234.5),
    ("1.000.000", 1000000),
    ("1 000", 1000),
    ("1\u00a0234\u00a0567", 1234567),
    ("1,234", 1.234),
    ("1.000", "“1.000” là 1 hay 1000?"),
    ("27.500", "“27.500” là 27,5 hay 27500?"),
    ("1,234.5", "“1,234.5” viết theo kiểu tiếng Anh"),
    ("1,234,567", "“1,234,567” viết theo kiểu tiếng Anh"),
    ("abc", "cần một số, không phải “abc”"),
    ("2 7", "cần một số, không phải “2 7”"),
    ("٣", "cần một số"),
    ("1e3", "cần một số"),
    ("", "cần một số"),
    (",5", "cần một số"),
]
DATES = [
    ("05/12/2025", "2025-12-05"),
    ("5/12/2025", "2025-12-05"),
    ("05-12-2025", "2025-12-05"),
    ("05.12.2025", "2025-12-05"),
    ("2025-12-05", "2025-12-05"),
    (" 1/2/2026 ", "2026-02-01"),
    ("29/02/2024", "2024-02-29"),
    ("29/02/2025", "ngày không hợp lệ “29/02/2025” (ghi dạng dd/mm/yyyy)"),
    ("12/25/2025", "ngày không hợp lệ “12/25/2025”"),  # month first: refused, never read as 12 May or 25 December
    ("05/12/25", "ngày “05/12/25” cần năm đủ 4 chữ số"),
    ("0/1/2025", "ngày không hợp lệ"),
    ("5 tháng 12", "ngày không hợp lệ"),
    ("2025/12/05", "ngày không hợp lệ"),
]


def _read(parse, text):
    try:
        return parse(text)
    except TypedError as error:
        return str(error)


@pytest.mark.parametrize("typed, expected", NUMBERS)
def test_numbers_are_read_the_vietnamese_way(typed, expected):
    got = _read(parse_number, typed)
    if isinstance(expected, str):
        assert isinstance(got, str) and got.startswith(expected), got
    else:
        assert got == expected and type(got) is type(expected)


@pytest.mark.parametrize("typed, expected", DATES)
def test_dates_are_read_day_first(typed, expected):
    got = _read(parse_date, typed)
    assert got.startswith(expected), got


@pytest.mark.parametrize(
    "value, shown", [(27.5, "27,5"), (1234, "1234"), (27.0, "27"), (1e-7, "0,0000001"), (-0.25, "-0,25")]
)
def test_a_number_is_shown_so_that_it_reads_back(value, shown):
    assert shown_number(value) == shown and parse_number(shown) == value
