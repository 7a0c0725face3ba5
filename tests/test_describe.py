"""`kiemdiem regime`: a regime in words, from the data the engine applies."""

from __future__ import annotations

import pytest

from generator.cli import main
from generator.evaluate.regime import known_regimes


@pytest.mark.parametrize("regime", known_regimes())
def test_every_regime_is_described(regime, capsys):
    assert main(["regime", regime]) == 0
    out = capsys.readouterr().out
    assert "Các mức:" in out and "Điều kiện mức" in out and "{" not in out


def test_frame_ids_and_boundaries_as_the_regulation_words_them(capsys):
    main(["regime", "hd07-2011"])
    out = capsys.readouterr().out
    assert "hoc_tap_lam_theo_hcm: Học tập và làm theo tấm gương đạo đức Hồ Chí Minh — tối đa 15 điểm" in out
    assert "tỷ lệ tổ chức đảng trực thuộc xếp loại ở mức cao nhất từ 2/3 trở lên" in out
    assert "HTXSNV: từ 2/3 trở lên" in out and "Tỷ lệ: HTXSNV không quá 15% số HTTNV" in out


def test_graded_criteria_ids(capsys):
    main(["regime", "qd124-2023"])
    out = capsys.readouterr().out
    assert "lanh_dao_quan_ly: Kết quả lãnh đạo, quản lý (nếu có)" in out
    assert "mức đánh giá tiêu chí về kết quả thực hiện chức trách, nhiệm vụ mức “Xuất sắc”" in out


def test_a_profile_shows_its_numbers(capsys):
    main(["regime", "qd366-2025", "--profile", "don-vi-tieu-bieu-2025"])
    out = capsys.readouterr().out
    assert "hồ sơ: Đơn vị tiêu biểu" in out and "không quá 25% số HTTNV" in out


def test_without_an_id_it_lists_regimes_and_profiles(capsys):
    assert main(["regime"]) == 0
    out = capsys.readouterr().out
    assert "qd366-2025" in out and "son-la-2021" in out


def test_a_broken_profile_is_exit_2(tmp_path, capsys):
    bad = tmp_path / "p.yaml"
    bad.write_text("id: p\nregime: hd07-2011\n", encoding="utf-8")
    assert main(["regime", "qd366-2025", "--profile", str(bad)]) == 2
    assert "dành cho 'hd07-2011'" in capsys.readouterr().err


def test_collective_report_sections_and_kinds(capsys):
    main(["regime", "qd366-2025"])
    out = capsys.readouterr().out
    assert (
        "Mẫu 01-HD KĐ.ĐG 2025; loai_tap_the: chi_bo_truc_thuoc, chi_bo_co_so, dang_bo_co_so, tap_the_lanh_dao_quan_ly"
        in out
    )
    assert "  xay_dung_dang: Công tác xây dựng, chỉnh đốn Đảng" in out
    assert (
        "có thành viên bị cấp có thẩm quyền kết luận suy thoái" in out and "[chỉ với: tap_the_lanh_dao_quan_ly]" in out
    )


@pytest.mark.parametrize("regime", known_regimes())
def test_every_regime_says_how_the_vote_base_is_counted_and_cites_it(regime, capsys):
    assert main(["regime", regime]) == 0
    line = next(ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("Số đảng viên có quyền biểu quyết"))
    assert "dự bị không biểu quyết" in line and "đình chỉ" in line and "Điều lệ Đảng, Điều 5" in line
