"""The đảng bộ's list and reports: every figure computed from the rows, shares of those rated."""
from __future__ import annotations

import datetime as dt
from fractions import Fraction

from generator.present.summary import list_context, member_counts, quota_context, report_context, share

LEVELS = [["HTXSNV", "Hoàn thành xuất sắc nhiệm vụ"], ["HTTNV", "Hoàn thành tốt nhiệm vụ"],
          ["HTNV", "Hoàn thành nhiệm vụ"], ["KHTNV", "Không hoàn thành nhiệm vụ"]]


def member(name, level, quota=None, note="", score=Fraction(88)):
    label = {"NOT_RATED": "Không xếp loại", None: "Chưa đủ phiếu biểu quyết: chi bộ biểu quyết lại"}.get(level) or dict(LEVELS)[level]
    return {"ho_ten": name, "chi_bo": "Chi bộ Khu phố 5", "chi_bo_ma": "kp5", "nhom": "Cá nhân không giữ chức vụ",
            "score": score, "level": level, "level_label": label, "quota": quota, "note": note}


def sample(**changes) -> dict:
    summary = {
        "dang_bo": "Đảng bộ xã Tân Lập", "cap_tren": "Đảng bộ tỉnh Phú Thọ", "regime": "qd366-2025",
        "regime_name": "Quy định 366-QĐ/TW ngày 30/8/2025", "nam": 2025, "dia_danh": "Tân Lập",
        "ngay_lap": dt.date(2025, 12, 5), "ky": {"thay_mat": "dang_uy", "chuc_vu_nguoi_ky": "pho_bi_thu", "nguoi_ky": "Hà Văn Sơn"},
        "noi_nhan": None, "member_levels": LEVELS, "org_levels": LEVELS,
        "members": [member("Nguyễn Thị Ánh", "HTXSNV", "selected", score=Fraction(175, 2)),
                    member("Lê Văn Bình", "HTXSNV", "tie", "Bằng số phiếu …"), member("Trần Văn Cường", "HTTNV", "cut"),
                    member("Phạm Thị Dung", "HTTNV"), member("Vũ Văn Giang", "NOT_RATED", note="Kết nạp chưa đủ 6 tháng"),
                    member("Đỗ Văn Hải", None, note="Không mức nào đủ phiếu")],
        "organisations": [{"ma": "kp5", "ten": "Chi bộ Khu phố 5", "loai": "chi_bo_truc_thuoc", "truc_thuoc": "Đảng bộ xã Tân Lập",
                           "so_dang_vien": 6, "score": Fraction(91), "max_score": Fraction(100), "level": "HTXSNV",
                           "level_label": "Hoàn thành xuất sắc nhiệm vụ", "note": ""},
                          {"ma": "kp6", "ten": "Chi bộ Khu phố 6", "loai": "chi_bo_truc_thuoc", "truc_thuoc": "Đảng bộ xã Tân Lập",
                           "so_dang_vien": 0, "score": None, "max_score": None, "level": None,
                           "level_label": "Chưa xếp loại: chưa có biểu điểm", "note": ""}],
        "not_rated": [{"ho_ten": "Vũ Văn Giang", "chi_bo": "Chi bộ Khu phố 5", "reason": "Kết nạp chưa đủ 6 tháng"}],
        "pending": [], "errors": [{"where": "trang «Đảng viên», dòng 9", "reason": "thiếu họ tên"}],
        "quotas": [{"scope": "Đảng bộ xã Tân Lập", "group": "Cá nhân không giữ chức vụ", "members": 6, "base_count": 2,
                    "rate": "20%", "limit": 1, "candidates": 3, "selected": ["Nguyễn Thị Ánh"], "cut": ["Trần Văn Cường"],
                    "tie": ["Lê Văn Bình"], "computation": "20% × 2 = 0,4 → tối đa 1 đồng chí", "rule": "Điều 11, Quy định 366-QĐ/TW"}],
    }
    summary.update(changes)
    return summary


