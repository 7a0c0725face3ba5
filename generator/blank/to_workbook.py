"""Write an imported folder as the đảng bộ workbook, losing nothing, and say what is left to fill.

The workbook is ``kiemdiem workbook-template``'s (``write_workbook``), so ``kiemdiem bulk``
reads it back. A cell holds one value, so a member's sub-criteria (``diem.<part>.tieu_chi``,
on blanks pre-filled with the superior committee's criteria) go to a small JSON file beside the
workbook, named in the row's “Tệp bản tự kiểm điểm” column: the reader merges it under the
row's cells. Before the workbook takes its name it is read back and compared member by member,
so a record the workbook cannot hold is an error here, not a wrong document at print time.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

from openpyxl import load_workbook

from ..errors import InputError, Problem
from ..filenames import slug
from ..vietnamese import ngay_ngan
from ..workbook import open_workbook, write_workbook
from ..workbook.columns import layout
from ..workbook.template import HEADER_SHEET, MEMBER_SHEET, ORG_SHEET
from ..write import atomic_path, write_atomic

FILE_COLUMN = ("tep",)


def side_folder(workbook: Path) -> Path:
    """Where the sub-criteria files of ``workbook`` go: ``<name>-tep/`` beside it."""
    return workbook.with_name(f"{workbook.stem}-tep")


def _sub_criteria(member: dict) -> dict:
    """``{"diem": {part: {"tieu_chi": [...]}}}`` of a member, or {} when there are none."""
    parts = {
        part: {"tieu_chi": value["tieu_chi"]}
        for part, value in (member.get("diem") or {}).items()
        if isinstance(value, dict) and "tieu_chi" in value
    }
    return {"diem": parts} if parts else {}


def _comparable(value):
    """A document as the reader gives it back: one paragraph may come as a string or a list of one."""
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items()}
    if isinstance(value, list):
        return list(value) if all(isinstance(v, str) for v in value) else [_comparable(v) for v in value]
    if isinstance(value, str):
        return [value]
    return value


def _refuse_overwrite(workbook: Path, force: bool) -> None:
    taken = [p for p in (workbook, side_folder(workbook)) if p.exists()]
    if taken and not force:
        raise InputError([Problem("--workbook", "Sổ Excel", f"“{taken[0]}” đã có; thêm --force để ghi đè")])


def check_target(workbook: Path, force: bool) -> None:
    """Refuse a workbook name that is not .xlsx, or one already taken unless ``force`` (before any file is read)."""
    if workbook.suffix.lower() != ".xlsx":
        raise InputError([Problem("--workbook", "Sổ Excel", "cần một tên tệp .xlsx")])
    _refuse_overwrite(workbook, force)


def write_imported(document: dict, workbook: str | Path, force: bool = False) -> list[Path]:
    """Write the dang-bo ``document`` as ``workbook`` (and the sub-criteria files); return what was written."""
    workbook = Path(workbook)
    check_target(workbook, force)
    rows, side = [], {}
    shallow = copy.deepcopy(document)  # the cells' part: the sub-criteria are taken out of it
    for org in shallow["to_chuc"]:
        for i, entry in enumerate(org["xep_loai"]["dang_vien"]):
            member = entry["ban_kiem_diem"]
            extra = _sub_criteria(member)
            name = None
            if extra:
                person = slug(member.get("dang_vien", {}).get("ho_ten", ""), "dang-vien")
                name = f"{side_folder(workbook).name}/{org['ma']}/{i + 1:03d}-{person}.json"
                side[workbook.parent / name] = (json.dumps(extra, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
                for part in extra["diem"]:
                    del member["diem"][part]["tieu_chi"]
            rows.append(name)
    written: list[Path] = []
    try:
        written = [write_atomic(path, data) for path, data in side.items()]
        with atomic_path(workbook) as temporary:
            write_workbook(temporary, document=shallow)
            if side:
                _name_files(temporary, document, rows)
            _verify(temporary, document)
    except BaseException:
        for path in written:  # no half output: the files belong to a workbook that was not written
            path.unlink(missing_ok=True)
        raise
    return [workbook, *written]


def _name_files(path: Path, document: dict, rows: list[str | None]) -> None:
    """Put each sub-criteria file's name in its member's “Tệp bản tự kiểm điểm” cell."""
    cols = layout(document["regime"], document.get("profile"))
    column = next(j for j, c in enumerate(cols.members, 1) if c.path == FILE_COLUMN)
    book = load_workbook(path)
    sheet = book[MEMBER_SHEET]
    for number, name in enumerate(rows, 2):
        if name:
            sheet.cell(row=number, column=column, value=name)
    book.save(path)


def _verify(path: Path, document: dict) -> None:
    """Read the workbook back: every member's record must come out as it went in."""
    with open_workbook(path) as source:
        for org in document["to_chuc"]:
            back = source.documents(org["ma"])["xep_loai"] or {}
            got = [entry.get("ban_kiem_diem") for entry in back.get("dang_vien", [])]
            wanted = [entry["ban_kiem_diem"] for entry in org["xep_loai"]["dang_vien"]]
            if _comparable(got) != _comparable(wanted):
                raise RuntimeError(f"sổ Excel không giữ được đủ nội dung của “{org['ten']}” khi đọc lại")


def still_to_fill(document: dict, dates: list[str]) -> list[str]:
    """What the clerk types before ``kiemdiem bulk``, named by the workbook's own headers."""
    cols = layout(document["regime"], document.get("profile"))
    org = {c.path: c.header for c in cols.organisations}
    header = {c.path: c.header for c in cols.header}
    votes = [c.header for c in cols.members if c.path[0] == "phieu"]
    day = lambda text: ngay_ngan(dt.date.fromisoformat(text))  # noqa: E731
    dated = f"“{header[('ngay_lap',)]}” đang ghi {day(document['ngay_lap'])}"
    if len(dates) > 1:
        dated += f" (ngày muộn nhất trong các bản, từ {day(dates[0])} đến {day(dates[-1])})"
    return [
        f"trang “{ORG_SHEET}”, mỗi chi bộ: “{org[('ngay_hop',)]}”, “{org[('so_dang_vien_chinh_thuc',)]}”; "
        "biểu điểm tự chấm của chi bộ (nếu đã chấm)",
        f"trang “{MEMBER_SHEET}”, mỗi đảng viên: kết quả biểu quyết của chi bộ ("
        + ", ".join(f"“{v}”" for v in votes)
        + ")",
        f"trang “{HEADER_SHEET}”: “{header[('cap_tren',)]}”, người ký, “{header[('noi_nhan',)]}”; {dated}, "
        f"“{header[('dia_danh',)]}” đang ghi “{document['dia_danh']}”: sửa nếu cần",
        f"trang “{ORG_SHEET}”: các chi bộ đang ghi là chi bộ trực thuộc thẳng “{document['dang_bo']}”; nếu có đảng bộ cơ sở, "
        f"thêm dòng của đảng bộ cơ sở và ghi mã của nó ở “{org[('truc_thuoc',)]}” của các chi bộ",
    ]
