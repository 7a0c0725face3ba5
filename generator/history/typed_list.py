"""Earlier years typed from paper: ``kiemdiem history template`` writes the list to fill, ``kiemdiem history
import`` reads it back (XLSX, or CSV in UTF-8).

One row per member and year: họ và tên, ngày sinh, ngày vào Đảng (optional), số thẻ đảng viên (optional),
chi bộ, tổ chức cơ sở đảng (optional), đảng bộ, năm, mức xếp loại — a code (HTXSNV …) or the level's name
as that year's rules wrote it ("Đủ tư cách, hoàn thành xuất sắc nhiệm vụ" in 2011–2013) — and tiêu biểu
(optional). Cells are read as the workbook's are (generator/workbook/cells.py: dates day first or ISO, or
date cells; "Có"/"Không"); the review year's rules come from the commendation data's ``review_regimes``.
Every row is checked; a bad one is reported with its sheet, row and column and left out.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..errors import InputError, Problem, SourceProblem
from ..evaluate.commendation import review_regime
from ..evaluate.regime import known_regimes, load_regime
from ..inputfile import read_archive, read_bytes
from ..workbook.cells import CellError, blank, convert, text
from ..workbook.columns import NO, YES, Column, header_key
from .records import IMPORT, NOT_RATED, MemberRow, Place, Result, RunInfo

SHEET, HELP_SHEET, LIST_SHEET = "Danh sách", "Hướng dẫn", "Danh mục"
TITLE = "Danh sách xếp loại các năm"
CARD = re.compile(r"[0-9]+([. ][0-9]+)*")  # as schemas/shared/chung.defs.json "so_the_dang_vien"
FIRST_YEAR = 2000  # the first review year generator/commendation/khen-thuong.yaml gives rules for
HEADER_ROWS = 10  # the header is looked for in the first rows (a title may stand above it)


@dataclass(frozen=True)
class Field:
    key: str
    column: Column
    aliases: tuple[str, ...] = ()


def _field(key: str, header: str, kind: str, required: bool, description: str, *aliases: str) -> Field:
    return Field(key, Column(header, (key,), kind, required=required, title=header, description=description), aliases)


FIELDS = (
    _field("ho_ten", "Họ và tên", "text", True, "Họ và tên đảng viên, như ghi trong danh sách năm đó.", "Họ tên"),
    _field("ngay_sinh", "Ngày sinh", "date", True, "dd/mm/yyyy, ví dụ 02/03/1980 (hoặc ô kiểu ngày của Excel)."),
    _field("ngay_vao_dang", "Ngày vào Đảng", "date", False, "Tùy chọn: ngày kết nạp, dd/mm/yyyy."),
    _field(
        "so_the_dang_vien",
        "Số thẻ đảng viên",
        "text",
        False,
        "Tùy chọn: số in trên thẻ đảng viên (chỉ chữ số; dấu chấm, dấu cách giữa các nhóm số như trên thẻ).",
        "Số thẻ",
    ),
    _field("chi_bo", "Chi bộ", "text", True, "Tên chi bộ của đảng viên năm đó."),
    _field(
        "to_chuc_co_so",
        "Tổ chức cơ sở đảng",
        "text",
        False,
        "Tùy chọn: đảng bộ cơ sở hoặc chi bộ cơ sở của chi bộ (để trống nếu chi bộ trực thuộc thẳng đảng bộ).",
        "Tổ chức cơ sở",
    ),
    _field(
        "dang_bo", "Đảng bộ", "text", True, "Tên đảng bộ (như trong sổ của kiemdiem bulk, để các năm nối vào nhau)."
    ),
    _field("nam", "Năm", "integer", True, "Năm kiểm điểm, ví dụ 2016.", "Năm kiểm điểm", "Năm đánh giá"),
    _field(
        "muc_xep_loai",
        "Mức xếp loại",
        "text",
        True,
        "Mức xếp loại năm đó: tên mức như quy định năm đó ghi, hoặc mã HTXSNV, HTTNV, HTNV, KHTNV; "
        "“Không xếp loại” nếu đảng viên không được xếp loại.",
        "Xếp loại",
        "Kết quả xếp loại",
    ),
    _field(
        "tieu_bieu",
        "Tiêu biểu",
        "boolean",
        False,
        "Tùy chọn: “Có” nếu được công nhận tiêu biểu (chỉ với mức cao nhất).",
    ),
)
BY_HEADER = {header_key(name): f for f in FIELDS for name in (f.column.header, *f.aliases)}


def regime_for(year: int):
    """The rules of a review year (generator/commendation/khen-thuong.yaml ``review_regimes``)."""
    return load_regime(review_regime(year))


def level_code(typed: str, year: int) -> str:
    """The level code ``typed`` (a code or a level's name) means in ``year``; ``CellError`` says why not."""
    regime = regime_for(year)
    rules = regime.subject("ca_nhan")
    wanted = header_key(typed)
    for code, label in rules.levels:
        if wanted in (code.casefold(), header_key(label)):
            return code
    if wanted in (NOT_RATED.casefold(), header_key(rules["not_rated_label"])):
        return NOT_RATED
    names = "; ".join(f"“{label}” ({code})" for code, label in rules.levels)
    years = [
        y
        for y in range(FIRST_YEAR, dt.date.today().year + 1)
        if any(header_key(label) == wanted for _, label in regime_for(y).subject("ca_nhan").levels)
    ]
    hint = f" (tên mức của các năm {years[0]}–{years[-1]})" if years else ""
    raise CellError(
        f"“{typed}” không phải mức xếp loại đảng viên năm {year}{hint}; năm {year} ({regime.name}) "
        f"có: {names}, hoặc “{rules['not_rated_label']}”"
    )


# -- reading -----------------------------------------------------------------------------------------
def _xlsx_rows(path: Path, data: bytes):
    """(sheet name, rows of values) of the first sheet with a “Họ và tên” header, else the first sheet."""
    from ..workbook.sheet import open_book, rows_of

    book = open_book(data, TITLE)
    try:
        names = book.sheetnames
        chosen = names[0]
        for name in names:
            for number, values in enumerate(rows_of(book, name), 1):
                if any(not blank(v) and header_key(text(v)) == header_key("Họ và tên") for v in values):
                    chosen = name
                    break
                if number >= HEADER_ROWS:
                    break
            else:
                continue
            break
        return chosen, list(rows_of(book, chosen))
    finally:
        book.close()


def _csv_rows(path: Path, data: bytes) -> list[tuple]:
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            [
                Problem(
                    "$",
                    TITLE,
                    f"tệp CSV không phải mã UTF-8 (byte thứ {error.start + 1}): hãy lưu lại bằng "
                    "“CSV UTF-8” trong Excel, hoặc dùng tệp .xlsx",
                )
            ]
        ) from None
    first = next((line for line in content.splitlines() if line.strip()), "")
    delimiter = max((",", ";", "\t"), key=first.count)
    try:
        return [tuple(row) for row in csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)]
    except csv.Error as error:
        raise InputError([Problem("$", TITLE, f"tệp CSV hỏng: {error}")]) from None


