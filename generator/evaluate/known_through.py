"""Tables that know their own age: every dated rule table (the wage, the commendation eras, each
regime) records ``known_through``, the last day it was checked against its sources, and
``last_source``. A document decided later may fall under a rule the toolkit has not been told of,
so ``render``, ``classify``, ``awards``, ``bulk`` and the web page say so in one line — outside
the document, which stays as the rules known print it.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from functools import cache

from ..forms import COMMENDATION, kind_of
from ..resources import commendation_dir, regimes_dir, shipped_yaml
from ..vietnamese import ngay_ngan

DEFAULT_REGIME = "qd366-2025"
# The date a document is decided on, by form: its own date when given, else the end of the review year.
_DATE_FIELDS = ("ngay_lap", "ngay_hop", "ngay_kiem_phieu")


@dataclass(frozen=True)
class Table:
    title: str  # "bảng mức lương cơ sở"
    path: str  # where it lives in the package, for the README and the warning
    known_through: dt.date
    last_source: str
    how: str  # how a committee adds what is missing, in Vietnamese


@cache
def _yaml(path) -> dict:
    return shipped_yaml(path)


def _table(path, title: str, how: str) -> Table:
    data = _yaml(path)
    return Table(title, f"generator/{path.parent.name}/{path.name}", data["known_through"], data["last_source"], how)


def wage_table() -> Table:
    return _table(
        commendation_dir() / "luong-co-so.yaml",
        "bảng mức lương cơ sở",
        "thêm dòng mới ({from, amount, name, decree}) vào khóa luong_co_so của hồ sơ quy định (--profile TỆP) "
        "hoặc một tệp --luong-co-so TỆP",
    )


def eras_table() -> Table:
    return _table(
        commendation_dir() / "khen-thuong.yaml",
        "bảng quy định khen thưởng theo thời kỳ",
        "thêm thời kỳ mới vào eras của generator/commendation/khen-thuong.yaml; tỷ lệ riêng đặt ở khóa "
        "khen_thuong của hồ sơ quy định (--profile TỆP)",
    )


def regime_table(regime_id: str) -> Table:
    return _table(
        regimes_dir() / f"{regime_id}.yaml",
        f"quy định xếp loại {regime_id}",
        "đổi con số trong overrides của hồ sơ quy định (--profile TỆP), hoặc thêm quy định mới vào generator/regimes/",
    )


def all_tables() -> list[Table]:
    """Every dated table, for the README's "rules known through" list."""
    return [wage_table(), eras_table()] + [regime_table(p.stem) for p in sorted(regimes_dir().glob("*.yaml"))]


def stale_line(checks: list[tuple[Table, dt.date]]) -> str | None:
    """One warning line for every table whose ``known_through`` is before the date it decides, or None."""
    late = [(t, day) for t, day in checks if day > t.known_through]
    if not late:
        return None
    parts = [
        f"{t.title} ({t.path}) chỉ được đối chiếu với nguồn đến ngày {ngay_ngan(t.known_through)} "
        f"(nguồn cuối: {t.last_source}), văn bản quyết định ngày {ngay_ngan(day)}; nếu đã có quy định mới: {t.how}"
        for t, day in late
    ]
    return "Cảnh báo: quy định có thể chưa cập nhật — " + " | ".join(parts) + "."


def _day(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def deciding_date(document: dict) -> dt.date | None:
    """A review document's date, else 31/12 of its review year (None when it has neither)."""
    for field in _DATE_FIELDS:
        if document.get(field):
            return _day(document[field])
    year = document.get("nam")
    return dt.date(year, 12, 31) if isinstance(year, int) else None


def document_notice(document: dict, evaluation=None) -> str | None:
    """The warning for one validated document (a tờ trình: the wage on ``ngay_quyet_dinh``, else
    ``ngay_lap``, and the eras on ``ngay_lap``; anything else: its regime on its deciding date).
    A wage row a committee supplied (profile or user file) is its own: no warning for it."""
    if kind_of(document) == COMMENDATION:
        made = _day(document["ngay_lap"])
        checks = [(eras_table(), made)]
        wage = getattr(evaluation, "wage", None) or {}
        if not wage.get("nguon"):
            checks.append((wage_table(), _day(document.get("ngay_quyet_dinh") or document["ngay_lap"])))
        return stale_line(checks)
    day = deciding_date(document)
    regime = document.get("regime", DEFAULT_REGIME)
    if day is None or not (regimes_dir() / f"{regime}.yaml").is_file():
        return None
    return stale_line([(regime_table(regime), day)])


def date_notice(day: dt.date, wage: dict | None = None) -> str | None:
    """`kiemdiem awards DATE`: the eras and (unless a committee's row is used) the wage table."""
    checks = [(eras_table(), day)]
    if not (wage or {}).get("nguon"):
        checks.append((wage_table(), day))
    return stale_line(checks)


def warn(line: str | None) -> None:
    """Print the warning on stderr, never on stdout, where documents and JSON go."""
    if line:
        print(line, file=sys.stderr)
