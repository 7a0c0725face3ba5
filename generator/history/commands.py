"""``kiemdiem history import|template|show``, ``kiemdiem awards propose`` (commendations from the record) and the
``--history``/``--no-history`` options of ``bulk``.

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

from ..errors import InputError, Problem
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


def history_options(
    parser: argparse.ArgumentParser,
    does: str = "ghi kết quả cuối cùng vào",
    skips: str = "không ghi vào hồ sơ xếp loại",
    after: str = "",
) -> None:
    """``--history`` and ``--no-history``: for the commands that record (the default words), and those that
    read (``does``, ``skips``, ``after``: what they do with it, kiemdiem validate/classify/render)."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--history",
        metavar="TỆP|URL",
        default=None,
        help=f"{does} hồ sơ xếp loại qua các năm: tệp SQLite, hoặc địa chỉ như postgresql://người@máy/csdl "
        f"(mặc định ${ENV}, nếu không ~/.local/share/kiemdiem/history.sqlite{after})",
    )
    group.add_argument("--no-history", action="store_true", help=skips)


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


def is_dang_bo(path: Path) -> bool:
    """A đảng bộ of one year (a folder, a dang-bo file, a workbook of kiemdiem workbook-template), not a typed list."""
    if path.is_dir() or path.suffix.lower() in (".json", ".yaml", ".yml"):
        return True
    if path.suffix.lower() != ".xlsx" or not path.is_file():
        return False
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True)
    except Exception:  # noqa: BLE001 - unreadable: the typed list's reader says why
        return False
    try:
        return {"Tổ chức", "Đảng viên"} <= set(book.sheetnames)
    finally:
        book.close()


MANIFEST_LIMIT = 256 * 2**20  # a run of 100,000 members lists about 100,000 outputs


def run_source(manifest: Path) -> Path:
    """The workbook or folder an earlier ``kiemdiem bulk`` run printed, as its ``manifest.json`` names it:
    looked for as written (from here), then beside the run's folder; a file whose sha256 is not the one the
    manifest holds is refused — the levels of that year are the ones printed from the file as it was."""
    import hashlib
    import json

    title = "Danh mục của lần in trước (manifest.json)"
    try:
        if manifest.stat().st_size > MANIFEST_LIMIT:
            raise InputError([Problem("$", title, f"tệp lớn hơn {MANIFEST_LIMIT // 2**20} MB")])
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise InputError([Problem("$", title, f"không đọc được: {error}")]) from None
    source = data.get("source") if isinstance(data, dict) else None
    written = source.get("path") if isinstance(source, dict) else None
    if not isinstance(written, str) or not written:
        raise InputError([Problem("$.source.path", title, "không ghi sổ nguồn của lần in")])
    tried = [Path(written)] if Path(written).is_absolute() else [Path(written), manifest.parent.parent / written]
    found = next((p for p in tried if p.exists()), None)
    if found is None:
        shown = "; ".join(str(p) for p in tried)
        raise InputError(
            [
                Problem(
                    "$.source.path", title, f"không tìm thấy sổ nguồn “{written}” (đã tìm: {shown}); nhập chính sổ đó"
                )
            ]
        )
    expected = source.get("sha256")
    if expected and found.is_file() and hashlib.sha256(found.read_bytes()).hexdigest() != expected:
        raise InputError(
            [
                Problem(
                    "$.source.sha256",
                    title,
                    f"sổ “{found}” đã khác sổ của lần in (sha256 khác): nếu đúng là sổ của năm đó, nhập chính sổ",
                )
            ]
        )
    return found


def is_manifest(path: Path) -> bool:
    return path.name == "manifest.json" and path.is_file()


def _import_dang_bo(args, report, import_dang_bo) -> int:
    target = resolve(args.history)
    try:
        source = run_source(Path(args.file)) if is_manifest(Path(args.file)) else args.file
        recorded, errors = import_dang_bo(source, target, args.profile)
    except InputError as error:
        report(str(args.file), error)
        return INVALID
    except HistoryError as error:
        print(f"kiemdiem history import: {error}", file=sys.stderr)
        return INVALID
    print(f"{source}: đã xếp loại cả đảng bộ (không in văn bản).")
    print_recorded(target, recorded)
    if errors:
        print(f"Các bản ghi lỗi đã bỏ qua ({len(errors)}):", file=sys.stderr)
        for error in errors:
            print(f"  {error['where']}: {error['reason']}", file=sys.stderr)
    return SOME_FAILED if errors or recorded.conflicts else OK


