"""The đảng bộ's list and reports: every figure computed from the rows, shares of those rated,
the given order kept, nothing about one place or committee built in."""

from __future__ import annotations

import datetime as dt
import unicodedata
from fractions import Fraction

from generator.present.summary import (
    LIST,
    QUOTA,
    REPORT,
    la_ma,
    list_context,
    member_counts,
    quota_context,
    report_context,
    report_contexts,
    share,
    summary_contexts,
)

LEVELS = [
    ["HTXSNV", "Hoàn thành xuất sắc nhiệm vụ"],
    ["HTTNV", "Hoàn thành tốt nhiệm vụ"],
    ["HTNV", "Hoàn thành nhiệm vụ"],
    ["KHTNV", "Không hoàn thành nhiệm vụ"],
]
LABELS = dict(LEVELS) | {"NOT_RATED": "Không xếp loại", None: "Chưa đủ phiếu biểu quyết: chi bộ biểu quyết lại"}
DANG_BO = "Đảng bộ phường Ba Đình"
KIM_DONG, LE_LOI = "Chi bộ Trường Tiểu học Kim Đồng", "Chi bộ Khu dân cư số 3"
GROUP = "Đảng viên không giữ chức vụ lãnh đạo, quản lý"
LEADERS = "Đảng viên giữ chức vụ lãnh đạo, quản lý"
CUT_NOTE = "Vượt tỷ lệ “Hoàn thành xuất sắc nhiệm vụ” của nhóm (20% × 5 = 1 → tối đa 1 đồng chí): xếp loại “Hoàn thành tốt nhiệm vụ”."
TIE_NOTE = "Bằng số phiếu ở vị trí cuối của tỷ lệ nhóm: do đảng ủy xem xét, quyết định."
YOUNG = "Đảng viên kết nạp chưa đủ 6 tháng tính đến thời điểm đánh giá."
SHORT = "Không mức nào đạt quá nửa số đảng viên chính thức biểu quyết: chi bộ biểu quyết lại."


def member(name, chi_bo, ma, level, quota=None, note="", score=Fraction(88), group=GROUP):
    return {
        "ho_ten": name,
        "chi_bo": chi_bo,
        "chi_bo_ma": ma,
        "nhom": group,
        "score": score,
        "level": level,
        "level_label": LABELS[level],
        "quota": quota,
        "note": note,
    }


