"""``kiemdiem history import|template|show`` and the ``--history``/``--no-history`` options of ``bulk``.

Nothing here imports SQLAlchemy: the commands import the store when they run.

Exit status: 0 done; 2 the list or the record cannot be used (nothing written); 3 some rows were left out
(each named with its sheet, row and column, or both records of a name the clerk must settle), the rest
recorded; 1 anything unexpected.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import InputError
from .location import ENV, resolve
from .records import HistoryError

OK, INVALID, SOME_FAILED = 0, 2, 3


def history_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--history",
        metavar="TỆP|URL",
        default=None,
        help=f"hồ sơ xếp loại qua các năm: tệp SQLite, hoặc địa chỉ như postgresql://người@máy/csdl "
        f"(mặc định ${ENV}, nếu không ~/.local/share/kiemdiem/history.sqlite)",
    )


def history_options(parser: argparse.ArgumentParser) -> None:
    """``--history`` and ``--no-history`` (for the commands that record)."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--history",
        metavar="TỆP|URL",
        default=None,
        help=f"ghi kết quả cuối cùng vào hồ sơ xếp loại qua các năm: tệp SQLite, hoặc địa chỉ như "
        f"postgresql://người@máy/csdl (mặc định ${ENV}, nếu không ~/.local/share/kiemdiem/history.sqlite)",
    )
    group.add_argument("--no-history", action="store_true", help="không ghi vào hồ sơ xếp loại")


def print_recorded(target, recorded, error: str | None = None) -> None:
    """The recording's line on stdout, the rows left for the clerk on stderr."""
    if error:
        print(f"Hồ sơ xếp loại: {error}", file=sys.stderr)
        return
    print(f"Hồ sơ xếp loại ({target.shown}): {recorded.summary()}.")
    if recorded.conflicts:
        print(
            f"Các dòng chưa ghi vào hồ sơ xếp loại, cần người nhập xem lại ({len(recorded.conflicts)}):",
            file=sys.stderr,
        )
        for conflict in recorded.conflicts:
            print(f"  {conflict}", file=sys.stderr)


def _open(target):
    from .store import open_store

    return open_store(target)


def cmd_import(args, report) -> int:
    from .typed_list import read_list

    try:
        rows, problems, info = read_list(args.file)
    except InputError as error:
        report(str(args.file), error)
        return INVALID
    target = resolve(args.history)
    recorded = None
    if rows:
        try:
            with _open(target) as store:
                recorded = store.record(info, rows)
        except HistoryError as error:
            print(f"kiemdiem history import: {error}", file=sys.stderr)
            return INVALID
        print(f"{args.file}: {len(rows)} dòng hợp lệ.")
        print_recorded(target, recorded)
    if problems:
        bad = len({p.where.rsplit(", cột", 1)[0] for p in problems})
        print(f"{args.file}: {bad} dòng có lỗi, không ghi:", file=sys.stderr)
        for problem in problems:
            who = f" ({problem.who})" if problem.who else ""
            print(f"  {problem.where}{who}: {problem.reason}", file=sys.stderr)
    if not rows and not problems:
        print(f"{args.file}: danh sách không có dòng nào (mẫu: kiemdiem history template)", file=sys.stderr)
        return INVALID
    return SOME_FAILED if problems or (recorded and recorded.conflicts) else OK


def cmd_template(args, report) -> int:
    from .typed_list import write_template

    try:
        path = write_template(args.output)
    except InputError as error:
        report(str(args.output), error)
        return INVALID
    print(path)
    return OK


def cmd_show(args, report) -> int:
    from .show import lines, overview, overview_lines, query

    target = resolve(args.history)
    if target.path is not None and not target.path.exists():  # reading creates nothing
        found = {"people": [], "organisations": []}
        print(
            json.dumps({"history": target.shown, **found}, ensure_ascii=False, indent=2)
            if args.json
            else f"Chưa có hồ sơ xếp loại ở {target.shown}."
        )
        return OK
    try:
        with _open(target) as store, store.session() as session:
            if not (args.ho_ten or args.so_the or args.chi_bo or args.nam is not None):
                rows = overview(session)
                print(
                    json.dumps({"history": target.shown, "years": rows}, ensure_ascii=False, indent=2)
                    if args.json
                    else "\n".join([f"Hồ sơ xếp loại: {target.shown}", *overview_lines(rows)])
                )
                return OK
            found = query(session, args.ho_ten, args.so_the, args.chi_bo, args.nam, args.lich_su_sua)
    except HistoryError as error:
        print(f"kiemdiem history show: {error}", file=sys.stderr)
        return INVALID
    if args.json:
        print(json.dumps({"history": target.shown, **found}, ensure_ascii=False, indent=2))
        return OK
    if not (found["people"] or found["organisations"]):
        print(f"Hồ sơ xếp loại ({target.shown}): không có kết quả nào khớp.")
        return OK
    print(f"Hồ sơ xếp loại: {target.shown}")
    print("\n".join(lines(found, sources=bool(args.ho_ten or args.so_the))))
    return OK


def year(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"năm cần là một số, ví dụ 2025, không phải “{text}”") from None


def add_commands(sub, report) -> None:
    p = sub.add_parser(
        "history", help="hồ sơ xếp loại qua các năm: nhập danh sách các năm trước, xem kết quả từng người, chi bộ, năm"
    )
    commands = p.add_subparsers(dest="history_command", required=True, metavar="LỆNH")

    q = commands.add_parser(
        "import", help="nhập danh sách xếp loại các năm trước (.xlsx hoặc .csv, mẫu: history template)"
    )
    q.add_argument(
        "file", type=Path, metavar="TỆP", help="tệp .xlsx hoặc .csv (UTF-8) theo mẫu của kiemdiem history template"
    )
    history_option(q)
    q.set_defaults(run=lambda args: cmd_import(args, report))

    q = commands.add_parser("template", help="tạo mẫu danh sách để nhập kết quả các năm trước")
    q.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("danh-sach-xep-loai-cac-nam.xlsx"),
        help="tệp .xlsx (mặc định danh-sach-xep-loai-cac-nam.xlsx)",
    )
    q.set_defaults(run=lambda args: cmd_template(args, report))

    q = commands.add_parser("show", help="in kết quả xếp loại đã ghi: một đảng viên, một chi bộ hoặc một năm")
    chosen = q.add_mutually_exclusive_group()
    chosen.add_argument("--ho-ten", metavar="HỌ_TÊN", help="đảng viên có họ tên này (hoặc chứa chuỗi này)")
    chosen.add_argument("--so-the", metavar="SỐ", help="đảng viên có số thẻ này")
    q.add_argument("--chi-bo", metavar="MÃ", help="chi bộ (mã tổ chức hoặc tên) và các đảng viên từng sinh hoạt ở đó")
    q.add_argument("--nam", type=year, metavar="NĂM", help="chỉ năm này")
    q.add_argument(
        "--lich-su-sua", action="store_true", help="cả các kết quả đã được lần ghi sau của cùng năm thay thế"
    )
    q.add_argument("--json", action="store_true", help="in dạng JSON")
    history_option(q)
    q.set_defaults(run=lambda args: cmd_show(args, report))