def cmd_import(args, report, import_dang_bo=None) -> int:
    from .typed_list import read_list

    if import_dang_bo is not None and (is_manifest(Path(args.file)) or is_dang_bo(Path(args.file))):
        return _import_dang_bo(args, report, import_dang_bo)
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
    if not target.exists():  # reading creates nothing
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


def cmd_settle(args, report) -> int:
    """``history rename``, ``merge`` and ``tieu-bieu``: the clerk's decision, in one transaction."""
    from .settle import merge, recognise, rename

    target = resolve(args.history)
    if not target.exists():
        print(f"kiemdiem history {args.history_command}: chưa có hồ sơ xếp loại ở {target.shown}", file=sys.stderr)
        return INVALID
    try:
        with _open(target) as store:
            if args.history_command == "rename":
                done = rename(store, args.id, args.ho_ten)
            elif args.history_command == "merge":
                done = merge(store, args.giu, args.gop)
            else:
                done = recognise(store, args.nam, args.dang_bo, args.ma, args.quyet_dinh)
    except HistoryError as error:
        print(f"kiemdiem history {args.history_command}: {error}", file=sys.stderr)
        return INVALID
    print(f"Hồ sơ xếp loại ({target.shown}): {done}.")
    return OK


def year(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"năm cần là một số, ví dụ 2025, không phải “{text}”") from None