def sample(**changes) -> dict:
    """A đảng bộ cơ sở with two chi bộ trực thuộc: a cut, a tie, a member not rated, one whose
    vote fell short, a skipped record, a score of 87,5 and the same name in both chi bộ."""
    members = [
        member("Nguyễn Thị Ngọc Ánh", KIM_DONG, "cb-kim-dong", "HTXSNV", "selected", score=Fraction(175, 2)),
        member("Trần Văn Bình", KIM_DONG, "cb-kim-dong", "HTTNV", "cut", CUT_NOTE, score=Fraction(90)),
        member("Nguyễn Văn Cường", KIM_DONG, "cb-kim-dong", "HTTNV", score=85),
        member("Phạm Thị Dung", KIM_DONG, "cb-kim-dong", "NOT_RATED", note=YOUNG, score=None),
        member("Nguyễn Văn An", LE_LOI, "cb-kdc-3", "HTXSNV", "tie", TIE_NOTE, score=Fraction(91)),
        member("Lê Thị Hà", LE_LOI, "cb-kdc-3", "HTTNV", score=Fraction(80), group=LEADERS),
        member("Đỗ Văn Hải", LE_LOI, "cb-kdc-3", None, note=SHORT, score=Fraction(61)),
        member("Nguyễn Văn An", LE_LOI, "cb-kdc-3", "HTNV", score=Fraction(70)),
    ]
    summary = {
        "dang_bo": DANG_BO,
        "cap_tren": "Đảng bộ Thành phố Hà Nội",
        "regime": "qd366-2025",
        "regime_name": "Quy định 366-QĐ/TW ngày 30/8/2025 và Hướng dẫn 43-HD/BTCTW ngày 31/10/2025",
        "nam": 2025,
        "dia_danh": "Hà Nội",
        "ngay_lap": dt.date(2025, 12, 5),
        "ky": {"thay_mat": "dang_uy", "chuc_vu_nguoi_ky": "pho_bi_thu", "nguoi_ky": "Hoàng Văn Sơn"},
        "noi_nhan": ["Ban Tổ chức Thành ủy (để báo cáo)", "Lưu Văn phòng Đảng ủy"],
        "member_levels": LEVELS,
        "org_levels": LEVELS,
        "organisations": [
            {
                "ma": "db-ba-dinh",
                "ten": DANG_BO,
                "loai": "dang_bo_co_so",
                "loai_label": "Đảng bộ cơ sở",
                "truc_thuoc": None,
                "so_dang_vien": 8,
                "score": None,
                "max_score": None,
                "level": None,
                "level_label": "Chưa xếp loại: chưa có biểu điểm",
                "note": "",
            },
            {
                "ma": "cb-kim-dong",
                "ten": KIM_DONG,
                "loai": "chi_bo_truc_thuoc",
                "loai_label": "Chi bộ trực thuộc đảng ủy cơ sở",
                "truc_thuoc": DANG_BO,
                "so_dang_vien": 4,
                "score": Fraction(91),
                "max_score": Fraction(100),
                "level": "HTXSNV",
                "level_label": "Hoàn thành xuất sắc nhiệm vụ",
                "note": "",
            },
            {
                "ma": "cb-kdc-3",
                "ten": LE_LOI,
                "loai": "chi_bo_truc_thuoc",
                "loai_label": "Chi bộ trực thuộc đảng ủy cơ sở",
                "truc_thuoc": DANG_BO,
                "so_dang_vien": 4,
                "score": Fraction(1551, 20),
                "max_score": Fraction(100),
                "level": "HTTNV",
                "level_label": "Hoàn thành tốt nhiệm vụ",
                "note": "",
            },
        ],
        "members": members,
        "not_rated": [{"ho_ten": "Phạm Thị Dung", "chi_bo": KIM_DONG, "reason": YOUNG}],
        "pending": [
            {"ho_ten": "Nguyễn Văn An", "chi_bo": LE_LOI, "reason": TIE_NOTE},
            {"ho_ten": "Đỗ Văn Hải", "chi_bo": LE_LOI, "reason": SHORT},
        ],
        "quotas": [
            {
                "scope": DANG_BO,
                "group": GROUP,
                "members": 6,
                "base_count": 5,
                "rate": "20%",
                "limit": 1,
                "candidates": 3,
                "selected": ["Nguyễn Thị Ngọc Ánh"],
                "cut": ["Trần Văn Bình"],
                "tie": ["Nguyễn Văn An"],
                "computation": "20% × 5 = 1 → tối đa 1 đồng chí",
                "rule": "Điều 11, Quy định 366-QĐ/TW",
            }
        ],
        "errors": [{"where": "trang “Đảng viên”, dòng 17, cột “Họ và tên”", "reason": "Thiếu họ và tên."}],
    }
    summary.update(changes)
    return summary


EMPTY = {"members": [], "organisations": [], "quotas": [], "not_rated": [], "pending": [], "errors": []}


def test_one_context_per_document_by_template_name():
    contexts = summary_contexts(sample())
    assert (
        list(contexts)
        == [LIST, REPORT, QUOTA]
        == ["danh-sach-xep-loai-dang-vien", "bao-cao-tong-hop-xep-loai", "bao-cao-ty-le-xep-loai"]
    )
    assert list(report_contexts(sample())) == [REPORT, QUOTA]


