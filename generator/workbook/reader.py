"""Read a filled workbook back into a đảng bộ: header, organisations, one chi bộ at a time.

The workbook is streamed once (openpyxl read-only, a sheet at a time: sheet.py): each
member row is converted straight away and parked in the spill (spill.py) under its chi
bộ's code, and so is each paragraph of “Nội dung”; ``documents(ma)`` builds one chi
bộ's documents from there, and ``locate`` maps a problem back to its cell. A workbook of tens of thousands of members therefore
never sits in memory. A workbook whose structure is wrong (sheets, headers,
codes) is refused whole, every problem listed; a cell that cannot be read only
drops its row, reported with sheet, row and column.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from pathlib import Path

from ..compose import FROM_SCORING
from ..errors import InputError, Problem, SourceProblem
from ..evaluate.regime import ProfileError, known_regimes
from ..inputfile import read_archive
from ..load import load_document
from .cells import CellError, blank, convert, get_path, paragraphs, text
from .columns import DOCUMENT, ENTRY, GROUP, REPORT_FILE, ROW, Layout, header_key, layout
from .date_formats import custom_month_first, month_first_cells
from .date_formats import notices as date_notices
from .sheet import BROKEN, MISSING_COLUMN, Sheet, column_words, empty, open_book, rows_of, where
from .spill import Spill
from .template import HEADER_FIELDS, HEADER_SHEET, MEMBER_SHEET, ORG_SHEET, TEXT_HEADERS, TEXT_SHEET

MAX_LISTED = 200  # structural problems listed one by one; beyond that, a count
WORKBOOK = "Sổ Excel"


def _put(data: dict, path: tuple, value) -> None:
    for key in path[:-1]:
        data = data.setdefault(key, {})
    data[path[-1]] = value


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _parse_path(path: str) -> tuple:
    """ "$.dang_vien[3].phieu" → ("dang_vien", 3, "phieu")."""
    return tuple(int(index) if index else key for index, key in re.findall(r"\[(\d+)\]|\.([^.\[\]]+)", path))


@dataclass
class _Member:
    """Where one member of a built list came from, for ``locate``."""

    row: int
    file: str | None = None
    cells: frozenset = frozenset()  # paths given by cells, when a file fills the rest
    texts: dict | None = None  # path → first “Nội dung” row


def _structured(data: dict) -> dict:
    return {target: {".".join(path): value for path, value in fields.items()} for target, fields in data.items()}


def _unpack(fields: dict) -> dict:
    out: dict = {}
    for key, value in fields.items():
        _put(out, tuple(key.split(".")), value)
    return out


class WorkbookSource:
    """A filled workbook as a bulk run reads it (same interface as ``generator.bulk.source.FolderSource``)."""

    def __init__(self, path: str | Path):
        path = Path(path)
        self.origin = str(path)
        self.base = path.resolve().parent
        self._spill: Spill | None = None
        self._org_rows: dict[str, int] = {}
        self._org_data: dict[str, dict] = {}
        self._org_errors: dict[str, list] = {}
        self._report_files: dict[str, str] = {}  # organisation → its báo cáo kiểm điểm tập thể file
        self._report_keys: dict[str, frozenset] = {}  # what that file states itself, for locate
        self._located: dict[str, tuple[array, dict]] = {}  # per built list: rows, and members with a file or “Nội dung”
        self.notices: list[str] = []  # what was read but may not be what was meant (date_formats)
        data = read_archive(path, WORKBOOK, "workbook", "xl/workbook.xml", "sổ Excel .xlsx")
        book = open_book(data, WORKBOOK)
        try:
            self._read(book)
        except BaseException:
            self.close()
            raise
        finally:
            book.close()

    # -- reading the workbook once -----------------------------------------------------------
    def _read(self, book) -> None:
        """Check the structure first (sheets, fields, headers), then read every row, listing all problems."""
        missing = [name for name in (HEADER_SHEET, ORG_SHEET, MEMBER_SHEET) if name not in book.sheetnames]
        problems = [Problem("$", WORKBOOK, f"thiếu trang “{name}”") for name in missing]
        regime_row = None
        self.header = {"form": "dang-bo"}
        if HEADER_SHEET in book.sheetnames:
            self.header, regime_row = self._header(rows_of(book, HEADER_SHEET), problems)
        cols = self._layout(regime_row, problems)
        if cols is None or missing:
            raise InputError(problems)
        self.layout = cols
        orgs = rows_of(book, ORG_SHEET)
        self._orgs = Sheet(ORG_SHEET, next(orgs, ()), cols.organisations, problems)
        members = rows_of(book, MEMBER_SHEET)
        self._members = Sheet(MEMBER_SHEET, next(members, ()), cols.members, problems)
        contents = rows_of(book, TEXT_SHEET) if TEXT_SHEET in book.sheetnames else iter(())
        content_head = next(contents, None)
        if content_head is not None and [header_key(text(v)) for v in content_head[:3] if not blank(v)] != [
            header_key(h) for h in TEXT_HEADERS
        ]:
            problems.append(Problem(f"{TEXT_SHEET}!A1", TEXT_SHEET, f"dòng đầu phải là “{'”, “'.join(TEXT_HEADERS)}”"))
            contents = iter(())
        if any(p.reason == MISSING_COLUMN for p in problems):
            raise InputError(problems)  # rows cannot be told apart without their codes
        self.organisations = self._organisations(orgs, problems)
        self._spill = Spill()
        codes = self._spill_members(members, problems)
        self._spill_contents(contents, codes, problems)
        if problems:
            raise InputError(_capped(problems))
        self.notices = self._month_first_dates(book)
        self._spill.done()

    def _month_first_dates(self, book) -> list[str]:
        """Warnings for date cells shown month first (date_formats); a second look only where the
        workbook declares such a format."""
        if not custom_month_first(book):
            return []
        found = []
        for name, sheet in ((ORG_SHEET, self._orgs), (MEMBER_SHEET, self._members)):
            dates = {j for j, column in enumerate(sheet.positions) if column is not None and column.kind == "date"}
            try:
                found += month_first_cells(book[name], name, dates)
            except BROKEN:  # already read once without fault; a second look never stops the run
                continue
        return date_notices(found)

    def _header(self, rows, problems: list[Problem]) -> tuple[dict, int | None]:
        """The “Đảng bộ” sheet: field title in column A, value in column B."""
        columns = {header_key(c.header): c for c in layout().header}
        header: dict = {}
        seen: dict[str, int] = {}
        regime_row = None
        for number, values in enumerate(rows, 1):
            if empty(values) or blank(values[0]):
                continue
            name = text(values[0])
            if number == 1 and header_key(name) == header_key(HEADER_FIELDS[0]):
                continue
            column = columns.get(header_key(name))
            if column is None:
                problems.append(Problem(f"{HEADER_SHEET}!A{number}", name, "trường không thuộc mẫu đảng bộ"))
                continue
            if header_key(name) in seen:
                problems.append(
                    Problem(
                        f"{HEADER_SHEET}!A{number}", name, f"trường bị lặp lại (đã có ở dòng {seen[header_key(name)]})"
                    )
                )
                continue
            seen[header_key(name)] = number
            if column.path == ("regime",):
                regime_row = number
            try:
                value = convert(column, values[1] if len(values) > 1 else None)
            except CellError as error:
                problems.append(Problem(f"{HEADER_SHEET}!B{number}", column.header, str(error)))
                continue
            if value is not None:
                _put(header, column.path, value)
        header["form"] = "dang-bo"
        return header, regime_row

    def _layout(self, regime_row: int | None, problems: list[Problem]) -> Layout | None:
        ref = f"{HEADER_SHEET}!B{regime_row}" if regime_row else HEADER_SHEET
        if any(p.path == ref for p in problems):
            return None  # the columns depend on the regime: no point reading them against another one
        regime = self.header.setdefault("regime", "qd366-2025")
        if regime not in known_regimes():
            problems.append(Problem(ref, "Quy định áp dụng", f"không biết quy định “{regime}”"))
            return None
        try:
            return layout(regime, self.header.get("profile"))
        except ProfileError as error:
            problems.append(Problem(HEADER_SHEET, "Hồ sơ quy định địa phương", str(error)))
            return None

    def _organisations(self, rows, problems: list[Problem]) -> list[dict]:
        """Each organisation row; code, name and kind must be readable, codes unique."""
        sheet, out = self._orgs, []
        self._broken_orgs: dict[str, int] = {}  # rows reported here: their members are not "unknown"
        required = [c for c in sheet.present if c.target == ROW and c.required]
        for number, values in enumerate(rows, 2):
            if empty(values):
                continue
            data, errors = sheet.read(values, number)
            org = {path[0]: value for path, value in data.pop(ROW, {}).items()}
            report = org.pop(REPORT_FILE.path[0], None)
            fixed = [(e.cell, e.header, e.reason) for e in errors if e.target == ROW]
            problems += [Problem(cell, header, reason) for cell, header, reason in fixed]
            lacking = [c for c in required if c.path[0] not in org and not any(h == c.header for _, h, _ in fixed)]
            problems += [Problem(sheet.cell(number, c), c.header, "thiếu giá trị bắt buộc") for c in lacking]
            if "ma" not in org:
                continue
            seen = self._org_rows.get(org["ma"]) or self._broken_orgs.get(org["ma"])
            if seen:
                problems.append(
                    Problem(sheet.cell(number, path="ma"), "Mã tổ chức", f"mã “{org['ma']}” đã dùng ở dòng {seen}")
                )
            elif fixed or lacking:
                self._broken_orgs[org["ma"]] = number
            else:
                self._org_rows[org["ma"]] = number
                self._org_data[org["ma"]] = data
                self._org_errors[org["ma"]] = errors
                if report is not None:
                    self._report_files[org["ma"]] = report
                out.append(org)
        return out

    def _spill_members(self, rows, problems: list[Problem]) -> set[str]:
        """Each member row, converted, into the database; codes must lead somewhere and be unique."""
        codes: dict[str, int] = {}
        code_column = next((c for c in self._members.present if c.path == ("ma_chi_bo",)), None)
        for number, values in enumerate(rows, 2):
            if empty(values):
                continue
            data, errors = self._members.read(values, number)
            row = data.pop(ROW, {})
            org, code = row.get(("ma_chi_bo",)), row.get(("ma_dang_vien",))
            if code is not None:
                if code in codes:
                    problems.append(
                        Problem(
                            self._members.cell(number, path="ma_dang_vien"),
                            "Mã đảng viên",
                            f"mã “{code}” đã dùng ở dòng {codes[code]}",
                        )
                    )
                    continue
                codes[code] = number  # even if the row is refused below: its “Nội dung” rows are not "unknown" too
            if org in self._broken_orgs:
                continue
            if org not in self._org_rows:
                reason = f"“{org}” không có ở trang “{ORG_SHEET}”" if org else "thiếu mã chi bộ"
                problems.append(Problem(self._members.cell(number, code_column), "Mã chi bộ", reason))
                continue
            record = _structured(data)
            if ("tep",) in row:
                record["file"] = row[("tep",)]
            self._spill.member(org, number, code, record, errors)
        return set(codes)

    def _spill_contents(self, rows, codes: set[str], problems: list[Problem]) -> None:
        """Each paragraph of “Nội dung” under its member's code and the field it belongs to."""
        items = {}
        for number, values in enumerate(rows, 2):
            if empty(values):
                continue
            values = tuple(values) + (None,) * 3
            code, item, body = (None if blank(v) else text(v) for v in values[:3])
            if body is None:
                continue
            if code is None or item is None:
                missing = "“Mã đảng viên”" if code is None else "“Mục”"
                problems.append(
                    Problem(
                        f"{TEXT_SHEET}!{'A' if code is None else 'B'}{number}",
                        TEXT_HEADERS[0 if code is None else 1],
                        f"dòng có nội dung nhưng thiếu {missing}",
                    )
                )
                continue
            if code not in codes:
                problems.append(
                    Problem(
                        f"{TEXT_SHEET}!A{number}", TEXT_HEADERS[0], f"mã “{code}” không có ở trang “{MEMBER_SHEET}”"
                    )
                )
                continue
            if item not in items:
                items[item] = self.layout.text_column(item)
            column = items[item]
            if column is None:
                problems.append(
                    Problem(
                        f"{TEXT_SHEET}!B{number}",
                        TEXT_HEADERS[1],
                        f"“{item}” không phải một cột văn bản của trang “{MEMBER_SHEET}”",
                    )
                )
                continue
            self._spill.content(code, number, ".".join(column.path), column.header, "\n".join(paragraphs(values[2])))

    # -- one organisation at a time ------------------------------------------------------------
    def document_count(self) -> int:
        """About how many documents the run will print from the rows (members, biểu điểm, reports): the
        progress bar's length, counted from the database without building a document."""
        members = self._spill.member_count()
        scored = sum(1 for data in self._org_data.values() if data.get(DOCUMENT))
        return members + scored + len(self._report_files)

    def documents(self, ma: str) -> dict:
        """The organisation's xep_loai (members embedded) and bieu_diem; rows that could not be read
        are left out and listed in ``problems`` as (where, reason)."""
        if ma not in self._org_data:
            raise KeyError(f"không có tổ chức mã “{ma}”")
        data, errors = self._org_data[ma], self._org_errors[ma]
        row = self._org_rows[ma]
        out: dict = {"xep_loai": None, "bieu_diem": None, "bao_cao": None, "problems": []}
        broken: dict[str, list] = {GROUP: [], DOCUMENT: []}
        for error in errors:
            broken[error.target].append(SourceProblem(error.place, error.reason))
        out["problems"] += broken[GROUP] + broken[DOCUMENT]
        if not broken[DOCUMENT]:
            out["bieu_diem"] = self._scoring(data.get(DOCUMENT, {}), row, out["problems"])
        if ma in self._report_files:
            name = self._report_files[ma]
            try:
                out["bao_cao"] = self._file_document(name, REPORT_FILE.header)
                self._report_keys[ma] = frozenset(out["bao_cao"])
            except InputError as error:
                place = where(ORG_SHEET, row, f"cột “{REPORT_FILE.header}”")
                out["problems"] += [SourceProblem(place, f"“{name}”: {p.reason}") for p in error.problems]
        entries, rows, details = [], array("l"), {}
        for number, code, record, failed in self._spill.members(ma):
            problems = [(e.place, e.reason) for e in failed]
            entry = None
            if not problems:
                entry, member, problems = self._entry(record, code, number)
            if problems:
                who = self._member_name(record)
                out["problems"] += [SourceProblem(place, reason, who) for place, reason in problems]
                continue
            entries.append(entry)
            if member.file or member.texts:
                details[len(rows)] = member
            rows.append(number)
        self._located[ma] = (rows, details)
        group = {}
        for path, value in data.get(GROUP, {}).items():
            _put(group, path, value)
        if broken[GROUP]:
            return out  # a wrong meeting date or count would misjudge every vote: the list waits for the fix
        if entries or group:
            out["xep_loai"] = {**group, "dang_vien": entries}
        return out

    def _member_name(self, record: dict) -> str:
        """The name on a member's row, as typed ("" when the cell is empty), for the error list."""
        column = self._members.name_column
        name = record.get(column.target, {}).get(".".join(column.path)) if column else None
        return name if isinstance(name, str) else ""

    def _scoring(self, fields: dict, row: int, problems: list) -> dict | None:
        """The biểu điểm, when the row has scores or grades; other biểu điểm cells alone are a mistake."""
        if not fields:
            return None
        if not any(path[0] in ("diem", "cap_do") for path in fields):
            filled = [c.header for c in self._orgs.present if c.target == DOCUMENT and c.path in fields]
            problems.append(
                SourceProblem(
                    where(ORG_SHEET, row, column_words(filled[:3])),
                    "có nội dung biểu điểm nhưng chưa có điểm (hoặc mức đánh giá) tự chấm; "
                    "tổ chức chưa chấm điểm thì để trống cả nhóm cột biểu điểm",
                )
            )
            return None
        document: dict = {}
        for path, value in fields.items():
            _put(document, path, value)
        return document

    def _entry(self, record: dict, code: str | None, number: int) -> tuple[dict | None, _Member, list]:
        entry = _unpack(record.get(ENTRY, {}))
        member = _Member(number)
        if self.layout.member_input != "ban_kiem_diem":
            return entry, member, []
        cells = _unpack(record.get(DOCUMENT, {}))
        base: dict = {}
        if "file" in record:
            member.file, member.cells = record["file"], frozenset(record.get(DOCUMENT, {}))
            try:
                base = self._file_document(record["file"], "Tệp bản tự kiểm điểm")
            except InputError as error:
                place = where(MEMBER_SHEET, number, "cột “Tệp bản tự kiểm điểm”")
                return None, member, [(place, f"“{record['file']}”: {p.reason}") for p in error.problems]
        if code is not None:
            member.texts = {}
            for path, header, row, body in self._spill.contents(code):
                keys = tuple(path.split("."))
                present = get_path(cells, keys)
                paragraphs_ = ([present] if isinstance(present, str) else list(present or [])) + body.split("\n")
                _put(cells, keys, paragraphs_ if len(paragraphs_) > 1 else paragraphs_[0])
                member.texts.setdefault(keys, (row, header))
        entry["ban_kiem_diem"] = _merge(base, cells)
        return entry, member, []

    def _file_document(self, name: str, label: str) -> dict:
        """A JSON/YAML document named in a cell; only inside the workbook's folder."""
        try:
            path = (self.base / name).resolve()
            found = path.exists()
        except (OSError, ValueError):
            raise InputError([Problem("$", label, "tên tệp quá dài hoặc có ký tự không dùng được")]) from None
        if Path(name).is_absolute() or ".." in Path(name).parts or not path.is_relative_to(self.base):
            raise InputError(
                [Problem("$", label, "tệp phải nằm trong thư mục của sổ Excel (đường dẫn tương đối, không có “..”)")]
            )
        if path.suffix.lower() not in (".json", ".yaml", ".yml"):
            raise InputError([Problem("$", label, "cần một tệp .json, .yaml hoặc .yml")])
        if not found:
            raise InputError([Problem("$", label, "không tìm thấy tệp")])
        document = load_document(path)  # names a folder, a FIFO or a device for what it is
        if not isinstance(document, dict):
            raise InputError([Problem("$", label, "tệp không chứa một văn bản (đối tượng JSON/YAML)")])
        return document

    # -- from a problem back to the cell ---------------------------------------------------------
    def locate(self, ma: str, kind: str, path: str) -> str | None:
        """Where a problem at JSON ``path`` of the organisation's ``kind`` document can be fixed."""
        if ma not in self._org_rows or kind not in ("to_chuc", "xep_loai", "bieu_diem", "bao_cao"):
            return None
        parts, row = _parse_path(path), self._org_rows[ma]
        if kind == "bao_cao":
            stated = self._report_keys.get(ma, frozenset())
            if parts and parts[0] in FROM_SCORING and parts[0] not in stated:  # taken from the row's biểu điểm
                return where(ORG_SHEET, row, self._orgs.columns_for(DOCUMENT, parts))
            place = where(ORG_SHEET, row, f"cột “{REPORT_FILE.header}”")
            return f"tệp “{self._report_files.get(ma)}” ({place}): {path}" if ma in self._report_files else place
        if kind == "to_chuc":  # the organisation's own row: code, name, kind, parent
            return where(ORG_SHEET, row, self._orgs.columns_for(ROW, parts))
        if kind == "bieu_diem":
            return where(ORG_SHEET, row, self._orgs.columns_for(DOCUMENT, parts))
        if parts[:1] != ("dang_vien",):
            return where(ORG_SHEET, row, self._orgs.columns_for(GROUP, parts))
        if len(parts) < 2 or not isinstance(parts[1], int):
            return where(ORG_SHEET, row)
        if ma not in self._located:
            self.documents(ma)
        rows, details = self._located[ma]
        if parts[1] >= len(rows):
            return None
        member, rest = details.get(parts[1]) or _Member(rows[parts[1]]), parts[2:]
        if rest[:1] != ("ban_kiem_diem",):
            return where(MEMBER_SHEET, member.row, self._members.columns_for(ENTRY, rest))
        inner = rest[1:]
        for keys, (content_row, header) in (member.texts or {}).items():
            if inner[: len(keys)] == keys:
                return f"trang “{TEXT_SHEET}”, dòng {content_row} (mục “{header}”)"
        columns = self._members.columns_for(DOCUMENT, inner)
        if member.file and not any(inner[: len(k.split("."))] == tuple(k.split(".")) for k in member.cells):
            shown = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in inner)
            return f"tệp “{member.file}” ({where(MEMBER_SHEET, member.row, 'cột “Tệp bản tự kiểm điểm”')}): {shown}"
        return where(MEMBER_SHEET, member.row, columns)

    def close(self) -> None:
        """Remove the temporary database (also done on exit from ``with``)."""
        if self._spill is not None:
            self._spill.close()
            self._spill = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _capped(problems: list[Problem]) -> list[Problem]:
    if len(problems) <= MAX_LISTED:
        return problems
    return problems[:MAX_LISTED] + [Problem("$", WORKBOOK, f"và {len(problems) - MAX_LISTED} lỗi khác cùng loại")]


def open_workbook(path: str | Path) -> WorkbookSource:
    """Read ``path`` (an .xlsx written from ``kiemdiem workbook-template``); ``InputError`` if unusable."""
    return WorkbookSource(path)
