"""The ``kiemdiem`` command: the pipeline for people who work from a terminal.

Exit status: 0 done; 2 invalid input (every problem listed, nothing written);
3 a bulk run where some records failed; 1 anything unexpected (one line, no traceback).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from . import __version__
from .blank.commands import add_commands as add_blank_commands
from .blank.tally_commands import add_commands as add_tally_commands
from .bulk.commands import add_commands as add_bulk_commands
from .describe import describe, overview
from .errors import InputError, Problem
from .evaluate.commendation import describe_awards, profile_wages, read_wage_file, wage_on
from .evaluate.known_through import date_notice, warn
from .evaluate.regime import ProfileError, known_regimes, load_regime
from .files import render_file
from .forms import DANG_BO, form_of
from .history.commands import add_commands as add_history_commands
from .history.commands import history_options, propose_parser
from .load import load_document
from .pipeline import FORMATS, classify, prepare, renderable_forms
from .schema import known_forms, load_schema
from .usertemplate.commands import add_commands as add_template_commands
from .web.commands import add_commands as add_web_commands

OK, UNEXPECTED, INVALID = 0, 1, 2


def _formats(text: str) -> list[str]:
    chosen = [f.strip().lower() for f in text.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        shown = ", ".join(unknown) or repr(text)
        raise argparse.ArgumentTypeError(f"định dạng không hỗ trợ: {shown}; chọn trong {', '.join(FORMATS)}")
    return list(dict.fromkeys(chosen))


INPUT_SUFFIXES = {".json", ".yaml", ".yml"}


def _inputs(paths: list[str]) -> list[str]:
    """Files as given; a folder stands for its .json/.yaml/.yml files, sorted."""
    out = []
    for name in paths:
        path = Path(name)
        try:
            listed = (
                sorted(str(p) for p in path.iterdir() if p.suffix.lower() in INPUT_SUFFIXES and p.is_file())
                if path.is_dir()
                else None
            )
        except OSError:  # a name too long, a folder that cannot be listed: reading it says why
            listed = None
        out += [name] if listed is None else listed
    return out


def _report(source: str, error: InputError) -> None:
    shown = source if len(source) <= 200 else source[:100] + "…" + source[-60:]
    print(f"{shown}: dữ liệu không hợp lệ ({len(error.problems)} lỗi):", file=sys.stderr)
    for problem in error.problems:
        print(f"  {problem}", file=sys.stderr)


def _wages(args) -> list[dict] | None:
    """The rows of ``--luong-co-so TỆP`` (None without it); raises ``InputError`` naming the file and row."""
    name = getattr(args, "luong_co_so", None)
    if name is None:
        return None
    try:
        return read_wage_file(name)
    except ProfileError as exc:
        raise InputError(
            [Problem("--luong-co-so", "Tệp mức lương cơ sở", text) for text in str(exc).split("\n")]
        ) from None


def cmd_validate(args) -> int:
    status = OK
    for source in _inputs(args.files):
        try:
            if Path(source).suffix.lower() == ".xlsx":
                status = max(status, _validate_dang_bo(source, args.profile))
                continue
            document = load_document(source)
            found = form_of(document)
            if found and found.kind == DANG_BO:
                status = max(status, _validate_dang_bo(source, args.profile))
                continue
            # classified, not presented: what makes a document invalid is the schema and the rules; laying
            # it out (fonts measured for the header) is render's work and would double validate's start-up
            result = classify(
                document, args.profile, _wages(args), base_dir=Path(source).resolve().parent, record=_record(args)
            )
            if result.evaluation.problems:
                raise InputError(result.evaluation.problems)
        except InputError as error:
            _report(source, error)
            status = INVALID
            continue
        print(f"{source}: hợp lệ — {result.evaluation.summary()}")
        warn(result.notice)
    return status


def _validate_dang_bo(source: str, profile: str | None) -> int:
    """A whole đảng bộ (workbook or dang-bo file): classify everything, print nothing, list every error."""
    from .bulk.plan import Planner
    from .bulk.source import open_source

    with open_source(source) as opened:
        planner = Planner(opened, profile)
        documents = sum(1 for _ in planner.jobs())
    for line in opened.notices:
        warn(f"{source}: {line}")
    result = planner.result
    if result.errors:
        print(f"{source}: {len(result.errors)} bản ghi lỗi:", file=sys.stderr)
        for error in result.errors:
            print(f"  {error['where']}: {error['reason']}", file=sys.stderr)
        return 3
    print(
        f"{source}: hợp lệ — {len(result.organisations)} tổ chức, {sum(result.member_counts.values())} đảng viên, {documents} văn bản để in"
    )
    return OK


def cmd_render(args) -> int:
    from .usertemplate.template import TemplateRejected  # here: it loads the renderers

    status = OK
    try:
        wages = _wages(args)
    except InputError as error:
        _report("--luong-co-so", error)
        return INVALID
    for source in _inputs(args.files):
        notices: list[str] = []
        try:
            written = render_file(
                source,
                args.output,
                args.format,
                args.profile,
                args.template,
                not args.khong_phu_luc,
                wages,
                notices,
                _record(args),
            )
        except TemplateRejected as error:
            print("\n".join([f"{source}:"] + error.lines()), file=sys.stderr)
            status = INVALID
            continue
        except InputError as error:
            _report(source, error)
            status = INVALID
            continue
        for path in written:
            print(path)
        for line in notices:
            warn(f"{source}: {line}")
    return status


def cmd_classify(args) -> int:
    try:
        result = classify(
            load_document(args.file), args.profile, _wages(args), Path(args.file).resolve().parent, _record(args)
        )
    except InputError as error:
        _report(args.file, error)
        return INVALID
    warn(result.notice)
    evaluation = result.evaluation
    print(
        json.dumps({"form": result.document["form"], **evaluation.as_dict()}, ensure_ascii=False, indent=2)
        if args.json
        else "\n".join(evaluation.lines())
    )
    if evaluation.problems:  # printed after the result; they make the exit status 2
        _report(args.file, InputError(evaluation.problems))
        return INVALID
    return OK


def cmd_awards(args) -> int:
    try:
        wages = _wages(args)
        if wages is None and args.profile:
            wages = profile_wages({}, args.profile)
    except InputError as error:
        _report(args.luong_co_so or args.profile, error)
        return INVALID
    print("\n".join(describe_awards(args.date, wages)))
    warn(date_notice(args.date, wage_on(args.date, wages)))
    return OK


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày {text!r} không hợp lệ; ghi dạng YYYY-MM-DD, ví dụ 2025-12-22") from None


def cmd_context(args) -> int:
    try:
        prepared = prepare(load_document(args.file), args.profile)
    except InputError as error:
        _report(args.file, error)
        return INVALID
    print(json.dumps(prepared.context, ensure_ascii=False, indent=2))
    return OK


def cmd_regime(args) -> int:
    if args.id is None:
        print("\n".join(overview()))
        return OK
    try:
        regime = load_regime(args.id, args.profile)
    except ProfileError as exc:
        print(f"--profile: {exc}", file=sys.stderr)
        return INVALID
    print("\n".join(describe(regime)))
    return OK


def cmd_schema(args) -> int:
    print(json.dumps(load_schema(args.form), ensure_ascii=False, indent=2))
    return OK


def _wage_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--luong-co-so",
        metavar="TỆP",
        default=None,
        help="tệp YAML các dòng mức lương cơ sở {from, amount, name, decree} thêm hoặc sửa bảng có sẵn "
        "(dòng cùng ngày from thay dòng có sẵn); thay khóa luong_co_so của hồ sơ quy định",
    )


def _record_option(parser: argparse.ArgumentParser) -> None:
    """``--history`` / ``--no-history`` for the commands that read a tờ trình's years from the record."""
    history_options(
        parser,
        does="tờ trình khen thưởng: đối chiếu và điền kết quả các năm từ",
        skips="không đối chiếu với hồ sơ xếp loại",
        after="; không có hồ sơ thì bỏ qua",
    )


