"""``kiemdiem bulk`` and ``kiemdiem workbook-template`` on the command line.

Exit status: 0 every document printed; 3 some records failed (listed, the rest
printed); 2 the workbook or folder itself is unusable (nothing printed).
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import InputError
from ..evaluate.known_through import warn
from ..history.commands import history_options, print_recorded
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

    try:
        path = write_workbook(args.output, regime=args.regime, profile=args.profile)
    except InputError as error:
        report(str(args.output), error)
        return INVALID
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
    p.add_argument("-o", "--output", type=Path, default=Path("dang-bo.xlsx"), help="tệp .xlsx (mặc định dang-bo.xlsx)")
    p.add_argument("--regime", default="qd366-2025", choices=regimes, metavar="QUY_ĐỊNH", help=", ".join(regimes))
    profile_option(p)
    p.set_defaults(run=lambda args: cmd_workbook_template(args, report))