def _where(sheet: str | None, number: int, header: str | None = None) -> str:
    place = (f"trang “{sheet}”, " if sheet else "") + f"dòng {number}"
    return place + (f", cột “{header}”" if header else "")


def _header(rows: list[tuple], sheet: str | None) -> tuple[int, dict[int, Field]]:
    """The header row's index and which field each column is; ``InputError`` when required ones are missing."""
    for index, values in enumerate(rows[:HEADER_ROWS]):
        keys = [header_key(text(v)) if not blank(v) else "" for v in values]
        if header_key("Họ và tên") in keys or header_key("Họ tên") in keys:
            break
    else:
        raise InputError(
            [
                Problem(
                    "$",
                    TITLE,
                    f"không thấy dòng tiêu đề có cột “Họ và tên” trong {HEADER_ROWS} dòng đầu"
                    + (f" của trang “{sheet}”" if sheet else "")
                    + " (mẫu: kiemdiem history template)",
                )
            ]
        )
    columns: dict[int, Field] = {}
    problems = []
    for j, key in enumerate(keys):
        found = BY_HEADER.get(key)
        if found is None:
            continue  # STT, ghi chú…: not read
        if found in columns.values():
            problems.append(Problem("$", TITLE, f"{_where(sheet, index + 1)}: cột “{found.column.header}” có hai lần"))
            continue
        columns[j] = found
    missing = [f.column.header for f in FIELDS if f.column.required and f not in columns.values()]
    if missing:
        problems.append(
            Problem(
                "$",
                TITLE,
                f"{_where(sheet, index + 1)}: thiếu cột bắt buộc "
                + ", ".join(f"“{m}”" for m in missing)
                + " (mẫu: kiemdiem history template)",
            )
        )
    if problems:
        raise InputError(problems)
    return index, columns


