"""The bulk run's results as spreadsheets a clerk sorts, filters and sends upward (issue 15 §2).

Next to the DOCX/PDF: each scope's danh sách xếp loại đảng viên and one for the whole đảng bộ (streamed
row by row through openpyxl's write-only mode, so 100,000 members cost no more memory than 100), the two
reports' tables, and the error list with its place split into columns. Numbers are stored as numbers and
shares as fractions formatted as percentages, so a Vietnamese Excel or LibreOffice shows "27,5" and
"33,3%" by itself; headers are Vietnamese, frozen with the name columns, filters on, widths that fit.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import zipfile
from collections import Counter
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..present.summary import member_counts, with_past

BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
PERCENT = "0.0%"
MEMBER_COLUMNS = (
    ("Tổ chức cơ sở", 34),
    ("Chi bộ", 34),
    ("Họ và tên", 26),
    ("Nhóm đối tượng", 34),
    ("Điểm", 8),
    ("Mức xếp loại", 30),
    ("Số phiếu", 9),
    ("Tỷ lệ", 30),
    ("Ghi chú", 60),
)
QUOTA_OUTCOME = {
    "selected": "Trong tỷ lệ, giữ mức",
    "cut": "Vượt tỷ lệ, hạ một mức",
    "tie": "Bằng phiếu ở vị trí cuối: đảng ủy quyết định",
}
ERROR_COLUMNS = (
    ("Trang", 16),
    ("Dòng", 7),
    ("Cột", 34),
    ("Đảng viên / tổ chức", 28),
    ("Trường", 40),
    ("Lỗi", 70),
    ("Vị trí", 50),
)
_PLACE = re.compile(r"^trang “(?P<sheet>[^”]+)”, dòng (?P<row>\d+)(?:, cột “(?P<column>[^”]+)”)?(?P<rest>.*)$")
_RECORD_PATH = re.compile(r": (\$[^\s:]*)$")
_FIELD = re.compile(r"^(?P<title>[^\n]+?) \((?P<path>\$[^\s()]*)\): (?P<message>.*)$", re.DOTALL)  # errors.Problem


def _header(sheet, columns, freeze: str) -> None:
    """Widths, the frozen header and name columns, and a printout that fits the page's width, landscape,
    with the header repeated on every page."""
    for index, (_, width) in enumerate(columns, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = freeze
    sheet.page_setup.orientation, sheet.page_setup.paperSize = "landscape", Worksheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.print_title_rows = "1:1"


def _header_row(sheet, columns) -> list:
    cells = []
    for title, _ in columns:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font, cell.alignment = BOLD, WRAP
        cells.append(cell)
    return cells


def _filter(sheet, columns, rows: int) -> None:
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(rows, 1) + 1}"


def number(value):
    """A score as Excel holds it: the rules compute exact fractions (Fraction(93, 1), 27,5 as 55/2)."""
    if value is None or isinstance(value, int):
        return value
    value = float(value)
    return int(value) if value.is_integer() else round(value, 4)


def member_row(scope: str | None, row: dict) -> list:
    """A member as a row of the danh sách: scope, chi bộ, name, group, score, level, votes, quota, why."""
    organisation = row["chi_bo"] if scope is None else scope
    return [
        organisation,
        row["chi_bo"],
        row["ho_ten"],
        row.get("nhom") or "",
        number(row.get("score")),
        row["level_label"],
        row.get("phieu"),
        QUOTA_OUTCOME.get(row.get("quota"), ""),
        with_past(row.get("note") or "", row),
    ]


STAMP = (2000, 1, 1, 0, 0, 0)  # every part's time in the archive: the same rows give the same bytes


def _stable(book: Workbook, when: dt.datetime) -> None:
    """The properties openpyxl would stamp with the clock, set to the document's date."""
    book.properties.created = book.properties.modified = when
    book.properties.creator, book.properties.lastModifiedBy = "kiemdiem", None


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
_CREATED = re.compile(rb"<dcterms:created[^>]*>([^<]*)</dcterms:created>")