def _day(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày “{text}” không hợp lệ; ghi dạng YYYY-MM-DD, ví dụ 2025-12-20") from None


def _propose_problems(args, date_given: bool) -> list:
    """Every problem of the options, each naming its option (nothing is opened before they are all right)."""
    import datetime as dt

    from ..evaluate.commendation import era_on, rules_data
    from ..vietnamese import ngay_ngan

    found = []
    today = dt.date.today()
    first = rules_data()["eras"][0]["from"]  # the first rules kiemdiem knows: no tờ trình for a year before them
    if not first.year <= args.year <= today.year:
        found.append(
            Problem(
                "--year",
                "Năm đề nghị khen thưởng",
                f"năm {args.year} ngoài khoảng {first.year}–{today.year} (kiemdiem có quy định khen thưởng từ "
                f"ngày {ngay_ngan(first)})",
            )
        )
    elif args.year > args.date.year:
        found.append(
            Problem(
                "--year",
                "Năm đề nghị khen thưởng",
                f"năm {args.year} sau ngày lập tờ trình {ngay_ngan(args.date)} (--date)",
            )
        )
    if era_on(args.date) is None and (date_given or not found):  # a defaulted date: the year is said already
        found.append(
            Problem(
                "--date",
                "Ngày lập tờ trình",
                f"kiemdiem có quy định khen thưởng từ ngày {ngay_ngan(first)}; ngày {ngay_ngan(args.date)} sớm hơn",
            )
        )
    if args.to_chuc is not None and not args.to_chuc.strip():
        found.append(Problem("--to-chuc", "Tổ chức", "mã tổ chức trống"))
    if args.dang_bo is not None and not args.dang_bo.strip():
        found.append(Problem("--dang-bo", "Đảng bộ", "tên đảng bộ trống"))
    if args.output is not None:  # a folder, or a place that cannot be written, is said before the record is read
        from ..write import check_target

        try:
            check_target(args.output)
        except InputError as error:
            found += error.problems
        if args.output.is_file() and not args.force:  # a draft the clerk has been filling in is not lost
            found.append(
                Problem(
                    "-o",
                    "Tệp tờ trình",
                    f"{args.output} đã có (có thể là bản đang điền): chọn tên khác, hoặc thêm --force để ghi đè",
                )
            )
    return found


def cmd_propose(args, report) -> int:
    """``kiemdiem awards propose``: the record's eligible and one-year-short lines; ``-o`` the tờ trình."""
    import datetime as dt

    from ..evaluate.commendation import era_on, quotas_in_force

    date_given = args.date is not None
    if args.date is None:
        args.date = dt.date(args.year, 12, 31) if 1 <= args.year <= 9999 else dt.date.today()
    problems = _propose_problems(args, date_given)
    era = era_on(args.date)
    quotas = {}
    if era is not None:
        try:
            quotas = quotas_in_force(era, args.profile)
            if args.profile and not any(p.path == "--year" for p in problems):
                from ..evaluate.commendation import review_regime
                from ..evaluate.subjects import regime_of

                # the tờ trình (-o) carries the profile: it must apply to the year's rules
                regime_of({"regime": review_regime(args.year)}, args.profile)
        except InputError as error:
            problems += error.problems
    target = resolve(args.history)
    if not target.exists():  # reading creates nothing
        problems.append(Problem("--history", "Hồ sơ xếp loại", f"chưa có hồ sơ xếp loại ở {target.shown}"))
    if problems:
        report("kiemdiem awards propose", InputError(problems))
        return INVALID
    from .propose import (
        ProposeError,
        chain_years,
        lines,
        profile_file,
        propose,
        to_fill_lines,
        to_trinh,
        to_trinh_yaml,
    )
    from .show import between

    try:
        with _open(target) as store, store.session() as session:
            record = between(session, args.year - chain_years(era) + 1, args.year)
    except HistoryError as error:
        print(f"kiemdiem awards propose: {error}", file=sys.stderr)
        return INVALID
    try:
        result = propose(record, args.year, args.date, era, quotas, args.to_chuc, date_given, args.dang_bo)
    except ProposeError as error:
        title = "Đảng bộ" if error.option == "--dang-bo" else "Tổ chức"
        report("kiemdiem awards propose", InputError([Problem(error.option, title, str(error))]))
        return INVALID
    written = None
    if args.output is not None:
        document = to_trinh(result, args.profile)
        if document is None:
            report(
                "kiemdiem awards propose",
                InputError(
                    [Problem("-o", "Tệp tờ trình", "không có đề nghị nào đủ điều kiện theo hồ sơ: không ghi tệp")]
                ),
            )
            return INVALID
        from ..write import write_atomic

        written = write_atomic(args.output, to_trinh_yaml(document, result, target.shown, args.profile).encode("utf-8"))
    if args.json:
        print(
            json.dumps(
                {"history": target.shown, **result, "written": str(written) if written else None},
                ensure_ascii=False,
                indent=2,
            )
        )
        return OK
    print("\n".join(lines(result, target.shown)))
    if written is not None:
        print("")
        print(f"Đã ghi tờ trình {written} ({len(result['eligible'])} đề nghị). Cần điền trước khi in (chỗ ghi “…”):")
        print("\n".join(to_fill_lines()))
        again = f" --profile {args.profile}" if profile_file(args.profile) else ""
        print(f"Rồi: kiemdiem validate {written}{again} && kiemdiem render {written}{again}")
    return OK


def propose_parser(report) -> argparse.ArgumentParser:
    """``kiemdiem awards propose`` (``kiemdiem awards DATE`` keeps its date argument, so this parser is
    chosen by generator/cli.py when the word ``propose`` follows ``awards``)."""
    q = argparse.ArgumentParser(
        prog="kiemdiem awards propose",
        description="đề xuất khen thưởng từ hồ sơ xếp loại qua các năm: ai đủ điều kiện, ai thiếu một năm, "
        "căn cứ từng năm; -o ghi tờ trình đề nghị khen thưởng để điền nốt",
    )
    q.add_argument("--year", type=year, required=True, metavar="NĂM", help="năm đề nghị khen thưởng, ví dụ 2025")
    q.add_argument(
        "--date",
        type=_day,
        default=None,
        metavar="NGÀY",
        help="ngày lập tờ trình YYYY-MM-DD: quy định khen thưởng có hiệu lực ngày này (mặc định 31/12 của --year)",
    )
    q.add_argument(
        "--dang-bo",
        metavar="TÊN",
        default=None,
        help="chỉ xét một đảng bộ (tên như trong hồ sơ), khi hồ sơ dùng chung có nhiều đảng bộ",
    )
    q.add_argument(
        "--to-chuc",
        metavar="MÃ",
        default=None,
        help="chỉ xét một chi bộ hoặc một tổ chức cơ sở đảng (mã tổ chức, hoặc tên) và các đảng viên của nó",
    )
    q.add_argument(
        "--profile",
        metavar="HỒ_SƠ",
        default=None,
        help="hồ sơ quy định địa phương (tỷ lệ khen thưởng riêng: khen_thuong.quotas)",
    )
    q.add_argument("--json", action="store_true", help="in dạng JSON")
    q.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        metavar="TỆP",
        help="ghi tờ trình đề nghị khen thưởng (YAML); không ghi đè tệp đã có trừ khi có --force",
    )
    q.add_argument("--force", action="store_true", help="với -o: ghi đè tệp đã có")
    history_option(q)
    q.set_defaults(run=lambda args: cmd_propose(args, report))
    return q