def _check(values: dict, where) -> list[tuple[str, str]]:
    """The row's problems as (header, reason), beyond each cell's own type."""
    out = []
    today = dt.date.today()
    name = values.get("ho_ten")
    if name is not None and (len(name) > 200 or any(unicodedata.category(c) == "Cc" for c in name)):
        out.append(("Họ và tên", "quá 200 ký tự" if len(name) > 200 else "chứa ký tự điều khiển"))
    birth, admitted, year = values.get("ngay_sinh"), values.get("ngay_vao_dang"), values.get("nam")
    if birth is not None and not (dt.date(1900, 1, 1) <= birth <= today):
        out.append(("Ngày sinh", f"ngày {birth:%d/%m/%Y} không thể là ngày sinh của đảng viên"))
    if birth is not None and admitted is not None and admitted < birth:
        out.append(("Ngày vào Đảng", f"ngày {admitted:%d/%m/%Y} trước ngày sinh {birth:%d/%m/%Y}"))
    if year is not None and not (FIRST_YEAR <= year <= today.year):
        out.append(("Năm", f"năm {year} ngoài khoảng {FIRST_YEAR}–{today.year} kiemdiem có quy định"))
        values["nam"] = year = None
    if year is not None and admitted is not None and admitted.year > year:
        out.append(("Ngày vào Đảng", f"ngày {admitted:%d/%m/%Y} sau năm kiểm điểm {year}"))
    card = values.get("so_the_dang_vien")
    if card is not None and not (CARD.fullmatch(card) and len(card) <= 24):
        out.append(
            (
                "Số thẻ đảng viên",
                f"“{card}” không phải số thẻ đảng viên: chỉ ghi các chữ số in trên thẻ "
                "(có thể có dấu chấm hoặc dấu cách giữa các nhóm số)",
            )
        )
    level = values.get("muc_xep_loai")
    if level is not None and year is not None:
        try:
            values["level"] = level_code(level, year)
        except CellError as error:
            out.append(("Mức xếp loại", str(error)))
    if values.get("tieu_bieu") and values.get("level") and year is not None:
        rules = regime_for(year).subject("ca_nhan")
        top_code, top = rules.levels[0]
        if values["level"] != top_code:
            out.append(("Tiêu biểu", f"chỉ mức “{top}” mới có thể tiêu biểu"))
    return out


