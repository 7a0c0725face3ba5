"""A tờ trình's years against the record: what the clerk left out is filled from it (and said), what the
clerk typed otherwise is an error naming both, and a subject the record cannot tell apart is said, not
guessed. On SQLite and PostgreSQL."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

from generator.cli import main
from generator.history.location import from_text
from generator.history.records import OrganisationRow
from generator.history.store import open_store
from generator.load import load_document
from generator.pipeline import classify
from tests.history.rows import member, organisation, run

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = load_document(ROOT / "examples/to-trinh-khen-thuong-2025.yaml")
LAN, CHI_BO = 2, 1  # the example's proposals: Nguyễn Thị Lan (dang_vien_5_nam), the chi bộ (chi_bo_5_nam)


def _chi_bo(nam: int, tieu_bieu: bool | None) -> OrganisationRow:
    regime = "qd366-2025" if nam >= 2025 else "qd124-2023"
    return organisation("kt", "Chi bộ Phòng Kỹ thuật – Thi công", "HTXSNV", nam, tieu_bieu=tieu_bieu, regime=regime)


def _record(target, lan_2023: str = "HTXSNV", chi_bo_2022: bool | None = True, namesake: bool = False) -> None:
    lan = [
        member(
            "Nguyễn Thị Lan", "1980-05-06", lan_2023 if y == 2023 else "HTXSNV", y, card="012345", where=f"{y}: dòng 3"
        )
        for y in range(2021, 2025)
    ]
    if namesake:
        lan.append(member("Nguyễn Thị Lan", "1991-09-09", "HTNV", 2024, where="2024: dòng 9"))
    with open_store(target) as store:
        for y in range(2021, 2025):
            store.record(
                run(f"dang-bo-{y}.xlsx", y),
                [m for m in lan if m.result.nam == y],
                [_chi_bo(y, chi_bo_2022 if y == 2022 else True)],
            )


def _lan_typed_2025_only() -> dict:
    document = copy.deepcopy(EXAMPLE)
    document["de_nghi"][LAN]["ket_qua"] = [{"nam": 2025, "xep_loai": "HTXSNV"}]
    document["de_nghi"][CHI_BO]["ket_qua"] = [{"nam": 2025, "xep_loai": "HTXSNV", "tieu_bieu": True}]
    return document


def _write(tmp_path, document) -> str:
    path = tmp_path / "to-trinh.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return str(path)


def test_years_left_out_are_filled_from_the_record_and_said(tmp_path, capsys, history, target):
    _record(target)
    result = classify(_lan_typed_2025_only(), record=target)
    lan = result.document["de_nghi"][LAN]["ket_qua"]
    assert [(r["nam"], r["xep_loai"]) for r in lan] == [(y, "HTXSNV") for y in range(2021, 2026)]
    chi_bo = result.document["de_nghi"][CHI_BO]["ket_qua"]
    assert [(r["nam"], r["tieu_bieu"]) for r in chi_bo] == [(y, True) for y in range(2021, 2026)]
    assert not result.evaluation.problems  # five years HTXSNV: the proposal qualifies
    assert "kết quả năm 2021, 2022, 2023, 2024 lấy từ hồ sơ xếp loại" in result.notice
    # The same from the command line: valid, and the notice on stderr.
    assert main(["validate", _write(tmp_path, _lan_typed_2025_only()), "--history", history]) == 0
    printed = capsys.readouterr()
    assert "hợp lệ" in printed.out and "Đề nghị 3 (“Nguyễn Thị Lan”): kết quả năm 2021, 2022, 2023, 2024" in printed.err
    # Without the record the years are missing, as before.
    assert main(["validate", _write(tmp_path, _lan_typed_2025_only()), "--no-history"]) == 2
    assert "thiếu kết quả năm 2021 (cần 5 năm liền 2021–2025)" in capsys.readouterr().err


def test_a_typed_year_the_record_holds_otherwise_is_an_error_naming_both(tmp_path, capsys, history, target):
    _record(target, lan_2023="HTTNV", chi_bo_2022=False)
    document = copy.deepcopy(EXAMPLE)  # five years typed HTXSNV, tiêu biểu each year
    assert main(["validate", _write(tmp_path, document), "--history", history]) == 2
    err = capsys.readouterr().err
    assert "$.de_nghi[2].ket_qua[2].xep_loai" in err
    assert (
        "năm 2023 ghi “Hoàn thành xuất sắc nhiệm vụ” (HTXSNV), hồ sơ xếp loại: 2023: dòng 3, ghi ngày" in err
        and "ghi “Hoàn thành tốt nhiệm vụ” (HTTNV)" in err
    )
    assert "$.de_nghi[1].ket_qua[1].tieu_bieu" in err and "năm 2022 ghi được công nhận tiêu biểu" in err
    assert main(["render", _write(tmp_path, document), "--history", history, "-o", str(tmp_path / "out")]) == 2
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_two_people_of_one_name_are_said_not_guessed_and_the_card_tells_them_apart(tmp_path, history, target):
    _record(target, lan_2023="HTTNV", namesake=True)
    document = _lan_typed_2025_only()
    result = classify(document, record=target)
    assert "hồ sơ xếp loại có 2 nơi cùng họ tên; chưa đối chiếu kết quả các năm — ghi số thẻ đảng viên" in result.notice
    assert [r["nam"] for r in result.document["de_nghi"][LAN]["ket_qua"]] == [2025]
    document["de_nghi"][LAN]["so_the_dang_vien"] = "01.2345"  # the card, as printed: its digits are 012345
    result = classify(document, record=target)
    lan = result.document["de_nghi"][LAN]["ket_qua"]
    assert [(r["nam"], r["xep_loai"]) for r in lan][:4] == [
        (2021, "HTXSNV"),
        (2022, "HTXSNV"),
        (2023, "HTTNV"),
        (2024, "HTXSNV"),
    ]
    assert any("năm 2023 xếp loại “Hoàn thành tốt nhiệm vụ”" in p.reason for p in result.evaluation.problems)


def test_a_record_not_made_yet_is_no_record_and_is_not_made(tmp_path):
    missing = tmp_path / "chua-co" / "history.sqlite"
    result = classify(copy.deepcopy(EXAMPLE), record=from_text(str(missing)))
    assert not result.evaluation.problems
    assert "hồ sơ xếp loại" not in (result.notice or "")
    assert not missing.exists() and not missing.parent.exists()