def test_the_header_and_signature_come_from_the_summary():
    for context in summary_contexts(sample()).values():
        layout = context["trinh_bay"]
        assert layout["dang_bo_in_hoa"] == "ĐẢNG BỘ\nTHÀNH PHỐ HÀ NỘI"  # wider than Word's 70 mm of the cell
        assert layout["co_quan_in_hoa"] == "ĐẢNG ỦY PHƯỜNG BA ĐÌNH" and layout["co_quan"] == "Đảng ủy phường Ba Đình"
        assert layout["dia_danh_ngay"] == "Hà Nội, ngày 05 tháng 12 năm 2025"
        assert context["ky"] == {
            "thay_mat": "T/M ĐẢNG ỦY",
            "chuc_vu_nguoi_ky": "PHÓ BÍ THƯ",
            "nguoi_ky": "Hoàng Văn Sơn",
        }
        assert context["noi_nhan"] == ["Ban Tổ chức Thành ủy (để báo cáo)", "Lưu Văn phòng Đảng ủy"]
        assert layout["muc_cao"] == "Hoàn thành xuất sắc nhiệm vụ" and layout["muc_co_so"] == "Hoàn thành tốt nhiệm vụ"


def test_another_place_another_committee_and_defaults():
    summary = sample(
        dang_bo="Đảng bộ xã Tân Lập", cap_tren=None, dia_danh="Tân Lập", ngay_lap="2026-01-09", ky=None, noi_nhan=None
    )
    context = list_context(summary)
    assert (
        context["trinh_bay"]["dang_bo_in_hoa"] == "" and context["trinh_bay"]["co_quan_in_hoa"] == "ĐẢNG ỦY XÃ TÂN LẬP"
    )
    assert context["trinh_bay"]["dia_danh_ngay"] == "Tân Lập, ngày 09 tháng 01 năm 2026"
    assert context["ky"] == {"thay_mat": "T/M ĐẢNG ỦY", "chuc_vu_nguoi_ky": "BÍ THƯ", "nguoi_ky": ""}
    assert context["noi_nhan"] == ["Lưu Văn phòng Đảng ủy"]
    upper = list_context(sample(cap_tren="Đảng bộ tỉnh Phú Thọ", noi_nhan=None))["noi_nhan"]
    assert upper == ["Đảng bộ tỉnh Phú Thọ (để báo cáo)", "Lưu Văn phòng Đảng ủy"]
    chi_bo = list_context(sample(dang_bo="Chi bộ Trường THCS Lê Lợi", ky=None, noi_nhan=None))
    assert (
        chi_bo["trinh_bay"]["co_quan_in_hoa"] == "CHI BỘ\nTRƯỜNG THCS LÊ LỢI"
    )  # too wide for the cell: broken before "Trường"
    assert chi_bo["ky"]["thay_mat"] == "T/M CHI ỦY" and chi_bo["noi_nhan"][-1] == "Lưu Chi bộ Trường THCS Lê Lợi"


def test_text_is_nfc_whatever_the_input():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ngọc Ánh")
    summary = sample(dang_bo=unicodedata.normalize("NFD", DANG_BO))
    summary["members"][0]["ho_ten"] = decomposed
    context = list_context(summary)
    assert context["trinh_bay"]["dong"][0]["ho_ten"] == "Nguyễn Thị Ngọc Ánh"
    assert context["trinh_bay"]["co_quan_in_hoa"] == "ĐẢNG ỦY PHƯỜNG BA ĐÌNH"


def test_counts_ties_and_short_votes_are_pending_not_at_a_level():
    counts = member_counts(sample())
    assert (counts["total"], counts["rated"], counts["not_rated"], counts["pending"]) == (8, 5, 1, 2)
    assert counts["levels"]["HTXSNV"] == 1 and counts["levels"]["HTTNV"] == 3


def test_counts_may_come_without_rows():
    summary = sample(members=None, member_counts={"HTXSNV": 3, "HTTNV": 5, "not_rated": 1, "pending": 1})
    counts = member_counts(summary)
    assert (counts["total"], counts["rated"], counts["not_rated"], counts["pending"]) == (10, 8, 1, 1)
    assert report_context(summary)["trinh_bay"]["dang_vien_muc"][0] == {
        "muc": "Hoàn thành xuất sắc nhiệm vụ",
        "so_luong": "3",
        "ty_le": "37,5%",
    }


