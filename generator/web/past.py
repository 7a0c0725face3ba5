"""A member's levels of the years before, from the record across years, for the form page's box
(``POST /api/ho-so/dang-vien``, web/documents.py; static/mau_ho_so.js draws it).

The request names the member as the form does — ``ho_ten``, ``ngay_sinh`` and ``ngay_vao_dang`` as ISO
dates, ``so_the_dang_vien`` — and the year being reviewed (``nam``): the answer is the record's current
outcomes of the years before it (generator/history/lookup.py), or none and why. Where the record is:
``$KIEMDIEM_HISTORY`` or the user's data folder, read on every request, never created by it.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from ..errors import InputError, Problem

FIELDS = {
    "ho_ten": "Họ và tên",
    "ngay_sinh": "Ngày sinh",
    "ngay_vao_dang": "Ngày vào Đảng",
    "so_the_dang_vien": "Số thẻ đảng viên",
    "nam": "Năm kiểm điểm",
}
MAX_NAME, MAX_CARD = 200, 24


def _text(document: dict, key: str, limit: int, problems: list) -> str | None:
    value = document.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and key == "so_the_dang_vien":
        value = str(value)
    if not isinstance(value, str):
        problems.append(Problem(f"$.{key}", FIELDS[key], "phải là chuỗi chữ"))
        return None
    value = unicodedata.normalize("NFC", value).strip()
    if len(value) > limit:
        problems.append(Problem(f"$.{key}", FIELDS[key], f"dài quá {limit} ký tự"))
        return None
    return value or None


def _date(document: dict, key: str, problems: list) -> dt.date | None:
    value = document.get(key)
    if value is None or value == "":
        return None
    try:
        if not isinstance(value, str) or len(value) != 10:
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        problems.append(Problem(f"$.{key}", FIELDS[key], "phải là một ngày có thật, dạng YYYY-MM-DD"))
        return None


def _year(document: dict, problems: list) -> int | None:
    value = document.get("nam")
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 1930 <= value <= 2100:
        problems.append(Problem("$.nam", FIELDS["nam"], "phải là một năm từ 1930 đến 2100"))
        return None
    return value


def member_past(document) -> dict:
    """The answer of ``POST /api/ho-so/dang-vien``; ``InputError`` for a request it cannot read,
    ``HistoryError`` for a record that cannot be."""
    if not isinstance(document, dict):
        raise InputError([Problem("$", "Yêu cầu", "phải là một đối tượng JSON {ho_ten, ngay_sinh, …}")])
    problems: list[Problem] = []
    name = _text(document, "ho_ten", MAX_NAME, problems)
    card = _text(document, "so_the_dang_vien", MAX_CARD, problems)
    born, admitted = _date(document, "ngay_sinh", problems), _date(document, "ngay_vao_dang", problems)
    year = _year(document, problems)
    if name is None and not problems:
        problems.append(Problem("$.ho_ten", FIELDS["ho_ten"], "chưa ghi họ và tên"))
    if problems:
        raise InputError(problems)
    if not (born or admitted or card):
        return {
            "ket_qua": [],
            "ly_do": "Ghi thêm ngày sinh, ngày vào Đảng hoặc số thẻ đảng viên để tìm trong hồ sơ.",
            "can_ghi_them": False,
        }
    from ..history.location import resolve
    from ..history.lookup import member_years
    from ..history.records import MemberRow

    return member_years(resolve(), MemberRow(name, born, admitted, card, None, None), year)
