"""Write the workbook a clerk fills: empty (``kiemdiem workbook-template``) or filled from a
``dang-bo`` document with its documents embedded (the example, tests).

Every header is a schema title, every choice a drop-down fed from a hidden sheet,
scores and counts have their ranges, dates are checked, headers are frozen and
wrapped; the first sheet says in Vietnamese how to fill the others.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from ..evaluate.regime import load_regime
from .columns import NO, YES, Column, header_columns, member_columns, organisation_columns

HEADER_SHEET, ORG_SHEET, MEMBER_SHEET, TEXT_SHEET, LIST_SHEET, HELP_SHEET = (
    "Đảng bộ", "Tổ chức", "Đảng viên", "Nội dung", "Danh mục", "Hướng dẫn")
TEXT_HEADERS = ("Mã đảng viên", "Mục", "Nội dung")
ROWS_VALIDATED = 5000
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")

HELP = [
    "Sổ kiểm điểm, xếp loại cả đảng bộ — dùng với lệnh: kiemdiem bulk <tệp .xlsx> -o <thư mục>",
    "",
    "Trang «Đảng bộ»: tên đảng bộ, cấp ủy cấp trên, quy định áp dụng, năm, địa danh, ngày lập và người ký các văn bản tổng hợp.",
    "Trang «Tổ chức»: mỗi dòng một tổ chức đảng. «Mã tổ chức» ngắn, không dấu, không trùng (ví dụ cb-kim-dong).",
    "  Chi bộ trực thuộc ghi «Trực thuộc (mã tổ chức)» là mã của đảng bộ cơ sở. Ngày họp và số đảng viên chính thức dùng để tính biểu quyết.",
    "  Các cột điểm (hoặc mức đánh giá), điều kiện, nhiệm vụ, người ký là biểu điểm tự chấm của tổ chức; để trống cả nhóm nếu chưa chấm.",
    "  Số đảng viên theo từng mức KHÔNG nhập: kiemdiem tính từ kết quả xếp loại đảng viên và tổ chức trực thuộc.",
    "Trang «Đảng viên»: mỗi dòng một đảng viên; «Mã chi bộ» là mã tổ chức của chi bộ. Số phiếu biểu quyết từng mức là kết quả họp chi bộ.",
    "  Các cột còn lại là bản tự kiểm điểm. Nội dung dài có thể để ở trang «Nội dung» hoặc trong tệp ghi ở cột «Tệp bản tự kiểm điểm».",
    "Trang «Nội dung»: mỗi dòng một đoạn văn: «Mã đảng viên», «Mục» (tên một cột của trang Đảng viên), «Nội dung». Nhiều dòng cùng mục nối thành nhiều đoạn.",
    "Ô có danh sách chọn: bấm mũi tên để chọn; ô Có/Không: chọn Có hoặc Không. Ngày: kiểu ngày của Excel hoặc dd/mm/yyyy.",
    "Trong ô văn bản, xuống dòng (Alt+Enter) để tách đoạn; đoạn bắt đầu bằng «- » là một ý gạch đầu dòng.",
    "",
    "Kiểm tra trước khi in: kiemdiem validate <tệp .xlsx>  — mọi lỗi được chỉ rõ trang, dòng, cột.",
]


def _cell_value(column: Column, value):
    """A document value as the clerk would type it."""
    if value is None:
        return None
    if column.kind == "boolean":
        return YES if value else NO
    if column.kind == "enum":
        return dict(column.choices).get(value, value)
    if column.kind == "date":
        return dt.date.fromisoformat(value) if isinstance(value, str) else value
    if column.kind in ("paragraphs", "lines"):
        return "\n".join(value) if isinstance(value, list) else value
    return value


def _get(data: dict | None, path: tuple):
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


class _Lists:
    """The hidden sheet of drop-down values: one column per distinct list."""

    def __init__(self, sheet):
        self.sheet, self.ranges = sheet, {}

    def range_for(self, titles: list[str]) -> str:
        key = tuple(titles)
        if key not in self.ranges:
            col = get_column_letter(len(self.ranges) + 1)
            for i, title in enumerate(titles, 1):
                self.sheet[f"{col}{i}"] = title
            self.ranges[key] = f"{quote_sheetname(self.sheet.title)}!${col}$1:${col}${len(titles)}"
        return self.ranges[key]


def _validation(column: Column, lists: _Lists) -> DataValidation | None:
    message = column.description[:250] or None
    if column.kind in ("enum", "boolean"):
        dv = DataValidation(type="list", formula1=f"={lists.range_for(column.choice_titles())}", allow_blank=True)
        dv.error, dv.errorTitle = "Chọn một giá trị trong danh sách.", column.header[:32]
    elif column.kind in ("integer", "number") and (column.minimum is not None or column.maximum is not None):
        low = column.minimum if column.minimum is not None else -1e9
        high = column.maximum if column.maximum is not None else 1e9
        dv = DataValidation(type="whole" if column.kind == "integer" else "decimal", operator="between",
                            formula1=str(low), formula2=str(high), allow_blank=True)
        dv.error, dv.errorTitle = f"Nhập số từ {low:g} đến {high:g}.", column.header[:32]
    elif column.kind == "date":
        dv = DataValidation(type="date", operator="greaterThan", formula1="DATE(1900,1,1)", allow_blank=True)
        dv.error, dv.errorTitle = "Nhập một ngày (dd/mm/yyyy).", column.header[:32]
    else:
        return None
    dv.showErrorMessage = True
    if message:
        dv.prompt, dv.showInputMessage = message, True
    return dv


def _table_sheet(book, title: str, columns: list[Column], rows: list[dict], lists: _Lists) -> None:
    sheet = book.create_sheet(title)
    for j, column in enumerate(columns, 1):
        cell = sheet.cell(row=1, column=j, value=column.header)
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if column.description:
            cell.comment = Comment(column.description, "kiemdiem")
        letter = get_column_letter(j)
        sheet.column_dimensions[letter].width = 40 if column.kind == "paragraphs" else 14 if column.kind in ("integer", "number", "boolean", "date") else 24
        dv = _validation(column, lists)
        if dv is not None:
            sheet.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}{max(ROWS_VALIDATED, len(rows) + 1)}")
    sheet.row_dimensions[1].height = 60
    sheet.freeze_panes = "A2"
    for i, row in enumerate(rows, 2):
        for j, column in enumerate(columns, 1):
            value = row.get(column.header)
            if value is not None:
                cell = sheet.cell(row=i, column=j, value=value)
                if column.kind == "date":
                    cell.number_format = "DD/MM/YYYY"
                elif column.kind == "paragraphs":
                    cell.alignment = Alignment(wrap_text=True, vertical="top")


def _organisation_rows(document: dict, columns: list[Column]) -> list[dict]:
    rows = []
    for org in document.get("to_chuc", []):
        sources = {"row": org, "group": org.get("xep_loai") or {}, "document": org.get("bieu_diem") or {}}
        rows.append({c.header: _cell_value(c, _get(sources[c.target], c.path)) for c in columns})
    return rows


def _member_rows(document: dict, columns: list[Column]) -> tuple[list[dict], list[tuple]]:
    rows, texts = [], []
    for org in document.get("to_chuc", []):
        for i, entry in enumerate((org.get("xep_loai") or {}).get("dang_vien", [])):
            member = entry.get("ban_kiem_diem") if isinstance(entry.get("ban_kiem_diem"), dict) else {}
            code = entry.get("ma_dang_vien") or f"{org['ma']}-{i + 1:03d}"
            file = entry.get("ban_kiem_diem") if isinstance(entry.get("ban_kiem_diem"), str) else None
            sources = {"row": {"ma_dang_vien": code, "ma_chi_bo": org["ma"], "tep": file}, "entry": entry, "document": member}
            row = {}
            for c in columns:
                value = _get(sources[c.target], c.path)
                if c.kind == "paragraphs" and isinstance(value, list) and len(value) > 1:
                    texts += [(code, c.header, paragraph) for paragraph in value]  # long texts go to «Nội dung»
                    continue
                row[c.header] = _cell_value(c, value)
            rows.append(row)
    return rows, texts


def write_workbook(path: str | Path, regime: str = "qd366-2025", profile: str | None = None,
                   document: dict | None = None) -> Path:
    """The workbook for ``regime``; filled with ``document`` (a dang-bo with embedded documents) if given."""
    rules = load_regime(regime)
    book = Workbook()
    help_sheet = book.active
    help_sheet.title = HELP_SHEET
    for i, line in enumerate(HELP + [f"Quy định của sổ này: {rules.name}."], 1):
        help_sheet.cell(row=i, column=1, value=line)
    help_sheet.column_dimensions["A"].width = 150
    help_sheet["A1"].font = Font(bold=True, size=13)
    lists_sheet = book.create_sheet(LIST_SHEET)
    lists = _Lists(lists_sheet)

    header = document or {"regime": regime, **({"profile": profile} if profile else {})}
    sheet = book.create_sheet(HEADER_SHEET, 1)
    sheet.append(["Trường", "Giá trị"])
    for cell in sheet[1]:
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
    for i, column in enumerate(header_columns(), 2):
        sheet.cell(row=i, column=1, value=column.header).font = Font(bold=column.header in ("Tên đảng bộ", "Năm kiểm điểm"))
        value = _cell_value(column, _get(header, column.path))
        if value is not None:
            cell = sheet.cell(row=i, column=2, value=value)
            if column.kind == "date":
                cell.number_format = "DD/MM/YYYY"
        if column.description:
            sheet.cell(row=i, column=1).comment = Comment(column.description, "kiemdiem")
        dv = _validation(column, lists)
        if dv is not None:
            sheet.add_data_validation(dv)
            dv.add(f"B{i}")
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 34, 60
    sheet.freeze_panes = "A2"

    document = document or {}
    org_columns, member_cols = organisation_columns(rules), member_columns(rules)
    _table_sheet(book, ORG_SHEET, org_columns, _organisation_rows(document, org_columns), lists)
    rows, texts = _member_rows(document, member_cols)
    _table_sheet(book, MEMBER_SHEET, member_cols, rows, lists)
    text_sheet = book.create_sheet(TEXT_SHEET)
    text_sheet.append(list(TEXT_HEADERS))
    for cell in text_sheet[1]:
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
    for row in texts:
        text_sheet.append(list(row))
    for letter, width in zip("ABC", (16, 40, 100)):
        text_sheet.column_dimensions[letter].width = width
    text_sheet.freeze_panes = "A2"
    book.move_sheet(LIST_SHEET, offset=len(book.sheetnames))
    lists_sheet.sheet_state = "hidden"
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path
