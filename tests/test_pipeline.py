"""pipeline.validated: one round names everything a document lacks, the schema's and the regime's."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

import pytest

from generator.errors import InputError
from generator.load import load_document
from generator.pipeline import prepare, validated

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def member() -> dict:
    return json.loads((EXAMPLES / "ban-tu-kiem-diem-02b.json").read_text(encoding="utf-8"))


def problems(document, profile=None) -> dict[str, str]:
    with pytest.raises(InputError) as error:
        validated(document, profile)
    return {p.path: p.reason for p in error.value.problems}


def test_a_missing_name_and_a_missing_grade_come_in_one_round():
    document = load_document(EXAMPLES / "bieu-diem-tccsd-2023.yaml")  # graded criteria: the regime's, not the schema's
    del document["to_chuc"]
    del document["cap_do"]["chinh_tri_tu_tuong"]
    found = problems(document)
    assert found == {
        "$.to_chuc": "thiếu trường bắt buộc",
        "$.cap_do.chinh_tri_tu_tuong": "thiếu mức đánh giá (xuat_sac, tot, trung_binh, kem)",
    }
    with pytest.raises(InputError) as error:  # prepare (render, validate) says the same
        prepare(document)
    assert {p.path for p in error.value.problems} == set(found)


def test_a_rubric_that_does_not_add_up_is_named_beside_a_missing_name():
    document = member()
    del document["dang_vien"]["ho_ten"]
    score = document["diem"]["tieu_chi_chung"]["diem"]
    document["diem"]["tieu_chi_chung"]["tieu_chi"] = [
        {"ten": "Chính trị tư tưởng", "diem": score - 1, "diem_toi_da": 30}
    ]
    found = problems(document)
    assert found["$.dang_vien.ho_ten"] == "thiếu trường bắt buộc"
    assert any(path.startswith("$.diem.tieu_chi_chung") for path in found), found


def test_a_limit_between_two_valid_numbers_is_named_beside_a_schema_problem():
    document = member()
    document["dia_danh"] = 7  # a schema problem elsewhere
    document["nhiem_vu"]["so_vuot_muc"] = document["nhiem_vu"]["so_hoan_thanh"] + 1
    found = problems(document)
    assert "$.dia_danh" in found
    assert "không được lớn hơn" in found["$.nhiem_vu.so_vuot_muc"]


def test_no_limit_is_read_from_a_value_the_schema_refused():
    document = member()
    document["nhiem_vu"]["so_hoan_thanh"] = "mười"
    found = problems(document)
    assert set(found) == {"$.nhiem_vu.so_hoan_thanh"}  # not also "so_vuot_muc > 'mười'"


def test_a_score_over_its_maximum_is_named_with_a_missing_field():
    document = member()
    del document["chi_bo"]
    document["diem"]["tieu_chi_chung"]["diem"] = 31
    found = problems(document)
    assert found["$.chi_bo"] == "thiếu trường bắt buộc"
    assert "vượt quá điểm tối đa 30" in found["$.diem.tieu_chi_chung.diem"]


@pytest.mark.parametrize("regime", ["../../../tmp/kiemdiem-regime", "khong-co"])
def test_a_refused_regime_is_never_read_for_the_regime_checks(regime, tmp_path, monkeypatch):
    evaluate = sys.modules["generator.evaluate"]  # the package; "generator.evaluate" as an attribute is its function
    document = member()
    document["regime"] = regime
    read = []
    monkeypatch.setattr(evaluate, "regime_of", lambda *a, **k: read.append(a) or pytest.fail("regime read"))
    assert set(problems(document)) == {"$.regime"}
    assert not read


def test_a_valid_document_passes_unchanged():
    document = member()
    assert validated(copy.deepcopy(document))["dang_vien"] == document["dang_vien"]