def test_the_list_groups_members_by_chi_bo_in_the_given_order():
    layout = list_context(sample())["trinh_bay"]
    groups = layout["chi_bo"]
    assert [(g["so_la_ma"], g["ten"], len(g["dong"])) for g in groups] == [("I", KIM_DONG, 4), ("II", LE_LOI, 4)]
    first, second = groups
    # Within a chi bộ the members of one group come together, groups in the order they first appear.
    assert [r["ho_ten"] for r in second["dong"]] == ["Nguyễn Văn An", "Đỗ Văn Hải", "Nguyễn Văn An", "Lê Thị Hà"]
    assert [r["stt"] for r in second["dong"]] == ["1", "2", "3", "4"]
    assert [r["nhom"] if r["dau_nhom"] else r["ho_ten"] for r in second["hang"]] == [
        GROUP,
        "Nguyễn Văn An",
        "Đỗ Văn Hải",
        "Nguyễn Văn An",
        LEADERS,
        "Lê Thị Hà",
    ]
    assert first["dong"][0]["diem"] == "87,5" and first["dong"][3]["diem"] == ""
    assert first["dong"][0]["nhom"] == GROUP and second["dong"][3]["nhom"] == LEADERS
    assert first["dong"][1]["xep_loai"] == "Hoàn thành tốt nhiệm vụ"
    assert first["dong"][1]["ghi_chu"] == "Vượt tỷ lệ Hoàn thành xuất sắc nhiệm vụ của nhóm"
    assert first["dong"][3]["xep_loai"] == "Không xếp loại" and first["dong"][3]["ghi_chu"] == YOUNG
    assert second["dong"][0]["xep_loai"] == "Chờ đảng ủy quyết định"
    assert second["dong"][1]["xep_loai"] == LABELS[None] and second["dong"][1]["ghi_chu"] == SHORT
    assert layout["dong"] == first["dong"] + second["dong"]  # one flat list as well


def test_the_list_counts_and_shares_of_those_rated():
    layout = list_context(sample())["trinh_bay"]
    assert layout["dang_vien_tong"] == (
        "Tổng số đảng viên: 8; được xếp loại: 5; không xếp loại: 1; chưa có kết quả xếp loại: 2."
    )
    assert layout["dang_vien_muc"] == [
        {"muc": "Hoàn thành xuất sắc nhiệm vụ", "so_luong": "1", "ty_le": "20%"},
        {"muc": "Hoàn thành tốt nhiệm vụ", "so_luong": "3", "ty_le": "60%"},
        {"muc": "Hoàn thành nhiệm vụ", "so_luong": "1", "ty_le": "20%"},
        {"muc": "Không hoàn thành nhiệm vụ", "so_luong": "0", "ty_le": "0%"},
    ]
    assert layout["dang_vien_cong"] == {"so_luong": "5", "ty_le": "100%"}


def test_a_chi_bo_list_of_its_own_members_needs_no_heading_row():
    rows = [dict(m, chi_bo=DANG_BO) for m in sample()["members"][:3]]
    [group] = list_context(sample(members=rows))["trinh_bay"]["chi_bo"]
    assert group["ten"] == "" and len(group["dong"]) == 3


def test_the_list_needs_only_members_and_levels():
    keys = (
        "dang_bo",
        "cap_tren",
        "regime_name",
        "nam",
        "dia_danh",
        "ngay_lap",
        "noi_nhan",
        "ky",
        "member_levels",
        "members",
    )
    summary = {k: sample()[k] for k in keys}
    assert len(list_context(summary)["trinh_bay"]["dong"]) == 8