def read_list(path: str | Path) -> tuple[list[MemberRow], list[SourceProblem], RunInfo]:
    """The rows of a typed list, the problems of the rows left out, and the recording's description;
    ``InputError`` when the file itself cannot be used (unreadable, no header, a required column missing)."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        data = read_archive(path, TITLE, "workbook", "xl/workbook.xml", "sổ Excel .xlsx")
        sheet, rows = _xlsx_rows(path, data)
    elif path.suffix.lower() == ".csv":
        data = read_bytes(path, TITLE, "workbook")
        sheet, rows = None, _csv_rows(path, data)
    else:
        raise InputError(
            [
                Problem(
                    "$",
                    TITLE,
                    f"cần tệp .xlsx hoặc .csv, không phải “{path.suffix or path.name}” "
                    "(mẫu: kiemdiem history template -o danh-sach.xlsx)",
                )
            ]
        )
    start, columns = _header(rows, sheet)
    members, problems = [], []
    for number, values in enumerate(rows[start + 1 :], start + 2):
        if all(blank(v) for v in values):
            continue
        row, bad = {}, []
        for j, field in columns.items():
            value = values[j] if j < len(values) else None
            try:
                row[field.key] = convert(field.column, value)
            except CellError as error:
                bad.append((field.column.header, str(error)))
                row[field.key] = None
        for field in FIELDS:
            if (
                field.column.required
                and row.get(field.key) is None
                and not any(h == field.column.header for h, _ in bad)
            ):
                bad.append((field.column.header, "thiếu (cột bắt buộc)"))
        for key in ("ngay_sinh", "ngay_vao_dang"):
            if row.get(key):
                row[key] = dt.date.fromisoformat(row[key])
        bad += _check(row, number)
        who = row.get("ho_ten") or ""
        if bad:
            problems += [SourceProblem(_where(sheet, number, header), reason, who) for header, reason in bad]
            continue
        place = Place(_where(sheet, number), row["dang_bo"], None, row["chi_bo"], None, row.get("to_chuc_co_so"))
        members.append(
            MemberRow(
                row["ho_ten"],
                row["ngay_sinh"],
                row.get("ngay_vao_dang"),
                row.get("so_the_dang_vien"),
                place,
                Result(row["nam"], review_regime(row["nam"]), row["level"], tieu_bieu=row.get("tieu_bieu")),
            )
        )
    years = {m.result.nam for m in members}
    units = {header_key(m.place.dang_bo): m.place.dang_bo for m in members}
    info = RunInfo(
        IMPORT,
        str(path),
        hashlib.sha256(data).hexdigest(),
        __version__,
        nam=next(iter(years)) if len(years) == 1 else None,
        regime=review_regime(next(iter(years))) if len(years) == 1 else None,
        dang_bo=next(iter(units.values())) if len(units) == 1 else None,
    )
    return members, problems, info


# -- the template ------------------------------------------------------------------------------------
HELP = [
    "Danh sách xếp loại đảng viên các năm trước — để đưa vào hồ sơ xếp loại của kiemdiem",
    "",
    "Trang “Danh sách”: mỗi dòng một đảng viên trong một năm (một đảng viên có kết quả 5 năm thì ghi 5 dòng).",
    "Sau khi điền: kiemdiem history import <tệp .xlsx>   (hoặc tệp .csv mã UTF-8 cùng các cột)",
    "Xem lại: kiemdiem history show --ho-ten “Nguyễn Văn An”   (hoặc --chi-bo, --nam, --so-the)",
    "",
    "Mức xếp loại: ghi tên mức như quy định của năm đó (năm 2011–2013: “Đủ tư cách, hoàn thành xuất sắc nhiệm vụ” …;"
    " từ năm 2014: “Hoàn thành xuất sắc nhiệm vụ” …), hoặc mã HTXSNV, HTTNV, HTNV, KHTNV, hoặc “Không xếp loại”.",
    "Ngày: kiểu ngày của Excel, hoặc gõ dd/mm/yyyy hay yyyy-mm-dd. Năm ghi đủ 4 chữ số.",
    "Đảng viên được nhận ra qua các năm bằng số thẻ đảng viên (nếu có), nếu không bằng họ tên, ngày sinh, ngày vào Đảng:"
    " ghi họ tên đúng như các năm khác (một chữ hoa, một dấu cách khác cũng được báo để người nhập xem lại, không tự gộp).",
    "Dòng nào sai (ngày không có trên lịch, mức không có trong quy định năm đó…) được báo kèm trang, dòng, cột và không ghi;"
    " các dòng khác vẫn được ghi. Nhập lại một năm đã có thì kết quả mới thay kết quả cũ (kết quả cũ vẫn giữ làm lịch sử).",
    "",
    "Các cột:",
]


def write_template(path: str | Path) -> Path:
    """The list to fill: Vietnamese headers with their notes, date and text formats, drop-downs, instructions."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation

    from ..workbook.template import BOLD, DATE_FORMAT, HEADER_FILL, TITLE_FONT, WRAP
    from ..write import check_target, write_atomic

    path = check_target(path)
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([f.column.header for f in FIELDS])
    for j, field in enumerate(FIELDS, 1):
        cell, letter = sheet.cell(1, j), get_column_letter(j)
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, WRAP
        cell.comment = Comment(field.column.description, "kiemdiem", height=120, width=300)
        sheet.column_dimensions[letter].width = {"text": 30, "date": 14, "integer": 10, "boolean": 11}[
            field.column.kind
        ]
        if field.column.kind == "date":
            sheet.column_dimensions[letter].number_format = DATE_FORMAT
        if field.key == "so_the_dang_vien":
            sheet.column_dimensions[letter].number_format = "@"  # as text: Excel keeps the leading zeros
    sheet.column_dimensions[get_column_letter(FIELDS.index(_by_key("muc_xep_loai")) + 1)].width = 40
    sheet.freeze_panes = "B2"
    sheet.row_dimensions[1].height = 32
    levels = list(
        dict.fromkeys(label for rid in known_regimes() for _, label in load_regime(rid).subject("ca_nhan").levels)
    )
    levels.append(load_regime(known_regimes()[0]).subject("ca_nhan")["not_rated_label"])
    listing = book.create_sheet(LIST_SHEET)
    listing.append(["Mức xếp loại"])
    for label in levels:
        listing.append([label])
    listing.append([])
    listing.sheet_state = "hidden"
    last = 5000

    def column(key: str) -> str:
        return get_column_letter(FIELDS.index(_by_key(key)) + 1)

    choose = DataValidation(
        type="list", formula1=f"={quote_sheetname(LIST_SHEET)}!$A$2:$A${len(levels) + 1}", allow_blank=True
    )
    choose.errorStyle, choose.error = (
        "warning",
        "Mức không có trong danh sách: ghi tên mức như quy định năm đó, hoặc mã HTXSNV, HTTNV, HTNV, KHTNV.",
    )
    choose.add(f"{column('muc_xep_loai')}2:{column('muc_xep_loai')}{last}")
    yes_no = DataValidation(type="list", formula1=f'"{YES},{NO}"', allow_blank=True)
    yes_no.add(f"{column('tieu_bieu')}2:{column('tieu_bieu')}{last}")
    year = DataValidation(type="whole", operator="between", formula1=str(FIRST_YEAR), formula2="2100", allow_blank=True)
    year.error = f"Năm ghi đủ 4 chữ số, từ {FIRST_YEAR}."
    year.add(f"{column('nam')}2:{column('nam')}{last}")
    for validation in (choose, yes_no, year):
        validation.showErrorMessage = True
        sheet.add_data_validation(validation)
    guide = book.create_sheet(HELP_SHEET)
    guide.column_dimensions["A"].width = 130
    for line in HELP + [
        f"  {f.column.header}{' (bắt buộc)' if f.column.required else ''}: {f.column.description}" for f in FIELDS
    ]:
        guide.append([line])
        guide.cell(guide.max_row, 1).alignment = WRAP
    guide["A1"].font = TITLE_FONT
    book.active = 0
    out = io.BytesIO()
    book.save(out)
    return write_atomic(path, out.getvalue())


def _by_key(key: str) -> Field:
    return next(f for f in FIELDS if f.key == key)