def _record(args):
    """The record a tờ trình is checked against (None with --no-history)."""
    from .history.location import resolve

    return resolve(args.history, args.no_history)


def _profile_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile",
        metavar="HỒ_SƠ",
        default=None,
        help="hồ sơ quy định địa phương: mã có sẵn hoặc tệp YAML (thay con số của quy định, không sửa mã)",
    )


def _import_dang_bo(path, record, profile):
    """``kiemdiem history import`` of a past year's đảng bộ: the bulk run's plan, recorded (bulk/record.py)."""
    from .bulk.record import import_dang_bo

    return import_dang_bo(path, record, profile)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiemdiem",
        description="Kiểm điểm, đánh giá, xếp loại chất lượng đảng viên: kiểm tra dữ liệu, xếp loại có lý do, xuất DOCX/PDF.",
    )
    parser.add_argument("--version", action="version", version=f"kiemdiem {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")

    p = sub.add_parser("validate", help="kiểm tra tệp dữ liệu (JSON/YAML) theo mẫu và quy định")
    p.add_argument("files", nargs="+", metavar="TỆP", help="tệp .json/.yaml hoặc thư mục chứa chúng")
    _profile_option(p)
    _wage_option(p)
    _record_option(p)
    p.set_defaults(run=cmd_validate)

    p = sub.add_parser("render", help="xuất văn bản DOCX/PDF")
    p.add_argument("files", nargs="+", metavar="TỆP", help="tệp .json/.yaml hoặc thư mục chứa chúng")
    p.add_argument("--format", type=_formats, default=list(FORMATS), help="docx, pdf hoặc docx,pdf (mặc định)")
    p.add_argument("-o", "--output", type=Path, default=Path("out"), help="thư mục kết quả (mặc định out/)")
    p.add_argument(
        "--template",
        action="append",
        default=[],
        metavar="TỆP_MẪU",
        help="mẫu in riêng: .docx cho DOCX, .html cho PDF (dùng được hai lần; xem kiemdiem template check)",
    )
    p.add_argument(
        "--khong-phu-luc",
        action="store_true",
        help="biểu điểm, báo cáo kiểm điểm tập thể: không in trang “Phụ lục: căn cứ xếp loại” sau chữ ký "
        "(như ghi in_phu_luc: false)",
    )
    _profile_option(p)
    _wage_option(p)
    _record_option(p)
    p.set_defaults(run=cmd_render)

    p = sub.add_parser("classify", help="tính điểm, xếp loại và nêu lý do")
    p.add_argument("file", metavar="TỆP")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    _profile_option(p)
    _wage_option(p)
    _record_option(p)
    p.set_defaults(run=cmd_classify)

    p = sub.add_parser("context", help="in dữ liệu đã trình bày mà mẫu DOCX/HTML nhận (cho người sửa mẫu)")
    p.add_argument("file", metavar="TỆP")
    _profile_option(p)
    p.set_defaults(run=cmd_context)

    p = sub.add_parser(
        "regime", help="in một quy định bằng lời: các mức, khung điểm, tiêu chí, điều kiện, biểu quyết, tỷ lệ"
    )
    p.add_argument("id", nargs="?", choices=known_regimes(), metavar="QUY_ĐỊNH", help=", ".join(known_regimes()))
    _profile_option(p)
    p.set_defaults(run=cmd_regime)

    p = sub.add_parser(
        "awards",
        help="in quy định khen thưởng có hiệu lực vào một ngày: căn cứ, các hình thức, điều kiện, tiền thưởng; "
        "kiemdiem awards propose --year NĂM: đề xuất khen thưởng từ hồ sơ xếp loại (xem --help của lệnh đó)",
    )
    p.add_argument(
        "date", type=_date, nargs="?", default=dt.date.today(), metavar="NGÀY", help="YYYY-MM-DD (mặc định hôm nay)"
    )
    _profile_option(p)
    _wage_option(p)
    p.set_defaults(run=cmd_awards)

    add_bulk_commands(sub, _formats, FORMATS, _profile_option, known_regimes(), _report)
    add_blank_commands(sub, _profile_option, known_regimes(), _report)
    add_tally_commands(sub, _report)
    add_template_commands(sub, renderable_forms(), known_regimes(), _report)
    add_history_commands(sub, _report, _import_dang_bo)
    add_web_commands(sub)

    p = sub.add_parser("schema", help="in JSON Schema của một mẫu")
    p.add_argument("form", choices=known_forms(), metavar="MẪU", help=", ".join(known_forms()))
    p.set_defaults(run=cmd_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:2] == ["awards", "propose"]:  # "awards DATE" keeps its date: "propose" has a parser of its own
        args = propose_parser(_report).parse_args(argv[2:])
    else:
        args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("kiemdiem: đã dừng.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return OK
    except InputError as error:  # an output that cannot be written (-o a folder), said where it arose
        _report("kiemdiem", error)
        return INVALID
    except Exception as exc:  # noqa: BLE001 — the contract is one line, never a traceback
        message = " ".join(str(exc).split()) or type(exc).__name__
        print(f"kiemdiem: lỗi không mong đợi: {message}", file=sys.stderr)
        return UNEXPECTED
