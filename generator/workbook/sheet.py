"""One sheet of a filled workbook: streamed row by row, its header matched to the expected columns.

``rows_of`` yields a sheet's values and turns a broken part or an impossible size into an
``InputError`` naming the sheet and row; ``Sheet`` reads one row into {target: {path: value}}
and says, as a ``CellProblem``, each cell it could not read; ``where`` and ``column_words`` are
the words every message about a place in the workbook is made of.
"""

from __future__ import annotations

import io
import zipfile
from typing import NamedTuple

from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from ..errors import InputError, Problem
from .cells import CellError, blank, convert, text
from .columns import Column, header_key

MISSING_COLUMN = "thiếu cột bắt buộc"


class CellProblem(NamedTuple):
    """A cell that could not be read: which document part it fills (``target``), where as words, why,
    the cell's reference ("Tổ chức!D4") and its column's header. Stored as a JSON list in the spill."""

    target: str
    place: str
    reason: str
    cell: str
    header: str


def where(sheet: str, row: int, columns: str | None = None) -> str:
    """ "trang “Đảng viên”, dòng 12, cột “Họ và tên”" (or without the column)."""
    return f"trang “{sheet}”, dòng {row}" + (f", {columns}" if columns else "")


def column_words(headers: list[str]) -> str | None:
    if not headers:
        return None
    return f"cột “{headers[0]}”" if len(headers) == 1 else "các cột " + ", ".join(f"“{h}”" for h in headers)


def rows_of(book, name: str):
    """A sheet's rows as values, one at a time; the size a file declares is ignored (some writers
    declare A1 only). Broken sheet XML (a control character, a shared string that does not exist)
    and rows past Excel's own limit are an ``InputError`` naming the sheet and the row."""
    try:
        sheet = book[name]
        sheet.reset_dimensions()
        rows = sheet.iter_rows(values_only=True)
    except BROKEN as error:
        raise broken_sheet(name, 1, error) from None
    number = 0
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except BROKEN as error:
            raise broken_sheet(name, number + 1, error) from None
        number += 1
        if number > EXCEL_ROWS:
            raise InputError(
                [
                    Problem(
                        f"{name}!{number}",
                        name,
                        f"trang “{name}” có quá {EXCEL_ROWS} dòng, "
                        "giới hạn của Excel: tệp hỏng hoặc không do Excel/LibreOffice tạo",
                    )
                ]
            )
        if len(values) > EXCEL_COLUMNS:
            raise InputError([Problem(f"{name}!{number}", name, f"{where(name, number)} có quá {EXCEL_COLUMNS} cột")])
        yield values


EXCEL_ROWS, EXCEL_COLUMNS = 1_048_576, 16_384
#: What openpyxl raises on a broken part: expat/lxml syntax errors (SyntaxError), a shared string
#: index out of range (IndexError), a bad number or reference (ValueError, KeyError, TypeError).
BROKEN = (
    zipfile.BadZipFile,
    InvalidFileException,
    SyntaxError,
    IndexError,
    KeyError,
    ValueError,
    TypeError,
    AttributeError,
    OverflowError,
    EOFError,
    OSError,
    RecursionError,
)


def open_book(data: bytes, title: str):
    """The workbook in ``data`` opened to stream (read-only, values), or an ``InputError`` under ``title``
    naming the part that does not parse."""
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except BROKEN as error:
        raise InputError(
            [
                Problem(
                    "$",
                    title,
                    f"không đọc được tệp .xlsx{broken_part(data)} ({type(error).__name__}: {str(error)[:160]})",
                )
            ]
        ) from None


def broken_part(data: bytes) -> str:
    """Which XML part of the archive is not well-formed, as words (" ở phần “xl/comments/comment3.xml”,
    dòng 1, cột 3650"), or "" when each part parses (the archive passed ``check_archive`` already)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for entry in archive.infolist():
            if entry.filename.lower().endswith((".xml", ".rels")):
                try:
                    etree.fromstring(archive.read(entry), parser)
                except etree.XMLSyntaxError as error:
                    line, column = error.position
                    return f" ở phần “{entry.filename[:80]}”, dòng {line}, cột {column}"
    return ""


def broken_sheet(name: str, row: int, error: BaseException) -> InputError:
    return InputError(
        [
            Problem(
                f"{name}!{row}",
                name,
                f"{where(name, row)}: nội dung trang hỏng, không đọc được "
                f"({type(error).__name__}: {str(error)[:160]}); hãy mở và lưu lại tệp bằng Excel hoặc LibreOffice",
            )
        ]
    )


def empty(values) -> bool:
    return not values or all(blank(v) for v in values)


class Sheet:
    """A sheet's header row matched to the expected columns; reads one row at a time."""

    def __init__(self, sheet: str, header_row: tuple, columns: tuple[Column, ...], problems: list[Problem]):
        known = {header_key(c.header): c for c in columns}
        self.sheet, self.positions = sheet, []
        seen: dict[str, str] = {}
        for j, cell in enumerate(header_row or ()):
            if blank(cell):
                self.positions.append(None)
                continue
            name, key, ref = text(cell), header_key(text(cell)), f"{sheet}!{get_column_letter(j + 1)}1"
            column = known.get(key)
            if column is None:
                problems.append(
                    Problem(ref, name, "cột không thuộc mẫu của quy định này (xem lệnh kiemdiem workbook-template)")
                )
            elif key in seen:
                problems.append(Problem(ref, name, f"cột bị lặp lại (đã có ở ô {seen[key]})"))
                column = None
            else:
                seen[key] = ref
            self.positions.append(column)
        for column in columns:
            if column.required and header_key(column.header) not in seen:
                problems.append(Problem(f"{sheet}!1", column.header, MISSING_COLUMN))
        self.present = [c for c in self.positions if c is not None]
        self.name_column = next((c for c in self.present if c.path[-1:] == ("ho_ten",)), None)  # whose row it is

    def read(self, values: tuple, row: int) -> tuple[dict[str, dict], list[CellProblem]]:
        """{target: {path: value}} of one row, and the cells that could not be read."""
        out: dict[str, dict] = {}
        errors = []
        for j, (column, value) in enumerate(zip(self.positions, values)):
            if column is None:
                continue
            try:
                converted = convert(column, value)
            except CellError as error:
                errors.append(
                    CellProblem(
                        column.target,
                        where(self.sheet, row, f"cột “{column.header}”"),
                        str(error),
                        f"{self.sheet}!{get_column_letter(j + 1)}{row}",
                        column.header,
                    )
                )
                continue
            if converted is not None:
                out.setdefault(column.target, {})[column.path] = converted
        return out, errors

    def columns_for(self, target: str, path: tuple) -> str | None:
        """The column holding ``path`` (or the columns inside it), as words; None for a whole row."""
        if not path:
            return None
        holding = [c for c in self.present if c.target == target and path[: len(c.path)] == c.path]
        if holding:
            return column_words([max(holding, key=lambda c: len(c.path)).header])
        return column_words([c.header for c in self.present if c.target == target and c.path[: len(path)] == path])

    def cell(self, row: int, column: Column | None = None, path: str | None = None) -> str:
        """The reference of ``column`` (or of the column holding the one-key ``path``) on ``row``:
        "Đảng viên!C12", or the row alone ("Đảng viên!12") when the sheet has no such column."""
        for j, c in enumerate(self.positions):
            if c is not None and (c.path == (path,) if path else c is column):
                return f"{self.sheet}!{get_column_letter(j + 1)}{row}"
        return f"{self.sheet}!{row}"
