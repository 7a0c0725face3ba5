"""Facts about one member, computed from the document, that the regime's rules test.

Each fact is a small named function; the regime data says which facts matter,
with which comparator and threshold. A fact that does not apply returns None
(for example, no faults were named at the previous review).
"""
from __future__ import annotations

import calendar
import datetime as dt
from fractions import Fraction
from typing import Callable

Fact = Callable[[dict], object]


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months, clamped to the month's last day (31/8 + 6 → 28/2)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def full_months(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end``: admitted 05/6, reviewed 05/12 → 6."""
    months = (end.year - start.year) * 12 + end.month - start.month
    while months > 0 and add_months(start, months) > end:
        months -= 1
    return max(months, 0)


def _ratio(part: int, whole: int) -> Fraction | None:
    return Fraction(part, whole) if whole else None


def _task_fact(source: Callable[[dict], dict | None], compute: Callable[[dict], Fraction | None]) -> Fact:
    def fact(doc: dict) -> Fraction | None:
        tasks = source(doc)
        return compute(tasks) if tasks else None
    return fact


def _own(doc: dict) -> dict | None:
    return doc.get("nhiem_vu")


def _unit(doc: dict) -> dict | None:
    return doc.get("lanh_dao", {}).get("nhiem_vu_don_vi")


def _done(t: dict) -> Fraction | None:
    return _ratio(t["so_hoan_thanh"], t["so_duoc_giao"])


def _on_time(t: dict) -> Fraction | None:
    return _ratio(t["so_dung_tien_do"], t["so_duoc_giao"])


def _exceeded(t: dict) -> Fraction | None:
    return _ratio(t["so_vuot_muc"], t["so_duoc_giao"])


def _late(t: dict) -> Fraction | None:
    return _ratio(t["so_hoan_thanh"] - t["so_dung_tien_do"], t["so_duoc_giao"])


def _not_done(t: dict) -> Fraction | None:
    return _ratio(t["so_duoc_giao"] - t["so_hoan_thanh"], t["so_duoc_giao"])


def _fixed(doc: dict) -> Fraction | None:
    prior = doc.get("khac_phuc_ky_truoc")
    return _ratio(prior["so_da_khac_phuc"], prior["so_han_che"]) if prior else None


def _units_failing(doc: dict) -> Fraction | None:
    units = doc.get("lanh_dao", {}).get("don_vi_truc_thuoc")
    return _ratio(units["so_khtnv"], units["tong_so"]) if units else None


def _low_confidence(doc: dict) -> Fraction | None:
    votes = doc.get("lanh_dao", {}).get("phieu_tin_nhiem")
    return _ratio(votes["so_phieu_tin_nhiem_thap"], votes["tong_so_phieu"]) if votes else None


def _discipline(doc: dict) -> dict:
    return doc.get("vi_pham", {}).get("ky_luat") or {}


def _months_in_party(doc: dict) -> int:
    return full_months(dt.date.fromisoformat(doc["dang_vien"]["ngay_vao_dang"]), dt.date.fromisoformat(doc["ngay_lap"]))


def _long_leave(doc: dict) -> bool:
    leave = doc["dang_vien"].get("nghi_dai_ngay")
    return bool(leave) and (leave["loai"] == "thai_san" or leave["so_thang"] >= 3)


def _status(doc: dict) -> str:
    return doc["dang_vien"].get("tinh_trang_sinh_hoat", "binh_thuong")


FACTS: dict[str, Fact] = {
    "ty_le_hoan_thanh": _task_fact(_own, _done),
    "ty_le_dung_tien_do": _task_fact(_own, _on_time),
    "ty_le_vuot_muc": _task_fact(_own, _exceeded),
    "ty_le_cham_tien_do": _task_fact(_own, _late),
    "ty_le_khong_hoan_thanh": _task_fact(_own, _not_done),
    "ty_le_khac_phuc": _fixed,
    "don_vi_ty_le_hoan_thanh": _task_fact(_unit, _done),
    "don_vi_ty_le_dung_tien_do": _task_fact(_unit, _on_time),
    "don_vi_ty_le_vuot_muc": _task_fact(_unit, _exceeded),
    "ty_le_don_vi_khtnv": _units_failing,
    "ty_le_phieu_tin_nhiem_thap": _low_confidence,
    "khong_dat_chi_tieu_co_ban": lambda d: d.get("lanh_dao", {}).get("khong_dat_chi_tieu_co_ban", False),
    "tieu_cuc_don_vi": lambda d: d.get("lanh_dao", {}).get("tieu_cuc_don_vi", False),
    "ky_luat_lien_quan_chuc_trach": lambda d: bool(_discipline(d).get("lien_quan_chuc_trach")),
    "ky_luat_tu_phat_hien": lambda d: bool(_discipline(d).get("tu_phat_hien_khac_phuc")),
    "suy_thoai": lambda d: d.get("vi_pham", {}).get("suy_thoai", False),
    "vi_pham_dieu_cam": lambda d: d.get("vi_pham", {}).get("vi_pham_dieu_cam", False),
    "so_thang_tu_ngay_vao_dang": _months_in_party,
    "mien_cong_tac_sinh_hoat": lambda d: _status(d) == "mien_cong_tac_sinh_hoat",
    "dinh_chi_sinh_hoat": lambda d: _status(d) == "dinh_chi_sinh_hoat",
    "nghi_dai_ngay": _long_leave,
}


def compute_facts(doc: dict, total: Fraction) -> dict[str, object]:
    facts = {name: fact(doc) for name, fact in FACTS.items()}
    facts["tong_diem"] = total
    return facts
