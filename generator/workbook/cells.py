"""One cell's value as a document wants it, or why not (in Vietnamese).

A clerk types what Excel lets them: a date as a date cell or as text, a score
with a decimal comma, a choice as its title or its code, Alt+Enter between
paragraphs. Each is accepted here; anything else is a ``CellError`` that names
the value, so the row can be reported and left out without stopping the others.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata

from openpyxl.utils.datetime import from_excel

from ..typed import TypedError, parse_date, parse_number
from .columns import NO, YES, Column, header_key

TRUE = {"có", "co", "x", "true", "đúng", "1"}
FALSE = {"không", "khong", "false", "sai", "0"}


class CellError(ValueError):
    pass


def text(value) -> str:
    """A cell as NFC text without surrounding spaces (12.0 → "12", a date → dd/mm/yyyy)."""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        value = value.strftime("%d/%m/%Y")
    return unicodedata.normalize("NFC", str(value)).strip()


def blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def paragraphs(value) -> list[str]:
    return [line.strip() for line in text(value).replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]


def _number(value) -> int | float:
    if isinstance(value, bool):
        raise CellError(f"cần một số, không phải “{text(value)}”")
    if isinstance(value, float) and not math.isfinite(value):
        raise CellError("ô không chứa một số (NaN hoặc vô hạn): hãy gõ lại số")
    if isinstance(value, (int, float)):
        return value
    try:
        return parse_number(text(value))  # a number typed as text: "27,5", "27.5"; never "1.000" guessed
    except TypedError as error:
        raise CellError(str(error)) from None


def _date(value) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 2958466:
        return from_excel(value).date().isoformat()  # a date serial in a cell not formatted as a date
    try:
        return parse_date(text(value))
    except TypedError as error:
        raise CellError(str(error)) from None


def convert(column: Column, value):
    """The cell's value for ``column``, None when blank; ``CellError`` says why it cannot be."""
    if blank(value):
        return None
    kind = column.kind
    if kind == "integer":
        number = _number(value)
        if float(number) != int(number):
            raise CellError(f"cần một số nguyên, không phải “{text(value)}”")
        return int(number)
    if kind == "number":
        number = _number(value)
        return int(number) if float(number).is_integer() else float(number)
    if kind == "boolean":
        if isinstance(value, bool):
            return value
        shown = text(value).casefold()
        if shown in TRUE:
            return True
        if shown in FALSE:
            return False
        raise CellError(f"chọn “{YES}” hoặc “{NO}”, không phải “{text(value)}”")
    if kind == "date":
        return _date(value)
    if kind == "enum":
        wanted = header_key(text(value))
        for code, title in column.choices:
            if wanted in (code.casefold(), header_key(title)):
                return code
        raise CellError(f"“{text(value)}” không có trong danh sách chọn ({'; '.join(t for _, t in column.choices)})")
    if kind == "lines":
        return paragraphs(value)
    if kind == "paragraphs":
        lines = paragraphs(value)
        return lines if len(lines) > 1 else lines[0]
    return text(value)


def get_path(data, path: tuple):
    """The value at ``path`` in nested dicts, or None."""
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data
