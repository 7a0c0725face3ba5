"""Vietnamese formatting as Party documents want it (Hướng dẫn 36-HD/VPTW).

Babel pads every month ("tháng 05") and knows no Party date rule, so dates are
plain code here: day < 10 and months 1–2 take a leading zero, months 3–12 do not.
Numbers use "." for thousands and "," for decimals, rounded half up.
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

Number = int | float | Decimal | Fraction


def _day(d: dt.date) -> str:
    return f"{d.day:02d}"


def _month(d: dt.date) -> str:
    return f"{d.month:02d}" if d.month <= 2 else str(d.month)


def ngay_thang_nam(d: dt.date) -> str:
    """"ngày 05 tháng 01 năm 2026", "ngày 15 tháng 5 năm 2026"."""
    return f"ngày {_day(d)} tháng {_month(d)} năm {d.year:04d}"


def dia_danh_ngay(dia_danh: str, d: dt.date) -> str:
    """The place-and-date line: "Hà Nội, ngày 05 tháng 01 năm 2026"."""
    return f"{dia_danh}, {ngay_thang_nam(d)}"


def ngay_ngan(d: dt.date) -> str:
    """The in-text form with the same padding: "05/01/1980", "15/5/1980"."""
    return f"{_day(d)}/{_month(d)}/{d.year:04d}"


def _decimal(x: Number) -> Decimal:
    if isinstance(x, Fraction):
        return Decimal(x.numerator) / Decimal(x.denominator)
    if isinstance(x, float):
        return Decimal(repr(x))
    return Decimal(x)


def so(x: Number, decimals_max: int = 2) -> str:
    """87.5 → "87,5"; 2340000 → "2.340.000"; 0.125 → "0,13"; never "-0"."""
    value = _decimal(x).quantize(Decimal(1).scaleb(-decimals_max), rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    whole, _, frac = f"{abs(value):f}".partition(".")
    frac = frac.rstrip("0")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped},{frac}" if frac else f"{sign}{grouped}" if int(whole) or frac else "0"


def phan_tram(x: Number) -> str:
    """A ratio as a percentage, Party style without a space: 3/10 → "30%"."""
    return f"{so(_decimal(x) * 100)}%"


def in_hoa(s: str) -> str:
    """Upper case for header lines, in NFC whatever the input form."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", s).upper())


def tien(x: Number) -> str:
    """Money in figures: 2340000 → "2.340.000 đồng"."""
    return f"{so(x, 0)} đồng"
