"""``kiemdiem bulk --blank``: one personalised blank bản tự kiểm điểm per member of a đảng bộ.

The clerk's workbook (or dang-bo folder) already names every member, their chi bộ, the
đảng bộ, the place and the meeting date; each member gets a blank with those printed
(or pre-filled in the fields), in the same folders and file names as ``kiemdiem bulk``.
Only who the member is and the shared fields are pre-filled (a filled workbook's texts and
scores are not copied: the blank is for the member's own review); nothing is classified here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import compose
from ..blank.document import make_blank, render_blank
from ..errors import InputError
from ..filenames import slug
from ..write import write_atomic
from .plan import Planner
from .source import open_source

PERSONAL = ("regime", "profile", "nam", "dang_bo", "chi_bo", "dia_danh", "ngay_lap", "dang_vien")


@dataclass
class BlankRun:
    written: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # "where: problem", a member skipped


def member_blanks(
    source: str | Path, out_dir: str | Path, formats: list[str], fillable: bool = False, profile: str | None = None
) -> BlankRun:
    """Write each member's blank; raises ``InputError`` when the source itself is unusable."""
    run = BlankRun()
    with open_source(source) as opened:
        planner = Planner(opened, profile)  # checks the organisation tree, places folders as kiemdiem bulk does
        for scope in planner.scopes:
            for org in scope.chi_bo:
                _organisation(planner, opened, org, Path(out_dir), formats, fillable, profile, run)
    return run


def _organisation(
    planner: Planner,
    source,
    org: dict,
    out_dir: Path,
    formats: list[str],
    fillable: bool,
    profile: str | None,
    run: BlankRun,
) -> None:
    docs = source.documents(org["ma"])
    run.errors += [f"{p.where}: {p.reason}" for p in docs["problems"]]
    group = docs.get("xep_loai")
    if group is None:
        return
    group = compose.group_document(group, planner.header, org, planner._upper(org))
    for i, entry in enumerate(group.get("dang_vien") or []):
        member = entry.get("ban_kiem_diem") if isinstance(entry, dict) else None
        if not isinstance(member, dict):
            continue  # 2011–2024 lists rate members from a record; there is no bản tự kiểm điểm to hand out
        member = {key: member[key] for key in PERSONAL if key in member}
        try:
            blanks = {
                fmt: make_blank(compose.MEMBER_FORM, member, profile=profile, fillable=fmt if fillable else None)
                for fmt in formats
            }
        except InputError as error:
            for problem in error.problems:  # where the clerk fixes it: the member's file, or the sheet, row and column
                path = (
                    f"$.dang_vien[{i}].ban_kiem_diem{problem.path[1:]}"
                    if problem.path.startswith("$")
                    else f"$.dang_vien[{i}]"
                )
                where = source.locate(org["ma"], "xep_loai", path) or f"{org['ma']}: {path}"
                run.errors.append(f"{where}{f' ({problem.title})' if problem.title else ''}: {problem.reason}")
            continue
        name = (member.get("dang_vien") or {}).get("ho_ten") or f"dang-vien-{i + 1}"
        stem = planner._file(planner._folder(org), "ban-tu-kiem-diem-" + slug(name))
        for fmt, blank in blanks.items():
            run.written.append(write_atomic(out_dir / f"{stem}.{fmt}", render_blank(blank, fmt), durable=False))