def test_report_organisations_per_level_and_one_by_one():
    layout = report_context(sample())["trinh_bay"]
    assert layout["to_chuc_tong"] == "Tổng số tổ chức đảng: 3; được xếp loại: 2; chưa xếp loại: 1."
    assert [r["ty_le"] for r in layout["to_chuc_muc"]] == ["50%", "50%", "0%", "0%"]
    assert [r["so_luong"] for r in layout["to_chuc_muc"]] == ["1", "1", "0", "0"]
    assert layout["to_chuc_cong"] == {"so_luong": "2", "ty_le": "100%"}
    assert layout["to_chuc"][2] == {
        "stt": "3",
        "ten": LE_LOI,
        "so_dang_vien": "4",
        "diem": "77,55",
        "xep_loai": "Hoàn thành tốt nhiệm vụ",
    }
    assert layout["to_chuc"][0]["diem"] == "" and layout["to_chuc"][0]["xep_loai"] == "Chưa xếp loại: chưa có biểu điểm"


def test_report_members_and_who_has_no_level():
    layout = report_context(sample())["trinh_bay"]
    assert layout["dang_vien_tong"].startswith("Tổng số đảng viên: 8; được xếp loại: 5;")
    assert layout["dang_vien_muc"][1] == {"muc": "Hoàn thành tốt nhiệm vụ", "so_luong": "3", "ty_le": "60%"}
    assert layout["khong_xep_loai"] == [f"Phạm Thị Dung ({KIM_DONG}): {YOUNG}"]
    assert layout["chua_co_ket_qua"] == [f"Nguyễn Văn An ({LE_LOI}): {TIE_NOTE}", f"Đỗ Văn Hải ({LE_LOI}): {SHORT}"]
    assert layout["loi"] == "Có 1 bản ghi chưa xử lý được (xem danh sách lỗi kèm theo)."


def test_report_top_level_as_a_share_of_the_base_against_the_rate():
    layout = report_context(sample())["trinh_bay"]
    assert layout["ty_le"] == [
        {
            "stt": "1",
            "pham_vi": DANG_BO,
            "nhom": GROUP,
            "co_so": "5",
            "dat": "1",
            "ty_le": "1/5 = 20%",
            "toi_da": "20%, tối đa 1",
            "bang_phieu": "1",
        }
    ]
    assert layout["khong_co_ty_le"] == ""
    eighteen = dict(sample()["quotas"][0], base_count=18, limit=3, selected=["A", "B", "C"])
    assert report_context(sample(quotas=[eighteen]))["trinh_bay"]["ty_le"][0]["ty_le"] == "3/18 = 16,67%"
    nothing = dict(sample()["quotas"][0], base_count=0, limit=0, selected=[], cut=[], tie=[])
    assert report_context(sample(quotas=[nothing]))["trinh_bay"]["ty_le"][0]["ty_le"] == "—"


def test_empty_lists_and_divisions_by_zero():
    layout = report_context(sample(**EMPTY))["trinh_bay"]
    assert {r["ty_le"] for r in layout["dang_vien_muc"] + layout["to_chuc_muc"]} == {"—"}
    assert {r["so_luong"] for r in layout["dang_vien_muc"]} == {"0"}
    assert layout["dang_vien_cong"] == layout["to_chuc_cong"] == {"so_luong": "0", "ty_le": "—"}
    assert layout["to_chuc"] == layout["ty_le"] == layout["khong_xep_loai"] == layout["chua_co_ket_qua"] == []
    assert (
        layout["loi"] == ""
        and layout["khong_co_ty_le"] == "Không có nhóm nào có đảng viên đạt mức Hoàn thành xuất sắc nhiệm vụ."
    )
    assert list_context(sample(**EMPTY))["trinh_bay"]["chi_bo"] == []
    quota = quota_context(sample(**EMPTY))["trinh_bay"]
    assert quota["nhom"] == [] and quota["khong_co"] and quota["can_cu"] == sample()["regime_name"]
    assert share(0, 0) == "—" and share(0, 7) == "0%" and share(1, 3) == "33,33%" and share(2, 3) == "66,67%"


