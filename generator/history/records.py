"""What is handed to the record: plain rows, built by ``kiemdiem bulk`` (generator/bulk/record.py) or read
from a typed list (``typed_list``), and what the record answers. No SQLAlchemy here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

# a run, a typed list, a past year's đảng bộ, the competent committee's recognition (history tieu-bieu)
BULK, IMPORT, IMPORT_DANG_BO, RECOGNISED = "bulk", "import", "import-dang-bo", "tieu-bieu"
HOW_RECORDED = {  # as printed
    BULK: "kiemdiem bulk",
    IMPORT: "nhập danh sách",
    IMPORT_DANG_BO: "nhập sổ đảng bộ",
    RECOGNISED: "công nhận tiêu biểu:",
}
NOT_RATED = "NOT_RATED"  # the engine's "Không xếp loại" (generator/evaluate/engine.py)


class HistoryError(Exception):
    """The record cannot be opened or written; the message names it, in Vietnamese."""


def parse_day(value) -> dt.date | None:
    """A date as a document holds it ("2025-12-20", a datetime's text) or None; None too for what is not one."""
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def shown_day(day: dt.date | None) -> str:
    """ "05/01/1985", as the record's messages print a date ("" for none)."""
    return day.strftime("%d/%m/%Y") if day else ""


def score_number(value: Decimal | None) -> int | float | None:
    """A recorded score (Numeric) as JSON and documents take it: 93, 27.5."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


@dataclass(frozen=True)
class RunInfo:
    """One recording: what made it, from what, when. ``nam``, ``regime``, ``dang_bo`` are None when the
    rows are of several (a typed list of many years)."""

    kind: str  # BULK, IMPORT or IMPORT_DANG_BO
    source: str  # the file or folder, as given
    input_sha256: str | None
    version: str
    nam: int | None = None
    regime: str | None = None
    profile: str | None = None
    dang_bo: str | None = None
    when: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))


@dataclass(frozen=True)
class Place:
    """Where a row came from ("trang “Đảng viên”, dòng 5"), and the unit it belongs to."""

    where: str
    dang_bo: str
    chi_bo_ma: str | None = None
    chi_bo_ten: str | None = None
    to_chuc_co_so_ma: str | None = None
    to_chuc_co_so_ten: str | None = None


@dataclass(frozen=True)
class Result:
    """A final outcome: the level code of the year's regime (or NOT_RATED), the score, tiêu biểu, and the
    quota's part in it (``selected``, ``cut``: rated one level lower for the quota)."""

    nam: int
    regime: str
    level: str
    profile: str | None = None
    score: Decimal | None = None
    tieu_bieu: bool | None = None
    quota: str | None = None


@dataclass(frozen=True)
class Positions:
    """A member's positions that year, as the list gave them: the quota group typed for them (None when it
    follows from the đối tượng), the đối tượng's code, and the party, government and mass-organisation
    positions. A typed list of old years and the regimes whose lists carry none leave them None."""

    nhom: str | None = None
    doi_tuong: str | None = None
    chuc_vu_dang: str | None = None
    chuc_vu_chinh_quyen: str | None = None
    chuc_vu_doan_the: str | None = None

    FIELDS = ("nhom", "doi_tuong", "chuc_vu_dang", "chuc_vu_chinh_quyen", "chuc_vu_doan_the")


@dataclass(frozen=True)
class MemberRow:
    ho_ten: str
    ngay_sinh: dt.date | None
    ngay_vao_dang: dt.date | None
    so_the: str | None
    place: Place
    result: Result
    positions: Positions = Positions()


@dataclass(frozen=True)
class OrganisationRow:
    ma: str
    ten: str
    loai: str | None
    place: Place
    result: Result


@dataclass(frozen=True)
class Conflict:
    """A row not recorded: it would merge two people, or two writings of one, without the clerk."""

    where: str
    who: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where} ({self.who}): {self.reason}" if self.who else f"{self.where}: {self.reason}"


@dataclass
class Recorded:
    """What one recording did: new outcomes, outcomes that replaced the year's earlier one (kept as
    history), rows equal to what is recorded, and the rows left for the clerk."""

    run_id: int | None = None
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    waiting: int = 0  # a bulk run's members and organisations with no final level yet (not recorded)

    def summary(self) -> str:
        text = (
            f"{self.added} kết quả mới, {self.replaced} kết quả thay bản ghi trước (bản cũ giữ làm lịch sử), "
            f"{self.unchanged} không đổi"
        )
        if self.waiting:
            text += f"; {self.waiting} chưa có kết quả cuối cùng (chờ biểu quyết lại hoặc cấp có thẩm quyền quyết định), chưa ghi"
        return text + (f"; {len(self.conflicts)} dòng cần làm rõ, chưa ghi" if self.conflicts else "")
