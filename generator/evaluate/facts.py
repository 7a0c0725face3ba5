"""Facts about one subject (a member, or a party organisation), computed from the
document, that the regime's rules test.

Each fact is a small named function; the regime data says which facts matter,
with which comparator and threshold. A fact that does not apply returns None
(for example, no faults were named at the previous review, or a chi bộ has no
sub-organisations).
"""

from __future__ import annotations

import calendar
import datetime as dt
from fractions import Fraction
from typing import Callable

from .grades import GRADES

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
    """Counted on a scoring sheet; listed fault by fault in a collective report (Mẫu 01, part III)."""
    prior = doc.get("khac_phuc_ky_truoc")
    if prior:
        return _ratio(prior["so_da_khac_phuc"], prior["so_han_che"])
    listed = doc.get("han_che_ky_truoc") or []
    return _ratio(sum(item["tinh_trang"] == "da_khac_phuc" for item in listed), len(listed))


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


TASK_FACTS: dict[str, Fact] = {
    "ty_le_hoan_thanh": _task_fact(_own, _done),
    "ty_le_dung_tien_do": _task_fact(_own, _on_time),
    "ty_le_vuot_muc": _task_fact(_own, _exceeded),
    "ty_le_cham_tien_do": _task_fact(_own, _late),
    "ty_le_khong_hoan_thanh": _task_fact(_own, _not_done),
    "ty_le_khac_phuc": _fixed,
}

MEMBER_FACTS: dict[str, Fact] = {
    **TASK_FACTS,
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


# ---------------------------------------------------------------- organisations
def _share(stats_key: str, codes: Callable[[list[str]], list[str]]) -> Callable[[dict, list[str]], Fraction | None]:
    """A share of members (or sub-organisations) whose level is among ``codes(levels)``."""

    def fact(doc: dict, levels: list[str]) -> Fraction | None:
        stats = doc.get(stats_key)
        if not stats:
            return None
        counts = stats["so_xep_loai"]
        rated = sum(counts.values())
        return _ratio(sum(counts.get(c, 0) for c in codes(levels)), rated)

    return fact


MEMBER_LEVELS = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]  # members' codes in every regime


def _members(codes: list[str]) -> Callable[[dict], Fraction | None]:
    share = _share("thong_ke_dang_vien", lambda _: codes)
    return lambda doc: share(doc, MEMBER_LEVELS)


def _government(doc: dict) -> str | None:
    return doc.get("dieu_kien", {}).get("chinh_quyen_doan_the")


def _condition(key: str, default: bool = False) -> Fact:
    return lambda doc: doc.get("dieu_kien", {}).get(key, default)


def _months_since_founding(doc: dict) -> int | None:
    founded = doc.get("ngay_thanh_lap")
    return full_months(dt.date.fromisoformat(founded), dt.date.fromisoformat(doc["ngay_lap"])) if founded else None


def _attendance(doc: dict) -> Fraction | None:
    value = doc.get("dieu_kien", {}).get("ty_le_sinh_hoat")
    return None if value is None else Fraction(str(value)) / 100


def _disciplined_units(doc: dict) -> Fraction | None:
    """Sub-organisations disciplined in the year, over those the statistics count (None: not given)."""
    count = doc.get("dieu_kien", {}).get("so_to_chuc_truc_thuoc_bi_ky_luat")
    stats = doc.get("thong_ke_to_chuc")
    if count is None or not stats:
        return None
    return _ratio(count, sum(stats["so_xep_loai"].values()))


ORG_FACTS: dict[str, Fact] = {
    **TASK_FACTS,
    "ty_le_dv_tot_tro_len": _members(["HTXSNV", "HTTNV"]),
    "ty_le_dv_htnv_tro_len": _members(["HTXSNV", "HTTNV", "HTNV"]),
    "ty_le_dv_khtnv": _members(["KHTNV"]),
    "cq_dt_cao_nhat": lambda d: None if _government(d) is None else _government(d) == "cao_nhat",
    "cq_dt_tu_muc_hai": lambda d: None if _government(d) is None else _government(d) in ("cao_nhat", "thu_hai"),
    "cq_dt_thap_nhat": lambda d: _government(d) == "thap_nhat",
    "mat_doan_ket": lambda d: not d.get("dieu_kien", {}).get("doan_ket", True),
    "ky_luat_cap_uy": _condition("ky_luat_cap_uy"),
    "ky_luat_tu_phat_hien": _condition("ky_luat_tu_phat_hien"),
    "ky_luat_tap_the": _condition("ky_luat_tap_the"),
    "tham_nhung_ky_luat": _condition("tham_nhung_ky_luat"),
    "ty_le_sinh_hoat": _attendance,
    "sai_pham_cong_tac_can_bo": _condition("sai_pham_cong_tac_can_bo"),
    "thanh_vien_suy_thoai": _condition("thanh_vien_suy_thoai"),
    "don_vi_khong_dat_chi_tieu": _condition("khong_dat_chi_tieu_co_ban"),
    "so_thang_thanh_lap": _months_since_founding,
    "tap_the_bi_ky_luat": _condition("tap_the_bi_ky_luat"),
    "ty_le_tc_bi_ky_luat": _disciplined_units,
}

