"""The DOCX header's columns widened for a long date line.

Word cannot be told that a line never wraps, and a table's columns keep the widths the template gives
them; so when "Thành phố Hồ Chí Minh, ngày 15 tháng 12 năm 2025" needs more than the date's column, that
column is widened here and the issuer's narrowed, as the PDF's table does by itself. The names were already
broken for the narrower column (present/header_lines.fit_beside_date, which gives ``cot_ngay``). The rule
under "ĐẢNG CỘNG SẢN VIỆT NAM" is a paragraph border between indents, so the indents grow with the column
and the rule keeps the title's length.
"""

from __future__ import annotations

import re

from ..present.header_lines import NAMES_SHARE

_PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
_TABLE = re.compile(r"<w:tbl>.*?</w:tbl>", re.DOTALL)
_GRID = re.compile(r'<w:gridCol w:w="(\d+)"/>')
_CELL_WIDTH = re.compile(r'<w:tcW w:type="dxa" w:w="\d+"/>')
_RULE_INDENT = re.compile(r'<w:ind w:left="(\d+)" w:right="(\d+)"/>')


def widen_date_column(xml: str, points: float | None) -> str:
    """``xml`` (document.xml) with the header table's date column at least ``points`` wide."""
    if not points:
        return xml
    table = next((m for m in _TABLE.finditer(xml) if _PARTY in m.group()), None)
    if table is None:
        return xml
    text = table.group()
    grid = [int(w) for w in _GRID.findall(text)]
    wanted = round(points * 20)  # twentieths of a point
    if len(grid) != 2 or wanted <= grid[1]:
        return xml
    right = min(wanted, round(sum(grid) * (1 - NAMES_SHARE)))
    left, grown = sum(grid) - right, right - grid[1]
    widths = iter((left, right))
    text = _GRID.sub(lambda m: f'<w:gridCol w:w="{next(widths)}"/>', text)
    widths = iter((left, right))
    text = _CELL_WIDTH.sub(lambda m: f'<w:tcW w:type="dxa" w:w="{next(widths, right)}"/>', text)
    text = _RULE_INDENT.sub(
        lambda m: f'<w:ind w:left="{int(m[1]) + grown // 2}" w:right="{int(m[2]) + grown // 2}"/>', text, count=1
    )
    return xml[: table.start()] + text + xml[table.end() :]