def test_ties_and_vote_short_members_are_pending_not_counted_at_a_level():
    counts = member_counts(sample())
    assert (counts["total"], counts["rated"], counts["not_rated"], counts["pending"]) == (6, 3, 1, 2)
    assert counts["levels"]["HTXSNV"] == 1


def test_counts_may_come_without_rows():
    summary = sample(member_counts={"HTXSNV": 3, "HTTNV": 5, "NOT_RATED": 1, "pending": 1})
    assert member_counts(summary)["rated"] == 8 and member_counts(summary)["total"] == 10


def test_list_rows_scores_and_totals():
    context = list_context(sample())
    rows = context["trinh_bay"]["dong"]
    assert [r["stt"] for r in rows] == ["1", "2", "3", "4", "5", "6"]
    assert rows[0]["diem"] == "87,5" and rows[1]["xep_loai"] == "Chờ đảng ủy quyết định"
    assert rows[2]["ghi_chu"].startswith("Vượt tỷ lệ") and rows[4]["ghi_chu"] == "Kết nạp chưa đủ 6 tháng"
    assert "được xếp loại 3" in context["trinh_bay"]["tong"] and "Hoàn thành xuất sắc nhiệm vụ: 1 (33,33%)" in context["trinh_bay"]["tong"]
    assert context["trinh_bay"]["co_quan_in_hoa"] == "ĐẢNG ỦY XÃ TÂN LẬP"
    assert context["trinh_bay"]["dia_danh_ngay"] == "Tân Lập, ngày 05 tháng 12 năm 2025"
    assert context["ky"] == {"thay_mat": "T/M ĐẢNG ỦY", "chuc_vu_nguoi_ky": "PHÓ BÍ THƯ", "nguoi_ky": "Hà Văn Sơn"}


def test_report_shares_and_empty_divisions():
    context = report_context(sample())["trinh_bay"]
    assert context["to_chuc_tong"] == "Tổng số tổ chức đảng: 2; đã xếp loại: 1; chưa xếp loại: 1."
    assert context["to_chuc_muc"][0] == {"muc": "Hoàn thành xuất sắc nhiệm vụ", "so_luong": "1", "ty_le": "100%"}
    assert context["ty_le"][0]["ty_le"] == "50%" and context["ty_le"][0]["toi_da"] == "20% (1)"
    assert context["khong_xep_loai"] == ["Vũ Văn Giang (Chi bộ Khu phố 5): Kết nạp chưa đủ 6 tháng"]
    assert "1 bản ghi" in context["loi"]
    empty = report_context(sample(members=[], organisations=[], quotas=[], not_rated=[], errors=[]))["trinh_bay"]
    assert {r["ty_le"] for r in empty["dang_vien_muc"]} == {"—"} and empty["loi"] == ""
    assert share(0, 0) == "—" and share(1, 3) == "33,33%"


def test_quota_report_names_who_is_kept_cut_and_left_to_the_dang_uy():
    groups = quota_context(sample())["trinh_bay"]["nhom"]
    text = " ".join(groups[0]["dong"])
    assert groups[0]["tieu_de"] == "1. Đảng bộ xã Tân Lập — nhóm «Cá nhân không giữ chức vụ»"
    assert "Giữ mức Hoàn thành xuất sắc nhiệm vụ: Nguyễn Thị Ánh." in text
    assert "Vượt tỷ lệ, xếp loại Hoàn thành tốt nhiệm vụ: Trần Văn Cường." in text
    assert "đề nghị đảng ủy xem xét, quyết định: Lê Văn Bình." in text
    assert quota_context(sample(quotas=[]))["trinh_bay"]["khong_co"]


def test_default_recipients_and_signer_come_from_the_names():
    context = list_context(sample(ky=None, noi_nhan=None))
    assert context["noi_nhan"] == ["Đảng bộ tỉnh Phú Thọ (để báo cáo)", "Lưu Văn phòng Đảng ủy"]
    assert context["ky"]["thay_mat"] == "T/M ĐẢNG ỦY" and context["ky"]["nguoi_ky"] == ""
