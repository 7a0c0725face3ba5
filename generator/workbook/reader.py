"""Read a filled workbook back into a đảng bộ: header, organisations, and one chi bộ at a time.

The workbook is streamed (openpyxl read-only) once: each member row is turned
into its document straight away and parked in a temporary SQLite file with its
chi bộ's code, so a workbook of tens of thousands of members never sits in
memory; ``documents(ma)`` builds one chi bộ's list from it. A cell that cannot
be read drops only its row, reported with the sheet, row and column; a workbook
whose structure is wrong (sheets, headers, codes) is refused whole.
"""
from __future__ import annotations

import copy
import datetime as dt
import json
import re
import sqlite3
import tempfile
import unicodedata
import zipfile
from pathlib import Path

from openpyxl import load_workbook

from ..errors import InputError, Problem
from ..evaluate.regime import known_regimes, load_regime
from ..load import load_document
from .columns import NO, YES, Column, header_columns, member_columns, organisation_columns
from .template import HEADER_SHEET, MEMBER_SHEET, ORG_SHEET, TEXT_HEADERS, TEXT_SHEET

MAX_BYTES = 200 * 1024 * 1024


class CellError(ValueError):
    pass


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        value = value.strftime("%d/%m/%Y")
    return unicodedata.normalize("NFC", str(value)).strip()


def convert(column: Column, value):
    """A cell's value as the document wants it; ``CellError`` says why not, in Vietnamese."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    kind = column.kind
    if kind == "integer":
        number = value if isinstance(value, (int, float)) and not isinstance(value, bool) else _number(value)
        if float(number) != int(number):
            raise CellError(f"cần số nguyên, không phải «{_text(value)}»")
        return int(number)
    if kind == "number":
        number = value if isinstance(value, (int, float)) and not isinstance(value, bool) else _number(value)
        return int(number) if float(number).is_integer() else float(number)
    if kind == "boolean":
        if isinstance(value, bool):
            return value
        text = _text(value).casefold()
        if text in ("có", "co", "x", "true", "1", "đúng"):
            return True
        if text in ("không", "khong", "false", "0", "sai"):
            return False
        raise CellError(f"chọn «{YES}» hoặc «{NO}», không phải «{_text(value)}»")
    if kind == "date":
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        text = _text(value)
        for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
            try:
                return dt.datetime.strptime(text, pattern).date().isoformat()
            except ValueError:
                continue
        raise CellError(f"ngày không hợp lệ «{text}» (dạng dd/mm/yyyy)")
    if kind == "enum":
        text = _text(value)
        for code, title in column.choices:
            if text.casefold() in (code.casefold(), title.casefold()):
                return code
        raise CellError(f"«{text}» không có trong danh sách chọn ({'; '.join(t for _, t in column.choices)})")
    if kind in ("paragraphs", "lines"):
        lines = [line.strip() for line in _text(value).replace("\r\n", "\n").split("\n") if line.strip()]
        return lines if kind == "lines" or len(lines) > 1 else lines[0]
    return _text(value)


def _number(value) -> float:
    text = _text(value).replace(" ", "")
    if re.fullmatch(r"-?\d+(,\d+)?", text):  # Vietnamese decimal comma
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        raise CellError(f"cần một số, không phải «{_text(value)}»") from None


def put(data: dict, path: tuple, value) -> None:
    for key in path[:-1]:
        data = data.setdefault(key, {})
    data[path[-1]] = value


def _merge(base: dict, over: dict) -> dict:
    out = copy.deepcopy(base)
    for key, value in over.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _where(sheet: str, row: int, header: str | None = None, columns: str | None = None) -> str:
    """"trang «Đảng viên», dòng 12, cột «Họ và tên»"."""
    return f"trang «{sheet}», dòng {row}" + (f", cột «{header}»" if header else f", {columns}" if columns else "")


class _Table:
    """A sheet's header row matched to the expected columns."""

    def __init__(self, sheet_name: str, header_row: tuple, columns: list[Column], problems: list[Problem]):
        by_header = {c.header.casefold(): c for c in columns}
        self.sheet, self.positions = sheet_name, []
        seen: set[str] = set()
        for j, cell in enumerate(header_row):
            if cell is None or not _text(cell):
                self.positions.append(None)
                continue
            header = _text(cell)
            column = by_header.get(header.casefold())
            letter = _letter(j)
            if column is None:
                problems.append(Problem(f"{sheet_name}!{letter}1", header, "cột không thuộc mẫu của quy định này (xem kiemdiem workbook-template)"))
            elif header.casefold() in seen:
                problems.append(Problem(f"{sheet_name}!{letter}1", header, "cột bị lặp lại"))
                column = None
            seen.add(header.casefold())
            self.positions.append(column)
        for column in columns:
            if column.required and column.header.casefold() not in seen:
                problems.append(Problem(f"{sheet_name}!1", column.header, "thiếu cột bắt buộc"))

    def read(self, values: tuple, row: int) -> tuple[dict, list[tuple[str, str]]]:
        """{target: {path: value}} of one row, and the cells that could not be read."""
        out: dict[str, dict] = {}
        errors = []
        for column, value in zip(self.positions, values):
            if column is None:
                continue
            try:
                converted = convert(column, value)
            except CellError as error:
                errors.append((_where(self.sheet, row, column.header), str(error)))
                continue
            if converted is not None:
                out.setdefault(column.target, {})[column.path] = converted
        return out, errors

    def columns_for(self, target: str, path: tuple) -> str | None:
        """The header of the column holding ``path``, or of the columns inside it ("các cột «…», «…»")."""
        best = None
        for column in self.positions:
            if column is not None and column.target == target and path[:len(column.path)] == column.path:
                best = column if best is None or len(column.path) > len(best.path) else best
        if best is not None:
            return f"cột «{best.header}»"
        inside = [c.header for c in self.positions if c is not None and c.target == target and c.path[:len(path)] == path]
        return ("các cột " + ", ".join(f"«{h}»" for h in inside)) if inside else None


