"""A number or a date as a person types it, read the Vietnamese way: one reading for the web form, the
workbook and the filled blanks.

"27,5" and "27.5" are 27.5, "1.234,5" is 1234.5, "1.000.000" a million. A date is day first:
05/12/2025, 5/12/2025, 05-12-2025, 05.12.2025, and the ISO 2025-12-05 a file holds. Where a text could
mean two things — "1.000" is one in an English habit and a thousand in a Vietnamese one — it is refused
with a question, never guessed; so is a two-digit year.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal

# Day first with "/", "-" or "." (05/12/2025, 5-12-2025, 05.12.2025), and ISO (2025-12-05).
_DATES = tuple(
    re.compile(p, re.ASCII)
    for p in (
        r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})",
        r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})",
        r"(?P<d>\d{1,2})-(?P<m>\d{1,2})-(?P<y>\d{4})",
        r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})",
    )
)
DATE_HINT = "dd/mm/yyyy"
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_PLAIN = re.compile(r"[-+]?\d+", re.ASCII)
_DECIMAL = re.compile(r"([-+]?\d+)[,.](\d+)", re.ASCII)
_VIETNAMESE = re.compile(r"([-+]?\d{1,3}(?:\.\d{3})+)(?:,(\d+))?", re.ASCII)  # 1.234.567 and 1.234,5
_GROUPED = re.compile(r"[-+]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+", re.ASCII)  # 1 234 567
_ENGLISH = re.compile(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?", re.ASCII)  # 1,234,567.5
_SHORT_YEAR = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2}", re.ASCII)


class TypedError(ValueError):
    """Why a typed text is not a number or a date, in Vietnamese."""


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", str(text)).strip()


def parse_number(text: str) -> int | float:
    """The number ``text`` means (an int when it is whole), or ``TypedError``."""
    shown = _clean(text)
    if _GROUPED.fullmatch(shown):
        return int(_SPACES.sub("", shown))
    if _SPACES.search(shown):  # "2 7" is a typo, not 27: spaces only between groups of thousands
        raise TypedError(f"cần một số, không phải “{shown}”")
    raw = shown
    if _PLAIN.fullmatch(raw):
        return int(raw)
    if _ENGLISH.fullmatch(raw) and ("." in raw or raw.count(",") > 1):
        raise TypedError(
            f"“{shown}” viết theo kiểu tiếng Anh; hãy ghi theo kiểu Việt Nam "
            f"(dấu phẩy trước phần thập phân: 27,5; không có dấu ngăn cách hàng nghìn: 1234,5)"
        )
    decimal = _DECIMAL.fullmatch(raw)
    if decimal and "." in raw and len(decimal[2]) == 3:
        point, thousands = shown_number(float(f"{decimal[1]}.{decimal[2]}")), decimal[1] + decimal[2]
        raise TypedError(
            f"“{shown}” là {point} hay {thousands}? Hãy ghi rõ {point} hoặc {thousands} "
            f"(số thập phân dùng dấu phẩy, không dùng dấu chấm hàng nghìn)"
        )
    if decimal:
        return _whole_or_float(float(f"{decimal[1]}.{decimal[2]}"))
    grouped = _VIETNAMESE.fullmatch(raw)
    if grouped:
        whole = grouped[1].replace(".", "")
        return _whole_or_float(float(f"{whole}.{grouped[2]}")) if grouped[2] else int(whole)
    raise TypedError(f"cần một số, không phải “{shown}”")


def shown_number(value: int | float) -> str:
    """A number as a field shows it and parse_number reads it back: 27.5 → "27,5", 1234 → "1234"."""
    value = _whole_or_float(float(value))
    return format(Decimal(repr(value)), "f").replace(".", ",") if isinstance(value, float) else str(value)


def _whole_or_float(value: float) -> int | float:
    return int(value) if value.is_integer() else value


def parse_date(text: str) -> str:
    """The ISO date (YYYY-MM-DD) of a day-first ``text``, or ``TypedError``."""
    shown = _clean(text)
    if _SHORT_YEAR.fullmatch(shown):
        raise TypedError(f"ngày “{shown}” cần năm đủ 4 chữ số (ghi dạng {DATE_HINT})")
    for pattern in _DATES:
        found = pattern.fullmatch(shown)
        if found:
            try:
                return dt.date(*(int(found[g]) for g in ("y", "m", "d"))).isoformat()
            except ValueError:
                break  # 31/02/2025: the form was right, the day is not
    raise TypedError(f"ngày không hợp lệ “{shown}” (ghi dạng {DATE_HINT})")
