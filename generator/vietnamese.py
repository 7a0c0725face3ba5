"""Vietnamese formatting as Party documents want it (Hướng dẫn 36-HD/VPTW).

Babel pads every month ("tháng 05") and knows no Party date rule, so dates are
plain code here: day < 10 and months 1–2 take a leading zero, months 3–12 do not.
Numbers use "." for thousands and "," for decimals, rounded half up. Money in
words follows formal administrative usage, which num2words' "vi" does not: zeros
inside a number are read ("một triệu không trăm linh năm nghìn"), "linh" not "lẻ",
"mốt" and "lăm" after tens.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction

Number = int | float | Decimal | Fraction


def _day(d: dt.date) -> str:
    return f"{d.day:02d}"


def _month(d: dt.date) -> str:
    return f"{d.month:02d}" if d.month <= 2 else str(d.month)


def ngay_thang_nam(d: dt.date) -> str:
    """ "ngày 05 tháng 01 năm 2026", "ngày 15 tháng 5 năm 2026"."""
    return f"ngày {_day(d)} tháng {_month(d)} năm {d.year:04d}"


def dia_danh_ngay(dia_danh: str, d: dt.date) -> str:
    """The place-and-date line: "Hà Nội, ngày 05 tháng 01 năm 2026"."""
    return f"{mot_dong(dia_danh)}, {ngay_thang_nam(d)}"


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
    exact = _decimal(x)
    if not exact.is_finite():
        raise ValueError(f"không phải một số hữu hạn: {x!r}")
    # precision for every digit kept: the default 28 digits refuse a value typed as 1e30
    room = Context(prec=max(28, exact.adjusted() + decimals_max + 2), rounding=ROUND_HALF_UP)
    value = exact.quantize(Decimal(1).scaleb(-decimals_max), context=room)
    sign = "-" if value < 0 else ""
    whole, _, frac = f"{abs(value):f}".partition(".")
    frac = frac.rstrip("0")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped},{frac}" if frac else f"{sign}{grouped}" if int(whole) or frac else "0"


def phan_tram(x: Number) -> str:
    """A ratio as a percentage, Party style without a space: 3/10 → "30%"."""
    return f"{so(_decimal(x) * 100)}%"


def mot_dong(name: str) -> str:
    """A name as it runs in a sentence: the line breaks its writer typed for the header are spaces here."""
    return " ".join(name.split())


def in_hoa(s: str) -> str:
    """Upper case for header lines, in NFC whatever the input form."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", s).upper())


def cap_uy(to_chuc: str) -> str:
    """The committee that signs for an organisation: "Đảng bộ phường X" → "Đảng ủy phường X"; a chi bộ signs itself."""
    for prefix in ("Đảng bộ ", "đảng bộ "):
        if to_chuc.startswith(prefix):
            return "Đảng ủy " + to_chuc[len(prefix) :]
    return to_chuc


def hoa_chu_dau(s: str) -> str:
    """Capitalise the first letter only, as a sentence or an amount in words begins."""
    return s[:1].upper() + s[1:]


def tien(x: Number) -> str:
    """Money in figures: 2340000 → "2.340.000 đồng"."""
    return f"{so(x, 0)} đồng"


_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
_GROUPS = ["", "nghìn", "triệu"]


def _three(n: int, leading: bool) -> list[str]:
    """One group of three digits; inside a number its hundreds are always read."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if hundreds or not leading:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            words += (["linh"] if words else []) + [_DIGITS[units]]
    elif tens == 1:
        words += ["mười"] + ([] if units == 0 else ["lăm" if units == 5 else _DIGITS[units]])
    else:
        words += [_DIGITS[tens], "mươi"]
        if units:
            words.append({1: "mốt", 5: "lăm"}.get(units, _DIGITS[units]))
    return words


def doc_so(n: int) -> str:
    """A whole number in words: 1005000 → "một triệu không trăm linh năm nghìn"."""
    if n < 0:
        return "âm " + doc_so(-n)
    if n == 0:
        return "không"
    billions, rest = divmod(n, 1_000_000_000)
    words: list[str] = []
    if billions:
        words += [doc_so(billions), "tỷ"]
    groups = [rest // 1_000_000 % 1000, rest // 1000 % 1000, rest % 1000]
    for index, group in enumerate(groups):
        if group:
            words += _three(group, leading=not words) + ([_GROUPS[2 - index]] if _GROUPS[2 - index] else [])
    return " ".join(words)


def tien_bang_chu(amount: Number) -> str:
    """Money in words for a tờ trình: 702000 → "Bảy trăm linh hai nghìn đồng"."""
    return hoa_chu_dau(doc_so(int(_decimal(amount).quantize(Decimal(1), rounding=ROUND_HALF_UP)))) + " đồng"


_OPENING = re.compile(r'(^|[\s(\[{“‘/-])"')


def ngoac_kep(s: str) -> str:
    """Straight double quotes as the “…” of Vietnamese Party texts: an opening one at the start or after
    a space or bracket, a closing one elsewhere (so "Chi bộ "Tiên tiến"" prints Chi bộ “Tiên tiến”)."""
    if '"' not in s:
        return s
    return _OPENING.sub(r"\1“", s).replace('"', "”")
