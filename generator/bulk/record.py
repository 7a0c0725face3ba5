"""What a bulk run hands to the record across years (generator/history): each member's and organisation's
final level, after the chi bộ's vote and the quotas.

The planner calls ``member`` as it settles each member of a chi bộ (the rows it keeps only as counts), the
runner calls ``finish`` once the run is done, when the organisations' quotas are settled too. Members and
organisations still waiting for a decision (not enough votes, a tie at the quota's last place, a level
the rules leave to the competent committee) have no final level yet and are not recorded.
"""

from __future__ import annotations

from pathlib import Path

from .. import __version__
from ..evaluate.regime import UNDECIDED
from ..history.records import (
    BULK,
    IMPORT_DANG_BO,
    MemberRow,
    OrganisationRow,
    Place,
    Positions,
    Recorded,
    Result,
    RunInfo,
    parse_day,
)
from .parked import Parked
from .plan import Planner, person_of
from .source import HEADER_NAMES


def _text(value) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def _positions(entry: dict, person: dict) -> Positions:
    """The member's positions as the list gave them: the quota group typed on the list (not the one the
    đối tượng implies), the đối tượng and the chức vụ of the bản tự kiểm điểm (none in a list of records)."""
    return Positions(
        _text(entry.get("nhom")),
        _text(person.get("doi_tuong")),
        _text(person.get("chuc_vu_dang")),
        _text(person.get("chuc_vu_chinh_quyen")),
        _text(person.get("chuc_vu_doan_the")),
    )


class Recorder:
    """Opens the record before the run prints anything (a record that cannot be opened stops the run
    with its reason), collects the members as the plan settles them, records everything at the end."""

    def __init__(self, target, planner: Planner):
        from ..history.store import open_store

        self.store = open_store(target)
        self.planner = planner
        self.members = Parked()  # MemberRow of each member settled, on disk until ``finish`` (bulk/parked.py)
        self.waiting = 0  # members and organisations with no final level yet
        header = planner.header
        self.dang_bo = header["dang_bo"]
        self.profile = planner.profile or header.get("profile")
        self.by_ma = {o["ma"]: o for o in planner.source.organisations if isinstance(o, dict)}
        planner.on_member = self.member

    def close(self) -> None:
        self.store.close()

    def _result(self, row: dict) -> Result | None:
        if row.get("level") in (None, UNDECIDED) or row.get("quota") == "tie":
            self.waiting += 1
            return None
        return Result(
            int(self.planner.header["nam"]),
            self.planner.regime.id,
            row["level"],
            self.profile,
            row.get("score"),
            None,
            row.get("quota"),
        )

    def _place(self, where: str, chi_bo: dict | None, org: dict) -> Place:
        """The unit of an organisation or of a member's chi bộ: its chi bộ, its tổ chức cơ sở đảng (a chi bộ
        trực thuộc's đảng bộ cơ sở; a chi bộ cơ sở or đảng bộ cơ sở itself; none for a chi bộ of the đảng bộ)."""
        parent = self.by_ma.get(org.get("truc_thuoc")) if org.get("truc_thuoc") else None
        base = (
            parent if parent is not None else org if org["loai_to_chuc"] in ("chi_bo_co_so", "dang_bo_co_so") else None
        )
        return Place(
            where,
            self.dang_bo,
            chi_bo["ma"] if chi_bo else None,
            chi_bo["ten"] if chi_bo else None,
            base["ma"] if base else None,
            base["ten"] if base else None,
        )

    def member(self, org: dict, index: int, entry: dict, row: dict) -> None:
        result = self._result(row)
        if result is None:
            return
        document = entry.get("ban_kiem_diem") if isinstance(entry, dict) else None
        person = person_of(entry)
        at = f"$.dang_vien[{index}]" + (".ban_kiem_diem" if isinstance(document, dict) else "")  # its own file, if any
        where = (self.planner.source.locate(org["ma"], "xep_loai", at) or f"{org['ma']}: {at}").removesuffix(": $")
        self.members.append(
            MemberRow(
                row["ho_ten"],
                parse_day(person.get("ngay_sinh")),
                parse_day(person.get("ngay_vao_dang")),
                person.get("so_the_dang_vien"),
                self._place(where, org, org),
                result,
                _positions(entry if isinstance(entry, dict) else {}, person),
            )
        )

    def finish(self, source_path, input_sha256: str | None, kind: str = BULK) -> Recorded:
        """Record the members and the organisations (their quotas now settled), in one transaction.
        ``kind``: BULK for a printing run, IMPORT_DANG_BO for a past year read by ``import_dang_bo``."""
        organisations = []
        for row in self.planner.result.organisations:
            if row["level"] is None and row["score"] is None:
                continue  # no biểu điểm, or one with errors: reported, never rated here
            result = self._result(row)
            if result is None:
                continue
            org = self.by_ma.get(row["ma"], {"ma": row["ma"], "loai_to_chuc": row["loai"]})
            where = self.planner.source.locate(row["ma"], "bieu_diem", "$") or row["ma"]
            chi_bo = org if row["loai"] in ("chi_bo_co_so", "chi_bo_truc_thuoc") else None
            organisations.append(
                OrganisationRow(row["ma"], row["ten"], row["loai"], self._place(where, chi_bo, org), result)
            )
        info = RunInfo(
            kind,
            str(source_path),
            input_sha256,
            __version__,
            int(self.planner.header["nam"]),
            self.planner.regime.id,
            self.profile,
            self.dang_bo,
        )
        try:
            recorded = self.store.record(info, self.members, organisations)
        finally:
            self.close()
        recorded.waiting = self.waiting
        return recorded


def source_hash(source_path) -> str | None:
    """The sha256 of the workbook, or of the folder's dang-bo file."""
    from .manifest import file_sha256

    path = Path(source_path)
    if path.is_dir():
        path = next((path / n for n in HEADER_NAMES if (path / n).is_file()), path)
    return file_sha256(path) if path.is_file() else None


def import_dang_bo(source_path, target, profile: str | None = None) -> tuple[Recorded, list[dict]]:
    """``kiemdiem history import`` of a past year's đảng bộ (workbook or folder): classified in the order
    ``kiemdiem bulk`` classifies (votes, quotas, organisations scored), nothing printed, and recorded
    in one transaction. Returns what was recorded and the records left out with their reasons (the
    source's and the rules' errors, as bulk lists them); ``InputError`` when the source is unusable."""
    from .source import open_source

    with open_source(source_path) as source:
        planner = Planner(source, profile)
        recorder = Recorder(target, planner)
        try:
            for _ in planner.jobs():  # each document is planned as for printing; none is rendered
                pass
        except BaseException:
            recorder.close()
            raise
        recorded = recorder.finish(source_path, source_hash(source_path), IMPORT_DANG_BO)
    return recorded, list(planner.result.errors)
