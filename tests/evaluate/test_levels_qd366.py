"""Boundaries of every band and condition of Điều 11, Quy định 366-QĐ/TW (individuals)."""

from __future__ import annotations

import pytest

from generator import InputError, evaluate, prepare, validate
from tests.samples import example


def level_of(doc: dict) -> str:
    return evaluate(validate(doc)).level


def with_scores(doc: dict, common, tasks) -> dict:
    doc["diem"] = {"tieu_chi_chung": {"diem": common}, "ket_qua_nhiem_vu": {"diem": tasks}}
    return doc


def clean_member(**tasks) -> dict:
    """A 02B member who meets every task condition unless told otherwise."""
    doc = example("02b")
    doc["nhiem_vu"] = {"so_duoc_giao": 10, "so_hoan_thanh": 10, "so_dung_tien_do": 10, "so_vuot_muc": 3, **tasks}
    doc.pop("tu_xep_loai", None)
    doc.pop("nhan_xet_chi_bo", None)
    return doc


@pytest.mark.parametrize(
    "common, tasks, expected",
    [
        (30, 60, "HTXSNV"),  # 90 exactly: "từ 90 điểm trở lên"
        (29.99, 60, "HTTNV"),  # 89.99
        (30, 59.99, "HTTNV"),
        (30, 40, "HTTNV"),  # 70 exactly
        (29.5, 40, "HTNV"),  # 69.5
        (20, 30, "HTNV"),  # 50 exactly
        (19.9, 30, "KHTNV"),  # 49.9
        (0, 0, "KHTNV"),
        (30, 70, "HTXSNV"),
    ],
)
def test_score_bands(common, tasks, expected):
    assert level_of(with_scores(clean_member(), common, tasks)) == expected


@pytest.mark.parametrize("exceeded, expected", [(3, "HTXSNV"), (2, "HTTNV")])
def test_htxsnv_needs_30_percent_exceeded(exceeded, expected):
    # 3/10 = 30 % is enough ("từ 30% trở lên"); 2/10 is not.
    assert level_of(with_scores(clean_member(so_vuot_muc=exceeded), 30, 65)) == expected


def test_29_percent_exceeded_is_not_30():
    doc = with_scores(clean_member(so_duoc_giao=100, so_hoan_thanh=100, so_dung_tien_do=100, so_vuot_muc=29), 30, 65)
    result = evaluate(validate(doc))
    assert result.level == "HTTNV"
    assert any("29%" in r.text and "từ 30% trở lên" in r.text and r.met is False for r in result.reasons)
    doc["nhiem_vu"]["so_vuot_muc"] = 30
    assert level_of(doc) == "HTXSNV"


def test_htxsnv_needs_all_previous_faults_fixed():
    doc = with_scores(clean_member(), 30, 65)
    doc["khac_phuc_ky_truoc"] = {"so_han_che": 3, "so_da_khac_phuc": 2}
    assert level_of(doc) == "HTTNV"
    doc["khac_phuc_ky_truoc"]["so_da_khac_phuc"] = 3
    assert level_of(doc) == "HTXSNV"
    del doc["khac_phuc_ky_truoc"]  # nothing was named last time: the condition holds ("nếu có")
    assert level_of(doc) == "HTXSNV"


def test_httnv_needs_every_task_on_time():
    doc = with_scores(clean_member(so_dung_tien_do=9), 30, 65)
    assert level_of(doc) == "HTNV"  # 92 points, but one task late: not HTXSNV, not HTTNV


@pytest.mark.parametrize("on_time, expected", [(8, "HTNV"), (7, "UNDECIDED")])
def test_htnv_allows_at_most_20_percent_late(on_time, expected):
    # 2/10 late = 20 % ("không vượt quá 20%") is allowed; 3/10 is not, and with 65 points and no
    # listed case no KHTNV ground applies either: Điều 11 leaves it to the competent committee.
    assert level_of(with_scores(clean_member(so_dung_tien_do=on_time, so_vuot_muc=0), 25, 40)) == expected


def test_htnv_needs_every_task_done():
    doc = with_scores(clean_member(so_hoan_thanh=9, so_dung_tien_do=9, so_vuot_muc=0), 25, 40)
    assert level_of(doc) == "UNDECIDED"  # 9/10 done fails HTNV; 65 points and no listed case: no KHTNV ground


def test_the_issue_case_92_points_9_of_10_done_is_undecided_with_its_reasons():
    result = evaluate(validate(with_scores(clean_member(so_hoan_thanh=9, so_dung_tien_do=9, so_vuot_muc=0), 30, 62)))
    assert result.level == "UNDECIDED" and result.level_label == "Chờ cấp có thẩm quyền quyết định"
    texts = [(r.level, r.met, r.rule, r.text) for r in result.reasons]
    assert any(lv == "HTNV" and met is False and "đủ 100%" in t and "Điều 11" in rule for lv, met, rule, t in texts)
    ground = next(t for lv, met, rule, t in texts if lv == "KHTNV")
    assert "không thuộc trường hợp nào" in ground and "92 điểm, không dưới 50 điểm" in ground
    assert texts[-1][0] == "UNDECIDED" and "cấp có thẩm quyền" in texts[-1][3] and "Điều 12" in texts[-1][2]


