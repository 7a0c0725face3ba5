"""Rows to record, and what a record holds, for the history tests (and the child process that is killed
while it records)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from generator.history.records import BULK, MemberRow, OrganisationRow, Place, Result, RunInfo

DANG_BO = "Đảng bộ phường Ba Đình"


def run(source: str = "dang-bo.xlsx", nam: int = 2025) -> RunInfo:
    return RunInfo(BULK, source, "0" * 64, "test", nam, "qd366-2025", None, DANG_BO)


def member(
    name: str,
    born: str | None,
    level: str = "HTTNV",
    nam: int = 2025,
    card: str | None = None,
    admitted: str | None = "2010-05-19",
    where: str | None = None,
    chi_bo: str = "Chi bộ Khu phố 5",
    dang_bo: str = DANG_BO,
    score=None,
    regime: str = "qd366-2025",
) -> MemberRow:
    return MemberRow(
        name,
        dt.date.fromisoformat(born) if born else None,
        dt.date.fromisoformat(admitted) if admitted else None,
        card,
        Place(where or f"trang “Đảng viên”, dòng {name}", dang_bo, "kp5", chi_bo, "db", DANG_BO),
        Result(nam, regime, level, score=score),
    )


def organisation(
    ma: str,
    ten: str,
    level: str = "HTTNV",
    nam: int = 2025,
    score=None,
    tieu_bieu: bool | None = None,
    regime: str = "qd366-2025",
    dang_bo: str = DANG_BO,
) -> OrganisationRow:
    """A chi bộ trực thuộc of ``dang_bo`` and its year."""
    return OrganisationRow(
        ma,
        ten,
        "chi_bo_truc_thuoc",
        Place(f"trang “Tổ chức”, mã {ma}", dang_bo, ma, ten, "db", dang_bo),
        Result(nam, regime, level, score=score, tieu_bieu=tieu_bieu),
    )


def many(count: int, nam: int = 2025, level: str = "HTTNV") -> list[MemberRow]:
    """``count`` distinct members: Đảng Viên 0, 1, … born on successive days."""
    first = dt.date(1970, 1, 1)
    return [
        member(f"Đảng Viên Số {i}", (first + dt.timedelta(days=i)).isoformat(), level, nam, where=f"dòng {i + 2}")
        for i in range(count)
    ]


def snapshot(store) -> dict:
    """Every row of every table, in order: what a record holds."""
    with store.engine.connect() as connection:
        return {
            table: [tuple(map(str, row)) for row in connection.execute(text(f"select * from {table} order by 1"))]
            for table in ("runs", "people", "organisations", "outcomes")
        }


def filled_draft(path, **values):
    """A drafted tờ trình (awards propose -o) as the clerk completes it: each "…" and the number replaced."""
    import json
    from pathlib import Path

    from generator.load import load_document

    typed = {"dang_bo": "Đảng bộ Thành phố Hà Nội", "dia_danh": "Hà Nội", "nguoi_ky": "Nguyễn Văn Hùng", **values}

    def fill(value, key=None):
        if isinstance(value, dict):
            return {k: fill(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [fill(v, key) for v in value]
        if value == "…":
            return typed.get(key, "Đảng ủy phường Ba Đình")
        return "12-TTr/ĐU" if key == "so_ky_hieu" and value == "0-TTr/ĐU" else value

    target = Path(path).with_name(Path(path).stem + "-da-dien.json")
    target.write_text(json.dumps(fill(load_document(path)), ensure_ascii=False), encoding="utf-8")
    return target
