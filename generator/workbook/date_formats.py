"""Date cells shown month first: a date typed day first may have been read the other way.

Excel with an English (US) system reads "05/12/2025" typed in a cell as 12 May and shows it
"05/12/2025" again under a month-first format, so the clerk sees what they typed and the
file holds another day. The cell keeps a true date; only its number format tells. Built-in
format 14 follows the reader's own system (d/m/yyyy in Vietnam), so only a format written
out month first ("mm/dd/yyyy", "[$-409]m/d/yy") is reported, with the day kiemdiem read.
"""

from __future__ import annotations

import datetime as dt
import re

from openpyxl.utils import get_column_letter

from ..vietnamese import ngay_thang_nam

_NOISE = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')  # literal text, escapes, [$-409]/[Red], padding
_TOKEN = re.compile(r"y+|m+|d+|h+|s+")
MAX_SHOWN = 20  # cells named one by one; the rest counted


def month_first(number_format: str | None) -> bool:
    """Whether a format shows a date's month before its day, the year after them (a minute's "m"
    beside "h" or "s" is no month; "ddd" is a weekday's name)."""
    if not number_format:
        return False
    tokens = _TOKEN.findall(_NOISE.sub("", number_format.lower()))
    month = day = None
    for i, token in enumerate(tokens):
        minute = (
            token[0] == "m"
            and len(token) <= 2
            and ((i and tokens[i - 1][0] == "h") or (i + 1 < len(tokens) and tokens[i + 1][0] == "s"))
        )
        if token[0] == "m" and not minute and month is None:
            month = i
        elif token[0] == "d" and len(token) <= 2 and day is None:
            day = i
    year_first = bool(tokens) and tokens[0][0] == "y"  # 2025-05-12 reads one way only
    return month is not None and day is not None and month < day and not year_first


def custom_month_first(book) -> bool:
    """Whether the workbook declares any month-first format at all (most do not: no second look)."""
    return any(month_first(f) for f in getattr(book, "_number_formats", ()))


def month_first_cells(sheet, name: str, date_columns: set[int]) -> list[tuple[str, dt.date]]:
    """(cell, date) of every date cell in ``date_columns`` (0-based) shown month first, row 2 on."""
    found = []
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            column = getattr(cell, "column", None)
            if column is None or column - 1 not in date_columns or not isinstance(cell.value, (dt.date, dt.datetime)):
                continue
            if month_first(cell.number_format):
                found.append((f"{name}!{get_column_letter(column)}{cell.row}", _day(cell.value)))
    return found


def _day(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def notices(found: list[tuple[str, dt.date]]) -> list[str]:
    """The warnings, one per cell up to ``MAX_SHOWN``: what was read, and what to check."""
    out = [
        f"lưu ý: ô {cell} là ngày hiển thị theo kiểu tháng trước ngày (mm/dd/yyyy); kiemdiem đọc là {ngay_thang_nam(day)}"
        " — nếu đây không phải ngày đã gõ, hãy định dạng ô dd/mm/yyyy và gõ lại"
        for cell, day in found[:MAX_SHOWN]
    ]
    if len(found) > MAX_SHOWN:
        out.append(f"lưu ý: và {len(found) - MAX_SHOWN} ô ngày khác cũng hiển thị tháng trước ngày")
    return out
