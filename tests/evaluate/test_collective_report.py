"""Mẫu 01 (báo cáo kiểm điểm tập thể): the proposed level against the engine, part A's
sections by regime, the kinds of collective each regime rates, faults counted one by one."""

from __future__ import annotations

import copy

import pytest

from generator import InputError, evaluate, load_document, prepare, validate
from tests.samples import EXAMPLES

_BASE = {year: load_document(EXAMPLES / f"bao-cao-kiem-diem-tap-the-{year}.yaml") for year in (2023, 2025)}


def report(year: int = 2025, **changes) -> dict:
    doc = copy.deepcopy(_BASE[year])
    doc.pop("tu_xep_loai")
    doc.update(changes)
    return doc


def outstanding(**changes) -> dict:
    """The 2025 example with every earlier fault fixed and 90 points: the HTXSNV boundary."""
    doc = report(diem={"tieu_chi_chung": {"diem": 28}, "ket_qua_nhiem_vu": {"diem": 62}}, **changes)
    for fault in doc["han_che_ky_truoc"]:
        fault["tinh_trang"] = "da_khac_phuc"
    return doc


def problems(doc: dict) -> list[str]:
    with pytest.raises(InputError) as err:
        prepare(doc)
    return [str(p) for p in err.value.problems]


def test_example_2025_is_httnv_because_one_earlier_fault_is_still_being_fixed():
    ev = evaluate(validate(report()))
    assert ev.level == "HTTNV"
    missed = [r.text for r in ev.reasons if r.level == "HTXSNV" and r.met is False]
    assert any("đã khắc phục là 66,67%" in text and "đủ 100%" in text for text in missed)


def test_every_fault_fixed_at_90_points_and_30_percent_exceeded_is_htxsnv():
    assert evaluate(validate(outstanding())).level == "HTXSNV"
    # 3 of 10 tasks exceeded is exactly 30 %: "từ 30% trở lên" holds; 2 of 10 does not
    doc = outstanding(nhiem_vu={"so_duoc_giao": 10, "so_hoan_thanh": 10, "so_dung_tien_do": 10, "so_vuot_muc": 2})
    assert evaluate(validate(doc)).level == "HTTNV"


def test_no_earlier_fault_at_all_does_not_block_htxsnv():
    doc = outstanding()
    del doc["han_che_ky_truoc"]
    ev = evaluate(validate(doc))
    assert ev.level == "HTXSNV"
    assert any("không chỉ ra hạn chế" in r.text for r in ev.reasons)


def test_a_proposal_above_the_rules_is_refused_and_says_why():
    doc = report(tu_xep_loai="HTXSNV")
    found = problems(doc)
    assert any("($.tu_xep_loai" in p and "khắc phục" in p and "66,67%" in p for p in found), found


def test_tasks_completed_below_70_percent_force_khtnv_at_the_boundary():
    seven = {"so_duoc_giao": 10, "so_hoan_thanh": 7, "so_dung_tien_do": 7, "so_vuot_muc": 0}
    six = {"so_duoc_giao": 10, "so_hoan_thanh": 6, "so_dung_tien_do": 6, "so_vuot_muc": 0}
    at_70 = evaluate(validate(report(nhiem_vu=seven)))  # 70 % is not "dưới 70%": no trigger,
    assert at_70.level == "UNDECIDED"  # HTNV's "đủ 100%" is missed, and no KHTNV ground applies
    assert any(r.level == "KHTNV" and "70%, không dưới 70%" in r.text for r in at_70.reasons)
    assert any(r.level == "HTNV" and r.met is False and "đủ 100%" in r.text for r in at_70.reasons)
    at_60 = evaluate(validate(report(nhiem_vu=six)))
    assert at_60.level == "KHTNV"
    assert "60%, dưới 70%" in at_60.reasons[0].text


def leadership(**conditions) -> dict:
    doc = outstanding(
        loai_tap_the="tap_the_lanh_dao_quan_ly",
        tap_the="Tập thể lãnh đạo Ủy ban nhân dân phường Ba Đình",
        dieu_kien=conditions,
    )
    del doc["thong_ke_dang_vien"]
    return doc


@pytest.mark.parametrize("condition", ["thanh_vien_suy_thoai", "sai_pham_cong_tac_can_bo", "khong_dat_chi_tieu_co_ban"])
def test_a_leadership_collective_has_its_own_khtnv_cases_in_2025(condition):
    assert evaluate(validate(leadership())).level == "HTXSNV"
    ev = evaluate(validate(leadership(**{condition: True})))
    assert ev.level == "KHTNV"
    assert ev.reasons[0].rule == "Điều 11, Quy định 366-QĐ/TW"