def test_quota_report_names_who_is_kept_cut_and_left_to_the_dang_uy():
    layout = quota_context(sample())["trinh_bay"]
    [group] = layout["nhom"]
    assert group["tieu_de"] == f"1. {DANG_BO}, nhóm “{GROUP}”"
    assert group["dong"] == [
        "Số đảng viên của nhóm: 6; số đảng viên xếp loại Hoàn thành tốt nhiệm vụ (cơ sở tính tỷ lệ): 5.",
        "Tỷ lệ tối đa 20%: 20% × 5 = 1 → tối đa 1 đồng chí.",
        "Số đồng chí được chi bộ biểu quyết mức Hoàn thành xuất sắc nhiệm vụ: 3.",
        f"Giữ mức Hoàn thành xuất sắc nhiệm vụ (1 đồng chí): Nguyễn Thị Ngọc Ánh ({KIM_DONG}).",
        f"Vượt tỷ lệ, xếp loại Hoàn thành tốt nhiệm vụ (1 đồng chí): Trần Văn Bình ({KIM_DONG}).",
        f"Bằng số phiếu ở vị trí cuối của tỷ lệ, đề nghị đảng ủy xem xét, quyết định (1 đồng chí): Nguyễn Văn An ({LE_LOI}).",
        "Căn cứ: Điều 11, Quy định 366-QĐ/TW.",
    ]
    assert layout["can_cu"] == "Điều 11, Quy định 366-QĐ/TW" and layout["khong_co"] == ""


def test_quota_names_without_rows_and_empty_categories():
    quota = dict(sample()["quotas"][0], cut=[], tie=[])
    lines = quota_context(sample(members=None, quotas=[quota]))["trinh_bay"]["nhom"][0]["dong"]
    assert "Giữ mức Hoàn thành xuất sắc nhiệm vụ (1 đồng chí): Nguyễn Thị Ngọc Ánh." in lines
    assert "Vượt tỷ lệ, xếp loại Hoàn thành tốt nhiệm vụ: không có." in lines


def test_the_same_name_in_two_chi_bo_is_told_apart():
    members = sample()["members"] + [member("Nguyễn Thị Ngọc Ánh", LE_LOI, "cb-kdc-3", "HTXSNV", "selected")]
    quota = dict(sample()["quotas"][0], limit=2, selected=["Nguyễn Thị Ngọc Ánh", "Nguyễn Thị Ngọc Ánh"])
    lines = quota_context(sample(members=members, quotas=[quota]))["trinh_bay"]["nhom"][0]["dong"]
    assert (
        f"Giữ mức Hoàn thành xuất sắc nhiệm vụ (2 đồng chí): Nguyễn Thị Ngọc Ánh ({KIM_DONG}), "
        f"Nguyễn Thị Ngọc Ánh ({LE_LOI})."
    ) in lines


def test_level_names_come_from_the_regime():
    older = [
        ["HTXSNV", "Đủ tư cách, hoàn thành xuất sắc nhiệm vụ"],
        ["HTTNV", "Đủ tư cách, hoàn thành tốt nhiệm vụ"],
        ["HTNV", "Đủ tư cách, hoàn thành nhiệm vụ"],
        ["VP", "Vi phạm tư cách hoặc không hoàn thành nhiệm vụ"],
    ]
    orgs = [
        ["TSVM", "Trong sạch, vững mạnh"],
        ["HTTNV", "Hoàn thành tốt nhiệm vụ"],
        ["HTNV", "Hoàn thành nhiệm vụ"],
        ["YEU_KEM", "Yếu kém"],
    ]
    layout = report_context(sample(member_levels=older, org_levels=orgs))["trinh_bay"]
    assert layout["muc_cao_in_hoa"] == "ĐỦ TƯ CÁCH, HOÀN THÀNH XUẤT SẮC NHIỆM VỤ"
    assert [r["muc"] for r in layout["to_chuc_muc"]] == [label for _, label in orgs]
    assert "Đủ tư cách, hoàn thành tốt nhiệm vụ" in layout["ty_le_dan"]


def test_roman_numerals():
    assert [la_ma(n) for n in (1, 4, 9, 14, 40, 99)] == ["I", "IV", "IX", "XIV", "XL", "XCIX"]
