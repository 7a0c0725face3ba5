"""Write the workbook a clerk fills: empty (``kiemdiem workbook-template``) or filled from a
``dang-bo`` document with its documents embedded (the example, tests, benchmarks).

Every header is a schema title, every choice a drop-down fed from a hidden sheet,
numbers have their ranges, dates are checked, headers are frozen, wrapped and
explained in a note; the first sheet says in Vietnamese how to fill the others.
The workbook is streamed (openpyxl write-only): rows go to disk as they are made,
so ten thousand members cost no more memory than ten.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from ..errors import InputError, Problem
from ..evaluate.regime import ProfileError, known_regimes
from ..vietnamese import so
from ..write import check_target, write_atomic
from .cells import get_path
from .columns import DOCUMENT, ENTRY, GROUP, NAME_COLUMN, NO, REPORT_FILE, ROW, YES, Column, Layout, layout

HELP_SHEET, HEADER_SHEET, ORG_SHEET, MEMBER_SHEET, TEXT_SHEET, LIST_SHEET = (
    "Hướng dẫn",
    "Đảng bộ",
    "Tổ chức",
    "Đảng viên",
    "Nội dung",
    "Danh mục",
)
HEADER_FIELDS = ("Trường", "Giá trị")
TEXT_HEADERS = ("Mã đảng viên", "Mục", "Nội dung")
ROWS_VALIDATED = 20_000  # drop-downs and ranges reach this far below the data: a large đảng bộ's members
BOLD, TITLE_FONT = Font(name="Calibri", bold=True), Font(name="Calibri", bold=True, size=13)
CODES = {("ma",), ("truc_thuoc",), ("ma_dang_vien",), ("ma_chi_bo",)}
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
WRAP = Alignment(wrap_text=True, vertical="top")
DATE_FORMAT = "DD/MM/YYYY"
KIND_NAMES = {
    "text": "chữ",
    "integer": "số nguyên",
    "number": "số",
    "boolean": "Có / Không",
    "date": "ngày (dd/mm/yyyy)",
    "enum": "chọn trong danh sách",
    "paragraphs": "văn bản (mỗi dòng một đoạn)",
    "lines": "danh sách (mỗi dòng một mục)",
}

HELP = [
    "Sổ kiểm điểm, xếp loại cả đảng bộ — dùng với lệnh: kiemdiem bulk <tệp .xlsx> -o <thư mục kết quả>",
    "",
    "Cách dùng: điền các trang dưới đây, lưu lại, rồi chạy lệnh:  kiemdiem bulk <tệp .xlsx> -o <thư mục kết quả>",
    "kiemdiem xếp loại từng đảng viên và từng tổ chức, áp tỷ lệ, in mọi văn bản; lỗi nào cũng chỉ rõ trang, dòng, cột.",
    "Sổ trống mới: kiemdiem workbook-template -o <tệp .xlsx> [--regime <mã quy định>]; các cột tùy theo quy định.",
    "Sổ năm sau, điền sẵn đảng bộ, tổ chức, đảng viên từ hồ sơ xếp loại các năm: kiemdiem workbook-template --from-history"
    " [--year <năm>] -o <tệp .xlsx>.",
    "",
    "Trang “Đảng bộ”: mỗi dòng một trường (tên đảng bộ, cấp ủy cấp trên, quy định, năm, địa danh, ngày lập, người ký, nơi nhận"
    " của các văn bản tổng hợp). Các văn bản của tổ chức và đảng viên lấy quy định, năm, địa danh, ngày lập từ đây.",
    "Trang “Tổ chức”: mỗi dòng một tổ chức đảng (đảng bộ cơ sở, chi bộ cơ sở, chi bộ trực thuộc).",
    "  “Mã tổ chức”: mã ngắn, không dấu, không trùng (ví dụ cb-kim-dong). Chi bộ trực thuộc ghi ở “Trực thuộc (mã tổ chức)”"
    " mã của đảng bộ cơ sở của mình.",
    "  Ngày họp chi bộ và số đảng viên chính thức dùng để tính kết quả biểu quyết của chi bộ.",
    "  Các cột điểm (hoặc mức đánh giá), điều kiện, nhiệm vụ, người ký là biểu điểm tự chấm của tổ chức;"
    " tổ chức chưa chấm điểm thì để trống cả nhóm cột này.",
    "  “Tệp báo cáo kiểm điểm tập thể” (nếu có): tệp JSON/YAML của báo cáo Mẫu 01 (ưu điểm, hạn chế, phương hướng…) nằm trong"
    " thư mục của sổ; phần điểm và đề xuất xếp loại của báo cáo lấy từ biểu điểm trên dòng này.",
    "  Số đảng viên, số tổ chức theo từng mức KHÔNG nhập: kiemdiem tính từ kết quả xếp loại của đảng viên và tổ chức trực thuộc.",
    "Trang “Đảng viên”: mỗi dòng một đảng viên. “Mã chi bộ” là “Mã tổ chức” của chi bộ ở trang “Tổ chức”.",
    "  Các cột “Phiếu …” là kết quả biểu quyết của chi bộ cho từng mức; các cột còn lại là nội dung kiểm điểm của đảng viên.",
    "  “Tệp bản tự kiểm điểm” (nếu có): tệp JSON/YAML nằm trong thư mục của sổ; các ô có ghi trên dòng được dùng thay nội dung tệp.",
    "Trang “Nội dung”: nội dung dài, mỗi dòng một đoạn văn: “Mã đảng viên” (như ở trang “Đảng viên”), “Mục” (tên một cột văn bản"
    " của trang “Đảng viên”, hoặc đường dẫn như kiem_diem.han_che.nguyen_nhan), “Nội dung”. Nhiều dòng cùng mục nối thành nhiều đoạn,"
    " tiếp sau đoạn đã ghi ở ô (nếu có).",
    "",
    "Ô có danh sách chọn: bấm mũi tên để chọn. Ô Có/Không: chọn “Có” hoặc “Không”; để trống là chưa ghi (theo mặc định của mẫu).",
    "Ngày: kiểu ngày của Excel, hoặc gõ dd/mm/yyyy hay yyyy-mm-dd. Số thập phân: dấu phẩy hoặc dấu chấm đều được.",
    "Trong ô văn bản, xuống dòng (Alt+Enter) để tách đoạn; đoạn bắt đầu bằng “- ” là một ý gạch đầu dòng.",
    "Dòng trống được bỏ qua. Ô sai kiểu (chữ trong ô điểm, giá trị ngoài danh sách, ngày sai) chỉ loại dòng đó, các dòng khác vẫn được xử lý.",
    "",
    "Danh sách các cột:",
]


def _clean(text: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def _cell_value(column: Column, value):
    """A document value as the clerk would type it."""
    if value is None:
        return None
    if column.kind == "boolean" and isinstance(value, bool):
        return YES if value else NO
    if column.kind == "enum":
        return dict(column.choices).get(value, value)
    if column.kind == "date" and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    if column.kind in ("paragraphs", "lines") and isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return value


class _Lists:
    """The hidden sheet of drop-down values: one column per distinct list, its name on top."""

    def __init__(self):
        self.columns: dict[tuple, tuple[str, str]] = {}  # titles → (letter, name)

    def range_for(self, column: Column, titles: list[str] | None = None) -> str:
        titles = tuple(titles or column.choice_titles())
        if titles not in self.columns:
            letter = get_column_letter(len(self.columns) + 1)
            self.columns[titles] = (letter, column.title or column.header)
        letter = self.columns[titles][0]
        return f"{quote_sheetname(LIST_SHEET)}!${letter}$2:${letter}${len(titles) + 1}"

    def write(self, book) -> None:
        sheet = book.create_sheet(LIST_SHEET)
        lists = list(self.columns.items())
        for j in range(len(lists)):
            sheet.column_dimensions[get_column_letter(j + 1)].width = 30
        sheet.append([name for _, (_, name) in lists])
        for i in range(max((len(t) for t in self.columns), default=0)):
            sheet.append([titles[i] if i < len(titles) else None for titles, _ in lists])
        sheet.sheet_state = "hidden"


def _plain(value) -> str:
    """A bound as a formula holds it: "30", "27.5", never "1e+09"."""
    return format(Decimal(str(value)), "f")


def _validation(column: Column, lists: _Lists) -> DataValidation | None:
    title = column.header[:32]
    if column.kind in ("enum", "boolean"):
        dv = DataValidation(type="list", formula1=f"={lists.range_for(column)}", allow_blank=True)
        dv.error, dv.errorTitle = "Chọn một giá trị trong danh sách.", title
    elif column.kind in ("integer", "number"):
        low = column.minimum if column.minimum is not None else -(10**9)
        high = column.maximum if column.maximum is not None else 10**9
        dv = DataValidation(
            type="whole" if column.kind == "integer" else "decimal",
            operator="between",
            formula1=_plain(low),
            formula2=_plain(high),
            allow_blank=True,
        )
        whole = "số nguyên" if column.kind == "integer" else "số"
        bounds = (
            f"từ {so(low)} đến {so(high)}"
            if column.minimum is not None and column.maximum is not None
            else f"từ {so(low)} trở lên"
            if column.minimum is not None
            else f"không lớn hơn {so(high)}"
            if column.maximum is not None
            else ""
        )
        hint = " (số thập phân dùng dấu phẩy: 27,5)" if column.kind == "number" else ""
        dv.error, dv.errorTitle = f"Nhập {whole} {bounds}".rstrip() + hint + ".", title
    elif column.kind == "date":
        dv = DataValidation(type="date", operator="greaterThan", formula1="DATE(1900,1,1)", allow_blank=True)
        dv.error, dv.errorTitle, dv.errorStyle = "Nhập một ngày, dạng dd/mm/yyyy.", title, "warning"
    else:
        return None
    dv.showErrorMessage = True
    if column.description:
        dv.prompt, dv.promptTitle, dv.showInputMessage = column.description[:255], title, True
    return dv


def _width(column: Column) -> float:
    if column.kind == "paragraphs":
        return 48
    if column.kind in ("integer", "number", "boolean", "date"):
        return 14
    return 16 if column.path in CODES else 30


class _Table:
    """A streamed sheet: header row with notes, then data rows, then its validations."""

    def __init__(self, book, title: str, columns: list[Column], lists: _Lists, frozen_columns: int = 0):
        self.sheet, self.columns, self.lists, self.rows = book.create_sheet(title), columns, lists, 0
        for j, column in enumerate(columns, 1):
            self.sheet.column_dimensions[get_column_letter(j)].width = _width(column)
        self.sheet.freeze_panes = f"{get_column_letter(frozen_columns + 1)}2"  # the header, and the name columns
        self.sheet.row_dimensions[1].height = 75
        self.sheet.page_setup.orientation = "landscape"
        self.sheet.print_title_rows = "1:1"
        self.sheet.append([self._header(column) for column in columns])

    def _header(self, column: Column) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.sheet, value=column.header)
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, WRAP
        note = column.description
        if column.kind in ("enum", "boolean"):
            note = (note + "\n" if note else "") + "Chọn: " + "; ".join(column.choice_titles())
        if note:
            cell.comment = Comment(note, "kiemdiem", height=160, width=320)
        return cell

    def append(self, values: list) -> None:
        self.sheet.append([_typed(self.sheet, value) for value in values])
        self.rows += 1

    def close(self) -> None:
        last = max(ROWS_VALIDATED, self.rows + 1000)
        for j, column in enumerate(self.columns, 1):
            dv = _validation(column, self.lists)
            if dv is not None:
                letter = get_column_letter(j)
                dv.add(f"{letter}2:{letter}{last}")
                self.sheet.data_validations.append(dv)


def _typed(sheet, value):
    """A cell: dates get their format, texts are kept as texts (never a formula), long texts wrap."""
    if value is None:
        return None
    if isinstance(value, str):
        value = _clean(value)
        if value.startswith("=") or "\n" in value:
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            if "\n" in value:
                cell.alignment = WRAP
            return cell
        return value
    if isinstance(value, dt.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    return value


def _help_sheet(book, cols: Layout) -> None:
    sheet = book.create_sheet(HELP_SHEET)
    for letter, width in zip("ABCD", (14, 50, 34, 100)):  # the help lines overflow from A across
        sheet.column_dimensions[letter].width = width
    first = WriteOnlyCell(sheet, value=HELP[0])
    first.font = TITLE_FONT
    sheet.append([first])
    sheet.append(
        [
            f"Quy định của sổ này: {cols.regime.name}"
            + (f"; hồ sơ địa phương: {cols.regime.profile}" if cols.regime.profile else "")
            + "."
        ]
    )
    for line in HELP[1:]:
        sheet.append([line])
    heads = []
    for text in ("Trang", "Cột", "Kiểu", "Ghi chú"):
        cell = WriteOnlyCell(sheet, value=text)
        cell.font, cell.fill = BOLD, HEADER_FILL
        heads.append(cell)
    sheet.append(heads)
    catalogue = (
        [(HEADER_SHEET, c) for c in cols.header]
        + [(ORG_SHEET, c) for c in cols.organisations]
        + [(MEMBER_SHEET, c) for c in cols.members]
    )
    for name, column in catalogue:
        kind = KIND_NAMES[column.kind]
        if column.kind == "enum" and len(column.choices) <= 6:
            kind += ": " + "; ".join(column.choice_titles())
        elif column.kind in ("integer", "number") and column.maximum is not None:
            kind += f" từ {column.minimum or 0:g} đến {column.maximum:g}"
        note = ("Bắt buộc. " if column.required else "") + column.description
        sheet.append([name, column.header, kind, note or None])


def _heading(sheet, titles) -> list:
    """A header row: bold on the header fill."""
    cells = []
    for title in titles:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font, cell.fill = BOLD, HEADER_FILL
        cells.append(cell)
    return cells


def _header_sheet(book, cols: Layout, header: dict, lists: _Lists) -> None:
    sheet = book.create_sheet(HEADER_SHEET)
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 36, 70
    sheet.freeze_panes = "A2"
    sheet.append(_heading(sheet, HEADER_FIELDS))
    for i, column in enumerate(cols.header, 2):
        name = WriteOnlyCell(sheet, value=column.header)
        name.font = BOLD
        if column.description:
            name.comment = Comment(column.description, "kiemdiem", height=120, width=320)
        sheet.append([name, _typed(sheet, _cell_value(column, get_path(header, column.path)))])
        dv = _validation(column, lists)
        if dv is not None:
            dv.add(f"B{i}")
            sheet.data_validations.append(dv)


def _organisation_values(org: dict, columns: list[Column]) -> list:
    report = org.get("bao_cao")
    row = {**org, REPORT_FILE.path[0]: report if isinstance(report, str) else None}
    sources = {
        ROW: row,
        GROUP: org.get("xep_loai") if isinstance(org.get("xep_loai"), dict) else {},
        DOCUMENT: org.get("bieu_diem") if isinstance(org.get("bieu_diem"), dict) else {},
    }
    return [_cell_value(c, get_path(sources[c.target], c.path)) for c in columns]


def _member_values(org: dict, index: int, entry: dict, columns: list[Column]) -> tuple[list, list[tuple]]:
    """A member's row, and its multi-paragraph texts as “Nội dung” rows (one paragraph each)."""
    member = entry.get("ban_kiem_diem")
    code = entry.get("ma_dang_vien") or f"{org['ma']}-{index + 1:03d}"
    row = {"ma_dang_vien": code, "ma_chi_bo": org["ma"], "tep": member if isinstance(member, str) else None}
    sources = {ROW: row, ENTRY: entry, DOCUMENT: member if isinstance(member, dict) else {}}
    values, texts = [], []
    for column in columns:
        value = get_path(sources[column.target], column.path)
        if column.kind == "paragraphs" and isinstance(value, list) and len(value) > 1:
            texts += [(code, column.header, paragraph) for paragraph in value]
            value = None
        values.append(_cell_value(column, value))
    return values, texts