@pytest.mark.parametrize("points, expected", [(50, "UNDECIDED"), (49.5, "KHTNV")])
def test_under_50_points_is_a_khtnv_ground_at_the_boundary(points, expected):
    doc = with_scores(clean_member(so_hoan_thanh=9, so_dung_tien_do=9, so_vuot_muc=0), 20, points - 20)
    result = evaluate(validate(doc))
    assert result.level == expected
    if expected == "KHTNV":
        assert "49,5 điểm, dưới 50 điểm" in result.reasons[0].text
        assert not any("mức cao nhất đạt được" in r.text for r in result.reasons)  # no level was reached


@pytest.mark.parametrize("proposed, ok", [("HTNV", True), ("KHTNV", True), ("HTTNV", False)])
def test_a_proposal_of_a_level_the_rules_leave_open_is_not_an_input_error(proposed, ok):
    doc = with_scores(clean_member(so_hoan_thanh=9, so_dung_tien_do=9, so_vuot_muc=0), 30, 62)
    doc["tu_xep_loai"] = proposed
    problems = evaluate(validate(doc)).problems
    assert (not [p for p in problems if p.path == "$.tu_xep_loai"]) is ok, problems


@pytest.mark.parametrize("done, triggered", [(5, False), (4, True)])
def test_more_than_half_tasks_not_done_is_a_trigger(done, triggered):
    # "trên 1/2": 5/10 not done is exactly half (no trigger), 6/10 is over.
    doc = with_scores(clean_member(so_hoan_thanh=done, so_dung_tien_do=done, so_vuot_muc=0), 25, 40)
    result = evaluate(validate(doc))
    assert result.level == ("KHTNV" if triggered else "UNDECIDED")  # not every task done fails HTNV either way
    assert any("trên 1/2" in r.text and r.met for r in result.reasons) is triggered


@pytest.mark.parametrize(
    "violation",
    [
        {"suy_thoai": True},
        {"vi_pham_dieu_cam": True},
        {"ky_luat": {"hinh_thuc": "khien_trach", "lien_quan_chuc_trach": True}},
    ],
)
def test_triggers_force_khtnv_whatever_the_score(violation):
    doc = with_scores(clean_member(), 30, 70)
    doc["vi_pham"] = violation
    result = evaluate(validate(doc))
    assert result.level == "KHTNV"
    assert all(r.rule.endswith("Quy định 366-QĐ/TW") for r in result.reasons)
    assert any("Hoàn thành xuất sắc nhiệm vụ" in r.text for r in result.reasons)  # says what it would have been


def test_discipline_unrelated_to_duties_is_no_trigger():
    doc = with_scores(clean_member(), 30, 70)
    doc["vi_pham"] = {"ky_luat": {"hinh_thuc": "canh_cao", "lien_quan_chuc_trach": False}}
    assert level_of(doc) == "HTXSNV"


def test_self_detected_violation_is_left_to_the_competent_level():
    doc = with_scores(clean_member(), 30, 62)
    doc["vi_pham"] = {
        "ky_luat": {
            "hinh_thuc": "khien_trach",
            "lien_quan_chuc_trach": True,
            "tu_phat_hien_khac_phuc": True,
            "giai_trinh": "Tự phát hiện sai sót và báo cáo ngay.",
        }
    }
    result = evaluate(validate(doc))
    assert result.level == "HTXSNV"
    assert any("cấp có thẩm quyền" in r.text for r in result.reasons)
    del doc["vi_pham"]["ky_luat"]["giai_trinh"]
    with pytest.raises(InputError) as err:
        validate(doc)
    assert err.value.problems[0].path == "$.vi_pham.ky_luat.giai_trinh"


def leader(**unit) -> dict:
    doc = example("02a")
    doc["lanh_dao"]["nhiem_vu_don_vi"] = {
        "so_duoc_giao": 10,
        "so_hoan_thanh": 10,
        "so_dung_tien_do": 10,
        "so_vuot_muc": 3,
        **unit,
    }
    doc.pop("tu_xep_loai")
    return with_scores(doc, 30, 65)


def test_leader_htxsnv_needs_the_unit_to_meet_it_too():
    assert level_of(leader()) == "HTXSNV"
    assert level_of(leader(so_vuot_muc=2)) == "HTTNV"
    assert level_of(leader(so_dung_tien_do=9)) == "HTNV"


@pytest.mark.parametrize("done, expected", [(7, "HTNV"), (6, "KHTNV")])
def test_leader_unit_under_70_percent_done_forces_khtnv(done, expected):
    # "dưới 70%": 7/10 is not under 70 %.
    assert level_of(leader(so_hoan_thanh=done, so_dung_tien_do=done, so_vuot_muc=0)) == expected


