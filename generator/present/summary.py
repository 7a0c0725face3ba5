"""What the đảng bộ's three documents print, from the plain results of a bulk run.

``summary_contexts(summary)`` turns the dict a bulk run builds (see
``generator.bulk.runner.build_summary``) into one context per document: the list
of members with their levels, the report of counts and shares, and the quota
report. Every figure is computed here from the rows, never typed; percentages
are of those rated, and a share with nothing to divide prints "—".
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from fractions import Fraction

from .vietnamese import cap_uy, dia_danh_ngay, in_hoa, phan_tram, so

LIST, REPORT, QUOTA = "danh-sach-xep-loai-dang-vien", "bao-cao-tong-hop-xep-loai", "bao-cao-ty-le-xep-loai"
NOT_RATED, PENDING = "NOT_RATED", "pending"
SIGNER = {"chi_uy": "T/M CHI ỦY", "chi_bo": "T/M CHI BỘ", "dang_uy": "T/M ĐẢNG ỦY", "ban_thuong_vu": "T/M BAN THƯỜNG VỤ"}
POSITION = {"bi_thu": "BÍ THƯ", "pho_bi_thu": "PHÓ BÍ THƯ"}
SHORT_NOTES = {"cut": "Vượt tỷ lệ Hoàn thành xuất sắc nhiệm vụ của nhóm", "tie": "Bằng phiếu ở vị trí cuối của tỷ lệ: đảng ủy quyết định"}


def share(part: int, whole: int) -> str:
    return phan_tram(Fraction(part, whole)) if whole else "—"


def _date(value) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _score(value) -> str:
    return so(value) if value is not None else ""


def _common(summary: dict) -> dict:
    ky = summary.get("ky") or {"thay_mat": "dang_uy", "chuc_vu_nguoi_ky": "bi_thu", "nguoi_ky": ""}
    upper = summary.get("cap_tren")
    return {
        "dang_bo": summary["dang_bo"], "nam": summary["nam"], "regime_name": summary["regime_name"],
        "trinh_bay": {
            "dang_bo_in_hoa": in_hoa(upper) if upper else "",
            "co_quan": cap_uy(summary["dang_bo"]), "co_quan_in_hoa": in_hoa(cap_uy(summary["dang_bo"])),
            "dia_danh_ngay": dia_danh_ngay(summary["dia_danh"], _date(summary["ngay_lap"])),
        },
        "ky": {"thay_mat": SIGNER.get(ky["thay_mat"], ky["thay_mat"]),
               "chuc_vu_nguoi_ky": POSITION.get(ky["chuc_vu_nguoi_ky"], ky["chuc_vu_nguoi_ky"]), "nguoi_ky": ky["nguoi_ky"]},
        "noi_nhan": summary.get("noi_nhan") or ([f"{upper} (để báo cáo)"] if upper else []) + ["Lưu Văn phòng Đảng ủy"],
    }


def _level_table(levels: list, counts: Counter, rated: int) -> list[dict]:
    return [{"muc": label, "so_luong": so(counts.get(code, 0)), "ty_le": share(counts.get(code, 0), rated)}
            for code, label in levels]


def member_counts(summary: dict) -> dict:
    """Members: total, rated (a final level), not rated by the rules, without a result yet
    (vote short, or tied at the quota's last place). From ``member_counts`` when the
    summary has no rows (a đảng bộ's report keeps only counts)."""
    if "member_counts" in summary:
        levels = Counter(summary["member_counts"])
    else:
        levels = Counter(PENDING if m["level"] is None or m["quota"] == "tie" else m["level"] for m in summary["members"])
    rated = sum(levels.get(code, 0) for code, _ in summary["member_levels"])
    return {"total": sum(levels.values()), "rated": rated, "not_rated": levels.get(NOT_RATED, 0),
            "pending": levels.get(PENDING, 0), "levels": levels}


def list_context(summary: dict) -> dict:
    """Danh sách xếp loại chất lượng đảng viên: one row per member, in the given order."""
    counts = member_counts(summary)
    rows = [{"stt": str(i), "ho_ten": m["ho_ten"], "chi_bo": m["chi_bo"], "diem": _score(m["score"]),
             "xep_loai": m["level_label"] if m["quota"] != "tie" else "Chờ đảng ủy quyết định",
             "ghi_chu": SHORT_NOTES.get(m["quota"] or "", m["note"] if m["level"] in (None, NOT_RATED) else "")}
            for i, m in enumerate(summary["members"], 1)]
    parts = [f"{label}: {so(counts['levels'].get(code, 0))} ({share(counts['levels'].get(code, 0), counts['rated'])})"
             for code, label in summary["member_levels"]]
    tong = f"Tổng số {so(counts['total'])} đảng viên; được xếp loại {so(counts['rated'])}, trong đó: " + "; ".join(parts) + "."
    extra = []
    if counts["not_rated"]:
        extra.append(f"Không xếp loại: {so(counts['not_rated'])} đồng chí.")
    if counts["pending"]:
        extra.append(f"Chưa có kết quả (biểu quyết lại): {so(counts['pending'])} đồng chí.")
    return {**_common(summary), "trinh_bay": {**_common(summary)["trinh_bay"], "dong": rows, "tong": " ".join([tong, *extra])}}


def report_context(summary: dict) -> dict:
    """Báo cáo tổng hợp: organisations and members per level, those not rated, the HTXSNV shares."""
    common = _common(summary)
    orgs = summary["organisations"]
    org_levels = Counter(o["level"] for o in orgs)
    orgs_rated = sum(org_levels.get(code, 0) for code, _ in summary["org_levels"])
    counts = member_counts(summary)
    shares = [{"pham_vi": q["scope"], "nhom": q["group"], "co_so": so(q["base_count"]),
               "htxsnv": so(len(q["selected"])), "ty_le": share(len(q["selected"]), q["base_count"]),
               "toi_da": f"{q['rate']} ({so(q['limit'])})", "bang_phieu": so(len(q["tie"]))} for q in summary["quotas"]]
    return {**common, "trinh_bay": {
        **common["trinh_bay"],
        "to_chuc_tong": f"Tổng số tổ chức đảng: {so(len(orgs))}; đã xếp loại: {so(orgs_rated)}; chưa xếp loại: {so(len(orgs) - orgs_rated)}.",
        "to_chuc_muc": _level_table(summary["org_levels"], org_levels, orgs_rated),
        "to_chuc": [{"stt": str(i), "ten": o["ten"], "diem": _score(o["score"]), "xep_loai": o["level_label"]}
                    for i, o in enumerate(orgs, 1)],
        "dang_vien_tong": (f"Tổng số đảng viên: {so(counts['total'])}; được xếp loại: {so(counts['rated'])}; "
                           f"không xếp loại: {so(counts['not_rated'])}; chưa có kết quả: {so(counts['pending'])}."),
        "dang_vien_muc": _level_table(summary["member_levels"], counts["levels"], counts["rated"]),
        "khong_xep_loai": [f"{p['ho_ten']} ({p['chi_bo']}): {p['reason']}" for p in summary["not_rated"]],
        "chua_co_ket_qua": [f"{p['ho_ten']} ({p['chi_bo']}): {p['reason']}" for p in summary["pending"]],
        "ty_le": shares,
        "loi": (f"Có {so(len(summary['errors']))} bản ghi chưa xử lý được (xem danh sách lỗi kèm theo)."
                if summary["errors"] else ""),
    }}


def quota_context(summary: dict) -> dict:
    """Báo cáo tỷ lệ: each group's base, computation, and who is kept, cut or left to the đảng ủy."""
    common = _common(summary)
    groups = []
    for i, q in enumerate(summary["quotas"], 1):
        lines = [f"Số đảng viên của nhóm: {so(q['members'])}; xếp loại Hoàn thành tốt nhiệm vụ (cơ sở tính tỷ lệ): {so(q['base_count'])}.",
                 f"Tỷ lệ tối đa: {q['computation']}.",
                 f"Số đồng chí đạt mức Hoàn thành xuất sắc nhiệm vụ theo quy định và biểu quyết: {so(q['candidates'])}."]
        for key, label in (("selected", "Giữ mức Hoàn thành xuất sắc nhiệm vụ"),
                           ("cut", "Vượt tỷ lệ, xếp loại Hoàn thành tốt nhiệm vụ"),
                           ("tie", "Bằng số phiếu ở vị trí cuối, đề nghị đảng ủy xem xét, quyết định")):
            if q[key]:
                lines.append(f"{label}: {', '.join(q[key])}.")
        groups.append({"tieu_de": f"{i}. {q['scope']} — nhóm «{q['group']}»", "dong": lines})
    rules = sorted({q["rule"] for q in summary["quotas"] if q["rule"]})
    return {**common, "trinh_bay": {**common["trinh_bay"], "nhom": groups,
                                    "can_cu": "; ".join(rules) if rules else summary["regime_name"],
                                    "khong_co": "" if groups else "Không có nhóm nào có đảng viên đạt mức Hoàn thành xuất sắc nhiệm vụ."}}


def report_contexts(summary: dict) -> dict[str, dict]:
    """The đảng bộ's two reports, by template name (the lists are per tổ chức cơ sở: ``list_context``)."""
    return {REPORT: report_context(summary), QUOTA: quota_context(summary)}
