"""Commendation: rules and wage chosen by date, each proposal checked year by year at the
boundaries the sources word, quotas, bonus amounts in figures and in words."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from generator import InputError, load_document, prepare, validate
from generator.evaluate import evaluate
from generator.evaluate.commendation import era_on, wage_on
from tests.samples import EXAMPLES

_BASE = {year: load_document(EXAMPLES / f"to-trinh-khen-thuong-{year}.yaml") for year in (2011, 2025)}


def proposal(year: int, *keep: int, **changes) -> dict:
    """The example of ``year`` with only the proposals at ``keep`` (all when none given)."""
    doc = copy.deepcopy(_BASE[year])
    if keep:
        doc["de_nghi"] = [doc["de_nghi"][i] for i in keep]
    doc.update(changes)
    return doc


def problems(doc: dict) -> list[str]:
    with pytest.raises(InputError) as err:
        prepare(doc)
    return [str(p) for p in err.value.problems]


@pytest.mark.parametrize(
    "day, amount, name",
    [
        ("2011-04-30", 730000, "mức lương tối thiểu chung"),
        ("2011-05-01", 830000, "mức lương tối thiểu chung"),
        ("2013-06-30", 1050000, "mức lương tối thiểu chung"),
        ("2013-07-01", 1150000, "mức lương cơ sở"),
        ("2019-06-30", 1390000, "mức lương cơ sở"),
        ("2019-07-01", 1490000, "mức lương cơ sở"),
        ("2024-06-30", 1800000, "mức lương cơ sở"),
        ("2024-07-01", 2340000, "mức lương cơ sở"),
        ("2026-06-30", 2340000, "mức lương cơ sở"),
        ("2026-07-01", 2530000, "mức lương cơ sở"),
    ],
)
def test_the_wage_in_force_on_the_day(day, amount, name):
    wage = wage_on(dt.date.fromisoformat(day))
    assert (wage["amount"], wage["name"]) == (amount, name)


@pytest.mark.parametrize(
    "day, era",
    [
        ("2011-10-31", "hd07-2011"),
        ("2011-11-01", "qd45-2011"),
        ("2012-01-04", "qd45-2011"),
        ("2012-01-05", "qd45-hd01-2012"),
        ("2015-10-26", "qd45-hd01-2012"),
        ("2015-10-27", "qd45-hd56-2015"),
        ("2016-07-24", "qd45-hd56-2015"),
        ("2016-07-25", "qd29-2016"),
        ("2021-07-29", "qd29-2016"),
        ("2021-07-30", "qd24-2021"),
        ("2025-01-19", "qd24-2021"),
        ("2025-01-20", "qd232-2025"),
        ("2025-06-30", "qd232-2025"),
        ("2025-07-01", "qd294-2025"),
        ("2025-12-28", "qd294-2025"),
        ("2025-12-29", "qd294-2025-cv19780"),
    ],
)
def test_the_rules_in_force_on_the_day(day, era):
    assert era_on(dt.date.fromisoformat(day))["id"] == era


@pytest.mark.parametrize(
    "day, cited, not_cited",
    [
        ("2011-10-31", ["07-HD/BTCTW", "37-HD/VPTW"], ["45-QĐ/TW", "01-HD/TW"]),
        ("2011-11-01", ["45-QĐ/TW ngày 01/11/2011", "37-HD/VPTW"], ["01-HD/TW"]),
        ("2012-01-05", ["45-QĐ/TW", "01-HD/TW ngày 05/01/2012", "37-HD/VPTW"], ["56-HD/VPTW"]),
        ("2015-10-26", ["37-HD/VPTW"], ["56-HD/VPTW"]),
        ("2015-10-27", ["45-QĐ/TW", "01-HD/TW ngày 05/01/2012", "56-HD/VPTW ngày 27/10/2015"], ["37-HD/VPTW"]),
    ],
)
def test_2011_to_2016_rest_on_qd45_and_hd01_2012_and_hd56_replaces_hd37(day, cited, not_cited):
    bases = " | ".join(era_on(dt.date.fromisoformat(day))["bases"])
    assert all(c in bases for c in cited) and not any(n in bases for n in not_cited)


def test_the_legal_bases_printed_follow_the_date():
    doc = proposal(2025, 2, nam=2020, ngay_lap="2020-12-15")
    for row, year in zip(doc["de_nghi"][0]["ket_qua"], range(2016, 2021)):
        row["nam"] = year
    context = prepare(doc).context["trinh_bay"]
    assert (
        context["can_cu"][0]
        == "Căn cứ Quy định số 29-QĐ/TW ngày 25/7/2016 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;"
    )
    assert "1.490.000 đồng (Nghị định số 38/2019/NĐ-CP" in context["luong_co_so"]
    assert context["danh_sach"][0]["so_tien"] == "1.490.000"


def test_example_2025_amounts_in_figures_and_words():
    prepared = prepare(_BASE[2025])
    layout = prepared.context["trinh_bay"]
    assert [r["so_tien"] for r in layout["danh_sach"]] == ["4.680.000", "3.510.000", "2.340.000", "3.510.000"]
    assert layout["tong_tien"] == "14.040.000 đồng"
    assert layout["tong_tien_chu"] == "Mười bốn triệu không trăm bốn mươi nghìn đồng"
    assert layout["so_ky_hieu"] == "Số 45-TTr/ĐU"
    assert layout["trich_yeu"] == "về việc đề nghị tặng Giấy khen, Bằng khen năm 2025"


@pytest.mark.parametrize(
    "decided, amount, words, decree",
    [
        ("2026-06-30", "702.000 đồng", "Bảy trăm linh hai nghìn đồng", "Nghị định số 73/2024/NĐ-CP"),
        ("2026-07-01", "759.000 đồng", "Bảy trăm năm mươi chín nghìn đồng", "Nghị định số 161/2026/NĐ-CP"),
    ],
)
def test_a_member_giay_khen_priced_on_the_wage_of_the_decision_date(decided, amount, words, decree):
    """NĐ 161/2026/NĐ-CP: 2.530.000 đ from 01/7/2026; the day before still 0,3 × 2.340.000 đ."""
    doc = proposal(2025, 2, ngay_quyet_dinh=decided)
    doc["de_nghi"][0].update(hinh_thuc="dang_vien_nam", ket_qua=[{"nam": 2025, "xep_loai": "HTXSNV"}])
    layout = prepare(doc).context["trinh_bay"]
    assert (layout["tong_tien"], layout["tong_tien_chu"]) == (amount, words)
    assert decree in layout["luong_co_so"]


def test_a_member_giay_khen_in_2025_is_702000_dong():
    doc = proposal(2025, 2)
    doc["de_nghi"][0].update(hinh_thuc="dang_vien_nam", ket_qua=[{"nam": 2025, "xep_loai": "HTXSNV"}])
    layout = prepare(doc).context["trinh_bay"]
    assert layout["tong_tien"] == "702.000 đồng" and layout["tong_tien_chu"] == "Bảy trăm linh hai nghìn đồng"
    assert layout["danh_sach"][0]["hinh_thuc"] == "Giấy khen của Đảng ủy Công ty Cổ phần Xây dựng số 1"


def test_five_years_running_names_the_year_that_fails_and_the_year_missing():
    doc = proposal(2025, 2)
    rows = doc["de_nghi"][0]["ket_qua"]
    rows[1]["xep_loai"] = "HTTNV"
    del rows[3]
    found = problems(doc)
    assert any("($.de_nghi[0].ket_qua[1]" in p and "năm 2022 xếp loại “Hoàn thành tốt nhiệm vụ”" in p for p in found), (
        found
    )
    assert any(
        "($.de_nghi[0].ket_qua)" in p and "thiếu kết quả năm 2024 (cần 5 năm liền 2021–2025)" in p for p in found
    ), found


def test_an_organisation_needs_tieu_bieu_every_year():
    doc = proposal(2025, 1)
    doc["de_nghi"][0]["ket_qua"][2]["tieu_bieu"] = False
    found = problems(doc)
    assert any(
        "năm 2023 chưa được cấp có thẩm quyền công nhận “Hoàn thành xuất sắc nhiệm vụ” tiêu biểu" in p for p in found
    ), found


def test_the_terminology_changes_inside_five_years():
    doc = proposal(2025, 1, nam=2018, ngay_lap="2018-12-20")
    doc["de_nghi"][0]["ket_qua"] = [
        {"nam": y, "xep_loai": "TSVM" if y < 2018 else "HTXSNV", "tieu_bieu": True} for y in range(2014, 2019)
    ]
    line = evaluate(validate(doc)).proposals[0]
    # rated HTXSNV in 2018, recognised "Trong sạch, vững mạnh" tiêu biểu (khen-thuong.yaml, organisation_titles)
    assert line.achievement == "“Trong sạch, vững mạnh” tiêu biểu 5 năm liền (2014–2018)"
    doc["de_nghi"][0]["ket_qua"][4]["xep_loai"] = "TSVM"  # no longer a level in 2018
    assert any("năm 2018: mức TSVM không dùng trong" in p for p in problems(doc))


@pytest.mark.parametrize(
    "year, achievement",
    [
        (2017, "“Trong sạch, vững mạnh” tiêu biểu năm 2017"),  # the level itself (hd27-2014)
        (2018, "“Trong sạch, vững mạnh” tiêu biểu năm 2018"),  # rated HTXSNV, titled TSVM tiêu biểu
        (2020, "“Trong sạch, vững mạnh” tiêu biểu năm 2020"),
        (2021, "“Hoàn thành xuất sắc nhiệm vụ” tiêu biểu năm 2021"),  # HD 01-HD/TW (2021)
    ],
)
def test_an_organisations_year_2018_to_2020_is_trong_sach_vung_manh_tieu_bieu(year, achievement):
    doc = proposal(2025, 0, nam=year, ngay_lap=f"{year}-12-20")
    doc["de_nghi"][0]["ket_qua"] = [{"nam": year, "xep_loai": "TSVM" if year < 2018 else "HTXSNV", "tieu_bieu": True}]
    assert evaluate(validate(doc)).proposals[0].achievement == achievement


def test_five_years_across_2020_and_2021_name_both_titles_and_a_missing_recognition_names_the_title():
    doc = proposal(2025, 1, nam=2021, ngay_lap="2021-12-20")
    doc["de_nghi"][0]["ket_qua"] = [
        {"nam": y, "xep_loai": "TSVM" if y < 2018 else "HTXSNV", "tieu_bieu": True} for y in range(2017, 2022)
    ]
    assert evaluate(validate(doc)).proposals[0].achievement == (
        "5 năm liền: “Trong sạch, vững mạnh” tiêu biểu (2017–2020), “Hoàn thành xuất sắc nhiệm vụ” tiêu biểu (2021)"
    )
    doc["de_nghi"][0]["ket_qua"][3]["tieu_bieu"] = False
    assert any(
        "năm 2020 chưa được cấp có thẩm quyền công nhận “Trong sạch, vững mạnh” tiêu biểu" in p for p in problems(doc)
    )


def test_a_members_years_2018_to_2020_keep_the_level():
    doc = proposal(2025, 2, nam=2020, ngay_lap="2020-12-15")
    for row, year in zip(doc["de_nghi"][0]["ket_qua"], range(2016, 2021)):
        row["nam"] = year
    assert evaluate(validate(doc)).proposals[0].achievement == "“Hoàn thành xuất sắc nhiệm vụ” 5 năm liền (2016–2020)"


@pytest.mark.parametrize("score, ok", [(94.9, False), (95, True)])
def test_2011_from_95_points_each_year(score, ok):
    doc = proposal(2011, 1)
    doc["de_nghi"][0]["ket_qua"][0]["diem"] = score
    if ok:
        assert prepare(doc)
    else:
        assert any("năm 2009 đạt 94,9 điểm, cần từ 95 điểm trở lên" in p for p in problems(doc))


@pytest.mark.parametrize("good, ok", [(9, False), (10, True)])  # of 10: 90 % is not "trên 90%"
def test_2011_more_than_90_percent_members_good(good, ok):
    doc = proposal(2011, 1)
    doc["de_nghi"][0]["ket_qua"][1].update(so_dang_vien=10, so_dang_vien_tot_tro_len=good)
    if ok:
        assert prepare(doc)
    else:
        assert any(
            "năm 2010 có 90% đảng viên hoàn thành tốt nhiệm vụ trở lên, cần trên 90%" in p for p in problems(doc)
        )


def test_2011_no_member_failing():
    doc = proposal(2011, 0)
    doc["de_nghi"][0]["ket_qua"][0]["so_dang_vien_khtnv"] = 1
    assert any("năm 2011 có 1 đảng viên không hoàn thành nhiệm vụ (phải không có)" in p for p in problems(doc))


@pytest.mark.parametrize("last, ok", [("2009-01-20", False), ("2008-12-20", True)])
def test_2011_waiting_three_years_from_the_last_award(last, ok):
    doc = proposal(2011, 2)
    doc["de_nghi"][0]["khen_thuong_truoc"] = [{"hinh_thuc": "dang_vien_3_nam", "ngay": last}]
    if ok:
        assert prepare(doc)
    else:
        assert any("phải sau 03 năm kể từ ngày được khen (từ ngày 20/01/2012) mới đề nghị" in p for p in problems(doc))


def test_2011_five_years_need_two_emulation_titles_and_an_earlier_award():
    doc = proposal(2011, 3)
    doc["de_nghi"][0]["ket_qua"][1]["chien_si_thi_dua"] = False
    del doc["de_nghi"][0]["khen_thuong_truoc"]
    found = problems(doc)
    assert any("cần ít nhất 02 lần đạt danh hiệu “Chiến sĩ thi đua cơ sở”" in p and "có 01" in p for p in found), found
    assert any("($.de_nghi[0].khen_thuong_truoc" in p and "“dang_vien_3_nam”" in p for p in found), found


@pytest.mark.parametrize("base, ok", [(13, False), (14, True)])  # 15 % × 13 = 1,95 → 1; × 14 = 2,1 → 2
def test_2011_quota_of_three_year_chi_bo(base, ok):
    doc = proposal(2011, 1, 1)
    doc["de_nghi"][1]["ten"] = "Chi bộ Phòng Tin học và Thống kê"
    doc["co_so_ty_le"]["so_chi_bo_tieu_bieu"] = base
    if ok:
        assert prepare(doc)
    else:
        assert any("($.de_nghi)" in p and "vượt tỷ lệ không quá 15% của 13 (tối đa 1)" in p for p in problems(doc))


def test_a_quota_needs_its_base():
    doc = proposal(2011, 1)
    del doc["co_so_ty_le"]
    assert any("($.co_so_ty_le.so_chi_bo_tieu_bieu" in p for p in problems(doc))


def test_a_profile_adds_a_quota(tmp_path):
    profile = tmp_path / "tinh.yaml"
    profile.write_text(
        "regime: qd366-2025\nname: Tỉnh ủy thử\nkhen_thuong:\n  quotas:\n    dang_vien_5_nam: "
        "{rate: 20%, base: so_dang_vien_htxsnv, rule: Hướng dẫn của Tỉnh ủy}\n",
        encoding="utf-8",
    )
    doc = proposal(2025, 2, co_so_ty_le={"so_dang_vien_htxsnv": 4})
    assert not evaluate(validate(doc)).problems
    found = [str(p) for p in evaluate(validate(doc), str(profile)).problems]
    assert any("vượt tỷ lệ không quá 20% của 4 (tối đa 0) theo Hướng dẫn của Tỉnh ủy" in p for p in found), found


def test_an_award_the_rules_of_the_date_do_not_have():
    doc = proposal(2025, 2)
    doc["de_nghi"][0]["hinh_thuc"] = "dang_vien_3_nam"
    assert any(
        "($.de_nghi[0].hinh_thuc" in p and "không có theo Quy định 294-QĐ/TW" in p and "dang_vien_5_nam" in p
        for p in problems(doc)
    )


def test_the_awarding_committee_comes_from_the_input_tree():
    doc = proposal(2025, 3)
    del doc["cap_uy"]["tinh_uy"]
    assert any("($.cap_uy.tinh_uy" in p and "thiếu tên cấp ủy tặng Bằng khen" in p for p in problems(doc))


@pytest.mark.parametrize("number", ["Số 12-TTr/ĐU", "12-TTr:ĐU", "12 - TTr/ĐU", "12-TTr/đu"])
def test_the_number_and_issuer_code(number):
    found = problems(proposal(2025, so_ky_hieu=number))
    assert any("($.so_ky_hieu" in p and "không có dấu hai chấm, không có dấu cách" in p for p in found), found


def test_a_date_before_the_rules_the_toolkit_knows():
    assert any(
        "($.ngay_lap" in p and "từ ngày 11/10/2011" in p for p in problems(proposal(2011, ngay_lap="2011-06-01"))
    )