def checked_layout(regime: str, profile: str | None) -> tuple[Layout | None, list[Problem]]:
    """The columns for ``regime`` and ``profile``, or the problems naming ``--regime`` or ``--profile``."""
    if regime not in known_regimes():
        return None, [
            Problem("--regime", "Quy định áp dụng", f"không biết quy định “{regime}”; có: {', '.join(known_regimes())}")
        ]
    try:
        return layout(regime, profile), []
    except ProfileError as error:
        return None, [Problem("--profile", "Hồ sơ quy định địa phương", str(error))]


def write_workbook(
    path: str | Path, regime: str = "qd366-2025", profile: str | None = None, document: dict | None = None
) -> Path:
    """Write the workbook for ``regime`` (and ``profile``); filled with ``document`` — a dang-bo
    whose organisations embed their xep_loai and bieu_diem and name their bao_cao file — when given (its regime wins)."""
    check_target(path)  # a folder or an unwritable place is said before the workbook is built
    document = document or {}
    regime = document.get("regime", regime)
    profile = document.get("profile", profile)
    cols, problems = checked_layout(regime, profile)
    if problems:
        raise InputError(problems)
    header = {
        "regime": regime,
        **({"profile": profile} if profile else {}),
        **{k: v for k, v in document.items() if k != "to_chuc"},
    }
    organisations = [o for o in document.get("to_chuc", []) if isinstance(o, dict)]

    book = Workbook(write_only=True)
    lists = _Lists()
    _help_sheet(book, cols)
    _header_sheet(book, cols, header, lists)
    orgs = _Table(book, ORG_SHEET, list(cols.organisations), lists)
    for org in organisations:
        orgs.append(_organisation_values(org, orgs.columns))
    orgs.close()
    members = _Table(book, MEMBER_SHEET, list(cols.members), lists, frozen_columns=NAME_COLUMN)
    texts = book.create_sheet(TEXT_SHEET)
    for letter, width in zip("ABC", (18, 44, 110)):
        texts.column_dimensions[letter].width = width
    texts.freeze_panes = "A2"
    texts.append(_heading(texts, TEXT_HEADERS))
    written = 0
    for org in organisations:
        group = org.get("xep_loai")
        for index, entry in enumerate(group.get("dang_vien") or [] if isinstance(group, dict) else []):
            values, paragraphs = _member_values(org, index, entry if isinstance(entry, dict) else {}, members.columns)
            members.append(values)
            for code, header_text, paragraph in paragraphs:
                texts.append([code, header_text, _typed(texts, paragraph)])
                written += 1
    members.close()
    sections = [c.header for c in members.columns if c.kind == "paragraphs"]
    if sections:  # “Mục” picks a text column of “Đảng viên”; a JSON path typed instead is accepted too
        item = Column(TEXT_HEADERS[1], ("muc",), "enum", title=TEXT_HEADERS[1])
        dv = DataValidation(
            type="list",
            formula1=f"={lists.range_for(item, sections)}",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            errorTitle=TEXT_HEADERS[1],
            error="Mục nên là tên một cột văn bản của trang “Đảng viên” (hoặc đường dẫn JSON).",
        )
        dv.add(f"B2:B{max(ROWS_VALIDATED, written + 1000)}")
        texts.data_validations.append(dv)
    lists.write(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return write_atomic(path, buffer.getvalue())
