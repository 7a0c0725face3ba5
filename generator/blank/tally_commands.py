"""``kiemdiem tally``: count a folder of filled ballots into a bien-ban-kiem-phieu JSON.

Exit status: 0 every file in the folder was a ballot of this vote and was counted
(wholly invalid ballots are part of a normal count: they are listed, and counted as
received); 3 some files were not counted (another chi bộ, list or round, not a ballot,
unreadable: each listed), the tally of the rest is written; 2 invalid input (the meeting
file, the resulting tally, or no ballot at all: each problem named, nothing written);
1 anything unexpected (one line, from the main command).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import InputError
from ..load import load_document
from ..write import check_target, write_atomic

OK, INVALID, SOME_SKIPPED = 0, 2, 3


def cmd_tally(args, report) -> int:
    from .tally_import import check_meeting, tally_folder  # here: it reads workbooks and PDFs

    try:
        if args.output is not None:
            check_target(args.output)
        meeting = check_meeting(load_document(args.data))
    except InputError as error:
        report(str(args.data), error)
        return INVALID
    try:
        result = tally_folder(args.folder, meeting)
    except InputError as error:  # no ballot of this vote, or the tally they make is not valid with the meeting's data
        report(str(args.folder), error)
        return INVALID
    for name, problems in result.rejected:
        print(f"{Path(args.folder) / name}: không đếm ({len(problems)} lỗi):", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
    text = json.dumps(result.document, ensure_ascii=False, indent=2) + "\n"
    if args.output is None:
        sys.stdout.write(text)
    else:
        print(write_atomic(args.output, text.encode("utf-8")))
    print(
        f"{args.folder}: vòng {result.round}, {result.received} phiếu thu vào, {result.valid} phiếu hợp lệ "
        f"(phát ra {result.document['so_phieu_phat_ra']}) — {result.prepared.evaluation.summary()}",
        file=sys.stderr,
    )
    for name, why in result.invalid:
        print(f"  phiếu không hợp lệ: {name}: {why}", file=sys.stderr)
    for name, why in result.partly:
        print(f"  {name}: {why}", file=sys.stderr)
    if result.rejected:
        print(
            f"Các tệp không đếm ({len(result.rejected)}): " + ", ".join(name for name, _ in result.rejected),
            file=sys.stderr,
        )
        return SOME_SKIPPED
    return OK


def add_commands(sub, report) -> None:
    p = sub.add_parser(
        "tally", help="đếm các phiếu biểu quyết điền được trong một thư mục thành biên bản kiểm phiếu (JSON)"
    )
    p.add_argument(
        "folder", metavar="THƯ_MỤC", help="thư mục các phiếu đã điền (.pdf, .docx), mỗi tệp là phiếu của một người"
    )
    p.add_argument(
        "--data",
        required=True,
        metavar="TỆP",
        help="JSON/YAML của cuộc kiểm phiếu: chi bộ, ngày, địa điểm, số đảng viên, số phiếu phát ra, ban kiểm phiếu",
    )
    p.add_argument(
        "-o", "--output", type=Path, default=None, metavar="TỆP", help="tệp JSON biên bản (mặc định in ra màn hình)"
    )
    p.set_defaults(run=lambda args: cmd_tally(args, report))
