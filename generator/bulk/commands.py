"""``kiemdiem bulk`` and ``kiemdiem workbook-template`` on the command line.

Exit status: 0 every document printed; 3 some records failed (listed, the rest
printed); 2 the workbook or folder itself is unusable (nothing printed).
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import InputError, Problem
from ..evaluate.known_through import warn
from ..history.commands import history_option, history_options, print_recorded
from ..history.commands import year as year_type
from ..history.location import ENV as HISTORY_ENV
from ..history.location import resolve as history_target
from ..history.records import HistoryError

INVALID = 2


def cmd_bulk(args, report) -> int:
    if args.blank:  # one personalised blank per member instead of the documents
        return cmd_bulk_blank(args, report)
    from .runner import run_bulk

    if args.executor and not args.executor.startswith("dask://"):
        print(f"kiemdiem bulk: --executor chỉ nhận dạng dask://máy:cổng, không phải “{args.executor}”", file=sys.stderr)
        return INVALID
    executor = None
    if args.executor:
        try:
            from distributed import Client
        except ImportError:
            print("kiemdiem bulk: cần gói dask.distributed: pip install 'kiemdiem[dask]'", file=sys.stderr)
            return INVALID
        client = Client("tcp://" + args.executor[len("dask://") :])
        executor = client.get_executor()
    history = history_target(args.history, args.no_history)
    try:
        outcome = run_bulk(
            args.source,
            args.output,
            args.format,
            jobs=args.jobs,
            executor=executor,
            archive=args.zip,
            profile=args.profile,
            history=history,
        )
    except InputError as error:
        report(str(args.source), error)
        return INVALID
    except HistoryError as error:
        print(f"kiemdiem bulk: {error} (chạy với --no-history để in mà không ghi hồ sơ)", file=sys.stderr)
        return INVALID
    finally:
        if args.executor:
            client.close()
    print(f"Đã in {outcome.written} tệp, giữ nguyên {outcome.skipped} tệp không đổi; {len(outcome.errors)} lỗi.")
    print(f"Danh mục: {outcome.manifest}")
    if outcome.archive:
        print(f"Tệp nén: {outcome.archive}")
    if history is not None:
        print_recorded(history, outcome.history, outcome.history_error)
    warn(outcome.notice)
    if outcome.errors:
        print(f"Các bản ghi lỗi đã bỏ qua ({len(outcome.errors)}):", file=sys.stderr)
        for error in outcome.errors:
            print(f"  {error['where']}: {error['reason']}", file=sys.stderr)
    return outcome.status


def cmd_bulk_blank(args, report) -> int:
    """``kiemdiem bulk --blank``: exit 0 every member's blank written, 3 some members skipped (listed),
    2 the workbook or folder itself is unusable (nothing written)."""
    from .blanks import member_blanks

    try:
        run = member_blanks(args.source, args.output, args.format, fillable=args.fillable, profile=args.profile)
    except InputError as error:
        report(str(args.source), error)
        return INVALID
    print(f"Đã in {len(run.written)} bản trống; {len(run.errors)} lỗi.")
    if run.errors:
        print(f"Các đảng viên bỏ qua ({len(run.errors)}):", file=sys.stderr)
        for error in run.errors:
            print(f"  {error}", file=sys.stderr)
        return 3
    return 0


def cmd_workbook_template(args, report) -> int:
    from ..workbook import write_workbook

    if args.from_history:
        return cmd_workbook_from_history(args, report)
    options = (("--year", args.year), ("--dang-bo", args.dang_bo), ("--history", args.history))
    given = [name for name, value in options if value is not None]
    if given:
        report(
            "kiemdiem workbook-template",
            InputError([Problem(name, "", "chỉ dùng cùng --from-history (sổ điền sẵn từ hồ sơ)") for name in given]),
        )
        return INVALID
    output = args.output or Path("dang-bo.xlsx")
    try:
        path = write_workbook(output, regime=args.regime, profile=args.profile)
    except InputError as error:
        report(str(output), error)
        return INVALID
    print(path)
    return 0


def cmd_workbook_from_history(args, report) -> int:
    """``workbook-template --from-history``: next year's workbook pre-filled from the record (exit 2: no
    record, no year before ``--year``, several đảng bộ and no ``--dang-bo``, a wrong regime or profile —
    every problem listed)."""
    from ..history.prefill import build, choose, recorded
    from ..history.store import open_store
    from ..workbook import write_workbook
    from ..workbook.template import checked_layout

    target = history_target(args.history)
    if not target.exists():  # reading creates nothing
        print(
            f"kiemdiem workbook-template: chưa có hồ sơ xếp loại ở {target.shown} (chọn bằng --history hoặc "
            f"${HISTORY_ENV}; hồ sơ do kiemdiem bulk hoặc kiemdiem history import ghi)",
            file=sys.stderr,
        )
        return INVALID
    cols, problems = checked_layout(args.regime, args.profile)
    try:
        with open_store(target) as store, store.session() as session:
            years = recorded(session)
            year, source, key, found = choose(years, args.year, args.dang_bo)
            problems += found
            prefill = None if problems else build(session, year, source, key, years[source][key])
    except HistoryError as error:
        print(f"kiemdiem workbook-template: {error}", file=sys.stderr)
        return INVALID
    if problems:
        report(f"--from-history ({target.shown})", InputError(problems))
        return INVALID
    if args.year is None:
        print(f"Năm kiểm điểm: {year} (năm sau năm {source}, năm cuối cùng đã ghi trong hồ sơ; chọn năm khác: --year).")
    output = args.output or Path(f"dang-bo-{year}.xlsx")
    try:
        path = write_workbook(output, document=prefill.document(cols.member_input, args.regime, args.profile))
    except InputError as error:
        report(str(output), error)
        return INVALID
    print(f"Hồ sơ xếp loại: {target.shown}")
    print("\n".join(prefill.summary(cols.member_input, args.profile)))
    print(path)
    return 0


def add_commands(sub, formats_type, default_formats, profile_option, regimes, report) -> None:
    p = sub.add_parser(
        "bulk", help="cả đảng bộ một lần: sổ Excel hoặc thư mục → mọi văn bản, danh sách, báo cáo tổng hợp"
    )
    p.add_argument(
        "source", type=Path, metavar="NGUỒN", help="sổ .xlsx (xem workbook-template) hoặc thư mục/tệp dang-bo.yaml"
    )
    p.add_argument("-o", "--output", type=Path, default=Path("out"), help="thư mục kết quả (mặc định out/)")
    p.add_argument(
        "--format", type=formats_type, default=list(default_formats), help="docx, pdf hoặc docx,pdf (mặc định)"
    )
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="số tiến trình in song song (mặc định 1)")
    p.add_argument("--zip", action="store_true", help="nén cả thư mục kết quả thành một tệp .zip")
    p.add_argument(
        "--executor", default=None, metavar="dask://MÁY:CỔNG", help="in trên một cụm Dask (gói kiemdiem[dask])"
    )
    p.add_argument("--blank", action="store_true", help="in bản tự kiểm điểm trống, điền sẵn tên, cho từng đảng viên")
    p.add_argument("--fillable", action="store_true", help="với --blank: bản có ô điền (đọc lại bằng kiemdiem import)")
    profile_option(p)
    history_options(p)
    p.set_defaults(run=lambda args: cmd_bulk(args, report))

    p = sub.add_parser(
        "workbook-template", help="tạo sổ Excel trống để nhập cả đảng bộ (tiêu đề cột, danh sách chọn, hướng dẫn)"
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        help="tệp .xlsx (mặc định dang-bo.xlsx; với --from-history dang-bo-NĂM.xlsx)",
    )
    p.add_argument("--regime", default="qd366-2025", choices=regimes, metavar="QUY_ĐỊNH", help=", ".join(regimes))
    profile_option(p)
    p.add_argument(
        "--from-history",
        action="store_true",
        help="điền sẵn đảng bộ, tổ chức, đảng viên (họ tên, ngày sinh, ngày vào Đảng, số thẻ, chi bộ, chức vụ) "
        "từ năm đã ghi gần nhất trong hồ sơ xếp loại",
    )
    p.add_argument(
        "--year",
        type=year_type,
        default=None,
        metavar="NĂM",
        help="với --from-history: năm của sổ mới (mặc định năm sau năm cuối cùng đã ghi)",
    )
    p.add_argument(
        "--dang-bo",
        default=None,
        metavar="TÊN",
        help="với --from-history: đảng bộ cần lấy, khi hồ sơ ghi nhiều đảng bộ cùng năm",
    )
    history_option(p)
    p.set_defaults(run=lambda args: cmd_workbook_template(args, report))