def _letter(j: int) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(j + 1)


def _parse_path(path: str) -> tuple:
    """"$.dang_vien[3].phieu" → ("dang_vien", 3, "phieu")."""
    return tuple(int(index) if index else key for index, key in re.findall(r"\[(\d+)\]|\.([^.\[]+)", path))


class WorkbookSource:
    """A filled workbook as a bulk run reads it (see ``generator.bulk.source``)."""

    def __init__(self, path: str | Path):
        self.origin = str(path)
        self.base = Path(path).resolve().parent
        path = Path(path)
        if path.stat().st_size > MAX_BYTES:
            raise InputError([Problem("$", "Sổ Excel", f"tệp lớn hơn {MAX_BYTES // 2**20} MB")])
        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
            raise InputError([Problem("$", "Sổ Excel", f"không đọc được tệp .xlsx: {error}")]) from None
        try:
            self._read(book)
        finally:
            book.close()

    # -- reading ----------------------------------------------------------------------------
    def _read(self, book) -> None:
        missing = [name for name in (HEADER_SHEET, ORG_SHEET, MEMBER_SHEET) if name not in book.sheetnames]
        if missing:
            raise InputError([Problem("$", "Sổ Excel", f"thiếu trang «{name}»") for name in missing])
        problems: list[Problem] = []
        self.header = self._header(book[HEADER_SHEET], problems)
        regime = self.header.get("regime", "qd366-2025")
        if regime not in known_regimes():
            raise InputError(problems + [Problem(f"{HEADER_SHEET}!B", "Quy định áp dụng", f"không biết quy định «{regime}»")])
        self.regime = load_regime(regime)
        self.header.setdefault("regime", regime)
        self.header["form"] = "dang-bo"
        rows = book[ORG_SHEET].iter_rows(values_only=True)
        self.org_table = _Table(ORG_SHEET, next(rows, ()), organisation_columns(self.regime), problems)
        members = book[MEMBER_SHEET].iter_rows(values_only=True)
        self.member_table = _Table(MEMBER_SHEET, next(members, ()), member_columns(self.regime), problems)
        if problems:
            raise InputError(problems)
        self.organisations, self._org_rows, self._org_data = [], {}, {}
        self.row_problems: dict[str, list] = {}
        for number, values in enumerate(rows, 2):
            if not any(v is not None and _text(v) for v in values):
                continue
            data, errors = self.org_table.read(values, number)
            org = {"/".join(p): v for p, v in data.get("row", {}).items()}
            if errors or "ma" not in org:
                problems += [Problem(w, "", r) for w, r in errors]
                if "ma" not in org:
                    problems.append(Problem(_where(ORG_SHEET, number, "Mã tổ chức"), "Mã tổ chức", "thiếu mã tổ chức"))
                continue
            if org["ma"] in self._org_rows:
                problems.append(Problem(_where(ORG_SHEET, number, "Mã tổ chức"), "Mã tổ chức",
                                        f"mã «{org['ma']}» đã dùng ở dòng {self._org_rows[org['ma']]}"))
                continue
            self._org_rows[org["ma"]] = number
            self._org_data[org["ma"]] = data
            self.organisations.append(org)
        if problems:
            raise InputError(problems)
        self._spill(members, book[TEXT_SHEET] if TEXT_SHEET in book.sheetnames else None)

    def _header(self, sheet, problems: list[Problem]) -> dict:
        columns = {c.header.casefold(): c for c in header_columns()}
        header: dict = {}
        for number, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), 2):
            if not values or values[0] is None or not _text(values[0]):
                continue
            column = columns.get(_text(values[0]).casefold())
            if column is None:
                problems.append(Problem(f"{HEADER_SHEET}!A{number}", _text(values[0]), "trường không thuộc mẫu đảng bộ"))
                continue
            try:
                value = convert(column, values[1] if len(values) > 1 else None)
            except CellError as error:
                problems.append(Problem(f"{HEADER_SHEET}!B{number}", column.header, str(error)))
                continue
            if value is not None:
                put(header, column.path, value)
        return header

    def _spill(self, members, texts) -> None:
        """Each member row as JSON in a temporary database, by chi bộ; long texts beside them."""
        self._file = tempfile.NamedTemporaryFile(prefix="kiemdiem-", suffix=".sqlite", delete=False)
        self._file.close()
        self._db = sqlite3.connect(self._file.name)
        self._db.execute("create table member (org text, row integer, code text, data text, errors text)")
        self._db.execute("create table content (code text, row integer, header text, text text)")
        known = set(self._org_rows)
        orphans: list[Problem] = []
        batch = []
        for number, values in enumerate(members, 2):
            if not any(v is not None and _text(v) for v in values):
                continue
            data, errors = self.member_table.read(values, number)
            row = data.pop("row", {})
            org = row.get(("ma_chi_bo",))
            if org is None or org not in known:
                shown = f"«{org}» không có ở trang «{ORG_SHEET}»" if org else "thiếu mã chi bộ"
                orphans.append(Problem(_where(MEMBER_SHEET, number, "Mã chi bộ"), "Mã chi bộ", shown))
                continue
            if ("tep",) in row:
                data["file"] = row[("tep",)]
            encoded = {t: [[list(p), v] for p, v in fields.items()] if isinstance(fields, dict) else fields
                       for t, fields in data.items()}
            batch.append((org, number, row.get(("ma_dang_vien",)), json.dumps(encoded, ensure_ascii=False),
                          json.dumps(errors, ensure_ascii=False)))
            if len(batch) >= 500:
                self._db.executemany("insert into member values (?, ?, ?, ?, ?)", batch)
                batch = []
        self._db.executemany("insert into member values (?, ?, ?, ?, ?)", batch)
        if orphans:
            self.close()
            raise InputError(orphans)
        if texts is not None:
            rows = texts.iter_rows(values_only=True)
            head = [(_text(v) if v is not None else "") for v in next(rows, ())]
            if [h.casefold() for h in head[:3]] != [h.casefold() for h in TEXT_HEADERS]:
                self.close()
                raise InputError([Problem(f"{TEXT_SHEET}!A1", TEXT_SHEET, f"tiêu đề phải là {', '.join(TEXT_HEADERS)}")])
            self._db.executemany("insert into content values (?, ?, ?, ?)",
                                 ((_text(v[0]), n, _text(v[1]), _text(v[2]) if len(v) > 2 and v[2] is not None else "")
                                  for n, v in enumerate(rows, 2) if v and len(v) > 1 and v[0] is not None and v[1] is not None))
        self._db.execute("create index member_org on member (org, row)")
        self._db.execute("create index content_code on content (code, row)")
        self._db.commit()
        self._member_rows: dict[str, list[int]] = {}

    # -- one organisation at a time ---------------------------------------------------------------
    def documents(self, ma: str) -> dict:
        data = self._org_data[ma]
        out: dict = {"xep_loai": None, "bieu_diem": None, "bao_cao": None, "problems": []}
        if data.get("document"):
            out["bieu_diem"] = {}
            for path, value in data["document"].items():
                put(out["bieu_diem"], path, value)
        entries, rows = [], []
        for number, code, encoded, errors in self._db.execute(
                "select row, code, data, errors from member where org = ? order by row", (ma,)):
            problems = [tuple(e) for e in json.loads(errors)]
            entry = None
            if not problems:
                entry, problems = self._entry(json.loads(encoded), code, number)
            if problems:
                out["problems"] += problems
                continue
            entries.append(entry)
            rows.append(number)
        self._member_rows[ma] = rows
        group = {}
        for path, value in data.get("group", {}).items():
            put(group, path, value)
        if entries or group:
            out["xep_loai"] = {**group, "dang_vien": entries}
        return out

    def _entry(self, data: dict, code: str | None, number: int) -> tuple[dict | None, list]:
        entry: dict = {}
        for path, value in data.get("entry", []):
            put(entry, tuple(path), value)
        if self.regime.subject("ca_nhan")["member_input"] != "ban_kiem_diem":
            return entry, []
        member: dict = {}
        if "file" in data:
            try:
                member = self._file_document(data["file"])
            except InputError as error:
                return None, [(_where(MEMBER_SHEET, number, "Tệp bản tự kiểm điểm"), p.reason) for p in error.problems]
        cells: dict = {}
        for path, value in data.get("document", []):
            put(cells, tuple(path), value)
        problems = []
        if code:
            for header, paragraphs in self._texts(code).items():
                column = self._text_column(header)
                if column is None:
                    problems.append((f"trang «{TEXT_SHEET}», mã «{code}»", f"«{header}» không phải một cột văn bản của trang «{MEMBER_SHEET}»"))
                    continue
                put(cells, column.path, paragraphs if len(paragraphs) > 1 else paragraphs[0])
        entry["ban_kiem_diem"] = _merge(member, cells)
        return entry, problems

    def _text_column(self, header: str) -> Column | None:
        wanted = header.casefold()
        for column in self.member_table.positions + member_columns(self.regime):
            if column is not None and column.kind == "paragraphs" and wanted in (column.header.casefold(), ".".join(column.path)):
                return column
        return None

    def _texts(self, code: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for header, text in self._db.execute("select header, text from content where code = ? order by row", (code,)):
            lines = [line.strip() for line in text.split("\n") if line.strip()]
            out.setdefault(header, []).extend(lines)
        return out

    def _file_document(self, name: str) -> dict:
        path = (self.base / name).resolve()
        if Path(name).is_absolute() or not path.is_relative_to(self.base):
            raise InputError([Problem("$", "Tệp bản tự kiểm điểm", f"tệp «{name}» phải nằm trong thư mục của sổ Excel")])
        document = load_document(path)
        if not isinstance(document, dict):
            raise InputError([Problem("$", "Tệp bản tự kiểm điểm", f"«{name}» không phải một bản tự kiểm điểm")])
        return document

    def locate(self, ma: str, kind: str, path: str) -> str | None:
        parts = _parse_path(path)
        if kind in ("bieu_diem", "bao_cao") or (kind == "xep_loai" and parts[:1] != ("dang_vien",)):
            target = "document" if kind != "xep_loai" else "group"
            return _where(ORG_SHEET, self._org_rows[ma], columns=self.org_table.columns_for(target, parts))
        if len(parts) < 2 or not isinstance(parts[1], int):
            return _where(ORG_SHEET, self._org_rows[ma])
        rows = self._member_rows.get(ma, [])
        if parts[1] >= len(rows):
            return None
        rest = parts[2:]
        if rest[:1] == ("ban_kiem_diem",):
            columns = self.member_table.columns_for("document", rest[1:])
        else:
            columns = self.member_table.columns_for("entry", rest)
        return _where(MEMBER_SHEET, rows[parts[1]], columns=columns)

    def close(self) -> None:
        db = getattr(self, "_db", None)
        if db is not None:
            db.close()
            self._db = None
            Path(self._file.name).unlink(missing_ok=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def open_workbook(path: str | Path) -> WorkbookSource:
    return WorkbookSource(path)