@pytest.mark.parametrize("low, expected", [(29, "HTXSNV"), (30, "HTXSNV"), (31, "KHTNV")])
def test_leader_more_than_half_low_confidence_votes(low, expected):
    doc = leader()
    doc["lanh_dao"]["phieu_tin_nhiem"] = {"tong_so_phieu": 60, "so_phieu_tin_nhiem_thap": low}
    assert level_of(doc) == expected


@pytest.mark.parametrize("failing, expected", [(16, "HTXSNV"), (17, "KHTNV")])
def test_leader_more_than_half_units_khtnv(failing, expected):
    doc = leader()
    doc["lanh_dao"]["don_vi_truc_thuoc"] = {"tong_so": 32, "so_khtnv": failing}
    assert level_of(doc) == expected


def test_leader_rules_do_not_apply_to_other_members():
    doc = with_scores(clean_member(), 30, 65)
    assert level_of(doc) == "HTXSNV"
    reasons = evaluate(validate(doc)).reasons
    assert not any("cơ quan, đơn vị phụ trách" in r.text for r in reasons)


@pytest.mark.parametrize(
    "admitted, rated",
    [
        ("2025-06-05", True),  # 05/6 → 05/12: exactly six months
        ("2025-06-06", False),  # one day short
        ("2025-05-31", True),
    ],
)
def test_not_rated_when_admitted_less_than_six_months(admitted, rated):
    doc = clean_member()
    doc["ngay_lap"] = "2025-12-05"
    doc["dang_vien"]["ngay_vao_dang"] = admitted
    result = evaluate(validate(doc))
    assert (result.level != "NOT_RATED") is rated
    if not rated:
        assert result.level_label == "Không xếp loại"
        assert result.reasons[0].rule == "Điều 5, Quy định 366-QĐ/TW"


def test_month_end_admission_counts_to_the_last_day_of_february():
    doc = clean_member()
    doc["dang_vien"]["ngay_vao_dang"] = "2025-08-31"
    doc["ngay_lap"] = "2026-02-28"
    doc["nam"] = 2025
    assert level_of(doc) != "NOT_RATED"
    doc["ngay_lap"] = "2026-02-27"
    assert level_of(doc) == "NOT_RATED"


@pytest.mark.parametrize("status", ["mien_cong_tac_sinh_hoat", "dinh_chi_sinh_hoat"])
def test_exempt_and_suspended_members_are_not_rated(status):
    doc = clean_member()
    doc["dang_vien"]["tinh_trang_sinh_hoat"] = status
    result = evaluate(validate(doc))
    assert result.level == "NOT_RATED"
    assert "Không xếp loại" in result.reasons[0].text


def test_not_rated_member_may_not_propose_a_level():
    doc = clean_member()
    doc["dang_vien"]["tinh_trang_sinh_hoat"] = "dinh_chi_sinh_hoat"
    doc["tu_xep_loai"] = "HTNV"
    with pytest.raises(InputError) as err:
        prepare(doc)
    assert "không xếp loại" in str(err.value)


def test_rated_member_must_propose_a_level():
    with pytest.raises(InputError) as err:
        prepare(clean_member())
    assert err.value.problems[0].path == "$.tu_xep_loai"


def test_proposal_above_the_ceiling_says_why():
    doc = with_scores(example("02b"), 27, 58)  # 85 points
    with pytest.raises(InputError) as err:
        prepare(doc)
    texts = [str(p) for p in err.value.problems]
    assert "Tự xếp loại (đề xuất) ($.tu_xep_loai): Đề xuất HTXSNV cần từ 90 điểm trở lên; tổng điểm là 85 điểm" in texts
    assert any("($.nhan_xet_chi_bo.xep_loai" in t for t in texts)


def test_lower_proposal_is_accepted():
    doc = example("02b")
    doc["tu_xep_loai"] = doc["nhan_xet_chi_bo"]["xep_loai"] = "HTTNV"
    assert prepare(doc).evaluation.level == "HTXSNV"


def test_long_sick_leave_adds_the_hd43_note():
    result = evaluate(validate(example("02c")))
    assert any(r.rule == "Mục 7.5, Hướng dẫn 43-HD/BTCTW" for r in result.reasons)


def test_every_reason_cites_its_rule_and_explains_misses_above():
    result = evaluate(validate(example("02c")))
    assert result.level == "HTNV"
    assert all(r.rule and r.text for r in result.reasons)
    missed = {r.level for r in result.reasons if r.met is False}
    assert missed == {"HTXSNV", "HTTNV"}
    assert any(r.level == "HTNV" and r.met for r in result.reasons)


def test_variant_follows_the_role_not_a_letter():
    assert evaluate(validate(example("02a"))).variant["code"] == "02A"
    assert evaluate(validate(example("02b"))).variant["code"] == "02B"
    assert evaluate(validate(example("02c"))).variant["code"] == "02C"
