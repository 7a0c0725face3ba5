"""``kiemdiem blank`` and ``kiemdiem import`` on the command line.

Exit status: 0 written; 2 invalid input (bad pre-filled data, a wrong option, a filled
form with wrong or missing answers: each named by JSON path and title; nothing written);
1 anything unexpected (one line, from the main command).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import InputError, Problem
from ..load import load_document
from ..write import write_atomic
from .document import BLANK_FORMS, VARIANT_CODES, make_blank, render_blank

OK, INVALID = 0, 2


def cmd_blank(args, report) -> int:
    source = args.data or args.form
    try:
        data = load_document(args.data) if args.data else {}
        blank = make_blank(args.form, data, regime=args.regime, profile=args.profile, variant=args.variant,
                           fillable=args.format if args.fillable else None)
    except InputError as error:
        report(str(source), error)
        return INVALID
    print(write_atomic(args.output, render_blank(blank, args.format)))
    return OK


def cmd_import(args, report) -> int:
    from ..pipeline import prepare
    from .reading import read_blank
    try:
        if Path(args.file).suffix.lower() not in (".pdf", ".docx"):
            raise InputError([Problem("$", "Tệp", "kiemdiem import đọc bản PDF hoặc DOCX điền được (kiemdiem blank … --fillable)")])
        prepared = prepare(read_blank(Path(args.file).read_bytes()), args.profile)
    except FileNotFoundError:
        report(args.file, InputError([Problem("$", "Tệp", "không tìm thấy tệp")]))
        return INVALID
    except InputError as error:
        report(args.file, error)
        return INVALID
    text = json.dumps(prepared.document, ensure_ascii=False, indent=2) + "\n"
    if args.output is None:
        sys.stdout.write(text)
        return OK
    print(write_atomic(args.output, text.encode("utf-8")))
    print(f"{args.file}: hợp lệ — {prepared.evaluation.summary()}", file=sys.stderr)
    return OK


def cmd_bulk_blank(args, report) -> int:
    """``kiemdiem bulk --blank``: exit 0 every member's blank written, 3 some members skipped (listed),
    2 the workbook or folder itself is unusable (nothing written)."""
    from .per_member import member_blanks
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
    return OK


def add_commands(sub, profile_option, regimes, report) -> None:
    p = sub.add_parser("blank", help="in bản trống để viết tay, bản điền sẵn một phần, hoặc PDF điền được (--fillable)")
    p.add_argument("form", choices=BLANK_FORMS, metavar="MẪU", help=", ".join(BLANK_FORMS))
    p.add_argument("--variant", choices=VARIANT_CODES, default=None, help="bản tự kiểm điểm: 02A, 02B (mặc định) hoặc 02C")
    p.add_argument("--regime", choices=regimes, default=None, metavar="QUY_ĐỊNH", help="mặc định qd366-2025: " + ", ".join(regimes))
    p.add_argument("--data", default=None, metavar="TỆP", help="JSON/YAML điền sẵn một số trường (chỉ kiểm tra trường có ghi)")
    p.add_argument("--format", choices=("docx", "pdf"), default="pdf", help="docx hoặc pdf (mặc định)")
    p.add_argument("--fillable", action="store_true",
                   help="có ô điền: PDF (AcroForm) hoặc DOCX (điều khiển nội dung của Word), đọc lại bằng kiemdiem import")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP", help="tệp kết quả")
    profile_option(p)
    p.set_defaults(run=lambda args: cmd_blank(args, report))

    p = sub.add_parser("import", help="đọc bản PDF hoặc DOCX điền được thành tệp dữ liệu JSON (kiểm tra và xếp loại)")
    p.add_argument("file", metavar="TỆP", help="bản điền được (.pdf, .docx) đã điền")
    p.add_argument("-o", "--output", type=Path, default=None, metavar="TỆP", help="tệp JSON (mặc định in ra màn hình)")
    profile_option(p)
    p.set_defaults(run=lambda args: cmd_import(args, report))