def to_bytes(book: Workbook, when: dt.datetime) -> bytes:
    """The workbook's bytes, the same for the same tables: every part stamped with one fixed time, and the
    modification date (openpyxl writes the clock's) the same as the creation date."""
    _stable(book, when)
    made, out = io.BytesIO(), io.BytesIO()
    book.save(made)
    with zipfile.ZipFile(made) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            stamped = zipfile.ZipInfo(info.filename, date_time=STAMP)
            stamped.compress_type, stamped.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            if info.filename == "docProps/core.xml":
                core = old.read(info)
                created = _CREATED.search(core)
                new.writestr(stamped, _MODIFIED.sub(lambda m: m[1] + created[1] + m[2], core) if created else core)
                continue
            with old.open(info) as part, new.open(stamped, "w") as copy:  # a whole đảng bộ's sheet: streamed
                shutil.copyfileobj(part, copy, 1 << 20)
    return out.getvalue()


class MemberLists:
    """The danh sách of every scope as it is settled, and the whole đảng bộ's, one row at a time; each
    workbook handed to ``keep(relative path, bytes)`` (the run writes it and lists it in the manifest)."""

    def __init__(self, whole: str, when: dt.datetime, keep: Callable[[str, bytes], None]):
        self.whole, self.when, self.keep = whole, when, keep
        self.book = Workbook(write_only=True)
        self.sheet = self.book.create_sheet("Danh sách đảng viên")
        _header(self.sheet, MEMBER_COLUMNS, "D2")
        self.sheet.append(_header_row(self.sheet, MEMBER_COLUMNS))
        self.rows = 0

    def add(self, scope: str | None, path: str, rows: list[dict]) -> None:
        """One scope's rows: its own workbook at ``path``.xlsx, and the same rows in the whole đảng bộ's."""
        book = Workbook(write_only=True)
        sheet = book.create_sheet("Danh sách đảng viên")
        _header(sheet, MEMBER_COLUMNS, "D2")
        _filter(sheet, MEMBER_COLUMNS, len(rows))
        sheet.append(_header_row(sheet, MEMBER_COLUMNS))
        for row in rows:
            values = member_row(scope, row)
            sheet.append(self._wrapped(sheet, values))
            self.sheet.append(self._wrapped(self.sheet, values))
        self.rows += len(rows)
        self.keep(f"{path}.xlsx", to_bytes(book, self.when))

    @staticmethod
    def _wrapped(sheet, values: list) -> list:
        """The row with its note wrapped in its column (a long reason would run across the page)."""
        note = WriteOnlyCell(sheet, value=values[-1])
        note.alignment = WRAP
        return [*values[:-1], note]

    def abandon(self) -> None:
        """A run that stops: the whole đảng bộ's sheet closed and its temporary file removed, nothing written."""
        if self.sheet.closed:
            return
        self.sheet.close()
        writer = getattr(self.sheet, "_writer", None)
        if writer is not None:
            Path(writer.out).unlink(missing_ok=True)

    def finish(self) -> None:
        _filter(self.sheet, MEMBER_COLUMNS, self.rows)
        self.keep(self.whole, to_bytes(self.book, self.when))


def _table(
    book: Workbook, title: str, columns, rows: list[list], freeze: str = "B2", formats: dict | None = None
) -> None:
    sheet = book.create_sheet(title)
    _header(sheet, columns, freeze)
    sheet.append([title for title, _ in columns])
    for cell in sheet[1]:
        cell.font, cell.alignment = BOLD, WRAP
    sheet.row_dimensions[1].height = 32  # two lines of a wrapped header
    for row in rows:
        sheet.append(row)
    for column, number_format in (formats or {}).items():
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.number_format = number_format
    _filter(sheet, columns, len(rows))


def _share(part: int, whole: int) -> float | None:
    return float(Fraction(part, whole)) if whole else None


def _level_table(levels: list, counts: dict, label: str) -> list[list]:
    rated = sum(counts.get(code, 0) for code, _ in levels)
    rows = [[label, name, counts.get(code, 0), _share(counts.get(code, 0), rated)] for code, name in levels]
    return rows + [[label, "Tổng số được xếp loại", rated, _share(rated, rated)]]