def add_commands(sub, report, import_dang_bo=None) -> None:
    """``import_dang_bo``(path, record, profile) → (Recorded, errors): how ``history import`` reads a past
    year's đảng bộ (generator/bulk/record.py, handed in by the CLI: the record is below the bulk run)."""
    p = sub.add_parser(
        "history", help="hồ sơ xếp loại qua các năm: nhập danh sách các năm trước, xem kết quả từng người, chi bộ, năm"
    )
    commands = p.add_subparsers(dest="history_command", required=True, metavar="LỆNH")

    q = commands.add_parser(
        "import",
        help="nhập kết quả các năm trước: danh sách gõ lại (.xlsx hoặc .csv, mẫu: history template), sổ, "
        "thư mục đảng bộ của năm đó, hoặc manifest.json của lần in trước (xếp loại lại, không in)",
    )
    q.add_argument(
        "file",
        type=Path,
        metavar="TỆP",
        help="tệp .xlsx/.csv (UTF-8) theo mẫu của kiemdiem history template; hoặc sổ .xlsx của kiemdiem "
        "workbook-template, thư mục hay tệp dang-bo.yaml của một năm; hoặc manifest.json của một lần kiemdiem bulk",
    )
    q.add_argument(
        "--profile",
        metavar="HỒ_SƠ",
        default=None,
        help="sổ, thư mục đảng bộ: hồ sơ quy định địa phương của năm đó (mã có sẵn hoặc tệp YAML)",
    )
    history_option(q)
    q.set_defaults(run=lambda args: cmd_import(args, report, import_dang_bo))

    q = commands.add_parser("template", help="tạo mẫu danh sách để nhập kết quả các năm trước")
    q.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("danh-sach-xep-loai-cac-nam.xlsx"),
        help="tệp .xlsx (mặc định danh-sach-xep-loai-cac-nam.xlsx)",
    )
    q.set_defaults(run=lambda args: cmd_template(args, report))

    q = commands.add_parser(
        "rename",
        help="sửa họ tên đã ghi của một đảng viên (khi hồ sơ báo “khác cách viết”): mã trong history show",
    )
    q.add_argument("--id", type=int, required=True, metavar="MÃ", help="mã đảng viên (history show --ho-ten TÊN)")
    q.add_argument("--ho-ten", required=True, metavar="HỌ_TÊN", help="họ tên đúng, như lần ghi sau sẽ viết")
    history_option(q)
    q.set_defaults(run=lambda args: cmd_settle(args, report))

    q = commands.add_parser("merge", help="gộp hai đảng viên trong hồ sơ là một người (mã trong history show)")
    q.add_argument("--giu", type=int, required=True, metavar="MÃ", help="mã đảng viên giữ lại")
    q.add_argument("--gop", type=int, required=True, metavar="MÃ", help="mã đảng viên gộp vào người giữ lại")
    history_option(q)
    q.set_defaults(run=lambda args: cmd_settle(args, report))

    q = commands.add_parser(
        "tieu-bieu",
        help="ghi quyết định công nhận tổ chức đảng tiêu biểu của năm (sau khi cấp có thẩm quyền quyết định)",
    )
    q.add_argument("--nam", type=year, required=True, metavar="NĂM", help="năm xếp loại được công nhận")
    q.add_argument("--ma", nargs="+", required=True, metavar="MÃ", help="mã các tổ chức được công nhận tiêu biểu")
    q.add_argument(
        "--quyet-dinh",
        required=True,
        metavar="VĂN_BẢN",
        help="số, ngày của quyết định công nhận, ví dụ “Quyết định số 05-QĐ/ĐU ngày 10/01/2026”",
    )
    q.add_argument("--dang-bo", metavar="TÊN", default=None, help="khi hồ sơ có nhiều đảng bộ")
    history_option(q)
    q.set_defaults(run=lambda args: cmd_settle(args, report))

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
