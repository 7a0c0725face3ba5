"""``kiemdiem blank`` and ``kiemdiem import`` on the command line.

Exit status: 0 written; 2 invalid input (bad pre-filled data, a wrong option, a filled
form with wrong or missing answers: each named by JSON path and title; nothing written);
3 a folder imported into a workbook with some files skipped (listed);
1 anything unexpected (one line, from the main command).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import InputError, Problem
from ..forms import blank_forms, variant_codes
from ..inputfile import read_bytes
from ..load import load_document
from ..write import check_target, write_atomic

OK, INVALID = 0, 2


def cmd_blank(args, report) -> int:
    from .document import make_blank, render_blank

    source = args.data or args.form
    try:
        check_target(args.output)  # a folder given for -o is said before the blank is made
        data = load_document(args.data) if args.data else {}
        blank = make_blank(
            args.form,
            data,
            regime=args.regime,
            profile=args.profile,
            variant=args.variant,
            fillable=args.format if args.fillable else None,
        )
    except InputError as error:
        report(str(source), error)
        return INVALID
    print(write_atomic(args.output, render_blank(blank, args.format)))
    return OK


def _is_dir(name: str) -> bool:
    try:
        return Path(name).is_dir()
    except OSError:  # a name too long: reading it says so
        return False


def cmd_import(args, report) -> int:
    from ..pipeline import prepare
    from .reading import read_blank

    if args.workbook is not None or _is_dir(args.file):
        return cmd_import_folder(args, report)
    try:
        if args.output is not None:
            check_target(args.output)
        if Path(args.file).suffix.lower() not in (".pdf", ".docx"):
            raise InputError(
                [Problem("$", "Tệp", "kiemdiem import đọc bản PDF hoặc DOCX điền được (kiemdiem blank … --fillable)")]
            )
        notices: list[str] = []
        prepared = prepare(read_blank(read_bytes(args.file, "Tệp", "blank"), notices), args.profile)
    except InputError as error:
        report(args.file, error)
        return INVALID
    for notice in notices:
        print(f"{args.file}: lưu ý: {notice}", file=sys.stderr)
    text = json.dumps(prepared.document, ensure_ascii=False, indent=2) + "\n"
    if args.output is None:
        sys.stdout.write(text)
        return OK
    print(write_atomic(args.output, text.encode("utf-8")))
    print(f"{args.file}: hợp lệ — {prepared.evaluation.summary()}", file=sys.stderr)
    return OK


def cmd_import_folder(args, report) -> int:
    """``kiemdiem import FOLDER --workbook dang-bo.xlsx``: exit 0 every file imported, 3 some skipped
    (each listed with its problems), 2 nothing usable or a wrong option (no workbook written)."""
    from .folder_import import SUFFIXES, import_folder
    from .to_workbook import check_target, still_to_fill, write_imported

    try:
        if args.workbook is None:
            raise InputError(
                [Problem("--workbook", "Sổ Excel", "nhập cả thư mục thì cần --workbook TỆP.xlsx (sổ của cả đảng bộ)")]
            )
        if args.output is not None:
            raise InputError(
                [Problem("-o", "Tệp JSON", "-o dùng cho một tệp; nhập thư mục vào sổ thì chỉ dùng --workbook")]
            )
        if not Path(args.file).is_dir():
            raise InputError([Problem("$", "Thư mục", "--workbook nhận một thư mục các bản PDF/DOCX đã điền")])
        check_target(args.workbook, args.force)
        result = import_folder(args.file, args.profile)
    except InputError as error:
        report(args.file, error)
        return INVALID
    for name, problems in result.skipped:
        report(str(Path(args.file) / name), InputError(problems))
    if result.document is None:
        found = "không có tệp .pdf, .docx nào" if not result.skipped else "không có bản nào nhập được"
        print(f"{args.file}: {found} ({', '.join(SUFFIXES)}); không ghi sổ.", file=sys.stderr)
        return INVALID
    written = write_imported(result.document, args.workbook, args.force)
    for path in written:
        print(path)
    document = result.document
    print(
        f"Đã nhập {len(result.imported)} bản tự kiểm điểm vào {len(document['to_chuc'])} chi bộ của "
        f"{document['dang_bo']}, năm {document['nam']} ({document['regime']}):"
    )
    for org in document["to_chuc"]:
        print(f"  {org['ten']} (mã {org['ma']}): {len(org['xep_loai']['dang_vien'])} đảng viên")
    print("Còn phải điền trong sổ trước khi chạy kiemdiem bulk:")
    for line in still_to_fill(document, result.dates):
        print(f"  - {line}")
    print(f"Kiểm tra sổ: kiemdiem validate {args.workbook}")
    if result.skipped:
        print(
            f"Các tệp bỏ qua ({len(result.skipped)}): " + ", ".join(name for name, _ in result.skipped), file=sys.stderr
        )
        return 3
    return OK


def add_commands(sub, profile_option, regimes, report) -> None:
    p = sub.add_parser("blank", help="in bản trống để viết tay, bản điền sẵn một phần, hoặc PDF điền được (--fillable)")
    p.add_argument("form", choices=blank_forms(), metavar="MẪU", help=", ".join(blank_forms()))
    p.add_argument(
        "--variant", choices=variant_codes(), default=None, help="bản tự kiểm điểm: 02A, 02B (mặc định) hoặc 02C"
    )
    p.add_argument(
        "--regime", choices=regimes, default=None, metavar="QUY_ĐỊNH", help="mặc định qd366-2025: " + ", ".join(regimes)
    )
    p.add_argument(
        "--data", default=None, metavar="TỆP", help="JSON/YAML điền sẵn một số trường (chỉ kiểm tra trường có ghi)"
    )
    p.add_argument("--format", choices=("docx", "pdf"), default="pdf", help="docx hoặc pdf (mặc định)")
    p.add_argument(
        "--fillable",
        action="store_true",
        help="có ô điền: PDF (AcroForm) hoặc DOCX (điều khiển nội dung của Word), đọc lại bằng kiemdiem import",
    )
    p.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP", help="tệp kết quả")
    profile_option(p)
    p.set_defaults(run=lambda args: cmd_blank(args, report))

    p = sub.add_parser(
        "import", help="đọc bản PDF hoặc DOCX điền được thành tệp JSON, hoặc cả thư mục vào sổ Excel của đảng bộ"
    )
    p.add_argument(
        "file", metavar="TỆP", help="bản điền được (.pdf, .docx) đã điền, hoặc thư mục các bản đó (với --workbook)"
    )
    p.add_argument("-o", "--output", type=Path, default=None, metavar="TỆP", help="tệp JSON (mặc định in ra màn hình)")
    p.add_argument(
        "--workbook",
        type=Path,
        default=None,
        metavar="SỔ.xlsx",
        help="nhập mọi bản tự kiểm điểm của thư mục vào một sổ Excel của đảng bộ (đọc bằng kiemdiem bulk)",
    )
    p.add_argument("--force", action="store_true", help="ghi đè sổ Excel đã có")
    profile_option(p)
    p.set_defaults(run=lambda args: cmd_import(args, report))