def report_books(summary: dict) -> dict[str, Workbook]:
    """The tables of the báo cáo tổng hợp and the báo cáo việc thực hiện tỷ lệ, by file name."""
    orgs = summary.get("organisations") or []
    org_counts = Counter(o["level"] for o in orgs)
    members = member_counts(summary)["levels"]  # as the báo cáo tổng hợp counts them

    report = Workbook()
    report.remove(report.active)
    _table(
        report,
        "Tổ chức đảng",
        (("STT", 6), ("Tổ chức đảng", 50), ("Số đảng viên", 12), ("Điểm", 8), ("Xếp loại", 40)),
        [[i, o["ten"], o.get("so_dang_vien"), number(o.get("score")), o["level_label"]] for i, o in enumerate(orgs, 1)],
        "C2",
    )
    _table(
        report,
        "Mức xếp loại",
        (("Đối tượng", 16), ("Mức xếp loại", 44), ("Số lượng", 10), ("Tỷ lệ", 10)),
        _level_table(summary["org_levels"], org_counts, "Tổ chức đảng")
        + _level_table(summary["member_levels"], members, "Đảng viên"),
        "C2",
        {4: PERCENT},
    )
    quotas = summary.get("quotas") or []
    _table(
        report,
        "Tỷ lệ",
        (
            ("STT", 6),
            ("Phạm vi", 40),
            ("Nhóm", 34),
            ("Cơ sở tính tỷ lệ", 12),
            ("Đạt mức cao nhất", 12),
            ("Tỷ lệ đạt", 10),
            ("Tỷ lệ tối đa", 14),
            ("Tối đa (người)", 12),
            ("Bằng phiếu", 10),
        ),
        [
            [
                i,
                q["scope"],
                q["group"],
                q["base_count"],
                len(q["selected"]),
                _share(len(q["selected"]), q["base_count"]),
                q["ty_le_toi_da"],
                q["limit"],
                len(q["tie"]),
            ]
            for i, q in enumerate(quotas, 1)
        ],
        "D2",
        {6: PERCENT, 7: PERCENT},
    )

    detail = Workbook()
    detail.remove(detail.active)
    columns = (
        ("STT", 6),
        ("Phạm vi", 40),
        ("Nhóm", 34),
        ("Số thành viên", 10),
        ("Cơ sở tính tỷ lệ", 12),
        ("Tỷ lệ tối đa", 14),
        ("Cách tính", 50),
        ("Đề nghị mức cao nhất", 12),
        ("Giữ mức", 50),
        ("Vượt tỷ lệ, hạ mức", 50),
        ("Bằng phiếu", 40),
        ("Căn cứ", 50),
    )

    def rows(groups):
        return [
            [
                i,
                q["scope"],
                q["group"],
                q["members"],
                q["base_count"],
                q["ty_le_toi_da"],
                q["computation"],
                q["candidates"],
                "; ".join(q["selected"]),
                "; ".join(q["cut"]),
                "; ".join(q["tie"]),
                q.get("rule") or "",
            ]
            for i, q in enumerate(groups, 1)
        ]

    _table(detail, "Đảng viên", columns, rows(quotas), "D2", {6: PERCENT})
    _table(detail, "Tổ chức đảng", columns, rows(summary.get("org_quotas") or []), "D2", {6: PERCENT})
    return {"bao-cao-tong-hop-xep-loai.xlsx": report, "bao-cao-ty-le-xep-loai.xlsx": detail}


def error_row(error: dict) -> list:
    """An error of the run with its place in columns: sheet, row, column, whose record (member or
    organisation), field, message, and the place as written (a file's path, or what the columns could not hold)."""
    where, reason, who = error["where"], error["reason"], error.get("who", "")
    place = _PLACE.match(where)
    field = _FIELD.match(reason)
    title, message = (field["title"], field["message"]) if field else ("", reason)
    if not title:  # a file's record: "kp6/dv-03.json: $.diem.tieu_chi_chung.diem"
        path = _RECORD_PATH.search(where)
        title = path[1] if path else ""
    if place:
        return [place["sheet"], int(place["row"]), place["column"] or "", who, title, message, where]
    return ["", None, "", who, title, message, where]


def error_book(errors: list[dict]) -> Workbook:
    book = Workbook()
    book.remove(book.active)
    _table(
        book, "Danh sách lỗi", ERROR_COLUMNS, [error_row(e) for e in errors], "E2"
    )  # the place and whose stay in sight
    message = [title for title, _ in ERROR_COLUMNS].index("Lỗi") + 1
    for (cell,) in book["Danh sách lỗi"].iter_rows(min_row=2, min_col=message, max_col=message):
        cell.alignment = WRAP
    return book
