"""``kiemdiem template check`` and ``kiemdiem template export`` on the command line.

Exit status: 0 the template is usable / written; 2 the template fails the check
(every finding listed with its place) or the request is invalid.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import InputError

OK, INVALID = 0, 2


def cmd_check(args) -> int:
    from .check import check_template

    report = check_template(args.file, args.form, args.regime)
    print("\n".join(report.lines()), file=sys.stdout if report.ok else sys.stderr)
    return OK if report.ok else INVALID


def cmd_export(args, report) -> int:
    from .export import export_template

    try:
        path = export_template(args.form, args.output)
    except InputError as error:
        report(str(args.output), error)
        return INVALID
    print(path)
    return OK


def add_commands(sub, forms: list[str], regimes: list[str], report) -> None:
    p = sub.add_parser(
        "template", help="mẫu in riêng của cấp ủy: kiểm tra (check) hoặc lấy mẫu có sẵn làm gốc (export)"
    )
    actions = p.add_subparsers(dest="template_command", required=True, metavar="VIỆC")

    c = actions.add_parser(
        "check", help="kiểm tra một mẫu .docx/.html: biến lạ, trường bắt buộc không in, lỗi cú pháp, liên kết bị cấm"
    )
    c.add_argument("file", metavar="TỆP_MẪU", help="tệp .docx (cho DOCX) hoặc .html (cho PDF)")
    c.add_argument("--form", required=True, choices=forms, metavar="MẪU", help=", ".join(forms))
    c.add_argument(
        "--regime",
        default=None,
        choices=regimes,
        metavar="QUY_ĐỊNH",
        help="chỉ đối chiếu với văn bản ví dụ của quy định này: " + ", ".join(regimes),
    )
    c.set_defaults(run=cmd_check)

    e = actions.add_parser("export", help="ghi mẫu có sẵn của một loại văn bản ra tệp .docx hoặc .html để sửa")
    e.add_argument("form", choices=forms, metavar="MẪU", help=", ".join(forms))
    e.add_argument(
        "-o", "--output", type=Path, required=True, metavar="TỆP", help="tệp .docx hoặc .html (HTML kèm sẵn CSS)"
    )
    e.set_defaults(run=lambda args: cmd_export(args, report))