# Facts about sub-organisations need the regime's level codes (TSVM … YEU_KEM, or HTXSNV … KHTNV).
ORG_LEVEL_FACTS: dict[str, Callable[[dict, list[str]], Fraction | None]] = {
    "ty_le_tc_cao_nhat": _share("thong_ke_to_chuc", lambda levels: levels[:1]),
    "ty_le_tc_thap_nhat": _share("thong_ke_to_chuc", lambda levels: levels[-1:]),
    "ty_le_tc_htnv_tro_len": _share("thong_ke_to_chuc", lambda levels: levels[:-1]),
}


# ---------------------------------------------------------------- member records (before 2018)
def _work_rating(levels: tuple[str, ...], title_counts: bool) -> Fact:
    """A cán bộ, công chức, viên chức's rating at work (None for other members)."""

    def fact(record: dict) -> bool | None:
        work = record.get("cong_chuc")
        if not work:
            return None
        return work["xep_loai"] in levels or (title_counts and work.get("danh_hieu", False))

    return fact


def _record_months_in_party(record: dict) -> int | None:
    admitted = record.get("ngay_vao_dang")
    return full_months(dt.date.fromisoformat(admitted), dt.date.fromisoformat(record["ngay_lap"])) if admitted else None


def _percent(key: str) -> Fact:
    def fact(record: dict) -> Fraction | None:
        value = record.get(key)
        return None if value is None else Fraction(str(value)) / 100

    return fact


RECORD_FACTS: dict[str, Fact] = {
    "ty_le_chi_tieu": _percent("ty_le_chi_tieu"),
    "ty_le_vuot_muc_chi_tieu": _percent("ty_le_vuot_muc"),
    "suy_thoai": lambda r: r.get("suy_thoai", False),
    "vi_pham_dieu_cam": lambda r: r.get("vi_pham_dieu_cam", False),
    "ky_luat_tu_phat_hien": lambda r: r.get("tu_phat_hien_khac_phuc", False),
    "so_thang_tu_ngay_vao_dang": _record_months_in_party,
    "mien_cong_tac_sinh_hoat": lambda r: r.get("tinh_trang_sinh_hoat") == "mien_cong_tac_sinh_hoat",
    "dinh_chi_sinh_hoat": lambda r: r.get("tinh_trang_sinh_hoat") == "dinh_chi_sinh_hoat",
    "ky_luat_trong_nam": lambda r: r.get("ky_luat_trong_nam", False),
    "vang_mat_dai_ngay": lambda r: r.get("vang_mat_dai_ngay", False),
    "so_thang_nghi_om": lambda r: Fraction(str(r.get("nghi_om_thang", 0))),
    "nghi_thai_san": lambda r: r.get("nghi_thai_san", False),
    "cong_chuc_dat_htxs": _work_rating(("HTXSNV",), title_counts=True),
    "cong_chuc_dat_httnv": _work_rating(("HTXSNV", "HTTNV"), title_counts=True),
    "cong_chuc_dat_htnv": _work_rating(("HTXSNV", "HTTNV", "HTNV"), title_counts=False),
}

FACT_TABLES = {"ca_nhan": MEMBER_FACTS, "to_chuc": ORG_FACTS, "ban_ghi": RECORD_FACTS}
KNOWN_FACTS = set(MEMBER_FACTS) | set(ORG_FACTS) | set(ORG_LEVEL_FACTS) | set(RECORD_FACTS) | {"tong_diem"}


def grade_facts(grades: dict | None, criteria: list[dict]) -> dict[str, Fraction | None]:
    """The lowest grade per criterion group (``cap_do_<group>``) and over all (``cap_do_tat_ca``)."""
    if not criteria:
        return {}
    values: dict[str, list[int]] = {}
    for criterion in criteria:
        grade = (grades or {}).get(criterion["id"])
        if grade is not None:
            values.setdefault(criterion["group"], []).append(GRADES[grade])
    groups = {c["group"] for c in criteria}
    facts = {f"cap_do_{g}": Fraction(min(values[g])) if g in values else None for g in groups}
    every = [v for vs in values.values() for v in vs]
    facts["cap_do_tat_ca"] = Fraction(min(every)) if every else None
    return facts


def compute_facts(
    doc: dict, parts, subject: str = "ca_nhan", levels: list[str] | None = None, criteria: list[dict] | None = None
) -> dict[str, object]:
    """Every fact of the subject, the total, each part's score as ``diem_<part id>`` and, where the
    regime grades criteria, the lowest grade per group."""
    facts = {name: fact(doc) for name, fact in FACT_TABLES[subject].items()}
    facts.update(grade_facts(doc.get("cap_do"), criteria or []))
    if subject == "to_chuc":
        facts.update({name: fact(doc, levels or []) for name, fact in ORG_LEVEL_FACTS.items()})
    facts["tong_diem"] = sum((p.score for p in parts), Fraction(0))
    if subject == "ban_ghi":  # a record may carry a total from a local 100-point sheet (Sơn La)
        facts["tong_diem"] = None if doc.get("diem") is None else Fraction(str(doc["diem"]))
    facts.update({f"diem_{p.id}": p.score for p in parts})
    return facts