def test_the_leadership_cases_do_not_apply_to_a_chi_bo():
    doc = outstanding(dieu_kien={"chinh_quyen_doan_the": "cao_nhat", "thanh_vien_suy_thoai": True})
    assert evaluate(validate(doc)).level == "HTXSNV"


def test_a_chi_bo_report_needs_the_government_and_mass_organisations_result():
    doc = report(dieu_kien={})
    assert any("$.dieu_kien.chinh_quyen_doan_the" in p and "thiếu trường bắt buộc" in p for p in problems(doc))


def test_a_leadership_collective_is_not_rated_by_this_form_before_2025():
    doc = report(2023, loai_tap_the="tap_the_lanh_dao_quan_ly")
    found = problems(doc)
    assert any("($.loai_tap_the" in p and "không đánh giá, xếp loại tập thể lãnh đạo, quản lý" in p for p in found), (
        found
    )


def test_part_a_sections_follow_the_regime():
    doc = report()
    del doc["uu_diem"]["xay_dung_dang"]
    doc["uu_diem"]["chinh_tri_tu_tuong"] = "Một mục không có trong Mẫu 01 năm 2025."
    found = problems(doc)
    assert any("($.uu_diem.xay_dung_dang" in p and "Công tác xây dựng, chỉnh đốn Đảng" in p for p in found), found
    assert any("($.uu_diem.chinh_tri_tu_tuong" in p and "nguyen_tac, nhiem_vu" in p for p in found), found


def test_a_fault_status_outside_the_three_is_refused_with_its_label():
    doc = report()
    doc["han_che_ky_truoc"][0]["tinh_trang"] = "xong"
    found = problems(doc)
    assert any("($.han_che_ky_truoc[0].tinh_trang" in p and "da_khac_phuc (Đã khắc phục)" in p for p in found), found


def test_2023_report_is_graded_per_criterion():
    prepared = prepare(_BASE[2023])
    rows = prepared.context["trinh_bay"]["bang_cap_do"]
    assert [r["muc"] for r in rows] == ["Xuất sắc", "Tốt", "Xuất sắc", "Tốt"]
    assert prepared.context["trinh_bay"]["bang_diem"] == []
    assert prepared.evaluation.level == "HTTNV"


def test_a_2016_report_has_hd27_headings_points_and_levels():
    sheet = load_document(EXAMPLES / "bieu-diem-tccsd-2014.yaml")
    doc = {
        k: sheet[k]
        for k in (
            "regime",
            "nam",
            "dang_bo",
            "dia_danh",
            "ngay_lap",
            "diem",
            "thong_ke_dang_vien",
            "dieu_kien",
            "tu_xep_loai",
            "ky",
            "noi_nhan",
        )
    }
    doc.update(
        form="bao-cao-kiem-diem-tap-the",
        tap_the=sheet["to_chuc"],
        loai_tap_the=sheet["loai_to_chuc"],
        han_che={"han_che": "Sinh hoạt chuyên đề chưa đều.", "nguyen_nhan": "Chi ủy chưa sâu sát."},
        trach_nhiem={"tap_the": "Chi ủy chịu trách nhiệm chung."},
        phuong_huong="Mỗi quý một chuyên đề.",
        uu_diem={k: "Hoàn thành." for k in ("quan_triet", "lam_theo_bac", "tap_trung_dan_chu", "kiem_tra")},
    )
    prepared = prepare(doc)
    layout = prepared.context["trinh_bay"]
    assert layout["uu_diem"][3]["ten"] == "Công tác kiểm tra, giám sát, khen thưởng và kỷ luật đảng"
    assert layout["tieu_de"] == (
        "Kiểm điểm tập thể và tự đánh giá chất lượng tổ chức đảng\n"  # balanced lines
        "Chi bộ Công ty Cổ phần Cơ khí Sài Gòn năm 2016"
    )
    assert layout["mau"]["form_code"] == "" and layout["phan_b"] == "B. TỰ CHẤM ĐIỂM, XẾP LOẠI"
    assert prepared.evaluation.level == "HTTNV" and [r["stt"] for r in layout["bang_diem"]][:3] == ["1", "1.1", "1.2"]
    doc["tu_xep_loai"] = "TSVM"
    assert any("($.tu_xep_loai" in p for p in problems(doc))
